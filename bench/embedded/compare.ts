/**
 * `npx tsx bench/embedded/compare.ts [engine…]`: measures the embedded database engines side by
 * side (README, "Embedded database"): cold start and restart to migrated-and-ready, memory,
 * connections closed by the pool's idle timeout, 50 concurrent operations with writes, a second
 * process on the same folder, and acknowledged writes after SIGKILL (3 rounds).
 * Each engine runs in its own process (worker.ts), in a scratch folder removed afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const engines = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['postgres', 'pglite-safe', 'pglite'];
const root = new URL('../..', import.meta.url).pathname;
type Line = Record<string, unknown>;

interface Worker {
  child: ChildProcess;
  lines: Line[];
  next(predicate: (line: Line) => boolean): Promise<Line>;
  exited: Promise<number | null>;
}

function worker(engine: string, dir: string, workload: string): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/embedded/worker.ts', engine, dir, workload], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const lines: Line[] = [];
  const waiters: { predicate: (line: Line) => boolean; resolve: (line: Line) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    const line = JSON.parse(text) as Line;
    lines.push(line);
    for (const w of waiters.filter((w) => w.predicate(line))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    next: (predicate) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(predicate);
        if (seen) return resolve(seen);
        waiters.push({ predicate, resolve });
        void exited.then((code) =>
          reject(new Error(`${engine} ${workload} exited ${code}: ${stderr.trim().split('\n').at(-1)}`)),
        );
      }),
  };
}

/** Resident memory of a process and all its descendants (PostgreSQL's backends), in MiB. */
function treeRssMiB(pid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      parents.set(Number(entry), Number(/^\d+ \(.*\) \S (\d+)/.exec(readFileSync(`/proc/${entry}/stat`, 'utf8'))![1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  let kib = 0;
  for (const p of tree) {
    try {
      // Pss shares shared memory fairly between PostgreSQL's processes instead of counting it in each.
      kib += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))![1]);
    } catch {
      // gone meanwhile
    }
  }
  return Math.round(kib / 1024);
}

async function run(engine: string, dir: string, workload: string): Promise<Line[]> {
  const w = worker(engine, dir, workload);
  const code = await w.exited;
  if (code !== 0) throw new Error(`${engine} ${workload} exited ${code}`);
  return w.lines;
}

const ready = (lines: Line[]) => lines.find((l) => 'ready' in l)!.ready as number;

async function measure(engine: string): Promise<Line> {
  const dir = join(mkdtempSync(join(tmpdir(), `medqa-engine-${engine}-`)), 'data');
  const result: Line = { engine };
  try {
    result.coldStartMs = ready(await run(engine, dir, 'count'));
    result.restartMs = ready(await run(engine, dir, 'count'));

    const held = worker(engine, dir, 'hold');
    await held.next((l) => l.holding === true);
    result.memoryMiB = treeRssMiB(held.child.pid!);
    // A second process on the same folder while the first holds it.
    const second = worker(engine, dir, 'count');
    result.secondProcess = await second.exited.then((code) =>
      code === 0 ? 'opened its own copy (no lock)' : 'refused',
    );
    held.child.kill('SIGTERM');
    await held.exited;

    result.idle = (await run(engine, dir, 'idle')).find((l) => 'after' in l);
    result.concurrency = (await run(engine, dir, 'concurrency')).find((l) => 'rows' in l);

    const rounds: Line[] = [];
    for (let round = 1; round <= 3; round++) {
      const writer = worker(engine, dir, 'write-stream');
      const first = (await writer.next((l) => 'acked' in l)).acked as number;
      await writer.next((l) => l.acked === first + 100);
      writer.child.kill('SIGKILL');
      await writer.exited;
      const lastAcked = Math.max(...writer.lines.flatMap((l) => ('acked' in l ? [l.acked as number] : [])));
      try {
        const counted = (await run(engine, dir, 'count')).find((l) => 'max' in l)!;
        rounds.push({ lastAcked, kept: counted.max, lost: Math.max(0, lastAcked - (counted.max as number)) });
      } catch (error) {
        rounds.push({ lastAcked, reopen: (error as Error).message.slice(0, 200) });
        break;
      }
    }
    result.sigkill = rounds;
  } catch (error) {
    result.error = (error as Error).message.slice(0, 300);
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
  return result;
}

for (const engine of engines) console.log(JSON.stringify(await measure(engine)));
