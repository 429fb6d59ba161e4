/**
 * What loading the plugin loads. ESLint imports every configured plugin in every process (each editor server, each
 * CI run), so the plugin's entry points must not pull in packages its rules never call: the root of
 * `@typescript-eslint/utils` re-exports ESLint's own classes and `@typescript-eslint/scope-manager` (with the
 * TypeScript lib tables), ~300 modules; measured standalone, importing the built plugin took 186 ms and 7.5 MB of
 * heap through the root, 88 ms and 3.5 MB through `@typescript-eslint/utils/eslint-utils` and
 * `@typescript-eslint/types`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The packages a fresh Node process has loaded after importing `entry` (a source file, through tsx). Every package
 * in question ships CommonJS, which Node loads through `require` even from an ES module, so `require.cache` lists
 * them.
 */
function packagesLoadedBy(entry: string): string[] {
  const script = [
    "import { createRequire } from 'node:module';",
    `await import(${JSON.stringify(path.join(repo, entry))});`,
    'const cache = createRequire(import.meta.url).cache;',
    'process.stdout.write(JSON.stringify(Object.keys(cache)));',
  ].join('\n');
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const files = JSON.parse(run.stdout) as string[];
  const packages = new Set<string>();
  // tsx compiles the sources with esbuild: the test's own loader, not the plugin's.
  const loader = new Set(['tsx', 'esbuild', 'get-tsconfig', 'resolve-pkg-maps']);
  for (const file of files) {
    const match = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file.slice(file.lastIndexOf('node_modules') - 1));
    const name = match?.[1]!.replace(/\\/g, '/');
    if (name && !loader.has(name)) packages.add(name);
  }
  return [...packages].sort();
}

describe('runtime imports', () => {
  it('the plugin loads neither ESLint, nor a parser, nor the scope manager, nor TypeScript', () => {
    const loaded = packagesLoadedBy('src/index.ts');
    // The positive control: the rules do load their helpers, so the list is read correctly.
    expect(loaded).toContain('@typescript-eslint/utils');
    expect(loaded).toContain('@typescript-eslint/types');
    for (const heavy of ['eslint', '@typescript-eslint/scope-manager', '@typescript-eslint/parser', '@typescript-eslint/typescript-estree', 'typescript', 'espree']) {
      expect(loaded).not.toContain(heavy);
    }
  }, 60_000);

  it('the kernels load no package at all', () => {
    expect(packagesLoadedBy('src/kernels/index.ts')).toEqual([]);
  }, 60_000);
});
