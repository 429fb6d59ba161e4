import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import './helpers/fc-seed.js';
import { logSumExp } from '../../src/kernels/logSumExp.js';
import { dec, EPS, lseRef, relErr, ulpOf, ulps, type Dec } from './helpers/ref.js';
import { LOGIT_SETS, logits } from './helpers/sets.js';

/** Textbook max-shifted form: m + log(Σ exp(x − m)), one accumulator, `log` instead of `log1p`. */
function textbook( xs: ArrayLike<number> ): number {
	let m = -Infinity;
	for ( let i = 0; i < xs.length; i++ ) {
		if ( xs[ i ] > m ) {
			m = xs[ i ];
		}
	}
	let s = 0;
	for ( let i = 0; i < xs.length; i++ ) {
		s += Math.exp( xs[ i ] - m );
	}
	return m + Math.log( s );
}

describe( 'logSumExp: special cases', () => {
	it( 'empty input is -Infinity (log of an empty sum)', () => {
		expect( logSumExp( [] ) ).toBe( -Infinity );
		expect( logSumExp( new Float64Array( 0 ) ) ).toBe( -Infinity );
	} );
	it( 'a single element is returned exactly', () => {
		for ( const x of [ 0, -0.5, 3.25, 1e300, -1e300, 5e-324 ] ) {
			expect( logSumExp( [ x ] ) ).toBe( x );
		}
	} );
	it( 'NaN propagates wherever it is', () => {
		expect( logSumExp( [ NaN ] ) ).toBeNaN();
		expect( logSumExp( [ NaN, 1 ] ) ).toBeNaN();
		expect( logSumExp( [ 1, NaN ] ) ).toBeNaN();
		expect( logSumExp( [ Infinity, NaN ] ) ).toBeNaN();
		expect( logSumExp( [ -Infinity, NaN ] ) ).toBeNaN();
		expect( logSumExp( [ NaN, Infinity ] ) ).toBeNaN();
	} );
	it( '+Infinity element gives +Infinity', () => {
		expect( logSumExp( [ 1, Infinity, 3 ] ) ).toBe( Infinity );
		expect( logSumExp( [ -Infinity, Infinity ] ) ).toBe( Infinity );
	} );
	it( 'all -Infinity gives -Infinity (TF.js gives NaN)', () => {
		expect( logSumExp( [ -Infinity ] ) ).toBe( -Infinity );
		expect( logSumExp( [ -Infinity, -Infinity, -Infinity ] ) ).toBe( -Infinity );
	} );
	it( '-Infinity entries among finite ones contribute 0', () => {
		expect( logSumExp( [ -Infinity, 0, -Infinity, 0 ] ) ).toBe( Math.LN2 );
	} );
	it( 'does not overflow or underflow', () => {
		expect( logSumExp( [ 1000, 1000 ] ) ).toBe( 1000 + Math.LN2 );
		expect( logSumExp( [ -1000, -1000 ] ) ).toBe( -1000 + Math.LN2 );
		expect( logSumExp( [ 1.7e308, 1.7e308 ] ) ).toBe( 1.7e308 );
		expect( logSumExp( [ -1.7e308, 1.7e308 ] ) ).toBe( 1.7e308 );
	} );
	it( 'accepts Float32Array and plain array-likes', () => {
		const f = new Float32Array( [ 0.5, 1.5, -2 ] );
		expect( logSumExp( f ) ).toBe( logSumExp( [ f[ 0 ], f[ 1 ], f[ 2 ] ] ) );
		expect( logSumExp( { length: 2, 0: 0, 1: 0 } ) ).toBe( Math.LN2 );
	} );
} );

describe( 'logSumExp: regimes', () => {
	it( 'dominant logit at 0: log1p keeps the whole result (log(1 + s) would return 0)', () => {
		const xs = [ 0, -40, -45 ];
		const ref = lseRef( xs );
		expect( relErr( logSumExp( xs ), ref ) ).toBeLessThanOrEqual( 2 * EPS );
		expect( textbook( xs ) ).toBe( 0 ); // 100% relative error
	} );
	it( 'comparable terms (log1p(s) with s ≥ 1)', () => {
		const xs = [ 0.1, 0.2, 0.3, -0.4 ];
		expect( relErr( logSumExp( xs ), lseRef( xs ) ) ).toBeLessThanOrEqual( 2 * EPS );
	} );
	it( 'terms below the exp underflow (x − max < -745.2) are skipped without changing the result', () => {
		expect( logSumExp( [ 0, -800, -1e300 ] ) ).toBe( 0 );
		expect( logSumExp( [ 1e-300, -750 ] ) ).toBe( 1e-300 );
	} );
} );

/**
* Error in ulps of max(|lse|, |max x|). Where the result cancels (max < 0 and lse ≈ 0) the problem itself is
* ill-conditioned (Blanchard et al. 2021, condition number Σ|x_i|·softmax_i/|lse|) and the attainable bound is absolute,
* u·max(|lse|, |max|); elsewhere |lse| ≥ |max| and this is the ordinary ulp error.
*/
function scaledUlps( got: number, ref: Dec, xs: ArrayLike<number> ): number {
	let m = -Infinity;
	for ( let i = 0; i < xs.length; i++ ) {
		m = Math.max( m, xs[ i ] );
	}
	if ( !Number.isFinite( got ) ) {
		return ulps( got, ref );
	}
	return dec( got ).minus( ref ).abs().toNumber() / ulpOf( Math.max( Math.abs( ref.toNumber() ), Math.abs( m ) ) );
}

// Bound: every term exp(x − m)(1 + e) carries ≤ 1 ulp from Math.exp, the compensated sum adds O(u) independent of n,
// log1p adds ≤ 1 ulp and the final addition 1/2 ulp: k = 4 leaves a margin over the ~2.5 ulps of that analysis.
const K_LSE = 4;

describe( 'logSumExp: accuracy against a 50-digit reference', () => {
	const rows: string[] = [];
	afterAll( () => {
		console.info( 'logSumExp max error (ulps): set | n | kernel | textbook\n' + rows.join( '\n' ) );
	} );
	for ( const set of LOGIT_SETS ) {
		it( `set ${ set }`, () => {
			let worst = 0;
			let worstNaive = 0;
			for ( const n of [ 1, 2, 3, 10, 100, 1000 ] ) {
				for ( let seed = 1; seed <= ( ( n <= 10 ) ? 20 : 2 ); seed++ ) {
					const xs = logits( set, n, seed * 7919 + n );
					const ref = lseRef( xs );
					const got = logSumExp( xs );
					const e = scaledUlps( got, ref, xs );
					expect( e ).toBeLessThanOrEqual( K_LSE );
					worst = Math.max( worst, e );
					worstNaive = Math.max( worstNaive, scaledUlps( textbook( xs ), ref, xs ) );
				}
			}
			rows.push( `${ set } | 1..1000 | ${ worst.toFixed( 2 ) } | ${ worstNaive.toFixed( 2 ) }` );
		} );
	}
	it( 'the textbook form is measurably worse on the adversarial sets (the bound is meaningful)', () => {
		let naiveWorst = 0;
		for ( const set of [ 'dominant0', 'unit' ] as const ) {
			const xs = logits( set, 1000, 99 );
			naiveWorst = Math.max( naiveWorst, ulps( textbook( xs ), lseRef( xs ) ) );
		}
		expect( naiveWorst ).toBeGreaterThan( 10 * K_LSE );
	} );
} );

describe( 'logSumExp: properties', () => {
	const arr = fc.array( fc.double( { min: -700, max: 700, noNaN: true } ), { minLength: 1, maxLength: 40 } );
	it( 'max ≤ lse ≤ max + log(n)', () => {
		fc.assert( fc.property( arr, ( xs ) => {
			const m = Math.max( ...xs );
			const v = logSumExp( xs );
			return v >= m && v <= m + Math.log( xs.length ) + 1e-12 * Math.max( 1, Math.abs( m ) );
		} ) );
	} );
	it( 'permutation-invariant within the error bound', () => {
		fc.assert( fc.property( arr, ( xs ) => {
			const a = logSumExp( xs );
			const b = logSumExp( [ ...xs ].reverse() );
			return Math.abs( a - b ) <= 2 * K_LSE * EPS * Math.max( Math.abs( a ), 1 );
		} ) );
	} );
	it( 'shift: lse(x + c) = lse(x) + c for exactly representable shifts', () => {
		fc.assert( fc.property( fc.array( fc.integer( { min: -500, max: 500 } ), { minLength: 1, maxLength: 30 } ), fc.integer( { min: -100, max: 100 } ), ( xs, c ) => {
			const a = logSumExp( xs.map( ( v ) => v + c ) );
			const l = logSumExp( xs );
			const b = l + c;
			// Both sides are within K_LSE ulps of their own scale; adding c to l rounds on the scale of max(|l|, |c|).
			return Math.abs( a - b ) <= 2 * K_LSE * EPS * Math.max( Math.abs( a ), Math.abs( l ), Math.abs( c ), 1 );
		} ) );
	} );
} );
