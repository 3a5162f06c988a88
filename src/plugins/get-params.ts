import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * A GET's `variables` and `extensions` parameters must be JSON. Yoga parses them with a bare
 * JSON.parse, so a malformed one would surface as an unexpected error (500); this refuses it as
 * the client's mistake (400 BAD_REQUEST), as Yoga does for a POST body that is not JSON.
 */
export function useGetParameters(): Plugin {
  return {
    onRequestParse({ request, url }) {
      if (request.method !== 'GET') return;
      for (const name of ['variables', 'extensions']) {
        const value = url.searchParams.get(name);
        if (value === null) continue;
        try {
          JSON.parse(value);
        } catch {
          throw createGraphQLError(
            `The "${name}" parameter is not valid JSON: send it URL-encoded, as JSON.stringify writes it.`,
            {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            },
          );
        }
      }
    },
  };
}
