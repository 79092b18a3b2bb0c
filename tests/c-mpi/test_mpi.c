/*
 * The C tests of oxpar's MPI backend, run under mpiexec with any number of
 * ranks up to MAX_RANKS (make mpi-c-test: 1, 2, 3 and 4). The program
 * initializes MPI itself and finalizes it at the end, after every context is
 * freed: oxpar must use the program's MPI and leave it running.
 *
 * Every rank builds the whole deterministic data, passes its block to oxpar
 * and compares what it gets back with a reference computed on the whole data
 * by a naive loop. The data are multiples of 1/64 (see val()), so sums and
 * products are exact and most results are compared exactly; only norms
 * (square roots) and float sums get a tolerance.
 *
 * Every call below is made by every rank in the same order (they are
 * collective); the errors section checks that a mistake on one rank is an
 * error on every rank, never a deadlock (mpi-c-test runs under a timeout).
 *
 * The complex routines are tested in test_mpi_complex.c (test_complex).
 *
 * Checks of bugs found in liboxpar and not fixed yet run inside
 * `if (known_bug("id"))` and fail until the bug is fixed; --skip-known-bugs
 * (make mpi-c-test MPI_C_TEST_ARGS=--skip-known-bugs) skips them. None is
 * open at present.
 */
#include <math.h>
#include <mpi.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpi_check.h"
#include "oxpar.h"

#define MAX_RANKS 64

/* ---- the checks and helpers of mpi_check.h ---------------------------------- */

size_t world_rank, world_size;
static long passed, failed;

void mpi_check_init(void) {
    int r, s;
    MPI_Comm_rank(MPI_COMM_WORLD, &r);
    MPI_Comm_size(MPI_COMM_WORLD, &s);
    world_rank = (size_t)r;
    world_size = (size_t)s;
}

static void fail_header(int line) {
    fprintf(stderr, "FAIL [rank %zu of %zu] test_mpi.c:%d: ", world_rank, world_size, line);
}

int check_true(int ok, int line, const char *fmt, ...) {
    va_list ap;
    if (ok) {
        passed++;
        return 1;
    }
    failed++;
    fail_header(line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 0;
}

int check_ok(oxpar_status status, int line, const char *fmt, ...) {
    va_list ap;
    if (status == OXPAR_STATUS_OK) {
        passed++;
        return 1;
    }
    failed++;
    fail_header(line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n     status %d (%s): %s\n", (int)status, oxpar_status_str(status),
            oxpar_last_error_message());
    return 0;
}

/* Whether `msg` names its function twice ("f: f: ..."): every message must
 * start with the function's name exactly once. */
static int repeats_prefix(const char *msg) {
    const char *colon = msg != NULL ? strstr(msg, ": ") : NULL;
    size_t n;
    if (colon == NULL) {
        return 0;
    }
    n = (size_t)(colon - msg);
    return strncmp(colon + 2, msg, n) == 0 && colon[2 + n] == ':';
}

int check_err(oxpar_status status, oxpar_status want, const char *prefix, int line) {
    const char *msg = oxpar_last_error_message();
    if (status == want && msg != NULL && strncmp(msg, prefix, strlen(prefix)) == 0 &&
        !repeats_prefix(msg)) {
        passed++;
        return 1;
    }
    failed++;
    fail_header(line);
    fprintf(stderr,
            "expected status %d (%s) and a message starting with \"%s\" (once)\n"
            "     got status %d (%s), message \"%s\"\n",
            (int)want, oxpar_status_str(want), prefix, (int)status, oxpar_status_str(status),
            msg ? msg : "(NULL)");
    return 0;
}

int check_remote_err(oxpar_status status, size_t culprit, int line) {
    const char *msg = oxpar_last_error_message();
    char name[64];
    snprintf(name, sizeof name, "rank %zu", culprit);
    if (status != OXPAR_STATUS_OK && msg != NULL && strstr(msg, name) != NULL &&
        !repeats_prefix(msg)) {
        passed++;
        return 1;
    }
    failed++;
    fail_header(line);
    fprintf(stderr,
            "expected an error naming \"%s\" (the rank at fault)\n"
            "     got status %d (%s), message \"%s\"\n",
            name, (int)status, oxpar_status_str(status), msg ? msg : "(NULL)");
    return 0;
}

static int skipping;
static const char *skipped[16];
static int nskipped;

void skip_known_bugs(int skip) {
    skipping = skip;
}

int known_bug(const char *id) {
    int i;
    if (!skipping) {
        return 1;
    }
    for (i = 0; i < nskipped; i++) {
        if (strcmp(skipped[i], id) == 0) {
            return 0;
        }
    }
    if (nskipped < 16) {
        skipped[nskipped++] = id;
    }
    return 0;
}

int mpi_check_summary(void) {
    long mine[2], all[2] = {0, 0};
    int i;
    mine[0] = passed;
    mine[1] = failed;
    MPI_Allreduce(mine, all, 2, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
    if (world_rank == 0) {
        if (nskipped > 0) {
            printf("skipped the checks of known bugs (--skip-known-bugs):");
            for (i = 0; i < nskipped; i++) {
                printf(" %s", skipped[i]);
            }
            printf("\n");
        }
        printf("mpi c tests: %zu ranks, %ld passed, %ld failed\n", world_size, all[0], all[1]);
        fflush(stdout);
    }
    return all[1] == 0 ? 0 : 1;
}

double val(unsigned seed, size_t i) {
    /* A small integer hash of (seed, i); its top 8 bits give the value. */
    uint32_t h = (uint32_t)i * 2654435761u + (uint32_t)seed * 0x9e3779b9u + 0x7f4a7c15u;
    h ^= h >> 15;
    h *= 0x2c1b3c6du;
    h ^= h >> 12;
    h *= 0x297a2d39u;
    h ^= h >> 15;
    return (double)((int)(h >> 24) - 128) / 64.0;
}

double test_nan(void) {
    volatile double zero = 0.0;
    return zero / zero;
}

double test_inf(void) {
    volatile double zero = 0.0;
    return 1.0 / zero;
}

void *xmalloc(size_t bytes) {
    void *p = malloc(bytes > 0 ? bytes : 1);
    if (p == NULL) {
        fprintf(stderr, "out of memory (%zu bytes)\n", bytes);
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    return p;
}

const char *split_name(int mode) {
    switch (mode) {
    case SPLIT_BALANCED:
        return "balanced";
    case SPLIT_UNEVEN:
        return "uneven";
    case SPLIT_REVERSED:
        return "reversed";
    case SPLIT_EMPTY_FIRST:
        return "empty-first";
    default:
        return "empty-last";
    }
}

void split(size_t n, size_t parts, int mode, size_t *counts) {
    size_t i, given = 0;
    if (mode == SPLIT_UNEVEN || mode == SPLIT_REVERSED) {
        size_t shares = parts * (parts + 1) / 2;
        for (i = 0; i < parts; i++) {
            size_t w = mode == SPLIT_UNEVEN ? i + 1 : parts - i;
            counts[i] = n * w / shares;
            given += counts[i];
        }
        /* the rest goes to the largest part */
        counts[mode == SPLIT_UNEVEN ? parts - 1 : 0] += n - given;
    } else if ((mode == SPLIT_EMPTY_FIRST || mode == SPLIT_EMPTY_LAST) && parts > 1) {
        size_t empty = mode == SPLIT_EMPTY_FIRST ? 0 : parts - 1, j = 0;
        for (i = 0; i < parts; i++) {
            counts[i] = 0;
            if (i != empty) {
                oxpar_block_range(n, parts - 1, j++, NULL, &counts[i]);
            }
        }
    } else {
        for (i = 0; i < parts; i++) {
            oxpar_block_range(n, parts, i, NULL, &counts[i]);
        }
    }
}

size_t split_start(const size_t *counts, size_t i) {
    size_t s = 0, j;
    for (j = 0; j < i; j++) {
        s += counts[j];
    }
    return s;
}


/* ---- small helpers ------------------------------------------------------ */

/* The reference dot product, norm, sum of |x| and index of max |x| (the first
 * NaN if any, else the first largest) of a whole vector. */
static double ref_dot(size_t n, const double *x, const double *y) {
    double s = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        s += x[i] * y[i];
    }
    return s;
}

static double ref_asum(size_t n, const double *x) {
    double s = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        s += fabs(x[i]);
    }
    return s;
}

static size_t ref_iamax(size_t n, const double *x) {
    size_t i, best = OXPAR_INDEX_NONE;
    for (i = 0; i < n; i++) {
        if (isnan(x[i])) {
            return i;
        }
        if (best == OXPAR_INDEX_NONE || fabs(x[i]) > fabs(x[best])) {
            best = i;
        }
    }
    return best;
}

static int close_to(double got, double want, double rel) {
    if (isnan(want)) {
        return isnan(got);
    }
    if (isinf(want)) {
        return got == want;
    }
    return fabs(got - want) <= rel * fabs(want) || got == want;
}

/* A dense matrix in local memory with element strides: row-major with a
 * leading dimension one larger than needed, or column-major likewise. The
 * padding holds NaN: it must never be read nor written. */
struct mat {
    double *p;
    size_t rows, cols, alloc;
    ptrdiff_t rs, cs;
};

static struct mat mat_new(size_t rows, size_t cols, int col_major) {
    struct mat a;
    size_t i;
    a.rows = rows;
    a.cols = cols;
    if (col_major) {
        a.rs = 1;
        a.cs = (ptrdiff_t)rows + 1;
        a.alloc = (rows + 1) * cols;
    } else {
        a.rs = (ptrdiff_t)cols + 1;
        a.cs = 1;
        a.alloc = rows * (cols + 1);
    }
    a.p = xmalloc(a.alloc * sizeof(double));
    for (i = 0; i < a.alloc; i++) {
        a.p[i] = test_nan();
    }
    return a;
}

static double *mat_at(const struct mat *a, size_t i, size_t j) {
    return a->p + (ptrdiff_t)i * a->rs + (ptrdiff_t)j * a->cs;
}

/* Whether the padding of `a` still holds only NaN. */
static int mat_padding_untouched(const struct mat *a) {
    size_t i, j, k, inside = 0;
    char *mark = xmalloc(a->alloc);
    memset(mark, 0, a->alloc);
    for (i = 0; i < a->rows; i++) {
        for (j = 0; j < a->cols; j++) {
            mark[mat_at(a, i, j) - a->p] = 1;
        }
    }
    for (k = 0; k < a->alloc; k++) {
        if (!mark[k] && !isnan(a->p[k])) {
            inside++;
        }
    }
    free(mark);
    return inside == 0;
}

/* The global rank that sits last, the one most tests make go wrong. */
static size_t last_rank(void) {
    return world_size - 1;
}

/* The most square grid of p ranks with rows >= cols, as documented. */
static void default_grid(size_t p, size_t *rows, size_t *cols) {
    size_t c = (size_t)sqrt((double)p);
    while (c > 1 && p % c != 0) {
        c--;
    }
    if (c == 0) {
        c = 1;
    }
    *cols = c;
    *rows = p / c;
}

/* Every grid shape the tests use for p ranks: p x 1, 1 x p, and 2 x 2 for 4. */
static size_t grid_shapes(size_t p, size_t shapes[][2]) {
    size_t n = 0;
    shapes[n][0] = p;
    shapes[n][1] = 1;
    n++;
    if (p > 1) {
        shapes[n][0] = 1;
        shapes[n][1] = p;
        n++;
    }
    if (p == 4) {
        shapes[n][0] = 2;
        shapes[n][1] = 2;
        n++;
    }
    return n;
}

/* Whether the last error message names "rank r". */
static int last_error_contains_rank(size_t r) {
    char name[32];
    const char *msg = oxpar_last_error_message();
    snprintf(name, sizeof name, "rank %zu", r);
    return msg != NULL && strstr(msg, name) != NULL;
}

/* A correct distributed ddot: after an error, the context must still work. */
static void check_context_still_works(const oxpar_context *ctx, const char *after) {
    enum { N = 50 };
    double x[N], y[N], got = -1;
    size_t counts[MAX_RANKS], s0, i;
    for (i = 0; i < N; i++) {
        x[i] = val(90, i);
        y[i] = val(91, i);
    }
    split(N, world_size, SPLIT_UNEVEN, counts);
    s0 = split_start(counts, world_rank);
    CHECK_OK(oxpar_ddot(ctx, counts[world_rank], x + s0, 1, y + s0, 1, &got),
             "ddot after %s", after);
    CHECK(got == ref_dot(N, x, y), "ddot after %s: %g, want %g", after, got, ref_dot(N, x, y));
}

/* ---- contexts ------------------------------------------------------------ */

/* Rank, size, node, grid and communicator of an MPI context over `comm`. */
static void check_context_info(const oxpar_context *ctx, MPI_Comm comm, const char *what) {
    size_t rank = 99, size = 99, on_node = 0, rows = 0, cols = 0, row = 99, col = 99, want_rows,
           want_cols;
    int mr, ms, node_size, cmp = -1, total = 0, one = 1;
    int32_t backend = -1, handle = -1;
    MPI_Comm node, mine;

    MPI_Comm_rank(comm, &mr);
    MPI_Comm_size(comm, &ms);
    CHECK_OK(oxpar_mpi_rank(ctx, &rank, &size), "%s: oxpar_mpi_rank", what);
    CHECK(rank == (size_t)mr && size == (size_t)ms, "%s: rank %zu of %zu, MPI says %d of %d",
          what, rank, size, mr, ms);
    CHECK_OK(oxpar_mpi_rank(ctx, NULL, NULL), "%s: oxpar_mpi_rank(NULL, NULL)", what);

    CHECK_OK(oxpar_context_backend(ctx, &backend), "%s: backend", what);
    CHECK(backend == OXPAR_BACKEND_MPI, "%s: backend %d, want OXPAR_BACKEND_MPI", what,
          (int)backend);

    MPI_Comm_split_type(comm, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node);
    MPI_Comm_size(node, &node_size);
    MPI_Comm_free(&node);
    CHECK_OK(oxpar_mpi_ranks_on_node(ctx, &on_node), "%s: ranks_on_node", what);
    CHECK(on_node == (size_t)node_size, "%s: ranks_on_node %zu, MPI says %d", what, on_node,
          node_size);

    default_grid((size_t)ms, &want_rows, &want_cols);
    CHECK_OK(oxpar_mpi_grid(ctx, &rows, &cols, &row, &col), "%s: grid", what);
    CHECK(rows == want_rows && cols == want_cols, "%s: default grid %zu x %zu, want %zu x %zu",
          what, rows, cols, want_rows, want_cols);
    CHECK(cols > 0 && row == rank / cols && col == rank % cols,
          "%s: rank %zu at (%zu, %zu) of %zu x %zu", what, rank, row, col, rows, cols);
    CHECK_OK(oxpar_mpi_grid(ctx, NULL, NULL, NULL, NULL), "%s: grid with NULL outputs", what);

    /* oxpar's communicator is a duplicate of ours: congruent, not identical,
     * and usable for the program's own collectives. */
    CHECK_OK(oxpar_mpi_comm(ctx, &handle), "%s: oxpar_mpi_comm", what);
    mine = MPI_Comm_f2c((MPI_Fint)handle);
    MPI_Comm_compare(comm, mine, &cmp);
    CHECK(cmp == MPI_CONGRUENT, "%s: oxpar's communicator compares %d, want MPI_CONGRUENT", what,
          cmp);
    MPI_Allreduce(&one, &total, 1, MPI_INT, MPI_SUM, mine);
    CHECK(total == ms, "%s: a sum over oxpar's communicator gave %d, want %d", what, total, ms);
}

static void test_contexts(const oxpar_context *world) {
    oxpar_context *ctx = NULL, *bad = NULL;
    size_t threads = 0, rank = 99, size = 99, rows = 0, cols = 0, row = 9, col = 9, on_node = 0;
    int32_t handle = -1;
    double x[4] = {1, 2, 3, 4}, got = 0;
    oxpar_status st;

    check_context_info(world, MPI_COMM_WORLD, "world via c2f");

    /* oxpar_context_create with an MPI spec: MPI_COMM_WORLD. */
    CHECK_OK(oxpar_context_create("mpi+threads", &ctx), "oxpar_context_create(\"mpi+threads\")");
    if (ctx != NULL) {
        check_context_info(ctx, MPI_COMM_WORLD, "oxpar_context_create(\"mpi+threads\")");
        CHECK_OK(oxpar_context_num_threads(ctx, &threads), "num_threads");
        CHECK(threads >= 1, "mpi+threads: %zu threads", threads);
    }
    oxpar_context_free(ctx);
    ctx = NULL;

    /* NULL spec is "mpi+threads"; "mpi+threads:N" sets the thread count. */
    CHECK_OK(oxpar_context_create_mpi(NULL, (int32_t)MPI_Comm_c2f(MPI_COMM_WORLD), &ctx),
             "create_mpi(NULL spec)");
    oxpar_context_free(ctx);
    ctx = NULL;
    CHECK_OK(oxpar_context_create_mpi("mpi+threads:2", (int32_t)MPI_Comm_c2f(MPI_COMM_WORLD), &ctx),
             "create_mpi(\"mpi+threads:2\")");
    if (ctx != NULL) {
        CHECK_OK(oxpar_context_num_threads(ctx, &threads), "num_threads");
        CHECK(threads == 2, "mpi+threads:2: %zu threads", threads);
    }
    oxpar_context_free(ctx);
    ctx = NULL;

    /* MPI_COMM_SELF: a one-rank world on every rank; dot is the local one. */
    CHECK_OK(oxpar_context_create_mpi("mpi+serial", (int32_t)MPI_Comm_c2f(MPI_COMM_SELF), &ctx),
             "create_mpi over MPI_COMM_SELF");
    if (ctx != NULL) {
        check_context_info(ctx, MPI_COMM_SELF, "MPI_COMM_SELF");
        CHECK_OK(oxpar_ddot(ctx, 4, x, 1, x, 1, &got), "ddot on MPI_COMM_SELF");
        CHECK(got == 30.0, "ddot on MPI_COMM_SELF: %g, want 30", got);
    }
    oxpar_context_free(ctx);
    ctx = NULL;

    /* Mistakes, the same on every rank. */
    CHECK_ERR(oxpar_context_create_mpi("mpi+bogus", (int32_t)MPI_Comm_c2f(MPI_COMM_WORLD), &bad),
              OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_context_create_mpi: ");
    CHECK(bad == NULL, "a failed create_mpi stored a context");
    st = oxpar_context_create_mpi("mpi", (int32_t)MPI_Comm_c2f(MPI_COMM_NULL), &bad);
    CHECK_ERR(st, OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_context_create_mpi: comm:");
    CHECK(bad == NULL, "create_mpi(MPI_COMM_NULL) stored a context");
    CHECK_ERR(oxpar_context_create_mpi("mpi", (int32_t)MPI_Comm_c2f(MPI_COMM_WORLD), NULL),
              OXPAR_STATUS_NULL_POINTER, "oxpar_context_create_mpi: out:");
    /* a spec only the last rank gets wrong: it fails on every rank */
    st = oxpar_context_create_mpi(world_rank == last_rank() ? "mpi+bogus" : "mpi+serial",
                                  (int32_t)MPI_Comm_c2f(MPI_COMM_WORLD), &bad);
    CHECK(st != OXPAR_STATUS_OK && bad == NULL,
          "create_mpi with a bad spec on rank %zu: status %d here (%s)", last_rank(), (int)st,
          oxpar_last_error_message());
    oxpar_context_free(bad);
    bad = NULL;

    /* A context that is not MPI is a one-process world. */
    CHECK_OK(oxpar_context_create("serial", &ctx), "serial context");
    if (ctx != NULL) {
        double a[6] = {1, 2, 3, 4, 5, 6}, v[3] = {1, 1, 1}, y[2] = {0, 0}, one = 1, zero = 0;
        double c[4] = {0, 0, 0, 0};
        CHECK_OK(oxpar_mpi_rank(ctx, &rank, &size), "serial: rank");
        CHECK(rank == 0 && size == 1, "serial: rank %zu of %zu, want 0 of 1", rank, size);
        CHECK_OK(oxpar_mpi_ranks_on_node(ctx, &on_node), "serial: ranks_on_node");
        CHECK(on_node == 1, "serial: ranks_on_node %zu", on_node);
        CHECK_OK(oxpar_mpi_grid(ctx, &rows, &cols, &row, &col), "serial: grid");
        CHECK(rows == 1 && cols == 1 && row == 0 && col == 0,
              "serial: grid %zu x %zu at (%zu, %zu)", rows, cols, row, col);
        CHECK_ERR(oxpar_mpi_comm(ctx, &handle), OXPAR_STATUS_UNSUPPORTED, "oxpar_mpi_comm: ctx: ");
        CHECK_OK(oxpar_mpi_set_grid(ctx, 1, 1), "serial: set_grid(1, 1)");
        CHECK_ERR(oxpar_mpi_set_grid(ctx, 2, 1), OXPAR_STATUS_UNSUPPORTED, "oxpar_mpi_set_grid: ");
        CHECK_ERR(oxpar_mpi_dhalo_1d(ctx, 4, 1, 0, x, 1), OXPAR_STATUS_UNSUPPORTED,
                  "oxpar_mpi_dhalo_1d: ");
        /* the distributed level 2/3 routines work there, with n_local == n */
        CHECK_OK(oxpar_mpi_dgemv(ctx, 2, 3, 3, &one, a, 3, 1, v, 1, &zero, y, 1),
                 "serial: mpi_dgemv");
        CHECK(y[0] == 6 && y[1] == 15, "serial: mpi_dgemv gave (%g, %g), want (6, 15)", y[0], y[1]);
        CHECK_OK(oxpar_mpi_dgemm(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_YES, 2, 2, 3, 3, &one, a, 3, 1, a,
                                 3, 1, &zero, c, 2, 1),
                 "serial: mpi_dgemm");
        CHECK(c[0] == 14 && c[1] == 32 && c[2] == 32 && c[3] == 77,
              "serial: mpi_dgemm A*A^T gave (%g %g; %g %g)", c[0], c[1], c[2], c[3]);
    }
    oxpar_context_free(ctx);
}

/* A context over each half of MPI_COMM_WORLD (ranks reversed inside a half,
 * so that the sub-communicator's ranks differ from the world's): oxpar works
 * on the sub-communicator, and the program's communicator still works after
 * the context is freed. */
static void test_split_communicator(void) {
    MPI_Comm half;
    oxpar_context *ctx = NULL;
    int color = world_rank >= (world_size + 1) / 2, hr, hs, total = 0, one = 1;
    size_t n = 37 + (size_t)color * 11, counts[MAX_RANKS], s0, i;
    double *x = xmalloc(n * sizeof(double)), got = 0, want;

    MPI_Comm_split(MPI_COMM_WORLD, color, (int)(world_size - world_rank), &half);
    MPI_Comm_rank(half, &hr);
    MPI_Comm_size(half, &hs);
    CHECK_OK(oxpar_context_create_mpi("mpi+serial", (int32_t)MPI_Comm_c2f(half), &ctx),
             "create_mpi over half %d", color);
    if (ctx != NULL) {
        check_context_info(ctx, half, "split communicator");
        /* each half sums its own vector */
        for (i = 0; i < n; i++) {
            x[i] = val(30 + (unsigned)color, i);
        }
        want = ref_dot(n, x, x);
        split(n, (size_t)hs, SPLIT_UNEVEN, counts);
        s0 = split_start(counts, (size_t)hr);
        CHECK_OK(oxpar_ddot(ctx, counts[hr], x + s0, 1, x + s0, 1, &got), "ddot on half %d", color);
        CHECK(got == want, "ddot on half %d: %g, want %g", color, got, want);
    }
    oxpar_context_free(ctx);
    MPI_Allreduce(&one, &total, 1, MPI_INT, MPI_SUM, half);
    CHECK(total == hs, "after oxpar_context_free, a sum over the half gave %d, want %d", total, hs);
    MPI_Comm_free(&half);
    free(x);
}

/* ---- block_range ----------------------------------------------------------- */

static void test_block_range(void) {
    static const size_t ns[] = {0, 1, 2, 10, 11, 1000};
    size_t start = 99, len = 99, parts, k, i;
    for (k = 0; k < sizeof ns / sizeof ns[0]; k++) {
        for (parts = 1; parts <= 7; parts++) {
            size_t at = 0, ok = 1, base = ns[k] / parts;
            for (i = 0; i < parts; i++) {
                if (oxpar_block_range(ns[k], parts, i, &start, &len) != OXPAR_STATUS_OK ||
                    start != at || len != base + (i < ns[k] % parts ? 1 : 0)) {
                    ok = 0;
                }
                at += len;
            }
            CHECK(ok && at == ns[k], "block_range(%zu, %zu, .): blocks not contiguous/balanced",
                  ns[k], parts);
        }
    }
    CHECK_OK(oxpar_block_range(10, 3, 2, &start, &len), "block_range(10, 3, 2)");
    CHECK(start == 7 && len == 3, "block_range(10, 3, 2) = (%zu, %zu), want (7, 3)", start, len);
    /* more parts than elements: the last ones are empty, at the end */
    CHECK_OK(oxpar_block_range(2, 5, 4, &start, &len), "block_range(2, 5, 4)");
    CHECK(start == 2 && len == 0, "block_range(2, 5, 4) = (%zu, %zu), want (2, 0)", start, len);
    CHECK_OK(oxpar_block_range(2, 5, 1, NULL, &len), "block_range with a NULL start");
    CHECK(len == 1, "block_range(2, 5, 1) len %zu, want 1", len);
    CHECK_OK(oxpar_block_range(2, 5, 1, NULL, NULL), "block_range with NULL outputs");
    CHECK_ERR(oxpar_block_range(10, 3, 3, &start, &len), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_block_range: index:");
    CHECK_ERR(oxpar_block_range(10, 0, 0, &start, &len), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_block_range: ");
}

/* ---- level 1 ------------------------------------------------------------- */

static void test_level1_case(const oxpar_context *ctx, size_t n, int mode) {
    size_t counts[MAX_RANKS], s0, nl, i, idx = 12345, want_idx;
    double *x = xmalloc(n * sizeof(double)), *y = xmalloc(n * sizeof(double));
    double *yl, *xs, got = -1, want, alpha = 0.75, ssq = 0;
    float *xf = xmalloc(n * sizeof(float)), *yf = xmalloc(n * sizeof(float)), gotf = -1;
    const char *how = split_name(mode);

    for (i = 0; i < n; i++) {
        x[i] = val(1, i);
        y[i] = val(2, i);
        xf[i] = (float)x[i];
        yf[i] = (float)y[i];
        ssq += x[i] * x[i];
    }
    split(n, world_size, mode, counts);
    s0 = split_start(counts, world_rank);
    nl = counts[world_rank];

    want = ref_dot(n, x, y);
    CHECK_OK(oxpar_ddot(ctx, nl, x + s0, 1, y + s0, 1, &got), "ddot n=%zu %s", n, how);
    CHECK(got == want, "ddot n=%zu %s: %.17g, want %.17g", n, how, got, want);
    /* a rank with an empty block may pass NULL */
    got = -1;
    CHECK_OK(oxpar_ddot(ctx, nl, nl ? x + s0 : NULL, 1, nl ? y + s0 : NULL, 1, &got),
             "ddot n=%zu %s, NULL for empty blocks", n, how);
    CHECK(got == want, "ddot n=%zu %s, NULL for empty blocks: %.17g", n, how, got);
    CHECK_OK(oxpar_sdot(ctx, nl, xf + s0, 1, yf + s0, 1, &gotf), "sdot n=%zu %s", n, how);
    CHECK(fabs((double)gotf - want) <= 1e-5 * (1 + fabs(want)), "sdot n=%zu %s: %g, want %g", n,
          how, (double)gotf, want);

    want = ref_asum(n, x);
    CHECK_OK(oxpar_dasum(ctx, nl, x + s0, 1, &got), "dasum n=%zu %s", n, how);
    CHECK(got == want, "dasum n=%zu %s: %.17g, want %.17g", n, how, got, want);
    CHECK_OK(oxpar_sasum(ctx, nl, xf + s0, 1, &gotf), "sasum n=%zu %s", n, how);
    CHECK(fabs((double)gotf - want) <= 1e-6 * (1 + want), "sasum n=%zu %s: %g, want %g", n, how,
          (double)gotf, want);

    want = sqrt(ssq);
    CHECK_OK(oxpar_dnrm2(ctx, nl, x + s0, 1, &got), "dnrm2 n=%zu %s", n, how);
    CHECK(close_to(got, want, 1e-14), "dnrm2 n=%zu %s: %.17g, want %.17g", n, how, got, want);
    CHECK_OK(oxpar_snrm2(ctx, nl, xf + s0, 1, &gotf), "snrm2 n=%zu %s", n, how);
    CHECK(close_to((double)gotf, want, 1e-6), "snrm2 n=%zu %s: %g, want %g", n, how, (double)gotf,
          want);

    /* the values repeat (256 levels), so the first of several maxima wins */
    want_idx = ref_iamax(n, x);
    CHECK_OK(oxpar_idamax(ctx, nl, x + s0, 1, &idx), "idamax n=%zu %s", n, how);
    CHECK(idx == want_idx, "idamax n=%zu %s: %zu, want %zu", n, how, idx, want_idx);
    idx = 12345;
    CHECK_OK(oxpar_isamax(ctx, nl, xf + s0, 1, &idx), "isamax n=%zu %s", n, how);
    CHECK(idx == want_idx, "isamax n=%zu %s: %zu, want %zu", n, how, idx, want_idx);

    /* a strided local block: every second element, NaN in between */
    xs = xmalloc((2 * nl + 1) * sizeof(double));
    for (i = 0; i < 2 * nl + 1; i++) {
        xs[i] = i % 2 == 0 && i / 2 < nl ? x[s0 + i / 2] : test_nan();
    }
    CHECK_OK(oxpar_ddot(ctx, nl, xs, 2, y + s0, 1, &got), "ddot incx=2 n=%zu %s", n, how);
    CHECK(got == ref_dot(n, x, y), "ddot incx=2 n=%zu %s: %.17g", n, how, got);
    idx = 12345;
    CHECK_OK(oxpar_idamax(ctx, nl, xs, 2, &idx), "idamax incx=2 n=%zu %s", n, how);
    CHECK(idx == want_idx, "idamax incx=2 n=%zu %s: %zu, want %zu", n, how, idx, want_idx);

    /* axpy and scal update this rank's block only */
    yl = xmalloc((nl + 1) * sizeof(double));
    for (i = 0; i < nl; i++) {
        yl[i] = y[s0 + i];
    }
    yl[nl] = 77.0;
    CHECK_OK(oxpar_daxpy(ctx, nl, &alpha, x + s0, 1, yl, 1), "daxpy n=%zu %s", n, how);
    for (i = 0; i < nl && yl[i] == y[s0 + i] + alpha * x[s0 + i]; i++) {
    }
    CHECK(i == nl && yl[nl] == 77.0, "daxpy n=%zu %s: element %zu wrong", n, how, i);
    alpha = -2.0;
    CHECK_OK(oxpar_dscal(ctx, nl, &alpha, yl, 1), "dscal n=%zu %s", n, how);
    for (i = 0; i < nl && yl[i] == -2.0 * (y[s0 + i] + 0.75 * x[s0 + i]); i++) {
    }
    CHECK(i == nl && yl[nl] == 77.0, "dscal n=%zu %s: element %zu wrong", n, how, i);

    free(x);
    free(y);
    free(xf);
    free(yf);
    free(xs);
    free(yl);
}

static void test_level1(const oxpar_context *ctx) {
    static const size_t sizes[] = {0, 1, 3, 5, 1000};
    size_t k;
    int mode;
    for (k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        for (mode = 0; mode < SPLIT_MODES; mode++) {
            test_level1_case(ctx, sizes[k], mode);
        }
    }
}

/* nrm2 without overflow or underflow, NaN and Inf; iamax's first NaN and ties
 * across ranks. */
static void test_level1_special(const oxpar_context *ctx) {
    enum { N = 41 };
    double x[N], got, ssq = 0, want;
    size_t counts[MAX_RANKS], s0, nl, i, idx;
    int mode;
    for (i = 0; i < N; i++) {
        ssq += val(3, i) * val(3, i);
    }
    for (mode = 0; mode < SPLIT_MODES; mode++) {
        const char *how = split_name(mode);
        split(N, world_size, mode, counts);
        s0 = split_start(counts, world_rank);
        nl = counts[world_rank];

        for (i = 0; i < N; i++) {
            x[i] = 1e300 * val(3, i);
        }
        got = 0;
        want = 1e300 * sqrt(ssq);
        CHECK_OK(oxpar_dnrm2(ctx, nl, x + s0, 1, &got), "dnrm2 huge %s", how);
        CHECK(isfinite(got) && close_to(got, want, 1e-13), "dnrm2 of 1e300s %s: %g, want %g", how,
              got, want);

        for (i = 0; i < N; i++) {
            x[i] = 1e-300 * val(3, i);
        }
        got = 0;
        want = 1e-300 * sqrt(ssq);
        CHECK_OK(oxpar_dnrm2(ctx, nl, x + s0, 1, &got), "dnrm2 tiny %s", how);
        CHECK(close_to(got, want, 1e-13), "dnrm2 of 1e-300s %s: %g, want %g", how, got, want);

        /* one huge element on the last rank with elements, ordinary ones elsewhere */
        for (i = 0; i < N; i++) {
            x[i] = val(3, i);
        }
        x[N - 1] = 3e300;
        got = 0;
        CHECK_OK(oxpar_dnrm2(ctx, nl, x + s0, 1, &got), "dnrm2 mixed %s", how);
        CHECK(close_to(got, 3e300, 1e-15), "dnrm2 with one 3e300 %s: %g", how, got);

        x[N - 1] = test_inf();
        got = 0;
        CHECK_OK(oxpar_dnrm2(ctx, nl, x + s0, 1, &got), "dnrm2 inf %s", how);
        CHECK(isinf(got) && got > 0, "dnrm2 with an Inf %s: %g", how, got);
        x[N / 2] = test_nan();
        got = 0;
        CHECK_OK(oxpar_dnrm2(ctx, nl, x + s0, 1, &got), "dnrm2 nan %s", how);
        CHECK(isnan(got), "dnrm2 with a NaN and an Inf %s: %g", how, got);

        /* iamax: a large value early, then two NaNs; the first NaN wins */
        for (i = 0; i < N; i++) {
            x[i] = val(3, i);
        }
        x[1] = 100.0;
        x[N - 5] = test_nan();
        x[N - 1] = test_nan();
        idx = 999;
        CHECK_OK(oxpar_idamax(ctx, nl, x + s0, 1, &idx), "idamax nan %s", how);
        CHECK(idx == N - 5, "idamax with NaNs at %d and %d %s: %zu", N - 5, N - 1, how, idx);
        /* a NaN before a larger value */
        for (i = 0; i < N; i++) {
            x[i] = val(3, i);
        }
        x[2] = test_nan();
        x[N - 1] = 1000.0;
        idx = 999;
        CHECK_OK(oxpar_idamax(ctx, nl, x + s0, 1, &idx), "idamax nan first %s", how);
        CHECK(idx == 2, "idamax with a NaN at 2 and 1000 at %d %s: %zu", N - 1, how, idx);
        /* ties far apart (different ranks): the first one wins */
        for (i = 0; i < N; i++) {
            x[i] = 1.0;
        }
        x[N / 3] = -5.0;
        x[N - 1] = 5.0;
        idx = 999;
        CHECK_OK(oxpar_idamax(ctx, nl, x + s0, 1, &idx), "idamax ties %s", how);
        CHECK(idx == N / 3, "idamax with |-5| at %d and 5 at %d %s: %zu", N / 3, N - 1, how, idx);
    }
    /* zeros: a norm of 0, not 0/0 */
    for (i = 0; i < N; i++) {
        x[i] = 0.0;
    }
    split(N, world_size, SPLIT_EMPTY_FIRST, counts);
    s0 = split_start(counts, world_rank);
    got = -1;
    CHECK_OK(oxpar_dnrm2(ctx, counts[world_rank], x + s0, 1, &got), "dnrm2 of zeros");
    CHECK(got == 0.0, "dnrm2 of zeros: %g", got);
    /* an empty vector everywhere */
    idx = 0;
    CHECK_OK(oxpar_idamax(ctx, 0, x, 1, &idx), "idamax n=0");
    CHECK(idx == OXPAR_INDEX_NONE, "idamax of nothing: %zu, want OXPAR_INDEX_NONE", idx);
}

/* ---- level 2 -------------------------------------------------------------- */

/* gemv and ger with A in row blocks (split `row_mode`) and the other vector
 * split another way (`col_mode`); A stored row- or column-major. */
static void test_gemv_ger_case(const oxpar_context *ctx, size_t m, size_t n, int row_mode,
                               int col_mode, int col_major, ptrdiff_t incx, int beta_zero) {
    size_t rc[MAX_RANKS], cc[MAX_RANKS], r0, ml, c0, nc, i, j, bad = 0;
    double alpha = 1.5, beta = beta_zero ? 0.0 : 0.5;
    double *xl, *yl, *x2l;
    struct mat a;
    char how[96];

    snprintf(how, sizeof how, "m=%zu n=%zu rows %s, x %s, %s, incx=%d%s", m, n,
             split_name(row_mode), split_name(col_mode), col_major ? "col-major" : "row-major",
             (int)incx, beta_zero ? ", beta=0" : "");
    split(m, world_size, row_mode, rc);
    split(n, world_size, col_mode, cc);
    r0 = split_start(rc, world_rank);
    ml = rc[world_rank];
    c0 = split_start(cc, world_rank);
    nc = cc[world_rank];

    /* A (global m x n) = val(10, i*n + j); x = val(11, .), y = val(12, .) */
    a = mat_new(ml, n, col_major);
    for (i = 0; i < ml; i++) {
        for (j = 0; j < n; j++) {
            *mat_at(&a, i, j) = val(10, (r0 + i) * n + j);
        }
    }
    xl = xmalloc((nc * (size_t)incx + 1) * sizeof(double));
    for (i = 0; i < nc * (size_t)incx + 1; i++) {
        xl[i] = i % (size_t)incx == 0 && i / (size_t)incx < nc ? val(11, c0 + i / (size_t)incx)
                                                               : test_nan();
    }
    yl = xmalloc((ml + 1) * sizeof(double));
    for (i = 0; i < ml; i++) {
        yl[i] = beta_zero ? test_nan() : val(12, r0 + i);
    }
    yl[ml] = 77.0;

    CHECK_OK(oxpar_mpi_dgemv(ctx, ml, n, nc, &alpha, a.p, a.rs, a.cs, xl, incx, &beta, yl, 1),
             "mpi_dgemv %s", how);
    for (i = 0; i < ml; i++) {
        double s = 0, want;
        for (j = 0; j < n; j++) {
            s += val(10, (r0 + i) * n + j) * val(11, j);
        }
        want = alpha * s + (beta_zero ? 0.0 : beta * val(12, r0 + i));
        bad += yl[i] != want;
    }
    CHECK(bad == 0 && yl[ml] == 77.0, "mpi_dgemv %s: %zu of %zu elements wrong", how, bad, ml);

    /* ger: A += alpha * x2 * y2^T, x2 = val(13, .) split as A's rows, y2 = the
     * column-split vector above (val(11, .)). */
    x2l = xmalloc((ml + 1) * sizeof(double));
    for (i = 0; i < ml; i++) {
        x2l[i] = val(13, r0 + i);
    }
    CHECK_OK(oxpar_mpi_dger(ctx, ml, n, nc, &alpha, x2l, 1, xl, incx, a.p, a.rs, a.cs),
             "mpi_dger %s", how);
    bad = 0;
    for (i = 0; i < ml; i++) {
        for (j = 0; j < n; j++) {
            double want = val(10, (r0 + i) * n + j) + alpha * val(13, r0 + i) * val(11, j);
            bad += *mat_at(&a, i, j) != want;
        }
    }
    CHECK(bad == 0 && mat_padding_untouched(&a), "mpi_dger %s: %zu elements wrong", how, bad);

    free(a.p);
    free(xl);
    free(yl);
    free(x2l);
}

static void test_gemv_ger(const oxpar_context *ctx) {
    int mode;
    size_t rc[MAX_RANKS], cc[MAX_RANKS], i, bad = 0;
    float alpha = 2.0f, beta = 0.0f, *a, *x, *y;
    size_t m = 11, n = 7, r0, ml, c0, nc, j;

    for (mode = 0; mode < SPLIT_MODES; mode++) {
        int col_mode = (mode + 2) % SPLIT_MODES;
        test_gemv_ger_case(ctx, 13, 9, mode, col_mode, mode % 2, 1, 0);
        test_gemv_ger_case(ctx, 6, 10, col_mode, mode, (mode + 1) % 2, 2, mode == 1);
    }
    /* more ranks than rows, one column */
    test_gemv_ger_case(ctx, 2, 1, SPLIT_BALANCED, SPLIT_EMPTY_FIRST, 0, 1, 1);

    /* the float version, row-major, uneven */
    split(m, world_size, SPLIT_UNEVEN, rc);
    split(n, world_size, SPLIT_REVERSED, cc);
    r0 = split_start(rc, world_rank);
    ml = rc[world_rank];
    c0 = split_start(cc, world_rank);
    nc = cc[world_rank];
    a = xmalloc((ml * n + 1) * sizeof(float));
    x = xmalloc((nc + 1) * sizeof(float));
    y = xmalloc((ml + 1) * sizeof(float));
    for (i = 0; i < ml; i++) {
        for (j = 0; j < n; j++) {
            a[i * n + j] = (float)val(40, (r0 + i) * n + j);
        }
        y[i] = (float)test_nan();
    }
    for (j = 0; j < nc; j++) {
        x[j] = (float)val(41, c0 + j);
    }
    CHECK_OK(oxpar_mpi_sgemv(ctx, ml, n, nc, &alpha, a, (ptrdiff_t)n, 1, x, 1, &beta, y, 1),
             "mpi_sgemv");
    for (i = 0; i < ml; i++) {
        double s = 0;
        for (j = 0; j < n; j++) {
            s += val(40, (r0 + i) * n + j) * val(41, j);
        }
        bad += (double)y[i] != 2.0 * s;
    }
    CHECK(bad == 0, "mpi_sgemv: %zu elements wrong", bad);
    free(a);
    free(x);
    free(y);
}

/* ---- level 3: SUMMA --------------------------------------------------------- */

struct gemm_case {
    size_t m, n, k;
    int transa, transb;
    int mode_m, mode_n, mode_ka, mode_kb; /* splits of m, n, and k (twice) */
    double alpha, beta;
    int nan_in_c;  /* C holds NaN (with beta = 0 it must not be read) */
    int layout;    /* bit 0: A column-major, bit 1: B, bit 2: C */
    int nan_in_ab; /* A and B hold NaN (with alpha = 0 they must not be used) */
};

/* op(A) (m x k) = val(20, i*k + p), op(B) (k x n) = val(21, p*n + j),
 * C (m x n) = val(22, i*n + j). */
static void run_gemm_case(const oxpar_context *ctx, const struct gemm_case *t, int index) {
    size_t rows = 0, cols = 0, gr = 0, gc = 0, mc[MAX_RANKS], nc[MAX_RANKS], kac[MAX_RANKS],
           kbc[MAX_RANKS], i0, ml, j0, nl, pa0, kal, pb0, kbl, i, j, p, bad = 0;
    struct mat a, b, c;
    char how[128];

    oxpar_mpi_grid(ctx, &rows, &cols, &gr, &gc);
    snprintf(how, sizeof how, "case %d (%zux%zux%zu%s%s) on a %zu x %zu grid", index, t->m, t->n,
             t->k, t->transa ? " A^T" : "", t->transb ? " B^T" : "", rows, cols);
    split(t->m, rows, t->mode_m, mc);
    split(t->n, cols, t->mode_n, nc);
    split(t->k, cols, t->mode_ka, kac); /* op(A)'s columns, by grid column */
    split(t->k, rows, t->mode_kb, kbc); /* op(B)'s rows, by grid row */
    i0 = split_start(mc, gr);
    ml = mc[gr];
    j0 = split_start(nc, gc);
    nl = nc[gc];
    pa0 = split_start(kac, gc);
    kal = kac[gc];
    pb0 = split_start(kbc, gr);
    kbl = kbc[gr];

    a = t->transa ? mat_new(kal, ml, t->layout & 1) : mat_new(ml, kal, t->layout & 1);
    for (i = 0; i < ml; i++) {
        for (p = 0; p < kal; p++) {
            *(t->transa ? mat_at(&a, p, i) : mat_at(&a, i, p)) =
                t->nan_in_ab ? test_nan() : val(20, (i0 + i) * t->k + pa0 + p);
        }
    }
    b = t->transb ? mat_new(nl, kbl, t->layout & 2) : mat_new(kbl, nl, t->layout & 2);
    for (p = 0; p < kbl; p++) {
        for (j = 0; j < nl; j++) {
            *(t->transb ? mat_at(&b, j, p) : mat_at(&b, p, j)) =
                t->nan_in_ab ? test_nan() : val(21, (pb0 + p) * t->n + j0 + j);
        }
    }
    c = mat_new(ml, nl, t->layout & 4);
    for (i = 0; i < ml; i++) {
        for (j = 0; j < nl; j++) {
            *mat_at(&c, i, j) = t->nan_in_c ? test_nan() : val(22, (i0 + i) * t->n + j0 + j);
        }
    }

    CHECK_OK(oxpar_mpi_dgemm(ctx, t->transa, t->transb, ml, nl, kal, kbl, &t->alpha, a.p, a.rs,
                             a.cs, b.p, b.rs, b.cs, &t->beta, c.p, c.rs, c.cs),
             "mpi_dgemm %s", how);
    for (i = 0; i < ml; i++) {
        for (j = 0; j < nl; j++) {
            double s = 0, want;
            for (p = 0; p < t->k; p++) {
                s += val(20, (i0 + i) * t->k + p) * val(21, p * t->n + j0 + j);
            }
            want = t->alpha == 0.0 ? 0.0 : t->alpha * s;
            if (t->beta != 0.0) {
                want += t->beta * val(22, (i0 + i) * t->n + j0 + j);
            }
            bad += *mat_at(&c, i, j) != want;
        }
    }
    CHECK(bad == 0, "mpi_dgemm %s: %zu of %zu elements wrong", how, bad, ml * nl);
    CHECK(mat_padding_untouched(&c), "mpi_dgemm %s: C's padding was written", how);
    free(a.p);
    free(b.p);
    free(c.p);
}

/* A float SUMMA on the current grid: balanced blocks, row-major. */
static void run_sgemm(const oxpar_context *ctx) {
    size_t rows = 0, cols = 0, gr = 0, gc = 0, m = 7, n = 5, k = 6, mc[MAX_RANKS], nc[MAX_RANKS],
           kac[MAX_RANKS], kbc[MAX_RANKS], i0, ml, j0, nl, pa0, kal, pb0, kbl, i, j, p, bad = 0;
    float *a, *b, *c, alpha = 1.0f, beta = 0.5f;

    oxpar_mpi_grid(ctx, &rows, &cols, &gr, &gc);
    split(m, rows, SPLIT_BALANCED, mc);
    split(n, cols, SPLIT_BALANCED, nc);
    split(k, cols, SPLIT_UNEVEN, kac);
    split(k, rows, SPLIT_BALANCED, kbc);
    i0 = split_start(mc, gr);
    ml = mc[gr];
    j0 = split_start(nc, gc);
    nl = nc[gc];
    pa0 = split_start(kac, gc);
    kal = kac[gc];
    pb0 = split_start(kbc, gr);
    kbl = kbc[gr];
    a = xmalloc((ml * kal + 1) * sizeof(float));
    b = xmalloc((kbl * nl + 1) * sizeof(float));
    c = xmalloc((ml * nl + 1) * sizeof(float));
    for (i = 0; i < ml; i++) {
        for (p = 0; p < kal; p++) {
            a[i * kal + p] = (float)val(50, (i0 + i) * k + pa0 + p);
        }
        for (j = 0; j < nl; j++) {
            c[i * nl + j] = (float)val(52, (i0 + i) * n + j0 + j);
        }
    }
    for (p = 0; p < kbl; p++) {
        for (j = 0; j < nl; j++) {
            b[p * nl + j] = (float)val(51, (pb0 + p) * n + j0 + j);
        }
    }
    CHECK_OK(oxpar_mpi_sgemm(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_NO, ml, nl, kal, kbl, &alpha, a,
                             (ptrdiff_t)(kal > 0 ? kal : 1), 1, b, (ptrdiff_t)(nl > 0 ? nl : 1), 1,
                             &beta, c, (ptrdiff_t)(nl > 0 ? nl : 1), 1),
             "mpi_sgemm on a %zu x %zu grid", rows, cols);
    for (i = 0; i < ml; i++) {
        for (j = 0; j < nl; j++) {
            double s = 0;
            for (p = 0; p < k; p++) {
                s += val(50, (i0 + i) * k + p) * val(51, p * n + j0 + j);
            }
            bad += (double)c[i * nl + j] != s + 0.5 * val(52, (i0 + i) * n + j0 + j);
        }
    }
    CHECK(bad == 0, "mpi_sgemm on a %zu x %zu grid: %zu elements wrong", rows, cols, bad);
    free(a);
    free(b);
    free(c);
}

static const struct gemm_case gemm_cases[] = {
    {7, 6, 5, OXPAR_TRANS_NO, OXPAR_TRANS_NO, SPLIT_BALANCED, SPLIT_BALANCED, SPLIT_BALANCED,
     SPLIT_BALANCED, 1.0, 0.5, 0, 0, 0},
    {9, 5, 11, OXPAR_TRANS_YES, OXPAR_TRANS_NO, SPLIT_UNEVEN, SPLIT_REVERSED, SPLIT_UNEVEN,
     SPLIT_REVERSED, 1.5, -1.0, 0, 1, 0},
    {5, 8, 6, OXPAR_TRANS_NO, OXPAR_TRANS_YES, SPLIT_EMPTY_FIRST, SPLIT_UNEVEN, SPLIT_REVERSED,
     SPLIT_EMPTY_LAST, 2.0, 1.0, 0, 2, 0},
    {6, 7, 9, OXPAR_TRANS_YES, OXPAR_TRANS_YES, SPLIT_REVERSED, SPLIT_EMPTY_LAST,
     SPLIT_EMPTY_FIRST, SPLIT_UNEVEN, -0.5, 0.25, 0, 7, 0},
    /* beta = 0: C holds NaN and must not be read */
    {8, 9, 7, OXPAR_TRANS_NO, OXPAR_TRANS_NO, SPLIT_UNEVEN, SPLIT_UNEVEN, SPLIT_BALANCED,
     SPLIT_UNEVEN, 1.0, 0.0, 1, 4, 0},
    {5, 6, 4, OXPAR_TRANS_YES, OXPAR_TRANS_YES, SPLIT_EMPTY_LAST, SPLIT_BALANCED,
     SPLIT_EMPTY_FIRST, SPLIT_EMPTY_LAST, 1.5, 0.0, 1, 3, 0},
    /* k = 0: C := beta*C (and with beta = 0, NaN in C gives zeros) */
    {5, 4, 0, OXPAR_TRANS_NO, OXPAR_TRANS_NO, SPLIT_BALANCED, SPLIT_BALANCED, SPLIT_BALANCED,
     SPLIT_BALANCED, 1.0, 0.5, 0, 0, 0},
    {5, 4, 0, OXPAR_TRANS_YES, OXPAR_TRANS_NO, SPLIT_UNEVEN, SPLIT_REVERSED, SPLIT_BALANCED,
     SPLIT_BALANCED, 1.0, 0.0, 1, 5, 0},
    /* an inner dimension wider than one SUMMA panel (256) */
    {6, 5, 300, OXPAR_TRANS_NO, OXPAR_TRANS_YES, SPLIT_BALANCED, SPLIT_UNEVEN, SPLIT_UNEVEN,
     SPLIT_BALANCED, 1.0, 0.5, 0, 6, 0},
    /* more grid rows/columns than rows/columns: empty blocks */
    {2, 1, 3, OXPAR_TRANS_NO, OXPAR_TRANS_NO, SPLIT_BALANCED, SPLIT_BALANCED, SPLIT_BALANCED,
     SPLIT_BALANCED, 1.0, 1.0, 0, 0, 0},
    /* alpha = 0: C := beta*C, A and B (NaN here) are not used */
    {4, 5, 6, OXPAR_TRANS_NO, OXPAR_TRANS_YES, SPLIT_UNEVEN, SPLIT_BALANCED, SPLIT_BALANCED,
     SPLIT_REVERSED, 0.0, 0.5, 0, 0, 1},
};

static void test_gemm(const oxpar_context *ctx, int quick) {
    size_t shapes[3][2], nshapes = grid_shapes(world_size, shapes), s, rows = 0, cols = 0, row = 0,
           col = 0, def_rows, def_cols;
    int k, ncases = quick ? 2 : (int)(sizeof gemm_cases / sizeof gemm_cases[0]);

    for (s = 0; s < nshapes; s++) {
        CHECK_OK(oxpar_mpi_set_grid(ctx, shapes[s][0], shapes[s][1]), "set_grid(%zu, %zu)",
                 shapes[s][0], shapes[s][1]);
        CHECK_OK(oxpar_mpi_grid(ctx, &rows, &cols, &row, &col), "grid");
        CHECK(rows == shapes[s][0] && cols == shapes[s][1] && row == world_rank / cols &&
                  col == world_rank % cols,
              "after set_grid(%zu, %zu): %zu x %zu, rank %zu at (%zu, %zu)", shapes[s][0],
              shapes[s][1], rows, cols, world_rank, row, col);
        for (k = 0; k < ncases; k++) {
            run_gemm_case(ctx, &gemm_cases[k], k);
        }
        if (!quick) {
            run_sgemm(ctx);
        }
    }
    default_grid(world_size, &def_rows, &def_cols);
    CHECK_OK(oxpar_mpi_set_grid(ctx, def_rows, def_cols), "set_grid back to the default");
}

/* ---- halo exchanges ----------------------------------------------------------- */

/* The value of global interior cell i (1-D) or (i, j) (2-D), and the
 * boundary value a ghost outside a non-periodic domain holds (set by each
 * rank before the exchange, and left alone by it). */
static double cell1(long i) {
    return 100.0 + (double)i;
}
static double outside1(long i) {
    return -1000.0 + (double)i;
}
static double cell2(long i, long j) {
    return 1000.0 * (double)i + (double)j + 1.0;
}
static double outside2(long i, long j) {
    return -1e6 - 1000.0 * (double)(i + 10) - (double)(j + 10);
}
/* What a ghost that should be overwritten holds before the exchange. */
static double stale(void) {
    return -7.5e9 - (double)world_rank;
}

/* Maps a global index outside 0..n to its periodic image, or leaves it. */
static long wrap(long i, long n, int periodic) {
    if (periodic && (i < 0 || i >= n)) {
        return ((i % n) + n) % n;
    }
    return i;
}

static void test_halo_1d_case(const oxpar_context *ctx, size_t n, int mode, size_t ghost,
                              int periodic, ptrdiff_t inc) {
    size_t counts[MAX_RANKS], s0, nl, len, k, step = (size_t)(inc < 0 ? -inc : inc), bad = 0;
    double *x, *first;
    char how[96];

    snprintf(how, sizeof how, "halo_1d n=%zu %s ghost=%zu%s inc=%d", n, split_name(mode), ghost,
             periodic ? " periodic" : "", (int)inc);
    split(n, world_size, mode, counts);
    s0 = split_start(counts, world_rank);
    nl = counts[world_rank];
    len = nl + 2 * ghost;
    /* element k of the local array sits at first[k*inc] (with a negative
     * increment, `first` is the last element in memory); the gaps hold NaN */
    x = xmalloc(len * step * sizeof(double));
    first = inc > 0 ? x : x + (len - 1) * step;
    for (k = 0; k < len * step; k++) {
        x[k] = test_nan();
    }
    for (k = 0; k < len; k++) {
        long g = wrap((long)(s0 + k) - (long)ghost, (long)n, periodic);
        if (k >= ghost && k < ghost + nl) {
            first[(ptrdiff_t)k * inc] = cell1(g);
        } else {
            first[(ptrdiff_t)k * inc] = g < 0 || g >= (long)n ? outside1(g) : stale();
        }
    }
    CHECK_OK(oxpar_mpi_dhalo_1d(ctx, len, ghost, periodic, first, inc), "%s", how);
    for (k = 0; k < len; k++) {
        long g = wrap((long)(s0 + k) - (long)ghost, (long)n, periodic);
        double want = g < 0 || g >= (long)n ? outside1(g) : cell1(g);
        bad += first[(ptrdiff_t)k * inc] != want;
    }
    for (k = 0; k < len * step; k++) {
        bad += k % step != 0 && !isnan(x[k]); /* a gap was written */
    }
    CHECK(bad == 0, "%s: %zu elements wrong", how, bad);
    free(x);
}

static void test_halo_2d_case(const oxpar_context *ctx, size_t ny, size_t nx, int mode,
                              size_t ghost, int per_rows, int per_cols, int col_major) {
    size_t rows = 0, cols = 0, gr = 0, gc = 0, rc[MAX_RANKS], cc[MAX_RANKS], r0, nyl, c0, nxl, i,
           j, bad = 0;
    struct mat a;
    char how[128];

    oxpar_mpi_grid(ctx, &rows, &cols, &gr, &gc);
    snprintf(how, sizeof how, "halo_2d %zux%zu on %zu x %zu %s ghost=%zu periodic (%d, %d) %s", ny,
             nx, rows, cols, split_name(mode), ghost, per_rows, per_cols,
             col_major ? "col-major" : "row-major");
    split(ny, rows, mode, rc);
    split(nx, cols, (mode + 1) % 3, cc); /* balanced, uneven or reversed: no empty blocks */
    r0 = split_start(rc, gr);
    nyl = rc[gr];
    c0 = split_start(cc, gc);
    nxl = cc[gc];
    a = mat_new(nyl + 2 * ghost, nxl + 2 * ghost, col_major);
    for (i = 0; i < a.rows; i++) {
        for (j = 0; j < a.cols; j++) {
            long gi = wrap((long)(r0 + i) - (long)ghost, (long)ny, per_rows);
            long gj = wrap((long)(c0 + j) - (long)ghost, (long)nx, per_cols);
            int inside = gi >= 0 && gi < (long)ny && gj >= 0 && gj < (long)nx;
            int interior = i >= ghost && i < ghost + nyl && j >= ghost && j < ghost + nxl;
            *mat_at(&a, i, j) = interior ? cell2(gi, gj) : inside ? stale() : outside2(gi, gj);
        }
    }
    CHECK_OK(oxpar_mpi_dhalo_2d(ctx, a.rows, a.cols, ghost, per_rows, per_cols, a.p, a.rs, a.cs),
             "%s", how);
    for (i = 0; i < a.rows; i++) {
        for (j = 0; j < a.cols; j++) {
            long gi = wrap((long)(r0 + i) - (long)ghost, (long)ny, per_rows);
            long gj = wrap((long)(c0 + j) - (long)ghost, (long)nx, per_cols);
            int inside = gi >= 0 && gi < (long)ny && gj >= 0 && gj < (long)nx;
            double want = inside ? cell2(gi, gj) : outside2(gi, gj);
            if (*mat_at(&a, i, j) != want) {
                if (bad == 0) {
                    fprintf(stderr, "[rank %zu] %s: (%zu, %zu) holds %.1f, want %.1f\n",
                            world_rank, how, i, j, *mat_at(&a, i, j), want);
                }
                bad++;
            }
        }
    }
    CHECK(bad == 0 && mat_padding_untouched(&a), "%s: %zu elements wrong", how, bad);
    free(a.p);
}

/* LU and Cholesky are not distributed yet: every rank gets
 * OXPAR_STATUS_UNSUPPORTED (no communication, so no rank waits), and info
 * is not written. */
static void test_factorizations_unsupported(const oxpar_context *ctx) {
    double a[4] = {4.0, 1.0, 1.0, 3.0}, b[2] = {1.0, 2.0};
    int64_t ipiv[2], info = -5;
    CHECK_ERR(oxpar_dgesv(ctx, 2, 1, a, 1, 2, ipiv, b, 1, 2, &info), OXPAR_STATUS_UNSUPPORTED,
              "oxpar_dgesv: ");
    CHECK_ERR(oxpar_dgetrf(ctx, 2, 2, a, 1, 2, ipiv, &info), OXPAR_STATUS_UNSUPPORTED,
              "oxpar_dgetrf: ");
    CHECK_ERR(oxpar_dpotrf(ctx, OXPAR_UPLO_LOWER, 2, a, 1, 2, &info), OXPAR_STATUS_UNSUPPORTED,
              "oxpar_dpotrf: ");
    {
        double d = 0.0, sign = 0.0, logabs = 0.0;
        int64_t failed = -5;
        ipiv[0] = 1;
        ipiv[1] = 2;
        CHECK_ERR(oxpar_dgetri(ctx, 2, a, 1, 2, ipiv, &info), OXPAR_STATUS_UNSUPPORTED,
                  "oxpar_dgetri: ");
        CHECK_ERR(oxpar_dtrtri(ctx, OXPAR_UPLO_LOWER, OXPAR_DIAG_NON_UNIT, 2, a, 1, 2, &info),
                  OXPAR_STATUS_UNSUPPORTED, "oxpar_dtrtri: ");
        CHECK_ERR(oxpar_ddet(ctx, 2, a, 1, 2, &d), OXPAR_STATUS_UNSUPPORTED, "oxpar_ddet: ");
        CHECK_ERR(oxpar_dslogdet(ctx, 2, a, 1, 2, &sign, &logabs), OXPAR_STATUS_UNSUPPORTED,
                  "oxpar_dslogdet: ");
        CHECK_ERR(oxpar_dgesv_batch(ctx, 1, 2, 1, a, 1, 2, 4, ipiv, b, 1, 2, 2, &info, &failed),
                  OXPAR_STATUS_UNSUPPORTED, "oxpar_dgesv_batch: ");
        CHECK_ERR(oxpar_dinv_batch(ctx, 1, 2, a, 1, 2, 4, &info, &failed),
                  OXPAR_STATUS_UNSUPPORTED, "oxpar_dinv_batch: ");
        CHECK_ERR(oxpar_ddet_batch(ctx, 1, 2, a, 1, 2, 4, &d), OXPAR_STATUS_UNSUPPORTED,
                  "oxpar_ddet_batch: ");
        CHECK(failed == -5, "an unsupported batch wrote failed_index (%ld)", (long)failed);
    }
    CHECK(info == -5, "an unsupported factorization wrote info (%ld)", (long)info);
}

static void test_halo(const oxpar_context *ctx) {
    size_t shapes[3][2], nshapes = grid_shapes(world_size, shapes), s, ghost, def_rows, def_cols;
    int mode, periodic, pr, pc, layout;

    /* 1-D: interiors of different sizes (each at least `ghost`) */
    for (ghost = 0; ghost <= 2; ghost++) {
        for (mode = 0; mode < 3; mode++) {
            for (periodic = 0; periodic <= 1; periodic++) {
                test_halo_1d_case(ctx, 10 * world_size + 3, mode, ghost, periodic, 1);
            }
        }
        test_halo_1d_case(ctx, 5 * world_size, SPLIT_UNEVEN, ghost, 1, 3);
        test_halo_1d_case(ctx, 5 * world_size, SPLIT_BALANCED, ghost, 0, 2);
        test_halo_1d_case(ctx, 6 * world_size + 1, SPLIT_REVERSED, ghost, 1, -1);
        test_halo_1d_case(ctx, 6 * world_size + 2, SPLIT_UNEVEN, ghost, 0, -2);
    }
    /* the float version: a periodic ring of ghost 1 */
    {
        size_t nl = 3, k;
        float x[5];
        int bad = 0;
        x[0] = x[4] = -1.0f;
        for (k = 0; k < nl; k++) {
            x[1 + k] = (float)(world_rank * nl + k);
        }
        CHECK_OK(oxpar_mpi_shalo_1d(ctx, nl + 2, 1, 1, x, 1), "shalo_1d");
        bad += x[0] != (float)(((world_rank + world_size - 1) % world_size) * nl + nl - 1);
        bad += x[4] != (float)(((world_rank + 1) % world_size) * nl);
        CHECK(bad == 0, "shalo_1d: ghosts (%g, %g)", (double)x[0], (double)x[4]);
    }

    /* 2-D on every grid shape */
    for (s = 0; s < nshapes; s++) {
        CHECK_OK(oxpar_mpi_set_grid(ctx, shapes[s][0], shapes[s][1]), "set_grid(%zu, %zu)",
                 shapes[s][0], shapes[s][1]);
        for (ghost = 1; ghost <= 2; ghost++) {
            for (pr = 0; pr <= 1; pr++) {
                for (pc = 0; pc <= 1; pc++) {
                    for (layout = 0; layout <= 1; layout++) {
                        mode = (int)((ghost + (size_t)pr + (size_t)pc + (size_t)layout) % 3);
                        size_t ny = 3 * shapes[s][0] * ghost + 2, nx = 3 * shapes[s][1] * ghost + 1;
                        test_halo_2d_case(ctx, ny, nx, mode, ghost, pr, pc, layout);
                    }
                }
            }
        }
        /* the float version: each rank's interior is its rank; periodic */
        {
            float f[4 * 4];
            size_t rows = 0, cols = 0, gr = 0, gc = 0, k;
            int bad = 0;
            oxpar_mpi_grid(ctx, &rows, &cols, &gr, &gc);
            for (k = 0; k < 16; k++) {
                f[k] = (float)world_rank;
            }
            CHECK_OK(oxpar_mpi_shalo_2d(ctx, 4, 4, 1, 1, 1, f, 4, 1), "shalo_2d");
            /* north ghost row (interior columns) comes from the rank above */
            bad += f[0 * 4 + 1] != (float)(((gr + rows - 1) % rows) * cols + gc);
            /* east ghost column from the rank to the right */
            bad += f[1 * 4 + 3] != (float)(gr * cols + (gc + 1) % cols);
            /* the south-west corner from the diagonal neighbour */
            bad += f[3 * 4 + 0] != (float)(((gr + 1) % rows) * cols + (gc + cols - 1) % cols);
            CHECK(bad == 0, "shalo_2d on %zu x %zu: %d ghosts wrong", rows, cols, bad);
        }
    }
    default_grid(world_size, &def_rows, &def_cols);
    CHECK_OK(oxpar_mpi_set_grid(ctx, def_rows, def_cols), "set_grid back to the default");
}

/* ---- errors on every rank -------------------------------------------------- */

static void test_errors(const oxpar_context *ctx) {
    enum { N = 24 };
    double x[N], y[N], got = 0, one = 1, zero = 0, c[N * N], buf[N * N];
    size_t last = last_rank(), counts[MAX_RANKS], s0, nl, i, rows = 0, cols = 0, def_rows,
           def_cols;
    oxpar_status st;
    int multi = world_size > 1;

    for (i = 0; i < N; i++) {
        x[i] = val(60, i);
        y[i] = val(61, i);
    }
    for (i = 0; i < N * N; i++) {
        buf[i] = val(62, i);
        c[i] = 0;
    }
    split(N, world_size, SPLIT_BALANCED, counts);
    s0 = split_start(counts, world_rank);
    nl = counts[world_rank];

    /* ddot with a NULL x on the last rank */
    st = oxpar_ddot(ctx, nl, world_rank == last ? NULL : x + s0, 1, y + s0, 1, &got);
    if (world_rank == last) {
        CHECK_ERR(st, OXPAR_STATUS_NULL_POINTER, "oxpar_ddot: x:");
    } else {
        CHECK_REMOTE_ERR(st, last);
    }
    check_context_still_works(ctx, "a NULL x in ddot");

    /* ddot with an increment that overflows the address space on rank 0
     * (a zero increment is valid for an input) */
    st = oxpar_ddot(ctx, nl > 1 ? nl : 2, x, world_rank == 0 ? PTRDIFF_MAX : 1, y, 1, &got);
    if (world_rank == 0) {
        CHECK_ERR(st, OXPAR_STATUS_INVALID_STRIDE, "oxpar_ddot: incx:");
    } else {
        CHECK_REMOTE_ERR(st, 0);
    }
    check_context_still_works(ctx, "incx = 0 in ddot");

    /* nrm2 and idamax with a NULL out on the last rank */
    st = oxpar_dnrm2(ctx, nl, x + s0, 1, world_rank == last ? NULL : &got);
    if (world_rank == last) {
        CHECK_ERR(st, OXPAR_STATUS_NULL_POINTER, "oxpar_dnrm2: out:");
    } else {
        CHECK_REMOTE_ERR(st, last);
    }
    st = oxpar_idamax(ctx, nl, world_rank == 0 ? NULL : x + s0, 1, &i);
    if (world_rank == 0) {
        CHECK_ERR(st, OXPAR_STATUS_NULL_POINTER, "oxpar_idamax: x:");
    } else {
        CHECK_REMOTE_ERR(st, 0);
    }
    check_context_still_works(ctx, "a NULL in nrm2 and idamax");

    /* axpy is local: a NULL on one rank fails there only */
    st = oxpar_daxpy(ctx, 3, &one, world_rank == last ? NULL : x, 1, c, 1);
    if (world_rank == last) {
        CHECK_ERR(st, OXPAR_STATUS_NULL_POINTER, "oxpar_daxpy: x:");
    } else {
        CHECK_OK(st, "daxpy on a rank whose arguments are fine");
    }
    check_context_still_works(ctx, "a NULL in axpy");

    /* dgemm with a NULL b on the last rank. On the default rows x cols grid,
     * m = 4*rows, n = 4*cols and k = 4*rows*cols: every rank holds 4 x 4
     * blocks of C, a 4 x ka block of op(A) and a kb x 4 block of op(B). */
    {
        size_t ka, kb;
        oxpar_mpi_grid(ctx, &rows, &cols, NULL, NULL);
        ka = 4 * rows;
        kb = 4 * cols;
        st = oxpar_mpi_dgemm(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_NO, 4, 4, ka, kb, &one, buf,
                             (ptrdiff_t)ka, 1, world_rank == last ? NULL : buf, 4, 1, &zero, c, 4,
                             1);
        if (world_rank == last) {
            CHECK_ERR(st, OXPAR_STATUS_NULL_POINTER, "oxpar_mpi_dgemm: b:");
        } else {
            CHECK_REMOTE_ERR(st, last);
        }
        /* a NULL alpha on rank 0 */
        st = oxpar_mpi_dgemm(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_NO, 4, 4, ka, kb,
                             world_rank == 0 ? NULL : &one, buf, (ptrdiff_t)ka, 1, buf, 4, 1,
                             &zero, c, 4, 1);
        if (world_rank == 0) {
            CHECK_ERR(st, OXPAR_STATUS_NULL_POINTER, "oxpar_mpi_dgemm: alpha:");
        } else {
            CHECK_REMOTE_ERR(st, 0);
        }
        /* then a correct one still works */
        CHECK_OK(oxpar_mpi_dgemm(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_NO, 4, 4, ka, kb, &one, buf,
                                 (ptrdiff_t)ka, 1, buf, 4, 1, &zero, c, 4, 1),
                 "mpi_dgemm after errors");
        /* blocks that do not fit: the last rank's op(A) has one column more
         * (its grid column then disagrees on the inner dimension); on one
         * rank, op(A) has one column fewer than op(B) has rows */
        st = oxpar_mpi_dgemm(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_NO, 4, 4,
                             ka + (multi && world_rank == last), kb + !multi, &one, buf,
                             (ptrdiff_t)ka + 1, 1, buf, 4, 1, &zero, c, 4, 1);
        CHECK_ERR(st, OXPAR_STATUS_SHAPE_MISMATCH, "oxpar_mpi_dgemm: ");
        check_context_still_works(ctx, "errors in mpi_dgemm");
    }

    /* gemv: a wrong local length of x on the last rank (the pieces no
     * longer add up to n), and a NULL y on rank 0 */
    {
        size_t mrows[MAX_RANKS], ml;
        double yl[N];
        char culprit[128];
        split(N, world_size, SPLIT_UNEVEN, mrows);
        ml = mrows[world_rank];
        st = oxpar_mpi_dgemv(ctx, ml, N, world_rank == last ? nl + 1 : nl, &one, buf, N, 1, x, 1,
                             &zero, yl, 1);
        CHECK_ERR(st, OXPAR_STATUS_SHAPE_MISMATCH, "oxpar_mpi_dgemv: ");
        /* the message names the rank whose block is off the balanced split */
        snprintf(culprit, sizeof culprit, "rank %zu passes %zu elements where the balanced split gives it %zu",
                 last, counts[last] + 1, counts[last]);
        CHECK(strstr(oxpar_last_error_message(), culprit) != NULL, "mpi_dgemv split mismatch: \"%s\" wanted in \"%s\"",
              culprit, oxpar_last_error_message());
        st = oxpar_mpi_dgemv(ctx, ml, N, nl, &one, buf, N, 1, x, 1, &zero,
                             world_rank == 0 ? NULL : yl, 1);
        if (world_rank == 0) {
            CHECK_ERR(st, OXPAR_STATUS_NULL_POINTER, "oxpar_mpi_dgemv: y:");
        } else {
            CHECK_REMOTE_ERR(st, 0);
        }
        /* ger with different numbers of columns on the last rank */
        st = oxpar_mpi_dger(ctx, ml, world_rank == last && multi ? N - 1 : N,
                            multi ? nl : nl + 1, &one, x, 1, y, 1, c, N, 1);
        CHECK_ERR(st, OXPAR_STATUS_SHAPE_MISMATCH, "oxpar_mpi_dger: ");
        check_context_still_works(ctx, "errors in mpi_dgemv and mpi_dger");
    }

    /* halo exchanges: ranks passing different ghost widths, an interior
     * shorter than the ghost width, a NULL array */
    {
        double h[N];
        for (i = 0; i < N; i++) {
            h[i] = 0;
        }
        if (multi) {
            st = oxpar_mpi_dhalo_1d(ctx, 10, world_rank == last ? 2 : 1, 0, h, 1);
            CHECK_ERR(st, OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_mpi_dhalo_1d: ");
            CHECK(last_error_contains_rank(last), "dhalo_1d with different ghosts: the message "
                                                  "does not name rank %zu: %s",
                  last, oxpar_last_error_message());
            st = oxpar_mpi_dhalo_1d(ctx, 10, 1, world_rank == 0, h, 1);
            CHECK_ERR(st, OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_mpi_dhalo_1d: ");
            st = oxpar_mpi_dhalo_2d(ctx, 6, 6, world_rank == last ? 2 : 1, 0, 0, h, 6, 1);
            CHECK_ERR(st, OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_mpi_dhalo_2d: ");
        }
        st = oxpar_mpi_dhalo_1d(ctx, world_rank == last ? 5 : 10, 2, 0, h, 1);
        CHECK_ERR(st, OXPAR_STATUS_SHAPE_MISMATCH, "oxpar_mpi_dhalo_1d: ");
        st = oxpar_mpi_dhalo_1d(ctx, 10, 1, 0, world_rank == last ? NULL : h, 1);
        if (world_rank == last) {
            CHECK_ERR(st, OXPAR_STATUS_NULL_POINTER, "oxpar_mpi_dhalo_1d: x:");
        } else {
            CHECK_REMOTE_ERR(st, last);
        }
        st = oxpar_mpi_dhalo_2d(ctx, 6, 6, 1, 0, 0, world_rank == 0 ? NULL : h, 6, 1);
        if (world_rank == 0) {
            CHECK_ERR(st, OXPAR_STATUS_NULL_POINTER, "oxpar_mpi_dhalo_2d: a:");
        } else {
            CHECK_REMOTE_ERR(st, 0);
        }
        st = oxpar_mpi_dhalo_2d(ctx, 6, 6, 1, 0, 0, h, 6, world_rank == 0 ? 0 : 1);
        if (world_rank == 0) {
            CHECK_ERR(st, OXPAR_STATUS_INVALID_STRIDE, "oxpar_mpi_dhalo_2d: csa:");
        } else {
            CHECK_REMOTE_ERR(st, 0);
        }
        check_context_still_works(ctx, "errors in halo exchanges");
    }

    /* set_grid: a shape that is not a grid of the ranks, on every rank and on
     * one rank; different shapes on different ranks. The grid stays. */
    default_grid(world_size, &def_rows, &def_cols);
    st = oxpar_mpi_set_grid(ctx, world_size + 1, 1);
    CHECK_ERR(st, OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_mpi_set_grid: ");
    st = oxpar_mpi_set_grid(ctx, 0, world_size);
    CHECK_ERR(st, OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_mpi_set_grid: ");
    st = oxpar_mpi_set_grid(ctx, world_rank == last ? 2 * world_size : world_size,
                            world_rank == last ? 2 : 1);
    if (world_rank == last) {
        CHECK_ERR(st, OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_mpi_set_grid: ");
    } else {
        CHECK_REMOTE_ERR(st, last);
    }
    if (multi) {
        st = oxpar_mpi_set_grid(ctx, world_rank == 0 ? world_size : 1,
                                world_rank == 0 ? 1 : world_size);
        CHECK_ERR(st, OXPAR_STATUS_SHAPE_MISMATCH, "oxpar_mpi_set_grid: ");
    }
    CHECK_OK(oxpar_mpi_grid(ctx, &rows, &cols, NULL, NULL), "grid after set_grid errors");
    CHECK(rows == def_rows && cols == def_cols,
          "grid after set_grid errors: %zu x %zu, want %zu x %zu", rows, cols, def_rows, def_cols);
    check_context_still_works(ctx, "errors in set_grid");
    /* and a gemm on the grid that stayed */
    run_gemm_case(ctx, &gemm_cases[1], 1);
}

/* ---- mixed element types ----------------------------------------------------- */

/* One rank (the last) called the float routine, the others the double one:
 * with several ranks every rank fails with OXPAR_STATUS_INVALID_ARGUMENT
 * and a message naming the last rank and both types; on one rank the call
 * succeeds. */
static void check_mixed(oxpar_status st, const char *what, int line) {
    char want[96];
    const char *msg = oxpar_last_error_message();
    if (world_size == 1) {
        check_ok(st, line, "%s on one rank", what);
        return;
    }
    snprintf(want, sizeof want, "rank %zu of %zu called it with f32 where", last_rank(),
             world_size);
    check_true(st == OXPAR_STATUS_INVALID_ARGUMENT && msg != NULL && strstr(msg, want) != NULL &&
                   strstr(msg, "f64") != NULL,
               line, "%s: status %d (%s), message \"%s\", want INVALID_ARGUMENT and \"%s ... f64\"",
               what, (int)st, oxpar_status_str(st), msg ? msg : "(NULL)", want);
}

#define CHECK_MIXED(st, what) check_mixed((st), (what), __LINE__)

/* oxpar_context_reject: a binding that rejected its arguments itself takes
 * part in the routine on this rank; the others fail with the same status, a
 * message naming this rank, and nothing written. */
static void test_context_reject(const oxpar_context *ctx) {
    enum { N = 8 };
    double x[N], y[N], out = -7, one = 1, zero = 0, a[N * N];
    size_t last = last_rank(), i, rows = 0, cols = 0;
    oxpar_status st;

    for (i = 0; i < N; i++) {
        x[i] = val(80, i);
        y[i] = val(81, i);
    }
    for (i = 0; i < N * N; i++) {
        a[i] = val(82, i);
    }
    if (world_rank == last) {
        st = oxpar_context_reject(ctx, OXPAR_ROUTINE_DOT, OXPAR_STATUS_SHAPE_MISMATCH,
                                  "y: checked by the binding");
        CHECK_OK(st, "oxpar_context_reject(DOT) on the rejecting rank");
    } else {
        st = oxpar_ddot(ctx, N, x, 1, y, 1, &out);
        CHECK_ERR(st, OXPAR_STATUS_SHAPE_MISMATCH, "oxpar_ddot:");
        CHECK_REMOTE_ERR(st, last);
        CHECK(out == -7, "ddot wrote its result after another rank's rejection");
    }
    check_context_still_works(ctx, "oxpar_context_reject(DOT)");

    /* The same in steady state, where every rank predicts the call (ddot in a
     * loop; dnrm2 in an alternation with ddot): the rejecting rank's word
     * still turns the one-word round into the checked one on every rank. */
    for (i = 0; i < 6; i++) {
        CHECK_OK(oxpar_ddot(ctx, N, x, 1, y, 1, &out), "steady ddot before a rejection");
    }
    out = -7;
    if (world_rank == last) {
        CHECK_OK(oxpar_context_reject(ctx, OXPAR_ROUTINE_DOT, OXPAR_STATUS_INVALID_STRIDE, NULL),
                 "oxpar_context_reject(DOT) in steady state");
    } else {
        st = oxpar_ddot(ctx, N, x, 1, y, 1, &out);
        CHECK_ERR(st, OXPAR_STATUS_INVALID_STRIDE, "oxpar_ddot:");
        CHECK_REMOTE_ERR(st, last);
        CHECK(out == -7, "ddot wrote its result after a rejection in steady state");
    }
    for (i = 0; i < 6; i++) {
        if (i % 2 == 0) {
            CHECK_OK(oxpar_ddot(ctx, N, x, 1, y, 1, &out), "ddot in an alternation");
        } else {
            CHECK_OK(oxpar_dnrm2(ctx, N, x, 1, &out), "dnrm2 in an alternation");
        }
    }
    CHECK_OK(oxpar_ddot(ctx, N, x, 1, y, 1, &out), "ddot in an alternation");
    out = -7;
    if (world_rank == last) {
        CHECK_OK(oxpar_context_reject(ctx, OXPAR_ROUTINE_NRM2, OXPAR_STATUS_SHAPE_MISMATCH, NULL),
                 "oxpar_context_reject(NRM2) where dnrm2 is predicted");
    } else {
        st = oxpar_dnrm2(ctx, N, x, 1, &out);
        CHECK_ERR(st, OXPAR_STATUS_SHAPE_MISMATCH, "oxpar_dnrm2:");
        CHECK_REMOTE_ERR(st, last);
        CHECK(out == -7, "dnrm2 wrote its result after a rejection in an alternation");
    }
    check_context_still_works(ctx, "oxpar_context_reject in steady state");

    if (world_rank == last) {
        CHECK_OK(oxpar_context_reject(ctx, OXPAR_ROUTINE_GEMV, OXPAR_STATUS_INVALID_STRIDE, NULL),
                 "oxpar_context_reject(GEMV)");
    } else {
        st = oxpar_mpi_dgemv(ctx, 1, N, 0, &one, a, 1, N, x, 1, &zero, y, 1);
        CHECK_ERR(st, OXPAR_STATUS_INVALID_STRIDE, "oxpar_mpi_dgemv:");
        CHECK_REMOTE_ERR(st, last);
    }
    check_context_still_works(ctx, "oxpar_context_reject(GEMV)");

    if (world_rank == last) {
        CHECK_OK(oxpar_context_reject(ctx, OXPAR_ROUTINE_HALO, OXPAR_STATUS_INVALID_ARGUMENT,
                                      "ghost: bad"),
                 "oxpar_context_reject(HALO)");
    } else {
        st = oxpar_mpi_dhalo_1d(ctx, N, 1, 0, x, 1);
        CHECK_ERR(st, OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_mpi_dhalo_1d:");
        CHECK_REMOTE_ERR(st, last);
    }
    check_context_still_works(ctx, "oxpar_context_reject(HALO)");

    CHECK_OK(oxpar_mpi_grid(ctx, &rows, &cols, NULL, NULL), "grid before a rejected set_grid");
    if (world_rank == last) {
        CHECK_OK(oxpar_context_reject(ctx, OXPAR_ROUTINE_SET_GRID, OXPAR_STATUS_SHAPE_MISMATCH,
                                      NULL),
                 "oxpar_context_reject(SET_GRID)");
    } else {
        st = oxpar_mpi_set_grid(ctx, rows, cols);
        CHECK_ERR(st, OXPAR_STATUS_SHAPE_MISMATCH, "oxpar_mpi_set_grid:");
        CHECK_REMOTE_ERR(st, last);
    }
    check_context_still_works(ctx, "oxpar_context_reject(SET_GRID)");

    /* Bad calls of oxpar_context_reject itself are local errors. */
    CHECK_ERR(oxpar_context_reject(ctx, 99, OXPAR_STATUS_SHAPE_MISMATCH, NULL),
              OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_context_reject: routine:");
    CHECK_ERR(oxpar_context_reject(ctx, OXPAR_ROUTINE_DOT, OXPAR_STATUS_OK, NULL),
              OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_context_reject: status:");
    CHECK_ERR(oxpar_context_reject(NULL, OXPAR_ROUTINE_DOT, OXPAR_STATUS_SHAPE_MISMATCH, NULL),
              OXPAR_STATUS_NULL_POINTER, "oxpar_context_reject: ctx:");
}

static void test_mixed_types(const oxpar_context *ctx) {
    enum { N = 6 };
    double xd[N * N], yd[N * N], od = -7, one = 1, zero = 0;
    float xs[N * N], ys[N * N], os = -7, ones = 1, zeros = 0;
    size_t oi = 99, last = last_rank(), piece, start, kb, i;
    int f32 = world_rank == last, multi = world_size > 1;
    oxpar_status st;
    char want[96];

    for (i = 0; i < N * N; i++) {
        xd[i] = val(70, i);
        yd[i] = val(71, i);
        xs[i] = (float)xd[i];
        ys[i] = (float)yd[i];
    }
    st = f32 ? oxpar_sdot(ctx, N, xs, 1, ys, 1, &os) : oxpar_ddot(ctx, N, xd, 1, yd, 1, &od);
    CHECK_MIXED(st, "sdot with ddot");
    CHECK(!multi || (os == -7 && od == -7), "dot wrote its output on error");
    st = f32 ? oxpar_snrm2(ctx, N, xs, 1, &os) : oxpar_dnrm2(ctx, N, xd, 1, &od);
    CHECK_MIXED(st, "snrm2 with dnrm2");
    st = f32 ? oxpar_sasum(ctx, N, xs, 1, &os) : oxpar_dasum(ctx, N, xd, 1, &od);
    CHECK_MIXED(st, "sasum with dasum");
    st = f32 ? oxpar_ssum(ctx, N, xs, 1, &os) : oxpar_dsum(ctx, N, xd, 1, &od);
    CHECK_MIXED(st, "ssum with dsum");
    st = f32 ? oxpar_isamax(ctx, N, xs, 1, &oi) : oxpar_idamax(ctx, N, xd, 1, &oi);
    CHECK_MIXED(st, "isamax with idamax");
    CHECK(!multi || oi == 99, "iamax wrote its output on error");

    /* gemv and ger: a 1 x N row block per rank, x (gemv) / y (ger) split */
    oxpar_block_range(N, world_size, world_rank, &start, &piece);
    st = f32 ? oxpar_mpi_sgemv(ctx, 1, N, piece, &ones, xs, N, 1, ys + start, 1, &zeros, &os, 1)
             : oxpar_mpi_dgemv(ctx, 1, N, piece, &one, xd, N, 1, yd + start, 1, &zero, &od, 1);
    CHECK_MIXED(st, "sgemv with dgemv");
    st = f32 ? oxpar_mpi_sger(ctx, 1, N, piece, &ones, xs, 1, ys + start, 1, xs + N, N, 1)
             : oxpar_mpi_dger(ctx, 1, N, piece, &one, xd, 1, yd + start, 1, xd + N, N, 1);
    CHECK_MIXED(st, "sger with dger");
    CHECK(!multi || (xs[N] == (float)val(70, N) && xd[N] == val(70, N)), "ger wrote A on error");

    /* gemm on a grid of one column: op(B)'s N rows split over the ranks */
    CHECK_OK(oxpar_mpi_set_grid(ctx, world_size, 1), "set_grid(p, 1)");
    oxpar_block_range(N, world_size, world_rank, &start, &kb);
    st = f32 ? oxpar_mpi_sgemm(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_NO, 1, 1, N, kb, &ones, xs, N, 1,
                               ys, 1, 1, &zeros, &os, 1, 1)
             : oxpar_mpi_dgemm(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_NO, 1, 1, N, kb, &one, xd, N, 1,
                               yd, 1, 1, &zero, &od, 1, 1);
    CHECK_MIXED(st, "sgemm with dgemm");

    /* halo exchanges, 1-D and 2-D */
    st = f32 ? oxpar_mpi_shalo_1d(ctx, N, 1, 1, xs, 1) : oxpar_mpi_dhalo_1d(ctx, N, 1, 1, xd, 1);
    CHECK_MIXED(st, "shalo_1d with dhalo_1d");
    st = f32 ? oxpar_mpi_shalo_2d(ctx, N, N, 1, 1, 1, xs, N, 1)
             : oxpar_mpi_dhalo_2d(ctx, N, N, 1, 1, 1, xd, N, 1);
    CHECK_MIXED(st, "shalo_2d with dhalo_2d");
    if (multi) {
        CHECK(xs[0] == (float)val(70, 0) && xd[0] == val(70, 0), "halo wrote ghosts on error");
    }

    /* different operations that share a collective: ddot on the last rank,
     * dnrm2 on the others */
    if (multi) {
        st = f32 ? oxpar_ddot(ctx, N, xd, 1, yd, 1, &od) : oxpar_dnrm2(ctx, N, xd, 1, &od);
        snprintf(want, sizeof want, "rank %zu of %zu called dot (f64) where", last, world_size);
        CHECK(st == OXPAR_STATUS_INVALID_ARGUMENT &&
                  strstr(oxpar_last_error_message(), want) != NULL,
              "ddot with dnrm2: status %d, message \"%s\", want \"%s\"", (int)st,
              oxpar_last_error_message(), want);
    }
    /* the context still works, in both types */
    check_context_still_works(ctx, "mixed element types");
    os = -7;
    CHECK_OK(oxpar_ssum(ctx, N, xs, 1, &os), "ssum after mixed types");
    {
        float want_s = 0;
        for (i = 0; i < N; i++) {
            want_s += xs[i];
        }
        CHECK(os == want_s * (float)world_size, "ssum after mixed types: %g, want %g", (double)os,
              (double)(want_s * (float)world_size));
    }
}

/* ---- reproducible mode ------------------------------------------------------ */

/* A 64-bit hash of (seed, i) (splitmix64's finalizer). */
static uint64_t hash64(uint64_t seed, uint64_t i) {
    uint64_t z = i * 0x9e3779b97f4a7c15u + seed * 0xbf58476d1ce4e5b9u + 0x94d049bb133111ebu;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* A random significand in [1, 2) with every bit (53 or 24) used, times 2^e,
 * with a random sign. */
static double rnd_double(uint64_t h, int e) {
    double m = 1.0 + (double)(h >> 12) / 4503599627370496.0; /* 52 random bits */
    return ldexp((h & 1) ? -m : m, e);
}

static float rnd_float(uint64_t h, int e) {
    float m = 1.0f + (float)(h >> 41) / 8388608.0f; /* 23 random bits */
    return (float)ldexp((h & 1) ? -m : m, e);
}

/*
 * Element i of two hostile vectors of length n, the same on every rank.
 * Element i and its mirror n-1-i are a pair: a quarter of the pairs are
 * huge and cancel exactly (x = +v and -v, y = w at both, so the products
 * +-v*w, beyond the double range, cancel too) and end up on different ranks
 * under most splits; the rest are independent: subnormals (times values
 * near 2^-500 in y, products far below the subnormals), and values with
 * random significands over 600 binades (2^-300 .. 2^300) and random signs.
 * Floats likewise within their range (huge pairs near 2^90..2^110, values
 * over 2^-40 .. 2^40, subnormals). Nothing overflows in the exact results.
 */
static void hostile(unsigned seed, size_t n, size_t i, double *x, double *y, float *xf, float *yf) {
    size_t j = i < n - 1 - i ? i : n - 1 - i;
    int mirror = j != i;
    uint64_t hp = hash64(seed, j), h1 = hash64(seed + 1000, i), h2 = hash64(seed + 2000, i);
    switch (hp % 8) {
    case 0:
    case 1: {
        uint64_t hv = hash64(seed + 3000, j), hw = hash64(seed + 4000, j);
        double v = rnd_double(hv, 900 + (int)(hv % 97));
        float vf = rnd_float(hv, 90 + (int)(hv % 21));
        if (j == n - 1 - j) { /* the middle element of an odd n: no partner */
            v = 1.0;
            vf = 1.0f;
        }
        x[i] = mirror ? -v : v;
        y[i] = rnd_double(hw, 900 + (int)(hw % 97));
        xf[i] = mirror ? -vf : vf;
        yf[i] = rnd_float(hw, 90 + (int)(hw % 21));
        break;
    }
    case 2:
        /* subnormals: 2^-1074 .. 2^-1023 (2^-149 .. 2^-127) */
        x[i] = ldexp((double)((h1 >> 11) % ((uint64_t)1 << 51)) + 1.0, -1074) *
               ((h1 & 1) ? -1.0 : 1.0);
        y[i] = rnd_double(h2, -500 + (int)(h2 % 50));
        xf[i] = (float)ldexp((double)((h1 >> 40) % ((uint64_t)1 << 22)) + 1.0, -149) *
                ((h1 & 1) ? -1.0f : 1.0f);
        yf[i] = rnd_float(h2, -20 + (int)(h2 % 40));
        break;
    default:
        x[i] = rnd_double(h1, -300 + (int)((h1 >> 3) % 601));
        y[i] = rnd_double(h2, -300 + (int)((h2 >> 3) % 601));
        xf[i] = rnd_float(h1, -40 + (int)((h1 >> 3) % 81));
        yf[i] = rnd_float(h2, -40 + (int)((h2 >> 3) % 81));
        break;
    }
}

/* Splits beyond split()'s: everything on the last rank, and rank-dependent
 * pseudo-random sizes (some possibly empty). */
#define SPLIT_ALL_LAST SPLIT_MODES
#define SPLIT_RANDOM (SPLIT_MODES + 1)
#define REPRO_SPLITS (SPLIT_MODES + 2)

static void repro_split(size_t n, int mode, size_t *counts, const char **how) {
    size_t i, given = 0, w[MAX_RANKS], total = 0;
    if (mode < SPLIT_MODES) {
        split(n, world_size, mode, counts);
        *how = split_name(mode);
        return;
    }
    if (mode == SPLIT_ALL_LAST) {
        for (i = 0; i < world_size; i++) {
            counts[i] = i == world_size - 1 ? n : 0;
        }
        *how = "all-on-the-last-rank";
        return;
    }
    for (i = 0; i < world_size; i++) {
        w[i] = hash64(77, i) % 5; /* weights 0..4: some ranks may get nothing */
        total += w[i];
    }
    for (i = 0; i < world_size; i++) {
        counts[i] = total ? n * w[i] / total : 0;
        given += counts[i];
    }
    counts[world_size - 1] += n - given;
    *how = "random";
}

/* The bits of a double and of a float, for messages. */
static unsigned long long bits64(double v) {
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    return (unsigned long long)u;
}

static unsigned bits32(float v) {
    uint32_t u;
    memcpy(&u, &v, sizeof u);
    return (unsigned)u;
}

/* Checks that a double result has exactly the bits of the reference. */
#define CHECK_SAME_D(got, want, ...)                                                              \
    check_same_d((got), (want), __LINE__, __VA_ARGS__)
#define CHECK_SAME_F(got, want, ...)                                                              \
    check_same_f((got), (want), __LINE__, __VA_ARGS__)

static void check_same_d(double got, double want, int line, const char *what, const char *how) {
    check_true(memcmp(&got, &want, sizeof got) == 0, line,
               "%s (%s split): %.17g (0x%016llx), want %.17g (0x%016llx) bit for bit", what, how,
               got, bits64(got), want, bits64(want));
}

static void check_same_f(float got, float want, int line, const char *what, const char *how) {
    check_true(memcmp(&got, &want, sizeof got) == 0, line,
               "%s (%s split): %.9g (0x%08x), want %.9g (0x%08x) bit for bit", what, how,
               (double)got, bits32(got), (double)want, bits32(want));
}

/* The reproducible results of one vector pair: dot, nrm2, asum, sum of x. */
struct repro_d {
    double dot, nrm2, asum, sum;
};
struct repro_f {
    float dot, nrm2, asum, sum;
};

/* Every reduction of this rank's block (n elements from x, y at strides
 * incx, incy; the pointers address element 0). */
static void repro_run(const oxpar_context *ctx, size_t n, const double *x, ptrdiff_t incx,
                      const double *y, ptrdiff_t incy, const float *xf, const float *yf,
                      struct repro_d *d, struct repro_f *f, const char *how) {
    d->dot = d->nrm2 = d->asum = d->sum = -1;
    f->dot = f->nrm2 = f->asum = f->sum = -1;
    CHECK_OK(oxpar_ddot(ctx, n, x, incx, y, incy, &d->dot), "reproducible ddot (%s)", how);
    CHECK_OK(oxpar_dnrm2(ctx, n, x, incx, &d->nrm2), "reproducible dnrm2 (%s)", how);
    CHECK_OK(oxpar_dasum(ctx, n, x, incx, &d->asum), "reproducible dasum (%s)", how);
    CHECK_OK(oxpar_dsum(ctx, n, x, incx, &d->sum), "reproducible dsum (%s)", how);
    CHECK_OK(oxpar_sdot(ctx, n, xf, incx, yf, incy, &f->dot), "reproducible sdot (%s)", how);
    CHECK_OK(oxpar_snrm2(ctx, n, xf, incx, &f->nrm2), "reproducible snrm2 (%s)", how);
    CHECK_OK(oxpar_sasum(ctx, n, xf, incx, &f->asum), "reproducible sasum (%s)", how);
    CHECK_OK(oxpar_ssum(ctx, n, xf, incx, &f->sum), "reproducible ssum (%s)", how);
}

static void repro_compare(const struct repro_d *d, const struct repro_f *f,
                          const struct repro_d *rd, const struct repro_f *rf, const char *what,
                          const char *how) {
    char name[96];
    snprintf(name, sizeof name, "ddot %s", what);
    CHECK_SAME_D(d->dot, rd->dot, name, how);
    snprintf(name, sizeof name, "dnrm2 %s", what);
    CHECK_SAME_D(d->nrm2, rd->nrm2, name, how);
    snprintf(name, sizeof name, "dasum %s", what);
    CHECK_SAME_D(d->asum, rd->asum, name, how);
    snprintf(name, sizeof name, "dsum %s", what);
    CHECK_SAME_D(d->sum, rd->sum, name, how);
    snprintf(name, sizeof name, "sdot %s", what);
    CHECK_SAME_F(f->dot, rf->dot, name, how);
    snprintf(name, sizeof name, "snrm2 %s", what);
    CHECK_SAME_F(f->nrm2, rf->nrm2, name, how);
    snprintf(name, sizeof name, "sasum %s", what);
    CHECK_SAME_F(f->asum, rf->asum, name, how);
    snprintf(name, sizeof name, "ssum %s", what);
    CHECK_SAME_F(f->sum, rf->sum, name, how);
}

static int32_t repro_mode(const oxpar_context *ctx) {
    int32_t on = -1;
    CHECK_OK(oxpar_context_get_reproducible(ctx, &on), "get_reproducible");
    return on;
}

/*
 * The global reproducible reductions of a hostile vector split over the
 * ranks in many ways must have the bits of a local serial context's on the
 * whole vector: the reference does not depend on the rank count, so this
 * proves the results equal for every rank count the suite runs with.
 * `quick`: a single split (for the other node-local backends).
 */
static void test_reproducible_sums(oxpar_context *ctx, oxpar_context *serial, int quick) {
    enum { N = 100003 };
    double *x = xmalloc(N * sizeof(double)), *y = xmalloc(N * sizeof(double));
    float *xf = xmalloc(N * sizeof(float)), *yf = xmalloc(N * sizeof(float));
    double *xs, *ys;
    float *xsf, *ysf;
    size_t counts[MAX_RANKS], s0, nl, i;
    struct repro_d rd, d;
    struct repro_f rf, f;
    const char *how;
    int mode;

    for (i = 0; i < N; i++) {
        hostile(5, N, i, x, y, xf, yf);
    }
    /* the reference: a serial context in reproducible mode, whole vectors */
    repro_run(serial, N, x, 1, y, 1, xf, yf, &rd, &rf, "serial reference");
    CHECK(isfinite(rd.dot) && isfinite(rd.nrm2) && isfinite(rd.asum) && isfinite(rd.sum) &&
              isfinite(rf.dot) && isfinite(rf.nrm2) && isfinite(rf.asum) && isfinite(rf.sum),
          "hostile data: the exact results should be finite (%g %g %g %g / %g %g %g %g)", rd.dot,
          rd.nrm2, rd.asum, rd.sum, (double)rf.dot, (double)rf.nrm2, (double)rf.asum,
          (double)rf.sum);

    for (mode = quick ? SPLIT_UNEVEN : 0; mode < (quick ? SPLIT_UNEVEN + 1 : REPRO_SPLITS);
         mode++) {
        repro_split(N, mode, counts, &how);
        s0 = split_start(counts, world_rank);
        nl = counts[world_rank];
        if (nl > 0) {
            repro_run(ctx, nl, x + s0, 1, y + s0, 1, xf + s0, yf + s0, &d, &f, how);
        } else {
            /* an empty block may pass NULL (the strided and reversed runs
             * below pass pointers) */
            repro_run(ctx, 0, NULL, 1, NULL, 1, NULL, NULL, &d, &f, how);
        }
        repro_compare(&d, &f, &rd, &rf, "distributed", how);
    }

    if (!quick) {
        /* local blocks in reverse order (negative strides) and strided
         * (every third element, NaN between) */
        repro_split(N, SPLIT_REVERSED, counts, &how);
        s0 = split_start(counts, world_rank);
        nl = counts[world_rank];
        if (nl > 0) {
            repro_run(ctx, nl, x + s0 + nl - 1, -1, y + s0 + nl - 1, -1, xf + s0 + nl - 1,
                      yf + s0 + nl - 1, &d, &f, how);
        } else {
            repro_run(ctx, 0, x, -1, y, -1, xf, yf, &d, &f, how);
        }
        repro_compare(&d, &f, &rd, &rf, "distributed, blocks reversed (inc = -1)", how);
        xs = xmalloc((3 * nl + 1) * sizeof(double));
        ys = xmalloc((3 * nl + 1) * sizeof(double));
        xsf = xmalloc((3 * nl + 1) * sizeof(float));
        ysf = xmalloc((3 * nl + 1) * sizeof(float));
        for (i = 0; i < 3 * nl + 1; i++) {
            int in = i % 3 == 0 && i / 3 < nl;
            xs[i] = in ? x[s0 + i / 3] : test_nan();
            ys[i] = in ? y[s0 + i / 3] : test_nan();
            xsf[i] = in ? xf[s0 + i / 3] : (float)test_nan();
            ysf[i] = in ? yf[s0 + i / 3] : (float)test_nan();
        }
        repro_run(ctx, nl, xs, 3, ys, 3, xsf, ysf, &d, &f, how);
        repro_compare(&d, &f, &rd, &rf, "distributed, strided blocks (inc = 3)", how);
        free(xs);
        free(ys);
        free(xsf);
        free(ysf);
    }
    free(x);
    free(y);
    free(xf);
    free(yf);
}

/*
 * Known exact answers across ranks: cancelling pairs over many binades
 * whose sum is exactly one tiny subnormal, and an exact zero, which must be
 * +0.0 (never -0.0); infinities of both signs on different ranks give NaN.
 */
static double exact_pair(size_t i, size_t n) {
    size_t j = i < n - 1 - i ? i : n - 1 - i;
    uint64_t h = hash64(9, j);
    double v = rnd_double(h, -1000 + (int)(h % 2000));
    return i == j ? v : -v;
}

static void test_reproducible_exact(oxpar_context *ctx) {
    enum { N = 1001 };
    double x[N], y[N], got;
    float xf[N], gotf;
    size_t counts[MAX_RANKS], s0, nl, i;
    const char *how;
    int mode;
    const double tiny = ldexp(3.0, -1074);
    const float tinyf = (float)ldexp(3.0, -149);

    for (i = 0; i < N; i++) {
        size_t j = i < N - 1 - i ? i : N - 1 - i;
        uint64_t h = hash64(9, j);
        float vf = rnd_float(h, -120 + (int)(h % 240));
        x[i] = exact_pair(i, N);
        xf[i] = i == j ? vf : -vf;
        y[i] = 1.0;
    }
    x[N / 2] = tiny; /* the middle, unpaired */
    xf[N / 2] = tinyf;
    for (mode = 0; mode < REPRO_SPLITS; mode++) {
        repro_split(N, mode, counts, &how);
        s0 = split_start(counts, world_rank);
        nl = counts[world_rank];

        got = 0;
        CHECK_OK(oxpar_dsum(ctx, nl, x + s0, 1, &got), "dsum of pairs + 3*2^-1074 (%s)", how);
        CHECK_SAME_D(got, tiny, "dsum of cancelling pairs and 3*2^-1074", how);
        got = 0;
        CHECK_OK(oxpar_ddot(ctx, nl, x + s0, 1, y + s0, 1, &got), "ddot x.1 (%s)", how);
        CHECK_SAME_D(got, tiny, "ddot of cancelling pairs and 3*2^-1074 with ones", how);
        gotf = 0;
        CHECK_OK(oxpar_ssum(ctx, nl, xf + s0, 1, &gotf), "ssum of pairs + 3*2^-149 (%s)", how);
        CHECK_SAME_F(gotf, tinyf, "ssum of cancelling pairs and 3*2^-149", how);

        /* the exact zero is +0.0, whatever the split */
        x[N / 2] = -0.0;
        got = -1;
        CHECK_OK(oxpar_dsum(ctx, nl, x + s0, 1, &got), "dsum to zero (%s)", how);
        CHECK_SAME_D(got, 0.0, "dsum of cancelling pairs and -0.0 (an exact zero)", how);
        x[N / 2] = tiny;

        /* +inf and -inf on different ranks (the first and the last element) */
        x[0] = test_inf();
        x[N - 1] = -test_inf();
        got = 0;
        CHECK_OK(oxpar_dsum(ctx, nl, x + s0, 1, &got), "dsum +inf -inf (%s)", how);
        CHECK(isnan(got), "dsum with +inf and -inf (%s split): %g, want NaN", how, got);
        x[N - 1] = 1.0;
        got = 0;
        CHECK_OK(oxpar_dsum(ctx, nl, x + s0, 1, &got), "dsum +inf (%s)", how);
        CHECK(isinf(got) && got > 0, "dsum with +inf (%s split): %g, want +inf", how, got);
        got = 0;
        CHECK_OK(oxpar_dnrm2(ctx, nl, x + s0, 1, &got), "dnrm2 +inf (%s)", how);
        CHECK(isinf(got) && got > 0, "dnrm2 with +inf (%s split): %g, want +inf", how, got);
        x[0] = exact_pair(0, N);
        x[N - 1] = exact_pair(N - 1, N);
    }
}

/* A context that works in reproducible mode, compared with the serial one. */
static void check_repro_still_works(const oxpar_context *ctx, const oxpar_context *serial,
                                    const char *after) {
    enum { N = 300 };
    double x[N], y[N], got = -1, want = -2;
    float xf[N], yf[N];
    size_t counts[MAX_RANKS], s0, i;
    for (i = 0; i < N; i++) {
        hostile(11, N, i, x, y, xf, yf);
    }
    split(N, world_size, SPLIT_UNEVEN, counts);
    s0 = split_start(counts, world_rank);
    CHECK_OK(oxpar_ddot(serial, N, x, 1, y, 1, &want), "serial ddot after %s", after);
    CHECK_OK(oxpar_ddot(ctx, counts[world_rank], x + s0, 1, y + s0, 1, &got),
             "reproducible ddot after %s", after);
    CHECK_SAME_D(got, want, "reproducible ddot after an error", after);
}

/* Mode changes are collective: disagreement and bad values fail everywhere;
 * argument errors in reproducible reductions fail everywhere, no hang. */
static void test_reproducible_errors(oxpar_context *ctx, const oxpar_context *serial) {
    enum { N = 40 };
    double x[N], y[N], got = 0;
    float xf[N], yf[N], gotf = 0;
    size_t last = last_rank(), counts[MAX_RANKS], s0, nl, i;
    int multi = world_size > 1;
    oxpar_status st;
    int32_t start;

    for (i = 0; i < N; i++) {
        hostile(13, N, i, x, y, xf, yf);
    }
    split(N, world_size, SPLIT_BALANCED, counts);
    s0 = split_start(counts, world_rank);
    nl = counts[world_rank];

    /* different modes asked for: every rank fails, the mode stays (from on,
     * then from off) */
    for (start = 1; start >= 0; start--) {
        CHECK_OK(oxpar_context_set_reproducible(ctx, start), "set_reproducible(%d)", (int)start);
        if (multi) {
            st = oxpar_context_set_reproducible(ctx, world_rank == 0 ? 1 : 0);
            CHECK_ERR(st, OXPAR_STATUS_INVALID_ARGUMENT,
                      "oxpar_context_set_reproducible: on: ranks disagree");
            CHECK(repro_mode(ctx) == start, "after a disagreement from %d: mode %d", (int)start,
                  (int)repro_mode(ctx));
            st = oxpar_context_set_reproducible(ctx, world_rank == last ? 1 : 0);
            CHECK_ERR(st, OXPAR_STATUS_INVALID_ARGUMENT,
                      "oxpar_context_set_reproducible: on: ranks disagree");
            CHECK(repro_mode(ctx) == start, "after a disagreement from %d: mode %d", (int)start,
                  (int)repro_mode(ctx));
        }
        /* a bad value on the last rank (the others ask for the other mode) */
        st = oxpar_context_set_reproducible(ctx, world_rank == last ? 2 : 1 - start);
        if (world_rank == last) {
            CHECK_ERR(st, OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_context_set_reproducible: on:");
        } else {
            CHECK(st == OXPAR_STATUS_INVALID_ARGUMENT, "bad `on` on rank %zu: status %d (%s)",
                  last, (int)st, oxpar_status_str(st));
            CHECK_REMOTE_ERR(st, last);
        }
        CHECK(repro_mode(ctx) == start, "after a bad `on` on rank %zu from %d: mode %d", last,
              (int)start, (int)repro_mode(ctx));
        /* a bad value everywhere */
        st = oxpar_context_set_reproducible(ctx, -1);
        CHECK_ERR(st, OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_context_set_reproducible: on:");
        CHECK(repro_mode(ctx) == start, "after on = -1 from %d: mode %d", (int)start,
              (int)repro_mode(ctx));
        /* the same mode everywhere, again: fine */
        CHECK_OK(oxpar_context_set_reproducible(ctx, start), "set_reproducible(%d) again",
                 (int)start);
        CHECK(repro_mode(ctx) == start, "mode %d, want %d", (int)repro_mode(ctx), (int)start);
    }
    CHECK_ERR(oxpar_context_set_reproducible(NULL, 1), OXPAR_STATUS_NULL_POINTER,
              "oxpar_context_set_reproducible: ");

    /* argument errors in reproducible reductions: an error on every rank */
    CHECK_OK(oxpar_context_set_reproducible(ctx, 1), "set_reproducible(1)");
    check_repro_still_works(ctx, serial, "switching it on after errors");

    st = oxpar_ddot(ctx, nl, world_rank == last ? NULL : x + s0, 1, y + s0, 1, &got);
    if (world_rank == last) {
        CHECK_ERR(st, OXPAR_STATUS_NULL_POINTER, "oxpar_ddot: x:");
    } else {
        CHECK_REMOTE_ERR(st, last);
    }
    check_repro_still_works(ctx, serial, "a NULL x in a reproducible ddot");

    st = oxpar_ddot(ctx, nl > 1 ? nl : 2, x, 1, y, world_rank == last ? PTRDIFF_MAX : 1, &got);
    if (world_rank == last) {
        CHECK_ERR(st, OXPAR_STATUS_INVALID_STRIDE, "oxpar_ddot: incy:");
    } else {
        CHECK_REMOTE_ERR(st, last);
    }
    check_repro_still_works(ctx, serial, "incy = 0 in a reproducible ddot");

    st = oxpar_sdot(ctx, nl > 1 ? nl : 2, xf, world_rank == 0 ? PTRDIFF_MAX : 1, yf, 1, &gotf);
    if (world_rank == 0) {
        CHECK_ERR(st, OXPAR_STATUS_INVALID_STRIDE, "oxpar_sdot: incx:");
    } else {
        CHECK_REMOTE_ERR(st, 0);
    }
    st = oxpar_dnrm2(ctx, nl, x + s0, 1, world_rank == last ? NULL : &got);
    if (world_rank == last) {
        CHECK_ERR(st, OXPAR_STATUS_NULL_POINTER, "oxpar_dnrm2: out:");
    } else {
        CHECK_REMOTE_ERR(st, last);
    }
    st = oxpar_dasum(ctx, world_rank == 0 ? 3 : nl, world_rank == 0 ? NULL : x + s0, 1, &got);
    if (world_rank == 0) {
        CHECK_ERR(st, OXPAR_STATUS_NULL_POINTER, "oxpar_dasum: x:");
    } else {
        CHECK_REMOTE_ERR(st, 0);
    }
    st = oxpar_ssum(ctx, nl > 1 ? nl : 2, xf, world_rank == last ? PTRDIFF_MAX : 1, &gotf);
    if (world_rank == last) {
        CHECK_ERR(st, OXPAR_STATUS_INVALID_STRIDE, "oxpar_ssum: incx:");
    } else {
        CHECK_REMOTE_ERR(st, last);
    }
    st = oxpar_dsum(ctx, nl, x + s0, 1, world_rank == 0 ? NULL : &got);
    if (world_rank == 0) {
        CHECK_ERR(st, OXPAR_STATUS_NULL_POINTER, "oxpar_dsum: out:");
    } else {
        CHECK_REMOTE_ERR(st, 0);
    }
    check_repro_still_works(ctx, serial, "errors in reproducible nrm2, asum, sum");

    /* ranks passing different element types (double on rank 0, float
     * elsewhere): an error everywhere */
    if (multi) {
        if (world_rank == 0) {
            st = oxpar_dsum(ctx, nl, x + s0, 1, &got);
        } else {
            st = oxpar_ssum(ctx, nl, xf + s0, 1, &gotf);
        }
        CHECK(st == OXPAR_STATUS_INVALID_ARGUMENT,
              "dsum on rank 0, ssum elsewhere: status %d (%s), want INVALID_ARGUMENT: %s",
              (int)st, oxpar_status_str(st), oxpar_last_error_message());
        check_repro_still_works(ctx, serial, "mixed element types");
    }
}

static void test_reproducible(oxpar_context *ctx) {
    oxpar_context *serial = NULL;
    int32_t on = -1;

    CHECK_OK(oxpar_context_create("serial", &serial), "create(\"serial\")");
    if (serial == NULL) {
        return;
    }
    CHECK_OK(oxpar_context_set_reproducible(serial, 1), "serial: set_reproducible(1)");
    CHECK(repro_mode(ctx) == 0, "the MPI context starts in reproducible mode (%d)",
          (int)repro_mode(ctx));

    CHECK_OK(oxpar_context_set_reproducible(ctx, 1), "set_reproducible(1) (collective)");
    CHECK_OK(oxpar_context_get_reproducible(ctx, &on), "get_reproducible");
    CHECK(on == 1, "get_reproducible after set(1): %d", (int)on);

    test_reproducible_sums(ctx, serial, 0);
    test_reproducible_exact(ctx);
    test_reproducible_errors(ctx, serial);

    /* back off: later tests use the ordinary routines */
    CHECK_OK(oxpar_context_set_reproducible(ctx, 0), "set_reproducible(0)");
    CHECK(repro_mode(ctx) == 0, "mode after switching it off: %d", (int)repro_mode(ctx));
    check_context_still_works(ctx, "reproducible mode switched off");
    oxpar_context_free(serial);
}

/* The hostile sums on another node-local backend (threads, OpenCL): a
 * context created in reproducible mode through OXPAR_REPRODUCIBLE is not
 * testable here (the environment is the program's), so switch it on. */
static void test_reproducible_quick(oxpar_context *ctx) {
    oxpar_context *serial = NULL;
    CHECK_OK(oxpar_context_create("serial", &serial), "create(\"serial\")");
    if (serial == NULL) {
        return;
    }
    CHECK_OK(oxpar_context_set_reproducible(serial, 1), "serial: set_reproducible(1)");
    CHECK_OK(oxpar_context_set_reproducible(ctx, 1), "set_reproducible(1)");
    test_reproducible_sums(ctx, serial, 1);
    CHECK_OK(oxpar_context_set_reproducible(ctx, 0), "set_reproducible(0)");
    oxpar_context_free(serial);
}

/* ---- main ------------------------------------------------------------------ */

int main(int argc, char **argv) {
    oxpar_context *ctx = NULL, *threads = NULL;
    int finalized = 1, initialized = 0, rc, i;

    MPI_Init(&argc, &argv);
    mpi_check_init();
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--skip-known-bugs") == 0) {
            skip_known_bugs(1);
        } else {
            if (world_rank == 0) {
                fprintf(stderr, "usage: %s [--skip-known-bugs]\n", argv[0]);
            }
            MPI_Finalize();
            return 2;
        }
    }
    if (world_size > MAX_RANKS) {
        if (world_rank == 0) {
            fprintf(stderr, "test_mpi: at most %d ranks\n", MAX_RANKS);
        }
        MPI_Finalize();
        return 2;
    }

    test_block_range();
    CHECK_OK(oxpar_context_create_mpi("mpi+serial", (int32_t)MPI_Comm_c2f(MPI_COMM_WORLD), &ctx),
             "create_mpi(\"mpi+serial\", MPI_COMM_WORLD)");
    if (ctx == NULL) {
        /* nothing else can run; every rank gets here alike (collective) */
        MPI_Finalize();
        return 1;
    }
    test_contexts(ctx);
    test_split_communicator();
    test_level1(ctx);
    test_level1_special(ctx);
    test_gemv_ger(ctx);
    test_gemm(ctx, 0);
    test_halo(ctx);
    test_factorizations_unsupported(ctx);
    test_errors(ctx);
    test_context_reject(ctx);
    test_mixed_types(ctx);
    test_complex(ctx, 0);
    test_complex_reproducible(ctx);
    test_reproducible(ctx);

    /* the same through a context whose ranks compute with 2 threads each */
    CHECK_OK(oxpar_context_create_mpi("mpi+threads:2", (int32_t)MPI_Comm_c2f(MPI_COMM_WORLD),
                                      &threads),
             "create_mpi(\"mpi+threads:2\")");
    if (threads != NULL) {
        test_level1_case(threads, 1000, SPLIT_UNEVEN);
        test_gemm(threads, 1);
        test_complex(threads, 1);
        test_reproducible_quick(threads);
    }
    oxpar_context_free(threads);

    /* ... and through one whose ranks compute on an OpenCL device (PoCL in
     * the tests): the host-pointer routines copy to the device and back. */
    {
        oxpar_context *cl = NULL;
        oxpar_status st =
            oxpar_context_create_mpi("mpi+opencl:cpu", (int32_t)MPI_Comm_c2f(MPI_COMM_WORLD), &cl);
        if (st == OXPAR_STATUS_OK) {
            test_level1_case(cl, 1000, SPLIT_UNEVEN);
            test_gemm(cl, 1);
            test_reproducible_quick(cl);
        } else {
            CHECK(st == OXPAR_STATUS_BACKEND_UNAVAILABLE, "create_mpi(\"mpi+opencl:cpu\"): %s",
                  oxpar_last_error_message());
        }
        oxpar_context_free(cl);
    }
    oxpar_context_free(ctx);

    /* oxpar left the program's MPI running */
    MPI_Initialized(&initialized);
    MPI_Finalized(&finalized);
    CHECK(initialized && !finalized, "after freeing every context MPI is %s",
          finalized ? "finalized" : "not initialized");
    rc = mpi_check_summary();

    /* After MPI_Finalize: a context still alive can be freed (its
     * communicators just go away) and a new one is refused. */
    CHECK_OK(oxpar_context_create_mpi("mpi+serial", (int32_t)MPI_Comm_c2f(MPI_COMM_WORLD), &ctx),
             "create_mpi before MPI_Finalize");
    MPI_Finalize();
    oxpar_context_free(ctx);
    ctx = NULL;
    {
        oxpar_status st = oxpar_context_create_mpi("mpi", 0, &ctx);
        if (st != OXPAR_STATUS_BACKEND_UNAVAILABLE || ctx != NULL) {
            fprintf(stderr,
                    "FAIL [rank %zu of %zu]: create_mpi after MPI_Finalize: status %d (%s), "
                    "want OXPAR_STATUS_BACKEND_UNAVAILABLE: %s\n",
                    world_rank, world_size, (int)st, oxpar_status_str(st),
                    oxpar_last_error_message());
            rc = 1;
        }
    }
    return rc;
}
