// Exact (BigInt) references for sums and moments of doubles.

import { D, type Dec } from './ref.js';

const F64 = new Float64Array( 1 );
const U64 = new BigUint64Array( F64.buffer );

/** Splits a finite double into an integer mantissa and a binary exponent: x = m·2^e exactly. */
function split( x: number ): [ bigint, number ] {
	F64[ 0 ] = x;
	const bits = U64[ 0 ];
	const sign = ( bits >> 63n ) ? -1n : 1n;
	const be = Number( ( bits >> 52n ) & 0x7FFn );
	const frac = bits & 0xFFFFFFFFFFFFFn;
	if ( be === 0 ) {
		return [ sign * frac, -1074 ];
	}
	return [ sign * ( frac | 0x10000000000000n ), be - 1075 ];
}

/** The data as integers over a common power of two: x_i = m_i·2^E. */
function integers( xs: ArrayLike<number> ): { m: bigint[]; E: number } {
	const parts: [ bigint, number ][] = [];
	let E = Infinity;
	for ( let i = 0; i < xs.length; i++ ) {
		const p = split( xs[ i ] );
		parts.push( p );
		if ( p[ 0 ] !== 0n && p[ 1 ] < E ) {
			E = p[ 1 ];
		}
	}
	if ( E === Infinity ) {
		E = 0;
	}
	const m = parts.map( ( [ mi, e ] ) => mi << BigInt( e - E ) );
	return { m, E };
}

function toDec( v: bigint, E: number ): Dec {
	return new D( v.toString() ).times( new D( 2 ).pow( E ) );
}

/** Exact Σx_i, rounded to 50 digits. */
export function exactSum( xs: ArrayLike<number> ): Dec {
	const { m, E } = integers( xs );
	let s = 0n;
	for ( const v of m ) {
		s += v;
	}
	return toDec( s, E );
}

/** Exact mean, rounded to 50 digits. */
export function exactMean( xs: ArrayLike<number> ): Dec {
	return exactSum( xs ).div( xs.length );
}

/** Exact Σ(x_i − x̄)² = (nΣx² − (Σx)²)/n, rounded to 50 digits. */
export function exactM2( xs: ArrayLike<number> ): Dec {
	const { m, E } = integers( xs );
	let s = 0n;
	let q = 0n;
	for ( const v of m ) {
		s += v;
		q += v * v;
	}
	const n = BigInt( xs.length );
	const num = ( n * q ) - ( s * s ); // n·M2·2^(-2E)
	return new D( num.toString() ).div( new D( n.toString() ) ).times( new D( 2 ).pow( 2 * E ) );
}

/** Exact variance with `ddof`, rounded to 50 digits. */
export function exactVariance( xs: ArrayLike<number>, ddof: number ): Dec {
	return exactM2( xs ).div( xs.length - ddof );
}
