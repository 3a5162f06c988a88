export type GeneratePhase = 'reference' | 'doctors' | 'blog posts' | 'askers' | 'questions' | 'answers' | 'analyze';

export interface GenerateProgress {
  phase: GeneratePhase;
  /** Rows of this phase's main table inserted so far, and how many it will insert. */
  done: number;
  total: number;
  /** All rows inserted so far, every table (links and edits included). */
  rows: number;
  elapsedMs: number;
  rowsPerSecond: number;
}

export interface GenerateSummary {
  seed: number;
  rows: Record<string, number>;
  totalRows: number;
  seconds: number;
  rowsPerSecond: number;
}

/** One progress line on stderr, rewritten in place on a terminal; one line per phase otherwise. */
export class StderrProgress {
  private readonly tty = process.stderr.isTTY === true;
  private lastPhase: GeneratePhase | null = null;
  private lastWrite = 0;

  update(p: GenerateProgress): void {
    const line = `${p.phase.padEnd(10)} ${fmt(p.done)}/${fmt(p.total)} · ${fmt(p.rows)} rows · ${fmt(p.rowsPerSecond)} rows/s · ${(p.elapsedMs / 1000).toFixed(1)} s`;
    if (this.tty) {
      const nowMs = performance.now();
      if (p.done < p.total && p.phase === this.lastPhase && nowMs - this.lastWrite < 100) return;
      this.lastWrite = nowMs;
      this.lastPhase = p.phase;
      process.stderr.write(`\r\x1b[K${line}`);
    } else if (p.done === p.total) {
      process.stderr.write(`${line}\n`);
    }
  }

  finish(summary: GenerateSummary): void {
    const tables = Object.entries(summary.rows)
      .map(([table, n]) => `${table} ${fmt(n)}`)
      .join(', ');
    process.stderr.write(
      `${this.tty ? '\r\x1b[K' : ''}Generated ${fmt(summary.totalRows)} rows in ${summary.seconds.toFixed(1)} s ` +
        `(${fmt(summary.rowsPerSecond)} rows/s, seed ${summary.seed}): ${tables}\n`,
    );
  }
}

const fmt = (n: number): string => n.toLocaleString('en-US');
