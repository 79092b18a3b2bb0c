/*
 * The singular value decomposition and SVD least squares (oxpar_?gesvd,
 * ?gelss) for the four element types on the serial and threads backends,
 * against references computed here in double _Complex: LAPACK's ratios
 * ||A - U S V^H||_1 / (max(m, n) ||A||_1 eps), ||I - U^H U||_1 / (m eps)
 * and ||I - V^H V||_1 / (n eps) below 30 for every job ('A', 'S', 'N'),
 * the values alone against the values with vectors, the rank and the
 * minimum-norm solution of rank-deficient systems, then bad input.
 */
#include <complex.h>
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "oxpar.h"
#include "tests.h"

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
static double norm1(const D *a, size_t m, size_t n) {
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

#define T float
#define R float
#define TL s
#define TLS "s"
#define SFX _s
#define EPS 5.96e-8
#define CPLX 0
#include "svd_template.h"
#undef T
#undef R
#undef TL
#undef TLS
#undef SFX
#undef EPS
#undef CPLX

#define T double
#define R double
#define TL d
#define TLS "d"
#define SFX _d
#define EPS 1.11e-16
#define CPLX 0
#include "svd_template.h"
#undef T
#undef R
#undef TL
#undef TLS
#undef SFX
#undef EPS
#undef CPLX

#define T float _Complex
#define R float
#define TL c
#define TLS "c"
#define SFX _c
#define EPS 5.96e-8
#define CPLX 1
#include "svd_template.h"
#undef T
#undef R
#undef TL
#undef TLS
#undef SFX
#undef EPS
#undef CPLX

#define T double _Complex
#define R double
#define TL z
#define TLS "z"
#define SFX _z
#define EPS 1.11e-16
#define CPLX 1
#include "svd_template.h"
#undef T
#undef R
#undef TL
#undef TLS
#undef SFX
#undef EPS
#undef CPLX

void test_svd(void) {
    static const char *const specs[] = {"serial", "threads:2"};
    size_t i;
    rnd_seed(23);
    for (i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        oxpar_context *ctx = NULL;
        oxpar_status st = oxpar_context_create(specs[i], &ctx);
        CHECK_OK(st, "context %s", specs[i]);
        if (st != OXPAR_STATUS_OK) {
            continue;
        }
        check_svd_all_s(ctx, specs[i]);
        check_svd_all_d(ctx, specs[i]);
        check_svd_all_c(ctx, specs[i]);
        check_svd_all_z(ctx, specs[i]);
        oxpar_context_free(ctx);
    }
}
