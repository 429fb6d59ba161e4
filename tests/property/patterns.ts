// Generators of the autofixable patterns: for each, a spec arbitrary (spelling, operand shapes, temporaries) and a
// renderer that writes the pattern in that spelling and pairs it with its exact value. Spec fields shrink toward 0,
// the plainest spelling, so a failure shrinks to the simplest program that still shows it.

import fc from 'fast-check';
import type { Domain, Tolerance } from '../helpers/fix-harness.js';
import {
  arrayOperand,
  at,
  expr,
  negText,
  operandArbitrary,
  PREC,
  scalarOperand,
  tensorOperand,
  type Builder,
  type Distributions,
  type Env,
  type Expr,
  type OperandSpec,
  type Rendered,
  type Scope,
  type TapeReader,
  type ValueKind,
} from './program.js';
import {
  along2d,
  bceRef,
  expm1Ref,
  hypotRef,
  log1pRef,
  logSigmoidRef,
  logSoftmaxRef,
  lseRef,
  map2d,
  reduce2d,
  sigmoidRef,
  softmaxRef,
  softplusRef,
  tanhRef,
  varianceRef,
  xlogyRef,
} from './references.js';

export interface Pattern<S = unknown> {
  readonly id: string;
  /** The rules expected to report it (for the summary). */
  readonly rules: readonly string[];
  readonly kind: ValueKind;
  readonly tensor: boolean;
  readonly body: fc.Arbitrary<S>;
  readonly render: (b: Builder, spec: S, scope: Scope) => Rendered;
  readonly dist: Distributions;
  /** Kernel (or TF.js op) names the fix may import: declared as decoys to force an alias. */
  readonly decoys: readonly string[];
  readonly numRuns: number;
  /** Input tapes per program. */
  readonly inputs: number;
  readonly domain: Domain;
  readonly same?: Tolerance;
  readonly reference?: Tolerance;
}

function pattern<S>(p: Pattern<S>): Pattern<unknown> {
  return p as unknown as Pattern<unknown>;
}

// ---------------------------------------------------------------------------------------------------------------
// Value distributions

const uniform = (min: number, max: number): fc.Arbitrary<number> => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** ±m·10^e with e in [minExp, maxExp]. */
const logUniform = (minExp: number, maxExp: number, signed = true): fc.Arbitrary<number> =>
  fc
    .tuple(fc.integer({ min: minExp, max: maxExp }), fc.double({ min: 1, max: 9.99, noNaN: true }), fc.boolean())
    .map(([e, m, negative]) => (signed && negative ? -1 : 1) * m * 10 ** e);

const weighted = (...parts: [fc.Arbitrary<number>, number][]): fc.Arbitrary<number> =>
  fc.oneof(...parts.map(([arbitrary, weight]) => ({ arbitrary, weight })));

const arrays = (scalar: fc.Arbitrary<number>, maxLength = 8): fc.Arbitrary<number[]> => fc.array(scalar, { minLength: 1, maxLength });

/** Logits (float64): ordinary, overflowing exp (> 709.8), underflowing to 0 (< -745), and the subnormal band. */
const LOGITS64 = weighted([uniform(-30, 30), 5], [uniform(700, 1000), 2], [uniform(-1000, -746), 1], [uniform(-745, -700), 1], [fc.constant(0), 1]);
/** Logits (float32 tensors): ordinary, overflowing exp (> 88.7), underflowing to 0 (< -103.9). */
const LOGITS32 = weighted([uniform(-10, 10), 5], [uniform(89, 150), 2], [uniform(-150, -105), 1]);
/** Around 0, where log1p/expm1 matter, plus the rest of the line. */
const NEAR0 = weighted([logUniform(-300, -1), 4], [uniform(-0.999, 10), 2], [uniform(-60, 60), 1], [logUniform(1, 300, false), 1], [fc.constantFrom(0, -1, -2, 1), 1]);
const NEAR0_32 = weighted([logUniform(-30, -1), 4], [uniform(-0.9, 10), 2], [uniform(-20, 20), 1]);
/** Sigmoid arguments: saturating (|x| ≳ 37 in float64) and overflowing (|x| > 709.8). */
const SIGMOID64 = weighted([uniform(-40, 40), 4], [uniform(-1000, 1000), 2], [logUniform(-20, -1), 1], [fc.constant(0), 1]);
const SIGMOID32 = weighted([uniform(-20, 20), 4], [uniform(-150, 150), 2], [logUniform(-10, -1), 1]);
/** Coordinates: ordinary, squares overflowing (> 1.3e154), squares underflowing (< 1.5e-154). */
const COORDS = weighted([uniform(-1000, 1000), 4], [logUniform(150, 300), 2], [logUniform(-300, -150), 2], [fc.constant(0), 1]);
/** Labels in [0, 1]. */
const LABELS = [0, 1, 1, 0, 0.5, 0.25, 0.9, 0.1];
/** Probabilities with zeros (xlogy). */
const PROBS = weighted([fc.constant(0), 2], [uniform(0, 1), 4], [logUniform(-300, -1, false), 2]);

/** Data for a variance: offset + spread·u (the offset is what makes the raw moments cancel). */
const VARIANCE_DATA: fc.Arbitrary<number[]> = fc
  .record({
    offset: fc.constantFrom(0, 10, -3, 1e4, 1e8, 1e9, -1e6),
    spread: fc.constantFrom(1, 0.01, 0, 100),
    us: fc.array(uniform(-2, 2), { minLength: 1, maxLength: 10 }),
  })
  .map(({ offset, spread, us }) => us.map((u) => offset + spread * u));

// ---------------------------------------------------------------------------------------------------------------
// Shared pieces

function temp(b: Builder, stmts: string[], temps: string[], base: string, code: string): string {
  const name = b.fresh(base);
  stmts.push(`const ${name} = ${code};`);
  temps.push(name);
  return name;
}

const call = (code: string, ev: (env: Env) => unknown): Expr => expr(code, PREC.POSTFIX, ev);
const num = (e: Expr, env: Env): number => e.ev(env) as number;
const arr = (e: Expr, env: Env): number[] => Array.from(e.ev(env) as ArrayLike<number>);
const mat = (e: Expr, env: Env): number[][] => e.ev(env) as number[][];

/**
 * A sigmoid of x in one of the spellings the engine recognises: inline, kernel, local arrow, local function — and a
 * helper named `logistic`, which it does not recognise (its `(?!.*log)` name filter excludes it), so the pattern is
 * then left to other rules (prefer-log1p rewrites `log(1 - p)`).
 */
function sigmoidOf(b: Builder, x: Expr, spelling: number): string {
  switch (spelling % 5) {
    case 1:
      return `${b.kernel('sigmoid')}(${x.code})`;
    case 2: {
      const name = b.fresh('sigmoid');
      b.top.push(`const ${name} = (t${b.annotate('number')}) => 1 / (1 + Math.exp(-t));`);
      return `${name}(${x.code})`;
    }
    case 3:
    case 4: {
      const name = b.fresh(spelling % 5 === 3 ? 'expit' : 'logistic');
      b.top.push(`function ${name}(t${b.annotate('number')})${b.annotate('number')} {\n  return 1 / (1 + Math.exp(-t));\n}`);
      return `${name}(${x.code})`;
    }
    default:
      return `1 / (1 + Math.exp(${negText(x)}))`;
  }
}

/** A scalar operand drawn from a custom distribution (labels, probabilities). */
function drawnScalar(b: Builder, spec: OperandSpec, scope: Scope, base: string, draw: (r: TapeReader) => number): Expr {
  // no arithmetic shapes: the value must stay in the distribution's range
  const shape = spec.shape === 5 ? 0 : spec.shape;
  const before = b.params.length;
  const e = scalarOperand(b, { ...spec, shape }, scope, base);
  // re-point the operand's fresh parameters at the custom distribution
  for (let i = before; i < b.params.length; i++) {
    const p = b.params[i];
    if (p.type === 'number' && p.name.startsWith('k')) continue; // an index
    const remap = (value: unknown, r: TapeReader): unknown =>
      typeof value === 'number' ? draw(r) : Array.isArray(value) ? value.map(() => draw(r)) : typeof value === 'object' && value !== null ? Object.fromEntries(Object.keys(value).map((k) => [k, draw(r)])) : value;
    const original = p.gen;
    b.params[i] = { ...p, gen: (r, values) => remap(original(r, values), r) };
  }
  return e;
}

// ---------------------------------------------------------------------------------------------------------------
// log-sum-exp

const lseArray = pattern({
  id: 'lse: reduce/map/loops',
  rules: ['no-naive-logsumexp'],
  kind: 'num',
  tensor: false,
  domain: 'float64',
  numRuns: 45,
  inputs: 4,
  decoys: ['logSumExp'],
  dist: { scalar: LOGITS64, array: arrays(LOGITS64) },
  body: fc.record({ op: operandArbitrary, spelling: fc.nat({ max: 8 }), temps: fc.nat({ max: 3 }) }),
  render(b, s, scope) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const input = arrayOperand(b, s.op, scope);
    const ref = (env: Env) => lseRef(arr(input, env));
    let A = input.code;
    const loop = s.spelling >= 5;
    if (s.temps >= 3 || (loop && s.temps >= 1)) A = temp(b, stmts, temps, 'data', A);
    if (s.spelling <= 1 || s.spelling === 4) {
      let e = s.spelling === 1 ? `${A}.map((v) => Math.exp(v))` : `${A}.map(Math.exp)`;
      if (s.temps >= 1) e = temp(b, stmts, temps, 'e', e);
      let sum = s.spelling === 1 ? `${e}.reduce((a, b) => a + b)` : s.spelling === 4 ? `${b.kernel('sum')}(${e})` : `${e}.reduce((a, b) => a + b, 0)`;
      if (s.temps >= 2) sum = temp(b, stmts, temps, 's', sum);
      return { stmts, temps, expr: call(`Math.log(${sum})`, ref) };
    }
    if (s.spelling <= 3) {
      let sum = `${A}.reduce((acc, v) => ${s.spelling === 2 ? 'acc + Math.exp(v)' : 'Math.exp(v) + acc'}, 0)`;
      if (s.temps >= 1) sum = temp(b, stmts, temps, 's', sum);
      return { stmts, temps, expr: call(`Math.log(${sum})`, ref) };
    }
    const total = b.fresh('total');
    stmts.push(`let ${total} = 0;`);
    if (s.spelling === 5) stmts.push(`for (const v of ${A}) ${total} += Math.exp(v);`);
    else if (s.spelling === 6) stmts.push(`for (let i = 0; i < ${A}.length; i++) ${total} += Math.exp(${A}[i]);`);
    else if (s.spelling === 7) stmts.push(`${A}.forEach((v) => {`, `  ${total} += Math.exp(v);`, '});');
    else stmts.push(`for (const v of ${A}) {`, `  ${total} += Math.exp(v);`, '}');
    temps.unshift(total);
    return { stmts, temps, expr: call(`Math.log(${total})`, ref) };
  },
});

const lseTerms = pattern({
  id: 'lse: two or three terms',
  rules: ['no-naive-logsumexp'],
  kind: 'num',
  tensor: false,
  domain: 'float64',
  numRuns: 40,
  inputs: 4,
  decoys: ['logAddExp', 'logSumExp'],
  dist: { scalar: LOGITS64, array: arrays(LOGITS64) },
  body: fc.record({ ops: fc.array(operandArbitrary, { minLength: 3, maxLength: 3 }), three: fc.boolean(), nested: fc.boolean(), temps: fc.nat({ max: 3 }) }),
  render(b, s, scope) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const xs = s.ops.slice(0, s.three ? 3 : 2).map((op, i) => scalarOperand(b, op, scope, ['x', 'y', 'z'][i]));
    let exps = xs.map((x) => `Math.exp(${x.code})`);
    if (s.temps >= 1) exps = exps.map((e, i) => (i === 0 || s.temps >= 2 ? temp(b, stmts, temps, `e${i}`, e) : e));
    let sum = s.nested && exps.length === 3 ? `${exps[0]} + (${exps[1]} + ${exps[2]})` : exps.join(' + ');
    if (s.temps >= 3) sum = temp(b, stmts, temps, 's', sum);
    return { stmts, temps, expr: call(`Math.log(${sum})`, (env) => lseRef(xs.map((x) => num(x, env)))) };
  },
});

const AXES: readonly [readonly string[], number | undefined, boolean][] = [
  [[], undefined, false],
  [['1'], 1, false],
  [['-1'], -1, false],
  [['0'], 0, false],
  [['-1', 'true'], -1, true],
  [['1', 'false'], 1, false],
  [['0', 'true'], 0, true],
];

const lseTensor = pattern({
  id: 'lse: tensors',
  rules: ['no-naive-logsumexp'],
  kind: 'tensor',
  tensor: true,
  domain: 'float32',
  numRuns: 8,
  inputs: 2,
  decoys: ['logSumExp'],
  dist: { scalar: LOGITS32, array: arrays(LOGITS32), element: LOGITS32 },
  body: fc.record({ op: operandArbitrary, spelling: fc.nat({ max: 3 }), axis: fc.nat({ max: 6 }), temps: fc.nat({ max: 2 }) }),
  render(b, s) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const x = tensorOperand(b, s.op);
    const [options, axis, keepDims] = AXES[s.axis % AXES.length];
    const chainedExp = s.spelling === 1 || s.spelling === 2;
    const chainedSum = s.spelling === 1 || s.spelling === 2 || s.spelling === 3;
    const chainedLog = s.spelling === 1 || s.spelling === 3;
    let e = chainedExp ? `${at(x, PREC.POSTFIX)}.exp()` : `${b.tf('exp')}(${x.code})`;
    if (s.temps >= 1) e = temp(b, stmts, temps, 'e', e);
    let sum = chainedSum ? `${e}.sum(${options.join(', ')})` : `${b.tf('sum')}(${[e, ...options].join(', ')})`;
    if (s.temps >= 2) sum = temp(b, stmts, temps, 's', sum);
    const log = chainedLog ? `${sum}.log()` : `${b.tf('log')}(${sum})`;
    return { stmts, temps, expr: call(log, (env) => reduce2d(mat(x, env), axis, keepDims, lseRef)) };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// log of softmax

function softmaxCallee(b: Builder, local: boolean): string {
  if (!local) return b.kernel('softmax');
  const name = b.fresh('softmax');
  const T = b.annotate('ArrayLike<number>');
  const R = b.annotate('number[]');
  b.top.push(
    `function ${name}(zs${T})${R} {\n  const arr = Array.from(zs);\n  const m = Math.max(...arr);\n  const ex = arr.map((z) => Math.exp(z - m));\n  const total = ex.reduce((a, b) => a + b, 0);\n  return ex.map((z) => z / total);\n}`,
  );
  return name;
}

const logSoftmaxArray = pattern({
  id: 'log of softmax: arrays',
  rules: ['no-log-of-softmax'],
  kind: 'arr',
  tensor: false,
  domain: 'float64',
  numRuns: 30,
  inputs: 4,
  decoys: ['logSoftmax'],
  dist: { scalar: LOGITS64, array: arrays(LOGITS64) },
  body: fc.record({ op: operandArbitrary, spelling: fc.nat({ max: 1 }), local: fc.boolean(), temps: fc.nat({ max: 1 }) }),
  render(b, s, scope) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const input = arrayOperand(b, s.op, scope);
    let probs = `${softmaxCallee(b, s.local)}(${input.code})`;
    if (s.temps >= 1) probs = temp(b, stmts, temps, 'probs', probs);
    const code = s.spelling === 0 ? `${probs}.map(Math.log)` : `${probs}.map((q) => Math.log(q))`;
    return { stmts, temps, expr: call(code, (env) => logSoftmaxRef(arr(input, env))) };
  },
});

const logSoftmaxElement = pattern({
  id: 'log of softmax: one element',
  rules: ['no-log-of-softmax'],
  kind: 'num',
  tensor: false,
  domain: 'float64',
  numRuns: 25,
  inputs: 4,
  decoys: ['logSoftmax'],
  dist: { scalar: LOGITS64, array: arrays(LOGITS64) },
  body: fc.record({ op: operandArbitrary, local: fc.boolean(), temps: fc.nat({ max: 1 }), literal: fc.boolean() }),
  render(b, s, scope) {
    const stmts: string[] = [];
    const temps: string[] = [];
    // the target index is drawn from the data: not the callback element, whose length is not known up front
    const input = arrayOperand(b, { ...s.op, shape: s.op.shape === 7 ? 0 : s.op.shape }, scope);
    const lengthOf = (env: Env): number => arr(input, env).length;
    const k = s.literal ? null : b.param('target', 'number', (r, values) => r.int() % lengthOf(values));
    let probs = `${softmaxCallee(b, s.local)}(${input.code})`;
    if (s.temps >= 1) probs = temp(b, stmts, temps, 'probs', probs);
    const index = k ?? '0';
    return { stmts, temps, expr: call(`Math.log(${probs}[${index}])`, (env) => logSoftmaxRef(arr(input, env))[k ? (env[k] as number) : 0]) };
  },
});

const logSoftmaxTensor = pattern({
  id: 'log of softmax: tensors',
  rules: ['no-log-of-softmax'],
  kind: 'tensor',
  tensor: true,
  domain: 'float32',
  numRuns: 6,
  inputs: 2,
  decoys: ['logSoftmax'],
  dist: { scalar: LOGITS32, array: arrays(LOGITS32), element: weighted([uniform(-10, 10), 3], [uniform(-150, 150), 2]) },
  body: fc.record({ op: operandArbitrary, spelling: fc.nat({ max: 3 }), dim: fc.boolean(), temps: fc.nat({ max: 1 }) }),
  render(b, s) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const x = tensorOperand(b, s.op);
    const dim = s.dim ? '-1' : '';
    let probs = s.spelling === 1 || s.spelling === 2 ? `${at(x, PREC.POSTFIX)}.softmax(${dim})` : `${b.tf('softmax')}(${[x.code, dim].filter(Boolean).join(', ')})`;
    if (s.temps >= 1) probs = temp(b, stmts, temps, 'probs', probs);
    const code = s.spelling === 1 || s.spelling === 3 ? `${probs}.log()` : `${b.tf('log')}(${probs})`;
    return { stmts, temps, expr: call(code, (env) => along2d(mat(x, env), -1, logSoftmaxRef)) };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// log1p / expm1

const log1p = pattern({
  id: 'log1p',
  rules: ['prefer-log1p'],
  kind: 'num',
  tensor: false,
  domain: 'float64',
  numRuns: 40,
  inputs: 4,
  // near 0 the 1e-12 absolute floor would hide everything: ulps, as in tests/fix-equivalence/prefer-log1p.test.ts
  // (same ≥ 2 × reference, so an exact fix of an original a few ulps off passes; 3 leaves room for `(…) ** 2`)
  same: { ulps: 6 },
  reference: { ulps: 3 },
  decoys: [],
  dist: { scalar: NEAR0, array: arrays(NEAR0) },
  body: fc.record({ op: operandArbitrary, spelling: fc.nat({ max: 2 }), temps: fc.nat({ max: 1 }) }),
  render(b, s, scope) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const x = scalarOperand(b, s.op, scope);
    let inner = [`1 + ${x.code}`, `${x.code} + 1`, `1 - ${x.code}`][s.spelling];
    if (s.temps >= 1) inner = temp(b, stmts, temps, 'u', inner);
    const negated = s.spelling === 2;
    return { stmts, temps, expr: call(`Math.log(${inner})`, (env) => log1pRef(negated ? -num(x, env) : num(x, env))) };
  },
});

const expm1 = pattern({
  id: 'expm1',
  rules: ['prefer-expm1'],
  kind: 'num',
  tensor: false,
  domain: 'float64',
  numRuns: 40,
  inputs: 4,
  // near 0 the 1e-12 absolute floor would hide everything: ulps, as in tests/fix-equivalence/prefer-log1p.test.ts
  // (same ≥ 2 × reference, so an exact fix of an original a few ulps off passes; 3 leaves room for `(…) ** 2`)
  same: { ulps: 6 },
  reference: { ulps: 3 },
  decoys: [],
  dist: { scalar: NEAR0, array: arrays(NEAR0) },
  body: fc.record({ op: operandArbitrary, spelling: fc.nat({ max: 3 }), temps: fc.nat({ max: 1 }) }),
  render(b, s, scope) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const x = scalarOperand(b, s.op, scope);
    let e = `Math.exp(${x.code})`;
    if (s.temps >= 1) e = temp(b, stmts, temps, 'ex', e);
    const code = [`${e} - 1`, `1 - ${e}`, `${e} + -1`, `-1 + ${e}`][s.spelling];
    const negated = s.spelling === 1;
    return { stmts, temps, expr: expr(code, PREC.ADD, (env) => (negated ? -expm1Ref(num(x, env)) : expm1Ref(num(x, env)))) };
  },
});

const log1pExpm1Tensor = pattern({
  id: 'log1p/expm1: tensors',
  rules: ['prefer-log1p', 'prefer-expm1'],
  kind: 'tensor',
  tensor: true,
  domain: 'float32',
  numRuns: 8,
  inputs: 2,
  decoys: ['log1p', 'expm1'],
  dist: { scalar: NEAR0_32, array: arrays(NEAR0_32), element: NEAR0_32 },
  body: fc.record({ op: operandArbitrary, spelling: fc.nat({ max: 7 }), temps: fc.nat({ max: 1 }) }),
  render(b, s) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const x = tensorOperand(b, s.op);
    const X = x.code;
    const R = at(x, PREC.POSTFIX);
    if (s.spelling < 4) {
      let inner = [`${b.tf('add')}(1, ${X})`, `${b.tf('add')}(${X}, 1)`, `${R}.add(1)`, `${b.tf('sub')}(1, ${X})`][s.spelling];
      if (s.temps >= 1) inner = temp(b, stmts, temps, 'u', inner);
      const code = s.spelling === 2 ? `${inner}.log()` : `${b.tf('log')}(${inner})`;
      const negated = s.spelling === 3;
      return { stmts, temps, expr: call(code, (env) => map2d(mat(x, env), (v) => log1pRef(negated ? -v : v))) };
    }
    let e = s.spelling === 5 ? `${R}.exp()` : `${b.tf('exp')}(${X})`;
    if (s.temps >= 1) e = temp(b, stmts, temps, 'ex', e);
    const code = [`${b.tf('sub')}(${e}, 1)`, `${e}.sub(1)`, `${b.tf('sub')}(1, ${e})`, `${b.tf('add')}(${e}, -1)`][s.spelling - 4];
    const negated = s.spelling === 6;
    return { stmts, temps, expr: call(code, (env) => map2d(mat(x, env), (v) => (negated ? -expm1Ref(v) : expm1Ref(v)))) };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// naive softmax

const softmaxArray = pattern({
  id: 'naive softmax: arrays',
  rules: ['no-naive-softmax'],
  kind: 'arr',
  tensor: false,
  domain: 'float64',
  numRuns: 35,
  inputs: 4,
  decoys: ['softmax'],
  dist: { scalar: LOGITS64, array: arrays(LOGITS64) },
  body: fc.record({ op: operandArbitrary, spelling: fc.nat({ max: 4 }), temperature: fc.nat({ max: 5 }) }),
  render(b, s, scope) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const input = arrayOperand(b, s.op, scope);
    // 0–3: none; 4: a literal 2 (the kernel's temperature, autofixed); 5: 0.5
    const T = s.temperature === 4 ? '2' : s.temperature === 5 ? '0.5' : null;
    const scale = T === null ? 1 : Number(T);
    const ref = (env: Env) => softmaxRef(arr(input, env).map((v) => v / scale));
    let A = input.code;
    const ex = (v: string) => (T ? `Math.exp(${v} / ${T})` : `Math.exp(${v})`);
    const mapExp = T ? `${A}.map((v) => ${ex('v')})` : `${A}.map(Math.exp)`;
    switch (s.spelling) {
      case 1: {
        const total = temp(b, stmts, temps, 'total', `${A}.map((v) => ${ex('v')}).reduce((a, b) => a + b, 0)`);
        return { stmts, temps, expr: call(`${A}.map((v) => ${ex('v')} / ${total})`, ref) };
      }
      case 2:
        return { stmts, temps, expr: call(`${A}.map((v) => ${ex('v')} / ${mapExp}.reduce((a, b) => a + b, 0))`, ref) };
      case 3: {
        if (/[()?]/.test(A)) A = temp(b, stmts, temps, 'data', A);
        const total = b.fresh('total');
        stmts.push(`let ${total} = 0;`, `for (const v of ${A}) ${total} += ${ex('v')};`);
        temps.unshift(total);
        return { stmts, temps, expr: call(`${A}.map((v) => ${ex('v')} / ${total})`, ref) };
      }
      case 4: {
        const e = temp(b, stmts, temps, 'e', mapExp);
        const total = temp(b, stmts, temps, 's', `${b.kernel('sum')}(${e})`);
        return { stmts, temps, expr: call(`${e}.map((v) => v / ${total})`, ref) };
      }
      default: {
        const e = temp(b, stmts, temps, 'e', mapExp);
        const total = temp(b, stmts, temps, 's', `${e}.reduce((a, b) => a + b, 0)`);
        return { stmts, temps, expr: call(`${e}.map((v) => v / ${total})`, ref) };
      }
    }
  },
});

const SOFTMAX_AXES: readonly [readonly string[], number | undefined][] = [
  [['-1', 'true'], -1],
  [['-1', 'true'], -1],
  [['1', 'true'], 1],
  [[], undefined],
  [['0', 'true'], 0],
];

const softmaxTensor = pattern({
  id: 'naive softmax: tensors',
  rules: ['no-naive-softmax'],
  kind: 'tensor',
  tensor: true,
  domain: 'float32',
  numRuns: 6,
  inputs: 2,
  decoys: ['softmax'],
  dist: { scalar: LOGITS32, array: arrays(LOGITS32), element: LOGITS32 },
  body: fc.record({ op: operandArbitrary, spelling: fc.nat({ max: 3 }), axis: fc.nat({ max: 4 }) }),
  render(b, s) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const x = tensorOperand(b, s.op);
    const [options, axis] = SOFTMAX_AXES[s.axis % SOFTMAX_AXES.length];
    const ref = (env: Env) => along2d(mat(x, env), axis, softmaxRef);
    const R = at(x, PREC.POSTFIX);
    switch (s.spelling) {
      case 1:
        return { stmts, temps, expr: call(`${R}.exp().div(${R}.exp().sum(${options.join(', ')}))`, ref) };
      case 2: {
        const e = temp(b, stmts, temps, 'e', `${b.tf('exp')}(${x.code})`);
        return { stmts, temps, expr: call(`${b.tf('div')}(${e}, ${b.tf('sum')}(${[e, ...options].join(', ')}))`, ref) };
      }
      case 3: {
        const e = temp(b, stmts, temps, 'e', `${R}.exp()`);
        return { stmts, temps, expr: call(`${e}.div(${e}.sum(${options.join(', ')}))`, ref) };
      }
      default:
        return { stmts, temps, expr: call(`${b.tf('div')}(${b.tf('exp')}(${x.code}), ${b.tf('sum')}(${[`${b.tf('exp')}(${x.code})`, ...options].join(', ')}))`, ref) };
    }
  },
});

// ---------------------------------------------------------------------------------------------------------------
// log-sigmoid / softplus

const logSigmoid = pattern({
  id: 'log-sigmoid / softplus',
  rules: ['no-naive-log-sigmoid'],
  kind: 'num',
  tensor: false,
  domain: 'float64',
  numRuns: 45,
  inputs: 4,
  decoys: ['logSigmoid', 'softplus'],
  dist: { scalar: SIGMOID64, array: arrays(SIGMOID64) },
  body: fc.record({ op: operandArbitrary, form: fc.nat({ max: 6 }), sigmoid: fc.nat({ max: 4 }), temps: fc.nat({ max: 1 }) }),
  render(b, s, scope) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const x = scalarOperand(b, s.op, scope);
    const xv = (env: Env) => num(x, env);
    if (s.form <= 2) {
      let p = sigmoidOf(b, x, s.sigmoid);
      if (s.temps >= 1) p = temp(b, stmts, temps, 'p', p);
      const code = [`Math.log(${p})`, `Math.log(1 - ${at(p, PREC.ADD + 1, p.includes(' ') ? PREC.MUL : PREC.POSTFIX)})`, `Math.log1p(-${at(p, PREC.UNARY, p.includes(' ') ? PREC.MUL : PREC.POSTFIX)})`][s.form];
      const negated = s.form > 0;
      return { stmts, temps, expr: call(code, (env) => logSigmoidRef(negated ? -xv(env) : xv(env))) };
    }
    const negated = s.form === 6;
    let e = `Math.exp(${negated ? negText(x) : x.code})`;
    if (s.temps >= 1) e = temp(b, stmts, temps, 'ex', e);
    const code = [`Math.log(1 + ${e})`, `Math.log(${e} + 1)`, `Math.log1p(${e})`, `Math.log(1 + ${e})`][s.form - 3];
    return { stmts, temps, expr: call(code, (env) => softplusRef(negated ? -xv(env) : xv(env))) };
  },
});

const logSigmoidTensor = pattern({
  id: 'log-sigmoid / softplus: tensors',
  rules: ['no-naive-log-sigmoid'],
  kind: 'tensor',
  tensor: true,
  domain: 'float32',
  numRuns: 8,
  inputs: 2,
  decoys: ['logSigmoid', 'softplus'],
  dist: { scalar: SIGMOID32, array: arrays(SIGMOID32), element: SIGMOID32 },
  body: fc.record({ op: operandArbitrary, form: fc.nat({ max: 6 }), temps: fc.nat({ max: 1 }) }),
  render(b, s) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const x = tensorOperand(b, s.op);
    const X = x.code;
    const R = at(x, PREC.POSTFIX);
    const inner = [
      `${b.tf('sigmoid')}(${X})`,
      `${R}.sigmoid()`,
      `${b.tf('sub')}(1, ${b.tf('sigmoid')}(${X}))`,
      `${b.tf('div')}(1, ${b.tf('add')}(1, ${b.tf('exp')}(${b.tf('neg')}(${X}))))`,
      `${b.tf('add')}(1, ${b.tf('exp')}(${X}))`,
      `${R}.exp().add(1)`,
      `${b.tf('exp')}(${X})`,
    ][s.form];
    let arg = inner;
    if (s.temps >= 1) arg = temp(b, stmts, temps, 'u', inner);
    const chained = s.form === 1 || s.form === 5;
    const code = s.form === 6 ? `${b.tf('log1p')}(${arg})` : chained ? `${arg}.log()` : `${b.tf('log')}(${arg})`;
    const fn = s.form <= 1 || s.form === 3 ? logSigmoidRef : s.form === 2 ? (v: number) => logSigmoidRef(-v) : softplusRef;
    return { stmts, temps, expr: call(code, (env) => map2d(mat(x, env), fn)) };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// naive sigmoid / tanh

const sigmoid = pattern({
  id: 'naive sigmoid',
  rules: ['no-naive-sigmoid'],
  kind: 'num',
  tensor: false,
  domain: 'float64',
  numRuns: 35,
  inputs: 4,
  decoys: ['sigmoid'],
  dist: { scalar: SIGMOID64, array: arrays(SIGMOID64) },
  body: fc.record({ op: operandArbitrary, form: fc.nat({ max: 2 }), temps: fc.nat({ max: 1 }) }),
  render(b, s, scope) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const x = scalarOperand(b, s.op, scope);
    const negated = s.form === 2;
    let e = `Math.exp(${negated ? negText(x) : x.code})`;
    if (s.temps >= 1) e = temp(b, stmts, temps, 'ex', e);
    const code = s.form === 1 ? `${e} / (${e} + 1)` : `${e} / (1 + ${e})`;
    return { stmts, temps, expr: expr(code, PREC.MUL, (env) => sigmoidRef(negated ? -num(x, env) : num(x, env))) };
  },
});

const tanh = pattern({
  id: 'naive tanh',
  rules: ['no-naive-sigmoid'],
  kind: 'num',
  tensor: false,
  domain: 'float64',
  numRuns: 35,
  inputs: 4,
  decoys: [],
  dist: { scalar: SIGMOID64, array: arrays(SIGMOID64) },
  body: fc.record({ op: operandArbitrary, form: fc.nat({ max: 3 }), temps: fc.nat({ max: 1 }) }),
  render(b, s, scope) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const x = scalarOperand(b, s.op, scope);
    const ref = (env: Env) => tanhRef(num(x, env));
    if (s.form <= 1) {
      let e = s.form === 0 ? `Math.exp(2 * ${x.code})` : `Math.exp(${x.code} * 2)`;
      if (s.temps >= 1) e = temp(b, stmts, temps, 'e2', e);
      const code = s.form === 0 ? `(${e} - 1) / (${e} + 1)` : `(${e} - 1) / (1 + ${e})`;
      return { stmts, temps, expr: expr(code, PREC.MUL, ref) };
    }
    let ep = `Math.exp(${x.code})`;
    let en = `Math.exp(${negText(x)})`;
    if (s.temps >= 1) {
      ep = temp(b, stmts, temps, 'ep', ep);
      en = temp(b, stmts, temps, 'en', en);
    }
    const code = s.form === 2 ? `(${ep} - ${en}) / (${ep} + ${en})` : `(${ep} - ${en}) / (${en} + ${ep})`;
    return { stmts, temps, expr: expr(code, PREC.MUL, ref) };
  },
});

const sigmoidTensor = pattern({
  id: 'naive sigmoid/tanh: tensors',
  rules: ['no-naive-sigmoid'],
  kind: 'tensor',
  tensor: true,
  domain: 'float32',
  numRuns: 6,
  inputs: 2,
  decoys: ['sigmoid'],
  dist: { scalar: SIGMOID32, array: arrays(SIGMOID32), element: SIGMOID32 },
  body: fc.record({ op: operandArbitrary, form: fc.nat({ max: 6 }) }),
  render(b, s) {
    const x = tensorOperand(b, s.op);
    const X = x.code;
    if (s.form >= 5) {
      // tanh: (exp(2x) − 1) / (exp(2x) + 1)
      const e2 = s.form === 5 ? `${b.tf('exp')}(${b.tf('mul')}(2, ${X}))` : `${at(x, PREC.POSTFIX)}.mul(2).exp()`;
      const code = s.form === 5 ? `${b.tf('div')}(${b.tf('sub')}(${e2}, 1), ${b.tf('add')}(${e2}, 1))` : `${e2}.sub(1).div(${e2}.add(1))`;
      return { stmts: [], temps: [], expr: call(code, (env) => map2d(mat(x, env), tanhRef)) };
    }
    const code = [
      `${b.tf('div')}(1, ${b.tf('add')}(1, ${b.tf('exp')}(${b.tf('neg')}(${X}))))`,
      `${at(x, PREC.POSTFIX)}.neg().exp().add(1).reciprocal()`,
      `${b.tf('div')}(${b.tf('exp')}(${X}), ${b.tf('add')}(1, ${b.tf('exp')}(${X})))`,
      `${b.tf('reciprocal')}(${b.tf('add')}(${b.tf('exp')}(${b.tf('neg')}(${X})), 1))`,
      `${b.tf('div')}(1, ${b.tf('add')}(1, ${b.tf('exp')}(${X})))`,
    ][s.form];
    const negated = s.form === 4;
    return { stmts: [], temps: [], expr: call(code, (env) => map2d(mat(x, env), (v) => sigmoidRef(negated ? -v : v))) };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// hypot

const hypot = pattern({
  id: 'hypot',
  rules: ['prefer-hypot'],
  kind: 'num',
  tensor: false,
  domain: 'float64',
  numRuns: 40,
  inputs: 4,
  decoys: [],
  dist: { scalar: COORDS, array: arrays(COORDS) },
  body: fc.record({
    ops: fc.array(operandArbitrary, { minLength: 3, maxLength: 3 }),
    squares: fc.array(fc.nat({ max: 2 }), { minLength: 3, maxLength: 3 }),
    three: fc.boolean(),
    root: fc.nat({ max: 2 }),
    temps: fc.nat({ max: 2 }),
  }),
  render(b, s, scope) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const xs = s.ops.slice(0, s.three ? 3 : 2).map((op, i) => scalarOperand(b, op, scope, ['x', 'y', 'z'][i]));
    let squares = xs.map((x, i) => [`${x.code} * ${x.code}`, `${x.code} ** 2`, `Math.pow(${x.code}, 2)`][s.squares[i]]);
    if (s.temps >= 2) squares = squares.map((sq, i) => temp(b, stmts, temps, `sq${i}`, sq));
    let sum = squares.join(' + ');
    if (s.temps >= 1) sum = temp(b, stmts, temps, 'ss', sum);
    const single = s.temps >= 1;
    const code = [`Math.sqrt(${sum})`, `${single ? sum : `(${sum})`} ** 0.5`, `Math.pow(${sum}, 0.5)`][s.root];
    return { stmts, temps, expr: expr(code, s.root === 1 ? PREC.POW : PREC.POSTFIX, (env) => hypotRef(...xs.map((x) => num(x, env)))) };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// naive variance

const variance = pattern({
  id: 'naive variance',
  rules: ['no-naive-variance'],
  kind: 'num',
  tensor: false,
  domain: 'float64',
  numRuns: 45,
  inputs: 4,
  decoys: ['variance', 'std'],
  dist: { scalar: uniform(-10, 10), array: VARIANCE_DATA },
  body: fc.record({
    op: operandArbitrary,
    form: fc.nat({ max: 5 }),
    square: fc.nat({ max: 2 }),
    meanSquare: fc.nat({ max: 2 }),
    sampled: fc.boolean(),
    sqrt: fc.boolean(),
    countTemp: fc.boolean(),
    indexed: fc.boolean(),
  }),
  render(b, s, scope) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const input = arrayOperand(b, { ...s.op, shape: s.op.shape === 5 ? 0 : s.op.shape }, scope);
    const A = input.code;
    const sq = (v: string) => [`${v} * ${v}`, `${v} ** 2`, `Math.pow(${v}, 2)`][s.square];
    const msq = (m: string) => [`${m} * ${m}`, `${m} ** 2`, `Math.pow(${m}, 2)`][s.meanSquare];
    const n = s.countTemp ? temp(b, stmts, temps, 'n', `${A}.length`) : `${A}.length`;
    const sum = `${A}.reduce((a, b) => a + b, 0)`;
    const sumSq = s.square === 1 ? `${A}.map((v) => ${sq('v')}).reduce((a, b) => a + b, 0)` : `${A}.reduce((acc, v) => acc + ${sq('v')}, 0)`;
    let ddof = 0;
    let code: string;
    switch (s.form) {
      case 1: {
        const mean = temp(b, stmts, temps, 'mean', `${sum} / ${n}`);
        const meanSq = temp(b, stmts, temps, 'meanSq', `${sumSq} / ${n}`);
        code = `${meanSq} - ${msq(mean)}`;
        break;
      }
      case 2:
      case 3: {
        const total = b.fresh('sum');
        const totalSq = b.fresh('sumSq');
        stmts.push(`let ${total} = 0;`, `let ${totalSq} = 0;`);
        if (s.indexed) stmts.push(`for (let i = 0; i < ${A}.length; i++) {`, `  ${total} += ${A}[i];`, `  ${totalSq} += ${sq(`${A}[i]`)};`, '}');
        else stmts.push(`for (const v of ${A}) {`, `  ${total} += v;`, `  ${totalSq} += ${sq('v')};`, '}');
        temps.push(total);
        if (s.form === 2) {
          ddof = s.sampled ? 1 : 0;
          code = `(${totalSq} - ${total} * ${total} / ${n}) / ${s.sampled ? `(${n} - 1)` : n}`;
        } else {
          code = `${totalSq} / ${n} - ${msq(`(${total} / ${n})`)}`;
        }
        break;
      }
      case 4: {
        const mean = b.kernel('mean');
        code = `${mean}(${A}.map((v) => ${sq('v')})) - ${msq(`${mean}(${A})`)}`;
        break;
      }
      case 5:
        ddof = s.sampled ? 1 : 0;
        code = `(${sumSq} - ${sum} ** 2 / ${n}) / ${s.sampled ? `(${n} - 1)` : n}`;
        break;
      default:
        code = `${sumSq} / ${n} - ${msq(`(${sum} / ${n})`)}`;
    }
    const prec = s.form === 2 || s.form === 5 ? PREC.MUL : PREC.ADD;
    const ref = (env: Env) => varianceRef(arr(input, env), ddof, s.sqrt);
    if (s.sqrt) return { stmts, temps, expr: call(`Math.sqrt(${code})`, ref) };
    return { stmts, temps, expr: expr(code, prec, ref) };
  },
});

const varianceTensor = pattern({
  id: 'naive variance: tensors',
  rules: ['no-naive-variance'],
  kind: 'tensor',
  tensor: true,
  domain: 'float32',
  numRuns: 6,
  inputs: 2,
  decoys: ['moments'],
  dist: { scalar: uniform(-3, 3), array: arrays(uniform(-3, 3)), element: uniform(-3, 3) },
  body: fc.record({ op: operandArbitrary, form: fc.nat({ max: 3 }), axis: fc.nat({ max: 6 }), sqrt: fc.boolean() }),
  render(b, s) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const x = tensorOperand(b, { ...s.op, shape: s.op.shape >= 3 ? 0 : s.op.shape });
    // data at an offset (0, 2 or 1000): the raw moments cancel in float32
    const param = b.params[b.params.length - 1];
    b.params[b.params.length - 1] = {
      ...param,
      gen: (r, values) => {
        const t = param.gen(r, values) as { kind: 'tensor'; data: number[][] };
        const offset = [0, 2, 1000][r.int() % 3];
        return { ...t, data: t.data.map((row) => row.map((v) => v + offset)) };
      },
    };
    const [options, axis, keepDims] = AXES[s.axis % AXES.length];
    const X = x.code;
    const R = at(x, PREC.POSTFIX);
    const opts = options.join(', ');
    const withOpts = (v: string) => [v, ...options].join(', ');
    let code: string;
    switch (s.form) {
      case 1:
        code = `${R}.square().mean(${opts}).sub(${R}.mean(${opts}).square())`;
        break;
      case 2:
        code = `${b.tf('sub')}(${b.tf('mean')}(${withOpts(`${b.tf('mul')}(${X}, ${X})`)}), ${b.tf('pow')}(${b.tf('mean')}(${withOpts(X)}), 2))`;
        break;
      case 3: {
        const m = temp(b, stmts, temps, 'm', `${b.tf('mean')}(${withOpts(X)})`);
        const m2 = temp(b, stmts, temps, 'm2', `${b.tf('mean')}(${withOpts(`${b.tf('square')}(${X})`)})`);
        code = `${b.tf('sub')}(${m2}, ${b.tf('mul')}(${m}, ${m}))`;
        break;
      }
      default:
        code = `${b.tf('sub')}(${b.tf('mean')}(${withOpts(`${b.tf('square')}(${X})`)}), ${b.tf('square')}(${b.tf('mean')}(${withOpts(X)})))`;
    }
    if (s.sqrt) code = s.form === 1 ? `${code}.sqrt()` : `${b.tf('sqrt')}(${code})`;
    return { stmts, temps, expr: call(code, (env) => reduce2d(mat(x, env), axis, keepDims, (v) => varianceRef(v, 0, s.sqrt))) };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// binary cross-entropy on a sigmoid

const bce = pattern({
  id: 'binary cross-entropy on sigmoid',
  rules: ['no-cross-entropy-on-probabilities'],
  kind: 'num',
  tensor: false,
  domain: 'float64',
  numRuns: 40,
  inputs: 4,
  decoys: ['binaryCrossEntropyWithLogits'],
  dist: { scalar: SIGMOID64, array: arrays(SIGMOID64) },
  body: fc.record({
    y: operandArbitrary,
    z: operandArbitrary,
    sigmoid: fc.nat({ max: 4 }),
    inline: fc.boolean(),
    swap: fc.boolean(),
    factorsAfter: fc.boolean(),
    negate: fc.boolean(),
  }),
  render(b, s, scope) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const y = drawnScalar(b, { ...s.y, shape: s.y.shape === 7 ? 0 : s.y.shape }, scope, 'label', (r) => LABELS[r.int() % LABELS.length]);
    const z = scalarOperand(b, s.z, scope, 'z');
    let p = sigmoidOf(b, z, s.sigmoid);
    if (!s.inline) p = temp(b, stmts, temps, 'p', p);
    const compound = p.includes(' ');
    const oneMinusP = `1 - ${compound ? `(${p})` : p}`;
    const t1 = s.factorsAfter ? `Math.log(${p}) * ${y.code}` : `${y.code} * Math.log(${p})`;
    const t2 = s.factorsAfter ? `Math.log(${oneMinusP}) * (1 - ${y.code})` : `(1 - ${y.code}) * Math.log(${oneMinusP})`;
    const sum = s.swap ? `${t2} + ${t1}` : `${t1} + ${t2}`;
    const ref = (env: Env) => bceRef(num(y, env), num(z, env));
    if (s.negate) return { stmts, temps, expr: expr(`-(${sum})`, PREC.UNARY, (env) => -ref(env)) };
    return { stmts, temps, expr: expr(sum, PREC.ADD, ref) };
  },
});

const bceTensor = pattern({
  id: 'binary cross-entropy on sigmoid: tensors',
  rules: ['no-cross-entropy-on-probabilities'],
  kind: 'tensor',
  tensor: true,
  domain: 'float32',
  numRuns: 6,
  inputs: 2,
  decoys: ['relu', 'softplus'],
  dist: { scalar: SIGMOID32, array: arrays(SIGMOID32), element: SIGMOID32 },
  body: fc.record({ z: operandArbitrary, inline: fc.boolean(), swap: fc.boolean(), negate: fc.boolean() }),
  render(b, s) {
    const stmts: string[] = [];
    const temps: string[] = [];
    const z = tensorOperand(b, { ...s.z, shape: s.z.shape >= 3 ? 0 : s.z.shape }, 'z');
    // labels: 0/1 by the sign of another matrix of the tape (same shape as z)
    const type = b.tensorType();
    const y = b.param('labels', type, (r) => ({ kind: 'tensor', data: r.matrix().map((row) => row.map((v) => (v > 0 ? 1 : 0))) }));
    let p = `${b.tf('sigmoid')}(${z.code})`;
    if (!s.inline) p = temp(b, stmts, temps, 'p', p);
    const t1 = `${b.tf('mul')}(${y}, ${b.tf('log')}(${p}))`;
    const t2 = `${b.tf('mul')}(${b.tf('sub')}(1, ${y}), ${b.tf('log')}(${b.tf('sub')}(1, ${p})))`;
    const sum = `${b.tf('add')}(${s.swap ? `${t2}, ${t1}` : `${t1}, ${t2}`})`;
    const ref = (env: Env) => {
      const zs = mat(z, env);
      const ys = env[y] as number[][];
      return zs.map((row, i) => row.map((v, j) => (s.negate ? -1 : 1) * bceRef(ys[i][j], v)));
    };
    return { stmts, temps, expr: call(s.negate ? `${b.tf('neg')}(${sum})` : sum, ref) };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// xlogy (entropy and KL terms)

const xlogy = pattern({
  id: 'xlogy entropy terms',
  rules: ['no-unguarded-log'],
  kind: 'num',
  tensor: false,
  domain: 'float64',
  numRuns: 35,
  inputs: 4,
  decoys: ['xlogy'],
  dist: { scalar: PROBS, array: arrays(PROBS) },
  body: fc.record({ p: operandArbitrary, q: operandArbitrary, form: fc.nat({ max: 5 }) }),
  render(b, s, scope) {
    const stmts: string[] = [];
    const temps: string[] = [];
    if (s.form <= 2) {
      const p = drawnScalar(b, s.p, scope, 'p', (r) => r.scalar());
      if (s.form === 2) {
        const q = drawnScalar(b, s.q, scope, 'q', (r) => r.scalar());
        return { stmts, temps, expr: expr(`${p.code} * Math.log(${p.code} / ${q.code})`, PREC.MUL, (env) => xlogyRef(num(p, env), num(p, env) / num(q, env))) };
      }
      const code = s.form === 0 ? `${p.code} * Math.log(${p.code})` : `Math.log(${p.code}) * ${p.code}`;
      return { stmts, temps, expr: expr(code, PREC.MUL, (env) => xlogyRef(num(p, env), num(p, env))) };
    }
    const ps = arrayOperand(b, { ...s.p, shape: s.p.shape === 5 || (s.form === 5 && s.p.shape === 7) ? 0 : s.p.shape }, scope, 'ps');
    if (s.form === 5) {
      // KL divergence against a second array of the same length
      const qs = b.param('qs', 'number[]', (r, values) => arr(ps, values).map(() => r.scalar()));
      const code = `${ps.code}.reduce((a, p, i) => a + p * Math.log(p / ${qs}[i]), 0)`;
      return {
        stmts,
        temps,
        expr: call(code, (env) => arr(ps, env).reduce((a, p, i) => a + xlogyRef(p, p / (env[qs] as number[])[i]), 0)),
      };
    }
    const entropy = (env: Env) => arr(ps, env).reduce((a, p) => a + xlogyRef(p, p), 0);
    if (s.form === 4) {
      const h = b.fresh('h');
      stmts.push(`let ${h} = 0;`, `for (const p of ${ps.code}) ${h} += p * Math.log(p);`);
      temps.push(h);
      return { stmts, temps, expr: expr(`-${h}`, PREC.UNARY, (env) => -entropy(env)) };
    }
    return { stmts, temps, expr: expr(`-${ps.code}.reduce((a, p) => a + p * Math.log(p), 0)`, PREC.UNARY, (env) => -entropy(env)) };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Two patterns in one function: the fixes of different rules share the kernel import (one `eslint --fix` run)

const COMBINABLE: readonly Pattern[] = [lseArray, lseTerms, logSoftmaxArray, logSoftmaxElement, log1p, expm1, softmaxArray, logSigmoid, sigmoid, tanh, hypot, variance, bce, xlogy];

const combined = pattern({
  id: 'two patterns in one function',
  rules: [...new Set(COMBINABLE.flatMap((p) => p.rules))],
  kind: 'arr',
  tensor: false,
  domain: 'float64',
  numRuns: 40,
  inputs: 4,
  decoys: ['logSumExp', 'logSigmoid', 'softplus', 'sigmoid', 'variance'],
  dist: {
    scalar: fc.oneof(LOGITS64, NEAR0, SIGMOID64, COORDS),
    array: fc.oneof(arrays(LOGITS64), VARIANCE_DATA),
  },
  body: fc
    .tuple(fc.nat({ max: COMBINABLE.length - 1 }), fc.nat({ max: COMBINABLE.length - 1 }))
    .chain(([i, j]) => fc.record({ i: fc.constant(i), j: fc.constant(j), first: COMBINABLE[i].body, second: COMBINABLE[j].body })),
  render(b, s, scope) {
    const first = COMBINABLE[s.i].render(b, s.first, scope);
    const second = COMBINABLE[s.j].render(b, s.second, scope);
    return {
      stmts: [...first.stmts, ...second.stmts],
      temps: [...first.temps, ...second.temps],
      expr: call(`[${first.expr.code}, ${second.expr.code}]`, (env) => [first.expr.ev(env), second.expr.ev(env)]),
      parts: [
        { code: first.expr.code, rules: COMBINABLE[s.i].rules },
        { code: second.expr.code, rules: COMBINABLE[s.j].rules },
      ],
    };
  },
});

export const PATTERNS: readonly Pattern[] = [
  lseArray,
  lseTerms,
  lseTensor,
  logSoftmaxArray,
  logSoftmaxElement,
  logSoftmaxTensor,
  log1p,
  expm1,
  log1pExpm1Tensor,
  softmaxArray,
  softmaxTensor,
  logSigmoid,
  logSigmoidTensor,
  sigmoid,
  tanh,
  sigmoidTensor,
  hypot,
  variance,
  varianceTensor,
  bce,
  bceTensor,
  xlogy,
  combined,
];
