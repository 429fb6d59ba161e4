// VARIABLES //

/** Below this exponent `Math.exp` returns 0; such terms are skipped (this also skips `-Infinity` entries). */
const EXP_UNDERFLOW = -745.2;


// MAIN //

/**
* `log1p(Σ_{i≠k} exp(xs[i] − m))` for the maximum `m = xs[k]` (finite): compensated two-sum accumulation with the
* rounding error of `xs[i] − m` recovered and applied to first order (see `logSumExp`). `NaN` entries propagate.
*
* @private
* @param xs - input values
* @param m - maximum of `xs` (finite)
* @param k - index of the maximum
* @returns log1p of the shifted sum without the argmax term
*/
export function log1pSumExpShifted( xs: ArrayLike<number>, m: number, k: number ): number {
	const n = xs.length;
	let s = 0.0;
	let c = 0.0;
	for ( let i = 0; i < n; i++ ) {
		if ( i === k ) {
			continue;
		}
		const x = xs[ i ];
		const d = x - m;
		if ( d < EXP_UNDERFLOW ) {
			continue;
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
	return Math.log1p( s + c );
}
