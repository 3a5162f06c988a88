import type { Server, ServerResponse } from 'node:http';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import { type WebSocket, WebSocketServer } from 'ws';
import { viewerOfConnection } from './auth/tokens';
import type { Context } from './context';
import type { Db } from './db/client';
import { serveGraphQLWs } from './graphql-ws-socket';
import type { Limits } from './limits';
import type { RequestOrigin } from './limits/address';
import { limitBufferedBytes } from './limits/slow-clients';
import { tooDeep } from './plugins/input-shape';
import { closeWithoutInit, limitConnectionsPerAddress, tooManyOperations } from './limits/websocket';
import type { Logger } from './logger';

/**
 * What Yoga gets from the server besides the request: where the request came from, for the client
 * address (node:http's request over HTTP; what graphql-ws-socket.ts keeps of it over WebSocket).
 */
export type ServerContext = Record<string, unknown> & {
  req?: RequestOrigin;
  res?: ServerResponse;
  socket?: WebSocket;
};
type Yoga = YogaServerInstance<ServerContext, Context>;
/** What onSubscribe hands to `execute`/`subscribe` as rootValue: the envelop pipeline's own functions. */
type Operation = Pick<ReturnType<Yoga['getEnveloped']>, 'execute' | 'subscribe'>;

/**
 * graphql-ws on the HTTP server's /graphql path, as in Yoga's graphql-ws example: every operation
 * goes through Yoga's envelop pipeline (plugins, context), so WebSocket and HTTP behave alike.
 * Returns a function that closes every socket (1001) and stops taking new ones.
 */
export function serveGraphQLOverWebSocket(
  httpServer: Server,
  yoga: Yoga,
  { db, limits, logger }: { db: Db; limits: Limits; logger: Logger },
): () => void {
  // A message larger than an HTTP body may be is refused too: ws closes the socket with 1009.
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: yoga.graphqlEndpoint,
    maxPayload: limits.maxBodyBytes,
  });
  const connections = limitConnectionsPerAddress(
    wsServer,
    limits.websocket.maxConnectionsPerAddress,
    limits.trustProxy,
  );
  const initWait = closeWithoutInit(wsServer, limits.websocket.initTimeoutMs);
  wsServer.on('connection', (socket: WebSocket) => limitBufferedBytes(socket, limits.maxBufferedBytes, logger));
  serveGraphQLWs(
    wsServer,
    {
      execute: (args: ExecutionArgs) => (args.rootValue as Operation).execute(args),
      subscribe: (args: ExecutionArgs) => (args.rootValue as Operation).subscribe(args),
      // Without connection_init in time the socket is closed with 4408: by `initWait`, not by
      // graphql-ws' own timer, which fires before a lagging event loop has read the message.
      connectionInitWaitTimeout: Number.POSITIVE_INFINITY,
      // A bad token in connectionParams refuses the connection (close code 4403); none is anonymous.
      onConnect: async (ctx) => {
        initWait.received(ctx.extra.socket);
        if (connections.refused(ctx.extra.socket)) return false; // already closing with 1008
        return viewerOfConnection(db, ctx.connectionParams).then(
          () => true,
          (error: unknown) => (error instanceof GraphQLError ? false : Promise.reject(error)),
        );
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => forWebSocket(error)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => forWebSocket(error)),
      onSubscribe: async (ctx, _id, params) => {
        // graphql-ws has already registered this operation, so the count includes it.
        if (Object.keys(ctx.subscriptions).length > limits.websocket.maxOperationsPerConnection) {
          return [forWebSocket(tooManyOperations(limits.websocket.maxOperationsPerConnection))];
        }
        const shape = tooDeep(params.variables) ?? tooDeep(params.extensions);
        if (shape) return [forWebSocket(shape)];
        // graphql-ws's ctx as Yoga's example spreads it, but written out: V8 gave most spread
        // copies a hidden class of their own (about 450 bytes each, held by every subscription).
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          connectionInitReceived: ctx.connectionInitReceived,
          acknowledged: ctx.acknowledged,
          subscriptions: ctx.subscriptions,
          extra: ctx.extra,
          connectionParams: ctx.connectionParams,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        // Errors of this one operation (revoked token, bad document: same codes as over HTTP) are
        // returned, not thrown: thrown, they would close the whole socket (4500).
        let contextValue: Awaited<ReturnType<typeof contextFactory>>;
        let document: ReturnType<typeof parse>;
        try {
          contextValue = await contextFactory();
        } catch (error) {
          return [ownError(error)];
        }
        try {
          document = parse(params.query);
        } catch (error) {
          return [forWebSocket(ownError(error), 'GRAPHQL_PARSE_FAILED')];
        }
        const errors: readonly GraphQLError[] = validate(schema, document);
        if (errors.length) return errors.map((error) => forWebSocket(error, 'GRAPHQL_VALIDATION_FAILED'));
        const rootValue: Operation = { execute, subscribe };
        return {
          schema,
          operationName: params.operationName,
          document,
          variableValues: params.variables,
          contextValue,
          rootValue,
        };
      },
    },
    logger,
  );
  return () => {
    for (const client of wsServer.clients) client.close(1001, 'Server shutting down');
    wsServer.close();
  };
}

/** A GraphQLError is the operation's own; anything else is unexpected and thrown on. */
function ownError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  throw error;
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
