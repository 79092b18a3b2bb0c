//! The conformance properties for complex elements (`Complex<f32>`,
//! `Complex<f64>`), generic over the component type and the backend.
//!
//! Every result is checked against naive loops written here in
//! `Complex<f64>`: a double loop for gemv, a triple loop for gemm, and the
//! structured operations as the same loops over an explicitly built dense
//! matrix (symmetric: mirrored, not conjugated, as BLAS's `csymm`/`csyrk`;
//! triangular: the other triangle zeroed). Inputs sweep sizes 0, 1, odd and
//! around the kernels' block sizes; vector increments 1, 2, -1, -3 (and 0
//! for read-only inputs); plain, transposed, conjugated and conjugate-
//! transposed matrix views in column-major, row-major and padded storage;
//! `alpha`/`beta` with zero real or imaginary parts. `beta = 0` must not
//! read the output (a NaN there must not come out); storage outside an
//! output view must keep its value; NaN and Inf must propagate.
#![allow(
    clippy::needless_range_loop,
    clippy::too_many_lines,
    reason = "(i, j) index math mirrors the BLAS definitions"
)]

use oxpar_core::{
    Complex, Diag, Element, Level1, Level2, Level3, MatMut, MatRef, Scalar, Side, Uplo, VecMut,
    VecRef,
};

/// A wide complex number: what the naive reference computes in.
pub type Z = Complex<f64>;

/// Everything the complex suite calls on a backend, for `Complex<R>`.
pub trait FullComplex<R: Scalar>:
    Level1<Complex<R>> + Level2<Complex<R>> + Level3<Complex<R>>
where
    Complex<R>: Element<Real = R>,
{
}
impl<R: Scalar, B> FullComplex<R> for B
where
    Complex<R>: Element<Real = R>,
    B: Level1<Complex<R>> + Level2<Complex<R>> + Level3<Complex<R>> + ?Sized,
{
}

const GUARD: Z = Complex::new(-7777.0, 7777.0);

/// Sizes: 0, 1, small odd, and around block sizes (16, 32, 64).
const SIZES: [usize; 9] = [0, 1, 2, 3, 7, 17, 33, 64, 67];
/// Smaller sizes for the cubic operations.
const SIZES3: [usize; 7] = [0, 1, 3, 8, 17, 33, 40];

/// Scalars with zero real or imaginary parts, and neither.
fn scalars() -> [Z; 5] {
    [
        Z::new(0.0, 0.0),
        Z::new(1.0, 0.0),
        Z::new(0.0, 1.0),
        Z::new(-2.0, 0.0),
        Z::new(0.5, -1.5),
    ]
}

/// Deterministic values in [-1, 1) + i[-1, 1), exact in f32.
fn values(n: usize, seed: u64) -> Vec<Z> {
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        // 20 bits: exact in f32, and products exact in f64.
        ((s >> 44) as f64) / f64::from(1u32 << 19) - 1.0
    };
    (0..n).map(|_| Z::new(next(), next())).collect()
}

fn narrow<R: Scalar>(v: Z) -> Complex<R> {
    Complex::new(R::from_f64(v.re), R::from_f64(v.im))
}

fn widen<R: Scalar>(v: Complex<R>) -> Z {
    Complex::new(v.re.as_f64(), v.im.as_f64())
}

fn eps<R: Scalar>() -> f64 {
    R::epsilon().as_f64()
}

/// `|got - want| <= tol * scale` per component, with NaN equal to NaN.
fn close(got: Z, want: Z, tol: f64, scale: f64) -> bool {
    let ok = |g: f64, w: f64| {
        (g.is_nan() && w.is_nan()) || g == w || (g - w).abs() <= tol * scale.max(1.0)
    };
    ok(got.re, want.re) && ok(got.im, want.im)
}

/// A strided test vector (BLAS storage convention) with guards in the gaps.
struct TVec<R> {
    buf: Vec<Complex<R>>,
    n: usize,
    inc: isize,
}

impl<R: Scalar> TVec<R>
where
    Complex<R>: Element,
{
    fn new(vals: &[Z], inc: isize) -> Self {
        let n = vals.len();
        let len = if n == 0 {
            0
        } else if inc == 0 {
            1
        } else {
            (n - 1) * inc.unsigned_abs() + 1
        };
        let mut v = TVec {
            buf: vec![narrow(GUARD); len],
            n,
            inc,
        };
        for (i, x) in vals.iter().enumerate() {
            let at = v.index(i);
            v.buf[at] = narrow(*x);
        }
        v
    }
    fn index(&self, i: usize) -> usize {
        if self.inc >= 0 {
            i * self.inc as usize
        } else {
            (self.n - 1 - i) * self.inc.unsigned_abs()
        }
    }
    fn logical(&self) -> Vec<Z> {
        (0..self.n)
            .map(|i| widen(self.buf[self.index(i)]))
            .collect()
    }
    fn view(&self) -> VecRef<'_, Complex<R>> {
        VecRef::from_blas(&self.buf, self.n, self.inc).expect("valid test vector")
    }
    fn view_mut(&mut self) -> VecMut<'_, Complex<R>> {
        VecMut::from_blas(&mut self.buf, self.n, self.inc).expect("valid test vector")
    }
    fn guards_intact(&self) -> bool {
        let inside: Vec<usize> = (0..self.n).map(|i| self.index(i)).collect();
        self.buf
            .iter()
            .enumerate()
            .all(|(k, v)| inside.contains(&k) || widen(*v) == GUARD)
    }
}

/// Matrix storage: column-major, row-major, or column-major with padding.
#[derive(Copy, Clone, Debug)]
enum Store {
    Col,
    Row,
    Padded,
}

const STORES: [Store; 3] = [Store::Col, Store::Row, Store::Padded];

/// A test matrix of logical `m x n`, its stored values and guards.
struct TMat<R> {
    buf: Vec<Complex<R>>,
    m: usize,
    n: usize,
    store: Store,
}

impl<R: Scalar> TMat<R>
where
    Complex<R>: Element,
{
    /// The stored matrix holding `vals` (column-major `m x n`).
    fn new(m: usize, n: usize, vals: &[Z], store: Store) -> Self {
        let len = match store {
            Store::Col | Store::Row => m * n,
            Store::Padded => (m + 3) * n,
        };
        let mut t = TMat {
            buf: vec![narrow(GUARD); len.max(1)],
            m,
            n,
            store,
        };
        for j in 0..n {
            for i in 0..m {
                let at = t.index(i, j);
                t.buf[at] = narrow(vals[i + j * m]);
            }
        }
        t
    }
    fn ld(&self) -> usize {
        match self.store {
            Store::Col => self.m.max(1),
            Store::Row => self.n.max(1),
            Store::Padded => self.m + 3,
        }
    }
    fn index(&self, i: usize, j: usize) -> usize {
        match self.store {
            Store::Row => i * self.ld() + j,
            _ => i + j * self.ld(),
        }
    }
    fn get(&self, i: usize, j: usize) -> Z {
        widen(self.buf[self.index(i, j)])
    }
    fn view(&self) -> MatRef<'_, Complex<R>> {
        let (m, n, ld) = (self.m, self.n, self.ld());
        match self.store {
            Store::Row => MatRef::row_major(&self.buf, m, n, ld),
            _ => MatRef::col_major(&self.buf, m, n, ld),
        }
        .expect("valid test matrix")
    }
    fn view_mut(&mut self) -> MatMut<'_, Complex<R>> {
        let (m, n, ld) = (self.m, self.n, self.ld());
        match self.store {
            Store::Row => MatMut::row_major(&mut self.buf, m, n, ld),
            _ => MatMut::col_major(&mut self.buf, m, n, ld),
        }
        .expect("valid test matrix")
    }
    fn guards_intact(&self) -> bool {
        let mut inside = vec![false; self.buf.len()];
        for j in 0..self.n {
            for i in 0..self.m {
                inside[self.index(i, j)] = true;
            }
        }
        self.buf
            .iter()
            .zip(inside)
            .all(|(v, ins)| ins || widen(*v) == GUARD)
    }
}

/// How a stored operand is viewed: `op(A)`.
#[derive(Copy, Clone, Debug, PartialEq)]
enum Op {
    N,
    T,
    C,
    H,
}

const OPS: [Op; 4] = [Op::N, Op::T, Op::C, Op::H];

impl Op {
    fn apply<'a, T: Element>(self, a: MatRef<'a, T>) -> MatRef<'a, T> {
        match self {
            Op::N => a,
            Op::T => a.t(),
            Op::C => a.conj(),
            Op::H => a.h(),
        }
    }
    fn transposed(self) -> bool {
        matches!(self, Op::T | Op::H)
    }
    /// Element `(i, j)` of `op(A)` from the stored `A`.
    fn get(self, a: &dyn Fn(usize, usize) -> Z, i: usize, j: usize) -> Z {
        match self {
            Op::N => a(i, j),
            Op::T => a(j, i),
            Op::C => a(i, j).conj(),
            Op::H => a(j, i).conj(),
        }
    }
}

fn abs1(v: Z) -> f64 {
    v.re.abs() + v.im.abs()
}

/// axpy, scal, copy, swap over sizes, increments (0 for read-only x) and
/// scalars with zero parts.
pub fn c_level1_updates<R: Scalar, B: FullComplex<R> + ?Sized>(b: &B)
where
    Complex<R>: Element<Real = R>,
{
    let tol = 4.0 * eps::<R>();
    for n in SIZES {
        for (incx, incy) in [(1, 1), (2, -1), (-3, 2), (0, 1), (-1, -2)] {
            let xv = values(n, 1);
            let yv = values(n, 2);
            let x = TVec::<R>::new(&xv, incx);
            let xl = x.logical();
            for alpha in scalars() {
                let mut y = TVec::<R>::new(&yv, incy);
                b.axpy(narrow(alpha), x.view(), y.view_mut()).unwrap();
                let got = y.logical();
                for i in 0..n {
                    let want = yv[i] + alpha * xl[i];
                    assert!(close(got[i], want, tol, 4.0), "axpy n={n} i={i} {alpha}");
                }
                assert!(y.guards_intact(), "axpy wrote outside y");
                if incy != 0 {
                    let mut y = TVec::<R>::new(&yv, incy);
                    b.scal(narrow(alpha), y.view_mut()).unwrap();
                    let got = y.logical();
                    for i in 0..n {
                        assert!(close(got[i], alpha * yv[i], tol, 4.0), "scal n={n} {alpha}");
                    }
                    assert!(y.guards_intact(), "scal wrote outside x");
                }
            }
            let mut y = TVec::<R>::new(&yv, incy);
            b.copy(x.view(), y.view_mut()).unwrap();
            assert_eq!(y.logical(), xl, "copy n={n}");
            assert!(y.guards_intact());
            if incx != 0 {
                let (mut x2, mut y2) = (TVec::<R>::new(&xv, incx), TVec::<R>::new(&yv, incy));
                b.swap(x2.view_mut(), y2.view_mut()).unwrap();
                assert_eq!(
                    (x2.logical(), y2.logical()),
                    (yv.clone(), xl.clone()),
                    "swap n={n}"
                );
                assert!(x2.guards_intact() && y2.guards_intact());
            }
        }
    }
    // Length mismatch is an error, not a panic.
    let (x, mut y) = (
        TVec::<R>::new(&values(3, 1), 1),
        TVec::<R>::new(&values(2, 1), 1),
    );
    assert!(b
        .axpy(<Complex<R> as Element>::ONE, x.view(), y.view_mut())
        .is_err());
    assert!(b.dot(x.view(), y.view()).is_err());
    assert!(b.dotc(x.view(), y.view()).is_err());
}

/// dot (dotu), dotc, nrm2, asum, iamax, sum.
pub fn c_level1_reductions<R: Scalar, B: FullComplex<R> + ?Sized>(b: &B)
where
    Complex<R>: Element<Real = R>,
{
    let tol = 4.0 * eps::<R>();
    for n in [0usize, 1, 2, 3, 7, 17, 33, 64, 67, 1000, 4099] {
        for (incx, incy) in [(1, 1), (2, -1), (-3, 2), (0, 1)] {
            let (xv, yv) = (values(n, 3), values(n, 4));
            let (x, y) = (TVec::<R>::new(&xv, incx), TVec::<R>::new(&yv, incy));
            let (xl, scale) = (x.logical(), n as f64);
            let dotu: Z = xl.iter().zip(&yv).map(|(a, b)| a * b).sum();
            let dotc: Z = xl.iter().zip(&yv).map(|(a, b)| a.conj() * b).sum();
            assert!(
                close(widen(b.dot(x.view(), y.view()).unwrap()), dotu, tol, scale),
                "dotu n={n}"
            );
            assert!(
                close(widen(b.dotc(x.view(), y.view()).unwrap()), dotc, tol, scale),
                "dotc n={n}"
            );
            let nrm: f64 = xl.iter().map(|v| v.norm_sqr()).sum::<f64>().sqrt();
            let got = b.nrm2(x.view()).unwrap().as_f64();
            // The naive reference itself rounds n times.
            let ntol = tol * scale.max(1.0) * nrm.max(1.0);
            assert!((got - nrm).abs() <= ntol, "nrm2 n={n} {got} {nrm}");
            let asum: f64 = xl.iter().map(|v| abs1(*v)).sum();
            let got = b.asum(x.view()).unwrap().as_f64();
            assert!((got - asum).abs() <= tol * asum.max(1.0), "asum n={n}");
            let sum: Z = xl.iter().sum();
            assert!(
                close(widen(b.sum(x.view()).unwrap()), sum, tol, scale),
                "sum n={n}"
            );
            // iamax: first index of the largest |re| + |im| (computed in R).
            let mags: Vec<R> = (0..n).map(|i| x.view().get(i).abs1()).collect();
            let want = (0..n).fold(None, |best: Option<usize>, i| match best {
                Some(k) if mags[k] >= mags[i] => Some(k),
                _ => Some(i),
            });
            assert_eq!(b.iamax(x.view()).unwrap(), want, "iamax n={n} inc={incx}");
        }
    }
}

/// NaN and Inf propagate; nrm2 neither overflows nor underflows.
pub fn c_special_values<R: Scalar, B: FullComplex<R> + ?Sized>(b: &B)
where
    Complex<R>: Element<Real = R>,
{
    let n = 70;
    for at in [0usize, 1, 35, 69] {
        let mut xv = values(n, 5);
        xv[at] = Z::new(0.5, f64::NAN);
        let x = TVec::<R>::new(&xv, 1);
        let y = TVec::<R>::new(&values(n, 6), 1);
        let d = b.dotc(x.view(), y.view()).unwrap();
        assert!(d.re.is_nan() || d.im.is_nan(), "dotc hides NaN at {at}");
        assert!(b.nrm2(x.view()).unwrap().is_nan(), "nrm2 hides NaN at {at}");
        assert!(b.asum(x.view()).unwrap().is_nan());
        assert_eq!(
            b.iamax(x.view()).unwrap(),
            Some(at),
            "iamax: first NaN wins"
        );
        let mut xv = values(n, 5);
        xv[at] = Z::new(f64::NEG_INFINITY, 0.0);
        let x = TVec::<R>::new(&xv, 1);
        assert!(b.nrm2(x.view()).unwrap().is_infinite());
        assert!(b.asum(x.view()).unwrap().is_infinite());
        assert_eq!(b.iamax(x.view()).unwrap(), Some(at));
    }
    // Huge and tiny components: the norm is representable, so it is found.
    let max = R::max_value().as_f64();
    let min = R::min_positive_value().as_f64();
    for (scale, label) in [(max / 4.0, "huge"), (min * 4.0, "tiny")] {
        let xv = vec![Z::new(3.0 * scale / 4.0, 4.0 * scale / 4.0); 4];
        let x = TVec::<R>::new(&xv, 1);
        let want = scale * 2.5;
        let got = b.nrm2(x.view()).unwrap().as_f64();
        assert!(
            (got / want - 1.0).abs() < 8.0 * eps::<R>(),
            "nrm2 {label}: {got} vs {want}"
        );
    }
}

/// gemv over views N, T, C, H, storages, increments, scalars; beta = 0
/// ignores NaN in y; alpha = 0 reads neither A nor x.
pub fn c_gemv<R: Scalar, B: FullComplex<R> + ?Sized>(b: &B)
where
    Complex<R>: Element<Real = R>,
{
    let tol = 8.0 * eps::<R>();
    for (m, n) in [(0, 3), (3, 0), (1, 1), (5, 3), (17, 33), (64, 7), (67, 65)] {
        for store in STORES {
            let av = values(m * n, 7);
            let a = TMat::<R>::new(m, n, &av, store);
            let get = |i: usize, j: usize| a.get(i, j);
            for op in OPS {
                let (rows, cols) = if op.transposed() { (n, m) } else { (m, n) };
                for (incx, incy) in [(1, 1), (-2, 3), (0, -1)] {
                    let xv = values(cols, 8);
                    let x = TVec::<R>::new(&xv, incx);
                    let xl = x.logical();
                    for (alpha, beta) in [
                        (scalars()[4], scalars()[2]),
                        (scalars()[2], scalars()[0]),
                        (scalars()[0], scalars()[3]),
                        (scalars()[1], scalars()[1]),
                    ] {
                        let mut yv = values(rows, 9);
                        if beta == Z::new(0.0, 0.0) && rows > 0 {
                            yv[0] = Z::new(f64::NAN, f64::NAN);
                        }
                        let mut y = TVec::<R>::new(&yv, incy);
                        b.gemv(
                            narrow(alpha),
                            op.apply(a.view()),
                            x.view(),
                            narrow(beta),
                            y.view_mut(),
                        )
                        .unwrap();
                        let got = y.logical();
                        for i in 0..rows {
                            let ax: Z = (0..cols).map(|j| op.get(&get, i, j) * xl[j]).sum();
                            let by = if beta == Z::new(0.0, 0.0) {
                                Z::new(0.0, 0.0)
                            } else {
                                beta * yv[i]
                            };
                            let want = alpha * ax + by;
                            assert!(
                                close(got[i], want, tol, 4.0 * (cols as f64 + 1.0)),
                                "gemv {m}x{n} {store:?} {op:?} inc=({incx},{incy}) {alpha} {beta} i={i}: {} vs {want}",
                                got[i]
                            );
                        }
                        assert!(y.guards_intact(), "gemv wrote outside y");
                    }
                }
            }
        }
    }
}

/// ger (geru) and gerc.
pub fn c_ger<R: Scalar, B: FullComplex<R> + ?Sized>(b: &B)
where
    Complex<R>: Element<Real = R>,
{
    let tol = 8.0 * eps::<R>();
    for (m, n) in [(0, 3), (3, 0), (1, 1), (5, 3), (17, 33), (67, 65)] {
        for store in STORES {
            for (incx, incy) in [(1, 1), (-2, 3), (0, -1), (1, 0)] {
                let (xv, yv, av) = (values(m, 10), values(n, 11), values(m * n, 12));
                let (x, y) = (TVec::<R>::new(&xv, incx), TVec::<R>::new(&yv, incy));
                let (xl, yl) = (x.logical(), y.logical());
                for alpha in [scalars()[0], scalars()[2], scalars()[4]] {
                    for conj in [false, true] {
                        let mut a = TMat::<R>::new(m, n, &av, store);
                        if conj {
                            b.gerc(narrow(alpha), x.view(), y.view(), a.view_mut())
                                .unwrap();
                        } else {
                            b.ger(narrow(alpha), x.view(), y.view(), a.view_mut())
                                .unwrap();
                        }
                        for j in 0..n {
                            let yj = if conj { yl[j].conj() } else { yl[j] };
                            for i in 0..m {
                                let want = av[i + j * m] + alpha * xl[i] * yj;
                                assert!(
                                    close(a.get(i, j), want, tol, 4.0),
                                    "ger(conj={conj}) {m}x{n} {store:?} ({i},{j})"
                                );
                            }
                        }
                        assert!(a.guards_intact(), "ger wrote outside A");
                    }
                }
            }
        }
    }
}

/// gemm over all 16 combinations of N, T, C, H on A and B, storages,
/// scalars with zero parts; beta = 0 ignores NaN in C.
pub fn c_gemm<R: Scalar, B: FullComplex<R> + ?Sized>(b: &B)
where
    Complex<R>: Element<Real = R>,
{
    let tol = 8.0 * eps::<R>();
    for (m, n, k) in [
        (0, 2, 3),
        (2, 0, 3),
        (3, 2, 0),
        (1, 1, 1),
        (5, 3, 7),
        (17, 33, 9),
        (33, 17, 65),
        (40, 40, 40),
    ] {
        for (sa, sb) in [
            (Store::Col, Store::Col),
            (Store::Row, Store::Padded),
            (Store::Padded, Store::Row),
        ] {
            for opa in OPS {
                for opb in OPS {
                    let (am, an) = if opa.transposed() { (k, m) } else { (m, k) };
                    let (bm, bn) = if opb.transposed() { (n, k) } else { (k, n) };
                    let a = TMat::<R>::new(am, an, &values(am * an, 13), sa);
                    let bb = TMat::<R>::new(bm, bn, &values(bm * bn, 14), sb);
                    let (ga, gb) = (
                        |i: usize, j: usize| a.get(i, j),
                        |i: usize, j: usize| bb.get(i, j),
                    );
                    for (alpha, beta) in [
                        (scalars()[4], scalars()[2]),
                        (scalars()[2], scalars()[0]),
                        (scalars()[0], scalars()[4]),
                    ] {
                        let mut cv = values(m * n, 15);
                        if beta == Z::new(0.0, 0.0) && m * n > 0 {
                            cv[0] = Z::new(f64::NAN, 0.0);
                        }
                        let mut c = TMat::<R>::new(m, n, &cv, Store::Padded);
                        b.gemm(
                            narrow(alpha),
                            opa.apply(a.view()),
                            opb.apply(bb.view()),
                            narrow(beta),
                            c.view_mut(),
                        )
                        .unwrap();
                        for j in 0..n {
                            for i in 0..m {
                                let ab: Z = (0..k)
                                    .map(|p| opa.get(&ga, i, p) * opb.get(&gb, p, j))
                                    .sum();
                                let bc = if beta == Z::new(0.0, 0.0) {
                                    Z::new(0.0, 0.0)
                                } else {
                                    beta * cv[i + j * m]
                                };
                                let want = alpha * ab + bc;
                                assert!(
                                    close(c.get(i, j), want, tol, 4.0 * (k as f64 + 1.0)),
                                    "gemm {m}x{n}x{k} {opa:?}{opb:?} {sa:?}{sb:?} {alpha} {beta} ({i},{j}): {} vs {want}",
                                    c.get(i, j)
                                );
                            }
                        }
                        assert!(c.guards_intact(), "gemm wrote outside C");
                    }
                }
            }
        }
    }
}

/// The dense matrix an `n x n` stored `a` stands for: symmetric from its
/// `uplo` triangle (mirrored, not conjugated), or triangular.
fn dense(a: &dyn Fn(usize, usize) -> Z, n: usize, uplo: Uplo, tri: Option<Diag>) -> Vec<Z> {
    let mut d = vec![Z::new(0.0, 0.0); n * n];
    for j in 0..n {
        for i in 0..n {
            d[i + j * n] = match tri {
                None if uplo.holds(i, j) => a(i, j),
                None => a(j, i),
                Some(Diag::Unit) if i == j => Z::new(1.0, 0.0),
                Some(_) if uplo.holds(i, j) => a(i, j),
                Some(_) => Z::new(0.0, 0.0),
            };
        }
    }
    d
}

/// A stored square matrix with a dominant diagonal (for the solves), the
/// unused triangle set to NaN (it must not be read).
fn square<R: Scalar>(n: usize, uplo: Uplo, seed: u64, store: Store) -> TMat<R>
where
    Complex<R>: Element,
{
    let mut v = values(n * n, seed);
    for j in 0..n {
        for i in 0..n {
            if i == j {
                v[i + j * n] += Z::new(4.0, 1.0);
            } else if !uplo.holds(i, j) {
                v[i + j * n] = Z::new(f64::NAN, f64::NAN);
            }
        }
    }
    TMat::new(n, n, &v, store)
}

/// symv, trmv, trsv, syr, syr2 (complex symmetric, not Hermitian).
pub fn c_level2_structured<R: Scalar, B: FullComplex<R> + ?Sized>(b: &B)
where
    Complex<R>: Element<Real = R>,
{
    let tol = 16.0 * eps::<R>();
    for n in [0usize, 1, 3, 17, 40, 67] {
        for uplo in [Uplo::Upper, Uplo::Lower] {
            for store in [Store::Col, Store::Row] {
                let a = square::<R>(n, uplo, 20 + n as u64, store);
                let get = |i: usize, j: usize| a.get(i, j);
                let xv = values(n, 21);
                let alpha = scalars()[4];
                // symv
                let beta = scalars()[2];
                let ds = dense(&get, n, uplo, None);
                let mut y = TVec::<R>::new(&values(n, 22), -2);
                let y0 = y.logical();
                let x = TVec::<R>::new(&xv, 1);
                b.symv(
                    uplo,
                    narrow(alpha),
                    a.view(),
                    x.view(),
                    narrow(beta),
                    y.view_mut(),
                )
                .unwrap();
                let got = y.logical();
                for i in 0..n {
                    let ax: Z = (0..n).map(|j| ds[i + j * n] * xv[j]).sum();
                    assert!(
                        close(
                            got[i],
                            alpha * ax + beta * y0[i],
                            tol,
                            8.0 * (n as f64 + 1.0)
                        ),
                        "symv n={n} {uplo:?}"
                    );
                }
                for diag in [Diag::NonUnit, Diag::Unit] {
                    let dt = dense(&get, n, uplo, Some(diag));
                    // trmv then trsv undoes it.
                    let mut x = TVec::<R>::new(&xv, 3);
                    b.trmv(uplo, diag, a.view(), x.view_mut()).unwrap();
                    let got = x.logical();
                    for i in 0..n {
                        let want: Z = (0..n).map(|j| dt[i + j * n] * xv[j]).sum();
                        assert!(
                            close(got[i], want, tol, 8.0 * (n as f64 + 1.0)),
                            "trmv n={n} {uplo:?} {diag:?}"
                        );
                    }
                    // trsv solves it back: a small residual (a unit
                    // triangle may be ill-conditioned, so not the forward
                    // error).
                    b.trsv(uplo, diag, a.view(), x.view_mut()).unwrap();
                    let back = x.logical();
                    let big = back.iter().map(|v| abs1(*v)).fold(1.0, f64::max);
                    for i in 0..n {
                        let r: Z = (0..n).map(|j| dt[i + j * n] * back[j]).sum();
                        assert!(
                            close(r, got[i], tol, 8.0 * (n as f64 + 1.0) * big),
                            "trsv n={n} {uplo:?} {diag:?}"
                        );
                    }
                    assert!(x.guards_intact());
                }
                // syr and syr2 touch only the uplo triangle.
                let yv = values(n, 23);
                for two in [false, true] {
                    let av = values(n * n, 24);
                    let mut c = TMat::<R>::new(n, n, &av, store);
                    let (x, y) = (TVec::<R>::new(&xv, -1), TVec::<R>::new(&yv, 2));
                    if two {
                        b.syr2(uplo, narrow(alpha), x.view(), y.view(), c.view_mut())
                            .unwrap();
                    } else {
                        b.syr(uplo, narrow(alpha), x.view(), c.view_mut()).unwrap();
                    }
                    for j in 0..n {
                        for i in 0..n {
                            let want = if !uplo.holds(i, j) {
                                av[i + j * n]
                            } else if two {
                                av[i + j * n] + alpha * (xv[i] * yv[j] + yv[i] * xv[j])
                            } else {
                                av[i + j * n] + alpha * xv[i] * xv[j]
                            };
                            assert!(
                                close(c.get(i, j), want, tol, 8.0),
                                "syr(two={two}) n={n} {uplo:?}"
                            );
                        }
                    }
                }
            }
        }
    }
}

/// symm, syrk, syr2k, trmm, trsm (complex symmetric, not Hermitian),
/// including conjugated and transposed views of A.
pub fn c_level3_structured<R: Scalar, B: FullComplex<R> + ?Sized>(b: &B)
where
    Complex<R>: Element<Real = R>,
{
    let tol = 16.0 * eps::<R>();
    for n in SIZES3 {
        let m = 5;
        for uplo in [Uplo::Upper, Uplo::Lower] {
            let a = square::<R>(n, uplo, 30 + n as u64, Store::Col);
            let get = |i: usize, j: usize| a.get(i, j);
            let (alpha, beta) = (scalars()[4], scalars()[2]);
            let scale = 8.0 * (n as f64 + m as f64 + 1.0);
            for side in [Side::Left, Side::Right] {
                let (bm, bn) = if side == Side::Left { (n, m) } else { (m, n) };
                let bv = values(bm * bn, 31);
                // symm
                let ds = dense(&get, n, uplo, None);
                let bmat = TMat::<R>::new(bm, bn, &bv, Store::Row);
                let cv = values(bm * bn, 32);
                let mut c = TMat::<R>::new(bm, bn, &cv, Store::Padded);
                b.symm(
                    side,
                    uplo,
                    narrow(alpha),
                    a.view(),
                    bmat.view(),
                    narrow(beta),
                    c.view_mut(),
                )
                .unwrap();
                for j in 0..bn {
                    for i in 0..bm {
                        let ab: Z = if side == Side::Left {
                            (0..n).map(|p| ds[i + p * n] * bv[p + j * bm]).sum()
                        } else {
                            (0..n).map(|p| bv[i + p * bm] * ds[p + j * n]).sum()
                        };
                        let want = alpha * ab + beta * cv[i + j * bm];
                        assert!(
                            close(c.get(i, j), want, tol, scale),
                            "symm n={n} {side:?} {uplo:?}"
                        );
                    }
                }
                // trmm and trsm on op(A) for each view.
                for op in OPS {
                    let av = op.apply(a.view());
                    let eff = if op.transposed() { uplo.flip() } else { uplo };
                    let dt = dense(&get, n, uplo, Some(Diag::NonUnit));
                    let gd = |i: usize, j: usize| dt[i + j * n];
                    let mut bt = TMat::<R>::new(bm, bn, &bv, Store::Padded);
                    b.trmm(side, eff, Diag::NonUnit, narrow(alpha), av, bt.view_mut())
                        .unwrap();
                    for j in 0..bn {
                        for i in 0..bm {
                            let ab: Z = if side == Side::Left {
                                (0..n).map(|p| op.get(&gd, i, p) * bv[p + j * bm]).sum()
                            } else {
                                (0..n).map(|p| bv[i + p * bm] * op.get(&gd, p, j)).sum()
                            };
                            assert!(
                                close(bt.get(i, j), alpha * ab, tol, scale),
                                "trmm n={n} {side:?} {uplo:?} {op:?}"
                            );
                        }
                    }
                    // trsm with 1/alpha undoes it.
                    let inv = Z::new(1.0, 0.0) / alpha;
                    b.trsm(side, eff, Diag::NonUnit, narrow(inv), av, bt.view_mut())
                        .unwrap();
                    for j in 0..bn {
                        for i in 0..bm {
                            assert!(
                                close(bt.get(i, j), bv[i + j * bm], 64.0 * tol, scale),
                                "trsm n={n} {side:?} {uplo:?} {op:?}"
                            );
                        }
                    }
                    assert!(bt.guards_intact());
                }
            }
            // syrk and syr2k with A n x k, plain and transposed.
            let k = 7;
            for op in [Op::N, Op::T] {
                let (am, an) = if op.transposed() { (k, n) } else { (n, k) };
                let (av, bv) = (values(am * an, 33), values(am * an, 34));
                let (aa, bb) = (
                    TMat::<R>::new(am, an, &av, Store::Col),
                    TMat::<R>::new(am, an, &bv, Store::Row),
                );
                let (ga, gb) = (
                    |i: usize, j: usize| aa.get(i, j),
                    |i: usize, j: usize| bb.get(i, j),
                );
                for two in [false, true] {
                    let cv = values(n * n, 35);
                    let mut c = TMat::<R>::new(n, n, &cv, Store::Padded);
                    if two {
                        b.syr2k(
                            uplo,
                            narrow(alpha),
                            op.apply(aa.view()),
                            op.apply(bb.view()),
                            narrow(beta),
                            c.view_mut(),
                        )
                        .unwrap();
                    } else {
                        b.syrk(
                            uplo,
                            narrow(alpha),
                            op.apply(aa.view()),
                            narrow(beta),
                            c.view_mut(),
                        )
                        .unwrap();
                    }
                    for j in 0..n {
                        for i in 0..n {
                            let want = if !uplo.holds(i, j) {
                                cv[i + j * n]
                            } else {
                                let s: Z = (0..k)
                                    .map(|p| {
                                        if two {
                                            op.get(&ga, i, p) * op.get(&gb, j, p)
                                                + op.get(&gb, i, p) * op.get(&ga, j, p)
                                        } else {
                                            op.get(&ga, i, p) * op.get(&ga, j, p)
                                        }
                                    })
                                    .sum();
                                alpha * s + beta * cv[i + j * n]
                            };
                            assert!(
                                close(c.get(i, j), want, tol, scale),
                                "syrk(two={two}) n={n} {uplo:?} {op:?}"
                            );
                        }
                    }
                    assert!(c.guards_intact());
                }
            }
        }
    }
}

/// The dense Hermitian matrix an `n x n` stored `a` stands for: its `uplo`
/// triangle, the conjugate mirror, the diagonal's real parts.
fn dense_herm(a: &dyn Fn(usize, usize) -> Z, n: usize, uplo: Uplo) -> Vec<Z> {
    let mut d = vec![Z::new(0.0, 0.0); n * n];
    for j in 0..n {
        for i in 0..n {
            d[i + j * n] = if i == j {
                Z::new(a(i, i).re, 0.0)
            } else if uplo.holds(i, j) {
                a(i, j)
            } else {
                a(j, i).conj()
            };
        }
    }
    d
}

/// hemv, her, her2, hemm, herk, her2k against loops over the dense
/// Hermitian matrix; the unused triangle is NaN (never read) or must keep
/// its value, and Hermitian results have a real diagonal.
pub fn c_hermitian<R: Scalar, B: FullComplex<R> + ?Sized>(b: &B)
where
    Complex<R>: Element<Real = R>,
{
    let tol = 16.0 * eps::<R>();
    let zero = Z::new(0.0, 0.0);
    for n in [0usize, 1, 3, 17, 40, 67, 130] {
        for uplo in [Uplo::Upper, Uplo::Lower] {
            let a = square::<R>(n, uplo, 40 + n as u64, Store::Col);
            let get = |i: usize, j: usize| a.get(i, j);
            let h = dense_herm(&get, n, uplo);
            let scale = 8.0 * (n as f64 + 8.0);
            let (alpha, beta) = (scalars()[4], scalars()[2]);
            // hemv
            let xv = values(n, 41);
            let x = TVec::<R>::new(&xv, -2);
            for beta in [beta, zero] {
                let mut yv = values(n, 42);
                if beta == zero && n > 0 {
                    yv[0] = Z::new(f64::NAN, 0.0);
                }
                let mut y = TVec::<R>::new(&yv, 1);
                b.hemv(
                    uplo,
                    narrow(alpha),
                    a.view(),
                    x.view(),
                    narrow(beta),
                    y.view_mut(),
                )
                .unwrap();
                let got = y.logical();
                for i in 0..n {
                    let hx: Z = (0..n).map(|j| h[i + j * n] * xv[j]).sum();
                    let by = if beta == zero { zero } else { beta * yv[i] };
                    assert!(
                        close(got[i], alpha * hx + by, tol, scale),
                        "hemv n={n} {uplo:?} i={i}"
                    );
                }
            }
            // her and her2: the uplo triangle only, the diagonal real.
            let yv = values(n, 43);
            let av = values(n * n, 44);
            for two in [false, true] {
                let mut c = TMat::<R>::new(n, n, &av, Store::Padded);
                let y = TVec::<R>::new(&yv, 3);
                if two {
                    b.her2(uplo, narrow(alpha), x.view(), y.view(), c.view_mut())
                        .unwrap();
                } else {
                    b.her(uplo, R::from_f64(-1.5), x.view(), c.view_mut())
                        .unwrap();
                }
                for j in 0..n {
                    for i in 0..n {
                        let old = av[i + j * n];
                        let want = if !uplo.holds(i, j) {
                            old
                        } else {
                            let u = if two {
                                alpha * xv[i] * yv[j].conj() + alpha.conj() * yv[i] * xv[j].conj()
                            } else {
                                -1.5 * xv[i] * xv[j].conj()
                            };
                            let v = old + u;
                            if i == j {
                                Z::new(v.re, 0.0)
                            } else {
                                v
                            }
                        };
                        assert!(
                            close(c.get(i, j), want, tol, 8.0),
                            "her(two={two}) n={n} {uplo:?} ({i},{j})"
                        );
                    }
                }
                assert!(c.guards_intact());
            }
            // hemm, both sides.
            let m = 5;
            for side in [Side::Left, Side::Right] {
                let (bm, bn) = if side == Side::Left { (n, m) } else { (m, n) };
                let bv = values(bm * bn, 45);
                let bmat = TMat::<R>::new(bm, bn, &bv, Store::Row);
                let cv = values(bm * bn, 46);
                let mut c = TMat::<R>::new(bm, bn, &cv, Store::Padded);
                b.hemm(
                    side,
                    uplo,
                    narrow(alpha),
                    a.view(),
                    bmat.view(),
                    narrow(beta),
                    c.view_mut(),
                )
                .unwrap();
                for j in 0..bn {
                    for i in 0..bm {
                        let ab: Z = if side == Side::Left {
                            (0..n).map(|p| h[i + p * n] * bv[p + j * bm]).sum()
                        } else {
                            (0..n).map(|p| bv[i + p * bm] * h[p + j * n]).sum()
                        };
                        let want = alpha * ab + beta * cv[i + j * bm];
                        assert!(
                            close(c.get(i, j), want, tol, scale),
                            "hemm n={n} {side:?} {uplo:?}"
                        );
                    }
                }
                assert!(c.guards_intact());
            }
            // herk and her2k, A n x k (N) or k x n viewed as A^H (H).
            let k = 6;
            for op in [Op::N, Op::H] {
                let (am, an) = if op.transposed() { (k, n) } else { (n, k) };
                let (av2, bv2) = (values(am * an, 47), values(am * an, 48));
                let (aa, bb) = (
                    TMat::<R>::new(am, an, &av2, Store::Col),
                    TMat::<R>::new(am, an, &bv2, Store::Row),
                );
                let (ga, gb) = (
                    |i: usize, j: usize| aa.get(i, j),
                    |i: usize, j: usize| bb.get(i, j),
                );
                for two in [false, true] {
                    for rbeta in [0.5, 0.0] {
                        let mut cv = values(n * n, 49);
                        if rbeta == 0.0 && n > 0 {
                            cv[0] = Z::new(f64::NAN, f64::NAN);
                        }
                        let mut c = TMat::<R>::new(n, n, &cv, Store::Padded);
                        let rb = R::from_f64(rbeta);
                        if two {
                            b.her2k(
                                uplo,
                                narrow(alpha),
                                op.apply(aa.view()),
                                op.apply(bb.view()),
                                rb,
                                c.view_mut(),
                            )
                            .unwrap();
                        } else {
                            b.herk(
                                uplo,
                                R::from_f64(2.0),
                                op.apply(aa.view()),
                                rb,
                                c.view_mut(),
                            )
                            .unwrap();
                        }
                        for j in 0..n {
                            for i in 0..n {
                                let want = if !uplo.holds(i, j) {
                                    cv[i + j * n]
                                } else {
                                    let s: Z = (0..k)
                                        .map(|p| {
                                            if two {
                                                alpha * op.get(&ga, i, p) * op.get(&gb, j, p).conj()
                                                    + alpha.conj()
                                                        * op.get(&gb, i, p)
                                                        * op.get(&ga, j, p).conj()
                                            } else {
                                                2.0 * op.get(&ga, i, p) * op.get(&ga, j, p).conj()
                                            }
                                        })
                                        .sum();
                                    let old = if rbeta == 0.0 {
                                        zero
                                    } else {
                                        rbeta * cv[i + j * n]
                                    };
                                    let v = s + old;
                                    if i == j {
                                        Z::new(v.re, 0.0)
                                    } else {
                                        v
                                    }
                                };
                                assert!(
                                    close(c.get(i, j), want, tol, scale),
                                    "herk(two={two}) n={n} {uplo:?} {op:?} beta={rbeta} ({i},{j}): {} vs {want}",
                                    c.get(i, j)
                                );
                            }
                        }
                        assert!(c.guards_intact());
                    }
                }
            }
        }
    }
}

/// Expands to one `#[test]` per complex property and component type,
/// against the backend that `$make` builds.
#[macro_export]
macro_rules! complex_suite {
    ($make:expr) => {
        $crate::__complex_tests!($make; c_level1_updates, c_level1_reductions, c_special_values,
            c_gemv, c_ger, c_gemm, c_level2_structured, c_level3_structured, c_hermitian);
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __complex_tests {
    ($make:expr; $($name:ident),*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;
                #[test]
                fn c32() {
                    let backend = $make;
                    $crate::props_complex::$name::<f32, _>(&backend);
                }
                #[test]
                fn c64() {
                    let backend = $make;
                    $crate::props_complex::$name::<f64, _>(&backend);
                }
            }
        )*
    };
}
