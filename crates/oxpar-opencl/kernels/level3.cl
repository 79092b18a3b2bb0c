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
 * register block, in the shape of CLBlast's and cuBLAS's sgemm kernels:
 *
 * - Register blocks in vector chunks. A work-item's R rows are R/V runs of
 *   V = min(R, 4) consecutive rows, the runs GLX*V apart (rows
 *   (q*GLX + tx)*V + v), and the same for its columns. Each run is one
 *   vector read from local memory (128 bits for f32), so a step along k
 *   costs 2R/V local reads for R*R multiply-adds (4 for 64 at R = 8, against
 *   16 with scalar reads, which left the local-memory pipe as busy as the
 *   FMA units), and the V-wide reads of a warp's consecutive tx cover
 *   consecutive words: no bank conflicts.
 * - Tiles GTK = 32 deep (set by the host): half the barriers per
 *   multiply-add of 16-deep tiles. Local rows are padded by 4 words (not 1)
 *   so that they stay 16-byte aligned for the vector reads.
 * - Loads along each operand's unit (or smaller) stride, so that they
 *   coalesce for column- and row-major operands alike (transposes included).
 *   In tiles inside the matrices, an operand with unit stride whose offset
 *   and other stride are multiples of 4 is read as 4-vectors (the buffer
 *   itself is aligned: OpenCL allocates it): along the tile's rows, straight
 *   into local memory; along k, as 4 values of one row of the tile that go to
 *   4 local rows, with each warp's lanes 2 vectors along k by 16 rows, which
 *   spreads those stores over all 32 banks (with 4-word padding). The scalar
 *   path reads along k in runs of 8 (one 32-byte sector) by 4 rows, again
 *   free of bank conflicts. Edge tiles take the scalar path with checks.
 * - C is written as V-vectors where its rows are adjacent and aligned.
 *
 * R = 8, 4 and 2 are compiled (oxpar_gemm_gpu8, _gpu4, _gpu2): the host
 * takes the largest block that still gives every compute unit a work-group.
 * No prefetch into registers: at R = 8 that would cost 2*GTK*TS/GWG = 32 more
 * registers and drop the SMs from two resident work-groups to one, and the
 * second work-group already hides the first one's loads and barriers. */
#ifndef OXPAR_GEMM_GLX
#define OXPAR_GEMM_GLX 16
#endif
#ifndef OXPAR_GEMM_GTK
#define OXPAR_GEMM_GTK 32
#endif
#define GLX OXPAR_GEMM_GLX
#define GTK OXPAR_GEMM_GTK
#define GWG (GLX * GLX)
/* Local rows are GLX*R + GPAD words long. */
#define GPAD 4
#if GTK % 8 != 0
#error "OXPAR_GEMM_GTK must be a multiple of 8"
#endif
typedef OXPAR_CAT(REAL, 4) greal4;
typedef OXPAR_CAT(REAL, 2) greal2;

/* Loads the TS x GTK tile of X (X(r, p) = x[offx + r*rsx + p*csx], rows
 * r0.., columns p0..) into Xs[p*LD + r] (zeros outside rows x k unless
 * full): along r where X's rows are adjacent (|rs| <= |cs|), else along p;
 * as 4-vectors where full and vec (unit stride, offset and other stride
 * multiples of 4). */
#define OXPAR_GEMM_LOAD(TS, LD, Xs, x, offx, rsx, csx, r0, rows, p0, full, vec)          \
    do {                                                                                \
        if (abs(rsx) <= abs(csx)) {                                                     \
            if ((full) && (vec)) { /* rsx == 1 */                                       \
                for (int e = tid; e < GTK * (TS) / 4; e += GWG) {                       \
                    const int r = 4 * (e % ((TS) / 4)), p = e / ((TS) / 4);             \
                    *(__local greal4*)(Xs + p * (LD) + r) =                             \
                        *(__global const greal4*)(x + offx + r0 + r + (p0 + p) * csx);  \
                }                                                                       \
            } else {                                                                    \
                for (int e = tid; e < GTK * (TS); e += GWG) {                           \
                    const int r = e % (TS), p = e / (TS);                               \
                    const int gr = r0 + r, gp = p0 + p;                                 \
                    Xs[p * (LD) + r] = ((full) || (gr < rows && gp < k))                \
                                           ? x[offx + gr * rsx + gp * csx]              \
                                           : (real)0;                                   \
                }                                                                       \
            }                                                                           \
        } else {                                                                        \
            if ((full) && (vec)) { /* csx == 1 */                                       \
                for (int e = tid; e < GTK * (TS) / 4; e += GWG) {                       \
                    const int h = e >> 1, r = h % (TS);                                 \
                    const int p = 4 * (2 * (h / (TS)) + (e & 1));                       \
                    const greal4 v =                                                    \
                        *(__global const greal4*)(x + offx + (r0 + r) * rsx + p0 + p);  \
                    Xs[p * (LD) + r] = v.s0;                                            \
                    Xs[(p + 1) * (LD) + r] = v.s1;                                      \
                    Xs[(p + 2) * (LD) + r] = v.s2;                                      \
                    Xs[(p + 3) * (LD) + r] = v.s3;                                      \
                }                                                                       \
            } else {                                                                    \
                for (int e = tid; e < GTK * (TS); e += GWG) {                           \
                    const int h = e >> 3, r = h % (TS);                                 \
                    const int p = 8 * (h / (TS)) + (e & 7);                             \
                    const int gr = r0 + r, gp = p0 + p;                                 \
                    Xs[p * (LD) + r] = ((full) || (gr < rows && gp < k))                \
                                           ? x[offx + gr * rsx + gp * csx]              \
                                           : (real)0;                                   \
                }                                                                       \
            }                                                                           \
        }                                                                               \
    } while (0)

/* R: register block edge; V: its vector runs (min(R, 4)); VT: realV. */
#define OXPAR_GEMM_GPU(NAME, R, V, VT)                                                  \
__kernel __attribute__((reqd_work_group_size(GLX, GLX, 1)))                             \
void NAME(const int m, const int n, const int k, const real alpha,                      \
          __global const real* a, const int offa, const int rsa, const int csa,         \
          __global const real* b, const int offb, const int rsb, const int csb,         \
          const real beta,                                                              \
          __global real* c, const int offc, const int rsc, const int csc)               \
{                                                                                       \
    /* As[p*LD + i] = A(i0 + i, p0 + p), Bs[p*LD + j] = B(p0 + p, j0 + j); declared \
     * as 4-vectors for their alignment. */                                             \
    __local greal4 As4[GTK * (GLX * (R) + GPAD) / 4];                                   \
    __local greal4 Bs4[GTK * (GLX * (R) + GPAD) / 4];                                   \
    __local real* As = (__local real*)As4;                                              \
    __local real* Bs = (__local real*)Bs4;                                              \
    const int tx = (int)get_local_id(0), ty = (int)get_local_id(1);                     \
    const int tid = ty * GLX + tx;                                                      \
    const int i0 = (int)get_group_id(0) * (GLX * (R));                                  \
    const int j0 = (int)get_group_id(1) * (GLX * (R));                                  \
    const bool inside = i0 + GLX * (R) <= m && j0 + GLX * (R) <= n;                     \
    const bool veca = (abs(rsa) <= abs(csa) ? rsa == 1 && (csa & 3) == 0                \
                                            : csa == 1 && (rsa & 3) == 0) &&            \
                      (offa & 3) == 0;                                                  \
    const bool vecb = (abs(csb) <= abs(rsb) ? csb == 1 && (rsb & 3) == 0                \
                                            : rsb == 1 && (csb & 3) == 0) &&            \
                      (offb & 3) == 0;                                                  \
    /* acc[s][q]: rows (q*GLX + tx)*V .. +V-1, column (s/V*GLX + ty)*V + s%V. */        \
    VT acc[R][(R) / (V)];                                                               \
    for (int s = 0; s < (R); ++s)                                                       \
        for (int q = 0; q < (R) / (V); ++q)                                             \
            acc[s][q] = (VT)0;                                                          \
    for (int p0 = 0; p0 < k; p0 += GTK) {                                               \
        if (inside && p0 + GTK <= k) {                                                  \
            OXPAR_GEMM_LOAD(GLX * (R), GLX * (R) + GPAD, As, a, offa, rsa, csa, i0, m,  \
                            p0, true, veca);                                            \
            OXPAR_GEMM_LOAD(GLX * (R), GLX * (R) + GPAD, Bs, b, offb, csb, rsb, j0, n,  \
                            p0, true, vecb);                                            \
        } else {                                                                        \
            OXPAR_GEMM_LOAD(GLX * (R), GLX * (R) + GPAD, As, a, offa, rsa, csa, i0, m,  \
                            p0, false, false);                                          \
            OXPAR_GEMM_LOAD(GLX * (R), GLX * (R) + GPAD, Bs, b, offb, csb, rsb, j0, n,  \
                            p0, false, false);                                          \
        }                                                                               \
        barrier(CLK_LOCAL_MEM_FENCE);                                                   \
        for (int p = 0; p < GTK; ++p) {                                                 \
            __local const VT* ap = (__local const VT*)(As + p * (GLX * (R) + GPAD));    \
            __local const VT* bp = (__local const VT*)(Bs + p * (GLX * (R) + GPAD));    \
            VT av[(R) / (V)];                                                           \
            real br[R];                                                                 \
            for (int q = 0; q < (R) / (V); ++q) {                                       \
                av[q] = ap[q * GLX + tx];                                               \
                OXPAR_CAT(vstore, V)(bp[q * GLX + ty], q, br);                          \
            }                                                                           \
            for (int s = 0; s < (R); ++s)                                               \
                for (int q = 0; q < (R) / (V); ++q)                                     \
                    acc[s][q] = fma(av[q], (VT)br[s], acc[s][q]);                       \
        }                                                                               \
        barrier(CLK_LOCAL_MEM_FENCE);                                                   \
    }                                                                                   \
    const bool vecc = rsc == 1 && ((offc | csc) & ((V) - 1)) == 0;                      \
    for (int s = 0; s < (R); ++s) {                                                     \
        const int j = j0 + ((s / (V)) * GLX + ty) * (V) + s % (V);                      \
        for (int q = 0; q < (R) / (V); ++q) {                                           \
            const int i = i0 + (q * GLX + tx) * (V);                                    \
            __global real* at = c + offc + i * rsc + j * csc;                           \
            if (inside && vecc) {                                                       \
                __global VT* vt = (__global VT*)at;                                     \
                if (beta == (real)0)                                                    \
                    *vt = alpha * acc[s][q];                                            \
                else                                                                    \
                    *vt = alpha * acc[s][q] + beta * *vt;                               \
            } else {                                                                    \
                real t[V];                                                              \
                OXPAR_CAT(vstore, V)(acc[s][q], 0, t);                                  \
                for (int v = 0; v < (V); ++v) {                                         \
                    if (inside || (i + v < m && j < n)) {                               \
                        __global real* e = at + v * rsc;                                \
                        if (beta == (real)0)                                            \
                            *e = alpha * t[v];                                          \
                        else                                                            \
                            *e = alpha * t[v] + beta * *e;                              \
                    }                                                                   \
                }                                                                       \
            }                                                                           \
        }                                                                               \
    }                                                                                   \
}

OXPAR_GEMM_GPU(oxpar_gemm_gpu8, 8, 4, greal4)
OXPAR_GEMM_GPU(oxpar_gemm_gpu4, 4, 4, greal4)
OXPAR_GEMM_GPU(oxpar_gemm_gpu2, 2, 2, greal2)
