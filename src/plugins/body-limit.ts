import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * MAX_BODY_BYTES, as Yoga's own `maxRequestBodySize` checks it (same errors: 413
 * REQUEST_ENTITY_TOO_LARGE, 400 for a malformed Content-Length), with one difference in cost:
 * Yoga pipes every body through a byte-counting TransformStream, a stream pipeline with its own
 * AbortSignal per request (3–4% of a question page's CPU). A body with a valid Content-Length
 * cannot be longer than it says (Node's HTTP parser reads exactly that many bytes, and refuses a
 * request that has both Content-Length and Transfer-Encoding), so only a body without one (chunked)
 * is counted as it is read.
 *
 * Yoga's check must be off (`maxRequestBodySize: false`), and this plugin must come after any
 * plugin that sets a request parser, so that it wraps the one chosen.
 */
export function useRequestBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const contentLength = request.headers.get('content-length');
      if (contentLength != null) {
        if (!/^\d+$/.test(contentLength)) throw invalidContentLength();
        if (Number(contentLength) > limit) throw tooLarge();
        if (!request.headers.has('transfer-encoding')) return; // no more bytes can come than announced
      }
      if (requestParser == null || request.body == null) return;
      const parse = requestParser;
      setRequestParser((req) => parse(counted(req, limit, fetchAPI)));
    },
  };
}

/** The request with its body counted as it is read: an error once it passes `limit` bytes. */
function counted(
  request: Request,
  limit: number,
  fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream },
) {
  const body = request.body;
  if (!body) return request;
  // A native ReadableStream pipes into the native TransformStream only (as in Yoga's own check).
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytesRead = 0;
  const limited = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        if (bytesRead > limit) {
          controller.error(tooLarge());
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: limited,
    duplex: 'half',
  } as RequestInit);
}

const tooLarge = () =>
  createGraphQLError('Request body too large', {
    extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' },
  });

const invalidContentLength = () =>
  createGraphQLError('Content-Length header is invalid.', {
    extensions: { http: { status: 400 }, code: 'BAD_REQUEST' },
  });
