// The rule registry. Keep in sync with the files in rules/ (tests/meta checks it).
import type { TSESLint } from '@typescript-eslint/utils';

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {};
