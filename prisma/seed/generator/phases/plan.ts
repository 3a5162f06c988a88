import { Random } from '../random';
import { insert } from '../writer';
import { DAY_MS, iso, type PhaseContext } from './context';

/**
 * Every question's time, asker and answer count, drawn up front so that totals are known and
 * askers can be created before their first question.
 */
export interface Plan {
  /** Sorted: question ids follow the order they were asked in. */
  askedAt: Float64Array;
  askerCount: number;
  askerOf: Int32Array;
  /** When each asker asked first. */
  askerSince: Float64Array;
  answersOf: Uint8Array;
  answerTotal: number;
  /** The plan's stream goes on drawing the askers' join times. */
  random: Random;
}

/**
 * The number of answers a question gets: many with few, some with many, at most 30
 * (an exponential distribution with mean 7, cut at 30: mean ~6, ~13% unanswered, ~2% with 25 or more).
 */
function answerCount(r: Random): number {
  for (;;) {
    const n = Math.floor(r.exponential(7));
    if (n <= 30) return n;
  }
}

export function drawPlan(seed: number, now: number, questionCount: number): Plan {
  const random = new Random(seed, 3);
  const askedAt = new Float64Array(questionCount);
  for (let i = 0; i < questionCount; i++) askedAt[i] = now - 3_600_000 - random.next() * 3 * 365 * DAY_MS;
  askedAt.sort();
  const askerCount = Math.ceil(questionCount * 0.85);
  const askerOf = new Int32Array(questionCount);
  const askerSince = new Float64Array(askerCount).fill(Number.POSITIVE_INFINITY);
  const answersOf = new Uint8Array(questionCount);
  let answerTotal = 0;
  for (let i = 0; i < questionCount; i++) {
    // Every asker asks at least once; some ask again.
    const asker = i < askerCount ? i : random.int(askerCount);
    askerOf[i] = asker;
    askerSince[asker] = Math.min(askerSince[asker] as number, askedAt[i] as number);
    answersOf[i] = answerCount(random);
    answerTotal += answersOf[i] as number;
  }
  return { askedAt, askerCount, askerOf, askerSince, answersOf, answerTotal, random };
}

/** Askers are anonymous: an id and when they joined, before their first question. */
export async function writeAskers({ writer }: PhaseContext, plan: Plan): Promise<Int32Array> {
  const askerIds = await writer.reserveIds('asker', plan.askerCount);
  await writer.writeBatches('askers', plan.askerCount, (start, n) => {
    const created: string[] = [];
    for (let k = 0; k < n; k++) created.push(iso((plan.askerSince[start + k] as number) - plan.random.next() * DAY_MS));
    return {
      rows: n,
      statements: [
        insert(
          'asker',
          'id, created_at',
          'int, timestamptz',
          [Array.from(askerIds.subarray(start, start + n)), created],
          n,
        ),
      ],
    };
  });
  return askerIds;
}
