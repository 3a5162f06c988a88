/**
 * SQL statements per request. The API is built in this process (buildApp, as the tests do) on the
 * bench database, and Prisma's `query` events are counted while each request runs, one request at
 * a time. The floor reports its own count in a response header (bench/floor.ts).
 */
import { createDb } from '../src/db/client';
import { createLogger } from '../src/logger';
import { pubSubFromConfig } from '../src/pubsub';
import { buildApp } from '../src/server';
import { databaseUrl } from './config';
import { post, type PageRequest } from './operations';

export interface StatementCount {
  label: string;
  api: number;
  floor: number;
  statements: string[];
}

export async function countStatements(floorUrl: string, pages: { label: string; request: PageRequest }[]): Promise<StatementCount[]> {
  const logger = createLogger('silent');
  const db = createDb(databaseUrl, 2, logger);
  const pubSub = pubSubFromConfig(null, 'bench-statements', logger);
  const app = buildApp({ db, pubSub, logger, production: true });
  const url = `http://127.0.0.1:${await app.start(0, '127.0.0.1')}`;
  let recording: string[] | null = null;
  db.$on('query', (event) => recording?.push(event.query));
  try {
    const counts: StatementCount[] = [];
    for (const { label, request } of pages) {
      await post(url, request); // warm: the first request of a kind may prepare things
      recording = [];
      const api = await post(url, request);
      const statements = recording;
      recording = null;
      if (api.status !== 200 || api.body.includes('"errors"')) throw new Error(`${label}: ${api.status} ${api.body}`);
      const floor = await post(floorUrl, request);
      counts.push({ label, api: statements.length, floor: Number(floor.headers.get('x-sql-statements')), statements });
    }
    return counts;
  } finally {
    await app.stop(1000);
    await pubSub.close();
    await db.$disconnect();
  }
}
