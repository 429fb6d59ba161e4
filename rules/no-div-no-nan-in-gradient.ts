/**
 * no-div-no-nan-in-gradient: `tf.divNoNan` has no gradient (it is `where(equal(b, 0), 0, a / b)` inside, and
 * `Equal` has no gradient function), so differentiating through it throws "Cannot compute gradient: gradient
 * function not found for Equal." — in `tf.grad`, `optimizer.minimize`, a `model.compile` loss, … The fix is a
 * guarded denominator: `tf.div(a, tf.maximum(b, ε))` when b cannot be negative, else the double-`where` form
 * with a `greaterEqual` mask (the only comparison with a gradient). Both change the value where 0 < |b| < ε or
 * where b is 0 and a is not, so they are suggestions.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describeDifferentiated } from '../src/analysis/differentiated.js';
import { createReporter, type FixSpec } from '../src/fix/report.js';
import { argumentText, numberText, shortCode } from '../src/fix/text.js';
import { getEngine, mayHoldTensors } from '../src/ops/engine.js';
import { mentions } from '../src/ops/vocabulary.js';
import { detectDivNoNanInGradient, isNonNegative, type DivNoNanMatch } from '../src/patterns/gradient-traps.js';
import { createRule } from '../src/util/create-rule.js';

type Options = [{ epsilon?: number }];
type MessageIds = 'divNoNanInGradient' | 'maximumSuggestion' | 'doubleWhereSuggestion';

export default createRule<Options, MessageIds>({
  name: 'no-div-no-nan-in-gradient',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `tf.divNoNan` in differentiated code, where it has no gradient and backpropagation throws',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      divNoNanInGradient:
        '`{{code}}` runs inside {{context}}, but tf.divNoNan has no gradient: backpropagation throws "Cannot compute gradient: gradient function not found for Equal.". Divide by a guarded denominator instead ({{advice}}).',
      maximumSuggestion:
        'Replace with `{{replacement}}`: the same value where b ≥ {{epsilon}}; where b is 0 it gives a/{{epsilon}} instead of 0 (the same 0 when a is 0 too, as in a masked mean).',
      doubleWhereSuggestion:
        'Replace with the double-`where` form `{{replacement}}`: the same value where |b| ≥ {{epsilon}} or b is 0, 0 where 0 < |b| < {{epsilon}}, and a finite gradient.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          epsilon: { type: 'number', minimum: 0, exclusiveMinimum: true, description: 'Guard ε in the suggested fixes (default: settings.numerics.epsilon, 1e-7).' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{}],
  },
  // A TF.js call of `divNoNan`: in a file that holds tensors and names it.
  appliesTo: (context) => mentions(context.sourceCode, 'divNoNan') && mayHoldTensors(context),
  create(context, [options]) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);
    const epsilon = numberText(options.epsilon ?? engine.settings.epsilon);

    function proposal(match: DivNoNanMatch): { fix: FixSpec | null; messageId: MessageIds; advice: string; replacement: string } {
      const { call, numerator, denominator } = match;
      const a = argumentText(sourceCode, numerator);
      const b = argumentText(sourceCode, denominator);
      if (isNonNegative(engine, denominator)) {
        const replacement = `tf.div(a, tf.maximum(b, ${epsilon}))`;
        return {
          messageId: 'maximumSuggestion',
          advice: `\`${replacement}\`, as b is never negative`,
          replacement,
          fix: { target: call.node, tfOps: ['div', 'maximum'], valueIdentical: false, text: ({ tf }) => `${tf('div')}(${a}, ${tf('maximum')}(${b}, ${epsilon}))` },
        };
      }
      const replacement = `tf.where(ok, tf.div(a, tf.where(ok, b, tf.onesLike(b))), tf.zerosLike(a)) with ok = tf.greaterEqual(tf.abs(b), ${epsilon})`;
      const advice = `b can be negative: the double-where form with a tf.greaterEqual(tf.abs(b), ${epsilon}) mask, as greaterEqual is the only comparison with a gradient`;
      // b is written three times: only when it is a pure expression (names, literals, TF.js ops, Math).
      if (!engine.sameExpression(denominator, denominator)) return { messageId: 'doubleWhereSuggestion', advice, replacement, fix: null };
      return {
        messageId: 'doubleWhereSuggestion',
        advice,
        replacement,
        fix: {
          target: call.node,
          tfOps: ['where', 'greaterEqual', 'abs', 'div', 'onesLike', 'zerosLike'],
          valueIdentical: false,
          text: ({ tf }) => {
            const ok = `${tf('greaterEqual')}(${tf('abs')}(${b}), ${epsilon})`;
            return `${tf('where')}(${ok}, ${tf('div')}(${a}, ${tf('where')}(${ok}, ${b}, ${tf('onesLike')}(${b}))), ${tf('zerosLike')}(${a}))`;
          },
        },
      };
    }

    return {
      CallExpression(node: TSESTree.CallExpression) {
        const match = detectDivNoNanInGradient(engine, node);
        if (!match) return;
        const { fix, messageId, advice, replacement } = proposal(match);
        reporter.add({
          node,
          messageId: 'divNoNanInGradient',
          data: { code: shortCode(sourceCode, node), context: describeDifferentiated(match.context), advice, replacement, epsilon },
          fix,
          suggestionMessageId: messageId,
        });
      },
      'Program:exit'() {
        reporter.flush();
      },
    };
  },
});
