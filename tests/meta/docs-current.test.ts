// `npm run docs:check` inside `npm test`: eslint-doc-generator in check mode, run in-process on the TypeScript
// sources (no build). The generator loads the plugin with `require(<repo root>)`, which would read the built
// dist/; a hook on Module._load hands it the plugin from src/ instead, so the check sees today's rules.
import Module from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from 'eslint-doc-generator/dist/lib/cli.js';
import { generate } from 'eslint-doc-generator/dist/lib/generator.js';
import { expect, it } from 'vitest';
import plugin from '../../src/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Load };

async function checkDocs(): Promise<{ exitCode: number; errors: string }> {
  const originalLoad = moduleWithLoad._load;
  const originalError = console.error;
  const originalExitCode = process.exitCode;
  const originalCwd = process.cwd();
  let errors = '';
  moduleWithLoad._load = function (this: unknown, request, parent, isMain) {
    if (path.isAbsolute(request) && path.resolve(request) === repo) return plugin;
    return originalLoad.call(this, request, parent, isMain);
  };
  console.error = (...args: unknown[]) => {
    errors += `${args.map(String).join(' ')}\n`;
  };
  process.exitCode = 0;
  try {
    process.chdir(repo); // the generator finds .eslint-doc-generatorrc.js from the working directory
    // The same argv as `eslint-doc-generator --check`, so the config file is read exactly as the CLI reads it.
    await run(['node', 'eslint-doc-generator', '--check'], (root, options) => generate(root, options));
    return { exitCode: Number(process.exitCode ?? 0), errors };
  } finally {
    process.chdir(originalCwd);
    moduleWithLoad._load = originalLoad;
    console.error = originalError;
    process.exitCode = originalExitCode;
  }
}

it('rule doc headers and the README rule table are current (run `npm run docs` to regenerate)', async () => {
  const { exitCode, errors } = await checkDocs();
  expect(errors).toBe('');
  expect(exitCode).toBe(0);
});
