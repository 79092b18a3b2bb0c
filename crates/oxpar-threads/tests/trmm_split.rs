//! trmm on the threads backend when the call is split into one block of
//! columns per thread (the conformance suite's sizes stay below the split):
//! both sides (the right side splits the rows of `B`), both triangles and
//! diagonals, NaN outside the triangle (and on a unit diagonal), column- and
//! row-major `B` with padded leading dimensions, against the reference loops.

use oxpar_core::{reference, Diag, Level3, MatMut, MatRef, Side, Uplo};
use oxpar_threads::{ThreadsBackend, Thresholds};

/// Deterministic values in [-1, 1).
fn values(len: usize, seed: usize) -> Vec<f64> {
    (0..len)
        .map(|i| ((i * 7919 + seed * 104_729) % 2003) as f64 / 1001.5 - 1.0)
        .collect()
}

/// An `m x m` triangle (column-major) with NaN where it must not be read.
fn triangle(m: usize, uplo: Uplo, diag: Diag) -> Vec<f64> {
    let mut v = values(m * m, 5);
    for j in 0..m {
        for i in 0..m {
            let inside = match uplo {
                Uplo::Lower => i >= j,
                Uplo::Upper => i <= j,
            };
            if !inside || (i == j && diag == Diag::Unit) {
                v[i + j * m] = f64::NAN;
            }
        }
    }
    v
}

/// An `m x n` view of `d`, column- or row-major with `pad` extra elements
/// per leading dimension.
fn view(d: &mut [f64], m: usize, n: usize, row_major: bool, pad: usize) -> MatMut<'_, f64> {
    if row_major {
        MatMut::row_major(d, m, n, n + pad).unwrap()
    } else {
        MatMut::col_major(d, m, n, m + pad).unwrap()
    }
}

#[test]
fn split_trmm_matches_the_reference() {
    for threads in [2, 3] {
        let backend = ThreadsBackend::with_config(threads, Thresholds::always_parallel()).unwrap();
        // The triangle's order, and the other dimension of B: past the
        // split (two blocks of 128 or more) and not a multiple of 8.
        let (t, other) = (150, 2 * 128 * threads + 21);
        for side in [Side::Left, Side::Right] {
            let (m, n) = match side {
                Side::Left => (t, other),
                Side::Right => (other, t),
            };
            for uplo in [Uplo::Lower, Uplo::Upper] {
                for diag in [Diag::NonUnit, Diag::Unit] {
                    let ad = triangle(t, uplo, diag);
                    let a = MatRef::col_major(&ad, t, t, t).unwrap();
                    for (row_major, pad) in [(false, 3), (true, 5)] {
                        let len = (m + pad) * (n + pad);
                        let b0 = values(len, 7);
                        let (mut got, mut want) = (b0.clone(), b0);
                        Level3::<f64>::trmm(
                            &backend,
                            side,
                            uplo,
                            diag,
                            -0.5,
                            a,
                            view(&mut got, m, n, row_major, pad),
                        )
                        .unwrap();
                        reference::trmm(
                            side,
                            uplo,
                            diag,
                            -0.5,
                            a,
                            view(&mut want, m, n, row_major, pad),
                        );
                        for (x, (g, w)) in got.iter().zip(&want).enumerate() {
                            assert!(
                                (g - w).abs() <= 1e-12 * t as f64,
                                "{threads} threads {side:?} {uplo:?} {diag:?} \
                                 row_major={row_major} at {x}: {g} vs {w}"
                            );
                        }
                    }
                }
            }
        }
    }
}
