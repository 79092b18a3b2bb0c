!> The loop bodies of test_oxpar_loops: `bind(C)` procedures with the C
!> API's signatures, run concurrently on the context's threads.
module loops_bodies
  use, intrinsic :: iso_c_binding, only: c_associated, c_double, c_f_pointer, c_float, c_int32_t, c_int64_t, &
    c_ptr, c_size_t
  implicit none
  private

  public :: nmax, stats, count_visits, sum_i64, sum_dp, sum_sp, sum_i32, add_i64, add_dp, add_sp, add_i32
  public :: sum_stats, add_stats, sum_squares_data, no_data

  !> The largest loop tested: `counts` arrays have `nmax + 1` slots (iterations 0 to nmax).
  integer, parameter :: nmax = 100003

  !> An accumulator of a derived type: passed by `c_loc` and size.
  type, bind(C) :: stats
    real(c_double) :: total = 0
    integer(c_int64_t) :: count = 0
    integer(c_int64_t) :: largest = -huge(0_c_int64_t)
  end type stats

contains

  !> Adds 1 to `counts(i + 1)` for every iteration `i` of its range: each
  !> slot belongs to one iteration, so the writes of different calls never
  !> meet (no atomics), and a slot ends at 1 only if its iteration ran once.
  recursive subroutine count_visits(begin, end, data) bind(C)
    integer(c_size_t), value :: begin, end
    type(c_ptr), value :: data
    integer, pointer :: counts(:)
    integer(c_size_t) :: i

    call c_f_pointer(data, counts, [nmax + 1])
    do i = begin, end - 1
      counts(i + 1) = counts(i + 1) + 1
    end do
  end subroutine count_visits

  recursive subroutine sum_i64(begin, end, acc, data) bind(C)
    integer(c_size_t), value :: begin, end
    type(c_ptr), value :: acc, data
    integer(c_int64_t), pointer :: s
    integer(c_size_t) :: i

    call c_f_pointer(acc, s)
    call unused(data)
    do i = begin, end - 1
      s = s + i
    end do
  end subroutine sum_i64

  recursive subroutine add_i64(acc, other, data) bind(C)
    type(c_ptr), value :: acc, other, data
    integer(c_int64_t), pointer :: a, b

    call c_f_pointer(acc, a)
    call unused(data)
    call c_f_pointer(other, b)
    a = a + b
  end subroutine add_i64

  recursive subroutine sum_i32(begin, end, acc, data) bind(C)
    integer(c_size_t), value :: begin, end
    type(c_ptr), value :: acc, data
    integer(c_int32_t), pointer :: s
    integer(c_size_t) :: i

    call c_f_pointer(acc, s)
    call unused(data)
    do i = begin, end - 1
      s = s + int(i, c_int32_t)
    end do
  end subroutine sum_i32

  recursive subroutine add_i32(acc, other, data) bind(C)
    type(c_ptr), value :: acc, other, data
    integer(c_int32_t), pointer :: a, b

    call c_f_pointer(acc, a)
    call unused(data)
    call c_f_pointer(other, b)
    a = a + b
  end subroutine add_i32

  recursive subroutine sum_dp(begin, end, acc, data) bind(C)
    integer(c_size_t), value :: begin, end
    type(c_ptr), value :: acc, data
    real(c_double), pointer :: s
    integer(c_size_t) :: i

    call c_f_pointer(acc, s)
    call unused(data)
    do i = begin, end - 1
      s = s + real(i, c_double)
    end do
  end subroutine sum_dp

  recursive subroutine add_dp(acc, other, data) bind(C)
    type(c_ptr), value :: acc, other, data
    real(c_double), pointer :: a, b

    call c_f_pointer(acc, a)
    call unused(data)
    call c_f_pointer(other, b)
    a = a + b
  end subroutine add_dp

  recursive subroutine sum_sp(begin, end, acc, data) bind(C)
    integer(c_size_t), value :: begin, end
    type(c_ptr), value :: acc, data
    real(c_float), pointer :: s
    integer(c_size_t) :: i

    call c_f_pointer(acc, s)
    call unused(data)
    do i = begin, end - 1
      s = s + real(i, c_float)
    end do
  end subroutine sum_sp

  recursive subroutine add_sp(acc, other, data) bind(C)
    type(c_ptr), value :: acc, other, data
    real(c_float), pointer :: a, b

    call c_f_pointer(acc, a)
    call unused(data)
    call c_f_pointer(other, b)
    a = a + b
  end subroutine add_sp

  !> Sum, count and largest iteration of its range into a `stats`.
  recursive subroutine sum_stats(begin, end, acc, data) bind(C)
    integer(c_size_t), value :: begin, end
    type(c_ptr), value :: acc, data
    type(stats), pointer :: s
    integer(c_size_t) :: i

    call c_f_pointer(acc, s)
    call unused(data)
    do i = begin, end - 1
      s%total = s%total + real(i, c_double)
      s%count = s%count + 1
      s%largest = max(s%largest, int(i, c_int64_t))
    end do
  end subroutine sum_stats

  recursive subroutine add_stats(acc, other, data) bind(C)
    type(c_ptr), value :: acc, other, data
    type(stats), pointer :: a, b

    call c_f_pointer(acc, a)
    call unused(data)
    call c_f_pointer(other, b)
    a%total = a%total + b%total
    a%count = a%count + b%count
    a%largest = max(a%largest, b%largest)
  end subroutine add_stats

  !> The sum of `x(i + 1)**2` over its range, `x` being the loop's data.
  recursive subroutine sum_squares_data(begin, end, acc, data) bind(C)
    integer(c_size_t), value :: begin, end
    type(c_ptr), value :: acc, data
    real(c_double), pointer :: s, x(:)
    integer(c_size_t) :: i

    call c_f_pointer(acc, s)
    call c_f_pointer(data, x, [end])
    do i = begin, end - 1
      s = s + x(i + 1)**2
    end do
  end subroutine sum_squares_data

  !> Counts 1 per iteration, or a huge number if `data` is not null (the
  !> loop was called without data, so it must be).
  recursive subroutine no_data(begin, end, acc, data) bind(C)
    integer(c_size_t), value :: begin, end
    type(c_ptr), value :: acc, data
    integer(c_int64_t), pointer :: s

    call c_f_pointer(acc, s)
    if (c_associated(data)) then
      s = s + 1000000000_c_int64_t
    else
      s = s + int(end - begin, c_int64_t)
    end if
  end subroutine no_data

  !> Marks a callback's `data` as deliberately unused.
  recursive subroutine unused(data)
    type(c_ptr), intent(in) :: data

    if (.false.) print *, c_associated(data)
  end subroutine unused

end module loops_bodies

!> `oxpar_context%parallel_for` and `%parallel_reduce` on threads (3, an
!> uneven count, and 1) and serial contexts: every iteration visited exactly
!> once under each schedule and chunk, sums against their closed forms in
!> every accumulator kind, empty and one-iteration loops, 1-based and 0-based
!> bounds, default and int64 bounds, and the errors (a bad schedule or chunk,
!> a negative first, an uninitialised context) with Fortran messages.
program test_oxpar_loops
  use, intrinsic :: iso_c_binding, only: c_loc, c_null_ptr
  use, intrinsic :: iso_fortran_env, only: dp => real64, sp => real32, int32, int64
  use oxpar
  use oxpar_testing, only: check, has, summary
  use loops_bodies
  implicit none
  type(oxpar_context) :: ctx, none
  integer, allocatable, target :: counts(:)
  character(len=*), parameter :: specs(3) = [character(len=9) :: "threads:3", "threads:1", "serial"]
  integer, parameter :: schedules(3) = [OXPAR_SCHEDULE_STATIC, OXPAR_SCHEDULE_DYNAMIC, OXPAR_SCHEDULE_GUIDED]
  integer, parameter :: chunks(3) = [0, 1, 7]
  integer, parameter :: sizes(6) = [0, 1, 2, 3, 1000, nmax]
  integer :: st, is, isch, ic, in, n
  character(len=:), allocatable :: msg, what

  allocate (counts(nmax + 1))
  do is = 1, size(specs)
    call ctx%init(trim(specs(is)))
    do isch = 1, size(schedules)
      do ic = 1, size(chunks)
        do in = 1, size(sizes)
          n = sizes(in)
          what = trim(specs(is)) // " schedule " // str(schedules(isch)) // " chunk " // str(chunks(ic)) &
            // " n " // str(n)
          call check_visits(1, n, schedules(isch), chunks(ic), what // " 1..n")
          call check_visits(0, n - 1, schedules(isch), chunks(ic), what // " 0..n-1")
          call check_sums(n, schedules(isch), chunks(ic), what)
        end do
      end do
    end do
    call check_defaults(trim(specs(is)))
  end do
  call ctx%init("threads:3")
  call check_errors()
  call check_data()
  call ctx%destroy()
  call summary()

contains

  !> parallel_for over first..last: every slot in the range visited once, none outside.
  subroutine check_visits(first, last, schedule, chunk, what)
    integer, intent(in) :: first, last, schedule, chunk
    character(len=*), intent(in) :: what
    integer :: lo

    counts = 0
    call ctx%parallel_for(first, last, count_visits, schedule=schedule, chunk=chunk, data=c_loc(counts), &
      stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK .and. msg == "", what // ": status " // msg)
    lo = first + 1
    if (last >= first) then
      call check(all(counts(lo:last + 1) == 1), what // ": every iteration once")
    end if
    call check(count(counts /= 0) == max(last - first + 1, 0), what // ": nothing outside the range")
    ! The same with int64 bounds.
    counts = 0
    call ctx%parallel_for(int(first, int64), int(last, int64), count_visits, schedule=schedule, chunk=chunk, &
      data=c_loc(counts), stat=st)
    call check(st == OXPAR_STATUS_OK .and. count(counts == 1) == max(last - first + 1, 0) .and. &
      count(counts /= 0) == max(last - first + 1, 0), what // ": int64 bounds")
  end subroutine check_visits

  !> The sum of 1..n in every accumulator kind against n(n+1)/2.
  subroutine check_sums(n, schedule, chunk, what)
    integer, intent(in) :: n, schedule, chunk
    character(len=*), intent(in) :: what
    integer(int64) :: s64, expected
    integer(int32) :: s32
    real(dp) :: sdp
    real(sp) :: ssp
    type(stats), target :: s

    expected = int(n, int64) * (n + 1) / 2
    s64 = 0
    call ctx%parallel_reduce(1, n, sum_i64, add_i64, s64, schedule=schedule, chunk=chunk, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK .and. s64 == expected, what // ": int64 sum " // str64(s64) // " " // msg)
    s64 = 0
    call ctx%parallel_reduce(1_int64, int(n, int64), sum_i64, add_i64, s64, schedule=schedule, chunk=chunk, &
      stat=st)
    call check(st == OXPAR_STATUS_OK .and. s64 == expected, what // ": int64 sum, int64 bounds")
    ! Exact in double: every partial sum is an integer below 2**53.
    sdp = 0
    call ctx%parallel_reduce(1, n, sum_dp, add_dp, sdp, schedule=schedule, chunk=chunk, stat=st)
    call check(st == OXPAR_STATUS_OK .and. abs(sdp - real(expected, dp)) <= 0, what // ": real64 sum")
    if (n <= 1000) then
      ! Exact in float (below 2**24) and int32.
      ssp = 0
      call ctx%parallel_reduce(1, n, sum_sp, add_sp, ssp, schedule=schedule, chunk=chunk, stat=st)
      call check(st == OXPAR_STATUS_OK .and. abs(ssp - real(expected, sp)) <= 0, what // ": real32 sum")
      s32 = 0
      call ctx%parallel_reduce(1, n, sum_i32, add_i32, s32, schedule=schedule, chunk=chunk, stat=st)
      call check(st == OXPAR_STATUS_OK .and. s32 == expected, what // ": int32 sum")
    end if
    ! A derived-type accumulator by address and size.
    s = stats()
    call ctx%parallel_reduce(1, n, sum_stats, add_stats, c_loc(s), storage_size(s) / 8, schedule=schedule, &
      chunk=chunk, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_OK .and. abs(s%total - real(expected, dp)) <= 0 .and. s%count == n, &
      what // ": stats sum and count " // msg)
    if (n > 0) then
      call check(s%largest == n, what // ": stats largest")
    else
      call check(s%largest == -huge(0_int64), what // ": an empty loop leaves the identity")
    end if
  end subroutine check_sums

  !> No schedule, chunk or data: static, one block per thread, c_null_ptr.
  subroutine check_defaults(spec)
    character(len=*), intent(in) :: spec
    integer(int64) :: s64

    counts = 0
    call ctx%parallel_for(1, 10, count_visits, data=c_loc(counts))
    call check(all(counts(2:11) == 1) .and. count(counts /= 0) == 10, spec // ": defaults")
    s64 = 0
    call ctx%parallel_reduce(1, 1000, no_data, add_i64, s64)
    call check(s64 == 1000, spec // ": no data means c_null_ptr, got " // str64(s64))
    ! An empty loop gives back the identity as it came in.
    s64 = 5
    call ctx%parallel_reduce(1, 0, sum_i64, add_i64, s64)
    call check(s64 == 5, spec // ": empty loop returns the identity")
  end subroutine check_defaults

  !> Data through c_loc: a sum of squares against the closed form.
  subroutine check_data()
    real(dp), allocatable, target :: x(:)
    real(dp) :: s
    integer :: i, n

    n = 5000
    allocate (x(n))
    x = [(real(i, dp), i = 1, n)]
    s = 0
    call ctx%parallel_reduce(0, n - 1, sum_squares_data, add_dp, s, schedule=OXPAR_SCHEDULE_DYNAMIC, chunk=64, &
      data=c_loc(x), stat=st)
    call check(st == OXPAR_STATUS_OK .and. abs(s - real(n, dp) * (n + 1) * (2 * n + 1) / 6) <= 0, "sum of squares via data")
  end subroutine check_data

  !> Bad arguments: a status and a message naming the Fortran procedure and
  !> the argument; the accumulator untouched; no iteration run.
  subroutine check_errors()
    real(dp) :: s
    integer(int64), target :: s64
    integer :: stop_status

    counts = 0
    call ctx%parallel_for(1, 10, count_visits, schedule=7, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "oxpar_context%parallel_for: schedule") .and. &
      has(msg, "OXPAR_SCHEDULE_GUIDED") .and. all(counts == 0), "schedule 7: " // msg)
    call ctx%parallel_for(1, 10, count_visits, schedule=-1, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "schedule"), "schedule -1: " // msg)
    ! Checked even when the loop is empty.
    call ctx%parallel_for(1, 0, count_visits, schedule=3, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "schedule"), "schedule 3, empty loop: " // msg)
    call ctx%parallel_for(1, 10, count_visits, chunk=-1, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "oxpar_context%parallel_for: chunk") .and. &
      all(counts == 0), "chunk -1: " // msg)
    call ctx%parallel_for(-1, 10, count_visits, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "first") .and. has(msg, "-1") .and. &
      all(counts == 0), "first -1: " // msg)
    s = 42
    call ctx%parallel_reduce(1, 10, sum_dp, add_dp, s, schedule=9, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "oxpar_context%parallel_reduce: schedule") &
      .and. abs(s - 42) <= 0, "reduce schedule 9: " // msg)
    call ctx%parallel_reduce(1, 10, sum_dp, add_dp, s, chunk=-5, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "chunk") .and. abs(s - 42) <= 0, "reduce chunk -5: " // msg)
    call ctx%parallel_reduce(1, 10, sum_i64, add_i64, c_null_ptr, 8, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "acc"), "reduce into c_null_ptr: " // msg)
    s64 = 0
    call ctx%parallel_reduce(1, 10, sum_i64, add_i64, c_loc(s64), 0, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_INVALID_ARGUMENT .and. has(msg, "acc_bytes") .and. s64 == 0, &
      "reduce with acc_bytes 0: " // msg)

    ! An uninitialised context: the message speaks Fortran, not C.
    call none%parallel_for(1, 10, count_visits, data=c_loc(counts), stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. has(msg, "oxpar_context%parallel_for: ctx") .and. &
      has(msg, "ctx%init") .and. .not. has(msg, "oxpar_context_create") .and. .not. has(msg, "NULL"), &
      "parallel_for on an uninitialised context: " // msg)
    call none%parallel_reduce(1, 10, sum_dp, add_dp, s, stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. has(msg, "ctx%init") .and. abs(s - 42) <= 0, &
      "parallel_reduce on an uninitialised context: " // msg)
    s = oxpar_dot(none, [1.0_dp], [1.0_dp], stat=st, errmsg=msg)
    call check(st == OXPAR_STATUS_NULL_POINTER .and. has(msg, "oxpar_dot: ctx: ") .and. &
      .not. has(msg, "oxpar_ddot") .and. has(msg, "ctx%init"), "dot on an uninitialised context: " // msg)

    ! The context still works after the errors.
    counts = 0
    call ctx%parallel_for(1, 10, count_visits, data=c_loc(counts), stat=stop_status)
    call check(stop_status == OXPAR_STATUS_OK .and. count(counts == 1) == 10, "works after the errors")
  end subroutine check_errors

  pure function str(i) result(s)
    integer, intent(in) :: i
    character(len=:), allocatable :: s
    character(len=24) :: buf

    write (buf, '(i0)') i
    s = trim(buf)
  end function str

  pure function str64(i) result(s)
    integer(int64), intent(in) :: i
    character(len=:), allocatable :: s
    character(len=24) :: buf

    write (buf, '(i0)') i
    s = trim(buf)
  end function str64

end program test_oxpar_loops
