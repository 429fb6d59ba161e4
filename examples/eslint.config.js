// The examples' own config: this plugin's recommended rules (what `npx numerics examples` would also use).
import tsParser from '@typescript-eslint/parser';
import numerics from 'eslint-plugin-numerics';

export default [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, numerics.configs.recommended];
