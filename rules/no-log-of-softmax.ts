/**
 * no-log-of-softmax: `log(softmax(x))` rounds small probabilities to 0 and returns -Infinity (float32 softmax of
 * [0, 200] is [0, 1], so the log is [-Infinity, 0]). `logSoftmax` computes `(x − max) − log Σ exp(x − max)`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { getEngine } from '../src/ops/engine.js';
import { createReporter, type FixSpec } from '../src/fix/report.js';
import { planTemporaries } from '../src/fix/temporaries.js';
import { argumentText, optionsText, receiverText, shortCode } from '../src/fix/text.js';
import { detectLogOfSoftmax, type LogOfSoftmaxMatch } from '../src/patterns/log-of-softmax.js';
import { mentions } from '../src/ops/vocabulary.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = 'logOfSoftmax' | 'logOfSoftmaxSuggestion';

export default createRule<[], MessageIds>({
  name: 'no-log-of-softmax',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `log(softmax(x))`; use `logSoftmax`',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      logOfSoftmax:
        '`{{code}}` gives -Infinity where a probability underflows to 0 (logits ~{{gap}} apart); use `{{replacement}}`.',
      logOfSoftmaxSuggestion: 'Replace with `{{replacement}}`.',
    },
    schema: [],
  },
  // Every spelling takes the log of a softmax.
  appliesTo: (context) => mentions(context.sourceCode, 'log') && mentions(context.sourceCode, 'softmax'),
  create(context) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);

    function fixFor(match: LogOfSoftmaxMatch): { fix: FixSpec | null; replacement: string } {
      const { log, softmax } = match;
      const input = engine.unwrapElement(softmax.operands[0]);
      if (!engine.isFreeOfElements(input)) return { fix: null, replacement: 'logSoftmax(x)' };
      const temporaries = planTemporaries(engine, [engine.op(log.operands[0]), softmax], [input.node, ...(match.index ? [match.index] : [])], log.node);

      if (match.kind === 'tensor') {
        const options = optionsText(sourceCode, softmax.options);
        // Chained only when x was a tensor receiver already: TF.js functional ops also take plain arrays.
        const chained = log.spelling === 'tf-chained' && (softmax.spelling === 'tf-chained' || engine.producesTensor(input));
        return {
          replacement: chained ? 'x.logSoftmax()' : 'tf.logSoftmax(x)',
          fix: {
            target: log.node,
            text: (callees) =>
              chained
                ? `${receiverText(sourceCode, input.node)}.logSoftmax(${options})`
                : `${callees.tf('logSoftmax')}(${[argumentText(sourceCode, input.node), options].filter(Boolean).join(', ')})`,
            tfOps: chained ? [] : ['logSoftmax'],
            remove: temporaries.remove,
            // A local softmax helper may normalise over another axis than tf.logSoftmax's last one.
            valueIdentical: temporaries.movable && softmax.spelling !== 'local-function',
          },
        };
      }
      // Array forms call the kernel; a softmax with a temperature has no one-call equivalent.
      if (softmax.options.length > 0) return { fix: null, replacement: 'logSoftmax(xs)' };
      const index = match.index ? `[${sourceCode.getText(match.index)}]` : '';
      return {
        replacement: `logSoftmax(xs)${index ? '[k]' : ''}`,
        fix: {
          target: log.node,
          text: (callees) => `${callees.kernel('logSoftmax')}(${argumentText(sourceCode, input.node)})${index}`,
          kernels: ['logSoftmax'],
          remove: temporaries.remove,
          valueIdentical: temporaries.movable,
        },
      };
    }

    function check(node: TSESTree.Node): void {
      const match = detectLogOfSoftmax(engine, node);
      if (!match) return;
      const { fix, replacement } = fixFor(match);
      reporter.add({
        node,
        messageId: 'logOfSoftmax',
        data: { code: shortCode(sourceCode, node), gap: match.kind === 'tensor' ? '104 (float32)' : '745 (float64)', replacement },
        fix,
        suggestionMessageId: 'logOfSoftmaxSuggestion',
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
