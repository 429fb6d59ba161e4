/**
* Generates the 50-digit reference fixtures for the large-n kernel accuracy tests:
* `tests/kernels/fixtures/logSumExp.json`.
*
* The inputs are not stored: each case is `(set, n, seed)` and the tests regenerate the data with the same seeded
* generator (`tests/kernels/helpers/sets.ts`). Stored per case: the maximum `m`, its index `k`,
* `s = Σ_{i≠k} exp(x_i − m)` and `L = log1p(s)` as 50-digit decimal strings (decimal.js), from which the tests derive
* the log-sum-exp, softmax and log-softmax references of sampled entries. Computing `s` takes ~100 µs per term at 50
* digits, so the n = 1e6 cases take a few minutes; smaller cases are computed inside the tests instead.
*
* Run: `npx tsx tools/kernel-fixtures.ts` (rerun only when the generators in `sets.ts` change).
*/
import { writeFileSync } from 'node:fs';
import { lseParts } from '../tests/kernels/helpers/ref.js';
import { type LogitSet, logits } from '../tests/kernels/helpers/sets.js';

export interface LseFixture {
	set: LogitSet;
	n: number;
	seed: number;
	m: string;
	k: number;
	s: string;
	L: string;
}

const CASES: [ LogitSet, number, number ][] = [
	[ 'uniform1000', 1_000_000, 1 ],
	[ 'unit', 1_000_000, 2 ],
	[ 'dominant0', 100_000, 3 ],
	[ 'dominant', 100_000, 4 ],
	[ 'sorted', 100_000, 5 ],
	[ 'offset1e4', 100_000, 6 ],
	[ 'masked', 100_000, 7 ],
];

const out: LseFixture[] = [];
for ( const [ set, n, seed ] of CASES ) {
	const t0 = Date.now();
	const xs = logits( set, n, seed );
	const p = lseParts( xs );
	out.push( { set, n, seed, m: p.m.toString(), k: p.k, s: p.s.toString(), L: p.L.toString() } );
	console.log( `${ set } n=${ n }: ${ ( ( Date.now() - t0 ) / 1000 ).toFixed( 1 ) } s` );
}
writeFileSync( new URL( '../tests/kernels/fixtures/logSumExp.json', import.meta.url ), JSON.stringify( out, null, '\t' ) + '\n' );
