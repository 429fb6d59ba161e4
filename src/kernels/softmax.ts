// MODULES //

import { allocLike, fillWith } from './internal/alloc.js';
import { softmaxInfiniteMax } from './internal/infinite.js';


// VARIABLES //

/**
* Below this exponent `Math.exp` returns 0 (`exp(-745.14)` rounds to 0), so such entries are written as 0 without
* calling `exp`; this also keeps `-Infinity` entries (masks) away from the error-recovery arithmetic.
*/
const EXP_UNDERFLOW = -745.2;

/**
* Veltkamp's splitting constant `2^27 + 1`: `c = SPLITTER·a; hi = c − (c − a)` splits a double into two 26-bit halves
* whose products are exact (Dekker's exact product without FMA, which JavaScript lacks).
*/
const SPLITTER = 134217729.0;

/**
* The exact product needs `SPLITTER·temperature` and the partial products to stay finite and normal. Outside
* `[TEMPERATURE_SPLIT_MIN, TEMPERATURE_SPLIT_MAX]` the division residual is not recovered (relative error then grows
* to `u·|x − max|/temperature`, which is tiny for such temperatures anyway).
*/
const TEMPERATURE_SPLIT_MIN = 1e-280;
const TEMPERATURE_SPLIT_MAX = 1e280;


// MAIN //

/**
* Computes the softmax `exp(xs[i]/T) / Σ_j exp(xs[j]/T)` accurately and without overflow.
*
* ## Method
*
* 1.  One pass finds the maximum `m` (plain comparisons, no `Math.max(...xs)`).
*
* 2.  A second pass writes `w_i = exp((xs[i] − m)/T)` (all ≤ 1, so nothing overflows) and accumulates `Σ w_i` with a
*     two-sum compensated sum. The rounding error `e` of `d = xs[i] − m` is recovered exactly with a two-sum; with a
*     temperature, the residual of `q = d/T` is recovered exactly with Dekker's product (`d − q·T` is representable).
*     Both are applied to first order: `exp(q + δ) ≈ exp(q)·(1 + δ)`. Without this the relative error of an entry is
*     `u·|d|/T`, up to hundreds of ulps for logits of ±1000.
*
* 3.  A third pass divides by the sum (a division, not a multiplication by `1/Σ`, to save a rounding).
*
* It computes `exp(x − m)/Σ` and not `exp(x − logSumExp(x))`: the latter multiplies the error of the log-sum-exp by
* `|x − lse|` (Blanchard et al. 2021, §4).
*
* ## Error bound
*
* Each entry is within about 3 ulps of the exact softmax (≤ 1 ulp from `Math.exp`, ≤ 1/2 each from the correction,
* the sum and the division), independent of `n` and of the magnitude of the logits. For a `Float32Array` result the
* float64 value is rounded once more to float32 (≤ 1 float32 ulp).
*
* ## Special cases
*
* -   empty input → empty output (of the input's kind)
* -   any `NaN` (or a `NaN` temperature) → every entry `NaN`
* -   the maximum is `+Infinity` → the `+Infinity` entries share the mass equally, the others are 0
* -   all entries `-Infinity` (a fully masked row) → the uniform distribution `1/n`. Rule: when the maximum is
*     infinite, the entries equal to it share the mass equally. This is the limit of softmax as those logits go to
*     ±Infinity together, by shift invariance; it never yields the textbook `0/0 = NaN` (TF.js gives `NaN`).
* -   `-Infinity` entries among finite ones get exactly 0 (masking works)
* -   `temperature = +Infinity` → uniform over the entries that are not `-Infinity`
* -   `temperature ≤ 0` → `RangeError`
*
* ## References
*
* -   Blanchard, Pierre, Desmond J. Higham, and Nicholas J. Higham. 2021. "Accurately computing the log-sum-exp and
*     softmax functions." _IMA Journal of Numerical Analysis_ 41 (4): 2311–30. doi:[10.1093/imanum/draa038](https://doi.org/10.1093/imanum/draa038).
* -   Dekker, T. J. 1971. "A floating-point technique for extending the available precision." _Numerische Mathematik_
*     18 (3): 224–42. doi:[10.1007/BF01397083](https://doi.org/10.1007/BF01397083).
* -   Knuth, Donald E. 1997. _The Art of Computer Programming, Volume 2: Seminumerical Algorithms_. 3rd ed. §4.2.2 (two-sum).
*
* @param xs - logits (`number[]`, `Float64Array`, `Float32Array` or any array-like)
* @param temperature - positive temperature `T` (default 1)
* @returns probabilities, of the input's kind (`Float64Array`/`Float32Array` in → same out; otherwise `number[]`)
*
* @example
* var p = softmax( [ 1.0, 2.0, 3.0 ] );
* // returns [ ~0.0900, ~0.2447, ~0.6652 ]
*
* @example
* // exp(1000) overflows in the textbook formula, which gives [ NaN, NaN ]:
* var p = softmax( [ 1000.0, 0.0 ] );
* // returns [ 1.0, 0.0 ] (exp(-1000) underflows)
*
* @example
* var p = softmax( new Float32Array( [ 0.0, 1.0 ] ), 0.5 );
* // returns Float32Array [ ~0.1192, ~0.8808 ]
*
* @example
* var p = softmax( [ -Infinity, -Infinity ] );
* // returns [ 0.5, 0.5 ]
*
* @example
* var p = softmax( [ 1.0, NaN ] );
* // returns [ NaN, NaN ]
*/
export function softmax( xs: Float32Array, temperature?: number ): Float32Array;
export function softmax( xs: Float64Array, temperature?: number ): Float64Array;
export function softmax( xs: ArrayLike<number>, temperature?: number ): number[];
export function softmax( xs: ArrayLike<number>, temperature = 1.0 ): number[] | Float64Array | Float32Array {
	const n = xs.length;
	const out = allocLike( xs, n );
	if ( n === 0 ) {
		return out;
	}
	if ( !( temperature > 0.0 ) ) {
		if ( temperature !== temperature ) {
			return fillWith( out, NaN );
		}
		throw new RangeError( 'softmax: temperature must be positive. Value: `' + String( temperature ) + '`.' );
	}
	// Pass 1: maximum.
	let m = xs[ 0 ];
	for ( let i = 1; i < n; i++ ) {
		const v = xs[ i ];
		if ( v > m ) {
			m = v;
		}
	}
	if ( m !== m ) {
		return fillWith( out, NaN ); // xs[0] is NaN
	}
	if ( m === Infinity || m === -Infinity ) {
		return softmaxInfiniteMax( xs, m, out, false );
	}
	// Pass 2: w_i = exp((x_i − m)/T)·(1 + δ_i) and their compensated sum.
	let s = 0.0;
	let c = 0.0;
	if ( temperature === 1.0 ) {
		for ( let i = 0; i < n; i++ ) {
			const x = xs[ i ];
			const d = x - m;
			if ( d < EXP_UNDERFLOW ) {
				out[ i ] = 0.0; // includes x = -Infinity; NaN fails the test and propagates
				continue;
			}
			// Two-sum: x + (-m) = d + e exactly.
			const bv = d - x;
			const e = ( x - ( d - bv ) ) - ( m + bv );
			const w = Math.exp( d );
			const t = w + ( w * e );
			out[ i ] = t;
			const u = s + t;
			const z = u - s;
			c += ( s - ( u - z ) ) + ( t - z );
			s = u;
		}
	} else if ( temperature >= TEMPERATURE_SPLIT_MIN && temperature <= TEMPERATURE_SPLIT_MAX ) {
		const T = temperature;
		const cT = SPLITTER * T;
		const th = cT - ( cT - T );
		const tl = T - th;
		for ( let i = 0; i < n; i++ ) {
			const x = xs[ i ];
			const d = x - m;
			const q = d / T;
			if ( q < EXP_UNDERFLOW ) {
				out[ i ] = 0.0;
				continue;
			}
			const bv = d - x;
			const e = ( x - ( d - bv ) ) - ( m + bv );
			// Dekker: q·T = p + pe exactly, so r = d − q·T exactly.
			const p = q * T;
			const cq = SPLITTER * q;
			const qh = cq - ( cq - q );
			const ql = q - qh;
			const pe = ( ( ( qh * th ) - p ) + ( qh * tl ) + ( ql * th ) ) + ( ql * tl );
			const r = ( d - p ) - pe;
			const w = Math.exp( q );
			const t = w + ( w * ( ( r + e ) / T ) );
			out[ i ] = t;
			const u = s + t;
			const z = u - s;
			c += ( s - ( u - z ) ) + ( t - z );
			s = u;
		}
	} else if ( temperature === Infinity ) {
		// Limit T → ∞: uniform over the entries that are not -Infinity (m is finite here; NaN propagates).
		let cnt = 0;
		for ( let i = 0; i < n; i++ ) {
			const x = xs[ i ];
			if ( x !== x ) {
				return fillWith( out, NaN );
			}
			if ( x !== -Infinity ) {
				cnt += 1;
			}
		}
		const h = 1.0 / cnt;
		for ( let i = 0; i < n; i++ ) {
			out[ i ] = ( xs[ i ] === -Infinity ) ? 0.0 : h;
		}
		return out;
	} else {
		const T = temperature;
		for ( let i = 0; i < n; i++ ) {
			const x = xs[ i ];
			const q = ( x - m ) / T;
			if ( q < EXP_UNDERFLOW ) {
				out[ i ] = 0.0;
				continue;
			}
			const t = Math.exp( q );
			out[ i ] = t;
			const u = s + t;
			const z = u - s;
			c += ( s - ( u - z ) ) + ( t - z );
			s = u;
		}
	}
	// Pass 3: normalise.
	const S = s + c;
	for ( let i = 0; i < n; i++ ) {
		out[ i ] /= S;
	}
	return out;
}
