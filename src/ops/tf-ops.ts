/**
 * The TF.js ops the engine knows by name. Calls through a TF.js module binding to any of these are indexed
 * (functional spelling); the same names as tensor methods are the chained spelling.
 */

/** Element-wise and reduction ops that exist both as `tf.op(x, …)` and as `x.op(…)`. */
export const TF_TENSOR_OPS = [
  'abs', 'add', 'addN', 'argMax', 'cast', 'clipByValue', 'div', 'divNoNan', 'dot', 'equal', 'euclideanNorm', 'exp',
  'expm1', 'greater', 'greaterEqual', 'less', 'lessEqual', 'log', 'log1p', 'logSigmoid', 'logSoftmax', 'logSumExp',
  'logicalAnd', 'logicalNot', 'logicalOr', 'logicalXor', 'matMul', 'max', 'maximum', 'mean', 'min', 'minimum',
  'mul', 'neg', 'norm', 'notEqual', 'pow', 'reciprocal', 'relu', 'reshape', 'rsqrt', 'sigmoid', 'softmax',
  'softplus', 'sqrt', 'square', 'squaredDifference', 'sub', 'sum', 'tanh', 'transpose', 'where',
] as const;

/** Functional-only TF.js entry points the rules look at (tensor constructors, autodiff, namespaces). */
export const TF_FUNCTIONS = [
  'tensor', 'tensor1d', 'tensor2d', 'tensor3d', 'tensor4d', 'scalar', 'variable', 'fill', 'zeros', 'ones',
  'zerosLike', 'onesLike', 'randomNormal', 'randomUniform', 'truncatedNormal', 'oneHot', 'stack', 'concat',
  'tidy', 'grad', 'grads', 'valueAndGrad', 'valueAndGrads', 'variableGrads', 'customGrad', 'moments',
] as const;

/** Namespaced TF.js functions: `tf.losses.*`, `tf.metrics.*`. */
export const TF_NAMESPACES: Record<string, readonly string[]> = {
  losses: [
    'softmaxCrossEntropy', 'sigmoidCrossEntropy', 'logLoss', 'meanSquaredError', 'absoluteDifference',
    'computeWeightedLoss', 'cosineDistance', 'hingeLoss', 'huberLoss',
  ],
  metrics: ['categoricalCrossentropy', 'binaryCrossentropy', 'sparseCategoricalCrossentropy'],
};

export const DEFAULT_TF_MODULES = [
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-node',
  '@tensorflow/tfjs-node-gpu',
] as const;

const tensorOpSet: ReadonlySet<string> = new Set(TF_TENSOR_OPS);

export function isTensorMethodName(name: string): boolean {
  return tensorOpSet.has(name);
}
