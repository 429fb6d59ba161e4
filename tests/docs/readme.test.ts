// The README shows real output: every ```console block that runs `npx numerics …` must show exactly what the
// command prints (stdout, then the stderr summary) when run from the repository root. Blank lines and trailing
// spaces are ignored; the checkout's absolute path is written /path/to/eslint-plugin-numerics in the README.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { HELP } from '../../src/cli/options.js';
import { codeBlocks, readPage, repo } from './markdown.js';

const SHOWN_ROOT = '/path/to/eslint-plugin-numerics';

function normalise(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
}

async function run(args: string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  await main(args, {
    cwd: repo,
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  });
  return `${stdout}\n${stderr}`.split(repo + path.sep).join(`${SHOWN_ROOT}/`);
}

// examples/eslint.config.js imports 'eslint-plugin-numerics', i.e. the built dist/ of this package: build it when
// it is missing or older than the sources (CI's `npm ci` builds it through `prepare`).
const builtPlugin = path.join(repo, 'dist/esm/src/index.js');

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

beforeAll(() => {
  const sources = Math.max(newestMtime(path.join(repo, 'src')), newestMtime(path.join(repo, 'rules')));
  if (existsSync(builtPlugin) && statSync(builtPlugin).mtimeMs >= sources) return;
  try {
    execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'pipe' });
  } catch (error) {
    if (!existsSync(builtPlugin)) throw error; // tsc emits despite type errors elsewhere in the tree
  }
}, 180_000);

const readme = readPage(path.join(repo, 'README.md'));
const commands = codeBlocks(readme)
  .filter((block) => block.lang === 'console' && block.code.startsWith('$ npx numerics '))
  .map((block) => {
    const [command, ...output] = block.code.split('\n');
    return { line: block.line, args: command.slice('$ npx numerics '.length).trim().split(/\s+/), output: output.join('\n') };
  });

describe('README.md', () => {
  it('shows the output of npx numerics examples', () => {
    expect(commands.map((command) => command.args.join(' '))).toContain('examples');
  });

  it.each(commands.map((command) => [command.args.join(' '), command] as const))('`npx numerics %s` prints what the README shows', async (_title, command) => {
    expect(normalise(await run(command.args))).toEqual(normalise(command.output));
  });

  it('mentions only options that `numerics --help` lists', () => {
    const cli = readme.split('## The `numerics` command')[1]?.split('\n## ')[0] ?? '';
    const flags = new Set([...cli.matchAll(/(?<![\w-])(--?[a-z][a-z-]*)/g)].map((m) => m[1]).filter((flag) => flag !== '-'));
    expect(flags.size).toBeGreaterThan(5);
    for (const flag of flags) expect(HELP, flag).toContain(flag);
  });

  it('links every rule page, and has the kernel, CLI, CI and development sections', () => {
    for (const heading of ['## Try it', '## Install and configure', '### Settings', '## Rules', '## Kernels', '## The `numerics` command', '## CI: GitHub code scanning', '## Development']) {
      expect(readme).toContain(`\n${heading}\n`);
    }
    expect(readme).toContain("import numerics from 'eslint-plugin-numerics';");
    expect(readme).toContain("const numerics = require('eslint-plugin-numerics');");
    expect(readme).toContain('numerics.configs.recommended');
    expect(readme).toContain("from 'eslint-plugin-numerics/kernels'");
    expect(readme).toContain('npx numerics check --format sarif > numerics.sarif');
    expect(readme).toContain('github/codeql-action/upload-sarif');
  });
});
