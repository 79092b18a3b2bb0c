//! Batched small systems: oxpar's `lu_factor_solve_batch` on the threads
//! backend against a loop of OpenBLAS's LAPACK `dgesv` calls (one per
//! system, loaded at run time), interleaved in one process, on 10^5
//! systems of order 4 and 10^4 of order 16 (`f64`, one right-hand side,
//! NumPy's C-order stacks). `benches/batch_compare.py` runs this and
//! NumPy's stacked `np.linalg.solve` in one script and prints the ratios.
//!
//! ```text
//! cargo run --release -p oxpar-benches --bin batch_bench -- [threads] [rounds]
//! ```
//!
//! Every timed call starts from a copy of the same inputs, and the copy is
//! timed too (NumPy's `solve` keeps its inputs, so it copies them): the
//! numbers compare "solve these stacks, keeping the inputs". Output: one
//! line per case, `batch n count oxpar_s dgesv_loop_s`, best of `rounds`.
//! The dgesv loop runs on one thread (`OPENBLAS_NUM_THREADS=1`): LAPACK has
//! no batched call, and NumPy loops the same way.
//!
//! What `benches/batch_compare.py --repeats 3 --rounds 3` measured (three
//! runs on a shared 2-core AVX-512 machine, load about 4.5, so only the
//! ratios mean anything; NumPy 2.4; time of NumPy's stacked solve / time
//! of oxpar, above 1 is oxpar faster; the range is over all repeats):
//!
//! ```text
//! threads  n   count    numpy / oxpar   dgesv loop / oxpar
//!    1     4  100000    1.39 .. 1.51       1.49 .. 1.50
//!    1    16   10000    1.16 .. 1.34       1.09 .. 1.11
//!    2     4  100000    1.42 .. 2.89       1.75 .. 2.55
//!    2    16   10000    1.20 .. 2.41       1.36 .. 1.80
//! ```
//!
//! About a fifth of each timed call is the copy of the inputs (on the
//! calling thread), which bounds the gain from a second thread.

use std::ffi::{c_int, c_void, CString};
use std::time::{Duration, Instant};

use oxpar::prelude::*;
use oxpar::ThreadsBackend;

/// Debian's OpenBLAS LAPACK (`libopenblas0-pthread`).
const OPENBLAS_LAPACK: &str = "/usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3";

type Dgesv = unsafe extern "C" fn(
    *const c_int,
    *const c_int,
    *mut f64,
    *const c_int,
    *mut c_int,
    *mut f64,
    *const c_int,
    *mut c_int,
);

fn load_dgesv(path: &str) -> Option<Dgesv> {
    let cpath = CString::new(path).ok()?;
    // SAFETY: a valid C string; the handle is never closed.
    let handle = unsafe { libc::dlopen(cpath.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
    if handle.is_null() {
        return None;
    }
    // SAFETY: a live handle and a valid C string.
    let p: *mut c_void = unsafe { libc::dlsym(handle, c"dgesv_".as_ptr()) };
    // SAFETY: LAPACK's dgesv_ has this Fortran signature.
    (!p.is_null()).then(|| unsafe { std::mem::transmute::<*mut c_void, Dgesv>(p) })
}

/// Deterministic values in [-1, 1), plus `n` on each matrix's diagonal.
fn stack(n: usize, count: usize, seed: u64) -> Vec<f64> {
    let mut s = seed | 1;
    let mut v: Vec<f64> = (0..n * n * count)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        })
        .collect();
    for k in 0..count {
        for i in 0..n {
            v[k * n * n + i * n + i] += n as f64;
        }
    }
    v
}

fn time(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let threads: usize = args.first().map_or(1, |s| s.parse().expect("threads"));
    let rounds: usize = args.get(1).map_or(5, |s| s.parse().expect("rounds"));
    std::env::set_var("OPENBLAS_NUM_THREADS", "1");
    let path = std::env::var("OXPAR_BENCH_LAPACK").unwrap_or_else(|_| OPENBLAS_LAPACK.into());
    let dgesv = load_dgesv(&path);
    let oxpar = ThreadsBackend::with_threads(threads).expect("threads backend");
    for (n, count) in [(4usize, 100_000usize), (16, 10_000)] {
        let a0 = stack(n, count, 3);
        let b0 = stack(1, count * n, 5);
        let (mut a, mut b) = (a0.clone(), b0.clone());
        let mut ipiv = vec![0usize; n * count];
        let mut ipiv32 = vec![0 as c_int; n];
        let mut best = [Duration::MAX; 2];
        for _ in 0..rounds {
            let t = time(|| {
                a.copy_from_slice(&a0);
                b.copy_from_slice(&b0);
                oxpar
                    .lu_factor_solve_batch(
                        BatchMut::row_major(&mut a, count, n, n).expect("layout"),
                        &mut ipiv,
                        BatchMut::row_major(&mut b, count, n, 1).expect("layout"),
                    )
                    .expect("oxpar batch solve");
            });
            best[0] = best[0].min(t);
            if let Some(dgesv) = dgesv {
                let t = time(|| {
                    a.copy_from_slice(&a0);
                    b.copy_from_slice(&b0);
                    let (ni, one) = (n as c_int, 1 as c_int);
                    let mut info = 0;
                    for (ak, bk) in a.chunks_exact_mut(n * n).zip(b.chunks_exact_mut(n)) {
                        // The row-major matrix is A^T in column-major order;
                        // solving A^T y = b is as much work as A x = b.
                        // SAFETY: an n x n matrix, n pivots, an n-vector.
                        unsafe {
                            dgesv(
                                &ni,
                                &one,
                                ak.as_mut_ptr(),
                                &ni,
                                ipiv32.as_mut_ptr(),
                                bk.as_mut_ptr(),
                                &ni,
                                &mut info,
                            )
                        };
                    }
                    assert_eq!(info, 0, "dgesv");
                });
                best[1] = best[1].min(t);
            }
        }
        let dgesv_s = if dgesv.is_some() {
            format!("{:.6}", best[1].as_secs_f64())
        } else {
            "nan".into()
        };
        println!("batch {n} {count} {:.6} {dgesv_s}", best[0].as_secs_f64());
    }
}
