// VARIABLES //

/** Veltkamp's splitting constant 2^27 + 1 (Dekker's exact product without FMA). */
const SPLITTER = 134217729.0;

/** Flags for non-finite values seen. */
const SEEN_NAN = 1;
const SEEN_POS_INF = 2;
const SEEN_NEG_INF = 4;


/** Above this magnitude `SPLITTER·a` could overflow; `mean()` then adds the shift back in plain arithmetic. */
const SPLIT_MAX = 1e290;


// FUNCTIONS //

/**
* Rounding error of the product `a·b = p` (Dekker's exact product without FMA): `a·b = p + err` exactly.
*
* @private
*/
function twoProductErr( a: number, b: number, p: number ): number {
	const ca = SPLITTER * a;
	const ah = ca - ( ca - a );
	const al = a - ah;
	const cb = SPLITTER * b;
	const bh = cb - ( cb - b );
	const bl = b - bh;
	return ( ( ( ah * bh ) - p ) + ( ah * bl ) + ( al * bh ) ) + ( al * bl );
}

/**
* Adds `a` to the compensated pair `(s, c)` stored in `acc[0]`, `acc[1]` (Knuth two-sum; the rounding error of every
* addition goes to the correction).
*
* @private
*/
function addTo( acc: Float64Array, a: number ): void {
	const s = acc[ 0 ];
	const u = s + a;
	const z = u - s;
	acc[ 1 ] += ( s - ( u - z ) ) + ( a - z );
	acc[ 0 ] = u;
}


// MAIN //

/**
* Streaming mean, variance and standard deviation: one value at a time, mergeable, accurate at large offsets.
*
* ## Method
*
* -   Values are shifted by the first finite value `K` (`y = x − K`, exact for data at an offset, Sterbenz). Constant
*     streams therefore give exactly `0` variance.
* -   `push`: Welford's update on the shifted values, `M2 += (y − μ_old)·(y − μ_new)`, where the running sum `Σy` and
*     `M2` are both kept as compensated (two-sum) pairs. Plain Welford updates the mean as `μ += (y − μ)/n`; its
*     rounding errors drift like a random walk, about √n/2 ulps after n values. Here `μ = Σy/n` is recomputed from the
*     compensated sum at every step, so it is within about one ulp at any `n`.
* -   `merge`: Chan, Golub & LeVeque's pairwise update `M2 = M2_a + M2_b + δ²·n_a·n_b/n` with `δ = μ_b − μ_a` taken in
*     the shift of `a` (the difference of the two shifts is split exactly with a two-sum and an exact product).
* -   Non-finite values are counted apart (flags), so one `Infinity` does not poison the compensation with `∞ − ∞`.
*
* ## Error bound
*
* `mean()` is within about 1 ulp and `variance()` within a few ulps of the exact values for streams of up to 1e6
* values at offsets up to 1e9, sorted or not (measured ≤ 1 ulp and ≤ 1.9 ulps, see `docs/kernels.md`); plain Welford
* drifts to 6e3 ulps in the mean and 1e-4 relative error in the variance on sorted data at an offset of 1e8, n = 1e6.
*
* ## Special cases
*
* -   no values: `count` 0, `mean()` `NaN`, `variance()` `NaN`
* -   `count − ddof ≤ 0` → `variance()`/`std()` `NaN`
* -   a `NaN` value → `mean()` and `variance()` `NaN`; `+Infinity` (`-Infinity`) → `mean()` `+Infinity` (`-Infinity`),
*     both infinities → `NaN`; any infinity → `variance()` `NaN`
*
* ## References
*
* -   Welford, B. P. 1962. "Note on a Method for Calculating Corrected Sums of Squares and Products." _Technometrics_
*     4 (3): 419–20. doi:[10.1080/00401706.1962.10490022](https://doi.org/10.1080/00401706.1962.10490022).
* -   Chan, Tony F., Gene H. Golub, and Randall J. LeVeque. 1983. "Algorithms for Computing the Sample Variance:
*     Analysis and Recommendations." _The American Statistician_ 37 (3): 242–47.
*     doi:[10.1080/00031305.1983.10483115](https://doi.org/10.1080/00031305.1983.10483115).
* -   Neumaier, Arnold. 1974. "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen."
*     _ZAMM_ 54 (1): 39–51. doi:[10.1002/zamm.19740540106](https://doi.org/10.1002/zamm.19740540106).
* -   Schubert, Erich, and Michael Gertz. 2018. "Numerically stable parallel computation of (co-)variance." _SSDBM '18_.
*     doi:[10.1145/3221269.3223036](https://doi.org/10.1145/3221269.3223036).
*
* @example
* var s = new RunningStats();
* s.push( 1e9 + 1.0 ).push( 1e9 + 2.0 ).push( 1e9 + 3.0 );
* var m = s.mean();
* // returns 1000000002.0
* var v = s.variance( 1 );
* // returns 1.0
*
* @example
* var a = new RunningStats().pushAll( [ 1.0, 2.0 ] );
* var b = new RunningStats().pushAll( [ 3.0, 4.0 ] );
* a.merge( b );
* var v = a.variance();
* // returns 1.25
*
* @example
* var s = new RunningStats().pushAll( [ 1.0, NaN ] );
* var m = s.mean();
* // returns NaN
*/
export class RunningStats {
	/** Number of values pushed (finite or not). */
	private n = 0;

	/** Number of finite values pushed. */
	private nf = 0;

	/** Shift: the first finite value. */
	private K = 0.0;

	/** Compensated Σ(x − K) over finite values: [sum, correction]. */
	private readonly S = new Float64Array( 2 );

	/** Compensated Σ(x − mean)² over finite values: [sum, correction]. */
	private readonly M2 = new Float64Array( 2 );

	/** Mean of the shifted values, (S[0] + S[1])/nf. */
	private mu = 0.0;

	/** Non-finite values seen (bit flags). */
	private flags = 0;

	/**
	* Number of values pushed (including non-finite ones).
	*
	* @returns count
	*/
	get count(): number {
		return this.n;
	}

	/**
	* Adds one value.
	*
	* @param x - value
	* @returns this (for chaining)
	*/
	push( x: number ): this {
		this.n += 1;
		if ( x - x !== 0.0 ) {
			this.flags |= ( x !== x ) ? SEEN_NAN : ( x > 0.0 ) ? SEEN_POS_INF : SEEN_NEG_INF;
			return this;
		}
		if ( this.nf === 0 ) {
			this.K = x;
			this.nf = 1;
			return this;
		}
		const K = this.K;
		const y = x - K;
		// Two-sum: x + (−K) = y + ey exactly; ey goes to the sum's correction so Σ(x − K) stays exact to O(u²).
		const bv = y - x;
		const ey = ( x - ( y - bv ) ) - ( K + bv );
		const muOld = this.mu;
		this.nf += 1;
		const S = this.S;
		addTo( S, y );
		S[ 1 ] += ey;
		const muNew = ( S[ 0 ] + S[ 1 ] ) / this.nf;
		this.mu = muNew;
		addTo( this.M2, ( y - muOld ) * ( y - muNew ) );
		return this;
	}

	/**
	* Adds every value of an array.
	*
	* @param xs - values (`number[]`, `Float64Array`, `Float32Array` or any array-like)
	* @returns this (for chaining)
	*/
	pushAll( xs: ArrayLike<number> ): this {
		for ( let i = 0; i < xs.length; i++ ) {
			this.push( xs[ i ] );
		}
		return this;
	}

	/**
	* Merges the statistics of `other` into this accumulator (as if its values had been pushed here).
	* `other` is not modified.
	*
	* @param other - another accumulator
	* @returns this (for chaining)
	*/
	merge( other: RunningStats ): this {
		this.n += other.n;
		this.flags |= other.flags;
		const nb = other.nf;
		if ( nb === 0 ) {
			return this;
		}
		const na = this.nf;
		if ( na === 0 ) {
			this.nf = nb;
			this.K = other.K;
			this.S[ 0 ] = other.S[ 0 ];
			this.S[ 1 ] = other.S[ 1 ];
			this.M2[ 0 ] = other.M2[ 0 ];
			this.M2[ 1 ] = other.M2[ 1 ];
			this.mu = other.mu;
			return this;
		}
		const n = na + nb;
		// Δ = K_b − K_a = dh + dl exactly (two-sum).
		const Ka = this.K;
		const Kb = other.K;
		const dh = Kb - Ka;
		const bv = dh - Kb;
		const dl = ( Kb - ( dh - bv ) ) - ( Ka + bv );
		// δ = μ_b − μ_a in the shift of a.
		const delta = ( ( other.mu - this.mu ) + dh ) + dl;
		const M2 = this.M2;
		addTo( M2, other.M2[ 0 ] );
		addTo( M2, other.M2[ 1 ] );
		addTo( M2, ( delta * delta ) * ( ( na * nb ) / n ) );
		// Σy over b in the shift of a: S_b + nb·Δ, with nb·dh formed exactly (Dekker).
		const S = this.S;
		addTo( S, other.S[ 0 ] );
		addTo( S, other.S[ 1 ] );
		const p = nb * dh;
		const pe = ( dh < SPLIT_MAX && dh > -SPLIT_MAX ) ? twoProductErr( nb, dh, p ) : 0.0;
		addTo( S, p );
		addTo( S, pe + ( nb * dl ) );
		this.nf = n;
		this.mu = ( S[ 0 ] + S[ 1 ] ) / n;
		return this;
	}

	/**
	* Arithmetic mean of the values pushed.
	*
	* @returns mean (`NaN` when empty)
	*/
	mean(): number {
		const f = this.flags;
		if ( f !== 0 ) {
			if ( ( f & SEEN_NAN ) !== 0 || f === ( SEEN_POS_INF | SEEN_NEG_INF ) ) {
				return NaN;
			}
			return ( f === SEEN_POS_INF ) ? Infinity : -Infinity;
		}
		const n = this.nf;
		if ( n === 0 ) {
			return NaN;
		}
		const K = this.K;
		const S = this.S;
		if ( !( K < SPLIT_MAX && K > -SPLIT_MAX ) ) {
			return K + ( ( S[ 0 ] + S[ 1 ] ) / n );
		}
		// Σx = n·K + Σ(x − K), formed as hi + lo: n·K exactly (Dekker), then two-sums. Adding K back after dividing
		// would cancel when the mean is far below the first value (data centred on 0).
		let hi = n * K;
		let lo = twoProductErr( n, K, hi );
		let u = hi + S[ 0 ];
		let z = u - hi;
		lo += ( ( hi - ( u - z ) ) + ( S[ 0 ] - z ) ) + S[ 1 ];
		hi = u;
		// Divide once: q = hi/n corrected by the exact remainder hi − q·n and lo.
		const q = hi / n;
		const p = q * n;
		u = twoProductErr( q, n, p );
		z = ( hi - p ) - u;
		return q + ( ( z + lo ) / n );
	}

	/**
	* Variance of the values pushed.
	*
	* @param ddof - delta degrees of freedom: 0 population (default), 1 sample
	* @returns variance (`NaN` when `count − ddof ≤ 0` or a non-finite value was pushed)
	*/
	variance( ddof = 0 ): number {
		const dof = this.nf - ddof;
		if ( this.flags !== 0 || !( dof > 0 ) || this.nf === 0 ) {
			return NaN;
		}
		const m2 = this.M2[ 0 ] + this.M2[ 1 ];
		return ( m2 > 0.0 ) ? m2 / dof : 0.0;
	}

	/**
	* Standard deviation of the values pushed: `sqrt(variance(ddof))`.
	*
	* @param ddof - delta degrees of freedom: 0 population (default), 1 sample
	* @returns standard deviation
	*/
	std( ddof = 0 ): number {
		return Math.sqrt( this.variance( ddof ) );
	}
}
