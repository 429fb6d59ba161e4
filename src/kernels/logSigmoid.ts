// VARIABLES //

/**
* Mächler's (2012) cut-offs, mirrored: `logSigmoid(x) = −softplus(−x)` (see `softplus`).
*
* -   `x ≥ 37`: `−exp(−x)` (`log1p(t) = t` for `t < 2^-53`);
* -   `−18 ≤ x < 37`: `−log1p(exp(−x))`;
* -   `−33.3 ≤ x < −18`: `x − exp(x)`;
* -   `x < −33.3`: `x` (`exp(x)` is below half an ulp of `x`).
*/
const UPPER = 37.0;
const MIDDLE = -18.0;
const LOWER = -33.3;


// MAIN //

/**
* Computes `log(sigmoid(x)) = −log(1 + exp(−x))` without underflow to `-Infinity` and with full relative accuracy.
*
* ## Method
*
* | regime | formula | why |
* |---|---|---|
* | `x ≥ 37` | `−exp(−x)` | `log1p(t) = t` to double precision for `t < 2^-53` |
* | `−18 ≤ x < 37` | `−log1p(exp(−x))` | `log1p` keeps the bits of a small `exp(−x)` |
* | `−33.3 ≤ x < −18` | `x − exp(x)` | avoids the large intermediate `exp(−x)` |
* | `x < −33.3` | `x` | `exp(x)` is below half an ulp of `x` |
*
* `log(sigmoid(x))` gives `-Infinity` below x ≈ −745 (the sigmoid underflows) and 0 above x ≈ 36.7 (it rounds to 1),
* where the true value is ≈ −exp(−x). TF.js's `tf.logSigmoid` is the same function (`−softplus(−x)`).
*
* ## Error bound
*
* ≤ 2 ulps in every regime; measured ≤ 1 ulp.
*
* ## Special cases
*
* -   `logSigmoid(NaN)` → `NaN`
* -   `logSigmoid(+Infinity)` → `-0`; `logSigmoid(−Infinity)` → `−Infinity`
*
* ## References
*
* -   Mächler, Martin. 2012. "Accurately Computing log(1 − exp(−|a|)) Assessed by the Rmpfr package." CRAN vignette,
*     §3 (log1pexp). <https://cran.r-project.org/package=Rmpfr/vignettes/log1mexp-note.pdf>.
*
* @param x - input value
* @returns `log(1/(1 + exp(−x)))`
*
* @example
* var v = logSigmoid( 0.0 );
* // returns ~-0.6931
*
* @example
* // log(sigmoid(x)) gives -Infinity here:
* var v = logSigmoid( -800.0 );
* // returns -800.0
*
* @example
* // log(sigmoid(x)) gives 0 here:
* var v = logSigmoid( 40.0 );
* // returns ~-4.248354255291589e-18
*
* @example
* var v = logSigmoid( NaN );
* // returns NaN
*/
export function logSigmoid( x: number ): number {
	if ( x >= UPPER ) {
		return -Math.exp( -x );
	}
	if ( x >= MIDDLE ) {
		return -Math.log1p( Math.exp( -x ) );
	}
	if ( x >= LOWER ) {
		return x - Math.exp( x );
	}
	return x; // also NaN (every comparison above is false)
}
