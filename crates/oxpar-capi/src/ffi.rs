//! The only module that turns raw pointers from C into references, views,
//! strings, slices and handles (in the manner of rustls-ffi's `Castable`):
//! every other module of the C ABI goes through these checked helpers, so
//! the raw-pointer operations live here alone. Every check that names an
//! argument happens here, before any use.

use std::ffi::{c_char, CStr};

use oxpar::view::{normalize_inc, normalize_strides, validate_matrix, validate_vector};
use oxpar::{BandRef, Element, Error, MatMut, MatRef, PackedMut, PackedRef, Uplo, VecMut, VecRef};

use crate::context::oxpar_context;
use crate::status::CapiError;

/// The context behind a handle.
///
/// # Safety
/// `ctx` is NULL or a live handle from `oxpar_context_create`.
pub(crate) unsafe fn context<'a>(
    ctx: *const oxpar_context,
) -> Result<&'a oxpar_context, CapiError> {
    // SAFETY: non-null handles are live contexts (the caller's contract).
    unsafe { ctx.as_ref() }
        .ok_or_else(|| CapiError::null("ctx", "is NULL (create one with oxpar_context_create)"))
}

/// A scalar passed by pointer (`alpha`, `beta`).
///
/// # Safety
/// `p` is NULL or points to a readable `T`.
pub(crate) unsafe fn scalar<T: Element>(p: *const T, name: &str) -> Result<T, CapiError> {
    if p.is_null() {
        return Err(CapiError::null(
            name,
            "is NULL (scalars are passed by pointer)",
        ));
    }
    // SAFETY: non-null, and readable per the caller's contract.
    Ok(unsafe { p.read_unaligned() })
}

/// Checks an output pointer for a scalar result.
pub(crate) fn out_ptr<T>(p: *mut T, name: &str) -> Result<*mut T, CapiError> {
    if p.is_null() {
        return Err(CapiError::null(
            name,
            "is NULL (the result has nowhere to go)",
        ));
    }
    Ok(p)
}

/// Writes a scalar result (called only once everything has succeeded).
///
/// # Safety
/// `p` passed [`out_ptr`] and points to writable memory for a `T`.
pub(crate) unsafe fn write_out<T>(p: *mut T, value: T) {
    // SAFETY: checked non-null; writable per the caller's contract.
    unsafe { p.write_unaligned(value) }
}

// ---------------------------------------------------------------------------
// Handles (opaque objects C holds as `Box::into_raw` pointers), C strings and
// raw slices.

/// The object behind a handle argument.
///
/// # Safety
/// `p` is NULL or a live handle of type `H` not written during `'a`.
pub(crate) unsafe fn handle<'a, H>(p: *const H, name: &str) -> Result<&'a H, CapiError> {
    // SAFETY: non-null handles are live (the caller's contract).
    unsafe { p.as_ref() }.ok_or_else(|| CapiError::null(name, "is NULL"))
}

/// The object behind a handle argument the call changes.
///
/// # Safety
/// `p` is NULL or a live handle of type `H` used by nothing else during `'a`.
pub(crate) unsafe fn handle_mut<'a, H>(p: *mut H, name: &str) -> Result<&'a mut H, CapiError> {
    // SAFETY: non-null handles are live and not shared (the caller's contract).
    unsafe { p.as_mut() }.ok_or_else(|| CapiError::null(name, "is NULL"))
}

/// Hands `value` to C as a new handle stored in `*out` (which passed
/// [`out_ptr`]); C frees it with [`free_handle`].
///
/// # Safety
/// `out` is writable.
pub(crate) unsafe fn give_handle<H>(out: *mut *mut H, value: H) {
    // SAFETY: the caller's contract.
    unsafe { write_out(out, Box::into_raw(Box::new(value))) };
}

/// Frees a handle made by [`give_handle`]; NULL is a no-op. A panic in the
/// object's destructor is caught (nothing is reported: free functions
/// return nothing).
///
/// # Safety
/// `p` is NULL or a live handle of type `H`, freed once, in use by nothing
/// else.
pub(crate) unsafe fn free_handle<H>(p: *mut H) {
    if !p.is_null() {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            // SAFETY: a live handle made by Box::into_raw, freed once.
            drop(unsafe { Box::from_raw(p) });
        }));
    }
}

/// A NUL-terminated UTF-8 string argument; `None` for NULL.
///
/// # Safety
/// `p` is NULL or NUL-terminated and unchanged during `'a`.
pub(crate) unsafe fn opt_str<'a>(
    p: *const c_char,
    name: &str,
) -> Result<Option<&'a str>, CapiError> {
    if p.is_null() {
        return Ok(None);
    }
    // SAFETY: non-null and NUL-terminated per the caller's contract.
    let text = unsafe { CStr::from_ptr(p) };
    text.to_str()
        .map(Some)
        .map_err(|_| CapiError::invalid(name, "is not valid UTF-8"))
}

/// A NUL-terminated UTF-8 string argument that must not be NULL.
///
/// # Safety
/// As [`opt_str`].
pub(crate) unsafe fn text<'a>(p: *const c_char, name: &str) -> Result<&'a str, CapiError> {
    // SAFETY: the caller's contract.
    unsafe { opt_str(p, name) }?.ok_or_else(|| CapiError::null(name, "is NULL"))
}

/// A message from C (NUL-terminated, any bytes: invalid UTF-8 is replaced);
/// `None` for NULL.
///
/// # Safety
/// `p` is NULL or NUL-terminated.
pub(crate) unsafe fn lossy_text(p: *const c_char) -> Option<String> {
    // SAFETY: non-null and NUL-terminated per the caller's contract.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

/// `n` elements at `p` (which is non-null and aligned, checked by the
/// caller), read-only.
///
/// # Safety
/// The `n` elements are readable and not written during `'a`.
pub(crate) unsafe fn slice<'a, T>(p: *const T, n: usize) -> &'a [T] {
    if n == 0 {
        return &[];
    }
    // SAFETY: the caller's contract.
    unsafe { std::slice::from_raw_parts(p, n) }
}

/// `n` elements at `p` (non-null and aligned, checked by the caller), written.
///
/// # Safety
/// The `n` elements are writable and used by nothing else during `'a`.
pub(crate) unsafe fn slice_mut<'a, T>(p: *mut T, n: usize) -> &'a mut [T] {
    if n == 0 {
        return &mut [];
    }
    // SAFETY: the caller's contract.
    unsafe { std::slice::from_raw_parts_mut(p, n) }
}

fn vector_checks<T>(
    ptr: *const T,
    n: usize,
    inc: isize,
    names: [&str; 2],
    written: bool,
) -> Result<(), CapiError> {
    if n > 0 && ptr.is_null() {
        return Err(CapiError::null(names[0], format!("is NULL but n = {n}")));
    }
    Ok(validate_vector(ptr, n, inc, names[0], names[1], written)?)
}

/// A read-only vector: `names = [array, increment]`, e.g. `["x", "incx"]`.
/// Any increment is accepted, 0 included (one element read `n` times).
///
/// # Safety
/// For `'a`, the `n` elements at `ptr + i*inc` are readable and not written.
pub(crate) unsafe fn vec_ref<'a, T: Element>(
    ptr: *const T,
    n: usize,
    inc: isize,
    names: [&str; 2],
) -> Result<VecRef<'a, T>, CapiError> {
    vector_checks(ptr, n, inc, names, false)?;
    // SAFETY: checked above; validity of the memory is the caller's contract.
    Ok(unsafe { VecRef::from_raw_unchecked(ptr, n, normalize_inc(n, inc)) })
}

/// A mutable vector: its increment must be non-zero when `n > 1`.
///
/// # Safety
/// For `'a`, the `n` elements at `ptr + i*inc` are writable and used by
/// nobody else.
pub(crate) unsafe fn vec_mut<'a, T: Element>(
    ptr: *mut T,
    n: usize,
    inc: isize,
    names: [&str; 2],
) -> Result<VecMut<'a, T>, CapiError> {
    vector_checks(ptr, n, inc, names, true)?;
    // SAFETY: as vec_ref, and a non-zero stride (checked) means no self-overlap.
    Ok(unsafe { VecMut::from_raw_unchecked(ptr, n, normalize_inc(n, inc)) })
}

fn matrix_checks<T>(
    ptr: *const T,
    m: usize,
    n: usize,
    (rs, cs): (isize, isize),
    names: [&str; 3],
    written: bool,
) -> Result<(), CapiError> {
    if m > 0 && n > 0 && ptr.is_null() {
        return Err(CapiError::null(
            names[0],
            format!("is NULL but the matrix is {m}x{n}"),
        ));
    }
    Ok(validate_matrix(ptr, m, n, rs, cs, names, written)?)
}

/// A read-only matrix: `names = [array, row stride, column stride]`. Any
/// strides are accepted, zero and self-overlapping ones included.
///
/// # Safety
/// For `'a`, every element `ptr + i*rs + j*cs` is readable and not written.
pub(crate) unsafe fn mat_ref<'a, T: Element>(
    ptr: *const T,
    m: usize,
    n: usize,
    rs: isize,
    cs: isize,
    names: [&str; 3],
) -> Result<MatRef<'a, T>, CapiError> {
    matrix_checks(ptr, m, n, (rs, cs), names, false)?;
    let (rs, cs) = normalize_strides(m, n, rs, cs);
    // SAFETY: checked above; validity of the memory is the caller's contract.
    Ok(unsafe { MatRef::from_raw_unchecked(ptr, m, n, rs, cs) })
}

/// A mutable matrix: no two of its elements may share an address (decided
/// exactly).
///
/// # Safety
/// For `'a`, every element is writable and used by nobody else.
pub(crate) unsafe fn mat_mut<'a, T: Element>(
    ptr: *mut T,
    m: usize,
    n: usize,
    rs: isize,
    cs: isize,
    names: [&str; 3],
) -> Result<MatMut<'a, T>, CapiError> {
    matrix_checks(ptr, m, n, (rs, cs), names, true)?;
    let (rs, cs) = normalize_strides(m, n, rs, cs);
    // SAFETY: checked above, including that no two elements share an address.
    Ok(unsafe { MatMut::from_raw_unchecked(ptr, m, n, rs, cs) })
}

/// A band matrix in LAPACK band storage as C passed it: the elements it
/// spans (for the aliasing rules and private copies) and its shape.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Band<'a, T> {
    data: &'a [T],
    m: usize,
    n: usize,
    kl: usize,
    ku: usize,
    ld: usize,
}

/// How many elements a band in LAPACK storage spans, up to its last stored
/// element (0 when empty); `None` when that overflows.
fn band_len(m: usize, n: usize, kl: usize, ku: usize, ld: usize) -> Option<usize> {
    if m == 0 || n == 0 {
        return Some(0);
    }
    // The last stored element: the last column that meets the band, its last
    // band row; element (i, j) is at ku + i - j + j*ld.
    let j = (n - 1).min((m - 1).saturating_add(ku));
    let i = (m - 1).min(j.saturating_add(kl));
    let row = ku.checked_add(i)? - j;
    j.checked_mul(ld)?.checked_add(row)?.checked_add(1)
}

/// A read-only `m x n` band with `kl` sub- and `ku` super-diagonals in
/// LAPACK band storage: column `j` of the band in column `j` of a
/// column-major array with leading dimension `ld >= kl + ku + 1`, element
/// `(i, j)` in its row `ku + i - j`. `names = [array, leading dimension,
/// band width]` (the width argument named when `kl + ku + 1` overflows).
///
/// # Safety
/// For `'a`, the elements up to the band's last stored one are readable and
/// not written.
pub(crate) unsafe fn band_ref<'a, T: Element>(
    ptr: *const T,
    (m, n): (usize, usize),
    (kl, ku): (usize, usize),
    ld: isize,
    names: [&str; 3],
) -> Result<Band<'a, T>, CapiError> {
    let rows = kl
        .checked_add(ku)
        .and_then(|k| k.checked_add(1))
        .ok_or_else(|| {
            CapiError::invalid(
                names[2],
                format!("the band's rows overflow (kl = {kl}, ku = {ku})"),
            )
        })?;
    let ld = usize::try_from(ld)
        .ok()
        .filter(|&ld| ld >= rows)
        .ok_or_else(|| {
            Error::invalid_stride(
                names[1],
                format!("{ld}, but a band with kl = {kl} and ku = {ku} needs at least {rows}"),
            )
        })?;
    let len = band_len(m, n, kl, ku, ld).ok_or_else(|| {
        Error::invalid_stride(names[1], "the band reaches beyond the address space")
    })?;
    if len > 0 && ptr.is_null() {
        return Err(CapiError::null(
            names[0],
            format!("is NULL but the band is {m}x{n}"),
        ));
    }
    validate_vector(ptr, len, 1, names[0], names[1], false)?;
    // SAFETY: non-null and aligned when len > 0 (checked); readable per the
    // caller's contract.
    let data = unsafe { slice(ptr, len) };
    Ok(Band {
        data,
        m,
        n,
        kl,
        ku,
        ld,
    })
}

impl<'a, T: Element> Band<'a, T> {
    /// The elements the band spans.
    pub(crate) fn data(&self) -> &'a [T] {
        self.data
    }

    /// The view to compute with: over the caller's memory, or over the
    /// private copy [`detach_slice`] made.
    pub(crate) fn view<'b>(&self, copy: &'b Option<Vec<T>>) -> BandRef<'b, T>
    where
        'a: 'b,
    {
        let data = copy.as_deref().unwrap_or(self.data);
        BandRef::from_blas(data, self.m, self.n, self.kl, self.ku, self.ld)
            .expect("a band checked by band_ref")
    }
}

/// One packed triangle as C passed it (see [`packed_ref`]).
#[derive(Copy, Clone, Debug)]
pub(crate) struct Packed<'a, T> {
    data: &'a [T],
    n: usize,
    uplo: Uplo,
}

/// The elements of a packed triangle of order `n`.
fn packed_len(n: usize, name: &str) -> Result<usize, CapiError> {
    n.checked_add(1)
        .and_then(|k| k.checked_mul(n))
        .map(|k| k / 2)
        .ok_or_else(|| {
            CapiError::from(Error::invalid_stride(
                name,
                format!("a packed triangle of order {n} reaches beyond the address space"),
            ))
        })
}

fn packed_checks<T>(
    ptr: *const T,
    n: usize,
    name: &str,
    written: bool,
) -> Result<usize, CapiError> {
    let len = packed_len(n, name)?;
    if len > 0 && ptr.is_null() {
        return Err(CapiError::null(name, format!("is NULL but n = {n}")));
    }
    // Contiguous: the elements are distinct, only alignment and the address
    // space are left to check.
    validate_vector(ptr, len, 1, name, name, written)?;
    Ok(len)
}

/// The read-only `uplo` triangle of an `n x n` matrix in packed storage
/// (`n*(n+1)/2` contiguous elements, the triangle's columns one after
/// another).
///
/// # Safety
/// For `'a`, the `n*(n+1)/2` elements at `ptr` are readable and not written.
pub(crate) unsafe fn packed_ref<'a, T: Element>(
    ptr: *const T,
    n: usize,
    uplo: Uplo,
    name: &str,
) -> Result<Packed<'a, T>, CapiError> {
    let len = packed_checks(ptr, n, name, false)?;
    // SAFETY: checked above; readable per the caller's contract.
    let data = unsafe { slice(ptr, len) };
    Ok(Packed { data, n, uplo })
}

impl<'a, T: Element> Packed<'a, T> {
    /// The elements of the triangle.
    pub(crate) fn data(&self) -> &'a [T] {
        self.data
    }

    /// As [`Band::view`].
    pub(crate) fn view<'b>(&self, copy: &'b Option<Vec<T>>) -> PackedRef<'b, T>
    where
        'a: 'b,
    {
        let data = copy.as_deref().unwrap_or(self.data);
        PackedRef::from_blas(data, self.n, self.uplo).expect("a triangle checked by packed_ref")
    }
}

/// As [`packed_ref`], written; with the operand its elements are, for the
/// aliasing rules of the inputs.
///
/// # Safety
/// For `'a`, the `n*(n+1)/2` elements at `ptr` are writable and used by
/// nobody else.
pub(crate) unsafe fn packed_mut<'a, T: Element>(
    ptr: *mut T,
    n: usize,
    uplo: Uplo,
    name: &str,
) -> Result<(PackedMut<'a, T>, Operand), CapiError> {
    let len = packed_checks(ptr, n, name, true)?;
    // SAFETY: checked above; writable and exclusive per the caller's contract.
    let data = unsafe { slice_mut(ptr, len) };
    let operand = Operand::slice(data);
    Ok((PackedMut::from_blas(data, n, uplo)?, operand))
}

/// Where an operand's elements are, for the aliasing rules: element `(i, j)`
/// is at byte address `ptr + (i*rs + j*cs) * size` (a vector is `n x 1`).
#[derive(Copy, Clone, Debug)]
pub(crate) struct Operand {
    ptr: isize,
    size: isize,
    dims: [(usize, isize); 2],
}

impl Operand {
    /// The elements of a vector view.
    pub(crate) fn vector<T: Element>(v: VecRef<'_, T>) -> Self {
        Operand {
            ptr: v.as_ptr() as isize,
            size: std::mem::size_of::<T>() as isize,
            dims: [(v.len(), v.inc()), (1, 1)],
        }
    }

    /// The elements of a matrix view.
    pub(crate) fn matrix<T: Element>(a: MatRef<'_, T>) -> Self {
        Operand {
            ptr: a.as_ptr() as isize,
            size: std::mem::size_of::<T>() as isize,
            dims: [(a.nrows(), a.rs()), (a.ncols(), a.cs())],
        }
    }

    /// The elements of a contiguous slice.
    pub(crate) fn slice<T>(data: &[T]) -> Self {
        Operand {
            ptr: data.as_ptr() as isize,
            size: std::mem::size_of::<T>() as isize,
            dims: [(data.len(), 1), (1, 1)],
        }
    }

    fn is_empty(&self) -> bool {
        self.dims.iter().any(|&(d, _)| d == 0)
    }

    /// `(first byte, count, byte step)` of a vector, or of a matrix with one
    /// column or one row; `None` for other matrices.
    fn as_progression(&self) -> Option<(isize, usize, isize)> {
        match self.dims {
            [(n, s), (1, _)] | [(1, _), (n, s)] => Some((self.ptr, n, s * self.size)),
            _ => None,
        }
    }

    /// The byte range `[lo, hi)` the operand touches (extents were validated
    /// to fit the address space).
    fn span(&self) -> (isize, isize) {
        let (mut lo, mut hi) = (self.ptr, self.ptr);
        for (d, s) in self.dims {
            let reach = (d as isize - 1) * s * self.size;
            if reach < 0 {
                lo += reach;
            } else {
                hi += reach;
            }
        }
        (lo, hi + self.size)
    }
}

/// Whether `a` and `b` may have an element at the same address: exact for
/// two vectors (or single rows/columns) and for two blocks of one matrix with
/// the same strides; otherwise true whenever their address ranges meet, so a
/// `false` is always a proof that they share nothing.
pub(crate) fn may_share(a: &Operand, b: &Operand) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let ((alo, ahi), (blo, bhi)) = (a.span(), b.span());
    if ahi <= blo || bhi <= alo {
        return false;
    }
    if let (Some(pa), Some(pb)) = (a.as_progression(), b.as_progression()) {
        return progressions_meet(pa, pb);
    }
    if a.size == b.size {
        if let Some(exact) = same_stride_blocks_meet(a, b) {
            return exact;
        }
    }
    true
}

/// Whether the byte addresses `p + i*s` (`i < n`) and `q + j*t` (`j < m`)
/// have one in common: a linear Diophantine equation `i*s - j*t = q - p`
/// solved in the box `0 <= i < n`, `0 <= j < m`.
fn progressions_meet((p, n, s): (isize, usize, isize), (q, m, t): (isize, usize, isize)) -> bool {
    let (p, s, q, t) = (p as i128, s as i128, q as i128, t as i128);
    let (n, m) = (n as i128, m as i128);
    // Make the steps non-negative by running a progression backwards.
    let (p, s) = if s < 0 { (p + (n - 1) * s, -s) } else { (p, s) };
    let (q, t) = if t < 0 { (q + (m - 1) * t, -t) } else { (q, t) };
    let d = q - p;
    match (s == 0 || n == 1, t == 0 || m == 1) {
        (true, true) => d == 0,
        // One fixed address p: is p - q = j*t for some j < m?
        (true, false) => -d >= 0 && (-d) % t == 0 && -d / t < m,
        (false, true) => d >= 0 && d % s == 0 && d / s < n,
        (false, false) => {
            // i*s - j*t = d: solutions i = i0 + k*t/g, j = j0 + k*s/g.
            let (g, x, _) = ext_gcd(s, t);
            if d % g != 0 {
                return false;
            }
            let (ti, sj) = (t / g, s / g);
            // The solution with the smallest i >= 0, and its j (exact division).
            let i0 = (x * (d / g)).rem_euclid(ti);
            let j0 = (s * i0 - d) / t;
            // 0 <= i0 + k*ti <= n-1 and 0 <= j0 + k*sj <= m-1, with ti, sj > 0.
            let lo = div_ceil(-i0, ti).max(div_ceil(-j0, sj));
            let hi = div_floor(n - 1 - i0, ti).min(div_floor(m - 1 - j0, sj));
            lo <= hi
        }
    }
}

/// `(g, x, y)` with `a*x + b*y = g = gcd(a, b)`, for `a, b > 0`.
fn ext_gcd(a: i128, b: i128) -> (i128, i128, i128) {
    if b == 0 {
        (a, 1, 0)
    } else {
        let (g, x, y) = ext_gcd(b, a % b);
        (g, y, x - (a / b) * y)
    }
}

fn div_floor(a: i128, b: i128) -> i128 {
    a.div_euclid(b)
}

fn div_ceil(a: i128, b: i128) -> i128 {
    -((-a).div_euclid(b))
}

/// Blocks of one array with the same positive strides (LU's
/// `A22 -= A21*A12`) share no element although their address ranges
/// interleave. When both operands have the same positive strides and neither
/// wraps past its leading dimension, the offset between them decomposes into
/// a row and a column shift and the answer is exact; otherwise `None`.
fn same_stride_blocks_meet(a: &Operand, b: &Operand) -> Option<bool> {
    let [(ma, rs), (na, cs)] = a.dims;
    let [(mb, rsb), (nb, csb)] = b.dims;
    if (rs, cs) != (rsb, csb) || rs <= 0 || cs <= 0 {
        return None;
    }
    // Put the unit (smaller) stride first: element (i, j) sits at i*unit + j*big.
    let (unit, big, (ma, na), (mb, nb)) = if rs <= cs {
        (rs, cs, (ma, na), (mb, nb))
    } else {
        (cs, rs, (na, ma), (nb, mb))
    };
    let (unit_u, big_u) = (unit.unsigned_abs(), big.unsigned_abs());
    if big_u % unit_u != 0 || ma * unit_u > big_u || mb * unit_u > big_u {
        return None;
    }
    let bytes = b.ptr - a.ptr;
    if bytes % a.size != 0 || (bytes / a.size) % unit != 0 {
        return Some(false); // no element of one lands on an element of the other
    }
    let lead = big / unit;
    let d = bytes / a.size / unit;
    let (dj, di) = (d.div_euclid(lead), d.rem_euclid(lead));
    let meet = |di: isize, dj: isize| {
        let rows = di < ma as isize && di + mb as isize > 0;
        let cols = dj < na as isize && dj + nb as isize > 0;
        rows && cols
    };
    Some(meet(di, dj) || meet(di - lead, dj + 1))
}

/// An input vector as the routine should read it: `None` when it shares no
/// element with any output (use the caller's memory), else a private copy of
/// its elements, so that the result is as if every input were read before
/// any output is written.
pub(crate) fn detach_vec<T: Element>(x: VecRef<'_, T>, outputs: &[Operand]) -> Option<Vec<T>> {
    let me = Operand::vector(x);
    outputs
        .iter()
        .any(|o| may_share(&me, o))
        .then(|| x.iter().collect())
}

/// As [`detach_vec`] for a matrix; the copy is column-major with leading
/// dimension `max(1, nrows)`.
pub(crate) fn detach_mat<T: Element>(a: MatRef<'_, T>, outputs: &[Operand]) -> Option<Vec<T>> {
    let me = Operand::matrix(a);
    outputs.iter().any(|o| may_share(&me, o)).then(|| {
        (0..a.ncols())
            .flat_map(|j| (0..a.nrows()).map(move |i| a.get(i, j)))
            .collect()
    })
}

/// As [`detach_vec`] for the contiguous elements of a band or a packed
/// triangle ([`Band::data`], [`Packed::data`]): the copy is of them all.
pub(crate) fn detach_slice<T: Element>(data: &[T], outputs: &[Operand]) -> Option<Vec<T>> {
    let me = Operand::slice(data);
    outputs
        .iter()
        .any(|o| may_share(&me, o))
        .then(|| data.to_vec())
}

/// The view to compute with: the caller's, or one over its private copy.
pub(crate) fn read_vec<'a, T: Element>(
    x: VecRef<'a, T>,
    copy: &'a Option<Vec<T>>,
) -> VecRef<'a, T> {
    copy.as_deref().map_or(x, VecRef::from_slice)
}

/// As [`read_vec`] for a matrix copied by [`detach_mat`].
pub(crate) fn read_mat<'a, T: Element>(
    a: MatRef<'a, T>,
    copy: &'a Option<Vec<T>>,
) -> MatRef<'a, T> {
    match copy.as_deref() {
        None => a,
        Some(c) => MatRef::col_major(c, a.nrows(), a.ncols(), a.nrows().max(1))
            .expect("a column-major copy of the right size"),
    }
}

/// Refuses two written operands that share an element (the result would
/// depend on which write lands last).
pub(crate) fn exclusive_outputs(
    (a_name, a): (&str, Operand),
    (b_name, b): (&str, Operand),
) -> Result<(), CapiError> {
    if may_share(&a, &b) {
        return Err(CapiError::invalid(
            b_name,
            format!(
                "shares elements with {a_name}; both are written, so they must not overlap \
                 (unless they are the very same vector, which is allowed)"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn vector_at(base: isize, n: usize, inc: isize) -> Operand {
        Operand {
            ptr: base * 8,
            size: 8,
            dims: [(n, inc), (1, 1)],
        }
    }

    fn matrix_at(base: isize, m: usize, n: usize, rs: isize, cs: isize) -> Operand {
        Operand {
            ptr: base * 8,
            size: 8,
            dims: [(m, rs), (n, cs)],
        }
    }

    fn addresses(o: &Operand) -> HashSet<isize> {
        let [(m, rs), (n, cs)] = o.dims;
        let mut set = HashSet::new();
        for i in 0..m as isize {
            for j in 0..n as isize {
                set.insert(o.ptr + (i * rs + j * cs) * o.size);
            }
        }
        set
    }

    #[test]
    fn band_len_reaches_the_last_stored_element() {
        for (m, n, kl, ku, extra) in (0..6).flat_map(|m| {
            (0..6).flat_map(move |n| {
                (0..4).flat_map(move |kl| {
                    (0..4).flat_map(move |ku| (0..2).map(move |e| (m, n, kl, ku, e)))
                })
            })
        }) {
            let ld = kl + ku + 1 + extra;
            let want = (0..m)
                .flat_map(|i| (0..n).map(move |j| (i, j)))
                .filter(|&(i, j)| j <= i + ku && i <= j + kl)
                .map(|(i, j)| ku + i - j + j * ld + 1)
                .max()
                .unwrap_or(0);
            assert_eq!(
                band_len(m, n, kl, ku, ld),
                Some(want),
                "{m}x{n} kl {kl} ku {ku} ld {ld}"
            );
            // The view over exactly that many elements is accepted.
            let data = vec![0.0f64; want];
            assert!(BandRef::from_blas(&data, m, n, kl, ku, ld).is_ok());
        }
        assert_eq!(band_len(usize::MAX / 2, usize::MAX / 2, 0, 0, 4), None);
    }

    #[test]
    fn band_and_packed_arguments_are_checked() {
        let data = [1.0f64; 16];
        // SAFETY: the band (4x4, kl = ku = 1, ld 3) spans 11 of the 16 elements.
        let band =
            unsafe { band_ref(data.as_ptr(), (4, 4), (1, 1), 3, ["a", "lda", "kl"]) }.unwrap();
        assert_eq!(band.data().len(), 11);
        assert_eq!(band.view(&None).get(3, 2), 1.0);
        let copy = Some(vec![2.0; 11]);
        assert_eq!(band.view(&copy).get(3, 2), 2.0);
        // SAFETY: every call below fails its checks before reading anything.
        unsafe {
            let e = band_ref(data.as_ptr(), (4, 4), (1, 1), 2, ["a", "lda", "kl"]).unwrap_err();
            assert!(e.message.starts_with("lda:"), "{}", e.message);
            let e =
                band_ref(data.as_ptr(), (4, 4), (usize::MAX, 1), 3, ["a", "lda", "k"]).unwrap_err();
            assert!(e.message.starts_with("k:"), "{}", e.message);
            let e = band_ref::<f64>(std::ptr::null(), (4, 4), (1, 1), 3, ["a", "lda", "kl"])
                .unwrap_err();
            assert!(e.message.starts_with("a:"), "{}", e.message);
            let e = packed_ref::<f64>(std::ptr::null(), 2, Uplo::Upper, "ap").unwrap_err();
            assert!(e.message.starts_with("ap:"), "{}", e.message);
            assert!(packed_ref(data.as_ptr(), usize::MAX, Uplo::Lower, "ap").is_err());
        }
        // Empty ones may be NULL.
        // SAFETY: nothing is read.
        unsafe {
            assert!(
                band_ref::<f64>(std::ptr::null(), (0, 4), (1, 1), 3, ["a", "lda", "kl"]).is_ok()
            );
            assert!(packed_ref::<f64>(std::ptr::null(), 0, Uplo::Upper, "ap").is_ok());
        }
    }

    #[test]
    fn vectors_are_decided_exactly() {
        // Every pair of small progressions, against enumeration.
        for (p, q) in [(0, 0), (0, 1), (0, 5), (3, 0), (7, 2)] {
            for n in 0..6 {
                for m in 0..6 {
                    for s in -4..=4 {
                        for t in -4..=4 {
                            let (a, b) = (vector_at(p, n, s), vector_at(q, m, t));
                            let truth = !addresses(&a).is_disjoint(&addresses(&b));
                            assert_eq!(may_share(&a, &b), truth, "{a:?} {b:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn may_share_never_misses_a_shared_element() {
        // Matrices: the answer may be conservative, never wrong the other way.
        for base in 0..12 {
            for (m, n, rs, cs) in [
                (3, 4, 1, 5),
                (2, 3, 4, 1),
                (3, 3, 2, 7),
                (4, 2, -1, 6),
                (2, 2, 0, 3),
            ] {
                let a = matrix_at(0, 4, 4, 1, 5);
                let b = matrix_at(base, m, n, rs, cs);
                if !addresses(&a).is_disjoint(&addresses(&b)) {
                    assert!(may_share(&a, &b), "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn blocks_of_one_matrix_are_told_apart_exactly() {
        // A 6x6 column-major matrix (ld 6) split at row 2 and column 2, as in LU:
        // A22 (4x4 at (2,2)), A21 (4x2 at (2,0)), A12 (2x4 at (0,2)).
        let at = |i: isize, j: isize| i + 6 * j;
        let a22 = matrix_at(at(2, 2), 4, 4, 1, 6);
        assert!(!may_share(&a22, &matrix_at(at(2, 0), 4, 2, 1, 6)));
        assert!(!may_share(&a22, &matrix_at(at(0, 2), 2, 4, 1, 6)));
        assert!(
            may_share(&a22, &matrix_at(at(3, 1), 3, 2, 1, 6)),
            "shares (3..6, 2)"
        );
        assert!(
            may_share(&a22, &matrix_at(at(0, 0), 3, 3, 1, 6)),
            "shares (2, 2)"
        );
        // The same blocks of a row-major matrix (strides swapped).
        let atr = |i: isize, j: isize| 6 * i + j;
        let a22r = matrix_at(atr(2, 2), 4, 4, 6, 1);
        assert!(!may_share(&a22r, &matrix_at(atr(2, 0), 4, 2, 6, 1)));
        assert!(!may_share(&a22r, &matrix_at(atr(0, 2), 2, 4, 6, 1)));
        assert!(may_share(&a22r, &matrix_at(atr(2, 1), 4, 2, 6, 1)));
    }
}
