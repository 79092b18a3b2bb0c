!> Reproducible mode of the module `oxpar`: `set_reproducible`/`reproducible`,
!> and `oxpar_dot`, `oxpar_nrm2`, `oxpar_asum`, `oxpar_sum` giving the same
!> bits on serial and threads:1/2/3 contexts (compared through `transfer` to
!> integers) for n = 0, 1, 17 and 100003 on hostile data (exact cancellation
!> over a thousand binades, subnormals, random signs), for array sections
!> with strides and reversed; correctly rounded values known here.
program test_oxpar_reproducible
  use, intrinsic :: iso_fortran_env, only: sp => real32, dp => real64, int32, int64
  use, intrinsic :: ieee_arithmetic, only: ieee_is_nan, ieee_value, ieee_positive_inf
  use oxpar
  use oxpar_testing, only: check, has, summary
  implicit none
  character(len=*), parameter :: specs(3) = [character(len=9) :: "threads:1", "threads:2", "threads:3"]
  integer, parameter :: sizes(4) = [0, 1, 17, 100003]
  type(oxpar_context) :: serial, threads(3), plain
  integer :: st, i, k
  character(len=:), allocatable :: msg
  character(len=64) :: env
  integer :: env_len, env_stat
  integer, allocatable :: seed(:)

  ! The same data on every run.
  call random_seed(size=k)
  allocate (seed(k))
  seed = [(1234 + 17 * i, i = 1, k)]
  call random_seed(put=seed)

  ! A new context follows OXPAR_REPRODUCIBLE: off when it is unset.
  call get_environment_variable("OXPAR_REPRODUCIBLE", env, env_len, env_stat)
  call plain%init("threads:2")
  if (env_stat /= 0) call check(.not. plain%reproducible(), "off by default")
  call plain%set_reproducible(.false.)
  call check(.not. plain%reproducible(), "set_reproducible(.false.)")
  ! The ordinary sum of {1e100, 1, -1e100} is 0; the reproducible one is 1.
  call check(same_dp(oxpar_sum(plain, [1e100_dp, 1.0_dp, -1e100_dp]), 0.0_dp), "ordinary sum")
  call check(same_sp(oxpar_sum(plain, [1.0_sp, 2.5_sp, -0.5_sp]), 3.0_sp), "ordinary real32 sum")
  call plain%set_reproducible(.true., stat=st, errmsg=msg)
  call check(st == OXPAR_STATUS_OK .and. msg == "" .and. plain%reproducible(), "set_reproducible(.true.)")
  call check(same_dp(oxpar_sum(plain, [1e100_dp, 1.0_dp, -1e100_dp]), 1.0_dp), "reproducible sum")
  call plain%set_num_threads(3)
  call check(plain%reproducible(), "set_num_threads keeps the mode")
  call plain%destroy()
  call check(.not. plain%reproducible(), "a destroyed context is not reproducible")
  call plain%set_reproducible(.true., stat=st, errmsg=msg)
  call check(st == OXPAR_STATUS_NULL_POINTER .and. has(msg, "oxpar_context%set_reproducible: ctx: ") .and. &
    has(msg, "ctx%init") .and. .not. has(msg, "oxpar_context_create"), &
    "set_reproducible on no context: " // msg)

  call serial%init("serial")
  call serial%set_reproducible(.true.)
  do k = 1, 3
    call threads(k)%init(specs(k))
    call threads(k)%set_reproducible(.true.)
    call check(threads(k)%reproducible(), "reproducible " // specs(k))
  end do

  do i = 1, size(sizes)
    call compare_dp(sizes(i))
    call compare_sp(sizes(i))
  end do

  call known_values(serial)
  do k = 1, 3
    call known_values(threads(k))
  end do

  call serial%destroy()
  do k = 1, 3
    call threads(k)%destroy()
  end do
  call summary()

contains

  !> A random value with a 53-bit significand, random sign and exponent in
  !> [-500, 500]; one in eight a subnormal.
  function hostile_dp() result(v)
    real(dp) :: v, u(3)

    call random_number(u)
    if (u(3) < 0.125_dp) then
      v = scale(real(int(u(1) * 2.0_dp**20) + 1, dp), -1074)
    else
      v = scale(1.0_dp + u(1), int(u(3) * 1000.0_dp) - 500)
    end if
    if (u(2) < 0.5_dp) v = -v
  end function hostile_dp

  !> As `hostile_dp` for real32: exponent in [-120, 55], subnormals from 2^-149.
  function hostile_sp() result(v)
    real(sp) :: v
    real(dp) :: u(3)

    call random_number(u)
    if (u(3) < 0.125_dp) then
      v = scale(real(int(u(1) * 2.0_dp**20) + 1, sp), -149)
    else
      v = scale(real(1.0_dp + u(1), sp), int(u(3) * 175.0_dp) - 120)
    end if
    if (u(2) < 0.5_dp) v = -v
  end function hostile_sp

  !> Pairs (a, -a) in x with (b, b) in y cancel exactly; then the extras
  !> x = {1, 2^-20}, y = {0.5, 4} and a -0.0 filler, all shuffled: the exact
  !> sum and dot are those of the extras.
  subroutine fill_dp(x, y, sum_known, dot_known)
    real(dp), intent(out) :: x(:), y(:), sum_known, dot_known
    real(dp), parameter :: xe(2) = [1.0_dp, 2.0_dp**(-20)], ye(2) = [0.5_dp, 4.0_dp]
    integer :: n, j, p, e
    real(dp) :: u, t

    n = size(x)
    sum_known = 0
    dot_known = 0
    e = min(n, 2)
    j = 0
    do p = 1, (n - e) / 2
      x(j + 1) = hostile_dp()
      x(j + 2) = -x(j + 1)
      y(j + 1) = hostile_dp()
      y(j + 2) = y(j + 1)
      j = j + 2
    end do
    do p = 1, e
      x(j + 1) = xe(p)
      y(j + 1) = ye(p)
      sum_known = sum_known + xe(p)
      dot_known = dot_known + xe(p) * ye(p)
      j = j + 1
    end do
    if (j < n) then
      x(n) = -0.0_dp
      y(n) = hostile_dp()
    end if
    do j = n, 2, -1
      call random_number(u)
      p = 1 + int(u * j)
      t = x(j); x(j) = x(p); x(p) = t
      t = y(j); y(j) = y(p); y(p) = t
    end do
  end subroutine fill_dp

  subroutine fill_sp(x, y, sum_known, dot_known)
    real(sp), intent(out) :: x(:), y(:), sum_known, dot_known
    real(sp), parameter :: xe(2) = [1.0_sp, 2.0_sp**(-20)], ye(2) = [0.5_sp, 4.0_sp]
    integer :: n, j, p, e
    real(dp) :: u
    real(sp) :: t

    n = size(x)
    sum_known = 0
    dot_known = 0
    e = min(n, 2)
    j = 0
    do p = 1, (n - e) / 2
      x(j + 1) = hostile_sp()
      x(j + 2) = -x(j + 1)
      y(j + 1) = hostile_sp()
      y(j + 2) = y(j + 1)
      j = j + 2
    end do
    do p = 1, e
      x(j + 1) = xe(p)
      y(j + 1) = ye(p)
      sum_known = sum_known + xe(p)
      dot_known = dot_known + xe(p) * ye(p)
      j = j + 1
    end do
    if (j < n) then
      x(n) = -0.0_sp
      y(n) = hostile_sp()
    end if
    do j = n, 2, -1
      call random_number(u)
      p = 1 + int(u * j)
      t = x(j); x(j) = x(p); x(p) = t
      t = y(j); y(j) = y(p); y(p) = t
    end do
  end subroutine fill_sp

  !> Whether two results have the same bits.
  logical function same_dp(a, b)
    real(dp), intent(in) :: a, b

    same_dp = transfer(a, 0_int64) == transfer(b, 0_int64)
  end function same_dp

  logical function same_sp(a, b)
    real(sp), intent(in) :: a, b

    same_sp = transfer(a, 0_int32) == transfer(b, 0_int32)
  end function same_sp

  function label(what, n) result(s)
    character(len=*), intent(in) :: what
    integer, intent(in) :: n
    character(len=:), allocatable :: s
    character(len=16) :: buf

    write (buf, "(i0)") n
    s = what // " n=" // trim(buf)
  end function label

  subroutine compare_dp(n)
    integer, intent(in) :: n
    real(dp), allocatable, target :: x(:), y(:), x3(:)
    real(dp) :: ref(4), got(4), sum_known, dot_known
    integer :: k, kind

    allocate (x(n), y(n), x3(3 * n))
    do kind = 1, 2
      if (kind == 1) then
        call fill_dp(x, y, sum_known, dot_known)
      else
        do k = 1, n
          x(k) = hostile_dp()
          y(k) = hostile_dp()
        end do
      end if
      x3 = 1e300_dp
      x3(1::3) = x
      ref = results_dp(serial, x, y)
      if (kind == 1) then
        call check(same_dp(ref(4), sum_known), label("real64 sum known", n))
        call check(same_dp(ref(1), dot_known), label("real64 dot known", n))
      end if
      do k = 1, 3
        got = results_dp(threads(k), x, y)
        call check(all(transfer(got, 0_int64, 4) == transfer(ref, 0_int64, 4)), label("real64 " // specs(k), n))
      end do
      ! Sections: reversed, every third element.
      got = results_dp(threads(3), x(n:1:-1), y(n:1:-1))
      call check(all(transfer(got, 0_int64, 4) == transfer(ref, 0_int64, 4)), label("real64 reversed", n))
      got(2:4) = [oxpar_nrm2(threads(2), x3(1::3)), oxpar_asum(threads(2), x3(1::3)), oxpar_sum(threads(2), x3(1::3))]
      call check(same_dp(got(2), ref(2)) .and. same_dp(got(3), ref(3)) .and. same_dp(got(4), ref(4)), &
        label("real64 stride 3", n))
    end do
  end subroutine compare_dp

  subroutine compare_sp(n)
    integer, intent(in) :: n
    real(sp), allocatable, target :: x(:), y(:), x3(:)
    real(sp) :: ref(4), got(4), sum_known, dot_known
    integer :: k, kind

    allocate (x(n), y(n), x3(3 * n))
    do kind = 1, 2
      if (kind == 1) then
        call fill_sp(x, y, sum_known, dot_known)
      else
        do k = 1, n
          x(k) = hostile_sp()
          y(k) = hostile_sp()
        end do
      end if
      x3 = 1e30_sp
      x3(1::3) = x
      ref = results_sp(serial, x, y)
      if (kind == 1) then
        call check(same_sp(ref(4), sum_known), label("real32 sum known", n))
        call check(same_sp(ref(1), dot_known), label("real32 dot known", n))
      end if
      do k = 1, 3
        got = results_sp(threads(k), x, y)
        call check(all(transfer(got, 0_int32, 4) == transfer(ref, 0_int32, 4)), label("real32 " // specs(k), n))
      end do
      got = results_sp(threads(3), x(n:1:-1), y(n:1:-1))
      call check(all(transfer(got, 0_int32, 4) == transfer(ref, 0_int32, 4)), label("real32 reversed", n))
      got(2:4) = [oxpar_nrm2(threads(2), x3(1::3)), oxpar_asum(threads(2), x3(1::3)), oxpar_sum(threads(2), x3(1::3))]
      call check(same_sp(got(2), ref(2)) .and. same_sp(got(3), ref(3)) .and. same_sp(got(4), ref(4)), &
        label("real32 stride 3", n))
    end do
  end subroutine compare_sp

  !> dot, nrm2, asum, sum.
  function results_dp(ctx, x, y) result(r)
    type(oxpar_context), intent(in) :: ctx
    real(dp), intent(in) :: x(:), y(:)
    real(dp) :: r(4)

    r = [oxpar_dot(ctx, x, y), oxpar_nrm2(ctx, x), oxpar_asum(ctx, x), oxpar_sum(ctx, x)]
  end function results_dp

  function results_sp(ctx, x, y) result(r)
    type(oxpar_context), intent(in) :: ctx
    real(sp), intent(in) :: x(:), y(:)
    real(sp) :: r(4)

    r = [oxpar_dot(ctx, x, y), oxpar_nrm2(ctx, x), oxpar_asum(ctx, x), oxpar_sum(ctx, x)]
  end function results_sp

  !> Correctly rounded results known exactly, where an ordinary sum goes wrong.
  subroutine known_values(ctx)
    type(oxpar_context), intent(in) :: ctx
    real(dp) :: inf
    real(dp), allocatable :: empty(:)

    inf = ieee_value(inf, ieee_positive_inf)
    allocate (empty(0))
    call check(same_dp(oxpar_sum(ctx, [1e100_dp, 1.0_dp, -1e100_dp]), 1.0_dp), "sum {1e100, 1, -1e100}")
    call check(same_dp(oxpar_dot(ctx, [1e200_dp, 1.0_dp, -1e200_dp], [1e200_dp, 1.0_dp, 1e200_dp]), 1.0_dp), &
      "dot 1e400 + 1 - 1e400")
    call check(same_dp(oxpar_asum(ctx, [1e100_dp, 1.0_dp, -1e100_dp]), 2e100_dp), "asum")
    ! 1 + 2^-53 + 2^-106 is above the midpoint: rounds up.
    call check(same_dp(oxpar_sum(ctx, [1.0_dp, 2.0_dp**(-53), 2.0_dp**(-106)]), 1.0_dp + 2.0_dp**(-52)), &
      "sum rounds up")
    call check(same_dp(oxpar_sum(ctx, [1.0_dp, 2.0_dp**(-53)]), 1.0_dp), "sum ties to even")
    ! real32: through double it would round twice (to 1); correctly, 1 + 2^-23.
    call check(same_sp(oxpar_sum(ctx, [1.0_sp, 2.0_sp**(-24), 2.0_sp**(-80)]), 1.0_sp + 2.0_sp**(-23)), &
      "real32 sum without double rounding")
    call check(same_sp(oxpar_nrm2(ctx, [3.0_sp, 4.0_sp]), 5.0_sp), "real32 nrm2 {3, 4}")
    call check(same_dp(oxpar_nrm2(ctx, [scale(3.0_dp, 900), scale(4.0_dp, 900)]), scale(5.0_dp, 900)), &
      "nrm2 5*2^900")
    call check(same_dp(oxpar_nrm2(ctx, [scale(3.0_dp, -1074), scale(4.0_dp, -1074)]), scale(5.0_dp, -1074)), &
      "nrm2 5*2^-1074")
    call check(same_dp(oxpar_dot(ctx, [2.0_dp**(-537)], [2.0_dp**(-537)]), scale(1.0_dp, -1074)), &
      "dot to the least subnormal")
    call check(same_dp(oxpar_sum(ctx, [1e308_dp, 1e308_dp, -1e308_dp]), 1e308_dp), "no overflow on the way")
    call check(same_dp(oxpar_sum(ctx, [1e308_dp, 1e308_dp]), inf), "overflow of the result")
    call check(same_dp(oxpar_sum(ctx, [-0.0_dp, -0.0_dp]), 0.0_dp), "exact zero is +0")
    call check(same_dp(oxpar_sum(ctx, empty), 0.0_dp), "empty sum is +0")
    call check(ieee_is_nan(oxpar_sum(ctx, [inf, 1.0_dp, -inf])), "inf - inf is NaN")
    call check(same_dp(oxpar_asum(ctx, [inf, 1.0_dp, -inf]), inf), "asum of infinities")
    call check(ieee_is_nan(oxpar_dot(ctx, [inf, 1.0_dp], [0.0_dp, 1.0_dp])), "inf * 0 in dot is NaN")
    call check(same_dp(oxpar_nrm2(ctx, [-inf, 1.0_dp]), inf), "nrm2 with -inf")
  end subroutine known_values

end program test_oxpar_reproducible
