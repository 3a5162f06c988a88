import {
  GraphQLError,
  getOperationAST,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context';
import type { ServerContext } from '../graphql-ws';
import { clientAddress } from '../limits/address';
import { declaredBucket, type MutationBucket } from '../limits/field-rate-limit';
import type { RateLimiter } from '../limits/rate-limiter';

/**
 * Rate limits for every operation, over HTTP, SSE and WebSocket alike, once the viewer is known:
 * - each operation costs one point of `operations`;
 * - each mutation field it runs (each alias runs once) one point of its own bucket as well.
 * Points are counted per credential when the request has one, else per client address. askQuestion
 * always counts per address: it is anonymous, and each call mints a new asker credential.
 * Over a limit the operation does not run; the client gets RATE_LIMITED with `retryAfter`.
 */
export function useRateLimits(limiter: RateLimiter, trustProxy: number): Plugin<Context> {
  // Anonymous HTTP requests already counted on arrival (below).
  const counted = new WeakSet<Request>();

  async function check(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    ctx: Context & { request?: Request },
  ) {
    const address = `address:${ctx.clientAddress}`;
    const own = ctx.viewer ? `credential:${ctx.viewer.credentialId}` : address;
    if (!ctx.request || !counted.has(ctx.request)) await limiter.consume('operations', own);
    const operation = getOperationAST(document, operationName);
    if (operation?.operation !== 'mutation') return;
    const points = new Map<MutationBucket, number>();
    for (const field of rootFields(operation.selectionSet, fragmentsOf(document))) {
      // Declared on the field (src/limits/field-rate-limit.ts); a schema test checks every one has it.
      const bucket = declaredBucket(schema, field);
      if (!bucket) throw new Error(`Mutation.${field} declares no rate limit`);
      points.set(bucket, (points.get(bucket) ?? 0) + 1);
    }
    for (const [bucket, count] of points)
      await limiter.consume(bucket, bucket === 'askQuestion' ? address : own, count);
  }

  /** Runs the check; a RATE_LIMITED error becomes the operation's result, so nothing executes. */
  async function guard(
    args: { schema: GraphQLSchema; document: DocumentNode; operationName?: string | null; contextValue: Context },
    stop: (result: { errors: GraphQLError[] }) => void,
  ) {
    try {
      await check(args.schema, args.document, args.operationName, args.contextValue);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      stop({ errors: [error] });
    }
  }

  /** Counts an anonymous HTTP request once, by its client address. */
  function countArrival(request: Request, serverContext: unknown) {
    counted.add(request);
    return limiter.consume('operations', `address:${clientAddress((serverContext as ServerContext).req, trustProxy)}`);
  }

  return {
    // A revalidation (If-None-Match) of a cached page is an operation too, and the response cache
    // answers it with 304 in onRequest, before any parameters are read: it counts here, before
    // the cache's own onRequest (plugins run in order), and over the limit gets 429 instead.
    async onRequest({ request, serverContext, endResponse, fetchAPI }) {
      if (request.headers.has('authorization') || !request.headers.has('if-none-match')) return;
      try {
        await countArrival(request, serverContext);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        const { http, ...extensions } = error.extensions as {
          http: { status: number; headers: Record<string, string> };
        };
        endResponse(fetchAPI.Response.json({ errors: [{ message: error.message, extensions }] }, http));
      }
    },
    // Any other anonymous HTTP request counts as it arrives, before the response cache can answer
    // it (it does so in onParams, for every cached page): otherwise cached pages would not count
    // at all. Requests with a credential count once it is checked, in onExecute.
    async onParams({ request, context }) {
      if (request.headers.has('authorization') || counted.has(request)) return;
      await countArrival(request, context);
    },
    onExecute: ({ args, setResultAndStopExecution }) => guard(args, setResultAndStopExecution),
    onSubscribe: ({ args, setResultAndStopExecution }) => guard(args, setResultAndStopExecution),
  };
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * The root fields an operation runs, by response key: `a: askQuestion(…) b: askQuestion(…)` runs
 * twice, while selections that share a key (also through fragments) are merged and run once.
 */
function rootFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  into = new Map<string, string>(),
  seen = new Set<string>(),
): string[] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__'))
        into.set((selection.alias ?? selection.name).value, selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootFields(selection.selectionSet, fragments, into, seen);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && !seen.has(fragment.name.value)) {
        seen.add(fragment.name.value);
        rootFields(fragment.selectionSet, fragments, into, seen);
      }
    }
  }
  return [...into.values()];
}
