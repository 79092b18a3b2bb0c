//! Complex level 2 (c and z) against naive loops in complex f64 written
//! here: every routine through its Fortran entry point and its CBLAS form in
//! both layouts, every `trans`, `uplo` and `diag`, orders 0, 1 and odd sizes,
//! padded leading dimensions, increments 1, 2, -1 and -2.
//!
//! Besides the values, each call is checked for what it must not touch or
//! read: gaps between strided elements and unstored parts of matrices keep
//! their contents; `y` holds NaN when `beta = 0` (it must not be read), the
//! unit diagonal of a triangular matrix is NaN (not read); the imaginary
//! parts of a Hermitian diagonal are garbage on input (not read) and zero on
//! output of `her`, `hpr`, `her2`, `hpr2`; quick returns leave everything as
//! it was; a NaN in `A` reaches the result.
//!
//! A row-major CBLAS call is checked against the same naive result as the
//! column-major one: its matrix is stored as the column-major storage of
//! the transpose (the other triangle, `kl` and `ku` exchanged), which is
//! what row-major storage is.
//!
//! Errors: as in `level2.rs`, a child process makes bad calls and the
//! library's handlers' lines are read back: Fortran positions, CBLAS
//! positions, and netlib's row-major behaviour (a Fortran position of the
//! transposed call; no report for an increment of 0 that netlib's
//! conjugated copy replaces).

use std::ffi::c_char;

use oxpar_core::{Complex, Complex32, Complex64};

type Z = Complex<f64>;

/// Gap filler for vectors and the unstored parts of matrices.
const GAP: Z = Z::new(77.0, -77.0);
/// Imaginary part put on a Hermitian diagonal: must not be read.
const GARBAGE_IM: f64 = 1234.5;

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
const SIZES: [usize; 4] = [0, 1, 3, 6];

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

/// Elements spanned by `n` elements at `inc` (at least 1).
fn span(n: usize, inc: i32) -> usize {
    if n == 0 {
        1
    } else {
        1 + (n - 1) * inc.unsigned_abs() as usize
    }
}

/// Where logical element `i` of an `n`-vector at `inc` lives.
fn pos(i: usize, n: usize, inc: i32) -> usize {
    let step = inc.unsigned_abs() as usize;
    if inc > 0 {
        i * step
    } else {
        (n - 1 - i) * step
    }
}

fn ch(c: &'static [u8; 1]) -> *const c_char {
    c.as_ptr().cast()
}

/// `got` within `k` rounding errors of `mag` (plus `|want|`) of `want`, or
/// both NaN-carrying when `want` is.
fn close(got: Z, want: Z, mag: f64, eps: f64, k: f64, ctx: &dyn Fn() -> String) {
    if want.re.is_nan() || want.im.is_nan() {
        assert!(
            got.re.is_nan() || got.im.is_nan(),
            "{}: got {got}, want NaN",
            ctx()
        );
        return;
    }
    let tol = k * eps * (mag + want.norm()) + 1e-300;
    assert!(
        (got - want).norm() <= tol,
        "{}: got {got}, want {want} (tolerance {tol})",
        ctx()
    );
}

/// How `A` enters: as is, transposed, conjugate-transposed.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Op {
    N,
    T,
    C,
}

const OPS: [Op; 3] = [Op::N, Op::T, Op::C];

impl Op {
    fn letter(self) -> *const c_char {
        match self {
            Op::N => ch(b"N"),
            Op::T => ch(b"T"),
            Op::C => ch(b"C"),
        }
    }
    fn cblas(self) -> i32 {
        match self {
            Op::N => NO_TRANS,
            Op::T => TRANS,
            Op::C => CONJ_TRANS,
        }
    }
}

/// A dense logical matrix, column-major with leading dimension `m`.
#[derive(Clone)]
struct Dense {
    m: usize,
    n: usize,
    v: Vec<Z>,
}

impl Dense {
    fn zeros(m: usize, n: usize) -> Self {
        Dense {
            m,
            n,
            v: vec![Z::new(0.0, 0.0); m * n],
        }
    }
    fn get(&self, i: usize, j: usize) -> Z {
        self.v[i + j * self.m]
    }
    fn set(&mut self, i: usize, j: usize, z: Z) {
        self.v[i + j * self.m] = z;
    }
    /// `op(A)(i, j)`.
    fn op(&self, op: Op, i: usize, j: usize) -> Z {
        match op {
            Op::N => self.get(i, j),
            Op::T => self.get(j, i),
            Op::C => self.get(j, i).conj(),
        }
    }
    fn t(&self) -> Dense {
        let mut t = Dense::zeros(self.n, self.m);
        for j in 0..self.n {
            for i in 0..self.m {
                t.set(j, i, self.get(i, j));
            }
        }
        t
    }
}

/// How a square matrix is stored.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Full { lda: usize },
    Band { k: usize, lda: usize },
    Packed,
}

/// Where element `(i, j)` of the `upper` (or lower) triangle of an order-`n`
/// matrix is stored, None when it is not.
fn tri_index(n: usize, upper: bool, kind: Kind, i: usize, j: usize) -> Option<usize> {
    let inside = if upper { i <= j } else { i >= j };
    if !inside {
        return None;
    }
    match kind {
        Kind::Full { lda } => Some(i + j * lda),
        Kind::Band { k, lda } => {
            if upper && j - i <= k {
                Some(k + i - j + j * lda)
            } else if !upper && i - j <= k {
                Some(i - j + j * lda)
            } else {
                None
            }
        }
        Kind::Packed => Some(if upper {
            i + j * (j + 1) / 2
        } else {
            i + j * (2 * n - j - 1) / 2
        }),
    }
}

fn tri_len(n: usize, kind: Kind) -> usize {
    match kind {
        Kind::Full { lda } | Kind::Band { lda, .. } => (lda * n).max(1),
        Kind::Packed => (n * (n + 1) / 2).max(1),
    }
}

/// The ways an order-`n` triangle is stored in the tests.
fn kinds(n: usize, band_k: &[usize]) -> Vec<Kind> {
    let mut v = vec![Kind::Full { lda: n + 2 }, Kind::Packed];
    for &k in band_k {
        v.push(Kind::Band { k, lda: k + 2 });
    }
    v
}

macro_rules! suite {
    (
        $modname:ident, $t:ty, $r:ty,
        [$gemv:ident, $gbmv:ident, $hemv:ident, $hbmv:ident, $hpmv:ident,
         $trmv:ident, $tbmv:ident, $tpmv:ident, $trsv:ident, $tbsv:ident, $tpsv:ident,
         $geru:ident, $gerc:ident, $her:ident, $hpr:ident, $her2:ident, $hpr2:ident],
        [$cgemv:ident, $cgbmv:ident, $chemv:ident, $chbmv:ident, $chpmv:ident,
         $ctrmv:ident, $ctbmv:ident, $ctpmv:ident, $ctrsv:ident, $ctbsv:ident, $ctpsv:ident,
         $cgeru:ident, $cgerc:ident, $cher:ident, $chpr:ident, $cher2:ident, $chpr2:ident],
        $upper:literal
    ) => {
        mod $modname {
            use super::*;
            use oxpar_blas::level2::{
                $cgbmv, $cgemv, $cgerc, $cgeru, $chbmv, $chemv, $chpmv, $chpr, $chpr2, $cher,
                $cher2, $ctbmv, $ctbsv, $ctpmv, $ctpsv, $ctrmv, $ctrsv, $gbmv, $gemv, $gerc,
                $geru, $hbmv, $hemv, $hpmv, $hpr, $hpr2, $her, $her2, $tbmv, $tbsv, $tpmv,
                $tpsv, $trmv, $trsv,
            };

            type T = $t;
            const EPS: f64 = <$r>::EPSILON as f64;
            const NAME: &str = $upper;

            fn to_t(z: Z) -> T {
                T::new(z.re as $r, z.im as $r)
            }
            fn to_z(t: T) -> Z {
                Z::new(t.re as f64, t.im as f64)
            }
            /// A random value representable in T.
            fn rz(rng: &mut Rng) -> Z {
                to_z(to_t(Z::new(rng.next(), rng.next())))
            }
            fn dense(rng: &mut Rng, m: usize, n: usize) -> Dense {
                Dense {
                    m,
                    n,
                    v: (0..m * n).map(|_| rz(rng)).collect(),
                }
            }
            /// A vector's storage (gaps GAP) and its logical values.
            fn vec_in(rng: &mut Rng, n: usize, inc: i32) -> (Vec<T>, Vec<Z>) {
                let vals: Vec<Z> = (0..n).map(|_| rz(rng)).collect();
                let mut st = vec![to_t(GAP); span(n, inc)];
                for (i, &v) in vals.iter().enumerate() {
                    st[pos(i, n, inc)] = to_t(v);
                }
                (st, vals)
            }
            /// As `vec_in`, with NaN values when `nan` (for `beta = 0`).
            fn vec_out(rng: &mut Rng, n: usize, inc: i32, nan: bool) -> (Vec<T>, Vec<Z>) {
                let (mut st, mut vals) = vec_in(rng, n, inc);
                if nan {
                    for (i, v) in vals.iter_mut().enumerate() {
                        *v = Z::new(f64::NAN, f64::NAN);
                        st[pos(i, n, inc)] = to_t(*v);
                    }
                }
                (st, vals)
            }
            fn read_vec(st: &[T], n: usize, inc: i32) -> Vec<Z> {
                (0..n).map(|i| to_z(st[pos(i, n, inc)])).collect()
            }
            fn assert_gaps(st: &[T], n: usize, inc: i32, what: &str) {
                for (p, &v) in st.iter().enumerate() {
                    let used = (0..n).any(|i| pos(i, n, inc) == p);
                    assert!(used || v == to_t(GAP), "{what}: gap {p} written");
                }
            }
            fn same_bits(a: &[T], b: &[T]) -> bool {
                a.len() == b.len()
                    && a.iter().zip(b).all(|(x, y)| {
                        x.re.to_bits() == y.re.to_bits() && x.im.to_bits() == y.im.to_bits()
                    })
            }
            fn check(got: &[Z], want: &[Z], mag: &[f64], k: f64, ctx: &dyn Fn() -> String) {
                for i in 0..want.len() {
                    close(got[i], want[i], mag[i], EPS, k, &|| format!("{} [{i}]", ctx()));
                }
            }
            /// `y := alpha*M*x + beta*y0` for the `rows x cols` matrix `get`,
            /// with the magnitudes of the terms.
            fn naive_mv(
                rows: usize,
                cols: usize,
                get: &dyn Fn(usize, usize) -> Z,
                alpha: Z,
                x: &[Z],
                beta: Z,
                y0: &[Z],
            ) -> (Vec<Z>, Vec<f64>) {
                let mut y = Vec::new();
                let mut mag = Vec::new();
                for i in 0..rows {
                    let mut s = Z::new(0.0, 0.0);
                    let mut m = 0.0;
                    for j in 0..cols {
                        s += get(i, j) * x[j];
                        m += get(i, j).norm() * x[j].norm();
                    }
                    let old = if beta == Z::new(0.0, 0.0) { Z::new(0.0, 0.0) } else { beta * y0[i] };
                    y.push(alpha * s + old);
                    mag.push(alpha.norm() * m + old.norm());
                }
                (y, mag)
            }

            /// (alpha, beta): quick return, zero beta, plain, general.
            fn alpha_betas() -> [(Z, Z); 5] {
                [
                    (Z::new(0.0, 0.0), Z::new(1.0, 0.0)),
                    (Z::new(0.0, 0.0), Z::new(0.5, -0.25)),
                    (Z::new(1.0, 0.0), Z::new(0.0, 0.0)),
                    (Z::new(0.75, -0.5), Z::new(1.0, 0.0)),
                    (Z::new(0.75, 0.5), Z::new(-0.5, 0.25)),
                ]
            }

            /// Column-major storage of the m x n `a` with leading dimension lda.
            fn store_ge(a: &Dense, lda: usize) -> Vec<T> {
                let mut st = vec![to_t(GAP); (lda * a.n).max(1)];
                for j in 0..a.n {
                    for i in 0..a.m {
                        st[i + j * lda] = to_t(a.get(i, j));
                    }
                }
                st
            }

            /// BLAS band storage of `a` (its elements outside the band are
            /// not stored).
            fn store_gb(a: &Dense, kl: usize, ku: usize, lda: usize) -> Vec<T> {
                let mut st = vec![to_t(GAP); (lda * a.n).max(1)];
                for j in 0..a.n {
                    for i in 0..a.m {
                        if i + ku >= j && i <= j + kl {
                            st[ku + i - j + j * lda] = to_t(a.get(i, j));
                        }
                    }
                }
                st
            }

            #[test]
            fn gemv_matches_naive() {
                let mut rng = Rng(11);
                // 67 and 130: past the kernels' register blocks and the
                // threads' split.
                for &m in &[0usize, 1, 3, 6, 67] {
                    for &n in &[0usize, 1, 4, 5, 130] {
                        let a = dense(&mut rng, m, n);
                        for op in OPS {
                            let (lx, ly) = if op == Op::N { (n, m) } else { (m, n) };
                            for (incx, incy) in [(1, 1), (2, -1), (-2, 2), (-1, -2)] {
                                for (alpha, beta) in alpha_betas() {
                                    let (xs, x) = vec_in(&mut rng, lx, incx);
                                    let nan = beta == Z::new(0.0, 0.0);
                                    let (ys0, y0) = vec_out(&mut rng, ly, incy, nan);
                                    let (want, mag) = naive_mv(ly, lx, &|i, j| a.op(op, i, j), alpha, &x, beta, &y0);
                                    for layout in [None, Some(COL), Some(ROW)] {
                                        let ctx = || format!("{NAME}gemv {op:?} m={m} n={n} inc=({incx},{incy}) alpha={alpha} beta={beta} {layout:?}");
                                        let mut ys = ys0.clone();
                                        let lda = if layout == Some(ROW) { n.max(1) + 1 } else { m.max(1) + 2 };
                                        let st = if layout == Some(ROW) { store_ge(&a.t(), lda) } else { store_ge(&a, lda) };
                                        let (al, be) = (to_t(alpha), to_t(beta));
                                        let (mi, ni, ldai) = (m as i32, n as i32, lda as i32);
                                        // SAFETY: the arrays hold what the shapes address.
                                        unsafe {
                                            match layout {
                                                None => $gemv(op.letter(), &mi, &ni, &al, st.as_ptr(), &ldai, xs.as_ptr(), &incx, &be, ys.as_mut_ptr(), &incy, 1),
                                                Some(l) => $cgemv(l, op.cblas(), mi, ni, &al, st.as_ptr(), ldai, xs.as_ptr(), incx, &be, ys.as_mut_ptr(), incy),
                                            }
                                        }
                                        // Quick returns: m or n zero, or alpha = 0 and beta = 1.
                                        if m * n == 0 || (alpha == Z::new(0.0, 0.0) && beta == Z::new(1.0, 0.0)) {
                                            assert!(same_bits(&ys, &ys0), "{}", ctx());
                                            continue;
                                        }
                                        assert_gaps(&ys, ly, incy, &ctx());
                                        check(&read_vec(&ys, ly, incy), &want, &mag, 8.0 * (lx + 2) as f64, &ctx);
                                    }
                                }
                            }
                        }
                    }
                }
            }

            #[test]
            fn gemv_propagates_nan_from_a() {
                let mut rng = Rng(12);
                let (m, n) = (5, 3);
                let mut a = dense(&mut rng, m, n);
                a.set(2, 1, Z::new(f64::NAN, 0.0));
                let st = store_ge(&a, m);
                for op in OPS {
                    let (lx, ly) = if op == Op::N { (n, m) } else { (m, n) };
                    let (xs, _) = vec_in(&mut rng, lx, 1);
                    let mut ys = vec![to_t(Z::new(f64::NAN, f64::NAN)); ly];
                    // SAFETY: as above.
                    unsafe {
                        $gemv(op.letter(), &(m as i32), &(n as i32), &to_t(Z::new(1.0, 0.0)), st.as_ptr(), &(m as i32), xs.as_ptr(), &1, &to_t(Z::new(0.0, 0.0)), ys.as_mut_ptr(), &1, 1);
                    }
                    let nan_at = if op == Op::N { 2 } else { 1 };
                    for (i, v) in ys.iter().enumerate() {
                        assert_eq!(v.re.is_nan() || v.im.is_nan(), i == nan_at, "{op:?} y[{i}] = {v}");
                    }
                }
            }

            #[test]
            fn gbmv_matches_naive() {
                let mut rng = Rng(13);
                for &(m, n) in &[(0usize, 3usize), (1, 1), (5, 4), (4, 7)] {
                    for (kl, ku) in [(0usize, 0usize), (1, 2), (3, 0)] {
                        let mut a = dense(&mut rng, m, n);
                        for j in 0..n {
                            for i in 0..m {
                                if i + ku < j || i > j + kl {
                                    a.set(i, j, Z::new(0.0, 0.0));
                                }
                            }
                        }
                        for op in OPS {
                            let (lx, ly) = if op == Op::N { (n, m) } else { (m, n) };
                            for (incx, incy) in [(1, 1), (-2, 2)] {
                                for (alpha, beta) in alpha_betas() {
                                    let (xs, x) = vec_in(&mut rng, lx, incx);
                                    let (ys0, y0) = vec_out(&mut rng, ly, incy, beta == Z::new(0.0, 0.0));
                                    let (want, mag) = naive_mv(ly, lx, &|i, j| a.op(op, i, j), alpha, &x, beta, &y0);
                                    for layout in [None, Some(COL), Some(ROW)] {
                                        let ctx = || format!("{NAME}gbmv {op:?} {m}x{n} kl={kl} ku={ku} inc=({incx},{incy}) {layout:?}");
                                        let lda = kl + ku + 2;
                                        let st = if layout == Some(ROW) { store_gb(&a.t(), ku, kl, lda) } else { store_gb(&a, kl, ku, lda) };
                                        let mut ys = ys0.clone();
                                        let (al, be) = (to_t(alpha), to_t(beta));
                                        let (mi, ni, kli, kui, ldai) = (m as i32, n as i32, kl as i32, ku as i32, lda as i32);
                                        // SAFETY: the arrays hold what the shapes address.
                                        unsafe {
                                            match layout {
                                                None => $gbmv(op.letter(), &mi, &ni, &kli, &kui, &al, st.as_ptr(), &ldai, xs.as_ptr(), &incx, &be, ys.as_mut_ptr(), &incy, 1),
                                                Some(l) => $cgbmv(l, op.cblas(), mi, ni, kli, kui, &al, st.as_ptr(), ldai, xs.as_ptr(), incx, &be, ys.as_mut_ptr(), incy),
                                            }
                                        }
                                        if m * n == 0 || (alpha == Z::new(0.0, 0.0) && beta == Z::new(1.0, 0.0)) {
                                            assert!(same_bits(&ys, &ys0), "{}", ctx());
                                            continue;
                                        }
                                        assert_gaps(&ys, ly, incy, &ctx());
                                        check(&read_vec(&ys, ly, incy), &want, &mag, 8.0 * (lx + 2) as f64, &ctx);
                                    }
                                }
                            }
                        }
                    }
                }
            }

            /// A random Hermitian matrix of order n with band k (n for
            /// full), its diagonal real.
            fn hermitian(rng: &mut Rng, n: usize, k: usize) -> Dense {
                let mut h = Dense::zeros(n, n);
                for j in 0..n {
                    for i in 0..=j {
                        if j - i > k {
                            continue;
                        }
                        let v = rz(rng);
                        if i == j {
                            h.set(i, i, Z::new(v.re, 0.0));
                        } else {
                            h.set(i, j, v);
                            h.set(j, i, v.conj());
                        }
                    }
                }
                h
            }

            /// Stores the `upper` (or lower) triangle of `a` in `kind`, with
            /// `GARBAGE_IM` on the diagonal when `garbage` and NaN there when
            /// `nan_diag`.
            fn store_tri(a: &Dense, upper: bool, kind: Kind, garbage: bool, nan_diag: bool) -> Vec<T> {
                let n = a.n;
                let mut st = vec![to_t(GAP); tri_len(n, kind)];
                for j in 0..n {
                    for i in 0..n {
                        if let Some(p) = tri_index(n, upper, kind, i, j) {
                            let mut v = a.get(i, j);
                            if i == j && garbage {
                                v.im = GARBAGE_IM;
                            }
                            if i == j && nan_diag {
                                v = Z::new(f64::NAN, f64::NAN);
                            }
                            st[p] = to_t(v);
                        }
                    }
                }
                st
            }

            #[allow(clippy::too_many_arguments)]
            fn herm_kind_call(
                kind: Kind,
                layout: Option<i32>,
                upper: bool,
                n: usize,
                alpha: T,
                st: &[T],
                xs: &[T],
                incx: i32,
                beta: T,
                ys: &mut [T],
                incy: i32,
            ) {
                let ni = n as i32;
                let (u, cu) = if upper { (ch(b"U"), UPPER) } else { (ch(b"L"), LOWER) };
                // SAFETY: the arrays hold what the shapes address.
                unsafe {
                    match (kind, layout) {
                        (Kind::Full { lda }, None) => $hemv(u, &ni, &alpha, st.as_ptr(), &(lda as i32), xs.as_ptr(), &incx, &beta, ys.as_mut_ptr(), &incy, 1),
                        (Kind::Full { lda }, Some(l)) => $chemv(l, cu, ni, &alpha, st.as_ptr(), lda as i32, xs.as_ptr(), incx, &beta, ys.as_mut_ptr(), incy),
                        (Kind::Band { k, lda }, None) => $hbmv(u, &ni, &(k as i32), &alpha, st.as_ptr(), &(lda as i32), xs.as_ptr(), &incx, &beta, ys.as_mut_ptr(), &incy, 1),
                        (Kind::Band { k, lda }, Some(l)) => $chbmv(l, cu, ni, k as i32, &alpha, st.as_ptr(), lda as i32, xs.as_ptr(), incx, &beta, ys.as_mut_ptr(), incy),
                        (Kind::Packed, None) => $hpmv(u, &ni, &alpha, st.as_ptr(), xs.as_ptr(), &incx, &beta, ys.as_mut_ptr(), &incy, 1),
                        (Kind::Packed, Some(l)) => $chpmv(l, cu, ni, &alpha, st.as_ptr(), xs.as_ptr(), incx, &beta, ys.as_mut_ptr(), incy),
                    }
                }
            }

            #[test]
            fn hemv_hbmv_hpmv_match_naive() {
                let mut rng = Rng(14);
                for &n in &SIZES {
                    for kind in kinds(n, &[0, 1, 3]) {
                        let k = match kind { Kind::Band { k, .. } => k, _ => n };
                        let h = hermitian(&mut rng, n, k);
                        for upper in [true, false] {
                            for &incx in &INCS {
                                let incy = -incx.signum() * 2 + incx % 2;
                                for (alpha, beta) in alpha_betas() {
                                    let (xs, x) = vec_in(&mut rng, n, incx);
                                    let (ys0, y0) = vec_out(&mut rng, n, incy, beta == Z::new(0.0, 0.0));
                                    let (want, mag) = naive_mv(n, n, &|i, j| h.get(i, j), alpha, &x, beta, &y0);
                                    for layout in [None, Some(COL), Some(ROW)] {
                                        let ctx = || format!("{NAME} hermitian mv {kind:?} n={n} upper={upper} inc=({incx},{incy}) alpha={alpha} beta={beta} {layout:?}");
                                        // Row-major storage of the upper triangle of H is the
                                        // column-major storage of the lower one of H^T.
                                        let st = if layout == Some(ROW) { store_tri(&h.t(), !upper, kind, true, false) } else { store_tri(&h, upper, kind, true, false) };
                                        let mut ys = ys0.clone();
                                        herm_kind_call(kind, layout, upper, n, to_t(alpha), &st, &xs, incx, to_t(beta), &mut ys, incy);
                                        if n == 0 || (alpha == Z::new(0.0, 0.0) && beta == Z::new(1.0, 0.0)) {
                                            assert!(same_bits(&ys, &ys0), "{}", ctx());
                                            continue;
                                        }
                                        assert_gaps(&ys, n, incy, &ctx());
                                        check(&read_vec(&ys, n, incy), &want, &mag, 8.0 * (n + 2) as f64, &ctx);
                                    }
                                }
                            }
                        }
                    }
                }
            }

            /// A triangular matrix of order n, band k: well conditioned
            /// (diagonal of magnitude about 2, off-diagonals below 1/n).
            fn triangle(rng: &mut Rng, n: usize, upper: bool, k: usize, unit: bool) -> Dense {
                let mut a = Dense::zeros(n, n);
                for j in 0..n {
                    for i in 0..n {
                        let inside = if upper { i <= j && j - i <= k } else { i >= j && i - j <= k };
                        if !inside {
                            continue;
                        }
                        let v = if i == j {
                            if unit { Z::new(1.0, 0.0) } else { to_z(to_t(Z::new(2.0 + rng.next() * 0.5, rng.next()))) }
                        } else {
                            to_z(to_t(rz(rng) / (n as f64)))
                        };
                        a.set(i, j, v);
                    }
                }
                a
            }

            #[allow(clippy::too_many_arguments)]
            fn tri_call(
                solve: bool,
                kind: Kind,
                layout: Option<i32>,
                upper: bool,
                op: Op,
                unit: bool,
                n: usize,
                st: &[T],
                xs: &mut [T],
                incx: i32,
            ) {
                let ni = n as i32;
                let (u, cu) = if upper { (ch(b"U"), UPPER) } else { (ch(b"L"), LOWER) };
                let (d, cd) = if unit { (ch(b"U"), UNIT) } else { (ch(b"N"), NON_UNIT) };
                let (t, ct) = (op.letter(), op.cblas());
                let (a, x) = (st.as_ptr(), xs.as_mut_ptr());
                // SAFETY: the arrays hold what the shapes address.
                unsafe {
                    match (solve, kind, layout) {
                        (false, Kind::Full { lda }, None) => $trmv(u, t, d, &ni, a, &(lda as i32), x, &incx, 1, 1, 1),
                        (false, Kind::Full { lda }, Some(l)) => $ctrmv(l, cu, ct, cd, ni, a, lda as i32, x, incx),
                        (false, Kind::Band { k, lda }, None) => $tbmv(u, t, d, &ni, &(k as i32), a, &(lda as i32), x, &incx, 1, 1, 1),
                        (false, Kind::Band { k, lda }, Some(l)) => $ctbmv(l, cu, ct, cd, ni, k as i32, a, lda as i32, x, incx),
                        (false, Kind::Packed, None) => $tpmv(u, t, d, &ni, a, x, &incx, 1, 1, 1),
                        (false, Kind::Packed, Some(l)) => $ctpmv(l, cu, ct, cd, ni, a, x, incx),
                        (true, Kind::Full { lda }, None) => $trsv(u, t, d, &ni, a, &(lda as i32), x, &incx, 1, 1, 1),
                        (true, Kind::Full { lda }, Some(l)) => $ctrsv(l, cu, ct, cd, ni, a, lda as i32, x, incx),
                        (true, Kind::Band { k, lda }, None) => $tbsv(u, t, d, &ni, &(k as i32), a, &(lda as i32), x, &incx, 1, 1, 1),
                        (true, Kind::Band { k, lda }, Some(l)) => $ctbsv(l, cu, ct, cd, ni, k as i32, a, lda as i32, x, incx),
                        (true, Kind::Packed, None) => $tpsv(u, t, d, &ni, a, x, &incx, 1, 1, 1),
                        (true, Kind::Packed, Some(l)) => $ctpsv(l, cu, ct, cd, ni, a, x, incx),
                    }
                }
            }

            #[test]
            fn triangular_products_and_solves() {
                let mut rng = Rng(15);
                for &n in &SIZES {
                    for kind in kinds(n, &[0, 2]) {
                        let k = match kind { Kind::Band { k, .. } => k, _ => n };
                        for upper in [true, false] {
                            for unit in [false, true] {
                                let a = triangle(&mut rng, n, upper, k, unit);
                                for op in OPS {
                                    for &incx in &INCS {
                                        let (xs0, x) = vec_in(&mut rng, n, incx);
                                        let one = Z::new(1.0, 0.0);
                                        let (b, mag) = naive_mv(n, n, &|i, j| a.op(op, i, j), one, &x, Z::new(0.0, 0.0), &x);
                                        for solve in [false, true] {
                                            for layout in [None, Some(COL), Some(ROW)] {
                                                let ctx = || format!("{NAME} {} {kind:?} n={n} upper={upper} unit={unit} {op:?} incx={incx} {layout:?}", if solve { "solve" } else { "product" });
                                                let st = if layout == Some(ROW) { store_tri(&a.t(), !upper, kind, false, unit) } else { store_tri(&a, upper, kind, false, unit) };
                                                let mut xs = xs0.clone();
                                                if solve {
                                                    for i in 0..n {
                                                        xs[pos(i, n, incx)] = to_t(b[i]);
                                                    }
                                                }
                                                let before = xs.clone();
                                                tri_call(solve, kind, layout, upper, op, unit, n, &st, &mut xs, incx);
                                                if n == 0 {
                                                    assert!(same_bits(&xs, &before), "{}", ctx());
                                                    continue;
                                                }
                                                assert_gaps(&xs, n, incx, &ctx());
                                                let got = read_vec(&xs, n, incx);
                                                if solve {
                                                    // b was rounded to T: the solve recovers x
                                                    // to the conditioning of A (small here).
                                                    let mags: Vec<f64> = x.iter().map(|v| 4.0 * v.norm() + 1.0).collect();
                                                    check(&got, &x, &mags, 64.0 * (n + 2) as f64, &ctx);
                                                } else {
                                                    check(&got, &b, &mag, 8.0 * (n + 2) as f64, &ctx);
                                                }
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
            fn geru_gerc_match_naive() {
                let mut rng = Rng(16);
                for &(m, n) in &[(0usize, 2usize), (1, 1), (5, 3), (2, 6)] {
                    for (incx, incy) in [(1, 1), (-2, 1), (2, -1)] {
                        for conj in [false, true] {
                            for alpha in [Z::new(0.0, 0.0), Z::new(0.75, -0.5)] {
                                let a = dense(&mut rng, m, n);
                                let (xs, x) = vec_in(&mut rng, m, incx);
                                let (ys, y) = vec_in(&mut rng, n, incy);
                                let mut want = a.clone();
                                for j in 0..n {
                                    for i in 0..m {
                                        let yj = if conj { y[j].conj() } else { y[j] };
                                        want.set(i, j, a.get(i, j) + alpha * x[i] * yj);
                                    }
                                }
                                for layout in [None, Some(COL), Some(ROW)] {
                                    let ctx = || format!("{NAME}ger{} {m}x{n} inc=({incx},{incy}) alpha={alpha} {layout:?}", if conj { "c" } else { "u" });
                                    let row = layout == Some(ROW);
                                    let lda = if row { n.max(1) + 1 } else { m.max(1) + 2 };
                                    let st0 = if row { store_ge(&a.t(), lda) } else { store_ge(&a, lda) };
                                    let mut st = st0.clone();
                                    let (mi, ni, ldai, al) = (m as i32, n as i32, lda as i32, to_t(alpha));
                                    // SAFETY: the arrays hold what the shapes address.
                                    unsafe {
                                        match (conj, layout) {
                                            (false, None) => $geru(&mi, &ni, &al, xs.as_ptr(), &incx, ys.as_ptr(), &incy, st.as_mut_ptr(), &ldai),
                                            (true, None) => $gerc(&mi, &ni, &al, xs.as_ptr(), &incx, ys.as_ptr(), &incy, st.as_mut_ptr(), &ldai),
                                            (false, Some(l)) => $cgeru(l, mi, ni, &al, xs.as_ptr(), incx, ys.as_ptr(), incy, st.as_mut_ptr(), ldai),
                                            (true, Some(l)) => $cgerc(l, mi, ni, &al, xs.as_ptr(), incx, ys.as_ptr(), incy, st.as_mut_ptr(), ldai),
                                        }
                                    }
                                    let w = if row { want.t() } else { want.clone() };
                                    let w = store_ge(&w, lda);
                                    for p in 0..st.len() {
                                        let mag = 2.0 * (to_z(st0[p]).norm() + 2.0);
                                        close(to_z(st[p]), to_z(w[p]), mag, EPS, 8.0, &|| format!("{} [{p}]", ctx()));
                                    }
                                }
                            }
                        }
                    }
                }
            }

            /// her, hpr (y None) and her2, hpr2 on `kind` (Full or Packed).
            #[test]
            fn hermitian_updates_match_naive() {
                let mut rng = Rng(17);
                for &n in &SIZES {
                    for kind in [Kind::Full { lda: n + 1 }, Kind::Packed] {
                        for upper in [true, false] {
                            for two in [false, true] {
                                for &incx in &INCS {
                                    let incy = if incx > 0 { -1 } else { 2 };
                                    for alpha in [Z::new(0.0, 0.0), Z::new(0.75, 0.0), Z::new(0.75, -0.5)] {
                                        if !two && alpha.im != 0.0 {
                                            continue;
                                        }
                                        let h = hermitian(&mut rng, n, n);
                                        let (xs, x) = vec_in(&mut rng, n, incx);
                                        let (ys, y) = vec_in(&mut rng, n, incy);
                                        // The updated Hermitian matrix.
                                        let mut w = h.clone();
                                        for j in 0..n {
                                            for i in 0..n {
                                                let upd = if two {
                                                    alpha * x[i] * y[j].conj() + alpha.conj() * y[i] * x[j].conj()
                                                } else {
                                                    alpha * x[i] * x[j].conj()
                                                };
                                                let mut v = h.get(i, j) + upd;
                                                if i == j {
                                                    v.im = 0.0;
                                                }
                                                w.set(i, j, v);
                                            }
                                        }
                                        for layout in [None, Some(COL), Some(ROW)] {
                                            let ctx = || format!("{NAME} {} {kind:?} n={n} upper={upper} inc=({incx},{incy}) alpha={alpha} {layout:?}", if two { "her2" } else { "her" });
                                            let row = layout == Some(ROW);
                                            let (sa, su) = if row { (h.t(), !upper) } else { (h.clone(), upper) };
                                            let st0 = store_tri(&sa, su, kind, true, false);
                                            let mut st = st0.clone();
                                            let ni = n as i32;
                                            let (u, cu) = if upper { (ch(b"U"), UPPER) } else { (ch(b"L"), LOWER) };
                                            let al = to_t(alpha);
                                            let ar = alpha.re as $r;
                                            let p = st.as_mut_ptr();
                                            // SAFETY: the arrays hold what the shapes address.
                                            unsafe {
                                                match (two, kind, layout) {
                                                    (false, Kind::Full { lda }, None) => $her(u, &ni, &ar, xs.as_ptr(), &incx, p, &(lda as i32), 1),
                                                    (false, Kind::Full { lda }, Some(l)) => $cher(l, cu, ni, ar, xs.as_ptr(), incx, p, lda as i32),
                                                    (false, _, None) => $hpr(u, &ni, &ar, xs.as_ptr(), &incx, p, 1),
                                                    (false, _, Some(l)) => $chpr(l, cu, ni, ar, xs.as_ptr(), incx, p),
                                                    (true, Kind::Full { lda }, None) => $her2(u, &ni, &al, xs.as_ptr(), &incx, ys.as_ptr(), &incy, p, &(lda as i32), 1),
                                                    (true, Kind::Full { lda }, Some(l)) => $cher2(l, cu, ni, &al, xs.as_ptr(), incx, ys.as_ptr(), incy, p, lda as i32),
                                                    (true, _, None) => $hpr2(u, &ni, &al, xs.as_ptr(), &incx, ys.as_ptr(), &incy, p, 1),
                                                    (true, _, Some(l)) => $chpr2(l, cu, ni, &al, xs.as_ptr(), incx, ys.as_ptr(), incy, p),
                                                }
                                            }
                                            if n == 0 || alpha == Z::new(0.0, 0.0) {
                                                assert!(same_bits(&st, &st0), "{}", ctx());
                                                continue;
                                            }
                                            let ws = if row { w.t() } else { w.clone() };
                                            for j in 0..n {
                                                for i in 0..n {
                                                    let Some(q) = tri_index(n, su, kind, i, j) else {
                                                        continue;
                                                    };
                                                    let got = to_z(st[q]);
                                                    if i == j {
                                                        assert_eq!(got.im, 0.0, "{}: diagonal ({i}, {i}) not real", ctx());
                                                    }
                                                    close(got, ws.get(i, j), 4.0, EPS, 16.0, &|| format!("{} ({i}, {j})", ctx()));
                                                }
                                            }
                                            for q in 0..st.len() {
                                                let stored = (0..n).any(|j| (0..n).any(|i| tri_index(n, su, kind, i, j) == Some(q)));
                                                if !stored {
                                                    assert!(same_bits(&st[q..q + 1], &st0[q..q + 1]), "{}: unstored {q} written", ctx());
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            /// Bad calls return without touching anything, netlib's
            /// row-major conjugations included.
            #[test]
            fn bad_arguments_touch_nothing() {
                let a = vec![to_t(Z::new(1.0, 2.0)); 16];
                let x = vec![to_t(Z::new(2.0, -1.0)); 4];
                let mut y = vec![to_t(Z::new(3.0, 0.5)); 4];
                let y0 = y.clone();
                let mut am = a.clone();
                let one = to_t(Z::new(1.0, 0.0));
                // SAFETY: nothing is addressed on an error return.
                unsafe {
                    $gemv(ch(b"C"), &2, &2, &one, a.as_ptr(), &1, x.as_ptr(), &1, &one, y.as_mut_ptr(), &1, 1);
                    $hemv(ch(b"X"), &2, &one, a.as_ptr(), &2, x.as_ptr(), &1, &one, y.as_mut_ptr(), &1, 1);
                    $ctrmv(ROW, UPPER, CONJ_TRANS, 0, 2, a.as_ptr(), 2, y.as_mut_ptr(), 1);
                    $ctbsv(ROW, UPPER, CONJ_TRANS, NON_UNIT, 2, -1, a.as_ptr(), 2, y.as_mut_ptr(), 1);
                    $chemv(ROW, 0, 2, &one, a.as_ptr(), 2, x.as_ptr(), 1, &one, y.as_mut_ptr(), 1);
                    $chbmv(ROW, UPPER, 2, 1, &one, a.as_ptr(), 1, x.as_ptr(), 1, &one, y.as_mut_ptr(), 1);
                    $cgemv(ROW, CONJ_TRANS, 2, 2, &one, a.as_ptr(), 1, x.as_ptr(), 1, &one, y.as_mut_ptr(), 1);
                    $cgbmv(ROW, CONJ_TRANS, 2, 2, 1, 1, &one, a.as_ptr(), 2, x.as_ptr(), 1, &one, y.as_mut_ptr(), 1);
                    $her(ch(b"U"), &2, &1.0, x.as_ptr(), &0, am.as_mut_ptr(), &2, 1);
                    $cher2(ROW, UPPER, 2, &one, x.as_ptr(), 1, x.as_ptr(), 1, am.as_mut_ptr(), 1);
                    $cgerc(ROW, 2, 2, &one, x.as_ptr(), 1, x.as_ptr(), 1, am.as_mut_ptr(), 1);
                    $chpr2(0, UPPER, 2, &one, x.as_ptr(), 1, x.as_ptr(), 1, am.as_mut_ptr());
                }
                assert!(same_bits(&y, &y0));
                assert!(same_bits(&am, &a));
            }

            /// One bad call per routine and argument checked, for the child
            /// process of `bad_arguments_are_reported` (see
            /// `expected_reports`).
            pub fn make_bad_calls() {
                let a = vec![to_t(Z::new(1.0, 0.0)); 16];
                let x = vec![to_t(Z::new(1.0, 0.0)); 4];
                let mut y = vec![to_t(Z::new(1.0, 0.0)); 4];
                let mut am = a.clone();
                let one = to_t(Z::new(1.0, 0.0));
                let (ap, xp, yp) = (a.as_ptr(), x.as_ptr(), y.as_mut_ptr());
                let amp = am.as_mut_ptr();
                let u = ch(b"U");
                let n = ch(b"N");
                // SAFETY: every call is rejected before addressing anything,
                // except the row-major ones netlib runs (n = 1 or 2 elements).
                unsafe {
                    $gemv(ch(b"X"), &1, &1, &one, ap, &1, xp, &1, &one, yp, &1, 1);
                    $gemv(n, &-1, &1, &one, ap, &1, xp, &1, &one, yp, &1, 1);
                    $gemv(ch(b"C"), &2, &1, &one, ap, &1, xp, &1, &one, yp, &1, 1);
                    $gemv(n, &1, &1, &one, ap, &1, xp, &0, &one, yp, &1, 1);
                    $gemv(n, &1, &1, &one, ap, &1, xp, &1, &one, yp, &0, 1);
                    $gbmv(n, &1, &1, &-1, &0, &one, ap, &1, xp, &1, &one, yp, &1, 1);
                    $gbmv(n, &1, &1, &1, &1, &one, ap, &2, xp, &1, &one, yp, &1, 1);
                    $gbmv(n, &1, &1, &0, &0, &one, ap, &1, xp, &1, &one, yp, &0, 1);
                    $hemv(ch(b"X"), &1, &one, ap, &1, xp, &1, &one, yp, &1, 1);
                    $hemv(u, &2, &one, ap, &1, xp, &1, &one, yp, &1, 1);
                    $hemv(u, &1, &one, ap, &1, xp, &1, &one, yp, &0, 1);
                    $hbmv(u, &1, &-1, &one, ap, &1, xp, &1, &one, yp, &1, 1);
                    $hbmv(u, &1, &1, &one, ap, &1, xp, &1, &one, yp, &1, 1);
                    $hpmv(u, &1, &one, ap, xp, &0, &one, yp, &1, 1);
                    $trmv(u, n, ch(b"X"), &1, ap, &1, yp, &1, 1, 1, 1);
                    $trmv(u, n, n, &2, ap, &1, yp, &1, 1, 1, 1);
                    $tbsv(u, n, n, &1, &-1, ap, &1, yp, &1, 1, 1, 1);
                    $tpsv(u, n, n, &1, ap, yp, &0, 1, 1, 1);
                    $geru(&1, &1, &one, xp, &1, xp, &1, amp, &0);
                    $gerc(&1, &1, &one, xp, &1, xp, &0, amp, &1);
                    $her(u, &-1, &1.0, xp, &1, amp, &1, 1);
                    $her(u, &2, &1.0, xp, &1, amp, &1, 1);
                    $hpr(u, &1, &1.0, xp, &0, amp, 1);
                    $her2(u, &1, &one, xp, &1, xp, &0, amp, &1, 1);
                    $hpr2(ch(b"X"), &1, &one, xp, &1, xp, &1, amp, 1);
                    // CBLAS.
                    $cgemv(0, NO_TRANS, 1, 1, &one, ap, 1, xp, 1, &one, yp, 1);
                    $cgemv(COL, 0, 1, 1, &one, ap, 1, xp, 1, &one, yp, 1);
                    $cgemv(ROW, NO_TRANS, -1, 1, &one, ap, 1, xp, 1, &one, yp, 1);
                    $cgemv(ROW, CONJ_TRANS, 1, 1, &one, ap, 1, xp, 0, &one, yp, 1); // runs (netlib's copy)
                    $cgemv(ROW, CONJ_TRANS, 2, 2, &one, ap, 1, xp, 1, &one, yp, 1);
                    $cgbmv(ROW, NO_TRANS, 1, 1, -1, 0, &one, ap, 1, xp, 1, &one, yp, 1);
                    $chemv(ROW, 0, 1, &one, ap, 1, xp, 1, &one, yp, 1);
                    $chemv(ROW, UPPER, 1, &one, ap, 1, xp, 0, &one, yp, 1); // runs
                    $chemv(ROW, UPPER, 0, &one, ap, 1, xp, 0, &one, yp, 1);
                    $chbmv(COL, UPPER, 1, 1, &one, ap, 1, xp, 1, &one, yp, 1);
                    $chpmv(ROW, LOWER, 1, &one, ap, xp, 1, &one, yp, 0);
                    $ctrmv(COL, UPPER, 0, NON_UNIT, 1, ap, 1, yp, 1);
                    $ctbmv(ROW, UPPER, NO_TRANS, 0, 1, 0, ap, 1, yp, 1);
                    $ctpsv(ROW, UPPER, CONJ_TRANS, NON_UNIT, 1, ap, yp, 0);
                    $ctrsv(ROW, UPPER, CONJ_TRANS, NON_UNIT, 2, ap, 1, yp, 1);
                    $cgeru(ROW, -1, 1, &one, xp, 1, xp, 1, amp, 1);
                    $cgerc(ROW, 1, 1, &one, xp, 0, xp, 1, amp, 1);
                    $cgerc(ROW, 1, 1, &one, xp, 1, xp, 0, amp, 1); // runs (netlib's copy)
                    $cher(ROW, 0, 1, 1.0, xp, 1, amp, 1);
                    $cher(ROW, UPPER, 2, 1.0, xp, 1, amp, 1);
                    $chpr(COL, UPPER, 1, 1.0, xp, 0, amp);
                    $cher2(ROW, UPPER, 0, &one, xp, 0, xp, 1, amp, 1);
                    $cher2(COL, UPPER, 0, &one, xp, 0, xp, 1, amp, 1);
                    $chpr2(ROW, UPPER, 0, &one, xp, 1, xp, 0, amp);
                    $chpr2(0, UPPER, 1, &one, xp, 1, xp, 1, amp);
                }
            }

            /// The reports `make_bad_calls` produces, in order.
            pub fn expected_reports() -> Vec<(String, i32)> {
                let f = |r: &str, k: i32| (format!("{NAME}{r}"), k);
                let c = |r: &str, k: i32| (format!("cblas_{}{r}", NAME.to_ascii_lowercase()), k);
                vec![
                    f("GEMV", 1), f("GEMV", 2), f("GEMV", 6), f("GEMV", 8), f("GEMV", 11),
                    f("GBMV", 4), f("GBMV", 8), f("GBMV", 13),
                    f("HEMV", 1), f("HEMV", 5), f("HEMV", 10),
                    f("HBMV", 3), f("HBMV", 6),
                    f("HPMV", 6),
                    f("TRMV", 3), f("TRMV", 6),
                    f("TBSV", 5),
                    f("TPSV", 7),
                    f("GERU", 9), f("GERC", 7),
                    f("HER", 2), f("HER", 7),
                    f("HPR", 5),
                    f("HER2", 7),
                    f("HPR2", 1),
                    // CBLAS: enumerations at their CBLAS positions, the rest
                    // as the Fortran routine netlib calls reports them.
                    c("gemv", 1), c("gemv", 2),
                    f("GEMV", 3),
                    f("GEMV", 6),
                    f("GBMV", 5),
                    c("hemv", 2),
                    f("HEMV", 7),
                    f("HBMV", 6),
                    f("HPMV", 9),
                    c("trmv", 3),
                    c("tbmv", 4),
                    f("TPSV", 7),
                    f("TRSV", 6),
                    f("GERU", 2),
                    f("GERU", 7),
                    c("her", 2),
                    f("HER", 7),
                    f("HPR", 5),
                    f("HER2", 7),
                    f("HER2", 5),
                    f("HPR2", 5),
                    c("hpr2", 1),
                ]
            }
        }
    };
}

suite!(
    zsuite,
    Complex64,
    f64,
    [
        zgemv_, zgbmv_, zhemv_, zhbmv_, zhpmv_, ztrmv_, ztbmv_, ztpmv_, ztrsv_, ztbsv_, ztpsv_,
        zgeru_, zgerc_, zher_, zhpr_, zher2_, zhpr2_
    ],
    [
        cblas_zgemv,
        cblas_zgbmv,
        cblas_zhemv,
        cblas_zhbmv,
        cblas_zhpmv,
        cblas_ztrmv,
        cblas_ztbmv,
        cblas_ztpmv,
        cblas_ztrsv,
        cblas_ztbsv,
        cblas_ztpsv,
        cblas_zgeru,
        cblas_zgerc,
        cblas_zher,
        cblas_zhpr,
        cblas_zher2,
        cblas_zhpr2
    ],
    "Z"
);
suite!(
    csuite,
    Complex32,
    f32,
    [
        cgemv_, cgbmv_, chemv_, chbmv_, chpmv_, ctrmv_, ctbmv_, ctpmv_, ctrsv_, ctbsv_, ctpsv_,
        cgeru_, cgerc_, cher_, chpr_, cher2_, chpr2_
    ],
    [
        cblas_cgemv,
        cblas_cgbmv,
        cblas_chemv,
        cblas_chbmv,
        cblas_chpmv,
        cblas_ctrmv,
        cblas_ctbmv,
        cblas_ctpmv,
        cblas_ctrsv,
        cblas_ctbsv,
        cblas_ctpsv,
        cblas_cgeru,
        cblas_cgerc,
        cblas_cher,
        cblas_chpr,
        cblas_cher2,
        cblas_chpr2
    ],
    "C"
);

/// The environment variable that turns `bad_calls_child` on.
const CHILD: &str = "OXPAR_BLAS_LEVEL2_COMPLEX_BAD_CALLS";

/// In the child process only: makes the bad calls, whose reports go to stderr.
#[test]
fn bad_calls_child() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    zsuite::make_bad_calls();
    csuite::make_bad_calls();
}

/// Runs `bad_calls_child` in a child process and checks every line the
/// library's `xerbla_` and `cblas_xerbla` printed: the routine's name and
/// the argument's position, in call order.
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
    let mut want = zsuite::expected_reports();
    want.extend(csuite::expected_reports());
    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "report {k}");
    }
    assert_eq!(got.len(), want.len(), "number of reports");
}
