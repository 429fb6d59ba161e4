/**
 * Reporting with the shared fix policy. Rules hand findings to a reporter; at `Program:exit` it plans the
 * imports for the union of kernels (and TF.js named ops) every fix of the file needs, so each fix inserts the same
 * bindings and one `eslint --fix` run converges, and it decides fix versus suggestion in one place:
 * autofix only when the rewrite is value-identical and no comment would be lost.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isInside } from '../analysis/bindings.js';
import type { NumericsEngine } from '../ops/engine.js';
import { planImports, planInlineKernels, planTfCallees } from './imports.js';

type RuleContext<MessageIds extends string> = Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>;

/** Callee spellings resolved for the file (after imports are planned). */
export interface Callees {
  /** `logSumExp` → the local name (or `nk.logSumExp`) to call the kernel by. */
  kernel(name: string): string;
  /** `logSumExp` → `tf.logSumExp`, or the local name of a named TF.js import. */
  tf(name: string): string;
  /** An export of another library (`solve` of `ml-matrix`), through the file's binding or a new named import. */
  module(moduleName: string, name: string): string;
}

export interface FixSpec {
  /** The node whose text is replaced. */
  readonly target: TSESTree.Node;
  /** The replacement, given how callees are spelled in this file. */
  readonly text: (callees: Callees) => string;
  /** `unary` replacements (`-Math.expm1(x)`) are parenthesised where the context needs it. */
  readonly shape?: 'call' | 'unary';
  readonly kernels?: readonly string[];
  readonly tfOps?: readonly string[];
  /** Exports of other libraries the text uses (`{ module: 'ml-matrix', names: ['solve'] }`). */
  readonly moduleImports?: readonly { readonly module: string; readonly names: readonly string[] }[];
  /** Statements made dead by the fix (owned temporaries) that it deletes. */
  readonly remove?: readonly TSESTree.Node[];
  /** True when the rewrite keeps the value wherever the original is finite (autofix); false to suggest. */
  readonly valueIdentical: boolean;
}

export interface Finding<MessageIds extends string> {
  readonly node: TSESTree.Node;
  readonly messageId: MessageIds;
  readonly data?: Record<string, string>;
  readonly fix?: FixSpec | null;
  readonly suggestionMessageId?: MessageIds;
}

export interface Reporter<MessageIds extends string> {
  add(finding: Finding<MessageIds>): void;
  /** Report everything collected; call from `Program:exit`. */
  flush(): void;
}

function hasCommentInside(sourceCode: TSESLint.SourceCode, range: readonly [number, number]): boolean {
  return sourceCode.getAllComments().some((comment) => isInside(comment, range));
}

function needsParentheses(node: TSESTree.Node, shape: 'call' | 'unary'): boolean {
  if (shape === 'call') return false;
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === node;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === node;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === node;
    default:
      return false;
  }
}

/** A `;` guard when the replacement starts a statement with a character ASI would join to the previous line. */
function asiGuard(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, text: string): string {
  if (!/^[([`+\-/]/.test(text)) return '';
  const statement = node.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.range[0] !== node.range[0]) return '';
  const before = sourceCode.getTokenBefore(node);
  if (!before || [';', '{', '}'].includes(before.value)) return '';
  return ';';
}

function isParenthesised(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): boolean {
  const before = sourceCode.getTokenBefore(node);
  const after = sourceCode.getTokenAfter(node);
  return before?.value === '(' && after?.value === ')' && before.range[1] <= node.range[0];
}

export function createReporter<MessageIds extends string>(context: RuleContext<MessageIds>, engine: NumericsEngine): Reporter<MessageIds> {
  const findings: Finding<MessageIds>[] = [];
  const sourceCode = context.sourceCode;
  const sourceType = (context.languageOptions as { sourceType?: string } | undefined)?.sourceType;
  const reported = new Set<TSESTree.Node>();

  return {
    add(finding) {
      if (reported.has(finding.node)) return; // one report per node, however many paths reach it
      reported.add(finding.node);
      findings.push(finding);
    },
    flush() {
      if (findings.length === 0) return; // most files: nothing to plan
      const kernelNames = findings.flatMap((f) => (f.fix ? (f.fix.kernels ?? []) : []));
      const inline = engine.settings.kernelModule === 'inline';
      const kernelPlan =
        kernelNames.length === 0
          ? null
          : inline
            ? planInlineKernels(engine, kernelNames, context.filename)
            : planImports(engine, engine.settings.kernelModule, kernelNames, sourceType);
      const moduleNames = new Map<string, string[]>();
      for (const finding of findings) {
        for (const { module, names } of finding.fix?.moduleImports ?? []) moduleNames.set(module, [...(moduleNames.get(module) ?? []), ...names]);
      }
      const modulePlans = new Map([...moduleNames].map(([module, names]) => [module, planImports(engine, module, names, sourceType)] as const));
      const tfNames = findings.flatMap((f) => (f.fix ? (f.fix.tfOps ?? []) : []));
      const tfPlan = tfNames.length > 0 ? planTfCallees(engine, tfNames, sourceType) : null;

      for (const finding of findings) {
        const spec = finding.fix;
        if (!spec) {
          context.report({ node: finding.node, messageId: finding.messageId, data: finding.data });
          continue;
        }
        const usesTf = (spec.tfOps?.length ?? 0) > 0;
        const kernelsMissing = (spec.kernels ?? []).some((name) => !kernelPlan?.names.has(name));
        if ((usesTf && !tfPlan) || kernelsMissing) {
          context.report({ node: finding.node, messageId: finding.messageId, data: finding.data });
          continue;
        }
        const callees: Callees = {
          kernel: (name) => kernelPlan?.names.get(name) ?? name,
          tf: (name) => tfPlan?.names.get(name) ?? name,
          module: (moduleName, name) => modulePlans.get(moduleName)?.names.get(name) ?? name,
        };
        let text = spec.text(callees);
        if (needsParentheses(spec.target, spec.shape ?? 'call') && !isParenthesised(sourceCode, spec.target)) text = `(${text})`;
        text = asiGuard(sourceCode, spec.target, text) + text;

        // Dead statements go all together or not at all: keeping one (it holds a comment) could keep a read of one
        // that went.
        const removals = spec.remove ?? [];
        const removable = removals.some((statement) => hasCommentInside(sourceCode, statement.range)) ? [] : removals;
        const edits = [
          { range: spec.target.range, text },
          ...removable.map((statement) => removalRange(sourceCode, statement)),
          ...(spec.kernels?.length ? (kernelPlan?.edits ?? []) : []),
          ...(usesTf ? (tfPlan?.edits ?? []) : []),
          ...(spec.moduleImports ?? []).flatMap(({ module }) => modulePlans.get(module)?.edits ?? []),
        ];
        const unique = dedupeEdits(edits);
        const fix: TSESLint.ReportFixFunction = (fixer) => unique.map((edit) => fixer.replaceTextRange(edit.range, edit.text));

        const autofix = spec.valueIdentical && !hasCommentInside(sourceCode, spec.target.range);
        if (autofix) {
          context.report({ node: finding.node, messageId: finding.messageId, data: finding.data, fix });
        } else if (finding.suggestionMessageId) {
          context.report({
            node: finding.node,
            messageId: finding.messageId,
            data: finding.data,
            suggest: [{ messageId: finding.suggestionMessageId, data: finding.data, fix }],
          });
        } else {
          context.report({ node: finding.node, messageId: finding.messageId, data: finding.data });
        }
      }
      findings.length = 0;
    },
  };
}

/** Delete a whole statement line when it stands alone on its line, else just the statement. */
function removalRange(sourceCode: TSESLint.SourceCode, statement: TSESTree.Node): { range: [number, number]; text: string } {
  const text = sourceCode.text;
  let start = statement.range[0];
  let end = statement.range[1];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (/^[ \t]*$/.test(text.slice(lineStart, start))) {
    const lineEnd = text.indexOf('\n', end);
    if (lineEnd !== -1 && /^[ \t]*$/.test(text.slice(end, lineEnd))) {
      start = lineStart;
      end = lineEnd + 1;
    }
  }
  return { range: [start, end], text: '' };
}

function dedupeEdits(edits: { range: readonly [number, number]; text: string }[]): { range: [number, number]; text: string }[] {
  const seen = new Set<string>();
  const result: { range: [number, number]; text: string }[] = [];
  for (const edit of edits) {
    const key = `${edit.range[0]}:${edit.range[1]}:${edit.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ range: [edit.range[0], edit.range[1]], text: edit.text });
  }
  return result;
}
