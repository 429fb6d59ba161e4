// The embedded default config the `numerics` command uses when the user has no ESLint config of their own.
import type { Linter } from 'eslint';
import plugin from '../index.js';
import type { Preset } from './options.js';

export const JS_FILES = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx'];
export const TS_FILES = ['**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'];

/** Folders the embedded config ignores (node_modules is also ignored by ESLint itself). */
export const EMBEDDED_IGNORED_DIRS: ReadonlySet<string> = new Set(['node_modules', 'dist']);

export interface EmbeddedConfigOptions {
  preset: Preset;
  /** Rule names (no prefix) to run instead of the preset's rules. */
  rules: readonly string[];
  /** `@typescript-eslint/parser`, when TS files are linted. */
  tsParser?: Linter.Parser;
}

/** The rules of a preset, or exactly the rules asked for (at the preset's severity, else `error`). */
export function embeddedRules(preset: Preset, only: readonly string[]): Linter.RulesRecord {
  const presetRules = (plugin.configs[preset].rules ?? {}) as Linter.RulesRecord;
  if (only.length === 0) return { ...presetRules };
  const selected: Linter.RulesRecord = {};
  for (const name of only) {
    const id = `numerics/${name}`;
    selected[id] = presetRules[id] ?? 'error';
  }
  return selected;
}

export function embeddedConfig(options: EmbeddedConfigOptions): Linter.Config[] {
  const presetConfig = plugin.configs[options.preset] as unknown as Linter.Config;
  const config: Linter.Config[] = [
    { name: 'numerics-cli/ignores', ignores: ['**/node_modules/', '**/dist/'] },
    {
      ...presetConfig,
      name: `numerics-cli/${options.preset}`,
      files: [...JS_FILES, ...TS_FILES],
      rules: embeddedRules(options.preset, options.rules),
    },
    {
      // JSX in .js files is common in React code; with it on, plain JS parses the same.
      name: 'numerics-cli/javascript',
      files: JS_FILES,
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
  ];
  if (options.tsParser) {
    config.push({
      name: 'numerics-cli/typescript',
      files: TS_FILES,
      languageOptions: { parser: options.tsParser },
    });
  }
  return config;
}

/** Loads `@typescript-eslint/parser` (a dependency of this package; it needs `typescript`). */
export async function loadTsParser(): Promise<Linter.Parser> {
  const specifier = '@typescript-eslint/parser';
  let mod: Linter.Parser & { default?: Linter.Parser };
  try {
    mod = (await import(specifier)) as Linter.Parser & { default?: Linter.Parser };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `cannot load @typescript-eslint/parser to lint TypeScript files (${reason}). ` +
        'Install it with `npm install -D @typescript-eslint/parser typescript`.',
    );
  }
  const parser: Linter.Parser | undefined =
    typeof (mod as { parseForESLint?: unknown }).parseForESLint === 'function' ? mod : mod.default;
  if (!parser) throw new Error('@typescript-eslint/parser did not load as a parser');
  return parser;
}
