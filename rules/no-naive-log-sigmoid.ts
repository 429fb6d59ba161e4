/**
 * no-naive-log-sigmoid: `log(sigmoid(x))` is -Infinity once sigmoid(x) underflows (x below ~-103 in float32,
 * ~-745 in float64) and `log(1 - sigmoid(x))` once sigmoid(x) rounds to 1 (x above ~17 in float32, ~37 in
 * float64); softplus written `log(1 + exp(x))` overflows above ~88.7 / ~709.8. `logSigmoid` and `softplus` do not.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { boundsAt, expCannotOverflow } from '../src/analysis/guards.js';
import { getEngine } from '../src/ops/engine.js';
import { emitUnaryCall } from '../src/fix/emit.js';
import { createReporter } from '../src/fix/report.js';
import { planTemporaries } from '../src/fix/temporaries.js';
import { shortCode } from '../src/fix/text.js';
import { detectBinaryCrossEntropy } from '../src/patterns/cross-entropy.js';
import { detectLogSigmoid } from '../src/patterns/sigmoid.js';
import { mentionsAny } from '../src/ops/vocabulary.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = 'naiveLogSigmoid' | 'naiveSoftplus' | 'naiveLogSigmoidSuggestion';

export default createRule<[], MessageIds>({
  name: 'no-naive-log-sigmoid',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `log(sigmoid(x))`, `log(1 - sigmoid(x))` and softplus written as `log(1 + exp(x))`',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      naiveLogSigmoid: '`{{code}}` is -Infinity once the sigmoid rounds to {{bound}}; use `{{replacement}}`.',
      naiveSoftplus: '`{{code}}` overflows to Infinity once x exceeds ~{{limit}}; use `{{replacement}}`.',
      naiveLogSigmoidSuggestion: 'Replace with `{{replacement}}`.',
    },
    schema: [],
  },
  // Every spelling takes a log (or a log1p).
  appliesTo: (context) => mentionsAny(context.sourceCode, ['log', 'log1p']),
  create(context) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);

    function check(node: TSESTree.CallExpression): void {
      const match = detectLogSigmoid(engine, node);
      if (!match || insideBinaryCrossEntropy(node)) return;
      const { outer, input, kind } = match;
      const x = engine.unwrapElement(input.x);
      if (!engine.isFreeOfElements(x) || engine.isConstant(engine.resolve(x).node)) return;
      const tensor = outer.domain === 'tensor';
      if (provablySafe(kind, x.node, input.negated, tensor ? 'tensor' : 'number', node)) return;
      // Chained only when x itself was used as a tensor receiver (TF.js functional ops also take plain arrays).
      const style = tensor ? (outer.spelling === 'tf-chained' && (input.chainable || engine.producesTensor(x)) ? 'tf-chained' : 'tf-functional') : 'kernel';
      const name = kind === 'softplus' ? 'softplus' : 'logSigmoid';
      const call = emitUnaryCall(sourceCode, name, style, x.node, input.negated);
      const temporaries = planTemporaries(engine, [engine.op(outer.operands[0]), match.inner], [x.node], outer.node);
      reporter.add({
        node,
        messageId: kind === 'softplus' ? 'naiveSoftplus' : 'naiveLogSigmoid',
        data: {
          code: shortCode(sourceCode, node),
          bound: input.negated ? '1' : '0',
          limit: tensor ? '88.7 (float32)' : '709.8 (float64)',
          replacement: call.display,
        },
        fix: {
          target: outer.node,
          text: call.text,
          kernels: call.kernels,
          tfOps: call.tfOps,
          remove: temporaries.remove,
          valueIdentical: temporaries.movable,
        },
        suggestionMessageId: 'naiveLogSigmoidSuggestion',
      });
    }

    /**
     * Guarded code: softplus whose exponent is proven below the overflow limit (`if (x <= 18) log1p(exp(x))`), or a
     * log-sigmoid whose argument is proven above -30 (float64) / -15 (float32), where the naive form is accurate.
     */
    function provablySafe(kind: 'softplus' | 'logSigmoid', x: TSESTree.Node, negated: boolean, domain: 'number' | 'tensor', site: TSESTree.Node): boolean {
      if (kind === 'softplus') return expCannotOverflow(engine, x, negated, domain, site);
      const bounds = boundsAt(engine, x, site);
      const lower = negated ? -bounds.upper : bounds.lower;
      return lower >= (domain === 'number' ? -30 : -15);
    }

    /** `y·log(p) + (1 − y)·log(1 − p)` is no-cross-entropy-on-probabilities's: one report, the logits form. */
    function insideBinaryCrossEntropy(node: TSESTree.Node): boolean {
      // log → term (→ negation) → sum
      let ancestor = node.parent;
      for (let level = 0; ancestor && level < 3; level++, ancestor = ancestor.parent) {
        if (level > 0 && detectBinaryCrossEntropy(engine, ancestor)?.logits != null) return true;
      }
      return false;
    }

    return {
      CallExpression: check,
      'Program:exit'() {
        reporter.flush();
      },
    };
  },
});
