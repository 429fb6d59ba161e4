/**
 * no-norm-gradient-at-zero: the Euclidean norm `sqrt(sum(x²))` — `tf.norm(x)`, `x.norm()`,
 * `tf.euclideanNorm(x)`, or written out — has the gradient `x / ‖x‖`, which is 0/0 = NaN at the zero vector
 * (measured: `tf.grad((x) => tf.norm(x))(tf.zeros([3]))` is `[NaN, NaN, NaN]`). Distances between equal points
 * and norms of all-zero rows reach it in practice. Reported in differentiated code only (see
 * src/analysis/differentiated.ts), when the normed value can carry a gradient. The suggestion adds ε under the
 * root, `sqrt(sum(x²) + ε)`: a finite gradient (0 at the zero vector), a value larger by at most √ε.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describeDifferentiated } from '../src/analysis/differentiated.js';
import { createReporter, type FixSpec } from '../src/fix/report.js';
import { argumentText, numberText, receiverText, shortCode } from '../src/fix/text.js';
import { getEngine, mayHoldTensors } from '../src/ops/engine.js';
import { mentionsAny } from '../src/ops/vocabulary.js';
import { detectNormAtZero, type NormMatch } from '../src/patterns/gradient-traps.js';
import { createRule } from '../src/util/create-rule.js';

type Options = [{ epsilon?: number }];
type MessageIds = 'normGradientAtZero' | 'epsilonSuggestion';

export default createRule<Options, MessageIds>({
  name: 'no-norm-gradient-at-zero',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Euclidean norms in differentiated code, whose gradient is NaN at the zero vector',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      normGradientAtZero:
        '`{{code}}` runs inside {{context}}: the gradient of a Euclidean norm is x/‖x‖, which is 0/0 = NaN where x is the zero vector. Add ε under the square root: `{{replacement}}`.',
      epsilonSuggestion: 'Replace with `{{replacement}}` (a finite gradient at 0; the value grows by at most √{{epsilon}}).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          epsilon: { type: 'number', minimum: 0, exclusiveMinimum: true, description: 'ε added under the square root in the suggestion (default: settings.numerics.epsilon, 1e-7).' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{}],
  },
  // A tensor `norm`/`euclideanNorm`, or a root of a sum of squares: in a file that holds tensors and names one.
  appliesTo: (context) => mentionsAny(context.sourceCode, ['norm', 'sqrt']) && mayHoldTensors(context),
  create(context, [options]) {
    const engine = getEngine(context);
    const sourceCode = context.sourceCode;
    const reporter = createReporter<MessageIds>(context, engine);
    const epsilon = numberText(options.epsilon ?? engine.settings.epsilon);

    function fixFor(match: NormMatch): { fix: FixSpec; replacement: string } {
      if (match.kind === 'sqrt' && match.sqrt) {
        // Guard the sum of squares in place: sqrt(sum(x²)) → sqrt(sum(x²) + ε).
        const sum = match.sqrt.operands[0].node;
        if (match.chained) {
          const receiver = receiverText(sourceCode, sum);
          return { replacement: 'x.square().sum().add(ε).sqrt()', fix: { target: sum, valueIdentical: false, text: () => `${receiver}.add(${epsilon})` } };
        }
        const argument = argumentText(sourceCode, sum);
        return {
          replacement: `tf.sqrt(tf.add(tf.sum(tf.square(x)), ${epsilon}))`,
          fix: { target: sum, tfOps: ['add'], valueIdentical: false, text: ({ tf }) => `${tf('add')}(${argument}, ${epsilon})` },
        };
      }
      const options = [match.axis, match.keepDims].filter((node): node is TSESTree.Node => node !== undefined).map((node) => sourceCode.getText(node));
      const isUndefined = (text: string): boolean => text === 'undefined';
      while (options.length > 0 && isUndefined(options[options.length - 1])) options.pop();
      const sumOptions = options.join(', ');
      if (match.chained) {
        const receiver = receiverText(sourceCode, match.x);
        return {
          replacement: `x.square().sum(${sumOptions}).add(${epsilon}).sqrt()`,
          fix: { target: match.node, valueIdentical: false, text: () => `${receiver}.square().sum(${sumOptions}).add(${epsilon}).sqrt()` },
        };
      }
      const x = argumentText(sourceCode, match.x);
      return {
        replacement: `tf.sqrt(tf.add(tf.sum(tf.square(x)${sumOptions ? `, ${sumOptions}` : ''}), ${epsilon}))`,
        fix: {
          target: match.node,
          tfOps: ['sqrt', 'add', 'sum', 'square'],
          valueIdentical: false,
          text: ({ tf }) => `${tf('sqrt')}(${tf('add')}(${tf('sum')}(${tf('square')}(${x})${sumOptions ? `, ${sumOptions}` : ''}), ${epsilon}))`,
        },
      };
    }

    return {
      CallExpression(node: TSESTree.CallExpression) {
        const match = detectNormAtZero(engine, node);
        if (!match) return;
        const { fix, replacement } = fixFor(match);
        reporter.add({
          node,
          messageId: 'normGradientAtZero',
          data: { code: shortCode(sourceCode, node), context: describeDifferentiated(match.context), replacement, epsilon },
          fix,
          suggestionMessageId: 'epsilonSuggestion',
        });
      },
      'Program:exit'() {
        reporter.flush();
      },
    };
  },
});
