// Command-line parsing for `numerics` (node:util parseArgs, no framework).
import { parseArgs } from 'node:util';

export type Preset = 'recommended' | 'strict' | 'all';
export const PRESETS: readonly Preset[] = ['recommended', 'strict', 'all'];

export interface CliOptions {
  command: 'check' | 'fix' | 'baseline';
  /** `check --baseline <file>`: report only findings not in it; `baseline [--baseline <file>]`: where to write. */
  baseline: string | undefined;
  paths: string[];
  /** Apply fixes (`fix` command, `check --fix`, or implied by `--suggestions` / `--dry-run`). */
  fix: boolean;
  suggestions: boolean;
  dryRun: boolean;
  /** Rule names without the `numerics/` prefix. Empty: no filter. */
  rules: string[];
  format: string;
  outputFile: string | undefined;
  preset: Preset;
  presetGiven: boolean;
  configFile: string | undefined;
  noConfig: boolean;
  gitignore: boolean;
  allRules: boolean;
  maxWarnings: number | undefined;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const HELP = `numerics: find and fix numerically unstable code (ESLint plugin eslint-plugin-numerics)

Usage:
  numerics [check] [options] [paths...]   lint files and folders (default: .)
  numerics fix [options] [paths...]       apply autofixes and write the files
  numerics baseline [options] [paths...]  record today's findings (default file .numerics-baseline.json)

Paths are files or folders; folders are searched for .js .cjs .mjs .jsx .ts .cts .mts .tsx
files, skipping node_modules, .git and whatever .gitignore lists.

Configuration:
  If ESLint finds an eslint.config.* from the current directory, that config is used
  (only its numerics/* rules run unless --all-rules). Otherwise an embedded default is used:
  the numerics preset, the default parser for JS and @typescript-eslint/parser for TS,
  ignoring node_modules/ and dist/.
  --config-preset <name>   embedded preset: recommended (default), strict, all
  --no-config              use the embedded default even if an eslint.config.* exists
  -c, --config <file>      use this ESLint flat config file
  --all-rules              with a user config, run every rule it enables, not only numerics/*
  --no-gitignore           do not skip files listed in .gitignore

Fixing:
  --fix                    (check) apply autofixes and write the files
  --suggestions            also apply the first suggestion of each remaining finding
                           (codemod mode; repeats until stable, at most 10 passes); implies --fix
  --dry-run                print a unified diff on stdout instead of writing; implies --fix
                           (the report of what is left goes only to --output-file, if given)
  --rule <name>            only run this numerics rule (repeatable, or comma-separated); with
                           the embedded config it is turned on even if the preset leaves it off,
                           with a user config it selects among the rules the config enables
  A file is written only if the fixed text parses, through a temporary file and a rename.

Baseline (adopt the CI gate on a large code base):
  --baseline <file>        check: fail only on findings not recorded in <file> (matched by rule,
                           file and a fingerprint of the code, so line shifts do not matter);
                           baseline: the file to write

Output:
  -f, --format <name>      stylish (default), json, sarif, or any ESLint formatter name
  -o, --output-file <file> write the report to a file instead of stdout
  --max-warnings <n>       exit 1 when there are more than n warnings
  A summary (files scanned, findings per rule, fixed, suggestion-only, report-only) goes to stderr.

  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 no errors, 1 errors found (or left after fixing), 2 usage error, crash or a file
that could not be written.
`;

export function parseCli(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        fix: { type: 'boolean' },
        suggestions: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        'config-preset': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        'no-gitignore': { type: 'boolean' },
        'all-rules': { type: 'boolean' },
        'max-warnings': { type: 'string' },
        baseline: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  const positionals = [...parsed.positionals];

  let command: CliOptions['command'] = 'check';
  if (positionals[0] === 'check' || positionals[0] === 'fix' || positionals[0] === 'baseline') {
    command = positionals.shift() as CliOptions['command'];
  }

  const presetValue = values['config-preset'];
  if (presetValue !== undefined && !PRESETS.includes(presetValue as Preset)) {
    throw new UsageError(`--config-preset must be one of ${PRESETS.join(', ')} (got "${presetValue}")`);
  }
  if (values.config !== undefined && values['no-config']) {
    throw new UsageError('--config and --no-config cannot be used together');
  }

  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings needs a non-negative integer (got "${values['max-warnings']}")`);
    }
  }

  const rules = (values.rule ?? [])
    .flatMap((value) => value.split(','))
    .map((name) => name.trim().replace(/^numerics\//, ''))
    .filter((name) => name.length > 0);
  if ((values.rule ?? []).length > 0 && rules.length === 0) {
    throw new UsageError('--rule needs a rule name');
  }

  const format = values.format ?? 'stylish';
  if (format.trim() === '') throw new UsageError('--format needs a formatter name');

  const suggestions = values.suggestions ?? false;
  const dryRun = values['dry-run'] ?? false;

  if (command === 'baseline' && (values.fix || suggestions || dryRun)) {
    throw new UsageError('baseline records findings; it does not fix (drop --fix, --suggestions, --dry-run)');
  }

  return {
    command,
    baseline: values.baseline,
    paths: positionals.length > 0 ? positionals : ['.'],
    fix: command !== 'baseline' && (command === 'fix' || (values.fix ?? false) || suggestions || dryRun),
    suggestions,
    dryRun,
    rules: [...new Set(rules)],
    format,
    outputFile: values['output-file'],
    preset: (presetValue as Preset | undefined) ?? 'recommended',
    presetGiven: presetValue !== undefined,
    configFile: values.config,
    noConfig: values['no-config'] ?? false,
    gitignore: !(values['no-gitignore'] ?? false),
    allRules: values['all-rules'] ?? false,
    maxWarnings,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
