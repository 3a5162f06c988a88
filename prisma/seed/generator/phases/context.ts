import type { BatchWriter } from '../writer';

/** What every phase gets: the writer, the seed its random streams derive from, and "now". */
export interface PhaseContext {
  writer: BatchWriter;
  seed: number;
  /** Generated times end before this instant (ms since the epoch). */
  now: number;
  batchSize: number;
}

/** The shared vocabulary's ids, by index into SPECIALTIES, TOPICS and STAFF. */
export interface Reference {
  /** null: a specialty whose name is taken under another slug (its doctors get none). */
  specialtyIds: (number | null)[];
  topicIds: number[];
  staffIds: number[];
}

export const DAY_MS = 86_400_000;
export const iso = (ms: number): string => new Date(ms).toISOString();
