!> LU and Cholesky (oxpar_getrf, getrs, gesv, potrf, potrs, posv) for the
!> four kinds on serial and threads contexts: LAPACK's residual ratio
!> ||op(A)*X - B||_1 / (n ||A||_1 ||X||_1 eps) < 30 with matmul as the
!> reference, a strided section, 1-based pivots, singular and not positive
!> definite matrices (stat, info), and bad input. Then (qr_checks.inc) QR
!> and least squares (LAPACK's ratios ||A - QR|| and ||I - Q^H Q|| < 30,
!> gels against the normal equations, rank deficiency), det/slogdet and the
!> batches against the single-matrix routines, with bad input.
!> Preprocessed (.F90): one body of checks per include file, for the four
!> element types.

#define ELEM real(wp)
#define IS_CPLX 0
module linalg_real32
  use, intrinsic :: ieee_arithmetic, only: ieee_value, ieee_quiet_nan
  use, intrinsic :: iso_fortran_env, only: int64, wp => real32
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private
  public :: run_linalg_checks, run_qr_checks
  character(len=*), parameter :: kind_name = "real32"
contains
#include "linalg_checks.inc"
#include "qr_checks.inc"
end module linalg_real32

module linalg_real64
  use, intrinsic :: ieee_arithmetic, only: ieee_value, ieee_quiet_nan
  use, intrinsic :: iso_fortran_env, only: int64, wp => real64
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private
  public :: run_linalg_checks, run_qr_checks
  character(len=*), parameter :: kind_name = "real64"
contains
#include "linalg_checks.inc"
#include "qr_checks.inc"
end module linalg_real64
#undef ELEM
#undef IS_CPLX

#define ELEM complex(wp)
#define IS_CPLX 1
module linalg_complex32
  use, intrinsic :: ieee_arithmetic, only: ieee_value, ieee_quiet_nan
  use, intrinsic :: iso_fortran_env, only: int64, wp => real32
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private
  public :: run_linalg_checks, run_qr_checks
  character(len=*), parameter :: kind_name = "complex(real32)"
contains
#include "linalg_checks.inc"
#include "qr_checks.inc"
end module linalg_complex32

module linalg_complex64
  use, intrinsic :: ieee_arithmetic, only: ieee_value, ieee_quiet_nan
  use, intrinsic :: iso_fortran_env, only: int64, wp => real64
  use oxpar
  use oxpar_testing, only: check, has
  implicit none
  private
  public :: run_linalg_checks, run_qr_checks
  character(len=*), parameter :: kind_name = "complex(real64)"
contains
#include "linalg_checks.inc"
#include "qr_checks.inc"
end module linalg_complex64
#undef ELEM
#undef IS_CPLX

program test_oxpar_linalg
  use oxpar, only: oxpar_context
  use oxpar_testing, only: summary
  use linalg_real32, only: run_s => run_linalg_checks, qr_s => run_qr_checks
  use linalg_real64, only: run_d => run_linalg_checks, qr_d => run_qr_checks
  use linalg_complex32, only: run_c => run_linalg_checks, qr_c => run_qr_checks
  use linalg_complex64, only: run_z => run_linalg_checks, qr_z => run_qr_checks
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
    call qr_s(ctx, trim(specs(i)))
    call qr_d(ctx, trim(specs(i)))
    call qr_c(ctx, trim(specs(i)))
    call qr_z(ctx, trim(specs(i)))
    call ctx%destroy()
  end do
  call summary()
end program test_oxpar_linalg
