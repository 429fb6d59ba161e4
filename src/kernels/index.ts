/**
* Runtime kernel library of eslint-plugin-numerics (`eslint-plugin-numerics/kernels`).
*
* Zero dependencies; every kernel is a named export in its own module, so bundlers keep only what is imported.
* See `docs/kernels.md` for algorithms, references, measured accuracy and speed.
*/

// EXPORTS //

export { binaryCrossEntropyWithLogits } from './binaryCrossEntropyWithLogits.js';
export { log1mexp } from './log1mexp.js';
export { logAddExp } from './logAddExp.js';
export { logit } from './logit.js';
export { logSigmoid } from './logSigmoid.js';
export { logSoftmax } from './logSoftmax.js';
export { logSumExp } from './logSumExp.js';
export { mean } from './mean.js';
export { RunningStats } from './RunningStats.js';
export { safeDiv } from './safeDiv.js';
export { safeLog } from './safeLog.js';
export { sigmoid } from './sigmoid.js';
export { softmax } from './softmax.js';
export { softmaxCrossEntropyWithLogits } from './softmaxCrossEntropyWithLogits.js';
export { softplus } from './softplus.js';
export { sparseSoftmaxCrossEntropyWithLogits } from './sparseSoftmaxCrossEntropyWithLogits.js';
export { std } from './std.js';
export { sum } from './sum.js';
export { variance } from './variance.js';
export { xlogy } from './xlogy.js';
