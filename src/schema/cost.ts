import type { FieldComplexityValue } from '@pothos/plugin-complexity';
import { getNamedType, getNullableType, isListType, isObjectType, type GraphQLField } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

/*
 * What an operation is estimated to cost, for the MAX_COST limit (src/plugins/operation-limits.ts).
 * Every field costs 1. A connection or a list multiplies what is selected under it by the number of
 * items it can return: `first`/`last` for a connection (20, the default page, when absent),
 * `first` for a capped list, the number of `ids` for `nodes`, and a default page for a list of
 * unknown size (every topic, every specialty). The size is capped at the largest page a client
 * may ask for, so that `first: 5000` is refused by the page-size check with its own clear message.
 */

/** Items a page can hold, as the cost multiplier of everything selected under it. */
function pageItems(args: Record<string, unknown>): number | null {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (typeof value === 'number') return Math.min(Math.max(value, 0), MAX_PAGE_SIZE);
  }
  return null;
}

/** A Relay connection type: `edges` and `pageInfo`. */
function isConnection(type: unknown): boolean {
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
}

/** A Relay edge type: `cursor` and `node`. */
function isEdge(type: unknown): boolean {
  return isObjectType(type) && 'cursor' in type.getFields() && 'node' in type.getFields();
}

/** The Pothos complexity plugin's `fieldComplexity`: the cost of a field and the multiplier of its selection. */
export function fieldCost<Context>(
  args: Record<string, unknown>,
  _ctx: Context,
  field: GraphQLField<unknown, Context, Record<string, unknown>>,
): FieldComplexityValue {
  const named = getNamedType(field.type);
  if (isConnection(named)) return { field: 1, multiplier: pageItems(args) ?? DEFAULT_PAGE_SIZE };
  if (!isListType(getNullableType(field.type))) return 1;
  // The edges of a connection are its page, already counted by the connection field.
  if (isEdge(named)) return { field: 1, multiplier: 1 };
  if (Array.isArray(args.ids)) return { field: 1, multiplier: args.ids.length };
  return { field: 1, multiplier: pageItems(args) ?? DEFAULT_PAGE_SIZE };
}
