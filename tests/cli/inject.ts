// Registers a test-only rule in the real plugin object (and its recommended preset) for the duration of a
// test, so the embedded default config has a finding to report whatever rules exist yet.
import type { TSESLint } from '@typescript-eslint/utils';
import plugin from '../../src/index.js';

export const INJECTED_RULE = 'cli-test-only';

const rule = {
  meta: {
    type: 'problem',
    fixable: 'code',
    messages: { found: 'naiveSum loses precision' },
    schema: [],
  },
  defaultOptions: [],
  create(context: TSESLint.RuleContext<'found', []>) {
    return {
      Identifier(node: { name: string; range: [number, number] }) {
        if (node.name !== 'naiveSum') return;
        context.report({
          node: node as never,
          messageId: 'found',
          // In TS the identifier's range includes its type annotation.
          fix: (fixer) => fixer.replaceTextRange([node.range[0], node.range[0] + node.name.length], 'stableSum'),
        });
      },
    };
  },
} as unknown as TSESLint.RuleModule<string, readonly unknown[]>;

/** Adds the rule; returns a function that removes it again. */
export function injectRule(): () => void {
  const rules = plugin.configs.recommended.rules as Record<string, unknown>;
  plugin.rules[INJECTED_RULE] = rule;
  rules[`numerics/${INJECTED_RULE}`] = 'error';
  return () => {
    delete plugin.rules[INJECTED_RULE];
    delete rules[`numerics/${INJECTED_RULE}`];
  };
}
