//! Proof that complex element types plug into the trait family: over
//! num-complex's `Complex<f64>`, a naive backend
//! implements the three required operations over it (honouring the
//! conjugation mark), and the trait's defaults (the blocked level-2 and
//! level-3 algorithms) then work unchanged, checked against the reference
//! loops. `Level1::reduce_wide` and `reduce_exact` (`where T: Scalar`) are
//! left out, as a complex backend would.

use num_complex::Complex64 as Z;

use crate::backend::{check, Backend, BackendKind, Level1, Level2, Level3};
use crate::error::Result;
use crate::scalar::Element;
use crate::view::{MatMut, MatRef, VecMut, VecRef};
use crate::{reference, Diag, Side, Trans, Uplo};

const fn z(re: f64, im: f64) -> Z {
    Z::new(re, im)
}

/// Naive loops through `get`, which applies the conjugation mark.
#[derive(Debug)]
struct Naive;

impl Backend for Naive {
    fn kind(&self) -> BackendKind {
        BackendKind::Serial
    }
    fn name(&self) -> String {
        "naive complex".into()
    }
    fn num_threads(&self) -> usize {
        1
    }
}

impl Level1<Z> for Naive {
    fn axpy(&self, alpha: Z, x: VecRef<'_, Z>, mut y: VecMut<'_, Z>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        for i in 0..x.len() {
            let v = y.as_ref().get(i) + alpha * x.get(i);
            y.set(i, v);
        }
        Ok(())
    }
    fn scal(&self, alpha: Z, mut x: VecMut<'_, Z>) -> Result<()> {
        x.for_each_mut(|_, v| *v *= alpha);
        Ok(())
    }
    fn copy(&self, x: VecRef<'_, Z>, mut y: VecMut<'_, Z>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        (0..x.len()).for_each(|i| y.set(i, x.get(i)));
        Ok(())
    }
    fn swap(&self, mut x: VecMut<'_, Z>, mut y: VecMut<'_, Z>) -> Result<()> {
        check::same_len(x.len(), y.len())?;
        for i in 0..x.len() {
            let (a, b) = (x.as_ref().get(i), y.as_ref().get(i));
            x.set(i, b);
            y.set(i, a);
        }
        Ok(())
    }
    fn dot(&self, x: VecRef<'_, Z>, y: VecRef<'_, Z>) -> Result<Z> {
        check::same_len(x.len(), y.len())?;
        Ok(x.iter().zip(y.iter()).map(|(a, b)| a * b).sum())
    }
    fn nrm2(&self, x: VecRef<'_, Z>) -> Result<f64> {
        Ok(x.iter()
            .map(|v| v.re * v.re + v.im * v.im)
            .sum::<f64>()
            .sqrt())
    }
    fn asum(&self, x: VecRef<'_, Z>) -> Result<f64> {
        Ok(x.iter().map(Element::abs1).sum())
    }
    fn iamax(&self, x: VecRef<'_, Z>) -> Result<Option<usize>> {
        let mut best: Option<(usize, f64)> = None;
        for (i, v) in x.iter().enumerate() {
            if best.is_none_or(|(_, m)| v.abs1() > m) {
                best = Some((i, v.abs1()));
            }
        }
        Ok(best.map(|(i, _)| i))
    }
}

impl Level2<Z> for Naive {
    fn gemv(
        &self,
        alpha: Z,
        a: MatRef<'_, Z>,
        x: VecRef<'_, Z>,
        beta: Z,
        mut y: VecMut<'_, Z>,
    ) -> Result<()> {
        check::gemv((a.nrows(), a.ncols()), x.len(), y.len())?;
        for i in 0..a.nrows() {
            let ax: Z = (0..a.ncols()).map(|j| a.get(i, j) * x.get(j)).sum();
            let old = if beta == Z::ZERO {
                Z::ZERO
            } else {
                beta * y.as_ref().get(i)
            };
            y.set(i, alpha * ax + old);
        }
        Ok(())
    }
    fn ger(
        &self,
        alpha: Z,
        x: VecRef<'_, Z>,
        y: VecRef<'_, Z>,
        mut a: MatMut<'_, Z>,
    ) -> Result<()> {
        check::ger(x.len(), y.len(), (a.nrows(), a.ncols()))?;
        for j in 0..a.ncols() {
            for i in 0..a.nrows() {
                let v = a.as_ref().get(i, j) + alpha * x.get(i) * y.get(j);
                a.set(i, j, v);
            }
        }
        Ok(())
    }
}

impl Level3<Z> for Naive {
    fn gemm(
        &self,
        alpha: Z,
        a: MatRef<'_, Z>,
        b: MatRef<'_, Z>,
        beta: Z,
        mut c: MatMut<'_, Z>,
    ) -> Result<()> {
        check::gemm(
            (a.nrows(), a.ncols()),
            (b.nrows(), b.ncols()),
            (c.nrows(), c.ncols()),
        )?;
        for j in 0..c.ncols() {
            for i in 0..c.nrows() {
                let ab: Z = (0..a.ncols()).map(|p| a.get(i, p) * b.get(p, j)).sum();
                let old = if beta == Z::ZERO {
                    Z::ZERO
                } else {
                    beta * c.as_ref().get(i, j)
                };
                c.set(i, j, alpha * ab + old);
            }
        }
        Ok(())
    }
}

/// Deterministic complex data in [-1, 1) + i[-1, 1).
fn data(n: usize, seed: u64) -> Vec<Z> {
    let mut s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    };
    (0..n).map(|_| z(next(), next())).collect()
}

fn close(x: &[Z], y: &[Z], tol: f64) -> bool {
    x.len() == y.len()
        && x.iter()
            .zip(y)
            .all(|(a, b)| (*a - *b).abs1() <= tol * (1.0 + b.abs1()))
}

#[test]
fn level1_returns_real_norms_and_uses_abs1() {
    let x = [z(3.0, -4.0), z(-1.0, 2.0), z(0.5, 0.0)];
    let b: &dyn Level1<Z> = &Naive;
    let norm: f64 = b.nrm2(VecRef::from_slice(&x)).unwrap();
    assert!((norm - (25.0f64 + 5.0 + 0.25).sqrt()).abs() < 1e-15);
    assert_eq!(b.asum(VecRef::from_slice(&x)).unwrap(), 7.0 + 3.0 + 0.5);
    // |re| + |im|: 7 beats 3 and 0.5.
    assert_eq!(b.iamax(VecRef::from_slice(&x)).unwrap(), Some(0));
    // The default sum works for complex data through Element::sum_wide.
    assert_eq!(b.sum(VecRef::from_slice(&x)).unwrap(), z(2.5, -2.0));
    // Complex alpha.
    let mut y = [Z::ZERO; 3];
    b.axpy(
        z(0.0, 1.0),
        VecRef::from_slice(&x),
        VecMut::from_slice(&mut y),
    )
    .unwrap();
    assert_eq!(y[0], z(4.0, 3.0));
}

#[test]
fn conjugate_transpose_is_a_view() {
    // A is 2x3 column-major; A^H is 3x2 with conjugated elements.
    let a = data(6, 1);
    let av = MatRef::col_major(&a, 2, 3, 2).unwrap();
    let h = av.h();
    assert!(h.is_conj() && !av.is_conj() && !av.t().is_conj());
    assert_eq!((h.nrows(), h.ncols()), (3, 2));
    for i in 0..2 {
        for j in 0..3 {
            assert_eq!(h.get(j, i), a[i + 2 * j].conj());
            assert_eq!(av.conj().get(i, j), a[i + 2 * j].conj());
        }
    }
    assert!(!h.h().is_conj() && h.submatrix(1, 0, 2, 2).is_conj() && h.t().is_conj());
    assert_eq!(Trans::ConjYes.apply(av).get(2, 1), a[1 + 2 * 2].conj());
    assert!(Trans::ConjYes.is_transposed() && !Trans::No.is_transposed());
    // C = A^H * B through gemm, against explicit conjugates.
    let b = data(4, 2);
    let bv = MatRef::col_major(&b, 2, 2, 2).unwrap();
    let mut c = vec![Z::ZERO; 6];
    Naive
        .gemm(
            z(1.0, 0.0),
            h,
            bv,
            Z::ZERO,
            MatMut::col_major(&mut c, 3, 2, 3).unwrap(),
        )
        .unwrap();
    for i in 0..3 {
        for j in 0..2 {
            let want = a[2 * i].conj() * b[2 * j] + a[2 * i + 1].conj() * b[2 * j + 1];
            assert!(close(&[c[i + 3 * j]], &[want], 1e-14));
        }
    }
}

#[test]
fn level2_and_level3_defaults_work_on_complex_data() {
    // Sizes past the reference leaf (32), so the blocked recursions split.
    for n in [1usize, 5, 37, 70] {
        let m = 3;
        let mut a = data(n * n, n as u64);
        for i in 0..n {
            // A well-conditioned diagonal for trsm.
            a[i * n + i] = z(4.0, 1.0);
        }
        let alpha = z(0.5, -1.5);
        for (uplo, trans) in [
            (Uplo::Upper, Trans::No),
            (Uplo::Lower, Trans::Yes),
            (Uplo::Lower, Trans::ConjYes),
        ] {
            let av = trans.apply(MatRef::col_major(&a, n, n, n).unwrap());
            let uplo = if trans.is_transposed() {
                uplo.flip()
            } else {
                uplo
            };
            let b0 = data(n * m, 7);
            for side in [Side::Left, Side::Right] {
                let (bm, bn) = if side == Side::Left { (n, m) } else { (m, n) };
                let mut got = b0.clone();
                let mut want = b0.clone();
                Naive
                    .trmm(
                        side,
                        uplo,
                        Diag::NonUnit,
                        alpha,
                        av,
                        MatMut::col_major(&mut got, bm, bn, bm).unwrap(),
                    )
                    .unwrap();
                reference::trmm(
                    side,
                    uplo,
                    Diag::NonUnit,
                    alpha,
                    av,
                    MatMut::col_major(&mut want, bm, bn, bm).unwrap(),
                );
                assert!(
                    close(&got, &want, 1e-12),
                    "trmm n={n} {side:?} {uplo:?} {trans:?}"
                );
                // trsm undoes trmm.
                Naive
                    .trsm(
                        side,
                        uplo,
                        Diag::NonUnit,
                        Z::ONE / alpha,
                        av,
                        MatMut::col_major(&mut got, bm, bn, bm).unwrap(),
                    )
                    .unwrap();
                assert!(
                    close(&got, &b0, 1e-10),
                    "trsm n={n} {side:?} {uplo:?} {trans:?}"
                );
            }
            // Complex symmetric (not Hermitian) syrk and symv.
            let k = 4;
            let ak = data(n * k, 3);
            let c0 = data(n * n, 4);
            let (mut got, mut want) = (c0.clone(), c0.clone());
            let akv = MatRef::col_major(&ak, n, k, n).unwrap();
            Naive
                .syrk(
                    uplo,
                    alpha,
                    akv,
                    z(0.0, 1.0),
                    MatMut::col_major(&mut got, n, n, n).unwrap(),
                )
                .unwrap();
            reference::syrk(
                uplo,
                alpha,
                akv,
                z(0.0, 1.0),
                MatMut::col_major(&mut want, n, n, n).unwrap(),
            );
            assert!(close(&got, &want, 1e-12), "syrk n={n} {uplo:?}");
            let x = data(n, 5);
            let (mut got, mut want) = (data(n, 6), data(n, 6));
            Naive
                .symv(
                    uplo,
                    alpha,
                    av,
                    VecRef::from_slice(&x),
                    z(2.0, 0.0),
                    VecMut::from_slice(&mut got),
                )
                .unwrap();
            reference::symv(
                uplo,
                alpha,
                av,
                VecRef::from_slice(&x),
                z(2.0, 0.0),
                VecMut::from_slice(&mut want),
            );
            assert!(close(&got, &want, 1e-12), "symv n={n} {uplo:?} {trans:?}");
        }
    }
}
