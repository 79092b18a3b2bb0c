/*
 * What the C tests of the LAPACK-class routines (test_lapack.c, test_inverse.c,
 * test_qr.c, test_svd.c, test_eigh.c) share: the reference type of their
 * residuals, token pasting for the per-type names, where a matrix lies in its
 * buffer, and the 1-norm. Each test file includes it once, then its template
 * once per element type.
 */
#ifndef OXPAR_TESTS_DENSE_H
#define OXPAR_TESTS_DENSE_H

#include <complex.h>
#include <stddef.h>

/* The reference type of every computed residual. */
typedef double _Complex D;

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)

/* Where a matrix lies in its buffer: element (i, j) at p[off + i*rs + j*cs]. */
typedef struct {
    size_t len;
    ptrdiff_t rs, cs, off;
} lay_t;

#define AT(p, l, i, j) ((p)[(l).off + (ptrdiff_t)(i) * (l).rs + (ptrdiff_t)(j) * (l).cs])

/* The 1-norm (largest column sum) of the column-major m x n matrix a. */
static inline double norm1(const D *a, size_t m, size_t n) {
    double best = 0.0;
    size_t i, j;
    for (j = 0; j < n; j++) {
        double s = 0.0;
        for (i = 0; i < m; i++) {
            s += cabs(a[i + j * m]);
        }
        best = s > best ? s : best;
    }
    return best;
}

#endif
