/* oxpar built-in kernels: BLAS level 2. A is given by its element strides
 * (rsa, csa), so the host passes A^T by swapping them. */

/* y := alpha*A*x + beta*y, one row per work-item. With beta == 0, y is not
 * read. (alpha == 0 never gets here: the host scales y instead, so A and x
 * are not read.) */
__kernel void oxpar_gemv(const long m, const long n, const real alpha,
                         __global const real* a, const long offa, const long rsa, const long csa,
                         __global const real* x, const long offx, const long incx,
                         const real beta,
                         __global real* y, const long offy, const long incy)
{
    for (long i = get_global_id(0); i < m; i += get_global_size(0)) {
        real acc = (real)0;
        const long row = offa + i * rsa;
        for (long j = 0; j < n; ++j)
            acc += a[row + j * csa] * x[offx + j * incx];
        const long at = offy + i * incy;
        if (beta == (real)0)
            y[at] = alpha * acc;
        else
            y[at] = alpha * acc + beta * y[at];
    }
}

/* A := alpha*x*y^T + A over a 2-D range (rows, columns). */
__kernel void oxpar_ger(const long m, const long n, const real alpha,
                        __global const real* x, const long offx, const long incx,
                        __global const real* y, const long offy, const long incy,
                        __global real* a, const long offa, const long rsa, const long csa)
{
    const long i = get_global_id(0), j = get_global_id(1);
    if (i < m && j < n)
        a[offa + i * rsa + j * csa] += alpha * x[offx + i * incx] * y[offy + j * incy];
}

/* C := beta*C (zeros when beta == 0, without reading C) over a 2-D range. */
__kernel void oxpar_scale_beta_mat(const long m, const long n, const real beta,
                                   __global real* c, const long offc, const long rsc, const long csc)
{
    const long i = get_global_id(0), j = get_global_id(1);
    if (i < m && j < n) {
        const long at = offc + i * rsc + j * csc;
        if (beta == (real)0)
            c[at] = (real)0;
        else
            c[at] = beta * c[at];
    }
}
