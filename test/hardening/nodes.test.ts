import { encodeGlobalID } from '@pothos/plugin-relay';
import { expect } from 'vitest';
import type { TestServer } from '../helpers/server';
import { it } from '../helpers/world';
import { fieldLocation, graphql } from '../helpers/graphql';

// `nodes(ids:)`: at most 100 ids, loaded in batches of a few fixed sizes (one query plan each).

const NODES = graphql(`query NodesNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }`);
const questionIds = (n: number) => Array.from({ length: n }, (_, i) => encodeGlobalID('Question', i + 1));

it('refuses more than 100 ids with BAD_USER_INPUT, before loading anything', async ({ server }) => {
  const { count, result } = await counted(server, () => server.request(NODES, { ids: questionIds(101) }));
  expect(result).toEqual({
    data: null,
    errors: [
      {
        message: '"ids" may hold at most 100 IDs; got 101. Ask in several requests.',
        locations: [fieldLocation(NODES, 'nodes')],
        path: ['nodes'],
        extensions: { code: 'BAD_USER_INPUT', field: 'ids' },
      },
    ],
  });
  expect(count).toBe(0);
});

it('loads each type in one batch of 1, 2, 4, 8, 16, 32, 64 or 100 ids, whatever the count asked', async ({
  server,
}) => {
  const sizes: number[] = [];
  for (const n of [3, 5, 9, 17, 33, 65, 100]) {
    const { statements, result } = await counted(server, () => server.request(NODES, { ids: questionIds(n) }));
    // The demo database has one question: id 1.
    expect(result).toEqual({ data: { nodes: [{ id: encodeGlobalID('Question', 1) }, ...Array(n - 1).fill(null)] } });
    expect(statements).toHaveLength(1);
    sizes.push(statements[0]!.match(/\$\d+/g)!.length);
  }
  expect(sizes).toEqual([4, 8, 16, 32, 64, 100, 100]);
});

async function counted<T>(server: TestServer, run: () => Promise<T>) {
  let result: T | undefined;
  const recorded = await server.countStatements(async () => {
    result = await run();
  });
  // Readiness' idle probe may run meanwhile; it is not the request's.
  const statements = recorded.statements.filter((sql) => sql !== 'SELECT 1');
  return { count: statements.length, statements, result: result! };
}
