/**
 * Lint one corpus file with every rule of the plugin (syntax only, no type information) through ESLint's
 * `Linter`, catch a rule's crash, and check its fixes: each fix and each suggestion applied alone must parse,
 * the whole-file `--fix` output must parse, and fixing that output again must change nothing.
 */
import { readFileSync } from 'node:fs';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../../src/index.js';
import type { CorpusFile } from './files.js';

export type Lang = 'module' | 'commonjs' | 'script' | 'ts';

const FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/** Parse modes to try for a file, in order: a `.js` file that is not a module is retried as CommonJS, then script. */
export function langsFor(rel: string): Lang[] {
  if (/\.[cm]?tsx?$/.test(rel)) return ['ts'];
  if (rel.endsWith('.cjs')) return ['commonjs', 'script'];
  if (rel.endsWith('.mjs')) return ['module'];
  return ['module', 'commonjs', 'script'];
}

export function languageOptions(lang: Lang, rel: string): Linter.LanguageOptions {
  const jsx = rel.endsWith('.jsx');
  if (lang === 'ts') return { parser: tsParser as Linter.Parser, sourceType: 'module' };
  return { ecmaVersion: 'latest', sourceType: lang, parserOptions: { ecmaFeatures: { jsx } } };
}

/** The plugin's `all` config: every rule, as `numerics/<name>`. */
export const NUMERICS_RULES = plugin.configs.all.rules as Linter.RulesRecord;
export const NUMERICS_PLUGINS = plugin.configs.all.plugins as unknown as Record<string, NonNullable<Linter.Config['plugins']>[string]>;
export const RULE_NAMES = Object.keys(NUMERICS_RULES).map((id) => id.replace(/^numerics\//, '')).sort();

/**
 * A flat config for one parse mode. Inline `eslint-disable` comments of the corpus target the packages' own
 * lint setups, not this plugin: they are ignored (`noInlineConfig`), so a blanket disable cannot hide a finding.
 */
export function configFor(
  lang: Lang,
  rel: string,
  rules: Linter.RulesRecord = NUMERICS_RULES,
  plugins: Linter.Config['plugins'] = NUMERICS_PLUGINS,
): Linter.Config[] {
  return [
    {
      files: FILES,
      languageOptions: languageOptions(lang, rel),
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      plugins,
      rules,
    },
  ];
}

export interface Finding {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  message: string;
  /** The source line (a window of it around the finding when the line is long). */
  code: string;
  /** The autofix's replacement text, if the finding has an autofix. */
  fix?: string;
  suggestions: string[];
}

export interface BadFix {
  rule: string;
  line: number;
  kind: 'fix' | 'suggestion' | 'fix-all';
  error: string;
  /** The code around the fixed range after the fix. */
  output: string;
}

export interface Crash {
  rule: string | null;
  phase: 'lint' | 'fix';
  message: string;
  stack: string;
}

export interface FileResult {
  file: CorpusFile;
  lang: Lang | null;
  lines: number;
  ms: number;
  /** The source itself did not parse in any mode (a corpus problem, not the plugin's). */
  parseError?: string;
  crash?: Crash;
  findings: Finding[];
  badFixes: BadFix[];
  /** Rules whose fixes still apply after a full `--fix` run (the second run was not a no-op). */
  unstable: { rules: string[] } | null;
}

export interface LintOptions {
  /** Check fixes and suggestions (default true). */
  checkFixes?: boolean;
  linter?: Linter;
}

function codeWindow(lines: string[], line: number, column: number): string {
  const text = lines[line - 1] ?? '';
  if (text.length <= 200) return text.trim();
  const start = Math.max(0, column - 80);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 200).trim()}${start + 200 < text.length ? '…' : ''}`;
}

function around(text: string, start: number, length: number): string {
  const from = Math.max(0, text.lastIndexOf('\n', Math.max(0, start - 1)));
  const lineEnd = text.indexOf('\n', start + length);
  return text.slice(from, lineEnd < 0 ? undefined : lineEnd).trim().slice(0, 400);
}

function crashOf(err: unknown, phase: Crash['phase']): Crash {
  const e = err instanceof Error ? err : new Error(String(err));
  const rule = /Rule: "([^"]+)"/.exec(e.message)?.[1] ?? null;
  return {
    rule,
    phase,
    message: e.message.split('\n')[0]!,
    stack: (e.stack ?? '').split('\n').slice(1, 8).join('\n'),
  };
}

/** The first parse error of `code` in mode `lang`, or null when it parses. */
export function parseError(linter: Linter, code: string, lang: Lang, filename: string): string | null {
  const messages = linter.verify(code, configFor(lang, filename, {}, {}), { filename });
  const fatal = messages.find((m) => m.fatal);
  return fatal ? `${fatal.line}:${fatal.column} ${fatal.message}` : null;
}

function applyFix(code: string, fix: { range: [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

/** The virtual filename a corpus file is linted under (package-qualified, relative: flat config matches it). */
export function virtualName(file: CorpusFile): string {
  return `corpus/${file.pkg.name}/${file.rel}`;
}

export function lintFile(file: CorpusFile, options: LintOptions = {}): FileResult {
  const linter = options.linter ?? new Linter({ configType: 'flat' });
  const code = readFileSync(file.abs, 'utf8');
  const filename = virtualName(file);
  const lines = code.split(/\r\n|\r|\n/);
  const result: FileResult = { file, lang: null, lines: lines.length, ms: 0, findings: [], badFixes: [], unstable: null };
  const t0 = performance.now();

  let messages: Linter.LintMessage[] | null = null;
  let firstError: string | undefined;
  for (const lang of langsFor(file.rel)) {
    let msgs: Linter.LintMessage[];
    try {
      msgs = linter.verify(code, configFor(lang, file.rel), { filename });
    } catch (err) {
      result.lang = lang;
      result.crash = crashOf(err, 'lint');
      result.ms = performance.now() - t0;
      return result;
    }
    const fatal = msgs.find((m) => m.fatal);
    if (fatal) {
      firstError ??= `${fatal.line}:${fatal.column} ${fatal.message}`;
      continue;
    }
    result.lang = lang;
    messages = msgs;
    break;
  }
  if (!messages || !result.lang) {
    result.parseError = firstError;
    result.ms = performance.now() - t0;
    return result;
  }
  const lang = result.lang;

  for (const m of messages) {
    if (!m.ruleId?.startsWith('numerics/')) continue;
    result.findings.push({
      rule: m.ruleId.slice('numerics/'.length),
      line: m.line,
      column: m.column,
      endLine: m.endLine ?? m.line,
      message: m.message,
      code: codeWindow(lines, m.line, m.column),
      fix: m.fix?.text,
      suggestions: (m.suggestions ?? []).map((s) => s.fix.text),
    });
  }
  result.ms = performance.now() - t0;

  if (options.checkFixes === false) return result;
  const numericsMessages = messages.filter((m) => m.ruleId?.startsWith('numerics/'));
  for (const m of numericsMessages) {
    const rule = m.ruleId!.slice('numerics/'.length);
    const candidates: { kind: BadFix['kind']; fix: { range: [number, number]; text: string } }[] = [];
    if (m.fix) candidates.push({ kind: 'fix', fix: m.fix });
    for (const s of m.suggestions ?? []) candidates.push({ kind: 'suggestion', fix: s.fix });
    for (const { kind, fix } of candidates) {
      const output = applyFix(code, fix);
      const error = parseError(linter, output, lang, filename);
      if (error) result.badFixes.push({ rule, line: m.line, kind, error, output: around(output, fix.range[0], fix.text.length) });
    }
  }
  if (numericsMessages.some((m) => m.fix)) {
    const config = configFor(lang, file.rel);
    let fixed: Linter.FixReport;
    try {
      fixed = linter.verifyAndFix(code, config, { filename });
    } catch (err) {
      result.crash = crashOf(err, 'fix');
      return result;
    }
    const error = parseError(linter, fixed.output, lang, filename);
    if (error) {
      const rules = [...new Set(numericsMessages.filter((m) => m.fix).map((m) => m.ruleId!.slice('numerics/'.length)))];
      result.badFixes.push({ rule: rules.join('+'), line: Number(error.split(':')[0]), kind: 'fix-all', error, output: '' });
    } else {
      // verifyAndFix stops when a pass applies no fix: its last pass linted the output, so fixable messages left
      // there mean it gave up after ten passes, and a second `--fix` run would still change the file.
      const stillFixable = fixed.messages.filter((m) => m.ruleId?.startsWith('numerics/') && m.fix);
      if (stillFixable.length > 0) {
        result.unstable = { rules: [...new Set(stillFixable.map((m) => `${m.ruleId!.slice('numerics/'.length)}@${m.line}`))] };
      }
    }
  }
  return result;
}
