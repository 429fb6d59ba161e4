/**
 * Is this node inside differentiated code? TF.js records the ops run inside some functions on a tape and later
 * runs the gradient function of each recorded op; an op without one throws ("Cannot compute gradient: gradient
 * function not found for Equal."), and a NaN produced in a branch that `where` discards comes back as
 * `0 · NaN = NaN`. This module finds those functions and answers which values in them are on the tape.
 *
 * Differentiated functions (the roots):
 * - the function passed to `tf.grad`, `tf.grads`, `tf.valueAndGrad`, `tf.valueAndGrads` (its parameters are
 *   differentiated) and `tf.variableGrads` (the trainable variables are);
 * - the function passed to `<optimizer>.minimize(f)`, where the object is a `tf.train.*(…)` result (directly or
 *   through a `const`) or a name that matches /optim/i (`optimizer`, `this.optim`);
 * - a function given as `loss` to `<model>.compile({ loss })` (also inside an array or object of losses): its
 *   second parameter (`yPred`) is differentiated, the first (`yTrue`) is not;
 * - one level of local helpers: a function declared in the same file (a function declaration or a `const` bound
 *   to a function) and called by name from a root's body. Its parameters are differentiated when an argument
 *   passed at such a call is. Helpers of helpers, methods (`this.loss(…)`) and imported functions are not
 *   followed (known gap: a false negative, never a false positive).
 *
 * Not differentiated: the forward function of `tf.customGrad(f)`. Its ops are not recorded (measured with
 * TF.js 4.22: a `tf.divNoNan` or a `tf.norm` at the zero vector inside it differentiates fine, the gradient
 * comes from its `gradFunc`), so a `customGrad` function is a boundary, also when it is written inside a root.
 * Code nested inside a root (an inline `tf.tidy(() => …)`, a local arrow) counts as the root's code.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { NumericsEngine } from '../ops/engine.js';
import { memberName } from '../ops/engine.js';
import { isTensorMethodName } from '../ops/tf-ops.js';
import { constantInitializer, findVariable, skipTypeWrappers, visit, writeReferences, type Variable } from './bindings.js';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/**
 * How a function is differentiated. `inputs`: with respect to its parameters (`tf.grad` family); `variables`:
 * with respect to the trainable variables (`tf.variableGrads`, `optimizer.minimize`); `loss`: a Keras-style loss
 * `(yTrue, yPred)`, differentiated through `yPred`.
 */
export type DifferentiationKind = 'inputs' | 'variables' | 'loss';

export interface DifferentiatedFunction {
  readonly fn: FunctionNode;
  readonly kind: DifferentiationKind;
  /** For messages: `tf.grad`, `optimizer.minimize`, `a model.compile loss`. */
  readonly via: string;
  /** The root this helper is called from (one level), or null for a root. */
  readonly caller: DifferentiatedFunction | null;
}

/** Whether a value can carry a gradient: on the tape (`yes`), provably not (`no`), or not known. */
export type Taped = 'yes' | 'no' | 'unknown';

interface HelperCall {
  readonly call: TSESTree.CallExpression;
  readonly caller: DifferentiatedFunction;
}

interface Index {
  readonly roots: Map<FunctionNode, DifferentiatedFunction>;
  readonly helpers: Map<FunctionNode, DifferentiatedFunction>;
  /** The calls of each helper from differentiated code (to see which of its parameters are differentiated). */
  readonly helperCalls: Map<FunctionNode, HelperCall[]>;
  /** Forward functions of `tf.customGrad`: not recorded on the tape. */
  readonly boundaries: Set<FunctionNode>;
}

const GRAD_FUNCTIONS: Record<string, { kind: DifferentiationKind; via: string }> = {
  grad: { kind: 'inputs', via: 'tf.grad' },
  grads: { kind: 'inputs', via: 'tf.grads' },
  valueAndGrad: { kind: 'inputs', via: 'tf.valueAndGrad' },
  valueAndGrads: { kind: 'inputs', via: 'tf.valueAndGrads' },
  variableGrads: { kind: 'variables', via: 'tf.variableGrads' },
};

const OPTIMIZER_NAME = /optim/i;

/** TF.js constructors of constant tensors (their values carry no gradient). */
const CONSTANT_CONSTRUCTORS = new Set([
  'tensor', 'tensor1d', 'tensor2d', 'tensor3d', 'tensor4d', 'scalar', 'fill', 'zeros', 'ones', 'randomNormal',
  'randomUniform', 'truncatedNormal', 'oneHot',
]);

/** Tensor methods whose result is a plain JS value, never a tensor on the tape. */
const NON_TENSOR_METHODS = new Set(['dataSync', 'arraySync', 'data', 'array', 'bufferSync', 'buffer', 'toString', 'print', 'dispose']);

/** Properties of a tensor that are plain JS values. */
const NON_TENSOR_PROPERTIES = new Set(['shape', 'rank', 'size', 'dtype', 'length', 'id', 'strides']);

/** Methods of a model or layer whose result depends on its (trainable) weights. */
const MODEL_METHODS = new Set(['predict', 'apply', 'call', 'execute', 'predictOnBatch']);

const indexes = new WeakMap<NumericsEngine, Index>();

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** The function an expression denotes: an inline function, or a name bound once to a local function. */
export function resolveFunction(engine: NumericsEngine, expression: TSESTree.Node): FunctionNode | null {
  const node = skipTypeWrappers(expression);
  if (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) return node;
  if (node.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = findVariable(engine.sourceCode, node);
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (def.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def.type === 'Variable' && def.node.init && writeReferences(variable).length === 0) {
    const init = skipTypeWrappers(def.node.init);
    if (init.type === AST_NODE_TYPES.ArrowFunctionExpression || init.type === AST_NODE_TYPES.FunctionExpression) return init;
  }
  return null;
}

/** `tf.train.adam(…)`, `train.sgd(…)` through the file's TF.js binding. */
function isOptimizerConstruction(engine: NumericsEngine, node: TSESTree.Node): boolean {
  const call = skipTypeWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTypeWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const train = skipTypeWrappers(callee.object);
  const { namespace, named } = engine.tf.bindings;
  if (train.type === AST_NODE_TYPES.Identifier) return named.get('train') === train.name && isTopLevelBinding(engine, train);
  if (train.type !== AST_NODE_TYPES.MemberExpression || memberName(train) !== 'train') return false;
  const tf = skipTypeWrappers(train.object);
  return tf.type === AST_NODE_TYPES.Identifier && tf.name === namespace && isTopLevelBinding(engine, tf);
}

/** The identifier is the module-level binding of that name (not a shadowing parameter). */
function isTopLevelBinding(engine: NumericsEngine, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(engine.sourceCode, identifier);
  return variable !== null && variable.scope.type !== 'function' && variable.scope.type !== 'block' && variable.defs.length > 0;
}

/** The object of `x.minimize(f)` is an optimizer: a `tf.train.*` result, or named like one. */
function isOptimizer(engine: NumericsEngine, object: TSESTree.Node): boolean {
  const node = skipTypeWrappers(object);
  if (isOptimizerConstruction(engine, node)) return true;
  if (node.type === AST_NODE_TYPES.Identifier) {
    if (OPTIMIZER_NAME.test(node.name)) return true;
    const binding = constantInitializer(engine.sourceCode, node);
    return binding !== null && isOptimizerConstruction(engine, binding.init);
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    return name !== null && OPTIMIZER_NAME.test(name);
  }
  return false;
}

/** The loss functions of `model.compile({ loss })`: one, or several in an array or object. */
function lossFunctions(engine: NumericsEngine, value: TSESTree.Node): FunctionNode[] {
  const node = skipTypeWrappers(value);
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    return node.elements.flatMap((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? lossFunctions(engine, element) : []));
  }
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    return node.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property ? lossFunctions(engine, property.value) : []));
  }
  const fn = resolveFunction(engine, node);
  return fn ? [fn] : [];
}

function buildIndex(engine: NumericsEngine): Index {
  const roots = new Map<FunctionNode, DifferentiatedFunction>();
  const boundaries = new Set<FunctionNode>();
  const addRoot = (fn: FunctionNode | null, kind: DifferentiationKind, via: string): void => {
    if (fn && !roots.has(fn)) roots.set(fn, { fn, kind, via, caller: null });
  };

  for (const [call, name] of engine.tf.calls) {
    if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length === 0) continue;
    const grad = GRAD_FUNCTIONS[name];
    if (grad) addRoot(resolveFunction(engine, call.arguments[0]), grad.kind, grad.via);
    if (name === 'customGrad') {
      const fn = resolveFunction(engine, call.arguments[0]);
      if (fn) boundaries.add(fn);
    }
  }

  // `x.minimize(f)` and `model.compile({ loss })` are found by walking the file, only when its text mentions them.
  const text = engine.sourceCode.text;
  if (engine.tf.importsTf && (text.includes('minimize') || text.includes('compile'))) {
    walkCalls(engine, (node) => {
      if (node.arguments.length === 0) return;
      const callee = skipTypeWrappers(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = memberName(callee);
      if (method === 'minimize' && isOptimizer(engine, callee.object)) {
        addRoot(resolveFunction(engine, node.arguments[0]), 'variables', 'optimizer.minimize');
      } else if (method === 'compile' && node.arguments[0].type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of node.arguments[0].properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
          const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? property.key.value : null;
          if (key !== 'loss') continue;
          for (const fn of lossFunctions(engine, property.value)) addRoot(fn, 'loss', 'a model.compile loss');
        }
      }
    });
  }

  // One level of local helpers called by name from a root.
  const helpers = new Map<FunctionNode, DifferentiatedFunction>();
  const helperCalls = new Map<FunctionNode, HelperCall[]>();
  for (const root of roots.values()) {
    visit(root.fn.body, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = skipTypeWrappers(node.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier) return;
      const fn = resolveFunction(engine, callee);
      if (!fn || roots.has(fn) || boundaries.has(fn) || contains(root.fn, fn)) return;
      if (!helpers.has(fn)) helpers.set(fn, { fn, kind: root.kind, via: root.via, caller: root });
      const calls = helperCalls.get(fn) ?? [];
      calls.push({ call: node, caller: root });
      helperCalls.set(fn, calls);
    });
  }
  return { roots, helpers, helperCalls, boundaries };
}

/** Every call expression of the file, through ESLint's visitor keys. */
function walkCalls(engine: NumericsEngine, callback: (node: TSESTree.CallExpression) => void): void {
  const keys = engine.sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: TSESTree.Node[] = [engine.sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.CallExpression) callback(node);
    for (const key of keys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item === 'object' && 'type' in item) stack.push(item as TSESTree.Node);
      } else if (value && typeof value === 'object' && 'type' in value) {
        stack.push(value as TSESTree.Node);
      }
    }
  }
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function getIndex(engine: NumericsEngine): Index {
  let index = indexes.get(engine);
  if (!index) {
    index = buildIndex(engine);
    indexes.set(engine, index);
  }
  return index;
}

/**
 * The differentiated function whose code `node` is (the innermost one that is a root or a helper), or null when
 * the node is not in differentiated code (or inside a `tf.customGrad` forward function).
 */
export function differentiatedFunction(engine: NumericsEngine, node: TSESTree.Node): DifferentiatedFunction | null {
  if (!engine.tf.importsTf) return null;
  const index = getIndex(engine);
  if (index.roots.size === 0) return null;
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (!isFunctionNode(current)) continue;
    if (index.boundaries.has(current)) return null;
    const found = index.roots.get(current) ?? index.helpers.get(current);
    if (found) return found;
  }
  return null;
}

/** True when `node` is in code TF.js differentiates (see the module comment for what counts). */
export function isInDifferentiatedCode(engine: NumericsEngine, node: TSESTree.Node): boolean {
  return differentiatedFunction(engine, node) !== null;
}

/** A short description for messages: "the function passed to tf.grad", "`loss`, called from …". */
export function describeDifferentiated(context: DifferentiatedFunction): string {
  const root = context.caller ?? context;
  const base = root.kind === 'loss' ? 'a loss given to model.compile' : `the function passed to ${root.via}`;
  if (!context.caller) return base;
  const name = functionName(context.fn);
  return name ? `\`${name}\`, called from ${base}` : `a helper called from ${base}`;
}

function functionName(fn: FunctionNode): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Which values are on the tape.

function combine(values: readonly Taped[]): Taped {
  if (values.includes('yes')) return 'yes';
  return values.every((value) => value === 'no') ? 'no' : 'unknown';
}

/**
 * Whether the value of `expression` (evaluated inside the differentiated function `context`) depends on what is
 * differentiated: a differentiated parameter, a trainable variable (for `variables`), a model's output (for
 * `variables`), or a TF.js op on any of these. Constants, labels (`yTrue`), values captured from outside a
 * `tf.grad` function and plain JS values (`x.shape`, `x.dataSync()`) are not.
 */
export function tapedness(engine: NumericsEngine, context: DifferentiatedFunction, expression: TSESTree.Node, depth = 0): Taped {
  if (depth > 12) return 'unknown';
  const node = skipTypeWrappers(expression);
  const next = (child: TSESTree.Node): Taped => tapedness(engine, context, child, depth + 1);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression: // JS arithmetic: numbers, not tensors
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.UpdateExpression:
    case AST_NODE_TYPES.ObjectExpression:
      return 'no';
    case AST_NODE_TYPES.ArrayExpression:
      return combine(node.elements.map((element) => (element ? next(element.type === AST_NODE_TYPES.SpreadElement ? element.argument : element) : 'no')));
    case AST_NODE_TYPES.ConditionalExpression:
      return combine([next(node.consequent), next(node.alternate)]);
    case AST_NODE_TYPES.LogicalExpression:
      return combine([next(node.left), next(node.right)]);
    case AST_NODE_TYPES.Identifier:
      return identifierTapedness(engine, context, node, depth);
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(node);
      if (name !== null && NON_TENSOR_PROPERTIES.has(name)) return 'no';
      const object = next(node.object);
      if (object === 'yes') return 'yes';
      return context.kind === 'variables' ? 'unknown' : object;
    }
    case AST_NODE_TYPES.CallExpression:
      return callTapedness(engine, context, node, depth);
    default:
      return 'unknown';
  }
}

function identifierTapedness(engine: NumericsEngine, context: DifferentiatedFunction, node: TSESTree.Identifier, depth: number): Taped {
  if (engine.isConstant(node)) return 'no';
  const variable = findVariable(engine.sourceCode, node);
  if (!variable || variable.defs.length === 0) return 'unknown'; // an undeclared global
  const def = variable.defs[0];
  if (def.type === 'Parameter') return parameterTapedness(engine, context, variable, def.node as TSESTree.Node, depth);
  if (def.type === 'ImportBinding' || def.type === 'ClassName' || def.type === 'FunctionName') {
    return context.kind === 'variables' && def.type === 'ImportBinding' ? 'unknown' : 'no';
  }
  const binding = constantInitializer(engine.sourceCode, node);
  const inside = contains(context.fn, def.name);
  if (binding) {
    const init = skipTypeWrappers(binding.init);
    if (init.type === AST_NODE_TYPES.CallExpression && engine.tf.calls.get(init) === 'variable') return context.kind === 'variables' ? 'yes' : 'no';
    if (inside) return tapedness(engine, context, init, depth + 1);
    // Computed before the tape starts by a TF.js op (not tf.variable): a constant for every kind. Other values
    // captured by a minimize/variableGrads function may be variables (`model.getWeights()[0]`).
    if (context.kind === 'variables' && isTensorOpResult(engine, init)) return 'no';
  }
  if (inside) return 'unknown'; // written more than once inside the differentiated function
  // Captured from outside: constant for `tf.grad` (only its inputs are differentiated) and for a loss (only yPred is).
  return context.kind === 'variables' ? 'unknown' : 'no';
}

/** A literal, or the result of a TF.js op other than `tf.variable` (functional, or chained on a tensor). */
function isTensorOpResult(engine: NumericsEngine, init: TSESTree.Node): boolean {
  if (engine.isConstant(init)) return true;
  if (init.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = engine.tf.calls.get(init);
  if (name !== undefined) return name !== 'variable';
  const callee = skipTypeWrappers(init.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  return method !== null && isTensorMethodName(method) && engine.producesTensor({ node: callee.object, env: null });
}

function parameterTapedness(engine: NumericsEngine, context: DifferentiatedFunction, variable: Variable, fnNode: TSESTree.Node, depth: number): Taped {
  if (!isFunctionNode(fnNode)) return 'unknown';
  const position = fnNode.params.findIndex((param) => {
    const inner = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    return inner.type === AST_NODE_TYPES.Identifier && findVariable(engine.sourceCode, inner) === variable;
  });
  if (fnNode === context.fn) {
    if (context.caller) return helperParameterTapedness(engine, context, position, depth);
    if (position < 0) return 'unknown'; // destructured or rest
    if (context.kind === 'inputs') return 'yes';
    if (context.kind === 'loss') return position === 1 ? 'yes' : position === 0 ? 'no' : 'unknown';
    return 'unknown';
  }
  // A parameter of a function nested in the differentiated code (a callback) or of an enclosing function.
  if (contains(context.fn, fnNode)) return 'unknown';
  return context.kind === 'variables' ? 'unknown' : 'no';
}

function helperParameterTapedness(engine: NumericsEngine, context: DifferentiatedFunction, position: number, depth: number): Taped {
  if (position < 0) return 'unknown';
  const calls = getIndex(engine).helperCalls.get(context.fn) ?? [];
  if (calls.length === 0) return 'unknown';
  return combine(
    calls.map(({ call, caller }) => {
      const argument = call.arguments[position];
      if (!argument) return 'no';
      if (argument.type === AST_NODE_TYPES.SpreadElement) return 'unknown';
      return tapedness(engine, caller, argument, depth + 1);
    }),
  );
}

function callTapedness(engine: NumericsEngine, context: DifferentiatedFunction, node: TSESTree.CallExpression, depth: number): Taped {
  const next = (child: TSESTree.Node): Taped => tapedness(engine, context, child, depth + 1);
  const args = (): Taped[] => node.arguments.map((arg) => next(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg));
  const tfName = engine.tf.calls.get(node);
  if (tfName !== undefined) {
    if (tfName === 'variable') return context.kind === 'variables' ? 'yes' : 'no';
    if (CONSTANT_CONSTRUCTORS.has(tfName)) return 'no';
    if (GRAD_FUNCTIONS[tfName] || tfName === 'customGrad') return 'unknown';
    return combine(args());
  }
  const callee = skipTypeWrappers(node.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(callee);
    if (method !== null && NON_TENSOR_METHODS.has(method)) return 'no';
    if (callee.object.type === AST_NODE_TYPES.Identifier && ['Math', 'Number', 'JSON', 'Object', 'Array', 'console'].includes(callee.object.name)) {
      const variable = findVariable(engine.sourceCode, callee.object);
      if (!variable || variable.defs.length === 0) return 'no';
    }
    if (method !== null && MODEL_METHODS.has(method) && context.kind === 'variables') return 'yes';
    const parts = [next(callee.object), ...args()];
    if (method !== null && isTensorMethodName(method)) return combine(parts);
    return parts.includes('yes') ? 'yes' : 'unknown';
  }
  const parts = args();
  if (parts.includes('yes')) return 'yes';
  if (callee.type === AST_NODE_TYPES.Identifier && context.kind !== 'variables' && parts.every((part) => part === 'no')) {
    // A function declared outside the differentiated function cannot see its differentiated inputs.
    const variable = findVariable(engine.sourceCode, callee);
    const def = variable?.defs[0];
    if (def && !contains(context.fn, def.name)) return 'no';
  }
  return 'unknown';
}
