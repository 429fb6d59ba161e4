// The error plots on the rule pages are real: regenerating them from today's code gives the committed SVG files
// (run `npm run docs:plots` after a change to a kernel, a TF.js upgrade, or tests/docs/plots.ts).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPage, rulePages } from './markdown.js';
import { imageDir, renderPlots } from './plots.js';

let plots: Map<string, string>;

beforeAll(async () => {
  plots = new Map(await renderPlots());
}, 120_000);

describe('docs/rules/img', () => {
  it('every plot file is what tests/docs/plots.ts computes today (npm run docs:plots)', () => {
    for (const [file, svg] of plots) {
      const committed = path.join(imageDir, file);
      expect(existsSync(committed), `docs/rules/img/${file} is missing`).toBe(true);
      expect(readFileSync(committed, 'utf8') === svg, `docs/rules/img/${file} is out of date`).toBe(true);
    }
  });

  it('every plot is shown on its rule page, under "Why this is numerically dangerous"', () => {
    const pages = new Map(rulePages());
    for (const file of plots.keys()) {
      const rule = file.replace(/\.svg$/, '');
      const page = pages.get(rule);
      expect(page, `docs/rules/${rule}.md`).toBeDefined();
      const text = readPage(page ?? '');
      const why = text.split('## Why this is numerically dangerous')[1]?.split('\n## ')[0] ?? '';
      expect(why).toContain(`](img/${file})`);
    }
  });
});
