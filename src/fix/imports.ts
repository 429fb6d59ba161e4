/**
 * Spelling callees in the file's own style: reuse the file's TF.js binding (`tf.logSumExp`, or a named import),
 * and import kernels once — merged into an existing import of the kernel module, aliased when the name is
 * taken, as `import` or `require` to match the file.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { NumericsEngine } from '../ops/engine.js';
import { hasInlineKernel, INLINE_MARKER, inlineKernelSource } from './inline-kernels.js';

export interface ImportPlan {
  /** Local name to call for each requested export. */
  readonly names: ReadonlyMap<string, string>;
  /** Text edits that create the bindings (empty when the file already has them all). */
  readonly edits: readonly { range: [number, number]; text: string }[];
}

type ModuleDeclaration = TSESTree.ImportDeclaration | TSESTree.VariableDeclaration;

interface ModuleBinding {
  namespace: string | null;
  named: Map<string, string>;
  /** A declaration that named bindings can be added to. */
  extensible: { declaration: ModuleDeclaration; lastMember: TSESTree.Node | null; closing: number } | null;
}

function requiredModule(init: TSESTree.Expression | null): string | null {
  if (
    init?.type === AST_NODE_TYPES.CallExpression &&
    init.callee.type === AST_NODE_TYPES.Identifier &&
    init.callee.name === 'require' &&
    init.arguments.length === 1 &&
    init.arguments[0].type === AST_NODE_TYPES.Literal &&
    typeof init.arguments[0].value === 'string'
  ) {
    return init.arguments[0].value;
  }
  return null;
}

function findModuleBinding(sourceCode: TSESLint.SourceCode, moduleName: string): ModuleBinding {
  const binding: ModuleBinding = { namespace: null, named: new Map(), extensible: null };
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === moduleName && statement.importKind !== 'type') {
      const namedSpecifiers = statement.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier);
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          if (specifier.importKind === 'type') continue;
          const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
          binding.named.set(imported, specifier.local.name);
        } else {
          binding.namespace ??= specifier.local.name;
        }
      }
      if (!binding.extensible && (namedSpecifiers.length > 0 || statement.specifiers.length === 0)) {
        const closing = sourceCode.getTokenBefore(statement.source, { filter: (t) => t.value === '}' });
        if (closing && closing.range[0] > statement.range[0]) {
          binding.extensible = { declaration: statement, lastMember: namedSpecifiers.at(-1) ?? null, closing: closing.range[0] };
        }
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (requiredModule(declarator.init) !== moduleName) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) binding.namespace ??= declarator.id.name;
        if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          const properties = declarator.id.properties;
          for (const property of properties) {
            if (property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && property.value.type === AST_NODE_TYPES.Identifier) {
              binding.named.set(property.key.name, property.value.name);
            }
          }
          if (!binding.extensible && !properties.some((p) => p.type === AST_NODE_TYPES.RestElement)) {
            binding.extensible = { declaration: statement, lastMember: properties.at(-1) ?? null, closing: declarator.id.range[1] - 1 };
          }
        }
      }
    }
  }
  return binding;
}

/** Every name declared anywhere in the file or read as a global: a new import must not collide with any. */
function takenNames(sourceCode: TSESLint.SourceCode): Set<string> {
  const names = new Set<string>();
  const manager = sourceCode.scopeManager;
  if (!manager) return names;
  for (const scope of manager.scopes) {
    for (const variable of scope.variables) names.add(variable.name);
    for (const reference of scope.through) names.add(reference.identifier.name);
  }
  return names;
}

/** Whether the file is CommonJS: it has `require` bindings and no `import`, or the parser says so. */
export function usesRequire(sourceCode: TSESLint.SourceCode, sourceType: string | undefined): boolean {
  const body = sourceCode.ast.body;
  if (body.some((s) => s.type === AST_NODE_TYPES.ImportDeclaration || s.type === AST_NODE_TYPES.ExportNamedDeclaration || s.type === AST_NODE_TYPES.ExportDefaultDeclaration)) return false;
  if (sourceType === 'commonjs' || sourceType === 'script') return true;
  return body.some((s) => s.type === AST_NODE_TYPES.VariableDeclaration && s.declarations.some((d) => requiredModule(d.init) !== null));
}

function quoteOf(sourceCode: TSESLint.SourceCode): string {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) return statement.source.raw.startsWith('"') ? '"' : "'";
  }
  const firstString = sourceCode.ast.tokens?.find((t) => t.type === 'String');
  return firstString?.value.startsWith('"') ? '"' : "'";
}

function usesSemicolons(sourceCode: TSESLint.SourceCode): boolean {
  const statements = sourceCode.ast.body.filter((s) => s.type === AST_NODE_TYPES.ImportDeclaration || s.type === AST_NODE_TYPES.VariableDeclaration || s.type === AST_NODE_TYPES.ExpressionStatement);
  if (statements.length === 0) return true;
  return sourceCode.getLastToken(statements[0])?.value === ';';
}

/** Where a new module binding goes: after the last import/require at the top of the file, else at its start. */
function insertionPoint(sourceCode: TSESLint.SourceCode): { offset: number; before: string; after: string } {
  const body = sourceCode.ast.body;
  let last: TSESTree.Node | null = null;
  for (const statement of body) {
    const isImport = statement.type === AST_NODE_TYPES.ImportDeclaration;
    const isRequire = statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.every((d) => requiredModule(d.init) !== null);
    const isDirective = statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined;
    if (isImport || isRequire || (isDirective && last === null)) last = statement;
    else if (!isDirective) break;
  }
  if (last) return { offset: last.range[1], before: '\n', after: '' };
  const first = body[0];
  if (!first) return { offset: sourceCode.text.length, before: '', after: '\n' };
  // The comments attached to the first statement (its JSDoc: no blank line in between) stay with it, below the
  // import; a file comment separated by a blank line (a license, a shebang) stays above.
  const comments = sourceCode.getCommentsBefore(first);
  let offset = first.range[0];
  for (let i = comments.length - 1; i >= 0; i--) {
    const comment = comments[i];
    if ((comment.type as string) === 'Shebang') break;
    const gap = sourceCode.text.slice(comment.range[1], offset);
    if ((gap.match(/\n/g) ?? []).length > 1) break;
    offset = comment.range[0];
  }
  // A blank line between the new import and a JSDoc that follows it.
  return { offset, before: '', after: offset < first.range[0] ? '\n\n' : '\n' };
}

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Plan the bindings for `exports` of `moduleName` (all names the file needs, so that every fix inserts the same
 * union and one `eslint --fix` run converges).
 */
export function planImports(
  engine: NumericsEngine,
  moduleName: string,
  exports: readonly string[],
  sourceType: string | undefined,
): ImportPlan {
  const sourceCode = engine.sourceCode;
  const binding = findModuleBinding(sourceCode, moduleName);
  const names = new Map<string, string>();
  const missing: { exported: string; local: string }[] = [];
  const taken = takenNames(sourceCode);

  for (const exported of [...new Set(exports)].sort()) {
    const existing = binding.named.get(exported);
    if (existing) names.set(exported, existing);
    else if (binding.namespace) names.set(exported, `${binding.namespace}.${exported}`);
    else {
      let local = exported;
      for (let suffix = 1; taken.has(local); suffix++) local = `numerics${capitalise(exported)}${suffix > 1 ? suffix : ''}`;
      taken.add(local);
      names.set(exported, local);
      missing.push({ exported, local });
    }
  }
  if (missing.length === 0) return { names, edits: [] };

  const cjs = usesRequire(sourceCode, sourceType);
  const member = ({ exported, local }: { exported: string; local: string }): string =>
    exported === local ? exported : cjs || binding.extensible?.declaration.type === AST_NODE_TYPES.VariableDeclaration ? `${exported}: ${local}` : `${exported} as ${local}`;

  if (binding.extensible) {
    const { lastMember, closing } = binding.extensible;
    const list = missing.map(member).join(', ');
    const edit = lastMember ? { range: [lastMember.range[1], lastMember.range[1]] as [number, number], text: `, ${list}` } : { range: [closing, closing] as [number, number], text: ` ${list} ` };
    return { names, edits: [edit] };
  }

  const quote = quoteOf(sourceCode);
  const semi = usesSemicolons(sourceCode) ? ';' : '';
  const list = missing.map(member).join(', ');
  const statement = cjs
    ? `const { ${list} } = require(${quote}${moduleName}${quote})${semi}`
    : `import { ${list} } from ${quote}${moduleName}${quote}${semi}`;
  const point = insertionPoint(sourceCode);
  return { names, edits: [{ range: [point.offset, point.offset], text: `${point.before}${statement}${point.after}` }] };
}

/**
 * How to call TF.js ops in this file: through its namespace binding, existing named imports, or new named
 * imports added to its TF.js import. Null when the file has no TF.js binding to extend.
 */
export function planTfCallees(engine: NumericsEngine, names: readonly string[], sourceType: string | undefined): ImportPlan | null {
  const { bindings } = engine.tf;
  const resolved = new Map<string, string>();
  const missing: string[] = [];
  for (const name of new Set(names)) {
    const existing = bindings.named.get(name);
    if (existing) resolved.set(name, existing);
    else if (bindings.namespace) resolved.set(name, `${bindings.namespace}.${name}`);
    else missing.push(name);
  }
  if (missing.length === 0) return { names: resolved, edits: [] };
  const declaration = bindings.declaration;
  if (!declaration) return null;
  const moduleName =
    declaration.type === AST_NODE_TYPES.ImportDeclaration ? declaration.source.value : requiredModule(declaration.declarations[0]?.init ?? null);
  if (!moduleName) return null;
  const plan = planImports(engine, moduleName, missing, sourceType);
  for (const [name, local] of plan.names) resolved.set(name, local);
  return { names: resolved, edits: plan.edits };
}

/**
 * `settings.numerics.kernelModule: 'inline'`: the kernels a file needs become local helper functions appended
 * to it (once; a helper carrying the marker comment is reused by later fixes).
 */
export function planInlineKernels(engine: NumericsEngine, kernels: readonly string[], filename: string): ImportPlan {
  const sourceCode = engine.sourceCode;
  const existing = new Map<string, string>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.FunctionDeclaration || !statement.id) continue;
    for (const comment of sourceCode.getCommentsBefore(statement)) {
      const marker = comment.value.trim();
      if (marker.startsWith(INLINE_MARKER)) existing.set(marker.slice(INLINE_MARKER.length).trim(), statement.id.name);
    }
  }
  const taken = takenNames(sourceCode);
  const names = new Map<string, string>();
  const sources: string[] = [];
  const typescript = /\.[cm]?tsx?$/.test(filename);
  for (const kernel of [...new Set(kernels)].sort()) {
    const found = existing.get(kernel);
    if (found) {
      names.set(kernel, found);
      continue;
    }
    if (!hasInlineKernel(kernel)) continue;
    let local = kernel;
    for (let suffix = 1; taken.has(local); suffix++) local = `numerics${capitalise(kernel)}${suffix > 1 ? suffix : ''}`;
    taken.add(local);
    names.set(kernel, local);
    sources.push(inlineKernelSource(kernel, local, typescript));
  }
  if (sources.length === 0) return { names, edits: [] };
  const end = sourceCode.text.length;
  const separator = sourceCode.text.endsWith('\n') ? '\n' : '\n\n';
  return { names, edits: [{ range: [end, end], text: `${separator}${sources.join('\n\n')}\n` }] };
}
