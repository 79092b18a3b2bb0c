/*
 * The tests of the symmetric and triangular routines (symv, trmv, trsv, syr,
 * syr2, symm, syrk, syr2k, trmm, trsm) for one precision: included by
 * test_structured.c once for float and once for double, with these macros:
 *
 *   T    the element type      TL   its letter (s or d), bare
 *   TLS  the letter as a string SFX  a suffix for local names
 *   TOL  relative tolerance
 *
 * Every operand lies in a buffer bigger than its elements (strides leave
 * gaps, some negative, some row-major). The whole output buffer is compared
 * with the expected one, so a write outside the operand or into the triangle
 * that must not be touched is caught. References are naive loops in double
 * on dense copies of the operands.
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
} FN(smat);

/* Layouts: 0 column-major (ld > rows), 1 row-major, 2 both strides > 1,
 * 3 both negative, 4 row-major with a negative row stride. A vector is a
 * one-column matrix (inc = rs): increments 1, 2, -1, -3. */
static FN(smat) FN(smat_make)(size_t rows, size_t cols, int layout) {
    FN(smat) a;
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
        a.buf[i] = (T)rnd();
    }
    if (rows > 0 && cols > 0) {
        off += a.rs < 0 ? (rows - 1) * srs : 0;
        off += a.cs < 0 ? (cols - 1) * scs : 0;
    }
    a.p = a.buf + off;
    return a;
}

static FN(smat) FN(svec_make)(size_t n, int which) {
    static const ptrdiff_t incs[4] = {1, 2, -1, -3};
    ptrdiff_t inc = incs[which % 4];
    FN(smat) v = FN(smat_make)(n, 1, 0);
    size_t i, step = (size_t)(inc < 0 ? -inc : inc);
    free(v.buf);
    v.rs = inc;
    v.cs = 1;
    v.len = n > 0 ? 1 + (n - 1) * step : 1;
    v.buf = (T *)xmalloc(v.len * sizeof(T));
    for (i = 0; i < v.len; i++) {
        v.buf[i] = (T)rnd();
    }
    v.p = v.buf + (inc < 0 && n > 0 ? (n - 1) * step : 0);
    return v;
}

static size_t FN(spos)(const FN(smat) *a, size_t i, size_t j) {
    return (size_t)((a->p - a->buf) + (ptrdiff_t)i * a->rs + (ptrdiff_t)j * a->cs);
}

static double FN(sget)(const FN(smat) *a, size_t i, size_t j) {
    return (double)a->buf[FN(spos)(a, i, j)];
}

/* A triangular matrix far from singular: its diagonal in [2, 6). */
static void FN(strong_diagonal)(FN(smat) *a) {
    size_t i;
    for (i = 0; i < a->rows && i < a->cols; i++) {
        a->buf[FN(spos)(a, i, i)] = (T)(4.0 + rnd());
    }
}

static int FN(holds)(int uplo, size_t i, size_t j) {
    return uplo == OXPAR_UPLO_UPPER ? i <= j : i >= j;
}

/* Dense n x n (row-major, double) of the symmetric matrix held in a's triangle. */
static double *FN(sym_dense)(const FN(smat) *a, int uplo) {
    size_t n = a->rows, i, j;
    double *s = (double *)xmalloc((n * n + 1) * sizeof(double));
    for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) {
            s[i * n + j] = FN(holds)(uplo, i, j) ? FN(sget)(a, i, j) : FN(sget)(a, j, i);
        }
    }
    return s;
}

/* Dense op(A) (row-major, double) of the triangular matrix held in a's triangle. */
static double *FN(tri_dense)(const FN(smat) *a, int uplo, int trans, int diag) {
    size_t n = a->rows, i, j;
    double *t = (double *)xmalloc((n * n + 1) * sizeof(double));
    for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) {
            double v;
            if (i == j) {
                v = diag == OXPAR_DIAG_UNIT ? 1.0 : FN(sget)(a, i, i);
            } else {
                v = FN(holds)(uplo, i, j) ? FN(sget)(a, i, j) : 0.0;
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

/* Solves the n x n system m*z = rhs (m triangular after op, nonzero diagonal)
 * in place by elimination without pivoting; m is destroyed. */
static void FN(solve)(double *m, size_t n, double *rhs) {
    size_t i, j, k;
    for (k = 0; k < n; k++) {
        for (i = k + 1; i < n; i++) {
            double f = m[i * n + k] / m[k * n + k];
            if (f == 0.0) continue;
            for (j = k; j < n; j++) {
                m[i * n + j] -= f * m[k * n + j];
            }
            rhs[i] -= f * rhs[k];
        }
    }
    for (i = n; i-- > 0;) {
        double s = rhs[i];
        for (j = i + 1; j < n; j++) {
            s -= m[i * n + j] * rhs[j];
        }
        rhs[i] = s / m[i * n + i];
    }
}

/* The expected buffer: the original with element (i, j) set to want[i*cols+j]
 * where mask allows (mask NULL: everywhere), and the tolerance per position. */
static void FN(expect)(const FN(smat) *c, const T *orig, const double *want, const double *scale,
                       int uplo_mask, T **exp_out, double **tol_out) {
    size_t i, j;
    T *e = (T *)xmalloc(c->len * sizeof(T));
    double *tol = (double *)xmalloc(c->len * sizeof(double));
    memcpy(e, orig, c->len * sizeof(T));
    for (i = 0; i < c->len; i++) {
        tol[i] = 0.0;
    }
    for (i = 0; i < c->rows; i++) {
        for (j = 0; j < c->cols; j++) {
            if (uplo_mask >= 0 && !FN(holds)(uplo_mask, i, j)) continue;
            e[FN(spos)(c, i, j)] = (T)want[i * c->cols + j];
            tol[FN(spos)(c, i, j)] = scale[i * c->cols + j] + 1.0;
        }
    }
    *exp_out = e;
    *tol_out = tol;
}

/* One check: the whole buffer, within TOL * tolerance where tol > 0, else bit for bit. */
static void FN(scompare)(const char *what, const FN(smat) *c, const T *want, const double *tol) {
    size_t i, bad = 0, first = 0;
    for (i = 0; i < c->len; i++) {
        int ok;
        if (tol[i] > 0) {
            ok = fabs((double)c->buf[i] - (double)want[i]) <= TOL * tol[i] && !isnan((double)c->buf[i]);
        } else {
            ok = memcmp(&c->buf[i], &want[i], sizeof(T)) == 0;
        }
        if (!ok && bad++ == 0) first = i;
    }
    CHECK(bad == 0, "%s: %lu of %lu positions differ, first at %lu: got %.9g want %.9g", what,
          (unsigned long)bad, (unsigned long)c->len, (unsigned long)first,
          bad ? (double)c->buf[first] : 0.0, bad ? (double)want[first] : 0.0);
}

static void FN(finish_case)(const char *what, FN(smat) *c, const T *orig, double *want,
                            double *scale, int uplo_mask) {
    T *e;
    double *tol;
    FN(expect)(c, orig, want, scale, uplo_mask, &e, &tol);
    FN(scompare)(what, c, e, tol);
    free(e);
    free(tol);
}

static void FN(nan_fill)(FN(smat) *c) {
    size_t i, j;
    for (i = 0; i < c->rows; i++) {
        for (j = 0; j < c->cols; j++) {
            c->buf[FN(spos)(c, i, j)] = (T)test_nan();
        }
    }
}

static const size_t FN(sizes)[] = {0, 1, 2, 5, 8};
#define NSIZES (sizeof(FN(sizes)) / sizeof(FN(sizes)[0]))

static void FN(level2_cases)(const oxpar_context *ctx) {
    size_t si, i, j, l;
    int uplo, trans, diag, lay = 0;
    char what[200];
    for (si = 0; si < NSIZES; si++) {
        size_t n = FN(sizes)[si];
        for (uplo = 0; uplo < 2; uplo++) {
            /* symv, beta 0 (y full of NaN) and beta 0.5 */
            int b;
            for (b = 0; b < 2; b++) {
                T alpha = (T)1.5, beta = b ? (T)0.5 : (T)0;
                FN(smat) a = FN(smat_make)(n, n, lay), x = FN(svec_make)(n, lay), y = FN(svec_make)(n, lay + 1);
                double *s = FN(sym_dense)(&a, uplo), *want = (double *)xmalloc((n + 1) * sizeof(double)),
                       *scale = (double *)xmalloc((n + 1) * sizeof(double));
                T *orig;
                if (!b) FN(nan_fill)(&y);
                orig = (T *)xmalloc(y.len * sizeof(T));
                memcpy(orig, y.buf, y.len * sizeof(T));
                for (i = 0; i < n; i++) {
                    double acc = 0, sc = 0;
                    for (j = 0; j < n; j++) {
                        acc += s[i * n + j] * FN(sget)(&x, j, 0);
                        sc += fabs(s[i * n + j] * FN(sget)(&x, j, 0));
                    }
                    want[i] = alpha * acc + (b ? beta * FN(sget)(&y, i, 0) : 0.0);
                    scale[i] = 2 * sc + 1;
                }
                CHECK_OK(OX(symv)(ctx, uplo, n, &alpha, a.p, a.rs, a.cs, x.p, x.rs, &beta, y.p, y.rs),
                         "symv n=%lu", (unsigned long)n);
                sprintf(what, "%s n=%lu uplo=%d beta=%g layout=%d", OXNAME(symv), (unsigned long)n, uplo,
                        (double)beta, lay % 5);
                FN(finish_case)(what, &y, orig, want, scale, -1);
                free(a.buf), free(x.buf), free(y.buf), free(s), free(want), free(scale), free(orig);
                lay++;
            }
            /* trmv and trsv */
            for (trans = 0; trans < 2; trans++) {
                for (diag = 0; diag < 2; diag++) {
                    int solve;
                    for (solve = 0; solve < 2; solve++) {
                        FN(smat) a = FN(smat_make)(n, n, lay), x = FN(svec_make)(n, lay);
                        double *t, *want = (double *)xmalloc((n + 1) * sizeof(double)),
                                   *scale = (double *)xmalloc((n + 1) * sizeof(double));
                        T *orig = (T *)xmalloc(x.len * sizeof(T));
                        oxpar_status st;
                        FN(strong_diagonal)(&a);
                        t = FN(tri_dense)(&a, uplo, trans, diag);
                        memcpy(orig, x.buf, x.len * sizeof(T));
                        for (i = 0; i < n; i++) {
                            double acc = 0, sc = 0;
                            for (j = 0; j < n; j++) {
                                acc += t[i * n + j] * FN(sget)(&x, j, 0);
                                sc += fabs(t[i * n + j] * FN(sget)(&x, j, 0));
                            }
                            want[i] = solve ? FN(sget)(&x, i, 0) : acc;
                            scale[i] = 2 * sc + 1;
                        }
                        if (solve) {
                            FN(solve)(t, n, want);
                            for (i = 0; i < n; i++) scale[i] = 64.0 * (double)(n + 1) * (1 + fabs(want[i]));
                            st = OX(trsv)(ctx, uplo, trans, diag, n, a.p, a.rs, a.cs, x.p, x.rs);
                        } else {
                            st = OX(trmv)(ctx, uplo, trans, diag, n, a.p, a.rs, a.cs, x.p, x.rs);
                        }
                        sprintf(what, "%s n=%lu uplo=%d trans=%d diag=%d layout=%d",
                                solve ? OXNAME(trsv) : OXNAME(trmv), (unsigned long)n, uplo, trans, diag,
                                lay % 5);
                        CHECK_OK(st, "%s", what);
                        FN(finish_case)(what, &x, orig, want, scale, -1);
                        free(a.buf), free(x.buf), free(t), free(want), free(scale), free(orig);
                        lay++;
                    }
                }
            }
            /* syr and syr2 */
            for (l = 0; l < 2; l++) {
                T alpha = (T)-0.75;
                FN(smat) a = FN(smat_make)(n, n, lay), x = FN(svec_make)(n, lay), y = FN(svec_make)(n, lay + 2);
                double *want = (double *)xmalloc((n * n + 1) * sizeof(double)),
                       *scale = (double *)xmalloc((n * n + 1) * sizeof(double));
                T *orig = (T *)xmalloc(a.len * sizeof(T));
                oxpar_status st;
                memcpy(orig, a.buf, a.len * sizeof(T));
                for (i = 0; i < n; i++) {
                    for (j = 0; j < n; j++) {
                        double xi = FN(sget)(&x, i, 0), xj = FN(sget)(&x, j, 0);
                        double yi = FN(sget)(&y, i, 0), yj = FN(sget)(&y, j, 0);
                        double upd = l ? xi * yj + yi * xj : xi * xj;
                        want[i * n + j] = FN(sget)(&a, i, j) + alpha * upd;
                        scale[i * n + j] = 4 + fabs(FN(sget)(&a, i, j));
                    }
                }
                if (l) {
                    st = OX(syr2)(ctx, uplo, n, &alpha, x.p, x.rs, y.p, y.rs, a.p, a.rs, a.cs);
                } else {
                    st = OX(syr)(ctx, uplo, n, &alpha, x.p, x.rs, a.p, a.rs, a.cs);
                }
                sprintf(what, "%s n=%lu uplo=%d layout=%d", l ? OXNAME(syr2) : OXNAME(syr), (unsigned long)n,
                        uplo, lay % 5);
                CHECK_OK(st, "%s", what);
                FN(finish_case)(what, &a, orig, want, scale, uplo);
                free(a.buf), free(x.buf), free(y.buf), free(want), free(scale), free(orig);
                lay++;
            }
        }
    }
}

/* sum over l of p(i, l) * q(l, j) with p, q dense row-major (p is r x kk, q kk x c). */
static void FN(dense_mul)(const double *p, const double *q, size_t r, size_t kk, size_t c, double *out,
                          double *scale) {
    size_t i, j, l;
    for (i = 0; i < r; i++) {
        for (j = 0; j < c; j++) {
            double acc = 0, sc = 0;
            for (l = 0; l < kk; l++) {
                acc += p[i * kk + l] * q[l * c + j];
                sc += fabs(p[i * kk + l] * q[l * c + j]);
            }
            out[i * c + j] = acc;
            scale[i * c + j] = sc;
        }
    }
}

static double *FN(dense_of)(const FN(smat) *a, int trans) {
    size_t r = trans ? a->cols : a->rows, c = trans ? a->rows : a->cols, i, j;
    double *d = (double *)xmalloc((r * c + 1) * sizeof(double));
    for (i = 0; i < r; i++) {
        for (j = 0; j < c; j++) {
            d[i * c + j] = trans ? FN(sget)(a, j, i) : FN(sget)(a, i, j);
        }
    }
    return d;
}

static void FN(level3_cases)(const oxpar_context *ctx) {
    static const size_t dims[][2] = {{0, 0}, {0, 3}, {3, 0}, {1, 1}, {1, 4}, {3, 5}, {5, 3}, {8, 7}};
    size_t di, i, j;
    int side, uplo, trans, diag, lay = 0;
    char what[200];
    for (di = 0; di < sizeof(dims) / sizeof(dims[0]); di++) {
        size_t m = dims[di][0], n = dims[di][1];
        for (uplo = 0; uplo < 2; uplo++) {
            for (side = 0; side < 2; side++) {
                /* symm */
                size_t na = side ? n : m;
                T alpha = (T)1.25, beta = (side ? (T)0 : (T)-0.5);
                FN(smat) a = FN(smat_make)(na, na, lay), b = FN(smat_make)(m, n, lay + 1),
                         c = FN(smat_make)(m, n, lay + 2);
                double *s = FN(sym_dense)(&a, uplo), *bd = FN(dense_of)(&b, 0),
                       *want = (double *)xmalloc((m * n + 1) * sizeof(double)),
                       *scale = (double *)xmalloc((m * n + 1) * sizeof(double));
                T *orig;
                if (beta == 0) FN(nan_fill)(&c);
                orig = (T *)xmalloc(c.len * sizeof(T));
                memcpy(orig, c.buf, c.len * sizeof(T));
                if (side) {
                    FN(dense_mul)(bd, s, m, n, n, want, scale);
                } else {
                    FN(dense_mul)(s, bd, m, m, n, want, scale);
                }
                for (i = 0; i < m * n; i++) {
                    want[i] *= alpha;
                    scale[i] = 2 * scale[i] + 1;
                }
                for (i = 0; i < m; i++) {
                    for (j = 0; j < n; j++) {
                        if (beta != 0) want[i * n + j] += beta * FN(sget)(&c, i, j);
                    }
                }
                sprintf(what, "%s m=%lu n=%lu side=%d uplo=%d layout=%d", OXNAME(symm), (unsigned long)m,
                        (unsigned long)n, side, uplo, lay % 5);
                CHECK_OK(OX(symm)(ctx, side, uplo, m, n, &alpha, a.p, a.rs, a.cs, b.p, b.rs, b.cs, &beta, c.p,
                                  c.rs, c.cs),
                         "%s", what);
                FN(finish_case)(what, &c, orig, want, scale, -1);
                free(a.buf), free(b.buf), free(c.buf), free(s), free(bd), free(want), free(scale), free(orig);
                lay++;
                /* trmm and trsm */
                for (trans = 0; trans < 2; trans++) {
                    for (diag = 0; diag < 2; diag++) {
                        int solve;
                        for (solve = 0; solve < 2; solve++) {
                            FN(smat) ta = FN(smat_make)(na, na, lay), tb = FN(smat_make)(m, n, lay + 3);
                            double *t, *bdd = FN(dense_of)(&tb, 0),
                                       *w = (double *)xmalloc((m * n + 1) * sizeof(double)),
                                       *sc = (double *)xmalloc((m * n + 1) * sizeof(double));
                            T *o = (T *)xmalloc(tb.len * sizeof(T));
                            T al = (di % 2) ? (T)0.5 : (T)1;
                            oxpar_status st;
                            if (di == 4) al = 0; /* alpha 0: B := 0, A not read */
                            FN(strong_diagonal)(&ta);
                            t = FN(tri_dense)(&ta, uplo, trans, diag);
                            memcpy(o, tb.buf, tb.len * sizeof(T));
                            if (!solve) {
                                if (side) {
                                    FN(dense_mul)(bdd, t, m, n, n, w, sc);
                                } else {
                                    FN(dense_mul)(t, bdd, m, m, n, w, sc);
                                }
                                for (i = 0; i < m * n; i++) {
                                    w[i] *= al;
                                    sc[i] = 2 * sc[i] + 1;
                                }
                                st = OX(trmm)(ctx, side, uplo, trans, diag, m, n, &al, ta.p, ta.rs, ta.cs, tb.p,
                                              tb.rs, tb.cs);
                            } else {
                                /* left: op(A) X = al B column by column; right: X op(A) = al B,
                                 * i.e. op(A)^T x_row = al b_row for each row. */
                                double *col = (double *)xmalloc((m + n + 1) * sizeof(double));
                                double *mm = (double *)xmalloc((na * na + 1) * sizeof(double));
                                size_t cnt = side ? m : n, len = side ? n : m, q;
                                for (q = 0; q < cnt; q++) {
                                    for (i = 0; i < na * na; i++) {
                                        mm[i] = side ? t[(i % na) * na + i / na] : t[i];
                                    }
                                    for (i = 0; i < len; i++) {
                                        col[i] = al * (side ? bdd[q * n + i] : bdd[i * n + q]);
                                    }
                                    FN(solve)(mm, na, col);
                                    for (i = 0; i < len; i++) {
                                        size_t at = side ? q * n + i : i * n + q;
                                        w[at] = col[i];
                                        sc[at] = 64.0 * (double)(na + 1) * (1 + fabs(col[i]));
                                    }
                                }
                                free(col);
                                free(mm);
                                st = OX(trsm)(ctx, side, uplo, trans, diag, m, n, &al, ta.p, ta.rs, ta.cs, tb.p,
                                              tb.rs, tb.cs);
                            }
                            sprintf(what, "%s m=%lu n=%lu side=%d uplo=%d trans=%d diag=%d alpha=%g layout=%d",
                                    solve ? OXNAME(trsm) : OXNAME(trmm), (unsigned long)m, (unsigned long)n, side,
                                    uplo, trans, diag, (double)al, lay % 5);
                            CHECK_OK(st, "%s", what);
                            FN(finish_case)(what, &tb, o, w, sc, -1);
                            free(ta.buf), free(tb.buf), free(t), free(bdd), free(w), free(sc), free(o);
                            lay++;
                        }
                    }
                }
            }
            /* syrk and syr2k: C is n x n, A and B n x k (or k x n with trans) */
            for (trans = 0; trans < 2; trans++) {
                int two;
                for (two = 0; two < 2; two++) {
                    size_t nn = m, k = n;
                    T alpha = (T)0.75, beta = trans ? (T)0 : (T)2;
                    FN(smat) a = trans ? FN(smat_make)(k, nn, lay) : FN(smat_make)(nn, k, lay);
                    FN(smat) b = trans ? FN(smat_make)(k, nn, lay + 1) : FN(smat_make)(nn, k, lay + 1);
                    FN(smat) c = FN(smat_make)(nn, nn, lay + 2);
                    double *ad = FN(dense_of)(&a, trans), *bd = FN(dense_of)(&b, trans);
                    double *want = (double *)xmalloc((nn * nn + 1) * sizeof(double)),
                           *scale = (double *)xmalloc((nn * nn + 1) * sizeof(double));
                    T *orig;
                    size_t l;
                    oxpar_status st;
                    if (beta == 0) FN(nan_fill)(&c);
                    orig = (T *)xmalloc(c.len * sizeof(T));
                    memcpy(orig, c.buf, c.len * sizeof(T));
                    for (i = 0; i < nn; i++) {
                        for (j = 0; j < nn; j++) {
                            double acc = 0, sc = 0;
                            for (l = 0; l < k; l++) {
                                double v = two ? ad[i * k + l] * bd[j * k + l] + bd[i * k + l] * ad[j * k + l]
                                               : ad[i * k + l] * ad[j * k + l];
                                acc += v;
                                sc += fabs(v);
                            }
                            want[i * nn + j] = alpha * acc + (beta != 0 ? beta * FN(sget)(&c, i, j) : 0.0);
                            scale[i * nn + j] = 2 * sc + 4 * fabs(FN(sget)(&c, i, j)) + 1;
                        }
                    }
                    if (two) {
                        st = OX(syr2k)(ctx, uplo, trans, nn, k, &alpha, a.p, a.rs, a.cs, b.p, b.rs, b.cs, &beta,
                                       c.p, c.rs, c.cs);
                    } else {
                        st = OX(syrk)(ctx, uplo, trans, nn, k, &alpha, a.p, a.rs, a.cs, &beta, c.p, c.rs, c.cs);
                    }
                    sprintf(what, "%s n=%lu k=%lu uplo=%d trans=%d layout=%d", two ? OXNAME(syr2k) : OXNAME(syrk),
                            (unsigned long)nn, (unsigned long)k, uplo, trans, lay % 5);
                    CHECK_OK(st, "%s", what);
                    FN(finish_case)(what, &c, orig, want, scale, uplo);
                    free(a.buf), free(b.buf), free(c.buf), free(ad), free(bd), free(want), free(scale),
                        free(orig);
                    lay++;
                }
            }
        }
    }
}

/* An input that shares memory with the output is read as if copied first:
 * trmm with A and B the very same 4x4 matrix gives op(tri(A))*A. */
static void FN(aliasing_case)(const oxpar_context *ctx) {
    size_t n = 4, i;
    T one = (T)1;
    FN(smat) a = FN(smat_make)(n, n, 0);
    double *t, *ad, *want = (double *)xmalloc(n * n * sizeof(double)),
                    *scale = (double *)xmalloc(n * n * sizeof(double));
    T *orig = (T *)xmalloc(a.len * sizeof(T));
    t = FN(tri_dense)(&a, OXPAR_UPLO_LOWER, 1, OXPAR_DIAG_NON_UNIT);
    ad = FN(dense_of)(&a, 0);
    memcpy(orig, a.buf, a.len * sizeof(T));
    FN(dense_mul)(t, ad, n, n, n, want, scale);
    for (i = 0; i < n * n; i++) scale[i] = 2 * scale[i] + 1;
    CHECK_OK(OX(trmm)(ctx, OXPAR_SIDE_LEFT, OXPAR_UPLO_LOWER, OXPAR_TRANS_YES, OXPAR_DIAG_NON_UNIT, n, n, &one,
                      a.p, a.rs, a.cs, a.p, a.rs, a.cs),
             "trmm with a == b");
    FN(finish_case)(OXNAME(trmm) " with a == b", &a, orig, want, scale, -1);
    free(a.buf), free(t), free(ad), free(want), free(scale), free(orig);
}

static void FN(bad_input)(const oxpar_context *ctx) {
    T buf[64], one = (T)1, zero = (T)0;
    size_t i;
    T *misaligned = (T *)(void *)((char *)buf + 1);
    for (i = 0; i < 64; i++) buf[i] = (T)1;
    /* enum values out of range, each named */
    CHECK_ERR(OX(trsm)(ctx, 2, 0, 0, 0, 2, 2, &one, buf, 1, 2, buf + 8, 1, 2), OXPAR_STATUS_INVALID_ARGUMENT,
              OXNAME(trsm), "side");
    CHECK_ERR(OX(trsm)(ctx, 0, -1, 0, 0, 2, 2, &one, buf, 1, 2, buf + 8, 1, 2), OXPAR_STATUS_INVALID_ARGUMENT,
              OXNAME(trsm), "uplo");
    CHECK_ERR(OX(trmm)(ctx, 0, 0, 3, 0, 2, 2, &one, buf, 1, 2, buf + 8, 1, 2), OXPAR_STATUS_INVALID_ARGUMENT,
              OXNAME(trmm), "trans");
    CHECK_ERR(OX(trmv)(ctx, 0, 0, 7, 2, buf, 1, 2, buf + 8, 1), OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(trmv),
              "diag");
    CHECK_ERR(OX(trsv)(ctx, 5, 0, 0, 2, buf, 1, 2, buf + 8, 1), OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(trsv),
              "uplo");
    CHECK_ERR(OX(symm)(ctx, -3, 0, 2, 2, &one, buf, 1, 2, buf + 8, 1, 2, &zero, buf + 16, 1, 2),
              OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(symm), "side");
    CHECK_ERR(OX(syrk)(ctx, 0, 9, 2, 2, &one, buf, 1, 2, &zero, buf + 16, 1, 2), OXPAR_STATUS_INVALID_ARGUMENT,
              OXNAME(syrk), "trans");
    CHECK_ERR(OX(syr2k)(ctx, 2, 0, 2, 2, &one, buf, 1, 2, buf + 8, 1, 2, &zero, buf + 16, 1, 2),
              OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(syr2k), "uplo");
    CHECK_ERR(OX(symv)(ctx, 3, 2, &one, buf, 1, 2, buf + 8, 1, &zero, buf + 16, 1), OXPAR_STATUS_INVALID_ARGUMENT,
              OXNAME(symv), "uplo");
    CHECK_ERR(OX(syr)(ctx, 3, 2, &one, buf, 1, buf + 8, 1, 2), OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(syr), "uplo");
    CHECK_ERR(OX(syr2)(ctx, 3, 2, &one, buf, 1, buf, 1, buf + 8, 1, 2), OXPAR_STATUS_INVALID_ARGUMENT,
              OXNAME(syr2), "uplo");
    /* NULL pointers */
    CHECK_ERR(OX(trsm)(NULL, 0, 0, 0, 0, 2, 2, &one, buf, 1, 2, buf + 8, 1, 2), OXPAR_STATUS_NULL_POINTER,
              OXNAME(trsm), "ctx");
    CHECK_ERR(OX(trsm)(ctx, 0, 0, 0, 0, 2, 2, NULL, buf, 1, 2, buf + 8, 1, 2), OXPAR_STATUS_NULL_POINTER,
              OXNAME(trsm), "alpha");
    CHECK_ERR(OX(symm)(ctx, 0, 0, 2, 2, &one, buf, 1, 2, buf + 8, 1, 2, NULL, buf + 16, 1, 2),
              OXPAR_STATUS_NULL_POINTER, OXNAME(symm), "beta");
    CHECK_ERR(OX(trsm)(ctx, 0, 0, 0, 0, 2, 2, &one, NULL, 1, 2, buf + 8, 1, 2), OXPAR_STATUS_NULL_POINTER,
              OXNAME(trsm), "a");
    CHECK_ERR(OX(syrk)(ctx, 0, 0, 2, 2, &one, buf, 1, 2, &zero, NULL, 1, 2), OXPAR_STATUS_NULL_POINTER,
              OXNAME(syrk), "c");
    CHECK_ERR(OX(symv)(ctx, 0, 2, &one, buf, 1, 2, NULL, 1, &zero, buf + 16, 1), OXPAR_STATUS_NULL_POINTER,
              OXNAME(symv), "x");
    CHECK_ERR(OX(syr2)(ctx, 0, 2, &one, buf, 1, NULL, 1, buf + 8, 1, 2), OXPAR_STATUS_NULL_POINTER, OXNAME(syr2),
              "y");
    /* empty operands may be NULL */
    CHECK_OK(OX(trsm)(ctx, 0, 0, 0, 0, 0, 0, &one, NULL, 1, 1, NULL, 1, 1), "trsm 0x0 with NULL arrays");
    CHECK_OK(OX(syrk)(ctx, 0, 0, 0, 3, &one, NULL, 1, 1, &zero, NULL, 1, 1), "syrk n=0 with NULL arrays");
    CHECK_OK(OX(symv)(ctx, 0, 0, &one, NULL, 1, 1, NULL, 1, &zero, NULL, 1), "symv n=0 with NULL arrays");
    /* a written array whose elements share an address */
    CHECK_ERR(OX(trmm)(ctx, 0, 0, 0, 0, 2, 2, &one, buf, 1, 2, buf + 8, 0, 0), OXPAR_STATUS_INVALID_STRIDE,
              OXNAME(trmm), NULL);
    CHECK_ERR(OX(trsv)(ctx, 0, 0, 0, 3, buf, 1, 3, buf + 16, 0), OXPAR_STATUS_INVALID_STRIDE, OXNAME(trsv), NULL);
    CHECK_ERR(OX(syr)(ctx, 0, 3, &one, buf, 1, buf + 16, 1, 1), OXPAR_STATUS_INVALID_STRIDE, OXNAME(syr), NULL);
    /* read arrays may have zero strides: A all ones, broadcast */
    CHECK_OK(OX(symv)(ctx, 0, 3, &one, buf, 0, 0, buf, 0, &zero, buf + 16, 1), "symv with zero strides on a, x");
    CHECK(buf[16] == 3 && buf[17] == 3 && buf[18] == 3, "symv broadcast: got %g %g %g", (double)buf[16],
          (double)buf[17], (double)buf[18]);
    /* misaligned arrays */
    CHECK_ERR(OX(trsm)(ctx, 0, 0, 0, 0, 2, 2, &one, misaligned, 1, 2, buf + 8, 1, 2),
              OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(trsm), NULL);
    CHECK_ERR(OX(syr2k)(ctx, 0, 0, 2, 2, &one, buf, 1, 2, buf + 8, 1, 2, &zero, misaligned, 1, 2),
              OXPAR_STATUS_INVALID_ARGUMENT, OXNAME(syr2k), NULL);
}

static void FN(structured_all)(void) {
    oxpar_context *ctx = NULL;
    const char *specs[2] = {"serial", "threads:2"};
    int s;
    for (s = 0; s < 2; s++) {
        if (!CHECK_OK(oxpar_context_create(specs[s], &ctx), "context %s", specs[s])) continue;
        FN(level2_cases)(ctx);
        FN(level3_cases)(ctx);
        FN(aliasing_case)(ctx);
        oxpar_context_free(ctx);
    }
    if (CHECK_OK(oxpar_context_create("serial", &ctx), "context")) {
        FN(bad_input)(ctx);
        oxpar_context_free(ctx);
    }
}

#undef NSIZES
#undef FN
#undef OX
#undef OXNAME
#undef GLUE
#undef GLUE_
