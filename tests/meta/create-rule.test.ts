// createRule (src/util/create-rule.ts) merges a rule's options with its defaults once per distinct value and
// recognises the value again by its structure: ESLint 10 hands every rule a new options array for every file.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule } from '../../src/util/create-rule.js';

type Options = [{ epsilon?: number; axes?: number[]; nested?: { on?: boolean } }];

const seen: Options[0][] = [];
let applied = 0;

const probe = createRule<Options, 'never'>({
  name: 'probe',
  meta: {
    type: 'problem',
    docs: { description: 'records its options' },
    messages: { never: 'never' },
    schema: [
      {
        type: 'object',
        properties: {
          epsilon: { type: 'number' },
          axes: { type: 'array', items: { type: 'number' } },
          nested: { type: 'object', properties: { on: { type: 'boolean' } }, additionalProperties: false },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ epsilon: 1e-7, axes: [0] }],
  },
  appliesTo: (_context, [options]) => {
    applied++;
    return options.epsilon !== 0.5; // a file-level test that reads the merged options
  },
  create(_context, [options]) {
    seen.push(options);
    return {};
  },
});

function optionsSeen(ruleOptions: unknown[][]): Options[0][] {
  seen.length = 0;
  applied = 0;
  const linter = new Linter({ configType: 'flat' });
  for (const options of ruleOptions) {
    const messages = linter.verify('const a = 1;', [
      { plugins: { t: { rules: { probe: probe as never } } }, rules: { 't/probe': ['error', ...options] as never } },
    ]);
    expect(messages).toEqual([]);
  }
  return [...seen];
}

describe('createRule: options', () => {
  it('merges the defaults under the options of each file', () => {
    expect(optionsSeen([[], [{ epsilon: 1e-5 }], [{ axes: [1, 2] }], [{ nested: { on: true } }], []])).toEqual([
      { epsilon: 1e-7, axes: [0] },
      { epsilon: 1e-5, axes: [0] },
      { epsilon: 1e-7, axes: [1, 2] },
      { epsilon: 1e-7, axes: [0], nested: { on: true } },
      { epsilon: 1e-7, axes: [0] },
    ]);
  });

  it('gives equal options the same merged object, and different options (in an array, a nested object) a new one', () => {
    const [a, b, c, d, e, f] = optionsSeen([
      [{ axes: [1, 2] }],
      [{ axes: [1, 2] }],
      [{ axes: [1, 3] }],
      [{ axes: [1, 3], nested: { on: false } }],
      [{ axes: [1, 3], nested: { on: true } }],
      [{ axes: [1, 2] }],
    ]);
    expect(b).toBe(a);
    expect(c).not.toBe(b);
    expect(c!.axes).toEqual([1, 3]);
    expect(d!.nested).toEqual({ on: false });
    expect(e!.nested).toEqual({ on: true });
    expect(f).toEqual(a); // the same value again: merged once, found by its text
  });

  it('asks appliesTo with the merged options, and skips create where it is false', () => {
    expect(optionsSeen([[{ epsilon: 0.5 }], [{ epsilon: 0.25 }]])).toEqual([{ epsilon: 0.25, axes: [0] }]);
    expect(applied).toBe(2);
  });
});
