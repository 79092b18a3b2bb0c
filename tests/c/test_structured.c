/*
 * Tests of the symmetric and triangular routines (oxpar_?symv, ?trmv, ?trsv,
 * ?syr, ?syr2, ?symm, ?syrk, ?syr2k, ?trmm, ?trsm): structured_template.h
 * instantiated for float and double.
 */
#include <math.h>
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
#include "structured_template.h"
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
#include "structured_template.h"

void test_structured(void) {
    rnd_seed(15);
    structured_all_s();
    structured_all_d();
}
