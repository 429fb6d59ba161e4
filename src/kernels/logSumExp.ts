// VARIABLES //

/**
* Below this exponent `Math.exp` returns 0 (the smallest subnormal is 2^-1074 ≈ exp(-744.44), and `exp(-745.14)` rounds to 0).
* Elements with `x - max < EXP_UNDERFLOW` contribute exactly 0 to the sum, so the loop skips them (this also keeps
* `-Infinity` entries, e.g. masks, away from the error-recovery arithmetic, where `-Infinity - -Infinity` would be NaN).
*/
const EXP_UNDERFLOW = -745.2;


// MAIN //

/**
* Computes `log(Σ exp(xs[i]))` without overflow or underflow and to within a few ulps.
*
* ## Method
*
* 1.  One pass finds the maximum `m` and its index `k` (plain comparisons, no `Math.max(...xs)`).
*
* 2.  A second pass forms `s' = Σ_{i≠k} exp(xs[i] − m)`. Every term lies in `[0, 1]`, so nothing overflows, and the
*     argmax term (exactly 1) is left out of the sum so that step 3 can use `log1p`. The rounding error `e` of
*     `d = xs[i] − m` is recovered exactly with Knuth's branch-free two-sum and applied to first order,
*     `exp(d + e) ≈ exp(d)·(1 + e)`; the terms are accumulated with a two-sum (Neumaier-style) compensated sum, whose
*     error does not grow with `n`.
*
* 3.  The result is `m + log1p(s')`. With `log(1 + s')` instead of `log1p`, the bits of a small `s'` (one dominant logit,
*     the others 40 below) are lost when `1 + s'` is rounded, and with `m ≈ 0` the whole result is lost.
*
* The naive `log(Σ exp(x))` overflows to `Infinity` once an element exceeds ~709.78 and underflows to `-Infinity`
* when all elements are below ~-745.13.
*
* ## Error bound
*
* The terms of `s'` carry the error of `Math.exp` (< 1 ulp) and the compensated sum adds `O(u)` relative error
* independent of `n`, so `log1p(s')` is within about 2 ulps; the final addition adds half an ulp. Away from
* cancellation between `m` and `log1p(s')` (the result near 0 with `m < 0`, where the problem itself is ill-conditioned,
* see Blanchard et al. 2021) the relative error is at most a few ulps: measured ≤ 2 ulps on the adversarial sets of
* `docs/kernels.md` for `n` up to 1e6.
*
* ## Special cases
*
* -   empty input → `-Infinity` (the log of an empty sum)
* -   any `NaN` → `NaN`
* -   any `+Infinity` (and no `NaN`) → `+Infinity`
* -   all elements `-Infinity` → `-Infinity` (TF.js's `logSumExp` returns `NaN` here)
* -   `-Infinity` elements among finite ones contribute 0 (masking works)
*
* ## References
*
* -   Blanchard, Pierre, Desmond J. Higham, and Nicholas J. Higham. 2021. "Accurately computing the log-sum-exp and
*     softmax functions." _IMA Journal of Numerical Analysis_ 41 (4): 2311–30. doi:[10.1093/imanum/draa038](https://doi.org/10.1093/imanum/draa038).
* -   Knuth, Donald E. 1997. _The Art of Computer Programming, Volume 2: Seminumerical Algorithms_. 3rd ed. §4.2.2 (two-sum).
* -   Neumaier, Arnold. 1974. "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen."
*     _ZAMM_ 54 (1): 39–51. doi:[10.1002/zamm.19740540106](https://doi.org/10.1002/zamm.19740540106).
*
* @param xs - input values (`number[]`, `Float64Array`, `Float32Array` or any array-like)
* @returns `log(Σ exp(xs[i]))`
*
* @example
* var v = logSumExp( [ 1.0, 2.0, 3.0 ] );
* // returns ~3.4076
*
* @example
* // Would overflow naively:
* var v = logSumExp( [ 1000.0, 1000.0 ] );
* // returns ~1000.6931
*
* @example
* // A dominant logit: log(Σ) would lose every digit of the answer, log1p keeps them.
* var v = logSumExp( [ 0.0, -40.0 ] );
* // returns ~4.248354255291589e-18
*
* @example
* var v = logSumExp( [ 1.0, NaN ] );
* // returns NaN
*
* @example
* var v = logSumExp( [] );
* // returns -Infinity
*/
export function logSumExp( xs: ArrayLike<number> ): number {
	const n = xs.length;
	if ( n === 0 ) {
		return -Infinity;
	}
	// Pass 1: maximum and its index (NaN never compares greater; it is caught below or propagates through pass 2).
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
		return NaN; // xs[0] is NaN
	}
	if ( m === Infinity || m === -Infinity ) {
		for ( let i = 0; i < n; i++ ) {
			const v = xs[ i ];
			if ( v !== v ) {
				return NaN;
			}
		}
		return m;
	}
	// Pass 2: compensated Σ_{i≠k} exp(x_i − m)·(1 + e_i), e_i the rounding error of x_i − m.
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
		// Two-sum: x + (-m) = d + e exactly.
		const bv = d - x;
		const e = ( x - ( d - bv ) ) - ( m + bv );
		const w = Math.exp( d );
		const t = w + ( w * e );
		// Two-sum accumulation: s + t = u + err exactly.
		const u = s + t;
		const z = u - s;
		c += ( s - ( u - z ) ) + ( t - z );
		s = u;
	}
	return m + Math.log1p( s + c );
}
