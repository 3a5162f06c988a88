import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import codegenConfig from '../../codegen';
import { printedSchema, SCHEMA_FILE } from '../schema/print';
import { cliMain, runIfEntry } from './cli';

/**
 * `npm run check:drift`: fails (exit 1) when the committed artefacts no longer match the code:
 * schema.graphql against the Pothos schema, and the generated client code against schema.graphql
 * plus the example operations.
 */
export const main = cliMain('check:drift', async (_argv, _env, output) => {
  const stale: string[] = [];
  if (readFileSync(SCHEMA_FILE, 'utf8') !== printedSchema()) {
    stale.push('schema.graphql is out of date: run `npm run schema:print`.');
  }

  const root = new URL('../../', import.meta.url);
  const files = (await generate({ ...codegenConfig, cwd: root.pathname }, false)) as {
    filename: string;
    content: string;
  }[];
  for (const file of files) {
    let committed: string | null = null;
    try {
      committed = readFileSync(new URL(file.filename, root), 'utf8');
    } catch {}
    if (committed !== file.content) stale.push(`${file.filename} is out of date: run \`npm run codegen\`.`);
  }

  if (stale.length) {
    output.err(`Drift between code and committed artefacts:\n${stale.map((s) => `  - ${s}`).join('\n')}\n`);
    return 1;
  }
  output.out(`schema.graphql and ${files.length} generated client files are up to date.\n`);
  return 0;
});

runIfEntry(import.meta.url, main);
