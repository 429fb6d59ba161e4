import rule from '../../rules/no-normal-equations.js';
import { ruleTester } from '../helpers/rule-tester.js';

const ML = "import { Matrix, inverse, solve } from 'ml-matrix';\n";

ruleTester.run('no-normal-equations', rule, {
  valid: [
    `${ML}export const ols = (X: Matrix, y: Matrix) => solve(X, y);`,
    "import { Matrix, QrDecomposition } from 'ml-matrix';\nexport const ols = (X: Matrix, y: Matrix) => new QrDecomposition(X).solve(y);",
    // A Gram matrix of different factors, a ridge term (explicit-inverse's business), XXᵀ.
    `${ML}export const f = (X: Matrix, Z: Matrix, y: Matrix) => inverse(X.transpose().mmul(Z)).mmul(X.transpose()).mmul(y);`,
    `${ML}export const f = (G: Matrix, X: Matrix, y: Matrix) => inverse(G).mmul(X.transpose()).mmul(y);`,
    `${ML}export const f = (X: Matrix, y: Matrix) => solve(X.mmul(X.transpose()), y);`,
  ],
  invalid: [
    {
      code: `${ML}export function ols(X: Matrix, y: Matrix) {\n  const Xt = X.transpose();\n  return inverse(Xt.mmul(X)).mmul(Xt).mmul(y);\n}`,
      output: null,
      errors: [
        {
          messageId: 'normalEquations',
          suggestions: [{ messageId: 'normalEquationsSuggestion', output: `${ML}export function ols(X: Matrix, y: Matrix) {\n  const Xt = X.transpose();\n  return solve(X, y);\n}` }],
        },
      ],
    },
    {
      code: `${ML}export const ols = (X: Matrix, y: Matrix) => inverse(X.transpose().mmul(X)).mmul(X.transpose().mmul(y));`,
      output: null,
      errors: [{ messageId: 'normalEquations', suggestions: [{ messageId: 'normalEquationsSuggestion', output: `${ML}export const ols = (X: Matrix, y: Matrix) => solve(X, y);` }] }],
    },
    {
      code: `${ML}export function ols(X: Matrix, y: Matrix) {\n  const Xt = X.transpose();\n  return solve(Xt.mmul(X), Xt.mmul(y));\n}`,
      output: null,
      errors: [
        {
          messageId: 'normalEquations',
          suggestions: [{ messageId: 'normalEquationsSuggestion', output: `${ML}export function ols(X: Matrix, y: Matrix) {\n  const Xt = X.transpose();\n  return solve(X, y);\n}` }],
        },
      ],
    },
    // The pseudo-inverse via normal equations: report (no y to solve for).
    { code: `${ML}export const pinv = (X: Matrix) => inverse(X.transpose().mmul(X)).mmul(X.transpose());`, output: null, errors: [{ messageId: 'normalEquations' }] },
    // mathjs: report only.
    {
      code: "import * as math from 'mathjs';\nexport function ols(X: number[][], y: number[]) {\n  const Xt = math.transpose(X);\n  return math.multiply(math.multiply(math.inv(math.multiply(Xt, X)), Xt), y);\n}",
      output: null,
      errors: [{ messageId: 'normalEquations' }],
    },
  ],
});

// Look-alikes: a local `inverse`, another library, a shadowed import name.
ruleTester.run('no-normal-equations (look-alikes)', rule, {
  valid: [
    'const inverse = (m: any) => m;\nexport const ols = (X: any, y: any) => inverse(X.transpose().mmul(X)).mmul(X.transpose()).mmul(y);',
    "import { inverse } from './my-matrix';\nexport const ols = (X: any, y: any) => inverse(X.transpose().mmul(X)).mmul(X.transpose().mmul(y));",
    `${ML}export function ols(inverse: (m: Matrix) => Matrix, X: Matrix, y: Matrix) { return inverse(X.transpose().mmul(X)).mmul(X.transpose().mmul(y)); }`,
  ],
  invalid: [],
});
