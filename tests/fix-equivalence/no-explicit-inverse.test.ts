// Fix equivalence for numerics/no-explicit-inverse: `inverse(A).mmul(b)` → `solve(A, b)` (ml-matrix, autofix).
//
// The harness's `describeFixEquivalence` evaluates with a require shim for TF.js and the kernels only and compares
// element-wise against a reference to a few ulps, which no solve of an ill-conditioned system meets; so this file
// uses the harness's pieces (`fixAndCheck`: fix, output parses, second pass stable, no finding left;
// `typeCheckMany`; `loadFunction` with the real `ml-matrix` in the shim) and measures normwise errors itself.
//
// - well-conditioned random 5×5 (diagonally dominant, seeded): the fixed result equals the original within 1e-12
//   (normwise relative); both are within ~1e-15 of the reference.
// - 10×10 Hilbert matrix (cond ≈ 1.6e13) with x_true = small integers, b = fl(A·x_true): the reference is the exact
//   solution of the float64 data (A and b as stored), by Gaussian elimination with partial pivoting at 60 digits.
//   The fixed form (LU solve) must be no worse than the explicit inverse; both errors are printed (measured: inverse
//   6.6e-4, solve 1.0e-4; random 5×5: 7.5e-17 and 1.6e-16).
import { Decimal } from 'decimal.js';
import * as mlMatrix from 'ml-matrix';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { fixAndCheck, hasRule, loadFunction, typeCheckMany, type Runtime } from '../helpers/fix-harness.js';

const RULE = 'no-explicit-inverse';
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
type Dec = InstanceType<typeof D>;

const RUNTIME = { tf: undefined, kernels: {}, modules: { 'ml-matrix': mlMatrix } } as unknown as Runtime;

const CASES = [
  { name: 'inline inverse(A).mmul(b)', code: "import { Matrix, inverse } from 'ml-matrix';\nexport const f = (A: Matrix, b: Matrix) => inverse(A).mmul(b);\n" },
  {
    name: 'inverse through a temporary',
    code: "import { Matrix, inverse } from 'ml-matrix';\nexport function f(A: Matrix, b: Matrix) {\n  const Ainv = inverse(A);\n  return Ainv.mmul(b);\n}\n",
  },
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

/** Solve A·x = b exactly enough (60 digits, partial pivoting) for the float64 data as stored. */
function referenceSolve(A: number[][], b: number[]): number[] {
  const n = A.length;
  const M: Dec[][] = A.map((row, i) => [...row.map((v) => new D(v)), new D(b[i])]);
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

function system(name: string): { A: number[][]; b: number[] } {
  if (name === 'random 5×5') {
    const rand = mulberry32(12345);
    const A = Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => rand() * 2 - 1 + (i === j ? 5 : 0)));
    const b = Array.from({ length: 5 }, () => rand() * 2 - 1);
    return { A, b };
  }
  // Hilbert 10×10, x_true = (1, -2, 3, -4, …), b = fl(A·x_true).
  const n = 10;
  const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => 1 / (i + j + 1)));
  const xTrue = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1) * (i + 1));
  const b = A.map((row) => row.reduce((s, v, j) => s.plus(new D(v).times(xTrue[j])), new D(0)).toNumber());
  return { A, b };
}

const run = (fn: (...args: unknown[]) => unknown, A: number[][], b: number[]): number[] =>
  (fn(new Matrix(A), Matrix.columnVector(b)) as Matrix).to1DArray();

describe.skipIf(!hasRule(RULE))(`fix equivalence: numerics/${RULE}`, () => {
  const fixed = CASES.map((c) => fixAndCheck(c.code, { rules: [RULE], mode: 'fix' }));

  it('fixes to solve(A, b) and the output type-checks', () => {
    for (const run of fixed) expect(run.output).toMatch(/\bsolve\(A, b\)/);
    const diagnostics = typeCheckMany(fixed.flatMap((r) => [{ code: r.code }, { code: r.output }]));
    for (let i = 0; i < fixed.length; i++) {
      expect(diagnostics[2 * i], fixed[i].code).toEqual([]);
      expect(diagnostics[2 * i + 1], fixed[i].output).toEqual([]);
    }
  });

  CASES.forEach((c, index) => {
    describe(c.name, () => {
      const original = loadFunction(fixed[index].code, 'case.ts', RUNTIME);
      const rewritten = loadFunction(fixed[index].output, 'case.ts', RUNTIME);

      it('well-conditioned random 5×5: fixed equals original within 1e-12', () => {
        const { A, b } = system('random 5×5');
        const ref = referenceSolve(A, b);
        const xo = run(original, A, b);
        const xf = run(rewritten, A, b);
        const eo = relError(xo, ref);
        const ef = relError(xf, ref);
        console.log(`[${RULE}] ${c.name}, random 5×5: error original ${eo.toExponential(2)}, fixed ${ef.toExponential(2)}`);
        expect(relError(xf, xo)).toBeLessThan(1e-12);
        expect(ef).toBeLessThan(1e-14);
      });

      it('ill-conditioned Hilbert 10×10: fixed is no worse than the explicit inverse', () => {
        const { A, b } = system('Hilbert 10×10');
        const ref = referenceSolve(A, b);
        const eo = relError(run(original, A, b), ref);
        const ef = relError(run(rewritten, A, b), ref);
        console.log(`[${RULE}] ${c.name}, Hilbert 10×10: error original ${eo.toExponential(2)}, fixed ${ef.toExponential(2)}`);
        expect(ef).toBeLessThanOrEqual(eo);
        expect(ef).toBeLessThan(1e-2);
      });
    });
  });
});
