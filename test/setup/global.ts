import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTRY_ENV } from './registry';

/** Process groups that still have a member: pid → its command line. */
function runningGroups(): Map<number, string> {
  const groups = new Map<number, string>();
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue; // exited, only waiting for its parent to read its status
      groups.set(Number(group), readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim());
    } catch {
      // gone meanwhile
    }
  }
  return groups;
}

/**
 * The run's registry of launched processes (test/helpers/process.ts writes one file per launch,
 * named by its pid, and removes it when the process has exited). At the end of the run, any
 * group still alive outlived its test: it is killed, and the run fails naming it.
 */
export default function setup() {
  // The server as `npm start` runs it, built once for the run (test/helpers/process.ts SERVER).
  execFileSync(process.execPath, ['src/scripts/start.mjs', '--build'], {
    cwd: new URL('../..', import.meta.url).pathname,
    stdio: 'inherit',
  });
  const registry = mkdtempSync(join(tmpdir(), 'medqa-launched-'));
  process.env[REGISTRY_ENV] = registry; // the test workers inherit it
  return () => {
    const running = runningGroups();
    const outlived = readdirSync(registry)
      .map(Number)
      .filter((pid) => running.has(pid));
    for (const pid of outlived) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    rmSync(registry, { recursive: true, force: true });
    if (outlived.length > 0) {
      const list = outlived.map((pid) => `  ${pid}: ${running.get(pid)}`).join('\n');
      process.exitCode = 1; // vitest reports an error thrown here but would still exit 0
      throw new Error(`${outlived.length} launched process(es) outlived their tests (now killed):\n${list}`);
    }
  };
}
