//! The conformance suite on the threads backend with 1, 2 and 3 threads.
//!
//! The `*_split` variants set every serial cutoff to zero, so even the
//! smallest inputs go through the parallel splitting paths; `default_2` keeps
//! the production cutoffs.

use oxpar_threads::{ThreadsBackend, Thresholds};

fn split(threads: usize) -> ThreadsBackend {
    ThreadsBackend::with_config(threads, Thresholds::always_parallel()).expect("threads start")
}

mod split_1 {
    oxpar_backend_tests::conformance_suite!(crate::split(1));
}
mod split_2 {
    oxpar_backend_tests::conformance_suite!(crate::split(2));
}
mod split_3 {
    oxpar_backend_tests::conformance_suite!(crate::split(3));
}
mod default_2 {
    oxpar_backend_tests::conformance_suite!(
        oxpar_threads::ThreadsBackend::with_threads(2).expect("threads start")
    );
}

/// Complex elements, split at every size and with the production cutoffs.
mod complex_split_1 {
    oxpar_backend_tests::complex_suite!(crate::split(1));
}
mod complex_split_3 {
    oxpar_backend_tests::complex_suite!(crate::split(3));
}
mod complex_default_2 {
    oxpar_backend_tests::complex_suite!(
        oxpar_threads::ThreadsBackend::with_threads(2).expect("threads start")
    );
}
