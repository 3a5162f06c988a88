import { RequestCache } from '@pothos/plugin-scope-auth';
import { envelop, useEngine } from '@envelop/core';
import { execute, parse, subscribe, validate, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/auth/viewer';
import { useScopeCacheRelease } from '../../src/plugins/scope-cache';
import { throwawayBuilder } from './throwaway-builder';

type Ctx = { viewer: Viewer | null };

async function* ticks() {
  yield 1;
  yield 2;
}

/** A subscription that only askers may start, checked when it starts (as src/builder.ts sets it). */
function setUp() {
  const builder = throwawayBuilder({ authorizeOnSubscribe: true });
  // The cache each execution used, as the resolvers see it (scope-auth made it before they ran).
  const seen: unknown[] = [];
  builder.queryType({ fields: (t) => ({ ok: t.boolean({ authScopes: { public: true }, resolve: () => true }) }) });
  builder.subscriptionType({
    fields: (t) => ({
      ticks: t.int({
        authScopes: { asker: true },
        subscribe: (_root, _args, ctx) => {
          seen.push(RequestCache.fromContext(ctx, builder as never));
          return ticks();
        },
        resolve: (tick, _args, ctx) => {
          seen.push(RequestCache.fromContext(ctx, builder as never));
          return tick;
        },
      }),
    }),
  });
  const schema = builder.toSchema();
  const getEnveloped = envelop({
    plugins: [useEngine({ parse, validate, execute, subscribe }), useScopeCacheRelease()],
  });
  const start = async (viewer: Viewer | null) => {
    const contextValue: Ctx = { viewer };
    const run = getEnveloped(contextValue);
    const result = await run.subscribe({ schema, document: parse('subscription { ticks }'), contextValue });
    return { contextValue, result };
  };
  return { builder, seen, start };
}

const asker = { role: 'asker', id: 1, credentialId: 1 } as unknown as Viewer;

describe('scope-auth cache of a subscription', () => {
  it('is dropped once the subscription has started and after each event, which still see their scopes', async () => {
    const { builder, seen, start } = setUp();
    const { contextValue, result } = await start(asker);
    const events = result as AsyncIterableIterator<ExecutionResult>;
    expect(seen).toHaveLength(1);
    // Asked again, the context's cache is a new one: the subscription's was let go.
    expect(RequestCache.fromContext(contextValue, builder as never)).not.toBe(seen[0]);
    RequestCache.clearForContext(contextValue);
    expect((await events.next()).value).toEqual({ data: { ticks: 1 } });
    expect((await events.next()).value).toEqual({ data: { ticks: 2 } });
    expect(RequestCache.fromContext(contextValue, builder as never)).not.toBe(seen.at(-1));
  });

  it('still refuses a viewer without the scope when the subscription starts', async () => {
    const { seen, start } = setUp();
    const { result } = await start(null);
    expect(result).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(seen).toHaveLength(0);
  });
});
