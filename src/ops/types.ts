import type { TSESTree } from '@typescript-eslint/utils';
import type { Variable } from '../analysis/bindings.js';

/** Normalised numeric operations. Every spelling of an operation maps to one of these. */
export type OpName =
  | 'exp' | 'log' | 'log1p' | 'expm1' | 'sqrt' | 'square' | 'abs' | 'neg' | 'tanh' | 'reciprocal'
  | 'sum' | 'mean' | 'max' | 'min'
  | 'softmax' | 'logSoftmax' | 'logSumExp' | 'sigmoid' | 'logSigmoid' | 'softplus'
  | 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum' | 'clipByValue';

/**
 * What kind of value an operation works on: a TF.js tensor, a plain number, or a JS array of numbers seen
 * element-wise (`xs.map(Math.exp)` is `exp` over the array `xs`).
 */
export type Domain = 'tensor' | 'number' | 'array';

/** How the operation was written; rules put it in messages and fixes keep it. */
export type Spelling =
  | 'tf-functional' // tf.exp(x), exp(x) from a named import
  | 'tf-chained' // x.exp()
  | 'math' // Math.exp(x)
  | 'operator' // a + b, -a, a ** 2
  | 'reduce' // xs.reduce((a, b) => a + b, 0)
  | 'map' // xs.map(Math.exp), xs.map((v) => Math.exp(v))
  | 'loop' // for (const v of xs) s += v
  | 'kernel' // softmax(xs) from eslint-plugin-numerics/kernels
  | 'local-function'; // a local helper whose body is the operation

/**
 * An element variable bound while looking inside a per-element callback or loop body: inside
 * `xs.map((v) => …)` the parameter `v` stands for the array `xs` seen element-wise; inside
 * `for (let i = 0; i < xs.length; i++)` the expression `xs[i]` does.
 */
export interface ElementBinding {
  readonly variable: Variable;
  /** `element`: the variable is the element itself; `index`: `array[variable]` is the element. */
  readonly kind: 'element' | 'index';
  readonly array: Operand;
  readonly parent: ElementBinding | null;
}

/** An AST expression together with the element bindings in force where it was found. */
export interface Operand {
  readonly node: TSESTree.Node;
  readonly env: ElementBinding | null;
}

/** A variable followed to its initialiser to see the operation behind a name. */
export interface Temporary {
  readonly variable: Variable;
  readonly declarator: TSESTree.VariableDeclarator;
  /** The identifier that was followed. */
  readonly reference: TSESTree.Identifier;
}

export interface Op {
  readonly op: OpName;
  /** The node that performs the operation (a call, a binary expression, or the accumulator's identifier). */
  readonly node: TSESTree.Node;
  /** Value inputs: for the chained spelling the receiver comes first. */
  readonly operands: readonly Operand[];
  /** Trailing arguments that configure the op (`axis`, `keepDims`, clip bounds). */
  readonly options: readonly TSESTree.Node[];
  readonly spelling: Spelling;
  readonly domain: Domain;
  /** Temporaries followed from the reference that was asked about to reach `node`. */
  readonly through: readonly Temporary[];
  /** For `loop` sums: the accumulator's declaration and the loop statement. */
  readonly loop?: { readonly declarator: TSESTree.VariableDeclarator; readonly statement: TSESTree.Node };
}
