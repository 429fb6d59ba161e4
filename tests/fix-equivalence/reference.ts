// High-precision references for the fix-equivalence tests: 60-digit decimal.js, rounded once to a double.
// (Kept here rather than shared with tests/kernels so the two suites can evolve independently.)

import { Decimal } from 'decimal.js';

/** A private decimal.js constructor with 60 significant digits (the global one is left alone). */
export const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 });
export type Dec = InstanceType<typeof D>;

/** The exact binary value of a double as a decimal (to 60 digits). */
export function dec(x: number): Dec {
  return Number.isFinite(x) ? new D(x.toPrecision(60)) : new D(x);
}

/** log(1 + s) for a decimal s, keeping the digits of a tiny s (series below 1e-8). */
function log1pDec(s: Dec): Dec {
  if (s.abs().gt(1e-8)) return D.ln(s.plus(1));
  let sum = new D(0);
  let p = s;
  for (let k = 1; k <= 10; k++) {
    sum = k % 2 === 1 ? sum.plus(p.div(k)) : sum.minus(p.div(k));
    p = p.times(s);
  }
  return sum;
}

/** exp(s) − 1 for a decimal s, keeping the digits of a tiny s (series below 1e-8). */
function expm1Dec(s: Dec): Dec {
  if (s.abs().gt(1e-8)) return D.exp(s).minus(1);
  let sum = new D(0);
  let term = new D(1);
  for (let k = 1; k <= 10; k++) {
    term = term.times(s).div(k);
    sum = sum.plus(term);
  }
  return sum;
}

/** log(1 + x), correctly rounded (to the double nearest the 60-digit value). */
export function log1pRef(x: number): number {
  if (Number.isNaN(x) || x < -1) return NaN;
  if (x === -1) return -Infinity;
  if (x === Infinity) return Infinity;
  return log1pDec(dec(x)).toNumber();
}

/** exp(x) − 1, correctly rounded. */
export function expm1Ref(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x === -Infinity) return -1;
  if (x > 710) return Infinity;
  return expm1Dec(dec(x)).toNumber();
}

/**
 * log(Σ exp(x_i)) as parts: the max m and L = log1p(Σ_{i≠argmax} exp(x_i − m)), kept apart so that x − lse can be
 * formed as (x − m) − L without rounding L away (200 + 1e-87 is 200 at 60 digits). Non-finite cases as a number.
 */
function lseParts(xs: readonly number[]): { m: Dec; L: Dec } | number {
  if (xs.some(Number.isNaN)) return NaN;
  if (xs.length === 0) return -Infinity;
  let m = -Infinity;
  let k = 0;
  xs.forEach((x, i) => {
    if (x > m) {
      m = x;
      k = i;
    }
  });
  if (m === Infinity) return Infinity;
  if (m === -Infinity) return -Infinity;
  const md = dec(m);
  let s = new D(0);
  xs.forEach((x, i) => {
    if (i !== k && x - m > -2000) s = s.plus(D.exp(dec(x).minus(md)));
  });
  return { m: md, L: log1pDec(s) };
}

/** log(Σ exp(x_i)), correctly rounded. */
export function lseRef(xs: readonly number[]): number {
  const p = lseParts(xs);
  return typeof p === 'number' ? p : p.m.plus(p.L).toNumber();
}

/** log(exp(a) + exp(b)), correctly rounded. */
export function logAddExpRef(a: number, b: number): number {
  return lseRef([a, b]);
}

/** log(softmax(x))_i = (x_i − m) − L, each element correctly rounded. */
export function logSoftmaxRef(xs: readonly number[]): number[] {
  const p = lseParts(xs);
  return xs.map((x) => (typeof p === 'number' ? x - p : dec(x).minus(p.m).minus(p.L).toNumber()));
}

/** softmax(x)_i, each element correctly rounded. */
export function softmaxRef(xs: readonly number[]): number[] {
  const p = lseParts(xs);
  return xs.map((x) => (typeof p === 'number' ? Math.exp(x - p) : D.exp(dec(x).minus(p.m).minus(p.L)).toNumber()));
}

/** Apply a row function to every row (last axis) of a 2-D array, optionally keeping the reduced dimension. */
export function rows<T>(x: readonly (readonly number[])[], fn: (row: readonly number[]) => T, keepDims = false): (T | T[])[] {
  return x.map((row) => (keepDims ? [fn(row)] : fn(row)));
}

/** Apply a function to every column (axis 0) of a 2-D array. */
export function columns<T>(x: readonly (readonly number[])[], fn: (column: readonly number[]) => T): T[] {
  return x[0].map((_, j) => fn(x.map((row) => row[j])));
}

/** log(1 + exp(x)) (softplus) as a decimal; for large x, x + log1p(exp(−x)). */
function softplusDec(x: number): Dec {
  const d = dec(x);
  return x > 0 ? d.plus(log1pDec(D.exp(d.neg()))) : log1pDec(D.exp(d));
}

/** softplus(x) = log(1 + exp(x)), correctly rounded. */
export function softplusRef(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x === -Infinity) return 0;
  return softplusDec(x).toNumber();
}

/** log(sigmoid(x)) = −softplus(−x), correctly rounded. */
export function logSigmoidRef(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === -Infinity) return -Infinity;
  if (x === Infinity) return -0;
  return softplusDec(-x).neg().toNumber();
}

/** sigmoid(x) = 1/(1 + exp(−x)), correctly rounded. */
export function sigmoidRef(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  return new D(1).div(D.exp(dec(-x)).plus(1)).toNumber();
}

/** tanh(x), correctly rounded. */
export function tanhRef(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Math.abs(x) > 50) return Math.sign(x);
  return D.tanh(dec(x)).toNumber();
}

/** sqrt(Σ x_i²), correctly rounded. */
export function hypotRef(...xs: number[]): number {
  if (xs.some((x) => !Number.isFinite(x))) return xs.some((x) => Math.abs(x) === Infinity) ? Infinity : NaN;
  return xs.reduce((s, x) => s.plus(dec(x).times(dec(x))), new D(0)).sqrt().toNumber();
}

/**
 * n / d, correctly rounded (IEEE semantics for a zero or non-finite operand). Normal results only: `dec` keeps 60
 * digits, too few for a subnormal quotient that falls on a rounding tie.
 */
export function divRef(n: number, d: number): number {
  if (d === 0 || !Number.isFinite(n) || !Number.isFinite(d)) return n / d;
  if (n === 0) return n / d; // a signed zero
  return dec(n).div(dec(d)).toNumber();
}

/** ln x, correctly rounded (IEEE semantics for 0, negative and non-finite x). */
export function lnRef(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  return D.ln(dec(x)).toNumber();
}
