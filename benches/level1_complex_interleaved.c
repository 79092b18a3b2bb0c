/* Complex level-1 routines on several BLAS libraries in one process,
 * interleaved (as benches/level3_interleaved.c): each library is loaded
 * with dlopen (RTLD_LOCAL), and every timed run goes through the libraries
 * in turn, so a busy machine slows them all alike and the ratios stay fair.
 *
 *   level1_complex_interleaved [--n N] [--reps R] [--cpu-time] LIB...
 *
 * LIB is a path to a shared library exporting CBLAS (liboxpar_blas.so,
 * OpenBLAS's libblas.so.3). Routines: cblas_zdotc_sub, cblas_zaxpy,
 * cblas_cdotc_sub, cblas_caxpy (unit increments) and, as the ceiling of a
 * two-stream read, cblas_ddot on the 2n doubles of the z vectors; n elements (default
 * 10^7), best of R runs (default 10) per library after a warm-up run.
 * Thread counts come from the environment. Prints one line per routine:
 * GB/s per library (the bytes the routine must move: 2n elements read for a
 * dot, 2n read and n written for axpy), then each library's ratio to the
 * first (above 1: faster than lib0), then the median ratio over the runs.
 * Every result is checked: the dot products against a loop in double, y of
 * axpy entry by entry. --cpu-time times the process's CPU time instead of
 * wall time (as in benches/level3_interleaved.c: on a busy machine it
 * leaves out the time other processes held the core; for one thread only). */
#define _GNU_SOURCE
#include <complex.h>
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef void (*dot_fn)(int, const void *, int, const void *, int, void *);
typedef void (*axpy_fn)(int, const void *, const void *, int, void *, int);
typedef double (*ddot_fn)(int, const double *, int, const double *, int);

struct lib {
    const char *path;
    dot_fn zdotc, cdotc;
    axpy_fn zaxpy, caxpy;
    ddot_fn ddot;
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
        fprintf(stderr, "level1_complex_interleaved: %s has no %s\n", path, name);
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

int main(int argc, char **argv) {
    int n = 10000000, reps = 10, nlibs = 0;
    struct lib libs[MAXLIBS];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--n") == 0 && i + 1 < argc) n = atoi(argv[++i]);
        else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc) reps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--cpu-time") == 0) clock_used = CLOCK_PROCESS_CPUTIME_ID;
        else if (nlibs < MAXLIBS) {
            void *h = dlopen(argv[i], RTLD_NOW | RTLD_LOCAL);
            if (!h) {
                fprintf(stderr, "level1_complex_interleaved: %s\n", dlerror());
                return 2;
            }
            struct lib *l = &libs[nlibs++];
            l->path = argv[i];
            l->zdotc = (dot_fn)sym(h, argv[i], "cblas_zdotc_sub");
            l->cdotc = (dot_fn)sym(h, argv[i], "cblas_cdotc_sub");
            l->zaxpy = (axpy_fn)sym(h, argv[i], "cblas_zaxpy");
            l->caxpy = (axpy_fn)sym(h, argv[i], "cblas_caxpy");
            l->ddot = (ddot_fn)sym(h, argv[i], "cblas_ddot");
        }
    }
    if (nlibs == 0 || n <= 0 || reps <= 0 || reps > MAXREPS) {
        fprintf(stderr, "usage: %s [--n N] [--reps R (1..%d)] [--cpu-time] LIB...\n", argv[0], MAXREPS);
        return 2;
    }
    size_t nn = (size_t)n;
    double complex *zx = malloc(nn * sizeof *zx), *zy = malloc(nn * sizeof *zy);
    double complex *zy0 = malloc(nn * sizeof *zy0);
    float complex *cx = malloc(nn * sizeof *cx), *cy = malloc(nn * sizeof *cy);
    float complex *cy0 = malloc(nn * sizeof *cy0);
    if (!zx || !zy || !zy0 || !cx || !cy || !cy0) return 2;
    unsigned long long s = 0x2545f4914f6cdd1dULL;
#define RND() (s = s * 6364136223846793005ULL + 1442695040888963407ULL, \
               (double)(s >> 11) / 9007199254740992.0 - 0.5)
    for (size_t i = 0; i < nn; i++) {
        double a = RND(), b = RND(), c = RND(), d = RND();
        zx[i] = CMPLX(a, b);
        zy0[i] = CMPLX(c, d);
        cx[i] = CMPLXF((float)a, (float)b);
        cy0[i] = CMPLXF((float)c, (float)d);
    }
    /* The dot products in double, and the sums of |products| for the bounds. */
    double complex zwant = 0, cwant = 0;
    double zmag = 0, cmag = 0;
    for (size_t i = 0; i < nn; i++) {
        zwant += conj(zx[i]) * zy0[i];
        zmag += cabs(zx[i]) * cabs(zy0[i]);
        double complex a = cx[i], b = cy0[i];
        cwant += conj(a) * b;
        cmag += cabs(a) * cabs(b);
    }
    const double complex zalpha = CMPLX(0.5, -0.25);
    const float complex calpha = CMPLXF(0.5f, -0.25f);
    double dwant = 0, dmag = 0;
    for (size_t i = 0; i < nn; i++) {
        dwant += creal(zx[i]) * creal(zy0[i]) + cimag(zx[i]) * cimag(zy0[i]);
        dmag += fabs(creal(zx[i]) * creal(zy0[i])) + fabs(cimag(zx[i]) * cimag(zy0[i]));
    }
    static const char *names[] = {"zdotc", "zaxpy", "cdotc", "caxpy", "ddot"};
    /* Bytes moved per call, per element. */
    static const double bytes[] = {32.0, 48.0, 16.0, 24.0, 32.0};
    int failed = 0;
    for (int k = 0; k < nlibs; k++) printf("lib%d %s\n", k, libs[k].path);
    for (int r = 0; r < 5; r++) {
        double best[MAXLIBS], times[MAXLIBS][MAXREPS];
        for (int k = 0; k < nlibs; k++) best[k] = 1e30;
        for (int rep = 0; rep <= reps; rep++) { /* rep 0 is the warm-up */
            for (int k = 0; k < nlibs; k++) {
                const struct lib *l = &libs[k];
                if (r == 1) memcpy(zy, zy0, nn * sizeof *zy);
                if (r == 3) memcpy(cy, cy0, nn * sizeof *cy);
                struct timespec pause = {0, 20000000};
                nanosleep(&pause, NULL);
                double complex zd = 0;
                float complex cd = 0;
                double dd = 0;
                double t = now();
                switch (r) {
                case 0: l->zdotc(n, zx, 1, zy0, 1, &zd); break;
                case 1: l->zaxpy(n, &zalpha, zx, 1, zy, 1); break;
                case 2: l->cdotc(n, cx, 1, cy0, 1, &cd); break;
                case 3: l->caxpy(n, &calpha, cx, 1, cy, 1); break;
                default: dd = l->ddot(2 * n, (const double *)zx, 1, (const double *)zy0, 1); break;
                }
                t = now() - t;
                if (rep > 0) {
                    times[k][rep - 1] = t;
                    if (t < best[k]) best[k] = t;
                }
                int ok = 1;
                if (r == 0) ok = cabs(zd - zwant) <= 1e-12 * zmag;
                if (r == 2) ok = cabs(cd - cwant) <= 1e-5 * cmag;
                if (r == 4) ok = fabs(dd - dwant) <= 1e-12 * dmag;
                for (size_t q = 0; q < 64 && (r == 1 || r == 3); q++) {
                    size_t i = (q * 7919 + 13) % nn;
                    if (r == 1) ok &= cabs(zy[i] - (zy0[i] + zalpha * zx[i])) <= 1e-15;
                    else ok &= cabs(cy[i] - (cy0[i] + calpha * cx[i])) <= 1e-6;
                }
                if (!ok) {
                    fprintf(stderr, "%s: wrong result from %s\n", names[r], l->path);
                    failed = 1;
                }
            }
        }
        printf("%-6s n=%d GB/s", names[r], n);
        for (int k = 0; k < nlibs; k++) printf(" %8.2f", bytes[r] * n / best[k] * 1e-9);
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
    return failed;
}
