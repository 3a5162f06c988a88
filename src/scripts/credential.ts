/**
 * `npm run -s credential -- doctor <doctor-slug>`: issues a doctor's bearer token.
 * `npm run -s credential -- staff <staff-email>`: issues a staff member's bearer token.
 * `npm run -s credential -- revoke <token>`: revokes a token.
 *
 * A new token is printed alone on stdout, so that `TOKEN=$(npm run -s credential -- …)` works;
 * it is shown this once and only its hash is stored. Everything else goes to stderr, and no log
 * line ever contains a token. The database is the configured one (DATABASE_URL, or the embedded
 * one when it is unset); pending migrations are applied first.
 * Exit codes: 0 done, 1 failed (unknown doctor, staff member or token; database error), 2 bad arguments.
 */
import { pino } from 'pino';
import { issueCredential, revokeCredential, type CredentialOwner } from '../auth/tokens';
import { loadConfig } from '../config';
import { openDatabase, type Database } from '../db/database';
import type { Db } from '../db/client';
import { migrate } from '../db/migrate';
import { cliMain, runIfEntry } from './cli';

const USAGE = `Usage:
  npm run -s credential -- doctor <doctor-slug>    issue a token for a doctor
  npm run -s credential -- staff <staff-email>     issue a token for a staff member
  npm run -s credential -- revoke <token>          revoke a token

A new token is printed alone on stdout, once: only its hash is stored.`;

type Command = { kind: 'doctor'; slug: string } | { kind: 'staff'; email: string } | { kind: 'revoke'; token: string };

function parseCommand(argv: string[]): Command | 'help' | null {
  if (argv.length === 1 && (argv[0] === '-h' || argv[0] === '--help')) return 'help';
  if (argv.length !== 2) return null;
  const [kind, value] = argv as [string, string];
  if (value.trim() === '') return null;
  if (kind === 'doctor') return { kind, slug: value.trim() };
  if (kind === 'staff') return { kind, email: value.trim() };
  if (kind === 'revoke') return { kind, token: value.trim() };
  return null;
}

async function ownerOf(db: Db, command: Exclude<Command, { kind: 'revoke' }>): Promise<CredentialOwner> {
  if (command.kind === 'doctor') {
    const doctor = await db.doctor.findUnique({ where: { slug: command.slug }, select: { id: true } });
    if (!doctor) throw new Error(`No doctor has the slug "${command.slug}".`);
    return { role: 'doctor', doctorId: doctor.id };
  }
  // Emails compare case-insensitively, as people type them.
  const staff = await db.staffMember.findFirst({
    where: { email: { equals: command.email, mode: 'insensitive' } },
    select: { id: true },
  });
  if (!staff) throw new Error(`No staff member has the email "${command.email}".`);
  return { role: 'staff', staffMemberId: staff.id };
}

export const main = cliMain('credential', async (argv, env, output) => {
  const command = parseCommand(argv);
  if (command === 'help') {
    output.out(`${USAGE}\n`);
    return 0;
  }
  if (!command) {
    output.err(`credential: expected "doctor <slug>", "staff <email>" or "revoke <token>".\n\n${USAGE}\n`);
    return 2;
  }

  const config = loadConfig(env); // a ConfigError names every bad variable; cliMain prints it
  // stdout carries the token alone: warnings and errors only, and to stderr (written at once, so
  // that process.exit loses nothing).
  const level = config.logLevel === 'silent' ? 'silent' : 'warn';
  const logger = pino(
    { level, base: { service: 'medqa', component: 'credential' } },
    { write: (line: string) => output.err(line) },
  );

  let database: Database | null = null;
  try {
    database = await openDatabase(config.database, logger, 'client');
    await migrate(database.url, { logger });
    if (command.kind === 'revoke') {
      if (!(await revokeCredential(database.db, command.token))) {
        throw new Error('No credential has this token (nothing was revoked).');
      }
      output.err('credential: revoked.\n');
      return 0;
    }
    const token = await issueCredential(database.db, await ownerOf(database.db, command));
    output.out(`${token}\n`);
    return 0;
  } finally {
    await database?.close();
  }
});

runIfEntry(import.meta.url, main);
