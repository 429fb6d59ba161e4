/**
 * Pattern: a softmax written as `exp(x) / sum(exp(x))` without a max shift (tensor code, or array code with
 * `map`/`reduce`, optionally with a temperature divided in before `exp`). Overflows once an element exceeds
 * ~88.7 (float32) / ~709.8 (float64): Infinity / Infinity is NaN.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { NumericsEngine } from '../ops/engine.js';
import type { Op, Operand, OpName } from '../ops/types.js';

const DIV: ReadonlySet<OpName> = new Set<OpName>(['div']);

export interface NaiveSoftmaxMatch {
  readonly div: Op;
  readonly numerator: Op;
  readonly sum: Op;
  readonly denominatorExp: Op;
  /** The logits: a tensor, or the array. */
  readonly input: Operand;
  /** Array code: the temperature `T` of `exp(v / T)`. */
  readonly temperature: TSESTree.Node | null;
  readonly domain: 'tensor' | 'array';
}

/** The exponent split into `input` (the logits) and an optional temperature divisor. */
function exponentParts(engine: NumericsEngine, exp: Op): { input: Operand; temperature: TSESTree.Node | null } | null {
  const exponent = engine.op(exp.operands[0]);
  if (exponent?.op === 'sub') return null; // shifted, by the max usually
  if (exponent?.op === 'div' && exponent.domain !== 'tensor') {
    const input = engine.unwrapElement(exponent.operands[0]);
    const temperature = engine.unwrapElement(exponent.operands[1]);
    if (!engine.isFreeOfElements(input) || !engine.isFreeOfElements(temperature)) return null;
    if (engine.op(input)?.op === 'sub') return null;
    return { input, temperature: temperature.node };
  }
  const input = engine.unwrapElement(exp.operands[0]);
  return engine.isFreeOfElements(input) ? { input, temperature: null } : null;
}

export function detectNaiveSoftmax(engine: NumericsEngine, node: TSESTree.Node): NaiveSoftmaxMatch | null {
  const div = engine.matchTop(node, DIV);
  if (div?.op !== 'div') return null;
  const domain = div.domain === 'tensor' ? 'tensor' : div.domain === 'array' && div.spelling === 'map' ? 'array' : null;
  if (!domain) return null;

  const numerator = engine.op(div.operands[0]);
  const sum = engine.op(div.operands[1]);
  if (numerator?.op !== 'exp' || sum?.op !== 'sum') return null;
  const denominatorExp = engine.op(sum.operands[0]);
  if (denominatorExp?.op !== 'exp') return null;
  if (domain === 'tensor' && (numerator.domain !== 'tensor' || sum.domain !== 'tensor')) return null;
  if (domain === 'array' && (numerator.domain !== 'array' || sum.domain !== 'array')) return null;

  const top = exponentParts(engine, numerator);
  const bottom = exponentParts(engine, denominatorExp);
  if (!top || !bottom) return null;
  const sameExp = numerator.node === denominatorExp.node;
  const sameInput = engine.sameReference(top.input.node, bottom.input.node);
  const sameTemperature =
    top.temperature === bottom.temperature ||
    (top.temperature !== null && bottom.temperature !== null && engine.sameReference(top.temperature, bottom.temperature));
  if (!sameExp && !(sameInput && sameTemperature)) return null;
  if (engine.isConstant(engine.resolve(top.input).node)) return null;
  return { div, numerator, sum, denominatorExp, input: top.input, temperature: top.temperature, domain };
}
