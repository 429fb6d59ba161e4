// The command works with ESLint 9 as well as 10 (the peer range): `eslint9` is an npm alias of ESLint 9.
import type { ESLint } from 'eslint';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, read, removeProjects, runCli, TEST_CONFIG } from './helpers.js';
import { injectRule } from './inject.js';

afterEach(removeProjects);

let ESLint9: typeof ESLint;
beforeAll(async () => {
  ESLint9 = ((await import('eslint9')) as unknown as { ESLint: typeof ESLint }).ESLint;
});

const FINDINGS = 'export const naiveSum = 1;\nexport const risky = naiveSum;\nexport const opaque = 3;\n';

describe('numerics on ESLint 9', () => {
  it('is really ESLint 9', async () => {
    expect(ESLint9.version).toMatch(/^9\./);
    const root = makeProject({});
    expect((await runCli(['--version'], root, ESLint9)).stdout).toContain(`(ESLint ${ESLint9.version})`);
  });

  it('check with a user config, json and sarif', async () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'a.js': FINDINGS });
    const stylish = await runCli(['a.js'], root, ESLint9);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain('numerics/test-fix');
    const json = await runCli(['-f', 'json', 'a.js'], root, ESLint9);
    expect(JSON.parse(json.stdout)[0].messages).toHaveLength(4);
    const sarif = await runCli(['-f', 'sarif', 'a.js'], root, ESLint9);
    expect(JSON.parse(sarif.stdout).runs[0].tool.driver.version).toBe(ESLint9.version);
  });

  it('fix --suggestions and --dry-run', async () => {
    const root = makeProject({ 'eslint.config.mjs': TEST_CONFIG, 'a.js': FINDINGS });
    const dry = await runCli(['fix', '--dry-run', 'a.js'], root, ESLint9);
    expect(dry.stdout).toContain('+export const stableSum = 1;');
    expect(read(root, 'a.js')).toBe(FINDINGS);
    const run = await runCli(['fix', '--suggestions', 'a.js'], root, ESLint9);
    expect(run.code).toBe(0);
    expect(read(root, 'a.js')).toBe('export const stableSum = 1;\nexport const safe = stableSum;\nexport const opaque = 3;\n');
  });

  it('embedded default with a TypeScript file', async () => {
    const restore = injectRule();
    try {
      const root = makeProject({ 'src/a.ts': 'export const naiveSum: number = 1;\ninterface I { x: number }\n' });
      const first = await runCli(['--fix'], root, ESLint9);
      expect(first.code).toBe(0);
      expect(read(root, 'src/a.ts')).toBe('export const stableSum: number = 1;\ninterface I { x: number }\n');
    } finally {
      restore();
    }
  });
});
