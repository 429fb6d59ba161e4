// MODULES //

/**
* Allocates an output array of length `n` with the same kind as `xs`.
*
* -   `Float64Array` in → `Float64Array` out;
* -   `Float32Array` in → `Float32Array` out (values are rounded to float32 on store);
* -   anything else (`number[]`, other array-likes, other typed arrays) → `number[]`.
*
* @private
* @param xs - input array
* @param n - output length
* @returns output array
*/
export function allocLike( xs: ArrayLike<number>, n: number ): number[] | Float64Array | Float32Array {
	if ( xs instanceof Float64Array ) {
		return new Float64Array( n );
	}
	if ( xs instanceof Float32Array ) {
		return new Float32Array( n );
	}
	// `new Array(n)` stays in fast (holey double) elements mode in V8 up to at least n = 1e6 and is 2-4x faster than `push`:
	return new Array<number>( n );
}

/**
* Fills every element of `out` with `v`.
*
* @private
* @param out - output array
* @param v - value
* @returns `out`
*/
export function fillWith<T extends number[] | Float64Array | Float32Array>( out: T, v: number ): T {
	for ( let i = 0; i < out.length; i++ ) {
		out[ i ] = v;
	}
	return out;
}
