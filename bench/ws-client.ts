/**
 * A lean graphql-ws client (the graphql-transport-ws protocol over `ws`), for many subscribers in
 * the bench's own process: it stamps each message's arrival before doing anything else with it,
 * so that the measured latency is the server's, not a client library's queue.
 */
import WebSocket from 'ws';

export interface Subscribers {
  sockets: WebSocket[];
  count: number;
  close(): Promise<void>;
}

/** `(subscriber, message text, arrival time)` for every `next` message. */
export type OnNext = (subscriber: number, text: string, at: number) => void;

const wsUrl = (httpUrl: string) => `${httpUrl.replace(/^http/, 'ws')}/graphql`;

function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
}

async function inBatches<T>(total: number, batch: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (let start = 0; start < total; start += batch) {
    made.push(
      ...(await Promise.all(Array.from({ length: Math.min(batch, total - start) }, (_, k) => make(start + k)))),
    );
  }
  return made;
}

/**
 * Opens sockets holding `count` subscriptions, `perSocket` on each, numbered from `firstIndex`.
 * Resolves once every socket is acknowledged and every subscribe message is sent (a subscription
 * is live only once the server has set it up: see the warm-up in bench/live.ts).
 */
export async function openSubscribers(
  httpUrl: string,
  {
    count,
    perSocket = 1,
    firstIndex = 0,
    query,
    variables,
    variablesOf = () => variables,
    batch = 50,
    onNext,
    onProblem,
  }: {
    count: number;
    perSocket?: number;
    firstIndex?: number;
    query: string;
    variables: Record<string, unknown>;
    /** Variables of one subscriber (default: `variables` for all). */
    variablesOf?: (subscriber: number) => Record<string, unknown>;
    /** Sockets opened at once. */
    batch?: number;
    onNext: OnNext;
    onProblem: (subscriber: number, message: string) => void;
  },
): Promise<Subscribers> {
  const socketCount = Math.ceil(count / perSocket);
  const sockets = await inBatches(socketCount, batch, async (s) => {
    const socket = new WebSocket(wsUrl(httpUrl), ['graphql-transport-ws']);
    const first = firstIndex + s * perSocket;
    const n = Math.min(perSocket, count - s * perSocket);
    let acknowledged: () => void;
    const ack = new Promise<void>((resolve) => (acknowledged = resolve));
    socket.on('message', (data) => {
      const at = performance.now();
      const text = String(data);
      // {"id":"7","type":"next",…}: the id is the subscriber's offset on this socket.
      if (text.includes('"type":"next"')) onNext(first + Number(/"id":"(\d+)"/.exec(text)?.[1]), text, at);
      else if (text.includes('"type":"connection_ack"')) acknowledged();
      else if (!text.includes('"type":"ping"') && !text.includes('"type":"pong"')) onProblem(first, text);
    });
    socket.on('close', (code) => {
      if (code !== 1000 && code !== 1005) onProblem(first, `socket closed with ${code}`);
      acknowledged(); // never acknowledged: reported as a problem above, not waited for
    });
    try {
      await opened(socket);
    } catch (error) {
      // Refused or reset (a server overwhelmed): a problem to report, not the end of the bench.
      onProblem(first, `socket failed to open: ${error instanceof Error ? error.message : String(error)}`);
      return socket;
    }
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await ack;
    for (let k = 0; k < n; k++) {
      const own = variablesOf(first + k);
      socket.send(JSON.stringify({ id: String(k), type: 'subscribe', payload: { query, variables: own } }));
    }
    return socket;
  });
  return { sockets, count, close: () => closeAll(sockets) };
}

/** Plain WebSockets that say nothing (the floor's memory baseline). */
export async function openPlainSockets(httpUrl: string, count: number): Promise<{ close(): Promise<void> }> {
  const sockets = await inBatches(count, 50, async () => {
    const socket = new WebSocket(wsUrl(httpUrl));
    await opened(socket);
    return socket;
  });
  return { close: () => closeAll(sockets) };
}

async function closeAll(sockets: WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          socket.removeAllListeners('close');
          socket.once('close', () => resolve());
          socket.close(1000);
          setTimeout(() => {
            socket.terminate();
            resolve();
          }, 2000).unref();
        }),
    ),
  );
}
