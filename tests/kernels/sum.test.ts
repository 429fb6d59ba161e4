import fc from 'fast-check';
import './helpers/fc-seed.js';
import { afterAll, describe, expect, it } from 'vitest';
import { mean } from '../../src/kernels/mean.js';
import { sum } from '../../src/kernels/sum.js';
import { exactMean, exactSum } from './helpers/exact.js';
import { EPS } from './helpers/ref.js';
import { DATA_SETS, data } from './helpers/sets.js';
import { fmt, ulpErr } from './helpers/table.js';

function naiveSum( xs: ArrayLike<number> ): number {
	let s = 0;
	for ( let i = 0; i < xs.length; i++ ) {
		s += xs[ i ];
	}
	return s;
}

/** Kahan's compensated sum (fails when a term exceeds the running sum). */
function kahan( xs: ArrayLike<number> ): number {
	let s = 0;
	let c = 0;
	for ( let i = 0; i < xs.length; i++ ) {
		const y = xs[ i ] - c;
		const t = s + y;
		c = ( t - s ) - y;
		s = t;
	}
	return s;
}

describe( 'sum: special cases', () => {
	it( 'empty → 0, single element exact', () => {
		expect( sum( [] ) ).toBe( 0 );
		expect( sum( [ 0.1 ] ) ).toBe( 0.1 );
	} );
	it( 'non-finite terms are handled apart (no NaN from the compensation)', () => {
		expect( sum( [ Infinity, 1 ] ) ).toBe( Infinity );
		expect( sum( [ 1, 2, 3, -Infinity, 5 ] ) ).toBe( -Infinity );
		expect( sum( [ Infinity, -Infinity ] ) ).toBeNaN();
		expect( sum( [ 1, NaN, 3 ] ) ).toBeNaN();
		expect( sum( [ NaN, Infinity ] ) ).toBeNaN();
	} );
	it( 'regime: partial sums that overflow on finite data are re-summed scaled', () => {
		expect( sum( [ 1e308, 1e308, -1e308 ] ) ).toBe( 1e308 );
		expect( sum( [ 1e308, 1e308 ] ) ).toBe( Infinity );
		expect( sum( [ -1.5e308, -1.5e308, 1.5e308, 1.5e308, 7 ] ) ).toBe( 7 );
	} );
	it( 'regime: a term larger than the running sum (Kahan fails, Neumaier does not)', () => {
		const xs = [ 1, 1e100, 1, -1e100 ];
		expect( sum( xs ) ).toBe( 2 );
		expect( kahan( xs ) ).toBe( 0 );
		expect( naiveSum( xs ) ).toBe( 0 );
	} );
	it( 'regime: fewer than four elements (remainder loop only)', () => {
		expect( sum( [ 0.1, 0.2, 0.3 ] ) ).toBe( 0.6 );
		expect( naiveSum( [ 0.1, 0.2, 0.3 ] ) ).toBe( 0.6000000000000001 );
	} );
	it( 'accepts Float32Array and array-likes', () => {
		expect( sum( new Float32Array( [ 0.5, 0.25, 0.125, 1, 2 ] ) ) ).toBe( 3.875 );
		expect( sum( { length: 2, 0: 1, 1: 2 } ) ).toBe( 3 );
	} );
} );

describe( 'mean: special cases', () => {
	it( 'empty → NaN; NaN and infinities as IEEE', () => {
		expect( mean( [] ) ).toBeNaN();
		expect( mean( [ 1, NaN ] ) ).toBeNaN();
		expect( mean( [ Infinity, 1 ] ) ).toBe( Infinity );
		expect( mean( [ -Infinity, 1 ] ) ).toBe( -Infinity );
		expect( mean( [ Infinity, -Infinity ] ) ).toBeNaN();
	} );
	it( 'regime: overflowing sum of finite data gives a finite mean', () => {
		expect( mean( [ 1.7e308, 1.7e308 ] ) ).toBe( 1.7e308 );
		expect( mean( [ 1.7e308, 1.7e308, 1.7e308, -1.7e308 ] ) ).toBe( 0.85e308 );
	} );
	it( 'typical values', () => {
		expect( mean( [ 1, 2, 3, 4 ] ) ).toBe( 2.5 );
		expect( mean( new Float64Array( [ 0.1, 0.2, 0.3 ] ) ) ).toBe( 0.2 );
	} );
} );

// Bound: |ŝ − s| ≤ u|s| + 2n·u²·Σ|x| (Neumaier). On these sets n·u·κ ≤ 1e6·1.1e-16·6.4e14 ≈ 7e4 would allow
// 2n·u²·Σ|x| ≈ 1.5e-11·|s|; measured results are correctly rounded except the cancel set: k = 2 ulps (EPS·|s| ≥ 1 ulp)
// for the well-conditioned sets and k = 16 for cancel (κ ≈ 6e14).
const K_SUM = 2;
const K_SUM_CANCEL = 16;

describe( 'sum and mean: accuracy against exact (BigInt) references', () => {
	const rows: string[] = [];
	afterAll( () => {
		console.info( 'sum/mean max error (ulps): set | n | sum | naive loop | Kahan | mean | naive Σx/n\n' + rows.join( '\n' ) );
	} );
	for ( const set of DATA_SETS ) {
		for ( const n of [ 1, 3, 10, 1000, 100_000 ] ) {
			it( `set ${ set }, n = ${ n }`, () => {
				let ws = 0;
				let wn = 0;
				let wk = 0;
				let wm = 0;
				let wmn = 0;
				const seeds = ( n <= 1000 ) ? 10 : 2;
				for ( let seed = 1; seed <= seeds; seed++ ) {
					const xs = data( set, n, seed * 31 + n );
					const ref = exactSum( xs );
					const es = ulpErr( sum( xs ), ref );
					expect( es ).toBeLessThanOrEqual( ( set === 'cancel' ) ? K_SUM_CANCEL : K_SUM );
					ws = Math.max( ws, es );
					wn = Math.max( wn, ulpErr( naiveSum( xs ), ref ) );
					wk = Math.max( wk, ulpErr( kahan( xs ), ref ) );
					const mref = exactMean( xs );
					const em = ulpErr( mean( xs ), mref );
					expect( em ).toBeLessThanOrEqual( ( set === 'cancel' ) ? K_SUM_CANCEL : K_SUM );
					wm = Math.max( wm, em );
					wmn = Math.max( wmn, ulpErr( naiveSum( xs ) / n, mref ) );
				}
				rows.push( `${ set } | ${ n } | ${ fmt( ws ) } | ${ fmt( wn ) } | ${ fmt( wk ) } | ${ fmt( wm ) } | ${ fmt( wmn ) }` );
			} );
		}
	}
	it( 'n = 1e6 on the cancelling and offset sets; the plain loop is measurably worse', () => {
		for ( const set of [ 'cancel', 'offset1e9' ] as const ) {
			const xs = data( set, 1_000_000, 4242 );
			const ref = exactSum( xs );
			const e = ulpErr( sum( xs ), ref );
			const en = ulpErr( naiveSum( xs ), ref );
			rows.push( `${ set } | 1000000 | ${ fmt( e ) } | ${ fmt( en ) } | - | - | -` );
			expect( e ).toBeLessThanOrEqual( ( set === 'cancel' ) ? K_SUM_CANCEL : K_SUM );
			expect( en ).toBeGreaterThan( 10 * e + 10 );
		}
	} );
} );

describe( 'sum: properties', () => {
	it( 'exact for integers below 2^53 in any order', () => {
		fc.assert( fc.property( fc.array( fc.integer( { min: -1e9, max: 1e9 } ), { maxLength: 100 } ), ( xs ) => {
			const exact = xs.reduce( ( a, b ) => a + b, 0 ); // exact: every partial sum < 2^53
			return sum( xs ) === exact && sum( [ ...xs ].reverse() ) === exact;
		} ) );
	} );
	it( 'sign symmetry: sum(−xs) = −sum(xs) and mean(−xs) = −mean(xs) exactly', () => {
		fc.assert( fc.property( fc.array( fc.double( { min: -1e300, max: 1e300, noNaN: true } ), { minLength: 1, maxLength: 60 } ), ( xs ) => {
			const neg = xs.map( ( v ) => -v );
			return sum( neg ) === -sum( xs ) && mean( neg ) === -mean( xs );
		} ) );
	} );
	it( 'within 1 ulp-ish of the exact sum on random doubles', () => {
		fc.assert( fc.property( fc.array( fc.double( { min: -1e10, max: 1e10, noNaN: true } ), { minLength: 1, maxLength: 60 } ), ( xs ) => {
			const ref = exactSum( xs );
			return Math.abs( sum( xs ) - ref.toNumber() ) <= 2 * EPS * Math.abs( ref.toNumber() ) || ulpErr( sum( xs ), ref ) <= K_SUM;
		} ) );
	} );
} );

describe( 'sum: lanes whose partial sums cancel', () => {
	// Cancelling triples 1e100, 1, −1e100 at 0, 5 and n − 3 − (n mod 4), ones elsewhere: the four lane sums end as
	// a, 2a, −a, −2a (a = 1e100), so adding them rounds 3a twice with errors that cancel, and the answer is carried by
	// the lanes' small corrections (a plain chain of corrections lost them: the result was 0). n from 32,768 runs the
	// look-ahead loop; n mod 4 ≠ 0 the scalar tail. Compared with the exact (BigInt) sum.
	const exact = ( xs: ArrayLike<number> ): number => {
		let s = 0n;
		for ( let i = 0; i < xs.length; i++ ) {
			s += BigInt( xs[ i ] );
		}
		return Number( s );
	};
	it.each( [ 16, 1_000, 1_003, 32_768, 40_001, 100_000 ] )( 'n = %i', ( n ) => {
		for ( const make of [ ( k: number ) => new Array<number>( k ).fill( 1 ), ( k: number ) => new Float64Array( k ).fill( 1 ) ] ) {
			const xs = make( n );
			for ( const at of [ 0, 5, n - 3 - ( n % 4 ) ] ) {
				xs[ at ] = 1e100;
				xs[ at + 1 ] = 1;
				xs[ at + 2 ] = -1e100;
			}
			expect( exact( xs ) ).toBe( n - 6 );
			expect( sum( xs ) ).toBe( n - 6 );
			expect( mean( xs ) ).toBe( ( n - 6 ) / n );
		}
	} );
} );
