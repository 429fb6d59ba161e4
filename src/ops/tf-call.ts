/**
 * TF.js calls by name, for the TF.js APIs outside the numeric op model (`divNoNan`, `where`, `greater`, `norm`,
 * `fill`, …): functional through any TF.js binding, or chained on a value that is a tensor.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { skipTypeWrappers } from '../analysis/bindings.js';
import type { NumericsEngine } from './engine.js';
import { memberName } from './engine.js';

/** A TF.js call by name: functional through a TF.js binding, or chained on a value that is a tensor. */
export interface TfCall {
  readonly node: TSESTree.CallExpression;
  readonly name: string;
  /** Value operands: for the chained spelling the receiver comes first. */
  readonly operands: readonly TSESTree.Node[];
  readonly chained: boolean;
}

/** `tf.<name>(…)` or `x.<name>(…)` on a tensor, for one of `names`. */
export function tfCall(engine: NumericsEngine, expression: TSESTree.Node, names: ReadonlySet<string>): TfCall | null {
  const node = skipTypeWrappers(expression);
  if (node.type !== AST_NODE_TYPES.CallExpression) return null;
  if (node.arguments.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) return null;
  const args = node.arguments as TSESTree.Node[];
  const name = engine.tf.calls.get(node);
  if (name !== undefined) return names.has(name) ? { node, name, operands: args, chained: false } : null;
  const callee = skipTypeWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
  const method = memberName(callee);
  if (method === null || !names.has(method) || !engine.isTensor({ node: callee.object, env: null })) return null;
  return { node, name: method, operands: [callee.object, ...args], chained: true };
}

