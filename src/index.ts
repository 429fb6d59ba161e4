import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './version.js';

type RuleModule = TSESLint.RuleModule<string, readonly unknown[]>;
type Severity = 'error' | 'warn';

export interface NumericsPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, RuleModule>;
  configs: {
    recommended: TSESLint.FlatConfig.Config;
    strict: TSESLint.FlatConfig.Config;
    all: TSESLint.FlatConfig.Config;
  };
}

function ruleLevel(rule: RuleModule): 'recommended' | 'strict' | undefined {
  return (rule.meta.docs as { recommended?: 'recommended' | 'strict' } | undefined)?.recommended;
}

function configRules(include: (rule: RuleModule) => boolean, severity: Severity): TSESLint.FlatConfig.Rules {
  const entries = Object.entries(rules)
    .filter(([, rule]) => !rule.meta.deprecated && include(rule))
    .map(([name, rule]) => [`numerics/${name}`, rule.meta.type === 'problem' ? severity : 'warn'] as const);
  return Object.fromEntries(entries);
}

const plugin: NumericsPlugin = {
  meta: { name: PACKAGE_NAME, version: PACKAGE_VERSION, namespace: 'numerics' },
  rules,
  configs: {} as NumericsPlugin['configs'],
};

plugin.configs.recommended = {
  name: 'numerics/recommended',
  plugins: { numerics: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: configRules((rule) => ruleLevel(rule) === 'recommended', 'error'),
};
plugin.configs.strict = {
  name: 'numerics/strict',
  plugins: { numerics: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: configRules((rule) => ruleLevel(rule) !== undefined, 'error'),
};
plugin.configs.all = {
  name: 'numerics/all',
  plugins: { numerics: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: configRules(() => true, 'error'),
};

export default plugin;
export { rules };
