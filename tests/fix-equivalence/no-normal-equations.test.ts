// Fix equivalence for numerics/no-normal-equations: `inverse(XᵀX)·Xᵀy` / `solve(XᵀX, Xᵀy)` → `solve(X, y)`
// (ml-matrix; a QR least-squares solve for a non-square X). Suggestion only: the rule has no autofix.
//
// The harness's `describeFixEquivalence` evaluates with a require shim for TF.js and the kernels only and compares
// element-wise against a reference to a few ulps, which no least-squares solve of an ill-conditioned design meets;
// so this file uses the harness's pieces (`fixAndCheck` in `suggest` mode: first suggestion applied, output parses,
// second pass stable, no finding left; `typeCheckMany`; `loadFunction` with the real `ml-matrix` in the shim) and
// measures normwise errors itself.
//
// - well-conditioned random 12×4 design (cond(X) ≈ a few): the QR result equals the normal-equations result within
//   1e-12 (normwise relative).
// - Vandermonde design, 30 points on [0, 1], degree 11 (12 columns, cond(X) ≈ 1.2e8, so cond(XᵀX) ≈ 1.4e16):
//   x_true = small integers, y = fl(X·x_true). The reference is the exact least-squares solution of the float64
//   data (X and y as stored): the normal equations formed and solved at 60 digits (Gaussian elimination with partial
//   pivoting; cond(XᵀX)·1e-60 is negligible). Measured: normal equations 2e-2…3.5e-1 (no correct digit), QR 7e-11:
//   the fixed form's error must be ≥ 100× smaller; both errors are printed.
import { Decimal } from 'decimal.js';
import * as mlMatrix from 'ml-matrix';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { fixAndCheck, hasRule, loadFunction, typeCheckMany, type Runtime } from '../helpers/fix-harness.js';

const RULE = 'no-normal-equations';
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
type Dec = InstanceType<typeof D>;

const RUNTIME = { tf: undefined, kernels: {}, modules: { 'ml-matrix': mlMatrix } } as unknown as Runtime;
const ML = "import { Matrix, inverse, solve } from 'ml-matrix';\n";

const CASES = [
  { name: 'inverse(XᵀX)·(Xᵀy)', code: `${ML}export const f = (X: Matrix, y: Matrix) => inverse(X.transpose().mmul(X)).mmul(X.transpose().mmul(y));\n` },
  { name: 'inverse(XᵀX)·Xᵀ·y', code: `${ML}export function f(X: Matrix, y: Matrix) {\n  const Xt = X.transpose();\n  return inverse(Xt.mmul(X)).mmul(Xt).mmul(y);\n}\n` },
  { name: 'solve(XᵀX, Xᵀy)', code: `${ML}export function f(X: Matrix, y: Matrix) {\n  const Xt = X.transpose();\n  return solve(Xt.mmul(X), Xt.mmul(y));\n}\n` },
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exact-enough least squares of the float64 data: XᵀX and Xᵀy at 60 digits, then elimination with partial pivoting. */
function referenceLeastSquares(X: number[][], y: number[]): number[] {
  const m = X.length;
  const n = X[0].length;
  const Xd = X.map((row) => row.map((v) => new D(v)));
  const yd = y.map((v) => new D(v));
  const M: Dec[][] = Array.from({ length: n }, (_, i) => {
    const row: Dec[] = [];
    for (let j = 0; j < n; j++) {
      let s = new D(0);
      for (let k = 0; k < m; k++) s = s.plus(Xd[k][i].times(Xd[k][j]));
      row.push(s);
    }
    let s = new D(0);
    for (let k = 0; k < m; k++) s = s.plus(Xd[k][i].times(yd[k]));
    row.push(s);
    return row;
  });
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (M[i][k].abs().gt(M[p][k].abs())) p = i;
    [M[k], M[p]] = [M[p], M[k]];
    for (let i = k + 1; i < n; i++) {
      const factor = M[i][k].div(M[k][k]);
      for (let j = k; j <= n; j++) M[i][j] = M[i][j].minus(factor.times(M[k][j]));
    }
  }
  const x: Dec[] = new Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = M[i][n];
    for (let j = i + 1; j < n; j++) s = s.minus(M[i][j].times(x[j]));
    x[i] = s.div(M[i][i]);
  }
  return x.map((v) => v.toNumber());
}

function relError(x: number[], ref: number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < ref.length; i++) {
    num += (x[i] - ref[i]) ** 2;
    den += ref[i] ** 2;
  }
  return Math.sqrt(num / den);
}

function design(name: 'random' | 'vandermonde'): { X: number[][]; y: number[] } {
  if (name === 'random') {
    const rand = mulberry32(2024);
    const X = Array.from({ length: 12 }, () => Array.from({ length: 4 }, () => rand() * 2 - 1));
    const y = Array.from({ length: 12 }, () => rand() * 2 - 1);
    return { X, y };
  }
  const m = 30;
  const n = 12;
  const X = Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => (i / (m - 1)) ** j));
  const xTrue = Array.from({ length: n }, (_, j) => (j % 2 === 0 ? 1 : -1) * (j + 1));
  const y = X.map((row) => row.reduce((s, v, j) => s.plus(new D(v).times(xTrue[j])), new D(0)).toNumber());
  return { X, y };
}

const run = (fn: (...args: unknown[]) => unknown, X: number[][], y: number[]): number[] =>
  (fn(new Matrix(X), Matrix.columnVector(y)) as Matrix).to1DArray();

describe.skipIf(!hasRule(RULE))(`fix equivalence: numerics/${RULE}`, () => {
  const fixed = CASES.map((c) => fixAndCheck(c.code, { rules: [RULE], mode: 'suggest' }));

  it('suggests solve(X, y) and the output type-checks', () => {
    for (const r of fixed) expect(r.output).toMatch(/\bsolve\(X, y\)/);
    const diagnostics = typeCheckMany(fixed.flatMap((r) => [{ code: r.code }, { code: r.output }]));
    for (let i = 0; i < fixed.length; i++) {
      expect(diagnostics[2 * i], fixed[i].code).toEqual([]);
      // The suggestion may leave `Xt` (or `inverse`) unused; that is a lint matter, not a type error.
      expect(diagnostics[2 * i + 1], fixed[i].output).toEqual([]);
    }
  });

  CASES.forEach((c, index) => {
    describe(c.name, () => {
      const original = loadFunction(fixed[index].code, 'case.ts', RUNTIME);
      const rewritten = loadFunction(fixed[index].output, 'case.ts', RUNTIME);

      it('well-conditioned random 12×4: fixed equals original within 1e-12', () => {
        const { X, y } = design('random');
        const ref = referenceLeastSquares(X, y);
        const xo = run(original, X, y);
        const xf = run(rewritten, X, y);
        console.log(`[${RULE}] ${c.name}, random 12×4: error original ${relError(xo, ref).toExponential(2)}, fixed ${relError(xf, ref).toExponential(2)}`);
        expect(relError(xf, xo)).toBeLessThan(1e-12);
        expect(relError(xf, ref)).toBeLessThan(1e-14);
      });

      it('ill-conditioned Vandermonde 30×12 (cond ≈ 1e8): fixed is ≥ 100× more accurate', () => {
        const { X, y } = design('vandermonde');
        const ref = referenceLeastSquares(X, y);
        const eo = relError(run(original, X, y), ref);
        const ef = relError(run(rewritten, X, y), ref);
        console.log(`[${RULE}] ${c.name}, Vandermonde 30×12: error original ${eo.toExponential(2)}, fixed ${ef.toExponential(2)}`);
        expect(ef).toBeLessThan(1e-4);
        expect(ef * 100).toBeLessThan(eo);
      });
    });
  });
});
