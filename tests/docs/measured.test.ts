// The numbers on the rule pages are measured, and stay true: every ```js measured block runs here (TF.js on the
// cpu backend, the kernels from src/), and each `expression; // → value` line must print that value.
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as kernels from '../../src/kernels/index.js';
import { codeBlocks, readPage, repo, rulePages } from './markdown.js';

type Tf = typeof import('@tensorflow/tfjs');
let tf: Tf;
let mlMatrix: unknown;
let mathjs: unknown;

beforeAll(async () => {
  tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  mlMatrix = await import('ml-matrix');
  mathjs = await import('mathjs');
}, 60_000);

/** Values as the pages print them: `[-Infinity, 0]`, `1000.6931471805599`, `NaN`. */
function format(value: unknown): string {
  if (value && typeof value === 'object' && 'arraySync' in value) return format((value as { arraySync(): unknown }).arraySync());
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return `[${Array.from(value as ArrayLike<unknown>, format).join(', ')}]`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  return String(value);
}

const normalise = (text: string) => text.replace(/\s+/g, '');

interface Check {
  line: number;
  expression: string;
  expected: string;
  actual: string;
}

async function run(code: string, firstLine: number): Promise<Check[]> {
  const checks: Check[] = [];
  const body = code
    .split('\n')
    .map((line, index) => {
      const match = /^(.*?);?\s*\/\/ → (.+)$/.exec(line);
      if (!match) return line;
      const [, expression, expected] = match;
      return `__check(${firstLine + 1 + index}, ${JSON.stringify(expression.trim())}, ${JSON.stringify(expected.trim())}, (${expression}));`;
    })
    .join('\n');
  const modules: Record<string, unknown> = { '@tensorflow/tfjs': tf, 'eslint-plugin-numerics/kernels': kernels, 'ml-matrix': mlMatrix, mathjs };
  const requireModule = (name: string) => {
    if (!(name in modules)) throw new Error(`measured blocks may require only ${Object.keys(modules).join(', ')} (got ${name})`);
    return modules[name];
  };
  const check = (line: number, expression: string, expected: string, value: unknown) => {
    checks.push({ line, expression, expected, actual: format(value) });
  };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<void>;
  await new AsyncFunction('require', '__check', body)(requireModule, check);
  return checks;
}

const rulePageFiles: [string, string][] = rulePages().map(([rule, file]) => [`docs/rules/${rule}.md`, file]);
const pages: [string, string][] = [...rulePageFiles, ['README.md', path.join(repo, 'README.md')]];
const measuredBlocks = pages.flatMap(([name, file]) =>
  codeBlocks(readPage(file))
    .filter((block) => block.marker === 'measured')
    .map((block) => ({ name, block })),
);

it.each(rulePageFiles)('%s shows measured numbers under "Why this is numerically dangerous"', (_name, file) => {
  const measured = codeBlocks(readPage(file)).filter((block) => block.marker === 'measured');
  expect(measured.some((block) => block.section === 'Why this is numerically dangerous')).toBe(true);
});

describe.each(measuredBlocks.map(({ name, block }) => [`${name}:${block.line}`, block] as const))('%s', (_title, block) => {
  it('prints the values shown', async () => {
    expect(block.lang).toBe('js');
    const checks = await run(block.code, block.line);
    expect(checks.length).toBeGreaterThan(0);
    for (const { line, expression, expected, actual } of checks) {
      expect(normalise(actual), `line ${line}: ${expression}`).toBe(normalise(expected));
    }
  });
});
