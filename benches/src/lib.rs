//! Shared pieces of oxpar's criterion benchmarks (`cargo bench -p oxpar-benches`).
//!
//! The benchmarks themselves live in `benches/main.rs` and its modules, one per
//! area (level 1, level 2, level 3, parallel loops). Every kernel is timed on
//! the threads backend with 1 and 2 threads, and on the serial backend at the
//! smallest size only (it is the reference, not a contender).

use std::time::Duration;

use oxpar::{HostBackend, Scalar, Serial, ThreadsBackend};

/// Vector lengths for level 1 kernels: one below the threads backend's serial
/// cutoff (overhead-bound) and one well above it (memory-bound).
pub const LEVEL1_SIZES: &[usize] = &[1_000, 1_000_000];
/// Orders of the square matrices for gemv and ger.
pub const LEVEL2_SIZES: &[usize] = &[64, 1024];
/// Orders of the square matrices for gemm.
pub const LEVEL3_SIZES: &[usize] = &[64, 512];

/// Samples per benchmark (criterion's minimum).
pub const SAMPLE_SIZE: usize = 10;
/// Measurement time per benchmark.
pub const MEASUREMENT_TIME: Duration = Duration::from_secs(1);
/// Warm-up time per benchmark.
pub const WARM_UP_TIME: Duration = Duration::from_millis(500);

/// A backend under test, with the label used in benchmark ids.
pub struct Contender {
    /// `"serial"`, `"threads-1"`, `"threads-2"`.
    pub label: String,
    /// The backend.
    pub backend: Box<dyn HostBackend>,
    /// Whether to time it only at the smallest size of each kernel.
    pub small_only: bool,
}

impl Contender {
    /// Whether this contender runs at `size`, the smallest of `sizes` or not.
    pub fn runs_at(&self, size: usize, sizes: &[usize]) -> bool {
        !self.small_only || sizes.iter().all(|&s| size <= s)
    }
}

/// The serial backend (small sizes only) and the threads backend with 1 and 2
/// threads.
///
/// # Panics
/// If the threads backend cannot start its threads (a benchmark cannot go on).
pub fn contenders() -> Vec<Contender> {
    let mut out = vec![Contender {
        label: "serial".into(),
        backend: Box::new(Serial),
        small_only: true,
    }];
    for t in [1, 2] {
        let backend = ThreadsBackend::with_threads(t)
            .unwrap_or_else(|e| panic!("cannot start the threads backend with {t} threads: {e}"));
        out.push(Contender {
            label: format!("threads-{t}"),
            backend: Box::new(backend),
            small_only: false,
        });
    }
    out
}

/// `len` reproducible pseudo-random values in [-1, 1).
pub fn random<T: Scalar>(len: usize, seed: u64) -> Vec<T> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            // xorshift64*
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            let bits = state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11;
            T::from_f64(bits as f64 / (1u64 << 53) as f64 * 2.0 - 1.0)
        })
        .collect()
}

/// Bytes of `n` elements of `T`, for `Throughput::Bytes`.
pub fn bytes<T>(n: usize) -> u64 {
    (n * std::mem::size_of::<T>()) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_is_reproducible_and_in_range() {
        let a = random::<f64>(1000, 7);
        assert_eq!(a, random::<f64>(1000, 7));
        assert!(a.iter().all(|v| (-1.0..1.0).contains(v)));
    }

    #[test]
    fn serial_runs_small_only() {
        let c = contenders();
        assert_eq!(c.len(), 3);
        assert!(c[0].runs_at(64, &[64, 512]));
        assert!(!c[0].runs_at(512, &[64, 512]));
        assert!(c[2].runs_at(512, &[64, 512]));
    }
}
