// MODULES //

import { csum, csumScaled, csumLo, nonFiniteSum, OVERFLOW_SCALE, OVERFLOW_UNSCALE } from './internal/csum.js';


// VARIABLES //

/** Veltkamp's splitting constant 2^27 + 1 (Dekker's exact product without FMA). */
const SPLITTER = 134217729.0;

/**
* Above this magnitude `SPLITTER·q` could overflow; the residual correction is skipped (the quotient is then within
* one ulp instead of half an ulp).
*/
const SPLIT_MAX = 1e290;


// MAIN //

/**
* Computes the arithmetic mean of `xs` with compensated (Neumaier-style) summation.
*
* ## Method
*
* The sum is formed as in `sum` (four two-sum lanes, non-finite terms handled apart) as an unevaluated pair
* `hi + lo`; the quotient `q = hi/n` is corrected by the exact remainder `hi − q·n` (Dekker's product) and `lo`, so the
* mean is rounded once rather than twice (`Σ/n` of a rounded sum can be 1 ulp off). Finite data
* whose partial sums overflow (`mean([1.7e308, 1.7e308])`) are re-summed scaled by 2^-64, so the mean stays finite.
*
* ## Error bound
*
* `|m̂ − m| ≤ u·|m| + 2n·u²·Σ|x_i|/n` (plus O(u²) from the correction): correctly rounded or within one ulp unless the
* data cancel to a condition number near `1/(n·u)`. The plain `Σx/n` is off by up to `n·u` relative.
*
* ## Special cases
*
* -   empty input → `NaN`
* -   any `NaN`, or both `+Infinity` and `-Infinity` → `NaN`
* -   `±Infinity` among finite values → `±Infinity`
*
* ## References
*
* -   Neumaier, Arnold. 1974. "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen."
*     _ZAMM_ 54 (1): 39–51. doi:[10.1002/zamm.19740540106](https://doi.org/10.1002/zamm.19740540106).
* -   Knuth, Donald E. 1997. _The Art of Computer Programming, Volume 2: Seminumerical Algorithms_. 3rd ed. §4.2.2 (two-sum).
*
* @param xs - input values (`number[]`, `Float64Array`, `Float32Array` or any array-like)
* @returns arithmetic mean
*
* @example
* var v = mean( [ 1.0, 2.0, 4.0 ] );
* // returns ~2.3333
*
* @example
* var v = mean( [ 1.7e308, 1.7e308 ] );
* // returns 1.7e308
*
* @example
* var v = mean( [] );
* // returns NaN
*
* @example
* var v = mean( [ 1.0, NaN ] );
* // returns NaN
*/
export function mean( xs: ArrayLike<number> ): number {
	const n = xs.length;
	if ( n === 0 ) {
		return NaN;
	}
	const s = csum( xs );
	if ( s - s === 0.0 ) {
		const lo = csumLo;
		const q = s / n;
		if ( !( q < SPLIT_MAX && q > -SPLIT_MAX ) ) {
			return q;
		}
		// Residual r = s − q·n exactly (Dekker's product q·n = p + pe), then q + (r + lo)/n: the sum's low part and
		// the division's remainder are kept, so the mean is rounded once.
		const p = q * n;
		const cq = SPLITTER * q;
		const qh = cq - ( cq - q );
		const ql = q - qh;
		const cn = SPLITTER * n;
		const nh = cn - ( cn - n );
		const nl = n - nh;
		const pe = ( ( ( qh * nh ) - p ) + ( qh * nl ) + ( ql * nh ) ) + ( ql * nl );
		return q + ( ( ( ( s - p ) - pe ) + lo ) / n );
	}
	const r = nonFiniteSum( xs );
	if ( r !== void 0 ) {
		return r;
	}
	return ( csumScaled( xs, OVERFLOW_SCALE ) / n ) * OVERFLOW_UNSCALE;
}
