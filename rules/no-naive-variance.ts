/**
 * no-naive-variance: a variance from raw moments, `E[x²] − E[x]²` or `(Σx² − (Σx)²/n) / (n − 1)`, cancels
 * catastrophically when the mean is large next to the spread: at an offset of 1e9 with unit spread every digit
 * is lost in float64, and the result can be negative (so its sqrt is NaN). Two-pass forms do not cancel.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { getEngine } from '../src/ops/engine.js';
import { createReporter, type FixSpec } from '../src/fix/report.js';
import { planTemporaries } from '../src/fix/temporaries.js';
import { argumentText, optionsText, shortCode } from '../src/fix/text.js';
import type { Op, OpName } from '../src/ops/types.js';
import { detectNaiveStd, detectNaiveVariance, detectScaledSumOfSquares, type NaiveVarianceMatch } from '../src/patterns/variance.js';
import { mentions } from '../src/ops/vocabulary.js';
import { createRule } from '../src/util/create-rule.js';

type MessageIds = 'naiveVariance' | 'naiveStd' | 'streamingVariance' | 'scaledSumOfSquares' | 'naiveVarianceSuggestion';

const FORMS = { moments: 'E[x²] − E[x]²', sums: 'Σx² − (Σx)²/n' } as const;

const VARIANCE_TOPS: ReadonlySet<OpName> = new Set<OpName>(['sub', 'div', 'sqrt', 'pow']);

export default createRule<[], MessageIds>({
  name: 'no-naive-variance',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow one-pass variance `E[x²] − E[x]²`; use a two-pass variance (`tf.moments`, kernel `variance`)',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      naiveVariance:
        '`{{code}}` computes a variance as {{form}}, which cancels catastrophically when the mean is large next to the spread (at an offset of 1e9 every digit is lost) and can come out negative; use `{{replacement}}`.',
      naiveStd:
        '`{{code}}` is a standard deviation from {{form}}, which cancels catastrophically when the mean is large next to the spread and is NaN when the difference rounds negative; use `{{replacement}}`.',
      streamingVariance:
        '`{{code}}` combines running sums kept across calls into a variance ({{form}}), which cancels catastrophically when the mean is large next to the spread; keep a `RunningStats` (eslint-plugin-numerics/kernels: shifted Welford updates with a Chan merge) instead.',
      scaledSumOfSquares:
        '`{{code}}` (n·Σx² − (Σx)², n² times the variance) cancels catastrophically when the mean is large next to the spread; compute the centred sum of squares in two passes (kernel `variance(xs)` times n²).',
      naiveVarianceSuggestion: 'Replace with `{{replacement}}`.',
    },
    schema: [],
  },
  // Every form reads a sum or a mean (`E[x]`, `Σx²`) and squares something (`E[x²]`, `E[x]²`), in some spelling.
  appliesTo: (context) => mentions(context.sourceCode, 'sum') && mentions(context.sourceCode, 'square'),
  create(context) {
    const sourceCode = context.sourceCode;
    const engine = getEngine(context);
    const reporter = createReporter<MessageIds>(context, engine);

    function fixFor(match: NaiveVarianceMatch, sqrt: Op | null): { fix: FixSpec | null; replacement: string } {
      const target = sqrt ? sqrt.node : match.node;
      const kernel = sqrt ? 'std' : 'variance';
      if (match.domain === 'tensor') {
        const options = optionsText(sourceCode, match.options);
        const momentsCall = (tf: (name: string) => string): string =>
          `${tf('moments')}(${[argumentText(sourceCode, match.input.node), options].filter(Boolean).join(', ')}).variance`;
        const replacement = sqrt ? 'tf.sqrt(tf.moments(x, axis).variance)' : 'tf.moments(x, axis).variance';
        if (match.ddof === null) return { fix: null, replacement };
        const temporaries = planTemporaries(engine, [...match.ops, ...(sqrt ? [sqrt] : [])], [match.input.node], target);
        const chainedSqrt = sqrt?.spelling === 'tf-chained';
        return {
          replacement,
          fix: {
            target,
            tfOps: sqrt && !chainedSqrt ? ['moments', 'sqrt'] : ['moments'],
            remove: temporaries.remove,
            valueIdentical: temporaries.movable,
            text: (callees) => {
              const variance = momentsCall(callees.tf);
              if (!sqrt) return variance;
              return chainedSqrt ? `${variance}.sqrt()` : `${callees.tf('sqrt')}(${variance})`;
            },
          },
        };
      }
      const ddofArgument = match.ddof === 1 ? ', { ddof: 1 }' : '';
      const replacement = `${kernel}(xs${ddofArgument})`;
      if (match.ddof === null) return { fix: null, replacement };
      const temporaries = planTemporaries(engine, [...match.ops, ...(sqrt ? [sqrt] : [])], [match.input.node], target);
      return {
        replacement,
        fix: {
          target,
          kernels: [kernel],
          remove: temporaries.remove,
          valueIdentical: temporaries.movable,
          text: (callees) => `${callees.kernel(kernel)}(${argumentText(sourceCode, match.input.node)}${ddofArgument})`,
        },
      };
    }

    function check(node: TSESTree.Node): void {
      // Every form is a subtraction, a division or a root at its top.
      if (!engine.mayBe(node, VARIANCE_TOPS)) return;
      const std = detectNaiveStd(engine, node);
      const streaming = std?.variance ?? detectNaiveVariance(engine, node);
      if (streaming?.domain === 'stream') {
        if (!std && node.parent && detectNaiveStd(engine, node.parent)) return;
        // Rewriting a class or closure into RunningStats is a design change: report with the advice.
        reporter.add({ node, messageId: 'streamingVariance', data: { code: shortCode(sourceCode, node), form: FORMS[streaming.form] } });
        return;
      }
      if (std) {
        const { fix, replacement } = fixFor(std.variance, std.sqrt);
        reporter.add({
          node,
          messageId: 'naiveStd',
          data: { code: shortCode(sourceCode, node), form: FORMS[std.variance.form], replacement },
          fix,
          suggestionMessageId: 'naiveVarianceSuggestion',
        });
        return;
      }
      const variance = detectNaiveVariance(engine, node);
      if (variance) {
        // Inside an inline sqrt it is reported once, as a standard deviation.
        if (node.parent && detectNaiveStd(engine, node.parent)) return;
        const { fix, replacement } = fixFor(variance, null);
        reporter.add({
          node,
          messageId: 'naiveVariance',
          data: { code: shortCode(sourceCode, node), form: FORMS[variance.form], replacement },
          fix,
          suggestionMessageId: 'naiveVarianceSuggestion',
        });
        return;
      }
      if (detectScaledSumOfSquares(engine, node)) {
        reporter.add({ node, messageId: 'scaledSumOfSquares', data: { code: shortCode(sourceCode, node) } });
      }
    }

    return {
      BinaryExpression: check,
      // A call at the top is a TF.js op or a root (`Math.sqrt`, `Math.pow(v, 0.5)`): none in a file without either.
      ...(engine.mayHoldTensors || mentions(context.sourceCode, 'sqrt') ? { CallExpression: check } : {}),
      'Program:exit'() {
        reporter.flush();
      },
    };
  },
});
