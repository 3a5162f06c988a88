import { AuthScopeFailureType, type AuthFailure, type ForbiddenResult } from '@pothos/plugin-scope-auth';
import type { GraphQLError, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import type { Context } from '../context';
import { userError } from '../errors';
import type { Viewer } from './viewer';

/*
 * Authorization is declared on the schema with Pothos scope-auth: a field says which scopes it
 * needs (`authScopes: { doctor: true }`, `{ $any: { doctor: true, staff: true } }`,
 * `{ public: true }`), and resolvers never check roles themselves. Every root field must declare
 * its scopes, even public ones, so that forgetting them is caught (test/auth/scopes.test.ts), as
 * Redwood's @requireAuth/@skipAuth check does.
 */

/** The scopes of the builder's `AuthScopes`: one per role, plus `public` for everyone. */
export interface AuthScopes {
  public: boolean;
  doctor: boolean;
  staff: boolean;
  asker: boolean;
}

export type Role = Viewer['role'];

/** What the request's viewer is granted. */
export function scopesOf(ctx: Pick<Context, 'viewer'>): AuthScopes {
  const role = ctx.viewer?.role;
  return { public: true, doctor: role === 'doctor', staff: role === 'staff', asker: role === 'asker' };
}

const roles: readonly Role[] = ['doctor', 'staff', 'asker'];

/** The role scopes a failed check asked for, e.g. ['doctor', 'staff'] for `$any: { doctor, staff }`. */
function neededRoles(failure: AuthFailure, into = new Set<Role>()): Set<Role> {
  if (failure.kind === AuthScopeFailureType.AuthScope) {
    if ((roles as readonly string[]).includes(failure.scope)) into.add(failure.scope as Role);
  } else if (
    failure.kind === AuthScopeFailureType.AnyAuthScopes ||
    failure.kind === AuthScopeFailureType.AllAuthScopes
  ) {
    for (const child of failure.failures) neededRoles(child, into);
  }
  return into;
}

const withArticle = (role: Role) => `${role === 'asker' ? 'an' : 'a'} ${role}`;

/**
 * The error of a failed scope check: UNAUTHENTICATED when the request has no credential (with
 * what to sign in with), FORBIDDEN when it has one that does not grant the field. Invalid or
 * revoked tokens never get this far: they fail the whole request when the context is built.
 */
export function unauthorizedError(
  ctx: Pick<Context, 'viewer'>,
  info: GraphQLResolveInfo,
  result: ForbiddenResult,
): GraphQLError {
  const field = `${info.parentType.name}.${info.fieldName}`;
  const needed = [...neededRoles(result.failure)];
  const credential = `${needed.map(withArticle).join(' or ')} credential`;
  if (!ctx.viewer) {
    return userError(
      'UNAUTHENTICATED',
      needed.length > 0 ? `Sign in with ${credential} to use ${field}.` : `Sign in to use ${field}.`,
    );
  }
  const own = `Your ${ctx.viewer.role} credential`;
  // Named roles that exclude the viewer's: the wrong kind of credential. Otherwise a check such as
  // ownership failed: the right kind, but not for this.
  return needed.length > 0 && !needed.includes(ctx.viewer.role)
    ? userError('FORBIDDEN', `${own} cannot use ${field}: it needs ${credential}.`)
    : userError('FORBIDDEN', `${own} does not allow ${field}.`);
}

/**
 * Root fields (as `Type.field`) whose Pothos options declare no `authScopes`. The build's
 * equivalent of Redwood's "every root field declares its auth": the test expects none.
 */
export function rootFieldsWithoutScopes(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const options = field.extensions?.pothosOptions as { authScopes?: unknown } | undefined;
      const scopes = options?.authScopes;
      const declared =
        typeof scopes === 'function' ||
        typeof scopes === 'boolean' ||
        (typeof scopes === 'object' && scopes !== null && Object.keys(scopes).length > 0);
      if (!declared) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing.sort();
}
