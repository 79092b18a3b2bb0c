//! Householder QR (`geqrf`) on `f64`: oxpar's blocked QR on the threads
//! backend against OpenBLAS's LAPACK `dgeqrf`, interleaved in one process,
//! printing oxpar's time as a ratio to OpenBLAS's (below 1 is faster), and
//! the unblocked reference's ratio to the blocked QR (what blocking buys).
//!
//! ```text
//! cargo run --release -p oxpar-benches --bin qr_bench -- [threads] [rounds] [sizes...]
//! ```
//!
//! (defaults: 1 thread, 5 rounds, orders 500 and 1000). OpenBLAS is loaded at
//! run time from its Debian location (`libopenblas0-pthread`), or from
//! `OXPAR_BENCH_LAPACK` when set, with `OPENBLAS_NUM_THREADS` set to the
//! thread count; each round times every engine once on a fresh copy of the
//! same matrix, and the best round of each is reported.
//!
//! What it measured when the QR was written (1 thread, three runs on a
//! shared 2-core AVX-512 machine, so only the ratios mean anything):
//!
//! ```text
//!          oxpar / OpenBLAS    unblocked / oxpar
//! n  500     1.19 .. 1.26        12.8 .. 13.0
//! n 1000     1.06 .. 1.13        18.2 .. 18.4
//! ```

use std::ffi::{c_int, c_void, CString};
use std::time::{Duration, Instant};

use oxpar::prelude::*;
use oxpar::ThreadsBackend;
use oxpar_core::factor_qr::qr_factor_unblocked;

/// Where Debian's OpenBLAS keeps its LAPACK.
const OPENBLAS_LAPACK: &str = "/usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3";

/// `dgeqrf(m, n, a, lda, tau, work, lwork, info)`.
type Geqrf = unsafe extern "C" fn(
    *const c_int,
    *const c_int,
    *mut f64,
    *const c_int,
    *mut f64,
    *mut f64,
    *const c_int,
    *mut c_int,
);

fn load(path: &str) -> Result<Geqrf, String> {
    let cpath = CString::new(path).map_err(|e| e.to_string())?;
    // SAFETY: a valid C string; the handle is never closed, so the symbol
    // stays valid for the life of the process.
    let handle = unsafe { libc::dlopen(cpath.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
    if handle.is_null() {
        return Err(format!("cannot load {path}"));
    }
    // SAFETY: a live handle and a valid C string.
    let p: *mut c_void = unsafe { libc::dlsym(handle, c"dgeqrf_".as_ptr()) };
    if p.is_null() {
        return Err(format!("{path} has no dgeqrf_"));
    }
    // SAFETY: LAPACK's dgeqrf_ has this Fortran signature.
    Ok(unsafe { std::mem::transmute::<*mut c_void, Geqrf>(p) })
}

/// Deterministic values in [-1, 1).
fn random_matrix(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..n * n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        })
        .collect()
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
    let sizes: Vec<usize> = if args.len() > 2 {
        args[2..].iter().map(|s| s.parse().expect("size")).collect()
    } else {
        vec![500, 1000]
    };
    // OpenBLAS reads its thread count when it is loaded.
    std::env::set_var("OPENBLAS_NUM_THREADS", threads.to_string());
    let path = std::env::var("OXPAR_BENCH_LAPACK").unwrap_or_else(|_| OPENBLAS_LAPACK.into());
    let geqrf = load(&path).unwrap_or_else(|e| panic!("{e}"));
    let oxpar = ThreadsBackend::with_threads(threads).expect("threads backend");
    println!("f64 geqrf, {threads} thread(s), best of {rounds} rounds");
    println!(
        "{:>6} {:>12} {:>12} {:>12} {:>9} {:>15}",
        "n", "openblas s", "oxpar s", "unblocked s", "oxpar/ob", "unblocked/oxpar"
    );
    for &n in &sizes {
        let ni = n as c_int;
        let src = random_matrix(n, 1);
        let mut best = [Duration::MAX; 3];
        for _ in 0..rounds {
            let mut a = src.clone();
            let mut tau = vec![0.0; n];
            let lwork = (64 * n).max(1) as c_int;
            let mut work = vec![0.0; lwork as usize];
            let mut info: c_int = 0;
            let t = time(|| {
                // SAFETY: an n x n column-major matrix with ld n, n taus and
                // lwork words of workspace.
                unsafe {
                    geqrf(
                        &ni,
                        &ni,
                        a.as_mut_ptr(),
                        &ni,
                        tau.as_mut_ptr(),
                        work.as_mut_ptr(),
                        &lwork,
                        &mut info,
                    )
                }
            });
            assert_eq!(info, 0, "OpenBLAS dgeqrf info");
            best[0] = best[0].min(t);
            let mut a = src.clone();
            let t = time(|| {
                let view = MatMut::col_major(&mut a, n, n, n).expect("layout");
                oxpar.qr_factor(view, &mut tau).expect("oxpar qr");
            });
            best[1] = best[1].min(t);
            let mut a = src.clone();
            let t = time(|| {
                let view = MatMut::col_major(&mut a, n, n, n).expect("layout");
                qr_factor_unblocked(view, &mut tau).expect("unblocked qr");
            });
            best[2] = best[2].min(t);
        }
        let s = best.map(|d| d.as_secs_f64());
        println!(
            "{n:>6} {:>12.4} {:>12.4} {:>12.4} {:>9.2} {:>15.2}",
            s[0],
            s[1],
            s[2],
            s[1] / s[0],
            s[2] / s[1]
        );
    }
}
