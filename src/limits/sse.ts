import type { Plugin } from 'graphql-yoga';
import type { ServerContext } from '../graphql-ws';
import { clientAddress } from './address';

/**
 * Open SSE streams per client address on this instance, like WebSockets (per instance: each
 * instance counts its own; behind a load balancer that spreads an address over N instances, it
 * may hold N times as many). Over the limit a new stream gets 429 RATE_LIMITED before anything
 * runs; a stream counts until its response ends or its connection closes.
 */
export function useSseStreamLimit(max: number, trustProxy: number): Plugin {
  const open = new Map<string, number>();
  return {
    onRequest({ request, serverContext, endResponse, fetchAPI }) {
      const { req, res } = serverContext as ServerContext;
      if (!req || !res || !(request.headers.get('accept') ?? '').includes('text/event-stream')) return;
      const address = clientAddress(req, trustProxy);
      const count = (open.get(address) ?? 0) + 1;
      if (count > max) {
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
      open.set(address, count);
      // Per response, not per socket: a keep-alive socket may carry several short streams.
      res.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left > 0) open.set(address, left);
        else open.delete(address);
      });
    },
  };
}
