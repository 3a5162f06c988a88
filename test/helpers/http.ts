import type { GraphQLResponse } from './server';

export interface RawResponse<T = any> {
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
  let json: GraphQLResponse<any> | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** A JSON POST of any body (an object is serialised), as clients following GraphQL over HTTP send it. */
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
export function errorsOf(response: {
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}) {
  return response.errors?.map(({ message, path, extensions }) => ({ message, path, extensions }));
}
