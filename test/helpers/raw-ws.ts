import WebSocket from 'ws';

/** The graphql-ws subprotocol. */
export const GRAPHQL_TRANSPORT_WS = 'graphql-transport-ws';

/** A message of the graphql-ws protocol, as received (parsed JSON): `payload` is per `type`. */
export interface WsMessage {
  type: string;
  id?: string;
  payload?: unknown;
}

export interface RawSocket {
  socket: WebSocket;
  /** Messages received so far, parsed. */
  messages: WsMessage[];
  /** Resolves with the close code and reason, whoever closed. */
  closed: Promise<{ code: number; reason: string }>;
  /** Sends a message: objects as JSON, strings and buffers as they are. */
  send(message: unknown): void;
  /** Resolves with the first message (from now on, or already received) that matches. */
  next(match: (message: WsMessage) => boolean, ms?: number): Promise<WsMessage>;
  close(): void;
}

/**
 * A WebSocket to /graphql without a graphql-ws client, to send what a well-behaved client never
 * would (bad messages, messages out of order) and watch how the server closes.
 */
export async function rawSocket(httpUrl: string, protocol: string | null = GRAPHQL_TRANSPORT_WS): Promise<RawSocket> {
  const socket = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/graphql`, protocol ? [protocol] : []);
  const messages: WsMessage[] = [];
  const waiters: { match: (message: WsMessage) => boolean; resolve: (message: WsMessage) => void }[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as WsMessage;
    messages.push(message);
    for (const waiter of waiters.filter((w) => w.match(message))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    messages,
    closed,
    send: (message) =>
      socket.send(typeof message === 'string' || Buffer.isBuffer(message) ? message : JSON.stringify(message)),
    next(match, ms = 5000) {
      const seen = messages.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such message; got ${JSON.stringify(messages)}`)), ms);
        waiters.push({
          match,
          resolve: (message) => {
            clearTimeout(timer);
            resolve(message);
          },
        });
      });
    },
    close: () => socket.close(),
  };
}

/** Opens a socket and completes the graphql-ws handshake. */
export async function initialisedSocket(
  httpUrl: string,
  connectionParams: Record<string, unknown> = {},
): Promise<RawSocket> {
  const raw = await rawSocket(httpUrl);
  raw.send({ type: 'connection_init', payload: connectionParams });
  await raw.next((message) => message.type === 'connection_ack');
  return raw;
}
