/**
 * Bindings inside a function: what an identifier holds, whether a name is shadowed, whether a value is stable.
 *
 * Out of scope (kept honest on purpose): data flow across functions, values passed through parameters,
 * dynamic `import()`, and variables written more than once (other than loop accumulators, see ops/arrays).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

export type Scope = TSESLint.Scope.Scope;
export type Variable = TSESLint.Scope.Variable;

/** Find the variable an identifier refers to, walking up from the innermost scope of the identifier. */
export function findVariable(sourceCode: TSESLint.SourceCode, identifier: TSESTree.Identifier): Variable | null {
  let scope: Scope | null = sourceCode.getScope(identifier);
  while (scope) {
    const variable = scope.set.get(identifier.name);
    if (variable) return variable;
    scope = scope.upper;
  }
  return null;
}

/** True when `name` at `node` is the untouched global (not declared anywhere in an enclosing scope). */
export function isGlobalName(sourceCode: TSESLint.SourceCode, node: TSESTree.Identifier): boolean {
  const variable = findVariable(sourceCode, node);
  // ESLint puts configured globals (`Math`, `Number`) in the global scope with no definitions.
  return variable === null || variable.defs.length === 0;
}

/** Strip parentheses-free wrappers that do not change a value: `x as T`, `x!`, `<T>x`, `x satisfies T`. */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The writes to a variable other than its declaration's initialiser. */
export function writeReferences(variable: Variable): TSESLint.Scope.Reference[] {
  return variable.references.filter((ref) => ref.isWrite() && !ref.init);
}

/** The function (or Program) that owns a node. */
export function enclosingFunction(node: TSESTree.Node): TSESTree.Node {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.Program
    ) {
      return current;
    }
    current = current.parent;
  }
  return node;
}

/** The single declarator of a variable declared as `const x = …` or `let x = …` (not destructured). */
export function simpleDeclarator(variable: Variable): TSESTree.VariableDeclarator | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (def.type !== 'Variable') return null;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return null;
  return declarator;
}

/**
 * The initialiser a reference can be replaced by: the variable is a `const`, or a `let`/`var` that is never
 * written again, declared with an initialiser before the use.
 */
export function constantInitializer(
  sourceCode: TSESLint.SourceCode,
  identifier: TSESTree.Identifier,
): { init: TSESTree.Expression; variable: Variable; declarator: TSESTree.VariableDeclarator } | null {
  const variable = findVariable(sourceCode, identifier);
  if (!variable) return null;
  const declarator = simpleDeclarator(variable);
  if (!declarator?.init) return null;
  if (writeReferences(variable).length > 0) return null;
  // A never-written `let`/`var` seen from a closure is still its initialiser (the use comes after it in the
  // source); a `const` always is.
  if (declarator.parent.type === AST_NODE_TYPES.VariableDeclaration && declarator.parent.kind === 'var' && enclosingFunction(declarator) !== enclosingFunction(identifier)) {
    return null;
  }
  // A use before the declaration (hoisted var) reads undefined.
  if (identifier.range[0] < declarator.range[1]) return null;
  return { init: declarator.init, variable, declarator };
}

/** True when every identifier read inside `node` refers to a binding that is never reassigned. */
export function readsOnlyStableBindings(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  let stable = true;
  visit(node, (child) => {
    if (child.type !== AST_NODE_TYPES.Identifier) return;
    const parent = child.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === child && !parent.computed) return;
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === child && !parent.computed) return;
    const variable = findVariable(sourceCode, child);
    if (variable && writeReferences(variable).length > 0) stable = false;
  });
  return stable;
}

/** Whether `node` lies within `range` (a node's or a comment's range). */
export function isInside(node: { readonly range: readonly [number, number] }, range: readonly [number, number]): boolean {
  return node.range[0] >= range[0] && node.range[1] <= range[1];
}

/** Depth-first walk over an AST subtree (children found through ESLint's visitor keys shape). */
export function visit(node: TSESTree.Node, callback: (node: TSESTree.Node) => void): void {
  callback(node);
  for (const key of Object.keys(node) as (keyof typeof node)[]) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    const value = node[key] as unknown;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item, callback);
    } else if (isNode(value)) {
      visit(value, callback);
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Whether the expression `node` means the same thing when written at `target`: every identifier it reads is
 * never reassigned and names the same binding there (no shadowing in between).
 */
export function canMoveExpression(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, target: TSESTree.Node): boolean {
  if (!readsOnlyStableBindings(sourceCode, node)) return false;
  let movable = true;
  const targetScope = sourceCode.getScope(target);
  visit(node, (child) => {
    if (child.type !== AST_NODE_TYPES.Identifier) return;
    const parent = child.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === child && !parent.computed) return;
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === child && !parent.computed) return;
    const here = findVariable(sourceCode, child);
    let scope: Scope | null = targetScope;
    let there: Variable | null = null;
    while (scope && !there) {
      there = scope.set.get(child.name) ?? null;
      scope = scope.upper;
    }
    if (here !== there) movable = false;
  });
  return movable;
}

/**
 * A variable read exactly once (at `reference`; any number of times with `allowManyReads`), declared alone and
 * not exported: its declaration can go when those reads do.
 */
export function isOwnedTemporary(variable: Variable, reference: TSESTree.Identifier, options: { allowManyReads?: boolean } = {}): boolean {
  const reads = variable.references.filter((ref) => ref.isRead());
  if (!options.allowManyReads && (reads.length !== 1 || reads[0].identifier !== reference)) return false;
  const declaration = variable.defs[0]?.parent;
  if (!declaration || declaration.type !== AST_NODE_TYPES.VariableDeclaration || declaration.declarations.length !== 1) return false;
  return declaration.parent?.type !== AST_NODE_TYPES.ExportNamedDeclaration;
}
