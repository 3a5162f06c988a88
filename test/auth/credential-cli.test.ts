import { describe, expect } from 'vitest';
import { it } from '../helpers/world';
import { hashToken, resolveViewer } from '../../src/auth/tokens';
import { launch } from '../helpers/process';
import {
  cliEnvironment,
  credentialCli,
  credentialRows,
  DOCTOR_SLUG,
  expectUnauthenticated,
  post,
  PUBLIC_QUERY,
  STAFF_EMAIL,
  TOKEN,
} from './support';

/* The `credential` command: issue and revoke tokens. Shared setup: support.ts. */

describe('npm run credential', { timeout: 120_000 }, () => {
  // The one run of a real command: a Node process compiling the CLI through tsx, as npm runs it
  // (seconds on a busy machine); the other cases call its main in process.
  it('runs as a command: a token alone on stdout, accepted by the server', async ({ server }) => {
    const cli = launch(['--import', 'tsx', 'src/scripts/credential.ts', 'doctor', DOCTOR_SLUG], cliEnvironment(server));
    expect(await cli.exited, cli.stderr()).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toMatch(/^mqa_[A-Za-z0-9_-]{43}\n$/);
    expect(cli.stderr()).not.toContain(cli.stdout().trim());
    const { status } = await post(server, PUBLIC_QUERY, { authorization: `Bearer ${cli.stdout().trim()}` });
    expect(status).toBe(200);
  });

  it('prints a doctor token alone on stdout and stores only its sha256', async ({ server }) => {
    const { code, stdout, stderr } = await credentialCli(server, 'doctor', DOCTOR_SLUG);
    expect(code, stderr).toBe(0);
    const lines = stdout.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    const token = lines[0]!;
    expect(token).toMatch(TOKEN);
    expect(stderr).not.toContain(token);

    const rows = await credentialRows(server);
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

  it('prints a staff token for a staff email', async ({ server }) => {
    const { code, stdout, stderr } = await credentialCli(server, 'staff', STAFF_EMAIL);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^mqa_[A-Za-z0-9_-]{43}\n$/);
    const staff = await server.db.staffMember.findUniqueOrThrow({ where: { email: STAFF_EMAIL } });
    expect(await resolveViewer(server.db, `Bearer ${stdout.trim()}`)).toMatchObject({
      role: 'staff',
      staffMemberId: staff.id,
    });
    expect(JSON.stringify(await credentialRows(server))).not.toContain(stdout.trim());
  });

  it('revokes a token: exit 0, then the token is refused with UNAUTHENTICATED', async ({ server }) => {
    const token = (await credentialCli(server, 'doctor', DOCTOR_SLUG)).stdout.trim();
    expect((await post(server, PUBLIC_QUERY, { authorization: `Bearer ${token}` })).status).toBe(200);

    const revoked = await credentialCli(server, 'revoke', token);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toBe('');
    expect(revoked.stderr).not.toContain(token);

    const { body } = await post(server, PUBLIC_QUERY, { authorization: `Bearer ${token}` });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await expectUnauthenticated(resolveViewer(server.db, `Bearer ${token}`));
  });

  it('fails with exit 1 and a message for an unknown doctor, staff member or token', async ({ server }) => {
    const doctor = await credentialCli(server, 'doctor', 'no-such-doctor');
    expect(doctor).toMatchObject({ code: 1, stdout: '' });
    expect(doctor.stderr).toContain('No doctor has the slug "no-such-doctor".');

    const staff = await credentialCli(server, 'staff', 'nobody@example.test');
    expect(staff).toMatchObject({ code: 1, stdout: '' });
    expect(staff.stderr).toContain('No staff member has the email "nobody@example.test".');

    const unknownToken = `mqa_${'A'.repeat(43)}`;
    const revoke = await credentialCli(server, 'revoke', unknownToken);
    expect(revoke).toMatchObject({ code: 1, stdout: '' });
    expect(revoke.stderr).toContain('No credential has this token');
    expect(revoke.stderr).not.toContain(unknownToken);
  });

  it('exits 2 with the usage on bad arguments', async ({ server }) => {
    for (const args of [[], ['doctor'], ['nurse', 'someone'], ['doctor', DOCTOR_SLUG, 'extra']]) {
      const result = await credentialCli(server, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('Usage:');
      expect(result.stderr).toContain('credential -- doctor <doctor-slug>');
    }
  });
});
