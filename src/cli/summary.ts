// The end-of-run summary of the `numerics` command (written to stderr).
import type { ESLint } from 'eslint';

export interface RuleStats {
  /** Findings before any fixing. */
  found: number;
  /** Of those: with an autofix / with suggestions only / with neither. */
  autofixable: number;
  suggestionOnly: number;
  reportOnly: number;
  /** After fixing (fix mode only). */
  fixed: number;
  suggestionsApplied: number;
  remainingSuggestionOnly: number;
  remainingReportOnly: number;
  remainingAutofixable: number;
}

export interface RunSummary {
  filesScanned: number;
  fixMode: boolean;
  dryRun: boolean;
  filesChanged: number;
  rules: Map<string, RuleStats>;
  /** Messages without a rule: parse errors and other fatal problems. */
  parseErrors: number;
}


function emptyStats(): RuleStats {
  return {
    found: 0,
    autofixable: 0,
    suggestionOnly: 0,
    reportOnly: 0,
    fixed: 0,
    suggestionsApplied: 0,
    remainingSuggestionOnly: 0,
    remainingReportOnly: 0,
    remainingAutofixable: 0,
  };
}

function statsFor(map: Map<string, RuleStats>, ruleId: string): RuleStats {
  let stats = map.get(ruleId);
  if (!stats) {
    stats = emptyStats();
    map.set(ruleId, stats);
  }
  return stats;
}

/**
 * Builds the summary from the results before fixing and (in fix mode) after fixing.
 * `suggestionsApplied` counts, per rule, the suggestions the codemod applied.
 */
export function summarize(
  before: readonly ESLint.LintResult[],
  after: readonly ESLint.LintResult[] | undefined,
  options: { dryRun: boolean; filesChanged: number; suggestionsApplied?: Map<string, number> },
): RunSummary {
  const rules = new Map<string, RuleStats>();
  let parseErrors = 0;
  for (const result of before) {
    for (const message of result.messages) {
      if (!message.ruleId) {
        if (message.fatal) parseErrors++;
        continue;
      }
      const stats = statsFor(rules, message.ruleId);
      stats.found++;
      if (message.fix) stats.autofixable++;
      else if (message.suggestions && message.suggestions.length > 0) stats.suggestionOnly++;
      else stats.reportOnly++;
    }
  }
  if (after) {
    const remaining = new Map<string, number>();
    for (const result of after) {
      for (const message of result.messages) {
        if (!message.ruleId) continue;
        remaining.set(message.ruleId, (remaining.get(message.ruleId) ?? 0) + 1);
        const stats = statsFor(rules, message.ruleId);
        if (message.fix) stats.remainingAutofixable++;
        else if (message.suggestions && message.suggestions.length > 0) stats.remainingSuggestionOnly++;
        else stats.remainingReportOnly++;
      }
    }
    for (const [ruleId, stats] of rules) {
      stats.fixed = Math.max(0, stats.found - (remaining.get(ruleId) ?? 0));
      stats.suggestionsApplied = Math.min(stats.fixed, options.suggestionsApplied?.get(ruleId) ?? 0);
    }
  }
  return {
    filesScanned: before.length,
    fixMode: after !== undefined,
    dryRun: options.dryRun,
    filesChanged: options.filesChanged,
    rules,
    parseErrors,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatSummary(summary: RunSummary): string {
  const lines: string[] = [];
  const ids = [...summary.rules.keys()].sort();
  const total = ids.reduce((n, id) => n + summary.rules.get(id)!.found, 0);
  lines.push(`numerics: ${plural(summary.filesScanned, 'file')} scanned, ${plural(total, 'finding')}`);
  const width = Math.max(0, ...ids.map((id) => id.length));
  let fixed = 0;
  let bySuggestion = 0;
  let suggestionOnly = 0;
  let reportOnly = 0;
  let autofixable = 0;
  for (const id of ids) {
    const s = summary.rules.get(id)!;
    const parts: string[] = [];
    if (summary.fixMode) {
      const verb = summary.dryRun ? 'would be fixed' : 'fixed';
      if (s.fixed > 0) {
        parts.push(
          s.suggestionsApplied > 0 ? `${s.fixed} ${verb} (${s.suggestionsApplied} by suggestion)` : `${s.fixed} ${verb}`,
        );
      }
      if (s.remainingAutofixable > 0) parts.push(`${s.remainingAutofixable} autofixable left`);
      if (s.remainingSuggestionOnly > 0) parts.push(`${s.remainingSuggestionOnly} suggestion-only`);
      if (s.remainingReportOnly > 0) parts.push(`${s.remainingReportOnly} report-only`);
      fixed += s.fixed;
      bySuggestion += s.suggestionsApplied;
      suggestionOnly += s.remainingSuggestionOnly;
      reportOnly += s.remainingReportOnly;
      autofixable += s.remainingAutofixable;
    } else {
      if (s.autofixable > 0) parts.push(`${s.autofixable} autofixable`);
      if (s.suggestionOnly > 0) parts.push(`${s.suggestionOnly} suggestion-only`);
      if (s.reportOnly > 0) parts.push(`${s.reportOnly} report-only`);
      autofixable += s.autofixable;
      suggestionOnly += s.suggestionOnly;
      reportOnly += s.reportOnly;
    }
    lines.push(`  ${id.padEnd(width)}  ${String(s.found).padStart(4)}  ${parts.join(', ')}`.trimEnd());
  }
  if (summary.parseErrors > 0) {
    lines.push(`  ${plural(summary.parseErrors, 'file')} could not be parsed`);
  }
  if (summary.fixMode) {
    const verb = summary.dryRun ? 'would be fixed' : 'fixed';
    const fixedText = bySuggestion > 0 ? `${fixed} ${verb} (${bySuggestion} by suggestion)` : `${fixed} ${verb}`;
    const files = summary.dryRun
      ? `${plural(summary.filesChanged, 'file')} would change (dry run, nothing written)`
      : `${plural(summary.filesChanged, 'file')} written`;
    const left = autofixable > 0 ? `, ${autofixable} autofixable left` : '';
    lines.push(`  ${fixedText}, ${suggestionOnly} suggestion-only, ${reportOnly} report-only${left}; ${files}`);
  } else if (total > 0) {
    lines.push(`  ${autofixable} autofixable, ${suggestionOnly} suggestion-only, ${reportOnly} report-only`);
    if (autofixable > 0) lines.push('  run `numerics fix` to apply the autofixes (`--dry-run` to preview)');
  }
  return lines.join('\n') + '\n';
}

