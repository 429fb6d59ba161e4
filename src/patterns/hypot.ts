/**
 * Pattern: a Euclidean norm written `sqrt(x*x + y*y + …)` with squares as `x*x`, `x**2` or `Math.pow(x, 2)` and
 * the root as `Math.sqrt`, `** 0.5` or `Math.pow(…, 0.5)`. The squares overflow above ~1.3e154 and underflow
 * below ~1.5e-154 although the norm is representable; `Math.hypot` scales to avoid both.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { NumericsEngine } from '../ops/engine.js';
import type { Op, Operand, OpName } from '../ops/types.js';

const ROOTS: ReadonlySet<OpName> = new Set<OpName>(['sqrt', 'pow']);

export interface HypotMatch {
  readonly root: Op;
  /** The operands whose squares are summed, in source order. */
  readonly terms: readonly Operand[];
  /** The add ops and squares matched (for temporaries). */
  readonly parts: readonly Op[];
}

function squared(engine: NumericsEngine, operand: Operand): { base: Operand; op: Op } | null {
  const op = engine.op(operand);
  if (!op || op.domain === 'tensor' || op.spelling === 'map') return null;
  if (op.op === 'square') return { base: op.operands[0], op };
  // x * x with the same side-effect-free operand (`f() * f()` is two calls, not a square).
  if (op.op === 'mul') {
    const [a, b] = op.operands;
    if (engine.sameReference(a.node, b.node)) return { base: a, op };
  }
  return null;
}

export function detectHypot(engine: NumericsEngine, node: TSESTree.Node): HypotMatch | null {
  const root = engine.matchTop(node, ROOTS);
  if (!root || root.domain === 'tensor' || root.spelling === 'map') return null;
  const isRoot = root.op === 'sqrt' || (root.op === 'pow' && engine.staticNumber(root.operands[1].node) === 0.5);
  if (!isRoot) return null;

  const terms: Operand[] = [];
  const parts: Op[] = [];
  const collect = (operand: Operand): boolean => {
    const op = engine.op(operand);
    if (op?.op === 'add' && op.domain !== 'tensor') {
      parts.push(op);
      return op.operands.every(collect);
    }
    const square = squared(engine, operand);
    if (!square) return false;
    parts.push(square.op);
    terms.push(square.base);
    return true;
  };
  const sum = engine.op(root.operands[0]);
  if (sum?.op !== 'add' || !collect(root.operands[0])) return null;
  if (terms.length < 2 || terms.every((term) => engine.isConstant(term.node))) return null;
  if (terms.some((term) => term.env !== null)) return null;
  return { root, terms, parts };
}
