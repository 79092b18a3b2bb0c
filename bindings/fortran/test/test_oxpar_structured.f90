!> The routines generated from the routine table (symv, trmv, trsv, syr, syr2,
!> symm, syrk, syr2k, trmm, trsm), real32 and real64, on serial and threads
!> contexts, against naive loops and matmul: array sections (strided,
!> reversed), every side/uplo/trans/diag letter in either case, errors.

!> The checks for real32.
module test_oxpar_structured_sp
  use, intrinsic :: iso_fortran_env, only: wp => real32
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private

  public :: run_structured_checks

  character(len=*), parameter :: kind_name = "real32"

contains

  include "structured_checks.inc"

end module test_oxpar_structured_sp

!> The checks for real64.
module test_oxpar_structured_dp
  use, intrinsic :: iso_fortran_env, only: wp => real64
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private

  public :: run_structured_checks

  character(len=*), parameter :: kind_name = "real64"

contains

  include "structured_checks.inc"

end module test_oxpar_structured_dp

program test_oxpar_structured
  use oxpar, only: oxpar_context
  use oxpar_testing, only: summary
  use test_oxpar_structured_sp, only: run_sp => run_structured_checks
  use test_oxpar_structured_dp, only: run_dp => run_structured_checks
  implicit none
  type(oxpar_context) :: ctx
  character(len=*), parameter :: specs(2) = [character(len=9) :: "serial", "threads:2"]
  integer :: i

  do i = 1, size(specs)
    call ctx%init(trim(specs(i)))
    call run_sp(ctx)
    call run_dp(ctx)
    call ctx%destroy()
  end do
  call summary()
end program test_oxpar_structured
