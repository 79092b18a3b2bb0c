/*
 * Distributed dgemm (SUMMA on the process grid): p ranks with one thread
 * each ("mpi+threads:1") against one rank doing the whole product on p
 * threads ("threads:p"), for n x n matrices, n = 1024 and 2048.
 *
 * The same cores do the same arithmetic on both sides, so the ratio shows
 * what distributing costs: SUMMA's broadcasts of panels of A and B, and
 * local products of blocks rather than of whole matrices.
 *
 * Build and run: make mpi-bench (against target/release), or
 *   mpicc -std=c99 -O2 mpi_summa.c -o mpi_summa $(pkg-config --cflags --libs oxpar)
 *   mpiexec -n 2 ./mpi_summa [reps]                (default 3 runs, best kept)
 *
 * Times are wall-clock seconds of the slowest rank (a barrier starts each
 * run), best of `reps`. While rank 0 runs the threaded peer the other ranks
 * wait without spinning. One line per size (on rank 0):
 *   summa n=1024 grid=2x1 threads_per_rank=1 summa_s=... summa_gflops=...
 *     threads:2_s=... threads:2_gflops=... ratio=... max_abs_diff=...
 * where ratio is SUMMA's time over the threaded one's (below 1: SUMMA is
 * faster) and max_abs_diff compares rank 0's block of both products.
 */
#define _POSIX_C_SOURCE 199309L /* nanosleep */

#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "oxpar.h"

static void die(const char *what) {
    fprintf(stderr, "mpi_summa: %s: %s\n", what, oxpar_last_error_message());
    MPI_Abort(MPI_COMM_WORLD, 1);
}

static void *xmalloc(size_t bytes) {
    void *p = malloc(bytes > 0 ? bytes : 1);
    if (p == NULL) {
        die("out of memory");
    }
    return p;
}

/* A barrier that sleeps instead of spinning (Open MPI's MPI_Barrier polls,
 * which would steal a core from the threads rank 0 is timing). */
static void quiet_barrier(void) {
    MPI_Request req;
    int done = 0;
    struct timespec nap = {0, 200000}; /* 0.2 ms */
    MPI_Ibarrier(MPI_COMM_WORLD, &req);
    for (;;) {
        MPI_Test(&req, &done, MPI_STATUS_IGNORE);
        if (done) {
            break;
        }
        nanosleep(&nap, NULL);
    }
}

/* Entries of the global matrices: small multiples of 1/8. */
static double a_at(size_t i, size_t p) {
    return (double)((i * 7 + p * 3) % 11) / 8.0 - 0.625;
}
static double b_at(size_t p, size_t j) {
    return (double)((p * 5 + j * 2) % 13) / 8.0 - 0.75;
}

int main(int argc, char **argv) {
    static const size_t sizes[] = {1024, 2048};
    oxpar_context *mpi = NULL, *threads = NULL;
    int rank, size, reps = 3, s, r;
    size_t grows, gcols, grow, gcol;
    char spec[32];
    const double one = 1.0, zero = 0.0;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (argc > 1) {
        reps = atoi(argv[1]);
        reps = reps > 0 ? reps : 1;
    }
    if (oxpar_context_create_mpi("mpi+threads:1", (int32_t)MPI_Comm_c2f(MPI_COMM_WORLD), &mpi) !=
        OXPAR_STATUS_OK) {
        die("oxpar_context_create_mpi");
    }
    oxpar_mpi_grid(mpi, &grows, &gcols, &grow, &gcol);
    snprintf(spec, sizeof spec, "threads:%d", size);
    if (rank == 0 && oxpar_context_create(spec, &threads) != OXPAR_STATUS_OK) {
        die("oxpar_context_create");
    }

    for (s = 0; s < (int)(sizeof sizes / sizeof sizes[0]); s++) {
        size_t n = sizes[s], i0, ml, j0, nl, pa0, kal, pb0, kbl, i, j, p;
        double *a, *b, *c, best_summa = 1e30, best_threads = 1e30, flops = 2.0 * n * n * n;
        double t0, t, worst, err = 0;

        /* this rank's blocks (balanced): C and op(A) rows by grid row, C and
         * op(B) columns by grid column, the inner dimension both ways */
        oxpar_block_range(n, grows, grow, &i0, &ml);
        oxpar_block_range(n, gcols, gcol, &j0, &nl);
        oxpar_block_range(n, gcols, gcol, &pa0, &kal);
        oxpar_block_range(n, grows, grow, &pb0, &kbl);
        a = xmalloc(ml * kal * sizeof(double));
        b = xmalloc(kbl * nl * sizeof(double));
        c = xmalloc(ml * nl * sizeof(double));
        for (i = 0; i < ml; i++) {
            for (p = 0; p < kal; p++) {
                a[i * kal + p] = a_at(i0 + i, pa0 + p);
            }
        }
        for (p = 0; p < kbl; p++) {
            for (j = 0; j < nl; j++) {
                b[p * nl + j] = b_at(pb0 + p, j0 + j);
            }
        }
        for (r = 0; r < reps; r++) {
            quiet_barrier();
            t0 = MPI_Wtime();
            if (oxpar_mpi_dgemm(mpi, OXPAR_TRANS_NO, OXPAR_TRANS_NO, ml, nl, kal, kbl, &one, a,
                                (ptrdiff_t)kal, 1, b, (ptrdiff_t)nl, 1, &zero, c, (ptrdiff_t)nl,
                                1) != OXPAR_STATUS_OK) {
                die("oxpar_mpi_dgemm");
            }
            t = MPI_Wtime() - t0;
            MPI_Allreduce(&t, &worst, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
            best_summa = worst < best_summa ? worst : best_summa;
        }

        /* the peer: rank 0 alone, the whole product on `size` threads */
        if (rank == 0) {
            double *fa = xmalloc(n * n * sizeof(double)), *fb = xmalloc(n * n * sizeof(double));
            double *fc = xmalloc(n * n * sizeof(double));
            for (i = 0; i < n; i++) {
                for (j = 0; j < n; j++) {
                    fa[i * n + j] = a_at(i, j);
                    fb[i * n + j] = b_at(i, j);
                }
            }
            for (r = 0; r < reps; r++) {
                t0 = MPI_Wtime();
                if (oxpar_dgemm(threads, OXPAR_TRANS_NO, OXPAR_TRANS_NO, n, n, n, &one, fa,
                                (ptrdiff_t)n, 1, fb, (ptrdiff_t)n, 1, &zero, fc, (ptrdiff_t)n,
                                1) != OXPAR_STATUS_OK) {
                    die("oxpar_dgemm");
                }
                t = MPI_Wtime() - t0;
                best_threads = t < best_threads ? t : best_threads;
            }
            /* rank 0's block of the distributed C must be the same numbers */
            for (i = 0; i < ml; i++) {
                for (j = 0; j < nl; j++) {
                    err = fmax(err, fabs(c[i * nl + j] - fc[(i0 + i) * n + j0 + j]));
                }
            }
            free(fa);
            free(fb);
            free(fc);
        }
        quiet_barrier();
        if (rank == 0) {
            printf("summa n=%zu grid=%zux%zu threads_per_rank=1 summa_s=%.4f summa_gflops=%.2f "
                   "%s_s=%.4f %s_gflops=%.2f ratio=%.3f max_abs_diff=%.1e\n",
                   n, grows, gcols, best_summa, flops / best_summa * 1e-9, spec, best_threads,
                   spec, flops / best_threads * 1e-9, best_summa / best_threads, err);
            fflush(stdout);
            if (err > 1e-9 * (double)n) {
                fprintf(stderr, "mpi_summa: SUMMA and the threaded dgemm disagree\n");
                MPI_Abort(MPI_COMM_WORLD, 1);
            }
        }
        free(a);
        free(b);
        free(c);
    }
    oxpar_context_free(threads);
    oxpar_context_free(mpi);
    MPI_Finalize();
    return 0;
}
