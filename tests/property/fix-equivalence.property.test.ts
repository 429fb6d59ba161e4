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
//      tolerances (1e-12 relative for float64, 1e-5 for float32) where the original is finite, and — where the
//      original is not finite (overflow, 0·-Infinity) or finite but off the exact value (cancellation) — finite and
//      on the 60-digit reference.
//
// Fixed seed and bounded runs (≈ 600 programs, ≈ 2 400 evaluations); PROPERTY_SEED and PROPERTY_RUNS (a multiplier)
// probe further. A summary per pattern is printed at the end.

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
      let failed = false;
      record.forEach(({ program, output }, i) => {
        const original = diagnostics[2 * i];
        if (original.length > 0) stats.originalTypeErrors++;
        if (typeProblem(program, output, { original, fixed: diagnostics[2 * i + 1] })) failed = true;
      });
      // … and on a failure run again with the check inside the property, so fast-check shrinks it
      if (failed) await fc.assert(property(pattern, () => runtime, 'typecheck-inline'), { seed, numRuns });
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
        'columns: reported = the pattern\'s rule fired; autofixed = with an autofix; changed = the output differs (any rule);\n' +
        '         rescued = inputs where the original is non-finite and the fixed result finite; improved = original off the exact value, fixed on it',
    );
    console.table(rows);
  });
});
