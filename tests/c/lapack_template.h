/*
 * The LU and Cholesky checks of one element type, included by test_lapack.c
 * with T (the element type), TL (its letter), TLS (the letter as a string),
 * SFX (a suffix for the function names), EPS (its machine epsilon) and
 * CPLX (1 for the complex types) defined.
 */

#define FN(name) CAT(name, SFX)
#define OX(name) CAT(CAT(oxpar_, TL), name)
#define NAME(name) ("oxpar_" TLS #name)

static T FN(rand_elem)(void) {
    double re = rnd() + ldexp(rnd(), -9);
#if CPLX
    return (T)(re + (rnd() + ldexp(rnd(), -9)) * I);
#else
    return (T)re;
#endif
}

/* A random matrix in layout l, the unused slots random too. */
static T *FN(new_mat)(lay_t l) {
    T *p = xmalloc(l.len * sizeof(T));
    size_t i;
    for (i = 0; i < l.len; i++) {
        p[i] = FN(rand_elem)();
    }
    return p;
}

/* The m x n matrix of p in layout l as a column-major D array. */
static D *FN(to_d)(const T *p, lay_t l, size_t m, size_t n) {
    D *r = xmalloc(m * n * sizeof(D));
    size_t i, j;
    for (j = 0; j < n; j++) {
        for (i = 0; i < m; i++) {
            r[i + j * m] = (D)AT(p, l, i, j);
        }
    }
    return r;
}

/* getrf on an m x n matrix: ||A - P*L*U||_1 / (max(m,n) ||A||_1 eps) < 30. */
static void FN(check_getrf)(oxpar_context *ctx, const char *spec, size_t m, size_t n, int kind) {
    lay_t la = lay(kind, m, n);
    T *a = FN(new_mat)(la);
    D *a0 = FN(to_d)(a, la, m, n);
    size_t k = m < n ? m : n, i, j, p;
    int64_t *ipiv = xmalloc(k * sizeof(int64_t));
    int64_t info = -7;
    D *r = xmalloc(m * n * sizeof(D));
    double ratio;
    oxpar_status st = OX(getrf)(ctx, m, n, a + la.off, la.rs, la.cs, ipiv, &info);
    CHECK_OK(st, "%s getrf %s %lux%lu layout %d", TLS, spec, (unsigned long)m, (unsigned long)n,
             kind);
    CHECK(info == 0, "%s getrf info %ld", TLS, (long)info);
    for (i = 0; i < k; i++) {
        CHECK(ipiv[i] >= (int64_t)i + 1 && ipiv[i] <= (int64_t)m,
              "%s getrf ipiv[%lu] = %ld out of range", TLS, (unsigned long)i, (long)ipiv[i]);
    }
    for (j = 0; j < n; j++) {
        for (i = 0; i < m; i++) {
            D s = 0;
            for (p = 0; p < k && p <= i && p <= j; p++) {
                D l = p == i ? 1.0 : (D)AT(a, la, i, p);
                s += l * (D)AT(a, la, p, j);
            }
            r[i + j * m] = s;
        }
    }
    for (p = k; p-- > 0;) {
        size_t q = (size_t)(ipiv[p] - 1);
        if (q < m && q != p) {
            for (j = 0; j < n; j++) {
                D t = r[p + j * m];
                r[p + j * m] = r[q + j * m];
                r[q + j * m] = t;
            }
        }
    }
    ratio = diff_norm1(r, a0, m, n) / ((double)(m > n ? m : n) * norm1(a0, m, n) * EPS + 1e-300);
    CHECK(ratio < 30.0, "%s getrf %s %lux%lu layout %d: residual ratio %g", TLS, spec,
          (unsigned long)m, (unsigned long)n, kind, ratio);
    free(a);
    free(a0);
    free(ipiv);
    free(r);
}

/* op(A0)*X - B0 for the n x n A0 and n x nrhs X, B0, with trans 0/1/2. */
static double FN(solve_ratio)(const D *a0, const T *x, lay_t lx, const D *b0, size_t n,
                              size_t nrhs, int trans) {
    double worst = 0.0, xn = 0.0;
    size_t i, j, p;
    D *res = xmalloc(n * nrhs * sizeof(D));
    D *xd = FN(to_d)(x, lx, n, nrhs);
    for (j = 0; j < nrhs; j++) {
        for (i = 0; i < n; i++) {
            D s = -b0[i + j * n];
            for (p = 0; p < n; p++) {
                D aip = trans == 0 ? a0[i + p * n] : a0[p + i * n];
                if (trans == 2) {
                    aip = conj(aip);
                }
                s += aip * xd[p + j * n];
            }
            res[i + j * n] = s;
        }
    }
    worst = norm1(res, n, nrhs);
    xn = norm1(xd, n, nrhs);
    free(res);
    free(xd);
    if (n == 0 || nrhs == 0) {
        return 0.0;
    }
    return worst / ((double)n * norm1(a0, n, n) * xn * EPS + 1e-300);
}

/* getrf + getrs (three values of trans) and gesv on an n x n system. */
static void FN(check_lu_solve)(oxpar_context *ctx, const char *spec, size_t n, size_t nrhs,
                               int kind) {
    lay_t la = lay(kind, n, n), lb = lay((kind + 1) % 3, n, nrhs);
    T *a = FN(new_mat)(la), *b = FN(new_mat)(lb), *b_in = xmalloc(lb.len * sizeof(T));
    T *a_in = xmalloc(la.len * sizeof(T));
    D *a0 = FN(to_d)(a, la, n, n), *b0 = FN(to_d)(b, lb, n, nrhs);
    int64_t *ipiv = xmalloc(n * sizeof(int64_t));
    int64_t info = -7;
    int trans;
    oxpar_status st;
    memcpy(a_in, a, la.len * sizeof(T));
    memcpy(b_in, b, lb.len * sizeof(T));
    st = OX(getrf)(ctx, n, n, a + la.off, la.rs, la.cs, ipiv, &info);
    CHECK_OK(st, "%s getrf %s n=%lu", TLS, spec, (unsigned long)n);
    for (trans = 0; trans < 3; trans++) {
        double ratio;
        memcpy(b, b_in, lb.len * sizeof(T));
        st = OX(getrs)(ctx, trans, n, nrhs, a + la.off, la.rs, la.cs, ipiv, b + lb.off, lb.rs,
                       lb.cs);
        CHECK_OK(st, "%s getrs %s trans %d", TLS, spec, trans);
        ratio = FN(solve_ratio)(a0, b, lb, b0, n, nrhs, trans);
        CHECK(ratio < 30.0, "%s getrs %s n=%lu nrhs=%lu trans %d layout %d: ratio %g", TLS, spec,
              (unsigned long)n, (unsigned long)nrhs, trans, kind, ratio);
    }
    /* gesv on the original matrix (info not wanted: NULL) */
    memcpy(a, a_in, la.len * sizeof(T));
    memcpy(b, b_in, lb.len * sizeof(T));
    st = OX(gesv)(ctx, n, nrhs, a + la.off, la.rs, la.cs, ipiv, b + lb.off, lb.rs, lb.cs, NULL);
    CHECK_OK(st, "%s gesv %s n=%lu", TLS, spec, (unsigned long)n);
    {
        double ratio = FN(solve_ratio)(a0, b, lb, b0, n, nrhs, 0);
        CHECK(ratio < 30.0, "%s gesv %s n=%lu nrhs=%lu layout %d: ratio %g", TLS, spec,
              (unsigned long)n, (unsigned long)nrhs, kind, ratio);
    }
    free(a);
    free(b);
    free(a_in);
    free(b_in);
    free(a0);
    free(b0);
    free(ipiv);
}

/* A = M^H*M + n*I in the uplo triangle of layout l, NaN in the other one
 * (which must not be read); a0 receives the full Hermitian matrix. */
static T *FN(new_hpd)(lay_t l, size_t n, int uplo, D **a0) {
    T *a = FN(new_mat)(l);
    D *m = xmalloc(n * n * sizeof(D));
    D *full = xmalloc(n * n * sizeof(D));
    size_t i, j, p;
    for (i = 0; i < n * n; i++) {
        m[i] = (D)FN(rand_elem)();
    }
    for (j = 0; j < n; j++) {
        for (i = 0; i <= j; i++) {
            D s = i == j ? (double)n : 0.0;
            T t;
            for (p = 0; p < n; p++) {
                s += conj(m[p + i * n]) * m[p + j * n];
            }
            if (i == j) {
                s = creal(s);
            }
            t = (T)s;
            full[i + j * n] = (D)t;
            full[j + i * n] = conj((D)t);
            if (uplo == OXPAR_UPLO_UPPER) {
                AT(a, l, i, j) = t;
                if (i != j) {
                    AT(a, l, j, i) = (T)test_nan();
                }
            } else {
                AT(a, l, j, i) = (T)conj((D)t);
                if (i != j) {
                    AT(a, l, i, j) = (T)test_nan();
                }
            }
        }
    }
    free(m);
    *a0 = full;
    return a;
}

/* potrf, potrs and posv on an n x n Hermitian positive definite system. */
static void FN(check_cholesky)(oxpar_context *ctx, const char *spec, size_t n, size_t nrhs,
                               int kind, int uplo) {
    lay_t la = lay(kind, n, n), lb = lay((kind + 2) % 3, n, nrhs);
    D *a0;
    T *a = FN(new_hpd)(la, n, uplo, &a0);
    T *a_in = xmalloc(la.len * sizeof(T));
    T *b = FN(new_mat)(lb), *b_in = xmalloc(lb.len * sizeof(T));
    D *b0 = FN(to_d)(b, lb, n, nrhs);
    D *r = xmalloc(n * n * sizeof(D));
    size_t i, j, p;
    int64_t info = -7;
    double ratio;
    oxpar_status st;
    memcpy(a_in, a, la.len * sizeof(T));
    memcpy(b_in, b, lb.len * sizeof(T));
    st = OX(potrf)(ctx, uplo, n, a + la.off, la.rs, la.cs, &info);
    CHECK_OK(st, "%s potrf %s n=%lu uplo %d", TLS, spec, (unsigned long)n, uplo);
    CHECK(info == 0, "%s potrf info %ld", TLS, (long)info);
    /* reconstruct: U^H*U from the upper triangle, or L*L^H from the lower */
    for (j = 0; j < n; j++) {
        for (i = 0; i < n; i++) {
            D s = 0;
            for (p = 0; p <= (i < j ? i : j); p++) {
                if (uplo == OXPAR_UPLO_UPPER) {
                    s += conj((D)AT(a, la, p, i)) * (D)AT(a, la, p, j);
                } else {
                    s += (D)AT(a, la, i, p) * conj((D)AT(a, la, j, p));
                }
            }
            r[i + j * n] = s;
        }
    }
    /* the other triangle is untouched (still NaN) */
    for (j = 0; j < n; j++) {
        for (i = 0; i < n; i++) {
            if ((uplo == OXPAR_UPLO_UPPER && i > j) || (uplo == OXPAR_UPLO_LOWER && i < j)) {
                D v = (D)AT(a, la, i, j);
                CHECK(creal(v) != creal(v), "%s potrf wrote the other triangle at (%lu, %lu)",
                      TLS, (unsigned long)i, (unsigned long)j);
            }
        }
    }
    ratio = n ? diff_norm1(r, a0, n, n) / ((double)n * norm1(a0, n, n) * EPS) : 0.0;
    CHECK(ratio < 30.0, "%s potrf %s n=%lu uplo %d layout %d: ratio %g", TLS, spec,
          (unsigned long)n, uplo, kind, ratio);
    st = OX(potrs)(ctx, uplo, n, nrhs, a + la.off, la.rs, la.cs, b + lb.off, lb.rs, lb.cs);
    CHECK_OK(st, "%s potrs %s", TLS, spec);
    ratio = FN(solve_ratio)(a0, b, lb, b0, n, nrhs, 0);
    CHECK(ratio < 30.0, "%s potrs %s n=%lu uplo %d: ratio %g", TLS, spec, (unsigned long)n, uplo,
          ratio);
    memcpy(a, a_in, la.len * sizeof(T));
    memcpy(b, b_in, lb.len * sizeof(T));
    info = -7;
    st = OX(posv)(ctx, uplo, n, nrhs, a + la.off, la.rs, la.cs, b + lb.off, lb.rs, lb.cs, &info);
    CHECK_OK(st, "%s posv %s", TLS, spec);
    CHECK(info == 0, "%s posv info %ld", TLS, (long)info);
    ratio = FN(solve_ratio)(a0, b, lb, b0, n, nrhs, 0);
    CHECK(ratio < 30.0, "%s posv %s n=%lu uplo %d: ratio %g", TLS, spec, (unsigned long)n, uplo,
          ratio);
    free(a);
    free(a0);
    free(a_in);
    free(b);
    free(b_in);
    free(b0);
    free(r);
}

/* Numerical failures: their status, info, and what is left in the outputs. */
static void FN(check_failures)(oxpar_context *ctx) {
    /* column 2 of a 4x4 matrix is zero: U(2, 2) == 0, LAPACK info 3 */
    T a[16], b[4], b_in[4];
    int64_t ipiv[4] = {0, 0, 0, 0}, info = -7;
    size_t i, j;
    oxpar_status st;
    for (j = 0; j < 4; j++) {
        for (i = 0; i < 4; i++) {
            a[i + 4 * j] = j == 2 ? (T)0 : FN(rand_elem)();
        }
        b[j] = b_in[j] = FN(rand_elem)();
    }
    st = OX(getrf)(ctx, 4, 4, a, 1, 4, ipiv, &info);
    CHECK_ERR(st, OXPAR_STATUS_SINGULAR, NAME(getrf), NULL);
    CHECK(info == 3, "%s getrf singular: info %ld, want 3", TLS, (long)info);
    CHECK(last_error_contains("info 3"), "%s getrf: message names the info", TLS);
    for (i = 0; i < 4; i++) {
        CHECK(ipiv[i] >= (int64_t)i + 1 && ipiv[i] <= 4, "%s getrf singular: ipiv[%lu] = %ld",
              TLS, (unsigned long)i, (long)ipiv[i]);
    }
    CHECK(a[2 + 4 * 2] == (T)0,
          "%s getrf singular: U(2, 2) is not the zero", TLS);
    for (j = 0; j < 4; j++) {
        for (i = 0; i < 4; i++) {
            a[i + 4 * j] = j == 2 ? (T)0 : FN(rand_elem)();
        }
    }
    info = -7;
    st = OX(gesv)(ctx, 4, 1, a, 1, 4, ipiv, b, 1, 4, &info);
    CHECK_ERR(st, OXPAR_STATUS_SINGULAR, NAME(gesv), NULL);
    CHECK(info == 3, "%s gesv singular: info %ld, want 3", TLS, (long)info);
    CHECK(memcmp(b, b_in, sizeof b) == 0, "%s gesv singular: b was changed", TLS);

    /* not positive definite: diag(4, 4, -1, 4), info 3; then a NaN at (1, 1), info 2 */
    {
        int uplo;
        for (uplo = 0; uplo < 2; uplo++) {
            for (i = 0; i < 16; i++) {
                a[i] = (T)0;
            }
            for (i = 0; i < 4; i++) {
                a[i * 5] = (T)(i == 2 ? -1.0 : 4.0);
            }
            info = -7;
            st = OX(potrf)(ctx, uplo, 4, a, 1, 4, &info);
            CHECK_ERR(st, OXPAR_STATUS_NOT_POSITIVE_DEFINITE, NAME(potrf), NULL);
            CHECK(info == 3, "%s potrf uplo %d: info %ld, want 3", TLS, uplo, (long)info);
            CHECK(a[0] == (T)2 && a[5] == (T)2, "%s potrf uplo %d: leading factor not kept", TLS,
                  uplo);
            for (i = 0; i < 16; i++) {
                a[i] = (T)0;
            }
            for (i = 0; i < 4; i++) {
                a[i * 5] = (T)(i == 2 ? -1.0 : 4.0);
                b[i] = b_in[i];
            }
            info = -7;
            st = OX(posv)(ctx, uplo, 4, 1, a, 1, 4, b, 1, 4, &info);
            CHECK_ERR(st, OXPAR_STATUS_NOT_POSITIVE_DEFINITE, NAME(posv), NULL);
            CHECK(info == 3, "%s posv uplo %d: info %ld, want 3", TLS, uplo, (long)info);
            CHECK(memcmp(b, b_in, sizeof b) == 0, "%s posv: b was changed", TLS);
            for (i = 0; i < 16; i++) {
                a[i] = (T)0;
            }
            for (i = 0; i < 4; i++) {
                a[i * 5] = (T)(i == 1 ? test_nan() : 4.0);
            }
            st = OX(potrf)(ctx, uplo, 4, a, 1, 4, &info);
            CHECK_ERR(st, OXPAR_STATUS_NOT_POSITIVE_DEFINITE, NAME(potrf), NULL);
            CHECK(info == 2, "%s potrf NaN uplo %d: info %ld, want 2", TLS, uplo, (long)info);
        }
    }
}

/* Bad arguments: statuses and messages naming the argument; info untouched. */
static void FN(check_bad_input)(oxpar_context *ctx) {
    T a[16], b[4];
    int64_t ipiv[4] = {1, 2, 3, 4}, info = -5;
    size_t i;
    for (i = 0; i < 16; i++) {
        a[i] = (T)(i % 5 == 0 ? 4.0 : 0.5);
    }
    for (i = 0; i < 4; i++) {
        b[i] = (T)1;
    }
    CHECK_ERR(OX(getrf)(NULL, 4, 4, a, 1, 4, ipiv, &info), OXPAR_STATUS_NULL_POINTER,
              NAME(getrf), "ctx");
    CHECK_ERR(OX(getrf)(ctx, 4, 4, NULL, 1, 4, ipiv, &info), OXPAR_STATUS_NULL_POINTER,
              NAME(getrf), "a");
    CHECK_ERR(OX(getrf)(ctx, 4, 4, a, 1, 4, NULL, &info), OXPAR_STATUS_NULL_POINTER,
              NAME(getrf), "ipiv");
    /* lda 3 < m = 4: two elements of the written a share an address */
    CHECK_ERR(OX(getrf)(ctx, 4, 4, a, 1, 3, ipiv, &info), OXPAR_STATUS_INVALID_STRIDE,
              NAME(getrf), NULL);
    CHECK_ERR(OX(gesv)(ctx, 4, 1, a, 1, 4, ipiv, NULL, 1, 4, &info), OXPAR_STATUS_NULL_POINTER,
              NAME(gesv), "b");
    CHECK_ERR(OX(gesv)(ctx, 4, 1, a, 1, 4, ipiv, a + 4, 1, 4, &info),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME(gesv), "b");
    CHECK_ERR(OX(getrs)(ctx, 3, 4, 1, a, 1, 4, ipiv, b, 1, 4), OXPAR_STATUS_INVALID_ARGUMENT,
              NAME(getrs), "trans");
    ipiv[1] = 0;
    CHECK_ERR(OX(getrs)(ctx, 0, 4, 1, a, 1, 4, ipiv, b, 1, 4), OXPAR_STATUS_INVALID_ARGUMENT,
              NAME(getrs), "ipiv");
    ipiv[1] = 5;
    CHECK_ERR(OX(getrs)(ctx, 0, 4, 1, a, 1, 4, ipiv, b, 1, 4), OXPAR_STATUS_INVALID_ARGUMENT,
              NAME(getrs), "ipiv");
    ipiv[1] = 2;
    CHECK_ERR(OX(getrs)(ctx, 0, 4, 1, a, 1, 4, NULL, b, 1, 4), OXPAR_STATUS_NULL_POINTER,
              NAME(getrs), "ipiv");
    CHECK_ERR(OX(potrf)(ctx, 2, 4, a, 1, 4, &info), OXPAR_STATUS_INVALID_ARGUMENT, NAME(potrf),
              "uplo");
    CHECK_ERR(OX(potrs)(ctx, -1, 4, 1, a, 1, 4, b, 1, 4), OXPAR_STATUS_INVALID_ARGUMENT,
              NAME(potrs), "uplo");
    CHECK_ERR(OX(posv)(ctx, 0, 4, 1, a, 1, 4, a, 1, 4, &info), OXPAR_STATUS_INVALID_ARGUMENT,
              NAME(posv), "b");
    CHECK_ERR(OX(posv)(ctx, 0, 4, 1, a, 1, 3, b, 1, 4, &info), OXPAR_STATUS_INVALID_STRIDE,
              NAME(posv), NULL);
    CHECK(info == -5, "%s: an argument error wrote info (%ld)", TLS, (long)info);
    /* empty problems succeed, with NULL pointers, and set info to 0 */
    CHECK_OK(OX(getrf)(ctx, 0, 3, NULL, 1, 1, NULL, &info), "%s getrf 0x3", TLS);
    CHECK(info == 0, "%s getrf 0x3 info %ld", TLS, (long)info);
    CHECK_OK(OX(gesv)(ctx, 0, 2, NULL, 1, 1, NULL, NULL, 1, 1, NULL), "%s gesv n=0", TLS);
    CHECK_OK(OX(posv)(ctx, 1, 0, 0, NULL, 1, 1, NULL, 1, 1, NULL), "%s posv n=0", TLS);
}

static void FN(check_all)(oxpar_context *ctx, const char *spec) {
    static const size_t sizes[] = {1, 2, 7, 17, 40, 70};
    size_t s;
    int kind;
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        for (kind = 0; kind < 3; kind++) {
            size_t n = sizes[s];
            FN(check_getrf)(ctx, spec, n, n, kind);
            FN(check_getrf)(ctx, spec, n + 3, n, kind);
            FN(check_getrf)(ctx, spec, n, n + 5, kind);
            FN(check_lu_solve)(ctx, spec, n, kind == 1 ? 1 : 3, kind);
            FN(check_cholesky)(ctx, spec, n, kind == 2 ? 1 : 4, kind, OXPAR_UPLO_UPPER);
            FN(check_cholesky)(ctx, spec, n, 2, kind, OXPAR_UPLO_LOWER);
        }
    }
    FN(check_failures)(ctx);
    FN(check_bad_input)(ctx);
}

#undef FN
#undef OX
#undef NAME
