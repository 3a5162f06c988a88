import type { Logger } from '../logger';
import type { Db } from './client';

/**
 * How long an idempotency key is kept: a retry within a day returns the first result; after
 * that the key is forgotten and may be used again. Clients retry within minutes, so a day is
 * generous, and it bounds the table to a day of writes.
 */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** How often each instance deletes expired keys, and how many at most per statement and sweep. */
export const IDEMPOTENCY_SWEEP = { firstAfterMs: 60 * 1000, intervalMs: 10 * 60 * 1000, batch: 1_000, maxBatches: 100 };

export interface IdempotencySweeper {
  /** Deletes expired keys now (bounded batches); resolves to how many went. */
  sweep(): Promise<number>;
  stop(): void;
}

/**
 * Deletes expired idempotency keys `firstAfterMs` after it starts, then every `intervalMs`, in batches of `batch` rows (each a short
 * statement: no long lock, no huge WAL burst), at most `maxBatches` a sweep; the next sweep
 * takes the rest. Every instance runs one: SKIP LOCKED keeps them off each other's rows.
 * A failed sweep (database down) is logged and retried at the next interval.
 */
export function startIdempotencySweeper(
  db: Db,
  logger: Logger,
  options: Partial<typeof IDEMPOTENCY_SWEEP> = {},
): IdempotencySweeper {
  const { firstAfterMs, intervalMs, batch, maxBatches } = { ...IDEMPOTENCY_SWEEP, ...options };
  const log = logger.child({ component: 'idempotency' });
  let running: Promise<number> | null = null;

  async function sweepOnce(): Promise<number> {
    const cutoff = new Date(Date.now() - IDEMPOTENCY_KEY_TTL_MS);
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const deleted = await db.$executeRaw`
        DELETE FROM idempotency_key WHERE id IN (
          SELECT id FROM idempotency_key WHERE created_at < ${cutoff} ORDER BY created_at LIMIT ${batch} FOR UPDATE SKIP LOCKED)`;
      total += deleted;
      if (deleted < batch) break;
    }
    if (total) log.info({ deleted: total }, 'expired idempotency keys deleted');
    return total;
  }

  const sweep = () => (running ??= sweepOnce().finally(() => (running = null)));
  const tick = () => {
    sweep().catch((error: unknown) =>
      log.warn({ err: error }, 'idempotency key sweep failed; retrying at the next interval'),
    );
  };
  // The first sweep waits a little, so that start-up and its first requests have the pool to
  // themselves. Timers are unref'd: never what keeps the process alive.
  let timer: NodeJS.Timeout = setTimeout(() => {
    tick();
    timer = setInterval(tick, intervalMs).unref();
  }, firstAfterMs).unref();
  return { sweep, stop: () => clearTimeout(timer) };
}
