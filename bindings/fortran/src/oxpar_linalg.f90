!> LU, Cholesky and the inverses on Fortran arrays (sections with any strides, in place):
!> `oxpar_getrf`, `oxpar_getrs`, `oxpar_gesv`, `oxpar_potrf`, `oxpar_potrs`,
!> `oxpar_posv`, `oxpar_getri`, `oxpar_potri` and `oxpar_trtri`, each a generic over real32, real64, complex(real32) and
!> complex(real64), with LAPACK's conventions: 1-based `integer(int64)`
!> pivots and an optional `info` holding LAPACK's index of a numerical
!> failure (`OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`).
!> A separate module from `oxpar_blas` because its failures carry `info`.
!> Part of `oxpar`, which programs use.
module oxpar_linalg
  use, intrinsic :: iso_c_binding, only: c_int32_t, c_int64_t, c_loc, c_null_ptr, c_ptr, c_ptrdiff_t
  use oxpar_c
  use oxpar_base
  implicit none
  private

  ! The generics and their procedures, written by `make gen` from
  ! oxpar_linalg_twins.f90.in.
  include "oxpar_linalg_gen_decl.inc"

contains

  !> The C pointer of the pivots (NULL when there are none).
  function pivots(ipiv) result(p)
    integer(c_int64_t), intent(in), target, contiguous :: ipiv(:)
    type(c_ptr) :: p

    p = c_null_ptr
    if (size(ipiv) > 0) p = c_loc(ipiv(1))
  end function pivots

  !> Reads `uplo` (absent: `'U'`) into an `OXPAR_UPLO_*` code; false for
  !> any letter but `'U'` and `'L'` (either case).
  function uplo_code(uplo, code) result(ok)
    character(len=1), intent(in), optional :: uplo
    integer(c_int32_t), intent(out) :: code
    logical :: ok

    code = OXPAR_UPLO_UPPER
    ok = .true.
    if (.not. present(uplo)) return
    select case (uplo)
    case ('U', 'u')
      code = OXPAR_UPLO_UPPER
    case ('L', 'l')
      code = OXPAR_UPLO_LOWER
    case default
      ok = .false.
    end select
  end function uplo_code

  !> Whether `a` (`m x n`) is square with `rows` rows on the right-hand
  !> side; else `status` and `message` say why not.
  function square_rhs(name, m, n, rows, status, message) result(ok)
    character(len=*), intent(in) :: name
    integer, intent(in) :: m, n, rows
    integer(c_int32_t), intent(inout) :: status
    character(len=:), allocatable, intent(inout) :: message
    logical :: ok

    ok = .false.
    if (m /= n) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = name // ": a: must be square, is " // str(m) // " x " // str(n)
    else if (rows /= m) then
      status = OXPAR_STATUS_SHAPE_MISMATCH
      message = name // ": b: has " // str(rows) // " rows, a is " // str(m) // " x " // str(m)
    else
      ok = .true.
    end if
  end function square_rhs

  !> Reports the outcome as `finish` does, `info` first: with `info`
  !> present and `stat` absent, a numerical failure is left to `info` (as in
  !> LAPACK) instead of stopping the program.
  subroutine done(status, message, c_info, info, stat)
    integer(c_int32_t), intent(in) :: status
    character(len=*), intent(in) :: message
    integer(c_int64_t), intent(in) :: c_info
    integer(c_int64_t), intent(out), optional :: info
    integer, intent(out), optional :: stat

    if (present(info)) info = c_info
    if (present(info) .and. .not. present(stat) .and. (status == OXPAR_STATUS_SINGULAR .or. &
        status == OXPAR_STATUS_NOT_POSITIVE_DEFINITE .or. status == OXPAR_STATUS_NO_CONVERGENCE)) then
      return
    end if
    call finish(status, message, stat)
  end subroutine done

  include "oxpar_linalg_gen_body.inc"

end module oxpar_linalg
