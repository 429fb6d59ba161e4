// The project's own lint: typescript-eslint, eslint-plugin-eslint-plugin on the rules, and this plugin's
// recommended config on our own kernels (the kernels must pass the rules they are the fix for).
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import numerics from 'eslint-plugin-numerics';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'examples/**', 'coverage/**', 'tests/**/fixtures/**', '.corpus-cache/**', '.tmp*/**'] },
  ...tseslint.configs.recommended,
  { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } },
  {
    files: ['rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/no-meta-schema-default': 'error',
      // Rules report through src/fix/report.ts (one fix/suggest policy), which these checks cannot follow.
      'eslint-plugin/require-meta-has-suggestions': 'off',
      'eslint-plugin/no-unused-message-ids': 'off',
    },
  },
  { files: ['src/kernels/**/*.ts'], ...numerics.configs.all },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
