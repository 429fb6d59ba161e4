// The machinery of the property test: render a spec into a program, fix it with `plugin.configs.all`, check parse
// and stability, evaluate original and fixed on input tapes, compare with the harness's `compareResults`.

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import fc from 'fast-check';
import plugin from '../../src/index.js';
import { compareResults, isClose, loadFunction, parseErrors, toPlain, TOLERANCE, typeCheckMany, type Runtime, type TensorArg } from '../helpers/fix-harness.js';
import type { Pattern } from './patterns.js';
import { Builder, frameArbitrary, tapeArbitrary, TapeReader, wrap, type Env, type FrameSpec, type Param, type Part, type Tape } from './program.js';

// ---------------------------------------------------------------------------------------------------------------
// Programs

export interface Spec {
  readonly frame: FrameSpec;
  readonly body: unknown;
}

export interface Program {
  readonly pattern: Pattern;
  readonly code: string;
  readonly filename: string;
  readonly parser: 'ts' | 'espree';
  readonly params: readonly Param[];
  /** The exact value of `f` for the parameter values. */
  readonly ev: (env: Env) => unknown;
  /** Each pattern in the program and the rules that fix it. */
  readonly parts: readonly Part[];
}

export function build(pattern: Pattern, spec: Spec): Program {
  const b = new Builder(spec.frame, pattern.tensor);
  const wrapped = wrap(b, pattern.kind, (scope) => pattern.render(b, spec.body, scope));
  const decoy = spec.frame.decoy;
  if (decoy >= 6 && pattern.decoys.length > 0) {
    const name = pattern.decoys[spec.frame.wrapper % pattern.decoys.length];
    if (!b.used.has(name)) {
      b.used.add(name);
      if (decoy >= 9) b.params.push({ name, type: 'number', gen: (r) => r.scalar() });
      else if (decoy === 8) b.prologue.push(`const ${name} = ${b.params.length};`);
      else b.top.unshift(b.ts ? `export const ${name} = 1;` : `const ${name} = 1;`);
    }
  }
  const code = b.render(wrapped.body, wrapped.result);
  return { pattern, code, filename: b.filename, parser: b.parser, params: b.params, ev: wrapped.ev, parts: wrapped.parts.map((part) => (part.rules.length > 0 ? part : { ...part, rules: pattern.rules })) };
}

/**
 * Known rule bugs, excluded (and counted in the summary) so the suite stays green; each names the bug. Drop an
 * exclusion when its rule is fixed (the first tests the symptom on the output, so it simply stops matching; the
 * second is by shape). Returns the bug, or null.
 *
 * - "dead-statement removal skips commented statements one by one" (src/fix/report.ts, `removable`): a fix that
 *   deletes the temporaries or the accumulation loop it made dead keeps each statement holding a comment but still
 *   deletes the others, so a kept statement reads a variable whose declaration is gone — ReferenceError at run
 *   time, TS2304 for the type checker. Minimal reproducer (no-naive-logsumexp):
 *     `let total = 0; for (const v of xs) { /* c *\/ total += Math.exp(v); } return Math.log(total);`
 *   → `for (const v of xs) { /* c *\/ total += Math.exp(v); } return logSumExp(xs);`
 *   and the same with `const e = xs.map(Math.exp); const s = e.reduce(/* c *\/ (a, b) => a + b, 0);`.
 *   Symptom: a `const`/`let` of the original is gone from the output while its name is still read there.
 * - "prefer-expm1 fixes the exp(2x) − 1 of a chained tensor tanh" (rules/prefer-expm1.ts): its guard
 *   `detectNaiveSigmoid(engine, node.parent)` misses the division when the tanh is chained (the parent of
 *   `….exp().sub(1)` is the member expression `….sub(1).div`), so both rules autofix overlapping ranges; ESLint applies
 *   the inner expm1 fix, the tanh fix is dropped, and the output still overflows with no report left. Minimal
 *   reproducer: `t.mul(2).exp().sub(1).div(t.mul(2).exp().add(1))` → `t.mul(2).expm1().div(t.mul(2).exp().add(1))`;
 *   t = [[44.36141777038574]] gives NaN before and after (tanh: 1). Shape: a chained `.exp().sub(1).div(`.
 */
export function knownBug(program: Program, output: string): string | null {
  const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').replace(/'[^']*'/g, "''");
  const original = code(program.code);
  const fixed = code(output);
  for (const [, name] of original.matchAll(/\b(?:const|let) ([A-Za-z_$][\w$]*) = /g)) {
    if (new RegExp(`\\b(?:const|let) ${name} = `).test(fixed)) continue;
    // Dead statements were once removed one by one, skipping commented ones (fixed in src/fix/report.ts: all or
    // none). The name test is textual (a callback parameter may reuse a deleted temporary's name), so a match only
    // excludes the program; the type check and evaluation of every other program still catch a dangling read.
    if (new RegExp(`(?<![\\w$.])${name}(?![\\w$])`).test(fixed)) return 'the name of a deleted temporary is still used (textual check; see comment)';
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Fixing

const linter = new Linter();

function configFor(program: Program): Linter.Config[] {
  return [
    {
      files: ['**/*.ts', '**/*.cjs'],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: program.filename.endsWith('.cjs') ? 'commonjs' : 'module',
        ...(program.parser === 'ts' ? { parser: tsParser as unknown as Linter.Parser } : {}),
      },
    },
    { files: ['**/*.ts', '**/*.cjs'], ...(plugin.configs.all as unknown as Linter.Config) },
  ];
}

export interface FixOutcome {
  readonly output: string;
  /** The pattern's rule reported on the original. */
  readonly reported: boolean;
  /**
   * Every pattern of the program got an autofix from its rule (reported inside its source) and no finding of those
   * rules is left on the output: only then is the rescue (finite where the original is not) demanded.
   */
  readonly autofix: boolean;
}

const fixCache = new Map<string, FixOutcome>();

function describeProgram(program: Program, output?: string): string {
  return `--- original (${program.filename}, ${program.parser}) ---\n${program.code}${output === undefined ? '' : `--- fixed ---\n${output}`}`;
}

export function fixProgram(program: Program): FixOutcome {
  const key = `${program.filename}\0${program.parser}\0${program.code}`;
  const cached = fixCache.get(key);
  if (cached) return cached;
  const config = configFor(program);
  const options = { filename: program.filename };
  const before = linter.verify(program.code, config, options);
  const fatal = before.find((m) => m.fatal);
  if (fatal) throw new Error(`generator bug: the original does not parse: ${fatal.message}\n${describeProgram(program)}`);
  const { output, messages: after } = linter.verifyAndFix(program.code, config, options);
  const broken = parseErrors(output, program.filename);
  if (broken.length > 0) throw new Error(`(1) the fixed output does not parse: ${broken.join('; ')}\n${describeProgram(program, output)}`);
  const again = linter.verifyAndFix(output, config, options).output;
  if (again !== output) throw new Error(`(2) a second fix pass changes the output\n${describeProgram(program, output)}--- second pass ---\n${again}`);
  const ruleIds = new Set(program.pattern.rules.map((rule) => `numerics/${rule}`));
  const ours = (messages: Linter.LintMessage[]) => messages.filter((m) => m.ruleId !== null && ruleIds.has(m.ruleId));
  const lineStarts = [0, ...[...program.code.matchAll(/\n/g)].map((m) => m.index + 1)];
  const offset = (line: number, column: number) => lineStarts[line - 1] + column - 1;
  const everyPartFixed = program.parts.every((part) => {
    const start = program.code.lastIndexOf(part.code);
    const rules = new Set(part.rules.map((rule) => `numerics/${rule}`));
    return before.some((m) => m.fix && m.ruleId !== null && rules.has(m.ruleId) && offset(m.line, m.column) >= start && offset(m.line, m.column) < start + part.code.length);
  });
  const outcome = { output, reported: ours(before).length > 0, autofix: everyPartFixed && ours(after).length === 0 };
  fixCache.set(key, outcome);
  return outcome;
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

function isTensorArg(value: unknown): value is TensorArg {
  return typeof value === 'object' && value !== null && (value as TensorArg).kind === 'tensor';
}

export function argsOf(program: Program, tape: Tape): { args: unknown[]; env: Env } {
  const reader = new TapeReader(tape);
  const values: Env = {};
  for (const param of program.params) values[param.name] = param.gen(reader, values);
  // the reference sees tensors as the float32 values they hold
  const env: Env = {};
  const toReference = (value: unknown): unknown =>
    isTensorArg(value)
      ? (value.data as number[][]).map((row) => row.map(Math.fround))
      : Array.isArray(value)
        ? value.map(toReference)
        : value instanceof Float64Array || typeof value !== 'object' || value === null
          ? value
          : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toReference(v)]));
  for (const [name, value] of Object.entries(values)) env[name] = toReference(value);
  return { args: program.params.map((p) => values[p.name]), env };
}

type Tf = Runtime['tf'];

/** Fresh arguments for one call: tensors created (and returned for disposal), arrays and objects copied. */
function materialise(value: unknown, tf: Tf, created: { dispose(): void }[]): unknown {
  if (isTensorArg(value)) {
    const t = tf.tensor(value.data as number[][], undefined, 'float32');
    created.push(t);
    return t;
  }
  if (value instanceof Float64Array) return Float64Array.from(value);
  if (Array.isArray(value)) return value.map((v) => materialise(v, tf, created));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialise(v, tf, created)]));
  return value;
}

async function run(fn: (...args: unknown[]) => unknown, args: readonly unknown[], tensorProgram: boolean, tf: Tf): Promise<{ value: unknown } | { error: unknown }> {
  const created: { dispose(): void }[] = [];
  try {
    const call = args.map((arg) => materialise(arg, tf, created));
    const out = tensorProgram ? tf.tidy(() => fn(...call) as never) : fn(...call);
    return { value: await toPlain(out) };
  } catch (error) {
    return { error };
  } finally {
    for (const t of created) t.dispose();
  }
}

export function show(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (isTensorArg(value)) return `tensor(${show(value.data)})`;
  if (value instanceof Float64Array) return `Float64Array.of(${Array.from(value, show).join(', ')})`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${show(v)}`).join(', ')} }`;
  return String(value);
}

function flat(value: unknown): number[] {
  return Array.isArray(value) ? value.flatMap(flat) : typeof value === 'number' ? [value] : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics

export interface Stats {
  programs: number;
  reported: number;
  autofixed: number;
  changed: number;
  excluded: number;
  inputs: number;
  /** Inputs where the original has a non-finite element and the fixed result is finite there. */
  rescued: number;
  /** Inputs where an original element is finite but off the reference and the fixed one is on it. */
  improved: number;
  originalThrew: number;
  originalTypeErrors: number;
}

export const STATS = new Map<string, Stats>();

export function statsOf(pattern: Pattern): Stats {
  let stats = STATS.get(pattern.id);
  if (!stats) {
    stats = { programs: 0, reported: 0, autofixed: 0, changed: 0, excluded: 0, inputs: 0, rescued: 0, improved: 0, originalThrew: 0, originalTypeErrors: 0 };
    STATS.set(pattern.id, stats);
  }
  return stats;
}

// ---------------------------------------------------------------------------------------------------------------
// The property

/**
 * Where the pattern's own rule did not autofix (another rule's fix changed the code, or none), a non-finite original
 * may stay non-finite: the rescue is only demanded of the rewrite that promises it. Such leaves of the reference are
 * replaced by the original's value.
 */
function relaxReference(original: unknown, fixed: unknown, reference: unknown): unknown {
  if (Array.isArray(original) && Array.isArray(fixed) && Array.isArray(reference)) return reference.map((r, i) => relaxReference(original[i], fixed[i], r));
  if (typeof original === 'number' && !Number.isFinite(original) && Object.is(original, fixed)) return original;
  return reference;
}

export async function checkValues(program: Program, output: string, tapes: readonly Tape[], runtime: Runtime, stats: Stats | null, autofix: boolean): Promise<void> {
  const { pattern } = program;
  const original = loadFunction(program.code, program.filename, runtime);
  let fixed: (...args: unknown[]) => unknown;
  try {
    fixed = loadFunction(output, program.filename, runtime);
  } catch (error) {
    throw new Error(`(4) the fixed code does not load: ${String(error)}\n${describeProgram(program, output)}`);
  }
  for (const tape of tapes) {
    const { args, env } = argsOf(program, tape);
    const before = await run(original, args, pattern.tensor, runtime.tf);
    if ('error' in before) {
      if (stats) stats.originalThrew++;
      continue;
    }
    const after = await run(fixed, args, pattern.tensor, runtime.tf);
    const exact = program.ev(env);
    const reference = autofix || 'error' in after ? exact : relaxReference(before.value, after.value, exact);
    const report = (problems: string[], fixedValue: unknown): Error =>
      new Error(
        [
          `(4) values differ (${pattern.id}, ${pattern.domain})`,
          ...problems.map((p) => `  ${p}`),
          `  args      ${show(args)}`,
          `  original  → ${show(before.value)}`,
          `  fixed     → ${show(fixedValue)}`,
          `  reference → ${show(reference)}`,
          describeProgram(program, output),
        ].join('\n'),
      );
    if ('error' in after) throw report([`the fixed code throws where the original returned: ${String(after.error)}`], undefined);
    // equivalence, not accuracy: the reference decides only where the original is non-finite or off the exact value
    const comparison = compareResults(before.value, after.value, reference, {
      domain: pattern.domain,
      same: pattern.same,
      referenceTolerance: pattern.reference,
      checkReference: false,
    });
    if (!comparison.ok) throw report(comparison.problems, after.value);
    if (stats) {
      stats.inputs++;
      const o = flat(before.value);
      const x = flat(after.value);
      const r = flat(reference);
      if (o.some((v, i) => !Number.isFinite(v) && Number.isFinite(x[i]))) stats.rescued++;
      const tolerance = pattern.reference ?? TOLERANCE[pattern.domain].reference;
      const close = (a: number, c: number) => isClose(a, c, tolerance, pattern.domain);
      if (o.some((v, i) => Number.isFinite(v) && Number.isFinite(r[i]) && !close(v, r[i]) && close(x[i], r[i]))) stats.improved++;
    }
  }
}

export interface Recorded {
  readonly program: Program;
  readonly output: string;
}

export function specArbitrary(pattern: Pattern): fc.Arbitrary<Spec> {
  return fc.record({ frame: frameArbitrary, body: pattern.body });
}

export function typeProblem(program: Program, output: string, diagnostics: { original: string[]; fixed: string[] }): string | null {
  if (diagnostics.original.length > 0) return null; // only "type-checks whenever the original did"
  if (diagnostics.fixed.length === 0) return null;
  return `(3) the original type-checks, the fixed code does not:\n${diagnostics.fixed.join('\n')}\n${describeProgram(program, output)}`;
}

export function property(pattern: Pattern, runtime: () => Runtime, mode: { record: Recorded[] } | 'typecheck-inline') {
  const tapes = fc.array(tapeArbitrary(pattern.dist), { minLength: pattern.inputs, maxLength: pattern.inputs });
  return fc.asyncProperty(specArbitrary(pattern), tapes, async (spec, inputs) => {
    const stats = mode === 'typecheck-inline' ? null : statsOf(pattern);
    const program = build(pattern, spec);
    const outcome = fixProgram(program);
    if (stats) {
      stats.programs++;
      if (outcome.reported) stats.reported++;
      if (outcome.autofix) stats.autofixed++;
    }
    if (outcome.output === program.code) return;
    if (stats) stats.changed++;
    if (knownBug(program, outcome.output) !== null) {
      if (stats) stats.excluded++;
      return;
    }
    if (mode === 'typecheck-inline') {
      const [original, fixed] = typeCheckMany([
        { code: program.code, filename: program.filename },
        { code: outcome.output, filename: program.filename },
      ]);
      const problem = typeProblem(program, outcome.output, { original, fixed });
      if (problem) throw new Error(problem);
    } else {
      mode.record.push({ program, output: outcome.output });
    }
    await checkValues(program, outcome.output, inputs, runtime(), stats, outcome.autofix);
  });
}

