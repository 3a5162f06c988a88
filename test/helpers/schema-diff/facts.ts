/** One-line facts about a database's shape, written the same way from schema.prisma and from pg_catalog. */

export const columnFact = (
  table: string,
  column: string,
  type: string,
  notNull: boolean,
  defaultValue: string | null,
) =>
  `column ${table}.${column} ${type} ${notNull ? 'NOT NULL' : 'NULL'}` +
  (defaultValue ? ` DEFAULT ${defaultValue}` : '');
export const primaryKeyFact = (table: string, columns: string[], name: string) =>
  `primary key ${table}(${columns.join(', ')}) "${name}"`;
export const indexFact = (table: string, unique: boolean, columns: string[], method: string, name: string) =>
  `${unique ? 'unique index' : 'index'} ${table}(${columns.join(', ')}) ${method} "${name}"`;
export const foreignKeyFact = (
  table: string,
  columns: string[],
  target: string,
  targetColumns: string[],
  onDelete: string,
  onUpdate: string,
) =>
  `foreign key ${table}(${columns.join(', ')}) → ${target}(${targetColumns.join(', ')})` +
  ` ON DELETE ${onDelete} ON UPDATE ${onUpdate}`;

/** What one side has and the other lacks, each as a sentence naming the side. */

export function differences(schema: string[], database: string[]): string[] {
  const inDatabase = new Set(database);
  const inSchema = new Set(schema);
  return [
    ...schema
      .filter((fact) => !inDatabase.has(fact))
      .map((fact) => `in schema.prisma, missing from the migrated database: ${fact}`),
    ...database
      .filter((fact) => !inSchema.has(fact))
      .map((fact) => `in the migrated database, not in schema.prisma: ${fact}`),
  ];
}
