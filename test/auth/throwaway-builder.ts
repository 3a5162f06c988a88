import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { scopesOf, unauthorizedError, type AuthScopes } from '../../src/auth/scopes';
import type { Viewer } from '../../src/auth/viewer';
import { getDatamodel } from '../../src/generated/pothos-prisma-types';

/**
 * A throwaway builder set up like src/builder.ts (same plugins, scopes and errors), for small
 * schemas in the auth tests; `authorizeOnSubscribe` as src/builder.ts sets it for subscriptions.
 */
export function throwawayBuilder({ authorizeOnSubscribe = false } = {}) {
  return new SchemaBuilder<{ Context: { viewer: Viewer | null }; AuthScopes: AuthScopes }>({
    // The Prisma plugin's options are required by its type declarations once it is installed;
    // no field here uses it.
    plugins: [ScopeAuthPlugin, PrismaPlugin],
    prisma: {
      client: () => {
        throw new Error('no database in these schemas');
      },
      dmmf: getDatamodel(),
    },
    scopeAuth: {
      authScopes: scopesOf,
      unauthorizedError: (_parent, ctx, info, result) => unauthorizedError(ctx, info, result),
      authorizeOnSubscribe,
    },
  });
}
