/*
 * oxpar_ddot on strided vectors, and what a failed call looks like.
 *
 *   cc -std=c99 dot.c -o dot $(pkg-config --cflags --libs oxpar)
 */
#include <stdio.h>

#include <oxpar.h>

int main(void) {
    /* x: every second element of data (1, 3, 5, 7); y: ys backwards (4, 3, 2, 1).
     * With a negative increment the pointer is to the first *logical*
     * element, here the last one in memory. */
    const double data[8] = {1, -1, 3, -1, 5, -1, 7, -1};
    const double ys[4] = {1, 2, 3, 4};
    double result = 0.0;
    oxpar_context *ctx = NULL;
    oxpar_status st;

    st = oxpar_context_create(NULL, &ctx); /* NULL: "threads", all usable CPUs */
    if (st != OXPAR_STATUS_OK) {
        fprintf(stderr, "oxpar_context_create: %s\n", oxpar_last_error_message());
        return 1;
    }

    st = oxpar_ddot(ctx, 4, data, 2, ys + 3, -1, &result);
    if (st != OXPAR_STATUS_OK) {
        fprintf(stderr, "oxpar_ddot: %s\n", oxpar_last_error_message());
        oxpar_context_free(ctx);
        return 1;
    }
    printf("x . y = 1*4 + 3*3 + 5*2 + 7*1 = %g\n", result);

    /* An increment of 0 reads one element n times: 1 * (1 + 2 + 3 + 4). */
    double repeated = 0.0;
    st = oxpar_ddot(ctx, 4, data, 0, ys, 1, &repeated);
    printf("with incx = 0: %g\n", repeated);

    /* A mistake: an output increment of 0 (all of y would land on one
     * element). The call returns an error code, leaves y alone and says
     * which argument is wrong. */
    double y[4] = {0, 0, 0, 0}, one = 1.0;
    oxpar_status bad = oxpar_daxpy(ctx, 4, &one, data, 2, y, 0);
    printf("axpy with incy = 0: status %d (%s)\n  %s\n", (int)bad, oxpar_status_str(bad),
           oxpar_last_error_message());

    oxpar_context_free(ctx);
    if (result != 30.0 || st != OXPAR_STATUS_OK || repeated != 10.0 ||
        bad != OXPAR_STATUS_INVALID_STRIDE || y[0] != 0.0) {
        printf("dot: WRONG\n");
        return 1;
    }
    printf("dot: ok\n");
    return 0;
}
