import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where a CLI writes: the process's stdout and stderr, or a test's buffers. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: CliOutput = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/**
 * A CLI's entry point, as tests call it in process: the arguments (without `node script`), the
 * environment its configuration is read from, and where it writes; resolves to its exit code.
 */
export type CliMain = (argv: string[], env?: NodeJS.ProcessEnv, output?: CliOutput) => Promise<number>;

/**
 * Makes a CLI's `main`: a thrown error becomes exit code 1, with `name: message` on stderr (no
 * stack: these errors are for the person at the terminal).
 */
export function cliMain(
  name: string,
  run: (argv: string[], env: NodeJS.ProcessEnv, output: CliOutput) => Promise<number>,
): CliMain {
  return async (argv, env = process.env, output = processOutput) => {
    try {
      return await run(argv, env, output);
    } catch (error) {
      output.err(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  };
}

/**
 * Runs `main` with the process's arguments and exits with its code, when `moduleUrl` is the script
 * Node was started with (`node --import tsx src/scripts/x.ts`, as `npm run` does); importing the
 * module (a test) runs nothing.
 */
export function runIfEntry(moduleUrl: string, main: CliMain): void {
  const entry = process.argv[1];
  if (!entry || realpathSync(entry) !== realpathSync(fileURLToPath(moduleUrl))) return;
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
