/**
 * What a fix may do with the `const` temporaries a pattern was matched through. Moving an operand's text to the
 * reported node is value-identical when every name it reads is stable and visible there; the temporaries it
 * made dead are deleted when they are owned (read once, by the pattern, not exported).
 */
import { hasSideEffect } from '@eslint-community/eslint-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { canMoveExpression, findVariable, isInside, isOwnedTemporary, visit, type Variable } from '../analysis/bindings.js';
import type { NumericsEngine } from '../ops/engine.js';
import type { Op, Temporary } from '../ops/types.js';

export interface TemporaryPlan {
  /** The operand texts can be written at the target with the same meaning. */
  readonly movable: boolean;
  /** Declarations (and accumulation loops) to delete. */
  readonly remove: readonly TSESTree.Node[];
}

export function planTemporaries(engine: NumericsEngine, ops: readonly (Op | null)[], leaves: readonly TSESTree.Node[], target: TSESTree.Node): TemporaryPlan {
  const through: Temporary[] = [];
  const loops: NonNullable<Op['loop']>[] = [];
  for (const op of ops) {
    if (!op) continue;
    through.push(...op.through);
    if (op.loop) loops.push(op.loop);
  }
  const sourceCode = engine.sourceCode;
  const crossesStatements = through.length > 0 || loops.length > 0;
  if (!crossesStatements) return { movable: true, remove: [] };

  const sideEffects = leaves.some((leaf) => hasSideEffect(leaf as never, sourceCode as never));
  const movable =
    !sideEffects &&
    leaves.every((leaf) => canMoveExpression(sourceCode, leaf, target)) &&
    untouchedInBetween(engine, through, loops, leaves, target);
  if (!movable) return { movable: false, remove: [] };

  const owned = ownedTemporaries(through, target);
  // A temporary declared in a callback goes with the node around it: the replaced node, or another temporary's
  // declaration that is deleted (`const sq = v * v` inside `const meanSq = xs.reduce(…)`).
  const all = [...new Set(through.map((temporary) => temporary.declarator.parent))];
  const outermost = all.filter((declaration) => !isInside(declaration, target.range) && !all.some((other) => other !== declaration && isInside(declaration, other.range)));
  const remove: TSESTree.Node[] = owned ? outermost : [];
  if (owned) remove.push(...deadLoops(engine, loops, target));
  return { movable: true, remove: [...new Set(remove)] };
}

/**
 * Accumulation loops the fix makes dead: every statement of the loop body is `acc += …` into an accumulator the
 * pattern matched, and each accumulator is read only inside the replaced node. Returns the loops and their
 * accumulators' declarations (when every declarator of a declaration goes).
 */
function deadLoops(engine: NumericsEngine, loops: readonly NonNullable<Op['loop']>[], target: TSESTree.Node): TSESTree.Node[] {
  const sourceCode = engine.sourceCode;
  const byStatement = new Map<TSESTree.Node, Set<TSESTree.VariableDeclarator>>();
  for (const loop of loops) {
    const set = byStatement.get(loop.statement) ?? new Set();
    set.add(loop.declarator);
    byStatement.set(loop.statement, set);
  }
  const dead: TSESTree.Node[] = [];
  for (const [statement, declarators] of byStatement) {
    const variables = [...declarators].map((declarator) => sourceCode.getDeclaredVariables(declarator)[0]);
    const readOnlyInTarget = variables.every((variable) =>
      variable?.references.every((ref) => !ref.isRead() || ref.isWrite() || isInside(ref.identifier, target.range)),
    );
    const body = loopBody(statement);
    const onlyAccumulation = body?.every(
      (child) =>
        child.type === 'ExpressionStatement' &&
        child.expression.type === 'AssignmentExpression' &&
        child.expression.left.type === 'Identifier' &&
        variables.some((variable) => variable?.name === (child.expression as TSESTree.AssignmentExpression & { left: TSESTree.Identifier }).left.name),
    );
    const declarations = new Set([...declarators].map((declarator) => declarator.parent));
    const wholeDeclarations = [...declarations].every(
      (declaration) => declaration.type === 'VariableDeclaration' && declaration.declarations.every((d) => declarators.has(d)),
    );
    if (readOnlyInTarget && onlyAccumulation && wholeDeclarations) dead.push(...declarations, statement);
  }
  return dead;
}

/** The statements of a loop's body (a `for`, `for…of`, or `xs.forEach(cb)` statement). */
function loopBody(loop: TSESTree.Node): TSESTree.Node[] | null {
  const body =
    loop.type === 'ForOfStatement' || loop.type === 'ForStatement'
      ? loop.body
      : loop.type === 'ExpressionStatement' && loop.expression.type === 'CallExpression'
        ? (loop.expression.arguments[0] as TSESTree.ArrowFunctionExpression | undefined)?.body
        : undefined;
  if (!body) return null;
  return body.type === 'BlockStatement' ? body.body : [body];
}

/**
 * Between the first statement of the pattern and the reported node, nothing else touches the data or the
 * temporaries: `xs[0] = 0`, `x.dispose()`, `p[0] = 0.5` or even a read there means moving the read of `xs` to
 * the reported node (or dropping `p`) could change the value.
 */
function untouchedInBetween(
  engine: NumericsEngine,
  through: readonly Temporary[],
  loops: readonly NonNullable<Op['loop']>[],
  leaves: readonly TSESTree.Node[],
  target: TSESTree.Node,
): boolean {
  const sourceCode = engine.sourceCode;
  const pattern: TSESTree.Node[] = [target, ...through.map((t) => t.declarator.parent), ...loops.flatMap((l) => [l.declarator.parent, l.statement])];
  const start = Math.min(...pattern.map((node) => node.range[0]));
  const end = target.range[0];
  const outsidePattern = (identifier: TSESTree.Node): boolean =>
    identifier.range[0] > start &&
    identifier.range[1] <= end &&
    !pattern.some((node) => isInside(identifier, node.range)) &&
    !isHarmlessRead(identifier);

  const variables = new Set<Variable>(through.map((t) => t.variable));
  for (const leaf of leaves) {
    visit(leaf, (child) => {
      if (child.type !== 'Identifier') return;
      const variable = findVariable(sourceCode, child);
      if (variable) variables.add(variable);
    });
  }
  for (const variable of variables) {
    if (variable.references.some((reference) => outsidePattern(reference.identifier))) return false;
  }
  return true;
}

/** Properties whose read cannot change an array or a tensor. */
const INERT_PROPERTIES = new Set(['length', 'shape', 'rank', 'size', 'dtype']);

/** `xs.length`, `x.shape`: a read that neither writes nor hands the value to code that could. */
function isHarmlessRead(identifier: TSESTree.Node): boolean {
  const member = identifier.parent;
  if (member?.type !== 'MemberExpression' || member.object !== identifier || member.computed) return false;
  if (member.property.type !== 'Identifier' || !INERT_PROPERTIES.has(member.property.name)) return false;
  const parent = member.parent;
  const written =
    (parent?.type === 'AssignmentExpression' && parent.left === member) || (parent?.type === 'UpdateExpression' && parent.argument === member);
  return !written;
}

/**
 * Whether every temporary can be deleted with the fix: each is a single, unexported declaration, and every read
 * of it is inside the replaced node or inside another temporary's declaration that goes too (`e` in
 * `const e = exp(x); const s = sum(e); e / s` is read twice, both times inside the pattern).
 */
function ownedTemporaries(through: readonly Temporary[], target: TSESTree.Node): boolean {
  const variables = new Map<Variable, TSESTree.Node>();
  for (const temporary of through) {
    if (!isOwnedTemporary(temporary.variable, temporary.reference, { allowManyReads: true })) return false;
    variables.set(temporary.variable, temporary.declarator.parent);
  }
  const declarations = [...variables.values()];
  for (const variable of variables.keys()) {
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const id = reference.identifier;
      if (isInside(id, target.range)) continue;
      if (declarations.some((declaration) => isInside(id, declaration.range))) continue;
      return false;
    }
  }
  return true;
}
