// `npm start` in one Node process, doing at each start only what is needed (plain JavaScript,
// so that nothing has to be compiled before it runs):
//  1. `prisma generate`, only when prisma/schema.prisma or the Prisma version changed since the
//     last generate (a hash kept beside the generated client): it costs seconds of CPU;
//  2. src/main.ts bundled to dist/main.js by esbuild (~0.1 s), so that Node runs plain
//     JavaScript instead of compiling TypeScript module by module through tsx (measured: about
//     a third less CPU to load the application);
//  3. dist/main.js imported in this same process.
// package.json's start script runs it with --max-semi-space-size=64: a young generation of up to
// 64 MB instead of 16, so that a request's short-lived objects are collected in fewer, cheaper
// scavenges (garbage collection was 12-16% of a question page's CPU; with it, the page took about
// 16% less CPU in the bench). The bench starts its API with the same flags.
// `node src/scripts/start.mjs --build` does step 2 only (the tests launch dist/main.js; `npm test`
// has generated the client already).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const from = (path) => fileURLToPath(new URL(path, pathToFileURL(root)));

function generateIfChanged() {
  const stamp = from('src/generated/prisma/.schema-hash');
  // @prisma/client (a dependency, always installed) and the prisma CLI are released together.
  const prismaVersion = JSON.parse(readFileSync(from('node_modules/@prisma/client/package.json'), 'utf8')).version;
  const hash = createHash('sha256')
    .update(prismaVersion)
    .update(readFileSync(from('prisma/schema.prisma')))
    .digest('hex');
  const generated = existsSync(from('src/generated/pothos-prisma-types.ts')) && existsSync(stamp);
  if (generated && readFileSync(stamp, 'utf8') === hash) return;
  console.error('generating the Prisma client (prisma/schema.prisma changed)');
  // The schema engine is not needed to generate, and cannot be downloaded here (README: Scripts).
  execFileSync(from('node_modules/.bin/prisma'), ['generate'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true' },
  });
  writeFileSync(stamp, hash);
}

/**
 * Modules find files beside their source (`new URL('../../prisma/migrations', import.meta.url)`):
 * in the bundle, each keeps its own source file's URL rather than dist/main.js's.
 */
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
      loader: 'ts',
    }));
  },
};

async function build() {
  await esbuild.build({
    entryPoints: [from('src/main.ts')],
    outfile: from('dist/main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external', // node_modules load as they are
    sourcemap: true, // stack traces name the TypeScript lines (node --enable-source-maps)
    logLevel: 'warning',
    plugins: [keepImportMetaUrl],
  });
  await esbuild.stop(); // esbuild's service process must not live on beside the server
}

if (process.argv.includes('--build')) {
  await build();
} else {
  generateIfChanged();
  await build();
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(from('dist/main.js')).href);
}
