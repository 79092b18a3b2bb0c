//! Complex device buffers and the complex kernels on them, against naive
//! references in `Complex<f64>`: strided, offset and negative-stride
//! layouts, sizes 0, 1, odd and around the work-group sizes, `N`/`T`/`C` on
//! each operand, NaN, huge and tiny values, `alpha == 0` and `beta == 0`;
//! and reproducible mode, bit for bit against oxpar-core's host path.
//! Skips, with a note, where no OpenCL device exists (and `c64` where the
//! device has no double precision).

mod common;

use common::values;
use oxpar_core::exact::Reduction;
use oxpar_core::repro::{ReproSwitch, Reproducible};
use oxpar_core::{Complex, Element, Level1, Scalar, Serial, VecRef};
use oxpar_opencl::{
    DeviceBuffer, DeviceElement, DeviceLevel1, DeviceLevel2, DeviceLevel3, DeviceMat, DeviceScalar,
    MatLayout, OpenClBackend, SwitchableDevice, VecLayout,
};

type C64 = Complex<f64>;

fn c<R: Scalar>(v: C64) -> Complex<R> {
    Complex::new(R::from_f64(v.re), R::from_f64(v.im))
}

fn w<R: Scalar>(v: Complex<R>) -> C64 {
    Complex::new(v.re.as_f64(), v.im.as_f64())
}

/// `len` deterministic complex values in R, and the same widened.
fn cdata<R: Scalar>(len: usize, seed: u64) -> (Vec<Complex<R>>, Vec<C64>) {
    let re = values(len, seed);
    let im = values(len, seed ^ 0xABCD);
    let v: Vec<Complex<R>> = re
        .into_iter()
        .zip(im)
        .map(|(a, b)| c(Complex::new(a, b)))
        .collect();
    let wide = v.iter().map(|&x| w(x)).collect();
    (v, wide)
}

fn tol<R: Scalar>(terms: usize, scale: f64) -> f64 {
    4.0 * (terms as f64 + 4.0) * R::epsilon().as_f64() * scale + 1e-300
}

fn close<R: Scalar>(got: Complex<R>, want: C64, terms: usize, scale: f64, what: &str) {
    let g = w(got);
    if want.re.is_nan() || want.im.is_nan() {
        assert!(g.re.is_nan() || g.im.is_nan(), "{what}: {g} vs NaN {want}");
        return;
    }
    let d = (g - want).norm();
    assert!(
        d <= tol::<R>(terms, scale),
        "{what}: {g} vs {want} (|diff| {d:e})"
    );
}

fn vat(l: &VecLayout, i: usize) -> usize {
    (l.offset as isize + i as isize * l.stride) as usize
}

fn mat_at(l: &MatLayout, i: usize, j: usize) -> usize {
    (l.offset as isize + i as isize * l.rs + j as isize * l.cs) as usize
}

/// Layouts for `n` elements and the buffer length each needs: contiguous,
/// offset and strided, BLAS-style backwards, reversed with an offset.
fn vec_layouts(n: usize) -> Vec<(VecLayout, usize)> {
    vec![
        (VecLayout::contiguous(n), n),
        (VecLayout::new(n, 3, 2), 3 + 2 * n),
        (VecLayout::blas(n, -3), 3 * n.max(1)),
        (VecLayout::new(n, n.max(1) * 2, -1), 2 * n.max(1) + 1),
    ]
}

/// An m x n layout: column-major padded with an offset, row-major, or
/// reversed columns (negative column stride).
fn mat_layout(kind: usize, m: usize, n: usize) -> (MatLayout, usize) {
    let (mi, ni) = (m.max(1), n.max(1));
    match kind {
        0 => (
            MatLayout::new(m, n, 2, 1, mi as isize + 3),
            2 + mi + (ni - 1) * (mi + 3) + 1,
        ),
        1 => (MatLayout::row_major(m, n, ni), mi * ni),
        _ => (
            MatLayout::new(m, n, (ni - 1) * mi, 1, -(mi as isize)),
            mi * ni,
        ),
    }
}

fn sizes() -> [usize; 7] {
    [0, 1, 2, 7, 255, 256, 1031]
}

macro_rules! per_type {
    ($name:ident, $body:ident) => {
        mod $name {
            #[test]
            fn c32() {
                let cl = crate::backend_or_skip!();
                super::$body::<f32>(&cl);
            }
            #[test]
            fn c64() {
                let cl = crate::backend_or_skip!();
                if !cl.device().fp64 {
                    let e = cl.upload(&[oxpar_core::Complex64::new(1.0, 2.0)]).unwrap();
                    let r = oxpar_opencl::DeviceLevel1::sum(&cl, e.as_vec());
                    assert_eq!(r.unwrap_err().kind(), oxpar_core::ErrorKind::Unsupported);
                    eprintln!("note: no double precision on this device, c64 skipped");
                    return;
                }
                super::$body::<f64>(&cl);
            }
        }
    };
}

per_type!(level1_updates, level1_updates);
per_type!(level1_reductions, level1_reductions);
per_type!(special_values, special_values);
per_type!(gemv_ger, gemv_ger);
per_type!(gemm_ops, gemm_ops);
per_type!(reproducible, reproducible);

fn level1_updates<R: DeviceScalar>(cl: &OpenClBackend)
where
    Complex<R>: DeviceElement + Element<Real = R>,
{
    let alpha: Complex<R> = c(Complex::new(0.75, -1.25));
    for n in sizes() {
        for (lx, nx) in vec_layouts(n) {
            for (ly, ny) in vec_layouts(n).into_iter().rev() {
                let (hx, wx) = cdata::<R>(nx, 1 + n as u64);
                let (hy, wy) = cdata::<R>(ny, 2 + n as u64);
                let x = cl.upload(&hx).unwrap();
                // axpy
                let mut y = cl.upload(&hy).unwrap();
                DeviceLevel1::axpy(cl, alpha, x.vec(lx).unwrap(), y.vec_mut(ly).unwrap()).unwrap();
                let got = y.to_vec().unwrap();
                let mut want = wy.clone();
                for i in 0..n {
                    want[vat(&ly, i)] += w(alpha) * wx[vat(&lx, i)];
                }
                for (p, (&g, &e)) in got.iter().zip(&want).enumerate() {
                    close(g, e, 2, 4.0, &format!("axpy n={n} {lx:?} {ly:?} at {p}"));
                }
                // copy, then swap back
                let mut y = cl.upload(&hy).unwrap();
                DeviceLevel1::copy(cl, x.vec(lx).unwrap(), y.vec_mut(ly).unwrap()).unwrap();
                let got = y.to_vec().unwrap();
                for i in 0..n {
                    assert_eq!(got[vat(&ly, i)], hx[vat(&lx, i)], "copy n={n}");
                }
                let mut x2 = cl.upload(&hx).unwrap();
                let mut y = cl.upload(&hy).unwrap();
                DeviceLevel1::swap(cl, x2.vec_mut(lx).unwrap(), y.vec_mut(ly).unwrap()).unwrap();
                let (gx, gy) = (x2.to_vec().unwrap(), y.to_vec().unwrap());
                for i in 0..n {
                    assert_eq!(gx[vat(&lx, i)], hy[vat(&ly, i)], "swap x n={n}");
                    assert_eq!(gy[vat(&ly, i)], hx[vat(&lx, i)], "swap y n={n}");
                }
            }
            // scal, complex and real alpha (only the view's elements change)
            let (hx, wx) = cdata::<R>(nx, 3 + n as u64);
            let mut x = cl.upload(&hx).unwrap();
            DeviceLevel1::scal(cl, alpha, x.vec_mut(lx).unwrap()).unwrap();
            let got = x.to_vec().unwrap();
            let mut want = wx.clone();
            for i in 0..n {
                want[vat(&lx, i)] *= w(alpha);
            }
            for (&g, &e) in got.iter().zip(&want) {
                close(g, e, 1, 4.0, &format!("scal n={n} {lx:?}"));
            }
        }
    }
}

fn level1_reductions<R: DeviceScalar>(cl: &OpenClBackend)
where
    Complex<R>: DeviceElement + Element<Real = R>,
{
    for n in sizes() {
        for (lx, nx) in vec_layouts(n) {
            let (ly, ny) = vec_layouts(n)[(n + 1) % 4];
            let (hx, wx) = cdata::<R>(nx, 10 + n as u64);
            let (hy, wy) = cdata::<R>(ny, 11 + n as u64);
            let (x, y) = (cl.upload(&hx).unwrap(), cl.upload(&hy).unwrap());
            let (xv, yv) = (x.vec(lx).unwrap(), y.vec(ly).unwrap());
            let xs: Vec<C64> = (0..n).map(|i| wx[vat(&lx, i)]).collect();
            let ys: Vec<C64> = (0..n).map(|i| wy[vat(&ly, i)]).collect();
            let scale = n as f64 + 1.0;
            let dotu: C64 = xs.iter().zip(&ys).map(|(a, b)| a * b).sum();
            let dotc: C64 = xs.iter().zip(&ys).map(|(a, b)| a.conj() * b).sum();
            let sum: C64 = xs.iter().sum();
            let asum: f64 = xs.iter().map(|v| v.re.abs() + v.im.abs()).sum();
            let nrm2 = xs.iter().map(|v| v.norm_sqr()).sum::<f64>().sqrt();
            let what = format!("n={n} {lx:?} {ly:?}");
            close(
                DeviceLevel1::dot(cl, xv, yv).unwrap(),
                dotu,
                n,
                scale,
                &format!("dot {what}"),
            );
            close(
                DeviceLevel1::dotc(cl, xv, yv).unwrap(),
                dotc,
                n,
                scale,
                &format!("dotc {what}"),
            );
            close(
                DeviceLevel1::sum(cl, xv).unwrap(),
                sum,
                n,
                scale,
                &format!("sum {what}"),
            );
            let re = |v: R| Complex::new(v, R::zero());
            close(
                re(DeviceLevel1::asum(cl, xv).unwrap()),
                asum.into(),
                n,
                scale,
                &format!("asum {what}"),
            );
            close(
                re(DeviceLevel1::nrm2(cl, xv).unwrap()),
                nrm2.into(),
                n,
                nrm2.max(1e-300),
                &format!("nrm2 {what}"),
            );
            // iamax by |re| + |im| of the rounded values: the first maximum.
            let want = (0..n).fold(None, |best: Option<usize>, i| {
                let v = xs[i].re.abs() + xs[i].im.abs();
                match best {
                    Some(b) if xs[b].re.abs() + xs[b].im.abs() >= v => Some(b),
                    _ => Some(i),
                }
            });
            assert_eq!(DeviceLevel1::iamax(cl, xv).unwrap(), want, "iamax {what}");
        }
    }
}

fn special_values<R: DeviceScalar>(cl: &OpenClBackend)
where
    Complex<R>: DeviceElement + Element<Real = R>,
{
    let one: Complex<R> = c(Complex::new(1.0, 0.0));
    let zero: Complex<R> = c(Complex::new(0.0, 0.0));
    let nan = R::from_f64(f64::NAN);
    // A NaN component reaches dot, sum, nrm2, asum; iamax picks the first NaN.
    for n in [1usize, 7, 300] {
        let (mut hx, _) = cdata::<R>(n, 20);
        hx[n / 2].im = nan;
        if n > 2 {
            hx[n - 1].re = nan;
        }
        let x = cl.upload(&hx).unwrap();
        let v = x.as_vec();
        let d = DeviceLevel1::dotc(cl, v, v).unwrap();
        assert!(d.re.is_nan() || d.im.is_nan(), "dotc with NaN n={n}");
        assert!(DeviceLevel1::sum(cl, v).unwrap().im.is_nan());
        assert!(DeviceLevel1::nrm2(cl, v).unwrap().is_nan());
        assert!(DeviceLevel1::asum(cl, v).unwrap().is_nan());
        assert_eq!(
            DeviceLevel1::iamax(cl, v).unwrap(),
            Some(n / 2),
            "iamax NaN n={n}"
        );
    }
    // nrm2 neither overflows nor underflows.
    let max = R::max_value().as_f64();
    for (scale, what) in [
        (max / 64.0, "huge"),
        (R::min_positive_value().as_f64() * 4.0, "tiny"),
    ] {
        let h: Vec<Complex<R>> = (0..100)
            .map(|_| c(Complex::new(3.0 * scale / 8.0, 4.0 * scale / 8.0)))
            .collect();
        let x = cl.upload(&h).unwrap();
        let got = DeviceLevel1::nrm2(cl, x.as_vec()).unwrap().as_f64();
        let want = 10.0 * (5.0 * scale / 8.0);
        assert!(
            (got / want - 1.0).abs() < 1e-5,
            "nrm2 {what}: {got:e} vs {want:e}"
        );
    }
    // beta == 0 does not read y (NaN in it does not come out); alpha == 0
    // does not read A or x.
    let m = 5;
    let (ha, _) = cdata::<R>(m * m, 21);
    let a = cl.upload(&ha).unwrap();
    let (hx, _) = cdata::<R>(m, 22);
    let x = cl.upload(&hx).unwrap();
    let mut y = cl.upload(&vec![Complex::new(nan, nan); m]).unwrap();
    let l = MatLayout::col_major(m, m, m);
    DeviceLevel2::gemv(cl, one, a.mat(l).unwrap(), x.as_vec(), zero, y.as_vec_mut()).unwrap();
    assert!(y
        .to_vec()
        .unwrap()
        .iter()
        .all(|v| !v.re.is_nan() && !v.im.is_nan()));
    let xn = cl.upload(&vec![Complex::new(nan, nan); m]).unwrap();
    let two: Complex<R> = c(Complex::new(2.0, 0.0));
    let mut y = cl.upload(&hx).unwrap();
    DeviceLevel2::gemv(
        cl,
        zero,
        a.mat(l).unwrap(),
        xn.as_vec(),
        two,
        y.as_vec_mut(),
    )
    .unwrap();
    for (g, h) in y.to_vec().unwrap().iter().zip(&hx) {
        assert_eq!(*g, *h * two, "gemv alpha == 0 scales y only");
    }
    let mut cm = cl.upload(&vec![Complex::new(nan, nan); m * m]).unwrap();
    DeviceLevel3::gemm(
        cl,
        one,
        a.mat(l).unwrap(),
        a.mat(l).unwrap(),
        zero,
        cm.mat_mut(l).unwrap(),
    )
    .unwrap();
    assert!(cm
        .to_vec()
        .unwrap()
        .iter()
        .all(|v| !v.re.is_nan() && !v.im.is_nan()));
    // Wrong shapes are errors, not panics.
    let e = DeviceLevel1::dot(cl, x.as_vec(), a.as_vec()).unwrap_err();
    assert_eq!(e.kind(), oxpar_core::ErrorKind::ShapeMismatch);
}

/// op(A) for a view: N, T or C.
fn op<'a, R: DeviceScalar>(a: DeviceMat<'a, Complex<R>>, op: char) -> DeviceMat<'a, Complex<R>>
where
    Complex<R>: DeviceElement,
{
    match op {
        'N' => a,
        'T' => a.t(),
        _ => a.h(),
    }
}

/// The logical element (i, j) of op(stored) where stored is `rows x cols`
/// at `l` in `h`.
fn op_at(h: &[C64], l: &MatLayout, op: char, i: usize, j: usize) -> C64 {
    match op {
        'N' => h[mat_at(l, i, j)],
        'T' => h[mat_at(l, j, i)],
        _ => h[mat_at(l, j, i)].conj(),
    }
}

fn gemv_ger<R: DeviceScalar>(cl: &OpenClBackend)
where
    Complex<R>: DeviceElement + Element<Real = R>,
{
    let alpha: Complex<R> = c(Complex::new(-0.5, 1.5));
    let beta: Complex<R> = c(Complex::new(0.25, 0.5));
    for (m, n) in [(1, 1), (7, 3), (3, 7), (130, 67), (0, 4), (4, 0)] {
        for kind in 0..3 {
            for o in ['N', 'T', 'C'] {
                let (sr, sc) = if o == 'N' { (m, n) } else { (n, m) };
                let (la, na) = mat_layout(kind, sr, sc);
                let (ha, wa) = cdata::<R>(na, 30);
                let a = cl.upload(&ha).unwrap();
                let (lx, nx) = vec_layouts(n)[kind];
                let (ly, ny) = vec_layouts(m)[(kind + 2) % 4];
                let (hx, wx) = cdata::<R>(nx, 31);
                let (hy, wy) = cdata::<R>(ny, 32);
                let x = cl.upload(&hx).unwrap();
                let mut y = cl.upload(&hy).unwrap();
                let av = op(a.mat(la).unwrap(), o);
                DeviceLevel2::gemv(
                    cl,
                    alpha,
                    av,
                    x.vec(lx).unwrap(),
                    beta,
                    y.vec_mut(ly).unwrap(),
                )
                .unwrap();
                let got = y.to_vec().unwrap();
                let mut want = wy.clone();
                for i in 0..m {
                    let s: C64 = (0..n)
                        .map(|j| op_at(&wa, &la, o, i, j) * wx[vat(&lx, j)])
                        .sum();
                    let at = vat(&ly, i);
                    want[at] = w(alpha) * s + w(beta) * wy[at];
                }
                for (p, (&g, &e)) in got.iter().zip(&want).enumerate() {
                    close(
                        g,
                        e,
                        n,
                        (n + 1) as f64,
                        &format!("gemv {o} {m}x{n} kind {kind} at {p}"),
                    );
                }
            }
            // geru and gerc on an m x n A of this kind.
            let (la, na) = mat_layout(kind, m, n);
            let (ha, wa) = cdata::<R>(na, 33);
            let (lx, nx) = vec_layouts(m)[kind];
            let (ly, ny) = vec_layouts(n)[3 - kind];
            let (hx, wx) = cdata::<R>(nx, 34);
            let (hy, wy) = cdata::<R>(ny, 35);
            let (x, y) = (cl.upload(&hx).unwrap(), cl.upload(&hy).unwrap());
            for conj in [false, true] {
                let mut a = cl.upload(&ha).unwrap();
                let (xv, yv, av) = (
                    x.vec(lx).unwrap(),
                    y.vec(ly).unwrap(),
                    a.mat_mut(la).unwrap(),
                );
                if conj {
                    DeviceLevel2::gerc(cl, alpha, xv, yv, av).unwrap();
                } else {
                    DeviceLevel2::ger(cl, alpha, xv, yv, av).unwrap();
                }
                let got = a.to_vec().unwrap();
                let mut want = wa.clone();
                for i in 0..m {
                    for j in 0..n {
                        let yj = wy[vat(&ly, j)];
                        let yj = if conj { yj.conj() } else { yj };
                        want[mat_at(&la, i, j)] += w(alpha) * wx[vat(&lx, i)] * yj;
                    }
                }
                for (p, (&g, &e)) in got.iter().zip(&want).enumerate() {
                    close(
                        g,
                        e,
                        2,
                        4.0,
                        &format!("ger conj={conj} {m}x{n} kind {kind} at {p}"),
                    );
                }
            }
        }
    }
}

fn gemm_ops<R: DeviceScalar>(cl: &OpenClBackend)
where
    Complex<R>: DeviceElement + Element<Real = R>,
{
    let alpha: Complex<R> = c(Complex::new(0.5, -1.0));
    for (m, n, k) in [
        (1, 1, 1),
        (17, 5, 9),
        (65, 70, 33),
        (64, 64, 64),
        (3, 130, 1),
        (40, 20, 150),
    ] {
        for beta in [Complex::new(0.0, 0.0), Complex::new(-0.75, 0.25)] {
            for oa in ['N', 'T', 'C'] {
                for ob in ['N', 'T', 'C'] {
                    let kind = (m + k + oa as usize + ob as usize) % 3;
                    let (ar, ac) = if oa == 'N' { (m, k) } else { (k, m) };
                    let (br, bc) = if ob == 'N' { (k, n) } else { (n, k) };
                    let (la, na) = mat_layout(kind, ar, ac);
                    let (lb, nb) = mat_layout((kind + 1) % 3, br, bc);
                    let (lc, nc) = mat_layout((kind + 2) % 3, m, n);
                    let (ha, wa) = cdata::<R>(na, 40);
                    let (hb, wb) = cdata::<R>(nb, 41);
                    let (mut hc, mut wc) = cdata::<R>(nc, 42);
                    if beta.re == 0.0 {
                        // Not read: NaN must not come out.
                        let nan = R::from_f64(f64::NAN);
                        for i in 0..m {
                            for j in 0..n {
                                hc[mat_at(&lc, i, j)] = Complex::new(nan, nan);
                                wc[mat_at(&lc, i, j)] = Complex::new(0.0, 0.0);
                            }
                        }
                    }
                    let (a, b) = (cl.upload(&ha).unwrap(), cl.upload(&hb).unwrap());
                    let mut cb: DeviceBuffer<Complex<R>> = cl.upload(&hc).unwrap();
                    DeviceLevel3::gemm(
                        cl,
                        alpha,
                        op(a.mat(la).unwrap(), oa),
                        op(b.mat(lb).unwrap(), ob),
                        c(beta),
                        cb.mat_mut(lc).unwrap(),
                    )
                    .unwrap();
                    let got = cb.to_vec().unwrap();
                    for p in 0..nc {
                        let mut want = wc[p];
                        // Elements of C's buffer outside the view stay.
                        let mut inside = false;
                        for i in 0..m {
                            for j in 0..n {
                                if mat_at(&lc, i, j) == p {
                                    inside = true;
                                    let s: C64 = (0..k)
                                        .map(|q| {
                                            op_at(&wa, &la, oa, i, q) * op_at(&wb, &lb, ob, q, j)
                                        })
                                        .sum();
                                    want = w(alpha) * s + beta * wc[p];
                                }
                            }
                        }
                        let what = format!("gemm {oa}{ob} m={m} n={n} k={k} beta={beta} at {p}");
                        if inside {
                            close(got[p], want, k, (k + 1) as f64, &what);
                        } else {
                            assert_eq!(w(got[p]), w(hc[p]), "{what}: written outside C");
                        }
                    }
                }
            }
        }
    }
}

/// Reproducible mode on device buffers equals oxpar-core's reproducible
/// mode on the host, bit for bit, for data with heavy cancellation.
fn reproducible<R: DeviceScalar>(cl: &OpenClBackend)
where
    Complex<R>: DeviceElement + Element<Real = R>,
    Serial: Level1<Complex<R>>,
{
    let dev = SwitchableDevice::new(cl.clone(), ReproSwitch::new(true));
    let host = Reproducible::new(Serial);
    for n in [1usize, 5, 257, 3000] {
        let (mut hx, _) = cdata::<R>(n, 50);
        let (hy, _) = cdata::<R>(n, 51);
        // Cancellation: big terms and their negatives around small ones.
        for i in (0..n).step_by(3) {
            hx[i] = hx[i].scale(R::from_f64(1e6));
        }
        let (x, y) = (cl.upload(&hx).unwrap(), cl.upload(&hy).unwrap());
        let (xv, yv) = (x.as_vec(), y.as_vec());
        let (hxv, hyv) = (VecRef::from_slice(&hx), VecRef::from_slice(&hy));
        assert_eq!(
            DeviceLevel1::dot(&dev, xv, yv).unwrap(),
            host.dot(hxv, hyv).unwrap(),
            "dot n={n}"
        );
        assert_eq!(
            DeviceLevel1::dotc(&dev, xv, yv).unwrap(),
            host.dotc(hxv, hyv).unwrap(),
            "dotc n={n}"
        );
        assert_eq!(
            DeviceLevel1::sum(&dev, xv).unwrap(),
            host.sum(hxv).unwrap(),
            "sum n={n}"
        );
        assert_eq!(
            DeviceLevel1::asum(&dev, xv).unwrap(),
            host.asum(hxv).unwrap(),
            "asum n={n}"
        );
        assert_eq!(
            DeviceLevel1::nrm2(&dev, xv).unwrap(),
            host.nrm2(hxv).unwrap(),
            "nrm2 n={n}"
        );
        // A negative stride: the same elements backwards give the same
        // (order-independent) results.
        let rev = x.vec(VecLayout::blas(n, -1)).unwrap();
        let hrev: Vec<Complex<R>> = hx.iter().rev().copied().collect();
        assert_eq!(
            DeviceLevel1::sum(&dev, rev).unwrap(),
            host.sum(VecRef::from_slice(&hrev)).unwrap(),
            "sum backwards n={n}"
        );
    }
    // Infinities keep their signs through the negated products.
    let inf = R::from_f64(f64::INFINITY);
    let hx = vec![
        Complex::new(R::one(), inf),
        Complex::new(R::one(), R::one()),
    ];
    let hy = vec![
        Complex::new(R::one(), R::one()),
        Complex::new(R::one(), R::one()),
    ];
    let (x, y) = (cl.upload(&hx).unwrap(), cl.upload(&hy).unwrap());
    let (hxv, hyv) = (VecRef::from_slice(&hx), VecRef::from_slice(&hy));
    for (got, want) in [
        (
            DeviceLevel1::dot(&dev, x.as_vec(), y.as_vec()).unwrap(),
            host.dot(hxv, hyv).unwrap(),
        ),
        (
            DeviceLevel1::dotc(&dev, x.as_vec(), y.as_vec()).unwrap(),
            host.dotc(hxv, hyv).unwrap(),
        ),
    ] {
        assert_eq!(w(got).to_string(), w(want).to_string());
    }
    // reduce_exact (one accumulator) is an error for complex data.
    let e = DeviceLevel1::reduce_exact(cl, Reduction::Sum, x.as_vec(), None).unwrap_err();
    assert_eq!(e.kind(), oxpar_core::ErrorKind::Unsupported);
}

/// `scal_real` (csscal): each component times a real alpha, so Inf stays
/// Inf where the complex product with `alpha + 0i` would give NaN.
#[test]
fn scal_real_keeps_infinities() {
    let cl = backend_or_skip!();
    cl.warm_up::<Complex<f32>>().unwrap();
    let inf = f32::INFINITY;
    let mut h = vec![Complex::new(inf, 1.0f32), Complex::new(2.0, -3.0)];
    let mut hs = h.clone();
    cl.scal_real(2.0, oxpar_core::VecMut::from_slice(&mut h))
        .unwrap();
    assert_eq!(h, vec![Complex::new(inf, 2.0), Complex::new(4.0, -6.0)]);
    // The same on a device buffer, with a stride.
    let mut d = cl.upload(&[h[0], h[1], h[0]]).unwrap();
    cl.scal_real_device(0.5, d.vec_mut(VecLayout::new(2, 0, 2)).unwrap())
        .unwrap();
    assert_eq!(
        d.to_vec().unwrap(),
        vec![Complex::new(inf, 1.0), h[1], Complex::new(inf, 1.0)]
    );
    // The complex product's own semantics: 0 * Inf in the imaginary part.
    Level1::scal(
        &cl,
        Complex::new(2.0, 0.0),
        oxpar_core::VecMut::from_slice(&mut hs),
    )
    .unwrap();
    assert!(hs[0].im.is_nan());
}

/// Complex buffers are `float2` arguments of user kernels, checked against
/// the declaration (a `float*` parameter refuses them).
#[test]
fn user_kernels_take_complex_buffers() {
    let cl = backend_or_skip!();
    let src = r#"
__kernel void conj2(__global float2* x) { x[get_global_id(0)].y *= -1.0f; }
__kernel void real1(__global float* x) { x[get_global_id(0)] = 0.0f; }
"#;
    let p = cl.build_program(src, "").unwrap();
    let mut x = cl
        .upload(&[Complex::new(1.0f32, 2.0), Complex::new(-3.0, 4.0)])
        .unwrap();
    let mut k = p.kernel("conj2").unwrap();
    k.set_arg(0, &mut x).unwrap();
    // SAFETY: the kernel writes one element per work-item, 2 items, 2 elements.
    unsafe { k.launch(&[2], None).unwrap() };
    assert_eq!(
        x.to_vec().unwrap(),
        vec![Complex::new(1.0, -2.0), Complex::new(-3.0, -4.0)]
    );
    let mut k = p.kernel("real1").unwrap();
    let e = k.set_arg(0, &mut x).unwrap_err();
    assert_eq!(e.kind(), oxpar_core::ErrorKind::InvalidArgument);
}
