import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printedSchema, SCHEMA_FILE } from '../schema/print';
import { cliMain, runIfEntry } from './cli';

/**
 * `npm run schema:print`: writes schema.graphql from the Pothos schema (or the file given as the
 * one argument). `npm run check:drift` checks it is up to date.
 */
export const main = cliMain('schema:print', async (argv, _env, output) => {
  if (argv.length > 1) {
    output.err('Usage: npm run schema:print [-- FILE]   (default: schema.graphql)\n');
    return 2;
  }
  const file = argv[0] ? resolve(argv[0]) : SCHEMA_FILE.pathname;
  writeFileSync(file, printedSchema());
  output.out(`wrote ${file}\n`);
  return 0;
});

runIfEntry(import.meta.url, main);
