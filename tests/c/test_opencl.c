/*
 * OpenCL through the C ABI: device buffers, the BLAS-style routines on them,
 * the host routines on an "opencl" context, user kernels, and bad input.
 * Skipped (with a note) when liboxpar has no usable OpenCL backend, or when
 * OXPAR_TEST_SKIP_OPENCL is set to a non-empty value (the valgrind run sets
 * it: PoCL's kernel compiler is far too slow under valgrind).
 */
#define _POSIX_C_SOURCE 200809L /* nanosleep */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "oxpar.h"
#include "tests.h"

static const char *VADD_SOURCE =
    "__kernel void vadd(__global const float *a, __global const float *b,\n"
    "                   __global float *c, uint n, float scale) {\n"
    "    size_t i = get_global_id(0);\n"
    "    if (i < n) c[i] = scale * (a[i] + b[i]);\n"
    "}\n";

static const char *BAD_SOURCE =
    "__kernel void broken(__global float *x) {\n"
    "    x[0] = no_such_identifier_here;\n"
    "}\n";

static int close_enough(double got, double want, double tol) {
    return fabs(got - want) <= tol * (1.0 + fabs(want));
}

/* A buffer of `n` elements holding `host` (float or double per dtype). */
static oxpar_buffer *make_buffer(const oxpar_context *ctx, int32_t dtype, const void *host,
                                 size_t n) {
    oxpar_buffer *b = NULL;
    if (!CHECK_OK(oxpar_buffer_create(ctx, dtype, n, &b), "buffer_create(%lu)",
                  (unsigned long)n)) {
        return NULL;
    }
    if (host != NULL) {
        CHECK_OK(oxpar_buffer_upload(b, host, n), "buffer_upload(%lu)", (unsigned long)n);
    }
    return b;
}

static void test_round_trip(const oxpar_context *ctx) {
    enum { N = 37 };
    float in[N], out[N];
    size_t len = 0;
    int32_t dtype = -1;
    oxpar_buffer *b;
    size_t i;
    int same = 1;

    for (i = 0; i < N; i++) {
        in[i] = (float)rnd();
        out[i] = -99.0f;
    }
    b = make_buffer(ctx, OXPAR_DTYPE_F32, in, N);
    if (b == NULL) {
        return;
    }
    CHECK_OK(oxpar_buffer_len(b, &len), "buffer_len");
    CHECK(len == N, "buffer_len is %lu, want %d", (unsigned long)len, N);
    CHECK_OK(oxpar_buffer_dtype(b, &dtype), "buffer_dtype");
    CHECK(dtype == OXPAR_DTYPE_F32, "buffer_dtype is %d", (int)dtype);
    CHECK_OK(oxpar_buffer_download(b, out, N), "buffer_download");
    for (i = 0; i < N; i++) {
        same &= in[i] == out[i];
    }
    CHECK(same, "a float buffer's round trip changed the data");

    /* n must equal the length; outputs untouched on failure */
    CHECK_ERR(oxpar_buffer_upload(b, in, N - 1), OXPAR_STATUS_SHAPE_MISMATCH,
              "oxpar_buffer_upload", "n");
    CHECK_ERR(oxpar_buffer_download(b, out, N + 1), OXPAR_STATUS_SHAPE_MISMATCH,
              "oxpar_buffer_download", "n");
    CHECK_ERR(oxpar_buffer_upload(b, NULL, N), OXPAR_STATUS_NULL_POINTER, "oxpar_buffer_upload",
              "host");
    CHECK_ERR(oxpar_buffer_upload(b, (const char *)(const void *)in + 1, N),
              OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_upload", "host");
    CHECK_ERR(oxpar_buffer_len(b, NULL), OXPAR_STATUS_NULL_POINTER, "oxpar_buffer_len", "out");
    oxpar_buffer_free(b);

    /* empty buffers */
    b = make_buffer(ctx, OXPAR_DTYPE_F64, NULL, 0);
    if (b != NULL) {
        CHECK_OK(oxpar_buffer_upload(b, NULL, 0), "upload to an empty buffer");
        CHECK_OK(oxpar_buffer_download(b, NULL, 0), "download of an empty buffer");
        CHECK_OK(oxpar_buffer_dtype(b, &dtype), "buffer_dtype");
        CHECK(dtype == OXPAR_DTYPE_F64, "buffer_dtype is %d", (int)dtype);
        oxpar_buffer_free(b);
    }
}

/* Naive C := alpha*op(A)*op(B) + beta*C, element (i, j) of a stored matrix
 * at off + i*rs + j*cs. */
static void ref_gemm(int ta, int tb, size_t m, size_t n, size_t k, double alpha,
                     const double *a, size_t offa, ptrdiff_t rsa, ptrdiff_t csa, const double *b,
                     size_t offb, ptrdiff_t rsb, ptrdiff_t csb, double beta, double *c,
                     size_t offc, ptrdiff_t rsc, ptrdiff_t csc) {
    size_t i, j, p;
    for (i = 0; i < m; i++) {
        for (j = 0; j < n; j++) {
            double s = 0.0;
            for (p = 0; p < k; p++) {
                double av = ta ? a[offa + p * (size_t)rsa + i * (size_t)csa]
                               : a[offa + i * (size_t)rsa + p * (size_t)csa];
                double bv = tb ? b[offb + j * (size_t)rsb + p * (size_t)csb]
                               : b[offb + p * (size_t)rsb + j * (size_t)csb];
                s += av * bv;
            }
            c[offc + i * (size_t)rsc + j * (size_t)csc] =
                alpha * s + beta * c[offc + i * (size_t)rsc + j * (size_t)csc];
        }
    }
}

/* Buffer BLAS for one precision (dtype F32 or F64); returns 0 when the
 * device lacks it (double without cl_khr_fp64). */
static int test_buffer_blas(const oxpar_context *ctx, int32_t dtype) {
    enum { N = 50, M = 7, NN = 5, K = 9, LDA = 11 };
    const int dbl = dtype == OXPAR_DTYPE_F64;
    const size_t esize = dbl ? sizeof(double) : sizeof(float);
    const char *tag = dbl ? "d" : "s";
    double xs[2 * N + 1], ys[N], want[N];
    double ad[LDA * K + 3], bd[NN * K], cd[M * NN], cref[M * NN];
    void *tmp = xmalloc(esize * (LDA * K + 3 + 2 * N + 1));
    oxpar_buffer *x = NULL, *y = NULL, *a = NULL, *b = NULL, *c = NULL;
    oxpar_status st;
    size_t i;
    int ok = 1;
    double dot_ref = 0.0;
    float salpha = 0.5f, sbeta = -1.0f;
    double dalpha = 0.5, dbeta = -1.0;

#define FILL(src, cnt)                                                            \
    do {                                                                          \
        size_t q_;                                                                \
        for (q_ = 0; q_ < (cnt); q_++) {                                          \
            if (dbl) {                                                            \
                ((double *)tmp)[q_] = (src)[q_];                                  \
            } else {                                                              \
                ((float *)tmp)[q_] = (float)(src)[q_];                            \
            }                                                                     \
        }                                                                         \
    } while (0)
#define GET(i_) (dbl ? ((double *)tmp)[i_] : (double)((float *)tmp)[i_])

    for (i = 0; i < 2 * N + 1; i++) xs[i] = rnd();
    for (i = 0; i < N; i++) ys[i] = rnd();

    /* axpy: x is every other element from index 1 */
    FILL(xs, 2 * N + 1);
    if (oxpar_buffer_create(ctx, dtype, 2 * N + 1, &x) != OXPAR_STATUS_OK) goto done;
    CHECK_OK(oxpar_buffer_upload(x, tmp, 2 * N + 1), "%s upload x", tag);
    FILL(ys, N);
    if (oxpar_buffer_create(ctx, dtype, N, &y) != OXPAR_STATUS_OK) goto done;
    CHECK_OK(oxpar_buffer_upload(y, tmp, N), "%s upload y", tag);
    st = dbl ? oxpar_buffer_daxpy(ctx, N, &dalpha, x, 1, 2, y, 0, 1)
             : oxpar_buffer_saxpy(ctx, N, &salpha, x, 1, 2, y, 0, 1);
    if (dbl && st == OXPAR_STATUS_UNSUPPORTED) {
        printf("note: the OpenCL device has no double precision; d buffer routines skipped\n");
        ok = 0;
        goto done;
    }
    CHECK_OK(st, "oxpar_buffer_%saxpy", tag);
    for (i = 0; i < N; i++) want[i] = 0.5 * xs[1 + 2 * i] + ys[i];
    CHECK_OK(oxpar_buffer_download(y, tmp, N), "%s download y", tag);
    {
        int same = 1;
        for (i = 0; i < N; i++) same &= GET(i) == want[i];
        CHECK(same, "oxpar_buffer_%saxpy differs from the reference", tag);
    }

    /* dot: x backwards (from its last element, stride -2) with y */
    for (i = 0; i < N; i++) dot_ref += xs[2 * N - 2 * i] * want[i];
    if (dbl) {
        double d = 0.0;
        CHECK_OK(oxpar_buffer_ddot(ctx, N, x, 2 * N, -2, y, 0, 1, &d), "oxpar_buffer_ddot");
        CHECK(close_enough(d, dot_ref, 1e-12), "ddot %g, want %g", d, dot_ref);
    } else {
        float d = 0.0f;
        CHECK_OK(oxpar_buffer_sdot(ctx, N, x, 2 * N, -2, y, 0, 1, &d), "oxpar_buffer_sdot");
        CHECK(close_enough(d, dot_ref, 1e-5), "sdot %g, want %g", (double)d, dot_ref);
    }

    /* gemm: A column-major (ld 11, from index 3), B stored n x k row-major
     * and transposed, C row-major */
    for (i = 0; i < LDA * K + 3; i++) ad[i] = rnd();
    for (i = 0; i < NN * K; i++) bd[i] = rnd();
    for (i = 0; i < M * NN; i++) cref[i] = cd[i] = rnd();
    FILL(ad, LDA * K + 3);
    if (oxpar_buffer_create(ctx, dtype, LDA * K + 3, &a) != OXPAR_STATUS_OK) goto done;
    CHECK_OK(oxpar_buffer_upload(a, tmp, LDA * K + 3), "%s upload a", tag);
    FILL(bd, NN * K);
    if (oxpar_buffer_create(ctx, dtype, NN * K, &b) != OXPAR_STATUS_OK) goto done;
    CHECK_OK(oxpar_buffer_upload(b, tmp, NN * K), "%s upload b", tag);
    FILL(cd, M * NN);
    if (oxpar_buffer_create(ctx, dtype, M * NN, &c) != OXPAR_STATUS_OK) goto done;
    CHECK_OK(oxpar_buffer_upload(c, tmp, M * NN), "%s upload c", tag);
    ref_gemm(0, 1, M, NN, K, 0.5, ad, 3, 1, LDA, bd, 0, K, 1, -1.0, cref, 0, NN, 1);
    st = dbl ? oxpar_buffer_dgemm(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_YES, M, NN, K, &dalpha, a, 3,
                                  1, LDA, b, 0, K, 1, &dbeta, c, 0, NN, 1)
             : oxpar_buffer_sgemm(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_YES, M, NN, K, &salpha, a, 3,
                                  1, LDA, b, 0, K, 1, &sbeta, c, 0, NN, 1);
    CHECK_OK(st, "oxpar_buffer_%sgemm", tag);
    CHECK_OK(oxpar_buffer_download(c, tmp, M * NN), "%s download c", tag);
    {
        int close = 1;
        for (i = 0; i < M * NN; i++) close &= close_enough(GET(i), cref[i], dbl ? 1e-12 : 1e-5);
        CHECK(close, "oxpar_buffer_%sgemm differs from the reference", tag);
    }

    /* errors: an element outside the buffer, a zero increment, y == x,
     * bad trans, NULL scalars */
    CHECK_ERR(dbl ? oxpar_buffer_daxpy(ctx, N, &dalpha, x, 3, 2, y, 0, 1)
                  : oxpar_buffer_saxpy(ctx, N, &salpha, x, 3, 2, y, 0, 1),
              OXPAR_STATUS_SHAPE_MISMATCH, dbl ? "oxpar_buffer_daxpy" : "oxpar_buffer_saxpy",
              "x");
    CHECK_ERR(dbl ? oxpar_buffer_daxpy(ctx, N, &dalpha, x, 0, 1, y, 0, 0)
                  : oxpar_buffer_saxpy(ctx, N, &salpha, x, 0, 1, y, 0, 0),
              OXPAR_STATUS_INVALID_STRIDE, dbl ? "oxpar_buffer_daxpy" : "oxpar_buffer_saxpy",
              "incy");
    /* a zero increment in what is only read: x[0] N times */
    CHECK_OK(dbl ? oxpar_buffer_ddot(ctx, N, x, 0, 0, y, 0, 1, (double *)tmp)
                 : oxpar_buffer_sdot(ctx, N, x, 0, 0, y, 0, 1, (float *)tmp),
             "%s dot with incx 0", tag);
    CHECK_ERR(dbl ? oxpar_buffer_daxpy(ctx, N, &dalpha, y, 0, 1, y, 0, 1)
                  : oxpar_buffer_saxpy(ctx, N, &salpha, y, 0, 1, y, 0, 1),
              OXPAR_STATUS_INVALID_ARGUMENT, dbl ? "oxpar_buffer_daxpy" : "oxpar_buffer_saxpy",
              "y");
    CHECK_ERR(dbl ? oxpar_buffer_dgemm(ctx, 3, 0, M, NN, K, &dalpha, a, 3, 1, LDA, b, 0, K, 1,
                                       &dbeta, c, 0, NN, 1)
                  : oxpar_buffer_sgemm(ctx, 3, 0, M, NN, K, &salpha, a, 3, 1, LDA, b, 0, K, 1,
                                       &sbeta, c, 0, NN, 1),
              OXPAR_STATUS_INVALID_ARGUMENT, dbl ? "oxpar_buffer_dgemm" : "oxpar_buffer_sgemm",
              "transa");
    CHECK_ERR(dbl ? oxpar_buffer_dgemm(ctx, 0, 1, M, NN, K, NULL, a, 3, 1, LDA, b, 0, K, 1,
                                       &dbeta, c, 0, NN, 1)
                  : oxpar_buffer_sgemm(ctx, 0, 1, M, NN, K, NULL, a, 3, 1, LDA, b, 0, K, 1,
                                       &sbeta, c, 0, NN, 1),
              OXPAR_STATUS_NULL_POINTER, dbl ? "oxpar_buffer_dgemm" : "oxpar_buffer_sgemm",
              "alpha");
    CHECK_ERR(dbl ? oxpar_buffer_dgemm(ctx, 0, 1, M, NN, K, &dalpha, a, 3, 1, LDA, b, 0, K, 1,
                                       &dbeta, a, 0, NN, 1)
                  : oxpar_buffer_sgemm(ctx, 0, 1, M, NN, K, &salpha, a, 3, 1, LDA, b, 0, K, 1,
                                       &sbeta, a, 0, NN, 1),
              OXPAR_STATUS_INVALID_ARGUMENT, dbl ? "oxpar_buffer_dgemm" : "oxpar_buffer_sgemm",
              "c");
#undef FILL
#undef GET
done:
    oxpar_buffer_free(x);
    oxpar_buffer_free(y);
    oxpar_buffer_free(a);
    oxpar_buffer_free(b);
    oxpar_buffer_free(c);
    free(tmp);
    return ok;
}

/* The other buffer routines for one precision (dtype F32 or F64): scal,
 * copy, swap, nrm2, asum, iamax, gemv, ger against naive references, and
 * one bad input each. Returns 0 when the device lacks the precision. */
static int test_buffer_blas_more(const oxpar_context *ctx, int32_t dtype) {
    enum { N = 40, M = 6, K = 8, LDA = 9, XLEN = 2 * N + 1, ALEN = LDA * K + 3 };
    const int dbl = dtype == OXPAR_DTYPE_F64;
    const size_t esize = dbl ? sizeof(double) : sizeof(float);
    const char *tag = dbl ? "d" : "s";
    const double tol = dbl ? 1e-12 : 1e-5;
    double xs[XLEN], ys[N], ad[ALEN], want[ALEN];
    void *tmp = xmalloc(esize * ALEN + esize * XLEN);
    oxpar_buffer *x = NULL, *y = NULL, *a = NULL;
    oxpar_status st;
    size_t i, j, idx = 0, iref = 0;
    int ok = 1, same;
    float salpha = 0.5f, sbeta = -1.0f, sv = 0.0f;
    double dalpha = 0.5, dbeta = -1.0, dv = 0.0, ref, best;

#define FILL(src, cnt)                                                            \
    do {                                                                          \
        size_t q_;                                                                \
        for (q_ = 0; q_ < (size_t)(cnt); q_++) {                                  \
            if (dbl) {                                                            \
                ((double *)tmp)[q_] = (src)[q_];                                  \
            } else {                                                              \
                ((float *)tmp)[q_] = (float)(src)[q_];                            \
            }                                                                     \
        }                                                                         \
    } while (0)
#define GET(i_) (dbl ? ((double *)tmp)[i_] : (double)((float *)tmp)[i_])
#define ROUND(v_) (dbl ? (v_) : (double)(float)(v_))
#define NAME(op_) (dbl ? "oxpar_buffer_d" op_ : "oxpar_buffer_s" op_)

    for (i = 0; i < XLEN; i++) xs[i] = ROUND(rnd());
    for (i = 0; i < N; i++) ys[i] = ROUND(rnd());
    for (i = 0; i < ALEN; i++) ad[i] = ROUND(rnd());
    FILL(xs, XLEN);
    if (oxpar_buffer_create(ctx, dtype, XLEN, &x) != OXPAR_STATUS_OK) goto done;
    CHECK_OK(oxpar_buffer_upload(x, tmp, XLEN), "%s upload x", tag);
    FILL(ys, N);
    if (oxpar_buffer_create(ctx, dtype, N, &y) != OXPAR_STATUS_OK) goto done;
    CHECK_OK(oxpar_buffer_upload(y, tmp, N), "%s upload y", tag);
    FILL(ad, ALEN);
    if (oxpar_buffer_create(ctx, dtype, ALEN, &a) != OXPAR_STATUS_OK) goto done;
    CHECK_OK(oxpar_buffer_upload(a, tmp, ALEN), "%s upload a", tag);

    /* scal: every other element of x from index 1 */
    st = dbl ? oxpar_buffer_dscal(ctx, N, &dalpha, x, 1, 2)
             : oxpar_buffer_sscal(ctx, N, &salpha, x, 1, 2);
    if (dbl && st == OXPAR_STATUS_UNSUPPORTED) {
        ok = 0;
        goto done;
    }
    CHECK_OK(st, "oxpar_buffer_%sscal", tag);
    for (i = 0; i < N; i++) xs[1 + 2 * i] *= 0.5;
    CHECK_OK(oxpar_buffer_download(x, tmp, XLEN), "%s download x", tag);
    for (same = 1, i = 0; i < XLEN; i++) same &= GET(i) == xs[i];
    CHECK(same, "oxpar_buffer_%sscal differs from the reference", tag);

    /* copy: x backwards (from index 2N, stride -2) into y */
    CHECK_OK(dbl ? oxpar_buffer_dcopy(ctx, N, x, 2 * N, -2, y, 0, 1)
                 : oxpar_buffer_scopy(ctx, N, x, 2 * N, -2, y, 0, 1),
             "oxpar_buffer_%scopy", tag);
    for (i = 0; i < N; i++) ys[i] = xs[2 * N - 2 * i];
    CHECK_OK(oxpar_buffer_download(y, tmp, N), "%s download y", tag);
    for (same = 1, i = 0; i < N; i++) same &= GET(i) == ys[i];
    CHECK(same, "oxpar_buffer_%scopy differs from the reference", tag);

    /* swap: the first N/2 odd elements of x with the last N/2 of y */
    CHECK_OK(dbl ? oxpar_buffer_dswap(ctx, N / 2, x, 1, 2, y, N / 2, 1)
                 : oxpar_buffer_sswap(ctx, N / 2, x, 1, 2, y, N / 2, 1),
             "oxpar_buffer_%sswap", tag);
    for (i = 0; i < N / 2; i++) {
        double t = xs[1 + 2 * i];
        xs[1 + 2 * i] = ys[N / 2 + i];
        ys[N / 2 + i] = t;
    }
    CHECK_OK(oxpar_buffer_download(x, tmp, XLEN), "%s download x", tag);
    for (same = 1, i = 0; i < XLEN; i++) same &= GET(i) == xs[i];
    CHECK_OK(oxpar_buffer_download(y, tmp, N), "%s download y", tag);
    for (i = 0; i < N; i++) same &= GET(i) == ys[i];
    CHECK(same, "oxpar_buffer_%sswap differs from the reference", tag);

    /* nrm2, asum, iamax over the odd elements of x */
    for (ref = 0.0, i = 0; i < N; i++) ref += xs[1 + 2 * i] * xs[1 + 2 * i];
    ref = sqrt(ref);
    if (dbl) {
        CHECK_OK(oxpar_buffer_dnrm2(ctx, N, x, 1, 2, &dv), "oxpar_buffer_dnrm2");
    } else {
        CHECK_OK(oxpar_buffer_snrm2(ctx, N, x, 1, 2, &sv), "oxpar_buffer_snrm2");
        dv = sv;
    }
    CHECK(close_enough(dv, ref, tol), "%snrm2 %g, want %g", tag, dv, ref);
    for (ref = 0.0, i = 0; i < N; i++) ref += fabs(xs[1 + 2 * i]);
    if (dbl) {
        CHECK_OK(oxpar_buffer_dasum(ctx, N, x, 1, 2, &dv), "oxpar_buffer_dasum");
    } else {
        CHECK_OK(oxpar_buffer_sasum(ctx, N, x, 1, 2, &sv), "oxpar_buffer_sasum");
        dv = sv;
    }
    CHECK(close_enough(dv, ref, tol), "%sasum %g, want %g", tag, dv, ref);
    xs[1 + 2 * 17] = 10.0; /* a clear maximum (exact in float) */
    FILL(xs, XLEN);
    CHECK_OK(oxpar_buffer_upload(x, tmp, XLEN), "%s upload x", tag);
    for (best = -1.0, i = 0; i < N; i++) {
        if (fabs(xs[1 + 2 * i]) > best) {
            best = fabs(xs[1 + 2 * i]);
            iref = i;
        }
    }
    CHECK_OK(dbl ? oxpar_buffer_idamax(ctx, N, x, 1, 2, &idx)
                 : oxpar_buffer_isamax(ctx, N, x, 1, 2, &idx),
             "oxpar_buffer_i%samax", tag);
    CHECK(idx == iref, "i%samax %lu, want %lu", tag, (unsigned long)idx, (unsigned long)iref);
    idx = 0;
    CHECK_OK(dbl ? oxpar_buffer_idamax(ctx, 0, x, 0, 1, &idx)
                 : oxpar_buffer_isamax(ctx, 0, x, 0, 1, &idx),
             "oxpar_buffer_i%samax, n = 0", tag);
    CHECK(idx == OXPAR_INDEX_NONE, "i%samax of nothing is %lu", tag, (unsigned long)idx);

    /* gemv: A is M x K column-major (ld LDA, from index 3); op(A) = A^T
     * maps M odd elements of x to the first K of y */
    for (j = 0; j < K; j++) {
        double s = 0.0;
        for (i = 0; i < M; i++) s += ad[3 + i + j * LDA] * xs[1 + 2 * i];
        ys[j] = 0.5 * s - ys[j];
    }
    st = dbl ? oxpar_buffer_dgemv(ctx, OXPAR_TRANS_YES, M, K, &dalpha, a, 3, 1, LDA, x, 1, 2,
                                  &dbeta, y, 0, 1)
             : oxpar_buffer_sgemv(ctx, OXPAR_TRANS_YES, M, K, &salpha, a, 3, 1, LDA, x, 1, 2,
                                  &sbeta, y, 0, 1);
    CHECK_OK(st, "oxpar_buffer_%sgemv", tag);
    CHECK_OK(oxpar_buffer_download(y, tmp, N), "%s download y", tag);
    for (same = 1, i = 0; i < N; i++) same &= close_enough(GET(i), ys[i], tol);
    CHECK(same, "oxpar_buffer_%sgemv (transposed) differs from the reference", tag);
    /* and not transposed: K elements of x backwards into y from index 10 */
    for (i = 0; i < M; i++) {
        double s = 0.0;
        for (j = 0; j < K; j++) s += ad[3 + i + j * LDA] * xs[2 * N - 2 * j];
        ys[10 + i] = 0.5 * s - ys[10 + i];
    }
    st = dbl ? oxpar_buffer_dgemv(ctx, OXPAR_TRANS_NO, M, K, &dalpha, a, 3, 1, LDA, x, 2 * N,
                                  -2, &dbeta, y, 10, 1)
             : oxpar_buffer_sgemv(ctx, OXPAR_TRANS_NO, M, K, &salpha, a, 3, 1, LDA, x, 2 * N,
                                  -2, &sbeta, y, 10, 1);
    CHECK_OK(st, "oxpar_buffer_%sgemv", tag);
    CHECK_OK(oxpar_buffer_download(y, tmp, N), "%s download y", tag);
    for (same = 1, i = 0; i < N; i++) same &= close_enough(GET(i), ys[i], tol);
    CHECK(same, "oxpar_buffer_%sgemv differs from the reference", tag);

    /* ger: A += 0.5 * x y^T, x the M odd elements of x, y the first K of y */
    for (i = 0; i < ALEN; i++) want[i] = ad[i];
    for (i = 0; i < M; i++) {
        for (j = 0; j < K; j++) want[3 + i + j * LDA] += 0.5 * xs[1 + 2 * i] * ys[j];
    }
    CHECK_OK(dbl ? oxpar_buffer_dger(ctx, M, K, &dalpha, x, 1, 2, y, 0, 1, a, 3, 1, LDA)
                 : oxpar_buffer_sger(ctx, M, K, &salpha, x, 1, 2, y, 0, 1, a, 3, 1, LDA),
             "oxpar_buffer_%sger", tag);
    CHECK_OK(oxpar_buffer_download(a, tmp, ALEN), "%s download a", tag);
    for (same = 1, i = 0; i < ALEN; i++) same &= close_enough(GET(i), want[i], tol);
    CHECK(same, "oxpar_buffer_%sger differs from the reference", tag);

    /* one bad input each */
    CHECK_ERR(dbl ? oxpar_buffer_dscal(ctx, N, NULL, x, 1, 2)
                  : oxpar_buffer_sscal(ctx, N, NULL, x, 1, 2),
              OXPAR_STATUS_NULL_POINTER, NAME("scal"), "alpha");
    CHECK_ERR(dbl ? oxpar_buffer_dcopy(ctx, N, NULL, 0, 1, y, 0, 1)
                  : oxpar_buffer_scopy(ctx, N, NULL, 0, 1, y, 0, 1),
              OXPAR_STATUS_NULL_POINTER, NAME("copy"), "x");
    CHECK_ERR(dbl ? oxpar_buffer_dswap(ctx, N, x, 0, 1, NULL, 0, 1)
                  : oxpar_buffer_sswap(ctx, N, x, 0, 1, NULL, 0, 1),
              OXPAR_STATUS_NULL_POINTER, NAME("swap"), "y");
    CHECK_ERR(dbl ? oxpar_buffer_dswap(ctx, N, y, 0, 1, y, 0, 1)
                  : oxpar_buffer_sswap(ctx, N, y, 0, 1, y, 0, 1),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME("swap"), "y");
    CHECK_ERR(dbl ? oxpar_buffer_dnrm2(ctx, N, x, 0, 1, NULL)
                  : oxpar_buffer_snrm2(ctx, N, x, 0, 1, NULL),
              OXPAR_STATUS_NULL_POINTER, NAME("nrm2"), "out");
    CHECK_ERR(dbl ? oxpar_buffer_dasum(ctx, N, NULL, 0, 1, &dv)
                  : oxpar_buffer_sasum(ctx, N, NULL, 0, 1, &sv),
              OXPAR_STATUS_NULL_POINTER, NAME("asum"), "x");
    CHECK_ERR(dbl ? oxpar_buffer_idamax(ctx, N, x, 0, 1, NULL)
                  : oxpar_buffer_isamax(ctx, N, x, 0, 1, NULL),
              OXPAR_STATUS_NULL_POINTER, dbl ? "oxpar_buffer_idamax" : "oxpar_buffer_isamax",
              "out");
    CHECK_ERR(dbl ? oxpar_buffer_dgemv(ctx, 0, M, K, &dalpha, a, 3, 1, LDA, x, 1, 2, NULL, y, 0,
                                       1)
                  : oxpar_buffer_sgemv(ctx, 0, M, K, &salpha, a, 3, 1, LDA, x, 1, 2, NULL, y, 0,
                                       1),
              OXPAR_STATUS_NULL_POINTER, NAME("gemv"), "beta");
    CHECK_ERR(dbl ? oxpar_buffer_dgemv(ctx, 3, M, K, &dalpha, a, 3, 1, LDA, x, 1, 2, &dbeta, y,
                                       0, 1)
                  : oxpar_buffer_sgemv(ctx, 3, M, K, &salpha, a, 3, 1, LDA, x, 1, 2, &sbeta, y,
                                       0, 1),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME("gemv"), "trans");
    CHECK_ERR(dbl ? oxpar_buffer_dger(ctx, M, K, &dalpha, x, 1, 2, y, 0, 1, NULL, 3, 1, LDA)
                  : oxpar_buffer_sger(ctx, M, K, &salpha, x, 1, 2, y, 0, 1, NULL, 3, 1, LDA),
              OXPAR_STATUS_NULL_POINTER, NAME("ger"), "a");
    CHECK_ERR(dbl ? oxpar_buffer_dger(ctx, M, K, &dalpha, x, 1, 2, a, 0, 1, a, 3, 1, LDA)
                  : oxpar_buffer_sger(ctx, M, K, &salpha, x, 1, 2, a, 0, 1, a, 3, 1, LDA),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME("ger"), "a");
#undef FILL
#undef GET
#undef ROUND
#undef NAME
done:
    oxpar_buffer_free(x);
    oxpar_buffer_free(y);
    oxpar_buffer_free(a);
    free(tmp);
    return ok;
}

/* The host-pointer routines on an OpenCL context (copied in and out). */
static void test_host_routines(const oxpar_context *ctx) {
    enum { M = 6, N = 4, K = 5, L = 40 };
    float a[M * K], b[K * N], c[M * N], x[L], y[L];
    double ad[M * K], bd[K * N], cref[M * N], dot_ref = 0.0;
    float one = 1.0f, zero = 0.0f, d = 0.0f;
    size_t i;
    int close = 1;

    for (i = 0; i < M * K; i++) ad[i] = a[i] = (float)rnd();
    for (i = 0; i < K * N; i++) bd[i] = b[i] = (float)rnd();
    for (i = 0; i < M * N; i++) {
        c[i] = (float)test_nan(); /* beta = 0: never read */
        cref[i] = 0.0;
    }
    ref_gemm(0, 0, M, N, K, 1.0, ad, 0, 1, M, bd, 0, 1, K, 0.0, cref, 0, 1, M);
    CHECK_OK(oxpar_sgemm(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_NO, M, N, K, &one, a, 1, M, b, 1, K,
                         &zero, c, 1, M),
             "oxpar_sgemm on an opencl context");
    for (i = 0; i < M * N; i++) close &= close_enough(c[i], cref[i], 1e-5);
    CHECK(close, "oxpar_sgemm on an opencl context differs from the reference");

    for (i = 0; i < L; i++) {
        x[i] = (float)rnd();
        y[i] = (float)rnd();
        dot_ref += (double)x[i] * y[i];
    }
    CHECK_OK(oxpar_sdot(ctx, L, x, 1, y, 1, &d), "oxpar_sdot on an opencl context");
    CHECK(close_enough(d, dot_ref, 1e-5), "oxpar_sdot on opencl: %g, want %g", (double)d,
          dot_ref);
}

static void test_user_kernels(const oxpar_context *ctx) {
    enum { N = 1000 };
    float *ha = (float *)xmalloc(N * sizeof(float));
    float *hb = (float *)xmalloc(N * sizeof(float));
    float *hc = (float *)xmalloc(N * sizeof(float));
    oxpar_buffer *a = NULL, *b = NULL, *c = NULL, *dbuf = NULL;
    oxpar_program *prog = NULL, *bad = (oxpar_program *)(void *)&ha;
    oxpar_kernel *k = NULL, *k2 = NULL;
    size_t global[1] = {N}, local[1] = {8};
    size_t i;
    int same = 1;

    for (i = 0; i < N; i++) {
        ha[i] = (float)rnd();
        hb[i] = (float)rnd();
        hc[i] = 0.0f;
    }
    a = make_buffer(ctx, OXPAR_DTYPE_F32, ha, N);
    b = make_buffer(ctx, OXPAR_DTYPE_F32, hb, N);
    c = make_buffer(ctx, OXPAR_DTYPE_F32, NULL, N);
    dbuf = make_buffer(ctx, OXPAR_DTYPE_F64, NULL, N);
    if (a == NULL || b == NULL || c == NULL || dbuf == NULL) goto done;

    if (!CHECK_OK(oxpar_program_build(ctx, VADD_SOURCE, NULL, &prog), "build vadd")) goto done;
    if (!CHECK_OK(oxpar_kernel_create(prog, "vadd", &k), "kernel vadd")) goto done;
    /* launching before every argument is set */
    CHECK_ERR(oxpar_kernel_launch(k, 1, global, NULL), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_kernel_launch", "kernel");
    CHECK_OK(oxpar_kernel_set_arg_buffer(k, 0, a), "set_arg 0");
    CHECK_OK(oxpar_kernel_set_arg_buffer(k, 1, b), "set_arg 1");
    CHECK_OK(oxpar_kernel_set_arg_buffer(k, 2, c), "set_arg 2");
    CHECK_OK(oxpar_kernel_set_arg_u32(k, 3, N), "set_arg 3");
    CHECK_OK(oxpar_kernel_set_arg_f32(k, 4, 2.0f), "set_arg 4");
    CHECK_OK(oxpar_kernel_launch(k, 1, global, local), "launch vadd");
    CHECK_OK(oxpar_context_finish(ctx), "finish");
    CHECK_OK(oxpar_buffer_download(c, hc, N), "download c");
    for (i = 0; i < N; i++) same &= hc[i] == 2.0f * (ha[i] + hb[i]);
    CHECK(same, "vadd computed something else");

    /* bad arguments */
    CHECK_ERR(oxpar_kernel_set_arg_f32(k, 5, 1.0f), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_kernel_set_arg_f32", "index");
    CHECK_ERR(oxpar_kernel_set_arg_buffer(k, 99, a), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_kernel_set_arg_buffer", "index");
    CHECK_ERR(oxpar_kernel_set_arg_f64(k, 3, 1.0), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_kernel_set_arg_f64", "arg");
    CHECK_ERR(oxpar_kernel_set_arg_buffer(k, 0, dbuf), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_kernel_set_arg_buffer", "arg");
    CHECK_ERR(oxpar_kernel_set_arg_i32(k, 0, 1), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_kernel_set_arg_i32", "arg");
    CHECK_ERR(oxpar_kernel_set_arg_local(k, 0, 0), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_kernel_set_arg_local", "bytes");
    CHECK_ERR(oxpar_kernel_set_arg_buffer(k, 0, NULL), OXPAR_STATUS_NULL_POINTER,
              "oxpar_kernel_set_arg_buffer", "arg");
    CHECK_ERR(oxpar_kernel_launch(k, 0, global, NULL), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_kernel_launch", "dims");
    CHECK_ERR(oxpar_kernel_launch(k, 4, global, NULL), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_kernel_launch", "dims");
    CHECK_ERR(oxpar_kernel_launch(k, 1, NULL, NULL), OXPAR_STATUS_NULL_POINTER,
              "oxpar_kernel_launch", "global");
    k2 = (oxpar_kernel *)(void *)&ha;
    CHECK_ERR(oxpar_kernel_create(prog, "no_such_kernel", &k2), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_kernel_create", "name");
    CHECK(k2 == (oxpar_kernel *)(void *)&ha, "kernel_create wrote *out on failure");
    CHECK(last_error_contains("vadd"), "the message does not list the kernels: %s",
          oxpar_last_error_message());

    /* a source that does not compile: the message carries the build log */
    CHECK_ERR(oxpar_program_build(ctx, BAD_SOURCE, "-DX=1", &bad), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_program_build", "source");
    CHECK(last_error_contains("no_such_identifier_here"),
          "the build log is not in the message: %s", oxpar_last_error_message());
    CHECK(bad == (oxpar_program *)(void *)&ha, "program_build wrote *out on failure");

done:
    oxpar_kernel_free(k);
    oxpar_program_free(prog);
    oxpar_buffer_free(a);
    oxpar_buffer_free(b);
    oxpar_buffer_free(c);
    oxpar_buffer_free(dbuf);
    free(ha);
    free(hb);
    free(hc);
}

/* Handles outlive their context; buffers of one context refused by another. */
static void test_lifetimes_and_foreign_buffers(const oxpar_context *ctx) {
    enum { N = 16 };
    oxpar_context *other = NULL;
    oxpar_buffer *mine = NULL, *theirs = NULL, *out = NULL;
    oxpar_program *prog = NULL;
    oxpar_kernel *k = NULL;
    float h[N], r[N], one = 1.0f, d = 0.0f;
    size_t global[1] = {N};
    size_t i;
    int same = 1;

    for (i = 0; i < N; i++) h[i] = (float)i;
    if (!CHECK_OK(oxpar_context_create("opencl", &other), "second opencl context")) return;
    theirs = make_buffer(other, OXPAR_DTYPE_F32, h, N);
    mine = make_buffer(ctx, OXPAR_DTYPE_F32, h, N);
    if (theirs == NULL || mine == NULL) goto done;
    CHECK_ERR(oxpar_buffer_saxpy(ctx, N, &one, theirs, 0, 1, mine, 0, 1),
              OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_saxpy", "x");
    CHECK_ERR(oxpar_buffer_sdot(ctx, N, mine, 0, 1, theirs, 0, 1, &d),
              OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_sdot", "y");

    /* a program, kernel and buffers used after their context is freed */
    if (!CHECK_OK(oxpar_program_build(other, VADD_SOURCE, "", &prog), "build on other")) {
        goto done;
    }
    CHECK_OK(oxpar_kernel_create(prog, "vadd", &k), "kernel on other");
    CHECK_ERR(oxpar_kernel_set_arg_buffer(k, 0, mine), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_kernel_set_arg_buffer", "arg");
    out = make_buffer(other, OXPAR_DTYPE_F32, NULL, N);
    oxpar_context_free(other);
    other = NULL;
    oxpar_program_free(prog);
    prog = NULL;
    CHECK_OK(oxpar_kernel_set_arg_buffer(k, 0, theirs), "set_arg 0");
    CHECK_OK(oxpar_kernel_set_arg_buffer(k, 1, theirs), "set_arg 1");
    CHECK_OK(oxpar_kernel_set_arg_buffer(k, 2, out), "set_arg 2");
    CHECK_OK(oxpar_kernel_set_arg_u32(k, 3, N), "set_arg 3");
    CHECK_OK(oxpar_kernel_set_arg_f32(k, 4, 1.0f), "set_arg 4");
    CHECK_OK(oxpar_kernel_launch(k, 1, global, NULL), "launch after the context was freed");
    /* the kernel does not hold its arguments' memory: a freed buffer's goes */
    oxpar_buffer_free(theirs);
    theirs = NULL;
    CHECK_OK(oxpar_buffer_download(out, r, N), "download after the context was freed");
    for (i = 0; i < N; i++) same &= r[i] == 2.0f * h[i];
    CHECK(same, "vadd after freeing the context computed something else");
    CHECK_ERR(oxpar_kernel_launch(k, 1, global, NULL), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_kernel_launch", "kernel");
    CHECK(last_error_contains("freed") && last_error_contains("argument 0"),
          "relaunch with a freed argument: %s", oxpar_last_error_message());

done:
    oxpar_kernel_free(k);
    oxpar_program_free(prog);
    oxpar_buffer_free(out);
    oxpar_buffer_free(mine);
    oxpar_buffer_free(theirs);
    oxpar_context_free(other);
}

/* Waits (5 s at most) until the context's resident bytes are `want`: the
 * driver releases a freed buffer's memory once its commands complete. */
static uint64_t resident_becomes(const oxpar_context *ctx, uint64_t want) {
    uint64_t now = 0;
    int tries;
    for (tries = 0; tries < 1000; tries++) {
        if (oxpar_context_resident_bytes(ctx, &now) != OXPAR_STATUS_OK || now == want) break;
        {
            struct timespec ts = {0, 5000000};
            nanosleep(&ts, NULL);
        }
    }
    return now;
}

/* Buffers made empty or from host data, resident memory, profiling. */
static void test_memory_and_profiling(const oxpar_context *ctx) {
    enum { N = 1 << 18 };
    float *h = malloc(N * sizeof *h), *r = malloc(N * sizeof *r);
    double dh[3] = {1.5, -2.0, 4.25}, dr[3] = {0};
    oxpar_buffer *x = NULL, *y = NULL, *d = NULL;
    oxpar_buffer *sentinel = (oxpar_buffer *)(void *)&dh, *out = sentinel;
    oxpar_program *prog = NULL;
    oxpar_kernel *k = NULL;
    oxpar_context *host = NULL;
    uint64_t base = 0, now = 0, q = 0, t0 = 0, t1 = 0, q2 = 0, u0 = 0, u1 = 0;
    float two = 2.0f;
    size_t global[1] = {N};
    int on = -1, same = 1;
    size_t i;

    if (h == NULL || r == NULL) goto done;
    for (i = 0; i < N; i++) h[i] = (float)i;
    CHECK_OK(oxpar_context_resident_bytes(ctx, &base), "resident_bytes");
    if (!CHECK_OK(oxpar_buffer_create_from(ctx, OXPAR_DTYPE_F32, h, N, &x), "create_from")) {
        goto done;
    }
    if (!CHECK_OK(oxpar_buffer_create_empty(ctx, OXPAR_DTYPE_F32, N, &y), "create_empty")) {
        goto done;
    }
    CHECK_OK(oxpar_buffer_create_from(ctx, OXPAR_DTYPE_F64, dh, 3, &d), "create_from f64");
    CHECK_OK(oxpar_context_resident_bytes(ctx, &now), "resident_bytes");
    CHECK(now == base + 2 * N * sizeof(float) + 3 * sizeof(double),
          "resident bytes %lu, want %lu", (unsigned long)now,
          (unsigned long)(base + 2 * N * sizeof(float) + 3 * sizeof(double)));
    CHECK_OK(oxpar_buffer_download(d, dr, 3), "download f64");
    CHECK(dr[0] == 1.5 && dr[1] == -2.0 && dr[2] == 4.25, "create_from f64 holds other data");
    CHECK_ERR(oxpar_buffer_create_from(ctx, OXPAR_DTYPE_F32, NULL, 4, &out),
              OXPAR_STATUS_NULL_POINTER, "oxpar_buffer_create_from", "host");
    CHECK_ERR(oxpar_buffer_create_from(ctx, 7, h, 4, &out), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_buffer_create_from", "dtype");
    CHECK_ERR(oxpar_buffer_create_from(ctx, OXPAR_DTYPE_C32, h, 2, &out), OXPAR_STATUS_UNSUPPORTED,
              "oxpar_buffer_create_from", "dtype");
    CHECK_ERR(oxpar_buffer_create_empty(ctx, OXPAR_DTYPE_F64, 4, NULL),
              OXPAR_STATUS_NULL_POINTER, "oxpar_buffer_create_empty", "out");
    CHECK(out == sentinel, "create_from wrote *out on failure");

    /* profiling: off by default, then ordered device times */
    CHECK_OK(oxpar_context_profiling(ctx, &on), "profiling");
    CHECK(on == 0, "profiling is %d by default", on);
    CHECK_ERR(oxpar_context_last_profile(ctx, &q, &t0, &t1), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_context_last_profile", "profiling");
    CHECK_ERR(oxpar_context_set_profiling(ctx, 2), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_context_set_profiling", "on");
    CHECK_OK(oxpar_context_set_profiling(ctx, 1), "set_profiling");
    CHECK_OK(oxpar_context_profiling(ctx, &on), "profiling");
    CHECK(on == 1, "profiling is %d once on", on);
    CHECK_ERR(oxpar_context_last_profile(ctx, &q, &t0, &t1), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_context_last_profile", "ctx");
    CHECK_ERR(oxpar_context_last_profile(ctx, NULL, &t0, &t1), OXPAR_STATUS_NULL_POINTER,
              "oxpar_context_last_profile", "queued");
    CHECK_OK(oxpar_buffer_scopy(ctx, N, x, 0, 1, y, 0, 1), "scopy");
    CHECK_OK(oxpar_buffer_saxpy(ctx, N, &two, x, 0, 1, y, 0, 1), "saxpy");
    CHECK_OK(oxpar_context_last_profile(ctx, &q, &t0, &t1), "last_profile after saxpy");
    CHECK(q > 0 && q <= t0 && t0 < t1, "saxpy times: queued %llu start %llu end %llu",
          (unsigned long long)q, (unsigned long long)t0, (unsigned long long)t1);
    CHECK_OK(oxpar_buffer_download(y, r, N), "download");
    CHECK_OK(oxpar_context_last_profile(ctx, &q2, &u0, &u1), "last_profile after download");
    CHECK(t1 <= u0 && u0 < u1, "download times %llu..%llu after saxpy's end %llu",
          (unsigned long long)u0, (unsigned long long)u1, (unsigned long long)t1);
    for (i = 0; i < N; i++) same &= r[i] == 3.0f * h[i];
    CHECK(same, "copy then axpy on an empty buffer computed something else");

    /* a kernel's last launch does not keep a freed buffer's memory */
    if (CHECK_OK(oxpar_program_build(ctx, VADD_SOURCE, NULL, &prog), "build") &&
        CHECK_OK(oxpar_kernel_create(prog, "vadd", &k), "kernel")) {
        CHECK_OK(oxpar_kernel_set_arg_buffer(k, 0, x), "arg 0");
        CHECK_OK(oxpar_kernel_set_arg_buffer(k, 1, x), "arg 1");
        CHECK_OK(oxpar_kernel_set_arg_buffer(k, 2, y), "arg 2");
        CHECK_OK(oxpar_kernel_set_arg_u32(k, 3, N), "arg 3");
        CHECK_OK(oxpar_kernel_set_arg_f32(k, 4, 0.5f), "arg 4");
        CHECK_OK(oxpar_kernel_launch(k, 1, global, NULL), "launch");
        CHECK_OK(oxpar_context_last_profile(ctx, &q, &t0, &t1), "last_profile after launch");
        CHECK(u1 <= t0 && t0 < t1, "launch times %llu..%llu after the download's end %llu",
              (unsigned long long)t0, (unsigned long long)t1, (unsigned long long)u1);
        oxpar_buffer_free(x);
        oxpar_buffer_free(y);
        oxpar_buffer_free(d);
        x = y = d = NULL;
        CHECK_OK(oxpar_context_finish(ctx), "finish");
        now = resident_becomes(ctx, base);
        CHECK(now == base, "resident bytes %lu after freeing, want %lu", (unsigned long)now,
              (unsigned long)base);
    }
    CHECK_OK(oxpar_context_set_profiling(ctx, 0), "profiling off");

    if (CHECK_OK(oxpar_context_create("serial", &host), "serial context")) {
        CHECK_ERR(oxpar_context_set_profiling(host, 1), OXPAR_STATUS_UNSUPPORTED,
                  "oxpar_context_set_profiling", "ctx");
        CHECK_ERR(oxpar_context_resident_bytes(host, &now), OXPAR_STATUS_UNSUPPORTED,
                  "oxpar_context_resident_bytes", "ctx");
        oxpar_context_free(host);
    }

done:
    oxpar_kernel_free(k);
    oxpar_program_free(prog);
    oxpar_buffer_free(x);
    oxpar_buffer_free(y);
    oxpar_buffer_free(d);
    free(h);
    free(r);
}

static void test_bad_handles(const oxpar_context *ctx) {
    oxpar_context *host = NULL;
    oxpar_buffer *f64 = NULL, *f32 = NULL;
    oxpar_buffer *sentinel = (oxpar_buffer *)(void *)&host, *out = sentinel;
    oxpar_kernel *kout = NULL;
    oxpar_program *pout = NULL;
    float s = 1.0f;
    size_t len = 0;
    size_t global[1] = {1};

    CHECK_ERR(oxpar_buffer_create(NULL, OXPAR_DTYPE_F32, 4, &out), OXPAR_STATUS_NULL_POINTER,
              "oxpar_buffer_create", "ctx");
    CHECK_ERR(oxpar_buffer_create(ctx, 4, 4, &out), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_buffer_create", "dtype");
    /* Device buffers are real only for now. */
    CHECK_ERR(oxpar_buffer_create(ctx, OXPAR_DTYPE_C64, 4, &out), OXPAR_STATUS_UNSUPPORTED,
              "oxpar_buffer_create", "dtype");
    CHECK_ERR(oxpar_buffer_create_empty(ctx, OXPAR_DTYPE_C32, 4, &out), OXPAR_STATUS_UNSUPPORTED,
              "oxpar_buffer_create_empty", "dtype");
    CHECK_ERR(oxpar_buffer_create(ctx, OXPAR_DTYPE_F32, 4, NULL), OXPAR_STATUS_NULL_POINTER,
              "oxpar_buffer_create", "out");
    CHECK(out == sentinel, "buffer_create wrote *out on failure");
    CHECK_ERR(oxpar_buffer_len(NULL, &len), OXPAR_STATUS_NULL_POINTER, "oxpar_buffer_len", "buf");
    CHECK_ERR(oxpar_buffer_upload(NULL, &s, 1), OXPAR_STATUS_NULL_POINTER, "oxpar_buffer_upload",
              "buf");
    CHECK_ERR(oxpar_buffer_download(NULL, &s, 1), OXPAR_STATUS_NULL_POINTER,
              "oxpar_buffer_download", "buf");
    CHECK_ERR(oxpar_program_build(ctx, NULL, NULL, &pout), OXPAR_STATUS_NULL_POINTER,
              "oxpar_program_build", "source");
    CHECK_ERR(oxpar_program_build(NULL, VADD_SOURCE, NULL, &pout), OXPAR_STATUS_NULL_POINTER,
              "oxpar_program_build", "ctx");
    CHECK_ERR(oxpar_kernel_create(NULL, "vadd", &kout), OXPAR_STATUS_NULL_POINTER,
              "oxpar_kernel_create", "program");
    CHECK_ERR(oxpar_kernel_set_arg_i64(NULL, 0, 1), OXPAR_STATUS_NULL_POINTER,
              "oxpar_kernel_set_arg_i64", "kernel");
    CHECK_ERR(oxpar_kernel_set_arg_u64(NULL, 0, 1), OXPAR_STATUS_NULL_POINTER,
              "oxpar_kernel_set_arg_u64", "kernel");
    CHECK_ERR(oxpar_kernel_launch(NULL, 1, global, NULL), OXPAR_STATUS_NULL_POINTER,
              "oxpar_kernel_launch", "kernel");
    CHECK_ERR(oxpar_context_finish(NULL), OXPAR_STATUS_NULL_POINTER, "oxpar_context_finish",
              "ctx");
    CHECK(pout == NULL && kout == NULL, "an output was written on failure");
    oxpar_buffer_free(NULL);
    oxpar_program_free(NULL);
    oxpar_kernel_free(NULL);

    /* dtype mismatch: float routines on a double buffer, and back */
    f64 = make_buffer(ctx, OXPAR_DTYPE_F64, NULL, 16);
    f32 = make_buffer(ctx, OXPAR_DTYPE_F32, NULL, 16);
    if (f64 != NULL && f32 != NULL) {
        float one = 1.0f;
        double done = 1.0, dd = 0.0;
        CHECK_ERR(oxpar_buffer_sgemm(ctx, 0, 0, 4, 4, 4, &one, f64, 0, 1, 4, f64, 0, 1, 4, &one,
                                     f32, 0, 1, 4),
                  OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_sgemm", "a");
        CHECK_ERR(oxpar_buffer_saxpy(ctx, 4, &one, f32, 0, 1, f64, 0, 1),
                  OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_saxpy", "y");
        CHECK_ERR(oxpar_buffer_ddot(ctx, 4, f32, 0, 1, f64, 0, 1, &dd),
                  OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_ddot", "x");
        CHECK_ERR(oxpar_buffer_dgemm(ctx, 0, 0, 4, 4, 4, &done, f64, 0, 1, 4, f64, 0, 1, 4,
                                     &done, f32, 0, 1, 4),
                  OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_dgemm", "c");
        {
            size_t ix = 0;
            CHECK_ERR(oxpar_buffer_dscal(ctx, 4, &done, f32, 0, 1),
                      OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_dscal", "x");
            CHECK_ERR(oxpar_buffer_scopy(ctx, 4, f64, 0, 1, f32, 0, 1),
                      OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_scopy", "x");
            CHECK_ERR(oxpar_buffer_dswap(ctx, 4, f64, 0, 1, f32, 0, 1),
                      OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_dswap", "y");
            CHECK_ERR(oxpar_buffer_snrm2(ctx, 4, f64, 0, 1, &one),
                      OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_snrm2", "x");
            CHECK_ERR(oxpar_buffer_dasum(ctx, 4, f32, 0, 1, &dd),
                      OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_dasum", "x");
            CHECK_ERR(oxpar_buffer_idamax(ctx, 4, f32, 0, 1, &ix),
                      OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_idamax", "x");
            CHECK_ERR(oxpar_buffer_sgemv(ctx, 0, 2, 2, &one, f64, 0, 1, 2, f64, 0, 1, &one, f32,
                                         2, 1),
                      OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_sgemv", "a");
            CHECK_ERR(oxpar_buffer_dger(ctx, 2, 2, &done, f64, 0, 1, f64, 2, 1, f32, 0, 1, 2),
                      OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_dger", "a");
        }
    }

    /* a host context has no device memory */
    if (CHECK_OK(oxpar_context_create("serial", &host), "serial context")) {
        out = sentinel;
        CHECK_ERR(oxpar_buffer_create(host, OXPAR_DTYPE_F32, 4, &out), OXPAR_STATUS_UNSUPPORTED,
                  "oxpar_buffer_create", "ctx");
        CHECK(out == sentinel, "buffer_create wrote *out on failure");
        CHECK_ERR(oxpar_program_build(host, VADD_SOURCE, NULL, &pout), OXPAR_STATUS_UNSUPPORTED,
                  "oxpar_program_build", "ctx");
        if (f32 != NULL) {
            CHECK_ERR(oxpar_buffer_sdot(host, 4, f32, 0, 1, f32, 0, 1, &s),
                      OXPAR_STATUS_UNSUPPORTED, "oxpar_buffer_sdot", "ctx");
        }
        CHECK_OK(oxpar_context_finish(host), "finish on a host context");
        oxpar_context_free(host);
    }
    oxpar_buffer_free(f64);
    oxpar_buffer_free(f32);
}

void test_opencl(void) {
    const char *skip = getenv("OXPAR_TEST_SKIP_OPENCL");
    oxpar_context *ctx = NULL;
    int32_t backend = -1;

    if (!oxpar_backend_available(OXPAR_BACKEND_OPENCL)) {
        /* a library without OpenCL (or no device): every entry answers so */
        oxpar_buffer *b = NULL;
        oxpar_status st = oxpar_buffer_create(NULL, OXPAR_DTYPE_F32, 1, &b);
        CHECK(st == OXPAR_STATUS_BACKEND_UNAVAILABLE || st == OXPAR_STATUS_NULL_POINTER,
              "oxpar_buffer_create without OpenCL: status %d", (int)st);
        printf("note: no usable OpenCL backend in liboxpar; OpenCL tests skipped\n");
        return;
    }
    if (skip != NULL && skip[0] != '\0') {
        printf("note: OXPAR_TEST_SKIP_OPENCL is set; OpenCL tests skipped\n");
        return;
    }
    if (!CHECK_OK(oxpar_context_create("opencl", &ctx), "opencl context")) return;
    CHECK_OK(oxpar_context_backend(ctx, &backend), "backend");
    CHECK(backend == OXPAR_BACKEND_OPENCL, "an opencl context reports backend %d", (int)backend);

    test_round_trip(ctx);
    test_buffer_blas(ctx, OXPAR_DTYPE_F32);
    test_buffer_blas(ctx, OXPAR_DTYPE_F64);
    test_buffer_blas_more(ctx, OXPAR_DTYPE_F32);
    test_buffer_blas_more(ctx, OXPAR_DTYPE_F64);
    test_host_routines(ctx);
    test_user_kernels(ctx);
    test_lifetimes_and_foreign_buffers(ctx);
    test_memory_and_profiling(ctx);
    test_bad_handles(ctx);
    CHECK_OK(oxpar_context_finish(ctx), "finish");
    oxpar_context_free(ctx);
}
