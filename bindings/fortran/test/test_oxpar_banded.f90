!> The band and packed routines generated from the routine table (gbmv, sbmv,
!> tbmv, tbsv, spmv, tpmv, tpsv, spr, spr2), real32 and real64, on serial and
!> threads contexts, against dense matmul: LAPACK band storage with spare
!> rows, strided and reversed vectors, every uplo/trans/diag letter, errors.

!> The checks for real32.
module test_oxpar_banded_sp
  use, intrinsic :: iso_fortran_env, only: wp => real32
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private

  public :: run_banded_checks

  character(len=*), parameter :: kind_name = "real32"

contains

  include "banded_checks.inc"

end module test_oxpar_banded_sp

!> The checks for real64.
module test_oxpar_banded_dp
  use, intrinsic :: iso_fortran_env, only: wp => real64
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private

  public :: run_banded_checks

  character(len=*), parameter :: kind_name = "real64"

contains

  include "banded_checks.inc"

end module test_oxpar_banded_dp

program test_oxpar_banded
  use oxpar, only: oxpar_context
  use oxpar_testing, only: summary
  use test_oxpar_banded_sp, only: run_sp => run_banded_checks
  use test_oxpar_banded_dp, only: run_dp => run_banded_checks
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
end program test_oxpar_banded
