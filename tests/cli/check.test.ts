import { afterEach, describe, expect, it } from 'vitest';
import { PACKAGE_VERSION } from '../../src/version.js';
import { makeProject, read, removeProjects, runCli, TEST_CONFIG } from './helpers.js';
import { INJECTED_RULE, injectRule } from './inject.js';

afterEach(removeProjects);

const CLEAN_JS = 'export function add(a, b) {\n  return a + b;\n}\n';

describe('numerics check: usage', () => {
  it('prints help and exits 0', async () => {
    const run = await runCli(['--help'], makeProject({}));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^numerics: /);
    for (const flag of ['--fix', '--suggestions', '--rule', '--dry-run', '--format', '--config-preset', '--no-config']) {
      expect(run.stdout).toContain(flag);
    }
  });

  it('prints the version and exits 0', async () => {
    const run = await runCli(['--version'], makeProject({}));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`eslint-plugin-numerics ${PACKAGE_VERSION}`);
    expect(run.stdout).toMatch(/ESLint \d+\./);
  });

  it.each([
    [['--bogus'], /Unknown option/],
    [['--config-preset', 'loose'], /--config-preset must be one of/],
    [['--max-warnings', 'many'], /--max-warnings/],
    [['--config', 'x.mjs', '--no-config'], /cannot be used together/],
    [['does-not-exist'], /no such file or directory: does-not-exist/],
    [['--format', 'no-such-formatter', '.'], /cannot load formatter/],
    [['--no-config', '--rule', 'no-such-rule', '.'], /unknown rule no-such-rule/],
  ])('exits 2 on usage error %j', async (args, message) => {
    const root = makeProject({ 'a.js': CLEAN_JS });
    const run = await runCli(args, root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe('numerics check: embedded default config', () => {
  it('exits 0 on clean code and prints the summary on stderr', async () => {
    const root = makeProject({ 'src/a.js': CLEAN_JS, 'src/b.mjs': CLEAN_JS, 'src/c.cjs': 'module.exports = 1;\n' });
    const run = await runCli([], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('3 files scanned, 0 findings');
  });

  it('the `check` subcommand is the default', async () => {
    const root = makeProject({ 'a.js': CLEAN_JS });
    const explicit = await runCli(['check', 'a.js'], root);
    const implicit = await runCli(['a.js'], root);
    expect(explicit).toEqual(implicit);
    expect(explicit.stderr).toContain('1 file scanned');
  });

  it('parses TypeScript with @typescript-eslint/parser (and .tsx, .mts, .cts)', async () => {
    const root = makeProject({
      'src/model.ts': [
        'interface Batch<T> { xs: readonly T[]; scale?: number }',
        'export function total<T extends number>(batch: Batch<T>): number {',
        '  const xs = batch.xs as number[];',
        '  return xs.reduce((a: number, b: number) => a + b, 0) * (batch.scale ?? 1);',
        '}',
        'export type Pair = [number, number];',
        'enum Mode { Train, Eval }',
        'export const mode: Mode = Mode.Train;',
        '',
      ].join('\n'),
      'src/view.tsx': 'export const View = (p: { n: number }) => <div>{p.n}</div>;\n',
      'src/m.mts': 'export const m: number = 1;\n',
      'src/c.cts': 'const c: number = 1;\nexport = c;\n',
      'src/plain.jsx': 'export const V = () => <span />;\n',
    });
    const run = await runCli(['--format', 'json'], root);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { fatal?: boolean }[] }[];
    expect(results.map((r) => r.filePath.replace(/.*src\//, '')).sort()).toEqual([
      'c.cts',
      'm.mts',
      'model.ts',
      'plain.jsx',
      'view.tsx',
    ]);
    expect(results.flatMap((r) => r.messages)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('reports a parse error in a .js file as an error (exit 1)', async () => {
    const root = makeProject({ 'bad.js': 'const x: number = 1;\n' });
    const run = await runCli(['bad.js'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Parsing error/);
    expect(run.stderr).toContain('could not be parsed');
  });

  it('exits 1 on findings and prints them with the stylish formatter', async () => {
    const restore = injectRule();
    try {
      const root = makeProject({ 'src/a.js': 'export const naiveSum = 1;\n', 'src/b.js': CLEAN_JS });
      const run = await runCli(['src'], root);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('src/a.js');
      expect(run.stdout).toMatch(/1:14\s+error\s+naiveSum loses precision\s+numerics\/cli-test-only/);
      expect(run.stdout).toMatch(/1 problem \(1 error, 0 warnings\)/);
      expect(run.stderr).toContain('2 files scanned, 1 finding');
      expect(run.stderr).toMatch(new RegExp(`numerics/${INJECTED_RULE}\\s+1\\s+1 autofixable`));
      expect(run.stderr).toContain('run `numerics fix`');
    } finally {
      restore();
    }
  });

  it('--config-preset picks the embedded preset and --rule the rules', async () => {
    const restore = injectRule();
    try {
      const root = makeProject({ 'a.js': 'export const naiveSum = 1;\n' });
      // The injected rule is only in `recommended`; `strict` and `all` were computed before it existed.
      expect((await runCli(['--config-preset', 'recommended'], root)).code).toBe(1);
      expect((await runCli(['--config-preset', 'all'], root)).code).toBe(0);
      // --rule enables the named rule whatever the preset.
      expect((await runCli(['--config-preset', 'all', '--rule', INJECTED_RULE], root)).code).toBe(1);
    } finally {
      restore();
    }
  });

  it('skips node_modules and dist', async () => {
    const restore = injectRule();
    try {
      const root = makeProject({
        'a.js': CLEAN_JS,
        'node_modules/pkg/index.js': 'export const naiveSum = 1;\n',
        'dist/out.js': 'export const naiveSum = 1;\n',
        'lib/dist/out.js': 'export const naiveSum = 1;\n',
      });
      const run = await runCli([], root);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('1 file scanned');
    } finally {
      restore();
    }
  });

  it('ignores disable comments for rules of other plugins', async () => {
    const restore = injectRule();
    try {
      const root = makeProject({
        'a.ts': [
          '/* eslint-disable react/no-danger */',
          '// eslint-disable-next-line @typescript-eslint/no-explicit-any',
          'export const x: any = 1;',
          'export const y = 2; // eslint-disable-line no-console',
          '// eslint-disable-next-line numerics/cli-test-only',
          'export const naiveSum = 3;',
          '',
        ].join('\n'),
      });
      const run = await runCli(['--fix'], root);
      expect(run.stdout).toBe('');
      expect(run.code).toBe(0);
      expect(run.stderr).toContain('1 file scanned, 0 findings');
      expect(read(root, 'a.ts')).toContain('export const naiveSum = 3;');
    } finally {
      restore();
    }
  });

  it('--max-warnings turns warnings into a failing exit code', async () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'a.js': 'export const opaque = 1;\n' });
    expect((await runCli([], root)).code).toBe(0);
    expect((await runCli(['--max-warnings', '1'], root)).code).toBe(0);
    const run = await runCli(['--max-warnings', '0'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('too many warnings (1, maximum 0)');
  });
});

describe('numerics check: user config', () => {
  const FINDINGS = 'export const naiveSum = 1;\nexport const risky = 2;\nexport const opaque = 3;\nexport const other = 4;\n';

  it('uses the eslint.config.* that ESLint finds from cwd', async () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'src/a.js': FINDINGS });
    const run = await runCli(['src'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('numerics/test-fix');
    expect(run.stdout).toContain('numerics/test-suggest');
    expect(run.stdout).toContain('numerics/test-report');
    // Only numerics/* rules run from a user config by default.
    expect(run.stdout).not.toContain('other/test-other');
    expect(run.stderr).toContain('1 file scanned, 3 findings');
    expect(run.stderr).toMatch(/numerics\/test-fix\s+1\s+1 autofixable/);
    expect(run.stderr).toMatch(/numerics\/test-suggest\s+1\s+1 suggestion-only/);
    expect(run.stderr).toMatch(/numerics\/test-report\s+1\s+1 report-only/);
  });

  it('finds the config from a subfolder cwd too', async () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'src/a.js': FINDINGS });
    const run = await runCli(['a.js'], `${root}/src`);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('numerics/test-fix');
  });

  it('--all-rules runs every rule the config enables', async () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'a.js': FINDINGS });
    const run = await runCli(['--all-rules'], root);
    expect(run.stdout).toContain('other/test-other');
  });

  it('honours the ignores of the user config', async () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'ignored-by-config/a.js': FINDINGS, 'b.js': CLEAN_JS });
    const run = await runCli(['--format', 'json'], root);
    expect(run.code).toBe(0);
    const files = (JSON.parse(run.stdout) as { filePath: string }[]).map((r) => r.filePath.slice(root.length + 1));
    expect(files.sort()).toEqual(['b.js', 'eslint.config.mjs']);
  });

  it('--no-config uses the embedded default even when a user config exists', async () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'a.js': FINDINGS });
    const run = await runCli(['--no-config', 'a.js'], root);
    expect(run.stdout).not.toContain('numerics/test-');
    expect(run.stderr).toContain('1 file scanned');
  });

  it('--config names a config file explicitly', async () => {
    const root = makeProject({ 'configs/numerics.config.mjs': TEST_CONFIG, 'a.js': FINDINGS });
    expect((await runCli(['a.js'], root)).code).toBe(0); // no config found: embedded default
    const run = await runCli(['--config', 'configs/numerics.config.mjs', 'a.js'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('numerics/test-fix');
  });

  it('says when --config-preset is ignored, and when the config enables no numerics rule', async () => {
    const root = makeProject({
      'eslint.config.mjs': 'export default [{ rules: { semi: "error" } }];\n',
      'a.js': CLEAN_JS,
    });
    const run = await runCli(['--config-preset', 'strict'], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('--config-preset is ignored because eslint.config.mjs is used');
    expect(run.stderr).toContain('eslint.config.mjs enables no numerics rules');
  });

  it('does not report unused disable comments of rules it does not run', async () => {
    const root = makeProject({
      'eslint.config.mjs': TEST_CONFIG,
      'a.js': '// eslint-disable-next-line no-console\nconsole.log(1);\n',
    });
    const run = await runCli(['--fix'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });
});
