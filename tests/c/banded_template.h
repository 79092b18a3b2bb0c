/*
 * The tests of the band and packed routines (gbmv, sbmv, tbmv, tbsv, spmv,
 * tpmv, tpsv, spr, spr2) for one precision: included by test_banded.c once
 * for float and once for double, with these macros:
 *
 *   T    the element type      TL   its letter (s or d), bare
 *   TLS  the letter as a string SFX  a suffix for local names
 *   TOL  relative tolerance
 *
 * The band and packed arrays are read from the addresses the header
 * documents (LAPACK band storage, packed columns), written out here again so
 * the reference is independent of the library: dense copies in double and
 * naive loops. Vectors have increments 1, 2, -1 and -3 in buffers with gaps;
 * every output buffer is compared whole, so a write outside the operand is
 * caught.
 */

#define GLUE_(a, b) a##b
#define GLUE(a, b) GLUE_(a, b)
#define FN(name) GLUE(name, SFX)
#define OX(name) GLUE(GLUE(oxpar_, TL), name)
#define OXNAME(name) "oxpar_" TLS #name

typedef struct {
    T *buf;
    size_t len, n;
    T *p;
    ptrdiff_t inc;
} FN(bvec);

static FN(bvec) FN(bvec_make)(size_t n, int which) {
    static const ptrdiff_t incs[4] = {1, 2, -1, -3};
    FN(bvec) v;
    size_t i, step;
    v.inc = incs[which % 4];
    step = (size_t)(v.inc < 0 ? -v.inc : v.inc);
    v.n = n;
    v.len = n > 0 ? 1 + (n - 1) * step : 1;
    v.buf = (T *)xmalloc(v.len * sizeof(T));
    for (i = 0; i < v.len; i++) {
        v.buf[i] = (T)rnd();
    }
    v.p = v.buf + (v.inc < 0 && n > 0 ? (n - 1) * step : 0);
    return v;
}

static size_t FN(vpos)(const FN(bvec) *v, size_t i) {
    return (size_t)((v->p - v->buf) + (ptrdiff_t)i * v->inc);
}

static double FN(vget)(const FN(bvec) *v, size_t i) {
    return (double)v->buf[FN(vpos)(v, i)];
}

/* Compares v's whole buffer with orig where want is NULL, else with want[i]
 * at element i (within TOL * (scale[i] + 1)), bit for bit in the gaps. */
static void FN(vcompare)(const char *what, const FN(bvec) *v, const T *orig, const double *want,
                         const double *scale) {
    size_t i, bad = 0, first = 0;
    double got_first = 0, want_first = 0;
    T *e = (T *)xmalloc(v->len * sizeof(T));
    double *tol = (double *)xmalloc(v->len * sizeof(double));
    memcpy(e, orig, v->len * sizeof(T));
    for (i = 0; i < v->len; i++) {
        tol[i] = 0;
    }
    for (i = 0; i < v->n; i++) {
        e[FN(vpos)(v, i)] = (T)want[i];
        tol[FN(vpos)(v, i)] = scale[i] + 1.0;
    }
    for (i = 0; i < v->len; i++) {
        int ok = tol[i] > 0 ? fabs((double)v->buf[i] - (double)e[i]) <= TOL * tol[i] && !isnan((double)v->buf[i])
                            : memcmp(&v->buf[i], &e[i], sizeof(T)) == 0;
        if (!ok && bad++ == 0) {
            first = i;
            got_first = (double)v->buf[i];
            want_first = (double)e[i];
        }
    }
    CHECK(bad == 0, "%s: %lu of %lu positions differ, first at %lu: got %.9g want %.9g", what,
          (unsigned long)bad, (unsigned long)v->len, (unsigned long)first, got_first, want_first);
    free(e);
    free(tol);
}

/* LAPACK band storage: an (ld x n) column-major buffer, ld = kl + ku + 1 +
 * extra, random everywhere (elements outside the band must not be read). */
typedef struct {
    T *buf;
    size_t m, n, kl, ku, ld;
} FN(band);

static FN(band) FN(band_make)(size_t m, size_t n, size_t kl, size_t ku, size_t extra) {
    FN(band) b;
    size_t i, len;
    b.m = m, b.n = n, b.kl = kl, b.ku = ku, b.ld = kl + ku + 1 + extra;
    len = b.ld * n + 1;
    b.buf = (T *)xmalloc(len * sizeof(T));
    for (i = 0; i < len; i++) {
        b.buf[i] = (T)rnd();
    }
    return b;
}

static int FN(in_band)(const FN(band) *b, size_t i, size_t j) {
    return i < b->m && j < b->n && j <= i + b->ku && i <= j + b->kl;
}

/* Element (i, j) of the band as the header places it: a[ku + i - j + j*lda]. */
static T *FN(band_at)(const FN(band) *b, size_t i, size_t j) {
    return b->buf + (b->ku + i - j + j * b->ld);
}

/* The dense m x n (row-major, double) of the band. */
static double *FN(band_dense)(const FN(band) *b) {
    size_t i, j;
    double *d = (double *)xmalloc((b->m * b->n + 1) * sizeof(double));
    for (i = 0; i < b->m; i++) {
        for (j = 0; j < b->n; j++) {
            d[i * b->n + j] = FN(in_band)(b, i, j) ? (double)*FN(band_at)(b, i, j) : 0.0;
        }
    }
    return d;
}

/* Packed storage of the uplo triangle: p[i + j*(j+1)/2] (upper) or
 * p[i + j*(2n-j-1)/2] (lower), in a buffer with a guard element each side. */
static size_t FN(ppos)(size_t n, int uplo, size_t i, size_t j) {
    return uplo == OXPAR_UPLO_UPPER ? i + j * (j + 1) / 2 : i + j * (2 * n - j - 1) / 2;
}

static int FN(holds)(int uplo, size_t i, size_t j) {
    return uplo == OXPAR_UPLO_UPPER ? i <= j : i >= j;
}

/* The dense n x n of the triangle stored in p: symmetric (sym) or triangular. */
static double *FN(packed_dense)(const T *p, size_t n, int uplo, int sym) {
    size_t i, j;
    double *d = (double *)xmalloc((n * n + 1) * sizeof(double));
    for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) {
            if (FN(holds)(uplo, i, j)) {
                d[i * n + j] = (double)p[FN(ppos)(n, uplo, i, j)];
            } else {
                d[i * n + j] = sym ? (double)p[FN(ppos)(n, uplo, j, i)] : 0.0;
            }
        }
    }
    return d;
}

/* y_want = alpha*op(D)*x + beta*y for the dense rows x cols D; scale for the tolerance. */
static void FN(mv_want)(const double *d, size_t rows, size_t cols, int trans, double alpha,
                        const FN(bvec) *x, double beta, const FN(bvec) *y, double *want, double *scale) {
    size_t i, j, out = trans ? cols : rows, in = trans ? rows : cols;
    for (i = 0; i < out; i++) {
        double acc = 0, sc = 0;
        for (j = 0; j < in; j++) {
            double a = trans ? d[j * cols + i] : d[i * cols + j];
            acc += a * FN(vget)(x, j);
            sc += fabs(a * FN(vget)(x, j));
        }
        want[i] = alpha * acc + (beta != 0 ? beta * FN(vget)(y, i) : 0.0);
        scale[i] = 2 * sc + 1 + fabs(want[i]);
    }
}

/* op(D) of the triangular dense D (diag: unit), in place; then x := op(D)*x
 * or op(D)^-1*x (want, scale). */
static void FN(tri_want)(double *d, size_t n, int uplo, int trans, int diag, int solve, const FN(bvec) *x,
                         double *want, double *scale) {
    size_t i, j;
    double *z = (double *)xmalloc((n + 1) * sizeof(double));
    for (i = 0; i < n; i++) {
        if (diag == OXPAR_DIAG_UNIT) d[i * n + i] = 1.0;
        z[i] = FN(vget)(x, i);
    }
    if (trans) {
        for (i = 0; i < n; i++) {
            for (j = i + 1; j < n; j++) {
                double t = d[i * n + j];
                d[i * n + j] = d[j * n + i];
                d[j * n + i] = t;
            }
        }
    }
    /* op(D) is upper when (uplo upper) xor trans */
    if (!solve) {
        for (i = 0; i < n; i++) {
            double acc = 0, sc = 0;
            for (j = 0; j < n; j++) {
                acc += d[i * n + j] * z[j];
                sc += fabs(d[i * n + j] * z[j]);
            }
            want[i] = acc;
            scale[i] = 2 * sc + 1;
        }
    } else if ((uplo == OXPAR_UPLO_UPPER) != (trans != 0)) {
        for (i = n; i-- > 0;) {
            double s = z[i], sc = fabs(z[i]);
            for (j = i + 1; j < n; j++) {
                s -= d[i * n + j] * want[j];
                sc += fabs(d[i * n + j] * want[j]);
            }
            want[i] = s / d[i * n + i];
            scale[i] = 64 * (sc + fabs(want[i]) + 1);
        }
    } else {
        for (i = 0; i < n; i++) {
            double s = z[i], sc = fabs(z[i]);
            for (j = 0; j < i; j++) {
                s -= d[i * n + j] * want[j];
                sc += fabs(d[i * n + j] * want[j]);
            }
            want[i] = s / d[i * n + i];
            scale[i] = 64 * (sc + fabs(want[i]) + 1);
        }
    }
    free(z);
}

static T *FN(copy)(const T *p, size_t len) {
    T *c = (T *)xmalloc((len + 1) * sizeof(T));
    memcpy(c, p, len * sizeof(T));
    return c;
}

static const size_t FN(bsizes)[] = {0, 1, 2, 5, 8};
#define NBSIZES (sizeof(FN(bsizes)) / sizeof(FN(bsizes)[0]))
static const size_t FN(widths)[] = {0, 1, 3};

static void FN(band_cases)(const oxpar_context *ctx) {
    size_t mi, ni, kli, kui, i;
    int trans, b, lay = 0;
    char what[200];
    /* gbmv */
    for (mi = 0; mi < NBSIZES; mi++) {
        for (ni = 0; ni < NBSIZES; ni += 2) {
            for (kli = 0; kli < 3; kli++) {
                for (kui = 0; kui < 3; kui++) {
                    for (trans = 0; trans < 2; trans++) {
                        for (b = 0; b < 2; b++) {
                            size_t m = FN(bsizes)[mi], n = FN(bsizes)[(ni + mi) % NBSIZES];
                            FN(band) a = FN(band_make)(m, n, FN(widths)[kli], FN(widths)[kui], (size_t)(lay % 3));
                            FN(bvec) x = FN(bvec_make)(trans ? m : n, lay), y = FN(bvec_make)(trans ? n : m, lay + 1);
                            T alpha = (T)1.5, beta = b ? (T)0.5 : (T)0;
                            double *d = FN(band_dense)(&a), *want = (double *)xmalloc((m + n + 1) * sizeof(double)),
                                   *scale = (double *)xmalloc((m + n + 1) * sizeof(double));
                            T *orig;
                            if (!b) {
                                for (i = 0; i < y.n; i++) y.buf[FN(vpos)(&y, i)] = (T)test_nan();
                            }
                            orig = FN(copy)(y.buf, y.len);
                            FN(mv_want)(d, m, n, trans, alpha, &x, beta, &y, want, scale);
                            CHECK_OK(OX(gbmv)(ctx, trans, m, n, a.kl, a.ku, &alpha, a.buf, (ptrdiff_t)a.ld, x.p, x.inc,
                                              &beta, y.p, y.inc),
                                     "gbmv");
                            sprintf(what, "%s m=%lu n=%lu kl=%lu ku=%lu trans=%d beta=%g", OXNAME(gbmv),
                                    (unsigned long)m, (unsigned long)n, (unsigned long)a.kl, (unsigned long)a.ku, trans,
                                    (double)beta);
                            FN(vcompare)(what, &y, orig, want, scale);
                            free(a.buf), free(x.buf), free(y.buf), free(d), free(want), free(scale), free(orig);
                            lay++;
                        }
                    }
                }
            }
        }
    }
    /* sbmv, tbmv, tbsv: the uplo triangle of an n x n band with k off-diagonals */
    for (ni = 0; ni < NBSIZES; ni++) {
        for (kli = 0; kli < 3; kli++) {
            int uplo;
            for (uplo = 0; uplo < 2; uplo++) {
                size_t n = FN(bsizes)[ni], k = FN(widths)[kli];
                size_t kl = uplo == OXPAR_UPLO_UPPER ? 0 : k, ku = uplo == OXPAR_UPLO_UPPER ? k : 0;
                int diag, solve;
                for (b = 0; b < 2; b++) {
                    FN(band) a = FN(band_make)(n, n, kl, ku, (size_t)(lay % 2));
                    FN(bvec) x = FN(bvec_make)(n, lay), y = FN(bvec_make)(n, lay + 2);
                    T alpha = (T)-0.75, beta = b ? (T)2 : (T)0;
                    double *d = FN(band_dense)(&a), *want = (double *)xmalloc((n + 1) * sizeof(double)),
                           *scale = (double *)xmalloc((n + 1) * sizeof(double));
                    T *orig;
                    size_t j;
                    for (i = 0; i < n; i++) { /* symmetric from the stored triangle */
                        for (j = 0; j < n; j++) {
                            if (!FN(holds)(uplo, i, j)) d[i * n + j] = d[j * n + i];
                        }
                    }
                    if (!b) {
                        for (i = 0; i < n; i++) y.buf[FN(vpos)(&y, i)] = (T)test_nan();
                    }
                    orig = FN(copy)(y.buf, y.len);
                    FN(mv_want)(d, n, n, 0, alpha, &x, beta, &y, want, scale);
                    CHECK_OK(OX(sbmv)(ctx, uplo, n, k, &alpha, a.buf, (ptrdiff_t)a.ld, x.p, x.inc, &beta, y.p, y.inc),
                             "sbmv");
                    sprintf(what, "%s n=%lu k=%lu uplo=%d beta=%g", OXNAME(sbmv), (unsigned long)n, (unsigned long)k,
                            uplo, (double)beta);
                    FN(vcompare)(what, &y, orig, want, scale);
                    free(a.buf), free(x.buf), free(y.buf), free(d), free(want), free(scale), free(orig);
                    lay++;
                }
                for (trans = 0; trans < 2; trans++) {
                    for (diag = 0; diag < 2; diag++) {
                        for (solve = 0; solve < 2; solve++) {
                            FN(band) a = FN(band_make)(n, n, kl, ku, (size_t)(lay % 2));
                            FN(bvec) x = FN(bvec_make)(n, lay);
                            double *d, *want = (double *)xmalloc((n + 1) * sizeof(double)),
                                       *scale = (double *)xmalloc((n + 1) * sizeof(double));
                            T *orig;
                            oxpar_status st;
                            for (i = 0; i < n; i++) *FN(band_at)(&a, i, i) = (T)(4.0 + rnd());
                            d = FN(band_dense)(&a);
                            orig = FN(copy)(x.buf, x.len);
                            FN(tri_want)(d, n, uplo, trans, diag, solve, &x, want, scale);
                            st = solve ? OX(tbsv)(ctx, uplo, trans, diag, n, k, a.buf, (ptrdiff_t)a.ld, x.p, x.inc)
                                       : OX(tbmv)(ctx, uplo, trans, diag, n, k, a.buf, (ptrdiff_t)a.ld, x.p, x.inc);
                            CHECK_OK(st, "tbmv/tbsv");
                            sprintf(what, "%s n=%lu k=%lu uplo=%d trans=%d diag=%d",
                                    solve ? OXNAME(tbsv) : OXNAME(tbmv), (unsigned long)n, (unsigned long)k, uplo,
                                    trans, diag);
                            FN(vcompare)(what, &x, orig, want, scale);
                            free(a.buf), free(x.buf), free(d), free(want), free(scale), free(orig);
                            lay++;
                        }
                    }
                }
            }
        }
    }
}

static void FN(packed_cases)(const oxpar_context *ctx) {
    size_t ni, i, j;
    int uplo, trans, diag, solve, b, lay = 0;
    char what[200];
    for (ni = 0; ni < NBSIZES; ni++) {
        size_t n = FN(bsizes)[ni], len = n * (n + 1) / 2;
        for (uplo = 0; uplo < 2; uplo++) {
            /* spmv */
            for (b = 0; b < 2; b++) {
                FN(bvec) ap = FN(bvec_make)(len, 0), x = FN(bvec_make)(n, lay), y = FN(bvec_make)(n, lay + 1);
                T alpha = (T)1.25, beta = b ? (T)-0.5 : (T)0;
                double *d = FN(packed_dense)(ap.p, n, uplo, 1), *want = (double *)xmalloc((n + 1) * sizeof(double)),
                       *scale = (double *)xmalloc((n + 1) * sizeof(double));
                T *orig;
                if (!b) {
                    for (i = 0; i < n; i++) y.buf[FN(vpos)(&y, i)] = (T)test_nan();
                }
                orig = FN(copy)(y.buf, y.len);
                FN(mv_want)(d, n, n, 0, alpha, &x, beta, &y, want, scale);
                CHECK_OK(OX(spmv)(ctx, uplo, n, &alpha, ap.p, x.p, x.inc, &beta, y.p, y.inc), "spmv");
                sprintf(what, "%s n=%lu uplo=%d beta=%g", OXNAME(spmv), (unsigned long)n, uplo, (double)beta);
                FN(vcompare)(what, &y, orig, want, scale);
                free(ap.buf), free(x.buf), free(y.buf), free(d), free(want), free(scale), free(orig);
                lay++;
            }
            /* tpmv, tpsv */
            for (trans = 0; trans < 2; trans++) {
                for (diag = 0; diag < 2; diag++) {
                    for (solve = 0; solve < 2; solve++) {
                        FN(bvec) ap = FN(bvec_make)(len, 0), x = FN(bvec_make)(n, lay);
                        double *d, *want = (double *)xmalloc((n + 1) * sizeof(double)),
                                   *scale = (double *)xmalloc((n + 1) * sizeof(double));
                        T *orig;
                        oxpar_status st;
                        for (i = 0; i < n; i++) ap.p[FN(ppos)(n, uplo, i, i)] = (T)(4.0 + rnd());
                        d = FN(packed_dense)(ap.p, n, uplo, 0);
                        orig = FN(copy)(x.buf, x.len);
                        FN(tri_want)(d, n, uplo, trans, diag, solve, &x, want, scale);
                        st = solve ? OX(tpsv)(ctx, uplo, trans, diag, n, ap.p, x.p, x.inc)
                                   : OX(tpmv)(ctx, uplo, trans, diag, n, ap.p, x.p, x.inc);
                        CHECK_OK(st, "tpmv/tpsv");
                        sprintf(what, "%s n=%lu uplo=%d trans=%d diag=%d", solve ? OXNAME(tpsv) : OXNAME(tpmv),
                                (unsigned long)n, uplo, trans, diag);
                        FN(vcompare)(what, &x, orig, want, scale);
                        free(ap.buf), free(x.buf), free(d), free(want), free(scale), free(orig);
                        lay++;
                    }
                }
            }
            /* spr, spr2: the packed array compared whole (it is a 1-increment vector) */
            for (b = 0; b < 2; b++) {
                FN(bvec) ap = FN(bvec_make)(len, 0), x = FN(bvec_make)(n, lay), y = FN(bvec_make)(n, lay + 3);
                T alpha = (T)0.5;
                double *want = (double *)xmalloc((len + 1) * sizeof(double)),
                       *scale = (double *)xmalloc((len + 1) * sizeof(double));
                T *orig = FN(copy)(ap.buf, ap.len);
                for (j = 0; j < n; j++) {
                    for (i = 0; i < n; i++) {
                        double xi = FN(vget)(&x, i), xj = FN(vget)(&x, j), yi = FN(vget)(&y, i), yj = FN(vget)(&y, j);
                        double upd = b ? xi * yj + yi * xj : xi * xj;
                        size_t at;
                        if (!FN(holds)(uplo, i, j)) continue;
                        at = FN(ppos)(n, uplo, i, j);
                        want[at] = (double)ap.p[at] + alpha * upd;
                        scale[at] = fabs(want[at]) + 2 * fabs(alpha * upd);
                    }
                }
                CHECK_OK(b ? OX(spr2)(ctx, uplo, n, &alpha, x.p, x.inc, y.p, y.inc, ap.p)
                           : OX(spr)(ctx, uplo, n, &alpha, x.p, x.inc, ap.p),
                         "spr/spr2");
                sprintf(what, "%s n=%lu uplo=%d", b ? OXNAME(spr2) : OXNAME(spr), (unsigned long)n, uplo);
                FN(vcompare)(what, &ap, orig, want, scale);
                free(ap.buf), free(x.buf), free(y.buf), free(want), free(scale), free(orig);
                lay++;
            }
        }
    }
}

/* Inputs sharing memory with the output: the result is as if they were read first. */
static void FN(aliasing_case)(const oxpar_context *ctx) {
    size_t n = 5, len = n * (n + 1) / 2, i, j;
    T alpha = (T)1, beta = (T)0;
    /* spr with x the first n elements of ap itself */
    {
        FN(bvec) ap = FN(bvec_make)(len, 0);
        double *want = (double *)xmalloc(len * sizeof(double)), *scale = (double *)xmalloc(len * sizeof(double));
        double x[5];
        T *orig = FN(copy)(ap.buf, ap.len);
        for (i = 0; i < n; i++) x[i] = (double)ap.p[i];
        for (j = 0; j < n; j++) {
            for (i = 0; i <= j; i++) {
                size_t at = FN(ppos)(n, OXPAR_UPLO_UPPER, i, j);
                want[at] = (double)ap.p[at] + x[i] * x[j];
                scale[at] = fabs(want[at]) + 2;
            }
        }
        CHECK_OK(OX(spr)(ctx, OXPAR_UPLO_UPPER, n, &alpha, ap.p, 1, ap.p), "spr aliasing");
        FN(vcompare)(OXNAME(spr) " with x inside ap", &ap, orig, want, scale);
        free(ap.buf), free(want), free(scale), free(orig);
    }
    /* gbmv with y written over the band storage it reads (kl = ku = 1, ld = 3) */
    {
        FN(band) a = FN(band_make)(n, n, 1, 1, 0);
        FN(bvec) x = FN(bvec_make)(n, 0), y;
        double *d = FN(band_dense)(&a), want[5], scale[5];
        T *orig;
        y.buf = a.buf, y.len = a.ld * n + 1, y.n = n, y.p = a.buf + 2, y.inc = 3;
        orig = FN(copy)(y.buf, y.len);
        FN(mv_want)(d, n, n, 0, alpha, &x, beta, &y, want, scale);
        CHECK_OK(OX(gbmv)(ctx, OXPAR_TRANS_NO, n, n, 1, 1, &alpha, a.buf, 3, x.p, x.inc, &beta, y.p, y.inc),
                 "gbmv aliasing");
        FN(vcompare)(OXNAME(gbmv) " with y inside a", &y, orig, want, scale);
        free(a.buf), free(x.buf), free(d), free(orig);
    }
}

static void FN(bad_input)(const oxpar_context *ctx) {
    T buf[64], one = (T)1, zero = (T)0;
    T *misaligned = (T *)(void *)((char *)buf + 1);
    size_t i;
    for (i = 0; i < 64; i++) buf[i] = (T)1;
    /* enums */
    CHECK_ERR(OX(gbmv)(ctx, 3, 2, 2, 0, 0, &one, buf, 1, buf + 8, 1, &zero, buf + 16, 1),
              OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(gbmv), "trans");
    CHECK_ERR(OX(sbmv)(ctx, -1, 2, 1, &one, buf, 2, buf + 8, 1, &zero, buf + 16, 1), OXPAR_STATUS_INVALID_ARGUMENT,
              OXNAME(sbmv), "uplo");
    CHECK_ERR(OX(tbmv)(ctx, 0, 0, 7, 2, 1, buf, 2, buf + 16, 1), OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(tbmv), "diag");
    CHECK_ERR(OX(tpsv)(ctx, 0, 3, 0, 2, buf, buf + 16, 1), OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(tpsv), "trans");
    CHECK_ERR(OX(spr)(ctx, 5, 2, &one, buf, 1, buf + 16), OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(spr), "uplo");
    /* NULL */
    CHECK_ERR(OX(spmv)(NULL, 0, 2, &one, buf, buf + 8, 1, &zero, buf + 16, 1), OXPAR_STATUS_NULL_POINTER,
              OXNAME(spmv), "ctx");
    CHECK_ERR(OX(gbmv)(ctx, 0, 2, 2, 0, 0, NULL, buf, 1, buf + 8, 1, &zero, buf + 16, 1), OXPAR_STATUS_NULL_POINTER,
              OXNAME(gbmv), "alpha");
    CHECK_ERR(OX(gbmv)(ctx, 0, 2, 2, 0, 0, &one, NULL, 1, buf + 8, 1, &zero, buf + 16, 1),
              OXPAR_STATUS_NULL_POINTER, OXNAME(gbmv), "a");
    CHECK_ERR(OX(tpmv)(ctx, 0, 0, 0, 2, NULL, buf + 16, 1), OXPAR_STATUS_NULL_POINTER, OXNAME(tpmv), "ap");
    CHECK_ERR(OX(spr2)(ctx, 0, 2, &one, buf, 1, buf + 8, 1, NULL), OXPAR_STATUS_NULL_POINTER, OXNAME(spr2), "ap");
    CHECK_ERR(OX(tbsv)(ctx, 0, 0, 0, 2, 1, buf, 2, NULL, 1), OXPAR_STATUS_NULL_POINTER, OXNAME(tbsv), "x");
    /* empty operands may be NULL */
    CHECK_OK(OX(gbmv)(ctx, 0, 0, 0, 1, 1, &one, NULL, 3, NULL, 1, &zero, NULL, 1), "gbmv 0x0 with NULL arrays");
    CHECK_OK(OX(gbmv)(ctx, 0, 0, 3, 1, 1, &one, NULL, 3, buf, 1, &zero, NULL, 1), "gbmv 0x3 with a NULL band");
    CHECK_OK(OX(tpsv)(ctx, 0, 0, 0, 0, NULL, NULL, 1), "tpsv n=0 with NULL arrays");
    CHECK_OK(OX(spr2)(ctx, 1, 0, &one, NULL, 1, NULL, 1, NULL), "spr2 n=0 with NULL arrays");
    /* the leading dimension: below kl + ku + 1, negative */
    CHECK_ERR(OX(gbmv)(ctx, 0, 3, 3, 1, 1, &one, buf, 2, buf + 16, 1, &zero, buf + 24, 1),
              OXPAR_STATUS_INVALID_STRIDE, OXNAME(gbmv), "lda");
    CHECK_ERR(OX(tbmv)(ctx, 1, 0, 0, 3, 2, buf, -3, buf + 16, 1), OXPAR_STATUS_INVALID_STRIDE, OXNAME(tbmv), "lda");
    CHECK_ERR(OX(tbsv)(ctx, 1, 0, 0, 3, SIZE_MAX, buf, 4, buf + 16, 1), OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(tbsv),
              "k");
    CHECK_ERR(OX(sbmv)(ctx, 0, 3, 0, &one, buf, 0, buf + 8, 1, &zero, buf + 16, 1), OXPAR_STATUS_INVALID_STRIDE,
              OXNAME(sbmv), "lda");
    /* sizes: kl + ku overflows; a band or triangle beyond the address space */
    CHECK_ERR(OX(gbmv)(ctx, 0, 2, 2, SIZE_MAX, 1, &one, buf, 4, buf + 8, 1, &zero, buf + 16, 1),
              OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(gbmv), "kl");
    CHECK_ERR(OX(gbmv)(ctx, 0, SIZE_MAX / 2, SIZE_MAX / 2, 0, 0, &one, buf, 4, buf + 8, 0, &zero, buf + 16, 0),
              OXPAR_STATUS_INVALID_STRIDE, OXNAME(gbmv), "lda");
    CHECK_ERR(OX(tpmv)(ctx, 0, 0, 0, SIZE_MAX / 2, buf, buf + 16, 0), OXPAR_STATUS_INVALID_STRIDE, OXNAME(tpmv),
              "ap");
    /* a written vector whose elements share an address */
    CHECK_ERR(OX(tbmv)(ctx, 0, 0, 0, 3, 1, buf, 2, buf + 16, 0), OXPAR_STATUS_INVALID_STRIDE, OXNAME(tbmv), "incx");
    CHECK_ERR(OX(spmv)(ctx, 0, 3, &one, buf, buf + 8, 1, &zero, buf + 16, 0), OXPAR_STATUS_INVALID_STRIDE,
              OXNAME(spmv), "incy");
    /* read vectors may have zero increments: x broadcast */
    for (i = 0; i < 6; i++) buf[i] = (T)1;
    CHECK_OK(OX(spmv)(ctx, 0, 3, &one, buf, buf, 0, &zero, buf + 16, 1), "spmv with a zero-increment x");
    CHECK(buf[16] == 3 && buf[17] == 3 && buf[18] == 3, "spmv broadcast: got %g %g %g", (double)buf[16],
          (double)buf[17], (double)buf[18]);
    /* misaligned arrays */
    CHECK_ERR(OX(gbmv)(ctx, 0, 2, 2, 0, 0, &one, misaligned, 1, buf + 8, 1, &zero, buf + 16, 1),
              OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(gbmv), "a");
    CHECK_ERR(OX(spr)(ctx, 0, 2, &one, buf, 1, misaligned), OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(spr), "ap");
}

static void FN(banded_all)(void) {
    oxpar_context *ctx = NULL;
    const char *specs[2] = {"serial", "threads:2"};
    int s;
    for (s = 0; s < 2; s++) {
        if (!CHECK_OK(oxpar_context_create(specs[s], &ctx), "context %s", specs[s])) continue;
        FN(band_cases)(ctx);
        FN(packed_cases)(ctx);
        FN(aliasing_case)(ctx);
        oxpar_context_free(ctx);
    }
    if (CHECK_OK(oxpar_context_create("serial", &ctx), "context")) {
        FN(bad_input)(ctx);
        oxpar_context_free(ctx);
    }
}

#undef NBSIZES
#undef FN
#undef OX
#undef OXNAME
#undef GLUE
#undef GLUE_
