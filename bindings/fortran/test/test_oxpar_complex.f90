!> The generated routines on complex arrays (hemv, her, her2, hemm, herk,
!> her2k, symm, syrk, syr2k, trmv, trsv, trmm, trsm, gbmv, tbmv, tbsv, tpmv,
!> tpsv), complex(real32) and complex(real64), on serial and threads
!> contexts, against naive loops with conjg: sizes 0, 1 and odd, strided and
!> reversed sections, trans 'N', 'T' and 'C' (the conjugate transpose), errors.

!> The checks for complex(real32).
module test_oxpar_complex_sp
  use, intrinsic :: iso_fortran_env, only: wp => real32
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private

  public :: run_complex_checks

  character(len=*), parameter :: kind_name = "complex(real32)"

contains

  include "complex_checks.inc"

end module test_oxpar_complex_sp

!> The checks for complex(real64).
module test_oxpar_complex_dp
  use, intrinsic :: iso_fortran_env, only: wp => real64
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private

  public :: run_complex_checks

  character(len=*), parameter :: kind_name = "complex(real64)"

contains

  include "complex_checks.inc"

end module test_oxpar_complex_dp

program test_oxpar_complex
  use oxpar, only: oxpar_context
  use oxpar_testing, only: summary
  use test_oxpar_complex_sp, only: run_sp => run_complex_checks
  use test_oxpar_complex_dp, only: run_dp => run_complex_checks
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
end program test_oxpar_complex
