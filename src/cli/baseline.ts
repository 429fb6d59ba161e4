/**
 * Baselines for adopting the CI gate on a large code base: `numerics baseline` records today's findings, and
 * `numerics check --baseline <file>` reports only findings that are not in it. A finding is matched by rule,
 * file and a fingerprint of the code it points at (whitespace-normalised), so it survives line shifts; identical
 * findings in one file are counted.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { ESLint, Linter } from 'eslint';

export const DEFAULT_BASELINE_FILE = '.numerics-baseline.json';

export interface BaselineEntry {
  rule: string;
  file: string;
  fingerprint: string;
  count: number;
}

export interface Baseline {
  version: 1;
  tool: string;
  findings: BaselineEntry[];
}

/** The text a message points at, with whitespace collapsed (the line when the range is empty). */
function pointedText(source: string, message: Linter.LintMessage): string {
  const lines = source.split(/\r?\n/);
  const startLine = message.line - 1;
  const endLine = (message.endLine ?? message.line) - 1;
  let text: string;
  if (message.endColumn === undefined || (startLine === endLine && message.endColumn <= message.column)) {
    text = lines[startLine] ?? '';
  } else if (startLine === endLine) {
    text = (lines[startLine] ?? '').slice(message.column - 1, message.endColumn - 1);
  } else {
    text = [(lines[startLine] ?? '').slice(message.column - 1), ...lines.slice(startLine + 1, endLine), (lines[endLine] ?? '').slice(0, message.endColumn - 1)].join('\n');
  }
  return text.replace(/\s+/g, ' ').trim();
}

export function fingerprint(source: string, message: Linter.LintMessage): string {
  return createHash('sha256')
    .update(`${message.ruleId ?? ''}\0${pointedText(source, message)}`)
    .digest('hex')
    .slice(0, 16);
}

function key(rule: string, file: string, print: string): string {
  return `${rule}\0${file}\0${print}`;
}

function portable(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

/** The baseline of a set of lint results (sources are read from the results or the files). */
export async function createBaseline(results: readonly ESLint.LintResult[], cwd: string, tool: string): Promise<Baseline> {
  const counts = new Map<string, BaselineEntry>();
  for (const result of results) {
    const messages = result.messages.filter((m) => m.ruleId && !m.fatal);
    if (messages.length === 0) continue;
    const source = result.source ?? (await readFile(result.filePath, 'utf8'));
    const file = portable(cwd, result.filePath);
    for (const message of messages) {
      const print = fingerprint(source, message);
      const id = key(message.ruleId!, file, print);
      const entry = counts.get(id) ?? { rule: message.ruleId!, file, fingerprint: print, count: 0 };
      entry.count++;
      counts.set(id, entry);
    }
  }
  const findings = [...counts.values()].sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.fingerprint.localeCompare(b.fingerprint));
  return { version: 1, tool, findings };
}

export async function readBaseline(file: string): Promise<Baseline> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<Baseline>;
  if (parsed.version !== 1 || !Array.isArray(parsed.findings)) throw new Error(`${file} is not a numerics baseline (version 1)`);
  return parsed as Baseline;
}

function recount(result: ESLint.LintResult, messages: Linter.LintMessage[]): ESLint.LintResult {
  const count = (severity: number, fixable: boolean) => messages.filter((m) => m.severity === severity && (!fixable || m.fix !== undefined)).length;
  return {
    ...result,
    messages,
    errorCount: count(2, false),
    warningCount: count(1, false),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
    fatalErrorCount: messages.filter((m) => m.fatal).length,
  };
}

/** Results without the findings the baseline accounts for, and how many baseline findings were matched. */
export async function applyBaseline(
  results: readonly ESLint.LintResult[],
  baseline: Baseline,
  cwd: string,
): Promise<{ results: ESLint.LintResult[]; matched: number }> {
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) remaining.set(key(entry.rule, entry.file, entry.fingerprint), entry.count);
  let matched = 0;
  const filtered: ESLint.LintResult[] = [];
  for (const result of results) {
    if (!result.messages.some((m) => m.ruleId)) {
      filtered.push(result);
      continue;
    }
    const source = result.source ?? (await readFile(result.filePath, 'utf8'));
    const file = portable(cwd, result.filePath);
    const kept = result.messages.filter((message) => {
      if (!message.ruleId || message.fatal) return true;
      const id = key(message.ruleId, file, fingerprint(source, message));
      const left = remaining.get(id) ?? 0;
      if (left === 0) return true;
      remaining.set(id, left - 1);
      matched++;
      return false;
    });
    filtered.push(kept.length === result.messages.length ? result : recount(result, kept));
  }
  return { results: filtered, matched };
}
