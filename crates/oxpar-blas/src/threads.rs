//! The thread budget and the backend every routine computes on.

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
/// the CPUs this process may run on.
pub fn thread_count() -> usize {
    for name in THREAD_VARIABLES {
        if let Ok(text) = std::env::var(name) {
            let first = text.split(',').next().unwrap_or("").trim();
            if let Ok(n) = first.parse::<usize>() {
                if n > 0 {
                    return n;
                }
            }
        }
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
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
