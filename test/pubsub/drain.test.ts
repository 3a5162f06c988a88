import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPubSub, forClient, type PubSub } from '../../src/pubsub';
import { cursorFeed } from '../../src/pubsub/cursor-feed';
import { createRedisTransport } from '../../src/pubsub/transport';
import { eventually } from '../helpers/live';
import { redisUrl } from '../helpers/redis';
import { logger } from '../helpers/server';

// A feed that keeps up at its own pace is never taken for a stalled one: events that arrive
// while it looks are covered by that look (Subscription.drain), so they never pile up past the
// pending limit however fast they come. Issue: postAnswer at 60-70 answers/s on one question cut
// off every subscriber of it (bench/write-path.ts).
let pubSub: PubSub;
beforeAll(async () => {
  pubSub = createPubSub(createRedisTransport(redisUrl, logger), `drain-${randomBytes(4).toString('hex')}`);
  await eventually(() => pubSub.healthy(), 5_000, 'Redis connected');
});
afterAll(() => pubSub?.close());

const MAX_PENDING = 3;

it('a feed whose every look takes as long as MAX_PENDING - 1 events keeps up: nothing cut off, every id in order', async () => {
  const cutOff: number[] = [];
  const own = forClient(pubSub, MAX_PENDING, (max) => cutOff.push(max));
  // The rows as the feed would read them, and a gate that holds each look until the test opens it.
  const rows: number[] = [];
  let looks = 0;
  let open: (() => void) | null = null;
  const feed = cursorFeed({
    afterId: 0,
    latestId: async () => 0,
    listen: () => own.subscribe('answer:added', 1),
    idsAfter: async (last) => {
      looks++;
      await new Promise<void>((resolve) => (open = resolve));
      return rows.filter((id) => id > last);
    },
  });
  // Redis hands each message to every local listener of its channel at once: once this one has
  // an event, so has the feed's subscription.
  const probe = await pubSub.subscribe('answer:added', 1);
  const received: number[] = [];
  const reading = (async () => {
    for await (const id of feed) received.push(id);
  })();

  // Ten rounds: while the feed is in a look, two rows are added and announced; then the look ends.
  // Without draining, each look took one event of the two: by the third round, 3 were waiting.
  for (let round = 0; round < 10; round++) {
    await eventually(() => looks === round + 1 && open !== null, 5_000, `look ${round + 1}`);
    for (const id of [2 * round + 1, 2 * round + 2]) {
      rows.push(id);
      await pubSub.publish('answer:added', 1, { questionId: 1, answerId: id });
      await probe.events.next();
    }
    const release = open!;
    open = null;
    release();
  }
  await eventually(() => received.length === 20 && open !== null, 5_000, 'every id, then another look');
  open!();
  await feed.return();
  await reading;
  probe.close();
  expect({ cutOff, received }).toEqual({ cutOff: [], received: Array.from({ length: 20 }, (_, i) => i + 1) });
});
