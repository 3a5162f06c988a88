import { expect } from 'vitest';
import type { Db } from '../../src/db/client';

/** The tables a write mutation may add rows to, by the name their count goes by. */
type Counted = 'answer' | 'answer_edit' | 'question' | 'asker' | 'credential' | 'question_topic';

/** Rows of every table a write mutation may touch. */
export async function rowCounts(db: Db): Promise<Record<Counted, number>> {
  const [row] = await db.$queryRaw<Record<Counted, bigint>[]>`
    SELECT (SELECT count(*) FROM answer) AS answer,
           (SELECT count(*) FROM answer_edit) AS answer_edit,
           (SELECT count(*) FROM question) AS question,
           (SELECT count(*) FROM asker) AS asker,
           (SELECT count(*) FROM credential) AS credential,
           (SELECT count(*) FROM "_question_topic") AS question_topic`;
  return Object.fromEntries(Object.entries(row!).map(([table, n]) => [table, Number(n)])) as Record<Counted, number>;
}

/**
 * Runs `run` and checks that it added or removed no row anywhere a write mutation may, and that
 * `rows` (the rows the mutation would change, every column that matters) are exactly as they were.
 */
export async function expectNothingWritten(db: Db, rows: () => Promise<unknown[]>, run: () => Promise<void>) {
  const counts = await rowCounts(db);
  const before = await rows();
  await run();
  expect(await rowCounts(db)).toEqual(counts);
  expect(await rows()).toEqual(before);
}
