import { Repeater } from 'graphql-yoga';
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
  /** Stops delivery and frees the channel; safe to call more than once. */
  close(): void;
}

export interface PubSub {
  readonly description: string;
  /** Publishes to every subscriber of `event` for `key`, in every instance. */
  publish<E extends EventName>(event: E, key: string | number, payload: PubSubEvents[E]): Promise<void>;
  /** Resolves once events are being received (nothing published after that is missed). */
  subscribe<E extends EventName>(event: E, key: string | number): Promise<Subscription<PubSubEvents[E]>>;
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
    async subscribe<E extends EventName>(event: E, key: string | number) {
      type Payload = PubSubEvents[E] | null;
      const early: Payload[] = [];
      let deliver = (payload: Payload) => void early.push(payload);
      const stop = await transport.subscribe(channel(event, key), (message) => deliver(message === null ? null : JSON.parse(message)));
      let closed = false;
      const events = new Repeater<Payload>(async (push, stopped) => {
        for (const payload of early) await push(payload);
        deliver = (payload) => void push(payload);
        await stopped;
      });
      const close = () => {
        if (closed) return;
        closed = true;
        stop();
        void events.return();
      };
      return { events, close };
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
