import type { Plugin } from 'graphql-yoga';
import type { ServerContext } from '../graphql-ws';
import { clientAddress, openPerAddress } from './address';

/**
 * Open SSE streams per client address on this instance, like WebSockets (per instance: each
 * instance counts its own; behind a load balancer that spreads an address over N instances, it
 * may hold N times as many). Over the limit a new stream gets 429 RATE_LIMITED before anything
 * runs; a stream counts until its response ends or its connection closes.
 */
export function useSseStreamLimit(max: number, trustProxy: number): Plugin {
  const open = openPerAddress(max);
  return {
    onRequest({ request, serverContext, endResponse, fetchAPI }) {
      const { req, res } = serverContext as ServerContext;
      if (!req || !res || !(request.headers.get('accept') ?? '').includes('text/event-stream')) return;
      const address = clientAddress(req, trustProxy);
      if (!open.enter(address)) {
        const body = {
          errors: [
            {
              message: `Too many event streams from your address: at most ${max}.`,
              extensions: { code: 'RATE_LIMITED', limit: max },
            },
          ],
        };
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), { status: 429, headers: { 'content-type': 'application/json' } }),
        );
        return;
      }
      // Per response, not per socket: a keep-alive socket may carry several short streams.
      res.once('close', () => open.leave(address));
    },
  };
}
