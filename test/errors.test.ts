import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ERROR_CODES } from '../src/errors';

// One list of every extensions.code (src/errors.ts): the code sends no other, the README shows all.
const root = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated') return [];
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

it('sends no code that is not in ERROR_CODES', () => {
  const used = new Set<string>();
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    // `code: 'X'`, `code ??= 'X'`, userError('X', …), forWebSocket(error, 'X'), and codes by PostgreSQL error.
    for (const match of text.matchAll(
      /code(?:: | \?\?= )'([A-Z_]+)'|userError\(\s*'([A-Z_]+)'|forWebSocket\([^)]*, '([A-Z_]+)'\)|'[0-9A-Z]{5}': '([A-Z_]+)'/g,
    )) {
      used.add(match[1] ?? match[2] ?? match[3] ?? match[4]!);
    }
  }
  expect(used.size).toBeGreaterThan(5);
  expect([...used].filter((code) => !(code in ERROR_CODES))).toEqual([]);
});

it('lists every code in the README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Error codes'));
  expect([...Object.keys(ERROR_CODES)].filter((code) => !section.includes(`| \`${code}\` |`))).toEqual([]);
});
