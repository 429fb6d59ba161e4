// Shared driver for the accuracy tests of scalar kernels.

import { D, dec, type Dec } from './ref.js';
import { uniform } from './prng.js';
import { ulpErr } from './table.js';

/** e^x − 1 to 50 digits also for tiny x. */
export function expm1Ref( x: Dec ): Dec {
	if ( x.abs().gt( 1e-6 ) ) {
		return D.exp( x ).minus( 1 );
	}
	let sum = new D( 0 );
	let term = x;
	for ( let k = 1; k <= 12; k++ ) {
		sum = sum.plus( term );
		term = term.times( x ).div( k + 1 );
	}
	return sum;
}

/** softplus(x) = log(1 + e^x) to 50 digits in every regime. */
export function softplusRef( x: number ): Dec {
	const dx = dec( x );
	if ( x > 0 ) {
		// x + log1p(e^-x)
		const t = D.exp( dx.neg() );
		return dx.plus( log1p( t ) );
	}
	return log1p( D.exp( dx ) );
}

function log1p( s: Dec ): Dec {
	if ( s.abs().gt( 1e-6 ) ) {
		return D.ln( s.plus( 1 ) );
	}
	let sum = new D( 0 );
	let p = s;
	for ( let k = 1; k <= 10; k++ ) {
		sum = ( k % 2 === 1 ) ? sum.plus( p.div( k ) ) : sum.minus( p.div( k ) );
		p = p.times( s );
	}
	return sum;
}
export { log1p as log1pDec };

/** Test points: uniform over [lo, hi], the regime boundaries ± a little, and log-uniform magnitudes. */
export function points( lo: number, hi: number, cuts: number[], count: number, seed: number ): number[] {
	const u = uniform( seed );
	const xs: number[] = [];
	for ( let i = 0; i < count; i++ ) {
		xs.push( lo + ( hi - lo ) * u() );
	}
	for ( const c of cuts ) {
		for ( const d of [ -1e-9, -1e-15, 0, 1e-15, 1e-9, -0.01, 0.01 ] ) {
			const v = c + d;
			if ( v >= lo && v <= hi ) {
				xs.push( v );
			}
		}
	}
	for ( let i = 0; i < count / 4; i++ ) {
		const v = ( ( u() < 0.5 ) ? -1 : 1 ) * ( 10 ** ( -20 + 23 * u() ) );
		if ( v >= lo && v <= hi ) {
			xs.push( v );
		}
	}
	return xs;
}

/** Max ulp error of `f` and of `naive` against `ref` over `xs` (`worstAt` is the argument of the kernel's worst). */
export function sweep( xs: number[], f: ( x: number ) => number, ref: ( x: number ) => Dec, naive: ( x: number ) => number ): { kernel: number; naive: number; worstAt: number } {
	let wk = 0;
	let wn = 0;
	let at = NaN;
	for ( const x of xs ) {
		const r = ref( x );
		const e = ulpErr( f( x ), r );
		if ( e > wk ) {
			wk = e;
			at = x;
		}
		wn = Math.max( wn, ulpErr( naive( x ), r ) );
	}
	return { kernel: wk, naive: wn, worstAt: at };
}
