/*
 * The BLAS tests for one precision: included by test_blas.c once for float
 * and once for double, with these macros defined:
 *
 *   T      the element type             SFX    a suffix for local names
 *   TOL    relative tolerance           BIG    a value whose square overflows T
 *   AXPY SCAL COPY SWAP DOT NRM2 ASUM IAMAX GEMV GER GEMM   the oxpar routines
 *   NAME_* their names as strings (for error messages)
 *
 * Every array is stored in a buffer bigger than its elements (strides leave
 * gaps); a test fills the whole buffer, computes the expected buffer (gaps
 * unchanged) and compares all of it, so writes outside the operand are caught.
 */

#define GLUE_(a, b) a##b
#define GLUE(a, b) GLUE_(a, b)
#define FN(name) GLUE(name, SFX)

/* A strided vector: n elements at p[i * inc] inside buf[0 .. len). */
typedef struct {
    T *buf;
    size_t len;
    T *p;
    size_t n;
    ptrdiff_t inc;
} FN(vec);

/* A matrix: element (i, j) at p[i * rs + j * cs] inside buf[0 .. len). */
typedef struct {
    T *buf;
    size_t len;
    T *p;
    size_t rows, cols;
    ptrdiff_t rs, cs;
} FN(mat);

static FN(vec) FN(vec_make)(size_t n, ptrdiff_t inc) {
    FN(vec) v;
    size_t step = (size_t)(inc < 0 ? -inc : inc);
    size_t i;
    v.n = n;
    v.inc = inc;
    v.len = n > 0 ? 1 + (n - 1) * step : 1;
    v.buf = (T *)xmalloc(v.len * sizeof(T));
    for (i = 0; i < v.len; i++) {
        v.buf[i] = (T)rnd();
    }
    v.p = v.buf + (inc < 0 && n > 0 ? (n - 1) * step : 0);
    return v;
}

/* Buffer position of element i. */
static size_t FN(vpos)(const FN(vec) *v, size_t i) {
    return (size_t)((v->p - v->buf) + (ptrdiff_t)i * v->inc);
}

static T FN(vget)(const FN(vec) *v, size_t i) {
    return v->buf[FN(vpos)(v, i)];
}

static FN(mat) FN(mat_make)(size_t rows, size_t cols, int layout) {
    FN(mat) a;
    size_t i, off = 0, srs, scs;
    a.rows = rows;
    a.cols = cols;
    switch (layout) {
    case LAYOUT_COL: /* Fortran: rs = 1, cs = ld > rows */
        a.rs = 1;
        a.cs = (ptrdiff_t)rows + 2;
        break;
    case LAYOUT_ROW: /* C: rs = ld > cols, cs = 1 */
        a.rs = (ptrdiff_t)cols + 1;
        a.cs = 1;
        break;
    case LAYOUT_STRIDED: /* neither stride is 1 */
        a.rs = 2;
        a.cs = 2 * (ptrdiff_t)rows + 3;
        break;
    case LAYOUT_NEG: /* both strides negative: element (0, 0) is the last in memory */
        a.rs = -1;
        a.cs = -((ptrdiff_t)rows + 3);
        break;
    default: /* LAYOUT_MIXED: row-major with a negative row stride */
        a.rs = -((ptrdiff_t)cols + 2);
        a.cs = 1;
        break;
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

/* A matrix with the given strides (any, zero and overlapping included), in a
 * buffer that just holds its extent. */
static FN(mat) FN(mat_strides)(size_t rows, size_t cols, ptrdiff_t rs, ptrdiff_t cs) {
    FN(mat) a;
    size_t i, srs = (size_t)(rs < 0 ? -rs : rs), scs = (size_t)(cs < 0 ? -cs : cs), off = 0;
    a.rows = rows;
    a.cols = cols;
    a.rs = rs;
    a.cs = cs;
    a.len = rows > 0 && cols > 0 ? 1 + (rows - 1) * srs + (cols - 1) * scs : 1;
    a.buf = (T *)xmalloc(a.len * sizeof(T));
    for (i = 0; i < a.len; i++) {
        a.buf[i] = (T)rnd();
    }
    if (rows > 0 && cols > 0) {
        off += rs < 0 ? (rows - 1) * srs : 0;
        off += cs < 0 ? (cols - 1) * scs : 0;
    }
    a.p = a.buf + off;
    return a;
}

static size_t FN(mpos)(const FN(mat) *a, size_t i, size_t j) {
    return (size_t)((a->p - a->buf) + (ptrdiff_t)i * a->rs + (ptrdiff_t)j * a->cs);
}

static T FN(mget)(const FN(mat) *a, size_t i, size_t j) {
    return a->buf[FN(mpos)(a, i, j)];
}

/* op(A)(i, j) for a stored matrix. */
static double FN(opget)(const FN(mat) *a, int trans, size_t i, size_t j) {
    return trans ? (double)FN(mget)(a, j, i) : (double)FN(mget)(a, i, j);
}

static T *FN(dup)(const T *buf, size_t len) {
    T *copy = (T *)xmalloc(len * sizeof(T));
    memcpy(copy, buf, len * sizeof(T));
    return copy;
}

static void FN(fill)(T *buf, size_t len, T value) {
    size_t i;
    for (i = 0; i < len; i++) {
        buf[i] = value;
    }
}

/*
 * Compares a whole buffer with the expected one: where scale[i] > 0 within
 * TOL * scale[i], elsewhere exactly (bit for bit, so NaN sentinels compare
 * equal to themselves). Counts as one check.
 */
static void FN(compare)(const char *what, const T *got, const T *want, const double *scale,
                        size_t len) {
    size_t i, bad = 0, first = 0;
    for (i = 0; i < len; i++) {
        int ok;
        if (scale != NULL && scale[i] > 0) {
            ok = fabs((double)got[i] - (double)want[i]) <= TOL * scale[i] &&
                 !isnan((double)got[i]);
        } else {
            ok = memcmp(&got[i], &want[i], sizeof(T)) == 0;
        }
        if (!ok && bad++ == 0) {
            first = i;
        }
    }
    CHECK(bad == 0, "%s: %lu of %lu buffer positions differ, first at %lu: got %.9g want %.9g",
          what, (unsigned long)bad, (unsigned long)len, (unsigned long)first,
          bad ? (double)got[first] : 0.0, bad ? (double)want[first] : 0.0);
}

/* Matches a computed scalar against a reference with a scale. */
static void FN(check_scalar)(const char *what, T got, double want, double scale) {
    double tol = TOL * (scale > 0 ? scale : 1.0);
    CHECK(fabs((double)got - want) <= tol && !isnan((double)got),
          "%s: got %.17g want %.17g (tolerance %.3g)", what, (double)got, want, tol);
}

static double *FN(zeros)(size_t len) {
    double *z = (double *)xmalloc((len > 0 ? len : 1) * sizeof(double));
    size_t i;
    for (i = 0; i < len; i++) {
        z[i] = 0.0;
    }
    return z;
}

/* ------------------------------------------------------------------ */
/* Level 1                                                              */
/* ------------------------------------------------------------------ */

static void FN(level1_case)(const oxpar_context *ctx, const char *cname, size_t n,
                            ptrdiff_t incx, ptrdiff_t incy, int variant) {
    char what[160];
    FN(vec) x = FN(vec_make)(n, incx);
    FN(vec) y = FN(vec_make)(n, incy);
    T *x0 = FN(dup)(x.buf, x.len), *y0 = FN(dup)(y.buf, y.len);
    T *wx = FN(dup)(x.buf, x.len), *wy = FN(dup)(y.buf, y.len);
    double *sx = FN(zeros)(x.len), *sy = FN(zeros)(y.len);
    /* alpha special values: 0 (x not read: NaN there must not come out), 1, other */
    static const double alphas[] = {0.0, 1.0, -2.5, 0.75};
    T alpha = (T)alphas[variant % 4];
    size_t i;
    oxpar_status st;

#define L1_WHAT(routine) \
    snprintf(what, sizeof what, "%s %s n=%lu incx=%ld incy=%ld alpha=%g", cname, routine, \
             (unsigned long)n, (long)incx, (long)incy, (double)alpha)

    /* axpy: y := alpha*x + y */
    L1_WHAT(NAME_AXPY);
    if (alpha == 0) {
        FN(fill)(x.buf, x.len, (T)test_nan());
    }
    memcpy(wy, y.buf, y.len * sizeof(T));
    for (i = 0; i < n; i++) {
        size_t py = FN(vpos)(&y, i);
        double xi = (double)FN(vget)(&x, i), yi = (double)y.buf[py];
        wy[py] = alpha == 0 ? (T)yi : (T)((double)alpha * xi + yi);
        sy[py] = fabs((double)alpha * xi) + fabs(yi) + 1e-300;
    }
    memcpy(wx, x.buf, x.len * sizeof(T));
    st = AXPY(ctx, n, &alpha, x.p, incx, y.p, incy);
    CHECK_OK(st, "%s", what);
    FN(compare)(what, y.buf, wy, sy, y.len);
    FN(compare)(what, x.buf, wx, NULL, x.len); /* the input is untouched */
    memcpy(x.buf, x0, x.len * sizeof(T));
    memcpy(y.buf, y0, y.len * sizeof(T));

    /* scal: x := alpha*x */
    L1_WHAT(NAME_SCAL);
    memcpy(wx, x.buf, x.len * sizeof(T));
    for (i = 0; i < x.len; i++) {
        sx[i] = 0;
    }
    for (i = 0; i < n; i++) {
        size_t px = FN(vpos)(&x, i);
        wx[px] = (T)((double)alpha * (double)x.buf[px]);
        sx[px] = fabs((double)alpha * (double)x.buf[px]) + 1e-300;
    }
    st = SCAL(ctx, n, &alpha, x.p, incx);
    CHECK_OK(st, "%s", what);
    FN(compare)(what, x.buf, wx, sx, x.len);
    memcpy(x.buf, x0, x.len * sizeof(T));

    /* copy: y := x (gaps of y untouched) */
    L1_WHAT(NAME_COPY);
    memcpy(wy, y.buf, y.len * sizeof(T));
    for (i = 0; i < n; i++) {
        wy[FN(vpos)(&y, i)] = FN(vget)(&x, i);
    }
    st = COPY(ctx, n, x.p, incx, y.p, incy);
    CHECK_OK(st, "%s", what);
    FN(compare)(what, y.buf, wy, NULL, y.len);
    FN(compare)(what, x.buf, x0, NULL, x.len);
    memcpy(y.buf, y0, y.len * sizeof(T));

    /* swap */
    L1_WHAT(NAME_SWAP);
    memcpy(wx, x.buf, x.len * sizeof(T));
    memcpy(wy, y.buf, y.len * sizeof(T));
    for (i = 0; i < n; i++) {
        wy[FN(vpos)(&y, i)] = FN(vget)(&x, i);
        wx[FN(vpos)(&x, i)] = FN(vget)(&y, i);
    }
    st = SWAP(ctx, n, x.p, incx, y.p, incy);
    CHECK_OK(st, "%s", what);
    FN(compare)(what, x.buf, wx, NULL, x.len);
    FN(compare)(what, y.buf, wy, NULL, y.len);
    memcpy(x.buf, x0, x.len * sizeof(T));
    memcpy(y.buf, y0, y.len * sizeof(T));

    /* dot, nrm2, asum, iamax */
    {
        double dot = 0, dscale = 0, ss = 0, asum = 0, best = -1;
        size_t imax = OXPAR_INDEX_NONE, got_i = 12345;
        T got = (T)-777;
        for (i = 0; i < n; i++) {
            double xi = (double)FN(vget)(&x, i), yi = (double)FN(vget)(&y, i);
            dot += xi * yi;
            dscale += fabs(xi * yi);
            ss += xi * xi;
            asum += fabs(xi);
            if (fabs(xi) > best) {
                best = fabs(xi);
                imax = i;
            }
        }
        L1_WHAT(NAME_DOT);
        st = DOT(ctx, n, x.p, incx, y.p, incy, &got);
        CHECK_OK(st, "%s", what);
        FN(check_scalar)(what, got, dot, dscale);
        L1_WHAT(NAME_NRM2);
        got = (T)-777;
        st = NRM2(ctx, n, x.p, incx, &got);
        CHECK_OK(st, "%s", what);
        FN(check_scalar)(what, got, sqrt(ss), sqrt(ss));
        L1_WHAT(NAME_ASUM);
        got = (T)-777;
        st = ASUM(ctx, n, x.p, incx, &got);
        CHECK_OK(st, "%s", what);
        FN(check_scalar)(what, got, asum, asum);
        L1_WHAT(NAME_IAMAX);
        st = IAMAX(ctx, n, x.p, incx, &got_i);
        CHECK_OK(st, "%s", what);
        CHECK(got_i == imax, "%s: got index %lu want %lu", what, (unsigned long)got_i,
              (unsigned long)imax);
        FN(compare)(what, x.buf, x0, NULL, x.len);
        FN(compare)(what, y.buf, y0, NULL, y.len);
    }
#undef L1_WHAT
    free(x.buf);
    free(y.buf);
    free(x0);
    free(y0);
    free(wx);
    free(wy);
    free(sx);
    free(sy);
}

/* Special values and aliasing allowed by the ABI. */
static void FN(level1_special)(const oxpar_context *ctx, const char *cname) {
    char what[160];
    T v[8], out;
    size_t idx;
    T alpha;
    double nan = test_nan();
    int i;

    /* empty vectors: NULL is allowed; dot 0, nrm2 0, asum 0, iamax NONE */
    snprintf(what, sizeof what, "%s empty vectors with NULL", cname);
    out = (T)-1;
    CHECK_OK(DOT(ctx, 0, NULL, 1, NULL, 1, &out), "%s dot", what);
    CHECK(out == 0, "%s: dot of nothing is %g", what, (double)out);
    out = (T)-1;
    CHECK_OK(NRM2(ctx, 0, NULL, 1, &out), "%s nrm2", what);
    CHECK(out == 0, "%s: nrm2 of nothing is %g", what, (double)out);
    out = (T)-1;
    CHECK_OK(ASUM(ctx, 0, NULL, 7, &out), "%s asum", what);
    CHECK(out == 0, "%s: asum of nothing is %g", what, (double)out);
    idx = 3;
    CHECK_OK(IAMAX(ctx, 0, NULL, 0, &idx), "%s iamax", what);
    CHECK(idx == OXPAR_INDEX_NONE, "%s: iamax of nothing is %lu", what, (unsigned long)idx);
    alpha = 2;
    CHECK_OK(AXPY(ctx, 0, &alpha, NULL, 0, NULL, 0), "%s axpy", what);
    CHECK_OK(SCAL(ctx, 0, &alpha, NULL, 1), "%s scal", what);
    CHECK_OK(COPY(ctx, 0, NULL, 1, NULL, 1), "%s copy", what);
    CHECK_OK(SWAP(ctx, 0, NULL, 1, NULL, 1), "%s swap", what);

    /* n = 1 with increment 0 is allowed */
    snprintf(what, sizeof what, "%s n=1 inc=0", cname);
    v[0] = 3;
    v[1] = -4;
    out = 0;
    CHECK_OK(DOT(ctx, 1, &v[0], 0, &v[1], 0, &out), "%s dot", what);
    CHECK(out == -12, "%s: dot %g", what, (double)out);

    /* nrm2 neither overflows nor underflows */
    snprintf(what, sizeof what, "%s nrm2 of huge and tiny values", cname);
    v[0] = (T)BIG;
    v[1] = (T)BIG;
    out = 0;
    CHECK_OK(NRM2(ctx, 2, v, 1, &out), "%s", what);
    FN(check_scalar)(what, out, (double)(T)BIG * sqrt(2.0), (double)(T)BIG * sqrt(2.0));
    v[0] = (T)(1.0 / BIG);
    v[1] = (T)(1.0 / BIG);
    out = 0;
    CHECK_OK(NRM2(ctx, 2, v, 1, &out), "%s", what);
    CHECK(out > 0 && fabs((double)out / ((double)(T)(1.0 / BIG) * sqrt(2.0)) - 1) < TOL,
          "%s: tiny nrm2 is %g", what, (double)out);
    /* NaN in, NaN out */
    v[0] = 1;
    v[1] = (T)nan;
    v[2] = 5;
    out = 0;
    CHECK_OK(NRM2(ctx, 3, v, 1, &out), "%s NaN", what);
    CHECK(isnan((double)out), "%s: nrm2 with a NaN is %g", what, (double)out);

    /* iamax: the first of equal maxima; the first NaN wins */
    snprintf(what, sizeof what, "%s iamax ties and NaN", cname);
    for (i = 0; i < 8; i++) {
        v[i] = (T)i;
    }
    v[2] = -9;
    v[6] = 9;
    idx = 0;
    CHECK_OK(IAMAX(ctx, 8, v, 1, &idx), "%s", what);
    CHECK(idx == 2, "%s: first of |-9| and |9| is %lu", what, (unsigned long)idx);
    idx = 0;
    CHECK_OK(IAMAX(ctx, 8, v + 7, -1, &idx), "%s reversed", what);
    CHECK(idx == 1, "%s: reversed, first of the maxima is %lu", what, (unsigned long)idx);
    v[5] = (T)nan;
    v[7] = (T)nan;
    idx = 0;
    CHECK_OK(IAMAX(ctx, 8, v, 1, &idx), "%s", what);
    CHECK(idx == 5, "%s: first NaN is at 5, got %lu", what, (unsigned long)idx);

    /* The very same vector for input and output: allowed for axpy, copy and
     * swap (crates/oxpar-capi/src/lib.rs, "Conventions"). */
    snprintf(what, sizeof what, "%s aliased axpy/copy/swap", cname);
    for (i = 0; i < 8; i++) {
        v[i] = (T)(i + 1);
    }
    CHECK_OK(COPY(ctx, 4, v + 1, 2, v + 1, 2), "%s copy", what);
    CHECK_OK(SWAP(ctx, 4, v + 6, -2, v + 6, -2), "%s swap", what);
    for (i = 0; i < 8 && v[i] == (T)(i + 1); i++) {
    }
    CHECK(i == 8, "%s: copy or swap of a vector with itself changed element %d", what, i);
    alpha = 2;
    CHECK_OK(AXPY(ctx, 4, &alpha, v, 2, v, 2), "%s axpy", what);
    CHECK(v[0] == 3 && v[1] == 2 && v[2] == 9 && v[6] == 21 && v[7] == 8,
          "%s: axpy(x, x) gave %g %g %g %g %g", what, (double)v[0], (double)v[1],
          (double)v[2], (double)v[6], (double)v[7]);
}

/* Long vectors, so a threads context splits the work (level 1 cutoff is 32 Ki). */
static void FN(level1_long)(const oxpar_context *ctx, const char *cname) {
    size_t n = 40000, i, idx = 0;
    ptrdiff_t incs[2] = {1, -2};
    int k;
    char what[160];
    for (k = 0; k < 2; k++) {
        FN(vec) x = FN(vec_make)(n, incs[k]);
        FN(vec) y = FN(vec_make)(n, 1);
        double dot = 0, dscale = 0, asum = 0;
        T out = 0, alpha = (T)0.5;
        snprintf(what, sizeof what, "%s long vectors n=%lu incx=%ld", cname, (unsigned long)n,
                 (long)incs[k]);
        for (i = 0; i < n; i++) {
            dot += (double)FN(vget)(&x, i) * (double)FN(vget)(&y, i);
            dscale += fabs((double)FN(vget)(&x, i) * (double)FN(vget)(&y, i));
            asum += fabs((double)FN(vget)(&x, i));
        }
        CHECK_OK(DOT(ctx, n, x.p, incs[k], y.p, 1, &out), "%s dot", what);
        FN(check_scalar)(what, out, dot, dscale);
        CHECK_OK(ASUM(ctx, n, x.p, incs[k], &out), "%s asum", what);
        FN(check_scalar)(what, out, asum, asum);
        /* ties for the maximum far apart (in different blocks): the first wins */
        x.p[(ptrdiff_t)(n - 10) * incs[k]] = (T)-100;
        x.p[(ptrdiff_t)(n / 3) * incs[k]] = (T)100;
        x.p[(ptrdiff_t)(n / 2) * incs[k]] = (T)100;
        CHECK_OK(IAMAX(ctx, n, x.p, incs[k], &idx), "%s iamax", what);
        CHECK(idx == n / 3, "%s: iamax %lu want %lu", what, (unsigned long)idx,
              (unsigned long)(n / 3));
        x.p[(ptrdiff_t)(n - 5) * incs[k]] = (T)test_nan();
        x.p[(ptrdiff_t)(n - 2) * incs[k]] = (T)test_nan();
        CHECK_OK(IAMAX(ctx, n, x.p, incs[k], &idx), "%s iamax NaN", what);
        CHECK(idx == n - 5, "%s: iamax with NaN %lu want %lu", what, (unsigned long)idx,
              (unsigned long)(n - 5));
        /* huge values in long vectors: no overflow in nrm2 */
        for (i = 0; i < n; i++) {
            x.p[(ptrdiff_t)i * incs[k]] = (T)BIG;
        }
        CHECK_OK(NRM2(ctx, n, x.p, incs[k], &out), "%s nrm2", what);
        FN(check_scalar)(what, out, (double)(T)BIG * sqrt((double)n), (double)(T)BIG * sqrt((double)n));
        /* axpy then scal then swap, against the same loops here */
        for (i = 0; i < n; i++) {
            x.p[(ptrdiff_t)i * incs[k]] = (T)(double)(i % 97);
            y.p[i] = (T)(double)(i % 13);
        }
        CHECK_OK(AXPY(ctx, n, &alpha, x.p, incs[k], y.p, 1), "%s axpy", what);
        CHECK_OK(SCAL(ctx, n, &alpha, y.p, 1), "%s scal", what);
        CHECK_OK(SWAP(ctx, n, x.p, incs[k], y.p, 1), "%s swap", what);
        {
            size_t bad = 0;
            for (i = 0; i < n; i++) {
                T wy = (T)(double)(i % 97);
                T wx = (T)(0.5 * (0.5 * (double)(i % 97) + (double)(i % 13)));
                bad += y.p[i] != wy || x.p[(ptrdiff_t)i * incs[k]] != wx;
            }
            CHECK(bad == 0, "%s: axpy/scal/swap: %lu elements wrong", what, (unsigned long)bad);
        }
        CHECK_OK(COPY(ctx, n, y.p, 1, x.p, incs[k]), "%s copy", what);
        {
            size_t bad = 0;
            for (i = 0; i < n; i++) {
                bad += x.p[(ptrdiff_t)i * incs[k]] != y.p[i];
            }
            CHECK(bad == 0, "%s: copy: %lu elements wrong", what, (unsigned long)bad);
        }
        free(x.buf);
        free(y.buf);
    }
}

/* ------------------------------------------------------------------ */
/* Level 2                                                              */
/* ------------------------------------------------------------------ */

/* alpha/beta pairs: {alpha, beta, NaN in y/C before, NaN in A and x/B} */
static const double FN(ab)[5][4] = {
    {1.0, 0.0, 1, 0},  /* beta = 0: y/C is not read, NaN there must not come out */
    {0.5, 1.0, 0, 0},  /* accumulate */
    {2.0, -1.5, 0, 0}, /* general */
    {0.0, 0.0, 1, 1},  /* both 0: result exactly 0, nothing read */
    {0.0, 2.0, 0, 1},  /* alpha = 0: only beta*y; A and x are not read */
};

static void FN(gemv_case)(const oxpar_context *ctx, const char *cname, int trans, size_t m,
                          size_t n, int layout, ptrdiff_t incx, ptrdiff_t incy, int v) {
    char what[200];
    FN(mat) a = FN(mat_make)(m, n, layout);
    size_t lx = trans ? m : n, ly = trans ? n : m, i, j;
    FN(vec) x = FN(vec_make)(lx, incx);
    FN(vec) y = FN(vec_make)(ly, incy);
    T alpha = (T)FN(ab)[v][0], beta = (T)FN(ab)[v][1];
    T *wy, *a0, *x0;
    double *sy = FN(zeros)(y.len);
    snprintf(what, sizeof what,
             "%s %s trans=%d m=%lu n=%lu layout=%d rsa=%ld csa=%ld incx=%ld incy=%ld alpha=%g "
             "beta=%g",
             cname, NAME_GEMV, trans, (unsigned long)m, (unsigned long)n, layout, (long)a.rs,
             (long)a.cs, (long)incx, (long)incy, (double)alpha, (double)beta);
    if (FN(ab)[v][2] != 0) {
        for (i = 0; i < ly; i++) {
            y.buf[FN(vpos)(&y, i)] = (T)test_nan();
        }
    }
    if (FN(ab)[v][3] != 0) {
        FN(fill)(a.buf, a.len, (T)test_nan());
        FN(fill)(x.buf, x.len, (T)test_nan());
    }
    wy = FN(dup)(y.buf, y.len);
    a0 = FN(dup)(a.buf, a.len);
    x0 = FN(dup)(x.buf, x.len);
    for (i = 0; i < ly; i++) {
        double s = 0, sc = 0, yi = (double)FN(vget)(&y, i), r;
        size_t p = FN(vpos)(&y, i);
        if (alpha != 0) {
            for (j = 0; j < lx; j++) {
                double t = FN(opget)(&a, trans, i, j) * (double)FN(vget)(&x, j);
                s += t;
                sc += fabs(t);
            }
        }
        r = (double)alpha * s + (beta == 0 ? 0.0 : (double)beta * yi);
        wy[p] = (T)r;
        sy[p] = fabs((double)alpha) * sc + (beta == 0 ? 0.0 : fabs((double)beta * yi)) + 1e-300;
    }
    CHECK_OK(GEMV(ctx, trans, m, n, &alpha, a.p, a.rs, a.cs, x.p, incx, &beta, y.p, incy), "%s",
             what);
    FN(compare)(what, y.buf, wy, sy, y.len);
    FN(compare)(what, a.buf, a0, NULL, a.len);
    FN(compare)(what, x.buf, x0, NULL, x.len);
    free(a.buf);
    free(x.buf);
    free(y.buf);
    free(wy);
    free(a0);
    free(x0);
    free(sy);
}

static void FN(ger_case)(const oxpar_context *ctx, const char *cname, size_t m, size_t n,
                         int layout, ptrdiff_t incx, ptrdiff_t incy, int v) {
    char what[200];
    static const double alphas[3] = {1.0, -0.75, 0.0};
    FN(mat) a = FN(mat_make)(m, n, layout);
    FN(vec) x = FN(vec_make)(m, incx);
    FN(vec) y = FN(vec_make)(n, incy);
    T alpha = (T)alphas[v % 3];
    T *wa;
    double *sa = FN(zeros)(a.len);
    size_t i, j;
    snprintf(what, sizeof what,
             "%s %s m=%lu n=%lu layout=%d rsa=%ld csa=%ld incx=%ld incy=%ld alpha=%g", cname,
             NAME_GER, (unsigned long)m, (unsigned long)n, layout, (long)a.rs, (long)a.cs,
             (long)incx, (long)incy, (double)alpha);
    if (alpha == 0) { /* returns at once: NaN in x and y must not reach A */
        FN(fill)(x.buf, x.len, (T)test_nan());
        FN(fill)(y.buf, y.len, (T)test_nan());
    }
    wa = FN(dup)(a.buf, a.len);
    if (alpha != 0) {
        for (i = 0; i < m; i++) {
            for (j = 0; j < n; j++) {
                size_t p = FN(mpos)(&a, i, j);
                double t = (double)alpha * (double)FN(vget)(&x, i) * (double)FN(vget)(&y, j);
                wa[p] = (T)((double)a.buf[p] + t);
                sa[p] = fabs((double)a.buf[p]) + fabs(t) + 1e-300;
            }
        }
    }
    CHECK_OK(GER(ctx, m, n, &alpha, x.p, incx, y.p, incy, a.p, a.rs, a.cs), "%s", what);
    FN(compare)(what, a.buf, wa, sa, a.len);
    free(a.buf);
    free(x.buf);
    free(y.buf);
    free(wa);
    free(sa);
}

/* ------------------------------------------------------------------ */
/* Level 3                                                              */
/* ------------------------------------------------------------------ */

/* C := alpha op(A) op(B) + beta C on the given matrices, against a naive
 * loop; frees them. */
static void FN(gemm_run)(const oxpar_context *ctx, const char *cname, int ta, int tb, FN(mat) a,
                         FN(mat) b, FN(mat) c, int v) {
    char what[240];
    size_t m = c.rows, n = c.cols, k = ta ? a.rows : a.cols;
    T alpha = (T)FN(ab)[v][0], beta = (T)FN(ab)[v][1];
    T *wc, *a0, *b0;
    double *sc = FN(zeros)(c.len);
    size_t i, j, l;
    snprintf(what, sizeof what,
             "%s %s transa=%d transb=%d m=%lu n=%lu k=%lu a=(%ld,%ld) b=(%ld,%ld) c=(%ld,%ld) "
             "alpha=%g beta=%g",
             cname, NAME_GEMM, ta, tb, (unsigned long)m, (unsigned long)n, (unsigned long)k,
             (long)a.rs, (long)a.cs, (long)b.rs, (long)b.cs, (long)c.rs, (long)c.cs,
             (double)alpha, (double)beta);
    if (FN(ab)[v][2] != 0) {
        for (i = 0; i < m; i++) {
            for (j = 0; j < n; j++) {
                c.buf[FN(mpos)(&c, i, j)] = (T)test_nan();
            }
        }
    }
    if (FN(ab)[v][3] != 0) {
        FN(fill)(a.buf, a.len, (T)test_nan());
        FN(fill)(b.buf, b.len, (T)test_nan());
    }
    wc = FN(dup)(c.buf, c.len);
    a0 = FN(dup)(a.buf, a.len);
    b0 = FN(dup)(b.buf, b.len);
    for (i = 0; i < m; i++) {
        for (j = 0; j < n; j++) {
            size_t p = FN(mpos)(&c, i, j);
            double s = 0, scale = 0, cij = (double)c.buf[p];
            if (alpha != 0) {
                for (l = 0; l < k; l++) {
                    double t = FN(opget)(&a, ta, i, l) * FN(opget)(&b, tb, l, j);
                    s += t;
                    scale += fabs(t);
                }
            }
            wc[p] = (T)((double)alpha * s + (beta == 0 ? 0.0 : (double)beta * cij));
            sc[p] = fabs((double)alpha) * scale + (beta == 0 ? 0.0 : fabs((double)beta * cij)) +
                    1e-300;
        }
    }
    CHECK_OK(GEMM(ctx, ta, tb, m, n, k, &alpha, a.p, a.rs, a.cs, b.p, b.rs, b.cs, &beta, c.p,
                  c.rs, c.cs),
             "%s", what);
    FN(compare)(what, c.buf, wc, sc, c.len);
    FN(compare)(what, a.buf, a0, NULL, a.len);
    FN(compare)(what, b.buf, b0, NULL, b.len);
    free(a.buf);
    free(b.buf);
    free(c.buf);
    free(wc);
    free(a0);
    free(b0);
    free(sc);
}

static void FN(gemm_case)(const oxpar_context *ctx, const char *cname, int ta, int tb,
                          size_t m, size_t n, size_t k, int la, int lb, int lc, int v) {
    FN(gemm_run)(ctx, cname, ta, tb, ta ? FN(mat_make)(k, m, la) : FN(mat_make)(m, k, la),
                 tb ? FN(mat_make)(n, k, lb) : FN(mat_make)(k, n, lb), FN(mat_make)(m, n, lc),
                 v);
}

/* ------------------------------------------------------------------ */
/* Which layouts are accepted, and outputs sharing memory with inputs  */
/* ------------------------------------------------------------------ */

/* Every strided slice is a valid output; inputs may repeat elements. */
static void FN(test_views)(const oxpar_context *ctx, const char *cname) {
    size_t n;
    /* a[:, ::2] of a 10 x 41 C-order array as C, and as A and B */
    FN(gemm_run)(ctx, cname, 0, 0, FN(mat_strides)(10, 7, 7, 1), FN(mat_strides)(7, 21, 21, 1),
                 FN(mat_strides)(10, 21, 41, 2), 1);
    FN(gemm_run)(ctx, cname, 0, 1, FN(mat_strides)(10, 21, 41, 2),
                 FN(mat_strides)(5, 21, 41, 2), FN(mat_strides)(10, 5, 5, 1), 0);
    /* Fortran's a(1:n:2, :) with n odd: rows at stride 2, columns at n */
    for (n = 3; n <= 9; n += 2) {
        size_t rows = (n + 1) / 2;
        FN(gemm_run)(ctx, cname, 0, 0, FN(mat_strides)(rows, n, 2, (ptrdiff_t)n),
                     FN(mat_strides)(n, 4, 1, (ptrdiff_t)n), FN(mat_strides)(rows, 4, 2, (ptrdiff_t)n), 2);
    }
    /* Zero strides in inputs: a broadcast row of A, a broadcast column of B */
    FN(gemm_run)(ctx, cname, 0, 0, FN(mat_strides)(6, 5, 0, 1), FN(mat_strides)(5, 4, 1, 0),
                 FN(mat_strides)(6, 4, 1, 6), 1);
    FN(gemm_run)(ctx, cname, 1, 0, FN(mat_strides)(5, 6, 0, 0), FN(mat_strides)(5, 4, 4, 1),
                 FN(mat_strides)(6, 4, 4, 1), 0);
    /* A sliding window (Hankel) input: (i, j) at i + j; and big enough for the packed path */
    FN(gemm_run)(ctx, cname, 0, 0, FN(mat_strides)(40, 37, 1, 1), FN(mat_strides)(37, 33, 33, 1),
                 FN(mat_strides)(40, 33, -1, -40), 3);
    FN(gemm_run)(ctx, cname, 0, 0, FN(mat_strides)(150, 140, 1, 0),
                 FN(mat_strides)(140, 160, 1, 140), FN(mat_strides)(150, 160, 1, 150), 1);
    /* Extreme strides along dimensions of one element are never used */
    {
        T a1[3] = {1, 2, 3}, b1[6] = {1, 0, 0, 1, 1, 1}, c1[2] = {0, 0}, one = 1, zero = 0;
        CHECK_OK(GEMM(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_NO, 1, 2, 3, &one, a1, PTRDIFF_MIN, 1, b1, 1,
                      3, &zero, c1, PTRDIFF_MIN, 1),
                 "%s %s with rs = PTRDIFF_MIN on one row", cname, NAME_GEMM);
        CHECK(c1[0] == 1 && c1[1] == 1 + 2 + 3, "%s %s one row: got %g %g", cname, NAME_GEMM,
              (double)c1[0], (double)c1[1]);
        CHECK_OK(DOT(ctx, 1, a1 + 2, PTRDIFF_MIN, b1, PTRDIFF_MAX, &c1[0]), "%s %s n = 1",
                 cname, NAME_DOT);
        CHECK(c1[0] == 3, "%s %s n = 1 with extreme increments: %g", cname, NAME_DOT,
              (double)c1[0]);
    }
    /* gemv and ger with a broadcast A / zero increments in what is read */
    {
        FN(mat) a = FN(mat_strides)(5, 4, 0, 1);
        T x[4] = {1, 2, 3, 4}, y[5], one = 1, zero = 0, xv = 3;
        size_t i;
        CHECK_OK(GEMV(ctx, OXPAR_TRANS_NO, 5, 4, &one, a.p, 0, 1, x, 1, &zero, y, 1), "%s %s",
                 cname, NAME_GEMV);
        for (i = 0; i < 5; i++) {
            double want = (double)a.p[0] + 2.0 * (double)a.p[1] + 3.0 * (double)a.p[2] +
                          4.0 * (double)a.p[3];
            FN(check_scalar)(NAME_GEMV " broadcast A", y[i], want, 40.0);
        }
        CHECK_OK(GEMV(ctx, OXPAR_TRANS_YES, 5, 4, &one, a.p, 0, 1, &xv, 0, &zero, y, 1),
                 "%s %s incx 0", cname, NAME_GEMV);
        for (i = 0; i < 4; i++) {
            FN(check_scalar)(NAME_GEMV " incx 0", y[i], 15.0 * (double)a.p[i], 40.0);
        }
        free(a.buf);
    }
    {
        T x[6] = {1, 2, 3, 4, 5, 6}, y[6] = {1, 1, 1, 1, 1, 1}, two = 2, out = 0;
        size_t i;
        CHECK_OK(DOT(ctx, 6, x + 2, 0, x, 1, &out), "%s %s incx 0", cname, NAME_DOT);
        FN(check_scalar)(NAME_DOT " incx 0", out, 3.0 * 21.0, 63.0);
        CHECK_OK(AXPY(ctx, 6, &two, x + 5, 0, y, 1), "%s %s incx 0", cname, NAME_AXPY);
        for (i = 0; i < 6; i++) {
            FN(check_scalar)(NAME_AXPY " incx 0", y[i], 13.0, 13.0);
        }
        CHECK_OK(NRM2(ctx, 4, x + 1, 0, &out), "%s %s incx 0", cname, NAME_NRM2);
        FN(check_scalar)(NAME_NRM2 " incx 0", out, 4.0, 4.0);
    }
}

/* Written arrays sharing memory with read arrays: the result is the one the
 * same call gives on private copies of the inputs. */
static void FN(test_aliasing)(const oxpar_context *ctx, const char *cname) {
    T buf[64], copy[64], want[64], one = 1, half = (T)0.5, two = 2;
    double scale[64];
    size_t i, j, l;
    for (i = 0; i < 64; i++) {
        buf[i] = (T)rnd();
    }
    /* axpy: y = x shifted by one element, both ways, and y == x */
    memcpy(copy, buf, sizeof buf);
    memcpy(want, buf, sizeof buf);
    for (i = 0; i < 9; i++) {
        want[i + 1] = (T)((double)two * (double)copy[i] + (double)copy[i + 1]);
    }
    CHECK_OK(AXPY(ctx, 9, &two, buf, 1, buf + 1, 1), "%s %s y = x + 1", cname, NAME_AXPY);
    FN(compare)(NAME_AXPY " y = x + 1", buf, want, NULL, 64);
    memcpy(copy, buf, sizeof buf);
    for (i = 0; i < 9; i++) {
        want[i] = (T)((double)two * (double)copy[i + 1] + (double)copy[i]);
    }
    CHECK_OK(AXPY(ctx, 9, &two, buf + 1, 1, buf, 1), "%s %s x = y + 1", cname, NAME_AXPY);
    FN(compare)(NAME_AXPY " x = y + 1", buf, want, NULL, 64);
    memcpy(copy, buf, sizeof buf);
    for (i = 0; i < 8; i++) {
        want[3 * i] = (T)(3.0 * (double)copy[3 * i]);
    }
    CHECK_OK(AXPY(ctx, 8, &two, buf, 3, buf, 3), "%s %s x == y", cname, NAME_AXPY);
    FN(compare)(NAME_AXPY " x == y", buf, want, NULL, 64);
    /* copy onto a shifted self: as memmove */
    memcpy(copy, buf, sizeof buf);
    memmove(want + 2, copy, 10 * sizeof(T));
    CHECK_OK(COPY(ctx, 10, buf, 1, buf + 2, 1), "%s %s", cname, NAME_COPY);
    FN(compare)(NAME_COPY " shifted", buf, want, NULL, 64);
    memcpy(copy, buf, sizeof buf);
    memmove(want, copy + 1, 10 * sizeof(T));
    CHECK_OK(COPY(ctx, 10, buf + 1, 1, buf, 1), "%s %s", cname, NAME_COPY);
    FN(compare)(NAME_COPY " shifted down", buf, want, NULL, 64);
    /* swap: interleaved vectors are disjoint; shared elements are an error */
    memcpy(copy, buf, sizeof buf);
    for (i = 0; i < 5; i++) {
        want[2 * i] = copy[2 * i + 1];
        want[2 * i + 1] = copy[2 * i];
    }
    CHECK_OK(SWAP(ctx, 5, buf, 2, buf + 1, 2), "%s %s interleaved", cname, NAME_SWAP);
    FN(compare)(NAME_SWAP " interleaved", buf, want, NULL, 64);
    CHECK_OK(SWAP(ctx, 5, buf, 2, buf, 2), "%s %s x == y", cname, NAME_SWAP);
    FN(compare)(NAME_SWAP " x == y", buf, want, NULL, 64);
    memcpy(copy, buf, sizeof buf);
    memcpy(want, buf, sizeof buf);
    for (i = 0; i < 4; i++) { /* 0 4 8 12 and 1 3 5 7: ranges meet, elements do not */
        want[4 * i] = copy[1 + 2 * i];
        want[1 + 2 * i] = copy[4 * i];
    }
    CHECK_OK(SWAP(ctx, 4, buf, 4, buf + 1, 2), "%s %s disjoint, different strides", cname,
             NAME_SWAP);
    FN(compare)(NAME_SWAP " disjoint, different strides", buf, want, NULL, 64);
    memcpy(copy, buf, sizeof buf);
    /* 0 2 4 6 8 and 2 4 6 8 10; 0 3 6 9 and 1 3 5 7: shared elements */
    CHECK_ERR(SWAP(ctx, 5, buf, 2, buf + 2, 2), OXPAR_STATUS_INVALID_ARGUMENT, NAME_SWAP, "y");
    CHECK_ERR(SWAP(ctx, 4, buf, 3, buf + 1, 2), OXPAR_STATUS_INVALID_ARGUMENT, NAME_SWAP, "y");
    FN(compare)(NAME_SWAP " refused", buf, copy, NULL, 64);
    /* gemv: y overlapping x and A */
    memcpy(copy, buf, sizeof buf);
    memcpy(want, buf, sizeof buf);
    for (i = 0; i < 4; i++) { /* A 4x3 at buf (lda 4), x at buf+5, y at buf+2 */
        double s = 0;
        for (j = 0; j < 3; j++) {
            s += (double)copy[i + 4 * j] * (double)copy[5 + j];
        }
        want[2 + i] = (T)(s + 0.5 * (double)copy[2 + i]);
    }
    CHECK_OK(GEMV(ctx, OXPAR_TRANS_NO, 4, 3, &one, buf, 1, 4, buf + 5, 1, &half, buf + 2, 1),
             "%s %s y overlaps A and x", cname, NAME_GEMV);
    FN(compare)(NAME_GEMV " y overlaps A and x", buf, want, NULL, 64);
    /* ger: x and y inside A */
    memcpy(copy, buf, sizeof buf);
    memcpy(want, buf, sizeof buf);
    for (i = 0; i < 4; i++) { /* A 4x3 at buf+10 (lda 5), x at buf+11, y at buf+16 (inc 5) */
        for (j = 0; j < 3; j++) {
            want[10 + i + 5 * j] = (T)((double)copy[10 + i + 5 * j] +
                                       (double)copy[11 + i] * (double)copy[16 + 5 * j]);
        }
    }
    CHECK_OK(GER(ctx, 4, 3, &one, buf + 11, 1, buf + 16, 5, buf + 10, 1, 5),
             "%s %s A overlaps x and y", cname, NAME_GER);
    FN(compare)(NAME_GER " A overlaps x and y", buf, want, NULL, 64);
    /* gemm: C overlapping A and B, C == A (in-place update A := A*B + A) */
    memcpy(copy, buf, sizeof buf);
    memcpy(want, buf, sizeof buf);
    for (i = 0; i < 64; i++) {
        scale[i] = 0.0;
    }
    for (i = 0; i < 4; i++) { /* A 4x4 at buf (lda 4), B 4x4 at buf+4 (lda 4), C = A */
        for (j = 0; j < 4; j++) {
            double s = 0, sc = 0;
            for (l = 0; l < 4; l++) {
                double t = (double)copy[i + 4 * l] * (double)copy[4 + l + 4 * j];
                s += t;
                sc += fabs(t);
            }
            want[i + 4 * j] = (T)(s + (double)copy[i + 4 * j]);
            scale[i + 4 * j] = sc + fabs((double)copy[i + 4 * j]) + 1e-300;
        }
    }
    CHECK_OK(GEMM(ctx, OXPAR_TRANS_NO, OXPAR_TRANS_NO, 4, 4, 4, &one, buf, 1, 4, buf + 4, 1, 4,
                  &one, buf, 1, 4),
             "%s %s C == A", cname, NAME_GEMM);
    FN(compare)(NAME_GEMM " C == A", buf, want, scale, 64);
}

/* ------------------------------------------------------------------ */
/* Driver for the correct-input tests                                  */
/* ------------------------------------------------------------------ */

static void FN(test_blas)(const oxpar_context *ctx, const char *cname) {
    static const size_t sizes1[] = {0, 1, 2, 7, 37, 100, 1000};
    static const ptrdiff_t incs[][2] = {{1, 1}, {2, -1}, {-3, 2}, {-1, -1}, {3, 3}};
    static const size_t shapes2[][2] = {{0, 0}, {0, 5}, {5, 0}, {1, 1}, {1, 7},
                                        {7, 1}, {37, 19}, {19, 37}, {100, 100}};
    static const size_t shapes3[][3] = {{0, 0, 0}, {0, 3, 2}, {3, 0, 2}, {3, 2, 0},
                                        {1, 1, 1}, {2, 3, 4}, {7, 5, 3}, {37, 19, 23},
                                        {17, 37, 29}};
    size_t s, k;
    int t, l, combo;

    rnd_seed(42);
    for (s = 0; s < sizeof sizes1 / sizeof sizes1[0]; s++) {
        for (k = 0; k < sizeof incs / sizeof incs[0]; k++) {
            FN(level1_case)(ctx, cname, sizes1[s], incs[k][0], incs[k][1], (int)(s + k));
        }
    }
    FN(level1_special)(ctx, cname);
    FN(level1_long)(ctx, cname);

    for (s = 0; s < sizeof shapes2 / sizeof shapes2[0]; s++) {
        size_t m = shapes2[s][0], n = shapes2[s][1];
        combo = 0;
        for (t = 0; t < 2; t++) {
            for (l = 0; l < LAYOUT_COUNT; l++, combo++) {
                const ptrdiff_t *inc = incs[(size_t)combo % 5];
                FN(gemv_case)(ctx, cname, t, m, n, l, inc[0], inc[1], (combo + (int)s) % 5);
            }
        }
        for (l = 0; l < LAYOUT_COUNT; l++) {
            const ptrdiff_t *inc = incs[(size_t)(l + (int)s) % 5];
            FN(ger_case)(ctx, cname, m, n, l, inc[0], inc[1], l + (int)s);
        }
    }

    for (s = 0; s < sizeof shapes3 / sizeof shapes3[0]; s++) {
        size_t m = shapes3[s][0], n = shapes3[s][1], kk = shapes3[s][2];
        combo = 0;
        for (t = 0; t < 4; t++) {
            for (l = 0; l < LAYOUT_COUNT; l++, combo++) {
                FN(gemm_case)(ctx, cname, t & 1, t >> 1, m, n, kk, l, (l + 1) % LAYOUT_COUNT,
                              (l + 2) % LAYOUT_COUNT, (combo + (int)s) % 5);
            }
        }
    }
    /* 100 x 100 x 100: the packed kernels, column-major and row-major/transposed */
    FN(gemm_case)(ctx, cname, 0, 0, 100, 100, 100, LAYOUT_COL, LAYOUT_COL, LAYOUT_COL, 1);
    FN(gemm_case)(ctx, cname, 1, 1, 100, 100, 100, LAYOUT_ROW, LAYOUT_COL, LAYOUT_ROW, 0);
    /* above the level 3 cutoff (128^3 multiply-adds): a threads context splits it */
    FN(gemm_case)(ctx, cname, 0, 1, 160, 150, 140, LAYOUT_COL, LAYOUT_ROW, LAYOUT_COL, 2);
    FN(test_views)(ctx, cname);
    FN(test_aliasing)(ctx, cname);
}

/* ------------------------------------------------------------------ */
/* Bad input: exact status, message naming the argument, outputs kept  */
/* ------------------------------------------------------------------ */

static void FN(test_bad_input)(const oxpar_context *ctx) {
    /* Operands: vectors of 5 (x, y), a 4 x 3 column-major matrix with lda 4. */
    T xb[16], yb[16], ab[64], bb[64], cb[64];
    T ys[16], as[64], cs[64], xs[16];
    T one = 1, out = (T)-777, outs = (T)-777;
    size_t iout = 4242;
    const ptrdiff_t big = PTRDIFF_MAX, small = PTRDIFF_MIN;
    int i;

    for (i = 0; i < 16; i++) {
        xb[i] = (T)(i + 1);
        yb[i] = (T)(100 + i);
    }
    for (i = 0; i < 64; i++) {
        ab[i] = (T)(i % 7);
        bb[i] = (T)(i % 5);
        cb[i] = (T)(1000 + i);
    }
    memcpy(ys, yb, sizeof yb);
    memcpy(xs, xb, sizeof xb);
    memcpy(as, ab, sizeof ab);
    memcpy(cs, cb, sizeof cb);

#define UNCHANGED(what)                                                                   \
    do {                                                                                  \
        CHECK(memcmp(xb, xs, sizeof xb) == 0 && memcmp(yb, ys, sizeof yb) == 0 &&         \
                  memcmp(ab, as, sizeof ab) == 0 && memcmp(cb, cs, sizeof cb) == 0 &&     \
                  memcmp(&out, &outs, sizeof out) == 0 && iout == 4242,                   \
              "%s: an output was modified by a failing call", what);                      \
    } while (0)

    /* axpy */
    CHECK_ERR(AXPY(NULL, 5, &one, xb, 1, yb, 1), OXPAR_STATUS_NULL_POINTER, NAME_AXPY, "ctx");
    CHECK_ERR(AXPY(ctx, 5, NULL, xb, 1, yb, 1), OXPAR_STATUS_NULL_POINTER, NAME_AXPY, "alpha");
    CHECK_ERR(AXPY(ctx, 5, &one, NULL, 1, yb, 1), OXPAR_STATUS_NULL_POINTER, NAME_AXPY, "x");
    CHECK_ERR(AXPY(ctx, 5, &one, xb, 1, NULL, 1), OXPAR_STATUS_NULL_POINTER, NAME_AXPY, "y");
    CHECK_ERR(AXPY(ctx, 5, &one, xb, 1, yb, 0), OXPAR_STATUS_INVALID_STRIDE, NAME_AXPY, "incy");
    CHECK_ERR(AXPY(ctx, 2, &one, xb, big, yb, 1), OXPAR_STATUS_INVALID_STRIDE, NAME_AXPY,
              "incx");
    CHECK_ERR(AXPY(ctx, 2, &one, xb, 1, yb, small), OXPAR_STATUS_INVALID_STRIDE, NAME_AXPY,
              "incy");
    UNCHANGED(NAME_AXPY);

    /* scal */
    CHECK_ERR(SCAL(NULL, 5, &one, xb, 1), OXPAR_STATUS_NULL_POINTER, NAME_SCAL, "ctx");
    CHECK_ERR(SCAL(ctx, 5, NULL, xb, 1), OXPAR_STATUS_NULL_POINTER, NAME_SCAL, "alpha");
    CHECK_ERR(SCAL(ctx, 5, &one, NULL, 1), OXPAR_STATUS_NULL_POINTER, NAME_SCAL, "x");
    CHECK_ERR(SCAL(ctx, 5, &one, xb, 0), OXPAR_STATUS_INVALID_STRIDE, NAME_SCAL, "incx");
    CHECK_ERR(SCAL(ctx, 2, &one, xb, big), OXPAR_STATUS_INVALID_STRIDE, NAME_SCAL, "incx");
    UNCHANGED(NAME_SCAL);

    /* copy */
    CHECK_ERR(COPY(NULL, 5, xb, 1, yb, 1), OXPAR_STATUS_NULL_POINTER, NAME_COPY, "ctx");
    CHECK_ERR(COPY(ctx, 5, NULL, 1, yb, 1), OXPAR_STATUS_NULL_POINTER, NAME_COPY, "x");
    CHECK_ERR(COPY(ctx, 5, xb, 1, NULL, 1), OXPAR_STATUS_NULL_POINTER, NAME_COPY, "y");
    CHECK_ERR(COPY(ctx, 5, xb, 1, yb, 0), OXPAR_STATUS_INVALID_STRIDE, NAME_COPY, "incy");
    CHECK_ERR(COPY(ctx, 2, xb, 1, yb, big), OXPAR_STATUS_INVALID_STRIDE, NAME_COPY, "incy");
    UNCHANGED(NAME_COPY);

    /* swap */
    CHECK_ERR(SWAP(NULL, 5, xb, 1, yb, 1), OXPAR_STATUS_NULL_POINTER, NAME_SWAP, "ctx");
    CHECK_ERR(SWAP(ctx, 5, NULL, 1, yb, 1), OXPAR_STATUS_NULL_POINTER, NAME_SWAP, "x");
    CHECK_ERR(SWAP(ctx, 5, xb, 1, NULL, 1), OXPAR_STATUS_NULL_POINTER, NAME_SWAP, "y");
    CHECK_ERR(SWAP(ctx, 5, xb, 0, yb, 1), OXPAR_STATUS_INVALID_STRIDE, NAME_SWAP, "incx");
    CHECK_ERR(SWAP(ctx, 5, xb, 1, yb, 0), OXPAR_STATUS_INVALID_STRIDE, NAME_SWAP, "incy");
    CHECK_ERR(SWAP(ctx, 2, xb, small, yb, 1), OXPAR_STATUS_INVALID_STRIDE, NAME_SWAP, "incx");
    CHECK_ERR(SWAP(ctx, 5, xb, 1, xb + 2, 1), OXPAR_STATUS_INVALID_ARGUMENT, NAME_SWAP, "y");
    UNCHANGED(NAME_SWAP);

    /* dot */
    CHECK_ERR(DOT(NULL, 5, xb, 1, yb, 1, &out), OXPAR_STATUS_NULL_POINTER, NAME_DOT, "ctx");
    CHECK_ERR(DOT(ctx, 5, NULL, 1, yb, 1, &out), OXPAR_STATUS_NULL_POINTER, NAME_DOT, "x");
    CHECK_ERR(DOT(ctx, 5, xb, 1, NULL, 1, &out), OXPAR_STATUS_NULL_POINTER, NAME_DOT, "y");
    CHECK_ERR(DOT(ctx, 2, xb, big, yb, 1, &out), OXPAR_STATUS_INVALID_STRIDE, NAME_DOT, "incx");
    CHECK_ERR(DOT(ctx, 5, xb, 1, yb, 1, NULL), OXPAR_STATUS_NULL_POINTER, NAME_DOT, "out");
    UNCHANGED(NAME_DOT);

    /* nrm2, asum, iamax */
    CHECK_ERR(NRM2(NULL, 5, xb, 1, &out), OXPAR_STATUS_NULL_POINTER, NAME_NRM2, "ctx");
    CHECK_ERR(NRM2(ctx, 5, NULL, 1, &out), OXPAR_STATUS_NULL_POINTER, NAME_NRM2, "x");
    CHECK_ERR(NRM2(ctx, 2, xb, big, &out), OXPAR_STATUS_INVALID_STRIDE, NAME_NRM2, "incx");
    CHECK_ERR(NRM2(ctx, 5, xb, 1, NULL), OXPAR_STATUS_NULL_POINTER, NAME_NRM2, "out");
    CHECK_ERR(ASUM(NULL, 5, xb, 1, &out), OXPAR_STATUS_NULL_POINTER, NAME_ASUM, "ctx");
    CHECK_ERR(ASUM(ctx, 5, NULL, 1, &out), OXPAR_STATUS_NULL_POINTER, NAME_ASUM, "x");
    CHECK_ERR(ASUM(ctx, 2, xb, small, &out), OXPAR_STATUS_INVALID_STRIDE, NAME_ASUM, "incx");
    CHECK_ERR(ASUM(ctx, 5, xb, 1, NULL), OXPAR_STATUS_NULL_POINTER, NAME_ASUM, "out");
    CHECK_ERR(IAMAX(NULL, 5, xb, 1, &iout), OXPAR_STATUS_NULL_POINTER, NAME_IAMAX, "ctx");
    CHECK_ERR(IAMAX(ctx, 5, NULL, 1, &iout), OXPAR_STATUS_NULL_POINTER, NAME_IAMAX, "x");
    CHECK_ERR(IAMAX(ctx, 2, xb, big, &iout), OXPAR_STATUS_INVALID_STRIDE, NAME_IAMAX, "incx");
    CHECK_ERR(IAMAX(ctx, 5, xb, 1, NULL), OXPAR_STATUS_NULL_POINTER, NAME_IAMAX, "out");
    UNCHANGED("nrm2/asum/iamax");

    /* gemv: A is 4 x 3 column-major (rsa 1, csa 4); x has 3 elements, y 4 */
    CHECK_ERR(GEMV(NULL, OXPAR_TRANS_NO, 4, 3, &one, ab, 1, 4, xb, 1, &one, yb, 1),
              OXPAR_STATUS_NULL_POINTER, NAME_GEMV, "ctx");
    CHECK_ERR(GEMV(ctx, 3, 4, 3, &one, ab, 1, 4, xb, 1, &one, yb, 1),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME_GEMV, "trans");
    CHECK_ERR(GEMV(ctx, -1, 4, 3, &one, ab, 1, 4, xb, 1, &one, yb, 1),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME_GEMV, "trans");
    CHECK_ERR(GEMV(ctx, OXPAR_TRANS_NO, 4, 3, NULL, ab, 1, 4, xb, 1, &one, yb, 1),
              OXPAR_STATUS_NULL_POINTER, NAME_GEMV, "alpha");
    CHECK_ERR(GEMV(ctx, OXPAR_TRANS_NO, 4, 3, &one, ab, 1, 4, xb, 1, NULL, yb, 1),
              OXPAR_STATUS_NULL_POINTER, NAME_GEMV, "beta");
    CHECK_ERR(GEMV(ctx, OXPAR_TRANS_NO, 4, 3, &one, NULL, 1, 4, xb, 1, &one, yb, 1),
              OXPAR_STATUS_NULL_POINTER, NAME_GEMV, "a");
    CHECK_ERR(GEMV(ctx, OXPAR_TRANS_NO, 4, 3, &one, ab, 1, big, xb, 1, &one, yb, 1),
              OXPAR_STATUS_INVALID_STRIDE, NAME_GEMV, "csa");
    CHECK_ERR(GEMV(ctx, OXPAR_TRANS_NO, 4, 3, &one, ab, 1, 4, NULL, 1, &one, yb, 1),
              OXPAR_STATUS_NULL_POINTER, NAME_GEMV, "x");
    CHECK_ERR(GEMV(ctx, OXPAR_TRANS_NO, 4, 3, &one, ab, 1, 4, xb, 1, &one, NULL, 1),
              OXPAR_STATUS_NULL_POINTER, NAME_GEMV, "y");
    CHECK_ERR(GEMV(ctx, OXPAR_TRANS_NO, 4, 3, &one, ab, 1, 4, xb, 1, &one, yb, 0),
              OXPAR_STATUS_INVALID_STRIDE, NAME_GEMV, "incy");
    CHECK_ERR(GEMV(ctx, OXPAR_TRANS_NO, 4, 3, &one, ab, 1, 4, xb, 1, &one, yb, small),
              OXPAR_STATUS_INVALID_STRIDE, NAME_GEMV, "incy");
    UNCHANGED(NAME_GEMV);

    /* ger: A (4 x 3, lda 4) += alpha x y^T, x of 4, y of 3 */
    CHECK_ERR(GER(NULL, 4, 3, &one, xb, 1, yb, 1, cb, 1, 4), OXPAR_STATUS_NULL_POINTER, NAME_GER,
              "ctx");
    CHECK_ERR(GER(ctx, 4, 3, NULL, xb, 1, yb, 1, cb, 1, 4), OXPAR_STATUS_NULL_POINTER, NAME_GER,
              "alpha");
    CHECK_ERR(GER(ctx, 4, 3, &one, NULL, 1, yb, 1, cb, 1, 4), OXPAR_STATUS_NULL_POINTER,
              NAME_GER, "x");
    CHECK_ERR(GER(ctx, 4, 3, &one, xb, 1, NULL, 1, cb, 1, 4), OXPAR_STATUS_NULL_POINTER,
              NAME_GER, "y");
    CHECK_ERR(GER(ctx, 4, 3, &one, xb, 1, yb, 1, NULL, 1, 4), OXPAR_STATUS_NULL_POINTER,
              NAME_GER, "a");
    CHECK_ERR(GER(ctx, 4, 3, &one, xb, 1, yb, 1, cb, 0, 4), OXPAR_STATUS_INVALID_STRIDE,
              NAME_GER, "rsa");
    CHECK_ERR(GER(ctx, 4, 3, &one, xb, 1, yb, 1, cb, 1, 2), OXPAR_STATUS_INVALID_STRIDE,
              NAME_GER, "csa"); /* csa < m */
    CHECK_ERR(GER(ctx, 4, 3, &one, xb, 1, yb, 1, cb, 1, big), OXPAR_STATUS_INVALID_STRIDE,
              NAME_GER, "csa");
    UNCHANGED(NAME_GER);

    /* gemm: C (4 x 3, ldc 4) := A (4 x 2, lda 4) * B (2 x 3, ldb 2) */
#define GEMM_ARGS_A ab, 1, 4
#define GEMM_ARGS_B bb, 1, 2
#define GEMM_ARGS_C cb, 1, 4
    CHECK_ERR(GEMM(NULL, 0, 0, 4, 3, 2, &one, GEMM_ARGS_A, GEMM_ARGS_B, &one, GEMM_ARGS_C),
              OXPAR_STATUS_NULL_POINTER, NAME_GEMM, "ctx");
    CHECK_ERR(GEMM(ctx, 3, 0, 4, 3, 2, &one, GEMM_ARGS_A, GEMM_ARGS_B, &one, GEMM_ARGS_C),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME_GEMM, "transa");
    CHECK_ERR(GEMM(ctx, 0, -1, 4, 3, 2, &one, GEMM_ARGS_A, GEMM_ARGS_B, &one, GEMM_ARGS_C),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME_GEMM, "transb");
    CHECK_ERR(GEMM(ctx, 0, 0, 4, 3, 2, NULL, GEMM_ARGS_A, GEMM_ARGS_B, &one, GEMM_ARGS_C),
              OXPAR_STATUS_NULL_POINTER, NAME_GEMM, "alpha");
    CHECK_ERR(GEMM(ctx, 0, 0, 4, 3, 2, &one, GEMM_ARGS_A, GEMM_ARGS_B, NULL, GEMM_ARGS_C),
              OXPAR_STATUS_NULL_POINTER, NAME_GEMM, "beta");
    CHECK_ERR(GEMM(ctx, 0, 0, 4, 3, 2, &one, NULL, 1, 4, GEMM_ARGS_B, &one, GEMM_ARGS_C),
              OXPAR_STATUS_NULL_POINTER, NAME_GEMM, "a");
    CHECK_ERR(GEMM(ctx, 0, 0, 4, 3, 2, &one, GEMM_ARGS_A, NULL, 1, 2, &one, GEMM_ARGS_C),
              OXPAR_STATUS_NULL_POINTER, NAME_GEMM, "b");
    CHECK_ERR(GEMM(ctx, 0, 0, 4, 3, 2, &one, GEMM_ARGS_A, GEMM_ARGS_B, &one, NULL, 1, 4),
              OXPAR_STATUS_NULL_POINTER, NAME_GEMM, "c");
    CHECK_ERR(GEMM(ctx, 0, 0, 4, 3, 2, &one, ab, 1, big, GEMM_ARGS_B, &one, GEMM_ARGS_C),
              OXPAR_STATUS_INVALID_STRIDE, NAME_GEMM, "csa");
    CHECK_ERR(GEMM(ctx, 0, 0, 4, 3, 2, &one, GEMM_ARGS_A, GEMM_ARGS_B, &one, cb, 1, 3),
              OXPAR_STATUS_INVALID_STRIDE, NAME_GEMM, "csc"); /* csc < m */
    CHECK_ERR(GEMM(ctx, 0, 0, 4, 3, 2, &one, GEMM_ARGS_A, GEMM_ARGS_B, &one, cb, 2, 1),
              OXPAR_STATUS_INVALID_STRIDE, NAME_GEMM, "rsc"); /* row-major C, rsc < n */
    CHECK_ERR(GEMM(ctx, 0, 0, 4, 3, 2, &one, GEMM_ARGS_A, GEMM_ARGS_B, &one, cb, 1, big),
              OXPAR_STATUS_INVALID_STRIDE, NAME_GEMM, "csc");
    CHECK_ERR(GEMM(ctx, 0, 0, 4, 3, 2, &one, GEMM_ARGS_A, GEMM_ARGS_B, &one, cb, 0, 4),
              OXPAR_STATUS_INVALID_STRIDE, NAME_GEMM, "rsc");
    UNCHANGED(NAME_GEMM);
#undef GEMM_ARGS_A
#undef GEMM_ARGS_B
#undef GEMM_ARGS_C
#undef UNCHANGED
}

#undef FN
#undef GLUE
#undef GLUE_
