!> The routines generated from the routine table (xtask/src/routines.rs):
!> the symmetric, Hermitian, triangular, band and packed ones (symv, hemv,
!> trmv, trsv, syr, her, gbmv, tbsv, tpmv, symm, hemm, syrk, herk, trmm, trsm
!> and the others), each a generic over the element types of its row:
!> real32, real64, complex(real32), complex(real64). Programs `use oxpar`,
!> which re-exports them; this file only wraps the two generated include
!> files in a module.
module oxpar_blas_gen
  use, intrinsic :: iso_c_binding, only: c_double, c_float, c_int32_t, c_ptr, c_ptrdiff_t, c_size_t
  use oxpar_c
  use oxpar_base
  implicit none
  private

  include "oxpar_blas_gen_decl.inc"

contains

  include "oxpar_blas_gen_body.inc"

end module oxpar_blas_gen
