import type { IncomingMessage } from 'node:http';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { RequestOrigin } from './limits/address';
import type { Logger } from './logger';

/**
 * graphql-ws's `ctx.extra` for a socket of ours. Of the upgrade request it keeps the peer's address
 * and the forwarding header, all that src/limits/address.ts reads: the request itself (headers,
 * raw headers, stream state: about 1.3 kB) is left to be collected once the socket is open.
 */
export interface SocketExtra {
  socket: WebSocket;
  request: RequestOrigin;
}

/** A socket that has not answered its last ping within this time is dropped (graphql-ws's default). */
const KEEP_ALIVE_MS = 12_000;

/**
 * graphql-ws's server (makeServer) on a `ws` server: graphql-ws/use/ws, slimmed for idle sockets,
 * which an instance holds by the thousand. Differences, each for memory held per socket:
 * - `extra.request` is a RequestOrigin, not the IncomingMessage;
 * - a message is handed to graphql-ws as text and not awaited here: use/ws's async listener held
 *   the message's Buffer for as long as graphql-ws handled it, i.e. for a subscription's lifetime;
 * - keep-alive is one interval for all sockets (as in ws's README) rather than one per socket:
 *   every KEEP_ALIVE_MS each open socket that answered the previous ping is pinged again, and one
 *   that did not is terminated, as use/ws did after the same wait.
 * - a message that is a JSON object is handed over parsed (see `asGiven`);
 * Errors are handled as use/ws does (the socket closes with 4500), logged through the app's logger.
 */
export function serveGraphQLWs(
  wsServer: WebSocketServer,
  options: ServerOptions<Record<string, unknown> | undefined, SocketExtra>,
  logger: Logger,
): void {
  const server = makeServer(options);
  wsServer.options.handleProtocols = handleProtocols;
  const internalError = (what: string, socket: WebSocket) => (error: unknown) => {
    logger.error({ err: error }, `internal error ${what}`);
    socket.close(CloseCode.InternalServerError, 'Internal server error');
  };
  wsServer.once('error', (error) => {
    for (const client of wsServer.clients) internalError('on the WebSocket server', client)(error);
  });

  const unanswered = new WeakSet<WebSocket>();
  function answered(this: WebSocket) {
    unanswered.delete(this);
  }
  const keepAlive = setInterval(() => {
    for (const socket of wsServer.clients) {
      if (socket.readyState !== socket.OPEN) continue;
      if (unanswered.has(socket)) {
        socket.terminate();
        continue;
      }
      unanswered.add(socket);
      socket.ping();
    }
  }, KEEP_ALIVE_MS);
  keepAlive.unref();
  wsServer.once('close', () => clearInterval(keepAlive));

  wsServer.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    // `on` rather than `once`, here and for 'close' below: a socket emits 'close' once anyway, and
    // each `once` held a wrapper and its state (about 170 bytes) for the socket's life; a second
    // 'error', which `once` would have left unhandled, closes an already closing socket.
    socket.on('error', internalError('on a WebSocket', socket));
    socket.on('pong', answered);
    const forwarded = request.headers['x-forwarded-for'];
    const origin: RequestOrigin = {
      socket: { remoteAddress: request.socket.remoteAddress },
      headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
    };
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            handle(asGiven(String(data))).catch(internalError('while handling a message', socket));
          }),
      },
      { socket, request: origin },
    );
    socket.on('close', (code, reason) => void closed(code, String(reason)));
  });
}

/**
 * A message as graphql-ws is given it: parsed when it is a JSON object, else its text. graphql-ws
 * parses a string itself and takes an object as parsed, and validates either, so it answers every
 * message alike. Its handler of a subscribe message runs for as long as the subscription does,
 * holding what it was given: the parsed message, which it holds anyway, rather than the text as
 * well (about 330 bytes per idle subscription). Anything else (bad JSON, a JSON string or number)
 * is handed over as text, for graphql-ws to refuse as before.
 */
function asGiven(text: string): string {
  try {
    const value: unknown = JSON.parse(text);
    // graphql-ws' type says string; its parseMessage takes an object as already parsed.
    if (typeof value === 'object' && value !== null) return value as unknown as string;
  } catch {
    // bad JSON: graphql-ws closes the socket with 4400, as with any invalid message
  }
  return text;
}
