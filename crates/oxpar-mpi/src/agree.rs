//! Collective argument checks: every rank learns whether any rank rejected
//! its arguments, so a mistake on one rank is an error on all of them rather
//! than a deadlock (the others would wait forever in a collective the failing
//! rank never entered).
//!
//! Each distributed operation starts with exactly one *checked* collective in
//! which every rank also reports its status. A rank that failed its own checks
//! still takes part in that collective (see [`crate::MpiBackend::reject`]), then
//! returns its error; the others return an error naming that rank.

use mpi::ffi;
use oxpar_core::{Error, ErrorKind, Result};

use crate::comm::Comm;

/// Status word of a rank that accepted its arguments.
const STATUS_OK: u64 = 0;

/// Which collective an operation starts with, so that a rank that rejected
/// its arguments can join the right one.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum FirstCollective {
    /// An `f64` sum (dot, asum, sum).
    Sum,
    /// An exact `i64` sum of `n` words per rank (the reproducible
    /// reductions' accumulators).
    WordSum(usize),
    /// A gather of `n` words per rank (nrm2, iamax, gemv, ger, gemm, halo).
    Gather(usize),
    /// Nothing: the operation is local to each rank.
    None,
}

fn kind_code(kind: ErrorKind) -> u64 {
    match kind {
        ErrorKind::InvalidArgument => 1,
        ErrorKind::ShapeMismatch => 2,
        ErrorKind::InvalidStride => 3,
        ErrorKind::Unsupported => 4,
        ErrorKind::BackendUnavailable => 5,
        ErrorKind::Device => 6,
        ErrorKind::Communication => 7,
        ErrorKind::OutOfMemory => 8,
        _ => 9,
    }
}

fn kind_from_code(code: u64) -> ErrorKind {
    match code {
        1 => ErrorKind::InvalidArgument,
        2 => ErrorKind::ShapeMismatch,
        3 => ErrorKind::InvalidStride,
        4 => ErrorKind::Unsupported,
        5 => ErrorKind::BackendUnavailable,
        6 => ErrorKind::Device,
        7 => ErrorKind::Communication,
        8 => ErrorKind::OutOfMemory,
        _ => ErrorKind::Internal,
    }
}

/// The error a rank reports when `rank` (another one) rejected its arguments.
fn remote_error(routine: &str, rank: Option<usize>, size: usize, kind: ErrorKind) -> Error {
    let who = match rank {
        Some(r) => format!("rank {r} of {size}"),
        None => "more than one rank".to_string(),
    };
    Error::new(
        kind,
        format!(
            "{routine}: {who} rejected its arguments ({kind}); see the error reported there \
             (no rank computed anything)"
        ),
    )
}

/// Gathers `width` words from every rank, in rank order, together with each
/// rank's status. `local` is this rank's words, or the error it found. On
/// success returns `size` rows of `width` words; if any rank failed, every
/// rank returns an error (its own, or one naming the first failing rank).
pub(crate) fn gather_checked(
    comm: &Comm,
    routine: &str,
    width: usize,
    local: Result<Vec<u64>>,
) -> Result<Vec<Vec<u64>>> {
    let mut send = vec![STATUS_OK; width + 1];
    let own_error = match local {
        Ok(words) => {
            assert_eq!(words.len(), width, "gather_checked width");
            send[1..].copy_from_slice(&words);
            None
        }
        Err(e) => {
            send[0] = kind_code(e.kind());
            Some(e)
        }
    };
    let mut recv = vec![0u64; (width + 1) * comm.size()];
    comm.allgather(&send, &mut recv)?;
    if let Some(e) = own_error {
        return Err(e);
    }
    let rows: Vec<&[u64]> = recv.chunks_exact(width + 1).collect();
    if let Some((rank, row)) = rows.iter().enumerate().find(|(_, r)| r[0] != STATUS_OK) {
        return Err(remote_error(
            routine,
            Some(rank),
            comm.size(),
            kind_from_code(row[0]),
        ));
    }
    Ok(rows.iter().map(|r| r[1..].to_vec()).collect())
}

/// The error for a checked collective in which `failures` ranks failed, if
/// any: with exactly one, `detail` is its `16 * rank + kind code`, so the
/// error names that rank and the kind of its error.
fn failure_error(routine: &str, size: usize, failures: u64, detail: u64) -> Option<Error> {
    match failures {
        0 => None,
        1 => Some(remote_error(
            routine,
            Some((detail / 16) as usize),
            size,
            kind_from_code(detail % 16),
        )),
        _ => Some(remote_error(
            routine,
            None,
            size,
            ErrorKind::InvalidArgument,
        )),
    }
}

/// What a failing rank reports in a summed status: `16 * rank + kind code`.
fn failure_detail(comm: &Comm, error: &Error) -> u64 {
    16 * comm.rank() as u64 + kind_code(error.kind())
}

/// Sums `local` over all ranks (`MPI_SUM` on `f64`), with each rank's status
/// folded into the same message. Every rank gets the same sum.
pub(crate) fn sum_checked(comm: &Comm, routine: &str, local: Result<f64>) -> Result<f64> {
    // [value, failures]: a failing rank adds FAILURE + 16 * rank + kind code,
    // exact in an f64 for up to 2^17 failing ranks; with one failure the
    // rank and kind come back out. Two words keep the message as small as
    // a plain allreduce of the value.
    const FAILURE: f64 = (1u64 << 36) as f64;
    let mut buf = [0.0f64; 2];
    let own_error = match local {
        Ok(v) => {
            buf[0] = v;
            None
        }
        Err(e) => {
            buf[1] = FAILURE + failure_detail(comm, &e) as f64;
            Some(e)
        }
    };
    // SAFETY: reading an immutable constant of the MPI library.
    comm.allreduce(&mut buf, unsafe { ffi::RSMPI_SUM })?;
    if let Some(e) = own_error {
        return Err(e);
    }
    let failures = (buf[1] / FAILURE).floor() as u64;
    let detail = (buf[1] - failures as f64 * FAILURE) as u64;
    match failure_error(routine, comm.size(), failures, detail) {
        None => Ok(buf[0]),
        Some(e) => Err(e),
    }
}

/// Sums `width` `i64` words over all ranks, word by word (`MPI_SUM` on
/// `MPI_INT64_T`, exact as long as no sum leaves the `i64` range), with each
/// rank's status in the same message. `local` is this rank's words, or the
/// error it found. Every rank gets the same sums, or every rank an error (its
/// own, or one naming the failing rank and its error kind).
///
/// Encoding: two status words follow the data, `[failures, detail]`. A rank
/// that accepted its arguments sends `[0, 0]` after its words; a failing one
/// sends zeros for the data and `[1, 16 * rank + kind code]`. Summed, the
/// first counts the failing ranks, and with exactly one the second names it
/// and its error kind (with several, it is not read).
pub(crate) fn sum_words_checked(
    comm: &Comm,
    routine: &str,
    width: usize,
    local: Result<Vec<i64>>,
) -> Result<Vec<i64>> {
    let mut buf = vec![0i64; width + 2];
    let own_error = match local {
        Ok(words) => {
            assert_eq!(words.len(), width, "sum_words_checked width");
            buf[..width].copy_from_slice(&words);
            None
        }
        Err(e) => {
            buf[width] = 1;
            buf[width + 1] = failure_detail(comm, &e) as i64;
            Some(e)
        }
    };
    // SAFETY: reading an immutable constant of the MPI library.
    comm.allreduce(&mut buf, unsafe { ffi::RSMPI_SUM })?;
    if let Some(e) = own_error {
        return Err(e);
    }
    let (failures, detail) = (buf[width] as u64, buf[width + 1] as u64);
    if let Some(e) = failure_error(routine, comm.size(), failures, detail) {
        return Err(e);
    }
    buf.truncate(width);
    Ok(buf)
}

/// Takes part in `first` as a rank that rejected its arguments, so that the
/// other ranks return an error too; returns `error`.
pub(crate) fn join_failed(
    comm: &Comm,
    routine: &str,
    first: FirstCollective,
    error: Error,
) -> Error {
    let kind = error.kind();
    let outcome = match first {
        FirstCollective::Sum => sum_checked(comm, routine, Err(error)).map(|_| ()),
        FirstCollective::WordSum(width) => {
            sum_words_checked(comm, routine, width, Err(error)).map(|_| ())
        }
        FirstCollective::Gather(width) => {
            gather_checked(comm, routine, width, Err(error)).map(|_| ())
        }
        FirstCollective::None => Err(error),
    };
    match outcome {
        Err(e) => e,
        Ok(()) => Error::new(kind, format!("{routine}: internal error in join_failed")),
    }
}

/// An error that every rank reaches from the same gathered data (so no rank
/// needs to tell the others).
pub(crate) fn everywhere(routine: &str, kind: ErrorKind, what: impl std::fmt::Display) -> Error {
    Error::new(kind, format!("{routine}: {what}"))
}

/// Checks that every rank works on the same element type: `sizes` holds each
/// rank's element size in bytes (the same data on every rank, so every rank
/// reaches the same verdict without telling the others).
pub(crate) fn same_element_type(routine: &str, sizes: impl Iterator<Item = u64>) -> Result<()> {
    let sizes: Vec<u64> = sizes.collect();
    match sizes.iter().position(|&s| s != sizes[0]) {
        None => Ok(()),
        Some(r) => Err(everywhere(
            routine,
            ErrorKind::InvalidArgument,
            format!(
                "rank 0 passes {}-byte elements but rank {r} {}-byte ones (every rank must use the same type)",
                sizes[0], sizes[r]
            ),
        )),
    }
}
