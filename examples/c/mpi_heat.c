/*
 * A 2-D heat equation (Jacobi iteration of a 5-point stencil) on a grid
 * distributed over MPI ranks, with oxpar exchanging the ghost cells.
 *
 * The NY x NX grid of cells is cut into blocks on the context's process
 * grid (oxpar_mpi_grid, oxpar_block_range). Each rank keeps its block with
 * one layer of ghost cells around it; before every step oxpar_mpi_dhalo_2d
 * fills the ghosts with the neighbours' edge values. Around the whole domain
 * the ghosts hold the boundary condition: the top edge is held at 1, the
 * other three at 0. The residual (how much a step still changes the field)
 * is a distributed norm: oxpar_dnrm2 of each rank's block on the MPI context.
 *
 * At the end rank 0 gathers the field and compares it with the same
 * iteration run serially on the whole grid: each new value depends only on
 * its four neighbours, never on how the grid is cut, so the two must agree
 * bit for bit.
 *
 *   mpicc -std=c99 mpi_heat.c -o mpi_heat $(pkg-config --cflags --libs oxpar)
 *   mpiexec -n 4 ./mpi_heat
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <oxpar.h>

#define NY 64     /* cells, top to bottom */
#define NX 48     /* cells, left to right */
#define STEPS 500 /* Jacobi iterations */

/* The fixed temperature just outside the domain: 1 above the top row. */
static double boundary(long i, long j) {
    (void)j;
    return i < 0 ? 1.0 : 0.0;
}

/* One Jacobi step on a rows x cols interior stored row-major with a ghost
 * frame of 1 (leading dimension cols + 2): unew := mean of u's 4 neighbours. */
static void jacobi_step(size_t rows, size_t cols, const double *u, double *unew) {
    size_t ld = cols + 2, i, j;
    for (i = 1; i <= rows; i++) {
        for (j = 1; j <= cols; j++) {
            unew[i * ld + j] = 0.25 * (u[(i - 1) * ld + j] + u[(i + 1) * ld + j] +
                                       u[i * ld + j - 1] + u[i * ld + j + 1]);
        }
    }
}

/* A (rows + 2) x (cols + 2) array: zeros inside, and the boundary condition
 * in the ghosts that lie outside the global domain. (r0, c0) is the global
 * index of the block's first interior cell. */
static double *new_field(size_t rows, size_t cols, size_t r0, size_t c0) {
    size_t ld = cols + 2, i, j;
    double *u = calloc((rows + 2) * ld, sizeof(double));
    if (u == NULL) {
        fprintf(stderr, "mpi_heat: out of memory\n");
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    for (i = 0; i < rows + 2; i++) {
        for (j = 0; j < cols + 2; j++) {
            long gi = (long)(r0 + i) - 1, gj = (long)(c0 + j) - 1;
            if (gi < 0 || gi >= NY || gj < 0 || gj >= NX) {
                u[i * ld + j] = boundary(gi, gj);
            }
        }
    }
    return u;
}

static void die(const char *what) {
    fprintf(stderr, "mpi_heat: %s: %s\n", what, oxpar_last_error_message());
    MPI_Abort(MPI_COMM_WORLD, 1);
}

int main(int argc, char **argv) {
    oxpar_context *ctx = NULL;
    size_t rank, size, grows, gcols, grow, gcol, r0, rows, c0, cols, i, j, step;
    double *u, *unew, *diff, *tmp, residual = 0;
    int ok = 1;

    MPI_Init(&argc, &argv);
    /* an MPI context over MPI_COMM_WORLD (oxpar uses its own duplicate) */
    if (oxpar_context_create_mpi("mpi+threads", (int32_t)MPI_Comm_c2f(MPI_COMM_WORLD), &ctx) !=
        OXPAR_STATUS_OK) {
        die("oxpar_context_create_mpi");
    }
    oxpar_mpi_rank(ctx, &rank, &size);
    oxpar_mpi_grid(ctx, &grows, &gcols, &grow, &gcol);

    /* This rank's block: rows r0.. of NY on grid row `grow`, columns c0.. of
     * NX on grid column `gcol`. */
    oxpar_block_range(NY, grows, grow, &r0, &rows);
    oxpar_block_range(NX, gcols, gcol, &c0, &cols);
    u = new_field(rows, cols, r0, c0);
    unew = new_field(rows, cols, r0, c0);
    diff = malloc((rows * cols > 0 ? rows * cols : 1) * sizeof(double));
    if (diff == NULL) {
        die("out of memory");
    }
    if (rank == 0) {
        printf("mpi_heat: %d x %d cells, %d steps on %zu rank(s), a %zu x %zu process grid\n", NY,
               NX, STEPS, size, grows, gcols);
    }

    for (step = 1; step <= STEPS; step++) {
        /* fill the ghosts from the neighbours (ghost width 1, not periodic) */
        if (oxpar_mpi_dhalo_2d(ctx, rows + 2, cols + 2, 1, false, false, u, (ptrdiff_t)cols + 2,
                               1) != OXPAR_STATUS_OK) {
            die("oxpar_mpi_dhalo_2d");
        }
        jacobi_step(rows, cols, u, unew);
        if (step % 100 == 0) {
            /* the norm of the change over the whole grid (collective) */
            for (i = 0; i < rows; i++) {
                for (j = 0; j < cols; j++) {
                    size_t at = (i + 1) * (cols + 2) + j + 1;
                    diff[i * cols + j] = unew[at] - u[at];
                }
            }
            if (oxpar_dnrm2(ctx, rows * cols, diff, 1, &residual) != OXPAR_STATUS_OK) {
                die("oxpar_dnrm2");
            }
            if (rank == 0) {
                printf("  step %3zu: residual %.6e\n", step, residual);
            }
        }
        tmp = u;
        u = unew;
        unew = tmp;
    }

    /* Gather every block's interior on rank 0 (packed row by row) ... */
    {
        int *counts = NULL, *displs = NULL, r;
        double *mine = diff, *all = NULL;
        for (i = 0; i < rows; i++) {
            memcpy(mine + i * cols, u + (i + 1) * (cols + 2) + 1, cols * sizeof(double));
        }
        if (rank == 0) {
            counts = malloc(size * sizeof(int));
            displs = malloc(size * sizeof(int));
            all = malloc((size_t)NY * NX * sizeof(double));
            if (counts == NULL || displs == NULL || all == NULL) {
                die("out of memory");
            }
            for (r = 0; r < (int)size; r++) {
                size_t rr, rc;
                oxpar_block_range(NY, grows, (size_t)r / gcols, NULL, &rr);
                oxpar_block_range(NX, gcols, (size_t)r % gcols, NULL, &rc);
                counts[r] = (int)(rr * rc);
                displs[r] = r == 0 ? 0 : displs[r - 1] + counts[r - 1];
            }
        }
        MPI_Gatherv(mine, (int)(rows * cols), MPI_DOUBLE, all, counts, displs, MPI_DOUBLE, 0,
                    MPI_COMM_WORLD);

        /* ... and run the same iteration serially on the whole grid there. */
        if (rank == 0) {
            double *s = new_field(NY, NX, 0, 0), *snew = new_field(NY, NX, 0, 0);
            size_t mismatches = 0;
            for (step = 1; step <= STEPS; step++) {
                jacobi_step(NY, NX, s, snew);
                tmp = s;
                s = snew;
                snew = tmp;
            }
            for (r = 0; r < (int)size; r++) {
                size_t br0, brows, bc0, bcols;
                const double *block = all + displs[r];
                oxpar_block_range(NY, grows, (size_t)r / gcols, &br0, &brows);
                oxpar_block_range(NX, gcols, (size_t)r % gcols, &bc0, &bcols);
                for (i = 0; i < brows; i++) {
                    for (j = 0; j < bcols; j++) {
                        const double *want = &s[(br0 + i + 1) * (NX + 2) + bc0 + j + 1];
                        /* bit for bit, not merely close */
                        mismatches += memcmp(&block[i * bcols + j], want, sizeof(double)) != 0;
                    }
                }
            }
            printf("  centre temperature %.6f\n", s[(NY / 2 + 1) * (NX + 2) + NX / 2 + 1]);
            printf("distributed and serial fields %s (%zu of %d cells differ)\n",
                   mismatches == 0 ? "match bit for bit" : "DIFFER", mismatches, NY * NX);
            ok = mismatches == 0;
            free(s);
            free(snew);
            free(counts);
            free(displs);
            free(all);
        }
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        printf("mpi_heat: %s\n", ok ? "ok" : "WRONG");
    }

    free(u);
    free(unew);
    free(diff);
    oxpar_context_free(ctx); /* before MPI_Finalize: it frees a communicator */
    MPI_Finalize();
    return ok ? 0 : 1;
}
