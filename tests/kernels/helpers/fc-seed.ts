// Deterministic fast-check runs: a fixed seed unless KERNELS_FC_SEED is set (e.g. to probe with other seeds:
// `KERNELS_FC_SEED=$RANDOM KERNELS_FC_RUNS=2000 npx vitest run tests/kernels`).
import fc from 'fast-check';

fc.configureGlobal( {
	seed: Number( process.env.KERNELS_FC_SEED ?? 20261125 ),
	numRuns: Number( process.env.KERNELS_FC_RUNS ?? 100 ),
} );
