/*
 * A deliberately wrong BLAS, for proving that the client harnesses notice
 * one: the reference BLAS (loaded privately with dlopen) with dgemm_ and
 * cblas_dgemm perturbed. Every other function is forwarded unchanged by the
 * trampolines that make_broken_blas.py generates next to this file.
 *
 * After the reference dgemm, every element of the m x n result C is moved
 * by BROKEN_BLAS_ULPS units in the last place (relative 2.2e-16 each;
 * default 1e6, about 2.2e-10 relative): small enough to look like rounding
 * to a careless check, far over LAPACK's test thresholds. Invalid arguments
 * go to the reference unchanged, so its error reports stay right.
 *
 * Built by tests/clients/make_broken_blas.py; never installed.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef REFERENCE_BLAS
#error "build with -DREFERENCE_BLAS=\"/path/to/reference/libblas.so.3\""
#endif

/* Filled by the constructor: the reference's address of every forwarded
 * function, in the order of broken_blas_names (both generated). */
extern void *broken_blas_table[] __attribute__((visibility("hidden")));
extern const char *const broken_blas_names[];
extern const int broken_blas_count;

typedef void dgemm_fn(const char *, const char *, const int *, const int *, const int *, const double *,
                      const double *, const int *, const double *, const int *, const double *, double *,
                      const int *, size_t, size_t);
typedef void cblas_dgemm_fn(int, int, int, int, int, int, double, const double *, int, const double *, int,
                            double, double *, int);

static dgemm_fn *real_dgemm;
static cblas_dgemm_fn *real_cblas_dgemm;
static double factor = 1.0 + 1e6 * DBL_EPSILON;

static void *must(void *handle, const char *name) {
    void *p = dlsym(handle, name);
    if (p == NULL) {
        fprintf(stderr, "broken_blas: %s not in %s\n", name, REFERENCE_BLAS);
        abort();
    }
    return p;
}

__attribute__((constructor)) static void broken_blas_init(void) {
    void *ref = dlopen(REFERENCE_BLAS, RTLD_NOW | RTLD_LOCAL);
    if (ref == NULL) {
        fprintf(stderr, "broken_blas: %s\n", dlerror());
        abort();
    }
    for (int i = 0; i < broken_blas_count; i++) {
        broken_blas_table[i] = must(ref, broken_blas_names[i]);
    }
    real_dgemm = (dgemm_fn *)must(ref, "dgemm_");
    real_cblas_dgemm = (cblas_dgemm_fn *)must(ref, "cblas_dgemm");
    const char *ulps = getenv("BROKEN_BLAS_ULPS");
    if (ulps != NULL && *ulps != '\0') {
        factor = 1.0 + strtod(ulps, NULL) * DBL_EPSILON;
    }
}

/* Moves the m x n block at c (column stride ldc) by the chosen ulps. */
static void perturb(int m, int n, double *c, int ldc) {
    for (int j = 0; j < n; j++) {
        for (int i = 0; i < m; i++) {
            c[i + (size_t)j * ldc] *= factor;
        }
    }
}

void dgemm_(const char *ta, const char *tb, const int *m, const int *n, const int *k, const double *alpha,
            const double *a, const int *lda, const double *b, const int *ldb, const double *beta, double *c,
            const int *ldc, size_t la, size_t lb) {
    real_dgemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, la, lb);
    /* Perturb only what a valid call wrote (an invalid one went to xerbla_). */
    int valid = ta != NULL && tb != NULL && strchr("NnTtCc", *ta) != NULL && *ta != '\0' &&
                strchr("NnTtCc", *tb) != NULL && *tb != '\0' && *k >= 0;
    if (valid && *m > 0 && *n > 0 && *ldc >= *m) {
        perturb(*m, *n, c, *ldc);
    }
}

/* cblas_dgemm through the perturbed dgemm_ above, as netlib's CBLAS does it
 * (a row-major product is the column-major one of the transposes). */
void cblas_dgemm(int layout, int ta, int tb, int m, int n, int k, double alpha, const double *a, int lda,
                 const double *b, int ldb, double beta, double *c, int ldc) {
    const char *trans = "NTC"; /* CblasNoTrans 111, CblasTrans 112, CblasConjTrans 113 */
    if (ta < 111 || ta > 113 || tb < 111 || tb > 113 || (layout != 101 && layout != 102)) {
        real_cblas_dgemm(layout, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        return;
    }
    char ca = trans[ta - 111], cb = trans[tb - 111];
    if (layout == 102) {
        dgemm_(&ca, &cb, &m, &n, &k, &alpha, a, &lda, b, &ldb, &beta, c, &ldc, 1, 1);
    } else {
        dgemm_(&cb, &ca, &n, &m, &k, &alpha, b, &ldb, a, &lda, &beta, c, &ldc, 1, 1);
    }
}
