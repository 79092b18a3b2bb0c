//! gemm around the production cutoffs of the threads backend: below
//! `level3_team` (one thread), between it and `level3` (one serial product
//! per team thread, split along C's longer dimension), just above `level3`
//! (rayon) and narrow panel updates (one thread up to 4 x 128^3), with
//! column- and row-major operands, a transposed `A`, padded leading
//! dimensions, `beta == 0` over NaN in `C` and `alpha == 0`, against a triple
//! loop.

use oxpar_core::{Level3, MatMut, MatRef};
use oxpar_threads::{ThreadsBackend, Thresholds};

/// Deterministic values in [-1, 1).
fn values(len: usize, seed: usize) -> Vec<f64> {
    (0..len)
        .map(|i| ((i * 7919 + seed * 104_729) % 2003) as f64 / 1001.5 - 1.0)
        .collect()
}

/// The `rows x cols` matrix stored in `data`, column- or row-major, with one
/// padding element per leading dimension.
fn view(data: &[f64], rows: usize, cols: usize, row_major: bool) -> MatRef<'_, f64> {
    if row_major {
        MatRef::row_major(data, rows, cols, cols + 1).unwrap()
    } else {
        MatRef::col_major(data, rows, cols, rows + 1).unwrap()
    }
}

#[test]
fn gemm_around_the_cutoffs_matches_a_triple_loop() {
    let defaults = Thresholds::default();
    assert!(defaults.level3_team < defaults.level3);
    for threads in [2, 3] {
        let backend = ThreadsBackend::with_threads(threads).unwrap();
        assert_eq!(backend.thresholds(), defaults);
        // m*n*k just below, at and above the team cutoff (96^3), inside the
        // team range with either dimension of C longer, at rayon's, and
        // rank-64 updates of either orientation above it (the trailing
        // updates of reference LAPACK's dgetrf and dpotrf).
        for (m, n, k) in [
            (95, 96, 96),
            (96, 96, 96),
            (97, 96, 96),
            (100, 100, 100),
            (150, 70, 100),
            (70, 150, 100),
            (2, 500, 1000),
            (128, 128, 128),
            (300, 300, 64),
            (1100, 150, 64),
            // Panel updates (C's shorter side and k below 48, work below
            // 4 x 128^3: one thread) and just past each of those bounds.
            (1000, 47, 47),
            (47, 1000, 32),
            (1000, 48, 32),
            (1000, 32, 48),
            (5000, 40, 42),
        ] {
            for (row_major, trans_a) in [(false, false), (true, false), (true, true)] {
                // A is m x k; stored transposed (k x m) when trans_a.
                let (ar, ac) = if trans_a { (k, m) } else { (m, k) };
                let a_data = values((ar + 1) * (ac + 1), 1);
                let b_data = values((k + 1) * (n + 1), 2);
                let a = view(&a_data, ar, ac, row_major);
                let a = if trans_a { a.t() } else { a };
                let b = view(&b_data, k, n, row_major);
                for (alpha, beta) in [(1.5, 0.0), (-0.5, 2.0), (0.0, 0.5)] {
                    let c0: Vec<f64> = if beta == 0.0 {
                        vec![f64::NAN; (m + 1) * (n + 1)]
                    } else {
                        values((m + 1) * (n + 1), 3)
                    };
                    let mut c_data = c0.clone();
                    let ld = if row_major { n + 1 } else { m + 1 };
                    let at = |i: usize, j: usize| if row_major { i * ld + j } else { i + j * ld };
                    let c = if row_major {
                        MatMut::row_major(&mut c_data, m, n, ld).unwrap()
                    } else {
                        MatMut::col_major(&mut c_data, m, n, ld).unwrap()
                    };
                    backend.gemm(alpha, a, b, beta, c).unwrap();
                    for i in 0..m {
                        for j in 0..n {
                            let dot: f64 = if alpha == 0.0 {
                                0.0
                            } else {
                                (0..k).map(|p| a.get(i, p) * b.get(p, j)).sum()
                            };
                            let old = if beta == 0.0 {
                                0.0
                            } else {
                                beta * c0[at(i, j)]
                            };
                            let want = alpha * dot + old;
                            let got = c_data[at(i, j)];
                            assert!(
                                (got - want).abs() <= 1e-12 * (1.0 + k as f64),
                                "threads={threads} {m}x{n}x{k} row_major={row_major} \
                                 trans_a={trans_a} alpha={alpha} beta={beta} ({i},{j}): {got} vs {want}"
                            );
                        }
                    }
                }
            }
        }
    }
}
