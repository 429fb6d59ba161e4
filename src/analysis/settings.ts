import type { TSESLint } from '@typescript-eslint/utils';
import { DEFAULT_TF_MODULES } from '../ops/tf-ops.js';

export const DEFAULT_KERNEL_MODULE = 'eslint-plugin-numerics/kernels';

/** `settings.numerics` as users write it in their config. */
export interface NumericsSettings {
  /** Module that fixes import kernels from; `'inline'` inserts a local helper instead. */
  kernelModule: string;
  /** Module names treated as TF.js. */
  tfModules: readonly string[];
  /** Default guard ε for tensor code. */
  epsilon: number;
  /** Use type information (when the parser provides it) to tell tensors from other values. */
  typed: boolean;
}

let lastRaw: Partial<NumericsSettings> | undefined;
let lastSettings: NumericsSettings | null = null;

/** The file's `settings.numerics` with defaults; read once per settings object (one per config, not per file). */
export function readSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): NumericsSettings {
  const raw = (context.settings as { numerics?: Partial<NumericsSettings> } | undefined)?.numerics;
  if (lastSettings && raw === lastRaw) return lastSettings;
  lastRaw = raw;
  lastSettings = settingsFrom(raw ?? {});
  return lastSettings;
}

function settingsFrom(raw: Partial<NumericsSettings>): NumericsSettings {
  return {
    kernelModule: typeof raw.kernelModule === 'string' && raw.kernelModule ? raw.kernelModule : DEFAULT_KERNEL_MODULE,
    tfModules: Array.isArray(raw.tfModules) && raw.tfModules.length > 0 ? raw.tfModules : DEFAULT_TF_MODULES,
    epsilon: typeof raw.epsilon === 'number' && raw.epsilon > 0 ? raw.epsilon : 1e-7,
    typed: raw.typed === true,
  };
}
