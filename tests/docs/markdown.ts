// Fenced code blocks of the docs, with the markers the docs tests act on.
//
// A block's info string is a language followed by markers:
//   ```ts incorrect        the page's rule reports this code (at least once)
//   ```ts correct          the page's rule is silent on this code
//   ```ts gap              the page's rule is silent on this code although it is dangerous (a documented known gap:
//                          when the rule learns to report it, the test fails and the page must be updated)
//   ```ts no-fix           the page's rule reports this code with neither an autofix nor a suggestion
//   ```ts fixed            `eslint --fix` output (this rule only) of the closest `incorrect` block above
//   ```ts suggestion       the first suggestion of the first report of the closest `incorrect` block above
//   ```js measured         runs in Node: each `expr; // → value` line must evaluate to value (tests/docs/measured;
//                          it may require @tensorflow/tfjs (cpu backend), the kernels, ml-matrix and mathjs)
//   ```js commonjs …       lint as CommonJS (`sourceType: 'commonjs'`, file example.cjs)
// Blocks without a marker are illustrations and are not run.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const rulesDocsDir = path.join(repo, 'docs', 'rules');

export const MARKERS = ['incorrect', 'no-fix', 'correct', 'gap', 'fixed', 'suggestion', 'measured'] as const;
export type Marker = (typeof MARKERS)[number];

export interface CodeBlock {
  /** First word of the info string (`js`, `ts`, `sh`, …). */
  readonly lang: string;
  readonly marker: Marker | null;
  readonly flags: ReadonlySet<string>;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The `## ` section the block sits in. */
  readonly section: string;
}

export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const heading = /^## (.+)$/.exec(lines[i]);
    if (heading) section = heading[1].trim();
    const open = /^(`{3,}|~{3,})\s*(\S.*)?$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const words = (open[2] ?? '').trim().split(/\s+/).filter(Boolean);
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j].startsWith(fence) && lines[j].slice(fence.length).trim() === '')) body.push(lines[j++]);
    if (j >= lines.length) throw new Error(`unclosed code fence at line ${i + 1}`);
    const flags = new Set(words.slice(1));
    const marker = MARKERS.find((m) => flags.has(m)) ?? null;
    blocks.push({ lang: words[0] ?? '', marker, flags, code: `${body.join('\n')}\n`, line: i + 1, section });
    i = j;
  }
  return blocks;
}

/** docs/rules/*.md pages (TEMPLATE.md excluded), as [rule name, file path]. */
export function rulePages(): [string, string][] {
  return readdirSync(rulesDocsDir)
    .filter((file) => file.endsWith('.md') && file !== 'TEMPLATE.md' && file !== 'index.md')
    .sort()
    .map((file) => [file.slice(0, -'.md'.length), path.join(rulesDocsDir, file)]);
}

export function readPage(file: string): string {
  return readFileSync(file, 'utf8');
}
