//! Complex level 2 kernels (c32, c64): gemv, ger/gerc and the columns of
//! the Hermitian rank updates (her, her2), one core, strided views.
//!
//! As in [`crate::complex_level1`], a contiguous complex vector is worked on
//! as an interleaved real one (`re, im, re, im, ...`), so every vector lane
//! does useful work without deinterleaving; a block of [`LANES`] parts is
//! one AVX-512 register of c32 or two of c64. A conjugated view (the
//! [`MatRef::is_conj`] mark that `A^H` carries) changes only signs in the
//! coefficients below, so `A` is read in place, never copied:
//!
//! * gemv on a column-major `A` (BLAS's `'N'`) is a sweep of column axpys:
//!   `y += op(a_j)*s_j` with `s_j = alpha*x_j` is, lane by lane,
//!   `y[l] += a[l]*c1[l] + a[l^1]*c2[l]` (`c1 = (sr, sr)`, `c2 = (-si, si)`;
//!   conjugated `c1 = (sr, -sr)`, `c2 = (si, si)`). [`COLS`] columns go per
//!   pass, so each block of `y` is loaded and stored once per four columns;
//!   rows go in blocks of [`ROW_BLOCK`] so that the block of `y` stays in
//!   L1 across all the columns of a pass.
//! * gemv on a row-major view (BLAS's `'T'` and `'C'`: the transpose of
//!   column-major storage) is a dot of each stored column with `x`, [`COLS`]
//!   columns per pass sharing each load of `x`: two lane-wise accumulators
//!   per column, `a[l]*x[l]` and `a[l]*x[l^1]`, combined at the end with the
//!   signs of `dotu` or `dotc` (as [`crate::complex_level1::DotParts`], but
//!   in the element type, as the reference's `TEMP`). On AVX-512 and on
//!   AVX2+FMA these are hand-written (`dots_avx512`, `dots_avx2`): the
//!   compiler left the portable body scalar, at half OpenBLAS's speed.
//! * Both stream `A` with software prefetches [`PREFETCH_BYTES`] ahead of
//!   each column: without them zgemv ran at 0.86x (N) and 0.98x (C)
//!   OpenBLAS on one core at n = 2000, with them 1.1x to 1.2x.
//! * ger and gerc are one column axpy per column of `A`
//!   ([`crate::complex_level1::axpy`], SIMD and with the reference's
//!   arithmetic), skipping a column whose `y(j)` is zero as the reference
//!   BLAS does (`IF (Y(JY).NE.ZERO)`).
//! * her and her2 ([`her2_cols`]) follow the reference's column loop: a
//!   column whose `x(j)` (and `y(j)`) are zero is left alone but for the
//!   imaginary part of its diagonal element, set to zero; the others take
//!   one (her) or two (her2) column axpys.
//!
//! The gemv loops use fused multiply-adds where the CPU has them (as the
//! real gemv does), so results differ from the reference's in rounding
//! only; NaN and Inf propagate as the reference's products would propagate
//! them. Strided vectors are gathered into (or scattered from) small
//! buffers; a matrix with neither unit stride takes a plain loop. Each
//! contiguous body is compiled for AVX-512, AVX2+FMA and a portable
//! baseline and chosen at run time (the `*_at` forms pick a level, for
//! tests).

use std::array::from_fn;

use oxpar_core::blocked::sub_mut;
use oxpar_core::{Complex, Element, MatMut, MatRef, PackedMut, Scalar, Uplo, VecMut, VecRef};

use crate::complex_level1 as kc1;
use crate::dispatch::multiversion;

#[cfg(target_arch = "x86_64")]
mod dots_avx2;
#[cfg(target_arch = "x86_64")]
mod dots_avx512;

/// Parts (reals) per vector block: 8 complex elements, one AVX-512 register
/// of c32, two of c64.
pub const LANES: usize = 16;

/// Columns per pass of both gemv kernels: the axpy sweep loads and stores
/// each block of `y` once per this many columns; the dots share each block
/// of `x` among this many columns (2 accumulators of [`LANES`] parts each:
/// 16 AVX-512 registers of c64).
pub const COLS: usize = 4;

/// Rows (complex elements) per block of the column sweep: 32 KiB of `y` for
/// c64, which stays in L1 while a pass of columns goes over it.
pub const ROW_BLOCK: usize = 2048;

/// Elements of `alpha*x` (column sweep) or of the dots (row-major `A`) kept
/// in a buffer on the stack at a time.
const BUF: usize = 256;

/// The parts of a complex slice as an interleaved real one.
#[inline(always)]
fn reals<T>(x: &[Complex<T>]) -> &[T] {
    // SAFETY: `Complex<T>` is `#[repr(C)]` with two `T` (re, im), so n
    // elements are 2n contiguous `T` in the same allocation, with the
    // alignment of `T`; the borrow is carried over.
    unsafe { std::slice::from_raw_parts(x.as_ptr().cast::<T>(), 2 * x.len()) }
}

/// [`reals`] for a mutable slice.
#[inline(always)]
fn reals_mut<T>(x: &mut [Complex<T>]) -> &mut [T] {
    // SAFETY: as in `reals`; the unique borrow is carried over.
    unsafe { std::slice::from_raw_parts_mut(x.as_mut_ptr().cast::<T>(), 2 * x.len()) }
}

/// How far ahead of its loads the column sweep asks for the columns of
/// `A`, in bytes.
pub const PREFETCH_BYTES: usize = 1024;

/// Asks for the cache lines [`PREFETCH_BYTES`] after the block `v` to be
/// fetched: one core's hardware prefetcher alone leaves several column
/// streams short of the memory bandwidth (as for the level-1 streams of
/// `complex_level1`). A prefetch is a hint that never faults, so the
/// address may lie past the end of the column.
#[inline(always)]
fn prefetch_ahead<T>(v: &[T; LANES]) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let base = v.as_ptr().cast::<i8>().wrapping_add(PREFETCH_BYTES);
        let mut off = 0;
        while off < LANES * std::mem::size_of::<T>() {
            // SAFETY: a prefetch only hints the cache; it reads nothing the
            // program sees and does not fault on any address.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(base.wrapping_add(off)) };
            off += 64;
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = v;
}

#[inline(always)]
fn madd<T: Scalar, const FMA: bool>(a: T, b: T, c: T) -> T {
    if FMA {
        a.mul_add(b, c)
    } else {
        a * b + c
    }
}

/// The lane coefficients of one column's update `y += op(a)*s`:
/// `y[l] += a[l]*c1[l] + a[l^1]*c2[l]` (see the module docs).
#[inline(always)]
fn coefficients<T: Scalar, const CONJ: bool>(s: Complex<T>) -> ([T; LANES], [T; LANES]) {
    let c1 = from_fn(|l| if CONJ && l % 2 == 1 { -s.re } else { s.re });
    let c2 = from_fn(|l| if !CONJ && l % 2 == 0 { -s.im } else { s.im });
    (c1, c2)
}

/// `y += sum_q op(cols[q])*s_q` on interleaved parts, the coefficients of
/// each column from [`coefficients`]; every column holds at least `y.len()`
/// parts.
#[inline(always)]
fn update<T: Scalar, const FMA: bool, const C: usize>(
    cols: [&[T]; C],
    coef: &[([T; LANES], [T; LANES]); C],
    y: &mut [T],
) {
    let (yb, yt) = y.as_chunks_mut::<LANES>();
    let nb = yb.len();
    // Cut to y's block count so the loop below needs no bounds checks.
    let blocks: [&[[T; LANES]]; C] = cols.map(|c| &c.as_chunks::<LANES>().0[..nb]);
    for (k, yv) in yb.iter_mut().enumerate() {
        let mut acc = *yv;
        for q in 0..C {
            let av = &blocks[q][k];
            prefetch_ahead(av);
            // The swapped copy as its own array: one in-lane shuffle per
            // register (see `complex_level1`).
            let sw: [T; LANES] = from_fn(|l| av[l ^ 1]);
            for l in 0..LANES {
                acc[l] = madd::<T, FMA>(av[l], coef[q].0[l], acc[l]);
                acc[l] = madd::<T, FMA>(sw[l], coef[q].1[l], acc[l]);
            }
        }
        *yv = acc;
    }
    // The tail starts on an even part (a real part): lane parity holds.
    let t0 = nb * LANES;
    for (l, yv) in yt.iter_mut().enumerate() {
        let i = t0 + l;
        let mut acc = *yv;
        for q in 0..C {
            acc = madd::<T, FMA>(cols[q][i], coef[q].0[l % 2], acc);
            acc = madd::<T, FMA>(cols[q][i ^ 1], coef[q].1[l % 2], acc);
        }
        *yv = acc;
    }
}

#[inline(always)]
fn cols_conj<T: Scalar, const FMA: bool, const CONJ: bool>(
    a: &[Complex<T>],
    ld: usize,
    s: &[Complex<T>],
    y: &mut [Complex<T>],
) {
    let (m, n) = (y.len(), s.len());
    let mut r0 = 0;
    while r0 < m {
        let rows = (m - r0).min(ROW_BLOCK);
        let yr = reals_mut(&mut y[r0..r0 + rows]);
        let col = |j: usize| reals(&a[j * ld + r0..][..rows]);
        let mut j = 0;
        while j + COLS <= n {
            let coef: [_; COLS] = from_fn(|q| coefficients::<T, CONJ>(s[j + q]));
            update::<T, FMA, COLS>(from_fn(|q| col(j + q)), &coef, yr);
            j += COLS;
        }
        for (jj, &sj) in s.iter().enumerate().skip(j) {
            update::<T, FMA, 1>([col(jj)], &[coefficients::<T, CONJ>(sj)], yr);
        }
        r0 += rows;
    }
}

/// `y += op(A)*s` for a column-major `A` in `a` (`y.len()` rows, `s.len()`
/// columns, leading dimension `ld`), `op` the conjugation when `conj`.
#[inline(always)]
fn cols_body<T: Scalar, const FMA: bool>(
    conj: bool,
    a: &[Complex<T>],
    ld: usize,
    s: &[Complex<T>],
    y: &mut [Complex<T>],
) {
    if conj {
        cols_conj::<T, FMA, true>(a, ld, s, y);
    } else {
        cols_conj::<T, FMA, false>(a, ld, s, y);
    }
}

/// `(sum of the even lanes, sum of the odd lanes)` of `acc`, by a fixed
/// pairwise tree.
#[inline(always)]
fn sum_even_odd<T: Scalar>(mut acc: [T; LANES]) -> (T, T) {
    let mut width = LANES / 2;
    while width >= 2 {
        for l in 0..width {
            acc[l] += acc[l + width];
        }
        width /= 2;
    }
    (acc[0], acc[1])
}

/// `sum_i op(cols[c][i])*x[i]` for each of the `C` stored columns (parts,
/// each at least `x.len()` long), `op` the conjugation when `CONJ`.
#[inline(always)]
fn dots<T: Scalar, const FMA: bool, const CONJ: bool, const C: usize>(
    cols: [&[T]; C],
    x: &[T],
) -> [Complex<T>; C] {
    let (xb, xt) = x.as_chunks::<LANES>();
    let nb = xb.len();
    let blocks: [&[[T; LANES]]; C] = cols.map(|c| &c.as_chunks::<LANES>().0[..nb]);
    let mut p = [[T::zero(); LANES]; C];
    let mut q = [[T::zero(); LANES]; C];
    for (k, xv) in xb.iter().enumerate() {
        let xs: [T; LANES] = from_fn(|l| xv[l ^ 1]);
        for c in 0..C {
            let av = &blocks[c][k];
            for l in 0..LANES {
                p[c][l] = madd::<T, FMA>(av[l], xv[l], p[c][l]);
                q[c][l] = madd::<T, FMA>(av[l], xs[l], q[c][l]);
            }
        }
    }
    let t0 = nb * LANES;
    from_fn(|c| {
        // p: (re a*re x, im a*im x) lanes; q: (re a*im x, im a*re x).
        let (mut rr, mut ii) = sum_even_odd(p[c]);
        let (mut ri, mut ir) = sum_even_odd(q[c]);
        let a = &cols[c][t0..];
        for (k, xv) in xt.chunks_exact(2).enumerate() {
            let (ar, ai) = (a[2 * k], a[2 * k + 1]);
            rr = madd::<T, FMA>(ar, xv[0], rr);
            ii = madd::<T, FMA>(ai, xv[1], ii);
            ri = madd::<T, FMA>(ar, xv[1], ri);
            ir = madd::<T, FMA>(ai, xv[0], ir);
        }
        if CONJ {
            Complex::new(rr + ii, ri - ir)
        } else {
            Complex::new(rr - ii, ri + ir)
        }
    })
}

#[inline(always)]
fn dots_conj<T: Scalar, const FMA: bool, const CONJ: bool>(
    a: &[Complex<T>],
    ld: usize,
    x: &[Complex<T>],
    out: &mut [Complex<T>],
) {
    let (m, n) = (x.len(), out.len());
    let xr = reals(x);
    let col = |j: usize| reals(&a[j * ld..][..m]);
    let mut j = 0;
    while j + COLS <= n {
        let d = dots::<T, FMA, CONJ, COLS>(from_fn(|q| col(j + q)), xr);
        out[j..j + COLS].copy_from_slice(&d);
        j += COLS;
    }
    for (jj, o) in out.iter_mut().enumerate().skip(j) {
        *o = dots::<T, FMA, CONJ, 1>([col(jj)], xr)[0];
    }
}

/// `out[j] := sum_i op(a[i + j*ld])*x[i]` for `j < out.len()`, `i <
/// x.len()`, `op` the conjugation when `conj`.
#[inline(always)]
fn dots_body<T: Scalar, const FMA: bool>(
    conj: bool,
    a: &[Complex<T>],
    ld: usize,
    x: &[Complex<T>],
    out: &mut [Complex<T>],
) {
    if conj {
        dots_conj::<T, FMA, true>(a, ld, x, out);
    } else {
        dots_conj::<T, FMA, false>(a, ld, x, out);
    }
}

multiversion!(
    /// `y += op(A)*s` for the column-major matrix stored in `a` with
    /// leading dimension `ld` (`y.len()` rows, `s.len()` columns; `a`
    /// holds at least `(s.len() - 1)*ld + y.len()` elements), `op(A)` the
    /// elementwise conjugate when `conj`.
    pub fn gemv_cols_contiguous, gemv_cols_contiguous_at<T>(
        conj: bool,
        a: &[Complex<T>],
        ld: usize,
        s: &[Complex<T>],
        y: &mut [Complex<T>],
    ) -> () => cols_body
);
multiversion!(
    /// The portable and compiler-vectorized variants of
    /// [`gemv_dots_contiguous`].
    #[allow(dead_code)] // Only the `_at` form is called.
    fn gemv_dots_generic, gemv_dots_generic_at<T>(
        conj: bool,
        a: &[Complex<T>],
        ld: usize,
        x: &[Complex<T>],
        out: &mut [Complex<T>],
    ) -> () => dots_body
);

/// `out[j] := sum_i op(a[i + j*ld])*x[i]`: the dot product of each of the
/// `out.len()` vectors stored `ld` apart in `a` (the columns of
/// column-major storage, the rows of its transpose; `a` holds at least
/// `(out.len() - 1)*ld + x.len()` elements) with `x`, each vector
/// conjugated when `conj`.
#[inline]
pub fn gemv_dots_contiguous<T: Scalar>(
    conj: bool,
    a: &[Complex<T>],
    ld: usize,
    x: &[Complex<T>],
    out: &mut [Complex<T>],
) {
    gemv_dots_contiguous_at(crate::dispatch::cpu_level(), conj, a, ld, x, out);
}

/// [`gemv_dots_contiguous`] with the variant compiled for `level` (clamped
/// to the detected level): AVX-512 and AVX2+FMA have hand-written kernels
/// (`dots_avx512`, `dots_avx2`).
pub fn gemv_dots_contiguous_at<T: Scalar>(
    level: crate::dispatch::CpuLevel,
    conj: bool,
    a: &[Complex<T>],
    ld: usize,
    x: &[Complex<T>],
    out: &mut [Complex<T>],
) {
    #[cfg(target_arch = "x86_64")]
    {
        use crate::dispatch::CpuLevel;
        let level = level.min(crate::dispatch::detect_cached());
        if level >= CpuLevel::Avx2Fma {
            let avx512 = level == CpuLevel::Avx512F;
            let (ar, xr) = (reals(a), reals(x));
            let or = reals_mut(out);
            // SAFETY: `T` is the type its DTYPE names (`Scalar` is sealed to
            // f32 and f64), so the casts keep lengths and layout; the level
            // was clamped to what this CPU was detected to support.
            unsafe {
                match T::DTYPE {
                    oxpar_core::DType::F64 => {
                        let c =
                            |s: &[T]| std::slice::from_raw_parts(s.as_ptr().cast::<f64>(), s.len());
                        let o =
                            std::slice::from_raw_parts_mut(or.as_mut_ptr().cast::<f64>(), or.len());
                        if avx512 {
                            dots_avx512::dots_f64(conj, c(ar), 2 * ld, c(xr), o);
                        } else {
                            dots_avx2::dots_f64(conj, c(ar), 2 * ld, c(xr), o);
                        }
                        return;
                    }
                    oxpar_core::DType::F32 => {
                        let c =
                            |s: &[T]| std::slice::from_raw_parts(s.as_ptr().cast::<f32>(), s.len());
                        let o =
                            std::slice::from_raw_parts_mut(or.as_mut_ptr().cast::<f32>(), or.len());
                        if avx512 {
                            dots_avx512::dots_f32(conj, c(ar), 2 * ld, c(xr), o);
                        } else {
                            dots_avx2::dots_f32(conj, c(ar), 2 * ld, c(xr), o);
                        }
                        return;
                    }
                    _ => {}
                }
            }
        }
    }
    gemv_dots_generic_at(level, conj, a, ld, x, out);
}

/// `y := alpha*A*x + beta*y`, `A` the view's logical elements (conjugated
/// when it is marked so). Shapes must agree. With `beta == 0` `y` is not
/// read; with `alpha == 0` `A` and `x` are not read.
pub fn gemv<R: Scalar>(
    alpha: Complex<R>,
    a: MatRef<'_, Complex<R>>,
    x: VecRef<'_, Complex<R>>,
    beta: Complex<R>,
    mut y: VecMut<'_, Complex<R>>,
) where
    Complex<R>: Element,
{
    let zero = Complex::new(R::zero(), R::zero());
    if beta == zero {
        y.for_each_mut(|_, v| *v = zero);
    } else if beta != Complex::new(R::one(), R::zero()) {
        kc1::scal(beta, y.rb_mut());
    }
    let (m, n) = (a.nrows(), a.ncols());
    if alpha == zero || m == 0 || n == 0 {
        return;
    }
    let conj = a.is_conj();
    if a.rs() == 1 && a.cs() > 0 {
        let ld = a.cs() as usize;
        // SAFETY: rs = 1 and cs = ld > 0, so the matrix occupies the
        // (n-1)*ld + m elements from its first one, all inside the view's
        // allocation (checked when the view was built).
        let storage = unsafe { std::slice::from_raw_parts(a.as_ptr(), (n - 1) * ld + m) };
        if let Some(ys) = y.as_slice_mut() {
            cols_sweep(alpha, conj, storage, ld, x, ys);
        } else {
            // A strided y: through a contiguous copy.
            let mut buf: Vec<Complex<R>> = y.as_ref().iter().collect();
            cols_sweep(alpha, conj, storage, ld, x, &mut buf);
            y.for_each_mut(|i, v| *v = buf[i]);
        }
    } else if a.cs() == 1 && a.rs() > 0 {
        let ld = a.rs() as usize;
        // SAFETY: cs = 1 and rs = ld > 0, so the matrix occupies the
        // (m-1)*ld + n elements from its first one, all inside the view's
        // allocation (checked when the view was built).
        let storage = unsafe { std::slice::from_raw_parts(a.as_ptr(), (m - 1) * ld + n) };
        let gathered: Vec<Complex<R>>;
        let xs = match x.as_slice() {
            Some(xs) => xs,
            None => {
                gathered = x.iter().collect();
                &gathered
            }
        };
        let mut d = [zero; BUF];
        for i0 in (0..m).step_by(BUF) {
            let rows = (m - i0).min(BUF);
            gemv_dots_contiguous(conj, &storage[i0 * ld..], ld, xs, &mut d[..rows]);
            for (k, &t) in d[..rows].iter().enumerate() {
                let v = y.as_ref().get(i0 + k) + alpha * t;
                y.set(i0 + k, v);
            }
        }
    } else {
        for i in 0..m {
            let t = (0..n).fold(zero, |acc, j| acc + a.get(i, j) * x.get(j));
            let v = y.as_ref().get(i) + alpha * t;
            y.set(i, v);
        }
    }
}

/// The column sweep of [`gemv`]: `y += alpha*op(A)*x` on column-major
/// storage, `alpha*x` formed [`BUF`] elements at a time (the reference's
/// `TEMP = ALPHA*X(JX)`).
fn cols_sweep<R: Scalar>(
    alpha: Complex<R>,
    conj: bool,
    a: &[Complex<R>],
    ld: usize,
    x: VecRef<'_, Complex<R>>,
    y: &mut [Complex<R>],
) where
    Complex<R>: Element,
{
    let n = x.len();
    let mut s = [Complex::new(R::zero(), R::zero()); BUF];
    for j0 in (0..n).step_by(BUF) {
        let cols = (n - j0).min(BUF);
        for (k, v) in s[..cols].iter_mut().enumerate() {
            *v = alpha * x.get(j0 + k);
        }
        gemv_cols_contiguous(conj, &a[j0 * ld..], ld, &s[..cols], y);
    }
}

/// `y := t*x + y` with the reference's arithmetic (the SIMD
/// [`kc1::axpy_contiguous`] when both are contiguous), also for `t == 0`:
/// the rank updates apply their `TEMP` whatever its value, so that an
/// infinite `x(i)` gives NaN as in the reference.
fn axpy_always<R: Scalar>(t: Complex<R>, x: VecRef<'_, Complex<R>>, mut y: VecMut<'_, Complex<R>>)
where
    Complex<R>: Element,
{
    if let (Some(xs), Some(ys)) = (x.as_slice(), y.as_slice_mut()) {
        kc1::axpy_contiguous(t, xs, ys);
        return;
    }
    y.for_each_mut(|i, v| {
        let a = x.get(i);
        *v = Complex::new(
            v.re + (t.re * a.re - t.im * a.im),
            v.im + (t.re * a.im + t.im * a.re),
        );
    });
}

/// `A := alpha*x*y^T + A` (`conj == false`, geru) or `alpha*x*y^H + A`
/// (gerc): one column axpy per column, a column with `y(j) == 0` left
/// alone (as the reference). Shapes must agree; with `alpha == 0` nothing
/// is read.
pub fn ger<R: Scalar>(
    conj: bool,
    alpha: Complex<R>,
    x: VecRef<'_, Complex<R>>,
    y: VecRef<'_, Complex<R>>,
    mut a: MatMut<'_, Complex<R>>,
) where
    Complex<R>: Element,
{
    let zero = Complex::new(R::zero(), R::zero());
    if alpha == zero || a.is_empty() {
        return;
    }
    for j in 0..a.ncols() {
        let yj = y.get(j);
        if yj == zero {
            continue;
        }
        let t = alpha * if conj { yj.conj() } else { yj };
        axpy_always(t, x, a.col_mut(j));
    }
}

/// Columns `j0..j0 + a.ncols()` of the Hermitian rank update on the `uplo`
/// triangle of an `n x n` matrix (`n = x.len()`), `a` holding those
/// columns (all `n` rows): her2, `A := alpha*x*y^H + conj(alpha)*y*x^H + A`,
/// when `y` is given; her, `A := alpha*x*x^H + A` with the real `alpha.re`,
/// when it is not. The reference's column loop: a column with `x(j) == 0`
/// (and `y(j) == 0`) is left alone but for its diagonal element's imaginary
/// part, set to zero; the others take `x*TEMP1` (and `y*TEMP2`) as column
/// axpys, `TEMP1 = alpha*conj(y(j))` (her: `alpha*conj(x(j))`, a real times
/// a complex, part by part), `TEMP2 = conj(alpha*x(j))`, and their diagonal
/// element comes out real. A zero `TEMP1` or `TEMP2` is still applied, as
/// the reference applies it (an infinite `x(i)` then gives NaN). With
/// `alpha == 0`, callers return before this.
pub fn her2_cols<R: Scalar>(
    uplo: Uplo,
    alpha: Complex<R>,
    x: VecRef<'_, Complex<R>>,
    y: Option<VecRef<'_, Complex<R>>>,
    mut a: MatMut<'_, Complex<R>>,
    j0: usize,
) where
    Complex<R>: Element,
{
    let n = x.len();
    for k in 0..a.ncols() {
        let j = j0 + k;
        let rows = match uplo {
            Uplo::Upper => 0..j + 1,
            Uplo::Lower => j..n,
        };
        let col = sub_mut(a.col_mut(k), rows.clone());
        rank2_column(alpha, x, y, j, rows, col);
    }
}

/// hpr2 (`y` given) or hpr (`y == None`, the real `alpha.re`) on the packed
/// triangle `a`: [`her2_cols`]'s column loop on the packed columns. With
/// `alpha == 0`, returns at once.
pub fn hpr2_packed<R: Scalar>(
    alpha: Complex<R>,
    x: VecRef<'_, Complex<R>>,
    y: Option<VecRef<'_, Complex<R>>>,
    mut a: PackedMut<'_, Complex<R>>,
) where
    Complex<R>: Element,
{
    if alpha == Complex::new(R::zero(), R::zero()) {
        return;
    }
    for j in 0..a.n() {
        let (rows, col) = a.stored_col_mut(j);
        rank2_column(alpha, x, y, j, rows, VecMut::from_slice(col));
    }
}

/// Column `j` of [`her2_cols`] and [`hpr2_packed`]: `col` holds its rows
/// `rows`, the stored triangle's (`0..=j` or `j..n`).
fn rank2_column<R: Scalar>(
    alpha: Complex<R>,
    x: VecRef<'_, Complex<R>>,
    y: Option<VecRef<'_, Complex<R>>>,
    j: usize,
    rows: std::ops::Range<usize>,
    mut col: VecMut<'_, Complex<R>>,
) where
    Complex<R>: Element,
{
    let zero = Complex::new(R::zero(), R::zero());
    let dj = j - rows.start;
    let d = col.as_ref().get(dj).re;
    let xj = x.get(j);
    let yj = y.map_or(zero, |y| y.get(j));
    if xj == zero && yj == zero {
        col.set(dj, Complex::new(d, R::zero()));
        return;
    }
    let (t1, t2) = match y {
        None => (Complex::new(alpha.re * xj.re, alpha.re * -xj.im), zero),
        Some(_) => (alpha * yj.conj(), (alpha * xj).conj()),
    };
    // The rows off the diagonal: before it (upper) or after it (lower).
    let (off, len) = if dj == 0 {
        (1, rows.len() - 1)
    } else {
        (0, dj)
    };
    let start = rows.start + off;
    let part = off..off + len;
    axpy_always(
        t1,
        x.subvector(start, len),
        sub_mut(col.rb_mut(), part.clone()),
    );
    let term = match y {
        None => xj * t1,
        Some(y) => {
            axpy_always(t2, y.subvector(start, len), sub_mut(col.rb_mut(), part));
            xj * t1 + yj * t2
        }
    };
    col.set(dj, Complex::new(d + term.re, R::zero()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dispatch::detect;
    use oxpar_core::{Level2, Serial};

    type C = Complex<f64>;

    fn data(n: usize, seed: u64) -> Vec<C> {
        let mut s = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut next = move || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        };
        (0..n).map(|_| C::new(next(), next())).collect()
    }

    /// Sizes around the lane blocks (8 elements), the columns per pass and
    /// the tails.
    const SIZES: [usize; 14] = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33, 70];

    fn close(got: C, want: C, scale: f64) -> bool {
        (got - want).norm() <= 1e-13 * (scale + 1.0)
    }

    /// Both contiguous kernels at every CPU level and element type, against
    /// loops in f64 over the stored elements; the padding between columns
    /// is NaN, which no kernel may read.
    fn check_contiguous<R: Scalar>(tol: f64)
    where
        Complex<R>: Element,
    {
        let narrow = |v: &[C]| -> Vec<Complex<R>> {
            v.iter()
                .map(|c| Complex::new(R::from_f64(c.re), R::from_f64(c.im)))
                .collect()
        };
        let wide = |c: Complex<R>| C::new(c.re.as_f64(), c.im.as_f64());
        let mut sizes = SIZES.to_vec();
        sizes.push(131);
        for level in detect().up_to() {
            for &m in &sizes {
                for &n in &SIZES {
                    let ld = m + 3;
                    let mut a = narrow(&data(ld * n.max(1), 1));
                    for j in 0..n {
                        for i in m..ld {
                            a[i + j * ld] = Complex::new(R::nan(), R::nan());
                        }
                    }
                    let (s, y0, x) = (
                        narrow(&data(n, 2)),
                        narrow(&data(m, 3)),
                        narrow(&data(m, 4)),
                    );
                    for conj in [false, true] {
                        let op = |v: Complex<R>| if conj { wide(v).conj() } else { wide(v) };
                        let mut y = y0.clone();
                        if n > 0 {
                            gemv_cols_contiguous_at(level, conj, &a, ld, &s, &mut y);
                        }
                        for i in 0..m {
                            let want = (0..n)
                                .fold(wide(y0[i]), |acc, j| acc + op(a[i + j * ld]) * wide(s[j]));
                            assert!(
                                (wide(y[i]) - want).norm() <= tol * (n as f64 + 1.0),
                                "{level:?} cols m={m} n={n} conj={conj} i={i}: {} vs {want}",
                                wide(y[i])
                            );
                        }
                        let mut out = vec![Complex::new(R::one(), R::one()); n];
                        gemv_dots_contiguous_at(level, conj, &a, ld, &x, &mut out);
                        for j in 0..n {
                            let want = (0..m).fold(C::new(0.0, 0.0), |acc, i| {
                                acc + op(a[i + j * ld]) * wide(x[i])
                            });
                            assert!(
                                (wide(out[j]) - want).norm() <= tol * (m as f64 + 1.0),
                                "{level:?} dots m={m} n={n} conj={conj} j={j}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn contiguous_kernels_agree_with_naive_loops() {
        check_contiguous::<f64>(1e-14);
        check_contiguous::<f32>(1e-5);
    }

    /// A BLAS-strided copy of `v` (increment `inc`, gaps NaN).
    fn spread(v: &[C], inc: isize) -> Vec<C> {
        let w = inc.unsigned_abs();
        let n = v.len();
        let mut s = vec![C::new(f64::NAN, f64::NAN); (n.max(1) - 1) * w + 1];
        for (i, &e) in v.iter().enumerate() {
            let k = if inc > 0 { i * w } else { (n - 1 - i) * w };
            s[k] = e;
        }
        s
    }

    /// gemv through every view of a stored matrix (itself, conjugated,
    /// transposed, conjugate-transposed, and with no unit stride), with
    /// strided and reversed vectors and the special alpha and beta, against
    /// the serial backend's loops. Sizes cross the row block and the
    /// buffer of alpha*x.
    #[test]
    fn gemv_matches_the_serial_backend_on_every_view() {
        let shapes = [
            (0, 3),
            (3, 0),
            (1, 1),
            (5, 7),
            (17, 9),
            (33, 65),
            (8, 257),
            (ROW_BLOCK + 3, 5),
        ];
        let scalars = [
            (C::new(1.5, -0.5), C::new(0.5, 0.25)),
            (C::new(-1.0, 2.0), C::new(0.0, 0.0)),
            (C::new(0.0, 0.0), C::new(2.0, -1.0)),
            (C::new(1.0, 0.0), C::new(1.0, 0.0)),
        ];
        for &(r, c) in &shapes {
            let ld = r + 2;
            let store = data(ld * c.max(1), 7);
            let base = MatRef::col_major(&store, r, c, ld.max(1)).unwrap();
            // Every other row and column of a doubled array: no unit stride.
            let wide = data(4 * r.max(1) * c.max(1) + 4, 8);
            let strided = MatRef::from_slice(&wide, r, c, 2, 4 * r.max(1) as isize).ok();
            let mut views = vec![base, base.conj(), base.t(), base.h()];
            views.extend(strided);
            for a in views {
                let (m, n) = (a.nrows(), a.ncols());
                let x = data(n, 9);
                let y0 = data(m, 10);
                for inc in [1isize, 2, -3] {
                    for &(alpha, beta) in &scalars {
                        let xs = spread(&x, inc);
                        let mut ys = spread(&y0, inc);
                        if beta == C::new(0.0, 0.0) {
                            // Not read when beta == 0.
                            for v in ys.iter_mut() {
                                *v = C::new(f64::NAN, f64::INFINITY);
                            }
                        }
                        let xv = VecRef::from_blas(&xs, n, inc).unwrap();
                        gemv(
                            alpha,
                            a,
                            xv,
                            beta,
                            VecMut::from_blas(&mut ys, m, inc).unwrap(),
                        );
                        let mut want = y0.clone();
                        Serial
                            .gemv(
                                alpha,
                                a,
                                VecRef::from_slice(&x),
                                beta,
                                VecMut::from_slice(&mut want),
                            )
                            .unwrap();
                        let got: Vec<C> = VecRef::from_blas(&ys, m, inc).unwrap().iter().collect();
                        for i in 0..m {
                            assert!(
                                close(got[i], want[i], 4.0 * n as f64),
                                "m={m} n={n} rs={} cs={} conj={} inc={inc} alpha={alpha} beta={beta} i={i}: {} vs {}",
                                a.rs(),
                                a.cs(),
                                a.is_conj(),
                                got[i],
                                want[i]
                            );
                        }
                    }
                }
            }
        }
    }

    /// An Inf or NaN in `A` reaches only the rows of `op(A)*x` that hold it,
    /// with the classes (NaN, infinite, finite) of the reference's order of
    /// operations: `y(i) + (alpha*x(j))*a(i, j)` column by column for a
    /// column-major view (`'N'`), `y(i) + alpha*sum(a(i, j)*x(j))` for a
    /// transposed one (`'T'`, `'C'`); `alpha == 0` reads neither `A` nor `x`.
    #[test]
    fn gemv_propagates_nan_and_inf_as_the_reference() {
        let (m, n) = (37, 21);
        let mut store = data(m * n, 11);
        store[3 + 4 * m] = C::new(f64::INFINITY, 0.0);
        store[20 + 9 * m] = C::new(1.0, f64::NAN);
        let base = MatRef::col_major(&store, m, n, m).unwrap();
        for a in [base, base.conj(), base.t(), base.h()] {
            let (r, c) = (a.nrows(), a.ncols());
            let x = data(c, 12);
            let y0 = data(r, 13);
            let mut got = y0.clone();
            let alpha = C::new(0.5, 1.0);
            gemv(
                alpha,
                a,
                VecRef::from_slice(&x),
                C::new(1.0, 0.0),
                VecMut::from_slice(&mut got),
            );
            let want: Vec<C> = (0..r)
                .map(|i| {
                    if a.rs() == 1 {
                        (0..c).fold(y0[i], |acc, j| acc + (alpha * x[j]) * a.get(i, j))
                    } else {
                        y0[i]
                            + alpha
                                * (0..c).fold(C::new(0.0, 0.0), |acc, j| acc + a.get(i, j) * x[j])
                    }
                })
                .collect();
            let class = |v: f64| (v.is_nan(), v.is_infinite());
            for i in 0..r {
                assert_eq!(class(got[i].re), class(want[i].re), "row {i}");
                assert_eq!(class(got[i].im), class(want[i].im), "row {i}");
            }
            assert!(got.iter().any(|v| !v.re.is_finite() || !v.im.is_finite()));
            // alpha == 0: A full of NaN is not read.
            let nan = vec![C::new(f64::NAN, f64::NAN); m * n];
            let an = MatRef::col_major(&nan, m, n, m).unwrap();
            let mut y = vec![C::new(1.0, 2.0); m];
            gemv(
                C::new(0.0, 0.0),
                an,
                VecRef::from_slice(&data(n, 1)),
                C::new(2.0, 0.0),
                VecMut::from_slice(&mut y),
            );
            assert!(y.iter().all(|&v| v == C::new(2.0, 4.0)));
        }
    }

    /// ger and gerc against the serial backend; a column whose `y(j)` is
    /// zero stays untouched even with an Inf in `x` (the reference skips it).
    #[test]
    fn ger_matches_the_serial_backend_and_skips_zero_columns() {
        for (m, n) in [(1, 1), (7, 5), (33, 17), (100, 3)] {
            let x = data(m, 14);
            let y = data(n, 15);
            let a0 = data(m * n, 16);
            let alpha = C::new(0.75, -1.25);
            for conj in [false, true] {
                let mut got = a0.clone();
                ger(
                    conj,
                    alpha,
                    VecRef::from_slice(&x),
                    VecRef::from_slice(&y),
                    MatMut::col_major(&mut got, m, n, m).unwrap(),
                );
                let mut want = a0.clone();
                let wv = MatMut::col_major(&mut want, m, n, m).unwrap();
                if conj {
                    Serial
                        .gerc(alpha, VecRef::from_slice(&x), VecRef::from_slice(&y), wv)
                        .unwrap();
                } else {
                    Serial
                        .ger(alpha, VecRef::from_slice(&x), VecRef::from_slice(&y), wv)
                        .unwrap();
                }
                for k in 0..m * n {
                    assert!(close(got[k], want[k], 2.0), "m={m} n={n} conj={conj} k={k}");
                }
                // y(0) = 0 and x(0) = Inf: column 0 is left alone.
                let mut xi = x.clone();
                xi[0] = C::new(f64::INFINITY, 0.0);
                let mut yz = y.clone();
                yz[0] = C::new(0.0, 0.0);
                let mut got = a0.clone();
                ger(
                    conj,
                    alpha,
                    VecRef::from_slice(&xi),
                    VecRef::from_slice(&yz),
                    MatMut::col_major(&mut got, m, n, m).unwrap(),
                );
                assert_eq!(&got[..m], &a0[..m]);
            }
        }
    }

    /// her and her2 columns against the reference's loop written out.
    #[test]
    fn her2_columns_follow_the_reference_loop() {
        let n = 23;
        let mut x = data(n, 17);
        let mut y = data(n, 18);
        x[4] = C::new(0.0, 0.0);
        y[4] = C::new(0.0, 0.0);
        x[9] = C::new(0.0, 0.0);
        let a0 = data(n * n, 19);
        let alpha = C::new(0.5, -2.0);
        for uplo in [Uplo::Upper, Uplo::Lower] {
            for two in [false, true] {
                let yo = two.then_some(VecRef::from_slice(&y));
                let mut got = a0.clone();
                let mut am = MatMut::col_major(&mut got, n, n, n).unwrap();
                // In two pieces, as the threads split it.
                let (left, right) = am.rb_mut().split_at_col_mut(10);
                her2_cols(uplo, alpha, VecRef::from_slice(&x), yo, left, 0);
                her2_cols(uplo, alpha, VecRef::from_slice(&x), yo, right, 10);
                let mut want = a0.clone();
                for j in 0..n {
                    let d = want[j + j * n].re;
                    if x[j] == C::new(0.0, 0.0) && (!two || y[j] == C::new(0.0, 0.0)) {
                        want[j + j * n] = C::new(d, 0.0);
                        continue;
                    }
                    let (t1, t2) = if two {
                        (alpha * y[j].conj(), (alpha * x[j]).conj())
                    } else {
                        (
                            C::new(alpha.re * x[j].re, alpha.re * -x[j].im),
                            C::new(0.0, 0.0),
                        )
                    };
                    for i in 0..n {
                        if i == j || !uplo.holds(i, j) {
                            continue;
                        }
                        want[i + j * n] +=
                            x[i] * t1 + if two { y[i] * t2 } else { C::new(0.0, 0.0) };
                    }
                    let t = x[j] * t1 + if two { y[j] * t2 } else { C::new(0.0, 0.0) };
                    want[j + j * n] = C::new(d + t.re, 0.0);
                }
                for k in 0..n * n {
                    assert!(
                        close(got[k], want[k], 4.0),
                        "{uplo:?} two={two} k={k}: {} vs {}",
                        got[k],
                        want[k]
                    );
                }
                assert_eq!(got[4 + 4 * n].im, 0.0);
            }
        }
    }
}
