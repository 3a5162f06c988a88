import { Semaphore, withTimeout, type SemaphoreInterface } from 'async-mutex';
import type { Db } from './client';
import { SearchBusyError } from './failures';

/**
 * A full-text search can scan and rank thousands of rows for up to the statement timeout; enough
 * of them at once would take every pool connection, and the question page would wait behind
 * them. So each instance runs at most `concurrent` searches at once (default: a quarter of the
 * pool); a search waits at most `waitMs` for its turn, then fails with SEARCH_BUSY (503 with
 * Retry-After) while every other request goes on.
 */
export interface SearchLimits {
  concurrent: number;
  waitMs: number;
}

export const DEFAULT_SEARCH_WAIT_MS = 1_000;

/** The default for a pool: a quarter of it, at least one. */
export const defaultSearchLimits = (poolSize: number): SearchLimits => ({
  concurrent: Math.max(1, Math.ceil(poolSize / 4)),
  waitMs: DEFAULT_SEARCH_WAIT_MS,
});

// Beside the client rather than on it, as the write slots are (src/db/transaction.ts).
const slots = new WeakMap<Db, SemaphoreInterface>();

export function registerSearchSlots(db: Db, { concurrent, waitMs }: SearchLimits): void {
  slots.set(db, withTimeout(new Semaphore(concurrent), waitMs, new SearchBusyError(concurrent, waitMs)));
}

/** Runs `search` in one of the client's search slots. */
export async function inSearchSlot<T>(db: Db, search: () => Promise<T>): Promise<T> {
  const own = slots.get(db);
  if (!own) throw new Error('inSearchSlot needs a client made by createDb');
  return own.runExclusive(search);
}
