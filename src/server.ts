import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError, type DocumentNode } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { viewerOfConnection, viewerOfRequest } from './auth/tokens';
import type { ResponseCache } from './cache/response-cache';
import type { Context } from './context';
import type { Db } from './db/client';
import { resolveLimits, type LimitsOptions } from './limits';
import { clientAddress } from './limits/address';
import { createRateLimiter, type SharedCounters } from './limits/rate-limiter';
import { limitConnectionsPerAddress, tooManyOperations } from './limits/websocket';
import type { Logger } from './logger';
import { useAccessLog, requestIdOf } from './plugins/access-log';
import { useErrorClassification } from './plugins/errors';
import { useHttpResponses } from './plugins/http-responses';
import { useOperationLimits } from './plugins/operation-limits';
import { useRateLimits } from './plugins/rate-limits';
import { useReadiness } from './plugins/readiness';
import type { PubSub } from './pubsub';
import { schema } from './schema';

export interface AppDependencies {
  db: Db;
  pubSub: PubSub;
  logger: Logger;
  /** Production hides GraphiQL's helpful extras (stack traces stay hidden everywhere). */
  production?: boolean;
  /** Operation, rate and WebSocket limits; those not given take their defaults (src/limits). */
  limits?: LimitsOptions;
  /** Rate-limit counters shared by the deployment's instances (Redis); default: this process only. */
  sharedCounters?: SharedCounters | null;
  /** Caching of anonymous query responses (src/cache); default: none. */
  responseCache?: ResponseCache;
}

const noResponseCache: ResponseCache = { plugin: null, invalidate: async () => {}, close: () => {} };

export interface App {
  /** Listens on the port (0: any free one) and resolves to the one taken. */
  start(port: number, host?: string): Promise<number>;
  /** Stops taking work, lets in-flight requests finish (up to `timeoutMs`), closes sockets. */
  stop(timeoutMs?: number): Promise<void>;
  readonly httpServer: Server;
}

export const DEMO_QUESTION_SLUG = 'is-scalp-micropigmentation-permanent';

/**
 * CSRF prevention: a GET, or a POST with a "simple" content type (text/plain, form, multipart),
 * needs this header (any value), which a browser sends cross-site only after a CORS preflight.
 * JSON POSTs, GraphiQL's included, need nothing more.
 */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

const exampleQuery = readFileSync(new URL('./client/operations/question-page.graphql', import.meta.url), 'utf8');

/** graphql-yoga for HTTP (and SSE) plus graphql-ws for WebSockets on the same /graphql path. */
export function buildApp({ db, pubSub, logger, production = false, responseCache = noResponseCache, ...options }: AppDependencies): App {
  const limits = resolveLimits(options.limits, production);
  const rateLimiter = createRateLimiter(limits.rate, options.sharedCounters);
  // `req`: node:http's request, for the client address (graphql-ws passes its upgrade request).
  const yoga = createYoga<Record<string, unknown> & { req?: IncomingMessage }, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    logging: logger.child({ component: 'yoga' }),
    graphiql: {
      title: 'Medical Q&A API',
      // Opens on the demo question page, ready to run.
      defaultTabs: [{ query: exampleQuery, variables: JSON.stringify({ slug: DEMO_QUESTION_SLUG }, null, 2) }],
    },
    maskedErrors: { isDev: false }, // never a stack trace, not even in development
    // Larger bodies get 413 before they are read (by Content-Length, or counted when chunked).
    maxRequestBodySize: limits.maxBodyBytes,
    multipart: false, // no file uploads: multipart bodies are refused (415), never parsed
    // Batching stays off (Yoga's default): a JSON array body is refused with 400.
    // HTTP: the Authorization header; WebSocket (no `request`): graphql-ws connectionParams.
    context: async ({ request, req, connectionParams }) => {
      const requestId = request ? requestIdOf(request) : crypto.randomUUID();
      const viewer = await (request ? viewerOfRequest(db, request) : viewerOfConnection(db, connectionParams)).catch(
        (error: unknown) => {
          if (error instanceof GraphQLError) throw error;
          // The credential could not be checked (database down): say so like any unexpected error.
          logger.error({ err: error, requestId }, 'unexpected error while checking a credential');
          throw new GraphQLError('Unexpected error.', {
            extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, http: { status: 503 } },
          });
        },
      );
      const address = clientAddress(req, limits.trustProxy);
      return { db, pubSub, requestId, logger: logger.child({ requestId }), viewer, clientAddress: address, responseCache };
    },
    plugins: [
      useHttpResponses(), // first, so that the access log sees (and tags) any response it makes
      useAccessLog(logger.child({ component: 'http' })),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      ...useOperationLimits(limits),
      useErrorClassification(),
      useRateLimits(rateLimiter),
      // After the rate limits, so that cached answers count too.
      ...(responseCache.plugin ? [responseCache.plugin] : []),
      useReadiness(db, pubSub, logger),
    ],
  });

  const httpServer = createServer(yoga);
  // A message larger than an HTTP body may be is refused too: ws closes the socket with 1009.
  const wsServer = new WebSocketServer({ server: httpServer, path: yoga.graphqlEndpoint, maxPayload: limits.maxBodyBytes });
  const connections = limitConnectionsPerAddress(wsServer, limits.websocket.maxConnectionsPerAddress, limits.trustProxy);

  // WebSocket operations go through the same envelop pipeline (plugins, context) as HTTP ones.
  useServer(
    {
      execute: (args: any) => args.rootValue.execute(args),
      subscribe: (args: any) => args.rootValue.subscribe(args),
      // Without connection_init within this time, graphql-ws closes the socket with 4408.
      connectionInitWaitTimeout: limits.websocket.initTimeoutMs,
      // A bad token in connectionParams refuses the connection (close code 4403); none is anonymous.
      onConnect: async (ctx) => {
        if (connections.refused(ctx.extra.socket)) return false; // already closing with 1008
        try {
          await viewerOfConnection(db, ctx.connectionParams);
          return true;
        } catch (error) {
          if (error instanceof GraphQLError) return false;
          throw error;
        }
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => forWebSocket(error)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => forWebSocket(error)),
      onSubscribe: async (ctx, _id, params) => {
        // graphql-ws has already registered this operation, so the count includes it.
        const running = Object.keys(ctx.subscriptions).length;
        if (running > limits.websocket.maxOperationsPerConnection) {
          return [forWebSocket(tooManyOperations(limits.websocket.maxOperationsPerConnection))];
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          connectionParams: ctx.connectionParams,
        });
        let contextValue: Awaited<ReturnType<typeof contextFactory>>;
        try {
          contextValue = await contextFactory();
        } catch (error) {
          // E.g. the token was revoked after the connection opened: an error for this operation.
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        // A bad document is an error for this operation, as over HTTP (same codes); thrown, it
        // would close the whole socket (4500).
        let document: DocumentNode;
        try {
          document = parse(params.query);
        } catch (error) {
          if (error instanceof GraphQLError) return [forWebSocket(error, 'GRAPHQL_PARSE_FAILED')];
          throw error;
        }
        const args = {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue,
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors.map((error: GraphQLError) => forWebSocket(error, 'GRAPHQL_VALIDATION_FAILED'));
        return args;
      },
    },
    wsServer,
  );

  return {
    httpServer,
    start(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve((httpServer.address() as AddressInfo).port);
        });
      });
    },
    async stop(timeoutMs = 10_000) {
      for (const client of wsServer.clients) client.close(1001, 'Server shutting down');
      wsServer.close();
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

/**
 * An error as a WebSocket client should see it: with `extensions.code` (`code` unless it has one,
 * as Yoga sets it over HTTP) and without `extensions.http`, which only means something over HTTP
 * (Yoga leaves it out of HTTP responses; graphql-ws would send it as it is).
 */
function forWebSocket(error: GraphQLError, code?: string): GraphQLError {
  const { http, ...extensions } = error.extensions;
  if (http === undefined && (extensions.code || !code)) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...extensions, code: extensions.code ?? code },
  });
}
