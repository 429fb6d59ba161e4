import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields every numerics rule declares. */
export interface NumericsDocs {
  /** Which shipped config turns the rule on: `recommended` (and so `strict` and `all`), `strict`, or only `all`. */
  recommended?: 'recommended' | 'strict';
  requiresTypeChecking?: false;
}

export const REPO_URL = 'https://github.com/eslint-plugin-numerics/eslint-plugin-numerics';

export function docsUrl(ruleName: string): string {
  return `${REPO_URL}/blob/main/docs/rules/${ruleName}.md`;
}

export const createRule = ESLintUtils.RuleCreator<NumericsDocs>(docsUrl);
