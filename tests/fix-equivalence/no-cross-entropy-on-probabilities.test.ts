// Fix equivalence for numerics/no-cross-entropy-on-probabilities: cross-entropy from sigmoid/softmax probabilities
// → the logits forms, run before and after the fix.
//
// What the inputs show:
// - binary CE written on p = sigmoid(z), float32 tensors: `same` on ordinary logits (|z| ≤ 3) with hard (0/1) and
//   smoothed (0.1/0.9) labels. The original's error is dominated by log(1 − p) with p rounded to float32: an absolute
//   error of about 2⁻²⁴·p/(1 − p) ≤ 6e-8·e^|z| ≈ 1.2e-6 at |z| = 3, inside the default float32 tolerance (1e-5
//   relative + 1e-5 absolute); the logits form is within that of the float64 reference.
//   At |z| = 90 (and already at 20) sigmoid(z) rounds to 1 in float32, so log(1 − p) = -Infinity: the loss is
//   Infinity for y < 1 and 0·(-Infinity) = NaN for y = 1 (`rescue`); at z = 15…17 1 − p keeps one or two bits and
//   the loss is finite but off by up to 0.4 (`improve`). The logits form is finite and matches the 60-digit
//   reference y·softplus(−z) + (1 − y)·softplus(z) everywhere.
// - the same with plain numbers (float64) → kernel binaryCrossEntropyWithLogits: sigmoid(z) rounds to 1 above
//   z ≈ 37 and 1/(1 + exp(800)) is 0, so the logs are -Infinity (`rescue`); at z = 30 1 − p ≈ 9.4e-14 keeps ~10 bits
//   (`improve`); ordinary inputs: `same` within 1e-12 (the original's error is ~u·e^|z| ≤ 2e-15 at |z| ≤ 3).
// - logits APIs fed probabilities (tf.losses.softmaxCrossEntropy(y, tf.softmax(z)), sigmoidCrossEntropy of a
//   sigmoid): dropping the inner activation changes the value on purpose, so every input is `improve`: the fixed
//   loss matches the reference logits loss, the original (a loss of probabilities-as-logits, flattened) does not.
// - probability APIs fed an activation (tf.losses.logLoss / tf.metrics.*Crossentropy of tf.sigmoid/tf.softmax) →
//   suggested logits APIs: on ordinary logits the values differ only by the 1e-7 clip, ≤ 1e-7/min(p, 1 − p) ≤ 2.1e-6
//   at |z| ≤ 3 (`same`, default float32 tolerance); at z = ±90 the clipped log saturates at log(1e-7) ≈ -16.1, so
//   the original is finite but wrong (per element 16.1 for a loss of 90; `improve`) and the suggestion gives the
//   logits loss.

import fc from 'fast-check';
import { describeFixEquivalence, tensor, type FixCase, type InputCase } from '../helpers/fix-harness.js';
import { finite } from './inputs.js';
import { D, dec, type Dec } from './reference.js';

const TF = `import * as tf from '@tensorflow/tfjs';\n`;
const KERNEL_IMPORT = /import \{ binaryCrossEntropyWithLogits \} from 'eslint-plugin-numerics\/kernels';/;
/** The element-wise logits form the tensor fix writes (for logits z and labels y). */
const LOGITS_FORM = (z: string, y: string) => `tf.add(tf.sub(tf.relu(${z}), tf.mul(${z}, ${y})), tf.softplus(tf.neg(tf.abs(${z}))))`;

// ----------------------------------------------------------------------------------------------------------------
// References at 60 digits: softplus(x) = log(1 + exp(x)), bce(y, z) = y·softplus(−z) + (1 − y)·softplus(z),
// softmax CE = Σ y_i·(lse(z) − z_i).

/** log(1 + s), keeping the digits of a tiny s. */
function log1pDec(s: Dec): Dec {
  if (s.abs().gt(1e-8)) return D.ln(s.plus(1));
  let sum = new D(0);
  let p = s;
  for (let k = 1; k <= 12; k++) {
    sum = k % 2 === 1 ? sum.plus(p.div(k)) : sum.minus(p.div(k));
    p = p.times(s);
  }
  return sum;
}

function softplusDec(x: Dec): Dec {
  return x.gt(0) ? x.plus(log1pDec(D.exp(x.neg()))) : log1pDec(D.exp(x));
}

function bceDec(y: number, z: number): Dec {
  const Y = dec(y);
  const Z = dec(z);
  return Y.times(softplusDec(Z.neg())).plus(new D(1).minus(Y).times(softplusDec(Z)));
}

/** Binary CE with logits, correctly rounded. */
const bceRef = (y: number, z: number): number => bceDec(y, z).toNumber();

type Nested = number | Nested[];

function map2(a: Nested, b: Nested, fn: (x: number, y: number) => number): Nested {
  if (Array.isArray(a) && Array.isArray(b)) return a.map((v, i) => map2(v, b[i], fn));
  return fn(a as number, b as number);
}

/** Element-wise bce of two nested arrays (labels, logits). */
const bceElementwise = (y: Nested, z: Nested): Nested => map2(y, z, bceRef);

/** Mean over all elements of bce(y, z), rounded once. */
function bceMean(y: number[][], z: number[][]): number {
  const terms = y.flat().map((v, i) => bceDec(v, z.flat()[i]));
  return terms.reduce((a, t) => a.plus(t), new D(0)).div(terms.length).toNumber();
}

/** Mean over the last axis of bce(y, z), per row. */
const bceRowMeans = (y: number[][], z: number[][]): number[] =>
  y.map((row, r) => row.reduce((a, v, i) => a.plus(bceDec(v, z[r][i])), new D(0)).div(row.length).toNumber());

/** Softmax cross-entropy of one row: Σ y_i·(lse(z) − z_i), lse = m + log1p(Σ_{i≠k} exp(z_i − m)). */
function softmaxCeDec(y: readonly number[], z: readonly number[]): Dec {
  const k = z.indexOf(Math.max(...z));
  const m = dec(z[k]);
  const rest = z.reduce((a, v, i) => (i === k ? a : a.plus(D.exp(dec(v).minus(m)))), new D(0));
  const L = log1pDec(rest);
  return y.reduce((a, v, i) => a.plus(dec(v).times(m.minus(dec(z[i])).plus(L))), new D(0));
}

const softmaxCeRows = (y: number[][], z: number[][]): number[] => y.map((row, r) => softmaxCeDec(row, z[r]).toNumber());
const softmaxCeMean = (y: number[][], z: number[][]): number => y.reduce((a, row, r) => a.plus(softmaxCeDec(row, z[r])), new D(0)).div(y.length).toNumber();

// ----------------------------------------------------------------------------------------------------------------
// Inputs

const HARD = [
  [0, 1, 0, 1],
  [1, 0, 1, 0],
];
const SMOOTH = [
  [0.1, 0.9, 0.1, 0.9],
  [0.9, 0.1, 0.9, 0.1],
];
const ORDINARY_Z = [
  [-2.5, -1, -0.3, 0],
  [0.4, 1.2, 2, 3],
];
/** Every combination of sign and label at |z| = 90: (y, z) = (0, 90) → Infinity, (1, 90) → NaN in the original. */
const Z90 = [
  [90, 90, -90, -90],
  [-90, -90, 90, 90],
];
const Z20 = [
  [20, -20, 25, -25],
  [-20, 20, -25, 25],
];
/** sigmoid(z) just below 1 in float32: 1 − p keeps a bit or two, log(1 − p) is finite but off by up to 0.4. */
const Z_NEAR_SATURATION = [
  [15, 16, 17, 16.5],
  [-15, -16, -17, -16.5],
];

/** float32 tensors (labels, logits), 2 × 4. */
const BINARY: InputCase[] = [
  { label: 'ordinary logits, labels 0/1', args: [tensor(HARD), tensor(ORDINARY_Z)], expect: 'same' },
  { label: 'ordinary logits, smoothed labels 0.1/0.9', args: [tensor(SMOOTH), tensor(ORDINARY_Z)], expect: 'same' },
  { label: 'logits ±90, labels 0/1: Infinity and NaN', args: [tensor(HARD), tensor(Z90)], expect: 'rescue' },
  { label: 'logits ±90, smoothed labels: Infinity', args: [tensor(SMOOTH), tensor(Z90)], expect: 'rescue' },
  { label: 'logits ±20, ±25 (sigmoid rounds to 1 in float32), labels 0/1', args: [tensor(HARD), tensor(Z20)], expect: 'rescue' },
  { label: 'logits 15…17 (1 − p keeps 1–2 bits), labels 0 on the positive side', args: [tensor([[0, 0, 0, 0], [1, 1, 1, 1]]), tensor(Z_NEAR_SATURATION)], expect: 'improve' },
];

/** Plain numbers (label, logit), float64. */
const SCALARS: InputCase[] = [
  { label: 'ordinary: (1, 0.5)', args: [1, 0.5], expect: 'same' },
  { label: 'ordinary: (0, -1.3)', args: [0, -1.3], expect: 'same' },
  { label: 'ordinary: (0, 3)', args: [0, 3], expect: 'same' },
  { label: 'ordinary, smoothed: (0.9, 2.2)', args: [0.9, 2.2], expect: 'same' },
  { label: 'ordinary, smoothed: (0.1, -3)', args: [0.1, -3], expect: 'same' },
  { label: 'ordinary: (0.5, 0)', args: [0.5, 0], expect: 'same' },
  { label: '(1, -90): p ≈ 8e-40 is still a normal double', args: [1, -90], expect: 'same' },
  { label: 'saturating: (0, 30), 1 − p keeps ~10 bits', args: [0, 30], expect: 'improve' },
  { label: 'overflow: (1, 40), 0·log(0) = NaN', args: [1, 40], expect: 'rescue' },
  { label: 'overflow: (0, 40), log(0) = -Infinity', args: [0, 40], expect: 'rescue' },
  { label: 'overflow: (0, 90)', args: [0, 90], expect: 'rescue' },
  { label: 'overflow: (1, 90), 0·log(0) = NaN', args: [1, 90], expect: 'rescue' },
  { label: 'overflow, smoothed: (0.9, 90)', args: [0.9, 90], expect: 'rescue' },
  { label: 'large negative logit, smoothed: (0.1, -90) stays finite', args: [0.1, -90], expect: 'same' },
  { label: 'exp overflow: (1, -800), sigmoid = 0', args: [1, -800], expect: 'rescue' },
  { label: 'exp overflow: (0, -800), 0·log(0) = NaN', args: [0, -800], expect: 'rescue' },
  { label: 'exp overflow, smoothed: (0.1, -800)', args: [0.1, -800], expect: 'rescue' },
];

/** Scalar (label, logit) inputs as a pair of arrays [labels, logits]. */
function unzip(inputs: readonly InputCase[]): [number[], number[]] {
  return [inputs.map((input) => input.args[0] as number), inputs.map((input) => input.args[1] as number)];
}

/** For code written on sigmoid(−s): the same (label, logit) pairs with the logit negated. */
const SCALARS_NEGATED: InputCase[] = SCALARS.map((input) => ({ ...input, args: [input.args[0], -(input.args[1] as number)] }));

/**
 * fast-check: labels 0, 1, 0.1, 0.9 or any value in [0, 1]; logits over the whole range where the probability form
 * saturates or overflows (`auto`: a finite original is matched, or, where it is off the reference, the fix is on it).
 * Tensor logits stay within ±120: the logits form's relu(z) − z·y rounds z·y to half a float32 ulp of 128 (3.8e-6),
 * inside the 1e-5 absolute tolerance even when it cancels (y near 1).
 */
const label = fc.oneof(fc.constantFrom(0, 1, 0.1, 0.9), fc.double({ min: 0, max: 1, noNaN: true }));
const SCALAR_PROPERTY = { args: fc.tuple(label, finite(-1000, 1000)), numRuns: 80 };
const TENSOR_PROPERTY = {
  args: fc.array(fc.tuple(label, finite(-120, 120)), { minLength: 6, maxLength: 6 }).map((pairs) => {
    const rows = (k: 0 | 1) => [pairs.slice(0, 3).map((pair) => pair[k]), pairs.slice(3).map((pair) => pair[k])];
    return [tensor(rows(0)), tensor(rows(1))] as const;
  }),
  numRuns: 25,
};

// ----------------------------------------------------------------------------------------------------------------
// Binary CE on a sigmoid, tensors → relu(z) − z·y + softplus(−|z|)

const binaryTensorCases: FixCase[] = [
  {
    name: 'tf: const p = tf.sigmoid(z); tf.neg(y·log p + (1 − y)·log(1 − p)) → the logits form, negation dropped',
    code: `${TF}export function f(y: tf.Tensor, z: tf.Tensor) {\n  const p = tf.sigmoid(z);\n  return tf.neg(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p)))));\n}\n`,
    expectOutput: [`return ${LOGITS_FORM('z', 'y')};`],
    rejectOutput: ['tf.sigmoid', 'tf.log('],
    reference: bceElementwise,
    inputs: BINARY,
    property: TENSOR_PROPERTY,
  },
  {
    name: 'tf: log-likelihood, terms swapped, inside tf.mean → tf.mean(tf.neg(logits form))',
    code: `${TF}export function f(y: tf.Tensor, z: tf.Tensor) {\n  const p = tf.sigmoid(z);\n  return tf.mean(tf.add(tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))), tf.mul(y, tf.log(p))));\n}\n`,
    expectOutput: [`return tf.mean(tf.neg(${LOGITS_FORM('z', 'y')}));`],
    reference: (y: number[][], z: number[][]) => -bceMean(y, z),
    inputs: BINARY,
  },
  {
    // The fix does not see the chained `.neg()` as the outer negation and writes tf.neg(…).neg(): the value is right.
    name: 'chained: z.sigmoid(), y.mul(p.log()).add(…).neg()',
    code: `${TF}export function f(y: tf.Tensor, z: tf.Tensor) {\n  const p = z.sigmoid();\n  return y.mul(p.log()).add(tf.sub(1, y).mul(tf.sub(1, p).log())).neg();\n}\n`,
    expectOutput: [LOGITS_FORM('z', 'y')],
    rejectOutput: ['sigmoid', '.log()'],
    reference: bceElementwise,
    inputs: BINARY,
  },
  {
    name: 'written-out sigmoid of −z: p = 1/(1 + exp(z)) → logits form on tf.neg(z)',
    code: `${TF}export function f(y: tf.Tensor, z: tf.Tensor) {\n  const p = tf.div(1, tf.add(1, tf.exp(z)));\n  return tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))));\n}\n`,
    expectOutput: [`tf.neg(${LOGITS_FORM('tf.neg(z)', 'y')})`],
    rejectOutput: ['tf.exp', 'tf.div'],
    reference: (y: Nested, z: Nested) => map2(y, z, (a, b) => -bceRef(a, -b)),
    inputs: BINARY,
  },
  {
    name: 'named imports inside tf.tidy: the missing ops are imported',
    code: `import { add, log, mul, neg, sigmoid, sub, tidy, type Tensor } from '@tensorflow/tfjs';\nexport const f = (y: Tensor, z: Tensor) =>\n  tidy(() => {\n    const p = sigmoid(z);\n    return neg(add(mul(y, log(p)), mul(sub(1, y), log(sub(1, p)))));\n  });\n`,
    expectOutput: ['add(sub(relu(z), mul(z, y)), softplus(neg(abs(z))))', /import \{[^}]*\brelu\b[^}]*\} from '@tensorflow\/tfjs'/, /\bsoftplus\b[^}]*\} from/],
    reference: bceElementwise,
    inputs: BINARY,
  },
  {
    name: 'log imported under another name (import { log as ln }): found, and the fix runs',
    code: `import { add, log as ln, mul, neg, sigmoid, sub, type Tensor } from '@tensorflow/tfjs';\nexport const f = (y: Tensor, z: Tensor) => {\n  const p = sigmoid(z);\n  return neg(add(mul(y, ln(p)), mul(sub(1, y), ln(sub(1, p)))));\n};\n`,
    expectOutput: ['add(sub(relu(z), mul(z, y)), softplus(neg(abs(z))))'],
    reference: bceElementwise,
    inputs: BINARY,
  },
  {
    // The textbook difference form −y·log(p) − (1 − y)·log(1 − p): the loss itself, so no outer negation.
    name: 'difference form: tf.sub(tf.neg(tf.mul(y, tf.log(p))), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p)))) → the logits form',
    code: `${TF}export function f(y: tf.Tensor, z: tf.Tensor) {\n  const p = tf.sigmoid(z);\n  return tf.sub(tf.neg(tf.mul(y, tf.log(p))), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))));\n}\n`,
    expectOutput: [LOGITS_FORM('z', 'y')],
    reference: bceElementwise,
    inputs: BINARY,
  },
];

// ----------------------------------------------------------------------------------------------------------------
// Binary CE on a sigmoid, plain numbers → kernel binaryCrossEntropyWithLogits

const binaryScalarCases: FixCase[] = [
  {
    name: 'local sigmoid helper, -(y·log p + (1 − y)·log(1 − p)) → binaryCrossEntropyWithLogits(y, z)',
    code: `const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));\nexport function f(y: number, z: number) {\n  const p = sigmoid(z);\n  return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));\n}\n`,
    expectOutput: [KERNEL_IMPORT, 'return binaryCrossEntropyWithLogits(y, z);'],
    rejectOutput: ['Math.log'],
    reference: bceRef,
    inputs: SCALARS,
    property: SCALAR_PROPERTY,
  },
  {
    name: 'logs in neutrally named temporaries: const a = Math.log(p), b = Math.log(1 − p); -(y·a + (1 − y)·b)',
    code: `export function f(y: number, z: number) {\n  const p = 1 / (1 + Math.exp(-z));\n  const a = Math.log(p);\n  const b = Math.log(1 - p);\n  return -(y * a + (1 - y) * b);\n}\n`,
    expectOutput: [KERNEL_IMPORT, 'return binaryCrossEntropyWithLogits(y, z);'],
    rejectOutput: ['Math.log', 'const a'],
    reference: bceRef,
    inputs: SCALARS,
    property: SCALAR_PROPERTY,
  },
  {
    name: 'inline 1/(1 + exp(−s)), log-likelihood → -binaryCrossEntropyWithLogits(y, s)',
    code: `export const f = (y: number, s: number) => y * Math.log(1 / (1 + Math.exp(-s))) + (1 - y) * Math.log(1 - 1 / (1 + Math.exp(-s)));\n`,
    expectOutput: [KERNEL_IMPORT, '=> -binaryCrossEntropyWithLogits(y, s);'],
    reference: (y: number, s: number) => -bceRef(y, s),
    inputs: SCALARS,
  },
  {
    name: 'inline 1/(1 + exp(s)) = sigmoid(−s) → -binaryCrossEntropyWithLogits(y, -s)',
    code: `export const f = (y: number, s: number) => y * Math.log(1 / (1 + Math.exp(s))) + (1 - y) * Math.log(1 - 1 / (1 + Math.exp(s)));\n`,
    expectOutput: ['-binaryCrossEntropyWithLogits(y, -s)'],
    reference: (y: number, s: number) => -bceRef(y, -s),
    inputs: SCALARS_NEGATED,
  },
  {
    name: 'exp(z)/(1 + exp(z)) through a temporary, terms swapped, negated',
    code: `export function f(y: number, z: number) {\n  const p = Math.exp(z) / (1 + Math.exp(z));\n  return -((1 - y) * Math.log(1 - p) + y * Math.log(p));\n}\n`,
    expectOutput: ['return binaryCrossEntropyWithLogits(y, z);'],
    reference: bceRef,
    // exp(z)/(1 + exp(z)) is Infinity/Infinity = NaN above z ≈ 709.8: the (label, -logit) variants reach it
    inputs: [...SCALARS, { label: 'exp overflow: (0, 800), NaN probability', args: [0, 800], expect: 'rescue' }],
  },
  {
    name: 'per element inside map, logits read by index: ys.map((y, i) => …sigmoid(zs[i])…) → binaryCrossEntropyWithLogits(y, zs[i])',
    code: `const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));\nexport function f(ys: number[], zs: number[]) {\n  return ys.map((y, i) => {\n    const p = sigmoid(zs[i]);\n    return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));\n  });\n}\n`,
    expectOutput: ['return binaryCrossEntropyWithLogits(y, zs[i]);'],
    reference: (ys: number[], zs: number[]) => ys.map((y, i) => bceRef(y, zs[i])),
    inputs: (['same', 'rescue', 'improve'] as const).map((expect) => ({
      label: `the ${expect} pairs of the scalar inputs as two arrays`,
      args: unzip(SCALARS.filter((input) => input.expect === expect)),
      expect,
    })),
  },
  {
    // The textbook spelling −y·log(p) − (1 − y)·log(1 − p) (a difference, not a negated sum) is not recognised.
    name: 'difference form: -y * Math.log(p) - (1 - y) * Math.log(1 - p) → binaryCrossEntropyWithLogits(y, z)',
    code: `export function f(y: number, z: number) {\n  const p = 1 / (1 + Math.exp(-z));\n  return -y * Math.log(p) - (1 - y) * Math.log(1 - p);\n}\n`,
    expectOutput: [KERNEL_IMPORT, 'binaryCrossEntropyWithLogits(y, z)'],
    reference: bceRef,
    inputs: SCALARS,
  },
];

// ----------------------------------------------------------------------------------------------------------------
// Logits APIs fed probabilities → drop the inner activation (a deliberate change of value: the intended loss)

const SOFTMAX_Y_HARD = [
  [1, 0, 0],
  [0, 0, 1],
];
const SOFTMAX_Y_SMOOTH = [
  [0.9, 0.05, 0.05],
  [0.05, 0.05, 0.9],
];
const SOFTMAX_Z = [
  [2, -1, 0.5],
  [0.3, 1.5, -0.7],
];
const SOFTMAX_Z90 = [
  [90, -90, 0],
  [90, 0, -90],
];

const SOFTMAX_INPUTS: InputCase[] = [
  { label: 'ordinary logits, one-hot labels', args: [tensor(SOFTMAX_Y_HARD), tensor(SOFTMAX_Z)], expect: 'improve' },
  { label: 'ordinary logits, smoothed labels', args: [tensor(SOFTMAX_Y_SMOOTH), tensor(SOFTMAX_Z)], expect: 'improve' },
  { label: 'logits ±90, one-hot labels (loss 0 and 180)', args: [tensor(SOFTMAX_Y_HARD), tensor(SOFTMAX_Z90)], expect: 'improve' },
  { label: 'logits ±90, smoothed labels', args: [tensor(SOFTMAX_Y_SMOOTH), tensor(SOFTMAX_Z90)], expect: 'improve' },
];

const SIGMOID_API_INPUTS: InputCase[] = BINARY.filter((input) => !input.label.includes('15…17')).map((input) => ({ ...input, expect: 'improve' }));

const doubleActivationCases: FixCase[] = [
  {
    name: 'tf.losses.softmaxCrossEntropy(y, tf.softmax(z)) → softmaxCrossEntropy(y, z)',
    code: `${TF}export function f(y: tf.Tensor2D, z: tf.Tensor2D) {\n  return tf.losses.softmaxCrossEntropy(y, tf.softmax(z));\n}\n`,
    expectOutput: ['return tf.losses.softmaxCrossEntropy(y, z);'],
    reference: softmaxCeMean,
    inputs: SOFTMAX_INPUTS,
  },
  {
    name: 'softmax over the explicit last axis, through a temporary: probs = z.softmax(-1)',
    code: `${TF}export function f(y: tf.Tensor2D, z: tf.Tensor2D) {\n  const probs = z.softmax(-1);\n  return tf.losses.softmaxCrossEntropy(y, probs);\n}\n`,
    expectOutput: ['return tf.losses.softmaxCrossEntropy(y, z);'],
    rejectOutput: ['probs'],
    reference: softmaxCeMean,
    inputs: SOFTMAX_INPUTS,
  },
  {
    name: 'sigmoidCrossEntropy of a chained sigmoid temporary → sigmoidCrossEntropy(y, z)',
    code: `${TF}export function f(y: tf.Tensor, z: tf.Tensor) {\n  const probs = z.sigmoid();\n  return tf.losses.sigmoidCrossEntropy(y, probs);\n}\n`,
    expectOutput: ['return tf.losses.sigmoidCrossEntropy(y, z);'],
    rejectOutput: ['probs'],
    reference: bceMean,
    inputs: SIGMOID_API_INPUTS,
  },
  {
    name: 'tf.losses.sigmoidCrossEntropy(y, tf.sigmoid(z)) with Reduction.NONE',
    code: `${TF}export function f(y: tf.Tensor, z: tf.Tensor) {\n  return tf.losses.sigmoidCrossEntropy(y, tf.sigmoid(z), undefined, undefined, tf.Reduction.NONE);\n}\n`,
    expectOutput: ['tf.losses.sigmoidCrossEntropy(y, z, undefined, undefined, tf.Reduction.NONE)'],
    reference: bceElementwise,
    inputs: SIGMOID_API_INPUTS,
  },
];

// ----------------------------------------------------------------------------------------------------------------
// Probability APIs fed an activation → suggested logits APIs (no 1e-7 clip)

/** Ordinary inputs agree up to the clip; at ±90 the clipped log saturates at log(1e-7) and the original is wrong. */
const PROBABILITY_API_INPUTS: InputCase[] = [
  { label: 'ordinary logits, labels 0/1', args: [tensor(HARD), tensor(ORDINARY_Z)], expect: 'same' },
  { label: 'ordinary logits, smoothed labels 0.1/0.9', args: [tensor(SMOOTH), tensor(ORDINARY_Z)], expect: 'same' },
  { label: 'logits ±90, labels 0/1: saturated at ~16.1', args: [tensor(HARD), tensor(Z90)], expect: 'improve' },
  { label: 'logits ±90, smoothed labels: saturated', args: [tensor(SMOOTH), tensor(Z90)], expect: 'improve' },
  { label: 'logits ±20, ±25, labels 0/1: saturated', args: [tensor(HARD), tensor(Z20)], expect: 'improve' },
];

const probabilityApiCases: FixCase[] = [
  {
    name: 'tf.losses.logLoss(y, tf.sigmoid(z)) → tf.losses.sigmoidCrossEntropy(y, z) (suggestion)',
    mode: 'suggest',
    code: `${TF}export function f(y: tf.Tensor, z: tf.Tensor) {\n  return tf.losses.logLoss(y, tf.sigmoid(z));\n}\n`,
    expectOutput: ['return tf.losses.sigmoidCrossEntropy(y, z);'],
    reference: bceMean,
    inputs: PROBABILITY_API_INPUTS,
  },
  {
    name: 'tf.metrics.binaryCrossentropy(y, tf.sigmoid(z)) → mean of sigmoidCrossEntropy over the last axis (suggestion)',
    mode: 'suggest',
    code: `${TF}export function f(y: tf.Tensor, z: tf.Tensor) {\n  return tf.metrics.binaryCrossentropy(y, tf.sigmoid(z));\n}\n`,
    expectOutput: ['tf.mean(tf.losses.sigmoidCrossEntropy(y, z, undefined, undefined, tf.Reduction.NONE), -1)'],
    reference: bceRowMeans,
    inputs: PROBABILITY_API_INPUTS,
  },
  {
    name: 'tf.metrics.categoricalCrossentropy(y, tf.softmax(z)) → softmaxCrossEntropy(…, Reduction.NONE) (suggestion)',
    mode: 'suggest',
    code: `${TF}export function f(y: tf.Tensor2D, z: tf.Tensor2D) {\n  return tf.metrics.categoricalCrossentropy(y, tf.softmax(z));\n}\n`,
    expectOutput: ['tf.losses.softmaxCrossEntropy(y, z, undefined, undefined, tf.Reduction.NONE)'],
    reference: softmaxCeRows,
    inputs: [
      { label: 'ordinary logits, one-hot labels', args: [tensor(SOFTMAX_Y_HARD), tensor(SOFTMAX_Z)], expect: 'same' },
      { label: 'ordinary logits, smoothed labels', args: [tensor(SOFTMAX_Y_SMOOTH), tensor(SOFTMAX_Z)], expect: 'same' },
      { label: 'logits ±90, one-hot labels: saturated at ~16.1 instead of 180', args: [tensor(SOFTMAX_Y_HARD), tensor(SOFTMAX_Z90)], expect: 'improve' },
      { label: 'logits ±90, smoothed labels', args: [tensor(SOFTMAX_Y_SMOOTH), tensor(SOFTMAX_Z90)], expect: 'improve' },
    ],
  },
];

const cases = [...binaryTensorCases, ...binaryScalarCases, ...doubleActivationCases, ...probabilityApiCases];

describeFixEquivalence('no-cross-entropy-on-probabilities', cases);
