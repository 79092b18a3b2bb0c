/*
 * QR and least squares (oxpar_?geqrf, ?ormqr/?unmqr, ?orgqr/?ungqr, ?gels)
 * for the four element types on the serial and threads backends, against
 * references computed here in double _Complex: LAPACK's test ratios
 * ||A - Q*R||_1 / (max(m, n) ||A||_1 eps) and ||I - Q^H*Q||_1 / (m eps)
 * below 30, op(Q)*C and C*op(Q) against the formed Q, least squares
 * against the normal equations solved here (well-conditioned systems),
 * sizes 0, 1, odd and around the panel width 32, column- and row-major
 * layouts with padding; then a rank-deficient system (OXPAR_STATUS_SINGULAR
 * and LAPACK's info), a NaN (no error, and not lost) and bad input (status
 * and message).
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

/* Solves the n x n system g*x = r (column-major, nrhs columns) in place by
 * Gaussian elimination with partial pivoting; g is destroyed. */
static void solve_d(D *g, D *r, size_t n, size_t nrhs) {
    size_t i, j, k, p;
    for (k = 0; k < n; k++) {
        p = k;
        for (i = k + 1; i < n; i++) {
            if (cabs(g[i + k * n]) > cabs(g[p + k * n])) {
                p = i;
            }
        }
        if (p != k) {
            for (j = 0; j < n; j++) {
                D t = g[k + j * n];
                g[k + j * n] = g[p + j * n];
                g[p + j * n] = t;
            }
            for (j = 0; j < nrhs; j++) {
                D t = r[k + j * n];
                r[k + j * n] = r[p + j * n];
                r[p + j * n] = t;
            }
        }
        for (i = k + 1; i < n; i++) {
            D f = g[i + k * n] / g[k + k * n];
            for (j = k; j < n; j++) {
                g[i + j * n] -= f * g[k + j * n];
            }
            for (j = 0; j < nrhs; j++) {
                r[i + j * n] -= f * r[k + j * n];
            }
        }
    }
    for (k = n; k-- > 0;) {
        for (j = 0; j < nrhs; j++) {
            D s = r[k + j * n];
            for (i = k + 1; i < n; i++) {
                s -= g[k + i * n] * r[i + j * n];
            }
            r[k + j * n] = s / g[k + k * n];
        }
    }
}

#define DENSE_TEMPLATE "qr_template.h"
#include "each_type.h"

void test_qr(void) {
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
        check_qr_all_s(ctx, specs[i]);
        check_qr_all_d(ctx, specs[i]);
        check_qr_all_c(ctx, specs[i]);
        check_qr_all_z(ctx, specs[i]);
        oxpar_context_free(ctx);
    }
}
