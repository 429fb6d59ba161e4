// End to end: the built `bin/numerics.js` as a child process. Needs `dist/` (built here with
// `npm run build` when missing or older than the sources; about 10 s).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, read, removeProjects, TEST_CONFIG } from './helpers.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repo, 'bin/numerics.js');
const builtMain = path.join(repo, 'dist/esm/src/cli/main.js');

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function distIsStale(): boolean {
  if (!existsSync(builtMain) || !existsSync(path.join(repo, 'dist/cjs/package.json'))) return true;
  const sources = Math.max(
    newestMtime(path.join(repo, 'src')),
    newestMtime(path.join(repo, 'rules')),
    newestMtime(path.join(repo, 'tools/build.js')),
    newestMtime(path.join(repo, 'tsconfig.build.json')),
  );
  return sources > statSync(builtMain).mtimeMs;
}

beforeAll(() => {
  if (!distIsStale()) return;
  try {
    execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'pipe' });
  } catch (error) {
    // tsc still emits on type errors elsewhere in the tree; go on if the CLI was built.
    if (!existsSync(builtMain)) throw error;
  }
}, 120_000);

afterEach(removeProjects);

/** Other builds in a shared checkout may be rewriting dist/ right now: wait for it to be back. */
function waitForDist(): void {
  const deadline = Date.now() + 60_000;
  while (!existsSync(builtMain) && Date.now() < deadline) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
  // Give a build that just wrote main.js a moment to finish the rest of the tree.
  if (existsSync(builtMain) && statSync(builtMain).mtimeMs > Date.now() - 2_000) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_000);
  }
}

function numerics(args: string[], cwd: string) {
  waitForDist();
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('bin/numerics.js (built)', () => {
  it('--version and --help', () => {
    const root = makeProject({});
    const version = numerics(['--version'], root);
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout).toMatch(/^eslint-plugin-numerics \d+\.\d+\.\d+ \(ESLint \d+/);
    expect(numerics(['--help'], root).stdout).toContain('numerics fix');
  });

  it('exit codes: 0 clean, 1 findings, 2 usage error', () => {
    const root = makeProject({
      'eslint.config.mjs': TEST_CONFIG,
      'clean.js': 'export const x = 1;\n',
      'dirty.js': 'export const naiveSum = 1;\n',
    });
    expect(numerics(['clean.js'], root).code).toBe(0);
    const dirty = numerics(['dirty.js'], root);
    expect(dirty.code).toBe(1);
    expect(dirty.stdout).toContain('numerics/test-fix');
    expect(dirty.stderr).toContain('1 file scanned, 1 finding');
    const usage = numerics(['--frobnicate'], root);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Unknown option');
  });

  it('fix writes, then check is clean; TypeScript through the embedded default', () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'dirty.js': 'export const naiveSum = 1;\n' });
    expect(numerics(['fix', 'dirty.js'], root).code).toBe(0);
    expect(read(root, 'dirty.js')).toBe('export const stableSum = 1;\n');
    expect(numerics(['dirty.js'], root).code).toBe(0);

    const ts = makeProject({ 'src/a.ts': 'export const f = <T,>(x: T): T => x;\n' });
    const run = numerics(['--format', 'json'], ts);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0].messages).toEqual([]);
  });

  it('sarif output', () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'dirty.js': 'export const naiveSum = 1;\n' });
    const run = numerics(['--format', 'sarif', 'dirty.js'], root);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results[0].ruleId).toBe('numerics/test-fix');
  });
});
