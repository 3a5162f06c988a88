import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './index';

export const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url);

/** The schema as committed in schema.graphql: sorted, so that diffs show real changes only. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
