/**
 * no-normal-equations: least squares through the normal equations, `inv(XᵀX)·Xᵀ·y` or `solve(XᵀX, Xᵀy)`,
 * squares the condition number of X: with cond(X) = 1e8 no digit of the solution is right in float64. A QR
 * least-squares solve works on X itself (ml-matrix's `solve(X, y)` uses QR for a non-square X).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { getEngine } from '../src/ops/engine.js';
import { createReporter, type FixSpec } from '../src/fix/report.js';
import { argumentText, shortCode } from '../src/fix/text.js';
import { detectNormalEquations, type NormalEquations } from '../src/patterns/conditioning.js';
import { importsMatrixLibrary } from '../src/analysis/matrix-libraries.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = 'normalEquations' | 'normalEquationsSuggestion';

export default createRule<[], MessageIds>({
  name: 'no-normal-equations',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow least squares through the normal equations `inv(XᵀX)·Xᵀ·y`; use a QR solve',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      normalEquations:
        '`{{code}}` solves least squares through the normal equations, which square the condition number of X (cond(X) = 1e8 leaves no correct digit); use a QR solve{{replacement}}.',
      normalEquationsSuggestion: 'Replace with `{{fix}}` (QR least squares on X).',
    },
    schema: [],
  },
  // Every pattern calls a matrix library the file imports.
  appliesTo: (context) => importsMatrixLibrary(context.sourceCode),
  create(context) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);

    function fixFor(match: NormalEquations): FixSpec | null {
      if (match.library !== 'ml-matrix') return null;
      const x = argumentText(sourceCode, match.design.node);
      if (!match.target) return null;
      const y = argumentText(sourceCode, match.target.node);
      return {
        target: match.node,
        valueIdentical: false,
        moduleImports: [{ module: 'ml-matrix', names: ['solve'] }],
        text: (callees) => `${callees.module('ml-matrix', 'solve')}(${x}, ${y})`,
      };
    }

    function check(node: TSESTree.CallExpression): void {
      const match = detectNormalEquations(engine, node);
      if (!match) return;
      const fix = fixFor(match);
      const suggested = match.target ? `solve(${shortCode(sourceCode, match.design.node, 20)}, ${shortCode(sourceCode, match.target.node, 20)})` : '';
      reporter.add({
        node,
        messageId: 'normalEquations',
        data: {
          code: shortCode(sourceCode, node),
          replacement: match.library === 'ml-matrix' ? (match.target ? ` (\`${suggested}\`)` : ' (`pseudoInverse(X)` for the pseudo-inverse)') : ' (`math.qr`, then a triangular solve)',
          fix: suggested,
        },
        fix,
        suggestionMessageId: 'normalEquationsSuggestion',
      });
    }

    return {
      CallExpression: check,
      'Program:exit'() {
        reporter.flush();
      },
    };
  },
});
