import type { CliMain } from '../../src/scripts/cli';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a CLI's `main` in this process, with `env` as its whole environment: its exit code and output. */
export async function runCli(main: CliMain, args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, env, { out: (text) => (stdout += text), err: (text) => (stderr += text) });
  return { code, stdout, stderr };
}
