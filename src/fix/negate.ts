import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

const ATOMIC = new Set<string>([
  AST_NODE_TYPES.Identifier, AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.ThisExpression, AST_NODE_TYPES.TSNonNullExpression,
]);

/** Source text of `-x` for a number expression: `-(-y)` becomes `y`, compound expressions are parenthesised. */
export function negatedNumberText(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '-') return sourceCode.getText(node.argument);
  const text = sourceCode.getText(node);
  return ATOMIC.has(node.type) ? `-${text}` : `-(${text})`;
}
