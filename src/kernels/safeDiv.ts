// MAIN //

/**
* Computes `a/b`, or `fallback` when the denominator is zero.
*
* ## Method
*
* `b === 0` (either sign) → `fallback`; otherwise `a/b`. This is the explicit form of the guard
* `b !== 0 ? a / b : fallback`; the rule `no-unguarded-division` suggests it for sums, norms, standard deviations,
* ranges and counts that are zero on ordinary inputs (all-zero vectors, constant data, empty selections).
*
* Only an exact zero is caught: a tiny denominator still gives a huge (or infinite) quotient, which is the correct
* value of the division. Choose `fallback` for what the quotient should mean when there is nothing to divide by
* (0 for a mean of nothing, 1 for a ratio of equal empty quantities, `NaN` to keep the failure visible).
*
* ## Error bound
*
* Correctly rounded (one IEEE division) whenever `b ≠ 0`.
*
* ## Special cases
*
* -   `b = ±0` → `fallback` (even for `a = 0` or `a = NaN`)
* -   `b = NaN` → `NaN`; `a = NaN` with `b ≠ 0` → `NaN`
*
* ## References
*
* -   Goodfellow, Ian, Yoshua Bengio, and Aaron Courville. 2016. _Deep Learning_, §4.1. MIT Press.
*
* @param a - numerator
* @param b - denominator
* @param fallback - value returned when `b` is zero (default 0)
* @returns `a/b`, or `fallback` when `b === 0`
*
* @example
* var v = safeDiv( 1.0, 4.0 );
* // returns 0.25
*
* @example
* var v = safeDiv( 1.0, 0.0 );
* // returns 0.0
*
* @example
* var v = safeDiv( 0.0, 0.0, 1.0 );
* // returns 1.0
*
* @example
* var v = safeDiv( 1.0, NaN );
* // returns NaN
*/
export function safeDiv( a: number, b: number, fallback = 0.0 ): number {
	if ( b === 0.0 ) {
		return fallback;
	}
	return a / b;
}
