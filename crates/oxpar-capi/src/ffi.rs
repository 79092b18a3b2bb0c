//! The only module that turns raw pointers from C into references and views.
//! Every check that names an argument happens here, before any use.

use oxpar::view::{validate_matrix, validate_vector};
use oxpar::{MatMut, MatRef, Scalar, VecMut, VecRef};

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
pub(crate) unsafe fn scalar<T: Scalar>(p: *const T, name: &str) -> Result<T, CapiError> {
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

fn vector_checks<T>(
    ptr: *const T,
    n: usize,
    inc: isize,
    names: [&str; 2],
) -> Result<(), CapiError> {
    if n > 0 && ptr.is_null() {
        return Err(CapiError::null(names[0], format!("is NULL but n = {n}")));
    }
    Ok(validate_vector(ptr, n, inc, names[0], names[1])?)
}

/// A read-only vector: `names = [array, increment]`, e.g. `["x", "incx"]`.
///
/// # Safety
/// For `'a`, the `n` elements at `ptr + i*inc` are readable and not written.
pub(crate) unsafe fn vec_ref<'a, T: Scalar>(
    ptr: *const T,
    n: usize,
    inc: isize,
    names: [&str; 2],
) -> Result<VecRef<'a, T>, CapiError> {
    vector_checks(ptr, n, inc, names)?;
    // SAFETY: checked above; validity of the memory is the caller's contract.
    Ok(unsafe { VecRef::from_raw_unchecked(ptr, n, inc) })
}

/// A mutable vector.
///
/// # Safety
/// For `'a`, the `n` elements at `ptr + i*inc` are writable and used by
/// nobody else.
pub(crate) unsafe fn vec_mut<'a, T: Scalar>(
    ptr: *mut T,
    n: usize,
    inc: isize,
    names: [&str; 2],
) -> Result<VecMut<'a, T>, CapiError> {
    vector_checks(ptr, n, inc, names)?;
    // SAFETY: as vec_ref, and a non-zero stride (checked) means no self-overlap.
    Ok(unsafe { VecMut::from_raw_unchecked(ptr, n, inc) })
}

fn matrix_checks<T>(
    ptr: *const T,
    m: usize,
    n: usize,
    rs: isize,
    cs: isize,
    names: [&str; 3],
) -> Result<(), CapiError> {
    if m > 0 && n > 0 && ptr.is_null() {
        return Err(CapiError::null(
            names[0],
            format!("is NULL but the matrix is {m}x{n}"),
        ));
    }
    // Inputs too: a leading dimension smaller than the rows is a caller's bug.
    Ok(validate_matrix(ptr, m, n, rs, cs, names, true)?)
}

/// A read-only matrix: `names = [array, row stride, column stride]`.
///
/// # Safety
/// For `'a`, every element `ptr + i*rs + j*cs` is readable and not written.
pub(crate) unsafe fn mat_ref<'a, T: Scalar>(
    ptr: *const T,
    m: usize,
    n: usize,
    rs: isize,
    cs: isize,
    names: [&str; 3],
) -> Result<MatRef<'a, T>, CapiError> {
    matrix_checks(ptr, m, n, rs, cs, names)?;
    // SAFETY: checked above; validity of the memory is the caller's contract.
    Ok(unsafe { MatRef::from_raw_unchecked(ptr, m, n, rs, cs) })
}

/// A mutable matrix.
///
/// # Safety
/// For `'a`, every element is writable and used by nobody else.
pub(crate) unsafe fn mat_mut<'a, T: Scalar>(
    ptr: *mut T,
    m: usize,
    n: usize,
    rs: isize,
    cs: isize,
    names: [&str; 3],
) -> Result<MatMut<'a, T>, CapiError> {
    matrix_checks(ptr, m, n, rs, cs, names)?;
    // SAFETY: checked above, including that no two elements share an address.
    Ok(unsafe { MatMut::from_raw_unchecked(ptr, m, n, rs, cs) })
}

/// The byte range `[lo, hi)` an operand touches, or `None` when empty.
/// Dimensions are (length, stride) pairs in elements.
pub(crate) fn span<T>(ptr: *const T, dims: &[(usize, isize)]) -> Option<(usize, usize)> {
    if dims.iter().any(|&(d, _)| d == 0) {
        return None;
    }
    let size = std::mem::size_of::<T>() as isize;
    let (mut lo, mut hi) = (ptr as isize, ptr as isize);
    for &(d, s) in dims {
        // Extents were validated to fit the address space.
        let reach = (d as isize - 1) * s * size;
        if reach < 0 {
            lo += reach;
        } else {
            hi += reach;
        }
    }
    Some((lo as usize, hi as usize + size as usize))
}

/// Refuses an output vector that shares an element with an input vector.
/// Interleaved vectors (same stride, offsets that differ by a non-multiple
/// of it, as `v(1:9:2)` and `v(2:10:2)` in Fortran) share no element and are
/// accepted; other layouts fall back to comparing address ranges.
pub(crate) fn disjoint_vectors<T>(
    output: (&str, *const T, usize, isize),
    input: (&str, *const T, usize, isize),
) -> Result<(), CapiError> {
    let (out_name, out_ptr, n_out, inc_out) = output;
    let (in_name, in_ptr, n_in, inc_in) = input;
    let (a, b) = (
        span(out_ptr, &[(n_out, inc_out)]),
        span(in_ptr, &[(n_in, inc_in)]),
    );
    if n_out > 1 && n_in > 1 && inc_out.unsigned_abs() == inc_in.unsigned_abs() {
        let step = inc_out.unsigned_abs() * std::mem::size_of::<T>();
        let distance = (out_ptr as usize).abs_diff(in_ptr as usize);
        if !distance.is_multiple_of(step) {
            return Ok(());
        }
    }
    disjoint((out_name, a), (in_name, b))
}

/// A matrix operand for the overlap checks: name, pointer to (0, 0), rows,
/// columns, row stride, column stride (elements).
pub(crate) type MatOperand<'a, T> = (&'a str, *const T, usize, usize, isize, isize);

/// Refuses an output matrix that shares an element with an input matrix.
///
/// Blocks of one array (LU's `A22 -= A21*A12`, with the same strides) share
/// no element although their address ranges interleave, so when both have
/// the same positive strides and neither wraps past its leading dimension,
/// the check is exact: the offset between them is decomposed into a row and
/// a column shift and the two blocks' row and column ranges are intersected.
/// Other layouts fall back to comparing address ranges.
pub(crate) fn disjoint_matrices<T>(
    output: MatOperand<'_, T>,
    input: MatOperand<'_, T>,
) -> Result<(), CapiError> {
    let (out_name, po, mo, no, rs, cs) = output;
    let (in_name, pi, mi, ni, rsi, csi) = input;
    let ranges = || {
        disjoint(
            (out_name, span(po, &[(mo, rs), (no, cs)])),
            (in_name, span(pi, &[(mi, rsi), (ni, csi)])),
        )
    };
    if (rs, cs) != (rsi, csi) || rs <= 0 || cs <= 0 || mo == 0 || no == 0 || mi == 0 || ni == 0 {
        return ranges();
    }
    // Put the unit (smaller) stride first: element (i, j) sits at i*unit + j*big.
    let (unit, big, (mo, no), (mi, ni)) = if rs <= cs {
        (rs, cs, (mo, no), (mi, ni))
    } else {
        (cs, rs, (no, mo), (ni, mi))
    };
    let (unit, big) = (unit.unsigned_abs(), big.unsigned_abs());
    if big % unit != 0 || mo * unit > big || mi * unit > big {
        return ranges();
    }
    let size = std::mem::size_of::<T>() as isize;
    let bytes = pi as isize - po as isize;
    if bytes % size != 0 || (bytes / size) % unit as isize != 0 {
        return Ok(()); // no element of one lands on an element of the other
    }
    let lead = (big / unit) as isize;
    let d = bytes / size / unit as isize;
    let (dj, di) = (d.div_euclid(lead), d.rem_euclid(lead));
    let overlaps = |di: isize, dj: isize| {
        let rows = di < mo as isize && di + mi as isize > 0;
        let cols = dj < no as isize && dj + ni as isize > 0;
        rows && cols
    };
    if overlaps(di, dj) || overlaps(di - lead, dj + 1) {
        return Err(CapiError::invalid(
            out_name,
            format!("shares elements with {in_name} (outputs must not share memory with inputs)"),
        ));
    }
    Ok(())
}

/// Refuses an output whose memory overlaps an input's (the result would
/// depend on the order of the computation).
pub(crate) fn disjoint(
    output: (&str, Option<(usize, usize)>),
    input: (&str, Option<(usize, usize)>),
) -> Result<(), CapiError> {
    if let ((out, Some((a, b))), (inp, Some((c, d)))) = (output, input) {
        if a < d && c < b {
            return Err(CapiError::invalid(
                out,
                format!("overlaps {inp} in memory (outputs must not share memory with inputs)"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interleaved_vectors_are_disjoint_shifted_ones_are_not() {
        let v = [0.0f64; 10];
        let p = v.as_ptr();
        // SAFETY: offsets stay inside `v`.
        let (p1, p2) = unsafe { (p.add(1), p.add(2)) };
        assert!(
            disjoint_vectors(("y", p1, 5, 2), ("x", p, 5, 2)).is_ok(),
            "odd vs even elements"
        );
        assert!(
            disjoint_vectors(("y", p2, 4, 2), ("x", p, 4, 2)).is_err(),
            "shares elements 2, 4, 6"
        );
        assert!(disjoint_vectors(("y", p1, 3, 1), ("x", p, 3, 1)).is_err());
        assert!(
            disjoint_vectors(("y", p2, 3, 3), ("x", p, 3, 2)).is_err(),
            "different strides: ranges compared"
        );
    }
    #[test]
    fn blocks_of_one_matrix_are_told_apart_exactly() {
        // A 6x6 column-major matrix (ld 6) split at row 2 and column 2, as in LU:
        // A22 (4x4 at (2,2)), A21 (4x2 at (2,0)), A12 (2x4 at (0,2)).
        let a = [0.0f64; 36];
        let at = |i: usize, j: usize| a[i + 6 * j..].as_ptr();
        let a22 = ("c", at(2, 2), 4, 4, 1, 6);
        assert!(disjoint_matrices(a22, ("a", at(2, 0), 4, 2, 1, 6)).is_ok());
        assert!(disjoint_matrices(a22, ("b", at(0, 2), 2, 4, 1, 6)).is_ok());
        assert!(
            disjoint_matrices(a22, ("a", at(3, 1), 3, 2, 1, 6)).is_err(),
            "shares (3..6, 2)"
        );
        assert!(
            disjoint_matrices(a22, ("a", at(0, 0), 3, 3, 1, 6)).is_err(),
            "shares (2, 2)"
        );
        // The same blocks of a row-major matrix (strides swapped).
        let atr = |i: usize, j: usize| a[6 * i + j..].as_ptr();
        let a22r = ("c", atr(2, 2), 4, 4, 6, 1);
        assert!(disjoint_matrices(a22r, ("a", atr(2, 0), 4, 2, 6, 1)).is_ok());
        assert!(disjoint_matrices(a22r, ("b", atr(0, 2), 2, 4, 6, 1)).is_ok());
        assert!(disjoint_matrices(a22r, ("a", atr(2, 1), 4, 2, 6, 1)).is_err());
    }
}
