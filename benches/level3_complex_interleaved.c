/* Complex level-3 routines other than gemm on several BLAS libraries in one
 * process, interleaved (as benches/level3_interleaved.c): each library is
 * loaded with dlopen (RTLD_LOCAL), and every timed run goes through the
 * libraries in turn, so a busy machine slows them all alike and the ratios
 * stay fair.
 *
 *   level3_complex_interleaved [--n N] [--reps R] [--cpu-time] [--single]
 *                              [--only NAME[,NAME...]] LIB...
 *
 * LIB is a path to a shared library exporting CBLAS. Routines (n x n,
 * default n = 2048, k = n; the letters are side, uplo, trans, diag as in
 * the BLAS): herk LN and UC, syrk LN, her2k LN, syr2k LN, trmm LLNN and
 * RUCN, trsm LLNN and RUCN, and gemm NN as the ceiling; the z routines, or
 * with --single the c routines. --only keeps the routines named (for
 * example --only herk,trsm: every variant of those). Best of R runs
 * (default 5) per library, with a pause between runs so that spinning
 * threads of one library go idle before the next runs. Thread counts come
 * from the environment. Prints one line per routine: GFLOP/s per library
 * (8 real flops per complex multiply-add), then each library's ratio to the
 * first. Every result is compared with the first library's at 16 entries
 * (inside the triangle for the rank-k updates). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* cblas_zherk and cblas_cherk differ in the type of their real alpha and
 * beta (double, float), hence two pointer types; the rest take pointers. */
typedef void (*zherk_fn)(int, int, int, int, int, double, const void *, int, double, void *, int);
typedef void (*cherk_fn)(int, int, int, int, int, float, const void *, int, float, void *, int);
typedef void (*zher2k_fn)(int, int, int, int, int, const void *, const void *, int, const void *, int,
                          double, void *, int);
typedef void (*cher2k_fn)(int, int, int, int, int, const void *, const void *, int, const void *, int,
                          float, void *, int);
typedef void (*syrk_fn)(int, int, int, int, int, const void *, const void *, int, const void *, void *,
                        int);
typedef void (*syr2k_fn)(int, int, int, int, int, const void *, const void *, int, const void *, int,
                         const void *, void *, int);
typedef void (*tri_fn)(int, int, int, int, int, int, int, const void *, const void *, int, void *, int);
typedef void (*gemm_fn)(int, int, int, int, int, int, const void *, const void *, int, const void *, int,
                        const void *, void *, int);

struct lib {
    const char *path;
    void *herk, *her2k; /* zherk_fn/cherk_fn, zher2k_fn/cher2k_fn */
    syrk_fn syrk;
    syr2k_fn syr2k;
    tri_fn trmm, trsm;
    gemm_fn gemm;
};

/* CBLAS constants. */
enum { COL = 102, NOTRANS = 111, CONJTRANS = 113, UPPER = 121, LOWER = 122, NONUNIT = 131, LEFT = 141,
       RIGHT = 142 };

struct routine {
    const char *name; /* as --only matches it */
    const char *variant;
    double flops; /* per n^3: 8 real flops per complex multiply-add */
    int tri;      /* 1: the result is the lower (2: upper) triangle only */
};

static const struct routine routines[] = {
    {"herk", "LN", 4.0, 1},   {"herk", "UC", 4.0, 2},   {"syrk", "LN", 4.0, 1}, {"her2k", "LN", 8.0, 1},
    {"syr2k", "LN", 8.0, 1},  {"trmm", "LLNN", 4.0, 0}, {"trmm", "RUCN", 4.0, 0},
    {"trsm", "LLNN", 4.0, 0}, {"trsm", "RUCN", 4.0, 0}, {"gemm", "NN", 8.0, 0},
};
#define NROUTINES ((int)(sizeof routines / sizeof routines[0]))

/* Wall time, or with --cpu-time the process's CPU time (one thread only:
 * see benches/level3_interleaved.c). */
static clockid_t clock_used = CLOCK_MONOTONIC;

static double now(void) {
    struct timespec ts;
    clock_gettime(clock_used, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void *sym(void *h, const char *path, const char *name) {
    void *p = dlsym(h, name);
    if (!p) {
        fprintf(stderr, "level3_complex_interleaved: %s has no %s\n", path, name);
        exit(2);
    }
    return p;
}

/* Routine r on n x n operands a, b and c (complex, interleaved re/im;
 * float when single). */
static void call(const struct lib *l, int r, int single, int n, const void *a, const void *b, void *c) {
    static const double zalpha[2] = {1.0, 0.5}, zbeta[2] = {0.5, -0.25};
    static const float calpha[2] = {1.0f, 0.5f}, cbeta[2] = {0.5f, -0.25f};
    const void *alpha = single ? (const void *)calpha : (const void *)zalpha;
    const void *beta = single ? (const void *)cbeta : (const void *)zbeta;
    switch (r) {
    case 0:
    case 1: {
        int uplo = r == 0 ? LOWER : UPPER, trans = r == 0 ? NOTRANS : CONJTRANS;
        if (single) ((cherk_fn)l->herk)(COL, uplo, trans, n, n, 1.0f, a, n, 0.5f, c, n);
        else ((zherk_fn)l->herk)(COL, uplo, trans, n, n, 1.0, a, n, 0.5, c, n);
        break;
    }
    case 2: l->syrk(COL, LOWER, NOTRANS, n, n, alpha, a, n, beta, c, n); break;
    case 3:
        if (single) ((cher2k_fn)l->her2k)(COL, LOWER, NOTRANS, n, n, alpha, a, n, b, n, 0.5f, c, n);
        else ((zher2k_fn)l->her2k)(COL, LOWER, NOTRANS, n, n, alpha, a, n, b, n, 0.5, c, n);
        break;
    case 4: l->syr2k(COL, LOWER, NOTRANS, n, n, alpha, a, n, b, n, beta, c, n); break;
    case 5: l->trmm(COL, LEFT, LOWER, NOTRANS, NONUNIT, n, n, alpha, a, n, c, n); break;
    case 6: l->trmm(COL, RIGHT, UPPER, CONJTRANS, NONUNIT, n, n, alpha, a, n, c, n); break;
    case 7: l->trsm(COL, LEFT, LOWER, NOTRANS, NONUNIT, n, n, alpha, a, n, c, n); break;
    case 8: l->trsm(COL, RIGHT, UPPER, CONJTRANS, NONUNIT, n, n, alpha, a, n, c, n); break;
    default: l->gemm(COL, NOTRANS, NOTRANS, n, n, n, alpha, a, n, b, n, beta, c, n); break;
    }
}

/* Whether routine r is kept by the comma-separated list (NULL keeps all). */
static int wanted(const char *only, int r) {
    if (!only) return 1;
    size_t len = strlen(routines[r].name);
    for (const char *p = only; *p;) {
        const char *end = strchr(p, ',');
        size_t plen = end ? (size_t)(end - p) : strlen(p);
        if (plen == len && strncmp(p, routines[r].name, len) == 0) return 1;
        if (!end) break;
        p = end + 1;
    }
    return 0;
}

/* The real at index idx of a complex matrix (float when single). */
static double part(const void *m, int single, size_t idx) {
    return single ? (double)((const float *)m)[idx] : ((const double *)m)[idx];
}

int main(int argc, char **argv) {
    int n = 2048, reps = 5, nlibs = 0, single = 0;
    const char *only = NULL;
    struct lib libs[8];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--n") == 0 && i + 1 < argc) n = atoi(argv[++i]);
        else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc) reps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--cpu-time") == 0) clock_used = CLOCK_PROCESS_CPUTIME_ID;
        else if (strcmp(argv[i], "--single") == 0) single = 1;
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc) only = argv[++i];
        else if (nlibs < 8) {
            void *h = dlopen(argv[i], RTLD_NOW | RTLD_LOCAL);
            if (!h) {
                fprintf(stderr, "level3_complex_interleaved: %s\n", dlerror());
                return 2;
            }
            libs[nlibs].path = argv[i];
            nlibs++;
            struct lib *l = &libs[nlibs - 1];
            const char *pre = single ? "cblas_c" : "cblas_z";
            char name[32];
#define LOOK(field, type, suffix)                                                                        \
    do {                                                                                                 \
        snprintf(name, sizeof name, "%s%s", pre, suffix);                                                \
        l->field = (type)sym(h, argv[i], name);                                                          \
    } while (0)
            LOOK(herk, void *, "herk");
            LOOK(her2k, void *, "her2k");
            LOOK(syrk, syrk_fn, "syrk");
            LOOK(syr2k, syr2k_fn, "syr2k");
            LOOK(trmm, tri_fn, "trmm");
            LOOK(trsm, tri_fn, "trsm");
            LOOK(gemm, gemm_fn, "gemm");
#undef LOOK
        }
    }
    if (nlibs == 0 || n <= 0 || reps <= 0) {
        fprintf(stderr, "usage: %s [--n N] [--reps R] [--cpu-time] [--single] [--only NAMES] LIB...\n",
                argv[0]);
        return 2;
    }
    size_t nn = 2 * (size_t)n * (size_t)n; /* reals per matrix */
    size_t esize = single ? sizeof(float) : sizeof(double);
    double *ad = malloc(nn * sizeof *ad), *bd = malloc(nn * sizeof *bd);
    void *a = malloc(nn * esize), *b = malloc(nn * esize), *c0 = malloc(nn * esize);
    void *c = malloc(nn * esize), *first = malloc(nn * esize);
    if (!ad || !bd || !a || !b || !c0 || !c || !first) return 2;
    unsigned long long s = 0x2545f4914f6cdd1dULL;
    for (size_t i = 0; i < nn; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        ad[i] = (double)(s >> 11) / 9007199254740992.0 - 0.5;
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        bd[i] = (double)(s >> 11) / 9007199254740992.0 - 0.5;
    }
    /* A strong diagonal keeps trsm's solutions of the size of B. */
    for (int i = 0; i < n; i++) ad[2 * (i + (size_t)i * n)] = 1.0 + 0.5 * n;
    for (size_t i = 0; i < nn; i++) {
        if (single) {
            ((float *)a)[i] = (float)ad[i];
            ((float *)b)[i] = (float)bd[i];
            ((float *)c0)[i] = (float)bd[(i + 7) % nn];
        } else {
            ((double *)a)[i] = ad[i];
            ((double *)b)[i] = bd[i];
            ((double *)c0)[i] = bd[(i + 7) % nn];
        }
    }
    int failed = 0;
    for (int k = 0; k < nlibs; k++) printf("lib%d %s\n", k, libs[k].path);
    for (int r = 0; r < NROUTINES; r++) {
        if (!wanted(only, r)) continue;
        double best[8];
        for (int k = 0; k < nlibs; k++) best[k] = 1e30;
        for (int rep = 0; rep <= reps; rep++) { /* rep 0 is the warm-up */
            for (int k = 0; k < nlibs; k++) {
                memcpy(c, c0, nn * esize);
                struct timespec pause = {0, 200000000};
                nanosleep(&pause, NULL);
                double t = now();
                call(&libs[k], r, single, n, a, b, c);
                t = now() - t;
                if (rep > 0 && t < best[k]) best[k] = t;
                if (rep == 0 && k == 0) memcpy(first, c, nn * esize);
                if (rep == 0 && k > 0) {
                    for (int q = 0; q < 16; q++) {
                        size_t i = (size_t)(q * 7919 + 13) % (size_t)n, j = (size_t)(q * 104729 + 7) % (size_t)n;
                        if ((routines[r].tri == 1 && i < j) || (routines[r].tri == 2 && i > j)) {
                            size_t t2 = i;
                            i = j;
                            j = t2;
                        }
                        for (size_t p = 0; p < 2; p++) {
                            size_t idx = 2 * (i + j * (size_t)n) + p;
                            double x = part(c, single, idx), y = part(first, single, idx);
                            double tol = (single ? 1e-3 : 1e-9) * (fabs(y) + 1.0);
                            if (!(fabs(x - y) <= tol)) failed = 1;
                        }
                    }
                }
            }
        }
        char label[16];
        snprintf(label, sizeof label, "%c%s %s", single ? 'c' : 'z', routines[r].name, routines[r].variant);
        printf("%-12s n=%d GFLOP/s", label, n);
        for (int k = 0; k < nlibs; k++) printf(" %8.2f", routines[r].flops * n * (double)n * n / best[k] * 1e-9);
        printf("   ratio to lib0:");
        for (int k = 1; k < nlibs; k++) printf(" %6.3f", best[0] / best[k]);
        printf("\n");
        fflush(stdout);
    }
    if (failed) printf("results differ between libraries\n");
    return failed;
}
