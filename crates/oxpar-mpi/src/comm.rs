//! A communicator oxpar owns: a duplicate of the caller's, with errors
//! returned instead of aborting, checked wrappers for the few MPI calls
//! oxpar makes, and the history of the summed calls its ranks agreed on
//! (see `predict.rs`).
//!
//! rsmpi's safe collectives ignore MPI's return codes (they rely on the
//! default abort-on-error handler), so oxpar calls MPI through rsmpi's raw
//! bindings here and turns each failure into an [`ErrorKind::Communication`]
//! error carrying MPI's own message.

use std::ffi::{c_int, c_void};

use mpi::datatype::Equivalence;
use mpi::ffi;
use mpi::raw::AsRaw;
use oxpar_core::{Error, ErrorKind, Result};

use crate::env;
use crate::predict::Predictor;

/// Turns an MPI return code into a `Result` with MPI's message.
pub(crate) fn check(code: c_int, call: &str) -> Result<()> {
    if code == ffi::MPI_SUCCESS as c_int {
        return Ok(());
    }
    let mut text = vec![0u8; ffi::MPI_MAX_ERROR_STRING as usize + 1];
    let mut len: c_int = 0;
    // SAFETY: the buffer holds MPI_MAX_ERROR_STRING characters plus one.
    let ok = unsafe { ffi::MPI_Error_string(code, text.as_mut_ptr().cast(), &mut len) };
    let message = if ok == ffi::MPI_SUCCESS as c_int {
        String::from_utf8_lossy(&text[..len.clamp(0, text.len() as c_int) as usize]).into_owned()
    } else {
        format!("MPI error code {code}")
    };
    Err(Error::new(
        ErrorKind::Communication,
        format!("{call} failed: {message}"),
    ))
}

/// An element count as MPI's `int`, or an error for messages MPI cannot describe.
pub(crate) fn count(n: usize) -> Result<c_int> {
    c_int::try_from(n).map_err(|_| {
        Error::unsupported(format!(
            "a message of {n} elements exceeds MPI's int count ({})",
            c_int::MAX
        ))
    })
}

/// A buffer address for MPI. An empty slice's pointer is a dangling
/// `align_of::<T>()`, which for bytes is 1: Open MPI's `MPI_IN_PLACE`. Empty
/// buffers get the address of a real (unused) word instead.
fn send_ptr<T>(buf: &[T]) -> *const c_void {
    static EMPTY: u64 = 0;
    if buf.is_empty() {
        (&EMPTY as *const u64).cast()
    } else {
        buf.as_ptr().cast()
    }
}

/// As [`send_ptr`], for buffers MPI writes (nothing is written to an empty one).
fn recv_ptr<T>(buf: &mut [T]) -> *mut c_void {
    if buf.is_empty() {
        send_ptr(buf).cast_mut()
    } else {
        buf.as_mut_ptr().cast()
    }
}

/// Runs `f` with MPI_COMM_WORLD's error handler set to return errors, then
/// puts the program's handler back.
fn with_world_errors_returned(f: impl FnOnce() -> c_int) -> c_int {
    let mut previous = std::mem::MaybeUninit::<ffi::MPI_Errhandler>::uninit();
    // SAFETY: MPI is initialized (callers ensure it); previous is written on success.
    let got = unsafe { ffi::MPI_Comm_get_errhandler(ffi::RSMPI_COMM_WORLD, previous.as_mut_ptr()) };
    if got != ffi::MPI_SUCCESS as c_int {
        return f();
    }
    // SAFETY: MPI_Comm_get_errhandler succeeded and wrote the handle.
    let mut previous = unsafe { previous.assume_init() };
    // SAFETY: the world communicator and the predefined handler are valid.
    unsafe { ffi::MPI_Comm_set_errhandler(ffi::RSMPI_COMM_WORLD, ffi::RSMPI_ERRORS_RETURN) };
    let code = f();
    // SAFETY: restoring the handler read above, then releasing the reference
    // MPI_Comm_get_errhandler took on it.
    unsafe {
        ffi::MPI_Comm_set_errhandler(ffi::RSMPI_COMM_WORLD, previous);
        ffi::MPI_Errhandler_free(&mut previous);
    }
    code
}

/// An MPI communicator owned by oxpar (freed on drop unless MPI is gone).
#[derive(Debug)]
pub struct Comm {
    raw: ffi::MPI_Comm,
    rank: usize,
    size: usize,
    /// The agreed summed calls on this communicator, the same on every rank.
    summed: Predictor,
}

// SAFETY: an MPI communicator handle is plain data that may be used from any
// thread; oxpar serializes its own calls on one communicator (see
// `MpiBackend`), which is what MPI_THREAD_SERIALIZED requires.
unsafe impl Send for Comm {}
// SAFETY: as above; `&Comm` only exposes calls made under oxpar's lock.
unsafe impl Sync for Comm {}

impl Comm {
    /// Duplicates `comm` (collective over it) and sets the duplicate to return
    /// errors. The caller keeps ownership of `comm`.
    ///
    /// # Safety
    /// `comm` is a live intra-communicator handle (or `MPI_COMM_NULL`, refused).
    pub unsafe fn duplicate(comm: ffi::MPI_Comm) -> Result<Comm> {
        env::ensure_initialized()?;
        // Open MPI's MPI_Comm_f2c answers a null pointer (not MPI_COMM_NULL)
        // for an index it does not know; MPICH never uses 0 as a handle.
        // SAFETY: MPI_Comm is a pointer or an integer: all-zero bits are valid.
        let zero: ffi::MPI_Comm = unsafe { std::mem::zeroed() };
        // SAFETY: reading an immutable constant of the MPI library.
        if comm == unsafe { ffi::RSMPI_COMM_NULL } || comm == zero {
            return Err(Error::invalid_argument(
                "comm",
                "is MPI_COMM_NULL or not a communicator",
            ));
        }
        let mut inter: c_int = 0;
        // A handle that is not a communicator (MPICH's MPI_Comm_f2c accepts
        // any integer) raises an error on MPI_COMM_WORLD, whose handler
        // aborts by default: return errors there for this one call.
        let code = with_world_errors_returned(|| {
            // SAFETY: comm is a communicator handle or an invalid one, which
            // MPI reports as an error (returned, see above).
            unsafe { ffi::MPI_Comm_test_inter(comm, &mut inter) }
        });
        check(code, "MPI_Comm_test_inter").map_err(|_| {
            Error::invalid_argument(
                "comm",
                "is not a communicator (MPI_Comm_test_inter refused it)",
            )
        })?;
        if inter != 0 {
            return Err(Error::invalid_argument(
                "comm",
                "is an inter-communicator (oxpar needs an intra-communicator)",
            ));
        }
        let mut dup = std::mem::MaybeUninit::<ffi::MPI_Comm>::uninit();
        // SAFETY: comm is live; dup is written on success.
        let code = unsafe { ffi::MPI_Comm_dup(comm, dup.as_mut_ptr()) };
        check(code, "MPI_Comm_dup")?;
        // SAFETY: MPI_Comm_dup succeeded and wrote the handle.
        unsafe { Comm::adopt(dup.assume_init()) }
    }

    /// Takes ownership of a communicator oxpar created, setting it to return
    /// errors and caching rank and size.
    ///
    /// # Safety
    /// `raw` is a live communicator nobody else frees.
    unsafe fn adopt(raw: ffi::MPI_Comm) -> Result<Comm> {
        let mut comm = Comm {
            raw,
            rank: 0,
            size: 1,
            summed: Predictor::new(),
        };
        // SAFETY: raw is live; the predefined handler is an immutable constant.
        let code = unsafe { ffi::MPI_Comm_set_errhandler(raw, ffi::RSMPI_ERRORS_RETURN) };
        check(code, "MPI_Comm_set_errhandler")?;
        let (mut rank, mut size): (c_int, c_int) = (0, 0);
        // SAFETY: raw is live.
        let code = unsafe { ffi::MPI_Comm_rank(raw, &mut rank) };
        check(code, "MPI_Comm_rank")?;
        // SAFETY: raw is live.
        let code = unsafe { ffi::MPI_Comm_size(raw, &mut size) };
        check(code, "MPI_Comm_size")?;
        comm.rank = rank as usize;
        comm.size = size as usize;
        Ok(comm)
    }

    /// A duplicate of `MPI_COMM_WORLD` (initializing MPI if nobody has).
    pub fn world() -> Result<Comm> {
        env::ensure_initialized()?;
        // SAFETY: MPI is initialized, so MPI_COMM_WORLD is live.
        unsafe { Comm::duplicate(ffi::RSMPI_COMM_WORLD) }
    }

    /// A duplicate of the communicator with Fortran handle `fcomm` (what C
    /// gets from `MPI_Comm_c2f`, Fortran has as `integer :: comm`, and mpi4py
    /// returns from `comm.py2f()`).
    pub fn from_fortran(fcomm: i32) -> Result<Comm> {
        env::ensure_initialized()?;
        // SAFETY: MPI_Comm_f2c accepts any integer; an invalid one gives
        // MPI_COMM_NULL (refused by `duplicate`) in Open MPI and MPICH.
        let raw = unsafe { ffi::RSMPI_Comm_f2c(fcomm) };
        // SAFETY: raw is either MPI_COMM_NULL or a live communicator.
        unsafe { Comm::duplicate(raw) }.map_err(|e| {
            if e.kind() == ErrorKind::InvalidArgument {
                Error::invalid_argument(
                    "comm",
                    format!(
                        "Fortran handle {fcomm}: {}",
                        e.message().trim_start_matches("comm: ")
                    ),
                )
            } else {
                e
            }
        })
    }

    /// This process's rank.
    pub fn rank(&self) -> usize {
        self.rank
    }

    /// The number of processes.
    pub fn size(&self) -> usize {
        self.size
    }

    /// The history of this communicator's agreed summed calls.
    pub(crate) fn summed(&self) -> &Predictor {
        &self.summed
    }

    /// The raw handle (still owned by this `Comm`).
    pub fn as_raw(&self) -> ffi::MPI_Comm {
        self.raw
    }

    /// The Fortran handle of this communicator (for mpi4py's `Comm.f2py`).
    pub fn fortran_handle(&self) -> i32 {
        // SAFETY: self.raw is live.
        unsafe { ffi::RSMPI_Comm_c2f(self.raw) }
    }

    /// Splits into sub-communicators by `color`, ordered by `key`.
    pub fn split(&self, color: usize, key: usize) -> Result<Comm> {
        let mut out = std::mem::MaybeUninit::<ffi::MPI_Comm>::uninit();
        // SAFETY: self.raw is live; out is written on success.
        let code = unsafe {
            ffi::MPI_Comm_split(self.raw, color as c_int, key as c_int, out.as_mut_ptr())
        };
        check(code, "MPI_Comm_split")?;
        // SAFETY: MPI_Comm_split succeeded: a new communicator we own.
        unsafe { Comm::adopt(out.assume_init()) }
    }

    /// The processes of this communicator that share this node's memory.
    pub fn split_shared(&self) -> Result<Comm> {
        let mut out = std::mem::MaybeUninit::<ffi::MPI_Comm>::uninit();
        // SAFETY: self.raw is live; RSMPI_INFO_NULL is a constant; out is written on success.
        let code = unsafe {
            ffi::MPI_Comm_split_type(
                self.raw,
                ffi::RSMPI_COMM_TYPE_SHARED,
                self.rank as c_int,
                ffi::RSMPI_INFO_NULL,
                out.as_mut_ptr(),
            )
        };
        check(code, "MPI_Comm_split_type")?;
        // SAFETY: the split succeeded: a new communicator we own.
        unsafe { Comm::adopt(out.assume_init()) }
    }

    /// Every rank's `words`, in rank order (collective; every rank passes the
    /// same number of words).
    pub fn all_gather_u64(&self, words: &[u64]) -> Result<Vec<u64>> {
        let mut all = vec![0u64; words.len() * self.size];
        self.allgather(words, &mut all)?;
        Ok(all)
    }

    /// Every rank's `bytes` (lengths may differ), in rank order (collective).
    pub fn all_gather_bytes(&self, bytes: &[u8]) -> Result<Vec<Vec<u8>>> {
        let lens = self.all_gather_u64(&[bytes.len() as u64])?;
        let counts: Vec<usize> = lens.iter().map(|&l| l as usize).collect();
        let mut all = vec![0u8; counts.iter().sum()];
        self.allgatherv(bytes, &mut all, &counts)?;
        let mut out = Vec::with_capacity(counts.len());
        let mut at = 0;
        for c in counts {
            out.push(all[at..at + c].to_vec());
            at += c;
        }
        Ok(out)
    }

    /// Sums `values` over all ranks; every rank gets the sums (collective).
    pub fn all_sum_u64(&self, values: &mut [u64]) -> Result<()> {
        // SAFETY: reading an immutable constant of the MPI library.
        self.allreduce(values, unsafe { ffi::RSMPI_SUM })
    }

    /// `MPI_Allreduce` of `buf` in place with a predefined `op`.
    pub(crate) fn allreduce<T: Equivalence + Copy>(
        &self,
        buf: &mut [T],
        op: ffi::MPI_Op,
    ) -> Result<()> {
        let n = count(buf.len())?;
        // A copy of the input is simpler than portable MPI_IN_PLACE plumbing;
        // on the stack for the few words oxpar's reductions send.
        let mut small = [std::mem::MaybeUninit::<T>::uninit(); 8];
        let heap;
        let send: &[T] = if buf.len() <= small.len() {
            for (s, v) in small.iter_mut().zip(buf.iter()) {
                s.write(*v);
            }
            // SAFETY: the first buf.len() elements were just initialized.
            unsafe { std::slice::from_raw_parts(small.as_ptr().cast::<T>(), buf.len()) }
        } else {
            heap = buf.to_vec();
            &heap
        };
        // SAFETY: both buffers are valid for n elements of T's MPI type.
        let code = unsafe {
            ffi::MPI_Allreduce(
                send_ptr(send),
                recv_ptr(buf),
                n,
                T::equivalent_datatype().as_raw(),
                op,
                self.raw,
            )
        };
        check(code, "MPI_Allreduce")
    }

    /// `MPI_Allgather`: `recv` gets every rank's `send`, in rank order.
    pub(crate) fn allgather<T: Equivalence>(&self, send: &[T], recv: &mut [T]) -> Result<()> {
        assert_eq!(recv.len(), send.len() * self.size, "allgather buffer size");
        let n = count(send.len())?;
        // SAFETY: send holds n elements, recv n per rank (asserted).
        let code = unsafe {
            ffi::MPI_Allgather(
                send_ptr(send),
                n,
                T::equivalent_datatype().as_raw(),
                recv_ptr(recv),
                n,
                T::equivalent_datatype().as_raw(),
                self.raw,
            )
        };
        check(code, "MPI_Allgather")
    }

    /// `MPI_Allgatherv`: `recv` gets rank r's `send` at `offsets[r]`, of
    /// length `counts[r]` (the caller checked that these agree with every
    /// rank's `send.len()`).
    pub(crate) fn allgatherv<T: Equivalence>(
        &self,
        send: &[T],
        recv: &mut [T],
        counts: &[usize],
    ) -> Result<()> {
        assert_eq!(counts.len(), self.size, "allgatherv counts");
        assert_eq!(counts[self.rank], send.len(), "allgatherv own count");
        assert_eq!(counts.iter().sum::<usize>(), recv.len(), "allgatherv size");
        let mut displs = Vec::with_capacity(counts.len());
        let mut at = 0usize;
        for &c in counts {
            displs.push(count(at)?);
            at += c;
        }
        let counts: Vec<c_int> = counts.iter().map(|&c| count(c)).collect::<Result<_>>()?;
        // SAFETY: the buffers match counts and displacements (asserted above).
        let code = unsafe {
            ffi::MPI_Allgatherv(
                send_ptr(send),
                counts[self.rank],
                T::equivalent_datatype().as_raw(),
                recv_ptr(recv),
                counts.as_ptr(),
                displs.as_ptr(),
                T::equivalent_datatype().as_raw(),
                self.raw,
            )
        };
        check(code, "MPI_Allgatherv")
    }

    /// `MPI_Bcast` of `buf` from `root`.
    pub(crate) fn bcast<T: Equivalence>(&self, buf: &mut [T], root: usize) -> Result<()> {
        let n = count(buf.len())?;
        // SAFETY: buf is valid for n elements.
        let code = unsafe {
            ffi::MPI_Bcast(
                recv_ptr(buf),
                n,
                T::equivalent_datatype().as_raw(),
                root as c_int,
                self.raw,
            )
        };
        check(code, "MPI_Bcast")
    }

    /// `MPI_Sendrecv`: sends `send` to `dest` and receives `recv` from
    /// `source`; `None` is `MPI_PROC_NULL` (nothing sent or received).
    pub(crate) fn sendrecv<T: Equivalence>(
        &self,
        send: &[T],
        dest: Option<usize>,
        recv: &mut [T],
        source: Option<usize>,
        tag: i32,
    ) -> Result<()> {
        // SAFETY: reading an immutable constant of the MPI library.
        let null = unsafe { ffi::RSMPI_PROC_NULL };
        let rank = |r: Option<usize>| r.map_or(null, |r| r as c_int);
        let dt = T::equivalent_datatype().as_raw();
        // SAFETY: both buffers are valid for their lengths.
        let code = unsafe {
            ffi::MPI_Sendrecv(
                send_ptr(send),
                count(send.len())?,
                dt,
                rank(dest),
                tag,
                recv_ptr(recv),
                count(recv.len())?,
                dt,
                rank(source),
                tag,
                self.raw,
                ffi::RSMPI_STATUS_IGNORE,
            )
        };
        check(code, "MPI_Sendrecv")
    }

    /// Sends `words` to rank `dest` with `tag` (`MPI_Send`: returns once the
    /// buffer may be reused; a few words go out eagerly, without waiting for
    /// the receiver). For small protocol messages, such as the task farm's.
    pub fn send_u64(&self, words: &[u64], dest: usize, tag: i32) -> Result<()> {
        let dest = c_int::try_from(dest)
            .ok()
            .filter(|&d| (d as usize) < self.size)
            .ok_or_else(|| {
                Error::invalid_argument("dest", format!("rank {dest} is not below {}", self.size))
            })?;
        // SAFETY: the buffer is valid for its length; the datatype is a
        // constant of the MPI library.
        let code = unsafe {
            ffi::MPI_Send(
                send_ptr(words),
                count(words.len())?,
                ffi::RSMPI_UINT64_T,
                dest,
                tag,
                self.raw,
            )
        };
        check(code, "MPI_Send")
    }

    /// The next message with `tag` from `source` (`None`: from any rank), if
    /// one has arrived: its sender and its words. Never blocks, and makes MPI
    /// progress (so that this rank's sends and receives advance while it
    /// polls). Matched and received in one step (`MPI_Improbe` +
    /// `MPI_Mrecv`), so that no other receive can take the message between.
    pub fn try_recv_u64(
        &self,
        source: Option<usize>,
        tag: i32,
    ) -> Result<Option<(usize, Vec<u64>)>> {
        // SAFETY: reading an immutable constant of the MPI library.
        let any = unsafe { ffi::RSMPI_ANY_SOURCE };
        let source = source.map_or(Ok(any), |s| {
            c_int::try_from(s)
                .ok()
                .filter(|&r| (r as usize) < self.size)
                .ok_or_else(|| {
                    Error::invalid_argument(
                        "source",
                        format!("rank {s} is not below {}", self.size),
                    )
                })
        })?;
        let mut flag: c_int = 0;
        // SAFETY: MPI_Message and MPI_Status are plain handles/structs: the
        // all-zero bits are valid placeholders, overwritten on a match.
        let mut message: ffi::MPI_Message = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        let mut status: ffi::MPI_Status = unsafe { std::mem::zeroed() };
        // SAFETY: the communicator is live; the out pointers are valid.
        let code = unsafe {
            ffi::MPI_Improbe(source, tag, self.raw, &mut flag, &mut message, &mut status)
        };
        check(code, "MPI_Improbe")?;
        if flag == 0 {
            return Ok(None);
        }
        let mut n: c_int = 0;
        // SAFETY: status was written by the matching probe.
        let code = unsafe { ffi::MPI_Get_count(&status, ffi::RSMPI_UINT64_T, &mut n) };
        check(code, "MPI_Get_count")?;
        let mut words = vec![0u64; usize::try_from(n).unwrap_or(0)];
        // SAFETY: the message was matched above; the buffer holds its n words.
        let code = unsafe {
            ffi::MPI_Mrecv(
                recv_ptr(&mut words),
                n.max(0),
                ffi::RSMPI_UINT64_T,
                &mut message,
                ffi::RSMPI_STATUS_IGNORE,
            )
        };
        check(code, "MPI_Mrecv")?;
        Ok(Some((status.MPI_SOURCE as usize, words)))
    }
}

impl Drop for Comm {
    fn drop(&mut self) {
        // After MPI_Finalize no MPI call is allowed: the handle just goes away.
        if env::is_initialized() && !env::is_finalized() {
            // SAFETY: self.raw is a live communicator this Comm owns.
            unsafe { ffi::MPI_Comm_free(&mut self.raw) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mpi_error_codes_become_communication_errors_with_mpis_message() {
        env::ensure_initialized().unwrap();
        assert!(check(ffi::MPI_SUCCESS as c_int, "MPI_Nothing").is_ok());
        let comm = Comm::world().unwrap();
        // A broadcast from a root that does not exist: MPI reports MPI_ERR_ROOT
        // (our duplicate returns errors instead of aborting).
        let e = comm.bcast(&mut [0.0f64; 1], comm.size() + 7).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Communication);
        assert!(e.message().starts_with("MPI_Bcast failed: "), "{e}");
        assert!(e.message().to_lowercase().contains("root"), "{e}");
    }
}
