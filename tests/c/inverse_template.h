/*
 * The inverse, determinant and batch checks of one element type, included
 * by test_inverse.c with T (the element type), R (its real type), TL (its
 * letter), TLS (the letter as a string), SFX (a suffix for the function
 * names), EPS (its machine epsilon) and CPLX (1 for the complex types)
 * defined.
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

/* A random n x n matrix, column-major with leading dimension n + 1 (or
 * row-major with the same padding when row_major), diagonal bumped by
 * `bump` so that it is well conditioned. */
static T *FN(new_square)(size_t n, int row_major, double bump, lay_t *l) {
    size_t ld = n + 1, i, j;
    T *p = xmalloc((ld * (n + 1)) * sizeof(T));
    l->len = ld * (n + 1);
    l->off = 0;
    l->rs = row_major ? (ptrdiff_t)ld : 1;
    l->cs = row_major ? 1 : (ptrdiff_t)ld;
    for (i = 0; i < ld * (n + 1); i++) {
        p[i] = FN(elem)();
    }
    for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) {
            if (i == j) {
                AT(p, *l, i, j) += (T)bump;
            }
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

/* ||A*X - I||_1 / (n ||A||_1 ||X||_1 eps) of two n x n D matrices. */
static double FN(inverse_ratio)(const D *a, const D *x, size_t n) {
    D *r = xmalloc(n * n * sizeof(D));
    double ratio;
    size_t i, j, k;
    for (j = 0; j < n; j++) {
        for (i = 0; i < n; i++) {
            D s = i == j ? -1.0 : 0.0;
            for (k = 0; k < n; k++) {
                s += a[i + k * n] * x[k + j * n];
            }
            r[i + j * n] = s;
        }
    }
    ratio = norm1(r, n, n) / ((double)n * norm1(a, n, n) * norm1(x, n, n) * EPS);
    free(r);
    return ratio;
}

/* getrf then getri: A * inv(A) = I within LAPACK's ratio 30. */
static void FN(check_getri)(oxpar_context *ctx, const char *spec, size_t n, int row_major) {
    lay_t l;
    T *a = FN(new_square)(n, row_major, 0.0, &l);
    D *a0 = FN(to_d)(a, l, n, n), *x;
    int64_t *ipiv = xmalloc((n + 1) * sizeof(int64_t)), info = -7;
    oxpar_status st = OX(getrf)(ctx, n, n, a, l.rs, l.cs, ipiv, &info);
    CHECK_OK(st, "%s getrf %s n=%lu", TLS, spec, (unsigned long)n);
    info = -7;
    st = OX(getri)(ctx, n, a, l.rs, l.cs, ipiv, &info);
    CHECK_OK(st, "%s getri %s n=%lu", TLS, spec, (unsigned long)n);
    CHECK(info == 0, "%s getri info %ld", TLS, (long)info);
    x = FN(to_d)(a, l, n, n);
    if (n > 0) {
        double ratio = FN(inverse_ratio)(a0, x, n);
        CHECK(ratio < 30.0, "%s getri %s n=%lu layout %d: ratio %g", TLS, spec, (unsigned long)n,
              row_major, ratio);
    }
    free(a);
    free(a0);
    free(x);
    free(ipiv);
}

/* trtri on the uplo triangle: T * inv(T) = I, the other triangle untouched. */
static void FN(check_trtri)(oxpar_context *ctx, const char *spec, size_t n, int uplo, int diag) {
    lay_t l;
    T *a = FN(new_square)(n, 0, 4.0, &l);
    D *t, *x;
    int64_t info = -7;
    size_t i, j;
    oxpar_status st;
    for (j = 0; j < n; j++) {
        for (i = 0; i < n; i++) {
            if (uplo == OXPAR_UPLO_UPPER ? i > j : i < j) {
                AT(a, l, i, j) = (T)7;
            }
        }
    }
    t = FN(to_d)(a, l, n, n);
    for (j = 0; j < n; j++) {
        for (i = 0; i < n; i++) {
            if (uplo == OXPAR_UPLO_UPPER ? i > j : i < j) {
                t[i + j * n] = 0;
            } else if (i == j && diag == OXPAR_DIAG_UNIT) {
                t[i + j * n] = 1;
            }
        }
    }
    st = OX(trtri)(ctx, uplo, diag, n, a, l.rs, l.cs, &info);
    CHECK_OK(st, "%s trtri %s n=%lu uplo %d diag %d", TLS, spec, (unsigned long)n, uplo, diag);
    CHECK(info == 0, "%s trtri info %ld", TLS, (long)info);
    x = FN(to_d)(a, l, n, n);
    for (j = 0; j < n; j++) {
        for (i = 0; i < n; i++) {
            if (uplo == OXPAR_UPLO_UPPER ? i > j : i < j) {
                CHECK(x[i + j * n] == 7.0, "%s trtri wrote the other triangle at (%lu, %lu)", TLS,
                      (unsigned long)i, (unsigned long)j);
                x[i + j * n] = 0;
            } else if (i == j && diag == OXPAR_DIAG_UNIT) {
                x[i + j * n] = 1;
            }
        }
    }
    if (n > 0) {
        double ratio = FN(inverse_ratio)(t, x, n);
        CHECK(ratio < 30.0, "%s trtri %s n=%lu uplo %d diag %d: ratio %g", TLS, spec,
              (unsigned long)n, uplo, diag, ratio);
    }
    free(a);
    free(t);
    free(x);
}

/* A Hermitian positive definite n x n matrix (B^H B + n I), column-major. */
static T *FN(new_hpd)(size_t n, D **a0) {
    T *b = xmalloc((n ? n * n : 1) * sizeof(T)), *a = xmalloc((n ? n * n : 1) * sizeof(T));
    size_t i, j, k;
    *a0 = xmalloc((n ? n * n : 1) * sizeof(D));
    for (i = 0; i < n * n; i++) {
        b[i] = FN(elem)();
    }
    for (j = 0; j < n; j++) {
        for (i = 0; i < n; i++) {
            D s = i == j ? (double)n : 0.0;
            for (k = 0; k < n; k++) {
                s += conj((D)b[k + i * n]) * (D)b[k + j * n];
            }
            a[i + j * n] = (T)s;
            (*a0)[i + j * n] = (D)a[i + j * n];
        }
    }
    free(b);
    return a;
}

/* potrf then potri: the triangle of inv(A), mirrored, times A is I. */
static void FN(check_potri)(oxpar_context *ctx, const char *spec, size_t n, int uplo) {
    D *a0, *x;
    T *a = FN(new_hpd)(n, &a0);
    lay_t l = {0, 1, (ptrdiff_t)n, 0};
    int64_t info = -7;
    size_t i, j;
    oxpar_status st = OX(potrf)(ctx, uplo, n, a, 1, (ptrdiff_t)(n > 0 ? n : 1), &info);
    CHECK_OK(st, "%s potrf %s n=%lu", TLS, spec, (unsigned long)n);
    st = OX(potri)(ctx, uplo, n, a, 1, (ptrdiff_t)(n > 0 ? n : 1), &info);
    CHECK_OK(st, "%s potri %s n=%lu uplo %d", TLS, spec, (unsigned long)n, uplo);
    CHECK(info == 0, "%s potri info %ld", TLS, (long)info);
    x = FN(to_d)(a, l, n, n);
    for (j = 0; j < n; j++) {
        for (i = 0; i < n; i++) {
            if (uplo == OXPAR_UPLO_UPPER ? i > j : i < j) {
                x[i + j * n] = conj(x[j + i * n]);
            }
        }
    }
    if (n > 0) {
        double ratio = FN(inverse_ratio)(a0, x, n);
        CHECK(ratio < 30.0, "%s potri %s n=%lu uplo %d: ratio %g", TLS, spec, (unsigned long)n,
              uplo, ratio);
    }
    free(a);
    free(a0);
    free(x);
}

/* det and slogdet against the 2x2 and 3x3 formulas, a triangular matrix's
 * diagonal product, and a singular matrix. */
static void FN(check_det)(oxpar_context *ctx) {
    T a[9], d = (T)0, sign = (T)0;
    R logabs = 0;
    D want, got;
    size_t i;
    oxpar_status st;
    /* 2x2, column-major and row-major (the determinant of the transpose) */
    for (i = 0; i < 4; i++) {
        a[i] = FN(elem)();
    }
    want = (D)a[0] * (D)a[3] - (D)a[1] * (D)a[2];
    st = OX(det)(ctx, 2, a, 1, 2, &d);
    CHECK_OK(st, "%s det 2x2", TLS);
    CHECK(cabs((D)d - want) <= 32 * EPS * (4 + cabs(want)), "%s det 2x2: %g, want %g", TLS,
          creal((D)d), creal(want));
    st = OX(det)(ctx, 2, a, 2, 1, &d);
    CHECK(st == OXPAR_STATUS_OK && cabs((D)d - want) <= 32 * EPS * (4 + cabs(want)),
          "%s det 2x2 row-major", TLS);
    /* 3x3 by the rule of Sarrus */
    for (i = 0; i < 9; i++) {
        a[i] = FN(elem)();
    }
    {
        D m[9];
        for (i = 0; i < 9; i++) {
            m[i] = (D)a[i];
        }
#define M(r, c) m[(r) + 3 * (c)]
        want = M(0, 0) * M(1, 1) * M(2, 2) + M(0, 1) * M(1, 2) * M(2, 0) +
               M(0, 2) * M(1, 0) * M(2, 1) - M(0, 2) * M(1, 1) * M(2, 0) -
               M(0, 0) * M(1, 2) * M(2, 1) - M(0, 1) * M(1, 0) * M(2, 2);
#undef M
    }
    st = OX(det)(ctx, 3, a, 1, 3, &d);
    CHECK_OK(st, "%s det 3x3", TLS);
    CHECK(cabs((D)d - want) <= 64 * EPS * (16 + cabs(want)), "%s det 3x3: %g, want %g", TLS,
          creal((D)d), creal(want));
    st = OX(slogdet)(ctx, 3, a, 1, 3, &sign, &logabs);
    CHECK_OK(st, "%s slogdet 3x3", TLS);
    got = (D)sign * exp((double)logabs);
    CHECK(cabs(got - want) <= 64 * EPS * (16 + cabs(want)), "%s slogdet 3x3: %g, want %g", TLS,
          creal(got), creal(want));
    CHECK(fabs(cabs((D)sign) - 1.0) <= 8 * EPS, "%s slogdet 3x3: |sign| = %g", TLS,
          cabs((D)sign));
    /* upper triangular 3x3 with a negative-stride layout: the diagonal product */
    for (i = 0; i < 9; i++) {
        a[i] = i % 3 > i / 3 ? (T)0 : FN(elem)();
    }
    a[0] += (T)3;
    a[4] -= (T)3;
    a[8] += (T)5;
    want = (D)a[0] * (D)a[4] * (D)a[8];
    /* element (i, j) at a[8 - 3 j ... ] via a negative column stride on the reversed columns */
    {
        T r[9];
        size_t jj;
        for (jj = 0; jj < 3; jj++) {
            for (i = 0; i < 3; i++) {
                r[i + 3 * (2 - jj)] = a[i + 3 * jj];
            }
        }
        st = OX(det)(ctx, 3, r + 6, 1, -3, &d);
    }
    CHECK_OK(st, "%s det triangular", TLS);
    CHECK(cabs((D)d - want) <= 8 * EPS * cabs(want), "%s det triangular: %g, want %g", TLS,
          creal((D)d), creal(want));
    /* singular: det 0, slogdet (0, -inf), no error */
    for (i = 0; i < 9; i++) {
        a[i] = i / 3 == 1 ? (T)0 : FN(elem)();
    }
    st = OX(det)(ctx, 3, a, 1, 3, &d);
    CHECK(st == OXPAR_STATUS_OK && d == (T)0, "%s det singular", TLS);
    st = OX(slogdet)(ctx, 3, a, 1, 3, &sign, &logabs);
    CHECK(st == OXPAR_STATUS_OK && sign == (T)0 && isinf(logabs) && logabs < 0,
          "%s slogdet singular: sign %g logabs %g", TLS, creal((D)sign), (double)logabs);
    /* 0x0: det 1 */
    st = OX(det)(ctx, 0, NULL, 1, 1, &d);
    CHECK(st == OXPAR_STATUS_OK && d == (T)1, "%s det 0x0", TLS);
    CHECK_ERR(OX(det)(ctx, 3, a, 1, 3, NULL), OXPAR_STATUS_NULL_POINTER, NAME(det), "det");
    CHECK_ERR(OX(slogdet)(ctx, 3, a, 1, 3, &sign, NULL), OXPAR_STATUS_NULL_POINTER,
              NAME(slogdet), "logabs");
}

/* A C-order stack of `count` n x n matrices (bs = n*n), system `bad` with
 * column 1 zero (singular, LAPACK info 2) unless bad >= count. */
static T *FN(new_stack)(size_t count, size_t n, size_t bad) {
    T *p = xmalloc((count * n * n + 1) * sizeof(T));
    size_t k, i, j;
    for (k = 0; k < count; k++) {
        for (i = 0; i < n; i++) {
            for (j = 0; j < n; j++) {
                T v = FN(elem)() + (T)(i == j ? 3.0 : 0.0);
                p[k * n * n + i * n + j] = k == bad && j == 1 ? (T)0 : v;
            }
        }
    }
    return p;
}

/* gesv_batch, inv_batch, det_batch and slogdet_batch on C-order stacks of
 * 0, 1 and 5 systems, the one at index 3 of 5 singular. */
static void FN(check_batches)(oxpar_context *ctx, const char *spec) {
    static const size_t counts[] = {0, 1, 5};
    const size_t n = 4, nrhs = 2, bad = 3;
    size_t c;
    for (c = 0; c < sizeof counts / sizeof counts[0]; c++) {
        size_t count = counts[c], k, i, j;
        int singular = count > bad;
        T *a = FN(new_stack)(count, n, bad), *a_in = FN(new_stack)(count, n, bad);
        T *b = xmalloc((count ? count * n * nrhs : 1) * sizeof(T));
        T *b_in = xmalloc((count ? count * n * nrhs : 1) * sizeof(T));
        T *dets = xmalloc((count + 1) * sizeof(T)), *signs = xmalloc((count + 1) * sizeof(T));
        R *logdets = xmalloc((count + 1) * sizeof(R));
        int64_t *ipiv = xmalloc((count ? count * n : 1) * sizeof(int64_t)), info = -7, failed = -7;
        oxpar_status st;
        lay_t l = {0, (ptrdiff_t)n, 1, 0}, lb = {0, (ptrdiff_t)nrhs, 1, 0};
        memcpy(a_in, a, count * n * n * sizeof(T));
        for (i = 0; i < count * n * nrhs; i++) {
            b[i] = b_in[i] = FN(elem)();
        }
        /* determinants first (they only read a) */
        st = OX(det_batch)(ctx, count, n, count ? a : NULL, (ptrdiff_t)n, 1, (ptrdiff_t)(n * n),
                           count ? dets : NULL);
        CHECK_OK(st, "%s det_batch %s count %lu", TLS, spec, (unsigned long)count);
        st = OX(slogdet_batch)(ctx, count, n, count ? a : NULL, (ptrdiff_t)n, 1,
                               (ptrdiff_t)(n * n), count ? signs : NULL, count ? logdets : NULL);
        CHECK_OK(st, "%s slogdet_batch %s count %lu", TLS, spec, (unsigned long)count);
        for (k = 0; k < count; k++) {
            T d1 = (T)0;
            D want;
            CHECK_OK(OX(det)(ctx, n, a + k * n * n, (ptrdiff_t)n, 1, &d1), "%s det", TLS);
            want = (D)d1;
            CHECK(cabs((D)dets[k] - want) <= 64 * EPS * (64 + cabs(want)),
                  "%s det_batch[%lu] %g, want %g", TLS, (unsigned long)k, creal((D)dets[k]),
                  creal(want));
            if (k == bad) {
                CHECK(dets[k] == (T)0 && signs[k] == (T)0 && isinf(logdets[k]),
                      "%s singular member's det/slogdet", TLS);
            } else {
                D g = (D)signs[k] * exp((double)logdets[k]);
                CHECK(cabs(g - want) <= 64 * EPS * (64 + cabs(want)),
                      "%s slogdet_batch[%lu] %g, want %g", TLS, (unsigned long)k, creal(g),
                      creal(want));
            }
        }
        /* the solve */
        st = OX(gesv_batch)(ctx, count, n, nrhs, count ? a : NULL, (ptrdiff_t)n, 1,
                            (ptrdiff_t)(n * n), count ? ipiv : NULL, count ? b : NULL,
                            (ptrdiff_t)nrhs, 1, (ptrdiff_t)(n * nrhs), &info, &failed);
        if (singular) {
            CHECK_ERR(st, OXPAR_STATUS_SINGULAR, NAME(gesv_batch), NULL);
            CHECK(info == 2 && failed == (int64_t)bad,
                  "%s gesv_batch %s: info %ld failed %ld, want 2 and %lu", TLS, spec, (long)info,
                  (long)failed, (unsigned long)bad);
        } else {
            CHECK_OK(st, "%s gesv_batch %s count %lu", TLS, spec, (unsigned long)count);
            CHECK(info == 0 && failed == -1, "%s gesv_batch: info %ld failed %ld", TLS,
                  (long)info, (long)failed);
        }
        for (k = 0; k < count; k++) {
            if (k == bad) {
                CHECK(memcmp(b + k * n * nrhs, b_in + k * n * nrhs, n * nrhs * sizeof(T)) == 0,
                      "%s gesv_batch: the singular system's b was changed", TLS);
                continue;
            }
            for (i = 0; i < n; i++) {
                CHECK(ipiv[k * n + i] >= 1 && ipiv[k * n + i] <= (int64_t)n,
                      "%s gesv_batch ipiv out of range", TLS);
            }
            {
                D *a0 = FN(to_d)(a_in + k * n * n, l, n, n);
                D *x = FN(to_d)(b + k * n * nrhs, lb, n, nrhs);
                D *r0 = FN(to_d)(b_in + k * n * nrhs, lb, n, nrhs);
                double worst = 0.0;
                for (j = 0; j < nrhs; j++) {
                    for (i = 0; i < n; i++) {
                        size_t p;
                        D s = -r0[i + j * n];
                        for (p = 0; p < n; p++) {
                            s += a0[i + p * n] * x[p + j * n];
                        }
                        worst = cabs(s) > worst ? cabs(s) : worst;
                    }
                }
                CHECK(worst <= 1e3 * EPS * (1 + norm1(a0, n, n)) * (1 + norm1(x, n, nrhs)),
                      "%s gesv_batch %s system %lu: residual %g", TLS, spec, (unsigned long)k,
                      worst);
                free(a0);
                free(x);
                free(r0);
            }
        }
        /* the inverse of a fresh copy */
        memcpy(a, a_in, count * n * n * sizeof(T));
        info = failed = -7;
        st = OX(inv_batch)(ctx, count, n, count ? a : NULL, (ptrdiff_t)n, 1, (ptrdiff_t)(n * n),
                           &info, &failed);
        if (singular) {
            CHECK_ERR(st, OXPAR_STATUS_SINGULAR, NAME(inv_batch), NULL);
            CHECK(info == 2 && failed == (int64_t)bad, "%s inv_batch: info %ld failed %ld", TLS,
                  (long)info, (long)failed);
        } else {
            CHECK_OK(st, "%s inv_batch %s count %lu", TLS, spec, (unsigned long)count);
            CHECK(info == 0 && failed == -1, "%s inv_batch: info/failed", TLS);
        }
        for (k = 0; k < count; k++) {
            D *a0, *x;
            double ratio;
            if (k == bad) {
                continue;
            }
            a0 = FN(to_d)(a_in + k * n * n, l, n, n);
            x = FN(to_d)(a + k * n * n, l, n, n);
            ratio = FN(inverse_ratio)(a0, x, n);
            CHECK(ratio < 30.0, "%s inv_batch %s system %lu: ratio %g", TLS, spec,
                  (unsigned long)k, ratio);
            free(a0);
            free(x);
        }
        free(a);
        free(a_in);
        free(b);
        free(b_in);
        free(dets);
        free(signs);
        free(logdets);
        free(ipiv);
    }
}

/* potrf_batch: a batch of 3 Hermitian positive definite matrices in a
 * Fortran array a(n, n, 3), the middle one with a negative diagonal element. */
static void FN(check_potrf_batch)(oxpar_context *ctx) {
    const size_t n = 3;
    T a[27];
    int64_t info = -7, failed = -7;
    size_t k, i;
    oxpar_status st;
    for (k = 0; k < 3; k++) {
        for (i = 0; i < 9; i++) {
            a[k * 9 + i] = (T)0;
        }
        for (i = 0; i < n; i++) {
            a[k * 9 + i * 4] = (T)(k == 1 && i == 1 ? -1.0 : 4.0);
        }
    }
    st = OX(potrf_batch)(ctx, OXPAR_UPLO_LOWER, 3, n, a, 1, 3, 9, &info, &failed);
    CHECK_ERR(st, OXPAR_STATUS_NOT_POSITIVE_DEFINITE, NAME(potrf_batch), NULL);
    CHECK(info == 2 && failed == 1, "%s potrf_batch: info %ld failed %ld, want 2 and 1", TLS,
          (long)info, (long)failed);
    CHECK(a[0] == (T)2 && a[18 + 8] == (T)2, "%s potrf_batch: the good members are factored",
          TLS);
    CHECK_ERR(OX(potrf_batch)(ctx, 5, 3, n, a, 1, 3, 9, &info, &failed),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME(potrf_batch), "uplo");
}

/* Bad arguments of the new functions. */
static void FN(check_inverse_bad_input)(oxpar_context *ctx) {
    T a[32], b[8];
    int64_t ipiv[8] = {1, 2, 3, 4, 1, 2, 3, 4}, info = -5, failed = -5;
    size_t i;
    for (i = 0; i < 32; i++) {
        a[i] = (T)(i % 5 == 0 ? 4.0 : 0.5);
    }
    for (i = 0; i < 8; i++) {
        b[i] = (T)1;
    }
    CHECK_ERR(OX(getri)(ctx, 4, a, 1, 4, NULL, &info), OXPAR_STATUS_NULL_POINTER, NAME(getri),
              "ipiv");
    ipiv[2] = 9;
    CHECK_ERR(OX(getri)(ctx, 4, a, 1, 4, ipiv, &info), OXPAR_STATUS_INVALID_ARGUMENT,
              NAME(getri), "ipiv");
    ipiv[2] = 3;
    CHECK_ERR(OX(trtri)(ctx, 0, 2, 4, a, 1, 4, &info), OXPAR_STATUS_INVALID_ARGUMENT,
              NAME(trtri), "diag");
    CHECK_ERR(OX(potri)(ctx, 3, 4, a, 1, 4, &info), OXPAR_STATUS_INVALID_ARGUMENT, NAME(potri),
              "uplo");
    CHECK_ERR(OX(gesv_batch)(ctx, 2, 4, 1, NULL, 1, 4, 16, ipiv, b, 1, 4, 4, &info, &failed),
              OXPAR_STATUS_NULL_POINTER, NAME(gesv_batch), "a");
    CHECK_ERR(OX(gesv_batch)(ctx, 2, 4, 1, a, 1, 4, -16, ipiv, b, 1, 4, 4, &info, &failed),
              OXPAR_STATUS_INVALID_STRIDE, NAME(gesv_batch), "a");
    /* b inside a's range */
    CHECK_ERR(OX(gesv_batch)(ctx, 2, 4, 1, a, 1, 4, 16, ipiv, a + 8, 1, 4, 4, &info, &failed),
              OXPAR_STATUS_INVALID_ARGUMENT, NAME(gesv_batch), "b");
    /* the matrices of a batch overlap: batch stride 8 < 16 */
    CHECK_ERR(OX(inv_batch)(ctx, 2, 4, a, 1, 4, 8, &info, &failed), OXPAR_STATUS_INVALID_STRIDE,
              NAME(inv_batch), "a");
    CHECK_ERR(OX(det_batch)(ctx, 2, 4, a, 1, 4, 16, NULL), OXPAR_STATUS_NULL_POINTER,
              NAME(det_batch), "dets");
    CHECK(info == -5 && failed == -5, "%s: an argument error wrote info/failed_index", TLS);
    CHECK_OK(OX(gesv_batch)(ctx, 0, 4, 1, NULL, 1, 4, 16, NULL, NULL, 1, 4, 4, &info, &failed),
             "%s gesv_batch count 0", TLS);
    CHECK(info == 0 && failed == -1, "%s gesv_batch count 0: info %ld failed %ld", TLS,
          (long)info, (long)failed);
    CHECK_OK(OX(inv_batch)(ctx, 1, 4, a, 1, 4, 16, NULL, NULL), "%s inv_batch NULL info", TLS);
}

static void FN(check_inverse_all)(oxpar_context *ctx, const char *spec) {
    static const size_t sizes[] = {0, 1, 2, 5, 17, 40};
    size_t s;
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        int uplo, diag;
        FN(check_getri)(ctx, spec, n, 0);
        FN(check_getri)(ctx, spec, n, 1);
        for (uplo = 0; uplo < 2; uplo++) {
            FN(check_potri)(ctx, spec, n, uplo);
            for (diag = 0; diag < 2; diag++) {
                FN(check_trtri)(ctx, spec, n, uplo, diag);
            }
        }
    }
    FN(check_det)(ctx);
    FN(check_batches)(ctx, spec);
    FN(check_potrf_batch)(ctx);
    FN(check_inverse_bad_input)(ctx);
}

#undef FN
#undef OX
#undef NAME
