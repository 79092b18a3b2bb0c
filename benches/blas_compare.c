/* One program, any BLAS: cblas_dgemm and cblas_sgemm (square, n = 1024 and
 * 2048), cblas_ddot (n = 10^7) and the other level-3 routines in double
 * (dtrmm, dtrsm, dsyrk, dsyr2k, dsymm; n = 2048), best of a few runs after a
 * warm-up call; with --level2, the symmetric and triangular level-2 routines
 * instead.
 * Built once against -lblas (it records libblas.so.3) and run with
 * LD_LIBRARY_PATH pointing at each library in turn by benches/blas_compare.py
 * (`make blas-bench`), which prints the table and the ratios.
 *
 *   blas_compare [--reps R] [--quick] [--level2] [--level3]
 *
 * --reps    timed runs per case (default 3 for level 3, 10 for ddot: the best counts)
 * --quick   n = 512 and 1024 for gemm, 1024 for the other level-3 routines,
 *           10^6 for ddot
 * --level3  only the level-3 routines other than gemm
 * --level2  cblas_dsymv, dtrmv, dtrsv (upper and lower, column-major, unit
 *           increments), dsyr and dsyr2 at n = 512 (cache-resident) and 4096
 *           (default 20 runs at 512 and 5 at 4096); GFLOP/s counts 2 n^2
 *           flops for symv, syr and syr2 and n^2 for trmv and trsv; CHECK
 *           recomputes a few entries in double (for trsv, the residual);
 *           then cblas_zgemv and cblas_cgemv at n = 2000 (NoTrans and
 *           ConjTrans, column-major, unit increments; 8 n^2 real flops)
 *
 * Prints "library PATH" (the file cblas_dgemm came from), then one line per
 * case: "result KERNEL N SECONDS GFLOPS GBPS CHECK", where GFLOP/s counts
 * 2 n^3 flops per gemm, symm and syr2k, n^3 per trmm, trsm and syrk, and 2 n
 * per dot, GB/s counts the bytes a dot must read
 * (2 n elements; "-" for gemm) and CHECK is ok or FAILED (a few entries of C
 * recomputed in double, the dot against a double loop). Exits 1 if a check
 * failed. Thread counts come from the environment (the driver sets them). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CBLAS, declared here so that no particular cblas.h is needed. */
enum CBLAS_ORDER { CblasRowMajor = 101, CblasColMajor = 102 };
enum CBLAS_TRANSPOSE { CblasNoTrans = 111, CblasTrans = 112, CblasConjTrans = 113 };
void cblas_dgemm(enum CBLAS_ORDER layout, enum CBLAS_TRANSPOSE transa, enum CBLAS_TRANSPOSE transb,
                 int m, int n, int k, double alpha, const double *a, int lda, const double *b,
                 int ldb, double beta, double *c, int ldc);
void cblas_sgemm(enum CBLAS_ORDER layout, enum CBLAS_TRANSPOSE transa, enum CBLAS_TRANSPOSE transb,
                 int m, int n, int k, float alpha, const float *a, int lda, const float *b,
                 int ldb, float beta, float *c, int ldc);
double cblas_ddot(int n, const double *x, int incx, const double *y, int incy);
enum CBLAS_UPLO { CblasUpper = 121, CblasLower = 122 };
enum CBLAS_DIAG { CblasNonUnit = 131, CblasUnit = 132 };
void cblas_dsymv(enum CBLAS_ORDER layout, enum CBLAS_UPLO uplo, int n, double alpha, const double *a,
                 int lda, const double *x, int incx, double beta, double *y, int incy);
void cblas_dtrmv(enum CBLAS_ORDER layout, enum CBLAS_UPLO uplo, enum CBLAS_TRANSPOSE trans,
                 enum CBLAS_DIAG diag, int n, const double *a, int lda, double *x, int incx);
void cblas_dtrsv(enum CBLAS_ORDER layout, enum CBLAS_UPLO uplo, enum CBLAS_TRANSPOSE trans,
                 enum CBLAS_DIAG diag, int n, const double *a, int lda, double *x, int incx);
void cblas_zgemv(enum CBLAS_ORDER layout, enum CBLAS_TRANSPOSE trans, int m, int n, const void *alpha,
                 const void *a, int lda, const void *x, int incx, const void *beta, void *y, int incy);
void cblas_cgemv(enum CBLAS_ORDER layout, enum CBLAS_TRANSPOSE trans, int m, int n, const void *alpha,
                 const void *a, int lda, const void *x, int incx, const void *beta, void *y, int incy);
void cblas_dsyr(enum CBLAS_ORDER layout, enum CBLAS_UPLO uplo, int n, double alpha, const double *x,
                int incx, double *a, int lda);
void cblas_dsyr2(enum CBLAS_ORDER layout, enum CBLAS_UPLO uplo, int n, double alpha, const double *x,
                 int incx, const double *y, int incy, double *a, int lda);
enum CBLAS_SIDE { CblasLeft = 141, CblasRight = 142 };
void cblas_dtrmm(enum CBLAS_ORDER layout, enum CBLAS_SIDE side, enum CBLAS_UPLO uplo,
                 enum CBLAS_TRANSPOSE transa, enum CBLAS_DIAG diag, int m, int n, double alpha,
                 const double *a, int lda, double *b, int ldb);
void cblas_dtrsm(enum CBLAS_ORDER layout, enum CBLAS_SIDE side, enum CBLAS_UPLO uplo,
                 enum CBLAS_TRANSPOSE transa, enum CBLAS_DIAG diag, int m, int n, double alpha,
                 const double *a, int lda, double *b, int ldb);
void cblas_dsyrk(enum CBLAS_ORDER layout, enum CBLAS_UPLO uplo, enum CBLAS_TRANSPOSE trans, int n,
                 int k, double alpha, const double *a, int lda, double beta, double *c, int ldc);
void cblas_dsyr2k(enum CBLAS_ORDER layout, enum CBLAS_UPLO uplo, enum CBLAS_TRANSPOSE trans, int n,
                  int k, double alpha, const double *a, int lda, const double *b, int ldb,
                  double beta, double *c, int ldc);
void cblas_dsymm(enum CBLAS_ORDER layout, enum CBLAS_SIDE side, enum CBLAS_UPLO uplo, int m, int n,
                 double alpha, const double *a, int lda, const double *b, int ldb, double beta,
                 double *c, int ldc);

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static unsigned long long rng_state = 0x2545f4914f6cdd1dULL;
static double rnd(void) {
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(rng_state >> 11) / 9007199254740992.0 - 0.5;
}

static void *xmalloc(size_t bytes) {
    void *p = malloc(bytes);
    if (!p) {
        fprintf(stderr, "blas_compare: out of memory (%zu bytes)\n", bytes);
        exit(2);
    }
    return p;
}

static int failures;

static void result(const char *kernel, long n, double secs, double flops, double bytes, int ok) {
    char gbps[32] = "-";
    if (bytes > 0) snprintf(gbps, sizeof gbps, "%.2f", bytes / secs * 1e-9);
    printf("result %s %ld %.6f %.2f %s %s\n", kernel, n, secs, flops / secs * 1e-9, gbps,
           ok ? "ok" : "FAILED");
    fflush(stdout);
    if (!ok) failures++;
}

/* C = A B (column-major, n x n), best of reps; checks 16 entries. */
static void bench_dgemm(int n, int reps) {
    size_t nn = (size_t)n * (size_t)n;
    double *a = xmalloc(nn * sizeof *a), *b = xmalloc(nn * sizeof *b), *c = xmalloc(nn * sizeof *c);
    for (size_t i = 0; i < nn; i++) {
        a[i] = rnd();
        b[i] = rnd();
        c[i] = 0.0;
    }
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
    double best = 1e30;
    for (int r = 0; r < reps; r++) {
        double t = now();
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
        t = now() - t;
        if (t < best) best = t;
    }
    int ok = 1;
    for (int s = 0; s < 16; s++) {
        int i = (int)((unsigned)(s * 7919 + 13) % (unsigned)n), j = (int)((unsigned)(s * 104729 + 7) % (unsigned)n);
        double want = 0.0, mag = 0.0;
        for (int l = 0; l < n; l++) {
            want += a[i + (size_t)l * n] * b[l + (size_t)j * n];
            mag += fabs(a[i + (size_t)l * n] * b[l + (size_t)j * n]);
        }
        if (!(fabs(c[i + (size_t)j * n] - want) <= 1e-12 * mag + 1e-300)) ok = 0;
    }
    result("dgemm", n, best, 2.0 * n * (double)n * n, 0, ok);
    free(a);
    free(b);
    free(c);
}

static void bench_sgemm(int n, int reps) {
    size_t nn = (size_t)n * (size_t)n;
    float *a = xmalloc(nn * sizeof *a), *b = xmalloc(nn * sizeof *b), *c = xmalloc(nn * sizeof *c);
    for (size_t i = 0; i < nn; i++) {
        a[i] = (float)rnd();
        b[i] = (float)rnd();
        c[i] = 0.0f;
    }
    cblas_sgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a, n, b, n, 0.0f, c, n);
    double best = 1e30;
    for (int r = 0; r < reps; r++) {
        double t = now();
        cblas_sgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a, n, b, n, 0.0f, c, n);
        t = now() - t;
        if (t < best) best = t;
    }
    int ok = 1;
    for (int s = 0; s < 16; s++) {
        int i = (int)((unsigned)(s * 7919 + 13) % (unsigned)n), j = (int)((unsigned)(s * 104729 + 7) % (unsigned)n);
        double want = 0.0, mag = 0.0;
        for (int l = 0; l < n; l++) {
            want += (double)a[i + (size_t)l * n] * b[l + (size_t)j * n];
            mag += fabs((double)a[i + (size_t)l * n] * b[l + (size_t)j * n]);
        }
        if (!(fabs(c[i + (size_t)j * n] - want) <= 1e-5 * mag + 1e-30)) ok = 0;
    }
    result("sgemm", n, best, 2.0 * n * (double)n * n, 0, ok);
    free(a);
    free(b);
    free(c);
}

static void bench_ddot(int n, int reps) {
    double *x = xmalloc((size_t)n * sizeof *x), *y = xmalloc((size_t)n * sizeof *y);
    double want = 0.0, mag = 0.0;
    for (int i = 0; i < n; i++) {
        x[i] = rnd();
        y[i] = rnd();
        want += x[i] * y[i];
        mag += fabs(x[i] * y[i]);
    }
    volatile double sink = cblas_ddot(n, x, 1, y, 1);
    double best = 1e30;
    int ok = 1;
    for (int r = 0; r < reps; r++) {
        double t = now();
        double d = cblas_ddot(n, x, 1, y, 1);
        t = now() - t;
        if (t < best) best = t;
        if (!(fabs(d - want) <= 1e-12 * mag)) ok = 0;
        sink = d;
    }
    (void)sink;
    result("ddot", n, best, 2.0 * n, 16.0 * n, ok);
    free(x);
    free(y);
}

/* The level-2 cases. A is n x n column-major with a well-conditioned lower
 * and upper triangle (diagonal 2 + |r|, off-diagonal r / n), so repeated
 * solves stay finite; x is reset before every run, outside the timing. */
enum l2_op { L2_SYMV, L2_TRMV, L2_TRSV, L2_SYR, L2_SYR2 };

static void bench_level2(enum l2_op op, enum CBLAS_UPLO uplo, int n, int reps) {
    static const char *names[] = {"dsymv", "dtrmv", "dtrsv", "dsyr", "dsyr2"};
    size_t nn = (size_t)n * (size_t)n;
    double *a = xmalloc(nn * sizeof *a), *a0 = xmalloc(nn * sizeof *a0);
    double *x = xmalloc((size_t)n * sizeof *x), *x0 = xmalloc((size_t)n * sizeof *x0);
    double *y = xmalloc((size_t)n * sizeof *y), *y0 = xmalloc((size_t)n * sizeof *y0);
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++) a0[i + (size_t)j * n] = i == j ? 2.0 + fabs(rnd()) : rnd() / n;
    for (int i = 0; i < n; i++) {
        x0[i] = rnd();
        y0[i] = rnd();
    }
    int upper = uplo == CblasUpper;
    double best = 1e30;
    for (int r = 0; r <= reps; r++) { /* run 0 is the warm-up */
        memcpy(a, a0, nn * sizeof *a);
        memcpy(x, x0, (size_t)n * sizeof *x);
        memcpy(y, y0, (size_t)n * sizeof *y);
        double t = now();
        switch (op) {
        case L2_SYMV: cblas_dsymv(CblasColMajor, uplo, n, 1.5, a, n, x, 1, 0.5, y, 1); break;
        case L2_TRMV: cblas_dtrmv(CblasColMajor, uplo, CblasNoTrans, CblasNonUnit, n, a, n, x, 1); break;
        case L2_TRSV: cblas_dtrsv(CblasColMajor, uplo, CblasNoTrans, CblasNonUnit, n, a, n, x, 1); break;
        case L2_SYR: cblas_dsyr(CblasColMajor, uplo, n, 1.5, x, 1, a, n); break;
        case L2_SYR2: cblas_dsyr2(CblasColMajor, uplo, n, 1.5, x, 1, y, 1, a, n); break;
        }
        t = now() - t;
        if (r > 0 && t < best) best = t;
    }
    /* Entries of the last run's result against a double loop. */
    int ok = 1;
    for (int s = 0; s < 8; s++) {
        int i = (int)((unsigned)(s * 7919 + 13) % (unsigned)n), j = (int)((unsigned)(s * 104729 + 7) % (unsigned)n);
        double want = 0.0, mag = 0.0, got = 0.0;
#define TRI(p, q) ((upper ? (p) <= (q) : (p) >= (q)) ? a0[(p) + (size_t)(q) * n] : 0.0)
#define SYM(p, q) ((upper ? (p) <= (q) : (p) >= (q)) ? a0[(p) + (size_t)(q) * n] : a0[(q) + (size_t)(p) * n])
        switch (op) {
        case L2_SYMV:
            for (int l = 0; l < n; l++) {
                want += 1.5 * SYM(i, l) * x0[l];
                mag += fabs(1.5 * SYM(i, l) * x0[l]);
            }
            want += 0.5 * y0[i];
            mag += fabs(0.5 * y0[i]);
            got = y[i];
            break;
        case L2_TRMV:
            for (int l = 0; l < n; l++) {
                want += TRI(i, l) * x0[l];
                mag += fabs(TRI(i, l) * x0[l]);
            }
            got = x[i];
            break;
        case L2_TRSV: /* the residual: row i of A times x gives back x0[i] */
            for (int l = 0; l < n; l++) {
                got += TRI(i, l) * x[l];
                mag += fabs(TRI(i, l) * x[l]);
            }
            want = x0[i];
            break;
        case L2_SYR:
        case L2_SYR2:
            if (!(upper ? i <= j : i >= j)) {
                int t = i;
                i = j;
                j = t;
            }
            want = a0[i + (size_t)j * n] + 1.5 * (op == L2_SYR ? x0[i] * x0[j] : x0[i] * y0[j] + y0[i] * x0[j]);
            mag = fabs(want) + 3.0;
            got = a[i + (size_t)j * n];
            break;
        }
#undef TRI
#undef SYM
        if (!(fabs(got - want) <= 1e-12 * (mag + 1.0) * n)) ok = 0;
    }
    char kernel[32];
    snprintf(kernel, sizeof kernel, "%s_%c", names[op], upper ? 'U' : 'L');
    double flops = (op == L2_TRMV || op == L2_TRSV) ? (double)n * n : 2.0 * n * (double)n;
    result(kernel, n, best, flops, 0, ok);
    free(a);
    free(a0);
    free(x);
    free(x0);
    free(y);
    free(y0);
}

/* y := alpha op(A) x + beta y with complex A n x n (column-major), in double
 * (zgemv) or single (cgemv); the data are interleaved (re, im) pairs. CHECK
 * recomputes 8 entries of y in double. */
static void bench_complex_gemv(int single, enum CBLAS_TRANSPOSE trans, int n, int reps) {
    size_t nn = (size_t)n * (size_t)n;
    double *a = xmalloc(2 * nn * sizeof *a), *x = xmalloc(2 * (size_t)n * sizeof *x);
    double *y0 = xmalloc(2 * (size_t)n * sizeof *y0), *y = xmalloc(2 * (size_t)n * sizeof *y);
    float *af = xmalloc(2 * nn * sizeof *af), *xf = xmalloc(2 * (size_t)n * sizeof *xf);
    float *yf = xmalloc(2 * (size_t)n * sizeof *yf);
    for (size_t k = 0; k < 2 * nn; k++) af[k] = (float)(a[k] = rnd());
    for (int k = 0; k < 2 * n; k++) {
        xf[k] = (float)(x[k] = rnd());
        y0[k] = rnd();
    }
    const double alpha[2] = {1.5, -0.5}, beta[2] = {0.5, 0.25};
    const float alphaf[2] = {1.5f, -0.5f}, betaf[2] = {0.5f, 0.25f};
    double best = 1e30;
    for (int r = 0; r <= reps; r++) { /* run 0 is the warm-up */
        for (int k = 0; k < 2 * n; k++) yf[k] = (float)(y[k] = y0[k]);
        double t = now();
        if (single) cblas_cgemv(CblasColMajor, trans, n, n, alphaf, af, n, xf, 1, betaf, yf, 1);
        else cblas_zgemv(CblasColMajor, trans, n, n, alpha, a, n, x, 1, beta, y, 1);
        t = now() - t;
        if (r > 0 && t < best) best = t;
    }
    int ok = 1, conj = trans == CblasConjTrans;
    for (int s = 0; s < 8; s++) {
        int i = (int)((unsigned)(s * 7919 + 13) % (unsigned)n);
        double re = 0.0, im = 0.0, mag = 0.0;
        for (int l = 0; l < n; l++) {
            size_t p = trans == CblasNoTrans ? (size_t)i + (size_t)l * n : (size_t)l + (size_t)i * n;
            double ar = single ? af[2 * p] : a[2 * p], ai = single ? af[2 * p + 1] : a[2 * p + 1];
            double xr = single ? xf[2 * l] : x[2 * l], xi = single ? xf[2 * l + 1] : x[2 * l + 1];
            if (conj) ai = -ai;
            re += ar * xr - ai * xi;
            im += ar * xi + ai * xr;
            mag += (fabs(ar) + fabs(ai)) * (fabs(xr) + fabs(xi));
        }
        double wr = alpha[0] * re - alpha[1] * im + beta[0] * y0[2 * i] - beta[1] * y0[2 * i + 1];
        double wi = alpha[0] * im + alpha[1] * re + beta[0] * y0[2 * i + 1] + beta[1] * y0[2 * i];
        double gr = single ? yf[2 * i] : y[2 * i], gi = single ? yf[2 * i + 1] : y[2 * i + 1];
        double tol = (single ? 1e-5 : 1e-13) * (2.0 * mag + 2.0) * 4.0;
        if (!(fabs(gr - wr) <= tol && fabs(gi - wi) <= tol)) ok = 0;
    }
    char kernel[32];
    snprintf(kernel, sizeof kernel, "%cgemv_%c", single ? 'c' : 'z', trans == CblasNoTrans ? 'N' : 'C');
    result(kernel, n, best, 8.0 * n * (double)n, 0, ok);
    free(a);
    free(x);
    free(y0);
    free(y);
    free(af);
    free(xf);
    free(yf);
}

static void bench_level2_all(int reps) {
    static const int sizes[] = {512, 4096};
    for (int k = 0; k < 2; k++) {
        int n = sizes[k], r = reps > 0 ? reps : (n <= 512 ? 20 : 5);
        for (int op = L2_SYMV; op <= L2_SYR2; op++) {
            bench_level2((enum l2_op)op, CblasUpper, n, r);
            bench_level2((enum l2_op)op, CblasLower, n, r);
        }
    }
    for (int single = 0; single <= 1; single++) {
        bench_complex_gemv(single, CblasNoTrans, 2000, reps > 0 ? reps : 10);
        bench_complex_gemv(single, CblasConjTrans, 2000, reps > 0 ? reps : 10);
    }
}

/* The level-3 routines other than gemm, column-major n x n, all on the
 * lower triangle (and the left side) of a random A (with a dominant diagonal,
 * so the solve is well conditioned); the output is restored from its input
 * before each run (outside the timing). Checks 16 entries of the result in
 * double. */
enum routine { TRMM, TRSM, SYRK, SYR2K, SYMM };

static double lower_a(const double *a, int n, int i, int j) {
    return i >= j ? a[i + (size_t)j * n] : 0.0;
}

static void call(enum routine r, int n, const double *a, const double *b, double *c) {
    switch (r) {
    case TRMM:
        cblas_dtrmm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit, n, n, 1.0, a, n, c, n);
        break;
    case TRSM:
        cblas_dtrsm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit, n, n, 1.0, a, n, c, n);
        break;
    case SYRK:
        cblas_dsyrk(CblasColMajor, CblasLower, CblasNoTrans, n, n, 1.0, a, n, 0.0, c, n);
        break;
    case SYR2K:
        cblas_dsyr2k(CblasColMajor, CblasLower, CblasNoTrans, n, n, 1.0, a, n, b, n, 0.0, c, n);
        break;
    case SYMM:
        cblas_dsymm(CblasColMajor, CblasLeft, CblasLower, n, n, 1.0, a, n, b, n, 0.0, c, n);
        break;
    }
}

static void bench_level3(enum routine r, int n, int reps) {
    static const char *names[] = {"dtrmm", "dtrsm", "dsyrk", "dsyr2k", "dsymm"};
    static const double flops[] = {1.0, 1.0, 1.0, 2.0, 2.0};
    size_t nn = (size_t)n * (size_t)n;
    double *a = xmalloc(nn * sizeof *a), *b = xmalloc(nn * sizeof *b), *c = xmalloc(nn * sizeof *c);
    for (size_t i = 0; i < nn; i++) {
        a[i] = rnd();
        b[i] = rnd();
    }
    for (int i = 0; i < n; i++) a[i + (size_t)i * n] = 1.0 + 0.5 * n;
    double best = 1e30;
    for (int rep = 0; rep <= reps; rep++) {
        memcpy(c, b, nn * sizeof *c);
        double t = now();
        call(r, n, a, b, c);
        t = now() - t;
        if (rep > 0 && t < best) best = t; /* run 0 is the warm-up */
    }
    int ok = 1;
    for (int s = 0; s < 16; s++) {
        int i = (int)((unsigned)(s * 7919 + 13) % (unsigned)n), j = (int)((unsigned)(s * 104729 + 7) % (unsigned)n);
        if ((r == SYRK || r == SYR2K) && i < j) {
            int t = i;
            i = j;
            j = t;
        }
        double got = c[i + (size_t)j * n], want = 0.0, mag = 0.0;
        for (int l = 0; l < n; l++) {
            double term;
            switch (r) {
            case TRMM: term = lower_a(a, n, i, l) * b[l + (size_t)j * n]; break;
            /* (A X)(i, j) must give B(i, j) back. */
            case TRSM: term = lower_a(a, n, i, l) * c[l + (size_t)j * n]; break;
            case SYRK: term = a[i + (size_t)l * n] * a[j + (size_t)l * n]; break;
            case SYR2K:
                term = a[i + (size_t)l * n] * b[j + (size_t)l * n] + b[i + (size_t)l * n] * a[j + (size_t)l * n];
                break;
            default: term = (i >= l ? lower_a(a, n, i, l) : lower_a(a, n, l, i)) * b[l + (size_t)j * n]; break;
            }
            want += term;
            mag += fabs(term);
        }
        if (r == TRSM) got = b[i + (size_t)j * n];
        if (!(fabs(got - want) <= 1e-12 * mag + 1e-300)) ok = 0;
    }
    result(names[r], n, best, flops[r] * n * (double)n * n, 0, ok);
    free(a);
    free(b);
    free(c);
}

int main(int argc, char **argv) {
    int reps = 0, quick = 0, level2 = 0, only_level3 = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc) reps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--quick") == 0) quick = 1;
        else if (strcmp(argv[i], "--level2") == 0) level2 = 1;
        else if (strcmp(argv[i], "--level3") == 0) only_level3 = 1;
        else {
            fprintf(stderr, "usage: %s [--reps R] [--quick] [--level2] [--level3]\n", argv[0]);
            return 2;
        }
    }
    Dl_info info;
    void *sym = dlsym(RTLD_DEFAULT, "cblas_dgemm");
    printf("library %s\n", sym && dladdr(sym, &info) && info.dli_fname ? info.dli_fname : "unknown");
    fflush(stdout);
    if (level2) {
        bench_level2_all(reps);
        return failures ? 1 : 0;
    }
    int gemm_reps = reps > 0 ? reps : 3, dot_reps = reps > 0 ? reps : 10;
    int small = quick ? 512 : 1024, large = quick ? 1024 : 2048, dot_n = quick ? 1000000 : 10000000;
    if (!only_level3) {
        bench_dgemm(small, gemm_reps);
        bench_dgemm(large, gemm_reps);
        bench_sgemm(small, gemm_reps);
        bench_sgemm(large, gemm_reps);
        bench_ddot(dot_n, dot_reps);
    }
    for (enum routine r = TRMM; r <= SYMM; r++) bench_level3(r, large, gemm_reps);
    return failures ? 1 : 0;
}
