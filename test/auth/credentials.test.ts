import { type FormattedExecutionResult, GraphQLError } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { hashToken, issueCredential, resolveViewer, revokeCredential } from '../../src/auth/tokens';
import { main as credential } from '../../src/scripts/credential';
import { runCli, type CliResult } from '../helpers/cli';
import { launch } from '../helpers/process';
import { expectData, graphql, sourceOf, type ResultOf } from '../helpers/graphql';
import { operationBody } from '../helpers/http';
import { startTestServer, type GraphQLResponse, type TestServer } from '../helpers/server';

const TOKEN = /^mqa_[A-Za-z0-9_-]{43}$/;
const DOCTOR_SLUG = 'harish-kumar-kabilan';
const STAFF_EMAIL = 'shweta.kumari@clinicspots.example';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

// LOG_LEVEL=trace: even the most talkative setting must leave stdout to the token.
const cliEnvironment = () => ({ DATABASE_URL: server.database.url, LOG_LEVEL: 'trace' });

/**
 * The `credential` CLI's main (`npm run -s credential -- …args` runs it with the process's
 * arguments) against the test database, in this process: its exit code, stdout and stderr.
 */
function credentialCli(...args: string[]): Promise<CliResult> {
  return runCli(credential, args, cliEnvironment());
}

async function credentialRows() {
  return server.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM credential ORDER BY id`;
}

async function expectUnauthenticated(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  expect((error as GraphQLError).message).toBe('Invalid or revoked credential.');
  expect((error as GraphQLError).extensions.code).toBe('UNAUTHENTICATED');
}

const PUBLIC_QUERY = graphql(`query CredentialsTopics { topics { slug } }`);
type Topics = ResultOf<typeof PUBLIC_QUERY>;

/** A raw POST, to see the status and headers as well as the body. */
async function post(query: typeof PUBLIC_QUERY, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: operationBody(query),
  });
  const body = (await response.json()) as GraphQLResponse<Topics>;
  return { status: response.status, headers: response.headers, body };
}

describe('npm run credential', { timeout: 120_000 }, () => {
  // The one run of a real command: a Node process compiling the CLI through tsx, as npm runs it
  // (seconds on a busy machine); the other cases call its main in process.
  it('runs as a command: a token alone on stdout, accepted by the server', async () => {
    const cli = launch(['--import', 'tsx', 'src/scripts/credential.ts', 'doctor', DOCTOR_SLUG], cliEnvironment());
    expect(await cli.exited, cli.stderr()).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toMatch(/^mqa_[A-Za-z0-9_-]{43}\n$/);
    expect(cli.stderr()).not.toContain(cli.stdout().trim());
    const { status } = await post(PUBLIC_QUERY, { authorization: `Bearer ${cli.stdout().trim()}` });
    expect(status).toBe(200);
  });

  it('prints a doctor token alone on stdout and stores only its sha256', async () => {
    const { code, stdout, stderr } = await credentialCli('doctor', DOCTOR_SLUG);
    expect(code, stderr).toBe(0);
    const lines = stdout.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    const token = lines[0]!;
    expect(token).toMatch(TOKEN);
    expect(stderr).not.toContain(token);

    const rows = await credentialRows();
    const row = rows.find((r) => r.token_hash === hashToken(token));
    expect(row).toMatchObject({ role: 'DOCTOR', staff_member_id: null, asker_id: null, revoked_at: null });
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    // The token itself is nowhere in the table, nor its random part.
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));

    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: DOCTOR_SLUG } });
    expect(row!.doctor_id).toBe(doctor.id);
    expect(await resolveViewer(server.db, `Bearer ${token}`)).toEqual({
      role: 'doctor',
      doctorId: doctor.id,
      credentialId: row!.id,
    });
  });

  it('prints a staff token for a staff email', async () => {
    const { code, stdout, stderr } = await credentialCli('staff', STAFF_EMAIL);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^mqa_[A-Za-z0-9_-]{43}\n$/);
    const staff = await server.db.staffMember.findUniqueOrThrow({ where: { email: STAFF_EMAIL } });
    expect(await resolveViewer(server.db, `Bearer ${stdout.trim()}`)).toMatchObject({
      role: 'staff',
      staffMemberId: staff.id,
    });
    expect(JSON.stringify(await credentialRows())).not.toContain(stdout.trim());
  });

  it('revokes a token: exit 0, then the token is refused with UNAUTHENTICATED', async () => {
    const token = (await credentialCli('doctor', DOCTOR_SLUG)).stdout.trim();
    expect((await post(PUBLIC_QUERY, { authorization: `Bearer ${token}` })).status).toBe(200);

    const revoked = await credentialCli('revoke', token);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toBe('');
    expect(revoked.stderr).not.toContain(token);

    const { body } = await post(PUBLIC_QUERY, { authorization: `Bearer ${token}` });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await expectUnauthenticated(resolveViewer(server.db, `Bearer ${token}`));
  });

  it('fails with exit 1 and a message for an unknown doctor, staff member or token', async () => {
    const doctor = await credentialCli('doctor', 'no-such-doctor');
    expect(doctor).toMatchObject({ code: 1, stdout: '' });
    expect(doctor.stderr).toContain('No doctor has the slug "no-such-doctor".');

    const staff = await credentialCli('staff', 'nobody@example.test');
    expect(staff).toMatchObject({ code: 1, stdout: '' });
    expect(staff.stderr).toContain('No staff member has the email "nobody@example.test".');

    const unknownToken = `mqa_${'A'.repeat(43)}`;
    const revoke = await credentialCli('revoke', unknownToken);
    expect(revoke).toMatchObject({ code: 1, stdout: '' });
    expect(revoke.stderr).toContain('No credential has this token');
    expect(revoke.stderr).not.toContain(unknownToken);
  });

  it('exits 2 with the usage on bad arguments', async () => {
    for (const args of [[], ['doctor'], ['nurse', 'someone'], ['doctor', DOCTOR_SLUG, 'extra']]) {
      const result = await credentialCli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('Usage:');
      expect(result.stderr).toContain('credential -- doctor <doctor-slug>');
    }
  });
});

describe('resolveViewer', () => {
  it('is null without a credential', async () => {
    expect(await resolveViewer(server.db, undefined)).toBeNull();
    expect(await resolveViewer(server.db, null)).toBeNull();
    expect(await resolveViewer(server.db, '')).toBeNull();
    expect(await resolveViewer(server.db, '   ')).toBeNull();
  });

  it('finds the person of a valid token, whatever the case of "Bearer", or a bare token', async () => {
    const staff = await server.db.staffMember.findUniqueOrThrow({ where: { email: STAFF_EMAIL } });
    const token = await issueCredential(server.db, { role: 'staff', staffMemberId: staff.id });
    const expected = { role: 'staff', staffMemberId: staff.id, credentialId: expect.any(Number) };
    expect(await resolveViewer(server.db, `Bearer ${token}`)).toEqual(expected);
    expect(await resolveViewer(server.db, `bearer  ${token}`)).toEqual(expected);
    expect(await resolveViewer(server.db, `BEARER ${token}`)).toEqual(expected);
    expect(await resolveViewer(server.db, token)).toEqual(expected);
  });

  it('gives an asker their viewer', async () => {
    const asker = await server.db.asker.create({ data: {} });
    const token = await issueCredential(server.db, { role: 'asker', askerId: asker.id });
    expect(token).toMatch(TOKEN);
    expect(await resolveViewer(server.db, `Bearer ${token}`)).toEqual({
      role: 'asker',
      askerId: asker.id,
      credentialId: expect.any(Number),
    });
  });

  it('refuses malformed, unknown and revoked tokens with UNAUTHENTICATED', async () => {
    for (const header of [
      'garbage',
      'Bearer',
      'Bearer garbage',
      `Basic ${btoa('user:pass')}`,
      `Bearer mqa_${'x'.repeat(42)}`,
    ]) {
      await expectUnauthenticated(resolveViewer(server.db, header));
    }
    await expectUnauthenticated(resolveViewer(server.db, `Bearer mqa_${'A'.repeat(43)}`));

    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: DOCTOR_SLUG } });
    const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    expect(await revokeCredential(server.db, token)).toBe(true);
    expect(await revokeCredential(server.db, token)).toBe(true); // already revoked: still known
    expect(await revokeCredential(server.db, `mqa_${'B'.repeat(43)}`)).toBe(false);
    await expectUnauthenticated(resolveViewer(server.db, `Bearer ${token}`));
  });
});

describe('the credential table', () => {
  it('holds exactly the person its role names (CHECK constraint)', async () => {
    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: DOCTOR_SLUG } });
    const staff = await server.db.staffMember.findUniqueOrThrow({ where: { email: STAFF_EMAIL } });
    const hash = (n: number) => hashToken(`row-${n}`);
    await expect(
      server.db.$executeRaw`INSERT INTO credential (token_hash, role) VALUES (${hash(1)}, 'DOCTOR')`,
    ).rejects.toThrow(/credential_person_matches_role/);
    await expect(
      server.db
        .$executeRaw`INSERT INTO credential (token_hash, role, staff_member_id) VALUES (${hash(2)}, 'DOCTOR', ${staff.id})`,
    ).rejects.toThrow(/credential_person_matches_role/);
    await expect(
      server.db
        .$executeRaw`INSERT INTO credential (token_hash, role, doctor_id, staff_member_id) VALUES (${hash(3)}, 'DOCTOR', ${doctor.id}, ${staff.id})`,
    ).rejects.toThrow(/credential_person_matches_role/);
    await expect(
      server.db
        .$executeRaw`INSERT INTO credential (token_hash, role, doctor_id) VALUES (${'mqa_not-a-hash'}, 'DOCTOR', ${doctor.id})`,
    ).rejects.toThrow(/credential_token_hash_is_sha256/);
    expect(
      await server.db
        .$executeRaw`INSERT INTO credential (token_hash, role, doctor_id) VALUES (${hash(4)}, 'DOCTOR', ${doctor.id})`,
    ).toBe(1);
  });
});

describe('over HTTP', () => {
  it('answers public queries without a token', async () => {
    const { status, body } = await post(PUBLIC_QUERY);
    expect(status).toBe(200);
    expect(expectData(body).topics.length).toBeGreaterThan(0);
    expect((await server.request(PUBLIC_QUERY)).errors).toBeUndefined();
  });

  it('answers public queries with a valid token too', async () => {
    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: DOCTOR_SLUG } });
    const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    const data = expectData(await server.request(PUBLIC_QUERY, {}, { authorization: `Bearer ${token}` }));
    expect(data.topics.length).toBeGreaterThan(0);
  });

  it('fails the whole request with 401 UNAUTHENTICATED for a revoked or invalid token', async () => {
    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: DOCTOR_SLUG } });
    const revoked = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    await revokeCredential(server.db, revoked);
    for (const authorization of [`Bearer ${revoked}`, 'Bearer garbage', `Bearer mqa_${'A'.repeat(43)}`]) {
      const { status, headers, body } = await post(PUBLIC_QUERY, { authorization });
      expect(status, authorization).toBe(401);
      expect(headers.get('www-authenticate')).toBe('Bearer');
      expect(body.data ?? null).toBeNull();
      expect(body.errors).toEqual([
        { message: 'Invalid or revoked credential.', extensions: { code: 'UNAUTHENTICATED' } },
      ]);
    }
    const { errors } = await server.request(PUBLIC_QUERY, {}, { authorization: `Bearer ${revoked}` });
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('over WebSocket', () => {
  /** Runs one operation over graphql-ws with the given connectionParams; resolves to the result or the close code. */
  function overWebSocket(connectionParams: Record<string, unknown>, query = PUBLIC_QUERY) {
    return new Promise<{ result?: FormattedExecutionResult<Topics, unknown>; closeCode?: number; error?: unknown }>(
      (resolve) => {
        const client = createClient({
          url: `${server.url.replace('http', 'ws')}/graphql`,
          webSocketImpl: WebSocket,
          connectionParams,
          retryAttempts: 0,
          lazy: true,
        });
        let result: FormattedExecutionResult<Topics, unknown> | undefined;
        client.subscribe<Topics>(
          { query: sourceOf(query) },
          {
            next: (value) => {
              result = value;
            },
            error: (error) => {
              void client.dispose();
              const closeCode = (error as { code?: number }).code;
              resolve(typeof closeCode === 'number' ? { closeCode } : { error });
            },
            complete: () => {
              void client.dispose();
              resolve({ result });
            },
          },
        );
      },
    );
  }

  it('runs operations anonymously or with a valid token', async () => {
    expect((await overWebSocket({})).result?.data?.topics.length).toBeGreaterThan(0);
    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: DOCTOR_SLUG } });
    const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    expect((await overWebSocket({ authorization: `Bearer ${token}` })).result?.data?.topics.length).toBeGreaterThan(0);
  });

  it('refuses the connection (4403) for an invalid or revoked token', async () => {
    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: DOCTOR_SLUG } });
    const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    await revokeCredential(server.db, token);
    expect(await overWebSocket({ authorization: `Bearer ${token}` })).toEqual({ closeCode: 4403 });
    expect(await overWebSocket({ authorization: 'garbage' })).toEqual({ closeCode: 4403 });
    expect(await overWebSocket({ authorization: 42 })).toEqual({ closeCode: 4403 });
  });

  it('refuses operations on an open connection once its token is revoked', async () => {
    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: DOCTOR_SLUG } });
    const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    const client = createClient({
      url: `${server.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazyCloseTimeout: 60_000, // keep the one connection open between the two operations
    });
    const once = () =>
      new Promise<unknown>((resolve) => {
        let result: unknown;
        client.subscribe(
          { query: sourceOf(PUBLIC_QUERY) },
          { next: (value) => (result = value), error: (error) => resolve({ error }), complete: () => resolve(result) },
        );
      });
    try {
      expect(await once()).toMatchObject({ data: { topics: expect.any(Array) } });
      await revokeCredential(server.db, token);
      expect(await once()).toEqual({
        error: [{ message: 'Invalid or revoked credential.', extensions: { code: 'UNAUTHENTICATED' } }],
      });
    } finally {
      await client.dispose();
    }
  });
});
