import { parsePrismaCursor } from '@pothos/plugin-prisma';
import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import { badUserInput } from '../errors';
import { MAX_ROW_ID } from './lookup';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Page-size options for every connection. Pothos clamps `first`/`last` to `maxSize` silently; a
 * client asking for 500 would get 100 and think that was all, so we refuse instead. `maxSize` is
 * the one hook Pothos calls with the arguments of every connection, before any query runs, so
 * it also checks the cursors: every connection pages by row id, and a well-formed cursor holding
 * text or a number PostgreSQL's `integer` cannot hold would otherwise fail in the database.
 */
export const pageSize = {
  defaultSize: DEFAULT_PAGE_SIZE,
  maxSize: (args: DefaultConnectionArguments) => {
    for (const name of ['first', 'last'] as const) {
      const value = args[name];
      if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
        throw badUserInput(`"${name}" must be between 0 and ${MAX_PAGE_SIZE}; got ${value}.`, name);
      }
    }
    for (const name of ['after', 'before'] as const) {
      const cursor = args[name];
      if (cursor != null && !isRowId(cursorValue(cursor))) {
        throw badUserInput(`"${cursor}" is not a cursor of this list.`, name);
      }
    }
    return MAX_PAGE_SIZE;
  },
};

/** What a cursor holds, or undefined when it is not one of ours (Pothos' own check says so). */
function cursorValue(cursor: string): unknown {
  try {
    return parsePrismaCursor(cursor);
  } catch {
    return undefined;
  }
}

const isRowId = (value: unknown) =>
  value === undefined || (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_ROW_ID);
