import { buildExecutionContext, execute } from '@graphql-tools/executor';
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  getOperationAST,
  Kind,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context';
import { itself } from '../pubsub';

/**
 * Shared execution of identical subscriptions, as Hasura multiplexes its live queries.
 *
 * When an answer is posted, every subscriber to its question on this instance wakes. Executed one
 * by one, each would walk the same selection over the same rows (plugin-prisma's mapping, the
 * executor, the garbage they leave): at 1,000 subscribers that was most of a delivery's time.
 * Here subscribers with the same selection (document, operation and variables, less the ones
 * that only say where their stream starts, such as `after`) and the same visibility (the same
 * credential, or anonymous) form a group, and an event is executed once per group: the others
 * are handed the same result. Each subscriber keeps its own source stream (its cursor, its
 * limits, its slow-reader cutoff) and its own delivery; only the execution is shared.
 *
 * A field opts in with `extensions: shareExecution(['after'])`, naming its stream-only
 * arguments, and its stream yields `sharedEvent(payload, key, cause)`: events with the same key
 * execute alike (an answer id), and `cause` is `liveClock()` read once the subscriber knew of
 * the event (it woke, or it subscribed). A result is handed on only if its execution started
 * after that moment, so its reads are at least as new as the event (or the subscription): a
 * subscriber is never given a result read before what it is being told about. Anything else
 * (other fields, payloads without a key) executes as usual.
 */

/** Ticks once per shared execution started. */
let clock = 0;

/** The logical time now: a result is shared only with subscribers that knew of the event before it started. */
export const liveClock = (): number => clock;

const SHARE = Symbol('shared execution');

interface ShareTag {
  key: string;
  cause: number;
}

/** A payload whose execution subscribers of the same selection may share (see above). */
export function sharedEvent<T extends object>(payload: T, key: string, cause: number): T {
  return Object.assign(payload, { [SHARE]: { key, cause } satisfies ShareTag });
}

function tagOf(payload: unknown): ShareTag | undefined {
  return typeof payload === 'object' && payload !== null ? (payload as { [SHARE]?: ShareTag })[SHARE] : undefined;
}

/** Field extensions of a subscription field whose executions may be shared. */
export function shareExecution(streamOnlyArguments: readonly string[]): { shareExecution: readonly string[] } {
  return { shareExecution: streamOnlyArguments };
}

/** Executions per group kept for late joiners; older ones are dropped first. */
const RECENT_PER_GROUP = 64;

interface Run {
  startedAt: number;
  result: Promise<ExecutionResult>;
}

interface Group {
  members: number;
  runs: Map<string, Run>;
}

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

/**
 * The group an operation belongs to, or null if it may not share: its document (by identity:
 * Yoga's parse cache hands out one object per query text), operation, variables less the
 * stream-only ones, and who asks.
 */
function groupKeyOf(args: ExecutionArgs): string | null {
  const operation = getOperationAST(args.document, args.operationName);
  const subscription = args.schema.getSubscriptionType();
  if (operation?.operation !== 'subscription' || !subscription) return null;
  const [root, ...others] = operation.selectionSet.selections;
  if (root?.kind !== Kind.FIELD || others.length > 0) return null;
  const streamOnly = subscription.getFields()[root.name.value]?.extensions.shareExecution as
    | readonly string[]
    | undefined;
  if (!streamOnly) return null;
  const ignored = new Set<string>();
  for (const argument of root.arguments ?? []) {
    if (streamOnly.includes(argument.name.value) && argument.value.kind === Kind.VARIABLE) {
      ignored.add(argument.value.name.value);
    }
  }
  const variables = Object.entries(args.variableValues ?? {}).filter(([name]) => !ignored.has(name));
  let documentId = documentIds.get(args.document);
  if (documentId === undefined) {
    documentId = ++nextDocumentId;
    documentIds.set(args.document, documentId);
  }
  const viewer = (args.contextValue as Context).viewer;
  const visibility = viewer ? `${viewer.role}:${viewer.credentialId}` : 'anonymous';
  return `${documentId}\u0000${args.operationName ?? ''}\u0000${visibility}\u0000${JSON.stringify(variables)}`;
}

/** Groups, and what each has executed lately. One per application. */
export function createSharedExecutions() {
  const groups = new Map<string, Group>();

  function join(key: string): Group {
    let group = groups.get(key);
    if (!group) {
      group = { members: 0, runs: new Map() };
      groups.set(key, group);
    }
    group.members++;
    return group;
  }

  function leave(key: string, group: Group): void {
    if (--group.members === 0 && groups.get(key) === group) groups.delete(key);
  }

  /** The result for `payload`: a run of the group's that started after `cause`, or a new one. */
  function resultFor(group: Group, payload: unknown, run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const tag = tagOf(payload);
    if (!tag) return run();
    const recent = group.runs.get(tag.key);
    if (recent && recent.startedAt > tag.cause) return recent.result;
    const started: Run = { startedAt: ++clock, result: run() };
    group.runs.delete(tag.key); // re-inserted last: the map's order is oldest first
    group.runs.set(tag.key, started);
    if (group.runs.size > RECENT_PER_GROUP) group.runs.delete(group.runs.keys().next().value!);
    return started.result;
  }

  /** Like `subscribe`, with the group's executions shared. */
  async function subscribe(
    args: ExecutionArgs,
    key: string,
    fallback: (args: ExecutionArgs) => unknown,
  ): Promise<unknown> {
    // Bad variables: the usual way, for the usual errors (BAD_USER_INPUT), before anything runs.
    if (Array.isArray(buildExecutionContext(args))) return fallback(args);
    const stream = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in stream)) return stream; // the field's subscribe refused: its errors
    const source = stream[Symbol.asyncIterator]();
    const group = join(key);
    let left = false;
    const leaveOnce = () => {
      if (!left) {
        left = true;
        leave(key, group);
      }
    };
    const executeEvent = (payload: unknown) =>
      resultFor(group, payload, async () => (await execute({ ...args, rootValue: payload })) as ExecutionResult);
    const results: AsyncIterableIterator<ExecutionResult> = {
      [Symbol.asyncIterator]: itself<AsyncIterableIterator<ExecutionResult>>,
      async next() {
        const event = await source.next();
        if (event.done) {
          leaveOnce();
          return { done: true, value: undefined };
        }
        return { done: false, value: await executeEvent(event.value) };
      },
      async return() {
        leaveOnce();
        await source.return?.();
        return { done: true, value: undefined };
      },
      async throw(error: unknown) {
        leaveOnce();
        if (source.throw) await source.throw(error);
        throw error;
      },
    };
    return results;
  }

  const plugin: Plugin = {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const key = groupKeyOf(args);
      if (key === null) return;
      setSubscribeFn((subscribeArgs) => subscribe(subscribeArgs, key, subscribeFn) as ReturnType<typeof subscribeFn>);
    },
  };

  return {
    plugin,
    /** Groups with at least one subscriber (a leak shows up here). */
    groupCount: () => groups.size,
  };
}
