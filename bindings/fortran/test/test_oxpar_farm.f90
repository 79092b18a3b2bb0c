!> Tasks for test_oxpar_farm: each counts its attempts in its own slot of
!> the `farm_counts` that `data` points to, and fails as that tells it.
module farm_test_tasks
  use, intrinsic :: iso_c_binding, only: c_associated, c_f_pointer, c_ptr
  use, intrinsic :: iso_fortran_env, only: dp => real64
  use oxpar, only: oxpar_farm_task_error
  implicit none
  private

  public :: farm_counts, progress_log, counting_task, null_data_task, record_progress

  !> What the tasks of one run share: slot `i` of `runs` belongs to task `i`
  !> (written only by it; retries of a task never overlap).
  type :: farm_counts
    !> Attempts per task.
    integer, allocatable :: runs(:)
    !> With n > 0, tasks that are multiples of n fail on their first attempt.
    integer :: fail_first = 0
    !> This task fails on every attempt, with `ALWAYS_MESSAGE`.
    integer :: always_fail = 0
    !> Where set, the task fails (without a message) on every attempt.
    logical, allocatable :: fail(:)
  end type farm_counts

  !> What the progress procedure saw (it is never called concurrently).
  type :: progress_log
    integer :: calls = 0, total = -1, done = -1, failed = -1, running = -1, resumed = -1
    real(dp) :: elapsed = -1, eta = -2
  end type progress_log

  character(len=*), parameter, public :: ALWAYS_MESSAGE = "this parameter set diverges"

contains

  !> Counts the attempt, then fails or succeeds as `data` (a `farm_counts`) says.
  recursive function counting_task(task, data) result(status)
    integer, intent(in) :: task
    type(c_ptr), intent(in) :: data
    integer :: status
    type(farm_counts), pointer :: counts

    call c_f_pointer(data, counts)
    counts%runs(task) = counts%runs(task) + 1
    status = 0
    if (task == counts%always_fail) then
      ! Trailing blanks are dropped from the message.
      call oxpar_farm_task_error(ALWAYS_MESSAGE // "   ")
      status = 7
    else if (counts%fail_first > 0) then
      if (mod(task, counts%fail_first) == 0 .and. counts%runs(task) == 1) status = 1
    end if
    if (allocated(counts%fail)) then
      if (counts%fail(task)) status = 2
    end if
  end function counting_task

  !> Succeeds when no data was given.
  recursive function null_data_task(task, data) result(status)
    integer, intent(in) :: task
    type(c_ptr), intent(in) :: data
    integer :: status

    status = 0
    if (c_associated(data) .or. task < 1) status = 1
  end function null_data_task

  !> Keeps the latest report in the `progress_log` that `data` points to.
  recursive subroutine record_progress(total, done, failed, running, resumed, elapsed, eta, data)
    integer, intent(in) :: total, done, failed, running, resumed
    real(dp), intent(in) :: elapsed, eta
    type(c_ptr), intent(in) :: data
    type(progress_log), pointer :: log

    call c_f_pointer(data, log)
    log%calls = log%calls + 1
    log%total = total
    log%done = done
    log%failed = failed
    log%running = running
    log%resumed = resumed
    log%elapsed = elapsed
    log%eta = eta
  end subroutine record_progress

end module farm_test_tasks

!> The task farm of the module `oxpar` on a "threads:2" and a "serial"
!> context: every task runs exactly once, failures on the first attempt are
!> retried, a task that always fails ends FAILED with its message and
!> retries + 1 attempts, retries 0, progress reports, a checkpoint that makes
!> a second run redo only the tasks that failed, and errors. Temporary files
!> go to the folder given as the first argument (default: the current one).
program test_oxpar_farm
  use, intrinsic :: iso_c_binding, only: c_loc, c_ptr
  use, intrinsic :: ieee_arithmetic, only: ieee_quiet_nan, ieee_value
  use, intrinsic :: iso_fortran_env, only: dp => real64
  use oxpar
  use oxpar_testing, only: check, has, summary
  use farm_test_tasks
  implicit none
  character(len=:), allocatable :: dir
  character(len=*), parameter :: specs(2) = [character(len=9) :: "threads:2", "serial"]
  integer :: i

  dir = temp_dir()
  do i = 1, size(specs)
    call check_threads(trim(specs(i)))
  end do
  call check_checkpoint()
  call check_progress()
  call check_errors()
  call summary()

contains

  !> Every task once, injected failures, retries 0 and more, on context `spec`.
  subroutine check_threads(spec)
    character(len=*), intent(in) :: spec
    integer, parameter :: n = 1000
    type(oxpar_context) :: ctx
    type(oxpar_farm) :: farm
    type(oxpar_farm_report) :: report
    type(farm_counts), target :: counts
    integer :: st, t, multiples
    character(len=:), allocatable :: msg
    logical :: ok

    call ctx%init(spec)
    call farm%init()
    call check(farm%initialized(), spec // ": farm initialised")

    ! No failures: every task exactly once, each DONE on attempt 1.
    call reset(counts, n)
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK .and. msg == "", spec // ": run: " // msg)
    call check(report%ntasks() == n .and. report%done() == n .and. report%failed() == 0 .and. &
      report%resumed() == 0, spec // ": counts without failures")
    call check(all(counts%runs == 1), spec // ": every task ran exactly once")
    ok = .true.
    do t = 1, n
      ok = ok .and. report%state(t) == OXPAR_TASK_STATE_DONE .and. report%attempts(t) == 1 .and. &
        report%error(t) == ""
    end do
    call check(ok, spec // ": every task DONE on its first attempt, without error")

    ! Multiples of 7 fail on their first attempt; task 500 always fails.
    ! Default retries (2): the multiples succeed on their second attempt.
    multiples = count([(mod(t, 7) == 0, t = 1, n)])
    call reset(counts, n)
    counts%fail_first = 7
    counts%always_fail = 500
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts))
    call check(report%done() == n - 1 .and. report%failed() == 1, spec // ": done and failed with retries")
    call check(counts%runs(500) == 3 .and. report%state(500) == OXPAR_TASK_STATE_FAILED .and. &
      report%attempts(500) == 3, spec // ": task 500 failed after 1 + 2 retries")
    call check(report%error(500) == ALWAYS_MESSAGE, spec // ": task 500's message: " // report%error(500))
    ok = .true.
    do t = 1, n
      if (t == 500) cycle
      ok = ok .and. report%state(t) == OXPAR_TASK_STATE_DONE .and. report%error(t) == ""
      if (mod(t, 7) == 0) then
        ok = ok .and. counts%runs(t) == 2 .and. report%attempts(t) == 2
      else
        ok = ok .and. counts%runs(t) == 1 .and. report%attempts(t) == 1
      end if
    end do
    call check(ok, spec // ": failed first attempts were retried once, the others ran once")

    ! Retries 0: every failure is final; without a message the task is named 1-based.
    call farm%set_retries(0)
    call reset(counts, n)
    counts%fail_first = 7
    counts%always_fail = 500
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts))
    call check(report%failed() == multiples + 1 .and. report%done() == n - multiples - 1, &
      spec // ": retries 0 counts")
    call check(all(counts%runs == 1), spec // ": retries 0: every task ran once")
    ok = .true.
    do t = 7, n, 7
      ok = ok .and. report%state(t) == OXPAR_TASK_STATE_FAILED .and. report%attempts(t) == 1
    end do
    call check(ok, spec // ": retries 0: the multiples of 7 FAILED after 1 attempt")
    call check(report%error(7) == "task 7 failed", spec // ": default message: " // report%error(7))
    call check(report%error(994) == "task 994 failed", spec // ": default message: " // report%error(994))
    call check(report%error(500) == ALWAYS_MESSAGE .and. report%attempts(500) == 1, spec // ": retries 0, task 500")
    call check(report%error(8) == "", spec // ": no message for a task that completed")

    ! More retries: a task that always fails takes retries + 1 attempts.
    call farm%set_retries(4)
    call reset(counts, 10)
    counts%always_fail = 10
    call farm%run(ctx, 10, counting_task, report, data=c_loc(counts))
    call check(counts%runs(10) == 5 .and. report%attempts(10) == 5 .and. report%failed() == 1 .and. &
      report%done() == 9, spec // ": retries 4: 5 attempts")

    ! No data: the task gets c_null_ptr. No tasks: an empty report.
    call farm%run(ctx, 50, null_data_task, report)
    call check(report%done() == 50, spec // ": data defaults to c_null_ptr")
    call farm%run(ctx, 0, null_data_task, report, stat=st)
    call check(st == OXPAR_STATUS_OK .and. report%ntasks() == 0 .and. report%done() == 0, spec // ": 0 tasks")

    call report%destroy()
    call farm%destroy()
    call ctx%destroy()
  end subroutine check_threads

  !> A checkpoint: a first run leaves two tasks failed, a second run with the
  !> same file runs only those two; a third has nothing left to do.
  subroutine check_checkpoint()
    integer, parameter :: n = 40
    type(oxpar_context) :: ctx
    type(oxpar_farm) :: farm
    type(oxpar_farm_report) :: report
    type(farm_counts), target :: counts
    character(len=:), allocatable :: path, msg
    integer :: st, t
    logical :: ok

    path = dir // "/test_oxpar_farm.checkpoint"
    call delete_file(path)
    call ctx%init("threads:2")
    call farm%init()
    call farm%set_retries(0)
    call farm%set_checkpoint(path)

    call reset(counts, n)
    allocate (counts%fail(n))
    counts%fail = .false.
    counts%fail([3, 28]) = .true.
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK, "checkpoint: first run: " // msg)
    call check(report%done() == n - 2 .and. report%failed() == 2 .and. report%resumed() == 0, &
      "checkpoint: first run leaves 2 failed")
    call check(report%state(3) == OXPAR_TASK_STATE_FAILED .and. report%state(28) == OXPAR_TASK_STATE_FAILED, &
      "checkpoint: tasks 3 and 28 failed")

    ! The same file: only tasks 3 and 28 run again, and now succeed.
    counts%fail = .false.
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK, "checkpoint: second run: " // msg)
    call check(report%done() == 2 .and. report%failed() == 0 .and. report%resumed() == n - 2, &
      "checkpoint: second run resumes the others")
    ok = counts%runs(3) == 2 .and. counts%runs(28) == 2
    do t = 1, n
      if (t == 3 .or. t == 28) then
        ok = ok .and. report%state(t) == OXPAR_TASK_STATE_DONE .and. report%attempts(t) == 1
      else
        ok = ok .and. counts%runs(t) == 1 .and. report%state(t) == OXPAR_TASK_STATE_RESUMED .and. &
          report%attempts(t) == 0
      end if
    end do
    call check(ok, "checkpoint: the second run ran only tasks 3 and 28")

    ! Everything is done now.
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts))
    call check(report%resumed() == n .and. report%done() == 0 .and. counts%runs(3) == 2, &
      "checkpoint: a third run has nothing to do")

    ! The file belongs to a farm of n tasks.
    call farm%run(ctx, n + 1, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "checkpoint") .and. &
      report%ntasks() == 0, "checkpoint: another number of tasks is refused: " // msg)

    ! Without the checkpoint, every task runs again.
    call farm%set_checkpoint()
    call reset(counts, n)
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts))
    call check(report%done() == n .and. all(counts%runs == 1), "checkpoint removed: every task runs")

    call report%destroy()
    call farm%destroy()
    call ctx%destroy()
    call delete_file(path)
  end subroutine check_checkpoint

  !> Progress reports: at least the final one, which has every task done;
  !> none once the procedure is removed.
  subroutine check_progress()
    integer, parameter :: n = 300
    type(oxpar_context) :: ctx
    type(oxpar_farm) :: farm
    type(oxpar_farm_report) :: report
    type(farm_counts), target :: counts
    type(progress_log), target :: log
    integer :: st

    call ctx%init("threads:2")
    call farm%init()
    call farm%set_progress(record_progress, 0.001_dp, c_loc(log), stat=st)
    call check(st == OXPAR_STATUS_OK, "set_progress")
    call reset(counts, n)
    counts%always_fail = 1
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts))
    call check(log%calls >= 1, "progress: called")
    call check(log%total == n .and. log%done == n - 1 .and. log%failed == 3 .and. log%running == 0 .and. &
      log%resumed == 0, "progress: the final report counts every task")
    call check(abs(log%eta) < tiny(1.0_dp) .and. log%elapsed >= 0, "progress: the final report's times")

    ! Replaced by itself with other data, then removed: this log stays as it is.
    log = progress_log()
    call farm%set_progress(record_progress, data=c_loc(log))
    call farm%set_progress()
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts))
    call check(log%calls == 0, "progress removed: not called")

    call report%destroy()
    call farm%destroy()
    call ctx%destroy()
  end subroutine check_progress

  !> Misuse from Fortran: objects not initialised, bad arguments, a
  !> checkpoint in a folder that does not exist, queries out of range.
  subroutine check_errors()
    type(oxpar_context) :: ctx, none
    type(oxpar_farm) :: farm, fresh
    type(oxpar_farm_report) :: report, empty
    type(farm_counts), target :: counts
    character(len=:), allocatable :: msg, path
    integer :: st, value

    call ctx%init("threads:2")
    call reset(counts, 5)

    ! A farm that was never initialised.
    call check(.not. fresh%initialized(), "fresh farm")
    call fresh%run(ctx, 5, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. has(msg, "farm") .and. report%ntasks() == 0, &
      "run on no farm: " // msg)
    call fresh%set_retries(1, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. has(msg, "farm"), "set_retries on no farm: " // msg)
    call fresh%set_checkpoint("x", stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. has(msg, "farm"), "set_checkpoint on no farm: " // msg)
    call fresh%set_progress(record_progress, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. has(msg, "farm"), "set_progress on no farm: " // msg)
    call check(all(counts%runs == 0), "no task ran")

    ! A context that was never initialised.
    call farm%init()
    call farm%run(none, 5, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. has(msg, "ctx"), "run on no context: " // msg)

    ! Bad arguments.
    call farm%run(ctx, -1, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "ntasks"), "ntasks -1: " // msg)
    call farm%set_retries(-1, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "retries"), "retries -1: " // msg)
    call farm%set_progress(record_progress, 0.0_dp, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "interval"), "interval 0: " // msg)
    call farm%set_progress(record_progress, ieee_value(1.0_dp, ieee_quiet_nan), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "interval"), "interval NaN: " // msg)
    call farm%set_checkpoint("   ", stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "path"), "blank checkpoint path: " // msg)
    call check(all(counts%runs == 0), "still no task ran")

    ! A checkpoint in a folder that does not exist: the run fails, naming it.
    path = dir // "/no-such-folder/test_oxpar_farm.checkpoint"
    call farm%set_checkpoint(path, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK, "set_checkpoint accepts any path: " // msg)
    call farm%run(ctx, 5, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "no-such-folder") .and. &
      report%ntasks() == 0, "checkpoint in a missing folder: " // msg)
    call check(all(counts%runs == 0), "no task ran without its checkpoint")
    call farm%set_checkpoint()

    ! Queries: out of range, or on no report.
    call farm%run(ctx, 5, counting_task, report, data=c_loc(counts))
    value = report%state(0, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. value == -1 .and. has(msg, "task") .and. &
      has(msg, "from 1 to 5"), "state(0): " // msg)
    value = report%attempts(6, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. value == -1 .and. has(msg, "got 6"), "attempts(6): " // msg)
    msg = report%error(6, stat=st)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. msg == "", "error(6)")
    value = empty%state(1, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. has(msg, "report"), "state on no report: " // msg)
    call check(empty%done() == 0 .and. empty%failed() == 0 .and. empty%resumed() == 0 .and. &
      empty%ntasks() == 0, "counts of no report")

    ! destroy twice is harmless; a destroyed farm is not initialised.
    call report%destroy()
    call report%destroy()
    call check(report%ntasks() == 0, "report destroyed")
    call farm%destroy()
    call farm%destroy()
    call check(.not. farm%initialized(), "farm destroyed")
    call ctx%destroy()
  end subroutine check_errors

  !> Zero attempts for `n` tasks, and no failures.
  subroutine reset(counts, n)
    type(farm_counts), intent(inout) :: counts
    integer, intent(in) :: n

    counts = farm_counts()
    allocate (counts%runs(n))
    counts%runs = 0
  end subroutine reset

  !> The folder for temporary files: the first argument, else ".".
  function temp_dir() result(path)
    character(len=:), allocatable :: path
    integer :: length

    call get_command_argument(1, length=length)
    if (length == 0) then
      path = "."
    else
      allocate (character(len=length) :: path)
      call get_command_argument(1, path)
    end if
  end function temp_dir

  !> Deletes a file if it exists.
  subroutine delete_file(path)
    character(len=*), intent(in) :: path
    integer :: unit, ios
    logical :: exists

    inquire (file=path, exist=exists)
    if (.not. exists) return
    open (newunit=unit, file=path, status="old", iostat=ios)
    if (ios == 0) close (unit, status="delete")
  end subroutine delete_file

end program test_oxpar_farm
