// Builds dist/esm (ES modules) and dist/cjs (CommonJS), each with type declarations.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.cjs.json'], { stdio: 'inherit' });
// The package is "type": "module"; mark the CommonJS tree so Node loads its .js files as CJS.
writeFileSync('dist/cjs/package.json', JSON.stringify({ type: 'commonjs' }) + '\n');
// `require('eslint-plugin-numerics')` returns the plugin object itself, as ESLint plugins do in CommonJS.
writeFileSync('dist/cjs/src/plugin.js', "'use strict';\nmodule.exports = require('./index.js').default;\n");
writeFileSync('dist/cjs/src/plugin.d.ts', "import plugin from './index.js';\nexport = plugin;\n");
