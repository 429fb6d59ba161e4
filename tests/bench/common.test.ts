// The statistics bench:lint judges its CPU target with (bench/common.ts).
import { describe, expect, it } from 'vitest';
import { meanInterval, verdict } from '../../bench/common.js';

describe('meanInterval', () => {
  it("is the mean ± Student's t (95%) times the standard error", () => {
    const { mean, low, high } = meanInterval([1, 2, 3]);
    expect(mean).toBe(2);
    // sd 1, n 3, t(2 df) = 4.303
    expect(high! - mean).toBeCloseTo(4.303 / Math.sqrt(3), 6);
    expect(mean - low!).toBeCloseTo(4.303 / Math.sqrt(3), 6);
  });

  it('uses the normal quantile above 31 readings', () => {
    const xs = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1 : 3));
    const { mean, high } = meanInterval(xs);
    const sd = Math.sqrt((40 * 1) / 39);
    expect(high! - mean).toBeCloseTo((1.96 * sd) / Math.sqrt(40), 9);
  });

  it('has no interval with one reading', () => {
    expect(meanInterval([1.04])).toEqual({ mean: 1.04, low: null, high: null });
  });
});

describe('verdict', () => {
  it('is met only when the whole interval is at or below the limit, missed only when it is all above', () => {
    expect(verdict({ low: 1.01, high: 1.049 }, 1.05)).toBe('met');
    expect(verdict({ low: 1.051, high: 1.09 }, 1.05)).toBe('MISSED');
    expect(verdict({ low: 1.038, high: 1.066 }, 1.05)).toBe('undecided');
    expect(verdict({ low: null, high: null }, 1.05)).toBe('undecided');
  });
});
