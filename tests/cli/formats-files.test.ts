import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, read, removeProjects, runCli, TEST_CONFIG } from './helpers.js';

afterEach(removeProjects);

const FINDINGS = 'export const naiveSum = 1;\nexport const risky = 2;\nexport const opaque = 3;\n';

interface JsonResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  messages: { ruleId: string | null; severity: number; line: number; fix?: unknown; suggestions?: unknown[] }[];
}

function linted(root: string, stdout: string): string[] {
  return (JSON.parse(stdout) as JsonResult[])
    .map((result) => path.relative(root, result.filePath).split(path.sep).join('/'))
    .sort();
}

describe('output formats', () => {
  it('--format json prints ESLint results as JSON', async () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'src/a.js': FINDINGS, 'src/b.js': 'export {};\n' });
    const run = await runCli(['--format', 'json', 'src'], root);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as JsonResult[];
    expect(results).toHaveLength(2);
    const a = results.find((r) => r.filePath.endsWith('a.js'))!;
    expect(a.errorCount).toBe(2);
    expect(a.warningCount).toBe(1);
    expect(a.messages.map((m) => m.ruleId)).toEqual(['numerics/test-fix', 'numerics/test-suggest', 'numerics/test-report']);
    expect(a.messages[0].fix).toBeDefined();
    expect(a.messages[1].suggestions).toHaveLength(1);
    // The summary stays on stderr, so stdout is pure JSON.
    expect(run.stderr).toContain('2 files scanned, 3 findings');
  });

  it('--format sarif prints a SARIF 2.1.0 log', async () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'src/a.js': FINDINGS });
    const run = await runCli(['--format', 'sarif', 'src'], root);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.name).toBe('ESLint');
    expect(sarifRun.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(sarifRun.tool.driver.rules.map((r: { id: string }) => r.id).sort()).toEqual([
      'numerics/test-fix',
      'numerics/test-report',
      'numerics/test-suggest',
    ]);
    expect(sarifRun.artifacts[0].location.uri).toMatch(/^file:\/\/.*\/src\/a\.js$/);
    expect(sarifRun.results).toHaveLength(3);
    for (const result of sarifRun.results) {
      expect(['error', 'warning']).toContain(result.level);
      expect(result.message.text).toMatch(/^found /);
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).toBe(sarifRun.artifacts[0].location.uri);
      expect(location.region.startLine).toBeGreaterThan(0);
      expect(sarifRun.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }
    expect(sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'numerics/test-report').level).toBe('warning');
  });

  it('--format sarif on clean code still has an empty results array', async () => {
    const root = makeProject({ 'a.js': 'export const x = 1;\n' });
    const run = await runCli(['--format', 'sarif'], root);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).runs[0].results).toEqual([]);
  });

  it('--output-file writes the report to a file', async () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'src/a.js': FINDINGS });
    const run = await runCli(['-f', 'sarif', '-o', 'reports/numerics.sarif', 'src'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(read(root, 'reports/numerics.sarif')).runs[0].results).toHaveLength(3);
  });
});

describe('file selection', () => {
  const GITIGNORED = {
    '.gitignore': 'generated/\n*.gen.js\n!keep.gen.js\n',
    'a.js': 'export {};\n',
    'generated/x.js': 'export {};\n',
    'b.gen.js': 'export {};\n',
    'keep.gen.js': 'export {};\n',
    'sub/.gitignore': 'local.js\n',
    'sub/local.js': 'export {};\n',
    'sub/ok.ts': 'export const ok: number = 1;\n',
    'notes.md': '# not code\n',
    'data.json': '{}\n',
  };

  it('skips files that .gitignore lists (nested .gitignore files and negations too)', async () => {
    const root = makeProject(GITIGNORED);
    mkdirSync(path.join(root, '.git'));
    const run = await runCli(['--format', 'json'], root);
    expect(linted(root, run.stdout)).toEqual(['a.js', 'keep.gen.js', 'sub/ok.ts']);
  });

  it('--no-gitignore lints them', async () => {
    const root = makeProject(GITIGNORED);
    mkdirSync(path.join(root, '.git'));
    const run = await runCli(['--format', 'json', '--no-gitignore'], root);
    expect(linted(root, run.stdout)).toEqual([
      'a.js',
      'b.gen.js',
      'generated/x.js',
      'keep.gen.js',
      'sub/local.js',
      'sub/ok.ts',
    ]);
  });

  it('reads .gitignore from the repository root when run in a subfolder', async () => {
    const root = makeProject({
      '.gitignore': 'pkg/skip/\n',
      'pkg/a.js': 'export {};\n',
      'pkg/skip/b.js': 'export {};\n',
    });
    mkdirSync(path.join(root, '.git'));
    const cwd = path.join(root, 'pkg');
    const run = await runCli(['--format', 'json'], cwd);
    expect(linted(cwd, run.stdout)).toEqual(['a.js']);
  });

  it('lints a gitignored file that is named explicitly', async () => {
    const root = makeProject(GITIGNORED);
    mkdirSync(path.join(root, '.git'));
    const run = await runCli(['--format', 'json', 'b.gen.js'], root);
    expect(linted(root, run.stdout)).toEqual(['b.gen.js']);
  });

  it('gitignored files are not fixed either', async () => {
    const root = makeProject({
      'eslint.config.mjs': TEST_CONFIG,
      '.gitignore': 'vendor/\n',
      'vendor/lib.js': FINDINGS,
      'src/a.js': FINDINGS,
    });
    mkdirSync(path.join(root, '.git'));
    await runCli(['fix'], root);
    expect(read(root, 'vendor/lib.js')).toBe(FINDINGS);
    expect(read(root, 'src/a.js')).toContain('stableSum');
  });

  it('says so when there is nothing to lint', async () => {
    const root = makeProject({ 'README.md': '# x\n' });
    const run = await runCli([], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('no .js/.cjs/.mjs/.jsx/.ts/.cts/.mts/.tsx files to lint');
    expect(run.stderr).toContain('0 files scanned');
  });
});

describe('progress bar', () => {
  async function runWithStderr(root: string, isTTY: boolean) {
    const { main } = await import('../../src/cli/main.js');
    let stderr = '';
    const code = await main(['fix', '--dry-run'], {
      cwd: root,
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => (stderr += chunk), isTTY },
    });
    return { code, stderr };
  }

  const many = Object.fromEntries(
    Array.from({ length: 60 }, (_, i) => [`src/f${String(i).padStart(2, '0')}.js`, 'export const naiveSum = 1;\n']),
  );

  it('is drawn on a terminal for runs over many files, then cleared before the summary', async () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, ...many });
    const run = await runWithStderr(root, true);
    expect(run.stderr).toMatch(/\r\x1b\[Klinting \[-+\] 0\/61 files/);
    expect(run.stderr).toContain('fixing [');
    expect(run.stderr).toMatch(/\r\x1b\[Knumerics: 61 files scanned, 60 findings/);
  });

  it('is not drawn when stderr is not a terminal, or for few files', async () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, ...many });
    expect((await runWithStderr(root, false)).stderr).not.toContain('\r');
    const small = makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'a.js': 'export const naiveSum = 1;\n' });
    expect((await runWithStderr(small, true)).stderr).not.toContain('\r');
  });
});
