/**
 * Memory per idle subscription. A fresh API process, started with the memory probe (bench/probe.ts:
 * two forced full GCs, then process.memoryUsage()), is measured before and after 1,000
 * answerAdded subscriptions are opened and known to be live (each has received one answer):
 * (after − before) / 1,000, as resident memory (RSS) and as V8 heap + external memory.
 *
 * Two layouts, each on a fresh process: one socket per subscription (a browser tab each: the
 * socket's own cost counts), and `perSocket` subscriptions sharing each socket (the
 * subscription's own cost). Baseline: the floor process holding as many plain, idle WebSockets.
 */
import { memory, progress } from './config';
import type { LiveFixture } from './live-fixture';
import { postAnswer, SUBSCRIPTION } from './live';
import type { MemoryProbe, ServerProcess } from './processes';
import { openPlainSockets, openSubscribers } from './ws-client';

export interface MemoryFigures {
  layout: string;
  count: number;
  rssBytesPer: number;
  heapBytesPer: number;
  before: MemoryProbe;
  after: MemoryProbe;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const heap = (m: MemoryProbe) => m.heapUsed + m.external;

async function settledProbe(server: ServerProcess): Promise<MemoryProbe> {
  await sleep(500);
  await server.probeMemory();
  await sleep(500);
  return server.probeMemory();
}

function figures(layout: string, count: number, before: MemoryProbe, after: MemoryProbe): MemoryFigures {
  return {
    layout,
    count,
    rssBytesPer: (after.rss - before.rss) / count,
    heapBytesPer: (heap(after) - heap(before)) / count,
    before,
    after,
  };
}

/** Subscriptions on a fresh API process (`start`), `perSocket` to a socket. */
export async function measureSubscriptions(
  start: () => Promise<ServerProcess>,
  fixture: LiveFixture,
  perSocket: number,
): Promise<MemoryFigures> {
  const count = memory.subscriptions;
  const layout = perSocket === 1 ? 'one socket each' : `${perSocket} per socket`;
  progress(`memory: ${count} idle subscriptions, ${layout}`);
  const server = await start();
  let received = new Set<number>();
  let marker = '';
  const problems: string[] = [];
  const options = {
    query: SUBSCRIPTION,
    variables: { questionId: fixture.questionId },
    onNext: (subscriber: number, text: string) => void (text.includes(marker) && received.add(subscriber)),
    onProblem: (subscriber: number, message: string) => void problems.push(`subscriber ${subscriber}: ${message}`),
  };
  const makeLive = async (n: number) => {
    for (let i = 0; received.size < n; i++) {
      if (problems.length) throw new Error(`memory: ${problems.slice(0, 3).join('; ')}`);
      if (i === 60) throw new Error(`memory: only ${received.size} of ${n} subscriptions live`);
      received = new Set();
      marker = `memory ${layout} ${Date.now()}.`;
      await postAnswer(server, fixture, marker);
      for (let k = 0; k < 100 && received.size < n; k++) await sleep(10);
    }
  };
  try {
    // Prime: the first subscriptions and deliveries set up what every later one shares.
    const primer = await openSubscribers(server.url, { count: perSocket * 2, perSocket, ...options });
    await makeLive(perSocket * 2);
    await primer.close();
    const before = await settledProbe(server);
    const subscribers = await openSubscribers(server.url, { count, perSocket, ...options });
    await makeLive(count);
    const after = await settledProbe(server);
    await subscribers.close();
    return figures(layout, count, before, after);
  } finally {
    await server.stop();
  }
}

/** The same number of plain idle WebSockets on the floor process. */
export async function measurePlainSockets(start: () => Promise<ServerProcess>): Promise<MemoryFigures> {
  const count = memory.subscriptions;
  progress(`memory: ${count} plain idle WebSockets on the floor`);
  const server = await start();
  try {
    const primer = await openPlainSockets(server.url, 10);
    await primer.close();
    const before = await settledProbe(server);
    const sockets = await openPlainSockets(server.url, count);
    const after = await settledProbe(server);
    await sockets.close();
    return figures('plain WebSocket', count, before, after);
  } finally {
    await server.stop();
  }
}
