/**
 * no-explicit-inverse: solving `A·x = b` by forming `inv(A)` and multiplying costs about three times the work
 * of a solve and is less accurate: the inverse carries an error of order cond(A)·u into every product.
 * `solve(A, b)` (ml-matrix) / `lusolve(A, b)` (mathjs) factorise once and substitute.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { getEngine } from '../src/ops/engine.js';
import { createReporter, type FixSpec } from '../src/fix/report.js';
import { planTemporaries } from '../src/fix/temporaries.js';
import { argumentText, shortCode } from '../src/fix/text.js';
import { detectExplicitInverse, type ExplicitInverse } from '../src/patterns/conditioning.js';
import { importsMatrixLibrary } from '../src/analysis/matrix-libraries.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = 'explicitInverse' | 'explicitInverseSuggestion';

export default createRule<[], MessageIds>({
  name: 'no-explicit-inverse',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow solving a linear system through an explicit inverse; use a solve',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      explicitInverse:
        '`{{code}}` solves A·x = b through an explicit inverse: about 3× the work of a solve and less accurate for ill-conditioned A; use `{{replacement}}`.',
      explicitInverseSuggestion: 'Replace with `{{replacement}}` (check the result shape: lusolve returns a column matrix).',
    },
    schema: [],
  },
  // Every pattern calls a matrix library the file imports.
  appliesTo: (context) => importsMatrixLibrary(context.sourceCode),
  create(context) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);

    function fixFor({ product, inverse }: ExplicitInverse): { fix: FixSpec; replacement: string } {
      const a = argumentText(sourceCode, inverse.matrix.node);
      const b = argumentText(sourceCode, product.right.node);
      const extra = inverse.extra ? `, ${sourceCode.getText(inverse.extra)}` : '';
      // The inverse may come from a temporary (`const Ainv = inverse(A)`): moving A past other statements is checked.
      const viaTemporary = engine.make('div', inverse.node, [], [], 'operator', 'number', { through: inverse.through });
      const temporaries = planTemporaries(engine, [viaTemporary], [inverse.matrix.node, product.right.node], product.node);
      const name = inverse.library === 'ml-matrix' ? 'solve' : 'lusolve';
      const replacement = `${name}(A, b)`;
      return {
        replacement,
        fix: {
          target: product.node,
          remove: temporaries.remove,
          // ml-matrix's solve returns the same shape as inverse(A).mmul(b); mathjs's lusolve may not (1-D b).
          valueIdentical: inverse.library === 'ml-matrix' && temporaries.movable,
          moduleImports: inverse.namespace ? [] : [{ module: inverse.library, names: [name] }],
          text: (callees) => `${inverse.namespace ? `${inverse.namespace}.${name}` : callees.module(inverse.library, name)}(${a}, ${b}${extra})`,
        },
      };
    }

    function check(node: TSESTree.CallExpression): void {
      const match = detectExplicitInverse(engine, node);
      if (!match) return;
      const { fix, replacement } = fixFor(match);
      reporter.add({
        node,
        messageId: 'explicitInverse',
        data: { code: shortCode(sourceCode, node), replacement },
        fix,
        suggestionMessageId: 'explicitInverseSuggestion',
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
