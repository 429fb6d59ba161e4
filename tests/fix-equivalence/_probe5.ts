import { applyAutofixes, applySuggestions } from '../helpers/fix-harness.js';
const cases: [string, string, string][] = [
['no-log-of-softmax','case.ts', `function softmax(xs: number[]) { return xs.map((v) => Math.exp(v)); }\nexport function f(xs: number[]) { return softmax(xs).map(Math.log); }`],
['no-log-of-softmax','case.ts', `function softmax(xs: number[]) { const e = xs.map((v) => Math.exp(v / 2)); const s = e.reduce((a, b) => a + b, 0); return e.map((v) => v / s); }\nexport function f(xs: number[]) { return softmax(xs).map(Math.log); }`],
['no-log-of-softmax','case.ts', `function softmax(xs: number[]) { const e = xs.map((v) => Math.exp(v)); const s = e.reduce((a, b) => a + b, 0); return e.map((v) => v / s); }\nexport function f(xs: number[]) { return softmax(xs).map(Math.log); }`],
['no-log-of-softmax','case.ts', `function softmax(xs: number[]) { const e = xs.map((v) => Math.exp(v)); const s = e.reduce((a, b) => a + b, 0); return e.map((v) => v / s); }\nexport function f(xs: number[]) { return softmax(xs.slice(0, 2)).map(Math.log); }`],
['no-log-of-softmax','case.ts', `function softmax(xs: number[]) { const e = xs.map((v) => Math.exp(v)); let s = 0; for (const v of e) s += v; return e.map((v) => v / s); }\nexport function f(xs: number[]) { return softmax(xs).map(Math.log); }`],
['no-log-of-softmax','case.ts', `function softmax(xs: number[]) { const m = Math.max(...xs); const e = xs.map((v) => Math.exp(v - m)); const s = e.reduce((a, b) => a + b, 0); return e.map((v) => v / s); }\nexport function f(xs: number[]) { return softmax(xs).map((p, i) => Math.log(p) + i); }`],
['no-log-of-softmax','case.ts', `import { softmax } from 'eslint-plugin-numerics/kernels';\nexport function f(xs: number[]) { return softmax(xs, 2).map(Math.log); }`],
['no-log-of-softmax','case.ts', `import { softmax } from 'eslint-plugin-numerics/kernels';\nexport function f(xs: Float64Array) { return softmax(xs).map(Math.log); }`],
['no-log-of-softmax','case.ts', `import { softmax } from 'eslint-plugin-numerics/kernels';\nexport function f(xs: Float32Array) { return softmax(xs).map(Math.log); }`],
['no-log-of-softmax','case.ts', `import { softmax } from 'eslint-plugin-numerics/kernels';\nexport function f(xs: number[]) { const p = softmax(xs); p[0] = 0.5; return p.map(Math.log); }`],
['no-log-of-softmax','case.ts', `import { softmax } from 'eslint-plugin-numerics/kernels';\nexport function f(xs: number[]) { let k = 0; const p = softmax(xs); return [Math.log(p[k++]), Math.log(p[k++])]; }`],
['no-log-of-softmax','case.cjs', `const { softmax } = require('eslint-plugin-numerics/kernels');\nfunction f(xs) { return softmax(xs).map(Math.log); }\nmodule.exports = { f };`],
['no-log-of-softmax','case.ts', `import * as nk from 'eslint-plugin-numerics/kernels';\nexport function f(xs: number[]) { return nk.softmax(xs).map(Math.log); }`],
];
for (const [rule, filename, code] of cases) {
  const r = applyAutofixes(code, { rules: [rule], filename });
  const s = applySuggestions(code, { rules: [rule], filename });
  console.log(`=== ${rule} fix=${r.fixable} reported=${r.before.length}\n${code}\n--- fix:\n${r.output === code ? '(unchanged)' : r.output}${s.fixable && s.output !== r.output ? `\n--- suggestion:\n${s.output}` : ''}`);
}
