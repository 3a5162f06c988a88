import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { rootFieldsWithoutScopes } from '../../src/auth/scopes';
import type { Viewer } from '../../src/auth/viewer';
import { schema } from '../../src/schema';
import { throwawayBuilder } from './throwaway-builder';

describe('every root field declares its auth', () => {
  it('holds for the real schema: no Query, Mutation or Subscription field lacks authScopes', () => {
    expect(rootFieldsWithoutScopes(schema)).toEqual([]);
  });

  it('covers the relay node and nodes fields, set up in the builder', () => {
    const query = schema.getQueryType()!.getFields();
    expect(query.node!.extensions.pothosOptions).toMatchObject({ authScopes: { public: true } });
    expect(query.nodes!.extensions.pothosOptions).toMatchObject({ authScopes: { public: true } });
  });

  it('catches a root field that forgot its scopes', () => {
    const builder = throwawayBuilder();
    builder.queryType({
      fields: (t) => ({
        open: t.string({ authScopes: { public: true }, resolve: () => 'hi' }),
        computed: t.string({ authScopes: () => true, resolve: () => 'hi' }),
        forgotten: t.string({ resolve: () => 'oops' }),
        empty: t.string({ authScopes: {}, resolve: () => 'oops' }),
      }),
    });
    builder.mutationType({
      fields: (t) => ({
        guarded: t.boolean({ authScopes: { staff: true }, resolve: () => true }),
        unguarded: t.boolean({ resolve: () => true }),
      }),
    });
    expect(rootFieldsWithoutScopes(builder.toSchema())).toEqual([
      'Mutation.unguarded',
      'Query.empty',
      'Query.forgotten',
    ]);
  });
});

describe('a failed scope check', () => {
  const builder = throwawayBuilder();
  builder.queryType({
    fields: (t) => ({
      forDoctors: t.string({ nullable: true, authScopes: { doctor: true }, resolve: () => 'ok' }),
      forAuthors: t.string({ nullable: true, authScopes: { doctor: true, staff: true }, resolve: () => 'ok' }),
      forOwner: t.string({ nullable: true, authScopes: () => false, resolve: () => 'ok' }),
    }),
  });
  const small = builder.toSchema();
  const run = async (source: string, viewer: Viewer | null) => {
    const { errors, data } = await graphql({ schema: small, source, contextValue: { viewer } });
    return { data, errors: errors?.map((e) => ({ message: e.message, code: e.extensions.code })) };
  };
  const doctor: Viewer = { role: 'doctor', doctorId: 1, credentialId: 1 };
  const asker: Viewer = { role: 'asker', askerId: 1, credentialId: 2 };

  it('is UNAUTHENTICATED without a credential, naming the credential needed', async () => {
    expect((await run('{ forDoctors }', null)).errors).toEqual([
      { message: 'Sign in with a doctor credential to use Query.forDoctors.', code: 'UNAUTHENTICATED' },
    ]);
    expect((await run('{ forAuthors }', null)).errors).toEqual([
      { message: 'Sign in with a doctor or a staff credential to use Query.forAuthors.', code: 'UNAUTHENTICATED' },
    ]);
    expect((await run('{ forOwner }', null)).errors).toEqual([
      { message: 'Sign in to use Query.forOwner.', code: 'UNAUTHENTICATED' },
    ]);
  });

  it('is FORBIDDEN with a credential of the wrong kind, or one that does not own the thing', async () => {
    expect((await run('{ forAuthors }', asker)).errors).toEqual([
      {
        message: 'Your asker credential cannot use Query.forAuthors: it needs a doctor or a staff credential.',
        code: 'FORBIDDEN',
      },
    ]);
    expect((await run('{ forOwner }', doctor)).errors).toEqual([
      { message: 'Your doctor credential does not allow Query.forOwner.', code: 'FORBIDDEN' },
    ]);
  });

  it('lets the right credential through', async () => {
    expect(await run('{ forDoctors forAuthors }', doctor)).toEqual({
      data: { forDoctors: 'ok', forAuthors: 'ok' },
      errors: undefined,
    });
  });
});
