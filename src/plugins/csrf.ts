import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** A header a browser sends cross-site only after a CORS preflight (any value will do). */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/** Content types a cross-site page may POST without a preflight (an HTML form, `fetch` no-cors). */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * CSRF prevention, with this rule:
 * - A POST whose content type a browser sends cross-site without a preflight (form, multipart,
 *   text/plain, or none) is refused (403, BAD_REQUEST) unless it carries CSRF_HEADER. A JSON POST
 *   (every GraphQL client, GraphiQL included) needs nothing: a browser preflights it, and CORS only
 *   lets configured origins through.
 * - A GET needs no header. It can only run queries and subscriptions: Yoga refuses a mutation over
 *   GET (405) before anything runs, as GraphQL over HTTP requires. Credentials are bearer tokens in
 *   the Authorization header (no cookies), which a cross-site page cannot make a browser attach
 *   without a preflight, so a cross-site GET runs as an anonymous read, which its author could run
 *   from anywhere anyway, and CORS keeps the answer from the page unless its origin is configured.
 *   This lets clients work as they come: urql's default (queries over GET), Apollo's GET queries,
 *   a browser EventSource (which cannot set headers) and GraphiQL's subscriptions (GET with
 *   `accept: text/event-stream`).
 * Hand-rolled because @graphql-yoga/plugin-csrf-prevention asks every GET for the header and
 * refuses without an `extensions.code`; the check itself is these few lines.
 */
export function useCsrfPrevention(): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.method !== 'POST' || request.headers.has(CSRF_HEADER)) return;
      const contentType = request.headers.get('content-type')?.toLowerCase();
      if (contentType && !SIMPLE_CONTENT_TYPES.some((simple) => contentType.startsWith(simple))) return;
      throw createGraphQLError(
        `Refused as a possible cross-site request forgery: a POST with content-type ${JSON.stringify(contentType ?? '')} needs the ${CSRF_HEADER} header. Send the operation as JSON, with content-type: application/json.`,
        { extensions: { code: 'BAD_REQUEST', http: { status: 403 } } },
      );
    },
  };
}
