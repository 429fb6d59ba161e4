// Adversarial input sets (DESIGN §6, issue 4), generated deterministically from a seed.

import { normal, uniform } from './prng.js';

/** Logit sets for logSumExp / softmax / logSoftmax / cross-entropy. */
export type LogitSet = 'uniform1000' | 'dominant0' | 'dominant' | 'sorted' | 'offset1e4' | 'unit' | 'masked';

export const LOGIT_SETS: readonly LogitSet[] = [ 'uniform1000', 'dominant0', 'dominant', 'sorted', 'offset1e4', 'unit', 'masked' ];

/**
* -   `uniform1000`: uniform in ±1000 (the naive form overflows; `x − lse` loses hundreds of ulps).
* -   `dominant0`: one logit 0, the others 40–60 below (where `log1p` matters: the result is ~1e-18·n).
* -   `dominant`: one logit 7.3, the others 40–60 below (the subtraction `x − max` is inexact).
* -   `sorted`: uniform in ±30, ascending.
* -   `offset1e4`: 1e4 + uniform in ±5 (inexact `x − max`, large `max`).
* -   `unit`: uniform in ±1 (many comparable terms; the sum's rounding error dominates).
* -   `masked`: every third entry `-Infinity`, the rest uniform in ±5.
*/
export function logits( set: LogitSet, n: number, seed: number ): Float64Array {
	const u = uniform( seed );
	const xs = new Float64Array( n );
	switch ( set ) {
	case 'uniform1000':
		for ( let i = 0; i < n; i++ ) {
			xs[ i ] = ( 2.0 * u() - 1.0 ) * 1000.0;
		}
		break;
	case 'dominant0':
	case 'dominant': {
		const top = ( set === 'dominant0' ) ? 0.0 : 7.3;
		for ( let i = 0; i < n; i++ ) {
			xs[ i ] = top - 40.0 - ( 20.0 * u() );
		}
		xs[ Math.floor( u() * n ) ] = top;
		break;
	}
	case 'sorted':
		for ( let i = 0; i < n; i++ ) {
			xs[ i ] = ( 2.0 * u() - 1.0 ) * 30.0;
		}
		xs.sort();
		break;
	case 'offset1e4':
		for ( let i = 0; i < n; i++ ) {
			xs[ i ] = 1e4 + ( ( 2.0 * u() - 1.0 ) * 5.0 );
		}
		break;
	case 'unit':
		for ( let i = 0; i < n; i++ ) {
			xs[ i ] = 2.0 * u() - 1.0;
		}
		break;
	case 'masked':
		for ( let i = 0; i < n; i++ ) {
			xs[ i ] = ( i % 3 === 1 ) ? -Infinity : ( 2.0 * u() - 1.0 ) * 5.0;
		}
		break;
	default:
		throw new Error( 'unknown set ' + String( set ) );
	}
	return xs;
}

/** Data sets for sum / mean / variance / std / RunningStats. */
export type DataSet = 'offset1e4' | 'offset1e8' | 'offset1e9' | 'sorted1e8' | 'standard' | 'cancel' | 'wide';

export const DATA_SETS: readonly DataSet[] = [ 'offset1e4', 'offset1e8', 'offset1e9', 'sorted1e8', 'standard', 'cancel', 'wide' ];

/**
* -   `offset1e4`, `offset1e8`, `offset1e9`: offset + N(0, 1) (variance condition number ~offset²).
* -   `sorted1e8`: 1e8 + N(0, 1), ascending (the worst order for running means).
* -   `standard`: N(0, 1).
* -   `cancel`: a sum with condition number Σ|x|/|Σx| ≈ 1e14: pairs ±(1e6·N) that cancel plus small terms.
* -   `wide`: magnitudes spread over 1e-8..1e8 with random signs.
*/
export function data( set: DataSet, n: number, seed: number ): Float64Array {
	const g = normal( seed );
	const u = uniform( seed ^ 0x5bd1e995 );
	const xs = new Float64Array( n );
	switch ( set ) {
	case 'offset1e4':
	case 'offset1e8':
	case 'offset1e9':
	case 'sorted1e8': {
		const off = ( set === 'offset1e4' ) ? 1e4 : ( set === 'offset1e9' ) ? 1e9 : 1e8;
		for ( let i = 0; i < n; i++ ) {
			xs[ i ] = off + g();
		}
		if ( set === 'sorted1e8' ) {
			xs.sort();
		}
		break;
	}
	case 'standard':
		for ( let i = 0; i < n; i++ ) {
			xs[ i ] = g();
		}
		break;
	case 'cancel': {
		// Large terms that cancel in pairs (placed at random positions) and a small remainder whose sum is ~1e-14
		// of Σ|x|: pair values 1e6·N(0,1) with the negative shifted to a random place.
		const half = n >> 1;
		for ( let i = 0; i < half; i++ ) {
			const v = 1e6 * g();
			xs[ 2 * i ] = v;
			xs[ 2 * i + 1 ] = -v + ( 1e-8 * ( u() - 0.25 ) );
		}
		if ( n % 2 === 1 ) {
			xs[ n - 1 ] = 1e-8;
		}
		// Shuffle (Fisher–Yates) so the pairs are far apart.
		for ( let i = n - 1; i > 0; i-- ) {
			const j = Math.floor( u() * ( i + 1 ) );
			const t = xs[ i ];
			xs[ i ] = xs[ j ];
			xs[ j ] = t;
		}
		break;
	}
	case 'wide':
		for ( let i = 0; i < n; i++ ) {
			xs[ i ] = ( ( u() < 0.5 ) ? -1 : 1 ) * ( 10 ** ( 16 * u() - 8 ) );
		}
		break;
	default:
		throw new Error( 'unknown set ' + String( set ) );
	}
	return xs;
}
