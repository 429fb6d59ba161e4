/**
 * What a fix may do with the `const` temporaries a pattern was matched through. Moving an operand's text to the
 * reported node is value-identical when every name it reads is stable and visible there; the temporaries it
 * made dead are deleted when they are owned (read once, by the pattern, not exported).
 */
import { hasSideEffect } from '@eslint-community/eslint-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { canMoveExpression, isOwnedTemporary } from '../analysis/bindings.js';
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
  const movable = !sideEffects && leaves.every((leaf) => canMoveExpression(sourceCode, leaf, target));
  if (!movable) return { movable: false, remove: [] };

  const owned = through.every((temporary) => isOwnedTemporary(temporary.variable, temporary.reference));
  const remove: TSESTree.Node[] = owned ? through.map((temporary) => temporary.declarator.parent) : [];
  for (const loop of loops) {
    const accumulator = sourceCode.getDeclaredVariables(loop.declarator)[0];
    const reads = accumulator?.references.filter((ref) => ref.isRead() && !ref.isWrite()) ?? [];
    const declaration = loop.declarator.parent;
    const loopBody = loopStatements(loop.statement);
    if (owned && reads.length === 1 && declaration.type === 'VariableDeclaration' && declaration.declarations.length === 1 && loopBody === 1) {
      remove.push(declaration, loop.statement);
    }
  }
  return { movable: true, remove: [...new Set(remove)] };
}

/** Number of statements in a loop body (1 for a loop whose only job is the accumulation). */
function loopStatements(loop: TSESTree.Node): number {
  const body =
    loop.type === 'ForOfStatement' || loop.type === 'ForStatement'
      ? loop.body
      : loop.type === 'ExpressionStatement' && loop.expression.type === 'CallExpression'
        ? (loop.expression.arguments[0] as TSESTree.ArrowFunctionExpression | undefined)?.body
        : undefined;
  if (!body) return Number.POSITIVE_INFINITY;
  return body.type === 'BlockStatement' ? body.body.length : 1;
}
