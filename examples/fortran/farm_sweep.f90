!> The task for farm_sweep: the Lyapunov exponent of the logistic map
!> x -> r x (1 - x) for one value of r.
module sweep_task
  use, intrinsic :: iso_c_binding, only: c_f_pointer, c_ptr
  use, intrinsic :: iso_fortran_env, only: dp => real64
  use oxpar, only: oxpar_farm_task_error
  implicit none
  private

  public :: points, rate, lyapunov_task, show_progress

  !> The values of r swept, one per task.
  integer, parameter :: points = 1000

contains

  !> The parameter of task `i`: r from 2.5 (task 1) to 4 (the last).
  !> Tasks call it: like every procedure a task calls, it is `recursive`.
  recursive pure function rate(i) result(r)
    integer, intent(in) :: i
    real(dp) :: r

    r = 2.5_dp + 1.5_dp * (i - 1) / (points - 1)
  end function rate

  !> Task `task`: stores the exponent of its r in its own slot of the array
  !> of `points` values that `data` points to. Tasks run concurrently on
  !> several threads: it is `recursive` (its locals on each thread's stack)
  !> and writes nothing but its own slot. The last value of r fails on
  !> purpose, to show how a failure is retried and then reported.
  recursive function lyapunov_task(task, data) result(status)
    integer, intent(in) :: task
    type(c_ptr), intent(in) :: data
    integer :: status
    real(dp), pointer :: exponents(:)
    real(dp) :: r, x, total
    integer :: i, steps

    call c_f_pointer(data, exponents, [points])
    r = rate(task)
    if (task == points) then
      call oxpar_farm_task_error("r = 4: outside the range this model accepts")
      status = 1
      return
    end if
    ! Larger r costs more steps: uneven tasks, which the farm balances.
    steps = 1000 + int(10000 * (r - 2.5_dp))
    x = 0.4_dp
    do i = 1, 500
      x = r * x * (1 - x)
    end do
    total = 0
    do i = 1, steps
      x = r * x * (1 - x)
      total = total + log(max(abs(r * (1 - 2 * x)), 1e-300_dp))
    end do
    exponents(task) = total / steps
    status = 0
  end function lyapunov_task

  !> Progress on standard error: this process's counts, and its rank, which
  !> `data` points to.
  recursive subroutine show_progress(total, done, failed, running, resumed, elapsed, eta, data)
    use, intrinsic :: iso_fortran_env, only: error_unit
    integer, intent(in) :: total, done, failed, running, resumed
    real(dp), intent(in) :: elapsed, eta
    type(c_ptr), intent(in) :: data
    integer, pointer :: rank

    call c_f_pointer(data, rank)
    write (error_unit, '(a, i0, a, i0, a, i0, a, i0, a, i0, a, f5.2, a, f5.2, a)') "  rank ", rank, ": ", &
      done + resumed, "/", total, " done, ", failed, " failed attempts, ", running, " running,", &
      elapsed, " s elapsed,", max(eta, 0.0_dp), " s left"
  end subroutine show_progress

end module sweep_task

!> A parameter sweep on oxpar's task farm: the Lyapunov exponent of the
!> logistic map for 1000 values of r in [2.5, 4] (positive: chaos), each
!> task computing one value into its own slot of an array. It runs on the
!> threads of this process, or, started by mpiexec, on the threads of every
!> rank (an MPI context; each rank then holds the results of the tasks it
!> ran, and oxpar's distributed sums combine them). `make
!> farm-fortran-test` runs it both ways:
!>   farm_sweep
!>   mpiexec -n 2 farm_sweep
program farm_sweep
  use, intrinsic :: iso_c_binding, only: c_loc
  use, intrinsic :: iso_fortran_env, only: dp => real64
  use oxpar
  use sweep_task
  implicit none
  type(oxpar_context) :: ctx
  type(oxpar_farm) :: farm
  type(oxpar_farm_report) :: report
  real(dp), allocatable, target :: exponents(:)
  real(dp), allocatable :: ones(:)
  integer, target :: rank
  integer :: nranks, t, length
  real(dp) :: chaotic, mean

  ! Under mpiexec (Open MPI or MPICH), every rank joins an MPI context; oxpar
  ! initialises MPI itself, and finalizes it at exit.
  call get_environment_variable("OMPI_COMM_WORLD_SIZE", length=length)
  if (length == 0) call get_environment_variable("PMI_SIZE", length=length)
  if (length > 0) then
    call ctx%init("mpi+threads")
  else
    call ctx%init("threads")
  end if
  call oxpar_mpi_rank(ctx, rank, nranks)

  allocate (exponents(points), ones(points))
  exponents = 0
  ones = 1
  call farm%init()
  call farm%set_retries(2)
  call farm%set_progress(show_progress, 0.5_dp, data=c_loc(rank))
  call farm%run(ctx, points, lyapunov_task, report, data=c_loc(exponents))

  ! Slots of tasks run elsewhere hold 0: on an MPI context oxpar_asum and
  ! oxpar_dot add up every rank's array; on threads they are plain sums.
  chaotic = oxpar_asum(ctx, merge(1.0_dp, 0.0_dp, exponents > 0))
  mean = oxpar_dot(ctx, exponents, ones) / report%done()
  if (rank == 0) then
    print '(i0, a, i0, a, i0, a, i0, a, i0, a)', points, " values of r on ", nranks, " rank(s) x ", &
      ctx%num_threads(), " thread(s): ", report%done(), " done, ", report%failed(), " failed"
    do t = 1, points
      if (report%state(t) == OXPAR_TASK_STATE_FAILED) print '(a, i0, a, f6.4, a, i0, a, a)', "  task ", t, &
        " (r = ", rate(t), ") failed after ", report%attempts(t), " attempts: ", report%error(t)
    end do
    print '(a, i0, a, i0, a, f7.4)', "chaotic (exponent > 0) for ", nint(chaotic), " of ", report%done(), &
      " values of r; mean exponent ", mean
  end if

  call report%destroy()
  call farm%destroy()
  call ctx%destroy()
end program farm_sweep
