//! The blocked algorithms of `oxpar_core::blocked` against the plain loops of
//! `oxpar_core::reference`, with tiny leaf sizes so that every size runs
//! several levels of the recursions (odd splits included), on the serial
//! backend's gemm.

use oxpar_core::blocked::{self, Gemm};
use oxpar_core::{reference, Diag, Level3, MatMut, MatRef, Result, Serial, Side, Uplo};

fn data(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s % 2001) as f64 / 1000.0 - 1.0
        })
        .collect()
}

fn gemm(
    alpha: f64,
    a: MatRef<'_, f64>,
    b: MatRef<'_, f64>,
    beta: f64,
    c: MatMut<'_, f64>,
) -> Result<()> {
    Serial.gemm(alpha, a, b, beta, c)
}

fn close(got: &[f64], want: &[f64], what: &str) {
    for (k, (x, y)) in got.iter().zip(want).enumerate() {
        assert!(
            (x - y).abs() <= 1e-10 * (1.0 + y.abs()),
            "{what} [{k}]: {x} vs {y}"
        );
    }
}

const SIZES: [usize; 9] = [1, 2, 3, 5, 8, 9, 17, 40, 70];
const LEAVES: [usize; 3] = [1, 2, 5];

#[test]
fn trmm_and_trsm_match_the_reference() {
    let g: &Gemm<'_, f64> = &gemm;
    for &m in &SIZES {
        for &leaf in &LEAVES {
            for uplo in [Uplo::Lower, Uplo::Upper] {
                for diag in [Diag::NonUnit, Diag::Unit] {
                    let n = 3;
                    // A dominant diagonal keeps the solve well conditioned.
                    let mut a = data(m * m, m as u64);
                    (0..m).for_each(|i| a[i + i * m] = 4.0);
                    let b0 = data(m * n, 7);
                    let av = MatRef::col_major(&a, m, m, m).unwrap();
                    for solve in [false, true] {
                        let (mut got, mut want) = (b0.clone(), b0.clone());
                        let gv = MatMut::col_major(&mut got, m, n, m).unwrap();
                        let wv = MatMut::col_major(&mut want, m, n, m).unwrap();
                        if solve {
                            let leaf_fn = blocked::reference_trsm_leaf::<f64>;
                            blocked::trsm_left(g, &leaf_fn, leaf, uplo, diag, 0.5, av, gv).unwrap();
                            reference::trsm(Side::Left, uplo, diag, 0.5, av, wv);
                        } else {
                            let leaf_fn = blocked::reference_trmm_leaf::<f64>;
                            blocked::trmm_left(g, &leaf_fn, leaf, uplo, diag, 0.5, av, gv).unwrap();
                            reference::trmm(Side::Left, uplo, diag, 0.5, av, wv);
                        }
                        close(
                            &got,
                            &want,
                            &format!("solve={solve} m={m} leaf={leaf} {uplo:?} {diag:?}"),
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn syrk_and_syr2k_match_the_reference_and_keep_the_other_triangle() {
    let g: &Gemm<'_, f64> = &gemm;
    let leaf_fn = blocked::reference_syrk_leaf::<f64>;
    for &n in &SIZES {
        for &leaf in &LEAVES {
            for uplo in [Uplo::Lower, Uplo::Upper] {
                for two in [false, true] {
                    let k = 4;
                    let (a, b) = (data(n * k, 3), data(n * k, 4));
                    let c0 = data(n * n, 5);
                    let av = MatRef::col_major(&a, n, k, n).unwrap();
                    let bv = MatRef::col_major(&b, n, k, n).unwrap();
                    let (mut got, mut want) = (c0.clone(), c0.clone());
                    let gv = MatMut::col_major(&mut got, n, n, n).unwrap();
                    let wv = MatMut::col_major(&mut want, n, n, n).unwrap();
                    let bb = two.then_some(bv);
                    blocked::syrk(g, &leaf_fn, leaf, uplo, 0.5, av, bb, 2.0, gv).unwrap();
                    if two {
                        reference::syr2k(uplo, 0.5, av, bv, 2.0, wv);
                    } else {
                        reference::syrk(uplo, 0.5, av, 2.0, wv);
                    }
                    // The reference leaves the other triangle as it was.
                    close(
                        &got,
                        &want,
                        &format!("syr2k={two} n={n} leaf={leaf} {uplo:?}"),
                    );
                }
            }
        }
    }
}

#[test]
fn symm_matches_the_reference_across_its_row_blocks() {
    let g: &Gemm<'_, f64> = &gemm;
    // Sizes on both sides of a row block.
    for m in [1, 7, blocked::SYMM_BLOCK - 1, blocked::SYMM_BLOCK + 3] {
        for side in [Side::Left, Side::Right] {
            for uplo in [Uplo::Lower, Uplo::Upper] {
                let n = 2;
                let (rows, cols) = if side == Side::Left { (m, n) } else { (n, m) };
                let a = data(m * m, 11);
                let b = data(rows * cols, 12);
                let c0 = data(rows * cols, 13);
                let av = MatRef::col_major(&a, m, m, m).unwrap();
                let bv = MatRef::col_major(&b, rows, cols, rows).unwrap();
                let (mut got, mut want) = (c0.clone(), c0.clone());
                let gv = MatMut::col_major(&mut got, rows, cols, rows).unwrap();
                let wv = MatMut::col_major(&mut want, rows, cols, rows).unwrap();
                blocked::symm(g, side, uplo, 0.5, av, bv, -1.0, gv).unwrap();
                reference::symm(side, uplo, 0.5, av, bv, -1.0, wv);
                close(&got, &want, &format!("m={m} {side:?} {uplo:?}"));
            }
        }
    }
}
