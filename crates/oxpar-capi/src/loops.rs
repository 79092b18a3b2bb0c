//! Parallel loops over C callbacks.

use std::ffi::c_void;

use oxpar::parallel_reduce;

use crate::boundary::call;
use crate::context::oxpar_context;
use crate::ffi;
use crate::status::{oxpar_status, schedule_from, CapiError};

/// A loop body: called with a half-open sub-range `[begin, end)` of the
/// iteration space, on any of the context's threads, concurrently with other
/// sub-ranges. A Numba `@cfunc("void(uintp, uintp, voidptr)")` is one.
pub type oxpar_range_fn =
    Option<unsafe extern "C" fn(begin: usize, end: usize, user_data: *mut c_void)>;

/// A reduction body: folds the sub-range `[begin, end)` into the accumulator
/// `acc` (private to the calling thread).
pub type oxpar_reduce_fn = Option<
    unsafe extern "C" fn(begin: usize, end: usize, acc: *mut c_void, user_data: *mut c_void),
>;

/// Combines accumulator `other` into `acc` (`acc := acc (+) other`).
pub type oxpar_combine_fn =
    Option<unsafe extern "C" fn(acc: *mut c_void, other: *const c_void, user_data: *mut c_void)>;

/// `user_data`, shared by the threads of one loop. The caller promises the
/// callbacks may use it concurrently (that is the contract of the functions
/// below).
#[derive(Copy, Clone)]
struct UserData(*mut c_void);
impl UserData {
    /// The pointer (a method, so closures capture the whole `Sync` wrapper).
    fn get(&self) -> *mut c_void {
        self.0
    }
}

// SAFETY: the caller of oxpar_parallel_* vouches that its callbacks are safe
// to run concurrently on user_data.
unsafe impl Send for UserData {}
// SAFETY: as above.
unsafe impl Sync for UserData {}

fn check_range(begin: usize, end: usize) -> Result<(), CapiError> {
    if begin > end {
        return Err(CapiError::invalid(
            "begin",
            format!("{begin} is greater than end ({end})"),
        ));
    }
    Ok(())
}

/// Calls `body(b, e, user_data)` on sub-ranges covering `[begin, end)` on the
/// context's threads, dealt out by `schedule` (`OXPAR_SCHEDULE_*`) with block
/// size `chunk` (0: one block per thread for static; 1 for dynamic and
/// guided), and returns when every call has returned. An empty range calls
/// nothing.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, body), `OXPAR_STATUS_INVALID_ARGUMENT`
/// (begin > end, unknown schedule).
///
/// # Safety
/// `ctx` is NULL or a live context; `body` must be safe to call concurrently
/// from several threads with `user_data`, and must not unwind or longjmp.
#[no_mangle]
pub unsafe extern "C" fn oxpar_parallel_for(
    ctx: *const oxpar_context,
    begin: usize,
    end: usize,
    schedule: i32,
    chunk: usize,
    body: oxpar_range_fn,
    user_data: *mut c_void,
) -> oxpar_status {
    call("oxpar_parallel_for", || {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let body = body.ok_or_else(|| CapiError::null("body", "is NULL"))?;
        check_range(begin, end)?;
        let schedule = schedule_from(schedule, chunk)?;
        let data = UserData(user_data);
        Ok(ctx.host().parallel_for(begin..end, schedule, &|r, _| {
            // SAFETY: the caller vouches for concurrent calls of body.
            unsafe { body(r.start, r.end, data.get()) }
        })?)
    })
}

/// 64-byte blocks: accumulators aligned for any type and on separate cache lines.
#[derive(Copy, Clone)]
#[repr(C, align(64))]
struct Line([u8; 64]);

/// A thread's accumulator: `acc_size` bytes in cache lines.
struct Acc(Vec<Line>);
// SAFETY: an accumulator is plain bytes owned by one thread at a time.
unsafe impl Send for Acc {}

impl Acc {
    fn from_identity(identity: &[u8]) -> Self {
        let mut lines = vec![Line([0; 64]); identity.len().div_ceil(64).max(1)];
        // SAFETY: the lines own at least identity.len() contiguous bytes.
        let bytes = unsafe { ffi::slice_mut(lines.as_mut_ptr().cast::<u8>(), identity.len()) };
        bytes.copy_from_slice(identity);
        Acc(lines)
    }
    fn ptr(&mut self) -> *mut c_void {
        self.0.as_mut_ptr().cast()
    }
}

/// A parallel reduction with a user-defined accumulator of `acc_size` bytes.
/// `*result` holds the identity on entry (e.g. 0.0 for a sum): each thread
/// starts its own accumulator as a copy of it, folds its sub-ranges into it
/// with `body`, and the per-thread accumulators are combined in thread order
/// with `combine` into a copy of the identity, which is written to `result`
/// on success. With the static schedule the grouping, and so the result,
/// depends only on the range and the thread count.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, body, combine, result with
/// acc_size > 0), `OXPAR_STATUS_INVALID_ARGUMENT` (begin > end, acc_size = 0,
/// unknown schedule).
///
/// # Safety
/// `ctx` is NULL or a live context; `result` points to `acc_size` readable
/// and writable bytes; the callbacks must be safe to call concurrently with
/// `user_data` and must not unwind or longjmp.
#[no_mangle]
#[allow(
    clippy::too_many_arguments,
    reason = "mirrors oxpar_parallel_for plus the reduction's parts"
)]
pub unsafe extern "C" fn oxpar_parallel_reduce(
    ctx: *const oxpar_context,
    begin: usize,
    end: usize,
    schedule: i32,
    chunk: usize,
    body: oxpar_reduce_fn,
    combine: oxpar_combine_fn,
    result: *mut c_void,
    acc_size: usize,
    user_data: *mut c_void,
) -> oxpar_status {
    call("oxpar_parallel_reduce", || {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let body = body.ok_or_else(|| CapiError::null("body", "is NULL"))?;
        let combine = combine.ok_or_else(|| CapiError::null("combine", "is NULL"))?;
        if acc_size == 0 {
            return Err(CapiError::invalid(
                "acc_size",
                "must be the size of the accumulator in bytes (not 0)",
            ));
        }
        let result = ffi::out_ptr(result, "result")?;
        check_range(begin, end)?;
        let schedule = schedule_from(schedule, chunk)?;
        // SAFETY: result points to acc_size readable bytes (the contract).
        let identity = unsafe { ffi::slice(result.cast::<u8>(), acc_size) }.to_vec();
        let data = UserData(user_data);
        let fold = |mut acc: Acc, r: std::ops::Range<usize>| {
            // SAFETY: acc is this thread's accumulator; body is vouched for.
            unsafe { body(r.start, r.end, acc.ptr(), data.get()) };
            acc
        };
        let total = parallel_reduce(
            ctx.host(),
            begin..end,
            schedule,
            || Acc::from_identity(&identity),
            fold,
            |mut a, mut b| {
                // SAFETY: two distinct accumulators; combine is vouched for.
                unsafe { combine(a.ptr(), b.ptr(), data.get()) };
                a
            },
        );
        let mut total = total?;
        // SAFETY: result is writable for acc_size bytes; total holds at least that many.
        unsafe {
            std::ptr::copy_nonoverlapping(total.ptr().cast::<u8>(), result.cast::<u8>(), acc_size)
        };
        Ok(())
    })
}
