import { type Cluster, Redis } from 'ioredis';
import type { Logger } from '../logger';

/**
 * Moves string messages between processes (Redis) or within one (in-process).
 *
 * Written by hand rather than taken from @graphql-yoga/redis-event-target because that one does
 * not wait for Redis to confirm a SUBSCRIBE: a subscriber that reads the database right after
 * subscribing could miss an event published in between. Here `subscribe` resolves only once the
 * channel is live, so "subscribe, then catch up from the database" leaves no gap.
 */
export interface Transport {
  readonly description: string;
  /** Rejects at once while the transport is down: a publisher never waits for Redis. */
  publish(channel: string, message: string): Promise<void>;
  /**
   * Resolves, once messages on `channel` reach `onMessage`, to the function that stops them.
   * `onMessage(null)` means "messages may have been lost" (Redis was down): catch up.
   */
  subscribe(channel: string, onMessage: (message: string | null) => void): Promise<() => void>;
  /** False while Redis is unreachable (readiness reports it). */
  healthy(): boolean;
  /** Asks Redis itself (PING, bounded by the command timeout): catches a frozen server too. */
  check(): Promise<boolean>;
  /**
   * Connected, and Redis answered a background PING lately (one a second): a frozen server shows
   * here too, yet reading it never waits (readiness reports it).
   */
  responsive(): boolean;
  /** Listeners currently registered in this process (a leak shows up here). */
  listenerCount(): number;
  close(): Promise<void>;
}

/** This process's listeners, by channel (a null message means "catch up"). */
export type Listeners = Map<string, Set<(message: string | null) => void>>;

export function countListeners(listeners: Listeners) {
  let count = 0;
  for (const set of listeners.values()) count += set.size;
  return count;
}

/** Delivers `message` to this process's own listeners of `channel` on a later tick, as Redis would: a publisher never runs subscribers' code. */
export function deliverLocally(listeners: Listeners, channel: string, message: string) {
  for (const listener of listeners.get(channel) ?? []) queueMicrotask(() => listener(message));
}

/**
 * Publishes with `send`. When Redis is unreachable, this instance's own subscribers still get the
 * message (as readiness says when degraded; the other instances' catch up when Redis is back), and
 * the caller still gets the error.
 */
export async function publishOrDeliverLocally(
  listeners: Listeners,
  channel: string,
  message: string,
  send: () => Promise<unknown>,
) {
  try {
    await send();
  } catch (error) {
    deliverLocally(listeners, channel, message);
    throw error;
  }
}

/**
 * Adds `onMessage` to the channel's listeners. `first`: the channel had none, so the caller
 * subscribes to it in Redis. `remove()` takes it out again; true when that left the channel with
 * none (it is then forgotten here, and the caller unsubscribes).
 */
export function addListener(listeners: Listeners, channel: string, onMessage: (message: string | null) => void) {
  let set = listeners.get(channel);
  const first = !set;
  if (!set) {
    set = new Set();
    listeners.set(channel, set);
  }
  set.add(onMessage);
  const own = set;
  return {
    first,
    remove(): boolean {
      if (!own.delete(onMessage) || own.size > 0 || listeners.get(channel) !== own) return false;
      listeners.delete(channel);
      return true;
    },
  };
}

export function createInProcessTransport(): Transport {
  const listeners: Listeners = new Map();
  return {
    description: 'in-process',
    async publish(channel, message) {
      deliverLocally(listeners, channel, message);
    },
    async subscribe(channel, onMessage) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set.add(onMessage));
      return () => {
        set.delete(onMessage);
        if (set.size === 0 && listeners.get(channel) === set) listeners.delete(channel);
      };
    },
    listenerCount: () => countListeners(listeners),
    healthy: () => true,
    check: async () => true,
    responsive: () => true,
    close: async () => listeners.clear(),
  };
}

/**
 * How long every Redis client of ours waits before its `attempt`th reconnection (ioredis'
 * retryStrategy): 100 ms more each time, at most a second, for ever.
 */
export const reconnectDelay = (attempt: number) => Math.min(attempt * 100, 1_000);

/**
 * Redis pub/sub over two connections (a subscribed connection cannot publish). One Redis
 * subscription per channel however many local listeners it has; the last one out unsubscribes.
 * ioredis 5 because graphql-yoga's Redis packages, which we may still want, peer on ioredis ^5.
 */
export function createRedisTransport(url: string, logger: Logger): Transport {
  // Both reconnect forever (ioredis' default), at most one second apart. A publish while Redis
  // is down fails at once (no offline queue), and one that Redis does not answer (hung, or gone
  // without closing the connection) fails after a second; (UN)SUBSCRIBEs wait for the connection.
  const publisher = new Redis(url, {
    retryStrategy: reconnectDelay,
    enableOfflineQueue: false,
    commandTimeout: 1_000,
    connectionName: 'medqa-publish',
  });
  const subscriber = new Redis(url, {
    retryStrategy: reconnectDelay,
    maxRetriesPerRequest: null,
    connectionName: 'medqa-subscribe',
  });
  const log = logger.child({ component: 'redis' });
  for (const client of [publisher, subscriber]) {
    client.on('error', (error) => log.warn({ err: error.message }, 'redis connection error'));
  }

  const listeners: Listeners = new Map();
  // SUBSCRIBE/UNSUBSCRIBE go out in call order on one connection, so the last call wins.
  subscriber.on('message', (channel: string, message: string) => {
    for (const listener of listeners.get(channel) ?? []) listener(message);
  });
  const confirmed = new Map<string, Promise<unknown>>();

  // Whatever was published while the subscriber was away is lost, and so is whatever was
  // published before Redis confirmed a channel subscribed while it was connecting (at start-up,
  // or during an outage). So after every (re)connection, once Redis has confirmed every channel,
  // tell every listener to catch up from the database. ioredis resubscribes by itself and sends
  // the SUBSCRIBEs queued while it was away before emitting 'ready'; our own SUBSCRIBE of the
  // current channels is answered after those, so when it resolves they are all live.
  subscriber.on('ready', () => {
    const channels = [...listeners.keys()];
    if (channels.length === 0) return;
    subscriber.subscribe(...channels).then(
      () => {
        log.info({ channels: listeners.size }, 'redis subscriptions live: subscribers catch up');
        for (const set of listeners.values()) for (const listener of set) listener(null);
      },
      // Lost again before Redis answered (the next 'ready' tries again), or closed.
      (error) => log.warn({ err: error.message }, 'resubscribe failed'),
    );
  });

  const heartbeat = watchResponsiveness(publisher, () => publisher.ping());
  const address = new URL(url);
  return {
    description: `redis ${address.hostname}:${address.port || 6379}`,
    publish: (channel, message) =>
      publishOrDeliverLocally(listeners, channel, message, () => publisher.publish(channel, message)),
    async subscribe(channel, onMessage) {
      const listener = addListener(listeners, channel, onMessage);
      if (listener.first) {
        const confirmation = subscriber.subscribe(channel);
        // Nobody awaits it while Redis is down; close() rejects it then (the caller has gone).
        confirmation.catch(() => {});
        confirmed.set(channel, confirmation);
      }
      // While Redis is down, waiting would hang the subscriber; the catch-up on reconnect
      // covers what it would have missed.
      if (subscriber.status === 'ready') await confirmed.get(channel);
      return () => {
        if (!listener.remove()) return;
        confirmed.delete(channel);
        subscriber.unsubscribe(channel).catch((error) => log.warn({ err: error, channel }, 'unsubscribe failed'));
      };
    },
    listenerCount: () => countListeners(listeners),
    healthy: () => publisher.status === 'ready' && subscriber.status === 'ready',
    responsive: () => subscriber.status === 'ready' && heartbeat.answered(),
    check: async () =>
      publisher.status === 'ready' &&
      subscriber.status === 'ready' &&
      (await publisher.ping().then(
        () => true,
        () => false,
      )),
    async close() {
      heartbeat.stop();
      listeners.clear();
      await closeClients([publisher, subscriber]);
    },
  };
}

/**
 * Closes Redis connections for good, promptly even while Redis is down or hung. QUIT waits for
 * Redis: while Redis is down, a subscriber's QUIT would queue behind the commands waiting for it,
 * forever, and a publisher's is refused while it goes on reconnecting. So QUIT only a live
 * connection, and not for long; then disconnect.
 */
export async function closeClients(clients: (Redis | Cluster)[]) {
  await Promise.all(
    clients.map(async (client) => {
      if (client.status === 'ready') {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          client.quit().catch(() => {}),
          new Promise((resolve) => (timer = setTimeout(resolve, 1_000))),
        ]);
        clearTimeout(timer);
      }
      client.disconnect();
    }),
  );
}

/** Heartbeats this often; a PING unanswered for two of them means Redis is not responsive. */
const HEARTBEAT_MS = 1_000;

/**
 * PINGs Redis every second on the (command) connection and remembers when it last answered.
 * Cheap (one round trip a second per instance); it lets readiness say "pub/sub down" for a hung
 * Redis without sending a command and waiting for it when a health check arrives.
 */
export function watchResponsiveness(
  client: { status: string; on(event: 'ready', listener: () => void): unknown },
  // PING; a cluster asks CLUSTER INFO instead (src/pubsub/cluster.ts): it must serve every slot.
  probe: () => Promise<unknown>,
) {
  let lastPong = -Infinity;
  const ping = () => {
    if (client.status !== 'ready') return;
    probe().then(
      (answer) => {
        if (answer !== false) lastPong = performance.now();
      },
      () => {}, // not answered: lastPong ages
    );
  };
  client.on('ready', ping);
  const timer = setInterval(ping, HEARTBEAT_MS);
  timer.unref();
  return {
    answered: () => client.status === 'ready' && performance.now() - lastPong < 2.5 * HEARTBEAT_MS,
    stop: () => clearInterval(timer),
  };
}
