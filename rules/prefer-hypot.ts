/**
 * prefer-hypot: `Math.sqrt(x*x + y*y)` overflows to Infinity when a coordinate exceeds ~1.3e154 and underflows
 * to 0 below ~1.5e-154, although the length itself is representable. `Math.hypot(x, y)` scales first. It is
 * slower in V8 (see the rule's doc), and on the corpus almost every finding was a vector length whose coordinates
 * never approach 1e154 (docs/benchmarks.md), so the rule is in no preset but `all`: turn it on for numeric
 * libraries where inputs span the exponent range.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { isPolyfillOf } from '../src/analysis/guards.js';
import { getEngine } from '../src/ops/engine.js';
import { createReporter } from '../src/fix/report.js';
import { planTemporaries } from '../src/fix/temporaries.js';
import { argumentText, shortCode } from '../src/fix/text.js';
import { detectHypot } from '../src/patterns/hypot.js';
import { mentions } from '../src/ops/vocabulary.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = 'preferHypot' | 'preferHypotSuggestion';

export default createRule<[], MessageIds>({
  name: 'prefer-hypot',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer `Math.hypot(x, y, …)` over `Math.sqrt(x*x + y*y + …)`',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      preferHypot: '`{{code}}` overflows when a term exceeds ~1.3e154 and underflows below ~1.5e-154; use `Math.hypot({{args}})`.',
      preferHypotSuggestion: 'Replace with `Math.hypot({{args}})`.',
    },
    schema: [],
  },
  // Every spelling takes a root.
  appliesTo: (context) => mentions(context.sourceCode, 'sqrt'),
  create(context) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);

    function check(node: TSESTree.Node): void {
      const match = detectHypot(engine, node);
      if (!match || isPolyfillOf(engine, node, 'hypot')) return;
      const args = match.terms.map((term) => argumentText(sourceCode, term.node)).join(', ');
      const temporaries = planTemporaries(engine, match.parts, match.terms.map((term) => term.node), match.root.node);
      reporter.add({
        node,
        messageId: 'preferHypot',
        data: { code: shortCode(sourceCode, node), args: args.length <= 40 ? args : 'x, y, …' },
        fix: { target: node, text: () => `Math.hypot(${args})`, remove: temporaries.remove, valueIdentical: temporaries.movable },
        suggestionMessageId: 'preferHypotSuggestion',
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
