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
    socket.on('close', () => open.leave(address)); // emitted once: no `once` wrapper to hold
  });
  return { refused: (socket: WebSocket) => refused.has(socket) };
}

/** Close code for a socket that sent no `connection_init` in time (graphql-ws' own). */
export const INIT_TIMEOUT = 4408;

/**
 * Closes a socket that has not sent `connection_init` within `ms` of connecting, with 4408, as
 * graphql-ws' own `connectionInitWaitTimeout` would, except that it looks only once the event
 * loop has read what the sockets have sent: behind a reconnect storm the loop can lag seconds, and
 * a timer checked before the poll phase closed sockets whose `connection_init` had come in time
 * and was waiting to be read (1,003 of 5,000 in a storm on a loaded machine). Call `received`
 * when a socket's `connection_init` arrives (graphql-ws' onConnect).
 */
export function closeWithoutInit(wsServer: WebSocketServer, ms: number) {
  const waiting = new Map<WebSocket, NodeJS.Timeout>();
  wsServer.on('connection', (socket: WebSocket) => {
    const timer = setTimeout(() => {
      // setImmediate runs after the poll phase: a message already sent has been read by then.
      setImmediate(() => {
        if (!waiting.delete(socket)) return;
        if (socket.readyState === socket.OPEN) socket.close(INIT_TIMEOUT, 'Connection initialisation timeout');
      });
    }, ms);
    // No close listener (idle sockets stay slim): a socket closed before its init is let go
    // when its timer fires, at most `ms` later.
    waiting.set(socket, timer);
  });
  return {
    received(socket: WebSocket): void {
      clearTimeout(waiting.get(socket));
      waiting.delete(socket);
    },
  };
}

/** The error for one operation too many on a socket; the socket and its other operations go on. */
export function tooManyOperations(max: number) {
  return userError(
    'RATE_LIMITED',
    `Too many operations on this connection: at most ${max} at once. Complete one before starting another, or open another connection.`,
    { limit: max },
  );
}
