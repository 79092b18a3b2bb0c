/*
 * The QR and least-squares checks of one element type, included by
 * test_qr.c with T (the element type), R (its real type), TL (its letter),
 * TLS (the letter as a string), SFX (a suffix for the function names), EPS
 * (its machine epsilon) and CPLX (1 for the complex types) defined.
 */

#define FN(name) CAT(name, SFX)
#define OX(name) CAT(CAT(oxpar_, TL), name)
#define NAME(name) ("oxpar_" TLS #name)
#if CPLX
#define APPLYQ unmqr
#define FORMQ ungqr
#define APPLYQ_NAME ("oxpar_" TLS "unmqr")
#define FORMQ_NAME ("oxpar_" TLS "ungqr")
#define QT OXPAR_TRANS_CONJ
#else
#define APPLYQ ormqr
#define FORMQ orgqr
#define APPLYQ_NAME ("oxpar_" TLS "ormqr")
#define FORMQ_NAME ("oxpar_" TLS "orgqr")
#define QT OXPAR_TRANS_YES
#endif

static T FN(qelem)(void) {
#if CPLX
    return (T)(rnd() + rnd() * I);
#else
    return (T)rnd();
#endif
}

/* A random m x n matrix in a padded buffer: column-major with leading
 * dimension m + 1, or row-major with n + 1; `bump` added to the diagonal. */
static T *FN(new_mat)(size_t m, size_t n, int row_major, double bump, lay_t *l) {
    size_t ld = (row_major ? n : m) + 1, other = (row_major ? m : n) + 1, i;
    T *p = xmalloc(ld * other * sizeof(T));
    l->len = ld * other;
    l->off = 0;
    l->rs = row_major ? (ptrdiff_t)ld : 1;
    l->cs = row_major ? 1 : (ptrdiff_t)ld;
    for (i = 0; i < ld * other; i++) {
        p[i] = FN(qelem)();
    }
    for (i = 0; i < m && i < n; i++) {
        AT(p, *l, i, i) += (T)bump;
    }
    return p;
}

/* The m x n matrix of p in layout l as a column-major D array. */
static D *FN(qto_d)(const T *p, lay_t l, size_t m, size_t n) {
    D *r = xmalloc((m * n + 1) * sizeof(D));
    size_t i, j;
    for (j = 0; j < n; j++) {
        for (i = 0; i < m; i++) {
            r[i + j * m] = (D)AT(p, l, i, j);
        }
    }
    return r;
}

/* ||I - Q^H*Q||_1 / (m eps) of the column-major m x p matrix q. */
static double FN(orth_ratio)(const D *q, size_t m, size_t p) {
    D *r = xmalloc((p * p + 1) * sizeof(D));
    double ratio;
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
    ratio = norm1(r, p, p) / ((double)(m > 0 ? m : 1) * EPS);
    free(r);
    return ratio;
}

/* geqrf, then the thin Q by orgqr (and the full one when m > n):
 * ||A - Q*R|| and ||I - Q^H Q|| ratios; then ormqr on both sides, both
 * transposes, against products with the formed full Q. */
static void FN(check_qr)(oxpar_context *ctx, const char *spec, size_t m, size_t n, int row_major) {
    lay_t l, lq = {0, 1, (ptrdiff_t)(m + 2), 0};
    size_t k = m < n ? m : n, i, j, p;
    T *a = FN(new_mat)(m, n, row_major, 0.0, &l);
    D *a0 = FN(qto_d)(a, l, m, n), *q, *res, *qf;
    T *tau = xmalloc((k + 1) * sizeof(T));
    T *qt = xmalloc(((m + 2) * (m + 1)) * sizeof(T));
    oxpar_status st;
    double anorm = norm1(a0, m, n), ratio;

    st = OX(geqrf)(ctx, m, n, a, l.rs, l.cs, k ? tau : NULL);
    CHECK_OK(st, "%s geqrf %s %lux%lu layout %d", TLS, spec, (unsigned long)m, (unsigned long)n,
             row_major);
    /* the thin Q: the k reflector columns, formed in place (leading dim m + 2) */
    for (j = 0; j < k; j++) {
        for (i = 0; i < m; i++) {
            AT(qt, lq, i, j) = AT(a, l, i, j);
        }
    }
    st = OX(FORMQ)(ctx, m, k, k, qt, lq.rs, lq.cs, k ? tau : NULL);
    CHECK_OK(st, "%s orgqr thin %s %lux%lu", TLS, spec, (unsigned long)m, (unsigned long)n);
    q = FN(qto_d)(qt, lq, m, k);
    ratio = FN(orth_ratio)(q, m, k);
    CHECK(ratio < 30.0, "%s orgqr thin %s %lux%lu: ||I - Q^H Q|| ratio %g", TLS, spec,
          (unsigned long)m, (unsigned long)n, ratio);
    /* A - Q*R, R the upper trapezoid of the factored a */
    res = xmalloc((m * n + 1) * sizeof(D));
    for (j = 0; j < n; j++) {
        for (i = 0; i < m; i++) {
            D s = a0[i + j * m];
            for (p = 0; p < k && p <= j; p++) {
                s -= q[i + p * m] * (D)AT(a, l, p, j);
            }
            res[i + j * m] = s;
        }
    }
    if (m > 0 && n > 0) {
        ratio = norm1(res, m, n) / ((double)(m > n ? m : n) * (anorm > 0 ? anorm : 1) * EPS);
        CHECK(ratio < 30.0, "%s geqrf %s %lux%lu layout %d: ||A - QR|| ratio %g", TLS, spec,
              (unsigned long)m, (unsigned long)n, row_major, ratio);
    }
    free(res);
    /* the full m x m Q of the k reflectors */
    for (j = 0; j < m; j++) {
        for (i = 0; i < m; i++) {
            AT(qt, lq, i, j) = j < k ? AT(a, l, i, j) : (T)7;
        }
    }
    st = OX(FORMQ)(ctx, m, m, k, qt, lq.rs, lq.cs, k ? tau : NULL);
    CHECK_OK(st, "%s orgqr full %s %lux%lu", TLS, spec, (unsigned long)m, (unsigned long)n);
    qf = FN(qto_d)(qt, lq, m, m);
    ratio = FN(orth_ratio)(qf, m, m);
    CHECK(ratio < 30.0, "%s orgqr full %s %lux%lu: ratio %g", TLS, spec, (unsigned long)m,
          (unsigned long)n, ratio);
    ratio = 0;
    for (j = 0; j < k; j++) {
        for (i = 0; i < m; i++) {
            double e = cabs(qf[i + j * m] - q[i + j * m]);
            ratio = e > ratio ? e : ratio;
        }
    }
    CHECK(ratio <= 8 * EPS * (double)(m + 1), "%s orgqr: the full Q's first columns are not the thin Q (%g)", TLS, ratio);
    /* ormqr: C (m x 3 on the left, 3 x m on the right) against qf products */
    {
        const size_t w = 3;
        int side, tr;
        for (side = 0; side < 2; side++) {
            for (tr = 0; tr < 2; tr++) {
                size_t cm = side == 0 ? m : w, cn = side == 0 ? w : m;
                lay_t lc;
                T *c = FN(new_mat)(cm, cn, tr, 0.0, &lc);
                D *c0 = FN(qto_d)(c, lc, cm, cn), *got, *want = xmalloc((cm * cn + 1) * sizeof(D));
                int trans = tr ? QT : OXPAR_TRANS_NO;
                for (j = 0; j < cn; j++) {
                    for (i = 0; i < cm; i++) {
                        D s = 0;
                        for (p = 0; p < m; p++) {
                            /* op(Q)(r, s) = Q(r, s) or conj(Q(s, r)) */
                            if (side == 0) {
                                s += (tr ? conj(qf[p + i * m]) : qf[i + p * m]) * c0[p + j * cm];
                            } else {
                                s += c0[i + p * cm] * (tr ? conj(qf[j + p * m]) : qf[p + j * m]);
                            }
                        }
                        want[i + j * cm] = s;
                    }
                }
                st = OX(APPLYQ)(ctx, side == 0 ? OXPAR_SIDE_LEFT : OXPAR_SIDE_RIGHT, trans, cm, cn,
                                k, a, l.rs, l.cs, k ? tau : NULL, c, lc.rs, lc.cs);
                CHECK_OK(st, "%s ormqr %s %lux%lu side %d trans %d", TLS, spec, (unsigned long)m,
                         (unsigned long)n, side, trans);
                got = FN(qto_d)(c, lc, cm, cn);
                for (i = 0; i < cm * cn; i++) {
                    got[i] -= want[i];
                }
                if (cm > 0 && cn > 0) {
                    ratio = norm1(got, cm, cn) /
                            ((double)m * (norm1(c0, cm, cn) > 0 ? norm1(c0, cm, cn) : 1) * EPS);
                    CHECK(ratio < 30.0, "%s ormqr %s %lux%lu side %d trans %d: ratio %g", TLS,
                          spec, (unsigned long)m, (unsigned long)n, side, trans, ratio);
                }
                free(c);
                free(c0);
                free(got);
                free(want);
            }
        }
    }
    free(a);
    free(a0);
    free(tau);
    free(qt);
    free(q);
    free(qf);
}

/* gels on a well-conditioned m x n system (m >= n), both transposes,
 * against the normal equations solved here in double. */
static void FN(check_gels)(oxpar_context *ctx, const char *spec, size_t m, size_t n, int row_major) {
    const size_t nrhs = 2;
    lay_t l, lb;
    T *a = FN(new_mat)(m, n, row_major, 6.0, &l);
    T *b = FN(new_mat)(m, nrhs, !row_major, 0.0, &lb);
    D *a0 = FN(qto_d)(a, l, m, n), *b0 = FN(qto_d)(b, lb, m, nrhs);
    D *g = xmalloc((n * n + 1) * sizeof(D)), *x = xmalloc((n * nrhs + 1) * sizeof(D));
    T *a_in = xmalloc(l.len * sizeof(T)), *b_in = xmalloc(lb.len * sizeof(T));
    int64_t info = -7;
    size_t i, j, p;
    double worst = 0, scale = 0, rnorm2 = 0, got2 = 0;
    oxpar_status st;
    memcpy(a_in, a, l.len * sizeof(T));
    memcpy(b_in, b, lb.len * sizeof(T));
    /* G = A^H A, x = A^H b */
    for (j = 0; j < n; j++) {
        for (i = 0; i < n; i++) {
            D s = 0;
            for (p = 0; p < m; p++) {
                s += conj(a0[p + i * m]) * a0[p + j * m];
            }
            g[i + j * n] = s;
        }
        for (i = 0; i < nrhs; i++) {
            D s = 0;
            for (p = 0; p < m; p++) {
                s += conj(a0[p + j * m]) * b0[p + i * m];
            }
            x[j + i * n] = s;
        }
    }
    solve_d(g, x, n, nrhs);
    st = OX(gels)(ctx, OXPAR_TRANS_NO, m, n, nrhs, a, l.rs, l.cs, b, lb.rs, lb.cs, &info);
    CHECK_OK(st, "%s gels %s %lux%lu layout %d", TLS, spec, (unsigned long)m, (unsigned long)n,
             row_major);
    CHECK(info == 0, "%s gels info %ld", TLS, (long)info);
    for (j = 0; j < nrhs; j++) {
        for (i = 0; i < n; i++) {
            double e = cabs((D)AT(b, lb, i, j) - x[i + j * n]);
            worst = e > worst ? e : worst;
            scale = cabs(x[i + j * n]) > scale ? cabs(x[i + j * n]) : scale;
        }
        /* rows n..m: the residual's coordinates in Q */
        for (i = n; i < m; i++) {
            got2 += cabs((D)AT(b, lb, i, j)) * cabs((D)AT(b, lb, i, j));
        }
        for (i = 0; i < m; i++) {
            D s = -b0[i + j * m];
            for (p = 0; p < n; p++) {
                s += a0[i + p * m] * x[p + j * n];
            }
            rnorm2 += cabs(s) * cabs(s);
        }
    }
    CHECK(worst <= 200 * EPS * (double)(m + 1) * (scale > 1 ? scale : 1),
          "%s gels %s %lux%lu layout %d: |x - x_ref| = %g", TLS, spec, (unsigned long)m,
          (unsigned long)n, row_major, worst);
    CHECK(fabs(sqrt(got2) - sqrt(rnorm2)) <= 200 * EPS * (double)(m + 1) * (1 + sqrt(rnorm2)),
          "%s gels %s %lux%lu: residual norm %g, want %g", TLS, spec, (unsigned long)m,
          (unsigned long)n, sqrt(got2), sqrt(rnorm2));

    /* A^H X = B (B in the first n rows): X = A (A^H A)^-1 B, the minimum-norm solution */
    memcpy(a, a_in, l.len * sizeof(T));
    memcpy(b, b_in, lb.len * sizeof(T));
    for (j = 0; j < n; j++) {
        for (i = 0; i < n; i++) {
            D s = 0;
            for (p = 0; p < m; p++) {
                s += conj(a0[p + i * m]) * a0[p + j * m];
            }
            g[i + j * n] = s;
        }
    }
    for (j = 0; j < nrhs; j++) {
        for (i = 0; i < n; i++) {
            x[i + j * n] = b0[i + j * m];
        }
    }
    solve_d(g, x, n, nrhs);
    info = -7;
    st = OX(gels)(ctx, QT, m, n, nrhs, a, l.rs, l.cs, b, lb.rs, lb.cs, &info);
    CHECK_OK(st, "%s gels trans %s %lux%lu layout %d", TLS, spec, (unsigned long)m,
             (unsigned long)n, row_major);
    CHECK(info == 0, "%s gels trans info %ld", TLS, (long)info);
    worst = scale = 0;
    for (j = 0; j < nrhs; j++) {
        for (i = 0; i < m; i++) {
            D s = 0;
            for (p = 0; p < n; p++) {
                s += a0[i + p * m] * x[p + j * n];
            }
            worst = cabs((D)AT(b, lb, i, j) - s) > worst ? cabs((D)AT(b, lb, i, j) - s) : worst;
            scale = cabs(s) > scale ? cabs(s) : scale;
        }
    }
    CHECK(worst <= 200 * EPS * (double)(m + 1) * (scale > 1 ? scale : 1),
          "%s gels trans %s %lux%lu layout %d: |x - x_ref| = %g", TLS, spec, (unsigned long)m,
          (unsigned long)n, row_major, worst);
    free(a);
    free(b);
    free(a0);
    free(b0);
    free(g);
    free(x);
    free(a_in);
    free(b_in);
}

/* A zero column makes R(1, 1) exactly zero: OXPAR_STATUS_SINGULAR, info 2,
 * b unchanged. */
static void FN(check_gels_singular)(oxpar_context *ctx) {
    T a[15], b[5], b_in[5];
    int64_t info = -7;
    size_t i;
    for (i = 0; i < 15; i++) {
        a[i] = i / 5 == 1 ? (T)0 : FN(qelem)();
    }
    a[0] += (T)4;
    for (i = 0; i < 5; i++) {
        b[i] = b_in[i] = FN(qelem)();
    }
    CHECK_ERR(OX(gels)(ctx, OXPAR_TRANS_NO, 5, 3, 1, a, 1, 5, b, 1, 5, &info),
              OXPAR_STATUS_SINGULAR, NAME(gels), NULL);
    CHECK(info == 2, "%s gels rank deficient: info %ld, want 2", TLS, (long)info);
    CHECK(memcmp(b, b_in, sizeof b) == 0, "%s gels rank deficient: b was written", TLS);
    /* the same through the transposed problem, info may be NULL */
    for (i = 0; i < 15; i++) {
        a[i] = i / 5 == 1 ? (T)0 : (T)(i % 5 == 0 ? 4.0 : 1.0);
    }
    CHECK_ERR(OX(gels)(ctx, QT, 5, 3, 1, a, 1, 5, b, 1, 5, NULL), OXPAR_STATUS_SINGULAR,
              NAME(gels), NULL);
}

/* NaN is no error and is not lost: a NaN below a unit diagonal element
 * (whose column is otherwise zero) reaches R and tau. */
static void FN(check_qr_nan)(oxpar_context *ctx) {
    T a[9] = {0}, tau[3];
    int64_t info = -7;
    T b[3] = {(T)1, (T)1, (T)1};
    a[0] = a[4] = a[8] = (T)1;
    a[1] = (T)test_nan();
    CHECK_OK(OX(geqrf)(ctx, 3, 3, a, 1, 3, tau), "%s geqrf with a NaN", TLS);
    CHECK(isnan(creal((D)a[0])) || isnan(cimag((D)a[0])), "%s geqrf lost a NaN: R(0, 0) = %g", TLS,
          creal((D)a[0]));
    CHECK(isnan(creal((D)tau[0])) || isnan(cimag((D)tau[0])), "%s geqrf lost a NaN in tau", TLS);
    a[0] = a[4] = a[8] = (T)1;
    a[1] = (T)test_nan();
    a[2] = a[3] = a[5] = a[6] = a[7] = (T)0;
    CHECK_OK(OX(gels)(ctx, OXPAR_TRANS_NO, 3, 3, 1, a, 1, 3, b, 1, 3, &info), "%s gels with a NaN",
             TLS);
    CHECK(info == 0 && (isnan(creal((D)b[0])) || isnan(cimag((D)b[0]))),
          "%s gels with a NaN: info %ld, x[0] %g", TLS, (long)info, creal((D)b[0]));
}

/* Bad arguments. */
static void FN(check_qr_bad_input)(oxpar_context *ctx) {
    T a[16], b[8], tau[4];
    int64_t info = -5;
    size_t i;
    for (i = 0; i < 16; i++) {
        a[i] = (T)(i % 5 == 0 ? 4.0 : 0.5);
    }
    for (i = 0; i < 8; i++) {
        b[i] = (T)1;
    }
    for (i = 0; i < 4; i++) {
        tau[i] = (T)0;
    }
    CHECK_ERR(OX(geqrf)(NULL, 4, 4, a, 1, 4, tau), OXPAR_STATUS_NULL_POINTER, NAME(geqrf), "ctx");
    CHECK_ERR(OX(geqrf)(ctx, 4, 4, a, 1, 4, NULL), OXPAR_STATUS_NULL_POINTER, NAME(geqrf), "tau");
    CHECK_ERR(OX(geqrf)(ctx, 4, 4, NULL, 1, 4, tau), OXPAR_STATUS_NULL_POINTER, NAME(geqrf), "a");
    /* two rows on one address */
    CHECK_ERR(OX(geqrf)(ctx, 4, 4, a, 0, 4, tau), OXPAR_STATUS_INVALID_STRIDE, NAME(geqrf), "rsa");
    /* tau inside a */
    CHECK_ERR(OX(geqrf)(ctx, 4, 4, a, 1, 4, a + 2), OXPAR_STATUS_INVALID_ARGUMENT, NAME(geqrf),
              "tau");
    CHECK_ERR(OX(APPLYQ)(ctx, 7, OXPAR_TRANS_NO, 4, 2, 4, a, 1, 4, tau, b, 1, 4),
              OXPAR_STATUS_INVALID_ARGUMENT, APPLYQ_NAME, "side");
    CHECK_ERR(OX(APPLYQ)(ctx, OXPAR_SIDE_LEFT, 9, 4, 2, 4, a, 1, 4, tau, b, 1, 4),
              OXPAR_STATUS_INVALID_ARGUMENT, APPLYQ_NAME, "trans");
#if CPLX
    CHECK_ERR(OX(APPLYQ)(ctx, OXPAR_SIDE_LEFT, OXPAR_TRANS_YES, 4, 2, 4, a, 1, 4, tau, b, 1, 4),
              OXPAR_STATUS_INVALID_ARGUMENT, APPLYQ_NAME, "trans");
    CHECK_ERR(OX(gels)(ctx, OXPAR_TRANS_YES, 4, 4, 1, a, 1, 4, b, 1, 4, &info),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME(gels), "trans");
#endif
    /* 3 reflectors but Q is 2 x 2 (right side, C is 4 x 2) */
    CHECK_ERR(OX(APPLYQ)(ctx, OXPAR_SIDE_RIGHT, OXPAR_TRANS_NO, 4, 2, 3, a, 1, 4, tau, b, 1, 4),
              OXPAR_STATUS_INVALID_ARGUMENT, APPLYQ_NAME, "k");
    CHECK_ERR(OX(FORMQ)(ctx, 2, 3, 2, a, 1, 2, tau), OXPAR_STATUS_INVALID_ARGUMENT, FORMQ_NAME,
              "n");
    CHECK_ERR(OX(FORMQ)(ctx, 4, 2, 3, a, 1, 4, tau), OXPAR_STATUS_INVALID_ARGUMENT, FORMQ_NAME,
              "k");
    CHECK_ERR(OX(FORMQ)(ctx, 4, 2, 2, a, 1, 4, NULL), OXPAR_STATUS_NULL_POINTER, FORMQ_NAME,
              "tau");
    CHECK_ERR(OX(gels)(ctx, OXPAR_TRANS_NO, 2, 4, 1, a, 1, 2, b, 1, 2, &info),
              OXPAR_STATUS_UNSUPPORTED, NAME(gels), "a");
    CHECK_ERR(OX(gels)(ctx, 3, 4, 4, 1, a, 1, 4, b, 1, 4, &info), OXPAR_STATUS_INVALID_ARGUMENT,
              NAME(gels), "trans");
    /* b inside a */
    CHECK_ERR(OX(gels)(ctx, OXPAR_TRANS_NO, 4, 2, 1, a, 1, 4, a + 4, 1, 4, &info),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME(gels), "b");
    CHECK(info == -5, "%s: an argument error wrote info", TLS);
    /* empty problems need no pointers */
    CHECK_OK(OX(geqrf)(ctx, 0, 3, NULL, 1, 1, NULL), "%s geqrf 0x3", TLS);
    CHECK_OK(OX(gels)(ctx, OXPAR_TRANS_NO, 0, 0, 2, NULL, 1, 1, NULL, 1, 1, &info), "%s gels 0x0",
             TLS);
    CHECK(info == 0, "%s gels 0x0: info %ld", TLS, (long)info);
}

static void FN(check_qr_all)(oxpar_context *ctx, const char *spec) {
    static const size_t shapes[][2] = {{0, 0}, {0, 3}, {3, 0}, {1, 1}, {5, 3},  {3, 5},
                                       {7, 7}, {33, 31}, {31, 33}, {40, 32}, {70, 65}, {65, 70}};
    size_t s;
    for (s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        size_t m = shapes[s][0], n = shapes[s][1];
        FN(check_qr)(ctx, spec, m, n, 0);
        FN(check_qr)(ctx, spec, m, n, 1);
        if (m >= n) {
            FN(check_gels)(ctx, spec, m, n, (int)(s % 2));
        }
    }
    FN(check_gels_singular)(ctx);
    FN(check_qr_nan)(ctx);
    FN(check_qr_bad_input)(ctx);
}

#undef FN
#undef OX
#undef NAME
#undef APPLYQ
#undef FORMQ
#undef APPLYQ_NAME
#undef FORMQ_NAME
#undef QT
