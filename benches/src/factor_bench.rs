//! LU (`getrf`) and Cholesky (`potrf`) on `f64`: oxpar's recursive
//! algorithms on the threads backend against faer and OpenBLAS's LAPACK,
//! interleaved in one process, printing each engine's time as a ratio to
//! OpenBLAS's (below 1 is faster).
//!
//! This is the measurement behind the choice of the factorization engine
//! (see `oxpar_core::factor`). Run it with
//!
//! ```text
//! OPENBLAS_CORETYPE=SKYLAKEX cargo run --release -p oxpar-benches \
//!     --features faer --bin factor_bench -- [threads] [rounds] [sizes...]
//! ```
//!
//! (defaults: 1 thread, 5 rounds, orders 1000 and 2000; faer always runs on
//! one thread, so compare it at 1). OpenBLAS is loaded
//! at run time from its Debian location (`libopenblas0-pthread`), or from
//! `OXPAR_BENCH_LAPACK` when set, with `OPENBLAS_NUM_THREADS` set to the
//! thread count; each round times every engine once on a fresh copy of the
//! same matrix, and the best round of each is reported.
//!
//! What it measured when the engine was chosen (1 thread, three runs on a
//! shared 2-core AVX-512 machine, so only the ratios mean anything, and
//! their spread is wide):
//!
//! ```text
//!            oxpar / OpenBLAS     faer / OpenBLAS
//! getrf 1000   0.72 .. 1.02         0.77 .. 0.92
//! getrf 2000   0.69 .. 1.00         0.84 .. 1.09
//! potrf 1000   0.32 .. 0.89         0.63 .. 0.94
//! potrf 2000   0.77 .. 0.87         0.93 .. 1.11
//! ```
//!
//! oxpar's own recursions were chosen: as fast as faer (and OpenBLAS) at
//! one thread, they need no second dependency and run on the backend's own
//! team under its thread budget. faer 0.24 shares oxpar's `gemm` 0.19 but
//! brings its own kernels (nano-gemm, private-gemm-x86): about 270 s of
//! extra compile time (crate units, clean release build), and it changes
//! the `gemm` crates' features, so they and everything on them rebuild.

use std::ffi::{c_char, c_int, c_void, CString};
use std::time::{Duration, Instant};

use faer::dyn_stack::{MemBuffer, MemStack};
use oxpar::prelude::*;
use oxpar::ThreadsBackend;

/// Where Debian's OpenBLAS keeps its LAPACK (with OpenBLAS's own getrf and
/// potrf).
const OPENBLAS_LAPACK: &str = "/usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3";

type Getrf = unsafe extern "C" fn(
    *const c_int,
    *const c_int,
    *mut f64,
    *const c_int,
    *mut c_int,
    *mut c_int,
);
type Potrf = unsafe extern "C" fn(*const c_char, *const c_int, *mut f64, *const c_int, *mut c_int);

/// The two LAPACK routines, resolved from a library loaded at run time.
struct Lapack {
    getrf: Getrf,
    potrf: Potrf,
}

impl Lapack {
    fn load(path: &str) -> Result<Lapack, String> {
        let cpath = CString::new(path).map_err(|e| e.to_string())?;
        // SAFETY: a valid C string; the handle is never closed, so the
        // symbols stay valid for the life of the process.
        let handle = unsafe { libc::dlopen(cpath.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
        if handle.is_null() {
            return Err(format!("cannot load {path}"));
        }
        let sym = |name: &str| -> Result<*mut c_void, String> {
            let cname = CString::new(name).map_err(|e| e.to_string())?;
            // SAFETY: a live handle and a valid C string.
            let p = unsafe { libc::dlsym(handle, cname.as_ptr()) };
            if p.is_null() {
                Err(format!("{path} has no {name}"))
            } else {
                Ok(p)
            }
        };
        // SAFETY: the LAPACK symbols have these Fortran signatures.
        unsafe {
            Ok(Lapack {
                getrf: std::mem::transmute::<*mut c_void, Getrf>(sym("dgetrf_")?),
                potrf: std::mem::transmute::<*mut c_void, Potrf>(sym("dpotrf_")?),
            })
        }
    }
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

/// `M*M^T + n*I`: symmetric positive definite.
fn spd_matrix(backend: &ThreadsBackend, n: usize) -> Vec<f64> {
    let m = random_matrix(n, 7);
    let mut a = vec![0.0; n * n];
    for i in 0..n {
        a[i + i * n] = n as f64;
    }
    let mr = MatRef::col_major(&m, n, n, n).expect("layout");
    backend
        .gemm(
            1.0,
            mr,
            mr.t(),
            1.0,
            MatMut::col_major(&mut a, n, n, n).expect("layout"),
        )
        .expect("gemm");
    a
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
        vec![1000, 2000]
    };
    // OpenBLAS reads its thread count when it is loaded, before any other
    // thread of this process exists.
    std::env::set_var("OPENBLAS_NUM_THREADS", threads.to_string());
    let path = std::env::var("OXPAR_BENCH_LAPACK").unwrap_or_else(|_| OPENBLAS_LAPACK.into());
    let lapack = Lapack::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let oxpar = ThreadsBackend::with_threads(threads).expect("threads backend");
    // faer is built without its rayon feature (which would bring a global
    // pool): it runs on one thread whatever the count.
    let par = faer::Par::Seq;
    println!(
        "f64, {threads} thread(s), best of {rounds} rounds; ratio = time / OpenBLAS time (OPENBLAS_CORETYPE={})",
        std::env::var("OPENBLAS_CORETYPE").unwrap_or_else(|_| "unset".into())
    );
    println!(
        "{:<9} {:>6} {:>12} {:>12} {:>12} {:>9} {:>9}",
        "op", "n", "openblas s", "oxpar s", "faer s", "oxpar/ob", "faer/ob"
    );
    for &n in &sizes {
        let ni = n as c_int;
        let general = random_matrix(n, 1);
        let spd = spd_matrix(&oxpar, n);
        for op in ["getrf", "potrf"] {
            let src = if op == "getrf" { &general } else { &spd };
            let mut best = [Duration::MAX; 3];
            for _ in 0..rounds {
                // OpenBLAS.
                let mut a = src.clone();
                let mut ipiv = vec![0 as c_int; n];
                let mut info: c_int = 0;
                let t = time(|| {
                    // SAFETY: an n x n column-major matrix with ld n and n pivots.
                    unsafe {
                        if op == "getrf" {
                            (lapack.getrf)(
                                &ni,
                                &ni,
                                a.as_mut_ptr(),
                                &ni,
                                ipiv.as_mut_ptr(),
                                &mut info,
                            )
                        } else {
                            (lapack.potrf)(c"L".as_ptr(), &ni, a.as_mut_ptr(), &ni, &mut info)
                        }
                    }
                });
                assert_eq!(info, 0, "OpenBLAS {op} info");
                best[0] = best[0].min(t);
                // oxpar.
                let mut a = src.clone();
                let mut piv = vec![0usize; n];
                let t = time(|| {
                    let view = MatMut::col_major(&mut a, n, n, n).expect("layout");
                    if op == "getrf" {
                        oxpar.lu_factor(view, &mut piv).expect("oxpar lu");
                    } else {
                        oxpar.cholesky(Uplo::Lower, view).expect("oxpar cholesky");
                    }
                });
                best[1] = best[1].min(t);
                // faer.
                let mut a = src.clone();
                let t = time(|| {
                    let view = faer::MatMut::from_column_major_slice_mut(&mut a, n, n);
                    if op == "getrf" {
                        use faer::linalg::lu::partial_pivoting::factor as lu;
                        let (mut p, mut pinv) = (vec![0usize; n], vec![0usize; n]);
                        let mut buf = MemBuffer::new(lu::lu_in_place_scratch::<usize, f64>(
                            n,
                            n,
                            par,
                            Default::default(),
                        ));
                        lu::lu_in_place(
                            view,
                            &mut p,
                            &mut pinv,
                            par,
                            MemStack::new(&mut buf),
                            Default::default(),
                        );
                    } else {
                        use faer::linalg::cholesky::llt::factor as llt;
                        let mut buf = MemBuffer::new(llt::cholesky_in_place_scratch::<f64>(
                            n,
                            par,
                            Default::default(),
                        ));
                        llt::cholesky_in_place(
                            view,
                            Default::default(),
                            par,
                            MemStack::new(&mut buf),
                            Default::default(),
                        )
                        .expect("faer cholesky");
                    }
                });
                best[2] = best[2].min(t);
            }
            let s = |d: Duration| d.as_secs_f64();
            println!(
                "{op:<9} {n:>6} {:>12.4} {:>12.4} {:>12.4} {:>9.2} {:>9.2}",
                s(best[0]),
                s(best[1]),
                s(best[2]),
                s(best[1]) / s(best[0]),
                s(best[2]) / s(best[0])
            );
        }
    }
}
