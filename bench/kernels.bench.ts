/**
* Kernel speed benchmark: `npm run bench:kernels` (runs this file with `node --import tsx`).
*
* For n = 1e3, 1e5 and 1e6 it prints each kernel's time as a ratio to the naive formula in the same run and to the
* matching peer-library function where one exists (`@stdlib`, `simple-statistics`, `d3-array`).
*
* Method (DESIGN §4): process CPU time (`process.cpuUsage`, user + system) rather than wall clock; every variant is
* warmed up (a few hundred calls on small arrays, then calls at the measured size) before timing; the variants of a
* kernel are interleaved (round r times A, B, C, …, rotating the order each round); each sample is a batch of calls
* lasting ≥ `MIN_BATCH_US`; the reported figure is the median over rounds of the per-round ratio kernel/other.
* Inputs are pre-generated (four different arrays, cycled, so no result can be cached), and every result is
* added to a sink that is checked at the end, so the work cannot be optimised away.
*
* Options (environment): `KERNELS_BENCH_ROUNDS` (default 11), `KERNELS_BENCH_SIZES` (default `1000,100000,1000000`),
* `KERNELS_BENCH_ONLY` (comma-separated kernel names).
*/
import stdlibLog1mexp from '@stdlib/math-base-special-log1mexp';
import stdlibExpit from '@stdlib/math-base-special-expit';
import stdlibLog1pexp from '@stdlib/math-base-special-log1pexp';
import stdlibLogaddexp from '@stdlib/math-base-special-logaddexp';
import stdlibLogit from '@stdlib/math-base-special-logit';
import stdlibMean from '@stdlib/stats-base-mean';
import stdlibStdev from '@stdlib/stats-base-stdev';
import stdlibVariance from '@stdlib/stats-base-variance';
import { deviation as d3Deviation, fsum as d3Fsum, mean as d3Mean, sum as d3Sum, variance as d3Variance } from 'd3-array';
import * as ss from 'simple-statistics';
import os from 'node:os';
import * as K from '../src/kernels/index.js';

// Kernels bound to locals: a property load from a module namespace object on every call is not free in V8.
const { RunningStats, binaryCrossEntropyWithLogits, log1mexp, logAddExp, logSigmoid, logSoftmax, logSumExp, logit, mean, safeDiv, safeLog, sigmoid, softmax, softmaxCrossEntropyWithLogits, softplus, sparseSoftmaxCrossEntropyWithLogits, std, sum, variance, xlogy } = K;

// VARIABLES //

const MIN_BATCH_US = 15_000;
const ROUNDS = Number( process.env.KERNELS_BENCH_ROUNDS ?? 11 );
const SIZES = ( process.env.KERNELS_BENCH_SIZES ?? '1000,100000,1000000' ).split( ',' ).map( Number );
const ONLY = process.env.KERNELS_BENCH_ONLY?.split( ',' );
const COPIES = 4;

let sink = 0;

// FUNCTIONS //

/** mulberry32-based uniform [0, 1) generator (deterministic inputs). */
function rng( seed: number ): () => number {
	let a = seed >>> 0;
	return () => {
		a = ( a + 0x6D2B79F5 ) >>> 0;
		let t = a;
		t = Math.imul( t ^ ( t >>> 15 ), t | 1 );
		t ^= t + Math.imul( t ^ ( t >>> 7 ), t | 61 );
		return ( ( t ^ ( t >>> 14 ) ) >>> 0 ) / 4294967296;
	};
}

function arrays( n: number, seed: number, f: ( u: () => number ) => number ): number[][] {
	const out: number[][] = [];
	for ( let c = 0; c < COPIES; c++ ) {
		const u = rng( seed * 1000 + c );
		const a: number[] = [];
		for ( let i = 0; i < n; i++ ) {
			a.push( f( u ) );
		}
		out.push( a );
	}
	return out;
}

/** Consumes a result (number, array or typed array) into the sink. */
function eat( v: unknown ): void {
	if ( typeof v === 'number' ) {
		sink += v;
	} else if ( Array.isArray( v ) || ArrayBuffer.isView( v ) ) {
		const a = v as ArrayLike<number>;
		sink += a[ 0 ] + a[ a.length - 1 ];
	}
}

type Variant = ( input: number[], input2: number[] ) => unknown;

interface Case {
	name: string;
	/** Description of the naive formula. */
	naiveLabel: string;
	/** Generates the inputs (first array) and optional second inputs (labels, y). */
	gen: ( n: number ) => [ number[][], number[][] ];
	kernel: Variant;
	naive: Variant;
	peers: Record<string, Variant>;
}

function cpuUs(): number {
	const u = process.cpuUsage();
	return u.user + u.system;
}

/** Time per call (µs) of `f` on the cycled inputs, in a batch of `reps` calls. */
function timeBatch( f: Variant, xs: number[][], ys: number[][], reps: number ): number {
	const t0 = cpuUs();
	for ( let r = 0; r < reps; r++ ) {
		const c = r % COPIES;
		eat( f( xs[ c ], ys[ c ] ) );
	}
	return ( cpuUs() - t0 ) / reps;
}

function median( a: number[] ): number {
	const s = [ ...a ].sort( ( x, y ) => x - y );
	const m = s.length >> 1;
	return ( s.length % 2 === 1 ) ? s[ m ] : ( s[ m - 1 ] + s[ m ] ) / 2;
}

function run( c: Case, n: number ): { perCallUs: number; vsNaive: number; vsPeers: Record<string, number> } {
	const variants: [ string, Variant ][] = [ [ 'kernel', c.kernel ], [ 'naive', c.naive ], ...Object.entries( c.peers ) ];
	// Warm-up: a few hundred calls on small arrays, then some at the measured size; calibrate batch sizes.
	const [ sx, sy ] = c.gen( 64 );
	const [ xs, ys ] = c.gen( n );
	const reps: number[] = [];
	for ( const [ , f ] of variants ) {
		timeBatch( f, sx, sy, 400 );
		let r = 1;
		let t = timeBatch( f, xs, ys, r );
		while ( t * r < MIN_BATCH_US / 4 ) {
			r *= 2;
			t = timeBatch( f, xs, ys, r );
		}
		reps.push( Math.max( 1, Math.ceil( MIN_BATCH_US / Math.max( t, 0.001 ) ) ) );
	}
	// Interleaved rounds, rotating the order.
	const times: number[][] = variants.map( () => [] );
	for ( let round = 0; round < ROUNDS; round++ ) {
		for ( let j = 0; j < variants.length; j++ ) {
			const v = ( j + round ) % variants.length;
			times[ v ].push( timeBatch( variants[ v ][ 1 ], xs, ys, reps[ v ] ) );
		}
	}
	const ratio = ( b: number ) => median( times[ 0 ].map( ( t, r ) => t / times[ b ][ r ] ) );
	const vsPeers: Record<string, number> = {};
	for ( let j = 2; j < variants.length; j++ ) {
		vsPeers[ variants[ j ][ 0 ] ] = ratio( j );
	}
	return { perCallUs: median( times[ 0 ] ), vsNaive: ratio( 1 ), vsPeers };
}

// NAIVE FORMS //

function naiveSum( xs: ArrayLike<number> ): number {
	let s = 0;
	for ( let i = 0; i < xs.length; i++ ) {
		s += xs[ i ];
	}
	return s;
}

function onePassVariance( xs: ArrayLike<number> ): number {
	let s = 0;
	let q = 0;
	for ( let i = 0; i < xs.length; i++ ) {
		s += xs[ i ];
		q += xs[ i ] * xs[ i ];
	}
	return ( q - ( ( s * s ) / xs.length ) ) / xs.length;
}

class Welford {
	n = 0;
	mu = 0;
	m2 = 0;
	push( x: number ): this {
		this.n += 1;
		const d = x - this.mu;
		this.mu += d / this.n;
		this.m2 += d * ( x - this.mu );
		return this;
	}
	variance(): number {
		return this.m2 / this.n;
	}
}

function naiveLse( xs: ArrayLike<number> ): number {
	let s = 0;
	for ( let i = 0; i < xs.length; i++ ) {
		s += Math.exp( xs[ i ] );
	}
	return Math.log( s );
}

function naiveSoftmax( xs: number[] ): number[] {
	const n = xs.length;
	const out = new Array<number>( n );
	let s = 0;
	for ( let i = 0; i < n; i++ ) {
		const e = Math.exp( xs[ i ] );
		out[ i ] = e;
		s += e;
	}
	for ( let i = 0; i < n; i++ ) {
		out[ i ] /= s;
	}
	return out;
}

function naiveLogSoftmax( xs: number[] ): number[] {
	const n = xs.length;
	const l = naiveLse( xs );
	const out = new Array<number>( n );
	for ( let i = 0; i < n; i++ ) {
		out[ i ] = xs[ i ] - l;
	}
	return out;
}

/**
* Applies a scalar function of one argument to every element (the benchmark for scalar kernels). The loop is
* compiled from source for every variant (`new Function`), so each has its own call site and type feedback: a shared
* loop would make the call to `f` megamorphic (~14 ns per call, no inlining) and hide the kernels' own cost.
*/
function map1( f: ( x: number ) => number ): Variant {
	return new Function( 'f', 'return function map1(xs) { let s = 0; for (let i = 0; i < xs.length; i++) { s += f(xs[i]); } return s; };' )( f ) as Variant;
}

/** Applies a scalar function of two arguments elementwise over two arrays (`f(ys[i], xs[i])`); see `map1`. */
function map2( f: ( a: number, b: number ) => number ): Variant {
	return new Function( 'f', 'return function map2(xs, ys) { let s = 0; for (let i = 0; i < xs.length; i++) { s += f(ys[i], xs[i]); } return s; };' )( f ) as Variant;
}

// CASES //

const normal = ( u: () => number ) => Math.sqrt( -2 * Math.log( 1 - u() ) ) * Math.cos( 2 * Math.PI * u() );
const offsetData = ( n: number ): [ number[][], number[][] ] => [ arrays( n, 1, ( u ) => 1e8 + normal( u ) ), [] ];
const logitData = ( n: number ): [ number[][], number[][] ] => [ arrays( n, 2, ( u ) => ( 2 * u() - 1 ) * 10 ), [] ];
const wideScalar = ( n: number ): [ number[][], number[][] ] => [ arrays( n, 3, ( u ) => ( 2 * u() - 1 ) * 40 ), [] ];

const CASES: Case[] = [
	{
		name: 'sum', naiveLabel: 'for-loop s += x', gen: offsetData,
		kernel: ( xs ) => sum( xs ), naive: naiveSum,
		peers: { 'ss.sum (Neumaier)': ( xs ) => ss.sum( xs ), 'd3.fsum (exact)': ( xs ) => d3Fsum( xs ), 'd3.sum': ( xs ) => d3Sum( xs ) },
	},
	{
		name: 'mean', naiveLabel: 'Σx/n loop', gen: offsetData,
		kernel: ( xs ) => mean( xs ), naive: ( xs ) => naiveSum( xs ) / xs.length,
		peers: { '@stdlib mean': ( xs ) => stdlibMean( xs.length, xs, 1 ), 'ss.mean': ( xs ) => ss.mean( xs ), 'd3.mean': ( xs ) => d3Mean( xs ) },
	},
	{
		name: 'variance', naiveLabel: 'one-pass (Σx² − (Σx)²/n)/n', gen: offsetData,
		kernel: ( xs ) => variance( xs ), naive: onePassVariance,
		peers: { '@stdlib variance': ( xs ) => stdlibVariance( xs.length, 0, xs, 1 ), 'ss.variance': ( xs ) => ss.variance( xs ), 'd3.variance (Welford)': ( xs ) => d3Variance( xs ) },
	},
	{
		name: 'std', naiveLabel: 'sqrt of one-pass', gen: offsetData,
		kernel: ( xs ) => std( xs, { ddof: 1 } ), naive: ( xs ) => Math.sqrt( onePassVariance( xs ) ),
		peers: { '@stdlib stdev': ( xs ) => stdlibStdev( xs.length, 1, xs, 1 ), 'ss.sampleStandardDeviation': ( xs ) => ss.sampleStandardDeviation( xs ), 'd3.deviation': ( xs ) => d3Deviation( xs ) },
	},
	{
		name: 'RunningStats', naiveLabel: 'plain Welford class, push each value', gen: offsetData,
		kernel: ( xs ) => {
			const s = new RunningStats();
			for ( let i = 0; i < xs.length; i++ ) {
				s.push( xs[ i ] );
			}
			return s.variance();
		},
		naive: ( xs ) => {
			const s = new Welford();
			for ( let i = 0; i < xs.length; i++ ) {
				s.push( xs[ i ] );
			}
			return s.variance();
		},
		peers: {},
	},
	{
		name: 'logSumExp', naiveLabel: 'log(Σ exp(x))', gen: logitData,
		kernel: ( xs ) => logSumExp( xs ), naive: naiveLse, peers: {},
	},
	{
		name: 'softmax', naiveLabel: 'exp(x)/Σ exp(x)', gen: logitData,
		kernel: ( xs ) => softmax( xs ), naive: naiveSoftmax, peers: {},
	},
	{
		name: 'logSoftmax', naiveLabel: 'x − log(Σ exp(x))', gen: logitData,
		kernel: ( xs ) => logSoftmax( xs ), naive: naiveLogSoftmax, peers: {},
	},
	{
		name: 'softmaxCrossEntropyWithLogits', naiveLabel: 'log(Σ exp(z)) − Σ y·z', gen: ( n ) => [ logitData( n )[ 0 ], arrays( n, 4, ( u ) => u() / n ) ],
		kernel: ( xs, ys ) => softmaxCrossEntropyWithLogits( ys, xs ),
		naive: ( xs, ys ) => {
			let yz = 0;
			for ( let i = 0; i < xs.length; i++ ) {
				yz += ys[ i ] * xs[ i ];
			}
			return naiveLse( xs ) - yz;
		},
		peers: {},
	},
	{
		name: 'sparseSoftmaxCrossEntropyWithLogits', naiveLabel: 'log(Σ exp(z)) − z[k]', gen: logitData,
		kernel: ( xs ) => sparseSoftmaxCrossEntropyWithLogits( 7 % xs.length, xs ),
		naive: ( xs ) => naiveLse( xs ) - xs[ 7 % xs.length ], peers: {},
	},
	{
		name: 'logAddExp', naiveLabel: 'log(exp(a) + exp(b))', gen: ( n ) => [ wideScalar( n )[ 0 ], arrays( n, 5, ( u ) => ( 2 * u() - 1 ) * 40 ) ],
		kernel: map2( logAddExp ), naive: map2( ( a, b ) => Math.log( Math.exp( a ) + Math.exp( b ) ) ),
		peers: { '@stdlib logaddexp': map2( stdlibLogaddexp ) },
	},
	{
		name: 'sigmoid', naiveLabel: 'exp(x)/(1 + exp(x))', gen: wideScalar,
		kernel: map1( sigmoid ), naive: map1( ( x ) => Math.exp( x ) / ( 1 + Math.exp( x ) ) ),
		peers: { '@stdlib expit': map1( stdlibExpit ), '1/(1 + exp(−x))': map1( ( x ) => 1 / ( 1 + Math.exp( -x ) ) ) },
	},
	{
		name: 'softplus', naiveLabel: 'log(1 + exp(x))', gen: wideScalar,
		kernel: map1( softplus ), naive: map1( ( x ) => Math.log( 1 + Math.exp( x ) ) ),
		peers: { '@stdlib log1pexp': map1( stdlibLog1pexp ) },
	},
	{
		name: 'logSigmoid', naiveLabel: 'log(1/(1 + exp(−x)))', gen: wideScalar,
		kernel: map1( logSigmoid ), naive: map1( ( x ) => Math.log( 1 / ( 1 + Math.exp( -x ) ) ) ),
		peers: { '−@stdlib log1pexp(−x)': map1( ( x ) => -stdlibLog1pexp( -x ) ) },
	},
	{
		name: 'logit', naiveLabel: 'log(p/(1 − p))', gen: ( n ) => [ arrays( n, 6, ( u ) => u() ), [] ],
		kernel: map1( logit ), naive: map1( ( p ) => Math.log( p / ( 1 - p ) ) ),
		peers: { '@stdlib logit': map1( stdlibLogit ) },
	},
	{
		name: 'log1mexp', naiveLabel: 'log(1 − exp(x))', gen: ( n ) => [ arrays( n, 7, ( u ) => -20 * u() - 1e-300 ), [] ],
		kernel: map1( log1mexp ), naive: map1( ( x ) => Math.log( 1 - Math.exp( x ) ) ),
		peers: { '@stdlib log1mexp(−x)': map1( ( x ) => stdlibLog1mexp( -x ) ) },
	},
	{
		name: 'binaryCrossEntropyWithLogits', naiveLabel: 'TF.js max(z,0) − z·y + log1p(exp(−|z|))', gen: ( n ) => [ wideScalar( n )[ 0 ], arrays( n, 8, ( u ) => ( u() < 0.5 ) ? 0.1 : 0.9 ) ],
		kernel: map2( binaryCrossEntropyWithLogits ), naive: map2( ( y, z ) => Math.max( z, 0 ) - ( z * y ) + Math.log1p( Math.exp( -Math.abs( z ) ) ) ),
		peers: { 'probability form −y·log(p) − (1−y)·log(1−p)': map2( ( y, z ) => {
			const p = 1 / ( 1 + Math.exp( -z ) );
			return -( y * Math.log( p ) ) - ( ( 1 - y ) * Math.log( 1 - p ) );
		} ) },
	},
	{
		name: 'xlogy', naiveLabel: 'x·log(y)', gen: ( n ) => [ arrays( n, 9, ( u ) => u() ), arrays( n, 10, ( u ) => ( u() < 0.1 ) ? 0 : u() ) ],
		kernel: map2( xlogy ), naive: map2( ( x, y ) => x * Math.log( y ) ), peers: {},
	},
	{
		name: 'safeDiv', naiveLabel: 'a/b', gen: ( n ) => [ arrays( n, 11, ( u ) => u() ), arrays( n, 12, ( u ) => ( u() < 0.1 ) ? 0 : u() ) ],
		kernel: map2( ( b, a ) => safeDiv( a, b ) ), naive: map2( ( b, a ) => a / b ), peers: {},
	},
	{
		name: 'safeLog', naiveLabel: 'log(x)', gen: ( n ) => [ arrays( n, 13, ( u ) => ( u() < 0.1 ) ? 0 : u() ), [] ],
		kernel: map1( ( x ) => safeLog( x, 1e-12 ) ), naive: map1( Math.log ), peers: {},
	},
];

// MAIN //

const fmt = ( r: number ) => r.toFixed( 2 ) + '×';
console.log( `# Kernel benchmark — Node ${ process.version }, ${ os.cpus().length } × ${ os.cpus()[ 0 ]?.model ?? 'cpu' }, ${ os.platform() } ${ os.arch() }` );
console.log( `# process CPU time, ${ ROUNDS } interleaved rounds, median of per-round ratios (< 1 = kernel faster); inputs number[]` );
console.log( '' );
console.log( '| kernel | n | kernel µs/call | vs naive | naive formula | vs peers |' );
console.log( '|---|---|---|---|---|---|' );
for ( const c of CASES ) {
	if ( ONLY && !ONLY.includes( c.name ) ) {
		continue;
	}
	for ( const n of SIZES ) {
		const r = run( c, n );
		const peers = Object.entries( r.vsPeers ).map( ( [ k, v ] ) => `${ k } ${ fmt( v ) }` ).join( '; ' ) || '—';
		console.log( `| ${ c.name } | ${ n.toExponential( 0 ).replace( 'e+', 'e' ) } | ${ r.perCallUs.toPrecision( 3 ) } | ${ fmt( r.vsNaive ) } | ${ c.naiveLabel } | ${ peers } |` );
	}
}
if ( !Number.isFinite( sink ) && !Number.isNaN( sink ) ) {
	console.log( 'sink', sink );
}
console.log( `\n(sink: ${ sink }; every result was consumed)` );
