/**
 * no-naive-softmax: `exp(x) / sum(exp(x))` overflows to Infinity / Infinity = NaN once a logit exceeds ~88.7
 * (float32) / ~709.8 (float64), and gives 0 / 0 = NaN when every logit is below ~-103 / ~-745. Shifting by the
 * max first (what `tf.softmax` and the kernel do) makes both impossible.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { getEngine } from '../src/ops/engine.js';
import { createReporter, type FixSpec } from '../src/fix/report.js';
import { planTemporaries } from '../src/fix/temporaries.js';
import { argumentText, receiverText, shortCode } from '../src/fix/text.js';
import { detectNaiveSoftmax, type NaiveSoftmaxMatch } from '../src/patterns/softmax.js';
import { mentions } from '../src/ops/vocabulary.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = 'naiveSoftmax' | 'naiveSoftmaxSuggestion' | 'otherAxisSuggestion';

export default createRule<[], MessageIds>({
  name: 'no-naive-softmax',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow softmax written as `exp(x) / sum(exp(x))` without a max shift',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      naiveSoftmax:
        '`{{code}}` is NaN (Infinity / Infinity) once a logit exceeds ~{{limit}} and 0 / 0 when all are very negative; use `{{replacement}}`, which subtracts the max first.',
      naiveSoftmaxSuggestion: 'Replace with `{{replacement}}` (check the axis: tf.softmax normalises over the last one).',
      otherAxisSuggestion: 'Subtract the max over the same axis before `exp`.',
    },
    schema: [],
  },
  // Every spelling exponentiates.
  appliesTo: (context) => mentions(context.sourceCode, 'exp'),
  create(context) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);

    function tensorFix(match: NaiveSoftmaxMatch, temporaries: ReturnType<typeof planTemporaries>): { fix: FixSpec; replacement: string; otherAxis: boolean } {
      const [axis, keepDims] = match.sum.options;
      const axisValue = axis ? engine.staticNumber(axis) : undefined;
      const keepDimsValue = keepDims ? engine.staticBoolean(keepDims) === true : false;
      const input = match.input.node;
      // Chained only when x was a tensor receiver already: TF.js functional ops also take plain arrays.
      const chained = match.div.spelling === 'tf-chained' && (match.numerator.spelling === 'tf-chained' || engine.producesTensor(match.input));
      if (axis && axisValue !== -1) {
        // Another axis: keep the shape of the code, shift by the max over that axis.
        const axisText = sourceCode.getText(axis);
        return {
          otherAxis: true,
          replacement: `exp(x - max(x, ${axisText}, true)) / sum(…)`,
          fix: {
            target: match.div.node,
            tfOps: ['div', 'exp', 'sub', 'max', 'sum'],
            remove: temporaries.remove,
            valueIdentical: false,
            text: (tf) => {
              const x = argumentText(sourceCode, input);
              const shifted = `${tf.tf('exp')}(${tf.tf('sub')}(${x}, ${tf.tf('max')}(${x}, ${axisText}, true)))`;
              return `${tf.tf('div')}(${shifted}, ${tf.tf('sum')}(${shifted}, ${axisText}, true))`;
            },
          },
        };
      }
      return {
        otherAxis: false,
        replacement: chained ? 'x.softmax()' : 'tf.softmax(x)',
        fix: {
          target: match.div.node,
          tfOps: chained ? [] : ['softmax'],
          remove: temporaries.remove,
          // Only the last axis with kept dims is tf.softmax exactly; a sum over all axes equals it for 1-D x only.
          valueIdentical: temporaries.movable && axisValue === -1 && keepDimsValue,
          text: (tf) => (chained ? `${receiverText(sourceCode, input)}.softmax()` : `${tf.tf('softmax')}(${argumentText(sourceCode, input)})`),
        },
      };
    }

    function check(node: TSESTree.Node): void {
      const match = detectNaiveSoftmax(engine, node);
      if (!match) return;
      const leaves = [match.input.node, ...(match.temperature ? [match.temperature] : [])];
      const temporaries = planTemporaries(engine, [match.numerator, match.sum, match.denominatorExp], leaves, match.div.node);
      let fix: FixSpec;
      let replacement: string;
      let otherAxis = false;
      if (match.domain === 'tensor') {
        ({ fix, replacement, otherAxis } = tensorFix(match, temporaries));
      } else {
        const args = leaves.map((leaf) => argumentText(sourceCode, leaf)).join(', ');
        replacement = match.temperature ? 'softmax(xs, temperature)' : 'softmax(xs)';
        // The kernel requires a positive temperature; a temperature of unknown sign is a suggestion.
        const positiveTemperature = !match.temperature || (engine.staticNumber(match.temperature) ?? 0) > 0;
        fix = {
          target: match.div.node,
          kernels: ['softmax'],
          remove: temporaries.remove,
          valueIdentical: temporaries.movable && positiveTemperature,
          text: (callees) => `${callees.kernel('softmax')}(${args})`,
        };
      }
      reporter.add({
        node: match.div.node,
        messageId: 'naiveSoftmax',
        data: { code: shortCode(sourceCode, node), limit: match.domain === 'tensor' ? '88.7 (float32)' : '709.8 (float64)', replacement },
        fix,
        suggestionMessageId: otherAxis ? 'otherAxisSuggestion' : 'naiveSoftmaxSuggestion',
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
