/*
 * The eigenproblem checks of one element type, included by test_eigh.c
 * with T (the element type), R (its real type), TLS (the routine's name
 * as a string, "oxpar_dsyev"), EV (the routine), SFX (a suffix for the
 * function names), EPS (its machine epsilon) and CPLX (1 for the complex
 * types) defined.
 */

#define FN(name) CAT(name, SFX)
#define EVB CAT(EV, _batch)

static T FN(elem)(void) {
#if CPLX
    return (T)(rnd() + rnd() * I);
#else
    return (T)rnd();
#endif
}

/* A random Hermitian n x n matrix as a column-major D array (real diagonal). */
static D *FN(hermitian)(size_t n) {
    D *a = xmalloc((n * n + 1) * sizeof(D));
    size_t i, j;
    for (j = 0; j < n; j++) {
        for (i = j; i < n; i++) {
            D z = (D)FN(elem)();
            if (i == j) {
                z = creal(z);
            }
            a[i + j * n] = z;
            a[j + i * n] = conj(z);
        }
    }
    return a;
}

/* The uplo triangle of the column-major D matrix a into p (layout l); the
 * other triangle gets NaN, which must not be read. */
static void FN(fill)(T *p, lay_t l, const D *a, size_t n, int uplo) {
    size_t i, j;
    for (j = 0; j < n; j++) {
        for (i = 0; i < n; i++) {
            int ref = uplo == OXPAR_UPLO_LOWER ? i >= j : i <= j;
            AT(p, l, i, j) = ref ? (T)a[i + j * n] : (T)test_nan();
        }
    }
}

/* Ascending w, ||A V - V W||_1 / (n ||A||_1 eps) and ||I - V^H V||_1 / (n eps)
 * below 30 for the vectors in p (layout l). */
static void FN(check_vectors)(const D *a, const R *w, const T *p, lay_t l, size_t n,
                              const char *what) {
    D *r = xmalloc((n * n + 1) * sizeof(D));
    D *o = xmalloc((n * n + 1) * sizeof(D));
    size_t i, j, k;
    double anorm = norm1(a, n, n), ratio;
    for (k = 1; k < n; k++) {
        CHECK(w[k - 1] <= w[k], "%s %s: w not ascending at %lu", TLS, what, (unsigned long)k);
    }
    for (j = 0; j < n; j++) {
        for (i = 0; i < n; i++) {
            D s = -(D)AT(p, l, i, j) * (D)w[j], t = i == j ? -1.0 : 0.0;
            for (k = 0; k < n; k++) {
                s += a[i + k * n] * (D)AT(p, l, k, j);
                t += conj((D)AT(p, l, k, i)) * (D)AT(p, l, k, j);
            }
            r[i + j * n] = s;
            o[i + j * n] = t;
        }
    }
    if (n > 0) {
        ratio = norm1(r, n, n) / ((double)n * (anorm > 0 ? anorm : 1.0) * EPS);
        CHECK(ratio < 30.0, "%s %s: ||A V - V W|| ratio %g", TLS, what, ratio);
        ratio = norm1(o, n, n) / ((double)n * EPS);
        CHECK(ratio < 30.0, "%s %s: ||I - V^H V|| ratio %g", TLS, what, ratio);
    }
    free(r);
    free(o);
}

/* One matrix: 'V' then 'N' (same eigenvalues), column- or row-major with
 * padding, either triangle. */
static void FN(check_ev)(oxpar_context *ctx, const char *spec, size_t n, int row_major,
                         int uplo) {
    size_t ld = n + 2, k;
    lay_t l;
    T *p = xmalloc((ld * (n + 1)) * sizeof(T));
    R *w = xmalloc((n + 1) * sizeof(R)), *w2 = xmalloc((n + 1) * sizeof(R));
    D *a = FN(hermitian)(n);
    int64_t info = -7;
    char what[96];
    oxpar_status st;
    l.len = ld * (n + 1);
    l.off = 0;
    l.rs = row_major ? (ptrdiff_t)ld : 1;
    l.cs = row_major ? 1 : (ptrdiff_t)ld;
    snprintf(what, sizeof what, "%s n=%lu row_major %d uplo %d", spec, (unsigned long)n,
             row_major, uplo);
    FN(fill)(p, l, a, n, uplo);
    st = EV(ctx, 'V', uplo, n, p, l.rs, l.cs, w, &info);
    CHECK_OK(st, "%s %s", TLS, what);
    CHECK(info == 0, "%s %s: info %ld", TLS, what, (long)info);
    FN(check_vectors)(a, w, p, l, n, what);
    FN(fill)(p, l, a, n, uplo);
    st = EV(ctx, 'n', uplo, n, p, l.rs, l.cs, w2, NULL);
    CHECK_OK(st, "%s %s jobz N", TLS, what);
    for (k = 0; k < n; k++) {
        CHECK(fabs((double)(w[k] - w2[k])) <= 30.0 * (double)n * norm1(a, n, n) * EPS,
              "%s %s: w[%lu] %g with vectors, %g without", TLS, what, (unsigned long)k,
              (double)w[k], (double)w2[k]);
    }
    free(p);
    free(w);
    free(w2);
    free(a);
}

/* A C-order stack of `count` n x n matrices, against the single routine. */
static void FN(check_batch)(oxpar_context *ctx, const char *spec, size_t count, size_t n) {
    size_t nn = n * n, k, i;
    T *s = xmalloc((count * nn + 1) * sizeof(T)), *one = xmalloc((nn + 1) * sizeof(T));
    R *w = xmalloc((count * n + 1) * sizeof(R)), *w1 = xmalloc((n + 1) * sizeof(R));
    D **a = xmalloc((count + 1) * sizeof(D *));
    int64_t info = -7, failed = -7;
    lay_t l;
    oxpar_status st;
    l.len = nn;
    l.off = 0;
    l.rs = (ptrdiff_t)n;
    l.cs = 1;
    for (k = 0; k < count; k++) {
        a[k] = FN(hermitian)(n);
        FN(fill)(s + k * nn, l, a[k], n, OXPAR_UPLO_UPPER);
    }
    st = EVB(ctx, 'V', OXPAR_UPLO_UPPER, count, n, s, (ptrdiff_t)n, 1, (ptrdiff_t)nn, w, &info,
             &failed);
    CHECK_OK(st, "%s_batch %s %lu x %lu", TLS, spec, (unsigned long)count, (unsigned long)n);
    CHECK(info == 0 && failed == -1, "%s_batch info %ld failed %ld", TLS, (long)info,
          (long)failed);
    for (k = 0; k < count; k++) {
        FN(check_vectors)(a[k], w + k * n, s + k * nn, l, n, "batch");
        FN(fill)(one, l, a[k], n, OXPAR_UPLO_UPPER);
        st = EV(ctx, 'N', OXPAR_UPLO_UPPER, n, one, (ptrdiff_t)n, 1, w1, NULL);
        CHECK_OK(st, "%s single", TLS);
        for (i = 0; i < n; i++) {
            CHECK(fabs((double)(w[k * n + i] - w1[i])) <= 30.0 * (double)n * norm1(a[k], n, n) * EPS,
                  "%s_batch %s: system %lu w[%lu] %g vs %g", TLS, spec, (unsigned long)k,
                  (unsigned long)i, (double)w[k * n + i], (double)w1[i]);
        }
        free(a[k]);
    }
    free(s);
    free(one);
    free(w);
    free(w1);
    free(a);
}

/* Bad arguments: status and message; NaN input leaves a and w alone. */
static void FN(check_bad)(oxpar_context *ctx) {
    T a[9], nan_a[9];
    R w[3] = {5, 5, 5}, wb[6];
    size_t i;
    for (i = 0; i < 9; i++) {
        a[i] = (T)(i % 4);
    }
    CHECK_ERR(EV(ctx, 'X', OXPAR_UPLO_LOWER, 3, a, 1, 3, w, NULL), OXPAR_STATUS_INVALID_ARGUMENT,
              TLS, "jobz");
    CHECK_ERR(EV(ctx, 'V', 99, 3, a, 1, 3, w, NULL), OXPAR_STATUS_INVALID_ARGUMENT, TLS, "uplo");
    CHECK_ERR(EV(ctx, 'V', OXPAR_UPLO_LOWER, 3, NULL, 1, 3, w, NULL), OXPAR_STATUS_NULL_POINTER,
              TLS, "a");
    CHECK_ERR(EV(ctx, 'V', OXPAR_UPLO_LOWER, 3, a, 1, 3, NULL, NULL), OXPAR_STATUS_NULL_POINTER,
              TLS, "w");
    CHECK_ERR(EV(NULL, 'V', OXPAR_UPLO_LOWER, 3, a, 1, 3, w, NULL), OXPAR_STATUS_NULL_POINTER, TLS,
              "ctx");
    CHECK_ERR(EV(ctx, 'V', OXPAR_UPLO_LOWER, 3, a, 1, 0, w, NULL), OXPAR_STATUS_INVALID_STRIDE,
              TLS, NULL);
    CHECK_OVERLAP(EV(ctx, 'V', OXPAR_UPLO_LOWER, 2, a, 1, 2, (R *)(void *)a, NULL), TLS, "w");
    /* NaN or Inf in the referenced triangle: a and w untouched. */
    for (i = 0; i < 9; i++) {
        nan_a[i] = a[i];
    }
    nan_a[1] = (T)test_nan();
    CHECK_ERR(EV(ctx, 'V', OXPAR_UPLO_LOWER, 3, nan_a, 1, 3, w, NULL),
              OXPAR_STATUS_INVALID_ARGUMENT, TLS, "a");
    CHECK(last_error_contains("NaN or Inf"), "%s: NaN message", TLS);
    CHECK(w[0] == 5 && w[1] == 5 && w[2] == 5, "%s: w written on NaN input", TLS);
    CHECK(nan_a[0] == a[0] && nan_a[8] == a[8], "%s: a written on NaN input", TLS);
    /* ... but NaN in the other triangle is never read. */
    CHECK_OK(EV(ctx, 'V', OXPAR_UPLO_UPPER, 3, nan_a, 1, 3, w, NULL), "%s: NaN unreferenced", TLS);
    /* Batches. */
    CHECK_ERR(EVB(ctx, 'V', OXPAR_UPLO_LOWER, 2, 3, NULL, 1, 3, 9, wb, NULL, NULL),
              OXPAR_STATUS_NULL_POINTER, TLS "_batch", "a");
    CHECK_ERR(EVB(ctx, 'V', OXPAR_UPLO_LOWER, 1, 3, a, 1, 3, 9, NULL, NULL, NULL),
              OXPAR_STATUS_NULL_POINTER, TLS "_batch", "w");
    CHECK_ERR(EVB(ctx, 'Q', OXPAR_UPLO_LOWER, 1, 3, a, 1, 3, 9, wb, NULL, NULL),
              OXPAR_STATUS_INVALID_ARGUMENT, TLS "_batch", "jobz");
    CHECK_ERR(EVB(ctx, 'V', OXPAR_UPLO_LOWER, 1, 3, a, 1, 3, 9, (R *)(void *)(a + 1), NULL, NULL),
              OXPAR_STATUS_INVALID_ARGUMENT, TLS "_batch", "w");
    {
        /* A NaN in system 1 of 2: an argument error naming it; system 0 solved. */
        T two[8] = {2, 0, 0, 3, 1, 0, 0, 1};
        int64_t info = -7, failed = -7;
        two[4] = (T)test_nan();
        CHECK_ERR(EVB(ctx, 'V', OXPAR_UPLO_LOWER, 2, 2, two, 1, 2, 4, wb, &info, &failed),
                  OXPAR_STATUS_INVALID_ARGUMENT, TLS "_batch", NULL);
        CHECK(last_error_contains("system 1"), "%s_batch: the failing index in the message", TLS);
        CHECK(wb[0] == 2 && wb[1] == 3, "%s_batch: system 0 w = %g %g", TLS, (double)wb[0],
              (double)wb[1]);
    }
}

static void FN(check_eigh_all)(oxpar_context *ctx, const char *spec) {
    static const size_t sizes[] = {0, 1, 2, 3, 7, 33, 40};
    size_t i;
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        FN(check_ev)(ctx, spec, sizes[i], (int)(i % 2), OXPAR_UPLO_LOWER);
        FN(check_ev)(ctx, spec, sizes[i], (int)((i + 1) % 2), OXPAR_UPLO_UPPER);
    }
    FN(check_batch)(ctx, spec, 0, 3);
    FN(check_batch)(ctx, spec, 5, 4);
    FN(check_batch)(ctx, spec, 300, 4);
    FN(check_bad)(ctx);
}

#undef FN
#undef EVB
