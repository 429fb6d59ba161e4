// Plain numeric TypeScript: scoring and growth helpers with the classic precision traps.

/** Log-partition of a set of scores, log Σ exp(s). */
export function logPartition(scores: number[]): number {
  let total = 0;
  for (const s of scores) {
    total += Math.exp(s);
  }
  return Math.log(total);
}

/** Log-probability of class k under a softmax over the scores. */
export function logProbability(scores: number[], k: number): number {
  return scores[k] - logPartition(scores);
}

/** Smooth maximum of two values (a soft `Math.max`). */
export function softMax2(a: number, b: number): number {
  return Math.log(Math.exp(a) + Math.exp(b));
}

/** Continuously compounded growth over t years at rate r, as a fraction of the principal. */
export function growth(rate: number, years: number): number {
  return Math.exp(rate * years) - 1;
}

/** Annual log-return of a small per-period return r. */
export function logReturn(r: number): number {
  return Math.log(1 + r);
}
