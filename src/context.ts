import type { Db } from './db/client';
import type { Logger } from './logger';
import type { PubSub } from './pubsub';

/** What every resolver sees. One per operation (HTTP request or WebSocket subscribe). */
export interface Context {
  db: Db;
  pubSub: PubSub;
  logger: Logger;
  requestId: string;
}
