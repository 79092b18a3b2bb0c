/* liboxpar_blas's own error handlers print a message and return (the
 * reference xerbla_ stops the program): a program without handlers of its own
 * goes on after a bad call, and the routine has changed nothing. The messages
 * go to stderr; the harness (tests/blas/run_programs.sh) checks them:
 *   " ** On entry to DGEMM  parameter number  3 had an illegal value"
 *   "Parameter 1 to routine cblas_dgemm was incorrect"
 * This program defines neither xerbla_ nor cblas_xerbla. */
#include <stdio.h>

#include "blas_decls.h"

int main(void) {
    double a[4] = {1, 2, 3, 4}, b[4] = {5, 6, 7, 8}, c[4] = {7, 7, 7, 7};
    double alpha = 1.0, beta = 0.0;
    int m = -1, n = 2, k = 2, ld = 2;
    int failures = 0;

    dgemm_("N", "N", &m, &n, &k, &alpha, a, &ld, b, &ld, &beta, c, &ld, 1, 1);
    printf("xerbla_default: dgemm_ returned after a bad argument\n");

    cblas_dgemm((enum CBLAS_ORDER)0, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1.0, a, 2, b, 2, 0.0, c,
                2);
    printf("xerbla_default: cblas_dgemm returned after a bad argument\n");

    for (int i = 0; i < 4; i++) {
        if (c[i] != 7.0) {
            printf("FAIL: c[%d] = %g was changed by a call that failed\n", i, c[i]);
            failures++;
        }
    }
    /* The library still works afterwards. */
    m = 2;
    dgemm_("N", "N", &m, &n, &k, &alpha, a, &ld, b, &ld, &beta, c, &ld, 1, 1);
    if (c[0] != 23.0 || c[1] != 34.0 || c[2] != 31.0 || c[3] != 46.0) {
        printf("FAIL: after the errors, dgemm_ gave %g %g %g %g (want 23 34 31 46)\n", c[0], c[1],
               c[2], c[3]);
        failures++;
    }
    printf("xerbla_default: %s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
