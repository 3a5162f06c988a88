import type { ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import type { Logger } from '../logger';

/** Close code for a client cut off for not reading: 1008, "policy violation" (RFC 6455). */
export const TOO_SLOW = 1008;

/** Bytes a WebSocket may have waiting to be sent before its client counts as not reading. */
export const DEFAULT_MAX_BUFFERED_BYTES = 1024 * 1024;

const reasonFor = (maxPending: number) =>
  `Too slow: ${maxPending} events waited. Reconnect and resume with after: your last cursor.`;

/**
 * What to do with a client whose subscription overflowed (it stopped reading, so the transport's
 * backpressure stalled its feed; src/pubsub/index.ts): over WebSocket, close the socket with 1008
 * and the reason (graphql-ws then ends its operations); over SSE, where the stalled stream cannot
 * carry one more event, close the response's connection. Either way the reason is logged, and
 * the process and every other subscriber go on.
 */
export function cutOffFor(client: {
  socket?: WebSocket;
  res?: ServerResponse;
  readonly logger: Logger;
}): (maxPending: number) => void {
  return (maxPending) => {
    client.logger.warn({ maxPending }, 'subscriber cut off: it stopped reading its stream');
    if (client.socket) client.socket.close(TOO_SLOW, reasonFor(maxPending));
    else client.res?.destroy();
  };
}

/**
 * Cuts off a WebSocket client that sends while not reading what it is sent: graphql-ws answers
 * every `ping` with a `pong` (echoing its payload), and 200,000 pings from a client that never
 * reads would pile up in memory. Checked on each message it sends. The close frame (1008 and the
 * reason) would wait behind what the client does not read, so the connection is dropped at once,
 * with what was waiting; the client sees it end (1006), the log says why.
 */
export function limitBufferedBytes(socket: WebSocket, maxBytes: number, logger: Logger): void {
  socket.on('message', () => {
    if (socket.bufferedAmount <= maxBytes || socket.readyState !== socket.OPEN) return;
    const reason = `Too slow: over ${maxBytes} bytes waited to be sent to you.`;
    logger.warn({ buffered: socket.bufferedAmount, code: TOO_SLOW, reason }, 'websocket cut off: it stopped reading');
    socket.close(TOO_SLOW, reason);
    socket.terminate();
  });
}
