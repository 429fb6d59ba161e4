/** What bench/lint.bench.ts and bench/lint-typed.bench.ts share: the plugins they time and how they time them. */
import { Linter } from 'eslint';

export type PluginObject = NonNullable<Linter.Config['plugins']>[string];

/** The plugin as users run it: the built package (dist/, compiled by tsc), its `all` config. */
export async function loadBuiltNumerics(): Promise<{ rules: Linter.RulesRecord; plugins: Record<string, PluginObject> }> {
  const specifier: string = 'eslint-plugin-numerics'; // resolved at run time: dist/ need not exist to type-check
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

export interface RuleTimes {
  parse: number;
  rules: Record<string, number>;
  total: number;
}

/** ESLint's `stats: true` over every file with one config: parse, per-rule and total times, summed. */
export function ruleTimes<K>(
  linter: Linter,
  files: readonly { code: string; filename: string; configs: ReadonlyMap<K, Linter.Config[]> }[],
  config: K,
): RuleTimes {
  const out: RuleTimes = { parse: 0, rules: {}, total: 0 };
  for (const f of files) {
    // `stats` is read by verifyAndFix (which sets up the timing slots), not declared in its options type.
    linter.verifyAndFix(f.code, f.configs.get(config)!, { filename: f.filename, stats: true, fix: false } as Linter.FixOptions);
    for (const pass of linter.getTimes().passes) {
      out.parse += pass.parse?.total ?? 0;
      out.total += pass.total;
      for (const [rule, t] of Object.entries(pass.rules ?? {})) out.rules[rule] = (out.rules[rule] ?? 0) + t.total;
    }
  }
  return out;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
export const f1 = (x: number): string => x.toFixed(1);
export const f2 = (x: number): string => x.toFixed(2);
export const f3 = (x: number): string => x.toFixed(3);
