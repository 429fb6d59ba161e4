// MODULES //

import { m2 } from './internal/m2.js';


// MAIN //

/**
* Computes the variance of `xs` with a corrected two-pass algorithm on data shifted by the first element.
*
* ## Method
*
* 1.  Shift by `K = xs[0]`: `y_i = x_i − K`. For data at an offset (1e9 ± 1) the subtraction is exact (Sterbenz), the
*     mean of `y` is small, and constant data give `y = 0` and hence exactly `0`, never a tiny or negative value.
* 2.  Pass 1: `μ = Σy_i/n`.
* 3.  Pass 2: `d_i = x_i − c` with `c = K + μ` (rounded); `M2 = Σd_i² − (Σd_i)²/n`. The correction term cancels the
*     effect of the rounding of the centre (Chan, Golub & LeVeque 1983, eq. 1.7, "corrected two-pass"). It equals
*     `n·(x̄ − c)²`, a second-order quantity, so `Σd_i` is not accumulated in pass 2 but taken from pass 1 as
*     `Σy_i − n·(c − K)` (`c − K` exact by a two-sum): an error δ in it changes `M2` by only about `2|x̄ − c|·δ`.
* 4.  `variance = M2/(n − ddof)`.
*
* Both passes accumulate in four interleaved lanes, which breaks the dependency chain of a single accumulator: pass 1
* costs two additions per element and pass 2 two additions and a multiplication, so the kernel runs at 1.3× the
* one-pass textbook loop on cached data and ~1.9× at n = 1e6 (two passes over memory; see `docs/kernels.md`). Pass 2
* sums the squares in blocks of 256 whose sums are added to a two-sum compensated total, so the rounding error does not
* grow with `n` (a single accumulator reaches ~1e-11 relative error at n = 1e6 and an offset of 1e8, and drops small
* squares on heavy-tailed data).
*
* The textbook one-pass `(Σx² − (Σx)²/n)/(n − 1)` cancels catastrophically: at an offset of 1e8 with unit spread it
* loses every digit (it can even return a negative variance).
*
* ## Error bound
*
* The shifted data are exact for offset data (Sterbenz), the squares carry u/2 each, a block sum at most 63u and the
* compensated total O(u), independent of `n`; the rounding error of `μ` enters only to second order and is removed by
* the correction term (whose own error, from the lane sum of pass 1, is again second order). Measured: ≤ 2.2 ulps for
* n up to 1e6 at offsets up to 1e9, on sorted, cancelling and heavy-tailed data (see `docs/kernels.md`).
*
* ## Special cases
*
* -   `n − ddof ≤ 0` (including empty input) → `NaN`
* -   any `NaN` or `±Infinity` → `NaN`
* -   constant data → exactly `0`
* -   the result is never negative
*
* ## References
*
* -   Chan, Tony F., Gene H. Golub, and Randall J. LeVeque. 1983. "Algorithms for Computing the Sample Variance:
*     Analysis and Recommendations." _The American Statistician_ 37 (3): 242–47.
*     doi:[10.1080/00031305.1983.10483115](https://doi.org/10.1080/00031305.1983.10483115).
* -   Neely, Peter M. 1966. "Comparison of Several Algorithms for Computation of Means, Standard Deviations and
*     Correlation Coefficients." _Communications of the ACM_ 9 (7): 496–99.
*     doi:[10.1145/365719.365958](https://doi.org/10.1145/365719.365958).
* -   Schubert, Erich, and Michael Gertz. 2018. "Numerically stable parallel computation of (co-)variance." _SSDBM '18_.
*     doi:[10.1145/3221269.3223036](https://doi.org/10.1145/3221269.3223036).
*
* @param xs - input values (`number[]`, `Float64Array`, `Float32Array` or any array-like)
* @param options - options
* @param options.ddof - delta degrees of freedom: 0 for the population variance (default), 1 for the sample variance
* @returns variance
*
* @example
* var v = variance( [ 1.0, 2.0, 3.0, 4.0 ] );
* // returns 1.25
*
* @example
* var v = variance( [ 1.0, 2.0, 3.0, 4.0 ], { ddof: 1 } );
* // returns ~1.6667
*
* @example
* // The textbook one-pass formula returns 0 here (and negative values for other offsets):
* var v = variance( [ 1e9 + 1.0, 1e9 + 2.0, 1e9 + 3.0 ], { ddof: 1 } );
* // returns 1.0
*
* @example
* var v = variance( [ 1.0, NaN ] );
* // returns NaN
*/
export function variance( xs: ArrayLike<number>, options?: { ddof?: number } ): number {
	const n = xs.length;
	const ddof = ( options === void 0 || options.ddof === void 0 ) ? 0 : options.ddof;
	const dof = n - ddof;
	if ( !( dof > 0 ) || n === 0 ) {
		return NaN;
	}
	return m2( xs, dof, false );
}
