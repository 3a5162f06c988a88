import { TOPICS } from '../vocabulary/topics';
import { kebab } from '../vocabulary/words';
import type { PhaseContext } from './context';

/**
 * Which specialties answer which topics (the doctors' feed, issue 11), from the vocabulary's own
 * `specialties` per topic: one statement, idempotent, so every run may repeat it. Kept apart from
 * the reference phase so that the generator's layout can change without touching it.
 */
export async function writeTopicSpecialties({ writer }: PhaseContext): Promise<void> {
  const pairs = TOPICS.flatMap((topic) => topic.specialties.map((name) => [topic.slug, kebab(name)] as const));
  const inserted = await writer.query(
    `INSERT INTO "_topic_specialty" ("A", "B")
     SELECT s.id, t.id FROM unnest($1::text[], $2::text[]) AS m(topic_slug, specialty_slug)
       JOIN topic t ON t.slug = m.topic_slug JOIN specialty s ON s.slug = m.specialty_slug
     ON CONFLICT DO NOTHING`,
    [pairs.map(([topic]) => topic), pairs.map(([, specialty]) => specialty)],
  );
  writer.count('_topic_specialty', inserted.rowCount ?? 0);
}
