/*
 * LU and Cholesky (oxpar_?getrf, ?getrs, ?gesv, ?potrf, ?potrs, ?posv) for
 * the four element types on the serial and threads backends, against
 * LAPACK's test ratios computed here in double _Complex: ||A - P*L*U||_1 /
 * (n ||A||_1 eps), ||A - U^H*U||_1 / (n ||A||_1 eps) and
 * ||op(A)*X - B||_1 / (n ||A||_1 ||X||_1 eps), each below LAPACK's 30; on
 * column-major, row-major and negative-stride layouts, with tall and wide
 * matrices for getrf and NaN in the triangle potrf must not read. Then the
 * numerical failures (status, info, outputs as LAPACK leaves them) and bad
 * input.
 */
#include <complex.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "oxpar.h"
#include "tests.h"
#include "dense.h"

/* 0: column-major with padding; 1: row-major with padding; 2: column-major
 * with the columns in reverse memory order (negative column stride). */
static lay_t lay(int kind, size_t m, size_t n) {
    lay_t l;
    size_t ld, cols = n ? n : 1, rows = m ? m : 1;
    switch (kind) {
    case 0:
        ld = m + 2;
        l.rs = 1;
        l.cs = (ptrdiff_t)ld;
        l.len = ld * cols;
        l.off = 0;
        break;
    case 1:
        ld = n + 1;
        l.rs = (ptrdiff_t)ld;
        l.cs = 1;
        l.len = ld * rows;
        l.off = 0;
        break;
    default:
        ld = m + 1;
        l.rs = 1;
        l.cs = -(ptrdiff_t)ld;
        l.len = ld * cols;
        l.off = (ptrdiff_t)(ld * (cols - 1));
        break;
    }
    return l;
}

/* ||a - b||_1 of two column-major m x n matrices. */
static double diff_norm1(const D *a, const D *b, size_t m, size_t n) {
    double best = 0.0;
    size_t i, j;
    for (j = 0; j < n; j++) {
        double s = 0.0;
        for (i = 0; i < m; i++) {
            s += cabs(a[i + j * m] - b[i + j * m]);
        }
        best = s > best ? s : best;
    }
    return best;
}

#define T float
#define TL s
#define TLS "s"
#define SFX _s
#define EPS 5.96e-8
#define CPLX 0
#include "lapack_template.h"
#undef T
#undef TL
#undef TLS
#undef SFX
#undef EPS
#undef CPLX

#define T double
#define TL d
#define TLS "d"
#define SFX _d
#define EPS 1.11e-16
#define CPLX 0
#include "lapack_template.h"
#undef T
#undef TL
#undef TLS
#undef SFX
#undef EPS
#undef CPLX

#define T float _Complex
#define TL c
#define TLS "c"
#define SFX _c
#define EPS 5.96e-8
#define CPLX 1
#include "lapack_template.h"
#undef T
#undef TL
#undef TLS
#undef SFX
#undef EPS
#undef CPLX

#define T double _Complex
#define TL z
#define TLS "z"
#define SFX _z
#define EPS 1.11e-16
#define CPLX 1
#include "lapack_template.h"
#undef T
#undef TL
#undef TLS
#undef SFX
#undef EPS
#undef CPLX

void test_lapack(void) {
    static const char *const specs[] = {"serial", "threads:2"};
    size_t i;
    rnd_seed(18);
    for (i = 0; i < sizeof specs / sizeof specs[0]; i++) {
        oxpar_context *ctx = NULL;
        oxpar_status st = oxpar_context_create(specs[i], &ctx);
        CHECK_OK(st, "context %s", specs[i]);
        if (st != OXPAR_STATUS_OK) {
            continue;
        }
        check_all_s(ctx, specs[i]);
        check_all_d(ctx, specs[i]);
        check_all_c(ctx, specs[i]);
        check_all_z(ctx, specs[i]);
        oxpar_context_free(ctx);
    }
}
