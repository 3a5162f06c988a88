import { SPECIALTIES } from '../vocabulary/specialties';
import { STAFF } from '../vocabulary/staff';
import { TOPICS } from '../vocabulary/topics';
import { kebab } from '../vocabulary/words';
import type { PhaseContext, Reference } from './context';

/** Specialties, topics and staff members: upserted by slug/email, reused by every run. */
export async function writeReference({ writer }: PhaseContext): Promise<Reference> {
  const total = SPECIALTIES.length + TOPICS.length + STAFF.length;
  writer.report('reference', 0, total);
  const reference = await writer.inTransaction(async () => {
    const upsert = async (table: string, sql: string, params: unknown[]): Promise<void> => {
      const inserted = await writer.query(sql, params);
      writer.count(table, inserted.rowCount ?? 0);
    };
    const idsBy = async (sql: string, keys: string[]): Promise<Map<string, number>> => {
      const result = await writer.query<{ id: number; key: string }>(sql, [keys]);
      return new Map(result.rows.map((row) => [row.key, row.id]));
    };

    const specialtyNames = SPECIALTIES.map(([name]) => name);
    const specialtySlugs = specialtyNames.map(kebab);
    await upsert(
      'specialty',
      'INSERT INTO specialty (slug, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING',
      [specialtySlugs, specialtyNames],
    );
    const specialtyBySlug = await idsBy(
      'SELECT id, slug AS key FROM specialty WHERE slug = ANY($1::text[])',
      specialtySlugs,
    );

    const topicSlugs = TOPICS.map((t) => t.slug);
    await upsert(
      'topic',
      'INSERT INTO topic (slug, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (slug) DO NOTHING',
      [topicSlugs, TOPICS.map((t) => t.name)],
    );
    const topicBySlug = await idsBy('SELECT id, slug AS key FROM topic WHERE slug = ANY($1::text[])', topicSlugs);

    const emails = STAFF.map(([, email]) => email);
    await upsert(
      'staff_member',
      'INSERT INTO staff_member (name, email) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (email) DO NOTHING',
      [STAFF.map(([name]) => name), emails],
    );
    const staff = await writer.query<{ id: number }>(
      'SELECT id FROM staff_member WHERE email = ANY($1::text[]) ORDER BY id',
      [emails],
    );
    return {
      specialtyIds: specialtySlugs.map((slug) => specialtyBySlug.get(slug) ?? null),
      topicIds: topicSlugs.map((slug) => topicBySlug.get(slug) as number),
      staffIds: staff.rows.map((row) => row.id),
    };
  });
  writer.report('reference', total, total);
  return reference;
}
