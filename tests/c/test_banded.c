/*
 * Tests of the band and packed routines (oxpar_?gbmv, ?sbmv, ?tbmv, ?tbsv,
 * ?spmv, ?tpmv, ?tpsv, ?spr, ?spr2): banded_template.h instantiated for
 * float and double.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "oxpar.h"
#include "tests.h"

#define T float
#define TL s
#define TLS "s"
#define SFX _s
#define TOL 1e-5
#include "banded_template.h"
#undef T
#undef TL
#undef TLS
#undef SFX
#undef TOL

#define T double
#define TL d
#define TLS "d"
#define SFX _d
#define TOL 1e-12
#include "banded_template.h"

void test_banded(void) {
    rnd_seed(16);
    banded_all_s();
    banded_all_d();
}
