import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

const MEMBER_SAFE = new Set<string>([
  AST_NODE_TYPES.Identifier, AST_NODE_TYPES.MemberExpression, AST_NODE_TYPES.CallExpression, AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.ArrayExpression, AST_NODE_TYPES.TSNonNullExpression, AST_NODE_TYPES.Literal,
]);

/** Source text of an operand used as a function argument (no parentheses needed there, except sequences). */
export function argumentText(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  return node.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
}

/** Source text of an operand used as the object of a method call (`<text>.logSumExp()`). */
export function receiverText(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number') return `(${text})`;
  return MEMBER_SAFE.has(node.type) ? text : `(${text})`;
}

/** Source text of the option arguments (`axis, keepDims`) of an op, joined for an argument list. */
export function optionsText(sourceCode: TSESLint.SourceCode, options: readonly TSESTree.Node[]): string {
  return options.map((option) => sourceCode.getText(option)).join(', ');
}

/** Shorten code for a message. */
export function shortCode(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, max = 60): string {
  const text = sourceCode.getText(node).replace(/\s+/g, ' ');
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const numberTexts = new Map<number, string>();

/** A number as a literal in its shortest form (`1e-6`, not `0.000001`). */
export function numberText(value: number): string {
  // Rules format their configured ε once per file: remembered (toExponential is slow next to a map lookup).
  let text = numberTexts.get(value);
  if (text === undefined) {
    const plain = String(value);
    const exponential = value.toExponential().replace('e+', 'e');
    text = exponential.length < plain.length ? exponential : plain;
    if (numberTexts.size > 100) numberTexts.clear();
    numberTexts.set(value, text);
  }
  return text;
}
