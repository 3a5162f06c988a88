import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import { userError } from '../errors';
import { clientAddress, openPerAddress } from './address';

/** Close code for a connection over the per-address limit: 1008, "policy violation" (RFC 6455). */
export const TOO_MANY_CONNECTIONS = 1008;

/**
 * Counts open WebSockets per client address on this instance. A socket over the limit is closed at
 * once with 1008 and a reason; `refused()` tells graphql-ws not to acknowledge it, so no operation
 * can run on it even before the close completes.
 * Register before graphql-ws's own `connection` listener.
 */
export function limitConnectionsPerAddress(wsServer: WebSocketServer, max: number, trustProxy: number) {
  const open = openPerAddress(max);
  const refused = new WeakSet<WebSocket>();
  wsServer.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const address = clientAddress(request, trustProxy);
    if (!open.enter(address)) {
      refused.add(socket);
      socket.close(TOO_MANY_CONNECTIONS, `Too many connections from your address: at most ${max}.`);
      return;
    }
    socket.once('close', () => open.leave(address));
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
