/**
 * SQL statements per request. The API is built in this process (createApplication, as the tests do) on the
 * bench database, and Prisma's `query` events are counted while each request runs, one request at
 * a time. The floor reports its own count in a response header (bench/floor.ts), PostGraphile
 * through GET /statements (bench/peer/server.mjs).
 */
import { createApplication } from '../src/application';
import { loadConfig } from '../src/config';
import { databaseUrl } from './config';
import { post, type PageRequest } from './operations';
import { peerStatements } from './peer';

export interface StatementCount {
  label: string;
  api: number;
  floor: number;
  peer: number;
  statements: string[];
}

export async function countStatements(
  floorUrl: string,
  peerUrl: string,
  pages: { label: string; request: PageRequest }[],
): Promise<StatementCount[]> {
  const application = createApplication(
    loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '2',
      PUBSUB_PREFIX: 'bench-statements',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      SHUTDOWN_TIMEOUT_MS: '1000',
      RESPONSE_CACHE_TTL_MS: '0', // every request reaches the database
    }),
  );
  const { db, port } = await application.start();
  const url = `http://127.0.0.1:${port}`;
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
      await peerStatements(peerUrl, request); // warm, as the API
      const peer = await peerStatements(peerUrl, request);
      counts.push({
        label,
        api: statements.length,
        floor: Number(floor.headers.get('x-sql-statements')),
        peer,
        statements,
      });
    }
    return counts;
  } finally {
    await application.stop();
  }
}
