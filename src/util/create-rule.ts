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
 * `structuredClone` and merges the user's in each time ESLint creates the rule (once per rule per linted file). Our
 * rules never mutate their options, so the merged options are computed once per distinct options value and shared.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, NumericsDocs>>,
): ReturnType<typeof typedRuleCreator<Options, MessageIds>> {
  const created = typedRuleCreator(rule);
  const defaults: Readonly<Options> = rule.meta.defaultOptions ?? rule.defaultOptions ?? ([] as unknown as Options); // a rule without options
  // Keyed by value: ESLint hands each file a new options array when the config gives options, and the rule's
  // own `meta.defaultOptions` array when it gives none (the common case, answered by identity below).
  // Options are JSON (the schema validates them).
  const merged = new Map<string, Readonly<Options>>();
  let lastRaw: unknown = null;
  let lastMerged: Readonly<Options> | null = null;
  return {
    ...created,
    create(context) {
      if (context.options === lastRaw && lastMerged) return rule.create(context, lastMerged);
      const key = context.options.length === 0 ? '' : JSON.stringify(context.options);
      let options = merged.get(key);
      if (!options) {
        options = ESLintUtils.applyDefault(defaults, context.options);
        if (merged.size > 100) merged.clear(); // configs differ per folder, not per file: a handful of keys
        merged.set(key, options);
      }
      lastRaw = context.options;
      lastMerged = options;
      return rule.create(context, options);
    },
  };
}
