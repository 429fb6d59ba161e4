/**
 * Patterns: `log(1 + x)` / `log(x + 1)` / `log(1 - x)` (→ `log1p`) and `exp(x) - 1` / `1 - exp(x)` /
 * `exp(x) + -1` (→ `expm1`). Near 0 the naive forms lose every digit: `Math.log(1 + 1e-17)` is 0, and
 * `Math.exp(1e-10) - 1` has a relative error of ~1e-7.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { NumericsEngine } from '../ops/engine.js';
import { otherThanConstant } from '../ops/match.js';
import type { Op, Operand, OpName } from '../ops/types.js';

const LOG: ReadonlySet<OpName> = new Set<OpName>(['log']);
const ADD_OR_SUB: ReadonlySet<OpName> = new Set<OpName>(['add', 'sub']);

export interface Log1pMatch {
  readonly log: Op;
  /** The `1 ± x` op inside the log. */
  readonly inner: Op;
  readonly x: Operand;
  /** `log(1 - x)`: the fix is `log1p(-x)`. */
  readonly negated: boolean;
}

export function detectLog1p(engine: NumericsEngine, node: TSESTree.Node): Log1pMatch | null {
  const log = engine.matchTop(node, LOG);
  if (log?.op !== 'log' || log.spelling === 'map') return null;
  const inner = engine.op(log.operands[0]);
  if (!inner || inner.domain !== log.domain) return null;
  let x: Operand | null = null;
  let negated = false;
  if (inner.op === 'add') x = otherThanConstant(engine, inner, 1, 'either');
  else if (inner.op === 'sub') {
    x = otherThanConstant(engine, inner, 1, 'left');
    negated = true;
  }
  if (!x || engine.isConstant(engine.resolve(x).node)) return null;
  return { log, inner, x, negated };
}

export interface Expm1Match {
  /** The `±` op that is replaced. */
  readonly outer: Op;
  readonly exp: Op;
  readonly x: Operand;
  /** `1 - exp(x)`: the fix is `-expm1(x)`. */
  readonly negated: boolean;
}

export function detectExpm1(engine: NumericsEngine, node: TSESTree.Node): Expm1Match | null {
  const outer = engine.matchTop(node, ADD_OR_SUB);
  if (!outer || outer.spelling === 'map' || (outer.op !== 'sub' && outer.op !== 'add')) return null;
  const candidates: { exp: Operand | null; negated: boolean }[] =
    outer.op === 'sub'
      ? [
          { exp: otherThanConstant(engine, outer, 1, 'right'), negated: false },
          { exp: otherThanConstant(engine, outer, 1, 'left'), negated: true },
        ]
      : [{ exp: otherThanConstant(engine, outer, -1, 'either'), negated: false }];
  for (const { exp: operand, negated } of candidates) {
    if (!operand) continue;
    const exp = engine.op(operand);
    if (exp?.op !== 'exp' || exp.spelling === 'map') continue;
    if (exp.domain === 'tensor' ? outer.domain !== 'tensor' : outer.domain === 'tensor') continue;
    const x = exp.operands[0];
    if (engine.isConstant(engine.resolve(x).node)) continue;
    return { outer, exp, x, negated };
  }
  return null;
}
