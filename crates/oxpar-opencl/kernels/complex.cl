/* oxpar built-in kernels: complex elements (float2 for c32, double2 for c64).
 *
 * Compiled on their own, after common.cl, with REAL the component type (so
 * `real` and `acc_t` mean what they mean for the real kernels). A complex
 * element is two consecutive components, re then im (num_complex's layout).
 * Offsets, strides and sizes count complex elements. Scalars come as two
 * components (alpha_re, alpha_im). Conjugation is a flag to the kernel: no
 * conjugated copy of an operand is ever made.
 *
 * No fast-math: NaN and Inf behave as IEEE says, and every product is the
 * plain complex product (a NaN or Inf component reaches the result as the
 * serial backend's does).
 */
#define OXPAR_CAT2_(x, y) x##y
#define OXPAR_CAT2(x, y) OXPAR_CAT2_(x, y)
typedef OXPAR_CAT2(REAL, 2) cplx;

/* a*b. */
inline cplx oxpar_cmul(const cplx a, const cplx b)
{
    return (cplx)(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x);
}

/* conj(a) if c, else a. */
inline cplx oxpar_cconj(const cplx a, const int c)
{
    return c ? (cplx)(a.x, -a.y) : a;
}

/* ---------------------------------------------------------------- level 1 */

/* y := alpha*x + y. */
__kernel void oxpar_caxpy(const long n, const real ar, const real ai,
                          __global const cplx* x, const long offx, const long incx,
                          __global cplx* y, const long offy, const long incy)
{
    const cplx alpha = (cplx)(ar, ai);
    for (long i = get_global_id(0); i < n; i += get_global_size(0))
        y[offy + i * incy] += oxpar_cmul(alpha, x[offx + i * incx]);
}

/* x := alpha*x: the complex product, or with real_alpha each component times
 * ar (BLAS's csscal: an imaginary part of 0 must not turn Inf into NaN). */
__kernel void oxpar_cscal(const long n, const real ar, const real ai, const int real_alpha,
                          __global cplx* x, const long offx, const long incx)
{
    const cplx alpha = (cplx)(ar, ai);
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const long at = offx + i * incx;
        x[at] = real_alpha ? ar * x[at] : oxpar_cmul(alpha, x[at]);
    }
}

/* x := beta*x, zeros without reading x when beta == 0. */
__kernel void oxpar_cscale_beta(const long n, const real br, const real bi,
                                __global cplx* x, const long offx, const long incx)
{
    const cplx beta = (cplx)(br, bi);
    const int zero = br == (real)0 && bi == (real)0;
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const long at = offx + i * incx;
        x[at] = zero ? (cplx)0 : oxpar_cmul(beta, x[at]);
    }
}

__kernel void oxpar_ccopy(const long n,
                          __global const cplx* x, const long offx, const long incx,
                          __global cplx* y, const long offy, const long incy)
{
    for (long i = get_global_id(0); i < n; i += get_global_size(0))
        y[offy + i * incy] = x[offx + i * incx];
}

__kernel void oxpar_cswap(const long n,
                          __global cplx* x, const long offx, const long incx,
                          __global cplx* y, const long offy, const long incy)
{
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const cplx t = x[offx + i * incx];
        x[offx + i * incx] = y[offy + i * incy];
        y[offy + i * incy] = t;
    }
}

/* Writes a work-group's two component sums (re, im) as partial[2g], [2g+1]. */
inline void oxpar_cwrite2(const acc_t re, const acc_t im, __global acc_t* partial,
                          __local acc_t* scratch)
{
    const acc_t s0 = oxpar_wg_sum_acc(re, scratch);
    const acc_t s1 = oxpar_wg_sum_acc(im, scratch);
    if (get_local_id(0) == 0) {
        partial[2 * get_group_id(0)] = s0;
        partial[2 * get_group_id(0) + 1] = s1;
    }
}

/* sum conj?(x_i) * y_i, per component in acc_t. */
__kernel void oxpar_cdot_partial(const long n, const int conj,
                                 __global const cplx* x, const long offx, const long incx,
                                 __global const cplx* y, const long offy, const long incy,
                                 __global acc_t* partial, __local acc_t* scratch)
{
    acc_t re = (acc_t)0, im = (acc_t)0;
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const cplx a = oxpar_cconj(x[offx + i * incx], conj);
        const cplx b = y[offy + i * incy];
        re += (acc_t)a.x * (acc_t)b.x - (acc_t)a.y * (acc_t)b.y;
        im += (acc_t)a.x * (acc_t)b.y + (acc_t)a.y * (acc_t)b.x;
    }
    oxpar_cwrite2(re, im, partial, scratch);
}

/* sum x_i, per component. */
__kernel void oxpar_csum_partial(const long n,
                                 __global const cplx* x, const long offx, const long incx,
                                 __global acc_t* partial, __local acc_t* scratch)
{
    acc_t re = (acc_t)0, im = (acc_t)0;
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const cplx v = x[offx + i * incx];
        re += (acc_t)v.x;
        im += (acc_t)v.y;
    }
    oxpar_cwrite2(re, im, partial, scratch);
}

/* sum |re x_i| + |im x_i|: one partial per group. */
__kernel void oxpar_casum_partial(const long n,
                                  __global const cplx* x, const long offx, const long incx,
                                  __global acc_t* partial, __local acc_t* scratch)
{
    acc_t acc = (acc_t)0;
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const cplx v = x[offx + i * incx];
        acc += (acc_t)fabs(v.x) + (acc_t)fabs(v.y);
    }
    const acc_t s = oxpar_wg_sum_acc(acc, scratch);
    if (get_local_id(0) == 0)
        partial[get_group_id(0)] = s;
}

/* sum re^2 + im^2, unscaled, in acc_t (c32 nrm2 on a device with double). */
__kernel void oxpar_csumsq_partial(const long n,
                                   __global const cplx* x, const long offx, const long incx,
                                   __global acc_t* partial, __local acc_t* scratch)
{
    acc_t acc = (acc_t)0;
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const cplx v = x[offx + i * incx];
        acc += (acc_t)v.x * (acc_t)v.x + (acc_t)v.y * (acc_t)v.y;
    }
    const acc_t s = oxpar_wg_sum_acc(acc, scratch);
    if (get_local_id(0) == 0)
        partial[get_group_id(0)] = s;
}

/* One component into Blue's three sums (as oxpar_nrm2_partial). */
inline void oxpar_blue_add(const real v, const real tsml, const real tbig, const real ssml,
                           const real sbig, real* asml, real* amed, real* abig)
{
    const real ax = fabs(v);
    if (ax > tbig) {
        const real t = ax * sbig;
        *abig += t * t;
    } else if (ax < tsml) {
        const real t = ax * ssml;
        *asml += t * t;
    } else {
        *amed += ax * ax;
    }
}

/* Blue's scaled sum of squares over the 2n components (the norm of a
 * complex vector is that of its components): three sums per group, which
 * the host combines as for real data. */
__kernel void oxpar_cnrm2_partial(const long n,
                                  __global const cplx* x, const long offx, const long incx,
                                  const real tsml, const real tbig,
                                  const real ssml, const real sbig,
                                  __global real* partial, __local real* scratch)
{
    real asml = (real)0, amed = (real)0, abig = (real)0;
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const cplx v = x[offx + i * incx];
        oxpar_blue_add(v.x, tsml, tbig, ssml, sbig, &asml, &amed, &abig);
        oxpar_blue_add(v.y, tsml, tbig, ssml, sbig, &asml, &amed, &abig);
    }
    const real s0 = oxpar_wg_sum(asml, scratch);
    const real s1 = oxpar_wg_sum(amed, scratch);
    const real s2 = oxpar_wg_sum(abig, scratch);
    if (get_local_id(0) == 0) {
        const size_t g = get_group_id(0);
        partial[3 * g + 0] = s0;
        partial[3 * g + 1] = s1;
        partial[3 * g + 2] = s2;
    }
}

/* iamax's order (an index < 0: no candidate; NaN beats every number; then
 * the larger value; ties to the lower index). */
inline int oxpar_ciamax_better(const real va, const long ia, const real vb, const long ib)
{
    if (ia < 0)
        return 0;
    if (ib < 0)
        return 1;
    const int na = isnan(va), nb = isnan(vb);
    if (na || nb) {
        if (na && nb)
            return ia < ib;
        return na;
    }
    if (va != vb)
        return va > vb;
    return ia < ib;
}

/* The first largest |re| + |im| per group (a NaN component makes it NaN). */
__kernel void oxpar_ciamax_partial(const long n,
                                   __global const cplx* x, const long offx, const long incx,
                                   __global real* pval, __global long* pidx,
                                   __local real* sval, __local long* sidx)
{
    real bv = (real)0;
    long bi = -1;
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const cplx c = x[offx + i * incx];
        const real v = fabs(c.x) + fabs(c.y);
        if (oxpar_ciamax_better(v, i, bv, bi)) {
            bv = v;
            bi = i;
        }
    }
    const size_t lid = get_local_id(0);
    sval[lid] = bv;
    sidx[lid] = bi;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (size_t s = get_local_size(0) / 2; s > 0; s >>= 1) {
        if (lid < s && oxpar_ciamax_better(sval[lid + s], sidx[lid + s], sval[lid], sidx[lid])) {
            sval[lid] = sval[lid + s];
            sidx[lid] = sidx[lid + s];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        pval[get_group_id(0)] = sval[0];
        pidx[get_group_id(0)] = sidx[0];
    }
}

/* ---------------------------------------------------------------- level 2 */

/* y := alpha*op(A)*x + beta*y, one row per work-item, op(A) = conj(A) when
 * conja (the host passes A^H as the conjugated transpose's strides). With
 * beta == 0, y is not read. (alpha == 0 never gets here.) */
__kernel void oxpar_cgemv(const long m, const long n, const real ar, const real ai,
                          __global const cplx* a, const long offa, const long rsa,
                          const long csa, const int conja,
                          __global const cplx* x, const long offx, const long incx,
                          const real br, const real bi,
                          __global cplx* y, const long offy, const long incy)
{
    const cplx alpha = (cplx)(ar, ai), beta = (cplx)(br, bi);
    const int beta0 = br == (real)0 && bi == (real)0;
    for (long i = get_global_id(0); i < m; i += get_global_size(0)) {
        cplx acc = (cplx)0;
        const long row = offa + i * rsa;
        for (long j = 0; j < n; ++j)
            acc += oxpar_cmul(oxpar_cconj(a[row + j * csa], conja), x[offx + j * incx]);
        const long at = offy + i * incy;
        const cplx t = oxpar_cmul(alpha, acc);
        y[at] = beta0 ? t : t + oxpar_cmul(beta, y[at]);
    }
}

/* A := alpha*x*y^T + A (geru), or alpha*x*y^H + A with conjy (gerc), over a
 * 2-D range (rows, columns). */
__kernel void oxpar_cger(const long m, const long n, const real ar, const real ai,
                         __global const cplx* x, const long offx, const long incx,
                         __global const cplx* y, const long offy, const long incy,
                         const int conjy,
                         __global cplx* a, const long offa, const long rsa, const long csa)
{
    const long i = get_global_id(0), j = get_global_id(1);
    if (i < m && j < n) {
        const cplx ax = oxpar_cmul((cplx)(ar, ai), x[offx + i * incx]);
        a[offa + i * rsa + j * csa] += oxpar_cmul(ax, oxpar_cconj(y[offy + j * incy], conjy));
    }
}

/* C := beta*C (zeros when beta == 0, without reading C) over a 2-D range. */
__kernel void oxpar_cscale_beta_mat(const long m, const long n, const real br, const real bi,
                                    __global cplx* c, const long offc, const long rsc,
                                    const long csc)
{
    const long i = get_global_id(0), j = get_global_id(1);
    if (i < m && j < n) {
        const long at = offc + i * rsc + j * csc;
        if (br == (real)0 && bi == (real)0)
            c[at] = (cplx)0;
        else
            c[at] = oxpar_cmul((cplx)(br, bi), c[at]);
    }
}

/* ---------------------------------------------------------------- level 3 */

/* C := alpha*op(A)*op(B) + beta*C, op(X) = conj(X) where its flag is set
 * (the host passes transposes as swapped strides, so A^H is the transposed
 * strides with conja). oxpar_cgemm_tiled: a work-group of LX x LX
 * work-items computes a TS x TS block of C (TS = LX*CRX), each work-item a
 * CRX x CRX register block; tiles of A (TS x CTK) and B (CTK x TS) are
 * staged in local memory, conjugated on the way in, zero-padded at the
 * edges. With beta == 0, C is not read. (alpha == 0 or k == 0 never gets
 * here.) */
#ifndef OXPAR_GEMM_LX
#define OXPAR_GEMM_LX 16
#endif
#define CLX OXPAR_GEMM_LX
#define CRX 4
#define CTS (CLX * CRX)
#define CTK 8

__kernel __attribute__((reqd_work_group_size(CLX, CLX, 1)))
void oxpar_cgemm_tiled(const long m, const long n, const long k, const real ar, const real ai,
                       __global const cplx* a, const long offa, const long rsa, const long csa,
                       const int conja,
                       __global const cplx* b, const long offb, const long rsb, const long csb,
                       const int conjb, const real br, const real bi,
                       __global cplx* c, const long offc, const long rsc, const long csc)
{
    __local cplx As[CTK][CTS]; /* As[p][i] = op(A)(i0 + i, p0 + p) */
    __local cplx Bs[CTK][CTS]; /* Bs[p][j] = op(B)(p0 + p, j0 + j) */
    const int tx = (int)get_local_id(0), ty = (int)get_local_id(1);
    const int tid = ty * CLX + tx;
    const long i0 = (long)get_group_id(0) * CTS, j0 = (long)get_group_id(1) * CTS;

    /* Real and imaginary accumulators apart: four real multiply-adds per
     * complex one, which the compiler turns into fma and vectorizes. */
    real accr[CRX][CRX], acci[CRX][CRX];
    for (int r = 0; r < CRX; ++r)
        for (int s = 0; s < CRX; ++s)
            accr[r][s] = acci[r][s] = (real)0;

    for (long p0 = 0; p0 < k; p0 += CTK) {
        for (int e = tid; e < CTK * CTS; e += CLX * CLX) {
            const int p = e / CTS, q = e % CTS;
            const long gp = p0 + p;
            const long gi = i0 + q, gj = j0 + q;
            cplx av = (cplx)0, bv = (cplx)0;
            if (gp < k && gi < m)
                av = oxpar_cconj(a[offa + gi * rsa + gp * csa], conja);
            if (gp < k && gj < n)
                bv = oxpar_cconj(b[offb + gp * rsb + gj * csb], conjb);
            As[p][q] = av;
            Bs[p][q] = bv;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int p = 0; p < CTK; ++p) {
            cplx av[CRX], bv[CRX];
            for (int r = 0; r < CRX; ++r) {
                av[r] = As[p][tx + r * CLX];
                bv[r] = Bs[p][ty + r * CLX];
            }
            for (int r = 0; r < CRX; ++r)
                for (int s = 0; s < CRX; ++s) {
                    accr[r][s] += av[r].x * bv[s].x - av[r].y * bv[s].y;
                    acci[r][s] += av[r].x * bv[s].y + av[r].y * bv[s].x;
                }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }

    const cplx alpha = (cplx)(ar, ai), beta = (cplx)(br, bi);
    const int beta0 = br == (real)0 && bi == (real)0;
    for (int r = 0; r < CRX; ++r) {
        const long i = i0 + tx + r * CLX;
        for (int s = 0; s < CRX; ++s) {
            const long j = j0 + ty + s * CLX;
            if (i < m && j < n) {
                const long at = offc + i * rsc + j * csc;
                const cplx t = oxpar_cmul(alpha, (cplx)(accr[r][s], acci[r][s]));
                c[at] = beta0 ? t : t + oxpar_cmul(beta, c[at]);
            }
        }
    }
}

/* The same product, one element of C per work-item, no local memory: where
 * the tiled kernel's work-group does not fit the device. */
__kernel void oxpar_cgemm_simple(const long m, const long n, const long k, const real ar,
                                 const real ai,
                                 __global const cplx* a, const long offa, const long rsa,
                                 const long csa, const int conja,
                                 __global const cplx* b, const long offb, const long rsb,
                                 const long csb, const int conjb, const real br, const real bi,
                                 __global cplx* c, const long offc, const long rsc, const long csc)
{
    const long i = get_global_id(0), j = get_global_id(1);
    if (i >= m || j >= n)
        return;
    cplx acc = (cplx)0;
    for (long p = 0; p < k; ++p)
        acc += oxpar_cmul(oxpar_cconj(a[offa + i * rsa + p * csa], conja),
                          oxpar_cconj(b[offb + p * rsb + j * csb], conjb));
    const long at = offc + i * rsc + j * csc;
    const cplx t = oxpar_cmul((cplx)(ar, ai), acc);
    if (br == (real)0 && bi == (real)0)
        c[at] = t;
    else
        c[at] = t + oxpar_cmul((cplx)(br, bi), c[at]);
}

/* oxpar_cgemm_cpu: the same product for CPU devices (PoCL), after the real
 * oxpar_gemm_cpu (level3.cl). No barriers: one work-item is one work-group
 * and computes CMR rows by CJB*CNR columns of C, CNR columns at a time in
 * registers. For each slice of k (CKC deep) it first packs its CMR x CKC
 * slice of op(A) into local memory (plain memory on a CPU) as two planes per
 * step of k, real parts then imaginary parts (conjugated there when conja),
 * so that the inner loop is CVW-wide vector fma on separate real and
 * imaginary accumulators: 4 of them per column (2 vectors of rows each for
 * re and im), 8 fma per column per step, B read as broadcast scalars (any
 * strides: packing reads A element by element, so A may have any strides
 * too). C takes beta on the first slice and adds the others (with beta == 0
 * it is not read before it is written). Rows past m pack as zeros and
 * columns past n read as zeros; only the stores check the edges. */
#ifndef OXPAR_GEMM_CVW
#define OXPAR_GEMM_CVW 16
#endif
#ifndef OXPAR_CGEMM_CNR
#define OXPAR_CGEMM_CNR 8
#endif
#ifndef OXPAR_CGEMM_CJB
#define OXPAR_CGEMM_CJB 16
#endif
#ifndef OXPAR_CGEMM_CKC
#define OXPAR_CGEMM_CKC 64
#endif
#define CCVW OXPAR_GEMM_CVW
#define CCMR (2 * CCVW)
#define CCNR OXPAR_CGEMM_CNR
#define CCJB OXPAR_CGEMM_CJB
#define CCKC OXPAR_CGEMM_CKC
typedef OXPAR_CAT2(REAL, CCVW) crealv;
#define cvloadv OXPAR_CAT2(vload, CCVW)
#define cvstorev OXPAR_CAT2(vstore, CCVW)

__kernel __attribute__((reqd_work_group_size(1, 1, 1)))
void oxpar_cgemm_cpu(const long m, const long n, const long k, const real ar, const real ai,
                     __global const cplx* a, const long offa, const long rsa, const long csa,
                     const int conja,
                     __global const cplx* b, const long offb, const long rsb, const long csb,
                     const int conjb, const real br, const real bi,
                     __global cplx* c, const long offc, const long rsc, const long csc)
{
    __local real ap[2 * CCMR * CCKC];
    const long i0 = (long)get_group_id(0) * CCMR;
    const long jb0 = (long)get_group_id(1) * (CCNR * CCJB);
    if (i0 >= m || jb0 >= n)
        return;
    const int mr = (int)min((long)CCMR, m - i0);
    const cplx alpha = (cplx)(ar, ai), beta = (cplx)(br, bi);
    const int beta0 = br == (real)0 && bi == (real)0;
    const real sa = conja ? (real)-1 : (real)1, sb = conjb ? (real)-1 : (real)1;
    for (long p0 = 0; p0 < k; p0 += CCKC) {
        const int kc = (int)min((long)CCKC, k - p0);
        const int first = p0 == 0;
        for (int p = 0; p < kc; ++p) {
            __global const cplx* acol = a + offa + i0 * rsa + (p0 + p) * csa;
            __local real* dst = ap + p * 2 * CCMR;
            for (int r = 0; r < CCMR; ++r) {
                const cplx v = r < mr ? acol[r * rsa] : (cplx)0;
                dst[r] = v.x;
                dst[CCMR + r] = sa * v.y;
            }
        }
        for (int jb = 0; jb < CCJB; ++jb) {
            const long j0 = jb0 + (long)jb * CCNR;
            if (j0 >= n)
                break;
            const int nr = (int)min((long)CCNR, n - j0);
            const int full = nr == CCNR;
            crealv re0[CCNR], re1[CCNR], im0[CCNR], im1[CCNR];
            for (int s = 0; s < CCNR; ++s)
                re0[s] = re1[s] = im0[s] = im1[s] = (crealv)0;
            __local const real* pp = ap;
            __global const cplx* bp = b + offb + p0 * rsb + j0 * csb;
            for (int p = 0; p < kc; ++p) {
                const crealv xr0 = cvloadv(0, pp), xr1 = cvloadv(1, pp);
                const crealv xi0 = cvloadv(2, pp), xi1 = cvloadv(3, pp);
                for (int s = 0; s < CCNR; ++s) {
                    const cplx bv = (full || s < nr) ? bp[s * csb] : (cplx)0;
                    const crealv bre = (crealv)bv.x, bim = (crealv)(sb * bv.y);
                    re0[s] = fma(xr0, bre, re0[s]);
                    re0[s] = fma(-xi0, bim, re0[s]);
                    im0[s] = fma(xr0, bim, im0[s]);
                    im0[s] = fma(xi0, bre, im0[s]);
                    re1[s] = fma(xr1, bre, re1[s]);
                    re1[s] = fma(-xi1, bim, re1[s]);
                    im1[s] = fma(xr1, bim, im1[s]);
                    im1[s] = fma(xi1, bre, im1[s]);
                }
                pp += 2 * CCMR;
                bp += rsb;
            }
            for (int s = 0; s < nr; ++s) {
                real tr[CCMR], ti[CCMR];
                cvstorev(re0[s], 0, tr);
                cvstorev(re1[s], 1, tr);
                cvstorev(im0[s], 0, ti);
                cvstorev(im1[s], 1, ti);
                __global cplx* cp = c + offc + i0 * rsc + (j0 + s) * csc;
                for (int r = 0; r < mr; ++r) {
                    const cplx t = oxpar_cmul(alpha, (cplx)(tr[r], ti[r]));
                    __global cplx* at = cp + r * rsc;
                    if (!first)
                        *at += t;
                    else if (beta0)
                        *at = t;
                    else
                        *at = t + oxpar_cmul(beta, *at);
                }
            }
        }
    }
}
