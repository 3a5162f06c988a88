import { afterAll, beforeAll } from 'vitest';

/**
 * Errors that escape into the process from now on (unhandled rejections, uncaught exceptions),
 * collected into `problems` instead of failing some unrelated test, so that a fault test can check
 * there were none, until `stop()`. For a fixture: listen before starting anything, stop after
 * stopping it all.
 */
export function listenForEscapedErrors(problems: unknown[] = []) {
  const record = (error: unknown) => void problems.push(error);
  process.on('unhandledRejection', record);
  process.on('uncaughtException', record);
  return {
    problems,
    stop() {
      process.off('unhandledRejection', record);
      process.off('uncaughtException', record);
    },
  };
}

/**
 * The same for the whole file, with hooks. Call it before the hooks that start anything: it
 * listens first and stops last (vitest runs after-hooks in reverse order).
 */
export function collectEscapedErrors(): unknown[] {
  const problems: unknown[] = [];
  let stop = () => {};
  beforeAll(() => {
    ({ stop } = listenForEscapedErrors(problems));
  });
  afterAll(() => stop());
  return problems;
}
