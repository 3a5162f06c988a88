import { Writable } from 'node:stream';
import { pino } from 'pino';

/** One parsed log line: pino's level and message, and whatever fields the line has. */
export type LogLine = { level: number; msg: string } & Record<string, unknown>;

/** A logger that keeps its lines in memory, parsed, so that a test can read them back. */
export function memoryLogger(level = 'info') {
  const lines: LogLine[] = [];
  const logger = pino(
    { level },
    new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    }),
  );
  return { logger, lines };
}
