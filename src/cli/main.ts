// The `numerics` command: check and fix numerically unstable code with ESLint's Node API.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ESLint as DefaultESLint } from 'eslint';
import type { ESLint, Linter } from 'eslint';
import plugin from '../index.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../version.js';
import { applyBaseline, createBaseline, DEFAULT_BASELINE_FILE, readBaseline } from './baseline.js';
import { EMBEDDED_IGNORED_DIRS, embeddedConfig, loadTsParser } from './config.js';
import { collectFiles, TS_EXTENSIONS } from './files.js';
import { fixText, unifiedDiff, writeFileAtomic } from './fix.js';
import { HELP, parseCli, UsageError, type CliOptions } from './options.js';
import { createProgress } from './progress.js';
import { formatSummary, summarize } from './summary.js';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Everything `main` touches outside its arguments; tests pass their own. */
export interface MainContext {
  /** Working folder: paths, config lookup and output are relative to it. Default `process.cwd()`. */
  cwd?: string;
  stdout?: OutputStream;
  stderr?: OutputStream;
  /** The ESLint class to use (default: the `eslint` package this package resolves, ESLint 9 or 10). */
  ESLint?: typeof DefaultESLint;
}

type ESLintClass = typeof DefaultESLint;
type RuleAccept = (ruleId: string) => boolean;

/** Runs the command; resolves to the exit code (0 clean, 1 errors, 2 usage error or crash). */
export async function main(argv: string[], context: MainContext = {}): Promise<number> {
  const stdout = context.stdout ?? process.stdout;
  const stderr = context.stderr ?? process.stderr;
  const ESLintImpl = context.ESLint ?? DefaultESLint;
  try {
    const options = parseCli(argv);
    if (options.help) {
      stdout.write(HELP);
      return 0;
    }
    if (options.version) {
      stdout.write(`${PACKAGE_NAME} ${PACKAGE_VERSION} (ESLint ${ESLintImpl.version})\n`);
      return 0;
    }
    return await run(options, {
      cwd: path.resolve(context.cwd ?? process.cwd()),
      stdout,
      stderr,
      ESLint: ESLintImpl,
    });
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`numerics: ${error.message}\nRun \`numerics --help\` for usage.\n`);
    } else {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      stderr.write(`numerics: ${text}\n`);
    }
    return 2;
  }
}

interface RunContext {
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
  ESLint: ESLintClass;
}

function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [maj = 0, min = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  return maj > major || (maj === major && min >= minor);
}

function relative(cwd: string, file: string): string {
  return path.relative(cwd, file) || file;
}

/**
 * Drops messages of rules outside the run: ESLint versions without the `ruleFilter` option report them,
 * and a disable comment for a rule the config does not define (`@typescript-eslint/...` under the
 * embedded config) gives "Definition for rule ... was not found".
 */
function filterResult(result: ESLint.LintResult, accept: RuleAccept): ESLint.LintResult {
  const messages = result.messages.filter((m) => !m.ruleId || accept(m.ruleId));
  if (messages.length === result.messages.length) return result;
  const count = (severity: number, fixable: boolean) =>
    messages.filter((m) => m.severity === severity && (!fixable || m.fix !== undefined)).length;
  return {
    ...result,
    messages,
    errorCount: count(2, false),
    warningCount: count(1, false),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
    fatalErrorCount: messages.filter((m) => m.fatal).length,
  };
}

async function run(options: CliOptions, ctx: RunContext): Promise<number> {
  const { cwd, stderr } = ctx;
  const note = (text: string) => stderr.write(`numerics: ${text}\n`);

  // 1. Which config: an explicit file, the embedded default, or the user's own (ESLint's lookup from cwd).
  let userConfigFile: string | undefined;
  if (options.configFile !== undefined) {
    userConfigFile = path.resolve(cwd, options.configFile);
    const exists = await readFile(userConfigFile).then(
      () => true,
      () => false,
    );
    if (!exists) throw new UsageError(`config file not found: ${options.configFile}`);
  } else if (!options.noConfig) {
    userConfigFile = await new ctx.ESLint({ cwd }).findConfigFile();
  }
  const embedded = userConfigFile === undefined;
  if (!embedded && options.presetGiven) {
    note(
      `--config-preset is ignored because ${relative(cwd, userConfigFile!)} is used; add --no-config to use the preset`,
    );
  }

  const ruleIds = new Set(options.rules.map((name) => `numerics/${name}`));
  if (embedded && options.rules.length > 0) {
    const unknown = options.rules.filter((name) => !Object.hasOwn(plugin.rules, name));
    if (unknown.length > 0) {
      const known = Object.keys(plugin.rules).sort();
      throw new UsageError(
        `unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; ` +
          (known.length > 0 ? `known rules: ${known.join(', ')}` : 'this build has no rules'),
      );
    }
  }
  const accept: RuleAccept = (ruleId) => {
    if (ruleIds.size > 0) return ruleIds.has(ruleId);
    return (options.allRules && !embedded) || ruleId.startsWith('numerics/');
  };

  // 2. Files.
  const { files, missing } = await collectFiles(options.paths, {
    cwd,
    gitignore: options.gitignore,
    skipDirs: embedded ? EMBEDDED_IGNORED_DIRS : undefined,
  });
  if (missing.length > 0) {
    throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
  }

  // 3. ESLint instances: `checker` lints, `fixer` lints with the fixes of the selected rules applied.
  const tsParser =
    embedded && files.some((file) => TS_EXTENSIONS.has(path.extname(file))) ? await loadTsParser() : undefined;
  const linterOptions: Linter.LinterOptions = {};
  if (!(options.allRules && !embedded)) {
    // Only part of the user's rules run, so their other disable comments would look unused (and
    // `--fix` would delete them).
    linterOptions.reportUnusedDisableDirectives = 'off';
    if (versionAtLeast(ctx.ESLint.version, 9, 19)) {
      (linterOptions as Record<string, unknown>).reportUnusedInlineConfigs = 'off';
    }
  }
  const baseOptions: ESLint.Options = {
    cwd,
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    globInputPaths: false,
    overrideConfig: { name: 'numerics-cli/linter-options', linterOptions },
    ...(embedded
      ? {
          overrideConfigFile: true,
          baseConfig: embeddedConfig({ preset: options.preset, rules: options.rules, tsParser }),
        }
      : { overrideConfigFile: options.configFile !== undefined ? userConfigFile : undefined }),
  };
  let ruleFilterSupported = true;
  const create = (extra: ESLint.Options): ESLint => {
    if (ruleFilterSupported) {
      try {
        return new ctx.ESLint({ ...baseOptions, ...extra, ruleFilter: ({ ruleId }) => accept(ruleId) });
      } catch (error) {
        if (!(error instanceof Error && /ruleFilter/.test(error.message))) throw error;
        ruleFilterSupported = false;
      }
    }
    return new ctx.ESLint({ ...baseOptions, ...extra });
  };
  const checker = create({});
  const fixer = options.fix
    ? create({ fix: (message: Linter.LintMessage) => message.ruleId != null && accept(message.ruleId) })
    : undefined;
  const singleRuleFixers = new Map<string, ESLint>();
  const fixerFor = (ruleId: string): ESLint => {
    let eslint = singleRuleFixers.get(ruleId);
    if (!eslint) {
      eslint = create({ fix: (message: Linter.LintMessage) => message.ruleId === ruleId });
      singleRuleFixers.set(ruleId, eslint);
    }
    return eslint;
  };

  // Load the formatter before linting, so a bad --format fails fast.
  const format = await loadFormat(checker, options.format, cwd);

  if (files.length === 0) {
    note(`no .js/.cjs/.mjs/.jsx/.ts/.cts/.mts/.tsx files to lint in ${options.paths.join(', ')}`);
  }

  // 4. Lint.
  const progress = createProgress(stderr, files.length);
  let before: ESLint.LintResult[] = [];
  // Lint in chunks only to move the bar; otherwise in one call.
  const CHUNK = progress.active ? 25 : Math.max(1, files.length);
  for (let i = 0; i < files.length; i += CHUNK) {
    progress.update(i, files.length, 'linting');
    before.push(...(await checker.lintFiles(files.slice(i, i + CHUNK))));
  }
  progress.done();
  before = before.map((result) => filterResult(result, accept));

  if (!embedded && !options.allRules && files.length > 0 && before.length > 0) {
    await warnIfNoNumericsRules(checker, before[0].filePath, userConfigFile!, ruleIds, ctx);
  }

  if (options.command === 'baseline') {
    const target = path.resolve(cwd, options.baseline ?? DEFAULT_BASELINE_FILE);
    const baseline = await createBaseline(before, cwd, `${PACKAGE_NAME} ${PACKAGE_VERSION}`);
    await writeReport(target, JSON.stringify(baseline, null, 2));
    const total = baseline.findings.reduce((n, entry) => n + entry.count, 0);
    note(`recorded ${total} finding${total === 1 ? '' : 's'} in ${relative(cwd, target)}; run \`numerics check --baseline ${relative(cwd, target)}\` to fail only on new ones`);
    return 0;
  }

  // 5. Fix.
  let after: ESLint.LintResult[] | undefined;
  const suggestionsApplied = new Map<string, number>();
  const diffs: string[] = [];
  let filesChanged = 0;
  let writeFailures = 0;
  if (fixer) {
    after = [];
    for (const [index, result] of before.entries()) {
      progress.update(index, before.length, 'fixing');
      const wanted = result.messages.some(
        (m) =>
          m.ruleId &&
          accept(m.ruleId) &&
          (m.fix !== undefined || (options.suggestions && (m.suggestions?.length ?? 0) > 0)),
      );
      if (!wanted || result.fatalErrorCount > 0) {
        after.push(result);
        continue;
      }
      const file = result.filePath;
      const original = await readFile(file, 'utf8');
      const fixed = await fixText(file, original, {
        fixer,
        fixerFor,
        checker,
        suggestions: options.suggestions,
        accept,
      });
      for (const problem of fixed.problems) note(`${relative(cwd, file)}: ${problem}`);
      if (fixed.text === original) {
        after.push(result);
        continue;
      }
      // Safe write: the fixed text is linted once more and must parse.
      let [final] = await checker.lintText(fixed.text, { filePath: file, warnIgnored: false });
      if (!final || final.fatalErrorCount > 0) {
        const fatal = final?.messages.find((m) => m.fatal);
        note(`${relative(cwd, file)}: fixed text does not parse (${fatal?.message ?? 'ignored'}); file left unchanged`);
        after.push(result);
        continue;
      }
      final = filterResult(final, accept);
      if (options.dryRun) {
        diffs.push(unifiedDiff(cwd, file, original, fixed.text));
      } else {
        let written = false;
        try {
          written = await writeFileAtomic(file, fixed.text, original);
          if (!written) note(`${relative(cwd, file)}: changed on disk during the run; not written`);
        } catch (error) {
          writeFailures++;
          note(`${relative(cwd, file)}: cannot write: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (!written) {
          after.push(result);
          continue;
        }
      }
      filesChanged++;
      for (const [ruleId, count] of fixed.suggestionsApplied) {
        suggestionsApplied.set(ruleId, (suggestionsApplied.get(ruleId) ?? 0) + count);
      }
      const { output: _output, ...rest } = final;
      after.push(rest as ESLint.LintResult);
    }
  }
  progress.done();
  let results = after ?? before;
  if (options.baseline !== undefined) {
    const baselineFile = path.resolve(cwd, options.baseline);
    const baseline = await readBaseline(baselineFile).catch((error: unknown) => {
      throw new UsageError(`cannot read baseline ${options.baseline}: ${error instanceof Error ? error.message : String(error)}`);
    });
    const applied = await applyBaseline(results, baseline, cwd);
    results = applied.results;
    if (applied.matched > 0) note(`${applied.matched} finding${applied.matched === 1 ? '' : 's'} recorded in ${relative(cwd, baselineFile)} not reported`);
  }

  // 6. Report.
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const maxWarningsExceeded =
    options.maxWarnings !== undefined && warnings > options.maxWarnings
      ? { maxWarnings: options.maxWarnings, foundWarnings: warnings }
      : undefined;
  if (options.dryRun) {
    if (diffs.length > 0) ctx.stdout.write(diffs.join(''));
    if (options.outputFile !== undefined) {
      await writeReport(path.resolve(cwd, options.outputFile), await format(results, maxWarningsExceeded, false));
    }
  } else if (options.outputFile !== undefined) {
    await writeReport(path.resolve(cwd, options.outputFile), await format(results, maxWarningsExceeded, false));
  } else {
    const text = await format(results, maxWarningsExceeded, ctx.stdout.isTTY === true);
    if (text.length > 0) ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  stderr.write(
    formatSummary(summarize(before, after, { dryRun: options.dryRun, filesChanged, suggestionsApplied })),
  );
  if (maxWarningsExceeded) {
    note(`too many warnings (${warnings}, maximum ${options.maxWarnings})`);
  }
  if (writeFailures > 0) return 2;
  return errors > 0 || maxWarningsExceeded ? 1 : 0;
}

type Format = (
  results: ESLint.LintResult[],
  maxWarningsExceeded: ESLint.ResultsMeta['maxWarningsExceeded'],
  color: boolean,
) => Promise<string>;

async function loadFormat(eslint: ESLint, name: string, cwd: string): Promise<Format> {
  if (name === 'sarif') {
    const specifier = '@microsoft/eslint-formatter-sarif';
    const mod = (await import(specifier)) as { default?: unknown };
    const sarif = (typeof mod.default === 'function' ? mod.default : mod) as (
      results: ESLint.LintResult[],
      data: ESLint.LintResultData,
    ) => string;
    return async (results) => {
      const text = sarif(results, { cwd, rulesMeta: eslint.getRulesMetaForResults(results) });
      // The formatter looks ESLint's version up through `require.main`, which an ESM bin does not have.
      const log = JSON.parse(text) as { runs?: { tool?: { driver?: { version?: string } } }[] };
      const driver = log.runs?.[0]?.tool?.driver;
      if (driver && driver.version === undefined) driver.version = (eslint.constructor as ESLintClass).version;
      return JSON.stringify(log, null, 2);
    };
  }
  let formatter: ESLint.LoadedFormatter;
  try {
    formatter = await eslint.loadFormatter(name);
  } catch (error) {
    throw new UsageError(
      `cannot load formatter "${name}" (use stylish, json or sarif): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return async (results, maxWarningsExceeded, color) =>
    await formatter.format(results, { color, ...(maxWarningsExceeded ? { maxWarningsExceeded } : {}) });
}

async function writeReport(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text.endsWith('\n') ? text : `${text}\n`);
}

async function warnIfNoNumericsRules(
  eslint: ESLint,
  file: string,
  configFile: string,
  ruleIds: ReadonlySet<string>,
  ctx: RunContext,
): Promise<void> {
  const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, unknown> } | undefined;
  const enabled = Object.entries(config?.rules ?? {})
    .filter(([id, entry]) => {
      const level = Array.isArray(entry) ? entry[0] : entry;
      return id.startsWith('numerics/') && level !== 0 && level !== 'off';
    })
    .map(([id]) => id);
  const where = relative(ctx.cwd, configFile);
  if (enabled.length === 0) {
    ctx.stderr.write(
      `numerics: ${where} enables no numerics rules for ${relative(ctx.cwd, file)}; ` +
        'add numerics.configs.recommended to it, or run with --no-config\n',
    );
  } else {
    const off = [...ruleIds].filter((id) => !enabled.includes(id));
    if (off.length > 0) {
      ctx.stderr.write(
        `numerics: ${where} does not enable ${off.join(', ')} for ${relative(ctx.cwd, file)}; --rule only selects among enabled rules\n`,
      );
    }
  }
}
