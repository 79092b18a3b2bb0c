//! oxpar's task farm: many independent tasks, identified by index, run on a
//! backend's threads and (with the `mpi` feature) across MPI ranks.
//!
//! * **Dynamic load balancing.** Workers take chunks of tasks from an atomic
//!   counter on one process; under MPI, from a counter at rank 0 that the
//!   other ranks draw on with small two-sided messages (see *Under MPI*
//!   below). No task data travels: only indices. A chunk holds about a
//!   millisecond of work at the asking worker's pace (one task at first, one
//!   at a time for expensive tasks), and never more than guided
//!   self-scheduling's remaining / (2 x workers), so chunks shrink as the
//!   work runs out.
//! * **Failures.** A task fails when it returns an error or panics. Failed
//!   tasks are retried, up to [`Farm::retries`] times, each time on the *next*
//!   worker (the next thread, then the next rank), so a bad node or a thread-
//!   local state does not fail a task twice for the same reason. The run
//!   returns every task's [`Outcome`]: no task is ever lost silently.
//! * **Checkpoints.** With [`Farm::checkpoint`], each completed task is
//!   appended to a file the moment it returns (see `checkpoint.rs` for the
//!   format and durability); a rerun with the same file skips them.
//! * **Progress.** A callback gets [`Progress`] (done, failed, running, time
//!   left) at a fixed interval from a thread of its own, and once at the end.
//!
//! Retries run in rounds: after the first pass over all tasks, the failures
//! of every worker are gathered (under MPI, on every rank) and re-dealt, so
//! the set of outcomes and attempt counts never depends on timing.
//!
//! ```
//! use std::sync::atomic::{AtomicU64, Ordering};
//! use oxpar_farm::{Farm, Outcome};
//! use oxpar_threads::ThreadsBackend;
//!
//! let threads = ThreadsBackend::with_threads(2)?;
//! let total = AtomicU64::new(0);
//! let report = Farm::new(&threads).retries(1).run(100, &|i| {
//!     if i == 13 {
//!         return Err(format!("task {i} is unlucky"));
//!     }
//!     total.fetch_add(i as u64, Ordering::Relaxed);
//!     Ok(())
//! })?;
//! assert_eq!((report.done(), report.failed()), (99, 1));
//! // Task 13 was tried twice (once more on the next worker) and is reported.
//! assert_eq!(
//!     report.outcomes()[13],
//!     Outcome::Failed { attempts: 2, error: "task 13 is unlucky".into() }
//! );
//! assert_eq!(total.into_inner(), 99 * 100 / 2 - 13);
//! # Ok::<(), oxpar_core::Error>(())
//! ```
//!
//! # Under MPI
//!
//! The time a farm takes must not depend on the transport's progress model
//! or on what rank 0 is doing, at any thread level MPI was initialized with.
//! Two things rule out the obvious designs:
//!
//! * a one-sided counter (`MPI_Fetch_and_op` on a window at rank 0) only
//!   advances without rank 0's help where the transport has RDMA or shared
//!   memory. On TCP (Open MPI's `osc pt2pt`, what a cluster without RDMA
//!   gets) a fetch completes only when rank 0 enters MPI: with rank 0 inside
//!   a long task, every other rank waited for it, and under
//!   `MPI_THREAD_MULTIPLE` that component refuses the window altogether;
//! * a helper thread that calls MPI on rank 0 while tasks run needs
//!   `MPI_THREAD_MULTIPLE`, and below `MPI_THREAD_SERIALIZED` only the
//!   thread that initialized MPI may call it at all.
//!
//! So the roles are turned around: on every rank the tasks run on worker
//! threads (the backend's), which never call MPI, and the thread that called
//! [`Farm::run`] (the one allowed to call MPI at every level) serves while
//! they work. On rank 0 it answers the other ranks' requests for tasks from
//! the counter that rank 0's own workers take from directly; on the others
//! it keeps a small local queue filled by asking rank 0 (a request with
//! `MPI_Send`, polled with `MPI_Improbe`, backing off from 20 µs to 0.2 ms
//! while nothing comes). No thread that MPI must progress is ever inside user
//! code, so requests are answered within a poll interval on any transport,
//! and only point-to-point messages are used, which every transport and
//! thread level supports. A rank queues about 2 ms plus two round trips of
//! work beyond what it runs, so cheap tasks do not wait for the round trip;
//! expensive ones are asked for one at a time, when a worker needs one, so
//! none sits in a queue while another rank could run it. Rank 0 grants
//! guided self-scheduling's share, but never less than about a millisecond
//! of the asking rank's work, so cheap tasks take few round trips as the
//! work runs out.
//!
//! What it costs: one more thread per rank, asleep or polling (at most
//! about five thousand cheap wake-ups a second, while a run lasts), and a
//! few round trips of a fraction of a millisecond per run, which a farm of
//! tiny tasks notices (10^4 tasks of a few nanoseconds on 2 ranks: about
//! 0.2-0.3 µs per task against 0.08 with the one-sided counter on shared
//! memory). What it means for tasks: they
//! never run on the thread that called the run, and at any level below
//! `MPI_THREAD_MULTIPLE` they must not call MPI themselves (at
//! `MPI_THREAD_SINGLE`, as oxpar's threads backend already does, the workers
//! are threads that never call MPI, which Open MPI and MPICH treat as
//! `MPI_THREAD_FUNNELED`).

mod checkpoint;
#[cfg(feature = "mpi")]
mod cluster;

use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use oxpar_core::{ParallelLoops, Result, Schedule};

pub use checkpoint::SYNC_EVERY;

/// What a task returns: `Ok(())`, or a message saying why it failed.
pub type TaskResult = std::result::Result<(), String>;

/// A task: called with its index, from any worker thread.
pub type TaskFn<'a> = dyn Fn(usize) -> TaskResult + Sync + 'a;

/// A progress callback (called from a thread of its own while a run lasts,
/// and once from the calling thread at the end; never concurrently).
pub type ProgressFn<'a> = dyn Fn(&Progress) + Sync + 'a;

/// How a task ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It completed, on attempt number `attempts` (1 = first try).
    Done {
        /// Attempts it took.
        attempts: u32,
    },
    /// It failed on every attempt; `error` is the last attempt's message.
    Failed {
        /// Attempts made (1 + the retries allowed).
        attempts: u32,
        /// Why the last attempt failed.
        error: String,
    },
    /// An earlier run completed it (it is in the checkpoint) and it did not run.
    Resumed,
}

/// A snapshot of a run, for progress reports.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// Tasks in the farm.
    pub total: usize,
    /// Tasks completed in this run (under MPI: on this rank).
    pub done: usize,
    /// Failed attempts so far (under MPI: on this rank); a failed attempt may
    /// still succeed on retry.
    pub failed: usize,
    /// Tasks running right now (under MPI: on this rank).
    pub running: usize,
    /// Tasks skipped because a checkpoint says an earlier run completed them.
    pub resumed: usize,
    /// Time since the run started.
    pub elapsed: Duration,
    /// Estimated time left, once there is something to extrapolate from.
    pub eta: Option<Duration>,
}

/// The result of a run: every task's outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    outcomes: Vec<Outcome>,
    elapsed: Duration,
    workers: usize,
}

impl Report {
    /// The outcome of every task, by index.
    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }
    /// Tasks completed in this run.
    pub fn done(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Done { .. }))
    }
    /// Tasks that failed every attempt.
    pub fn failed(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Failed { .. }))
    }
    /// Tasks skipped thanks to the checkpoint.
    pub fn resumed(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Resumed))
    }
    /// Whether every task is complete (now or in an earlier run).
    pub fn all_complete(&self) -> bool {
        self.failed() == 0
    }
    /// The failed tasks with their last error, in index order.
    pub fn failures(&self) -> impl Iterator<Item = (usize, &str)> {
        self.outcomes
            .iter()
            .enumerate()
            .filter_map(|(i, o)| match o {
                Outcome::Failed { error, .. } => Some((i, error.as_str())),
                _ => None,
            })
    }
    /// Wall time of the run.
    pub fn elapsed(&self) -> Duration {
        self.elapsed
    }
    /// Workers (threads over all ranks) that ran tasks.
    pub fn workers(&self) -> usize {
        self.workers
    }
    fn count(&self, f: impl Fn(&Outcome) -> bool) -> usize {
        self.outcomes.iter().filter(|o| f(o)).count()
    }
}

/// A task farm over a backend's threads (or, with `Farm::mpi` (cargo feature `mpi`), over MPI
/// ranks and their threads).
pub struct Farm<'a> {
    backend: &'a dyn ParallelLoops,
    #[cfg(feature = "mpi")]
    mpi: Option<&'a oxpar_mpi::MpiBackend>,
    retries: u32,
    checkpoint: Option<PathBuf>,
    progress: Option<&'a ProgressFn<'a>>,
    progress_every: Duration,
}

impl<'a> Farm<'a> {
    /// A farm on `backend`'s threads (one worker per thread), retrying failed
    /// tasks twice, without checkpoint or progress.
    pub fn new(backend: &'a dyn ParallelLoops) -> Farm<'a> {
        Farm {
            backend,
            #[cfg(feature = "mpi")]
            mpi: None,
            retries: 2,
            checkpoint: None,
            progress: None,
            progress_every: Duration::from_millis(500),
        }
    }

    /// A farm over all ranks of `mpi`'s communicator, each running tasks on
    /// the threads of its local backend (collective: every rank calls
    /// [`Farm::run`] with the same task count, from a thread that may call
    /// MPI). Tasks run on worker threads at every MPI thread level, while the
    /// calling thread hands out work (see the module's *Under MPI*).
    #[cfg(feature = "mpi")]
    pub fn mpi(mpi: &'a oxpar_mpi::MpiBackend) -> Farm<'a> {
        Farm {
            mpi: Some(mpi),
            ..Farm::new(mpi)
        }
    }

    /// How many times a failed task is tried again (default 2).
    #[must_use]
    pub fn retries(mut self, retries: u32) -> Farm<'a> {
        self.retries = retries;
        self
    }

    /// Records completed tasks in `path` and skips those an earlier run
    /// recorded there (under MPI, each rank writes `<path>.rank<r>`).
    #[must_use]
    pub fn checkpoint(mut self, path: impl Into<PathBuf>) -> Farm<'a> {
        self.checkpoint = Some(path.into());
        self
    }

    /// Calls `report` every `every` while the farm runs, and once at the end.
    /// An interval longer than the run (up to [`Duration::MAX`]) means the
    /// final report only: the run never waits for the reporting thread, which
    /// wakes the moment the last task ends. Intervals below a millisecond
    /// count as one millisecond.
    #[must_use]
    pub fn progress(mut self, report: &'a ProgressFn<'a>, every: Duration) -> Farm<'a> {
        self.progress = Some(report);
        self.progress_every = every.max(Duration::from_millis(1));
        self
    }

    /// Takes part in a run as a process that rejected its own arguments
    /// before calling [`Farm::run`] (a front end's checks), so that under MPI
    /// the other ranks return an error too instead of waiting for this one;
    /// returns `error`. On one process it just returns `error`.
    pub fn reject(&self, error: oxpar_core::Error) -> oxpar_core::Error {
        #[cfg(feature = "mpi")]
        if let Some(mpi) = self.mpi {
            return cluster::Ranks::reject(mpi, error);
        }
        error
    }

    /// Runs tasks `0..tasks`, returns when every task has completed or used up
    /// its retries. Errors are about the farm itself (an unreadable or
    /// mismatched checkpoint, a failed MPI call), never about tasks: those are
    /// in the [`Report`].
    pub fn run(&self, tasks: usize, task: &TaskFn<'_>) -> Result<Report> {
        #[cfg(feature = "mpi")]
        if let Some(mpi) = self.mpi {
            let group = cluster::Ranks::new(mpi, tasks, self.retries)?;
            return self.run_on(&group, tasks, task);
        }
        self.run_on(&Alone, tasks, task)
    }

    fn run_on(&self, group: &dyn Group, tasks: usize, task: &TaskFn<'_>) -> Result<Report> {
        let start = Instant::now();
        // Every process reads every checkpoint file, so all agree on what is left.
        let resumed = match &self.checkpoint {
            Some(path) => checkpoint::load(path, tasks),
            None => Ok(Default::default()),
        };
        let resumed = agreed(group, resumed)?;
        // Every rank must skip the same tasks, or outcomes would be wrong.
        let mut sorted: Vec<usize> = resumed.iter().copied().collect();
        sorted.sort_unstable();
        group.agree_resumed(sorted.len(), digest(&sorted))?;
        let writer = self
            .checkpoint
            .as_ref()
            .map(|path| checkpoint::Writer::open(&group.checkpoint_file(path), tasks))
            .transpose();
        let writer = agreed(group, writer)?;
        // The report holds every task's outcome: refuse a count that cannot
        // be held rather than abort on allocation.
        let mut outcomes: Vec<Outcome> = Vec::new();
        let mut pending: Vec<usize> = Vec::new();
        let reserved = outcomes
            .try_reserve_exact(tasks)
            .and_then(|()| pending.try_reserve_exact(tasks - resumed.len()))
            .map_err(|_| {
                oxpar_core::Error::new(
                    oxpar_core::ErrorKind::OutOfMemory,
                    format!("farm: cannot hold the outcomes of {tasks} tasks"),
                )
            });
        agreed(group, reserved)?;
        pending.extend((0..tasks).filter(|t| !resumed.contains(t)));

        let local_workers = group.local_workers(self.backend.num_threads().max(1));
        let (first_worker, workers) = group.workers(local_workers)?;
        let run = Run {
            task,
            checkpoint: writer.as_ref(),
            first_worker,
            slots: (0..local_workers).map(|_| WorkerSlot::default()).collect(),
            write_error: Mutex::new(None),
        };
        let snapshot = |run: &Run<'_, '_>| Progress {
            total: tasks,
            done: run.total(|s| &s.done_count),
            failed: run.total(|s| &s.failed_count),
            running: run.total(|s| &s.running),
            resumed: resumed.len(),
            elapsed: start.elapsed(),
            eta: None,
        };

        let stop = (Mutex::new(false), Condvar::new());
        let outcome = std::thread::scope(|scope| {
            if let Some(report) = self.progress {
                let (run, stop, every, pending) = (&run, &stop, self.progress_every, pending.len());
                let dispensed = group.dispensed_fraction();
                scope.spawn(move || loop {
                    // Waits on the condition, not on the clock: a run that
                    // ended before this thread got here (or while it was
                    // reporting) is seen at once, and a wake-up that is not
                    // the end waits out the rest of the interval.
                    let stopped = stop.0.lock().unwrap_or_else(|e| e.into_inner());
                    let (stopped, _) = stop
                        .1
                        .wait_timeout_while(stopped, every, |stopped| !*stopped)
                        .unwrap_or_else(|e| e.into_inner());
                    if *stopped {
                        break;
                    }
                    drop(stopped);
                    let mut p = snapshot(run);
                    let finished = p.done + p.failed;
                    p.eta = eta(&p, pending, dispensed.as_ref().map(|f| f(finished)));
                    report(&p);
                });
            }
            let outcome = self.rounds(group, &run, &pending, local_workers, workers);
            *stop.0.lock().unwrap_or_else(|e| e.into_inner()) = true;
            stop.1.notify_all();
            outcome
        });
        let final_failures = outcome?;
        if let Some(w) = &writer {
            w.sync()?;
        }
        if let Some(e) = run
            .write_error
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
        {
            return Err(e);
        }
        if let Some(report) = self.progress {
            let mut p = snapshot(&run);
            p.eta = Some(Duration::ZERO);
            report(&p);
        }

        outcomes.resize(tasks, Outcome::Resumed);
        for (t, attempts) in group.all_done(run.take_done())? {
            outcomes[t] = Outcome::Done { attempts };
        }
        for f in final_failures {
            outcomes[f.task] = Outcome::Failed {
                attempts: self.retries + 1,
                error: f.error,
            };
        }
        Ok(Report {
            outcomes,
            elapsed: start.elapsed(),
            workers,
        })
    }

    /// The first pass (dynamic) and the retry rounds; returns the failures of
    /// the last round (tasks that used up their retries), the same on every rank.
    fn rounds(
        &self,
        group: &dyn Group,
        run: &Run<'_, '_>,
        pending: &[usize],
        local_workers: usize,
        workers: usize,
    ) -> Result<Vec<Failure>> {
        let dispenser = group.dispenser(pending.len(), workers, local_workers)?;
        let work = |w: usize| {
            // This worker's recent time per task, which sizes its chunks.
            let mut pace: Option<f64> = None;
            while let Some(chunk) = dispenser.next(pace) {
                let (len, start) = (chunk.len(), Instant::now());
                for &t in &pending[chunk] {
                    run.attempt(t, 1, w);
                }
                let per_task = start.elapsed().as_secs_f64() / len as f64;
                pace = Some(pace.map_or(per_task, |p| 0.5 * (p + per_task)));
            }
        };
        // Under MPI the workers run on threads of their own; this thread
        // (the one that may call MPI) serves the other ranks meanwhile, so
        // that handing out work never waits for a task to end.
        let off_caller = dispenser.served();
        if off_caller {
            let dispenser = &*dispenser;
            std::thread::scope(|scope| {
                let workers = scope.spawn(|| {
                    let _done = WorkersDone(dispenser);
                    self.on_workers(local_workers, &work)
                });
                let served = dispenser.serve();
                let worked = workers
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                served.and(worked)
            })?;
        } else {
            self.on_workers(local_workers, &work)?;
        }
        drop(dispenser);
        let mut failures = group.all_failures(run.take_failures())?;
        for round in 1..=self.retries {
            if failures.is_empty() {
                break;
            }
            // Each failed task goes to the next worker after the one it failed on.
            let mine: Vec<(usize, usize)> = failures
                .iter()
                .map(|f| (f.task, (f.worker + 1) % workers))
                .filter(|&(_, w)| (run.first_worker..run.first_worker + local_workers).contains(&w))
                .collect();
            let retry = |w: usize| {
                for &(t, target) in &mine {
                    if target == run.first_worker + w {
                        run.attempt(t, round + 1, w);
                    }
                }
            };
            if off_caller {
                // Tasks run where they ran in the first pass.
                std::thread::scope(|scope| {
                    scope
                        .spawn(|| self.on_workers(local_workers, &retry))
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })?;
            } else {
                self.on_workers(local_workers, &retry)?;
            }
            failures = group.all_failures(run.take_failures())?;
        }
        Ok(failures)
    }

    /// Runs `worker(w)` once for each local worker `w`, each on its own thread.
    fn on_workers(&self, local_workers: usize, worker: &(dyn Fn(usize) + Sync)) -> Result<()> {
        self.backend.parallel_for(
            0..local_workers,
            Schedule::Static { chunk: 1 },
            &|range: Range<usize>, _| {
                for w in range {
                    worker(w);
                }
            },
        )
    }
}

/// The estimated time left: from the completed share of this process's work,
/// or under MPI from the share of tasks handed out so far, scaled by how much
/// of its own share this rank has finished.
fn eta(p: &Progress, pending: usize, dispensed: Option<f64>) -> Option<Duration> {
    let share = match dispensed {
        Some(f) => f,
        None if pending > 0 => (p.done + p.failed) as f64 / pending as f64,
        None => 1.0,
    };
    (share > 0.0).then(|| p.elapsed.mul_f64(((1.0 - share) / share).max(0.0)))
}

/// An FNV-1a digest of sorted task indices (to compare sets across ranks).
fn digest(sorted: &[usize]) -> u64 {
    sorted.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &t| {
        (t as u64)
            .to_le_bytes()
            .iter()
            .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    })
}

/// `local`, unless any process failed (collective).
fn agreed<T>(group: &dyn Group, local: Result<T>) -> Result<T> {
    group.agree(local.as_ref().err())?;
    local
}

/// A failed attempt: the task, the (global) worker it failed on, why.
#[derive(Clone, Debug, PartialEq)]
struct Failure {
    task: usize,
    worker: usize,
    error: String,
}

/// What one worker records. Each worker writes only its own slot (its locks
/// are never contended, its counters never bounce between cores: the
/// alignment keeps slots on separate cache lines); readers add them up.
#[repr(align(128))]
#[derive(Default)]
struct WorkerSlot {
    done: Mutex<Vec<(usize, u32)>>,
    failures: Mutex<Vec<Failure>>,
    done_count: AtomicUsize,
    failed_count: AtomicUsize,
    running: AtomicUsize,
}

/// The shared state of one run.
struct Run<'t, 'w> {
    task: &'t TaskFn<'t>,
    checkpoint: Option<&'w checkpoint::Writer>,
    /// The global index of this process's worker 0.
    first_worker: usize,
    /// One per local worker.
    slots: Vec<WorkerSlot>,
    write_error: Mutex<Option<oxpar_core::Error>>,
}

impl Run<'_, '_> {
    /// A counter summed over the workers.
    fn total(&self, counter: impl Fn(&WorkerSlot) -> &AtomicUsize) -> usize {
        self.slots
            .iter()
            .map(|s| counter(s).load(Ordering::Relaxed))
            .sum()
    }

    /// Runs `task` once on local worker `w`, recording how it went.
    fn attempt(&self, task: usize, attempt: u32, w: usize) {
        let slot = &self.slots[w];
        slot.running.fetch_add(1, Ordering::Relaxed);
        let result = catch_unwind(AssertUnwindSafe(|| (self.task)(task)));
        slot.running.fetch_sub(1, Ordering::Relaxed);
        let error = match result {
            Ok(Ok(())) => {
                if let Some(c) = self.checkpoint {
                    if let Err(e) = c.record(task) {
                        self.write_error
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .get_or_insert(e);
                    }
                }
                slot.done
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((task, attempt));
                slot.done_count.fetch_add(1, Ordering::Relaxed);
                return;
            }
            Ok(Err(message)) => message,
            Err(payload) => {
                let what = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic without a message".to_string());
                format!("panicked: {what}")
            }
        };
        slot.failed_count.fetch_add(1, Ordering::Relaxed);
        slot.failures
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Failure {
                task,
                worker: self.first_worker + w,
                error,
            });
    }

    fn take_failures(&self) -> Vec<Failure> {
        let mut f: Vec<Failure> = self
            .slots
            .iter()
            .flat_map(|s| {
                std::mem::take(&mut *s.failures.lock().unwrap_or_else(|e| e.into_inner()))
            })
            .collect();
        f.sort_by_key(|f| f.task);
        f
    }

    fn take_done(&self) -> Vec<(usize, u32)> {
        self.slots
            .iter()
            .flat_map(|s| std::mem::take(&mut *s.done.lock().unwrap_or_else(|e| e.into_inner())))
            .collect()
    }
}

/// Hands out chunks of the pending list (indices into it).
trait Dispenser: Sync {
    /// The next chunk, or `None` when everything has been handed out.
    /// `task_seconds` is the asking worker's recent time per task, if it has
    /// run any (see [`chunk_size`]). Called by the workers, never by the
    /// thread that runs [`Dispenser::serve`].
    fn next(&self, task_seconds: Option<f64>) -> Option<Range<usize>>;

    /// Whether the thread that called the run must run [`Dispenser::serve`]
    /// while the workers run on threads of their own.
    fn served(&self) -> bool {
        false
    }

    /// The dispenser's communication, on the thread that called the run
    /// (the one that may call MPI), concurrently with the workers; returns
    /// once no process needs anything more from this one. On an error it
    /// first stops handing out chunks here, so the workers end.
    fn serve(&self) -> Result<()> {
        Ok(())
    }

    /// Every local worker has returned (called once, after the last, even
    /// when one panicked), so [`Dispenser::serve`] must not wait for them.
    fn workers_done(&self) {}
}

/// Tells a dispenser that the workers are done when dropped (so also when
/// a worker's panic unwinds).
struct WorkersDone<'d>(&'d dyn Dispenser);

impl Drop for WorkersDone<'_> {
    fn drop(&mut self) {
        self.0.workers_done();
    }
}

/// Work a chunk should hold: enough that taking it (an atomic, or under MPI
/// a request answered by rank 0's serving thread) costs well under 1%.
const CHUNK_SECONDS: f64 = 1e-3;

/// The size of the next chunk, with `remaining` tasks left for `workers`
/// workers: guided self-scheduling's `remaining / (2 workers)` at most (so
/// the work still spreads), but only as many tasks as take about
/// [`CHUNK_SECONDS`] at the asker's recent pace, and 1 before it has one.
/// Expensive tasks thus go one at a time (a slow task never holds others
/// back in its chunk), cheap ones in large chunks (little overhead).
fn chunk_size(remaining: usize, workers: usize, task_seconds: Option<f64>) -> usize {
    let guided = (remaining / (2 * workers.max(1))).max(1);
    let paced = match task_seconds {
        None => 1,
        Some(t) if t > 0.0 => (CHUNK_SECONDS / t).clamp(1.0, guided as f64) as usize,
        Some(_) => guided,
    };
    paced.clamp(1, guided)
}

/// The next unhanded task of a pending list of `len`, advanced atomically: a
/// process's own workers take chunks with a compare-and-swap (and under MPI,
/// rank 0's service thread takes chunks for the other ranks from the same
/// counter).
struct Counter {
    next: AtomicUsize,
    len: usize,
}

impl Counter {
    fn new(len: usize) -> Counter {
        Counter {
            next: AtomicUsize::new(0),
            len,
        }
    }

    /// The next chunk, of `size(remaining)` tasks (at least 1, at most what
    /// remains), or `None` when every task has been handed out.
    fn take(&self, size: impl Fn(usize) -> usize) -> Option<Range<usize>> {
        let mut lo = self.next.load(Ordering::Relaxed);
        loop {
            if lo >= self.len {
                return None;
            }
            let chunk = size(self.len - lo).clamp(1, self.len - lo);
            match self.next.compare_exchange_weak(
                lo,
                lo + chunk,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => return Some(lo..lo + chunk),
                Err(now) => lo = now,
            }
        }
    }
}

/// Chunks from an atomic counter, on one process.
struct LocalDispenser {
    counter: Counter,
    workers: usize,
}

impl Dispenser for LocalDispenser {
    fn next(&self, task_seconds: Option<f64>) -> Option<Range<usize>> {
        self.counter
            .take(|remaining| chunk_size(remaining, self.workers, task_seconds))
    }
}

/// The processes a farm runs over: this one alone, or MPI ranks.
trait Group: Sync {
    /// An error on any process is an error on all (collective): `Err` with
    /// this process's error, or one naming the process that failed.
    fn agree(&self, local: Option<&oxpar_core::Error>) -> Result<()>;
    /// Every process skips the same tasks (`count` of them, with `digest`).
    fn agree_resumed(&self, count: usize, digest: u64) -> Result<()>;
    /// The checkpoint file this process appends to.
    fn checkpoint_file(&self, path: &Path) -> PathBuf;
    /// How many workers this process may run (MPI's thread level may cap it).
    fn local_workers(&self, threads: usize) -> usize;
    /// (global index of this process's worker 0, workers over all processes).
    fn workers(&self, local: usize) -> Result<(usize, usize)>;
    /// The first pass's chunks of `len` pending tasks, for `workers` workers
    /// in all, `local_workers` of them in this process.
    fn dispenser(
        &self,
        len: usize,
        workers: usize,
        local_workers: usize,
    ) -> Result<Box<dyn Dispenser + '_>>;
    /// Every process's failures, sorted by task (collective).
    fn all_failures(&self, mine: Vec<Failure>) -> Result<Vec<Failure>>;
    /// Every process's completed tasks (collective).
    fn all_done(&self, mine: Vec<(usize, u32)>) -> Result<Vec<(usize, u32)>>;
    /// A way to estimate the share of all work finished across processes
    /// from this process's finished attempts, for the ETA (`None`: count this
    /// process's own progress).
    fn dispensed_fraction(&self) -> Option<Box<dyn Fn(usize) -> f64 + Send + Sync + '_>>;
}

/// One process.
struct Alone;

impl Group for Alone {
    fn agree(&self, local: Option<&oxpar_core::Error>) -> Result<()> {
        local.map_or(Ok(()), |e| Err(e.clone()))
    }
    fn agree_resumed(&self, _count: usize, _digest: u64) -> Result<()> {
        Ok(())
    }
    fn checkpoint_file(&self, path: &Path) -> PathBuf {
        path.to_path_buf()
    }
    fn local_workers(&self, threads: usize) -> usize {
        threads
    }
    fn workers(&self, local: usize) -> Result<(usize, usize)> {
        Ok((0, local))
    }
    fn dispenser(
        &self,
        len: usize,
        workers: usize,
        _local_workers: usize,
    ) -> Result<Box<dyn Dispenser + '_>> {
        Ok(Box::new(LocalDispenser {
            counter: Counter::new(len),
            workers,
        }))
    }
    fn all_failures(&self, mine: Vec<Failure>) -> Result<Vec<Failure>> {
        Ok(mine)
    }
    fn all_done(&self, mine: Vec<(usize, u32)>) -> Result<Vec<(usize, u32)>> {
        Ok(mine)
    }
    fn dispensed_fraction(&self) -> Option<Box<dyn Fn(usize) -> f64 + Send + Sync + '_>> {
        None
    }
}
