/*
 * C := A * B with oxpar_dgemm on column-major (Fortran-order) matrices.
 *
 *   cc -std=c99 gemm.c -o gemm $(pkg-config --cflags --libs oxpar)
 *
 * Prints C and "gemm: ok" when it matches the product computed by hand.
 */
#include <stdio.h>

#include <oxpar.h>

#define M 2
#define N 2
#define K 3

int main(void) {
    /* Column-major: element (i, j) of an m x n matrix with leading dimension
     * ld is at [i + j*ld]; for oxpar that is rs = 1, cs = ld. */
    const double a[M * K] = {1, 4, /* column 0 */ 2, 5, /* column 1 */ 3, 6}; /* 2 x 3 */
    const double b[K * N] = {1, 3, 5, /* column 0 */ 2, 4, 6};                 /* 3 x 2 */
    const double expected[M * N] = {22, 49, 28, 64};
    double c[M * N] = {0};
    const double alpha = 1.0, beta = 0.0;
    oxpar_context *ctx = NULL;
    oxpar_status st;
    int i, j, ok = 1;

    if (oxpar_abi_version() != OXPAR_ABI_VERSION) {
        fprintf(stderr, "liboxpar has ABI %u, this program was built for %d\n",
                (unsigned)oxpar_abi_version(), OXPAR_ABI_VERSION);
        return 1;
    }
    st = oxpar_context_create("serial", &ctx);
    if (st != OXPAR_STATUS_OK) {
        fprintf(stderr, "oxpar_context_create: %s\n", oxpar_last_error_message());
        return 1;
    }
    st = oxpar_dgemm(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_NO, M, N, K, &alpha, a, 1, M, b, 1, K,
                     &beta, c, 1, M);
    oxpar_context_free(ctx);
    if (st != OXPAR_STATUS_OK) {
        fprintf(stderr, "oxpar_dgemm failed (%s): %s\n", oxpar_status_str(st),
                oxpar_last_error_message());
        return 1;
    }

    printf("oxpar %s: C = A * B (column-major, %dx%d times %dx%d)\n", oxpar_version(), M, K, K,
           N);
    for (i = 0; i < M; i++) {
        printf("  [");
        for (j = 0; j < N; j++) {
            printf(" %6.1f", c[i + j * M]);
            ok = ok && c[i + j * M] == expected[i + j * M];
        }
        printf(" ]\n");
    }
    printf("gemm: %s\n", ok ? "ok" : "WRONG");
    return ok ? 0 : 1;
}
