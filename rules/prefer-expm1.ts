/**
 * prefer-expm1: `exp(x) - 1` cancels catastrophically for small |x| (`Math.exp(1e-10) - 1` is off by ~1e-7
 * relative; `Math.exp(1e-17) - 1` is 0); `expm1(x)` is accurate. `1 - exp(x)` is `-expm1(x)`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isPolyfillOf } from '../src/analysis/guards.js';
import { getEngine } from '../src/ops/engine.js';
import { createReporter, type FixSpec } from '../src/fix/report.js';
import { planTemporaries } from '../src/fix/temporaries.js';
import { argumentText, receiverText, shortCode } from '../src/fix/text.js';
import { detectExpm1, type Expm1Match } from '../src/patterns/log1p-expm1.js';
import { detectNaiveSigmoid } from '../src/patterns/sigmoid.js';
import { mentions } from '../src/ops/vocabulary.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = 'preferExpm1' | 'preferExpm1Suggestion';

export default createRule<[], MessageIds>({
  name: 'prefer-expm1',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer `expm1(x)` over `exp(x) - 1` and `-expm1(x)` over `1 - exp(x)`',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      preferExpm1: '`{{code}}` cancels catastrophically when |x| is small (all digits lost below ~1e-16); use `{{replacement}}`.',
      preferExpm1Suggestion: 'Replace with `{{replacement}}`.',
    },
    schema: [],
  },
  // Every spelling exponentiates.
  appliesTo: (context) => mentions(context.sourceCode, 'exp'),
  create(context) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);

    function fixFor({ outer, exp, x, negated }: Expm1Match): FixSpec {
      const temporaries = planTemporaries(engine, [exp], [x.node], outer.node);
      const base = { target: outer.node, remove: temporaries.remove, valueIdentical: temporaries.movable };
      if (outer.domain !== 'tensor') {
        const argument = argumentText(sourceCode, x.node);
        return { ...base, shape: negated ? 'unary' : 'call', text: () => (negated ? `-Math.expm1(${argument})` : `Math.expm1(${argument})`) };
      }
      // Chained only when x was a tensor receiver already: TF.js functional ops also take plain arrays.
      if (outer.spelling === 'tf-chained' && (exp.spelling === 'tf-chained' || engine.producesTensor(x))) {
        const receiver = receiverText(sourceCode, x.node);
        return { ...base, text: () => (negated ? `${receiver}.expm1().neg()` : `${receiver}.expm1()`) };
      }
      const argument = argumentText(sourceCode, x.node);
      return {
        ...base,
        tfOps: negated ? ['expm1', 'neg'] : ['expm1'],
        text: (callees) => (negated ? `${callees.tf('neg')}(${callees.tf('expm1')}(${argument}))` : `${callees.tf('expm1')}(${argument})`),
      };
    }

    function check(node: TSESTree.BinaryExpression | TSESTree.CallExpression): void {
      const match = detectExpm1(engine, node);
      if (!match) return;
      // `(exp(2x) - 1) / (exp(2x) + 1)` is a tanh: no-naive-sigmoid rewrites the whole quotient.
      // The quotient is the parent, or, chained (`….sub(1).div(…)`), the call of the parent member.
      const quotient = node.parent?.type === 'MemberExpression' && node.parent.object === node ? node.parent.parent : node.parent;
      if (quotient && detectNaiveSigmoid(engine, quotient)) return;
      // A fallback for a missing Math.expm1 must not call it.
      if (match.outer.domain !== 'tensor' && isPolyfillOf(engine, node, 'expm1')) return;
      const tensor = match.outer.domain === 'tensor';
      const replacement = tensor ? (match.negated ? 'tf.neg(tf.expm1(x))' : 'tf.expm1(x)') : match.negated ? '-Math.expm1(x)' : 'Math.expm1(x)';
      reporter.add({
        node,
        messageId: 'preferExpm1',
        data: { code: shortCode(sourceCode, node), replacement },
        fix: fixFor(match),
        suggestionMessageId: 'preferExpm1Suggestion',
      });
    }

    return {
      BinaryExpression: check,
      CallExpression: check,
      'Program:exit'() {
        reporter.flush();
      },
    };
  },
});
