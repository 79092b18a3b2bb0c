//! The level-2 routines on Rust values: argument checks in the reference
//! order, quick returns, then the computation. Generic over the element
//! types ([`Elem`]: `f32`, `f64`, `Complex<f32>`, `Complex<f64>`), one body
//! per shape: the symmetric and Hermitian forms (`symv`/`hemv`, `syr`/`her`,
//! ...) and `ger`/`gerc` differ by a flag, so each concept lives in one
//! place. The entry points in the parent module read the Fortran or CBLAS
//! arguments and call these.
//!
//! Every routine turns the caller's arrays into slices covering exactly the
//! elements the reference BLAS reads (so a caller that allocated the minimum
//! the reference documents is never overrun), then computes with safe
//! indexing. Vectors are addressed by their logical index `i` (0-based): with
//! increment `inc`, element `i` sits at `i*inc` from element 0, and for
//! `inc < 0` element 0 is the last in memory (the reference's
//! `KX = 1 - (N-1)*INCX`).
//!
//! Every routine is argument translation: the checks and quick returns of
//! the reference, then the threads backend's trait method on views of the
//! caller's arrays (band and packed storage through `oxpar_core::BandRef`
//! and `PackedRef`), whose kernels may fuse multiply-adds and sum in blocks,
//! so results differ from the reference's in the last bits. Two loops in the
//! reference's order remain: `gemv`'s fallback should a view not build
//! (never for valid arguments), and `ger`/`gerc` where the reference's skip
//! of `y(j) = 0` columns changes the result (an infinity or NaN in `x`).
//!
//! Complex data: `TRANS = 'C'` is the conjugate-transposed view
//! (`MatRef::h`) for `gemv`, `trmv` and `trsv`; band and packed views carry
//! no conjugation mark, so `gbmv`, `tbmv`, `tpmv`, `tbsv` and `tpsv` with
//! `'C'` conjugate the vectors around the transposed operation
//! (`A^H*x = conj(A^T*conj(x))`, exact: conjugation only flips signs).
//! Complex `gemv` runs as a `gemm` with one column (`'N'`) or one row
//! (`'T'`, `'C'`: `y^T = x^T*A`, reading `A` by columns; `'C'` through
//! conjugated vectors, since the kernels are slower on a conjugated
//! operand) on the kernels' complex micro-kernels, several times faster
//! than the backend's complex `gemv` (a loop per row, strided for `'N'`). `hbmv`, `hpmv`, `hpr` and `hpr2`
//! are the core trait's defaults (serial reference loops); `her` and
//! `her2` do not skip `x(j) = 0` columns as the reference does (a result
//! differs only with an infinity or NaN in `x` or `y`), while `hpr` and
//! `hpr2` do.

use oxpar_core::{
    BandRef, Diag, Element, Level2, MatMut, MatRef, PackedMut, PackedRef, Scalar, Uplo, VecMut,
    VecRef,
};
use oxpar_threads::ThreadsBackend;

use crate::xerbla::report;

/// The element types the level-2 routines compute on: `f32`, `f64` and the
/// complex `Complex<f32>`, `Complex<f64>` (every `oxpar_core::Element` whose
/// level-2 operations the threads backend implements).
pub(crate) trait Elem: Element {
    /// The threads backend, as this type's level-2 operations.
    fn backend() -> &'static dyn Level2<Self>;
}

impl<T: Element> Elem for T
where
    ThreadsBackend: Level2<T>,
{
    fn backend() -> &'static dyn Level2<T> {
        crate::threads::backend()
    }
}

/// Whether both parts of `v` are finite.
fn finite<T: Element>(v: T) -> bool {
    v.re().as_f64().is_finite() && v.im().as_f64().is_finite()
}

/// The routine's name as the reference spells it, e.g. `"DGEMV"`.
fn name<T: Elem>(base: &str) -> String {
    format!("{}{base}", T::BLAS_PREFIX.to_ascii_uppercase())
}

/// Reports argument `info` of routine `base` (for `T`) to `xerbla_`.
fn fail<T: Elem>(base: &str, info: i32) {
    report(&name::<T>(base), info);
}

/// The elements a vector of `n >= 1` elements at increment `inc != 0` spans.
fn span(n: usize, inc: isize) -> usize {
    1 + (n - 1) * inc.unsigned_abs()
}

/// The `len` elements from `p` as a slice (empty when `len == 0`, whatever `p`).
///
/// # Safety
/// When `len > 0`, `p` is non-null, aligned, and the `len` elements from it are
/// initialized and not written through any other path while the slice lives.
unsafe fn slice<'a, T>(p: *const T, len: usize) -> &'a [T] {
    if len == 0 {
        &[]
    } else {
        // SAFETY: the caller's contract.
        unsafe { std::slice::from_raw_parts(p, len) }
    }
}

/// As [`slice`], mutable.
///
/// # Safety
/// As [`slice`], and no other reference to these elements exists while the
/// slice lives.
unsafe fn slice_mut<'a, T>(p: *mut T, len: usize) -> &'a mut [T] {
    if len == 0 {
        &mut []
    } else {
        // SAFETY: the caller's contract.
        unsafe { std::slice::from_raw_parts_mut(p, len) }
    }
}

/// Where logical element 0 of a vector sits in its slice.
fn origin(n: usize, inc: isize) -> isize {
    if inc < 0 {
        (n as isize - 1) * -inc
    } else {
        0
    }
}

/// A read-only strided vector over a slice.
#[derive(Clone, Copy)]
struct Xr<'a, T> {
    d: &'a [T],
    inc: isize,
    o: isize,
}

/// A mutable strided vector over a slice.
struct Xm<'a, T> {
    d: &'a mut [T],
    inc: isize,
    o: isize,
}

impl<'a, T: Elem> Xr<'a, T> {
    fn new(d: &'a [T], n: usize, inc: isize) -> Self {
        Xr {
            d,
            inc,
            o: origin(n, inc),
        }
    }

    #[inline(always)]
    fn get(&self, i: usize) -> T {
        self.d[(self.o + i as isize * self.inc) as usize]
    }

    /// Elements `s..s + len` as a slice when the increment is 1.
    #[inline(always)]
    fn unit(&self, s: usize, len: usize) -> Option<&'a [T]> {
        (self.inc == 1).then(|| &self.d[s..s + len])
    }
}

impl<'a, T: Elem> Xm<'a, T> {
    fn new(d: &'a mut [T], n: usize, inc: isize) -> Self {
        Xm {
            d,
            inc,
            o: origin(n, inc),
        }
    }

    #[inline(always)]
    fn pos(&self, i: usize) -> usize {
        (self.o + i as isize * self.inc) as usize
    }

    #[inline(always)]
    fn get(&self, i: usize) -> T {
        self.d[self.pos(i)]
    }

    #[inline(always)]
    fn set(&mut self, i: usize, v: T) {
        let p = self.pos(i);
        self.d[p] = v;
    }
}

/// `y(s+k) := y(s+k) + t*a(k)` for every `k` of `a`.
#[inline(always)]
fn axpy_to<T: Elem>(t: T, a: &[T], y: &mut Xm<'_, T>, s: usize) {
    if y.inc == 1 {
        for (yi, &ai) in y.d[s..s + a.len()].iter_mut().zip(a) {
            *yi += t * ai;
        }
    } else {
        for (k, &ai) in a.iter().enumerate() {
            let p = y.pos(s + k);
            y.d[p] += t * ai;
        }
    }
}

/// `d(k) := d(k) + x(s+k)*t` for every `k` of `d`.
#[inline(always)]
fn axpy_from<T: Elem>(t: T, x: &Xr<'_, T>, s: usize, d: &mut [T]) {
    if let Some(xs) = x.unit(s, d.len()) {
        for (di, &xi) in d.iter_mut().zip(xs) {
            *di += xi * t;
        }
    } else {
        for (k, di) in d.iter_mut().enumerate() {
            *di += x.get(s + k) * t;
        }
    }
}

/// `acc + sum_k a(k)*x(s+k)`, in increasing `k`.
fn dot<T: Elem>(mut acc: T, a: &[T], x: &Xr<'_, T>, s: usize) -> T {
    match x.unit(s, a.len()) {
        Some(xs) => {
            for (&ai, &xi) in a.iter().zip(xs) {
                acc += ai * xi;
            }
        }
        None => {
            for (k, &ai) in a.iter().enumerate() {
                acc += ai * x.get(s + k);
            }
        }
    }
    acc
}

/// `y := beta*y` as the reference does it: zeros without reading when
/// `beta == 0`, nothing when `beta == 1`.
fn scale<T: Elem>(beta: T, y: &mut Xm<'_, T>, n: usize) {
    if beta == T::ONE {
        return;
    }
    for i in 0..n {
        let v = if beta == T::ZERO {
            T::ZERO
        } else {
            beta * y.get(i)
        };
        y.set(i, v);
    }
}

/// How a square matrix is stored, for the banded and packed routines.
#[derive(Clone, Copy)]
enum Storage {
    /// Band storage with `k` off-diagonals and leading dimension `ld`.
    Band { ld: usize, k: usize },
    /// Packed columns of the triangle.
    Packed,
}

/// One triangle of an `n x n` matrix in some [`Storage`].
#[derive(Clone, Copy)]
struct Tri {
    upper: bool,
    n: usize,
    storage: Storage,
}

impl Tri {
    /// The triangle stored.
    fn uplo(&self) -> Uplo {
        if self.upper {
            Uplo::Upper
        } else {
            Uplo::Lower
        }
    }

    /// The `(kl, ku)` of the band holding the triangle, for band storage.
    fn band_widths(&self) -> Option<(usize, usize, usize)> {
        match self.storage {
            Storage::Band { ld, k } => Some(if self.upper { (0, k, ld) } else { (k, 0, ld) }),
            Storage::Packed => None,
        }
    }

    /// The band view of `a`, for band storage.
    fn band<'a, T: Elem>(&self, a: &'a [T]) -> Option<BandRef<'a, T>> {
        let (kl, ku, ld) = self.band_widths()?;
        BandRef::from_blas(a, self.n, self.n, kl, ku, ld).ok()
    }

    /// How many array elements the routines read: up to the last element
    /// stored.
    fn extent(&self) -> usize {
        if self.n == 0 {
            return 0;
        }
        match self.band_widths() {
            Some((kl, ku, ld)) => band_extent(self.n, self.n, kl, ku, ld),
            None => self.n * (self.n + 1) / 2,
        }
    }
}

fn is_trans(t: u8) -> bool {
    t != b'N'
}

fn bad_trans(t: u8) -> bool {
    !matches!(t, b'N' | b'T' | b'C')
}

/// How a matrix operand enters: as is, transposed, or conjugate-transposed
/// (`TRANS` = `'N'`, `'T'`, `'C'`; `'C'` is `'T'` on real data).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op {
    N,
    T,
    C,
}

/// The operation a valid `TRANS` letter names.
fn op_of(t: u8) -> Op {
    match t {
        b'N' => Op::N,
        b'T' => Op::T,
        _ => Op::C,
    }
}

impl Op {
    /// `op(a)` as a view (no data moves).
    fn apply<'a, T: Element>(self, a: MatRef<'a, T>) -> MatRef<'a, T> {
        match self {
            Op::N => a,
            Op::T => a.t(),
            Op::C => a.h(),
        }
    }

    /// Whether this is `'C'` on complex data, where the band and packed
    /// routines (whose views carry no conjugation mark) conjugate the
    /// vectors around a transposed call instead.
    fn conj<T: Element>(self) -> bool {
        self == Op::C && T::DTYPE.is_complex()
    }
}

/// Conjugates the `n` elements of a vector at increment `inc` in place.
fn conj_all<T: Element>(d: &mut [T], n: usize, inc: isize) {
    let step = inc.unsigned_abs();
    for k in 0..n {
        d[k * step] = d[k * step].conj();
    }
}

fn bad_uplo(u: u8) -> bool {
    !matches!(u, b'U' | b'L')
}

/// The triangle a valid `UPLO` letter names.
fn uplo_of(u: u8) -> Uplo {
    if u == b'U' {
        Uplo::Upper
    } else {
        Uplo::Lower
    }
}

fn bad_diag(d: u8) -> bool {
    !matches!(d, b'U' | b'N')
}

// ---------------------------------------------------------------------------
// gemv, gbmv

/// `?GEMV`: `y := alpha*op(A)*x + beta*y`, `A` m x n.
///
/// # Safety
/// The reference BLAS contract for valid arguments: `a`, `x`, `y` hold the
/// elements the routine addresses, and `y` overlaps neither.
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn gemv<T: Elem>(
    trans: u8,
    m: i32,
    n: i32,
    alpha: T,
    a: *const T,
    lda: i32,
    x: *const T,
    incx: i32,
    beta: T,
    y: *mut T,
    incy: i32,
) {
    let info = if bad_trans(trans) {
        1
    } else if m < 0 {
        2
    } else if n < 0 {
        3
    } else if lda < m.max(1) {
        6
    } else if incx == 0 {
        8
    } else if incy == 0 {
        11
    } else {
        0
    };
    if info != 0 {
        return fail::<T>("GEMV", info);
    }
    if m == 0 || n == 0 || (alpha == T::ZERO && beta == T::ONE) {
        return;
    }
    let (m, n, lda) = (m as usize, n as usize, lda as usize);
    let (incx, incy) = (incx as isize, incy as isize);
    let op = op_of(trans);
    let (lenx, leny) = if is_trans(trans) { (m, n) } else { (n, m) };
    // SAFETY: the reference reads A(1:m, 1:n) with leading dimension lda,
    // lenx elements of x and leny of y at their increments; y overlaps neither.
    let (a, xs, ys) = unsafe {
        (
            slice(a, (n - 1) * lda + m),
            slice(x, span(lenx, incx)),
            slice_mut(y, span(leny, incy)),
        )
    };
    if alpha == T::ZERO {
        scale(beta, &mut Xm::new(ys, leny, incy), leny);
        return;
    }
    if !gemv_backend(op, m, n, alpha, a, lda, xs, incx, beta, &mut *ys, incy) {
        gemv_loops(op, m, n, alpha, a, lda, xs, incx, beta, ys, incy);
    }
}

/// `gemv` on oxpar's threads backend. Strided `y` (and, for `A^T`, strided
/// `x`) are gathered into contiguous buffers so the kernels run their
/// contiguous paths. Returns false when a view could not be built (never for
/// arguments that passed the checks).
#[allow(clippy::too_many_arguments)]
fn gemv_backend<T: Elem>(
    op: Op,
    m: usize,
    n: usize,
    alpha: T,
    a: &[T],
    lda: usize,
    xs: &[T],
    incx: isize,
    beta: T,
    ys: &mut [T],
    incy: isize,
) -> bool {
    let Ok(am) = MatRef::col_major(a, m, n, lda) else {
        return false;
    };
    let trans = op != Op::N;
    let (am, lenx, leny) = if trans {
        (op.apply(am), m, n)
    } else {
        (am, n, m)
    };
    let gathered_x: Vec<T>;
    let xv = if trans && incx != 1 {
        let x = Xr::new(xs, lenx, incx);
        gathered_x = (0..lenx).map(|i| x.get(i)).collect();
        VecRef::from_slice(&gathered_x)
    } else {
        match VecRef::from_blas(xs, lenx, incx) {
            Ok(v) => v,
            Err(_) => return false,
        }
    };
    let backend = T::backend();
    if incy == 1 {
        return backend
            .gemv(alpha, am, xv, beta, VecMut::from_slice(ys))
            .is_ok();
    }
    // Strided y: compute in a contiguous copy (not read when beta == 0, as
    // y itself is not), then store it back.
    let mut y = Xm::new(ys, leny, incy);
    let mut buf: Vec<T> = if beta == T::ZERO {
        vec![T::ZERO; leny]
    } else {
        (0..leny).map(|i| y.get(i)).collect()
    };
    if backend
        .gemv(alpha, am, xv, beta, VecMut::from_slice(&mut buf))
        .is_err()
    {
        return false;
    }
    for (i, &v) in buf.iter().enumerate() {
        y.set(i, v);
    }
    true
}

/// `gemv` as the reference's loops (the fallback of [`gemv_backend`]).
#[allow(clippy::too_many_arguments)]
fn gemv_loops<T: Elem>(
    op: Op,
    m: usize,
    n: usize,
    alpha: T,
    a: &[T],
    lda: usize,
    xs: &[T],
    incx: isize,
    beta: T,
    ys: &mut [T],
    incy: isize,
) {
    let trans = op != Op::N;
    let (lenx, leny) = if trans { (m, n) } else { (n, m) };
    let x = Xr::new(xs, lenx, incx);
    let mut y = Xm::new(ys, leny, incy);
    scale(beta, &mut y, leny);
    for j in 0..n {
        let col = &a[j * lda..j * lda + m];
        if op == Op::C {
            let t = (0..m).fold(T::ZERO, |acc, i| acc + col[i].conj() * x.get(i));
            y.set(j, y.get(j) + alpha * t);
        } else if trans {
            let t = dot(T::ZERO, col, &x, 0);
            y.set(j, y.get(j) + alpha * t);
        } else {
            axpy_to(alpha * x.get(j), col, &mut y, 0);
        }
    }
}

/// `?GBMV`: `y := alpha*op(A)*x + beta*y`, `A` m x n with `kl` sub- and `ku`
/// super-diagonals in band storage.
///
/// # Safety
/// As [`gemv`].
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn gbmv<T: Elem>(
    trans: u8,
    m: i32,
    n: i32,
    kl: i32,
    ku: i32,
    alpha: T,
    a: *const T,
    lda: i32,
    x: *const T,
    incx: i32,
    beta: T,
    y: *mut T,
    incy: i32,
) {
    let info = if bad_trans(trans) {
        1
    } else if m < 0 {
        2
    } else if n < 0 {
        3
    } else if kl < 0 {
        4
    } else if ku < 0 {
        5
    } else if i64::from(lda) < i64::from(kl) + i64::from(ku) + 1 {
        8
    } else if incx == 0 {
        10
    } else if incy == 0 {
        13
    } else {
        0
    };
    if info != 0 {
        return fail::<T>("GBMV", info);
    }
    if m == 0 || n == 0 || (alpha == T::ZERO && beta == T::ONE) {
        return;
    }
    let (m, n, kl, ku, lda) = (
        m as usize,
        n as usize,
        kl as usize,
        ku as usize,
        lda as usize,
    );
    let (incx, incy) = (incx as isize, incy as isize);
    let op = op_of(trans);
    let trans = op != Op::N;
    let (lenx, leny) = if trans { (m, n) } else { (n, m) };
    // SAFETY: the reference reads the band elements of A (up to the last
    // one stored), lenx elements of x and leny of y; y overlaps neither.
    let (a, xs, ys) = unsafe {
        (
            slice(a, band_extent(m, n, kl, ku, lda)),
            slice(x, span(lenx, incx)),
            slice_mut(y, span(leny, incy)),
        )
    };
    let Ok(band) = BandRef::from_blas(a, m, n, kl, ku, lda) else {
        return;
    };
    let band = if trans { band.t() } else { band };
    if op.conj::<T>() {
        // A^H*x: y := conj(conj(alpha)*A^T*conj(x) + conj(beta)*conj(y)),
        // x conjugated into a copy, y in place and back (a band view has no
        // conjugation mark).
        let x = Xr::new(xs, lenx, incx);
        let xc: Vec<T> = (0..lenx).map(|i| x.get(i).conj()).collect();
        conj_all(ys, leny, incy);
        if let Ok(yv) = VecMut::from_blas(&mut *ys, leny, incy) {
            // Cannot fail: the shapes agree by construction.
            let _ = T::backend().gbmv(alpha.conj(), band, VecRef::from_slice(&xc), beta.conj(), yv);
        }
        conj_all(ys, leny, incy);
        return;
    }
    let (Ok(xv), Ok(yv)) = (
        VecRef::from_blas(xs, lenx, incx),
        VecMut::from_blas(ys, leny, incy),
    ) else {
        return;
    };
    // Cannot fail: the shapes agree by construction.
    let _ = T::backend().gbmv(alpha, band, xv, beta, yv);
}

/// The elements BLAS band storage of an `m x n` matrix (`m, n >= 1`) spans:
/// up to the last element of the last column with any row in the band.
fn band_extent(m: usize, n: usize, kl: usize, ku: usize, ld: usize) -> usize {
    let j = (n - 1).min(m - 1 + ku);
    let i = (m - 1).min(j + kl);
    ku + i - j + j * ld + 1
}

// ---------------------------------------------------------------------------
// symv, sbmv, spmv

/// The common part of `sbmv` and `spmv` after the checks: the threads
/// backend's sbmv or spmv on views.
///
/// # Safety
/// `a` holds the band or packed triangle `tri` describes, `x` and `y` `n`
/// elements at their increments, and `y` overlaps neither (the reference
/// BLAS contract).
#[allow(clippy::too_many_arguments)]
unsafe fn symmetric_mv<T: Elem>(
    herm: bool,
    tri: Tri,
    alpha: T,
    a: *const T,
    x: *const T,
    incx: i32,
    beta: T,
    y: *mut T,
    incy: i32,
) {
    let n = tri.n;
    let (incx, incy) = (incx as isize, incy as isize);
    // SAFETY: the caller's contract.
    let (a, xs, ys) = unsafe {
        (
            slice(a, tri.extent()),
            slice(x, span(n, incx)),
            slice_mut(y, span(n, incy)),
        )
    };
    let (Ok(xv), Ok(yv)) = (
        VecRef::from_blas(xs, n, incx),
        VecMut::from_blas(ys, n, incy),
    ) else {
        return;
    };
    let backend = T::backend();
    // Cannot fail: the shapes agree by construction.
    let _ = match tri.storage {
        Storage::Band { .. } => match tri.band(a) {
            Some(band) if herm => backend.hbmv(tri.uplo(), alpha, band, xv, beta, yv),
            Some(band) => backend.sbmv(tri.uplo(), alpha, band, xv, beta, yv),
            None => return,
        },
        Storage::Packed => match PackedRef::from_blas(a, n, tri.uplo()) {
            Ok(ap) if herm => backend.hpmv(alpha, ap, xv, beta, yv),
            Ok(ap) => backend.spmv(alpha, ap, xv, beta, yv),
            Err(_) => return,
        },
    };
}

/// `?SYMV` (`herm` false) and `?HEMV` (`herm` true): `y := alpha*A*x +
/// beta*y`, `A` symmetric or Hermitian, one triangle stored.
///
/// # Safety
/// As [`gemv`].
#[allow(clippy::too_many_arguments)]
unsafe fn full_mv<T: Elem>(
    herm: bool,
    uplo: u8,
    n: i32,
    alpha: T,
    a: *const T,
    lda: i32,
    x: *const T,
    incx: i32,
    beta: T,
    y: *mut T,
    incy: i32,
) {
    let info = if bad_uplo(uplo) {
        1
    } else if n < 0 {
        2
    } else if lda < n.max(1) {
        5
    } else if incx == 0 {
        7
    } else if incy == 0 {
        10
    } else {
        0
    };
    if info != 0 {
        return fail::<T>(if herm { "HEMV" } else { "SYMV" }, info);
    }
    if n == 0 || (alpha == T::ZERO && beta == T::ONE) {
        return;
    }
    let (n, lda) = (n as usize, lda as usize);
    let (incx, incy) = (incx as isize, incy as isize);
    // SAFETY: the reference reads the uplo triangle of A(1:n, 1:n) (up to
    // the last diagonal element), n elements of x and y at their increments;
    // y overlaps neither.
    let (a, xs, ys) = unsafe {
        (
            slice(a, (n - 1) * lda + n),
            slice(x, span(n, incx)),
            slice_mut(y, span(n, incy)),
        )
    };
    let (Ok(am), Ok(xv), Ok(yv)) = (
        MatRef::col_major(a, n, n, lda),
        VecRef::from_blas(xs, n, incx),
        VecMut::from_blas(ys, n, incy),
    ) else {
        return;
    };
    let uplo = uplo_of(uplo);
    // Cannot fail: the shapes agree by construction.
    let _ = if herm {
        T::backend().hemv(uplo, alpha, am, xv, beta, yv)
    } else {
        T::backend().symv(uplo, alpha, am, xv, beta, yv)
    };
}

/// `?SBMV` (`herm` false) and `?HBMV` (`herm` true): `y := alpha*A*x +
/// beta*y`, `A` symmetric or Hermitian band with `k` off-diagonals, one
/// triangle stored.
///
/// # Safety
/// As [`gemv`].
#[allow(clippy::too_many_arguments)]
unsafe fn band_mv<T: Elem>(
    herm: bool,
    uplo: u8,
    n: i32,
    k: i32,
    alpha: T,
    a: *const T,
    lda: i32,
    x: *const T,
    incx: i32,
    beta: T,
    y: *mut T,
    incy: i32,
) {
    let info = if bad_uplo(uplo) {
        1
    } else if n < 0 {
        2
    } else if k < 0 {
        3
    } else if i64::from(lda) < i64::from(k) + 1 {
        6
    } else if incx == 0 {
        8
    } else if incy == 0 {
        11
    } else {
        0
    };
    if info != 0 {
        return fail::<T>(if herm { "HBMV" } else { "SBMV" }, info);
    }
    if n == 0 || (alpha == T::ZERO && beta == T::ONE) {
        return;
    }
    let tri = Tri {
        upper: uplo == b'U',
        n: n as usize,
        storage: Storage::Band {
            ld: lda as usize,
            k: k as usize,
        },
    };
    // SAFETY: the caller's contract; the band lies within tri.extent().
    unsafe { symmetric_mv(herm, tri, alpha, a, x, incx, beta, y, incy) }
}

/// `?SPMV` (`herm` false) and `?HPMV` (`herm` true): `y := alpha*A*x +
/// beta*y`, `A` symmetric or Hermitian, one triangle packed.
///
/// # Safety
/// As [`gemv`].
#[allow(clippy::too_many_arguments)]
unsafe fn packed_mv<T: Elem>(
    herm: bool,
    uplo: u8,
    n: i32,
    alpha: T,
    ap: *const T,
    x: *const T,
    incx: i32,
    beta: T,
    y: *mut T,
    incy: i32,
) {
    let info = if bad_uplo(uplo) {
        1
    } else if n < 0 {
        2
    } else if incx == 0 {
        6
    } else if incy == 0 {
        9
    } else {
        0
    };
    if info != 0 {
        return fail::<T>(if herm { "HPMV" } else { "SPMV" }, info);
    }
    if n == 0 || (alpha == T::ZERO && beta == T::ONE) {
        return;
    }
    let tri = Tri {
        upper: uplo == b'U',
        n: n as usize,
        storage: Storage::Packed,
    };
    // SAFETY: the caller's contract; the packed triangle is tri.extent() long.
    unsafe { symmetric_mv(herm, tri, alpha, ap, x, incx, beta, y, incy) }
}

// ---------------------------------------------------------------------------
// trmv, tbmv, tpmv, trsv, tbsv, tpsv

/// The common part of the banded and packed triangular products and solves
/// after the checks: the threads backend's tbmv, tbsv, tpmv or tpsv on views
/// (`op(A) = A^T` is the transposed view, which holds the other triangle).
///
/// # Safety
/// `a` holds the band or packed triangle `tri` describes and `x` `n`
/// elements at `incx`, not overlapping `a` (the reference BLAS contract).
unsafe fn triangular<T: Elem>(
    tri: Tri,
    trans: u8,
    unit: bool,
    solve: bool,
    a: *const T,
    x: *mut T,
    incx: i32,
) {
    let n = tri.n;
    let incx = incx as isize;
    // SAFETY: the caller's contract.
    let (a, xs) = unsafe { (slice(a, tri.extent()), slice_mut(x, span(n, incx))) };
    let op = op_of(trans);
    if op.conj::<T>() {
        // op(A)*x = conj(A^T*conj(x)) (and likewise for the solve): a band
        // or packed view has no conjugation mark.
        conj_all(xs, n, incx);
        triangular_views(tri, Op::T, unit, solve, a, &mut *xs, incx);
        conj_all(xs, n, incx);
    } else {
        triangular_views(tri, op, unit, solve, a, xs, incx);
    }
}

/// [`triangular`] on the caller's arrays as slices, for `op` `N` or `T`
/// (`C` on real data).
fn triangular_views<T: Elem>(
    tri: Tri,
    op: Op,
    unit: bool,
    solve: bool,
    a: &[T],
    xs: &mut [T],
    incx: isize,
) {
    let n = tri.n;
    let Ok(xv) = VecMut::from_blas(xs, n, incx) else {
        return;
    };
    let backend = T::backend();
    let diag = if unit { Diag::Unit } else { Diag::NonUnit };
    let trans = op != Op::N;
    // Cannot fail: the shapes agree by construction.
    let _ = match tri.storage {
        Storage::Band { .. } => {
            let Some(band) = tri.band(a) else {
                return;
            };
            let (band, uplo) = if trans {
                (band.t(), tri.uplo().flip())
            } else {
                (band, tri.uplo())
            };
            if solve {
                backend.tbsv(uplo, diag, band, xv)
            } else {
                backend.tbmv(uplo, diag, band, xv)
            }
        }
        Storage::Packed => {
            let Ok(ap) = PackedRef::from_blas(a, n, tri.uplo()) else {
                return;
            };
            let ap = if trans { ap.t() } else { ap };
            if solve {
                backend.tpsv(diag, ap, xv)
            } else {
                backend.tpmv(diag, ap, xv)
            }
        }
    };
}

/// The checks shared by the six triangular routines, in the reference's
/// order: UPLO 1, TRANS 2, DIAG 3, N 4, then K (`k`: its position), LDA
/// (`ld`: value, minimum, position) and INCX (`incx`: value, position).
#[allow(clippy::too_many_arguments)]
fn triangular_info(
    uplo: u8,
    trans: u8,
    diag: u8,
    n: i32,
    k: Option<(i32, i32)>,
    ld: Option<(i32, i64, i32)>,
    incx: (i32, i32),
) -> i32 {
    if bad_uplo(uplo) {
        1
    } else if bad_trans(trans) {
        2
    } else if bad_diag(diag) {
        3
    } else if n < 0 {
        4
    } else if let Some((_, pos)) = k.filter(|&(k, _)| k < 0) {
        pos
    } else if let Some((_, _, pos)) = ld.filter(|&(ld, min, _)| i64::from(ld) < min) {
        pos
    } else if incx.0 == 0 {
        incx.1
    } else {
        0
    }
}

macro_rules! triangular_routines {
    (@check Band, $u:ident, $t:ident, $d:ident, $n:ident, $k:ident, $lda:ident, $incx:ident) => {
        (
            triangular_info($u, $t, $d, $n, Some(($k, 5)), Some(($lda, i64::from($k) + 1, 7)), ($incx, 9)),
            Storage::Band { ld: $lda.max(0) as usize, k: $k.max(0) as usize },
        )
    };
    (@check Packed, $u:ident, $t:ident, $d:ident, $n:ident, $k:ident, $lda:ident, $incx:ident) => {{
        let _ = ($k, $lda);
        (
            triangular_info($u, $t, $d, $n, None, None, ($incx, 7)),
            Storage::Packed,
        )
    }};
    ($(
        $(#[$doc:meta])*
        fn $name:ident / $rname:literal, solve = $solve:literal, $storage:ident
    );* $(;)?) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        /// The reference BLAS contract: `a` holds the elements the routine
        /// addresses and `x` its `n` elements at `incx`, not overlapping `a`.
        #[allow(clippy::too_many_arguments)]
        pub(crate) unsafe fn $name<T: Elem>(
            uplo: u8,
            trans: u8,
            diag: u8,
            n: i32,
            k: i32,
            a: *const T,
            lda: i32,
            x: *mut T,
            incx: i32,
        ) {
            let (info, storage) = triangular_routines!(@check $storage, uplo, trans, diag, n, k, lda, incx);
            if info != 0 {
                return fail::<T>($rname, info);
            }
            if n == 0 {
                return;
            }
            let tri = Tri { upper: uplo == b'U', n: n as usize, storage };
            // SAFETY: the caller's contract; the triangle lies within tri.extent().
            unsafe { triangular(tri, trans, diag == b'U', $solve, a, x, incx) }
        }
    )*};
}

triangular_routines! {
    /// `?TBMV`: `x := op(A)*x`, `A` triangular band with `k` off-diagonals.
    fn tbmv / "TBMV", solve = false, Band;
    /// `?TPMV`: `x := op(A)*x`, `A` triangular packed (`k`, `lda` ignored).
    fn tpmv / "TPMV", solve = false, Packed;
    /// `?TBSV`: solves `op(A)*x = b` in place, `A` triangular band.
    fn tbsv / "TBSV", solve = true, Band;
    /// `?TPSV`: solves `op(A)*x = b` in place, `A` triangular packed
    /// (`k`, `lda` ignored).
    fn tpsv / "TPSV", solve = true, Packed;
}

/// `?TRMV` (`solve` false: `x := op(A)*x`) and `?TRSV` (`solve` true:
/// solves `op(A)*x = b` in place), `A` triangular: checks, then the threads
/// backend's trmv or trsv on views (`op(A) = A^T` is the transposed view,
/// which holds the other triangle).
///
/// # Safety
/// The reference BLAS contract: `a` holds the elements the routine
/// addresses and `x` its `n` elements at `incx`, not overlapping `a`.
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn trmv_trsv<T: Elem>(
    solve: bool,
    uplo: u8,
    trans: u8,
    diag: u8,
    n: i32,
    a: *const T,
    lda: i32,
    x: *mut T,
    incx: i32,
) {
    let info = triangular_info(
        uplo,
        trans,
        diag,
        n,
        None,
        Some((lda, i64::from(n.max(1)), 6)),
        (incx, 8),
    );
    if info != 0 {
        return fail::<T>(if solve { "TRSV" } else { "TRMV" }, info);
    }
    if n == 0 {
        return;
    }
    let (n, lda, incx) = (n as usize, lda as usize, incx as isize);
    // SAFETY: the reference reads the uplo triangle of A(1:n, 1:n) (up to
    // the last diagonal element) and n elements of x at incx, not
    // overlapping A.
    let (a, xs) = unsafe { (slice(a, (n - 1) * lda + n), slice_mut(x, span(n, incx))) };
    let (Ok(am), Ok(xv)) = (
        MatRef::col_major(a, n, n, lda),
        VecMut::from_blas(xs, n, incx),
    ) else {
        return;
    };
    let (am, uplo) = if is_trans(trans) {
        (op_of(trans).apply(am), uplo_of(uplo).flip())
    } else {
        (am, uplo_of(uplo))
    };
    let diag = if diag == b'U' {
        Diag::Unit
    } else {
        Diag::NonUnit
    };
    let backend = T::backend();
    // Cannot fail: the shapes agree by construction.
    let _ = if solve {
        backend.trsv(uplo, diag, am, xv)
    } else {
        backend.trmv(uplo, diag, am, xv)
    };
}

macro_rules! full_triangular {
    ($($(#[$doc:meta])* fn $name:ident, solve = $solve:literal;)*) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        /// As [`trmv_trsv`].
        #[allow(clippy::too_many_arguments)]
        pub(crate) unsafe fn $name<T: Elem>(
            uplo: u8,
            trans: u8,
            diag: u8,
            n: i32,
            _k: i32,
            a: *const T,
            lda: i32,
            x: *mut T,
            incx: i32,
        ) {
            // SAFETY: the caller's contract.
            unsafe { trmv_trsv($solve, uplo, trans, diag, n, a, lda, x, incx) }
        }
    )*};
}

full_triangular! {
    /// `?TRMV`: `x := op(A)*x`, `A` triangular (`k` is ignored).
    fn trmv, solve = false;
    /// `?TRSV`: solves `op(A)*x = b` in place, `A` triangular (`k` ignored).
    fn trsv, solve = true;
}

// ---------------------------------------------------------------------------
// ger, syr, spr, syr2, spr2

/// `?GER`: `A := alpha*x*y^T + A`, `A` m x n.
///
/// # Safety
/// The reference BLAS contract: `x`, `y` and `a` hold the elements the routine
/// addresses, and `a` overlaps neither vector.
#[allow(clippy::too_many_arguments)]
unsafe fn ger_either<T: Elem>(
    conj: bool,
    m: i32,
    n: i32,
    alpha: T,
    x: *const T,
    incx: i32,
    y: *const T,
    incy: i32,
    a: *mut T,
    lda: i32,
) {
    let info = if m < 0 {
        1
    } else if n < 0 {
        2
    } else if incx == 0 {
        5
    } else if incy == 0 {
        7
    } else if lda < m.max(1) {
        9
    } else {
        0
    };
    if info != 0 {
        let base = match (T::DTYPE.is_complex(), conj) {
            (false, _) => "GER",
            (true, false) => "GERU",
            (true, true) => "GERC",
        };
        return fail::<T>(base, info);
    }
    if m == 0 || n == 0 || alpha == T::ZERO {
        return;
    }
    let (m, n, lda) = (m as usize, n as usize, lda as usize);
    let (incx, incy) = (incx as isize, incy as isize);
    // SAFETY: the reference reads m elements of x and n of y at their
    // increments and updates A(1:m, 1:n); A overlaps neither vector.
    let (xs, ys, a) = unsafe {
        (
            slice(x, span(m, incx)),
            slice(y, span(n, incy)),
            slice_mut(a, (n - 1) * lda + m),
        )
    };
    let x = Xr::new(xs, m, incx);
    let y = Xr::new(ys, n, incy);
    // The reference skips the columns where y(j) = 0; oxpar's kernel does not,
    // which differs only when x holds an infinity or a NaN (Inf*0 = NaN). Take
    // the kernel when that cannot happen.
    let exact = (0..n).all(|j| y.get(j) != T::ZERO) || (0..m).all(|i| finite(x.get(i)));
    if exact {
        if let (Ok(xv), Ok(yv)) = (
            VecRef::from_blas(xs, m, incx),
            VecRef::from_blas(ys, n, incy),
        ) {
            if let Ok(am) = MatMut::col_major(&mut *a, m, n, lda) {
                let done = if conj {
                    T::backend().gerc(alpha, xv, yv, am)
                } else {
                    T::backend().ger(alpha, xv, yv, am)
                };
                if done.is_ok() {
                    return;
                }
            }
        }
    }
    for j in 0..n {
        let yj = if conj { y.get(j).conj() } else { y.get(j) };
        if yj != T::ZERO {
            axpy_from(alpha * yj, &x, 0, &mut a[j * lda..j * lda + m]);
        }
    }
}

/// `?SYR`: `A := alpha*x*x^T + A`, `A` symmetric, one triangle stored.
///
/// # Safety
/// As [`ger`].
#[allow(clippy::too_many_arguments)]
unsafe fn rank1<T: Elem>(
    herm: bool,
    uplo: u8,
    n: i32,
    alpha: T,
    x: *const T,
    incx: i32,
    a: *mut T,
    lda: i32,
) {
    let info = if bad_uplo(uplo) {
        1
    } else if n < 0 {
        2
    } else if incx == 0 {
        5
    } else if lda < n.max(1) {
        7
    } else {
        0
    };
    if info != 0 {
        return fail::<T>(if herm { "HER" } else { "SYR" }, info);
    }
    if n == 0 || alpha == T::ZERO {
        return;
    }
    // SAFETY: the caller's contract.
    unsafe { symmetric_rank(herm, uplo, n, alpha, x, incx, None, a, lda) }
}

/// `syr` (`y` None) and `syr2` after the checks: the threads backend's syr or
/// syr2 on views.
///
/// # Safety
/// `x` (and `y`) hold `n` elements at their increments and `a` the `uplo`
/// triangle of an `n x n` matrix with leading dimension `lda >= n`, not
/// overlapping the vectors.
#[allow(clippy::too_many_arguments)]
unsafe fn symmetric_rank<T: Elem>(
    herm: bool,
    uplo: u8,
    n: i32,
    alpha: T,
    x: *const T,
    incx: i32,
    y: Option<(*const T, i32)>,
    a: *mut T,
    lda: i32,
) {
    let (n, lda) = (n as usize, lda as usize);
    let incx = incx as isize;
    // SAFETY: the caller's contract; the triangle ends at the last diagonal
    // element.
    let (xs, am) = unsafe { (slice(x, span(n, incx)), slice_mut(a, (n - 1) * lda + n)) };
    let (Ok(xv), Ok(am)) = (
        VecRef::from_blas(xs, n, incx),
        MatMut::col_major(am, n, n, lda),
    ) else {
        return;
    };
    let backend = T::backend();
    let uplo = uplo_of(uplo);
    // Cannot fail: the shapes agree by construction.
    let _ = match y {
        None if herm => backend.her(uplo, alpha.re(), xv, am),
        None => backend.syr(uplo, alpha, xv, am),
        Some((y, incy)) => {
            let incy = incy as isize;
            // SAFETY: the caller's contract.
            let ys = unsafe { slice(y, span(n, incy)) };
            let Ok(yv) = VecRef::from_blas(ys, n, incy) else {
                return;
            };
            if herm {
                backend.her2(uplo, alpha, xv, yv, am)
            } else {
                backend.syr2(uplo, alpha, xv, yv, am)
            }
        }
    };
}

/// `?SPR`: `A := alpha*x*x^T + A`, `A` symmetric, one triangle packed.
///
/// # Safety
/// As [`ger`].
unsafe fn packed_rank1<T: Elem>(
    herm: bool,
    uplo: u8,
    n: i32,
    alpha: T,
    x: *const T,
    incx: i32,
    ap: *mut T,
) {
    let info = if bad_uplo(uplo) {
        1
    } else if n < 0 {
        2
    } else if incx == 0 {
        5
    } else {
        0
    };
    if info != 0 {
        return fail::<T>(if herm { "HPR" } else { "SPR" }, info);
    }
    if n == 0 || alpha == T::ZERO {
        return;
    }
    // SAFETY: the caller's contract.
    unsafe { packed_rank(herm, uplo, n, alpha, x, incx, None, ap) }
}

/// `spr` (`y` None) and `spr2` after the checks: the threads backend's spr
/// or spr2 on views.
///
/// # Safety
/// `x` (and `y`) hold `n` elements at their increments and `ap` the packed
/// `uplo` triangle of order `n`, not overlapping the vectors.
#[allow(clippy::too_many_arguments)]
unsafe fn packed_rank<T: Elem>(
    herm: bool,
    uplo: u8,
    n: i32,
    alpha: T,
    x: *const T,
    incx: i32,
    y: Option<(*const T, i32)>,
    ap: *mut T,
) {
    let n = n as usize;
    let incx = incx as isize;
    // SAFETY: the caller's contract.
    let (xs, ap) = unsafe { (slice(x, span(n, incx)), slice_mut(ap, n * (n + 1) / 2)) };
    let (Ok(xv), Ok(ap)) = (
        VecRef::from_blas(xs, n, incx),
        PackedMut::from_blas(ap, n, uplo_of(uplo)),
    ) else {
        return;
    };
    let backend = T::backend();
    // Cannot fail: the shapes agree by construction.
    let _ = match y {
        None if herm => backend.hpr(alpha.re(), xv, ap),
        None => backend.spr(alpha, xv, ap),
        Some((y, incy)) => {
            let incy = incy as isize;
            // SAFETY: the caller's contract.
            let ys = unsafe { slice(y, span(n, incy)) };
            let Ok(yv) = VecRef::from_blas(ys, n, incy) else {
                return;
            };
            if herm {
                backend.hpr2(alpha, xv, yv, ap)
            } else {
                backend.spr2(alpha, xv, yv, ap)
            }
        }
    };
}

/// `?SYR2`: `A := alpha*x*y^T + alpha*y*x^T + A`, `A` symmetric, one triangle
/// stored.
///
/// # Safety
/// As [`ger`].
#[allow(clippy::too_many_arguments)]
unsafe fn rank2<T: Elem>(
    herm: bool,
    uplo: u8,
    n: i32,
    alpha: T,
    x: *const T,
    incx: i32,
    y: *const T,
    incy: i32,
    a: *mut T,
    lda: i32,
) {
    let info = if bad_uplo(uplo) {
        1
    } else if n < 0 {
        2
    } else if incx == 0 {
        5
    } else if incy == 0 {
        7
    } else if lda < n.max(1) {
        9
    } else {
        0
    };
    if info != 0 {
        return fail::<T>(if herm { "HER2" } else { "SYR2" }, info);
    }
    if n == 0 || alpha == T::ZERO {
        return;
    }
    // SAFETY: the caller's contract.
    unsafe { symmetric_rank(herm, uplo, n, alpha, x, incx, Some((y, incy)), a, lda) }
}

/// `?SPR2`: `A := alpha*x*y^T + alpha*y*x^T + A`, `A` symmetric, one triangle
/// packed.
///
/// # Safety
/// As [`ger`].
#[allow(clippy::too_many_arguments)]
unsafe fn packed_rank2<T: Elem>(
    herm: bool,
    uplo: u8,
    n: i32,
    alpha: T,
    x: *const T,
    incx: i32,
    y: *const T,
    incy: i32,
    ap: *mut T,
) {
    let info = if bad_uplo(uplo) {
        1
    } else if n < 0 {
        2
    } else if incx == 0 {
        5
    } else if incy == 0 {
        7
    } else {
        0
    };
    if info != 0 {
        return fail::<T>(if herm { "HPR2" } else { "SPR2" }, info);
    }
    if n == 0 || alpha == T::ZERO {
        return;
    }
    // SAFETY: the caller's contract.
    unsafe { packed_rank(herm, uplo, n, alpha, x, incx, Some((y, incy)), ap) }
}

// ---------------------------------------------------------------------------
// The entry points by name: one generic body per shape serves the symmetric
// and Hermitian (and ger's u/c) forms.

/// Defines `pub(crate)` routines that forward to a generic body with a fixed
/// first argument.
macro_rules! forward {
    ($(
        $(#[$doc:meta])*
        fn $name:ident = $body:ident($flag:expr; $($arg:ident: $ty:ty),* $(,)?);
    )*) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        /// The reference BLAS contract for the routine (see its body).
        #[allow(clippy::too_many_arguments)]
        pub(crate) unsafe fn $name<T: Elem>($($arg: $ty),*) {
            // SAFETY: the caller's contract.
            unsafe { $body($flag, $($arg),*) }
        }
    )*};
}

forward! {
    /// `?SYMV`: `y := alpha*A*x + beta*y`, `A` symmetric, one triangle stored.
    fn symv = full_mv(false; uplo: u8, n: i32, alpha: T, a: *const T, lda: i32,
        x: *const T, incx: i32, beta: T, y: *mut T, incy: i32);
    /// `?HEMV`: `y := alpha*A*x + beta*y`, `A` Hermitian, one triangle stored
    /// (the diagonal's imaginary parts are not read).
    fn hemv = full_mv(true; uplo: u8, n: i32, alpha: T, a: *const T, lda: i32,
        x: *const T, incx: i32, beta: T, y: *mut T, incy: i32);
    /// `?SBMV`: `y := alpha*A*x + beta*y`, `A` symmetric band with `k`
    /// off-diagonals, one triangle stored.
    fn sbmv = band_mv(false; uplo: u8, n: i32, k: i32, alpha: T, a: *const T, lda: i32,
        x: *const T, incx: i32, beta: T, y: *mut T, incy: i32);
    /// `?HBMV`: as `?SBMV`, `A` Hermitian.
    fn hbmv = band_mv(true; uplo: u8, n: i32, k: i32, alpha: T, a: *const T, lda: i32,
        x: *const T, incx: i32, beta: T, y: *mut T, incy: i32);
    /// `?SPMV`: `y := alpha*A*x + beta*y`, `A` symmetric, one triangle packed.
    fn spmv = packed_mv(false; uplo: u8, n: i32, alpha: T, ap: *const T,
        x: *const T, incx: i32, beta: T, y: *mut T, incy: i32);
    /// `?HPMV`: as `?SPMV`, `A` Hermitian.
    fn hpmv = packed_mv(true; uplo: u8, n: i32, alpha: T, ap: *const T,
        x: *const T, incx: i32, beta: T, y: *mut T, incy: i32);
    /// `?GER` (real) and `?GERU` (complex): `A := alpha*x*y^T + A`, `A` m x n.
    fn ger = ger_either(false; m: i32, n: i32, alpha: T, x: *const T, incx: i32,
        y: *const T, incy: i32, a: *mut T, lda: i32);
    /// `?GERC`: `A := alpha*x*y^H + A`, `A` m x n.
    fn gerc = ger_either(true; m: i32, n: i32, alpha: T, x: *const T, incx: i32,
        y: *const T, incy: i32, a: *mut T, lda: i32);
    /// `?SYR`: `A := alpha*x*x^T + A`, `A` symmetric, one triangle stored.
    fn syr = rank1(false; uplo: u8, n: i32, alpha: T, x: *const T, incx: i32,
        a: *mut T, lda: i32);
    /// `?SPR`: `A := alpha*x*x^T + A`, `A` symmetric, one triangle packed.
    fn spr = packed_rank1(false; uplo: u8, n: i32, alpha: T, x: *const T, incx: i32,
        ap: *mut T);
    /// `?SYR2`: `A := alpha*x*y^T + alpha*y*x^T + A`, `A` symmetric, one
    /// triangle stored.
    fn syr2 = rank2(false; uplo: u8, n: i32, alpha: T, x: *const T, incx: i32,
        y: *const T, incy: i32, a: *mut T, lda: i32);
    /// `?HER2`: `A := alpha*x*y^H + conj(alpha)*y*x^H + A`, `A` Hermitian, one
    /// triangle stored; its diagonal comes out real.
    fn her2 = rank2(true; uplo: u8, n: i32, alpha: T, x: *const T, incx: i32,
        y: *const T, incy: i32, a: *mut T, lda: i32);
    /// `?SPR2`: `A := alpha*x*y^T + alpha*y*x^T + A`, `A` symmetric, one
    /// triangle packed.
    fn spr2 = packed_rank2(false; uplo: u8, n: i32, alpha: T, x: *const T, incx: i32,
        y: *const T, incy: i32, ap: *mut T);
    /// `?HPR2`: as `?HER2`, one triangle packed.
    fn hpr2 = packed_rank2(true; uplo: u8, n: i32, alpha: T, x: *const T, incx: i32,
        y: *const T, incy: i32, ap: *mut T);
}

/// `?HER`: `A := alpha*x*x^H + A` with `alpha` real, `A` Hermitian, one
/// triangle stored; its diagonal comes out real.
///
/// # Safety
/// The reference BLAS contract (see [`rank1`]).
pub(crate) unsafe fn her<T: Elem>(
    uplo: u8,
    n: i32,
    alpha: T::Real,
    x: *const T,
    incx: i32,
    a: *mut T,
    lda: i32,
) {
    // SAFETY: the caller's contract.
    unsafe { rank1(true, uplo, n, T::from_real(alpha), x, incx, a, lda) }
}

/// `?HPR`: as `?HER`, one triangle packed.
///
/// # Safety
/// The reference BLAS contract (see [`packed_rank1`]).
pub(crate) unsafe fn hpr<T: Elem>(
    uplo: u8,
    n: i32,
    alpha: T::Real,
    x: *const T,
    incx: i32,
    ap: *mut T,
) {
    // SAFETY: the caller's contract.
    unsafe { packed_rank1(true, uplo, n, T::from_real(alpha), x, incx, ap) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_extents() {
        // Packed order 4: 10 elements. Band upper k = 2, ld = 3, n = 4: up to
        // the last diagonal element, row 2 of column 3; lower: row 0 of it.
        let pk = Tri {
            upper: false,
            n: 4,
            storage: Storage::Packed,
        };
        assert_eq!(pk.extent(), 10);
        let bu = Tri {
            upper: true,
            n: 4,
            storage: Storage::Band { ld: 3, k: 2 },
        };
        assert_eq!(bu.extent(), 12);
        assert_eq!(Tri { upper: false, ..bu }.extent(), 10);
        // gbmv: 4 x 5, kl = 1, ku = 2, ld = 5: column 4 holds rows 2..4, the
        // last at ku + 3 - 4 + 4*5.
        assert_eq!(band_extent(4, 5, 1, 2, 5), 22);
        // 2 x 6, ku = 1, ld = 2: columns 3.. are empty; column 2 ends at
        // row 1, element ku + 1 - 2 + 2*2 = 4.
        assert_eq!(band_extent(2, 6, 0, 1, 2), 5);
    }

    #[test]
    fn gemv_loops_match_the_backend() {
        let (m, n, lda) = (7, 5, 9);
        let a: Vec<f64> = (0..lda * n).map(|k| ((k * 5) % 13) as f64 - 6.0).collect();
        for op in [Op::N, Op::T, Op::C] {
            let (lx, ly) = if op != Op::N { (m, n) } else { (n, m) };
            for (incx, incy) in [(1, 1), (-2, 3), (2, -1)] {
                let xs: Vec<f64> = (0..span(lx, incx)).map(|k| (k % 7) as f64 - 3.0).collect();
                let y0: Vec<f64> = (0..span(ly, incy)).map(|k| (k % 5) as f64).collect();
                let (mut y1, mut y2) = (y0.clone(), y0.clone());
                gemv_loops(op, m, n, 1.5, &a, lda, &xs, incx, 0.5, &mut y1, incy);
                assert!(gemv_backend(
                    op, m, n, 1.5, &a, lda, &xs, incx, 0.5, &mut y2, incy
                ));
                assert_eq!(y1, y2, "op={op:?} incx={incx} incy={incy}");
            }
        }
    }

    #[test]
    fn complex_gemv_loops_match_the_backend() {
        use oxpar_core::Complex64 as C;
        let (m, n, lda) = (6, 5, 8);
        let z = |k: usize| C::new(((k * 5) % 13) as f64 - 6.0, ((k * 3) % 7) as f64 - 3.0);
        let a: Vec<C> = (0..lda * n).map(z).collect();
        let (alpha, beta) = (C::new(1.5, -0.5), C::new(0.5, 0.25));
        for op in [Op::N, Op::T, Op::C] {
            let (lx, ly) = if op != Op::N { (m, n) } else { (n, m) };
            for (incx, incy) in [(1, 1), (-2, 3), (2, -1)] {
                let xs: Vec<C> = (0..span(lx, incx)).map(|k| z(k + 3)).collect();
                let y0: Vec<C> = (0..span(ly, incy)).map(|k| z(k + 7)).collect();
                let (mut y1, mut y2) = (y0.clone(), y0.clone());
                gemv_loops(op, m, n, alpha, &a, lda, &xs, incx, beta, &mut y1, incy);
                assert!(gemv_backend(
                    op, m, n, alpha, &a, lda, &xs, incx, beta, &mut y2, incy
                ));
                // Small integers: both are exact.
                assert_eq!(y1, y2, "op={op:?} incx={incx} incy={incy}");
            }
        }
    }
}
