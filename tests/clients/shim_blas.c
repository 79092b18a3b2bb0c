/*
 * A shim libblas.so.3 for the client harnesses, built by
 * tests/clients/make_shim_blas.py (never installed). It exports every
 * function of the reference BLAS; each one is a trampoline (generated next
 * to this file) into a library loaded privately with dlopen:
 *
 *   FIRST_BLAS, when given, for the functions it defines (e.g. liboxpar_blas
 *   while it has only the real routines: LAPACK's testers can then run its
 *   s and d routines with the reference's complex ones); the reference BLAS
 *   (REFERENCE_BLAS) for all others.
 *
 * Built with -DBREAK_DGEMM it is a deliberately wrong BLAS, for proving that
 * the harnesses notice one: dgemm_ and cblas_dgemm (defined here, not
 * forwarded) call the reference dgemm and then move every element of the
 * m x n result C by BROKEN_BLAS_ULPS units in the last place (relative
 * 2.2e-16 each; default 1e6, about 2.2e-10 relative): small enough to look
 * like rounding to a careless check, far over LAPACK's test thresholds.
 * Invalid arguments go to the reference unchanged.
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

/* Filled by the constructor: the address of every forwarded function, in
 * the order of shim_blas_names (both generated). */
extern void *shim_blas_table[] __attribute__((visibility("hidden")));
extern const char *const shim_blas_names[];
extern const int shim_blas_count;
/* Per function: 1 when FIRST_BLAS may answer it (make_shim_blas.py --only). */
extern const unsigned char shim_blas_from_first[];

static void *must(void *first, void *ref, const char *name) {
    void *p = first != NULL ? dlsym(first, name) : NULL;
    if (p == NULL) {
        p = dlsym(ref, name);
    }
    if (p == NULL) {
        fprintf(stderr, "shim_blas: %s not in %s\n", name, REFERENCE_BLAS);
        abort();
    }
    return p;
}

static void *open_private(const char *path) {
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) {
        fprintf(stderr, "shim_blas: %s\n", dlerror());
        abort();
    }
    return h;
}

#ifdef BREAK_DGEMM
typedef void dgemm_fn(const char *, const char *, const int *, const int *, const int *, const double *,
                      const double *, const int *, const double *, const int *, const double *, double *,
                      const int *, size_t, size_t);
typedef void cblas_dgemm_fn(int, int, int, int, int, int, double, const double *, int, const double *, int,
                            double, double *, int);
static dgemm_fn *real_dgemm;
static cblas_dgemm_fn *real_cblas_dgemm;
static double factor = 1.0 + 1e6 * DBL_EPSILON;
#endif

__attribute__((constructor)) static void shim_blas_init(void) {
    void *ref = open_private(REFERENCE_BLAS);
    void *first = NULL;
#ifdef FIRST_BLAS
    first = open_private(FIRST_BLAS);
#endif
    for (int i = 0; i < shim_blas_count; i++) {
        shim_blas_table[i] = must(shim_blas_from_first[i] ? first : NULL, ref, shim_blas_names[i]);
    }
#ifdef BREAK_DGEMM
    real_dgemm = (dgemm_fn *)must(NULL, ref, "dgemm_");
    real_cblas_dgemm = (cblas_dgemm_fn *)must(NULL, ref, "cblas_dgemm");
    const char *ulps = getenv("BROKEN_BLAS_ULPS");
    if (ulps != NULL && *ulps != '\0') {
        factor = 1.0 + strtod(ulps, NULL) * DBL_EPSILON;
    }
#endif
}

#ifdef BREAK_DGEMM
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
#endif /* BREAK_DGEMM */
