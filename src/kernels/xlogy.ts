// MAIN //

/**
* Computes `x·log(y)`, defined as 0 when `x = 0` (the convention `0·log 0 = 0` of entropy and KL divergence).
*
* ## Method
*
* `x = 0` → `0` whatever `y` is; otherwise `x·Math.log(y)`. The plain `p * Math.log(p)` gives
* `0·(−Infinity) = NaN` at `p = 0`, which turns an entropy or a KL divergence into `NaN`. A term weighted by 0 is 0
* even when its argument is undefined: in a KL term `p·log(p/q)` with `p = q = 0` the argument is `0/0 = NaN`, and
* the convention `0·log(0/0) = 0` (Cover & Thomas) is what the sum needs. This is TensorFlow's and JAX's `xlogy`
* (`scipy.special.xlogy` and PyTorch return `NaN` for `y = NaN`).
*
* ## Error bound
*
* ≤ 1.5 ulps (`log` ≤ 1 ulp, the product ½ ulp), relative to `x·log(y)`.
*
* ## Special cases
*
* -   `x = 0` → `0` (also for `y = 0`, `y = +Infinity`, `y < 0` and `y = NaN`), as `tf.math.xlogy`
* -   `x = NaN`, or `y = NaN` with `x ≠ 0` → `NaN`
* -   `y < 0` with `x ≠ 0` → `NaN`; `y = 0` with `x > 0` → `-Infinity`
*
* ## References
*
* -   Cover, Thomas M., and Joy A. Thomas. 2006. _Elements of Information Theory_, 2nd ed., §2.1 (the convention
*     0 log 0 = 0). Wiley. doi:[10.1002/047174882X](https://doi.org/10.1002/047174882X).
*
* @param x - multiplier
* @param y - argument of the logarithm
* @returns `x·log(y)`, or 0 when `x = 0`
*
* @example
* var v = xlogy( 2.0, Math.E );
* // returns 2.0
*
* @example
* // 0 * Math.log(0) is NaN:
* var v = xlogy( 0.0, 0.0 );
* // returns 0.0
*
* @example
* var v = xlogy( 1e-300, 1e-300 );
* // returns ~-6.907755278982137e-298
*
* @example
* // A KL term at p = q = 0: 0·log(0/0) = 0
* var v = xlogy( 0.0, 0.0 / 0.0 );
* // returns 0.0
*/
export function xlogy( x: number, y: number ): number {
	if ( x === 0.0 ) {
		return 0.0;
	}
	return x * Math.log( y );
}
