//! Complex level 3 (c and z) against loops written from the reference
//! BLAS's definitions in `Complex<f64>`, through the Fortran entry points
//! and the CBLAS ones in both layouts: gemm with every pair of `N`/`T`/`C`,
//! symm and hemm on both sides and triangles, syrk/syr2k (`N`/`T`) and
//! herk/her2k (`N`/`C`) on both triangles, trmm and trsm with every
//! side/uplo/trans/diag; sizes 0, 1, odd ones, ones around the blocked
//! algorithms' leaf (32) and ones past the gemm kernels' blocks, and gemms
//! with one conjugated operand large enough that the kernel copies either
//! operand (`m > n` and `m < n`).
//!
//! Every call checks that elements a routine must not write (the other
//! triangle of `C`, the padding of each leading dimension) keep their
//! values, NaN in elements it must not read (the other triangle of `A`, a
//! unit diagonal, the imaginary parts of a Hermitian diagonal, `C` when
//! `beta == 0`, `A` and `B` when `alpha == 0`) does not come out, and herk
//! and her2k return a real diagonal even when only scaling `C`.
//!
//! Argument errors are covered by the reference's own testers (`xblat3c`,
//! `xblat3z`, `xccblat3`, `xzcblat3`: `make blas-testers`), which check every
//! position.

use std::ffi::{c_char, c_int};

use oxpar_blas::args::{
    CBLAS_COL_MAJOR, CBLAS_CONJ_TRANS, CBLAS_LEFT, CBLAS_LOWER, CBLAS_NON_UNIT, CBLAS_NO_TRANS,
    CBLAS_RIGHT, CBLAS_ROW_MAJOR, CBLAS_TRANS, CBLAS_UNIT, CBLAS_UPPER,
};
use oxpar_blas::level3 as l3;
use oxpar_core::{Complex, Complex32, Complex64};

type C64 = Complex64;
type Int = *const c_int;
type Ch = *const c_char;

// ---------------------------------------------------------------------------
// Element types and entry points.
// ---------------------------------------------------------------------------

type FGemm<T> = unsafe extern "C" fn(
    Ch,
    Ch,
    Int,
    Int,
    Int,
    *const T,
    *const T,
    Int,
    *const T,
    Int,
    *const T,
    *mut T,
    Int,
);
type FSymm<T> = unsafe extern "C" fn(
    Ch,
    Ch,
    Int,
    Int,
    *const T,
    *const T,
    Int,
    *const T,
    Int,
    *const T,
    *mut T,
    Int,
);
type FSyrk<T, S> =
    unsafe extern "C" fn(Ch, Ch, Int, Int, *const S, *const T, Int, *const S, *mut T, Int);
type FSyr2k<T, S> = unsafe extern "C" fn(
    Ch,
    Ch,
    Int,
    Int,
    *const T,
    *const T,
    Int,
    *const T,
    Int,
    *const S,
    *mut T,
    Int,
);
type FTr<T> = unsafe extern "C" fn(Ch, Ch, Ch, Ch, Int, Int, *const T, *const T, Int, *mut T, Int);
type CGemm<T> = unsafe extern "C" fn(
    c_int,
    c_int,
    c_int,
    c_int,
    c_int,
    c_int,
    *const T,
    *const T,
    c_int,
    *const T,
    c_int,
    *const T,
    *mut T,
    c_int,
);
type CSymm<T> = unsafe extern "C" fn(
    c_int,
    c_int,
    c_int,
    c_int,
    c_int,
    *const T,
    *const T,
    c_int,
    *const T,
    c_int,
    *const T,
    *mut T,
    c_int,
);
type CSyrk<T> = unsafe extern "C" fn(
    c_int,
    c_int,
    c_int,
    c_int,
    c_int,
    *const T,
    *const T,
    c_int,
    *const T,
    *mut T,
    c_int,
);
type CHerk<T, R> =
    unsafe extern "C" fn(c_int, c_int, c_int, c_int, c_int, R, *const T, c_int, R, *mut T, c_int);
type CHer2k<T, R> = unsafe extern "C" fn(
    c_int,
    c_int,
    c_int,
    c_int,
    c_int,
    *const T,
    *const T,
    c_int,
    *const T,
    c_int,
    R,
    *mut T,
    c_int,
);
type CTr<T> = unsafe extern "C" fn(
    c_int,
    c_int,
    c_int,
    c_int,
    c_int,
    c_int,
    c_int,
    *const T,
    *const T,
    c_int,
    *mut T,
    c_int,
);

/// One precision's entry points.
struct Api<T, R> {
    gemm: FGemm<T>,
    symm: FSymm<T>,
    hemm: FSymm<T>,
    syrk: FSyrk<T, T>,
    herk: FSyrk<T, R>,
    syr2k: FSyr2k<T, T>,
    her2k: FSyr2k<T, R>,
    trmm: FTr<T>,
    trsm: FTr<T>,
    c_gemm: CGemm<T>,
    c_symm: CSymm<T>,
    c_hemm: CSymm<T>,
    c_syrk: CSyrk<T>,
    c_herk: CHerk<T, R>,
    c_syr2k: CSymm<T>,
    c_her2k: CHer2k<T, R>,
    c_trmm: CTr<T>,
    c_trsm: CTr<T>,
}

/// c or z.
trait Cx: Copy + std::fmt::Debug + 'static {
    type R: Copy;
    const EPS: f64;
    fn of(v: C64) -> Self;
    fn to(self) -> C64;
    fn real(v: f64) -> Self::R;
    fn api() -> Api<Self, Self::R>;
}

macro_rules! cx_impl {
    ($t:ty, $r:ty, $p:ident) => {
        impl Cx for $t {
            type R = $r;
            const EPS: f64 = <$r>::EPSILON as f64;
            fn of(v: C64) -> Self {
                Complex::new(v.re as $r, v.im as $r)
            }
            fn to(self) -> C64 {
                Complex::new(self.re as f64, self.im as f64)
            }
            fn real(v: f64) -> $r {
                v as $r
            }
            fn api() -> Api<Self, $r> {
                paste_api!($p)
            }
        }
    };
}

macro_rules! paste_api {
    (c) => {
        Api {
            gemm: l3::cgemm_,
            symm: l3::csymm_,
            hemm: l3::chemm_,
            syrk: l3::csyrk_,
            herk: l3::cherk_,
            syr2k: l3::csyr2k_,
            her2k: l3::cher2k_,
            trmm: l3::ctrmm_,
            trsm: l3::ctrsm_,
            c_gemm: l3::cblas_cgemm,
            c_symm: l3::cblas_csymm,
            c_hemm: l3::cblas_chemm,
            c_syrk: l3::cblas_csyrk,
            c_herk: l3::cblas_cherk,
            c_syr2k: l3::cblas_csyr2k,
            c_her2k: l3::cblas_cher2k,
            c_trmm: l3::cblas_ctrmm,
            c_trsm: l3::cblas_ctrsm,
        }
    };
    (z) => {
        Api {
            gemm: l3::zgemm_,
            symm: l3::zsymm_,
            hemm: l3::zhemm_,
            syrk: l3::zsyrk_,
            herk: l3::zherk_,
            syr2k: l3::zsyr2k_,
            her2k: l3::zher2k_,
            trmm: l3::ztrmm_,
            trsm: l3::ztrsm_,
            c_gemm: l3::cblas_zgemm,
            c_symm: l3::cblas_zsymm,
            c_hemm: l3::cblas_zhemm,
            c_syrk: l3::cblas_zsyrk,
            c_herk: l3::cblas_zherk,
            c_syr2k: l3::cblas_zsyr2k,
            c_her2k: l3::cblas_zher2k,
            c_trmm: l3::cblas_ztrmm,
            c_trsm: l3::cblas_ztrsm,
        }
    };
}

cx_impl!(Complex32, f32, c);
cx_impl!(Complex64, f64, z);

// ---------------------------------------------------------------------------
// Logical matrices, their storage, and the reference operations.
// ---------------------------------------------------------------------------

/// A dense `r x c` complex matrix, element (i, j) at `v[i + j*r]`.
#[derive(Clone, Debug)]
struct Dense {
    r: usize,
    c: usize,
    v: Vec<C64>,
}

impl Dense {
    fn zeros(r: usize, c: usize) -> Self {
        Dense {
            r,
            c,
            v: vec![C64::new(0.0, 0.0); r * c],
        }
    }

    /// Deterministic values with parts in [-1, 1).
    fn random(r: usize, c: usize, seed: u64) -> Self {
        let mut s = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let mut next = move || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        };
        let v = (0..r * c).map(|_| C64::new(next(), next())).collect();
        Dense { r, c, v }
    }

    fn get(&self, i: usize, j: usize) -> C64 {
        self.v[i + j * self.r]
    }

    fn set(&mut self, i: usize, j: usize, x: C64) {
        self.v[i + j * self.r] = x;
    }

    /// `op(self)` for a trans letter `N`, `T` or `C`.
    fn op(&self, t: u8) -> Dense {
        if t == b'N' {
            return self.clone();
        }
        let mut o = Dense::zeros(self.c, self.r);
        for j in 0..self.c {
            for i in 0..self.r {
                let v = self.get(i, j);
                o.set(j, i, if t == b'C' { v.conj() } else { v });
            }
        }
        o
    }

    fn mul(&self, o: &Dense) -> Dense {
        assert_eq!(self.c, o.r);
        let mut p = Dense::zeros(self.r, o.c);
        for j in 0..o.c {
            for l in 0..self.c {
                let b = o.get(l, j);
                for i in 0..self.r {
                    p.v[i + j * self.r] += self.get(i, l) * b;
                }
            }
        }
        p
    }

    /// `alpha*self + beta*c` with BLAS's zero conventions.
    fn axpby(&self, alpha: C64, beta: C64, c: &Dense) -> Dense {
        let zero = C64::new(0.0, 0.0);
        let mut o = Dense::zeros(self.r, self.c);
        for (p, v) in o.v.iter_mut().enumerate() {
            let a = if alpha == zero {
                zero
            } else {
                alpha * self.v[p]
            };
            let b = if beta == zero { zero } else { beta * c.v[p] };
            *v = a + b;
        }
        o
    }

    fn max_abs(&self) -> f64 {
        self.v.iter().fold(0.0, |m, x| m.max(x.norm()))
    }
}

/// How a routine is called: the Fortran symbol, or CBLAS in one layout.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Call {
    Fortran,
    CblasCol,
    CblasRow,
}

const CALLS: [Call; 3] = [Call::Fortran, Call::CblasCol, Call::CblasRow];

fn layout(call: Call) -> c_int {
    if call == Call::CblasRow {
        CBLAS_ROW_MAJOR
    } else {
        CBLAS_COL_MAJOR
    }
}

/// A logical matrix in an array (row-major for [`Call::CblasRow`]) with a
/// leading dimension 2 larger than needed, the padding holding a sentinel.
struct Stored<T> {
    data: Vec<T>,
    r: usize,
    c: usize,
    ld: usize,
    row: bool,
}

const SENTINEL: C64 = C64::new(1234.5, -678.25);
const NAN: C64 = C64::new(f64::NAN, f64::NAN);

impl<T: Cx> Stored<T> {
    fn new(d: &Dense, call: Call) -> Self {
        let row = call == Call::CblasRow;
        let ld = if row { d.c } else { d.r } + 2;
        let len = ld * if row { d.r } else { d.c };
        let mut s = Stored {
            data: vec![T::of(SENTINEL); len.max(1)],
            r: d.r,
            c: d.c,
            ld,
            row,
        };
        for j in 0..d.c {
            for i in 0..d.r {
                let p = s.pos(i, j);
                s.data[p] = T::of(d.get(i, j));
            }
        }
        s
    }

    fn pos(&self, i: usize, j: usize) -> usize {
        if self.row {
            i * self.ld + j
        } else {
            i + j * self.ld
        }
    }

    fn get(&self, i: usize, j: usize) -> C64 {
        self.data[self.pos(i, j)].to()
    }

    fn put(&mut self, i: usize, j: usize, v: C64) {
        let p = self.pos(i, j);
        self.data[p] = T::of(v);
    }

    /// Puts `v` in the elements (i, j) for which `which(i, j)`.
    fn poison(&mut self, v: C64, which: impl Fn(usize, usize) -> bool) {
        for j in 0..self.c {
            for i in 0..self.r {
                if which(i, j) {
                    self.put(i, j, v);
                }
            }
        }
    }

    fn ld(&self) -> c_int {
        self.ld as c_int
    }

    fn ptr(&self) -> *const T {
        self.data.as_ptr()
    }

    fn is_element(&self, p: usize) -> bool {
        let (i, j) = if self.row {
            (p / self.ld, p % self.ld)
        } else {
            (p % self.ld, p / self.ld)
        };
        i < self.r && j < self.c
    }
}

/// Same value, NaN parts included.
fn same(a: C64, b: C64) -> bool {
    (a.re == b.re || (a.re.is_nan() && b.re.is_nan()))
        && (a.im == b.im || (a.im.is_nan() && b.im.is_nan()))
}

/// Checks the output: the elements for which `checked(i, j)` against `want`
/// to `tol * scale`; every other array element unchanged from `before`.
fn check_output<T: Cx>(
    got: &Stored<T>,
    before: &[T],
    want: &Dense,
    checked: impl Fn(usize, usize) -> bool,
    tol: f64,
    what: &str,
) {
    for j in 0..got.c {
        for i in 0..got.r {
            let g = got.get(i, j);
            if checked(i, j) {
                let w = want.get(i, j);
                assert!(
                    !g.re.is_nan() && !g.im.is_nan() && (g - w).norm() <= tol,
                    "{what}: ({i}, {j}): got {g}, want {w} (tol {tol})"
                );
            } else {
                let b = before[got.pos(i, j)].to();
                assert!(same(g, b), "{what}: ({i}, {j}) changed from {b} to {g}");
            }
        }
    }
    for (p, (g, b)) in got.data.iter().zip(before).enumerate() {
        if !got.is_element(p) {
            assert!(same(g.to(), b.to()), "{what}: padding {p} changed");
        }
    }
}

/// Tolerance for sums of `k` products of values of size up to `scale`.
fn tol<T: Cx>(k: usize, scale: f64) -> f64 {
    16.0 * (k as f64 + 2.0) * T::EPS * scale.max(1.0)
}

fn trans_code(t: u8) -> c_int {
    match t {
        b'N' => CBLAS_NO_TRANS,
        b'T' => CBLAS_TRANS,
        _ => CBLAS_CONJ_TRANS,
    }
}

fn ch(c: &u8) -> Ch {
    (c as *const u8).cast()
}

const ALPHAS: [C64; 3] = [C64::new(0.0, 0.0), C64::new(1.0, 0.0), C64::new(0.7, -0.4)];
const BETAS: [C64; 3] = [C64::new(0.0, 0.0), C64::new(1.0, 0.0), C64::new(-0.3, 1.1)];

/// The scalars to try at a size: all of them when small, the general one
/// when large.
fn scalars(big: bool, all: &'static [C64; 3]) -> &'static [C64] {
    if big {
        &all[2..]
    } else {
        &all[..]
    }
}

/// Puts NaN in the elements for which `which(i, j)` of each of `arrays`
/// when the scalar `s` is zero: what a routine must not read then.
fn poison_if_zero<T: Cx>(
    s: C64,
    arrays: &mut [&mut Stored<T>],
    which: impl Fn(usize, usize) -> bool + Copy,
) {
    if s == C64::new(0.0, 0.0) {
        for a in arrays {
            a.poison(NAN, which);
        }
    }
}

/// Two tests per case, `$z` on Complex64 and `$c` on Complex32, each
/// running `$all::<T>($args)`.
macro_rules! per_precision {
    ($($z:ident, $c:ident => $all:ident($($arg:expr),*);)*) => {
        $(
            #[test]
            fn $z() {
                $all::<Complex64>($($arg),*);
            }

            #[test]
            fn $c() {
                $all::<Complex32>($($arg),*);
            }
        )*
    };
}

per_precision! {
    gemm_z, gemm_c => gemm_all();
    symm_hemm_z, symm_hemm_c => symm_all();
    syrk_z, syrk_c => syrk_all(false, false);
    syr2k_z, syr2k_c => syrk_all(false, true);
    herk_z, herk_c => syrk_all(true, false);
    her2k_z, her2k_c => syrk_all(true, true);
    trmm_z, trmm_c => tr_all(false);
    trsm_z, trsm_c => tr_all(true);
}

// ---------------------------------------------------------------------------
// gemm
// ---------------------------------------------------------------------------

#[allow(clippy::too_many_arguments)]
fn gemm_case<T: Cx>(ta: u8, tb: u8, m: usize, n: usize, k: usize, alpha: C64, beta: C64) {
    let api = T::api();
    let (ar, ac) = if ta == b'N' { (m, k) } else { (k, m) };
    let (br, bc) = if tb == b'N' { (k, n) } else { (n, k) };
    let a = Dense::random(ar, ac, 1 + m as u64);
    let b = Dense::random(br, bc, 2 + n as u64);
    let c = Dense::random(m, n, 3 + k as u64);
    let want = a.op(ta).mul(&b.op(tb)).axpby(alpha, beta, &c);
    for call in CALLS {
        let (mut sa, mut sb) = (Stored::<T>::new(&a, call), Stored::<T>::new(&b, call));
        poison_if_zero(alpha, &mut [&mut sa, &mut sb], |_, _| true);
        let mut sc = Stored::<T>::new(&c, call);
        poison_if_zero(beta, &mut [&mut sc], |_, _| true);
        let before = sc.data.clone();
        let (al, be) = (T::of(alpha), T::of(beta));
        let (mi, ni, ki) = (m as c_int, n as c_int, k as c_int);
        // SAFETY: every array holds its matrix at its leading dimension.
        unsafe {
            match call {
                Call::Fortran => (api.gemm)(
                    ch(&ta),
                    ch(&tb),
                    &mi,
                    &ni,
                    &ki,
                    &al,
                    sa.ptr(),
                    &sa.ld(),
                    sb.ptr(),
                    &sb.ld(),
                    &be,
                    sc.data.as_mut_ptr(),
                    &sc.ld(),
                ),
                _ => (api.c_gemm)(
                    layout(call),
                    trans_code(ta),
                    trans_code(tb),
                    mi,
                    ni,
                    ki,
                    &al,
                    sa.ptr(),
                    sa.ld(),
                    sb.ptr(),
                    sb.ld(),
                    &be,
                    sc.data.as_mut_ptr(),
                    sc.ld(),
                ),
            }
        }
        let what = format!(
            "gemm {call:?} {} {} m={m} n={n} k={k} alpha={alpha} beta={beta}",
            ta as char, tb as char
        );
        check_output(&sc, &before, &want, |_, _| true, tol::<T>(k, 1.0), &what);
    }
}

fn gemm_all<T: Cx>() {
    let shapes = [
        (0, 3, 2),
        (3, 0, 2),
        (2, 3, 0),
        (1, 1, 1),
        (5, 3, 7),
        (17, 9, 33),
        (33, 31, 17),
        (70, 65, 129),
        (40, 77, 50),
    ];
    for &(m, n, k) in &shapes {
        let big = m * n * k > 10_000;
        for ta in *b"NTC" {
            for tb in *b"NTC" {
                for &alpha in scalars(big, &ALPHAS) {
                    for &beta in scalars(big, &BETAS) {
                        gemm_case::<T>(ta, tb, m, n, k, alpha, beta);
                    }
                }
            }
        }
    }
}

/// Large enough for the threads and every level of the kernels' blocking.
#[test]
fn gemm_large() {
    gemm_case::<Complex64>(b'C', b'N', 301, 257, 300, ALPHAS[2], BETAS[2]);
    gemm_case::<Complex32>(b'N', b'T', 257, 301, 130, ALPHAS[2], BETAS[0]);
}

// ---------------------------------------------------------------------------
// symm, hemm
// ---------------------------------------------------------------------------

/// The full symmetric (or Hermitian) matrix whose `uplo` triangle `a` holds.
fn full_sym(a: &Dense, upper: bool, herm: bool) -> Dense {
    let n = a.r;
    let mut f = Dense::zeros(n, n);
    for j in 0..n {
        for i in 0..n {
            let stored = if upper { i <= j } else { i >= j };
            let v = if stored { a.get(i, j) } else { a.get(j, i) };
            let v = match (herm, i == j, stored) {
                (true, true, _) => C64::new(v.re, 0.0),
                (true, false, false) => v.conj(),
                _ => v,
            };
            f.set(i, j, v);
        }
    }
    f
}

#[allow(clippy::too_many_arguments)]
fn symm_case<T: Cx>(herm: bool, side: u8, uplo: u8, m: usize, n: usize, alpha: C64, beta: C64) {
    let api = T::api();
    let na = if side == b'L' { m } else { n };
    let upper = uplo == b'U';
    let a = Dense::random(na, na, 5 + na as u64);
    let b = Dense::random(m, n, 6 + m as u64);
    let c = Dense::random(m, n, 7 + n as u64);
    let fa = full_sym(&a, upper, herm);
    let prod = if side == b'L' { fa.mul(&b) } else { b.mul(&fa) };
    let want = prod.axpby(alpha, beta, &c);
    for call in CALLS {
        let mut sa = Stored::<T>::new(&a, call);
        // The other triangle is not read; nor is a Hermitian diagonal's
        // imaginary part.
        sa.poison(NAN, |i, j| if upper { i > j } else { i < j });
        if herm {
            for i in 0..na {
                let re = a.get(i, i).re;
                sa.put(i, i, C64::new(re, f64::NAN));
            }
        }
        let mut sb = Stored::<T>::new(&b, call);
        poison_if_zero(alpha, &mut [&mut sa, &mut sb], |_, _| true);
        let mut sc = Stored::<T>::new(&c, call);
        poison_if_zero(beta, &mut [&mut sc], |_, _| true);
        let before = sc.data.clone();
        let (al, be) = (T::of(alpha), T::of(beta));
        let (mi, ni) = (m as c_int, n as c_int);
        let (f, cf) = if herm {
            (api.hemm, api.c_hemm)
        } else {
            (api.symm, api.c_symm)
        };
        let cside = if side == b'L' {
            CBLAS_LEFT
        } else {
            CBLAS_RIGHT
        };
        let cuplo = if upper { CBLAS_UPPER } else { CBLAS_LOWER };
        // SAFETY: every array holds its matrix at its leading dimension.
        unsafe {
            match call {
                Call::Fortran => f(
                    ch(&side),
                    ch(&uplo),
                    &mi,
                    &ni,
                    &al,
                    sa.ptr(),
                    &sa.ld(),
                    sb.ptr(),
                    &sb.ld(),
                    &be,
                    sc.data.as_mut_ptr(),
                    &sc.ld(),
                ),
                _ => cf(
                    layout(call),
                    cside,
                    cuplo,
                    mi,
                    ni,
                    &al,
                    sa.ptr(),
                    sa.ld(),
                    sb.ptr(),
                    sb.ld(),
                    &be,
                    sc.data.as_mut_ptr(),
                    sc.ld(),
                ),
            }
        }
        let what = format!(
            "{} {call:?} {} {} m={m} n={n} alpha={alpha} beta={beta}",
            if herm { "hemm" } else { "symm" },
            side as char,
            uplo as char
        );
        check_output(&sc, &before, &want, |_, _| true, tol::<T>(na, 1.0), &what);
    }
}

fn symm_all<T: Cx>() {
    let shapes = [(0, 3), (3, 0), (1, 1), (5, 3), (17, 33), (40, 9), (130, 70)];
    for herm in [false, true] {
        for &(m, n) in &shapes {
            let big = m * n > 1000;
            for side in *b"LR" {
                for uplo in *b"UL" {
                    for &alpha in scalars(big, &ALPHAS) {
                        for &beta in scalars(big, &BETAS) {
                            symm_case::<T>(herm, side, uplo, m, n, alpha, beta);
                        }
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// syrk, syr2k, herk, her2k
// ---------------------------------------------------------------------------

#[allow(clippy::too_many_arguments)]
fn syrk_case<T: Cx>(
    herm: bool,
    two: bool,
    uplo: u8,
    trans: u8,
    n: usize,
    k: usize,
    alpha: C64,
    beta: C64,
) {
    let api = T::api();
    let upper = uplo == b'U';
    let (ar, ac) = if trans == b'N' { (n, k) } else { (k, n) };
    let a = Dense::random(ar, ac, 11 + n as u64);
    let b = Dense::random(ar, ac, 12 + k as u64);
    let c = Dense::random(n, n, 13 + n as u64 + k as u64);
    // op(A) is n x k: A or the transpose the letter names.
    let (oa, ob) = (a.op(trans), b.op(trans));
    let t = if herm { b'C' } else { b'T' };
    let prod = if two {
        let ab = oa.mul(&ob.op(t));
        let ba = ob.mul(&oa.op(t));
        let a2 = if herm { alpha.conj() } else { alpha };
        ab.axpby(alpha, a2, &ba)
    } else {
        oa.mul(&oa.op(t)).axpby(alpha, C64::new(0.0, 0.0), &c)
    };
    let mut want = prod.axpby(C64::new(1.0, 0.0), beta, &c);
    let zero = C64::new(0.0, 0.0);
    let quick = (alpha == zero || k == 0) && beta == C64::new(1.0, 0.0);
    if herm && !quick {
        for i in 0..n {
            let re = want.get(i, i).re;
            want.set(i, i, C64::new(re, 0.0));
        }
    }
    if quick {
        want = c.clone();
    }
    let in_tri = move |i: usize, j: usize| if upper { i <= j } else { i >= j };
    for call in CALLS {
        let (mut sa, mut sb) = (Stored::<T>::new(&a, call), Stored::<T>::new(&b, call));
        poison_if_zero(alpha, &mut [&mut sa, &mut sb], |_, _| true);
        let mut sc = Stored::<T>::new(&c, call);
        sc.poison(NAN, |i, j| !in_tri(i, j));
        poison_if_zero(beta, &mut [&mut sc], in_tri);
        let before = sc.data.clone();
        let (al, be) = (T::of(alpha), T::of(beta));
        let (alr, ber) = (T::real(alpha.re), T::real(beta.re));
        let (ni, ki) = (n as c_int, k as c_int);
        let cuplo = if upper { CBLAS_UPPER } else { CBLAS_LOWER };
        let (lo, ct) = (layout(call), trans_code(trans));
        let cp = sc.data.as_mut_ptr();
        // SAFETY: every array holds its matrix at its leading dimension.
        unsafe {
            match (call, herm, two) {
                (Call::Fortran, false, false) => (api.syrk)(
                    ch(&uplo),
                    ch(&trans),
                    &ni,
                    &ki,
                    &al,
                    sa.ptr(),
                    &sa.ld(),
                    &be,
                    cp,
                    &sc.ld(),
                ),
                (Call::Fortran, true, false) => (api.herk)(
                    ch(&uplo),
                    ch(&trans),
                    &ni,
                    &ki,
                    &alr,
                    sa.ptr(),
                    &sa.ld(),
                    &ber,
                    cp,
                    &sc.ld(),
                ),
                (Call::Fortran, false, true) => (api.syr2k)(
                    ch(&uplo),
                    ch(&trans),
                    &ni,
                    &ki,
                    &al,
                    sa.ptr(),
                    &sa.ld(),
                    sb.ptr(),
                    &sb.ld(),
                    &be,
                    cp,
                    &sc.ld(),
                ),
                (Call::Fortran, true, true) => (api.her2k)(
                    ch(&uplo),
                    ch(&trans),
                    &ni,
                    &ki,
                    &al,
                    sa.ptr(),
                    &sa.ld(),
                    sb.ptr(),
                    &sb.ld(),
                    &ber,
                    cp,
                    &sc.ld(),
                ),
                (_, false, false) => (api.c_syrk)(
                    lo,
                    cuplo,
                    ct,
                    ni,
                    ki,
                    &al,
                    sa.ptr(),
                    sa.ld(),
                    &be,
                    cp,
                    sc.ld(),
                ),
                (_, true, false) => (api.c_herk)(
                    lo,
                    cuplo,
                    ct,
                    ni,
                    ki,
                    alr,
                    sa.ptr(),
                    sa.ld(),
                    ber,
                    cp,
                    sc.ld(),
                ),
                (_, false, true) => (api.c_syr2k)(
                    lo,
                    cuplo,
                    ct,
                    ni,
                    ki,
                    &al,
                    sa.ptr(),
                    sa.ld(),
                    sb.ptr(),
                    sb.ld(),
                    &be,
                    cp,
                    sc.ld(),
                ),
                (_, true, true) => (api.c_her2k)(
                    lo,
                    cuplo,
                    ct,
                    ni,
                    ki,
                    &al,
                    sa.ptr(),
                    sa.ld(),
                    sb.ptr(),
                    sb.ld(),
                    ber,
                    cp,
                    sc.ld(),
                ),
            }
        }
        let name = match (herm, two) {
            (false, false) => "syrk",
            (false, true) => "syr2k",
            (true, false) => "herk",
            (true, true) => "her2k",
        };
        let what = format!(
            "{name} {call:?} {} {} n={n} k={k} alpha={alpha} beta={beta}",
            uplo as char, trans as char
        );
        let checked = move |i: usize, j: usize| in_tri(i, j);
        check_output(&sc, &before, &want, checked, tol::<T>(2 * k, 1.0), &what);
    }
}

fn syrk_all<T: Cx>(herm: bool, two: bool) {
    let shapes = [
        (0, 3),
        (3, 0),
        (1, 1),
        (5, 3),
        (17, 33),
        (33, 9),
        (65, 40),
        (130, 17),
        // Past herk's and her2k's block columns (128) several times.
        (300, 37),
    ];
    let transes: &[u8] = if herm { b"NC" } else { b"NT" };
    for &(n, k) in &shapes {
        let big = n * n * k > 10_000;
        for uplo in *b"UL" {
            for &trans in transes {
                for &alpha in scalars(big, &ALPHAS) {
                    // herk's alpha is real.
                    let alpha = if herm && !two {
                        C64::new(alpha.re, 0.0)
                    } else {
                        alpha
                    };
                    for &beta in scalars(big, &BETAS) {
                        // herk's and her2k's beta are real.
                        let beta = if herm { C64::new(beta.re, 0.0) } else { beta };
                        syrk_case::<T>(herm, two, uplo, trans, n, k, alpha, beta);
                    }
                }
            }
        }
    }
}

/// herk with `alpha == 0` only scales `C`, and still makes its diagonal
/// real, as the reference does; with `beta == 1` as well it returns at once.
#[test]
fn herk_scaling_makes_the_diagonal_real() {
    let api = Complex64::api();
    let mut c = [
        C64::new(1.0, 2.0),
        C64::new(3.0, 4.0),
        C64::new(5.0, 6.0),
        C64::new(7.0, 8.0),
    ];
    let a = [NAN; 4];
    let (n, k, ld) = (2, 2, 2);
    let (alpha, beta) = (0.0f64, 2.0f64);
    // SAFETY: A is 2 x 2 and C 2 x 2, both at leading dimension 2.
    unsafe {
        (api.herk)(
            ch(&b'L'),
            ch(&b'N'),
            &n,
            &k,
            &alpha,
            a.as_ptr(),
            &ld,
            &beta,
            c.as_mut_ptr(),
            &ld,
        )
    };
    assert_eq!(
        c,
        [
            C64::new(2.0, 0.0),
            C64::new(6.0, 8.0),
            C64::new(5.0, 6.0),
            C64::new(14.0, 0.0)
        ]
    );
    let one = 1.0f64;
    let mut d = [C64::new(1.0, 2.0); 4];
    // SAFETY: as above.
    unsafe {
        (api.herk)(
            ch(&b'U'),
            ch(&b'C'),
            &n,
            &k,
            &alpha,
            a.as_ptr(),
            &ld,
            &one,
            d.as_mut_ptr(),
            &ld,
        )
    };
    assert_eq!(d, [C64::new(1.0, 2.0); 4]);
}

// ---------------------------------------------------------------------------
// trmm, trsm
// ---------------------------------------------------------------------------

/// The triangular matrix `uplo` of `a` (unit diagonal when `unit`).
fn triangle(a: &Dense, upper: bool, unit: bool) -> Dense {
    let n = a.r;
    let mut t = Dense::zeros(n, n);
    for j in 0..n {
        for i in 0..n {
            let v = if i == j && unit {
                C64::new(1.0, 0.0)
            } else if (upper && i <= j) || (!upper && i >= j) {
                a.get(i, j)
            } else {
                C64::new(0.0, 0.0)
            };
            t.set(i, j, v);
        }
    }
    t
}

#[allow(clippy::too_many_arguments)]
fn tr_case<T: Cx>(
    solve: bool,
    side: u8,
    uplo: u8,
    trans: u8,
    diag: u8,
    m: usize,
    n: usize,
    alpha: C64,
) {
    let api = T::api();
    let na = if side == b'L' { m } else { n };
    let (upper, unit) = (uplo == b'U', diag == b'U');
    // Well conditioned: small off-diagonal elements, a diagonal near 2.
    let mut a = Dense::random(na, na, 21 + na as u64);
    for j in 0..na {
        for i in 0..na {
            let v = a.get(i, j);
            a.set(
                i,
                j,
                if i == j {
                    v + C64::new(2.0, 0.5)
                } else {
                    v * (0.5 / na as f64)
                },
            );
        }
    }
    let b = Dense::random(m, n, 22 + m as u64 + n as u64);
    let opa = triangle(&a, upper, unit).op(trans);
    let zero = C64::new(0.0, 0.0);
    for call in CALLS {
        let mut sa = Stored::<T>::new(&a, call);
        sa.poison(NAN, |i, j| if upper { i > j } else { i < j });
        if unit {
            sa.poison(NAN, |i, j| i == j);
        }
        poison_if_zero(alpha, &mut [&mut sa], |_, _| true);
        let mut sb = Stored::<T>::new(&b, call);
        let before = sb.data.clone();
        let al = T::of(alpha);
        let (mi, ni) = (m as c_int, n as c_int);
        let (f, cf) = if solve {
            (api.trsm, api.c_trsm)
        } else {
            (api.trmm, api.c_trmm)
        };
        let cside = if side == b'L' {
            CBLAS_LEFT
        } else {
            CBLAS_RIGHT
        };
        let cuplo = if upper { CBLAS_UPPER } else { CBLAS_LOWER };
        let cdiag = if unit { CBLAS_UNIT } else { CBLAS_NON_UNIT };
        // SAFETY: every array holds its matrix at its leading dimension.
        unsafe {
            match call {
                Call::Fortran => f(
                    ch(&side),
                    ch(&uplo),
                    ch(&trans),
                    ch(&diag),
                    &mi,
                    &ni,
                    &al,
                    sa.ptr(),
                    &sa.ld(),
                    sb.data.as_mut_ptr(),
                    &sb.ld(),
                ),
                _ => cf(
                    layout(call),
                    cside,
                    cuplo,
                    trans_code(trans),
                    cdiag,
                    mi,
                    ni,
                    &al,
                    sa.ptr(),
                    sa.ld(),
                    sb.data.as_mut_ptr(),
                    sb.ld(),
                ),
            }
        }
        let what = format!(
            "{} {call:?} {} {} {} {} m={m} n={n} alpha={alpha}",
            if solve { "trsm" } else { "trmm" },
            side as char,
            uplo as char,
            trans as char,
            diag as char
        );
        // trmm: against alpha*op(A)*B. trsm: the residual, op(A)*X (or
        // X*op(A)) against alpha*B.
        let mut got = Dense::zeros(m, n);
        for j in 0..n {
            for i in 0..m {
                got.set(i, j, sb.get(i, j));
            }
        }
        let (lhs, want) = if solve {
            let lhs = if side == b'L' {
                opa.mul(&got)
            } else {
                got.mul(&opa)
            };
            (Some(lhs), b.axpby(alpha, zero, &b))
        } else {
            let p = if side == b'L' {
                opa.mul(&b)
            } else {
                b.mul(&opa)
            };
            (None, p.axpby(alpha, zero, &b))
        };
        match lhs {
            None => check_output(&sb, &before, &want, |_, _| true, tol::<T>(na, 1.0), &what),
            Some(lhs) => {
                check_output(&sb, &before, &got, |_, _| true, 0.0, &what);
                let scale = got.max_abs().max(1.0);
                for j in 0..n {
                    for i in 0..m {
                        let (l, w) = (lhs.get(i, j), want.get(i, j));
                        assert!(
                            (l - w).norm() <= tol::<T>(na, scale),
                            "{what}: residual at ({i}, {j}): {l} vs {w}"
                        );
                    }
                }
            }
        }
    }
}

fn tr_all<T: Cx>(solve: bool) {
    let shapes = [(0, 3), (3, 0), (1, 1), (5, 3), (17, 33), (40, 9), (70, 65)];
    for &(m, n) in &shapes {
        let big = m * n > 1000;
        for side in *b"LR" {
            for uplo in *b"UL" {
                for trans in *b"NTC" {
                    for diag in *b"NU" {
                        for &alpha in scalars(big, &ALPHAS) {
                            tr_case::<T>(solve, side, uplo, trans, diag, m, n, alpha);
                        }
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Argument errors that differ from the real routines'.
// ---------------------------------------------------------------------------

/// The errors a case must report (routine, position), and the call.
type Case = (Vec<(&'static str, i32)>, Box<dyn Fn()>);

/// The complex-only rules: trans letters of syrk/syr2k (`N`, `T`) and
/// herk/her2k (`N`, `C`), herk's and her2k's positions, netlib's mapping of
/// CBLAS's herk/her2k (a row-major `CblasTrans` is accepted, a column-major
/// one reaches the Fortran check; a bad row-major uplo is position 3 in
/// cblas_?herk but 2 in cblas_?her2k).
fn error_cases() -> Vec<Case> {
    let z = C64::new(1.0, 0.0);
    let f = |s: &'static str| -> Ch { s.as_ptr().cast() };
    let (one, two) = (1, 2);
    let arr = move |len: usize| vec![z; len];
    let mut v: Vec<Case> = Vec::new();
    v.push((
        vec![("ZSYRK", 2)],
        Box::new(move || {
            let (a, mut c) = (arr(4), arr(4));
            // SAFETY: 1 x 1 operands in arrays of 4.
            unsafe {
                l3::zsyrk_(
                    f("U"),
                    f("C"),
                    &one,
                    &one,
                    &z,
                    a.as_ptr(),
                    &one,
                    &z,
                    c.as_mut_ptr(),
                    &one,
                )
            }
        }),
    ));
    v.push((
        vec![("CSYR2K", 2)],
        Box::new(move || {
            let c1 = Complex32::new(1.0, 0.0);
            let (a, mut c) = (vec![c1; 4], vec![c1; 4]);
            // SAFETY: as above.
            unsafe {
                l3::csyr2k_(
                    f("L"),
                    f("C"),
                    &one,
                    &one,
                    &c1,
                    a.as_ptr(),
                    &one,
                    a.as_ptr(),
                    &one,
                    &c1,
                    c.as_mut_ptr(),
                    &one,
                )
            }
        }),
    ));
    v.push((
        vec![("ZHERK", 2)],
        Box::new(move || {
            let (a, mut c) = (arr(4), arr(4));
            // SAFETY: as above.
            unsafe {
                l3::zherk_(
                    f("U"),
                    f("T"),
                    &one,
                    &one,
                    &1.0,
                    a.as_ptr(),
                    &one,
                    &1.0,
                    c.as_mut_ptr(),
                    &one,
                )
            }
        }),
    ));
    v.push((
        vec![("ZHERK", 10)],
        Box::new(move || {
            let (a, mut c) = (arr(4), arr(4));
            // SAFETY: rejected (ldc = 1 < n = 2) before any array is read.
            unsafe {
                l3::zherk_(
                    f("L"),
                    f("N"),
                    &two,
                    &one,
                    &1.0,
                    a.as_ptr(),
                    &two,
                    &1.0,
                    c.as_mut_ptr(),
                    &one,
                )
            }
        }),
    ));
    v.push((
        vec![("ZHER2K", 2)],
        Box::new(move || {
            let (a, mut c) = (arr(4), arr(4));
            // SAFETY: as above.
            unsafe {
                l3::zher2k_(
                    f("U"),
                    f("T"),
                    &one,
                    &one,
                    &z,
                    a.as_ptr(),
                    &one,
                    a.as_ptr(),
                    &one,
                    &1.0,
                    c.as_mut_ptr(),
                    &one,
                )
            }
        }),
    ));
    v.push((
        vec![("ZHER2K", 9)],
        Box::new(move || {
            let (a, mut c) = (arr(4), arr(4));
            // SAFETY: rejected (ldb = 1 < n = 2) before any array is read.
            unsafe {
                l3::zher2k_(
                    f("U"),
                    f("N"),
                    &two,
                    &one,
                    &z,
                    a.as_ptr(),
                    &two,
                    a.as_ptr(),
                    &one,
                    &1.0,
                    c.as_mut_ptr(),
                    &two,
                )
            }
        }),
    ));
    v.push((
        vec![("ZHEMM", 1)],
        Box::new(move || {
            let (a, mut c) = (arr(4), arr(4));
            // SAFETY: as above.
            unsafe {
                l3::zhemm_(
                    f("X"),
                    f("U"),
                    &one,
                    &one,
                    &z,
                    a.as_ptr(),
                    &one,
                    a.as_ptr(),
                    &one,
                    &z,
                    c.as_mut_ptr(),
                    &one,
                )
            }
        }),
    ));
    let herk = move |lay: c_int, uplo: c_int, trans: c_int| {
        let (a, mut c) = (arr(4), arr(4));
        // SAFETY: 1 x 1 operands in arrays of 4.
        unsafe {
            l3::cblas_zherk(
                lay,
                uplo,
                trans,
                1,
                1,
                1.0,
                a.as_ptr(),
                1,
                1.0,
                c.as_mut_ptr(),
                1,
            )
        }
    };
    let her2k = move |lay: c_int, uplo: c_int, trans: c_int| {
        let (a, mut c) = (arr(4), arr(4));
        // SAFETY: as above.
        unsafe {
            l3::cblas_zher2k(
                lay,
                uplo,
                trans,
                1,
                1,
                &z,
                a.as_ptr(),
                1,
                a.as_ptr(),
                1,
                1.0,
                c.as_mut_ptr(),
                1,
            )
        }
    };
    let (row, col) = (CBLAS_ROW_MAJOR, CBLAS_COL_MAJOR);
    v.push((
        vec![("cblas_zherk", 3)],
        Box::new(move || herk(row, 0, CBLAS_NO_TRANS)),
    ));
    v.push((
        vec![("cblas_zher2k", 2)],
        Box::new(move || her2k(row, 0, CBLAS_NO_TRANS)),
    ));
    v.push((
        vec![("cblas_zher2k", 2)],
        Box::new(move || her2k(col, 0, CBLAS_NO_TRANS)),
    ));
    v.push((
        vec![("cblas_zherk", 3)],
        Box::new(move || herk(col, CBLAS_UPPER, 0)),
    ));
    v.push((
        vec![("ZHERK", 2)],
        Box::new(move || herk(col, CBLAS_UPPER, CBLAS_TRANS)),
    ));
    v.push((
        vec![],
        Box::new(move || herk(row, CBLAS_UPPER, CBLAS_TRANS)),
    ));
    v.push((
        vec![("ZHER2K", 2)],
        Box::new(move || her2k(col, CBLAS_LOWER, CBLAS_TRANS)),
    ));
    v.push((
        vec![],
        Box::new(move || her2k(row, CBLAS_LOWER, CBLAS_TRANS)),
    ));
    v.push((
        vec![("ZSYRK", 2)],
        Box::new(move || {
            let (a, mut c) = (arr(4), arr(4));
            // SAFETY: as above.
            unsafe {
                l3::cblas_zsyrk(
                    col,
                    CBLAS_UPPER,
                    CBLAS_CONJ_TRANS,
                    1,
                    1,
                    &z,
                    a.as_ptr(),
                    1,
                    &z,
                    c.as_mut_ptr(),
                    1,
                )
            }
        }),
    ));
    v.push((
        vec![("cblas_zhemm", 1)],
        Box::new(move || {
            let (a, mut c) = (arr(4), arr(4));
            // SAFETY: as above.
            unsafe {
                l3::cblas_zhemm(
                    7,
                    CBLAS_LEFT,
                    CBLAS_UPPER,
                    1,
                    1,
                    &z,
                    a.as_ptr(),
                    1,
                    a.as_ptr(),
                    1,
                    &z,
                    c.as_mut_ptr(),
                    1,
                )
            }
        }),
    ));
    v.push((
        vec![("cblas_zgemm", 2)],
        Box::new(move || {
            let (a, mut c) = (arr(4), arr(4));
            // SAFETY: as above.
            unsafe {
                l3::cblas_zgemm(
                    row,
                    CBLAS_NO_TRANS,
                    0,
                    1,
                    1,
                    1,
                    &z,
                    a.as_ptr(),
                    1,
                    a.as_ptr(),
                    1,
                    &z,
                    c.as_mut_ptr(),
                    1,
                )
            }
        }),
    ));
    v
}

/// Set in the child process that runs the error cases.
const CHILD_VAR: &str = "OXPAR_BLAS_LEVEL3_COMPLEX_ERROR_CHILD";

/// Runs [`error_cases`] in a child process (this test program again), which
/// prints `CASE n` before each call; the library's own handlers print
/// ` ** On entry to ZHERK  parameter number  2 had an illegal value` and
/// `Parameter 2 to routine cblas_zher2k was incorrect` to stderr.
#[test]
fn complex_argument_errors_are_reported_at_the_reference_positions() {
    let name = "complex_argument_errors_are_reported_at_the_reference_positions";
    if std::env::var_os(CHILD_VAR).is_some() {
        for (i, (_, call)) in error_cases().iter().enumerate() {
            eprintln!("CASE {i}");
            call();
        }
        return;
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", name, "--nocapture", "--test-threads=1"])
        .env(CHILD_VAR, "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "child failed: {out:?}");
    let text = String::from_utf8_lossy(&out.stderr);
    let mut got: Vec<Vec<(String, i32)>> = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let error = match words.as_slice() {
            ["CASE", _] => {
                got.push(Vec::new());
                continue;
            }
            ["**", "On", "entry", "to", name, "parameter", "number", info, "had", "an", "illegal", "value"]
            | ["Parameter", info, "to", "routine", name, "was", "incorrect"] => {
                (name.to_string(), info.parse::<i32>().unwrap())
            }
            _ => continue,
        };
        got.last_mut().expect("a case first").push(error);
    }
    let want: Vec<Vec<(String, i32)>> = error_cases()
        .into_iter()
        .map(|(w, _)| w.into_iter().map(|(n, i)| (n.to_string(), i)).collect())
        .collect();
    assert_eq!(got.len(), want.len(), "cases run: {text}");
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "case {i}");
    }
}
