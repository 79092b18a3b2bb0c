//! Thread budget (re-exported from core) and serial cutoffs.

pub use oxpar_core::budget::{
    check_num_threads, default_num_threads, parse_num_threads, MAX_THREADS, NUM_THREADS_ENV,
};

/// Below these sizes a call runs on the calling thread alone, because waking
/// other threads would cost more than it saves.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Thresholds {
    /// Level 1: vector length.
    pub level1: usize,
    /// Level 2: matrix elements (rows x columns).
    pub level2: usize,
    /// Level 3: multiply-adds (m x n x k) from which gemm hands the product
    /// to the `gemm` crate's own parallel loops (on rayon).
    pub level3: usize,
    /// Level 3: multiply-adds from which a gemm below `level3` is split into
    /// one block of C per team thread, each a serial product: the team's
    /// hand-off costs about a microsecond where rayon's costs ten.
    pub level3_team: usize,
}

impl Default for Thresholds {
    /// Chosen for x86-64 nodes: a team region costs about a microsecond (in
    /// which one core streams some 16 K doubles from cache), and level 3 goes
    /// through rayon, whose hand-off from a foreign thread costs ~10 µs
    /// (below that, from `level3_team`, the team splits C instead: 1.2-1.6x
    /// faster than one thread at 100^3 when the second core was free, while
    /// at 64^3 to 80^3 a late worker on a busy machine ate the gain).
    fn default() -> Self {
        Thresholds {
            level1: 32 * 1024,
            level2: 64 * 1024,
            level3: 128 * 128 * 128,
            level3_team: 96 * 96 * 96,
        }
    }
}

impl Thresholds {
    /// Thresholds of zero: every call is split across all threads, however
    /// small (the conformance suite uses this to exercise the parallel paths).
    pub fn always_parallel() -> Self {
        Thresholds {
            level1: 0,
            level2: 0,
            level3: 0,
            level3_team: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxpar_core::ErrorKind;

    #[test]
    fn thread_counts_are_checked_against_the_limit() {
        assert_eq!(check_num_threads("n", 1).unwrap(), 1);
        assert_eq!(check_num_threads("n", MAX_THREADS).unwrap(), MAX_THREADS);
        for bad in [0, MAX_THREADS + 1, 1 << 32, usize::MAX] {
            let e = check_num_threads("num_threads", bad).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidArgument);
            assert!(e.to_string().contains("num_threads"), "{e}");
        }
        assert_eq!(parse_num_threads("V", " 12 ").unwrap(), 12);
        for (text, says) in [
            ("0", "not a positive integer"),
            ("-3", "not a positive integer"),
            ("x", "not a positive integer"),
            ("", "not a positive integer"),
            ("4097", "more than the 4096"),
            ("1099511627776", "more than the 4096"),
            ("99999999999999999999999999", "more than the 4096"),
        ] {
            let e = parse_num_threads("OXPAR_NUM_THREADS", text).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidArgument);
            let msg = e.to_string();
            assert!(
                msg.contains("OXPAR_NUM_THREADS") && msg.contains(says),
                "{text}: {msg}"
            );
        }
    }
}
