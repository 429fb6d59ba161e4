import fc from 'fast-check';
import './helpers/fc-seed.js';
import { afterAll, describe, expect, it } from 'vitest';
import { RunningStats } from '../../src/kernels/RunningStats.js';
import { exactMean, exactVariance } from './helpers/exact.js';
import { DATA_SETS, data } from './helpers/sets.js';
import { fmt, ulpErr } from './helpers/table.js';

/** Plain Welford (the textbook streaming form). */
function welford( xs: ArrayLike<number> ): { mean: number; m2: number } {
	let n = 0;
	let mean = 0;
	let m2 = 0;
	for ( let i = 0; i < xs.length; i++ ) {
		n += 1;
		const d = xs[ i ] - mean;
		mean += d / n;
		m2 += d * ( xs[ i ] - mean );
	}
	return { mean, m2 };
}

describe( 'RunningStats: special cases', () => {
	it( 'empty accumulator', () => {
		const s = new RunningStats();
		expect( s.count ).toBe( 0 );
		expect( s.mean() ).toBeNaN();
		expect( s.variance() ).toBeNaN();
		expect( s.std() ).toBeNaN();
	} );
	it( 'one value: mean exact, population variance 0, sample variance NaN', () => {
		const s = new RunningStats().push( 3.25 );
		expect( s.count ).toBe( 1 );
		expect( s.mean() ).toBe( 3.25 );
		expect( s.variance() ).toBe( 0 );
		expect( s.variance( 1 ) ).toBeNaN();
	} );
	it( 'NaN and infinities are kept apart from the compensated state', () => {
		expect( new RunningStats().pushAll( [ 1, NaN, 2 ] ).mean() ).toBeNaN();
		expect( new RunningStats().pushAll( [ 1, Infinity, 2 ] ).mean() ).toBe( Infinity );
		expect( new RunningStats().pushAll( [ -Infinity, 1 ] ).mean() ).toBe( -Infinity );
		expect( new RunningStats().pushAll( [ Infinity, -Infinity ] ).mean() ).toBeNaN();
		expect( new RunningStats().pushAll( [ 1, Infinity, 2 ] ).variance() ).toBeNaN();
		expect( new RunningStats().pushAll( [ Infinity, 1 ] ).count ).toBe( 2 );
	} );
	it( 'constant streams give exactly 0 variance', () => {
		for ( const c of [ 0.1, 1e9 + 0.3, -5e-310 ] ) {
			const s = new RunningStats();
			for ( let i = 0; i < 1000; i++ ) {
				s.push( c );
			}
			expect( s.variance() ).toBe( 0 );
			expect( s.mean() ).toBe( c );
		}
	} );
	it( 'typical values, chaining and ddof', () => {
		const s = new RunningStats().push( 1 ).push( 2 ).push( 3 ).push( 4 );
		expect( s.mean() ).toBe( 2.5 );
		expect( s.variance() ).toBe( 1.25 );
		expect( s.variance( 1 ) ).toBe( 5 / 3 );
		expect( s.std() ).toBe( Math.sqrt( 1.25 ) );
		expect( new RunningStats().pushAll( new Float32Array( [ 1, 2, 3, 4 ] ) ).variance() ).toBe( 1.25 );
	} );
	it( 'merge with empty accumulators on either side, and merging non-finite state', () => {
		const a = new RunningStats().pushAll( [ 1, 2, 3 ] );
		a.merge( new RunningStats() );
		expect( a.variance( 1 ) ).toBe( 1 );
		const b = new RunningStats().merge( a );
		expect( b.mean() ).toBe( 2 );
		expect( b.count ).toBe( 3 );
		expect( a.count ).toBe( 3 ); // merge does not modify its argument
		b.merge( new RunningStats().push( NaN ) );
		expect( b.mean() ).toBeNaN();
		expect( b.count ).toBe( 4 );
	} );
	it( 'regime: merging accumulators with very different shifts', () => {
		const a = new RunningStats().pushAll( [ -1e9 + 1, -1e9 + 2 ] );
		const b = new RunningStats().pushAll( [ 1e9 + 1, 1e9 + 2 ] );
		a.merge( b );
		expect( a.mean() ).toBe( 1.5 );
		expect( a.variance() ).toBe( 1e18 + 0.25 );
	} );
} );

// Bounds: the mean comes from a compensated sum divided once and shifted back (≤ 1.5 ulps); M2 is a compensated sum
// of Welford increments whose own error is a few u: k = 2 ulps for the mean, 4 for the variance.
const K_MEAN = 2;
const K_VAR = 4;

describe( 'RunningStats: accuracy against exact (BigInt) references', () => {
	const rows: string[] = [];
	afterAll( () => {
		console.info( 'RunningStats max error (ulps): set | n | mean | variance | Welford mean | Welford variance\n' + rows.join( '\n' ) );
	} );
	const cases: [ string, number ][] = [];
	for ( const set of DATA_SETS ) {
		for ( const n of [ 2, 10, 1000, 100_000 ] ) {
			cases.push( [ set, n ] );
		}
	}
	cases.push( [ 'sorted1e8', 1_000_000 ] );
	for ( const [ set, n ] of cases ) {
		it( `set ${ set }, n = ${ n }`, () => {
			let wm = 0;
			let wv = 0;
			let wwm = 0;
			let wwv = 0;
			const seeds = ( n <= 1000 ) ? 5 : 1;
			for ( let seed = 1; seed <= seeds; seed++ ) {
				const xs = data( set as never, n, seed * 101 + n );
				const s = new RunningStats().pushAll( xs );
				const mref = exactMean( xs );
				const vref = exactVariance( xs, 0 );
				const em = ulpErr( s.mean(), mref );
				const ev = ulpErr( s.variance(), vref );
				expect( em ).toBeLessThanOrEqual( K_MEAN );
				expect( ev ).toBeLessThanOrEqual( K_VAR );
				wm = Math.max( wm, em );
				wv = Math.max( wv, ev );
				const w = welford( xs );
				wwm = Math.max( wwm, ulpErr( w.mean, mref ) );
				wwv = Math.max( wwv, ulpErr( w.m2 / n, vref ) );
			}
			rows.push( `${ set } | ${ n } | ${ fmt( wm ) } | ${ fmt( wv ) } | ${ fmt( wwm ) } | ${ fmt( wwv ) }` );
			if ( n === 1_000_000 ) {
				expect( wwm ).toBeGreaterThan( 10 * K_MEAN ); // plain Welford's drift: the bound is meaningful
			}
		} );
	}
	it( 'merge of many chunks stays within the bound (offset 1e9, 64 chunks of uneven size)', () => {
		const xs = data( 'offset1e9', 100_000, 9 );
		const total = new RunningStats();
		let i = 0;
		let k = 1;
		while ( i < xs.length ) {
			const end = Math.min( xs.length, i + 37 * k * k );
			total.merge( new RunningStats().pushAll( xs.subarray( i, end ) ) );
			i = end;
			k = ( k % 8 ) + 1;
		}
		expect( total.count ).toBe( xs.length );
		expect( ulpErr( total.mean(), exactMean( xs ) ) ).toBeLessThanOrEqual( K_MEAN );
		expect( ulpErr( total.variance(), exactVariance( xs, 0 ) ) ).toBeLessThanOrEqual( K_VAR );
	} );
} );

describe( 'RunningStats: properties', () => {
	const arr = fc.array( fc.double( { min: -1e6, max: 1e6, noNaN: true } ), { maxLength: 60 } );
	it( 'merge of two accumulators = one pass over the concatenation (within the error bound)', () => {
		fc.assert( fc.property( arr, arr, fc.double( { min: -1e9, max: 1e9, noNaN: true } ), ( a, b, off ) => {
			const xa = a.map( ( v ) => v + off );
			const xb = b.map( ( v ) => v - off / 3 );
			const merged = new RunningStats().pushAll( xa ).merge( new RunningStats().pushAll( xb ) );
			const single = new RunningStats().pushAll( [ ...xa, ...xb ] );
			if ( merged.count !== single.count ) {
				return false;
			}
			if ( single.count === 0 ) {
				return Number.isNaN( merged.mean() );
			}
			const scale = Math.max( ...[ ...xa, ...xb ].map( Math.abs ) );
			const okMean = Math.abs( merged.mean() - single.mean() ) <= 4 * Number.EPSILON * scale;
			const vs = single.variance();
			// Squares of values below ~1e-154 are subnormal (few significant bits): allow 100 subnormal ulps there.
			const okVar = Math.abs( merged.variance() - vs ) <= 1e-13 * vs + 4 * Number.EPSILON * Number.EPSILON * scale * scale + 100 * Number.MIN_VALUE;
			return okMean && okVar;
		} ) );
	} );
	it( 'variance is never negative', () => {
		fc.assert( fc.property( arr, fc.double( { min: -1e12, max: 1e12, noNaN: true } ), ( xs, off ) => {
			const v = new RunningStats().pushAll( xs.map( ( x ) => x + off ) ).variance();
			return xs.length === 0 || v >= 0;
		} ) );
	} );
} );
