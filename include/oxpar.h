#ifndef OXPAR_H
#define OXPAR_H

/* Generated from crates/oxpar-capi by `make gen`. Do not edit. */

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define OXPAR_VERSION_MAJOR 0
#define OXPAR_VERSION_MINOR 1
#define OXPAR_VERSION_PATCH 0
#define OXPAR_VERSION_STRING "0.1.0"
/** The version as one comparable number: MAJOR*10000 + MINOR*100 + PATCH. */
#define OXPAR_VERSION_NUMBER (OXPAR_VERSION_MAJOR * 10000 + OXPAR_VERSION_MINOR * 100 + OXPAR_VERSION_PATCH)

/** What `oxpar_?iamax` stores for an empty vector (Rust: `OXPAR_INDEX_NONE`). */
#define OXPAR_INDEX_NONE SIZE_MAX

/**
 * The ABI version: bumped whenever a signature or a documented behaviour of
 * an existing function changes, never for additions. Compare it with
 * `oxpar_abi_version()` at run time to refuse a mismatched library.
 */
#define OXPAR_ABI_VERSION 1

/**
 * The result of every fallible call: 0 on success. Codes are stable: a
 * retired code is never reused.
 */
enum oxpar_status
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : int32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * Success.
   */
  OXPAR_STATUS_OK = 0,
  /**
   * A required pointer or handle is NULL.
   */
  OXPAR_STATUS_NULL_POINTER = 100,
  /**
   * An argument has a value the routine does not accept (an unknown
   * enumeration value or spec, a negative range, a misaligned array, an
   * output that shares memory with an input).
   */
  OXPAR_STATUS_INVALID_ARGUMENT = 101,
  /**
   * Dimensions of the operands do not agree.
   */
  OXPAR_STATUS_SHAPE_MISMATCH = 102,
  /**
   * A stride or leading dimension is zero where it may not be, too small
   * (elements of one matrix overlap), or overflows the address space.
   */
  OXPAR_STATUS_INVALID_STRIDE = 103,
  /**
   * The operation is valid but not offered by this backend or build.
   */
  OXPAR_STATUS_UNSUPPORTED = 104,
  /**
   * The requested backend is not compiled in or not usable here.
   */
  OXPAR_STATUS_BACKEND_UNAVAILABLE = 200,
  /**
   * An accelerator reported an error.
   */
  OXPAR_STATUS_DEVICE_ERROR = 201,
  /**
   * Memory could not be allocated.
   */
  OXPAR_STATUS_OUT_OF_MEMORY = 202,
  /**
   * The communication layer (MPI) reported an error.
   */
  OXPAR_STATUS_COMM_ERROR = 203,
  /**
   * A bug in oxpar was caught at the boundary (a Rust panic); please report it.
   */
  OXPAR_STATUS_PANIC = 900,
  /**
   * A bug in oxpar was detected; please report it.
   */
  OXPAR_STATUS_INTERNAL = 901,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum oxpar_status oxpar_status;
#else
typedef int32_t oxpar_status;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * Whether a matrix operand is transposed (`transa`, `transb`, `trans`).
 */
enum oxpar_trans
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : int32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * Use the matrix as given.
   */
  OXPAR_TRANS_NO = 0,
  /**
   * Use its transpose.
   */
  OXPAR_TRANS_YES = 1,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum oxpar_trans oxpar_trans;
#else
typedef int32_t oxpar_trans;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * Loop schedules for `oxpar_parallel_for` (OpenMP's meanings).
 */
enum oxpar_schedule
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : int32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * Blocks fixed up front: one per thread (chunk 0) or `chunk`-sized round-robin.
   */
  OXPAR_SCHEDULE_STATIC = 0,
  /**
   * Threads take the next `chunk` iterations as they finish.
   */
  OXPAR_SCHEDULE_DYNAMIC = 1,
  /**
   * Blocks start at remaining/threads and shrink to `chunk`.
   */
  OXPAR_SCHEDULE_GUIDED = 2,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum oxpar_schedule oxpar_schedule;
#else
typedef int32_t oxpar_schedule;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * Backend families, for `oxpar_backend_available` and `oxpar_context_backend`.
 */
enum oxpar_backend
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : int32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * One thread, reference loops.
   */
  OXPAR_BACKEND_SERIAL = 0,
  /**
   * Host threads.
   */
  OXPAR_BACKEND_THREADS = 1,
  /**
   * OpenCL devices.
   */
  OXPAR_BACKEND_OPENCL = 2,
  /**
   * MPI ranks.
   */
  OXPAR_BACKEND_MPI = 3,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum oxpar_backend oxpar_backend;
#else
typedef int32_t oxpar_backend;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * An execution context: a backend (serial or threads) with its threads.
 *
 * Ownership: the caller owns it; free it with `oxpar_context_free`.
 * Thread safety: compute calls may share one context from many threads at
 * once (concurrent parallel regions on the same threads run one after the
 * other, or inline); `oxpar_context_set_num_threads` must not run
 * concurrently with any other use.
 */
typedef struct oxpar_context oxpar_context;

/**
 * A loop body: called with a half-open sub-range `[begin, end)` of the
 * iteration space, on any of the context's threads, concurrently with other
 * sub-ranges. A Numba `@cfunc("void(uintp, uintp, voidptr)")` is one.
 */
typedef void (*oxpar_range_fn)(size_t begin, size_t end, void *user_data);

/**
 * A reduction body: folds the sub-range `[begin, end)` into the accumulator
 * `acc` (private to the calling thread).
 */
typedef void (*oxpar_reduce_fn)(size_t begin, size_t end, void *acc, void *user_data);

/**
 * Combines accumulator `other` into `acc` (`acc := acc (+) other`).
 */
typedef void (*oxpar_combine_fn)(void *acc, const void *other, void *user_data);

#ifdef __cplusplus
extern "C" {
#endif // __cplusplus

/**
 * The ABI version of the loaded library (compare with `OXPAR_ABI_VERSION`).
 */
uint32_t oxpar_abi_version(void);

/**
 * The library version as a static NUL-terminated string, e.g. `"0.1.0"`
 * (never free it). Compare with `OXPAR_VERSION_STRING`.
 */
const char *oxpar_version(void);

/**
 * `y := alpha*x + y` on floats. `alpha == 0` returns without reading `x`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_saxpy(const oxpar_context *ctx,
                         size_t n,
                         const float *alpha,
                         const float *x,
                         ptrdiff_t incx,
                         float *y,
                         ptrdiff_t incy);

/**
 * `x := alpha*x` on floats.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_sscal(const oxpar_context *ctx,
                         size_t n,
                         const float *alpha,
                         float *x,
                         ptrdiff_t incx);

/**
 * `y := x` on floats.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_scopy(const oxpar_context *ctx,
                         size_t n,
                         const float *x,
                         ptrdiff_t incx,
                         float *y,
                         ptrdiff_t incy);

/**
 * Exchanges the float vectors `x` and `y`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_sswap(const oxpar_context *ctx,
                         size_t n,
                         float *x,
                         ptrdiff_t incx,
                         float *y,
                         ptrdiff_t incy);

/**
 * `*out := x . y` on floats (0 when `n == 0`).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_sdot(const oxpar_context *ctx,
                        size_t n,
                        const float *x,
                        ptrdiff_t incx,
                        const float *y,
                        ptrdiff_t incy,
                        float *out);

/**
 * `*out :=` the Euclidean norm of `x` (floats), without overflow or
 * underflow in intermediate results; NaN if any element is NaN.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_snrm2(const oxpar_context *ctx,
                         size_t n,
                         const float *x,
                         ptrdiff_t incx,
                         float *out);

/**
 * `*out :=` the sum of the absolute values of `x` (floats).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_sasum(const oxpar_context *ctx,
                         size_t n,
                         const float *x,
                         ptrdiff_t incx,
                         float *out);

/**
 * `*out :=` the 0-based index of the first element of largest absolute
 * value of `x` (floats); the first NaN if there is one; `OXPAR_INDEX_NONE`
 * when `n == 0`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_isamax(const oxpar_context *ctx,
                          size_t n,
                          const float *x,
                          ptrdiff_t incx,
                          size_t *out);

/**
 * `y := alpha*op(A)*x + beta*y` on floats, where `A` is the `m x n` matrix at
 * `a` with element strides `rsa` (between rows) and `csa` (between columns),
 * and `op(A)` is `A` (`trans = OXPAR_TRANS_NO`: `x` has `n` elements, `y` has
 * `m`) or `A^T` (`OXPAR_TRANS_YES`: `x` has `m`, `y` has `n`). `beta == 0`
 * does not read `y`; `alpha == 0` reads neither `A` nor `x`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_sgemv(const oxpar_context *ctx,
                         int32_t trans,
                         size_t m,
                         size_t n,
                         const float *alpha,
                         const float *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const float *x,
                         ptrdiff_t incx,
                         const float *beta,
                         float *y,
                         ptrdiff_t incy);

/**
 * `A := alpha*x*y^T + A` on floats, `A` being `m x n` with strides `rsa`,
 * `csa`, `x` of `m` and `y` of `n` elements. `alpha == 0` returns at once.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_sger(const oxpar_context *ctx,
                        size_t m,
                        size_t n,
                        const float *alpha,
                        const float *x,
                        ptrdiff_t incx,
                        const float *y,
                        ptrdiff_t incy,
                        float *a,
                        ptrdiff_t rsa,
                        ptrdiff_t csa);

/**
 * `C := alpha*op(A)*op(B) + beta*C` on floats, with `op(A)` `m x k`, `op(B)`
 * `k x n` and `C` `m x n`; each matrix is given by a pointer to its element
 * (0, 0) as stored and its element strides (row, column). `transa`/`transb`
 * are `OXPAR_TRANS_NO` or `OXPAR_TRANS_YES` (then `a` holds the `k x m`
 * matrix `A`, and so on). Column-major (Fortran) data: `rs = 1, cs = ld`;
 * row-major (C): `rs = ld, cs = 1`. `beta == 0` does not read `C` (NaN there
 * does not come out); `alpha == 0` or `k == 0` reads neither `A` nor `B`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_sgemm(const oxpar_context *ctx,
                         int32_t transa,
                         int32_t transb,
                         size_t m,
                         size_t n,
                         size_t k,
                         const float *alpha,
                         const float *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const float *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         const float *beta,
                         float *c,
                         ptrdiff_t rsc,
                         ptrdiff_t csc);

/**
 * `y := alpha*x + y` on doubles. `alpha == 0` returns without reading `x`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_daxpy(const oxpar_context *ctx,
                         size_t n,
                         const double *alpha,
                         const double *x,
                         ptrdiff_t incx,
                         double *y,
                         ptrdiff_t incy);

/**
 * `x := alpha*x` on doubles.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_dscal(const oxpar_context *ctx,
                         size_t n,
                         const double *alpha,
                         double *x,
                         ptrdiff_t incx);

/**
 * `y := x` on doubles.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_dcopy(const oxpar_context *ctx,
                         size_t n,
                         const double *x,
                         ptrdiff_t incx,
                         double *y,
                         ptrdiff_t incy);

/**
 * Exchanges the double vectors `x` and `y`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_dswap(const oxpar_context *ctx,
                         size_t n,
                         double *x,
                         ptrdiff_t incx,
                         double *y,
                         ptrdiff_t incy);

/**
 * `*out := x . y` on doubles (0 when `n == 0`).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_ddot(const oxpar_context *ctx,
                        size_t n,
                        const double *x,
                        ptrdiff_t incx,
                        const double *y,
                        ptrdiff_t incy,
                        double *out);

/**
 * `*out :=` the Euclidean norm of `x` (doubles), without overflow or
 * underflow in intermediate results; NaN if any element is NaN.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_dnrm2(const oxpar_context *ctx,
                         size_t n,
                         const double *x,
                         ptrdiff_t incx,
                         double *out);

/**
 * `*out :=` the sum of the absolute values of `x` (doubles).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_dasum(const oxpar_context *ctx,
                         size_t n,
                         const double *x,
                         ptrdiff_t incx,
                         double *out);

/**
 * `*out :=` the 0-based index of the first element of largest absolute
 * value of `x` (doubles); the first NaN if there is one; `OXPAR_INDEX_NONE`
 * when `n == 0`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_idamax(const oxpar_context *ctx,
                          size_t n,
                          const double *x,
                          ptrdiff_t incx,
                          size_t *out);

/**
 * `y := alpha*op(A)*x + beta*y` on doubles, where `A` is the `m x n` matrix at
 * `a` with element strides `rsa` (between rows) and `csa` (between columns),
 * and `op(A)` is `A` (`trans = OXPAR_TRANS_NO`: `x` has `n` elements, `y` has
 * `m`) or `A^T` (`OXPAR_TRANS_YES`: `x` has `m`, `y` has `n`). `beta == 0`
 * does not read `y`; `alpha == 0` reads neither `A` nor `x`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_dgemv(const oxpar_context *ctx,
                         int32_t trans,
                         size_t m,
                         size_t n,
                         const double *alpha,
                         const double *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const double *x,
                         ptrdiff_t incx,
                         const double *beta,
                         double *y,
                         ptrdiff_t incy);

/**
 * `A := alpha*x*y^T + A` on doubles, `A` being `m x n` with strides `rsa`,
 * `csa`, `x` of `m` and `y` of `n` elements. `alpha == 0` returns at once.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_dger(const oxpar_context *ctx,
                        size_t m,
                        size_t n,
                        const double *alpha,
                        const double *x,
                        ptrdiff_t incx,
                        const double *y,
                        ptrdiff_t incy,
                        double *a,
                        ptrdiff_t rsa,
                        ptrdiff_t csa);

/**
 * `C := alpha*op(A)*op(B) + beta*C` on doubles, with `op(A)` `m x k`, `op(B)`
 * `k x n` and `C` `m x n`; each matrix is given by a pointer to its element
 * (0, 0) as stored and its element strides (row, column). `transa`/`transb`
 * are `OXPAR_TRANS_NO` or `OXPAR_TRANS_YES` (then `a` holds the `k x m`
 * matrix `A`, and so on). Column-major (Fortran) data: `rs = 1, cs = ld`;
 * row-major (C): `rs = ld, cs = 1`. `beta == 0` does not read `C` (NaN there
 * does not come out); `alpha == 0` or `k == 0` reads neither `A` nor `B`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_dgemm(const oxpar_context *ctx,
                         int32_t transa,
                         int32_t transb,
                         size_t m,
                         size_t n,
                         size_t k,
                         const double *alpha,
                         const double *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const double *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         const double *beta,
                         double *c,
                         ptrdiff_t rsc,
                         ptrdiff_t csc);

/**
 * The message of the most recent failed oxpar call on the calling thread
 * (`""` if none failed yet), e.g. `"oxpar_ddot: incx: stride is 0 for a
 * dimension of 5 (must be non-zero)"`. The string belongs to oxpar: do not
 * free it; it stays valid until the next failing oxpar call on this thread.
 * Successful calls do not change it.
 */
const char *oxpar_last_error_message(void);

/**
 * A static description of a status code, e.g. `"invalid stride"`;
 * `"unknown status"` for a value that is not one. Never free it.
 */
const char *oxpar_status_str(int32_t status);

/**
 * Creates a context from a spec string: `"serial"`, `"threads"` (thread
 * count from `OXPAR_NUM_THREADS`, else the CPUs this process may use) or
 * `"threads:N"`; NULL means `"threads"`. On success stores the new handle in
 * `*out`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (out), `OXPAR_STATUS_INVALID_ARGUMENT`
 * (unknown or malformed spec, bad `OXPAR_NUM_THREADS`),
 * `OXPAR_STATUS_BACKEND_UNAVAILABLE` (a backend not compiled in, or threads
 * that could not start).
 *
 * # Safety
 * `spec` is NULL or a NUL-terminated string; `out` is NULL or writable.
 */
oxpar_status oxpar_context_create(const char *spec, oxpar_context **out);

/**
 * Frees a context and stops its threads. NULL is a no-op.
 *
 * # Safety
 * `ctx` is NULL or a handle from `oxpar_context_create` not yet freed, and
 * no other call is using it.
 */
void oxpar_context_free(oxpar_context *ctx);

/**
 * Changes the number of threads of a threads context (its threads are
 * replaced). For a serial context only 1 is accepted.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_ARGUMENT`
 * (n = 0), `OXPAR_STATUS_UNSUPPORTED` (serial with n > 1),
 * `OXPAR_STATUS_BACKEND_UNAVAILABLE` (threads could not start; the context
 * keeps its old threads).
 *
 * # Safety
 * `ctx` is NULL or a live handle not used concurrently by another call.
 */
oxpar_status oxpar_context_set_num_threads(oxpar_context *ctx, size_t num_threads);

/**
 * Stores the number of threads the context computes with in `*out`.
 *
 * # Safety
 * `ctx` is NULL or a live handle; `out` is NULL or writable.
 */
oxpar_status oxpar_context_num_threads(const oxpar_context *ctx, size_t *out);

/**
 * Stores the context's backend (an `OXPAR_BACKEND_*` value) in `*out`.
 *
 * # Safety
 * `ctx` is NULL or a live handle; `out` is NULL or writable.
 */
oxpar_status oxpar_context_backend(const oxpar_context *ctx, int32_t *out);

/**
 * Whether a backend (`OXPAR_BACKEND_*`) is compiled into this library and
 * usable on this machine; false for unknown values.
 */
bool oxpar_backend_available(int32_t backend);

/**
 * Calls `body(b, e, user_data)` on sub-ranges covering `[begin, end)` on the
 * context's threads, dealt out by `schedule` (`OXPAR_SCHEDULE_*`) with block
 * size `chunk` (0: one block per thread for static; 1 for dynamic and
 * guided), and returns when every call has returned. An empty range calls
 * nothing.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, body), `OXPAR_STATUS_INVALID_ARGUMENT`
 * (begin > end, unknown schedule).
 *
 * # Safety
 * `ctx` is NULL or a live context; `body` must be safe to call concurrently
 * from several threads with `user_data`, and must not unwind or longjmp.
 */
oxpar_status oxpar_parallel_for(const oxpar_context *ctx,
                                size_t begin,
                                size_t end,
                                int32_t schedule,
                                size_t chunk,
                                oxpar_range_fn body,
                                void *user_data);

/**
 * A parallel reduction with a user-defined accumulator of `acc_size` bytes.
 * `*result` holds the identity on entry (e.g. 0.0 for a sum): each thread
 * starts its own accumulator as a copy of it, folds its sub-ranges into it
 * with `body`, and the per-thread accumulators are combined in thread order
 * with `combine` into a copy of the identity, which is written to `result`
 * on success. With the static schedule the grouping, and so the result,
 * depends only on the range and the thread count.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, body, combine, result with
 * acc_size > 0), `OXPAR_STATUS_INVALID_ARGUMENT` (begin > end, acc_size = 0,
 * unknown schedule).
 *
 * # Safety
 * `ctx` is NULL or a live context; `result` points to `acc_size` readable
 * and writable bytes; the callbacks must be safe to call concurrently with
 * `user_data` and must not unwind or longjmp.
 */
oxpar_status oxpar_parallel_reduce(const oxpar_context *ctx,
                                   size_t begin,
                                   size_t end,
                                   int32_t schedule,
                                   size_t chunk,
                                   oxpar_reduce_fn body,
                                   oxpar_combine_fn combine,
                                   void *result,
                                   size_t acc_size,
                                   void *user_data);

#ifdef __cplusplus
}  // extern "C"
#endif  // __cplusplus

#endif  /* OXPAR_H */
