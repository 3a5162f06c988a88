import calculateSlot from 'cluster-key-slot';
import { Cluster, Redis } from 'ioredis';
import type { Logger } from '../logger';
import {
  addListener,
  closeClients,
  countListeners,
  publishOrDeliverLocally,
  type Listeners,
  reconnectDelay,
  watchResponsiveness,
  type Transport,
} from './transport';

/** A seed node of a Redis Cluster (REDIS_CLUSTER_NODES); the rest are discovered. */
export interface ClusterNode {
  host: string;
  port: number;
}

/** Where Redis is: a redis:// URL (one server), or a cluster's seed nodes. */
export type RedisTarget = string | { cluster: ClusterNode[] };

/** The command client for a cluster: follows MOVED/ASK, refreshes the slot map by itself. */
export function createClusterClient(
  nodes: ClusterNode[],
  options: { connectionName: string; commandTimeout: number },
): Cluster {
  return new Cluster(nodes, {
    clusterRetryStrategy: reconnectDelay,
    // Commands fail at once while the cluster is unreachable, as with a single Redis.
    enableOfflineQueue: false,
    redisOptions: { connectionName: options.connectionName, commandTimeout: options.commandTimeout },
  });
}

/** Whether the cluster says it serves every slot (CLUSTER INFO), within the command timeout. */
export async function clusterServes(client: Cluster): Promise<boolean> {
  if (client.status !== 'ready') return false;
  const info = await client.cluster('INFO').catch(() => '');
  return typeof info === 'string' && info.includes('cluster_state:ok');
}

interface Shard {
  client: Redis;
  channels: Set<string>;
}

/**
 * Sharded pub/sub over a Redis Cluster (Redis 7): SPUBLISH goes to the master that owns the
 * channel's slot, and only that shard carries it. Classic PUBLISH on a cluster is broadcast to
 * every node over the cluster bus, a cost that grows with each node added.
 *
 * Hand-rolled on plain ioredis connections (one subscriber per master that owns a channel we
 * listen to) rather than ioredis' `shardedSubscribers` option, for the guarantee the single-node
 * transport gives: `subscribe` resolves once Redis has confirmed the SSUBSCRIBE, and after every
 * (re)connection of a shard, once its channels are confirmed again, their listeners are told to
 * catch up (`null`). When the slot map changes (a failover, resharding), channels move to their
 * new owner and catch up too.
 */
export function createClusterTransport(nodes: ClusterNode[], logger: Logger): Transport {
  const log = logger.child({ component: 'redis-cluster' });
  const publisher = createClusterClient(nodes, { connectionName: 'medqa-publish', commandTimeout: 1_000 });
  publisher.on('error', (error: Error) => log.warn({ err: error.message }, 'redis cluster error'));
  const listeners: Listeners = new Map();
  const shards = new Map<string, Shard>();
  /** Channels whose owner is not known yet (the slot map has not arrived). */
  const unrouted = new Set<string>();
  /** Where each channel is subscribed. */
  const routes = new Map<string, Shard>();

  const catchUp = (channel: string) => {
    for (const listener of listeners.get(channel) ?? []) listener(null);
  };

  function shardAt(nodeKey: string): Shard {
    const shard = shards.get(nodeKey);
    if (shard) return shard;
    const [host, port] = [
      nodeKey.slice(0, nodeKey.lastIndexOf(':')),
      Number(nodeKey.slice(nodeKey.lastIndexOf(':') + 1)),
    ];
    const client = new Redis({
      host,
      port,
      retryStrategy: reconnectDelay,
      maxRetriesPerRequest: null,
      connectionName: 'medqa-ssubscribe',
    });
    client.on('error', (error) => log.warn({ err: error.message, node: nodeKey }, 'redis shard subscriber error'));
    client.on('smessage', (channel: string, message: string) => {
      for (const listener of listeners.get(channel) ?? []) listener(message);
    });
    const created: Shard = { client, channels: new Set() };
    // As in the single-node transport: ioredis resubscribes by itself, then emits 'ready'; our own
    // SSUBSCRIBEs are answered after its, so when they resolve every channel is live again.
    // One channel per command: channels of one call must share a slot.
    client.on('ready', () => {
      const channels = [...created.channels];
      if (channels.length === 0) return;
      Promise.all(channels.map((channel) => client.ssubscribe(channel))).then(
        () => {
          log.info(
            { node: nodeKey, channels: channels.length },
            'redis shard subscriptions live: subscribers catch up',
          );
          for (const channel of channels) if (created.channels.has(channel)) catchUp(channel);
        },
        (error: Error) => log.warn({ err: error.message, node: nodeKey }, 'resubscribe failed'),
      );
    });
    shards.set(nodeKey, created);
    return created;
  }

  /** Subscribes `channel` on the shard that owns it; resolves when confirmed (or at once if that shard is down). */
  function route(channel: string): Promise<unknown> {
    const owner = publisher.slots[calculateSlot(channel)]?.[0];
    if (!owner) {
      unrouted.add(channel);
      return Promise.resolve();
    }
    unrouted.delete(channel);
    const shard = shardAt(owner);
    routes.set(channel, shard);
    shard.channels.add(channel);
    const confirmation = shard.client.ssubscribe(channel);
    confirmation.catch(() => {}); // nobody awaits it while the shard is down; 'ready' redoes it
    return shard.client.status === 'ready' ? confirmation : Promise.resolve();
  }

  function unroute(channel: string) {
    unrouted.delete(channel);
    const shard = routes.get(channel);
    routes.delete(channel);
    if (!shard?.channels.delete(channel)) return;
    shard.client
      .sunsubscribe(channel)
      .catch((error: Error) => log.warn({ err: error.message, channel }, 'unsubscribe failed'));
  }

  // A new slot map: channels never routed get a shard; channels whose owner changed move to it.
  // Either way they may have missed messages, so they catch up once the new owner confirms.
  publisher.on('refresh', () => {
    for (const channel of listeners.keys()) {
      const owner = publisher.slots[calculateSlot(channel)]?.[0];
      const current = routes.get(channel);
      if (!owner || (current && shards.get(owner) === current)) continue;
      if (current) unroute(channel);
      void route(channel).then(
        () => catchUp(channel),
        () => {},
      );
    }
  });

  const heartbeat = watchResponsiveness(publisher, () => clusterServes(publisher));
  const shardsReady = () =>
    [...shards.values()].every((shard) => shard.channels.size === 0 || shard.client.status === 'ready');
  return {
    description: `redis cluster ${nodes.map((node) => `${node.host}:${node.port}`).join(',')}`,
    publish: (channel, message) =>
      publishOrDeliverLocally(listeners, channel, message, () => publisher.spublish(channel, message)),
    async subscribe(channel, onMessage) {
      const listener = addListener(listeners, channel, onMessage);
      if (listener.first) await route(channel);
      return () => {
        if (listener.remove()) unroute(channel);
      };
    },
    listenerCount: () => countListeners(listeners),
    healthy: () => publisher.status === 'ready' && shardsReady(),
    check: async () => shardsReady() && (await clusterServes(publisher)),
    responsive: () => shardsReady() && heartbeat.answered(),
    async close() {
      heartbeat.stop();
      listeners.clear();
      const clients: (Redis | Cluster)[] = [publisher, ...[...shards.values()].map((shard) => shard.client)];
      await closeClients(clients);
    },
  };
}
