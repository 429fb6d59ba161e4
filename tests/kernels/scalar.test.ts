import fc from 'fast-check';
import './helpers/fc-seed.js';
import { afterAll, describe, expect, it } from 'vitest';
import { log1mexp } from '../../src/kernels/log1mexp.js';
import { logit } from '../../src/kernels/logit.js';
import { logSigmoid } from '../../src/kernels/logSigmoid.js';
import { sigmoid } from '../../src/kernels/sigmoid.js';
import { softplus } from '../../src/kernels/softplus.js';
import { D, dec } from './helpers/ref.js';
import { expm1Ref, log1pDec, points, softplusRef, sweep } from './helpers/scalar.js';
import { fmt } from './helpers/table.js';

const rows: string[] = [];
afterAll( () => {
	console.info( 'scalar kernels max error (ulps): kernel | domain | kernel | naive form\n' + rows.join( '\n' ) );
} );

// Bounds (k in ulps), from each kernel's analysis: one call to exp/log1p/expm1 (≤ 1 ulp each in V8's fdlibm ports)
// plus one or two roundings, with condition number ≤ 1 in the chosen regime.
// sigmoid: just below x = 0 the result lies in [¼, ½) while 1 + exp(−x) lies in [2, 4), whose spacing is 8× coarser
// relative to the result's, so the two roundings and exp's ulp reach ~2 ulps of the result: k = 2.5.
const K_SIGMOID = 2.5;
const K_SOFTPLUS = 2;
const K_LOGIT = 3;
const K_LOG1MEXP = 2;

describe( 'sigmoid', () => {
	it( 'special cases', () => {
		expect( sigmoid( NaN ) ).toBeNaN();
		expect( sigmoid( Infinity ) ).toBe( 1 );
		expect( sigmoid( -Infinity ) ).toBe( 0 );
		expect( sigmoid( 0 ) ).toBe( 0.5 );
	} );
	it( 'regime x < −709: exp(x) (the reciprocal form would give 0)', () => {
		expect( sigmoid( -740 ) ).toBe( Math.exp( -740 ) );
		expect( sigmoid( -740 ) ).toBeGreaterThan( 0 );
		expect( 1 / ( 1 + Math.exp( 740 ) ) ).toBe( 0 );
	} );
	it( 'regime x ≥ −709: 1/(1 + exp(−x)); no NaN where exp(x)/(1 + exp(x)) is Infinity/Infinity', () => {
		expect( sigmoid( 800 ) ).toBe( 1 );
		expect( Math.exp( 800 ) / ( 1 + Math.exp( 800 ) ) ).toBeNaN();
	} );
	it( 'accuracy against a 50-digit reference', () => {
		const xs = points( -745, 745, [ -709 ], 1500, 11 );
		const r = sweep( xs, sigmoid, ( x ) => new D( 1 ).div( D.exp( dec( x ).neg() ).plus( 1 ) ), ( x ) => Math.exp( x ) / ( 1 + Math.exp( x ) ) );
		rows.push( `sigmoid | [−745, 745] | ${ fmt( r.kernel ) } | exp(x)/(1+exp(x)): ${ fmt( r.naive ) }` );
		expect( r.kernel ).toBeLessThanOrEqual( K_SIGMOID );
		expect( r.naive ).toBeGreaterThan( 10 * K_SIGMOID );
	} );
	it( 'symmetry sigmoid(−x) = 1 − sigmoid(x) within the bound; monotone', () => {
		fc.assert( fc.property( fc.double( { min: -30, max: 30, noNaN: true } ), ( x ) => Math.abs( sigmoid( -x ) - ( 1 - sigmoid( x ) ) ) <= 4 * Number.EPSILON ) );
		fc.assert( fc.property( fc.double( { min: -800, max: 800, noNaN: true } ), fc.double( { min: 0, max: 10, noNaN: true } ), ( x, d ) => sigmoid( x + d ) >= sigmoid( x ) ) );
	} );
} );

describe( 'softplus', () => {
	it( 'special cases', () => {
		expect( softplus( NaN ) ).toBeNaN();
		expect( softplus( Infinity ) ).toBe( Infinity );
		expect( softplus( -Infinity ) ).toBe( 0 );
		expect( softplus( 0 ) ).toBe( Math.LN2 );
	} );
	it( 'one case per regime', () => {
		expect( softplus( -40 ) ).toBe( Math.exp( -40 ) ); // x ≤ −37
		expect( softplus( 1 ) ).toBe( Math.log1p( Math.E ) ); // −37 < x ≤ 18
		expect( softplus( 20 ) ).toBe( 20 + Math.exp( -20 ) ); // 18 < x ≤ 33.3
		expect( softplus( 1000 ) ).toBe( 1000 ); // x > 33.3 (log(1 + exp(1000)) is Infinity)
		expect( Math.log( 1 + Math.exp( -40 ) ) ).toBe( 0 );
	} );
	it( 'accuracy against a 50-digit reference', () => {
		const xs = points( -745, 745, [ -37, 18, 33.3 ], 1500, 12 );
		const r = sweep( xs, softplus, softplusRef, ( x ) => Math.log( 1 + Math.exp( x ) ) );
		rows.push( `softplus | [−745, 745] | ${ fmt( r.kernel ) } | log(1+exp(x)): ${ fmt( r.naive ) }` );
		expect( r.kernel ).toBeLessThanOrEqual( K_SOFTPLUS );
		expect( r.naive ).toBeGreaterThan( 10 * K_SOFTPLUS );
	} );
	it( 'softplus(x) − softplus(−x) = x', () => {
		fc.assert( fc.property( fc.double( { min: -30, max: 30, noNaN: true } ), ( x ) => Math.abs( softplus( x ) - softplus( -x ) - x ) <= 4 * Number.EPSILON * Math.max( 1, Math.abs( x ) ) ) );
	} );
} );

describe( 'logSigmoid', () => {
	it( 'special cases', () => {
		expect( logSigmoid( NaN ) ).toBeNaN();
		expect( logSigmoid( Infinity ) ).toBe( -0 );
		expect( logSigmoid( -Infinity ) ).toBe( -Infinity );
		expect( logSigmoid( 0 ) ).toBe( -Math.LN2 );
	} );
	it( 'one case per regime', () => {
		expect( logSigmoid( 40 ) ).toBe( -Math.exp( -40 ) ); // x ≥ 37 (log(sigmoid(x)) is 0)
		expect( logSigmoid( -1 ) ).toBe( -Math.log1p( Math.E ) ); // −18 ≤ x < 37
		expect( logSigmoid( -20 ) ).toBe( -20 - Math.exp( -20 ) ); // −33.3 ≤ x < −18
		expect( logSigmoid( -800 ) ).toBe( -800 ); // x < −33.3 (log(sigmoid(x)) is -Infinity)
		expect( Math.log( 1 / ( 1 + Math.exp( 800 ) ) ) ).toBe( -Infinity );
	} );
	it( 'accuracy against a 50-digit reference', () => {
		const xs = points( -745, 745, [ 37, -18, -33.3 ], 1500, 13 );
		const r = sweep( xs, logSigmoid, ( x ) => softplusRef( -x ).neg(), ( x ) => Math.log( 1 / ( 1 + Math.exp( -x ) ) ) );
		rows.push( `logSigmoid | [−745, 745] | ${ fmt( r.kernel ) } | log(1/(1+exp(−x))): ${ fmt( r.naive ) }` );
		expect( r.kernel ).toBeLessThanOrEqual( K_SOFTPLUS );
		expect( r.naive ).toBeGreaterThan( 10 * K_SOFTPLUS );
	} );
	it( 'logSigmoid(x) = −softplus(−x) exactly', () => {
		fc.assert( fc.property( fc.double( { noNaN: true } ), ( x ) => Object.is( logSigmoid( x ), -softplus( -x ) ) ) );
	} );
} );

describe( 'logit', () => {
	it( 'special cases', () => {
		expect( logit( 0 ) ).toBe( -Infinity );
		expect( logit( 1 ) ).toBe( Infinity );
		expect( logit( 0.5 ) ).toBe( 0 );
		for ( const p of [ NaN, -0.1, 1.1, Infinity, -Infinity ] ) {
			expect( logit( p ) ).toBeNaN();
		}
	} );
	it( 'one case per regime', () => {
		expect( logit( 0.5 + 2 ** -40 ) ).toBe( Math.log1p( 2 ** -39 / ( 0.5 - 2 ** -40 ) ) ); // |p − ½| ≤ ¼
		expect( logit( 0.1 ) ).toBe( Math.log( 0.1 / 0.9 ) ); // p < ¼
		expect( logit( 0.9 ) ).toBe( Math.log( 0.9 / ( 1 - 0.9 ) ) ); // p > ¾
	} );
	it( 'accuracy against a 50-digit reference', () => {
		const u = points( 0, 1, [ 0.25, 0.5, 0.75 ], 1500, 14 ).filter( ( p ) => p > 0 && p < 1 );
		const ref = ( p: number ) => {
			const dp = dec( p );
			return log1pDec( dp.times( 2 ).minus( 1 ).div( new D( 1 ).minus( dp ) ) );
		};
		const r = sweep( u, logit, ref, ( p ) => Math.log( p / ( 1 - p ) ) );
		rows.push( `logit | (0, 1) | ${ fmt( r.kernel ) } | log(p/(1−p)): ${ fmt( r.naive ) }` );
		expect( r.kernel ).toBeLessThanOrEqual( K_LOGIT );
		expect( r.naive ).toBeGreaterThan( 10 * K_LOGIT );
	} );
	it( 'inverts sigmoid', () => {
		fc.assert( fc.property( fc.double( { min: -30, max: 30, noNaN: true } ), ( x ) => Math.abs( logit( sigmoid( x ) ) - x ) <= 1e-14 * Math.max( 1, Math.exp( Math.abs( x ) ) ) ) );
	} );
} );

describe( 'log1mexp', () => {
	it( 'special cases', () => {
		expect( log1mexp( 0 ) ).toBe( -Infinity );
		expect( log1mexp( -Infinity ) ).toBe( -0 );
		expect( log1mexp( 0.5 ) ).toBeNaN();
		expect( log1mexp( NaN ) ).toBeNaN();
	} );
	it( 'one case per regime (switch at −ln 2)', () => {
		expect( log1mexp( -1e-20 ) ).toBe( Math.log( 1e-20 ) ); // x > −ln 2: log(−expm1(x))
		expect( Math.log( 1 - Math.exp( -1e-20 ) ) ).toBe( -Infinity );
		expect( log1mexp( -50 ) ).toBe( Math.log1p( -Math.exp( -50 ) ) ); // x ≤ −ln 2: log1p(−exp(x))
		expect( Math.log( 1 - Math.exp( -50 ) ) ).toBe( 0 );
	} );
	it( 'accuracy against a 50-digit reference', () => {
		const xs = points( -745, 0, [ -Math.LN2 ], 1500, 15 ).filter( ( x ) => x < 0 );
		const ref = ( x: number ) => {
			const dx = dec( x );
			return ( x > -1 ) ? D.ln( expm1Ref( dx ).neg() ) : log1pDec( D.exp( dx ).neg() );
		};
		const r = sweep( xs, log1mexp, ref, ( x ) => Math.log( 1 - Math.exp( x ) ) );
		rows.push( `log1mexp | [−745, 0) | ${ fmt( r.kernel ) } | log(1−exp(x)): ${ fmt( r.naive ) }` );
		expect( r.kernel ).toBeLessThanOrEqual( K_LOG1MEXP );
		expect( r.naive ).toBeGreaterThan( 10 * K_LOG1MEXP );
	} );
} );
