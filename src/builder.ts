import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { DateTimeResolver } from 'graphql-scalars';
import { scopesOf, unauthorizedError, type AuthScopes } from './auth/scopes';
import { productionAtImport } from './config';
import type { Context } from './context';
import { fieldCost } from './schema/cost';
import { loadedColumnsPlugin } from './schema/loaded-columns';
import { syncNodeIdsPlugin } from './schema/sync-node-ids';
import { nodeQueryOptions, nodesQueryOptions } from './schema/nodes';
import type PrismaTypes from './generated/pothos-prisma-types';
import { getDatamodel } from './generated/pothos-prisma-types';

/** The builder's type parameters, for helpers that take Pothos' field builders. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

/** The Pothos builder: plugins, scalars and the root types. Types live in their domain folders. */
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string | number };
  };
  // Fields are non-null unless they say otherwise: clients need not guard every value.
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // Scope auth first, so that its checks run before any other plugin's resolver wrapping; loaded
  // columns just outside plugin-prisma, whose per-row bookkeeping it spares (src/schema/loaded-columns.ts);
  // node ids without plugin-relay's promise (src/schema/sync-node-ids.ts).
  plugins: [ScopeAuthPlugin, syncNodeIdsPlugin, loadedColumnsPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  // Cost estimates only (src/schema/cost.ts); the MAX_COST limit is checked while validating an
  // operation (src/plugins/operation-limits.ts), so that a costly one is refused before it runs.
  complexity: { fieldComplexity: fieldCost },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    // `totalCount` counts what the connection's `where` lets through (e.g. visible answers only).
    filterConnectionTotalCount: true,
    // A resolver that forgets to spread Pothos' `query` into its Prisma call loses the selection
    // (an N+1 or over-fetching): an error in development and tests, silent in production. The
    // schema is built at import, before configuration is loaded (src/config.ts says how).
    onUnusedQuery: productionAtImport() ? null : 'error',
  },
  // Every root field declares its scopes (src/auth/scopes.ts; a test checks it).
  scopeAuth: {
    authScopes: scopesOf,
    unauthorizedError: (_parent, ctx, info, result) => unauthorizedError(ctx, info, result),
    // Subscriptions are checked once, when they start, rather than on every event.
    authorizeOnSubscribe: true,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Both check the IDs they are given (src/schema/nodes.ts); `nodes` takes at most 100.
    nodeQueryOptions: { authScopes: { public: true }, ...nodeQueryOptions },
    nodesQueryOptions: { authScopes: { public: true }, ...nodesQueryOptions },
  },
});

builder.addScalarType('DateTime', DateTimeResolver, {});
builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
