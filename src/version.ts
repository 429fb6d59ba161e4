// Kept equal to package.json by tests/meta (no JSON import, so the ESM and CJS builds stay simple).
export const PACKAGE_NAME = 'eslint-plugin-numerics';
export const PACKAGE_VERSION = '0.1.0';
