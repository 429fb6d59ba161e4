// The rule registry. Keep in sync with the files in rules/ (tests/meta checks it).
import type { TSESLint } from '@typescript-eslint/utils';
import noNaiveLogsumexp from './no-naive-logsumexp.js';

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
  'no-naive-logsumexp': noNaiveLogsumexp,
};
