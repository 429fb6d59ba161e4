import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import './helpers/fc-seed.js';
import { logSoftmax } from '../../src/kernels/logSoftmax.js';
import { logSumExp } from '../../src/kernels/logSumExp.js';
import { softmax } from '../../src/kernels/softmax.js';
import { dec, EPS, lseParts, ulpOf32, ulps, type Dec } from './helpers/ref.js';
import { LOGIT_SETS, logits } from './helpers/sets.js';

/** Textbook `x − lse` (with an accurate lse: the loss is the subtraction's). */
function textbook( xs: ArrayLike<number> ): number[] {
	const l = logSumExp( xs );
	return Array.from( xs, ( v ) => v - l );
}

function refEntries( xs: ArrayLike<number> ): Dec[] {
	const { m, L } = lseParts( xs );
	return Array.from( xs, ( v ) => ( v === -Infinity ) ? dec( -Infinity ) : dec( v ).minus( m ).minus( L ) );
}

function maxUlps( got: ArrayLike<number>, ref: Dec[] ): number {
	let w = 0;
	for ( let i = 0; i < ref.length; i++ ) {
		w = Math.max( w, ulps( got[ i ], ref[ i ] ) );
	}
	return w;
}

describe( 'logSoftmax: special cases', () => {
	it( 'empty input gives an empty output of the same kind', () => {
		expect( logSoftmax( [] ) ).toEqual( [] );
		expect( logSoftmax( new Float32Array( 0 ) ) ).toBeInstanceOf( Float32Array );
	} );
	it( 'single element gives [0]', () => {
		expect( logSoftmax( [ 123.5 ] ) ).toEqual( [ 0 ] );
	} );
	it( 'NaN anywhere makes every entry NaN', () => {
		for ( const xs of [ [ NaN, 1 ], [ 1, NaN ], [ Infinity, NaN ], [ -Infinity, NaN ] ] ) {
			for ( const v of logSoftmax( xs ) ) {
				expect( v ).toBeNaN();
			}
		}
	} );
	it( '+Infinity entries get −log(k), the others -Infinity', () => {
		expect( logSoftmax( [ 1, Infinity, 3 ] ) ).toEqual( [ -Infinity, -0, -Infinity ] );
		expect( logSoftmax( [ Infinity, 0, Infinity ] ) ).toEqual( [ -Math.LN2, -Infinity, -Math.LN2 ] );
	} );
	it( 'all -Infinity gives −log(n) everywhere (log of softmax\'s uniform rule)', () => {
		expect( logSoftmax( [ -Infinity, -Infinity, -Infinity, -Infinity ] ) ).toEqual( [ -Math.log( 4 ), -Math.log( 4 ), -Math.log( 4 ), -Math.log( 4 ) ] );
	} );
	it( '-Infinity entries among finite ones give -Infinity', () => {
		expect( logSoftmax( [ -Infinity, 0, 0 ] ) ).toEqual( [ -Infinity, -Math.LN2, -Math.LN2 ] );
	} );
	it( 'no -Infinity where log(softmax) underflows', () => {
		expect( logSoftmax( [ 0, 800 ] ) ).toEqual( [ -800, 0 ] );
		expect( logSoftmax( [ -1.7e308, 1.7e308 ] ) ).toEqual( [ -Infinity, 0 ] );
	} );
	it( 'return kinds follow the input', () => {
		expect( Array.isArray( logSoftmax( [ 1, 2 ] ) ) ).toBe( true );
		expect( logSoftmax( new Float64Array( [ 1, 2 ] ) ) ).toBeInstanceOf( Float64Array );
		const x32 = new Float32Array( [ 1, 2, -7.5 ] );
		const r = logSoftmax( x32 );
		expect( r ).toBeInstanceOf( Float32Array );
		const r64 = logSoftmax( Array.from( x32 ) );
		r.forEach( ( v, i ) => expect( Math.abs( v - r64[ i ] ) ).toBeLessThanOrEqual( ulpOf32( r64[ i ] ) ) );
	} );
} );

// Bound: x_i − m is recovered exactly; L = log1p(s') is within ~2 ulps (see logSumExp); d and −L have the same sign,
// so the final rounded subtraction adds 1/2 ulp without cancellation: k = 4 leaves a margin.
const K_LOGSOFTMAX = 4;

describe( 'logSoftmax: accuracy against a 50-digit reference', () => {
	const rows: string[] = [];
	afterAll( () => {
		console.info( 'logSoftmax max error (ulps): set | kernel | textbook x − lse\n' + rows.join( '\n' ) );
	} );
	for ( const set of LOGIT_SETS ) {
		it( `set ${ set }`, () => {
			let worst = 0;
			let worstTb = 0;
			for ( const n of [ 1, 2, 5, 100, 500 ] ) {
				for ( let seed = 1; seed <= ( ( n <= 5 ) ? 10 : 2 ); seed++ ) {
					const xs = logits( set, n, seed * 15485863 + n );
					const ref = refEntries( xs );
					const e = maxUlps( logSoftmax( xs ), ref );
					expect( e ).toBeLessThanOrEqual( K_LOGSOFTMAX );
					worst = Math.max( worst, e );
					worstTb = Math.max( worstTb, maxUlps( textbook( xs ), ref ) );
				}
			}
			rows.push( `${ set } | ${ worst.toFixed( 2 ) } | ${ worstTb.toFixed( 2 ) }` );
		} );
	}
	it( 'x − lse is measurably worse at logits of ±1000 (the bound is meaningful)', () => {
		const xs = logits( 'uniform1000', 1000, 3 );
		expect( maxUlps( textbook( xs ), refEntries( xs ) ) ).toBeGreaterThan( 10 * K_LOGSOFTMAX );
	} );
} );

describe( 'logSoftmax: properties', () => {
	const arr = fc.array( fc.double( { min: -1000, max: 1000, noNaN: true } ), { minLength: 1, maxLength: 50 } );
	it( 'logSoftmax = log(softmax) where both are finite (and softmax is not subnormal)', () => {
		fc.assert( fc.property( arr, ( xs ) => {
			const a = logSoftmax( xs );
			const p = softmax( xs );
			return a.every( ( v, i ) => {
				const b = Math.log( p[ i ] );
				// log(p) carries the ≤ 4-ulp relative error of p as an absolute error, plus its own rounding. Subnormal
				// p (below 2.2e-308) have fewer significant bits, so log(p) is not comparable there.
				return !Number.isFinite( b ) || p[ i ] < 2.2250738585072014e-308 || Math.abs( v - b ) <= 6 * EPS * Math.max( 1, Math.abs( v ) );
			} );
		} ) );
	} );
	it( 'entries are ≤ 0 and logSumExp of the result is 0', () => {
		fc.assert( fc.property( arr, ( xs ) => {
			const a = logSoftmax( xs );
			return a.every( ( v ) => v <= 0 ) && Math.abs( logSumExp( a ) ) <= 8 * EPS * Math.max( 1, Math.log( xs.length ) );
		} ) );
	} );
} );
