!> The task farm: `oxpar_farm` runs many independent tasks on a context's
!> threads (or every rank's, on an MPI context) with retries and a
!> checkpoint, and gives each task's outcome in an `oxpar_farm_report`.
!> Part of `oxpar`, which programs use. (The module is not called
!> `oxpar_farm`: that is the name of its type.)
module oxpar_task_farm
  use, intrinsic :: iso_c_binding, only: c_associated, c_char, c_double, c_f_pointer, c_funloc, c_int32_t, &
    c_loc, c_null_char, c_null_funptr, c_null_ptr, c_ptr, c_size_t
  use oxpar_c
  use oxpar_base
  implicit none
  private

  public :: oxpar_farm, oxpar_farm_report, oxpar_farm_task, oxpar_farm_progress, oxpar_farm_task_error

  !> A task farm's settings: retries (default 2), checkpoint file (default
  !> none), progress procedure (default none). Not usable until `init`
  !> succeeds; free it with `destroy`. One farm may run many times. It has no
  !> finalizer: copies of one share its settings (destroy exactly one of them).
  type :: oxpar_farm
    private
    !> The C handle (`oxpar_farm *`), null when not initialised.
    type(c_ptr) :: handle = c_null_ptr
    !> The progress procedure and its data, where the C farm's `user_data`
    !> points (allocated by `set_progress`, freed by `destroy`).
    type(progress_call), pointer :: progress => null()
  contains
    !> Creates the farm with the defaults (destroying the one it held, if any).
    procedure :: init => farm_init
    !> Frees the farm; a no-op when not initialised.
    procedure :: destroy => farm_destroy
    !> How many times a failed task is tried again, each time on another worker.
    procedure :: set_retries => farm_set_retries
    !> Sets the checkpoint file (or, without a path, removes it).
    procedure :: set_checkpoint => farm_set_checkpoint
    !> Sets the progress procedure (or, without one, removes it).
    procedure :: set_progress => farm_set_progress
    !> Runs tasks 1 to `ntasks` (collective on an MPI context).
    procedure :: run => farm_run
    !> Whether `init` has succeeded (and `destroy` not been called since).
    procedure :: initialized => farm_initialized
  end type oxpar_farm

  !> The outcome of every task of a farm's run, made by `oxpar_farm%run`.
  !> Free it with `destroy` (a report has no finalizer: copies share it).
  type :: oxpar_farm_report
    private
    !> The C handle (`oxpar_farm_report *`), null when there is no report.
    type(c_ptr) :: handle = c_null_ptr
    !> The run's number of tasks.
    integer :: n = 0
  contains
    !> The run's number of tasks (0 when there is no report).
    procedure :: ntasks => report_ntasks
    !> Tasks that completed in this run.
    procedure :: done => report_done
    !> Tasks that failed on every attempt.
    procedure :: failed => report_failed
    !> Tasks skipped because the checkpoint says an earlier run completed them.
    procedure :: resumed => report_resumed
    !> How task `task` ended: an `OXPAR_TASK_STATE_*` value.
    procedure :: state => report_state
    !> The attempts task `task` took (0 for a resumed task).
    procedure :: attempts => report_attempts
    !> The message of a task that failed for good (`""` for the others).
    procedure :: error => report_error
    !> Frees the report; a no-op when there is none.
    procedure :: destroy => report_destroy
  end type oxpar_farm_report

  abstract interface
    !> A task of a farm: runs task number `task` and returns 0 on success,
    !> anything else on failure (after `call oxpar_farm_task_error(message)`
    !> to say why). Tasks run concurrently on several threads: a task must
    !> write nothing shared but what belongs to its own task number (a slot
    !> of an array), keep no state (`save`, module variables), and be
    !> `recursive`, like every procedure it calls, or be compiled with
    !> `-frecursive`: its local variables then live on each thread's stack,
    !> and gfortran's `-fcheck=recursion` (in `-fcheck=all`) does not stop
    !> the program when two threads are in it at once. Attempts of one task
    !> never overlap. The procedure is typically a module procedure, and the
    !> data it needs comes through `data` (`c_loc` of a `target`).
    function oxpar_farm_task(task, data) result(status)
      import :: c_ptr
      !> The task number, 1 to `ntasks` (the C farm's 0-based index plus 1).
      integer, intent(in) :: task
      !> The `data` given to `oxpar_farm%run` (`c_null_ptr` if none).
      type(c_ptr), intent(in) :: data
      !> 0 on success, anything else on failure.
      integer :: status
    end function oxpar_farm_task

    !> A progress procedure (`oxpar_farm%set_progress`), called every
    !> `interval` seconds while a run lasts and once at the end, from a
    !> thread of its own (never concurrently with itself). Under MPI the
    !> counts are the calling rank's.
    subroutine oxpar_farm_progress(total, done, failed, running, resumed, elapsed, eta, data)
      import :: c_ptr, dp
      !> Tasks in the farm.
      integer, intent(in) :: total
      !> Tasks completed so far in this run.
      integer, intent(in) :: done
      !> Failed attempts so far (a failed attempt may still succeed on retry).
      integer, intent(in) :: failed
      !> Tasks running now.
      integer, intent(in) :: running
      !> Tasks skipped thanks to the checkpoint.
      integer, intent(in) :: resumed
      !> Seconds since the run started.
      real(dp), intent(in) :: elapsed
      !> Estimated seconds left; negative while unknown.
      real(dp), intent(in) :: eta
      !> The `data` given to `set_progress` (`c_null_ptr` if none).
      type(c_ptr), intent(in) :: data
    end subroutine oxpar_farm_progress
  end interface

  !> What a run's C `user_data` points to: the Fortran task and its data.
  type :: task_call
    procedure(oxpar_farm_task), pointer, nopass :: task => null()
    type(c_ptr) :: data = c_null_ptr
  end type task_call

  !> What a farm's progress `user_data` points to: the procedure and its data.
  type :: progress_call
    procedure(oxpar_farm_progress), pointer, nopass :: progress => null()
    type(c_ptr) :: data = c_null_ptr
  end type progress_call

  interface
    !> `oxpar_farm_set_checkpoint(farm, NULL)`, which removes the checkpoint:
    !> the generated interface (`c_oxpar_farm_set_checkpoint`) takes the path
    !> as a string, which cannot be NULL.
    function c_farm_clear_checkpoint(farm, path) bind(C, name="oxpar_farm_set_checkpoint")
      import :: c_int32_t, c_ptr
      implicit none
      type(c_ptr), value :: farm
      type(c_ptr), value :: path
      integer(c_int32_t) :: c_farm_clear_checkpoint
    end function c_farm_clear_checkpoint
  end interface

contains

  !> Creates the farm with the defaults: 2 retries, no checkpoint, no
  !> progress. A farm it already held is destroyed first; after an error it
  !> holds none.
  subroutine farm_init(self, stat, errmsg)
    !> The farm.
    class(oxpar_farm), intent(inout) :: self
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    type(c_ptr) :: handle
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call self%destroy()
    handle = c_null_ptr
    status = c_oxpar_farm_create(handle)
    message = error_message(status)
    if (status == OXPAR_STATUS_OK) self%handle = handle
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine farm_init

  !> Frees the farm (and its progress settings); a no-op when not initialised.
  !> Reports it made stay valid.
  subroutine farm_destroy(self)
    !> The farm.
    class(oxpar_farm), intent(inout) :: self

    if (c_associated(self%handle)) call c_oxpar_farm_free(self%handle)
    self%handle = c_null_ptr
    if (associated(self%progress)) deallocate (self%progress)
    self%progress => null()
  end subroutine farm_destroy

  !> Whether the farm is usable (`init` succeeded, `destroy` not called since).
  pure function farm_initialized(self) result(yes)
    !> The farm.
    class(oxpar_farm), intent(in) :: self
    logical :: yes

    yes = c_associated(self%handle)
  end function farm_initialized

  !> How many times a failed task is tried again, each time on the next
  !> worker (the next thread, then the next rank); default 2. A task that
  !> fails every time ends with `retries + 1` attempts.
  subroutine farm_set_retries(self, retries, stat, errmsg)
    !> The farm.
    class(oxpar_farm), intent(inout) :: self
    !> The retries, 0 or more.
    integer, intent(in) :: retries
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (retries < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_farm%set_retries: retries: must be 0 or more, got " // str(retries)
    else
      status = c_oxpar_farm_set_retries(self%handle, int(retries, c_int32_t))
      message = error_message(status)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine farm_set_retries

  !> Records each completed task in the file `path` the moment it completes,
  !> and makes a run skip the tasks an earlier run recorded there (they end
  !> `OXPAR_TASK_STATE_RESUMED`); without `path`, no checkpoint. The file
  !> belongs to one farm of `ntasks` tasks: a run with another number of
  !> tasks fails; delete the file to start over. Under MPI each rank writes
  !> `path.rank<r>` (r from 0) and every rank reads them all: every rank must
  !> set the same path, on a file system all ranks share (the library does
  !> not check that they agree). The file is opened by `run`, which reports a
  !> path it cannot read or write.
  subroutine farm_set_checkpoint(self, path, stat, errmsg)
    !> The farm.
    class(oxpar_farm), intent(inout) :: self
    !> The checkpoint file; trailing blanks are ignored. Absent: none.
    character(len=*), intent(in), optional :: path
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    if (present(path)) then
      status = c_oxpar_farm_set_checkpoint(self%handle, trim(path) // c_null_char)
    else
      status = c_farm_clear_checkpoint(self%handle, c_null_ptr)
    end if
    message = error_message(status)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine farm_set_checkpoint

  !> Calls `progress(total, done, failed, running, resumed, elapsed, eta,
  !> data)` every `interval` seconds while a run lasts, and once at the end,
  !> from a thread of its own; without `progress`, no progress reports.
  subroutine farm_set_progress(self, progress, interval, data, stat, errmsg)
    !> The farm.
    class(oxpar_farm), intent(inout) :: self
    !> The procedure (see `oxpar_farm_progress`): a module or external
    !> procedure (the farm keeps a pointer to it). Absent: none.
    procedure(oxpar_farm_progress), optional :: progress
    !> Seconds between calls, positive; default 0.5.
    real(dp), intent(in), optional :: interval
    !> Passed to `progress` as it is; default `c_null_ptr`.
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message
    type(progress_call), pointer :: new
    real(dp) :: seconds
    character(len=32) :: buf

    seconds = 0.5_dp
    if (present(interval)) seconds = interval
    if (.not. (seconds > 0 .and. seconds <= huge(seconds))) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      write (buf, '(g0)') seconds
      message = "oxpar_farm%set_progress: interval: must be a positive number of seconds, got " // trim(buf)
    else if (present(progress)) then
      ! A new holder, kept if the library takes it (the old one is then freed).
      allocate (new)
      new%progress => progress
      if (present(data)) new%data = data
      status = c_oxpar_farm_set_progress(self%handle, c_funloc(progress_trampoline), c_loc(new), &
        real(seconds, c_double))
      message = error_message(status)
      if (status == OXPAR_STATUS_OK) then
        if (associated(self%progress)) deallocate (self%progress)
        self%progress => new
      else
        deallocate (new)
      end if
    else
      status = c_oxpar_farm_set_progress(self%handle, c_null_funptr, c_null_ptr, real(seconds, c_double))
      message = error_message(status)
      if (status == OXPAR_STATUS_OK .and. associated(self%progress)) deallocate (self%progress)
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine farm_set_progress

  !> Runs tasks 1 to `ntasks` as `status = task(i, data)` on the context's
  !> threads; returns when every task has completed or used up its retries,
  !> with every task's outcome in `report`. Task numbers count from 1, as
  !> array indices do (the C farm's index plus 1). A failed task (nonzero
  !> status) is retried on the next worker, up to the farm's retries.
  !>
  !> On an MPI context the run is collective: every rank calls it with the
  !> same `ntasks` and settings, each rank runs the tasks handed to it with
  !> its own copy of `task` and `data` (only task numbers travel), and every
  !> rank gets every task's outcome. A task's results stay on the rank that
  !> ran it. An argument one rank rejects is an error on every rank.
  !>
  !> Errors are about the farm, never about tasks (those are in the report):
  !> `OXPAR_STATUS_NULL_POINTER` (a farm or context not initialised),
  !> `OXPAR_STATUS_INVALID_ARGUMENT` (`ntasks` negative; a checkpoint that
  !> cannot be read or written or belongs to another farm; ranks running
  !> different farms), `OXPAR_STATUS_COMM_ERROR`. A report it already held
  !> is destroyed first; after an error it holds none.
  subroutine farm_run(self, ctx, ntasks, task, report, data, stat, errmsg)
    !> The farm.
    class(oxpar_farm), intent(in) :: self
    !> The context whose threads (and ranks) run the tasks.
    type(oxpar_context), intent(in) :: ctx
    !> The number of tasks, 0 or more.
    integer, intent(in) :: ntasks
    !> The task (see `oxpar_farm_task`); must be safe to run on several
    !> threads at once.
    procedure(oxpar_farm_task) :: task
    !> The outcome of every task.
    type(oxpar_farm_report), intent(inout) :: report
    !> Passed to every call of `task` as it is; default `c_null_ptr`.
    type(c_ptr), intent(in), optional :: data
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    type(task_call), target :: call_info
    type(c_ptr) :: handle
    integer(c_int32_t) :: status
    character(len=:), allocatable :: message

    call report%destroy()
    if (.not. c_associated(self%handle)) then
      status = OXPAR_STATUS_NULL_POINTER
      message = "oxpar_farm%run: farm: not initialised (call init first)"
      call join_rejected_farm(ctx)
    else if (ntasks < 0) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_farm%run: ntasks: must be 0 or more, got " // str(ntasks)
      call join_rejected_farm(ctx)
    else
      call_info%task => task
      if (present(data)) call_info%data = data
      handle = c_null_ptr
      status = c_oxpar_farm_run(self%handle, context_handle(ctx), csize(ntasks), c_funloc(task_trampoline), &
        c_loc(call_info), handle)
      message = error_message(status)
      if (status == OXPAR_STATUS_OK) then
        report%handle = handle
        report%n = ntasks
      end if
    end if
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end subroutine farm_run

  !> Sets the message of the failure the calling task is about to report (by
  !> returning nonzero); the run's report gives it (`report%error(task)`).
  !> Only meaningful inside a task, on the thread running it; trailing
  !> blanks are ignored. Without it the message is `"task <i> failed"`.
  recursive subroutine oxpar_farm_task_error(message)
    !> Why the task failed.
    character(len=*), intent(in) :: message

    call c_oxpar_farm_task_error(message(1:len_trim(message)) // c_null_char)
  end subroutine oxpar_farm_task_error

  !> The C task: calls the Fortran task of the run with a 1-based number.
  !> Runs on several threads at once; it keeps no state of its own. The
  !> default failure message, set first, names the task by that number (a
  !> message from the task replaces it; after a success it is dropped).
  recursive function task_trampoline(task, user_data) result(status) bind(C, name="")
    integer(c_size_t), value :: task
    type(c_ptr), value :: user_data
    integer(c_int32_t) :: status
    type(task_call), pointer :: call_info
    integer :: number, n, first
    ! A fixed-length buffer: deferred-length character results (as from
    ! `decimal`) are not safe on several threads at once with gfortran (a
    ! message came out cut short under load).
    character(len=40, kind=c_char) :: message

    number = int(task) + 1
    message = "task "
    first = 26
    n = number
    do
      message(first:first) = achar(iachar("0") + mod(n, 10), kind=c_char)
      n = n / 10
      if (n == 0) exit
      first = first - 1
    end do
    message = "task " // message(first:26) // " failed" // c_null_char
    call c_oxpar_farm_task_error(message)
    call c_f_pointer(user_data, call_info)
    status = int(call_info%task(number, call_info%data), c_int32_t)
  end function task_trampoline

  !> The C progress callback: calls the farm's Fortran progress procedure.
  recursive subroutine progress_trampoline(total, done, failed, running, resumed, elapsed, eta, user_data) &
      bind(C, name="")
    integer(c_size_t), value :: total, done, failed, running, resumed
    real(c_double), value :: elapsed, eta
    type(c_ptr), value :: user_data
    type(progress_call), pointer :: call_info

    call c_f_pointer(user_data, call_info)
    call call_info%progress(int(total), int(done), int(failed), int(running), int(resumed), real(elapsed, dp), &
      real(eta, dp), call_info%data)
  end subroutine progress_trampoline

  !> After an argument error found here, before the library was called: on an
  !> MPI context the other ranks are waiting in the run's first collective.
  !> A run with a NULL farm is rejected by the library, which joins that
  !> collective as a failed rank, so every rank returns an error. A no-op on
  !> other contexts.
  subroutine join_rejected_farm(ctx)
    !> The context of the rejected run.
    type(oxpar_context), intent(in) :: ctx
    type(c_ptr) :: report
    integer(c_int32_t) :: status

    if (ctx%backend() /= OXPAR_BACKEND_MPI) return
    report = c_null_ptr
    status = c_oxpar_farm_run(c_null_ptr, context_handle(ctx), 0_c_size_t, c_null_funptr, c_null_ptr, report)
  end subroutine join_rejected_farm

  !> The run's number of tasks; 0 when there is no report.
  pure function report_ntasks(self) result(n)
    !> The report.
    class(oxpar_farm_report), intent(in) :: self
    integer :: n

    n = self%n
  end function report_ntasks

  !> How many tasks completed in this run; 0 when there is no report.
  function report_done(self) result(n)
    !> The report.
    class(oxpar_farm_report), intent(in) :: self
    integer :: n
    integer(c_size_t) :: counts(3)

    n = 0
    if (report_counts(self, counts)) n = int(counts(1))
  end function report_done

  !> How many tasks failed on every attempt; 0 when there is no report.
  function report_failed(self) result(n)
    !> The report.
    class(oxpar_farm_report), intent(in) :: self
    integer :: n
    integer(c_size_t) :: counts(3)

    n = 0
    if (report_counts(self, counts)) n = int(counts(2))
  end function report_failed

  !> How many tasks the checkpoint let the run skip; 0 when there is no report.
  function report_resumed(self) result(n)
    !> The report.
    class(oxpar_farm_report), intent(in) :: self
    integer :: n
    integer(c_size_t) :: counts(3)

    n = 0
    if (report_counts(self, counts)) n = int(counts(3))
  end function report_resumed

  !> The report's done, failed and resumed counts; false when there is no report.
  function report_counts(self, counts) result(ok)
    class(oxpar_farm_report), intent(in) :: self
    integer(c_size_t), intent(out) :: counts(3)
    logical :: ok

    counts = 0
    ok = .false.
    if (.not. c_associated(self%handle)) return
    ok = c_oxpar_farm_report_counts(self%handle, counts(1), counts(2), counts(3)) == OXPAR_STATUS_OK
  end function report_counts

  !> How task `task` ended: `OXPAR_TASK_STATE_DONE` (completed in this run),
  !> `OXPAR_TASK_STATE_FAILED` (failed on every attempt) or
  !> `OXPAR_TASK_STATE_RESUMED` (the checkpoint says an earlier run completed
  !> it); -1 after an error.
  function report_state(self, task, stat, errmsg) result(state)
    !> The report.
    class(oxpar_farm_report), intent(in) :: self
    !> The task number, 1 to `ntasks()`.
    integer, intent(in) :: task
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer :: state
    integer(c_int32_t) :: status, s, a
    character(len=:), allocatable :: message

    state = -1
    call report_task(self, "state", task, status, message, s, a)
    if (status == OXPAR_STATUS_OK) state = int(s)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function report_state

  !> The attempts task `task` took: 1 for a task that completed on its first
  !> try, `retries + 1` for one that failed, 0 for a resumed one; -1 after an error.
  function report_attempts(self, task, stat, errmsg) result(attempts)
    !> The report.
    class(oxpar_farm_report), intent(in) :: self
    !> The task number, 1 to `ntasks()`.
    integer, intent(in) :: task
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    integer :: attempts
    integer(c_int32_t) :: status, s, a
    character(len=:), allocatable :: message

    attempts = -1
    call report_task(self, "attempts", task, status, message, s, a)
    if (status == OXPAR_STATUS_OK) attempts = int(a)
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function report_attempts

  !> The message of task `task`'s last attempt if it failed for good (what it
  !> passed to `oxpar_farm_task_error`); `""` for a task that did not fail
  !> and after an error.
  function report_error(self, task, stat, errmsg) result(text)
    !> The report.
    class(oxpar_farm_report), intent(in) :: self
    !> The task number, 1 to `ntasks()`.
    integer, intent(in) :: task
    !> `OXPAR_STATUS_OK`, or the error's status; absent: an error stops the program.
    integer, intent(out), optional :: stat
    !> The error's message (`""` on success).
    character(len=:), allocatable, intent(out), optional :: errmsg
    character(len=:), allocatable :: text
    integer(c_int32_t) :: status, s, a
    character(len=:), allocatable :: message

    text = ""
    call report_task(self, "error", task, status, message, s, a)
    if (status == OXPAR_STATUS_OK) text = c_string(c_oxpar_farm_report_error(self%handle, csize(task - 1)))
    call finish(status, message, stat)
    if (present(errmsg)) errmsg = message
  end function report_error

  !> The outcome of task `task` (1-based), with the status and message of the
  !> query `what`: the library names a missing report, the range is checked here.
  subroutine report_task(self, what, task, status, message, state, attempts)
    class(oxpar_farm_report), intent(in) :: self
    character(len=*), intent(in) :: what
    integer, intent(in) :: task
    integer(c_int32_t), intent(out) :: status, state, attempts
    character(len=:), allocatable, intent(out) :: message

    state = -1
    attempts = -1
    if (c_associated(self%handle) .and. (task < 1 .or. task > self%n)) then
      status = OXPAR_STATUS_INVALID_ARGUMENT
      message = "oxpar_farm_report%" // what // ": task: must be from 1 to " // str(self%n) // ", got " &
        // str(task)
    else
      ! Without a report: the library reports it (task 0 is any index).
      status = c_oxpar_farm_report_task(self%handle, csize(max(task - 1, 0)), state, attempts)
      message = error_message(status)
    end if
  end subroutine report_task

  !> Frees the report; a no-op when there is none.
  subroutine report_destroy(self)
    !> The report.
    class(oxpar_farm_report), intent(inout) :: self

    if (c_associated(self%handle)) call c_oxpar_farm_report_free(self%handle)
    self%handle = c_null_ptr
    self%n = 0
  end subroutine report_destroy

end module oxpar_task_farm
