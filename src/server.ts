import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { viewerOfConnection, viewerOfRequest } from './auth/tokens';
import { documentCaches } from './cache/documents';
import type { ResponseCache } from './cache/response-cache';
import type { Context } from './context';
import { lazyOperationLogger } from './context-logger';
import type { Db } from './db/client';
import { watchDatabase } from './db/health';
import { databaseFailure } from './db/failures';
import { serveGraphQLOverWebSocket, type ServerContext } from './graphql-ws';
import { resolveLimits, type LimitsOptions } from './limits';
import { clientAddress } from './limits/address';
import { createRateLimiter, type SharedCounters } from './limits/rate-limiter';
import { cutOffFor } from './limits/slow-clients';
import { useSseStreamLimit } from './limits/sse';
import type { Logger } from './logger';
import { newRequestId, useAccessLog, requestIdOf } from './plugins/access-log';
import { useRequestBodyLimit } from './plugins/body-limit';
import { corsFor } from './plugins/cors';
import { useCsrfPrevention } from './plugins/csrf';
import { useErrorClassification } from './plugins/errors';
import { useGraphQLJsExecute } from './plugins/execute';
import { useGetParameters } from './plugins/get-params';
import { graphiqlOptions, offlineGraphiQL } from './plugins/graphiql';
import { useHttpResponses } from './plugins/http-responses';
import { useInputShapeLimit } from './plugins/input-shape';
import { useOperationLimits } from './plugins/operation-limits';
import { useRateLimits } from './plugins/rate-limits';
import { useReadiness } from './plugins/readiness';
import { createSharedExecutions } from './plugins/shared-subscriptions';
import { useScopeCacheRelease } from './plugins/scope-cache';
import { forClient, type PubSub } from './pubsub';
import { schema } from './schema';

export interface AppDependencies {
  db: Db;
  pubSub: PubSub;
  logger: Logger;
  /**
   * Operation, rate and WebSocket limits, as src/config.ts resolved them (production's hidden
   * introspection and field suggestions included); those not given take their defaults (src/limits).
   */
  limits?: LimitsOptions;
  /** Rate-limit counters shared by the deployment's instances (Redis); default: this process only. */
  sharedCounters?: SharedCounters | null;
  /** Caching of anonymous query responses (src/cache); default: none. */
  responseCache?: ResponseCache;
  /** Origins whose pages may call the API from a browser (`*`: any); default: none but its own. */
  corsOrigins?: readonly string[];
  /** DATABASE_POOL_SIZE, reported by /readyz (the connection budget). */
  poolSize?: number;
}

/**
 * Connections the kernel holds for the server until it accepts them. Node's default, 511, overflows
 * when the clients of a dead instance all reconnect at once while this one is busy: connections
 * past it are dropped or reset (the client's WebSocket ends with 1006 before it opens; the bench's
 * reconnect storm, bench/storm.ts). The kernel caps it at net.core.somaxconn (4096 by default
 * since Linux 5.4).
 */
export const LISTEN_BACKLOG = 4096;

const noResponseCache: ResponseCache = { plugins: [], invalidate: async () => {}, close: () => {} };

export interface App {
  /** Listens on the port (0: any free one) and resolves to the one taken. */
  start(port: number, host?: string): Promise<number>;
  /** Stops taking work, lets in-flight requests finish (up to `timeoutMs`), closes sockets. */
  stop(timeoutMs?: number): Promise<void>;
  readonly httpServer: Server;
}

export const DEMO_QUESTION_SLUG = 'is-scalp-micropigmentation-permanent';

/** See src/plugins/csrf.ts for the rule and why. */
export { CSRF_HEADER } from './plugins/csrf';

const exampleQuery = readFileSync(new URL('./client/operations/question-page.graphql', import.meta.url), 'utf8');
const liveQuery = readFileSync(new URL('./client/operations/answer-added.graphql', import.meta.url), 'utf8');

/** graphql-yoga for HTTP (and SSE) plus graphql-ws for WebSockets on the same /graphql path. */
export function buildApp({
  db,
  pubSub,
  logger,
  responseCache = noResponseCache,
  corsOrigins = [],
  ...options
}: AppDependencies): App {
  const databaseHealth = watchDatabase(db, logger.child({ component: 'readiness' }));
  const limits = resolveLimits(options.limits);
  const withLogger = lazyOperationLogger(logger);
  const rateLimiter = createRateLimiter(limits.rate, options.sharedCounters);
  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    cors: corsFor(corsOrigins),
    logging: logger.child({ component: 'yoga' }),
    // Opens on the demo question page, ready to run, and its live answers in a second tab.
    graphiql: graphiqlOptions({ db, pageQuery: exampleQuery, liveQuery, slug: DEMO_QUESTION_SLUG }),
    renderGraphiQL: offlineGraphiQL(), // assets from npm, none from a CDN
    maskedErrors: { isDev: false }, // never a stack trace, not even in development
    // Larger bodies get 413 before they are read (by Content-Length, or counted when chunked):
    // useRequestBodyLimit below, in place of Yoga's own check.
    maxRequestBodySize: false,
    multipart: false, // no file uploads: multipart bodies are refused (415), never parsed
    parserAndValidationCache: documentCaches(), // bounded in bytes, not by count (src/cache/documents.ts)
    // Batching stays off (Yoga's default): a JSON array body is refused with 400.
    // HTTP: the Authorization header; WebSocket (no `request`): graphql-ws connectionParams.
    context: async (initialContext) => {
      const { request, req, connectionParams } = initialContext;
      const requestId = request ? requestIdOf(request) : newRequestId();
      const viewer = await (request ? viewerOfRequest(db, request) : viewerOfConnection(db, connectionParams)).catch(
        (error: unknown) => {
          if (error instanceof GraphQLError) throw error;
          // The credential could not be checked: database down or busy (503, with its code), or a bug.
          const failure = databaseFailure(error, requestId);
          if (failure) throw failure;
          logger.error({ err: error, requestId }, 'unexpected error while checking a credential');
          throw new GraphQLError('Unexpected error.', {
            extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, http: { status: 503 } },
          });
        },
      );
      const address = clientAddress(req, limits.trustProxy);
      // `logger` is defined on the context itself, made on first use; the rest is copied onto it.
      const context = withLogger(initialContext);
      // Its subscriptions cut this client off if it stops reading (src/limits/slow-clients.ts):
      // the context has its `socket` (WebSocket) or `res` (SSE), and `logger`.
      const ownPubSub = forClient(pubSub, limits.maxPendingEvents, cutOffFor(context));
      const rest: Omit<Context, 'logger'> = {
        db,
        pubSub: ownPubSub,
        requestId,
        viewer,
        clientAddress: address,
        responseCache,
      };
      return rest as Context;
    },
    plugins: [
      useGraphQLJsExecute(),
      useHttpResponses(), // first, so that the access log sees (and tags) any response it makes
      useAccessLog(logger.child({ component: 'http' })),
      useCsrfPrevention(),
      useInputShapeLimit(), // before anything walks the variables
      useSseStreamLimit(limits.maxSseStreamsPerAddress, limits.trustProxy),
      useGetParameters(), // a malformed JSON parameter is a 400, not an unexpected error
      ...useOperationLimits(limits),
      useErrorClassification(),
      useRateLimits(rateLimiter, limits.trustProxy),
      // After the rate limits, so that cached answers count too.
      ...responseCache.plugins,
      useReadiness(databaseHealth, pubSub, options.poolSize),
      createSharedExecutions().plugin, // identical subscriptions execute each event once
      useScopeCacheRelease(), // an idle subscription keeps no scope-auth cache
      useRequestBodyLimit(limits.maxBodyBytes), // last: it wraps the request parser the others leave
    ],
  });

  // Slow or idle clients (headers or body trickled) get 408 and are closed after these; node:http
  // checks every connectionsCheckingInterval, so that is kept well below the shorter timeout.
  // Yoga's request listener itself: `yoga` is a Proxy whose every property read binds a new
  // function, and Node read one through it on each request.
  const httpServer = createServer(
    { connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs / 2) },
    yoga.requestListener,
  );
  httpServer.headersTimeout = limits.headersTimeoutMs;
  httpServer.requestTimeout = limits.requestTimeoutMs;
  const closeWebSockets = serveGraphQLOverWebSocket(httpServer, yoga, { db, limits, logger });

  return {
    httpServer,
    start(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
          httpServer.off('error', reject);
          resolve((httpServer.address() as AddressInfo).port);
        });
      });
    },
    async stop(timeoutMs = 10_000) {
      databaseHealth.close();
      closeWebSockets();
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      // Keep-alive sockets would hold close() open: close each one as soon as it is idle, i.e.
      // once its request in flight has been answered; after the timeout, close the rest anyway.
      httpServer.closeIdleConnections();
      const sweep = setInterval(() => httpServer.closeIdleConnections(), 50);
      const deadline = setTimeout(() => httpServer.closeAllConnections(), timeoutMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(deadline);
    },
  };
}
