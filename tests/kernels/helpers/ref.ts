// 50-digit decimal.js references and error measures.

import { Decimal } from 'decimal.js';

/** A private decimal.js constructor with 50 significant digits (the global one is left alone). */
export const D = Decimal.clone( { precision: 50, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -400, toExpPos: 400, minE: -9e15, maxE: 9e15 } );
export type Dec = InstanceType<typeof D>;

/** Machine epsilon 2^-52. */
export const EPS = Number.EPSILON;

/**
* The value of a double as a 50-digit decimal. `String(x)` is the shortest round-trip string, which differs from the
* double by up to half an ulp; `toPrecision(50)` prints the binary value correctly rounded to 50 significant digits
* (the working precision, so that `dec(x) − dec(x)`-style cancellations in references are exact).
*/
export function dec( x: number ): Dec {
	if ( !Number.isFinite( x ) ) {
		return new D( x );
	}
	return new D( x.toPrecision( 50 ) );
}

/** Spacing of doubles at `x` (2^(e−52), subnormal floor 2^-1074). */
export function ulpOf( x: number ): number {
	const a = Math.abs( x );
	if ( a < 2.2250738585072014e-308 ) {
		return 5e-324;
	}
	let e = Math.floor( Math.log2( a ) );
	if ( 2 ** e > a ) {
		e -= 1;
	} else if ( 2 ** ( e + 1 ) <= a ) {
		e += 1;
	}
	return 2 ** ( e - 52 );
}

/** Spacing of float32 values at `x`. */
export function ulpOf32( x: number ): number {
	const a = Math.abs( x );
	if ( a < 1.1754943508222875e-38 ) {
		return 1.401298464324817e-45;
	}
	let e = Math.floor( Math.log2( a ) );
	if ( 2 ** e > a ) {
		e -= 1;
	} else if ( 2 ** ( e + 1 ) <= a ) {
		e += 1;
	}
	return 2 ** ( e - 23 );
}

/** Error of `got` in ulps of the (rounded) reference. Infinite when the kinds differ (finite vs not). */
export function ulps( got: number, ref: Dec ): number {
	const r = ref.toNumber();
	if ( !Number.isFinite( got ) || !Number.isFinite( r ) ) {
		return ( Object.is( got, r ) ) ? 0 : Infinity;
	}
	return dec( got ).minus( ref ).abs().div( ulpOf( r ) ).toNumber();
}

/** Relative error |got − ref|/|ref| (Infinity when got is not finite and ref is). */
export function relErr( got: number, ref: Dec ): number {
	const r = ref.toNumber();
	if ( !Number.isFinite( got ) || !Number.isFinite( r ) ) {
		return ( Object.is( got, r ) ) ? 0 : Infinity;
	}
	if ( ref.isZero() ) {
		return ( got === 0 ) ? 0 : Infinity;
	}
	return dec( got ).minus( ref ).abs().div( ref.abs() ).toNumber();
}

/** log(1 + s) to 50 significant digits also for tiny s (D.ln(1 + s) would lose the digits of s). */
export function log1pRef( s: Dec ): Dec {
	if ( s.abs().gt( 1e-6 ) ) {
		return D.ln( s.plus( 1 ) );
	}
	// Series s − s²/2 + s³/3 − …: with |s| ≤ 1e-6, 9 terms reach 1e-54 relative.
	let sum = new D( 0 );
	let p = s;
	for ( let k = 1; k <= 10; k++ ) {
		sum = ( k % 2 === 1 ) ? sum.plus( p.div( k ) ) : sum.minus( p.div( k ) );
		p = p.times( s );
	}
	return sum;
}

/** Parts of a 50-digit log-sum-exp: m = max, k = its index, s = Σ_{i≠k} exp(x_i − m), L = log1p(s). */
export interface LseParts {
	m: Dec;
	k: number;
	s: Dec;
	L: Dec;
}

/**
* Exact-input log-sum-exp parts at 50 digits. Every term with `x_i − m > -800` is included (smaller ones are below
* the double range and below 1e-50 of any representable s'), so `L` is accurate relative to itself even when tiny.
*/
export function lseParts( xs: ArrayLike<number> ): LseParts {
	let mm = -Infinity;
	let k = 0;
	for ( let i = 0; i < xs.length; i++ ) {
		if ( xs[ i ] > mm ) {
			mm = xs[ i ];
			k = i;
		}
	}
	const m = dec( mm );
	let s = new D( 0 );
	for ( let i = 0; i < xs.length; i++ ) {
		if ( i !== k && xs[ i ] - mm > -800 ) {
			s = s.plus( D.exp( dec( xs[ i ] ).minus( m ) ) );
		}
	}
	return { m, k, s, L: log1pRef( s ) };
}

/** log(Σ exp(x_i)) to 50 digits. */
export function lseRef( xs: ArrayLike<number> ): Dec {
	const p = lseParts( xs );
	return p.m.plus( p.L );
}
