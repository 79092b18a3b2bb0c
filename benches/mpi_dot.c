/*
 * Distributed ddot: oxpar_ddot on an MPI context against what a C program
 * would write by hand, the local dot product plus MPI_Allreduce.
 *
 * Both sides compute the local part with the same kernel, on one thread per
 * rank (oxpar_ddot on a "threads:1" context for the peer, an "mpi+threads:1"
 * context for oxpar; the "serial" backend's loops are the plain reference
 * ones), so the ratio measures what oxpar's distributed layer costs: its
 * argument checks, the collective that also carries every rank's status,
 * and the call path.
 *
 * Build and run: make mpi-bench (against target/release), or
 *   mpicc -std=c99 -O2 mpi_dot.c -o mpi_dot $(pkg-config --cflags --libs oxpar)
 *   mpiexec -n 2 ./mpi_dot [batches]               (default 15 batches)
 *
 * For each local length n (10^3, 10^5, 10^7 elements per rank) the two sides
 * run in alternating batches of calls; a batch's time is the slowest rank's
 * (a barrier starts it); the median batch and the best one are reported,
 * in microseconds per call, with the ratios oxpar/peer (the target is 1.1 or
 * less). One line per size (on rank 0):
 *   ddot ranks=2 n_local=1000 reps=... batches=... oxpar_us=... peer_us=...
 *     ratio=... best_oxpar_us=... best_peer_us=... best_ratio=...
 *
 * oxpar's check rides in the same single word: every rank predicts the
 * next summed call from the calls all ranks agreed on before (so every rank
 * predicts the same, without a message), and sends its partial value if it
 * is in the predicted call with no error, NaN otherwise; a sum that is a
 * number proves that every rank was in that call (see the oxpar-mpi crate's
 * agree.rs). Only a misprediction, an error or a NaN/infinite partial costs
 * a second round: an allreduce of three doubles, the value (two words, for
 * a complex result's parts) and a status word (every rank's errors,
 * operation and element type). A second line per size times a peer that
 * sends two doubles, as a fallback round of about that size does:
 *   ddot-2words ranks=2 n_local=1000 peer2_us=... ratio2=... best_peer2_us=...
 *     best_ratio2=... floor=...
 * floor = peer2/peer is what a second word costs the hand-written program
 * (Open MPI 4.1 over shared memory: about 0.09 us per allreduce; every
 * message of 9 to 32 bytes costs the same step). One word cannot carry the
 * check of a single call in isolation (every bit pattern of the value is a
 * possible sum, so none is left to say "the ranks disagree"); with a
 * prediction that every rank shares it can, since then the only thing to
 * say is "not the predicted call", and NaN says it. The steady state pays
 * no floor, so ratio (against the one-word peer) is the figure to read.
 *
 * A third line per size alternates ddot and dnrm2 (the peer: local dot plus
 * a one-word allreduce, and the local norm squared plus a one-word
 * allreduce and a square root), so that a periodic pattern shows the same
 * one-word cost as a steady one:
 *   ddot-dnrm2 ranks=2 n_local=1000 oxpar_us=... peer_us=... ratio=...
 *     best_ratio=...
 */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#include "oxpar.h"

static void die(const char *what) {
    fprintf(stderr, "mpi_dot: %s: %s\n", what, oxpar_last_error_message());
    MPI_Abort(MPI_COMM_WORLD, 1);
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static volatile double sink;

/* One batch of `reps` distributed reductions; seconds per call on the
 * slowest rank: oxpar on `mpi`, or, when `mpi` is NULL, the peer: a local
 * oxpar call on `one` plus MPI_Allreduce of `words` doubles (the value, and
 * a zero for a second word). With `alternate`, odd calls are dnrm2 instead
 * of ddot (the peer's allreduce then adds the local norms' squares). */
static double batch_words(const oxpar_context *mpi, const oxpar_context *one, size_t n,
                          const double *x, const double *y, int reps, int words, int alternate) {
    double t0, t, worst, r = 0, acc = 0;
    int k;
    MPI_Barrier(MPI_COMM_WORLD);
    t0 = MPI_Wtime();
    for (k = 0; k < reps; k++) {
        int nrm2 = alternate && (k & 1);
        if (mpi != NULL) {
            oxpar_status st = nrm2 ? oxpar_dnrm2(mpi, n, x, 1, &r)
                                   : oxpar_ddot(mpi, n, x, 1, y, 1, &r);
            if (st != OXPAR_STATUS_OK) {
                die("oxpar_ddot/oxpar_dnrm2 (mpi)");
            }
        } else {
            double local[2] = {0, 0}, global[2];
            oxpar_status st = nrm2 ? oxpar_dnrm2(one, n, x, 1, &local[0])
                                   : oxpar_ddot(one, n, x, 1, y, 1, &local[0]);
            if (st != OXPAR_STATUS_OK) {
                die("oxpar_ddot/oxpar_dnrm2 (local)");
            }
            if (nrm2) {
                local[0] *= local[0];
            }
            MPI_Allreduce(local, global, words, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
            r = nrm2 ? sqrt(global[0]) : global[0];
        }
        acc += r;
    }
    t = (MPI_Wtime() - t0) / reps;
    sink = acc;
    MPI_Allreduce(&t, &worst, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    return worst;
}

static double batch(const oxpar_context *mpi, const oxpar_context *one, size_t n,
                    const double *x, const double *y, int reps) {
    return batch_words(mpi, one, n, x, y, reps, 1, 0);
}

int main(int argc, char **argv) {
    static const size_t sizes[] = {1000, 100000, 10000000};
    static const int reps[] = {2000, 500, 5};
    oxpar_context *mpi = NULL, *one = NULL;
    int rank, size, batches = 15, s, b;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (argc > 1) {
        batches = atoi(argv[1]);
        batches = batches > 0 ? batches : 1;
    }
    if (oxpar_context_create_mpi("mpi+threads:1", (int32_t)MPI_Comm_c2f(MPI_COMM_WORLD), &mpi) !=
        OXPAR_STATUS_OK) {
        die("oxpar_context_create_mpi");
    }
    if (oxpar_context_create("threads:1", &one) != OXPAR_STATUS_OK) {
        die("oxpar_context_create");
    }

    for (s = 0; s < (int)(sizeof sizes / sizeof sizes[0]); s++) {
        size_t n = sizes[s], i;
        double *x = malloc(n * sizeof(double)), *y = malloc(n * sizeof(double));
        double *t_ox = malloc((size_t)batches * sizeof(double));
        double *t_peer = malloc((size_t)batches * sizeof(double));
        double *t_peer2 = malloc((size_t)batches * sizeof(double));
        double *t_alt = malloc((size_t)batches * sizeof(double));
        double *t_alt_peer = malloc((size_t)batches * sizeof(double));
        double r_ox = 0, r_peer = 0, local = 0;
        if (x == NULL || y == NULL || t_ox == NULL || t_peer == NULL || t_peer2 == NULL ||
            t_alt == NULL || t_alt_peer == NULL) {
            die("out of memory");
        }
        for (i = 0; i < n; i++) {
            x[i] = (double)((i + (size_t)rank) % 7) - 3.0;
            y[i] = 0.5 * (double)(i % 5);
        }
        /* the two must agree (exact: small integers and halves) */
        if (oxpar_ddot(mpi, n, x, 1, y, 1, &r_ox) != OXPAR_STATUS_OK) {
            die("oxpar_ddot (mpi)");
        }
        oxpar_ddot(one, n, x, 1, y, 1, &local);
        MPI_Allreduce(&local, &r_peer, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
        if (r_ox != r_peer) {
            fprintf(stderr, "mpi_dot: rank %d: oxpar %.17g, peer %.17g\n", rank, r_ox, r_peer);
            MPI_Abort(MPI_COMM_WORLD, 1);
        }
        /* and the norms (the squares add exactly; the roots may differ in the last bit) */
        if (oxpar_dnrm2(mpi, n, x, 1, &r_ox) != OXPAR_STATUS_OK) {
            die("oxpar_dnrm2 (mpi)");
        }
        oxpar_dnrm2(one, n, x, 1, &local);
        local *= local;
        MPI_Allreduce(&local, &r_peer, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
        if (fabs(r_ox - sqrt(r_peer)) > 1e-12 * r_ox) {
            fprintf(stderr, "mpi_dot: rank %d: oxpar nrm2 %.17g, peer %.17g\n", rank, r_ox,
                    sqrt(r_peer));
            MPI_Abort(MPI_COMM_WORLD, 1);
        }
        /* warm up, then alternate batches so both see the same machine */
        batch(mpi, one, n, x, y, 1 + reps[s] / 10);
        batch(NULL, one, n, x, y, 1 + reps[s] / 10);
        for (b = 0; b < batches; b++) {
            t_ox[b] = batch(mpi, one, n, x, y, reps[s]);
            t_peer[b] = batch(NULL, one, n, x, y, reps[s]);
            t_peer2[b] = batch_words(NULL, one, n, x, y, reps[s], 2, 0);
            t_alt[b] = batch_words(mpi, one, n, x, y, reps[s], 1, 1);
            t_alt_peer[b] = batch_words(NULL, one, n, x, y, reps[s], 1, 1);
        }
        qsort(t_ox, (size_t)batches, sizeof(double), cmp_double);
        qsort(t_peer, (size_t)batches, sizeof(double), cmp_double);
        qsort(t_peer2, (size_t)batches, sizeof(double), cmp_double);
        qsort(t_alt, (size_t)batches, sizeof(double), cmp_double);
        qsort(t_alt_peer, (size_t)batches, sizeof(double), cmp_double);
        if (rank == 0) {
            double ox = t_ox[batches / 2], peer = t_peer[batches / 2];
            printf("ddot ranks=%d n_local=%zu reps=%d batches=%d oxpar_us=%.2f peer_us=%.2f "
                   "ratio=%.3f best_oxpar_us=%.2f best_peer_us=%.2f best_ratio=%.3f\n",
                   size, n, reps[s], batches, ox * 1e6, peer * 1e6, ox / peer, t_ox[0] * 1e6,
                   t_peer[0] * 1e6, t_ox[0] / t_peer[0]);
            printf("ddot-2words ranks=%d n_local=%zu peer2_us=%.2f ratio2=%.3f best_peer2_us=%.2f "
                   "best_ratio2=%.3f floor=%.3f\n",
                   size, n, t_peer2[batches / 2] * 1e6, ox / t_peer2[batches / 2],
                   t_peer2[0] * 1e6, t_ox[0] / t_peer2[0], t_peer2[batches / 2] / peer);
            printf("ddot-dnrm2 ranks=%d n_local=%zu oxpar_us=%.2f peer_us=%.2f ratio=%.3f "
                   "best_ratio=%.3f\n",
                   size, n, t_alt[batches / 2] * 1e6, t_alt_peer[batches / 2] * 1e6,
                   t_alt[batches / 2] / t_alt_peer[batches / 2], t_alt[0] / t_alt_peer[0]);
            fflush(stdout);
        }
        free(x);
        free(y);
        free(t_ox);
        free(t_peer);
        free(t_peer2);
        free(t_alt);
        free(t_alt_peer);
    }
    oxpar_context_free(one);
    oxpar_context_free(mpi);
    MPI_Finalize();
    return 0;
}
