//! The conformance suite on the threads backend with 1, 2 and 3 threads.
//!
//! The `*_split` variants set every serial cutoff to zero, so even the
//! smallest inputs go through the parallel splitting paths; the `team_*`
//! variants do the same but keep gemm below rayon's cutoff, so every gemm is
//! split into one serial product per team thread; `default_2` keeps the
//! production cutoffs.

use oxpar_threads::{ThreadsBackend, Thresholds};

fn split(threads: usize) -> ThreadsBackend {
    ThreadsBackend::with_config(threads, Thresholds::always_parallel()).expect("threads start")
}

fn team(threads: usize) -> ThreadsBackend {
    let thresholds = Thresholds {
        level3: usize::MAX,
        ..Thresholds::always_parallel()
    };
    ThreadsBackend::with_config(threads, thresholds).expect("threads start")
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
mod team_2 {
    oxpar_backend_tests::conformance_suite!(crate::team(2));
}
mod team_3 {
    oxpar_backend_tests::conformance_suite!(crate::team(3));
}
mod default_2 {
    oxpar_backend_tests::conformance_suite!(
        oxpar_threads::ThreadsBackend::with_threads(2).expect("threads start")
    );
}
