import { RequestCache } from '@pothos/plugin-scope-auth';
import type { Plugin } from 'graphql-yoga';

/**
 * Pothos scope-auth keeps a cache per context (its RequestCache: five Maps, about 1.2 kB) for as
 * long as the context lives. An HTTP request's context dies with its response; a subscription's
 * lives as long as the subscription, idle or not, and held its cache all that time. Here the
 * cache is dropped once the subscription has started (its scopes were checked then:
 * `authorizeOnSubscribe`) and after each event's execution, so a subscription's executions are
 * cached as a request's are, each on its own, and nothing is kept between them. The scopes are
 * the viewer's (src/auth/scopes.ts), fixed for the context: recomputed, they come out the same.
 * The hooks are shared objects, so nothing is allocated per subscription.
 */
type ArgsPayload = { args: { contextValue: object } };
const release = ({ args }: ArgsPayload) => RequestCache.clearForContext(args.contextValue);
const afterEachEvent = { onNext: release };
const onSubscribeResult = (payload: ArgsPayload) => {
  release(payload);
  return afterEachEvent;
};
const hooks = { onSubscribeResult };

export function useScopeCacheRelease(): Plugin {
  return { onSubscribe: () => hooks };
}
