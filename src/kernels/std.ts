// MODULES //

import { m2 } from './internal/m2.js';


// MAIN //

/**
* Computes the standard deviation of `xs`: the square root of `variance(xs, { ddof })`.
*
* ## Method
*
* Corrected two-pass algorithm on data shifted by the first element (correction term from pass 1), four interleaved
* lanes and blocked compensated accumulation of the squares (see `variance`), then
* `sqrt(M2/(n − ddof))`.
*
* ## Error bound
*
* Half the relative error of `variance` plus half an ulp from `Math.sqrt`: about 1–2 ulps.
*
* ## Special cases
*
* -   `n − ddof ≤ 0` (including empty input) → `NaN`
* -   any `NaN` or `±Infinity` → `NaN`
* -   constant data → exactly `0`
*
* ## References
*
* -   Chan, Tony F., Gene H. Golub, and Randall J. LeVeque. 1983. "Algorithms for Computing the Sample Variance:
*     Analysis and Recommendations." _The American Statistician_ 37 (3): 242–47.
*     doi:[10.1080/00031305.1983.10483115](https://doi.org/10.1080/00031305.1983.10483115).
*
* @param xs - input values (`number[]`, `Float64Array`, `Float32Array` or any array-like)
* @param options - options
* @param options.ddof - delta degrees of freedom: 0 for the population standard deviation (default), 1 for the sample one
* @returns standard deviation
*
* @example
* var v = std( [ 2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0 ] );
* // returns 2.0
*
* @example
* var v = std( [ 1e9 + 1.0, 1e9 + 2.0, 1e9 + 3.0 ], { ddof: 1 } );
* // returns 1.0
*
* @example
* var v = std( [ NaN ] );
* // returns NaN
*/
export function std( xs: ArrayLike<number>, options?: { ddof?: number } ): number {
	const n = xs.length;
	const ddof = ( options === void 0 || options.ddof === void 0 ) ? 0 : options.ddof;
	const dof = n - ddof;
	if ( !( dof > 0 ) || n === 0 ) {
		return NaN;
	}
	return m2( xs, dof, true );
}
