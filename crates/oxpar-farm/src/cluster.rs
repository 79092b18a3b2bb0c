//! Farms over MPI ranks: a shared counter at rank 0 hands out chunks, and
//! failures and completions are gathered on every rank.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use oxpar_core::{Error, ErrorKind, Result};
use oxpar_mpi::{Comm, MpiBackend, SharedCounter};

use crate::{Dispenser, Failure, Group};

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

/// Chunks from the counter at rank 0.
struct SharedDispenser<'a> {
    counter: SharedCounter,
    len: usize,
    workers: usize,
    ranks: &'a Ranks<'a>,
}

impl Dispenser for SharedDispenser<'_> {
    fn next(&self, task_seconds: Option<f64>) -> Option<Range<usize>> {
        let seen = self.ranks.seen.load(Ordering::Relaxed);
        let chunk = crate::chunk_size(self.len.saturating_sub(seen), self.workers, task_seconds);
        // A failed fetch (MPI error) ends this worker's share; the other
        // workers still drain the counter.
        let lo = self.counter.fetch_add(chunk as u64).ok()? as usize;
        self.ranks
            .seen
            .fetch_max(lo.saturating_add(chunk), Ordering::Relaxed);
        let range = (lo < self.len).then(|| lo..(lo + chunk).min(self.len))?;
        self.ranks.taken.fetch_add(range.len(), Ordering::Relaxed);
        Some(range)
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
        if oxpar_mpi::env::any_thread_may_call() {
            threads
        } else {
            1
        }
    }

    fn workers(&self, local: usize) -> Result<(usize, usize)> {
        let all = self.comm.all_gather_u64(&[local as u64])?;
        let first = all[..self.comm.rank()].iter().sum::<u64>() as usize;
        Ok((first, all.iter().sum::<u64>() as usize))
    }

    fn dispenser(&self, len: usize, workers: usize) -> Result<Box<dyn Dispenser + '_>> {
        self.seen.store(0, Ordering::Relaxed);
        self.taken.store(0, Ordering::Relaxed);
        self.len.store(len, Ordering::Relaxed);
        Ok(Box::new(SharedDispenser {
            counter: SharedCounter::new(self.comm)?,
            len,
            workers,
            ranks: self,
        }))
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
