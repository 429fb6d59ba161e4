/** Where each corpus package lives on disk, and which of its files are linted. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS, type CorpusPackage, DEFAULT_MAX_BYTES, SKIPPED_FILE, SOURCE_FILE, TEST_FILE } from './packages.js';

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const CACHE_DIR = path.join(REPO_ROOT, '.corpus-cache');

export interface CorpusFile {
  pkg: CorpusPackage;
  /** Path inside the package, with `/`. */
  rel: string;
  abs: string;
  bytes: number;
}

export interface ResolvedPackage {
  pkg: CorpusPackage;
  dir: string;
  version: string;
  files: CorpusFile[];
  /** Files over the size limit (package-relative path, bytes). */
  tooLarge: { rel: string; bytes: number }[];
}

function packDir(pkg: CorpusPackage): string {
  return path.join(CACHE_DIR, `${pkg.name.replace('/', '__')}@${pkg.version}`, 'package');
}

/**
 * Fetch a package's registry tarball into `.corpus-cache/` (once): `npm pack`, no install scripts run. It is
 * unpacked in a scratch folder first and renamed into place, so two runs at once cannot see half a package.
 */
function fetchPack(pkg: CorpusPackage): string {
  const dir = packDir(pkg);
  if (existsSync(path.join(dir, 'package.json'))) return dir;
  const target = path.dirname(dir);
  const scratch = `${target}.tmp-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', scratch, '--silent'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const tgz = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`corpus: npm pack ${pkg.name}@${pkg.version} left no tarball`);
    execFileSync('tar', ['xzf', path.join(scratch, tgz), '-C', scratch]);
    rmSync(path.join(scratch, tgz));
    if (!existsSync(path.join(dir, 'package.json'))) {
      rmSync(target, { recursive: true, force: true });
      renameSync(scratch, target);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return dir;
}

export function packageDir(pkg: CorpusPackage, { fetch = true } = {}): string {
  if (pkg.source === 'pack') {
    const dir = packDir(pkg);
    if (existsSync(path.join(dir, 'package.json')) || !fetch) return dir;
    return fetchPack(pkg);
  }
  return path.join(REPO_ROOT, 'node_modules', pkg.name);
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(abs, out);
    else if (entry.isFile()) out.push(abs);
  }
}

export function isLintedPath(pkg: CorpusPackage, rel: string): boolean {
  return SOURCE_FILE.test(rel) && !SKIPPED_FILE.test(rel) && !TEST_FILE.test(rel) && !(pkg.exclude ?? []).some((re) => re.test(rel));
}

export function resolvePackage(pkg: CorpusPackage): ResolvedPackage {
  const dir = packageDir(pkg);
  const version = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const candidates: string[] = [];
  for (const inc of pkg.include) {
    const abs = path.join(dir, inc);
    if (!existsSync(abs)) throw new Error(`corpus: ${pkg.name}@${version} has no ${inc}`);
    if (statSync(abs).isDirectory()) walk(abs, candidates);
    else candidates.push(abs);
  }
  const files: CorpusFile[] = [];
  const tooLarge: ResolvedPackage['tooLarge'] = [];
  const maxBytes = pkg.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const abs of candidates.sort()) {
    const rel = path.relative(dir, abs).split(path.sep).join('/');
    if (!isLintedPath(pkg, rel)) continue;
    const { size } = statSync(abs);
    if (size > maxBytes) tooLarge.push({ rel, bytes: size });
    else files.push({ pkg, rel, abs, bytes: size });
  }
  return { pkg, dir, version, files, tooLarge };
}

export function selectPackages(names?: readonly string[]): CorpusPackage[] {
  if (!names || names.length === 0) return CORPUS;
  const selected = CORPUS.filter((p) => names.includes(p.name) || (p.partOf !== undefined && names.includes(p.partOf)));
  const unknown = names.filter((n) => !CORPUS.some((p) => p.name === n || p.partOf === n));
  if (unknown.length > 0) throw new Error(`corpus: unknown package(s) ${unknown.join(', ')}`);
  return selected;
}

/** One corpus file by package name and package-relative path (the pinned sample in tests/corpus uses this). */
export function corpusFile(name: string, rel: string): CorpusFile {
  const pkg = CORPUS.find((p) => p.name === name);
  if (!pkg) throw new Error(`corpus: unknown package ${name}`);
  const abs = path.join(packageDir(pkg), rel);
  return { pkg, rel, abs, bytes: statSync(abs).size };
}
