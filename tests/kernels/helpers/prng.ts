// Seeded, platform-independent pseudo-random numbers for deterministic test data.

/** mulberry32: a small 32-bit generator; deterministic across engines (only 32-bit integer ops). */
export function mulberry32( seed: number ): () => number {
	let a = seed >>> 0;
	return (): number => {
		a = ( a + 0x6D2B79F5 ) >>> 0;
		let t = a;
		t = Math.imul( t ^ ( t >>> 15 ), t | 1 );
		t ^= t + Math.imul( t ^ ( t >>> 7 ), t | 61 );
		return ( ( t ^ ( t >>> 14 ) ) >>> 0 );
	};
}

/** Uniform doubles in [0, 1) with all 53 bits random. */
export function uniform( seed: number ): () => number {
	const next = mulberry32( seed );
	return (): number => ( ( ( next() >>> 5 ) * 67108864 ) + ( next() >>> 6 ) ) / 9007199254740992;
}

/** Standard normal deviates (Box–Muller; uses only Math.log/cos/sqrt, identical in every V8 build). */
export function normal( seed: number ): () => number {
	const u = uniform( seed );
	return (): number => {
		const a = 1.0 - u();
		const b = u();
		return Math.sqrt( -2.0 * Math.log( a ) ) * Math.cos( 2.0 * Math.PI * b );
	};
}
