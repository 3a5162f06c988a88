import type { FormattedExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import { describe, expect } from 'vitest';
import { it } from '../helpers/world';
import WebSocket from 'ws';
import { hashToken, issueCredential, resolveViewer, revokeCredential } from '../../src/auth/tokens';
import { expectData, sourceOf } from '../helpers/graphql';
import { DOCTOR_SLUG, expectUnauthenticated, post, PUBLIC_QUERY, STAFF_EMAIL, TOKEN, type Topics } from './support';
import type { TestServer } from '../helpers/server';

/* Credentials: resolving a viewer, the credential table, and tokens over HTTP and WebSocket. Shared setup: support.ts. */

describe('resolveViewer', () => {
  it('is null without a credential', async ({ server }) => {
    expect(await resolveViewer(server.db, undefined)).toBeNull();
    expect(await resolveViewer(server.db, null)).toBeNull();
    expect(await resolveViewer(server.db, '')).toBeNull();
    expect(await resolveViewer(server.db, '   ')).toBeNull();
  });

  it('finds the person of a valid token, whatever the case of "Bearer", or a bare token', async ({ server }) => {
    const staff = await server.db.staffMember.findUniqueOrThrow({ where: { email: STAFF_EMAIL } });
    const token = await issueCredential(server.db, { role: 'staff', staffMemberId: staff.id });
    const expected = { role: 'staff', staffMemberId: staff.id, credentialId: expect.any(Number) };
    expect(await resolveViewer(server.db, `Bearer ${token}`)).toEqual(expected);
    expect(await resolveViewer(server.db, `bearer  ${token}`)).toEqual(expected);
    expect(await resolveViewer(server.db, `BEARER ${token}`)).toEqual(expected);
    expect(await resolveViewer(server.db, token)).toEqual(expected);
  });

  it('gives an asker their viewer', async ({ server }) => {
    const asker = await server.db.asker.create({ data: {} });
    const token = await issueCredential(server.db, { role: 'asker', askerId: asker.id });
    expect(token).toMatch(TOKEN);
    expect(await resolveViewer(server.db, `Bearer ${token}`)).toEqual({
      role: 'asker',
      askerId: asker.id,
      credentialId: expect.any(Number),
    });
  });

  it('refuses malformed, unknown and revoked tokens with UNAUTHENTICATED', async ({ server }) => {
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
  it('holds exactly the person its role names (CHECK constraint)', async ({ server }) => {
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
  it('answers public queries without a token', async ({ server }) => {
    const { status, body } = await post(server, PUBLIC_QUERY);
    expect(status).toBe(200);
    expect(expectData(body).topics.length).toBeGreaterThan(0);
    expect((await server.request(PUBLIC_QUERY)).errors).toBeUndefined();
  });

  it('answers public queries with a valid token too', async ({ server }) => {
    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: DOCTOR_SLUG } });
    const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    const data = expectData(await server.request(PUBLIC_QUERY, {}, { authorization: `Bearer ${token}` }));
    expect(data.topics.length).toBeGreaterThan(0);
  });

  it('fails the whole request with 401 UNAUTHENTICATED for a revoked or invalid token', async ({ server }) => {
    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: DOCTOR_SLUG } });
    const revoked = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    await revokeCredential(server.db, revoked);
    for (const authorization of [`Bearer ${revoked}`, 'Bearer garbage', `Bearer mqa_${'A'.repeat(43)}`]) {
      const { status, headers, body } = await post(server, PUBLIC_QUERY, { authorization });
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
  function overWebSocket(server: TestServer, connectionParams: Record<string, unknown>, query = PUBLIC_QUERY) {
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

  it('runs operations anonymously or with a valid token', async ({ server }) => {
    expect((await overWebSocket(server, {})).result?.data?.topics.length).toBeGreaterThan(0);
    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: DOCTOR_SLUG } });
    const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    expect(
      (await overWebSocket(server, { authorization: `Bearer ${token}` })).result?.data?.topics.length,
    ).toBeGreaterThan(0);
  });

  it('refuses the connection (4403) for an invalid or revoked token', async ({ server }) => {
    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: DOCTOR_SLUG } });
    const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    await revokeCredential(server.db, token);
    expect(await overWebSocket(server, { authorization: `Bearer ${token}` })).toEqual({ closeCode: 4403 });
    expect(await overWebSocket(server, { authorization: 'garbage' })).toEqual({ closeCode: 4403 });
    expect(await overWebSocket(server, { authorization: 42 })).toEqual({ closeCode: 4403 });
  });

  it('refuses operations on an open connection once its token is revoked', async ({ server }) => {
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
