//! Farms over MPI ranks: rank 0's serving thread hands out chunks of its
//! counter to the other ranks' serving threads with two-sided messages (see
//! the crate's *Under MPI* for why), and failures and completions are
//! gathered on every rank.

use std::collections::VecDeque;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use oxpar_core::{Error, ErrorKind, Result};
use oxpar_mpi::{Comm, MpiBackend};

use crate::{Counter, Dispenser, Failure, Group};

/// The ranks of an MPI backend's communicator.
pub(crate) struct Ranks<'a> {
    comm: &'a Comm,
    /// Chunks handed out so far (for the ETA), as last seen on this rank.
    seen: AtomicUsize,
    len: AtomicUsize,
    /// Tasks this rank has taken (for the ETA).
    taken: AtomicUsize,
}

impl<'a> Ranks<'a> {
    /// Checks that every rank runs the same farm (collective).
    pub(crate) fn new(mpi: &'a MpiBackend, tasks: usize, retries: u32) -> Result<Ranks<'a>> {
        let comm = mpi.comm();
        let all = comm.all_gather_u64(&[0, tasks as u64, u64::from(retries)])?;
        let rows: Vec<&[u64]> = all.chunks_exact(3).collect();
        if let Some(r) = rows.iter().position(|w| w[0] != 0) {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("farm: rank {r} rejected its arguments (see the error reported there)"),
            ));
        }
        if let Some((r, w)) = rows
            .iter()
            .enumerate()
            .find(|(_, w)| w[1..] != rows[0][1..])
        {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!(
                    "farm: rank 0 runs {} tasks with {} retries, rank {r} runs {} tasks with {} retries \
                     (every rank must run the same farm)",
                    rows[0][1], rows[0][2], w[1], w[2]
                ),
            ));
        }
        Ok(Ranks {
            comm,
            seen: AtomicUsize::new(0),
            len: AtomicUsize::new(0),
            taken: AtomicUsize::new(0),
        })
    }

    /// Takes part in [`Ranks::new`] as a rank that rejected its arguments, so
    /// that the other ranks fail too; returns `error`.
    pub(crate) fn reject(mpi: &MpiBackend, error: Error) -> Error {
        let _ = mpi.comm().all_gather_u64(&[1, 0, 0]);
        error
    }
}

/// Failures as bytes: task, worker, error length (u64 each), error text.
fn encode(failures: &[Failure]) -> Vec<u8> {
    let mut out = Vec::new();
    for f in failures {
        for v in [f.task as u64, f.worker as u64, f.error.len() as u64] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(f.error.as_bytes());
    }
    out
}

fn decode(mut bytes: &[u8]) -> Vec<Failure> {
    let mut out = Vec::new();
    let word = |b: &mut &[u8]| {
        let (head, rest) = b.split_at(8);
        *b = rest;
        u64::from_le_bytes(head.try_into().unwrap_or([0; 8])) as usize
    };
    while bytes.len() >= 24 {
        let (task, worker, len) = (word(&mut bytes), word(&mut bytes), word(&mut bytes));
        let (text, rest) = bytes.split_at(len.min(bytes.len()));
        out.push(Failure {
            task,
            worker,
            error: String::from_utf8_lossy(text).into_owned(),
        });
        bytes = rest;
    }
    out
}

/// The tag of a rank's request for tasks: `[tasks wanted, its workers, the
/// fewest tasks worth a round trip]`.
const TAG_ASK: i32 = 30_517;
/// The tag of rank 0's answer: `[first, end)` of the chunk granted, empty
/// when every task has been handed out.
const TAG_GRANT: i32 = 30_518;

/// Work a rank keeps queued beyond what its workers are running, so that
/// they rarely wait for a round trip to rank 0 (on top of twice the round
/// trip measured). Tasks that take longer than this are asked for one at a
/// time, when a worker needs one, so none waits in a queue while another
/// rank could run it.
const PREFETCH_SECONDS: f64 = 2e-3;

/// Polling intervals of the serving threads: from the first to the longest,
/// doubling while nothing arrives.
const POLL_FIRST: Duration = Duration::from_micros(20);
const POLL_LONGEST: Duration = Duration::from_micros(200);

/// A polling interval that doubles while nothing happens.
struct Backoff(Duration);

impl Backoff {
    fn new() -> Backoff {
        Backoff(POLL_FIRST)
    }
    fn reset(&mut self) {
        self.0 = POLL_FIRST;
    }
    fn wait(&mut self) {
        std::thread::sleep(self.0);
        self.0 = (self.0 * 2).min(POLL_LONGEST);
    }
}

/// Rank 0's dispenser: its workers take chunks from the counter directly, and
/// its serving thread grants chunks of the same counter to the other ranks.
struct RootDispenser<'a> {
    counter: Counter,
    workers: usize,
    ranks: &'a Ranks<'a>,
}

impl RootDispenser<'_> {
    /// Records a chunk handed out (for the ETA).
    fn handed_out(&self, chunk: &Range<usize>) {
        self.ranks.seen.fetch_max(chunk.end, Ordering::Relaxed);
    }
}

impl Dispenser for RootDispenser<'_> {
    fn next(&self, task_seconds: Option<f64>) -> Option<Range<usize>> {
        let chunk = self
            .counter
            .take(|remaining| crate::chunk_size(remaining, self.workers, task_seconds))?;
        self.handed_out(&chunk);
        self.ranks.taken.fetch_add(chunk.len(), Ordering::Relaxed);
        Some(chunk)
    }

    fn served(&self) -> bool {
        // Even alone (nothing to serve), so that tasks never run on the
        // calling thread of an MPI farm.
        true
    }

    fn serve(&self) -> Result<()> {
        let comm = self.ranks.comm;
        // Every other rank asks until it is told that nothing is left.
        let mut unfinished = comm.size() - 1;
        let mut poll = Backoff::new();
        while unfinished > 0 {
            let Some((rank, ask)) = comm.try_recv_u64(None, TAG_ASK)? else {
                poll.wait();
                continue;
            };
            poll.reset();
            let (want, their_workers, floor) = match ask[..] {
                [want, workers, floor] => (want as usize, workers as usize, floor as usize),
                _ => {
                    return Err(Error::new(
                        ErrorKind::Communication,
                        format!(
                            "farm: rank {rank} sent a request of {} words, not 3",
                            ask.len()
                        ),
                    ))
                }
            };
            // Guided self-scheduling's share for the asking rank's workers,
            // but about a millisecond of their work at least (so that cheap
            // tasks do not take a round trip per few of them as the work runs
            // out), and no more than it asked for.
            let chunk = self.counter.take(|remaining| {
                let share =
                    remaining.saturating_mul(their_workers.max(1)) / (2 * self.workers.max(1));
                share.max(floor).min(want).max(1)
            });
            let (lo, hi) = match &chunk {
                Some(c) => {
                    self.handed_out(c);
                    (c.start, c.end)
                }
                None => {
                    unfinished -= 1;
                    (self.counter.len, self.counter.len)
                }
            };
            comm.send_u64(&[lo as u64, hi as u64], rank, TAG_GRANT)?;
        }
        Ok(())
    }
}

/// What a rank other than 0 holds: chunks granted by rank 0 that its workers
/// have not taken yet.
#[derive(Default)]
struct Queue {
    chunks: VecDeque<Range<usize>>,
    /// Tasks in `chunks`.
    queued: usize,
    /// Workers waiting for a chunk.
    waiting: usize,
    /// Rank 0 has nothing more to hand out (or serving failed here).
    exhausted: bool,
    /// Every worker has returned (only before `exhausted` if one panicked):
    /// the serving thread then only asks until rank 0 has nothing left, so
    /// that rank 0 is not left waiting.
    workers_done: bool,
    /// The workers' recent time per task.
    pace: Option<f64>,
}

/// The dispenser of a rank other than 0: its workers take chunks from a local
/// queue, which its serving thread keeps filled by asking rank 0.
struct RemoteDispenser<'a> {
    queue: Mutex<Queue>,
    /// Wakes workers waiting for a chunk.
    filled: Condvar,
    /// Wakes the serving thread: a worker took a chunk or waits for one.
    drained: Condvar,
    local_workers: usize,
    ranks: &'a Ranks<'a>,
}

impl RemoteDispenser<'_> {
    fn lock(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Ends the hand-out here (the workers finish what they hold).
    fn close(&self) {
        self.lock().exhausted = true;
        self.filled.notify_all();
    }

    fn serve_until_exhausted(&self) -> Result<()> {
        let comm = self.ranks.comm;
        // The round trip to rank 0 (an average), which the queue must cover.
        let mut round_trip = 0.0f64;
        loop {
            // Ask when the workers would otherwise soon run dry.
            let (want, floor) = {
                let mut q = self.lock();
                loop {
                    let tasks_in = |seconds: f64| match q.pace {
                        Some(pace) => {
                            self.local_workers * (seconds / pace.max(1e-9)).min(1e9) as usize
                        }
                        None => 0,
                    };
                    let keep = tasks_in(PREFETCH_SECONDS + 2.0 * round_trip);
                    if q.waiting > 0 || q.queued < keep || q.workers_done {
                        let want = (2 * keep).saturating_sub(q.queued).max(q.waiting).max(1);
                        break (want, tasks_in(crate::CHUNK_SECONDS).clamp(1, want));
                    }
                    // Only a safety net: the workers wake this thread.
                    q = self
                        .drained
                        .wait_timeout(q, Duration::from_millis(100))
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
            };
            let asked = Instant::now();
            comm.send_u64(
                &[want as u64, self.local_workers as u64, floor as u64],
                0,
                TAG_ASK,
            )?;
            let mut poll = Backoff::new();
            let grant = loop {
                match comm.try_recv_u64(Some(0), TAG_GRANT)? {
                    Some((_, grant)) => break grant,
                    None => poll.wait(),
                }
            };
            round_trip = 0.5 * (round_trip + asked.elapsed().as_secs_f64());
            let (lo, hi) = match grant[..] {
                [lo, hi] if lo <= hi => (lo as usize, hi as usize),
                _ => {
                    return Err(Error::new(
                        ErrorKind::Communication,
                        format!("farm: rank 0 granted {grant:?}, not a range"),
                    ))
                }
            };
            let mut q = self.lock();
            if lo == hi {
                q.exhausted = true;
                drop(q);
                self.filled.notify_all();
                return Ok(());
            }
            self.ranks.seen.fetch_max(hi, Ordering::Relaxed);
            q.chunks.push_back(lo..hi);
            q.queued += hi - lo;
            drop(q);
            self.filled.notify_all();
        }
    }
}

impl Dispenser for RemoteDispenser<'_> {
    fn next(&self, task_seconds: Option<f64>) -> Option<Range<usize>> {
        let mut q = self.lock();
        if let Some(t) = task_seconds {
            q.pace = Some(q.pace.map_or(t, |p| 0.5 * (p + t)));
        }
        loop {
            let queued = q.queued;
            if let Some(front) = q.chunks.front_mut() {
                // About a millisecond of work at this worker's pace, and no
                // more than its share of what is queued here.
                let n = crate::chunk_size(2 * queued, self.local_workers, task_seconds)
                    .min(front.end - front.start);
                let chunk = front.start..front.start + n;
                front.start += n;
                if front.start == front.end {
                    q.chunks.pop_front();
                }
                q.queued -= n;
                drop(q);
                self.drained.notify_one();
                self.ranks.taken.fetch_add(chunk.len(), Ordering::Relaxed);
                return Some(chunk);
            }
            if q.exhausted {
                return None;
            }
            q.waiting += 1;
            self.drained.notify_one();
            q = self.filled.wait(q).unwrap_or_else(|e| e.into_inner());
            q.waiting -= 1;
        }
    }

    fn served(&self) -> bool {
        true
    }

    fn serve(&self) -> Result<()> {
        let served = self.serve_until_exhausted();
        if served.is_err() {
            self.close();
        }
        served
    }

    fn workers_done(&self) {
        self.lock().workers_done = true;
        self.drained.notify_one();
    }
}

impl Group for Ranks<'_> {
    fn agree(&self, local: Option<&Error>) -> Result<()> {
        let flags = self.comm.all_gather_u64(&[u64::from(local.is_some())])?;
        if let Some(e) = local {
            return Err(e.clone());
        }
        match flags.iter().position(|&f| f != 0) {
            None => Ok(()),
            Some(r) => Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("farm: rank {r} could not start (see the error reported there)"),
            )),
        }
    }

    fn agree_resumed(&self, count: usize, digest: u64) -> Result<()> {
        let all = self.comm.all_gather_u64(&[count as u64, digest])?;
        let rows: Vec<&[u64]> = all.chunks_exact(2).collect();
        match rows.iter().position(|w| w != &rows[0]) {
            None => Ok(()),
            Some(r) => Err(Error::new(
                ErrorKind::InvalidArgument,
                format!(
                    "farm: the ranks read different checkpoints: rank 0 finds {} completed tasks, rank {r} {} \
                     (every rank must name the same checkpoint, on a file system they share)",
                    rows[0][0], rows[r][0]
                ),
            )),
        }
    }

    fn checkpoint_file(&self, path: &Path) -> PathBuf {
        let mut name = path.as_os_str().to_os_string();
        name.push(format!(".rank{}", self.comm.rank()));
        PathBuf::from(name)
    }

    fn local_workers(&self, threads: usize) -> usize {
        // Workers never call MPI (the thread that called the run does, for
        // them), so every thread level allows them all.
        threads
    }

    fn workers(&self, local: usize) -> Result<(usize, usize)> {
        let all = self.comm.all_gather_u64(&[local as u64])?;
        let first = all[..self.comm.rank()].iter().sum::<u64>() as usize;
        Ok((first, all.iter().sum::<u64>() as usize))
    }

    fn dispenser(
        &self,
        len: usize,
        workers: usize,
        local_workers: usize,
    ) -> Result<Box<dyn Dispenser + '_>> {
        self.seen.store(0, Ordering::Relaxed);
        self.taken.store(0, Ordering::Relaxed);
        self.len.store(len, Ordering::Relaxed);
        if self.comm.rank() == 0 {
            Ok(Box::new(RootDispenser {
                counter: Counter::new(len),
                workers,
                ranks: self,
            }))
        } else {
            Ok(Box::new(RemoteDispenser {
                queue: Mutex::new(Queue::default()),
                filled: Condvar::new(),
                drained: Condvar::new(),
                local_workers,
                ranks: self,
            }))
        }
    }

    fn all_failures(&self, mine: Vec<Failure>) -> Result<Vec<Failure>> {
        let mut all: Vec<Failure> = self
            .comm
            .all_gather_bytes(&encode(&mine))?
            .iter()
            .flat_map(|b| decode(b))
            .collect();
        all.sort_by_key(|f| f.task);
        Ok(all)
    }

    fn all_done(&self, mine: Vec<(usize, u32)>) -> Result<Vec<(usize, u32)>> {
        let mut bytes = Vec::with_capacity(mine.len() * 12);
        for (t, a) in &mine {
            bytes.extend_from_slice(&(*t as u64).to_le_bytes());
            bytes.extend_from_slice(&a.to_le_bytes());
        }
        Ok(self
            .comm
            .all_gather_bytes(&bytes)?
            .iter()
            .flat_map(|b| {
                b.chunks_exact(12)
                    .map(|c| {
                        let t = u64::from_le_bytes(c[..8].try_into().unwrap_or([0; 8]));
                        let a = u32::from_le_bytes(c[8..].try_into().unwrap_or([0; 4]));
                        (t as usize, a)
                    })
                    .collect::<Vec<_>>()
            })
            .collect())
    }

    fn dispensed_fraction(&self) -> Option<Box<dyn Fn(usize) -> f64 + Send + Sync + '_>> {
        Some(Box::new(|finished| {
            let len = self.len.load(Ordering::Relaxed).max(1);
            let handed_out = self.seen.load(Ordering::Relaxed).min(len) as f64 / len as f64;
            // Scale by how much of what this rank took it has finished, so a
            // large early chunk does not look like work done.
            let taken = self.taken.load(Ordering::Relaxed);
            let through = if taken == 0 {
                0.0
            } else {
                (finished as f64 / taken as f64).min(1.0)
            };
            handed_out * through
        }))
    }
}
