import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import './helpers/fc-seed.js';
import { logSumExp } from '../../src/kernels/logSumExp.js';
import { softmax } from '../../src/kernels/softmax.js';
import { D, dec, EPS, ulpOf32, ulps, type Dec } from './helpers/ref.js';
import { LOGIT_SETS, logits } from './helpers/sets.js';

/** Textbook max-shifted softmax: exp(x − m)/Σ with one accumulator and no error recovery. */
function textbook( xs: ArrayLike<number> ): number[] {
	let m = -Infinity;
	for ( let i = 0; i < xs.length; i++ ) {
		m = Math.max( m, xs[ i ] );
	}
	const out: number[] = [];
	let s = 0;
	for ( let i = 0; i < xs.length; i++ ) {
		out.push( Math.exp( xs[ i ] - m ) );
		s += out[ i ];
	}
	return out.map( ( v ) => v / s );
}

/** The `exp(x − lse)` form (Blanchard et al. warn against it). */
function viaLse( xs: ArrayLike<number> ): number[] {
	const l = logSumExp( xs );
	return Array.from( xs, ( v ) => Math.exp( v - l ) );
}

/** Reference softmax entries exp(z_i − m)/Σ_j exp(z_j − m) at 50 digits, z = x/T computed exactly. */
function refEntries( xs: ArrayLike<number>, T = 1 ): Dec[] {
	const dT = dec( T );
	const z = Array.from( xs, ( v ) => ( v === -Infinity ) ? null : dec( v ).div( dT ) );
	let m: Dec | null = null;
	for ( const v of z ) {
		if ( v !== null && ( m === null || v.gt( m ) ) ) {
			m = v;
		}
	}
	const w = z.map( ( v ) => {
		if ( v === null || m === null ) {
			return new D( 0 );
		}
		const d = v.minus( m );
		// exp(-800) ≈ 3.6e-348 is below the double range and below 1e-50 of the sum (≥ 1).
		return d.lt( -800 ) ? new D( 0 ) : D.exp( d );
	} );
	let s = new D( 0 );
	for ( const v of w ) {
		s = s.plus( v );
	}
	return w.map( ( v ) => v.div( s ) );
}

function maxUlps( got: ArrayLike<number>, ref: Dec[] ): number {
	let w = 0;
	for ( let i = 0; i < ref.length; i++ ) {
		w = Math.max( w, ulps( got[ i ], ref[ i ] ) );
	}
	return w;
}

describe( 'softmax: special cases', () => {
	it( 'empty input gives an empty output of the same kind', () => {
		expect( softmax( [] ) ).toEqual( [] );
		expect( softmax( new Float64Array( 0 ) ) ).toBeInstanceOf( Float64Array );
		expect( softmax( new Float32Array( 0 ) ) ).toBeInstanceOf( Float32Array );
	} );
	it( 'single element gives [1]', () => {
		expect( softmax( [ -3.5 ] ) ).toEqual( [ 1 ] );
		expect( softmax( [ 1e300 ] ) ).toEqual( [ 1 ] );
	} );
	it( 'NaN anywhere makes every entry NaN', () => {
		for ( const xs of [ [ NaN, 1 ], [ 1, NaN ], [ Infinity, NaN ], [ -Infinity, NaN ], [ NaN ] ] ) {
			for ( const v of softmax( xs ) ) {
				expect( v ).toBeNaN();
			}
		}
		for ( const v of softmax( [ 1, 2 ], NaN ) ) {
			expect( v ).toBeNaN();
		}
	} );
	it( '+Infinity entries share the mass equally, the others get 0', () => {
		expect( softmax( [ 1, Infinity, 3 ] ) ).toEqual( [ 0, 1, 0 ] );
		expect( softmax( [ Infinity, -Infinity, Infinity, 5 ] ) ).toEqual( [ 0.5, 0, 0.5, 0 ] );
	} );
	it( 'all -Infinity (fully masked row) gives the uniform distribution, never NaN', () => {
		expect( softmax( [ -Infinity, -Infinity, -Infinity, -Infinity ] ) ).toEqual( [ 0.25, 0.25, 0.25, 0.25 ] );
		expect( softmax( [ -Infinity, -Infinity ], 0.1 ) ).toEqual( [ 0.5, 0.5 ] );
	} );
	it( '-Infinity entries among finite ones get exactly 0', () => {
		expect( softmax( [ -Infinity, 0, -Infinity, 0 ] ) ).toEqual( [ 0, 0.5, 0, 0.5 ] );
	} );
	it( 'does not overflow where the textbook unshifted form gives NaN', () => {
		expect( softmax( [ 1000, 1000 ] ) ).toEqual( [ 0.5, 0.5 ] );
		expect( softmax( [ 1000, 0 ] ) ).toEqual( [ 1, 0 ] );
		expect( softmax( [ -1.7e308, 1.7e308 ] ) ).toEqual( [ 0, 1 ] );
	} );
	it( 'temperature: ≤ 0 throws, +Infinity gives uniform over the non-masked entries', () => {
		expect( () => softmax( [ 1, 2 ], 0 ) ).toThrow( RangeError );
		expect( () => softmax( [ 1, 2 ], -1 ) ).toThrow( RangeError );
		expect( softmax( [ 1, 2, -Infinity, 1e300 ], Infinity ) ).toEqual( [ 1 / 3, 1 / 3, 0, 1 / 3 ] );
		expect( softmax( [ 0, Math.LN2 ], 1 ) ).toEqual( softmax( [ 0, 2 * Math.LN2 ], 2 ) );
	} );
	it( 'extreme temperatures fall back to the uncorrected loop and stay finite', () => {
		expect( softmax( [ 0, 1e-285 ], 1e-290 ) ).toEqual( [ 0, 1 ] );
		const p = softmax( [ 0, 1e300 ], 1e300 );
		expect( p[ 0 ] ).toBeCloseTo( 1 / ( 1 + Math.E ), 14 );
	} );
} );

describe( 'softmax: return kind', () => {
	it( 'number[] in → number[] out', () => {
		const p = softmax( [ 1, 2, 3 ] );
		expect( Array.isArray( p ) ).toBe( true );
	} );
	it( 'Float64Array in → Float64Array out', () => {
		expect( softmax( new Float64Array( [ 1, 2, 3 ] ) ) ).toBeInstanceOf( Float64Array );
	} );
	it( 'Float32Array in → Float32Array out, within 1 float32 ulp of the float64 result', () => {
		const x32 = new Float32Array( [ 0.5, -1.25, 3, 10 ] );
		const p = softmax( x32 );
		expect( p ).toBeInstanceOf( Float32Array );
		const p64 = softmax( Array.from( x32 ) );
		for ( let i = 0; i < p.length; i++ ) {
			expect( Math.abs( p[ i ] - p64[ i ] ) ).toBeLessThanOrEqual( ulpOf32( p64[ i ] ) );
		}
	} );
	it( 'other array-likes give number[]', () => {
		expect( Array.isArray( softmax( { length: 2, 0: 1, 1: 2 } ) ) ).toBe( true );
		expect( Array.isArray( softmax( new Int32Array( [ 1, 2 ] ) ) ) ).toBe( true );
	} );
} );

// Bound: ≤ 1 ulp from Math.exp, ≤ 1/2 ulp each from applying the first-order correction, the compensated sum and the
// division (≈ 2.5 ulps); k = 4 leaves a margin. The textbook form carries u·|x − max| from the subtraction.
const K_SOFTMAX = 4;

describe( 'softmax: accuracy against a 50-digit reference', () => {
	const rows: string[] = [];
	afterAll( () => {
		console.info( 'softmax max error (ulps): set | T | kernel | textbook exp(x−m)/Σ | exp(x − lse)\n' + rows.join( '\n' ) );
	} );
	for ( const set of LOGIT_SETS ) {
		for ( const T of [ 1, 0.7, 3 ] ) {
			it( `set ${ set }, temperature ${ T }`, () => {
				let worst = 0;
				let worstTb = 0;
				let worstLse = 0;
				for ( const n of [ 1, 2, 5, 100, 400 ] ) {
					for ( let seed = 1; seed <= ( ( n <= 5 ) ? 8 : ( T === 1 ) ? 2 : 1 ); seed++ ) {
						const xs = logits( set, n, seed * 104729 + n );
						const ref = refEntries( xs, T );
						const got = softmax( xs, T );
						const e = maxUlps( got, ref );
						expect( e ).toBeLessThanOrEqual( K_SOFTMAX );
						worst = Math.max( worst, e );
						if ( T === 1 ) {
							worstTb = Math.max( worstTb, maxUlps( textbook( xs ), ref ) );
							worstLse = Math.max( worstLse, maxUlps( viaLse( xs ), ref ) );
						}
					}
				}
				rows.push( `${ set } | ${ T } | ${ worst.toFixed( 2 ) } | ${ ( T === 1 ) ? worstTb.toFixed( 2 ) : '-' } | ${ ( T === 1 ) ? worstLse.toFixed( 2 ) : '-' }` );
			} );
		}
	}
	it( 'the textbook forms are measurably worse on logits of ±1000 (the bound is meaningful)', () => {
		const xs = logits( 'uniform1000', 600, 5 );
		const ref = refEntries( xs );
		expect( maxUlps( textbook( xs ), ref ) ).toBeGreaterThan( 10 * K_SOFTMAX );
		expect( maxUlps( viaLse( xs ), ref ) ).toBeGreaterThan( 10 * K_SOFTMAX );
	} );
} );

describe( 'softmax: properties', () => {
	const arr = fc.array( fc.double( { min: -1000, max: 1000, noNaN: true } ), { minLength: 1, maxLength: 50 } );
	it( 'sums to 1 within a few ulps', () => {
		fc.assert( fc.property( arr, fc.constantFrom( 1, 0.5, 2.5 ), ( xs, T ) => {
			const p = softmax( xs, T );
			let s = new D( 0 );
			for ( const v of p ) {
				s = s.plus( dec( v ) );
			}
			return s.minus( 1 ).abs().toNumber() <= 4 * EPS;
		} ) );
	} );
	it( 'is shift-invariant (exact integer shifts)', () => {
		fc.assert( fc.property( fc.array( fc.integer( { min: -800, max: 800 } ), { minLength: 1, maxLength: 30 } ), fc.integer( { min: -1000, max: 1000 } ), ( xs, c ) => {
			const a = softmax( xs );
			const b = softmax( xs.map( ( v ) => v + c ) );
			return a.every( ( v, i ) => Math.abs( v - b[ i ] ) <= 2 * K_SOFTMAX * EPS * v );
		} ) );
	} );
	it( 'entries lie in [0, 1] and the argmax has the largest probability', () => {
		fc.assert( fc.property( arr, ( xs ) => {
			const p = softmax( xs );
			const k = xs.indexOf( Math.max( ...xs ) );
			return p.every( ( v ) => v >= 0 && v <= 1 && v <= p[ k ] );
		} ) );
	} );
} );
