import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { launch } from './helpers/process';
import { REGISTRY_ENV } from './setup/registry';
import { eventually } from './helpers/live';

// The launcher's promise (test/helpers/process.ts): whatever happens, nothing it started outlives
// the test. test/setup/global.ts checks the same for the whole run at its end.

/** A process that ignores SIGTERM and has a child of its own; logs `{ "child": <pid> }`. */
const STUBBORN = `
  process.on('SIGTERM', () => {});
  const child = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  console.log(JSON.stringify({ child: child.pid }));
  setInterval(() => {}, 1000);
`;

/** Running, i.e. neither gone nor a zombie waiting for its parent to read its exit. */
function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

async function startStubborn() {
  const launched = launch(['-e', STUBBORN]);
  const { child } = await launched.logLine((entry) => typeof entry.child === 'number', 'the child pid');
  return { launched, pids: [launched.pid, child as number] };
}

describe('the process launcher', () => {
  it('registers every process it runs for the end-of-run check, and unregisters it once gone', async () => {
    const registry = process.env[REGISTRY_ENV]!;
    const { launched } = await startStubborn();
    expect(readdirSync(registry)).toContain(String(launched.pid));
    launched.crash();
    await launched.exited;
    expect(readdirSync(registry)).not.toContain(String(launched.pid));
  });

  it('stop(): SIGTERM, then SIGKILL to the whole group when it does not exit in time', async () => {
    const { launched, pids } = await startStubborn();
    expect(await launched.stop(200)).toEqual({ code: null, signal: 'SIGKILL' });
    await eventually(() => pids.every((pid) => !alive(pid)), 5000, 'the process and its child to be gone');
  });

  let leftBehind: number[] = [];
  it.fails('a test that fails with its process still running…', async () => {
    leftBehind = (await startStubborn()).pids;
    expect(leftBehind.every(alive)).toBe(true);
    throw new Error('the test fails here, without stopping anything');
  });
  it('…has its process and that process’s children killed when it ends', async () => {
    expect(leftBehind).toHaveLength(2);
    await eventually(() => leftBehind.every((pid) => !alive(pid)), 5000, 'the left-behind processes to be gone');
  });

  it('kills what a test worker launched when the worker itself dies', async () => {
    // A stand-in for a vitest worker: a Node process that launches a server-like child, then is
    // SIGKILLed, so that none of its own clean-up code runs.
    const worker = launch([
      '--import',
      'tsx',
      '-e',
      `import('./test/helpers/process.ts').then(({ launch }) => {
         const child = launch(['-e', 'setInterval(() => {}, 1000)']);
         console.log(JSON.stringify({ launched: child.pid }));
       });`,
    ]);
    const launched = (await worker.logLine((entry) => typeof entry.launched === 'number', 'the launched pid'))
      .launched as number;
    expect(alive(launched)).toBe(true);
    process.kill(worker.pid, 'SIGKILL'); // the worker only, not its group: the watchdog must act
    await worker.exited;
    await eventually(() => !alive(launched), 10_000, 'the orphan to be killed by the watchdog');
  });
});
