/**
 * no-naive-logsumexp: `log(sum(exp(x)))` overflows once an element exceeds ~88.7 (float32) / ~709.8 (float64)
 * and underflows to -Infinity when every element is very negative. The stable form shifts by the max.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { mayHoldNegativeInfinity } from '../src/analysis/infinity.js';
import { getEngine } from '../src/ops/engine.js';
import { createReporter, type FixSpec } from '../src/fix/report.js';
import { planTemporaries } from '../src/fix/temporaries.js';
import { argumentText, optionsText, receiverText, shortCode } from '../src/fix/text.js';
import { detectNaiveLogSumExp, type LogSumExpMatch } from '../src/patterns/log-sum-exp.js';
import { mentions } from '../src/ops/vocabulary.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = 'naiveLogSumExp' | 'naiveLogSumExpSuggestion' | 'maskedSuggestion';

const LIMITS = {
  tensor: 'an element exceeds ~88.7 (float32)',
  array: 'an element exceeds ~709.8 (float64)',
  number: 'a term exceeds ~709.8 (float64)',
} as const;

export default createRule<[], MessageIds>({
  name: 'no-naive-logsumexp',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `log(sum(exp(x)))` without a max shift; use `logSumExp`',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      naiveLogSumExp:
        '`{{code}}` overflows to Infinity when {{limit}} and gives -Infinity when every element is very negative; use `{{replacement}}`, which shifts by the max.',
      naiveLogSumExpSuggestion: 'Replace with `{{replacement}}`.',
      maskedSuggestion:
        'Replace with `{{replacement}}` (a -Infinity mask reaches this: on a fully masked row tf.logSumExp gives NaN where the naive form gives -Infinity).',
    },
    schema: [],
  },
  // Every spelling is a log of exponentials.
  appliesTo: (context) => mentions(context.sourceCode, 'log') && mentions(context.sourceCode, 'exp'),
  create(context) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);

    function fixFor(match: LogSumExpMatch): { fix: FixSpec | null; replacement: string; masked: boolean } {
      const target = match.log.node;
      if (match.kind === 'reduce') {
        const input = engine.unwrapElement(match.input);
        if (!engine.isFreeOfElements(input)) return { fix: null, replacement: 'logSumExp(xs)', masked: false };
        const temporaries = planTemporaries(engine, [engine.op(match.log.operands[0]), engine.op(match.sum.operands[0])], [input.node], target);
        if (match.domain === 'tensor') {
          const options = optionsText(sourceCode, match.sum.options);
          // Chained only when x was a tensor receiver already: TF.js functional ops also take plain arrays.
          const chained = match.log.spelling === 'tf-chained' && (match.exp.spelling === 'tf-chained' || engine.producesTensor(input));
          const masked = mayHoldNegativeInfinity(engine, input.node);
          const fix: FixSpec = {
            target,
            text: (callees) =>
              chained
                ? `${receiverText(sourceCode, input.node)}.logSumExp(${options})`
                : `${callees.tf('logSumExp')}(${[argumentText(sourceCode, input.node), options].filter(Boolean).join(', ')})`,
            tfOps: chained ? [] : ['logSumExp'],
            remove: temporaries.remove,
            valueIdentical: temporaries.movable && !masked,
          };
          return { fix, replacement: chained ? 'x.logSumExp()' : 'tf.logSumExp(x)', masked };
        }
        const fix: FixSpec = {
          target,
          text: (callees) => `${callees.kernel('logSumExp')}(${argumentText(sourceCode, input.node)})`,
          kernels: ['logSumExp'],
          remove: temporaries.remove,
          valueIdentical: temporaries.movable,
        };
        return { fix, replacement: 'logSumExp(xs)', masked: false };
      }

      // log(exp(a) + exp(b) + …) on numbers
      if (match.domain === 'tensor') return { fix: null, replacement: 'tf.logSumExp(tf.stack([a, b]), 0)', masked: false };
      const inputs = match.exps.map((exp) => engine.unwrapElement(exp.operands[0]));
      if (!inputs.every((input) => engine.isFreeOfElements(input))) return { fix: null, replacement: 'logAddExp(a, b)', masked: false };
      const temporaries = planTemporaries(engine, [...match.adds, ...match.exps], inputs.map((input) => input.node), target);
      const texts = inputs.map((input) => argumentText(sourceCode, input.node));
      const pair = texts.length === 2;
      const fix: FixSpec = {
        target,
        text: (callees) => (pair ? `${callees.kernel('logAddExp')}(${texts.join(', ')})` : `${callees.kernel('logSumExp')}([${texts.join(', ')}])`),
        kernels: [pair ? 'logAddExp' : 'logSumExp'],
        remove: temporaries.remove,
        valueIdentical: temporaries.movable,
      };
      return { fix, replacement: pair ? 'logAddExp(a, b)' : 'logSumExp([a, b, …])', masked: false };
    }

    return {
      CallExpression(node: TSESTree.CallExpression) {
        const match = detectNaiveLogSumExp(engine, node);
        if (!match) return;
        const { fix, replacement, masked } = fixFor(match);
        const limit = LIMITS[match.domain];
        reporter.add({
          node,
          messageId: 'naiveLogSumExp',
          data: { code: shortCode(sourceCode, node), limit, replacement },
          fix,
          suggestionMessageId: masked ? 'maskedSuggestion' : 'naiveLogSumExpSuggestion',
        });
      },
      'Program:exit'() {
        reporter.flush();
      },
    };
  },
});
