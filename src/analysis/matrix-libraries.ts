/**
 * Bindings of the matrix libraries the conditioning rules know: `ml-matrix` (functions `inverse`, `solve`,
 * matrices with `.mmul()`, `.transpose()`) and `mathjs` (`inv`, `multiply`, `transpose`, `lusolve`), through
 * named imports, namespaces, `require`, and mathjs instances made with `create(all)`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { findVariable, skipTypeWrappers } from './bindings.js';

export type MatrixLibrary = 'ml-matrix' | 'mathjs';

export interface MatrixBindings {
  /** Local namespace name → library (`import * as math from 'mathjs'`, `const math = create(all)`). */
  readonly namespaces: ReadonlyMap<string, MatrixLibrary>;
  /** Local name → [library, exported name]. */
  readonly named: ReadonlyMap<string, readonly [MatrixLibrary, string]>;
  readonly importsMlMatrix: boolean;
}

const LIBRARIES: ReadonlySet<string> = new Set(['ml-matrix', 'mathjs']);
const cache = new WeakMap<TSESTree.Program, MatrixBindings>();
const NO_BINDINGS: MatrixBindings = { namespaces: new Map(), named: new Map(), importsMlMatrix: false };

function moduleOf(init: TSESTree.Node | null | undefined): MatrixLibrary | null {
  const node = init ? skipTypeWrappers(init) : null;
  if (
    node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0].value === 'string' &&
    LIBRARIES.has(node.arguments[0].value)
  ) {
    return node.arguments[0].value as MatrixLibrary;
  }
  return null;
}

/** Whether a top-level statement imports or requires one of the libraries (the statements read below). */
function bindsLibrary(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration) return LIBRARIES.has(statement.source.value);
  return statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.some((declarator) => moduleOf(declarator.init) !== null);
}

export function getMatrixBindings(sourceCode: TSESLint.SourceCode): MatrixBindings {
  const program = sourceCode.ast;
  const cached = cache.get(program);
  if (cached) return cached;
  if (!program.body.some(bindsLibrary)) {
    cache.set(program, NO_BINDINGS); // most files: no import of either library (answered before making any map)
    return NO_BINDINGS;
  }
  const namespaces = new Map<string, MatrixLibrary>();
  const named = new Map<string, readonly [MatrixLibrary, string]>();
  for (const statement of program.body) {
    if (!bindsLibrary(statement)) continue;
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const library = statement.source.value as MatrixLibrary;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) namespaces.set(specifier.local.name, library);
        else if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier) {
          named.set(specifier.local.name, [library, specifier.imported.name]);
        }
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const library = moduleOf(declarator.init);
        if (library && declarator.id.type === AST_NODE_TYPES.Identifier) namespaces.set(declarator.id.name, library);
        if (library && declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of declarator.id.properties) {
            if (property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && property.value.type === AST_NODE_TYPES.Identifier) {
              named.set(property.value.name, [library, property.key.name]);
            }
          }
        }
      }
    }
  }
  if (namespaces.size === 0 && named.size === 0) {
    cache.set(program, NO_BINDINGS); // an import that binds no name (`import 'mathjs'`)
    return NO_BINDINGS;
  }
  // const math = create(all): a mathjs instance
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init ? skipTypeWrappers(declarator.init) : null;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || init?.type !== AST_NODE_TYPES.CallExpression) continue;
      const callee = skipTypeWrappers(init.callee);
      const isCreate =
        (callee.type === AST_NODE_TYPES.Identifier && named.get(callee.name)?.[0] === 'mathjs' && named.get(callee.name)?.[1] === 'create') ||
        (callee.type === AST_NODE_TYPES.MemberExpression &&
          callee.object.type === AST_NODE_TYPES.Identifier &&
          namespaces.get(callee.object.name) === 'mathjs' &&
          !callee.computed &&
          callee.property.type === AST_NODE_TYPES.Identifier &&
          callee.property.name === 'create');
      if (isCreate) namespaces.set(declarator.id.name, 'mathjs');
    }
  }
  const importsMlMatrix = [...namespaces.values(), ...[...named.values()].map(([library]) => library)].includes('ml-matrix');
  const bindings: MatrixBindings = { namespaces, named, importsMlMatrix };
  cache.set(program, bindings);
  return bindings;
}

/** Whether the file binds ml-matrix or mathjs at all (without that no call can be one of theirs). */
export function importsMatrixLibrary(sourceCode: TSESLint.SourceCode): boolean {
  const bindings = getMatrixBindings(sourceCode);
  return bindings.namespaces.size > 0 || bindings.named.size > 0;
}

/**
 * The library function a call invokes (`inverse(A)`, `math.inv(A)`), checking that the name is the file's
 * top-level binding and not shadowed.
 */
export function libraryCall(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): { library: MatrixLibrary; name: string; namespace: string | null } | null {
  const call = skipTypeWrappers(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return null;
  const bindings = getMatrixBindings(sourceCode);
  const callee = skipTypeWrappers(call.callee);
  const isTopLevel = (identifier: TSESTree.Identifier): boolean => {
    const variable = findVariable(sourceCode, identifier);
    return variable?.scope.type === 'module' || variable?.scope.type === 'global';
  };
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const binding = bindings.named.get(callee.name);
    return binding && isTopLevel(callee) ? { library: binding[0], name: binding[1], namespace: null } : null;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    const object = skipTypeWrappers(callee.object);
    if (object.type === AST_NODE_TYPES.Identifier) {
      const library = bindings.namespaces.get(object.name);
      if (library && isTopLevel(object)) return { library, name: callee.property.name, namespace: object.name };
    }
  }
  return null;
}
