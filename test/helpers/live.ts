import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { sourceOf, type Operation } from './graphql';

/** A graphql-ws client for a test server; no retries, so a drop stays a drop. */
export function wsClient(httpUrl: string, token?: string): Client {
  return createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

export interface LiveSubscription<T> {
  /** Everything received so far, in order. */
  received: T[];
  /** Resolves once `count` events in total have arrived (rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<T[]>;
  /** Errors or completion reported by the server. */
  errors: unknown[];
  completed: boolean;
  stop(): void;
}

/** Subscribes and records what arrives: typed as the document's data, `unknown` for a plain string. */
export function subscribe<T = unknown, V = Record<string, unknown>>(
  client: Client,
  query: Operation<T, V>,
  variables: V,
): LiveSubscription<T> {
  const waiters: { count: number; resolve: () => void }[] = [];
  const live: LiveSubscription<T> = {
    received: [],
    errors: [],
    completed: false,
    stop: () => {},
    waitFor(count, ms = 5000) {
      if (live.received.length >= count) return Promise.resolve(live.received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `got ${live.received.length} of ${count} events: ${JSON.stringify(live.received)}; errors ${JSON.stringify(live.errors)}`,
              ),
            ),
          ms,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(live.received);
          },
        });
      });
    },
  };
  live.stop = client.subscribe<T>(
    { query: sourceOf(query), variables: variables as Record<string, unknown> },
    {
      next: (value) => {
        if (value.errors) live.errors.push(...value.errors);
        else live.received.push(value.data as T);
        for (const waiter of waiters.filter((w) => live.received.length >= w.count)) waiter.resolve();
      },
      error: (error) => live.errors.push(error),
      complete: () => (live.completed = true),
    },
  );
  return live;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds (polling), for state that settles asynchronously. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 5000, what = 'condition') {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
