// Which local function names the engine takes for a softmax or sigmoid helper (engine.helperOpOf). The names
// were once matched by two regular expressions; the substring version must give the same answer on every name.
import { describe, expect, it } from 'vitest';
import { helperOpOf } from '../../src/ops/engine.js';

/** The former definition, kept as the specification. */
function byRegex(name: string): string | null {
  if (/^(?!.*log).*softmax/i.test(name)) return 'softmax';
  if (/^(?!.*log(?!istic)).*(sigmoid|logistic|expit)/i.test(name)) return 'sigmoid';
  return null;
}

const NAMES = [
  'softmax', 'Softmax', 'SOFTMAX', 'stableSoftmax', 'softMax', 'softmax2d', 'logSoftmax', 'log_softmax', 'softmaxLog',
  'sigmoid', 'Sigmoid', 'fastSigmoid', 'logSigmoid', 'sigmoidLog', 'logistic', 'Logistic', 'logisticFn', 'logisticLog',
  'loglogistic', 'expit', 'EXPIT', 'expitLog', 'softmaxLogistic', 'softmaxSigmoid', 'logSoftmaxSigmoid', 'catalog',
  'max', 'exp', 'log', 'sig', 'sigmo', 'moid', 'logisticlogistic', 'blogSoftmax', 'hardSigmoid', 'dialogSigmoid',
];

describe('helperOpOf', () => {
  it.each(NAMES)('%s', (name) => {
    expect(helperOpOf(name)).toBe(byRegex(name));
  });

  it('agrees with the regex definition on generated names', () => {
    const parts = ['', 'log', 'Log', 'soft', 'max', 'Max', 'softmax', 'SoftMax', 'sigmoid', 'istic', 'logistic', 'expit', 'x', '_'];
    let compared = 0;
    for (const a of parts) for (const b of parts) for (const c of parts) {
      const name = a + b + c;
      if (!name) continue;
      expect(helperOpOf(name), name).toBe(byRegex(name));
      compared++;
    }
    expect(compared).toBe(parts.length ** 3 - 1);
  });
});
