import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import { badUserInput } from '../errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Page-size options for every connection. Pothos clamps `first`/`last` to `maxSize` silently; a
 * client asking for 500 would get 100 and think that was all, so we refuse instead. `maxSize` is
 * the one hook Pothos calls with the arguments of every connection, before any query runs.
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
    return MAX_PAGE_SIZE;
  },
};
