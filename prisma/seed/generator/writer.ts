import type pg from 'pg';
import type { GeneratePhase, GenerateProgress } from './progress';

/** One INSERT of many rows: columns sent as arrays and spread by unnest(). */
export interface Statement {
  sql: string;
  params: unknown[];
  table: string;
  rows: number;
}

/** One batch: the rows of one transaction. `rows` counts the phase's main table only. */
export interface Batch {
  rows: number;
  statements: Statement[];
}

/** `INSERT INTO table (columns) SELECT * FROM unnest($1::type[], …)`: one round trip per batch. */
export function insert(table: string, columns: string, types: string, params: unknown[], rows: number): Statement {
  const arrays = types
    .split(',')
    .map((type, i) => `$${i + 1}::${type.trim()}[]`)
    .join(', ');
  return {
    sql: `INSERT INTO ${table} (${columns}) SELECT * FROM unnest(${arrays})`,
    params,
    table: table.replaceAll('"', ''),
    rows,
  };
}

/**
 * Every phase writes through this one writer: it reserves ids, runs batches one transaction each
 * (building the next batch while PostgreSQL writes the previous one), counts rows per table and
 * reports progress.
 */
export class BatchWriter {
  readonly rows: Record<string, number> = {};
  totalRows = 0;
  private readonly started = performance.now();

  constructor(
    private readonly client: pg.Client,
    private readonly batchSize: number,
    private readonly onProgress: (progress: GenerateProgress) => void,
  ) {}

  get elapsedMs(): number {
    return performance.now() - this.started;
  }

  report(phase: GeneratePhase, done: number, total: number): void {
    const elapsedMs = this.elapsedMs;
    const rowsPerSecond = elapsedMs > 0 ? Math.round((this.totalRows * 1000) / elapsedMs) : 0;
    this.onProgress({ phase, done, total, rows: this.totalRows, elapsedMs, rowsPerSecond });
  }

  count(table: string, rows: number): void {
    this.rows[table] = (this.rows[table] ?? 0) + rows;
    this.totalRows += rows;
  }

  query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.client.query<R>(sql, params);
  }

  async inTransaction<T>(run: () => Promise<T>): Promise<T> {
    await this.client.query('BEGIN');
    try {
      const result = await run();
      await this.client.query('COMMIT');
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Ids for `n` new rows of `table`, taken from its own sequence (so they never collide with rows
   * written by anyone else meanwhile), in ascending order.
   */
  async reserveIds(table: string, n: number): Promise<Int32Array> {
    const ids = new Int32Array(n);
    for (let start = 0; start < n; start += 100_000) {
      const chunk = Math.min(100_000, n - start);
      const result = await this.client.query<{ ids: number[] }>(
        `SELECT array(SELECT nextval(pg_get_serial_sequence($1, 'id'))::int FROM generate_series(1, $2::int)) AS ids`,
        [table, chunk],
      );
      ids.set(result.rows[0]?.ids ?? [], start);
    }
    return ids.sort();
  }

  /**
   * Writes a phase's batches, one transaction each. While PostgreSQL runs one batch, the next is
   * built here: generating text and sending it overlap instead of taking turns.
   */
  async writeBatches(
    phase: GeneratePhase,
    total: number,
    build: (start: number, n: number) => Batch,
    sizes: readonly number[] = batchSizes(total, this.batchSize),
  ): Promise<void> {
    this.report(phase, 0, total);
    let done = 0;
    let start = 0;
    let inflight: Promise<void> = Promise.resolve();
    for (const size of sizes) {
      if (size === 0) continue;
      const batch = build(start, size);
      start += size;
      await inflight;
      inflight = this.inTransaction(async () => {
        for (const statement of batch.statements) await this.client.query(statement.sql, statement.params);
      }).then(() => {
        for (const statement of batch.statements) this.count(statement.table, statement.rows);
        done += batch.rows;
        this.report(phase, done, total);
      });
      // Failures surface at the next await; this only keeps Node from calling them unhandled.
      inflight.catch(() => undefined);
    }
    await inflight;
  }
}

function batchSizes(total: number, size: number): number[] {
  const sizes: number[] = [];
  for (let start = 0; start < total; start += size) sizes.push(Math.min(size, total - start));
  return sizes;
}
