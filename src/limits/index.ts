/**
 * Every limit the server enforces, with its default. The README's "Limits and failure behaviour"
 * lists the same values with their environment variables (src/config.ts) and what a client sees.
 *
 * The defaults are chosen around the operations real clients send (src/client/operations and the
 * README's examples; test/hardening/limits/operations.test.ts runs them all at these limits):
 */
export interface Limits {
  /**
   * Deepest field nesting (fragments do not add a level). The question page is 7 deep:
   * question → answers → edges → node → author → specialty → name. 10 leaves room for a client's
   * own shape and stops cycles such as answer → question → answers → … early.
   */
  maxDepth: number;
  /** Aliased fields per operation. The examples use at most 1; 15 allows side-by-side lists. */
  maxAliases: number;
  /** Lexical tokens per document. The question page has about 130; 1,000 bounds parsing cost. */
  maxTokens: number;
  /** Directives per operation. The examples use none; 20 allows @include/@skip where needed. */
  maxDirectives: number;
  /**
   * Estimated cost (src/schema/cost.ts): each field costs 1, and a connection or list multiplies
   * what is selected under it by its page size (`first`/`last`, else 20). The question page costs
   * about 490 at 20 answers and about 2,230 at the maximum page of 100; 5,000 lets that through
   * while a list nested in a list (100 questions × 100 answers each: over 100,000) is refused.
   */
  maxCost: number;
  /**
   * Request body bytes. The longest input is an answer of 10,000 characters, up to 40 KB of UTF-8,
   * or 120 KB if a client escapes every character as a JSON surrogate pair; 256 KiB fits that.
   */
  maxBodyBytes: number;
  /** Schema introspection (GraphiQL needs it). Default: on; src/config.ts turns it off in production unless told. */
  introspection: boolean;
  /** "Did you mean …?" in validation errors. Default: on; off in production (src/config.ts), where they would map the schema. */
  fieldSuggestions: boolean;
  /**
   * Proxies in front of the server whose `X-Forwarded-For` is trusted: the client address is the
   * entry that many hops from the right. 0 (default): the socket's address, whatever headers say.
   */
  trustProxy: number;
  /**
   * Events one subscription may have waiting for its client (SSE or WebSocket). A client reading
   * its stream takes each as it comes; 100 waiting means it has stopped reading: it is cut off
   * (src/limits/slow-clients.ts) and resumes with `after:` when it reconnects.
   */
  maxPendingEvents: number;
  /** Bytes a WebSocket may have waiting to be sent (pongs to a client that pings and never reads). */
  maxBufferedBytes: number;
  /**
   * Time a client has to send a request's headers, and its whole request (headers and body), before
   * node:http answers 408 and closes the connection: a client trickling bytes holds a socket and
   * its buffers. A 256 KiB body takes well under a second on any real link; SSE and WebSocket
   * streams are not affected (the request is complete once sent).
   */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Open SSE streams per client address (per instance), as for WebSockets. */
  maxSseStreamsPerAddress: number;
  rate: RateLimits;
  websocket: WebSocketLimits;
}

/** Counted per credential when the request has one, else per client address (askQuestion: per address always). */
export interface RateLimits {
  /**
   * Every valid operation (query, mutation, subscription start) over HTTP, SSE and WebSocket. 600 a
   * minute is 10 a second sustained: far above a person reading pages (a few operations each),
   * with room for several people behind one address.
   */
  operationsPerMinute: number;
  /** askQuestion, per address: a patient asks a few questions, not dozens an hour. */
  askQuestionPerHour: number;
  /** postAnswer, per credential: one a minute on average is a busy doctor; more is likely a script. */
  postAnswerPerHour: number;
  /** editAnswer, editQuestion and hideAnswer together, per credential: room for a moderation session. */
  editsPerHour: number;
}

export interface WebSocketLimits {
  /** Open WebSockets per client address (per instance). */
  maxConnectionsPerAddress: number;
  /** Operations running at once on one socket; a page follows a few questions, a list page 20 × 2 feeds. */
  maxOperationsPerConnection: number;
  /** Time a client has to send `connection_init` after connecting (then close 4408). */
  initTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 1_000,
  maxDirectives: 20,
  maxCost: 5_000,
  maxBodyBytes: 256 * 1024,
  introspection: true,
  fieldSuggestions: true,
  trustProxy: 0,
  maxPendingEvents: 100,
  maxBufferedBytes: 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxSseStreamsPerAddress: 100,
  rate: { operationsPerMinute: 600, askQuestionPerHour: 5, postAnswerPerHour: 60, editsPerHour: 120 },
  websocket: { maxConnectionsPerAddress: 100, maxOperationsPerConnection: 100, initTimeoutMs: 3_000 },
};

/** Some limits, the rest from the defaults; `rate` and `websocket` may be given in part. */
export type LimitsOptions = Partial<Omit<Limits, 'rate' | 'websocket'>> & {
  rate?: Partial<RateLimits>;
  websocket?: Partial<WebSocketLimits>;
};

/**
 * The full limits: the given ones over the defaults. What production changes (no introspection,
 * no field suggestions) is decided once, by src/config.ts.
 */
export function resolveLimits(options: LimitsOptions = {}): Limits {
  return {
    ...DEFAULT_LIMITS,
    ...given(options),
    rate: { ...DEFAULT_LIMITS.rate, ...given(options.rate) },
    websocket: { ...DEFAULT_LIMITS.websocket, ...given(options.websocket) },
  };
}

/** The entries that are set: `{ maxDepth: undefined }` keeps the default rather than erasing it. */
function given<T extends object>(values: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}
