// Building blocks of the generated programs: a Builder that allocates names and parameters and renders one exported
// function `f`, operand shapes (scalar, array, tensor) that carry both their source text and their value, wrappers
// (nesting), and the input tape the parameter values are drawn from.
//
// A generated program is data (a spec of small integers and booleans that fast-check shrinks toward 0 = the simplest
// spelling) rendered deterministically into source code plus a reference function of the parameter values. The
// reference is the exact (60-digit or correctly rounded) value of the pattern composed with the wrapper, so inputs on
// which the original is finite but wrong (cancellation, gradual underflow) are judged against it, as in the harness.

import fc from 'fast-check';
import { tensor, type TensorArg } from '../helpers/fix-harness.js';

export type Env = Record<string, unknown>;
export type ValueKind = 'num' | 'arr' | 'tensor';

/** Operator precedence levels, for parenthesising. */
export const PREC = { COND: 1, REL: 8, ADD: 10, MUL: 11, POW: 12, UNARY: 13, POSTFIX: 20 } as const;

export interface Expr {
  readonly code: string;
  readonly prec: number;
  /** The value (the reference value, for a pattern). */
  readonly ev: (env: Env) => unknown;
}

export const expr = (code: string, prec: number, ev: (env: Env) => unknown): Expr => ({ code, prec, ev });

/** The code of `e` where an operand of precedence ≥ `min` is required. */
export function at(e: Expr | string, min: number, prec: number = PREC.POSTFIX): string {
  const code = typeof e === 'string' ? e : e.code;
  const p = typeof e === 'string' ? prec : e.prec;
  return p >= min ? code : `(${code})`;
}

/** `-e`, never `--e`. */
export function negText(e: Expr): string {
  const inner = at(e, PREC.UNARY);
  return /^[-+]/.test(inner) ? `-(${inner})` : `-${inner}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs: a tape of values the parameters draw from, in order (cycling).

export interface Tape {
  readonly scalars: readonly number[];
  readonly arrays: readonly (readonly number[])[];
  readonly ints: readonly number[];
  /** 3 × 6 matrices, cut to `rows` × `cols`. */
  readonly matrices: readonly (readonly (readonly number[])[])[];
  readonly rows: number;
  readonly cols: number;
}

export interface Distributions {
  readonly scalar: fc.Arbitrary<number>;
  readonly array: fc.Arbitrary<number[]>;
  /** Tensor elements (float32). */
  readonly element?: fc.Arbitrary<number>;
}

export function tapeArbitrary(d: Distributions): fc.Arbitrary<Tape> {
  const element = d.element ?? d.scalar;
  return fc.record({
    scalars: fc.array(d.scalar, { minLength: 12, maxLength: 12 }),
    arrays: fc.array(d.array, { minLength: 4, maxLength: 4 }),
    ints: fc.array(fc.nat({ max: 1000 }), { minLength: 6, maxLength: 6 }),
    matrices: fc.array(fc.array(fc.array(element, { minLength: 6, maxLength: 6 }), { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
    rows: fc.integer({ min: 1, max: 3 }),
    cols: fc.integer({ min: 1, max: 6 }),
  });
}

export class TapeReader {
  private s = 0;
  private a = 0;
  private i = 0;
  private m = 0;
  constructor(readonly tape: Tape) {}
  scalar(): number {
    return this.tape.scalars[this.s++ % this.tape.scalars.length];
  }
  array(): number[] {
    return [...this.tape.arrays[this.a++ % this.tape.arrays.length]];
  }
  int(): number {
    return this.tape.ints[this.i++ % this.tape.ints.length];
  }
  matrix(rows = this.tape.rows, cols = this.tape.cols): number[][] {
    const full = this.tape.matrices[this.m++ % this.tape.matrices.length];
    return full.slice(0, rows).map((row) => row.slice(0, cols));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// TF.js spellings

export const TF_STYLES = ['ns', 'ns-core', 'ns-alias', 'named', 'named-alias', 'named-type-import'] as const;
export const CJS_TF_STYLES = ['require-ns', 'require-named'] as const;
export type TfStyle = (typeof TF_STYLES)[number] | (typeof CJS_TF_STYLES)[number];

// ---------------------------------------------------------------------------------------------------------------
// The builder

/** Names never used for parameters: callback variables, temporaries, globals, the function itself. */
const RESERVED = ['f', 'g', 'r', 'tf', 'Math', 'a', 'b', 'acc', 'v', 'q', 'i', 'seen', 'require', 'module', 'exports', 'Tensor'];

export interface Param {
  readonly name: string;
  /** TS annotation (ignored in JS). */
  readonly type: string;
  readonly gen: (reader: TapeReader, values: Env) => unknown;
}

export interface FrameSpec {
  /** 0–5 TS `export function`, 6–7 TS `export const f = (…) =>`, 8 CommonJS (espree), 9 CommonJS (@typescript-eslint/parser). */
  readonly module: number;
  readonly wrapper: number;
  /**
   * 0–4 none, 5 a block comment inside the last statement before the use (a temporary's initializer, a loop body),
   * 6 one inside the first, 7 line comment before the return, 8 JSDoc before `f`, 9 trailing comment on the first
   * statement.
   */
  readonly comment: number;
  /** 0–6 none, 7–8 a temporary is read again after the pattern, 9 before it. */
  readonly reuse: number;
  /**
   * A binding named like the kernel (or TF.js op) the fix imports, which the fix must not capture: 0–5 none, 6–7 a
   * top-level `const`, 8 a local `const` in `f`, 9 a parameter of `f`.
   */
  readonly decoy: number;
  /** TF.js import spelling (tensor programs: 0–9 the namespace import, else one of the styles); odd: in a `map`
   * wrapper, temporaries that do not read the element are declared outside the callback. */
  readonly tfStyle: number;
}

export const frameArbitrary: fc.Arbitrary<FrameSpec> = fc.record({
  module: fc.nat({ max: 9 }),
  wrapper: fc.nat({ max: 20 }),
  comment: fc.nat({ max: 9 }),
  reuse: fc.nat({ max: 9 }),
  decoy: fc.nat({ max: 9 }),
  tfStyle: fc.nat({ max: 20 }),
});

export class Builder {
  readonly params: Param[] = [];
  readonly top: string[] = [];
  readonly used = new Set<string>(RESERVED);
  readonly tfNames = new Set<string>();
  /** Kernels the original imports: kernel name → local name (aliased when the name is taken). */
  readonly kernelImports = new Map<string, string>();
  /** Statements at the start of `f`'s body. */
  readonly prologue: string[] = [];
  readonly ts: boolean;
  readonly cjs: boolean;
  readonly filename: string;
  readonly parser: 'ts' | 'espree';
  readonly tfStyle: TfStyle | null;
  private readonly tfNamespace: string;
  needsSeen = false;

  constructor(readonly frame: FrameSpec, tensorProgram: boolean) {
    this.cjs = frame.module >= 8;
    this.ts = !this.cjs;
    this.filename = this.cjs ? 'case.cjs' : 'case.ts';
    this.parser = frame.module === 8 ? 'espree' : 'ts';
    if (tensorProgram) {
      const styles = this.cjs ? CJS_TF_STYLES : TF_STYLES;
      // namespace spellings are the common case: half of the draws
      this.tfStyle = frame.tfStyle < 10 ? styles[0] : styles[frame.tfStyle % styles.length];
    } else {
      this.tfStyle = null;
    }
    this.tfNamespace = this.tfStyle === 'ns-alias' ? 'tfc' : 'tf';
    this.used.add(this.tfNamespace);
  }

  fresh(base: string): string {
    let name = base;
    for (let k = 2; this.used.has(name); k++) name = `${base}${k}`;
    this.used.add(name);
    return name;
  }

  param(base: string, type: string, gen: Param['gen']): string {
    const name = this.fresh(base);
    this.params.push({ name, type, gen });
    return name;
  }

  /** `: T` in TS, nothing in JS. */
  annotate(type: string): string {
    return this.ts && type ? `: ${type}` : '';
  }

  /** Callee text of a TF.js op in this file's style. */
  tf(name: string): string {
    switch (this.tfStyle) {
      case 'named':
      case 'named-type-import':
      case 'require-named':
        this.tfNames.add(name);
        this.used.add(name);
        return name;
      case 'named-alias': {
        this.tfNames.add(name);
        const alias = `t${name[0].toUpperCase()}${name.slice(1)}`;
        this.used.add(alias);
        return alias;
      }
      default:
        return `${this.tfNamespace}.${name}`;
    }
  }

  tensorType(): string {
    if (!this.ts) return '';
    return this.tfStyle === 'named' || this.tfStyle === 'named-alias' || this.tfStyle === 'named-type-import' ? 'Tensor' : `${this.tfNamespace}.Tensor`;
  }

  /** Import a kernel the original code uses (e.g. `softmax`, `sigmoid`). */
  kernel(name: string): string {
    let local = this.kernelImports.get(name);
    if (local === undefined) {
      local = this.used.has(name) ? this.fresh(`${name}Kernel`) : this.fresh(name);
      this.kernelImports.set(name, local);
    }
    return local;
  }

  seen(): string {
    this.needsSeen = true;
    return 'seen';
  }

  private headers(): string[] {
    const lines: string[] = [];
    const tfModule = this.tfStyle === 'ns-core' ? '@tensorflow/tfjs-core' : '@tensorflow/tfjs';
    if (this.tfStyle) {
      const names = [...this.tfNames];
      switch (this.tfStyle) {
        case 'ns':
        case 'ns-core':
        case 'ns-alias':
          lines.push(`import * as ${this.tfNamespace} from '${tfModule}';`);
          break;
        case 'named':
          lines.push(`import { ${[...names, 'Tensor'].join(', ')} } from '${tfModule}';`);
          break;
        case 'named-type-import':
          lines.push(`import type { Tensor } from '${tfModule}';`, names.length > 0 ? `import { ${names.join(', ')} } from '${tfModule}';` : `import '${tfModule}';`);
          break;
        case 'named-alias':
          lines.push(`import { ${[...names.map((n) => `${n} as t${n[0].toUpperCase()}${n.slice(1)}`), 'Tensor'].join(', ')} } from '${tfModule}';`);
          break;
        case 'require-ns':
          lines.push(`const tf = require('${tfModule}');`);
          break;
        case 'require-named':
          lines.push(names.length > 0 ? `const { ${names.join(', ')} } = require('${tfModule}');` : `require('${tfModule}');`);
          break;
      }
    }
    if (this.kernelImports.size > 0) {
      const names = [...this.kernelImports].map(([name, local]) => (name === local ? name : this.cjs ? `${name}: ${local}` : `${name} as ${local}`)).join(', ');
      lines.push(this.cjs ? `const { ${names} } = require('eslint-plugin-numerics/kernels');` : `import { ${names} } from 'eslint-plugin-numerics/kernels';`);
    }
    return lines;
  }

  /** The whole file: imports, top-level declarations, `f` and its export. */
  render(body: readonly string[], result: string): string {
    const frame = this.frame;
    const params = this.params.map((p) => `${p.name}${this.annotate(p.type)}`).join(', ');
    const lines = [...this.headers()];
    if (this.needsSeen) lines.push(this.ts ? 'export const seen: unknown[] = [];' : 'const seen = [];');
    lines.push(...this.top);
    const statements = [...this.prologue, ...body];
    if (frame.comment === 9 && statements.length > 0) statements[0] = `${statements[0]} // first step`;
    if (frame.comment === 7) statements.push('// the result');
    statements.push(`return ${result};`);
    const indented = statements.map((s) => `  ${s}`).join('\n');
    if (frame.comment === 8) lines.push('/** The quantity under test. */');
    if (this.cjs) {
      lines.push(`function f(${params}) {\n${indented}\n}`);
      lines.push(frame.module === 8 ? 'module.exports = { f };' : 'exports.f = f;');
    } else if (frame.module >= 6 && statements.length === 1 && frame.comment !== 7) {
      lines.push(`export const f = (${params}) => ${/^\{/.test(result) ? `(${result})` : result};`);
    } else if (frame.module >= 6) {
      lines.push(`export const f = (${params}) => {\n${indented}\n};`);
    } else {
      lines.push(`export function f(${params}) {\n${indented}\n}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Operands

/** Where a pattern is rendered: inside `ws.map((w) => …)` the element variable is an operand shape too. */
export interface Scope {
  readonly element?: { readonly name: string; readonly kind: 'num' | 'arr' };
}

export interface OperandSpec {
  /** 0–2 identifier, 3 member `p.x`, 4 index `xs[i]`, 5 parenthesised arithmetic, 6 `as` / `!` (TS), 7 the callback element. */
  readonly shape: number;
  readonly variant: number;
  /** A block comment after the operand (inside the pattern: the fix must become a suggestion). */
  readonly comment: boolean;
}

export const operandArbitrary: fc.Arbitrary<OperandSpec> = fc.record({
  shape: fc.nat({ max: 7 }),
  variant: fc.nat({ max: 5 }),
  comment: fc.integer({ min: 0, max: 24 }).map((n) => n === 24),
});

function withComment(e: Expr, spec: OperandSpec): Expr {
  return spec.comment ? expr(`${e.code} /* operand */`, e.prec, e.ev) : e;
}

/** A scalar (number) operand. */
export function scalarOperand(b: Builder, spec: OperandSpec, scope: Scope, base = 'x'): Expr {
  const element = scope.element?.kind === 'num' ? scope.element.name : null;
  let shape = spec.shape;
  if (shape === 7 && !element) shape = 0;
  if (shape === 6 && !b.ts) shape = 0;
  let e: Expr;
  switch (shape) {
    case 3: {
      const p = b.param('pt', '{ x: number; y: number }', (r) => ({ x: r.scalar(), y: r.scalar() }));
      const field = spec.variant % 2 === 0 ? 'x' : 'y';
      e = expr(`${p}.${field}`, PREC.POSTFIX, (env) => (env[p] as Record<string, number>)[field]);
      break;
    }
    case 4: {
      const xs = b.param(`${base}s`, 'number[]', (r) => r.array());
      const i = b.param('k', 'number', (r, values) => r.int() % (values[xs] as number[]).length);
      e = expr(`${xs}[${i}]`, PREC.POSTFIX, (env) => (env[xs] as number[])[env[i] as number]);
      break;
    }
    case 5: {
      const u = b.param(base, 'number', (r) => r.scalar());
      const w = b.param(base === 'x' ? 'y' : `${base}b`, 'number', (r) => r.scalar());
      const forms: [string, (x: number, y: number) => number][] = [
        [`(${u} - ${w})`, (x, y) => x - y],
        [`(${u} + ${w})`, (x, y) => x + y],
        [`(${u} * ${w})`, (x, y) => x * y],
        [`(2 * ${u})`, (x) => 2 * x],
        [`(${u} / 4)`, (x) => x / 4],
        [`(-${u})`, (x) => -x],
      ];
      const [code, fn] = forms[spec.variant % forms.length];
      e = expr(code, PREC.POSTFIX, (env) => fn(env[u] as number, env[w] as number));
      break;
    }
    case 6: {
      // TS type wrappers the engine must see through: `as`, non-null `!`
      const u = b.param(base, 'number', (r) => r.scalar());
      e = spec.variant % 2 === 0 ? expr(`(${u} as number)`, PREC.POSTFIX, (env) => env[u]) : expr(`${u}!`, PREC.POSTFIX, (env) => env[u]);
      break;
    }
    case 7:
      e = expr(element!, PREC.POSTFIX, (env) => env[element!]);
      break;
    default: {
      const u = b.param(base, 'number', (r) => r.scalar());
      e = expr(u, PREC.POSTFIX, (env) => env[u]);
    }
  }
  return withComment(e, spec);
}

/** An array operand (`number[]`, sometimes a `Float64Array`). */
export function arrayOperand(b: Builder, spec: OperandSpec, scope: Scope, base = 'xs'): Expr {
  const element = scope.element?.kind === 'arr' ? scope.element.name : null;
  let shape = spec.shape;
  if (shape === 7 && !element) shape = 0;
  let e: Expr;
  switch (shape) {
    case 3: {
      const p = b.param('data', '{ values: number[] }', (r) => ({ values: r.array() }));
      e = expr(`${p}.values`, PREC.POSTFIX, (env) => (env[p] as { values: number[] }).values);
      break;
    }
    case 4: {
      const rows = b.param('table', 'number[][]', (r) => [r.array(), r.array()]);
      const k = b.param('k', 'number', (r) => r.int() % 2);
      e = expr(`${rows}[${k}]`, PREC.POSTFIX, (env) => (env[rows] as number[][])[env[k] as number]);
      break;
    }
    case 5: {
      const xs = b.param(base, 'number[]', (r) => r.array());
      const ys = b.param(base === 'xs' ? 'ys' : `${base}b`, 'number[]', (r) => r.array());
      const sel = b.param('sel', 'number', (r) => (r.int() % 3) - 1);
      e = expr(`(${sel} > 0 ? ${xs} : ${ys})`, PREC.POSTFIX, (env) => ((env[sel] as number) > 0 ? env[xs] : env[ys]));
      break;
    }
    case 6: {
      // a typed array (TS only: an annotation is what makes it one for the type checker; values are copied in)
      const xs = b.param(base, b.ts ? 'Float64Array' : '', (r) => Float64Array.from(r.array()));
      e = expr(xs, PREC.POSTFIX, (env) => Array.from(env[xs] as Float64Array));
      break;
    }
    case 7:
      e = expr(element!, PREC.POSTFIX, (env) => env[element!]);
      break;
    default: {
      const xs = b.param(base, 'number[]', (r) => r.array());
      e = expr(xs, PREC.POSTFIX, (env) => env[xs]);
    }
  }
  return withComment(e, spec);
}

/** A tensor operand: values are float32 2-D matrices (`rows` × `cols` of the tape). */
export function tensorOperand(b: Builder, spec: OperandSpec, base = 't'): Expr {
  const type = b.tensorType();
  const mat = (r: TapeReader): TensorArg => tensor(r.matrix());
  let e: Expr;
  switch (spec.shape) {
    case 3: {
      const p = b.param('batch', type ? `{ logits: ${type} }` : '', (r) => ({ logits: mat(r) }));
      e = expr(`${p}.logits`, PREC.POSTFIX, (env) => (env[p] as { logits: number[][] }).logits);
      break;
    }
    case 4: {
      const list = b.param(`${base}s`, type ? `${type}[]` : '', (r) => [mat(r), mat(r)]);
      const k = spec.variant % 2;
      e = expr(`${list}[${k}]`, PREC.POSTFIX, (env) => (env[list] as number[][][])[k]);
      break;
    }
    case 5: {
      const t = b.param(base, type, mat);
      const chained = spec.variant % 2 === 1;
      const code = chained ? `${t}.mul(2)` : `${b.tf('mul')}(${t}, 2)`;
      e = expr(code, PREC.POSTFIX, (env) => (env[t] as number[][]).map((row) => row.map((x) => Math.fround(2 * x))));
      break;
    }
    default: {
      const t = b.param(base, type, mat);
      e = expr(t, PREC.POSTFIX, (env) => env[t]);
    }
  }
  return withComment(e, spec);
}

// ---------------------------------------------------------------------------------------------------------------
// Wrappers (nesting)

export interface Rendered {
  /** Statements before the use (temporaries, loops). */
  readonly stmts: readonly string[];
  /** The pattern; `ev` is its exact value. */
  readonly expr: Expr;
  /** Temporaries a reuse may read again. */
  readonly temps: readonly string[];
  /** Each pattern the expression holds, with the rules that fix it (default: the expression, the pattern's rules). */
  readonly parts?: readonly Part[];
}

export interface Part {
  readonly code: string;
  /** Empty: the pattern's own rules. */
  readonly rules: readonly string[];
}

export interface Wrapped {
  readonly body: string[];
  readonly result: string;
  readonly ev: (env: Env) => unknown;
  /** Each pattern in the program, as rendered. */
  readonly parts: readonly Part[];
}

type Render = (scope: Scope) => Rendered;

/** A block comment after the first `=` or `+=` of a statement (inside a temporary's initializer or a loop). */
function commentInside(statement: string): string {
  return statement.replace(/(\+?= )/, '$1/* step */ ');
}

/** Statements of a pattern plus an optional reuse of a temporary (after or before the use). */
function withReuse(b: Builder, rendered: Rendered, use: (e: Expr) => string): { stmts: string[]; value: string } {
  const temp = rendered.temps[0];
  const reuse = temp === undefined ? 0 : b.frame.reuse;
  const stmts = [...rendered.stmts];
  const commentable = stmts.map((stmt, i) => (/(\+?= )/.test(stmt) ? i : -1)).filter((i) => i >= 0);
  if (b.frame.comment === 5 && commentable.length > 0) stmts[commentable[commentable.length - 1]] = commentInside(stmts[commentable[commentable.length - 1]]);
  if (b.frame.comment === 6 && commentable.length > 0) stmts[commentable[0]] = commentInside(stmts[commentable[0]]);
  if (reuse === 9) {
    stmts.push(`${b.seen()}.push(${temp});`);
    return { stmts, value: use(rendered.expr) };
  }
  if (reuse >= 7) {
    stmts.push(`const r = ${use(rendered.expr)};`, `${b.seen()}.push(${temp});`);
    return { stmts, value: 'r' };
  }
  return { stmts, value: use(rendered.expr) };
}

const NUM_WRAPPERS = ['return', 'return', 'return', 'scale', 'neg', 'square', 'ternary', 'ternary-else', 'closure', 'map', 'map', 'pair', 'let'] as const;
const ARR_WRAPPERS = ['return', 'return', 'return', 'ternary', 'closure', 'map', 'map', 'first', 'let'] as const;
const TENSOR_WRAPPERS = ['return', 'return', 'return', 'tidy', 'scale', 'let'] as const;

export function wrapperName(kind: ValueKind, index: number): string {
  const list = kind === 'num' ? NUM_WRAPPERS : kind === 'arr' ? ARR_WRAPPERS : TENSOR_WRAPPERS;
  return list[index % list.length];
}

/** Render the pattern inside the frame's wrapper. */
export function wrap(b: Builder, kind: ValueKind, render: Render): Wrapped {
  let parts: readonly Part[] = [];
  const recorded: Render = (scope) => {
    const rendered = render(scope);
    parts = rendered.parts ?? [{ code: rendered.expr.code, rules: [] }];
    return rendered;
  };
  const wrapped = wrapInner(b, kind, recorded);
  return { ...wrapped, parts };
}

function wrapInner(b: Builder, kind: ValueKind, render: Render): Omit<Wrapped, 'parts'> {
  const name = wrapperName(kind, b.frame.wrapper);
  if (name === 'map') {
    // ws.map((w) => P): the element is an operand shape for the pattern
    const elementKind = kind === 'num' ? 'num' : 'arr';
    const ws = b.param(elementKind === 'num' ? 'ws' : 'rows', elementKind === 'num' ? 'number[]' : 'number[][]', (r) =>
      elementKind === 'num' ? r.array() : [r.array(), r.array(), r.array()],
    );
    const w = b.fresh(elementKind === 'num' ? 'w' : 'row');
    const rendered = render({ element: { name: w, kind: elementKind } });
    const { stmts, value } = withReuse(b, rendered, (e) => e.code);
    // temporaries that do not read the element may live outside the callback (the fix then moves their text in)
    const usesElement = new RegExp(`(?<![\\w$.])${w}(?![\\w$])`);
    if (b.frame.tfStyle % 2 === 1 && stmts.length > 0 && !stmts.some((stmt) => usesElement.test(stmt))) {
      return {
        body: stmts,
        result: `${ws}.map((${w}) => ${/^\{/.test(value) ? `(${value})` : value})`,
        ev: (env) => (env[ws] as unknown[]).map((element) => rendered.expr.ev({ ...env, [w]: element })),
      };
    }
    const callback =
      stmts.length === 0 ? `(${w}) => ${/^\{/.test(value) ? `(${value})` : value}` : `(${w}) => {\n${[...stmts, `return ${value};`].map((s) => `    ${s}`).join('\n')}\n  }`;
    return {
      body: [],
      result: `${ws}.map(${callback})`,
      ev: (env) => (env[ws] as unknown[]).map((element) => rendered.expr.ev({ ...env, [w]: element })),
    };
  }
  const rendered = render({});
  const ev = rendered.expr.ev;
  switch (name) {
    case 'scale': {
      if (kind === 'tensor') {
        const chained = b.frame.wrapper % 2 === 0;
        const { stmts, value } = withReuse(b, rendered, (e) => (chained ? `${at(e, PREC.POSTFIX)}.mul(0.5)` : `${b.tf('mul')}(${e.code}, 0.5)`));
        return { body: stmts, result: value, ev: (env) => mapDeep(ev(env), (x) => Math.fround(0.5 * x)) };
      }
      const { stmts, value } = withReuse(b, rendered, (e) => `0.5 * ${at(e, PREC.MUL + 1)}`);
      return { body: stmts, result: value, ev: (env) => 0.5 * (ev(env) as number) };
    }
    case 'neg': {
      const { stmts, value } = withReuse(b, rendered, (e) => negText(e));
      return { body: stmts, result: value, ev: (env) => -(ev(env) as number) };
    }
    case 'square': {
      const { stmts, value } = withReuse(b, rendered, (e) => `${at(e, PREC.POSTFIX)} ** 2`);
      return { body: stmts, result: value, ev: (env) => (ev(env) as number) ** 2 };
    }
    case 'ternary':
    case 'ternary-else': {
      const sel = b.param('sel', 'number', (r) => (r.int() % 3) - 1);
      const other = kind === 'arr' ? '[]' : '0';
      const otherValue = kind === 'arr' ? [] : 0;
      const first = name === 'ternary';
      const { stmts, value } = withReuse(b, rendered, (e) => (first ? `${sel} > 0 ? ${at(e, PREC.COND)} : ${other}` : `${sel} > 0 ? ${other} : ${at(e, PREC.COND)}`));
      return {
        body: stmts,
        result: value,
        ev: (env) => ((env[sel] as number) > 0 === first ? ev(env) : otherValue),
      };
    }
    case 'closure': {
      const { stmts, value } = withReuse(b, rendered, (e) => e.code);
      return { body: [...stmts, `const g = () => ${/^\{/.test(value) ? `(${value})` : value};`], result: 'g()', ev };
    }
    case 'tidy': {
      const { stmts, value } = withReuse(b, rendered, (e) => e.code);
      return { body: stmts, result: `${b.tf('tidy')}(() => ${value})`, ev };
    }
    case 'pair': {
      const { stmts, value } = withReuse(b, rendered, (e) => e.code);
      return { body: stmts, result: `[${value}, 1]`, ev: (env) => [ev(env), 1] };
    }
    case 'first': {
      const { stmts, value } = withReuse(b, rendered, (e) => `${at(e, PREC.POSTFIX)}[0]`);
      return { body: stmts, result: value, ev: (env) => (ev(env) as number[])[0] };
    }
    case 'let': {
      const { stmts, value } = withReuse(b, rendered, (e) => e.code);
      const out = b.fresh('out');
      return { body: [...stmts, `const ${out} = ${value};`], result: out, ev };
    }
    default: {
      const { stmts, value } = withReuse(b, rendered, (e) => e.code);
      return { body: stmts, result: value, ev };
    }
  }
}

export function mapDeep(value: unknown, fn: (x: number) => number): unknown {
  return Array.isArray(value) ? value.map((v) => mapDeep(v, fn)) : typeof value === 'number' ? fn(value) : value;
}
