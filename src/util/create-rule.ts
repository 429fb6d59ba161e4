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

const typedRuleCreator = ESLintUtils.RuleCreator<NumericsDocs>(docsUrl);

/**
 * typescript-eslint's RuleCreator, without its per-file cost: its `create` deep-copies the default options with
 * `structuredClone` each time ESLint creates the rule (once per rule per linted file). Our rules never mutate their
 * options, so when the user sets none the frozen defaults are shared.
 */
export const createRule: typeof typedRuleCreator = (rule) => {
  const created = typedRuleCreator(rule);
  const defaults = deepFreeze(structuredClone(rule.meta.defaultOptions ?? rule.defaultOptions ?? []));
  return {
    ...created,
    create(context) {
      return context.options.length === 0 ? rule.create(context, defaults as typeof rule.defaultOptions & object) : created.create(context);
    },
  };
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
