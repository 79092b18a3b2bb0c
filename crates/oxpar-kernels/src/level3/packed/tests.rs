//! Tests of the packed kernels against plain loops and the reference
//! implementations, on every CPU level this machine has (the levels without
//! micro-kernels run the fallback recursion).

use super::*;

mod syrk {
    use super::*;

    /// A deterministic fill in [-1, 1).
    fn data(len: usize, seed: u64) -> Vec<f64> {
        let mut s = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..len)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
            })
            .collect()
    }

    /// The update by plain loops on the lower trapezoid.
    fn naive(
        alpha: f64,
        a: MatRef<'_, f64>,
        b: Option<MatRef<'_, f64>>,
        beta: f64,
        c: &mut MatMut<'_, f64>,
    ) {
        for j in 0..c.ncols() {
            for i in j..c.nrows() {
                let mut s = 0.0;
                for p in 0..a.ncols() {
                    s += match b {
                        None => a.get(i, p) * a.get(j, p),
                        Some(b) => a.get(i, p) * b.get(j, p) + b.get(i, p) * a.get(j, p),
                    };
                }
                let old = if beta == 0.0 {
                    0.0
                } else {
                    beta * c.as_ref().get(i, j)
                };
                c.set(i, j, alpha * s + old);
            }
        }
    }

    /// Layouts of an `r x c` view: (rs, cs, storage length).
    fn layouts(r: usize, c: usize) -> [(isize, isize, usize); 4] {
        let (r1, c1) = (r.max(1), c.max(1));
        [
            (1, r1 as isize, r1 * c1),
            (1, r1 as isize + 3, (r1 + 3) * c1),
            (c1 as isize, 1, r1 * c1),
            (-2, -2 * r1 as isize - 1, (2 * r1 + 1) * c1),
        ]
    }

    fn check(m: usize, w: usize, k: usize, syr2k: bool, alpha: f64, beta: f64) {
        for (layout, &(rs, cs, len)) in layouts(m, k).iter().enumerate() {
            let (ad, bd) = (data(len, 1), data(len, 2));
            let a = MatRef::from_slice(&ad, m, k, rs, cs).unwrap();
            let b = syr2k.then(|| MatRef::from_slice(&bd, m, k, rs, cs).unwrap());
            let (crs, ccs, clen) = layouts(m, w)[3 - layout];
            let init = if beta == 0.0 {
                vec![f64::NAN; clen]
            } else {
                data(clen, 3)
            };
            let mut want = init.clone();
            naive(
                alpha,
                a,
                b,
                beta,
                &mut MatMut::from_slice(&mut want, m, w, crs, ccs).unwrap(),
            );
            for level in crate::dispatch::detect_cached().up_to() {
                let mut got = init.clone();
                let c = MatMut::from_slice(&mut got, m, w, crs, ccs).unwrap();
                syrk_trapezoid_at(level, alpha, a, b, beta, c);
                for (x, (g, e)) in got.iter().zip(&want).enumerate() {
                    let ok = if e.is_nan() {
                        g.is_nan()
                    } else {
                        (g - e).abs() <= 1e-12 * (1.0 + k as f64)
                    };
                    assert!(ok, "m={m} w={w} k={k} syr2k={syr2k} layout={layout} {level:?} at {x}: {g} vs {e}");
                }
            }
        }
    }

    #[test]
    fn trapezoid_matches_loops_around_tile_and_block_sizes() {
        for &(m, w, k) in &[
            (1, 1, 1),
            (2, 1, 3),
            (7, 7, 5),
            (33, 33, 9),
            (65, 31, 40),
            (97, 97, 3),
            (130, 70, 257),
        ] {
            for syr2k in [false, true] {
                check(m, w, k, syr2k, 1.5, 0.5);
                check(m, w, k, syr2k, -1.0, 0.0);
                check(m, w, k, syr2k, 2.0, 1.0);
            }
        }
    }

    #[test]
    fn trapezoid_spans_several_blocks() {
        // Deeper than one kc block and taller than one mc block.
        let KernelParams { kc, mc, .. } = kernel_params(600, 600, 1200, 32, 6, 8);
        let k = kc + 5;
        let m = (mc + 40).min(700);
        check(m, m, k, false, 0.75, -0.5);
        check(m, m / 2 + 1, k, true, 0.75, 0.0);
    }

    #[test]
    fn alpha_zero_or_k_zero_scales_only_the_trapezoid() {
        for (alpha, k) in [(0.0, 4), (1.0, 0)] {
            check(9, 6, k, false, alpha, 2.0);
            check(9, 6, k, true, alpha, 0.0);
        }
    }
}

mod trmm {
    use super::*;
    use oxpar_core::{reference, Side};

    /// Deterministic values in [-1, 1).
    fn values(len: usize, seed: usize) -> Vec<f64> {
        (0..len)
            .map(|i| ((i * 7919 + seed * 104_729) % 2003) as f64 / 1001.5 - 1.0)
            .collect()
    }

    /// An `m x m` triangle in a column-major (or row-major) buffer with NaN
    /// in the other triangle and, for a unit diagonal, on the diagonal.
    fn triangle(m: usize, uplo: Uplo, diag: Diag, row_major: bool, pad: usize) -> Vec<f64> {
        let ld = m + pad;
        let mut v = values(ld * m, 5);
        for j in 0..m {
            for i in 0..m {
                let at = if row_major { i * ld + j } else { i + j * ld };
                let inside = match uplo {
                    Uplo::Lower => i >= j,
                    Uplo::Upper => i <= j,
                };
                if !inside || (i == j && diag == Diag::Unit) {
                    v[at] = f64::NAN;
                }
            }
        }
        v
    }

    fn check(m: usize, n: usize, alpha: f64) {
        for uplo in [Uplo::Lower, Uplo::Upper] {
            for diag in [Diag::NonUnit, Diag::Unit] {
                for (a_rm, b_layout) in [(false, 0), (true, 1), (false, 2)] {
                    let ad = triangle(m, uplo, diag, a_rm, 2);
                    let a = if a_rm {
                        MatRef::row_major(&ad, m, m, m + 2).unwrap()
                    } else {
                        MatRef::col_major(&ad, m, m, m + 2).unwrap()
                    };
                    let (rs, cs, len) = match b_layout {
                        0 => (1, m as isize + 3, (m + 3) * n),
                        1 => (n as isize, 1, m * n),
                        _ => (-1, -(m as isize), m * n),
                    };
                    let b0 = values(len, 7);
                    let mut want = b0.clone();
                    reference::trmm(
                        Side::Left,
                        uplo,
                        diag,
                        alpha,
                        a,
                        MatMut::from_slice(&mut want, m, n, rs, cs).unwrap(),
                    );
                    for level in crate::dispatch::detect_cached().up_to() {
                        // The packed kernel at every size, and as called.
                        for leaf in [0, tri::TRMM_LEAF] {
                            let mut got = b0.clone();
                            let b = MatMut::from_slice(&mut got, m, n, rs, cs).unwrap();
                            trmm_left_with(level, leaf, uplo, diag, alpha, a, b);
                            for (x, (g, w)) in got.iter().zip(&want).enumerate() {
                                assert!(
                                    (g - w).abs() <= 1e-12 * (1.0 + m as f64),
                                    "m={m} n={n} {uplo:?} {diag:?} a_rm={a_rm} b={b_layout} \
                                     {level:?} leaf={leaf} at {x}: {g} vs {w}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn trmm_matches_the_reference_around_tile_and_block_sizes() {
        for &(m, n) in &[(1, 1), (2, 3), (7, 5), (33, 7), (65, 13), (130, 9)] {
            check(m, n, 1.5);
        }
        check(9, 4, 0.0);
    }

    #[test]
    fn trmm_spans_several_depth_and_row_blocks() {
        let KernelParams { kc, mc, .. } = kernel_params(1200, 50, 1200, 32, 6, 8);
        check(kc.max(mc) + 37, 11, -0.5);
    }
}

mod f32 {
    use super::*;
    use oxpar_core::{reference, Side};

    /// Values in [-1, 1), exact in f32.
    fn values(len: usize, seed: usize) -> Vec<f32> {
        (0..len)
            .map(|i| ((i * 7919 + seed * 104_729) % 2003) as f32 / 1024.0 - 1.0)
            .collect()
    }

    #[test]
    fn f32_syrk_syr2k_and_trmm_match_the_reference() {
        // Past a 16-lane register and the f32 tiles (64 x 6 on AVX-512).
        let (m, w, k) = (131, 77, 45);
        let (ad, bd) = (values(m * k, 1), values(m * k, 2));
        let a = MatRef::col_major(&ad, m, k, m).unwrap();
        let b = MatRef::col_major(&bd, m, k, m).unwrap();
        for level in crate::dispatch::detect_cached().up_to() {
            for two in [false, true] {
                let mut want = values(m * m, 3);
                let mut got = want.clone();
                let wv = MatMut::col_major(&mut want, m, m, m).unwrap();
                if two {
                    reference::syr2k(Uplo::Lower, 0.5, a, b, 2.0, wv);
                } else {
                    reference::syrk(Uplo::Lower, 0.5, a, 2.0, wv);
                }
                let c = MatMut::col_major(&mut got, m, w, m).unwrap();
                syrk_trapezoid_at(level, 0.5, a, two.then_some(b), 2.0, c);
                for j in 0..w {
                    for i in 0..m {
                        let (g, e) = (got[i + j * m], want[i + j * m]);
                        let e = if i >= j {
                            e
                        } else {
                            values(m * m, 3)[i + j * m]
                        };
                        assert!(
                            (g - e).abs() <= 1e-4,
                            "{level:?} two={two} ({i},{j}): {g} vs {e}"
                        );
                    }
                }
            }
            let t = values(m * m, 4);
            let t = MatRef::col_major(&t, m, m, m).unwrap();
            for uplo in [Uplo::Lower, Uplo::Upper] {
                let mut want = values(m * 9, 5);
                let mut got = want.clone();
                reference::trmm(
                    Side::Left,
                    uplo,
                    Diag::NonUnit,
                    1.5,
                    t,
                    MatMut::col_major(&mut want, m, 9, m).unwrap(),
                );
                let bv = MatMut::col_major(&mut got, m, 9, m).unwrap();
                trmm_left_with(level, 0, uplo, Diag::NonUnit, 1.5, t, bv);
                for (x, (g, e)) in got.iter().zip(&want).enumerate() {
                    assert!(
                        (g - e).abs() <= 1e-3,
                        "{level:?} {uplo:?} at {x}: {g} vs {e}"
                    );
                }
            }
        }
    }
}
