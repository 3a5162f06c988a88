import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import { userError } from '../errors';
import { clientAddress } from './address';

/** Close code for a connection over the per-address limit: 1008, "policy violation" (RFC 6455). */
export const TOO_MANY_CONNECTIONS = 1008;

/**
 * Counts open WebSockets per client address on this instance. A socket over the limit is closed at
 * once with 1008 and a reason; `refused()` tells graphql-ws not to acknowledge it, so no operation
 * can run on it even before the close completes.
 * Register before graphql-ws's own `connection` listener.
 */
export function limitConnectionsPerAddress(wsServer: WebSocketServer, max: number, trustProxy: number) {
  const open = new Map<string, number>();
  const refused = new WeakSet<WebSocket>();
  wsServer.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const address = clientAddress(request, trustProxy);
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      refused.add(socket);
      socket.close(TOO_MANY_CONNECTIONS, `Too many connections from your address: at most ${max}.`);
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  return { refused: (socket: WebSocket) => refused.has(socket) };
}

/** The error for one operation too many on a socket; the socket and its other operations go on. */
export function tooManyOperations(max: number) {
  return userError(
    'RATE_LIMITED',
    `Too many operations on this connection: at most ${max} at once. Complete one before starting another, or open another connection.`,
    { limit: max },
  );
}
