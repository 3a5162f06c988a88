import { afterAll, beforeAll } from 'vitest';

/**
 * Errors that escape into the process while the file runs (unhandled rejections, uncaught
 * exceptions), collected instead of failing some unrelated test, so that a fault test can check
 * there were none. Call it before the hooks that start anything: it listens first and stops last
 * (vitest runs after-hooks in reverse order).
 */
export function collectEscapedErrors(): unknown[] {
  const problems: unknown[] = [];
  const record = (error: unknown) => void problems.push(error);
  beforeAll(() => {
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
  });
  afterAll(() => {
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
  });
  return problems;
}
