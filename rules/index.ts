// The rule registry. Keep in sync with the files in rules/ (tests/meta checks it).
import type { TSESLint } from '@typescript-eslint/utils';
import noLogOfSoftmax from './no-log-of-softmax.js';
import noNaiveLogsumexp from './no-naive-logsumexp.js';
import preferExpm1 from './prefer-expm1.js';
import preferLog1p from './prefer-log1p.js';

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
  'no-log-of-softmax': noLogOfSoftmax,
  'no-naive-logsumexp': noNaiveLogsumexp,
  'prefer-expm1': preferExpm1,
  'prefer-log1p': preferLog1p,
};
