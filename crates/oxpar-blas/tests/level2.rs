//! Level 2 against naive loops written here: every routine, s and d, through
//! its exported Fortran entry point (and the CBLAS ones for both layouts), on
//! shapes 0, 1 and odd sizes, padded leading dimensions, increments 1, 2, -1,
//! -2, both triangles, all transposes and both diagonals.
//!
//! Besides the values, each call is checked for what it must not touch or
//! read: the gaps between strided vector elements and the padding rows of
//! matrices keep their contents, array elements the routine must not read
//! hold NaN (the unused triangle, band corners, unit diagonals, `y` when
//! `beta = 0`, `A` when `alpha = 0`), and quick returns leave `y` as it was.
//!
//! Errors: a Rust test binary links the library statically, so it cannot
//! define its own `xerbla_` (the symbol would be defined twice) and
//! executables do not export symbols to `dlsym` anyway; the library's own
//! handlers print the routine's name and the argument's position. The test
//! `bad_arguments_are_reported` runs this binary again as a child process
//! that makes bad calls, and reads those lines back.

use std::ffi::c_char;

/// Gap filler for output vectors and unreferenced parts of output matrices.
const GAP: f64 = 77.0;

/// A small deterministic generator of values in [-1, 1].
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    }
}

/// Elements spanned by `n` elements at increment `inc` (at least 1, so that
/// empty vectors still have a valid pointer).
fn span(n: usize, inc: i32) -> usize {
    if n == 0 {
        1
    } else {
        1 + (n - 1) * inc.unsigned_abs() as usize
    }
}

/// Where logical element `i` of an `n`-vector at `inc` lives (the reference
/// convention: for `inc < 0` element 0 is the last in memory).
fn pos(i: usize, n: usize, inc: i32) -> usize {
    let step = inc.unsigned_abs() as usize;
    if inc > 0 {
        i * step
    } else {
        (n - 1 - i) * step
    }
}

/// Checks `got` against `want` within `k` rounding errors of `mag`, the sum
/// of the magnitudes of the terms.
fn close(got: f64, want: f64, mag: f64, eps: f64, k: f64, ctx: &dyn Fn() -> String) {
    let tol = k * eps * (mag + want.abs()) + 1e-300;
    assert!(
        (got - want).abs() <= tol,
        "{}: got {got}, want {want} (tolerance {tol})",
        ctx()
    );
}

/// Character arguments.
fn ch(c: &'static [u8; 1]) -> *const c_char {
    c.as_ptr().cast()
}

/// CBLAS enumerations.
const ROW: i32 = 101;
const COL: i32 = 102;
const NO_TRANS: i32 = 111;
const TRANS: i32 = 112;
const CONJ_TRANS: i32 = 113;
const UPPER: i32 = 121;
const LOWER: i32 = 122;
const NON_UNIT: i32 = 131;
const UNIT: i32 = 132;

const INCS: [i32; 4] = [1, 2, -1, -2];

/// (alpha, beta) pairs: quick return, zero beta (y not read), plain, general.
const ALPHA_BETA: [(f64, f64); 5] = [(0.0, 1.0), (0.0, 0.5), (1.0, 0.0), (0.7, 1.0), (0.7, 0.9)];

macro_rules! suite {
    (
        $modname:ident, $t:ty,
        [$gemv:ident, $gbmv:ident, $symv:ident, $sbmv:ident, $spmv:ident,
         $trmv:ident, $tbmv:ident, $tpmv:ident, $trsv:ident, $tbsv:ident, $tpsv:ident,
         $ger:ident, $syr:ident, $spr:ident, $syr2:ident, $spr2:ident],
        [$cgemv:ident, $cgbmv:ident, $csymv:ident, $csbmv:ident, $cspmv:ident,
         $ctrmv:ident, $ctbmv:ident, $ctpmv:ident, $ctrsv:ident, $ctbsv:ident, $ctpsv:ident,
         $cger:ident, $csyr:ident, $cspr:ident, $csyr2:ident, $cspr2:ident]
    ) => {
        mod $modname {
            use super::*;
            use oxpar_blas::level2::{
                $cgbmv, $cgemv, $cger, $csbmv, $cspmv, $cspr, $cspr2, $csymv, $csyr, $csyr2,
                $ctbmv, $ctbsv, $ctpmv, $ctpsv, $ctrmv, $ctrsv, $gbmv, $gemv, $ger, $sbmv,
                $spmv, $spr, $spr2, $symv, $syr, $syr2, $tbmv, $tbsv, $tpmv, $tpsv, $trmv,
                $trsv,
            };

            type T = $t;
            const EPS: f64 = <$t>::EPSILON as f64;

            /// A random value representable in T.
            fn rv(rng: &mut Rng) -> f64 {
                rng.next() as T as f64
            }

            fn to_t(v: &[f64]) -> Vec<T> {
                v.iter().map(|&x| x as T).collect()
            }

            /// An input vector: storage with NaN in the gaps, and its values.
            fn vec_in(rng: &mut Rng, n: usize, inc: i32) -> (Vec<T>, Vec<f64>) {
                let mut st = vec![T::NAN; span(n, inc)];
                let vals: Vec<f64> = (0..n).map(|_| rv(rng)).collect();
                for (i, &v) in vals.iter().enumerate() {
                    st[pos(i, n, inc)] = v as T;
                }
                (st, vals)
            }

            /// An output vector: storage with GAP in the gaps; its values are
            /// random, or NaN with `nan`.
            fn vec_out(rng: &mut Rng, n: usize, inc: i32, nan: bool) -> (Vec<T>, Vec<f64>) {
                let mut st = vec![GAP as T; span(n, inc)];
                let vals: Vec<f64> = (0..n)
                    .map(|_| if nan { f64::NAN } else { rv(rng) })
                    .collect();
                for (i, &v) in vals.iter().enumerate() {
                    st[pos(i, n, inc)] = v as T;
                }
                (st, vals)
            }

            fn read_vec(st: &[T], n: usize, inc: i32) -> Vec<f64> {
                (0..n).map(|i| st[pos(i, n, inc)] as f64).collect()
            }

            /// Every storage position that is not an element still holds GAP.
            fn assert_gaps(st: &[T], n: usize, inc: i32, what: &str) {
                let mut used = vec![false; st.len()];
                for i in 0..n {
                    used[pos(i, n, inc)] = true;
                }
                for (p, (&v, u)) in st.iter().zip(used).enumerate() {
                    assert!(u || v == GAP as T, "{what}: gap {p} overwritten with {v}");
                }
            }

            fn same_bits(a: &[T], b: &[T]) -> bool {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits())
            }

            /// An m x n column-major matrix of random values.
            fn dense(rng: &mut Rng, m: usize, n: usize) -> Vec<f64> {
                (0..m * n).map(|_| rv(rng)).collect()
            }

            /// Packed index of (i, j) in the triangle `upper`.
            fn packed(upper: bool, n: usize, i: usize, j: usize) -> usize {
                if upper {
                    i + j * (j + 1) / 2
                } else {
                    (i - j) + j * (2 * n - j + 1) / 2
                }
            }

            /// Whether (i, j) of an n x n matrix is in the stored triangle
            /// `upper` and within `k` of the diagonal (`k = n` for full).
            fn in_tri(upper: bool, k: usize, i: usize, j: usize) -> bool {
                if upper {
                    i <= j && j - i <= k
                } else {
                    i >= j && i - j <= k
                }
            }

            /// Storage of the triangle `upper` of the n x n matrix `mat`
            /// within `k` of the diagonal: full (`lda`), band (`band`) or packed.
            /// Elements not stored hold `fill`; with `unit`, so does the diagonal.
            #[derive(Clone, Copy, PartialEq)]
            enum Kind {
                Full(usize),
                Band(usize),
                Packed,
            }

            fn store_tri(
                mat: &[f64],
                n: usize,
                upper: bool,
                k: usize,
                kind: Kind,
                unit: bool,
                fill: f64,
            ) -> Vec<T> {
                let len = match kind {
                    Kind::Full(lda) | Kind::Band(lda) => (lda * n).max(1),
                    Kind::Packed => (n * (n + 1) / 2).max(1),
                };
                let mut st = vec![fill as T; len];
                for j in 0..n {
                    for i in 0..n {
                        if !in_tri(upper, k, i, j) || (unit && i == j) {
                            continue;
                        }
                        let p = match kind {
                            Kind::Full(lda) => i + j * lda,
                            Kind::Band(lda) if upper => (k + i - j) + j * lda,
                            Kind::Band(lda) => (i - j) + j * lda,
                            Kind::Packed => packed(upper, n, i, j),
                        };
                        st[p] = mat[i + j * n] as T;
                    }
                }
                st
            }

            /// Reads the stored triangle back into an n x n matrix (zeros
            /// elsewhere), and checks the rest of the storage still holds GAP.
            fn load_tri(st: &[T], n: usize, upper: bool, kind: Kind, what: &str) -> Vec<f64> {
                let mut mat = vec![0.0; n * n];
                let mut used = vec![false; st.len()];
                for j in 0..n {
                    for i in 0..n {
                        if !in_tri(upper, n, i, j) {
                            continue;
                        }
                        let p = match kind {
                            Kind::Full(lda) => i + j * lda,
                            Kind::Packed => packed(upper, n, i, j),
                            Kind::Band(_) => unreachable!(),
                        };
                        mat[i + j * n] = st[p] as f64;
                        used[p] = true;
                    }
                }
                for (p, (&v, u)) in st.iter().zip(used).enumerate() {
                    assert!(u || v == GAP as T, "{what}: element {p} outside the triangle changed to {v}");
                }
                mat
            }

            /// A random n x n triangle `upper` within `k` of the diagonal,
            /// zero elsewhere, its diagonal 1 with `unit`, else in ±[2, 3].
            fn triangle(rng: &mut Rng, n: usize, upper: bool, k: usize, unit: bool) -> Vec<f64> {
                let mut mat = vec![0.0; n * n];
                for j in 0..n {
                    for i in 0..n {
                        if in_tri(upper, k, i, j) {
                            mat[i + j * n] = if i != j {
                                rv(rng)
                            } else if unit {
                                1.0
                            } else {
                                let d = 2.0 + rv(rng).abs();
                                if rng.next() < 0.0 { -d } else { d }
                            };
                        }
                    }
                }
                mat
            }

            /// A random symmetric n x n matrix with bandwidth `k`.
            fn symmetric(rng: &mut Rng, n: usize, k: usize) -> Vec<f64> {
                let mut mat = vec![0.0; n * n];
                for j in 0..n {
                    for i in j..n.min(j + k + 1) {
                        let v = rv(rng);
                        mat[i + j * n] = v;
                        mat[j + i * n] = v;
                    }
                }
                mat
            }

            /// `y := alpha*op(M)*x + beta*y` naively, with the magnitudes of
            /// the terms (`M` m x n column-major); `y` NaN counts as 0 when
            /// beta = 0.
            #[allow(clippy::too_many_arguments)]
            fn naive_mv(
                trans: bool,
                m: usize,
                n: usize,
                alpha: f64,
                mat: &[f64],
                x: &[f64],
                beta: f64,
                y: &[f64],
            ) -> (Vec<f64>, Vec<f64>) {
                let (rows, cols) = if trans { (n, m) } else { (m, n) };
                let at = |i: usize, j: usize| if trans { mat[j + i * m] } else { mat[i + j * m] };
                (0..rows)
                    .map(|i| {
                        let (mut s, mut a) = (0.0, 0.0);
                        for j in 0..cols {
                            s += at(i, j) * x[j];
                            a += (at(i, j) * x[j]).abs();
                        }
                        let by = if beta == 0.0 { 0.0 } else { beta * y[i] };
                        (alpha * s + by, alpha.abs() * a + by.abs())
                    })
                    .unzip()
            }

            /// Checks an output vector against (want, mag) and its gaps.
            fn check_vec(
                st: &[T],
                n: usize,
                inc: i32,
                want: &[f64],
                mag: &[f64],
                k: usize,
                ctx: &dyn Fn() -> String,
            ) {
                let got = read_vec(st, n, inc);
                for i in 0..n {
                    close(got[i], want[i], mag[i], EPS, 4.0 * (k as f64 + 2.0), &|| {
                        format!("{} element {i}", ctx())
                    });
                }
                assert_gaps(st, n, inc, &ctx());
            }

            // -----------------------------------------------------------------
            // Calls through the Fortran interface.

            #[allow(clippy::too_many_arguments)]
            fn gemv(
                trans: &'static [u8; 1],
                m: i32,
                n: i32,
                alpha: T,
                a: &[T],
                lda: i32,
                x: &[T],
                incx: i32,
                beta: T,
                y: &mut [T],
                incy: i32,
            ) {
                // SAFETY: the arrays hold every element the call addresses.
                unsafe {
                    $gemv(
                        ch(trans), &m, &n, &alpha, a.as_ptr(), &lda, x.as_ptr(), &incx, &beta,
                        y.as_mut_ptr(), &incy, 1,
                    )
                }
            }

            const SHAPES: [(usize, usize); 11] = [
                (0, 0),
                (0, 3),
                (3, 0),
                (1, 1),
                (1, 4),
                (4, 1),
                (2, 3),
                (5, 5),
                (7, 3),
                (3, 7),
                (9, 11),
            ];

            #[test]
            fn gemv_matches_naive() {
                let mut rng = Rng(1);
                for (m, n) in SHAPES {
                    for extra in [0, 2] {
                        let lda = m.max(1) + extra;
                        for trans in [b"N", b"t", b"C"] {
                            let tr = trans[0] != b'N';
                            let (lenx, leny) = if tr { (m, n) } else { (n, m) };
                            for incx in INCS {
                                for incy in INCS {
                                    for (alpha, beta) in ALPHA_BETA {
                                        let mat = dense(&mut rng, m, n);
                                        let mut ast = vec![T::NAN; (lda * n).max(1)];
                                        if alpha != 0.0 {
                                            for j in 0..n {
                                                for i in 0..m {
                                                    ast[i + j * lda] = mat[i + j * m] as T;
                                                }
                                            }
                                        }
                                        let (xs, x) = vec_in(&mut rng, lenx, incx);
                                        let (mut ys, y) = vec_out(&mut rng, leny, incy, beta == 0.0);
                                        let before = ys.clone();
                                        gemv(
                                            trans, m as i32, n as i32, alpha as T, &ast, lda as i32,
                                            &xs, incx, beta as T, &mut ys, incy,
                                        );
                                        let ctx = || {
                                            format!(
                                                "gemv {} m={m} n={n} lda={lda} incx={incx} incy={incy} alpha={alpha} beta={beta}",
                                                trans[0] as char
                                            )
                                        };
                                        if m == 0 || n == 0 || (alpha == 0.0 && beta == 1.0) {
                                            assert!(same_bits(&ys, &before), "{}: y touched", ctx());
                                            continue;
                                        }
                                        let (want, mag) = naive_mv(tr, m, n, alpha, &mat, &x, beta, &y);
                                        check_vec(&ys, leny, incy, &want, &mag, lenx, &ctx);
                                    }
                                }
                            }
                        }
                    }
                }
            }

            /// Sizes above the backend's serial cutoff, so the threaded split
            /// and the gathered strided paths run.
            #[test]
            fn gemv_large_matches_naive() {
                let mut rng = Rng(2);
                let (m, n, lda) = (301, 263, 307);
                let mat = dense(&mut rng, m, n);
                let mut ast = vec![T::NAN; lda * n];
                for j in 0..n {
                    for i in 0..m {
                        ast[i + j * lda] = mat[i + j * m] as T;
                    }
                }
                for trans in [b"N", b"T"] {
                    let tr = trans[0] == b'T';
                    let (lenx, leny) = if tr { (m, n) } else { (n, m) };
                    for (incx, incy) in [(1, 1), (-2, 3), (1, -1), (3, 1)] {
                        for (alpha, beta) in [(0.7, 0.0), (1.0, 0.9)] {
                            let (xs, x) = vec_in(&mut rng, lenx, incx);
                            let (mut ys, y) = vec_out(&mut rng, leny, incy, beta == 0.0);
                            gemv(
                                trans, m as i32, n as i32, alpha as T, &ast, lda as i32, &xs,
                                incx, beta as T, &mut ys, incy,
                            );
                            let (want, mag) = naive_mv(tr, m, n, alpha, &mat, &x, beta, &y);
                            check_vec(&ys, leny, incy, &want, &mag, lenx, &|| {
                                format!("large gemv {} incx={incx} incy={incy}", trans[0] as char)
                            });
                        }
                    }
                }
            }

            #[test]
            fn gbmv_matches_naive() {
                let mut rng = Rng(3);
                for (m, n) in [(0, 2), (2, 0), (1, 1), (3, 5), (6, 4), (7, 7)] {
                    for (kl, ku) in [(0, 0), (1, 0), (0, 2), (2, 1), (4, 3), (9, 9)] {
                        for extra in [0, 1] {
                            let lda = kl + ku + 1 + extra;
                            for trans in [b"N", b"T", b"c"] {
                                let tr = trans[0] != b'N';
                                let (lenx, leny) = if tr { (m, n) } else { (n, m) };
                                for incx in INCS {
                                    for incy in INCS {
                                        for (alpha, beta) in ALPHA_BETA {
                                            let mut mat = dense(&mut rng, m, n);
                                            let mut ast = vec![T::NAN; (lda * n).max(1)];
                                            for j in 0..n {
                                                for i in 0..m {
                                                    if i + ku >= j && i <= j + kl {
                                                        if alpha != 0.0 {
                                                            ast[(ku + i - j) + j * lda] = mat[i + j * m] as T;
                                                        }
                                                    } else {
                                                        mat[i + j * m] = 0.0;
                                                    }
                                                }
                                            }
                                            let (xs, x) = vec_in(&mut rng, lenx, incx);
                                            let (mut ys, y) = vec_out(&mut rng, leny, incy, beta == 0.0);
                                            let before = ys.clone();
                                            // SAFETY: the arrays hold every element the call addresses.
                                            unsafe {
                                                $gbmv(
                                                    ch(trans), &(m as i32), &(n as i32), &(kl as i32),
                                                    &(ku as i32), &(alpha as T), ast.as_ptr(), &(lda as i32),
                                                    xs.as_ptr(), &incx, &(beta as T), ys.as_mut_ptr(), &incy, 1,
                                                )
                                            };
                                            let ctx = || {
                                                format!(
                                                    "gbmv {} m={m} n={n} kl={kl} ku={ku} lda={lda} incx={incx} incy={incy} alpha={alpha} beta={beta}",
                                                    trans[0] as char
                                                )
                                            };
                                            if m == 0 || n == 0 || (alpha == 0.0 && beta == 1.0) {
                                                assert!(same_bits(&ys, &before), "{}: y touched", ctx());
                                                continue;
                                            }
                                            let (want, mag) = naive_mv(tr, m, n, alpha, &mat, &x, beta, &y);
                                            check_vec(&ys, leny, incy, &want, &mag, lenx, &ctx);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            const NS: [usize; 6] = [0, 1, 2, 3, 5, 8];

            /// symv, sbmv and spmv: `kind` picks the storage.
            fn symmetric_mv_case(rng: &mut Rng, kind_of: &dyn Fn(usize, usize) -> Kind, ks: &[usize], name: &str) {
                for n in NS {
                    for &k in ks {
                        let kind = kind_of(n, k);
                        let kb = match kind {
                            Kind::Band(_) => k,
                            _ => n,
                        };
                        for uplo in [b"U", b"l"] {
                            let upper = uplo[0] == b'U';
                            for incx in INCS {
                                for incy in INCS {
                                    for (alpha, beta) in ALPHA_BETA {
                                        let mat = symmetric(rng, n, kb);
                                        let ast = if alpha == 0.0 {
                                            vec![T::NAN; store_tri(&mat, n, upper, kb, kind, false, 0.0).len()]
                                        } else {
                                            store_tri(&mat, n, upper, kb, kind, false, f64::NAN)
                                        };
                                        let (xs, x) = vec_in(rng, n, incx);
                                        let (mut ys, y) = vec_out(rng, n, incy, beta == 0.0);
                                        let before = ys.clone();
                                        let (ni, ki, al, be) = (n as i32, k as i32, alpha as T, beta as T);
                                        // SAFETY: the arrays hold every element the call addresses.
                                        unsafe {
                                            match kind {
                                                Kind::Full(lda) => $symv(
                                                    ch(uplo), &ni, &al, ast.as_ptr(), &(lda as i32), xs.as_ptr(),
                                                    &incx, &be, ys.as_mut_ptr(), &incy, 1,
                                                ),
                                                Kind::Band(lda) => $sbmv(
                                                    ch(uplo), &ni, &ki, &al, ast.as_ptr(), &(lda as i32),
                                                    xs.as_ptr(), &incx, &be, ys.as_mut_ptr(), &incy, 1,
                                                ),
                                                Kind::Packed => $spmv(
                                                    ch(uplo), &ni, &al, ast.as_ptr(), xs.as_ptr(), &incx, &be,
                                                    ys.as_mut_ptr(), &incy, 1,
                                                ),
                                            }
                                        }
                                        let ctx = || {
                                            format!(
                                                "{name} {} n={n} k={k} incx={incx} incy={incy} alpha={alpha} beta={beta}",
                                                uplo[0] as char
                                            )
                                        };
                                        if n == 0 || (alpha == 0.0 && beta == 1.0) {
                                            assert!(same_bits(&ys, &before), "{}: y touched", ctx());
                                            continue;
                                        }
                                        let (want, mag) = naive_mv(false, n, n, alpha, &mat, &x, beta, &y);
                                        check_vec(&ys, n, incy, &want, &mag, n, &ctx);
                                    }
                                }
                            }
                        }
                    }
                }
            }

            #[test]
            fn symv_matches_naive() {
                symmetric_mv_case(&mut Rng(4), &|n, extra| Kind::Full(n.max(1) + extra), &[0, 3], "symv");
            }

            #[test]
            fn sbmv_matches_naive() {
                symmetric_mv_case(&mut Rng(5), &|_, k| Kind::Band(k + 1 + k % 2), &[0, 1, 2, 9], "sbmv");
            }

            #[test]
            fn spmv_matches_naive() {
                symmetric_mv_case(&mut Rng(6), &|_, _| Kind::Packed, &[0], "spmv");
            }

            /// The six triangular routines: `kind` picks the storage, `solve`
            /// the solves.
            fn triangular_case(
                rng: &mut Rng,
                kind_of: &dyn Fn(usize, usize) -> Kind,
                ks: &[usize],
                solve: bool,
                name: &str,
            ) {
                for n in NS {
                    for &k in ks {
                        let kind = kind_of(n, k);
                        let kb = match kind {
                            Kind::Band(_) => k,
                            _ => n,
                        };
                        for uplo in [b"U", b"L"] {
                            let upper = uplo[0] == b'U';
                            for trans in [b"N", b"T", b"C"] {
                                let tr = trans[0] != b'N';
                                for diag in [b"N", b"u"] {
                                    let unit = diag[0] == b'u';
                                    for incx in INCS {
                                        let mat = triangle(rng, n, upper, kb, unit);
                                        let ast = store_tri(&mat, n, upper, kb, kind, unit, f64::NAN);
                                        let (mut xs, x) = vec_out(rng, n, incx, false);
                                        // A zero element exercises the reference's skip.
                                        if n > 2 {
                                            xs[pos(1, n, incx)] = 0.0;
                                        }
                                        let x = if n > 2 {
                                            let mut x = x;
                                            x[1] = 0.0;
                                            x
                                        } else {
                                            x
                                        };
                                        let before = xs.clone();
                                        let (ni, ki) = (n as i32, k as i32);
                                        // SAFETY: the arrays hold every element the call addresses.
                                        unsafe {
                                            let (u, t, d) = (ch(uplo), ch(trans), ch(diag));
                                            let (a, xp) = (ast.as_ptr(), xs.as_mut_ptr());
                                            match (kind, solve) {
                                                (Kind::Full(lda), false) => $trmv(u, t, d, &ni, a, &(lda as i32), xp, &incx, 1, 1, 1),
                                                (Kind::Full(lda), true) => $trsv(u, t, d, &ni, a, &(lda as i32), xp, &incx, 1, 1, 1),
                                                (Kind::Band(lda), false) => $tbmv(u, t, d, &ni, &ki, a, &(lda as i32), xp, &incx, 1, 1, 1),
                                                (Kind::Band(lda), true) => $tbsv(u, t, d, &ni, &ki, a, &(lda as i32), xp, &incx, 1, 1, 1),
                                                (Kind::Packed, false) => $tpmv(u, t, d, &ni, a, xp, &incx, 1, 1, 1),
                                                (Kind::Packed, true) => $tpsv(u, t, d, &ni, a, xp, &incx, 1, 1, 1),
                                            }
                                        }
                                        let ctx = || {
                                            format!(
                                                "{name} {}{}{} n={n} k={k} incx={incx}",
                                                uplo[0] as char, trans[0] as char, diag[0] as char
                                            )
                                        };
                                        if n == 0 {
                                            assert!(same_bits(&xs, &before), "{}: x touched", ctx());
                                            continue;
                                        }
                                        if solve {
                                            // The residual: op(A)*x must give back b.
                                            let got = read_vec(&xs, n, incx);
                                            let (ax, mag) = naive_mv(tr, n, n, 1.0, &mat, &got, 0.0, &[]);
                                            for i in 0..n {
                                                close(ax[i], x[i], mag[i], EPS, 8.0 * (n as f64 + 2.0), &|| {
                                                    format!("{} residual {i}", ctx())
                                                });
                                            }
                                            assert_gaps(&xs, n, incx, &ctx());
                                        } else {
                                            let (want, mag) = naive_mv(tr, n, n, 1.0, &mat, &x, 0.0, &[]);
                                            check_vec(&xs, n, incx, &want, &mag, n, &ctx);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            #[test]
            fn trmv_matches_naive() {
                triangular_case(&mut Rng(7), &|n, extra| Kind::Full(n.max(1) + extra), &[0, 2], false, "trmv");
            }

            #[test]
            fn tbmv_matches_naive() {
                triangular_case(&mut Rng(8), &|_, k| Kind::Band(k + 1 + k % 2), &[0, 1, 2, 9], false, "tbmv");
            }

            #[test]
            fn tpmv_matches_naive() {
                triangular_case(&mut Rng(9), &|_, _| Kind::Packed, &[0], false, "tpmv");
            }

            #[test]
            fn trsv_solves() {
                triangular_case(&mut Rng(10), &|n, extra| Kind::Full(n.max(1) + extra), &[0, 2], true, "trsv");
            }

            #[test]
            fn tbsv_solves() {
                triangular_case(&mut Rng(11), &|_, k| Kind::Band(k + 1 + k % 2), &[0, 1, 2, 9], true, "tbsv");
            }

            #[test]
            fn tpsv_solves() {
                triangular_case(&mut Rng(12), &|_, _| Kind::Packed, &[0], true, "tpsv");
            }

            #[test]
            fn ger_matches_naive() {
                let mut rng = Rng(13);
                let mut shapes = SHAPES.to_vec();
                shapes.push((300, 260)); // above the backend's serial cutoff
                for (m, n) in shapes {
                    let big = m * n > 10_000;
                    for extra in [0, 3] {
                        let lda = m.max(1) + extra;
                        for incx in INCS {
                            for incy in INCS {
                                for alpha in [0.0, 1.0, -0.6] {
                                    if big && (extra == 0 || alpha == 0.0 || incx == -1 || incy == 2) {
                                        continue;
                                    }
                                    let mat = dense(&mut rng, m, n);
                                    let mut ast = vec![GAP as T; (lda * n).max(1)];
                                    for j in 0..n {
                                        for i in 0..m {
                                            ast[i + j * lda] = mat[i + j * m] as T;
                                        }
                                    }
                                    let (xs, x) = vec_in(&mut rng, m, incx);
                                    let (ys, y) = vec_in(&mut rng, n, incy);
                                    let before = ast.clone();
                                    // SAFETY: the arrays hold every element the call addresses.
                                    unsafe {
                                        $ger(
                                            &(m as i32), &(n as i32), &(alpha as T), xs.as_ptr(), &incx,
                                            ys.as_ptr(), &incy, ast.as_mut_ptr(), &(lda as i32),
                                        )
                                    };
                                    let ctx = || format!("ger m={m} n={n} lda={lda} incx={incx} incy={incy} alpha={alpha}");
                                    if m == 0 || n == 0 || alpha == 0.0 {
                                        assert!(same_bits(&ast, &before), "{}: A touched", ctx());
                                        continue;
                                    }
                                    for j in 0..n {
                                        for i in 0..lda {
                                            let got = ast[i + j * lda] as f64;
                                            if i >= m {
                                                assert_eq!(got, GAP, "{}: padding ({i}, {j})", ctx());
                                                continue;
                                            }
                                            let t = alpha * x[i] * y[j];
                                            let want = mat[i + j * m] + t;
                                            close(got, want, mat[i + j * m].abs() + t.abs(), EPS, 4.0, &|| {
                                                format!("{} ({i}, {j})", ctx())
                                            });
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            /// The reference skips the columns where y(j) = 0: an infinite
            /// x(i) leaves them alone instead of writing Inf*0 = NaN.
            #[test]
            fn ger_skips_zero_y_like_the_reference() {
                let (m, n) = (3, 4);
                let mut a = vec![1.0 as T; m * n];
                let x = [1.0 as T, T::INFINITY, 2.0];
                let y = [1.0 as T, 0.0, -1.0, 0.0];
                // SAFETY: the arrays hold every element the call addresses.
                unsafe {
                    $ger(&(m as i32), &(n as i32), &(1.0 as T), x.as_ptr(), &1, y.as_ptr(), &1, a.as_mut_ptr(), &(m as i32))
                };
                assert_eq!(&a[3..6], &[1.0, 1.0, 1.0]);
                assert_eq!(&a[9..12], &[1.0, 1.0, 1.0]);
                assert_eq!(&a[0..3], &[2.0, T::INFINITY, 3.0]);
                assert_eq!(&a[6..9], &[0.0, T::NEG_INFINITY, -1.0]);
            }

            /// syr, spr, syr2, spr2: `kind` picks the storage, `two` the rank.
            fn symmetric_update_case(rng: &mut Rng, packed_storage: bool, two: bool, name: &str) {
                for n in NS {
                    for extra in [0, 2] {
                        if packed_storage && extra > 0 {
                            continue;
                        }
                        let kind = if packed_storage { Kind::Packed } else { Kind::Full(n.max(1) + extra) };
                        for uplo in [b"u", b"L"] {
                            let upper = uplo[0] == b'u';
                            for incx in INCS {
                                for incy in if two { INCS.to_vec() } else { vec![1] } {
                                    for alpha in [0.0, 1.0, 0.7] {
                                        let mat = symmetric(rng, n, n);
                                        let mut ast = store_tri(&mat, n, upper, n, kind, false, GAP);
                                        let (xs, mut x) = vec_in(rng, n, incx);
                                        let (ys, y) = vec_in(rng, n, incy);
                                        // A zero exercises the reference's skip.
                                        let mut xs = xs;
                                        if n > 1 {
                                            xs[pos(0, n, incx)] = 0.0;
                                            x[0] = 0.0;
                                        }
                                        let before = ast.clone();
                                        let (ni, al) = (n as i32, alpha as T);
                                        // SAFETY: the arrays hold every element the call addresses.
                                        unsafe {
                                            let (u, a) = (ch(uplo), ast.as_mut_ptr());
                                            match (kind, two) {
                                                (Kind::Full(lda), false) => $syr(u, &ni, &al, xs.as_ptr(), &incx, a, &(lda as i32), 1),
                                                (Kind::Packed, false) => $spr(u, &ni, &al, xs.as_ptr(), &incx, a, 1),
                                                (Kind::Full(lda), true) => $syr2(u, &ni, &al, xs.as_ptr(), &incx, ys.as_ptr(), &incy, a, &(lda as i32), 1),
                                                (Kind::Packed, true) => $spr2(u, &ni, &al, xs.as_ptr(), &incx, ys.as_ptr(), &incy, a, 1),
                                                (Kind::Band(_), _) => unreachable!(),
                                            }
                                        }
                                        let ctx = || format!("{name} {} n={n} extra={extra} incx={incx} incy={incy} alpha={alpha}", uplo[0] as char);
                                        if n == 0 || alpha == 0.0 {
                                            assert!(same_bits(&ast, &before), "{}: A touched", ctx());
                                            continue;
                                        }
                                        let got = load_tri(&ast, n, upper, kind, &ctx());
                                        for j in 0..n {
                                            for i in 0..n {
                                                if !in_tri(upper, n, i, j) {
                                                    continue;
                                                }
                                                let t = if two {
                                                    alpha * (x[i] * y[j] + y[i] * x[j])
                                                } else {
                                                    alpha * x[i] * x[j]
                                                };
                                                let want = mat[i + j * n] + t;
                                                close(got[i + j * n], want, mat[i + j * n].abs() + 2.0 * t.abs(), EPS, 6.0, &|| {
                                                    format!("{} ({i}, {j})", ctx())
                                                });
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            #[test]
            fn syr_matches_naive() {
                symmetric_update_case(&mut Rng(14), false, false, "syr");
            }

            #[test]
            fn spr_matches_naive() {
                symmetric_update_case(&mut Rng(15), true, false, "spr");
            }

            #[test]
            fn syr2_matches_naive() {
                symmetric_update_case(&mut Rng(16), false, true, "syr2");
            }

            #[test]
            fn spr2_matches_naive() {
                symmetric_update_case(&mut Rng(17), true, true, "spr2");
            }

            /// Bad arguments leave every array as it was (what is reported
            /// is checked by `bad_arguments_are_reported`).
            #[test]
            fn bad_arguments_touch_nothing() {
                let a = vec![1.0 as T; 16];
                let x = vec![2.0 as T; 4];
                let mut y = vec![3.0 as T; 4];
                let y0 = y.clone();
                let mut am = a.clone();
                // SAFETY: nothing is addressed on an error return.
                unsafe {
                    $gemv(ch(b"N"), &2, &2, &(1.0 as T), a.as_ptr(), &1, x.as_ptr(), &1, &(0.0 as T), y.as_mut_ptr(), &1, 1);
                    $gemv(ch(b"N"), &2, &2, &(1.0 as T), a.as_ptr(), &2, x.as_ptr(), &1, &(0.0 as T), y.as_mut_ptr(), &0, 1);
                    $symv(ch(b"X"), &2, &(1.0 as T), a.as_ptr(), &2, x.as_ptr(), &1, &(0.0 as T), y.as_mut_ptr(), &1, 1);
                    $trsv(ch(b"U"), ch(b"N"), ch(b"N"), &2, a.as_ptr(), &2, y.as_mut_ptr(), &0, 1, 1, 1);
                    $tbmv(ch(b"U"), ch(b"N"), ch(b"N"), &2, &2, a.as_ptr(), &2, y.as_mut_ptr(), &1, 1, 1, 1);
                    $ger(&2, &2, &(1.0 as T), x.as_ptr(), &1, x.as_ptr(), &1, am.as_mut_ptr(), &1);
                    $syr2(ch(b"L"), &-1, &(1.0 as T), x.as_ptr(), &1, x.as_ptr(), &1, am.as_mut_ptr(), &2, 1);
                    $cgemv(COL, NO_TRANS, 2, 2, 1.0, a.as_ptr(), 1, x.as_ptr(), 1, 0.0, y.as_mut_ptr(), 1);
                    $cgemv(ROW, 0, 2, 2, 1.0, a.as_ptr(), 2, x.as_ptr(), 1, 0.0, y.as_mut_ptr(), 1);
                    $ctrmv(0, UPPER, NO_TRANS, UNIT, 2, a.as_ptr(), 2, y.as_mut_ptr(), 1);
                }
                assert!(same_bits(&y, &y0));
                assert!(same_bits(&am, &a));
            }

            /// Makes one bad call per routine and argument checked, for the
            /// child process of `bad_arguments_are_reported` (returns at once
            /// in a normal run). The expected reports, in order, are
            /// `expected_reports`.
            pub fn make_bad_calls() {
                let a = vec![0.0 as T; 16];
                let x = vec![0.0 as T; 4];
                let mut y = vec![0.0 as T; 4];
                let mut am = a.clone();
                let (z, one) = (0.0 as T, 1.0 as T);
                let (ap, xp, yp, amp) = (a.as_ptr(), x.as_ptr(), y.as_mut_ptr(), am.as_mut_ptr());
                let (n, u, l, t) = (ch(b"N"), ch(b"U"), ch(b"L"), ch(b"T"));
                let bad = ch(b"/");
                // SAFETY: every call is rejected before any array is addressed,
                // or (the CBLAS quick returns) addresses nothing.
                unsafe {
                    // ?GEMV: TRANS 1, M 2, N 3, LDA 6, INCX 8, INCY 11.
                    $gemv(bad, &0, &0, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $gemv(n, &-1, &0, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $gemv(n, &0, &-1, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $gemv(t, &2, &0, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $gemv(n, &0, &0, &one, ap, &1, xp, &0, &z, yp, &1, 1);
                    $gemv(n, &0, &0, &one, ap, &1, xp, &1, &z, yp, &0, 1);
                    // ?GBMV: TRANS 1, M 2, N 3, KL 4, KU 5, LDA 8, INCX 10, INCY 13.
                    $gbmv(bad, &0, &0, &0, &0, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $gbmv(n, &-1, &0, &0, &0, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $gbmv(n, &0, &-1, &0, &0, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $gbmv(n, &0, &0, &-1, &0, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $gbmv(n, &0, &0, &0, &-1, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $gbmv(n, &0, &0, &1, &1, &one, ap, &2, xp, &1, &z, yp, &1, 1);
                    $gbmv(n, &0, &0, &0, &0, &one, ap, &1, xp, &0, &z, yp, &1, 1);
                    $gbmv(n, &0, &0, &0, &0, &one, ap, &1, xp, &1, &z, yp, &0, 1);
                    // ?SYMV: UPLO 1, N 2, LDA 5, INCX 7, INCY 10.
                    $symv(bad, &0, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $symv(u, &-1, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $symv(u, &2, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $symv(u, &0, &one, ap, &1, xp, &0, &z, yp, &1, 1);
                    $symv(u, &0, &one, ap, &1, xp, &1, &z, yp, &0, 1);
                    // ?SBMV: UPLO 1, N 2, K 3, LDA 6, INCX 8, INCY 11.
                    $sbmv(bad, &0, &0, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $sbmv(u, &-1, &0, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $sbmv(u, &0, &-1, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $sbmv(u, &0, &1, &one, ap, &1, xp, &1, &z, yp, &1, 1);
                    $sbmv(u, &0, &0, &one, ap, &1, xp, &0, &z, yp, &1, 1);
                    $sbmv(u, &0, &0, &one, ap, &1, xp, &1, &z, yp, &0, 1);
                    // ?SPMV: UPLO 1, N 2, INCX 6, INCY 9.
                    $spmv(bad, &0, &one, ap, xp, &1, &z, yp, &1, 1);
                    $spmv(u, &-1, &one, ap, xp, &1, &z, yp, &1, 1);
                    $spmv(u, &0, &one, ap, xp, &0, &z, yp, &1, 1);
                    $spmv(u, &0, &one, ap, xp, &1, &z, yp, &0, 1);
                    // ?TRMV: UPLO 1, TRANS 2, DIAG 3, N 4, LDA 6, INCX 8.
                    $trmv(bad, n, n, &0, ap, &1, yp, &1, 1, 1, 1);
                    $trmv(u, bad, n, &0, ap, &1, yp, &1, 1, 1, 1);
                    $trmv(u, n, bad, &0, ap, &1, yp, &1, 1, 1, 1);
                    $trmv(u, n, n, &-1, ap, &1, yp, &1, 1, 1, 1);
                    $trmv(u, n, n, &2, ap, &1, yp, &1, 1, 1, 1);
                    $trmv(u, n, n, &0, ap, &1, yp, &0, 1, 1, 1);
                    // ?TBMV: UPLO 1, TRANS 2, DIAG 3, N 4, K 5, LDA 7, INCX 9.
                    $tbmv(bad, n, n, &0, &0, ap, &1, yp, &1, 1, 1, 1);
                    $tbmv(u, bad, n, &0, &0, ap, &1, yp, &1, 1, 1, 1);
                    $tbmv(u, n, bad, &0, &0, ap, &1, yp, &1, 1, 1, 1);
                    $tbmv(u, n, n, &-1, &0, ap, &1, yp, &1, 1, 1, 1);
                    $tbmv(u, n, n, &0, &-1, ap, &1, yp, &1, 1, 1, 1);
                    $tbmv(u, n, n, &0, &1, ap, &1, yp, &1, 1, 1, 1);
                    $tbmv(u, n, n, &0, &0, ap, &1, yp, &0, 1, 1, 1);
                    // ?TPMV: UPLO 1, TRANS 2, DIAG 3, N 4, INCX 7.
                    $tpmv(bad, n, n, &0, ap, yp, &1, 1, 1, 1);
                    $tpmv(u, bad, n, &0, ap, yp, &1, 1, 1, 1);
                    $tpmv(u, n, bad, &0, ap, yp, &1, 1, 1, 1);
                    $tpmv(u, n, n, &-1, ap, yp, &1, 1, 1, 1);
                    $tpmv(u, n, n, &0, ap, yp, &0, 1, 1, 1);
                    // ?TRSV, ?TBSV, ?TPSV: as their products.
                    $trsv(l, t, n, &2, ap, &1, yp, &1, 1, 1, 1);
                    $tbsv(l, t, n, &0, &1, ap, &1, yp, &1, 1, 1, 1);
                    $tpsv(l, t, n, &0, ap, yp, &0, 1, 1, 1);
                    // ?GER: M 1, N 2, INCX 5, INCY 7, LDA 9.
                    $ger(&-1, &0, &one, xp, &1, xp, &1, amp, &1);
                    $ger(&0, &-1, &one, xp, &1, xp, &1, amp, &1);
                    $ger(&0, &0, &one, xp, &0, xp, &1, amp, &1);
                    $ger(&0, &0, &one, xp, &1, xp, &0, amp, &1);
                    $ger(&2, &0, &one, xp, &1, xp, &1, amp, &1);
                    // ?SYR: UPLO 1, N 2, INCX 5, LDA 7.
                    $syr(bad, &0, &one, xp, &1, amp, &1, 1);
                    $syr(u, &-1, &one, xp, &1, amp, &1, 1);
                    $syr(u, &0, &one, xp, &0, amp, &1, 1);
                    $syr(u, &2, &one, xp, &1, amp, &1, 1);
                    // ?SPR: UPLO 1, N 2, INCX 5.
                    $spr(bad, &0, &one, xp, &1, amp, 1);
                    $spr(u, &-1, &one, xp, &1, amp, 1);
                    $spr(u, &0, &one, xp, &0, amp, 1);
                    // ?SYR2: UPLO 1, N 2, INCX 5, INCY 7, LDA 9.
                    $syr2(bad, &0, &one, xp, &1, xp, &1, amp, &1, 1);
                    $syr2(u, &-1, &one, xp, &1, xp, &1, amp, &1, 1);
                    $syr2(u, &0, &one, xp, &0, xp, &1, amp, &1, 1);
                    $syr2(u, &0, &one, xp, &1, xp, &0, amp, &1, 1);
                    $syr2(u, &2, &one, xp, &1, xp, &1, amp, &1, 1);
                    // ?SPR2: UPLO 1, N 2, INCX 5, INCY 7.
                    $spr2(bad, &0, &one, xp, &1, xp, &1, amp, 1);
                    $spr2(u, &-1, &one, xp, &1, xp, &1, amp, 1);
                    $spr2(u, &0, &one, xp, &0, xp, &1, amp, 1);
                    $spr2(u, &0, &one, xp, &1, xp, &0, amp, 1);

                    // CBLAS: a bad layout is argument 1, whatever else is bad.
                    $cgemv(0, 0, -1, -1, one, ap, 0, xp, 0, z, yp, 0);
                    $cgbmv(100, NO_TRANS, 0, 0, 0, 0, one, ap, 1, xp, 1, z, yp, 1);
                    $csymv(103, UPPER, 0, one, ap, 1, xp, 1, z, yp, 1);
                    $csbmv(0, UPPER, 0, 0, one, ap, 1, xp, 1, z, yp, 1);
                    $cspmv(0, UPPER, 0, one, ap, xp, 1, z, yp, 1);
                    $ctbmv(0, UPPER, NO_TRANS, UNIT, 0, 0, ap, 1, yp, 1);
                    $ctpmv(0, UPPER, NO_TRANS, UNIT, 0, ap, yp, 1);
                    $ctrsv(0, UPPER, NO_TRANS, UNIT, 0, ap, 1, yp, 1);
                    $ctbsv(0, UPPER, NO_TRANS, UNIT, 0, 0, ap, 1, yp, 1);
                    $ctpsv(0, UPPER, NO_TRANS, UNIT, 0, ap, yp, 1);
                    $cger(0, 0, 0, one, xp, 1, xp, 1, amp, 1);
                    $csyr(0, UPPER, 0, one, xp, 1, amp, 1);
                    $cspr(0, UPPER, 0, one, xp, 1, amp);
                    $csyr2(0, UPPER, 0, one, xp, 1, xp, 1, amp, 1);
                    $cspr2(0, UPPER, 0, one, xp, 1, xp, 1, amp);
                    // Enumerations at their CBLAS positions, both layouts.
                    for layout in [COL, ROW] {
                        $cgemv(layout, 0, 0, 0, one, ap, 1, xp, 1, z, yp, 1);
                        $cgbmv(layout, 0, 0, 0, 0, 0, one, ap, 1, xp, 1, z, yp, 1);
                        $csymv(layout, 0, 0, one, ap, 1, xp, 1, z, yp, 1);
                        $csbmv(layout, 0, 0, 0, one, ap, 1, xp, 1, z, yp, 1);
                        $cspmv(layout, 0, 0, one, ap, xp, 1, z, yp, 1);
                        $ctrmv(layout, 0, NO_TRANS, UNIT, 0, ap, 1, yp, 1);
                        $ctrmv(layout, UPPER, 0, UNIT, 0, ap, 1, yp, 1);
                        $ctrmv(layout, LOWER, TRANS, 0, 0, ap, 1, yp, 1);
                        $ctbmv(layout, UPPER, CONJ_TRANS, 0, 0, 0, ap, 1, yp, 1);
                        $ctpsv(layout, LOWER, 114, NON_UNIT, 0, ap, yp, 1);
                        $csyr(layout, 0, 0, one, xp, 1, amp, 1);
                        $cspr(layout, 0, 0, one, xp, 1, amp);
                        $csyr2(layout, 0, 0, one, xp, 1, xp, 1, amp, 1);
                        $cspr2(layout, 0, 0, one, xp, 1, xp, 1, amp);
                    }
                    // Other errors reach xerbla_ from the Fortran routine, with
                    // the arguments netlib's wrappers pass: a row-major call
                    // swaps M and N (and KL and KU, and x and y for ger).
                    $cgemv(COL, NO_TRANS, -1, 0, one, ap, 1, xp, 1, z, yp, 1);
                    $cgemv(ROW, NO_TRANS, -1, 0, one, ap, 1, xp, 1, z, yp, 1);
                    $cgemv(ROW, TRANS, 0, 2, one, ap, 1, xp, 1, z, yp, 1);
                    $cgbmv(ROW, NO_TRANS, 0, 0, -1, 0, one, ap, 1, xp, 1, z, yp, 1);
                    $cger(ROW, 0, 0, one, xp, 0, xp, 1, amp, 1);
                    $cger(COL, 0, 0, one, xp, 0, xp, 1, amp, 1);
                    $csyr2(ROW, UPPER, 0, one, xp, 1, xp, 1, amp, 0);
                    $ctbsv(ROW, UPPER, NO_TRANS, UNIT, 0, -1, ap, 1, yp, 1);
                }
                let _ = y;
            }

            /// The lines the library's handlers print for `make_bad_calls`:
            /// (routine, position).
            pub fn expected_reports() -> Vec<(String, i32)> {
                let p = if std::mem::size_of::<T>() == 4 { "S" } else { "D" };
                let c = p.to_lowercase();
                let f = |name: &str, pos: &[i32]| -> Vec<(String, i32)> {
                    pos.iter().map(|&i| (format!("{p}{name}"), i)).collect()
                };
                let mut v = Vec::new();
                v.extend(f("GEMV", &[1, 2, 3, 6, 8, 11]));
                v.extend(f("GBMV", &[1, 2, 3, 4, 5, 8, 10, 13]));
                v.extend(f("SYMV", &[1, 2, 5, 7, 10]));
                v.extend(f("SBMV", &[1, 2, 3, 6, 8, 11]));
                v.extend(f("SPMV", &[1, 2, 6, 9]));
                v.extend(f("TRMV", &[1, 2, 3, 4, 6, 8]));
                v.extend(f("TBMV", &[1, 2, 3, 4, 5, 7, 9]));
                v.extend(f("TPMV", &[1, 2, 3, 4, 7]));
                v.extend(f("TRSV", &[6]));
                v.extend(f("TBSV", &[7]));
                v.extend(f("TPSV", &[7]));
                v.extend(f("GER", &[1, 2, 5, 7, 9]));
                v.extend(f("SYR", &[1, 2, 5, 7]));
                v.extend(f("SPR", &[1, 2, 5]));
                v.extend(f("SYR2", &[1, 2, 5, 7, 9]));
                v.extend(f("SPR2", &[1, 2, 5, 7]));
                for r in [
                    "gemv", "gbmv", "symv", "sbmv", "spmv", "tbmv", "tpmv", "trsv", "tbsv", "tpsv",
                    "ger", "syr", "spr", "syr2", "spr2",
                ] {
                    v.push((format!("cblas_{c}{r}"), 1));
                }
                for _layout in 0..2 {
                    for (r, i) in [
                        ("gemv", 2),
                        ("gbmv", 2),
                        ("symv", 2),
                        ("sbmv", 2),
                        ("spmv", 2),
                        ("trmv", 2),
                        ("trmv", 3),
                        ("trmv", 4),
                        ("tbmv", 4),
                        ("tpsv", 3),
                        ("syr", 2),
                        ("spr", 2),
                        ("syr2", 2),
                        ("spr2", 2),
                    ] {
                        v.push((format!("cblas_{c}{r}"), i));
                    }
                }
                v.extend(f("GEMV", &[2, 3, 6]));
                v.extend(f("GBMV", &[5]));
                v.extend(f("GER", &[7, 5]));
                v.extend(f("SYR2", &[9]));
                v.extend(f("TBSV", &[5]));
                v
            }

            // -----------------------------------------------------------------
            // CBLAS: column-major calls give the Fortran routine's results,
            // row-major ones the naive results on row-major storage.

            #[test]
            fn cblas_gemv_both_layouts() {
                let mut rng = Rng(20);
                for (m, n) in [(1, 1), (3, 5), (6, 2)] {
                    let lda_row = n.max(1) + 1;
                    for (trans, tr) in [(NO_TRANS, false), (TRANS, true), (CONJ_TRANS, true)] {
                        let (lenx, leny) = if tr { (m, n) } else { (n, m) };
                        for (incx, incy) in [(1, 1), (-2, 1), (2, -1)] {
                            let mat = dense(&mut rng, m, n);
                            // Row-major storage of the m x n matrix.
                            let mut ast = vec![T::NAN; (lda_row * m).max(1)];
                            for i in 0..m {
                                for j in 0..n {
                                    ast[i * lda_row + j] = mat[i + j * m] as T;
                                }
                            }
                            let (xs, x) = vec_in(&mut rng, lenx, incx);
                            let (mut ys, y) = vec_out(&mut rng, leny, incy, false);
                            // SAFETY: the arrays hold every element the call addresses.
                            unsafe {
                                $cgemv(
                                    ROW, trans, m as i32, n as i32, 0.5, ast.as_ptr(), lda_row as i32,
                                    xs.as_ptr(), incx, 2.0, ys.as_mut_ptr(), incy,
                                )
                            };
                            let (want, mag) = naive_mv(tr, m, n, 0.5, &mat, &x, 2.0, &y);
                            check_vec(&ys, leny, incy, &want, &mag, lenx, &|| {
                                format!("cblas gemv row-major m={m} n={n} trans={trans}")
                            });
                            // Column-major: the same as the Fortran routine.
                            let lda = m.max(1);
                            let a2 = to_t(&mat);
                            let a2 = if a2.is_empty() { vec![0.0 as T] } else { a2 };
                            let (mut y1, _) = vec_out(&mut Rng(7), leny, incy, false);
                            let mut y2 = y1.clone();
                            let tl = if tr { b"T" } else { b"N" };
                            // SAFETY: as above.
                            unsafe {
                                $cgemv(
                                    COL, trans, m as i32, n as i32, 0.5, a2.as_ptr(), lda as i32, xs.as_ptr(),
                                    incx, 2.0, y1.as_mut_ptr(), incy,
                                )
                            };
                            gemv(tl, m as i32, n as i32, 0.5, &a2, lda as i32, &xs, incx, 2.0, &mut y2, incy);
                            assert!(same_bits(&y1, &y2), "cblas gemv column-major m={m} n={n}");
                        }
                    }
                }
            }

            #[test]
            fn cblas_gbmv_row_major() {
                let mut rng = Rng(21);
                for (m, n, kl, ku) in [(4, 6, 1, 2), (5, 3, 2, 0), (3, 3, 0, 0), (6, 5, 3, 1)] {
                    let lda = kl + ku + 2;
                    for (trans, tr) in [(NO_TRANS, false), (TRANS, true)] {
                        let (lenx, leny) = if tr { (m, n) } else { (n, m) };
                        let mut mat = dense(&mut rng, m, n);
                        // Row-major band storage: row i holds columns i-kl..=i+ku
                        // at positions kl + j - i.
                        let mut ast = vec![T::NAN; lda * m];
                        for i in 0..m {
                            for j in 0..n {
                                if j + kl >= i && j <= i + ku {
                                    ast[(kl + j - i) + i * lda] = mat[i + j * m] as T;
                                } else {
                                    mat[i + j * m] = 0.0;
                                }
                            }
                        }
                        let (xs, x) = vec_in(&mut rng, lenx, 2);
                        let (mut ys, y) = vec_out(&mut rng, leny, -1, false);
                        // SAFETY: the arrays hold every element the call addresses.
                        unsafe {
                            $cgbmv(
                                ROW, trans, m as i32, n as i32, kl as i32, ku as i32, 0.7, ast.as_ptr(),
                                lda as i32, xs.as_ptr(), 2, 0.9, ys.as_mut_ptr(), -1,
                            )
                        };
                        let (want, mag) = naive_mv(tr, m, n, 0.7, &mat, &x, 0.9, &y);
                        check_vec(&ys, leny, -1, &want, &mag, lenx, &|| {
                            format!("cblas gbmv row-major m={m} n={n} kl={kl} ku={ku} trans={trans}")
                        });
                    }
                }
            }

            #[test]
            fn cblas_triangular_row_major() {
                let mut rng = Rng(22);
                let n = 5;
                for (uplo, upper) in [(UPPER, true), (LOWER, false)] {
                    for (trans, tr) in [(NO_TRANS, false), (TRANS, true), (CONJ_TRANS, true)] {
                        for (diag, unit) in [(UNIT, true), (NON_UNIT, false)] {
                            let mat = triangle(&mut rng, n, upper, n, unit);
                            // Row-major full (lda 7) and packed (row by row).
                            let lda = 7;
                            let mut full = vec![T::NAN; lda * n];
                            let mut pk = Vec::new();
                            for i in 0..n {
                                for j in 0..n {
                                    if in_tri(upper, n, i, j) {
                                        let v = if unit && i == j { T::NAN } else { mat[i + j * n] as T };
                                        full[i * lda + j] = v;
                                        pk.push(v);
                                    }
                                }
                            }
                            let (xs, x) = vec_out(&mut rng, n, -2, false);
                            let (want, mag) = naive_mv(tr, n, n, 1.0, &mat, &x, 0.0, &[]);
                            let ctx = |what: &str| format!("cblas {what} row-major uplo={uplo} trans={trans} diag={diag}");
                            let mut x1 = xs.clone();
                            // SAFETY: the arrays hold every element the call addresses.
                            unsafe { $ctrmv(ROW, uplo, trans, diag, n as i32, full.as_ptr(), lda as i32, x1.as_mut_ptr(), -2) };
                            check_vec(&x1, n, -2, &want, &mag, n, &|| ctx("trmv"));
                            let mut x2 = xs.clone();
                            // SAFETY: as above.
                            unsafe { $ctpmv(ROW, uplo, trans, diag, n as i32, pk.as_ptr(), x2.as_mut_ptr(), -2) };
                            check_vec(&x2, n, -2, &want, &mag, n, &|| ctx("tpmv"));
                            // Solving with the product gives x back.
                            // SAFETY: as above.
                            unsafe { $ctrsv(ROW, uplo, trans, diag, n as i32, full.as_ptr(), lda as i32, x1.as_mut_ptr(), -2) };
                            // SAFETY: as above.
                            unsafe { $ctpsv(ROW, uplo, trans, diag, n as i32, pk.as_ptr(), x2.as_mut_ptr(), -2) };
                            for (xs2, what) in [(&x1, "trsv"), (&x2, "tpsv")] {
                                let got = read_vec(xs2, n, -2);
                                for i in 0..n {
                                    close(got[i], x[i], x[i].abs() + 1.0, EPS, 64.0, &|| ctx(what));
                                }
                            }
                            // Band (k = n - 1 covers the whole triangle): row-major
                            // upper is column-major lower of the transpose.
                            let k = n - 1;
                            let mut band = vec![T::NAN; (k + 1) * n];
                            for i in 0..n {
                                for j in 0..n {
                                    if in_tri(upper, n, i, j) && !(unit && i == j) {
                                        let p = if upper { j - i } else { k + j - i };
                                        band[i * (k + 1) + p] = mat[i + j * n] as T;
                                    }
                                }
                            }
                            let mut x3 = xs.clone();
                            // SAFETY: as above.
                            unsafe { $ctbmv(ROW, uplo, trans, diag, n as i32, k as i32, band.as_ptr(), (k + 1) as i32, x3.as_mut_ptr(), -2) };
                            check_vec(&x3, n, -2, &want, &mag, n, &|| ctx("tbmv"));
                            // SAFETY: as above.
                            unsafe { $ctbsv(ROW, uplo, trans, diag, n as i32, k as i32, band.as_ptr(), (k + 1) as i32, x3.as_mut_ptr(), -2) };
                            let got = read_vec(&x3, n, -2);
                            for i in 0..n {
                                close(got[i], x[i], x[i].abs() + 1.0, EPS, 64.0, &|| ctx("tbsv"));
                            }
                        }
                    }
                }
            }

            #[test]
            fn cblas_symmetric_row_major() {
                let mut rng = Rng(23);
                let n = 6;
                for (uplo, upper) in [(UPPER, true), (LOWER, false)] {
                    let mat = symmetric(&mut rng, n, n);
                    // Row-major storage of the triangle: (i, j) at i*lda + j.
                    let lda = n + 1;
                    let mut full = vec![T::NAN; lda * n];
                    let mut pk = Vec::new();
                    for i in 0..n {
                        for j in 0..n {
                            if in_tri(upper, n, i, j) {
                                full[i * lda + j] = mat[i + j * n] as T;
                                pk.push(mat[i + j * n] as T);
                            }
                        }
                    }
                    let (xs, x) = vec_in(&mut rng, n, 1);
                    let (ys0, y) = vec_out(&mut rng, n, 2, false);
                    let (want, mag) = naive_mv(false, n, n, 0.5, &mat, &x, -1.0, &y);
                    let mut y1 = ys0.clone();
                    // SAFETY: the arrays hold every element the call addresses.
                    unsafe { $csymv(ROW, uplo, n as i32, 0.5, full.as_ptr(), lda as i32, xs.as_ptr(), 1, -1.0, y1.as_mut_ptr(), 2) };
                    check_vec(&y1, n, 2, &want, &mag, n, &|| format!("cblas symv row-major uplo={uplo}"));
                    let mut y2 = ys0.clone();
                    // SAFETY: as above.
                    unsafe { $cspmv(ROW, uplo, n as i32, 0.5, pk.as_ptr(), xs.as_ptr(), 1, -1.0, y2.as_mut_ptr(), 2) };
                    check_vec(&y2, n, 2, &want, &mag, n, &|| format!("cblas spmv row-major uplo={uplo}"));
                    // Band, k = 2: row-major upper keeps row i's elements
                    // i..=i+k at 0..=k; lower keeps i-k..=i at 0..=k.
                    let k = 2;
                    let band_mat: Vec<f64> = (0..n * n)
                        .map(|p| if (p % n).abs_diff(p / n) <= k { mat[p] } else { 0.0 })
                        .collect();
                    let mut band = vec![T::NAN; (k + 1) * n];
                    for i in 0..n {
                        for j in 0..n {
                            if in_tri(upper, k, i, j) {
                                let p = if upper { j - i } else { k + j - i };
                                band[i * (k + 1) + p] = mat[i + j * n] as T;
                            }
                        }
                    }
                    let (want, mag) = naive_mv(false, n, n, 0.5, &band_mat, &x, -1.0, &y);
                    let mut y3 = ys0.clone();
                    // SAFETY: as above.
                    unsafe { $csbmv(ROW, uplo, n as i32, k as i32, 0.5, band.as_ptr(), (k + 1) as i32, xs.as_ptr(), 1, -1.0, y3.as_mut_ptr(), 2) };
                    check_vec(&y3, n, 2, &want, &mag, n, &|| format!("cblas sbmv row-major uplo={uplo}"));
                }
            }

            #[test]
            fn cblas_updates_row_major() {
                let mut rng = Rng(24);
                let (m, n) = (4, 6);
                // ger: A (m x n, row-major, lda n + 2) += alpha x y^T.
                let lda = n + 2;
                let mat = dense(&mut rng, m, n);
                let mut ast = vec![GAP as T; lda * m];
                for i in 0..m {
                    for j in 0..n {
                        ast[i * lda + j] = mat[i + j * m] as T;
                    }
                }
                let (xs, x) = vec_in(&mut rng, m, -1);
                let (ys, y) = vec_in(&mut rng, n, 2);
                // SAFETY: the arrays hold every element the call addresses.
                unsafe { $cger(ROW, m as i32, n as i32, 0.5, xs.as_ptr(), -1, ys.as_ptr(), 2, ast.as_mut_ptr(), lda as i32) };
                for i in 0..m {
                    for j in 0..lda {
                        let got = ast[i * lda + j] as f64;
                        if j >= n {
                            assert_eq!(got, GAP);
                            continue;
                        }
                        let t = 0.5 * x[i] * y[j];
                        close(got, mat[i + j * m] + t, mat[i + j * m].abs() + t.abs(), EPS, 4.0, &|| {
                            format!("cblas ger row-major ({i}, {j})")
                        });
                    }
                }
                // syr, spr, syr2, spr2: row-major triangles.
                for (uplo, upper) in [(UPPER, true), (LOWER, false)] {
                    let mat = symmetric(&mut rng, n, n);
                    let lda = n + 1;
                    let mut full = vec![GAP as T; lda * n];
                    let mut pk = Vec::new();
                    for i in 0..n {
                        for j in 0..n {
                            if in_tri(upper, n, i, j) {
                                full[i * lda + j] = mat[i + j * n] as T;
                                pk.push(mat[i + j * n] as T);
                            }
                        }
                    }
                    let (xs, x) = vec_in(&mut rng, n, 1);
                    let (ys, y) = vec_in(&mut rng, n, -2);
                    for two in [false, true] {
                        let (mut f, mut p) = (full.clone(), pk.clone());
                        // SAFETY: the arrays hold every element the call addresses.
                        unsafe {
                            if two {
                                $csyr2(ROW, uplo, n as i32, 0.5, xs.as_ptr(), 1, ys.as_ptr(), -2, f.as_mut_ptr(), lda as i32);
                                $cspr2(ROW, uplo, n as i32, 0.5, xs.as_ptr(), 1, ys.as_ptr(), -2, p.as_mut_ptr());
                            } else {
                                $csyr(ROW, uplo, n as i32, 0.5, xs.as_ptr(), 1, f.as_mut_ptr(), lda as i32);
                                $cspr(ROW, uplo, n as i32, 0.5, xs.as_ptr(), 1, p.as_mut_ptr());
                            }
                        }
                        let mut k = 0;
                        for i in 0..n {
                            for j in 0..n {
                                let got = f[i * lda + j] as f64;
                                if !in_tri(upper, n, i, j) {
                                    assert_eq!(got, GAP, "row-major syr{} other triangle", if two { "2" } else { "" });
                                    continue;
                                }
                                let t = if two { 0.5 * (x[i] * y[j] + y[i] * x[j]) } else { 0.5 * x[i] * x[j] };
                                let want = mat[i + j * n] + t;
                                let ctx = || format!("cblas row-major two={two} uplo={uplo} ({i}, {j})");
                                close(got, want, mat[i + j * n].abs() + 2.0 * t.abs(), EPS, 6.0, &ctx);
                                close(p[k] as f64, want, mat[i + j * n].abs() + 2.0 * t.abs(), EPS, 6.0, &ctx);
                                k += 1;
                            }
                        }
                    }
                }
            }
        }
    };
}

suite!(
    double,
    f64,
    [
        dgemv_, dgbmv_, dsymv_, dsbmv_, dspmv_, dtrmv_, dtbmv_, dtpmv_, dtrsv_, dtbsv_, dtpsv_,
        dger_, dsyr_, dspr_, dsyr2_, dspr2_
    ],
    [
        cblas_dgemv,
        cblas_dgbmv,
        cblas_dsymv,
        cblas_dsbmv,
        cblas_dspmv,
        cblas_dtrmv,
        cblas_dtbmv,
        cblas_dtpmv,
        cblas_dtrsv,
        cblas_dtbsv,
        cblas_dtpsv,
        cblas_dger,
        cblas_dsyr,
        cblas_dspr,
        cblas_dsyr2,
        cblas_dspr2
    ]
);

suite!(
    single,
    f32,
    [
        sgemv_, sgbmv_, ssymv_, ssbmv_, sspmv_, strmv_, stbmv_, stpmv_, strsv_, stbsv_, stpsv_,
        sger_, ssyr_, sspr_, ssyr2_, sspr2_
    ],
    [
        cblas_sgemv,
        cblas_sgbmv,
        cblas_ssymv,
        cblas_ssbmv,
        cblas_sspmv,
        cblas_strmv,
        cblas_stbmv,
        cblas_stpmv,
        cblas_strsv,
        cblas_stbsv,
        cblas_stpsv,
        cblas_sger,
        cblas_ssyr,
        cblas_sspr,
        cblas_ssyr2,
        cblas_sspr2
    ]
);

/// The environment variable that turns `bad_calls_child` on.
const CHILD: &str = "OXPAR_BLAS_LEVEL2_BAD_CALLS";

/// In the child process only: makes the bad calls, whose reports go to stderr.
#[test]
fn bad_calls_child() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    double::make_bad_calls();
    single::make_bad_calls();
}

/// Runs `bad_calls_child` in a child process and checks every line the
/// library's `xerbla_` (" ** On entry to DGEMV  parameter number  2 ...") and
/// `cblas_xerbla` ("Parameter 2 to routine cblas_dgemv was incorrect")
/// printed: the routine's name and the argument's position, in call order.
#[test]
fn bad_arguments_are_reported() {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "bad_calls_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .output()
        .expect("the test binary runs again");
    assert!(out.status.success(), "child failed: {out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut got = Vec::new();
    for line in stderr.lines() {
        if let Some(rest) = line.strip_prefix(" ** On entry to ") {
            let words: Vec<&str> = rest.split_whitespace().collect();
            assert_eq!(&words[1..3], ["parameter", "number"], "{line}");
            got.push((words[0].to_string(), words[3].parse::<i32>().unwrap()));
        } else if let Some(rest) = line.strip_prefix("Parameter ") {
            let words: Vec<&str> = rest.split_whitespace().collect();
            assert_eq!(&words[1..3], ["to", "routine"], "{line}");
            got.push((words[3].to_string(), words[0].parse::<i32>().unwrap()));
        }
    }
    let mut want = double::expected_reports();
    want.extend(single::expected_reports());
    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "report {k}");
    }
    assert_eq!(got.len(), want.len(), "number of reports");
}
