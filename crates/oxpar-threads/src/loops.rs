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
    let base = range.start;
    let end = range.end;
    match schedule {
        Schedule::Static { chunk: 0 } => team.run(&|w| {
            let r = block(n, threads, w);
            if !r.is_empty() {
                body(base + r.start..base + r.end, w);
            }
        }),
        Schedule::Static { chunk } => team.run(&|w| {
            let mut start = base + w * chunk;
            while start < end {
                body(start..end.min(start + chunk), w);
                start = start.saturating_add(threads * chunk);
            }
        }),
        Schedule::Dynamic { chunk } => {
            let chunk = chunk.max(1);
            let next = AtomicUsize::new(base);
            team.run(&|w| loop {
                let start = next.fetch_add(chunk, Ordering::Relaxed);
                if start >= end {
                    break;
                }
                body(start..end.min(start + chunk), w);
            });
        }
        Schedule::Guided { min_chunk } => {
            let min_chunk = min_chunk.max(1);
            let next = AtomicUsize::new(base);
            team.run(&|w| loop {
                let start = next.load(Ordering::Relaxed);
                if start >= end {
                    break;
                }
                let remaining = end - start;
                let size = remaining.div_ceil(threads).max(min_chunk).min(remaining);
                if next
                    .compare_exchange_weak(
                        start,
                        start + size,
                        Ordering::Relaxed,
                        Ordering::Relaxed,
                    )
                    .is_ok()
                {
                    body(start..start + size, w);
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
