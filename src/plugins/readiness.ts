import { useReadinessCheck } from 'graphql-yoga';
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
export function useReadiness(health: DatabaseHealth, pubSub: PubSub, poolSize?: number) {
  return useReadinessCheck({
    endpoint: '/readyz',
    check: async ({ fetchAPI }) => {
      await health.settled();
      const database = health.state();
      const pubsub = pubSub.responsive() ? 'up' : 'down';
      const status = database === 'down' ? 'unavailable' : pubsub === 'down' ? 'degraded' : 'ready';
      const pool = poolSize === undefined ? {} : { pool: { size: poolSize } };
      return fetchAPI.Response.json({ status, database, pubsub, ...pool }, { status: database === 'down' ? 503 : 200 });
    },
  });
}
