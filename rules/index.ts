// The rule registry. Keep in sync with the files in rules/ (tests/meta checks it).
import type { TSESLint } from '@typescript-eslint/utils';
import noCrossEntropyOnProbabilities from './no-cross-entropy-on-probabilities.js';
import noDivNoNanInGradient from './no-div-no-nan-in-gradient.js';
import noExplicitInverse from './no-explicit-inverse.js';
import noInfiniteMask from './no-infinite-mask.js';
import noLogOfSoftmax from './no-log-of-softmax.js';
import noNaiveLogSigmoid from './no-naive-log-sigmoid.js';
import noNaiveLogsumexp from './no-naive-logsumexp.js';
import noNaiveSigmoid from './no-naive-sigmoid.js';
import noNaiveSoftmax from './no-naive-softmax.js';
import noNaiveVariance from './no-naive-variance.js';
import noNanGradientWhere from './no-nan-gradient-where.js';
import noNormGradientAtZero from './no-norm-gradient-at-zero.js';
import noNormalEquations from './no-normal-equations.js';
import noSqrtOfExp from './no-sqrt-of-exp.js';
import noTinyEpsilon from './no-tiny-epsilon.js';
import noUnguardedDivision from './no-unguarded-division.js';
import noUnguardedLog from './no-unguarded-log.js';
import preferExpm1 from './prefer-expm1.js';
import preferHypot from './prefer-hypot.js';
import preferLog1p from './prefer-log1p.js';

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
  'no-cross-entropy-on-probabilities': noCrossEntropyOnProbabilities,
  'no-div-no-nan-in-gradient': noDivNoNanInGradient,
  'no-explicit-inverse': noExplicitInverse,
  'no-infinite-mask': noInfiniteMask,
  'no-log-of-softmax': noLogOfSoftmax,
  'no-naive-log-sigmoid': noNaiveLogSigmoid,
  'no-naive-logsumexp': noNaiveLogsumexp,
  'no-naive-sigmoid': noNaiveSigmoid,
  'no-naive-softmax': noNaiveSoftmax,
  'no-naive-variance': noNaiveVariance,
  'no-nan-gradient-where': noNanGradientWhere,
  'no-norm-gradient-at-zero': noNormGradientAtZero,
  'no-normal-equations': noNormalEquations,
  'no-sqrt-of-exp': noSqrtOfExp,
  'no-tiny-epsilon': noTinyEpsilon,
  'no-unguarded-division': noUnguardedDivision,
  'no-unguarded-log': noUnguardedLog,
  'prefer-expm1': preferExpm1,
  'prefer-hypot': preferHypot,
  'prefer-log1p': preferLog1p,
};
