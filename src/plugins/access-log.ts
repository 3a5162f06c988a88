import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger';

/** One structured line per HTTP request: method, path, status, duration, request id. */
export function useAccessLog(logger: Logger): Plugin {
  // The path from the URL Yoga has parsed already (parsing it again was most of this plugin's cost).
  const started = new WeakMap<Request, { at: number; path: string }>();
  return {
    onRequest({ request, url }) {
      started.set(request, { at: performance.now(), path: url.pathname });
      // At debug level, also when it arrives: what a shutdown had in flight can then be told apart
      // from what never reached the server.
      if (logger.isLevelEnabled('debug')) {
        logger.debug({ method: request.method, path: url.pathname }, 'request received');
      }
    },
    onResponse({ request, response }) {
      const start = started.get(request);
      const requestId = requestIdOf(request);
      response.headers.set('x-request-id', requestId);
      logger.info(
        {
          method: request.method,
          path: start?.path ?? new URL(request.url).pathname,
          status: response.status,
          ms: start === undefined ? undefined : Math.round((performance.now() - start.at) * 10) / 10,
          requestId,
        },
        'request',
      );
    },
  };
}

const requestIds = new WeakMap<Request, string>();

/** The caller's `x-request-id` when it is sane, else a new one; stable for the whole request. */
export function requestIdOf(request: Request): string {
  let id = requestIds.get(request);
  if (!id) {
    const given = request.headers.get('x-request-id');
    id = given && /^[\w.-]{1,64}$/.test(given) ? given : newRequestId();
    requestIds.set(request, id);
  }
  return id;
}

/**
 * A new request id (a UUID) as one flat string: crypto.randomUUID() builds it by concatenation,
 * a tree of about ten string pieces (some 350 bytes), which every subscription's context holds
 * for its whole life; copied, it is one string of 56 bytes.
 */
export function newRequestId(): string {
  return Buffer.from(crypto.randomUUID(), 'latin1').toString('latin1');
}
