import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import './helpers/fc-seed.js';
import { logAddExp } from '../../src/kernels/logAddExp.js';
import { logSumExp } from '../../src/kernels/logSumExp.js';
import { dec, EPS, lseRef, ulpOf, type Dec } from './helpers/ref.js';
import { uniform } from './helpers/prng.js';

/** Error in ulps of max(|result|, |max(a, b)|) (the result cancels only where the problem is ill-conditioned). */
function scaledUlps( got: number, ref: Dec, a: number, b: number ): number {
	return dec( got ).minus( ref ).abs().toNumber() / ulpOf( Math.max( Math.abs( ref.toNumber() ), Math.abs( Math.max( a, b ) ) ) );
}

// Bound: Math.exp and Math.log1p ≤ 1 ulp each, the recovered subtraction error removes the u·|a − b| term, the final
// addition 1/2 ulp: k = 3.
const K_LAE = 3;

describe( 'logAddExp', () => {
	it( 'special cases', () => {
		expect( logAddExp( NaN, 1 ) ).toBeNaN();
		expect( logAddExp( 1, NaN ) ).toBeNaN();
		expect( logAddExp( Infinity, NaN ) ).toBeNaN();
		expect( logAddExp( Infinity, -Infinity ) ).toBe( Infinity );
		expect( logAddExp( Infinity, Infinity ) ).toBe( Infinity );
		expect( logAddExp( -Infinity, -Infinity ) ).toBe( -Infinity );
		expect( logAddExp( -Infinity, 2.5 ) ).toBe( 2.5 );
		expect( logAddExp( 2.5, -Infinity ) ).toBe( 2.5 );
	} );
	it( 'regime: equal arguments give a + ln 2', () => {
		expect( logAddExp( 0, 0 ) ).toBe( Math.LN2 );
		expect( logAddExp( 1000, 1000 ) ).toBe( 1000 + Math.LN2 );
		expect( logAddExp( -1000, -1000 ) ).toBe( -1000 + Math.LN2 );
	} );
	it( 'regime: far apart (exp(lo − hi) below the log1p resolution or underflowing)', () => {
		expect( logAddExp( 0, -50 ) ).toBe( Math.exp( -50 ) );
		expect( logAddExp( 5, -1e308 ) ).toBe( 5 );
		expect( logAddExp( 1.7e308, 1.7e308 ) ).toBe( 1.7e308 );
	} );
	it( 'is symmetric', () => {
		fc.assert( fc.property( fc.double( { noNaN: true } ), fc.double( { noNaN: true } ), ( a, b ) => Object.is( logAddExp( a, b ), logAddExp( b, a ) ) ) );
	} );
	it( 'accuracy against a 50-digit reference, and the naive/textbook forms', () => {
		const u = uniform( 77 );
		let worst = 0;
		let worstNaive = 0;
		for ( let i = 0; i < 3000; i++ ) {
			// Mixed scales: near 0 with inexact differences, and ±1000.
			const scale = [ 1e-3, 1, 30, 1000 ][ i % 4 ];
			const a = ( 2 * u() - 1 ) * scale;
			const b = a - 60 * u();
			const ref = lseRef( [ a, b ] );
			const e = scaledUlps( logAddExp( a, b ), ref, a, b );
			expect( e ).toBeLessThanOrEqual( K_LAE );
			worst = Math.max( worst, e );
			// hi + log(1 + exp(lo − hi)): the textbook shifted form without log1p.
			const hi = Math.max( a, b );
			const naive = hi + Math.log( 1 + Math.exp( Math.min( a, b ) - hi ) );
			worstNaive = Math.max( worstNaive, scaledUlps( naive, ref, a, b ) );
		}
		console.info( `logAddExp max error: kernel ${ worst.toFixed( 2 ) } ulps, hi + log(1 + exp(lo − hi)) ${ worstNaive.toExponential( 2 ) } ulps` );
		expect( worstNaive ).toBeGreaterThan( 10 * K_LAE );
	} );
	it( 'agrees with logSumExp of two elements', () => {
		fc.assert( fc.property( fc.double( { min: -1e3, max: 1e3, noNaN: true } ), fc.double( { min: -1e3, max: 1e3, noNaN: true } ), ( a, b ) => {
			const x = logAddExp( a, b );
			const y = logSumExp( [ a, b ] );
			return Math.abs( x - y ) <= 2 * K_LAE * EPS * Math.max( Math.abs( x ), Math.abs( a ), Math.abs( b ), 1e-300 );
		} ) );
	} );
} );
