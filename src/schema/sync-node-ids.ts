import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLFieldResolver } from 'graphql';

/**
 * The global `id` of a Prisma node type (`prismaNode`), computed without a promise. plugin-relay
 * resolves every node's `id` in an async function, so each answer of a page, each question of a
 * list, became a pending object to graphql-js (promiseForObject, a Promise.all per list, their
 * microtasks) although everything else on it was already loaded. The id is the same: the type's
 * own serializer (the one plugin-prisma gives plugin-relay) and plugin-relay's encoding
 * (`encodeGlobalID`; this schema sets no `relay.encodeGlobalID` of its own, checked below).
 * A serializer that returns a promise or nothing goes through plugin-relay's resolver as before.
 */
export const syncNodeIdsPlugin = 'syncNodeIds';

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      syncNodeIds: SyncNodeIdsPlugin<Types>;
    }
  }
}

type IdSerializer = (parent: unknown, args: object, context: unknown, info: unknown) => unknown;

export class SyncNodeIdsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const serialize = this.idSerializer(fieldConfig);
    if (!serialize) return resolver;
    const typename = fieldConfig.parentType;
    return (parent, args, context, info) => {
      const id = serialize(parent, args, context, info);
      if (typeof id !== 'string' && typeof id !== 'number' && typeof id !== 'bigint') {
        return resolver(parent, args, context, info);
      }
      return encodeGlobalID(typename, String(id));
    };
  }

  /** The serializer of a Prisma node type's id field, or null for any other field. */
  private idSerializer(fieldConfig: PothosOutputFieldConfig<Types>): IdSerializer | null {
    const relay = this.builder.options.relay;
    if (relay?.encodeGlobalID || fieldConfig.name !== (relay?.idFieldName ?? 'id')) return null;
    if (fieldConfig.type.kind !== 'Scalar' || this.buildCache.getTypeConfig(fieldConfig.type.ref).name !== 'ID')
      return null;
    const typeConfig = this.buildCache.getTypeConfig(fieldConfig.parentType);
    if (typeConfig.kind !== 'Object' || !typeConfig.extensions?.pothosPrismaModel) return null;
    // plugin-relay's node options on the type (src: addNodeProperties), with plugin-prisma's serializer.
    const id = (typeConfig.pothosOptions as { id?: { resolve?: unknown } }).id;
    return typeof id?.resolve === 'function' ? (id.resolve as IdSerializer) : null;
  }
}

SchemaBuilder.registerPlugin(syncNodeIdsPlugin, SyncNodeIdsPlugin);
