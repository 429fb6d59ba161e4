/**
 * no-infinite-mask: a -Infinity mask (`tf.fill(shape, -Infinity)`, `tf.scalar(-Infinity)`,
 * `Number.NEGATIVE_INFINITY`, `-1/0`, through `tf.where`/`tf.add` and `const` temporaries) feeding
 * `softmax`/`logSoftmax`/`logSumExp` gives NaN on a row where every entry is masked: the max shift computes
 * `-Infinity - (-Infinity) = NaN` (measured: `tf.softmax` of a fully masked row is `[NaN, NaN]`, and so is the
 * gradient of anything computed from it). A large finite negative (-1e9) masks as well on partly masked rows
 * and gives a uniform row instead of NaN on fully masked ones: a different value there, so a suggestion.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { createReporter } from '../src/fix/report.js';
import { shortCode } from '../src/fix/text.js';
import { getEngine, mayHoldTensors } from '../src/ops/engine.js';
import { mentionsAny } from '../src/ops/vocabulary.js';
import { detectInfiniteMask } from '../src/patterns/gradient-traps.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = 'infiniteMask' | 'finiteMaskSuggestion';

const REPLACEMENT = '-1e9';

export default createRule<[], MessageIds>({
  name: 'no-infinite-mask',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow -Infinity masks feeding softmax, logSoftmax or logSumExp, which give NaN on a fully masked row',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      infiniteMask:
        '`{{code}}` takes a -Infinity mask (`{{source}}`): on a row where every entry is masked it gives NaN (-Infinity - (-Infinity)), and so does the gradient. Mask with a large finite negative such as {{replacement}} instead.',
      finiteMaskSuggestion:
        'Replace `{{source}}` with `{{replacement}}` (the same result on partly masked rows; a fully masked row becomes uniform instead of NaN).',
    },
    schema: [],
  },
  // The mask feeds a tensor softmax, logSoftmax or logSumExp: in a file that holds tensors and names one of them.
  appliesTo: (context) => mayHoldTensors(context) && mentionsAny(context.sourceCode, ['softmax', 'logSumExp']),
  create(context) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);

    return {
      CallExpression(node: TSESTree.CallExpression) {
        const match = detectInfiniteMask(engine, node);
        if (!match) return;
        reporter.add({
          node,
          messageId: 'infiniteMask',
          data: { code: shortCode(sourceCode, node), source: shortCode(sourceCode, match.source, 40), replacement: REPLACEMENT },
          fix: { target: match.source, valueIdentical: false, shape: 'unary', text: () => REPLACEMENT },
          suggestionMessageId: 'finiteMaskSuggestion',
        });
      },
      'Program:exit'() {
        reporter.flush();
      },
    };
  },
});
