/**
* Runtime kernel library of eslint-plugin-numerics (`eslint-plugin-numerics/kernels`).
*
* Zero dependencies; every kernel is a named export in its own module, so bundlers keep only what is imported.
* See `docs/kernels.md` for algorithms, references, measured accuracy and speed.
*/

// EXPORTS //

export { logAddExp } from './logAddExp.js';
export { logSoftmax } from './logSoftmax.js';
export { logSumExp } from './logSumExp.js';
export { mean } from './mean.js';
export { RunningStats } from './RunningStats.js';
export { softmax } from './softmax.js';
export { std } from './std.js';
export { sum } from './sum.js';
export { variance } from './variance.js';
