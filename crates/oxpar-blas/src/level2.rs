//! BLAS level 2: the Fortran (`name_`) and CBLAS (`cblas_name`) entry points
//! for s and d.
