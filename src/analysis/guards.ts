/**
 * Bounds proven by the code around a value: enclosing `if`/ternary/`&&` conditions, early exits
 * (`if (x > 33) return x;`), `Math.abs`, negation, `Math.min`/`Math.max` and constants. The rules use them to
 * stay silent where an exponent cannot overflow (`if (z >= 0) return Math.log1p(Math.exp(-z))`), as the stable
 * kernels are written.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { NumericsEngine } from '../ops/engine.js';
import { constantInitializer, findVariable, readsOnlyStableBindings, skipTypeWrappers, writeReferences } from './bindings.js';

export interface Bounds {
  readonly lower: number;
  readonly upper: number;
}

const UNBOUNDED: Bounds = { lower: -Infinity, upper: Infinity };
const MAX_DEPTH = 6;

function intersect(a: Bounds, b: Bounds): Bounds {
  return { lower: Math.max(a.lower, b.lower), upper: Math.min(a.upper, b.upper) };
}

const MIRROR: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const NEGATE: Record<string, string> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

const COMPARISONS = new Set(['<', '<=', '>', '>=', '===', '!==', '==', '!=']);

/**
 * A boolean temporary read as its condition: `tooLarge` in `const tooLarge = x > t; … if (tooLarge)` is `x > t`,
 * when nothing the comparison reads is reassigned (so it has the same value where the flag is tested).
 */
function booleanTemporary(engine: NumericsEngine, node: TSESTree.Node): TSESTree.Node | null {
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const binding = constantInitializer(engine.sourceCode, node);
  if (!binding) return null;
  const init = skipTypeWrappers(binding.init);
  const isCondition =
    (init.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(init.operator)) ||
    init.type === AST_NODE_TYPES.LogicalExpression ||
    (init.type === AST_NODE_TYPES.UnaryExpression && init.operator === '!');
  return isCondition && readsOnlyStableBindings(engine.sourceCode, init) ? init : null;
}

/** What `test` (assumed `truth`) says about the variable `variable`. */
function boundsFromTest(engine: NumericsEngine, test: TSESTree.Node, truth: boolean, isSubject: (node: TSESTree.Node) => boolean): Bounds {
  const node = skipTypeWrappers(test);
  const condition = booleanTemporary(engine, node);
  if (condition) return boundsFromTest(engine, condition, truth, isSubject);
  if (node.type === AST_NODE_TYPES.LogicalExpression) {
    // a && b true: both true; a || b false: both false. Other combinations say nothing for sure.
    if ((node.operator === '&&' && truth) || (node.operator === '||' && !truth)) {
      return intersect(boundsFromTest(engine, node.left, truth, isSubject), boundsFromTest(engine, node.right, truth, isSubject));
    }
    return UNBOUNDED;
  }
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return boundsFromTest(engine, node.argument, !truth, isSubject);
  if (node.type !== AST_NODE_TYPES.BinaryExpression || !(node.operator in MIRROR)) return UNBOUNDED;
  let operator = node.operator;
  let constant: number | undefined;
  // |x| < C bounds x on both sides.
  const isAbsOfSubject = (side: TSESTree.Node): boolean =>
    engine.isMathCall(skipTypeWrappers(side), 'abs') && (skipTypeWrappers(side) as TSESTree.CallExpression).arguments.length === 1 && isSubject((skipTypeWrappers(side) as TSESTree.CallExpression).arguments[0]);
  if (node.left.type !== AST_NODE_TYPES.PrivateIdentifier && (isAbsOfSubject(node.left) || isAbsOfSubject(node.right))) {
    const absOnLeft = isAbsOfSubject(node.left);
    const limit = engine.staticNumber(absOnLeft ? node.right : node.left);
    let absOperator = absOnLeft ? operator : (MIRROR[operator] as typeof operator);
    if (!truth) absOperator = NEGATE[absOperator] as typeof operator;
    return limit !== undefined && (absOperator === '<' || absOperator === '<=') ? { lower: -limit, upper: limit } : UNBOUNDED;
  }
  if (isSubject(node.left)) constant = engine.staticNumber(node.right);
  else if (node.left.type !== AST_NODE_TYPES.PrivateIdentifier && isSubject(node.right)) {
    constant = engine.staticNumber(node.left);
    operator = MIRROR[operator] as typeof operator;
  }
  if (constant === undefined) return UNBOUNDED;
  if (!truth) operator = NEGATE[operator] as typeof operator;
  return operator === '<' || operator === '<=' ? { lower: -Infinity, upper: constant } : { lower: constant, upper: Infinity };
}

function exits(statement: TSESTree.Node): boolean {
  const node = statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length > 0 ? statement.body[statement.body.length - 1] : statement;
  return (
    node.type === AST_NODE_TYPES.ReturnStatement ||
    node.type === AST_NODE_TYPES.ThrowStatement ||
    node.type === AST_NODE_TYPES.ContinueStatement ||
    node.type === AST_NODE_TYPES.BreakStatement
  );
}

/**
 * What falling through `statement` proves: an `if` whose consequent always exits was false, and so on down an
 * `else if` chain whose consequents exit (the final `else`, if any, may fall through: it adds nothing).
 */
function boundsAfterExits(engine: NumericsEngine, statement: TSESTree.Node, isSubject: (node: TSESTree.Node) => boolean): Bounds {
  let bounds = UNBOUNDED;
  for (let current: TSESTree.Node | null = statement; current?.type === AST_NODE_TYPES.IfStatement && exits(current.consequent); current = current.alternate) {
    bounds = intersect(bounds, boundsFromTest(engine, current.test, false, isSubject));
  }
  return bounds;
}

/** Bounds on an identifier at `use` from the conditions that must hold for `use` to run. */
function boundsFromControlFlow(engine: NumericsEngine, use: TSESTree.Node, isSubject: (node: TSESTree.Node) => boolean): Bounds {
  let bounds = UNBOUNDED;
  let child: TSESTree.Node = use;
  for (let parent = use.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      if (child === parent.consequent) bounds = intersect(bounds, boundsFromTest(engine, parent.test, true, isSubject));
      else if (child === parent.alternate) bounds = intersect(bounds, boundsFromTest(engine, parent.test, false, isSubject));
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right) {
      bounds = intersect(bounds, boundsFromTest(engine, parent.left, parent.operator === '&&', isSubject));
    } else if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      // Early exits before this statement: `if (x > C) return …;`, and chains `if (a) return …; else if (b) return …;`
      for (const statement of parent.body) {
        if (statement === child) break;
        bounds = intersect(bounds, boundsAfterExits(engine, statement, isSubject));
      }
    }
    if (isFunction(parent) && !isInlineCallback(parent)) break;
  }
  return bounds;
}

/** A test for "this expression reads the variable `identifier` names" (the subject of a guard). */
function readsVariable(engine: NumericsEngine, identifier: TSESTree.Identifier, variable: ReturnType<typeof findVariable>): (candidate: TSESTree.Node) => boolean {
  return (candidate) => {
    const inner = skipTypeWrappers(candidate);
    return inner.type === AST_NODE_TYPES.Identifier && inner.name === identifier.name && findVariable(engine.sourceCode, inner) === variable;
  };
}

/** Proven bounds of a number expression evaluated at its own position. */
export function boundsOf(engine: NumericsEngine, expression: TSESTree.Node, depth = 0): Bounds {
  const node = skipTypeWrappers(expression);
  const value = engine.staticNumber(node);
  if (value !== undefined) return { lower: value, upper: value };
  if (depth > MAX_DEPTH) return UNBOUNDED;

  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(engine.sourceCode, node);
    let bounds = boundsFromControlFlow(engine, node, readsVariable(engine, node, variable));
    const binding = constantInitializer(engine.sourceCode, node);
    if (binding) bounds = intersect(bounds, boundsOf(engine, binding.init, depth + 1));
    return bounds;
  }
  const op = engine.matchNode({ node, env: null });
  if (!op || op.domain === 'array') return UNBOUNDED;
  const [a, b] = op.operands.map((operand) => operand.node);
  switch (op.op) {
    case 'neg': {
      const inner = boundsOf(engine, a, depth + 1);
      return { lower: -inner.upper, upper: -inner.lower };
    }
    case 'abs':
      return { lower: 0, upper: Infinity };
    case 'square':
      return { lower: 0, upper: Infinity };
    case 'sub': {
      const left = boundsOf(engine, a, depth + 1);
      const right = boundsOf(engine, b, depth + 1);
      return { lower: left.lower - right.upper, upper: left.upper - right.lower };
    }
    case 'add': {
      const left = boundsOf(engine, a, depth + 1);
      const right = boundsOf(engine, b, depth + 1);
      return { lower: left.lower + right.lower, upper: left.upper + right.upper };
    }
    case 'minimum': {
      const left = boundsOf(engine, a, depth + 1);
      const right = boundsOf(engine, b, depth + 1);
      return { lower: Math.min(left.lower, right.lower), upper: Math.min(left.upper, right.upper) };
    }
    case 'maximum': {
      const left = boundsOf(engine, a, depth + 1);
      const right = boundsOf(engine, b, depth + 1);
      return { lower: Math.max(left.lower, right.lower), upper: Math.max(left.upper, right.upper) };
    }
    default:
      return UNBOUNDED;
  }
}

/**
 * Bounds of an expression as the code at `site` sees it: its own bounds, and for a variable that is never
 * reassigned, the conditions under which `site` runs. `const e = Math.exp(x); … if (x < 13) log(1 + e)` computes
 * `e` unguarded but only uses it where x < 13: what overflows is the log at `site`, and there x is bounded.
 */
export function boundsAt(engine: NumericsEngine, expression: TSESTree.Node, site: TSESTree.Node): Bounds {
  const own = boundsOf(engine, expression);
  const node = skipTypeWrappers(expression);
  if (node.type !== AST_NODE_TYPES.Identifier) return own;
  const variable = findVariable(engine.sourceCode, node);
  if (!variable || writeReferences(variable).length > 0) return own;
  return intersect(own, boundsFromControlFlow(engine, site, readsVariable(engine, node, variable)));
}

/** Largest exponent whose `exp` is finite: float64 ~709.78, float32 ~88.72. */
export const EXP_OVERFLOW = { number: 709.78, tensor: 88.72 } as const;
/** Smallest exponent whose `exp` is not 0: float64 ~-745.13, float32 ~-103.97. */
export const EXP_UNDERFLOW = { number: -745.13, tensor: -103.97 } as const;

/** True when `exp(exponent)` (or of `-exponent`) provably cannot overflow here (or, given `site`, where its value is used). */
export function expCannotOverflow(engine: NumericsEngine, exponent: TSESTree.Node, negated: boolean, domain: 'number' | 'tensor', site?: TSESTree.Node): boolean {
  const bounds = site ? boundsAt(engine, exponent, site) : boundsOf(engine, exponent);
  const upper = negated ? -bounds.lower : bounds.upper;
  return upper <= EXP_OVERFLOW[domain];
}

/** True when `exp(exponent)` (or of `-exponent`) provably does not underflow to 0 here. */
export function expCannotUnderflow(engine: NumericsEngine, exponent: TSESTree.Node, negated: boolean, domain: 'number' | 'tensor'): boolean {
  const bounds = boundsOf(engine, exponent);
  const lower = negated ? -bounds.upper : bounds.lower;
  return lower >= EXP_UNDERFLOW[domain];
}

// ---------------------------------------------------------------------------------------------------------------
// Zero guards: is a value excluded from being 0 where it is used (as a denominator or a log argument)?

/** Whether `test` (assumed `truth`) proves the subject is not 0 (or that the data it comes from is not empty). */
function excludesZero(engine: NumericsEngine, test: TSESTree.Node, truth: boolean, isSubject: (node: TSESTree.Node) => boolean): boolean {
  const node = skipTypeWrappers(test);
  if (node.type === AST_NODE_TYPES.LogicalExpression) {
    if ((node.operator === '&&' && truth) || (node.operator === '||' && !truth)) {
      return excludesZero(engine, node.left, truth, isSubject) || excludesZero(engine, node.right, truth, isSubject);
    }
    return false;
  }
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return excludesZero(engine, node.argument, !truth, isSubject);
  if (isSubject(node)) return truth; // `if (d)`
  const condition = booleanTemporary(engine, node);
  if (condition) return excludesZero(engine, condition, truth, isSubject);
  if (node.type !== AST_NODE_TYPES.BinaryExpression || node.left.type === AST_NODE_TYPES.PrivateIdentifier) return false;
  const { left, right } = node;
  const subjectSide = isSubject(left) || isAbsOf(engine, left, isSubject) ? 'left' : isSubject(right) || isAbsOf(engine, right, isSubject) ? 'right' : null;
  if (!subjectSide) return false;
  const constant = engine.staticNumber(subjectSide === 'left' ? right : left);
  if (constant === undefined) return false;
  let operator = subjectSide === 'left' ? node.operator : (MIRROR[node.operator] ?? node.operator);
  if (!truth) {
    const negation: Record<string, string> = { ...NEGATE, '===': '!==', '!==': '===', '==': '!=', '!=': '==' };
    operator = negation[operator] ?? '';
  }
  return comparisonExcludesZero(operator, constant);
}

/** Whether `value <operator> constant` holding excludes value = 0 (`!== 0`, `> 0`, `>= 1e-7`, `< -1`). */
export function comparisonExcludesZero(operator: string, constant: number): boolean {
  switch (operator) {
    case '!==':
    case '!=':
      return constant === 0;
    case '>':
      return constant >= 0;
    case '>=':
      return constant > 0;
    case '<':
      return constant <= 0;
    case '<=':
      return constant < 0;
    default:
      return false;
  }
}

function isAbsOf(engine: NumericsEngine, node: TSESTree.Node, isSubject: (node: TSESTree.Node) => boolean): boolean {
  const inner = skipTypeWrappers(node);
  return engine.isMathCall(inner, 'abs') && inner.arguments.length === 1 && isSubject(inner.arguments[0]);
}

/**
 * Whether the code around `use` proves `subjects` non-zero: an enclosing `if`/ternary/`&&` whose condition
 * excludes 0 (`d !== 0`, `d > 0`, `d`, `Math.abs(d) > eps`, `xs.length > 0` for data `xs`), or an earlier early
 * exit (`if (d === 0) return 0;`, `if (!xs.length) throw …`).
 */
export function isGuardedAgainstZero(engine: NumericsEngine, use: TSESTree.Node, isSubject: (node: TSESTree.Node) => boolean): boolean {
  let child: TSESTree.Node = use;
  for (let parent = use.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      if (child === parent.consequent && excludesZero(engine, parent.test, true, isSubject)) return true;
      if (child === parent.alternate && excludesZero(engine, parent.test, false, isSubject)) return true;
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right) {
      if (excludesZero(engine, parent.left, parent.operator === '&&', isSubject)) return true;
    } else if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.SwitchCase) {
      const statements = parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : parent.body;
      for (const statement of statements) {
        if (statement === child) break;
        if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && exits(statement.consequent)) {
          if (excludesZero(engine, statement.test, false, isSubject)) return true;
        }
      }
    }
    // A callback passed inline (`xs.map((v) => v / total)`) runs under the conditions of the code around it.
    if (isFunction(parent) && !isInlineCallback(parent)) return false;
  }
  return false;
}

function isFunction(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

function isInlineCallback(fn: TSESTree.Node): boolean {
  return fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.parent?.type === AST_NODE_TYPES.CallExpression && fn.parent.callee !== fn;
}

// ---------------------------------------------------------------------------------------------------------------
// Polyfills: code that stands in for a missing `Math.<name>` must not be "fixed" to call it.

function mentionsMathMember(engine: NumericsEngine, node: TSESTree.Node, name: string): boolean {
  let found = false;
  const search = (child: TSESTree.Node): void => {
    if (found) return;
    if (child.type === AST_NODE_TYPES.MemberExpression && engine.isGlobalMember(child, 'Math')) {
      const property = child.property;
      if (!child.computed && property.type === AST_NODE_TYPES.Identifier && property.name === name) found = true;
    }
  };
  visitAll(node, search);
  return found;
}

function visitAll(node: TSESTree.Node, callback: (node: TSESTree.Node) => void): void {
  callback(node);
  for (const key of Object.keys(node) as (keyof typeof node)[]) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const value = node[key] as unknown;
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object' && typeof (item as TSESTree.Node).type === 'string') visitAll(item as TSESTree.Node, callback);
    } else if (value && typeof value === 'object' && typeof (value as TSESTree.Node).type === 'string') {
      visitAll(value as TSESTree.Node, callback);
    }
  }
}

/**
 * Whether `node` is inside a fallback for a missing `Math.<name>`: the right side of `Math.log1p || function …`,
 * or code after/under a test of `Math.<name>` (`if (Math.tanh != null) return Math.tanh(x); …`).
 */
export function isPolyfillOf(engine: NumericsEngine, node: TSESTree.Node, name: string): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child && mentionsMathMember(engine, parent.left, name)) return true;
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && child !== parent.test && mentionsMathMember(engine, parent.test, name)) {
      return true;
    }
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      for (const statement of parent.body) {
        if (statement === child) break;
        if (statement.type === AST_NODE_TYPES.IfStatement && mentionsMathMember(engine, statement.test, name)) return true;
      }
    }
  }
  return false;
}
