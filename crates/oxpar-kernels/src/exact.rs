//! Exact reductions on one core: the kernels behind reproducible mode.
//!
//! Each kernel adds its vector into an [`ExactSum`] without any rounding, so
//! the result does not depend on how the vector was split or in which order
//! the pieces are merged (see `oxpar_core::exact`).
//!
//! Feeding every element to the long accumulator one at a time costs about
//! 5 ns an element. The fast paths do the same exact work in vector
//! registers, with the *binned* deposits of Demmel and Nguyen (J. Demmel, H.
//! D. Nguyen, "Parallel reproducible summation", IEEE Trans. Computers 64(7),
//! 2015; the method of ReproBLAS), used here for exactness rather than for a
//! bounded error. `v_i` below is the element, its absolute value, or for
//! `dot`/`sumsq` the product `p_i = fl(x_i y_i)`, whose rounding error
//! `e_i = x_i y_i - p_i` comes exactly from one FMA (`fma(x, y, -p)`).
//!
//! * Three *bins* per lane, each an `f64` that starts at `1.5 * 2^b_k`, with
//!   `b_0 = exponent(m) + 10` for the largest value `m` and bins 43 bits
//!   apart. Adding `v` to bin `k` (`t = S + v; q = t - S; S = t; v -= q`)
//!   moves exactly the part of `v` that is a multiple of the bin's last bit
//!   into the bin; the rest goes on to the next bin. The first 10 bits of
//!   headroom are room for 2^8 deposits per lane without leaving the bin's
//!   binade, which is what keeps every step exact.
//! * Whatever is left after the last bin must be exactly zero, or be added
//!   to the long accumulator (it is a float), so the result is exact in
//!   every case; data with a wide dynamic range, NaN, infinities,
//!   overflowing or underflowing products is only slower.
//! * Every so often each bin is turned back into an integer (exact) and
//!   added to the long accumulator.
//!
//! The portable path (generic and AVX2 levels, and the reference for the
//! other) goes in blocks of [`BLOCK`] elements, each read twice: once for
//! its maximum (in L1 cache, so memory is read once), once to deposit; a
//! block holding NaN, infinities, overflowing or tiny products is done by
//! the long accumulator instead. The
//! AVX-512 path reads the data once: it keeps the bins where they are and
//! deposits long stretches with no test at all, the CPU's exception flags
//! telling afterwards whether every step was exact; stretches that were not
//! are redone chunk by chunk with range tests (see `mod avx512`). Measured
//! on an Intel Xeon of the Sapphire Rapids generation, from L2 cache (n =
//! 65536, one thread): about 0.09 ns an element for sums (1.2 times the
//! ordinary sum) and 0.185 ns for dot products (2.2 times the ordinary
//! dot), against 1.1 ns for the portable (AVX2) path's dot.
//!
//! The reproducible `f64` dot of the threads backend tries a cheaper,
//! certified compensated dot first and comes here only when that cannot
//! prove its result (see [`crate::certified`]).

use oxpar_core::exact::{ExactSum, Reduction};
use oxpar_core::{DType, Scalar, VecRef};

use crate::dispatch::{cpu_level, detect_cached, CpuLevel};

/// Elements per block. Each lane takes at most `2 * BLOCK / LANES` deposits
/// per bin, which must stay below `2^(HEADROOM - 1)`.
pub const BLOCK: usize = 512;

/// Independent lanes per bin: two AVX-512 registers of `f64`, so that two
/// dependency chains per bin are in flight.
const LANES: usize = 16;

/// Bits between the block's largest value and the top of bin 0.
const HEADROOM: i32 = 9;

/// Distance in bits between consecutive bins: `53 - HEADROOM - 1`.
const BIN_WIDTH: i32 = 53 - HEADROOM - 1;

/// Largest block maximum the bins take (`b_0 <= 1023` keeps bin 0 finite).
const MAX_BLOCK_EXPONENT: i32 = 1023 - HEADROOM - 1;

/// Smallest block maximum: bin 2 must start at a normal number.
const MIN_BLOCK_EXPONENT: i32 = -1022 + 2 * BIN_WIDTH - HEADROOM - 1 + 1;

/// Products below `2^TINY_PRODUCT_EXPONENT` may lose bits of their FMA error
/// term to underflow: a block holding one (of two nonzero factors, so also
/// one that underflowed to zero) goes to the long accumulator.
const TINY_PRODUCT_EXPONENT: i32 = -1074 + 105;

/// Adds the reduction `what` of `x` (and `y` for [`Reduction::Dot`]) exactly
/// into `acc`. Lengths must match.
pub fn exact_reduce<T: Scalar>(
    what: Reduction,
    x: VecRef<'_, T>,
    y: Option<VecRef<'_, T>>,
    acc: &mut ExactSum,
) {
    exact_reduce_at(cpu_level(), what, x, y, acc)
}

/// The vector length from which an exact reduction is worth splitting
/// across threads, given `ordinary`, that of the ordinary reductions. The
/// exact kernels cost more per element, so extra threads pay off on shorter
/// vectors: on the AVX-512 path (about 2.2 times the ordinary dot from cache,
/// measured on an Intel Xeon of the Sapphire Rapids generation) a second
/// thread paid off from about 20 K elements where the ordinary dot's does
/// from 32 K, hence two thirds; the portable path costs some 10 times the
/// ordinary dot there, hence an eighth.
pub fn split_threshold(ordinary: usize) -> usize {
    if cpu_level().min(detect_cached()) == CpuLevel::Avx512F {
        ordinary - ordinary / 3
    } else {
        ordinary / 8
    }
}

/// [`exact_reduce`] with the instruction-set level chosen explicitly (clamped
/// to the detected one), so tests can compare levels.
pub fn exact_reduce_at<T: Scalar>(
    level: CpuLevel,
    what: Reduction,
    x: VecRef<'_, T>,
    y: Option<VecRef<'_, T>>,
    acc: &mut ExactSum,
) {
    let level = level.min(detect_cached());
    let y = if what.needs_y() { y.unwrap_or(x) } else { x };
    debug_assert_eq!(x.len(), y.len());
    #[cfg(target_arch = "x86_64")]
    if level == CpuLevel::Avx512F {
        // The AVX-512 path streams: its bins live across blocks, so
        // contiguous `f64` data goes in as one piece.
        let mut stream = avx512::Stream::new();
        for_each_block(what, x, y, usize::MAX, &mut |w, xs, ys| {
            stream.run(w, xs, ys, acc)
        });
        stream.finish(acc);
        return;
    }
    for_each_block(what, x, y, BLOCK, &mut |w, xs, ys| {
        block_f64(level, w, xs, ys, acc)
    });
}

/// What [`for_each_block`] calls on each block: `f(what, x, y)`.
type BlockFn<'a> = dyn FnMut(Reduction, &[f64], &[f64]) + 'a;

/// Calls `f(what, x, y)` on the vectors as `f64` slices: contiguous `f64`
/// data in pieces of at most `piece` elements, anything else gathered (and
/// for `f32`, turned into the exact `f64` values to sum) a [`BLOCK`] at a time.
fn for_each_block<T: Scalar>(
    what: Reduction,
    x: VecRef<'_, T>,
    y: VecRef<'_, T>,
    piece: usize,
    f: &mut BlockFn<'_>,
) {
    let n = x.len();
    if T::DTYPE == DType::F64 {
        if let (Some(xs), Some(ys)) = (x.as_slice(), y.as_slice()) {
            // SAFETY: `T` is `f64` (its DTYPE says so and `Scalar` is sealed
            // to f32/f64), so both slices' memory holds valid f64s.
            let (xs, ys) = unsafe {
                (
                    std::slice::from_raw_parts(xs.as_ptr().cast::<f64>(), xs.len()),
                    std::slice::from_raw_parts(ys.as_ptr().cast::<f64>(), ys.len()),
                )
            };
            let mut start = 0;
            while start < n {
                let len = piece.min(n - start);
                f(what, &xs[start..start + len], &ys[start..start + len]);
                start += len;
            }
            return;
        }
    }
    let mut xb = [0f64; BLOCK];
    let mut yb = [0f64; BLOCK];
    let mut start = 0;
    while start < n {
        let len = BLOCK.min(n - start);
        let xs = x.subvector(start, len);
        let ys = y.subvector(start, len);
        // A Scalar is f32 or f64: no complex tag reaches here.
        if T::DTYPE == DType::F64 {
            for (i, (a, b)) in xb[..len].iter_mut().zip(&mut yb[..len]).enumerate() {
                *a = xs.get(i).as_f64();
                *b = ys.get(i).as_f64();
            }
            f(what, &xb[..len], &yb[..len]);
        } else {
            // Products of two f32 are exact in f64, so every f32
            // reduction becomes an exact sum of f64 values.
            for (i, v) in xb[..len].iter_mut().enumerate() {
                let a = xs.get(i).as_f64();
                *v = match what {
                    Reduction::Sum => a,
                    Reduction::Asum => a.abs(),
                    Reduction::Dot => a * ys.get(i).as_f64(),
                    Reduction::SumSq => a * a,
                };
            }
            f(Reduction::Sum, &xb[..len], &xb[..len]);
        }
        start += len;
    }
}

/// One block of `f64` data (at most [`BLOCK`] elements) on the portable
/// path, compiled for the given instruction-set level.
fn block_f64(level: CpuLevel, what: Reduction, x: &[f64], y: &[f64], acc: &mut ExactSum) {
    #[cfg(target_arch = "x86_64")]
    let done = {
        #[target_feature(enable = "avx2,fma")]
        fn avx2(what: Reduction, x: &[f64], y: &[f64], acc: &mut ExactSum) -> bool {
            block_kind(what, x, y, acc)
        }
        match level {
            // SAFETY: the level is clamped to what this CPU was detected to
            // support (AVX-512 data never comes here; it streams).
            CpuLevel::Avx2Fma | CpuLevel::Avx512F => unsafe { avx2(what, x, y, acc) },
            CpuLevel::Generic => block_kind(what, x, y, acc),
        }
    };
    #[cfg(not(target_arch = "x86_64"))]
    let done = {
        let _ = level;
        block_kind(what, x, y, acc)
    };
    if !done {
        block_slow(what, x, y, acc);
    }
}

/// The long-accumulator path, element by element (any data).
fn block_slow(what: Reduction, x: &[f64], y: &[f64], acc: &mut ExactSum) {
    acc.add_reduction(what, VecRef::from_slice(x), VecRef::from_slice(y));
}

/// `2^e` for a normal exponent.
#[inline(always)]
fn pow2(e: i32) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// Exponent of a positive normal number.
#[inline(always)]
fn exponent(v: f64) -> i32 {
    ((v.to_bits() >> 52) & 0x7ff) as i32 - 1023
}

/// Three bins of [`LANES`] lanes.
struct Bins {
    start: [f64; 3],
    bins: [[f64; LANES]; 3],
}

impl Bins {
    #[inline(always)]
    fn new(top: i32) -> Bins {
        let start = [
            1.5 * pow2(top),
            1.5 * pow2(top - BIN_WIDTH),
            1.5 * pow2(top - 2 * BIN_WIDTH),
        ];
        Bins {
            start,
            bins: [[start[0]; LANES], [start[1]; LANES], [start[2]; LANES]],
        }
    }

    /// Deposits `v` (one value per lane) into bins `first..3`; returns what
    /// is left below the last bin (exactly).
    #[inline(always)]
    fn deposit(&mut self, first: usize, v: &[f64; LANES]) -> [f64; LANES] {
        let mut r = *v;
        for bin in &mut self.bins[first..] {
            for (s, r) in bin.iter_mut().zip(&mut r) {
                let t = *s + *r;
                let q = t - *s;
                *s = t;
                *r -= q;
            }
        }
        r
    }

    /// Adds the bins to the long accumulator. `top` is bin 0's exponent.
    #[inline(always)]
    fn flush(&self, top: i32, acc: &mut ExactSum) {
        for k in 0..3 {
            let b = top - k as i32 * BIN_WIDTH;
            // Each bin moved by a multiple of its last bit 2^(b-52), by less
            // than 2^(b-1): an integer below 2^51 in units of that bit.
            // Scale by 2^(52-b) in two exact steps (one may be out of range).
            let half = (52 - b) / 2;
            let (s1, s2) = (pow2(half), pow2(52 - b - half));
            let mut total = 0i64;
            for l in 0..LANES {
                total += ((self.bins[k][l] - self.start[k]) * s1 * s2) as i64;
            }
            acc.add_scaled_i64(total, b - 52);
        }
    }
}

/// Adds the lanes of residuals that are not zero (exactly).
#[inline(always)]
fn add_residuals(r: &[f64; LANES], e: &[f64; LANES], acc: &mut ExactSum) {
    let mut bits = [0u64; LANES];
    for l in 0..LANES {
        bits[l] = r[l].to_bits() | e[l].to_bits();
    }
    if bits.iter().fold(0, |a, &b| a | b) != 0 {
        r.iter().chain(e).for_each(|&v| acc.add_f64(v));
    }
}

/// [`block_body`] compiled separately for each reduction, so that no branch
/// on `what` is left in the loops.
#[inline(always)]
fn block_kind(what: Reduction, x: &[f64], y: &[f64], acc: &mut ExactSum) -> bool {
    match what {
        Reduction::Sum => block_body::<SUM>(x, y, acc),
        Reduction::Asum => block_body::<ASUM>(x, y, acc),
        Reduction::Dot => block_body::<DOT>(x, y, acc),
        Reduction::SumSq => block_body::<SUMSQ>(x, y, acc),
    }
}

const SUM: u8 = 0;
const ASUM: u8 = 1;
const DOT: u8 = 2;
const SUMSQ: u8 = 3;

/// The value reduction `what` sums for elements `a` (of x) and `b` (of y).
#[inline(always)]
fn value<const KIND: u8>(a: f64, b: f64) -> f64 {
    match KIND {
        SUM => a,
        ASUM => a.abs(),
        _ => a * b,
    }
}

/// Deposits one chunk of [`LANES`] elements (`products`: also their FMA
/// error terms). No closures here: they would not inherit the caller's
/// target features.
#[inline(always)]
fn deposit_chunk<const KIND: u8>(xc: &[f64], yc: &[f64], bins: &mut Bins, acc: &mut ExactSum) {
    let mut v = [0f64; LANES];
    for l in 0..LANES {
        v[l] = value::<KIND>(xc[l], yc[l]);
    }
    let rv = bins.deposit(0, &v);
    let mut re = [0f64; LANES];
    if KIND == DOT || KIND == SUMSQ {
        let mut e = [0f64; LANES];
        for l in 0..LANES {
            e[l] = xc[l].mul_add(yc[l], -v[l]);
        }
        re = bins.deposit(1, &e);
    }
    add_residuals(&rv, &re, acc);
}

/// The fast path for one block; `false` if the block must be done by the
/// long accumulator instead (nothing was added to `acc` then).
#[inline(always)]
fn block_body<const KIND: u8>(x: &[f64], y: &[f64], acc: &mut ExactSum) -> bool {
    let products = KIND == DOT || KIND == SUMSQ;
    let y = if KIND == DOT { y } else { x };
    let n = x.len();
    let full = n / LANES * LANES;
    let tiny_product = pow2(TINY_PRODUCT_EXPONENT);

    // Pass 1: the block's largest magnitude; `v * 0` turns NaN and infinities
    // into NaN in `special`; for products, whether a product of two nonzero
    // numbers is so small that its FMA error term may have lost bits.
    let mut max = [0f64; LANES];
    let mut special = [0f64; LANES];
    // 1.0 in a lane that met a tiny product of nonzero factors.
    let mut tiny = [0f64; LANES];
    for (xc, yc) in x[..full]
        .chunks_exact(LANES)
        .zip(y[..full].chunks_exact(LANES))
    {
        for l in 0..LANES {
            let v = value::<KIND>(xc[l], yc[l]);
            max[l] = max[l].max(v.abs());
            special[l] = v.mul_add(0.0, special[l]);
            if products && v.abs() < tiny_product && xc[l] != 0.0 && yc[l] != 0.0 {
                tiny[l] = 1.0;
            }
        }
    }
    let mut m = max.iter().fold(0f64, |a, &b| a.max(b));
    let mut ok = special.iter().chain(&tiny).all(|&s| s == 0.0);
    for i in full..n {
        let v = value::<KIND>(x[i], y[i]);
        m = m.max(v.abs());
        ok &= v * 0.0 == 0.0;
        ok &= !(products && v.abs() < tiny_product && x[i] != 0.0 && y[i] != 0.0);
    }
    if !(ok && m >= pow2(MIN_BLOCK_EXPONENT) && m < pow2(MAX_BLOCK_EXPONENT + 1)) {
        return false;
    }
    let top = exponent(m) + HEADROOM + 1;

    // Pass 2: deposit; the rare bits below the last bin go to `acc` directly.
    let mut bins = Bins::new(top);
    for (xc, yc) in x[..full]
        .chunks_exact(LANES)
        .zip(y[..full].chunks_exact(LANES))
    {
        deposit_chunk::<KIND>(xc, yc, &mut bins, acc);
    }
    if full < n {
        let mut xt = [0f64; LANES];
        let mut yt = [0f64; LANES];
        xt[..n - full].copy_from_slice(&x[full..]);
        yt[..n - full].copy_from_slice(&y[full..]);
        deposit_chunk::<KIND>(&xt, &yt, &mut bins, acc);
    }
    bins.flush(top, acc);
    true
}

/// The AVX-512 path: the same binned deposits, in one streaming pass.
///
/// The portable path reads every block twice (once for its maximum). Here
/// the bins' position (`top`, bin 0's exponent) is kept from chunk to chunk.
///
/// *Flagged stretches* (the fast path). Up to the end of the current
/// segment (below), chunks are deposited with no test at all: ten vector
/// operations per register for products (four for sums), against 12.5 with
/// the range test below, on the two ports that take them. The steps that may
/// round (the product `p = fl(x y)`, and `t = S + v` in each deposit) do so
/// with exceptions suppressed (EVEX "round to nearest, suppress all
/// exceptions"); every other step (`q = t - S`, `v - q`, the error term
/// `fma(x, y, -p)`, the plain adds of remainders into bins 1 and 2) must be
/// exact, and is, unless the stretch met something the bins cannot hold
/// exactly (a value too small for them, an error term that underflowed, an
/// infinity meeting its opposite): then it raises the inexact or invalid
/// flag (the MXCSR's flags are cleared before the stretch and read after
/// it; the caller's are restored at the end). NaNs, infinities and
/// overflow (and values far over the bound) leave the bins out of place
/// instead. So a stretch stands when no flag was raised and every bin ends
/// within `2^(b_k - 2)` of its start: every value went in exactly, whatever
/// its range (the bins may even leave their binades in between; only the
/// end value becomes an integer), and the rest of the segment, however it
/// is done, moves the bins by less than that again, so they are in their
/// binades at the flush. Otherwise the bins go back to where the stretch
/// began, and its chunks are done one at a time as below (as are a few
/// segments after it when stretches keep failing, and the last partial
/// chunk). The compiler cannot move the stretch's operations out of the
/// window between clearing and reading the flags: the loads depend on
/// pointers that pass through the clearing instruction, and the reading
/// one takes the bins as inputs.
///
/// *Chunk by chunk* (the careful path). Before a chunk of 16 values is
/// deposited, each value
/// must lie in the range `L <= |v| < B`, `B = 2^(top - HEADROOM)`, `L =
/// 2^(top - BIN_WIDTH)`, tested with one unsigned comparison per register on
/// the bits of `|v|` (`bits << 1` drops the sign and orders magnitudes, with
/// infinities and NaNs above every finite value; subtracting `L`'s key
/// wraps everything below `L`, zero included, to the top). A chunk outside
/// the range takes a slower branch:
///
/// * zeros that are products of a zero factor are harmless, and values
///   below `L` are deposited with the full remainder test (below);
/// * anything over `B` (or the first chunk) moves the bins up: they are
///   flushed and a new `top` is taken from the largest value of the next
///   [`LOOKAHEAD`] elements; NaNs, infinities, overflowing products and
///   products that underflowed to zero send their chunk to the long
///   accumulator instead.
///
/// When many chunks of a segment needed that branch or left remainders, the
/// segment's largest value is looked up and the bins move down if it fell
/// [`RETOP_SLACK`] binades below the bound.
///
/// Per bin, as on the portable path (`t = S + v`, then `q = t - S` and
/// `v - q` are exact because `|v| < |S|`), with the deposit counts
/// re-derived for this layout: bin `k` starts at `1.5 * 2^b_k`, `b_k = top -
/// 43 k`, and must stay inside `[2^b_k, 2^(b_k + 1))`, so its drift must stay
/// below `2^(b_k - 1)`. A flush comes every [`SEGMENT_CHUNKS`] chunks, so
/// each of the 16 lanes makes `N = 128` deposits per bin per segment (two
/// into bin 1 for products):
///
/// * bin 0 takes values `|v| < B = 2^(b_0 - 9)`; the rounded part is at most
///   `B` (a multiple of the bin's last bit), so the drift is below
///   `N * 2^(b_0 - 9) = 2^(b_0 - 2)`;
/// * bin 1 takes the remainders of bin 0 (at most half its last bit,
///   `2^(b_0 - 53) = 2^(b_1 - 10)`) and for products the FMA error terms
///   `|e| <= ulp(p) / 2 <= 2^(b_0 - 10 - 53) = 2^(b_1 - 20)`: a drift below
///   `N * (2^(b_1 - 10) + 2^(b_1 - 20)) < 2^(b_1 - 2)`;
/// * bin 2 (products only) takes the remainders of the error terms in bin 1,
///   at most `2^(b_1 - 53) = 2^(b_2 - 10)`: below `2^(b_2 - 3)`.
///
/// Values (products) go into bins 0 and 1, the error terms into 1 and 2. A
/// value `|v| >= L = 2^(b_1 + 9)` is a multiple of bin 1's last bit
/// `2^(b_1 - 52)`, so nothing of it is left after bin 1 and only the error
/// terms' remainders after bin 2 need testing (`r != q` at the last bin);
/// for chunks with values below `L` the values' remainders after bin 1 are
/// tested too. The remainders that are not zero go to the long accumulator,
/// exactly (they are floats): data with a wide dynamic range stays exact,
/// only slower.
///
/// Underflow: a product of nonzero factors below `2^-969` may have lost bits
/// of its error term. Since `top >= MIN_TOP`, such a product lies below `L`,
/// and below bin 1's last bit, so when it is not zero it leaves a remainder
/// after bin 1, and the remainder path then adds `x*y - p - e` to the
/// accumulator as well (all exact there). One that underflowed to zero is
/// caught by the range test, and its chunk goes to the long accumulator.
///
/// Flushing turns each bin into an integer in units of its last bit with one
/// integer subtraction (`bits(S) - bits(start)`, exact as both lie in the
/// same binade), added to per-lane `i64`s: each flush adds less than `2^51`,
/// so after [`COMMIT_FLUSHES`] = 256 flushes a lane is below `2^59` and the
/// 16 lanes of a bin below `2^63`; they are then (or when `top` moves, and
/// at the end) added to the long accumulator.
// AVX-512 intrinsics are stable since Rust 1.89 (the workspace's
// rust-version), as is the `avx512f` target feature.
#[cfg(target_arch = "x86_64")]
pub(crate) mod avx512 {
    use super::{
        block_slow, exponent, pow2, value, ASUM, BIN_WIDTH, DOT, HEADROOM, SUM, SUMSQ,
        TINY_PRODUCT_EXPONENT,
    };
    use oxpar_core::exact::{ExactSum, Reduction};
    use std::arch::asm;
    use std::arch::x86_64::*;

    /// Elements per chunk: two registers of eight `f64`.
    const CHUNK: usize = 16;

    /// Chunks between two flushes (see the module documentation).
    const SEGMENT_CHUNKS: u32 = 128;

    /// Flushes between two commits of the integer lanes.
    const COMMIT_FLUSHES: u32 = 256;

    /// Elements scanned for the largest value when the bins move up.
    const LOOKAHEAD: usize = 512;

    /// Largest `top`: bin 0 must be finite.
    const MAX_TOP: i32 = 1023;

    /// Smallest `top`: bin 1's last bit, `2^(top - BIN_WIDTH - 52)`, must be
    /// above `2^TINY_PRODUCT_EXPONENT` (see the module documentation); bins
    /// 1 and 2 are then normal numbers too.
    const MIN_TOP: i32 = TINY_PRODUCT_EXPONENT + 1 + BIN_WIDTH + 52;

    /// How far (in binades) a segment's maximum must fall below the bound
    /// before the bins move down.
    const RETOP_SLACK: i32 = 6;

    /// Chunks of a segment that took the slow branch or left remainders
    /// before the segment's maximum is looked at.
    const RETOP_CHUNKS: u32 = SEGMENT_CHUNKS / 8;

    /// Binades from `L` to `B` for products: `L = 2^(top - 25)`. The error
    /// term of a product `|p| >= 2^(top - 33)` is a multiple of
    /// `2^(exponent(p) - 105)`, so of bin 2's last bit
    /// `2^(top - 2 BIN_WIDTH - 52)` (and `p` of bin 1's); 16 is the largest
    /// power of two up to `33 - HEADROOM = 24`.
    const PRODUCT_RANGE: u32 = 16;

    /// Binades from `L` to `B` for sums: `L = 2^(top - 41)`. A value `|v| >=
    /// 2^(top - 43)` is a multiple of bin 1's last bit
    /// `2^(top - BIN_WIDTH - 52)`; 32 is the largest power of two up to
    /// `43 - HEADROOM = 34`.
    const SUM_RANGE: u32 = 32;

    /// `top` before the first chunk.
    const NO_TOP: i32 = i32::MIN;

    /// The bins and their integer lanes, kept across blocks. Register `j`
    /// holds lanes `8 (j % 2)..` of bin `j / 2`.
    pub(super) struct Stream {
        top: i32,
        bins: [[f64; 8]; 6],
        ints: [[i64; 8]; 6],
        chunks_left: u32,
        flushes: u32,
        /// Chunks of this segment that were slow (see [`RETOP_CHUNKS`]).
        slow_chunks: u32,
        /// Chunks still to be done one at a time after a flagged stretch
        /// failed (kept across pieces: strided data comes a block at a time).
        careful: u32,
        /// Flagged stretches that failed in a row.
        fails: u32,
    }

    impl Stream {
        pub(super) fn new() -> Stream {
            Stream {
                top: NO_TOP,
                bins: [[0.0; 8]; 6],
                ints: [[0; 8]; 6],
                chunks_left: SEGMENT_CHUNKS,
                flushes: 0,
                slow_chunks: 0,
                careful: 0,
                fails: 0,
            }
        }

        /// Adds the reduction of `x` (and `y`) into the bins and `acc`.
        pub(super) fn run(&mut self, what: Reduction, x: &[f64], y: &[f64], acc: &mut ExactSum) {
            assert!(y.len() >= x.len() || !what.needs_y());
            // SAFETY: a `Stream` is only made on the AVX-512 level, which is
            // clamped to what this CPU was detected to support.
            unsafe {
                match what {
                    Reduction::Sum => run::<SUM>(self, x, y, acc),
                    Reduction::Asum => run::<ASUM>(self, x, y, acc),
                    Reduction::Dot => run::<DOT>(self, x, y, acc),
                    Reduction::SumSq => run::<SUMSQ>(self, x, y, acc),
                }
            }
        }

        /// Adds what the bins hold to `acc`.
        pub(super) fn finish(&mut self, acc: &mut ExactSum) {
            self.flush();
            self.commit(acc);
        }

        /// The start value of bin `k`.
        fn start(&self, k: usize) -> f64 {
            1.5 * pow2(self.top - k as i32 * BIN_WIDTH)
        }

        /// The range test's constants: the bits of `L`, and the mask of the
        /// bits that must be clear in `bits(v) - bits(L)` (its sign bit aside)
        /// for `L <= |v| < B`: `B / L` is a power of two, `2^RANGE`, so the
        /// difference, less than `RANGE << 52` just when `v` is in range,
        /// must have no bit set from bit `52 + log2(RANGE)` up. Also the
        /// bound `B`'s key, for telling what failed.
        fn range_test(&self, products: bool) -> (u64, u64, u64) {
            let range = if products { PRODUCT_RANGE } else { SUM_RANGE };
            let b = pow2(self.top - HEADROOM).to_bits();
            let l = pow2(self.top - HEADROOM - range as i32).to_bits();
            debug_assert_eq!(b - l, (range as u64) << 52);
            let mask = (u64::MAX >> 1) & !(((range as u64) << 52) - 1);
            (l, mask, b << 1)
        }

        /// Moves the bins into the integer lanes (exact: see the module
        /// documentation) and restarts them.
        fn flush(&mut self) {
            if self.top == NO_TOP {
                return;
            }
            for j in 0..6 {
                let s = self.start(j / 2);
                for l in 0..8 {
                    self.ints[j][l] += self.bins[j][l].to_bits() as i64 - s.to_bits() as i64;
                    self.bins[j][l] = s;
                }
            }
            self.flushes += 1;
            self.chunks_left = SEGMENT_CHUNKS;
        }

        /// Adds the integer lanes to `acc` and clears them.
        fn commit(&mut self, acc: &mut ExactSum) {
            if self.top == NO_TOP {
                return;
            }
            for k in 0..3 {
                let mut total = 0i64;
                for j in [2 * k, 2 * k + 1] {
                    total += self.ints[j].iter().sum::<i64>();
                    self.ints[j] = [0; 8];
                }
                acc.add_scaled_i64(total, self.top - k as i32 * BIN_WIDTH - 52);
            }
            self.flushes = 0;
        }

        /// Moves the bins to `top`, emptying them into `acc` first.
        fn retop(&mut self, top: i32, acc: &mut ExactSum) {
            self.flush();
            self.commit(acc);
            self.top = top;
            for j in 0..6 {
                self.bins[j] = [self.start(j / 2); 8];
            }
            self.chunks_left = SEGMENT_CHUNKS;
            self.flushes = 0;
            self.slow_chunks = 0;
        }

        /// A chunk (the first [`CHUNK`] elements of `x`, `y`; fewer at the
        /// end) holding a value over the bound or a zero product of nonzero
        /// factors. Returns whether it is to be deposited (the bins may have
        /// moved), or `false` if it was added to `acc` directly.
        #[cold]
        #[inline(never)]
        fn bad_chunk<const KIND: u8>(&mut self, x: &[f64], y: &[f64], acc: &mut ExactSum) -> bool {
            let products = KIND == DOT || KIND == SUMSQ;
            let len = x.len().min(CHUNK);
            let (xc, yc) = (&x[..len], &y[..len]);
            let mut cmax = 0f64;
            let mut slow = false;
            for (&a, &b) in xc.iter().zip(yc) {
                let v = value::<KIND>(a, b);
                slow |= !v.is_finite() || (products && v == 0.0 && a != 0.0 && b != 0.0);
                cmax = cmax.max(v.abs());
            }
            if slow || exponent(cmax) + HEADROOM + 1 > MAX_TOP {
                block_slow(reduction::<KIND>(), xc, yc, acc);
                return false;
            }
            if self.top != NO_TOP && cmax < pow2(self.top - HEADROOM) {
                return true;
            }
            // Move the bins to the largest finite value ahead.
            let ahead = x.len().min(LOOKAHEAD);
            // SAFETY: as in `run`, which alone makes these calls.
            let m = unsafe { finite_max::<KIND>(&x[..ahead], &y[..ahead]) };
            self.retop((exponent(m) + HEADROOM + 1).clamp(MIN_TOP, MAX_TOP), acc);
            true
        }

        /// At a flush after many slow chunks: moves the bins down if the
        /// largest value of `x` (and `y`), the segment just done, fell far
        /// below them.
        #[cold]
        #[inline(never)]
        fn maybe_lower<const KIND: u8>(&mut self, x: &[f64], y: &[f64], acc: &mut ExactSum) {
            // SAFETY: as in `run`, which alone makes these calls.
            let m = unsafe { finite_max::<KIND>(x, y) };
            if m > 0.0 {
                let top = (exponent(m) + HEADROOM + 1).max(MIN_TOP);
                if top <= self.top - RETOP_SLACK {
                    self.retop(top, acc);
                }
            }
        }
    }

    /// The reduction of kernel `KIND`.
    fn reduction<const KIND: u8>() -> Reduction {
        match KIND {
            SUM => Reduction::Sum,
            ASUM => Reduction::Asum,
            DOT => Reduction::Dot,
            _ => Reduction::SumSq,
        }
    }

    /// The remainders of a chunk that are not zero, added exactly to `acc`.
    /// `vals` holds, for each of the 16 lanes: x, y, the value (product),
    /// its error term, the remainder after bin 0 and its part taken by bin
    /// 1, the error term's remainder after bin 1 and its part taken by bin
    /// 2 (zeros for what was not computed).
    #[cold]
    #[inline(never)]
    fn remainders<const KIND: u8>(vals: &[[f64; CHUNK]; 8], acc: &mut ExactSum) {
        let products = KIND == DOT || KIND == SUMSQ;
        let [x, y, v, e, r0, q1, r1, q2] = vals;
        for l in 0..CHUNK {
            let rv = r0[l] - q1[l];
            let re = r1[l] - q2[l];
            if rv == 0.0 && re == 0.0 {
                continue;
            }
            if products && v[l].abs() < pow2(TINY_PRODUCT_EXPONENT) {
                // The error term may be inexact: the bins hold `v + e` less
                // the remainders; make that `x * y`.
                acc.add_product_f64(x[l], y[l]);
                acc.add_f64(-v[l]);
                acc.add_f64(-e[l]);
            }
            acc.add_f64(rv);
            acc.add_f64(re);
        }
    }

    /// The largest finite `|value|` of `x` (and `y`), 0 if none.
    ///
    /// # Safety
    /// The CPU must support AVX-512F, AVX2 and FMA; `y` as long as `x`.
    #[target_feature(enable = "avx512f,avx2,fma")]
    unsafe fn finite_max<const KIND: u8>(x: &[f64], y: &[f64]) -> f64 {
        let inf = _mm512_set1_epi64((f64::INFINITY.to_bits() << 1) as i64);
        let mut m = _mm512_setzero_si512();
        let full = x.len() / 8 * 8;
        let mut i = 0;
        while i < full {
            // SAFETY: `i + 8 <= full <= x.len() == y.len()`.
            let (xv, yv) = unsafe {
                (
                    _mm512_loadu_pd(x.as_ptr().add(i)),
                    _mm512_loadu_pd(y.as_ptr().add(i)),
                )
            };
            let v = values::<KIND>([xv, xv], [yv, yv])[0];
            let u = _mm512_slli_epi64::<1>(_mm512_castpd_si512(v));
            m = _mm512_mask_max_epu64(m, _mm512_cmplt_epu64_mask(u, inf), m, u);
            i += 8;
        }
        let mut best = f64::from_bits(_mm512_reduce_max_epu64(m) >> 1);
        for (&a, &b) in x[full..].iter().zip(&y[full..]) {
            let v = value::<KIND>(a, b).abs();
            if v.is_finite() {
                best = best.max(v);
            }
        }
        best
    }

    /// The values of a chunk, as two registers.
    #[target_feature(enable = "avx512f,avx2,fma")]
    #[inline]
    fn values<const KIND: u8>(x: [__m512d; 2], y: [__m512d; 2]) -> [__m512d; 2] {
        match KIND {
            SUM => x,
            ASUM => {
                let abs = _mm512_set1_epi64(i64::MAX);
                let a = _mm512_and_si512(_mm512_castpd_si512(x[0]), abs);
                let b = _mm512_and_si512(_mm512_castpd_si512(x[1]), abs);
                [_mm512_castsi512_pd(a), _mm512_castsi512_pd(b)]
            }
            _ => [_mm512_mul_pd(x[0], y[0]), _mm512_mul_pd(x[1], y[1])],
        }
    }

    /// The magnitude key of each value: its bits shifted left by one.
    #[target_feature(enable = "avx512f,avx2,fma")]
    #[inline]
    fn key(v: __m512d) -> __m512i {
        _mm512_slli_epi64::<1>(_mm512_castpd_si512(v))
    }

    /// Deposits `v` into the bin `s`; returns the part it took (exact).
    #[target_feature(enable = "avx512f,avx2,fma")]
    #[inline]
    fn bin_add(s: &mut __m512d, v: __m512d, one: __m512d) -> __m512d {
        let t = _mm512_add_pd(*s, v);
        let q = _mm512_fmsub_pd(t, one, *s);
        *s = t;
        q
    }

    /// The registers of a chunk the remainder path needs: the value's
    /// error term, the value's remainder after bin 0 and bin 1's part of it,
    /// the error term's remainder after bin 1 and bin 2's part of it.
    type Parts = [[__m512d; 2]; 5];

    /// Deposits a chunk's values `v` (of `x`, `y`) into the bins `b`.
    ///
    /// `FULL`: some values may lie below `L`; returns the lanes that left a
    /// remainder, and the parts to find it. Otherwise every value is in
    /// range and nothing is left (see the module documentation), so nothing
    /// is tested.
    #[target_feature(enable = "avx512f,avx2,fma")]
    #[inline]
    fn deposit<const KIND: u8, const FULL: bool>(
        b: &mut [__m512d; 6],
        v: [__m512d; 2],
        x: [__m512d; 2],
        y: [__m512d; 2],
        one: __m512d,
    ) -> (u8, Parts) {
        let products = KIND == DOT || KIND == SUMSQ;
        let mut p = [[_mm512_setzero_pd(); 2]; 5];
        let mut left = 0u8;
        for h in 0..2 {
            let q0 = bin_add(&mut b[h], v[h], one);
            let r0 = _mm512_fnmadd_pd(q0, one, v[h]);
            if FULL {
                let q1 = bin_add(&mut b[2 + h], r0, one);
                left |= _mm512_cmpneq_pd_mask(r0, q1);
                p[1][h] = r0;
                p[2][h] = q1;
            } else {
                b[2 + h] = _mm512_add_pd(b[2 + h], r0);
            }
            if products {
                let e = _mm512_fmsub_pd(x[h], y[h], v[h]);
                let qe = bin_add(&mut b[2 + h], e, one);
                let r1 = _mm512_sub_pd(e, qe);
                if FULL {
                    let q2 = bin_add(&mut b[4 + h], r1, one);
                    left |= _mm512_cmpneq_pd_mask(r1, q2);
                    p[0][h] = e;
                    p[3][h] = r1;
                    p[4][h] = q2;
                } else {
                    b[4 + h] = _mm512_add_pd(b[4 + h], r1);
                }
            }
        }
        (left, p)
    }

    /// Rounding control for the steps of [`deposit_flagged`] that may round:
    /// to nearest, with exceptions suppressed (they raise no flags).
    pub(crate) const SAE: i32 = _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC;

    /// MXCSR's exception flags, all but the denormal-operand one (denormal
    /// inputs are no trouble as long as nothing rounds).
    pub(crate) const RAISED: u32 = 0x3d;

    /// The MXCSR register.
    #[inline(always)]
    pub(crate) fn mxcsr() -> u32 {
        let mut csr = 0u32;
        // SAFETY: stores the register into `csr`.
        unsafe {
            asm!("stmxcsr [{p}]", p = in(reg) &mut csr, options(nostack, preserves_flags));
        }
        csr
    }

    /// Sets the MXCSR register (as [`mxcsr`] read it: same modes).
    #[inline(always)]
    pub(crate) fn set_mxcsr(csr: u32) {
        // SAFETY: loads `csr`, a value read from the register, into it.
        unsafe {
            asm!("ldmxcsr [{p}]", p = in(reg) &csr, options(nostack, preserves_flags, readonly));
        }
    }

    /// Clears the exception flags of `csr` (the MXCSR), and returns `px`
    /// and `py` as if the instruction had changed them: loads through the
    /// returned pointers, and everything computed from them, cannot be
    /// moved before the clearing by the compiler.
    ///
    /// # Safety
    /// `csr` must be the MXCSR as [`mxcsr`] read it.
    #[inline(always)]
    pub(crate) unsafe fn clear_flags(
        csr: u32,
        px: *const f64,
        py: *const f64,
    ) -> (*const f64, *const f64) {
        let cleared = csr & !0x3f;
        let (mut px, mut py) = (px, py);
        // SAFETY: the caller's; the pointers are not touched.
        unsafe {
            asm!(
                "ldmxcsr [{c}]",
                "# {px} {py}",
                c = in(reg) &cleared,
                px = inout(reg) px,
                py = inout(reg) py,
                options(nostack, preserves_flags, readonly),
            );
        }
        (px, py)
    }

    /// The exception flags ([`RAISED`]) set since [`clear_flags`], read
    /// once every operation that went into the bins `b` is done (they are
    /// the instruction's inputs, so the compiler cannot move any of those
    /// operations past it; the CPU reads the flags in program order).
    #[target_feature(enable = "avx512f,avx2,fma")]
    #[inline]
    fn flags_after(b: &[__m512d; 6]) -> u32 {
        let mut csr = 0u32;
        // SAFETY: stores the MXCSR into `csr`; the bins are only named.
        unsafe {
            asm!(
                "stmxcsr [{p}]",
                "# {b0} {b1} {b2} {b3} {b4} {b5}",
                p = in(reg) &mut csr,
                b0 = in(zmm_reg) b[0],
                b1 = in(zmm_reg) b[1],
                b2 = in(zmm_reg) b[2],
                b3 = in(zmm_reg) b[3],
                b4 = in(zmm_reg) b[4],
                b5 = in(zmm_reg) b[5],
                options(nostack, preserves_flags),
            );
        }
        csr & RAISED
    }

    /// Whether every bin is within `2^(b_k - 2)` of its start (so in its
    /// binade): the bits of bin `k`, less those of its start, are in
    /// `[-2^50, 2^50)` (NaNs, infinities and negative values are far out).
    /// The rest of a segment done chunk by chunk adds less than that again
    /// (see the module documentation), so the bins stay in their binades
    /// until the flush, however the segment was split between the paths.
    #[target_feature(enable = "avx512f,avx2,fma")]
    #[inline]
    fn near_start(b: &[__m512d; 6], start: &[__m512d; 3]) -> bool {
        let quarter = _mm512_set1_epi64(1 << 50);
        let width = _mm512_set1_epi64(1 << 51);
        let mut out = 0u8;
        for j in 0..6 {
            let low = _mm512_sub_epi64(_mm512_castpd_si512(start[j / 2]), quarter);
            let d = _mm512_sub_epi64(_mm512_castpd_si512(b[j]), low);
            out |= _mm512_cmpge_epu64_mask(d, width);
        }
        out == 0
    }

    /// [`deposit`] without the range test, for the flagged path: the steps
    /// that may round (the product, and `t = S + v` in each deposit) do so
    /// with exceptions suppressed; every other step must be exact, and if
    /// one is not (a value too small for the bins, a lost bit of an error
    /// term, an infinity meeting its opposite), it raises the inexact or
    /// invalid flag. So when no flag is raised and the bins end in their
    /// binades, every value went into the bins exactly, whatever its range;
    /// NaNs, infinities and overflow leave the bins out of their binades.
    /// The bins may leave their binades in between: each step is still
    /// exact (certified by the flags), and only the end value is turned into
    /// an integer.
    #[target_feature(enable = "avx512f,avx2,fma")]
    #[inline]
    fn deposit_flagged<const KIND: u8>(
        b: &mut [__m512d; 6],
        x: [__m512d; 2],
        y: [__m512d; 2],
        one: __m512d,
    ) {
        let products = KIND == DOT || KIND == SUMSQ;
        let v = if products {
            [
                _mm512_mul_round_pd::<SAE>(x[0], y[0]),
                _mm512_mul_round_pd::<SAE>(x[1], y[1]),
            ]
        } else {
            values::<KIND>(x, y)
        };
        for h in 0..2 {
            let t0 = _mm512_add_round_pd::<SAE>(b[h], v[h]);
            let q0 = _mm512_fmsub_pd(t0, one, b[h]);
            b[h] = t0;
            let r0 = _mm512_fnmadd_pd(q0, one, v[h]);
            b[2 + h] = _mm512_add_pd(b[2 + h], r0);
            if products {
                let e = _mm512_fmsub_pd(x[h], y[h], v[h]);
                let t1 = _mm512_add_round_pd::<SAE>(b[2 + h], e);
                let qe = _mm512_fmsub_pd(t1, one, b[2 + h]);
                b[2 + h] = t1;
                let r1 = _mm512_sub_pd(e, qe);
                b[4 + h] = _mm512_add_pd(b[4 + h], r1);
            }
        }
    }

    /// The kernel: deposits all of `x` (and `y`) into `st`'s bins.
    ///
    /// # Safety
    /// The CPU must support AVX-512F, AVX2 and FMA; `y` must be at least as
    /// long as `x` for [`DOT`].
    #[target_feature(enable = "avx512f,avx2,fma")]
    unsafe fn run<const KIND: u8>(st: &mut Stream, x: &[f64], y: &[f64], acc: &mut ExactSum) {
        let products = KIND == DOT || KIND == SUMSQ;
        let n = x.len();
        let y = if KIND == DOT { &y[..n] } else { x };
        let zero = _mm512_setzero_pd();
        // 1.0 hidden from the optimizer, so that `fma(t, 1, -s)` (exactly
        // `t - s`) stays an FMA: it balances the work over both kinds of
        // floating-point pipes.
        let one = _mm512_set1_pd(std::hint::black_box(1.0));
        // The last, partial chunk, padded with zeros.
        let mut pad = [[0f64; CHUNK]; 2];
        let mut b = [zero; 6];
        let mut start = [zero; 3];
        let (mut low, mut mask, mut high);
        // Reloads the bins after the scalar code changed them.
        macro_rules! load {
            () => {
                for j in 0..6 {
                    // SAFETY: `st.bins[j]` is 8 f64s.
                    b[j] = unsafe { _mm512_loadu_pd(st.bins[j].as_ptr()) };
                }
                if st.top != NO_TOP {
                    for k in 0..3 {
                        start[k] = _mm512_set1_pd(st.start(k));
                    }
                }
                let (l, m, h) = st.range_test(products);
                low = _mm512_set1_epi64(l as i64);
                mask = _mm512_set1_epi64(m as i64);
                high = _mm512_set1_epi64(h as i64);
            };
        }
        macro_rules! store {
            () => {
                for j in 0..6 {
                    // SAFETY: `st.bins[j]` is 8 f64s.
                    unsafe { _mm512_storeu_pd(st.bins[j].as_mut_ptr(), b[j]) };
                }
            };
        }
        // The end of a segment (`end`: the index after its last chunk):
        // flush, and maybe commit or move the bins down.
        macro_rules! segment_end {
            ($end:expr) => {
                let end: usize = $end;
                for j in 0..6 {
                    let p = st.ints[j].as_mut_ptr().cast::<__m512i>();
                    let s = start[j / 2];
                    let d = _mm512_sub_epi64(_mm512_castpd_si512(b[j]), _mm512_castpd_si512(s));
                    // SAFETY: `st.ints[j]` is 8 i64s.
                    unsafe { _mm512_storeu_si512(p, _mm512_add_epi64(_mm512_loadu_si512(p), d)) };
                    b[j] = s;
                }
                st.flushes += 1;
                st.chunks_left = SEGMENT_CHUNKS;
                store!();
                if st.flushes == COMMIT_FLUSHES {
                    st.commit(acc);
                }
                if st.slow_chunks >= RETOP_CHUNKS {
                    let from = end.saturating_sub(SEGMENT_CHUNKS as usize * CHUNK);
                    let to = n.min(end);
                    st.maybe_lower::<KIND>(&x[from..to], &y[from..to], acc);
                    load!();
                }
                st.slow_chunks = 0;
            };
        }
        if st.top == NO_TOP && n > 0 {
            // SAFETY: this function's own contract.
            let m = unsafe { finite_max::<KIND>(&x[..n.min(LOOKAHEAD)], &y[..n.min(LOOKAHEAD)]) };
            st.retop((exponent(m) + HEADROOM + 1).clamp(MIN_TOP, MAX_TOP), acc);
        }
        load!();
        let mut i = 0;
        // The caller's MXCSR, restored at the end (the flagged path clears
        // its exception flags).
        let csr = mxcsr();
        while i < n {
            if st.careful == 0 {
                // The flagged path: the rest of the segment (as far as whole
                // chunks go), deposited with no range test; the hardware's
                // exception flags tell whether every step that must be exact
                // was (see `deposit_flagged`), and the bins must end in their
                // binades. If not, the bins go back to what they were and
                // those chunks are redone one at a time below.
                let k = st.chunks_left.min(((n - i) / CHUNK) as u32);
                if k > 0 {
                    let saved = b;
                    // SAFETY: `i + k * CHUNK <= n`, and `y` is as long as `x`.
                    let (px, py) =
                        unsafe { clear_flags(csr, x.as_ptr().add(i), y.as_ptr().add(i)) };
                    // The chunk `c` of this stretch, loaded.
                    let chunk = |c: usize| {
                        // SAFETY: `c < k`: `(c + 1) * CHUNK <= k * CHUNK`
                        // elements from `i` are in `x` and `y`.
                        unsafe {
                            let (px, py) = (px.add(c * CHUNK), py.add(c * CHUNK));
                            (
                                [_mm512_loadu_pd(px), _mm512_loadu_pd(px.add(8))],
                                [_mm512_loadu_pd(py), _mm512_loadu_pd(py.add(8))],
                            )
                        }
                    };
                    // Two chunks a step (fewer register moves), then the
                    // odd one.
                    for c in (0..k as usize - 1).step_by(2) {
                        for c in [c, c + 1] {
                            let (xv, yv) = chunk(c);
                            deposit_flagged::<KIND>(&mut b, xv, yv, one);
                        }
                    }
                    if k % 2 == 1 {
                        let (xv, yv) = chunk(k as usize - 1);
                        deposit_flagged::<KIND>(&mut b, xv, yv, one);
                    }
                    if flags_after(&b) == 0 && near_start(&b, &start) {
                        i += k as usize * CHUNK;
                        st.chunks_left -= k;
                        st.fails = 0;
                        if st.chunks_left == 0 {
                            segment_end!(i);
                        }
                        continue;
                    }
                    b = saved;
                    // Data that keeps failing goes on chunk by chunk for a
                    // while (1, 3, 7, 15 more segments) before trying again.
                    st.careful = k + SEGMENT_CHUNKS * ((1 << st.fails) - 1);
                    st.fails = (st.fails + 1).min(4);
                }
            }
            st.careful = st.careful.saturating_sub(1);
            let (px, py) = if n - i >= CHUNK {
                (x[i..].as_ptr(), y[i..].as_ptr())
            } else {
                pad[0][..n - i].copy_from_slice(&x[i..]);
                pad[1][..n - i].copy_from_slice(&y[i..]);
                (pad[0].as_ptr(), pad[1].as_ptr())
            };
            // SAFETY: `px` and `py` point to CHUNK readable f64s: a full
            // chunk of `x` and `y`, or the padded copy of the last one.
            let (xv, yv) = unsafe {
                (
                    [_mm512_loadu_pd(px), _mm512_loadu_pd(px.add(8))],
                    [_mm512_loadu_pd(py), _mm512_loadu_pd(py.add(8))],
                )
            };
            let v = values::<KIND>(xv, yv);
            let d = [
                _mm512_sub_epi64(_mm512_castpd_si512(v[0]), low),
                _mm512_sub_epi64(_mm512_castpd_si512(v[1]), low),
            ];
            let out = _mm512_test_epi64_mask(_mm512_or_si512(d[0], d[1]), mask);
            let (left, parts) = if out == 0 {
                deposit::<KIND, false>(&mut b, v, xv, yv, one)
            } else {
                // Over the bound, or zero products of nonzero factors?
                let mut bad = 0u16;
                for h in 0..2 {
                    bad |= _mm512_cmpge_epu64_mask(key(v[h]), high) as u16;
                    if products {
                        let zero_factor =
                            _mm512_cmpeq_pd_mask(xv[h], zero) | _mm512_cmpeq_pd_mask(yv[h], zero);
                        bad |= _mm512_mask_cmpeq_pd_mask(!zero_factor, v[h], zero) as u16;
                    }
                }
                if bad != 0 {
                    store!();
                    let deposit = st.bad_chunk::<KIND>(&x[i..], &y[i..], acc);
                    load!();
                    if !deposit {
                        i += CHUNK;
                        continue;
                    }
                }
                st.slow_chunks += 1;
                deposit::<KIND, true>(&mut b, v, xv, yv, one)
            };
            if left != 0 {
                st.slow_chunks += 1;
                let mut vals = [[0f64; CHUNK]; 8];
                let regs = [xv, yv, v, parts[0], parts[1], parts[2], parts[3], parts[4]];
                for (out, r) in vals.iter_mut().zip(regs) {
                    // SAFETY: `out` is 16 f64s: two registers' worth.
                    unsafe {
                        _mm512_storeu_pd(out.as_mut_ptr(), r[0]);
                        _mm512_storeu_pd(out.as_mut_ptr().add(8), r[1]);
                    }
                }
                remainders::<KIND>(&vals, acc);
            }

            st.chunks_left -= 1;
            if st.chunks_left == 0 {
                segment_end!(i + CHUNK);
            }
            i += CHUNK;
        }
        store!();
        set_mxcsr(csr);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slow(what: Reduction, x: &[f64], y: &[f64]) -> ExactSum {
        let mut acc = ExactSum::new();
        block_slow(what, x, y, &mut acc);
        acc
    }

    fn fast(level: CpuLevel, what: Reduction, x: &[f64], y: &[f64]) -> ExactSum {
        let mut acc = ExactSum::new();
        exact_reduce_at(
            level,
            what,
            VecRef::from_slice(x),
            Some(VecRef::from_slice(y)),
            &mut acc,
        );
        acc
    }

    /// A small deterministic generator (xorshift) of awkward numbers.
    fn data(n: usize, seed: u64, binades: i32) -> Vec<f64> {
        let mut s = seed | 1;
        (0..n)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                let mant = 1.0 + (s >> 12) as f64 / (1u64 << 52) as f64;
                let e = (s % binades as u64) as i32 - binades / 2;
                let sign = if s & (1 << 5) != 0 { -1.0 } else { 1.0 };
                sign * mant * 2f64.powi(e)
            })
            .collect()
    }

    const ALL: [Reduction; 4] = [
        Reduction::Sum,
        Reduction::Asum,
        Reduction::Dot,
        Reduction::SumSq,
    ];

    /// Checks every reduction at every level against the element-by-element
    /// long accumulator, bit for bit.
    fn check(x: &[f64], y: &[f64], what_data: &str) {
        for what in ALL {
            let want = slow(what, x, y).to_words();
            for level in detect_cached().up_to() {
                assert_eq!(
                    fast(level, what, x, y).to_words(),
                    want,
                    "{what:?} {what_data} n={} {level:?}",
                    x.len()
                );
            }
        }
    }

    /// A deterministic stream of random bits (xorshift).
    struct Bits(u64);

    impl Bits {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    #[test]
    fn fast_path_is_exact() {
        for &n in &[0usize, 1, 7, 16, 17, 511, 512, 513, 2000, 4100] {
            for &binades in &[1, 20, 60, 200, 1500] {
                let x = data(n, 7 + n as u64, binades);
                let y = data(n, 99 + n as u64, binades);
                check(&x, &y, &format!("binades={binades}"));
            }
        }
    }

    /// Data built to reach every branch of the fast paths: zeros, values
    /// far below the rest (remainders), products near and below the
    /// underflow limit, overflow, NaN and infinities, magnitudes that rise
    /// and fall along the vector (the bins move), all scaled over the whole
    /// exponent range.
    #[test]
    fn fast_path_is_exact_on_awkward_data() {
        let mut bits = Bits(0x9e37_79b9_7f4a_7c15);
        for case in 0..14 {
            for (k, &scale) in [-560, -520, -490, -440, -300, 0, 300, 500, 520, 1000]
                .iter()
                .enumerate()
            {
                let n = [40, 300, 1100, 2500, 5000][(case + k) % 5];
                let mut x = data(n, 11 + case as u64, 8);
                let mut y = data(n, 23 + case as u64, 8);
                for i in 0..n {
                    let r = bits.next();
                    let (v, w) = (&mut x[i], &mut y[i]);
                    match case {
                        // Zeros in either vector, of either sign.
                        0 | 1 if r.is_multiple_of(7) => *v = if r & 8 != 0 { 0.0 } else { -0.0 },
                        1 if r % 5 == 1 => *w = 0.0,
                        // A few values far below the rest.
                        2 | 3 if r.is_multiple_of(11) => {
                            *v *= 2f64.powi(-(((r >> 8) % 120) as i32))
                        }
                        3 if r % 13 == 1 => *w *= 2f64.powi(-(((r >> 16) % 60) as i32)),
                        // Exact products (short significands), far apart.
                        4 => {
                            *v = ((r >> 40) as f64) * 2f64.powi(-(((r >> 8) % 40) as i32));
                            *w = ((r >> 50) & 0xff) as f64;
                        }
                        // Rising and falling magnitudes.
                        5 => *v *= 2f64.powi(((i / 37) % 80) as i32 - 40),
                        6 => *v *= 2f64.powi(40 - (i / 300) as i32 * 7),
                        // NaN, infinities, overflowing products.
                        7 if r.is_multiple_of(97) => *v = f64::INFINITY,
                        7 if r % 89 == 1 => *w = f64::NEG_INFINITY,
                        8 if r.is_multiple_of(101) => *v = f64::NAN,
                        8 if r % 53 == 1 => *v = 0.0,
                        9 if r.is_multiple_of(61) => *v *= 2f64.powi(700),
                        // Subnormals and the smallest products.
                        10 if r.is_multiple_of(3) => *v = f64::from_bits(r >> 20),
                        11 if r.is_multiple_of(9) => *v *= 2f64.powi(-1000),
                        // One huge value, then ordinary ones.
                        12 if i == n / 3 => *v = 1e300,
                        _ => {}
                    }
                }
                if case == 13 {
                    // Cancellation to an exact zero, in pairs.
                    for i in (1..n).step_by(2) {
                        x[i] = -x[i - 1];
                        y[i] = y[i - 1];
                    }
                }
                for v in x.iter_mut().chain(&mut y) {
                    *v *= 2f64.powi(scale);
                }
                check(&x, &y, &format!("case {case} scale {scale}"));
            }
        }
    }

    /// The AVX-512 path deposits a stretch of chunks with no test, and
    /// redoes it chunk by chunk from saved bins when one value did not go in
    /// exactly: one odd value at every position of the first chunks and
    /// around a segment's end (2048 elements), of every kind the range test
    /// of the chunk-by-chunk path rejects (far below the rest, over the
    /// bound, NaN, infinities, zeros, a product that underflows to zero).
    #[test]
    fn one_odd_value_in_a_stretch_is_exact() {
        let n = 2200;
        let x0: Vec<f64> = data(n, 17, 3);
        let y0: Vec<f64> = data(n, 19, 3);
        let positions = (0..130).chain(2048 - 70..2048 + 70);
        let odd: [(&str, f64, f64); 7] = [
            ("tiny", 1e-12, 1.0),
            ("far below", 1e-200, 1.0),
            ("huge", 1e30, 1.0),
            ("nan", f64::NAN, 1.0),
            ("inf", f64::INFINITY, -1.0),
            ("zero", 0.0, 1.0),
            ("underflow", 1e-200, 1e-200),
        ];
        for k in positions {
            for &(name, a, b) in &odd {
                let (mut x, mut y) = (x0.clone(), y0.clone());
                x[k] = a;
                y[k] *= b;
                check(&x, &y, &format!("{name} at {k}"));
            }
        }
    }

    /// A value over the bound (or NaN, or tiny) in the last chunks, full or
    /// partial, after a flagged stretch.
    #[test]
    fn odd_value_in_the_last_chunk_is_exact() {
        for n in [64, 128, 130, 143, 144, 200, 2048, 2063] {
            let x0 = data(n, 29, 4);
            let y0 = data(n, 31, 4);
            for k in [n - 1, n - 2, n - n % 16 - 1, n.saturating_sub(17)] {
                for v in [1e40, f64::NAN, 1e-30] {
                    let mut x = x0.clone();
                    x[k] = v;
                    check(&x, &y0, &format!("{v} at {k}"));
                }
            }
        }
    }

    /// Values over the bound in the AVX-512 path's flagged stretches: they
    /// move the bins far (out of their binades and back, or close to the
    /// edge), and the chunks after them in the segment may be done chunk by
    /// chunk (strided data comes in pieces of a block; a tiny value sends
    /// the rest of its piece down that path). Bin 0 starts at `1.5 * 2^10`
    /// here (values near 1 at the start), `B = 2`.
    #[test]
    fn big_values_between_the_paths_are_exact() {
        let n = 4 * BLOCK + 100;
        let base = data(n, 47, 1);
        let y = vec![1.0; 2 * n];
        // Per piece of BLOCK: a value for its elements, and where a tiny one
        // goes (none if `usize::MAX`).
        let layouts: [[(f64, usize); 4]; 5] = [
            // Drifts to 1.94 * 2^10 (a quarter is the limit), then values
            // just under the bound, chunk by chunk: past 2^11 unless the
            // drift was caught.
            [
                (1.0, usize::MAX),
                (14.2, usize::MAX),
                (1.99, 100),
                (1.0, usize::MAX),
            ],
            [(1.0, usize::MAX), (7.0, usize::MAX), (7.0, 3), (1.99, 5)],
            // Up and back down within a piece and across pieces.
            [
                (1.0, usize::MAX),
                (40.0, usize::MAX),
                (-40.0, usize::MAX),
                (1.0, 7),
            ],
            [
                (1.0, usize::MAX),
                (-14.2, 9),
                (-1.99, usize::MAX),
                (1.0, usize::MAX),
            ],
            [
                (1.0, 0),
                (300.0, usize::MAX),
                (-300.0, 511),
                (1.0, usize::MAX),
            ],
        ];
        for (case, layout) in layouts.iter().enumerate() {
            let mut xs = base.clone();
            for (piece, &(v, tiny)) in layout.iter().enumerate() {
                for (i, x) in xs[piece * BLOCK..(piece + 1) * BLOCK]
                    .iter_mut()
                    .enumerate()
                {
                    if piece > 0 {
                        *x = v * (1.0 + (i % 7) as f64 * 2f64.powi(-40));
                    }
                    if i == tiny {
                        *x = 1e-30;
                    }
                }
            }
            // Contiguous (one piece) and strided (pieces of BLOCK).
            let x2: Vec<f64> = xs.iter().flat_map(|&v| [v, 0.5]).collect();
            for what in ALL {
                let want = slow(what, &xs, &y[..n]).to_words();
                for level in detect_cached().up_to() {
                    let got = fast(level, what, &xs, &y[..n]).to_words();
                    assert_eq!(got, want, "case {case} {what:?} {level:?}");
                    let mut acc = ExactSum::new();
                    exact_reduce_at(
                        level,
                        what,
                        VecRef::from_blas(&x2, n, 2).unwrap(),
                        Some(VecRef::from_blas(&y, n, 2).unwrap()),
                        &mut acc,
                    );
                    assert_eq!(
                        acc.to_words(),
                        want,
                        "strided case {case} {what:?} {level:?}"
                    );
                }
            }
        }
    }

    /// The AVX-512 path clears the exception flags for its flagged
    /// stretches: the flags the caller had raised must stay raised.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn exception_flags_are_left_alone() {
        fn mxcsr() -> u32 {
            let mut csr = 0u32;
            // SAFETY: stores the register into `csr`.
            unsafe { std::arch::asm!("stmxcsr [{p}]", p = in(reg) &mut csr) };
            csr
        }
        fn set_mxcsr(csr: u32) {
            // SAFETY: the value comes from the register, flags changed only.
            unsafe { std::arch::asm!("ldmxcsr [{p}]", p = in(reg) &csr) };
        }
        let x = data(3000, 3, 40);
        let y = data(3000, 4, 40);
        let entry = mxcsr();
        for flags in [0, 0x20, 0x3f] {
            set_mxcsr((entry & !0x3f) | flags);
            let got = fast(CpuLevel::Avx512F, Reduction::Dot, &x, &y);
            let after = mxcsr();
            set_mxcsr(entry);
            assert_eq!(after & flags, flags);
            assert_eq!(got.to_words(), slow(Reduction::Dot, &x, &y).to_words());
        }
    }

    /// Magnitudes that drop for good: the bins move down.
    #[test]
    fn falling_magnitudes_are_exact() {
        let n = 9000;
        let mut x = data(n, 41, 6);
        let y = data(n, 43, 6);
        for (i, v) in x.iter_mut().enumerate() {
            *v *= 2f64.powi(60 - (i / 2500) as i32 * 30);
        }
        check(&x, &y, "falling");
    }

    /// Values all near the largest, of one sign: the bins drift the most.
    #[test]
    fn one_signed_data_is_exact() {
        let n = 20_000;
        let x: Vec<f64> = (0..n)
            .map(|i| 1.999_999 - (i % 1000) as f64 * 1e-12)
            .collect();
        let y: Vec<f64> = (0..n)
            .map(|i| 1.999_999 - (i % 777) as f64 * 1e-11)
            .collect();
        check(&x, &y, "near max, positive");
        let x: Vec<f64> = x.iter().map(|v| -v).collect();
        check(&x, &y, "near max, negative");
    }

    /// Long vectors: many flushes, and the bins' integer lanes committed.
    #[test]
    fn long_vectors_are_exact() {
        let n = 600_000;
        let x = data(n, 5, 30);
        let y = data(n, 9, 30);
        for what in [Reduction::Sum, Reduction::Dot] {
            let want = slow(what, &x, &y).to_words();
            for level in detect_cached().up_to() {
                assert_eq!(
                    fast(level, what, &x, &y).to_words(),
                    want,
                    "{what:?} {level:?}"
                );
            }
        }
    }

    /// Strided views are gathered a block at a time; the bins carry over.
    #[test]
    fn strided_views_are_exact() {
        let n = 3000;
        let x = data(2 * n, 31, 40);
        let y = data(2 * n, 37, 40);
        let xs: Vec<f64> = x.iter().step_by(2).copied().collect();
        let ys: Vec<f64> = y.iter().step_by(2).copied().collect();
        for what in ALL {
            let want = slow(what, &xs, &ys).to_words();
            for level in detect_cached().up_to() {
                let mut acc = ExactSum::new();
                exact_reduce_at(
                    level,
                    what,
                    VecRef::from_blas(&x, n, 2).unwrap(),
                    Some(VecRef::from_blas(&y, n, 2).unwrap()),
                    &mut acc,
                );
                assert_eq!(acc.to_words(), want, "{what:?} {level:?}");
            }
        }
    }

    #[test]
    fn underflowing_products_are_caught() {
        // Products that underflow to zero or lose their FMA error term must
        // not vanish from the fast path.
        let mut x = vec![1.0f64; 64];
        let mut y = vec![1e-300f64; 64];
        x[3] = 1e-200;
        y[3] = 1e-200;
        x[5] = 3e-160;
        y[5] = 7e-160;
        let want = slow(Reduction::Dot, &x, &y).to_words();
        assert_eq!(
            fast(CpuLevel::Avx512F, Reduction::Dot, &x, &y).to_words(),
            want
        );
        let mut s = ExactSum::new();
        exact_reduce(
            Reduction::Dot,
            VecRef::from_slice(&x[3..4]),
            Some(VecRef::from_slice(&y[3..4])),
            &mut s,
        );
        assert_eq!(s.signum(), std::cmp::Ordering::Greater);
    }

    #[test]
    fn f32_reductions_round_once() {
        let x: Vec<f32> = data(1000, 3, 30).iter().map(|&v| v as f32).collect();
        let y: Vec<f32> = data(1000, 5, 30).iter().map(|&v| v as f32).collect();
        let mut acc = ExactSum::new();
        exact_reduce(
            Reduction::Dot,
            VecRef::from_slice(&x),
            Some(VecRef::from_slice(&y)),
            &mut acc,
        );
        let mut want = ExactSum::new();
        for (&a, &b) in x.iter().zip(&y) {
            want.add_product_f64(a as f64, b as f64);
        }
        assert_eq!(acc.round_f32(), want.round_f32());
    }
}
