!> Parallel loops over your own Fortran code: `parallel_for` fills an array,
!> `parallel_reduce` sums it into a derived-type accumulator, on a context's
!> threads. The loop bodies are `bind(C)` procedures with the C API's
!> signature; they run concurrently, each iteration once.
!>
!>   gfortran -Ibindings/fortran/build examples/fortran/parallel_loops.f90 \
!>     bindings/fortran/build/liboxpar_fortran.a -Ltarget/debug -loxpar -Wl,-rpath,"$PWD/target/debug"
module parallel_loops_bodies
  use, intrinsic :: iso_c_binding, only: c_double, c_f_pointer, c_int64_t, c_ptr, c_size_t
  implicit none
  private
  public :: n, sum_count, fill_squares, add_range, combine

  !> The number of iterations.
  integer, parameter :: n = 100000

  !> The accumulator: each thread gets its own copy of the identity.
  type, bind(C) :: sum_count
    real(c_double) :: sum = 0
    integer(c_int64_t) :: count = 0
  end type sum_count

contains

  !> Iterations `begin` to `end - 1` (the loop's own numbering, here 1 to
  !> n): each index belongs to exactly one call, so the writes never collide.
  recursive subroutine fill_squares(begin, end, data) bind(C)
    integer(c_size_t), value :: begin, end
    type(c_ptr), value :: data
    real(c_double), pointer :: v(:)
    integer(c_size_t) :: i

    call c_f_pointer(data, v, [n])
    do i = begin, end - 1
      v(i) = real(i, c_double)**2
    end do
  end subroutine fill_squares

  !> Folds `v(begin:end-1)` into this thread's accumulator.
  recursive subroutine add_range(begin, end, acc, data) bind(C)
    integer(c_size_t), value :: begin, end
    type(c_ptr), value :: acc, data
    type(sum_count), pointer :: s
    real(c_double), pointer :: v(:)
    integer(c_size_t) :: i

    call c_f_pointer(acc, s)
    call c_f_pointer(data, v, [n])
    do i = begin, end - 1
      s%sum = s%sum + v(i)
      s%count = s%count + 1
    end do
  end subroutine add_range

  !> `acc := acc + other`.
  recursive subroutine combine(acc, other, data) bind(C)
    type(c_ptr), value :: acc, other, data
    type(sum_count), pointer :: a, b
    real(c_double), pointer :: v(:)

    call c_f_pointer(acc, a)
    call c_f_pointer(other, b)
    call c_f_pointer(data, v, [n])   ! the loop's data reaches combine too (unused here)
    a%sum = a%sum + b%sum
    a%count = a%count + b%count
  end subroutine combine

end module parallel_loops_bodies

program parallel_loops
  use, intrinsic :: iso_c_binding, only: c_loc
  use, intrinsic :: iso_fortran_env, only: dp => real64
  use oxpar
  use parallel_loops_bodies
  implicit none
  type(oxpar_context) :: ctx
  real(dp), allocatable, target :: v(:)
  type(sum_count), target :: total   ! the identity on entry, the result on return
  real(dp) :: expected
  integer :: st
  character(len=:), allocatable :: msg

  allocate (v(n))
  expected = real(n, dp) * (n + 1) * (2 * n + 1) / 6
  call ctx%init("threads")
  call ctx%parallel_for(1, n, fill_squares, data=c_loc(v))
  call ctx%parallel_reduce(1, n, add_range, combine, c_loc(total), storage_size(total) / 8, &
    schedule=OXPAR_SCHEDULE_DYNAMIC, chunk=1024, data=c_loc(v))
  write (*, '(a, i0, a, f0.0, a, i0, a)') "sum of i*i for i = 1..", n, ": ", total%sum, " over ", total%count, &
    " iterations"
  write (*, '(a, f0.0)') "expected: ", expected

  ! A mistake gives a status and a message (without stat, it stops the program).
  call ctx%parallel_for(1, n, fill_squares, schedule=5, data=c_loc(v), stat=st, errmsg=msg)
  write (*, '(a, a)') "schedule=5: ", oxpar_status_str(st)
  call ctx%destroy()
  if (abs(total%sum - expected) > 0 .or. total%count /= n .or. st /= OXPAR_STATUS_INVALID_ARGUMENT) then
    write (*, '(a)') "parallel_loops: WRONG: " // msg
    error stop 1
  end if
end program parallel_loops
