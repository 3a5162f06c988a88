import type { Logger } from '../logger';
import type { Db } from './client';

/**
 * Whether the database answers, known without asking it at the moment someone wants to know.
 *
 * Readiness used to run `SELECT 1` through the request pool: during a burst, or a cold start
 * while the pool connects, that query queued behind the requests, load balancers' health checks
 * timed out, and every instance left rotation at once although each was serving. Here the answer
 * comes from what the instance already sees: every query that succeeds (Prisma's query events)
 * counts as proof, and only when none has succeeded for `intervalMs` does a background `SELECT 1`
 * ask, so an idle instance still notices an outage. Reading the state never waits.
 */
export interface DatabaseHealth {
  /** 'up' once a query succeeded after the last failure seen; 'down' otherwise. */
  state(): 'up' | 'down';
  /** Resolves once the first probe has an answer (for the first readiness check after start). */
  settled(): Promise<void>;
  close(): void;
}

export interface HealthOptions {
  /** How long without a successful query before a probe asks (default 1 s). */
  intervalMs?: number;
  /** A probe that has no answer after this long counts as a failure (default 5 s). */
  probeTimeoutMs?: number;
}

export function watchDatabase(db: Db, logger: Logger, options: HealthOptions = {}): DatabaseHealth {
  const intervalMs = options.intervalMs ?? 1_000;
  const probeTimeoutMs = options.probeTimeoutMs ?? 5_000;
  let lastOk = 0;
  let lastFailure = 0;
  let probing = false;
  let closed = false;
  let settle: () => void = () => {};
  const settledOnce = new Promise<void>((resolve) => (settle = resolve));

  const ok = () => {
    lastOk = performance.now();
    settle();
  };
  const fail = (error: unknown) => {
    if (lastFailure <= lastOk) logger.warn({ err: error }, 'database unreachable: readiness reports it down');
    lastFailure = performance.now();
    settle();
  };
  // Only successful queries emit this event (checked with Prisma 7): failures leave it silent.
  db.$on('query', ok);

  async function probe() {
    if (probing || closed || performance.now() - lastOk < intervalMs) return;
    probing = true;
    const startedAt = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer to SELECT 1 within ${probeTimeoutMs} ms`)),
          probeTimeoutMs,
        );
      });
      // The query event already records the success; a rejection (or the timeout) is the news.
      await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    } catch (error) {
      // A query that succeeded meanwhile (the pool was merely busy) outranks the timeout.
      if (!closed && lastOk < startedAt) fail(error);
    } finally {
      clearTimeout(timer);
      probing = false;
    }
  }

  void probe();
  const ticker = setInterval(() => void probe(), intervalMs);
  ticker.unref();

  return {
    state: () => (lastOk > lastFailure ? 'up' : 'down'),
    settled: () => settledOnce,
    close() {
      closed = true;
      clearInterval(ticker);
      settle();
    },
  };
}
