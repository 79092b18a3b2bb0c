//! The thread budget, the reproducible switch and the backend every routine
//! computes on. All three are read from the environment once per process, at
//! the first call that needs them.

use std::sync::OnceLock;

use oxpar_threads::ThreadsBackend;

/// The variables read, in order, for the thread count: oxpar's own, then the
/// ones programs written for OpenBLAS or OpenMP already set.
pub const THREAD_VARIABLES: [&str; 3] = [
    "OXPAR_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
];

/// The thread count: the first of [`THREAD_VARIABLES`] that holds a positive
/// integer (OpenMP's lists such as `"4,2"` count by their first entry), else
/// the CPUs this process may run on; at most [`oxpar_threads::MAX_THREADS`]
/// (4096): a larger value is lowered to it, as OpenBLAS lowers a count above
/// its compiled-in maximum (a BLAS call has no status to report it with).
pub fn thread_count() -> usize {
    use oxpar_threads::MAX_THREADS;
    THREAD_VARIABLES
        .iter()
        .find_map(|name| {
            std::env::var(name)
                .ok()
                .and_then(|text| oxpar_core::budget::parse_omp_num_threads(&text))
        })
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(MAX_THREADS)
        })
}

/// The backend every routine computes on, created on first use with
/// [`thread_count`] threads (falling back to one thread if they cannot start).
/// It is fork-safe: a child process computes on its calling thread.
pub fn backend() -> &'static ThreadsBackend {
    static BACKEND: OnceLock<ThreadsBackend> = OnceLock::new();
    BACKEND.get_or_init(|| {
        ThreadsBackend::with_threads(thread_count())
            .or_else(|_| ThreadsBackend::with_threads(1))
            .expect("one thread always starts")
    })
}

/// The variable that switches on reproducible mode: `1`, `true`, `yes` or
/// `on` (any case); `0`, `false`, `no`, `off` or empty leave it off (see
/// [`reproducible`]).
pub const REPRODUCIBLE_VARIABLE: &str = oxpar_core::repro::REPRODUCIBLE_ENV;

/// Whether the library runs in reproducible mode: `OXPAR_REPRODUCIBLE`, read
/// once per process (setting it after the first call changes nothing).
///
/// In reproducible mode `sdot`, `ddot`, `snrm2`, `dnrm2`, `sasum`, `dasum`,
/// `scasum`, `dzasum`, `scnrm2`, `dznrm2` and each part of `cdotc`, `cdotu`,
/// `zdotc` and `zdotu` (Fortran and CBLAS forms) return
/// the correctly rounded value of the exact result, so the same bits for any
/// thread count (see [`crate::level1`] and `oxpar_core::repro`). `sdsdot` and
/// `dsdot` keep the reference's sequential double-precision loop, which is
/// already independent of the thread count but not correctly rounded.
///
/// An unrecognised value leaves the mode off and prints one warning on
/// stderr naming it (a BLAS routine has no way to report an error).
pub fn reproducible() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| match oxpar_core::repro::enabled_by_env() {
        Ok(on) => on,
        Err(e) => {
            eprintln!("liboxpar_blas: {e}; reproducible mode stays off");
            false
        }
    })
}
