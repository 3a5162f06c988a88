import { describe, expect, it } from 'vitest';
import { createResponseStore } from '../../src/cache/store';

// The response cache's storage on its own: bounded in bytes, index freed with its entries.
const page = (text: string) => ({ data: { question: { title: text } } });
const weight = (text: string, key: string, entities: number) =>
  JSON.stringify(page(text)).length + key.length + entities * 64;

describe('response store', () => {
  it('keeps at most its size in bytes, dropping the least recently used first', () => {
    const text = 'x'.repeat(1_000);
    const one = weight(text, 'k0', 2);
    const store = createResponseStore({ maxBytes: one * 3, maxEntryBytes: one * 3 });
    for (let i = 0; i < 10; i++) store.set(`k${i}`, page(text), [{ typename: 'Question', id: i }], 60_000);
    expect(store.bytes).toBeLessThanOrEqual(one * 3);
    expect([...Array(10).keys()].map((i) => store.get(`k${i}`) != null)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('does not keep a response larger than the largest entry', () => {
    const store = createResponseStore({ maxBytes: 100_000, maxEntryBytes: 500 });
    store.set('big', page('x'.repeat(600)), [{ typename: 'Question', id: 1 }], 60_000);
    store.set('small', page('small'), [{ typename: 'Question', id: 1 }], 60_000);
    expect(store.get('big')).toBeUndefined();
    expect(store.get('small')).toEqual(page('small'));
  });

  it('drops exactly the responses showing an invalidated row, by row or by type, and counts invalidations', () => {
    const store = createResponseStore({ maxBytes: 100_000, maxEntryBytes: 10_000 });
    store.set('q1', page('one'), [{ typename: 'Question', id: 1 }], 60_000);
    store.set(
      'q2',
      page('two'),
      [
        { typename: 'Question', id: 2 },
        { typename: 'Answer', id: 7 },
      ],
      60_000,
    );
    store.set('topics', page('topics'), [{ typename: 'Topic' }], 60_000);
    expect(store.generation).toBe(0);
    store.invalidate([{ typename: 'Answer', id: 7 }]);
    expect([store.get('q1'), store.get('q2'), store.get('topics')]).toEqual([page('one'), undefined, page('topics')]);
    store.invalidate([{ typename: 'Question' }]);
    expect([store.get('q1'), store.get('topics')]).toEqual([undefined, page('topics')]);
    expect(store.generation).toBe(2);
    expect(store.bytes).toBe(weight('topics', 'topics', 1));
  });
});
