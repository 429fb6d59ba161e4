/**
 * Fix-equivalence harness: lint a snippet with numerics rules, apply the fixes, and prove the rewrite is safe.
 *
 * For one snippet that defines (or exports) a function `f`:
 *
 * 1. **Fix.** Lint with ESLint's `Linter` (flat config; `@typescript-eslint/parser` for TS files, espree for JS) and
 *    apply every autofix (`verifyAndFix`), or, in `suggest` mode, the first suggestion of each finding (or the one
 *    `suggestion` names, by index or `messageId`; rule `options` go to every rule under test). Fails when no
 *    finding of the rules under test was fixed, when the output does not parse, when a second pass changes anything
 *    (unstable fix) or when findings of the rules under test remain (one `eslint --fix` run must converge).
 * 2. **Type-check** original and fixed code in memory with the TypeScript compiler API against the real types
 *    (`@tensorflow/tfjs` from node_modules; `eslint-plugin-numerics/kernels` mapped to `src/kernels/index.ts` with
 *    `paths`). The fixed code may not add a semantic diagnostic the original did not have (and by default the
 *    original must be clean, so the comparison means something). JS files are checked with `checkJs`.
 * 3. **Evaluate** both: `ts.transpileModule` to CommonJS, run with a `require` shim that maps `@tensorflow/tfjs`
 *    (and `-core`) to the real tf module and `eslint-plugin-numerics/kernels` to the kernels module. Tensor results
 *    are read with `await t.array()`.
 * 4. **Compare** element by element (see {@link compareResults}): where the original is finite the fixed result
 *    must equal it within the tolerance of the domain; where the original is not finite (overflow to ±Infinity,
 *    underflow to -Infinity, Infinity − Infinity = NaN) the fixed result must be finite and match the
 *    high-precision reference; `improve` inputs (cancellation: the original is finite but wrong) must match the
 *    reference while the original does not; `reference` inputs (a documented change of value, e.g. a floor at ε that
 *    is active on a finite original) must match the reference whatever the original gives.
 *
 * Usage: a rule's table is an array of {@link FixCase} (code, expected output fragments, a reference function,
 * labelled inputs with an {@link Expectation}, optionally a fast-check `property`), declared with
 * `describeFixEquivalence('<rule>', cases)`: one `it` per case; the table is skipped while the rule is not
 * registered; all originals and outputs of a table are type-checked in one batch. A case with `knownBug` is a
 * reproducer for an unfixed rule bug: it passes while the failure matches `symptom` and fails once the bug is fixed.
 * The pieces (`fixAndCheck`, `applySuggestions`, `typeCheck`, `loadFunction`, `evaluate`, `compareResults`) are
 * exported for ad-hoc use.
 *
 * Tolerances (`TOLERANCE`):
 * - `float64` (plain numbers): original vs fixed within 1e-12 relative, with a 1e-12 absolute floor. The naive
 *   forms round differently from the kernels (the kernels are within a few ulps; a naive `log(Σ exp)` carries an
 *   *absolute* error of about (n + 1)·2⁻⁵³ from the sum, which is a large *relative* error when the result is
 *   near 0, hence the floor). Against the 60-digit reference: 8 ulps or 1e-15 absolute.
 * - `float32` (TF.js tensors, computed in float32 on the cpu backend): 1e-5 relative with a 1e-5 absolute floor.
 *   Each float32 op rounds by ≤ 2⁻²⁴ ≈ 6e-8; an n-term sum then a `log` gives an absolute error of about
 *   n·2⁻²⁴ in each form, and the two forms round differently (max-shifted vs not), so for the n ≤ 64 used here the
 *   difference is ≤ 4e-6 < 1e-5, while a wrong axis, a lost term of weight ≥ 1e-4 or a sign error is far outside.
 *   Against the float64 reference (computed from the float32-rounded inputs): the same 1e-5, or 8 float32 ulps.
 * - `ulps` tolerances (`{ ulps: 4 }`) compare ulp distance in the domain's format; used by `prefer-log1p` /
 *   `prefer-expm1`, where "the same value" means a few ulps.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import fc from 'fast-check';
import ts from 'typescript';
import { beforeAll, describe, it } from 'vitest';
import plugin from '../../src/index.js';
import * as kernelsModule from '../../src/kernels/index.js';

// ---------------------------------------------------------------------------------------------------------------
// Paths

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const KERNELS_INDEX = path.join(ROOT, 'src/kernels/index.ts');
export const KERNEL_MODULE = 'eslint-plugin-numerics/kernels';
const TF_MODULES = ['@tensorflow/tfjs', '@tensorflow/tfjs-core'];

// ---------------------------------------------------------------------------------------------------------------
// 1. Lint and fix

export interface LintOptions {
  /** Rule names without the `numerics/` prefix. */
  rules: readonly string[];
  /** File name; its extension picks the parser (`.ts`/`.mts`/`.cts` → @typescript-eslint/parser) and `.cjs`/`.cts` → commonjs. */
  filename?: string;
  /** `settings.numerics`. */
  settings?: Record<string, unknown>;
  /** Rule options (`[{ checkLength: true }]`), given to every rule under test. Default: none (the rule's defaults). */
  options?: readonly unknown[];
  /**
   * `suggest` mode: which suggestion of each finding to apply — an index into its suggestions or a suggestion
   * `messageId`. Default 0 (the first). A finding without that suggestion is left alone (and then counts as a
   * remaining finding).
   */
  suggestion?: SuggestionChoice;
}

export type FixMode = 'fix' | 'suggest';

/** A suggestion by its index among a finding's suggestions, or by its `messageId`. */
export type SuggestionChoice = number | string;

/** The suggestion of `message` that `choice` names (see {@link LintOptions.suggestion}), or undefined. */
export function chooseSuggestion(message: Linter.LintMessage, choice: SuggestionChoice = 0): Linter.LintSuggestion | undefined {
  const suggestions = message.suggestions ?? [];
  return typeof choice === 'number' ? suggestions[choice] : suggestions.find((s) => s.messageId === choice);
}

export interface FixRun {
  code: string;
  output: string;
  /** Findings of the rules under test on the original code. */
  before: Linter.LintMessage[];
  /** Findings of the rules under test left on the output. */
  after: Linter.LintMessage[];
  /** How many findings of the original carried the fix (or suggestion) that was applied. */
  fixable: number;
}

const linter = new Linter();

function isTsFile(filename: string): boolean {
  return /\.[cm]?tsx?$/.test(filename);
}

function sourceTypeOf(filename: string): 'module' | 'commonjs' {
  return /\.c[jt]s$/.test(filename) ? 'commonjs' : 'module';
}

export function hasRule(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(plugin.rules, name);
}

function lintConfig(options: LintOptions, withRules = true): Linter.Config[] {
  const filename = options.filename ?? 'case.ts';
  for (const rule of options.rules) {
    if (!hasRule(rule)) throw new Error(`numerics/${rule} is not registered in the plugin (rules: ${Object.keys(plugin.rules).join(', ')})`);
  }
  return [
    {
      files: ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: sourceTypeOf(filename),
        ...(isTsFile(filename) ? { parser: tsParser as unknown as Linter.Parser } : {}),
      },
      plugins: withRules ? { numerics: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] } : {},
      rules: withRules ? Object.fromEntries(options.rules.map((rule) => [`numerics/${rule}`, ['error', ...(options.options ?? [])] as Linter.RuleEntry])) : {},
      settings: options.settings ? { numerics: options.settings } : {},
    },
  ];
}

/** Lint `code` with only the given numerics rules; returns all messages (fatal parse errors included). */
export function lint(code: string, options: LintOptions): Linter.LintMessage[] {
  return linter.verify(code, lintConfig(options), { filename: options.filename ?? 'case.ts' });
}

/** Parse errors of `code` (with the parser the file name selects), as strings. */
export function parseErrors(code: string, filename = 'case.ts'): string[] {
  return linter
    .verify(code, lintConfig({ rules: [], filename }, false), { filename })
    .filter((m) => m.fatal)
    .map((m) => `${m.line}:${m.column} ${m.message}`);
}

function ours(messages: Linter.LintMessage[], options: LintOptions): Linter.LintMessage[] {
  const ids = new Set(options.rules.map((rule) => `numerics/${rule}`));
  return messages.filter((m) => m.fatal || (m.ruleId !== null && ids.has(m.ruleId)));
}

/** Apply every autofix of the rules under test (ESLint's own fix loop: up to 10 passes). */
export function applyAutofixes(code: string, options: LintOptions): FixRun {
  const before = ours(lint(code, options), options);
  const result = linter.verifyAndFix(code, lintConfig(options), { filename: options.filename ?? 'case.ts' });
  return { code, output: result.output, before, after: ours(result.messages, options), fixable: before.filter((m) => m.fix).length };
}

/**
 * Apply the first suggestion (or the one `options.suggestion` chooses) of each finding of the rules under test
 * (non-overlapping per pass, up to 10 passes).
 */
export function applySuggestions(code: string, options: LintOptions): FixRun {
  const before = ours(lint(code, options), options);
  const chosen = (m: Linter.LintMessage) => chooseSuggestion(m, options.suggestion);
  let output = code;
  let messages = before;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = messages
      .map((m) => chosen(m)?.fix)
      .filter((fix): fix is NonNullable<typeof fix> => fix !== undefined)
      .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    if (fixes.length === 0) break;
    let text = '';
    let end = 0;
    for (const fix of fixes) {
      if (fix.range[0] < end) continue; // overlaps an applied fix: next pass
      text += output.slice(end, fix.range[0]) + fix.text;
      end = fix.range[1];
    }
    output = text + output.slice(end);
    messages = ours(lint(output, options), options);
    if (messages.some((m) => m.fatal)) break;
  }
  return { code, output, before, after: messages, fixable: before.filter((m) => chosen(m) !== undefined).length };
}

export interface CheckedFix extends FixRun {
  mode: FixMode;
}

function describeMessages(messages: Linter.LintMessage[]): string {
  return messages.map((m) => `  ${m.line}:${m.column} ${m.ruleId ?? 'fatal'}: ${m.message}`).join('\n') || '  (none)';
}

/**
 * Fix (or apply suggestions) and assert the policy: something was fixed, the output parses, a second pass is a
 * no-op, and no finding of the rules under test remains (unless `allowRemaining`).
 */
export function fixAndCheck(code: string, options: LintOptions & { mode?: FixMode; allowRemaining?: boolean }): CheckedFix {
  const mode = options.mode ?? 'fix';
  const filename = options.filename ?? 'case.ts';
  const originalParse = parseErrors(code, filename);
  if (originalParse.length > 0) throw new Error(`the original does not parse:\n${originalParse.join('\n')}\n${code}`);

  const run = mode === 'fix' ? applyAutofixes(code, options) : applySuggestions(code, options);
  const context = `\n--- original ---\n${code}\n--- output ---\n${run.output}\n--- findings before ---\n${describeMessages(run.before)}\n--- findings after ---\n${describeMessages(run.after)}`;
  const which = options.suggestion === undefined ? 'a suggestion' : `suggestion ${JSON.stringify(options.suggestion)}`;
  if (run.fixable === 0) throw new Error(`expected a ${mode === 'fix' ? 'fixable finding' : `finding with ${which}`} of ${options.rules.join(', ')}, found none${context}`);
  if (run.output === code) throw new Error(`nothing changed${context}`);

  const outputParse = parseErrors(run.output, filename);
  if (outputParse.length > 0) throw new Error(`the fixed output does not parse:\n${outputParse.join('\n')}${context}`);

  const again = mode === 'fix' ? applyAutofixes(run.output, options) : applySuggestions(run.output, options);
  if (again.output !== run.output) throw new Error(`unstable: a second ${mode} pass changed the output\n--- second pass ---\n${again.output}${context}`);
  if (!options.allowRemaining && run.after.length > 0) throw new Error(`findings of ${options.rules.join(', ')} remain after one ${mode} run${context}`);
  return { ...run, mode };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Type-check in memory

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  allowJs: true,
  checkJs: true,
  esModuleInterop: true,
  types: ['node'],
  paths: { [KERNEL_MODULE]: [KERNELS_INDEX] },
  // every snippet is a module, so a batch of them can share one program
  moduleDetection: ts.ModuleDetectionKind.Force,
};

/** Parsed library/`node_modules`/kernel source files, shared by every program of the process (they never change). */
const sourceFileCache = new Map<string, ts.SourceFile | undefined>();
const previousPrograms = new Map<boolean, ts.Program>();
let virtualCounter = 0;

export interface SourceToCheck {
  code: string;
  /** Default `case.ts`; the extension decides TS or JS (`checkJs`). */
  filename?: string;
}

function isJsFile(filename: string): boolean {
  return /\.[cm]?jsx?$/.test(filename);
}

function formatDiagnostic(d: ts.Diagnostic): string {
  const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  return `${where ? `${where.line + 1}:${where.character + 1} ` : ''}TS${d.code}: ${message}`;
}

/** One program over several virtual files (each a module); returns the diagnostics of each. */
function checkProgram(files: readonly { name: string; code: string }[], js: boolean): string[][] {
  // JS files: no annotations to speak of, so implicit `any` is not an error (everything else of `strict` applies).
  const options: ts.CompilerOptions = js ? { ...COMPILER_OPTIONS, noImplicitAny: false } : COMPILER_OPTIONS;
  const virtual = new Map(files.map((file) => [file.name, file.code]));
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const code = virtual.get(fileName);
    if (code !== undefined) return ts.createSourceFile(fileName, code, languageVersion, true);
    const key = `${fileName}\0${typeof languageVersion === 'object' ? languageVersion.languageVersion : languageVersion}`;
    if (!sourceFileCache.has(key)) sourceFileCache.set(key, getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate));
    return sourceFileCache.get(key);
  };
  host.fileExists = (fileName) => virtual.has(fileName) || fileExists.call(host, fileName);
  host.readFile = (fileName) => virtual.get(fileName) ?? readFile.call(host, fileName);
  const program = ts.createProgram({ rootNames: [...virtual.keys()], options, host, oldProgram: previousPrograms.get(js) });
  previousPrograms.set(js, program);
  return files.map((file) => {
    const sourceFile = program.getSourceFile(file.name)!;
    return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map(formatDiagnostic).sort();
  });
}

/**
 * Semantic (and syntactic) diagnostics of each source, type-checked in memory as files placed in
 * `tests/fix-equivalence/` (nothing is written; every file is a module). One program for the TS files and one for
 * the JS files, so the TF.js declarations are resolved once per batch. Returns `line:col TS<code>: <message>` strings.
 */
export function typeCheckMany(sources: readonly SourceToCheck[]): string[][] {
  const results: string[][] = new Array(sources.length);
  for (const js of [false, true]) {
    const group = sources
      .map((source, index) => ({ source, index, filename: source.filename ?? 'case.ts' }))
      .filter((item) => isJsFile(item.filename) === js);
    if (group.length === 0) continue;
    const files = group.map((item) => ({
      name: path.join(ROOT, 'tests/fix-equivalence', `__virtual_${++virtualCounter}__${path.extname(item.filename) || '.ts'}`).replace(/\\/g, '/'),
      code: item.source.code,
    }));
    checkProgram(files, js).forEach((diagnostics, i) => {
      results[group[i].index] = diagnostics;
    });
  }
  return results;
}

/** Diagnostics of one source (see {@link typeCheckMany}). */
export function typeCheck(code: string, filename = 'case.ts'): string[] {
  return typeCheckMany([{ code, filename }])[0];
}

function withoutPosition(diagnostic: string): string {
  return diagnostic.replace(/^\d+:\d+ /, '');
}

/**
 * Compare the diagnostics of original and fixed; fails when the fixed code has a diagnostic (by code and message)
 * that the original does not, or (with `requireCleanOriginal`) when the original itself has diagnostics.
 */
export function compareDiagnostics(
  original: string,
  fixed: string,
  diagnostics: { original: string[]; fixed: string[] },
  requireCleanOriginal = true,
): { original: string[]; fixed: string[] } {
  const { original: before, fixed: after } = diagnostics;
  if (requireCleanOriginal && before.length > 0) throw new Error(`the original does not type-check:\n${before.join('\n')}\n${original}`);
  const known = new Set(before.map(withoutPosition));
  const added = after.filter((d) => !known.has(withoutPosition(d)));
  if (added.length > 0) throw new Error(`the fixed code adds type errors:\n${added.join('\n')}\n--- fixed ---\n${fixed}`);
  return diagnostics;
}

/** Type-check original and fixed (in one program) and {@link compareDiagnostics}. */
export function typeCheckFix(original: string, fixed: string, filename = 'case.ts', requireCleanOriginal = true): { original: string[]; fixed: string[] } {
  const [before, after] = typeCheckMany([
    { code: original, filename },
    { code: fixed, filename },
  ]);
  return compareDiagnostics(original, fixed, { original: before, fixed: after }, requireCleanOriginal);
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Evaluate

type TfModule = typeof import('@tensorflow/tfjs');
let tfPromise: Promise<TfModule> | undefined;

/** The real `@tensorflow/tfjs`, on the cpu backend (loaded once, on first use). */
export function loadTf(): Promise<TfModule> {
  tfPromise ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    await tf.ready();
    return tf;
  })();
  return tfPromise;
}

export interface Runtime {
  tf: TfModule;
  kernels: Record<string, unknown>;
  /** Extra modules for the `require` shim. */
  modules?: Record<string, unknown>;
}

export async function defaultRuntime(): Promise<Runtime> {
  return { tf: await loadTf(), kernels: kernelsModule as Record<string, unknown> };
}

/**
 * Transpile `code` to CommonJS and run it with a `require` shim; returns the function named `fn` (exported, assigned
 * to `module.exports`, or a top-level declaration).
 */
export function loadFunction(code: string, filename: string, runtime: Runtime, fn = 'f'): (...args: unknown[]) => unknown {
  const { outputText, diagnostics } = ts.transpileModule(code, {
    fileName: filename,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, allowJs: true },
  });
  if (diagnostics && diagnostics.length > 0) {
    throw new Error(`transpile failed: ${diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`);
  }
  const modules: Record<string, unknown> = {
    ...Object.fromEntries(TF_MODULES.map((name) => [name, runtime.tf])),
    [KERNEL_MODULE]: runtime.kernels,
    ...runtime.modules,
  };
  const shim = (name: string): unknown => {
    if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
    throw new Error(`require shim: unexpected module '${name}'`);
  };
  const module = { exports: {} as Record<string, unknown> };
  const local: Record<string, unknown> = {};
  const body = `${outputText}\n;try { __local.f = ${fn}; } catch (error) { /* not a top-level binding */ }`;
  new Function('exports', 'require', 'module', '__local', body)(module.exports, shim, module, local);
  const exported = module.exports as Record<string, unknown> | ((...args: unknown[]) => unknown);
  const candidate = typeof exported === 'function' ? exported : (exported[fn] ?? (exported.default as Record<string, unknown> | undefined)?.[fn] ?? local.f);
  if (typeof candidate !== 'function') throw new Error(`the code defines no function '${fn}'\n${code}`);
  return candidate as (...args: unknown[]) => unknown;
}

/** A tensor argument: materialised as a fresh float32 `tf.tensor` per call. */
export interface TensorArg {
  readonly kind: 'tensor';
  readonly data: unknown;
  readonly shape?: readonly number[];
}

export function tensor(data: unknown, shape?: readonly number[]): TensorArg {
  return { kind: 'tensor', data, shape };
}

function isTensorArg(value: unknown): value is TensorArg {
  return typeof value === 'object' && value !== null && (value as TensorArg).kind === 'tensor';
}

function mapNested(value: unknown, fn: (x: number) => number): unknown {
  return Array.isArray(value) ? value.map((v) => mapNested(v, fn)) : typeof value === 'number' ? fn(value) : value;
}

/** Arguments for a call: tensor specs become tensors; plain values are copied (so `f` cannot mutate the case). */
function materialise(args: readonly unknown[], tf: TfModule): unknown[] {
  return args.map((arg) => (isTensorArg(arg) ? tf.tensor(arg.data as number[], arg.shape as number[] | undefined, 'float32') : mapNested(arg, (x) => x)));
}

/** Arguments as the reference sees them: tensor data rounded to float32 (what the tensor holds), plain values as is. */
export function referenceArgs(args: readonly unknown[]): unknown[] {
  return args.map((arg) => (isTensorArg(arg) ? mapNested(arg.data, Math.fround) : arg));
}

function isTensor(value: unknown): value is { array(): Promise<unknown>; dispose(): void } {
  return typeof value === 'object' && value !== null && typeof (value as { array?: unknown }).array === 'function' && typeof (value as { dataSync?: unknown }).dataSync === 'function';
}

/** Tensors → nested arrays (`await t.array()`), typed arrays → arrays, numbers as is. */
export async function toPlain(value: unknown): Promise<unknown> {
  if (isTensor(value)) {
    const array = await value.array();
    value.dispose();
    return array;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return Promise.all(value.map(toPlain));
  return value;
}

/** Call `fn` on the arguments (tensors created fresh, disposed afterwards) and return a plain result. */
export async function evaluate(fn: (...args: unknown[]) => unknown, args: readonly unknown[], tf: TfModule): Promise<unknown> {
  const call = materialise(args, tf);
  try {
    return await toPlain(await fn(...call));
  } finally {
    for (const arg of call) if (isTensor(arg)) arg.dispose();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Compare

export type Domain = 'float64' | 'float32';

export interface Tolerance {
  /** |a − b| ≤ abs + rel·|b| passes … */
  rel?: number;
  abs?: number;
  /** … and so does an ulp distance (in the domain's format) ≤ ulps. */
  ulps?: number;
}

export const TOLERANCE: Record<Domain, { same: Tolerance; reference: Tolerance }> = {
  float64: { same: { rel: 1e-12, abs: 1e-12 }, reference: { ulps: 8, abs: 1e-15 } },
  float32: { same: { rel: 1e-5, abs: 1e-5 }, reference: { rel: 1e-5, abs: 1e-5, ulps: 8 } },
};

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

function orderedBits64(x: number): bigint {
  f64[0] = x;
  const bits = i64[0];
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

function orderedBits32(x: number): number {
  f32[0] = x;
  const bits = i32[0];
  return bits < 0 ? -(bits & 0x7fffffff) : bits;
}

/** Number of representable values between a and b in the domain's format (Infinity for non-finite). */
export function ulpDistance(a: number, b: number, domain: Domain): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Object.is(a, b) ? 0 : Infinity;
  if (domain === 'float32') return Math.abs(orderedBits32(a) - orderedBits32(b));
  const d = orderedBits64(a) - orderedBits64(b);
  return Number(d < 0n ? -d : d);
}

export function isClose(a: number, b: number, tolerance: Tolerance, domain: Domain): boolean {
  if (Object.is(a, b) || a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const diff = Math.abs(a - b);
  if ((tolerance.rel !== undefined || tolerance.abs !== undefined) && diff <= (tolerance.abs ?? 0) + (tolerance.rel ?? 0) * Math.abs(b)) return true;
  return tolerance.ulps !== undefined && ulpDistance(a, b, domain) <= tolerance.ulps;
}

/** Leaves of a nested result with their index path; fails on a non-numeric leaf. */
function leaves(value: unknown, at = ''): { at: string; x: number }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${at}[${i}]`));
  if (typeof value === 'number') return [{ at, x: value }];
  throw new Error(`result${at} is not a number or an array of numbers: ${String(value)}`);
}

function shapeOf(value: unknown): unknown {
  return Array.isArray(value) ? value.map(shapeOf) : typeof value;
}

/**
 * - `auto` (default): element-wise, finite original → fixed equals it (or, when the original is itself off the
 *   reference, e.g. a sum of subnormal exps, fixed matches the reference); non-finite original → fixed is finite
 *   and matches the reference (or equals a non-finite reference).
 * - `same`: every original element is finite and the fixed result equals it within the `same` tolerance.
 * - `rescue`: as `auto`, and some original element must be non-finite (the input really overflows/underflows).
 * - `improve`: every fixed element matches the reference, and some original element does not (cancellation:
 *   finite but wrong), so the input really shows the improvement.
 * - `reference`: every fixed element matches the reference, whatever the original gives — for a documented change of
 *   value on a finite original (a guard that is active there: a floor at ε applied to 0 < x < ε).
 */
export type Expectation = 'auto' | 'same' | 'rescue' | 'improve' | 'reference';

export interface Comparison {
  ok: boolean;
  problems: string[];
  original: unknown;
  fixed: unknown;
  reference: unknown;
}

export function compareResults(
  original: unknown,
  fixed: unknown,
  reference: unknown,
  options: { domain: Domain; expect?: Expectation; same?: Tolerance; referenceTolerance?: Tolerance; checkReference?: boolean },
): Comparison {
  const { domain } = options;
  const expectation = options.expect ?? 'auto';
  const same = options.same ?? TOLERANCE[domain].same;
  const refTol = options.referenceTolerance ?? TOLERANCE[domain].reference;
  const problems: string[] = [];
  const report = (): Comparison => ({ ok: problems.length === 0, problems, original, fixed, reference });

  if (JSON.stringify(shapeOf(original)) !== JSON.stringify(shapeOf(fixed))) {
    problems.push(`shape differs: original ${JSON.stringify(original)} vs fixed ${JSON.stringify(fixed)}`);
    return report();
  }
  const o = leaves(original);
  const x = leaves(fixed);
  const r = reference === undefined ? undefined : leaves(reference);
  if (r && r.length !== o.length) {
    problems.push(`reference has ${r.length} elements, the result ${o.length}`);
    return report();
  }
  if (expectation === 'same' && o.some((e) => !Number.isFinite(e.x))) problems.push(`expected a finite original (ordinary input), got ${JSON.stringify(original)}`);
  if (expectation === 'rescue' && o.every((e) => Number.isFinite(e.x))) problems.push(`expected the original to overflow/underflow somewhere, got ${JSON.stringify(original)}`);
  if (expectation === 'improve' && r && o.every((e, i) => isClose(e.x, r[i].x, refTol, domain))) {
    problems.push(`the original ${JSON.stringify(original)} already matches the reference ${JSON.stringify(reference)} within ${JSON.stringify(refTol)}: the input does not show the improvement`);
  }

  for (let i = 0; i < o.length; i++) {
    const at = o[i].at || '(scalar)';
    const ref = r?.[i].x;
    const got = x[i].x;
    const orig = o[i].x;
    if (expectation === 'improve' || expectation === 'reference') {
      if (ref === undefined) throw new Error(`\`${expectation}\` needs a reference`);
      if (!isClose(got, ref, refTol, domain)) problems.push(`${at}: fixed ${got} is not within ${JSON.stringify(refTol)} of the reference ${ref} (${ulpDistance(got, ref, domain)} ulps)`);
      continue;
    }
    if (Number.isFinite(orig)) {
      // `auto` lets the fixed result leave an original that is itself off the reference (gradual underflow: a sum
      // of subnormal exps keeps a bit or two) provided it moves onto the reference; `same` does not.
      const improves = expectation === 'auto' && ref !== undefined && Number.isFinite(ref) && !isClose(orig, ref, refTol, domain) && isClose(got, ref, refTol, domain);
      if (!isClose(got, orig, same, domain) && !improves) problems.push(`${at}: fixed ${got} differs from the finite original ${orig} (${ulpDistance(got, orig, domain)} ulps; tolerance ${JSON.stringify(same)})`);
    } else if (ref === undefined) {
      if (!Number.isFinite(got)) problems.push(`${at}: the original is ${orig} and the fixed result ${got} is not finite either`);
    } else if (!Number.isFinite(ref)) {
      if (!Object.is(got, ref)) problems.push(`${at}: the reference is ${ref}; fixed gives ${got}`);
    } else if (!Number.isFinite(got)) {
      problems.push(`${at}: the original is ${orig}; the fixed result ${got} is not finite (reference ${ref})`);
    } else if (!isClose(got, ref, refTol, domain)) {
      problems.push(`${at}: the original is ${orig}; fixed ${got} is not within ${JSON.stringify(refTol)} of the reference ${ref}`);
    }
    if ((options.checkReference ?? true) && ref !== undefined && Number.isFinite(orig) && Number.isFinite(ref) && !isClose(got, ref, refTol, domain)) {
      // the fixed code must be accurate too, not merely as inaccurate as the original
      problems.push(`${at}: fixed ${got} is not within ${JSON.stringify(refTol)} of the reference ${ref} (${ulpDistance(got, ref, domain)} ulps)`);
    }
  }
  return report();
}

// ---------------------------------------------------------------------------------------------------------------
// Prepared cases and tables

export interface InputCase {
  /** Shown in failures: `ordinary`, `overflow`, `underflow`, `mixed`, `near 0`, … */
  label: string;
  args: readonly unknown[];
  expect?: Expectation;
  /** Overrides the case's `same` tolerance for this input (e.g. a looser bound on ill-conditioned data). */
  same?: Tolerance;
  /** Overrides the case's `referenceTolerance` for this input (e.g. `{ ulps: 0 }`: the fixed result must be exact). */
  referenceTolerance?: Tolerance;
}

export interface FixCase {
  name: string;
  code: string;
  /** Default `case.ts`. Use `.js` for plain JS, `.cjs` for `require` files. */
  filename?: string;
  /** Default: the table's rule. */
  rules?: readonly string[];
  mode?: FixMode;
  /** `suggest` mode: the suggestion to apply, by index or `messageId` (default: the first). */
  suggestion?: SuggestionChoice;
  settings?: Record<string, unknown>;
  /** Rule options for the rules under test. */
  options?: readonly unknown[];
  /** Strings (or patterns) the fixed output must contain, e.g. `'tf.logSumExp(x, 1, true)'`. */
  expectOutput?: readonly (string | RegExp)[];
  /** Strings (or patterns) the fixed output must not contain, e.g. `'Math.exp'`. */
  rejectOutput?: readonly (string | RegExp)[];
  /** Exported (or top-level) function to call. Default `f`. */
  fn?: string;
  /** `float32` for tensor code. Default: `float32` when an input has a tensor argument, else `float64`. */
  domain?: Domain;
  /** Reference value for the arguments (tensor data arrives rounded to float32). */
  reference?: (...args: never[]) => unknown;
  same?: Tolerance;
  referenceTolerance?: Tolerance;
  inputs: readonly InputCase[];
  /** fast-check: generated argument lists, compared with `auto` expectations. */
  property?: { args: fc.Arbitrary<readonly unknown[]>; numRuns?: number; seed?: number };
  /** Allow the original to have type errors (the fixed code still may not add any). */
  allowOriginalTypeErrors?: boolean;
  /**
   * A reproducer for a rule bug that is not fixed yet: the test passes while the case fails with an error matching
   * `symptom`, and fails (asking to drop the flag) once the case passes, or when it fails some other way.
   */
  knownBug?: { description: string; symptom: RegExp };
}

export interface PreparedCase {
  fix: CheckedFix;
  types: { original: string[]; fixed: string[] };
  original: (...args: unknown[]) => unknown;
  fixed: (...args: unknown[]) => unknown;
  runtime: Runtime;
}

/** Step 1 for one case: fix and check, including the expected/rejected output patterns. */
export function fixCase(testCase: FixCase, rules: readonly string[]): CheckedFix {
  const filename = testCase.filename ?? 'case.ts';
  const fix = fixAndCheck(testCase.code, {
    rules: testCase.rules ?? rules,
    filename,
    settings: testCase.settings,
    options: testCase.options,
    mode: testCase.mode,
    suggestion: testCase.suggestion,
  });
  for (const pattern of testCase.expectOutput ?? []) {
    const found = typeof pattern === 'string' ? fix.output.includes(pattern) : pattern.test(fix.output);
    if (!found) throw new Error(`the fixed output lacks ${String(pattern)}\n--- output ---\n${fix.output}`);
  }
  for (const pattern of testCase.rejectOutput ?? []) {
    const found = typeof pattern === 'string' ? fix.output.includes(pattern) : pattern.test(fix.output);
    if (found) throw new Error(`the fixed output still contains ${String(pattern)}\n--- output ---\n${fix.output}`);
  }
  return fix;
}

/** Steps 1–2 computed ahead (see {@link describeFixEquivalence}, which batches the type checks of a table). */
export interface Precomputed {
  fix?: CheckedFix;
  diagnostics?: { original: string[]; fixed: string[] };
  /** Step 1 failed: rethrown by {@link prepareCase}. */
  error?: unknown;
}

/** Steps 1–3 for one case: fix and check, type-check, load both functions. */
export async function prepareCase(
  testCase: FixCase,
  defaults: { rules: readonly string[]; runtime?: Runtime },
  precomputed?: Precomputed,
): Promise<PreparedCase> {
  if (precomputed?.error !== undefined) throw precomputed.error;
  const filename = testCase.filename ?? 'case.ts';
  const fix = precomputed?.fix ?? fixCase(testCase, defaults.rules);
  const requireClean = !testCase.allowOriginalTypeErrors;
  const types = precomputed?.diagnostics
    ? compareDiagnostics(testCase.code, fix.output, precomputed.diagnostics, requireClean)
    : typeCheckFix(testCase.code, fix.output, filename, requireClean);
  const runtime = defaults.runtime ?? (await defaultRuntime());
  const name = testCase.fn ?? 'f';
  return { fix, types, original: loadFunction(testCase.code, filename, runtime, name), fixed: loadFunction(fix.output, filename, runtime, name), runtime };
}

/** Steps 1–2 for a whole table: fix every case, then type-check every original and output in one batch. */
export function precompute(cases: readonly FixCase[], rules: readonly string[]): Precomputed[] {
  const results: Precomputed[] = cases.map((testCase) => {
    try {
      return { fix: fixCase(testCase, rules) };
    } catch (error) {
      return { error };
    }
  });
  const sources = cases.flatMap((testCase, i) => {
    const fix = results[i].fix;
    return fix ? [{ code: testCase.code, filename: testCase.filename }, { code: fix.output, filename: testCase.filename }] : [];
  });
  const diagnostics = typeCheckMany(sources);
  let next = 0;
  for (const result of results) {
    if (!result.fix) continue;
    result.diagnostics = { original: diagnostics[next], fixed: diagnostics[next + 1] };
    next += 2;
  }
  return results;
}

function domainOf(testCase: FixCase, args: readonly unknown[]): Domain {
  return testCase.domain ?? (args.some(isTensorArg) ? 'float32' : 'float64');
}

/** Step 4 for one input: run both, compare. */
export async function checkInput(prepared: PreparedCase, testCase: FixCase, input: InputCase): Promise<Comparison> {
  const { tf } = prepared.runtime;
  const original = await evaluate(prepared.original, input.args, tf);
  const reference = testCase.reference ? (testCase.reference as (...args: unknown[]) => unknown)(...referenceArgs(input.args)) : undefined;
  let fixed: unknown;
  try {
    fixed = await evaluate(prepared.fixed, input.args, tf);
  } catch (error) {
    return { ok: false, problems: [`the fixed code throws where the original returned: ${String(error)}`], original, fixed: undefined, reference };
  }
  return compareResults(original, fixed, reference, {
    domain: domainOf(testCase, input.args),
    expect: input.expect,
    same: input.same ?? testCase.same,
    referenceTolerance: input.referenceTolerance ?? testCase.referenceTolerance,
  });
}

function formatArgs(args: readonly unknown[]): string {
  return JSON.stringify(args.map((a) => (isTensorArg(a) ? { tensor: a.data, shape: a.shape } : a)));
}

function failure(testCase: FixCase, prepared: PreparedCase, label: string, args: readonly unknown[], comparison: Comparison): string {
  return [
    `${testCase.name} — input "${label}": ${formatArgs(args)}`,
    ...comparison.problems.map((p) => `  ${p}`),
    `  original → ${JSON.stringify(comparison.original)}`,
    `  fixed    → ${JSON.stringify(comparison.fixed)}`,
    `  reference→ ${JSON.stringify(comparison.reference)}`,
    '--- fixed code ---',
    prepared.fix.output,
  ].join('\n');
}

/** Run a whole case: prepare, then every input and the property (if any); throws with a full report on failure. */
export async function runFixCase(
  testCase: FixCase,
  defaults: { rules: readonly string[]; runtime?: Runtime },
  precomputed?: Precomputed,
): Promise<PreparedCase> {
  const prepared = await prepareCase(testCase, defaults, precomputed);
  const failures: string[] = [];
  for (const input of testCase.inputs) {
    const comparison = await checkInput(prepared, testCase, input);
    if (!comparison.ok) failures.push(failure(testCase, prepared, input.label, input.args, comparison));
  }
  if (failures.length > 0) throw new Error(failures.join('\n\n'));
  if (testCase.property) {
    const { args, numRuns = 40, seed = 20240601 } = testCase.property;
    await fc.assert(
      fc.asyncProperty(args, async (generated) => {
        const comparison = await checkInput(prepared, testCase, { label: 'generated', args: generated });
        if (!comparison.ok) throw new Error(failure(testCase, prepared, 'generated', generated, comparison));
      }),
      { numRuns, seed, endOnFailure: true },
    );
  }
  return prepared;
}

/**
 * Declare the tests of a rule's table: one `it` per case (fix, parse, stability, type-check, values on every input,
 * and the fast-check property). The table is skipped (not failed) while the rule is not yet registered.
 */
export function describeFixEquivalence(rule: string, cases: readonly FixCase[]): void {
  describe.skipIf(!hasRule(rule))(`fix equivalence: numerics/${rule}`, () => {
    let runtime: Runtime;
    let precomputed: Precomputed[];
    beforeAll(async () => {
      runtime = await defaultRuntime();
      precomputed = precompute(cases, [rule]);
    });
    cases.forEach((testCase, index) => {
      const bug = testCase.knownBug;
      const run = () => runFixCase(testCase, { rules: [rule], runtime }, precomputed[index]);
      if (!bug) {
        it(testCase.name, async () => {
          await run();
        });
        return;
      }
      it(`${testCase.name} [known bug: ${bug.description}]`, async () => {
        let error: unknown;
        try {
          await run();
        } catch (caught) {
          error = caught;
        }
        if (error === undefined) throw new Error(`known bug "${bug.description}" no longer reproduces: remove \`knownBug\` from the case`);
        if (!bug.symptom.test(String(error))) throw error;
      });
    });
  });
}

