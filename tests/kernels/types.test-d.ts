// Type tests for the kernel signatures the autofixes emit calls against (checked by `tsc -p tsconfig.json`).
import { expectTypeOf } from 'vitest';
import {
	binaryCrossEntropyWithLogits, log1mexp, logAddExp, logit, logSigmoid, logSoftmax, logSumExp, mean, RunningStats,
	safeDiv, safeLog, sigmoid, softmax, softmaxCrossEntropyWithLogits, softplus, sparseSoftmaxCrossEntropyWithLogits,
	std, sum, variance, xlogy,
} from '../../src/kernels/index.js';

// Array results keep the input's kind.
expectTypeOf( softmax( [ 1, 2 ] ) ).toEqualTypeOf<number[]>();
expectTypeOf( softmax( new Float64Array( 2 ) ) ).toEqualTypeOf<Float64Array>();
expectTypeOf( softmax( new Float32Array( 2 ), 0.5 ) ).toEqualTypeOf<Float32Array>();
expectTypeOf( softmax( { length: 0 } ) ).toEqualTypeOf<number[]>();
expectTypeOf( logSoftmax( [ 1, 2 ] ) ).toEqualTypeOf<number[]>();
expectTypeOf( logSoftmax( new Float64Array( 2 ) ) ).toEqualTypeOf<Float64Array>();
expectTypeOf( logSoftmax( new Float32Array( 2 ) ) ).toEqualTypeOf<Float32Array>();

// Reductions take any ArrayLike<number> and return a number.
expectTypeOf( logSumExp ).parameters.toEqualTypeOf<[ ArrayLike<number> ]>();
expectTypeOf( logSumExp( new Float32Array( 1 ) ) ).toEqualTypeOf<number>();
expectTypeOf( sum( [ 1 ] ) ).toEqualTypeOf<number>();
expectTypeOf( mean( new Float64Array( 1 ) ) ).toEqualTypeOf<number>();
expectTypeOf( variance( [ 1 ], { ddof: 1 } ) ).toEqualTypeOf<number>();
expectTypeOf( variance( [ 1 ] ) ).toEqualTypeOf<number>();
expectTypeOf( std( [ 1 ], {} ) ).toEqualTypeOf<number>();
expectTypeOf( softmaxCrossEntropyWithLogits( [ 1 ], new Float64Array( 1 ) ) ).toEqualTypeOf<number>();
expectTypeOf( sparseSoftmaxCrossEntropyWithLogits( 0, [ 1 ] ) ).toEqualTypeOf<number>();

// Scalars.
expectTypeOf( logAddExp ).toEqualTypeOf<( a: number, b: number ) => number>();
expectTypeOf( sigmoid ).toEqualTypeOf<( x: number ) => number>();
expectTypeOf( logSigmoid ).toEqualTypeOf<( x: number ) => number>();
expectTypeOf( softplus ).toEqualTypeOf<( x: number ) => number>();
expectTypeOf( logit ).toEqualTypeOf<( p: number ) => number>();
expectTypeOf( log1mexp ).toEqualTypeOf<( x: number ) => number>();
expectTypeOf( binaryCrossEntropyWithLogits ).toEqualTypeOf<( y: number, z: number ) => number>();
expectTypeOf( xlogy ).toEqualTypeOf<( x: number, y: number ) => number>();
expectTypeOf( safeDiv ).toEqualTypeOf<( a: number, b: number, fallback?: number ) => number>();
expectTypeOf( safeLog ).toEqualTypeOf<( x: number, eps?: number ) => number>();

// RunningStats.
const s = new RunningStats();
expectTypeOf( s.push( 1 ) ).toEqualTypeOf<RunningStats>();
expectTypeOf( s.pushAll( new Float32Array( 1 ) ) ).toEqualTypeOf<RunningStats>();
expectTypeOf( s.merge( new RunningStats() ) ).toEqualTypeOf<RunningStats>();
expectTypeOf( s.count ).toEqualTypeOf<number>();
expectTypeOf( s.mean() ).toEqualTypeOf<number>();
expectTypeOf( s.variance( 1 ) ).toEqualTypeOf<number>();
expectTypeOf( s.std() ).toEqualTypeOf<number>();

// @ts-expect-error -- a string is not an array of numbers
logSumExp( 'abc' );
// @ts-expect-error -- ddof goes in an options object
variance( [ 1, 2 ], 1 );
