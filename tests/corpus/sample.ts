/**
 * A reviewed sample of the real-code corpus (tools/corpus): files of pinned npm packages, each with the exact
 * findings every rule gives on it today and a verdict from reading the code. `sample.test.ts` re-lints these
 * files, so a change that loses or adds a finding is seen; docs/benchmarks.md reports the same verdicts.
 *
 * The sample is kept small (the test lints each file with every rule and checks its fixes, well under 15 s);
 * `npm run corpus` lists every finding. Files with no findings are pinned too: stable code that must stay quiet
 * (max-shifted softmax, Welford variance), and known misses (a rule that learns to see them makes the test fail:
 * update the pin and the verdict).
 */

export type Verdict = 'true positive' | 'false positive' | 'debatable';

export interface PinnedFinding {
  rule: string;
  line: number;
  verdict: Verdict;
  note: string;
}

export interface PinnedFile {
  pkg: string;
  file: string;
  findings: PinnedFinding[];
  /** What else the file shows: why a file without findings is pinned, known misses. */
  note?: string;
}

export const SAMPLE: PinnedFile[] = [
  // @huggingface/transformers 4.3.1 (fetched with npm pack, see tools/corpus/packages.ts)
  {
    pkg: '@huggingface/transformers',
    file: 'src/utils/maths.js',
    findings: [
      {
        rule: 'prefer-hypot',
        line: 801,
        verdict: 'false positive',
        note: 'chirp-z: `Math.sqrt(baseR ** 2 + baseI ** 2)` with `baseR = Math.cos(theta)`, `baseI = Math.sin(theta)` two lines up: the modulus is 1, nothing can overflow',
      },
    ],
    note: '`softmax` and `log_softmax` subtract the max before `exp`: no finding',
  },
  {
    pkg: '@huggingface/transformers',
    file: 'src/utils/audio.js',
    findings: [
      { rule: 'prefer-log1p', line: 134, verdict: 'true positive', note: 'kaldi mel scale `1127 * Math.log(1.0 + freq / 700.0)`: low frequencies lose digits (small effect)' },
      { rule: 'prefer-expm1', line: 157, verdict: 'true positive', note: 'inverse kaldi mel scale `700 * (Math.exp(mels / 1127) - 1)` (small effect)' },
    ],
  },
  {
    pkg: '@huggingface/transformers',
    file: 'src/utils/random.js',
    findings: [
      { rule: 'prefer-log1p', line: 159, verdict: 'true positive', note: 'Box–Muller `Math.log(1 - this.random())`; `log1p(-u)` keeps the log(0) guard and the small-u digits' },
    ],
  },
  {
    pkg: '@huggingface/transformers',
    file: 'src/generation/logits_process.js',
    findings: [
      {
        rule: 'no-naive-logsumexp',
        line: 340,
        verdict: 'true positive',
        note: 'Whisper timestamp rule: `Math.log(logprobs.map(Math.exp).reduce(+))` over log-probabilities (no overflow, but underflows to -Infinity below ~-745; the reference implementation uses logsumexp)',
      },
    ],
  },
  {
    pkg: '@huggingface/transformers',
    file: 'src/utils/tensor.js',
    findings: [],
    note: 'plain float64 `1 / (1 + Math.exp(-x))` sigmoid is accurate for every x: no finding',
  },
  // TF.js 4.22.0 itself (tfjs-core, tfjs-layers, tfjs-backend-cpu: compiled ESM in dist/)
  {
    pkg: '@tensorflow/tfjs-core',
    file: 'dist/ops/log_sum_exp.js',
    findings: [],
    note: 'TF.js\'s own logSumExp: max shift across statements (`a = x − max; b = exp(a); c = sum(b); log(c)`): no finding',
  },
  { pkg: '@tensorflow/tfjs-core', file: 'dist/ops/log_softmax.js', findings: [], note: 'TF.js\'s own logSoftmax: no finding' },
  { pkg: '@tensorflow/tfjs-core', file: 'dist/ops/moments.js', findings: [], note: 'two-pass moments: no finding' },
  {
    pkg: '@tensorflow/tfjs-core',
    file: 'dist/util_base.js',
    findings: [],
    note: 'former false positive, fixed in 7a58511: the `tanh(x)` fallback after `if (Math.tanh != null) return Math.tanh(x);` (line 224)',
  },
  {
    pkg: '@tensorflow/tfjs-layers',
    file: 'dist/losses.js',
    findings: [
      { rule: 'prefer-log1p', line: 49, verdict: 'true positive', note: 'MSLE `tfc.log(tfc.add(1, clippedPred))` → `tfc.log1p` (no gain on WebGL/WASM, where log1p is log(1 + x))' },
      { rule: 'prefer-log1p', line: 51, verdict: 'true positive', note: 'same for `clippedTrue`' },
      {
        rule: 'no-unguarded-division',
        line: 98,
        verdict: 'debatable',
        note: 'categorical CE renormalises probabilities `tfc.div(output, outputSum)`: zero only for an all-zero probability row (as in Keras)',
      },
    ],
  },
  {
    pkg: '@tensorflow/tfjs-layers',
    file: 'dist/metrics.js',
    findings: [{ rule: 'no-unguarded-division', line: 83, verdict: 'true positive', note: 'r2Score divides by Σ(y − ȳ)², which is 0 for a constant target (NaN / -Infinity)' }],
  },
  {
    pkg: '@tensorflow/tfjs-backend-cpu',
    file: 'dist/kernels/Softplus.js',
    findings: [],
    note: 'former false positive, fixed: `Math.log(1.0 + expX)` (line 41) only in the else branch of the boolean temporaries `tooSmall = xi < threshold` / `tooLarge = xi > -threshold` (|x| < 13.9), with `expX = Math.exp(xi)` computed before the branch: guards read through boolean temporaries, and bounds taken where the exponential is used',
  },
  { pkg: '@tensorflow/tfjs-backend-cpu', file: 'dist/kernels/Elu.js', findings: [{ rule: 'prefer-expm1', line: 19, verdict: 'true positive', note: 'ELU `Math.exp(xi) - 1` for small negative xi (error above float32 ε near 1e-10)' }] },
  {
    pkg: '@tensorflow/tfjs-backend-cpu',
    file: 'dist/kernels/TopK_impl.js',
    findings: [
      {
        rule: 'prefer-log1p',
        line: 42,
        verdict: 'false positive',
        note: '`Math.log(n)` with `n = right - left + 1` inside `if (right - left > 600)`: x is never small (suggestion only)',
      },
    ],
  },
  // mathjs 15.2.0
  {
    pkg: 'mathjs',
    file: 'lib/esm/utils/number.js',
    findings: [],
    note: 'former false positives, fixed in 7a58511: polyfills `Math.log1p || function (x) { return Math.log(x + 1); }` (line 87), `Math.expm1 || function expm1(x) {…Math.exp(x) - 1…}` (124) and `Math.tanh || function (x) {…(e - 1) / (e + 1)}` (695), whose fixes called the missing Math function',
  },
  {
    pkg: 'mathjs',
    file: 'lib/esm/plain/number/trigonometry.js',
    findings: [{ rule: 'prefer-expm1', line: 73, verdict: 'true positive', note: 'coth `(e + 1) / (e - 1)` with `e = Math.exp(2 * x)`: relative error ~1e-16/x near 0 (suggestion)' }],
  },
  {
    pkg: 'mathjs',
    file: 'lib/esm/function/arithmetic/log1p.js',
    findings: [{ rule: 'prefer-hypot', line: 79, verdict: 'true positive', note: 'complex modulus in a general numeric library' }],
  },
  {
    pkg: 'mathjs',
    file: 'lib/esm/function/arithmetic/log2.js',
    findings: [{ rule: 'prefer-hypot', line: 70, verdict: 'true positive', note: 'complex modulus in a general numeric library' }],
  },
  // ml-* and small statistics packages
  {
    pkg: 'ml-matrix',
    file: 'src/dc/evd.js',
    findings: [
      {
        rule: 'prefer-hypot',
        line: 467,
        verdict: 'false positive',
        note: 'JAMA hqr2: `p = x / s; q = z / s` with `s = Math.abs(x) + Math.abs(z)` just before `Math.sqrt(p * p + q * q)`: the operands are pre-scaled into [-1, 1]',
      },
      {
        rule: 'prefer-hypot',
        line: 590,
        verdict: 'false positive',
        note: 'same: p, q, r divided by `Math.abs(p) + Math.abs(q) + Math.abs(r)` before `Math.sqrt(p * p + q * q + r * r)`',
      },
    ],
  },
  {
    pkg: 'ml-regression-simple-linear',
    file: 'src/index.ts',
    findings: [
      {
        rule: 'no-naive-variance',
        line: 132,
        verdict: 'true positive',
        note: 'slope denominator `n * xSquared - xSum * xSum` from one-pass sums: x values like years (2000–2020) lose most digits',
      },
    ],
  },
  {
    pkg: 'ml-regression-base',
    file: 'src/BaseRegression.ts',
    findings: [],
    note: 'known miss: `Math.sqrt((n * xSquared - xSum * xSum) * (n * ySquared - ySum * ySum))` (line 90), the same one-pass form as ml-regression-simple-linear, accumulated from `y2[i]` in a loop that also does other work',
  },
  {
    pkg: 'regression',
    file: 'src/regression.js',
    findings: [
      {
        rule: 'no-unguarded-division',
        line: 37,
        verdict: 'true positive',
        note: 'R² as `1 - (sse / ssyy)`: ssyy, the sum of squared deviations, is accumulated in a block-bodied reduce callback (`const difference = …; return a + difference * difference`) and is 0 when every observation has the same y, so R² is NaN or -Infinity there; found since block-bodied callbacks with const temporaries are read',
      },
      {
        rule: 'no-unguarded-log',
        line: 152,
        verdict: 'true positive',
        note: 'exponential fit weighted by y: `sum[3] += y * Math.log(y)` is NaN for y = 0, whose weight makes the term 0 (xlogy); the next line `x * y * Math.log(y)` is not reported (a miss), so one NaN remains after the fix',
      },
    ],
    note: 'known miss: `(len * sum[2]) - (sum[0] * sum[0])` (line 123), accumulators held in array elements and a conditional count',
  },
  { pkg: 'wink-statistics', file: 'src/streaming-stdev.js', findings: [], note: 'Welford update: no finding' },
  { pkg: 'summary', file: 'summary.js', findings: [], note: 'two-pass variance: no finding' },
  { pkg: 'stats-lite', file: 'stats.js', findings: [], note: 'two-pass variance: no finding' },
  {
    pkg: 'ml-levenberg-marquardt',
    file: 'src/step.js',
    findings: [
      {
        rule: 'no-explicit-inverse',
        line: 98,
        verdict: 'true positive',
        note: 'Levenberg–Marquardt step `inverse(λI + J·Jᵀ).mmul(J).mmul(r)`: a solve is cheaper and better conditioned (suggestion)',
      },
    ],
  },
  // three 0.187.0
  {
    pkg: 'three',
    file: 'src/math/MathUtils.js',
    findings: [{ rule: 'prefer-expm1', line: 136, verdict: 'true positive', note: 'frame-rate independent damping `1 - Math.exp(-lambda * dt)` for small lambda·dt' }],
  },
  {
    pkg: 'three',
    file: 'src/math/Vector3.js',
    findings: [
      {
        rule: 'prefer-hypot',
        line: 771,
        verdict: 'debatable',
        note: '`length()` of a scene vector: overflow needs coordinates above 1e154, and `Math.hypot` is 5–20× slower in a hot path',
      },
    ],
  },
  {
    pkg: 'three',
    file: 'src/geometries/ExtrudeGeometry.js',
    findings: [
      { rule: 'prefer-hypot', line: 266, verdict: 'debatable', note: 'suggestion through the temporary `v_prev_lensq` (also read elsewhere); geometry coordinates' },
      { rule: 'prefer-hypot', line: 267, verdict: 'debatable', note: 'geometry coordinates' },
      { rule: 'prefer-hypot', line: 342, verdict: 'debatable', note: 'suggestion through `v_prev_lensq`; geometry coordinates' },
    ],
  },
  {
    pkg: 'three',
    file: 'examples/jsm/renderers/SVGRenderer.js',
    findings: [{ rule: 'prefer-hypot', line: 684, verdict: 'debatable', note: 'suggestion through `det = x * x + y * y`; pixel distances' }],
  },
  {
    pkg: 'three',
    file: 'examples/jsm/textures/FlakesTexture.js',
    findings: [
      {
        rule: 'prefer-hypot',
        line: 37,
        verdict: 'false positive',
        note: '`nx = Math.random() * 2 - 1`, `ny` likewise, `nz = 1.5` three lines up: bounded operands',
      },
    ],
  },
  {
    pkg: 'three',
    file: 'examples/jsm/controls/FirstPersonControls.js',
    findings: [
      {
        rule: 'prefer-hypot',
        line: 294,
        verdict: 'false positive',
        note: '`strafe`, `climb`, `drive` are key states in {-1, 0, 1}',
      },
    ],
  },
  {
    pkg: 'three',
    file: 'examples/jsm/generators/TerrainGenerator.js',
    findings: [],
    note: 'former false positives, fixed in 7a58511: `nx / length` with `length = Math.hypot(nx, 1, nz)` ≥ 1 (lines 96–98)',
  },
  {
    pkg: 'three',
    file: 'examples/jsm/generators/ForestGenerator.js',
    findings: [],
    note: 'former false positive, fixed in 7a58511: `1 / Math.hypot(ux, 0.55, uz)` (line 246)',
  },
];
