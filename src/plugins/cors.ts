import type { YogaServerOptions } from 'graphql-yoga';

type CorsOption = NonNullable<YogaServerOptions<object, object>['cors']>;

/** Response headers browser code may read: the id to quote in a report, and when to retry. */
export const EXPOSED_HEADERS = ['x-request-id', 'retry-after'];

/**
 * CORS for the configured origins only (`*`: any origin). A request from any other origin gets no
 * CORS headers at all, so the browser keeps the answer from the page and fails its preflights.
 * Never `Access-Control-Allow-Credentials`: credentials are bearer tokens that client code sets in
 * the Authorization header (allowed by the preflight), not cookies, so no request needs the
 * browser's ambient credentials. Built as a function because Yoga's own option treats an empty
 * list as "any origin", and echoes the origin with credentials allowed by default.
 */
export function corsFor(origins: readonly string[]): CorsOption {
  const anyOrigin = origins.includes('*');
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !(anyOrigin || origins.includes(origin))) return false;
    return {
      origin: [origin],
      credentials: false,
      methods: ['GET', 'POST'],
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 600, // seconds a browser may reuse a preflight (Chromium caps it at 7200)
    };
  };
}
