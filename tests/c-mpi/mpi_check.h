/*
 * Checks and deterministic data for the MPI C tests (defined at the top of
 * test_mpi.c).
 *
 * Every rank runs every check on its own data. A failed check prints the
 * rank, the line and why, and the run goes on; mpi_check_summary() adds up
 * the counts of every rank and prints one line on rank 0.
 */
#ifndef OXPAR_MPI_CHECK_H
#define OXPAR_MPI_CHECK_H

#include <stddef.h>

#include "oxpar.h"

#if defined(__GNUC__)
#define MPI_CHECK_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define MPI_CHECK_PRINTF(f, a)
#endif

/* CHECK(condition, printf-format, args...): the format is required. */
#define CHECK(cond, ...) check_true((cond) ? 1 : 0, __LINE__, __VA_ARGS__)

/* The status must be OXPAR_STATUS_OK (prints the last error message if not). */
#define CHECK_OK(status, ...) check_ok((status), __LINE__, __VA_ARGS__)

/*
 * A failing call on this rank: `status` must be `want` and the last error
 * message must start with `prefix` (e.g. "oxpar_ddot: x:").
 */
#define CHECK_ERR(status, want, prefix) check_err((status), (want), (prefix), __LINE__)

/*
 * A collective call that another rank (`culprit`) got wrong: on this rank it
 * must fail too (any status but OK) with a message naming "rank <culprit>".
 */
#define CHECK_REMOTE_ERR(status, culprit) check_remote_err((status), (culprit), __LINE__)

int check_true(int ok, int line, const char *fmt, ...) MPI_CHECK_PRINTF(3, 4);
int check_ok(oxpar_status status, int line, const char *fmt, ...) MPI_CHECK_PRINTF(3, 4);
int check_err(oxpar_status status, oxpar_status want, const char *prefix, int line);
int check_remote_err(oxpar_status status, size_t culprit, int line);

/*
 * Checks of a bug found in liboxpar and not fixed yet run inside
 * `if (known_bug("id")) { ... }`: they expect the documented behaviour, so
 * they fail until the bug is fixed. Started with --skip-known-bugs, the
 * program skips them instead (rank 0 says which before the summary).
 */
int known_bug(const char *id);
void skip_known_bugs(int skip);

/* Adds up every rank's counts (MPI_COMM_WORLD); rank 0 prints
 * "mpi c tests: R ranks, N passed, M failed". Returns 0 when no rank failed. */
int mpi_check_summary(void);

/* The rank and size in MPI_COMM_WORLD (set by mpi_check_init after MPI_Init). */
extern size_t world_rank, world_size;
void mpi_check_init(void);

/* Element i of the deterministic vector `seed`: a multiple of 1/64 in
 * [-2, 2), the same on every rank. Products and sums of a few thousand of
 * them are exact in double (and short ones in float), so distributed results
 * must equal the serial references exactly. */
double val(unsigned seed, size_t i);

/* A quiet NaN and +Inf. */
double test_nan(void);
double test_inf(void);

/* malloc that aborts (every rank) when memory runs out; never NULL. */
void *xmalloc(size_t bytes);

/* How a length is split over parts. */
enum split_mode {
    SPLIT_BALANCED,    /* oxpar_block_range */
    SPLIT_UNEVEN,      /* part i gets about i+1 shares */
    SPLIT_REVERSED,    /* part i gets about parts-i shares */
    SPLIT_EMPTY_FIRST, /* part 0 gets nothing (if there are two parts or more) */
    SPLIT_EMPTY_LAST   /* the last part gets nothing (likewise) */
};
#define SPLIT_MODES 5
const char *split_name(int mode);

/* counts[0..parts) := the parts of n under `mode` (they add up to n). */
void split(size_t n, size_t parts, int mode, size_t *counts);
/* The first index of part i: counts[0] + ... + counts[i-1]. */
size_t split_start(const size_t *counts, size_t i);

/* The complex tests (test_mpi_complex.c) on an MPI context; `quick` runs a
 * few cases only and no mismatches. */
void test_complex(const oxpar_context *ctx, int quick);
/* Reproducible complex reductions on an MPI context: bitwise the serial
 * context's for every split (leaves the context not reproducible). */
void test_complex_reproducible(oxpar_context *ctx);

#endif /* OXPAR_MPI_CHECK_H */
