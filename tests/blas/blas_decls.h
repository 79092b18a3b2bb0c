/* The few BLAS and CBLAS declarations the programs in tests/blas and
 * benches/blas_compare.c use, written out so that they build against any
 * libblas.so.3 without a cblas.h (whose spelling varies between the
 * reference, OpenBLAS and BLIS). Fortran conventions: every argument by
 * pointer, LP64 int, one hidden length (size_t) per character argument at the
 * end. */
#ifndef OXPAR_TESTS_BLAS_DECLS_H
#define OXPAR_TESTS_BLAS_DECLS_H

#include <stddef.h>

/* CBLAS enumerations (the values are fixed by the CBLAS standard). */
enum CBLAS_ORDER { CblasRowMajor = 101, CblasColMajor = 102 };
enum CBLAS_TRANSPOSE { CblasNoTrans = 111, CblasTrans = 112, CblasConjTrans = 113 };

void dgemm_(const char *transa, const char *transb, const int *m, const int *n, const int *k,
            const double *alpha, const double *a, const int *lda, const double *b, const int *ldb,
            const double *beta, double *c, const int *ldc, size_t transa_len, size_t transb_len);
double ddot_(const int *n, const double *x, const int *incx, const double *y, const int *incy);

void cblas_dgemm(enum CBLAS_ORDER layout, enum CBLAS_TRANSPOSE transa, enum CBLAS_TRANSPOSE transb,
                 int m, int n, int k, double alpha, const double *a, int lda, const double *b,
                 int ldb, double beta, double *c, int ldc);
void cblas_sgemm(enum CBLAS_ORDER layout, enum CBLAS_TRANSPOSE transa, enum CBLAS_TRANSPOSE transb,
                 int m, int n, int k, float alpha, const float *a, int lda, const float *b,
                 int ldb, float beta, float *c, int ldc);
double cblas_ddot(int n, const double *x, int incx, const double *y, int incy);

#endif
