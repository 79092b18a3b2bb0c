//! The triangle-aware packed product of complex syrk, syr2k, herk and
//! her2k: one macro-kernel per call that packs each panel of the operands
//! once and runs the `gemm` crate's complex micro-kernels over only the
//! micro-tiles the triangle reaches.
//!
//! The updates built on gemm calls (a recursion of off-diagonal blocks,
//! diagonal blocks in full) stayed near 0.85x of OpenBLAS at n = 1024 on
//! one core: every call packs its operands again, small calls run the
//! kernels below their speed, and the diagonal blocks do their work twice.
//! These are the loops of one gemm (blocks of `nc` columns, `kc` depth and
//! `mc` rows, sizes from the `gemm` crate's cache model) restricted to the
//! lower triangle, as in `level3::packed` for the reals: the rows of a
//! block of columns start at its first column, tiles wholly above the
//! diagonal are skipped, and a tile that crosses the diagonal is computed
//! into a small buffer of which only the part on or below it reaches `C`.
//!
//! The packing writes the operands' logical values (a conjugated view is
//! conjugated as it is packed), so the micro-kernels never take a
//! conjugation flag: herk's `A*A^H` is `A` times the packed `conj(A)`, with
//! no copy and none of the kernels' slower mixed-conjugation path.
//!
//! The micro-kernels are the `gemm` crate's complex ones for AVX-512
//! (built in the private `complex_ukr` module); on other CPUs [`kit`] gives `None` and
//! callers use their gemm-based fallback.

use gemm_common::cache::{kernel_params, KernelParams};
use gemm_common::microkernel::MicroKernelFn;
use oxpar_core::{Complex, DType, Element, MatMut, MatRef, Scalar};

use crate::dispatch::CpuLevel;

/// A set of complex micro-kernels: `ukr[(regs - 1) * nr + (n - 1)]`
/// computes a tile of `n` columns and up to `regs * lanes` rows.
pub struct Kit<T: 'static> {
    /// Complex elements per SIMD register.
    lanes: usize,
    /// Rows of a full micro-tile.
    mr: usize,
    /// Columns of a full micro-tile.
    nr: usize,
    ukr: &'static [MicroKernelFn<T>],
}

/// `kit!(name, real, module, lanes)`: the kit of `Complex<real>` from the
/// `gemm` crate's micro-kernel module.
macro_rules! kit {
    ($name:ident, $r:ty, $m:path, $lanes:literal) => {
        fn $name() -> Kit<Complex<$r>> {
            use $m as k;
            static UKR: [[MicroKernelFn<Complex<$r>>; k::CPLX_NR]; k::CPLX_MR_DIV_N] = k::CPLX_UKR;
            Kit {
                lanes: $lanes,
                mr: $lanes * k::CPLX_MR_DIV_N,
                nr: k::CPLX_NR,
                ukr: UKR.as_flattened(),
            }
        }
    };
}

#[cfg(target_arch = "x86_64")]
kit!(c64_avx512, f64, crate::complex_ukr::avx512f::f64, 4);
#[cfg(target_arch = "x86_64")]
kit!(c32_avx512, f32, crate::complex_ukr::avx512f::f32, 8);

/// The micro-kernels for `Complex<R>` at `level` (clamped to the detected
/// level), or `None` where there are none.
pub fn kit<R: Scalar>(level: CpuLevel) -> Option<Kit<Complex<R>>> {
    #[cfg(target_arch = "x86_64")]
    {
        let level = level.min(crate::dispatch::detect_cached());
        match (R::DTYPE, level) {
            (DType::F64, CpuLevel::Avx512F) => return retype(c64_avx512()),
            (DType::F32, CpuLevel::Avx512F) => return retype(c32_avx512()),
            _ => {}
        }
    }
    let _ = level;
    None
}

/// `kit` as a kit for `Complex<R>`, whose `DTYPE` the caller matched to
/// `S`'s.
#[cfg(target_arch = "x86_64")]
fn retype<R: Scalar, S: Scalar>(kit: Kit<Complex<S>>) -> Option<Kit<Complex<R>>> {
    assert!(R::DTYPE == S::DTYPE);
    // SAFETY: `Scalar` is sealed to f32 and f64, one type per DTYPE, so `R`
    // and `S` are the same type and so are the kernels.
    let ukr = unsafe {
        std::slice::from_raw_parts(
            kit.ukr.as_ptr().cast::<MicroKernelFn<Complex<R>>>(),
            kit.ukr.len(),
        )
    };
    Some(Kit {
        lanes: kit.lanes,
        mr: kit.mr,
        nr: kit.nr,
        ukr,
    })
}

/// One product of a rank update: `alpha * L * R^T` with `L` (`m x k`, the
/// rows of `C`) and `R` (`w x k`, its columns) as their logical values
/// (conjugation marks applied).
pub type Product<'a, R> = (Complex<R>, MatRef<'a, Complex<R>>, MatRef<'a, Complex<R>>);

/// The part of `C` a call of [`rank_k_trapezoid`] updates: element `(i, j)`
/// of the `m x w` view is inside when `i >= j + d` (`upper == false`) or
/// `i <= j + d`.
#[derive(Copy, Clone, Debug)]
pub struct Shape {
    /// The upper triangle (else the lower).
    pub upper: bool,
    /// The row of column 0's diagonal element.
    pub d: usize,
}

/// `C := sum_p alpha_p * L_p * R_p^T + beta*C` on the elements of the
/// `m x w` view `c` inside `shape`: with `d == 0`, `w == m` the lower
/// triangle of a syrk, syr2k, herk or her2k (herk: `L = A`, `R =
/// conj(A)`); a block of columns `j0..j1` of a larger call is the rows
/// `j0..` of `C` and `L` with `d == 0` for the lower triangle, the rows
/// `..j1` with `d == j0` for the upper one (`R` the rows `j0..j1`).
/// Elements outside are neither read nor written; with `beta == 0`, `C` is
/// not read. `products` must not be empty and `k > 0`.
pub fn rank_k_trapezoid<R: Scalar>(
    kit: &Kit<Complex<R>>,
    shape: Shape,
    products: &[Product<'_, R>],
    beta: Complex<R>,
    mut c: MatMut<'_, Complex<R>>,
) where
    Complex<R>: Element<Real = R>,
{
    let (m, w) = (c.nrows(), c.ncols());
    let k = products[0].1.ncols();
    debug_assert!(k > 0);
    let Shape { upper, d } = shape;
    // Whether element (i, j) is inside.
    let inside = |i: usize, j: usize| if upper { i <= j + d } else { i >= j + d };
    if m == 0 || w == 0 {
        return;
    }
    let zero = <Complex<R> as Element>::ZERO;
    let one = <Complex<R> as Element>::ONE;
    let (mr, nr) = (kit.mr, kit.nr);
    let KernelParams { kc, mc, nc } =
        kernel_params(m, w, k, mr, nr, std::mem::size_of::<Complex<R>>());
    let kc = kc.clamp(1, k);
    let mc = mc.max(mr) / mr * mr;
    let nc = if nc == 0 { w } else { nc.max(nr) / nr * nr };
    let mut rhs_buf = Aligned::new(kc * nc.min(w).next_multiple_of(nr));
    let mut lhs_buf = Aligned::new(kc * mc.min(m).next_multiple_of(mr));
    let mut tile = Aligned::new(mr * nr);
    let (rhs_p, lhs_p, tile_p) = (rhs_buf.ptr(), lhs_buf.ptr(), tile.ptr());
    let (rs, cs) = (c.rs(), c.cs());
    let cp = c.as_mut_ptr();
    let mut jc = 0;
    while jc < w {
        let nb = nc.min(w - jc);
        let mut first = true;
        for &(alpha, lhs, rhs) in products {
            let mut pc = 0;
            while pc < k {
                let kb = kc.min(k - pc);
                // dst := keep*dst + alpha*acc, as the micro-kernels' status
                // code (0: dst not read; 1: keep == 1; 2: general).
                let (status, keep) = if !first || beta == one {
                    (1u8, one)
                } else if beta == zero {
                    (0, zero)
                } else {
                    (2, beta)
                };
                // SAFETY: the buffers were sized for kc x nc and kc x mc
                // panels, and the rows and columns packed lie inside the
                // operands.
                unsafe { pack(rhs, jc, nb, pc, kb, nr, rhs_p) };
                // The rows the triangle reaches in these columns.
                let (mut ic, rows_end) = if upper {
                    (0, m.min(jc + nb + d))
                } else {
                    ((jc + d).min(m), m)
                };
                while ic < rows_end {
                    let mb = mc.min(rows_end - ic);
                    // SAFETY: as above.
                    unsafe { pack(lhs, ic, mb, pc, kb, mr, lhs_p) };
                    for jr in (0..nb).step_by(nr) {
                        let (col0, nrb) = (jc + jr, nr.min(nb - jr));
                        // SAFETY: panel `jr / nr` of the packed right operand.
                        let rp = unsafe { rhs_p.add(jr * kb) };
                        for ir in (0..mb).step_by(mr) {
                            let (row0, mrb) = (ic + ir, mr.min(mb - ir));
                            let (last_row, last_col) = (row0 + mrb - 1, col0 + nrb - 1);
                            // Wholly outside, or wholly inside.
                            let (out, all_in) = if upper {
                                (row0 > last_col + d, last_row <= col0 + d)
                            } else {
                                (last_row < col0 + d, row0 >= last_col + d)
                            };
                            if out {
                                continue;
                            }
                            // SAFETY: panel `ir / mr` of the packed left operand.
                            let lp = unsafe { lhs_p.add(ir * kb) };
                            if all_in {
                                // Wholly inside: into C.
                                // SAFETY: the panels hold kb steps; the
                                // tile lies inside c, uniquely writable.
                                unsafe {
                                    let dst = cp.offset(row0 as isize * rs + col0 as isize * cs);
                                    run_tile(
                                        kit,
                                        (mrb, nrb, kb),
                                        (dst, rs, cs),
                                        (lp, rp),
                                        (keep, alpha, status),
                                    );
                                }
                            } else {
                                // Across the diagonal: the whole tile into
                                // the buffer, the part inside merged.
                                // SAFETY: as above, the buffer holding
                                // mr x nr elements.
                                unsafe {
                                    run_tile(
                                        kit,
                                        (mrb, nrb, kb),
                                        (tile_p, 1, mr as isize),
                                        (lp, rp),
                                        (zero, alpha, 0),
                                    );
                                    for j in 0..nrb {
                                        let col = col0 + j;
                                        for i in (0..mrb).filter(|&i| inside(row0 + i, col)) {
                                            let t = *tile_p.add(i + j * mr);
                                            let d = cp.offset(
                                                (row0 + i) as isize * rs + col as isize * cs,
                                            );
                                            *d = match status {
                                                0 => t,
                                                1 => *d + t,
                                                _ => keep * *d + t,
                                            };
                                        }
                                    }
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

/// A buffer of `len` complex elements starting on a 64-byte boundary (the
/// packed panels are read a register at a time).
struct Aligned<T> {
    storage: Vec<T>,
    start: usize,
}

impl<R: Scalar> Aligned<Complex<R>>
where
    Complex<R>: Element<Real = R>,
{
    fn new(len: usize) -> Self {
        let extra = 64 / std::mem::size_of::<Complex<R>>();
        let storage = vec![<Complex<R> as Element>::ZERO; len + extra];
        let start = storage.as_ptr().align_offset(64).min(extra);
        Aligned { storage, start }
    }

    fn ptr(&mut self) -> *mut Complex<R> {
        self.storage[self.start..].as_mut_ptr()
    }
}

/// Packs rows `i0..i0+rows` and columns `p0..p0+kb` of `x` (its logical
/// values: conjugated where `x` is marked so) into panels of `width` rows:
/// panel `t` holds, for each column `p`, its `width` rows contiguous, and
/// starts at `t*width*kb` (rows past the end of a partial panel keep what
/// the buffer held: the micro-kernels compute them but never store them).
///
/// # Safety
/// `dst` must hold `rows.div_ceil(width) * width * kb` elements, and the
/// rows and columns must lie inside `x`.
unsafe fn pack<R: Scalar>(
    x: MatRef<'_, Complex<R>>,
    i0: usize,
    rows: usize,
    p0: usize,
    kb: usize,
    width: usize,
    dst: *mut Complex<R>,
) where
    Complex<R>: Element<Real = R>,
{
    let (rs, cs, conj) = (x.rs(), x.cs(), x.is_conj());
    let fix = |v: Complex<R>| if conj { v.conj() } else { v };
    // SAFETY: the caller's contract; every offset is of an element of `x`
    // or of the panels.
    unsafe {
        let src = x.as_ptr().offset(i0 as isize * rs + p0 as isize * cs);
        for t in 0..rows.div_ceil(width) {
            let (r0, h) = (t * width, width.min(rows - t * width));
            let panel = dst.add(t * width * kb);
            // Down the panel's columns: contiguous writes, and the rows'
            // cache lines (rows contiguous or not) reused by the next
            // columns.
            for p in 0..kb {
                let s = src.offset((r0 as isize) * rs + p as isize * cs);
                let d = panel.add(p * width);
                for r in 0..h {
                    *d.add(r) = fix(*s.offset(r as isize * rs));
                }
            }
        }
    }
}

/// One micro-kernel call: the `m x n` tile at `dst` (with strides `rs`,
/// `cs`) `:= keep*dst + alpha*acc` (status as in [`rank_k_trapezoid`]),
/// `acc` the product of `k` steps of the packed panels `lhs` and `rhs`.
///
/// # Safety
/// The panels must hold `k` steps of `kit.mr` and `kit.nr` elements, and
/// the tile must lie in uniquely writable memory.
unsafe fn run_tile<T: Copy>(
    kit: &Kit<T>,
    (m, n, k): (usize, usize, usize),
    (dst, rs, cs): (*mut T, isize, isize),
    (lhs, rhs): (*const T, *const T),
    (keep, alpha, status): (T, T, u8),
) {
    let ukr = kit.ukr[(m.div_ceil(kit.lanes) - 1) * kit.nr + n - 1];
    // SAFETY: the caller's contract; the kernel reads `k` steps of each
    // panel (`mr` and `nr` apart) and touches only the `m x n` tile. The
    // `gemm` crate's convention is dst := alpha_g*dst + beta_g*acc, hence
    // `keep` in its alpha and `alpha` in its beta.
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
mod tests {
    use super::*;
    use oxpar_core::Complex64;

    fn values(len: usize, seed: u64) -> Vec<Complex64> {
        let mut s = seed | 1;
        let mut next = move || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) - 0.5
        };
        (0..len).map(|_| Complex64::new(next(), next())).collect()
    }

    /// Runs `rank_k_trapezoid` on `m x w` (`C` column-major with padding,
    /// NaN above the diagonal, and below it too when `beta == 0` so that
    /// reading it would show) and compares with a loop over the views'
    /// logical elements; `R` is a row-major view, conjugated or not, and the
    /// rank-2k form adds `alpha2 * R * L^T`.
    fn check<R: Scalar>(
        kit: &Kit<Complex<R>>,
        shape: Shape,
        (m, w, k): (usize, usize, usize),
        tol: f64,
    ) where
        Complex<R>: Element<Real = R>,
    {
        let narrow = |v: &[Complex64]| -> Vec<Complex<R>> {
            v.iter()
                .map(|z| Complex::new(R::from_f64(z.re), R::from_f64(z.im)))
                .collect()
        };
        let wide = |z: Complex<R>| Complex64::new(z.re.as_f64(), z.im.as_f64());
        let (av, bv) = (narrow(&values(m * k, 1)), narrow(&values(m * k, 2)));
        let alpha = Complex::new(R::from_f64(0.75), R::from_f64(-0.5));
        let alpha2 = Complex::new(R::from_f64(-0.25), R::from_f64(1.0));
        let betas = [(0.0, 0.0), (1.0, 0.0), (0.5, -0.25)];
        for two in [false, true] {
            for conj in [false, true] {
                for (br, bi) in betas {
                    let beta = Complex::new(R::from_f64(br), R::from_f64(bi));
                    let l = MatRef::col_major(&av, m, k, m).unwrap();
                    let r = MatRef::row_major(&bv, m, k, k).unwrap();
                    let r = if conj { r.conj() } else { r };
                    let (l0, r0) = (l.submatrix(0, 0, w, k), r.submatrix(0, 0, w, k));
                    let mut products = vec![(alpha, l, r0)];
                    if two {
                        products.push((alpha2, r, l0));
                    }
                    let inside = |i: usize, j: usize| {
                        if shape.upper {
                            i <= j + shape.d
                        } else {
                            i >= j + shape.d
                        }
                    };
                    let ld = m + 2;
                    let nan = Complex::new(R::from_f64(f64::NAN), R::from_f64(f64::NAN));
                    let mut c0 = narrow(&values(ld * w, 3));
                    for j in 0..w {
                        for i in 0..m {
                            if !inside(i, j) || br == 0.0 && bi == 0.0 {
                                c0[i + j * ld] = nan;
                            }
                        }
                    }
                    let mut cv = c0.clone();
                    let c = MatMut::col_major(&mut cv, m, w, ld).unwrap();
                    rank_k_trapezoid(kit, shape, &products, beta, c);
                    for j in 0..w {
                        for i in 0..m {
                            let got = wide(cv[i + j * ld]);
                            if !inside(i, j) {
                                assert!(got.re.is_nan(), "{shape:?} m={m} w={w} ({i},{j}) written");
                                continue;
                            }
                            let mut want = Complex64::new(0.0, 0.0);
                            if br != 0.0 || bi != 0.0 {
                                want = Complex64::new(br, bi) * wide(c0[i + j * ld]);
                            }
                            for &(s, x, y) in &products {
                                let dot = (0..k).fold(Complex64::new(0.0, 0.0), |acc, p| {
                                    acc + wide(x.get(i, p)) * wide(y.get(j, p))
                                });
                                want += wide(s) * dot;
                            }
                            assert!(
                                (got - want).norm() <= tol * (k as f64 + 1.0),
                                "{shape:?} m={m} w={w} k={k} two={two} conj={conj} beta=({br},{bi}) ({i},{j}): {got} vs {want}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// The shapes a call and its column blocks take: lower triangles and
    /// trapezoids (`d == 0`, and a diagonal further down), upper ones
    /// (`d == 0`, and `d == m - w`: the last columns of an upper triangle).
    fn shapes(m: usize, w: usize) -> [Shape; 4] {
        [
            Shape { upper: false, d: 0 },
            Shape { upper: false, d: 3 },
            Shape { upper: true, d: 0 },
            Shape {
                upper: true,
                d: m - w,
            },
        ]
    }

    /// Trapezoids and triangles at sizes around a micro-tile (16 x 6 for
    /// c64, 32 x 6 for c32) and past the depth of a cache block.
    #[test]
    fn trapezoids_match_a_loop() {
        if let Some(kit) = kit::<f64>(CpuLevel::Avx512F) {
            for size in [
                (1, 1, 1),
                (5, 3, 4),
                (16, 16, 7),
                (17, 6, 9),
                (40, 33, 40),
                (70, 70, 3),
                (97, 50, 700),
            ] {
                for shape in shapes(size.0, size.1) {
                    check(&kit, shape, size, 1e-14);
                }
            }
        }
        if let Some(kit) = kit::<f32>(CpuLevel::Avx512F) {
            for size in [(1, 1, 1), (33, 33, 5), (45, 20, 300)] {
                for shape in shapes(size.0, size.1) {
                    check(&kit, shape, size, 1e-5);
                }
            }
        }
    }
}
