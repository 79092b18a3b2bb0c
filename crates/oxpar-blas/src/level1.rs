//! BLAS level 1: the Fortran (`name_`) and CBLAS (`cblas_name`) entry points
//! for s and d.
