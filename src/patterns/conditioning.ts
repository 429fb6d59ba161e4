/**
 * Poorly conditioned linear algebra: solving `A·x = b` through an explicit inverse (`inverse(A).mmul(b)`,
 * `multiply(inv(A), b)`), and least squares through the normal equations (`inv(XᵀX)·Xᵀ·y`,
 * `solve(XᵀX, Xᵀy)`), which square the condition number of X.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isOwnedTemporary, skipTypeWrappers } from '../analysis/bindings.js';
import { getMatrixBindings, libraryCall, type MatrixLibrary } from '../analysis/matrix-libraries.js';
import type { NumericsEngine } from '../ops/engine.js';
import { memberName } from '../ops/engine.js';
import type { Operand, Temporary } from '../ops/types.js';

export interface Product {
  readonly node: TSESTree.CallExpression;
  readonly left: Operand;
  readonly right: Operand;
  readonly library: MatrixLibrary;
}

export interface Inverse {
  readonly node: TSESTree.CallExpression;
  readonly matrix: Operand;
  /** `inverse(A, useSVD)`: the extra argument. */
  readonly extra: TSESTree.Node | null;
  readonly library: MatrixLibrary;
  /** The mathjs namespace it was called through (`math.inv`), if any. */
  readonly namespace: string | null;
  readonly through: readonly Temporary[];
}

function isMethodCall(node: TSESTree.Node, name: string, args: number): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(node.callee) === name &&
    node.arguments.length === args &&
    node.arguments.every((arg) => arg.type !== AST_NODE_TYPES.SpreadElement)
  );
}

/** `L.mmul(R)` (ml-matrix) or `multiply(L, R)` / `math.multiply(L, R)` (mathjs). */
export function productOf(engine: NumericsEngine, node: TSESTree.Node): Product | null {
  const call = skipTypeWrappers(node);
  if (isMethodCall(call, 'mmul', 1) && getMatrixBindings(engine.sourceCode).importsMlMatrix) {
    const mmul = call as TSESTree.CallExpression;
    const callee = mmul.callee as TSESTree.MemberExpression;
    return { node: mmul, left: { node: callee.object, env: null }, right: { node: mmul.arguments[0], env: null }, library: 'ml-matrix' };
  }
  const library = libraryCall(engine.sourceCode, call);
  if (library?.library === 'mathjs' && library.name === 'multiply' && call.type === AST_NODE_TYPES.CallExpression && call.arguments.length === 2) {
    return { node: call, left: { node: call.arguments[0], env: null }, right: { node: call.arguments[1], env: null }, library: 'mathjs' };
  }
  return null;
}

/** `inverse(A)` / `inv(A)` behind an operand (through const temporaries). */
export function inverseOf(engine: NumericsEngine, operand: Operand): Inverse | null {
  const resolved = engine.resolve(operand);
  const call = skipTypeWrappers(resolved.node);
  const library = libraryCall(engine.sourceCode, call);
  if (!library || call.type !== AST_NODE_TYPES.CallExpression) return null;
  const isInverse = (library.library === 'ml-matrix' && library.name === 'inverse') || (library.library === 'mathjs' && library.name === 'inv');
  if (!isInverse || call.arguments.length < 1 || call.arguments.length > 2) return null;
  return {
    node: call,
    matrix: { node: call.arguments[0], env: null },
    extra: call.arguments[1] ?? null,
    library: library.library,
    namespace: library.namespace,
    through: resolved.through,
  };
}

/** `X.transpose()` (ml-matrix) or `transpose(X)` (mathjs) → X */
function transposeOf(engine: NumericsEngine, operand: Operand): Operand | null {
  const call = skipTypeWrappers(engine.resolve(operand).node);
  if (isMethodCall(call, 'transpose', 0)) return { node: ((call as TSESTree.CallExpression).callee as TSESTree.MemberExpression).object, env: null };
  const library = libraryCall(engine.sourceCode, call);
  if (library?.library === 'mathjs' && library.name === 'transpose' && call.type === AST_NODE_TYPES.CallExpression && call.arguments.length === 1) {
    return { node: call.arguments[0], env: null };
  }
  return null;
}

function same(engine: NumericsEngine, a: Operand, b: Operand): boolean {
  const x = engine.resolve(a).node;
  const y = engine.resolve(b).node;
  return x === y || engine.sameReference(x, y) || engine.sameReference(a.node, b.node);
}

/** XᵀX → X */
function gramOf(engine: NumericsEngine, operand: Operand): Operand | null {
  const product = productOf(engine, engine.resolve(operand).node);
  if (!product) return null;
  const x = transposeOf(engine, product.left);
  return x && same(engine, x, product.right) ? product.right : null;
}

export interface ExplicitInverse {
  readonly product: Product;
  readonly inverse: Inverse;
}

/** `inverse(A).mmul(b)`: the inverse is the left factor and is used for this product only. */
export function detectExplicitInverse(engine: NumericsEngine, node: TSESTree.Node): ExplicitInverse | null {
  const product = productOf(engine, node);
  if (!product) return null;
  const inverse = inverseOf(engine, product.left);
  if (!inverse) return null;
  // An inverse kept and reused (a covariance inverse applied to many vectors) may be deliberate.
  if (!inverse.through.every((temporary) => isOwnedTemporary(temporary.variable, temporary.reference))) return null;
  if (gramOf(engine, inverse.matrix)) return null; // the normal equations: no-normal-equations reports those
  return { product, inverse };
}

export interface NormalEquations {
  /** The node reported (the whole least-squares expression). */
  readonly node: TSESTree.Node;
  readonly design: Operand;
  /** The right-hand side y, when the expression includes it. */
  readonly target: Operand | null;
  readonly library: MatrixLibrary;
}

export function detectNormalEquations(engine: NumericsEngine, node: TSESTree.Node): NormalEquations | null {
  const call = skipTypeWrappers(node);
  // solve(XᵀX, Xᵀy) / lusolve(XᵀX, Xᵀy)
  const library = libraryCall(engine.sourceCode, call);
  if (library && (library.name === 'solve' || library.name === 'lusolve') && call.type === AST_NODE_TYPES.CallExpression && call.arguments.length === 2) {
    const x = gramOf(engine, { node: call.arguments[0], env: null });
    const rhs = productOf(engine, engine.resolve({ node: call.arguments[1], env: null }).node);
    const xt = rhs && transposeOf(engine, rhs.left);
    if (x && rhs && xt && same(engine, x, xt)) return { node: call, design: x, target: rhs.right, library: library.library };
    return null;
  }
  const product = productOf(engine, call);
  if (!product) return null;
  // (inv(XᵀX)·Xᵀ)·y
  const inner = productOf(engine, engine.resolve(product.left).node);
  if (inner) {
    const inverse = inverseOf(engine, inner.left);
    const x = inverse && gramOf(engine, inverse.matrix);
    const xt = transposeOf(engine, inner.right);
    if (x && xt && same(engine, x, xt)) return { node: product.node, design: x, target: product.right, library: product.library };
  }
  // inv(XᵀX)·(Xᵀ·y)
  const inverse = inverseOf(engine, product.left);
  const x = inverse && gramOf(engine, inverse.matrix);
  if (!x) return null;
  const rhs = productOf(engine, engine.resolve(product.right).node);
  const xt = rhs && transposeOf(engine, rhs.left);
  if (rhs && xt && same(engine, x, xt)) return { node: product.node, design: x, target: rhs.right, library: product.library };
  // inv(XᵀX)·Xᵀ alone (the pseudo-inverse), unless an outer product adds y (reported there).
  const xtAlone = transposeOf(engine, product.right);
  // The product this one is the left factor of: `node.mmul(y)` (through the member) or `multiply(node, y)`.
  const outer = node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node ? node.parent.parent : node.parent;
  const parentProduct = outer && productOf(engine, outer);
  if (xtAlone && same(engine, x, xtAlone) && !(parentProduct && skipTypeWrappers(parentProduct.left.node) === node)) {
    return { node: product.node, design: x, target: null, library: product.library };
  }
  return null;
}
