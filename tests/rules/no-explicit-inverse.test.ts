import rule from '../../rules/no-explicit-inverse.js';
import { ruleTester } from '../helpers/rule-tester.js';

const ML = "import { Matrix, inverse } from 'ml-matrix';\n";

ruleTester.run('no-explicit-inverse', rule, {
  valid: [
    // The inverse for its own sake, or kept and reused (a covariance inverse applied to many vectors).
    `${ML}export const precision = (S: Matrix) => inverse(S);`,
    `${ML}export function f(S: Matrix, a: Matrix, b: Matrix) { const Sinv = inverse(S); return [Sinv.mmul(a), Sinv.mmul(b)]; }`,
    // The inverse as the right factor (xᵀ S⁻¹ x, a Mahalanobis distance): not a solve of S·x = b.
    `${ML}export const d2 = (S: Matrix, x: Matrix) => x.transpose().mmul(inverse(S)).mmul(x);`,
    // Already a solve; normal equations are no-normal-equations' finding.
    "import { Matrix, solve } from 'ml-matrix';\nexport const f = (A: Matrix, b: Matrix) => solve(A, b);",
    `${ML}export const ols = (X: Matrix, y: Matrix) => inverse(X.transpose().mmul(X)).mmul(X.transpose().mmul(y));`,
    // Look-alikes: a local `inverse`, another library, a shadowed name.
    'const inverse = (m: { mmul(b: unknown): unknown }) => m;\nexport const f = (A: { mmul(b: unknown): unknown }, b: unknown) => inverse(A).mmul(b);',
    "import { inverse } from './my-matrix';\nexport const f = (A: any, b: any) => inverse(A).mmul(b);",
    `${ML}export function f(inverse: (m: Matrix) => Matrix, A: Matrix, b: Matrix) { return inverse(A).mmul(b); }`,
    "import * as math from 'mathjs';\nexport const f = (A: number[][], b: number[], c: number[]) => math.multiply(math.inv(A), b, c);",
  ],
  invalid: [
    {
      code: `${ML}export const f = (A: Matrix, b: Matrix) => inverse(A).mmul(b);`,
      output: "import { Matrix, inverse, solve } from 'ml-matrix';\nexport const f = (A: Matrix, b: Matrix) => solve(A, b);",
      errors: [{ messageId: 'explicitInverse' }],
    },
    {
      code: "import { Matrix, inverse, solve } from 'ml-matrix';\nexport function f(A: Matrix, b: Matrix) {\n  const Ainv = inverse(A);\n  return Ainv.mmul(b);\n}",
      output: "import { Matrix, inverse, solve } from 'ml-matrix';\nexport function f(A: Matrix, b: Matrix) {\n  return solve(A, b);\n}",
      errors: [{ messageId: 'explicitInverse', line: 4 }],
    },
    {
      code: "const { Matrix, inverse } = require('ml-matrix');\nexports.f = (A, b) => inverse(A, true).mmul(b);",
      output: "const { Matrix, inverse, solve } = require('ml-matrix');\nexports.f = (A, b) => solve(A, b, true);",
      errors: [{ messageId: 'explicitInverse' }],
    },
    {
      code: "import * as ml from 'ml-matrix';\nexport const f = (A: ml.Matrix, b: ml.Matrix) => ml.inverse(A).mmul(b);",
      output: "import * as ml from 'ml-matrix';\nexport const f = (A: ml.Matrix, b: ml.Matrix) => ml.solve(A, b);",
      errors: [{ messageId: 'explicitInverse' }],
    },
    // mathjs: lusolve returns a column matrix for a 1-D b, so only suggest.
    {
      code: "import * as math from 'mathjs';\nexport const f = (A: number[][], b: number[]) => math.multiply(math.inv(A), b);",
      output: null,
      errors: [
        {
          messageId: 'explicitInverse',
          suggestions: [{ messageId: 'explicitInverseSuggestion', output: "import * as math from 'mathjs';\nexport const f = (A: number[][], b: number[]) => math.lusolve(A, b);" }],
        },
      ],
    },
    {
      code: "import { create, all } from 'mathjs';\nconst math = create(all);\nexport const f = (A: number[][], b: number[]) => math.multiply(math.inv(A), b);",
      output: null,
      errors: [
        {
          messageId: 'explicitInverse',
          suggestions: [
            { messageId: 'explicitInverseSuggestion', output: "import { create, all } from 'mathjs';\nconst math = create(all);\nexport const f = (A: number[][], b: number[]) => math.lusolve(A, b);" },
          ],
        },
      ],
    },
    {
      code: "import { inv, multiply } from 'mathjs';\nexport const f = (A: number[][], b: number[]) => multiply(inv(A), b);",
      output: null,
      errors: [
        {
          messageId: 'explicitInverse',
          suggestions: [{ messageId: 'explicitInverseSuggestion', output: "import { inv, multiply, lusolve } from 'mathjs';\nexport const f = (A: number[][], b: number[]) => lusolve(A, b);" }],
        },
      ],
    },
  ],
});
