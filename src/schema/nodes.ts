import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import { badUserInput, notFound } from '../errors';
import { rowIdOf } from './lookup';

/**
 * What every `prismaNode` type shares: its global ID made from the `id` column; null for a missing
 * row in node(id)/nodes(ids), as Relay expects; select mode, so that only the columns a query asks
 * for are loaded.
 */
export const prismaNodeDefaults = { id: { field: 'id' }, nullable: true, select: { id: true } } as const;

/** At most this many ids per `nodes(ids:)`, as GitHub's API: the batch's size stays bounded. */
export const MAX_NODES = 100;

type GlobalId = { typename: string; id: string };

/**
 * Checks a decoded global ID before Pothos loads it: the type must be one of the schema's Node
 * types (a private model such as Asker, or a made-up name, is NOT_FOUND, as a missing row would
 * be), and the id a row id PostgreSQL can hold (else BAD_USER_INPUT, not a database error).
 */
function checkNodeId(info: GraphQLResolveInfo, globalId: GlobalId, field: string, raw: string): void {
  const type = info.schema.getType(globalId.typename);
  if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) {
    throw notFound(`No node with ID "${raw}".`);
  }
  rowIdOf(globalId.id, raw, globalId.typename, field);
}

const encoded = ({ typename, id }: GlobalId) => Buffer.from(`${typename}:${id}`).toString('base64');

/** Relay's `node(id:)` and `nodes(ids:)` resolvers, with the checks above and the cap. */
export const nodeQueryOptions = {
  resolve: (
    _root: unknown,
    args: { id: GlobalId },
    _ctx: unknown,
    info: GraphQLResolveInfo,
    resolveNode: (id: GlobalId) => unknown,
  ) => {
    checkNodeId(info, args.id, 'id', encoded(args.id));
    return resolveNode(args.id);
  },
};

export const nodesQueryOptions = {
  resolve: async (
    _root: unknown,
    args: { ids: GlobalId[] },
    _ctx: unknown,
    info: GraphQLResolveInfo,
    resolveNodes: (ids: GlobalId[]) => Promise<unknown[]>,
  ) => {
    if (args.ids.length > MAX_NODES) {
      throw badUserInput(
        `"ids" may hold at most ${MAX_NODES} IDs; got ${args.ids.length}. Ask in several requests.`,
        'ids',
      );
    }
    for (const id of args.ids) checkNodeId(info, id, 'ids', encoded(id));
    const asked = args.ids.length;
    // Pothos' `resolveNodes` loads `args.ids` whatever it is given (plugin-relay 4), hence the
    // assignment rather than an argument.
    args.ids = [...args.ids, ...padding(args.ids)];
    return (await resolveNodes(args.ids)).slice(0, asked);
  },
};

/** Batch sizes Prisma sees: each size is a query plan it compiles (hundreds of ms for 100) and keeps. */
const BATCH_SIZES = [1, 2, 4, 8, 16, 32, 64, MAX_NODES];

/**
 * Prisma batches the rows `nodes` loads into one query per type, and compiles a new plan for each
 * batch size: ids sent 1 to 100 at a time would make 100 plans per selection. So each type's batch
 * is padded up to the next of 8 sizes with ids no row has (negative; every type loads nullable,
 * so they come back null and are cut off). Hand-written: neither Pothos nor Prisma offers it.
 */
function padding(ids: GlobalId[]): GlobalId[] {
  const distinct = new Map<string, Set<string>>();
  for (const { typename, id } of ids) distinct.set(typename, (distinct.get(typename) ?? new Set()).add(id));
  const extra: GlobalId[] = [];
  for (const [typename, own] of distinct) {
    const size = BATCH_SIZES.find((n) => n >= own.size) ?? own.size;
    for (let k = 1; k <= size - own.size; k += 1) extra.push({ typename, id: String(-k) });
  }
  return extra;
}
