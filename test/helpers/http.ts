import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { sourceOf, type Operation } from './graphql';
import type { GraphQLResponse, GraphQLResponseError } from './server';

export interface RawResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or null when the body is not JSON (or empty). */
  json: GraphQLResponse<T> | null;
  text: string;
}

/** Any HTTP request to the server, with status, headers and the body as given, for checks that
 * TestServer.request (which always sends a well-formed JSON POST) cannot make. */
export async function send(url: string, init: RequestInit & { path?: string } = {}): Promise<RawResponse> {
  const { path = '/graphql', ...rest } = init;
  const response = await fetch(`${url}${path}`, rest);
  const text = await response.text();
  let json: GraphQLResponse | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/**
 * A JSON POST of any body (an object is serialised), as clients following GraphQL over HTTP send it.
 * With a typed document as `query`, the response is typed as the document's.
 */
export function post<T>(
  url: string,
  body: { query: DocumentTypeDecoration<T, never>; [key: string]: unknown },
  headers?: Record<string, string>,
): Promise<RawResponse<T>>;
export function post(url: string, body: unknown, headers?: Record<string, string>): Promise<RawResponse>;
export function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The Authorization header of a bearer token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The errors of a response as clients read them: message, path and extensions. */
export function errorsOf(response: { errors?: GraphQLResponseError[] }) {
  return response.errors?.map(({ message, path, extensions }) => ({ message, path, extensions }));
}

/** The body of a GraphQL request: a typed document is printed, a string is sent as it is. */
export const operationBody = <T, V>(query: Operation<T, V>, variables?: V) =>
  JSON.stringify({ query: sourceOf(query), variables });

/**
 * POSTs an operation to `${url}/graphql` (any server: a TestServer, a server process, a proxy) and
 * returns the status with the body, typed as the document's response.
 */
export async function requestAt<T = unknown, V = Record<string, unknown>>(
  url: string,
  query: Operation<T, V>,
  variables?: V,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: operationBody(query, variables),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}
