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

/** Sample standard deviation in one pass over the data. */
export function sampleStd(xs: number[]): number {
  let sum = 0;
  let sumSq = 0;
  for (const x of xs) {
    sum += x;
    sumSq += x * x;
  }
  return Math.sqrt((sumSq - (sum * sum) / xs.length) / (xs.length - 1));
}

/** Scale scores into [0, 1]. */
export function minMaxScale(xs: number[]): number[] {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return xs.map((v) => (v - lo) / (hi - lo));
}

/** Shannon entropy of a discrete distribution, in nats. */
export function entropy(ps: number[]): number {
  return -ps.reduce((acc, p) => acc + p * Math.log(p), 0);
}
