/* oxpar built-in kernels: BLAS level 1.
 *
 * Element-wise kernels come in two forms. The `_unit` ones take vectors of
 * stride 1 and give each work-item one element with a `size_t` index: no
 * loop, no multiply by a stride, so a CPU driver (PoCL) vectorizes them
 * across work-items into plain vector loads and a GPU coalesces them, like
 * the simplest user kernel. The general ones (any strides, negative
 * included) loop with a grid stride, so any global size works.
 * Reductions (dot, asum, sum, nrm2, iamax) write one partial result per
 * work-group; the host combines those few partials in group order. */

__kernel void oxpar_axpy_unit(const long n, const real alpha,
                              __global const real* x, const long offx,
                              __global real* y, const long offy)
{
    const size_t i = get_global_id(0);
    if (i < (size_t)n)
        y[(size_t)offy + i] += alpha * x[(size_t)offx + i];
}

__kernel void oxpar_scal_unit(const long n, const real alpha,
                              __global real* x, const long offx)
{
    const size_t i = get_global_id(0);
    if (i < (size_t)n)
        x[(size_t)offx + i] = alpha * x[(size_t)offx + i];
}

__kernel void oxpar_scale_beta_unit(const long n, const real beta,
                                    __global real* x, const long offx)
{
    const size_t i = get_global_id(0);
    if (i < (size_t)n)
        x[(size_t)offx + i] = beta == (real)0 ? (real)0 : beta * x[(size_t)offx + i];
}

__kernel void oxpar_copy_unit(const long n,
                              __global const real* x, const long offx,
                              __global real* y, const long offy)
{
    const size_t i = get_global_id(0);
    if (i < (size_t)n)
        y[(size_t)offy + i] = x[(size_t)offx + i];
}

__kernel void oxpar_swap_unit(const long n,
                              __global real* x, const long offx,
                              __global real* y, const long offy)
{
    const size_t i = get_global_id(0);
    if (i < (size_t)n) {
        const real t = x[(size_t)offx + i];
        x[(size_t)offx + i] = y[(size_t)offy + i];
        y[(size_t)offy + i] = t;
    }
}

__kernel void oxpar_axpy(const long n, const real alpha,
                         __global const real* x, const long offx, const long incx,
                         __global real* y, const long offy, const long incy)
{
    for (long i = get_global_id(0); i < n; i += get_global_size(0))
        y[offy + i * incy] += alpha * x[offx + i * incx];
}

/* x := alpha*x, a plain product (0 * NaN is NaN). */
__kernel void oxpar_scal(const long n, const real alpha,
                         __global real* x, const long offx, const long incx)
{
    for (long i = get_global_id(0); i < n; i += get_global_size(0))
        x[offx + i * incx] = alpha * x[offx + i * incx];
}

/* x := beta*x, except that beta == 0 writes zeros without reading x (the
 * BLAS meaning of beta in gemv and gemm). */
__kernel void oxpar_scale_beta(const long n, const real beta,
                               __global real* x, const long offx, const long incx)
{
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const long at = offx + i * incx;
        if (beta == (real)0)
            x[at] = (real)0;
        else
            x[at] = beta * x[at];
    }
}

__kernel void oxpar_copy(const long n,
                         __global const real* x, const long offx, const long incx,
                         __global real* y, const long offy, const long incy)
{
    for (long i = get_global_id(0); i < n; i += get_global_size(0))
        y[offy + i * incy] = x[offx + i * incx];
}

__kernel void oxpar_swap(const long n,
                         __global real* x, const long offx, const long incx,
                         __global real* y, const long offy, const long incy)
{
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const real t = x[offx + i * incx];
        x[offx + i * incx] = y[offy + i * incy];
        y[offy + i * incy] = t;
    }
}

/* The ordinary reductions accumulate in acc_t (double where the device has
 * it, see common.cl) and write one acc_t partial per group. */
__kernel void oxpar_dot_partial(const long n,
                                __global const real* x, const long offx, const long incx,
                                __global const real* y, const long offy, const long incy,
                                __global acc_t* partial, __local acc_t* scratch)
{
    acc_t acc = (acc_t)0;
    for (long i = get_global_id(0); i < n; i += get_global_size(0))
        acc += (acc_t)x[offx + i * incx] * (acc_t)y[offy + i * incy];
    const acc_t s = oxpar_wg_sum_acc(acc, scratch);
    if (get_local_id(0) == 0)
        partial[get_group_id(0)] = s;
}

__kernel void oxpar_asum_partial(const long n,
                                 __global const real* x, const long offx, const long incx,
                                 __global acc_t* partial, __local acc_t* scratch)
{
    acc_t acc = (acc_t)0;
    for (long i = get_global_id(0); i < n; i += get_global_size(0))
        acc += (acc_t)fabs(x[offx + i * incx]);
    const acc_t s = oxpar_wg_sum_acc(acc, scratch);
    if (get_local_id(0) == 0)
        partial[get_group_id(0)] = s;
}

/* sum x_i: an ordinary reduction (work-item sums, then a tree per group). */
__kernel void oxpar_sum_partial(const long n,
                                __global const real* x, const long offx, const long incx,
                                __global acc_t* partial, __local acc_t* scratch)
{
    acc_t acc = (acc_t)0;
    for (long i = get_global_id(0); i < n; i += get_global_size(0))
        acc += (acc_t)x[offx + i * incx];
    const acc_t s = oxpar_wg_sum_acc(acc, scratch);
    if (get_local_id(0) == 0)
        partial[get_group_id(0)] = s;
}

/* sum x_i^2, unscaled, in acc_t: nrm2 of float data on a device with double
 * (no float's square overflows or underflows in double). */
__kernel void oxpar_sumsq_partial(const long n,
                                  __global const real* x, const long offx, const long incx,
                                  __global acc_t* partial, __local acc_t* scratch)
{
    acc_t acc = (acc_t)0;
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const acc_t v = (acc_t)x[offx + i * incx];
        acc += v * v;
    }
    const acc_t s = oxpar_wg_sum_acc(acc, scratch);
    if (get_local_id(0) == 0)
        partial[get_group_id(0)] = s;
}

/* Blue's scaled sum of squares (as LAPACK 3.10's nrm2): |x| above tbig is
 * scaled by sbig, below tsml by ssml, the rest is squared as is, so no square
 * overflows or underflows to zero. Writes three sums per group (small,
 * medium, big); the host combines them. NaN lands in the medium sum (every
 * comparison with it is false) and so reaches the result. */
__kernel void oxpar_nrm2_partial(const long n,
                                 __global const real* x, const long offx, const long incx,
                                 const real tsml, const real tbig,
                                 const real ssml, const real sbig,
                                 __global real* partial, __local real* scratch)
{
    real asml = (real)0, amed = (real)0, abig = (real)0;
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const real ax = fabs(x[offx + i * incx]);
        if (ax > tbig) {
            const real t = ax * sbig;
            abig += t * t;
        } else if (ax < tsml) {
            const real t = ax * ssml;
            asml += t * t;
        } else {
            amed += ax * ax;
        }
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

/* Whether candidate (va, ia) beats (vb, ib) for iamax: an index < 0 means
 * "none"; NaN beats every number; otherwise the larger magnitude; ties go to
 * the lower index (so the result is the first maximum, or the first NaN). */
inline int oxpar_iamax_better(const real va, const long ia, const real vb, const long ib)
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

__kernel void oxpar_iamax_partial(const long n,
                                  __global const real* x, const long offx, const long incx,
                                  __global real* pval, __global long* pidx,
                                  __local real* sval, __local long* sidx)
{
    real bv = (real)0;
    long bi = -1;
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        const real v = fabs(x[offx + i * incx]);
        if (oxpar_iamax_better(v, i, bv, bi)) {
            bv = v;
            bi = i;
        }
    }
    const size_t lid = get_local_id(0);
    sval[lid] = bv;
    sidx[lid] = bi;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (size_t s = get_local_size(0) / 2; s > 0; s >>= 1) {
        if (lid < s && oxpar_iamax_better(sval[lid + s], sidx[lid + s], sval[lid], sidx[lid])) {
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
