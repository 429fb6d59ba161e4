import { chmodSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { applyFirstSuggestions, writeFileAtomic } from '../../src/cli/fix.js';
import { listFiles, makeProject, read, removeProjects, runCli, TEST_CONFIG } from './helpers.js';
import { injectRule } from './inject.js';

afterEach(removeProjects);

const SOURCE = [
  'export function total(xs) {',
  '  const naiveSum = xs.reduce((a, b) => a + b, 0);',
  '  const risky = naiveSum / xs.length;',
  '  const opaque = risky * 2;',
  '  return opaque;',
  '}',
  '',
].join('\n');

function project(extra: Record<string, string> = {}): string {
  return makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'src/stats.js': SOURCE, ...extra });
}

describe('numerics fix', () => {
  it('check --fix writes the autofixes; a second run has nothing left to fix', async () => {
    const root = project();
    const first = await runCli(['check', '--fix', 'src'], root);
    const fixed = read(root, 'src/stats.js');
    expect(fixed).toBe(SOURCE.replaceAll('naiveSum', 'stableSum'));
    // Suggestion-only and report-only findings remain: exit 1 (test-suggest is an error).
    expect(first.code).toBe(1);
    expect(first.stdout).not.toContain('numerics/test-fix');
    expect(first.stdout).toContain('numerics/test-suggest');
    expect(first.stderr).toMatch(/numerics\/test-fix\s+2\s+2 fixed/);
    expect(first.stderr).toMatch(/numerics\/test-suggest\s+2\s+2 suggestion-only/);
    expect(first.stderr).toMatch(/numerics\/test-report\s+2\s+2 report-only/);
    expect(first.stderr).toContain('2 fixed, 2 suggestion-only, 2 report-only; 1 file written');

    const second = await runCli(['fix', 'src'], root);
    expect(read(root, 'src/stats.js')).toBe(fixed);
    expect(second.stderr).toContain('0 fixed');
    expect(second.stderr).toContain('0 files written');
    // No temporary files are left behind.
    expect(listFiles(root)).toEqual(['eslint.config.mjs', 'src/stats.js']);
  });

  it('`fix` is `check --fix`', async () => {
    const a = project();
    const b = project();
    await runCli(['fix', 'src'], a);
    await runCli(['check', '--fix', 'src'], b);
    expect(read(a, 'src/stats.js')).toBe(read(b, 'src/stats.js'));
  });

  it('a file with nothing to fix is not rewritten', async () => {
    const root = project({ 'src/clean.js': 'export const x = 1;\n' });
    const file = path.join(root, 'src/clean.js');
    const before = statSync(file).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await runCli(['fix', 'src'], root);
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('--suggestions also applies the first suggestion (codemod mode) and converges', async () => {
    const root = project();
    const run = await runCli(['fix', '--suggestions', 'src'], root);
    expect(read(root, 'src/stats.js')).toBe(SOURCE.replaceAll('naiveSum', 'stableSum').replaceAll('risky', 'safe'));
    // Only the report-only warning is left.
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('numerics/test-report');
    expect(run.stderr).toMatch(/numerics\/test-suggest\s+2\s+2 fixed \(2 by suggestion\)/);
    expect(run.stderr).toContain('4 fixed (2 by suggestion), 0 suggestion-only, 2 report-only; 1 file written');
    const again = await runCli(['fix', '--suggestions', 'src'], root);
    expect(again.stderr).toContain('0 files written');
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const root = project();
    const run = await runCli(['fix', '--dry-run', '--suggestions', 'src'], root);
    expect(read(root, 'src/stats.js')).toBe(SOURCE);
    expect(listFiles(root)).toEqual(['eslint.config.mjs', 'src/stats.js']);
    expect(run.stdout).toContain('--- a/src/stats.js\n+++ b/src/stats.js\n@@ -1,6 +1,6 @@');
    expect(run.stdout).toContain('-  const naiveSum = xs.reduce((a, b) => a + b, 0);\n');
    expect(run.stdout).toContain('+  const stableSum = xs.reduce((a, b) => a + b, 0);\n');
    expect(run.stdout).toContain('+  const safe = stableSum / xs.length;\n');
    expect(run.stderr).toContain('1 file would change (dry run, nothing written)');
    // --dry-run alone implies fixing.
    const implied = await runCli(['check', '--dry-run', 'src'], root);
    expect(implied.stdout).toContain('+++ b/src/stats.js');
    expect(implied.stdout).not.toContain('safe');
  });

  it('--rule limits the run to the named numerics rules (repeatable, comma-separated, prefixed)', async () => {
    const root = project();
    const only = await runCli(['check', '--rule', 'test-report', 'src'], root);
    expect(only.stdout).toContain('numerics/test-report');
    expect(only.stdout).not.toContain('numerics/test-fix');
    expect(only.stderr).toContain('1 file scanned, 2 findings');

    const two = await runCli(['check', '--rule', 'numerics/test-report', '--rule', 'test-suggest', 'src'], root);
    expect(two.stderr).toContain('4 findings');
    const comma = await runCli(['check', '--rule', 'test-report,test-suggest', 'src'], root);
    expect(comma.stderr).toContain('4 findings');

    await runCli(['fix', '--suggestions', '--rule', 'test-suggest', 'src'], root);
    expect(read(root, 'src/stats.js')).toBe(SOURCE.replaceAll('risky', 'safe'));
  });

  it('--rule with a rule the user config does not enable says so', async () => {
    const root = project();
    const run = await runCli(['check', '--rule', 'not-enabled', 'src'], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('does not enable numerics/not-enabled');
  });

  it('does not write a file whose fixed text does not parse', async () => {
    const text = 'export const breakme = 1;\n';
    const root = project({ 'src/broken.js': text });
    const run = await runCli(['fix', 'src/broken.js'], root);
    expect(read(root, 'src/broken.js')).toBe(text);
    expect(run.stderr).toContain('src/broken.js: the autofix of numerics/test-broken gives code that does not parse');
    expect(run.stderr).toContain('0 files written');
    expect(run.code).toBe(1);
    expect(listFiles(root)).toEqual(['eslint.config.mjs', 'src/broken.js', 'src/stats.js']);
  });

  it('keeps the fixes of other rules when one rule\'s fix does not parse', async () => {
    const text = 'export const breakme = 1;\nexport const naiveSum = 2;\n';
    const root = project({ 'src/broken.js': text });
    const run = await runCli(['fix', 'src/broken.js'], root);
    expect(read(root, 'src/broken.js')).toBe('export const breakme = 1;\nexport const stableSum = 2;\n');
    expect(run.stderr).toContain('the autofix of numerics/test-broken gives code that does not parse');
    expect(run.stdout).toContain('numerics/test-broken');
    expect(run.code).toBe(1);
  });

  it('fixes only numerics rules of a user config, unless --all-rules', async () => {
    const root = makeProject({
      'eslint.config.mjs': 'import base from "./base.mjs";\nexport default [...base, { rules: { "no-var": "error" } }];\n',
      'base.mjs': TEST_CONFIG,
      'a.js': 'var naiveSum = 1;\nexport { naiveSum };\n',
    });
    await runCli(['fix', 'a.js'], root);
    expect(read(root, 'a.js')).toBe('var stableSum = 1;\nexport { stableSum };\n');
    await runCli(['fix', '--all-rules', 'a.js'], root);
    expect(read(root, 'a.js')).toBe('let stableSum = 1;\nexport { stableSum };\n');
  });

  it('embedded default: --fix writes, the second run is clean', async () => {
    const restore = injectRule();
    try {
      const root = makeProject({ 'src/a.ts': 'export const naiveSum: number = 1;\n' });
      const first = await runCli(['--fix'], root);
      expect(first.code).toBe(0);
      expect(read(root, 'src/a.ts')).toBe('export const stableSum: number = 1;\n');
      const second = await runCli([], root);
      expect(second.code).toBe(0);
      expect(second.stderr).toContain('1 file scanned, 0 findings');
    } finally {
      restore();
    }
  });

  it('keeps a byte order mark and CRLF line endings', async () => {
    const text = '\uFEFFexport const risky = 1;\r\nexport const naiveSum = risky;\r\n';
    const root = project({ 'src/bom.js': text });
    await runCli(['fix', '--suggestions', 'src/bom.js'], root);
    expect(read(root, 'src/bom.js')).toBe('\uFEFFexport const safe = 1;\r\nexport const stableSum = safe;\r\n');
  });
});

describe('fix helpers', () => {
  const message = (ruleId: string, range: [number, number], text: string, fix = false): Linter.LintMessage =>
    ({
      ruleId,
      severity: 2,
      message: 'm',
      line: 1,
      column: 1,
      ...(fix ? { fix: { range, text } } : {}),
      suggestions: [
        { desc: 'first', fix: { range, text } },
        { desc: 'second', fix: { range, text: 'WRONG' } },
      ],
    }) as Linter.LintMessage;

  it('applyFirstSuggestions applies first suggestions, skips overlaps, autofixable and filtered rules', () => {
    const text = 'aaa bbb ccc ddd';
    const picked = applyFirstSuggestions(
      text,
      [
        message('numerics/x', [8, 11], 'C'),
        message('numerics/x', [0, 3], 'A'),
        message('numerics/y', [1, 5], 'OVERLAP'),
        message('numerics/z', [4, 7], 'FIXABLE', true),
        message('other/w', [12, 15], 'OTHER'),
      ],
      (id) => id.startsWith('numerics/'),
    );
    expect(picked.text).toBe('A bbb C ddd');
    expect([...picked.applied]).toEqual([['numerics/x', 2]]);
  });

  it('writeFileAtomic keeps the mode, writes through symlinks and refuses a file changed meanwhile', async () => {
    const root = makeProject({ 'run.js': 'old\n' });
    const file = path.join(root, 'run.js');
    chmodSync(file, 0o755);
    expect(await writeFileAtomic(file, 'new\n', 'old\n')).toBe(true);
    expect(read(root, 'run.js')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o755);

    symlinkSync(file, path.join(root, 'link.js'));
    expect(await writeFileAtomic(path.join(root, 'link.js'), 'linked\n')).toBe(true);
    expect(read(root, 'run.js')).toBe('linked\n');

    writeFileSync(file, 'changed by someone else\n');
    expect(await writeFileAtomic(file, 'ours\n', 'linked\n')).toBe(false);
    expect(read(root, 'run.js')).toBe('changed by someone else\n');
    expect(listFiles(root)).toEqual(['link.js', 'run.js']);
  });
});
