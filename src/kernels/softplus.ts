// VARIABLES //

/**
* Mächler's (2012) cut-offs for `log1p(exp(x))` in double precision:
*
* -   `x ≤ −37`: `exp(x) < 2^-53.4`, so `log1p(exp(x)) = exp(x)·(1 − exp(x)/2 + …)` equals `exp(x)` to within half an ulp;
* -   `18 < x ≤ 33.3`: `log1p(exp(x)) = x + log1p(exp(−x))` and `log1p(exp(−x)) = exp(−x)` to double precision;
* -   `x > 33.3`: `exp(−x) < 2^-48` is below half an ulp of `x`, so the result is `x`.
*/
const LOWER = -37.0;
const MIDDLE = 18.0;
const UPPER = 33.3;


// MAIN //

/**
* Computes the softplus `log(1 + exp(x))` without overflow and with full relative accuracy.
*
* ## Method
*
* | regime | formula | why |
* |---|---|---|
* | `x ≤ −37` | `exp(x)` | `log1p(t) = t` to double precision for `t < 2^-53` |
* | `−37 < x ≤ 18` | `log1p(exp(x))` | `log1p` keeps the bits of a small `exp(x)` that `log(1 + exp(x))` loses |
* | `18 < x ≤ 33.3` | `x + exp(−x)` | avoids the large intermediate `exp(x)` |
* | `x > 33.3` | `x` | `exp(−x)` is below half an ulp of `x` |
*
* `log(1 + exp(x))` overflows to `Infinity` above x ≈ 709.78 and returns 0 for x < −36.7 (where softplus is
* ~1e-16, not 0).
*
* ## Error bound
*
* ≤ 2 ulps in every regime (`exp` and `log1p` ≤ 1 ulp each, condition number of `log1p(t)` ≤ 1); measured ≤ 1 ulp.
*
* ## Special cases
*
* -   `softplus(NaN)` → `NaN`
* -   `softplus(+Infinity)` → `+Infinity`; `softplus(−Infinity)` → `0`
*
* ## References
*
* -   Mächler, Martin. 2012. "Accurately Computing log(1 − exp(−|a|)) Assessed by the Rmpfr package." CRAN vignette,
*     §3 (log1pexp). <https://cran.r-project.org/package=Rmpfr/vignettes/log1mexp-note.pdf>.
*
* @param x - input value
* @returns `log(1 + exp(x))`
*
* @example
* var v = softplus( 0.0 );
* // returns ~0.6931
*
* @example
* // log(1 + exp(x)) gives Infinity here:
* var v = softplus( 1000.0 );
* // returns 1000.0
*
* @example
* // log(1 + exp(x)) gives 0 here:
* var v = softplus( -40.0 );
* // returns ~4.248354255291589e-18
*
* @example
* var v = softplus( NaN );
* // returns NaN
*/
export function softplus( x: number ): number {
	if ( x <= LOWER ) {
		return Math.exp( x );
	}
	if ( x <= MIDDLE ) {
		return Math.log1p( Math.exp( x ) );
	}
	if ( x <= UPPER ) {
		return x + Math.exp( -x );
	}
	return x; // also NaN (every comparison above is false)
}
