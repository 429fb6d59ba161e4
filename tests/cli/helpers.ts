// Shared helpers for the `numerics` command tests: temp projects and an in-process runner.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ESLint } from 'eslint';
import { main } from '../../src/cli/main.js';

const created: string[] = [];

/** A fresh folder under the OS temp dir holding `files` (paths relative to it). */
export function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'numerics-cli-'));
  created.push(root);
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

export function removeProjects(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

export function read(root: string, rel: string): string {
  return readFileSync(path.join(root, rel), 'utf8');
}

/** Every file under `root` (relative paths), for checking that nothing stray was written. */
export function listFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: string[],
  cwd: string,
  ESLintImpl?: typeof ESLint,
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    ESLint: ESLintImpl,
  });
  return { code, stdout, stderr };
}

/**
 * A user flat config that registers a tiny test plugin under the `numerics` prefix, so tests see findings
 * of every kind without depending on the real rules (which are written elsewhere):
 *   numerics/test-fix      flags `naiveSum`, autofix → `stableSum`            (error)
 *   numerics/test-suggest  flags `risky`, suggestion → `safe` (no autofix)     (error)
 *   numerics/test-report   flags `opaque`, report only                         (warn)
 *   numerics/test-broken   flags `breakme`, autofix that does not parse        (error)
 *   other/test-other       flags `other` (not a numerics rule)                 (error)
 */
export const TEST_CONFIG = `
function identifierRule(name, options) {
  return {
    meta: {
      type: 'problem',
      fixable: options.fix ? 'code' : undefined,
      hasSuggestions: Boolean(options.suggest),
      messages: { found: 'found ' + name, suggest: 'replace with ' + options.suggest },
      schema: [],
    },
    create(context) {
      return {
        Identifier(node) {
          if (node.name !== name) return;
          context.report({
            node,
            messageId: 'found',
            fix: options.fix ? (fixer) => fixer.replaceText(node, options.fix) : undefined,
            suggest: options.suggest
              ? [{ messageId: 'suggest', fix: (fixer) => fixer.replaceText(node, options.suggest) }]
              : undefined,
          });
        },
      };
    },
  };
}
const numerics = {
  rules: {
    'test-fix': identifierRule('naiveSum', { fix: 'stableSum' }),
    'test-suggest': identifierRule('risky', { suggest: 'safe' }),
    'test-report': identifierRule('opaque', {}),
    'test-broken': identifierRule('breakme', { fix: 'breakme(' }),
  },
};
const other = { rules: { 'test-other': identifierRule('other', {}) } };
export default [
  { ignores: ['ignored-by-config/**'] },
  {
    files: ['**/*.js', '**/*.ts'],
    plugins: { numerics, other },
    rules: {
      'numerics/test-fix': 'error',
      'numerics/test-suggest': 'error',
      'numerics/test-report': 'warn',
      'numerics/test-broken': 'error',
      'other/test-other': 'error',
    },
  },
];
`;
