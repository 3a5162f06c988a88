import type { GraphQLSchema } from 'graphql';
import type { Bucket } from './rate-limiter';

export type MutationBucket = Exclude<Bucket, 'operations'>;

/**
 * A mutation's rate limit, declared on the field beside its auth scopes:
 * `extensions: rateLimit('edits')`. The rate-limit plugin (src/plugins/rate-limits.ts) reads it
 * from the schema, and a test checks that every Mutation field declares one, as for auth scopes.
 */
export function rateLimit(bucket: MutationBucket): { rateLimit: MutationBucket } {
  return { rateLimit: bucket };
}

/** The bucket a Mutation field declares; undefined when it declares none (the schema test forbids that). */
export function declaredBucket(schema: GraphQLSchema, field: string): MutationBucket | undefined {
  const value = schema.getMutationType()?.getFields()[field]?.extensions.rateLimit;
  return typeof value === 'string' ? (value as MutationBucket) : undefined;
}
