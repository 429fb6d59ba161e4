// Fixing for the `numerics` command: autofixes, first suggestions (codemod mode), safe writes, diffs.
import { randomBytes } from 'node:crypto';
import { chmod, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { ESLint, Linter } from 'eslint';

/** Codemod passes at most (ESLint's own limit for autofix passes is the same). */
export const MAX_PASSES = 10;

export interface SuggestionPick {
  text: string;
  /** Suggestions applied, per rule id. */
  applied: Map<string, number>;
}

/**
 * Applies the first suggestion of every message that has no autofix and passes `accept`, skipping
 * suggestions whose range overlaps one already taken (they are retried on the next pass).
 */
export function applyFirstSuggestions(
  text: string,
  messages: readonly Linter.LintMessage[],
  accept: (ruleId: string) => boolean,
): SuggestionPick {
  const picks: { range: [number, number]; text: string; ruleId: string }[] = [];
  for (const message of messages) {
    if (message.fix || !message.ruleId || !accept(message.ruleId)) continue;
    const suggestion = message.suggestions?.[0];
    if (!suggestion) continue;
    picks.push({ range: suggestion.fix.range, text: suggestion.fix.text, ruleId: message.ruleId });
  }
  picks.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied = new Map<string, number>();
  let out = '';
  let last = 0;
  for (const pick of picks) {
    const [start, end] = pick.range;
    if (start < last) continue;
    out += text.slice(last, start) + pick.text;
    last = end;
    applied.set(pick.ruleId, (applied.get(pick.ruleId) ?? 0) + 1);
  }
  if (applied.size === 0) return { text, applied };
  return { text: out + text.slice(last), applied };
}

export interface FixFileResult {
  /** The text to write (equal to the original when nothing changed). */
  text: string;
  /** Suggestions applied, per rule id. */
  suggestionsApplied: Map<string, number>;
  /** Why some fixes were not kept (the fixed text did not parse). */
  problems: string[];
}

function firstFatal(result: ESLint.LintResult | undefined): Linter.LintMessage | undefined {
  return result?.messages.find((message) => message.fatal);
}

function describeFatal(message: Linter.LintMessage): string {
  return `${message.line}:${message.column} ${message.message}`;
}

export interface FixTextOptions {
  /** Lints with the autofixes of every rule in the run applied. */
  fixer: ESLint;
  /** Lints with the autofixes of one rule applied (used when the combined fixes do not parse). */
  fixerFor: (ruleId: string) => ESLint;
  /** Lints without fixing. */
  checker: ESLint;
  suggestions: boolean;
  accept: (ruleId: string) => boolean;
}

/**
 * Fixes one file in memory. Every kept step is known to parse: ESLint re-lints its fixed output, and
 * suggestion edits are re-linted here. When the combined autofixes give code that does not parse, the
 * fixes are applied rule by rule and only the rules whose fixes parse are kept.
 */
export async function fixText(filePath: string, original: string, options: FixTextOptions): Promise<FixFileResult> {
  const { fixer, checker, accept } = options;
  const suggestionsApplied = new Map<string, number>();
  const problems: string[] = [];
  const lint = async (eslint: ESLint, text: string) =>
    (await eslint.lintText(text, { filePath, warnIgnored: false }))[0] as ESLint.LintResult | undefined;

  /** The fixes of each rule on its own, keeping those that parse. Undefined when `text` does not parse. */
  async function fixRuleByRule(text: string): Promise<{ output: string; messages: Linter.LintMessage[] } | undefined> {
    const plain = await lint(checker, text);
    if (!plain || firstFatal(plain)) return undefined;
    const ruleIds = [
      ...new Set(plain.messages.filter((m) => m.fix && m.ruleId && accept(m.ruleId)).map((m) => m.ruleId!)),
    ].sort();
    let current = text;
    for (const ruleId of ruleIds) {
      const result = await lint(options.fixerFor(ruleId), current);
      const fatal = firstFatal(result);
      if (fatal) {
        problems.push(`the autofix of ${ruleId} gives code that does not parse (${describeFatal(fatal)}); not applied`);
      } else if (result?.output !== undefined) {
        current = result.output;
      }
    }
    const final = await lint(checker, current);
    return { output: current, messages: final?.messages ?? [] };
  }

  let text = original;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = await lint(fixer, text);
    if (!result) break;
    let next = result.output ?? text;
    let messages = result.messages;
    if (firstFatal(result)) {
      // Either the text itself does not parse (nothing to do) or some autofix broke it.
      if (result.output === undefined || result.output === text) break;
      const recovered = await fixRuleByRule(text);
      if (!recovered) break;
      next = recovered.output;
      messages = recovered.messages;
    }
    if (options.suggestions) {
      // Fix ranges index the text without its byte order mark.
      const bom = next.startsWith('\uFEFF') ? '\uFEFF' : '';
      const pick = applyFirstSuggestions(next.slice(bom.length), messages, accept);
      if (pick.applied.size > 0) {
        const candidate = bom + pick.text;
        const broken = firstFatal(await lint(checker, candidate));
        if (broken) {
          problems.push(`applying suggestions gives code that does not parse (${describeFatal(broken)}); skipped`);
        } else {
          next = candidate;
          for (const [ruleId, count] of pick.applied) {
            suggestionsApplied.set(ruleId, (suggestionsApplied.get(ruleId) ?? 0) + count);
          }
        }
      }
    }
    if (next === text) break;
    text = next;
    // Without suggestions ESLint already iterated its autofixes to a fixed point.
    if (!options.suggestions) break;
  }
  return { text, suggestionsApplied, problems: [...new Set(problems)] };
}

/**
 * Writes `text` to `file` atomically: a temporary file in the same folder, then a rename over the target,
 * so an interrupted run never leaves a half-written file. Keeps the file mode; writes through symlinks.
 * Refuses (returns false) when the file changed on disk since it was read.
 */
export async function writeFileAtomic(file: string, text: string, expectedOriginal?: string): Promise<boolean> {
  const target = await realpath(file);
  if (expectedOriginal !== undefined) {
    const current = await readFile(target, 'utf8');
    if (current !== expectedOriginal) return false;
  }
  const info = await stat(target);
  const tmp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.numerics-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx', mode: info.mode & 0o777 });
    await chmod(tmp, info.mode & 0o7777);
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return true;
}

/** A git-style unified diff of one file (`a/` and `b/` prefixes, paths relative to cwd). */
export function unifiedDiff(cwd: string, file: string, before: string, after: string): string {
  const rel = path.relative(cwd, file).split(path.sep).join('/');
  return createTwoFilesPatch(`a/${rel}`, `b/${rel}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
