/* A program's own xerbla_ and cblas_xerbla must receive the BLAS's error
 * reports, as with the reference BLAS (netlib's testers and LAPACK's rely on
 * it). Calls dgemm_ and cblas_dgemm with one bad argument at a time and checks
 * which handler was called, with which routine name and argument position,
 * and that C was left untouched; valid calls must not call either handler.
 *
 * Positions are netlib's: dgemm_ reports to xerbla_("DGEMM ", p) with p the
 * 1-based Fortran argument; cblas_dgemm reports a bad layout or transpose to
 * cblas_xerbla(p, "cblas_dgemm", ...). A bad size or leading dimension
 * passed to cblas_dgemm goes, in netlib's CBLAS, to the Fortran dgemm_ and
 * so to xerbla_("DGEMM ", p) with p the position in the Fortran call (after
 * the row-major swap); a CBLAS that checks sizes itself reports
 * cblas_xerbla(p + 1, "cblas_dgemm") instead. Either is accepted here.
 *
 * Passes against the reference BLAS too:
 *   LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas ./xerbla_override */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "blas_decls.h"

static int xerbla_calls, cblas_xerbla_calls;
static char xerbla_name[16];
static size_t xerbla_len;
static int xerbla_info;
static char cblas_routine[32];
static int cblas_info;

/* The reference signature: CHARACTER*(*) SRNAME, INTEGER INFO. */
void xerbla_(const char *srname, const int *info, size_t srname_len);
void xerbla_(const char *srname, const int *info, size_t srname_len) {
    size_t n = srname_len < sizeof xerbla_name - 1 ? srname_len : sizeof xerbla_name - 1;
    memcpy(xerbla_name, srname, n);
    xerbla_name[n] = '\0';
    xerbla_len = srname_len;
    xerbla_info = *info;
    xerbla_calls++;
}

void cblas_xerbla(int info, const char *rout, const char *form, ...);
void cblas_xerbla(int info, const char *rout, const char *form, ...) {
    (void)form;
    strncpy(cblas_routine, rout, sizeof cblas_routine - 1);
    cblas_routine[sizeof cblas_routine - 1] = '\0';
    cblas_info = info;
    cblas_xerbla_calls++;
}

static int failures, checks;

static void reset(void) {
    xerbla_calls = cblas_xerbla_calls = 0;
    xerbla_name[0] = cblas_routine[0] = '\0';
    xerbla_len = 0;
    xerbla_info = cblas_info = 0;
}

#define N 4
static double a[N * N], b[N * N], c[N * N];

static void fill(void) {
    for (int i = 0; i < N * N; i++) {
        a[i] = 1.0 + i;
        b[i] = 2.0 - i;
        c[i] = 7.0; /* a sentinel the routine must not change on error */
    }
}

static int c_untouched(void) {
    for (int i = 0; i < N * N; i++)
        if (c[i] != 7.0) return 0;
    return 1;
}

/* Expects exactly one call of xerbla_ with "DGEMM " (hidden length 6) and
 * position want, none of cblas_xerbla, and C unchanged. */
static void expect_fortran(const char *what, int want) {
    checks++;
    int ok = xerbla_calls == 1 && cblas_xerbla_calls == 0 && xerbla_len == 6 &&
             strcmp(xerbla_name, "DGEMM ") == 0 && xerbla_info == want && c_untouched();
    if (!ok) {
        failures++;
        printf("FAIL %s: want xerbla_(\"DGEMM \", %d) once; got %d xerbla_ call(s) (\"%s\", len %zu, "
               "info %d), %d cblas_xerbla call(s), C %s\n",
               what, want, xerbla_calls, xerbla_name, xerbla_len, xerbla_info, cblas_xerbla_calls,
               c_untouched() ? "untouched" : "CHANGED");
    }
}

/* Expects exactly one call of cblas_xerbla(want, "cblas_dgemm") (or of
 * cblas_xerbla(also, ...) when also > 0), or, when fortran_pos > 0,
 * alternatively one of xerbla_("DGEMM ", fortran_pos). */
static void expect_cblas(const char *what, int want, int also, int fortran_pos) {
    checks++;
    int via_cblas = cblas_xerbla_calls == 1 && xerbla_calls == 0 &&
                    strcmp(cblas_routine, "cblas_dgemm") == 0 &&
                    (cblas_info == want || (also > 0 && cblas_info == also));
    int via_fortran = fortran_pos > 0 && xerbla_calls == 1 && cblas_xerbla_calls == 0 &&
                      strcmp(xerbla_name, "DGEMM ") == 0 && xerbla_info == fortran_pos;
    if (!(via_cblas || via_fortran) || !c_untouched()) {
        failures++;
        printf("FAIL %s: want cblas_xerbla(%d, \"cblas_dgemm\")", what, want);
        if (fortran_pos > 0) printf(" or xerbla_(\"DGEMM \", %d)", fortran_pos);
        printf("; got %d cblas_xerbla call(s) (%d, \"%s\"), %d xerbla_ call(s) (\"%s\", %d), C %s\n",
               cblas_xerbla_calls, cblas_info, cblas_routine, xerbla_calls, xerbla_name, xerbla_info,
               c_untouched() ? "untouched" : "CHANGED");
    }
}

static void cblas_case_also(const char *what, int layout, int ta, int tb, int m, int n, int k,
                            int lda, int ldb, int ldc, int want, int also, int fortran_pos) {
    fill();
    reset();
    cblas_dgemm((enum CBLAS_ORDER)layout, (enum CBLAS_TRANSPOSE)ta, (enum CBLAS_TRANSPOSE)tb, m, n, k,
                1.0, a, lda, b, ldb, 0.0, c, ldc);
    expect_cblas(what, want, also, fortran_pos);
}

static void fortran_case(const char *what, char ta, char tb, int m, int n, int k, int lda, int ldb,
                         int ldc, int want) {
    double alpha = 1.0, beta = 0.0;
    fill();
    reset();
    dgemm_(&ta, &tb, &m, &n, &k, &alpha, a, &lda, b, &ldb, &beta, c, &ldc, 1, 1);
    expect_fortran(what, want);
}

static void cblas_case(const char *what, int layout, int ta, int tb, int m, int n, int k, int lda,
                       int ldb, int ldc, int want, int fortran_pos) {
    cblas_case_also(what, layout, ta, tb, m, n, k, lda, ldb, ldc, want, 0, fortran_pos);
}

int main(void) {
    /* dgemm_(TRANSA, TRANSB, M, N, K, ALPHA, A, LDA, B, LDB, BETA, C, LDC) */
    fortran_case("dgemm_ transa='X'", 'X', 'N', 2, 2, 2, N, N, N, 1);
    fortran_case("dgemm_ transb='Q'", 'N', 'Q', 2, 2, 2, N, N, N, 2);
    fortran_case("dgemm_ m=-1", 'N', 'N', -1, 2, 2, N, N, N, 3);
    fortran_case("dgemm_ n=-1", 'N', 'N', 2, -1, 2, N, N, N, 4);
    fortran_case("dgemm_ k=-1", 'N', 'N', 2, 2, -1, N, N, N, 5);
    fortran_case("dgemm_ lda=2 < m=3", 'N', 'N', 3, 2, 2, 2, N, N, 8);
    fortran_case("dgemm_ lda=1 < k=2 (transa='T')", 'T', 'N', 2, 2, 2, 1, N, N, 8);
    fortran_case("dgemm_ ldb=1 < k=2", 'N', 'N', 2, 2, 2, N, 1, N, 10);
    fortran_case("dgemm_ ldc=2 < m=3", 'N', 'N', 3, 2, 2, N, N, 2, 13);
    /* The first bad argument wins. */
    fortran_case("dgemm_ m=-1 and ldc=0", 'N', 'N', -1, 2, 2, N, N, 0, 3);

    /* A valid call, lower-case letters included: no handler, C = A*B. */
    {
        char ta = 'n', tb = 't';
        int m = 2, n = 2, k = 2, ld = N;
        double alpha = 1.0, beta = 0.0;
        fill();
        reset();
        dgemm_(&ta, &tb, &m, &n, &k, &alpha, a, &ld, b, &ld, &beta, c, &ld, 1, 1);
        /* c(0,0) = a(0,0)*b(0,0) + a(0,1)*b(0,1) with b transposed. */
        double want = a[0] * b[0] + a[N] * b[N];
        checks++;
        if (xerbla_calls || cblas_xerbla_calls || c[0] != want) {
            failures++;
            printf("FAIL valid dgemm_: %d xerbla_ and %d cblas_xerbla call(s), c[0] = %g (want %g)\n",
                   xerbla_calls, cblas_xerbla_calls, c[0], want);
        }
    }

    /* cblas_dgemm(Layout, TransA, TransB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc) */
    int col = CblasColMajor, row = CblasRowMajor, nt = CblasNoTrans;
    cblas_case("cblas_dgemm layout=0", 0, nt, nt, 2, 2, 2, N, N, N, 1, 0);
    cblas_case("cblas_dgemm col-major transa=0", col, 0, nt, 2, 2, 2, N, N, N, 2, 0);
    cblas_case("cblas_dgemm col-major transb=0", col, nt, 0, 2, 2, 2, N, N, N, 3, 0);
    cblas_case("cblas_dgemm row-major transa=0", row, 0, nt, 2, 2, 2, N, N, N, 2, 0);
    /* netlib's reference reports this one as argument 2 (its row-major
     * branch passes 2 for both transposes); 3 is where TransB is. */
    cblas_case_also("cblas_dgemm row-major transb=0", row, nt, 0, 2, 2, 2, N, N, N, 3, 2, 0);
    /* Column-major: the Fortran call has the same arguments. */
    cblas_case("cblas_dgemm col-major m=-1", col, nt, nt, -1, 2, 2, N, N, N, 4, 3);
    cblas_case("cblas_dgemm col-major k=-1", col, nt, nt, 2, 2, -1, N, N, N, 6, 5);
    cblas_case("cblas_dgemm col-major lda=2 < m=3", col, nt, nt, 3, 2, 2, 2, N, N, 9, 8);
    cblas_case("cblas_dgemm col-major ldc=2 < m=3", col, nt, nt, 3, 2, 2, N, N, 2, 14, 13);
    /* Row-major: netlib computes C^T = B^T A^T, i.e. dgemm_(TB, TA, N, M, K,
     * alpha, B, ldb, A, lda, beta, C, ldc): M is Fortran argument 4, N 3, the
     * lda check is on argument 10 and ldb on 8. */
    cblas_case("cblas_dgemm row-major m=-1", row, nt, nt, -1, 2, 2, N, N, N, 5, 4);
    cblas_case("cblas_dgemm row-major n=-1", row, nt, nt, 2, -1, 2, N, N, N, 4, 3);
    cblas_case("cblas_dgemm row-major lda=1 < k=2", row, nt, nt, 2, 2, 2, 1, N, N, 11, 10);
    cblas_case("cblas_dgemm row-major ldc=1 < n=2", row, nt, nt, 2, 2, 2, N, N, 1, 14, 13);

    /* A valid CBLAS call: no handler. */
    fill();
    reset();
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1.0, a, N, b, N, 0.0, c, N);
    checks++;
    if (xerbla_calls || cblas_xerbla_calls || c[0] != a[0] * b[0] + a[1] * b[N]) {
        failures++;
        printf("FAIL valid cblas_dgemm: %d xerbla_ and %d cblas_xerbla call(s), c[0] = %g\n",
               xerbla_calls, cblas_xerbla_calls, c[0]);
    }

    printf("xerbla_override: %d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}
