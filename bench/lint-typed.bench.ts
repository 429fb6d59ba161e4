/**
 * `npm run bench:lint:typed`: what typed mode (`settings.numerics.typed: true`) costs, on the TypeScript sources
 * of the real-code corpus (tools/corpus/packages.ts: the packages whose linted files are `.ts`).
 *
 * Every file is parsed with type information (`@typescript-eslint/parser`, `parserOptions.project`): one
 * generated tsconfig per package under the git-ignored `.corpus-cache/typed-bench/`, listing that package's
 * linted files (the packages ship no tsconfig of their own, and the project service only finds a tsconfig.json
 * above the file). Three configs lint the same files through ESLint's `Linter`:
 *   baseline  typed parse + one rule that does nothing (the type-aware parse, program and checker included, is
 *             what any typed rule pays, so that is the fair floor)
 *   untyped   typed parse + this plugin's `all` config, `typed: false` (the default)
 *   typed     typed parse + this plugin's `all` config, `typed: true`
 * and, for scale only, `syntax`: the plugin's `all` config on a syntax-only parse (no program), run after the
 * others (stats rounds only): interleaved, it slowed the typed run that followed it by ~15%.
 * Each (config, round) is one cold lint run: the parser's caches are cleared first (`clearCaches()`), so every run
 * builds its programs and type checkers again, as one `eslint` invocation would; a checker shared across runs
 * would have cached the types that typed mode asks for. Interleaved over rounds (each round another order of the
 * three), CPU time from `process.cpuUsage()`, each config's CPU reported as a ratio to the baseline of the same
 * round (median over rounds). Then rounds with ESLint's `stats: true` give parse time and the time inside each rule.
 * Last, the findings of `untyped` and `typed` are compared: typed mode should only change which values count as
 * tensors.
 *
 *   npm run bench:lint:typed                       default: 6 CPU rounds + 3 stats rounds after one warm-up
 *   npm run bench:lint:typed -- --rounds 3 --stats-rounds 2 --package umap-js --json out.json
 *
 * `Linter` (unlike the `ESLint` class) needs the real path as `filename` for type information, and it ignores
 * every `node_modules` folder below its `cwd`: the linter runs with `cwd` = node_modules, so the corpus files match.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { clearCaches } from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { cpuMs, f1, f2, f3, gc, loadBuiltNumerics, median, noopPlugin, linterRuleTimes, sum, type PluginObject, type RuleTimes } from './common.js';
import { CACHE_DIR, REPO_ROOT, resolvePackage, selectPackages } from '../tools/corpus/files.js';
import { configFor, langsFor } from '../tools/corpus/lint.js';


interface Args {
  rounds: number;
  statsRounds: number;
  packages: string[];
  json?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { rounds: 6, statsRounds: 3, packages: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--rounds') args.rounds = Number(argv[++i]);
    else if (a === '--stats-rounds') args.statsRounds = Number(argv[++i]);
    else if (a === '--package' || a === '-p') args.packages.push(...argv[++i]!.split(','));
    else if (a === '--json') args.json = argv[++i];
    else throw new Error(`bench:lint:typed: unknown argument ${a}`);
  }
  return args;
}


interface RuleContextLike {
  filename: string;
  sourceCode: { parserServices?: { program?: unknown } };
}

/** Warm-up only: records the files whose parse came without a program (type information did not work). */
const untypedFiles = new Set<string>();
const probePlugin = {
  meta: { name: 'probe' },
  rules: {
    program: {
      meta: { type: 'problem', schema: [] },
      create: (context: RuleContextLike) => ({
        Program() {
          if (!context.sourceCode.parserServices?.program) untypedFiles.add(context.filename);
        },
      }),
    },
  },
} as unknown as PluginObject;

type ConfigName = 'baseline' | 'untyped' | 'typed' | 'syntax';
/** The configs timed against each other, interleaved. */
const TIMED: ConfigName[] = ['baseline', 'untyped', 'typed'];
/**
 * Round orders: all permutations, cycled, so no config always runs after the same one. A fixed rotation keeps
 * the cyclic order; with the syntax-only config in it, the run after a syntax-only run was ~15% slower.
 */
const ORDERS: ConfigName[][] = [
  ['baseline', 'untyped', 'typed'],
  ['typed', 'untyped', 'baseline'],
  ['untyped', 'typed', 'baseline'],
  ['baseline', 'typed', 'untyped'],
  ['typed', 'baseline', 'untyped'],
  ['untyped', 'baseline', 'typed'],
];

interface BenchFile {
  pkg: string;
  rel: string;
  /** Real absolute path: the parser finds the file in its program by it. */
  filename: string;
  code: string;
  lines: number;
  configs: Map<ConfigName | 'probe', Linter.Config[]>;
}

const TSCONFIG_DIR = path.join(CACHE_DIR, 'typed-bench');

/**
 * One tsconfig per package that lists its linted `.ts` files. Generic options (the packages' own tsconfigs are
 * not published): modern target, bundler resolution so `@tensorflow/tfjs-core` etc. resolve from node_modules,
 * no ambient `@types` (only what the sources import).
 */
function writeTsconfig(pkg: string, files: string[]): string {
  const dir = path.join(TSCONFIG_DIR, pkg.replace('/', '__'));
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'tsconfig.json');
  const compilerOptions = {
    target: 'esnext',
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['esnext', 'dom'],
    types: [],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  };
  writeFileSync(file, `${JSON.stringify({ compilerOptions, files }, null, 1)}\n`);
  return file;
}

function loadCorpus(
  packages: string[],
  numerics: { rules: Linter.RulesRecord; plugins: Record<string, PluginObject> },
): { files: BenchFile[]; versions: Record<string, string> } {
  rmSync(TSCONFIG_DIR, { recursive: true, force: true });
  const files: BenchFile[] = [];
  const versions: Record<string, string> = {};
  for (const pkg of selectPackages(packages)) {
    if (pkg.crashOnly) continue;
    const rp = resolvePackage(pkg);
    const ts = rp.files.filter((f) => langsFor(f.rel)[0] === 'ts');
    if (ts.length === 0) continue; // ships JavaScript only
    versions[pkg.name] = rp.version;
    const project = writeTsconfig(
      pkg.name,
      ts.map((f) => f.abs),
    );
    const typedOptions: Linter.LanguageOptions = { parserOptions: { project, tsconfigRootDir: path.dirname(project) } };
    const make = (rules: Linter.RulesRecord, plugins: Record<string, PluginObject>, typedParse: boolean, typedMode: boolean) =>
      configFor('ts', '', rules, plugins).map((c): Linter.Config => ({
        ...c,
        languageOptions: { ...c.languageOptions, ...(typedParse ? typedOptions : {}) },
        settings: { numerics: { typed: typedMode } },
      }));
    for (const f of ts) {
      const code = readFileSync(f.abs, 'utf8');
      const configs = new Map<ConfigName | 'probe', Linter.Config[]>([
        ['probe', make({ 'probe/program': 'error' }, { probe: probePlugin }, true, false)],
        ['baseline', make({ 'bench/noop': 'error' }, { bench: noopPlugin }, true, false)],
        ['untyped', make(numerics.rules, numerics.plugins, true, false)],
        ['typed', make(numerics.rules, numerics.plugins, true, true)],
        ['syntax', make(numerics.rules, numerics.plugins, false, false)],
      ]);
      files.push({ pkg: pkg.name, rel: f.rel, filename: f.abs, code, lines: code.split('\n').length, configs });
    }
  }
  return { files, versions };
}


/** A cold run: parser caches dropped first, so programs and checkers are built inside the timed region. */
function coldStart(): void {
  clearCaches();
  gc();
}

interface Run {
  cpu: number;
  wall: number;
  messages: Map<BenchFile, Linter.LintMessage[]>;
}

function lintAll(linter: Linter, files: BenchFile[], config: ConfigName | 'probe'): Run {
  coldStart();
  const messages = new Map<BenchFile, Linter.LintMessage[]>();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const f of files) messages.set(f, linter.verify(f.code, f.configs.get(config)!, { filename: f.filename }));
  return { cpu: cpuMs(c0), wall: performance.now() - t0, messages };
}


function lintAllWithStats(linter: Linter, files: BenchFile[], config: ConfigName): RuleTimes {
  coldStart();
  return linterRuleTimes(linter, files, config);
}

interface Finding {
  key: string;
  pkg: string;
  rel: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  code: string;
}

function findings(run: Run): { list: Finding[]; fatal: string[] } {
  const list: Finding[] = [];
  const fatal: string[] = [];
  for (const [f, msgs] of run.messages) {
    const lines = f.code.split(/\r\n|\r|\n/);
    for (const m of msgs) {
      if (m.fatal) fatal.push(`${f.pkg}/${f.rel}: ${m.message}`);
      // ruleId null and not fatal: the corpus's own `eslint-disable` comments, inert under `noInlineConfig`.
      if (m.fatal || !m.ruleId) continue;
      const rule = m.ruleId.replace(/^numerics\//, '');
      const code = (lines[m.line - 1] ?? '').trim().slice(0, 160);
      list.push({ key: `${f.filename}:${m.line}:${m.column}:${m.ruleId}:${m.message}`, pkg: f.pkg, rel: f.rel, line: m.line, column: m.column, rule, message: m.message, code });
    }
  }
  return { list, fatal };
}


async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const numerics = await loadBuiltNumerics();
  // Flat config ignores `**/node_modules/` relative to cwd; the corpus lives there.
  const linter = new Linter({ configType: 'flat', cwd: path.join(REPO_ROOT, 'node_modules') });
  const require = createRequire(import.meta.url);
  const { files, versions } = loadCorpus(args.packages, numerics);
  if (files.length === 0) throw new Error('bench:lint:typed: no TypeScript files in the selected packages');
  const lines = sum(files.map((f) => f.lines));
  const kloc = lines / 1000;
  const ver = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  const env = {
    cpu: `${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}`,
    node: process.version,
    eslint: Linter.version,
    'eslint-plugin-numerics': `${ver('eslint-plugin-numerics')} (built dist/)`,
    '@typescript-eslint/parser': ver('@typescript-eslint/parser'),
    typescript: ver('typescript'),
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
  const perPkg = Object.keys(versions).map((name) => {
    const fs = files.filter((f) => f.pkg === name);
    return `${name}@${versions[name]} (${fs.length} files, ${sum(fs.map((f) => f.lines)).toLocaleString('en-US')} lines)`;
  });
  console.log(`# bench:lint:typed — ${files.length} TypeScript files, ${lines.toLocaleString('en-US')} lines, ${perPkg.length} packages`);
  console.log(perPkg.join('; '));
  console.log(Object.entries(env).map(([k, v]) => `${k} ${v}`).join('; '));

  // Warm-up (JIT, module loading), not counted; the probe checks that every file got a program.
  // The syntax-only run goes first: a typed run right after it is slower (see ORDERS).
  const warm = new Map<ConfigName, Run>([['syntax', lintAll(linter, files, 'syntax')]]);
  lintAll(linter, files, 'probe');
  if (untypedFiles.size > 0) throw new Error(`bench:lint:typed: no type information for ${[...untypedFiles].join(', ')}`);
  for (const c of TIMED) warm.set(c, lintAll(linter, files, c));
  for (const c of warm.keys()) {
    const { fatal } = findings(warm.get(c)!);
    if (fatal.length > 0) throw new Error(`bench:lint:typed: ${c}: ${fatal.slice(0, 5).join('\n')}`);
  }

  const cpu: Record<ConfigName, number[]> = { baseline: [], untyped: [], typed: [], syntax: [] };
  const wall: Record<ConfigName, number[]> = { baseline: [], untyped: [], typed: [], syntax: [] };
  const ratios: Record<ConfigName, number[]> = { baseline: [], untyped: [], typed: [], syntax: [] };
  const typedOverUntyped: number[] = [];
  for (let round = 0; round < args.rounds; round++) {
    const order = ORDERS[round % ORDERS.length]!;
    const byName = {} as Record<ConfigName, number>;
    for (const c of order) {
      const r = lintAll(linter, files, c);
      cpu[c].push(r.cpu);
      wall[c].push(r.wall);
      byName[c] = r.cpu;
    }
    for (const c of TIMED) ratios[c].push(byName[c] / byName.baseline);
    typedOverUntyped.push(byName.typed / byName.untyped);
    process.stderr.write(
      `  round ${round + 1} (${order.join(', ')}): baseline ${f2(byName.baseline / 1000)} s, untyped ×${f3(ratios.untyped.at(-1)!)}, typed ×${f3(ratios.typed.at(-1)!)}\n`,
    );
  }

  const stats: Record<ConfigName, RuleTimes[]> = { baseline: [], untyped: [], typed: [], syntax: [] };
  for (let round = 0; round < args.statsRounds; round++) {
    for (const c of ORDERS[round % ORDERS.length]!) stats[c].push(lintAllWithStats(linter, files, c));
  }
  for (let round = 0; round < args.statsRounds; round++) stats.syntax.push(lintAllWithStats(linter, files, 'syntax'));
  const ruleTotal = (name: ConfigName) => median(stats[name].map((s) => sum(Object.values(s.rules))));
  const ruleMs = (name: ConfigName, rule: string) => median(stats[name].map((s) => s.rules[rule] ?? 0));

  console.log('\n## CPU time (process.cpuUsage, cold run per config and round, median over rounds)\n');
  console.log('| config | CPU s (median) | ratio to baseline (median) | ratio range | wall s (median) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const c of TIMED) {
    const r = ratios[c];
    console.log(`| ${c} | ${f2(median(cpu[c]) / 1000)} | ${f3(median(r))} | ${f3(Math.min(...r))}–${f3(Math.max(...r))} | ${f2(median(wall[c]) / 1000)} |`);
  }
  console.log(`\ntyped / untyped CPU (same round): median ${f3(median(typedOverUntyped))}, range ${f3(Math.min(...typedOverUntyped))}–${f3(Math.max(...typedOverUntyped))}`);

  console.log('\n## Parse and rule time (ESLint stats: true, cold runs, median over rounds)\n');
  console.log('| config | parse ms | rule ms | rule ms per 1,000 lines |');
  console.log('|---|---:|---:|---:|');
  for (const c of [...TIMED, 'syntax'] as const) {
    console.log(`| ${c} | ${f1(median(stats[c].map((s) => s.parse)))} | ${f1(ruleTotal(c))} | ${f3(ruleTotal(c) / kloc)} |`);
  }

  console.log('\n## Per-rule time, untyped vs typed (ms, median over stats rounds)\n');
  console.log('| rule | untyped ms | typed ms | typed − untyped ms |');
  console.log('|---|---:|---:|---:|');
  const rules = [...new Set([...Object.keys(stats.untyped[0]?.rules ?? {}), ...Object.keys(stats.typed[0]?.rules ?? {})])];
  rules.sort((a, b) => ruleMs('typed', b) - ruleMs('typed', a));
  for (const rule of rules) {
    const u = ruleMs('untyped', rule);
    const t = ruleMs('typed', rule);
    console.log(`| ${rule.replace(/^numerics\//, '')} | ${f1(u)} | ${f1(t)} | ${t - u >= 0 ? '+' : ''}${f1(t - u)} |`);
  }
  console.log(`| **all rules** | ${f1(ruleTotal('untyped'))} | ${f1(ruleTotal('typed'))} | ${f1(ruleTotal('typed') - ruleTotal('untyped'))} |`);

  const untyped = findings(warm.get('untyped')!).list;
  const typed = findings(warm.get('typed')!).list;
  const syntax = findings(warm.get('syntax')!).list;
  const keys = (l: Finding[]) => new Set(l.map((f) => f.key));
  const typedKeys = keys(typed);
  const untypedKeys = keys(untyped);
  const syntaxKeys = keys(syntax);
  const onlyUntyped = untyped.filter((f) => !typedKeys.has(f.key));
  const onlyTyped = typed.filter((f) => !untypedKeys.has(f.key));
  const syntaxSame = syntaxKeys.size === untypedKeys.size && [...syntaxKeys].every((k) => untypedKeys.has(k));
  console.log('\n## Findings\n');
  console.log(`untyped ${untyped.length}, typed ${typed.length}; only untyped ${onlyUntyped.length}, only typed ${onlyTyped.length}`);
  console.log(`syntax-only parse vs typed parse with typed: false: ${syntaxSame ? 'same findings' : 'DIFFERENT findings'}`);
  const show = (label: string, list: Finding[]) => {
    if (list.length === 0) return;
    console.log(`\n### ${label}\n`);
    console.log('| rule | file:line:col | code | message |');
    console.log('|---|---|---|---|');
    for (const f of list) {
      const cell = (s: string) => s.replace(/\|/g, '\\|');
      console.log(`| ${f.rule} | ${f.pkg}/${f.rel}:${f.line}:${f.column} | \`${cell(f.code)}\` | ${cell(f.message)} |`);
    }
  };
  const byRule = (l: Finding[]) => {
    const counts = new Map<string, number>();
    for (const f of l) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    return [...counts].map(([r, n]) => `${r} ${n}`).join(', ');
  };
  console.log(`by rule: untyped {${byRule(untyped)}}; typed {${byRule(typed)}}`);
  if (typed.length <= 20) show('Findings with typed mode', typed);
  show('Only without typed mode (typed mode drops them)', onlyUntyped);
  show('Only with typed mode (typed mode adds them)', onlyTyped);

  if (args.json) {
    writeFileSync(
      args.json,
      JSON.stringify({ env, files: files.length, lines, versions, cpu, wall, ratios, typedOverUntyped, stats, onlyUntyped, onlyTyped }, null, 1),
    );
  }
}

await main();
