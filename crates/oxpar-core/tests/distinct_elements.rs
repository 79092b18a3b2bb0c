//! The exact test for outputs whose elements must be distinct, against a
//! brute-force enumeration of every element's address.

use std::collections::HashSet;

use oxpar_core::view::{matrix_collision, validate_matrix, validate_vector};
use oxpar_core::{MatMut, MatRef};
use proptest::prelude::*;

/// Whether two elements of the layout share an address, by enumeration.
fn brute_force_collides(nrows: usize, ncols: usize, rs: isize, cs: isize) -> bool {
    let mut seen = HashSet::new();
    for i in 0..nrows as isize {
        for j in 0..ncols as isize {
            if !seen.insert(i * rs + j * cs) {
                return true;
            }
        }
    }
    false
}

fn check_layout(nrows: usize, ncols: usize, rs: isize, cs: isize) {
    let expected = brute_force_collides(nrows, ncols, rs, cs);
    let found = matrix_collision(nrows, ncols, rs, cs);
    assert_eq!(
        found.is_some(),
        expected,
        "{nrows}x{ncols} strides ({rs}, {cs}): exact test says {found:?}"
    );
    if let Some(((i1, j1), (i2, j2))) = found {
        assert!(i1 < nrows && i2 < nrows && j1 < ncols && j2 < ncols);
        assert_ne!((i1, j1), (i2, j2));
        let at = |i: usize, j: usize| i as isize * rs + j as isize * cs;
        assert_eq!(at(i1, j1), at(i2, j2), "the pair named must collide");
    }
    // The validation used for outputs agrees; inputs are always accepted.
    let p = std::ptr::NonNull::<f64>::dangling().as_ptr();
    let out = validate_matrix(p, nrows, ncols, rs, cs, ["c", "rsc", "csc"], true);
    assert_eq!(out.is_err(), expected, "{out:?}");
    assert!(validate_matrix(p, nrows, ncols, rs, cs, ["a", "rsa", "csa"], false).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn exact_test_matches_enumeration(
        nrows in 0usize..9,
        ncols in 0usize..9,
        rs in -24isize..=24,
        cs in -24isize..=24,
    ) {
        check_layout(nrows, ncols, rs, cs);
    }

    #[test]
    fn exact_test_matches_enumeration_for_long_thin_layouts(
        nrows in 1usize..60,
        ncols in 1usize..5,
        small in 1isize..7,
        big in 1isize..80,
        flip_r: bool,
        flip_c: bool,
        swap: bool,
    ) {
        let (rs, cs) = if swap { (big, small) } else { (small, big) };
        let rs = if flip_r { -rs } else { rs };
        let cs = if flip_c { -cs } else { cs };
        check_layout(nrows, ncols, rs, cs);
        check_layout(ncols, nrows, cs, rs);
    }
}

#[test]
fn every_small_layout_by_enumeration() {
    for nrows in 0..6 {
        for ncols in 0..6 {
            for rs in -7..=7 {
                for cs in -7..=7 {
                    check_layout(nrows, ncols, rs, cs);
                }
            }
        }
    }
}

#[test]
fn the_reported_views_are_valid_outputs() {
    // a[:, ::2] of a 10 x 41 C-order array: elements at 41 i + 2 j.
    let mut a = vec![0.0f64; 10 * 41];
    let v = MatMut::from_slice(&mut a, 10, 21, 41, 2).expect("distinct elements");
    assert_eq!((v.nrows(), v.ncols()), (10, 21));
    // Fortran order a(1:n:2, :) with n odd: rows at stride 2, columns at n.
    for n in [3usize, 5, 7, 9, 41] {
        let rows = n.div_ceil(2);
        let mut f = vec![0.0f64; n * n];
        assert!(
            MatMut::from_slice(&mut f, rows, n, 2, n as isize).is_ok(),
            "n = {n}"
        );
    }
    // A leading dimension that really is too small is still refused, naming
    // two elements at one address.
    let mut c = vec![0.0f64; 16];
    let err = MatMut::from_slice(&mut c, 3, 3, 1, 2)
        .unwrap_err()
        .to_string();
    assert!(err.contains("(0, 1) and (2, 0)"), "{err}");
}

#[test]
fn read_only_views_accept_zero_and_overlapping_strides() {
    let x = [1.0f64, 2.0, 3.0, 4.0];
    // A broadcast row: every row is x[0..3].
    let b = MatRef::from_slice(&x, 5, 3, 0, 1).unwrap();
    assert_eq!((b.get(4, 2), b.get(0, 1)), (3.0, 2.0));
    // A sliding window (Hankel layout): (i, j) at i + j.
    let h = MatRef::from_slice(&x, 2, 3, 1, 1).unwrap();
    assert_eq!((h.get(1, 2), h.get(0, 2)), (4.0, 3.0));
    let p = x.as_ptr();
    assert!(validate_vector(p, 4, 0, "x", "incx", false).is_ok());
    assert!(validate_vector(p, 4, 0, "y", "incy", true).is_err());
    assert!(validate_vector(p, 1, 0, "y", "incy", true).is_ok());
}

#[test]
fn strides_of_degenerate_dimensions_are_normalized() {
    // isize::MIN on a dimension of one element never reaches arithmetic.
    let x = [7.0f64];
    // SAFETY: one element, inside `x`.
    let v = unsafe { MatRef::from_raw_parts(x.as_ptr(), 1, 1, isize::MIN, isize::MIN) }.unwrap();
    assert_eq!((v.rs(), v.cs(), v.get(0, 0)), (1, 1, 7.0));
    let row = [1.0f64, 2.0, 3.0];
    // SAFETY: three elements at stride 1.
    let r = unsafe { MatRef::from_raw_parts(row.as_ptr(), 1, 3, isize::MIN, 1) }.unwrap();
    assert_eq!((r.rs(), r.cs(), r.get(0, 2)), (3, 1, 3.0));
    // SAFETY: one element.
    let v = unsafe { oxpar_core::VecRef::from_raw_parts(x.as_ptr(), 1, isize::MIN) }.unwrap();
    assert_eq!((v.inc(), v.get(0)), (1, 7.0));
}
