import { fixAndCheck, typeCheck } from '../helpers/fix-harness.js';
const TF = `import * as tf from '@tensorflow/tfjs';\n`;
const codes = [
  `${TF}export function f(x: tf.Tensor) { return tf.log(tf.sum(tf.exp(x), 1)); }`,
  `${TF}export function f(x: tf.Tensor) { return tf.log(tf.sum(tf.exp(x), 0)); }`,
  `${TF}export function f(x: tf.Tensor) { return x.exp().sum(1).log(); }`,
  `export function f(xs: number[]) { return Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0)); }`,
  `export function f(xs: number[]) { let s = 0; for (const v of xs) s += Math.exp(v); return Math.log(s); }`,
];
for (const code of codes) {
  let t = performance.now();
  const r = fixAndCheck(code, { rules: ['no-naive-logsumexp'] });
  const a = performance.now() - t; t = performance.now();
  typeCheck(code); const b = performance.now() - t; t = performance.now();
  typeCheck(r.output); const c = performance.now() - t;
  console.log(`fix ${a.toFixed(0)}ms  tc-orig ${b.toFixed(0)}ms tc-fixed ${c.toFixed(0)}ms`);
}
