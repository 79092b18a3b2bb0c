!> Tasks for test_oxpar_farm_mpi: each counts its attempts on this rank in
!> its own slot of the `rank_counts` that `data` points to.
module farm_mpi_test_tasks
  use, intrinsic :: iso_c_binding, only: c_f_pointer, c_ptr
  use oxpar, only: oxpar_farm_task_error
  implicit none
  private

  public :: rank_counts, counting_task

  !> What the tasks of one run share on one rank: slot `i` of `runs` and
  !> `failures` belongs to task `i` (retries of a task never overlap).
  type :: rank_counts
    !> This rank and the number of ranks.
    integer :: me = 0, np = 1
    !> Attempts per task on this rank.
    integer, allocatable :: runs(:)
    !> Failed attempts per task on this rank.
    integer, allocatable :: failures(:)
    !> With n > 0, a task that is a multiple of n fails on its first attempt
    !> on rank mod(task, np): wherever it runs first, it succeeds on its
    !> second attempt at the latest (a retry goes to another worker).
    integer :: fail_first = 0
    !> This task fails on every attempt, with a message naming the rank.
    integer :: always_fail = 0
    !> Where set, the task fails on every attempt (without a message).
    logical, allocatable :: fail(:)
  end type rank_counts

contains

  !> Counts the attempt, then fails or succeeds as `data` (a `rank_counts`) says.
  recursive function counting_task(task, data) result(status)
    integer, intent(in) :: task
    type(c_ptr), intent(in) :: data
    integer :: status
    type(rank_counts), pointer :: counts
    character(len=1), parameter :: digit(0:9) = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]

    call c_f_pointer(data, counts)
    counts%runs(task) = counts%runs(task) + 1
    status = 0
    if (task == counts%always_fail) then
      ! At most 10 ranks in this test: one digit.
      call oxpar_farm_task_error("diverges (rank " // digit(mod(counts%me, 10)) // ")")
      status = 3
    else if (counts%fail_first > 0) then
      if (mod(task, counts%fail_first) == 0 .and. mod(task, counts%np) == counts%me .and. &
        counts%runs(task) == 1) status = 1
    end if
    if (allocated(counts%fail)) then
      if (counts%fail(task)) status = 2
    end if
    if (status /= 0) counts%failures(task) = counts%failures(task) + 1
  end function counting_task

end module farm_mpi_test_tasks

!> The task farm of the module `oxpar` on an MPI context ("mpi+threads:2",
!> MPI initialised with MPI_THREAD_MULTIPLE so that each rank runs tasks on
!> both threads), under mpiexec with any number of ranks (`make
!> farm-fortran-test` runs 1 to 4): every task runs exactly once over all
!> ranks (per-task counts added up with MPI_Allreduce), injected failures
!> are retried and a task that always fails ends FAILED after retries + 1
!> attempts, every rank gets the same outcomes and messages, a checkpoint
!> (one file per rank) makes a second run redo only the failed tasks, and an
!> argument one rank rejects is an error on every rank, not a deadlock.
!> Temporary files go to the folder given as the first argument.
program test_oxpar_farm_mpi
  use, intrinsic :: iso_c_binding, only: c_loc
  use, intrinsic :: iso_fortran_env, only: error_unit
  use mpi
  use oxpar
  use oxpar_testing, only: has
  use farm_mpi_test_tasks
  implicit none
  type(oxpar_context) :: ctx
  integer :: me, np, ierr, st, provided, last
  integer :: passed = 0, failed = 0, totals(2)
  character(len=:), allocatable :: msg, dir

  call MPI_Init_thread(MPI_THREAD_MULTIPLE, provided, ierr)
  call MPI_Comm_rank(MPI_COMM_WORLD, me, ierr)
  call MPI_Comm_size(MPI_COMM_WORLD, np, ierr)
  last = np - 1
  dir = temp_dir()

  call ctx%init_mpi(MPI_COMM_WORLD, "mpi+threads:2", stat=st, errmsg=msg)
  call check(st == OXPAR_STATUS_OK, "init_mpi: " // msg)
  if (st == OXPAR_STATUS_OK) then
    call check_once()
    call check_failures()
    call check_checkpoint()
    call check_rejected()
  end if
  call ctx%destroy()

  totals = [passed, failed]
  call MPI_Allreduce(MPI_IN_PLACE, totals, 2, MPI_INTEGER, MPI_SUM, MPI_COMM_WORLD, ierr)
  if (me == 0) write (*, '(a, i0, a, i0, a, i0, a)') "test_oxpar_farm_mpi, mpiexec -n ", np, ": ", totals(1), &
    " passed, ", totals(2), " failed"
  call MPI_Finalize(ierr)
  if (totals(2) > 0) error stop 1

contains

  !> Records one check on this rank; `what` names it when it fails.
  subroutine check(ok, what)
    logical, intent(in) :: ok
    character(len=*), intent(in) :: what

    if (ok) then
      passed = passed + 1
    else
      failed = failed + 1
      write (error_unit, '(a, i0, a, i0, a)') "FAILED (rank ", me, " of ", np, "): " // what
    end if
  end subroutine check

  !> Without failures: every task exactly once over all ranks, DONE everywhere.
  subroutine check_once()
    integer, parameter :: n = 600
    type(oxpar_farm) :: farm
    type(oxpar_farm_report) :: report
    type(rank_counts), target :: counts
    integer :: total(n)

    call farm%init()
    call reset(counts, n)
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK, "run: " // msg)
    call MPI_Allreduce(counts%runs, total, n, MPI_INTEGER, MPI_SUM, MPI_COMM_WORLD, ierr)
    call check(all(total == 1), "every task ran exactly once over all ranks")
    call check(report%ntasks() == n .and. report%done() == n .and. report%failed() == 0, &
      "every rank's report has every task done")
    call check(same_outcomes(report), "same outcomes on every rank")
    call report%destroy()
    call farm%destroy()
  end subroutine check_once

  !> Failures on a first attempt are retried on another worker; task n fails
  !> on every attempt. The report's attempts are the attempts made over all
  !> ranks, and every rank has the same outcomes and message.
  subroutine check_failures()
    integer, parameter :: n = 500
    type(oxpar_farm) :: farm
    type(oxpar_farm_report) :: report
    type(rank_counts), target :: counts
    integer :: runs(n), failures(n), t, attempts(n)
    logical :: ok
    character(len=:), allocatable :: text

    call farm%init()
    call reset(counts, n)
    counts%fail_first = 5
    counts%always_fail = n
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK, "run with failures: " // msg)
    call MPI_Allreduce(counts%runs, runs, n, MPI_INTEGER, MPI_SUM, MPI_COMM_WORLD, ierr)
    call MPI_Allreduce(counts%failures, failures, n, MPI_INTEGER, MPI_SUM, MPI_COMM_WORLD, ierr)
    call check(report%done() == n - 1 .and. report%failed() == 1, "done and failed counts")
    attempts = [(report%attempts(t), t = 1, n)]
    call check(all(attempts == runs), "the report's attempts are the runs over all ranks")
    ok = .true.
    do t = 1, n - 1
      ok = ok .and. report%state(t) == OXPAR_TASK_STATE_DONE .and. attempts(t) == failures(t) + 1 .and. &
        report%error(t) == ""
      if (mod(t, 5) /= 0) ok = ok .and. attempts(t) == 1
      if (mod(t, 5) == 0) ok = ok .and. attempts(t) <= 2
      ! On one rank every task runs there first, so every multiple of 5 fails once.
      if (np == 1 .and. mod(t, 5) == 0) ok = ok .and. attempts(t) == 2
    end do
    call check(ok, "failed first attempts succeeded on their retry")
    call check(report%state(n) == OXPAR_TASK_STATE_FAILED .and. attempts(n) == 3 .and. failures(n) == 3, &
      "the task that always fails: FAILED after 1 + 2 retries")
    text = report%error(n)
    call check(has(text, "diverges (rank "), "its message: " // text)
    call check(same_text(text), "its message is the same on every rank: " // text)
    call check(same_outcomes(report), "same outcomes on every rank")

    ! Retries 0: each injected failure is final.
    call farm%set_retries(0)
    call reset(counts, n)
    counts%fail_first = 5
    counts%always_fail = n
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts))
    call MPI_Allreduce(counts%failures, failures, n, MPI_INTEGER, MPI_SUM, MPI_COMM_WORLD, ierr)
    call check(report%failed() == count(failures > 0) .and. report%attempts(n) == 1 .and. &
      all([(report%attempts(t), t = 1, n)] == 1), "retries 0: one attempt each")
    ok = .true.
    do t = 1, n
      if (failures(t) > 0) ok = ok .and. report%state(t) == OXPAR_TASK_STATE_FAILED
      if (failures(t) == 0) ok = ok .and. report%state(t) == OXPAR_TASK_STATE_DONE
    end do
    call check(ok, "retries 0: exactly the tasks that failed are FAILED")
    if (np == 1) call check(report%failed() == n / 5, "retries 0 on one rank: every multiple of 5 failed")
    call check(same_outcomes(report), "retries 0: same outcomes on every rank")
    call report%destroy()
    call farm%destroy()
  end subroutine check_failures

  !> A checkpoint under MPI (a file per rank): the first run leaves two tasks
  !> failed, the second runs only those two, on some rank.
  subroutine check_checkpoint()
    integer, parameter :: n = 64
    type(oxpar_farm) :: farm
    type(oxpar_farm_report) :: report
    type(rank_counts), target :: counts
    character(len=:), allocatable :: path
    integer :: runs(n), t
    logical :: ok

    path = dir // "/test_oxpar_farm_mpi.checkpoint"
    call delete_checkpoint(path)
    call farm%init()
    call farm%set_retries(0)
    call farm%set_checkpoint(path)
    call reset(counts, n)
    allocate (counts%fail(n))
    counts%fail = .false.
    counts%fail([5, 40]) = .true.
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK .and. report%done() == n - 2 .and. report%failed() == 2, &
      "checkpoint: first run: " // msg)

    counts%fail = .false.
    counts%runs = 0
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK .and. report%done() == 2 .and. report%resumed() == n - 2, &
      "checkpoint: second run resumes the others: " // msg)
    call MPI_Allreduce(counts%runs, runs, n, MPI_INTEGER, MPI_SUM, MPI_COMM_WORLD, ierr)
    ok = runs(5) == 1 .and. runs(40) == 1 .and. sum(runs) == 2
    do t = 1, n
      if (t == 5 .or. t == 40) then
        ok = ok .and. report%state(t) == OXPAR_TASK_STATE_DONE
      else
        ok = ok .and. report%state(t) == OXPAR_TASK_STATE_RESUMED .and. report%attempts(t) == 0
      end if
    end do
    call check(ok, "checkpoint: the second run ran tasks 5 and 40 only, once each")
    call check(same_outcomes(report), "checkpoint: same outcomes on every rank")
    call report%destroy()
    call farm%destroy()
    call delete_checkpoint(path)
  end subroutine check_checkpoint

  !> Arguments that the last rank alone gets wrong: an error on every rank
  !> (no deadlock), after which the farm runs again.
  subroutine check_rejected()
    integer, parameter :: n = 20
    type(oxpar_farm) :: farm, other
    type(oxpar_farm_report) :: report
    type(rank_counts), target :: counts
    integer :: ntasks

    call farm%init()
    call reset(counts, n)

    ntasks = n
    if (me == last) ntasks = -1
    call farm%run(ctx, ntasks, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    if (me == last) then
      call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "ntasks"), "ntasks -1 (this rank): " // msg)
    else
      call check(st /= OXPAR_STATUS_OK .and. has(msg, "rank"), "ntasks -1 on another rank: " // msg)
    end if
    call check(report%ntasks() == 0, "no report after a rejected run")

    ! The last rank's farm is not initialised.
    if (me /= last) call other%init()
    call other%run(ctx, n, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    if (me == last) then
      call check(st == OXPAR_STATUS_NULL_POINTER .and. has(msg, "farm"), "no farm (this rank): " // msg)
    else
      call check(st /= OXPAR_STATUS_OK .and. has(msg, "rank"), "no farm on another rank: " // msg)
    end if
    call check(all(counts%runs == 0), "no task ran in the rejected runs")

    ! Ranks running different farms (retries): an error on every rank.
    if (me == last) call farm%set_retries(5)
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    if (np > 1) call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "retries"), &
      "different retries: " // msg)
    call farm%set_retries(2)

    ! Everything still works.
    call reset(counts, n)
    call farm%run(ctx, n, counting_task, report, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK .and. report%done() == n, "the farm runs after the errors: " // msg)
    call report%destroy()
    call other%destroy()
    call farm%destroy()
  end subroutine check_rejected

  !> Whether every rank's report has the same state and attempts for every task.
  function same_outcomes(report) result(same)
    type(oxpar_farm_report), intent(in) :: report
    logical :: same
    integer, allocatable :: mine(:), low(:), high(:)
    integer :: t, n

    n = report%ntasks()
    allocate (mine(2 * n), low(2 * n), high(2 * n))
    mine = [([report%state(t), report%attempts(t)], t = 1, n)]
    call MPI_Allreduce(mine, low, 2 * n, MPI_INTEGER, MPI_MIN, MPI_COMM_WORLD, ierr)
    call MPI_Allreduce(mine, high, 2 * n, MPI_INTEGER, MPI_MAX, MPI_COMM_WORLD, ierr)
    same = all(low == high) .and. all(low >= 0)
  end function same_outcomes

  !> Whether `text` is the same on every rank (rank 0's, broadcast).
  function same_text(text) result(same)
    character(len=*), intent(in) :: text
    logical :: same
    character(len=256) :: root
    integer :: flag

    root = text
    call MPI_Bcast(root, len(root), MPI_CHARACTER, 0, MPI_COMM_WORLD, ierr)
    flag = merge(1, 0, root == text .and. len(text) <= len(root))
    call MPI_Allreduce(MPI_IN_PLACE, flag, 1, MPI_INTEGER, MPI_MIN, MPI_COMM_WORLD, ierr)
    same = flag == 1
  end function same_text

  !> Zero attempts for `n` tasks on this rank, and no failures.
  subroutine reset(counts, n)
    type(rank_counts), intent(inout) :: counts
    integer, intent(in) :: n

    counts = rank_counts()
    counts%me = me
    counts%np = np
    allocate (counts%runs(n), counts%failures(n))
    counts%runs = 0
    counts%failures = 0
  end subroutine reset

  !> Deletes a checkpoint's files, `path.rank0` to `path.rank15` (rank 0
  !> deletes; the other ranks wait for it).
  subroutine delete_checkpoint(path)
    character(len=*), intent(in) :: path
    character(len=8) :: suffix
    integer :: r, unit, ios
    logical :: exists

    if (me == 0) then
      do r = 0, 15
        write (suffix, '(a, i0)') ".rank", r
        inquire (file=path // trim(suffix), exist=exists)
        if (.not. exists) cycle
        open (newunit=unit, file=path // trim(suffix), status="old", iostat=ios)
        if (ios == 0) close (unit, status="delete")
      end do
    end if
    call MPI_Barrier(MPI_COMM_WORLD, ierr)
  end subroutine delete_checkpoint

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

end program test_oxpar_farm_mpi
