!> The symmetric/Hermitian eigenproblem (oxpar_eigh over oxpar_?syev and
!> oxpar_?heev) for the four kinds on serial and threads contexts: LAPACK's
!> ratios ||A V - V W||_1 / (n ||A||_1 eps) and ||I - V^H V||_1 / (n eps)
!> below 30 with matmul as the reference, both triangles, jobz 'N' and 'V',
!> a strided section, and bad input (stat and message; NaN in the triangle
!> read). Preprocessed (.F90): one body of checks, eigh_checks.inc.

#define ELEM real(wp)
#define IS_CPLX 0
module eigh_real32
  use, intrinsic :: iso_fortran_env, only: int64, wp => real32
  use, intrinsic :: ieee_arithmetic, only: ieee_value, ieee_quiet_nan
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private
  public :: run_eigh_checks
  character(len=*), parameter :: kind_name = "real32"
contains
#include "eigh_checks.inc"
end module eigh_real32

module eigh_real64
  use, intrinsic :: iso_fortran_env, only: int64, wp => real64
  use, intrinsic :: ieee_arithmetic, only: ieee_value, ieee_quiet_nan
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private
  public :: run_eigh_checks
  character(len=*), parameter :: kind_name = "real64"
contains
#include "eigh_checks.inc"
end module eigh_real64
#undef ELEM
#undef IS_CPLX

#define ELEM complex(wp)
#define IS_CPLX 1
module eigh_complex32
  use, intrinsic :: iso_fortran_env, only: int64, wp => real32
  use, intrinsic :: ieee_arithmetic, only: ieee_value, ieee_quiet_nan
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private
  public :: run_eigh_checks
  character(len=*), parameter :: kind_name = "complex(real32)"
contains
#include "eigh_checks.inc"
end module eigh_complex32

module eigh_complex64
  use, intrinsic :: iso_fortran_env, only: int64, wp => real64
  use, intrinsic :: ieee_arithmetic, only: ieee_value, ieee_quiet_nan
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private
  public :: run_eigh_checks
  character(len=*), parameter :: kind_name = "complex(real64)"
contains
#include "eigh_checks.inc"
end module eigh_complex64
#undef ELEM
#undef IS_CPLX

program test_oxpar_eigh
  use oxpar, only: oxpar_context
  use oxpar_testing, only: summary
  use eigh_real32, only: run_s => run_eigh_checks
  use eigh_real64, only: run_d => run_eigh_checks
  use eigh_complex32, only: run_c => run_eigh_checks
  use eigh_complex64, only: run_z => run_eigh_checks
  implicit none
  type(oxpar_context) :: ctx
  character(len=*), parameter :: specs(2) = [character(len=9) :: "serial", "threads:2"]
  integer :: i

  do i = 1, size(specs)
    call ctx%init(trim(specs(i)))
    call run_s(ctx, trim(specs(i)))
    call run_d(ctx, trim(specs(i)))
    call run_c(ctx, trim(specs(i)))
    call run_z(ctx, trim(specs(i)))
    call ctx%destroy()
  end do
  call summary()
end program test_oxpar_eigh
