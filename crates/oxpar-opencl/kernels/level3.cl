/* oxpar built-in kernels: BLAS level 3.
 *
 * C := alpha*A*B + beta*C for an m x k A, k x n B and m x n C, each with its
 * own element strides (so transposes, row- and column-major and negative
 * strides need no copies). With beta == 0, C is not read. (alpha == 0 or
 * k == 0 never gets here: the host scales C instead, so A and B are not read.)
 *
 * oxpar_gemm_tiled: a work-group of LX x LX work-items computes a TS x TS
 * block of C (TS = LX*RX), each work-item an RX x RX register block. Tiles of
 * A (TS x TK) and B (TK x TS) are staged in local memory, zero-padded at the
 * edges, so any m, n, k works. LX comes from the host (-DOXPAR_GEMM_LX=...)
 * and fits the device's work-group size limit.
 */
#ifndef OXPAR_GEMM_LX
#define OXPAR_GEMM_LX 16
#endif
#define LX OXPAR_GEMM_LX
#define RX 4
#define TS (LX * RX)
#define TK 16

__kernel __attribute__((reqd_work_group_size(LX, LX, 1)))
void oxpar_gemm_tiled(const long m, const long n, const long k, const real alpha,
                      __global const real* a, const long offa, const long rsa, const long csa,
                      __global const real* b, const long offb, const long rsb, const long csb,
                      const real beta,
                      __global real* c, const long offc, const long rsc, const long csc)
{
    __local real As[TK][TS]; /* As[p][i] = A(i0 + i, p0 + p) */
    __local real Bs[TK][TS]; /* Bs[p][j] = B(p0 + p, j0 + j) */
    const int tx = (int)get_local_id(0), ty = (int)get_local_id(1);
    const int tid = ty * LX + tx;
    const long i0 = (long)get_group_id(0) * TS, j0 = (long)get_group_id(1) * TS;

    real acc[RX][RX];
    for (int r = 0; r < RX; ++r)
        for (int s = 0; s < RX; ++s)
            acc[r][s] = (real)0;

    for (long p0 = 0; p0 < k; p0 += TK) {
        for (int e = tid; e < TK * TS; e += LX * LX) {
            const int p = e / TS, q = e % TS;
            const long gp = p0 + p;
            const long gi = i0 + q, gj = j0 + q;
            real av = (real)0, bv = (real)0;
            if (gp < k && gi < m)
                av = a[offa + gi * rsa + gp * csa];
            if (gp < k && gj < n)
                bv = b[offb + gp * rsb + gj * csb];
            As[p][q] = av;
            Bs[p][q] = bv;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int p = 0; p < TK; ++p) {
            real ar[RX], br[RX];
            for (int r = 0; r < RX; ++r) {
                ar[r] = As[p][tx + r * LX];
                br[r] = Bs[p][ty + r * LX];
            }
            for (int r = 0; r < RX; ++r)
                for (int s = 0; s < RX; ++s)
                    acc[r][s] += ar[r] * br[s];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }

    for (int r = 0; r < RX; ++r) {
        const long i = i0 + tx + r * LX;
        for (int s = 0; s < RX; ++s) {
            const long j = j0 + ty + s * LX;
            if (i < m && j < n) {
                const long at = offc + i * rsc + j * csc;
                if (beta == (real)0)
                    c[at] = alpha * acc[r][s];
                else
                    c[at] = alpha * acc[r][s] + beta * c[at];
            }
        }
    }
}

/* The same product, one element of C per work-item, no local memory: the
 * fallback where the tiled kernel's work-group does not fit the device. */
__kernel void oxpar_gemm_simple(const long m, const long n, const long k, const real alpha,
                                __global const real* a, const long offa, const long rsa, const long csa,
                                __global const real* b, const long offb, const long rsb, const long csb,
                                const real beta,
                                __global real* c, const long offc, const long rsc, const long csc)
{
    const long i = get_global_id(0), j = get_global_id(1);
    if (i >= m || j >= n)
        return;
    real acc = (real)0;
    for (long p = 0; p < k; ++p)
        acc += a[offa + i * rsa + p * csa] * b[offb + p * rsb + j * csb];
    const long at = offc + i * rsc + j * csc;
    if (beta == (real)0)
        c[at] = alpha * acc;
    else
        c[at] = alpha * acc + beta * c[at];
}

/* oxpar_gemm_cpu: the same product for CPU devices (PoCL), where A has unit
 * row stride (column-major A; the host transposes the whole product,
 * C^T = B^T A^T, when only B has a unit column stride; rsa is not read). No
 * barriers: one work-item is one work-group, and computes CMR rows by
 * CJB*CNR columns of C, CNR columns at a time in registers, an outer-product
 * update per step of k (CMR/CVW vector loads of a column of A, CNR scalar
 * loads of a row of B). CVW is the SIMD width (16 floats or 8 doubles: one
 * AVX-512 register), CMR = 2*CVW and CNR = 8: 16 accumulator vectors plus the
 * loads fit the 32 vector registers. k goes in slices of CKC: the work-item
 * first copies (packs) its CMR x CKC slice of A into local memory (plain
 * memory on a CPU), contiguous and small enough for L1, then runs the CJB
 * column blocks over it; C takes beta on the first slice and adds the others
 * (so with beta == 0 it is not read before it is written). Indices are int
 * (the host checks that every index fits). Rows past m are packed as zeros
 * and columns past n read as zeros; only the stores check the edges. See
 * builtins.rs for the measurements behind the parameters. */
#ifndef OXPAR_GEMM_CVW
#define OXPAR_GEMM_CVW 16
#endif
#ifndef OXPAR_GEMM_CNR
#define OXPAR_GEMM_CNR 8
#endif
#define CVW OXPAR_GEMM_CVW
#define CNR OXPAR_GEMM_CNR
#define CMR (2 * CVW)
#define OXPAR_CAT_(x, y) x##y
#define OXPAR_CAT(x, y) OXPAR_CAT_(x, y)
typedef OXPAR_CAT(REAL, CVW) realv;
#define vloadv OXPAR_CAT(vload, CVW)
#define vstorev OXPAR_CAT(vstore, CVW)

#ifndef OXPAR_GEMM_CKC
#define OXPAR_GEMM_CKC 128
#endif
#ifndef OXPAR_GEMM_CJB
#define OXPAR_GEMM_CJB 16
#endif
#define CKC OXPAR_GEMM_CKC
#define CJB OXPAR_GEMM_CJB

/* C(i0.., j..) (CMR x CNR, clipped to m x n) := alpha*acc + beta*C on the
 * first slice of k (first), += alpha*acc on the others. */
inline void oxpar_gemm_cpu_store(const bool first, const realv* acc0, const realv* acc1,
                                 const int mr, const int nr, const real alpha,
                                 const real beta, __global real* c, const int rsc,
                                 const int csc)
{
    const bool keep = !first || beta != (real)0; /* reads C */
    const real bt = first ? beta : (real)1;
    for (int s = 0; s < CNR; ++s) {
        if (s >= nr)
            break;
        __global real* cp = c + s * csc;
        if (mr == CMR && rsc == 1) {
            if (!keep) {
                vstorev(alpha * acc0[s], 0, cp);
                vstorev(alpha * acc1[s], 1, cp);
            } else {
                vstorev(alpha * acc0[s] + bt * vloadv(0, cp), 0, cp);
                vstorev(alpha * acc1[s] + bt * vloadv(1, cp), 1, cp);
            }
        } else {
            real t[CMR];
            vstorev(acc0[s], 0, t);
            vstorev(acc1[s], 1, t);
            for (int r = 0; r < mr; ++r) {
                __global real* at = cp + r * rsc;
                if (!keep)
                    *at = alpha * t[r];
                else
                    *at = alpha * t[r] + bt * *at;
            }
        }
    }
}

/* acc += (packed A slice, kc x CMR) * B(0..kc, j..j+CNR) (columns from nr on
 * read as 0 unless full). */
inline void oxpar_gemm_cpu_kernel(const bool full, realv* acc0, realv* acc1, const int kc,
                                  __local const real* ap, __global const real* bp,
                                  const int rsb, const int csb, const int nr)
{
    for (int s = 0; s < CNR; ++s)
        acc0[s] = acc1[s] = (realv)0;
    for (int p = 0; p < kc; ++p) {
        const realv a0 = vloadv(0, ap), a1 = vloadv(1, ap);
        for (int s = 0; s < CNR; ++s) {
            const real bv = (full || s < nr) ? bp[s * csb] : (real)0;
            acc0[s] = fma(a0, (realv)bv, acc0[s]);
            acc1[s] = fma(a1, (realv)bv, acc1[s]);
        }
        ap += CMR;
        bp += rsb;
    }
}

__kernel __attribute__((reqd_work_group_size(1, 1, 1)))
void oxpar_gemm_cpu(const int m, const int n, const int k, const real alpha,
                    __global const real* a, const int offa, const int rsa, const int lda,
                    __global const real* b, const int offb, const int rsb, const int csb,
                    const real beta,
                    __global real* c, const int offc, const int rsc, const int csc)
{
    __local real Ap[CKC * CMR]; /* Ap[p*CMR + r] = A(i0 + r, k0 + p), 0 past m */
    const int i0 = (int)get_global_id(0) * CMR, j0 = (int)get_global_id(1) * (CJB * CNR);
    const int mr = min(CMR, m - i0);
    a += offa + i0;
    b += offb;
    c += offc + i0 * rsc;
    for (int k0 = 0; k0 < k; k0 += CKC) {
        const int kc = min(CKC, k - k0);
        for (int p = 0; p < kc; ++p) {
            __global const real* col = a + (k0 + p) * lda;
            if (mr == CMR) {
                vstorev(vloadv(0, col), 0, Ap + p * CMR);
                vstorev(vloadv(1, col), 1, Ap + p * CMR);
            } else {
                for (int r = 0; r < CMR; ++r)
                    Ap[p * CMR + r] = r < mr ? col[r] : (real)0;
            }
        }
        for (int jb = 0; jb < CJB; ++jb) {
            const int j = j0 + jb * CNR;
            if (j >= n)
                break;
            const int nr = min(CNR, n - j);
            realv acc0[CNR], acc1[CNR];
            __global const real* bp = b + k0 * rsb + j * csb;
            if (nr == CNR)
                oxpar_gemm_cpu_kernel(true, acc0, acc1, kc, Ap, bp, rsb, csb, nr);
            else
                oxpar_gemm_cpu_kernel(false, acc0, acc1, kc, Ap, bp, rsb, csb, nr);
            oxpar_gemm_cpu_store(k0 == 0, acc0, acc1, mr, nr, alpha, beta, c + j * csc, rsc,
                                 csc);
        }
    }
}

/* oxpar_gemm_gpu<R>: the tiled product for GPUs, with int indices (the
 * host checks that every index fits). A work-group of GLX x GLX work-items
 * computes a TS x TS block of C (TS = GLX*R), each work-item an R x R
 * register block, its rows and columns GLX apart (tx + r*GLX), so that a warp
 * reads consecutive local words (no bank conflicts) and each value read from
 * local memory feeds R multiply-adds. Tiles of A (TS x GTK) and B (GTK x TS)
 * go through local memory, whose rows are padded by one word: each operand is
 * read along its unit (or smaller) stride, so loads from global memory
 * coalesce for column- and row-major operands alike (transposes included),
 * and the padding keeps the transposing stores into local memory free of
 * bank conflicts. Tiles inside the matrices skip the edge checks. R = 8, 4
 * and 2 are compiled (oxpar_gemm_gpu8, _gpu4, _gpu2): the host takes the
 * largest block that still gives every compute unit a work-group. */
#ifndef OXPAR_GEMM_GLX
#define OXPAR_GEMM_GLX 16
#endif
#ifndef OXPAR_GEMM_GTK
#define OXPAR_GEMM_GTK 16
#endif
#define GLX OXPAR_GEMM_GLX
#define GTK OXPAR_GEMM_GTK
#define GWG (GLX * GLX)

/* Loads the TS x GTK tile of X (rows r0.., columns p0..) into Xs[p][r]:
 * along r where X's rows are adjacent (|rs| <= |cs|), else along p. */
#define OXPAR_GEMM_LOAD(TS, Xs, x, offx, rsx, csx, r0, rows, p0, full)                 \
    do {                                                                                \
        const bool along_r = abs(rsx) <= abs(csx);                                      \
        for (int e = tid; e < GTK * (TS); e += GWG) {                                   \
            const int p = along_r ? e / (TS) : e % GTK;                                 \
            const int r = along_r ? e % (TS) : e / GTK;                                 \
            const int gr = r0 + r, gp = p0 + p;                                         \
            Xs[p][r] = (full || (gr < rows && gp < k)) ? x[offx + gr * rsx + gp * csx]  \
                                                       : (real)0;                       \
        }                                                                               \
    } while (0)

#define OXPAR_GEMM_GPU(NAME, R)                                                         \
__kernel __attribute__((reqd_work_group_size(GLX, GLX, 1)))                             \
void NAME(const int m, const int n, const int k, const real alpha,                      \
          __global const real* a, const int offa, const int rsa, const int csa,         \
          __global const real* b, const int offb, const int rsb, const int csb,         \
          const real beta,                                                              \
          __global real* c, const int offc, const int rsc, const int csc)               \
{                                                                                       \
    __local real As[GTK][GLX * (R) + 1]; /* As[p][i] = A(i0 + i, p0 + p) */             \
    __local real Bs[GTK][GLX * (R) + 1]; /* Bs[p][j] = B(p0 + p, j0 + j) */             \
    const int tx = (int)get_local_id(0), ty = (int)get_local_id(1);                     \
    const int tid = ty * GLX + tx;                                                      \
    const int i0 = (int)get_group_id(0) * (GLX * (R));                                  \
    const int j0 = (int)get_group_id(1) * (GLX * (R));                                  \
    const bool inside = i0 + GLX * (R) <= m && j0 + GLX * (R) <= n;                     \
    real acc[R][R];                                                                     \
    for (int r = 0; r < (R); ++r)                                                       \
        for (int s = 0; s < (R); ++s)                                                   \
            acc[r][s] = (real)0;                                                        \
    for (int p0 = 0; p0 < k; p0 += GTK) {                                               \
        if (inside && p0 + GTK <= k) {                                                  \
            OXPAR_GEMM_LOAD(GLX * (R), As, a, offa, rsa, csa, i0, m, p0, true);         \
            OXPAR_GEMM_LOAD(GLX * (R), Bs, b, offb, csb, rsb, j0, n, p0, true);         \
        } else {                                                                        \
            OXPAR_GEMM_LOAD(GLX * (R), As, a, offa, rsa, csa, i0, m, p0, false);        \
            OXPAR_GEMM_LOAD(GLX * (R), Bs, b, offb, csb, rsb, j0, n, p0, false);        \
        }                                                                               \
        barrier(CLK_LOCAL_MEM_FENCE);                                                   \
        for (int p = 0; p < GTK; ++p) {                                                 \
            real ar[R], br[R];                                                          \
            for (int r = 0; r < (R); ++r) {                                             \
                ar[r] = As[p][tx + r * GLX];                                            \
                br[r] = Bs[p][ty + r * GLX];                                            \
            }                                                                           \
            for (int r = 0; r < (R); ++r)                                               \
                for (int s = 0; s < (R); ++s)                                           \
                    acc[r][s] = fma(ar[r], br[s], acc[r][s]);                           \
        }                                                                               \
        barrier(CLK_LOCAL_MEM_FENCE);                                                   \
    }                                                                                   \
    for (int s = 0; s < (R); ++s) {                                                     \
        const int j = j0 + ty + s * GLX;                                                \
        for (int r = 0; r < (R); ++r) {                                                 \
            const int i = i0 + tx + r * GLX;                                            \
            if (inside || (i < m && j < n)) {                                           \
                __global real* at = c + offc + i * rsc + j * csc;                       \
                if (beta == (real)0)                                                    \
                    *at = alpha * acc[r][s];                                            \
                else                                                                    \
                    *at = alpha * acc[r][s] + beta * *at;                               \
            }                                                                           \
        }                                                                               \
    }                                                                                   \
}

OXPAR_GEMM_GPU(oxpar_gemm_gpu8, 8)
OXPAR_GEMM_GPU(oxpar_gemm_gpu4, 4)
OXPAR_GEMM_GPU(oxpar_gemm_gpu2, 2)
