//! The task farm: many independent tasks over a context's threads (and, on
//! an MPI context, over all its ranks), balanced dynamically, retried on
//! another worker when they fail, optionally checkpointed.

use std::cell::RefCell;
use std::ffi::{c_char, c_void, CString};
use std::path::PathBuf;
use std::time::Duration;

use oxpar::farm::{Farm, Outcome, Progress};

use crate::boundary::call;
use crate::context::oxpar_context;
use crate::ffi;
use crate::status::{oxpar_status, CapiError};

/// A task: runs task number `task` and returns 0 on success, anything else
/// on failure (call `oxpar_farm_task_error` first to say why). Called on any
/// of the context's threads, concurrently with other tasks.
pub type oxpar_task_fn = Option<unsafe extern "C" fn(task: usize, user_data: *mut c_void) -> i32>;

/// A progress report: tasks in the farm, completed, failed attempts, running
/// now, skipped thanks to the checkpoint, seconds since the start, and the
/// estimated seconds left (negative while unknown). Under MPI the counts are
/// the calling rank's. Called from a thread of its own while the run lasts,
/// and once more from the calling thread at the end; never concurrently.
pub type oxpar_progress_fn = Option<
    unsafe extern "C" fn(
        total: usize,
        done: usize,
        failed: usize,
        running: usize,
        resumed: usize,
        elapsed_seconds: f64,
        eta_seconds: f64,
        user_data: *mut c_void,
    ),
>;

/// How a task ended (`oxpar_farm_report_task`).
#[repr(i32)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum oxpar_task_state {
    /// It completed in this run.
    Done = 0,
    /// It failed on every attempt.
    Failed = 1,
    /// An earlier run completed it (it is in the checkpoint); it did not run.
    Resumed = 2,
}

/// A farm's settings: retries, checkpoint file, progress callback. Create
/// with `oxpar_farm_create`, free with `oxpar_farm_free`; one farm may run
/// many times.
pub struct oxpar_farm {
    retries: u32,
    checkpoint: Option<PathBuf>,
    progress: oxpar_progress_fn,
    progress_data: *mut c_void,
    progress_every: Duration,
}

/// The outcome of every task of a run. Free with `oxpar_farm_report_free`.
pub struct oxpar_farm_report {
    outcomes: Vec<Outcome>,
    errors: Vec<Option<CString>>,
    done: usize,
    failed: usize,
    resumed: usize,
}

thread_local! {
    /// The message a failing task left with `oxpar_farm_task_error`.
    static TASK_ERROR: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Creates a farm with the defaults: 2 retries, no checkpoint, no progress.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (out).
///
/// # Safety
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_farm_create(out: *mut *mut oxpar_farm) -> oxpar_status {
    call("oxpar_farm_create", || {
        let out = ffi::out_ptr(out, "out")?;
        let farm = oxpar_farm {
            retries: 2,
            checkpoint: None,
            progress: None,
            progress_data: std::ptr::null_mut(),
            progress_every: Duration::from_millis(500),
        };
        // SAFETY: checked non-null, writable per the caller's contract.
        unsafe { ffi::give_handle(out, farm) };
        Ok(())
    })
}

/// Frees a farm. NULL is a no-op.
///
/// Never fails (nothing is returned).
///
/// # Safety
/// `farm` is NULL or a live farm not in use by another call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_farm_free(farm: *mut oxpar_farm) {
    // SAFETY: the caller's contract.
    unsafe { ffi::free_handle(farm) }
}

/// # Safety
/// `farm` is NULL or a live farm not in use by another call.
unsafe fn farm_mut<'a>(farm: *mut oxpar_farm) -> Result<&'a mut oxpar_farm, CapiError> {
    // SAFETY: the caller's contract.
    unsafe { ffi::handle_mut(farm, "farm") }
}

/// How many times a failed task is tried again, each time on the next worker
/// (default 2).
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (farm).
///
/// # Safety
/// `farm` is NULL or a live farm not in use by another call.
#[no_mangle]
pub unsafe extern "C" fn oxpar_farm_set_retries(
    farm: *mut oxpar_farm,
    retries: u32,
) -> oxpar_status {
    call("oxpar_farm_set_retries", || {
        // SAFETY: the caller's contract.
        unsafe { farm_mut(farm)? }.retries = retries;
        Ok(())
    })
}

/// Records each completed task in the file `path` as it completes, and skips
/// tasks an earlier run recorded there (NULL: no checkpoint). Under MPI each
/// rank appends to `path.rank<r>` and every rank reads them all. A process
/// killed in the middle loses only the tasks that were running.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (farm),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (path empty or not UTF-8). A file that
/// cannot be read or written is `oxpar_farm_run`'s error.
///
/// # Safety
/// `farm` is NULL or a live farm not in use by another call; `path` is NULL
/// or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn oxpar_farm_set_checkpoint(
    farm: *mut oxpar_farm,
    path: *const c_char,
) -> oxpar_status {
    call("oxpar_farm_set_checkpoint", || {
        // SAFETY: the caller's contract.
        let farm = unsafe { farm_mut(farm)? };
        farm.checkpoint = if path.is_null() {
            None
        } else {
            // SAFETY: a non-null path is NUL-terminated (the caller's contract).
            let text = unsafe { ffi::text(path, "path")? };
            if text.is_empty() {
                return Err(CapiError::invalid("path", "is empty"));
            }
            Some(PathBuf::from(text))
        };
        Ok(())
    })
}

/// Calls `progress(..., user_data)` every `interval_seconds` while a run
/// lasts, and once at the end (NULL: no progress reports). A run never waits
/// for the interval: it returns as soon as its last task ends, whatever the
/// interval. An interval longer than the run (any huge value, e.g. `1e30`)
/// means the final report only; intervals below a millisecond count as one
/// millisecond.
///
/// Errors: `OXPAR_STATUS_INVALID_ARGUMENT` (`interval_seconds` is NaN,
/// infinite, zero or negative).
///
/// # Safety
/// `farm` is NULL or a live farm not in use by another call; `progress` may be
/// called from another thread with `user_data` during `oxpar_farm_run`.
#[no_mangle]
pub unsafe extern "C" fn oxpar_farm_set_progress(
    farm: *mut oxpar_farm,
    progress: oxpar_progress_fn,
    user_data: *mut c_void,
    interval_seconds: f64,
) -> oxpar_status {
    call("oxpar_farm_set_progress", || {
        // SAFETY: the caller's contract.
        let farm = unsafe { farm_mut(farm)? };
        if !(interval_seconds.is_finite() && interval_seconds > 0.0) {
            return Err(CapiError::invalid(
                "interval_seconds",
                format!("{interval_seconds} is not a positive number of seconds"),
            ));
        }
        // Longer than any run: only the final report comes.
        let every = Duration::try_from_secs_f64(interval_seconds).unwrap_or(Duration::MAX);
        farm.progress = progress;
        farm.progress_data = user_data;
        farm.progress_every = every;
        Ok(())
    })
}

/// Sets the message of the failure the calling task is about to report (by
/// returning nonzero); it appears in the run's report. Only meaningful inside
/// a task; NULL clears it.
///
/// Never fails (nothing is returned); outside a task it has no effect.
///
/// # Safety
/// `message` is NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn oxpar_farm_task_error(message: *const c_char) {
    // SAFETY: a non-null message is NUL-terminated (the caller's contract).
    let text = unsafe { ffi::lossy_text(message) };
    let _ = TASK_ERROR.try_with(|e| *e.borrow_mut() = text);
}

/// `user_data` pointers, shared by the threads of one run.
#[derive(Copy, Clone)]
struct Shared(*mut c_void);
// SAFETY: the caller of oxpar_farm_run vouches that its callbacks may use
// user_data from several threads at once.
unsafe impl Send for Shared {}
// SAFETY: as above.
unsafe impl Sync for Shared {}
impl Shared {
    fn get(&self) -> *mut c_void {
        self.0
    }
}

/// Runs tasks `0 .. ntasks - 1` with `task(i, user_data)` on the context's
/// threads — on an MPI context, on every rank's threads (collective: every
/// rank calls it with the same `ntasks`; each rank runs its own copy of the
/// task function, and only task indices travel). Workers take chunks of
/// tasks that shrink as the work runs out; a failed task (nonzero return)
/// is retried on the next worker up to the farm's retry count. Returns when
/// every task has completed or used up its retries, with every task's
/// outcome in `*report` (on every rank).
///
/// Errors (about the farm, never about tasks): `OXPAR_STATUS_NULL_POINTER`,
/// `OXPAR_STATUS_INVALID_ARGUMENT` (an unreadable, unwritable or mismatched
/// checkpoint; ranks running different farms or reading different
/// checkpoints — on every rank), `OXPAR_STATUS_OUT_OF_MEMORY` (more tasks
/// than a report can hold), `OXPAR_STATUS_COMM_ERROR`. On an MPI context a
/// NULL farm, task or report on one rank is an error on every rank (the
/// others get INVALID_ARGUMENT naming it), never a deadlock.
///
/// Chunks: a worker takes about a millisecond of work at a time at its own
/// recent pace (one task at a time when tasks are expensive), and never more
/// than the remaining tasks / (2 x workers).
///
/// On an MPI context, tasks run on the context's threads and never on the
/// calling thread: that one (which must be allowed to call MPI: under
/// `MPI_THREAD_FUNNELED` or `MPI_THREAD_SINGLE`, the thread that initialized
/// MPI) hands out work to the ranks with point-to-point messages meanwhile.
/// So no rank waits for another's task to end, whatever the transport (TCP
/// without RDMA included) and thread level; plain `MPI_Init` is enough. A
/// task may call MPI itself only under `MPI_THREAD_MULTIPLE`, and must not
/// make collective calls on the farm's communicator.
///
/// # Safety
/// `farm` is NULL or a live farm, `ctx` NULL or a live context, `report`
/// NULL or writable; `task` must be safe to call concurrently from several
/// threads with `user_data`, and must not unwind or longjmp.
#[no_mangle]
pub unsafe extern "C" fn oxpar_farm_run(
    farm: *const oxpar_farm,
    ctx: *const oxpar_context,
    ntasks: usize,
    task: oxpar_task_fn,
    user_data: *mut c_void,
    report: *mut *mut oxpar_farm_report,
) -> oxpar_status {
    call("oxpar_farm_run", || {
        // SAFETY: the caller's contract.
        let ctx = unsafe { ffi::context(ctx)? };
        let checks = || {
            // SAFETY: the caller's contract.
            let settings = unsafe { ffi::handle(farm, "farm")? };
            let task = task.ok_or_else(|| CapiError::null("task", "is NULL"))?;
            Ok((settings, task, ffi::out_ptr(report, "report")?))
        };
        // On an MPI context the other ranks must learn of a rejection here.
        let (settings, task, out) = checks().inspect_err(|e: &CapiError| {
            let _ = new_farm(ctx).reject(e.to_error());
        })?;
        let data = Shared(user_data);
        let run_task = move |i: usize| {
            let _ = TASK_ERROR.try_with(|e| e.borrow_mut().take());
            // SAFETY: the caller vouches for task and user_data.
            let code = unsafe { task(i, data.get()) };
            if code == 0 {
                return Ok(());
            }
            let message = TASK_ERROR
                .try_with(|e| e.borrow_mut().take())
                .ok()
                .flatten();
            Err(message.unwrap_or_else(|| format!("task {i} returned {code}")))
        };
        let progress_data = Shared(settings.progress_data);
        let progress_fn = settings.progress;
        let report_progress = move |p: &Progress| {
            if let Some(f) = progress_fn {
                let eta = p.eta.map_or(-1.0, |d| d.as_secs_f64());
                // SAFETY: the caller vouches for the callback and its data.
                unsafe {
                    f(
                        p.total,
                        p.done,
                        p.failed,
                        p.running,
                        p.resumed,
                        p.elapsed.as_secs_f64(),
                        eta,
                        progress_data.get(),
                    )
                };
            }
        };
        let mut farm = new_farm(ctx).retries(settings.retries);
        if let Some(path) = &settings.checkpoint {
            farm = farm.checkpoint(path);
        }
        if settings.progress.is_some() {
            farm = farm.progress(&report_progress, settings.progress_every);
        }
        let result = farm.run(ntasks, &run_task)?;
        let outcomes = result.outcomes().to_vec();
        let errors = outcomes
            .iter()
            .map(|o| match o {
                Outcome::Failed { error, .. } => {
                    Some(CString::new(error.replace('\0', " ")).unwrap_or_default())
                }
                _ => None,
            })
            .collect();
        let handle = oxpar_farm_report {
            done: result.done(),
            failed: result.failed(),
            resumed: result.resumed(),
            outcomes,
            errors,
        };
        // SAFETY: checked non-null, writable per the caller's contract.
        unsafe { ffi::give_handle(out, handle) };
        Ok(())
    })
}

/// The farm for a context: over its ranks on an MPI context, else its threads.
fn new_farm(ctx: &oxpar_context) -> Farm<'_> {
    #[cfg(feature = "mpi")]
    if let Some(m) = ctx.mpi_opt() {
        return Farm::mpi(m);
    }
    Farm::new(ctx.host())
}

/// # Safety
/// `report` is NULL or a live report.
unsafe fn report_ref<'a>(
    report: *const oxpar_farm_report,
) -> Result<&'a oxpar_farm_report, CapiError> {
    // SAFETY: the caller's contract.
    unsafe { ffi::handle(report, "report") }
}

/// Stores how many tasks completed in the run, failed for good, and were
/// skipped thanks to the checkpoint (any pointer may be NULL).
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (report).
///
/// # Safety
/// `report` is NULL or a live report; the outputs are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_farm_report_counts(
    report: *const oxpar_farm_report,
    done: *mut usize,
    failed: *mut usize,
    resumed: *mut usize,
) -> oxpar_status {
    call("oxpar_farm_report_counts", || {
        // SAFETY: the caller's contract.
        let r = unsafe { report_ref(report)? };
        for (p, v) in [(done, r.done), (failed, r.failed), (resumed, r.resumed)] {
            if !p.is_null() {
                // SAFETY: non-null outputs are writable (caller's contract).
                unsafe { ffi::write_out(p, v) };
            }
        }
        Ok(())
    })
}

/// Stores the outcome of task `task` (an `OXPAR_TASK_STATE_*` value) and the
/// attempts it took (0 for a resumed task); either pointer may be NULL.
///
/// Errors: `OXPAR_STATUS_INVALID_ARGUMENT` (task out of range).
///
/// # Safety
/// `report` is NULL or a live report; the outputs are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn oxpar_farm_report_task(
    report: *const oxpar_farm_report,
    task: usize,
    state: *mut i32,
    attempts: *mut u32,
) -> oxpar_status {
    call("oxpar_farm_report_task", || {
        // SAFETY: the caller's contract.
        let r = unsafe { report_ref(report)? };
        let o = r.outcomes.get(task).ok_or_else(|| {
            CapiError::invalid(
                "task",
                format!("{task} is not below the run's {} tasks", r.outcomes.len()),
            )
        })?;
        let (s, a) = state_of(o);
        if !state.is_null() {
            // SAFETY: non-null outputs are writable (caller's contract).
            unsafe { ffi::write_out(state, s as i32) };
        }
        if !attempts.is_null() {
            // SAFETY: as above.
            unsafe { ffi::write_out(attempts, a) };
        }
        Ok(())
    })
}

/// Stores the outcomes of tasks `0 .. n - 1` at once: `states[i]` gets an
/// `OXPAR_TASK_STATE_*` value and `attempts[i]` the attempts task i took
/// (either array may be NULL). `n` must not exceed the run's task count.
///
/// Errors: `OXPAR_STATUS_NULL_POINTER` (report),
/// `OXPAR_STATUS_INVALID_ARGUMENT` (`n` larger than the run's task count).
///
/// # Safety
/// `report` is NULL or a live report; `states` and `attempts` are NULL or
/// hold `n` writable elements.
#[no_mangle]
pub unsafe extern "C" fn oxpar_farm_report_states(
    report: *const oxpar_farm_report,
    states: *mut i32,
    attempts: *mut u32,
    n: usize,
) -> oxpar_status {
    call("oxpar_farm_report_states", || {
        // SAFETY: the caller's contract.
        let r = unsafe { report_ref(report)? };
        if n > r.outcomes.len() {
            return Err(CapiError::invalid(
                "n",
                format!("{n} is more than the run's {} tasks", r.outcomes.len()),
            ));
        }
        for (i, o) in r.outcomes[..n].iter().enumerate() {
            let (s, a) = state_of(o);
            // SAFETY: non-null arrays hold n writable elements (caller's contract).
            unsafe {
                if !states.is_null() {
                    states.add(i).write(s as i32);
                }
                if !attempts.is_null() {
                    attempts.add(i).write(a);
                }
            }
        }
        Ok(())
    })
}

/// A task's state and attempts, as the report functions give them.
fn state_of(o: &Outcome) -> (oxpar_task_state, u32) {
    match o {
        Outcome::Done { attempts } => (oxpar_task_state::Done, *attempts),
        Outcome::Failed { attempts, .. } => (oxpar_task_state::Failed, *attempts),
        Outcome::Resumed => (oxpar_task_state::Resumed, 0),
    }
}

/// The error message of a task that failed for good (its last attempt's),
/// or NULL for a task that did not fail or is out of range. The string
/// belongs to the report and lives as long as it.
///
/// Never fails: NULL for a NULL report, a task that did not fail, or one out
/// of range.
///
/// # Safety
/// `report` is NULL or a live report.
#[no_mangle]
pub unsafe extern "C" fn oxpar_farm_report_error(
    report: *const oxpar_farm_report,
    task: usize,
) -> *const c_char {
    // SAFETY: the caller's contract.
    let Ok(r) = (unsafe { report_ref(report) }) else {
        return std::ptr::null();
    };
    r.errors
        .get(task)
        .and_then(|e| e.as_ref())
        .map_or(std::ptr::null(), |e| e.as_ptr())
}

/// Frees a report. NULL is a no-op.
///
/// Never fails (nothing is returned).
///
/// # Safety
/// `report` is NULL or a live report, freed once.
#[no_mangle]
pub unsafe extern "C" fn oxpar_farm_report_free(report: *mut oxpar_farm_report) {
    // SAFETY: the caller's contract.
    unsafe { ffi::free_handle(report) }
}
