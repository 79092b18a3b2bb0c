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
