/**
 * Proves that prisma/migrations and prisma/schema.prisma describe the same database, without the
 * schema engine (it cannot be downloaded here, so `prisma migrate diff` is not available).
 *
 * Both sides are reduced to the same list of one-line facts ("column doctor.verified boolean NOT
 * NULL DEFAULT false", "index question(search) gin ...") and compared:
 *   - the schema side comes from the DMMF that Prisma's own parser (@prisma/prisma-schema-wasm,
 *     pinned to the engines of our prisma version) makes of schema.prisma, plus the
 *     `Unsupported(...)` fields, which the DMMF leaves out, read from the schema text;
 *   - the database side is read from pg_catalog after applying every migration to an empty database.
 * Compared: tables (implicit many-to-many tables and _prisma_migrations included), columns with
 * their PostgreSQL type, nullability and default, primary keys, unique and plain indexes (columns,
 * sort order, method, name) and foreign keys (columns, referenced table and columns, ON DELETE,
 * ON UPDATE), and enums. Not compared, because schema.prisma cannot express them: CHECK
 * constraints, triggers and functions, generated-column expressions (the migration tests cover
 * those), and foreign key names (`@relation(map:)` is not in the DMMF).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate';
import { createLogger } from '../../src/logger';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { databaseFacts } from '../helpers/schema-diff/database-facts';
import { differences } from '../helpers/schema-diff/facts';
import { schemaFacts } from '../helpers/schema-diff/schema-facts';

const schemaPath = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));

// ---- The tests --------------------------------------------------------------------------------

describe('migrations and schema.prisma', () => {
  let db: TestDatabase;
  let schemaText: string;
  let migrated: string[];

  beforeAll(async () => {
    schemaText = await readFile(schemaPath, 'utf8');
    db = await createTestDatabase();
    await migrate(db.url, { logger: createLogger('silent') });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      migrated = await databaseFacts(client);
    } finally {
      await client.end();
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('describe the same tables, columns, keys, indexes and foreign keys', () => {
    expect(differences(schemaFacts(schemaText), migrated)).toEqual([]);
  });

  it('are compared on the things Prisma cannot see in a plain model (guards against a vacuous comparison)', () => {
    const facts = schemaFacts(schemaText);
    expect(facts).toEqual(
      expect.arrayContaining([
        'table _prisma_migrations',
        'table _question_topic',
        'table _blog_post_topic',
        'column _question_topic.A integer NOT NULL',
        'column _blog_post_topic.B integer NOT NULL',
        'column question.search tsvector NULL',
        'column doctor.id integer NOT NULL DEFAULT autoincrement()',
        'column doctor.created_at timestamp(3) with time zone NOT NULL DEFAULT now()',
        'index question(search) gin "question_search_idx"',
        'index doctor(answer_count DESC, id) btree "doctor_answer_count_id_idx"',
        'unique index doctor(slug) btree "doctor_slug_key"',
        'primary key _question_topic(A, B) "_question_topic_AB_pkey"',
        'foreign key answer(question_id) → question(id) ON DELETE CASCADE ON UPDATE CASCADE',
        'foreign key doctor(specialty_id) → specialty(id) ON DELETE SET NULL ON UPDATE CASCADE',
        'foreign key _question_topic(A) → question(id) ON DELETE CASCADE ON UPDATE CASCADE',
      ]),
    );
  });

  it('would disagree if a field, an index or a relation change were added to schema.prisma without a migration', () => {
    const edited = schemaText
      .replace(/^(model Doctor \{\n)/m, '$1  nickname String?\n  @@index([country, city])\n')
      .replace('onDelete: Cascade)', 'onDelete: Restrict)');
    expect(edited).not.toBe(schemaText);

    const missing = 'in schema.prisma, missing from the migrated database:';
    const extra = 'in the migrated database, not in schema.prisma:';
    expect(differences(schemaFacts(edited), migrated)).toEqual([
      `${missing} column doctor.nickname text NULL`,
      `${missing} foreign key answer(question_id) → question(id) ON DELETE RESTRICT ON UPDATE CASCADE`,
      `${missing} index doctor(country, city) btree "doctor_country_city_idx"`,
      `${extra} foreign key answer(question_id) → question(id) ON DELETE CASCADE ON UPDATE CASCADE`,
    ]);
  });
});
