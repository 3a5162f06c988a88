import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';

/**
 * A column exposed by a Prisma type in select mode (`t.exposeString('slug')`) reads the column
 * from the row it was loaded with. plugin-prisma still wraps each such field: for every row, it
 * looks up the mapping its plan recorded for the field's response path (building the path's
 * strings again) and records a scope for the field's descendants, then reads the column; only
 * when the row was loaded without the column does it load it. That bookkeeping was 8-10% of a
 * question page's CPU (20 answers × a dozen columns). A scalar has no descendants, and a column
 * that is on the row is what the lookup would lead to, so the column is read directly when it is
 * there; plugin-prisma's resolver (and its loading) still answers when it is not.
 *
 * Listed just before PrismaPlugin in the builder, so that it wraps plugin-prisma's resolver and
 * sits inside scope-auth's.
 */
export const loadedColumnsPlugin = 'loadedColumns';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      loadedColumns: LoadedColumnsPlugin<Types>;
    }
  }
}

export class LoadedColumnsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const column = exposedColumn(fieldConfig);
    if (column === null) return resolver;
    return (parent, args, context, info) => {
      const value = (parent as Record<string, unknown>)[column];
      return value === undefined ? resolver(parent, args, context, info) : value;
    };
  }
}

/** The column a field exposes as it is (scalars and enums, lists of them), else null. */
function exposedColumn<Types extends SchemaTypes>(fieldConfig: PothosOutputFieldConfig<Types>): string | null {
  if (fieldConfig.kind !== 'PrismaObject') return null;
  const { pothosPrismaVariant: column, pothosPrismaSelect: select } = fieldConfig.extensions ?? {};
  if (typeof column !== 'string' || typeof select !== 'object' || select === null) return null;
  // What plugin-prisma's expose() declares, and nothing else: `{ [column]: true }`.
  const keys = Object.keys(select);
  if (keys.length !== 1 || keys[0] !== column || (select as Record<string, unknown>)[column] !== true) return null;
  const type = fieldConfig.type.kind === 'List' ? fieldConfig.type.type : fieldConfig.type;
  return type.kind === 'Scalar' || type.kind === 'Enum' ? column : null;
}

SchemaBuilder.registerPlugin(loadedColumnsPlugin, LoadedColumnsPlugin);
