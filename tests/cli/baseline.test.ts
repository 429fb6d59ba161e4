// `numerics baseline` and `numerics check --baseline`: adopt the gate today, fail only on new findings.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, read, removeProjects, runCli } from './helpers.js';

afterEach(removeProjects);

const OLD = 'export function lse(xs) {\n  return Math.log(xs.map(Math.exp).reduce((a, b) => a + b, 0));\n}\n';
const NEW = 'export const softplus = (x) => Math.log(1 + Math.exp(x));\n';

describe('numerics baseline', () => {
  it('records the findings, and check --baseline then passes', async () => {
    const root = makeProject({ 'src/a.js': OLD });
    const recorded = await runCli(['baseline', 'src'], root);
    expect(recorded.code).toBe(0);
    expect(recorded.stderr).toContain('recorded 1 finding in .numerics-baseline.json');
    const baseline = JSON.parse(read(root, '.numerics-baseline.json')) as { version: number; findings: { rule: string; file: string; count: number }[] };
    expect(baseline.version).toBe(1);
    expect(baseline.findings).toEqual([expect.objectContaining({ rule: 'numerics/no-naive-logsumexp', file: 'src/a.js', count: 1 })]);

    const check = await runCli(['check', '--baseline', '.numerics-baseline.json', 'src'], root);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain('1 finding recorded in .numerics-baseline.json not reported');
  });

  it('still fails on a new finding, and the old one stays matched after its lines move', async () => {
    const root = makeProject({ 'src/a.js': OLD });
    await runCli(['baseline', '--baseline', 'numerics-baseline.json', 'src'], root);
    // Shift the old finding down and add a new one.
    writeFileSync(path.join(root, 'src/a.js'), `// a header comment\n\n${OLD}${NEW}`);
    const check = await runCli(['check', '--baseline', 'numerics-baseline.json', '--format', 'json', 'src'], root);
    expect(check.code).toBe(1);
    const results = JSON.parse(check.stdout) as { messages: { ruleId: string; line: number }[] }[];
    expect(results.flatMap((r) => r.messages.map((m) => `${m.ruleId}:${m.line}`))).toEqual(['numerics/no-naive-log-sigmoid:6']);
  });

  it('counts identical findings: a second copy of a recorded finding is new', async () => {
    const root = makeProject({ 'a.js': OLD });
    await runCli(['baseline', '.'], root);
    writeFileSync(path.join(root, 'a.js'), `${OLD}${OLD.replace('lse', 'lse2')}`);
    const check = await runCli(['check', '--baseline', '.numerics-baseline.json', 'a.js'], root);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('1 finding recorded');
  });

  it('rejects a missing or foreign baseline file, and fixing options on baseline', async () => {
    const root = makeProject({ 'a.js': OLD, 'other.json': '{"x": 1}' });
    expect((await runCli(['check', '--baseline', 'nope.json', 'a.js'], root)).code).toBe(2);
    expect((await runCli(['check', '--baseline', 'other.json', 'a.js'], root)).stderr).toContain('not a numerics baseline');
    expect((await runCli(['baseline', '--fix', 'a.js'], root)).code).toBe(2);
  });
});
