//! syrk and syr2k on the threads backend when the call is split into
//! blocks of columns of equal area among the team (the conformance suite's
//! sizes stay below the split): both triangles, `A` as given or as a
//! transposed (row-major) view, column- and row-major `C` with padded
//! leading dimensions, `beta == 0` over NaN, `alpha == 0` over a NaN `A`,
//! against the reference loops; elements of the other triangle untouched.

use oxpar_core::{reference, Level3, MatMut, MatRef, Uplo};
use oxpar_threads::{ThreadsBackend, Thresholds};

/// Deterministic values in [-1, 1).
fn values(len: usize, seed: usize) -> Vec<f64> {
    (0..len)
        .map(|i| ((i * 7919 + seed * 104_729) % 2003) as f64 / 1001.5 - 1.0)
        .collect()
}

/// An `n x n` view of `data`, column- or row-major with `pad` extra
/// elements per leading dimension.
fn square(data: &mut [f64], n: usize, row_major: bool, pad: usize) -> MatMut<'_, f64> {
    if row_major {
        MatMut::row_major(data, n, n, n + pad).unwrap()
    } else {
        MatMut::col_major(data, n, n, n + pad).unwrap()
    }
}

/// An `n x k` operand: column-major, or the transpose of a `k x n` one.
fn operand(data: &[f64], n: usize, k: usize, transposed: bool) -> MatRef<'_, f64> {
    if transposed {
        MatRef::col_major(data, k, n, k).unwrap().t()
    } else {
        MatRef::col_major(data, n, k, n).unwrap()
    }
}

#[test]
fn split_syrk_and_syr2k_match_the_reference() {
    for threads in [2, 3] {
        let backend = ThreadsBackend::with_config(threads, Thresholds::always_parallel()).unwrap();
        // Past the split (2 blocks of 64 columns per thread), not a multiple
        // of the block alignment.
        let n = 2 * threads * 64 + 45;
        let k = 37 + 20 * threads;
        let (ad, bd) = (values(n * k, 1), values(n * k, 2));
        for two in [false, true] {
            for uplo in [Uplo::Lower, Uplo::Upper] {
                for (transposed, row_major, pad, alpha, beta) in [
                    (false, false, 0, 0.75, 0.0),
                    (true, false, 3, -1.5, 0.5),
                    (false, true, 5, 1.0, 0.0),
                    (true, true, 0, 0.25, -2.0),
                ] {
                    let (a, b) = (
                        operand(&ad, n, k, transposed),
                        operand(&bd, n, k, transposed),
                    );
                    let len = n * (n + pad);
                    let c0 = if beta == 0.0 {
                        vec![f64::NAN; len]
                    } else {
                        values(len, 3)
                    };
                    let (mut got, mut want) = (c0.clone(), c0);
                    let g = square(&mut got, n, row_major, pad);
                    let w = square(&mut want, n, row_major, pad);
                    if two {
                        Level3::<f64>::syr2k(&backend, uplo, alpha, a, b, beta, g).unwrap();
                        reference::syr2k(uplo, alpha, a, b, beta, w);
                    } else {
                        Level3::<f64>::syrk(&backend, uplo, alpha, a, beta, g).unwrap();
                        reference::syrk(uplo, alpha, a, beta, w);
                    }
                    for (x, (g, w)) in got.iter().zip(&want).enumerate() {
                        let ok = if w.is_nan() {
                            g.is_nan()
                        } else {
                            (g - w).abs() <= 1e-12 * k as f64
                        };
                        assert!(
                            ok,
                            "{threads} threads syr2k={two} {uplo:?} transposed={transposed} \
                             row_major={row_major} at {x}: {g} vs {w}"
                        );
                    }
                }
            }
        }
        // alpha == 0: C := beta*C on the triangle, A not read.
        let nan = vec![f64::NAN; n * k];
        let nan = MatRef::col_major(&nan, n, k, n).unwrap();
        let mut c = values(n * n, 4);
        let mut want = c.clone();
        for j in 0..n {
            for i in j..n {
                want[i + j * n] *= 3.0;
            }
        }
        let c_view = MatMut::col_major(&mut c, n, n, n).unwrap();
        Level3::<f64>::syrk(&backend, Uplo::Lower, 0.0, nan, 3.0, c_view).unwrap();
        assert_eq!(c, want);
    }
}
