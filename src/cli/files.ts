// File enumeration for the `numerics` command: folders are walked for JS/TS files, honouring .gitignore
// (ESLint 9+ does not read .gitignore by itself).
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import ignore from 'ignore';

export const LINTED_EXTENSIONS: ReadonlySet<string> = new Set([
  '.js',
  '.cjs',
  '.mjs',
  '.jsx',
  '.ts',
  '.cts',
  '.mts',
  '.tsx',
]);
export const TS_EXTENSIONS: ReadonlySet<string> = new Set(['.ts', '.cts', '.mts', '.tsx']);

/** Folders never walked into. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

export interface CollectOptions {
  cwd: string;
  /** Skip files and folders that .gitignore files list. */
  gitignore: boolean;
  /** Extra folder names not walked into (e.g. `dist` for the embedded config). */
  skipDirs?: ReadonlySet<string>;
}

export interface CollectResult {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Arguments that name nothing on disk. */
  missing: string[];
}

type Ignore = ReturnType<typeof ignore>;

/** The .gitignore files from a repository root down to a folder, evaluated as git does (deeper files win). */
class GitIgnoreTree {
  private readonly cache = new Map<string, Promise<Ignore | undefined>>();

  constructor(readonly root: string) {}

  private load(dir: string): Promise<Ignore | undefined> {
    let entry = this.cache.get(dir);
    if (!entry) {
      entry = readFile(path.join(dir, '.gitignore'), 'utf8').then(
        (text) => ignore().add(text),
        () => undefined,
      );
      this.cache.set(dir, entry);
    }
    return entry;
  }

  async ignores(absPath: string, isDir: boolean): Promise<boolean> {
    const fromRoot = path.relative(this.root, absPath);
    if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return false;
    const parts = fromRoot.split(path.sep);
    let ignored = false;
    let dir = this.root;
    for (let i = 0; i < parts.length; i++) {
      const ig = await this.load(dir);
      if (ig) {
        let rel = parts.slice(i).join('/');
        if (isDir) rel += '/';
        const result = ig.test(rel);
        if (result.ignored) ignored = true;
        else if (result.unignored) ignored = false;
      }
      dir = path.join(dir, parts[i]);
    }
    return ignored;
  }
}

/** The nearest folder at or above `start` that holds `.git`, else `start` itself. */
function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

/**
 * Expands the command's path arguments to the files to lint. A file named explicitly is always linted;
 * folders are walked, skipping node_modules, .git, `skipDirs` and (when asked) what .gitignore lists.
 */
export async function collectFiles(args: readonly string[], options: CollectOptions): Promise<CollectResult> {
  const files = new Set<string>();
  const missing: string[] = [];
  const trees = new Map<string, GitIgnoreTree>();
  const skipDirs = options.skipDirs ?? new Set<string>();

  function treeFor(dir: string): GitIgnoreTree {
    const root = findRepoRoot(dir);
    let tree = trees.get(root);
    if (!tree) {
      tree = new GitIgnoreTree(root);
      trees.set(root, tree);
    }
    return tree;
  }

  async function walk(dir: string, tree: GitIgnoreTree | undefined): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Follow links to files; never links to folders (cycles, and code outside the tree).
        const target = await stat(full).catch(() => undefined);
        isFile = target?.isFile() ?? false;
        isDir = false;
      }
      if (isDir) {
        if (ALWAYS_SKIPPED.has(entry.name) || skipDirs.has(entry.name)) continue;
        if (tree && (await tree.ignores(full, true))) continue;
        await walk(full, tree);
      } else if (isFile && LINTED_EXTENSIONS.has(path.extname(entry.name))) {
        if (tree && (await tree.ignores(full, false))) continue;
        files.add(full);
      }
    }
  }

  for (const arg of args) {
    const abs = path.resolve(options.cwd, arg);
    const info = await stat(abs).catch(() => undefined);
    if (!info) {
      missing.push(arg);
    } else if (info.isDirectory()) {
      await walk(abs, options.gitignore ? treeFor(abs) : undefined);
    } else if (info.isFile()) {
      files.add(abs);
    }
  }
  return { files: [...files].sort(), missing };
}
