/**
 * no-sqrt-of-exp: `sqrt(exp(v))` overflows to Infinity where `exp(v)` does (v > 88.72 in float32, > 709.78 in
 * float64) and underflows to 0 where it does; its gradient `exp(v) / (2·sqrt(exp(v)))` is then Infinity/Infinity or
 * 0/0 = NaN (measured: NaN at v = 100 and at v = -110 in float32). `exp(0.5 · v)` is the same value up to rounding
 * and stays finite up to twice the limit (v < 177.4 in float32, < 1419.5 in float64). Autofix.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { createReporter, type FixSpec } from '../src/fix/report.js';
import { planTemporaries } from '../src/fix/temporaries.js';
import { argumentText, receiverText, shortCode } from '../src/fix/text.js';
import { getEngine } from '../src/ops/engine.js';
import { detectSqrtOfExp, type SqrtOfExpMatch } from '../src/patterns/gradient-traps.js';
import { mentions } from '../src/ops/vocabulary.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = 'sqrtOfExp' | 'sqrtOfExpSuggestion';

const LIMITS = {
  tensor: { overflow: '88.7 (float32)', finite: '177.4' },
  number: { overflow: '709.8 (float64)', finite: '1419.5' },
} as const;

/** Operands that need no parentheses after `0.5 * `. */
const TIGHT = new Set<string>([
  AST_NODE_TYPES.Identifier, AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.ThisExpression, AST_NODE_TYPES.TSNonNullExpression,
]);

export default createRule<[], MessageIds>({
  name: 'no-sqrt-of-exp',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `sqrt(exp(v))`, which overflows at half the range of `exp(0.5 * v)` and has a NaN gradient there',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      sqrtOfExp:
        '`{{code}}` overflows to Infinity once v exceeds ~{{overflow}} (and underflows to 0 where exp(v) does); its gradient is NaN there. `{{replacement}}` is the same value, finite up to v ≈ {{finite}}.',
      sqrtOfExpSuggestion: 'Replace with `{{replacement}}`.',
    },
    schema: [],
  },
  // Every spelling takes a root of an exponential.
  appliesTo: (context) => mentions(context.sourceCode, 'sqrt') && mentions(context.sourceCode, 'exp'),
  create(context) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);

    function fixFor({ sqrt, exp, v }: SqrtOfExpMatch): { fix: FixSpec; replacement: string } {
      const temporaries = planTemporaries(engine, [exp], [v.node], sqrt.node);
      const base = { target: sqrt.node, remove: temporaries.remove, valueIdentical: temporaries.movable };
      if (sqrt.domain !== 'tensor') {
        const text = sourceCode.getText(v.node);
        const operand = TIGHT.has(v.node.type) && !(v.node.type === AST_NODE_TYPES.Literal && typeof v.node.value !== 'number') ? text : `(${text})`;
        return { replacement: 'Math.exp(0.5 * v)', fix: { ...base, text: () => `Math.exp(0.5 * ${operand})` } };
      }
      // Chained only when v was a tensor receiver already: TF.js functional ops also take plain arrays.
      if (sqrt.spelling === 'tf-chained' && (exp.spelling === 'tf-chained' || engine.producesTensor(v))) {
        const receiver = receiverText(sourceCode, v.node);
        return { replacement: 'v.mul(0.5).exp()', fix: { ...base, text: () => `${receiver}.mul(0.5).exp()` } };
      }
      const argument = argumentText(sourceCode, v.node);
      return {
        replacement: 'tf.exp(tf.mul(0.5, v))',
        fix: { ...base, tfOps: ['exp', 'mul'], text: (callees) => `${callees.tf('exp')}(${callees.tf('mul')}(0.5, ${argument}))` },
      };
    }

    function check(node: TSESTree.CallExpression | TSESTree.BinaryExpression): void {
      const match = detectSqrtOfExp(engine, node);
      if (!match) return;
      const { fix, replacement } = fixFor(match);
      const limits = LIMITS[match.sqrt.domain === 'tensor' ? 'tensor' : 'number'];
      reporter.add({
        node,
        messageId: 'sqrtOfExp',
        data: { code: shortCode(sourceCode, node), overflow: limits.overflow, finite: limits.finite, replacement },
        fix,
        suggestionMessageId: 'sqrtOfExpSuggestion',
      });
    }

    return {
      CallExpression: check,
      BinaryExpression: check,
      'Program:exit'() {
        reporter.flush();
      },
    };
  },
});
