import fc from 'fast-check';
import './helpers/fc-seed.js';
import { afterAll, describe, expect, it } from 'vitest';
import { binaryCrossEntropyWithLogits } from '../../src/kernels/binaryCrossEntropyWithLogits.js';
import { logSoftmax } from '../../src/kernels/logSoftmax.js';
import { logSumExp } from '../../src/kernels/logSumExp.js';
import { softmax } from '../../src/kernels/softmax.js';
import { softmaxCrossEntropyWithLogits } from '../../src/kernels/softmaxCrossEntropyWithLogits.js';
import { sparseSoftmaxCrossEntropyWithLogits } from '../../src/kernels/sparseSoftmaxCrossEntropyWithLogits.js';
import { uniform } from './helpers/prng.js';
import { D, dec, lseParts, type Dec } from './helpers/ref.js';
import { softplusRef } from './helpers/scalar.js';
import { LOGIT_SETS, logits } from './helpers/sets.js';
import { fmt, ulpErr } from './helpers/table.js';

const rows: string[] = [];
afterAll( () => {
	console.info( 'cross-entropy max error (ulps): kernel | set | kernel | textbook\n' + rows.join( '\n' ) );
} );

/** y·softplus(−z) + (1 − y)·softplus(z) to 50 digits. */
function bceRef( y: number, z: number ): Dec {
	const dy = dec( y );
	return dy.times( softplusRef( -z ) ).plus( new D( 1 ).minus( dy ).times( softplusRef( z ) ) );
}

/** TF.js's form max(z, 0) − z·y + log1p(exp(−|z|)). */
function bceTf( y: number, z: number ): number {
	return Math.max( z, 0 ) - ( z * y ) + Math.log1p( Math.exp( -Math.abs( z ) ) );
}

// Bounds: BCE sums two non-negative terms each within ~1.5 ulps (k = 3); the softmax cross-entropies are sums of
// −logSoftmax terms within ~2 ulps each, compensated (k = 4).
const K_BCE = 3;
const K_CE = 4;

describe( 'binaryCrossEntropyWithLogits', () => {
	it( 'special cases and limits', () => {
		expect( binaryCrossEntropyWithLogits( NaN, 1 ) ).toBeNaN();
		expect( binaryCrossEntropyWithLogits( 1, NaN ) ).toBeNaN();
		expect( binaryCrossEntropyWithLogits( 1, Infinity ) ).toBe( 0 );
		expect( binaryCrossEntropyWithLogits( 0, Infinity ) ).toBe( Infinity );
		expect( binaryCrossEntropyWithLogits( 0, -Infinity ) ).toBe( 0 );
		expect( binaryCrossEntropyWithLogits( 0.5, -Infinity ) ).toBe( Infinity );
	} );
	it( 'one case per regime (z ≥ 0, z < 0), where the probability form fails', () => {
		expect( binaryCrossEntropyWithLogits( 0, 40 ) ).toBe( 40 + Math.log1p( Math.exp( -40 ) ) );
		expect( binaryCrossEntropyWithLogits( 1, -40 ) ).toBe( 40 + Math.log1p( Math.exp( -40 ) ) );
		const p = 1 / ( 1 + Math.exp( -40 ) );
		expect( -Math.log( 1 - p ) ).toBe( Infinity );
		expect( binaryCrossEntropyWithLogits( 1, 0 ) ).toBe( Math.LN2 );
	} );
	it( 'accuracy against a 50-digit reference (labels 0, 1, smoothed 0.1/0.9, uniform)', () => {
		const u = uniform( 21 );
		let wk = 0;
		let wt = 0;
		for ( let i = 0; i < 3000; i++ ) {
			const y = [ 0, 1, 0.1, 0.9, u() ][ i % 5 ];
			const z = ( 2 * u() - 1 ) * [ 1, 40, 800 ][ i % 3 ];
			const r = bceRef( y, z );
			const e = ulpErr( binaryCrossEntropyWithLogits( y, z ), r );
			expect( e ).toBeLessThanOrEqual( K_BCE );
			wk = Math.max( wk, e );
			wt = Math.max( wt, ulpErr( bceTf( y, z ), r ) );
		}
		rows.push( `binaryCrossEntropyWithLogits | y ∈ {0, 1, 0.1, 0.9, U(0,1)}, z ∈ ±1/±40/±800 | ${ fmt( wk ) } | TF.js form: ${ fmt( wt ) }` );
		expect( wt ).toBeGreaterThan( 10 * K_BCE );
	} );
	it( 'is non-negative for labels in [0, 1]; symmetric: bce(y, z) = bce(1 − y, −z)', () => {
		fc.assert( fc.property( fc.double( { min: 0, max: 1, noNaN: true } ), fc.double( { min: -1e3, max: 1e3, noNaN: true } ), ( y, z ) => {
			const a = binaryCrossEntropyWithLogits( y, z );
			const b = binaryCrossEntropyWithLogits( 1 - y, -z );
			return a >= 0 && Math.abs( a - b ) <= 1e-15 * Math.max( 1, Math.abs( a ) ) + 2 * Number.EPSILON * Math.abs( z );
		} ) );
	} );
} );

function ceRef( labels: ArrayLike<number>, zs: ArrayLike<number> ): Dec {
	const { m, L } = lseParts( zs );
	let s = new D( 0 );
	for ( let i = 0; i < zs.length; i++ ) {
		if ( labels[ i ] !== 0 ) {
			s = s.plus( dec( labels[ i ] ).times( m.minus( dec( zs[ i ] ) ).plus( L ) ) );
		}
	}
	return s;
}

describe( 'softmaxCrossEntropyWithLogits', () => {
	it( 'special cases', () => {
		expect( softmaxCrossEntropyWithLogits( [], [] ) ).toBe( 0 );
		expect( () => softmaxCrossEntropyWithLogits( [ 1 ], [ 1, 2 ] ) ).toThrow( RangeError );
		expect( softmaxCrossEntropyWithLogits( [ 1, 0 ], [ NaN, 0 ] ) ).toBeNaN();
		expect( softmaxCrossEntropyWithLogits( [ NaN, 0 ], [ 1, 0 ] ) ).toBeNaN();
		expect( softmaxCrossEntropyWithLogits( [ 0, 1 ], [ -Infinity, 0 ] ) ).toBe( 0 ); // masked entry, zero label
		expect( softmaxCrossEntropyWithLogits( [ 1, 0 ], [ -Infinity, 0 ] ) ).toBe( Infinity );
		expect( softmaxCrossEntropyWithLogits( [ 0.5, 0.5 ], [ -Infinity, -Infinity ] ) ).toBe( Math.LN2 );
		expect( softmaxCrossEntropyWithLogits( [ 1, 0, 0 ], [ Infinity, Infinity, 3 ] ) ).toBe( Math.LN2 );
		expect( softmaxCrossEntropyWithLogits( [ 0, 0, 1 ], [ Infinity, Infinity, 3 ] ) ).toBe( Infinity );
	} );
	it( 'no overflow where −Σ y·log(softmax(z)) is Infinity', () => {
		expect( softmaxCrossEntropyWithLogits( [ 1, 0 ], [ 0, 800 ] ) ).toBe( 800 );
		expect( softmaxCrossEntropyWithLogits( [ 0.1, 0.9 ], [ -1000, 1000 ] ) ).toBe( 200 );
	} );
	it( 'accuracy against a 50-digit reference (one-hot and smoothed labels)', () => {
		const u = uniform( 23 );
		for ( const set of LOGIT_SETS ) {
			let wk = 0;
			let wt = 0;
			for ( const n of [ 2, 10, 200 ] ) {
				for ( let seed = 1; seed <= 3; seed++ ) {
					const zs = logits( set, n, seed * 7 + n );
					const labels = new Float64Array( n );
					if ( seed === 1 ) {
						labels[ Math.floor( u() * n ) ] = 1;
					} else {
						// Smoothed: 0.9 on one class, the rest spread, zero on masked entries.
						const k = Math.floor( u() * n );
						for ( let i = 0; i < n; i++ ) {
							labels[ i ] = ( zs[ i ] === -Infinity ) ? 0 : ( i === k ) ? 0.9 : 0.1 / n;
						}
						if ( zs[ k ] === -Infinity ) {
							labels[ k ] = 0;
						}
					}
					if ( labels.every( ( v, i ) => v === 0 || zs[ i ] !== -Infinity ) ) {
						const r = ceRef( labels, zs );
						const e = ulpErr( softmaxCrossEntropyWithLogits( labels, zs ), r );
						expect( e ).toBeLessThanOrEqual( K_CE );
						wk = Math.max( wk, e );
						// Textbook: lse − Σ y·z.
						let yz = 0;
						let ys = 0;
						for ( let i = 0; i < n; i++ ) {
							if ( labels[ i ] !== 0 ) {
								yz += labels[ i ] * zs[ i ];
								ys += labels[ i ];
							}
						}
						wt = Math.max( wt, ulpErr( ( ys * logSumExp( zs ) ) - yz, r ) );
					}
				}
			}
			rows.push( `softmaxCrossEntropyWithLogits | ${ set } | ${ fmt( wk ) } | lse − Σy·z: ${ fmt( wt ) }` );
		}
	} );
	it( 'equals −Σ y·logSoftmax(z) within the bound', () => {
		fc.assert( fc.property( fc.array( fc.tuple( fc.double( { min: 0, max: 1, noNaN: true } ), fc.double( { min: -1e3, max: 1e3, noNaN: true } ) ), { minLength: 1, maxLength: 30 } ), ( pairs ) => {
			const ys = pairs.map( ( p ) => p[ 0 ] );
			const zs = pairs.map( ( p ) => p[ 1 ] );
			const ls = logSoftmax( zs );
			const b = -ys.reduce( ( a, y, i ) => a + ( y * ls[ i ] ), 0 );
			const a = softmaxCrossEntropyWithLogits( ys, zs );
			const scale = ys.reduce( ( acc, y, i ) => acc + ( y * Math.abs( ls[ i ] ) ), 0 );
			return Math.abs( a - b ) <= 4 * pairs.length * Number.EPSILON * Math.max( scale, 1e-300 );
		} ) );
	} );
} );

describe( 'sparseSoftmaxCrossEntropyWithLogits', () => {
	it( 'special cases', () => {
		expect( () => sparseSoftmaxCrossEntropyWithLogits( 0, [] ) ).toThrow( RangeError );
		expect( () => sparseSoftmaxCrossEntropyWithLogits( 2, [ 1, 2 ] ) ).toThrow( RangeError );
		expect( () => sparseSoftmaxCrossEntropyWithLogits( 0.5, [ 1, 2 ] ) ).toThrow( RangeError );
		expect( () => sparseSoftmaxCrossEntropyWithLogits( -1, [ 1, 2 ] ) ).toThrow( RangeError );
		expect( sparseSoftmaxCrossEntropyWithLogits( 0, [ NaN, 1 ] ) ).toBeNaN();
		expect( sparseSoftmaxCrossEntropyWithLogits( 1, [ NaN, 1 ] ) ).toBeNaN();
		expect( sparseSoftmaxCrossEntropyWithLogits( 0, [ -Infinity, 1 ] ) ).toBe( Infinity );
		expect( sparseSoftmaxCrossEntropyWithLogits( 0, [ -Infinity, -Infinity ] ) ).toBe( Math.LN2 );
		expect( sparseSoftmaxCrossEntropyWithLogits( 0, [ Infinity, 1 ] ) ).toBe( 0 );
		expect( sparseSoftmaxCrossEntropyWithLogits( 1, [ Infinity, 1 ] ) ).toBe( Infinity );
	} );
	it( 'no overflow where −log(softmax(z)[k]) is Infinity; tiny losses keep their digits', () => {
		expect( sparseSoftmaxCrossEntropyWithLogits( 0, [ 0, 800 ] ) ).toBe( 800 );
		expect( sparseSoftmaxCrossEntropyWithLogits( 1, [ 0, 40 ] ) ).toBe( Math.exp( -40 ) );
		expect( -Math.log( softmax( [ 0, 800 ] )[ 0 ] ) ).toBe( Infinity );
	} );
	it( 'accuracy against a 50-digit reference', () => {
		const u = uniform( 29 );
		for ( const set of LOGIT_SETS ) {
			let wk = 0;
			let wt = 0;
			for ( const n of [ 1, 2, 10, 200 ] ) {
				for ( let seed = 1; seed <= 3; seed++ ) {
					const zs = logits( set, n, seed * 13 + n );
					const { m, L } = lseParts( zs );
					for ( let t = 0; t < 5; t++ ) {
						let k = Math.floor( u() * n );
						if ( zs[ k ] === -Infinity ) {
							k = ( k + 1 ) % n;
						}
						if ( t === 0 ) {
							k = zs.indexOf( Math.max( ...zs ) ); // the argmax: the loss is L alone (tiny for dominant sets)
						}
						const r = m.minus( dec( zs[ k ] ) ).plus( L );
						const e = ulpErr( sparseSoftmaxCrossEntropyWithLogits( k, zs ), r );
						expect( e ).toBeLessThanOrEqual( K_CE );
						wk = Math.max( wk, e );
						wt = Math.max( wt, ulpErr( logSumExp( zs ) - zs[ k ], r ) );
					}
				}
			}
			rows.push( `sparseSoftmaxCrossEntropyWithLogits | ${ set } | ${ fmt( wk ) } | lse − z_k: ${ fmt( wt ) }` );
		}
	} );
	it( 'equals the dense form with a one-hot label', () => {
		fc.assert( fc.property( fc.array( fc.double( { min: -1e3, max: 1e3, noNaN: true } ), { minLength: 1, maxLength: 30 } ), fc.nat(), ( zs, kk ) => {
			const k = kk % zs.length;
			const y = zs.map( ( _, i ) => ( i === k ) ? 1 : 0 );
			return sparseSoftmaxCrossEntropyWithLogits( k, zs ) === softmaxCrossEntropyWithLogits( y, zs );
		} ) );
	} );
} );
