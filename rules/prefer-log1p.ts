/**
 * prefer-log1p: `log(1 + x)` loses every digit of x below ~1e-16 (`Math.log(1 + 1e-17)` is 0, not 1e-17) and
 * most of them below ~1e-8; `log1p(x)` is accurate across the range. `log(1 - x)` is `log1p(-x)`.
 * Softplus (`log(1 + exp(x))`) and `log(1 - sigmoid(x))` are left to no-naive-log-sigmoid, whose fix is stable.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isPolyfillOf } from '../src/analysis/guards.js';
import { getEngine } from '../src/ops/engine.js';
import { negatedNumberText } from '../src/fix/negate.js';
import { createReporter, type FixSpec } from '../src/fix/report.js';
import { planTemporaries } from '../src/fix/temporaries.js';
import { argumentText, receiverText, shortCode } from '../src/fix/text.js';
import { detectLog1p, type Log1pMatch } from '../src/patterns/log1p-expm1.js';
import { detectLogSigmoid } from '../src/patterns/sigmoid.js';
import { mentions } from '../src/ops/vocabulary.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = 'preferLog1p' | 'preferLog1pSuggestion';

export default createRule<[], MessageIds>({
  name: 'prefer-log1p',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer `log1p(x)` over `log(1 + x)` and `log1p(-x)` over `log(1 - x)`',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      preferLog1p: '`{{code}}` loses the digits of x when |x| is small (below ~1e-8 half of them, below ~1e-16 all); use `{{replacement}}`.',
      preferLog1pSuggestion: 'Replace with `{{replacement}}`.',
    },
    schema: [],
  },
  // Every spelling takes a log.
  appliesTo: (context) => mentions(context.sourceCode, 'log'),
  create(context) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);

    function fixFor({ log, inner, x, negated }: Log1pMatch): FixSpec {
      const temporaries = planTemporaries(engine, [engine.op(log.operands[0])], [x.node], log.node);
      const base = { target: log.node, remove: temporaries.remove, valueIdentical: temporaries.movable };
      if (log.domain !== 'tensor') {
        const argument = negated ? negatedNumberText(sourceCode, x.node) : argumentText(sourceCode, x.node);
        return { ...base, text: () => `Math.log1p(${argument})` };
      }
      // Chained only when x was a tensor receiver already: TF.js functional ops also take plain arrays.
      if (log.spelling === 'tf-chained' && ((inner.spelling === 'tf-chained' && inner.operands[0] === x) || engine.producesTensor(x))) {
        const receiver = receiverText(sourceCode, x.node);
        return { ...base, text: () => (negated ? `${receiver}.neg().log1p()` : `${receiver}.log1p()`) };
      }
      const argument = argumentText(sourceCode, x.node);
      return {
        ...base,
        tfOps: negated ? ['log1p', 'neg'] : ['log1p'],
        text: (callees) => (negated ? `${callees.tf('log1p')}(${callees.tf('neg')}(${argument}))` : `${callees.tf('log1p')}(${argument})`),
      };
    }

    function check(node: TSESTree.CallExpression): void {
      const match = detectLog1p(engine, node);
      // Softplus `log(1 + exp(x))` and `log(1 - sigmoid(x))` are no-naive-log-sigmoid's: log1p would not save them.
      if (!match || detectLogSigmoid(engine, node)) return;
      // A fallback for a missing Math.log1p must not call it.
      if (match.log.domain !== 'tensor' && isPolyfillOf(engine, node, 'log1p')) return;
      const replacement = match.log.domain === 'tensor' ? (match.negated ? 'tf.log1p(tf.neg(x))' : 'tf.log1p(x)') : match.negated ? 'Math.log1p(-x)' : 'Math.log1p(x)';
      reporter.add({
        node,
        messageId: 'preferLog1p',
        data: { code: shortCode(sourceCode, node), replacement },
        fix: fixFor(match),
        suggestionMessageId: 'preferLog1pSuggestion',
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
