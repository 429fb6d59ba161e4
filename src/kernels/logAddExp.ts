// MAIN //

/**
* Computes `log(exp(a) + exp(b))` without overflow or underflow.
*
* ## Method
*
* With `hi = max(a, b)` and `lo = min(a, b)`, `log(exp(a) + exp(b)) = hi + log1p(exp(lo − hi))`. The argument of `exp`
* is ≤ 0, so nothing overflows, and `log1p` keeps the bits of a tiny `exp(lo − hi)`. The rounding error `e` of
* `d = lo − hi` is recovered exactly with a two-sum and applied to first order:
* `log1p(exp(d + e)) ≈ log1p(exp(d)) + e·exp(d)/(1 + exp(d))`.
*
* ## Error bound
*
* `Math.exp` and `Math.log1p` are each within 1 ulp and the recovered error removes the `u·|d|` amplification of the
* subtraction, so the result is within a few ulps whenever `hi` and `log1p(exp(d))` do not cancel
* (cancellation needs `hi < 0`, where the function is ill-conditioned).
*
* ## Special cases
*
* -   either argument `NaN` → `NaN`
* -   either argument `+Infinity` → `+Infinity`
* -   `a = b = -Infinity` → `-Infinity`; one argument `-Infinity` → the other argument
*
* ## References
*
* -   Blanchard, Pierre, Desmond J. Higham, and Nicholas J. Higham. 2021. "Accurately computing the log-sum-exp and
*     softmax functions." _IMA Journal of Numerical Analysis_ 41 (4): 2311–30. doi:[10.1093/imanum/draa038](https://doi.org/10.1093/imanum/draa038).
* -   Mächler, Martin. 2012. "Accurately Computing log(1 − exp(−|a|)) Assessed by the Rmpfr package." CRAN vignette.
*     <https://cran.r-project.org/package=Rmpfr/vignettes/log1mexp-note.pdf>.
*
* @param a - first value
* @param b - second value
* @returns `log(exp(a) + exp(b))`
*
* @example
* var v = logAddExp( 0.0, 0.0 );
* // returns ~0.6931
*
* @example
* // Would overflow naively:
* var v = logAddExp( 1000.0, 1000.0 );
* // returns ~1000.6931
*
* @example
* var v = logAddExp( 0.0, -50.0 );
* // returns ~1.9287498479639178e-22
*
* @example
* var v = logAddExp( NaN, 1.0 );
* // returns NaN
*/
export function logAddExp( a: number, b: number ): number {
	let hi: number;
	let lo: number;
	if ( a > b ) {
		hi = a;
		lo = b;
	} else if ( b >= a ) {
		hi = b;
		lo = a;
	} else {
		return NaN; // a or b is NaN
	}
	if ( hi === Infinity || lo === -Infinity ) {
		return hi; // includes -Infinity when both are -Infinity
	}
	// Two-sum: lo + (-hi) = d + e exactly.
	const d = lo - hi;
	const bv = d - lo;
	const e = ( lo - ( d - bv ) ) - ( hi + bv );
	const t = Math.exp( d );
	// eslint-disable-next-line numerics/no-naive-log-sigmoid -- d ≤ 0, so t = exp(d) ≤ 1: no overflow
	return hi + ( Math.log1p( t ) + ( ( e * t ) / ( 1.0 + t ) ) );
}
