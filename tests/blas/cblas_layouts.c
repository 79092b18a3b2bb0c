/* cblas_dgemm and cblas_sgemm in both layouts, every transpose pair, against a
 * naive triple loop: small, odd and larger sizes (the larger ones reach the
 * blocked and threaded paths), leading dimensions larger than needed (the
 * padding must stay untouched), alpha and beta of 0, 1 and others, beta = 0
 * over a C full of NaN (C is not read), alpha = 0 over an A full of NaN (A
 * and B are not read) and empty sizes. Exits 1 on any mismatch.
 *
 * Passes against any correct CBLAS, e.g.
 *   LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas ./cblas_layouts */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "blas_decls.h"

static int failures, cases;

static unsigned long long rng_state = 0x9e3779b97f4a7c15ULL;
static double rnd(void) {
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(rng_state >> 11) / 9007199254740992.0 * 2.0 - 1.0; /* [-1, 1) */
}

/* Element (i, j) of a rows x cols matrix stored with leading dimension ld. */
static size_t at(int row_major, int i, int j, int ld) {
    return row_major ? (size_t)i * (size_t)ld + (size_t)j : (size_t)i + (size_t)j * (size_t)ld;
}

static const char *trans_name(int t) { return t == CblasNoTrans ? "N" : "T"; }

/* One case in double and in single precision. pad is added to every leading
 * dimension. */
static void run_case(int row_major, int ta, int tb, int m, int n, int k, double alpha, double beta,
                     int pad, int nan_c, int nan_a) {
    int ar = ta == CblasNoTrans ? m : k, ac = ta == CblasNoTrans ? k : m; /* A is ar x ac */
    int br = tb == CblasNoTrans ? k : n, bc = tb == CblasNoTrans ? n : k; /* B is br x bc */
    int lda = (row_major ? ac : ar) + pad, ldb = (row_major ? bc : br) + pad,
        ldc = (row_major ? n : m) + pad;
    if (lda < 1) lda = 1;
    if (ldb < 1) ldb = 1;
    if (ldc < 1) ldc = 1;
    size_t sa = (size_t)lda * (size_t)(row_major ? ar : ac) + 1,
           sb = (size_t)ldb * (size_t)(row_major ? br : bc) + 1,
           sc = (size_t)ldc * (size_t)(row_major ? m : n) + 1;
    double *a = malloc(sa * sizeof *a), *b = malloc(sb * sizeof *b), *c = malloc(sc * sizeof *c),
           *c0 = malloc(sc * sizeof *c0), *want = malloc(sc * sizeof *want);
    float *as = malloc(sa * sizeof *as), *bs = malloc(sb * sizeof *bs), *cs = malloc(sc * sizeof *cs);
    if (!a || !b || !c || !c0 || !want || !as || !bs || !cs) {
        printf("out of memory\n");
        exit(2);
    }
    for (size_t i = 0; i < sa; i++) a[i] = nan_a ? NAN : rnd();
    for (size_t i = 0; i < sb; i++) b[i] = rnd();
    for (size_t i = 0; i < sc; i++) c0[i] = nan_c ? NAN : rnd();
    /* Padding and the element past the end hold a marker that must survive. */
    for (size_t i = 0; i < sc; i++) want[i] = c0[i];
    for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            if (alpha != 0.0) {
                for (int l = 0; l < k; l++) {
                    double x = ta == CblasNoTrans ? a[at(row_major, i, l, lda)] : a[at(row_major, l, i, lda)];
                    double y = tb == CblasNoTrans ? b[at(row_major, l, j, ldb)] : b[at(row_major, j, l, ldb)];
                    s += x * y;
                }
            }
            size_t p = at(row_major, i, j, ldc);
            want[p] = alpha * s + (beta == 0.0 ? 0.0 : beta * c0[p]);
            if (alpha == 0.0) want[p] = beta == 0.0 ? 0.0 : beta * c0[p];
        }
    }
    enum CBLAS_ORDER order = row_major ? CblasRowMajor : CblasColMajor;

    /* double */
    for (size_t i = 0; i < sc; i++) c[i] = c0[i];
    cblas_dgemm(order, (enum CBLAS_TRANSPOSE)ta, (enum CBLAS_TRANSPOSE)tb, m, n, k, alpha, a, lda, b, ldb,
                beta, c, ldc);
    cases++;
    double tol = 1e-13 * (k + 1);
    for (size_t p = 0; p < sc; p++) {
        int bad = isnan(want[p]) ? !isnan(c[p]) : !(fabs(c[p] - want[p]) <= tol * (1.0 + fabs(want[p])));
        if (bad) {
            failures++;
            printf("FAIL dgemm %s %s%s m=%d n=%d k=%d alpha=%g beta=%g lda=%d ldb=%d ldc=%d: c[%zu] = %.17g, "
                   "want %.17g%s\n",
                   row_major ? "row-major" : "col-major", trans_name(ta), trans_name(tb), m, n, k, alpha,
                   beta, lda, ldb, ldc, p, c[p], want[p], nan_c ? " (C held NaN)" : nan_a ? " (A held NaN)" : "");
            break;
        }
    }

    /* float, same values rounded */
    for (size_t i = 0; i < sa; i++) as[i] = (float)a[i];
    for (size_t i = 0; i < sb; i++) bs[i] = (float)b[i];
    for (size_t i = 0; i < sc; i++) cs[i] = (float)c0[i];
    cblas_sgemm(order, (enum CBLAS_TRANSPOSE)ta, (enum CBLAS_TRANSPOSE)tb, m, n, k, (float)alpha, as, lda, bs,
                ldb, (float)beta, cs, ldc);
    cases++;
    double stol = 2e-6 * (k + 1);
    for (size_t p = 0; p < sc; p++) {
        int bad = isnan(want[p]) ? !isnan(cs[p]) : !(fabs(cs[p] - want[p]) <= stol * (1.0 + fabs(want[p])));
        if (bad) {
            failures++;
            printf("FAIL sgemm %s %s%s m=%d n=%d k=%d alpha=%g beta=%g lda=%d ldb=%d ldc=%d: c[%zu] = %.9g, "
                   "want %.9g%s\n",
                   row_major ? "row-major" : "col-major", trans_name(ta), trans_name(tb), m, n, k, alpha,
                   beta, lda, ldb, ldc, p, (double)cs[p], want[p],
                   nan_c ? " (C held NaN)" : nan_a ? " (A held NaN)" : "");
            break;
        }
    }
    free(a);
    free(b);
    free(c);
    free(c0);
    free(want);
    free(as);
    free(bs);
    free(cs);
}

int main(void) {
    static const int sizes[][3] = {{1, 1, 1}, {2, 3, 4}, {5, 4, 3}, {7, 1, 9}, {1, 8, 5},
                                   {17, 13, 11}, {67, 45, 129}, {130, 97, 64}, {256, 256, 256}};
    static const double alphas[] = {1.0, -0.75}, betas[] = {0.0, 1.0, 0.5};
    const int trans[] = {CblasNoTrans, CblasTrans};
    for (int layout = 0; layout < 2; layout++)
        for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
            for (int ia = 0; ia < 2; ia++)
                for (int ib = 0; ib < 2; ib++)
                    for (size_t al = 0; al < 2; al++)
                        for (size_t be = 0; be < 3; be++)
                            run_case(layout, trans[ia], trans[ib], sizes[s][0], sizes[s][1], sizes[s][2],
                                     alphas[al], betas[be], (int)(s % 3), 0, 0);
    /* ConjTrans is Trans for real matrices. */
    run_case(0, CblasConjTrans, CblasNoTrans, 5, 6, 7, 1.0, 0.0, 1, 0, 0);
    run_case(1, CblasNoTrans, CblasConjTrans, 5, 6, 7, 1.0, 0.0, 1, 0, 0);
    /* beta = 0: C is not read (NaN there does not come out). */
    for (int layout = 0; layout < 2; layout++) {
        run_case(layout, CblasNoTrans, CblasNoTrans, 9, 7, 5, 1.0, 0.0, 2, 1, 0);
        run_case(layout, CblasTrans, CblasNoTrans, 67, 45, 129, 2.0, 0.0, 0, 1, 0);
    }
    /* alpha = 0: A and B are not read; C = beta * C. */
    for (int layout = 0; layout < 2; layout++) {
        run_case(layout, CblasNoTrans, CblasTrans, 9, 7, 5, 0.0, 0.5, 1, 0, 1);
        run_case(layout, CblasNoTrans, CblasNoTrans, 9, 7, 5, 0.0, 0.0, 1, 0, 1);
    }
    /* Empty sizes: k = 0 scales C by beta; m = 0 or n = 0 does nothing. */
    for (int layout = 0; layout < 2; layout++) {
        run_case(layout, CblasNoTrans, CblasNoTrans, 4, 3, 0, 1.0, 0.5, 0, 0, 0);
        run_case(layout, CblasNoTrans, CblasNoTrans, 0, 3, 4, 1.0, 0.5, 0, 0, 0);
        run_case(layout, CblasTrans, CblasTrans, 4, 0, 4, 1.0, 0.5, 0, 0, 0);
    }
    printf("cblas_layouts: %d cases, %d failed\n", cases, failures);
    return failures ? 1 : 0;
}
