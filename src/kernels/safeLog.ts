// VARIABLES //

/**
* Default floor: the smallest positive double. `safeLog(x)` then equals `Math.log(x)` for every positive `x`
* (value-identical where the original is finite) and gives `log(5e-324) ≈ −744.44` instead of `-Infinity` at 0.
*/
const DEFAULT_EPS = Number.MIN_VALUE;


// MAIN //

/**
* Computes `log(max(x, eps))`: a logarithm that never returns `-Infinity` or `NaN` for a zero or negative argument.
*
* ## Method
*
* `x` below `eps` (including 0 and negative values) is replaced by `eps`; `NaN` is kept (`Math.max`-style clamping
* would be written `x > eps ? x : eps`, which silently maps `NaN` to `eps`; this does not).
*
* Pick `eps` for the meaning of the guard: `1e-7` matches TF.js's probability clipping in float32, `1e-12` to
* `1e-15` is common for float64 probabilities. For entropies and KL divergences prefer `xlogy`, which needs no `eps`.
*
* ## Error bound
*
* That of `Math.log` (≤ 1 ulp) for `x ≥ eps`.
*
* ## Special cases
*
* -   `x ≤ eps` (including `0`, `-0`, negative values and `-Infinity`) → `log(eps)`
* -   `x = NaN` → `NaN`; `x = +Infinity` → `+Infinity`
* -   `eps ≤ 0` makes the floor `log(eps)` itself `-Infinity`/`NaN`, as asked
*
* ## References
*
* -   Goodfellow, Ian, Yoshua Bengio, and Aaron Courville. 2016. _Deep Learning_, §4.1. MIT Press.
*
* @param x - argument
* @param eps - floor for the argument (default `Number.MIN_VALUE`, 5e-324)
* @returns `log(max(x, eps))`
*
* @example
* var v = safeLog( Math.E );
* // returns 1.0
*
* @example
* var v = safeLog( 0.0, 1e-12 );
* // returns ~-27.631
*
* @example
* var v = safeLog( 0.0 );
* // returns ~-744.44
*
* @example
* var v = safeLog( NaN, 1e-12 );
* // returns NaN
*/
export function safeLog( x: number, eps = DEFAULT_EPS ): number {
	if ( x > eps ) {
		return Math.log( x );
	}
	if ( x !== x ) {
		return NaN;
	}
	return Math.log( eps );
}
