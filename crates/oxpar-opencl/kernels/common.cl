/* oxpar built-in kernels: definitions shared by every file.
 *
 * The host compiles these sources once per backend and element type, with
 * -DREAL=float, or -DREAL=double -DOXPAR_FP64 (only on devices that report
 * cl_khr_fp64). Sizes, offsets and strides are `long`, so strides may be
 * negative: element i of a vector is x[offx + i*incx], element (i, j) of a
 * matrix is a[offa + i*rsa + j*csa], and the host checks that every such
 * index lies inside the buffer before it launches a kernel.
 *
 * No fast-math options are used: NaN and Inf must behave as IEEE says.
 */
#ifdef OXPAR_FP64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif

typedef REAL real;

/* The accumulator of the ordinary reductions (dot, asum, sum, and nrm2's sum
 * of squares for float): double when the device has it (-DOXPAR_ACC_FP64,
 * also for float data, whose products are exact in double), else the
 * element type. */
#ifdef OXPAR_ACC_FP64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double acc_t;
#else
typedef real acc_t;
#endif

/* Sum of one value per work-item over the work-group (1-D, power-of-two
 * local size; scratch holds get_local_size(0) elements). The result is valid
 * in work-item 0 only. Every work-item of the group must call it. */
inline real oxpar_wg_sum(real v, __local real* scratch)
{
    const size_t lid = get_local_id(0);
    barrier(CLK_LOCAL_MEM_FENCE); /* scratch may still be read by a previous call */
    scratch[lid] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (size_t s = get_local_size(0) / 2; s > 0; s >>= 1) {
        if (lid < s)
            scratch[lid] += scratch[lid + s];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    return lid == 0 ? scratch[0] : (real)0;
}

/* oxpar_wg_sum for the reductions' accumulator type. */
inline acc_t oxpar_wg_sum_acc(acc_t v, __local acc_t* scratch)
{
    const size_t lid = get_local_id(0);
    barrier(CLK_LOCAL_MEM_FENCE);
    scratch[lid] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (size_t s = get_local_size(0) / 2; s > 0; s >>= 1) {
        if (lid < s)
            scratch[lid] += scratch[lid + s];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    return lid == 0 ? scratch[0] : (acc_t)0;
}
