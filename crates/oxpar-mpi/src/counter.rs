//! A counter every rank can advance atomically, without the rank that holds
//! it taking part: MPI-3 one-sided `MPI_Fetch_and_op` on a window at rank 0.
//! The building block of dynamic load balancing across ranks (no
//! coordinator process, no polling).

use std::ffi::{c_int, c_void};
use std::sync::Mutex;

use mpi::ffi;
use oxpar_core::Result;

use crate::comm::{check, Comm};

/// A 64-bit counter at rank 0 of a communicator, starting at 0.
///
/// Creating and dropping it are collective over the communicator (the
/// window is created and freed by every rank); `fetch_add` is not.
#[derive(Debug)]
pub struct SharedCounter {
    win: Mutex<ffi::MPI_Win>,
}

// SAFETY: the window handle is only used under the mutex, one MPI call at a
// time (what MPI_THREAD_SERIALIZED allows).
unsafe impl Send for SharedCounter {}
// SAFETY: as above.
unsafe impl Sync for SharedCounter {}

impl SharedCounter {
    /// Creates the counter (collective over `comm`).
    pub fn new(comm: &Comm) -> Result<SharedCounter> {
        let bytes = if comm.rank() == 0 {
            size_of::<u64>()
        } else {
            0
        };
        let mut base: *mut u64 = std::ptr::null_mut();
        let mut win = std::mem::MaybeUninit::<ffi::MPI_Win>::uninit();
        // SAFETY: base and win are written on success; the communicator is live.
        let code = unsafe {
            ffi::MPI_Win_allocate(
                bytes as ffi::MPI_Aint,
                size_of::<u64>() as c_int,
                ffi::RSMPI_INFO_NULL,
                comm.as_raw(),
                (&mut base as *mut *mut u64).cast::<c_void>(),
                win.as_mut_ptr(),
            )
        };
        check(code, "MPI_Win_allocate")?;
        // SAFETY: MPI_Win_allocate succeeded and wrote the handle.
        let win = unsafe { win.assume_init() };
        let counter = SharedCounter {
            win: Mutex::new(win),
        };
        if comm.rank() == 0 {
            // SAFETY: rank 0's window memory is one u64 that nobody accesses
            // before the barrier below.
            unsafe { base.write(0) };
        }
        // SAFETY: the window is live.
        let code = unsafe { ffi::MPI_Win_set_errhandler(win, ffi::RSMPI_ERRORS_RETURN) };
        check(code, "MPI_Win_set_errhandler")?;
        // Nobody fetches before rank 0 has written the initial value.
        let mut sync = [0u64];
        // SAFETY: reading an immutable constant of the MPI library.
        comm.allreduce(&mut sync, unsafe { ffi::RSMPI_SUM })?;
        Ok(counter)
    }

    /// Adds `n` and returns the value before, atomically across all ranks.
    pub fn fetch_add(&self, n: u64) -> Result<u64> {
        let win = self.win.lock().unwrap_or_else(|e| e.into_inner());
        let mut old = 0u64;
        // SAFETY: the window is live; lock/op/unlock on rank 0's single u64.
        let code = unsafe { ffi::MPI_Win_lock(ffi::MPI_LOCK_SHARED as c_int, 0, 0, *win) };
        check(code, "MPI_Win_lock")?;
        // SAFETY: as above; origin and result are valid u64s.
        let code = unsafe {
            ffi::MPI_Fetch_and_op(
                (&n as *const u64).cast::<c_void>(),
                (&mut old as *mut u64).cast::<c_void>(),
                ffi::RSMPI_UINT64_T,
                0,
                0,
                ffi::RSMPI_SUM,
                *win,
            )
        };
        // SAFETY: unlocking the lock taken above.
        let unlock = unsafe { ffi::MPI_Win_unlock(0, *win) };
        check(code, "MPI_Fetch_and_op")?;
        check(unlock, "MPI_Win_unlock")?;
        Ok(old)
    }
}

impl Drop for SharedCounter {
    fn drop(&mut self) {
        if crate::env::is_initialized() && !crate::env::is_finalized() {
            let win = self.win.get_mut().unwrap_or_else(|e| e.into_inner());
            // SAFETY: the window is live and freed once, by every rank.
            unsafe { ffi::MPI_Win_free(win) };
        }
    }
}
