/**
 * no-tiny-epsilon: a guard ε below ~1e-19 in TF.js tensor code (float32). ε² then falls below float32's smallest
 * normal number (1.18e-38), so the gradient of a division by the guarded value, −a/ε², overflows to ±Infinity —
 * NaN once a zero gradient multiplies it, as behind `tf.maximum(b, ε)` or `tf.relu` — and is 0/0 = NaN once ε²
 * rounds to 0 (ε below ~2.6e-23). Measured: `tf.div(1, tf.maximum(b, 1e-20))` has gradient NaN at b = 0 (1e-19
 * gives -1e38), `tf.div(a, tf.add(b, 1e-25))` is NaN at a = b = 0. Below 1.4e-45 ε itself rounds to 0 in
 * float32: no guard at all. Suggests `settings.numerics.epsilon` (1e-7).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { createReporter } from '../src/fix/report.js';
import { numberText, shortCode } from '../src/fix/text.js';
import { getEngine, mayHoldTensors } from '../src/ops/engine.js';
import { detectTinyEpsilon, TINY_EPSILON } from '../src/patterns/gradient-traps.js';
import { createRule } from '../src/util/create-rule.js';

type Options = [{ epsilon?: number }];
type MessageIds = 'tinyEpsilon' | 'zeroEpsilon' | 'epsilonSuggestion';

export default createRule<Options, MessageIds>({
  name: 'no-tiny-epsilon',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow guard epsilons below 1e-19 in float32 tensor code, whose square underflows and turns the division gradient into NaN',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      tinyEpsilon:
        '`{{code}}` guards with ε = {{value}}, below {{limit}}: in float32 ε² underflows (smallest normal 1.2e-38), so the gradient of a division by the guarded value (−a/ε²) overflows to Infinity and becomes NaN (0 · Infinity, or 0/0 once ε² is 0). Use ε ≥ 1e-19, e.g. {{epsilon}}.',
      zeroEpsilon:
        '`{{code}}` guards with ε = {{value}}, which rounds to 0 in float32 (smallest value 1.4e-45): it guards nothing. Use ε ≥ 1e-19, e.g. {{epsilon}}.',
      epsilonSuggestion: 'Replace ε = {{value}} with {{epsilon}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          epsilon: { type: 'number', minimum: 0, exclusiveMinimum: true, description: 'The ε the suggestion uses (default: settings.numerics.epsilon, 1e-7).' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{}],
  },
  // TF.js APIs only: a file without tensors has none of them.
  appliesTo: (context) => mayHoldTensors(context),
  create(context, [options]) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);
    const epsilon = numberText(options.epsilon ?? engine.settings.epsilon);
    const limit = numberText(TINY_EPSILON);

    return {
      CallExpression(node: TSESTree.CallExpression) {
        const match = detectTinyEpsilon(engine, node);
        if (!match) return;
        const value = numberText(match.value);
        reporter.add({
          node,
          messageId: Math.fround(match.value) === 0 ? 'zeroEpsilon' : 'tinyEpsilon',
          data: { code: shortCode(sourceCode, node), value, limit, epsilon },
          fix: { target: match.literal, valueIdentical: false, text: () => epsilon },
          suggestionMessageId: 'epsilonSuggestion',
        });
      },
      'Program:exit'() {
        reporter.flush();
      },
    };
  },
});
