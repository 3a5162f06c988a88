import { decodeGlobalID } from '@pothos/plugin-relay';
import { badUserInput, notFound } from '../errors';

const article = (noun: string) => `${/^[AEIOU]/.test(noun) ? 'an' : 'a'} ${noun}`;

/** Reads a global ID of the expected type into the row id, or says clearly what is wrong with it. */
export function parseGlobalId(globalId: string, typename: string, field = 'id'): number {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw badUserInput(`"${globalId}" is not a valid ID.`, field);
  }
  if (decoded.typename !== typename) {
    throw badUserInput(`"${globalId}" is the ID of ${article(decoded.typename)}, not of ${article(typename)}.`, field);
  }
  return rowIdOf(decoded.id, globalId, typename, field);
}

/** Row ids are PostgreSQL `integer`s: larger numbers would fail in the database, not here. */
export const MAX_ROW_ID = 2_147_483_647;

/** The row id inside a global ID (`"42"` of `Question:42`), or BAD_USER_INPUT naming `field`. */
export function rowIdOf(text: string, globalId: string, typename: string, field: string): number {
  const id = /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : NaN;
  if (!(id <= MAX_ROW_ID)) throw badUserInput(`"${globalId}" is not a valid ${typename} ID.`, field);
  return id;
}

/**
 * `thing(slug: …)` or `thing(id: …)`: exactly one of the two, as a Prisma unique filter.
 *
 * Look-ups pass it to `findFirst`, not `findUnique`: Prisma gathers the findUniques issued in the
 * same tick (those of concurrent requests, e.g. resumed together by one Redis reply) into one
 * batched statement, and compiles a query plan for each new combination of them (its plan cache
 * is keyed by the whole batch). Under load that compiling was 7% of a question page's CPU, while
 * a single query's plan is compiled once. Same rows, same statement shape.
 */
export function slugOrIdWhere(
  typename: string,
  args: { id?: string | null; slug?: string | null },
): { id: number } | { slug: string } {
  if ((args.id == null) === (args.slug == null)) {
    throw badUserInput(`Give exactly one of "id" or "slug" to look up a ${typename}.`);
  }
  return args.id != null ? { id: parseGlobalId(args.id, typename) } : { slug: args.slug! };
}

/** The NOT_FOUND error for a `thing(slug | id)` lookup that matched nothing. */
export function lookupNotFound(label: string, args: { id?: string | null; slug?: string | null }) {
  return notFound(`No ${label} with ${args.slug != null ? `slug "${args.slug}"` : `ID "${args.id}"`}.`);
}
