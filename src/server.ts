import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { viewerOfConnection, viewerOfRequest } from './auth/tokens';
import type { Context } from './context';
import type { Db } from './db/client';
import type { Logger } from './logger';
import { useAccessLog, requestIdOf } from './plugins/access-log';
import { useErrorClassification } from './plugins/errors';
import { useReadiness } from './plugins/readiness';
import type { PubSub } from './pubsub';
import { schema } from './schema';

export interface AppDependencies {
  db: Db;
  pubSub: PubSub;
  logger: Logger;
  /** Production hides GraphiQL's helpful extras (stack traces stay hidden everywhere). */
  production?: boolean;
}

export interface App {
  /** Listens on the port (0: any free one) and resolves to the one taken. */
  start(port: number, host?: string): Promise<number>;
  /** Stops taking work, lets in-flight requests finish (up to `timeoutMs`), closes sockets. */
  stop(timeoutMs?: number): Promise<void>;
  readonly httpServer: Server;
}

export const DEMO_QUESTION_SLUG = 'is-scalp-micropigmentation-permanent';

const exampleQuery = readFileSync(new URL('./client/operations/question-page.graphql', import.meta.url), 'utf8');

/** graphql-yoga for HTTP (and SSE) plus graphql-ws for WebSockets on the same /graphql path. */
export function buildApp({ db, pubSub, logger, production = false }: AppDependencies): App {
  const yoga = createYoga<Record<string, unknown>, Context>({
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
    // HTTP: the Authorization header; WebSocket (no `request`): graphql-ws connectionParams.
    context: async ({ request, connectionParams }) => {
      const requestId = request ? requestIdOf(request) : crypto.randomUUID();
      const viewer = request ? await viewerOfRequest(db, request) : await viewerOfConnection(db, connectionParams);
      return { db, pubSub, requestId, logger: logger.child({ requestId }), viewer };
    },
    plugins: [
      useAccessLog(logger.child({ component: 'http' })),
      useErrorClassification(),
      useReadiness(db, pubSub, logger),
    ],
  });

  const httpServer = createServer(yoga);
  const wsServer = new WebSocketServer({ server: httpServer, path: yoga.graphqlEndpoint });

  // WebSocket operations go through the same envelop pipeline (plugins, context) as HTTP ones.
  useServer(
    {
      execute: (args: any) => args.rootValue.execute(args),
      subscribe: (args: any) => args.rootValue.subscribe(args),
      // A bad token in connectionParams refuses the connection (close code 4403); none is anonymous.
      onConnect: async (ctx) => {
        try {
          await viewerOfConnection(db, ctx.connectionParams);
          return true;
        } catch (error) {
          if (error instanceof GraphQLError) return false;
          throw error;
        }
      },
      onSubscribe: async (ctx, _id, params) => {
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
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue,
          rootValue: { execute, subscribe },
        };
        const errors = validate(args.schema, args.document);
        if (errors.length) return errors;
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
