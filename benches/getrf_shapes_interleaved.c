/* The BLAS calls of reference LAPACK's dgetrf (NB = 64, recursive dgetrf2
 * panels) on several BLAS libraries in one process, interleaved as in
 * level3_interleaved.c (dlopen with RTLD_LOCAL; every timed run goes through
 * the libraries in turn, so a busy machine slows them all alike).
 *
 *   getrf_shapes_interleaved [--n N] [--reps R] [--cpu-time] [--sweeps] LIB...
 *
 * LIB is a path to a shared library exporting CBLAS. Part one replays the
 * whole call sequence of dgetrf on an n x n matrix (default 2000), one
 * category of calls at a time (the others skipped), and times each category
 * summed over the factorization:
 *   trail-gemm  dgemm NN (n-j-64) x (n-j-64) x 64, the trailing updates
 *   trail-trsm  dtrsm left lower unit, 64 x (n-j-64)
 *   panel-gemm  dgetrf2's dgemm NN (m-n1) x n2 x n1, n1, n2 <= 32
 *   panel-trsm  dgetrf2's dtrsm left lower unit, n1 x n2
 *   panel-l1    dgetrf2's idamax and dscal on single columns
 *   all-mixed   all of them in dgetrf's order (the switches between
 *               parallel and serial calls included)
 * (dlaswp is LAPACK's own.) Part two times single shapes of those
 * categories, each as a loop of calls long enough to time (left out with
 * --sweeps). Best of R runs
 * (default 5); prints time per library and each library's ratio of time to
 * the first's (above 1: slower than lib0). Thread counts come from the
 * environment; --cpu-time measures process CPU time (one thread only). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef void (*tri_fn)(int, int, int, int, int, int, int, double, const double *, int, double *, int);
typedef void (*gemm_fn)(int, int, int, int, int, int, double, const double *, int, const double *,
                        int, double, double *, int);
typedef size_t (*iamax_fn)(int, const double *, int);
typedef void (*scal_fn)(int, double, double *, int);

struct lib {
    const char *path;
    tri_fn trsm;
    gemm_fn gemm;
    iamax_fn iamax;
    scal_fn scal;
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
        fprintf(stderr, "getrf_shapes_interleaved: %s has no %s\n", path, name);
        exit(2);
    }
    return p;
}

enum { TRAIL_GEMM, TRAIL_TRSM, PANEL_GEMM, PANEL_TRSM, PANEL_L1, ALL, NCAT };
static const char *cat_names[NCAT] = {"trail-gemm", "trail-trsm", "panel-gemm", "panel-trsm", "panel-l1", "all-mixed"};

/* CBLAS constants: column-major 102, no-trans 111, lower 122, unit 132, left 141. */
static void trsm_llnu(const struct lib *l, int m, int n, const double *a, int lda, double *b) {
    l->trsm(102, 141, 122, 111, 132, m, n, 1.0, a, lda, b, lda);
}

static void gemm_nn(const struct lib *l, int m, int n, int k, const double *a, const double *b, double *c,
                    int ld) {
    l->gemm(102, 111, 111, m, n, k, -1.0, a, ld, b, ld, 1.0, c, ld);
}

/* dgetrf2 on the m x nc panel at p (no row swaps), calls of category cat only. */
static void panel(const struct lib *l, int cat, int m, int nc, double *p, int ld) {
    if (nc == 1) {
        if (cat == PANEL_L1 || cat == ALL) {
            size_t i = l->iamax(m, p, 1);
            double piv = fabs(p[i < (size_t)m ? i : 0]);
            if (m > 1) l->scal(m - 1, 1.0 / (1.0 + piv), p + 1, 1);
        }
        return;
    }
    int n1 = (m < nc ? m : nc) / 2, n2 = nc - n1;
    panel(l, cat, m, n1, p, ld);
    if (cat == PANEL_TRSM || cat == ALL) trsm_llnu(l, n1, n2, p, ld, p + (size_t)n1 * ld);
    if (cat == PANEL_GEMM || cat == ALL) gemm_nn(l, m - n1, n2, n1, p + n1, p + (size_t)n1 * ld, p + n1 + (size_t)n1 * ld, ld);
    panel(l, cat, m - n1, n2, p + n1 + (size_t)n1 * ld, ld);
}

/* dgetrf's blocked sweep, calls of category cat only. */
static void sweep(const struct lib *l, int cat, int n, double *a) {
    const int nb = 64;
    for (int j = 0; j < n; j += nb) {
        int jb = n - j < nb ? n - j : nb;
        double *ajj = a + j + (size_t)j * n;
        panel(l, cat, n - j, jb, ajj, n);
        int rest = n - j - jb;
        if (rest > 0) {
            if (cat == TRAIL_TRSM || cat == ALL) trsm_llnu(l, jb, rest, ajj, n, ajj + (size_t)jb * n);
            if (cat == TRAIL_GEMM || cat == ALL) gemm_nn(l, rest, rest, jb, ajj + jb, ajj + (size_t)jb * n, ajj + jb + (size_t)jb * n, n);
        }
    }
}

/* One shape, called `calls` times on fresh-enough data. */
struct shape {
    int cat, m, n, k, calls;
};

static void run_shape(const struct lib *l, const struct shape *s, double *a, int ld) {
    for (int c = 0; c < s->calls; c++) {
        switch (s->cat) {
        case TRAIL_GEMM:
        case PANEL_GEMM: gemm_nn(l, s->m, s->n, s->k, a + s->k, a + (size_t)s->k * ld, a + s->k + (size_t)s->k * ld, ld); break;
        case TRAIL_TRSM:
        case PANEL_TRSM: trsm_llnu(l, s->m, s->n, a, ld, a + (size_t)s->m * ld); break;
        default:
            l->iamax(s->m, a, 1);
            l->scal(s->m, 0.999, a, 1);
            break;
        }
    }
}

static double checksum(const double *a, size_t nn) {
    double s = 0.0;
    for (size_t i = 0; i < nn; i += 97) s += a[i];
    return s;
}

int main(int argc, char **argv) {
    int n = 2000, reps = 5, nlibs = 0, sweeps_only = 0;
    struct lib libs[8];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--n") == 0 && i + 1 < argc) n = atoi(argv[++i]);
        else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc) reps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--cpu-time") == 0) clock_used = CLOCK_PROCESS_CPUTIME_ID;
        else if (strcmp(argv[i], "--sweeps") == 0) sweeps_only = 1;
        else if (nlibs < 8) {
            void *h = dlopen(argv[i], RTLD_NOW | RTLD_LOCAL);
            if (!h) {
                fprintf(stderr, "getrf_shapes_interleaved: %s\n", dlerror());
                return 2;
            }
            struct lib *l = &libs[nlibs++];
            l->path = argv[i];
            l->trsm = (tri_fn)sym(h, argv[i], "cblas_dtrsm");
            l->gemm = (gemm_fn)sym(h, argv[i], "cblas_dgemm");
            l->iamax = (iamax_fn)sym(h, argv[i], "cblas_idamax");
            l->scal = (scal_fn)sym(h, argv[i], "cblas_dscal");
        }
    }
    if (nlibs == 0 || n < 130 || reps <= 0) {
        fprintf(stderr, "usage: %s [--n N (>= 130)] [--reps R] [--cpu-time] [--sweeps] LIB...\n", argv[0]);
        return 2;
    }
    size_t nn = (size_t)n * (size_t)n;
    double *orig = malloc(nn * sizeof *orig), *a = malloc(nn * sizeof *a);
    if (!orig || !a) return 2;
    unsigned long long s = 0x2545f4914f6cdd1dULL;
    for (size_t i = 0; i < nn; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        orig[i] = ((double)(s >> 11) / 9007199254740992.0 - 0.5) / 64.0;
    }
    for (int k = 0; k < nlibs; k++) printf("lib%d %s\n", k, libs[k].path);
    int failed = 0;
    struct shape shapes[] = {
        {TRAIL_GEMM, n - 64, n - 64, 64, 1},
        {TRAIL_GEMM, n / 2, n / 2, 64, 4},
        {TRAIL_GEMM, n / 4, n / 4, 64, 16},
        {TRAIL_GEMM, 128, 128, 64, 200},
        {TRAIL_GEMM, 64, 64, 64, 800},
        {TRAIL_TRSM, 64, n - 64, 0, 4},
        {TRAIL_TRSM, 64, n / 4, 0, 16},
        {TRAIL_TRSM, 64, 64, 0, 200},
        {PANEL_GEMM, n - 32, 32, 32, 20},
        {PANEL_GEMM, n - 16, 16, 16, 40},
        {PANEL_GEMM, n - 8, 8, 8, 80},
        {PANEL_GEMM, n - 4, 4, 4, 160},
        {PANEL_GEMM, n - 2, 2, 2, 320},
        {PANEL_GEMM, n - 1, 1, 1, 640},
        {PANEL_GEMM, n / 4, 32, 32, 80},
        {PANEL_TRSM, 32, 32, 0, 500},
        {PANEL_TRSM, 16, 16, 0, 1000},
        {PANEL_TRSM, 4, 4, 0, 4000},
        {PANEL_L1, n, 1, 1, 2000},
    };
    int nshapes = sweeps_only ? 0 : (int)(sizeof shapes / sizeof shapes[0]);
    double total[8] = {0};
    for (int item = 0; item < NCAT + nshapes; item++) {
        double best[8];
        for (int k = 0; k < nlibs; k++) best[k] = 1e30;
        double first_sum = 0.0;
        for (int rep = 0; rep <= reps; rep++) { /* rep 0 is the warm-up */
            for (int k = 0; k < nlibs; k++) {
                memcpy(a, orig, nn * sizeof *a);
                struct timespec pause = {0, 50000000};
                nanosleep(&pause, NULL);
                double t = now();
                if (item < NCAT) sweep(&libs[k], item, n, a);
                else run_shape(&libs[k], &shapes[item - NCAT], a, n);
                t = now() - t;
                if (rep > 0 && t < best[k]) best[k] = t;
                double sum = checksum(a, nn);
                if (rep == 0 && k == 0) first_sum = sum;
                if (rep == 0 && k > 0 && !(fabs(sum - first_sum) <= 1e-8 * (fabs(first_sum) + 1.0))) {
                    fprintf(stderr, "item %d: lib%d checksum %.17g, lib0 %.17g\n", item, k, sum, first_sum);
                    failed = 1;
                }
            }
        }
        if (item < NCAT) {
            printf("%-10s sweep n=%-5d             ms", cat_names[item], n);
            for (int k = 0; k < nlibs && item < ALL; k++) total[k] += best[k];
        } else {
            const struct shape *sh = &shapes[item - NCAT];
            printf("%-10s %5d x %5d x %3d (x%4d) ms", cat_names[sh->cat], sh->m, sh->n, sh->k, sh->calls);
        }
        for (int k = 0; k < nlibs; k++) printf(" %9.3f", best[k] * 1e3);
        printf("   time ratio to lib0:");
        for (int k = 1; k < nlibs; k++) printf(" %6.3f", best[k] / best[0]);
        printf("\n");
        fflush(stdout);
        if (item == ALL - 1) {
            printf("%-10s sweep n=%-5d             ms", "sum", n);
            for (int k = 0; k < nlibs; k++) printf(" %9.3f", total[k] * 1e3);
            printf("   time ratio to lib0:");
            for (int k = 1; k < nlibs; k++) printf(" %6.3f", total[k] / total[0]);
            printf("\n");
        }
    }
    if (failed) printf("results differ between libraries\n");
    return failed;
}
