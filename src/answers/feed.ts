import { Repeater } from 'graphql-yoga';
import type { Context } from '../context';
import { liveClock, sharedEvent } from '../plugins/shared-subscriptions';
import type { PubSubEvents } from '../pubsub';
import { closedOnStop, drained } from '../pubsub/cursor-feed';
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
 * A Repeater rather than an async generator: a generator cannot be stopped while it awaits.
 */
export function answerAddedFeed(ctx: Context, questionId: number, afterId: number | null) {
  return new Repeater<AddedAnswer>(async (push, stop) => {
    // The starting point is read before listening, so an answer committed in between is not lost.
    let last = afterId ?? (await latestAnswerId(ctx, questionId));
    const live = closedOnStop(await ctx.pubSub.subscribe('answer:added', questionId), stop);
    try {
      do {
        const woke = liveClock();
        for (const id of await answerIdsAfter(ctx, questionId, last)) {
          last = id;
          await push(sharedEvent({ answerId: id }, String(id), woke));
        }
        // One look covers every event that arrived meanwhile (see Subscription.drain).
      } while (!(await live.events.next()).done && drained(live));
    } finally {
      live.close();
    }
  });
}

/** Edits and hides of a question's answers, as they happen. */
export function answerUpdatedFeed(ctx: Context, questionId: number) {
  return new Repeater<PubSubEvents['answer:updated']>(async (push, stop) => {
    const live = closedOnStop(await ctx.pubSub.subscribe('answer:updated', questionId), stop);
    try {
      for (let next = await live.events.next(); !next.done; next = await live.events.next()) {
        // Updates missed while Redis was down are not replayed: edits show in any re-read.
        const update = next.value;
        if (update) {
          const { answerId, kind } = update;
          await push(sharedEvent({ ...update }, `${answerId}:${kind}`, liveClock()));
        }
      }
    } finally {
      live.close();
    }
  });
}
