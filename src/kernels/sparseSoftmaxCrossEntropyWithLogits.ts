// MODULES //

import { log1pSumExpShifted } from './internal/lse.js';


// MAIN //

/**
* Computes the softmax cross-entropy for a class index `k`: `−log(softmax(logits)[k])`, from the logits.
*
* ## Method
*
* `−log softmax(z)_k = (m − z_k) + L` with `m = max z` and `L = log1p(Σ_{j≠argmax} exp(z_j − m))` (compensated, with
* the rounding error of `z_j − m` recovered, as in `logSumExp`); the rounding error of `m − z_k` is recovered with a
* two-sum and added back. `logSumExp(z) − z_k` subtracts two numbers of size ~1000 for logits of ±1000 and loses up to
* hundreds of ulps; `−log(softmax(z)[k])` gives `Infinity` once the probability underflows.
*
* ## Error bound
*
* Within about 2 ulps (`L` ≤ 2 ulps, `m − z_k` exact after recovery, one final rounding, no cancellation since both
* parts are ≥ 0).
*
* ## Special cases
*
* -   `k` not an integer in `[0, logits.length)` (including empty `logits`) → `RangeError`
* -   any `NaN` in `logits` → `NaN`
* -   `logits[k] = -Infinity` among finite logits → `+Infinity`
* -   infinite maximum: as `softmax`, the `c` entries equal to the maximum get `log c`, the others `+Infinity`
*
* ## References
*
* -   Blanchard, Pierre, Desmond J. Higham, and Nicholas J. Higham. 2021. "Accurately computing the log-sum-exp and
*     softmax functions." _IMA Journal of Numerical Analysis_ 41 (4): 2311–30. doi:[10.1093/imanum/draa038](https://doi.org/10.1093/imanum/draa038).
*
* @param k - index of the true class
* @param logits - unnormalised log-probabilities
* @returns cross-entropy `−log(softmax(logits)[k])`
*
* @example
* var v = sparseSoftmaxCrossEntropyWithLogits( 1, [ 0.0, 0.0 ] );
* // returns ~0.6931
*
* @example
* // −log(softmax(z)[k]) gives Infinity here:
* var v = sparseSoftmaxCrossEntropyWithLogits( 0, [ 0.0, 800.0 ] );
* // returns 800.0
*
* @example
* var v = sparseSoftmaxCrossEntropyWithLogits( 1, [ 0.0, 40.0 ] );
* // returns ~4.248354255291589e-18
*
* @example
* var v = sparseSoftmaxCrossEntropyWithLogits( 0, [ NaN, 1.0 ] );
* // returns NaN
*/
export function sparseSoftmaxCrossEntropyWithLogits( k: number, logits: ArrayLike<number> ): number {
	const n = logits.length;
	if ( !( Number.isInteger( k ) && k >= 0 && k < n ) ) {
		throw new RangeError( 'sparseSoftmaxCrossEntropyWithLogits: class index must be an integer in [0, ' + String( n ) + '). Value: `' + String( k ) + '`.' );
	}
	let m = logits[ 0 ];
	let j = 0;
	for ( let i = 1; i < n; i++ ) {
		const v = logits[ i ];
		if ( v > m ) {
			m = v;
			j = i;
		}
	}
	if ( m !== m ) {
		return NaN;
	}
	if ( m === Infinity || m === -Infinity ) {
		let cnt = 0;
		for ( let i = 0; i < n; i++ ) {
			const v = logits[ i ];
			if ( v !== v ) {
				return NaN;
			}
			if ( v === m ) {
				cnt += 1;
			}
		}
		return ( logits[ k ] === m ) ? Math.log( cnt ) : Infinity;
	}
	const L = log1pSumExpShifted( logits, m, j );
	const z = logits[ k ];
	if ( z === -Infinity ) {
		return ( L === L ) ? Infinity : NaN;
	}
	// m − z = a + ea exactly (two-sum).
	const a = m - z;
	const bv = a - m;
	const ea = ( m - ( a - bv ) ) - ( z + bv );
	return a + ( ea + L );
}
