/**
 * Patterns of cross-entropy computed from probabilities instead of logits: the binary form
 * `y·log(p) + (1 − y)·log(1 − p)` with `p = sigmoid(z)`; TF.js logits APIs fed probabilities (a double
 * activation); probability APIs fed an activation whose logits are at hand; and the log of a model's
 * predictions inside a cross-entropy.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { skipTypeWrappers } from '../analysis/bindings.js';
import type { NumericsEngine } from '../ops/engine.js';
import { otherThanConstant } from '../ops/match.js';
import type { Op, Operand } from '../ops/types.js';
import { sigmoidInput, type SignedInput } from './sigmoid.js';
import { sameValue } from './variance.js';

/** `factor · log(argument)` (either order). */
function logTerm(engine: NumericsEngine, operand: Operand): { factor: Operand; log: Op; argument: Operand; mul: Op } | null {
  const mul = engine.op(operand);
  if (mul?.op !== 'mul') return null;
  for (const [i, j] of [[0, 1], [1, 0]] as const) {
    const log = engine.op(mul.operands[i]);
    if (log?.op === 'log' && log.spelling !== 'map') return { factor: mul.operands[j], log, argument: log.operands[0], mul };
  }
  return null;
}

/** A model's output: `model.predict(x)`, `model.apply(x)` (probabilities of unknown origin). */
export function isModelPrediction(engine: NumericsEngine, operand: Operand): boolean {
  const node = skipTypeWrappers(engine.resolve(operand).node);
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTypeWrappers(node.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    (callee.property.name === 'predict' || callee.property.name === 'predictOnBatch')
  );
}

export interface BinaryCrossEntropyMatch {
  readonly add: Op;
  readonly labels: Operand;
  /** The probabilities `p`: a sigmoid of logits, or a model's output. */
  readonly probabilities: Operand;
  /** Set when `p` is a sigmoid: its logits. */
  readonly logits: SignedInput | null;
  readonly logs: readonly Op[];
  readonly ops: readonly Op[];
}

/** `y·log(p) + (1 − y)·log(1 − p)` with `p` a sigmoid (or a model's prediction). */
export function detectBinaryCrossEntropy(engine: NumericsEngine, node: TSESTree.Node): BinaryCrossEntropyMatch | null {
  const add = engine.matchNode({ node, env: null });
  if (add?.op !== 'add' || add.spelling === 'map') return null;
  const [first, second] = add.operands.map((operand) => logTerm(engine, operand));
  if (!first || !second) return null;
  for (const [positive, negative] of [[first, second], [second, first]] as const) {
    // negative: (1 − y) · log(1 − p)
    const oneMinusY = engine.op(negative.factor);
    const oneMinusP = engine.op(negative.argument);
    if (oneMinusY?.op !== 'sub' || oneMinusP?.op !== 'sub') continue;
    const y = otherThanConstant(engine, oneMinusY, 1, 'left');
    const p = otherThanConstant(engine, oneMinusP, 1, 'left');
    if (!y || !p || !sameValue(engine, y, positive.factor) || !sameValue(engine, p, positive.argument)) continue;
    const sigmoid = sigmoidInput(engine, positive.argument);
    if (!sigmoid && !isModelPrediction(engine, positive.argument)) return null;
    if (sigmoid && (sigmoid.op.domain === 'tensor') !== (add.domain === 'tensor')) return null;
    return {
      add,
      labels: positive.factor,
      probabilities: positive.argument,
      logits: sigmoid,
      logs: [positive.log, negative.log],
      ops: [add, positive.mul, negative.mul, positive.log, negative.log, oneMinusY, oneMinusP, ...(sigmoid ? [sigmoid.op] : [])],
    };
  }
  return null;
}

/** `sum(y · log(P))` (or mean) where P is a model's prediction: probabilities of unknown origin. */
export function detectCategoricalCrossEntropyOnPredictions(engine: NumericsEngine, node: TSESTree.Node): Op | null {
  const reduction = engine.matchNode({ node, env: null });
  if (!reduction || (reduction.op !== 'sum' && reduction.op !== 'mean') || reduction.domain !== 'tensor') return null;
  const term = logTerm(engine, reduction.operands[0]);
  return term && isModelPrediction(engine, term.argument) ? term.log : null;
}

export type LossApiMatch =
  | {
      /** A logits API fed probabilities: `softmaxCrossEntropy(y, softmax(z))`. */
      readonly kind: 'doubleActivation';
      readonly call: TSESTree.CallExpression;
      readonly api: string;
      readonly activation: Op;
      readonly argument: TSESTree.Node;
      readonly logits: Operand;
    }
  | {
      /** A probability API fed an activation whose logits are at hand: `logLoss(y, sigmoid(z))`. */
      readonly kind: 'probabilityApi';
      readonly call: TSESTree.CallExpression;
      readonly api: string;
      readonly activation: Op;
      readonly argument: TSESTree.Node;
      readonly logits: Operand;
    };

const LOGITS_APIS: Record<string, 'softmax' | 'sigmoid'> = {
  'losses.softmaxCrossEntropy': 'softmax',
  'losses.sigmoidCrossEntropy': 'sigmoid',
};

const PROBABILITY_APIS: Record<string, 'softmax' | 'sigmoid'> = {
  'losses.logLoss': 'sigmoid',
  'metrics.binaryCrossentropy': 'sigmoid',
  'metrics.categoricalCrossentropy': 'softmax',
};

export function detectLossApiMisuse(engine: NumericsEngine, node: TSESTree.CallExpression): LossApiMatch | null {
  const api = engine.tf.calls.get(node);
  if (!api || node.arguments.length < 2) return null;
  const argument = node.arguments[1];
  const activation = engine.op({ node: argument, env: null });
  if (!activation || activation.domain !== 'tensor') return null;
  const expected = LOGITS_APIS[api] ?? PROBABILITY_APIS[api];
  if (!expected || activation.op !== expected) return null;
  const kind = LOGITS_APIS[api] ? 'doubleActivation' : 'probabilityApi';
  return { kind, call: node, api, activation, argument, logits: activation.operands[0] };
}
