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
    const model = this.buildCache.getTypeConfig(fieldConfig.parentType).extensions?.pothosPrismaFieldMap;
    const columns = selectedColumns(fieldConfig, model as FieldMap | undefined);
    if (columns === null) return resolver;
    const { pothosPrismaVariant: exposed } = fieldConfig.extensions ?? {};
    if (typeof exposed === 'string' && columns.length === 1 && columns[0] === exposed) {
      return (parent, args, context, info) => {
        const value = (parent as Record<string, unknown>)[exposed];
        return value === undefined ? resolver(parent, args, context, info) : value;
      };
    }
    // A field of its own computed from columns (`select: { careerStartYear: true }`): its resolver,
    // as plugin-prisma calls it once it has found the mapping. The plugins after plugin-prisma in
    // the builder wrap no such field (plugin-relay none, plugin-complexity root fields only).
    const own = fieldConfig.resolve;
    if (typeof own !== 'function') return resolver;
    return (parent, args, context, info) => {
      const row = parent as Record<string, unknown>;
      for (const column of columns) if (row[column] === undefined) return resolver(parent, args, context, info);
      return own(parent, args, context, info);
    };
  }
}

/** plugin-prisma's map of a model's relations (the type's `pothosPrismaFieldMap`). */
type FieldMap = { relations: Map<string, unknown> };

/**
 * The columns a field selects when that is all it selects (`{ slug: true }`, as expose() declares,
 * or a field's own static `select` of columns) and it returns scalars or enums, which have no
 * fields beneath them to look up a mapping; else null.
 */
function selectedColumns<Types extends SchemaTypes>(
  fieldConfig: PothosOutputFieldConfig<Types>,
  model: FieldMap | undefined,
): string[] | null {
  if (fieldConfig.kind !== 'PrismaObject' || !model) return null;
  const select: unknown = fieldConfig.extensions?.pothosPrismaSelect;
  // A function selects by arguments or nests a relation's query: left to plugin-prisma.
  if (typeof select !== 'object' || select === null) return null;
  const columns = Object.keys(select);
  if (columns.length === 0) return null;
  for (const column of columns) {
    if ((select as Record<string, unknown>)[column] !== true || model.relations.has(column)) return null;
  }
  const type = fieldConfig.type.kind === 'List' ? fieldConfig.type.type : fieldConfig.type;
  return type.kind === 'Scalar' || type.kind === 'Enum' ? columns : null;
}

SchemaBuilder.registerPlugin(loadedColumnsPlugin, LoadedColumnsPlugin);
