// Accuracy tables printed by the tests (copied into docs/kernels.md).

import { dec, ulpOf, type Dec } from './ref.js';

/** Error of `got` in ulps of the reference value. */
export function ulpErr( got: number, ref: Dec ): number {
	const r = ref.toNumber();
	if ( !Number.isFinite( got ) ) {
		return ( Object.is( got, r ) ) ? 0 : Infinity;
	}
	return dec( got ).minus( ref ).abs().toNumber() / ulpOf( r );
}

/** Formats an ulp error: 2 decimals below 1000, else exponent notation. */
export function fmt( e: number ): string {
	return ( e < 1000 ) ? e.toFixed( 2 ) : e.toExponential( 1 );
}
