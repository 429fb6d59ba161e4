// MODULES //

import { allocLike, fillWith } from './internal/alloc.js';
import { softmaxInfiniteMax } from './internal/infinite.js';


// VARIABLES //

/**
* Below this exponent `Math.exp` returns 0 (`exp(-745.14)` rounds to 0), so such entries are left out of the sum;
* this also keeps `-Infinity` entries (masks) away from the error-recovery arithmetic.
*/
const EXP_UNDERFLOW = -745.2;


// MAIN //

/**
* Computes the log-softmax `xs[i] − log(Σ_j exp(xs[j]))` accurately and without overflow.
*
* ## Method
*
* 1.  One pass finds the maximum `m` and its index `k`.
*
* 2.  A second pass forms `s' = Σ_{i≠k} exp(xs[i] − m)` with a two-sum compensated sum, recovering the rounding error
*     `e_i` of `d_i = xs[i] − m` (two-sum) and applying it to first order, as in `logSumExp`; then `L = log1p(s')`.
*
* 3.  A third pass writes `d_i + (e_i − L)`: the exact `xs[i] − m` minus `L`, rounded once.
*
* The textbook `x − logSumExp(x)` subtracts two numbers of size ~1000 for logits of ±1000 and loses up to hundreds of
* ulps of the (small) result; `log(softmax(x))` gives `-Infinity` once a probability underflows.
*
* ## Error bound
*
* `d_i − e_i` is exact, `L` is within about 2 ulps, and `d_i` and `−L` have the same sign (no cancellation), so every
* entry is within about 2 ulps of the exact value, independent of `n` and of the magnitude of the logits.
*
* ## Special cases
*
* -   empty input → empty output (of the input's kind)
* -   any `NaN` → every entry `NaN`
* -   the maximum is `+Infinity` → the `k` entries equal to `+Infinity` get `−log(k)`, the others `-Infinity`
* -   all entries `-Infinity` → every entry `−log(n)` (the log of `softmax`'s uniform rule; never `NaN`)
* -   `-Infinity` entries among finite ones → `-Infinity`
*
* ## References
*
* -   Blanchard, Pierre, Desmond J. Higham, and Nicholas J. Higham. 2021. "Accurately computing the log-sum-exp and
*     softmax functions." _IMA Journal of Numerical Analysis_ 41 (4): 2311–30. doi:[10.1093/imanum/draa038](https://doi.org/10.1093/imanum/draa038).
* -   Knuth, Donald E. 1997. _The Art of Computer Programming, Volume 2: Seminumerical Algorithms_. 3rd ed. §4.2.2 (two-sum).
*
* @param xs - logits (`number[]`, `Float64Array`, `Float32Array` or any array-like)
* @returns log-probabilities, of the input's kind (`Float64Array`/`Float32Array` in → same out; otherwise `number[]`)
*
* @example
* var v = logSoftmax( [ 1.0, 2.0, 3.0 ] );
* // returns [ ~-2.4076, ~-1.4076, ~-0.4076 ]
*
* @example
* // log(softmax(x)) gives [ -Infinity, 0 ] here:
* var v = logSoftmax( [ 0.0, 800.0 ] );
* // returns [ -800.0, 0.0 ]
*
* @example
* var v = logSoftmax( [ -Infinity, -Infinity ] );
* // returns [ ~-0.6931, ~-0.6931 ]
*
* @example
* var v = logSoftmax( [ 1.0, NaN ] );
* // returns [ NaN, NaN ]
*/
export function logSoftmax( xs: Float32Array ): Float32Array;
export function logSoftmax( xs: Float64Array ): Float64Array;
export function logSoftmax( xs: ArrayLike<number> ): number[];
export function logSoftmax( xs: ArrayLike<number> ): number[] | Float64Array | Float32Array {
	const n = xs.length;
	const out = allocLike( xs, n );
	if ( n === 0 ) {
		return out;
	}
	// Pass 1: maximum and its index.
	let m = xs[ 0 ];
	let k = 0;
	for ( let i = 1; i < n; i++ ) {
		const v = xs[ i ];
		if ( v > m ) {
			m = v;
			k = i;
		}
	}
	if ( m !== m ) {
		return fillWith( out, NaN ); // xs[0] is NaN
	}
	if ( m === Infinity || m === -Infinity ) {
		return softmaxInfiniteMax( xs, m, out, true );
	}
	// Pass 2: L = log1p(Σ_{i≠k} exp(x_i − m)·(1 + e_i)), compensated.
	let s = 0.0;
	let c = 0.0;
	for ( let i = 0; i < n; i++ ) {
		if ( i === k ) {
			continue;
		}
		const x = xs[ i ];
		const d = x - m;
		if ( d < EXP_UNDERFLOW ) {
			continue; // exp(d) is 0 (also x = -Infinity); NaN fails the test and propagates
		}
		const bv = d - x;
		const e = ( x - ( d - bv ) ) - ( m + bv );
		const w = Math.exp( d );
		const t = w + ( w * e );
		const u = s + t;
		const z = u - s;
		c += ( s - ( u - z ) ) + ( t - z );
		s = u;
	}
	const L = Math.log1p( s + c );
	if ( L !== L ) {
		return fillWith( out, NaN );
	}
	// Pass 3: (x_i − m) − L with the rounding error of x_i − m added back.
	for ( let i = 0; i < n; i++ ) {
		const x = xs[ i ];
		const d = x - m;
		if ( d === -Infinity ) {
			out[ i ] = -Infinity; // x = -Infinity (or x − m overflows)
			continue;
		}
		const bv = d - x;
		const e = ( x - ( d - bv ) ) - ( m + bv );
		out[ i ] = d + ( e - L );
	}
	return out;
}
