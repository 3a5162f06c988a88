import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { main as checkDrift } from '../../src/scripts/check-drift';
import { main as migrate } from '../../src/scripts/migrate';
import { main as printSchema } from '../../src/scripts/print-schema';
import { main as seed } from '../../src/scripts/seed';
import { runCli } from '../helpers/cli';
import { createTestDatabase } from '../helpers/database';

// The CLIs' mains, called in process (test/auth/credential-cli.test.ts has `credential` and the one
// run of a real command; test/db/embedded.test.ts runs them beside the embedded server).
const scratch = mkdtempSync(join(tmpdir(), 'medqa-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('db:migrate', () => {
  it('applies the migrations to DATABASE_URL and exits 0; a bad variable exits 1, named', async () => {
    const database = await createTestDatabase();
    try {
      expect(await runCli(migrate, [], { DATABASE_URL: database.url, LOG_LEVEL: 'silent' })).toEqual({
        code: 0,
        stdout: '',
        stderr: '',
      });
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM question`);
      await client.end();
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await database.drop();
    }
    const bad = await runCli(migrate, [], { DATABASE_URL: 'mysql://x/y' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'db:migrate failed: Invalid configuration:\n  - DATABASE_URL: must be a postgres:// or postgresql:// URL\n',
    );
  });
});

describe('db:seed', () => {
  it('exits 2 with the usage on bad arguments, before touching any database', async () => {
    for (const [args, message] of [
      [['--scale', 'lots'], '--scale must be a whole number ≥ 1, got "lots"'],
      [['--doctors', '5'], '--doctors and --seed only apply together with --scale'],
      [['--nope'], "Unknown option '--nope'"],
    ] as const) {
      const result = await runCli(seed, [...args], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`db:seed: ${message}`);
      expect(result.stderr).toContain('Usage: npm run db:seed');
    }
    expect(await runCli(seed, ['--help'], {})).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('schema:print and check:drift', () => {
  it('prints the committed schema, and finds no drift', async () => {
    const file = join(scratch, 'schema.graphql');
    expect(await runCli(printSchema, [file], {})).toEqual({ code: 0, stdout: `wrote ${file}\n`, stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
    expect(await runCli(checkDrift, [], {})).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^schema\.graphql and \d+ generated client files are up to date\.\n$/),
      stderr: '',
    });
    expect((await runCli(printSchema, ['a', 'b'], {})).code).toBe(2);
  }, 60_000);
});
