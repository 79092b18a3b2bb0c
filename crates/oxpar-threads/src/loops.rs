//! `parallel_for` on the team, with OpenMP's schedules.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use oxpar_core::backend::LoopBody;
use oxpar_core::{ParallelLoops, Result, Schedule};

use crate::split::block;
use crate::team::Team;
use crate::ThreadsBackend;

/// Runs `body` over disjoint sub-ranges covering `range` on `team`, dealt out
/// by `schedule` (see [`Schedule`]); `body` also gets the worker index.
pub fn parallel_for(team: &Team, range: Range<usize>, schedule: Schedule, body: &LoopBody<'_>) {
    let n = range.len();
    if n == 0 {
        return;
    }
    let threads = team.size();
    if threads == 1 || n == 1 {
        oxpar_core::Serial
            .parallel_for(range, schedule, body)
            .unwrap_or(());
        return;
    }
    // Work in offsets 0..n from range.start, with chunks clamped to n, so no
    // index arithmetic can overflow however close the range is to usize::MAX.
    let base = range.start;
    let sub = |lo: usize, len: usize| base + lo..base + lo + len;
    match schedule {
        Schedule::Static { chunk: 0 } => team.run(&|w| {
            let r = block(n, threads, w);
            if !r.is_empty() {
                body(sub(r.start, r.len()), w);
            }
        }),
        Schedule::Static { chunk } => {
            let chunk = chunk.min(n);
            team.run(&|w| {
                // Worker w takes chunks w, w + threads, w + 2*threads, ...
                let mut k = w;
                while let Some(lo) = k.checked_mul(chunk).filter(|&lo| lo < n) {
                    body(sub(lo, chunk.min(n - lo)), w);
                    k += threads;
                }
            })
        }
        Schedule::Dynamic { chunk } => {
            let chunk = chunk.clamp(1, n);
            let next = AtomicUsize::new(0);
            team.run(&|w| {
                // Claim [lo, lo + len) without ever moving `next` past n.
                while let Ok(lo) = next.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |lo| {
                    (lo < n).then(|| lo + chunk.min(n - lo))
                }) {
                    body(sub(lo, chunk.min(n - lo)), w);
                }
            });
        }
        Schedule::Guided { min_chunk } => {
            let min_chunk = min_chunk.clamp(1, n);
            let size_at = |lo: usize| (n - lo).div_ceil(threads).max(min_chunk).min(n - lo);
            let next = AtomicUsize::new(0);
            team.run(&|w| {
                while let Ok(lo) = next.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |lo| {
                    (lo < n).then(|| lo + size_at(lo))
                }) {
                    body(sub(lo, size_at(lo)), w);
                }
            });
        }
    }
}

impl ParallelLoops for ThreadsBackend {
    fn parallel_for(
        &self,
        range: Range<usize>,
        schedule: Schedule,
        body: &LoopBody<'_>,
    ) -> Result<()> {
        parallel_for(self.team(), range, schedule, body);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_chunks_and_ranges_near_usize_max() {
        let team = Team::new(3).unwrap();
        for schedule in [
            Schedule::Static { chunk: usize::MAX },
            Schedule::Dynamic { chunk: usize::MAX },
            Schedule::Guided {
                min_chunk: usize::MAX,
            },
            Schedule::Dynamic { chunk: 4 },
            Schedule::Static { chunk: 3 },
        ] {
            for range in [5..10, usize::MAX - 100..usize::MAX] {
                let seen = AtomicUsize::new(0);
                parallel_for(&team, range.clone(), schedule, &|r, _| {
                    assert!(
                        r.start >= range.start && r.end <= range.end && r.start < r.end,
                        "{r:?} outside {range:?}"
                    );
                    seen.fetch_add(r.len(), Ordering::Relaxed);
                });
                assert_eq!(
                    seen.into_inner(),
                    range.len(),
                    "{schedule:?} over {range:?}"
                );
            }
        }
    }

    #[test]
    fn every_schedule_covers_each_index_once() {
        for threads in [1, 2, 3] {
            let team = Team::new(threads).unwrap();
            for schedule in [
                Schedule::Static { chunk: 0 },
                Schedule::Static { chunk: 3 },
                Schedule::Dynamic { chunk: 0 },
                Schedule::Dynamic { chunk: 5 },
                Schedule::Guided { min_chunk: 2 },
            ] {
                for (lo, hi) in [(0, 0), (5, 6), (3, 100), (10, 1007)] {
                    let hits: Vec<AtomicUsize> = (0..hi).map(|_| AtomicUsize::new(0)).collect();
                    parallel_for(&team, lo..hi, schedule, &|r, w| {
                        assert!(w < threads);
                        r.for_each(|i| {
                            hits[i].fetch_add(1, Ordering::Relaxed);
                        });
                    });
                    for (i, h) in hits.iter().enumerate() {
                        assert_eq!(
                            h.load(Ordering::Relaxed),
                            usize::from(i >= lo),
                            "{schedule:?} {threads} threads, index {i}"
                        );
                    }
                }
            }
        }
    }
}
