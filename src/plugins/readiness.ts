import type { Plugin } from 'graphql-yoga';
import type { DatabaseHealth } from '../db/health';
import type { PubSub } from '../pubsub';

/**
 * GET /readyz: 503 when the database does not answer (the instance can serve nothing), 200
 * otherwise. With Redis down the instance still reads and writes, so it stays in rotation, but
 * the body says "degraded": live answers then reach only subscribers on the posting instance
 * until Redis is back, when every subscription catches up.
 *
 * Answered from state the instance keeps anyway (src/db/health.ts, the pub/sub heartbeat), within
 * milliseconds: a health check never queues behind a saturated pool, so a burst cannot take every
 * instance out of rotation at once. Only the first check after start waits, for the first probe.
 * `pool` is this instance's share of PostgreSQL's connections (DATABASE_POOL_SIZE), for sizing.
 */
export function useReadiness(health: DatabaseHealth, pubSub: PubSub, poolSize?: number): Plugin {
  async function check(fetchAPI: { Response: typeof Response }) {
    await health.settled();
    const database = health.state();
    const pubsub = pubSub.responsive() ? 'up' : 'down';
    const status = database === 'down' ? 'unavailable' : pubsub === 'down' ? 'degraded' : 'ready';
    const pool = poolSize === undefined ? {} : { pool: { size: poolSize } };
    return fetchAPI.Response.json({ status, database, pubsub, ...pool }, { status: database === 'down' ? 503 : 200 });
  }
  // Yoga's useReadinessCheck also tests every request's URL against a URLPattern (a polyfill on
  // Node 20, 1.5% of a question page's CPU), which matches exactly what the path comparison does.
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (!request.url.endsWith(ENDPOINT) && url.pathname !== ENDPOINT) return;
      return check(fetchAPI).then(endResponse, (error: unknown) =>
        endResponse(
          new fetchAPI.Response(error instanceof Error ? error.message : null, {
            status: 503,
            headers: error instanceof Error ? { 'content-type': 'text/plain; charset=utf-8' } : {},
          }),
        ),
      );
    },
  };
}

const ENDPOINT = '/readyz';
