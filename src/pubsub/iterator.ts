/** What a finished iterator returns; one shared object, since every idle subscription may hold one. */
export const finished: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * `[Symbol.asyncIterator]` of an iterator that is its own iterable, shared: written as a method
 * in each iterator's literal, it was a closure and a name string ("[Symbol.asyncIterator]") per
 * iterator, about 170 bytes held by every idle subscription.
 */
export function itself<T>(this: T): T {
  return this;
}

/** An async iterator that can always be stopped (its return() is not optional). */
export type Pulled<T> = AsyncIterableIterator<T> & { return(): Promise<IteratorResult<T>> };

/**
 * An async iterator whose every `next()` asks `pull` for one value, and that `return()` stops at
 * once: a waiting `next()` ends then, `stop` runs (once), and `pull` is not called again. A plain
 * iterator rather than a Repeater (or an async generator, which cannot be stopped while it
 * awaits): it is held by every idle subscription, and a Repeater with its executor, push and stop
 * promises cost about 1.5–2 kB each. Pulling rather than pushing also keeps the feeds' pace the
 * consumer's: a feed reads its pub/sub events only when asked for a value, so a consumer that
 * stops reading leaves them waiting in the subscription's bounded queue (src/pubsub/index.ts),
 * which cuts it off, exactly as a Repeater's awaited push did.
 *
 * `pull` must itself see that the iterator stopped while it awaited something that `stop` does not
 * end (e.g. a subscription that resolves afterwards: see the feeds' `stopped` flags). An error
 * from `pull` rejects that `next()` and stops the iterator.
 */
export function pulled<T>(pull: () => Promise<IteratorResult<T>>, stop: () => void): Pulled<T> {
  let closed = false;
  // The consumer's next() waiting for `pull`, ended by return(); and the pull under way, which a
  // second next() called before the first settled waits for (the values stay in order).
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let busy: Promise<IteratorResult<T>> | null = null;
  const end = () => {
    if (closed) return;
    closed = true;
    stop();
    const resolve = waiting;
    waiting = null;
    resolve?.(finished);
  };
  const step = (): Promise<IteratorResult<T>> => {
    if (closed) return Promise.resolve(finished);
    const result = new Promise<IteratorResult<T>>((resolve, reject) => {
      waiting = resolve;
      pull().then(
        (value) => {
          if (busy === result) busy = null;
          if (waiting !== resolve) return; // return() already ended this next()
          waiting = null;
          if (value.done) end();
          resolve(closed ? finished : value);
        },
        (error: unknown) => {
          if (busy === result) busy = null;
          const ended = waiting !== resolve;
          waiting = null;
          end();
          if (!ended) reject(error);
        },
      );
    });
    busy = result;
    return result;
  };
  return {
    [Symbol.asyncIterator]: itself<AsyncIterableIterator<T>>,
    next: () => (closed ? Promise.resolve(finished) : busy ? busy.then(step, step) : step()),
    return() {
      end();
      return Promise.resolve(finished);
    },
  };
}
