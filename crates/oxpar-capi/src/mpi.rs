//! MPI: contexts over a communicator, process grids, distributed level 2/3
//! routines and halo exchanges.
//!
//! On an MPI context every array argument is *this rank's block*, in this
//! rank's memory. The ordinary level-1 routines work unchanged: `axpy`,
//! `scal`, `copy` and `swap` update the local blocks; `dot`, `nrm2`, `asum`
//! return the value for the whole distributed vector on every rank, and
//! `i?amax` its global index (blocks are numbered in rank order). Level 2 and
//! 3 need local shapes that differ from the global ones, so they have their
//! own routines here (`oxpar_mpi_?gemv`, `oxpar_mpi_?ger`, `oxpar_mpi_?gemm`),
//! which also work on any other context as a one-process world. Every
//! routine has its complex forms (`c`, `z`: the level-1 routines such as
//! `oxpar_zdotc`, `oxpar_dznrm2`, `oxpar_izamax` as they are; the level 2/3
//! and halo ones in `mpi/complex.rs`), distributed as the real ones are.
//!
//! Every routine that communicates is collective: all ranks of the context's
//! communicator call it in the same order. Arguments one rank rejects, and
//! local shapes that do not fit together, are an error on *every* rank (each
//! gets a status and a message naming the rank at fault), never a deadlock.
//! The first collective of each call also carries every rank's operation and
//! element type, so a rank calling the float routine where the others call
//! the double one (or `dot` where the others call `nrm2`) is
//! `OXPAR_STATUS_INVALID_ARGUMENT` on every rank, naming the ranks at fault
//! and their types, never a number computed from mixed data.
//!
//! The functions exist in every build; without the cargo feature `mpi`,
//! those that need MPI answer `OXPAR_STATUS_BACKEND_UNAVAILABLE`.

#![cfg_attr(
    not(feature = "mpi"),
    allow(
        unused_variables,
        reason = "without MPI the arguments are not looked at"
    )
)]

use std::ffi::c_char;

use crate::blas::{gemm, gemv, ger};
use crate::boundary::call;
use crate::context::oxpar_context;
use crate::ffi;
use crate::status::{oxpar_routine, oxpar_status, oxpar_trans, CapiError};

mod complex;
pub use complex::*;

type R = Result<(), CapiError>;

#[cfg(not(feature = "mpi"))]
fn unavailable() -> CapiError {
    CapiError {
        status: oxpar_status::BackendUnavailable,
        message: "this liboxpar was built without MPI (cargo feature `mpi` of oxpar-capi / \
                  oxpar-cdylib)"
            .to_string(),
    }
}

/// Creates an MPI context over a communicator given by its Fortran handle:
/// C passes `MPI_Comm_c2f(comm)`, Fortran its `integer :: comm`, mpi4py
/// `comm.py2f()`. oxpar duplicates the communicator (so its messages never
/// mix with the program's) and frees the duplicate with the context; the
/// program keeps its own. `spec` is `"mpi"`, `"mpi+threads"` (the default
/// when NULL: each rank gets the CPUs of its node divided by the ranks on the
/// node), `"mpi+threads:N"`, `"mpi+serial"` or `"mpi+opencl..."`.
///
/// MPI: if the program has not initialized MPI, oxpar does (asking for
/// `MPI_THREAD_SERIALIZED`) and finalizes it at exit; oxpar never finalizes
/// an MPI the program initialized. Collective over `comm`: if it fails on
/// any rank, it fails on every rank.
///
/// Thread level: oxpar makes its MPI calls on the thread that called the
/// oxpar function, one call at a time per context, and its compute threads
/// never call MPI. So plain `MPI_Init` (`MPI_THREAD_SINGLE`) or
/// `MPI_THREAD_FUNNELED` is enough for every operation (the distributed BLAS,
/// halo exchanges, grids, reproducible mode, the task farm) as long as the
/// program calls oxpar on an MPI context from the thread that initialized MPI
/// only (an `"mpi+threads"` context still computes on several threads; use
/// FUNNELED rather than SINGLE if your MPI insists that no other thread
/// exists). `MPI_THREAD_SERIALIZED` lets any thread call oxpar on MPI
/// contexts, one at a time. The task farm runs its tasks on all of the
/// context's threads at every level (they never call MPI; the calling thread
/// hands out work meanwhile).
/// `MPI_THREAD_MULTIPLE` adds nothing for oxpar, whose calls on one context
/// are serialized, but is fine.
///
/// On an MPI context every routine that communicates (`dot`, `nrm2`, `asum`,
/// `sum`, `i?amax`, the `oxpar_mpi_*` routines) is collective: every rank
/// calls it, in the same order. A wrong argument on one rank is an error on
/// every rank (the others' message names it), and so are ranks that mix
/// element types or operations: `oxpar_sdot` on one rank with `oxpar_ddot`
/// on the others is `OXPAR_STATUS_INVALID_ARGUMENT` everywhere, with a
/// message such as `rank 1 of 2 called it with f32 where rank 0 has f64`.
///
/// Reproducible mode starts as `OXPAR_REPRODUCIBLE` says (see
/// `oxpar_context_create`).
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (out), `OXPAR_STATUS_INVALID_ARGUMENT`
/// (bad spec, a handle that is not an intra-communicator, a bad
/// `OXPAR_REPRODUCIBLE`),
/// `OXPAR_STATUS_BACKEND_UNAVAILABLE` (no MPI in this build, MPI already
/// finalized), `OXPAR_STATUS_COMM_ERROR` (MPI failed, with MPI's message).
///
/// # Safety
/// `spec` is NULL or NUL-terminated; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_create_mpi(
    spec: *const c_char,
    comm: i32,
    out: *mut *mut oxpar_context,
) -> oxpar_status {
    call("oxpar_context_create_mpi", || {
        let out = ffi::out_ptr(out, "out")?;
        // SAFETY: a non-null spec is NUL-terminated (the caller's contract).
        let spec = unsafe { ffi::opt_str(spec, "spec") }.map(|s| s.unwrap_or("mpi+threads"));
        #[cfg(feature = "mpi")]
        {
            // The communicator first (collective), then the spec: a rank whose
            // spec is wrong still takes part, and every rank gets the error.
            let comm = oxpar::mpi::Comm::from_fortran(comm)?;
            let spec = spec.unwrap_or("mpi+<a spec that is not valid UTF-8>");
            let backend = oxpar::mpi_backend_from_spec(spec, Some(comm))?;
            // OXPAR_REPRODUCIBLE after the collective part, as the spec.
            let ctx = oxpar_context::mpi(backend).with_mode_from_env()?;
            // SAFETY: out was checked non-null and is writable (caller's contract).
            unsafe { ffi::give_handle(out, ctx) };
            Ok(())
        }
        #[cfg(not(feature = "mpi"))]
        {
            spec.map_err(|_| CapiError::invalid("spec", "is not valid UTF-8"))?;
            Err(unavailable())
        }
    })
}

/// Stores this process's rank in the context's communicator in `*rank` and
/// the number of ranks in `*size` (either pointer may be NULL). A context
/// that is not MPI is a one-process world: rank 0 of 1.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx).
///
/// # Safety
/// `ctx` is NULL or a live context; `rank` and `size` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_rank(
    ctx: *const oxpar_context,
    rank: *mut usize,
    size: *mut usize,
) -> oxpar_status {
    call("oxpar_mpi_rank", || {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        #[cfg(feature = "mpi")]
        let (r, s) = ctx.mpi_opt().map_or((0, 1), |m| (m.rank(), m.size()));
        #[cfg(not(feature = "mpi"))]
        let (r, s) = {
            let _ = ctx;
            (0, 1)
        };
        // SAFETY: non-null outputs are writable (caller's contract).
        unsafe {
            if !rank.is_null() {
                ffi::write_out(rank, r);
            }
            if !size.is_null() {
                ffi::write_out(size, s);
            }
        }
        Ok(())
    })
}

/// Stores in `*out` how many ranks of the context's communicator share this
/// rank's node (1 for a context that is not MPI). The default thread count
/// of an `"mpi+threads"` context is the node's CPUs divided by this.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out).
///
/// # Safety
/// `ctx` is NULL or a live context; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_ranks_on_node(
    ctx: *const oxpar_context,
    out: *mut usize,
) -> oxpar_status {
    call("oxpar_mpi_ranks_on_node", || {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let out = ffi::out_ptr(out, "out")?;
        #[cfg(feature = "mpi")]
        let n = ctx.mpi_opt().map_or(1, |m| m.ranks_on_node());
        #[cfg(not(feature = "mpi"))]
        let n = {
            let _ = ctx;
            1
        };
        // SAFETY: checked non-null, writable per the caller's contract.
        unsafe { ffi::write_out(out, n) };
        Ok(())
    })
}

/// Stores in `*comm` the Fortran handle of the context's communicator
/// (oxpar's duplicate: use it to run your own collectives alongside oxpar's
/// without mixing messages; do not free it).
///
/// Errors: `OXPAR_STATUS_UNSUPPORTED` (not an MPI context).
///
/// # Safety
/// `ctx` is NULL or a live context; `comm` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_comm(ctx: *const oxpar_context, comm: *mut i32) -> oxpar_status {
    call("oxpar_mpi_comm", || {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let out = ffi::out_ptr(comm, "comm")?;
        #[cfg(feature = "mpi")]
        {
            let handle = ctx
                .mpi_backend("ctx: a communicator")?
                .comm()
                .fortran_handle();
            // SAFETY: checked non-null, writable per the caller's contract.
            unsafe { ffi::write_out(out, handle) };
            Ok(())
        }
        #[cfg(not(feature = "mpi"))]
        Err(unavailable())
    })
}

/// Stores the context's 2-D process grid: `rows x cols` ranks, this rank at
/// (`row`, `col`); rank r sits at row r / cols, column r % cols. Any pointer
/// may be NULL. The default grid is the most square one with rows >= cols;
/// a context that is not MPI has a 1 x 1 grid.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx).
///
/// # Safety
/// `ctx` is NULL or a live context; the outputs are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_grid(
    ctx: *const oxpar_context,
    rows: *mut usize,
    cols: *mut usize,
    row: *mut usize,
    col: *mut usize,
) -> oxpar_status {
    call("oxpar_mpi_grid", || {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        #[cfg(feature = "mpi")]
        let g = ctx.mpi_opt().map_or((1, 1, 0, 0), |m| {
            let g = m.grid();
            (g.rows, g.cols, g.row, g.col)
        });
        #[cfg(not(feature = "mpi"))]
        let g = {
            let _ = ctx;
            (1, 1, 0, 0)
        };
        for (p, v) in [(rows, g.0), (cols, g.1), (row, g.2), (col, g.3)] {
            if !p.is_null() {
                // SAFETY: non-null outputs are writable (caller's contract).
                unsafe { ffi::write_out(p, v) };
            }
        }
        Ok(())
    })
}

/// For bindings that check arguments themselves: takes part in `routine`
/// (an `oxpar_routine`) on this rank as a rank that rejected its arguments
/// with `status` and `message`, so that every other rank's call of that
/// routine fails too (with `status` and a message naming this rank) instead
/// of waiting for this one. The binding then reports its own error. On a
/// context that is not MPI nothing is communicated. `message` may be NULL.
///
/// Returns `OXPAR_STATUS_OK` once this rank has taken part (the rejection is
/// the binding's to report), or an error about the call itself.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx), `OXPAR_STATUS_INVALID_ARGUMENT`
/// (an unknown routine, or a status that is not an error code),
/// `OXPAR_STATUS_COMM_ERROR`.
///
/// # Safety
/// `ctx` is NULL or a live context; `message` is NULL or a NUL-terminated
/// string.
#[no_mangle]
pub unsafe extern "C" fn oxpar_context_reject(
    ctx: *const oxpar_context,
    routine: i32,
    status: i32,
    message: *const c_char,
) -> oxpar_status {
    call("oxpar_context_reject", || {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let routine = oxpar_routine::from_i32(routine).ok_or_else(|| {
            CapiError::invalid("routine", format!("{routine} is not an oxpar_routine"))
        })?;
        let status = oxpar_status::ALL
            .into_iter()
            .find(|s| *s as i32 == status && *s != oxpar_status::Ok)
            .ok_or_else(|| {
                CapiError::invalid("status", format!("{status} is not an error status"))
            })?;
        // SAFETY: non-null messages are NUL-terminated (caller's contract).
        let message = unsafe { ffi::lossy_text(message) }
            .unwrap_or_else(|| "rejected by the caller".to_string());
        let error = CapiError { status, message }.to_error();
        reject_routine(ctx, routine, error)
    })
}

/// Joins `routine`'s first collective as a failing rank (MPI contexts only).
fn reject_routine(
    ctx: &oxpar_context,
    routine: oxpar_routine,
    error: oxpar::Error,
) -> Result<(), CapiError> {
    #[cfg(feature = "mpi")]
    if let Some(m) = ctx.mpi_opt() {
        use oxpar::Op;
        let kind = error.kind();
        let joined = match routine {
            oxpar_routine::Dot => ctx.host().reject(Op::Dot, error),
            oxpar_routine::Nrm2 => ctx.host().reject(Op::Nrm2, error),
            oxpar_routine::Asum => ctx.host().reject(Op::Asum, error),
            oxpar_routine::Sum => ctx.host().reject(Op::Sum, error),
            oxpar_routine::Iamax => ctx.host().reject(Op::Iamax, error),
            oxpar_routine::Gemv => ctx.host().reject(Op::Gemv, error),
            oxpar_routine::Ger => ctx.host().reject(Op::Ger, error),
            oxpar_routine::Gemm => ctx.host().reject(Op::Gemm, error),
            oxpar_routine::Halo => m.reject_halo(error),
            oxpar_routine::SetGrid => m.reject_set_grid(error),
        };
        // Only a failure of MPI itself is about this call.
        if joined.kind() == oxpar::ErrorKind::Communication && kind != joined.kind() {
            return Err(joined.into());
        }
        return Ok(());
    }
    let _ = (ctx, routine, error);
    Ok(())
}

/// Sets the context's process grid to `rows x cols` (collective). Every rank
/// must pass the same shape and `rows * cols` must be the number of ranks;
/// otherwise every rank gets an error and the grid stays as it was.
///
/// Errors: `OXPAR_STATUS_INVALID_ARGUMENT` (not a grid of the ranks),
/// `OXPAR_STATUS_SHAPE_MISMATCH` (ranks asked for different grids),
/// `OXPAR_STATUS_UNSUPPORTED` (not an MPI context and not 1 x 1).
///
/// # Safety
/// `ctx` is NULL or a live context.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_set_grid(
    ctx: *const oxpar_context,
    rows: usize,
    cols: usize,
) -> oxpar_status {
    call("oxpar_mpi_set_grid", || {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        #[cfg(feature = "mpi")]
        if let Some(m) = ctx.mpi_opt() {
            return Ok(m.set_grid(rows, cols)?);
        }
        if (rows, cols) == (1, 1) {
            Ok(())
        } else {
            Err(CapiError {
                status: oxpar_status::Unsupported,
                message: format!(
                    "a {rows} x {cols} grid needs an MPI context ({} is one process)",
                    ctx.host().name()
                ),
            })
        }
    })
}

/// The balanced block distribution: stores in `*start` and `*len` the part of
/// `0..n` that block `index` of `parts` owns (the first `n % parts` blocks get
/// one element more). Local, no communication; any pointer may be NULL.
///
/// Errors: `OXPAR_STATUS_INVALID_ARGUMENT` (`parts == 0` or `index >= parts`).
///
/// # Safety
/// `start` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_block_range(
    n: usize,
    parts: usize,
    index: usize,
    start: *mut usize,
    len: *mut usize,
) -> oxpar_status {
    call("oxpar_block_range", || {
        if parts == 0 || index >= parts {
            return Err(CapiError::invalid(
                "index",
                format!("block {index} of {parts} does not exist"),
            ));
        }
        let (base, extra) = (n / parts, n % parts);
        let s = index * base + index.min(extra);
        let l = base + usize::from(index < extra);
        for (p, v) in [(start, s), (len, l)] {
            if !p.is_null() {
                // SAFETY: non-null outputs are writable (caller's contract).
                unsafe { ffi::write_out(p, v) };
            }
        }
        Ok(())
    })
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
unsafe fn halo_1d<T: oxpar::Element + Halo>(
    ctx: *const oxpar_context,
    len: usize,
    ghost: usize,
    periodic: bool,
    x: *mut T,
    incx: isize,
) -> R {
    // SAFETY: the caller's contract.
    let ctx = unsafe { ffi::context(ctx)? };
    #[cfg(feature = "mpi")]
    {
        let m = ctx.mpi_backend("a halo exchange")?;
        // SAFETY: forwarded pointer contracts.
        let xv = unsafe { ffi::vec_mut(x, len, incx, ["x", "incx"]) }.inspect_err(|e| {
            let _ = m.reject_halo(e.to_error());
        })?;
        Ok(T::exchange_1d(m, xv, ghost, periodic)?)
    }
    #[cfg(not(feature = "mpi"))]
    Err(unavailable())
}

/// # Safety
/// The pointer contracts of the exported function that calls it.
#[allow(clippy::too_many_arguments, reason = "shape, ghosts, strides")]
unsafe fn halo_2d<T: oxpar::Element + Halo>(
    ctx: *const oxpar_context,
    rows: usize,
    cols: usize,
    ghost: usize,
    periodic: (bool, bool),
    a: *mut T,
    rsa: isize,
    csa: isize,
) -> R {
    // SAFETY: the caller's contract.
    let ctx = unsafe { ffi::context(ctx)? };
    #[cfg(feature = "mpi")]
    {
        let m = ctx.mpi_backend("a halo exchange")?;
        // SAFETY: forwarded pointer contracts.
        let av = unsafe { ffi::mat_mut(a, rows, cols, rsa, csa, ["a", "rsa", "csa"]) }
            .inspect_err(|e| {
                let _ = m.reject_halo(e.to_error());
            })?;
        Ok(T::exchange_2d(m, av, ghost, periodic)?)
    }
    #[cfg(not(feature = "mpi"))]
    Err(unavailable())
}

/// The element types halo exchanges move (f32, f64 and the complex ones), as
/// a trait so that the generic helpers compile with and without MPI.
trait Halo: Sized {
    #[cfg(feature = "mpi")]
    fn exchange_1d(
        m: &oxpar::mpi::MpiBackend,
        x: oxpar::VecMut<'_, Self>,
        ghost: usize,
        periodic: bool,
    ) -> oxpar::Result<()>;
    #[cfg(feature = "mpi")]
    fn exchange_2d(
        m: &oxpar::mpi::MpiBackend,
        a: oxpar::MatMut<'_, Self>,
        ghost: usize,
        periodic: (bool, bool),
    ) -> oxpar::Result<()>;
}

macro_rules! halo_impl {
    ($t:ty) => {
        impl Halo for $t {
            #[cfg(feature = "mpi")]
            fn exchange_1d(
                m: &oxpar::mpi::MpiBackend,
                x: oxpar::VecMut<'_, Self>,
                ghost: usize,
                periodic: bool,
            ) -> oxpar::Result<()> {
                m.halo_exchange_1d(x, ghost, periodic)
            }
            #[cfg(feature = "mpi")]
            fn exchange_2d(
                m: &oxpar::mpi::MpiBackend,
                a: oxpar::MatMut<'_, Self>,
                ghost: usize,
                periodic: (bool, bool),
            ) -> oxpar::Result<()> {
                m.halo_exchange_2d(a, ghost, periodic)
            }
        }
    };
}
halo_impl!(f32);
halo_impl!(f64);
halo_impl!(crate::oxpar_c32);
halo_impl!(crate::oxpar_c64);

/// Distributed `y := alpha*A*x + beta*y` on floats. `A` is distributed by row
/// blocks: this rank holds `m_local` whole rows (`m_local x n`, strides `rsa`,
/// `csa`) and the matching `m_local` elements of `y`; `x` (global length
/// `n`) is split any way, this rank holding `n_local` of it (the pieces, in
/// rank order, must add up to `n`). Every rank's `y` block gets its rows of
/// the result. Collective; on a context that is not MPI, `n_local == n`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors as `oxpar_sgemv`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
/// when the blocks do not fit together (rows of A and y differ on a rank, or
/// the blocks of x do not add up to n: the message names the ranks whose
/// block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
/// on every rank when some ranks call the double routine instead.
///
/// # Safety
/// As `oxpar_sgemv`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_sgemv(
    ctx: *const oxpar_context,
    m_local: usize,
    n: usize,
    n_local: usize,
    alpha: *const f32,
    a: *const f32,
    rsa: isize,
    csa: isize,
    x: *const f32,
    incx: isize,
    beta: *const f32,
    y: *mut f32,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_sgemv", || unsafe {
        gemv(
            ctx,
            0,
            (m_local, n, Some(n_local)),
            alpha,
            a,
            rsa,
            csa,
            x,
            incx,
            beta,
            y,
            incy,
        )
    })
}

/// Distributed `A := alpha*x*y^T + A` on floats: this rank holds `m_local`
/// whole rows of `A` (`m_local x n`) and the matching `m_local` elements of
/// `x`; `y` (global length `n`) is split any way, this rank holding `n_local`
/// of it. Collective; on a context that is not MPI, `n_local == n`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors as `oxpar_sger`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
/// when the blocks do not fit together (rows of A and x differ on a rank, or
/// the blocks of y do not add up to n: the message names the ranks whose
/// block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
/// on every rank when some ranks call the double routine instead.
///
/// # Safety
/// As `oxpar_sger`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_sger(
    ctx: *const oxpar_context,
    m_local: usize,
    n: usize,
    n_local: usize,
    alpha: *const f32,
    x: *const f32,
    incx: isize,
    y: *const f32,
    incy: isize,
    a: *mut f32,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_sger", || unsafe {
        ger(
            ctx,
            (m_local, n, Some(n_local)),
            alpha,
            x,
            incx,
            y,
            incy,
            a,
            rsa,
            csa,
        )
    })
}

/// Distributed `C := alpha*op(A)*op(B) + beta*C` on floats (SUMMA on the
/// context's process grid). The rank at grid position (i, j) holds block
/// (i, j) of each matrix: `op(A)` is `m_local x ka_local`, `op(B)` is
/// `kb_local x n_local`, `C` is `m_local x n_local`. Ranks in one grid row
/// share `m_local` and `kb_local`, ranks in one grid column share `n_local`
/// and `ka_local`, and both splits of the inner dimension add up to the same
/// k; `oxpar_block_range` gives the balanced split. Collective; on a context
/// that is not MPI, `ka_local == kb_local`.
///
/// Errors as `oxpar_sgemm`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
/// when the blocks do not fit together, and `OXPAR_STATUS_INVALID_ARGUMENT`
/// on every rank when some ranks call the double routine instead.
///
/// # Safety
/// As `oxpar_sgemm`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_sgemm(
    ctx: *const oxpar_context,
    transa: i32,
    transb: i32,
    m_local: usize,
    n_local: usize,
    ka_local: usize,
    kb_local: usize,
    alpha: *const f32,
    a: *const f32,
    rsa: isize,
    csa: isize,
    b: *const f32,
    rsb: isize,
    csb: isize,
    beta: *const f32,
    c: *mut f32,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_sgemm", || unsafe {
        gemm(
            ctx,
            transa,
            transb,
            m_local,
            n_local,
            (ka_local, kb_local),
            alpha,
            a,
            rsa,
            csa,
            b,
            rsb,
            csb,
            beta,
            c,
            rsc,
            csc,
        )
    })
}

/// Halo exchange of a 1-D block decomposition over the ranks in rank order,
/// on floats (collective). `x` has `len` elements: `ghost` ghost cells, this
/// rank's interior (at least `ghost` cells; sizes may differ between ranks),
/// `ghost` ghost cells. Afterwards each ghost cell holds the neighbouring
/// rank's edge value; with `periodic` the last rank and rank 0 are
/// neighbours, otherwise the outer ghosts of the first and last rank are
/// left alone (they hold the boundary condition). Sends 2*ghost elements.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_SHAPE_MISMATCH` (interior shorter than `ghost`),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (ranks passed different `ghost` or
/// `periodic`, or mixed the float and double exchanges), each on every rank; `OXPAR_STATUS_UNSUPPORTED` (not an MPI
/// context).
///
/// # Safety
/// `ctx` is NULL or a live context; `x` addresses `len` elements with stride
/// `incx`, writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_shalo_1d(
    ctx: *const oxpar_context,
    len: usize,
    ghost: usize,
    periodic: bool,
    x: *mut f32,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_shalo_1d", || unsafe {
        halo_1d(ctx, len, ghost, periodic, x, incx)
    })
}

/// Halo exchange of a 2-D block decomposition on the context's process grid,
/// on floats (collective). `a` is this rank's `rows x cols` array (strides
/// `rsa`, `csa`: row-major C arrays pass `cols, 1`, Fortran arrays `1, lda`):
/// an interior of `(rows - 2*ghost) x (cols - 2*ghost)` framed by `ghost`
/// layers of ghost cells. Grid rows run along the array's rows: the rank at
/// grid row i+1 holds the next rows. Ranks in one grid row need the same
/// number of rows, ranks in one grid column the same number of columns.
/// Corner ghosts are filled too (9-point stencils work). `periodic_rows` /
/// `periodic_cols` wrap the domain in each direction. Ghosts outside a
/// non-periodic domain are never overwritten with interior values: along
/// the domain's edge they keep what the rank put there (the boundary
/// condition), except that a corner ghost next to another rank takes that
/// rank's copy of the same outside cell, so set boundary values by global
/// position.
///
/// Errors as `oxpar_mpi_shalo_1d`.
///
/// # Safety
/// `ctx` is NULL or a live context; `a` addresses the `rows x cols` elements
/// its strides describe, writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_shalo_2d(
    ctx: *const oxpar_context,
    rows: usize,
    cols: usize,
    ghost: usize,
    periodic_rows: bool,
    periodic_cols: bool,
    a: *mut f32,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_shalo_2d", || unsafe {
        halo_2d(
            ctx,
            rows,
            cols,
            ghost,
            (periodic_rows, periodic_cols),
            a,
            rsa,
            csa,
        )
    })
}

/// Distributed `y := alpha*A*x + beta*y` on doubles. `A` is distributed by row
/// blocks: this rank holds `m_local` whole rows (`m_local x n`, strides `rsa`,
/// `csa`) and the matching `m_local` elements of `y`; `x` (global length
/// `n`) is split any way, this rank holding `n_local` of it (the pieces, in
/// rank order, must add up to `n`). Every rank's `y` block gets its rows of
/// the result. Collective; on a context that is not MPI, `n_local == n`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors as `oxpar_dgemv`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
/// when the blocks do not fit together (rows of A and y differ on a rank, or
/// the blocks of x do not add up to n: the message names the ranks whose
/// block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
/// on every rank when some ranks call the float routine instead.
///
/// # Safety
/// As `oxpar_dgemv`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_dgemv(
    ctx: *const oxpar_context,
    m_local: usize,
    n: usize,
    n_local: usize,
    alpha: *const f64,
    a: *const f64,
    rsa: isize,
    csa: isize,
    x: *const f64,
    incx: isize,
    beta: *const f64,
    y: *mut f64,
    incy: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_dgemv", || unsafe {
        gemv(
            ctx,
            0,
            (m_local, n, Some(n_local)),
            alpha,
            a,
            rsa,
            csa,
            x,
            incx,
            beta,
            y,
            incy,
        )
    })
}

/// Distributed `A := alpha*x*y^T + A` on doubles: this rank holds `m_local`
/// whole rows of `A` (`m_local x n`) and the matching `m_local` elements of
/// `x`; `y` (global length `n`) is split any way, this rank holding `n_local`
/// of it. Collective; on a context that is not MPI, `n_local == n`.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors as `oxpar_dger`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
/// when the blocks do not fit together (rows of A and x differ on a rank, or
/// the blocks of y do not add up to n: the message names the ranks whose
/// block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
/// on every rank when some ranks call the float routine instead.
///
/// # Safety
/// As `oxpar_dger`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_dger(
    ctx: *const oxpar_context,
    m_local: usize,
    n: usize,
    n_local: usize,
    alpha: *const f64,
    x: *const f64,
    incx: isize,
    y: *const f64,
    incy: isize,
    a: *mut f64,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_dger", || unsafe {
        ger(
            ctx,
            (m_local, n, Some(n_local)),
            alpha,
            x,
            incx,
            y,
            incy,
            a,
            rsa,
            csa,
        )
    })
}

/// Distributed `C := alpha*op(A)*op(B) + beta*C` on doubles (SUMMA on the
/// context's process grid). The rank at grid position (i, j) holds block
/// (i, j) of each matrix: `op(A)` is `m_local x ka_local`, `op(B)` is
/// `kb_local x n_local`, `C` is `m_local x n_local`. Ranks in one grid row
/// share `m_local` and `kb_local`, ranks in one grid column share `n_local`
/// and `ka_local`, and both splits of the inner dimension add up to the same
/// k; `oxpar_block_range` gives the balanced split. Collective; on a context
/// that is not MPI, `ka_local == kb_local`.
///
/// Errors as `oxpar_dgemm`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
/// when the blocks do not fit together, and `OXPAR_STATUS_INVALID_ARGUMENT`
/// on every rank when some ranks call the float routine instead.
///
/// # Safety
/// As `oxpar_dgemm`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_dgemm(
    ctx: *const oxpar_context,
    transa: i32,
    transb: i32,
    m_local: usize,
    n_local: usize,
    ka_local: usize,
    kb_local: usize,
    alpha: *const f64,
    a: *const f64,
    rsa: isize,
    csa: isize,
    b: *const f64,
    rsb: isize,
    csb: isize,
    beta: *const f64,
    c: *mut f64,
    rsc: isize,
    csc: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_dgemm", || unsafe {
        gemm(
            ctx,
            transa,
            transb,
            m_local,
            n_local,
            (ka_local, kb_local),
            alpha,
            a,
            rsa,
            csa,
            b,
            rsb,
            csb,
            beta,
            c,
            rsc,
            csc,
        )
    })
}

/// Halo exchange of a 1-D block decomposition over the ranks in rank order,
/// on doubles (collective). `x` has `len` elements: `ghost` ghost cells, this
/// rank's interior (at least `ghost` cells; sizes may differ between ranks),
/// `ghost` ghost cells. Afterwards each ghost cell holds the neighbouring
/// rank's edge value; with `periodic` the last rank and rank 0 are
/// neighbours, otherwise the outer ghosts of the first and last rank are
/// left alone (they hold the boundary condition). Sends 2*ghost elements.
///
/// Vectors are given by a pointer to their logical first element: element `i`
/// of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
/// convention). Reference BLAS takes the array's lowest address instead: to
/// port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
///
/// Errors: `OXPAR_STATUS_SHAPE_MISMATCH` (interior shorter than `ghost`),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (ranks passed different `ghost` or
/// `periodic`, or mixed the float and double exchanges), each on every rank; `OXPAR_STATUS_UNSUPPORTED` (not an MPI
/// context).
///
/// # Safety
/// `ctx` is NULL or a live context; `x` addresses `len` elements with stride
/// `incx`, writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_dhalo_1d(
    ctx: *const oxpar_context,
    len: usize,
    ghost: usize,
    periodic: bool,
    x: *mut f64,
    incx: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_dhalo_1d", || unsafe {
        halo_1d(ctx, len, ghost, periodic, x, incx)
    })
}

/// Halo exchange of a 2-D block decomposition on the context's process grid,
/// on doubles (collective). `a` is this rank's `rows x cols` array (strides
/// `rsa`, `csa`: row-major C arrays pass `cols, 1`, Fortran arrays `1, lda`):
/// an interior of `(rows - 2*ghost) x (cols - 2*ghost)` framed by `ghost`
/// layers of ghost cells. Grid rows run along the array's rows: the rank at
/// grid row i+1 holds the next rows. Ranks in one grid row need the same
/// number of rows, ranks in one grid column the same number of columns.
/// Corner ghosts are filled too (9-point stencils work). `periodic_rows` /
/// `periodic_cols` wrap the domain in each direction. Ghosts outside a
/// non-periodic domain are never overwritten with interior values: along
/// the domain's edge they keep what the rank put there (the boundary
/// condition), except that a corner ghost next to another rank takes that
/// rank's copy of the same outside cell, so set boundary values by global
/// position.
///
/// Errors as `oxpar_mpi_dhalo_1d`.
///
/// # Safety
/// `ctx` is NULL or a live context; `a` addresses the `rows x cols` elements
/// its strides describe, writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_mpi_dhalo_2d(
    ctx: *const oxpar_context,
    rows: usize,
    cols: usize,
    ghost: usize,
    periodic_rows: bool,
    periodic_cols: bool,
    a: *mut f64,
    rsa: isize,
    csa: isize,
) -> oxpar_status {
    // SAFETY: this function's contract.
    call("oxpar_mpi_dhalo_2d", || unsafe {
        halo_2d(
            ctx,
            rows,
            cols,
            ghost,
            (periodic_rows, periodic_cols),
            a,
            rsa,
            csa,
        )
    })
}
