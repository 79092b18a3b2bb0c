//! Level 3 against loops written from the reference BLAS's definitions, in
//! f32 and f64, through the Fortran entry points and the CBLAS ones in both
//! layouts: every side/uplo/trans/diag combination, sizes from 0 to past the
//! library's block sizes (130, 257, 300) and large enough to be split across
//! threads (when there are several), leading dimensions larger than the
//! rows, `alpha = 0` with NaN in `A` and `B`, `beta = 0` with NaN in `C`,
//! NaN in every element a routine must not read (the other triangle, a unit
//! diagonal, the padding of a leading dimension), and a sentinel in every
//! element it must not write.
//!
//! The last test checks that invalid arguments are reported at the
//! reference's positions (and CBLAS's at netlib's), by reading back what the
//! library's handlers print in a child process.

use std::ffi::{c_char, c_int};

use oxpar_blas::args::{
    CBLAS_COL_MAJOR, CBLAS_CONJ_TRANS, CBLAS_LEFT, CBLAS_LOWER, CBLAS_NON_UNIT, CBLAS_NO_TRANS,
    CBLAS_RIGHT, CBLAS_ROW_MAJOR, CBLAS_TRANS, CBLAS_UNIT, CBLAS_UPPER,
};
use oxpar_blas::level3 as l3;

// ---------------------------------------------------------------------------
// Element types and entry points.
// ---------------------------------------------------------------------------

trait Real: Copy + std::fmt::Debug + 'static {
    const EPS: f64;
    fn of(v: f64) -> Self;
    fn to(self) -> f64;
    fn api() -> Api<Self>;
}

impl Real for f32 {
    const EPS: f64 = f32::EPSILON as f64;
    fn of(v: f64) -> Self {
        v as f32
    }
    fn to(self) -> f64 {
        f64::from(self)
    }
    fn api() -> Api<f32> {
        Api {
            gemm: l3::sgemm_,
            symm: l3::ssymm_,
            syrk: l3::ssyrk_,
            syr2k: l3::ssyr2k_,
            trmm: l3::strmm_,
            trsm: l3::strsm_,
            c_gemm: l3::cblas_sgemm,
            c_symm: l3::cblas_ssymm,
            c_syrk: l3::cblas_ssyrk,
            c_syr2k: l3::cblas_ssyr2k,
            c_trmm: l3::cblas_strmm,
            c_trsm: l3::cblas_strsm,
        }
    }
}

impl Real for f64 {
    const EPS: f64 = f64::EPSILON;
    fn of(v: f64) -> Self {
        v
    }
    fn to(self) -> f64 {
        self
    }
    fn api() -> Api<f64> {
        Api {
            gemm: l3::dgemm_,
            symm: l3::dsymm_,
            syrk: l3::dsyrk_,
            syr2k: l3::dsyr2k_,
            trmm: l3::dtrmm_,
            trsm: l3::dtrsm_,
            c_gemm: l3::cblas_dgemm,
            c_symm: l3::cblas_dsymm,
            c_syrk: l3::cblas_dsyrk,
            c_syr2k: l3::cblas_dsyr2k,
            c_trmm: l3::cblas_dtrmm,
            c_trsm: l3::cblas_dtrsm,
        }
    }
}

type Int = *const c_int;
type Ch = *const c_char;
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
type FSyrk<T> =
    unsafe extern "C" fn(Ch, Ch, Int, Int, *const T, *const T, Int, *const T, *mut T, Int);
type FTr<T> = unsafe extern "C" fn(Ch, Ch, Ch, Ch, Int, Int, *const T, *const T, Int, *mut T, Int);
type CGemm<T> = unsafe extern "C" fn(
    c_int,
    c_int,
    c_int,
    c_int,
    c_int,
    c_int,
    T,
    *const T,
    c_int,
    *const T,
    c_int,
    T,
    *mut T,
    c_int,
);
type CSymm<T> = unsafe extern "C" fn(
    c_int,
    c_int,
    c_int,
    c_int,
    c_int,
    T,
    *const T,
    c_int,
    *const T,
    c_int,
    T,
    *mut T,
    c_int,
);
type CSyrk<T> =
    unsafe extern "C" fn(c_int, c_int, c_int, c_int, c_int, T, *const T, c_int, T, *mut T, c_int);
type CTr<T> = unsafe extern "C" fn(
    c_int,
    c_int,
    c_int,
    c_int,
    c_int,
    c_int,
    c_int,
    T,
    *const T,
    c_int,
    *mut T,
    c_int,
);

/// One precision's entry points.
struct Api<T> {
    gemm: FGemm<T>,
    symm: FSymm<T>,
    syrk: FSyrk<T>,
    syr2k: FSymm<T>,
    trmm: FTr<T>,
    trsm: FTr<T>,
    c_gemm: CGemm<T>,
    c_symm: CSymm<T>,
    c_syrk: CSyrk<T>,
    c_syr2k: CSymm<T>,
    c_trmm: CTr<T>,
    c_trsm: CTr<T>,
}

// ---------------------------------------------------------------------------
// Logical matrices, their storage, and the reference operations.
// ---------------------------------------------------------------------------

/// A dense `r x c` matrix of f64, element (i, j) at `v[i + j*r]`.
#[derive(Clone, Debug)]
struct Dense {
    r: usize,
    c: usize,
    v: Vec<f64>,
}

impl Dense {
    fn zeros(r: usize, c: usize) -> Self {
        Dense {
            r,
            c,
            v: vec![0.0; r * c],
        }
    }

    /// Deterministic values in [-1, 1).
    fn random(r: usize, c: usize, seed: u64) -> Self {
        let mut s = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let v = (0..r * c)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
            })
            .collect();
        Dense { r, c, v }
    }

    fn get(&self, i: usize, j: usize) -> f64 {
        self.v[i + j * self.r]
    }

    fn set(&mut self, i: usize, j: usize, x: f64) {
        self.v[i + j * self.r] = x;
    }

    fn t(&self) -> Dense {
        let mut t = Dense::zeros(self.c, self.r);
        for j in 0..self.c {
            for i in 0..self.r {
                t.set(j, i, self.get(i, j));
            }
        }
        t
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

    fn max_abs(&self) -> f64 {
        self.v.iter().fold(0.0, |m, x| m.max(x.abs()))
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

impl Call {
    fn row_major(self) -> bool {
        self == Call::CblasRow
    }
}

/// A logical matrix in an array, column- or row-major, with a leading
/// dimension 3 larger than needed; the padding holds `pad`.
struct Stored<T> {
    data: Vec<T>,
    r: usize,
    c: usize,
    ld: usize,
    row_major: bool,
}

impl<T: Real> Stored<T> {
    fn new(d: &Dense, row_major: bool, pad: f64) -> Self {
        let ld = if row_major { d.c } else { d.r } + 3;
        let len = ld * if row_major { d.r } else { d.c };
        let mut s = Stored {
            data: vec![T::of(pad); len.max(1)],
            r: d.r,
            c: d.c,
            ld,
            row_major,
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
        if self.row_major {
            i * self.ld + j
        } else {
            i + j * self.ld
        }
    }

    /// Puts `v` in the elements (i, j) for which `which(i, j)`.
    fn poison(&mut self, v: f64, which: impl Fn(usize, usize) -> bool) {
        for j in 0..self.c {
            for i in 0..self.r {
                if which(i, j) {
                    let p = self.pos(i, j);
                    self.data[p] = T::of(v);
                }
            }
        }
    }

    fn ld(&self) -> c_int {
        self.ld as c_int
    }

    /// Whether the array position holds a logical element.
    fn is_element(&self, p: usize) -> bool {
        let (i, j) = if self.row_major {
            (p / self.ld, p % self.ld)
        } else {
            (p % self.ld, p / self.ld)
        };
        i < self.r && j < self.c
    }
}

/// Same value, or both NaN.
fn same(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan())
}

/// Checks the output: the elements for which `checked(i, j)` against `want`
/// to `tol * scale`; every other array element unchanged from `before`.
#[allow(clippy::too_many_arguments)]
fn check_output<T: Real>(
    got: &Stored<T>,
    before: &[T],
    want: &Dense,
    checked: impl Fn(usize, usize) -> bool,
    scale: f64,
    tol: f64,
    what: &str,
) {
    for j in 0..got.c {
        for i in 0..got.r {
            let p = got.pos(i, j);
            let g = got.data[p].to();
            if checked(i, j) {
                let w = want.get(i, j);
                assert!(
                    !g.is_nan() && (g - w).abs() <= tol * scale,
                    "{what}: ({i}, {j}): got {g}, want {w} (scale {scale}, tol {tol})"
                );
            } else {
                assert!(
                    same(g, before[p].to()),
                    "{what}: ({i}, {j}) changed from {:?} to {g}",
                    before[p]
                );
            }
        }
    }
    for (p, (g, b)) in got.data.iter().zip(before).enumerate() {
        if !got.is_element(p) {
            assert!(same(g.to(), b.to()), "{what}: padding {p} changed");
        }
    }
}

fn trans_char(t: u8) -> c_int {
    match t {
        b'N' => CBLAS_NO_TRANS,
        b'T' => CBLAS_TRANS,
        _ => CBLAS_CONJ_TRANS,
    }
}

fn layout(call: Call) -> c_int {
    if call.row_major() {
        CBLAS_ROW_MAJOR
    } else {
        CBLAS_COL_MAJOR
    }
}

fn ch(c: &u8) -> Ch {
    (c as *const u8).cast()
}

/// `alpha*x + beta*y` with the BLAS conventions: `alpha == 0` ignores `x`
/// and `beta == 0` ignores `y`.
fn combine(alpha: f64, x: f64, beta: f64, y: f64) -> f64 {
    let ax = if alpha == 0.0 { 0.0 } else { alpha * x };
    let by = if beta == 0.0 { 0.0 } else { beta * y };
    ax + by
}

const ALPHAS: [f64; 3] = [0.0, 1.0, 0.7];
const BETAS: [f64; 3] = [0.0, 1.0, 1.3];

/// The alphas (and betas) to try at a size: all of them when small.
fn scalars(big: bool, all: &'static [f64; 3]) -> &'static [f64] {
    if big {
        &all[2..]
    } else {
        &all[..]
    }
}

// ---------------------------------------------------------------------------
// gemm
// ---------------------------------------------------------------------------

fn gemm_case<T: Real>(ta: u8, tb: u8, m: usize, n: usize, k: usize, alpha: f64, beta: f64) {
    let api = T::api();
    let (ar, ac) = if ta == b'N' { (m, k) } else { (k, m) };
    let (br, bc) = if tb == b'N' { (k, n) } else { (n, k) };
    let mut a = Dense::random(ar, ac, 1 + m as u64);
    let mut b = Dense::random(br, bc, 2 + n as u64);
    let c = Dense::random(m, n, 3 + k as u64);
    if alpha == 0.0 {
        a.v.fill(f64::NAN);
        b.v.fill(f64::NAN);
    }
    let opa = if ta == b'N' { a.clone() } else { a.t() };
    let opb = if tb == b'N' { b.clone() } else { b.t() };
    let prod = opa.mul(&opb);
    let mut want = Dense::zeros(m, n);
    for j in 0..n {
        for i in 0..m {
            want.set(i, j, combine(alpha, prod.get(i, j), beta, c.get(i, j)));
        }
    }
    let cval = if beta == 0.0 { f64::NAN } else { 0.0 };
    let scale = alpha.abs() * k as f64 + beta.abs() + 1.0;
    let tol = T::EPS * 4.0 * (k as f64 + 2.0);
    for call in CALLS {
        let rm = call.row_major();
        let sa = Stored::<T>::new(&a, rm, f64::NAN);
        let sb = Stored::<T>::new(&b, rm, f64::NAN);
        let mut sc = Stored::<T>::new(&c, rm, -7.0);
        if beta == 0.0 {
            sc.poison(cval, |_, _| true);
        }
        let before = sc.data.clone();
        let (mi, ni, ki) = (m as c_int, n as c_int, k as c_int);
        let (al, be) = (T::of(alpha), T::of(beta));
        // SAFETY: the arrays hold the matrices with the leading dimensions given.
        unsafe {
            match call {
                Call::Fortran => (api.gemm)(
                    ch(&ta),
                    ch(&tb),
                    &mi,
                    &ni,
                    &ki,
                    &al,
                    sa.data.as_ptr(),
                    &sa.ld(),
                    sb.data.as_ptr(),
                    &sb.ld(),
                    &be,
                    sc.data.as_mut_ptr(),
                    &sc.ld(),
                ),
                _ => (api.c_gemm)(
                    layout(call),
                    trans_char(ta),
                    trans_char(tb),
                    mi,
                    ni,
                    ki,
                    al,
                    sa.data.as_ptr(),
                    sa.ld(),
                    sb.data.as_ptr(),
                    sb.ld(),
                    be,
                    sc.data.as_mut_ptr(),
                    sc.ld(),
                ),
            }
        }
        let what = format!(
            "{call:?} gemm {} {} {m}x{n}x{k} alpha {alpha} beta {beta}",
            ta as char, tb as char
        );
        check_output(&sc, &before, &want, |_, _| true, scale, tol, &what);
    }
}

fn gemm_all<T: Real>() {
    let sizes = [
        (0, 0, 0),
        (1, 1, 1),
        (0, 3, 2),
        (3, 0, 2),
        (3, 2, 0),
        (7, 5, 3),
        (1, 9, 4),
        (130, 67, 129),
        (257, 33, 140),
    ];
    for (m, n, k) in sizes {
        let big = m * n * k > 10_000;
        for ta in [b'N', b'T', b'C'] {
            for tb in [b'N', b'T', b'C'] {
                for &alpha in scalars(big, &ALPHAS) {
                    for &beta in scalars(big, &BETAS) {
                        gemm_case::<T>(ta, tb, m, n, k, alpha, beta);
                    }
                }
            }
        }
        if big {
            gemm_case::<T>(b'N', b'T', m, n, k, 0.0, 0.0);
            gemm_case::<T>(b'T', b'N', m, n, k, 1.0, 0.0);
        }
    }
}

#[test]
fn gemm_d() {
    gemm_all::<f64>();
}

#[test]
fn gemm_s() {
    gemm_all::<f32>();
}

// ---------------------------------------------------------------------------
// symm
// ---------------------------------------------------------------------------

fn symm_case<T: Real>(side: u8, uplo: u8, m: usize, n: usize, alpha: f64, beta: f64) {
    let api = T::api();
    let na = if side == b'L' { m } else { n };
    let mut a = Dense::random(na, na, 11 + m as u64);
    let mut b = Dense::random(m, n, 12 + n as u64);
    let c = Dense::random(m, n, 13);
    // The symmetric matrix the stored triangle stands for.
    let upper = uplo == b'U';
    let mut full = a.clone();
    for j in 0..na {
        for i in 0..na {
            let (p, q) = if (i <= j) == upper { (i, j) } else { (j, i) };
            full.set(i, j, a.get(p, q));
        }
    }
    if alpha == 0.0 {
        a.v.fill(f64::NAN);
        b.v.fill(f64::NAN);
    }
    let prod = if side == b'L' {
        full.mul(&b)
    } else {
        b.mul(&full)
    };
    let mut want = Dense::zeros(m, n);
    for j in 0..n {
        for i in 0..m {
            want.set(i, j, combine(alpha, prod.get(i, j), beta, c.get(i, j)));
        }
    }
    let scale = alpha.abs() * na as f64 + beta.abs() + 1.0;
    let tol = T::EPS * 4.0 * (na as f64 + 2.0);
    for call in CALLS {
        let rm = call.row_major();
        let mut sa = Stored::<T>::new(&a, rm, f64::NAN);
        // The other triangle must not be read.
        sa.poison(f64::NAN, |i, j| if upper { i > j } else { i < j });
        let sb = Stored::<T>::new(&b, rm, f64::NAN);
        let mut sc = Stored::<T>::new(&c, rm, -7.0);
        if beta == 0.0 {
            sc.poison(f64::NAN, |_, _| true);
        }
        let before = sc.data.clone();
        let (mi, ni) = (m as c_int, n as c_int);
        let (al, be) = (T::of(alpha), T::of(beta));
        let cside = if side == b'L' {
            CBLAS_LEFT
        } else {
            CBLAS_RIGHT
        };
        let cuplo = if upper { CBLAS_UPPER } else { CBLAS_LOWER };
        // SAFETY: the arrays hold the matrices with the leading dimensions given.
        unsafe {
            match call {
                Call::Fortran => (api.symm)(
                    ch(&side),
                    ch(&uplo),
                    &mi,
                    &ni,
                    &al,
                    sa.data.as_ptr(),
                    &sa.ld(),
                    sb.data.as_ptr(),
                    &sb.ld(),
                    &be,
                    sc.data.as_mut_ptr(),
                    &sc.ld(),
                ),
                _ => (api.c_symm)(
                    layout(call),
                    cside,
                    cuplo,
                    mi,
                    ni,
                    al,
                    sa.data.as_ptr(),
                    sa.ld(),
                    sb.data.as_ptr(),
                    sb.ld(),
                    be,
                    sc.data.as_mut_ptr(),
                    sc.ld(),
                ),
            }
        }
        let what = format!(
            "{call:?} symm {} {} {m}x{n} alpha {alpha} beta {beta}",
            side as char, uplo as char
        );
        check_output(&sc, &before, &want, |_, _| true, scale, tol, &what);
    }
}

fn symm_all<T: Real>() {
    let sizes = [
        (0, 0),
        (0, 3),
        (3, 0),
        (1, 1),
        (7, 5),
        (2, 9),
        (130, 9),
        (9, 130),
        (300, 7),
        (5, 300),
        (260, 270),
    ];
    for (m, n) in sizes {
        let big = m * n > 500;
        for side in [b'L', b'R'] {
            for uplo in [b'U', b'L'] {
                for &alpha in scalars(big, &ALPHAS) {
                    for &beta in scalars(big, &BETAS) {
                        symm_case::<T>(side, uplo, m, n, alpha, beta);
                    }
                }
                if big {
                    symm_case::<T>(side, uplo, m, n, 1.0, 0.0);
                }
            }
        }
    }
}

#[test]
fn symm_d() {
    symm_all::<f64>();
}

#[test]
fn symm_s() {
    symm_all::<f32>();
}

// ---------------------------------------------------------------------------
// syrk and syr2k
// ---------------------------------------------------------------------------

#[allow(clippy::too_many_arguments)]
fn syrk_case<T: Real>(two: bool, uplo: u8, trans: u8, n: usize, k: usize, alpha: f64, beta: f64) {
    let api = T::api();
    let (ar, ac) = if trans == b'N' { (n, k) } else { (k, n) };
    let mut a = Dense::random(ar, ac, 21 + n as u64);
    let mut b = Dense::random(ar, ac, 22 + k as u64);
    let c = Dense::random(n, n, 23);
    let upper = uplo == b'U';
    let in_triangle = move |i: usize, j: usize| if upper { i <= j } else { i >= j };
    let p = if trans == b'N' { a.clone() } else { a.t() };
    let q = if trans == b'N' { b.clone() } else { b.t() };
    let prod = if two {
        let mut s = p.mul(&q.t());
        let o = q.mul(&p.t());
        s.v.iter_mut().zip(&o.v).for_each(|(x, y)| *x += y);
        s
    } else {
        p.mul(&p.t())
    };
    if alpha == 0.0 {
        a.v.fill(f64::NAN);
        b.v.fill(f64::NAN);
    }
    let mut want = Dense::zeros(n, n);
    for j in 0..n {
        for i in 0..n {
            want.set(i, j, combine(alpha, prod.get(i, j), beta, c.get(i, j)));
        }
    }
    let scale = alpha.abs() * (k as f64) * if two { 2.0 } else { 1.0 } + beta.abs() + 1.0;
    let tol = T::EPS * 4.0 * (k as f64 + 2.0);
    for call in CALLS {
        let rm = call.row_major();
        let sa = Stored::<T>::new(&a, rm, f64::NAN);
        let sb = Stored::<T>::new(&b, rm, f64::NAN);
        let mut sc = Stored::<T>::new(&c, rm, -7.0);
        if beta == 0.0 {
            sc.poison(f64::NAN, in_triangle);
        }
        // The other triangle must be neither read nor written.
        sc.poison(f64::NAN, |i, j| !in_triangle(i, j));
        let before = sc.data.clone();
        let (ni, ki) = (n as c_int, k as c_int);
        let (al, be) = (T::of(alpha), T::of(beta));
        let cuplo = if upper { CBLAS_UPPER } else { CBLAS_LOWER };
        // SAFETY: the arrays hold the matrices with the leading dimensions given.
        unsafe {
            match (call, two) {
                (Call::Fortran, false) => (api.syrk)(
                    ch(&uplo),
                    ch(&trans),
                    &ni,
                    &ki,
                    &al,
                    sa.data.as_ptr(),
                    &sa.ld(),
                    &be,
                    sc.data.as_mut_ptr(),
                    &sc.ld(),
                ),
                (Call::Fortran, true) => (api.syr2k)(
                    ch(&uplo),
                    ch(&trans),
                    &ni,
                    &ki,
                    &al,
                    sa.data.as_ptr(),
                    &sa.ld(),
                    sb.data.as_ptr(),
                    &sb.ld(),
                    &be,
                    sc.data.as_mut_ptr(),
                    &sc.ld(),
                ),
                (_, false) => (api.c_syrk)(
                    layout(call),
                    cuplo,
                    trans_char(trans),
                    ni,
                    ki,
                    al,
                    sa.data.as_ptr(),
                    sa.ld(),
                    be,
                    sc.data.as_mut_ptr(),
                    sc.ld(),
                ),
                (_, true) => (api.c_syr2k)(
                    layout(call),
                    cuplo,
                    trans_char(trans),
                    ni,
                    ki,
                    al,
                    sa.data.as_ptr(),
                    sa.ld(),
                    sb.data.as_ptr(),
                    sb.ld(),
                    be,
                    sc.data.as_mut_ptr(),
                    sc.ld(),
                ),
            }
        }
        let what = format!(
            "{call:?} {} {} {} n {n} k {k} alpha {alpha} beta {beta}",
            if two { "syr2k" } else { "syrk" },
            uplo as char,
            trans as char
        );
        check_output(&sc, &before, &want, in_triangle, scale, tol, &what);
    }
}

fn syrk_all<T: Real>(two: bool) {
    let sizes = [
        (0, 3),
        (1, 1),
        (5, 0),
        (7, 3),
        (2, 9),
        (130, 17),
        (257, 9),
        (300, 60),
    ];
    for (n, k) in sizes {
        let big = n > 100;
        for uplo in [b'U', b'L'] {
            for trans in [b'N', b'T', b'C'] {
                for &alpha in scalars(big, &ALPHAS) {
                    for &beta in scalars(big, &BETAS) {
                        syrk_case::<T>(two, uplo, trans, n, k, alpha, beta);
                    }
                }
                if big {
                    syrk_case::<T>(two, uplo, trans, n, k, 1.0, 0.0);
                    syrk_case::<T>(two, uplo, trans, n, k, 0.0, 1.3);
                }
            }
        }
    }
}

#[test]
fn syrk_d() {
    syrk_all::<f64>(false);
}

#[test]
fn syrk_s() {
    syrk_all::<f32>(false);
}

#[test]
fn syr2k_d() {
    syrk_all::<f64>(true);
}

#[test]
fn syr2k_s() {
    syrk_all::<f32>(true);
}

// ---------------------------------------------------------------------------
// trmm and trsm
// ---------------------------------------------------------------------------

/// Solves `T*X = B` for a dense triangular `T` (lower or upper).
fn solve(t: &Dense, lower: bool, b: &Dense) -> Dense {
    let m = t.r;
    let mut x = b.clone();
    for j in 0..b.c {
        let order: Vec<usize> = if lower {
            (0..m).collect()
        } else {
            (0..m).rev().collect()
        };
        for &i in &order {
            let mut s = x.get(i, j);
            for l in 0..m {
                if (lower && l < i) || (!lower && l > i) {
                    s -= t.get(i, l) * x.get(l, j);
                }
            }
            x.set(i, j, s / t.get(i, i));
        }
    }
    x
}

#[allow(clippy::too_many_arguments)]
fn tr_case<T: Real>(
    solve_it: bool,
    side: u8,
    uplo: u8,
    trans: u8,
    diag: u8,
    m: usize,
    n: usize,
    alpha: f64,
) {
    let api = T::api();
    let na = if side == b'L' { m } else { n };
    let upper = uplo == b'U';
    let unit = diag == b'U';
    let referenced =
        move |i: usize, j: usize| (if upper { i <= j } else { i >= j }) && !(unit && i == j);
    // A well-conditioned triangle: a diagonal away from zero and small
    // off-diagonal elements.
    let mut a = Dense::random(na, na, 31 + m as u64);
    for j in 0..na {
        for i in 0..na {
            let v = a.get(i, j);
            if i == j {
                a.set(i, j, if v < 0.0 { v - 1.0 } else { v + 1.0 });
            } else {
                a.set(i, j, v * 2.0 / na as f64);
            }
        }
    }
    // The triangular matrix the routine sees.
    let mut tri = Dense::zeros(na, na);
    for j in 0..na {
        for i in 0..na {
            if referenced(i, j) {
                tri.set(i, j, a.get(i, j));
            } else if i == j {
                tri.set(i, j, 1.0);
            }
        }
    }
    let op = if trans == b'N' { tri.clone() } else { tri.t() };
    let op_lower = upper == (trans != b'N');
    let b = Dense::random(m, n, 32 + n as u64);
    let mut ab = b.clone();
    ab.v.iter_mut().for_each(|x| *x *= alpha);
    let want = match (solve_it, side) {
        (false, b'L') => op.mul(&ab),
        (false, _) => ab.mul(&op),
        (true, b'L') => solve(&op, op_lower, &ab),
        // X*op = alpha*B  <=>  op^T * X^T = alpha*B^T.
        (true, _) => solve(&op.t(), !op_lower, &ab.t()).t(),
    };
    if alpha == 0.0 {
        a.v.fill(f64::NAN);
    }
    let scale = if solve_it {
        want.max_abs() + 1.0
    } else {
        alpha.abs() * 3.0 + 1.0
    };
    let tol = T::EPS * 8.0 * (na as f64 + 2.0);
    for call in CALLS {
        let rm = call.row_major();
        let mut sa = Stored::<T>::new(&a, rm, f64::NAN);
        sa.poison(f64::NAN, |i, j| !referenced(i, j));
        let mut sb = Stored::<T>::new(&b, rm, -7.0);
        if alpha == 0.0 {
            sb.poison(f64::NAN, |_, _| true);
        }
        let before = sb.data.clone();
        let (mi, ni) = (m as c_int, n as c_int);
        let al = T::of(alpha);
        let cside = if side == b'L' {
            CBLAS_LEFT
        } else {
            CBLAS_RIGHT
        };
        let cuplo = if upper { CBLAS_UPPER } else { CBLAS_LOWER };
        let cdiag = if unit { CBLAS_UNIT } else { CBLAS_NON_UNIT };
        let (f, c) = if solve_it {
            (api.trsm, api.c_trsm)
        } else {
            (api.trmm, api.c_trmm)
        };
        // SAFETY: the arrays hold the matrices with the leading dimensions given.
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
                    sa.data.as_ptr(),
                    &sa.ld(),
                    sb.data.as_mut_ptr(),
                    &sb.ld(),
                ),
                _ => c(
                    layout(call),
                    cside,
                    cuplo,
                    trans_char(trans),
                    cdiag,
                    mi,
                    ni,
                    al,
                    sa.data.as_ptr(),
                    sa.ld(),
                    sb.data.as_mut_ptr(),
                    sb.ld(),
                ),
            }
        }
        let what = format!(
            "{call:?} {} {}{}{}{} {m}x{n} alpha {alpha}",
            if solve_it { "trsm" } else { "trmm" },
            side as char,
            uplo as char,
            trans as char,
            diag as char
        );
        check_output(&sb, &before, &want, |_, _| true, scale, tol, &what);
    }
}

fn tr_all<T: Real>(solve_it: bool) {
    let sizes = [
        (0, 3),
        (3, 0),
        (1, 1),
        (7, 5),
        (2, 9),
        (64, 40),
        (40, 64),
        (130, 9),
        (9, 130),
        (257, 33),
        (300, 130),
    ];
    for (m, n) in sizes {
        let big = m * n > 1000;
        for side in [b'L', b'R'] {
            for uplo in [b'U', b'L'] {
                for trans in [b'N', b'T', b'C'] {
                    if big && trans == b'C' {
                        continue;
                    }
                    for diag in [b'N', b'U'] {
                        for &alpha in scalars(big, &ALPHAS) {
                            tr_case::<T>(solve_it, side, uplo, trans, diag, m, n, alpha);
                        }
                        if big {
                            tr_case::<T>(solve_it, side, uplo, trans, diag, m, n, 1.0);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn trmm_d() {
    tr_all::<f64>(false);
}

#[test]
fn trmm_s() {
    tr_all::<f32>(false);
}

#[test]
fn trsm_d() {
    tr_all::<f64>(true);
}

#[test]
fn trsm_s() {
    tr_all::<f32>(true);
}

// ---------------------------------------------------------------------------
// Invalid arguments
// ---------------------------------------------------------------------------

/// Errors a call reports: (routine, position).
type Errors = Vec<(String, i32)>;

/// Called with each error case: what it must report, and the call.
type Checker<'a> = &'a mut dyn FnMut(Errors, &dyn Fn());

fn one(name: &str, pos: i32) -> Vec<(String, i32)> {
    vec![(name.to_string(), pos)]
}

/// The invalid-argument cases of the Fortran routines, each with the error
/// it must report (routine, position); see [`cblas_error_cases`].
fn fortran_error_cases(check: Checker<'_>) {
    let a = [f64::NAN; 64];
    let before = [-7.0f64; 64];
    let (x, n_, t_, u_, l_, r_) = (b'X', b'N', b'T', b'U', b'L', b'R');
    let i = |v: c_int| v;
    let (one_, two, neg) = (i(1), i(2), i(-1));
    let al = 1.0f64;
    let gemm =
        |ta: &u8, tb: &u8, m: c_int, n: c_int, k: c_int, lda: c_int, ldb: c_int, ldc: c_int| {
            let mut cc = [-7.0f64; 64];
            {
                // SAFETY: every call is rejected before any array is addressed.
                unsafe {
                    l3::dgemm_(
                        ch(ta),
                        ch(tb),
                        &m,
                        &n,
                        &k,
                        &al,
                        a.as_ptr(),
                        &lda,
                        a.as_ptr(),
                        &ldb,
                        &al,
                        cc.as_mut_ptr(),
                        &ldc,
                    )
                }
            }
            assert!(cc.iter().all(|&v| v == -7.0), "C untouched on error");
        };
    check(one("DGEMM", 1), &|| gemm(&x, &n_, 1, 1, 1, 1, 1, 1));
    check(one("DGEMM", 2), &|| gemm(&n_, &x, 1, 1, 1, 1, 1, 1));
    check(one("DGEMM", 3), &|| gemm(&n_, &n_, -1, 1, 1, 1, 1, 1));
    check(one("DGEMM", 4), &|| gemm(&n_, &n_, 1, -1, 1, 1, 1, 1));
    check(one("DGEMM", 5), &|| gemm(&n_, &n_, 1, 1, -1, 1, 1, 1));
    check(one("DGEMM", 8), &|| gemm(&n_, &n_, 2, 1, 1, 1, 1, 2));
    check(one("DGEMM", 8), &|| gemm(&t_, &n_, 1, 1, 2, 1, 2, 1));
    check(one("DGEMM", 10), &|| gemm(&n_, &n_, 1, 1, 2, 1, 1, 1));
    check(one("DGEMM", 10), &|| gemm(&n_, &t_, 1, 2, 1, 1, 1, 1));
    check(one("DGEMM", 13), &|| gemm(&n_, &n_, 2, 1, 1, 2, 1, 1));
    // The first invalid argument wins.
    check(one("DGEMM", 1), &|| gemm(&x, &x, -1, -1, -1, 0, 0, 0));

    let syrk = |ul: &u8, tr: &u8, n: c_int, k: c_int, lda: c_int, ldc: c_int| {
        {
            let mut cc = before;
            // SAFETY: rejected before any array is addressed.
            unsafe {
                l3::dsyrk_(
                    ch(ul),
                    ch(tr),
                    &n,
                    &k,
                    &al,
                    a.as_ptr(),
                    &lda,
                    &al,
                    cc.as_mut_ptr(),
                    &ldc,
                )
            }
        }
    };
    check(one("DSYRK", 1), &|| syrk(&x, &n_, 1, 1, 1, 1));
    check(one("DSYRK", 2), &|| syrk(&u_, &x, 1, 1, 1, 1));
    check(one("DSYRK", 3), &|| syrk(&u_, &n_, -1, 1, 1, 1));
    check(one("DSYRK", 4), &|| syrk(&u_, &n_, 1, -1, 1, 1));
    check(one("DSYRK", 7), &|| syrk(&u_, &n_, 2, 1, 1, 2));
    check(one("DSYRK", 7), &|| syrk(&u_, &t_, 1, 2, 1, 1));
    check(one("DSYRK", 10), &|| syrk(&u_, &n_, 2, 1, 2, 1));

    let syr2k = |ldb: c_int, ldc: c_int| {
        {
            let mut cc = before;
            // SAFETY: rejected before any array is addressed.
            unsafe {
                l3::dsyr2k_(
                    ch(&l_),
                    ch(&n_),
                    &two,
                    &one_,
                    &al,
                    a.as_ptr(),
                    &two,
                    a.as_ptr(),
                    &ldb,
                    &al,
                    cc.as_mut_ptr(),
                    &ldc,
                )
            }
        }
    };
    check(one("DSYR2K", 9), &|| syr2k(1, 2));
    check(one("DSYR2K", 12), &|| syr2k(2, 1));

    let symm = |sd: &u8, ul: &u8, m: c_int, n: c_int, lda: c_int, ldb: c_int, ldc: c_int| {
        {
            let mut cc = before;
            // SAFETY: rejected before any array is addressed.
            unsafe {
                l3::dsymm_(
                    ch(sd),
                    ch(ul),
                    &m,
                    &n,
                    &al,
                    a.as_ptr(),
                    &lda,
                    a.as_ptr(),
                    &ldb,
                    &al,
                    cc.as_mut_ptr(),
                    &ldc,
                )
            }
        }
    };
    check(one("DSYMM", 1), &|| symm(&x, &u_, 1, 1, 1, 1, 1));
    check(one("DSYMM", 2), &|| symm(&l_, &x, 1, 1, 1, 1, 1));
    check(one("DSYMM", 3), &|| symm(&l_, &u_, -1, 1, 1, 1, 1));
    check(one("DSYMM", 4), &|| symm(&l_, &u_, 1, -1, 1, 1, 1));
    check(one("DSYMM", 7), &|| symm(&r_, &u_, 1, 2, 1, 1, 1));
    check(one("DSYMM", 9), &|| symm(&l_, &u_, 2, 1, 2, 1, 2));
    check(one("DSYMM", 12), &|| symm(&l_, &u_, 2, 1, 2, 2, 1));

    for (solve_it, name) in [(false, "DTRMM"), (true, "DTRSM")] {
        let tr =
            |sd: &u8, ul: &u8, ta: &u8, dg: &u8, m: c_int, n: c_int, lda: c_int, ldb: c_int| {
                {
                    let mut cc = before;
                    let f = if solve_it { l3::dtrsm_ } else { l3::dtrmm_ };
                    // SAFETY: rejected before any array is addressed.
                    unsafe {
                        f(
                            ch(sd),
                            ch(ul),
                            ch(ta),
                            ch(dg),
                            &m,
                            &n,
                            &al,
                            a.as_ptr(),
                            &lda,
                            cc.as_mut_ptr(),
                            &ldb,
                        )
                    }
                }
            };
        check(one(name, 1), &|| tr(&x, &u_, &n_, &n_, 1, 1, 1, 1));
        check(one(name, 2), &|| tr(&l_, &x, &n_, &n_, 1, 1, 1, 1));
        check(one(name, 3), &|| tr(&l_, &u_, &x, &n_, 1, 1, 1, 1));
        check(one(name, 4), &|| tr(&l_, &u_, &n_, &x, 1, 1, 1, 1));
        check(one(name, 5), &|| tr(&l_, &u_, &n_, &n_, -1, 1, 1, 1));
        check(one(name, 6), &|| tr(&l_, &u_, &n_, &n_, 1, -1, 1, 1));
        check(one(name, 9), &|| tr(&r_, &u_, &n_, &n_, 1, 2, 1, 1));
        check(one(name, 11), &|| tr(&l_, &u_, &n_, &n_, 2, 1, 2, 1));
    }

    // Single precision reports its own names.
    check(one("SGEMM", 3), &|| {
        let mut cc = [0.0f32; 4];
        let af = [0.0f32; 4];
        let alf = 1.0f32;
        // SAFETY: rejected before any array is addressed.
        unsafe {
            l3::sgemm_(
                ch(&n_),
                ch(&n_),
                &neg,
                &one_,
                &one_,
                &alf,
                af.as_ptr(),
                &one_,
                af.as_ptr(),
                &one_,
                &alf,
                cc.as_mut_ptr(),
                &one_,
            )
        }
    });
}

/// The invalid-argument cases of the CBLAS routines, each with the errors it
/// must report: ("cblas_...", position) through `cblas_xerbla`, ("D...",
/// position) through `xerbla_`. `check(expected, call)` is called for each,
/// in the same order in both processes of the test below.
fn cblas_error_cases(check: Checker<'_>) {
    let a = [f64::NAN; 64];
    let (col, row, nt, tt) = (
        CBLAS_COL_MAJOR,
        CBLAS_ROW_MAJOR,
        CBLAS_NO_TRANS,
        CBLAS_TRANS,
    );
    #[allow(clippy::too_many_arguments)]
    let cg = |lay: c_int, ta: c_int, tb: c_int, m: c_int, n: c_int, k: c_int, lda, ldb, ldc| {
        let mut cc = [-7.0f64; 64];
        // SAFETY: rejected before any array is addressed.
        unsafe {
            l3::cblas_dgemm(
                lay,
                ta,
                tb,
                m,
                n,
                k,
                1.0,
                a.as_ptr(),
                lda,
                a.as_ptr(),
                ldb,
                1.0,
                cc.as_mut_ptr(),
                ldc,
            )
        }
    };
    check(one("cblas_dgemm", 1), &|| cg(0, nt, nt, 1, 1, 1, 1, 1, 1));
    check(one("cblas_dgemm", 2), &|| cg(col, 0, nt, 1, 1, 1, 1, 1, 1));
    check(one("cblas_dgemm", 3), &|| cg(col, nt, 0, 1, 1, 1, 1, 1, 1));
    check(one("cblas_dgemm", 2), &|| cg(row, 0, nt, 1, 1, 1, 1, 1, 1));
    // netlib 3.11 reports a row-major TransB at position 2.
    check(one("cblas_dgemm", 2), &|| cg(row, nt, 0, 1, 1, 1, 1, 1, 1));
    // Column-major m < 0: DGEMM's argument 3.
    check(one("DGEMM", 3), &|| cg(col, nt, nt, -1, 1, 1, 1, 1, 1));
    // Row-major m < 0 is DGEMM's n (argument 4), with A and B swapped.
    check(one("DGEMM", 4), &|| cg(row, nt, nt, -1, 1, 1, 1, 1, 1));
    // Row-major A (m x k = 1 x 2) with lda 1 < k: DGEMM's ldb (argument 10).
    check(one("DGEMM", 10), &|| cg(row, nt, nt, 1, 1, 2, 1, 1, 1));
    check(vec![], &|| cg(row, tt, nt, 1, 1, 2, 1, 1, 1));
    // Row-major C (2 x 1) with ldc 1 is fine; (1 x 2) with ldc 1 is not.
    check(vec![], &|| cg(row, nt, nt, 2, 1, 1, 1, 1, 1));
    check(one("DGEMM", 13), &|| cg(row, nt, nt, 1, 2, 1, 1, 2, 1));

    let cs = |lay: c_int, sd: c_int, ul: c_int| {
        let mut cc = [-7.0f64; 64];
        // SAFETY: rejected before any array is addressed.
        unsafe {
            l3::cblas_dsymm(
                lay,
                sd,
                ul,
                1,
                2,
                1.0,
                a.as_ptr(),
                1,
                a.as_ptr(),
                1,
                1.0,
                cc.as_mut_ptr(),
                1,
            )
        }
    };
    check(one("cblas_dsymm", 1), &|| cs(0, CBLAS_LEFT, CBLAS_UPPER));
    check(one("cblas_dsymm", 2), &|| cs(col, 0, CBLAS_UPPER));
    check(one("cblas_dsymm", 3), &|| cs(row, CBLAS_LEFT, 0));
    // Column-major left with m = 1, n = 2 would read B; row-major, B and C
    // are 1 x 2 with ld 1 < 2, which DSYMM (m = 2, n = 1) sees as ldb < m.
    check(one("DSYMM", 9), &|| cs(row, CBLAS_LEFT, CBLAS_UPPER));

    let ck = |two: bool, lay: c_int, ul: c_int, tr: c_int| {
        let mut cc = [-7.0f64; 64];
        // SAFETY: rejected before any array is addressed.
        unsafe {
            if two {
                l3::cblas_dsyr2k(
                    lay,
                    ul,
                    tr,
                    1,
                    1,
                    1.0,
                    a.as_ptr(),
                    1,
                    a.as_ptr(),
                    1,
                    1.0,
                    cc.as_mut_ptr(),
                    1,
                )
            } else {
                l3::cblas_dsyrk(
                    lay,
                    ul,
                    tr,
                    1,
                    1,
                    1.0,
                    a.as_ptr(),
                    1,
                    1.0,
                    cc.as_mut_ptr(),
                    1,
                )
            }
        }
    };
    for (two, name) in [(false, "cblas_dsyrk"), (true, "cblas_dsyr2k")] {
        check(one(name, 1), &|| ck(two, 7, CBLAS_UPPER, nt));
        check(one(name, 2), &|| ck(two, col, 0, nt));
        check(one(name, 3), &|| ck(two, col, CBLAS_UPPER, 0));
        // netlib reports an invalid row-major Uplo at position 3.
        check(one(name, 3), &|| ck(two, row, 0, nt));
        check(one(name, 3), &|| ck(two, row, CBLAS_UPPER, 0));
    }

    for (solve_it, name, fname) in [
        (false, "cblas_dtrmm", "DTRMM"),
        (true, "cblas_dtrsm", "DTRSM"),
    ] {
        let ct = |lay, sd, ul, ta, dg, m: c_int, n: c_int| {
            let mut cc = [-7.0f64; 64];
            let f = if solve_it {
                l3::cblas_dtrsm
            } else {
                l3::cblas_dtrmm
            };
            // SAFETY: rejected before any array is addressed.
            unsafe {
                f(
                    lay,
                    sd,
                    ul,
                    ta,
                    dg,
                    m,
                    n,
                    1.0,
                    a.as_ptr(),
                    1,
                    cc.as_mut_ptr(),
                    1,
                )
            }
        };
        let (lf, up, nu) = (CBLAS_LEFT, CBLAS_UPPER, CBLAS_NON_UNIT);
        for lay in [col, row] {
            check(one(name, 2), &|| ct(lay, 0, up, nt, nu, 1, 1));
            check(one(name, 3), &|| ct(lay, lf, 0, nt, nu, 1, 1));
            check(one(name, 4), &|| ct(lay, lf, up, 0, nu, 1, 1));
            check(one(name, 5), &|| ct(lay, lf, up, nt, 0, 1, 1));
        }
        check(one(name, 1), &|| ct(3, lf, up, nt, nu, 1, 1));
        // m < 0 is the Fortran m (5) column-major, its n (6) row-major.
        check(one(fname, 5), &|| ct(col, lf, up, nt, nu, -1, 1));
        check(one(fname, 6), &|| ct(row, lf, up, nt, nu, -1, 1));
    }
}

/// Set in the child process that runs the error cases.
const CHILD_VAR: &str = "OXPAR_BLAS_LEVEL3_ERROR_CHILD";

/// Invalid arguments, Fortran and CBLAS, run in a child process (this test
/// program again) that prints `CASE n` before each call, with the library's
/// own handlers, which print
/// ` ** On entry to DGEMM  parameter number  3 had an illegal value` and
/// `Parameter 2 to routine cblas_dgemm was incorrect` to stderr.
///
/// (A test program cannot put its own `xerbla_` or `cblas_xerbla` in front of
/// the library's: it links the library's rlib, which defines both, and a
/// Rust executable does not export its symbols to `dlsym`.)
#[test]
fn invalid_arguments_are_reported_at_the_reference_positions() {
    let cases = |check: Checker<'_>| {
        fortran_error_cases(check);
        cblas_error_cases(check);
    };
    if std::env::var_os(CHILD_VAR).is_some() {
        let mut case = 0;
        cases(&mut |_, call| {
            eprintln!("CASE {case}");
            call();
            case += 1;
        });
        return;
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "invalid_arguments_are_reported_at_the_reference_positions",
            "--nocapture",
            "--test-threads=1",
        ])
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
    let mut want = Vec::new();
    cases(&mut |expected, _| want.push(expected));
    assert_eq!(got.len(), want.len(), "cases run: {text}");
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "case {i}");
    }
}
