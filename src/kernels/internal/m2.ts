// VARIABLES //

/**
* Rescaling for finite data whose squared deviations overflow: 2^-600 is exact for doubles above 2^-422 (smaller
* deviations are negligible against ones that overflowed) and brings |d| ≤ 3.6e308 down to ~1e128, whose square is
* finite. The second moment is scaled back by 2^1200 (in two steps to stay finite where the result is).
*/
const SCALE = 2.409919865102884e-181; // 2^-600
const UNSCALE = 4.149515568880993e+180; // 2^600


/**
* Block length of pass 2. Within a block the squares are summed in four plain lanes (64 terms each, error ≤ 63u of the
* block sum); the block sums go to a compensated total. Without blocks, terms smaller than half an ulp of a large
* running sum are dropped: on heavy-tailed data (magnitudes 1e-8..1e8) that biased loss reached 2e-12 relative at
* n = 1e6. The block loop costs nothing measurable.
*/
const BLOCK = 256;


// MAIN //

/**
* Corrected two-pass `M2/dof` with `M2 = Σ(x_i − x̄)²` the sum of squared deviations, data shifted by `xs[0]`.
*
* Pass 1 sums `y_i = x_i − K` (`K = xs[0]`) in four lanes to get `μ = Σy/n`. Pass 2 sums `d_i²`, `d_i = x_i − c` with
* `c = K + μ` (rounded), in four lanes; `M2 = Σd² − (Σd)²/n` (the correction removes the effect of the rounding of `c`),
* with `Σd = Σy − n·(c − K)` taken from pass 1 (`c − K` exact by a two-sum): the correction is `n·(x̄ − c)²`, second
* order, so an error δ in `Σd` changes `M2` by only `2|x̄ − c|·δ`, and pass 2 needs one addition per element less.
* Returns `NaN` for non-finite data and retries on scaled data when the sums overflow on finite data.
*
* @private
* @param xs - input values (n ≥ 1)
* @param dof - divisor `n − ddof` (> 0)
* @param root - return `sqrt(M2/dof)` (the standard deviation), taken before unscaling so it stays finite
* @returns M2/dof ≥ 0, or its square root
*/
export function m2( xs: ArrayLike<number>, dof: number, root: boolean ): number {
	const r = m2Raw( xs );
	if ( r - r === 0.0 ) {
		return ( root ) ? Math.sqrt( r / dof ) : r / dof; // finite
	}
	for ( let i = 0; i < xs.length; i++ ) {
		const v = xs[ i ];
		if ( v - v !== 0.0 ) {
			return NaN; // NaN or ±Infinity in the data
		}
	}
	// Finite data whose deviations or squares overflowed: retry on data scaled by 2^-600 (exact).
	const scaled = new Float64Array( xs.length );
	for ( let i = 0; i < xs.length; i++ ) {
		scaled[ i ] = xs[ i ] * SCALE;
	}
	const s = m2Raw( scaled );
	if ( root ) {
		return Math.sqrt( s / dof ) * UNSCALE;
	}
	return ( ( s / dof ) * UNSCALE ) * UNSCALE;
}

function m2Raw( xs: ArrayLike<number> ): number {
	const n = xs.length;
	const K = xs[ 0 ];
	// Pass 1: Σ(x − K) in four lanes.
	let a0 = 0.0;
	let a1 = 0.0;
	let a2 = 0.0;
	let a3 = 0.0;
	let i = 0;
	for ( ; i + 3 < n; i += 4 ) {
		a0 += xs[ i ] - K;
		a1 += xs[ i + 1 ] - K;
		a2 += xs[ i + 2 ] - K;
		a3 += xs[ i + 3 ] - K;
	}
	for ( ; i < n; i++ ) {
		a0 += xs[ i ] - K;
	}
	const A = ( a0 + a1 ) + ( a2 + a3 );
	const mu = A / n;
	// Pass 2 deviates from c = K + μ (rounded): the corrected formula is exact for any centre, so the rounding of c
	// costs nothing; constant data still give μ = 0, c = K and d = 0 exactly; one subtraction per element is saved.
	const c = K + mu;
	// The correction term needs Σ(x − c) only to first order (it is itself second order: (Σ(x − c))²/n =
	// n·(x̄ − c)²), so it comes from pass 1 instead of a third accumulation in pass 2:
	// Σ(x − c) = Σ(x − K) − n·(c − K), with c − K = μ − e exactly (two-sum error e of K + μ = c + e).
	const zc = c - K;
	const e = ( K - ( c - zc ) ) + ( mu - zc );
	const s = ( A - ( n * mu ) ) + ( n * e );
	// Pass 2: Σd² with d = x − c, four lanes, in blocks of BLOCK elements whose sums are added to a two-sum
	// compensated total.
	let Q = 0.0;
	let C = 0.0;
	i = 0;
	while ( i < n ) {
		const end = ( n - i > BLOCK ) ? i + BLOCK : n;
		let q0 = 0.0;
		let q1 = 0.0;
		let q2 = 0.0;
		let q3 = 0.0;
		for ( ; i + 3 < end; i += 4 ) {
			const d0 = xs[ i ] - c;
			const d1 = xs[ i + 1 ] - c;
			const d2 = xs[ i + 2 ] - c;
			const d3 = xs[ i + 3 ] - c;
			q0 += d0 * d0;
			q1 += d1 * d1;
			q2 += d2 * d2;
			q3 += d3 * d3;
		}
		for ( ; i < end; i++ ) {
			const d = xs[ i ] - c;
			q0 += d * d;
		}
		const t = ( q0 + q1 ) + ( q2 + q3 );
		const u = Q + t;
		const z = u - Q;
		C += ( Q - ( u - z ) ) + ( t - z );
		Q = u;
	}
	const q = Q + C;
	const M2 = q - ( ( s * s ) / n );
	// Cauchy–Schwarz gives (Σd)²/n ≤ Σd² exactly; clamp the rounding of a near-tie so the result is never negative.
	return ( M2 < 0.0 ) ? 0.0 : M2;
}
