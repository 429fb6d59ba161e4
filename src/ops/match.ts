/** Small shared matchers over normalised ops: commutative constant operands, negation. */
import type { NumericsEngine } from './engine.js';
import type { Op, Operand } from './types.js';

/**
 * For a binary op with a constant operand equal to `value`, the other operand. `commutative` also accepts the
 * constant on the right-hand side of `add`/`mul`, or on either side when asked.
 */
export function otherThanConstant(
  engine: NumericsEngine,
  op: Op,
  value: number,
  side: 'left' | 'right' | 'either',
): Operand | null {
  if (op.operands.length !== 2) return null;
  const [left, right] = op.operands;
  const leftValue = engine.staticNumber(left.node);
  const rightValue = engine.staticNumber(right.node);
  if ((side === 'left' || side === 'either') && leftValue === value && rightValue === undefined) return right;
  if ((side === 'right' || side === 'either') && rightValue === value && leftValue === undefined) return left;
  return null;
}
