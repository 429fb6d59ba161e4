/**
 * The real-code corpus: npm packages linted by `npm run corpus`, `bench/lint.bench.ts` and `tests/corpus`.
 * Their code is never copied into this repository: it is read from `node_modules` (pinned devDependencies) or,
 * for a package whose install cannot work on these machines, from its registry tarball unpacked into the
 * git-ignored `.corpus-cache/` (`npm pack`, no install scripts run).
 */

export type CorpusKind = 'ml' | 'math' | 'large';

export interface CorpusPackage {
  /** npm name. */
  name: string;
  /** ml: numeric and ML code; math: math-heavy code that is not ML; large: non-numeric code, for crashes and noise. */
  kind: CorpusKind;
  /** Directories or files inside the package that are linted (the package's own sources, one build only). */
  include: string[];
  /** Package-relative paths to leave out (vendored third-party code, duplicate builds). */
  exclude?: RegExp[];
  /** `pack`: fetched with `npm pack name@version` into `.corpus-cache/` (install fails here, see `why`). */
  source?: 'node_modules' | 'pack';
  /** Exact version for `source: 'pack'` (node_modules packages are pinned in package.json). */
  version?: string;
  /** Why the package is fetched rather than installed. */
  why?: string;
  /** Crash check only: findings are counted apart (noise on non-numeric code) and not listed one by one. */
  crashOnly?: boolean;
  /** Files larger than this are skipped (default 2 MB). */
  maxBytes?: number;
  /** Transitive package pulled in for the code its parent delegates to (version pinned by the lock file). */
  partOf?: string;
}

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export const CORPUS: CorpusPackage[] = [
  // Numeric and ML code.
  {
    name: '@huggingface/transformers',
    kind: 'ml',
    include: ['src'],
    source: 'pack',
    version: '4.3.1',
    why: "its dependency onnxruntime-node runs a postinstall that downloads CUDA binaries (api.nuget.org), which these machines cannot reach, so `npm install` fails",
  },
  { name: 'danfojs', kind: 'ml', include: ['dist/danfojs-base'] },
  { name: '@tensorflow/tfjs-vis', kind: 'ml', include: ['src'] },
  { name: 'ml-matrix', kind: 'ml', include: ['src'] },
  { name: 'ml-pca', kind: 'ml', include: ['src'] },
  { name: 'ml-regression', kind: 'ml', include: ['src'] },
  ...[
    'ml-regression-base',
    'ml-regression-simple-linear',
    'ml-regression-polynomial',
    'ml-regression-exponential',
    'ml-regression-power',
    'ml-regression-multivariate-linear',
    'ml-regression-robust-polynomial',
    'ml-regression-theil-sen',
    'ml-kernel',
  ].map((name): CorpusPackage => ({ name, kind: 'ml', include: ['src'], partOf: 'ml-regression' })),
  { name: 'ml-logistic-regression', kind: 'ml', include: ['src'] },
  { name: 'ml-kmeans', kind: 'ml', include: ['src'] },
  { name: 'umap-js', kind: 'ml', include: ['src'] },
  { name: 'ml-levenberg-marquardt', kind: 'ml', include: ['src'], partOf: 'umap-js' },
  { name: 'tsne-js', kind: 'ml', include: ['dist'] },
  { name: 'mathjs', kind: 'ml', include: ['lib/esm'] },
  { name: 'wink-statistics', kind: 'ml', include: ['src'] },
  { name: 'stats-lite', kind: 'ml', include: ['stats.js'] },
  { name: 'summary', kind: 'ml', include: ['summary.js'] },
  { name: 'regression', kind: 'ml', include: ['src'] },
  // TF.js itself (installed with the @tensorflow/tfjs devDependency; versions pinned by the lock file): the only
  // large tensor code in the corpus, and the home of the stable ops, which must not be reported.
  ...['tfjs-core', 'tfjs-layers', 'tfjs-data', 'tfjs-converter', 'tfjs-backend-cpu'].map(
    (name): CorpusPackage => ({
      name: `@tensorflow/${name}`,
      kind: 'ml',
      include: ['dist'],
      exclude: [/^dist\/tf-[a-z-]+(\.[a-z0-9]+)*\.js$/, /^dist\/miniprogram\//, /(^|\/)test_[a-z_]+\.js$|_test_util\.js$/],
      partOf: '@tensorflow/tfjs',
    }),
  ),
  // Math-heavy code that is not ML.
  { name: 'three', kind: 'math', include: ['src', 'examples/jsm'], exclude: [/^examples\/jsm\/libs\//] },
  { name: 'chart.js', kind: 'math', include: ['dist/chart.js', 'dist/helpers.js', 'dist/chunks/index.js'] },
  // Large non-numeric code: crashes and noise.
  { name: 'rxjs', kind: 'large', include: ['src'] },
  {
    name: 'typescript',
    kind: 'large',
    include: ['lib/typescript.js'],
    crashOnly: true,
    maxBytes: 16 * 1024 * 1024,
  },
];

/** Test and fixture files of a package are not its code. */
export const TEST_FILE = /(^|\/)(__tests__|__mocks__|tests?|fixtures?)\/|[._-](test|spec)\.[cm]?[jt]sx?$|(^|\/)setup_test\.ts$/;

/** Extensions linted; `.d.ts` files are declarations, not code. */
export const SOURCE_FILE = /\.(?:[cm]?js|[cm]?ts|tsx|jsx)$/;
export const SKIPPED_FILE = /\.d\.[cm]?ts$|\.min\.[cm]?js$/;
