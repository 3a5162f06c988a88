import type { Viewer } from './auth/viewer';
import type { ResponseCache } from './cache/response-cache';
import type { Db } from './db/client';
import type { Logger } from './logger';
import type { PubSub } from './pubsub';

/** What every resolver sees. One per operation (HTTP request or WebSocket subscribe). */
export interface Context {
  db: Db;
  pubSub: PubSub;
  logger: Logger;
  requestId: string;
  /** Where the request comes from, as rate limits count it (src/limits/address.ts). */
  clientAddress: string;
  /** null for anonymous requests. */
  viewer: Viewer | null;
  /** Writes tell it which rows they changed, after commit. */
  responseCache: Pick<ResponseCache, 'invalidate'>;
}
