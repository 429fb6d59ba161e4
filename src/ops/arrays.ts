/**
 * Array spellings: `xs.reduce((a, b) => a + b, 0)`, `xs.map(Math.exp)`, `xs.map((v) => Math.exp(v - m))`, and
 * accumulation loops (`for…of`, indexed `for`, `forEach`) into a `let s = 0`. Inside the callback or loop body
 * the element variable is bound to the array, so the body reads as an element-wise operation on the array:
 * `xs.map((v) => Math.exp(v))` is `exp(xs)`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { constantInitializer, enclosingFunction, findVariable, isInside, simpleDeclarator, skipTypeWrappers, visit, writeReferences, type Variable } from '../analysis/bindings.js';
import type { NumericsEngine } from './engine.js';
import type { ElementBinding, Op, OpName, Operand } from './types.js';

const MATH_ELEMENTWISE: Record<string, OpName> = {
  exp: 'exp', log: 'log', log1p: 'log1p', expm1: 'expm1', sqrt: 'sqrt', abs: 'abs', tanh: 'tanh',
};

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

function isFunction(node: TSESTree.Node | undefined): node is FunctionNode {
  return node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression;
}

/**
 * The expression a callback returns: `(v) => e`, `(v) => { return e; }`, or a block of `const` temporaries and
 * then the return (`(acc, v) => { const t = Math.exp(v); return acc + t; }`), which the engine follows like any
 * other temporaries. Every temporary must be read: a declaration kept only for its side effect is not part of
 * the operation, and a fix that replaces the call would drop it.
 */
function returnedExpression(engine: NumericsEngine, fn: FunctionNode): TSESTree.Expression | null {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const statements = fn.body.body;
  const last = statements.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement || !last.argument) return null;
  for (const statement of statements.slice(0, -1)) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const') return null;
    for (const declarator of statement.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return null;
      const variable = engine.sourceCode.getDeclaredVariables(declarator)[0];
      if (!variable?.references.some((reference) => reference.isRead())) return null;
    }
  }
  return last.argument;
}

function paramVariable(engine: NumericsEngine, fn: FunctionNode, index: number): Variable | null {
  const param = fn.params[index];
  if (param?.type !== AST_NODE_TYPES.Identifier) return null;
  return engine.sourceCode.getDeclaredVariables(fn).find((variable) => variable.name === param.name) ?? null;
}

function isReferenceTo(engine: NumericsEngine, node: TSESTree.Node, variable: Variable): boolean {
  const inner = skipTypeWrappers(node);
  return inner.type === AST_NODE_TYPES.Identifier && findVariable(engine.sourceCode, inner) === variable;
}

/** `t` in `(v) => { const t = …; return t; }`: an identifier bound by a declaration in the callback's own body. */
function isCallbackTemporary(engine: NumericsEngine, node: TSESTree.Node, callback: FunctionNode): boolean {
  const inner = skipTypeWrappers(node);
  if (inner.type !== AST_NODE_TYPES.Identifier || callback.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  // The same binding `engine.resolve` follows.
  const binding = constantInitializer(engine.sourceCode, inner);
  return binding !== null && isInside(binding.declarator, callback.body.range);
}

function mentions(node: TSESTree.Node, variable: Variable): boolean {
  return variable.references.some((ref) => isInside(ref.identifier, node.range));
}

/**
 * Recognise an array method call. Returns `undefined` when the method is not an array method we model (so the
 * caller can try other spellings) and `null` when it is but the call is not a numeric operation.
 */
export function matchArrayOp(
  engine: NumericsEngine,
  node: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  method: string,
  env: ElementBinding | null,
): Op | null | undefined {
  const array: Operand = { node: callee.object, env };
  const [callback, initial] = node.arguments;

  if (method === 'reduce') {
    if (!isFunction(callback) || node.arguments.length > 2) return null;
    if (initial !== undefined && engine.staticNumber(initial) !== 0 && !isNegativeInfinity(engine, initial)) return null;
    const accumulator = paramVariable(engine, callback, 0);
    const element = paramVariable(engine, callback, 1);
    const body = returnedExpression(engine, callback);
    if (!accumulator || !element || !body || callback.params.length > 3) return null;
    // The accumulator is read only in the returned expression: a temporary computed from it (`const t = acc * 2`)
    // would make the term depend on the running total.
    if (!accumulator.references.every((reference) => isInside(reference.identifier, body.range))) return null;
    const binding = callbackBindings(engine, callback, 1, array, env);
    if (!binding) return null;
    const inner = skipTypeWrappers(body);

    // Σ: acc + term, term + acc
    if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === '+' && (initial === undefined || engine.staticNumber(initial) === 0)) {
      const term = isReferenceTo(engine, inner.left, accumulator) ? inner.right : isReferenceTo(engine, inner.right, accumulator) ? inner.left : null;
      if (!term || mentions(term, accumulator)) return null;
      // Without an initial value the first element is the start value, never passed through the term:
      // only a plain sum of the elements is a sum of the terms then.
      if (initial === undefined && !isReferenceTo(engine, term, element)) return null;
      return engine.make('sum', node, [{ node: term, env: binding }], [], 'reduce', 'array');
    }
    // max: Math.max(acc, v), acc > v ? acc : v
    if (engine.isMathCall(inner, 'max') && inner.arguments.length === 2) {
      const [a, b] = inner.arguments;
      const term = isReferenceTo(engine, a, accumulator) ? b : isReferenceTo(engine, b, accumulator) ? a : null;
      if (!term || mentions(term, accumulator)) return null;
      if (initial === undefined && !isReferenceTo(engine, term, element)) return null;
      return engine.make('max', node, [{ node: term, env: binding }], [], 'reduce', 'array');
    }
    return null;
  }

  if (method === 'map') {
    if (node.arguments.length !== 1 || !callback) return null;
    // xs.map(Math.exp)
    if (callback.type === AST_NODE_TYPES.MemberExpression && engine.isGlobalMember(callback, 'Math')) {
      const name = !callback.computed && callback.property.type === AST_NODE_TYPES.Identifier ? callback.property.name : '';
      const op = MATH_ELEMENTWISE[name];
      return op ? engine.make(op, node, [array], [], 'map', 'array') : null;
    }
    // xs.map((v) => body)
    if (!isFunction(callback)) return null;
    const element = paramVariable(engine, callback, 0);
    const body = returnedExpression(engine, callback);
    if (!element || !body || callback.params.length > 2) return null;
    const binding = callbackBindings(engine, callback, 0, array, env);
    if (!binding) return null;
    // `return t` of a temporary declared in the callback: its operation (an element variable stays as it is).
    const bodyOp = isCallbackTemporary(engine, body, callback) ? engine.op({ node: body, env: binding }) : engine.matchNode({ node: body, env: binding });
    if (!bodyOp || bodyOp.domain === 'tensor') return null;
    return { ...bodyOp, node, spelling: 'map', domain: 'array' };
  }

  return undefined;
}

/**
 * The element (and index, when the callback takes one) bindings of an array callback: in
 * `xs.reduce((acc, v, i) => acc + f(xs[i]))` both `v` and `xs[i]` are the element of `xs`.
 */
function callbackBindings(engine: NumericsEngine, callback: FunctionNode, elementIndex: number, array: Operand, env: ElementBinding | null): ElementBinding | null {
  const element = paramVariable(engine, callback, elementIndex);
  if (!element) return null;
  const binding: ElementBinding = { variable: element, kind: 'element', array, parent: env };
  if (callback.params.length <= elementIndex + 1) return binding;
  const index = paramVariable(engine, callback, elementIndex + 1);
  return index ? { variable: index, kind: 'index', array, parent: binding } : null;
}

function isNegativeInfinity(engine: NumericsEngine, node: TSESTree.Node): boolean {
  return engine.staticNumber(node) === Number.NEGATIVE_INFINITY;
}

/** A loop that visits each element of an array once, with the binding that names the element. */
function loopOverArray(engine: NumericsEngine, loop: TSESTree.Node, env: ElementBinding | null): { binding: Omit<ElementBinding, 'parent'>; body: TSESTree.Node } | null {
  if (loop.type === AST_NODE_TYPES.ForOfStatement && !loop.await) {
    const left = loop.left;
    const id = left.type === AST_NODE_TYPES.VariableDeclaration && left.declarations.length === 1 ? left.declarations[0].id : null;
    if (id?.type !== AST_NODE_TYPES.Identifier) return null;
    const variable = engine.sourceCode.getDeclaredVariables(left).find((v) => v.name === id.name);
    if (!variable) return null;
    return { binding: { variable, kind: 'element', array: { node: loop.right, env } }, body: loop.body };
  }
  if (loop.type === AST_NODE_TYPES.ForStatement) {
    // for (let i = 0; i < xs.length; i++)
    const init = loop.init;
    if (init?.type !== AST_NODE_TYPES.VariableDeclaration || init.declarations.length !== 1) return null;
    const declarator = init.declarations[0];
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init || engine.staticNumber(declarator.init) !== 0) return null;
    const variable = engine.sourceCode.getDeclaredVariables(init)[0];
    const test = loop.test;
    if (!variable || test?.type !== AST_NODE_TYPES.BinaryExpression || test.operator !== '<' || !isReferenceTo(engine, test.left, variable)) return null;
    // i < xs.length, or i < n with `const n = xs.length`
    const bound = engine.resolve({ node: test.right, env }).node;
    if (
      bound.type !== AST_NODE_TYPES.MemberExpression ||
      bound.computed ||
      bound.property.type !== AST_NODE_TYPES.Identifier ||
      bound.property.name !== 'length'
    ) {
      return null;
    }
    if (!isIncrementByOne(engine, loop.update, variable)) return null;
    // The counter must not be written in the body.
    if (writeReferences(variable).some((ref) => isInside(ref.identifier, loop.body.range))) return null;
    return { binding: { variable, kind: 'index', array: { node: bound.object, env } }, body: loop.body };
  }
  if (loop.type === AST_NODE_TYPES.ExpressionStatement) {
    // xs.forEach((v) => { … })
    const call = loop.expression;
    if (
      call.type !== AST_NODE_TYPES.CallExpression ||
      call.callee.type !== AST_NODE_TYPES.MemberExpression ||
      call.callee.computed ||
      call.callee.property.type !== AST_NODE_TYPES.Identifier ||
      call.callee.property.name !== 'forEach' ||
      call.arguments.length !== 1 ||
      !isFunction(call.arguments[0])
    ) {
      return null;
    }
    const callback = call.arguments[0];
    const variable = paramVariable(engine, callback, 0);
    if (!variable) return null;
    return { binding: { variable, kind: 'element', array: { node: call.callee.object, env } }, body: callback.body };
  }
  return null;
}

function isIncrementByOne(engine: NumericsEngine, update: TSESTree.Expression | null, variable: Variable): boolean {
  if (!update) return false;
  if (update.type === AST_NODE_TYPES.UpdateExpression) return update.operator === '++' && isReferenceTo(engine, update.argument, variable);
  if (update.type === AST_NODE_TYPES.AssignmentExpression && update.operator === '+=') {
    return isReferenceTo(engine, update.left, variable) && engine.staticNumber(update.right) === 1;
  }
  return false;
}

/**
 * `s` after `let s = 0; for (const v of xs) s += term;` is `sum(term)` over `xs`. The accumulator must be written
 * exactly once, unconditionally, in one loop that is a sibling statement of its declaration, and read after it.
 */
export function matchLoopAccumulator(engine: NumericsEngine, identifier: TSESTree.Identifier, env: ElementBinding | null): Op | null {
  const variable = findVariable(engine.sourceCode, identifier);
  if (!variable) return null;
  const declarator = simpleDeclarator(variable);
  if (!declarator?.init || engine.staticNumber(declarator.init) !== 0) return null;
  const declaration = declarator.parent;
  if (declaration.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind === 'const') return null;

  const writes = writeReferences(variable);
  if (writes.length !== 1) return null;
  const write = writes[0].identifier.parent;
  if (write?.type !== AST_NODE_TYPES.AssignmentExpression || write.operator !== '+=') return null;
  const statement = write.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return null;

  // The loop: the write's statement is the loop body or directly inside the loop body block.
  let body: TSESTree.Node | undefined = statement.parent;
  let loop: TSESTree.Node | undefined = body;
  if (body?.type === AST_NODE_TYPES.BlockStatement) loop = body.parent;
  else body = statement;
  if (!loop) return null;
  if (isFunction(loop)) loop = loop.parent?.parent; // forEach callback → the call → its expression statement
  if (!loop || loop.parent !== declaration.parent) return null;
  const found = loopOverArray(engine, loop, env);
  if (!found || !visitsEveryElementUnchanged(engine, found.body, found.binding.array.node)) return null;
  if (found.body !== body && !(found.body.type === AST_NODE_TYPES.BlockStatement && found.body === statement.parent)) return null;

  // Read after the loop, in the same function.
  if (identifier.range[0] < loop.range[1]) return null;
  if (enclosingFunction(identifier) !== enclosingFunction(declarator)) return null;

  const binding: ElementBinding = { ...found.binding, parent: env };
  return engine.make('sum', identifier, [{ node: write.right, env: binding }], [], 'loop', 'array', {
    loop: { declarator, statement: loop },
  });
}

/**
 * A loop body that runs to completion for every element and leaves the array alone: no `break`, `continue`,
 * `return`, `throw` or label, and no write to (or method call on) the iterated array. Otherwise the accumulated
 * value is not a plain sum over the array.
 */
function visitsEveryElementUnchanged(engine: NumericsEngine, body: TSESTree.Node, array: TSESTree.Node): boolean {
  const root = rootIdentifier(array);
  let ok = true;
  visit(body, (child) => {
    if (!ok) return;
    switch (child.type) {
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement:
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.LabeledStatement:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.AwaitExpression:
        ok = false;
        return;
      case AST_NODE_TYPES.AssignmentExpression:
      case AST_NODE_TYPES.UpdateExpression: {
        const target = child.type === AST_NODE_TYPES.AssignmentExpression ? child.left : child.argument;
        if (root && rootIdentifier(target)?.name === root.name) ok = false;
        return;
      }
      case AST_NODE_TYPES.CallExpression:
        if (root && child.callee.type === AST_NODE_TYPES.MemberExpression && rootIdentifier(child.callee.object)?.name === root.name) ok = false;
        return;
      default:
        return;
    }
  });
  void engine;
  return ok;
}

/** `xs` in `xs`, `xs[i]`, `xs.data[i]`. */
function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | null {
  let current = skipTypeWrappers(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = skipTypeWrappers(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : null;
}
