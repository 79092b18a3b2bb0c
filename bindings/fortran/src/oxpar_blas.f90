!> BLAS on Fortran arrays (sections with any strides, passed in place):
!> `oxpar_gemm`, `oxpar_gemv`, `oxpar_ger`, `oxpar_dot`, `oxpar_nrm2`,
!> `oxpar_asum`, `oxpar_sum`, `oxpar_iamax`, `oxpar_axpy`, `oxpar_scal`,
!> `oxpar_copy` and `oxpar_swap`, each a generic over real32, real64,
!> complex(real32) and complex(real64) (`oxpar_dot` and `oxpar_ger` real
!> only), and the complex-only `oxpar_dotu`, `oxpar_dotc`, `oxpar_geru`,
!> `oxpar_gerc` and `oxpar_rscal`. Part of `oxpar`, which programs use.
module oxpar_blas
  use, intrinsic :: iso_c_binding, only: c_double, c_double_complex, c_float, c_float_complex, c_int32_t, c_ptr, &
    c_ptrdiff_t, c_size_t
  use, intrinsic :: ieee_arithmetic, only: ieee_quiet_nan, ieee_value
  use oxpar_c
  use oxpar_base
  implicit none
  private

  ! The generics and their sp/dp procedures, written by `make gen` from
  ! oxpar_blas_twins.f90.in (one template per routine) and the routine table.
  include "oxpar_blas_twin_gen_decl.inc"

contains

  include "oxpar_blas_twin_gen_body.inc"

end module oxpar_blas
