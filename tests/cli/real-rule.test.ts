// The command with a real rule of the plugin (no-naive-logsumexp), through the embedded default config.
import { afterEach, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { listFiles, makeProject, read, removeProjects, runCli } from './helpers.js';

afterEach(removeProjects);

const RULE = 'no-naive-logsumexp';
const NAIVE_JS = 'export function lse(xs) {\n  return Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0));\n}\n';
const NAIVE_TS =
  'export function lse(xs: number[]): number {\n  return Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0));\n}\n';

describe.runIf(Boolean(plugin.rules[RULE]))(`numerics with numerics/${RULE}`, () => {
  it('check reports it in JS and TS files with the embedded default and exits 1', async () => {
    const root = makeProject({ 'src/a.js': NAIVE_JS, 'src/b.ts': NAIVE_TS });
    const run = await runCli(['--rule', RULE, 'src'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`numerics/${RULE}`);
    expect(run.stdout).toContain('src/a.js');
    expect(run.stdout).toContain('src/b.ts');
    expect(run.stderr).toMatch(new RegExp(`numerics/${RULE}\\s+2\\s+2 autofixable`));
  });

  it('is on in the recommended preset', async () => {
    const root = makeProject({ 'a.js': NAIVE_JS });
    const run = await runCli([], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`numerics/${RULE}`);
  });

  it('fix rewrites to the kernel call, the result parses, and a second run is clean', async () => {
    const root = makeProject({ 'src/a.js': NAIVE_JS, 'src/b.ts': NAIVE_TS });
    const first = await runCli(['fix', '--rule', RULE, 'src'], root);
    expect(first.stderr).toContain('2 files written');
    for (const file of ['src/a.js', 'src/b.ts']) {
      const text = read(root, file);
      expect(text).toContain('logSumExp(xs)');
      expect(text).not.toContain('Math.exp');
    }
    expect(listFiles(root)).toEqual(['src/a.js', 'src/b.ts']);
    const second = await runCli(['check', '--rule', RULE, 'src'], root);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('2 files scanned, 0 findings');
  });

  it('--dry-run shows the rewrite as a diff and leaves the file alone', async () => {
    const root = makeProject({ 'a.js': NAIVE_JS });
    const run = await runCli(['fix', '--dry-run', 'a.js'], root);
    expect(read(root, 'a.js')).toBe(NAIVE_JS);
    expect(run.stdout).toContain('--- a/a.js');
    expect(run.stdout).toContain('-  return Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0));');
    expect(run.stdout).toMatch(/^\+.*logSumExp\(xs\)/m);
  });

  it('sarif output names the rule with its docs URL', async () => {
    const root = makeProject({ 'a.js': NAIVE_JS });
    const run = await runCli(['--format', 'sarif', 'a.js'], root);
    const log = JSON.parse(run.stdout);
    expect(log.runs[0].results[0].ruleId).toBe(`numerics/${RULE}`);
    expect(log.runs[0].tool.driver.rules[0].helpUri).toContain(`docs/rules/${RULE}.md`);
  });
});
