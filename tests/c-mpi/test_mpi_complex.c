/*
 * Complex elements on an MPI context through the C ABI: the level-1
 * reductions (zdotc, zdotu, cdotu, dznrm2, dzasum, izamax), the distributed
 * zgemv (every op(A), the conjugate transpose included), zgerc/cgeru, the
 * SUMMA zgemm/cgemm and the complex halo exchange, each compared with a
 * naive loop over the whole (gathered) data, which every rank builds; then
 * the mismatches that must be an error on every rank: a real call on one
 * rank where the others make the complex one, the other complex type, dotu
 * against dotc, a different global length, and a rank whose binding
 * rejected the arguments itself (oxpar_context_reject).
 *
 * The data are multiples of 1/64 (val()), so the sums and products of the
 * double and float routines here are exact and compared exactly; only the
 * norm gets a tolerance.
 */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpi_check.h"
#include "oxpar.h"

#define MAX_PARTS 64

typedef double _Complex zval;
typedef float _Complex cval;

/* Element i of the deterministic complex vector `seed`. */
static zval zv(unsigned seed, size_t i) {
    return val(seed, 2 * i) + val(seed, 2 * i + 1) * I;
}

static size_t last(void) {
    return world_size - 1;
}

/* The part of `n` this rank holds under `mode`: its first index and length. */
static void my_part(size_t n, int mode, size_t *start, size_t *len) {
    size_t counts[MAX_PARTS];
    split(n, world_size, mode, counts);
    *start = split_start(counts, world_rank);
    *len = counts[world_rank];
}

static int zsame(zval a, zval b) {
    return creal(a) == creal(b) && cimag(a) == cimag(b);
}

/* ---- level 1 ------------------------------------------------------------ */

static void test_level1_case(const oxpar_context *ctx, size_t n, int mode, ptrdiff_t inc) {
    size_t s, len, i, idx = 99, want_idx = OXPAR_INDEX_NONE;
    zval *x = xmalloc((n + 1) * (size_t)inc * sizeof(zval)), *y = xmalloc((n + 1) * sizeof(zval));
    cval *xf = xmalloc((n + 1) * sizeof(cval)), *yf = xmalloc((n + 1) * sizeof(cval));
    zval got = -7, want_c = 0, want_u = 0;
    cval gotf = -7, want_f = 0;
    double nrm = -1, asum = -1, ssq = 0, want_asum = 0, best = -1;
    char how[64];

    snprintf(how, sizeof how, "n=%zu, %s split, inc=%d", n, split_name(mode), (int)inc);
    my_part(n, mode, &s, &len);
    for (i = 0; i < len * (size_t)inc; i++) {
        x[i] = test_nan(); /* between the elements: must not be read */
    }
    for (i = 0; i < len; i++) {
        x[i * (size_t)inc] = zv(1, s + i);
        y[i] = zv(2, s + i);
        xf[i] = (cval)zv(1, s + i);
        yf[i] = (cval)zv(2, s + i);
    }
    for (i = 0; i < n; i++) {
        zval a = zv(1, i), b = zv(2, i);
        double mag = fabs(creal(a)) + fabs(cimag(a));
        want_c += conj(a) * b;
        want_u += a * b;
        ssq += creal(a) * creal(a) + cimag(a) * cimag(a);
        want_asum += mag;
        if (mag > best) {
            best = mag;
            want_idx = i;
        }
    }
    want_f = (cval)want_u;

    CHECK_OK(oxpar_zdotc(ctx, len, x, inc, y, 1, &got), "zdotc %s", how);
    CHECK(zsame(got, want_c), "zdotc %s: (%g, %g), want (%g, %g)", how, creal(got), cimag(got),
          creal(want_c), cimag(want_c));
    got = -7;
    CHECK_OK(oxpar_zdotu(ctx, len, x, inc, y, 1, &got), "zdotu %s", how);
    CHECK(zsame(got, want_u), "zdotu %s: (%g, %g), want (%g, %g)", how, creal(got), cimag(got),
          creal(want_u), cimag(want_u));
    CHECK_OK(oxpar_cdotu(ctx, len, xf, 1, yf, 1, &gotf), "cdotu %s", how);
    CHECK(crealf(gotf) == crealf(want_f) && cimagf(gotf) == cimagf(want_f),
          "cdotu %s: (%g, %g), want (%g, %g)", how, (double)crealf(gotf), (double)cimagf(gotf),
          (double)crealf(want_f), (double)cimagf(want_f));
    CHECK_OK(oxpar_dznrm2(ctx, len, x, inc, &nrm), "dznrm2 %s", how);
    CHECK(fabs(nrm - sqrt(ssq)) <= 1e-14 * sqrt(ssq), "dznrm2 %s: %.17g, want %.17g", how, nrm,
          sqrt(ssq));
    CHECK_OK(oxpar_dzasum(ctx, len, x, inc, &asum), "dzasum %s", how);
    CHECK(asum == want_asum, "dzasum %s: %g, want %g", how, asum, want_asum);
    CHECK_OK(oxpar_izamax(ctx, len, x, inc, &idx), "izamax %s", how);
    CHECK(idx == want_idx, "izamax %s: %zu, want %zu", how, idx, want_idx);

    /* zaxpy is local: each rank updates its own block */
    {
        zval alpha = 0.5 - 1.5 * I;
        size_t bad = 0;
        CHECK_OK(oxpar_zaxpy(ctx, len, &alpha, x, inc, y, 1), "zaxpy %s", how);
        for (i = 0; i < len; i++) {
            bad += !zsame(y[i], alpha * zv(1, s + i) + zv(2, s + i));
        }
        CHECK(bad == 0, "zaxpy %s: %zu elements wrong", how, bad);
    }
    free(x);
    free(y);
    free(xf);
    free(yf);
}

/* ---- level 2 ------------------------------------------------------------ */

/* The global matrix of the gemv/ger cases: element (i, j) of an m x n one. */
static zval a_at(size_t n, size_t i, size_t j) {
    return zv(10, i * n + j);
}

/* op(A) (m x n) is the row-block-distributed operand; with trans it is the
 * (conjugate) transpose of the stored n x m matrix, whose column block this
 * rank holds (column-major, lda = n + 1). */
static void test_zgemv_case(const oxpar_context *ctx, size_t m, size_t n, int trans, int row_mode,
                            int col_mode) {
    size_t r0, ml, c0, nl, i, j, bad = 0, lda = (trans ? n : m) + 1;
    zval alpha = 1.5 - 0.5 * I, beta = -0.25 + 1.0 * I;
    zval *a = xmalloc((lda * (trans ? m : n) + 1) * sizeof(zval));
    zval *x = xmalloc((n + 1) * sizeof(zval)), *y = xmalloc((m + 2) * sizeof(zval));
    char how[96];

    snprintf(how, sizeof how, "m=%zu n=%zu trans=%d rows %s, x %s", m, n, trans,
             split_name(row_mode), split_name(col_mode));
    my_part(m, row_mode, &r0, &ml);
    my_part(n, col_mode, &c0, &nl);
    /* op(A)(i, j) = A(i, j), or conj?(S(j, i)) with S the stored n x m matrix */
    for (i = 0; i < ml; i++) {
        for (j = 0; j < n; j++) {
            if (trans) {
                a[j + i * lda] = a_at(m, j, r0 + i); /* S(j, r0+i), local column i */
            } else {
                a[i + j * lda] = a_at(n, r0 + i, j);
            }
        }
    }
    for (j = 0; j < nl; j++) {
        x[j] = zv(11, c0 + j);
    }
    for (i = 0; i < ml; i++) {
        y[i] = zv(12, r0 + i);
    }
    y[ml] = 77;
    CHECK_OK(oxpar_mpi_zgemv(ctx, trans, ml, n, nl, &alpha, a, 1, (ptrdiff_t)lda, x, 1, &beta, y,
                             1),
             "mpi_zgemv %s", how);
    for (i = 0; i < ml; i++) {
        zval s = 0, want;
        for (j = 0; j < n; j++) {
            zval e = trans ? a_at(m, j, r0 + i) : a_at(n, r0 + i, j);
            if (trans == OXPAR_TRANS_CONJ) {
                e = conj(e);
            }
            s += e * zv(11, j);
        }
        want = alpha * s + beta * zv(12, r0 + i);
        bad += !zsame(y[i], want);
    }
    CHECK(bad == 0 && zsame(y[ml], 77), "mpi_zgemv %s: %zu of %zu elements wrong", how, bad, ml);

    /* zgerc on the untransposed layout: A (ml x n, rows r0..) += alpha x y^H,
     * x split as A's rows, y the column-split vector above */
    if (!trans) {
        zval *x2 = xmalloc((ml + 1) * sizeof(zval));
        for (i = 0; i < ml; i++) {
            x2[i] = zv(13, r0 + i);
        }
        CHECK_OK(oxpar_mpi_zgerc(ctx, ml, n, nl, &alpha, x2, 1, x, 1, a, 1, (ptrdiff_t)lda),
                 "mpi_zgerc %s", how);
        bad = 0;
        for (i = 0; i < ml; i++) {
            for (j = 0; j < n; j++) {
                zval want = a_at(n, r0 + i, j) + alpha * zv(13, r0 + i) * conj(zv(11, j));
                bad += !zsame(a[i + j * lda], want);
            }
        }
        CHECK(bad == 0, "mpi_zgerc %s: %zu elements wrong", how, bad);
        free(x2);
    }
    free(a);
    free(x);
    free(y);
}

/* cgeru in single precision, row-major. */
static void test_cgeru(const oxpar_context *ctx) {
    size_t m = 9, n = 5, r0, ml, c0, nl, i, j, bad = 0;
    cval alpha = 2.0f + 1.0f * I;
    cval *a = xmalloc((m * n + 1) * sizeof(cval)), *x = xmalloc((m + 1) * sizeof(cval)),
         *y = xmalloc((n + 1) * sizeof(cval));

    my_part(m, SPLIT_UNEVEN, &r0, &ml);
    my_part(n, SPLIT_REVERSED, &c0, &nl);
    for (i = 0; i < ml; i++) {
        for (j = 0; j < n; j++) {
            a[i * n + j] = (cval)a_at(n, r0 + i, j);
        }
        x[i] = (cval)zv(14, r0 + i);
    }
    for (j = 0; j < nl; j++) {
        y[j] = (cval)zv(15, c0 + j);
    }
    CHECK_OK(oxpar_mpi_cgeru(ctx, ml, n, nl, &alpha, x, 1, y, 1, a, (ptrdiff_t)n, 1), "mpi_cgeru");
    for (i = 0; i < ml; i++) {
        for (j = 0; j < n; j++) {
            zval want = a_at(n, r0 + i, j) + (zval)alpha * zv(14, r0 + i) * zv(15, j);
            bad += !zsame((zval)a[i * n + j], want);
        }
    }
    CHECK(bad == 0, "mpi_cgeru: %zu elements wrong", bad);
    free(a);
    free(x);
    free(y);
}

/* ---- level 3: SUMMA ----------------------------------------------------- */

/* op(A) (m x k) = zv(20, i*k + p), op(B) (k x n) = zv(21, p*n + j), C = zv(22,
 * i*n + j). With transa, the stored block is op(A)'s block transposed (and
 * conjugated for OXPAR_TRANS_CONJ). Column-major blocks. */
static void test_zgemm_case(const oxpar_context *ctx, size_t m, size_t n, size_t k, int ta,
                            int tb) {
    size_t rows = 0, cols = 0, gr = 0, gc = 0, mc[MAX_PARTS], nc[MAX_PARTS], kac[MAX_PARTS],
           kbc[MAX_PARTS], i0, ml, j0, nl, pa0, kal, pb0, kbl, i, j, p, bad = 0;
    zval alpha = 0.5 + 2.0 * I, beta = 1.0 - 1.0 * I;
    zval *a, *b, *c;
    char how[96];

    oxpar_mpi_grid(ctx, &rows, &cols, &gr, &gc);
    snprintf(how, sizeof how, "%zux%zux%zu ta=%d tb=%d on a %zu x %zu grid", m, n, k, ta, tb, rows,
             cols);
    split(m, rows, SPLIT_BALANCED, mc);
    split(n, cols, SPLIT_UNEVEN, nc);
    split(k, cols, SPLIT_REVERSED, kac);
    split(k, rows, SPLIT_BALANCED, kbc);
    i0 = split_start(mc, gr);
    ml = mc[gr];
    j0 = split_start(nc, gc);
    nl = nc[gc];
    pa0 = split_start(kac, gc);
    kal = kac[gc];
    pb0 = split_start(kbc, gr);
    kbl = kbc[gr];
    a = xmalloc((ml * kal + 1) * sizeof(zval));
    b = xmalloc((kbl * nl + 1) * sizeof(zval));
    c = xmalloc((ml * nl + 1) * sizeof(zval));
    for (i = 0; i < ml; i++) {
        for (p = 0; p < kal; p++) {
            zval e = zv(20, (i0 + i) * k + pa0 + p);
            if (ta == OXPAR_TRANS_NO) {
                a[i + p * ml] = e;
            } else {
                a[p + i * kal] = ta == OXPAR_TRANS_CONJ ? conj(e) : e;
            }
        }
    }
    for (p = 0; p < kbl; p++) {
        for (j = 0; j < nl; j++) {
            zval e = zv(21, (pb0 + p) * n + j0 + j);
            if (tb == OXPAR_TRANS_NO) {
                b[p + j * kbl] = e;
            } else {
                b[j + p * nl] = tb == OXPAR_TRANS_CONJ ? conj(e) : e;
            }
        }
    }
    for (i = 0; i < ml; i++) {
        for (j = 0; j < nl; j++) {
            c[i + j * ml] = zv(22, (i0 + i) * n + j0 + j);
        }
    }
    CHECK_OK(oxpar_mpi_zgemm(ctx, ta, tb, ml, nl, kal, kbl, &alpha, a, 1,
                             (ptrdiff_t)(ta == OXPAR_TRANS_NO ? (ml ? ml : 1) : (kal ? kal : 1)),
                             b, 1,
                             (ptrdiff_t)(tb == OXPAR_TRANS_NO ? (kbl ? kbl : 1) : (nl ? nl : 1)),
                             &beta, c, 1, (ptrdiff_t)(ml ? ml : 1)),
             "mpi_zgemm %s", how);
    for (i = 0; i < ml; i++) {
        for (j = 0; j < nl; j++) {
            zval s = 0;
            for (p = 0; p < k; p++) {
                s += zv(20, (i0 + i) * k + p) * zv(21, p * n + j0 + j);
            }
            bad += !zsame(c[i + j * ml], alpha * s + beta * zv(22, (i0 + i) * n + j0 + j));
        }
    }
    CHECK(bad == 0, "mpi_zgemm %s: %zu of %zu elements wrong", how, bad, ml * nl);
    free(a);
    free(b);
    free(c);
}

/* cgemm on the grid: C := A^H B with the single-precision routine. */
static void test_cgemm(const oxpar_context *ctx) {
    size_t rows = 0, cols = 0, gr = 0, gc = 0, m = 5, n = 4, k = 6, i, j, p, bad = 0;
    size_t mc[MAX_PARTS], nc[MAX_PARTS], kac[MAX_PARTS], kbc[MAX_PARTS];
    size_t i0, ml, j0, nl, pa0, kal, pb0, kbl;
    cval alpha = 1, beta = 0, *a, *b, *c;

    oxpar_mpi_grid(ctx, &rows, &cols, &gr, &gc);
    split(m, rows, SPLIT_BALANCED, mc);
    split(n, cols, SPLIT_BALANCED, nc);
    split(k, cols, SPLIT_BALANCED, kac);
    split(k, rows, SPLIT_BALANCED, kbc);
    i0 = split_start(mc, gr), ml = mc[gr];
    j0 = split_start(nc, gc), nl = nc[gc];
    pa0 = split_start(kac, gc), kal = kac[gc];
    pb0 = split_start(kbc, gr), kbl = kbc[gr];
    a = xmalloc((ml * kal + 1) * sizeof(cval));
    b = xmalloc((kbl * nl + 1) * sizeof(cval));
    c = xmalloc((ml * nl + 1) * sizeof(cval));
    /* stored A block is kal x ml, row-major: element (p, i) = conj(op(A)(i, p)) */
    for (i = 0; i < ml; i++) {
        for (p = 0; p < kal; p++) {
            a[p * ml + i] = (cval)conj(zv(30, (i0 + i) * k + pa0 + p));
        }
    }
    for (p = 0; p < kbl; p++) {
        for (j = 0; j < nl; j++) {
            b[p * nl + j] = (cval)zv(31, (pb0 + p) * n + j0 + j);
        }
    }
    for (i = 0; i < ml * nl; i++) {
        c[i] = (cval)test_nan(); /* beta = 0: never read */
    }
    CHECK_OK(oxpar_mpi_cgemm(ctx, OXPAR_TRANS_CONJ, OXPAR_TRANS_NO, ml, nl, kal, kbl, &alpha, a,
                             (ptrdiff_t)(ml ? ml : 1), 1, b, (ptrdiff_t)(nl ? nl : 1), 1, &beta, c,
                             (ptrdiff_t)(nl ? nl : 1), 1),
             "mpi_cgemm A^H B");
    for (i = 0; i < ml; i++) {
        for (j = 0; j < nl; j++) {
            zval s = 0;
            for (p = 0; p < k; p++) {
                s += zv(30, (i0 + i) * k + p) * zv(31, p * n + j0 + j);
            }
            bad += !zsame((zval)c[i * nl + j], s);
        }
    }
    CHECK(bad == 0, "mpi_cgemm A^H B: %zu of %zu elements wrong", bad, ml * nl);
    free(a);
    free(b);
    free(c);
}

/* ---- halo exchange ------------------------------------------------------ */

static void test_zhalo_1d(const oxpar_context *ctx) {
    size_t n = 23, s, len, i, bad = 0;
    zval *x;
    my_part(n, SPLIT_BALANCED, &s, &len); /* every interior at least one ghost long */
    x = xmalloc((len + 2) * sizeof(zval));
    for (i = 0; i < len; i++) {
        x[i + 1] = zv(40, s + i);
    }
    x[0] = x[len + 1] = -99;
    CHECK_OK(oxpar_mpi_zhalo_1d(ctx, len + 2, 1, 1, x, 1), "mpi_zhalo_1d periodic");
    bad += !zsame(x[0], zv(40, (s + n - 1) % n));
    bad += !zsame(x[len + 1], zv(40, (s + len) % n));
    for (i = 0; i < len; i++) {
        bad += !zsame(x[i + 1], zv(40, s + i));
    }
    CHECK(bad == 0, "mpi_zhalo_1d periodic: ghosts (%g, %g) and (%g, %g) wrong", creal(x[0]),
          cimag(x[0]), creal(x[len + 1]), cimag(x[len + 1]));
    free(x);
}

/* ---- mismatches --------------------------------------------------------- */

/* A call that mixes element types or routines across ranks: every rank gets
 * INVALID_ARGUMENT naming the last rank and both kinds (one rank: OK). */
static void check_mixed(oxpar_status st, const char *what, const char *a, const char *b,
                        int line) {
    const char *msg = oxpar_last_error_message();
    char who[48];
    if (world_size == 1) {
        check_ok(st, line, "%s on one rank", what);
        return;
    }
    snprintf(who, sizeof who, "rank %zu of %zu called", last(), world_size);
    check_true(st == OXPAR_STATUS_INVALID_ARGUMENT && msg != NULL && strstr(msg, who) != NULL &&
                   strstr(msg, a) != NULL && strstr(msg, b) != NULL,
               line, "%s: status %d (%s), message \"%s\", want INVALID_ARGUMENT, \"%s\", %s, %s",
               what, (int)st, oxpar_status_str(st), msg ? msg : "(NULL)", who, a, b);
}
#define CHECK_MIXED(st, what, a, b) check_mixed((st), (what), (a), (b), __LINE__)

/* The context still computes a complex dot product after an error. */
static void still_works(const oxpar_context *ctx, const char *after) {
    zval x[2] = {1 + 1 * I, 1 + 1 * I}, out = 0;
    CHECK_OK(oxpar_zdotc(ctx, 2, x, 1, x, 1, &out), "zdotc after %s", after);
    CHECK(zsame(out, 4.0 * (double)world_size), "zdotc after %s: (%g, %g)", after, creal(out),
          cimag(out));
}

static void test_mismatches(const oxpar_context *ctx) {
    enum { N = 6 };
    zval z[N * N], out = -7, one = 1, zero = 0;
    cval cz[N * N], outc = -7, cone = 1;
    double d[N * N], outd = -7, done = 1, dzero = 0;
    size_t s, nl, oi = 99, i;
    int odd = world_rank == last(), multi = world_size > 1;
    oxpar_status st;

    for (i = 0; i < N * N; i++) {
        z[i] = zv(50, i);
        cz[i] = (cval)z[i];
        d[i] = val(51, i);
    }
    /* a real call on one rank, the complex one on the others */
    st = odd ? oxpar_ddot(ctx, N, d, 1, d, 1, &outd) : oxpar_zdotc(ctx, N, z, 1, z, 1, &out);
    CHECK_MIXED(st, "ddot with zdotc", "f64", "c64");
    CHECK(!multi || zsame(out, -7), "zdotc wrote its result on error");
    st = odd ? oxpar_dnrm2(ctx, N, d, 1, &outd) : oxpar_dznrm2(ctx, N, z, 1, &outd);
    CHECK_MIXED(st, "dnrm2 with dznrm2", "f64", "c64");
    st = odd ? oxpar_idamax(ctx, N, d, 1, &oi) : oxpar_izamax(ctx, N, z, 1, &oi);
    CHECK_MIXED(st, "idamax with izamax", "f64", "c64");
    CHECK(!multi || oi == 99, "izamax wrote its result on error");
    /* the other complex type; dotu against dotc */
    st = odd ? oxpar_cdotu(ctx, N, cz, 1, cz, 1, &outc) : oxpar_zdotu(ctx, N, z, 1, z, 1, &out);
    CHECK_MIXED(st, "cdotu with zdotu", "c32", "c64");
    st = odd ? oxpar_zdotu(ctx, N, z, 1, z, 1, &out) : oxpar_zdotc(ctx, N, z, 1, z, 1, &out);
    CHECK_MIXED(st, "zdotu with zdotc", "dot (c64)", "dotc (c64)");
    still_works(ctx, "mixed level-1 calls");

    /* gemv: a real call on one rank; then a different global length */
    oxpar_block_range(N, world_size, world_rank, &s, &nl);
    st = odd ? oxpar_mpi_dgemv(ctx, 1, N, nl, &done, d, N, 1, d + s, 1, &dzero, &outd, 1)
             : oxpar_mpi_zgemv(ctx, OXPAR_TRANS_NO, 1, N, nl, &one, z, N, 1, z + s, 1, &zero, &out,
                               1);
    CHECK_MIXED(st, "dgemv with zgemv", "f64", "c64");
    st = oxpar_mpi_zgemv(ctx, OXPAR_TRANS_CONJ, 1, odd ? N + 1 : N, odd ? nl + 1 : nl, &one, z, 1,
                         N + 1, z + s, 1, &zero, &out, 1);
    if (multi) {
        CHECK(st == OXPAR_STATUS_SHAPE_MISMATCH, "zgemv with another length on rank %zu: %d (%s)",
              last(), (int)st, oxpar_last_error_message());
    } else {
        CHECK_OK(st, "zgemv with n + 1 on one rank");
    }
    /* zgerc against zgeru; zgemm against cgemm on a grid of one column */
    st = odd ? oxpar_mpi_zgeru(ctx, 1, N, nl, &one, z, 1, z + s, 1, z + N, N, 1)
             : oxpar_mpi_zgerc(ctx, 1, N, nl, &one, z, 1, z + s, 1, z + N, N, 1);
    CHECK_MIXED(st, "zgeru with zgerc", "ger (c64)", "gerc (c64)");
    CHECK(!multi || zsame(z[N], zv(50, N)), "ger wrote A on error");
    CHECK_OK(oxpar_mpi_set_grid(ctx, world_size, 1), "set_grid(p, 1)");
    st = odd ? oxpar_mpi_cgemm(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_NO, 1, 1, N, nl, &cone, cz, N,
                               1, cz, 1, 1, &cone, &outc, 1, 1)
             : oxpar_mpi_zgemm(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_NO, 1, 1, N, nl, &one, z, N, 1, z,
                               1, 1, &zero, &out, 1, 1);
    CHECK_MIXED(st, "cgemm with zgemm", "c32", "c64");
    st = odd ? oxpar_mpi_dhalo_1d(ctx, N, 1, 1, d, 1) : oxpar_mpi_zhalo_1d(ctx, N, 1, 1, z, 1);
    CHECK_MIXED(st, "dhalo_1d with zhalo_1d", "f64", "c64");

    /* one rank rejects its arguments: NULL x there */
    out = -7;
    st = oxpar_zdotc(ctx, N, odd ? NULL : z, 1, z, 1, &out);
    if (odd) {
        CHECK_ERR(st, OXPAR_STATUS_NULL_POINTER, "oxpar_zdotc: x:");
    } else {
        CHECK_REMOTE_ERR(st, last());
    }
    CHECK(zsame(out, -7), "zdotc wrote its result after a rejection");
    /* ... or its binding did (oxpar_context_reject) */
    if (odd) {
        CHECK_OK(oxpar_context_reject(ctx, OXPAR_ROUTINE_GEMV, OXPAR_STATUS_SHAPE_MISMATCH,
                                      "x: checked by the binding"),
                 "oxpar_context_reject(GEMV)");
    } else {
        st = oxpar_mpi_zgemv(ctx, OXPAR_TRANS_NO, 1, N, nl, &one, z, N, 1, z + s, 1, &zero, &out,
                             1);
        CHECK_ERR(st, OXPAR_STATUS_SHAPE_MISMATCH, "oxpar_mpi_zgemv:");
        CHECK_REMOTE_ERR(st, last());
    }
    still_works(ctx, "rejected complex calls");
}

/* ---- reproducible mode -------------------------------------------------- */

/* Values spread over many binades, so that the order of additions matters
 * to an ordinary sum. */
static zval spread(unsigned seed, size_t i) {
    return ldexp(val(seed, 2 * i), (int)(i * 7 % 61) - 30) +
           ldexp(val(seed, 2 * i + 1), (int)(i * 11 % 53) - 26) * I;
}

static int zbits(zval a, zval b) {
    return memcmp(&a, &b, sizeof a) == 0;
}

void test_complex_reproducible(oxpar_context *ctx) {
    enum { N = 301 };
    zval x[N], y[N], want_c = 0, want_u = 0, got = 0;
    double want_n = 0, got_n = 0;
    oxpar_context *serial = NULL;
    size_t s, len, i;
    int mode;

    for (i = 0; i < N; i++) {
        x[i] = spread(60, i);
        y[i] = spread(61, i);
    }
    CHECK_OK(oxpar_context_create("serial", &serial), "create(serial)");
    if (serial == NULL) {
        return;
    }
    CHECK_OK(oxpar_context_set_reproducible(serial, 1), "serial set_reproducible(1)");
    CHECK_OK(oxpar_zdotc(serial, N, x, 1, y, 1, &want_c), "serial zdotc");
    CHECK_OK(oxpar_zdotu(serial, N, x, 1, y, 1, &want_u), "serial zdotu");
    CHECK_OK(oxpar_dznrm2(serial, N, x, 1, &want_n), "serial dznrm2");
    oxpar_context_free(serial);

    CHECK_OK(oxpar_context_set_reproducible(ctx, 1), "set_reproducible(1)");
    for (mode = 0; mode < SPLIT_MODES; mode++) {
        my_part(N, mode, &s, &len);
        CHECK_OK(oxpar_zdotc(ctx, len, x + s, 1, y + s, 1, &got), "reproducible zdotc");
        CHECK(zbits(got, want_c), "reproducible zdotc, %s split: (%a, %a), serially (%a, %a)",
              split_name(mode), creal(got), cimag(got), creal(want_c), cimag(want_c));
        CHECK_OK(oxpar_zdotu(ctx, len, x + s, 1, y + s, 1, &got), "reproducible zdotu");
        CHECK(zbits(got, want_u), "reproducible zdotu, %s split: (%a, %a), serially (%a, %a)",
              split_name(mode), creal(got), cimag(got), creal(want_u), cimag(want_u));
        CHECK_OK(oxpar_dznrm2(ctx, len, x + s, 1, &got_n), "reproducible dznrm2");
        CHECK(memcmp(&got_n, &want_n, sizeof got_n) == 0,
              "reproducible dznrm2, %s split: %a, serially %a", split_name(mode), got_n, want_n);
    }
    CHECK_OK(oxpar_context_set_reproducible(ctx, 0), "set_reproducible(0)");
}

void test_complex(const oxpar_context *ctx, int quick) {
    size_t rows = 0, cols = 0;
    int mode, t;

    for (mode = 0; mode < SPLIT_MODES; mode++) {
        test_level1_case(ctx, 37, mode, mode % 2 + 1);
        if (quick) {
            break;
        }
    }
    test_level1_case(ctx, 1, SPLIT_BALANCED, 1);
    for (t = OXPAR_TRANS_NO; t <= OXPAR_TRANS_CONJ; t++) {
        test_zgemv_case(ctx, 11, 7, t, SPLIT_UNEVEN, SPLIT_EMPTY_FIRST);
        if (!quick) {
            test_zgemv_case(ctx, 5, 9, t, SPLIT_EMPTY_LAST, SPLIT_REVERSED);
        }
    }
    test_cgeru(ctx);
    oxpar_mpi_grid(ctx, &rows, &cols, NULL, NULL);
    for (t = OXPAR_TRANS_NO; t <= OXPAR_TRANS_CONJ; t++) {
        test_zgemm_case(ctx, 7, 6, 9, t, (t + 2) % 3);
    }
    /* the other grid shape: one row */
    CHECK_OK(oxpar_mpi_set_grid(ctx, 1, world_size), "set_grid(1, p)");
    test_zgemm_case(ctx, 4, 8, 5, OXPAR_TRANS_CONJ, OXPAR_TRANS_CONJ);
    test_cgemm(ctx);
    CHECK_OK(oxpar_mpi_set_grid(ctx, rows, cols), "set_grid back");
    test_zhalo_1d(ctx);
    if (!quick) {
        test_mismatches(ctx);
        CHECK_OK(oxpar_mpi_set_grid(ctx, rows, cols), "set_grid back");
    }
}
