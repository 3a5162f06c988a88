import type { Context } from '../context';
import { liveClock, sharedEvent } from '../plugins/shared-subscriptions';
import type { PubSubEvents, Subscription } from '../pubsub';
import { finished, pulled } from '../pubsub/iterator';
import { liveLoaders } from './live-loaders';

/** What answerAdded's stream yields: an answer to deliver, executed once per group (src/plugins/shared-subscriptions.ts). */
export interface AddedAnswer {
  answerId: number;
}

/** The visible answers of a question created after `afterId`, oldest first (batched). */
function answerIdsAfter(ctx: Context, questionId: number, afterId: number): Promise<number[]> {
  return liveLoaders(ctx.db).answerIdsAfter.load({ questionId, afterId });
}

async function latestAnswerId(ctx: Context, questionId: number): Promise<number> {
  const latest = await ctx.db.answer.findFirst({
    where: { questionId },
    orderBy: { id: 'desc' },
    select: { id: true },
  });
  return latest?.id ?? 0;
}

/**
 * Ids of the answers a subscriber to `answerAdded` receives, in order, each once: first every
 * answer after `afterId` (a reconnecting client's last cursor), then each new one.
 *
 * Events only say "something was added"; the answers themselves always come from the database,
 * after the last one delivered. So an event that arrives twice, late or out of order delivers
 * nothing twice and skips nothing, and a lost event is made good by the next one. This relies on
 * answer ids growing in commit order within a question: postAnswer locks the question row.
 *
 * Each answer is tagged for shared execution with the logical time at which this subscriber woke
 * (or subscribed): it may be handed a result whose reads started after that, never an older one.
 *
 * Pulled (src/pubsub/iterator.ts) rather than a Repeater, whose executor and promises cost every
 * idle subscription 1.5–2 kB; and not an async generator, which cannot be stopped while it awaits.
 */
export function answerAddedFeed(ctx: Context, questionId: number, afterId: number | null) {
  let last = 0;
  let live: Subscription<PubSubEvents['answer:added']> | null = null;
  let stopped = false;
  let page: number[] = [];
  let woke = 0;
  return pulled<AddedAnswer>(
    async () => {
      if (live === null) {
        // The starting point is read before listening, so an answer committed in between is not lost.
        last = afterId ?? (await latestAnswerId(ctx, questionId));
        live = await ctx.pubSub.subscribe('answer:added', questionId);
        if (stopped) live.close(); // stopped while subscribing: its events.next() ends at once
        woke = liveClock();
        page = await answerIdsAfter(ctx, questionId, last);
      }
      while (page.length === 0) {
        if ((await live.events.next()).done) return finished;
        // One look covers every event that arrived meanwhile (see Subscription.drain).
        live.drain();
        woke = liveClock();
        page = await answerIdsAfter(ctx, questionId, last);
      }
      if (stopped) return finished;
      const id = page.shift() as number;
      last = id;
      return { done: false, value: sharedEvent({ answerId: id }, String(id), woke) };
    },
    () => {
      stopped = true;
      live?.close();
    },
  );
}

/** Edits and hides of a question's answers, as they happen. */
export function answerUpdatedFeed(ctx: Context, questionId: number) {
  let live: Subscription<PubSubEvents['answer:updated']> | null = null;
  let stopped = false;
  return pulled<PubSubEvents['answer:updated']>(
    async () => {
      if (live === null) {
        live = await ctx.pubSub.subscribe('answer:updated', questionId);
        if (stopped) live.close();
      }
      for (let next = await live.events.next(); !next.done; next = await live.events.next()) {
        // Updates missed while Redis was down are not replayed: edits show in any re-read.
        const update = next.value;
        if (update) {
          const { answerId, kind } = update;
          return { done: false, value: sharedEvent({ ...update }, `${answerId}:${kind}`, liveClock()) };
        }
      }
      return finished;
    },
    () => {
      stopped = true;
      live?.close();
    },
  );
}
