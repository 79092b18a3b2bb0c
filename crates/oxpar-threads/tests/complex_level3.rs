//! Complex syrk, syr2k, herk, her2k, trmm and trsm on the threads backend
//! (one thread and two, the calls split whenever they may be) against the
//! serial backend's loops: sizes around the packed kernel's tiles and the
//! two-thread split (64 rows per thread), around the leaves of the trmm
//! and trsm recursion (32), a pass of their kernel (64 columns) and the
//! split of their leaves (64 columns per thread); both
//! triangles, every transpose and conjugation of `A`, both sides and
//! diagonals, `C` and `B` with padded leading dimensions.

use oxpar_core::{Complex64, Diag, Level3, MatMut, MatRef, Serial, Side, Uplo};
use oxpar_threads::{ThreadsBackend, Thresholds};

type Z = Complex64;

/// Deterministic values in [-0.5, 0.5)^2.
fn values(len: usize, seed: u64) -> Vec<Z> {
    let mut s = seed | 1;
    let mut next = move || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((s >> 11) as f64 / (1u64 << 53) as f64) - 0.5
    };
    (0..len).map(|_| Z::new(next(), next())).collect()
}

fn backends() -> Vec<ThreadsBackend> {
    vec![
        ThreadsBackend::with_threads(1).unwrap(),
        ThreadsBackend::with_config(2, Thresholds::always_parallel()).unwrap(),
    ]
}

/// How `A` is passed: as stored (`n x k`), or the transpose or conjugate
/// transpose of a stored `k x n`.
#[derive(Copy, Clone, Debug)]
enum Op {
    N,
    T,
    C,
}

fn op_view(op: Op, d: &[Z], n: usize, k: usize) -> MatRef<'_, Z> {
    match op {
        Op::N => MatRef::col_major(d, n, k, n).unwrap(),
        Op::T => MatRef::col_major(d, k, n, k).unwrap().t(),
        Op::C => MatRef::col_major(d, k, n, k).unwrap().h(),
    }
}

/// An `m x n` view of `d`, column- or row-major with `pad` extra elements
/// per leading dimension.
fn view(d: &mut [Z], m: usize, n: usize, row_major: bool, pad: usize) -> MatMut<'_, Z> {
    if row_major {
        MatMut::row_major(d, m, n, n + pad).unwrap()
    } else {
        MatMut::col_major(d, m, n, m + pad).unwrap()
    }
}

fn assert_close(got: &[Z], want: &[Z], tol: f64, what: &str) {
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).norm() <= tol * (1.0 + w.norm()),
            "{what}: element {i}: {g} vs {w}"
        );
    }
}

#[test]
fn rank_k_updates_match_serial() {
    let alpha = Z::new(0.75, -0.5);
    let beta = Z::new(0.5, 0.25);
    for n in [1, 6, 17, 63, 130, 200] {
        for k in [3, 70] {
            let ad = values(n * k, 1);
            let bd = values(n * k, 2);
            let ld = n + 3;
            let c0 = values(ld * n, 3);
            let nan = vec![Z::new(f64::NAN, f64::NAN); ld * n];
            for uplo in [Uplo::Lower, Uplo::Upper] {
                for op in [Op::N, Op::T, Op::C] {
                    let (a, b) = (op_view(op, &ad, n, k), op_view(op, &bd, n, k));
                    for backend in backends() {
                        let what = format!("n={n} k={k} {uplo:?} {op:?}");
                        // The same call on the backend and on Serial, from
                        // `init`, compared on the `uplo` triangle.
                        macro_rules! compare {
                            ($name:literal, $init:expr, |$be:ident, $c:ident| $call:expr) => {{
                                let (mut got, mut want) = ($init.clone(), $init.clone());
                                {
                                    let ($be, $c) =
                                        (&backend, MatMut::col_major(&mut got, n, n, ld).unwrap());
                                    $call.unwrap();
                                }
                                {
                                    let ($be, $c) =
                                        (&Serial, MatMut::col_major(&mut want, n, n, ld).unwrap());
                                    $call.unwrap();
                                }
                                let keep = |v: &[Z]| -> Vec<Z> {
                                    let mut out = Vec::new();
                                    for j in 0..n {
                                        for i in 0..n {
                                            if (uplo == Uplo::Lower) == (i >= j) || i == j {
                                                out.push(v[i + j * ld]);
                                            }
                                        }
                                    }
                                    out
                                };
                                assert_close(
                                    &keep(&got),
                                    &keep(&want),
                                    1e-13,
                                    &format!("{} {what}", $name),
                                );
                                // The other triangle and the padding are untouched.
                                for (i, (g, c)) in got.iter().zip($init.iter()).enumerate() {
                                    let (r, col) = (i % ld, i / ld);
                                    let inside =
                                        r < n && ((uplo == Uplo::Lower) == (r >= col) || r == col);
                                    if !inside {
                                        assert!(
                                            g == c || (g.re.is_nan() && c.re.is_nan()),
                                            "{} {what}: {i} written",
                                            $name
                                        );
                                    }
                                }
                            }};
                        }
                        compare!("herk", c0, |be, c| be.herk(uplo, 0.75, a, 0.5, c));
                        compare!("syrk", c0, |be, c| be.syrk(uplo, alpha, a, beta, c));
                        compare!("her2k", c0, |be, c| be.her2k(uplo, alpha, a, b, 0.5, c));
                        compare!("syr2k", c0, |be, c| be.syr2k(uplo, alpha, a, b, beta, c));
                        // beta == 0: C (all NaN) is not read.
                        compare!("herk beta=0", nan, |be, c| be.herk(uplo, 0.75, a, 0.0, c));
                        compare!("syr2k beta=0", nan, |be, c| be.syr2k(
                            uplo,
                            alpha,
                            a,
                            b,
                            Z::new(0.0, 0.0),
                            c
                        ));
                    }
                }
            }
        }
    }
}

#[test]
fn triangular_match_serial() {
    let alpha = Z::new(0.75, -0.5);
    for m in [1, 5, 31, 32, 33, 65, 100] {
        let mut ad = values(m * m, 4);
        for i in 0..m {
            ad[i + i * m] += Z::new(2.0, 0.5);
        }
        for (other, row_major) in [(7, false), (140, true)] {
            for side in [Side::Left, Side::Right] {
                let (bm, bn) = if side == Side::Left {
                    (m, other)
                } else {
                    (other, m)
                };
                let pad = 2;
                let len = if row_major {
                    bm * (bn + pad)
                } else {
                    (bm + pad) * bn
                };
                let b0 = values(len, 5);
                for uplo in [Uplo::Lower, Uplo::Upper] {
                    for diag in [Diag::NonUnit, Diag::Unit] {
                        for op in [Op::N, Op::T, Op::C] {
                            let a = op_view(op, &ad, m, m);
                            for backend in backends() {
                                let what = format!(
                                    "m={m} other={other} {side:?} {uplo:?} {diag:?} {op:?}"
                                );
                                let (mut got, mut want) = (b0.clone(), b0.clone());
                                backend
                                    .trmm(
                                        side,
                                        uplo,
                                        diag,
                                        alpha,
                                        a,
                                        view(&mut got, bm, bn, row_major, pad),
                                    )
                                    .unwrap();
                                Serial
                                    .trmm(
                                        side,
                                        uplo,
                                        diag,
                                        alpha,
                                        a,
                                        view(&mut want, bm, bn, row_major, pad),
                                    )
                                    .unwrap();
                                assert_close(&got, &want, 1e-13, &format!("trmm {what}"));
                                let (mut got, mut want) = (b0.clone(), b0.clone());
                                backend
                                    .trsm(
                                        side,
                                        uplo,
                                        diag,
                                        alpha,
                                        a,
                                        view(&mut got, bm, bn, row_major, pad),
                                    )
                                    .unwrap();
                                Serial
                                    .trsm(
                                        side,
                                        uplo,
                                        diag,
                                        alpha,
                                        a,
                                        view(&mut want, bm, bn, row_major, pad),
                                    )
                                    .unwrap();
                                assert_close(&got, &want, 1e-11, &format!("trsm {what}"));
                            }
                        }
                    }
                }
            }
        }
    }
}
