/* The complex level-1 functions called the way C code calls a Fortran BLAS:
 * zdotc_, zdotu_, cdotc_ and cdotu_ declared as functions returning
 * `double _Complex` / `float _Complex` (gfortran's convention for COMPLEX
 * functions: the value comes back in registers, not through a hidden
 * pointer), the CBLAS _sub forms and the Fortran *sub_ subroutines that
 * store it through a pointer, against loops in C's complex arithmetic, with
 * unit, non-unit and negative increments. Also lsame_ (case-insensitive
 * compare of the first characters), xerbla_array_ (the name from an array
 * of characters reaches the program's own xerbla_, blank-padded to 32) and
 * izamax_/cblas_izamax (1-based and 0-based).
 *
 * Prints "complex_level1: ok" or the mismatches, and exits 1 on any.
 * Passes against the reference BLAS too:
 *   LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/blas ./complex_level1 */
#include <complex.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* The reference's Fortran functions and subroutines (LP64 integers, hidden
 * character lengths last) and CBLAS's forms. */
double _Complex zdotc_(const int *n, const double _Complex *x, const int *incx,
                       const double _Complex *y, const int *incy);
double _Complex zdotu_(const int *n, const double _Complex *x, const int *incx,
                       const double _Complex *y, const int *incy);
float _Complex cdotc_(const int *n, const float _Complex *x, const int *incx,
                      const float _Complex *y, const int *incy);
float _Complex cdotu_(const int *n, const float _Complex *x, const int *incx,
                      const float _Complex *y, const int *incy);
void zdotcsub_(const int *n, const double _Complex *x, const int *incx,
               const double _Complex *y, const int *incy, double _Complex *dot);
void cdotusub_(const int *n, const float _Complex *x, const int *incx,
               const float _Complex *y, const int *incy, float _Complex *dot);
void cblas_zdotc_sub(int n, const void *x, int incx, const void *y, int incy, void *dotc);
void cblas_zdotu_sub(int n, const void *x, int incx, const void *y, int incy, void *dotu);
void cblas_cdotc_sub(int n, const void *x, int incx, const void *y, int incy, void *dotc);
int izamax_(const int *n, const double _Complex *x, const int *incx);
size_t cblas_izamax(int n, const void *x, int incx);
int lsame_(const char *ca, const char *cb, size_t la, size_t lb);
void xerbla_array_(const char *name, const int *len, const int *info, size_t name_len);

static int failures;

/* The program's own handler: records what xerbla_array_ passes on. */
static char xerbla_name[64];
static size_t xerbla_len;
static int xerbla_info, xerbla_calls;

void xerbla_(const char *srname, const int *info, size_t srname_len);
void xerbla_(const char *srname, const int *info, size_t srname_len) {
    size_t n = srname_len < sizeof xerbla_name - 1 ? srname_len : sizeof xerbla_name - 1;
    memcpy(xerbla_name, srname, n);
    xerbla_name[n] = '\0';
    xerbla_len = srname_len;
    xerbla_info = *info;
    xerbla_calls++;
}

#define N 23
#define STORE (3 * N)

/* Index of the reference's element i of n at inc (negative: from the end). */
static int at(int i, int n, int inc) {
    return inc >= 0 ? i * inc : (n - 1 - i) * -inc;
}

static void check_z(const char *what, double _Complex got, double _Complex want, double tol) {
    if (!(cabs(got - want) <= tol * (1.0 + cabs(want)))) {
        printf("FAIL %s: got (%.17g, %.17g), want (%.17g, %.17g)\n", what, creal(got), cimag(got),
               creal(want), cimag(want));
        failures++;
    }
}

static void check_i(const char *what, long got, long want) {
    if (got != want) {
        printf("FAIL %s: got %ld, want %ld\n", what, got, want);
        failures++;
    }
}

int main(void) {
    double _Complex x[STORE], y[STORE];
    float _Complex xs[STORE], ys[STORE];
    const int incs[][2] = {{1, 1}, {2, 3}, {-1, 1}, {-2, -3}, {3, -1}};
    int n = N;
    size_t c;
    char what[64];

    for (int i = 0; i < STORE; i++) {
        x[i] = (double)((7 * i) % 11) / 11.0 - 0.5 + I * ((double)((3 * i) % 13) / 13.0 - 0.5);
        y[i] = (double)((5 * i) % 17) / 17.0 - 0.5 - I * ((double)((2 * i) % 7) / 7.0 - 0.25);
        xs[i] = (float _Complex)x[i];
        ys[i] = (float _Complex)y[i];
    }

    for (c = 0; c < sizeof incs / sizeof incs[0]; c++) {
        int incx = incs[c][0], incy = incs[c][1];
        double _Complex wc = 0, wu = 0, got;
        float _Complex fc = 0, fu = 0;
        for (int i = 0; i < n; i++) {
            double _Complex a = x[at(i, n, incx)], b = y[at(i, n, incy)];
            wc += conj(a) * b;
            wu += a * b;
            fc += conjf(xs[at(i, n, incx)]) * ys[at(i, n, incy)];
            fu += xs[at(i, n, incx)] * ys[at(i, n, incy)];
        }
        snprintf(what, sizeof what, "zdotc_ incx=%d incy=%d", incx, incy);
        check_z(what, zdotc_(&n, x, &incx, y, &incy), wc, 1e-14);
        snprintf(what, sizeof what, "zdotu_ incx=%d incy=%d", incx, incy);
        check_z(what, zdotu_(&n, x, &incx, y, &incy), wu, 1e-14);
        snprintf(what, sizeof what, "cdotc_ incx=%d incy=%d", incx, incy);
        check_z(what, cdotc_(&n, xs, &incx, ys, &incy), fc, 1e-5);
        snprintf(what, sizeof what, "cdotu_ incx=%d incy=%d", incx, incy);
        check_z(what, cdotu_(&n, xs, &incx, ys, &incy), fu, 1e-5);

        got = -1;
        cblas_zdotc_sub(n, x, incx, y, incy, &got);
        snprintf(what, sizeof what, "cblas_zdotc_sub incx=%d incy=%d", incx, incy);
        check_z(what, got, wc, 1e-14);
        got = -1;
        cblas_zdotu_sub(n, x, incx, y, incy, &got);
        snprintf(what, sizeof what, "cblas_zdotu_sub incx=%d incy=%d", incx, incy);
        check_z(what, got, wu, 1e-14);
        got = -1;
        zdotcsub_(&n, x, &incx, y, &incy, &got);
        snprintf(what, sizeof what, "zdotcsub_ incx=%d incy=%d", incx, incy);
        check_z(what, got, wc, 1e-14);
        {
            float _Complex f = -1;
            cblas_cdotc_sub(n, xs, incx, ys, incy, &f);
            snprintf(what, sizeof what, "cblas_cdotc_sub incx=%d incy=%d", incx, incy);
            check_z(what, f, fc, 1e-5);
            f = -1;
            cdotusub_(&n, xs, &incx, ys, &incy, &f);
            snprintf(what, sizeof what, "cdotusub_ incx=%d incy=%d", incx, incy);
            check_z(what, f, fu, 1e-5);
        }
    }

    /* n = 0: the value is 0 (and the _sub forms store it). */
    {
        int zero = 0, one = 1;
        double _Complex got = 7;
        check_z("zdotc_ n=0", zdotc_(&zero, x, &one, y, &one), 0, 0);
        cblas_zdotu_sub(0, x, 1, y, 1, &got);
        check_z("cblas_zdotu_sub n=0", got, 0, 0);
    }

    /* izamax: |re| + |im|, first of equals; 1-based and 0-based. */
    {
        double _Complex v[6] = {1 + 1 * I, -3 + 0.5 * I, 0.5 - 3 * I, 2 + 1.5 * I, 0, -3.5};
        int six = 6, one = 1, two = 2, zero = 0;
        check_i("izamax_ inc 1", izamax_(&six, v, &one), 2);
        check_i("cblas_izamax inc 1", (long)cblas_izamax(6, v, 1), 1);
        /* Stride 2 reads v[0], v[2], v[4]: 2, 3.5, 0. */
        check_i("izamax_ inc 2", izamax_(&(int){3}, v, &two), 2);
        check_i("izamax_ inc 0", izamax_(&six, v, &zero), 0);
        check_i("cblas_izamax n 0", (long)cblas_izamax(0, v, 1), 0);
    }

    /* lsame_: the first characters, case-insensitively (ASCII letters only). */
    {
        struct { const char *a, *b; int want; } cases[] = {
            {"a", "A", 1}, {"A", "a", 1}, {"N", "n", 1}, {"n", "N", 1}, {"a", "b", 0},
            {"Upper", "ULTRA", 1}, {"1", "1", 1}, {"[", "{", 0}, {"@", "`", 0}, {"z", "Z", 1},
        };
        for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
            snprintf(what, sizeof what, "lsame_('%s', '%s')", cases[k].a, cases[k].b);
            check_i(what, lsame_(cases[k].a, cases[k].b, strlen(cases[k].a), strlen(cases[k].b)) != 0,
                    cases[k].want);
        }
    }

    /* xerbla_array_: the program's xerbla_ gets the name padded to 32. */
    {
        const char name[] = {'Z', 'G', 'E', 'M', 'M', '_', 'X'};
        int len = 5, info = 7;
        xerbla_array_(name, &len, &info, 1);
        check_i("xerbla_array_ calls", xerbla_calls, 1);
        check_i("xerbla_array_ length", (long)xerbla_len, 32);
        check_i("xerbla_array_ info", xerbla_info, 7);
        if (strcmp(xerbla_name, "ZGEMM                           ") != 0) {
            printf("FAIL xerbla_array_ name: '%s'\n", xerbla_name);
            failures++;
        }
    }

    if (failures) {
        printf("complex_level1: %d failures\n", failures);
        return 1;
    }
    printf("complex_level1: ok\n");
    return 0;
}
