/**
 * Runs a command-line script: exits with the code its `main` returns, or with 1 and the error's
 * message on stderr (no stack: these errors are for the person at the terminal).
 */
export function runCli(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
