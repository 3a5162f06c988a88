import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { seedDemo } from '../../prisma/seed/demo';
import { createDb, type Db } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { createLogger } from '../../src/logger';
import { createPubSub } from '../../src/pubsub';
import { buildApp, type App } from '../../src/server';
import { createTestDatabase, type TestDatabase } from './database';

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  db: Db;
  app: App;
  database: TestDatabase;
  /** POSTs an operation to /graphql over real HTTP. */
  request<T = any, V = Record<string, unknown>>(
    query: string | TypedDocumentNode<T, V>,
    variables?: V,
  ): Promise<GraphQLResponse<T>>;
  /** SQL statements Prisma ran while `run` was going on. */
  countStatements(run: () => Promise<unknown>): Promise<{ count: number; statements: string[] }>;
  stop(): Promise<void>;
}

export const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

/**
 * A real server on a free port, on a fresh, migrated PostgreSQL database of its own
 * (with the demo page loaded unless `seed: false`).
 */
export async function startTestServer({ seed = true }: { seed?: boolean } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  await migrate(database.url, { logger });
  const db = createDb(database.url, 5, logger);
  if (seed) await seedDemo(db, logger);
  const pubSub = createPubSub(null, logger);
  const app = buildApp({ db, pubSub: pubSub.pubSub, logger });
  const port = await app.start(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;

  let recording: string[] | null = null;
  db.$on('query', (event) => recording?.push(event.query));

  return {
    url,
    db,
    app,
    database,
    async request(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async countStatements(run) {
      recording = [];
      try {
        await run();
        return { count: recording.length, statements: recording };
      } finally {
        recording = null;
      }
    },
    async stop() {
      await app.stop(1000);
      await pubSub.close();
      await db.$disconnect();
      await database.drop();
    },
  };
}
