/**
 * no-nan-gradient-where: two ways a `tf.where` breaks the gradient.
 * - A single `tf.where(x > 0, tf.log(x), 0)` masks the value but not the gradient: `log` is still differentiated
 *   on the masked elements, where its gradient is Infinity (or NaN), and the where's zero gradient times it is
 *   `0 · Infinity = NaN`. The same holds for `sqrt`, `log1p` and a division by the masked value. The fix masks
 *   the input too: `tf.where(c, tf.log(tf.where(c, x, tf.onesLike(x))), 0)` (the same value everywhere), as a
 *   suggestion. Reported in differentiated code only: elsewhere the single where is the right idiom (TF.js's own
 *   precision and recall metrics are written so; they were this pattern's only findings in tfjs-layers/core/data/
 *   converter when it was reported everywhere).
 * - In differentiated code, a condition built with `greater`, `less`, `equal`, `notEqual` or `lessEqual` of a
 *   differentiated value has no gradient: backpropagation throws "Cannot compute gradient: gradient function not
 *   found for Greater." Only `greaterEqual` has one. `lessEqual(a, b)` is rewritten to `greaterEqual(b, a)`
 *   (the same mask, NaN included); the others are reported only (their `greaterEqual` forms differ at NaN).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describeDifferentiated } from '../src/analysis/differentiated.js';
import { createReporter, type FixSpec } from '../src/fix/report.js';
import { argumentText, shortCode } from '../src/fix/text.js';
import { getEngine, mayHoldTensors } from '../src/ops/engine.js';
import { mentions } from '../src/ops/vocabulary.js';
import {
  detectMaskedBranch,
  detectThrowingConditions,
  swappableLessEqual,
  THROWING_COMPARISONS,
  type MaskedBranchMatch,
} from '../src/patterns/gradient-traps.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = 'maskedBranch' | 'doubleWhereSuggestion' | 'throwingCondition' | 'greaterEqualSuggestion';

const DOMAIN: Record<MaskedBranchMatch['kind'], string> = {
  log: 'log of a value ≤ 0',
  log1p: 'log1p of a value ≤ -1',
  sqrt: 'sqrt of a value ≤ 0',
  div: 'a division by 0',
  reciprocal: 'the reciprocal of 0',
};

export default createRule<[], MessageIds>({
  name: 'no-nan-gradient-where',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a single `tf.where` masking a log, sqrt or division of the masked value, and conditions without a gradient in differentiated code',
      recommended: 'strict',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      maskedBranch:
        '`{{code}}` runs inside {{context}} and masks the value of `{{op}}` but not its gradient: on the masked elements ({{domain}}) that gradient is Infinity or NaN, and 0 · Infinity = NaN reaches the result. Mask the input too (the double-`where` form).',
      doubleWhereSuggestion: 'Mask the input as well: `{{replacement}}` (the same value everywhere; a finite gradient).',
      throwingCondition:
        '`{{code}}` compares a differentiated value inside {{context}}: {{kernel}} has no gradient, so backpropagation through this tf.where throws "Cannot compute gradient: gradient function not found for {{kernel}}.". Build the mask with tf.greaterEqual (the only comparison with a gradient) or outside the differentiated function.',
      greaterEqualSuggestion: 'Replace with `{{replacement}}` (the same mask, and greaterEqual has a gradient).',
    },
    schema: [],
  },
  // Both forms are TF.js `where` calls: in a file that holds tensors and names `where`.
  appliesTo: (context) => mentions(context.sourceCode, 'where') && mayHoldTensors(context),
  create(context) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);

    function doubleWhere(match: MaskedBranchMatch): { fix: FixSpec | null; replacement: string } {
      const inner = match.branch === 'then' ? 'tf.where(c, x, tf.onesLike(x))' : 'tf.where(c, tf.onesLike(x), x)';
      const call = match.kind === 'div' ? `tf.div(a, ${inner})` : `tf.${match.kind}(${inner})`;
      const replacement = match.branch === 'then' ? `tf.where(c, ${call}, y)` : `tf.where(c, y, ${call})`;
      if (!match.inline) return { fix: null, replacement };
      const condition = argumentText(sourceCode, match.condition);
      const value = argumentText(sourceCode, match.value);
      return {
        replacement,
        fix: {
          target: match.value,
          tfOps: ['where', 'onesLike'],
          valueIdentical: false,
          text: ({ tf }) =>
            match.branch === 'then'
              ? `${tf('where')}(${condition}, ${value}, ${tf('onesLike')}(${value}))`
              : `${tf('where')}(${condition}, ${tf('onesLike')}(${value}), ${value})`,
        },
      };
    }

    return {
      CallExpression(node: TSESTree.CallExpression) {
        for (const { comparison, context: differentiated } of detectThrowingConditions(engine, node)) {
          const swap = swappableLessEqual(engine, comparison);
          const fix: FixSpec | null = swap
            ? {
                target: comparison.node,
                tfOps: ['greaterEqual'],
                valueIdentical: true,
                text: ({ tf }) => `${tf('greaterEqual')}(${argumentText(sourceCode, swap.right)}, ${argumentText(sourceCode, swap.left)})`,
              }
            : null;
          reporter.add({
            node: comparison.node,
            messageId: 'throwingCondition',
            data: {
              code: shortCode(sourceCode, comparison.node),
              context: describeDifferentiated(differentiated),
              kernel: THROWING_COMPARISONS[comparison.name],
              replacement: 'tf.greaterEqual(b, a)',
            },
            fix,
            suggestionMessageId: 'greaterEqualSuggestion',
          });
        }

        const match = detectMaskedBranch(engine, node);
        if (!match) return;
        const { fix, replacement } = doubleWhere(match);
        reporter.add({
          node,
          messageId: 'maskedBranch',
          data: {
            code: shortCode(sourceCode, node),
            op: shortCode(sourceCode, match.unsafe.node, 40),
            domain: DOMAIN[match.kind],
            context: describeDifferentiated(match.context),
            replacement,
          },
          fix,
          suggestionMessageId: 'doubleWhereSuggestion',
        });
      },
      'Program:exit'() {
        reporter.flush();
      },
    };
  },
});
