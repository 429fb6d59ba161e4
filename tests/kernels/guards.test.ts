import fc from 'fast-check';
import './helpers/fc-seed.js';
import { describe, expect, it } from 'vitest';
import { safeDiv } from '../../src/kernels/safeDiv.js';
import { safeLog } from '../../src/kernels/safeLog.js';
import { xlogy } from '../../src/kernels/xlogy.js';
import { D, dec } from './helpers/ref.js';
import { ulpErr } from './helpers/table.js';

describe( 'xlogy', () => {
	it( 'x = 0 gives 0 unless y is NaN', () => {
		for ( const y of [ 0, -0, 1, -1, Infinity, 5e-324 ] ) {
			expect( xlogy( 0, y ) ).toBe( 0 );
		}
		// 0·log(0/0) = 0: the KL term at p = q = 0 (TensorFlow's and JAX's convention).
		expect( xlogy( 0, NaN ) ).toBe( 0 );
		expect( xlogy( 0, 0 / 0 ) ).toBe( 0 );
		expect( xlogy( 1, NaN ) ).toBeNaN();
		expect( 0 * Math.log( 0 ) ).toBeNaN(); // the naive form
	} );
	it( 'regime x ≠ 0: x·log(y)', () => {
		expect( xlogy( 2, Math.E ) ).toBe( 2 * Math.log( Math.E ) );
		expect( xlogy( 1, 0 ) ).toBe( -Infinity );
		expect( xlogy( 1, -1 ) ).toBeNaN();
		expect( xlogy( NaN, 1 ) ).toBeNaN();
	} );
	it( 'within 1.5 ulps of a 50-digit reference (one log, one product)', () => {
		fc.assert( fc.property( fc.double( { min: -1e6, max: 1e6, noNaN: true } ), fc.double( { min: 1e-300, max: 1e300, noNaN: true } ), ( x, y ) => {
			if ( x === 0 || y === 1 ) {
				return true;
			}
			return ulpErr( xlogy( x, y ), dec( x ).times( D.ln( dec( y ) ) ) ) <= 1.5;
		} ) );
	} );
	it( 'entropy of a distribution with zeros is finite', () => {
		const p = [ 0, 0.5, 0.5, 0 ];
		expect( -p.reduce( ( a, v ) => a + xlogy( v, v ), 0 ) ).toBe( Math.LN2 );
	} );
} );

describe( 'safeDiv', () => {
	it( 'b = ±0 gives the fallback (default 0)', () => {
		expect( safeDiv( 1, 0 ) ).toBe( 0 );
		expect( safeDiv( 1, -0 ) ).toBe( 0 );
		expect( safeDiv( 0, 0, 1 ) ).toBe( 1 );
		expect( safeDiv( NaN, 0, 7 ) ).toBe( 7 );
		expect( safeDiv( 1, 0, NaN ) ).toBeNaN();
	} );
	it( 'b ≠ 0 gives the IEEE quotient', () => {
		expect( safeDiv( 1, 4 ) ).toBe( 0.25 );
		expect( safeDiv( 1, 1e-320 ) ).toBe( Infinity );
		expect( safeDiv( 1, NaN ) ).toBeNaN();
		fc.assert( fc.property( fc.double(), fc.double(), ( a, b ) => b === 0 || Object.is( safeDiv( a, b ), a / b ) ) );
	} );
} );

describe( 'safeLog', () => {
	it( 'x below eps gives log(eps); NaN stays NaN', () => {
		expect( safeLog( 0, 1e-12 ) ).toBe( Math.log( 1e-12 ) );
		expect( safeLog( -3, 1e-12 ) ).toBe( Math.log( 1e-12 ) );
		expect( safeLog( -Infinity, 1e-12 ) ).toBe( Math.log( 1e-12 ) );
		expect( safeLog( NaN, 1e-12 ) ).toBeNaN();
		expect( safeLog( Infinity ) ).toBe( Infinity );
	} );
	it( 'the default eps (Number.MIN_VALUE) leaves every positive x unchanged and makes 0 finite', () => {
		expect( safeLog( 0 ) ).toBe( Math.log( Number.MIN_VALUE ) );
		expect( Number.isFinite( safeLog( 0 ) ) ).toBe( true );
		fc.assert( fc.property( fc.double( { min: 5e-324, noNaN: true } ), ( x ) => Object.is( safeLog( x ), Math.log( x ) ) ) );
	} );
	it( 'regime x > eps: Math.log(x)', () => {
		expect( safeLog( Math.E, 1e-12 ) ).toBe( 1 );
		expect( safeLog( 1e-11, 1e-12 ) ).toBe( Math.log( 1e-11 ) );
	} );
} );
