//! The structured reference operations against definitions built from gemm
//! and gemv on full matrices (symmetric ones filled in, triangular ones with
//! the other triangle zeroed), on the serial backend.

use oxpar_core::{Diag, Level2, Level3, MatMut, MatRef, Serial, Side, Uplo, VecMut, VecRef};

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

/// The full matrix the `uplo` triangle of `a` (col-major `n x n`) stands for.
fn full(a: &[f64], n: usize, uplo: Uplo, symmetric: bool, diag: Diag) -> Vec<f64> {
    let mut f = vec![0.0; n * n];
    for j in 0..n {
        for i in 0..n {
            f[i + j * n] = if i == j && diag == Diag::Unit {
                1.0
            } else if uplo.holds(i, j) {
                a[i + j * n]
            } else if symmetric {
                a[j + i * n]
            } else {
                0.0
            };
        }
    }
    f
}

fn close(a: &[f64], b: &[f64]) {
    for (x, y) in a.iter().zip(b) {
        assert!((x - y).abs() <= 1e-9 * (1.0 + y.abs()), "{x} vs {y}");
    }
}

#[test]
fn structured_ops_match_their_definitions() {
    let s = Serial;
    for n in [0usize, 1, 2, 5] {
        let m = 3;
        for uplo in [Uplo::Upper, Uplo::Lower] {
            for diag in [Diag::NonUnit, Diag::Unit] {
                // A well-conditioned triangle: a dominant diagonal.
                let mut a = data(n * n, 1 + n as u64);
                for i in 0..n {
                    a[i + i * n] += 4.0;
                }
                let av = MatRef::col_major(&a, n, n, n.max(1)).unwrap();
                let sym = full(&a, n, uplo, true, Diag::NonUnit);
                let tri = full(&a, n, uplo, false, diag);
                let symv_ = MatRef::col_major(&sym, n, n, n.max(1)).unwrap();
                let triv = MatRef::col_major(&tri, n, n, n.max(1)).unwrap();
                let x = data(n, 7);

                // symv against gemv on the full symmetric matrix
                let (mut y1, mut y2) = (data(n, 9), data(n, 9));
                s.symv(
                    uplo,
                    2.0,
                    av,
                    VecRef::from_slice(&x),
                    0.5,
                    VecMut::from_slice(&mut y1),
                )
                .unwrap();
                s.gemv(
                    2.0,
                    symv_,
                    VecRef::from_slice(&x),
                    0.5,
                    VecMut::from_slice(&mut y2),
                )
                .unwrap();
                close(&y1, &y2);

                // trmv against gemv; trsv undoes trmv
                let mut t = x.clone();
                s.trmv(uplo, diag, av, VecMut::from_slice(&mut t)).unwrap();
                let mut g = vec![0.0; n];
                s.gemv(
                    1.0,
                    triv,
                    VecRef::from_slice(&x),
                    0.0,
                    VecMut::from_slice(&mut g),
                )
                .unwrap();
                close(&t, &g);
                s.trsv(uplo, diag, av, VecMut::from_slice(&mut t)).unwrap();
                close(&t, &x);

                // symm (both sides) against gemm
                for side in [Side::Left, Side::Right] {
                    let (r, c) = if side == Side::Left { (n, m) } else { (m, n) };
                    let b = data(r * c, 3);
                    let bv = MatRef::col_major(&b, r, c, r.max(1)).unwrap();
                    let (mut c1, mut c2) = (data(r * c, 4), data(r * c, 4));
                    s.symm(
                        side,
                        uplo,
                        1.5,
                        av,
                        bv,
                        -1.0,
                        MatMut::col_major(&mut c1, r, c, r.max(1)).unwrap(),
                    )
                    .unwrap();
                    let (l, rr) = if side == Side::Left {
                        (symv_, bv)
                    } else {
                        (bv, symv_)
                    };
                    s.gemm(
                        1.5,
                        l,
                        rr,
                        -1.0,
                        MatMut::col_major(&mut c2, r, c, r.max(1)).unwrap(),
                    )
                    .unwrap();
                    close(&c1, &c2);

                    // trmm against gemm; trsm undoes trmm
                    let mut b1 = b.clone();
                    s.trmm(
                        side,
                        uplo,
                        diag,
                        2.0,
                        av,
                        MatMut::col_major(&mut b1, r, c, r.max(1)).unwrap(),
                    )
                    .unwrap();
                    let mut b2 = vec![0.0; r * c];
                    let (l, rr) = if side == Side::Left {
                        (triv, bv)
                    } else {
                        (bv, triv)
                    };
                    s.gemm(
                        2.0,
                        l,
                        rr,
                        0.0,
                        MatMut::col_major(&mut b2, r, c, r.max(1)).unwrap(),
                    )
                    .unwrap();
                    close(&b1, &b2);
                    s.trsm(
                        side,
                        uplo,
                        diag,
                        0.5,
                        av,
                        MatMut::col_major(&mut b1, r, c, r.max(1)).unwrap(),
                    )
                    .unwrap();
                    close(&b1, &b);
                }

                // syrk and syr2k against gemm, on the uplo triangle only;
                // the other triangle is untouched
                let k = 4;
                let (p, q) = (data(n * k, 5), data(n * k, 6));
                let (pv, qv) = (
                    MatRef::col_major(&p, n, k, n.max(1)).unwrap(),
                    MatRef::col_major(&q, n, k, n.max(1)).unwrap(),
                );
                let c0 = data(n * n, 8);
                let mut c1 = c0.clone();
                s.syrk(
                    uplo,
                    0.5,
                    pv,
                    2.0,
                    MatMut::col_major(&mut c1, n, n, n.max(1)).unwrap(),
                )
                .unwrap();
                let mut c2 = c0.clone();
                s.gemm(
                    0.5,
                    pv,
                    pv.t(),
                    2.0,
                    MatMut::col_major(&mut c2, n, n, n.max(1)).unwrap(),
                )
                .unwrap();
                let mut c3 = c0.clone();
                s.syr2k(
                    uplo,
                    0.5,
                    pv,
                    qv,
                    2.0,
                    MatMut::col_major(&mut c3, n, n, n.max(1)).unwrap(),
                )
                .unwrap();
                let mut c4 = c0.clone();
                s.gemm(
                    0.5,
                    pv,
                    qv.t(),
                    2.0,
                    MatMut::col_major(&mut c4, n, n, n.max(1)).unwrap(),
                )
                .unwrap();
                s.gemm(
                    0.5,
                    qv,
                    pv.t(),
                    1.0,
                    MatMut::col_major(&mut c4, n, n, n.max(1)).unwrap(),
                )
                .unwrap();
                // syr and syr2 against the same, rank one
                let (mut a1, mut a2) = (c0.clone(), c0.clone());
                s.syr(
                    uplo,
                    3.0,
                    VecRef::from_slice(&x),
                    MatMut::col_major(&mut a1, n, n, n.max(1)).unwrap(),
                )
                .unwrap();
                let xv = MatRef::col_major(&x, n, 1, n.max(1)).unwrap();
                let mut a3 = c0.clone();
                s.gemm(
                    3.0,
                    xv,
                    xv.t(),
                    1.0,
                    MatMut::col_major(&mut a3, n, n, n.max(1)).unwrap(),
                )
                .unwrap();
                let yv = data(n, 10);
                s.syr2(
                    uplo,
                    3.0,
                    VecRef::from_slice(&x),
                    VecRef::from_slice(&yv),
                    MatMut::col_major(&mut a2, n, n, n.max(1)).unwrap(),
                )
                .unwrap();
                let ym = MatRef::col_major(&yv, n, 1, n.max(1)).unwrap();
                let mut a4 = c0.clone();
                s.gemm(
                    3.0,
                    xv,
                    ym.t(),
                    1.0,
                    MatMut::col_major(&mut a4, n, n, n.max(1)).unwrap(),
                )
                .unwrap();
                s.gemm(
                    3.0,
                    ym,
                    xv.t(),
                    1.0,
                    MatMut::col_major(&mut a4, n, n, n.max(1)).unwrap(),
                )
                .unwrap();
                for j in 0..n {
                    for i in 0..n {
                        let at = i + j * n;
                        let (want_k, want_2k, want_r, want_r2) = if uplo.holds(i, j) {
                            (c2[at], c4[at], a3[at], a4[at])
                        } else {
                            (c0[at], c0[at], c0[at], c0[at])
                        };
                        close(
                            &[c1[at], c3[at], a1[at], a2[at]],
                            &[want_k, want_2k, want_r, want_r2],
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn shapes_are_checked() {
    let s = Serial;
    let a = vec![0.0; 6];
    let mut b = vec![0.0; 6];
    let rect = MatRef::col_major(&a, 2, 3, 2).unwrap();
    let err = Level3::<f64>::trsm(
        &s,
        Side::Left,
        Uplo::Lower,
        Diag::NonUnit,
        1.0,
        rect,
        MatMut::col_major(&mut b, 2, 3, 2).unwrap(),
    )
    .unwrap_err();
    assert!(err.message().contains("must be square"), "{err}");
    let sq = MatRef::col_major(&a, 2, 2, 2).unwrap();
    let err = Level3::<f64>::trsm(
        &s,
        Side::Right,
        Uplo::Lower,
        Diag::NonUnit,
        1.0,
        sq,
        MatMut::col_major(&mut b, 2, 3, 2).unwrap(),
    )
    .unwrap_err();
    assert!(err.message().contains("B has 3 columns"), "{err}");
}
