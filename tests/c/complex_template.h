/*
 * The complex routines for one precision against naive loops written here on
 * double _Complex: included by test_complex.c once for float _Complex (c) and
 * once for double _Complex (z), with these macros:
 *
 *   T    the element type (float _Complex, double _Complex)
 *   R    its real type     TL  the letter (c or z), bare   TLS  as a string
 *   NRM2, ASUM, RSCAL, IAMAX and NAME_*: the routines whose names BLAS
 *        spells otherwise (oxpar_scnrm2, oxpar_scasum, oxpar_csscal,
 *        oxpar_icamax) and their names as strings
 *   SFX  a suffix for local names   TOL  relative tolerance
 *
 * Every operand lies in a buffer bigger than its elements (strides leave
 * gaps, some negative, some row-major). The whole output buffer is compared
 * with the expected one, so a write outside the operand, or into a triangle
 * that must not be touched, is caught. Where a routine must not read
 * something (the other triangle, the diagonal's imaginary parts of a
 * Hermitian matrix, C when beta = 0), it holds NaN.
 */

#define GLUE_(a, b) a##b
#define GLUE(a, b) GLUE_(a, b)
#define FN(name) GLUE(name, SFX)
#define OX(name) GLUE(GLUE(oxpar_, TL), name)
#define OXNAME(name) "oxpar_" TLS #name

typedef struct {
    T *buf;
    size_t len;
    T *p;
    size_t rows, cols;
    ptrdiff_t rs, cs;
} FN(cmat);

static T FN(crnd)(void) {
    double re = rnd();
    double im = rnd();
    return (T)(re + im * I);
}

/* Layouts: 0 column-major (ld > rows), 1 row-major, 2 both strides > 1,
 * 3 both negative, 4 row-major with a negative row stride. */
static FN(cmat) FN(cmat_make)(size_t rows, size_t cols, int layout) {
    FN(cmat) a;
    size_t i, off = 0, srs, scs;
    a.rows = rows;
    a.cols = cols;
    switch (layout % 5) {
    case 0: a.rs = 1; a.cs = (ptrdiff_t)rows + 2; break;
    case 1: a.rs = (ptrdiff_t)cols + 1; a.cs = 1; break;
    case 2: a.rs = 2; a.cs = 2 * (ptrdiff_t)rows + 3; break;
    case 3: a.rs = -1; a.cs = -((ptrdiff_t)rows + 3); break;
    default: a.rs = -((ptrdiff_t)cols + 2); a.cs = 1; break;
    }
    srs = (size_t)(a.rs < 0 ? -a.rs : a.rs);
    scs = (size_t)(a.cs < 0 ? -a.cs : a.cs);
    a.len = rows > 0 && cols > 0 ? 1 + (rows - 1) * srs + (cols - 1) * scs : 1;
    a.buf = (T *)xmalloc(a.len * sizeof(T));
    for (i = 0; i < a.len; i++) {
        a.buf[i] = FN(crnd)();
    }
    if (rows > 0 && cols > 0) {
        off += a.rs < 0 ? (rows - 1) * srs : 0;
        off += a.cs < 0 ? (cols - 1) * scs : 0;
    }
    a.p = a.buf + off;
    return a;
}

/* A vector: a one-column matrix with increments 1, 2, -1, -3. */
static FN(cmat) FN(cvec_make)(size_t n, int which) {
    static const ptrdiff_t incs[4] = {1, 2, -1, -3};
    ptrdiff_t inc = incs[which % 4];
    FN(cmat) v;
    size_t i, step = (size_t)(inc < 0 ? -inc : inc);
    v.rows = n;
    v.cols = 1;
    v.rs = inc;
    v.cs = 1;
    v.len = n > 0 ? 1 + (n - 1) * step : 1;
    v.buf = (T *)xmalloc(v.len * sizeof(T));
    for (i = 0; i < v.len; i++) {
        v.buf[i] = FN(crnd)();
    }
    v.p = v.buf + (inc < 0 && n > 0 ? (n - 1) * step : 0);
    return v;
}

static size_t FN(cpos)(const FN(cmat) *a, size_t i, size_t j) {
    return (size_t)((a->p - a->buf) + (ptrdiff_t)i * a->rs + (ptrdiff_t)j * a->cs);
}

static D FN(cget)(const FN(cmat) *a, size_t i, size_t j) {
    return (D)a->buf[FN(cpos)(a, i, j)];
}

/* The whole buffer as double _Complex: what a call must leave as it is. */
static D *FN(snapshot)(const FN(cmat) *a) {
    D *s = (D *)xmalloc(a->len * sizeof(D));
    size_t i;
    for (i = 0; i < a->len; i++) {
        s[i] = (D)a->buf[i];
    }
    return s;
}

/* Compares the whole buffer of `c` with `want` (its snapshot with the
 * operand's expected elements written in): an element within `tol` relative
 * to `scale` (a bound on the terms summed), NaN where NaN is wanted, and
 * every other element bit for bit. Frees `want`. */
static void FN(compare)(const char *what, const FN(cmat) *c, D *want, double scale) {
    size_t i;
    int bad = 0;
    for (i = 0; i < c->len && !bad; i++) {
        D got = (D)c->buf[i];
        D w = want[i];
        int w_nan = isnan(creal(w)) || isnan(cimag(w));
        int g_nan = isnan(creal(got)) || isnan(cimag(got));
        if (w_nan || g_nan) {
            bad = w_nan != g_nan;
        } else if (!(cabs(got - w) <= TOL * (scale + cabs(w)))) {
            bad = 1;
        }
        if (bad) {
            CHECK(0, "%s: buffer element %zu is (%g, %g), want (%g, %g)", what, i, creal(got),
                  cimag(got), creal(w), cimag(w));
        }
    }
    if (!bad) {
        CHECK(1, "%s", what);
    }
    free(want);
}

/* op(A) of a stored matrix, dense row-major: trans 0 as is, 1 transposed,
 * 2 conjugate transposed. */
static D *FN(op_dense)(const FN(cmat) *a, int trans) {
    size_t r = trans ? a->cols : a->rows, c = trans ? a->rows : a->cols, i, j;
    D *o = (D *)xmalloc((r * c + 1) * sizeof(D));
    for (i = 0; i < r; i++) {
        for (j = 0; j < c; j++) {
            D v = trans ? FN(cget)(a, j, i) : FN(cget)(a, i, j);
            o[i * c + j] = trans == OXPAR_TRANS_CONJ ? conj(v) : v;
        }
    }
    return o;
}

static int FN(holds)(int uplo, size_t i, size_t j) {
    return uplo == OXPAR_UPLO_UPPER ? i <= j : i >= j;
}

/* The full n x n matrix held in a's `uplo` triangle, dense row-major:
 * Hermitian (the diagonal's imaginary parts taken as 0) or symmetric. */
static D *FN(full_dense)(const FN(cmat) *a, int uplo, int herm) {
    size_t n = a->rows, i, j;
    D *s = (D *)xmalloc((n * n + 1) * sizeof(D));
    for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) {
            D v;
            if (i == j && herm) {
                v = creal(FN(cget)(a, i, i));
            } else if (FN(holds)(uplo, i, j)) {
                v = FN(cget)(a, i, j);
            } else {
                v = herm ? conj(FN(cget)(a, j, i)) : FN(cget)(a, j, i);
            }
            s[i * n + j] = v;
        }
    }
    return s;
}

/* op(A) of the triangular matrix held in a's `uplo` triangle, dense row-major. */
static D *FN(tri_dense)(const FN(cmat) *a, int uplo, int trans, int diag) {
    size_t n = a->rows, i, j;
    D *t = (D *)xmalloc((n * n + 1) * sizeof(D));
    for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) {
            D v;
            if (i == j) {
                v = diag == OXPAR_DIAG_UNIT ? 1.0 : FN(cget)(a, i, i);
            } else {
                v = FN(holds)(uplo, i, j) ? FN(cget)(a, i, j) : 0.0;
            }
            if (trans == OXPAR_TRANS_CONJ) {
                v = conj(v);
            }
            if (trans) {
                t[j * n + i] = v;
            } else {
                t[i * n + j] = v;
            }
        }
    }
    return t;
}

/* p (r x k) times q (k x c), dense row-major. */
static D *FN(mul)(const D *p, const D *q, size_t r, size_t k, size_t c) {
    D *o = (D *)xmalloc((r * c + 1) * sizeof(D));
    size_t i, j, l;
    for (i = 0; i < r; i++) {
        for (j = 0; j < c; j++) {
            D s = 0.0;
            for (l = 0; l < k; l++) {
                s += p[i * k + l] * q[l * c + j];
            }
            o[i * c + j] = s;
        }
    }
    return o;
}

/* Solves m*z = rhs (m n x n triangular, nonzero diagonal) in place by
 * elimination without pivoting; m is destroyed. */
static void FN(solve)(D *m, size_t n, D *rhs) {
    size_t i, j, k;
    for (k = 0; k < n; k++) {
        for (i = k + 1; i < n; i++) {
            D f = m[i * n + k] / m[k * n + k];
            if (f == 0.0) continue;
            for (j = k; j < n; j++) {
                m[i * n + j] -= f * m[k * n + j];
            }
            rhs[i] -= f * rhs[k];
        }
    }
    for (k = n; k-- > 0;) {
        D s = rhs[k];
        for (j = k + 1; j < n; j++) {
            s -= m[k * n + j] * rhs[j];
        }
        rhs[k] = s / m[k * n + k];
    }
}

/* A triangular matrix far from singular: its diagonal 4 + (something small). */
static void FN(strong_diagonal)(FN(cmat) *a) {
    size_t i;
    for (i = 0; i < a->rows && i < a->cols; i++) {
        a->buf[FN(cpos)(a, i, i)] = (T)(4.0 + rnd() + rnd() * I);
    }
}

/* NaN in the triangle of a (n x n) that `uplo` does not name: never read. */
static void FN(poison_other)(FN(cmat) *a, int uplo) {
    size_t i, j;
    for (i = 0; i < a->rows; i++) {
        for (j = 0; j < a->cols; j++) {
            if (!FN(holds)(uplo, i, j)) {
                a->buf[FN(cpos)(a, i, j)] = (T)test_nan();
            }
        }
    }
}

static void FN(cfree)(FN(cmat) *a) {
    free(a->buf);
    a->buf = NULL;
}

static const size_t FN(n1)[] = {0, 1, 2, 7, 33};

/* ---- Level 1 ---- */

static void FN(level1)(const oxpar_context *ctx, const char *cname) {
    size_t si, i;
    int w;
    char what[160];
    for (si = 0; si < sizeof FN(n1) / sizeof FN(n1)[0]; si++) {
        size_t n = FN(n1)[si];
        for (w = 0; w < 4; w++) {
            FN(cmat) x = FN(cvec_make)(n, w), y = FN(cvec_make)(n, w + 1);
            T alpha = (T)(0.75 - 1.25 * I);
            R ralpha = (R)-1.5;
            D *want;
            D dot_want = 0.0, dotc_want = 0.0;
            T dot_got, dotc_got, sum_got;
            R nrm_got, asum_got;
            double nrm_want = 0.0, asum_want = 0.0, scale = 0.0;
            size_t imax_got, imax_want = OXPAR_INDEX_NONE;
            double best = -1.0;

            /* axpy */
            want = FN(snapshot)(&y);
            for (i = 0; i < n; i++) {
                want[FN(cpos)(&y, i, 0)] += (D)alpha * FN(cget)(&x, i, 0);
            }
            snprintf(what, sizeof what, "%s %s n=%zu incs %td,%td", cname, OXNAME(axpy), n, x.rs, y.rs);
            CHECK_OK(OX(axpy)(ctx, n, &alpha, x.p, x.rs, y.p, y.rs), "%s", what);
            FN(compare)(what, &y, want, 4.0);

            /* dotu, dotc (exact data: the sums are exact) */
            for (i = 0; i < n; i++) {
                dot_want += FN(cget)(&x, i, 0) * FN(cget)(&y, i, 0);
                dotc_want += conj(FN(cget)(&x, i, 0)) * FN(cget)(&y, i, 0);
                scale += cabs(FN(cget)(&x, i, 0)) * cabs(FN(cget)(&y, i, 0));
            }
            CHECK_OK(OX(dotu)(ctx, n, x.p, x.rs, y.p, y.rs, &dot_got), "%s dotu n=%zu", cname, n);
            CHECK(cabs((D)dot_got - dot_want) <= TOL * (scale + 1.0), "%s %s n=%zu inc %td: (%g, %g) want (%g, %g)",
                  cname, OXNAME(dotu), n, x.rs, creal((D)dot_got), cimag((D)dot_got), creal(dot_want), cimag(dot_want));
            CHECK_OK(OX(dotc)(ctx, n, x.p, x.rs, y.p, y.rs, &dotc_got), "%s dotc n=%zu", cname, n);
            CHECK(cabs((D)dotc_got - dotc_want) <= TOL * (scale + 1.0), "%s %s n=%zu inc %td: (%g, %g) want (%g, %g)",
                  cname, OXNAME(dotc), n, x.rs, creal((D)dotc_got), cimag((D)dotc_got), creal(dotc_want),
                  cimag(dotc_want));

            /* nrm2, asum (real results), iamax (|re| + |im|, first of the largest), sum */
            sum_got = (T)0.0;
            {
                D sum_want = 0.0;
                for (i = 0; i < n; i++) {
                    D v = FN(cget)(&x, i, 0);
                    double a1 = fabs(creal(v)) + fabs(cimag(v));
                    nrm_want += creal(v) * creal(v) + cimag(v) * cimag(v);
                    asum_want += a1;
                    sum_want += v;
                    if (a1 > best) {
                        best = a1;
                        imax_want = i;
                    }
                }
                nrm_want = sqrt(nrm_want);
                CHECK_OK(NRM2(ctx, n, x.p, x.rs, &nrm_got), "%s nrm2", cname);
                CHECK(fabs((double)nrm_got - nrm_want) <= TOL * (nrm_want + 1.0), "%s nrm2 n=%zu: %g want %g",
                      cname, n, (double)nrm_got, nrm_want);
                CHECK_OK(ASUM(ctx, n, x.p, x.rs, &asum_got), "%s asum", cname);
                CHECK(fabs((double)asum_got - asum_want) <= TOL * (asum_want + 1.0), "%s asum n=%zu: %g want %g",
                      cname, n, (double)asum_got, asum_want);
                CHECK_OK(IAMAX(ctx, n, x.p, x.rs, &imax_got), "%s iamax", cname);
                CHECK(imax_got == imax_want, "%s iamax n=%zu inc %td: %zu want %zu", cname, n, x.rs, imax_got,
                      imax_want);
                CHECK_OK(OX(sum)(ctx, n, x.p, x.rs, &sum_got), "%s sum", cname);
                CHECK(cabs((D)sum_got - sum_want) <= TOL * (asum_want + 1.0), "%s sum n=%zu", cname, n);
            }

            /* scal (complex alpha), then the real-alpha scal */
            want = FN(snapshot)(&x);
            for (i = 0; i < n; i++) {
                want[FN(cpos)(&x, i, 0)] *= (D)alpha;
            }
            snprintf(what, sizeof what, "%s %s n=%zu inc %td", cname, OXNAME(scal), n, x.rs);
            CHECK_OK(OX(scal)(ctx, n, &alpha, x.p, x.rs), "%s", what);
            FN(compare)(what, &x, want, 4.0);
            want = FN(snapshot)(&x);
            for (i = 0; i < n; i++) {
                want[FN(cpos)(&x, i, 0)] *= (double)ralpha;
            }
            snprintf(what, sizeof what, "%s %s n=%zu inc %td", cname, NAME_RSCAL, n, x.rs);
            CHECK_OK(RSCAL(ctx, n, &ralpha, x.p, x.rs), "%s", what);
            FN(compare)(what, &x, want, 4.0);

            /* copy, swap */
            want = FN(snapshot)(&y);
            for (i = 0; i < n; i++) {
                want[FN(cpos)(&y, i, 0)] = FN(cget)(&x, i, 0);
            }
            snprintf(what, sizeof what, "%s %s n=%zu", cname, OXNAME(copy), n);
            CHECK_OK(OX(copy)(ctx, n, x.p, x.rs, y.p, y.rs), "%s", what);
            FN(compare)(what, &y, want, 0.0);
            for (i = 0; i < n; i++) {
                x.buf[FN(cpos)(&x, i, 0)] = FN(crnd)();
            }
            {
                D *wx = FN(snapshot)(&x), *wy = FN(snapshot)(&y);
                for (i = 0; i < n; i++) {
                    wx[FN(cpos)(&x, i, 0)] = FN(cget)(&y, i, 0);
                    wy[FN(cpos)(&y, i, 0)] = FN(cget)(&x, i, 0);
                }
                snprintf(what, sizeof what, "%s %s n=%zu", cname, OXNAME(swap), n);
                CHECK_OK(OX(swap)(ctx, n, x.p, x.rs, y.p, y.rs), "%s", what);
                FN(compare)(what, &x, wx, 0.0);
                FN(compare)(what, &y, wy, 0.0);
            }
            FN(cfree)(&x);
            FN(cfree)(&y);
        }
    }
}

/* Values BLAS treats specially: NaN and infinities in the parts. */
static void FN(level1_special)(const oxpar_context *ctx, const char *cname) {
    T v[4];
    R *parts = (R *)(void *)v;
    R two = (R)2, nrm, asum;
    size_t idx;
    /* csscal scales the parts: (inf, 0) stays (inf, 0), no NaN from inf*0. */
    parts[0] = (R)INFINITY; parts[1] = 0;
    parts[2] = 1; parts[3] = (R)-INFINITY;
    parts[4] = 3; parts[5] = 4;
    parts[6] = (R)test_nan(); parts[7] = 1;
    CHECK_OK(RSCAL(ctx, 3, &two, v, 1), "%s real scal", cname);
    CHECK(isinf(parts[0]) && parts[0] > 0 && parts[1] == 0 && parts[2] == 2 && isinf(parts[3]) &&
              parts[3] < 0 && parts[4] == 6 && parts[5] == 8,
          "%s real-alpha scal scales each part: (%g, %g) (%g, %g) (%g, %g)", cname, (double)parts[0],
          (double)parts[1], (double)parts[2], (double)parts[3], (double)parts[4], (double)parts[5]);
    /* asum is |re| + |im|; nrm2 of (3, 4)*2 is 10; NaN comes out; iamax finds the first NaN. */
    parts[0] = 3; parts[1] = -4; parts[2] = 0; parts[3] = -1;
    CHECK_OK(ASUM(ctx, 2, v, 1, &asum), "%s asum", cname);
    CHECK(asum == 8, "%s asum of (3,-4), (0,-1) is 8, got %g", cname, (double)asum);
    CHECK_OK(NRM2(ctx, 1, v, 1, &nrm), "%s nrm2", cname);
    CHECK(nrm == 5, "%s nrm2 of (3,-4) is 5, got %g", cname, (double)nrm);
    CHECK_OK(ASUM(ctx, 4, v, 1, &asum), "%s asum NaN", cname);
    CHECK(isnan(asum), "%s asum with a NaN part is NaN, got %g", cname, (double)asum);
    CHECK_OK(NRM2(ctx, 4, v, 1, &nrm), "%s nrm2 NaN", cname);
    CHECK(isnan(nrm), "%s nrm2 with a NaN part is NaN, got %g", cname, (double)nrm);
    CHECK_OK(IAMAX(ctx, 4, v, 1, &idx), "%s iamax NaN", cname);
    CHECK(idx == 3, "%s iamax picks the first NaN (3), got %zu", cname, idx);
    /* iamax compares |re| + |im|, not the modulus: (3, 3) beats (4, 0). */
    parts[0] = 4; parts[1] = 0; parts[2] = 3; parts[3] = 3;
    CHECK_OK(IAMAX(ctx, 2, v, 1, &idx), "%s iamax", cname);
    CHECK(idx == 1, "%s iamax by |re| + |im| is 1, got %zu", cname, idx);
}

/* ---- Level 2 ---- */

static const size_t FN(n2)[] = {0, 1, 3, 6};

static void FN(gemv_ger)(const oxpar_context *ctx, const char *cname) {
    size_t mi, ni, i, j;
    int trans, layout;
    char what[160];
    T alpha = (T)(1.5 + 0.5 * I), beta = (T)(-0.5 + 0.25 * I), zero = (T)0.0;
    for (mi = 0; mi < 4; mi++) {
        for (ni = 0; ni < 4; ni++) {
            size_t m = FN(n2)[mi], n = FN(n2)[ni];
            for (trans = 0; trans < 3; trans++) {
                for (layout = 0; layout < 5; layout++) {
                    size_t lx = trans ? m : n, ly = trans ? n : m;
                    FN(cmat) a = FN(cmat_make)(m, n, layout);
                    FN(cmat) x = FN(cvec_make)(lx, layout), y = FN(cvec_make)(ly, layout + 1);
                    D *op = FN(op_dense)(&a, trans);
                    D *want = FN(snapshot)(&y);
                    for (i = 0; i < ly; i++) {
                        D s = 0.0;
                        for (j = 0; j < lx; j++) {
                            s += op[i * lx + j] * FN(cget)(&x, j, 0);
                        }
                        want[FN(cpos)(&y, i, 0)] = (D)alpha * s + (D)beta * FN(cget)(&y, i, 0);
                    }
                    snprintf(what, sizeof what, "%s %s trans %d %zux%zu layout %d", cname, OXNAME(gemv),
                             trans, m, n, layout);
                    CHECK_OK(OX(gemv)(ctx, trans, m, n, &alpha, a.p, a.rs, a.cs, x.p, x.rs, &beta, y.p, y.rs),
                             "%s", what);
                    FN(compare)(what, &y, want, 4.0 * (double)(lx + 1));
                    /* beta = 0: y is not read (NaN there does not come out) */
                    for (i = 0; i < ly; i++) {
                        y.buf[FN(cpos)(&y, i, 0)] = (T)test_nan();
                    }
                    want = FN(snapshot)(&y);
                    for (i = 0; i < ly; i++) {
                        D s = 0.0;
                        for (j = 0; j < lx; j++) {
                            s += op[i * lx + j] * FN(cget)(&x, j, 0);
                        }
                        want[FN(cpos)(&y, i, 0)] = (D)alpha * s;
                    }
                    CHECK_OK(OX(gemv)(ctx, trans, m, n, &alpha, a.p, a.rs, a.cs, x.p, x.rs, &zero, y.p, y.rs),
                             "%s beta 0", what);
                    FN(compare)(what, &y, want, 4.0 * (double)(lx + 1));
                    free(op);
                    FN(cfree)(&x);
                    FN(cfree)(&y);
                    if (trans == 0) {
                        /* geru and gerc on the same A */
                        int c;
                        for (c = 0; c < 2; c++) {
                            FN(cmat) u = FN(cvec_make)(m, layout), v = FN(cvec_make)(n, layout + 2);
                            want = FN(snapshot)(&a);
                            for (i = 0; i < m; i++) {
                                for (j = 0; j < n; j++) {
                                    D yj = FN(cget)(&v, j, 0);
                                    want[FN(cpos)(&a, i, j)] += (D)alpha * FN(cget)(&u, i, 0) * (c ? conj(yj) : yj);
                                }
                            }
                            snprintf(what, sizeof what, "%s %s %zux%zu layout %d", cname,
                                     c ? OXNAME(gerc) : OXNAME(geru), m, n, layout);
                            CHECK_OK((c ? OX(gerc) : OX(geru))(ctx, m, n, &alpha, u.p, u.rs, v.p, v.rs, a.p, a.rs,
                                                               a.cs),
                                     "%s", what);
                            FN(compare)(what, &a, want, 8.0);
                            FN(cfree)(&u);
                            FN(cfree)(&v);
                        }
                    }
                    FN(cfree)(&a);
                }
            }
        }
    }
}

static void FN(hermitian2)(const oxpar_context *ctx, const char *cname) {
    size_t ni, i, j;
    int uplo, layout, herm;
    char what[160];
    T alpha = (T)(0.5 - 1.5 * I), beta = (T)(2.0 + 0.5 * I);
    R ralpha = (R)0.75;
    for (ni = 0; ni < 4; ni++) {
        size_t n = FN(n2)[ni];
        for (uplo = 0; uplo < 2; uplo++) {
            for (layout = 0; layout < 5; layout++) {
                /* hemv (and symv's complex cousin is not in BLAS): A's other
                 * triangle NaN, its diagonal's imaginary parts garbage. */
                FN(cmat) a = FN(cmat_make)(n, n, layout);
                FN(cmat) x = FN(cvec_make)(n, layout), y = FN(cvec_make)(n, layout + 1);
                D *full, *want;
                FN(poison_other)(&a, uplo);
                full = FN(full_dense)(&a, uplo, 1);
                want = FN(snapshot)(&y);
                for (i = 0; i < n; i++) {
                    D s = 0.0;
                    for (j = 0; j < n; j++) {
                        s += full[i * n + j] * FN(cget)(&x, j, 0);
                    }
                    want[FN(cpos)(&y, i, 0)] = (D)alpha * s + (D)beta * FN(cget)(&y, i, 0);
                }
                snprintf(what, sizeof what, "%s %s uplo %d n %zu layout %d", cname, OXNAME(hemv), uplo, n, layout);
                CHECK_OK(OX(hemv)(ctx, uplo, n, &alpha, a.p, a.rs, a.cs, x.p, x.rs, &beta, y.p, y.rs), "%s", what);
                FN(compare)(what, &y, want, 8.0 * (double)(n + 1));
                free(full);

                /* her (real alpha) and her2: only the uplo triangle changes,
                 * the diagonal comes out real. */
                for (herm = 0; herm < 2; herm++) {
                    FN(cmat) c = FN(cmat_make)(n, n, layout + 2);
                    FN(poison_other)(&c, uplo);
                    want = FN(snapshot)(&c);
                    for (i = 0; i < n; i++) {
                        for (j = 0; j < n; j++) {
                            D xi = FN(cget)(&x, i, 0), xj = FN(cget)(&x, j, 0);
                            D yi = FN(cget)(&y, i, 0), yj = FN(cget)(&y, j, 0);
                            D add;
                            size_t p = FN(cpos)(&c, i, j);
                            if (!FN(holds)(uplo, i, j)) continue;
                            add = herm ? (D)alpha * xi * conj(yj) + conj((D)alpha) * yi * conj(xj)
                                       : (double)ralpha * xi * conj(xj);
                            want[p] += add;
                            if (i == j) {
                                want[p] = creal(want[p]);
                            }
                        }
                    }
                    snprintf(what, sizeof what, "%s %s uplo %d n %zu layout %d", cname,
                             herm ? OXNAME(her2) : OXNAME(her), uplo, n, layout);
                    if (herm) {
                        CHECK_OK(OX(her2)(ctx, uplo, n, &alpha, x.p, x.rs, y.p, y.rs, c.p, c.rs, c.cs), "%s", what);
                    } else {
                        CHECK_OK(OX(her)(ctx, uplo, n, &ralpha, x.p, x.rs, c.p, c.rs, c.cs), "%s", what);
                    }
                    FN(compare)(what, &c, want, 16.0);
                    FN(cfree)(&c);
                }
                FN(cfree)(&a);
                FN(cfree)(&x);
                FN(cfree)(&y);
            }
        }
    }
}

static void FN(triangular2)(const oxpar_context *ctx, const char *cname) {
    size_t ni, i, j;
    int uplo, trans, diag, layout;
    char what[160];
    for (ni = 0; ni < 4; ni++) {
        size_t n = FN(n2)[ni];
        for (uplo = 0; uplo < 2; uplo++) {
            for (trans = 0; trans < 3; trans++) {
                for (diag = 0; diag < 2; diag++) {
                    layout = (int)(uplo + trans + diag + ni);
                    {
                        FN(cmat) a = FN(cmat_make)(n, n, layout);
                        FN(cmat) x = FN(cvec_make)(n, layout);
                        D *t, *want, *rhs;
                        FN(strong_diagonal)(&a);
                        FN(poison_other)(&a, uplo);
                        if (diag == OXPAR_DIAG_UNIT) {
                            for (i = 0; i < n; i++) a.buf[FN(cpos)(&a, i, i)] = (T)test_nan();
                        }
                        /* trmv */
                        t = FN(tri_dense)(&a, uplo, trans, diag);
                        want = FN(snapshot)(&x);
                        for (i = 0; i < n; i++) {
                            D s = 0.0;
                            for (j = 0; j < n; j++) s += t[i * n + j] * FN(cget)(&x, j, 0);
                            want[FN(cpos)(&x, i, 0)] = s;
                        }
                        snprintf(what, sizeof what, "%s %s uplo %d trans %d diag %d n %zu", cname, OXNAME(trmv),
                                 uplo, trans, diag, n);
                        CHECK_OK(OX(trmv)(ctx, uplo, trans, diag, n, a.p, a.rs, a.cs, x.p, x.rs), "%s", what);
                        FN(compare)(what, &x, want, 32.0);
                        /* trsv */
                        rhs = (D *)xmalloc((n + 1) * sizeof(D));
                        for (i = 0; i < n; i++) rhs[i] = FN(cget)(&x, i, 0);
                        FN(solve)(t, n, rhs);
                        want = FN(snapshot)(&x);
                        for (i = 0; i < n; i++) want[FN(cpos)(&x, i, 0)] = rhs[i];
                        snprintf(what, sizeof what, "%s %s uplo %d trans %d diag %d n %zu", cname, OXNAME(trsv),
                                 uplo, trans, diag, n);
                        CHECK_OK(OX(trsv)(ctx, uplo, trans, diag, n, a.p, a.rs, a.cs, x.p, x.rs), "%s", what);
                        FN(compare)(what, &x, want, 64.0);
                        free(rhs);
                        free(t);
                        FN(cfree)(&a);
                        FN(cfree)(&x);
                    }
                }
            }
        }
    }
}

/* ---- Level 3 ---- */

static const size_t FN(n3)[] = {0, 1, 4, 7};

static void FN(gemm_all)(const oxpar_context *ctx, const char *cname) {
    size_t mi, ni, ki, i, j;
    int ta, tb;
    char what[160];
    T alpha = (T)(0.5 + 1.0 * I), beta = (T)(-1.0 + 0.5 * I);
    for (mi = 0; mi < 4; mi++) {
        for (ni = 1; ni < 4; ni++) {
            for (ki = 0; ki < 4; ki++) {
                size_t m = FN(n3)[mi], n = FN(n3)[ni], k = FN(n3)[ki];
                for (ta = 0; ta < 3; ta++) {
                    for (tb = 0; tb < 3; tb++) {
                        int layout = (int)(mi + ni + ki) + ta + 2 * tb;
                        FN(cmat) a = ta ? FN(cmat_make)(k, m, layout) : FN(cmat_make)(m, k, layout);
                        FN(cmat) b = tb ? FN(cmat_make)(n, k, layout + 1) : FN(cmat_make)(k, n, layout + 1);
                        FN(cmat) c = FN(cmat_make)(m, n, layout + 2);
                        D *pa = FN(op_dense)(&a, ta), *pb = FN(op_dense)(&b, tb);
                        D *ab = FN(mul)(pa, pb, m, k, n);
                        D *want = FN(snapshot)(&c);
                        for (i = 0; i < m; i++) {
                            for (j = 0; j < n; j++) {
                                want[FN(cpos)(&c, i, j)] = (D)alpha * ab[i * n + j] + (D)beta * FN(cget)(&c, i, j);
                            }
                        }
                        snprintf(what, sizeof what, "%s %s trans %d,%d %zux%zux%zu", cname, OXNAME(gemm), ta, tb, m,
                                 n, k);
                        CHECK_OK(OX(gemm)(ctx, ta, tb, m, n, k, &alpha, a.p, a.rs, a.cs, b.p, b.rs, b.cs, &beta, c.p,
                                          c.rs, c.cs),
                                 "%s", what);
                        FN(compare)(what, &c, want, 8.0 * (double)(k + 1));
                        free(pa);
                        free(pb);
                        free(ab);
                        FN(cfree)(&a);
                        FN(cfree)(&b);
                        FN(cfree)(&c);
                    }
                }
            }
        }
    }
}

static void FN(structured3)(const oxpar_context *ctx, const char *cname) {
    size_t mi, ni, i, j;
    int side, uplo, trans, diag, herm;
    char what[160];
    T alpha = (T)(1.0 - 0.5 * I), beta = (T)(0.5 + 0.5 * I), zero = (T)0.0;
    R ralpha = (R)1.25, rbeta = (R)-0.5;
    for (mi = 0; mi < 4; mi++) {
        for (ni = 0; ni < 4; ni++) {
            size_t m = FN(n3)[mi], n = FN(n3)[ni];
            int layout = (int)(mi + 2 * ni);
            /* symm, hemm */
            for (side = 0; side < 2; side++) {
                for (uplo = 0; uplo < 2; uplo++) {
                    for (herm = 0; herm < 2; herm++) {
                        size_t na = side ? n : m;
                        FN(cmat) a = FN(cmat_make)(na, na, layout);
                        FN(cmat) b = FN(cmat_make)(m, n, layout + 1);
                        FN(cmat) c = FN(cmat_make)(m, n, layout + 2);
                        D *full, *pb = FN(op_dense)(&b, 0), *prod, *want;
                        FN(poison_other)(&a, uplo);
                        full = FN(full_dense)(&a, uplo, herm);
                        prod = side ? FN(mul)(pb, full, m, n, n) : FN(mul)(full, pb, m, m, n);
                        want = FN(snapshot)(&c);
                        for (i = 0; i < m; i++) {
                            for (j = 0; j < n; j++) {
                                want[FN(cpos)(&c, i, j)] = (D)alpha * prod[i * n + j];
                            }
                        }
                        /* beta = 0 with NaN in C: C is not read */
                        for (i = 0; i < m; i++) {
                            for (j = 0; j < n; j++) c.buf[FN(cpos)(&c, i, j)] = (T)test_nan();
                        }
                        snprintf(what, sizeof what, "%s %s side %d uplo %d %zux%zu", cname,
                                 herm ? OXNAME(hemm) : OXNAME(symm), side, uplo, m, n);
                        if (herm) {
                            CHECK_OK(OX(hemm)(ctx, side, uplo, m, n, &alpha, a.p, a.rs, a.cs, b.p, b.rs, b.cs, &zero,
                                              c.p, c.rs, c.cs),
                                     "%s", what);
                        } else {
                            if (side == 0 && uplo == 0) {
                                /* symm reads the diagonal's imaginary parts: no NaN there */
                            }
                            CHECK_OK(OX(symm)(ctx, side, uplo, m, n, &alpha, a.p, a.rs, a.cs, b.p, b.rs, b.cs, &zero,
                                              c.p, c.rs, c.cs),
                                     "%s", what);
                        }
                        FN(compare)(what, &c, want, 8.0 * (double)(na + 1));
                        free(full);
                        free(pb);
                        free(prod);
                        FN(cfree)(&a);
                        FN(cfree)(&b);
                        FN(cfree)(&c);
                    }
                }
            }
            /* syrk, herk, syr2k, her2k: C is n x n, op(A) n x k with k = m */
            for (uplo = 0; uplo < 2; uplo++) {
                for (trans = 0; trans < 3; trans++) {
                    for (herm = 0; herm < 4; herm++) {
                        /* herm: 0 syrk, 1 herk, 2 syr2k, 3 her2k */
                        size_t k = m;
                        FN(cmat) a = trans ? FN(cmat_make)(k, n, layout) : FN(cmat_make)(n, k, layout);
                        FN(cmat) b = trans ? FN(cmat_make)(k, n, layout + 3) : FN(cmat_make)(n, k, layout + 3);
                        FN(cmat) c = FN(cmat_make)(n, n, layout + 1);
                        D *pa = FN(op_dense)(&a, trans), *pb = FN(op_dense)(&b, trans);
                        D *want;
                        int is_herm = herm == 1 || herm == 3;
                        FN(poison_other)(&c, uplo);
                        want = FN(snapshot)(&c);
                        for (i = 0; i < n; i++) {
                            for (j = 0; j < n; j++) {
                                D s = 0.0, s2 = 0.0;
                                size_t l, p = FN(cpos)(&c, i, j);
                                if (!FN(holds)(uplo, i, j)) continue;
                                for (l = 0; l < k; l++) {
                                    D ail = pa[i * k + l], ajl = pa[j * k + l];
                                    D bil = pb[i * k + l], bjl = pb[j * k + l];
                                    switch (herm) {
                                    case 0: s += ail * ajl; break;
                                    case 1: s += ail * conj(ajl); break;
                                    case 2: s += ail * bjl + bil * ajl; break;
                                    default: s += ail * conj(bjl); s2 += bil * conj(ajl); break;
                                    }
                                }
                                switch (herm) {
                                case 0: want[p] = (D)alpha * s + (D)beta * want[p]; break;
                                case 1: want[p] = (double)ralpha * s + (double)rbeta * want[p]; break;
                                case 2: want[p] = (D)alpha * s + (D)beta * want[p]; break;
                                default:
                                    want[p] = (D)alpha * s + conj((D)alpha) * s2 + (double)rbeta * want[p];
                                    break;
                                }
                                if (is_herm && i == j) {
                                    want[p] = creal(want[p]);
                                }
                            }
                        }
                        snprintf(what, sizeof what, "%s %s uplo %d trans %d n %zu k %zu", cname,
                                 herm == 0 ? OXNAME(syrk) : herm == 1 ? OXNAME(herk) : herm == 2 ? OXNAME(syr2k)
                                                                                                : OXNAME(her2k),
                                 uplo, trans, n, k);
                        switch (herm) {
                        case 0:
                            CHECK_OK(OX(syrk)(ctx, uplo, trans, n, k, &alpha, a.p, a.rs, a.cs, &beta, c.p, c.rs, c.cs),
                                     "%s", what);
                            break;
                        case 1:
                            CHECK_OK(OX(herk)(ctx, uplo, trans, n, k, &ralpha, a.p, a.rs, a.cs, &rbeta, c.p, c.rs,
                                              c.cs),
                                     "%s", what);
                            break;
                        case 2:
                            CHECK_OK(OX(syr2k)(ctx, uplo, trans, n, k, &alpha, a.p, a.rs, a.cs, b.p, b.rs, b.cs, &beta,
                                               c.p, c.rs, c.cs),
                                     "%s", what);
                            break;
                        default:
                            CHECK_OK(OX(her2k)(ctx, uplo, trans, n, k, &alpha, a.p, a.rs, a.cs, b.p, b.rs, b.cs,
                                               &rbeta, c.p, c.rs, c.cs),
                                     "%s", what);
                            break;
                        }
                        FN(compare)(what, &c, want, 16.0 * (double)(k + 1));
                        free(pa);
                        free(pb);
                        FN(cfree)(&a);
                        FN(cfree)(&b);
                        FN(cfree)(&c);
                    }
                }
            }
            /* trmm, trsm */
            for (side = 0; side < 2; side++) {
                for (uplo = 0; uplo < 2; uplo++) {
                    for (trans = 0; trans < 3; trans++) {
                        for (diag = 0; diag < 2; diag++) {
                            size_t na = side ? n : m;
                            FN(cmat) a = FN(cmat_make)(na, na, layout + trans);
                            FN(cmat) b = FN(cmat_make)(m, n, layout + diag + 1);
                            D *t, *pb, *prod, *want;
                            FN(strong_diagonal)(&a);
                            FN(poison_other)(&a, uplo);
                            if (diag == OXPAR_DIAG_UNIT) {
                                for (i = 0; i < na; i++) a.buf[FN(cpos)(&a, i, i)] = (T)test_nan();
                            }
                            t = FN(tri_dense)(&a, uplo, trans, diag);
                            pb = FN(op_dense)(&b, 0);
                            prod = side ? FN(mul)(pb, t, m, n, n) : FN(mul)(t, pb, m, m, n);
                            want = FN(snapshot)(&b);
                            for (i = 0; i < m; i++) {
                                for (j = 0; j < n; j++) want[FN(cpos)(&b, i, j)] = (D)alpha * prod[i * n + j];
                            }
                            snprintf(what, sizeof what, "%s %s side %d uplo %d trans %d diag %d %zux%zu", cname,
                                     OXNAME(trmm), side, uplo, trans, diag, m, n);
                            CHECK_OK(OX(trmm)(ctx, side, uplo, trans, diag, m, n, &alpha, a.p, a.rs, a.cs, b.p, b.rs,
                                              b.cs),
                                     "%s", what);
                            FN(compare)(what, &b, want, 64.0 * (double)(na + 1));
                            free(prod);
                            free(pb);
                            /* trsm: solving with what trmm made gives back alpha^2 * B0 / alpha ... so
                             * check trsm on its own: op(A) X = alpha B (left) or X op(A) = alpha B. */
                            {
                                D *x = (D *)xmalloc((m * n + 1) * sizeof(D)), *col = (D *)xmalloc((na + 1) * sizeof(D));
                                D *tt = (D *)xmalloc((na * na + 1) * sizeof(D));
                                size_t l;
                                if (side == 0) {
                                    for (j = 0; j < n; j++) {
                                        memcpy(tt, t, (na * na + 1) * sizeof(D));
                                        for (i = 0; i < m; i++) col[i] = (D)alpha * FN(cget)(&b, i, j);
                                        FN(solve)(tt, na, col);
                                        for (i = 0; i < m; i++) x[i * n + j] = col[i];
                                    }
                                } else {
                                    /* X op(A) = alpha B  <=>  op(A)^T X^T = alpha B^T */
                                    for (i = 0; i < m; i++) {
                                        for (j = 0; j < na; j++) {
                                            for (l = 0; l < na; l++) tt[j * na + l] = t[l * na + j];
                                        }
                                        for (j = 0; j < n; j++) col[j] = (D)alpha * FN(cget)(&b, i, j);
                                        FN(solve)(tt, na, col);
                                        for (j = 0; j < n; j++) x[i * n + j] = col[j];
                                    }
                                }
                                want = FN(snapshot)(&b);
                                for (i = 0; i < m; i++) {
                                    for (j = 0; j < n; j++) want[FN(cpos)(&b, i, j)] = x[i * n + j];
                                }
                                snprintf(what, sizeof what, "%s %s side %d uplo %d trans %d diag %d %zux%zu", cname,
                                         OXNAME(trsm), side, uplo, trans, diag, m, n);
                                CHECK_OK(OX(trsm)(ctx, side, uplo, trans, diag, m, n, &alpha, a.p, a.rs, a.cs, b.p,
                                                  b.rs, b.cs),
                                         "%s", what);
                                FN(compare)(what, &b, want, 512.0 * (double)(na + 1));
                                free(x);
                                free(col);
                                free(tt);
                            }
                            free(t);
                            FN(cfree)(&a);
                            FN(cfree)(&b);
                        }
                    }
                }
            }
        }
    }
}

/* ---- Band and packed storage (trans 2 conjugates around the transpose) ---- */

/* Dense (row-major) m x n of a band in LAPACK storage (element (i, j) at
 * a[ku + i - j + j*lda]), zero outside the band, the diagonal 1 if `unit`. */
static D *FN(band_dense)(const T *a, size_t m, size_t n, size_t kl, size_t ku, size_t lda, int unit) {
    D *o = (D *)xmalloc((m * n + 1) * sizeof(D));
    size_t i, j;
    for (i = 0; i < m; i++) {
        for (j = 0; j < n; j++) {
            D v = 0.0;
            if (i + ku >= j && i <= j + kl) {
                v = (D)a[ku + i - j + j * lda];
            }
            if (unit && i == j) v = 1.0;
            o[i * n + j] = v;
        }
    }
    return o;
}

/* op(M) of a dense row-major r x c matrix: trans 0, 1 or 2 (conjugate). */
static D *FN(dense_op)(const D *mtx, size_t r, size_t c, int trans) {
    D *o = (D *)xmalloc((r * c + 1) * sizeof(D));
    size_t i, j;
    for (i = 0; i < r; i++) {
        for (j = 0; j < c; j++) {
            D v = mtx[i * c + j];
            if (trans == OXPAR_TRANS_CONJ) v = conj(v);
            if (trans) {
                o[j * r + i] = v;
            } else {
                o[i * c + j] = v;
            }
        }
    }
    return o;
}

/* Band storage of `len` elements: NaN everywhere (never read), then random
 * values in the band, the diagonal strong (for the solves) unless `unit`
 * leaves it NaN. */
static T *FN(band_make)(size_t m, size_t n, size_t kl, size_t ku, size_t lda, int unit, size_t *len) {
    size_t i, j;
    T *a;
    *len = n * lda + 1;
    a = (T *)xmalloc(*len * sizeof(T));
    for (i = 0; i < *len; i++) a[i] = (T)test_nan();
    for (j = 0; j < n; j++) {
        for (i = 0; i < m; i++) {
            if (i + ku >= j && i <= j + kl) {
                a[ku + i - j + j * lda] = i == j ? (unit ? (T)test_nan() : (T)(4.0 + rnd() + rnd() * I))
                                                 : FN(crnd)();
            }
        }
    }
    return a;
}

static void FN(band_packed)(const oxpar_context *ctx, const char *cname) {
    static const size_t sizes[] = {0, 1, 4, 6}, widths[] = {0, 1, 3};
    size_t mi, ni, wi, wj, i, j, len;
    int trans, uplo, diag, inc;
    char what[160];
    T alpha = (T)(0.5 - 1.0 * I), beta = (T)(1.5 + 0.25 * I);
    for (mi = 0; mi < 4; mi++) {
        for (ni = 0; ni < 4; ni++) {
            for (wi = 0; wi < 3; wi++) {
                for (wj = 0; wj < 3; wj++) {
                    size_t m = sizes[mi], n = sizes[ni], kl = widths[wi], ku = widths[wj], lda = kl + ku + 2;
                    for (trans = 0; trans < 3; trans++) {
                        size_t lx = trans ? m : n, ly = trans ? n : m;
                        T *a = FN(band_make)(m, n, kl, ku, lda, 0, &len);
                        D *dense = FN(band_dense)(a, m, n, kl, ku, lda, 0);
                        D *op = FN(dense_op)(dense, m, n, trans);
                        FN(cmat) x = FN(cvec_make)(lx, (int)(mi + trans)), y = FN(cvec_make)(ly, (int)(ni + 2 * trans));
                        D *want = FN(snapshot)(&y);
                        for (i = 0; i < ly; i++) {
                            D acc = 0.0;
                            for (j = 0; j < lx; j++) acc += op[i * lx + j] * FN(cget)(&x, j, 0);
                            want[FN(cpos)(&y, i, 0)] = (D)alpha * acc + (D)beta * FN(cget)(&y, i, 0);
                        }
                        snprintf(what, sizeof what, "%s %s trans %d %zux%zu kl %zu ku %zu", cname, OXNAME(gbmv),
                                 trans, m, n, kl, ku);
                        CHECK_OK(OX(gbmv)(ctx, trans, m, n, kl, ku, &alpha, a, (ptrdiff_t)lda, x.p, x.rs, &beta, y.p,
                                          y.rs),
                                 "%s", what);
                        FN(compare)(what, &y, want, 8.0 * (double)(lx + 1));
                        free(a);
                        free(dense);
                        free(op);
                        FN(cfree)(&x);
                        FN(cfree)(&y);
                    }
                }
            }
        }
    }
    /* tbmv, tbsv, tpmv, tpsv */
    for (ni = 0; ni < 4; ni++) {
        size_t n = sizes[ni];
        for (wi = 0; wi < 3; wi++) {
            size_t k = widths[wi];
            for (uplo = 0; uplo < 2; uplo++) {
                for (trans = 0; trans < 3; trans++) {
                    for (diag = 0; diag < 2; diag++) {
                        size_t kl = uplo == OXPAR_UPLO_UPPER ? 0 : k, ku = uplo == OXPAR_UPLO_UPPER ? k : 0;
                        size_t lda = k + 1 + (size_t)diag, plen = n * (n + 1) / 2 + 1;
                        T *a = FN(band_make)(n, n, kl, ku, lda, diag, &len);
                        T *ap = (T *)xmalloc(plen * sizeof(T));
                        D *dense = FN(band_dense)(a, n, n, kl, ku, lda, diag), *t, *rhs, *want, *full;
                        inc = (int)(wi + (size_t)trans);
                        for (i = 0; i < plen; i++) ap[i] = (T)test_nan();
                        for (j = 0; j < n; j++) {
                            for (i = 0; i < n; i++) {
                                size_t at;
                                if (uplo == OXPAR_UPLO_UPPER ? i > j : i < j) continue;
                                at = uplo == OXPAR_UPLO_UPPER ? i + j * (j + 1) / 2 : i + j * (2 * n - j - 1) / 2;
                                ap[at] = i == j ? (diag ? (T)test_nan() : (T)(4.0 + rnd() + rnd() * I)) : FN(crnd)();
                            }
                        }
                        {
                            int packed;
                            for (packed = 0; packed < 2; packed++) {
                                FN(cmat) x = FN(cvec_make)(n, inc + packed);
                                if (packed) {
                                    /* the dense triangle of the packed storage */
                                    full = (D *)xmalloc((n * n + 1) * sizeof(D));
                                    for (i = 0; i < n; i++) {
                                        for (j = 0; j < n; j++) {
                                            size_t at;
                                            D v = 0.0;
                                            if (uplo == OXPAR_UPLO_UPPER ? i <= j : i >= j) {
                                                at = uplo == OXPAR_UPLO_UPPER ? i + j * (j + 1) / 2
                                                                              : i + j * (2 * n - j - 1) / 2;
                                                v = (D)ap[at];
                                            }
                                            if (diag && i == j) v = 1.0;
                                            full[i * n + j] = v;
                                        }
                                    }
                                } else {
                                    full = dense;
                                }
                                t = FN(dense_op)(full, n, n, trans);
                                want = FN(snapshot)(&x);
                                for (i = 0; i < n; i++) {
                                    D acc = 0.0;
                                    for (j = 0; j < n; j++) acc += t[i * n + j] * FN(cget)(&x, j, 0);
                                    want[FN(cpos)(&x, i, 0)] = acc;
                                }
                                snprintf(what, sizeof what, "%s %s uplo %d trans %d diag %d n %zu k %zu", cname,
                                         packed ? OXNAME(tpmv) : OXNAME(tbmv), uplo, trans, diag, n, k);
                                if (packed) {
                                    CHECK_OK(OX(tpmv)(ctx, uplo, trans, diag, n, ap, x.p, x.rs), "%s", what);
                                } else {
                                    CHECK_OK(OX(tbmv)(ctx, uplo, trans, diag, n, k, a, (ptrdiff_t)lda, x.p, x.rs),
                                             "%s", what);
                                }
                                FN(compare)(what, &x, want, 32.0);
                                rhs = (D *)xmalloc((n + 1) * sizeof(D));
                                for (i = 0; i < n; i++) rhs[i] = FN(cget)(&x, i, 0);
                                FN(solve)(t, n, rhs);
                                want = FN(snapshot)(&x);
                                for (i = 0; i < n; i++) want[FN(cpos)(&x, i, 0)] = rhs[i];
                                snprintf(what, sizeof what, "%s %s uplo %d trans %d diag %d n %zu k %zu", cname,
                                         packed ? OXNAME(tpsv) : OXNAME(tbsv), uplo, trans, diag, n, k);
                                if (packed) {
                                    CHECK_OK(OX(tpsv)(ctx, uplo, trans, diag, n, ap, x.p, x.rs), "%s", what);
                                } else {
                                    CHECK_OK(OX(tbsv)(ctx, uplo, trans, diag, n, k, a, (ptrdiff_t)lda, x.p, x.rs),
                                             "%s", what);
                                }
                                FN(compare)(what, &x, want, 64.0);
                                free(rhs);
                                free(t);
                                if (packed) free(full);
                                FN(cfree)(&x);
                            }
                        }
                        free(a);
                        free(ap);
                        free(dense);
                    }
                }
            }
        }
    }
}

/* ---- Bad input ---- */

static void FN(bad_input)(const oxpar_context *ctx) {
    T buf[64];
    T one = (T)1.0;
    R rone = (R)1;
    R rout;
    T out;
    T *misaligned = (T *)(void *)((char *)buf + 1);
    size_t i;
    for (i = 0; i < 64; i++) buf[i] = (T)1.0;
    CHECK_ERR(OX(gemv)(ctx, 3, 2, 2, &one, buf, 1, 2, buf + 8, 1, &one, buf + 16, 1),
              OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(gemv), "trans");
    CHECK_ERR(OX(gemm)(ctx, 0, -1, 2, 2, 2, &one, buf, 1, 2, buf + 8, 1, 2, &one, buf + 16, 1, 2),
              OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(gemm), "transb");
    CHECK_ERR(OX(herk)(ctx, 0, 3, 2, 2, &rone, buf, 1, 2, &rone, buf + 16, 1, 2),
              OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(herk), "trans");
    CHECK_ERR(OX(herk)(ctx, 0, 0, 2, 2, &rone, buf, 1, 2, NULL, buf + 16, 1, 2),
              OXPAR_STATUS_NULL_POINTER, OXNAME(herk), "beta");
    CHECK_ERR(OX(her)(ctx, 0, 2, NULL, buf, 1, buf + 16, 1, 2), OXPAR_STATUS_NULL_POINTER, OXNAME(her),
              "alpha");
    CHECK_ERR(OX(hemv)(NULL, 0, 2, &one, buf, 1, 2, buf + 8, 1, &one, buf + 16, 1),
              OXPAR_STATUS_NULL_POINTER, OXNAME(hemv), "ctx");
    CHECK_ERR(OX(hemm)(ctx, 2, 0, 2, 2, &one, buf, 1, 2, buf + 8, 1, 2, &one, buf + 16, 1, 2),
              OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(hemm), "side");
    CHECK_ERR(OX(axpy)(ctx, 2, &one, misaligned, 1, buf + 8, 1), OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(axpy),
              "x");
    CHECK_ERR(OX(dotc)(ctx, 2, buf, 1, buf + 8, 1, NULL), OXPAR_STATUS_NULL_POINTER, OXNAME(dotc), "out");
    CHECK_ERR(OX(dotu)(ctx, 2, NULL, 1, buf + 8, 1, &out), OXPAR_STATUS_NULL_POINTER, OXNAME(dotu), "x");
    CHECK_ERR(NRM2(ctx, 2, buf, 1, NULL), OXPAR_STATUS_NULL_POINTER, NAME_NRM2, "out");
    CHECK_ERR(ASUM(ctx, 2, misaligned, 1, &rout), OXPAR_STATUS_INVALID_ARGUMENT, NAME_ASUM, "x");
    CHECK_ERR(RSCAL(ctx, 2, &rone, buf, 0), OXPAR_STATUS_INVALID_STRIDE, NAME_RSCAL, "incx");
    CHECK_ERR(RSCAL(ctx, 2, NULL, buf, 1), OXPAR_STATUS_NULL_POINTER, NAME_RSCAL, "alpha");
    CHECK_ERR(OX(gerc)(ctx, 2, 2, &one, buf, 1, buf + 8, 1, buf + 16, 1, 1), OXPAR_STATUS_INVALID_STRIDE,
              OXNAME(gerc), "rsa");
    CHECK_ERR(OX(swap)(ctx, 3, buf, 1, buf + 1, 1), OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(swap), NULL);
}

static void FN(aliasing)(const oxpar_context *ctx, const char *cname) {
    /* y := alpha*A*x + beta*y with x the very same memory as y: as if x were read first. */
    FN(cmat) a = FN(cmat_make)(3, 3, 0), y = FN(cvec_make)(3, 0);
    T alpha = (T)(1.0 + 1.0 * I), beta = (T)(0.5 - 0.5 * I);
    D *want = FN(snapshot)(&y);
    size_t i, j;
    for (i = 0; i < 3; i++) {
        D s = 0.0;
        for (j = 0; j < 3; j++) s += conj(FN(cget)(&a, j, i)) * FN(cget)(&y, j, 0);
        want[FN(cpos)(&y, i, 0)] = (D)alpha * s + (D)beta * FN(cget)(&y, i, 0);
    }
    CHECK_OK(OX(gemv)(ctx, OXPAR_TRANS_CONJ, 3, 3, &alpha, a.p, a.rs, a.cs, y.p, y.rs, &beta, y.p, y.rs),
             "%s gemv x == y", cname);
    FN(compare)("gemv conj with x == y", &y, want, 16.0);
    FN(cfree)(&a);
    FN(cfree)(&y);
}

static void FN(complex_all)(const oxpar_context *ctx, const char *cname) {
    rnd_seed(7);
    FN(level1)(ctx, cname);
    FN(level1_special)(ctx, cname);
    FN(gemv_ger)(ctx, cname);
    FN(hermitian2)(ctx, cname);
    FN(triangular2)(ctx, cname);
    FN(gemm_all)(ctx, cname);
    FN(structured3)(ctx, cname);
    FN(band_packed)(ctx, cname);
    FN(aliasing)(ctx, cname);
    FN(bad_input)(ctx);
}

#undef GLUE_
#undef GLUE
#undef FN
#undef OX
#undef OXNAME
