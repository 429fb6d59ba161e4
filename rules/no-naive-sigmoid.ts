/**
 * no-naive-sigmoid: `exp(x) / (1 + exp(x))` is Infinity / Infinity = NaN above ~709.8 (float64) / ~88.7
 * (float32); in tensor code `1 / (1 + exp(-x))` has a NaN gradient for large negative x; `tanh` written with
 * `exp(2x)` overflows the same way. The built-ins do not.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { boundsOf, EXP_OVERFLOW, expCannotOverflow, isPolyfillOf } from '../src/analysis/guards.js';
import { getEngine } from '../src/ops/engine.js';
import { emitUnaryCall } from '../src/fix/emit.js';
import { createReporter } from '../src/fix/report.js';
import { planTemporaries } from '../src/fix/temporaries.js';
import { shortCode } from '../src/fix/text.js';
import { detectNaiveSigmoid } from '../src/patterns/sigmoid.js';
import { mentions } from '../src/ops/vocabulary.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = 'naiveSigmoid' | 'naiveTanh' | 'naiveSigmoidSuggestion';

export default createRule<[], MessageIds>({
  name: 'no-naive-sigmoid',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sigmoid and tanh written with `exp` that overflows; use the built-in',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      naiveSigmoid: '`{{code}}` {{failure}}; use `{{replacement}}`.',
      naiveTanh: '`{{code}}` is NaN (Infinity / Infinity) once |x| exceeds ~{{limit}}; use `{{replacement}}`.',
      naiveSigmoidSuggestion: 'Replace with `{{replacement}}`.',
    },
    schema: [],
  },
  // Sigmoid and tanh written out exponentiate.
  appliesTo: (context) => mentions(context.sourceCode, 'exp'),
  create(context) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);

    function check(node: TSESTree.Node): void {
      const match = detectNaiveSigmoid(engine, node);
      if (!match) return;
      const { outer, input, kind } = match;
      const x = engine.unwrapElement(input.x);
      if (!engine.isFreeOfElements(x)) return;
      const tensor = outer.domain === 'tensor';
      // Guarded code: the exponentials provably cannot overflow (both exp(x) and exp(-x) for tanh).
      const domain = tensor ? 'tensor' : 'number';
      const reciprocalForm = outer.op === 'reciprocal' || engine.staticNumber(outer.operands[0].node) === 1;
      const exponentNegated = reciprocalForm ? !input.negated : input.negated;
      if (kind === 'sigmoid' && expCannotOverflow(engine, x.node, exponentNegated, domain)) return;
      // A fallback for a missing Math.tanh must not call it.
      if (kind === 'tanh' && !tensor && isPolyfillOf(engine, outer.node, 'tanh')) return;
      if (kind === 'tanh') {
        // exp(2x) and exp(-2x) must both stay finite: |x| below half the overflow limit.
        const bounds = boundsOf(engine, x.node);
        const limit = EXP_OVERFLOW[domain] / 2;
        if (bounds.upper <= limit && bounds.lower >= -limit) return;
      }
      // Chained only when x itself was used as a tensor receiver (TF.js functional ops also take plain arrays).
      const style = tensor ? (outer.spelling === 'tf-chained' && (input.chainable || engine.producesTensor(x)) ? 'tf-chained' : 'tf-functional') : kind === 'tanh' ? 'math' : 'kernel';
      const call = emitUnaryCall(sourceCode, kind, style, x.node, input.negated);
      const temporaries = planTemporaries(engine, outer.operands.map((operand) => engine.op(operand)), [x.node], outer.node);
      const limit = tensor ? '88.7 (float32)' : '709.8 (float64)';
      const exponentiatesX = outer.op === 'div' && engine.staticNumber(outer.operands[0].node) !== 1;
      reporter.add({
        node: outer.node,
        messageId: kind === 'tanh' ? 'naiveTanh' : 'naiveSigmoid',
        data: {
          code: shortCode(sourceCode, outer.node),
          failure: exponentiatesX ? `is NaN (Infinity / Infinity) once x exceeds ~${limit}` : 'has a NaN gradient once exp(-x) overflows (x below ~-88.7 in float32)',
          limit: kind === 'tanh' ? (tensor ? '44.4 (float32)' : '354.9 (float64)') : limit,
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
        suggestionMessageId: 'naiveSigmoidSuggestion',
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
