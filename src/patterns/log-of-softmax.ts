/**
 * Pattern: the log of a softmax, `log(softmax(x))`, in every spelling: TF.js (functional, chained, through
 * temporaries), the kernel or a local softmax helper mapped through `Math.log`, and `Math.log(probs[k])` of one
 * element of a softmax array.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { NumericsEngine } from '../ops/engine.js';
import type { Op, OpName } from '../ops/types.js';

const LOG: ReadonlySet<OpName> = new Set<OpName>(['log']);

export interface LogOfSoftmaxMatch {
  readonly log: Op;
  readonly softmax: Op;
  /** `tensor`: tf ops; `array`: `softmax(xs).map(Math.log)`; `element`: `Math.log(softmax(xs)[k])`. */
  readonly kind: 'tensor' | 'array' | 'element';
  /** For `element`: the index expression `k`. */
  readonly index?: TSESTree.Node;
}

export function detectLogOfSoftmax(engine: NumericsEngine, node: TSESTree.Node): LogOfSoftmaxMatch | null {
  const log = engine.matchTop(node, LOG);
  if (log?.op !== 'log') return null;

  if (log.domain === 'tensor') {
    const softmax = engine.op(log.operands[0]);
    return softmax?.op === 'softmax' && softmax.domain === 'tensor' ? { log, softmax, kind: 'tensor' } : null;
  }
  if (log.domain === 'array') {
    // probs.map(Math.log), probs.map((p) => Math.log(p)): the log's operand is the whole array.
    const input = engine.unwrapElement(log.operands[0]);
    if (input.env !== null) return null;
    const softmax = engine.op(input);
    return softmax?.op === 'softmax' && softmax.domain === 'array' ? { log, softmax, kind: 'array' } : null;
  }
  // Math.log(probs[k])
  const argument = engine.resolve(log.operands[0]);
  if (argument.env !== null || argument.node.type !== AST_NODE_TYPES.MemberExpression || !argument.node.computed) return null;
  const softmax = engine.op({ node: argument.node.object, env: null });
  if (softmax?.op !== 'softmax' || softmax.domain !== 'array') return null;
  return { log, softmax, kind: 'element', index: argument.node.property };
}
