/**
 * Self-contained stable forms that fixes insert into the file when `settings.numerics.kernelModule` is
 * `'inline'` (for code that must not depend on this package at run time). They are the short textbook-stable
 * algorithms (max shift, `log1p`, two-pass variance); the package's kernels add compensated sums and error
 * recovery on top, so they are a few ulps more accurate. tests/fix/inline-kernels.test.ts checks each against
 * its kernel.
 */

/** Marker comment above every inserted helper: a later fix reuses a helper that carries it. */
export const INLINE_MARKER = 'numerics: inline kernel';

/** TypeScript source of each helper, written so that removing the type annotations gives valid JavaScript. */
const SOURCES: Record<string, string> = {
  logSumExp: `function logSumExp(xs: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i] > max || Number.isNaN(xs[i])) max = xs[i];
  if (max === Infinity || max === -Infinity || Number.isNaN(max)) return max;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += Math.exp(xs[i] - max);
  return max + Math.log(sum);
}`,
  logAddExp: `function logAddExp(a: number, b: number): number {
  const max = Math.max(a, b);
  if (max === Infinity || max === -Infinity || Number.isNaN(max)) return a + b;
  return max + Math.log1p(Math.exp(-Math.abs(a - b)));
}`,
  softmax: `function softmax(xs: number[], temperature: number = 1): number[] {
  let max = -Infinity;
  for (const x of xs) if (x > max) max = x;
  const out = xs.map((x) => Math.exp((x - max) / temperature));
  let sum = 0;
  for (const e of out) sum += e;
  return out.map((e) => e / sum);
}`,
  logSoftmax: `function logSoftmax(xs: number[]): number[] {
  let max = -Infinity;
  for (const x of xs) if (x > max) max = x;
  let sum = 0;
  for (const x of xs) sum += Math.exp(x - max);
  const log = Math.log(sum);
  return xs.map((x) => x - max - log);
}`,
  sigmoid: `function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}`,
  logSigmoid: `function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}`,
  softplus: `function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}`,
  binaryCrossEntropyWithLogits: `function binaryCrossEntropyWithLogits(y: number, z: number): number {
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}`,
  xlogy: `function xlogy(x: number, y: number): number {
  return x === 0 ? 0 : x * Math.log(y);
}`,
  safeDiv: `function safeDiv(a: number, b: number, fallback: number = 0): number {
  return b === 0 ? fallback : a / b;
}`,
  variance: `function variance(xs: ArrayLike<number>, options: { ddof?: number } = {}): number {
  const n = xs.length;
  const ddof = options.ddof ?? 0;
  if (n - ddof <= 0) return NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i];
  mean /= n;
  let ss = 0;
  let correction = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    ss += d * d;
    correction += d;
  }
  return (ss - (correction * correction) / n) / (n - ddof);
}`,
};

// The standard deviation is the variance helper with a square root on its result.
SOURCES.std = SOURCES.variance.replace('function variance(', 'function std(').replace(
  'return (ss - (correction * correction) / n) / (n - ddof);',
  'return Math.sqrt((ss - (correction * correction) / n) / (n - ddof));',
);

export function hasInlineKernel(name: string): boolean {
  return name in SOURCES;
}

/** Remove the type annotations of a helper (the sources above only use these). */
function toJavaScript(source: string): string {
  return source
    .replace(/: ArrayLike<number>/g, '')
    .replace(/: \{ ddof\?: number \}/g, '')
    .replace(/: number\[\]/g, '')
    .replace(/: number/g, '');
}

/** The helper `name` as TypeScript or JavaScript, renamed to `local`, with its marker comment. */
export function inlineKernelSource(name: string, local: string, typescript: boolean): string {
  const source = SOURCES[name];
  const text = typescript ? source : toJavaScript(source);
  return `// ${INLINE_MARKER} ${name}\n${text.replace(`function ${name}(`, `function ${local}(`)}`;
}
