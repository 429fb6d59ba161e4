/**
 * The numerics engine: recognises a numeric operation in every spelling and follows `const` temporaries, so
 * rules match normalised operations instead of raw AST. One engine per file, cached and shared by all rules.
 */
import { getStaticValue } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  constantInitializer,
  findVariable,
  isGlobalName,
  skipTypeWrappers,
  visit,
  writeReferences,
  type Variable,
} from '../analysis/bindings.js';
import { readSettings, type NumericsSettings } from '../analysis/settings.js';
import { getTfIndex, importsTfModule, type TfIndex } from '../analysis/tf-index.js';
import { createTypeOracle, type TypeOracle } from '../analysis/types.js';
import { matchArrayOp, matchLoopAccumulator } from './arrays.js';
import { isTensorMethodName } from './tf-ops.js';
import type { Domain, ElementBinding, Op, OpName, Operand, Spelling, Temporary } from './types.js';

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** An operand after following temporaries: the expression reached and the temporaries passed through. */
export type Resolved = Readonly<Operand & { through: readonly Temporary[] }>;

/** How many operands each op takes before its options (`tf.sum(x, axis, keepDims)` has one). */
const OPERAND_COUNT: Record<OpName, number> = {
  exp: 1, log: 1, log1p: 1, expm1: 1, sqrt: 1, square: 1, abs: 1, neg: 1, tanh: 1, reciprocal: 1,
  sum: 1, mean: 1, max: 1, min: 1, softmax: 1, logSoftmax: 1, logSumExp: 1, sigmoid: 1, logSigmoid: 1,
  softplus: 1, clipByValue: 1,
  add: 2, sub: 2, mul: 2, div: 2, pow: 2, maximum: 2, minimum: 2,
};

const TF_OP_NAMES: ReadonlySet<string> = new Set(Object.keys(OPERAND_COUNT));

/** The most trailing option arguments each op accepts; a call with more is some other API (`logger.log(a, b)`). */
const MAX_OPTIONS: Partial<Record<OpName, number>> = {
  sum: 2, mean: 2, max: 2, min: 2, logSumExp: 2, softmax: 1, logSoftmax: 1, clipByValue: 2,
};

const MATH_UNARY: Record<string, OpName> = {
  exp: 'exp', log: 'log', log1p: 'log1p', expm1: 'expm1', sqrt: 'sqrt', abs: 'abs', tanh: 'tanh',
};

const OPERATORS: Record<string, OpName> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '**': 'pow' };

/** Kernels whose calls count as the operation of the same name, and whether they take arrays or numbers. */
const KERNEL_OPS: Record<string, { op: OpName; domain: Domain }> = {
  sum: { op: 'sum', domain: 'array' },
  mean: { op: 'mean', domain: 'array' },
  softmax: { op: 'softmax', domain: 'array' },
  logSoftmax: { op: 'logSoftmax', domain: 'array' },
  logSumExp: { op: 'logSumExp', domain: 'array' },
  sigmoid: { op: 'sigmoid', domain: 'number' },
  logSigmoid: { op: 'logSigmoid', domain: 'number' },
  softplus: { op: 'softplus', domain: 'number' },
};

/** `mayBe` for `xs.map(…)`: the op of the callback, any op. */
const ANY_OP = 'any';

/** Callee names whose call can be more than the op of the same name (Math.pow(x, 2) is a square, …). */
const CALL_CANDIDATES: ReadonlyMap<string, readonly OpName[] | typeof ANY_OP> = new Map<string, readonly OpName[] | typeof ANY_OP>([
  ...Object.entries(MATH_UNARY).map(([name, op]) => [name, [op]] as const),
  ['map', ANY_OP],
  ['reduce', ['sum', 'max']],
  ['pow', ['pow', 'square']],
  ['max', ['max', 'maximum']],
  ['min', ['min', 'minimum']],
]);

/**
 * The op a local helper of this name may compute, given a body that exponentiates and divides: a name containing
 * `softmax` that is not a log-softmax, or `sigmoid`/`logistic`/`expit` that is not a log-sigmoid (the `log` of
 * `logistic` does not count). Case-insensitive. Substring tests, no regex and no memo: it is asked once per call
 * node (callCandidatesOf is cached per node), and a module-level memo of names would keep each linted file's
 * source text alive through V8's sliced strings.
 */
export function helperOpOf(name: string): OpName | null {
  if (name.length < 5) return null;
  const lower = name.toLowerCase();
  const hasLog = lower.includes('log');
  if (lower.includes('softmax') && !hasLog) return 'softmax';
  if (lower.includes('sigmoid') || lower.includes('logistic') || lower.includes('expit')) {
    return hasLog && lower.replaceAll('logistic', '').includes('log') ? null : 'sigmoid';
  }
  return null;
}

/** Globals that are never tensors, so `Math.exp()` or `JSON.parse().log()` is not a chained tensor op. */
const NON_TENSOR_GLOBALS = new Set(['Math', 'Number', 'JSON', 'Object', 'Array', 'console', 'Date', 'String', 'Promise', 'Reflect']);

const MAX_FOLLOW_DEPTH = 12;

export class NumericsEngine {
  readonly sourceCode: TSESLint.SourceCode;
  readonly settings: NumericsSettings;
  readonly tf: TfIndex;
  /** Local names bound to kernels of the kernel module: local name → kernel name. */
  readonly kernelBindings: Map<string, string>;
  // Per-node caches. Plain maps, not weak ones: the engine lives exactly as long as its file's AST (the `engines`
  // WeakMap below), and a weak map's entries are ephemerons, which the garbage collector traces at a premium.
  private readonly opCache = new Map<TSESTree.Node, Op | null>();
  private readonly staticCache = new Map<TSESTree.Node, { value: unknown } | null>();
  private readonly resolveCache = new Map<TSESTree.Node, Resolved>();
  private readonly callCandidates = new Map<TSESTree.CallExpression, readonly OpName[] | typeof ANY_OP | null>();
  private readonly memos = new Map<object, Map<TSESTree.Node, unknown>>();
  /** With `settings.numerics.typed` and type information: the type checker's answer on tensors. */
  private readonly types: TypeOracle | null;
  /** Whether the type checker is asked (then recognising a chained call costs a type query). */
  get typed(): boolean {
    return this.types !== null;
  }
  /**
   * Whether any value of the file can be recognised as a tensor: it imports TF.js, or the type checker is asked.
   * Without either no op has the tensor domain, so rules about TF.js APIs alone skip the file.
   */
  readonly mayHoldTensors: boolean;

  constructor(sourceCode: TSESLint.SourceCode, settings: NumericsSettings) {
    this.sourceCode = sourceCode;
    this.settings = settings;
    this.tf = getTfIndex(sourceCode, settings.tfModules);
    this.kernelBindings = findKernelBindings(sourceCode.ast, settings.kernelModule);
    this.types = settings.typed ? createTypeOracle(sourceCode) : null;
    this.mayHoldTensors = this.tf.importsTf || this.types !== null;
  }

  /**
   * A pattern's own per-node answers for this file, one table per `owner` (a module-level token of the pattern).
   * Owned by the engine, so the table goes with the file; a plain map for the reason given at `opCache`.
   */
  memo<V>(owner: object): Map<TSESTree.Node, V> {
    let table = this.memos.get(owner);
    if (!table) {
      table = new Map();
      this.memos.set(owner, table);
    }
    return table as Map<TSESTree.Node, V>;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Resolution: see through parentheses-free wrappers, const temporaries and element bindings.

  /** The expression behind an operand: type wrappers skipped, temporaries and element variables followed. */
  resolve(operand: Operand, through: readonly Temporary[] = []): Resolved {
    // Shared, not copied: every rule resolves the same operands, and a copy per call was most of the garbage.
    if (operand.env === null && through.length === 0) {
      const cached = this.resolveCache.get(operand.node);
      if (cached) return cached;
      const result = this.resolveUncached(operand, through);
      this.resolveCache.set(operand.node, result);
      return result;
    }
    return this.resolveUncached(operand, through);
  }

  private resolveUncached(operand: Operand, through: readonly Temporary[]): Resolved {
    let current: Operand = { node: skipTypeWrappers(operand.node), env: operand.env };
    const followed = [...through];
    for (let depth = 0; depth < MAX_FOLLOW_DEPTH; depth++) {
      const node = current.node;
      const element = this.elementOf(current);
      if (element) {
        current = { node: skipTypeWrappers(element.node), env: element.env };
        continue;
      }
      if (node.type !== AST_NODE_TYPES.Identifier) break;
      const binding = constantInitializer(this.sourceCode, node);
      if (!binding) break;
      followed.push({ variable: binding.variable, declarator: binding.declarator, reference: node });
      current = { node: skipTypeWrappers(binding.init), env: current.env };
    }
    return { ...current, through: followed };
  }

  /**
   * See through element bindings only (not temporaries): `v` in `xs.map((v) => …)` becomes `xs`. The result's env
   * is null when the operand is, in the end, a whole array or an ordinary expression.
   */
  unwrapElement(operand: Operand): Operand {
    let current: Operand = { node: skipTypeWrappers(operand.node), env: operand.env };
    for (let depth = 0; depth < MAX_FOLLOW_DEPTH; depth++) {
      const element = this.elementOf(current);
      if (!element) break;
      current = { node: skipTypeWrappers(element.node), env: element.env };
    }
    return current;
  }

  /** True when the operand's expression reads no element variable (its text means the same outside the loop). */
  isFreeOfElements(operand: Operand): boolean {
    if (!operand.env) return true;
    const bound = new Set<Variable>();
    for (let binding: ElementBinding | null = operand.env; binding; binding = binding.parent) bound.add(binding.variable);
    let free = true;
    visit(operand.node, (child) => {
      if (child.type === AST_NODE_TYPES.Identifier) {
        const variable = findVariable(this.sourceCode, child);
        if (variable && bound.has(variable)) free = false;
      }
    });
    return free;
  }

  /** If the operand is an element variable (`v` in `xs.map((v) => …)`, `xs[i]` in a loop), the array. */
  private elementOf(operand: Operand): Operand | null {
    const node = operand.node;
    for (let binding = operand.env; binding; binding = binding.parent) {
      if (binding.kind === 'element' && node.type === AST_NODE_TYPES.Identifier) {
        if (findVariable(this.sourceCode, node) === binding.variable) return binding.array;
      }
      if (
        binding.kind === 'index' &&
        node.type === AST_NODE_TYPES.MemberExpression &&
        node.computed &&
        node.property.type === AST_NODE_TYPES.Identifier &&
        findVariable(this.sourceCode, node.property) === binding.variable &&
        this.sameReference(node.object, binding.array.node)
      ) {
        return binding.array;
      }
    }
    return null;
  }

  /** The operation an operand performs, following temporaries; null when it is not a known operation. */
  op(operand: Operand | TSESTree.Node): Op | null {
    const start: Operand = 'type' in operand ? { node: operand, env: null } : operand;
    const resolved = this.resolve(start);
    const base = this.matchNode(resolved);
    if (!base) return null;
    return resolved.through.length > 0 ? { ...base, through: [...resolved.through, ...base.through] } : base;
  }

  /**
   * `op(operand)` when it can be one of `ops`, else null: an operand written as something else (`v.x`, `a + b`)
   * is rejected by `mayBe` before it is resolved. Identifiers (temporaries) and element variables are resolved.
   */
  opIf(operand: Operand, ops: ReadonlySet<OpName>): Op | null {
    if (operand.env === null && !this.mayBe(operand.node, ops)) return null;
    const op = this.op(operand);
    return op && ops.has(op.op) ? op : null;
  }

  /**
   * The operation at the top of a pattern: `matchNode(node)` when it can be one of `ops`, else null. Listeners run
   * on every call and binary expression of a file and most are none of the ops a pattern starts with; `mayBe`
   * rejects those from their syntax alone, before anything is recognised, resolved or allocated.
   */
  matchTop(node: TSESTree.Node, ops: ReadonlySet<OpName>): Op | null {
    if (!this.mayBe(node, ops)) return null;
    const op = this.matchNode({ node, env: null });
    return op && ops.has(op.op) ? op : null;
  }

  /**
   * A syntactic over-approximation of `ops.has(matchNode(node).op)`: false only when no spelling that
   * `recognise` accepts at this node gives one of `ops` (tests/meta/may-be.test.ts checks it on real code).
   */
  mayBe(node: TSESTree.Node, ops: ReadonlySet<OpName>): boolean {
    const inner = skipTypeWrappers(node);
    switch (inner.type) {
      case AST_NODE_TYPES.BinaryExpression: {
        const op = OPERATORS[inner.operator];
        return op !== undefined && (ops.has(op) || (op === 'pow' && ops.has('square')));
      }
      case AST_NODE_TYPES.UnaryExpression:
        return inner.operator === '-' && ops.has('neg');
      case AST_NODE_TYPES.CallExpression:
        return this.callMayBe(inner, ops);
      case AST_NODE_TYPES.Identifier:
        return true; // a loop accumulator (ops/arrays)
      default:
        return false;
    }
  }

  private callMayBe(node: TSESTree.CallExpression, ops: ReadonlySet<OpName>): boolean {
    let candidates = this.callCandidates.get(node);
    if (candidates === undefined) {
      candidates = this.callCandidatesOf(node);
      this.callCandidates.set(node, candidates);
    }
    if (candidates === null) return false;
    if (candidates === ANY_OP) return true;
    for (const op of candidates) if (ops.has(op)) return true;
    return false;
  }

  /** The ops a call can be from its callee's name alone (asked by every rule for every call: computed once). */
  private callCandidatesOf(node: TSESTree.CallExpression): readonly OpName[] | typeof ANY_OP | null {
    const tfName = this.tf.calls.get(node);
    if (tfName !== undefined) return TF_OP_NAMES.has(tfName) ? (CALL_CANDIDATES.get(tfName) ?? [tfName as OpName]) : null;
    const callee = skipTypeWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const kernel = this.kernelBindings.get(callee.name);
      const kernelOp = kernel !== undefined && Object.hasOwn(KERNEL_OPS, kernel) ? KERNEL_OPS[kernel].op : null;
      const helperOp = helperOpOf(callee.name);
      if (kernelOp === null) return helperOp === null ? null : [helperOp];
      return helperOp === null ? [kernelOp] : [kernelOp, helperOp];
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const name = memberName(callee);
    if (name === null) return null;
    // Math.<name>(…), x.<name>(…) on a tensor, xs.map/reduce(…)
    return CALL_CANDIDATES.get(name) ?? (TF_OP_NAMES.has(name) ? [name as OpName] : null);
  }

  /** The operation written at this node itself (no temporaries followed for the node, only inside it). */
  matchNode(operand: Operand): Op | null {
    const node = skipTypeWrappers(operand.node);
    if (operand.env === null) {
      const cached = this.opCache.get(node);
      if (cached !== undefined) return cached;
    }
    const result = this.recognise({ node, env: operand.env });
    if (operand.env === null) this.opCache.set(node, result);
    return result;
  }

  private recognise(operand: Operand): Op | null {
    const { node, env } = operand;
    switch (node.type) {
      case AST_NODE_TYPES.BinaryExpression: {
        const op = OPERATORS[node.operator];
        if (!op || node.left.type === AST_NODE_TYPES.PrivateIdentifier) return null;
        if (op === 'pow' && this.staticNumber(node.right) === 2) {
          return this.make('square', node, [{ node: node.left, env }], [], 'operator', 'number');
        }
        return this.make(op, node, [{ node: node.left, env }, { node: node.right, env }], [], 'operator', 'number');
      }
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator === '-' ? this.make('neg', node, [{ node: node.argument, env }], [], 'operator', 'number') : null;
      case AST_NODE_TYPES.CallExpression:
        return this.recogniseCall(node, env);
      case AST_NODE_TYPES.Identifier:
        return matchLoopAccumulator(this, node, env);
      default:
        return null;
    }
  }

  private recogniseCall(node: TSESTree.CallExpression, env: ElementBinding | null): Op | null {
    if (node.arguments.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement) && !this.isMathCall(node, 'max') && !this.isMathCall(node, 'min')) {
      return null;
    }
    const args = node.arguments as TSESTree.Node[];

    // TF.js functional: tf.exp(x), exp(x), tfAlias.losses.logLoss(…)
    const tfName = this.tf.calls.get(node);
    if (tfName !== undefined) {
      if (!TF_OP_NAMES.has(tfName)) return null;
      const op = tfName as OpName;
      const count = OPERAND_COUNT[op];
      if (args.length < count || args.length > count + (MAX_OPTIONS[op] ?? 0)) return null;
      return this.make(op, node, args.slice(0, count).map((arg) => ({ node: arg, env })), args.slice(count), 'tf-functional', 'tensor');
    }

    const callee = skipTypeWrappers(node.callee);

    // Math.*: Math.exp(x), Math.pow(x, 2), Math.max(...xs)
    if (callee.type === AST_NODE_TYPES.MemberExpression && this.isGlobalMember(callee, 'Math')) {
      const name = memberName(callee);
      if (name === null) return null;
      if (MATH_UNARY[name] && args.length === 1) return this.make(MATH_UNARY[name], node, [{ node: args[0], env }], [], 'math', 'number');
      if (name === 'pow' && args.length === 2) {
        if (this.staticNumber(args[1]) === 2) return this.make('square', node, [{ node: args[0], env }], [], 'math', 'number');
        return this.make('pow', node, [{ node: args[0], env }, { node: args[1], env }], [], 'math', 'number');
      }
      if ((name === 'max' || name === 'min') && args.length === 1 && args[0].type === AST_NODE_TYPES.SpreadElement) {
        return this.make(name, node, [{ node: args[0].argument, env }], [], 'math', 'array');
      }
      if ((name === 'max' || name === 'min') && args.length === 2) {
        return this.make(name === 'max' ? 'maximum' : 'minimum', node, args.map((arg) => ({ node: arg, env })), [], 'math', 'number');
      }
      return null;
    }

    // Kernels imported from eslint-plugin-numerics/kernels
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const kernel = this.kernelBindings.get(callee.name);
      if (kernel && KERNEL_OPS[kernel] && args.length >= 1 && this.isImportBinding(callee)) {
        const { op, domain } = KERNEL_OPS[kernel];
        return this.make(op, node, [{ node: args[0], env }], args.slice(1), 'kernel', domain);
      }
      const local = this.localFunctionOp(callee);
      if (local && args.length >= 1) return this.make(local.op, node, [{ node: args[0], env }], args.slice(1), 'local-function', local.domain);
      return null;
    }

    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const method = memberName(callee);
    if (method === null) return null;

    // Arrays: xs.reduce((a, b) => a + b, 0), xs.map(Math.exp)
    const arrayOp = matchArrayOp(this, node, callee, method, env);
    if (arrayOp !== undefined) return arrayOp;

    // TF.js chained: x.exp().sum(1).log()
    if (isTensorMethodName(method) && TF_OP_NAMES.has(method) && this.isTensor({ node: callee.object, env })) {
      const op = method as OpName;
      const count = OPERAND_COUNT[op] - 1;
      if (args.length < count || args.length > count + (MAX_OPTIONS[op] ?? 0)) return null;
      const operands = [{ node: callee.object, env }, ...args.slice(0, count).map((arg) => ({ node: arg, env }))];
      return this.make(op, node, operands, args.slice(count), 'tf-chained', 'tensor');
    }
    return null;
  }

  make(op: OpName, node: TSESTree.Node, operands: Operand[], options: TSESTree.Node[], spelling: Spelling, domain: Domain, extra?: Partial<Op>): Op {
    // A number operation on an element variable (`Math.exp(v)` in `xs.map((v) => …)`) is element-wise on the array.
    const elementwise = domain === 'number' && operands.some((operand) => operand.env !== null && !this.isFreeOfElements(operand));
    return { op, node, operands, options, spelling, domain: elementwise ? 'array' : domain, through: [], ...extra };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Questions rules ask.

  /**
   * Whether an expression is (very likely) a TF.js tensor: it is produced by a TF.js op, or the file works with
   * TF.js and nothing says the value is something else (a literal, an object literal, another module, `Math`).
   */
  isTensor(operand: Operand): boolean {
    const resolved = this.resolve(operand);
    const node = resolved.node;
    const op = this.matchNode(resolved);
    if (op) return op.domain === 'tensor';
    if (node.type === AST_NODE_TYPES.CallExpression && this.tf.calls.has(node)) return true;
    const typed = this.types?.isTensor(node);
    if (typed !== undefined) return typed;
    if (!this.tf.importsTf) return false;
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        if (NON_TENSOR_GLOBALS.has(node.name) && isGlobalName(this.sourceCode, node)) return false;
        const variable = findVariable(this.sourceCode, node);
        return variable === null || !isKnownNonTensor(variable);
      }
      case AST_NODE_TYPES.MemberExpression:
        return node.object.type !== AST_NODE_TYPES.Identifier || !(NON_TENSOR_GLOBALS.has(node.object.name) && isGlobalName(this.sourceCode, node.object));
      case AST_NODE_TYPES.CallExpression: {
        // A method call on a tensor that we do not model (`x.reshape()`, `model.predict()`) may return a tensor.
        return node.callee.type === AST_NODE_TYPES.MemberExpression && this.isTensor({ node: node.callee.object, env: resolved.env });
      }
      default:
        return false;
    }
  }

  /** Strong evidence only: the value is the result of a TF.js op or call (so `value.op()` chaining is safe). */
  producesTensor(operand: Operand): boolean {
    const resolved = this.resolve(operand);
    const op = this.matchNode(resolved);
    if (op) return op.domain === 'tensor';
    return resolved.node.type === AST_NODE_TYPES.CallExpression && this.tf.calls.has(resolved.node);
  }

  /** `Math.<name>(…)` with an unshadowed global `Math`. */
  isMathCall(node: TSESTree.Node, name: string): node is TSESTree.CallExpression {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = skipTypeWrappers(node.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && this.isGlobalMember(callee, 'Math') && memberName(callee) === name;
  }

  isGlobalMember(member: TSESTree.MemberExpression, objectName: string): boolean {
    const object = skipTypeWrappers(member.object);
    return object.type === AST_NODE_TYPES.Identifier && object.name === objectName && isGlobalName(this.sourceCode, object);
  }

  /** The numeric value of a constant expression (`1`, `1.0`, a local `const ONE = 1`, `Number.EPSILON`). */
  staticNumber(node: TSESTree.Node): number | undefined {
    const value = this.staticValue(node);
    return value && typeof value.value === 'number' ? value.value : undefined;
  }

  /** getStaticValue, cached per node: every rule asks about the same operands. */
  private staticValue(node: TSESTree.Node): { value: unknown } | null {
    const cached = this.staticCache.get(node);
    if (cached !== undefined) return cached;
    // Only literals, identifiers, members and simple operator trees can be constant; skip the scope lookup otherwise.
    const value =
      node.type === AST_NODE_TYPES.CallExpression && !(node.callee.type === AST_NODE_TYPES.MemberExpression && this.isGlobalMember(node.callee, 'Math'))
        ? null
        : (getStaticValue(node as never, this.sourceCode.getScope(node) as never) as { value: unknown } | null);
    this.staticCache.set(node, value);
    return value;
  }

  /** The string value of a constant expression (`'fro'`, a local `const ORD = 'fro'`). */
  staticString(node: TSESTree.Node): string | undefined {
    const value = this.staticValue(node);
    return value && typeof value.value === 'string' ? value.value : undefined;
  }

  /** The boolean value of a constant expression (`true`, a local `const KEEP = true`). */
  staticBoolean(node: TSESTree.Node): boolean | undefined {
    const value = this.staticValue(node);
    return value && typeof value.value === 'boolean' ? value.value : undefined;
  }

  /** True when the whole expression is a compile-time constant (a literal computation is not a finding). */
  isConstant(node: TSESTree.Node): boolean {
    return this.staticValue(node) !== null;
  }

  /** Two expressions that denote the same value: the same variable, or equal member chains without calls. */
  sameReference(a: TSESTree.Node, b: TSESTree.Node): boolean {
    const left = skipTypeWrappers(a);
    const right = skipTypeWrappers(b);
    if (left.type === AST_NODE_TYPES.Identifier && right.type === AST_NODE_TYPES.Identifier) {
      if (left.name !== right.name) return false;
      return findVariable(this.sourceCode, left) === findVariable(this.sourceCode, right);
    }
    if (left.type === AST_NODE_TYPES.ThisExpression && right.type === AST_NODE_TYPES.ThisExpression) return true;
    if (left.type === AST_NODE_TYPES.MemberExpression && right.type === AST_NODE_TYPES.MemberExpression) {
      if (left.computed !== right.computed) return false;
      const sameProperty = left.computed
        ? this.sameReference(left.property, right.property) || sameLiteral(left.property, right.property)
        : memberName(left) === memberName(right);
      return sameProperty && this.sameReference(left.object, right.object);
    }
    return sameLiteral(left, right);
  }

  /**
   * A local helper that computes a known operation: a function named like `softmax` (not `logSoftmax`) whose
   * body exponentiates and divides. The name alone is not enough: a look-alike without that body is ignored.
   */
  private localFunctionOp(callee: TSESTree.Identifier): { op: OpName; domain: Domain } | null {
    const helperOp = helperOpOf(callee.name);
    if (!helperOp) return null;
    const variable = findVariable(this.sourceCode, callee);
    const def = variable?.defs[0];
    if (!variable || variable.defs.length !== 1 || !def) return null;
    let fn: TSESTree.Node | null = null;
    if (def.type === 'FunctionName') fn = def.node;
    else if (def.type === 'Variable' && def.node.init && writeReferences(variable).length === 0) {
      const init = skipTypeWrappers(def.node.init);
      if (init.type === AST_NODE_TYPES.ArrowFunctionExpression || init.type === AST_NODE_TYPES.FunctionExpression) fn = init;
    }
    if (!fn) return null;
    let expDomain: Domain | null = null;
    let divides = false;
    let scaled = false;
    visit(fn, (child) => {
      if (child === fn) return;
      if (child.type === AST_NODE_TYPES.BinaryExpression && child.operator === '/') divides = true;
      if (child.type === AST_NODE_TYPES.CallExpression || (child.type === AST_NODE_TYPES.MemberExpression && this.isGlobalMember(child, 'Math'))) {
        if (child.type === AST_NODE_TYPES.MemberExpression) {
          if (memberName(child) === 'exp') expDomain ??= 'array';
          return;
        }
        const op = this.matchNode({ node: child, env: null });
        if (op?.op === 'exp') {
          // exp(x) or exp(x - max): a scaled exponent (a temperature) is another function than softmax/sigmoid.
          const exponent = this.matchNode({ node: skipTypeWrappers(op.operands[0].node), env: null });
          const negated = exponent?.op === 'neg' ? this.matchNode({ node: skipTypeWrappers(exponent.operands[0].node), env: null }) : null;
          const inner = negated === null && exponent?.op === 'neg' ? null : (negated ?? exponent);
          if (inner && inner.op !== 'sub') scaled = true;
          expDomain = op.domain === 'tensor' ? 'tensor' : (expDomain ?? 'array');
        }
        if (op?.op === 'div') divides = true;
      }
    });
    if (!expDomain || !divides || scaled) return null;
    // A sigmoid maps a number to a number; a plain softmax maps an array to an array.
    const domain: Domain = expDomain === 'tensor' ? 'tensor' : helperOp === 'sigmoid' ? 'number' : 'array';
    return { op: helperOp, domain };
  }

  /**
   * Structural equality of two side-effect-free expressions (`1 / (1 + Math.exp(-s))` written twice): the same
   * shape, the same literals, identifiers bound to the same variables. Calls are allowed only to `Math.*`
   * and TF.js ops, which are pure.
   */
  sameExpression(a: TSESTree.Node, b: TSESTree.Node): boolean {
    const left = skipTypeWrappers(a);
    const right = skipTypeWrappers(b);
    if (left.type !== right.type) return false;
    switch (left.type) {
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.ThisExpression:
      case AST_NODE_TYPES.Literal:
        return this.sameReference(left, right);
      case AST_NODE_TYPES.UnaryExpression: {
        const other = right as TSESTree.UnaryExpression;
        return left.operator === other.operator && this.sameExpression(left.argument, other.argument);
      }
      case AST_NODE_TYPES.BinaryExpression: {
        const other = right as TSESTree.BinaryExpression;
        return left.operator === other.operator && this.sameExpression(left.left, other.left) && this.sameExpression(left.right, other.right);
      }
      case AST_NODE_TYPES.CallExpression: {
        const other = right as TSESTree.CallExpression;
        const pure = (call: TSESTree.CallExpression): boolean =>
          this.tf.calls.has(call) || (call.callee.type === AST_NODE_TYPES.MemberExpression && this.isGlobalMember(call.callee, 'Math'));
        return (
          pure(left) &&
          pure(other) &&
          this.sameReference(left.callee, other.callee) &&
          left.arguments.length === other.arguments.length &&
          left.arguments.every((arg, i) => this.sameExpression(arg, other.arguments[i]))
        );
      }
      default:
        return false;
    }
  }

  private isImportBinding(identifier: TSESTree.Identifier): boolean {
    const variable = findVariable(this.sourceCode, identifier);
    return variable?.defs.some((def) => def.type === 'ImportBinding' || def.type === 'Variable') ?? false;
  }
}

function sameLiteral(a: TSESTree.Node, b: TSESTree.Node): boolean {
  return a.type === AST_NODE_TYPES.Literal && b.type === AST_NODE_TYPES.Literal && a.value === b.value;
}

/** The static property name of `a.b` or `a['b']`. */
export function memberName(member: TSESTree.MemberExpression): string | null {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  if (member.computed && member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string') return member.property.value;
  return null;
}

/** A variable whose definition shows it is not a tensor: an import from another module, a literal, a class. */
function isKnownNonTensor(variable: Variable): boolean {
  return variable.defs.some((def) => {
    if (def.type === 'ImportBinding') return true; // TF.js namespaces are excluded too: `tf.exp` is functional
    if (def.type === 'ClassName' || def.type === 'FunctionName') return true;
    if (def.type === 'Variable' && def.node.init) {
      const init = skipTypeWrappers(def.node.init);
      if (
        init.type === AST_NODE_TYPES.ObjectExpression ||
        init.type === AST_NODE_TYPES.ArrayExpression ||
        init.type === AST_NODE_TYPES.Literal ||
        init.type === AST_NODE_TYPES.TemplateLiteral ||
        init.type === AST_NODE_TYPES.ArrowFunctionExpression ||
        init.type === AST_NODE_TYPES.FunctionExpression ||
        init.type === AST_NODE_TYPES.ClassExpression ||
        // TF.js tensors are made by ops, never with `new`: `new Decimal(2)` is something else.
        init.type === AST_NODE_TYPES.NewExpression
      ) {
        return true;
      }
      if (
        init.type === AST_NODE_TYPES.CallExpression &&
        init.callee.type === AST_NODE_TYPES.Identifier &&
        init.callee.name === 'require'
      ) {
        return true; // a require of a TF.js module is a namespace, of anything else not a tensor
      }
    }
    return false;
  });
}

function findKernelBindings(program: TSESTree.Program, kernelModule: string): Map<string, string> {
  const bindings = new Map<string, string>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === kernelModule) {
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier) {
          bindings.set(specifier.local.name, specifier.imported.name);
        }
      }
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (
          init?.type === AST_NODE_TYPES.CallExpression &&
          init.callee.type === AST_NODE_TYPES.Identifier &&
          init.callee.name === 'require' &&
          init.arguments[0]?.type === AST_NODE_TYPES.Literal &&
          init.arguments[0].value === kernelModule &&
          declarator.id.type === AST_NODE_TYPES.ObjectPattern
        ) {
          for (const property of declarator.id.properties) {
            if (property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && property.value.type === AST_NODE_TYPES.Identifier) {
              bindings.set(property.value.name, property.key.name);
            }
          }
        }
      }
    }
  }
  return bindings;
}

const engines = new WeakMap<TSESTree.Program, NumericsEngine>();

/**
 * Whether any value of the file can be recognised as a tensor (the engine's `mayHoldTensors`), answered from the
 * file's imports without building the engine when no type checker is asked: rules about TF.js APIs alone test it
 * on every file, and most files import no TF.js.
 */
export function mayHoldTensors(context: RuleContext): boolean {
  const program = context.sourceCode.ast;
  const built = engines.get(program);
  if (built) return built.mayHoldTensors;
  const settings = readSettings(context);
  if (settings.typed) return getEngine(context).mayHoldTensors;
  // Several rules ask about every file (no-tiny-epsilon, no-infinite-mask, the cross-entropy rule): read its imports once.
  let imports = importsTfByFile.get(program);
  if (imports === undefined) {
    imports = importsTfModule(program, settings.tfModules);
    importsTfByFile.set(program, imports);
  }
  return imports;
}

const importsTfByFile = new WeakMap<TSESTree.Program, boolean>();

/** The engine of the file being linted (built on first use, shared by every rule). */
export function getEngine(context: RuleContext): NumericsEngine {
  const sourceCode = context.sourceCode;
  let engine = engines.get(sourceCode.ast);
  if (!engine) {
    engine = new NumericsEngine(sourceCode, readSettings(context));
    engines.set(sourceCode.ast, engine);
  }
  return engine;
}
