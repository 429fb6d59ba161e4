// MAIN //

/**
* Compensated sum of `xs`: Neumaier's algorithm in four interleaved lanes. Each lane keeps a running sum `s` and a
* correction `c`; for every term `t`, `u = s + t` and the exact rounding error of that addition — `(s − u) + t` if
* `|s| ≥ |t|`, else `(t − u) + s` (Fast2Sum with the larger operand first) — is added to `c`. Kahan's variant always
* assumes `|s| ≥ |t|` and fails when a term exceeds the running sum. The lanes break the dependency chain of a single
* running sum; the branch is well predicted on ordinary data. The lanes and corrections are combined with two-sums.
*
* The result is only meaningful when it is finite: an infinite or NaN element, or an intermediate overflow, makes it
* `NaN`/`±Infinity`, and callers then use `nonFiniteSum`.
*
* @private
* @param xs - input values
* @returns compensated sum (its low part is left in `csumLo`)
*/
export function csum( xs: ArrayLike<number> ): number {
	const n = xs.length;
	let s0 = 0.0;
	let s1 = 0.0;
	let s2 = 0.0;
	let s3 = 0.0;
	let c0 = 0.0;
	let c1 = 0.0;
	let c2 = 0.0;
	let c3 = 0.0;
	let i = 0;
	for ( ; i + 3 < n; i += 4 ) {
		let t = xs[ i ];
		let u = s0 + t;
		if ( Math.abs( s0 ) >= Math.abs( t ) ) {
			c0 += ( s0 - u ) + t;
		} else {
			c0 += ( t - u ) + s0;
		}
		s0 = u;
		t = xs[ i + 1 ];
		u = s1 + t;
		if ( Math.abs( s1 ) >= Math.abs( t ) ) {
			c1 += ( s1 - u ) + t;
		} else {
			c1 += ( t - u ) + s1;
		}
		s1 = u;
		t = xs[ i + 2 ];
		u = s2 + t;
		if ( Math.abs( s2 ) >= Math.abs( t ) ) {
			c2 += ( s2 - u ) + t;
		} else {
			c2 += ( t - u ) + s2;
		}
		s2 = u;
		t = xs[ i + 3 ];
		u = s3 + t;
		if ( Math.abs( s3 ) >= Math.abs( t ) ) {
			c3 += ( s3 - u ) + t;
		} else {
			c3 += ( t - u ) + s3;
		}
		s3 = u;
	}
	for ( ; i < n; i++ ) {
		const t = xs[ i ];
		const u = s0 + t;
		if ( Math.abs( s0 ) >= Math.abs( t ) ) {
			c0 += ( s0 - u ) + t;
		} else {
			c0 += ( t - u ) + s0;
		}
		s0 = u;
	}
	return combine( s0, s1, s2, s3, ( c0 + c1 ) + ( c2 + c3 ) );
}

/**
* Compensated sum of `scale·xs[i]` (one lane, branch-free two-sum): the slow path for finite data whose partial sums
* overflowed, with `scale` a power of two (exact).
*
* @private
* @param xs - input values
* @param scale - power-of-two factor
* @returns compensated sum (its low part is left in `csumLo`)
*/
export function csumScaled( xs: ArrayLike<number>, scale: number ): number {
	let s = 0.0;
	let c = 0.0;
	for ( let i = 0; i < xs.length; i++ ) {
		const t = xs[ i ] * scale;
		const u = s + t;
		const z = u - s;
		c += ( s - ( u - z ) ) + ( t - z );
		s = u;
	}
	return combine( s, 0.0, 0.0, 0.0, c );
}

/** Adds four lane sums and a correction with two-sums; sets `csumLo`. */
function combine( s0: number, s1: number, s2: number, s3: number, c: number ): number {
	let u = s0 + s1;
	let z = u - s0;
	c += ( s0 - ( u - z ) ) + ( s1 - z );
	const v = s2 + s3;
	z = v - s2;
	c += ( s2 - ( v - z ) ) + ( s3 - z );
	const w = u + v;
	z = w - u;
	c += ( u - ( w - z ) ) + ( v - z );
	u = w + c;
	csumLo = c - ( u - w ); // Fast2Sum (|w| ≥ |c|): w + c = u + csumLo
	return u;
}

/**
* The low part of the last `csum` result (`sum ≈ hi + csumLo`), for callers that divide the sum (`mean`) and want
* one rounding instead of two. Module state is safe here: JavaScript runs one call at a time.
*/
export let csumLo = 0.0;

/**
* Scale used to re-sum finite data whose running sum overflowed: 2^-64 is exact for every normal double and keeps the
* largest possible sum (n·1.8e308 for n < 2^53) far below overflow.
*/
export const OVERFLOW_SCALE = 5.421010862427522e-20; // 2^-64
export const OVERFLOW_UNSCALE = 18446744073709551616; // 2^64

/**
* The sum of `xs` when the compensated sum is not finite: `NaN` if any element is `NaN` or both infinities occur,
* `±Infinity` if only that infinity occurs, and `undefined` if every element is finite (the partial sums overflowed;
* the caller then re-sums with `OVERFLOW_SCALE`).
*
* @private
* @param xs - input values
* @returns the IEEE value of the sum of the non-finite elements, or `undefined` if every element is finite
*/
export function nonFiniteSum( xs: ArrayLike<number> ): number | undefined {
	let pos = false;
	let neg = false;
	for ( let i = 0; i < xs.length; i++ ) {
		const v = xs[ i ];
		if ( v !== v ) {
			return NaN;
		}
		if ( v === Infinity ) {
			pos = true;
		} else if ( v === -Infinity ) {
			neg = true;
		}
	}
	if ( pos && neg ) {
		return NaN;
	}
	if ( pos ) {
		return Infinity;
	}
	if ( neg ) {
		return -Infinity;
	}
	return void 0;
}
