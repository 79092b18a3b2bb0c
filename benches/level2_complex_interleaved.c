/* Complex gemv on several BLAS libraries in one process, interleaved (as
 * benches/level1_complex_interleaved.c): each library is loaded with dlopen
 * (RTLD_LOCAL), and every timed run goes through the libraries in turn, so a
 * busy machine slows them all alike and the ratios stay fair.
 *
 *   level2_complex_interleaved [--n N] [--reps R] [--cpu-time] [--structured] LIB...
 *
 * LIB is a path to a shared library exporting CBLAS (liboxpar_blas.so,
 * OpenBLAS's libblas.so.3). Routines: cblas_zgemv and cblas_cgemv,
 * column-major n x n (default 2000), NoTrans and ConjTrans, unit increments,
 * alpha and beta both complex; best of R runs (default 10) per library after
 * a warm-up run. Thread counts come from the environment. Prints one line
 * per case: GB/s per library (the bytes of A, which dominate), then each
 * library's ratio to the first (above 1: faster than lib0), then the median
 * ratio over the runs. Eight entries of every result are checked against a
 * loop in double. --cpu-time times the process's CPU time instead of wall
 * time (for one thread only). --structured adds zhemv, ztrmv and ztrsv
 * (lower triangle, no transpose, non-unit diagonal; a dominant diagonal
 * for the solve), the level-2 routines that oxpar builds on gemv, and the
 * rank updates zgerc and zher (lower; A restored outside the timing), each
 * checked at eight entries (ztrsv by its residual). */
#define _GNU_SOURCE
#include <complex.h>
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { COL_MAJOR = 102, NO_TRANS = 111, CONJ_TRANS = 113 };

enum { UPPER = 121, LOWER = 122, NON_UNIT = 131 };

typedef void (*gemv_fn)(int, int, int, int, const void *, const void *, int, const void *, int,
                        const void *, void *, int);
typedef void (*hemv_fn)(int, int, int, const void *, const void *, int, const void *, int,
                        const void *, void *, int);
typedef void (*trmv_fn)(int, int, int, int, int, const void *, int, void *, int);
typedef void (*ger_fn)(int, int, int, const void *, const void *, int, const void *, int, void *, int);
typedef void (*her_fn)(int, int, int, double, const void *, int, void *, int);

struct lib {
    const char *path;
    gemv_fn zgemv, cgemv;
    hemv_fn zhemv;
    trmv_fn ztrmv, ztrsv;
    ger_fn zgerc;
    her_fn zher;
};

static clockid_t clock_used = CLOCK_MONOTONIC;

static double now(void) {
    struct timespec ts;
    clock_gettime(clock_used, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void *sym(void *h, const char *path, const char *name) {
    void *p = dlsym(h, name);
    if (!p) {
        fprintf(stderr, "level2_complex_interleaved: %s has no %s\n", path, name);
        exit(2);
    }
    return p;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#define MAXLIBS 8
#define MAXREPS 200

/* zhemv, ztrmv and ztrsv on the lower triangle of za (its diagonal made
 * real and dominant in a copy), interleaved as the gemv cases. */
static int bench_structured(const struct lib *libs, int nlibs, int n, int reps, const double complex *za,
                            const double complex *zx, const double complex *zy0) {
    size_t nn = (size_t)n * (size_t)n;
    double complex *t = malloc(nn * sizeof *t), *v = malloc((size_t)n * sizeof *v);
    double complex *w = malloc(nn * sizeof *w);
    if (!t || !v || !w) return 1;
    memcpy(t, za, nn * sizeof *t);
    for (int i = 0; i < n; i++) t[i + (size_t)i * n] = creal(t[i + (size_t)i * n]) + n;
    const double complex alpha = CMPLX(1.5, -0.5), beta = CMPLX(0.5, 0.25);
    static const char *names[] = {"zhemv L", "ztrmv LN", "ztrsv LN", "zgerc", "zher L"};
    int failed = 0;
    for (int r = 0; r < 5; r++) {
        double best[MAXLIBS], times[MAXLIBS][MAXREPS];
        for (int k = 0; k < nlibs; k++) best[k] = 1e30;
        for (int rep = 0; rep <= reps; rep++) {
            for (int k = 0; k < nlibs; k++) {
                const struct lib *l = &libs[k];
                memcpy(v, r == 0 ? zy0 : zx, (size_t)n * sizeof *v);
                if (r >= 3) memcpy(w, za, nn * sizeof *w);
                double tm = now();
                if (r == 0) l->zhemv(COL_MAJOR, LOWER, n, &alpha, t, n, zx, 1, &beta, v, 1);
                else if (r == 1) l->ztrmv(COL_MAJOR, LOWER, NO_TRANS, NON_UNIT, n, t, n, v, 1);
                else if (r == 2) l->ztrsv(COL_MAJOR, LOWER, NO_TRANS, NON_UNIT, n, t, n, v, 1);
                else if (r == 3) l->zgerc(COL_MAJOR, n, n, &alpha, zx, 1, zy0, 1, w, n);
                else l->zher(COL_MAJOR, LOWER, n, 1.5, zx, 1, w, n);
                tm = now() - tm;
                if (rep > 0) {
                    times[k][rep - 1] = tm;
                    if (tm < best[k]) best[k] = tm;
                }
                int ok = 1;
                for (int q = 0; q < 8 && r >= 3; q++) {
                    /* Entry (i, j) of the lower triangle. */
                    int i = (int)((unsigned)(q * 7919 + 13) % (unsigned)n), j = (int)((unsigned)(q * 104729 + 7) % (unsigned)n);
                    if (j > i) {
                        int s = i;
                        i = j;
                        j = s;
                    }
                    size_t p = (size_t)i + (size_t)j * n;
                    double complex want = r == 3 ? za[p] + alpha * zx[i] * conj(zy0[j]) : za[p] + 1.5 * zx[i] * conj(zx[j]);
                    if (r == 4 && i == j) want = creal(want);
                    ok &= cabs(w[p] - want) <= 1e-13 * (cabs(za[p]) + 4.0);
                }
                for (int q = 0; q < 8 && r < 3; q++) {
                    int i = (int)((unsigned)(q * 7919 + 13) % (unsigned)n);
                    double complex acc = 0, want, got;
                    double mag = 0;
                    for (int j = 0; j < n; j++) {
                        /* The Hermitian matrix from its lower triangle. */
                        double complex a = i >= j ? t[i + (size_t)j * n] : conj(t[j + (size_t)i * n]);
                        if (i == j) a = creal(a);
                        if (r > 0 && j > i) continue;
                        double complex w = r == 2 ? v[j] : zx[j];
                        acc += a * w;
                        mag += cabs(a) * cabs(w);
                    }
                    if (r == 0) {
                        want = alpha * acc + beta * zy0[i];
                        got = v[i];
                    } else {
                        /* ztrmv: (L x)(i); ztrsv: (L v)(i) must give x(i) back. */
                        want = r == 1 ? acc : zx[i];
                        got = r == 1 ? v[i] : acc;
                    }
                    ok &= cabs(got - want) <= 1e-13 * 4.0 * (mag + 1.0);
                }
                if (!ok) {
                    fprintf(stderr, "%s: wrong result from %s\n", names[r], l->path);
                    failed = 1;
                }
            }
        }
        /* The bytes of the triangle, or of A read and written (zgerc). */
        double bytes = (double)nn * (r == 3 ? 32.0 : r == 4 ? 16.0 : 8.0);
        printf("%s n=%d GB/s", names[r], n);
        for (int k = 0; k < nlibs; k++) printf(" %8.2f", bytes / best[k] * 1e-9);
        printf("   best ratio to lib0:");
        for (int k = 1; k < nlibs; k++) printf(" %6.3f", best[0] / best[k]);
        printf("   median ratio:");
        for (int k = 1; k < nlibs; k++) {
            double ratios[MAXREPS];
            for (int q = 0; q < reps; q++) ratios[q] = times[0][q] / times[k][q];
            qsort(ratios, (size_t)reps, sizeof *ratios, cmp_double);
            printf(" %6.3f", ratios[reps / 2]);
        }
        printf("\n");
        fflush(stdout);
    }
    free(t);
    free(v);
    free(w);
    return failed;
}

int main(int argc, char **argv) {
    int n = 2000, reps = 10, nlibs = 0, structured = 0;
    struct lib libs[MAXLIBS];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--n") == 0 && i + 1 < argc) n = atoi(argv[++i]);
        else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc) reps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--cpu-time") == 0) clock_used = CLOCK_PROCESS_CPUTIME_ID;
        else if (strcmp(argv[i], "--structured") == 0) structured = 1;
        else if (nlibs < MAXLIBS) {
            void *h = dlopen(argv[i], RTLD_NOW | RTLD_LOCAL);
            if (!h) {
                fprintf(stderr, "level2_complex_interleaved: %s\n", dlerror());
                return 2;
            }
            struct lib *l = &libs[nlibs++];
            l->path = argv[i];
            l->zgemv = (gemv_fn)sym(h, argv[i], "cblas_zgemv");
            l->cgemv = (gemv_fn)sym(h, argv[i], "cblas_cgemv");
            l->zhemv = (hemv_fn)sym(h, argv[i], "cblas_zhemv");
            l->ztrmv = (trmv_fn)sym(h, argv[i], "cblas_ztrmv");
            l->ztrsv = (trmv_fn)sym(h, argv[i], "cblas_ztrsv");
            l->zgerc = (ger_fn)sym(h, argv[i], "cblas_zgerc");
            l->zher = (her_fn)sym(h, argv[i], "cblas_zher");
        }
    }
    if (nlibs == 0 || n <= 0 || reps <= 0 || reps > MAXREPS) {
        fprintf(stderr, "usage: %s [--n N] [--reps R (1..%d)] [--cpu-time] [--structured] LIB...\n", argv[0], MAXREPS);
        return 2;
    }
    size_t nn = (size_t)n * (size_t)n;
    double complex *za = malloc(nn * sizeof *za), *zx = malloc((size_t)n * sizeof *zx);
    double complex *zy = malloc((size_t)n * sizeof *zy), *zy0 = malloc((size_t)n * sizeof *zy0);
    float complex *ca = malloc(nn * sizeof *ca), *cx = malloc((size_t)n * sizeof *cx);
    float complex *cy = malloc((size_t)n * sizeof *cy), *cy0 = malloc((size_t)n * sizeof *cy0);
    if (!za || !zx || !zy || !zy0 || !ca || !cx || !cy || !cy0) return 2;
    unsigned long long s = 0x2545f4914f6cdd1dULL;
#define RND() (s = s * 6364136223846793005ULL + 1442695040888963407ULL, \
               (double)(s >> 11) / 9007199254740992.0 - 0.5)
    for (size_t i = 0; i < nn; i++) {
        double a = RND(), b = RND();
        ca[i] = CMPLXF((float)a, (float)b);
        za[i] = CMPLX(a, b);
    }
    for (int i = 0; i < n; i++) {
        double a = RND(), b = RND(), c = RND(), d = RND();
        cx[i] = CMPLXF((float)a, (float)b);
        zx[i] = CMPLX(a, b);
        cy0[i] = CMPLXF((float)c, (float)d);
        zy0[i] = CMPLX(c, d);
    }
    const double complex zalpha = CMPLX(1.5, -0.5), zbeta = CMPLX(0.5, 0.25);
    const float complex calpha = CMPLXF(1.5f, -0.5f), cbeta = CMPLXF(0.5f, 0.25f);
    static const char *names[] = {"zgemv N", "zgemv C", "cgemv N", "cgemv C"};
    int failed = 0;
    for (int k = 0; k < nlibs; k++) printf("lib%d %s\n", k, libs[k].path);
    for (int r = 0; r < 4; r++) {
        int single = r >= 2, trans = (r % 2) ? CONJ_TRANS : NO_TRANS;
        double best[MAXLIBS], times[MAXLIBS][MAXREPS];
        for (int k = 0; k < nlibs; k++) best[k] = 1e30;
        for (int rep = 0; rep <= reps; rep++) { /* rep 0 is the warm-up */
            for (int k = 0; k < nlibs; k++) {
                const struct lib *l = &libs[k];
                memcpy(zy, zy0, (size_t)n * sizeof *zy);
                memcpy(cy, cy0, (size_t)n * sizeof *cy);
                double t = now();
                if (single) l->cgemv(COL_MAJOR, trans, n, n, &calpha, ca, n, cx, 1, &cbeta, cy, 1);
                else l->zgemv(COL_MAJOR, trans, n, n, &zalpha, za, n, zx, 1, &zbeta, zy, 1);
                t = now() - t;
                if (rep > 0) {
                    times[k][rep - 1] = t;
                    if (t < best[k]) best[k] = t;
                }
                int ok = 1;
                for (int q = 0; q < 8; q++) {
                    int i = (int)((unsigned)(q * 7919 + 13) % (unsigned)n);
                    double complex acc = 0;
                    double mag = 0;
                    for (int j = 0; j < n; j++) {
                        size_t p = trans == NO_TRANS ? (size_t)i + (size_t)j * n : (size_t)j + (size_t)i * n;
                        double complex a = single ? (double complex)ca[p] : za[p];
                        double complex x = single ? (double complex)cx[j] : zx[j];
                        if (trans == CONJ_TRANS) a = conj(a);
                        acc += a * x;
                        mag += cabs(a) * cabs(x);
                    }
                    double complex want = single ? (double complex)calpha * acc + (double complex)cbeta * cy0[i]
                                                 : zalpha * acc + zbeta * zy0[i];
                    double complex got = single ? (double complex)cy[i] : zy[i];
                    ok &= cabs(got - want) <= (single ? 1e-5 : 1e-13) * 4.0 * (mag + 1.0);
                }
                if (!ok) {
                    fprintf(stderr, "%s: wrong result from %s\n", names[r], l->path);
                    failed = 1;
                }
            }
        }
        double bytes = (double)nn * (single ? 8.0 : 16.0);
        printf("%s n=%d GB/s", names[r], n);
        for (int k = 0; k < nlibs; k++) printf(" %8.2f", bytes / best[k] * 1e-9);
        printf("   best ratio to lib0:");
        for (int k = 1; k < nlibs; k++) printf(" %6.3f", best[0] / best[k]);
        printf("   median ratio:");
        for (int k = 1; k < nlibs; k++) {
            double ratios[MAXREPS];
            for (int q = 0; q < reps; q++) ratios[q] = times[0][q] / times[k][q];
            qsort(ratios, (size_t)reps, sizeof *ratios, cmp_double);
            printf(" %6.3f", ratios[reps / 2]);
        }
        printf("\n");
        fflush(stdout);
    }
    if (structured) failed |= bench_structured(libs, nlibs, n, reps, za, zx, zy0);
    return failed;
}
