/**
 * One index per file of everything bound to a TF.js module: which call expressions are TF.js ops (through a
 * namespace, default, named or aliased import, `require`, destructuring, `const t = tf`, `import tf = require()`),
 * and how the file spells TF.js (so fixes reuse its own binding). Built once per Program and shared by all rules.
 */
import { CALL, ESM, ReferenceTracker, type TraceMap } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { TF_FUNCTIONS, TF_NAMESPACES, TF_TENSOR_OPS } from '../ops/tf-ops.js';

export interface TfBindings {
  /** A top-level name bound to the whole module (`import * as tf`, default import, `const tf = require()`). */
  namespace: string | null;
  /** Top-level named bindings: exported op name → local name. */
  named: Map<string, string>;
  /** The import/require statement of the module, where new named bindings can be added. */
  declaration: TSESTree.ImportDeclaration | TSESTree.VariableDeclaration | null;
}

export interface TfIndex {
  /** Calls of TF.js ops through a module binding, mapped to the op path (`exp`, `losses.logLoss`). */
  readonly calls: ReadonlyMap<TSESTree.Node, string>;
  /** The file imports or requires a TF.js module (a type-only import counts: tensors flow through this file). */
  readonly importsTf: boolean;
  readonly bindings: TfBindings;
}

const cache = new WeakMap<TSESTree.Program, TfIndex>();

function buildTraceMap(): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const name of [...TF_TENSOR_OPS, ...TF_FUNCTIONS]) map[name] = { [CALL]: name };
  for (const [namespace, names] of Object.entries(TF_NAMESPACES)) {
    const inner: Record<string, unknown> = {};
    for (const name of names) inner[name] = { [CALL]: `${namespace}.${name}` };
    map[namespace] = inner;
  }
  return map;
}

const MODULE_TRACE = buildTraceMap();

/**
 * What an `import` of a TF.js module binds: the module's exports, with `default` bound to the whole module (the
 * tracker's "legacy" reading of a CommonJS module, which TF.js's builds are). Built once and marked `ESM`: given an
 * unmarked map, the tracker builds `{ default: map, ...map }` anew for every import specifier, a copy of the ~300
 * op names (in the corpus's TF.js files, ~10 MB of garbage and ~20 ms per pass).
 */
const ESM_MODULE_TRACE = { [ESM]: true, default: MODULE_TRACE, ...MODULE_TRACE };

let lastTraceModules: ReadonlySet<string> | null = null;
let lastTraceMaps: { esm: TraceMap<unknown>; cjs: TraceMap<unknown> } = { esm: {}, cjs: {} };

/** The trace maps of the configured modules, made once per module set (the same set for every file of a config). */
function traceMapsFor(modules: ReadonlySet<string>): { esm: TraceMap<unknown>; cjs: TraceMap<unknown> } {
  if (modules !== lastTraceModules) {
    const esm: Record<string, unknown> = {};
    const cjs: Record<string, unknown> = {};
    for (const name of modules) {
      esm[name] = ESM_MODULE_TRACE;
      cjs[name] = MODULE_TRACE;
    }
    lastTraceMaps = { esm: esm as TraceMap<unknown>, cjs: cjs as TraceMap<unknown> };
    lastTraceModules = modules;
  }
  return lastTraceMaps;
}

function isModuleString(node: TSESTree.Node | undefined, modules: ReadonlySet<string>): node is TSESTree.StringLiteral {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && modules.has(node.value);
}

function isRequireOf(node: TSESTree.Node | null | undefined, modules: ReadonlySet<string>): boolean {
  return (
    node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    isModuleString(node.arguments[0], modules)
  );
}

/** Whether a top-level statement imports or requires a TF.js module (a type-only import counts). */
function importsTfIn(statement: TSESTree.ProgramStatement, modules: ReadonlySet<string>): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ImportDeclaration:
      return isModuleString(statement.source, modules);
    case AST_NODE_TYPES.TSImportEqualsDeclaration:
      return statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference && isModuleString(statement.moduleReference.expression, modules);
    case AST_NODE_TYPES.VariableDeclaration:
      return statement.declarations.some((declarator) => isRequireOf(declarator.init, modules));
    default:
      return false;
  }
}

function findBindings(program: TSESTree.Program, modules: ReadonlySet<string>): TfBindings & { importsTf: boolean } {
  const bindings: TfBindings & { importsTf: boolean } = {
    namespace: null,
    named: new Map(),
    declaration: null,
    importsTf: false,
  };
  for (const statement of program.body) {
    if (!importsTfIn(statement, modules)) continue;
    bindings.importsTf = true;
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind === 'type') continue;
      bindings.declaration ??= statement;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          if (specifier.importKind === 'type') continue;
          const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
          bindings.named.set(imported, specifier.local.name);
        } else {
          bindings.namespace ??= specifier.local.name;
        }
      }
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      bindings.namespace ??= statement.id.name;
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (!isRequireOf(declarator.init, modules)) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          bindings.namespace ??= declarator.id.name;
          bindings.declaration ??= statement;
        } else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          bindings.declaration ??= statement;
          for (const property of declarator.id.properties) {
            if (
              property.type === AST_NODE_TYPES.Property &&
              property.key.type === AST_NODE_TYPES.Identifier &&
              property.value.type === AST_NODE_TYPES.Identifier
            ) {
              bindings.named.set(property.key.name, property.value.name);
            }
          }
        }
      }
    }
  }
  return bindings;
}

/**
 * Whether the file imports or requires a TF.js module: the answer of `TfIndex.importsTf` without building the
 * index (the same statements, the same test).
 */
export function importsTfModule(program: TSESTree.Program, tfModules: readonly string[]): boolean {
  const modules = moduleSet(tfModules);
  return program.body.some((statement) => importsTfIn(statement, modules));
}

let lastModules: readonly string[] | null = null;
let lastModuleSet: ReadonlySet<string> = new Set();

/** `tfModules` as a set, made once per settings value (the same array for every file of a config). */
function moduleSet(tfModules: readonly string[]): ReadonlySet<string> {
  if (tfModules !== lastModules) {
    lastModuleSet = new Set(tfModules);
    lastModules = tfModules;
  }
  return lastModuleSet;
}

export function getTfIndex(sourceCode: TSESLint.SourceCode, tfModules: readonly string[]): TfIndex {
  const program = sourceCode.ast;
  const cached = cache.get(program);
  if (cached) return cached;

  const modules = moduleSet(tfModules);
  const calls = new Map<TSESTree.Node, string>();
  const globalScope = sourceCode.scopeManager?.globalScope;
  const { importsTf, ...bindings } = findBindings(program, modules);

  if (importsTf && globalScope) {
    const traceMaps = traceMapsFor(modules);
    const tracker = new ReferenceTracker(globalScope as never);
    const record = (references: Iterable<{ node: unknown; info: unknown }>): void => {
      for (const { node, info } of references) calls.set(node as TSESTree.Node, info as string);
    };
    record(tracker.iterateEsmReferences(traceMaps.esm));
    record(tracker.iterateCjsReferences(traceMaps.cjs));

    // `require` that is not a declared global (TS module files) and `import tf = require()`.
    for (const reference of globalScope.through) {
      const identifier = reference.identifier;
      const call = identifier.parent;
      if (identifier.name === 'require' && call && call.type === AST_NODE_TYPES.CallExpression && isRequireOf(call, modules)) {
        record(tracker.iteratePropertyReferences(call as never, MODULE_TRACE as TraceMap<unknown>));
      }
    }
    for (const statement of program.body) {
      if (
        statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
        statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
        isModuleString(statement.moduleReference.expression, modules)
      ) {
        const variable = sourceCode.getDeclaredVariables(statement)[0];
        for (const reference of variable?.references ?? []) {
          record(tracker.iteratePropertyReferences(reference.identifier as never, MODULE_TRACE as TraceMap<unknown>));
        }
      }
    }
  }

  const index: TfIndex = { calls, importsTf, bindings };
  cache.set(program, index);
  return index;
}
