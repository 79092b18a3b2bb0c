/*
 * The symmetric/Hermitian eigenproblem (oxpar_ssyev, ?dsyev, ?cheev,
 * ?zheev and their batches) on the serial and threads backends, against
 * LAPACK's ratios computed here in double _Complex:
 * ||A*V - V*W||_1 / (n ||A||_1 eps) and ||I - V^H*V||_1 / (n eps) below 30,
 * the eigenvalues ascending and the same without vectors; batches against
 * the single routine; then bad input (statuses and messages, NaN input
 * leaving the outputs alone).
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

#define T float
#define R float
#define TLS "oxpar_ssyev"
#define EV oxpar_ssyev
#define SFX _s
#define EPS 5.96e-8
#define CPLX 0
#include "eigh_template.h"
#undef T
#undef R
#undef TLS
#undef EV
#undef SFX
#undef EPS
#undef CPLX

#define T double
#define R double
#define TLS "oxpar_dsyev"
#define EV oxpar_dsyev
#define SFX _d
#define EPS 1.11e-16
#define CPLX 0
#include "eigh_template.h"
#undef T
#undef R
#undef TLS
#undef EV
#undef SFX
#undef EPS
#undef CPLX

#define T float _Complex
#define R float
#define TLS "oxpar_cheev"
#define EV oxpar_cheev
#define SFX _c
#define EPS 5.96e-8
#define CPLX 1
#include "eigh_template.h"
#undef T
#undef R
#undef TLS
#undef EV
#undef SFX
#undef EPS
#undef CPLX

#define T double _Complex
#define R double
#define TLS "oxpar_zheev"
#define EV oxpar_zheev
#define SFX _z
#define EPS 1.11e-16
#define CPLX 1
#include "eigh_template.h"
#undef T
#undef R
#undef TLS
#undef EV
#undef SFX
#undef EPS
#undef CPLX

void test_eigh(void) {
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
        check_eigh_all_s(ctx, specs[i]);
        check_eigh_all_d(ctx, specs[i]);
        check_eigh_all_c(ctx, specs[i]);
        check_eigh_all_z(ctx, specs[i]);
        oxpar_context_free(ctx);
    }
}
