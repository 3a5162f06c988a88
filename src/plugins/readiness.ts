import { useReadinessCheck } from 'graphql-yoga';
import type { Db } from '../db/client';
import type { Logger } from '../logger';
import type { PubSub } from '../pubsub';

/**
 * GET /readyz: 503 when the database does not answer (the instance can serve nothing), 200
 * otherwise. With Redis down the instance still reads and writes, so it stays in rotation, but
 * the body says "degraded": live answers then reach only subscribers on the posting instance
 * until Redis is back, when every subscription catches up.
 */
export function useReadiness(db: Db, pubSub: PubSub, logger: Logger) {
  return useReadinessCheck({
    endpoint: '/readyz',
    check: async ({ fetchAPI }) => {
      let database: 'up' | 'down' = 'up';
      try {
        await db.$queryRaw`SELECT 1`;
      } catch (error) {
        database = 'down';
        logger.warn({ err: error }, 'readiness: database unreachable');
      }
      const pubsub = (await pubSub.check()) ? 'up' : 'down';
      const status = database === 'down' ? 'unavailable' : pubsub === 'down' ? 'degraded' : 'ready';
      return fetchAPI.Response.json({ status, database, pubsub }, { status: database === 'down' ? 503 : 200 });
    },
  });
}
