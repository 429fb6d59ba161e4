// Fix equivalence for numerics/prefer-hypot: sqrt(x² + y² …) → Math.hypot(x, y, …).
//
// Math.hypot scales, so it neither overflows (x ~ 1e200: x² = Infinity) nor underflows (x ~ 1e-200: x² = 0, a
// finite but wrong 0 that `auto` lets the fix move onto the reference). On ordinary inputs both are within a few
// ulps of each other (sqrt of a sum of squares rounds ~3 times).

import fc from 'fast-check';
import { describeFixEquivalence, type FixCase, type InputCase, type Tolerance } from '../helpers/fix-harness.js';
import { finite } from './inputs.js';
import { hypotRef } from './reference.js';

const PAIRS: InputCase[] = [
  { label: 'ordinary: (3, 4) = 5', args: [3, 4], expect: 'same' },
  { label: 'ordinary: (0.1, -2.7)', args: [0.1, -2.7], expect: 'same' },
  { label: 'ordinary: (1e5, 3e-3)', args: [1e5, 3e-3], expect: 'same' },
  { label: 'overflow: (1e200, 1e200)', args: [1e200, 1e200], expect: 'rescue' },
  { label: 'overflow: (3e160, -4e160)', args: [3e160, -4e160], expect: 'rescue' },
  { label: 'underflow: (3e-170, 4e-170) = 5e-170', args: [3e-170, 4e-170], expect: 'improve' },
];
const TRIPLES: InputCase[] = [
  { label: 'ordinary', args: [1, 2, 2], expect: 'same' },
  { label: 'ordinary: mixed scales', args: [0.25, -7.5, 1e3], expect: 'same' },
  { label: 'overflow', args: [1e200, -2e200, 2e200], expect: 'rescue' },
];

const common: { same: Tolerance; referenceTolerance: Tolerance } = { same: { ulps: 4 }, referenceTolerance: { ulps: 2 } };
const pair = (x: number, y: number) => hypotRef(x, y);
const PROPERTY = { args: fc.tuple(finite(-1e300, 1e300), finite(-1e300, 1e300)), numRuns: 80 };

const cases: FixCase[] = [
  {
    name: 'Math.sqrt(x * x + y * y) → Math.hypot(x, y)',
    code: `export function f(x: number, y: number) {\n  return Math.sqrt(x * x + y * y);\n}\n`,
    expectOutput: ['return Math.hypot(x, y);'],
    ...common,
    reference: pair,
    inputs: PAIRS,
    property: PROPERTY,
  },
  {
    name: 'squares written ** 2, three terms',
    code: `export function f(x: number, y: number, z: number) {\n  return Math.sqrt(x ** 2 + y ** 2 + z ** 2);\n}\n`,
    expectOutput: ['return Math.hypot(x, y, z);'],
    ...common,
    reference: (x: number, y: number, z: number) => hypotRef(x, y, z),
    inputs: TRIPLES,
  },
  {
    name: 'Math.pow(Math.pow(x, 2) + Math.pow(y, 2), 0.5)',
    code: `export function f(x: number, y: number) {\n  return Math.pow(Math.pow(x, 2) + Math.pow(y, 2), 0.5);\n}\n`,
    expectOutput: ['return Math.hypot(x, y);'],
    ...common,
    reference: pair,
    inputs: PAIRS,
  },
  {
    name: '(x * x + y * y) ** 0.5',
    code: `export function f(x: number, y: number) {\n  return (x * x + y * y) ** 0.5;\n}\n`,
    expectOutput: ['return Math.hypot(x, y);'],
    ...common,
    reference: pair,
    inputs: PAIRS,
  },
  {
    name: 'differences as operands: distance between points',
    code: `export function f(a: number[], b: number[]) {\n  return Math.sqrt((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2);\n}\n`,
    expectOutput: ['Math.hypot(a[0] - b[0], a[1] - b[1])'],
    ...common,
    reference: (a: number[], b: number[]) => hypotRef(a[0] - b[0], a[1] - b[1]),
    inputs: [
      { label: 'ordinary', args: [[1, 2], [4, 6]], expect: 'same' },
      { label: 'overflow', args: [[1e200, 0], [-1e200, 1e200]], expect: 'rescue' },
    ],
  },
  {
    name: 'member operands: p.x, p.y',
    code: `export function f(p: { x: number; y: number }) {\n  return Math.sqrt(p.x * p.x + p.y * p.y);\n}\n`,
    expectOutput: ['Math.hypot(p.x, p.y)'],
    ...common,
    reference: (p: { x: number; y: number }) => hypotRef(p.x, p.y),
    inputs: PAIRS.map((input) => ({ ...input, args: [{ x: input.args[0], y: input.args[1] }] })),
  },
  {
    name: 'across a const temporary',
    code: `export function f(x: number, y: number) {\n  const d2 = x * x + y * y;\n  return Math.sqrt(d2);\n}\n`,
    expectOutput: ['return Math.hypot(x, y);'],
    rejectOutput: ['const d2'],
    ...common,
    reference: pair,
    inputs: PAIRS,
  },
];

describeFixEquivalence('prefer-hypot', cases);
