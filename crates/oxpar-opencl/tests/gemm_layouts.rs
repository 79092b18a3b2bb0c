//! gemm on device buffers with leading dimensions and offsets that are and
//! are not multiples of 4, column- and row-major, large enough for interior
//! tiles: the vector loads and stores of the GPU kernels (run with
//! `OXPAR_OPENCL_GEMM=gpu`, as `make opencl-test` does) and their scalar
//! fallbacks, against a plain loop in f64.

mod common;

use common::values;
use oxpar_core::Scalar;
use oxpar_opencl::{DeviceLevel3, DeviceScalar, MatLayout, OpenClBackend};

/// A layout of an `r x c` matrix and the buffer length it needs: column-major
/// padded to a multiple of 4 at offset 4, row-major padded at offset 8,
/// tight column-major at 0, and column-major with `ld = r + 1` at offset 3.
fn layout(r: usize, c: usize, kind: usize) -> (MatLayout, usize) {
    match kind {
        0 => (MatLayout::new(r, c, 4, 1, r as isize + 4), 4 + (r + 4) * c),
        1 => (
            MatLayout::new(r, c, 8, c as isize + 12, 1),
            8 + (c + 12) * r,
        ),
        2 => (MatLayout::new(r, c, 0, 1, r as isize), r * c),
        _ => (MatLayout::new(r, c, 3, 1, r as isize + 1), 3 + (r + 1) * c),
    }
}

fn at<T: Scalar>(l: &MatLayout, h: &[T], i: usize, j: usize) -> f64 {
    h[(l.offset as isize + i as isize * l.rs + j as isize * l.cs) as usize].as_f64()
}

fn run<T: DeviceScalar>(cl: &OpenClBackend) {
    let (m, n, k) = (136usize, 132usize, 40usize);
    for ka in 0..4 {
        for kb in 0..4 {
            for kc in [2usize, 3] {
                let (la, na) = layout(m, k, ka);
                let (lb, nb) = layout(k, n, kb);
                let (lc, nc) = layout(m, n, kc);
                let ah: Vec<T> = values(na, 1).into_iter().map(T::from_f64).collect();
                let bh: Vec<T> = values(nb, 2).into_iter().map(T::from_f64).collect();
                let ch: Vec<T> = values(nc, 3).into_iter().map(T::from_f64).collect();
                let (ab, bb) = (cl.upload(&ah).unwrap(), cl.upload(&bh).unwrap());
                let mut cb = cl.upload(&ch).unwrap();
                let beta = if kc == 2 { 0.0 } else { 0.5 };
                cl.gemm(
                    T::from_f64(1.5),
                    ab.mat(la).unwrap(),
                    bb.mat(lb).unwrap(),
                    T::from_f64(beta),
                    cb.mat_mut(lc).unwrap(),
                )
                .unwrap();
                let got = cb.to_vec().unwrap();
                for j in 0..n {
                    for i in 0..m {
                        let (mut s, mut scale) = (0.0, 0.0);
                        for p in 0..k {
                            let t = at(&la, &ah, i, p) * at(&lb, &bh, p, j);
                            s += t;
                            scale += t.abs();
                        }
                        let want = 1.5 * s + beta * at(&lc, &ch, i, j);
                        let have = at(&lc, &got, i, j);
                        let tol = (k as f64 + 8.0) * T::epsilon().as_f64() * (1.5 * scale + 1.0);
                        assert!(
                            (have - want).abs() <= tol,
                            "m={m} n={n} k={k} layouts {ka}{kb}{kc} ({i},{j}): {have} vs {want}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn gemm_layouts_f32() {
    run::<f32>(&backend_or_skip!());
}

#[test]
fn gemm_layouts_f64() {
    run::<f64>(&backend_or_skip!());
}
