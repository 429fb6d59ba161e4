import rule from '../../rules/prefer-hypot.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester.run('prefer-hypot', rule, {
  valid: [
    'const d = Math.hypot(dx, dy);',
    'const d = Math.sqrt(x * x);', // one term is |x|, not a hypot
    'const d = Math.sqrt(x * y + y * y);', // a mixed term
    'const d = Math.sqrt(a * a - b * b);', // a difference
    'const d = Math.sqrt(f() * f() + g() * g());', // two calls each, not squares of one value
    'const d = Math.sqrt(p.next() * p.next() + 1);',
    'const d = Math.sqrt(x * x + 1);', // 1 is not a square term
    'const d = Math.sqrt(3 * 3 + 4 * 4);', // constant
    'const d = Math.pow(x * x + y * y, 0.25);',
    'function f(Math, x, y) { return Math.sqrt(x * x + y * y); }',
    "import * as tf from '@tensorflow/tfjs'; const n = tf.sqrt(tf.add(tf.square(x), tf.square(y)));",
  ],
  invalid: [
    { code: 'const d = Math.sqrt(dx * dx + dy * dy);', output: 'const d = Math.hypot(dx, dy);', errors: [{ messageId: 'preferHypot' }] },
    { code: 'const d = Math.sqrt(x ** 2 + y ** 2 + z ** 2);', output: 'const d = Math.hypot(x, y, z);', errors: [{ messageId: 'preferHypot' }] },
    { code: 'const d = Math.sqrt(Math.pow(x, 2) + Math.pow(y, 2));', output: 'const d = Math.hypot(x, y);', errors: [{ messageId: 'preferHypot' }] },
    { code: 'const d = (p.x * p.x + p.y * p.y) ** 0.5;', output: 'const d = Math.hypot(p.x, p.y);', errors: [{ messageId: 'preferHypot' }] },
    { code: 'const d = Math.pow(a[0] ** 2 + a[1] ** 2, 0.5);', output: 'const d = Math.hypot(a[0], a[1]);', errors: [{ messageId: 'preferHypot' }] },
    { code: 'const d = Math.sqrt((b.x - a.x) ** 2 + (b.y - a.y) ** 2);', output: 'const d = Math.hypot(b.x - a.x, b.y - a.y);', errors: [{ messageId: 'preferHypot' }] },
    {
      code: 'function length(v: { x: number; y: number }) {\n  const squared = v.x * v.x + v.y * v.y;\n  return Math.sqrt(squared);\n}',
      output: 'function length(v: { x: number; y: number }) {\n  return Math.hypot(v.x, v.y);\n}',
      errors: [{ messageId: 'preferHypot' }],
    },
    {
      code: 'const d = Math.sqrt(dx * dx /* horizontal */ + dy * dy);',
      output: null,
      errors: [{ messageId: 'preferHypot', suggestions: [{ messageId: 'preferHypotSuggestion', output: 'const d = Math.hypot(dx, dy);' }] }],
    },
  ],
});
