// eslint-doc-generator on the TypeScript sources, without a build: `npm run docs` (write) and `npm run docs:check`
// (fail when out of date) run this file; tests/meta/docs-current.test.ts runs the check inside `npm test`.
//
// The generator loads the plugin with `require(<repo root>)`, which would read the built dist/ (stale, or missing
// while a build is broken). A hook on Module._load hands it the plugin from src/ instead; everything else — the
// config in .eslint-doc-generatorrc.js, the markers, the check mode — is the generator's own CLI.
import { existsSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'eslint-doc-generator/dist/lib/cli.js';
import { generate } from 'eslint-doc-generator/dist/lib/generator.js';
import plugin from '../../src/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Load };

/**
 * The plugin the generator sees. Writing (`npm run docs`) leaves out rules that have no doc page yet, with a
 * warning, so that the pages and the table of the documented rules can be regenerated while a new rule is being
 * written; checking (`--check`, the test) sees every rule and fails on a missing page.
 */
function pluginFor(check: boolean, warn: (message: string) => void): typeof plugin {
  if (check) return plugin;
  const rules = Object.fromEntries(
    Object.entries(plugin.rules).filter(([name]) => {
      const documented = existsSync(path.join(repo, 'docs', 'rules', `${name}.md`));
      if (!documented) warn(`skipped ${name}: no docs/rules/${name}.md yet (npm run new-rule creates one from the template)`);
      return documented;
    }),
  );
  return { ...plugin, rules };
}

/** Runs `eslint-doc-generator [...args]` from the repository root; returns its exit code and error output. */
export async function runDocGenerator(args: readonly string[] = [], options: { quiet?: boolean } = {}): Promise<{ exitCode: number; errors: string }> {
  const originalLoad = moduleWithLoad._load;
  const originalError = console.error;
  const originalExitCode = process.exitCode;
  const originalCwd = process.cwd();
  let errors = '';
  const target = pluginFor(args.includes('--check'), (message) => console.warn(message));
  moduleWithLoad._load = function (this: unknown, request, parent, isMain) {
    if (path.isAbsolute(request) && path.resolve(request) === repo) return target;
    return originalLoad.call(this, request, parent, isMain);
  };
  console.error = (...parts: unknown[]) => {
    errors += `${parts.map(String).join(' ')}\n`;
    if (!options.quiet) originalError(...parts);
  };
  process.exitCode = 0;
  try {
    process.chdir(repo); // the generator finds .eslint-doc-generatorrc.js from the working directory
    await run(['node', 'eslint-doc-generator', ...args], (root, generateOptions) => generate(root, generateOptions));
    return { exitCode: Number(process.exitCode ?? 0), errors };
  } catch (error) {
    errors += `${error instanceof Error ? error.message : String(error)}\n`;
    if (!options.quiet) originalError(error instanceof Error ? error.message : error);
    return { exitCode: 1, errors };
  } finally {
    process.chdir(originalCwd);
    moduleWithLoad._load = originalLoad;
    console.error = originalError;
    process.exitCode = originalExitCode;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { exitCode } = await runDocGenerator(process.argv.slice(2));
  if (exitCode !== 0 && process.argv.includes('--check')) console.error('Docs are out of date: run `npm run docs`.');
  process.exitCode = exitCode;
}
