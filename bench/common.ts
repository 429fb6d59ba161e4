/** What bench/lint.bench.ts and bench/lint-typed.bench.ts share: the plugins they time and how they time them. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants as perfConstants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { ESLint, Linter } from 'eslint';

export type PluginObject = NonNullable<Linter.Config['plugins']>[string];

/**
 * The plugin as users run it: the built package (dist/, compiled by tsc), its `all` config; or another build's
 * `dist/` folder (`bench:lint --compare`). That folder must sit inside this checkout (a `git worktree` under the
 * git-ignored `.tmp-…/`, built with `node tools/build.js`), so its imports resolve to this checkout's node_modules.
 */
export async function loadBuiltNumerics(distFolder?: string): Promise<{ rules: Linter.RulesRecord; plugins: Record<string, PluginObject> }> {
  // resolved at run time: dist/ need not exist to type-check
  const specifier: string = distFolder ? pathToFileURL(path.resolve(distFolder, 'esm/src/index.js')).href : 'eslint-plugin-numerics';
  const built = ((await import(specifier)) as { default: unknown }).default as {
    configs: { all: { rules: Linter.RulesRecord; plugins: Record<string, PluginObject> } };
  };
  return { rules: built.configs.all.rules, plugins: built.configs.all.plugins };
}

/** One rule that does nothing: the fair baseline (ESLint with any rule costs 5–20% more than with none). */
export const noopPlugin = {
  meta: { name: 'bench' },
  rules: {
    noop: {
      meta: { type: 'problem', schema: [] },
      create: () => ({ Program() {} }),
    },
  },
} as unknown as PluginObject;

export function cpuMs(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Garbage collections of one pass: young-generation (scavenges) and full (mark-compact), count and main-thread ms. */
export interface GcCounts {
  minor: number;
  minorMs: number;
  major: number;
  majorMs: number;
}

/**
 * Counts the collections V8 reports (`perf_hooks` `gc` entries) between `start` and `stop`. The scavenge count of
 * a pass is the tell of V8's allocation-site pretenuring state: the same ESLint pass over the corpus takes ~588
 * scavenges when V8 has decided to allocate the long-lived parser output directly in the old generation, ~665
 * when it has not, and the state differs between processes running the same code (docs/benchmarks.md).
 */
export class GcTally {
  #counts: GcCounts = { minor: 0, minorMs: 0, major: 0, majorMs: 0 };
  #counting = false;
  readonly #observer = new PerformanceObserver((list) => {
    if (!this.#counting) return;
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) {
        this.#counts.minor++;
        this.#counts.minorMs += entry.duration;
      } else if (kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) {
        this.#counts.major++;
        this.#counts.majorMs += entry.duration;
      }
    }
  });

  constructor() {
    this.#observer.observe({ entryTypes: ['gc'] });
  }

  /** Entries are delivered after the collection, on a later turn of the event loop: let them arrive. */
  static async settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  async start(): Promise<void> {
    await GcTally.settle();
    this.#counts = { minor: 0, minorMs: 0, major: 0, majorMs: 0 };
    this.#counting = true;
  }

  async stop(): Promise<GcCounts> {
    await GcTally.settle();
    this.#counting = false;
    return this.#counts;
  }
}

export interface RuleTimes {
  parse: number;
  rules: Record<string, number>;
  total: number;
}

/**
 * ESLint instances, each built once for one config and one language setup (parser, source type, JSX, project) and
 * shared by every file of that setup. The benchmarks lint the way the `eslint` CLI and editor integrations do,
 * through the `ESLint` class, which resolves a config once and caches it per file. (`Linter#verify` given a plain
 * config array normalises and validates it again on every call: a per-file cost that grows with the number of
 * rules and that no real run pays. Measured on the corpus, it read as 2–3 points more overhead for 20 rules.)
 */
export class ESLintInstances {
  readonly #instances = new Map<string, ESLint>();

  constructor(private readonly cwd: string) {}

  /** The instance for `key`, built from `config()` the first time it is asked for. */
  get(key: string, config: () => Linter.Config[], stats = false): ESLint {
    const full = `${key}|${stats ? 'stats' : 'plain'}`;
    let instance = this.#instances.get(full);
    if (!instance) {
      // The typed corpus lives under node_modules, which ESLint skips by default.
      const overrideConfig = [{ ignores: ['!**/node_modules/'] }, ...config()];
      instance = new ESLint({ cwd: this.cwd, overrideConfigFile: true, overrideConfig, stats });
      this.#instances.set(full, instance);
    }
    return instance;
  }
}

/** Lints one file's text under its path and returns the one result. */
export async function lintText(eslint: ESLint, code: string, filePath: string): Promise<ESLint.LintResult> {
  const [result] = await eslint.lintText(code, { filePath });
  // An ignored file comes back with one warning and no lint: a benchmark of nothing.
  if (!result || (result.messages.length === 1 && result.messages[0]!.ruleId === null && result.messages[0]!.message.startsWith('File ignored'))) {
    throw new Error(`bench: ${filePath} was not linted: ${result?.messages[0]?.message ?? 'no result'}`);
  }
  return result;
}

/**
 * ESLint's `stats: true` over every file through `Linter` (bench:lint:typed, whose documented runs use it):
 * parse, per-rule and total times, summed.
 */
export function linterRuleTimes<K>(
  linter: Linter,
  files: readonly { code: string; filename: string; configs: ReadonlyMap<K, Linter.Config[]> }[],
  config: K,
): RuleTimes {
  const out: RuleTimes = { parse: 0, rules: {}, total: 0 };
  for (const f of files) {
    // `stats` is read by verifyAndFix (which sets up the timing slots), not declared in its options type.
    linter.verifyAndFix(f.code, f.configs.get(config)!, { filename: f.filename, stats: true, fix: false } as Linter.FixOptions);
    for (const pass of linter.getTimes().passes) addPass(out, pass);
  }
  return out;
}

function addPass(out: RuleTimes, pass: Linter.TimePass): void {
  out.parse += pass.parse?.total ?? 0;
  out.total += pass.total;
  for (const [rule, t] of Object.entries(pass.rules ?? {})) out.rules[rule] = (out.rules[rule] ?? 0) + t.total;
}

/**
 * ESLint's `stats: true` over every file: parse, per-rule and total times, summed. `eslintFor` gives the file's
 * instance built with `stats: true`.
 */
export async function ruleTimes<F extends { code: string; filePath: string }>(files: readonly F[], eslintFor: (file: F) => ESLint): Promise<RuleTimes> {
  const out: RuleTimes = { parse: 0, rules: {}, total: 0 };
  for (const f of files) {
    const result = await lintText(eslintFor(f), f.code, f.filePath);
    for (const pass of result.stats?.times.passes ?? []) addPass(out, pass);
  }
  return out;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** Student's t, two-sided 95%, by degrees of freedom (1–30; above that the normal 1.96 is within 4%). */
const T_95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/**
 * The mean of independent readings with its 95% confidence interval (Student's t): how far the mean of this many
 * rounds can sit from the true value. Null bounds with fewer than two readings.
 */
export function meanInterval(xs: readonly number[]): { mean: number; low: number | null; high: number | null } {
  const n = xs.length;
  const mean = sum([...xs]) / n;
  if (n < 2) return { mean, low: null, high: null };
  const variance = sum(xs.map((x) => (x - mean) ** 2)) / (n - 1);
  const halfWidth = (T_95[n - 2] ?? 1.96) * Math.sqrt(variance / n);
  return { mean, low: mean - halfWidth, high: mean + halfWidth };
}

/** A target `value ≤ limit` judged on an interval: met only when the whole interval is below the limit. */
export function verdict(interval: { low: number | null; high: number | null }, limit: number): 'met' | 'MISSED' | 'undecided' {
  if (interval.high !== null && interval.high <= limit) return 'met';
  if (interval.low !== null && interval.low > limit) return 'MISSED';
  return 'undecided';
}
export const f1 = (x: number): string => x.toFixed(1);
export const f2 = (x: number): string => x.toFixed(2);
export const f3 = (x: number): string => x.toFixed(3);
