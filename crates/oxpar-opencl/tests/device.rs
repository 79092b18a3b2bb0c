//! Device buffers and the built-in kernels on them, against naive f64
//! references: strided and negative-stride layouts with offsets, sizes that
//! cross the work-group sizes, the special cases (NaN, Inf, huge values,
//! alpha == 0, beta == 0). Skips, with a note, where no OpenCL device exists.

mod common;

use common::values;
use oxpar_core::{ErrorKind, Scalar};
use oxpar_opencl::{
    DeviceBuffer, DeviceLevel1, DeviceLevel2, DeviceLevel3, DeviceScalar, MatLayout, OpenClBackend,
    VecLayout,
};

fn t<T: Scalar>(v: f64) -> T {
    T::from_f64(v)
}

/// A buffer of `len` elements from `seed`, widened back to f64 for references.
fn data<T: DeviceScalar>(cl: &OpenClBackend, len: usize, seed: u64) -> (DeviceBuffer<T>, Vec<f64>) {
    let host: Vec<T> = values(len, seed).into_iter().map(t::<T>).collect();
    let buf = cl.upload(&host).unwrap();
    (buf, host.iter().map(|v| v.as_f64()).collect())
}

fn tol<T: Scalar>(terms: usize, scale: f64) -> f64 {
    (terms as f64 + 4.0) * T::epsilon().as_f64() * scale + 1e-300
}

fn vget(l: &VecLayout, h: &[f64], i: usize) -> f64 {
    h[(l.offset as isize + i as isize * l.stride) as usize]
}

fn mget(l: &MatLayout, h: &[f64], i: usize, j: usize) -> f64 {
    h[(l.offset as isize + i as isize * l.rs + j as isize * l.cs) as usize]
}

/// Layouts for `n` elements: contiguous, offset and strided, backwards,
/// offset with stride 1. Paired with the list reversed, the first and last
/// give both operands stride 1 (the element-wise kernels' fast path); the
/// fourth (stride -1) with itself is the fast path's other case.
fn vec_layouts(n: usize) -> Vec<(VecLayout, usize)> {
    vec![
        (VecLayout::contiguous(n), n),
        (VecLayout::new(n, 3, 2), 3 + 2 * n),
        (VecLayout::blas(n, -3), 3 * n.max(1)),
        (VecLayout::new(n, n.max(1) * 2, -1), 2 * n.max(1) + 1),
        (VecLayout::new(n, 5, 1), n + 7),
    ]
}

/// Layouts for an m x n matrix: column-major padded, row-major, neither
/// stride 1, reversed.
fn mat_layouts(m: usize, n: usize) -> Vec<(MatLayout, usize)> {
    let (mi, ni) = (m.max(1), n.max(1));
    vec![
        (
            MatLayout::new(m, n, 2, 1, mi as isize + 3),
            2 + mi + (ni - 1) * (mi + 3) + 1,
        ),
        (MatLayout::row_major(m, n, ni), mi * ni),
        (
            MatLayout::new(m, n, 1, 2, 2 * mi as isize + 1),
            1 + 2 * mi + (ni - 1) * (2 * mi + 1),
        ),
        (
            MatLayout::new(m, n, mi * ni - 1, -1, -(mi as isize)),
            mi * ni,
        ),
    ]
}

#[test]
fn buffers_round_trip() {
    let cl = backend_or_skip!();
    for n in [0usize, 1, 7, 1000, 100_003] {
        let v: Vec<f32> = (0..n).map(|i| i as f32 * 0.5 - 3.0).collect();
        let b = cl.upload(&v).unwrap();
        assert_eq!(b.len(), n);
        assert_eq!(b.to_vec().unwrap(), v);
        let mut z = cl.zeroed::<f64>(n).unwrap();
        assert!(z.to_vec().unwrap().iter().all(|&x| x == 0.0));
        let w: Vec<f64> = (0..n).map(|i| -(i as f64)).collect();
        z.upload(&w).unwrap();
        let mut out = vec![1.0; n];
        z.download(&mut out).unwrap();
        assert_eq!(out, w);
    }
    let b = cl.upload(&[1.0f32, 2.0]).unwrap();
    assert_eq!(
        b.download(&mut [0.0; 3]).unwrap_err().kind(),
        ErrorKind::ShapeMismatch
    );
    let mut b = b;
    assert_eq!(
        b.upload(&[0.0]).unwrap_err().kind(),
        ErrorKind::ShapeMismatch
    );
    // NaN payloads and infinities travel unchanged.
    let special = [f64::NAN, f64::INFINITY, -0.0, f64::MIN_POSITIVE / 4.0];
    let got = cl.upload(&special).unwrap().to_vec().unwrap();
    assert!(got[0].is_nan() && got[1] == f64::INFINITY && got[2].is_sign_negative());
    assert_eq!(got[3], special[3]);
}

#[test]
fn buffers_refuse_other_contexts_and_bad_layouts() {
    let cl = backend_or_skip!();
    let other = OpenClBackend::from_spec("opencl").unwrap();
    let x = cl.upload(&[1.0f32, 2.0, 3.0]).unwrap();
    let y = other.upload(&[1.0f32, 2.0, 3.0]).unwrap();
    let e = cl.dot(x.as_vec(), y.as_vec()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(e.message().contains("another OpenCL backend"), "{e}");
    assert!(e.message().starts_with("y:"), "{e}");
    let mut z = other.zeroed::<f32>(3).unwrap();
    assert_eq!(
        cl.copy(x.as_vec(), z.as_vec_mut()).unwrap_err().kind(),
        ErrorKind::InvalidArgument
    );
    // Within one context, all fine.
    assert_eq!(cl.dot(x.as_vec(), x.as_vec()).unwrap(), 14.0);
    // Views outside the buffer, zero strides, overlapping outputs.
    assert_eq!(
        x.vec(VecLayout::new(2, 2, 1)).unwrap_err().kind(),
        ErrorKind::ShapeMismatch
    );
    assert_eq!(
        x.vec(VecLayout::new(2, 0, -1)).unwrap_err().kind(),
        ErrorKind::ShapeMismatch
    );
    // A zero stride repeats one element: fine to read, refused to write.
    let repeated = x.vec(VecLayout::new(3, 1, 0)).unwrap();
    assert_eq!(
        cl.dot(repeated, x.as_vec()).unwrap(),
        2.0 * (1.0 + 2.0 + 3.0)
    );
    let mut w = cl.zeroed::<f32>(3).unwrap();
    assert_eq!(
        w.vec_mut(VecLayout::new(2, 0, 0)).unwrap_err().kind(),
        ErrorKind::InvalidStride
    );
    let mut m = cl.zeroed::<f32>(9).unwrap();
    assert_eq!(
        m.mat_mut(MatLayout::col_major(3, 3, 2)).unwrap_err().kind(),
        ErrorKind::InvalidStride
    );
    assert!(
        m.mat(MatLayout::col_major(3, 3, 2)).is_ok(),
        "inputs may overlap"
    );
    assert_eq!(
        m.mat(MatLayout::col_major(3, 4, 3)).unwrap_err().kind(),
        ErrorKind::ShapeMismatch
    );
    // Shapes are checked as on the host path.
    let a = cl.zeroed::<f32>(6).unwrap();
    let mut c = cl.zeroed::<f32>(4).unwrap();
    let e = cl
        .gemm(
            1.0,
            a.mat(MatLayout::col_major(2, 3, 2)).unwrap(),
            a.mat(MatLayout::col_major(2, 3, 2)).unwrap(),
            0.0,
            c.mat_mut(MatLayout::col_major(2, 2, 2)).unwrap(),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ShapeMismatch);
    assert!(e.message().contains("inner"), "{e}");
}

fn level1<T: DeviceScalar>(cl: &OpenClBackend) {
    for n in [0usize, 1, 2, 255, 256, 257, 4099, 70_001] {
        let layouts = vec_layouts(n);
        let last = layouts.len() - 1;
        // Each layout with the list's reverse; and both backwards at stride
        // -1 (the element-wise kernels' fast path walks them forwards).
        let pairs = (0..=last).map(|i| (i, last - i)).chain([(3, 3)]);
        for (k, ((xl, xlen), (yl, ylen))) in
            pairs.map(|(i, j)| (layouts[i], layouts[j])).enumerate()
        {
            let seed = n as u64 * 31 + k as u64;
            let (xb, xh) = data::<T>(cl, xlen, seed);
            let (mut yb, yh) = data::<T>(cl, ylen, seed + 7);
            let x = xb.vec(xl).unwrap();
            let what = format!("{:?} n={n} layouts {xl:?} {yl:?}", T::DTYPE);

            // dot, asum, nrm2, iamax
            let want: f64 = (0..n).map(|i| vget(&xl, &xh, i) * vget(&yl, &yh, i)).sum();
            let scale: f64 = (0..n)
                .map(|i| (vget(&xl, &xh, i) * vget(&yl, &yh, i)).abs())
                .sum();
            let got = cl.dot(x, yb.vec(yl).unwrap()).unwrap().as_f64();
            assert!(
                (got - want).abs() <= tol::<T>(n, scale),
                "dot {what}: {got} vs {want}"
            );
            let want: f64 = (0..n).map(|i| vget(&xl, &xh, i).abs()).sum();
            let got = cl.asum(x).unwrap().as_f64();
            assert!(
                (got - want).abs() <= tol::<T>(n, want),
                "asum {what}: {got} vs {want}"
            );
            let want = (0..n)
                .map(|i| vget(&xl, &xh, i).powi(2))
                .sum::<f64>()
                .sqrt();
            let got = cl.nrm2(x).unwrap().as_f64();
            assert!(
                (got - want).abs() <= tol::<T>(n, want),
                "nrm2 {what}: {got} vs {want}"
            );
            let m = (0..n).map(|i| vget(&xl, &xh, i).abs()).fold(-1.0, f64::max);
            let want = (0..n).position(|i| vget(&xl, &xh, i).abs() == m);
            assert_eq!(cl.iamax(x).unwrap(), want, "iamax {what}");

            // axpy: y += alpha*x; then the guards (elements outside y) must hold.
            let alpha = t::<T>(-0.75);
            cl.axpy(alpha, x, yb.vec_mut(yl).unwrap()).unwrap();
            let after: Vec<f64> = yb.to_vec().unwrap().iter().map(|v| v.as_f64()).collect();
            let inside: std::collections::HashSet<usize> = (0..n)
                .map(|i| (yl.offset as isize + i as isize * yl.stride) as usize)
                .collect();
            for (p, (&a, &b)) in after.iter().zip(&yh).enumerate() {
                if !inside.contains(&p) {
                    assert_eq!(a, b, "axpy wrote outside y at {p}: {what}");
                }
            }
            for i in 0..n {
                let want = vget(&yl, &yh, i) + alpha.as_f64() * vget(&xl, &xh, i);
                let got = vget(&yl, &after, i);
                assert!((got - want).abs() <= tol::<T>(2, 2.0), "axpy {what} i={i}");
            }

            // scal, copy, swap are exact.
            let mut x2 = cl.upload(&xb.to_vec().unwrap()).unwrap();
            cl.scal(t::<T>(3.0), x2.vec_mut(xl).unwrap()).unwrap();
            let s: Vec<f64> = x2.to_vec().unwrap().iter().map(|v| v.as_f64()).collect();
            for i in 0..n {
                assert_eq!(
                    vget(&xl, &s, i),
                    (t::<T>(3.0) * t::<T>(vget(&xl, &xh, i))).as_f64()
                );
            }
            cl.copy(x, yb.vec_mut(yl).unwrap()).unwrap();
            let c: Vec<f64> = yb.to_vec().unwrap().iter().map(|v| v.as_f64()).collect();
            for i in 0..n {
                assert_eq!(vget(&yl, &c, i), vget(&xl, &xh, i), "copy {what}");
            }
            let (mut sx, sxh) = data::<T>(cl, xlen, seed + 11);
            cl.swap(sx.vec_mut(xl).unwrap(), yb.vec_mut(yl).unwrap())
                .unwrap();
            let (a, b): (Vec<f64>, Vec<f64>) = (
                sx.to_vec().unwrap().iter().map(|v| v.as_f64()).collect(),
                yb.to_vec().unwrap().iter().map(|v| v.as_f64()).collect(),
            );
            for i in 0..n {
                assert_eq!(vget(&xl, &a, i), vget(&yl, &c, i), "swap x {what}");
                assert_eq!(vget(&yl, &b, i), vget(&xl, &sxh, i), "swap y {what}");
            }
        }
    }
}

#[test]
fn level1_on_device_buffers_f32() {
    level1::<f32>(&backend_or_skip!());
}

#[test]
fn level1_on_device_buffers_f64() {
    level1::<f64>(&backend_or_skip!());
}

fn special<T: DeviceScalar>(cl: &OpenClBackend) {
    for n in [1usize, 300, 100_003] {
        // Huge and tiny values: no overflow, no underflow.
        for v in [
            T::max_value() / t::<T>(4.0),
            T::min_positive_value(),
            -T::max_value().sqrt(),
        ] {
            let b = cl.upload(&vec![v; n]).unwrap();
            let got = cl.nrm2(b.as_vec()).unwrap().as_f64();
            let want = v.as_f64().abs() * (n as f64).sqrt();
            if want <= T::max_value().as_f64() {
                assert!(
                    (got / want - 1.0).abs() < 1e-5,
                    "nrm2 {n} x {v:?}: {got} vs {want}"
                );
            } else {
                assert_eq!(got, f64::INFINITY, "the true norm overflows {:?}", T::DTYPE);
            }
        }
        // NaN wins iamax (the first one), and makes nrm2, dot and asum NaN.
        let mut h: Vec<T> = (0..n).map(|i| t::<T>((i % 5) as f64 - 2.0)).collect();
        h[n - 1] = T::infinity();
        let b = cl.upload(&h).unwrap();
        assert_eq!(cl.iamax(b.as_vec()).unwrap(), Some(n - 1));
        assert_eq!(cl.nrm2(b.as_vec()).unwrap(), T::infinity());
        h[n / 2] = T::nan();
        h[n - 1] = T::nan();
        let b = cl.upload(&h).unwrap();
        assert_eq!(cl.iamax(b.as_vec()).unwrap(), Some(n / 2));
        assert!(cl.nrm2(b.as_vec()).unwrap().is_nan());
        assert!(cl.asum(b.as_vec()).unwrap().is_nan());
        assert!(cl.dot(b.as_vec(), b.as_vec()).unwrap().is_nan());
        // Ties: the first maximum, also backwards.
        let tie: Vec<T> = (0..n)
            .map(|i| t::<T>(if i % 3 == 1 { -4.0 } else { 1.0 }))
            .collect();
        let b = cl.upload(&tie).unwrap();
        let first = if n > 1 { Some(1) } else { Some(0) };
        assert_eq!(cl.iamax(b.as_vec()).unwrap(), first);
        if n > 1 {
            let last4 = (0..n).rev().find(|i| i % 3 == 1).unwrap();
            let rev = b.vec(VecLayout::blas(n, -1)).unwrap();
            assert_eq!(cl.iamax(rev).unwrap(), Some(n - 1 - last4));
        }
        // alpha == 0: axpy reads nothing, changes nothing.
        let mut y = cl.upload(&vec![t::<T>(1.5); n]).unwrap();
        let nan = cl.upload(&vec![T::nan(); n]).unwrap();
        cl.axpy(T::zero(), nan.as_vec(), y.as_vec_mut()).unwrap();
        assert!(y.to_vec().unwrap().iter().all(|&v| v == t::<T>(1.5)));
        // scal by 0 is a product: NaN stays NaN.
        let mut z = cl.upload(&vec![T::nan(); n]).unwrap();
        cl.scal(T::zero(), z.as_vec_mut()).unwrap();
        assert!(z.to_vec().unwrap().iter().all(|v| v.is_nan()));
    }
    // Empty vectors.
    let e = cl.zeroed::<T>(0).unwrap();
    assert_eq!(cl.iamax(e.as_vec()).unwrap(), None);
    assert_eq!(cl.nrm2(e.as_vec()).unwrap(), T::zero());
    assert_eq!(cl.dot(e.as_vec(), e.as_vec()).unwrap(), T::zero());
    // The same reduction twice gives the same bits.
    let (b, _) = data::<T>(cl, 123_457, 5);
    let d1 = cl.dot(b.as_vec(), b.as_vec()).unwrap();
    let d2 = cl.dot(b.as_vec(), b.as_vec()).unwrap();
    assert_eq!(d1, d2, "reductions are deterministic");
}

#[test]
fn special_values_f32() {
    special::<f32>(&backend_or_skip!());
}

#[test]
fn special_values_f64() {
    special::<f64>(&backend_or_skip!());
}

fn level2<T: DeviceScalar>(cl: &OpenClBackend) {
    for (m, n) in [
        (1usize, 1usize),
        (5, 0),
        (0, 4),
        (17, 33),
        (300, 7),
        (7, 300),
    ] {
        for (k, (al, alen)) in mat_layouts(m, n).into_iter().enumerate() {
            let seed = (m * 1000 + n) as u64 + k as u64;
            let (ab, ah) = data::<T>(cl, alen, seed);
            let a = ab.mat(al).unwrap();
            for trans in [false, true] {
                let (a_op, rows, cols) = if trans { (a.t(), n, m) } else { (a, m, n) };
                let op = |i: usize, j: usize| {
                    if trans {
                        mget(&al, &ah, j, i)
                    } else {
                        mget(&al, &ah, i, j)
                    }
                };
                let (xl, xlen) = vec_layouts(cols)[k % 4];
                let (yl, ylen) = vec_layouts(rows)[(k + 1) % 4];
                let (xb, xh) = data::<T>(cl, xlen, seed + 1);
                for (alpha, beta) in [
                    (1.0, 0.0),
                    (-0.5, 2.0),
                    (0.0, -1.0),
                    (0.0, 0.0),
                    (0.25, 1.0),
                ] {
                    let (mut yb, mut yh) = data::<T>(cl, ylen, seed + 2);
                    if beta == 0.0 {
                        // beta == 0 must not read y: NaN there must not come out.
                        let mut nan = yb.to_vec().unwrap();
                        for i in 0..rows {
                            let p = (yl.offset as isize + i as isize * yl.stride) as usize;
                            nan[p] = T::nan();
                            yh[p] = f64::NAN;
                        }
                        yb.upload(&nan).unwrap();
                    }
                    cl.gemv(
                        t(alpha),
                        a_op,
                        xb.vec(xl).unwrap(),
                        t(beta),
                        yb.vec_mut(yl).unwrap(),
                    )
                    .unwrap();
                    let got: Vec<f64> = yb.to_vec().unwrap().iter().map(|v| v.as_f64()).collect();
                    for i in 0..rows {
                        let ax: f64 = (0..cols).map(|j| op(i, j) * vget(&xl, &xh, j)).sum();
                        let scale: f64 = (0..cols)
                            .map(|j| (op(i, j) * vget(&xl, &xh, j)).abs())
                            .sum();
                        let by = if beta == 0.0 {
                            0.0
                        } else {
                            beta * vget(&yl, &yh, i)
                        };
                        let want = if alpha == 0.0 { by } else { alpha * ax + by };
                        let g = vget(&yl, &got, i);
                        assert!(
                            (g - want).abs() <= tol::<T>(cols + 2, scale.abs() * 1.0 + by.abs()),
                            "gemv {:?} {m}x{n} trans={trans} {al:?} alpha={alpha} beta={beta} i={i}: {g} vs {want}",
                            T::DTYPE
                        );
                    }
                }
                // ger on the same layout: A += alpha*x*y^T.
                let (xl2, xlen2) = vec_layouts(m)[k % 4];
                let (yl2, ylen2) = vec_layouts(n)[(k + 3) % 4];
                let (xb2, xh2) = data::<T>(cl, xlen2, seed + 3);
                let (yb2, yh2) = data::<T>(cl, ylen2, seed + 4);
                let mut a2 = cl.upload(&ab.to_vec().unwrap()).unwrap();
                cl.ger(
                    t(0.5),
                    xb2.vec(xl2).unwrap(),
                    yb2.vec(yl2).unwrap(),
                    a2.mat_mut(al).unwrap(),
                )
                .unwrap();
                let got: Vec<f64> = a2.to_vec().unwrap().iter().map(|v| v.as_f64()).collect();
                for j in 0..n {
                    for i in 0..m {
                        let want =
                            mget(&al, &ah, i, j) + 0.5 * vget(&xl2, &xh2, i) * vget(&yl2, &yh2, j);
                        assert!(
                            (mget(&al, &got, i, j) - want).abs() <= tol::<T>(3, 2.0),
                            "ger"
                        );
                    }
                }
            }
        }
    }
    // alpha == 0 does not read A or x: NaN there must not come out.
    let nan = cl.upload(&[T::nan(); 6]).unwrap();
    let mut y = cl.upload(&[t::<T>(2.0); 3]).unwrap();
    cl.gemv(
        T::zero(),
        nan.mat(MatLayout::col_major(3, 2, 3)).unwrap(),
        nan.vec(VecLayout::contiguous(2)).unwrap(),
        t(0.5),
        y.as_vec_mut(),
    )
    .unwrap();
    assert_eq!(y.to_vec().unwrap(), vec![t::<T>(1.0); 3]);
}

#[test]
fn level2_on_device_buffers_f32() {
    level2::<f32>(&backend_or_skip!());
}

#[test]
fn level2_on_device_buffers_f64() {
    level2::<f64>(&backend_or_skip!());
}

fn level3<T: DeviceScalar>(cl: &OpenClBackend) {
    let shapes = [
        (1usize, 1usize, 1usize),
        (0, 3, 2),
        (3, 0, 2),
        (4, 5, 0),
        (65, 63, 17),
        (130, 70, 129),
        (3, 200, 1),
        // Whole 128 x 128 tiles of the CPU kernel and 8x8-blocked GPU tiles,
        // plus edges, in every layout.
        (264, 136, 140),
    ];
    for (s, &(m, n, k)) in shapes.iter().enumerate() {
        for case in 0..4 {
            let (ta, tb) = (case & 1 == 1, case & 2 == 2);
            let la = mat_layouts(if ta { k } else { m }, if ta { m } else { k })[(s + case) % 4];
            let lb =
                mat_layouts(if tb { n } else { k }, if tb { k } else { n })[(s + case + 1) % 4];
            let lc = mat_layouts(m, n)[(s + case + 2) % 4];
            let seed = (s * 10 + case) as u64;
            let (ab, ah) = data::<T>(cl, la.1, seed);
            let (bb, bh) = data::<T>(cl, lb.1, seed + 1);
            let (al, bl, cl_) = (la.0, lb.0, lc.0);
            let op_a = |i: usize, p: usize| {
                if ta {
                    mget(&al, &ah, p, i)
                } else {
                    mget(&al, &ah, i, p)
                }
            };
            let op_b = |p: usize, j: usize| {
                if tb {
                    mget(&bl, &bh, j, p)
                } else {
                    mget(&bl, &bh, p, j)
                }
            };
            let av = if ta {
                ab.mat(al).unwrap().t()
            } else {
                ab.mat(al).unwrap()
            };
            let bv = if tb {
                bb.mat(bl).unwrap().t()
            } else {
                bb.mat(bl).unwrap()
            };
            for (alpha, beta) in [(1.0, 0.0), (-1.5, 0.5), (0.0, 2.0), (0.0, 0.0), (0.5, 1.0)] {
                let (mut cb, mut ch) = data::<T>(cl, lc.1, seed + 2);
                if beta == 0.0 {
                    let mut nan = cb.to_vec().unwrap();
                    for j in 0..n {
                        for i in 0..m {
                            let p = (cl_.offset as isize
                                + i as isize * cl_.rs
                                + j as isize * cl_.cs) as usize;
                            nan[p] = T::nan();
                            ch[p] = f64::NAN;
                        }
                    }
                    cb.upload(&nan).unwrap();
                }
                cl.gemm(t(alpha), av, bv, t(beta), cb.mat_mut(cl_).unwrap())
                    .unwrap();
                let got: Vec<f64> = cb.to_vec().unwrap().iter().map(|v| v.as_f64()).collect();
                let mut inside = vec![false; got.len()];
                for j in 0..n {
                    for i in 0..m {
                        inside[(cl_.offset as isize + i as isize * cl_.rs + j as isize * cl_.cs)
                            as usize] = true;
                        let ab_: f64 = (0..k).map(|p| op_a(i, p) * op_b(p, j)).sum();
                        let scale: f64 = (0..k).map(|p| (op_a(i, p) * op_b(p, j)).abs()).sum();
                        let bc = if beta == 0.0 {
                            0.0
                        } else {
                            beta * mget(&cl_, &ch, i, j)
                        };
                        let want = if alpha == 0.0 { bc } else { alpha * ab_ + bc };
                        let g = mget(&cl_, &got, i, j);
                        assert!(
                            (g - want).abs() <= tol::<T>(k + 2, alpha.abs() * scale + bc.abs()),
                            "gemm {:?} m={m} n={n} k={k} ta={ta} tb={tb} alpha={alpha} beta={beta} ({i},{j}): {g} vs {want}",
                            T::DTYPE
                        );
                    }
                }
                for (p, &g) in got.iter().enumerate() {
                    if !inside[p] {
                        assert_eq!(g, ch[p], "gemm wrote outside C at {p}");
                    }
                }
            }
        }
    }
    // alpha == 0 reads neither A nor B.
    let nan = cl.upload(&[T::nan(); 4]).unwrap();
    let mut c = cl.upload(&[t::<T>(3.0); 4]).unwrap();
    let nm = nan.mat(MatLayout::col_major(2, 2, 2)).unwrap();
    cl.gemm(
        T::zero(),
        nm,
        nm,
        t(-1.0),
        c.mat_mut(MatLayout::col_major(2, 2, 2)).unwrap(),
    )
    .unwrap();
    assert_eq!(c.to_vec().unwrap(), vec![t::<T>(-3.0); 4]);
}

#[test]
fn level3_on_device_buffers_f32() {
    level3::<f32>(&backend_or_skip!());
}

#[test]
fn level3_on_device_buffers_f64() {
    level3::<f64>(&backend_or_skip!());
}

#[test]
fn backend_describes_itself() {
    use oxpar_core::{Backend, BackendKind};
    let cl = backend_or_skip!();
    assert_eq!(cl.kind(), BackendKind::OpenCl);
    assert_eq!(cl.num_threads(), 1);
    assert!(cl.name().starts_with("opencl ("), "{}", cl.name());
    assert!(!cl.device().name.is_empty());
    cl.warm_up::<f32>().unwrap();
    cl.finish().unwrap();
    // A dyn HostBackend, as the C ABI holds it.
    let h: Box<dyn oxpar_core::HostBackend> = Box::new(cl.clone());
    let x = [3.0f64, 4.0];
    assert_eq!(
        oxpar_core::Level1::<f64>::nrm2(&*h, oxpar_core::VecRef::from_slice(&x)).unwrap(),
        5.0
    );
}

#[test]
fn f32_reductions_accumulate_in_f64_where_the_device_has_it() {
    // On a device with double precision, ordinary f32 dot, asum, sum and
    // nrm2 add in f64 and round once: within half an f32 ulp of the exact
    // value plus n * 2^-53 of the sum of magnitudes (an f32 accumulator is
    // off by thousands of ulps on this data).
    let cl = backend_or_skip!();
    if !cl.device().fp64 {
        eprintln!("skipped: {} has no double precision", cl.device().name);
        return;
    }
    let mut s = 34_418u64;
    let mut next = move || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        s >> 33
    };
    let ints: Vec<f32> = (0..34_418).map(|_| (next() % 1000) as f32).collect();
    let mixed: Vec<f32> = (0..300_007)
        .map(|_| {
            let m = (next() % (1 << 20)) as f32 + 1.0;
            let e = (next() % 30) as i32 - 35;
            let sign = if next() % 5 < 2 { -1.0 } else { 1.0 };
            sign * m * 2f32.powi(e)
        })
        .collect();
    for (name, x) in [
        ("34,418 small integers", &ints),
        ("mixed magnitudes", &mixed),
    ] {
        let n = x.len();
        let y: Vec<f32> = x.iter().rev().copied().collect();
        let xb = cl.upload(x).unwrap();
        let yb = cl.upload(&y).unwrap();
        let (xv, yv) = (
            xb.vec(VecLayout::contiguous(n)).unwrap(),
            yb.vec(VecLayout::contiguous(n)).unwrap(),
        );
        let exact = |what, a: &[f32], b: &[f32]| {
            oxpar_core::exact::reduce_elementwise(
                what,
                oxpar_core::VecRef::from_slice(a),
                oxpar_core::VecRef::from_slice(b),
            )
            .round_f64()
        };
        use oxpar_core::exact::Reduction;
        let abs_dot: f64 = x
            .iter()
            .zip(&y)
            .map(|(a, b)| (*a as f64 * *b as f64).abs())
            .sum();
        let abs_x: f64 = x.iter().map(|a| (*a as f64).abs()).sum();
        let nrm = exact(Reduction::SumSq, x, x).sqrt();
        let checks = [
            (
                "dot",
                cl.dot(xv, yv).unwrap(),
                exact(Reduction::Dot, x, &y),
                abs_dot,
            ),
            (
                "asum",
                cl.asum(xv).unwrap(),
                exact(Reduction::Asum, x, x),
                abs_x,
            ),
            (
                "sum",
                cl.sum(xv).unwrap(),
                exact(Reduction::Sum, x, x),
                abs_x,
            ),
            ("nrm2", cl.nrm2(xv).unwrap(), nrm, nrm),
        ];
        for (what, got, want, abs) in checks {
            let err = (got as f64 - want).abs();
            let bound =
                want.abs() * f32::EPSILON as f64 / 2.0 * 1.0001 + n as f64 * abs * 2f64.powi(-53);
            assert!(
                err <= bound,
                "{name}, {what}: {got} against the exact {want} (error {err:e})"
            );
        }
    }
}
