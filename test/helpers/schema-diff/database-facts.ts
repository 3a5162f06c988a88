/** The database side: read from pg_catalog after applying every migration to an empty database. */
import type pg from 'pg';
import { columnFact, foreignKeyFact, indexFact, primaryKeyFact } from './facts';

/** A column default as pg_get_expr() prints it, in the spelling schemaDefault() uses. */
function databaseDefault(expression: string | null, type: string): string | null {
  if (expression === null) return null;
  if (/^nextval\(/.test(expression)) return 'autoincrement()';
  if (expression === 'CURRENT_TIMESTAMP' || expression === 'now()') return 'now()';
  if (/^(-?\d+(\.\d+)?|true|false)$/.test(expression)) return expression;
  const literal = /^'((?:[^']|'')*)'::[\w\s."[\]()]+$/.exec(expression);
  if (literal) {
    const value = literal[1]!.replaceAll("''", "'");
    const numeric = /^(integer|bigint|smallint|numeric|double precision|real)/.test(type);
    return numeric && /^-?\d+(\.\d+)?$/.test(value) ? value : `'${value}'`;
  }
  return '(expression)';
}

/** Everything the migrated database says about the same things, as facts. */
export async function databaseFacts(client: pg.Client): Promise<string[]> {
  const facts: string[] = [];
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
  );
  for (const { name } of tables.rows) facts.push(`table ${name}`);

  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`,
  );
  for (const e of enums.rows) facts.push(`enum ${e.name} (${e.labels.join(', ')})`);

  // _prisma_migrations belongs to the migration runner, not to the data model: only its presence counts.
  interface ColumnRow {
    table: string;
    column: string;
    type: string;
    not_null: boolean;
    default: string | null;
  }
  const columns = await client.query<ColumnRow>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS not_null,
            CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
        AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  for (const c of columns.rows) {
    facts.push(columnFact(c.table, c.column, c.type, c.not_null, databaseDefault(c.default, c.type)));
  }

  interface IndexRow {
    table: string;
    name: string;
    primary: boolean;
    unique: boolean;
    method: string;
    columns: string[];
    predicate: string | null;
  }
  const indexes = await client.query<IndexRow>(
    `SELECT t.relname AS table, i.relname AS name, x.indisprimary AS primary, x.indisunique AS unique,
            am.amname AS method, pg_get_expr(x.indpred, x.indrelid) AS predicate,
            ARRAY(SELECT CASE WHEN k.attnum = 0 THEN '(expression)' ELSE a.attname::text END
                         || CASE WHEN x.indoption[k.ord - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                    FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS columns
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
  );
  for (const index of indexes.rows) {
    // A partial index has no counterpart in schema.prisma: its predicate makes the fact unmatched.
    const where = index.predicate ? ` WHERE ${index.predicate}` : '';
    if (index.primary) facts.push(primaryKeyFact(index.table, index.columns, index.name) + where);
    else facts.push(indexFact(index.table, index.unique, index.columns, index.method, index.name) + where);
  }

  interface ForeignKeyRow {
    table: string;
    columns: string[];
    target: string;
    target_columns: string[];
    on_delete: string;
    on_update: string;
  }
  const foreignKeys = await client.query<ForeignKeyRow>(
    `SELECT t.relname AS table, r.relname AS target,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS target_columns,
            c.confdeltype AS on_delete, c.confupdtype AS on_update
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND c.contype = 'f'`,
  );
  const action: Record<string, string> = {
    a: 'NO ACTION',
    r: 'RESTRICT',
    c: 'CASCADE',
    n: 'SET NULL',
    d: 'SET DEFAULT',
  };
  for (const fk of foreignKeys.rows) {
    const [onDelete, onUpdate] = [action[fk.on_delete]!, action[fk.on_update]!];
    facts.push(foreignKeyFact(fk.table, fk.columns, fk.target, fk.target_columns, onDelete, onUpdate));
  }
  return facts.sort();
}

/** A readable list of what differs; empty when both sides agree. */
