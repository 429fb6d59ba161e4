/**
 * no-unguarded-log: `log` of a value that is zero for ordinary inputs (a sum, a count of matches, a norm, a
 * range, or a ratio of one) is -Infinity there and NaN below; and the entropy/KL terms `p·log(p)` and
 * `p·log(p/q)` are NaN at p = 0 where the maths says 0. Silent under the same guards as no-unguarded-division
 * and for `log(x + eps)`, `log(max(x, eps))`, `clipByValue`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { getEngine } from '../src/ops/engine.js';
import { createReporter, type FixSpec } from '../src/fix/report.js';
import { argumentText, numberText, receiverText, shortCode } from '../src/fix/text.js';
import { detectEntropyTerm, detectUnguardedLog, type UnguardedLog, ZERO_WHEN } from '../src/patterns/unguarded.js';
import { mentions } from '../src/ops/vocabulary.js';
import { createRule } from '../src/util/create-rule.js';

type Options = [{ checkLength?: boolean; epsilon?: number }];
type MessageIds = 'entropyTerm' | 'tensorEntropyTerm' | 'unguardedLog' | 'xlogySuggestion' | 'floorSuggestion';

export default createRule<Options, MessageIds>({
  name: 'no-unguarded-log',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `log` of a value that can be zero, and `p * log(p)` without the p = 0 case',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      entropyTerm: '`{{code}}` is NaN at p = 0 (0 · -Infinity) where the entropy term is 0; use `xlogy({{p}}, {{q}})`.',
      tensorEntropyTerm: '`{{code}}` is NaN where p is 0 (0 · -Infinity); floor the log argument (`tf.log(tf.maximum(p, eps))`) or mask the p = 0 terms.',
      unguardedLog: '`{{code}}` takes the log of a {{kind}}, which is 0 for {{when}}: the result is -Infinity there. Guard the argument.',
      xlogySuggestion: 'Use `xlogy({{p}}, {{q}})` (0 where p is 0).',
      floorSuggestion: 'Floor the argument at {{epsilon}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkLength: { type: 'boolean', description: 'Also report the log of an array length (0 for empty input).' },
          epsilon: { type: 'number', minimum: 0, exclusiveMinimum: true, description: 'Floor in suggested fixes (default: settings.numerics.epsilon, 1e-7).' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkLength: false }],
  },
  // Every pattern takes a log.
  appliesTo: (context) => mentions(context.sourceCode, 'log'),
  create(context, [options]) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);
    const epsilon = numberText(options.epsilon ?? engine.settings.epsilon);

    function entropy(node: TSESTree.Node, match: Extract<UnguardedLog, { kind: 'entropy' }>): void {
      const p = argumentText(sourceCode, match.p.node);
      const q = argumentText(sourceCode, match.argument.node);
      if (match.mul.domain === 'tensor') {
        reporter.add({ node, messageId: 'tensorEntropyTerm', data: { code: shortCode(sourceCode, node) } });
        return;
      }
      // xlogy(p, q) = p·log(q) for p ≠ 0 and 0 for p = 0: the same value wherever the original is finite.
      const fix: FixSpec = { target: match.mul.node, kernels: ['xlogy'], valueIdentical: true, text: ({ kernel }) => `${kernel('xlogy')}(${p}, ${q})` };
      reporter.add({ node, messageId: 'entropyTerm', data: { code: shortCode(sourceCode, node), p, q }, fix, suggestionMessageId: 'xlogySuggestion' });
    }

    function floor(match: Extract<UnguardedLog, { kind: 'zeroSource' }>): FixSpec {
      const x = argumentText(sourceCode, match.argument.node);
      if (match.log.domain === 'tensor') {
        const chained = match.log.spelling === 'tf-chained';
        const receiver = receiverText(sourceCode, match.argument.node);
        return {
          target: match.log.node,
          tfOps: chained ? [] : ['log', 'maximum'],
          valueIdentical: false,
          text: ({ tf }) => (chained ? `${receiver}.maximum(${epsilon}).log()` : `${tf('log')}(${tf('maximum')}(${x}, ${epsilon}))`),
        };
      }
      return { target: match.log.node, valueIdentical: false, text: () => `Math.log(Math.max(${x}, ${epsilon}))` };
    }

    return {
      BinaryExpression(node) {
        const match = detectEntropyTerm(engine, node);
        if (match?.kind === 'entropy') entropy(node, match);
      },
      CallExpression(node) {
        const term = detectEntropyTerm(engine, node);
        if (term?.kind === 'entropy') {
          entropy(node, term);
          return;
        }
        const match = detectUnguardedLog(engine, node, { checkLength: options.checkLength ?? false });
        if (match?.kind !== 'zeroSource') return;
        // Part of an entropy term: reported once, there.
        if (node.parent && detectEntropyTerm(engine, node.parent)) return;
        reporter.add({
          node,
          messageId: 'unguardedLog',
          data: { code: shortCode(sourceCode, node), kind: match.ratio ? `ratio of a ${match.source.kind}` : match.source.kind, when: ZERO_WHEN[match.source.kind], epsilon },
          fix: floor(match),
          suggestionMessageId: 'floorSuggestion',
        });
      },
      'Program:exit'() {
        reporter.flush();
      },
    };
  },
});
