import type { Logger } from '../logger';
import { createClusterTransport, type RedisTarget } from './cluster';
import { createInProcessTransport, createRedisTransport, type Transport } from './transport';

/**
 * The events, by name, with their payloads. Payloads carry ids only: subscribers re-read what
 * they need through the schema's own types, so they see exactly what a query would.
 */
export interface PubSubEvents {
  'answer:added': { questionId: number; answerId: number };
  'answer:updated': { questionId: number; answerId: number; kind: 'EDITED' | 'HIDDEN' | 'VOTED' };
  /** Keyed by asker id; the payload names the notification only. */
  'notification:added': { notificationId: number };
  /** Keyed by 'all': every doctors' feed re-reads new questions, filtered per subscriber. */
  'question:asked': { questionId: number };
  /** Rows whose cached responses are stale (see src/cache/response-cache.ts). */
  'cache:invalidate': { entities: { typename: 'Question' | 'Answer' | 'Doctor'; id: number }[] };
}
export type EventName = keyof PubSubEvents;

export interface Subscription<T> {
  /** Payloads as published; `null` when some may have been lost (catch up from the database). */
  events: AsyncIterableIterator<T | null>;
  /** Stops delivery and frees the channel (a waiting `events.next()` ends); safe to call more than once. */
  close(): void;
  /**
   * Drops the events waiting now, for a consumer to whom each event only says "look again" and
   * that has just been woken by one: its next look covers them all. A consumer that keeps up at
   * its own pace then never has more waiting than arrived during one look, however many arrive
   * per second; one that stops (its feed stalled behind a client that does not read) never
   * drains, and is still cut off past `maxPending`.
   */
  drain(): void;
}

/** Events a subscription may have waiting before its subscriber counts as stalled. */
export const DEFAULT_MAX_PENDING_EVENTS = 100;

export interface SubscribeOptions {
  /** Events kept waiting for the subscriber (default DEFAULT_MAX_PENDING_EVENTS). */
  maxPending?: number;
  /** Called once when more than `maxPending` events waited: the subscriber has stalled. */
  onOverflow?: (maxPending: number) => void;
}

/**
 * The same pub/sub, for one client's operation: its subscriptions cut the client off (`cutOff`)
 * when they overflow, so a client that stops reading is closed rather than served forever.
 */
export function forClient(pubSub: PubSub, maxPending: number, cutOff: (maxPending: number) => void): PubSub {
  // The shared pub/sub as prototype rather than copied: one is made per operation and held by
  // every idle subscription, and a copy of its nine members cost about 300 bytes each time.
  const own: Pick<PubSub, 'subscribe'> = {
    subscribe: (event, key, options) => pubSub.subscribe(event, key, { maxPending, onOverflow: cutOff, ...options }),
  };
  return Object.setPrototypeOf(own, pubSub) as PubSub;
}

/**
 * `[Symbol.asyncIterator]` of an iterator that is its own iterable, shared: written as a method
 * in each iterator's literal, it was a closure and a name string ("[Symbol.asyncIterator]") per
 * iterator, about 170 bytes held by every idle subscription.
 */
export function itself<T>(this: T): T {
  return this;
}

export interface PubSub {
  readonly description: string;
  /** Publishes to every subscriber of `event` for `key`, in every instance. */
  publish<E extends EventName>(event: E, key: string | number, payload: PubSubEvents[E]): Promise<void>;
  /** Resolves once events are being received (nothing published after that is missed). */
  subscribe<E extends EventName>(
    event: E,
    key: string | number,
    options?: SubscribeOptions,
  ): Promise<Subscription<PubSubEvents[E]>>;
  listenerCount(): number;
  /** False while events cannot travel between instances (Redis down). */
  healthy(): boolean;
  /** Like healthy(), but asks Redis. */
  check(): Promise<boolean>;
  /** Like check(), from a background heartbeat: never waits (for readiness). */
  responsive(): boolean;
  close(): Promise<void>;
}

/** Channels are `<prefix>:<domain>:<event>:<key>`, e.g. `medqa:answer:added:42`. */
export function createPubSub(transport: Transport, prefix: string): PubSub {
  const channel = (event: string, key: string | number) => `${prefix}:${event}:${key}`;
  return {
    description: transport.description,
    publish: (event, key, payload) => transport.publish(channel(event, key), JSON.stringify(payload)),
    async subscribe<E extends EventName>(event: E, key: string | number, options: SubscribeOptions = {}) {
      type Payload = PubSubEvents[E] | null;
      const maxPending = options.maxPending ?? DEFAULT_MAX_PENDING_EVENTS;
      // Events wait here until the subscriber takes them. A subscriber that stops taking them (a
      // client that stops reading: the transport's backpressure stalls its feed) must not grow
      // this without end, nor crash the process as an unbuffered Repeater's push would past 1,024
      // pending calls. Past `maxPending` the queue becomes one `null` ("some may have been lost:
      // catch up"), which every consumer already handles, and `onOverflow` says so once.
      const queue: Payload[] = [];
      let overflowed = false;
      let closed = false;
      // The consumer waiting in next(), if any. A plain iterator rather than a Repeater: it is held
      // by every idle subscription, so it holds one array and a few closures, and close() ends a
      // waiting next() at once (the feeds need no race against their own stop for each event).
      let waiting: ((result: IteratorResult<Payload>) => void) | null = null;
      const deliver = (payload: Payload) => {
        if (closed) return;
        if (queue.length >= maxPending) {
          queue.length = 0;
          queue.push(null);
          if (!overflowed && options.onOverflow) {
            overflowed = true;
            options.onOverflow(maxPending);
            close(); // frees the channel now, whatever the stalled transport does
            return;
          }
        } else {
          queue.push(payload);
        }
        if (waiting) {
          const resolve = waiting;
          waiting = null;
          resolve({ done: false, value: queue.shift()! });
        }
      };
      const stop = await transport.subscribe(channel(event, key), (message) =>
        deliver(message === null ? null : JSON.parse(message)),
      );
      const finished: IteratorReturnResult<undefined> = { done: true, value: undefined };
      const events: AsyncIterableIterator<Payload> = {
        [Symbol.asyncIterator]: itself<AsyncIterableIterator<Payload>>,
        next() {
          if (queue.length > 0) return Promise.resolve({ done: false, value: queue.shift()! });
          if (closed) return Promise.resolve(finished);
          return new Promise((resolve) => {
            waiting = resolve;
          });
        },
        return() {
          close();
          return Promise.resolve(finished);
        },
      };
      const drain = () => {
        queue.length = 0;
      };
      function close() {
        if (closed) return;
        closed = true;
        queue.length = 0;
        stop();
        const resolve = waiting;
        waiting = null;
        resolve?.(finished);
      }
      return { events, close, drain };
    },
    listenerCount: () => transport.listenerCount(),
    healthy: () => transport.healthy(),
    check: () => transport.check(),
    responsive: () => transport.responsive(),
    close: () => transport.close(),
  };
}

/** Redis when a URL is configured (fan-out across instances), in-process otherwise. */
export function pubSubFromConfig(target: RedisTarget | null, prefix: string, logger: Logger): PubSub {
  const transport =
    target === null
      ? createInProcessTransport()
      : typeof target === 'string'
        ? createRedisTransport(target, logger)
        : createClusterTransport(target.cluster, logger); // sharded pub/sub (src/pubsub/cluster.ts)
  return createPubSub(transport, prefix);
}
