import type { Db } from '../db/client';
import { inSearchSlot } from '../db/search-slots';

/** A search returns at most this many matches, the most relevant ones. */
export const MAX_SEARCH_MATCHES = 500;

/**
 * Full-text search over title and body through the generated, GIN-indexed `question.search`
 * column (English stemming; title words weigh more). Prisma cannot filter on a tsvector, so this
 * one statement is raw SQL; it returns ids that the connection then pages through. It runs in one
 * of the instance's few search slots (src/db/search-slots.ts): SEARCH_BUSY when none comes free.
 */
export async function searchQuestionIds(db: Db, text: string): Promise<number[]> {
  const rows = await inSearchSlot(
    db,
    () => db.$queryRaw<{ id: number }[]>`
    SELECT q.id
      FROM question q, websearch_to_tsquery('english', ${text}) query
     WHERE q.search @@ query
     ORDER BY ts_rank(q.search, query) DESC, q.id DESC
     LIMIT ${MAX_SEARCH_MATCHES}`,
  );
  return rows.map((row) => row.id);
}
