import { Semaphore, withTimeout, type SemaphoreInterface } from 'async-mutex';
import type { Prisma } from '../generated/prisma/client';
import type { Db } from './client';
import { databaseFailureCode, PoolBusyError, RowBusyError } from './failures';

export interface DbTimeouts {
  /** Longest a statement may run (`statement_timeout`); also bounds a whole write transaction. */
  statementMs: number;
  /** Longest a statement waits for a row or table lock (`lock_timeout`). */
  lockMs: number;
  /** Longest a request waits for a pool connection, or for a new one to open. */
  poolWaitMs: number;
}

/** Why these: src/config.ts documents the variables; README "Limits and failure behaviour". */
export const DEFAULT_DB_TIMEOUTS: DbTimeouts = { statementMs: 10_000, lockMs: 2_000, poolWaitMs: 5_000 };

interface WriteSettings {
  timeouts: DbTimeouts;
  /** Write transactions running at once, at most half the pool: reads always have the rest. */
  slots: SemaphoreInterface;
  slotCount: number;
  /** Per row being written by this process: its queue of writes (see `inRowQueue`). */
  rows: Map<string, RowQueue>;
  /** Whether every connection has the timeouts as startup parameters (not behind PgBouncer). */
  sessionTimeouts: boolean;
}

// Kept beside the client rather than on it, so that `Db` stays Prisma's own type everywhere.
const settings = new WeakMap<Db, WriteSettings>();

export function registerWriteSettings(db: Db, timeouts: DbTimeouts, poolSize: number, sessionTimeouts: boolean): void {
  const slotCount = Math.max(1, Math.ceil(poolSize / 2));
  const slots = withTimeout(
    new Semaphore(slotCount),
    timeouts.poolWaitMs,
    new PoolBusyError('write slot', timeouts.poolWaitMs),
  );
  settings.set(db, { timeouts, slots, slotCount, rows: new Map(), sessionTimeouts });
}

/** How many write transactions one client runs at once (for tests and the start-up log). */
export const writeSlots = (db: Db): number => settings.get(db)?.slotCount ?? 0;

/**
 * An interactive transaction for a request's write, with bounds that hold wherever it runs:
 * - with `row`, one write per row at a time in this process: the others wait here, holding no
 *   connection (see `inRowQueue`). Writes to one row serialise on its lock in PostgreSQL anyway,
 *   so this costs nothing, and a row locked from outside keeps at most one connection per
 *   instance waiting, instead of every writer's;
 * - it waits at most the pool wait for one of the write slots (half the pool), so writes piling
 *   up behind locked rows can never take the connections reads need;
 * - its first statement sets `statement_timeout`, `lock_timeout` and
 *   `idle_in_transaction_session_timeout` with SET LOCAL (`set_config(…, true)`), which lasts
 *   exactly this transaction: unlike session settings or startup parameters it holds through
 *   PgBouncer in transaction mode, which pins one server connection per transaction;
 * - Prisma's own limits: the wait to start it (after the pool's own, so that the pool's clearer
 *   error comes first) and its whole duration (the statement timeout: without this Prisma
 *   would end it at its default 5 s, mid-statement).
 */
export async function writeTransaction<T>(
  db: Db,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  { row }: { row?: string } = {},
): Promise<T> {
  const own = settingsOf(db, 'writeTransaction');
  return queued(own, row, () => inTransaction(own, db, work));
}

/**
 * A write that is one SQL statement, which PostgreSQL runs as a transaction of its own: no
 * BEGIN, SET LOCAL and COMMIT round trips, and its row locks are held only while PostgreSQL runs
 * it, never across a round trip to this process (whose event loop may be busy). Same row queue
 * and write slots as writeTransaction. Its time limits are the connection's own (startup
 * parameters); where connections have none (behind PgBouncer) it runs in writeTransaction,
 * whose SET LOCAL gives them.
 */
export async function writeStatement<T>(
  db: Db,
  work: (client: Prisma.TransactionClient) => Promise<T>,
  { row }: { row?: string } = {},
): Promise<T> {
  const own = settingsOf(db, 'writeStatement');
  if (!own.sessionTimeouts) return writeTransaction(db, work, { row });
  return queued(own, row, () => work(db));
}

function settingsOf(db: Db, caller: string): WriteSettings {
  const own = settings.get(db);
  if (!own) throw new Error(`${caller} needs a client made by createDb`);
  return own;
}

/** `write` in its turn on `row` (when given), then in one of the write slots. */
function queued<T>(own: WriteSettings, row: string | undefined, write: () => Promise<T>): Promise<T> {
  const inSlot = async () => {
    const [, release] = await own.slots.acquire();
    try {
      return await write();
    } finally {
      release();
    }
  };
  return row ? inRowQueue(own, row, inSlot) : inSlot();
}

interface RowQueue {
  /** Settles when the last write queued so far is done. */
  tail: Promise<void>;
  /** Writes that hold or wait for the row: the entry goes when none is left (bounded map). */
  users: number;
  /** Rejects every waiting write. */
  waiting: Set<(error: Error) => void>;
}

/**
 * Runs `write` once the writes queued before it on `row` are done. Hand-rolled rather than a
 * mutex with a timeout, because the timeout must not count a queue that moves: ten writers
 * posting to one question at once all succeed, however long the queue takes. What must fail
 * fast is a row locked from outside: when the write at the head gets PostgreSQL's lock timeout,
 * every write waiting behind it fails at once with the same error (RESOURCE_LOCKED); the next
 * one to come tries the row again. A queue stuck on anything else fails after the statement
 * timeout (RowBusyError).
 */
async function inRowQueue<T>(own: WriteSettings, row: string, write: () => Promise<T>): Promise<T> {
  let queue = own.rows.get(row);
  if (!queue) {
    queue = { tail: Promise.resolve(), users: 0, waiting: new Set() };
    own.rows.set(row, queue);
  }
  const ahead = queue.tail;
  let done!: () => void;
  queue.tail = new Promise<void>((resolve) => (done = resolve));
  queue.users++;
  try {
    await turn(queue, ahead, own.timeouts.statementMs, row);
    try {
      return await write();
    } catch (error) {
      if (databaseFailureCode(error) === 'RESOURCE_LOCKED') for (const reject of queue.waiting) reject(error as Error);
      throw error;
    }
  } finally {
    done();
    if (--queue.users === 0 && own.rows.get(row) === queue) own.rows.delete(row);
  }
}

/** Resolves when `ahead` settles; rejects if the head of the queue finds the row locked, or after `ms`. */
function turn(queue: RowQueue, ahead: Promise<void>, ms: number, row: string): Promise<void> {
  let reject!: (error: Error) => void;
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_, r) => {
    reject = r;
    timer = setTimeout(() => r(new RowBusyError(row, ms)), ms);
  });
  queue.waiting.add(reject);
  return Promise.race([ahead, failed]).finally(() => {
    clearTimeout(timer);
    queue.waiting.delete(reject);
  });
}

/** `work` in a Prisma interactive transaction whose first statement sets its time limits. */
function inTransaction<T>(own: WriteSettings, db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const { statementMs, lockMs, poolWaitMs } = own.timeouts;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('statement_timeout', ${String(statementMs)}, true),
        set_config('lock_timeout', ${String(lockMs)}, true),
        set_config('idle_in_transaction_session_timeout', ${String(statementMs)}, true)`;
      return work(tx);
    },
    { maxWait: poolWaitMs + 1_000, timeout: statementMs },
  );
}
