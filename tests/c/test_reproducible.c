/*
 * Reproducible mode (oxpar_context_set_reproducible, OXPAR_REPRODUCIBLE):
 * oxpar_?dot, ?nrm2, ?asum and ?sum give the same bits on serial and
 * threads:1/2/3 contexts (memcmp of the results), for n = 0, 1, 17, 1000
 * and 100003 and hostile data (exact cancellation over a thousand binades,
 * subnormals, random signs), whatever the stride or its sign (n <= 1000);
 * results whose correctly rounded value is known here are checked against
 * it (ties, double rounding, overflow and underflow on the way); the
 * infinity/NaN rules; the switch and its errors; OXPAR_REPRODUCIBLE; and on
 * an OpenCL context (when there is one) the host routines and the buffer
 * routines against the serial context.
 */
#define _POSIX_C_SOURCE 200809L /* setenv */

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "oxpar.h"
#include "tests.h"

enum { OP_DOT, OP_NRM2, OP_ASUM, OP_SUM, OP_COUNT };
static const char *const op_names[OP_COUNT] = {"dot", "nrm2", "asum", "sum"};

/* The threads contexts compared with the serial one. */
static const char *const thread_specs[] = {"threads:1", "threads:2", "threads:3"};
enum { NTHREAD_SPECS = sizeof thread_specs / sizeof thread_specs[0] };

/* ---- a deterministic generator (splitmix64) ----------------------------- */

static uint64_t sm_state;

static uint64_t next_u64(void) {
    uint64_t z = (sm_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Uniform in [lo, hi]. */
static int next_int(int lo, int hi) {
    return lo + (int)(next_u64() % (uint64_t)(hi - lo + 1));
}

/* A random finite value: random sign, a full significand of `bits` bits and
 * an exponent in [elo, ehi]; one in eight is a subnormal (m * 2^sub_exp with
 * m < 2^20). */
static double hostile_value(int bits, int elo, int ehi, int sub_exp) {
    double sign = (next_u64() & 1) ? -1.0 : 1.0;
    if (next_u64() % 8 == 0) {
        return sign * ldexp((double)(next_u64() % (1u << 20) + 1), sub_exp);
    }
    {
        uint64_t m = (next_u64() >> (64 - bits)) | ((uint64_t)1 << (bits - 1));
        return sign * ldexp((double)m, next_int(elo, ehi) - (bits - 1));
    }
}

/* Precision parameters. */
typedef struct {
    const char *tag; /* "s" or "d" */
    int dbl;
    size_t esize;
    int bits, elo, ehi, sub_exp;
} prec;

static const prec PREC_S = {"s", 0, sizeof(float), 24, -120, 55, -149};
static const prec PREC_D = {"d", 1, sizeof(double), 53, -500, 500, -1074};

static void put(const prec *p, void *arr, size_t i, double v) {
    if (p->dbl) {
        ((double *)arr)[i] = v;
    } else {
        ((float *)arr)[i] = (float)v; /* every value made here is a float */
    }
}

static double get(const prec *p, const void *arr, size_t i) {
    return p->dbl ? ((const double *)arr)[i] : (double)((const float *)arr)[i];
}

/*
 * Hostile data of `n` elements in x and y (arrays of p's type):
 *   kind 0: pairs (a, -a) in x with (b, b) in y, so that their sums and
 *           products cancel exactly, then up to two extras x = {1, 2^-20},
 *           y = {0.5, 4} and a -0.0 filler; shuffled. The exact sum of x is
 *           that of the extras, as is the exact dot (known values below);
 *   kind 1: independent random values over the whole exponent range;
 *   kind 2: subnormals only (m * 2^emin, m < 2^20, random signs).
 */
static void fill(const prec *p, int kind, size_t n, void *x, void *y, double *sum_known,
                 double *dot_known) {
    size_t i, k;
    *sum_known = 0.0;
    *dot_known = 0.0;
    if (kind == 0) {
        size_t extras = n < 2 ? n : 2;
        size_t pairs = (n - extras) / 2;
        static const double xe[2] = {1.0, 0x1p-20}, ye[2] = {0.5, 4.0};
        k = 0;
        for (i = 0; i < pairs; i++) {
            double a = hostile_value(p->bits, p->elo, p->ehi, p->sub_exp);
            double b = hostile_value(p->bits, p->elo, p->ehi, p->sub_exp);
            put(p, x, k, a);
            put(p, y, k, b);
            put(p, x, k + 1, -a);
            put(p, y, k + 1, b);
            k += 2;
        }
        for (i = 0; i < extras; i++, k++) {
            put(p, x, k, xe[i]);
            put(p, y, k, ye[i]);
            *sum_known += xe[i];
            *dot_known += xe[i] * ye[i];
        }
        if (k < n) {
            put(p, x, k, -0.0);
            put(p, y, k, hostile_value(p->bits, p->elo, p->ehi, p->sub_exp));
            k++;
        }
        /* the same permutation for x and y */
        for (i = n; i > 1; i--) {
            size_t j = (size_t)(next_u64() % i);
            double tx = get(p, x, i - 1), ty = get(p, y, i - 1);
            put(p, x, i - 1, get(p, x, j));
            put(p, y, i - 1, get(p, y, j));
            put(p, x, j, tx);
            put(p, y, j, ty);
        }
    } else {
        for (i = 0; i < n; i++) {
            if (kind == 1) {
                put(p, x, i, hostile_value(p->bits, p->elo, p->ehi, p->sub_exp));
                put(p, y, i, hostile_value(p->bits, p->elo, p->ehi, p->sub_exp));
            } else {
                double s = (next_u64() & 1) ? -1.0 : 1.0;
                put(p, x, i, s * ldexp((double)(next_u64() % (1u << 20)), p->sub_exp));
                put(p, y, i, 1.0);
                /* subnormals with 20-bit significands: the double sum of up
                   to 2^32 of them is exact, so summing them here in order is
                   the exact sum (rounded once, to float, for "s") */
                *sum_known += get(p, x, i);
            }
        }
        if (kind == 2) {
            *dot_known = *sum_known; /* y is all ones */
        }
    }
}

/* ---- calling the routines of one precision through one signature -------- */

/* Runs `op` on n elements at x (stride incx; y the same) and stores the
 * result (a float or double) at out. */
static oxpar_status run_op(const prec *p, const oxpar_context *ctx, int op, size_t n,
                           const void *x, ptrdiff_t incx, const void *y, ptrdiff_t incy,
                           void *out) {
    if (p->dbl) {
        const double *xd = (const double *)x, *yd = (const double *)y;
        double *o = (double *)out;
        switch (op) {
        case OP_DOT: return oxpar_ddot(ctx, n, xd, incx, yd, incy, o);
        case OP_NRM2: return oxpar_dnrm2(ctx, n, xd, incx, o);
        case OP_ASUM: return oxpar_dasum(ctx, n, xd, incx, o);
        default: return oxpar_dsum(ctx, n, xd, incx, o);
        }
    } else {
        const float *xs = (const float *)x, *ys = (const float *)y;
        float *o = (float *)out;
        switch (op) {
        case OP_DOT: return oxpar_sdot(ctx, n, xs, incx, ys, incy, o);
        case OP_NRM2: return oxpar_snrm2(ctx, n, xs, incx, o);
        case OP_ASUM: return oxpar_sasum(ctx, n, xs, incx, o);
        default: return oxpar_ssum(ctx, n, xs, incx, o);
        }
    }
}

/* The bits of a result, for messages. */
static unsigned long long bits_of(const prec *p, const void *r) {
    if (p->dbl) {
        uint64_t u;
        memcpy(&u, r, 8);
        return (unsigned long long)u;
    } else {
        uint32_t u;
        memcpy(&u, r, 4);
        return (unsigned long long)u;
    }
}

static double as_double(const prec *p, const void *r) {
    return p->dbl ? *(const double *)r : (double)*(const float *)r;
}

/* The result `want` (computed by the caller) must come out bit for bit. */
static void check_same(const prec *p, const char *what, const void *got, const void *want) {
    CHECK(memcmp(got, want, p->esize) == 0, "%s: %.17g (bits %llx), want %.17g (bits %llx)", what,
          as_double(p, got), bits_of(p, got), as_double(p, want), bits_of(p, want));
}

/* v as the type of p (exact for the values passed), in `out`. */
static void store(const prec *p, double v, void *out) {
    if (p->dbl) {
        *(double *)out = v;
    } else {
        *(float *)out = (float)v;
    }
}

/* Makes a context in reproducible mode (NULL on failure, already counted). */
static oxpar_context *repro_context(const char *spec) {
    oxpar_context *ctx = NULL;
    int32_t on = -1;
    if (!CHECK_OK(oxpar_context_create(spec, &ctx), "create %s", spec)) return NULL;
    CHECK_OK(oxpar_context_set_reproducible(ctx, 1), "set_reproducible(%s, 1)", spec);
    CHECK_OK(oxpar_context_get_reproducible(ctx, &on), "get_reproducible(%s)", spec);
    CHECK(on == 1, "%s: reproducible is %d after set(1)", spec, (int)on);
    return ctx;
}

/* Every routine on every context, n elements of each kind of data. */
static void compare_contexts(const prec *p, oxpar_context *serial,
                             oxpar_context *const threads[NTHREAD_SPECS], size_t n) {
    /* room for stride 3 */
    void *x = xmalloc(p->esize * (n + 1));
    void *y = xmalloc(p->esize * (n + 1));
    void *x3 = xmalloc(p->esize * (3 * n + 1));
    int kind, op;
    size_t t, i;
    char what[160];
    /* the largest size (slow in a debug build, and under valgrind) with the
       hardest data only, and without the stride variants */
    const int big = n > 10000;
    for (kind = 0; kind < (big ? 2 : 3); kind++) {
        double sum_known, dot_known;
        fill(p, kind, n, x, y, &sum_known, &dot_known);
        for (i = 0; i < n; i++) {
            put(p, x3, 3 * i, get(p, x, i));
            put(p, x3, 3 * i + 1, 1e30);
            put(p, x3, 3 * i + 2, -7.0);
        }
        for (op = 0; op < OP_COUNT; op++) {
            double ref[1], got[1], known[1];
            const void *xr = n > 0 ? (const char *)x + (n - 1) * p->esize : x;
            const void *yr = n > 0 ? (const char *)y + (n - 1) * p->esize : y;
            snprintf(what, sizeof what, "%s%s kind %d n %lu serial", p->tag, op_names[op], kind,
                     (unsigned long)n);
            if (!CHECK_OK(run_op(p, serial, op, n, x, 1, y, 1, ref), "%s", what)) continue;
            /* known values: the correctly rounded result is the exact one */
            if ((kind == 0 || kind == 2) && (op == OP_SUM || op == OP_DOT)) {
                store(p, op == OP_SUM ? sum_known : dot_known, known);
                check_same(p, what, ref, known);
            }
            if (n == 0) {
                store(p, 0.0, known);
                check_same(p, what, ref, known); /* +0.0, not -0.0 */
            }
            for (t = 0; t < NTHREAD_SPECS; t++) {
                if (threads[t] == NULL) continue;
                snprintf(what, sizeof what, "%s%s kind %d n %lu %s", p->tag, op_names[op], kind,
                         (unsigned long)n, thread_specs[t]);
                memset(got, 0x5a, sizeof got);
                if (CHECK_OK(run_op(p, threads[t], op, n, x, 1, y, 1, got), "%s", what)) {
                    check_same(p, what, got, ref);
                }
            }
            if (big) continue;
            /* the order does not matter: reversed (negative strides) and
               strided copies give the same bits */
            snprintf(what, sizeof what, "%s%s kind %d n %lu reversed", p->tag, op_names[op], kind,
                     (unsigned long)n);
            memset(got, 0x5a, sizeof got);
            if (CHECK_OK(run_op(p, threads[NTHREAD_SPECS - 1] ? threads[NTHREAD_SPECS - 1] : serial,
                                op, n, xr, -1, yr, -1, got),
                         "%s", what)) {
                check_same(p, what, got, ref);
            }
            if (op != OP_DOT) {
                snprintf(what, sizeof what, "%s%s kind %d n %lu incx 3", p->tag, op_names[op],
                         kind, (unsigned long)n);
                memset(got, 0x5a, sizeof got);
                if (CHECK_OK(run_op(p, threads[1] ? threads[1] : serial, op, n, x3, 3, NULL, 0,
                                    got),
                             "%s", what)) {
                    check_same(p, what, got, ref);
                }
            }
        }
    }
    free(x);
    free(y);
    free(x3);
}

/* Results known exactly: cases where an ordinary sum goes wrong. */
static void known_values(oxpar_context *ctx, const char *spec) {
    const double inf = HUGE_VAL, nan = test_nan();
    double r = -1.0;
    float rs = -1.0f;

    {
        const double x[] = {1e100, 1.0, -1e100};
        const double y[] = {1e200, 1.0, 1e200};
        const double z[] = {1e200, 1.0, -1e200};
        CHECK_OK(oxpar_dsum(ctx, 3, x, 1, &r), "dsum");
        CHECK(r == 1.0, "%s: dsum {1e100, 1, -1e100} = %.17g, want 1", spec, r);
        /* 1e400 + 1 - 1e400: no overflow on the way */
        CHECK_OK(oxpar_ddot(ctx, 3, z, 1, y, 1, &r), "ddot");
        CHECK(r == 1.0, "%s: ddot = %.17g, want 1", spec, r);
        CHECK_OK(oxpar_dasum(ctx, 3, x, 1, &r), "dasum");
        CHECK(r == 2e100, "%s: dasum = %.17g, want 2e100", spec, r);
    }
    {
        /* correct rounding: 1 + 2^-53 + 2^-106 is above the midpoint */
        const double x[] = {1.0, 0x1p-53, 0x1p-106};
        const double tie[] = {1.0, 0x1p-53};
        const double tie_up[] = {1.0 + 0x1p-52, 0x1p-53};
        CHECK_OK(oxpar_dsum(ctx, 3, x, 1, &r), "dsum");
        CHECK(r == 1.0 + 0x1p-52, "%s: dsum {1, 2^-53, 2^-106} = %a, want 1+2^-52", spec, r);
        CHECK_OK(oxpar_dsum(ctx, 2, tie, 1, &r), "dsum");
        CHECK(r == 1.0, "%s: dsum tie = %a, want 1 (ties to even)", spec, r);
        CHECK_OK(oxpar_dsum(ctx, 2, tie_up, 1, &r), "dsum");
        CHECK(r == 1.0 + 0x1p-51, "%s: dsum tie = %a, want 1+2^-51 (ties to even)", spec, r);
    }
    {
        /* float: 1 + 2^-24 + 2^-80 rounded through double would tie, then
           go to 1 by ties-to-even; correctly rounded it is 1 + 2^-23 */
        const float x[] = {1.0f, 0x1p-24f, 0x1p-80f};
        const float a[] = {3.0f, 4.0f};
        const float b[] = {0x1p100f, 0x1p100f, -0x1p100f};
        CHECK_OK(oxpar_ssum(ctx, 3, x, 1, &rs), "ssum");
        CHECK(rs == 1.0f + 0x1p-23f, "%s: ssum {1, 2^-24, 2^-80} = %a, want 1+2^-23", spec,
              (double)rs);
        CHECK_OK(oxpar_snrm2(ctx, 2, a, 1, &rs), "snrm2");
        CHECK(rs == 5.0f, "%s: snrm2 {3, 4} = %a", spec, (double)rs);
        const float c[] = {0x1p100f, 1.0f, -0x1p100f}, d[] = {0x1p100f, 1.0f, 0x1p100f};
        /* 2^200 + 1 - 2^200: no overflow on the way */
        CHECK_OK(oxpar_sdot(ctx, 3, c, 1, d, 1, &rs), "sdot");
        CHECK(rs == 1.0f, "%s: sdot 2^200 + 1 - 2^200 = %a, want 1", spec, (double)rs);
        /* 3 * 2^200 rounds beyond the largest float */
        CHECK_OK(oxpar_sdot(ctx, 3, b, 1, b, 1, &rs), "sdot");
        CHECK(rs == HUGE_VALF, "%s: sdot of 3 * 2^200 = %a, want inf", spec, (double)rs);
        CHECK_OK(oxpar_ssum(ctx, 3, b, 1, &rs), "ssum");
        CHECK(rs == 0x1p100f, "%s: ssum = %a, want 2^100", spec, (double)rs);
    }
    {
        /* nrm2: exact squares far beyond the range, and of subnormals */
        const double big[] = {ldexp(3.0, 900), ldexp(4.0, 900)};
        const double tiny[] = {ldexp(3.0, -1074), ldexp(4.0, -1074)};
        CHECK_OK(oxpar_dnrm2(ctx, 2, big, 1, &r), "dnrm2");
        CHECK(r == ldexp(5.0, 900), "%s: dnrm2 = %a, want 5*2^900", spec, r);
        CHECK_OK(oxpar_dnrm2(ctx, 2, tiny, 1, &r), "dnrm2");
        CHECK(r == ldexp(5.0, -1074), "%s: dnrm2 = %a, want 5*2^-1074", spec, r);
    }
    {
        /* square roots halfway between two floats: sum x^2 = (2^p + 1)^2,
           whose root 2^p + 1 ties (to even: 2^p); a little more rounds up */
        const double d_tie[] = {0x1p53, 0x1p27, 1.0, 0x1p-40};
        const float s_tie[] = {0x1p24f, 0x1p12f, 0x1p12f, 1.0f, 0x1p-40f};
        CHECK_OK(oxpar_dnrm2(ctx, 3, d_tie, 1, &r), "dnrm2");
        CHECK(r == 0x1p53, "%s: dnrm2 tie = %a, want 2^53", spec, r);
        CHECK_OK(oxpar_dnrm2(ctx, 4, d_tie, 1, &r), "dnrm2");
        CHECK(r == 0x1p53 + 2.0, "%s: dnrm2 above the tie = %a, want 2^53 + 2", spec, r);
        CHECK_OK(oxpar_snrm2(ctx, 4, s_tie, 1, &rs), "snrm2");
        CHECK(rs == 0x1p24f, "%s: snrm2 tie = %a, want 2^24", spec, (double)rs);
        CHECK_OK(oxpar_snrm2(ctx, 5, s_tie, 1, &rs), "snrm2");
        CHECK(rs == 0x1p24f + 2.0f, "%s: snrm2 above the tie = %a, want 2^24 + 2", spec,
              (double)rs);
    }
    {
        /* tiny products: 2^-537 squared is the smallest subnormal; 2^-600
           squared rounds to +0 */
        const double a[] = {0x1p-537}, b[] = {0x1p-600};
        CHECK_OK(oxpar_ddot(ctx, 1, a, 1, a, 1, &r), "ddot");
        CHECK(r == ldexp(1.0, -1074), "%s: ddot 2^-537^2 = %a", spec, r);
        CHECK_OK(oxpar_ddot(ctx, 1, b, 1, b, 1, &r), "ddot");
        CHECK(r == 0.0 && !signbit(r), "%s: ddot 2^-600^2 = %a, want +0", spec, r);
    }
    {
        /* overflow only if the exact result rounds beyond the range */
        const double x[] = {1e308, 1e308, -1e308};
        CHECK_OK(oxpar_dsum(ctx, 3, x, 1, &r), "dsum");
        CHECK(r == 1e308, "%s: dsum {1e308, 1e308, -1e308} = %g", spec, r);
        CHECK_OK(oxpar_dsum(ctx, 2, x, 1, &r), "dsum");
        CHECK(r == inf, "%s: dsum {1e308, 1e308} = %g, want inf", spec, r);
        CHECK_OK(oxpar_dasum(ctx, 3, x, 1, &r), "dasum");
        CHECK(r == inf, "%s: dasum = %g, want inf", spec, r);
    }
    {
        /* an exact zero is +0.0 */
        const double x[] = {-0.0, -0.0}, y[] = {1.0, -1.0}, z[] = {-1.0, 1.0};
        CHECK_OK(oxpar_dsum(ctx, 2, x, 1, &r), "dsum");
        CHECK(r == 0.0 && !signbit(r), "%s: dsum {-0, -0} = %g, want +0", spec, r);
        CHECK_OK(oxpar_ddot(ctx, 2, y, 1, y, 1, &r), "ddot");
        CHECK(r == 2.0, "%s: ddot = %g", spec, r);
        CHECK_OK(oxpar_ddot(ctx, 2, x, 1, y, 1, &r), "ddot");
        CHECK(r == 0.0 && !signbit(r), "%s: ddot {-0, -0}.{1, -1} = %g, want +0", spec, r);
        CHECK_OK(oxpar_ddot(ctx, 2, y, 1, z, 1, &r), "ddot");
        CHECK(r == -2.0, "%s: ddot = %g", spec, r);
        CHECK_OK(oxpar_dnrm2(ctx, 2, x, 1, &r), "dnrm2");
        CHECK(r == 0.0 && !signbit(r), "%s: dnrm2 {-0, -0} = %g, want +0", spec, r);
    }
    {
        /* infinities and NaN */
        const double pinf[] = {1.0, inf, 2.0}, ninf[] = {-inf, 1.0}, both[] = {inf, 1.0, -inf};
        const double hasnan[] = {1.0, nan, inf}, zero[] = {1.0, 0.0, 1.0};
        const double ones[] = {1.0, 1.0};
        CHECK_OK(oxpar_dsum(ctx, 3, pinf, 1, &r), "dsum");
        CHECK(r == inf, "%s: dsum with +inf = %g", spec, r);
        CHECK_OK(oxpar_dsum(ctx, 2, ninf, 1, &r), "dsum");
        CHECK(r == -inf, "%s: dsum with -inf = %g", spec, r);
        CHECK_OK(oxpar_dasum(ctx, 2, ninf, 1, &r), "dasum");
        CHECK(r == inf, "%s: dasum with -inf = %g", spec, r);
        CHECK_OK(oxpar_dnrm2(ctx, 2, ninf, 1, &r), "dnrm2");
        CHECK(r == inf, "%s: dnrm2 with -inf = %g", spec, r);
        CHECK_OK(oxpar_dsum(ctx, 3, both, 1, &r), "dsum");
        CHECK(isnan(r), "%s: dsum with +inf and -inf = %g, want NaN", spec, r);
        CHECK_OK(oxpar_dasum(ctx, 3, both, 1, &r), "dasum");
        CHECK(r == inf, "%s: dasum with +inf and -inf = %g, want inf", spec, r);
        CHECK_OK(oxpar_dsum(ctx, 3, hasnan, 1, &r), "dsum");
        CHECK(isnan(r), "%s: dsum with NaN = %g", spec, r);
        CHECK_OK(oxpar_dnrm2(ctx, 3, hasnan, 1, &r), "dnrm2");
        CHECK(isnan(r), "%s: dnrm2 with NaN and inf = %g, want NaN", spec, r);
        /* inf * 0 in a dot is NaN; inf * 1 is inf */
        CHECK_OK(oxpar_ddot(ctx, 3, pinf, 1, zero, 1, &r), "ddot");
        CHECK(isnan(r), "%s: ddot with inf*0 = %g, want NaN", spec, r);
        CHECK_OK(oxpar_ddot(ctx, 2, ninf, 1, ones, 1, &r), "ddot");
        CHECK(r == -inf, "%s: ddot -inf.1 = %g", spec, r);
    }
}

/* The switch, its errors, and set_num_threads keeping it. */
static void switch_and_errors(void) {
    oxpar_context *ctx = NULL;
    int32_t on = -1;
    size_t n = 0;
    double r = 0.0;
    const double x[] = {1e100, 1.0, -1e100};
    if (!CHECK_OK(oxpar_context_create("threads:2", &ctx), "create threads:2")) return;
    CHECK_OK(oxpar_context_get_reproducible(ctx, &on), "get_reproducible");
    CHECK(on == 0, "a new context (OXPAR_REPRODUCIBLE unset) is reproducible: %d", (int)on);
    /* ordinary sum: no correct rounding promised, but this one is plain */
    CHECK_OK(oxpar_dsum(ctx, 3, x, 1, &r), "ordinary dsum");
    CHECK(r == 0.0, "ordinary dsum {1e100, 1, -1e100} = %g (expected the rounded 0)", r);
    CHECK_OK(oxpar_context_set_reproducible(ctx, 1), "set_reproducible(1)");
    CHECK_OK(oxpar_dsum(ctx, 3, x, 1, &r), "reproducible dsum");
    CHECK(r == 1.0, "reproducible dsum {1e100, 1, -1e100} = %g, want 1", r);
    CHECK_OK(oxpar_context_set_num_threads(ctx, 3), "set_num_threads(3)");
    CHECK_OK(oxpar_context_num_threads(ctx, &n), "num_threads");
    CHECK(n == 3, "num_threads %lu", (unsigned long)n);
    CHECK_OK(oxpar_context_get_reproducible(ctx, &on), "get_reproducible");
    CHECK(on == 1, "set_num_threads dropped reproducible mode: %d", (int)on);

    /* bad values leave the mode as it was */
    CHECK_ERR(oxpar_context_set_reproducible(ctx, 2), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_context_set_reproducible", "on");
    CHECK_ERR(oxpar_context_set_reproducible(ctx, -1), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_context_set_reproducible", "on");
    on = -1;
    CHECK_OK(oxpar_context_get_reproducible(ctx, &on), "get_reproducible");
    CHECK(on == 1, "a rejected set_reproducible changed the mode: %d", (int)on);
    CHECK_ERR(oxpar_context_set_reproducible(NULL, 1), OXPAR_STATUS_NULL_POINTER,
              "oxpar_context_set_reproducible", "ctx");
    CHECK_ERR(oxpar_context_get_reproducible(NULL, &on), OXPAR_STATUS_NULL_POINTER,
              "oxpar_context_get_reproducible", "ctx");
    CHECK_ERR(oxpar_context_get_reproducible(ctx, NULL), OXPAR_STATUS_NULL_POINTER,
              "oxpar_context_get_reproducible", "out");
    CHECK_OK(oxpar_context_set_reproducible(ctx, 0), "set_reproducible(0)");
    CHECK_OK(oxpar_context_get_reproducible(ctx, &on), "get_reproducible");
    CHECK(on == 0, "after set_reproducible(0): %d", (int)on);

    /* bad arguments of the new sums, in both modes */
    for (on = 0; on < 2; on++) {
        float fs = 0.0f;
        oxpar_context_set_reproducible(ctx, on);
        CHECK_ERR(oxpar_dsum(ctx, 3, NULL, 1, &r), OXPAR_STATUS_NULL_POINTER, "oxpar_dsum", "x");
        /* an increment of 0 reads x[0] three times */
        CHECK_OK(oxpar_dsum(ctx, 3, x, 0, &r), "dsum with incx 0");
        CHECK(fabs(r - 3.0 * x[0]) <= 1e-15 * fabs(3.0 * x[0]), "dsum incx 0: %g", r);
        CHECK_ERR(oxpar_dsum(ctx, 3, x, 1, NULL), OXPAR_STATUS_NULL_POINTER, "oxpar_dsum", "out");
        CHECK_ERR(oxpar_dsum(NULL, 3, x, 1, &r), OXPAR_STATUS_NULL_POINTER, "oxpar_dsum", "ctx");
        CHECK_ERR(oxpar_ssum(ctx, 2, NULL, 1, &fs), OXPAR_STATUS_NULL_POINTER, "oxpar_ssum", "x");
        CHECK_ERR(oxpar_ddot(ctx, 3, x, 1, NULL, 1, &r), OXPAR_STATUS_NULL_POINTER, "oxpar_ddot",
                  "y");
        CHECK_OK(oxpar_dnrm2(ctx, 3, x, 0, &r), "dnrm2 with incx 0");
        CHECK(fabs(r - sqrt(3.0) * fabs(x[0])) <= 1e-15 * fabs(2.0 * x[0]), "dnrm2 incx 0: %g",
              r);
        CHECK_OK(oxpar_dsum(ctx, 0, NULL, 1, &r), "dsum of nothing");
        CHECK(r == 0.0 && !signbit(r), "dsum of nothing = %g", r);
        CHECK_OK(oxpar_ssum(ctx, 1, &fs, 1, &fs), "ssum in place");
    }
    oxpar_context_free(ctx);
}

/* The ordinary sums: close to a naive loop. */
static void ordinary_sums(void) {
    enum { N = 1001 };
    static const char *const specs[] = {"serial", "threads:3"};
    double xd[N], want = 0.0, r = 0.0;
    float xs[N], rs = 0.0f;
    size_t i, k;
    rnd_seed(7);
    for (i = 0; i < N; i++) {
        xd[i] = rnd();
        xs[i] = (float)xd[i];
        want += xd[i]; /* multiples of 1/64: exact */
    }
    for (k = 0; k < 2; k++) {
        oxpar_context *ctx = NULL;
        if (!CHECK_OK(oxpar_context_create(specs[k], &ctx), "create %s", specs[k])) continue;
        oxpar_context_set_reproducible(ctx, 0);
        CHECK_OK(oxpar_dsum(ctx, N, xd, 1, &r), "dsum %s", specs[k]);
        CHECK(r == want, "%s: dsum %.17g, want %.17g", specs[k], r, want);
        CHECK_OK(oxpar_ssum(ctx, N, xs, 1, &rs), "ssum %s", specs[k]);
        CHECK(rs == (float)want, "%s: ssum %.9g, want %.9g", specs[k], (double)rs, want);
        CHECK_OK(oxpar_dsum(ctx, N / 2, xd + N - 1, -2, &r), "dsum %s, stride -2", specs[k]);
        {
            double w = 0.0;
            for (i = 0; i < N / 2; i++) w += xd[N - 1 - 2 * i];
            CHECK(r == w, "%s: dsum stride -2 %.17g, want %.17g", specs[k], r, w);
        }
        oxpar_context_free(ctx);
    }
}

/* OXPAR_REPRODUCIBLE: read when a context is created. */
static void environment(void) {
    static const struct {
        const char *value;
        int32_t want;
    } ok[] = {{"1", 1}, {"true", 1}, {"YES", 1}, {" on ", 1}, {"0", 0},
              {"false", 0}, {"no", 0}, {"Off", 0}, {"", 0}};
    const char *old = getenv("OXPAR_REPRODUCIBLE");
    char *saved = NULL;
    size_t i;
    if (old != NULL) {
        saved = (char *)xmalloc(strlen(old) + 1);
        strcpy(saved, old);
    }
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        oxpar_context *ctx = NULL;
        int32_t on = -1;
        setenv("OXPAR_REPRODUCIBLE", ok[i].value, 1);
        if (!CHECK_OK(oxpar_context_create("serial", &ctx), "create with OXPAR_REPRODUCIBLE=\"%s\"",
                      ok[i].value)) {
            continue;
        }
        CHECK_OK(oxpar_context_get_reproducible(ctx, &on), "get_reproducible");
        CHECK(on == ok[i].want, "OXPAR_REPRODUCIBLE=\"%s\": reproducible %d, want %d",
              ok[i].value, (int)on, (int)ok[i].want);
        /* and the switch still works */
        CHECK_OK(oxpar_context_set_reproducible(ctx, 1 - on), "set_reproducible");
        oxpar_context_free(ctx);
    }
    {
        static const char *const specs[] = {"serial", "threads:2", NULL};
        for (i = 0; i < sizeof specs / sizeof specs[0]; i++) {
            static double marker;
            oxpar_context *sentinel = (oxpar_context *)(void *)&marker;
            oxpar_context *ctx = sentinel;
            oxpar_status st;
            setenv("OXPAR_REPRODUCIBLE", "maybe", 1);
            st = oxpar_context_create(specs[i], &ctx);
            CHECK_ERR(st, OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_context_create",
                      "OXPAR_REPRODUCIBLE");
            CHECK(last_error_contains("maybe"), "message \"%s\" lacks the value",
                  oxpar_last_error_message());
            CHECK(ctx == sentinel, "a failed create wrote its output");
            if (st == OXPAR_STATUS_OK && ctx != sentinel) oxpar_context_free(ctx);
        }
    }
    if (saved != NULL) {
        setenv("OXPAR_REPRODUCIBLE", saved, 1);
        free(saved);
    } else {
        unsetenv("OXPAR_REPRODUCIBLE");
    }
}

/* ---- OpenCL ------------------------------------------------------------- */

/* Runs `op` on device buffers holding x and y (n elements). */
static oxpar_status run_buffer_op(const prec *p, const oxpar_context *ctx, int op, size_t n,
                                  const oxpar_buffer *x, size_t offx, ptrdiff_t incx,
                                  const oxpar_buffer *y, void *out) {
    if (p->dbl) {
        double *o = (double *)out;
        switch (op) {
        case OP_DOT: return oxpar_buffer_ddot(ctx, n, x, offx, incx, y, 0, 1, o);
        case OP_NRM2: return oxpar_buffer_dnrm2(ctx, n, x, offx, incx, o);
        case OP_ASUM: return oxpar_buffer_dasum(ctx, n, x, offx, incx, o);
        default: return oxpar_buffer_dsum(ctx, n, x, offx, incx, o);
        }
    } else {
        float *o = (float *)out;
        switch (op) {
        case OP_DOT: return oxpar_buffer_sdot(ctx, n, x, offx, incx, y, 0, 1, o);
        case OP_NRM2: return oxpar_buffer_snrm2(ctx, n, x, offx, incx, o);
        case OP_ASUM: return oxpar_buffer_sasum(ctx, n, x, offx, incx, o);
        default: return oxpar_buffer_ssum(ctx, n, x, offx, incx, o);
        }
    }
}

/* Host routines on the OpenCL context and the buffer routines against the
 * serial context, all in reproducible mode. Returns 0 when the device has
 * no double precision. */
static int opencl_precision(const prec *p, oxpar_context *cl, oxpar_context *serial) {
    static const size_t sizes[] = {0, 1, 17, 1000, 100003};
    size_t s;
    char what[160];
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        const size_t n = sizes[s];
        void *x = xmalloc(p->esize * (n + 1));
        void *y = xmalloc(p->esize * (n + 1));
        oxpar_buffer *xb = NULL, *yb = NULL;
        int kind, op;
        int32_t dtype = p->dbl ? OXPAR_DTYPE_F64 : OXPAR_DTYPE_F32;
        if (!CHECK_OK(oxpar_buffer_create(cl, dtype, n, &xb), "buffer_create") ||
            !CHECK_OK(oxpar_buffer_create(cl, dtype, n, &yb), "buffer_create")) {
            oxpar_buffer_free(xb);
            free(x);
            free(y);
            return 1;
        }
        for (kind = 0; kind < 3; kind++) {
            double sum_known, dot_known;
            fill(p, kind, n, x, y, &sum_known, &dot_known);
            CHECK_OK(oxpar_buffer_upload(xb, x, n), "upload x");
            CHECK_OK(oxpar_buffer_upload(yb, y, n), "upload y");
            for (op = 0; op < OP_COUNT; op++) {
                double ref[1], got[1];
                oxpar_status st;
                snprintf(what, sizeof what, "opencl %s%s kind %d n %lu", p->tag, op_names[op],
                         kind, (unsigned long)n);
                if (!CHECK_OK(run_op(p, serial, op, n, x, 1, y, 1, ref), "%s serial", what)) {
                    continue;
                }
                memset(got, 0x5a, sizeof got);
                st = run_op(p, cl, op, n, x, 1, y, 1, got);
                if (p->dbl && st == OXPAR_STATUS_UNSUPPORTED) {
                    printf("note: the OpenCL device has no double precision; reproducible d "
                           "routines skipped\n");
                    oxpar_buffer_free(xb);
                    oxpar_buffer_free(yb);
                    free(x);
                    free(y);
                    return 0;
                }
                if (CHECK_OK(st, "%s host", what)) check_same(p, what, got, ref);
                memset(got, 0x5a, sizeof got);
                if (CHECK_OK(run_buffer_op(p, cl, op, n, xb, 0, 1, yb, got), "%s buffer", what)) {
                    check_same(p, what, got, ref);
                }
                if (op != OP_DOT && n > 0) {
                    /* backwards from the last element */
                    memset(got, 0x5a, sizeof got);
                    if (CHECK_OK(run_buffer_op(p, cl, op, n, xb, n - 1, -1, yb, got),
                                 "%s buffer reversed", what)) {
                        check_same(p, what, got, ref);
                    }
                }
            }
        }
        oxpar_buffer_free(xb);
        oxpar_buffer_free(yb);
        free(x);
        free(y);
    }
    return 1;
}

static void opencl(oxpar_context *serial) {
    const char *skip = getenv("OXPAR_TEST_SKIP_OPENCL");
    oxpar_context *cl = NULL;
    if (!oxpar_backend_available(OXPAR_BACKEND_OPENCL)) {
        printf("note: no usable OpenCL backend; reproducible OpenCL tests skipped\n");
        return;
    }
    if (skip != NULL && skip[0] != '\0') {
        printf("note: OXPAR_TEST_SKIP_OPENCL is set; reproducible OpenCL tests skipped\n");
        return;
    }
    cl = repro_context("opencl");
    if (cl == NULL) return;
    opencl_precision(&PREC_S, cl, serial);
    opencl_precision(&PREC_D, cl, serial);
    {
        /* ordinary buffer sum */
        const float xs[] = {1.0f, 2.0f, 3.5f};
        oxpar_buffer *b = NULL;
        float r = 0.0f;
        oxpar_context_set_reproducible(cl, 0);
        if (CHECK_OK(oxpar_buffer_create(cl, OXPAR_DTYPE_F32, 3, &b), "buffer_create")) {
            CHECK_OK(oxpar_buffer_upload(b, xs, 3), "upload");
            CHECK_OK(oxpar_buffer_ssum(cl, 3, b, 0, 1, &r), "buffer_ssum");
            CHECK(r == 6.5f, "buffer_ssum %g", (double)r);
            CHECK_ERR(oxpar_buffer_ssum(cl, 3, b, 0, 1, NULL), OXPAR_STATUS_NULL_POINTER,
                      "oxpar_buffer_ssum", "out");
            CHECK_ERR(oxpar_buffer_dsum(cl, 3, b, 0, 1, (double *)(void *)&r),
                      OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_buffer_dsum", "x");
            oxpar_buffer_free(b);
        }
        CHECK_ERR(oxpar_buffer_ssum(serial, 0, NULL, 0, 1, &r), OXPAR_STATUS_UNSUPPORTED,
                  "oxpar_buffer_ssum", "ctx");
    }
    oxpar_context_free(cl);
}

void test_reproducible(void) {
    static const size_t sizes[] = {0, 1, 17, 1000, 100003};
    oxpar_context *serial, *threads[NTHREAD_SPECS];
    size_t i;

    switch_and_errors();
    ordinary_sums();
    environment();

    sm_state = 20240609;
    serial = repro_context("serial");
    if (serial == NULL) return;
    for (i = 0; i < NTHREAD_SPECS; i++) threads[i] = repro_context(thread_specs[i]);
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        compare_contexts(&PREC_S, serial, threads, sizes[i]);
        compare_contexts(&PREC_D, serial, threads, sizes[i]);
    }
    known_values(serial, "serial");
    for (i = 0; i < NTHREAD_SPECS; i++) {
        if (threads[i] != NULL) known_values(threads[i], thread_specs[i]);
    }
    opencl(serial);
    for (i = 0; i < NTHREAD_SPECS; i++) oxpar_context_free(threads[i]);
    oxpar_context_free(serial);
}
