/**
 * no-unguarded-division: dividing by a value that is zero for ordinary inputs — a sum, a sum of squares, a norm,
 * a standard deviation, a range `max − min`, a count of matches (and, with `checkLength`, a length) — turns
 * one degenerate batch into NaN or Infinity. Silent when a guard excludes zero (`+ eps`, `max(d, eps)`,
 * `|| 1`, `d !== 0 ? … : …`, an enclosing `if (d > 0)`, an early return when `d` is zero or the data is empty).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { hasSideEffect } from '@eslint-community/eslint-utils';
import { getEngine } from '../src/ops/engine.js';
import { createReporter, type FixSpec } from '../src/fix/report.js';
import { argumentText, numberText, shortCode } from '../src/fix/text.js';
import { mentionsAny } from '../src/ops/vocabulary.js';
import { detectUnguardedDivision, type UnguardedDivision, ZERO_PRONE_WORDS, ZERO_WHEN } from '../src/patterns/unguarded.js';
import { createRule } from '../src/util/create-rule.js';

type Options = [{ checkLength?: boolean; epsilon?: number }];
type MessageIds = 'unguardedDivision' | 'safeDivSuggestion' | 'maximumSuggestion' | 'doubleWhereSuggestion';

export default createRule<Options, MessageIds>({
  name: 'no-unguarded-division',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow division by a sum, norm, standard deviation, range or count that is not guarded against zero',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      unguardedDivision:
        '`{{code}}` divides by a {{kind}}, which is 0 for {{when}}: the result is NaN or Infinity there. Guard the denominator.',
      safeDivSuggestion: 'Use `safeDiv(n, d)` (0 where d is 0).',
      maximumSuggestion: 'Divide by `tf.maximum(d, {{epsilon}})` (d is never negative).',
      doubleWhereSuggestion: 'Use the double-`where` form (finite value and gradient where |d| < {{epsilon}}).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkLength: { type: 'boolean', description: 'Also report division by an array length (0 for empty input).' },
          epsilon: { type: 'number', minimum: 0, exclusiveMinimum: true, description: 'Guard ε in suggested tensor fixes (default: settings.numerics.epsilon, 1e-7).' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkLength: false }],
  },
  // Every zero-prone denominator is named by a word of the file.
  appliesTo: (context, [options]) => mentionsAny(context.sourceCode, options.checkLength ? [...ZERO_PRONE_WORDS, 'length'] : ZERO_PRONE_WORDS),
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const engine = getEngine(context);
    const reporter = createReporter<MessageIds>(context, engine);
    const epsilon = numberText(options.epsilon ?? engine.settings.epsilon);


    function suggestion(match: UnguardedDivision): { fix: FixSpec; messageId: MessageIds } | null {
      const { div, numerator, denominator, source } = match;
      const n = argumentText(sourceCode, numerator.node);
      const d = argumentText(sourceCode, denominator.node);
      if (source.domain === 'number') {
        return { messageId: 'safeDivSuggestion', fix: { target: div.node, kernels: ['safeDiv'], valueIdentical: false, text: ({ kernel }) => `${kernel('safeDiv')}(${n}, ${d})` } };
      }
      if (source.nonNegative) {
        return {
          messageId: 'maximumSuggestion',
          fix: { target: div.node, tfOps: ['div', 'maximum'], valueIdentical: false, text: ({ tf }) => `${tf('div')}(${n}, ${tf('maximum')}(${d}, ${epsilon}))` },
        };
      }
      // A signed denominator: the double-where keeps value and gradient finite (greaterEqual has a gradient).
      if (hasSideEffect(denominator.node as never, sourceCode as never)) return null;
      return {
        messageId: 'doubleWhereSuggestion',
        fix: {
          target: div.node,
          tfOps: ['where', 'greaterEqual', 'abs', 'div', 'onesLike', 'zerosLike'],
          valueIdentical: false,
          text: ({ tf }) => {
            const safe = `${tf('greaterEqual')}(${tf('abs')}(${d}), ${epsilon})`;
            return `${tf('where')}(${safe}, ${tf('div')}(${n}, ${tf('where')}(${safe}, ${d}, ${tf('onesLike')}(${d}))), ${tf('zerosLike')}(${n}))`;
          },
        },
      };
    }

    function check(node: TSESTree.Node): void {
      const match = detectUnguardedDivision(engine, node, { checkLength: options.checkLength ?? false });
      if (!match) return;
      const proposal = suggestion(match);
      reporter.add({
        node,
        messageId: 'unguardedDivision',
        data: { code: shortCode(sourceCode, node), kind: match.source.kind, when: ZERO_WHEN[match.source.kind], epsilon },
        fix: proposal?.fix ?? null,
        suggestionMessageId: proposal?.messageId,
      });
    }

    return {
      BinaryExpression: check,
      // A division written as a call is TF.js's (`tf.div`, `x.div()`): no calls to look at without tensors.
      ...(engine.mayHoldTensors ? { CallExpression: check } : {}),
      'Program:exit'() {
        reporter.flush();
      },
    };
  },
});
