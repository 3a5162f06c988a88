import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * Seeded randomness: Math.random() cannot be seeded, and a reproducible data set is the whole
 * point (the same seed gives the same benchmark data on every machine and Node version).
 * The numbers come from pure-rand's xoroshiro128+; this class only adds the draws the generator
 * speaks in (pick, chance, skewed picks, exponential waits).
 */
export class Random {
  private readonly generator: RandomGenerator;

  /** Each stream of one seed is independent: e.g. more doctors do not change the questions' texts. */
  constructor(seed: number, stream = 0) {
    this.generator = xoroshiro128plus(mix(seed, stream));
  }

  uint32(): number {
    return this.generator.next() >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Skewed towards the start of the list: the first items are picked far more often. */
  pickSkewed<T>(items: readonly T[], power = 2): T {
    return items[Math.floor(items.length * this.next() ** power)] as T;
  }

  /** An item other than `not` when the list allows it. */
  pickOther<T>(items: readonly T[], not: T): T {
    if (items.length < 2) return this.pick(items);
    for (;;) {
      const item = this.pick(items);
      if (item !== not) return item;
    }
  }

  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}

/** One 32-bit seed from a seed and a stream number (murmur3's finaliser spreads the bits). */
function mix(seed: number, stream: number): number {
  let h = Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
