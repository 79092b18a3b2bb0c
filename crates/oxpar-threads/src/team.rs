//! A fork-join team: the caller plus `n - 1` workers that spin briefly after
//! each region before they sleep.
//!
//! Why not rayon for this: a C, Fortran or Python caller is outside any rayon
//! pool, and `ThreadPool::install` from outside costs about 12 µs with 2 threads
//! (inject a job, wake a sleeping worker through a futex, block the caller on a
//! latch). An OpenMP `parallel for` costs about 1.5 µs because its workers are
//! still spinning from the last region and the caller does a share of the work.
//! The team does the same: the caller runs index 0 itself, workers poll a
//! generation counter for a short while before parking, and the caller parks
//! only if the workers are slow. When the team has more threads than the CPUs
//! this process may use, spinning would steal time from the thread doing the
//! work, so workers then yield instead of spinning.
//!
//! A region may also be started as elastic ([`Team::run_elastic`]): then the
//! caller, once done with index 0, runs itself every index no worker has
//! claimed yet. On a loaded machine a descheduled worker then costs nothing
//! (the caller does its block) instead of a time slice of waiting. Workers
//! claim an index with a compare-and-swap on a per-index generation, so each
//! index still runs exactly once.
//!
//! A region started while the team is busy (a nested `parallel_for`, or two
//! caller threads at once) runs inline on its calling thread, all indices in
//! order: the same result, never a deadlock or oversubscription.

use std::any::Any;
use std::cell::Cell;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle, Thread};
use std::time::{Duration, Instant};

/// The job a region runs: called once with each index in `0..size`.
type Job = dyn Fn(usize) + Sync;

/// How long an idle worker keeps polling for the next region before it parks.
/// libgomp spins for about this long by default (GOMP_SPINCOUNT).
const SPIN: Duration = Duration::from_micros(200);

struct Shared {
    /// Bumped once per region; workers run the job when it changes.
    generation: AtomicU64,
    /// The current job, valid while a region is open (the caller blocks until
    /// every worker has finished with it).
    job: Mutex<Option<JobPtr>>,
    /// Workers still running the current region.
    remaining: AtomicUsize,
    /// The thread waiting for the region to end.
    caller: Mutex<Option<Thread>>,
    /// The first panic payload raised in a worker this region.
    panic: Mutex<Option<Box<dyn Any + Send>>>,
    /// Workers asleep on `wake`.
    sleeping: AtomicUsize,
    sleep_lock: Mutex<()>,
    wake: Condvar,
    shutdown: AtomicBool,
    /// Whether workers spin (false when oversubscribed).
    spin: bool,
    /// Per index (0 unused): the last generation whose job it was claimed
    /// for, by its worker or, in an elastic region, by the caller.
    claimed: Vec<AtomicU64>,
}

/// A lifetime-erased job pointer. Only dereferenced between the caller's
/// publication of a region and the last worker's completion of it.
#[derive(Copy, Clone)]
struct JobPtr(*const Job);
// SAFETY: the pointee is `Sync`, and the pointer is only used while the region
// that owns the job is open (see `Team::run`).
unsafe impl Send for JobPtr {}

/// A fixed-size fork-join team. See the module documentation.
pub struct Team {
    size: usize,
    /// The fork generation the workers were started in.
    born: usize,
    shared: Arc<Shared>,
    busy: Mutex<()>,
    workers: Vec<JoinHandle<()>>,
}

thread_local! {
    /// True on this team's worker threads (regions started there run inline).
    static IN_WORKER: Cell<bool> = const { Cell::new(false) };
}

impl std::fmt::Debug for Team {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Team")
            .field("size", &self.size)
            .field("spin", &self.shared.spin)
            .finish()
    }
}

impl Team {
    /// A team of `size` threads in all (the caller counts as one), so
    /// `size - 1` threads are spawned. Fails if the OS refuses a thread.
    pub fn new(size: usize) -> std::io::Result<Team> {
        let size = size.max(1);
        let cpus = thread::available_parallelism().map_or(1, |n| n.get());
        let shared = Arc::new(Shared {
            generation: AtomicU64::new(0),
            job: Mutex::new(None),
            remaining: AtomicUsize::new(0),
            caller: Mutex::new(None),
            panic: Mutex::new(None),
            sleeping: AtomicUsize::new(0),
            sleep_lock: Mutex::new(()),
            wake: Condvar::new(),
            shutdown: AtomicBool::new(false),
            spin: size <= cpus,
            claimed: (0..size).map(|_| AtomicU64::new(0)).collect(),
        });
        let mut workers = Vec::with_capacity(size - 1);
        for index in 1..size {
            let for_worker = Arc::clone(&shared);
            let handle = thread::Builder::new()
                .name(format!("oxpar-team-{index}"))
                .spawn(move || worker_loop(&for_worker, index));
            match handle {
                Ok(h) => workers.push(h),
                Err(e) => {
                    // Stop the ones already started before reporting.
                    let partial = Team {
                        size: index,
                        shared,
                        busy: Mutex::new(()),
                        born: crate::fork::generation(),
                        workers,
                    };
                    drop(partial);
                    return Err(e);
                }
            }
        }
        Ok(Team {
            size,
            shared,
            busy: Mutex::new(()),
            born: crate::fork::generation(),
            workers,
        })
    }

    /// Whether this process is a fork of the one that started the workers.
    pub fn forked(&self) -> bool {
        crate::fork::generation() != self.born
    }

    /// Threads in the team, the caller included.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Calls `job(i)` for every `i` in `0..size()`, index 0 on the calling
    /// thread and the others on the workers, and returns when all are done. A
    /// panic in any call is re-raised here after every call has finished.
    pub fn run(&self, job: &(dyn Fn(usize) + Sync)) {
        self.run_region(job, false);
    }

    /// As [`Team::run`], but indices that no worker has started by the time
    /// the caller finishes index 0 run on the caller (in order), so a worker
    /// the OS has not scheduled does not hold the region up. For work split
    /// into blocks whose placement does not matter (the BLAS routines); not
    /// for loops that promise the user one thread per block.
    pub fn run_elastic(&self, job: &(dyn Fn(usize) + Sync)) {
        self.run_region(job, true);
    }

    fn run_region(&self, job: &(dyn Fn(usize) + Sync), elastic: bool) {
        if self.size == 1 {
            job(0);
            return;
        }
        if self.forked() {
            // The workers do not exist in a forked child: run everything here.
            (0..self.size).for_each(job);
            return;
        }
        let guard = if IN_WORKER.with(Cell::get) {
            None
        } else {
            // A region that panicked poisoned the lock; the team itself is fine.
            match self.busy.try_lock() {
                Ok(g) => Some(g),
                Err(std::sync::TryLockError::Poisoned(e)) => Some(e.into_inner()),
                Err(std::sync::TryLockError::WouldBlock) => None,
            }
        };
        let Some(_guard) = guard else {
            // Nested or concurrent region: run every index here, in order.
            (0..self.size).for_each(job);
            return;
        };
        let shared = &*self.shared;
        // SAFETY: only the lifetime is erased. The pointer is published below
        // and every worker finishes with it before this function returns,
        // because we wait for `remaining` to reach zero even when `job(0)` panics.
        let ptr: *const Job =
            unsafe { std::mem::transmute::<*const (dyn Fn(usize) + Sync + '_), *const Job>(job) };
        *lock(&shared.job) = Some(JobPtr(ptr));
        *lock(&shared.caller) = Some(thread::current());
        shared.remaining.store(self.size - 1, Ordering::SeqCst);
        let generation = shared.generation.fetch_add(1, Ordering::SeqCst) + 1;
        if shared.sleeping.load(Ordering::SeqCst) > 0 {
            let _g = lock(&shared.sleep_lock);
            shared.wake.notify_all();
        }
        let mut mine = catch_unwind(AssertUnwindSafe(|| job(0)));
        if elastic {
            for index in 1..self.size {
                if claim(shared, index, generation) {
                    let r = catch_unwind(AssertUnwindSafe(|| job(index)));
                    if mine.is_ok() {
                        mine = r;
                    }
                    shared.remaining.fetch_sub(1, Ordering::AcqRel);
                }
            }
        }
        self.wait_for_workers();
        *lock(&shared.job) = None;
        let theirs = lock(&shared.panic).take();
        if let Err(payload) = mine {
            resume_unwind(payload);
        }
        if let Some(payload) = theirs {
            resume_unwind(payload);
        }
    }

    fn wait_for_workers(&self) {
        let shared = &*self.shared;
        let start = Instant::now();
        let mut spins = 0u32;
        while shared.remaining.load(Ordering::Acquire) != 0 {
            spins = spins.wrapping_add(1);
            if shared.spin && start.elapsed() < SPIN {
                std::hint::spin_loop();
            } else if !spins.is_multiple_of(16) {
                thread::yield_now();
            } else {
                // The last worker unparks us; the timeout only bounds a lost race.
                thread::park_timeout(Duration::from_millis(1));
            }
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Claims `index` for region `generation`: true for the first of its worker
/// and the caller to ask, false once either has it or a later region began.
fn claim(shared: &Shared, index: usize, generation: u64) -> bool {
    let slot = &shared.claimed[index];
    let last = slot.load(Ordering::Acquire);
    last < generation
        && slot
            .compare_exchange(last, generation, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
}

fn worker_loop(shared: &Shared, index: usize) {
    IN_WORKER.with(|w| w.set(true));
    let mut seen = 0u64;
    loop {
        seen = wait_for_region(shared, seen);
        if shared.shutdown.load(Ordering::Acquire) {
            return;
        }
        // The caller of an elastic region may have run this index already;
        // then the region may be over and its job gone, so it is not touched.
        // A successful claim keeps the region open (the caller waits for
        // `remaining`), so the job read below is this generation's.
        if !claim(shared, index, seen) {
            continue;
        }
        let job = *lock(&shared.job);
        if let Some(JobPtr(ptr)) = job {
            // SAFETY: the caller keeps the job alive until `remaining` reaches
            // zero, which happens only after this call returns.
            let result = catch_unwind(AssertUnwindSafe(|| unsafe { (*ptr)(index) }));
            if let Err(payload) = result {
                lock(&shared.panic).get_or_insert(payload);
            }
        }
        if shared.remaining.fetch_sub(1, Ordering::AcqRel) == 1 {
            if let Some(caller) = lock(&shared.caller).as_ref() {
                caller.unpark();
            }
        }
    }
}

/// Waits until the generation differs from `seen` (or shutdown) and returns it.
fn wait_for_region(shared: &Shared, seen: u64) -> u64 {
    let start = Instant::now();
    let mut polls = 0u32;
    loop {
        let g = shared.generation.load(Ordering::Acquire);
        if g != seen || shared.shutdown.load(Ordering::Acquire) {
            return g;
        }
        polls = polls.wrapping_add(1);
        if shared.spin && (!polls.is_multiple_of(256) || start.elapsed() < SPIN) {
            std::hint::spin_loop();
            continue;
        }
        if !shared.spin && polls < 64 {
            thread::yield_now();
            continue;
        }
        // Sleep until the next region; re-check under the lock so a wake-up
        // between the check and the wait is not lost.
        let mut guard = lock(&shared.sleep_lock);
        shared.sleeping.fetch_add(1, Ordering::SeqCst);
        while shared.generation.load(Ordering::SeqCst) == seen
            && !shared.shutdown.load(Ordering::SeqCst)
        {
            guard = shared.wake.wait(guard).unwrap_or_else(|e| e.into_inner());
        }
        shared.sleeping.fetch_sub(1, Ordering::SeqCst);
        drop(guard);
        polls = 0;
    }
}

impl Drop for Team {
    fn drop(&mut self) {
        if self.forked() {
            // The workers and possibly-held locks belong to the parent: leak
            // them rather than join threads that do not exist here.
            std::mem::forget(std::mem::take(&mut self.workers));
            return;
        }
        self.shared.shutdown.store(true, Ordering::SeqCst);
        self.shared.generation.fetch_add(1, Ordering::SeqCst);
        {
            let _g = lock(&self.shared.sleep_lock);
            self.shared.wake.notify_all();
        }
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_index_runs_once_per_region() {
        for size in [1, 2, 3, 5] {
            let team = Team::new(size).unwrap();
            let counts: Vec<AtomicUsize> = (0..size).map(|_| AtomicUsize::new(0)).collect();
            for _ in 0..1000 {
                team.run(&|i| {
                    counts[i].fetch_add(1, Ordering::Relaxed);
                });
            }
            assert!(counts.iter().all(|c| c.load(Ordering::Relaxed) == 1000));
        }
    }

    #[test]
    fn every_index_runs_once_per_elastic_region() {
        for size in [1, 2, 3, 5] {
            let team = Team::new(size).unwrap();
            let counts: Vec<AtomicUsize> = (0..size).map(|_| AtomicUsize::new(0)).collect();
            for round in 0..2000 {
                team.run_elastic(&|i| {
                    counts[i].fetch_add(1, Ordering::Relaxed);
                    // Now and then a slow index, so that both the caller and
                    // the workers end up taking indices of the others.
                    if round % 97 == i {
                        thread::sleep(Duration::from_micros(50));
                    }
                });
                // Plain regions in between still see every worker.
                if round % 10 == 0 {
                    team.run(&|i| {
                        counts[i].fetch_add(1, Ordering::Relaxed);
                    });
                }
            }
            assert!(counts.iter().all(|c| c.load(Ordering::Relaxed) == 2200));
        }
    }

    #[test]
    fn elastic_region_panic_reaches_caller() {
        let team = Team::new(3).unwrap();
        for _ in 0..50 {
            let r = catch_unwind(AssertUnwindSafe(|| {
                team.run_elastic(&|i| assert!(i != 2, "boom in index 2"))
            }));
            assert!(r.is_err());
        }
        let hits = AtomicUsize::new(0);
        team.run_elastic(&|_| {
            hits.fetch_add(1, Ordering::Relaxed);
        });
        assert_eq!(hits.load(Ordering::Relaxed), 3);
    }

    #[test]
    fn nested_regions_run_inline() {
        let team = Team::new(3).unwrap();
        let total = AtomicUsize::new(0);
        team.run(&|_| {
            team.run(&|_| {
                total.fetch_add(1, Ordering::Relaxed);
            })
        });
        assert_eq!(total.load(Ordering::Relaxed), 9);
    }

    #[test]
    fn worker_panic_reaches_caller_and_team_survives() {
        let team = Team::new(2).unwrap();
        let r = catch_unwind(AssertUnwindSafe(|| {
            team.run(&|i| assert!(i != 1, "boom in worker"))
        }));
        assert!(r.is_err());
        let hits = AtomicUsize::new(0);
        team.run(&|_| {
            hits.fetch_add(1, Ordering::Relaxed);
        });
        assert_eq!(hits.load(Ordering::Relaxed), 2);
    }

    #[test]
    fn workers_wake_after_sleeping() {
        let team = Team::new(2).unwrap();
        thread::sleep(Duration::from_millis(5));
        let hits = AtomicUsize::new(0);
        team.run(&|_| {
            hits.fetch_add(1, Ordering::Relaxed);
        });
        assert_eq!(hits.load(Ordering::Relaxed), 2);
    }
}
