//! MPI's lifetime: use the caller's MPI when there is one, start (and later
//! finish) it only when nobody has.

use std::ffi::c_int;
use std::sync::Mutex;

use mpi::ffi;
use oxpar_core::{Error, Result};

use crate::comm::check;

/// Whether MPI_Init has been called (by anyone) in this process.
pub fn is_initialized() -> bool {
    let mut flag: c_int = 0;
    // SAFETY: MPI_Initialized may be called at any time, even before MPI_Init.
    unsafe { ffi::MPI_Initialized(&mut flag) };
    flag != 0
}

/// Whether MPI_Finalize has been called in this process.
pub fn is_finalized() -> bool {
    let mut flag: c_int = 0;
    // SAFETY: MPI_Finalized may be called at any time.
    unsafe { ffi::MPI_Finalized(&mut flag) };
    flag != 0
}

/// Whether oxpar itself initialized MPI (and so finalizes it at exit).
pub fn initialized_by_oxpar() -> bool {
    *OWNED.lock().unwrap_or_else(|e| e.into_inner())
}

static OWNED: Mutex<bool> = Mutex::new(false);

/// Makes sure MPI is initialized. When the program (C, Fortran, mpi4py) has
/// already done it, nothing happens and oxpar never finalizes MPI. Otherwise
/// oxpar calls `MPI_Init_thread` asking for `MPI_THREAD_SERIALIZED` (oxpar's
/// own threads never call MPI; calls may come from any one thread at a time)
/// and registers `MPI_Finalize` to run at process exit.
pub fn ensure_initialized() -> Result<()> {
    let mut owned = OWNED.lock().unwrap_or_else(|e| e.into_inner());
    if is_finalized() {
        return Err(Error::backend_unavailable(
            "MPI has already been finalized in this process",
        ));
    }
    if is_initialized() {
        return Ok(());
    }
    let mut provided: c_int = 0;
    // SAFETY: MPI is neither initialized nor finalized (checked above, under
    // the lock); null argc/argv are allowed by MPI-2 and later.
    let code = unsafe {
        ffi::MPI_Init_thread(
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            ffi::RSMPI_THREAD_SERIALIZED,
            &mut provided,
        )
    };
    check(code, "MPI_Init_thread")?;
    *owned = true;
    // SAFETY: registering a plain extern "C" function with no captured state.
    if unsafe { libc::atexit(finalize_at_exit) } != 0 {
        return Err(Error::internal("could not register MPI_Finalize at exit"));
    }
    Ok(())
}

/// Finalizes MPI at exit if oxpar started it and nobody finalized it since.
extern "C" fn finalize_at_exit() {
    if is_initialized() && !is_finalized() {
        // SAFETY: MPI is initialized and not finalized; this runs once, at exit.
        unsafe { ffi::MPI_Finalize() };
    }
}

/// Whether MPI lets any thread call it, one at a time
/// (`MPI_THREAD_SERIALIZED` or `MPI_THREAD_MULTIPLE`), rather than only the
/// thread that initialized it. False when MPI is not initialized.
pub fn any_thread_may_call() -> bool {
    if !is_initialized() || is_finalized() {
        return false;
    }
    let mut provided: c_int = 0;
    // SAFETY: MPI is initialized; provided is a valid out pointer.
    unsafe { ffi::MPI_Query_thread(&mut provided) };
    // SAFETY: reading an immutable constant of the MPI library.
    provided >= unsafe { ffi::RSMPI_THREAD_SERIALIZED }
}
