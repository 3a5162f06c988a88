import { GraphQLError } from 'graphql';
import { expect } from 'vitest';
import { main as credential } from '../../src/scripts/credential';
import { runCli, type CliResult } from '../helpers/cli';
import { graphql, type ResultOf } from '../helpers/graphql';
import { operationBody } from '../helpers/http';
import type { GraphQLResponse, TestServer } from '../helpers/server';

/*
 * What the credential tests (credential-cli, credentials .test.ts beside this one) share. The
 * file's server is the world fixture's (test/helpers/world.ts): tests take it as a parameter and
 * hand it to the helpers here.
 */

export const TOKEN = /^mqa_[A-Za-z0-9_-]{43}$/;
export const DOCTOR_SLUG = 'harish-kumar-kabilan';
export const STAFF_EMAIL = 'shweta.kumari@clinicspots.example';

// LOG_LEVEL=trace: even the most talkative setting must leave stdout to the token.
export const cliEnvironment = (server: TestServer) => ({ DATABASE_URL: server.database.url, LOG_LEVEL: 'trace' });

/**
 * The `credential` CLI's main (`npm run -s credential -- …args` runs it with the process's
 * arguments) against the test database, in this process: its exit code, stdout and stderr.
 */
export function credentialCli(server: TestServer, ...args: string[]): Promise<CliResult> {
  return runCli(credential, args, cliEnvironment(server));
}

export async function credentialRows(server: TestServer) {
  return server.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM credential ORDER BY id`;
}

export async function expectUnauthenticated(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  expect((error as GraphQLError).message).toBe('Invalid or revoked credential.');
  expect((error as GraphQLError).extensions.code).toBe('UNAUTHENTICATED');
}

export const PUBLIC_QUERY = graphql(`query CredentialsTopics { topics { slug } }`);
export type Topics = ResultOf<typeof PUBLIC_QUERY>;

/** A raw POST, to see the status and headers as well as the body. */
export async function post(server: TestServer, query: typeof PUBLIC_QUERY, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: operationBody(query),
  });
  const body = (await response.json()) as GraphQLResponse<Topics>;
  return { status: response.status, headers: response.headers, body };
}
