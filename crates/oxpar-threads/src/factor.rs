//! Dense factorizations on the threads backend.
//!
//! The engine is oxpar-core's recursive LU and Cholesky (see
//! [`oxpar_core::factor`]) on this backend's own trsm, gemm and syrk/herk:
//! measured against faer and OpenBLAS's LAPACK before it was chosen (the
//! ratios and the command are in the benches' `factor_bench`). Nearly all
//! the work runs in those level 3 calls, so a factorization uses the
//! backend's team and thread budget and nothing else: no global pool, no
//! second gemm. The unblocked panels, the row interchanges and the small
//! diagonal blocks run on the calling thread. The inverses and determinants
//! are oxpar-core's defaults on the same level 3 (see
//! [`oxpar_core::factor_inverse`]).
//!
//! The batched small systems (see [`oxpar_core::factor_batch`]) are the one
//! place this backend parallelizes across calls rather than inside them: a
//! batch is cut into one run of consecutive systems per team thread, each
//! run on its own thread with the unblocked kernels and one workspace, and
//! the first failing system (lowest index) is reported.

use std::sync::Mutex;

use oxpar_core::factor_batch::{
    finish, first_failure, worth_splitting, BatchJob, CholeskyJob, DetJob, Failure, InvJob,
    LuSolveJob, SlogdetJob,
};
use oxpar_core::{BatchMut, BatchRef, Element, Factor, Level3, Result, Uplo};

use crate::ThreadsBackend;

impl ThreadsBackend {
    /// Runs a batched job on the team: one run of consecutive systems per
    /// thread (the caller takes the first), or on the caller alone when the
    /// batch is too small to pay for the fork-join.
    fn run_batch<J: BatchJob>(&self, job: J) -> Result<()> {
        let p = self.team().size().min(job.len());
        if p <= 1 || !worth_splitting(&job) {
            return finish(job.run());
        }
        // Cut into p nearly equal runs, remembering where each starts.
        let mut slots = Vec::with_capacity(p);
        let total = job.len();
        let (mut rest, mut start) = (job, 0);
        for t in 0..p {
            let take = total / p + usize::from(t < total % p);
            let (head, tail) = rest.split_at(take);
            slots.push((start, Mutex::new(Some(head))));
            start += take;
            rest = tail;
        }
        let failures: Vec<Mutex<Failure>> = (0..p).map(|_| Mutex::new(None)).collect();
        self.team().run_elastic(&|t| {
            if let Some((_, slot)) = slots.get(t) {
                let job = slot.lock().map(|mut s| s.take()).ok().flatten();
                if let Some(job) = job {
                    let f = job.run();
                    if let Ok(mut out) = failures[t].lock() {
                        *out = f;
                    }
                }
            }
        });
        let first = slots
            .iter()
            .zip(failures)
            .fold(None, |acc, ((start, _), f)| {
                let f = f.into_inner().unwrap_or(None);
                // Runs are in order: the first failure found is the lowest.
                acc.or(first_failure(None, f, *start))
            });
        finish(first)
    }
}

impl<T: Element> Factor<T> for ThreadsBackend
where
    ThreadsBackend: Level3<T>,
{
    fn lu_factor_solve_batch(
        &self,
        a: BatchMut<'_, T>,
        ipiv: &mut [usize],
        b: BatchMut<'_, T>,
    ) -> Result<()> {
        self.run_batch(LuSolveJob::new(a, ipiv, b)?)
    }
    fn inv_batch(&self, a: BatchMut<'_, T>) -> Result<()> {
        self.run_batch(InvJob::new(a)?)
    }
    fn det_batch(&self, a: BatchRef<'_, T>, det: &mut [T]) -> Result<()> {
        self.run_batch(DetJob::new(a, det)?)
    }
    fn slogdet_batch(
        &self,
        a: BatchRef<'_, T>,
        sign: &mut [T],
        logabs: &mut [T::Real],
    ) -> Result<()> {
        self.run_batch(SlogdetJob::new(a, sign, logabs)?)
    }
    fn cholesky_batch(&self, uplo: Uplo, a: BatchMut<'_, T>) -> Result<()> {
        self.run_batch(CholeskyJob::new(uplo, a)?)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use oxpar_core::factor_batch::{BatchJob, Failure};
    use oxpar_core::{Error, ErrorKind};

    use crate::{ThreadsBackend, Thresholds};

    /// A job over `range` that fails at the indices in `fail` and counts
    /// the runs it was cut into.
    struct Probe<'a> {
        range: std::ops::Range<usize>,
        fail: &'a [usize],
        runs: &'a AtomicUsize,
    }

    impl BatchJob for Probe<'_> {
        fn len(&self) -> usize {
            self.range.len()
        }
        fn order(&self) -> usize {
            8
        }
        fn split_at(self, k: usize) -> (Self, Self) {
            let mid = self.range.start + k;
            (
                Probe {
                    range: self.range.start..mid,
                    ..self
                },
                Probe {
                    range: mid..self.range.end,
                    ..self
                },
            )
        }
        fn run(self) -> Failure {
            self.runs.fetch_add(1, Ordering::Relaxed);
            let start = self.range.start;
            self.range
                .clone()
                .find(|i| self.fail.contains(i))
                .map(|i| (i - start, Error::numerical(ErrorKind::Singular, 1, "probe")))
        }
    }

    #[test]
    fn batches_are_cut_per_thread_and_the_first_failure_wins() {
        let backend = ThreadsBackend::with_config(3, Thresholds::always_parallel()).unwrap();
        for (fail, want) in [
            (&[][..], None),
            (&[900, 5][..], Some(5)),
            (&[700, 999][..], Some(700)),
        ] {
            let runs = AtomicUsize::new(0);
            let r = backend.run_batch(Probe {
                range: 0..1000,
                fail,
                runs: &runs,
            });
            assert_eq!(runs.load(Ordering::Relaxed), 3);
            assert_eq!(r.err().and_then(|e| e.batch_index()), want);
        }
        // Too small to split: one run.
        let runs = AtomicUsize::new(0);
        let r = backend.run_batch(Probe {
            range: 0..3,
            fail: &[],
            runs: &runs,
        });
        assert!(r.is_ok());
        assert_eq!(runs.load(Ordering::Relaxed), 1);
    }
}
