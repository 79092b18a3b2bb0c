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

    /* A mistake: an increment of 0 for 4 elements. The call returns an error
     * code, leaves result alone and says which argument is wrong. */
    st = oxpar_ddot(ctx, 4, data, 0, ys, 1, &result);
    printf("with incx = 0: status %d (%s)\n  %s\n", (int)st, oxpar_status_str(st),
           oxpar_last_error_message());

    oxpar_context_free(ctx);
    if (result != 30.0 || st != OXPAR_STATUS_INVALID_STRIDE) {
        printf("dot: WRONG\n");
        return 1;
    }
    printf("dot: ok\n");
    return 0;
}
