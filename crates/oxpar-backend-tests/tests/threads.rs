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
mod complex_reproducible_3 {
    oxpar_backend_tests::complex_suite!(oxpar_core::repro::Reproducible::new(crate::split(3)));
}

/// Reproducible complex reductions give the same bits for any thread count,
/// and the same as the serial backend's.
#[test]
fn complex_reproducible_bits_do_not_depend_on_threads() {
    use oxpar_core::repro::Reproducible;
    use oxpar_core::{Complex32, Level1, Serial, VecRef};
    let x: Vec<Complex32> = (0..10_007u32)
        .map(|i| Complex32::new((i as f32).sin() * 1e6, (i as f32 * 0.37).cos()))
        .collect();
    let y: Vec<Complex32> = x.iter().rev().map(|v| v * 1e-3).collect();
    let (xv, yv) = (VecRef::from_slice(&x), VecRef::from_slice(&y));
    let want = Reproducible::new(Serial);
    for threads in [1, 2, 3] {
        let r = Reproducible::new(split(threads));
        assert_eq!(r.dot(xv, yv).unwrap(), want.dot(xv, yv).unwrap());
        assert_eq!(r.dotc(xv, yv).unwrap(), want.dotc(xv, yv).unwrap());
        assert_eq!(r.sum(xv).unwrap(), want.sum(xv).unwrap());
        assert_eq!(
            r.asum(xv).unwrap().to_bits(),
            want.asum(xv).unwrap().to_bits()
        );
        assert_eq!(
            r.nrm2(xv).unwrap().to_bits(),
            want.nrm2(xv).unwrap().to_bits()
        );
    }
}

/// The factorizations (the recursive defaults on this backend's level 3),
/// split at every size, with the production cutoffs, and reproducible. (The
/// level-3 calls they make are tested on every split above; one and two
/// team threads add no path of the factorizations' own.)
mod factor_split_3 {
    oxpar_backend_tests::factor_suite!(crate::split(3));
}
mod factor_default_2 {
    oxpar_backend_tests::factor_suite!(
        oxpar_threads::ThreadsBackend::with_threads(2).expect("threads start")
    );
}
mod factor_reproducible_2 {
    oxpar_backend_tests::factor_suite!(oxpar_core::repro::Reproducible::new(crate::split(2)));
}

/// The symmetric/Hermitian eigenproblem on the team's gemm and parallel
/// loops (batches), and reproducible.
mod eigh_default_2 {
    oxpar_backend_tests::eigh_suite!(
        oxpar_threads::ThreadsBackend::with_threads(2).expect("threads start")
    );
}
mod eigh_reproducible_2 {
    oxpar_backend_tests::eigh_suite!(oxpar_core::repro::Reproducible::new(crate::split(2)));
}
