/**
 * `npm run bench:lint`: what the plugin costs in a lint run, on the real-code corpus (tools/corpus/packages.ts).
 *
 * Three configs lint the same files through the `ESLint` class, as the CLI and editors run it (parse included; each
 * config resolved once per language setup and cached per file: bench/common.ts ESLintInstances):
 *   baseline  one rule that does nothing (ESLint with any rule costs 5–20% more than with none, so that is the
 *             fair floor: DESIGN §6)
 *   numerics  this plugin's `all` config
 *   math      eslint-plugin-math's `recommended` config
 * each timed against the baseline in a phase of its own: rounds of two whole-corpus passes, the baseline and the
 * config, in an order that flips each round, so no reading depends on which heavy config ran before it (rotating
 * all configs through one round put the allocation-heavy math config before the others). The spread between rounds
 * stays large on a shared 2-core machine (numerics, two runs of 5 rounds: 1.044–1.090 and 1.004–1.115). CPU time
 * from `process.cpuUsage()`, each config's CPU reported as a ratio to the baseline of the same round (median over
 * rounds). Then rounds with
 * ESLint's `stats: true` give the time spent inside each rule, the stable figure on a noisy 2-core machine.
 *
 * Node runs with `--no-flush-bytecode` (package.json). By default V8 drops the bytecode of functions that have not
 * run for a few major GCs; interleaving makes a plugin's code sit idle for a whole pass of another config, so each
 * pass recompiled and re-optimised it, a cost no real lint run (one config per process) pays. Measured on the
 * corpus (numerics against the baseline, at fc922bf), in one process: ×1.088 (6 rounds, 1.044–1.101) with default
 * flags, ×1.054 (1.043–1.059) with the flag; one config per process (8 processes, alternating, at 61062d3):
 * ×1.041.
 *
 * Every pass also reports its young-generation collections (scavenges). Their count tells V8's allocation-site
 * pretenuring state, which is decided early in a process and differs between processes running the same code: the
 * same baseline pass took ~588 scavenges in most processes and ~665 in others (and every time with
 * `--no-allocation-site-pretenuring`), ~1 s of CPU per pass apart. Importing the plugin's modules into a
 * baseline-only process, no rule of it on, gave 626–667 in all 4 tries. So configs are compared inside one process,
 * where they share the state; one process per config compares two GC states as much as two configs.
 *
 *   npm run bench:lint                         default: 5 CPU rounds + 3 stats rounds after one warm-up
 *   npm run bench:lint -- --rounds 3 --stats-rounds 2 --package three --json out.json
 *   npm run bench:lint -- --configs numerics   time only these configs against the baseline (numerics, math)
 *   npm run bench:lint -- --warm               no forced GC before each pass (see Args.warm)
 *   npm run bench:lint -- --configs numerics --compare .tmp-ab/dist
 *                                              A/B of two builds in one process (they share V8's GC state): the
 *                                              baseline, this build and another one rotate through each round.
 *                                              Build the other one first: `git worktree add .tmp-ab <commit>`,
 *                                              then `node tools/build.js` inside it
 *   npm run bench:lint -- --floor              also time two stand-ins of the plugin that split its overhead:
 *                                              `create` only (each rule's real `create`, its listeners dropped),
 *                                              and empty listeners (stubs that return, per file, the listener keys
 *                                              the real rule returned there, with empty bodies: ESLint's own price)
 *
 * Targets (DESIGN §6): numerics CPU ≤ 1.05× baseline; numerics rule time ≤ 0.1× eslint-plugin-math's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { type ESLint, Linter } from 'eslint';
import mathPlugin from 'eslint-plugin-math';
import { cpuMs, ESLintInstances, f1, f3, gc, type GcCounts, GcTally, lintText, loadBuiltNumerics, meanInterval, median, noopPlugin, ruleTimes, sum, type PluginObject, type RuleTimes, verdict } from './common.js';
import { REPO_ROOT, resolvePackage, selectPackages } from '../tools/corpus/files.js';
import { configFor, type Lang, langsFor, NUMERICS_PLUGINS, NUMERICS_RULES, virtualName } from '../tools/corpus/lint.js';

/**
 * The plugin as users run it: the built package (dist/, compiled by tsc). Under tsx the sources carry esbuild's
 * `__name` helper on every function expression, a cost the published code does not have; `--source` measures them.
 */
async function loadNumerics(source: boolean): Promise<{ rules: Linter.RulesRecord; plugins: Record<string, PluginObject> }> {
  return source ? { rules: NUMERICS_RULES, plugins: NUMERICS_PLUGINS } : loadBuiltNumerics();
}

interface Args {
  rounds: number;
  statsRounds: number;
  packages: string[];
  json?: string;
  source: boolean;
  floor: boolean;
  /** The configs timed against the baseline (default: numerics and math; `--floor` adds its stand-ins). */
  configs: string[];
  /**
   * Skip the full GC forced before each pass. That GC also makes V8 drop optimized code, so by default every pass
   * compiles the hot code again, as a fresh `eslint` process does; `--warm` times the steady state instead.
   */
  warm: boolean;
  /** Another build's `dist/` folder, timed in the numerics phase: an A/B of two builds sharing one process. */
  compare?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { rounds: 5, statsRounds: 3, packages: [], source: false, floor: false, configs: ['numerics', 'math'], warm: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--rounds') args.rounds = Number(argv[++i]);
    else if (a === '--stats-rounds') args.statsRounds = Number(argv[++i]);
    else if (a === '--package' || a === '-p') args.packages.push(...argv[++i]!.split(','));
    else if (a === '--json') args.json = argv[++i];
    else if (a === '--source') args.source = true;
    else if (a === '--floor') args.floor = true;
    else if (a === '--configs') args.configs = argv[++i]!.split(',');
    else if (a === '--warm') args.warm = true;
    else if (a === '--compare') args.compare = argv[++i];
    else throw new Error(`bench:lint: unknown argument ${a}`);
  }
  return args;
}


const math = mathPlugin as unknown as { configs: { recommended: { rules: Linter.RulesRecord } } };

interface BenchConfig {
  name: string;
  rules: Linter.RulesRecord;
  plugins: Record<string, PluginObject>;
  /** Timed in the stats rounds too (the stand-ins of `--floor` have no rule time worth reading). */
  stats: boolean;
}

const BASELINE: BenchConfig = { name: 'baseline', rules: { 'bench/noop': 'error' }, plugins: { bench: noopPlugin }, stats: true };
const MATH: BenchConfig = { name: 'math', rules: math.configs.recommended.rules, plugins: { math: mathPlugin as unknown as PluginObject }, stats: true };

type RuleModule = { meta?: unknown; create: (context: { filename: string }) => Record<string, unknown> };

/**
 * The two stand-ins of `--floor`. Listener keys are recorded per file by `recordListenerKeys` (one pass of the
 * real plugin), so the empty-listener stubs register exactly what the real rules register there.
 */
function floorConfigs(numerics: BenchConfig): { configs: BenchConfig[]; recorder: Record<string, PluginObject>; keys: Map<string, Map<string, string[]>> } {
  const [pluginName, plugin] = Object.entries(numerics.plugins)[0]! as [string, { rules: Record<string, RuleModule> }];
  const keys = new Map<string, Map<string, string[]>>();
  const wrap = (create: (name: string, rule: RuleModule) => RuleModule['create']): PluginObject =>
    ({ meta: { name: pluginName }, rules: Object.fromEntries(Object.entries(plugin.rules).map(([name, rule]) => [name, { meta: rule.meta, create: create(name, rule) }])) }) as unknown as PluginObject;
  const recorder = wrap((name, rule) => (context) => {
    const listeners = rule.create(context);
    let byRule = keys.get(context.filename);
    if (!byRule) keys.set(context.filename, (byRule = new Map()));
    byRule.set(name, Object.keys(listeners));
    return listeners;
  });
  const createOnly = wrap((_, rule) => (context) => {
    rule.create(context);
    return {};
  });
  const emptyListeners = wrap((name) => (context) => Object.fromEntries((keys.get(context.filename)?.get(name) ?? []).map((key) => [key, () => {}])));
  return {
    configs: [
      { name: 'numerics: create only', rules: numerics.rules, plugins: { [pluginName]: createOnly }, stats: false },
      { name: 'numerics: empty listeners', rules: numerics.rules, plugins: { [pluginName]: emptyListeners }, stats: false },
    ],
    recorder: { [pluginName]: recorder },
    keys,
  };
}

interface BenchFile {
  /** The virtual path the file is linted under (cwd-relative `corpus/<package>/<path>`, made absolute). */
  filePath: string;
  code: string;
  lines: number;
  lang: Lang;
  rel: string;
}

const instances = new ESLintInstances(REPO_ROOT);

/** The file's ESLint instance for `config`: one per config and language setup (source type, JSX). */
function eslintFor(config: BenchConfig, file: BenchFile, stats = false): ESLint {
  const setup = `${file.lang}${file.rel.endsWith('.jsx') ? '+jsx' : ''}`;
  return instances.get(`${config.name}|${setup}`, () => configFor(file.lang, file.rel, config.rules, config.plugins), stats);
}

async function loadCorpus(packages: string[], linter: Linter, recorder?: BenchConfig): Promise<{ files: BenchFile[]; versions: Record<string, string> }> {
  const files: BenchFile[] = [];
  const versions: Record<string, string> = {};
  for (const pkg of selectPackages(packages)) {
    if (pkg.crashOnly) continue; // typescript.js: one 9 MB file, a crash check, not a code base
    const rp = resolvePackage(pkg);
    versions[pkg.name] = rp.version;
    for (const f of rp.files) {
      const code = readFileSync(f.abs, 'utf8');
      const filename = virtualName(f);
      const lang = langsFor(f.rel).find(
        (l: Lang) => !linter.verify(code, configFor(l, f.rel, {}, {}), { filename }).some((m) => m.fatal),
      );
      if (!lang) continue;
      const file: BenchFile = { filePath: path.join(REPO_ROOT, filename), code, lines: code.split('\n').length, lang, rel: f.rel };
      if (recorder) await lintText(eslintFor(recorder, file), code, file.filePath);
      files.push(file);
    }
  }
  return { files, versions };
}


const gcTally = new GcTally();

async function lintAll(files: BenchFile[], config: BenchConfig, warm: boolean): Promise<{ cpu: number; wall: number; problems: number; gc: GcCounts }> {
  if (!warm) gc();
  await gcTally.start();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let problems = 0;
  for (const f of files) problems += (await lintText(eslintFor(config, f), f.code, f.filePath)).messages.length;
  const cpu = cpuMs(c0);
  const wall = performance.now() - t0;
  return { cpu, wall, problems, gc: await gcTally.stop() };
}


async function lintAllWithStats(files: BenchFile[], config: BenchConfig): Promise<RuleTimes> {
  gc();
  return ruleTimes(files, (f) => eslintFor(config, f, true));
}


async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const numerics: BenchConfig = { name: 'numerics', ...(await loadNumerics(args.source)), stats: true };
  const floor = args.floor ? floorConfigs(numerics) : null;
  const known: BenchConfig[] = [numerics, MATH];
  const unknown = args.configs.filter((name) => !known.some((c) => c.name === name));
  if (unknown.length > 0) throw new Error(`bench:lint: unknown config(s) ${unknown.join(', ')} (numerics, math)`);
  const other: BenchConfig | null = args.compare ? { name: `numerics@${args.compare}`, ...(await loadBuiltNumerics(args.compare)), stats: true } : null;
  if (other && !args.configs.includes('numerics')) throw new Error('bench:lint: --compare times against the numerics config; keep it in --configs');
  const CONFIGS: BenchConfig[] = [BASELINE, ...known.filter((c) => args.configs.includes(c.name)), ...(other ? [other] : []), ...(floor?.configs ?? [])];
  const linter = new Linter({ configType: 'flat' });
  const require = createRequire(import.meta.url);
  const recorder: BenchConfig | undefined = floor ? { name: 'numerics: recorder', rules: numerics.rules, plugins: floor.recorder, stats: false } : undefined;
  const { files, versions } = await loadCorpus(args.packages, linter, recorder);
  const lines = sum(files.map((f) => f.lines));
  const kloc = lines / 1000;
  const ver = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  const env = {
    cpu: `${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}`,
    node: process.version,
    eslint: Linter.version,
    'eslint-plugin-numerics': `${ver('eslint-plugin-numerics')} (${args.source ? 'sources via tsx' : 'built dist/'})`,
    'eslint-plugin-math': ver('eslint-plugin-math'),
    '@typescript-eslint/parser': ver('@typescript-eslint/parser'),
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    'node flags': process.execArgv.filter((flag) => flag.startsWith('--') && flag !== '--import').join(' '),
  };
  console.log(`# bench:lint — ${files.length} files, ${lines.toLocaleString('en-US')} lines, ${Object.keys(versions).length} packages`);
  console.log(Object.entries(env).map(([k, v]) => `${k} ${v}`).join('; '));

  const cpu: Record<string, number[]> = Object.fromEntries(CONFIGS.map((c) => [c.name, []]));
  const wall: Record<string, number[]> = Object.fromEntries(CONFIGS.map((c) => [c.name, []]));
  const scavenges: Record<string, number[]> = Object.fromEntries(CONFIGS.map((c) => [c.name, []]));
  const ratios: Record<string, number[]> = Object.fromEntries(CONFIGS.map((c) => [c.name, c === BASELINE ? [1] : []]));
  // One phase per config: a warm-up pass of it and of the baseline (JIT, parser caches), then rounds of two passes,
  // the baseline and the config, in an order that flips each round. With `--compare`, the numerics phase rotates
  // three: the baseline, this build and the other one.
  const phases: BenchConfig[][] = CONFIGS.slice(1)
    .filter((c) => c !== other)
    .map((c) => (c === numerics && other ? [numerics, other] : [c]));
  for (const phase of phases) {
    const members = [BASELINE, ...phase];
    for (const c of [...members].reverse()) await lintAll(files, c, args.warm);
    for (let round = 0; round < args.rounds; round++) {
      const byName: Record<string, number> = {};
      const gcOf: Record<string, GcCounts> = {};
      for (const c of members.map((_, i) => members[(i + round) % members.length]!)) {
        const r = await lintAll(files, c, args.warm);
        cpu[c.name]!.push(r.cpu);
        wall[c.name]!.push(r.wall);
        scavenges[c.name]!.push(r.gc.minor);
        byName[c.name] = r.cpu;
        gcOf[c.name] = r.gc;
      }
      for (const c of phase) ratios[c.name]!.push(byName[c.name]! / byName.baseline!);
      const base = gcOf.baseline!;
      const others = phase.map((c) => `${c.name} ×${f3(byName[c.name]! / byName.baseline!)} (${gcOf[c.name]!.minor} scavenges, ${f1(gcOf[c.name]!.minorMs / 1000)} s)`);
      process.stderr.write(
        `  round ${round + 1}: baseline ${f1(byName.baseline! / 1000)} s (${base.minor} scavenges, ${f1(base.minorMs / 1000)} s), ${others.join(', ')}\n`,
      );
    }
  }

  const timed = CONFIGS.filter((c) => c.stats);
  const stats: Record<string, RuleTimes[]> = Object.fromEntries(timed.map((c) => [c.name, []]));
  for (let round = 0; round < args.statsRounds; round++) {
    const order = timed.map((_, i) => timed[(i + round) % timed.length]!);
    for (const c of order) stats[c.name]!.push(await lintAllWithStats(files, c));
  }
  const ruleTotal = (name: string) => median(stats[name]!.map((s) => sum(Object.values(s.rules))));
  const perRule = (name: string) => {
    const rules = Object.keys(stats[name]![0]?.rules ?? {});
    return rules.map((r) => ({ rule: r, ms: median(stats[name]!.map((s) => s.rules[r] ?? 0)) })).sort((a, b) => b.ms - a.ms);
  };

  console.log('\n## CPU time (process.cpuUsage, all files, median over rounds)\n');
  console.log('| config | CPU s | ratio to baseline (median) | ratio range | wall s | scavenges per pass (range) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const c of CONFIGS) {
    const r = ratios[c.name]!;
    const n = scavenges[c.name]!;
    console.log(
      `| ${c.name} | ${f1(median(cpu[c.name]!) / 1000)} | ${f3(median(r))} | ${f3(Math.min(...r))}–${f3(Math.max(...r))} | ${f1(median(wall[c.name]!) / 1000)} | ${Math.min(...n)}–${Math.max(...n)} |`,
    );
  }

  if (other) {
    // Paired by round: both builds were timed against the same baseline pass.
    const differences = ratios[other.name]!.map((ratio, i) => ratio - ratios.numerics![i]!);
    const { mean, low, high } = meanInterval(differences);
    console.log(
      `\n${other.name} minus numerics, per round: median ${f3(median(differences))} (${f3(Math.min(...differences))} to ${f3(Math.max(...differences))}), ` +
        `lower in ${differences.filter((d) => d < 0).length} of ${differences.length} rounds; mean ${f3(mean)}` +
        (low === null || high === null ? '' : ` (95% interval ${f3(low)} to ${f3(high)}${low > 0 || high < 0 ? '' : ': no difference shown'})`),
    );
  }

  console.log('\n## Rule time (ESLint stats: true, median over rounds)\n');
  console.log('| config | parse ms | rule ms | rule ms per 1,000 lines |');
  console.log('|---|---:|---:|---:|');
  for (const c of timed) {
    console.log(`| ${c.name} | ${f1(median(stats[c.name]!.map((s) => s.parse)))} | ${f1(ruleTotal(c.name))} | ${f3(ruleTotal(c.name) / kloc)} |`);
  }
  const timedNames = new Set(timed.map((c) => c.name));
  console.log('\n## Targets (DESIGN §6)\n');
  if (timedNames.has('numerics')) {
    // One round's ratio spreads by about as much as the target's margin, so the verdict reads the 95% interval of
    // the mean over rounds, not the median alone.
    const numericsCpu = median(ratios.numerics!);
    const interval = meanInterval(ratios.numerics!);
    const percent = (ratio: number | null): string => (ratio === null ? '?' : `${ratio >= 1 ? '+' : ''}${f1((ratio - 1) * 100)}%`);
    console.log(
      `numerics CPU over baseline: median ${percent(numericsCpu)}, mean ${percent(interval.mean)} (95% interval ${percent(interval.low)} to ${percent(interval.high)}, ` +
        `${ratios.numerics!.length} rounds; target ≤ +5%): ${verdict(interval, 1.05)}`,
    );
  }
  if (timedNames.has('numerics') && timedNames.has('math')) {
    const ratio = ruleTotal('numerics') / ruleTotal('math');
    console.log(`numerics rule time / eslint-plugin-math rule time: ${f3(ratio)} (target ≤ 0.1): ${ratio <= 0.1 ? 'met' : 'MISSED'}`);
  }

  if (timedNames.has('numerics')) {
    const numericsRule = ruleTotal('numerics');
    console.log('\n## Per-rule time, numerics (ms, median over stats rounds)\n');
    console.log('| rule | ms | ms per 1,000 lines | share |');
    console.log('|---|---:|---:|---:|');
    for (const { rule, ms } of perRule('numerics')) console.log(`| ${rule} | ${f1(ms)} | ${f3(ms / kloc)} | ${f1((100 * ms) / numericsRule)}% |`);
  }
  if (timedNames.has('math')) {
    console.log('\n## Per-rule time, eslint-plugin-math recommended (top 5)\n');
    for (const { rule, ms } of perRule('math').slice(0, 5)) console.log(`${rule}\t${f1(ms)} ms`);
  }

  if (args.json) {
    writeFileSync(
      args.json,
      JSON.stringify({ env, files: files.length, lines, versions, cpu, wall, scavenges, ratios, stats }, null, 1),
    );
  }
}

await main();
