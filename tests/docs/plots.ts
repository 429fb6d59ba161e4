// The error plots on the rule pages (docs/rules/img/<rule>.svg), computed from real runs: plain JS numbers and the
// kernels (float64), TF.js on the cpu backend (float32), against 60-digit decimal.js references of the exact inputs.
//
//   npm run docs:plots          regenerate the SVG files
//   tests/docs/plots.test.ts    fails when a committed plot differs from what the code computes today
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';
import * as kernels from '../../src/kernels/index.js';

type Tf = typeof import('@tensorflow/tfjs');

const D = Decimal.clone({ precision: 60 });
type Dec = InstanceType<typeof D>;

export const imageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/rules/img');

// ---------------------------------------------------------------------------------------------------------------
// Exact values of doubles and the error measures.

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** The exact decimal value of a finite double (not its shortest round-trip string). */
function exact(x: number): Dec {
  if (x === 0) return new D(0);
  F64[0] = x;
  const bits = U64[0];
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const mantissa = exponentBits === 0 ? fraction : fraction | 0x10000000000000n;
  const exponent = exponentBits === 0 ? -1074 : exponentBits - 1075;
  const value = new D(mantissa.toString()).times(new D(2).pow(exponent));
  return bits >> 63n ? value.neg() : value;
}

/** |got − ref| / |ref|; ±Infinity or NaN stays non-finite (drawn in the plot's top band). */
function relativeError(got: number, ref: Dec): number {
  if (!Number.isFinite(got)) return Number.NaN;
  if (ref.isZero()) return got === 0 ? 0 : Number.POSITIVE_INFINITY;
  return exact(got).minus(ref).abs().div(ref.abs()).toNumber();
}

function absoluteError(got: number, ref: Dec): number {
  if (!Number.isFinite(got)) return Number.NaN;
  return exact(got).minus(ref).abs().toNumber();
}

const f32 = Math.fround;
const range = (from: number, to: number, step: number): number[] => {
  const values: number[] = [];
  for (let i = 0; from + i * step <= to + 1e-9; i++) values.push(Number((from + i * step).toPrecision(12)));
  return values;
};
const decades = (fromExponent: number, toExponent: number, perDecade: number): number[] =>
  range(fromExponent * perDecade, toExponent * perDecade, 1).map((k) => Number((10 ** (k / perDecade)).toPrecision(15)));

// ---------------------------------------------------------------------------------------------------------------
// A small SVG line plot: log-scale error on y, linear or log x, non-finite results as marks in a band on top.

interface Series {
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
  /** [x, error]; the error may be 0 (drawn at the floor) or NaN/±Infinity (drawn in the top band). */
  readonly points: readonly (readonly [number, number])[];
}

interface Plot {
  readonly name: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xScale: 'linear' | 'log';
  /** Decades of the y axis, e.g. [-17, 1]. */
  readonly yDecades: readonly [number, number];
  readonly series: readonly Series[];
}

const WIDTH = 760;
const PLOT_HEIGHT = 300;
const LEFT = 72;
const RIGHT = 24;
const BOTTOM = 52;
const ROW = 6;
const COLORS = { naive64: '#d62728', stable64: '#1f77b4', naive32: '#ff9896', stable32: '#17becf' } as const;

const fmt = (v: number): string => (Math.round(v * 10) / 10).toFixed(1);
const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function superscript(exponent: number): string {
  const digits: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
  return `10${String(exponent).replace(/./g, (c) => digits[c] ?? c)}`;
}

function render(plot: Plot): string {
  const xs = plot.series.flatMap((s) => s.points.map(([x]) => x));
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const toX = plot.xScale === 'log' ? (x: number) => Math.log10(x) : (x: number) => x;
  const [lo, hi] = [toX(xMin), toX(xMax)];
  // Title, a legend row per series, the band with a row of non-finite marks per series, then the plot.
  const TOP = 36 + 16 * plot.series.length;
  const BAND = Math.max(24, 6 + ROW * plot.series.length);
  const HEIGHT = TOP + BAND + PLOT_HEIGHT + BOTTOM;
  const plotLeft = LEFT;
  const plotRight = WIDTH - RIGHT;
  const plotTop = TOP + BAND;
  const plotBottom = HEIGHT - BOTTOM;
  const px = (x: number): number => plotLeft + ((toX(x) - lo) / (hi - lo)) * (plotRight - plotLeft);
  const [yLo, yHi] = plot.yDecades;
  const py = (error: number): number => {
    const e = Math.min(Math.max(error === 0 ? 10 ** yLo : error, 10 ** yLo), 10 ** yHi);
    return plotBottom - ((Math.log10(e) - yLo) / (yHi - yLo)) * (plotBottom - plotTop);
  };

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`);
  out.push(`<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-size="14" font-weight="600">${esc(plot.title)}</text>`);

  // Legend, one row per series under the title.
  plot.series.forEach((s, i) => {
    const lx = LEFT;
    const ly = 42 + i * 16;
    out.push(`<line x1="${lx}" y1="${ly - 4}" x2="${lx + 24}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
    out.push(`<text x="${lx + 30}" y="${ly}">${esc(s.label)}</text>`);
  });

  // Non-finite band.
  out.push(`<rect x="${plotLeft}" y="${TOP}" width="${plotRight - plotLeft}" height="${BAND}" fill="#f4f4f4"/>`);
  out.push(`<text x="${plotLeft - 6}" y="${TOP + BAND / 2 - 1}" text-anchor="end" fill="#555" font-size="11">±∞/NaN</text>`);

  // Grid and y ticks (decades).
  const yStep = yHi - yLo > 12 ? 2 : 1;
  for (let d = yLo; d <= yHi; d += yStep) {
    const y = py(10 ** d);
    out.push(`<line x1="${plotLeft}" y1="${fmt(y)}" x2="${plotRight}" y2="${fmt(y)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${plotLeft - 6}" y="${fmt(y + 4)}" text-anchor="end">${d === yLo ? `≤${superscript(d)}` : superscript(d)}</text>`);
  }
  // x ticks.
  const ticks: number[] = [];
  if (plot.xScale === 'log') {
    const span = Math.ceil(hi) - Math.floor(lo);
    const step = Math.max(1, Math.ceil(span / 10));
    for (let d = Math.ceil(lo); d <= hi; d += step) ticks.push(10 ** d);
  } else {
    const span = xMax - xMin;
    const raw = span / 8;
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
    for (let t = Math.ceil(xMin / step) * step; t <= xMax + 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  }
  for (const t of ticks) {
    const x = px(t);
    const label = plot.xScale === 'log' ? superscript(Math.round(Math.log10(t))) : String(t);
    out.push(`<line x1="${fmt(x)}" y1="${plotTop}" x2="${fmt(x)}" y2="${plotBottom}" stroke="#f0f0f0"/>`);
    out.push(`<text x="${fmt(x)}" y="${plotBottom + 16}" text-anchor="middle">${label}</text>`);
  }
  out.push(`<rect x="${plotLeft}" y="${plotTop}" width="${plotRight - plotLeft}" height="${plotBottom - plotTop}" fill="none" stroke="#999"/>`);
  out.push(`<text x="${(plotLeft + plotRight) / 2}" y="${HEIGHT - 12}" text-anchor="middle">${esc(plot.xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${(plotTop + plotBottom) / 2}) rotate(-90)" text-anchor="middle">${esc(plot.yLabel)}</text>`);

  // Series: polylines broken at non-finite points, which get an × in the band.
  for (const s of plot.series) {
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="1.8"${s.dashed ? ' stroke-dasharray="5 3"' : ''} points="${run.join(' ')}"/>`);
      if (run.length === 1) out.push(`<circle cx="${run[0].split(',')[0]}" cy="${run[0].split(',')[1]}" r="1.8" fill="${s.color}"/>`);
      run = [];
    };
    const marks: string[] = [];
    for (const [x, error] of s.points) {
      if (Number.isFinite(error)) {
        run.push(`${fmt(px(x))},${fmt(py(error))}`);
      } else {
        flush();
        marks.push(`M${fmt(px(x) - 2)} ${fmt(TOP + 3 + ROW * plot.series.indexOf(s))}l4 4m0 -4l-4 4`);
      }
    }
    flush();
    if (marks.length > 0) out.push(`<path d="${marks.join('')}" stroke="${s.color}" stroke-width="1.4" fill="none"/>`);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// The experiments, one per rule page.

function series(label: string, color: string, points: (readonly [number, number])[], dashed = false): Series {
  return { label, color, points, dashed };
}

async function experiments(tf: Tf): Promise<Plot[]> {
  const ln = (x: Dec): Dec => x.ln();
  const one = new D(1);
  const plots: Plot[] = [];
  const run32 = (f: () => import('@tensorflow/tfjs').Tensor): number[] => tf.tidy(() => Array.from(f().dataSync()));

  // prefer-log1p: relative error of log(1 + x) against log1p(x), x from 1e-18 to 1.
  {
    const xs = decades(-18, 0, 4);
    const x32 = xs.map(f32);
    const naive32 = run32(() => tf.log(tf.add(1, tf.tensor1d(x32))));
    const stable32 = run32(() => tf.log1p(tf.tensor1d(x32)));
    plots.push({
      name: 'prefer-log1p',
      title: 'log(1 + x) against log1p(x)',
      xLabel: 'x',
      yLabel: 'relative error',
      xScale: 'log',
      yDecades: [-17, 1],
      series: [
        series('Math.log(1 + x)  (float64)', COLORS.naive64, xs.map((x) => [x, relativeError(Math.log(1 + x), ln(one.plus(exact(x))))])),
        series('Math.log1p(x)  (float64)', COLORS.stable64, xs.map((x) => [x, relativeError(Math.log1p(x), ln(one.plus(exact(x))))])),
        series('tf.log(tf.add(1, x))  (float32, cpu)', COLORS.naive32, xs.map((x, i) => [x, relativeError(naive32[i], ln(one.plus(exact(x32[i]))))]), true),
        series('tf.log1p(x)  (float32, cpu)', COLORS.stable32, xs.map((x, i) => [x, relativeError(stable32[i], ln(one.plus(exact(x32[i]))))]), true),
      ],
    });
  }

  // prefer-expm1: relative error of exp(x) − 1 against expm1(x).
  {
    const xs = decades(-18, 0, 4);
    const x32 = xs.map(f32);
    const naive32 = run32(() => tf.sub(tf.exp(tf.tensor1d(x32)), 1));
    const stable32 = run32(() => tf.expm1(tf.tensor1d(x32)));
    const ref = (x: number): Dec => exact(x).exp().minus(1);
    plots.push({
      name: 'prefer-expm1',
      title: 'exp(x) − 1 against expm1(x)',
      xLabel: 'x',
      yLabel: 'relative error',
      xScale: 'log',
      yDecades: [-17, 1],
      series: [
        series('Math.exp(x) - 1  (float64)', COLORS.naive64, xs.map((x) => [x, relativeError(Math.exp(x) - 1, ref(x))])),
        series('Math.expm1(x)  (float64)', COLORS.stable64, xs.map((x) => [x, relativeError(Math.expm1(x), ref(x))])),
        series('tf.sub(tf.exp(x), 1)  (float32, cpu)', COLORS.naive32, xs.map((x, i) => [x, relativeError(naive32[i], ref(x32[i]))]), true),
        series('tf.expm1(x)  (float32, cpu)', COLORS.stable32, xs.map((x, i) => [x, relativeError(stable32[i], ref(x32[i]))]), true),
      ],
    });
  }

  // no-naive-logsumexp: absolute error of log(exp(c) + exp(c − 1)) for c from −800 to 800.
  {
    const cs = range(-800, 800, 5);
    const pairs = cs.map((c) => [c, c - 1]);
    const naive32 = run32(() => tf.log(tf.sum(tf.exp(tf.tensor2d(pairs)), 1)));
    const stable32 = run32(() => tf.logSumExp(tf.tensor2d(pairs), 1));
    const ref = (c: number): Dec => exact(c).plus(ln(one.plus(new D(-1).exp())));
    plots.push({
      name: 'no-naive-logsumexp',
      title: 'log(exp(c) + exp(c − 1)) across the float range',
      xLabel: 'c',
      yLabel: 'absolute error',
      xScale: 'linear',
      yDecades: [-16, 4],
      series: [
        series('Math.log(Σ Math.exp)  (float64)', COLORS.naive64, cs.map((c) => [c, absoluteError(Math.log(Math.exp(c) + Math.exp(c - 1)), ref(c))])),
        series('logSumExp kernel  (float64)', COLORS.stable64, cs.map((c) => [c, absoluteError(kernels.logSumExp([c, c - 1]), ref(c))])),
        series('tf.log(tf.sum(tf.exp(x)))  (float32, cpu)', COLORS.naive32, cs.map((c, i) => [c, absoluteError(naive32[i], ref(c))]), true),
        series('tf.logSumExp(x)  (float32, cpu)', COLORS.stable32, cs.map((c, i) => [c, absoluteError(stable32[i], ref(c))]), true),
      ],
    });
  }

  // no-log-of-softmax: absolute error of the log-probability of logit 0 in softmax([0, d]).
  {
    const ds = range(0, 800, 4);
    const pairs = ds.map((d) => [0, d]);
    const naive32 = run32(() => tf.log(tf.softmax(tf.tensor2d(pairs))).slice([0, 0], [pairs.length, 1]));
    const stable32 = run32(() => tf.logSoftmax(tf.tensor2d(pairs)).slice([0, 0], [pairs.length, 1]));
    const ref = (d: number): Dec => ln(one.plus(exact(d).exp())).neg();
    plots.push({
      name: 'no-log-of-softmax',
      title: 'log-probability of logit 0 in softmax([0, d])',
      xLabel: 'd (gap between the logits)',
      yLabel: 'absolute error',
      xScale: 'linear',
      yDecades: [-16, 2],
      series: [
        series('softmax(xs).map(Math.log)  (float64)', COLORS.naive64, ds.map((d) => [d, absoluteError(Math.log(kernels.softmax([0, d])[0]), ref(d))])),
        series('logSoftmax kernel  (float64)', COLORS.stable64, ds.map((d) => [d, absoluteError(kernels.logSoftmax([0, d])[0], ref(d))])),
        series('tf.log(tf.softmax(x))  (float32, cpu)', COLORS.naive32, ds.map((d, i) => [d, absoluteError(naive32[i], ref(d))]), true),
        series('tf.logSoftmax(x)  (float32, cpu)', COLORS.stable32, ds.map((d, i) => [d, absoluteError(stable32[i], ref(d))]), true),
      ],
    });
  }

  // no-naive-softmax: largest absolute error of softmax([c, c − 1]) (exactly [0.731…, 0.268…] for every c).
  {
    const cs = range(-800, 800, 5);
    const pairs = cs.map((c) => [c, c - 1]);
    const naiveSoftmax = (xs: number[]): number[] => {
      const e = xs.map(Math.exp);
      const s = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / s);
    };
    const naive32 = run32(() => {
      const x = tf.tensor2d(pairs);
      return tf.div(tf.exp(x), tf.sum(tf.exp(x), -1, true));
    });
    const stable32 = run32(() => tf.softmax(tf.tensor2d(pairs)));
    const p0 = one.div(one.plus(new D(-1).exp()));
    const refs = [p0, one.minus(p0)];
    const worst = (values: ArrayLike<number>): number => {
      const errors = [absoluteError(values[0], refs[0]), absoluteError(values[1], refs[1])];
      return errors.some((e) => Number.isNaN(e)) ? Number.NaN : Math.max(...errors);
    };
    plots.push({
      name: 'no-naive-softmax',
      title: 'softmax([c, c − 1]) across the float range',
      xLabel: 'c',
      yLabel: 'largest absolute error',
      xScale: 'linear',
      yDecades: [-17, 1],
      series: [
        series('exp(x) / Σ exp(x)  (float64)', COLORS.naive64, cs.map((c) => [c, worst(naiveSoftmax([c, c - 1]))])),
        series('softmax kernel  (float64)', COLORS.stable64, cs.map((c) => [c, worst(kernels.softmax([c, c - 1]))])),
        series('tf.div(tf.exp(x), tf.sum(tf.exp(x)))  (float32, cpu)', COLORS.naive32, cs.map((c, i) => [c, worst([naive32[2 * i], naive32[2 * i + 1]])]), true),
        series('tf.softmax(x)  (float32, cpu)', COLORS.stable32, cs.map((c, i) => [c, worst([stable32[2 * i], stable32[2 * i + 1]])]), true),
      ],
    });
  }

  // no-naive-log-sigmoid: relative error of log(1 − sigmoid(x)) against logSigmoid(−x).
  {
    const xs = range(0, 60, 0.5);
    const naive32 = run32(() => tf.log(tf.sub(1, tf.sigmoid(tf.tensor1d(xs)))));
    const stable32 = run32(() => tf.logSigmoid(tf.neg(tf.tensor1d(xs))));
    const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
    const ref = (x: number): Dec => ln(one.plus(exact(x).exp())).neg();
    plots.push({
      name: 'no-naive-log-sigmoid',
      title: 'log(1 − sigmoid(x)) against logSigmoid(−x)',
      xLabel: 'x',
      yLabel: 'relative error',
      xScale: 'linear',
      yDecades: [-17, 1],
      series: [
        series('Math.log(1 - sigmoid(x))  (float64)', COLORS.naive64, xs.map((x) => [x, relativeError(Math.log(1 - sigmoid(x)), ref(x))])),
        series('logSigmoid(-x) kernel  (float64)', COLORS.stable64, xs.map((x) => [x, relativeError(kernels.logSigmoid(-x), ref(x))])),
        series('tf.log(tf.sub(1, tf.sigmoid(x)))  (float32, cpu)', COLORS.naive32, xs.map((x, i) => [x, relativeError(naive32[i], ref(x))]), true),
        series('tf.logSigmoid(tf.neg(x))  (float32, cpu)', COLORS.stable32, xs.map((x, i) => [x, relativeError(stable32[i], ref(x))]), true),
      ],
    });
  }

  // no-naive-sigmoid: absolute error of exp(x) / (1 + exp(x)).
  {
    const xs = range(-800, 800, 5);
    const naive32 = run32(() => {
      const x = tf.tensor1d(xs);
      return tf.div(tf.exp(x), tf.add(1, tf.exp(x)));
    });
    const stable32 = run32(() => tf.sigmoid(tf.tensor1d(xs)));
    const ref = (x: number): Dec => one.div(one.plus(exact(x).neg().exp()));
    plots.push({
      name: 'no-naive-sigmoid',
      title: 'exp(x) / (1 + exp(x)) against a stable sigmoid',
      xLabel: 'x',
      yLabel: 'absolute error',
      xScale: 'linear',
      yDecades: [-17, 1],
      series: [
        series('Math.exp(x) / (1 + Math.exp(x))  (float64)', COLORS.naive64, xs.map((x) => [x, absoluteError(Math.exp(x) / (1 + Math.exp(x)), ref(x))])),
        series('sigmoid kernel  (float64)', COLORS.stable64, xs.map((x) => [x, absoluteError(kernels.sigmoid(x), ref(x))])),
        series('tf.div(tf.exp(x), tf.add(1, tf.exp(x)))  (float32, cpu)', COLORS.naive32, xs.map((x, i) => [x, absoluteError(naive32[i], ref(x))]), true),
        series('tf.sigmoid(x)  (float32, cpu)', COLORS.stable32, xs.map((x, i) => [x, absoluteError(stable32[i], ref(x))]), true),
      ],
    });
  }

  // no-naive-variance: relative error of the variance of data with a spread of a few units around an offset (the
  // worst of eight data sets per offset, so that lucky roundings do not hide the trend). Float32 data stop being
  // distinct above 2^24, so the float32 series end at 1e7.
  {
    const offsets = decades(0, 12, 4);
    // Eight data sets of 16 values uniform in [0, 10), from a fixed-seed generator (the plot must be reproducible).
    let seed = 12345;
    const uniform = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed / 2 ** 32) * 10;
    };
    const shapes = Array.from({ length: 8 }, () => Array.from({ length: 16 }, uniform));
    const exactVariance = (row: number[]): Dec => {
      const values = row.map(exact);
      const mean = values.reduce((a, b) => a.plus(b), new D(0)).div(row.length);
      return values.reduce((a, v) => a.plus(v.minus(mean).pow(2)), new D(0)).div(row.length);
    };
    const naive = (row: number[]): number => {
      const n = row.length;
      const m = row.reduce((a, b) => a + b, 0) / n;
      const m2 = row.reduce((a, v) => a + v * v, 0) / n;
      return m2 - m * m;
    };
    const worst = (errors: number[]): number => (errors.some((e) => !Number.isFinite(e)) ? Number.NaN : Math.max(...errors));
    const rows = (offset: number): number[][] => shapes.map((shape) => shape.map((v) => offset + v));
    const offsets32 = offsets.filter((o) => o <= 1e7);
    const rows32 = offsets32.flatMap((o) => rows(o).map((row) => row.map(f32)));
    const naive32 = run32(() => {
      const x = tf.tensor2d(rows32);
      return tf.sub(tf.mean(tf.square(x), 1), tf.square(tf.mean(x, 1)));
    });
    const stable32 = run32(() => tf.moments(tf.tensor2d(rows32), 1).variance);
    const errors32 = (values: number[], i: number): number =>
      worst(shapes.map((_, j) => relativeError(values[i * shapes.length + j], exactVariance(rows32[i * shapes.length + j]))));
    plots.push({
      name: 'no-naive-variance',
      title: 'variance of data with a spread of a few units around an offset',
      xLabel: 'offset',
      yLabel: 'relative error (worst of 8 data sets)',
      xScale: 'log',
      yDecades: [-17, 3],
      series: [
        series('E[x²] − E[x]²  (float64)', COLORS.naive64, offsets.map((o) => [o, worst(rows(o).map((row) => relativeError(naive(row), exactVariance(row))))])),
        series('variance kernel  (float64)', COLORS.stable64, offsets.map((o) => [o, worst(rows(o).map((row) => relativeError(kernels.variance(row), exactVariance(row))))])),
        series('tf.mean(tf.square(x)) − tf.square(tf.mean(x))  (float32, cpu)', COLORS.naive32, offsets32.map((o, i) => [o, errors32(naive32, i)]), true),
        series('tf.moments(x).variance  (float32, cpu)', COLORS.stable32, offsets32.map((o, i) => [o, errors32(stable32, i)]), true),
      ],
    });
  }

  // prefer-hypot: relative error of the length of (3s, 4s).
  {
    const scales = decades(-200, 200, 1).filter((_, i) => i % 2 === 0);
    const ref = (a: number, b: number): Dec => exact(a).pow(2).plus(exact(b).pow(2)).sqrt();
    plots.push({
      name: 'prefer-hypot',
      title: 'length of the vector (3s, 4s)',
      xLabel: 's',
      yLabel: 'relative error',
      xScale: 'log',
      yDecades: [-17, 1],
      series: [
        series('Math.sqrt(a * a + b * b)', COLORS.naive64, scales.map((s) => [s, relativeError(Math.sqrt(3 * s * (3 * s) + 4 * s * (4 * s)), ref(3 * s, 4 * s))])),
        series('Math.hypot(a, b)', COLORS.stable64, scales.map((s) => [s, relativeError(Math.hypot(3 * s, 4 * s), ref(3 * s, 4 * s))])),
      ],
    });
  }

  // no-cross-entropy-on-probabilities: relative error of the binary cross-entropy for label 0 and logit z.
  {
    const zs = range(-40, 40, 0.5);
    const zeros = zs.map(() => 0);
    const naive32 = run32(() => {
      const y = tf.tensor1d(zeros);
      const p = tf.sigmoid(tf.tensor1d(zs));
      return tf.neg(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p)))));
    });
    const stable32 = run32(() => tf.losses.sigmoidCrossEntropy(tf.tensor1d(zeros), tf.tensor1d(zs), undefined, undefined, tf.Reduction.NONE));
    const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
    const ref = (z: number): Dec => ln(one.plus(exact(z).exp()));
    plots.push({
      name: 'no-cross-entropy-on-probabilities',
      title: 'binary cross-entropy for label 0 and logit z',
      xLabel: 'logit z',
      yLabel: 'relative error',
      xScale: 'linear',
      yDecades: [-17, 1],
      series: [
        series('-log(1 - sigmoid(z))  (float64)', COLORS.naive64, zs.map((z) => [z, relativeError(-Math.log(1 - sigmoid(z)), ref(z))])),
        series('binaryCrossEntropyWithLogits kernel  (float64)', COLORS.stable64, zs.map((z) => [z, relativeError(kernels.binaryCrossEntropyWithLogits(0, z), ref(z))])),
        series('on tf.sigmoid(z)  (float32, cpu)', COLORS.naive32, zs.map((z, i) => [z, relativeError(naive32[i], ref(z))]), true),
        series('tf.losses.sigmoidCrossEntropy  (float32, cpu)', COLORS.stable32, zs.map((z, i) => [z, relativeError(stable32[i], ref(z))]), true),
      ],
    });
  }
  return plots;
}

/** Every plot as [file name, SVG text]. */
export async function renderPlots(): Promise<[string, string][]> {
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  const plots = await experiments(tf);
  return plots.map((plot) => [`${plot.name}.svg`, render(plot)]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(imageDir, { recursive: true });
  for (const [file, svg] of await renderPlots()) {
    writeFileSync(path.join(imageDir, file), svg);
    console.log(`wrote docs/rules/img/${file}`);
  }
}
