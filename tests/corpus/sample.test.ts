/**
 * The reviewed corpus sample (tests/corpus/sample.ts): each file of a pinned npm package gives exactly the pinned
 * findings (rule and line), no rule crashes on it, every fix and suggestion parses, and `--fix` is stable.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { corpusFile } from '../../tools/corpus/files.js';
import { lintFile } from '../../tools/corpus/lint.js';
import { SAMPLE } from './sample.js';

const linter = new Linter({ configType: 'flat' });
const key = (f: { rule: string; line: number }) => `${f.rule}:${f.line}`;

describe('corpus sample', () => {
  it.each(SAMPLE.map((s) => [`${s.pkg}/${s.file}`, s] as const))('%s', (_name, pinned) => {
    const result = lintFile(corpusFile(pinned.pkg, pinned.file), { linter });
    expect(result.parseError).toBeUndefined();
    expect(result.crash).toBeUndefined();
    expect(result.findings.map(key).sort()).toEqual(pinned.findings.map(key).sort());
    expect(result.badFixes).toEqual([]);
    expect(result.unstable).toBeNull();
  });

  it('pins each finding once, with a verdict and a note', () => {
    for (const file of SAMPLE) {
      const keys = file.findings.map(key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const f of file.findings) expect(f.note.length).toBeGreaterThan(10);
      if (file.findings.length === 0) expect(file.note).toBeTruthy();
    }
  });
});
