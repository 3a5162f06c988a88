import { readdirSync, readFileSync } from 'node:fs';
import { formatPrismaCursor } from '@pothos/plugin-prisma';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { OperationTypeNode, parse, type OperationDefinitionNode } from 'graphql';
import { DEMO_QUESTION_SLUG } from '../../../src/server';
import { post } from '../../helpers/http';
import type { TestServer } from '../../helpers/server';

/*
 * What the limits tests (operations, http .test.ts beside this one) share: the
 * documented operations, and how a refusal reads. The file's server is the world fixture's
 * (test/helpers/world.ts): tests take it as a parameter and hand it to the helpers here.
 */

export const slug = DEMO_QUESTION_SLUG;

/** The operations clients are documented to send: src/client/operations and the README's queries. */
export const operationsDir = new URL('../../../src/client/operations/', import.meta.url);
export const clientOperations = readdirSync(operationsDir)
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => ({ name: file, query: readFileSync(new URL(file, operationsDir), 'utf8') }));
export const readmeQueries = [
  ...readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g),
]
  .map((match) => match[1]!)
  .filter((query) => /^\s*(query\b|\{)/.test(query))
  .map((query, i) => ({ name: `README query ${i + 1}`, query }));

/** Variables that make each documented operation as large as a client may ask: 100-item pages. */
export const largest = { slug, answers: 100, blogs: 20, first: 100 };
/** For the answerAdded document: the demo question (id 1, seeded first), from its first answer on. */
export const live = { questionId: encodeGlobalID('Question', 1), after: formatPrismaCursor({ id: 0 }, 'id') };
export const isSubscription = (query: string) =>
  (parse(query).definitions[0] as OperationDefinitionNode).operation === OperationTypeNode.SUBSCRIPTION;

export const validationError = (message: string, extensions: Record<string, unknown> = {}) => ({
  status: 400,
  errors: [{ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...extensions } }],
});
export async function refusal(server: TestServer, body: unknown) {
  const response = await post(server.url, body);
  return {
    status: response.status,
    errors: response.json?.errors?.map(({ message, extensions }) => ({ message, extensions })),
  };
}
