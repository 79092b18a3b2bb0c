!> Every BLAS routine of the module `oxpar`, real32 and real64, on serial and
!> threads contexts, against naive loops (column-major arrays, non-square
!> shapes, transposes, strided and reversed sections, errors).

!> The checks for real32.
module test_oxpar_blas_sp
  use, intrinsic :: iso_fortran_env, only: wp => real32
  use, intrinsic :: ieee_arithmetic, only: ieee_is_nan, ieee_quiet_nan, ieee_value
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private

  public :: run_blas_checks

  character(len=*), parameter :: kind_name = "real32"

contains

  include "blas_checks.inc"

end module test_oxpar_blas_sp

!> The checks for real64.
module test_oxpar_blas_dp
  use, intrinsic :: iso_fortran_env, only: wp => real64
  use, intrinsic :: ieee_arithmetic, only: ieee_is_nan, ieee_quiet_nan, ieee_value
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private

  public :: run_blas_checks

  character(len=*), parameter :: kind_name = "real64"

contains

  include "blas_checks.inc"

end module test_oxpar_blas_dp

program test_oxpar_blas
  use oxpar, only: oxpar_context
  use oxpar_testing, only: check, summary
  use test_oxpar_blas_sp, only: run_sp => run_blas_checks
  use test_oxpar_blas_dp, only: run_dp => run_blas_checks
  implicit none
  character(len=*), parameter :: specs(3) = [character(len=9) :: "serial", "threads:1", "threads:3"]
  type(oxpar_context) :: ctx
  integer :: i, st

  do i = 1, size(specs)
    call ctx%init(specs(i), stat=st)
    call check(st == 0, "init " // trim(specs(i)))
    if (st /= 0) cycle
    call run_sp(ctx)
    call run_dp(ctx)
    call ctx%destroy()
  end do
  call summary()
end program test_oxpar_blas
