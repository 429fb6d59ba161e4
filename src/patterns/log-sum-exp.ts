/**
 * Pattern: the log of a sum of exponentials, `log(Σ exp(xᵢ))`, without a max shift. Other rules call
 * `detectNaiveLogSumExp` to stay silent on what this rule rewrites.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { NumericsEngine } from '../ops/engine.js';
import type { Op, Operand, OpName } from '../ops/types.js';

const LOG: ReadonlySet<OpName> = new Set<OpName>(['log']);

export type LogSumExpMatch =
  | {
      readonly kind: 'reduce';
      /** The outer `log`. */
      readonly log: Op;
      readonly sum: Op;
      readonly exp: Op;
      /** The input whose elements are exponentiated (a tensor, or the array itself). */
      readonly input: Operand;
      readonly domain: 'tensor' | 'array';
    }
  | {
      readonly kind: 'terms';
      readonly log: Op;
      /** The exponentials of `log(exp(a) + exp(b) + …)`. */
      readonly exps: readonly Op[];
      readonly adds: readonly Op[];
      readonly domain: 'tensor' | 'number';
    };

/** A subtraction inside the exponent is read as a shift (by the max, usually): never report it. */
function isShifted(engine: NumericsEngine, exponent: Operand): boolean {
  const op = engine.op(exponent);
  return op?.op === 'sub';
}

export function detectNaiveLogSumExp(engine: NumericsEngine, node: TSESTree.Node): LogSumExpMatch | null {
  const log = engine.matchTop(node, LOG);
  if (log?.op !== 'log') return null;
  const inner = engine.op(log.operands[0]);
  if (!inner) return null;

  if (inner.op === 'sum') {
    const exp = engine.op(inner.operands[0]);
    if (exp?.op !== 'exp') return null;
    if (isShifted(engine, exp.operands[0])) return null;
    const input = engine.resolve(exp.operands[0]);
    if (engine.isConstant(input.node)) return null;
    if (log.domain === 'tensor' && inner.domain === 'tensor' && exp.domain === 'tensor') {
      return { kind: 'reduce', log, sum: inner, exp, input: exp.operands[0], domain: 'tensor' };
    }
    if (log.domain === 'number' && inner.domain === 'array') {
      return { kind: 'reduce', log, sum: inner, exp, input: exp.operands[0], domain: 'array' };
    }
    return null;
  }

  if (inner.op === 'add') {
    const adds: Op[] = [];
    const terms: Op[] = [];
    const collect = (op: Op): boolean => {
      adds.push(op);
      for (const operand of op.operands) {
        const term = engine.op(operand);
        if (term?.op === 'add' && term.domain === op.domain) {
          if (!collect(term)) return false;
        } else if (term?.op === 'exp') {
          terms.push(term);
        } else {
          return false;
        }
      }
      return true;
    };
    if (!collect(inner) || terms.length < 2) return null;
    if (terms.some((term) => isShifted(engine, term.operands[0]))) return null;
    if (terms.every((term) => engine.isConstant(engine.resolve(term.operands[0]).node))) return null;
    const domain = log.domain === 'tensor' ? 'tensor' : 'number';
    if (terms.some((term) => term.domain !== domain) || (domain === 'number' && terms.some((t) => t.spelling === 'map'))) return null;
    return { kind: 'terms', log, exps: terms, adds, domain };
  }
  return null;
}
