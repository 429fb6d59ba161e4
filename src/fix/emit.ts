/**
 * Emit a call of a stable function on a (possibly negated) operand in the file's style: TF.js functional
 * (`tf.logSigmoid(tf.neg(x))`), TF.js chained (`x.neg().logSigmoid()`), a kernel (`logSigmoid(-x)`) or a
 * `Math` function (`Math.tanh(x)`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { negatedNumberText } from './negate.js';
import type { Callees } from './report.js';
import { argumentText, receiverText } from './text.js';

export type CallStyle = 'tf-functional' | 'tf-chained' | 'kernel' | 'math';

export interface EmittedCall {
  readonly text: (callees: Callees) => string;
  readonly kernels: readonly string[];
  readonly tfOps: readonly string[];
  /** How the replacement reads in messages. */
  readonly display: string;
}

export function emitUnaryCall(sourceCode: TSESLint.SourceCode, name: string, style: CallStyle, x: TSESTree.Node, negated: boolean): EmittedCall {
  switch (style) {
    case 'tf-chained': {
      const receiver = receiverText(sourceCode, x);
      return { text: () => `${receiver}${negated ? '.neg()' : ''}.${name}()`, kernels: [], tfOps: [], display: `x${negated ? '.neg()' : ''}.${name}()` };
    }
    case 'tf-functional': {
      const argument = argumentText(sourceCode, x);
      return {
        text: (callees) => `${callees.tf(name)}(${negated ? `${callees.tf('neg')}(${argument})` : argument})`,
        kernels: [],
        tfOps: negated ? [name, 'neg'] : [name],
        display: `tf.${name}(${negated ? 'tf.neg(x)' : 'x'})`,
      };
    }
    case 'kernel':
    case 'math': {
      const argument = negated ? negatedNumberText(sourceCode, x) : argumentText(sourceCode, x);
      const isMath = style === 'math';
      return {
        text: (callees) => `${isMath ? `Math.${name}` : callees.kernel(name)}(${argument})`,
        kernels: isMath ? [] : [name],
        tfOps: [],
        display: `${isMath ? 'Math.' : ''}${name}(${negated ? '-x' : 'x'})`,
      };
    }
  }
}
