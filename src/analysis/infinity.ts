import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { NumericsEngine } from '../ops/engine.js';
import { constantInitializer, visit } from './bindings.js';

/**
 * Whether a -Infinity fill can reach this value: a static -Infinity appears in its expression or in the
 * temporaries it is built from (`tf.where(mask, x, tf.fill(shape, -Infinity))`). Masked logits are the case
 * where `tf.logSumExp` gives NaN for a fully masked row although the naive form gives -Infinity.
 */
export function mayHoldNegativeInfinity(engine: NumericsEngine, node: TSESTree.Node, depth = 0): boolean {
  if (depth > 8) return false;
  let found = false;
  visit(node, (child) => {
    if (found) return;
    if (
      (child.type === AST_NODE_TYPES.UnaryExpression || child.type === AST_NODE_TYPES.MemberExpression || child.type === AST_NODE_TYPES.BinaryExpression) &&
      engine.staticNumber(child) === Number.NEGATIVE_INFINITY
    ) {
      found = true;
      return;
    }
    if (child.type === AST_NODE_TYPES.Identifier) {
      const binding = constantInitializer(engine.sourceCode, child);
      if (binding && mayHoldNegativeInfinity(engine, binding.init, depth + 1)) found = true;
    }
  });
  return found;
}
