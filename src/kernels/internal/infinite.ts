// MAIN //

/**
* Fills `out` for a softmax whose maximum `m` is `+Infinity` or `-Infinity`.
*
* Rule: the entries equal to the maximum share the probability mass equally and the others get 0. This is the limit
* of `softmax` when the infinite logits go to ±Infinity at the same rate (softmax is shift-invariant, so `k` equal
* logits get `1/k` each however large or small they are). In particular all `-Infinity` (a fully masked row) gives
* the uniform distribution, never the `0/0 = NaN` of the textbook formula. A `NaN` anywhere makes every entry `NaN`.
*
* @private
* @param xs - input values
* @param m - the (infinite) maximum of `xs`
* @param out - output array of length `xs.length`
* @param log - write `log` of the probabilities (for `logSoftmax`)
* @returns `out`
*/
export function softmaxInfiniteMax<T extends number[] | Float64Array | Float32Array>( xs: ArrayLike<number>, m: number, out: T, log: boolean ): T {
	const n = xs.length;
	let cnt = 0;
	for ( let i = 0; i < n; i++ ) {
		const v = xs[ i ];
		if ( v !== v ) {
			for ( let j = 0; j < n; j++ ) {
				out[ j ] = NaN;
			}
			return out;
		}
		if ( v === m ) {
			cnt += 1;
		}
	}
	const hit = ( log ) ? -Math.log( cnt ) : 1.0 / cnt;
	const miss = ( log ) ? -Infinity : 0.0;
	for ( let i = 0; i < n; i++ ) {
		out[ i ] = ( xs[ i ] === m ) ? hit : miss;
	}
	return out;
}
