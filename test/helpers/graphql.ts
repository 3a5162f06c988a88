import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import {
  type DocumentNode,
  type FieldNode,
  getLocation,
  parse,
  print,
  Source,
  type SourceLocation,
  visit,
} from 'graphql';
import { expect } from 'vitest';
import type { GraphQLResponse } from './server';

export { graphql } from '../generated';

/**
 * An operation as tests send it: a typed document (graphql(`…`) from test/generated, a typed string;
 * or a document from src/client/generated), whose result and variables types it carries, or a plain
 * string (whose data is `unknown`).
 */
export type Operation<T = unknown, V = Record<string, unknown>> = string | DocumentTypeDecoration<T, V>;

/** The source text of an operation, to send. */
export function sourceOf(operation: Operation<unknown, never>): string {
  if (typeof operation === 'object' && 'kind' in operation) return print(operation as DocumentNode);
  return String(operation);
}

/**
 * Where the first field named `field` is in the operation as sent: what a GraphQL error about that
 * field gives as its `locations` (a typed document is sent as codegen prints it, not as written).
 */
export function fieldLocation(operation: Operation<unknown, never>, field: string): SourceLocation {
  const source = new Source(sourceOf(operation));
  let start: number | undefined;
  visit(parse(source), {
    Field(node: FieldNode) {
      if (start === undefined && node.name.value === field) start = node.loc?.start;
    },
  });
  if (start === undefined) throw new Error(`no field ${field} in ${source.body}`);
  return getLocation(source, start);
}

/** Asserts that the response has no errors and has data, and returns the data, typed as the document's. */
export function expectData<T>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  expect(response.data).toBeDefined();
  expect(response.data).not.toBeNull();
  return response.data!;
}

/** An expected error: its `extensions.code` and, when given, its path. */
export interface ExpectedError {
  code: string;
  path?: (string | number)[];
}

/** Asserts that the response has exactly these errors (codes, and paths where given), in order. */
export function expectErrors(response: GraphQLResponse<unknown>, expected: ExpectedError[]) {
  expect(
    (response.errors ?? []).map((error, i) => ({
      code: error.extensions?.code,
      ...(expected[i]?.path ? { path: error.path } : {}),
    })),
  ).toEqual(expected);
}

/** Asserts that the response has exactly one error, with this code. */
export function expectError(response: GraphQLResponse<unknown>, code: string, path?: (string | number)[]) {
  expectErrors(response, [path ? { code, path } : { code }]);
}

export type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
