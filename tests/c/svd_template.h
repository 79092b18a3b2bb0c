/*
 * The SVD and SVD least-squares checks of one element type, included by
 * test_svd.c with T (the element type), R (its real type), TL (its letter),
 * TLS (the letter as a string), SFX (a suffix for the function names), EPS
 * (its machine epsilon) and CPLX (1 for the complex types) defined.
 */

#define FN(name) CAT(name, SFX)
#define OX(name) CAT(CAT(oxpar_, TL), name)
#define NAME(name) ("oxpar_" TLS #name)

static T FN(elem)(void) {
#if CPLX
    return (T)(rnd() + rnd() * I);
#else
    return (T)rnd();
#endif
}

/* A random m x n matrix, column-major with leading dimension m + 1 (or
 * row-major with leading dimension n + 1); the padding holds 77. */
static T *FN(new_mat)(size_t m, size_t n, int row_major, lay_t *l) {
    size_t len = (m + 1) * (n + 1), i, j;
    T *p = xmalloc(len * sizeof(T));
    l->len = len;
    l->off = 0;
    l->rs = row_major ? (ptrdiff_t)(n + 1) : 1;
    l->cs = row_major ? 1 : (ptrdiff_t)(m + 1);
    for (i = 0; i < len; i++) {
        p[i] = (T)77;
    }
    for (j = 0; j < n; j++) {
        for (i = 0; i < m; i++) {
            AT(p, *l, i, j) = FN(elem)();
        }
    }
    return p;
}

/* The m x n matrix of p in layout l as a column-major D array. */
static D *FN(to_d)(const T *p, lay_t l, size_t m, size_t n) {
    D *r = xmalloc((m * n + 1) * sizeof(D));
    size_t i, j;
    for (j = 0; j < n; j++) {
        for (i = 0; i < m; i++) {
            r[i + j * m] = (D)AT(p, l, i, j);
        }
    }
    return r;
}

/* Whether every padding element (outside the m x n view) still holds 77. */
static int FN(padding_kept)(const T *p, lay_t l, size_t m, size_t n) {
    size_t k, i, j;
    for (k = 0; k < l.len; k++) {
        int inside = 0;
        for (j = 0; j < n && !inside; j++) {
            for (i = 0; i < m; i++) {
                if ((ptrdiff_t)k == l.off + (ptrdiff_t)i * l.rs + (ptrdiff_t)j * l.cs) {
                    inside = 1;
                    break;
                }
            }
        }
        if (!inside && p[k] != (T)77) {
            return 0;
        }
    }
    return 1;
}

/* ||I - Q^H Q||_1 for the column-major m x p D matrix q. */
static double FN(orth_resid)(const D *q, size_t m, size_t p) {
    D *r = xmalloc((p * p + 1) * sizeof(D));
    double res;
    size_t i, j, k;
    for (j = 0; j < p; j++) {
        for (i = 0; i < p; i++) {
            D s = i == j ? -1.0 : 0.0;
            for (k = 0; k < m; k++) {
                s += conj(q[k + i * m]) * q[k + j * m];
            }
            r[i + j * p] = s;
        }
    }
    res = norm1(r, p, p);
    free(r);
    return res;
}

/* gesvd with jobs ju/jv on a random m x n matrix: LAPACK's ratios below
 * 30, s non-negative and descending and equal to the values alone, the
 * padding kept. */
static void FN(check_gesvd)(oxpar_context *ctx, const char *spec, size_t m, size_t n, char ju,
                            char jv, int row_major) {
    /* The jobs in either case, as LAPACK. */
    char uju = (char)toupper((unsigned char)ju), ujv = (char)toupper((unsigned char)jv);
    size_t k = m < n ? m : n, i, j, l;
    size_t pu = uju == 'A' ? m : (uju == 'S' ? k : 0), pv = ujv == 'A' ? n : (ujv == 'S' ? k : 0);
    lay_t la, lu, lv, la2;
    T *a = FN(new_mat)(m, n, row_major, &la), *u = FN(new_mat)(m, pu, !row_major, &lu);
    T *vt = FN(new_mat)(pv, n, row_major, &lv);
    T *a2 = xmalloc((la.len + 1) * sizeof(T));
    R *s = xmalloc((k + 1) * sizeof(R)), *s2 = xmalloc((k + 1) * sizeof(R));
    D *a0 = FN(to_d)(a, la, m, n);
    int64_t info = -7;
    oxpar_status st;
    la2 = la;
    memcpy(a2, a, la.len * sizeof(T));
    st = OX(gesvd)(ctx, ju, jv, m, n, a, la.rs, la.cs, s, pu ? u : NULL, lu.rs, lu.cs,
                   pv ? vt : NULL, lv.rs, lv.cs, &info);
    CHECK_OK(st, "%s gesvd %s %lux%lu jobs %c%c layout %d", TLS, spec, (unsigned long)m,
             (unsigned long)n, ju, jv, row_major);
    CHECK(info == 0, "%s gesvd info %ld", TLS, (long)info);
    CHECK(FN(padding_kept)(a, la, m, n) && FN(padding_kept)(u, lu, m, pu) &&
              FN(padding_kept)(vt, lv, pv, n),
          "%s gesvd %lux%lu: padding written", TLS, (unsigned long)m, (unsigned long)n);
    for (i = 0; i < k; i++) {
        CHECK(s[i] >= 0 && (i == 0 || s[i] <= s[i - 1]), "%s gesvd %lux%lu: s[%lu] = %g", TLS,
              (unsigned long)m, (unsigned long)n, (unsigned long)i, (double)s[i]);
    }
    /* The values alone agree. */
    st = OX(gesvd)(ctx, 'n', 'N', m, n, a2, la2.rs, la2.cs, s2, NULL, 0, 0, NULL, 0, 0, NULL);
    CHECK_OK(st, "%s gesvd values only", TLS);
    for (i = 0; i < k; i++) {
        CHECK(fabs((double)s[i] - (double)s2[i]) <= 30.0 * (double)(m + n) * EPS * (double)s[0],
              "%s gesvd %lux%lu: s[%lu] %g with vectors, %g without", TLS, (unsigned long)m,
              (unsigned long)n, (unsigned long)i, (double)s[i], (double)s2[i]);
    }
    if (pu && pv && k > 0) {
        D *ud = FN(to_d)(u, lu, m, pu), *vd = FN(to_d)(vt, lv, pv, n);
        D *vh = xmalloc((n * pv + 1) * sizeof(D)), *r = xmalloc((m * n + 1) * sizeof(D));
        double ratio;
        /* V = (V^H)^H, n x pv, for the orthonormality of its columns. */
        for (j = 0; j < pv; j++) {
            for (i = 0; i < n; i++) {
                vh[i + j * n] = conj(vd[j + i * pv]);
            }
        }
        ratio = FN(orth_resid)(ud, m, pu) / ((double)m * EPS);
        CHECK(ratio < 30.0, "%s gesvd %lux%lu %c: ||I - U^H U|| ratio %g", TLS, (unsigned long)m,
              (unsigned long)n, ju, ratio);
        ratio = FN(orth_resid)(vh, n, pv) / ((double)n * EPS);
        CHECK(ratio < 30.0, "%s gesvd %lux%lu %c: ||I - V^H V|| ratio %g", TLS, (unsigned long)m,
              (unsigned long)n, jv, ratio);
        for (j = 0; j < n; j++) {
            for (i = 0; i < m; i++) {
                D acc = a0[i + j * m];
                for (l = 0; l < k; l++) {
                    acc -= ud[i + l * m] * (double)s[l] * vd[l + j * pv];
                }
                r[i + j * m] = acc;
            }
        }
        ratio = norm1(r, m, n) / ((double)(m > n ? m : n) * norm1(a0, m, n) * EPS);
        CHECK(ratio < 30.0, "%s gesvd %s %lux%lu jobs %c%c layout %d: ||A - U S V^H|| ratio %g",
              TLS, spec, (unsigned long)m, (unsigned long)n, ju, jv, row_major, ratio);
        free(ud);
        free(vd);
        free(vh);
        free(r);
    }
    free(a);
    free(a2);
    free(u);
    free(vt);
    free(s);
    free(s2);
    free(a0);
}

/* gelss on a rank-r system A = X*Y (m x r times r x n) with a consistent
 * right-hand side b = A*x0, x0 = A^H z in A's row space: the rank comes out
 * as r and X is x0 (the minimum-norm solution). */
static void FN(check_gelss)(oxpar_context *ctx, size_t m, size_t n, size_t r, int row_major) {
    size_t mx = m > n ? m : n, k = m < n ? m : n, i, j, l;
    lay_t lx, ly, la, lb;
    T *x = FN(new_mat)(m, r, 0, &lx), *y = FN(new_mat)(r, n, 0, &ly);
    T *a = FN(new_mat)(m, n, row_major, &la), *b = FN(new_mat)(mx, 1, row_major, &lb);
    D *ad, *x0 = xmalloc((n + 1) * sizeof(D)), *z = xmalloc((m + 1) * sizeof(D));
    R *s = xmalloc((k + 1) * sizeof(R));
    int64_t rank = -1, info = -7;
    double err = 0.0, nrm = 0.0;
    oxpar_status st;
    for (j = 0; j < n; j++) {
        for (i = 0; i < m; i++) {
            T acc = 0;
            for (l = 0; l < r; l++) {
                acc += AT(x, lx, i, l) * AT(y, ly, l, j);
            }
            AT(a, la, i, j) = acc;
        }
    }
    ad = FN(to_d)(a, la, m, n);
    for (i = 0; i < m; i++) {
        z[i] = (D)FN(elem)();
    }
    for (j = 0; j < n; j++) {
        x0[j] = 0;
        for (i = 0; i < m; i++) {
            x0[j] += conj(ad[i + j * m]) * z[i];
        }
    }
    for (i = 0; i < m; i++) {
        D acc = 0;
        for (j = 0; j < n; j++) {
            acc += ad[i + j * m] * x0[j];
        }
        AT(b, lb, i, 0) = (T)acc;
    }
    st = OX(gelss)(ctx, m, n, 1, a, la.rs, la.cs, b, lb.rs, lb.cs, (R)1e-4, s, &rank, &info);
    CHECK_OK(st, "%s gelss %lux%lu rank %lu", TLS, (unsigned long)m, (unsigned long)n,
             (unsigned long)r);
    CHECK(info == 0, "%s gelss info %ld", TLS, (long)info);
    CHECK(rank == (int64_t)r, "%s gelss %lux%lu: rank %ld, want %lu", TLS, (unsigned long)m,
          (unsigned long)n, (long)rank, (unsigned long)r);
    for (j = 0; j < n; j++) {
        err += cabs((D)AT(b, lb, j, 0) - x0[j]);
        nrm += cabs(x0[j]);
    }
    CHECK(err <= 1e4 * EPS * (nrm > 1.0 ? nrm : 1.0),
          "%s gelss %lux%lu rank %lu: ||X - x0||_1 = %g (||x0||_1 = %g)", TLS, (unsigned long)m,
          (unsigned long)n, (unsigned long)r, err, nrm);
    free(x);
    free(y);
    free(a);
    free(b);
    free(ad);
    free(x0);
    free(z);
    free(s);
}

/* Bad arguments: an unknown or 'O' job, NULL pointers, overlapping
 * outputs, NaN; info left alone by argument errors. */
static void FN(check_svd_bad_input)(oxpar_context *ctx) {
    T a[16], u[16], vt[16], b[8];
    R s[4];
    int64_t info = -5, rank = -5;
    size_t i;
    for (i = 0; i < 16; i++) {
        a[i] = (T)(i % 5 == 0 ? 4.0 : 0.5);
        u[i] = vt[i] = (T)0;
    }
    for (i = 0; i < 8; i++) {
        b[i] = (T)1;
    }
    CHECK_ERR(OX(gesvd)(ctx, 'O', 'N', 4, 4, a, 1, 4, s, u, 1, 4, NULL, 1, 4, &info),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME(gesvd), "jobu");
    CHECK_ERR(OX(gesvd)(ctx, 'N', 'x', 4, 4, a, 1, 4, s, NULL, 1, 4, NULL, 1, 4, &info),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME(gesvd), "jobvt");
    CHECK_ERR(OX(gesvd)(ctx, 'N', 'N', 4, 4, NULL, 1, 4, s, NULL, 1, 4, NULL, 1, 4, &info),
              OXPAR_STATUS_NULL_POINTER, NAME(gesvd), "a");
    CHECK_ERR(OX(gesvd)(ctx, 'N', 'N', 4, 4, a, 1, 4, NULL, NULL, 1, 4, NULL, 1, 4, &info),
              OXPAR_STATUS_NULL_POINTER, NAME(gesvd), "s");
    CHECK_ERR(OX(gesvd)(ctx, 'S', 'N', 4, 4, a, 1, 4, s, NULL, 1, 4, NULL, 1, 4, &info),
              OXPAR_STATUS_NULL_POINTER, NAME(gesvd), "u");
    /* u inside a */
    CHECK_ERR(OX(gesvd)(ctx, 'S', 'N', 2, 2, a, 1, 4, s, a + 1, 1, 4, NULL, 1, 4, &info),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME(gesvd), "u");
    CHECK(info == -5, "%s gesvd: an argument error wrote info", TLS);
    a[5] = (T)NAN;
    CHECK_ERR(OX(gesvd)(ctx, 'A', 'A', 4, 4, a, 1, 4, s, u, 1, 4, vt, 1, 4, &info),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME(gesvd), "a");
    a[5] = (T)INFINITY;
    CHECK_ERR(OX(gelss)(ctx, 4, 4, 1, a, 1, 4, b, 1, 4, (R)-1, s, &rank, &info),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME(gelss), "a");
    a[5] = (T)4;
    CHECK_ERR(OX(gelss)(ctx, 4, 4, 1, a, 1, 4, NULL, 1, 4, (R)-1, s, &rank, &info),
              OXPAR_STATUS_NULL_POINTER, NAME(gelss), "b");
    CHECK_ERR(OX(gelss)(ctx, 4, 4, 1, a, 1, 4, b, 1, 4, (R)NAN, s, &rank, &info),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME(gelss), "rcond");
    CHECK(info == -5 && rank == -5, "%s gelss: an argument error wrote info or rank", TLS);
    /* Empty: X = 0 in b's max(m, n) rows, rank 0; NULL rank and info. */
    CHECK_OK(OX(gelss)(ctx, 0, 3, 1, NULL, 1, 1, b, 1, 3, (R)-1, NULL, &rank, &info),
             "%s gelss 0x3", TLS);
    CHECK(rank == 0 && info == 0 && b[0] == (T)0 && b[2] == (T)0 && b[3] == (T)1,
          "%s gelss 0x3: rank %ld info %ld", TLS, (long)rank, (long)info);
    CHECK_OK(OX(gelss)(ctx, 4, 4, 1, a, 1, 4, b, 1, 4, (R)-1, s, NULL, NULL),
             "%s gelss NULL rank and info", TLS);
}

static void FN(check_svd_all)(oxpar_context *ctx, const char *spec) {
    static const size_t shapes[][2] = {{0, 0}, {0, 3}, {3, 0}, {1, 1}, {5, 3},
                                       {3, 5}, {7, 7}, {33, 20}, {20, 33}, {40, 40}};
    static const char jobs[][2] = {{'A', 'A'}, {'S', 'S'}, {'N', 'N'}, {'s', 'N'}, {'N', 'a'}};
    size_t c, j;
    for (c = 0; c < sizeof shapes / sizeof shapes[0]; c++) {
        for (j = 0; j < sizeof jobs / sizeof jobs[0]; j++) {
            FN(check_gesvd)(ctx, spec, shapes[c][0], shapes[c][1], jobs[j][0], jobs[j][1],
                            (int)((c + j) % 2));
        }
    }
    FN(check_gelss)(ctx, 6, 4, 2, 0);
    FN(check_gelss)(ctx, 4, 6, 2, 1);
    FN(check_gelss)(ctx, 9, 9, 5, 0);
    FN(check_gelss)(ctx, 30, 12, 12, 1);
    FN(check_gelss)(ctx, 12, 30, 7, 0);
    FN(check_svd_bad_input)(ctx);
}

#undef FN
#undef OX
#undef NAME
