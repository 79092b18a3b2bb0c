//! symm on the threads backend when the symmetric matrix is large enough
//! for the split by blocks of rows of `C` (at least two blocks of
//! `oxpar_core::blocked::SYMM_BLOCK` rows per thread; a partial last
//! block): both sides and triangles, column- and row-major `C` with padded
//! leading dimensions, `beta == 0` over NaN, and `alpha == 0` over a NaN
//! `A`, against the reference loops. The conformance suite's sizes stay
//! below this split.

use oxpar_core::blocked::SYMM_BLOCK;
use oxpar_core::{reference, Level3, MatMut, MatRef, Side, Uplo};
use oxpar_threads::{ThreadsBackend, Thresholds};

/// Deterministic values in [-1, 1).
fn values(len: usize, seed: usize) -> Vec<f64> {
    (0..len)
        .map(|i| ((i * 7919 + seed * 104_729) % 2003) as f64 / 1001.5 - 1.0)
        .collect()
}

/// An `rows x cols` view of `data`, column- or row-major with `pad` extra
/// elements per leading dimension.
fn view(
    data: &mut [f64],
    rows: usize,
    cols: usize,
    row_major: bool,
    pad: usize,
) -> MatMut<'_, f64> {
    if row_major {
        MatMut::row_major(data, rows, cols, cols + pad).unwrap()
    } else {
        MatMut::col_major(data, rows, cols, rows + pad).unwrap()
    }
}

#[test]
fn symm_by_blocks_of_rows_matches_the_reference() {
    for threads in [2, 3] {
        let backend = ThreadsBackend::with_config(threads, Thresholds::always_parallel()).unwrap();
        // The symmetric dimension: the row split, with a partial block.
        let k = 2 * threads * SYMM_BLOCK + 37;
        let other = 7;
        let a = values(k * k, 1);
        let a = MatRef::col_major(&a, k, k, k).unwrap();
        for side in [Side::Left, Side::Right] {
            let (m, n) = match side {
                Side::Left => (k, other),
                Side::Right => (other, k),
            };
            let b = values(m * n, 2);
            let b = MatRef::col_major(&b, m, n, m).unwrap();
            for uplo in [Uplo::Upper, Uplo::Lower] {
                for (row_major, pad, alpha, beta) in [
                    (false, 0, 0.75, 0.0),
                    (false, 3, -1.5, 0.5),
                    (true, 5, 1.0, 0.0),
                    (true, 0, 0.25, -2.0),
                ] {
                    let len = (m + pad) * (n + pad);
                    let c0: Vec<f64> = if beta == 0.0 {
                        vec![f64::NAN; len]
                    } else {
                        values(len, 3)
                    };
                    let (mut got, mut want) = (c0.clone(), c0);
                    Level3::<f64>::symm(
                        &backend,
                        side,
                        uplo,
                        alpha,
                        a,
                        b,
                        beta,
                        view(&mut got, m, n, row_major, pad),
                    )
                    .unwrap();
                    let w = view(&mut want, m, n, row_major, pad);
                    reference::symm(side, uplo, alpha, a, b, beta, w);
                    let g = view(&mut got, m, n, row_major, pad);
                    let w = view(&mut want, m, n, row_major, pad);
                    for j in 0..n {
                        for i in 0..m {
                            let (g, w) = (g.as_ref().get(i, j), w.as_ref().get(i, j));
                            assert!(
                                (g - w).abs() <= 1e-12 * k as f64,
                                "{threads} threads {side:?} {uplo:?} row_major={row_major} \
                                 ({i}, {j}): {g} vs {w}"
                            );
                        }
                    }
                }
            }
        }
        // alpha == 0: C := beta*C, A and B not read.
        let nan = vec![f64::NAN; k * k];
        let nan = MatRef::col_major(&nan, k, k, k).unwrap();
        let mut c = values(k * other, 4);
        let want: Vec<f64> = c.iter().map(|v| 3.0 * v).collect();
        let c_view = MatMut::col_major(&mut c, k, other, k).unwrap();
        let b_nan = vec![f64::NAN; k * other];
        let b_nan = MatRef::col_major(&b_nan, k, other, k).unwrap();
        Level3::<f64>::symm(
            &backend,
            Side::Left,
            Uplo::Upper,
            0.0,
            nan,
            b_nan,
            3.0,
            c_view,
        )
        .unwrap();
        assert_eq!(c, want);
    }
}
