import type { ESLintUtils, TSESLint } from '@typescript-eslint/utils';
// The subpath, not the package root: the root also loads ESLint's classes and @typescript-eslint/scope-manager
// (~300 modules), which no rule uses (tests/meta/runtime-imports.test.ts).
import { applyDefault, RuleCreator } from '@typescript-eslint/utils/eslint-utils';

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

const typedRuleCreator = RuleCreator<NumericsDocs>(docsUrl);

/** A numerics rule: typescript-eslint's rule shape, plus the file-level test that lets it skip a file. */
export type NumericsRule<Options extends readonly unknown[], MessageIds extends string> = Readonly<
  ESLintUtils.RuleWithMetaAndName<Options, MessageIds, NumericsDocs>
> & {
  /**
   * Whether the file can hold anything the rule reports: a cheap test of its words (ops/vocabulary) or its
   * imports. Most files fail it; for them `create` is not called and the rule registers no listener. (A test
   * written at the top of `create` would still pay for the closures that `create` declares.)
   */
  readonly appliesTo?: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Readonly<Options>) => boolean;
};

/** The listeners of a rule that skips the file: none (ESLint only reads the keys). */
const NO_LISTENERS = Object.freeze({});

/**
 * typescript-eslint's RuleCreator, without its per-file cost: its `create` deep-copies the default options with
 * `structuredClone` and merges the user's in each time ESLint creates the rule (once per rule per linted file). Our
 * rules never mutate their options, so the merged options are computed once per distinct options value and shared.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: NumericsRule<Options, MessageIds>,
): ReturnType<typeof typedRuleCreator<Options, MessageIds>> {
  const { appliesTo, ...definition } = rule;
  const created = typedRuleCreator(definition);
  const defaults: Readonly<Options> = rule.meta.defaultOptions ?? rule.defaultOptions ?? ([] as unknown as Options); // a rule without options
  // ESLint 10 hands every rule a new options array for every file (it merges `meta.defaultOptions` in each time), so
  // the value rarely changes between files but its identity does. Options are JSON (the schema validates them): a
  // structural comparison with the last options seen answers the common case, cheaper than the JSON text that keys
  // the merged options of each distinct value.
  const merged = new Map<string, Readonly<Options>>();
  let lastRaw: unknown = null;
  let lastMerged: Readonly<Options> | null = null;
  const optionsOf = (raw: Options): Readonly<Options> => {
    if (lastMerged && sameJson(raw, lastRaw)) return lastMerged;
    const key = raw.length === 0 ? '' : JSON.stringify(raw);
    let options = merged.get(key);
    if (!options) {
      options = applyDefault(defaults, raw);
      if (merged.size > 100) merged.clear(); // configs differ per folder, not per file: a handful of keys
      merged.set(key, options);
    }
    lastRaw = raw;
    lastMerged = options;
    return options;
  };
  return {
    ...created,
    create(context) {
      const options = optionsOf(context.options);
      if (appliesTo && !appliesTo(context, options)) return NO_LISTENERS;
      return rule.create(context, options);
    },
  };
}

/** Structural equality of two JSON values (rule options). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    // The options array itself, once per rule per file: compared by index, without a list of its keys.
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], other[i])) return false;
    return true;
  }
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key) || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
