// Fix equivalence at scale (issue 9): fast-check generates programs for every autofixable pattern of the plugin —
// random operand shapes (identifiers, `p.x`, `xs[i]`, parenthesised arithmetic, casts, callback elements), spellings
// (Math/array/loop forms; TF.js functional, chained, named and aliased imports, tfjs-core, `require` in .cjs),
// nesting (a larger expression, a callback, a ternary branch, a closure, `tf.tidy`), `const` temporaries (0–3, some
// read again so they must stay), comments, kernel-name collisions — each wrapped in an exported function `f`.
//
// For each program, with `plugin.configs.all` (ESLint `Linter`, @typescript-eslint/parser; espree for some .cjs):
//   1. the fixed output parses;
//   2. a second fix pass is a no-op;
//   3. the output type-checks whenever the original did (checked in one batch per pattern; on a failure the property
//      is re-run with the check inside, so fast-check shrinks it);
//   4. on random inputs (plain float64 numbers and arrays; float32 tensors on the TF.js cpu backend for a few cases)
//      both versions are evaluated and compared with the harness's `compareResults`: equal within the harness
//      tolerances (1e-12 relative for float64, 1e-5 for float32; ulps for log1p/expm1) where the original is finite,
//      or else, where the original is finite but off the exact value (cancellation), on the 60-digit reference; and
//      where the original is not finite (overflow, 0·-Infinity), finite and on the reference — demanded when every
//      pattern of the program was autofixed by its own rule and none of its findings is left on the output.
//
// Known rule bugs are excluded (and counted) by `knownBug` in ./check.ts, which names each with its reproducer.
// Fixed seed and bounded runs (≈ 620 programs, ≈ 2 100 evaluations, ~20 s); PROPERTY_SEED and PROPERTY_RUNS (a
// multiplier) probe further. A summary per pattern is printed at the end. Generators: ./patterns.ts, ./program.ts.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { defaultRuntime, typeCheckMany, type Runtime } from '../helpers/fix-harness.js';
import { property, STATS, statsOf, typeProblem, type Recorded } from './check.js';
import { PATTERNS } from './patterns.js';

const SEED = Number(process.env.PROPERTY_SEED ?? 20260401);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1);
const started = performance.now();

// ---------------------------------------------------------------------------------------------------------------
// Tests

describe('fix equivalence at scale (generated programs, plugin.configs.all)', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await defaultRuntime();
  });

  PATTERNS.forEach((pattern, index) => {
    it(pattern.id, async () => {
      const seed = SEED + 7919 * index;
      const numRuns = Math.max(1, Math.round(pattern.numRuns * RUNS));
      const record: Recorded[] = [];
      await fc.assert(property(pattern, () => runtime, { record }), { seed, numRuns });

      // (3) type-check every changed program and its output in one batch
      const diagnostics = typeCheckMany(record.flatMap(({ program, output }) => [{ code: program.code, filename: program.filename }, { code: output, filename: program.filename }]));
      const stats = statsOf(pattern);
      const problems: string[] = [];
      record.forEach(({ program, output }, i) => {
        const original = diagnostics[2 * i];
        if (original.length > 0) stats.originalTypeErrors++;
        const problem = typeProblem(program, output, { original, fixed: diagnostics[2 * i + 1] });
        if (problem) problems.push(problem);
      });
      if (problems.length > 0) {
        // … and on a failure run again with the check inside the property, so fast-check shrinks it
        await fc.assert(property(pattern, () => runtime, 'typecheck-inline'), { seed, numRuns });
        throw new Error(problems[0]);
      }
    });
  });

  afterAll(() => {
    const rows = [...STATS].map(([id, s]) => ({
      pattern: id,
      programs: s.programs,
      reported: s.reported,
      autofixed: s.autofixed,
      changed: s.changed,
      inputs: s.inputs,
      rescued: s.rescued,
      improved: s.improved,
      ...(s.excluded ? { excluded: s.excluded } : {}),
      ...(s.originalThrew ? { threw: s.originalThrew } : {}),
      ...(s.originalTypeErrors ? { 'original type errors': s.originalTypeErrors } : {}),
    }));
    const total = rows.reduce((sum, row) => sum + row.programs, 0);
    const inputs = rows.reduce((sum, row) => sum + row.inputs, 0);
    console.log(
      `fix equivalence (property): ${total} programs, ${inputs} evaluated inputs, seed ${SEED}, ${((performance.now() - started) / 1000).toFixed(1)} s\n` +
        'reported: the pattern\'s rule fired; autofixed: every pattern autofixed by its own rule, none of its findings left;\n' +
        'changed: the output differs (any rule); inputs: evaluated (both versions); rescued: the original is non-finite somewhere\n' +
        'and the fixed result finite there; improved: the original is off the exact value somewhere and the fixed one on it;\n' +
        'excluded: hit a known rule bug (tests/property/check.ts, knownBug)',
    );
    console.table(rows);
  });
});
