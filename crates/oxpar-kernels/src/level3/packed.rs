//! Triangle-aware packed products for syrk, syr2k and trmm: one
//! macro-kernel per call that packs each panel of the operands once and runs
//! the `gemm` crate's micro-kernels over only the micro-tiles the triangle
//! reaches.
//!
//! A blocked recursion on top of gemm calls repacks the same panels in every
//! call it makes, and at n = 2048 that packing was the gap to OpenBLAS. Here,
//! as in OpenBLAS's and BLIS's own syrk, the loops are those of one gemm
//! (blocks of `nc` columns, `kc` depth and `mc` rows, sizes from the `gemm`
//! crate's cache model), with three differences: the rows of a block of
//! columns start at its first column (the rows above are outside the
//! triangle), micro-tiles wholly above the diagonal are skipped, and a tile
//! that crosses the diagonal is computed into a small buffer of which only
//! the part on or below the diagonal reaches `C` (so the other triangle of
//! `C` is never read or written). syr2k is the same loops over two products,
//! `A*B^T` then `B*A^T`, the second accumulating into the first.
//!
//! trmm (left side, in place) runs the same loops over blocks of rows of
//! `B` in the order in which each is packed before it is overwritten; see
//! [`trmm_left`]. Its diagonal blocks of `A` are packed with zeros outside
//! the triangle, and each micro-tile's depth is cut to where they are not
//! zero, as OpenBLAS's trmm kernels do.
//!
//! The micro-kernels are the `gemm` crate's own for AVX-512 and AVX2+FMA,
//! picked by the kernels' dispatch level; on other CPUs (or a lower
//! `OXPAR_CPU_LEVEL`) the blocked recursion on gemm calls runs instead.

use gemm_common::cache::{kernel_params, KernelParams};
use gemm_common::microkernel::MicroKernelFn;
use oxpar_core::blocked;
use oxpar_core::{DType, Diag, MatMut, MatRef, Result, Scalar, Uplo};

use crate::dispatch::{cpu_level, CpuLevel};
use crate::level3::{gemm, syrk_lower_block, tri, Par};

/// Diagonal blocks of the fallback recursion up to this size are computed
/// in full in a buffer ([`syrk_lower_block`]).
pub const FALLBACK_LEAF: usize = 128;

/// `C := alpha*A*A0^T + beta*C` (`b == None`) or `alpha*(A*B0^T + B*A0^T) +
/// beta*C` on the elements `i >= j` of the `m x w` view `c` (`w <= m`), where
/// `A`, `B` are `m x k` and `A0`, `B0` their first `w` rows: with `w == m`
/// the lower triangle of a syrk or syr2k, with `A`, `B`, `C` the rows
/// `j0..` of a larger call its block of columns `j0..j0+w` (how the threads
/// backend splits a call). Elements above the diagonal are neither read nor
/// written; with `beta == 0`, `C` is not read; with `alpha == 0` or `k == 0`,
/// `A` and `B` are not read.
pub fn syrk_trapezoid<T: Scalar>(
    alpha: T,
    a: MatRef<'_, T>,
    b: Option<MatRef<'_, T>>,
    beta: T,
    c: MatMut<'_, T>,
) {
    syrk_trapezoid_at(cpu_level(), alpha, a, b, beta, c);
}

/// [`syrk_trapezoid`] with the micro-kernels of `level` (clamped to the
/// detected level; the blocked recursion where `level` has none), so tests
/// can compare both paths.
pub fn syrk_trapezoid_at<T: Scalar>(
    level: CpuLevel,
    alpha: T,
    a: MatRef<'_, T>,
    b: Option<MatRef<'_, T>>,
    beta: T,
    c: MatMut<'_, T>,
) {
    let (m, w, k) = (c.nrows(), c.ncols(), a.ncols());
    debug_assert!(w <= m && a.nrows() == m);
    if m == 0 || w == 0 {
        return;
    }
    match kit::<T>(level) {
        Some(kit) if alpha != T::zero() && k > 0 => packed(&kit, alpha, a, b, beta, c),
        _ => {
            let leaf = syrk_lower_block::<T>;
            blocked::syrk_lower_columns(
                &seq_gemm::<T>,
                &leaf,
                FALLBACK_LEAF,
                alpha,
                a,
                b,
                beta,
                0,
                c,
            )
            .expect("the sequential gemm does not fail");
        }
    }
}

/// gemm on the calling thread, in the form the blocked recursions of
/// `oxpar_core::blocked` take (the threads backend uses it for its parts).
pub fn seq_gemm<T: Scalar>(
    alpha: T,
    a: MatRef<'_, T>,
    b: MatRef<'_, T>,
    beta: T,
    c: MatMut<'_, T>,
) -> Result<()> {
    gemm(Par::Seq, alpha, a, b, beta, c);
    Ok(())
}

/// A packing routine of the `gemm` crate: `(rows, depth, dst, src, depth
/// stride, row stride, panel stride)`, panels of a fixed number of rows.
type PackFn<T> = unsafe fn(usize, usize, *mut T, *const T, isize, isize, usize);

/// A set of micro-kernels and the packing routines for their operands:
/// `ukr[(regs - 1) * nr + (n - 1)]` computes a tile of `n` columns and up to
/// `regs * lanes` rows.
struct Kit<T: 'static> {
    /// Elements per SIMD register.
    lanes: usize,
    /// Rows of a full micro-tile.
    mr: usize,
    /// Columns of a full micro-tile.
    nr: usize,
    ukr: &'static [MicroKernelFn<T>],
    /// Packs panels of `mr` rows (the left operand).
    pack_l: PackFn<T>,
    /// Packs panels of `nr` rows (the right operand, as rows of its transpose).
    pack_r: PackFn<T>,
}

#[cfg(target_arch = "x86_64")]
mod kits {
    use super::Kit;
    use gemm_common::microkernel::MicroKernelFn;
    use gemm_common::pack_operands::pack_lhs;
    use gemm_common::simd::{Avx512f, Fma};
    use gemm_common::Ptr;

    /// `$name()`: the kit of `$t` from the micro-kernel module `$m` (with
    /// `$lanes` elements per register), packing under `$simd`.
    macro_rules! kit {
        ($name:ident, $t:ty, $m:path, $lanes:literal, $simd:expr) => {
            pub fn $name() -> Kit<$t> {
                use $m as k;
                static UKR: [[MicroKernelFn<$t>; k::NR]; k::MR_DIV_N] = k::UKR;
                const MR: usize = $lanes * k::MR_DIV_N;
                const NR: usize = k::NR;
                /// Panels of MR rows.
                unsafe fn pack_l(
                    m: usize,
                    k: usize,
                    dst: *mut $t,
                    src: *const $t,
                    cs: isize,
                    rs: isize,
                    stride: usize,
                ) {
                    // SAFETY: the caller's contract (see `pack`).
                    unsafe {
                        if rs == 1 {
                            super::pack_columns::<$t, MR>(m, k, dst, src, cs, stride)
                        } else {
                            let (dst, src) = (Ptr(dst), Ptr(src.cast_mut()));
                            pack_lhs::<$t, $lanes, MR, _>($simd, m, k, dst, src, cs, rs, stride)
                        }
                    }
                }
                /// Panels of NR rows.
                unsafe fn pack_r(
                    m: usize,
                    k: usize,
                    dst: *mut $t,
                    src: *const $t,
                    cs: isize,
                    rs: isize,
                    stride: usize,
                ) {
                    // SAFETY: as above.
                    unsafe {
                        if rs == 1 {
                            super::pack_columns::<$t, NR>(m, k, dst, src, cs, stride)
                        } else {
                            let (dst, src) = (Ptr(dst), Ptr(src.cast_mut()));
                            pack_lhs::<$t, 1, NR, _>($simd, m, k, dst, src, cs, rs, stride)
                        }
                    }
                }
                Kit {
                    lanes: $lanes,
                    mr: MR,
                    nr: NR,
                    ukr: UKR.as_flattened(),
                    pack_l,
                    pack_r,
                }
            }
        };
    }

    kit!(
        f64_avx512,
        f64,
        gemm_f64::microkernel::avx512f::f64,
        8,
        Avx512f
    );
    kit!(f64_avx2, f64, gemm_f64::microkernel::fma::f64, 4, Fma);
    kit!(
        f32_avx512,
        f32,
        gemm_f32::microkernel::avx512f::f32,
        16,
        Avx512f
    );
    kit!(f32_avx2, f32, gemm_f32::microkernel::fma::f32, 8, Fma);
}

/// Columns of the source read together by [`pack_columns`].
const PACK_COLUMNS: usize = 16;

/// A packing routine for a source with contiguous columns (`rs == 1`):
/// `rows x k` elements from `src` (columns `cs` apart) into panels of `W`
/// rows, `stride` apart. The `gemm` crate's routine reads one panel's
/// column segments at a time, `k` of them a leading dimension apart (a
/// page each, for large matrices); this one reads [`PACK_COLUMNS`]
/// columns at a time down all the panels, so the reads stream down a few
/// columns and the writes fill a panel's consecutive elements.
///
/// # Safety
/// As [`pack`]'s, for `W` rows per panel.
#[cfg(target_arch = "x86_64")]
unsafe fn pack_columns<T: Copy, const W: usize>(
    rows: usize,
    k: usize,
    dst: *mut T,
    src: *const T,
    cs: isize,
    stride: usize,
) {
    let (full, rem) = (rows / W, rows % W);
    // SAFETY: the caller's contract: the source rows 0..rows of columns
    // 0..k and the destination panels exist.
    unsafe {
        for p0 in (0..k).step_by(PACK_COLUMNS) {
            let p1 = (p0 + PACK_COLUMNS).min(k);
            for t in 0..full {
                for p in p0..p1 {
                    let (from, to) = (
                        src.offset(p as isize * cs).add(t * W),
                        dst.add(t * stride + p * W),
                    );
                    // Four elements at a time: a whole-panel copy would be
                    // a call to memcpy in this baseline-ISA code.
                    let mut q = 0;
                    while q + 4 <= W {
                        let v = from.add(q).cast::<[T; 4]>().read_unaligned();
                        to.add(q).cast::<[T; 4]>().write_unaligned(v);
                        q += 4;
                    }
                    while q < W {
                        *to.add(q) = *from.add(q);
                        q += 1;
                    }
                }
            }
            if rem > 0 {
                for p in p0..p1 {
                    let from = src.offset(p as isize * cs).add(full * W);
                    std::ptr::copy_nonoverlapping(from, dst.add(full * stride + p * W), rem);
                }
            }
        }
    }
}

/// The micro-kernels for `T` at `level` (clamped to the detected level).
fn kit<T: Scalar>(level: CpuLevel) -> Option<Kit<T>> {
    #[cfg(target_arch = "x86_64")]
    {
        let level = level.min(crate::dispatch::detect_cached());
        match (T::DTYPE, level) {
            (DType::F64, CpuLevel::Avx512F) => return retype(kits::f64_avx512()),
            (DType::F64, CpuLevel::Avx2Fma) => return retype(kits::f64_avx2()),
            (DType::F32, CpuLevel::Avx512F) => return retype(kits::f32_avx512()),
            (DType::F32, CpuLevel::Avx2Fma) => return retype(kits::f32_avx2()),
            _ => {}
        }
    }
    let _ = level;
    None
}

/// `kit` as a kit for `T`, whose `DTYPE` the caller matched to `U`'s.
#[cfg(target_arch = "x86_64")]
fn retype<T: Scalar, U: Scalar>(kit: Kit<U>) -> Option<Kit<T>> {
    assert!(T::DTYPE == U::DTYPE);
    // SAFETY: `Scalar` is sealed to f32 and f64, one type per DTYPE, so `T`
    // and `U` are the same type and so are their kernels and packers.
    unsafe {
        Some(Kit {
            lanes: kit.lanes,
            mr: kit.mr,
            nr: kit.nr,
            ukr: std::slice::from_raw_parts(
                kit.ukr.as_ptr().cast::<MicroKernelFn<T>>(),
                kit.ukr.len(),
            ),
            pack_l: std::mem::transmute::<PackFn<U>, PackFn<T>>(kit.pack_l),
            pack_r: std::mem::transmute::<PackFn<U>, PackFn<T>>(kit.pack_r),
        })
    }
}

/// A buffer of `len` elements starting on a 64-byte boundary (the packed
/// panels are read a register at a time).
struct Aligned<T> {
    storage: Vec<T>,
    start: usize,
}

impl<T: Scalar> Aligned<T> {
    fn new(len: usize) -> Self {
        let extra = 64 / std::mem::size_of::<T>();
        let storage = vec![T::zero(); len + extra];
        let start = storage.as_ptr().align_offset(64).min(extra);
        Aligned { storage, start }
    }

    fn ptr(&mut self) -> *mut T {
        self.storage[self.start..].as_mut_ptr()
    }
}

/// Packs rows `i0..i0+rows` and columns `p0..p0+kb` of `x` with `f` into
/// panels of `width` rows: panel `t` holds, for each column `p`, its
/// `width` rows contiguous, and starts at `t*width*kb` (rows past the end
/// of a partial panel are not defined: the micro-kernels compute them but
/// never store them). Both operands of a micro-kernel take this layout (the
/// right one as rows of `B`, i.e. columns of `B^T`).
///
/// # Safety
/// `dst` must hold `rows.div_ceil(width) * width * kb` elements, the rows
/// and columns must lie inside `x`, and `f` must pack panels of `width` rows.
#[allow(clippy::too_many_arguments)]
unsafe fn pack<T: Scalar>(
    f: PackFn<T>,
    x: MatRef<'_, T>,
    i0: usize,
    rows: usize,
    p0: usize,
    kb: usize,
    width: usize,
    dst: *mut T,
) {
    let (rs, cs) = (x.rs(), x.cs());
    // SAFETY: the caller's contract; (i0, p0) is an element of `x`.
    unsafe {
        let src = x.as_ptr().offset(i0 as isize * rs + p0 as isize * cs);
        f(rows, kb, dst, src, cs, rs, width * kb);
    }
}

/// The packed macro-kernel of [`syrk_trapezoid`] (`alpha != 0`, `k > 0`).
fn packed<T: Scalar>(
    kit: &Kit<T>,
    alpha: T,
    a: MatRef<'_, T>,
    b: Option<MatRef<'_, T>>,
    beta: T,
    mut c: MatMut<'_, T>,
) {
    let (m, w, k) = (c.nrows(), c.ncols(), a.ncols());
    let (mr, nr) = (kit.mr, kit.nr);
    let KernelParams { kc, mc, nc } = kernel_params(m, w, k, mr, nr, std::mem::size_of::<T>());
    let kc = kc.clamp(1, k);
    let mc = mc.max(mr) / mr * mr;
    let nc = if nc == 0 { w } else { nc.max(nr) / nr * nr };
    let mut rhs_buf = Aligned::<T>::new(kc * nc.min(w).next_multiple_of(nr));
    let mut lhs_buf = Aligned::<T>::new(kc * mc.min(m).next_multiple_of(mr));
    let mut tile = Aligned::<T>::new(mr * nr);
    let (rhs_p, lhs_p, tile_p) = (rhs_buf.ptr(), lhs_buf.ptr(), tile.ptr());
    // The two products of syr2k (A*B^T, then B*A^T), or syrk's one.
    let both;
    let pairs: &[(MatRef<'_, T>, MatRef<'_, T>)] = match b {
        None => &[(a, a)],
        Some(b) => {
            both = [(a, b), (b, a)];
            &both
        }
    };
    let (rs, cs) = (c.rs(), c.cs());
    let cp = c.as_mut_ptr();
    let mut jc = 0;
    while jc < w {
        let nb = nc.min(w - jc);
        let mut first = true;
        for &(lhs, rhs) in pairs {
            let mut pc = 0;
            while pc < k {
                let kb = kc.min(k - pc);
                // dst := keep*dst + alpha*acc, as the micro-kernels' status
                // code (0: dst not read; 1: keep == 1; 2: general).
                let (status, keep) = if !first || beta == T::one() {
                    (1u8, T::one())
                } else if beta == T::zero() {
                    (0, T::zero())
                } else {
                    (2, beta)
                };
                // SAFETY: the buffers were sized for kc x nc and kc x mc
                // panels, and the rows and columns packed lie inside the
                // operands (rows jc.. of a view with m >= w rows).
                unsafe { pack(kit.pack_r, rhs, jc, nb, pc, kb, nr, rhs_p) };
                let mut ic = jc;
                while ic < m {
                    let mb = mc.min(m - ic);
                    // SAFETY: as above.
                    unsafe { pack(kit.pack_l, lhs, ic, mb, pc, kb, mr, lhs_p) };
                    for jr in (0..nb).step_by(nr) {
                        let (col0, nrb) = (jc + jr, nr.min(nb - jr));
                        // SAFETY: panel `jr / nr` of the packed right operand.
                        let rp = unsafe { rhs_p.add(jr * kb) };
                        for ir in (0..mb).step_by(mr) {
                            let (row0, mrb) = (ic + ir, mr.min(mb - ir));
                            if row0 + mrb <= col0 {
                                continue; // wholly above the diagonal
                            }
                            // SAFETY: panel `ir / mr` of the packed left operand.
                            let lp = unsafe { lhs_p.add(ir * kb) };
                            if row0 + 1 >= col0 + nrb {
                                // Wholly on or below the diagonal: into C.
                                // SAFETY: the panels hold kb steps; the
                                // tile's rows row0..row0+mrb and columns
                                // col0..col0+nrb lie inside c, uniquely
                                // writable.
                                unsafe {
                                    let dst = cp.offset(row0 as isize * rs + col0 as isize * cs);
                                    run_tile(
                                        kit,
                                        mrb,
                                        nrb,
                                        kb,
                                        (dst, rs, cs),
                                        lp,
                                        rp,
                                        keep,
                                        alpha,
                                        status,
                                    );
                                }
                            } else {
                                // Across the diagonal.
                                // SAFETY: as above.
                                unsafe {
                                    let dst = (cp, rs, cs);
                                    let at = (row0, col0, mrb, nrb);
                                    let tile = (lp.cast_const(), rp.cast_const(), kb);
                                    let update = (keep, alpha, status);
                                    across(kit, dst, at, tile, update, tile_p);
                                }
                            }
                        }
                    }
                    ic += mb;
                }
                first = false;
                pc += kb;
            }
        }
        jc += nb;
    }
}

/// A micro-tile of [`packed`] at rows `row0..row0+mrb` and columns
/// `col0..col0+nrb` of `C` (`dst`: its pointer and strides) that crosses
/// the diagonal, its rows in groups of a register: the groups wholly above
/// the diagonal skipped, those crossing it computed into `buf` (an `mr x nr`
/// column-major buffer) of which the part on or below the diagonal is
/// merged into `C`, and the rest computed into `C` directly. `tile` holds
/// the packed panels of the tile and the depth; `update` the scalars and
/// status code of the kernel call that a whole tile would get.
///
/// # Safety
/// As for a micro-kernel call on the whole tile (see [`run_tile`]).
#[allow(clippy::type_complexity)]
unsafe fn across<T: Scalar>(
    kit: &Kit<T>,
    (cp, rs, cs): (*mut T, isize, isize),
    (row0, col0, mrb, nrb): (usize, usize, usize, usize),
    (lp, rp, kb): (*const T, *const T, usize),
    (keep, alpha, status): (T, T, u8),
    buf: *mut T,
) {
    let lanes = kit.lanes;
    // Row i (of the tile) crosses the diagonal when some column is past it,
    // i.e. row0 + i < col0 + nrb - 1; it is wholly above when row0 + i < col0.
    let skip = col0.saturating_sub(row0) / lanes * lanes;
    let cross_end = (col0 + nrb - 1 - row0).next_multiple_of(lanes).min(mrb);
    // SAFETY: the caller's contract; row offsets within the tile are
    // multiples of a register (or its end), so each call reads whole
    // registers of the packed left panel.
    unsafe {
        if cross_end > skip {
            let rows = cross_end - skip;
            let lp = lp.add(skip);
            run_tile(
                kit,
                rows,
                nrb,
                kb,
                (buf, 1, kit.mr as isize),
                lp,
                rp,
                T::zero(),
                alpha,
                0,
            );
            for j in 0..nrb {
                let col = col0 + j;
                for i in col.max(row0 + skip) - row0..cross_end {
                    let t = *buf.add(i - skip + j * kit.mr);
                    let d = cp.offset((row0 + i) as isize * rs + col as isize * cs);
                    *d = match status {
                        0 => t,
                        1 => *d + t,
                        _ => keep * *d + t,
                    };
                }
            }
        }
        if cross_end < mrb {
            let dst = cp.offset((row0 + cross_end) as isize * rs + col0 as isize * cs);
            let lp = lp.add(cross_end);
            run_tile(
                kit,
                mrb - cross_end,
                nrb,
                kb,
                (dst, rs, cs),
                lp,
                rp,
                keep,
                alpha,
                status,
            );
        }
    }
}

/// `B := alpha*A*B` (left side), `A` an `m x m` triangle in its `uplo`
/// triangle (unit diagonal assumed and not read with [`Diag::Unit`]; the
/// other triangle not used), `B` `m x n`: the packed macro-kernel below, or
/// the blocked recursion where the CPU level has no micro-kernels. With
/// `alpha == 0`, `B` is set to zero and `A` is not read.
pub fn trmm_left<T: Scalar>(uplo: Uplo, diag: Diag, alpha: T, a: MatRef<'_, T>, b: MatMut<'_, T>) {
    trmm_left_at(cpu_level(), uplo, diag, alpha, a, b);
}

/// [`trmm_left`] with the micro-kernels of `level` (clamped to the detected
/// level; the blocked recursion where `level` has none).
pub fn trmm_left_at<T: Scalar>(
    level: CpuLevel,
    uplo: Uplo,
    diag: Diag,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatMut<'_, T>,
) {
    trmm_left_with(level, tri::TRMM_LEAF, uplo, diag, alpha, a, b);
}

/// [`trmm_left_at`], with triangles up to `leaf` rows left to the small
/// triangle kernel ([`tri::trmm`], faster there than packing).
fn trmm_left_with<T: Scalar>(
    level: CpuLevel,
    leaf: usize,
    uplo: Uplo,
    diag: Diag,
    alpha: T,
    a: MatRef<'_, T>,
    b: MatMut<'_, T>,
) {
    if b.nrows() == 0 || b.ncols() == 0 {
        return;
    }
    match kit::<T>(level) {
        Some(kit) if alpha != T::zero() && b.nrows() > leaf => {
            trmm_packed(&kit, uplo, diag, alpha, a, b)
        }
        _ => blocked::trmm_left(
            &seq_gemm::<T>,
            &tri::trmm::<T>,
            tri::TRMM_LEAF,
            uplo,
            diag,
            alpha,
            a,
            b,
        )
        .expect("the sequential gemm does not fail"),
    }
}

/// The packed macro-kernel of [`trmm_left`] (`alpha != 0`), in place.
///
/// Blocks `K` of `kc` rows of `B` are taken from the end of the triangle
/// that no other block feeds (the last rows for lower, the first for
/// upper): each is packed while it still holds its old value, then the
/// rows the triangle's block column `K` reaches beyond `K` get `B_I +=
/// alpha*A_IK*B_K`, and `K` itself `B_K := alpha*A_KK*B_K` from the packed
/// copy, with `A_KK` packed as a full block (zeros outside the triangle, ones
/// on a unit diagonal) and each micro-tile's product cut to the depth range
/// where its rows of `A_KK` are not zero.
fn trmm_packed<T: Scalar>(
    kit: &Kit<T>,
    uplo: Uplo,
    diag: Diag,
    alpha: T,
    a: MatRef<'_, T>,
    mut b: MatMut<'_, T>,
) {
    let (m, n) = (b.nrows(), b.ncols());
    let (mr, nr) = (kit.mr, kit.nr);
    let KernelParams { kc, mc, nc } = kernel_params(m, n, m, mr, nr, std::mem::size_of::<T>());
    let kc = kc.clamp(1, m);
    let mc = mc.max(mr) / mr * mr;
    let nc = if nc == 0 { n } else { nc.max(nr) / nr * nr };
    let mut rhs_buf = Aligned::<T>::new(kc * nc.min(n).next_multiple_of(nr));
    let mut lhs_buf = Aligned::<T>::new(kc * mc.min(m).next_multiple_of(mr));
    let (rhs_p, lhs_p) = (rhs_buf.ptr(), lhs_buf.ptr());
    let (rs, cs) = (b.rs(), b.cs());
    let bp = b.as_mut_ptr();
    let lower = uplo == Uplo::Lower;
    // The blocks K, in the order they are processed.
    let starts: Vec<usize> = if lower {
        (0..m).step_by(kc).rev().collect()
    } else {
        (0..m).step_by(kc).collect()
    };
    let mut jc = 0;
    while jc < n {
        let nb = nc.min(n - jc);
        for &k0 in &starts {
            let kb = kc.min(m - k0);
            let bk = b.as_ref().submatrix(k0, jc, kb, nb);
            // SAFETY: the buffer holds a kc x nc panel; the rows and columns
            // lie inside `bk` (read as B^T: its rows are the depth).
            unsafe { pack(kit.pack_r, bk.t(), 0, nb, 0, kb, nr, rhs_p) };
            // The rows A's block column K reaches outside K, then K.
            let outside = if lower { k0 + kb..m } else { 0..k0 };
            for (rows, on_diag) in [(outside, false), (k0..k0 + kb, true)] {
                let mut ic = rows.start;
                while ic < rows.end {
                    let mb = mc.min(rows.end - ic);
                    // SAFETY: as above, for the kc x mc left panel, rows
                    // ic..ic+mb and columns k0..k0+kb inside `a`.
                    unsafe { pack(kit.pack_l, a, ic, mb, k0, kb, mr, lhs_p) };
                    if on_diag {
                        // SAFETY: the panel just packed, rows ic.., depth k0...
                        unsafe { triangle_fixup(lower, diag, ic, mb, k0, kb, mr, lhs_p) };
                    }
                    for jr in (0..nb).step_by(nr) {
                        let nrb = nr.min(nb - jr);
                        for ir in (0..mb).step_by(mr) {
                            let (row0, mrb) = (ic + ir, mr.min(mb - ir));
                            // The depth range where these rows of A_KK are
                            // not zero (all of it outside K).
                            let (p0, p1) = match (on_diag, lower) {
                                (false, _) => (0, kb),
                                (true, true) => (0, (row0 + mrb - k0).min(kb)),
                                (true, false) => (row0 - k0, kb),
                            };
                            let status = if on_diag { 0 } else { 1 };
                            // SAFETY: panels ir/mr and jr/nr, from depth p0
                            // on (each panel stores its depth steps mr or nr
                            // apart); the tile's rows and columns lie in B,
                            // uniquely writable, and not in the packed copy.
                            unsafe {
                                let dst = bp.offset(row0 as isize * rs + (jc + jr) as isize * cs);
                                run_tile(
                                    kit,
                                    mrb,
                                    nrb,
                                    p1 - p0,
                                    (dst, rs, cs),
                                    lhs_p.add(ir * kb + p0 * mr),
                                    rhs_p.add(jr * kb + p0 * nr),
                                    T::one(),
                                    alpha,
                                    status,
                                );
                            }
                        }
                    }
                    ic += mb;
                }
            }
        }
        jc += nb;
    }
}

/// In a left panel packed from rows `i0..i0+rows` and depth (columns of
/// `A`) `k0..k0+kb`, rows inside the depth range (a diagonal block): zeros
/// outside the `lower` (or upper) triangle, and ones on the diagonal for
/// [`Diag::Unit`] (where `A`'s diagonal is not read). Only the depth range
/// that [`trmm_packed`] gives each micro-panel is fixed: from the panel's
/// first row's diagonal up to its last row's (lower), or the reverse.
///
/// # Safety
/// `dst` must be that panel, as [`pack`] wrote it with `width` rows.
#[allow(clippy::too_many_arguments)]
unsafe fn triangle_fixup<T: Scalar>(
    lower: bool,
    diag: Diag,
    i0: usize,
    rows: usize,
    k0: usize,
    kb: usize,
    width: usize,
    dst: *mut T,
) {
    debug_assert!(i0 >= k0 && i0 + rows <= k0 + kb);
    for t in 0..rows.div_ceil(width) {
        let r0 = i0 + t * width - k0; // the panel's first row, as a depth
        let h = width.min(rows - t * width);
        for i in 0..h {
            let d = r0 + i; // this row's diagonal, as a depth
            let outside = if lower { d + 1..r0 + h } else { r0..d };
            // SAFETY: inside the panel (the caller's contract).
            unsafe {
                let at = |p: usize| dst.add(t * width * kb + p * width + i);
                for p in outside {
                    *at(p) = T::zero();
                }
                if diag == Diag::Unit {
                    *at(d) = T::one();
                }
            }
        }
    }
}

/// One micro-kernel call: `dst := keep*dst + alpha*L*R` on an `m x n` tile
/// (`dst` given as pointer, row and column strides) of depth `k`, `L` and
/// `R` packed panels; `status` the kernels' code (0: `dst` not read, 1:
/// `keep == 1`, 2: general).
///
/// # Safety
/// The panels must hold `k` depth steps from the pointers given; the tile
/// must be valid and writable (and initialized unless `status == 0`).
#[allow(clippy::too_many_arguments)]
unsafe fn run_tile<T: Scalar>(
    kit: &Kit<T>,
    m: usize,
    n: usize,
    k: usize,
    (dst, rs, cs): (*mut T, isize, isize),
    lhs: *const T,
    rhs: *const T,
    keep: T,
    alpha: T,
    status: u8,
) {
    let ukr = kit.ukr[(m.div_ceil(kit.lanes) - 1) * kit.nr + n - 1];
    // SAFETY: the caller's contract; the kernel reads `k` steps of each
    // panel (`mr` and `nr` apart) and touches only the `m x n` tile.
    unsafe {
        ukr(
            m,
            n,
            k,
            dst,
            lhs,
            rhs,
            cs,
            rs,
            kit.mr as isize,
            kit.nr as isize,
            1,
            keep,
            alpha,
            status,
            false,
            false,
            false,
            std::ptr::null(),
        );
    }
}

#[cfg(test)]
mod tests;
