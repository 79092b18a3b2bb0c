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

/*
 * Arrays. A vector is (pointer to its first logical element, n, inc); a
 * matrix is (pointer to element (0, 0), rows, cols, rs, cs), element (i, j)
 * being at p[i*rs + j*cs]. Strides count elements, may be negative, and are
 * ignored along a dimension of at most one element. Note for BLAS users:
 * with inc < 0, pass the address of the logical first element, which BLAS
 * would find at x + (n-1)*|inc|, not the array's base.
 *
 * Which layouts are accepted (the same rule for every routine):
 *  - Arrays that are only read (x, a, b, ...) may have any strides, 0
 *    included (one value broadcast along a dimension), and their elements may
 *    share addresses (a sliding window).
 *  - An array that is written (y, c, an updated a) must have distinct
 *    elements, decided exactly: inc != 0 when n > 1; a matrix is refused
 *    (OXPAR_STATUS_INVALID_STRIDE) only when two of its elements really share
 *    an address, so every slice of a larger array is accepted.
 *  - A written array may share memory with the arrays that are read: the
 *    result is as if every input were read before any output is written
 *    (oxpar reads such an input from a private copy).
 *  - Two arrays that are both written (x and y of oxpar_?swap) must not share
 *    an element (OXPAR_STATUS_INVALID_ARGUMENT), unless they are the very same
 *    vector.
 * Device buffers (oxpar_buffer_*) follow the same stride rules; there an
 * output buffer must also be a different buffer from every input.
 */
/*
 * Complex elements (the oxpar_c*, oxpar_z* and oxpar_sc*, oxpar_dz*
 * routines). oxpar_c32 and oxpar_c64 are two float / two double, the real
 * part first: the layout of C99 float _Complex / double _Complex, C++
 * std::complex<float> / std::complex<double>, Fortran complex(c_float_complex)
 * and NumPy complex64 / complex128. So that arrays of those pass as they are,
 * each compiler sees its own type: C99 and later the _Complex types
 * themselves, C++ std::complex, and a C compiler without complex types
 * (__STDC_NO_COMPLEX__, or before C99) a struct {re, im} of the same layout.
 * Defining OXPAR_COMPLEX_STRUCT before including this header picks the
 * struct everywhere (for tools that parse C without _Complex, as cffi).
 * Scalars (alpha, beta) are passed by pointer like all scalars here.
 */
#if defined(__cplusplus) && !defined(OXPAR_COMPLEX_STRUCT)
#include <complex>
typedef std::complex<float> oxpar_c32;
typedef std::complex<double> oxpar_c64;
#else
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L && !defined(__STDC_NO_COMPLEX__) && !defined(OXPAR_COMPLEX_STRUCT)
typedef float _Complex oxpar_c32;
typedef double _Complex oxpar_c64;
#else
typedef struct oxpar_c32 { float re; float im; } oxpar_c32;
typedef struct oxpar_c64 { double re; double im; } oxpar_c64;
#endif
#endif

/**
 * The ABI version: bumped whenever a signature or a documented behaviour of
 * an existing function changes, never for additions. Compare it with
 * `oxpar_abi_version()` at run time to refuse a mismatched library.
 */
#define OXPAR_ABI_VERSION 1

/**
 * The most threads a context may have: 4096, on every machine. It bounds
 * `"threads:N"` and `"mpi+threads:N"` specs, `oxpar_context_set_num_threads`
 * and `OXPAR_NUM_THREADS`; a larger count is `OXPAR_STATUS_INVALID_ARGUMENT`
 * naming the spec, `num_threads` or the variable. (Eight times the hardware
 * threads of a two-socket node of 256-core CPUs, so oversubscription fits;
 * beyond it the count is a mistake that would exhaust memory.) Without
 * `OXPAR_NUM_THREADS`, `"threads"` takes `OMP_NUM_THREADS` (lowered to this
 * many), else the CPUs this process may use, at most this many.
 */
#define OXPAR_MAX_THREADS 4096

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
   * enumeration value or spec, a negative range, a misaligned array, two
   * written arrays that share an element).
   */
  OXPAR_STATUS_INVALID_ARGUMENT = 101,
  /**
   * Dimensions of the operands do not agree.
   */
  OXPAR_STATUS_SHAPE_MISMATCH = 102,
  /**
   * A written array whose elements share an address (a zero increment, a
   * leading dimension too small), or strides that overflow the address
   * space.
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
   * LU found an exactly zero pivot: the matrix is singular. Not an
   * argument error: the factorization was completed, as LAPACK's `getrf`
   * leaves it, and the routine's `info` output holds LAPACK's index (the
   * zero pivot's column, 1-based).
   */
  OXPAR_STATUS_SINGULAR = 300,
  /**
   * Cholesky met a leading minor that is not positive definite (or a NaN
   * on the diagonal). The routine's `info` output holds its order, as
   * LAPACK's `potrf` reports it.
   */
  OXPAR_STATUS_NOT_POSITIVE_DEFINITE = 301,
  /**
   * An eigenvalue or singular value iteration did not converge. The
   * routine's `info` output holds LAPACK's count of the values that did
   * not converge.
   */
  OXPAR_STATUS_NO_CONVERGENCE = 302,
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
  /**
   * Use its conjugate transpose; for real elements the transpose (BLAS's
   * `'C'` on real data).
   */
  OXPAR_TRANS_CONJ = 2,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum oxpar_trans oxpar_trans;
#else
typedef int32_t oxpar_trans;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * Which side of the other operand a symmetric or triangular `A` stands on
 * (`oxpar_?symm`, `oxpar_?trmm`, `oxpar_?trsm`).
 */
enum oxpar_side
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : int32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * `A*B` (or `A*X = B`).
   */
  OXPAR_SIDE_LEFT = 0,
  /**
   * `B*A` (or `X*A = B`).
   */
  OXPAR_SIDE_RIGHT = 1,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum oxpar_side oxpar_side;
#else
typedef int32_t oxpar_side;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * Which triangle of a symmetric or triangular matrix is used, describing the
 * matrix as stored (before any transposition that `trans` asks for).
 */
enum oxpar_uplo
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : int32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * Elements `(i, j)` with `i <= j`.
   */
  OXPAR_UPLO_UPPER = 0,
  /**
   * Elements `(i, j)` with `i >= j`.
   */
  OXPAR_UPLO_LOWER = 1,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum oxpar_uplo oxpar_uplo;
#else
typedef int32_t oxpar_uplo;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * Whether a triangular matrix's diagonal is read or taken as all ones.
 */
enum oxpar_diag
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : int32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * The diagonal is read.
   */
  OXPAR_DIAG_NON_UNIT = 0,
  /**
   * The diagonal is taken as all ones and not read.
   */
  OXPAR_DIAG_UNIT = 1,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum oxpar_diag oxpar_diag;
#else
typedef int32_t oxpar_diag;
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
 * Element types of device buffers (`oxpar_buffer_create`).
 */
enum oxpar_dtype
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : int32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * `float` (IEEE 754 binary32).
   */
  OXPAR_DTYPE_F32 = 0,
  /**
   * `double` (IEEE 754 binary64; on devices with `cl_khr_fp64`).
   */
  OXPAR_DTYPE_F64 = 1,
  /**
   * `oxpar_c32`, two `float` (real part first). Device buffers are real
   * only for now: creating one answers `OXPAR_STATUS_UNSUPPORTED` (the
   * host routines of an OpenCL context compute complex data on the host).
   */
  OXPAR_DTYPE_C32 = 2,
  /**
   * `oxpar_c64`, two `double`; as `OXPAR_DTYPE_C32`.
   */
  OXPAR_DTYPE_C64 = 3,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum oxpar_dtype oxpar_dtype;
#else
typedef int32_t oxpar_dtype;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * How a task ended (`oxpar_farm_report_task`).
 */
enum oxpar_task_state
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : int32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * It completed in this run.
   */
  OXPAR_TASK_STATE_DONE = 0,
  /**
   * It failed on every attempt.
   */
  OXPAR_TASK_STATE_FAILED = 1,
  /**
   * An earlier run completed it (it is in the checkpoint); it did not run.
   */
  OXPAR_TASK_STATE_RESUMED = 2,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum oxpar_task_state oxpar_task_state;
#else
typedef int32_t oxpar_task_state;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * The collective routines a binding may reject on this rank's behalf with
 * `oxpar_context_reject` (the forms of every element type alike).
 */
enum oxpar_routine
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : int32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * `oxpar_?dot`, `oxpar_?dotu`, `oxpar_?dotc` (reproducible or not, as
   * the context is).
   */
  OXPAR_ROUTINE_DOT = 0,
  /**
   * `oxpar_?nrm2`.
   */
  OXPAR_ROUTINE_NRM2 = 1,
  /**
   * `oxpar_?asum`.
   */
  OXPAR_ROUTINE_ASUM = 2,
  /**
   * `oxpar_?sum`.
   */
  OXPAR_ROUTINE_SUM = 3,
  /**
   * `oxpar_i?amax`.
   */
  OXPAR_ROUTINE_IAMAX = 4,
  /**
   * `oxpar_?gemv` and `oxpar_mpi_?gemv`.
   */
  OXPAR_ROUTINE_GEMV = 5,
  /**
   * `oxpar_?ger`, `oxpar_?geru`, `oxpar_?gerc` and their `oxpar_mpi_`
   * forms.
   */
  OXPAR_ROUTINE_GER = 6,
  /**
   * `oxpar_?gemm` and `oxpar_mpi_?gemm`.
   */
  OXPAR_ROUTINE_GEMM = 7,
  /**
   * `oxpar_mpi_?halo_1d` and `oxpar_mpi_?halo_2d`.
   */
  OXPAR_ROUTINE_HALO = 8,
  /**
   * `oxpar_mpi_set_grid`.
   */
  OXPAR_ROUTINE_SET_GRID = 9,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum oxpar_routine oxpar_routine;
#else
typedef int32_t oxpar_routine;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * Device memory holding `len` elements of one type (`OXPAR_DTYPE_F32` or
 * `OXPAR_DTYPE_F64`), made by `oxpar_buffer_create` on an OpenCL context
 * and usable only with that context.
 *
 * Ownership: the caller owns it; free it with `oxpar_buffer_free` (it keeps
 * its device alive, so the context may be freed first).
 * Thread safety: calls that only read a buffer may share it between
 * threads; a call that writes it (`oxpar_buffer_upload`, an output of a
 * routine) must not run concurrently with any other use of it.
 */
typedef struct oxpar_buffer oxpar_buffer;

/**
 * An execution context: a backend (serial, threads or an OpenCL device).
 *
 * Ownership: the caller owns it; free it with `oxpar_context_free`.
 * Thread safety: compute calls may share one context from many threads at
 * once (concurrent parallel regions on the same threads run one after the
 * other, or inline); `oxpar_context_set_num_threads` must not run
 * concurrently with any other use. `oxpar_context_set_reproducible` may
 * (a call that runs at the same time uses the old or the new mode).
 *
 * fork(): the child of a process that forks has only the thread that called
 * `fork()`. A serial or threads context created before the fork stays
 * usable there: every call on it runs on the calling thread (the parallel
 * loops too, each iteration once; `oxpar_context_num_threads` still reports
 * the count it was created with), it never waits for the parent's threads
 * or their locks, and `oxpar_context_free` in the child is safe (it leaves
 * those threads alone). A context created in the child gets threads of its
 * own. The parent's contexts are not affected. Fork while no other thread
 * of the parent is inside an oxpar call on the context you will use in the
 * child (as for any lock-holding library). OpenCL and MPI contexts must
 * not be used in a forked child: neither OpenCL drivers nor MPI survive
 * `fork()` (create the child's own, where the platform allows it).
 */
typedef struct oxpar_context oxpar_context;

/**
 * A farm's settings: retries, checkpoint file, progress callback. Create
 * with `oxpar_farm_create`, free with `oxpar_farm_free`; one farm may run
 * many times.
 */
typedef struct oxpar_farm oxpar_farm;

/**
 * The outcome of every task of a run. Free with `oxpar_farm_report_free`.
 */
typedef struct oxpar_farm_report oxpar_farm_report;

/**
 * A kernel of a program with its arguments (`oxpar_kernel_create`). It holds
 * one set of arguments: use one kernel handle from one thread at a time
 * (make one per thread to launch concurrently). Free it with
 * `oxpar_kernel_free`.
 */
typedef struct oxpar_kernel oxpar_kernel;

/**
 * A program built from OpenCL C source for one context's device
 * (`oxpar_program_build`). Free it with `oxpar_program_free`; its kernels
 * keep what they need, so it may be freed before them.
 */
typedef struct oxpar_program oxpar_program;

/**
 * A progress report: tasks in the farm, completed, failed attempts, running
 * now, skipped thanks to the checkpoint, seconds since the start, and the
 * estimated seconds left (negative while unknown). Under MPI the counts are
 * the calling rank's. Called from a thread of its own while the run lasts,
 * and once more from the calling thread at the end; never concurrently.
 */
typedef void (*oxpar_progress_fn)(size_t total,
                                  size_t done,
                                  size_t failed,
                                  size_t running,
                                  size_t resumed,
                                  double elapsed_seconds,
                                  double eta_seconds,
                                  void *user_data);

/**
 * A task: runs task number `task` and returns 0 on success, anything else
 * on failure (call `oxpar_farm_task_error` first to say why). Called on any
 * of the context's threads, concurrently with other tasks.
 */
typedef int32_t (*oxpar_task_fn)(size_t task, void *user_data);

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
 *
 * Never fails.
 */
uint32_t oxpar_abi_version(void);

/**
 * The library version as a static NUL-terminated string, e.g. `"0.1.0"`
 * (never free it). Compare with `OXPAR_VERSION_STRING`.
 *
 * Never fails.
 */
const char *oxpar_version(void);

/**
 * `y := alpha*x + y` on floats. `alpha == 0` returns without reading `x`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1, or a vector beyond the
 * address space). y may share memory with x: the result is as if x were read
 * first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`.
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
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incx 0 with n > 1, or a vector beyond the
 * address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`.
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
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1, or a vector beyond the
 * address space). y may share memory with x: the result is as if x were read
 * first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`.
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
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type; x and y
 * sharing an element without being the very same vector),
 * `OXPAR_STATUS_INVALID_STRIDE` (incx or incy 0 with n > 1, or a vector beyond
 * the address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR`
 * and `OXPAR_STATUS_OUT_OF_MEMORY`.
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
 * Ordinary (not reproducible) mode accumulates in double (on an OpenCL
 * device, when it has double precision) and rounds once to float: the result is within about one float
 * ulp of the exact value plus `n * 2^-53` times the sum of `|x_i * y_i|`.
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * exact one correctly rounded: the same bits on any backend, number of
 * threads or MPI ranks.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; an
 * increment of 0, which reads one element n times, is allowed). On an OpenCL
 * context also `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`.
 * On an MPI context the call is collective: an argument error on one rank
 * fails every rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI
 * failure is `OXPAR_STATUS_COMM_ERROR`.
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
 * Ordinary (not reproducible) mode accumulates in double (on an OpenCL
 * device, when it has double precision) and rounds once to float: the result is within about one float
 * ulp of the exact value plus `n * 2^-53` times the norm.
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * correctly rounded square root of the exact sum of squares: the same bits
 * on any backend, number of threads or MPI ranks.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
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
 * Ordinary (not reproducible) mode accumulates in double (on an OpenCL
 * device, when it has double precision) and rounds once to float: the result is within about one float
 * ulp of the exact value plus `n * 2^-53` times the result.
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * exact one correctly rounded: the same bits on any backend, number of
 * threads or MPI ranks.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
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
 * `*out :=` the sum of the elements of `x` (floats; 0 when `n == 0`). The
 * ordinary sum adds in an order that depends on the backend and its number
 * of threads (so the last bits may differ between them).
 *
 * Ordinary (not reproducible) mode accumulates in double (on an OpenCL
 * device, when it has double precision) and rounds once to float: the result is within about one float
 * ulp of the exact value plus `n * 2^-53` times the sum of `|x_i|`.
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * exact one correctly rounded: the same bits on any backend, number of
 * threads or MPI ranks.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_ssum(const oxpar_context *ctx,
                        size_t n,
                        const float *x,
                        ptrdiff_t incx,
                        float *out);

/**
 * `*out :=` the 0-based index of the first element of largest absolute
 * value of `x` (floats); the first NaN if there is one; `OXPAR_INDEX_NONE`
 * when `n == 0`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
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
 * `m`), `A^T` (`OXPAR_TRANS_YES`: `x` has `m`, `y` has `n`) or `A^H`
 * (`OXPAR_TRANS_CONJ`, the conjugate transpose; `A^T` for real elements, as
 * BLAS's `'C'`). `beta == 0` does not read `y`; `alpha == 0` reads neither
 * `A` nor `x`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, x or y when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incy 0 for more than one element, or an
 * operand beyond the address space). A and x may have any strides, 0 included,
 * and may share memory with y: the result is as if they were read first. On an
 * OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
 * argument error on one rank fails every rank (the others get an error naming
 * that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
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
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x, y or a when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (rsa, csa that give two elements of A one
 * address, or an operand beyond the address space). x and y may have any
 * increments, 0 included, and may share memory with A: the result is as if
 * they were read first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR`
 * and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective:
 * an argument error on one rank fails every rank (the others get an error
 * naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
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
 * are `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` (then `a` holds the `k x m`
 * matrix `A`, and so on) or `OXPAR_TRANS_CONJ` (the conjugate transpose;
 * the transpose for real elements, as BLAS's `'C'`). Column-major (Fortran) data: `rs = 1, cs = ld`;
 * row-major (C): `rs = ld, cs = 1`. `beta == 0` does not read `C` (NaN there
 * does not come out); `alpha == 0` or `k == 0` reads neither `A` nor `B`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, b or c when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (transa or transb none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of C the same
 * address, or an operand beyond the address space). A and B may have any
 * strides, 0 included, and may share memory with C: the result is as if they
 * were read first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
 * argument error on one rank fails every rank (the others get an error naming
 * that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
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
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1, or a vector beyond the
 * address space). y may share memory with x: the result is as if x were read
 * first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`.
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
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incx 0 with n > 1, or a vector beyond the
 * address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`.
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
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1, or a vector beyond the
 * address space). y may share memory with x: the result is as if x were read
 * first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`.
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
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type; x and y
 * sharing an element without being the very same vector),
 * `OXPAR_STATUS_INVALID_STRIDE` (incx or incy 0 with n > 1, or a vector beyond
 * the address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR`
 * and `OXPAR_STATUS_OUT_OF_MEMORY`.
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
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * exact one correctly rounded: the same bits on any backend, number of
 * threads or MPI ranks.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; an
 * increment of 0, which reads one element n times, is allowed). On an OpenCL
 * context also `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`.
 * On an MPI context the call is collective: an argument error on one rank
 * fails every rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI
 * failure is `OXPAR_STATUS_COMM_ERROR`.
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
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * correctly rounded square root of the exact sum of squares: the same bits
 * on any backend, number of threads or MPI ranks.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
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
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * exact one correctly rounded: the same bits on any backend, number of
 * threads or MPI ranks.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
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
 * `*out :=` the sum of the elements of `x` (doubles; 0 when `n == 0`). The
 * ordinary sum adds in an order that depends on the backend and its number
 * of threads (so the last bits may differ between them).
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * exact one correctly rounded: the same bits on any backend, number of
 * threads or MPI ranks.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_dsum(const oxpar_context *ctx,
                        size_t n,
                        const double *x,
                        ptrdiff_t incx,
                        double *out);

/**
 * `*out :=` the 0-based index of the first element of largest absolute
 * value of `x` (doubles); the first NaN if there is one; `OXPAR_INDEX_NONE`
 * when `n == 0`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
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
 * `m`), `A^T` (`OXPAR_TRANS_YES`: `x` has `m`, `y` has `n`) or `A^H`
 * (`OXPAR_TRANS_CONJ`, the conjugate transpose; `A^T` for real elements, as
 * BLAS's `'C'`). `beta == 0` does not read `y`; `alpha == 0` reads neither
 * `A` nor `x`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, x or y when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incy 0 for more than one element, or an
 * operand beyond the address space). A and x may have any strides, 0 included,
 * and may share memory with y: the result is as if they were read first. On an
 * OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
 * argument error on one rank fails every rank (the others get an error naming
 * that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
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
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x, y or a when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (rsa, csa that give two elements of A one
 * address, or an operand beyond the address space). x and y may have any
 * increments, 0 included, and may share memory with A: the result is as if
 * they were read first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR`
 * and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective:
 * an argument error on one rank fails every rank (the others get an error
 * naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
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
 * are `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` (then `a` holds the `k x m`
 * matrix `A`, and so on) or `OXPAR_TRANS_CONJ` (the conjugate transpose;
 * the transpose for real elements, as BLAS's `'C'`). Column-major (Fortran) data: `rs = 1, cs = ld`;
 * row-major (C): `rs = ld, cs = 1`. `beta == 0` does not read `C` (NaN there
 * does not come out); `alpha == 0` or `k == 0` reads neither `A` nor `B`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, b or c when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (transa or transb none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of C the same
 * address, or an operand beyond the address space). A and B may have any
 * strides, 0 included, and may share memory with C: the result is as if they
 * were read first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
 * argument error on one rank fails every rank (the others get an error naming
 * that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
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
 * `y := alpha*x + y` on single-precision complex numbers. `alpha == 0` returns without reading `x`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1, or a vector beyond the
 * address space). y may share memory with x: the result is as if x were read
 * first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_caxpy(const oxpar_context *ctx,
                         size_t n,
                         const oxpar_c32 *alpha,
                         const oxpar_c32 *x,
                         ptrdiff_t incx,
                         oxpar_c32 *y,
                         ptrdiff_t incy);

/**
 * `x := alpha*x` on single-precision complex numbers.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incx 0 with n > 1, or a vector beyond the
 * address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_cscal(const oxpar_context *ctx,
                         size_t n,
                         const oxpar_c32 *alpha,
                         oxpar_c32 *x,
                         ptrdiff_t incx);

/**
 * `x := alpha*x` on single-precision complex numbers with a real `alpha`: each real and imaginary
 * part is multiplied by `alpha` (as BLAS's csscal; an infinite part does not
 * turn the other one into NaN).
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incx 0 with n > 1, or a vector beyond the
 * address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_csscal(const oxpar_context *ctx,
                          size_t n,
                          const float *alpha,
                          oxpar_c32 *x,
                          ptrdiff_t incx);

/**
 * `y := x` on single-precision complex numbers.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1, or a vector beyond the
 * address space). y may share memory with x: the result is as if x were read
 * first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_ccopy(const oxpar_context *ctx,
                         size_t n,
                         const oxpar_c32 *x,
                         ptrdiff_t incx,
                         oxpar_c32 *y,
                         ptrdiff_t incy);

/**
 * Exchanges the single-precision complex number vectors `x` and `y`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type; x and y
 * sharing an element without being the very same vector),
 * `OXPAR_STATUS_INVALID_STRIDE` (incx or incy 0 with n > 1, or a vector beyond
 * the address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR`
 * and `OXPAR_STATUS_OUT_OF_MEMORY`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_cswap(const oxpar_context *ctx,
                         size_t n,
                         oxpar_c32 *x,
                         ptrdiff_t incx,
                         oxpar_c32 *y,
                         ptrdiff_t incy);

/**
 * `*out := sum x_i * y_i` on single-precision complex numbers, neither conjugated (BLAS's dotu;
 * 0 when `n == 0`).
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) each part of the
 * result is the exact one correctly rounded: the same bits on any backend or
 * number of threads.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; an
 * increment of 0, which reads one element n times, is allowed). On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations, dotu with dotc among them, all get `OXPAR_STATUS_INVALID_ARGUMENT`),
 * and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_cdotu(const oxpar_context *ctx,
                         size_t n,
                         const oxpar_c32 *x,
                         ptrdiff_t incx,
                         const oxpar_c32 *y,
                         ptrdiff_t incy,
                         oxpar_c32 *out);

/**
 * `*out := sum conj(x_i) * y_i` on single-precision complex numbers (BLAS's dotc; 0 when
 * `n == 0`).
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) each part of the
 * result is the exact one correctly rounded: the same bits on any backend or
 * number of threads.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; an
 * increment of 0, which reads one element n times, is allowed). On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations, dotu with dotc among them, all get `OXPAR_STATUS_INVALID_ARGUMENT`),
 * and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_cdotc(const oxpar_context *ctx,
                         size_t n,
                         const oxpar_c32 *x,
                         ptrdiff_t incx,
                         const oxpar_c32 *y,
                         ptrdiff_t incy,
                         oxpar_c32 *out);

/**
 * `*out :=` the Euclidean norm of `x` (single-precision complex numbers), without overflow or
 * underflow in intermediate results; NaN if any element is NaN.
 *
 * The result is real: `*out` is the real type of the elements.
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * correctly rounded square root of the exact sum of squares: the same bits
 * on any backend, number of threads or MPI ranks.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_scnrm2(const oxpar_context *ctx,
                          size_t n,
                          const oxpar_c32 *x,
                          ptrdiff_t incx,
                          float *out);

/**
 * `*out :=` the sum of the absolute values of `x` (single-precision complex numbers).
 *
 * The absolute value of a complex element is `|re| + |im|`, as in BLAS
 * scasum/dzasum (not the modulus); the result is real.
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * exact one correctly rounded: the same bits on any backend, number of
 * threads or MPI ranks.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_scasum(const oxpar_context *ctx,
                          size_t n,
                          const oxpar_c32 *x,
                          ptrdiff_t incx,
                          float *out);

/**
 * `*out :=` the sum of the elements of `x` (single-precision complex numbers; 0 when `n == 0`). The
 * ordinary sum adds in an order that depends on the backend and its number
 * of threads (so the last bits may differ between them).
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * exact one correctly rounded: the same bits on any backend, number of
 * threads or MPI ranks.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_csum(const oxpar_context *ctx,
                        size_t n,
                        const oxpar_c32 *x,
                        ptrdiff_t incx,
                        oxpar_c32 *out);

/**
 * `*out :=` the 0-based index of the first element of largest absolute
 * value of `x` (single-precision complex numbers); the first NaN if there is one; `OXPAR_INDEX_NONE`
 * when `n == 0`.
 *
 * The absolute value of a complex element is `|re| + |im|`, as in BLAS
 * icamax/izamax (not the modulus).
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_icamax(const oxpar_context *ctx,
                          size_t n,
                          const oxpar_c32 *x,
                          ptrdiff_t incx,
                          size_t *out);

/**
 * `y := alpha*op(A)*x + beta*y` on single-precision complex numbers, where `A` is the `m x n` matrix at
 * `a` with element strides `rsa` (between rows) and `csa` (between columns),
 * and `op(A)` is `A` (`trans = OXPAR_TRANS_NO`: `x` has `n` elements, `y` has
 * `m`), `A^T` (`OXPAR_TRANS_YES`: `x` has `m`, `y` has `n`) or `A^H`
 * (`OXPAR_TRANS_CONJ`, the conjugate transpose; `A^T` for real elements, as
 * BLAS's `'C'`). `beta == 0` does not read `y`; `alpha == 0` reads neither
 * `A` nor `x`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, x or y when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incy 0 for more than one element, or an
 * operand beyond the address space). A and x may have any strides, 0 included,
 * and may share memory with y: the result is as if they were read first. On an
 * OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
 * argument error on one rank fails every rank (the others get an error naming
 * that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_cgemv(const oxpar_context *ctx,
                         int32_t trans,
                         size_t m,
                         size_t n,
                         const oxpar_c32 *alpha,
                         const oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const oxpar_c32 *x,
                         ptrdiff_t incx,
                         const oxpar_c32 *beta,
                         oxpar_c32 *y,
                         ptrdiff_t incy);

/**
 * `A := alpha*x*y^T + A` on single-precision complex numbers, nothing conjugated (BLAS's geru),
 * `A` being `m x n` with strides `rsa`, `csa`, `x` of `m` and `y` of `n`
 * elements. `alpha == 0` returns at once.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x, y or a when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (rsa, csa that give two elements of A one
 * address, or an operand beyond the address space). x and y may have any
 * increments, 0 included, and may share memory with A: the result is as if
 * they were read first. On an MPI context the call is collective: an argument
 * error on one rank fails every rank (the others get an error naming that rank;
 * ranks that mix element types or operations, geru with gerc among them, all get
 * `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_cgeru(const oxpar_context *ctx,
                         size_t m,
                         size_t n,
                         const oxpar_c32 *alpha,
                         const oxpar_c32 *x,
                         ptrdiff_t incx,
                         const oxpar_c32 *y,
                         ptrdiff_t incy,
                         oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa);

/**
 * `A := alpha*x*y^H + A` on single-precision complex numbers, `y` conjugated (BLAS's gerc), `A`
 * being `m x n` with strides `rsa`, `csa`, `x` of `m` and `y` of `n`
 * elements. `alpha == 0` returns at once.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x, y or a when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (rsa, csa that give two elements of A one
 * address, or an operand beyond the address space). x and y may have any
 * increments, 0 included, and may share memory with A: the result is as if
 * they were read first. On an MPI context the call is collective: an argument
 * error on one rank fails every rank (the others get an error naming that rank;
 * ranks that mix element types or operations, geru with gerc among them, all get
 * `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_cgerc(const oxpar_context *ctx,
                         size_t m,
                         size_t n,
                         const oxpar_c32 *alpha,
                         const oxpar_c32 *x,
                         ptrdiff_t incx,
                         const oxpar_c32 *y,
                         ptrdiff_t incy,
                         oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa);

/**
 * `C := alpha*op(A)*op(B) + beta*C` on single-precision complex numbers, with `op(A)` `m x k`, `op(B)`
 * `k x n` and `C` `m x n`; each matrix is given by a pointer to its element
 * (0, 0) as stored and its element strides (row, column). `transa`/`transb`
 * are `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` (then `a` holds the `k x m`
 * matrix `A`, and so on) or `OXPAR_TRANS_CONJ` (the conjugate transpose;
 * the transpose for real elements, as BLAS's `'C'`). Column-major (Fortran) data: `rs = 1, cs = ld`;
 * row-major (C): `rs = ld, cs = 1`. `beta == 0` does not read `C` (NaN there
 * does not come out); `alpha == 0` or `k == 0` reads neither `A` nor `B`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, b or c when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (transa or transb none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of C the same
 * address, or an operand beyond the address space). A and B may have any
 * strides, 0 included, and may share memory with C: the result is as if they
 * were read first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
 * argument error on one rank fails every rank (the others get an error naming
 * that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_cgemm(const oxpar_context *ctx,
                         int32_t transa,
                         int32_t transb,
                         size_t m,
                         size_t n,
                         size_t k,
                         const oxpar_c32 *alpha,
                         const oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const oxpar_c32 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         const oxpar_c32 *beta,
                         oxpar_c32 *c,
                         ptrdiff_t rsc,
                         ptrdiff_t csc);

/**
 * `y := alpha*x + y` on double-precision complex numbers. `alpha == 0` returns without reading `x`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1, or a vector beyond the
 * address space). y may share memory with x: the result is as if x were read
 * first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_zaxpy(const oxpar_context *ctx,
                         size_t n,
                         const oxpar_c64 *alpha,
                         const oxpar_c64 *x,
                         ptrdiff_t incx,
                         oxpar_c64 *y,
                         ptrdiff_t incy);

/**
 * `x := alpha*x` on double-precision complex numbers.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incx 0 with n > 1, or a vector beyond the
 * address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_zscal(const oxpar_context *ctx,
                         size_t n,
                         const oxpar_c64 *alpha,
                         oxpar_c64 *x,
                         ptrdiff_t incx);

/**
 * `x := alpha*x` on double-precision complex numbers with a real `alpha`: each real and imaginary
 * part is multiplied by `alpha` (as BLAS's csscal; an infinite part does not
 * turn the other one into NaN).
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incx 0 with n > 1, or a vector beyond the
 * address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_zdscal(const oxpar_context *ctx,
                          size_t n,
                          const double *alpha,
                          oxpar_c64 *x,
                          ptrdiff_t incx);

/**
 * `y := x` on double-precision complex numbers.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1, or a vector beyond the
 * address space). y may share memory with x: the result is as if x were read
 * first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_zcopy(const oxpar_context *ctx,
                         size_t n,
                         const oxpar_c64 *x,
                         ptrdiff_t incx,
                         oxpar_c64 *y,
                         ptrdiff_t incy);

/**
 * Exchanges the double-precision complex number vectors `x` and `y`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type; x and y
 * sharing an element without being the very same vector),
 * `OXPAR_STATUS_INVALID_STRIDE` (incx or incy 0 with n > 1, or a vector beyond
 * the address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR`
 * and `OXPAR_STATUS_OUT_OF_MEMORY`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_zswap(const oxpar_context *ctx,
                         size_t n,
                         oxpar_c64 *x,
                         ptrdiff_t incx,
                         oxpar_c64 *y,
                         ptrdiff_t incy);

/**
 * `*out := sum x_i * y_i` on double-precision complex numbers, neither conjugated (BLAS's dotu;
 * 0 when `n == 0`).
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) each part of the
 * result is the exact one correctly rounded: the same bits on any backend or
 * number of threads.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; an
 * increment of 0, which reads one element n times, is allowed). On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations, dotu with dotc among them, all get `OXPAR_STATUS_INVALID_ARGUMENT`),
 * and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_zdotu(const oxpar_context *ctx,
                         size_t n,
                         const oxpar_c64 *x,
                         ptrdiff_t incx,
                         const oxpar_c64 *y,
                         ptrdiff_t incy,
                         oxpar_c64 *out);

/**
 * `*out := sum conj(x_i) * y_i` on double-precision complex numbers (BLAS's dotc; 0 when
 * `n == 0`).
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) each part of the
 * result is the exact one correctly rounded: the same bits on any backend or
 * number of threads.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x or y with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; an
 * increment of 0, which reads one element n times, is allowed). On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations, dotu with dotc among them, all get `OXPAR_STATUS_INVALID_ARGUMENT`),
 * and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_zdotc(const oxpar_context *ctx,
                         size_t n,
                         const oxpar_c64 *x,
                         ptrdiff_t incx,
                         const oxpar_c64 *y,
                         ptrdiff_t incy,
                         oxpar_c64 *out);

/**
 * `*out :=` the Euclidean norm of `x` (double-precision complex numbers), without overflow or
 * underflow in intermediate results; NaN if any element is NaN.
 *
 * The result is real: `*out` is the real type of the elements.
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * correctly rounded square root of the exact sum of squares: the same bits
 * on any backend, number of threads or MPI ranks.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_dznrm2(const oxpar_context *ctx,
                          size_t n,
                          const oxpar_c64 *x,
                          ptrdiff_t incx,
                          double *out);

/**
 * `*out :=` the sum of the absolute values of `x` (double-precision complex numbers).
 *
 * The absolute value of a complex element is `|re| + |im|`, as in BLAS
 * scasum/dzasum (not the modulus); the result is real.
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * exact one correctly rounded: the same bits on any backend, number of
 * threads or MPI ranks.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_dzasum(const oxpar_context *ctx,
                          size_t n,
                          const oxpar_c64 *x,
                          ptrdiff_t incx,
                          double *out);

/**
 * `*out :=` the sum of the elements of `x` (double-precision complex numbers; 0 when `n == 0`). The
 * ordinary sum adds in an order that depends on the backend and its number
 * of threads (so the last bits may differ between them).
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * exact one correctly rounded: the same bits on any backend, number of
 * threads or MPI ranks.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_zsum(const oxpar_context *ctx,
                        size_t n,
                        const oxpar_c64 *x,
                        ptrdiff_t incx,
                        oxpar_c64 *out);

/**
 * `*out :=` the 0-based index of the first element of largest absolute
 * value of `x` (double-precision complex numbers); the first NaN if there is one; `OXPAR_INDEX_NONE`
 * when `n == 0`.
 *
 * The absolute value of a complex element is `|re| + |im|`, as in BLAS
 * icamax/izamax (not the modulus).
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,
 * which reads one element n times, is allowed). On an OpenCL context also
 * `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI
 * context the call is collective: an argument error on one rank fails every
 * rank (the others get an error naming that rank; ranks that mix element types or
 * operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is
 * `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_izamax(const oxpar_context *ctx,
                          size_t n,
                          const oxpar_c64 *x,
                          ptrdiff_t incx,
                          size_t *out);

/**
 * `y := alpha*op(A)*x + beta*y` on double-precision complex numbers, where `A` is the `m x n` matrix at
 * `a` with element strides `rsa` (between rows) and `csa` (between columns),
 * and `op(A)` is `A` (`trans = OXPAR_TRANS_NO`: `x` has `n` elements, `y` has
 * `m`), `A^T` (`OXPAR_TRANS_YES`: `x` has `m`, `y` has `n`) or `A^H`
 * (`OXPAR_TRANS_CONJ`, the conjugate transpose; `A^T` for real elements, as
 * BLAS's `'C'`). `beta == 0` does not read `y`; `alpha == 0` reads neither
 * `A` nor `x`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, x or y when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (incy 0 for more than one element, or an
 * operand beyond the address space). A and x may have any strides, 0 included,
 * and may share memory with y: the result is as if they were read first. On an
 * OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
 * argument error on one rank fails every rank (the others get an error naming
 * that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_zgemv(const oxpar_context *ctx,
                         int32_t trans,
                         size_t m,
                         size_t n,
                         const oxpar_c64 *alpha,
                         const oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const oxpar_c64 *x,
                         ptrdiff_t incx,
                         const oxpar_c64 *beta,
                         oxpar_c64 *y,
                         ptrdiff_t incy);

/**
 * `A := alpha*x*y^T + A` on double-precision complex numbers, nothing conjugated (BLAS's geru),
 * `A` being `m x n` with strides `rsa`, `csa`, `x` of `m` and `y` of `n`
 * elements. `alpha == 0` returns at once.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x, y or a when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (rsa, csa that give two elements of A one
 * address, or an operand beyond the address space). x and y may have any
 * increments, 0 included, and may share memory with A: the result is as if
 * they were read first. On an MPI context the call is collective: an argument
 * error on one rank fails every rank (the others get an error naming that rank;
 * ranks that mix element types or operations, geru with gerc among them, all get
 * `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_zgeru(const oxpar_context *ctx,
                         size_t m,
                         size_t n,
                         const oxpar_c64 *alpha,
                         const oxpar_c64 *x,
                         ptrdiff_t incx,
                         const oxpar_c64 *y,
                         ptrdiff_t incy,
                         oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa);

/**
 * `A := alpha*x*y^H + A` on double-precision complex numbers, `y` conjugated (BLAS's gerc), `A`
 * being `m x n` with strides `rsa`, `csa`, `x` of `m` and `y` of `n`
 * elements. `alpha == 0` returns at once.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x, y or a when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (rsa, csa that give two elements of A one
 * address, or an operand beyond the address space). x and y may have any
 * increments, 0 included, and may share memory with A: the result is as if
 * they were read first. On an MPI context the call is collective: an argument
 * error on one rank fails every rank (the others get an error naming that rank;
 * ranks that mix element types or operations, geru with gerc among them, all get
 * `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_zgerc(const oxpar_context *ctx,
                         size_t m,
                         size_t n,
                         const oxpar_c64 *alpha,
                         const oxpar_c64 *x,
                         ptrdiff_t incx,
                         const oxpar_c64 *y,
                         ptrdiff_t incy,
                         oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa);

/**
 * `C := alpha*op(A)*op(B) + beta*C` on double-precision complex numbers, with `op(A)` `m x k`, `op(B)`
 * `k x n` and `C` `m x n`; each matrix is given by a pointer to its element
 * (0, 0) as stored and its element strides (row, column). `transa`/`transb`
 * are `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` (then `a` holds the `k x m`
 * matrix `A`, and so on) or `OXPAR_TRANS_CONJ` (the conjugate transpose;
 * the transpose for real elements, as BLAS's `'C'`). Column-major (Fortran) data: `rs = 1, cs = ld`;
 * row-major (C): `rs = ld, cs = 1`. `beta == 0` does not read `C` (NaN there
 * does not come out); `alpha == 0` or `k == 0` reads neither `A` nor `B`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, b or c when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (transa or transb none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of C the same
 * address, or an operand beyond the address space). A and B may have any
 * strides, 0 included, and may share memory with C: the result is as if they
 * were read first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and
 * `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an
 * argument error on one rank fails every rank (the others get an error naming
 * that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.
 *
 * On an MPI context complex elements are distributed as real ones are, and
 * the call is collective in the same way: ranks that mix complex and real
 * elements, or the two complex types, all get `OXPAR_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the
 * elements its sizes and strides describe (readable, and writable for
 * outputs) for the duration of the call.
 */
oxpar_status oxpar_zgemm(const oxpar_context *ctx,
                         int32_t transa,
                         int32_t transb,
                         size_t m,
                         size_t n,
                         size_t k,
                         const oxpar_c64 *alpha,
                         const oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const oxpar_c64 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         const oxpar_c64 *beta,
                         oxpar_c64 *c,
                         ptrdiff_t rsc,
                         ptrdiff_t csc);

/**
 * The message of the most recent failed oxpar call on the calling thread
 * (`""` if none failed yet), e.g. `"oxpar_ddot: incx: stride is 0 for a
 * dimension of 5 (must be non-zero)"`. The string belongs to oxpar: do not
 * free it; it stays valid until the next failing oxpar call on this thread.
 * Successful calls do not change it.
 *
 * Never fails.
 */
const char *oxpar_last_error_message(void);

/**
 * A static description of a status code, e.g. `"invalid stride"`;
 * `"unknown status"` for a value that is not one. Never free it.
 *
 * Never fails: a value that is no status gives `"unknown status"`.
 */
const char *oxpar_status_str(int32_t status);

/**
 * Creates a context from a spec string: `"serial"`, `"threads"` (thread
 * count from `OXPAR_NUM_THREADS`; when it is unset, from `OMP_NUM_THREADS`
 * as OpenMP reads it, the first entry of a comma list, an invalid value
 * being ignored; else the CPUs this process may use) or
 * `"threads:N"` (1 <= N <= `OXPAR_MAX_THREADS`); NULL means `"threads"`. On
 * success stores the new handle in `*out`.
 *
 * OpenCL (when the library is built with it): `"opencl"` (the device named
 * by `OXPAR_OPENCL_DEVICE` if set, else the first GPU, else the first
 * device), `"opencl:gpu"`, `"opencl:cpu"`, `"opencl:accelerator"`, with an
 * index (`"opencl:cpu:0"`), or `"opencl:P:D"` (device D of platform P). On
 * such a context the host-pointer routines (`oxpar_sgemm`, ...) run on the
 * device and **copy** their operands in and out on every call; keep data on
 * the device with `oxpar_buffer` and the `oxpar_buffer_*` routines instead.
 * Parallel loops run serially on the calling thread.
 *
 * MPI (when the library is built with it): `"mpi"` or `"mpi+threads"`,
 * `"mpi+threads:N"`, `"mpi+serial"`, `"mpi+opencl..."` over
 * `MPI_COMM_WORLD` (collective; see `oxpar_context_create_mpi` for another
 * communicator and the MPI thread level each feature needs).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (out), `OXPAR_STATUS_INVALID_ARGUMENT`
 * (unknown or malformed spec, a thread count of 0 or above
 * `OXPAR_MAX_THREADS` in the spec or in `OXPAR_NUM_THREADS`, bad
 * `OXPAR_NUM_THREADS` or `OXPAR_REPRODUCIBLE`; the message names the spec or
 * the variable),
 * `OXPAR_STATUS_BACKEND_UNAVAILABLE` (a backend not compiled in, or threads
 * that could not start).
 *
 * Reproducible mode (see `oxpar_context_set_reproducible`) starts on when
 * the environment variable `OXPAR_REPRODUCIBLE` is `1`, `true`, `yes` or
 * `on` (any case), off when it is unset, empty, `0`, `false`, `no` or `off`;
 * any other value makes creation fail with `OXPAR_STATUS_INVALID_ARGUMENT`
 * (the message names the variable and its value).
 *
 * # Safety
 * `spec` is NULL or a NUL-terminated string; `out` is NULL or writable.
 */
oxpar_status oxpar_context_create(const char *spec, oxpar_context **out);

/**
 * Frees a context and stops its threads. Buffers, programs and kernels made
 * from it stay valid (each keeps its device alive) until freed themselves. NULL is a no-op.
 *
 * Never fails (nothing is returned).
 *
 * # Safety
 * `ctx` is NULL or a handle from `oxpar_context_create` not yet freed, and
 * no other call is using it.
 */
void oxpar_context_free(oxpar_context *ctx);

/**
 * Changes the number of threads of a threads context (its threads are
 * replaced): 1 to `OXPAR_MAX_THREADS`. For a serial context only 1 is
 * accepted.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_ARGUMENT`
 * (`num_threads` is 0 or above `OXPAR_MAX_THREADS`, whatever the context;
 * the message names `num_threads`), `OXPAR_STATUS_UNSUPPORTED` (serial with
 * n > 1),
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
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out).
 *
 * # Safety
 * `ctx` is NULL or a live handle; `out` is NULL or writable.
 */
oxpar_status oxpar_context_num_threads(const oxpar_context *ctx, size_t *out);

/**
 * Switches reproducible mode on (`on = 1`) or off (`on = 0`).
 *
 * In reproducible mode `oxpar_?dot`, `oxpar_?nrm2`, `oxpar_?asum` and
 * `oxpar_?sum` (and their `oxpar_buffer_*` forms on an OpenCL context) give
 * the exact result **correctly rounded** (to nearest, ties to even): the
 * same bits whatever the number of threads, MPI ranks or the backend, and
 * for any split of the data. `nrm2` is the correctly rounded square root of
 * the exact sum of squares. Nothing overflows or underflows on the way
 * (`1e200*1e200 - 1e200*1e200` is 0; a result is infinite only if the exact
 * value rounds beyond the largest finite number; tiny results round
 * correctly into subnormals). An exact zero is `+0.0`. The result is NaN if
 * an element (or for dot a product) is NaN, if `+inf` and `-inf` both occur,
 * or for dot if `inf * 0` occurs; otherwise `±inf` if an infinity occurs
 * (`nrm2`: NaN if an element is NaN, else `+inf` if one is infinite). It
 * costs more than the ordinary routines, which stay the default. Other
 * routines are not affected.
 *
 * A new context starts with the mode given by `OXPAR_REPRODUCIBLE` (see
 * `oxpar_context_create`). On an MPI context this call is collective: every
 * rank calls it, and if the ranks ask for different modes (or one passes a
 * bad `on`) every rank gets `OXPAR_STATUS_INVALID_ARGUMENT` and the mode
 * stays as it was, since the two modes make different collectives.
 *
 * Thread safety: may be called while other threads use the context; a call
 * running at the same time uses either the old or the new mode.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx), `OXPAR_STATUS_INVALID_ARGUMENT`
 * (`on` is neither 0 nor 1; the mode is unchanged).
 *
 * # Safety
 * `ctx` is NULL or a live handle.
 */
oxpar_status oxpar_context_set_reproducible(oxpar_context *ctx, int32_t on);

/**
 * Stores 1 in `*out` if the context is in reproducible mode (see
 * `oxpar_context_set_reproducible`), else 0.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx or out).
 *
 * # Safety
 * `ctx` is NULL or a live handle; `out` is NULL or writable.
 */
oxpar_status oxpar_context_get_reproducible(const oxpar_context *ctx, int32_t *out);

/**
 * Stores the context's backend (an `OXPAR_BACKEND_*` value) in `*out`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out).
 *
 * # Safety
 * `ctx` is NULL or a live handle; `out` is NULL or writable.
 */
oxpar_status oxpar_context_backend(const oxpar_context *ctx, int32_t *out);

/**
 * Whether a backend (`OXPAR_BACKEND_*`) is compiled into this library and
 * usable on this machine; false for unknown values.
 *
 * Never fails: false for a value that is no `OXPAR_BACKEND_*`.
 */
bool oxpar_backend_available(int32_t backend);

/**
 * Creates a farm with the defaults: 2 retries, no checkpoint, no progress.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (out).
 *
 * # Safety
 * `out` is NULL or writable.
 */
oxpar_status oxpar_farm_create(oxpar_farm **out);

/**
 * Frees a farm. NULL is a no-op.
 *
 * Never fails (nothing is returned).
 *
 * # Safety
 * `farm` is NULL or a live farm not in use by another call.
 */
void oxpar_farm_free(oxpar_farm *farm);

/**
 * How many times a failed task is tried again, each time on the next worker
 * (default 2).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (farm).
 *
 * # Safety
 * `farm` is NULL or a live farm not in use by another call.
 */
oxpar_status oxpar_farm_set_retries(oxpar_farm *farm, uint32_t retries);

/**
 * Records each completed task in the file `path` as it completes, and skips
 * tasks an earlier run recorded there (NULL: no checkpoint). Under MPI each
 * rank appends to `path.rank<r>` and every rank reads them all. A process
 * killed in the middle loses only the tasks that were running.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (farm),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (path empty or not UTF-8). A file that
 * cannot be read or written is `oxpar_farm_run`'s error.
 *
 * # Safety
 * `farm` is NULL or a live farm not in use by another call; `path` is NULL
 * or NUL-terminated.
 */
oxpar_status oxpar_farm_set_checkpoint(oxpar_farm *farm, const char *path);

/**
 * Calls `progress(..., user_data)` every `interval_seconds` while a run
 * lasts, and once at the end (NULL: no progress reports). A run never waits
 * for the interval: it returns as soon as its last task ends, whatever the
 * interval. An interval longer than the run (any huge value, e.g. `1e30`)
 * means the final report only; intervals below a millisecond count as one
 * millisecond.
 *
 * Errors: `OXPAR_STATUS_INVALID_ARGUMENT` (`interval_seconds` is NaN,
 * infinite, zero or negative).
 *
 * # Safety
 * `farm` is NULL or a live farm not in use by another call; `progress` may be
 * called from another thread with `user_data` during `oxpar_farm_run`.
 */
oxpar_status oxpar_farm_set_progress(oxpar_farm *farm,
                                     oxpar_progress_fn progress,
                                     void *user_data,
                                     double interval_seconds);

/**
 * Sets the message of the failure the calling task is about to report (by
 * returning nonzero); it appears in the run's report. Only meaningful inside
 * a task; NULL clears it.
 *
 * Never fails (nothing is returned); outside a task it has no effect.
 *
 * # Safety
 * `message` is NULL or NUL-terminated.
 */
void oxpar_farm_task_error(const char *message);

/**
 * Runs tasks `0 .. ntasks - 1` with `task(i, user_data)` on the context's
 * threads — on an MPI context, on every rank's threads (collective: every
 * rank calls it with the same `ntasks`; each rank runs its own copy of the
 * task function, and only task indices travel). Workers take chunks of
 * tasks that shrink as the work runs out; a failed task (nonzero return)
 * is retried on the next worker up to the farm's retry count. Returns when
 * every task has completed or used up its retries, with every task's
 * outcome in `*report` (on every rank).
 *
 * Errors (about the farm, never about tasks): `OXPAR_STATUS_NULL_POINTER`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unreadable, unwritable or mismatched
 * checkpoint; ranks running different farms or reading different
 * checkpoints — on every rank), `OXPAR_STATUS_OUT_OF_MEMORY` (more tasks
 * than a report can hold), `OXPAR_STATUS_COMM_ERROR`. On an MPI context a
 * NULL farm, task or report on one rank is an error on every rank (the
 * others get INVALID_ARGUMENT naming it), never a deadlock.
 *
 * Chunks: a worker takes about a millisecond of work at a time at its own
 * recent pace (one task at a time when tasks are expensive), and never more
 * than the remaining tasks / (2 x workers).
 *
 * On an MPI context, tasks run on the context's threads and never on the
 * calling thread: that one (which must be allowed to call MPI: under
 * `MPI_THREAD_FUNNELED` or `MPI_THREAD_SINGLE`, the thread that initialized
 * MPI) hands out work to the ranks with point-to-point messages meanwhile.
 * So no rank waits for another's task to end, whatever the transport (TCP
 * without RDMA included) and thread level; plain `MPI_Init` is enough. A
 * task may call MPI itself only under `MPI_THREAD_MULTIPLE`, and must not
 * make collective calls on the farm's communicator.
 *
 * # Safety
 * `farm` is NULL or a live farm, `ctx` NULL or a live context, `report`
 * NULL or writable; `task` must be safe to call concurrently from several
 * threads with `user_data`, and must not unwind or longjmp.
 */
oxpar_status oxpar_farm_run(const oxpar_farm *farm,
                            const oxpar_context *ctx,
                            size_t ntasks,
                            oxpar_task_fn task,
                            void *user_data,
                            oxpar_farm_report **report);

/**
 * Stores how many tasks completed in the run, failed for good, and were
 * skipped thanks to the checkpoint (any pointer may be NULL).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (report).
 *
 * # Safety
 * `report` is NULL or a live report; the outputs are NULL or writable.
 */
oxpar_status oxpar_farm_report_counts(const oxpar_farm_report *report,
                                      size_t *done,
                                      size_t *failed,
                                      size_t *resumed);

/**
 * Stores the outcome of task `task` (an `OXPAR_TASK_STATE_*` value) and the
 * attempts it took (0 for a resumed task); either pointer may be NULL.
 *
 * Errors: `OXPAR_STATUS_INVALID_ARGUMENT` (task out of range).
 *
 * # Safety
 * `report` is NULL or a live report; the outputs are NULL or writable.
 */
oxpar_status oxpar_farm_report_task(const oxpar_farm_report *report,
                                    size_t task,
                                    int32_t *state,
                                    uint32_t *attempts);

/**
 * Stores the outcomes of tasks `0 .. n - 1` at once: `states[i]` gets an
 * `OXPAR_TASK_STATE_*` value and `attempts[i]` the attempts task i took
 * (either array may be NULL). `n` must not exceed the run's task count.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (report),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (`n` larger than the run's task count).
 *
 * # Safety
 * `report` is NULL or a live report; `states` and `attempts` are NULL or
 * hold `n` writable elements.
 */
oxpar_status oxpar_farm_report_states(const oxpar_farm_report *report,
                                      int32_t *states,
                                      uint32_t *attempts,
                                      size_t n);

/**
 * The error message of a task that failed for good (its last attempt's),
 * or NULL for a task that did not fail or is out of range. The string
 * belongs to the report and lives as long as it.
 *
 * Never fails: NULL for a NULL report, a task that did not fail, or one out
 * of range.
 *
 * # Safety
 * `report` is NULL or a live report.
 */
const char *oxpar_farm_report_error(const oxpar_farm_report *report, size_t task);

/**
 * Frees a report. NULL is a no-op.
 *
 * Never fails (nothing is returned).
 *
 * # Safety
 * `report` is NULL or a live report, freed once.
 */
void oxpar_farm_report_free(oxpar_farm_report *report);

/**
 * `y := alpha*A*x + beta*y` with `A` symmetric, held in its `uplo` triangle, on floats.
 *
 * The other triangle of `A` is not read. `beta == 0` does not read `y` (NaN there does not
 * come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used.
 *
 * Shapes: `a` is `n x n` as stored; `x` is `n` elements; `y` is `n` elements. A matrix is
 * given by a pointer to its element (0, 0) and its element strides (row, column):
 * column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
 * vector by a pointer to its logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
 * elements of `y` the same address, or an array beyond the address space). `a` and `x` may
 * have any strides, 0 included, and may share memory with `y`: the result is as if they were
 * read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ssymv(const oxpar_context *ctx,
                         int32_t uplo,
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
 * `y := alpha*A*x + beta*y` with `A` symmetric, held in its `uplo` triangle, on doubles.
 *
 * The other triangle of `A` is not read. `beta == 0` does not read `y` (NaN there does not
 * come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used.
 *
 * Shapes: `a` is `n x n` as stored; `x` is `n` elements; `y` is `n` elements. A matrix is
 * given by a pointer to its element (0, 0) and its element strides (row, column):
 * column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
 * vector by a pointer to its logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
 * elements of `y` the same address, or an array beyond the address space). `a` and `x` may
 * have any strides, 0 included, and may share memory with `y`: the result is as if they were
 * read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dsymv(const oxpar_context *ctx,
                         int32_t uplo,
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
 * `y := alpha*A*x + beta*y` with `A` Hermitian, held in its `uplo` triangle, on
 * single-precision complex numbers.
 *
 * The other triangle of `A` is not read, nor the imaginary parts of its diagonal (taken as
 * 0). `beta == 0` does not read `y` (NaN there does not come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used.
 *
 * Shapes: `a` is `n x n` as stored; `x` is `n` elements; `y` is `n` elements. A matrix is
 * given by a pointer to its element (0, 0) and its element strides (row, column):
 * column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
 * vector by a pointer to its logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
 * elements of `y` the same address, or an array beyond the address space). `a` and `x` may
 * have any strides, 0 included, and may share memory with `y`: the result is as if they were
 * read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_chemv(const oxpar_context *ctx,
                         int32_t uplo,
                         size_t n,
                         const oxpar_c32 *alpha,
                         const oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const oxpar_c32 *x,
                         ptrdiff_t incx,
                         const oxpar_c32 *beta,
                         oxpar_c32 *y,
                         ptrdiff_t incy);

/**
 * `y := alpha*A*x + beta*y` with `A` Hermitian, held in its `uplo` triangle, on
 * double-precision complex numbers.
 *
 * The other triangle of `A` is not read, nor the imaginary parts of its diagonal (taken as
 * 0). `beta == 0` does not read `y` (NaN there does not come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used.
 *
 * Shapes: `a` is `n x n` as stored; `x` is `n` elements; `y` is `n` elements. A matrix is
 * given by a pointer to its element (0, 0) and its element strides (row, column):
 * column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
 * vector by a pointer to its logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
 * elements of `y` the same address, or an array beyond the address space). `a` and `x` may
 * have any strides, 0 included, and may share memory with `y`: the result is as if they were
 * read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_zhemv(const oxpar_context *ctx,
                         int32_t uplo,
                         size_t n,
                         const oxpar_c64 *alpha,
                         const oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const oxpar_c64 *x,
                         ptrdiff_t incx,
                         const oxpar_c64 *beta,
                         oxpar_c64 *y,
                         ptrdiff_t incy);

/**
 * `x := op(A)*x` with `A` triangular, held in its `uplo` triangle, on floats.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
 * its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
 * `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `a` may have any strides, 0 included, and may share
 * memory with `x`: the result is as if it were read first. On an MPI context
 * `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_strmv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const float *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         float *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)*x` with `A` triangular, held in its `uplo` triangle, on doubles.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
 * its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
 * `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `a` may have any strides, 0 included, and may share
 * memory with `x`: the result is as if it were read first. On an MPI context
 * `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dtrmv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const double *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         double *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)*x` with `A` triangular, held in its `uplo` triangle, on single-precision
 * complex numbers.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
 * its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
 * `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `a` may have any strides, 0 included, and may share
 * memory with `x`: the result is as if it were read first. On an MPI context
 * `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ctrmv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         oxpar_c32 *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)*x` with `A` triangular, held in its `uplo` triangle, on double-precision
 * complex numbers.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
 * its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
 * `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `a` may have any strides, 0 included, and may share
 * memory with `x`: the result is as if it were read first. On an MPI context
 * `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ztrmv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         oxpar_c64 *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle,
 * on floats.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
 * singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
 * its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
 * `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `a` may have any strides, 0 included, and may share
 * memory with `x`: the result is as if it were read first. On an MPI context
 * `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_strsv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const float *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         float *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle,
 * on doubles.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
 * singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
 * its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
 * `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `a` may have any strides, 0 included, and may share
 * memory with `x`: the result is as if it were read first. On an MPI context
 * `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dtrsv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const double *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         double *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle,
 * on single-precision complex numbers.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
 * singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
 * its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
 * `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `a` may have any strides, 0 included, and may share
 * memory with `x`: the result is as if it were read first. On an MPI context
 * `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ctrsv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         oxpar_c32 *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle,
 * on double-precision complex numbers.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
 * singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `n x n` as stored; `x` is `n` elements. A matrix is given by a pointer to
 * its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
 * `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `a` may have any strides, 0 included, and may share
 * memory with `x`: the result is as if it were read first. On an MPI context
 * `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ztrsv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         oxpar_c64 *x,
                         ptrdiff_t incx);

/**
 * `A := alpha*x*x^T + A` on the `uplo` triangle of the symmetric `A`, on floats.
 *
 * The other triangle of `A` is neither read nor written.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used.
 *
 * Shapes: `x` is `n` elements; `a` is `n x n` as stored. A matrix is given by a pointer to
 * its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
 * `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x` or `a` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
 * elements of `a` the same address, or an array beyond the address space). `x` may have any
 * strides, 0 included, and may share memory with `a`: the result is as if it were read
 * first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ssyr(const oxpar_context *ctx,
                        int32_t uplo,
                        size_t n,
                        const float *alpha,
                        const float *x,
                        ptrdiff_t incx,
                        float *a,
                        ptrdiff_t rsa,
                        ptrdiff_t csa);

/**
 * `A := alpha*x*x^T + A` on the `uplo` triangle of the symmetric `A`, on doubles.
 *
 * The other triangle of `A` is neither read nor written.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used.
 *
 * Shapes: `x` is `n` elements; `a` is `n x n` as stored. A matrix is given by a pointer to
 * its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
 * `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x` or `a` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
 * elements of `a` the same address, or an array beyond the address space). `x` may have any
 * strides, 0 included, and may share memory with `a`: the result is as if it were read
 * first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dsyr(const oxpar_context *ctx,
                        int32_t uplo,
                        size_t n,
                        const double *alpha,
                        const double *x,
                        ptrdiff_t incx,
                        double *a,
                        ptrdiff_t rsa,
                        ptrdiff_t csa);

/**
 * `A := alpha*(x*y^T + y*x^T) + A` on the `uplo` triangle of the symmetric `A`, on floats.
 *
 * The other triangle of `A` is neither read nor written.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used.
 *
 * Shapes: `x` is `n` elements; `y` is `n` elements; `a` is `n x n` as stored. A matrix is
 * given by a pointer to its element (0, 0) and its element strides (row, column):
 * column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
 * vector by a pointer to its logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x`, `y` or `a` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
 * elements of `a` the same address, or an array beyond the address space). `x` and `y` may
 * have any strides, 0 included, and may share memory with `a`: the result is as if they were
 * read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ssyr2(const oxpar_context *ctx,
                         int32_t uplo,
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
 * `A := alpha*(x*y^T + y*x^T) + A` on the `uplo` triangle of the symmetric `A`, on doubles.
 *
 * The other triangle of `A` is neither read nor written.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used.
 *
 * Shapes: `x` is `n` elements; `y` is `n` elements; `a` is `n x n` as stored. A matrix is
 * given by a pointer to its element (0, 0) and its element strides (row, column):
 * column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
 * vector by a pointer to its logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x`, `y` or `a` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
 * elements of `a` the same address, or an array beyond the address space). `x` and `y` may
 * have any strides, 0 included, and may share memory with `a`: the result is as if they were
 * read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dsyr2(const oxpar_context *ctx,
                         int32_t uplo,
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
 * `A := alpha*x*x^H + A` (`alpha` real) on the `uplo` triangle of the Hermitian `A`, on
 * single-precision complex numbers.
 *
 * The other triangle of `A` is neither read nor written; the diagonal comes out real.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used.
 *
 * Shapes: `x` is `n` elements; `a` is `n x n` as stored. A matrix is given by a pointer to
 * its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
 * `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x` or `a` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
 * elements of `a` the same address, or an array beyond the address space). `x` may have any
 * strides, 0 included, and may share memory with `a`: the result is as if it were read
 * first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_cher(const oxpar_context *ctx,
                        int32_t uplo,
                        size_t n,
                        const float *alpha,
                        const oxpar_c32 *x,
                        ptrdiff_t incx,
                        oxpar_c32 *a,
                        ptrdiff_t rsa,
                        ptrdiff_t csa);

/**
 * `A := alpha*x*x^H + A` (`alpha` real) on the `uplo` triangle of the Hermitian `A`, on
 * double-precision complex numbers.
 *
 * The other triangle of `A` is neither read nor written; the diagonal comes out real.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used.
 *
 * Shapes: `x` is `n` elements; `a` is `n x n` as stored. A matrix is given by a pointer to
 * its element (0, 0) and its element strides (row, column): column-major (Fortran) data has
 * `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x` or `a` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
 * elements of `a` the same address, or an array beyond the address space). `x` may have any
 * strides, 0 included, and may share memory with `a`: the result is as if it were read
 * first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_zher(const oxpar_context *ctx,
                        int32_t uplo,
                        size_t n,
                        const double *alpha,
                        const oxpar_c64 *x,
                        ptrdiff_t incx,
                        oxpar_c64 *a,
                        ptrdiff_t rsa,
                        ptrdiff_t csa);

/**
 * `A := alpha*x*y^H + conj(alpha)*y*x^H + A` on the `uplo` triangle of the Hermitian `A`, on
 * single-precision complex numbers.
 *
 * The other triangle of `A` is neither read nor written; the diagonal comes out real.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used.
 *
 * Shapes: `x` is `n` elements; `y` is `n` elements; `a` is `n x n` as stored. A matrix is
 * given by a pointer to its element (0, 0) and its element strides (row, column):
 * column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
 * vector by a pointer to its logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x`, `y` or `a` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
 * elements of `a` the same address, or an array beyond the address space). `x` and `y` may
 * have any strides, 0 included, and may share memory with `a`: the result is as if they were
 * read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_cher2(const oxpar_context *ctx,
                         int32_t uplo,
                         size_t n,
                         const oxpar_c32 *alpha,
                         const oxpar_c32 *x,
                         ptrdiff_t incx,
                         const oxpar_c32 *y,
                         ptrdiff_t incy,
                         oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa);

/**
 * `A := alpha*x*y^H + conj(alpha)*y*x^H + A` on the `uplo` triangle of the Hermitian `A`, on
 * double-precision complex numbers.
 *
 * The other triangle of `A` is neither read nor written; the diagonal comes out real.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used.
 *
 * Shapes: `x` is `n` elements; `y` is `n` elements; `a` is `n x n` as stored. A matrix is
 * given by a pointer to its element (0, 0) and its element strides (row, column):
 * column-major (Fortran) data has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a
 * vector by a pointer to its logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x`, `y` or `a` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
 * elements of `a` the same address, or an array beyond the address space). `x` and `y` may
 * have any strides, 0 included, and may share memory with `a`: the result is as if they were
 * read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_zher2(const oxpar_context *ctx,
                         int32_t uplo,
                         size_t n,
                         const oxpar_c64 *alpha,
                         const oxpar_c64 *x,
                         ptrdiff_t incx,
                         const oxpar_c64 *y,
                         ptrdiff_t incy,
                         oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa);

/**
 * `y := alpha*op(A)*x + beta*y` with `A` an `m x n` band matrix with `kl` sub- and `ku`
 * super-diagonals, on floats.
 *
 * Elements of `a` outside the band are not read. `beta == 0` does not read `y` (NaN there
 * does not come out).
 *
 * `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a) is `a`,
 * its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for real
 * elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is the `m x n` band matrix with `kl` sub- and `ku` super-diagonals in LAPACK
 * band storage: element `(i, j)` of the band at `a[ku + i - j + j*lda]`,
 * `lda >= kl + ku + 1` (CBLAS row-major band data is the band storage of the transpose: swap
 * `m` and `n`, `kl` and `ku`, and flip `trans`); `x` is `n` elements (trans =
 * `OXPAR_TRANS_NO`) or `m` elements (`OXPAR_TRANS_YES`); `y` is `m` elements (trans =
 * `OXPAR_TRANS_NO`) or `n` elements (`OXPAR_TRANS_YES`). A vector is given by a pointer to
 * its logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`,
 * `OXPAR_TRANS_CONJ`; kl with `kl + ku + 1` overflowing; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `y` the same address,
 * `lda` below the band's `kl + ku + 1` rows, or an array beyond the address space). `a` and
 * `x` may share memory with `y`: the result is as if they were read first; `x` may have any
 * strides, 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call
 * is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_sgbmv(const oxpar_context *ctx,
                         int32_t trans,
                         size_t m,
                         size_t n,
                         size_t kl,
                         size_t ku,
                         const float *alpha,
                         const float *a,
                         ptrdiff_t lda,
                         const float *x,
                         ptrdiff_t incx,
                         const float *beta,
                         float *y,
                         ptrdiff_t incy);

/**
 * `y := alpha*op(A)*x + beta*y` with `A` an `m x n` band matrix with `kl` sub- and `ku`
 * super-diagonals, on doubles.
 *
 * Elements of `a` outside the band are not read. `beta == 0` does not read `y` (NaN there
 * does not come out).
 *
 * `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a) is `a`,
 * its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for real
 * elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is the `m x n` band matrix with `kl` sub- and `ku` super-diagonals in LAPACK
 * band storage: element `(i, j)` of the band at `a[ku + i - j + j*lda]`,
 * `lda >= kl + ku + 1` (CBLAS row-major band data is the band storage of the transpose: swap
 * `m` and `n`, `kl` and `ku`, and flip `trans`); `x` is `n` elements (trans =
 * `OXPAR_TRANS_NO`) or `m` elements (`OXPAR_TRANS_YES`); `y` is `m` elements (trans =
 * `OXPAR_TRANS_NO`) or `n` elements (`OXPAR_TRANS_YES`). A vector is given by a pointer to
 * its logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`,
 * `OXPAR_TRANS_CONJ`; kl with `kl + ku + 1` overflowing; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `y` the same address,
 * `lda` below the band's `kl + ku + 1` rows, or an array beyond the address space). `a` and
 * `x` may share memory with `y`: the result is as if they were read first; `x` may have any
 * strides, 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call
 * is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dgbmv(const oxpar_context *ctx,
                         int32_t trans,
                         size_t m,
                         size_t n,
                         size_t kl,
                         size_t ku,
                         const double *alpha,
                         const double *a,
                         ptrdiff_t lda,
                         const double *x,
                         ptrdiff_t incx,
                         const double *beta,
                         double *y,
                         ptrdiff_t incy);

/**
 * `y := alpha*op(A)*x + beta*y` with `A` an `m x n` band matrix with `kl` sub- and `ku`
 * super-diagonals, on single-precision complex numbers.
 *
 * Elements of `a` outside the band are not read. `beta == 0` does not read `y` (NaN there
 * does not come out).
 *
 * `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a) is `a`,
 * its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for real
 * elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is the `m x n` band matrix with `kl` sub- and `ku` super-diagonals in LAPACK
 * band storage: element `(i, j)` of the band at `a[ku + i - j + j*lda]`,
 * `lda >= kl + ku + 1` (CBLAS row-major band data is the band storage of the transpose: swap
 * `m` and `n`, `kl` and `ku`, and flip `trans`); `x` is `n` elements (trans =
 * `OXPAR_TRANS_NO`) or `m` elements (`OXPAR_TRANS_YES`); `y` is `m` elements (trans =
 * `OXPAR_TRANS_NO`) or `n` elements (`OXPAR_TRANS_YES`). A vector is given by a pointer to
 * its logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`,
 * `OXPAR_TRANS_CONJ`; kl with `kl + ku + 1` overflowing; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `y` the same address,
 * `lda` below the band's `kl + ku + 1` rows, or an array beyond the address space). `a` and
 * `x` may share memory with `y`: the result is as if they were read first; `x` may have any
 * strides, 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call
 * is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_cgbmv(const oxpar_context *ctx,
                         int32_t trans,
                         size_t m,
                         size_t n,
                         size_t kl,
                         size_t ku,
                         const oxpar_c32 *alpha,
                         const oxpar_c32 *a,
                         ptrdiff_t lda,
                         const oxpar_c32 *x,
                         ptrdiff_t incx,
                         const oxpar_c32 *beta,
                         oxpar_c32 *y,
                         ptrdiff_t incy);

/**
 * `y := alpha*op(A)*x + beta*y` with `A` an `m x n` band matrix with `kl` sub- and `ku`
 * super-diagonals, on double-precision complex numbers.
 *
 * Elements of `a` outside the band are not read. `beta == 0` does not read `y` (NaN there
 * does not come out).
 *
 * `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a) is `a`,
 * its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for real
 * elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is the `m x n` band matrix with `kl` sub- and `ku` super-diagonals in LAPACK
 * band storage: element `(i, j)` of the band at `a[ku + i - j + j*lda]`,
 * `lda >= kl + ku + 1` (CBLAS row-major band data is the band storage of the transpose: swap
 * `m` and `n`, `kl` and `ku`, and flip `trans`); `x` is `n` elements (trans =
 * `OXPAR_TRANS_NO`) or `m` elements (`OXPAR_TRANS_YES`); `y` is `m` elements (trans =
 * `OXPAR_TRANS_NO`) or `n` elements (`OXPAR_TRANS_YES`). A vector is given by a pointer to
 * its logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`,
 * `OXPAR_TRANS_CONJ`; kl with `kl + ku + 1` overflowing; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `y` the same address,
 * `lda` below the band's `kl + ku + 1` rows, or an array beyond the address space). `a` and
 * `x` may share memory with `y`: the result is as if they were read first; `x` may have any
 * strides, 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call
 * is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_zgbmv(const oxpar_context *ctx,
                         int32_t trans,
                         size_t m,
                         size_t n,
                         size_t kl,
                         size_t ku,
                         const oxpar_c64 *alpha,
                         const oxpar_c64 *a,
                         ptrdiff_t lda,
                         const oxpar_c64 *x,
                         ptrdiff_t incx,
                         const oxpar_c64 *beta,
                         oxpar_c64 *y,
                         ptrdiff_t incy);

/**
 * `y := alpha*A*x + beta*y` with `A` a symmetric band matrix with `k` off-diagonals, held in
 * its `uplo` triangle, on floats.
 *
 * The other triangle of `A` is not read. `beta == 0` does not read `y` (NaN there does not
 * come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used.
 *
 * Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
 * LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
 * `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
 * the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
 * is one); `x` is `n` elements; `y` is `n` elements. A vector is given by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; k
 * with `k + 1` overflowing; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `y` the same address,
 * `lda` below the band's `k + 1` rows, or an array beyond the address space). `a` and `x`
 * may share memory with `y`: the result is as if they were read first; `x` may have any
 * strides, 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call
 * is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ssbmv(const oxpar_context *ctx,
                         int32_t uplo,
                         size_t n,
                         size_t k,
                         const float *alpha,
                         const float *a,
                         ptrdiff_t lda,
                         const float *x,
                         ptrdiff_t incx,
                         const float *beta,
                         float *y,
                         ptrdiff_t incy);

/**
 * `y := alpha*A*x + beta*y` with `A` a symmetric band matrix with `k` off-diagonals, held in
 * its `uplo` triangle, on doubles.
 *
 * The other triangle of `A` is not read. `beta == 0` does not read `y` (NaN there does not
 * come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used.
 *
 * Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
 * LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
 * `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
 * the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
 * is one); `x` is `n` elements; `y` is `n` elements. A vector is given by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `x` or `y` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; k
 * with `k + 1` overflowing; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `y` the same address,
 * `lda` below the band's `k + 1` rows, or an array beyond the address space). `a` and `x`
 * may share memory with `y`: the result is as if they were read first; `x` may have any
 * strides, 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call
 * is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dsbmv(const oxpar_context *ctx,
                         int32_t uplo,
                         size_t n,
                         size_t k,
                         const double *alpha,
                         const double *a,
                         ptrdiff_t lda,
                         const double *x,
                         ptrdiff_t incx,
                         const double *beta,
                         double *y,
                         ptrdiff_t incy);

/**
 * `y := alpha*A*x + beta*y` with `A` symmetric, held in its `uplo` triangle in packed
 * storage, on floats.
 *
 * `beta == 0` does not read `y` (NaN there does not come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
 * used.
 *
 * Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
 * `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
 * or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
 * triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
 * `x` is `n` elements; `y` is `n` elements. A vector is given by a pointer to its logical
 * first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `ap`, `x` or `y` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
 * elements of `y` the same address, or an array beyond the address space). `ap` and `x` may
 * share memory with `y`: the result is as if they were read first; `x` may have any strides,
 * 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_sspmv(const oxpar_context *ctx,
                         int32_t uplo,
                         size_t n,
                         const float *alpha,
                         const float *ap,
                         const float *x,
                         ptrdiff_t incx,
                         const float *beta,
                         float *y,
                         ptrdiff_t incy);

/**
 * `y := alpha*A*x + beta*y` with `A` symmetric, held in its `uplo` triangle in packed
 * storage, on doubles.
 *
 * `beta == 0` does not read `y` (NaN there does not come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
 * used.
 *
 * Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
 * `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
 * or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
 * triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
 * `x` is `n` elements; `y` is `n` elements. A vector is given by a pointer to its logical
 * first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `ap`, `x` or `y` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two
 * elements of `y` the same address, or an array beyond the address space). `ap` and `x` may
 * share memory with `y`: the result is as if they were read first; `x` may have any strides,
 * 0 included. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dspmv(const oxpar_context *ctx,
                         int32_t uplo,
                         size_t n,
                         const double *alpha,
                         const double *ap,
                         const double *x,
                         ptrdiff_t incx,
                         const double *beta,
                         double *y,
                         ptrdiff_t incy);

/**
 * `x := op(A)*x` with `A` a triangular band matrix with `k` off-diagonals, held in its
 * `uplo` triangle, on floats.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
 * LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
 * `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
 * the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
 * is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
 * space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
 * context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_stbmv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         size_t k,
                         const float *a,
                         ptrdiff_t lda,
                         float *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)*x` with `A` a triangular band matrix with `k` off-diagonals, held in its
 * `uplo` triangle, on doubles.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
 * LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
 * `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
 * the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
 * is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
 * space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
 * context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dtbmv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         size_t k,
                         const double *a,
                         ptrdiff_t lda,
                         double *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)*x` with `A` a triangular band matrix with `k` off-diagonals, held in its
 * `uplo` triangle, on single-precision complex numbers.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
 * LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
 * `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
 * the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
 * is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
 * space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
 * context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ctbmv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         size_t k,
                         const oxpar_c32 *a,
                         ptrdiff_t lda,
                         oxpar_c32 *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)*x` with `A` a triangular band matrix with `k` off-diagonals, held in its
 * `uplo` triangle, on double-precision complex numbers.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
 * LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
 * `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
 * the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
 * is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
 * space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
 * context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ztbmv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         size_t k,
                         const oxpar_c64 *a,
                         ptrdiff_t lda,
                         oxpar_c64 *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` a triangular band matrix with `k`
 * off-diagonals, held in its `uplo` triangle, on floats.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
 * singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
 * LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
 * `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
 * the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
 * is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
 * space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
 * context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_stbsv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         size_t k,
                         const float *a,
                         ptrdiff_t lda,
                         float *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` a triangular band matrix with `k`
 * off-diagonals, held in its `uplo` triangle, on doubles.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
 * singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
 * LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
 * `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
 * the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
 * is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
 * space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
 * context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dtbsv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         size_t k,
                         const double *a,
                         ptrdiff_t lda,
                         double *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` a triangular band matrix with `k`
 * off-diagonals, held in its `uplo` triangle, on single-precision complex numbers.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
 * singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
 * LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
 * `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
 * the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
 * is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
 * space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
 * context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ctbsv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         size_t k,
                         const oxpar_c32 *a,
                         ptrdiff_t lda,
                         oxpar_c32 *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` a triangular band matrix with `k`
 * off-diagonals, held in its `uplo` triangle, on double-precision complex numbers.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
 * singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is the `uplo` triangle of the `n x n` band matrix with `k` off-diagonals in
 * LAPACK band storage: element `(i, j)` of the triangle at `a[k + i - j + j*lda]` (upper) or
 * `a[i - j + j*lda]` (lower), `lda >= k + 1` (CBLAS row-major band data of one triangle is
 * the other triangle's band storage of the transpose: flip `uplo`, and `trans` where there
 * is one); `x` is `n` elements. A vector is given by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `a` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; k with `k + 1` overflowing; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `x` the same address, `lda` below the band's `k + 1` rows, or an array beyond the address
 * space). `a` may share memory with `x`: the result is as if it were read first. On an MPI
 * context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ztbsv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         size_t k,
                         const oxpar_c64 *a,
                         ptrdiff_t lda,
                         oxpar_c64 *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)*x` with `A` triangular, held in its `uplo` triangle in packed storage, on
 * floats.
 *
 * The diagonal of `A` is not read when `diag` is unit.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
 * is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
 * `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
 * or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
 * triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
 * `x` is `n` elements. A vector is given by a pointer to its logical first element and its
 * increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `ap` may share memory with `x`: the result is as if it
 * were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
 * not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_stpmv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const float *ap,
                         float *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)*x` with `A` triangular, held in its `uplo` triangle in packed storage, on
 * doubles.
 *
 * The diagonal of `A` is not read when `diag` is unit.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
 * is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
 * `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
 * or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
 * triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
 * `x` is `n` elements. A vector is given by a pointer to its logical first element and its
 * increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `ap` may share memory with `x`: the result is as if it
 * were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
 * not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dtpmv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const double *ap,
                         double *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)*x` with `A` triangular, held in its `uplo` triangle in packed storage, on
 * single-precision complex numbers.
 *
 * The diagonal of `A` is not read when `diag` is unit.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
 * is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
 * `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
 * or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
 * triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
 * `x` is `n` elements. A vector is given by a pointer to its logical first element and its
 * increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `ap` may share memory with `x`: the result is as if it
 * were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
 * not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ctpmv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const oxpar_c32 *ap,
                         oxpar_c32 *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)*x` with `A` triangular, held in its `uplo` triangle in packed storage, on
 * double-precision complex numbers.
 *
 * The diagonal of `A` is not read when `diag` is unit.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
 * is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
 * `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
 * or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
 * triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
 * `x` is `n` elements. A vector is given by a pointer to its logical first element and its
 * increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `ap` may share memory with `x`: the result is as if it
 * were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
 * not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ztpmv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const oxpar_c64 *ap,
                         oxpar_c64 *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle
 * in packed storage, on floats.
 *
 * The diagonal of `A` is not read when `diag` is unit. No test for singularity: a zero on
 * the diagonal gives infinities or NaN, as in BLAS.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
 * is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
 * `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
 * or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
 * triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
 * `x` is `n` elements. A vector is given by a pointer to its logical first element and its
 * increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `ap` may share memory with `x`: the result is as if it
 * were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
 * not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_stpsv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const float *ap,
                         float *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle
 * in packed storage, on doubles.
 *
 * The diagonal of `A` is not read when `diag` is unit. No test for singularity: a zero on
 * the diagonal gives infinities or NaN, as in BLAS.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
 * is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
 * `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
 * or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
 * triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
 * `x` is `n` elements. A vector is given by a pointer to its logical first element and its
 * increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `ap` may share memory with `x`: the result is as if it
 * were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
 * not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dtpsv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const double *ap,
                         double *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle
 * in packed storage, on single-precision complex numbers.
 *
 * The diagonal of `A` is not read when `diag` is unit. No test for singularity: a zero on
 * the diagonal gives infinities or NaN, as in BLAS.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
 * is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
 * `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
 * or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
 * triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
 * `x` is `n` elements. A vector is given by a pointer to its logical first element and its
 * increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `ap` may share memory with `x`: the result is as if it
 * were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
 * not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ctpsv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const oxpar_c32 *ap,
                         oxpar_c32 *x,
                         ptrdiff_t incx);

/**
 * `x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle
 * in packed storage, on double-precision complex numbers.
 *
 * The diagonal of `A` is not read when `diag` is unit. No test for singularity: a zero on
 * the diagonal gives infinities or NaN, as in BLAS.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(ap)
 * is `ap`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`):
 * whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `ap` is the `uplo` triangle of an `n x n` matrix packed column by column in
 * `n*(n+1)/2` contiguous elements: element `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`)
 * or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`) (row-packed data of one triangle is the other
 * triangle of the transpose packed by columns: flip `uplo`, and `trans` where there is one);
 * `x` is `n` elements. A vector is given by a pointer to its logical first element and its
 * increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; `ap` or `x` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither
 * `OXPAR_DIAG_NON_UNIT` nor `OXPAR_DIAG_UNIT`; an array not aligned for its type),
 * `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `x` the same address, or
 * an array beyond the address space). `ap` may share memory with `x`: the result is as if it
 * were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is
 * not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ztpsv(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t n,
                         const oxpar_c64 *ap,
                         oxpar_c64 *x,
                         ptrdiff_t incx);

/**
 * `A := alpha*x*x^T + A` on the `uplo` triangle of the symmetric `A` in packed storage, on
 * floats.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
 * used.
 *
 * Shapes: `x` is `n` elements; `ap` is the `uplo` triangle of an `n x n` matrix packed
 * column by column in `n*(n+1)/2` contiguous elements: element `(i, j)` at
 * `ap[i + j*(j+1)/2]` (upper, `i <= j`) or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`)
 * (row-packed data of one triangle is the other triangle of the transpose packed by columns:
 * flip `uplo`, and `trans` where there is one). A vector is given by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x` or `ap` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (an array beyond the
 * address space). `x` may have any strides, 0 included, and may share memory with `ap`: the
 * result is as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every
 * rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_sspr(const oxpar_context *ctx,
                        int32_t uplo,
                        size_t n,
                        const float *alpha,
                        const float *x,
                        ptrdiff_t incx,
                        float *ap);

/**
 * `A := alpha*x*x^T + A` on the `uplo` triangle of the symmetric `A` in packed storage, on
 * doubles.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
 * used.
 *
 * Shapes: `x` is `n` elements; `ap` is the `uplo` triangle of an `n x n` matrix packed
 * column by column in `n*(n+1)/2` contiguous elements: element `(i, j)` at
 * `ap[i + j*(j+1)/2]` (upper, `i <= j`) or `ap[i + j*(2*n-j-1)/2]` (lower, `i >= j`)
 * (row-packed data of one triangle is the other triangle of the transpose packed by columns:
 * flip `uplo`, and `trans` where there is one). A vector is given by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x` or `ap` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (an array beyond the
 * address space). `x` may have any strides, 0 included, and may share memory with `ap`: the
 * result is as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every
 * rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dspr(const oxpar_context *ctx,
                        int32_t uplo,
                        size_t n,
                        const double *alpha,
                        const double *x,
                        ptrdiff_t incx,
                        double *ap);

/**
 * `A := alpha*(x*y^T + y*x^T) + A` on the `uplo` triangle of the symmetric `A` in packed
 * storage, on floats.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
 * used.
 *
 * Shapes: `x` is `n` elements; `y` is `n` elements; `ap` is the `uplo` triangle of an
 * `n x n` matrix packed column by column in `n*(n+1)/2` contiguous elements: element
 * `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`) or `ap[i + j*(2*n-j-1)/2]` (lower,
 * `i >= j`) (row-packed data of one triangle is the other triangle of the transpose packed
 * by columns: flip `uplo`, and `trans` where there is one). A vector is given by a pointer
 * to its logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x`, `y` or `ap` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (an array beyond the
 * address space). `x` and `y` may have any strides, 0 included, and may share memory with
 * `ap`: the result is as if they were read first. On an MPI context
 * `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_sspr2(const oxpar_context *ctx,
                         int32_t uplo,
                         size_t n,
                         const float *alpha,
                         const float *x,
                         ptrdiff_t incx,
                         const float *y,
                         ptrdiff_t incy,
                         float *ap);

/**
 * `A := alpha*(x*y^T + y*x^T) + A` on the `uplo` triangle of the symmetric `A` in packed
 * storage, on doubles.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `ap` (as stored) is
 * used.
 *
 * Shapes: `x` is `n` elements; `y` is `n` elements; `ap` is the `uplo` triangle of an
 * `n x n` matrix packed column by column in `n*(n+1)/2` contiguous elements: element
 * `(i, j)` at `ap[i + j*(j+1)/2]` (upper, `i <= j`) or `ap[i + j*(2*n-j-1)/2]` (lower,
 * `i >= j`) (row-packed data of one triangle is the other triangle of the transpose packed
 * by columns: flip `uplo`, and `trans` where there is one). A vector is given by a pointer
 * to its logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `x`, `y` or `ap` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (an array beyond the
 * address space). `x` and `y` may have any strides, 0 included, and may share memory with
 * `ap`: the result is as if they were read first. On an MPI context
 * `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dspr2(const oxpar_context *ctx,
                         int32_t uplo,
                         size_t n,
                         const double *alpha,
                         const double *x,
                         ptrdiff_t incx,
                         const double *y,
                         ptrdiff_t incy,
                         double *ap);

/**
 * `C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A`
 * symmetric, held in its `uplo` triangle, on floats.
 *
 * The other triangle of `A` is not read. `beta == 0` does not read `C` (NaN there does not
 * come out).
 *
 * `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
 * stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
 * stored) is used.
 *
 * Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
 * stored; `b` is `m x n` as stored; `c` is `m x n` as stored. A matrix is given by a pointer
 * to its element (0, 0) and its element strides (row, column): column-major (Fortran) data
 * has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
 * uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; an array not aligned for its
 * type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `c` the same
 * address, or an array beyond the address space). `a` and `b` may have any strides, 0
 * included, and may share memory with `c`: the result is as if they were read first. On an
 * MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ssymm(const oxpar_context *ctx,
                         int32_t side,
                         int32_t uplo,
                         size_t m,
                         size_t n,
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
 * `C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A`
 * symmetric, held in its `uplo` triangle, on doubles.
 *
 * The other triangle of `A` is not read. `beta == 0` does not read `C` (NaN there does not
 * come out).
 *
 * `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
 * stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
 * stored) is used.
 *
 * Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
 * stored; `b` is `m x n` as stored; `c` is `m x n` as stored. A matrix is given by a pointer
 * to its element (0, 0) and its element strides (row, column): column-major (Fortran) data
 * has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
 * uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; an array not aligned for its
 * type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `c` the same
 * address, or an array beyond the address space). `a` and `b` may have any strides, 0
 * included, and may share memory with `c`: the result is as if they were read first. On an
 * MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dsymm(const oxpar_context *ctx,
                         int32_t side,
                         int32_t uplo,
                         size_t m,
                         size_t n,
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
 * `C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A`
 * symmetric, held in its `uplo` triangle, on single-precision complex numbers.
 *
 * The other triangle of `A` is not read. `beta == 0` does not read `C` (NaN there does not
 * come out).
 *
 * `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
 * stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
 * stored) is used.
 *
 * Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
 * stored; `b` is `m x n` as stored; `c` is `m x n` as stored. A matrix is given by a pointer
 * to its element (0, 0) and its element strides (row, column): column-major (Fortran) data
 * has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
 * uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; an array not aligned for its
 * type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `c` the same
 * address, or an array beyond the address space). `a` and `b` may have any strides, 0
 * included, and may share memory with `c`: the result is as if they were read first. On an
 * MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_csymm(const oxpar_context *ctx,
                         int32_t side,
                         int32_t uplo,
                         size_t m,
                         size_t n,
                         const oxpar_c32 *alpha,
                         const oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const oxpar_c32 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         const oxpar_c32 *beta,
                         oxpar_c32 *c,
                         ptrdiff_t rsc,
                         ptrdiff_t csc);

/**
 * `C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A`
 * symmetric, held in its `uplo` triangle, on double-precision complex numbers.
 *
 * The other triangle of `A` is not read. `beta == 0` does not read `C` (NaN there does not
 * come out).
 *
 * `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
 * stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
 * stored) is used.
 *
 * Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
 * stored; `b` is `m x n` as stored; `c` is `m x n` as stored. A matrix is given by a pointer
 * to its element (0, 0) and its element strides (row, column): column-major (Fortran) data
 * has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
 * uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; an array not aligned for its
 * type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `c` the same
 * address, or an array beyond the address space). `a` and `b` may have any strides, 0
 * included, and may share memory with `c`: the result is as if they were read first. On an
 * MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_zsymm(const oxpar_context *ctx,
                         int32_t side,
                         int32_t uplo,
                         size_t m,
                         size_t n,
                         const oxpar_c64 *alpha,
                         const oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const oxpar_c64 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         const oxpar_c64 *beta,
                         oxpar_c64 *c,
                         ptrdiff_t rsc,
                         ptrdiff_t csc);

/**
 * `C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A`
 * Hermitian, held in its `uplo` triangle, on single-precision complex numbers.
 *
 * The other triangle of `A` is not read, nor the imaginary parts of its diagonal (taken as
 * 0). `beta == 0` does not read `C` (NaN there does not come out).
 *
 * `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
 * stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
 * stored) is used.
 *
 * Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
 * stored; `b` is `m x n` as stored; `c` is `m x n` as stored. A matrix is given by a pointer
 * to its element (0, 0) and its element strides (row, column): column-major (Fortran) data
 * has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
 * uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; an array not aligned for its
 * type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `c` the same
 * address, or an array beyond the address space). `a` and `b` may have any strides, 0
 * included, and may share memory with `c`: the result is as if they were read first. On an
 * MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_chemm(const oxpar_context *ctx,
                         int32_t side,
                         int32_t uplo,
                         size_t m,
                         size_t n,
                         const oxpar_c32 *alpha,
                         const oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const oxpar_c32 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         const oxpar_c32 *beta,
                         oxpar_c32 *c,
                         ptrdiff_t rsc,
                         ptrdiff_t csc);

/**
 * `C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A`
 * Hermitian, held in its `uplo` triangle, on double-precision complex numbers.
 *
 * The other triangle of `A` is not read, nor the imaginary parts of its diagonal (taken as
 * 0). `beta == 0` does not read `C` (NaN there does not come out).
 *
 * `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
 * stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
 * stored) is used.
 *
 * Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
 * stored; `b` is `m x n` as stored; `c` is `m x n` as stored. A matrix is given by a pointer
 * to its element (0, 0) and its element strides (row, column): column-major (Fortran) data
 * has `rs = 1, cs = ld`, row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its
 * logical first element and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
 * uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; an array not aligned for its
 * type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of `c` the same
 * address, or an array beyond the address space). `a` and `b` may have any strides, 0
 * included, and may share memory with `c`: the result is as if they were read first. On an
 * MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_zhemm(const oxpar_context *ctx,
                         int32_t side,
                         int32_t uplo,
                         size_t m,
                         size_t n,
                         const oxpar_c64 *alpha,
                         const oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const oxpar_c64 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         const oxpar_c64 *beta,
                         oxpar_c64 *c,
                         ptrdiff_t rsc,
                         ptrdiff_t csc);

/**
 * `C := alpha*A*A^T + beta*C` (trans no, `A` is `n x k`) or `alpha*A^T*A + beta*C` (trans
 * yes, `A` is `k x n`) on the `uplo` triangle of the symmetric `C`, on floats.
 *
 * The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
 * there does not come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `c` the same address, or an array beyond the address space). `a` may have any strides, 0
 * included, and may share memory with `c`: the result is as if it were read first. On an MPI
 * context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ssyrk(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         size_t n,
                         size_t k,
                         const float *alpha,
                         const float *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const float *beta,
                         float *c,
                         ptrdiff_t rsc,
                         ptrdiff_t csc);

/**
 * `C := alpha*A*A^T + beta*C` (trans no, `A` is `n x k`) or `alpha*A^T*A + beta*C` (trans
 * yes, `A` is `k x n`) on the `uplo` triangle of the symmetric `C`, on doubles.
 *
 * The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
 * there does not come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `c` the same address, or an array beyond the address space). `a` may have any strides, 0
 * included, and may share memory with `c`: the result is as if it were read first. On an MPI
 * context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dsyrk(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         size_t n,
                         size_t k,
                         const double *alpha,
                         const double *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const double *beta,
                         double *c,
                         ptrdiff_t rsc,
                         ptrdiff_t csc);

/**
 * `C := alpha*A*A^T + beta*C` (trans no, `A` is `n x k`) or `alpha*A^T*A + beta*C` (trans
 * yes, `A` is `k x n`) on the `uplo` triangle of the symmetric `C`, on single-precision
 * complex numbers.
 *
 * The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
 * there does not come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `c` the same address, or an array beyond the address space). `a` may have any strides, 0
 * included, and may share memory with `c`: the result is as if it were read first. On an MPI
 * context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_csyrk(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         size_t n,
                         size_t k,
                         const oxpar_c32 *alpha,
                         const oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const oxpar_c32 *beta,
                         oxpar_c32 *c,
                         ptrdiff_t rsc,
                         ptrdiff_t csc);

/**
 * `C := alpha*A*A^T + beta*C` (trans no, `A` is `n x k`) or `alpha*A^T*A + beta*C` (trans
 * yes, `A` is `k x n`) on the `uplo` triangle of the symmetric `C`, on double-precision
 * complex numbers.
 *
 * The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
 * there does not come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `c` the same address, or an array beyond the address space). `a` may have any strides, 0
 * included, and may share memory with `c`: the result is as if it were read first. On an MPI
 * context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_zsyrk(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         size_t n,
                         size_t k,
                         const oxpar_c64 *alpha,
                         const oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const oxpar_c64 *beta,
                         oxpar_c64 *c,
                         ptrdiff_t rsc,
                         ptrdiff_t csc);

/**
 * `C := alpha*(A*B^T + B*A^T) + beta*C` (trans no, `A` and `B` are `n x k`) or
 * `alpha*(A^T*B + B^T*A) + beta*C` (trans yes, `k x n`) on the `uplo` triangle of the
 * symmetric `C`, on floats.
 *
 * The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
 * there does not come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a,
 * b) is `a, b`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose
 * for real elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `b` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `c` the same address, or an array beyond the address space). `a` and `b` may have any
 * strides, 0 included, and may share memory with `c`: the result is as if they were read
 * first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ssyr2k(const oxpar_context *ctx,
                          int32_t uplo,
                          int32_t trans,
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
 * `C := alpha*(A*B^T + B*A^T) + beta*C` (trans no, `A` and `B` are `n x k`) or
 * `alpha*(A^T*B + B^T*A) + beta*C` (trans yes, `k x n`) on the `uplo` triangle of the
 * symmetric `C`, on doubles.
 *
 * The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
 * there does not come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a,
 * b) is `a, b`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose
 * for real elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `b` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `c` the same address, or an array beyond the address space). `a` and `b` may have any
 * strides, 0 included, and may share memory with `c`: the result is as if they were read
 * first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dsyr2k(const oxpar_context *ctx,
                          int32_t uplo,
                          int32_t trans,
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
 * `C := alpha*(A*B^T + B*A^T) + beta*C` (trans no, `A` and `B` are `n x k`) or
 * `alpha*(A^T*B + B^T*A) + beta*C` (trans yes, `k x n`) on the `uplo` triangle of the
 * symmetric `C`, on single-precision complex numbers.
 *
 * The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
 * there does not come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a,
 * b) is `a, b`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose
 * for real elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `b` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `c` the same address, or an array beyond the address space). `a` and `b` may have any
 * strides, 0 included, and may share memory with `c`: the result is as if they were read
 * first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_csyr2k(const oxpar_context *ctx,
                          int32_t uplo,
                          int32_t trans,
                          size_t n,
                          size_t k,
                          const oxpar_c32 *alpha,
                          const oxpar_c32 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const oxpar_c32 *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb,
                          const oxpar_c32 *beta,
                          oxpar_c32 *c,
                          ptrdiff_t rsc,
                          ptrdiff_t csc);

/**
 * `C := alpha*(A*B^T + B*A^T) + beta*C` (trans no, `A` and `B` are `n x k`) or
 * `alpha*(A^T*B + B^T*A) + beta*C` (trans yes, `k x n`) on the `uplo` triangle of the
 * symmetric `C`, on double-precision complex numbers.
 *
 * The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN
 * there does not come out).
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a,
 * b) is `a, b`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose
 * for real elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `b` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `c` the same address, or an array beyond the address space). `a` and `b` may have any
 * strides, 0 included, and may share memory with `c`: the result is as if they were read
 * first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_zsyr2k(const oxpar_context *ctx,
                          int32_t uplo,
                          int32_t trans,
                          size_t n,
                          size_t k,
                          const oxpar_c64 *alpha,
                          const oxpar_c64 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const oxpar_c64 *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb,
                          const oxpar_c64 *beta,
                          oxpar_c64 *c,
                          ptrdiff_t rsc,
                          ptrdiff_t csc);

/**
 * `C := alpha*op(A)*op(A)^H + beta*C` (`alpha`, `beta` real) on the `uplo` triangle of the
 * Hermitian `n x n` `C`, `op(A)` being `n x k`: `A` (trans no, stored `n x k`) or `A^H`
 * (trans conj, stored `k x n`), on single-precision complex numbers.
 *
 * The other triangle of `C` is neither read nor written, and its diagonal comes out real.
 * `beta == 0` does not read `C` (NaN there does not come out). `OXPAR_TRANS_YES` takes
 * `op(A) = A^T`, which BLAS does not offer.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `c` the same address, or an array beyond the address space). `a` may have any strides, 0
 * included, and may share memory with `c`: the result is as if it were read first. On an MPI
 * context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_cherk(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         size_t n,
                         size_t k,
                         const float *alpha,
                         const oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const float *beta,
                         oxpar_c32 *c,
                         ptrdiff_t rsc,
                         ptrdiff_t csc);

/**
 * `C := alpha*op(A)*op(A)^H + beta*C` (`alpha`, `beta` real) on the `uplo` triangle of the
 * Hermitian `n x n` `C`, `op(A)` being `n x k`: `A` (trans no, stored `n x k`) or `A^H`
 * (trans conj, stored `k x n`), on double-precision complex numbers.
 *
 * The other triangle of `C` is neither read nor written, and its diagonal comes out real.
 * `beta == 0` does not read `C` (NaN there does not come out). `OXPAR_TRANS_YES` takes
 * `op(A) = A^T`, which BLAS does not offer.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a)
 * is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose for
 * real elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `c` the same address, or an array beyond the address space). `a` may have any strides, 0
 * included, and may share memory with `c`: the result is as if it were read first. On an MPI
 * context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_zherk(const oxpar_context *ctx,
                         int32_t uplo,
                         int32_t trans,
                         size_t n,
                         size_t k,
                         const double *alpha,
                         const oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         const double *beta,
                         oxpar_c64 *c,
                         ptrdiff_t rsc,
                         ptrdiff_t csc);

/**
 * `C := alpha*op(A)*op(B)^H + conj(alpha)*op(B)*op(A)^H + beta*C` (`beta` real) on the
 * `uplo` triangle of the Hermitian `n x n` `C`, `op(A)`, `op(B)` being `n x k`: as stored
 * (trans no) or `A^H`, `B^H` (trans conj, stored `k x n`), on single-precision complex
 * numbers.
 *
 * The other triangle of `C` is neither read nor written, and its diagonal comes out real.
 * `beta == 0` does not read `C` (NaN there does not come out). `OXPAR_TRANS_YES` takes the
 * plain transposes, which BLAS does not offer.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a,
 * b) is `a, b`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose
 * for real elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `b` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `c` the same address, or an array beyond the address space). `a` and `b` may have any
 * strides, 0 included, and may share memory with `c`: the result is as if they were read
 * first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_cher2k(const oxpar_context *ctx,
                          int32_t uplo,
                          int32_t trans,
                          size_t n,
                          size_t k,
                          const oxpar_c32 *alpha,
                          const oxpar_c32 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const oxpar_c32 *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb,
                          const float *beta,
                          oxpar_c32 *c,
                          ptrdiff_t rsc,
                          ptrdiff_t csc);

/**
 * `C := alpha*op(A)*op(B)^H + conj(alpha)*op(B)*op(A)^H + beta*C` (`beta` real) on the
 * `uplo` triangle of the Hermitian `n x n` `C`, `op(A)`, `op(B)` being `n x k`: as stored
 * (trans no) or `A^H`, `B^H` (trans conj, stored `k x n`), on double-precision complex
 * numbers.
 *
 * The other triangle of `C` is neither read nor written, and its diagonal comes out real.
 * `beta == 0` does not read `C` (NaN there does not come out). `OXPAR_TRANS_YES` takes the
 * plain transposes, which BLAS does not offer.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `c` (as stored) is
 * used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`): whether op(a,
 * b) is `a, b`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the transpose
 * for real elements, as BLAS's `'C'`).
 *
 * Shapes: `a` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `b` is `n x k` (trans = `OXPAR_TRANS_NO`) or `k x n` (`OXPAR_TRANS_YES`) as
 * stored; `c` is `n x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; `a`, `b` or `c` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`;
 * trans none of `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not
 * aligned for its type), `OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of
 * `c` the same address, or an array beyond the address space). `a` and `b` may have any
 * strides, 0 included, and may share memory with `c`: the result is as if they were read
 * first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the call is not
 * collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_zher2k(const oxpar_context *ctx,
                          int32_t uplo,
                          int32_t trans,
                          size_t n,
                          size_t k,
                          const oxpar_c64 *alpha,
                          const oxpar_c64 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const oxpar_c64 *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb,
                          const double *beta,
                          oxpar_c64 *c,
                          ptrdiff_t rsc,
                          ptrdiff_t csc);

/**
 * `B := alpha*op(A)*B` (side left) or `alpha*B*op(A)` (side right) with `A` triangular, held
 * in its `uplo` triangle, on floats.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
 *
 * `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
 * stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
 * stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
 * whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
 * transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
 * `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
 * stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
 * uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
 * `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
 * (strides that give two elements of `b` the same address, or an array beyond the address
 * space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
 * as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
 * call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_strmm(const oxpar_context *ctx,
                         int32_t side,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t m,
                         size_t n,
                         const float *alpha,
                         const float *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         float *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb);

/**
 * `B := alpha*op(A)*B` (side left) or `alpha*B*op(A)` (side right) with `A` triangular, held
 * in its `uplo` triangle, on doubles.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
 *
 * `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
 * stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
 * stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
 * whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
 * transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
 * `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
 * stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
 * uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
 * `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
 * (strides that give two elements of `b` the same address, or an array beyond the address
 * space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
 * as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
 * call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dtrmm(const oxpar_context *ctx,
                         int32_t side,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t m,
                         size_t n,
                         const double *alpha,
                         const double *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         double *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb);

/**
 * `B := alpha*op(A)*B` (side left) or `alpha*B*op(A)` (side right) with `A` triangular, held
 * in its `uplo` triangle, on single-precision complex numbers.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
 *
 * `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
 * stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
 * stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
 * whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
 * transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
 * `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
 * stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
 * uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
 * `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
 * (strides that give two elements of `b` the same address, or an array beyond the address
 * space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
 * as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
 * call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ctrmm(const oxpar_context *ctx,
                         int32_t side,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t m,
                         size_t n,
                         const oxpar_c32 *alpha,
                         const oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         oxpar_c32 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb);

/**
 * `B := alpha*op(A)*B` (side left) or `alpha*B*op(A)` (side right) with `A` triangular, held
 * in its `uplo` triangle, on double-precision complex numbers.
 *
 * The other triangle of `A` is not read, nor its diagonal when `diag` is unit.
 *
 * `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
 * stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
 * stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
 * whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
 * transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
 * `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
 * stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
 * uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
 * `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
 * (strides that give two elements of `b` the same address, or an array beyond the address
 * space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
 * as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
 * call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ztrmm(const oxpar_context *ctx,
                         int32_t side,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t m,
                         size_t n,
                         const oxpar_c64 *alpha,
                         const oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         oxpar_c64 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb);

/**
 * `B := alpha*op(A)^-1*B` (side left) or `alpha*B*op(A)^-1` (side right) with `A`
 * triangular, held in its `uplo` triangle, on floats.
 *
 * Solves `op(A)*X = alpha*B` or `X*op(A) = alpha*B` for `X`, which overwrites `B`. The other
 * triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
 * singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
 *
 * `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
 * stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
 * stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
 * whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
 * transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
 * `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
 * stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
 * uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
 * `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
 * (strides that give two elements of `b` the same address, or an array beyond the address
 * space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
 * as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
 * call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_strsm(const oxpar_context *ctx,
                         int32_t side,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t m,
                         size_t n,
                         const float *alpha,
                         const float *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         float *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb);

/**
 * `B := alpha*op(A)^-1*B` (side left) or `alpha*B*op(A)^-1` (side right) with `A`
 * triangular, held in its `uplo` triangle, on doubles.
 *
 * Solves `op(A)*X = alpha*B` or `X*op(A) = alpha*B` for `X`, which overwrites `B`. The other
 * triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
 * singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
 *
 * `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
 * stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
 * stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
 * whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
 * transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
 * `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
 * stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
 * uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
 * `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
 * (strides that give two elements of `b` the same address, or an array beyond the address
 * space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
 * as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
 * call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_dtrsm(const oxpar_context *ctx,
                         int32_t side,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t m,
                         size_t n,
                         const double *alpha,
                         const double *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         double *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb);

/**
 * `B := alpha*op(A)^-1*B` (side left) or `alpha*B*op(A)^-1` (side right) with `A`
 * triangular, held in its `uplo` triangle, on single-precision complex numbers.
 *
 * Solves `op(A)*X = alpha*B` or `X*op(A) = alpha*B` for `X`, which overwrites `B`. The other
 * triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
 * singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
 *
 * `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
 * stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
 * stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
 * whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
 * transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
 * `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
 * stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
 * uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
 * `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
 * (strides that give two elements of `b` the same address, or an array beyond the address
 * space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
 * as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
 * call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ctrsm(const oxpar_context *ctx,
                         int32_t side,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t m,
                         size_t n,
                         const oxpar_c32 *alpha,
                         const oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         oxpar_c32 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb);

/**
 * `B := alpha*op(A)^-1*B` (side left) or `alpha*B*op(A)^-1` (side right) with `A`
 * triangular, held in its `uplo` triangle, on double-precision complex numbers.
 *
 * Solves `op(A)*X = alpha*B` or `X*op(A) = alpha*B` for `X`, which overwrites `B`. The other
 * triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for
 * singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.
 *
 * `side` (`OXPAR_SIDE_LEFT` or `OXPAR_SIDE_RIGHT`): on which side of `b` the matrix `a`
 * stands; `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): which triangle of `a` (as
 * stored) is used; `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`):
 * whether op(a) is `a`, its transpose or its conjugate transpose (`OXPAR_TRANS_CONJ`, the
 * transpose for real elements, as BLAS's `'C'`); `diag` (`OXPAR_DIAG_NON_UNIT` or
 * `OXPAR_DIAG_UNIT`): whether the diagonal of `a` is read or taken as all ones.
 *
 * Shapes: `a` is `m x m` (side = `OXPAR_SIDE_LEFT`) or `n x n` (`OXPAR_SIDE_RIGHT`) as
 * stored; `b` is `m x n` as stored. A matrix is given by a pointer to its element (0, 0) and
 * its element strides (row, column): column-major (Fortran) data has `rs = 1, cs = ld`,
 * row-major (C) data `rs = ld, cs = 1`; a vector by a pointer to its logical first element
 * and its increment.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; `a` or `b` when not empty),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (side neither `OXPAR_SIDE_LEFT` nor `OXPAR_SIDE_RIGHT`;
 * uplo neither `OXPAR_UPLO_UPPER` nor `OXPAR_UPLO_LOWER`; trans none of `OXPAR_TRANS_NO`,
 * `OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; diag neither `OXPAR_DIAG_NON_UNIT` nor
 * `OXPAR_DIAG_UNIT`; an array not aligned for its type), `OXPAR_STATUS_INVALID_STRIDE`
 * (strides that give two elements of `b` the same address, or an array beyond the address
 * space). `a` may have any strides, 0 included, and may share memory with `b`: the result is
 * as if it were read first. On an MPI context `OXPAR_STATUS_UNSUPPORTED` on every rank (the
 * call is not collective).
 *
 * # Safety
 * `ctx` is NULL or a live context; every non-NULL pointer addresses the elements its sizes
 * and strides describe (readable, and writable for outputs) for the duration of the call.
 */
oxpar_status oxpar_ztrsm(const oxpar_context *ctx,
                         int32_t side,
                         int32_t uplo,
                         int32_t trans,
                         int32_t diag,
                         size_t m,
                         size_t n,
                         const oxpar_c64 *alpha,
                         const oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         oxpar_c64 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb);

/**
 * What this build offers on this machine, as the text `oxpar info` prints
 * (without its MPI part): the version, the backends and whether each is
 * usable, the default thread count and where it came from
 * (`OXPAR_NUM_THREADS`, else `OMP_NUM_THREADS`, else the CPUs this process
 * may use), the CPU level and features, the OpenCL devices. Lines end in
 * `\n`. Gathered at each call, so it follows the environment.
 *
 * The string belongs to oxpar: do not free it; it stays valid until the next
 * `oxpar_info_text` call on the calling thread.
 *
 * Never fails (an invalid `OXPAR_NUM_THREADS` is reported in the text).
 */
const char *oxpar_info_text(void);

/**
 * LU factorization with partial pivoting of the `m x n` matrix `a` (floats), in place: `A = P*L*U`, LAPACK's `getrf`.
 *
 * `L` (unit lower triangular or trapezoidal, its unit diagonal not
 * stored) overwrites `a` below the diagonal, `U` on and above it.
 * `ipiv` (`min(m, n)` elements, `int64_t`) receives the 1-based
 * pivots: row `i` was interchanged with row `ipiv[i - 1]`, as in
 * LAPACK. `a` is given by a pointer to its element (0, 0) and its
 * element strides (`rsa`, `csa`; column-major: `1, lda`).
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based column of an exactly zero pivot on
 * `OXPAR_STATUS_SINGULAR`, after which `a` and `ipiv` hold the
 * completed factorization, as LAPACK leaves them.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`ipiv` of a
 * non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE` (strides that make
 * two elements of `a` share an address), `OXPAR_STATUS_INVALID_ARGUMENT`
 * (`ipiv` overlapping `a` or misaligned), `OXPAR_STATUS_SINGULAR`, and
 * `OXPAR_STATUS_UNSUPPORTED` on an MPI context (distributed
 * factorizations are not there yet).
 *
 * # Safety
 * `ctx` is a live context; `a` spans the `m x n` elements its strides
 * describe, writable; `ipiv` holds `min(m, n)` writable elements;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_sgetrf(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          float *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *ipiv,
                          int64_t *info);

/**
 * Solves `op(A)*X = B` (floats) with the LU factors and pivots of the `n x n` matrix `A` from `oxpar_sgetrf`; LAPACK's `getrs`.
 *
 * `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`)
 * picks `A`, `A^T` or `A^H`. `X` overwrites the `n x nrhs` matrix `b`.
 * `ipiv` holds the `n` 1-based pivots `getrf` wrote. No test for a
 * zero on `U`'s diagonal (as LAPACK's `getrs`): a singular factor
 * gives infinities or NaN.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (for `b`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `trans`, a
 * pivot outside `1..=n`), `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read);
 * `ipiv` holds `n` readable elements; `b` spans its `n x nrhs`
 * elements, writable.
 */
oxpar_status oxpar_sgetrs(const oxpar_context *ctx,
                          int32_t trans,
                          size_t n,
                          size_t nrhs,
                          const float *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const int64_t *ipiv,
                          float *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb);

/**
 * Solves `A*X = B` (floats) for the `n x n` matrix `A` by LU with partial pivoting; LAPACK's `gesv`.
 *
 * `a` is overwritten by its factors, `ipiv` (`n` elements) by the
 * 1-based pivots, the `n x nrhs` matrix `b` by `X`. `a` and `b` must
 * not share elements.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based column of an exactly zero pivot on
 * `OXPAR_STATUS_SINGULAR`, after which `a` and `ipiv` hold the
 * completed factorization and `b` is unchanged.
 *
 * Errors: as `oxpar_sgetrf`, plus `OXPAR_STATUS_INVALID_ARGUMENT` when `b`
 * shares elements with `a` or `ipiv`.
 *
 * # Safety
 * As `oxpar_sgetrf` for `a`, `ipiv` (`n` elements) and `info`; `b` spans its
 * `n x nrhs` elements, writable.
 */
oxpar_status oxpar_sgesv(const oxpar_context *ctx,
                         size_t n,
                         size_t nrhs,
                         float *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         int64_t *ipiv,
                         float *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         int64_t *info);

/**
 * Cholesky factorization (floats) of the Hermitian (symmetric) positive definite `n x n` matrix held in the `uplo` triangle of `a`, in place; LAPACK's `potrf`.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): `A = U^H*U` or
 * `A = L*L^H`, the factor overwriting that triangle; the other
 * triangle is neither read nor written, and the imaginary parts of
 * the diagonal are taken as zero.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * order of the leading minor that is not positive definite (a NaN on
 * the diagonal counts, as in LAPACK) on
 * `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`; then the columns before it
 * hold the factor of the leading minor, as LAPACK leaves them.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
 * `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`, `OXPAR_STATUS_UNSUPPORTED`
 * on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_spotrf(const oxpar_context *ctx,
                          int32_t uplo,
                          size_t n,
                          float *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *info);

/**
 * Solves `A*X = B` (floats) with the Cholesky factor of `A` from `oxpar_spotrf` in the `uplo` triangle of `a`; LAPACK's `potrs`.
 *
 * `X` overwrites the `n x nrhs` matrix `b`; the other triangle of `a`
 * is not read.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (for `b`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
 * `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read); `b`
 * spans its `n x nrhs` elements, writable.
 */
oxpar_status oxpar_spotrs(const oxpar_context *ctx,
                          int32_t uplo,
                          size_t n,
                          size_t nrhs,
                          const float *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          float *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb);

/**
 * Solves `A*X = B` (floats) for the Hermitian (symmetric) positive definite `n x n` matrix `A` held in the `uplo` triangle of `a`, by Cholesky; LAPACK's `posv`.
 *
 * The factor overwrites that triangle of `a`, `X` the `n x nrhs`
 * matrix `b`; `a` and `b` must not share elements. `info` as in
 * `oxpar_spotrf`; on `OXPAR_STATUS_NOT_POSITIVE_DEFINITE` `b` is unchanged.
 *
 * Errors: as `oxpar_spotrf`, plus `OXPAR_STATUS_INVALID_ARGUMENT` when `b`
 * shares elements with `a`.
 *
 * # Safety
 * As `oxpar_spotrf`; `b` spans its `n x nrhs` elements, writable.
 */
oxpar_status oxpar_sposv(const oxpar_context *ctx,
                         int32_t uplo,
                         size_t n,
                         size_t nrhs,
                         float *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         float *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         int64_t *info);

/**
 * Overwrites the LU factors of the `n x n` matrix `A` in `a` (floats), with their pivots from `oxpar_sgetrf`, by `inv(A)`; LAPACK's `getri`.
 *
 * `ipiv` holds the `n` 1-based pivots `oxpar_sgetrf` wrote. No workspace
 * argument: the library allocates an `n x n` one.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based index of an exactly zero element of `U`'s diagonal on
 * `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (a pivot outside `1..=n`),
 * `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `ipiv` holds `n` readable elements; `info` is NULL or writable.
 */
oxpar_status oxpar_sgetri(const oxpar_context *ctx,
                          size_t n,
                          float *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const int64_t *ipiv,
                          int64_t *info);

/**
 * Overwrites the Cholesky factor of `A` from `oxpar_spotrf` in the `uplo` triangle of `a` (floats) by the same triangle of `inv(A)`; LAPACK's `potri`.
 *
 * The other triangle is neither read nor written (the inverse is
 * Hermitian: mirror it to have the whole matrix).
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based index of an exactly zero element of the factor's diagonal on
 * `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
 * `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_spotri(const oxpar_context *ctx,
                          int32_t uplo,
                          size_t n,
                          float *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *info);

/**
 * Inverts the triangular `n x n` matrix held in the `uplo` triangle of `a` (floats), in place; LAPACK's `trtri`.
 *
 * `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`): with a unit
 * diagonal the diagonal is taken as 1 and not referenced. The other
 * triangle is neither read nor written.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based index of an exactly zero diagonal element on
 * `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo` or `diag`),
 * `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_strtri(const oxpar_context *ctx,
                          int32_t uplo,
                          int32_t diag,
                          size_t n,
                          float *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *info);

/**
 * The determinant of the `n x n` matrix `a` (floats) into `*det`, by LU with partial pivoting (NumPy's `det`).
 *
 * `a` is only read (a private copy is factored). A singular matrix is
 * no error: its determinant is 0. The determinant of a `0 x 0` matrix
 * is 1. For large matrices, whose determinant over- or underflows, use
 * `oxpar_sslogdet`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, `det`, or `a` of a
 * non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_UNSUPPORTED` on MPI; `*det` is written only on success.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read); `det`
 * is writable.
 */
oxpar_status oxpar_sdet(const oxpar_context *ctx,
                        size_t n,
                        const float *a,
                        ptrdiff_t rsa,
                        ptrdiff_t csa,
                        float *det);

/**
 * The sign and the logarithm of the absolute value of the determinant of the `n x n` matrix `a` (floats), NumPy's `slogdet`.
 *
 * `det = *sign * exp(*logabs)`, computed without over- or underflow.
 * For a real type `*sign` is 1, -1, or 0 for a singular matrix; for a
 * complex type it is the determinant's phase (modulus 1), or 0 for a
 * singular matrix. A singular matrix gives `*logabs = -INFINITY` and no
 * error. `a` is only read (a private copy is factored).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, `sign`, `logabs`, or `a`
 * of a non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_UNSUPPORTED` on MPI; the outputs are written only on
 * success.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read); `sign`
 * and `logabs` are writable.
 */
oxpar_status oxpar_sslogdet(const oxpar_context *ctx,
                            size_t n,
                            const float *a,
                            ptrdiff_t rsa,
                            ptrdiff_t csa,
                            float *sign,
                            float *logabs);

/**
 * Solves the `count` systems `A_k*X_k = B_k` (floats) of a batch, each by LU with partial pivoting; LAPACK's `gesv` on each, NumPy's stacked `solve`.
 *
 * Matrix `k` of a batch starts `k*bs` elements after element (0, 0)
 * of matrix 0, given by `a` (`b`), and has element strides `rs`, `cs`;
 * all three strides are non-negative (a C-order stack `(count, n, n)`
 * is `rs = n, cs = 1, bs = n*n`). Each `A_k` (`n x n`) is overwritten
 * by its LU factors, each `B_k` (`n x nrhs`) by `X_k`, and
 * `ipiv[k*n .. k*n + n]` (`count*n` elements) by system `k`'s 1-based
 * pivots. `a`, `b` and `ipiv` must lie in disjoint address ranges.
 *
 * A singular system does not stop the others: all are computed, and
 * the status is `OXPAR_STATUS_SINGULAR` for the lowest failing index.
 * `info` (may be NULL) receives 0 on success, else that system's
 * LAPACK `info` (the 1-based column of the zero pivot);
 * `failed_index` (may be NULL) receives -1 on success, else that
 * system's 0-based index. A failing system keeps its LU factors and
 * pivots, and its `B_k` is unchanged, as `oxpar_sgesv` leaves them.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (a negative stride, or a batch whose elements overlap),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (overlapping operands, misaligned
 * pointers), `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on
 * MPI. Argument errors leave `info` and `failed_index` alone.
 *
 * # Safety
 * `ctx` is a live context; `a` and `b` span the elements of their
 * batches, writable; `ipiv` holds `count*n` writable elements; `info`
 * and `failed_index` are NULL or writable.
 */
oxpar_status oxpar_sgesv_batch(const oxpar_context *ctx,
                               size_t count,
                               size_t n,
                               size_t nrhs,
                               float *a,
                               ptrdiff_t rsa,
                               ptrdiff_t csa,
                               ptrdiff_t bsa,
                               int64_t *ipiv,
                               float *b,
                               ptrdiff_t rsb,
                               ptrdiff_t csb,
                               ptrdiff_t bsb,
                               int64_t *info,
                               int64_t *failed_index);

/**
 * Overwrites each of the `count` `n x n` matrices of a batch (floats) by its inverse (NumPy's stacked `inv`).
 *
 * The batch is given as in `oxpar_sgesv_batch`. A singular matrix does not
 * stop the others; the status is `OXPAR_STATUS_SINGULAR`, `info` and
 * `failed_index` (each may be NULL) are set as in `oxpar_sgesv_batch`, and
 * the failing matrix holds its LU factors.
 *
 * Errors: as `oxpar_sgesv_batch`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch,
 * writable; `info` and `failed_index` are NULL or writable.
 */
oxpar_status oxpar_sinv_batch(const oxpar_context *ctx,
                              size_t count,
                              size_t n,
                              float *a,
                              ptrdiff_t rsa,
                              ptrdiff_t csa,
                              ptrdiff_t bsa,
                              int64_t *info,
                              int64_t *failed_index);

/**
 * Cholesky factorization of each of the `count` Hermitian (symmetric) positive definite `n x n` matrices of a batch (floats), in place; `oxpar_spotrf` on each.
 *
 * The batch is given as in `oxpar_sgesv_batch`; `uplo` as in `oxpar_spotrf`. A
 * matrix that is not positive definite does not stop the others; the
 * status is `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`, `info` receives the
 * order of its failing leading minor and `failed_index` its 0-based
 * index (each may be NULL; 0 and -1 on success).
 *
 * Errors: as `oxpar_sgesv_batch`, with `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`
 * for `OXPAR_STATUS_SINGULAR`, plus `OXPAR_STATUS_INVALID_ARGUMENT`
 * for an unknown `uplo`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch,
 * writable; `info` and `failed_index` are NULL or writable.
 */
oxpar_status oxpar_spotrf_batch(const oxpar_context *ctx,
                                int32_t uplo,
                                size_t count,
                                size_t n,
                                float *a,
                                ptrdiff_t rsa,
                                ptrdiff_t csa,
                                ptrdiff_t bsa,
                                int64_t *info,
                                int64_t *failed_index);

/**
 * The determinant of each of the `count` `n x n` matrices of a batch (floats) into `dets[k]` (NumPy's stacked `det`).
 *
 * The batch is given as in `oxpar_sgesv_batch` and only read; `dets` holds
 * `count` elements, apart from `a`. A singular matrix has determinant
 * 0, no error.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (a negative stride), `OXPAR_STATUS_INVALID_ARGUMENT` (`dets`
 * overlapping `a`, misaligned pointers), `OXPAR_STATUS_UNSUPPORTED`
 * on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch
 * (read); `dets` holds `count` writable elements.
 */
oxpar_status oxpar_sdet_batch(const oxpar_context *ctx,
                              size_t count,
                              size_t n,
                              const float *a,
                              ptrdiff_t rsa,
                              ptrdiff_t csa,
                              ptrdiff_t bsa,
                              float *dets);

/**
 * `oxpar_sslogdet` of each of the `count` `n x n` matrices of a batch (floats) into `signs[k]` and `logdets[k]` (NumPy's stacked `slogdet`).
 *
 * The batch is given as in `oxpar_sgesv_batch` and only read; `signs` and
 * `logdets` hold `count` elements each, apart from each other and from
 * `a`. A singular matrix gives `(0, -INFINITY)`, no error.
 *
 * Errors: as `oxpar_sdet_batch`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch
 * (read); `signs` and `logdets` hold `count` writable elements each.
 */
oxpar_status oxpar_sslogdet_batch(const oxpar_context *ctx,
                                  size_t count,
                                  size_t n,
                                  const float *a,
                                  ptrdiff_t rsa,
                                  ptrdiff_t csa,
                                  ptrdiff_t bsa,
                                  float *signs,
                                  float *logdets);

/**
 * The eigenvalues, and optionally the eigenvectors, of the symmetric (Hermitian) `n x n` matrix `a` (floats); LAPACK's `ssyev`.
 *
 * `jobz` is `'N'` (eigenvalues only) or `'V'` (values and vectors);
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`) names the triangle
 * of `a` that is read (the other one is not; the imaginary parts of a
 * complex diagonal are ignored). `w` (`n` elements) receives the
 * eigenvalues in ascending order; with `'V'` the orthonormal
 * eigenvectors overwrite `a`, column `k` for `w[k]`; with `'N'` the
 * contents of `a` afterwards are unspecified. `a` is given by a pointer
 * to its element (0, 0) and its element strides (`rsa`, `csa`;
 * column-major: `1, lda`). The library allocates its workspace (two
 * `n x n` matrices): there is no workspace query.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or on
 * `OXPAR_STATUS_NO_CONVERGENCE` (the QL/QR iteration needed more than
 * `30 n` sweeps) the number of off-diagonal elements of the tridiagonal
 * form that did not converge, as LAPACK; `w` and (with `'V'`) `a` then
 * hold the approximations reached.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`w` of a non-empty
 * matrix), `OXPAR_STATUS_INVALID_STRIDE`, `OXPAR_STATUS_INVALID_ARGUMENT`
 * (an unknown `jobz` or `uplo`, `w` overlapping `a` or misaligned, a NaN
 * or an infinity in the referenced triangle: then `a` and `w` are
 * untouched), `OXPAR_STATUS_NO_CONVERGENCE`, and
 * `OXPAR_STATUS_UNSUPPORTED` on an MPI context.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the `n x n` elements its strides
 * describe, writable; `w` holds `n` writable elements; `info` is NULL or
 * writable.
 */
oxpar_status oxpar_ssyev(const oxpar_context *ctx,
                         char jobz,
                         int32_t uplo,
                         size_t n,
                         float *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         float *w,
                         int64_t *info);

/**
 * `oxpar_ssyev` on each of the `count` `n x n` matrices of a batch (floats) (NumPy's stacked `eigh`/`eigvalsh`).
 *
 * The batch is a pointer to matrix 0's element (0, 0), its row and
 * column strides and the batch stride `bsa` (matrix `k` starts `k*bsa`
 * elements further), all non-negative. `w` (`count * n` elements, apart
 * from `a`) receives matrix `k`'s eigenvalues at `w[k*n..]`; `jobz` and
 * `uplo` as in `oxpar_ssyev`. The matrices run in parallel on the context's
 * threads. A failing matrix does not stop the others: on
 * `OXPAR_STATUS_NO_CONVERGENCE` `info` receives LAPACK's `info` of the
 * first failing matrix and `failed_index` its 0-based index (each may be
 * NULL; 0 and -1 on success). A NaN or Inf in a matrix is
 * `OXPAR_STATUS_INVALID_ARGUMENT` naming its index in the message; the
 * other matrices are computed.
 *
 * Errors: as `oxpar_ssyev`, plus `OXPAR_STATUS_INVALID_STRIDE` for a negative
 * stride and `OXPAR_STATUS_INVALID_ARGUMENT` for `w` overlapping `a`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch,
 * writable; `w` holds `count * n` writable elements; `info` and
 * `failed_index` are NULL or writable.
 */
oxpar_status oxpar_ssyev_batch(const oxpar_context *ctx,
                               char jobz,
                               int32_t uplo,
                               size_t count,
                               size_t n,
                               float *a,
                               ptrdiff_t rsa,
                               ptrdiff_t csa,
                               ptrdiff_t bsa,
                               float *w,
                               int64_t *info,
                               int64_t *failed_index);

/**
 * Householder QR factorization `A = Q*R` of the `m x n` matrix `a` (floats), in place; LAPACK's `geqrf`.
 *
 * `R` (`min(m, n) x n`, upper trapezoidal) overwrites `a` on and above
 * the diagonal; the Householder vectors lie below it (their unit first
 * element not stored) and `tau` (`min(m, n)` elements) receives their
 * scalar factors: `Q = H(1)*H(2)*...*H(k)`, `H(i) = I - tau[i-1]*v_i*v_i^H`,
 * as in LAPACK. `oxpar_sormqr` applies `Q`, `oxpar_sorgqr` forms it. No workspace
 * argument: the library allocates (a copy of a `32`-column panel and a
 * `32 x 32` block reflector). Never a numerical failure (a zero column
 * gives `tau = 0`).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`tau` of a non-empty
 * matrix), `OXPAR_STATUS_INVALID_STRIDE` (strides that make two elements
 * of `a` share an address), `OXPAR_STATUS_INVALID_ARGUMENT` (`tau`
 * overlapping `a` or misaligned), `OXPAR_STATUS_UNSUPPORTED` on an MPI
 * context (no distributed QR yet).
 *
 * # Safety
 * `ctx` is a live context; `a` spans the `m x n` elements its strides
 * describe, writable; `tau` holds `min(m, n)` writable elements.
 */
oxpar_status oxpar_sgeqrf(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          float *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          float *tau);

/**
 * Overwrites the `m x n` matrix `c` (floats) by `op(Q)*C` or `C*op(Q)`, `Q` given by the `k` reflectors from `oxpar_sgeqrf`; LAPACK's `ormqr`.
 *
 * `side`: `OXPAR_SIDE_LEFT` (`op(Q)*C`, `Q` is `m x m`) or
 * `OXPAR_SIDE_RIGHT` (`C*op(Q)`, `Q` is `n x n`). `trans`: `OXPAR_TRANS_NO` or `OXPAR_TRANS_YES` (`Q^T`; `OXPAR_TRANS_CONJ` is the same).
 * `a` is the `nq x k` matrix (`nq = m` on the left, `n` on the right,
 * `k <= nq`) whose columns below the diagonal hold the reflectors, `tau`
 * their `k` scalar factors, both as `oxpar_sgeqrf` wrote them (the first `k`
 * columns of its output); they are only read, and may share memory with
 * `c` (the library then copies them first). No workspace argument.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (for `c`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `side` or
 * `trans`, `k > nq`, a misaligned `tau`), `OXPAR_STATUS_UNSUPPORTED` on
 * MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `nq x k` elements (read); `tau`
 * holds `k` readable elements; `c` spans its `m x n` elements, writable.
 */
oxpar_status oxpar_sormqr(const oxpar_context *ctx,
                          int32_t side,
                          int32_t trans,
                          size_t m,
                          size_t n,
                          size_t k,
                          const float *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const float *tau,
                          float *c,
                          ptrdiff_t rsc,
                          ptrdiff_t csc);

/**
 * Overwrites the `m x n` matrix `a` (floats), whose first `k` columns hold reflectors from `oxpar_sgeqrf`, by the first `n` columns of their `Q`; LAPACK's `orgqr`.
 *
 * `k <= n <= m`, as in LAPACK: with `n = k = min(m, n0)` after
 * `oxpar_sgeqrf` of an `m x n0` matrix this is the thin (economic) `Q`; for
 * the full `m x m` `Q` of `k` reflectors, copy them into the first `k`
 * columns of an `m x m` array and call with `n = m`. The columns of
 * `Q` are orthonormal. `tau` holds the `k` scalar factors and may
 * share memory with `a` (it is read first). No workspace argument: the
 * library allocates an `m x k` copy of the reflectors.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (`n > m`, `k > n`, a misaligned
 * `tau`), `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements, writable;
 * `tau` holds `k` readable elements.
 */
oxpar_status oxpar_sorgqr(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          size_t k,
                          float *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const float *tau);

/**
 * Least squares by QR for the full-rank `m x n` matrix `a` (floats), `m >= n`; LAPACK's `gels`.
 *
 * `trans` `OXPAR_TRANS_NO`: `X` minimizes `||A*X - B||_2`; `b` is
 * `m x nrhs`, its first `n` rows receive `X` and rows `n..m` the
 * residual's coordinates (the sum of their squares is the residual's
 * squared norm), as LAPACK leaves them. `OXPAR_TRANS_YES` (or `OXPAR_TRANS_CONJ`, the same) for `trans` gives the
 * minimum-norm solution of the underdetermined `A^H*X = B`: `B` in the
 * first `n` rows of `b`, `X` (`m x nrhs`) in all of it. `a` is
 * overwritten by its QR factorization (as `oxpar_sgeqrf`, `tau` not
 * returned). `m < n` is `OXPAR_STATUS_UNSUPPORTED` (not there yet).
 * No workspace argument: the library allocates `n` scalars besides
 * `oxpar_sgeqrf`'s.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or on
 * `OXPAR_STATUS_SINGULAR` the 1-based index `i` of an exactly zero
 * `R(i, i)` (`A` is rank deficient, LAPACK's `info`), after which `a`
 * holds the factorization and `b` is unchanged. A nearly rank-deficient
 * `A` is not detected (an inaccurate solution, as in LAPACK).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `trans`, `b` sharing
 * elements with `a`), `OXPAR_STATUS_SINGULAR`,
 * `OXPAR_STATUS_UNSUPPORTED` (`m < n`; an MPI context).
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements and `b` its
 * `m x nrhs` elements, writable; `info` is NULL or writable.
 */
oxpar_status oxpar_sgels(const oxpar_context *ctx,
                         int32_t trans,
                         size_t m,
                         size_t n,
                         size_t nrhs,
                         float *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         float *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         int64_t *info);

/**
 * LU factorization with partial pivoting of the `m x n` matrix `a` (doubles), in place: `A = P*L*U`, LAPACK's `getrf`.
 *
 * `L` (unit lower triangular or trapezoidal, its unit diagonal not
 * stored) overwrites `a` below the diagonal, `U` on and above it.
 * `ipiv` (`min(m, n)` elements, `int64_t`) receives the 1-based
 * pivots: row `i` was interchanged with row `ipiv[i - 1]`, as in
 * LAPACK. `a` is given by a pointer to its element (0, 0) and its
 * element strides (`rsa`, `csa`; column-major: `1, lda`).
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based column of an exactly zero pivot on
 * `OXPAR_STATUS_SINGULAR`, after which `a` and `ipiv` hold the
 * completed factorization, as LAPACK leaves them.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`ipiv` of a
 * non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE` (strides that make
 * two elements of `a` share an address), `OXPAR_STATUS_INVALID_ARGUMENT`
 * (`ipiv` overlapping `a` or misaligned), `OXPAR_STATUS_SINGULAR`, and
 * `OXPAR_STATUS_UNSUPPORTED` on an MPI context (distributed
 * factorizations are not there yet).
 *
 * # Safety
 * `ctx` is a live context; `a` spans the `m x n` elements its strides
 * describe, writable; `ipiv` holds `min(m, n)` writable elements;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_dgetrf(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          double *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *ipiv,
                          int64_t *info);

/**
 * Solves `op(A)*X = B` (doubles) with the LU factors and pivots of the `n x n` matrix `A` from `oxpar_dgetrf`; LAPACK's `getrs`.
 *
 * `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`)
 * picks `A`, `A^T` or `A^H`. `X` overwrites the `n x nrhs` matrix `b`.
 * `ipiv` holds the `n` 1-based pivots `getrf` wrote. No test for a
 * zero on `U`'s diagonal (as LAPACK's `getrs`): a singular factor
 * gives infinities or NaN.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (for `b`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `trans`, a
 * pivot outside `1..=n`), `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read);
 * `ipiv` holds `n` readable elements; `b` spans its `n x nrhs`
 * elements, writable.
 */
oxpar_status oxpar_dgetrs(const oxpar_context *ctx,
                          int32_t trans,
                          size_t n,
                          size_t nrhs,
                          const double *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const int64_t *ipiv,
                          double *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb);

/**
 * Solves `A*X = B` (doubles) for the `n x n` matrix `A` by LU with partial pivoting; LAPACK's `gesv`.
 *
 * `a` is overwritten by its factors, `ipiv` (`n` elements) by the
 * 1-based pivots, the `n x nrhs` matrix `b` by `X`. `a` and `b` must
 * not share elements.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based column of an exactly zero pivot on
 * `OXPAR_STATUS_SINGULAR`, after which `a` and `ipiv` hold the
 * completed factorization and `b` is unchanged.
 *
 * Errors: as `oxpar_dgetrf`, plus `OXPAR_STATUS_INVALID_ARGUMENT` when `b`
 * shares elements with `a` or `ipiv`.
 *
 * # Safety
 * As `oxpar_dgetrf` for `a`, `ipiv` (`n` elements) and `info`; `b` spans its
 * `n x nrhs` elements, writable.
 */
oxpar_status oxpar_dgesv(const oxpar_context *ctx,
                         size_t n,
                         size_t nrhs,
                         double *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         int64_t *ipiv,
                         double *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         int64_t *info);

/**
 * Cholesky factorization (doubles) of the Hermitian (symmetric) positive definite `n x n` matrix held in the `uplo` triangle of `a`, in place; LAPACK's `potrf`.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): `A = U^H*U` or
 * `A = L*L^H`, the factor overwriting that triangle; the other
 * triangle is neither read nor written, and the imaginary parts of
 * the diagonal are taken as zero.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * order of the leading minor that is not positive definite (a NaN on
 * the diagonal counts, as in LAPACK) on
 * `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`; then the columns before it
 * hold the factor of the leading minor, as LAPACK leaves them.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
 * `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`, `OXPAR_STATUS_UNSUPPORTED`
 * on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_dpotrf(const oxpar_context *ctx,
                          int32_t uplo,
                          size_t n,
                          double *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *info);

/**
 * Solves `A*X = B` (doubles) with the Cholesky factor of `A` from `oxpar_dpotrf` in the `uplo` triangle of `a`; LAPACK's `potrs`.
 *
 * `X` overwrites the `n x nrhs` matrix `b`; the other triangle of `a`
 * is not read.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (for `b`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
 * `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read); `b`
 * spans its `n x nrhs` elements, writable.
 */
oxpar_status oxpar_dpotrs(const oxpar_context *ctx,
                          int32_t uplo,
                          size_t n,
                          size_t nrhs,
                          const double *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          double *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb);

/**
 * Solves `A*X = B` (doubles) for the Hermitian (symmetric) positive definite `n x n` matrix `A` held in the `uplo` triangle of `a`, by Cholesky; LAPACK's `posv`.
 *
 * The factor overwrites that triangle of `a`, `X` the `n x nrhs`
 * matrix `b`; `a` and `b` must not share elements. `info` as in
 * `oxpar_dpotrf`; on `OXPAR_STATUS_NOT_POSITIVE_DEFINITE` `b` is unchanged.
 *
 * Errors: as `oxpar_dpotrf`, plus `OXPAR_STATUS_INVALID_ARGUMENT` when `b`
 * shares elements with `a`.
 *
 * # Safety
 * As `oxpar_dpotrf`; `b` spans its `n x nrhs` elements, writable.
 */
oxpar_status oxpar_dposv(const oxpar_context *ctx,
                         int32_t uplo,
                         size_t n,
                         size_t nrhs,
                         double *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         double *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         int64_t *info);

/**
 * Overwrites the LU factors of the `n x n` matrix `A` in `a` (doubles), with their pivots from `oxpar_dgetrf`, by `inv(A)`; LAPACK's `getri`.
 *
 * `ipiv` holds the `n` 1-based pivots `oxpar_dgetrf` wrote. No workspace
 * argument: the library allocates an `n x n` one.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based index of an exactly zero element of `U`'s diagonal on
 * `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (a pivot outside `1..=n`),
 * `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `ipiv` holds `n` readable elements; `info` is NULL or writable.
 */
oxpar_status oxpar_dgetri(const oxpar_context *ctx,
                          size_t n,
                          double *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const int64_t *ipiv,
                          int64_t *info);

/**
 * Overwrites the Cholesky factor of `A` from `oxpar_dpotrf` in the `uplo` triangle of `a` (doubles) by the same triangle of `inv(A)`; LAPACK's `potri`.
 *
 * The other triangle is neither read nor written (the inverse is
 * Hermitian: mirror it to have the whole matrix).
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based index of an exactly zero element of the factor's diagonal on
 * `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
 * `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_dpotri(const oxpar_context *ctx,
                          int32_t uplo,
                          size_t n,
                          double *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *info);

/**
 * Inverts the triangular `n x n` matrix held in the `uplo` triangle of `a` (doubles), in place; LAPACK's `trtri`.
 *
 * `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`): with a unit
 * diagonal the diagonal is taken as 1 and not referenced. The other
 * triangle is neither read nor written.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based index of an exactly zero diagonal element on
 * `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo` or `diag`),
 * `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_dtrtri(const oxpar_context *ctx,
                          int32_t uplo,
                          int32_t diag,
                          size_t n,
                          double *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *info);

/**
 * The determinant of the `n x n` matrix `a` (doubles) into `*det`, by LU with partial pivoting (NumPy's `det`).
 *
 * `a` is only read (a private copy is factored). A singular matrix is
 * no error: its determinant is 0. The determinant of a `0 x 0` matrix
 * is 1. For large matrices, whose determinant over- or underflows, use
 * `oxpar_dslogdet`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, `det`, or `a` of a
 * non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_UNSUPPORTED` on MPI; `*det` is written only on success.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read); `det`
 * is writable.
 */
oxpar_status oxpar_ddet(const oxpar_context *ctx,
                        size_t n,
                        const double *a,
                        ptrdiff_t rsa,
                        ptrdiff_t csa,
                        double *det);

/**
 * The sign and the logarithm of the absolute value of the determinant of the `n x n` matrix `a` (doubles), NumPy's `slogdet`.
 *
 * `det = *sign * exp(*logabs)`, computed without over- or underflow.
 * For a real type `*sign` is 1, -1, or 0 for a singular matrix; for a
 * complex type it is the determinant's phase (modulus 1), or 0 for a
 * singular matrix. A singular matrix gives `*logabs = -INFINITY` and no
 * error. `a` is only read (a private copy is factored).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, `sign`, `logabs`, or `a`
 * of a non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_UNSUPPORTED` on MPI; the outputs are written only on
 * success.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read); `sign`
 * and `logabs` are writable.
 */
oxpar_status oxpar_dslogdet(const oxpar_context *ctx,
                            size_t n,
                            const double *a,
                            ptrdiff_t rsa,
                            ptrdiff_t csa,
                            double *sign,
                            double *logabs);

/**
 * Solves the `count` systems `A_k*X_k = B_k` (doubles) of a batch, each by LU with partial pivoting; LAPACK's `gesv` on each, NumPy's stacked `solve`.
 *
 * Matrix `k` of a batch starts `k*bs` elements after element (0, 0)
 * of matrix 0, given by `a` (`b`), and has element strides `rs`, `cs`;
 * all three strides are non-negative (a C-order stack `(count, n, n)`
 * is `rs = n, cs = 1, bs = n*n`). Each `A_k` (`n x n`) is overwritten
 * by its LU factors, each `B_k` (`n x nrhs`) by `X_k`, and
 * `ipiv[k*n .. k*n + n]` (`count*n` elements) by system `k`'s 1-based
 * pivots. `a`, `b` and `ipiv` must lie in disjoint address ranges.
 *
 * A singular system does not stop the others: all are computed, and
 * the status is `OXPAR_STATUS_SINGULAR` for the lowest failing index.
 * `info` (may be NULL) receives 0 on success, else that system's
 * LAPACK `info` (the 1-based column of the zero pivot);
 * `failed_index` (may be NULL) receives -1 on success, else that
 * system's 0-based index. A failing system keeps its LU factors and
 * pivots, and its `B_k` is unchanged, as `oxpar_dgesv` leaves them.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (a negative stride, or a batch whose elements overlap),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (overlapping operands, misaligned
 * pointers), `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on
 * MPI. Argument errors leave `info` and `failed_index` alone.
 *
 * # Safety
 * `ctx` is a live context; `a` and `b` span the elements of their
 * batches, writable; `ipiv` holds `count*n` writable elements; `info`
 * and `failed_index` are NULL or writable.
 */
oxpar_status oxpar_dgesv_batch(const oxpar_context *ctx,
                               size_t count,
                               size_t n,
                               size_t nrhs,
                               double *a,
                               ptrdiff_t rsa,
                               ptrdiff_t csa,
                               ptrdiff_t bsa,
                               int64_t *ipiv,
                               double *b,
                               ptrdiff_t rsb,
                               ptrdiff_t csb,
                               ptrdiff_t bsb,
                               int64_t *info,
                               int64_t *failed_index);

/**
 * Overwrites each of the `count` `n x n` matrices of a batch (doubles) by its inverse (NumPy's stacked `inv`).
 *
 * The batch is given as in `oxpar_dgesv_batch`. A singular matrix does not
 * stop the others; the status is `OXPAR_STATUS_SINGULAR`, `info` and
 * `failed_index` (each may be NULL) are set as in `oxpar_dgesv_batch`, and
 * the failing matrix holds its LU factors.
 *
 * Errors: as `oxpar_dgesv_batch`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch,
 * writable; `info` and `failed_index` are NULL or writable.
 */
oxpar_status oxpar_dinv_batch(const oxpar_context *ctx,
                              size_t count,
                              size_t n,
                              double *a,
                              ptrdiff_t rsa,
                              ptrdiff_t csa,
                              ptrdiff_t bsa,
                              int64_t *info,
                              int64_t *failed_index);

/**
 * Cholesky factorization of each of the `count` Hermitian (symmetric) positive definite `n x n` matrices of a batch (doubles), in place; `oxpar_dpotrf` on each.
 *
 * The batch is given as in `oxpar_dgesv_batch`; `uplo` as in `oxpar_dpotrf`. A
 * matrix that is not positive definite does not stop the others; the
 * status is `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`, `info` receives the
 * order of its failing leading minor and `failed_index` its 0-based
 * index (each may be NULL; 0 and -1 on success).
 *
 * Errors: as `oxpar_dgesv_batch`, with `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`
 * for `OXPAR_STATUS_SINGULAR`, plus `OXPAR_STATUS_INVALID_ARGUMENT`
 * for an unknown `uplo`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch,
 * writable; `info` and `failed_index` are NULL or writable.
 */
oxpar_status oxpar_dpotrf_batch(const oxpar_context *ctx,
                                int32_t uplo,
                                size_t count,
                                size_t n,
                                double *a,
                                ptrdiff_t rsa,
                                ptrdiff_t csa,
                                ptrdiff_t bsa,
                                int64_t *info,
                                int64_t *failed_index);

/**
 * The determinant of each of the `count` `n x n` matrices of a batch (doubles) into `dets[k]` (NumPy's stacked `det`).
 *
 * The batch is given as in `oxpar_dgesv_batch` and only read; `dets` holds
 * `count` elements, apart from `a`. A singular matrix has determinant
 * 0, no error.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (a negative stride), `OXPAR_STATUS_INVALID_ARGUMENT` (`dets`
 * overlapping `a`, misaligned pointers), `OXPAR_STATUS_UNSUPPORTED`
 * on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch
 * (read); `dets` holds `count` writable elements.
 */
oxpar_status oxpar_ddet_batch(const oxpar_context *ctx,
                              size_t count,
                              size_t n,
                              const double *a,
                              ptrdiff_t rsa,
                              ptrdiff_t csa,
                              ptrdiff_t bsa,
                              double *dets);

/**
 * `oxpar_dslogdet` of each of the `count` `n x n` matrices of a batch (doubles) into `signs[k]` and `logdets[k]` (NumPy's stacked `slogdet`).
 *
 * The batch is given as in `oxpar_dgesv_batch` and only read; `signs` and
 * `logdets` hold `count` elements each, apart from each other and from
 * `a`. A singular matrix gives `(0, -INFINITY)`, no error.
 *
 * Errors: as `oxpar_ddet_batch`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch
 * (read); `signs` and `logdets` hold `count` writable elements each.
 */
oxpar_status oxpar_dslogdet_batch(const oxpar_context *ctx,
                                  size_t count,
                                  size_t n,
                                  const double *a,
                                  ptrdiff_t rsa,
                                  ptrdiff_t csa,
                                  ptrdiff_t bsa,
                                  double *signs,
                                  double *logdets);

/**
 * The eigenvalues, and optionally the eigenvectors, of the symmetric (Hermitian) `n x n` matrix `a` (doubles); LAPACK's `dsyev`.
 *
 * `jobz` is `'N'` (eigenvalues only) or `'V'` (values and vectors);
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`) names the triangle
 * of `a` that is read (the other one is not; the imaginary parts of a
 * complex diagonal are ignored). `w` (`n` elements) receives the
 * eigenvalues in ascending order; with `'V'` the orthonormal
 * eigenvectors overwrite `a`, column `k` for `w[k]`; with `'N'` the
 * contents of `a` afterwards are unspecified. `a` is given by a pointer
 * to its element (0, 0) and its element strides (`rsa`, `csa`;
 * column-major: `1, lda`). The library allocates its workspace (two
 * `n x n` matrices): there is no workspace query.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or on
 * `OXPAR_STATUS_NO_CONVERGENCE` (the QL/QR iteration needed more than
 * `30 n` sweeps) the number of off-diagonal elements of the tridiagonal
 * form that did not converge, as LAPACK; `w` and (with `'V'`) `a` then
 * hold the approximations reached.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`w` of a non-empty
 * matrix), `OXPAR_STATUS_INVALID_STRIDE`, `OXPAR_STATUS_INVALID_ARGUMENT`
 * (an unknown `jobz` or `uplo`, `w` overlapping `a` or misaligned, a NaN
 * or an infinity in the referenced triangle: then `a` and `w` are
 * untouched), `OXPAR_STATUS_NO_CONVERGENCE`, and
 * `OXPAR_STATUS_UNSUPPORTED` on an MPI context.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the `n x n` elements its strides
 * describe, writable; `w` holds `n` writable elements; `info` is NULL or
 * writable.
 */
oxpar_status oxpar_dsyev(const oxpar_context *ctx,
                         char jobz,
                         int32_t uplo,
                         size_t n,
                         double *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         double *w,
                         int64_t *info);

/**
 * `oxpar_dsyev` on each of the `count` `n x n` matrices of a batch (doubles) (NumPy's stacked `eigh`/`eigvalsh`).
 *
 * The batch is a pointer to matrix 0's element (0, 0), its row and
 * column strides and the batch stride `bsa` (matrix `k` starts `k*bsa`
 * elements further), all non-negative. `w` (`count * n` elements, apart
 * from `a`) receives matrix `k`'s eigenvalues at `w[k*n..]`; `jobz` and
 * `uplo` as in `oxpar_dsyev`. The matrices run in parallel on the context's
 * threads. A failing matrix does not stop the others: on
 * `OXPAR_STATUS_NO_CONVERGENCE` `info` receives LAPACK's `info` of the
 * first failing matrix and `failed_index` its 0-based index (each may be
 * NULL; 0 and -1 on success). A NaN or Inf in a matrix is
 * `OXPAR_STATUS_INVALID_ARGUMENT` naming its index in the message; the
 * other matrices are computed.
 *
 * Errors: as `oxpar_dsyev`, plus `OXPAR_STATUS_INVALID_STRIDE` for a negative
 * stride and `OXPAR_STATUS_INVALID_ARGUMENT` for `w` overlapping `a`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch,
 * writable; `w` holds `count * n` writable elements; `info` and
 * `failed_index` are NULL or writable.
 */
oxpar_status oxpar_dsyev_batch(const oxpar_context *ctx,
                               char jobz,
                               int32_t uplo,
                               size_t count,
                               size_t n,
                               double *a,
                               ptrdiff_t rsa,
                               ptrdiff_t csa,
                               ptrdiff_t bsa,
                               double *w,
                               int64_t *info,
                               int64_t *failed_index);

/**
 * Householder QR factorization `A = Q*R` of the `m x n` matrix `a` (doubles), in place; LAPACK's `geqrf`.
 *
 * `R` (`min(m, n) x n`, upper trapezoidal) overwrites `a` on and above
 * the diagonal; the Householder vectors lie below it (their unit first
 * element not stored) and `tau` (`min(m, n)` elements) receives their
 * scalar factors: `Q = H(1)*H(2)*...*H(k)`, `H(i) = I - tau[i-1]*v_i*v_i^H`,
 * as in LAPACK. `oxpar_dormqr` applies `Q`, `oxpar_dorgqr` forms it. No workspace
 * argument: the library allocates (a copy of a `32`-column panel and a
 * `32 x 32` block reflector). Never a numerical failure (a zero column
 * gives `tau = 0`).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`tau` of a non-empty
 * matrix), `OXPAR_STATUS_INVALID_STRIDE` (strides that make two elements
 * of `a` share an address), `OXPAR_STATUS_INVALID_ARGUMENT` (`tau`
 * overlapping `a` or misaligned), `OXPAR_STATUS_UNSUPPORTED` on an MPI
 * context (no distributed QR yet).
 *
 * # Safety
 * `ctx` is a live context; `a` spans the `m x n` elements its strides
 * describe, writable; `tau` holds `min(m, n)` writable elements.
 */
oxpar_status oxpar_dgeqrf(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          double *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          double *tau);

/**
 * Overwrites the `m x n` matrix `c` (doubles) by `op(Q)*C` or `C*op(Q)`, `Q` given by the `k` reflectors from `oxpar_dgeqrf`; LAPACK's `ormqr`.
 *
 * `side`: `OXPAR_SIDE_LEFT` (`op(Q)*C`, `Q` is `m x m`) or
 * `OXPAR_SIDE_RIGHT` (`C*op(Q)`, `Q` is `n x n`). `trans`: `OXPAR_TRANS_NO` or `OXPAR_TRANS_YES` (`Q^T`; `OXPAR_TRANS_CONJ` is the same).
 * `a` is the `nq x k` matrix (`nq = m` on the left, `n` on the right,
 * `k <= nq`) whose columns below the diagonal hold the reflectors, `tau`
 * their `k` scalar factors, both as `oxpar_dgeqrf` wrote them (the first `k`
 * columns of its output); they are only read, and may share memory with
 * `c` (the library then copies them first). No workspace argument.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (for `c`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `side` or
 * `trans`, `k > nq`, a misaligned `tau`), `OXPAR_STATUS_UNSUPPORTED` on
 * MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `nq x k` elements (read); `tau`
 * holds `k` readable elements; `c` spans its `m x n` elements, writable.
 */
oxpar_status oxpar_dormqr(const oxpar_context *ctx,
                          int32_t side,
                          int32_t trans,
                          size_t m,
                          size_t n,
                          size_t k,
                          const double *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const double *tau,
                          double *c,
                          ptrdiff_t rsc,
                          ptrdiff_t csc);

/**
 * Overwrites the `m x n` matrix `a` (doubles), whose first `k` columns hold reflectors from `oxpar_dgeqrf`, by the first `n` columns of their `Q`; LAPACK's `orgqr`.
 *
 * `k <= n <= m`, as in LAPACK: with `n = k = min(m, n0)` after
 * `oxpar_dgeqrf` of an `m x n0` matrix this is the thin (economic) `Q`; for
 * the full `m x m` `Q` of `k` reflectors, copy them into the first `k`
 * columns of an `m x m` array and call with `n = m`. The columns of
 * `Q` are orthonormal. `tau` holds the `k` scalar factors and may
 * share memory with `a` (it is read first). No workspace argument: the
 * library allocates an `m x k` copy of the reflectors.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (`n > m`, `k > n`, a misaligned
 * `tau`), `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements, writable;
 * `tau` holds `k` readable elements.
 */
oxpar_status oxpar_dorgqr(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          size_t k,
                          double *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const double *tau);

/**
 * Least squares by QR for the full-rank `m x n` matrix `a` (doubles), `m >= n`; LAPACK's `gels`.
 *
 * `trans` `OXPAR_TRANS_NO`: `X` minimizes `||A*X - B||_2`; `b` is
 * `m x nrhs`, its first `n` rows receive `X` and rows `n..m` the
 * residual's coordinates (the sum of their squares is the residual's
 * squared norm), as LAPACK leaves them. `OXPAR_TRANS_YES` (or `OXPAR_TRANS_CONJ`, the same) for `trans` gives the
 * minimum-norm solution of the underdetermined `A^H*X = B`: `B` in the
 * first `n` rows of `b`, `X` (`m x nrhs`) in all of it. `a` is
 * overwritten by its QR factorization (as `oxpar_dgeqrf`, `tau` not
 * returned). `m < n` is `OXPAR_STATUS_UNSUPPORTED` (not there yet).
 * No workspace argument: the library allocates `n` scalars besides
 * `oxpar_dgeqrf`'s.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or on
 * `OXPAR_STATUS_SINGULAR` the 1-based index `i` of an exactly zero
 * `R(i, i)` (`A` is rank deficient, LAPACK's `info`), after which `a`
 * holds the factorization and `b` is unchanged. A nearly rank-deficient
 * `A` is not detected (an inaccurate solution, as in LAPACK).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `trans`, `b` sharing
 * elements with `a`), `OXPAR_STATUS_SINGULAR`,
 * `OXPAR_STATUS_UNSUPPORTED` (`m < n`; an MPI context).
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements and `b` its
 * `m x nrhs` elements, writable; `info` is NULL or writable.
 */
oxpar_status oxpar_dgels(const oxpar_context *ctx,
                         int32_t trans,
                         size_t m,
                         size_t n,
                         size_t nrhs,
                         double *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         double *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         int64_t *info);

/**
 * LU factorization with partial pivoting of the `m x n` matrix `a` (single-precision complex), in place: `A = P*L*U`, LAPACK's `getrf`.
 *
 * `L` (unit lower triangular or trapezoidal, its unit diagonal not
 * stored) overwrites `a` below the diagonal, `U` on and above it.
 * `ipiv` (`min(m, n)` elements, `int64_t`) receives the 1-based
 * pivots: row `i` was interchanged with row `ipiv[i - 1]`, as in
 * LAPACK. `a` is given by a pointer to its element (0, 0) and its
 * element strides (`rsa`, `csa`; column-major: `1, lda`).
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based column of an exactly zero pivot on
 * `OXPAR_STATUS_SINGULAR`, after which `a` and `ipiv` hold the
 * completed factorization, as LAPACK leaves them.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`ipiv` of a
 * non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE` (strides that make
 * two elements of `a` share an address), `OXPAR_STATUS_INVALID_ARGUMENT`
 * (`ipiv` overlapping `a` or misaligned), `OXPAR_STATUS_SINGULAR`, and
 * `OXPAR_STATUS_UNSUPPORTED` on an MPI context (distributed
 * factorizations are not there yet).
 *
 * # Safety
 * `ctx` is a live context; `a` spans the `m x n` elements its strides
 * describe, writable; `ipiv` holds `min(m, n)` writable elements;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_cgetrf(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          oxpar_c32 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *ipiv,
                          int64_t *info);

/**
 * Solves `op(A)*X = B` (single-precision complex) with the LU factors and pivots of the `n x n` matrix `A` from `oxpar_cgetrf`; LAPACK's `getrs`.
 *
 * `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`)
 * picks `A`, `A^T` or `A^H`. `X` overwrites the `n x nrhs` matrix `b`.
 * `ipiv` holds the `n` 1-based pivots `getrf` wrote. No test for a
 * zero on `U`'s diagonal (as LAPACK's `getrs`): a singular factor
 * gives infinities or NaN.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (for `b`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `trans`, a
 * pivot outside `1..=n`), `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read);
 * `ipiv` holds `n` readable elements; `b` spans its `n x nrhs`
 * elements, writable.
 */
oxpar_status oxpar_cgetrs(const oxpar_context *ctx,
                          int32_t trans,
                          size_t n,
                          size_t nrhs,
                          const oxpar_c32 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const int64_t *ipiv,
                          oxpar_c32 *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb);

/**
 * Solves `A*X = B` (single-precision complex) for the `n x n` matrix `A` by LU with partial pivoting; LAPACK's `gesv`.
 *
 * `a` is overwritten by its factors, `ipiv` (`n` elements) by the
 * 1-based pivots, the `n x nrhs` matrix `b` by `X`. `a` and `b` must
 * not share elements.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based column of an exactly zero pivot on
 * `OXPAR_STATUS_SINGULAR`, after which `a` and `ipiv` hold the
 * completed factorization and `b` is unchanged.
 *
 * Errors: as `oxpar_cgetrf`, plus `OXPAR_STATUS_INVALID_ARGUMENT` when `b`
 * shares elements with `a` or `ipiv`.
 *
 * # Safety
 * As `oxpar_cgetrf` for `a`, `ipiv` (`n` elements) and `info`; `b` spans its
 * `n x nrhs` elements, writable.
 */
oxpar_status oxpar_cgesv(const oxpar_context *ctx,
                         size_t n,
                         size_t nrhs,
                         oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         int64_t *ipiv,
                         oxpar_c32 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         int64_t *info);

/**
 * Cholesky factorization (single-precision complex) of the Hermitian (symmetric) positive definite `n x n` matrix held in the `uplo` triangle of `a`, in place; LAPACK's `potrf`.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): `A = U^H*U` or
 * `A = L*L^H`, the factor overwriting that triangle; the other
 * triangle is neither read nor written, and the imaginary parts of
 * the diagonal are taken as zero.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * order of the leading minor that is not positive definite (a NaN on
 * the diagonal counts, as in LAPACK) on
 * `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`; then the columns before it
 * hold the factor of the leading minor, as LAPACK leaves them.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
 * `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`, `OXPAR_STATUS_UNSUPPORTED`
 * on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_cpotrf(const oxpar_context *ctx,
                          int32_t uplo,
                          size_t n,
                          oxpar_c32 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *info);

/**
 * Solves `A*X = B` (single-precision complex) with the Cholesky factor of `A` from `oxpar_cpotrf` in the `uplo` triangle of `a`; LAPACK's `potrs`.
 *
 * `X` overwrites the `n x nrhs` matrix `b`; the other triangle of `a`
 * is not read.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (for `b`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
 * `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read); `b`
 * spans its `n x nrhs` elements, writable.
 */
oxpar_status oxpar_cpotrs(const oxpar_context *ctx,
                          int32_t uplo,
                          size_t n,
                          size_t nrhs,
                          const oxpar_c32 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          oxpar_c32 *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb);

/**
 * Solves `A*X = B` (single-precision complex) for the Hermitian (symmetric) positive definite `n x n` matrix `A` held in the `uplo` triangle of `a`, by Cholesky; LAPACK's `posv`.
 *
 * The factor overwrites that triangle of `a`, `X` the `n x nrhs`
 * matrix `b`; `a` and `b` must not share elements. `info` as in
 * `oxpar_cpotrf`; on `OXPAR_STATUS_NOT_POSITIVE_DEFINITE` `b` is unchanged.
 *
 * Errors: as `oxpar_cpotrf`, plus `OXPAR_STATUS_INVALID_ARGUMENT` when `b`
 * shares elements with `a`.
 *
 * # Safety
 * As `oxpar_cpotrf`; `b` spans its `n x nrhs` elements, writable.
 */
oxpar_status oxpar_cposv(const oxpar_context *ctx,
                         int32_t uplo,
                         size_t n,
                         size_t nrhs,
                         oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         oxpar_c32 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         int64_t *info);

/**
 * Overwrites the LU factors of the `n x n` matrix `A` in `a` (single-precision complex), with their pivots from `oxpar_cgetrf`, by `inv(A)`; LAPACK's `getri`.
 *
 * `ipiv` holds the `n` 1-based pivots `oxpar_cgetrf` wrote. No workspace
 * argument: the library allocates an `n x n` one.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based index of an exactly zero element of `U`'s diagonal on
 * `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (a pivot outside `1..=n`),
 * `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `ipiv` holds `n` readable elements; `info` is NULL or writable.
 */
oxpar_status oxpar_cgetri(const oxpar_context *ctx,
                          size_t n,
                          oxpar_c32 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const int64_t *ipiv,
                          int64_t *info);

/**
 * Overwrites the Cholesky factor of `A` from `oxpar_cpotrf` in the `uplo` triangle of `a` (single-precision complex) by the same triangle of `inv(A)`; LAPACK's `potri`.
 *
 * The other triangle is neither read nor written (the inverse is
 * Hermitian: mirror it to have the whole matrix).
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based index of an exactly zero element of the factor's diagonal on
 * `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
 * `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_cpotri(const oxpar_context *ctx,
                          int32_t uplo,
                          size_t n,
                          oxpar_c32 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *info);

/**
 * Inverts the triangular `n x n` matrix held in the `uplo` triangle of `a` (single-precision complex), in place; LAPACK's `trtri`.
 *
 * `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`): with a unit
 * diagonal the diagonal is taken as 1 and not referenced. The other
 * triangle is neither read nor written.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based index of an exactly zero diagonal element on
 * `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo` or `diag`),
 * `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_ctrtri(const oxpar_context *ctx,
                          int32_t uplo,
                          int32_t diag,
                          size_t n,
                          oxpar_c32 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *info);

/**
 * The determinant of the `n x n` matrix `a` (single-precision complex) into `*det`, by LU with partial pivoting (NumPy's `det`).
 *
 * `a` is only read (a private copy is factored). A singular matrix is
 * no error: its determinant is 0. The determinant of a `0 x 0` matrix
 * is 1. For large matrices, whose determinant over- or underflows, use
 * `oxpar_cslogdet`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, `det`, or `a` of a
 * non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_UNSUPPORTED` on MPI; `*det` is written only on success.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read); `det`
 * is writable.
 */
oxpar_status oxpar_cdet(const oxpar_context *ctx,
                        size_t n,
                        const oxpar_c32 *a,
                        ptrdiff_t rsa,
                        ptrdiff_t csa,
                        oxpar_c32 *det);

/**
 * The sign and the logarithm of the absolute value of the determinant of the `n x n` matrix `a` (single-precision complex), NumPy's `slogdet`.
 *
 * `det = *sign * exp(*logabs)`, computed without over- or underflow.
 * For a real type `*sign` is 1, -1, or 0 for a singular matrix; for a
 * complex type it is the determinant's phase (modulus 1), or 0 for a
 * singular matrix. A singular matrix gives `*logabs = -INFINITY` and no
 * error. `a` is only read (a private copy is factored).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, `sign`, `logabs`, or `a`
 * of a non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_UNSUPPORTED` on MPI; the outputs are written only on
 * success.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read); `sign`
 * and `logabs` are writable.
 */
oxpar_status oxpar_cslogdet(const oxpar_context *ctx,
                            size_t n,
                            const oxpar_c32 *a,
                            ptrdiff_t rsa,
                            ptrdiff_t csa,
                            oxpar_c32 *sign,
                            float *logabs);

/**
 * Solves the `count` systems `A_k*X_k = B_k` (single-precision complex) of a batch, each by LU with partial pivoting; LAPACK's `gesv` on each, NumPy's stacked `solve`.
 *
 * Matrix `k` of a batch starts `k*bs` elements after element (0, 0)
 * of matrix 0, given by `a` (`b`), and has element strides `rs`, `cs`;
 * all three strides are non-negative (a C-order stack `(count, n, n)`
 * is `rs = n, cs = 1, bs = n*n`). Each `A_k` (`n x n`) is overwritten
 * by its LU factors, each `B_k` (`n x nrhs`) by `X_k`, and
 * `ipiv[k*n .. k*n + n]` (`count*n` elements) by system `k`'s 1-based
 * pivots. `a`, `b` and `ipiv` must lie in disjoint address ranges.
 *
 * A singular system does not stop the others: all are computed, and
 * the status is `OXPAR_STATUS_SINGULAR` for the lowest failing index.
 * `info` (may be NULL) receives 0 on success, else that system's
 * LAPACK `info` (the 1-based column of the zero pivot);
 * `failed_index` (may be NULL) receives -1 on success, else that
 * system's 0-based index. A failing system keeps its LU factors and
 * pivots, and its `B_k` is unchanged, as `oxpar_cgesv` leaves them.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (a negative stride, or a batch whose elements overlap),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (overlapping operands, misaligned
 * pointers), `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on
 * MPI. Argument errors leave `info` and `failed_index` alone.
 *
 * # Safety
 * `ctx` is a live context; `a` and `b` span the elements of their
 * batches, writable; `ipiv` holds `count*n` writable elements; `info`
 * and `failed_index` are NULL or writable.
 */
oxpar_status oxpar_cgesv_batch(const oxpar_context *ctx,
                               size_t count,
                               size_t n,
                               size_t nrhs,
                               oxpar_c32 *a,
                               ptrdiff_t rsa,
                               ptrdiff_t csa,
                               ptrdiff_t bsa,
                               int64_t *ipiv,
                               oxpar_c32 *b,
                               ptrdiff_t rsb,
                               ptrdiff_t csb,
                               ptrdiff_t bsb,
                               int64_t *info,
                               int64_t *failed_index);

/**
 * Overwrites each of the `count` `n x n` matrices of a batch (single-precision complex) by its inverse (NumPy's stacked `inv`).
 *
 * The batch is given as in `oxpar_cgesv_batch`. A singular matrix does not
 * stop the others; the status is `OXPAR_STATUS_SINGULAR`, `info` and
 * `failed_index` (each may be NULL) are set as in `oxpar_cgesv_batch`, and
 * the failing matrix holds its LU factors.
 *
 * Errors: as `oxpar_cgesv_batch`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch,
 * writable; `info` and `failed_index` are NULL or writable.
 */
oxpar_status oxpar_cinv_batch(const oxpar_context *ctx,
                              size_t count,
                              size_t n,
                              oxpar_c32 *a,
                              ptrdiff_t rsa,
                              ptrdiff_t csa,
                              ptrdiff_t bsa,
                              int64_t *info,
                              int64_t *failed_index);

/**
 * Cholesky factorization of each of the `count` Hermitian (symmetric) positive definite `n x n` matrices of a batch (single-precision complex), in place; `oxpar_cpotrf` on each.
 *
 * The batch is given as in `oxpar_cgesv_batch`; `uplo` as in `oxpar_cpotrf`. A
 * matrix that is not positive definite does not stop the others; the
 * status is `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`, `info` receives the
 * order of its failing leading minor and `failed_index` its 0-based
 * index (each may be NULL; 0 and -1 on success).
 *
 * Errors: as `oxpar_cgesv_batch`, with `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`
 * for `OXPAR_STATUS_SINGULAR`, plus `OXPAR_STATUS_INVALID_ARGUMENT`
 * for an unknown `uplo`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch,
 * writable; `info` and `failed_index` are NULL or writable.
 */
oxpar_status oxpar_cpotrf_batch(const oxpar_context *ctx,
                                int32_t uplo,
                                size_t count,
                                size_t n,
                                oxpar_c32 *a,
                                ptrdiff_t rsa,
                                ptrdiff_t csa,
                                ptrdiff_t bsa,
                                int64_t *info,
                                int64_t *failed_index);

/**
 * The determinant of each of the `count` `n x n` matrices of a batch (single-precision complex) into `dets[k]` (NumPy's stacked `det`).
 *
 * The batch is given as in `oxpar_cgesv_batch` and only read; `dets` holds
 * `count` elements, apart from `a`. A singular matrix has determinant
 * 0, no error.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (a negative stride), `OXPAR_STATUS_INVALID_ARGUMENT` (`dets`
 * overlapping `a`, misaligned pointers), `OXPAR_STATUS_UNSUPPORTED`
 * on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch
 * (read); `dets` holds `count` writable elements.
 */
oxpar_status oxpar_cdet_batch(const oxpar_context *ctx,
                              size_t count,
                              size_t n,
                              const oxpar_c32 *a,
                              ptrdiff_t rsa,
                              ptrdiff_t csa,
                              ptrdiff_t bsa,
                              oxpar_c32 *dets);

/**
 * `oxpar_cslogdet` of each of the `count` `n x n` matrices of a batch (single-precision complex) into `signs[k]` and `logdets[k]` (NumPy's stacked `slogdet`).
 *
 * The batch is given as in `oxpar_cgesv_batch` and only read; `signs` and
 * `logdets` hold `count` elements each, apart from each other and from
 * `a`. A singular matrix gives `(0, -INFINITY)`, no error.
 *
 * Errors: as `oxpar_cdet_batch`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch
 * (read); `signs` and `logdets` hold `count` writable elements each.
 */
oxpar_status oxpar_cslogdet_batch(const oxpar_context *ctx,
                                  size_t count,
                                  size_t n,
                                  const oxpar_c32 *a,
                                  ptrdiff_t rsa,
                                  ptrdiff_t csa,
                                  ptrdiff_t bsa,
                                  oxpar_c32 *signs,
                                  float *logdets);

/**
 * The eigenvalues, and optionally the eigenvectors, of the symmetric (Hermitian) `n x n` matrix `a` (single-precision complex); LAPACK's `cheev`.
 *
 * `jobz` is `'N'` (eigenvalues only) or `'V'` (values and vectors);
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`) names the triangle
 * of `a` that is read (the other one is not; the imaginary parts of a
 * complex diagonal are ignored). `w` (`n` elements) receives the
 * eigenvalues in ascending order; with `'V'` the orthonormal
 * eigenvectors overwrite `a`, column `k` for `w[k]`; with `'N'` the
 * contents of `a` afterwards are unspecified. `a` is given by a pointer
 * to its element (0, 0) and its element strides (`rsa`, `csa`;
 * column-major: `1, lda`). The library allocates its workspace (two
 * `n x n` matrices): there is no workspace query.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or on
 * `OXPAR_STATUS_NO_CONVERGENCE` (the QL/QR iteration needed more than
 * `30 n` sweeps) the number of off-diagonal elements of the tridiagonal
 * form that did not converge, as LAPACK; `w` and (with `'V'`) `a` then
 * hold the approximations reached.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`w` of a non-empty
 * matrix), `OXPAR_STATUS_INVALID_STRIDE`, `OXPAR_STATUS_INVALID_ARGUMENT`
 * (an unknown `jobz` or `uplo`, `w` overlapping `a` or misaligned, a NaN
 * or an infinity in the referenced triangle: then `a` and `w` are
 * untouched), `OXPAR_STATUS_NO_CONVERGENCE`, and
 * `OXPAR_STATUS_UNSUPPORTED` on an MPI context.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the `n x n` elements its strides
 * describe, writable; `w` holds `n` writable elements; `info` is NULL or
 * writable.
 */
oxpar_status oxpar_cheev(const oxpar_context *ctx,
                         char jobz,
                         int32_t uplo,
                         size_t n,
                         oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         float *w,
                         int64_t *info);

/**
 * `oxpar_cheev` on each of the `count` `n x n` matrices of a batch (single-precision complex) (NumPy's stacked `eigh`/`eigvalsh`).
 *
 * The batch is a pointer to matrix 0's element (0, 0), its row and
 * column strides and the batch stride `bsa` (matrix `k` starts `k*bsa`
 * elements further), all non-negative. `w` (`count * n` elements, apart
 * from `a`) receives matrix `k`'s eigenvalues at `w[k*n..]`; `jobz` and
 * `uplo` as in `oxpar_cheev`. The matrices run in parallel on the context's
 * threads. A failing matrix does not stop the others: on
 * `OXPAR_STATUS_NO_CONVERGENCE` `info` receives LAPACK's `info` of the
 * first failing matrix and `failed_index` its 0-based index (each may be
 * NULL; 0 and -1 on success). A NaN or Inf in a matrix is
 * `OXPAR_STATUS_INVALID_ARGUMENT` naming its index in the message; the
 * other matrices are computed.
 *
 * Errors: as `oxpar_cheev`, plus `OXPAR_STATUS_INVALID_STRIDE` for a negative
 * stride and `OXPAR_STATUS_INVALID_ARGUMENT` for `w` overlapping `a`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch,
 * writable; `w` holds `count * n` writable elements; `info` and
 * `failed_index` are NULL or writable.
 */
oxpar_status oxpar_cheev_batch(const oxpar_context *ctx,
                               char jobz,
                               int32_t uplo,
                               size_t count,
                               size_t n,
                               oxpar_c32 *a,
                               ptrdiff_t rsa,
                               ptrdiff_t csa,
                               ptrdiff_t bsa,
                               float *w,
                               int64_t *info,
                               int64_t *failed_index);

/**
 * Householder QR factorization `A = Q*R` of the `m x n` matrix `a` (single-precision complex), in place; LAPACK's `geqrf`.
 *
 * `R` (`min(m, n) x n`, upper trapezoidal) overwrites `a` on and above
 * the diagonal; the Householder vectors lie below it (their unit first
 * element not stored) and `tau` (`min(m, n)` elements) receives their
 * scalar factors: `Q = H(1)*H(2)*...*H(k)`, `H(i) = I - tau[i-1]*v_i*v_i^H`,
 * as in LAPACK. `oxpar_cunmqr` applies `Q`, `oxpar_cungqr` forms it. No workspace
 * argument: the library allocates (a copy of a `32`-column panel and a
 * `32 x 32` block reflector). Never a numerical failure (a zero column
 * gives `tau = 0`).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`tau` of a non-empty
 * matrix), `OXPAR_STATUS_INVALID_STRIDE` (strides that make two elements
 * of `a` share an address), `OXPAR_STATUS_INVALID_ARGUMENT` (`tau`
 * overlapping `a` or misaligned), `OXPAR_STATUS_UNSUPPORTED` on an MPI
 * context (no distributed QR yet).
 *
 * # Safety
 * `ctx` is a live context; `a` spans the `m x n` elements its strides
 * describe, writable; `tau` holds `min(m, n)` writable elements.
 */
oxpar_status oxpar_cgeqrf(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          oxpar_c32 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          oxpar_c32 *tau);

/**
 * Overwrites the `m x n` matrix `c` (single-precision complex) by `op(Q)*C` or `C*op(Q)`, `Q` given by the `k` reflectors from `oxpar_cgeqrf`; LAPACK's `unmqr`.
 *
 * `side`: `OXPAR_SIDE_LEFT` (`op(Q)*C`, `Q` is `m x m`) or
 * `OXPAR_SIDE_RIGHT` (`C*op(Q)`, `Q` is `n x n`). `trans`: `OXPAR_TRANS_NO` or `OXPAR_TRANS_CONJ` (`Q^H`; `OXPAR_TRANS_YES` is an invalid argument, as LAPACK's `unmqr`).
 * `a` is the `nq x k` matrix (`nq = m` on the left, `n` on the right,
 * `k <= nq`) whose columns below the diagonal hold the reflectors, `tau`
 * their `k` scalar factors, both as `oxpar_cgeqrf` wrote them (the first `k`
 * columns of its output); they are only read, and may share memory with
 * `c` (the library then copies them first). No workspace argument.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (for `c`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `side` or
 * `trans`, `k > nq`, a misaligned `tau`), `OXPAR_STATUS_UNSUPPORTED` on
 * MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `nq x k` elements (read); `tau`
 * holds `k` readable elements; `c` spans its `m x n` elements, writable.
 */
oxpar_status oxpar_cunmqr(const oxpar_context *ctx,
                          int32_t side,
                          int32_t trans,
                          size_t m,
                          size_t n,
                          size_t k,
                          const oxpar_c32 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const oxpar_c32 *tau,
                          oxpar_c32 *c,
                          ptrdiff_t rsc,
                          ptrdiff_t csc);

/**
 * Overwrites the `m x n` matrix `a` (single-precision complex), whose first `k` columns hold reflectors from `oxpar_cgeqrf`, by the first `n` columns of their `Q`; LAPACK's `ungqr`.
 *
 * `k <= n <= m`, as in LAPACK: with `n = k = min(m, n0)` after
 * `oxpar_cgeqrf` of an `m x n0` matrix this is the thin (economic) `Q`; for
 * the full `m x m` `Q` of `k` reflectors, copy them into the first `k`
 * columns of an `m x m` array and call with `n = m`. The columns of
 * `Q` are orthonormal. `tau` holds the `k` scalar factors and may
 * share memory with `a` (it is read first). No workspace argument: the
 * library allocates an `m x k` copy of the reflectors.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (`n > m`, `k > n`, a misaligned
 * `tau`), `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements, writable;
 * `tau` holds `k` readable elements.
 */
oxpar_status oxpar_cungqr(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          size_t k,
                          oxpar_c32 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const oxpar_c32 *tau);

/**
 * Least squares by QR for the full-rank `m x n` matrix `a` (single-precision complex), `m >= n`; LAPACK's `gels`.
 *
 * `trans` `OXPAR_TRANS_NO`: `X` minimizes `||A*X - B||_2`; `b` is
 * `m x nrhs`, its first `n` rows receive `X` and rows `n..m` the
 * residual's coordinates (the sum of their squares is the residual's
 * squared norm), as LAPACK leaves them. `OXPAR_TRANS_CONJ` (`OXPAR_TRANS_YES` is an invalid argument) for `trans` gives the
 * minimum-norm solution of the underdetermined `A^H*X = B`: `B` in the
 * first `n` rows of `b`, `X` (`m x nrhs`) in all of it. `a` is
 * overwritten by its QR factorization (as `oxpar_cgeqrf`, `tau` not
 * returned). `m < n` is `OXPAR_STATUS_UNSUPPORTED` (not there yet).
 * No workspace argument: the library allocates `n` scalars besides
 * `oxpar_cgeqrf`'s.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or on
 * `OXPAR_STATUS_SINGULAR` the 1-based index `i` of an exactly zero
 * `R(i, i)` (`A` is rank deficient, LAPACK's `info`), after which `a`
 * holds the factorization and `b` is unchanged. A nearly rank-deficient
 * `A` is not detected (an inaccurate solution, as in LAPACK).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `trans`, `b` sharing
 * elements with `a`), `OXPAR_STATUS_SINGULAR`,
 * `OXPAR_STATUS_UNSUPPORTED` (`m < n`; an MPI context).
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements and `b` its
 * `m x nrhs` elements, writable; `info` is NULL or writable.
 */
oxpar_status oxpar_cgels(const oxpar_context *ctx,
                         int32_t trans,
                         size_t m,
                         size_t n,
                         size_t nrhs,
                         oxpar_c32 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         oxpar_c32 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         int64_t *info);

/**
 * LU factorization with partial pivoting of the `m x n` matrix `a` (double-precision complex), in place: `A = P*L*U`, LAPACK's `getrf`.
 *
 * `L` (unit lower triangular or trapezoidal, its unit diagonal not
 * stored) overwrites `a` below the diagonal, `U` on and above it.
 * `ipiv` (`min(m, n)` elements, `int64_t`) receives the 1-based
 * pivots: row `i` was interchanged with row `ipiv[i - 1]`, as in
 * LAPACK. `a` is given by a pointer to its element (0, 0) and its
 * element strides (`rsa`, `csa`; column-major: `1, lda`).
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based column of an exactly zero pivot on
 * `OXPAR_STATUS_SINGULAR`, after which `a` and `ipiv` hold the
 * completed factorization, as LAPACK leaves them.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`ipiv` of a
 * non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE` (strides that make
 * two elements of `a` share an address), `OXPAR_STATUS_INVALID_ARGUMENT`
 * (`ipiv` overlapping `a` or misaligned), `OXPAR_STATUS_SINGULAR`, and
 * `OXPAR_STATUS_UNSUPPORTED` on an MPI context (distributed
 * factorizations are not there yet).
 *
 * # Safety
 * `ctx` is a live context; `a` spans the `m x n` elements its strides
 * describe, writable; `ipiv` holds `min(m, n)` writable elements;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_zgetrf(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          oxpar_c64 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *ipiv,
                          int64_t *info);

/**
 * Solves `op(A)*X = B` (double-precision complex) with the LU factors and pivots of the `n x n` matrix `A` from `oxpar_zgetrf`; LAPACK's `getrs`.
 *
 * `trans` (`OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` or `OXPAR_TRANS_CONJ`)
 * picks `A`, `A^T` or `A^H`. `X` overwrites the `n x nrhs` matrix `b`.
 * `ipiv` holds the `n` 1-based pivots `getrf` wrote. No test for a
 * zero on `U`'s diagonal (as LAPACK's `getrs`): a singular factor
 * gives infinities or NaN.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (for `b`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `trans`, a
 * pivot outside `1..=n`), `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read);
 * `ipiv` holds `n` readable elements; `b` spans its `n x nrhs`
 * elements, writable.
 */
oxpar_status oxpar_zgetrs(const oxpar_context *ctx,
                          int32_t trans,
                          size_t n,
                          size_t nrhs,
                          const oxpar_c64 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const int64_t *ipiv,
                          oxpar_c64 *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb);

/**
 * Solves `A*X = B` (double-precision complex) for the `n x n` matrix `A` by LU with partial pivoting; LAPACK's `gesv`.
 *
 * `a` is overwritten by its factors, `ipiv` (`n` elements) by the
 * 1-based pivots, the `n x nrhs` matrix `b` by `X`. `a` and `b` must
 * not share elements.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based column of an exactly zero pivot on
 * `OXPAR_STATUS_SINGULAR`, after which `a` and `ipiv` hold the
 * completed factorization and `b` is unchanged.
 *
 * Errors: as `oxpar_zgetrf`, plus `OXPAR_STATUS_INVALID_ARGUMENT` when `b`
 * shares elements with `a` or `ipiv`.
 *
 * # Safety
 * As `oxpar_zgetrf` for `a`, `ipiv` (`n` elements) and `info`; `b` spans its
 * `n x nrhs` elements, writable.
 */
oxpar_status oxpar_zgesv(const oxpar_context *ctx,
                         size_t n,
                         size_t nrhs,
                         oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         int64_t *ipiv,
                         oxpar_c64 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         int64_t *info);

/**
 * Cholesky factorization (double-precision complex) of the Hermitian (symmetric) positive definite `n x n` matrix held in the `uplo` triangle of `a`, in place; LAPACK's `potrf`.
 *
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`): `A = U^H*U` or
 * `A = L*L^H`, the factor overwriting that triangle; the other
 * triangle is neither read nor written, and the imaginary parts of
 * the diagonal are taken as zero.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * order of the leading minor that is not positive definite (a NaN on
 * the diagonal counts, as in LAPACK) on
 * `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`; then the columns before it
 * hold the factor of the leading minor, as LAPACK leaves them.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
 * `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`, `OXPAR_STATUS_UNSUPPORTED`
 * on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_zpotrf(const oxpar_context *ctx,
                          int32_t uplo,
                          size_t n,
                          oxpar_c64 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *info);

/**
 * Solves `A*X = B` (double-precision complex) with the Cholesky factor of `A` from `oxpar_zpotrf` in the `uplo` triangle of `a`; LAPACK's `potrs`.
 *
 * `X` overwrites the `n x nrhs` matrix `b`; the other triangle of `a`
 * is not read.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (for `b`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
 * `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read); `b`
 * spans its `n x nrhs` elements, writable.
 */
oxpar_status oxpar_zpotrs(const oxpar_context *ctx,
                          int32_t uplo,
                          size_t n,
                          size_t nrhs,
                          const oxpar_c64 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          oxpar_c64 *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb);

/**
 * Solves `A*X = B` (double-precision complex) for the Hermitian (symmetric) positive definite `n x n` matrix `A` held in the `uplo` triangle of `a`, by Cholesky; LAPACK's `posv`.
 *
 * The factor overwrites that triangle of `a`, `X` the `n x nrhs`
 * matrix `b`; `a` and `b` must not share elements. `info` as in
 * `oxpar_zpotrf`; on `OXPAR_STATUS_NOT_POSITIVE_DEFINITE` `b` is unchanged.
 *
 * Errors: as `oxpar_zpotrf`, plus `OXPAR_STATUS_INVALID_ARGUMENT` when `b`
 * shares elements with `a`.
 *
 * # Safety
 * As `oxpar_zpotrf`; `b` spans its `n x nrhs` elements, writable.
 */
oxpar_status oxpar_zposv(const oxpar_context *ctx,
                         int32_t uplo,
                         size_t n,
                         size_t nrhs,
                         oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         oxpar_c64 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         int64_t *info);

/**
 * Overwrites the LU factors of the `n x n` matrix `A` in `a` (double-precision complex), with their pivots from `oxpar_zgetrf`, by `inv(A)`; LAPACK's `getri`.
 *
 * `ipiv` holds the `n` 1-based pivots `oxpar_zgetrf` wrote. No workspace
 * argument: the library allocates an `n x n` one.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based index of an exactly zero element of `U`'s diagonal on
 * `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (a pivot outside `1..=n`),
 * `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `ipiv` holds `n` readable elements; `info` is NULL or writable.
 */
oxpar_status oxpar_zgetri(const oxpar_context *ctx,
                          size_t n,
                          oxpar_c64 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const int64_t *ipiv,
                          int64_t *info);

/**
 * Overwrites the Cholesky factor of `A` from `oxpar_zpotrf` in the `uplo` triangle of `a` (double-precision complex) by the same triangle of `inv(A)`; LAPACK's `potri`.
 *
 * The other triangle is neither read nor written (the inverse is
 * Hermitian: mirror it to have the whole matrix).
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based index of an exactly zero element of the factor's diagonal on
 * `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo`),
 * `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_zpotri(const oxpar_context *ctx,
                          int32_t uplo,
                          size_t n,
                          oxpar_c64 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *info);

/**
 * Inverts the triangular `n x n` matrix held in the `uplo` triangle of `a` (double-precision complex), in place; LAPACK's `trtri`.
 *
 * `diag` (`OXPAR_DIAG_NON_UNIT` or `OXPAR_DIAG_UNIT`): with a unit
 * diagonal the diagonal is taken as 1 and not referenced. The other
 * triangle is neither read nor written.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or the
 * 1-based index of an exactly zero diagonal element on
 * `OXPAR_STATUS_SINGULAR`, after which `a` is unchanged.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `uplo` or `diag`),
 * `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements, writable;
 * `info` is NULL or writable.
 */
oxpar_status oxpar_ztrtri(const oxpar_context *ctx,
                          int32_t uplo,
                          int32_t diag,
                          size_t n,
                          oxpar_c64 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          int64_t *info);

/**
 * The determinant of the `n x n` matrix `a` (double-precision complex) into `*det`, by LU with partial pivoting (NumPy's `det`).
 *
 * `a` is only read (a private copy is factored). A singular matrix is
 * no error: its determinant is 0. The determinant of a `0 x 0` matrix
 * is 1. For large matrices, whose determinant over- or underflows, use
 * `oxpar_zslogdet`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, `det`, or `a` of a
 * non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_UNSUPPORTED` on MPI; `*det` is written only on success.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read); `det`
 * is writable.
 */
oxpar_status oxpar_zdet(const oxpar_context *ctx,
                        size_t n,
                        const oxpar_c64 *a,
                        ptrdiff_t rsa,
                        ptrdiff_t csa,
                        oxpar_c64 *det);

/**
 * The sign and the logarithm of the absolute value of the determinant of the `n x n` matrix `a` (double-precision complex), NumPy's `slogdet`.
 *
 * `det = *sign * exp(*logabs)`, computed without over- or underflow.
 * For a real type `*sign` is 1, -1, or 0 for a singular matrix; for a
 * complex type it is the determinant's phase (modulus 1), or 0 for a
 * singular matrix. A singular matrix gives `*logabs = -INFINITY` and no
 * error. `a` is only read (a private copy is factored).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, `sign`, `logabs`, or `a`
 * of a non-empty matrix), `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_UNSUPPORTED` on MPI; the outputs are written only on
 * success.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `n x n` elements (read); `sign`
 * and `logabs` are writable.
 */
oxpar_status oxpar_zslogdet(const oxpar_context *ctx,
                            size_t n,
                            const oxpar_c64 *a,
                            ptrdiff_t rsa,
                            ptrdiff_t csa,
                            oxpar_c64 *sign,
                            double *logabs);

/**
 * Solves the `count` systems `A_k*X_k = B_k` (double-precision complex) of a batch, each by LU with partial pivoting; LAPACK's `gesv` on each, NumPy's stacked `solve`.
 *
 * Matrix `k` of a batch starts `k*bs` elements after element (0, 0)
 * of matrix 0, given by `a` (`b`), and has element strides `rs`, `cs`;
 * all three strides are non-negative (a C-order stack `(count, n, n)`
 * is `rs = n, cs = 1, bs = n*n`). Each `A_k` (`n x n`) is overwritten
 * by its LU factors, each `B_k` (`n x nrhs`) by `X_k`, and
 * `ipiv[k*n .. k*n + n]` (`count*n` elements) by system `k`'s 1-based
 * pivots. `a`, `b` and `ipiv` must lie in disjoint address ranges.
 *
 * A singular system does not stop the others: all are computed, and
 * the status is `OXPAR_STATUS_SINGULAR` for the lowest failing index.
 * `info` (may be NULL) receives 0 on success, else that system's
 * LAPACK `info` (the 1-based column of the zero pivot);
 * `failed_index` (may be NULL) receives -1 on success, else that
 * system's 0-based index. A failing system keeps its LU factors and
 * pivots, and its `B_k` is unchanged, as `oxpar_zgesv` leaves them.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (a negative stride, or a batch whose elements overlap),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (overlapping operands, misaligned
 * pointers), `OXPAR_STATUS_SINGULAR`, `OXPAR_STATUS_UNSUPPORTED` on
 * MPI. Argument errors leave `info` and `failed_index` alone.
 *
 * # Safety
 * `ctx` is a live context; `a` and `b` span the elements of their
 * batches, writable; `ipiv` holds `count*n` writable elements; `info`
 * and `failed_index` are NULL or writable.
 */
oxpar_status oxpar_zgesv_batch(const oxpar_context *ctx,
                               size_t count,
                               size_t n,
                               size_t nrhs,
                               oxpar_c64 *a,
                               ptrdiff_t rsa,
                               ptrdiff_t csa,
                               ptrdiff_t bsa,
                               int64_t *ipiv,
                               oxpar_c64 *b,
                               ptrdiff_t rsb,
                               ptrdiff_t csb,
                               ptrdiff_t bsb,
                               int64_t *info,
                               int64_t *failed_index);

/**
 * Overwrites each of the `count` `n x n` matrices of a batch (double-precision complex) by its inverse (NumPy's stacked `inv`).
 *
 * The batch is given as in `oxpar_zgesv_batch`. A singular matrix does not
 * stop the others; the status is `OXPAR_STATUS_SINGULAR`, `info` and
 * `failed_index` (each may be NULL) are set as in `oxpar_zgesv_batch`, and
 * the failing matrix holds its LU factors.
 *
 * Errors: as `oxpar_zgesv_batch`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch,
 * writable; `info` and `failed_index` are NULL or writable.
 */
oxpar_status oxpar_zinv_batch(const oxpar_context *ctx,
                              size_t count,
                              size_t n,
                              oxpar_c64 *a,
                              ptrdiff_t rsa,
                              ptrdiff_t csa,
                              ptrdiff_t bsa,
                              int64_t *info,
                              int64_t *failed_index);

/**
 * Cholesky factorization of each of the `count` Hermitian (symmetric) positive definite `n x n` matrices of a batch (double-precision complex), in place; `oxpar_zpotrf` on each.
 *
 * The batch is given as in `oxpar_zgesv_batch`; `uplo` as in `oxpar_zpotrf`. A
 * matrix that is not positive definite does not stop the others; the
 * status is `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`, `info` receives the
 * order of its failing leading minor and `failed_index` its 0-based
 * index (each may be NULL; 0 and -1 on success).
 *
 * Errors: as `oxpar_zgesv_batch`, with `OXPAR_STATUS_NOT_POSITIVE_DEFINITE`
 * for `OXPAR_STATUS_SINGULAR`, plus `OXPAR_STATUS_INVALID_ARGUMENT`
 * for an unknown `uplo`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch,
 * writable; `info` and `failed_index` are NULL or writable.
 */
oxpar_status oxpar_zpotrf_batch(const oxpar_context *ctx,
                                int32_t uplo,
                                size_t count,
                                size_t n,
                                oxpar_c64 *a,
                                ptrdiff_t rsa,
                                ptrdiff_t csa,
                                ptrdiff_t bsa,
                                int64_t *info,
                                int64_t *failed_index);

/**
 * The determinant of each of the `count` `n x n` matrices of a batch (double-precision complex) into `dets[k]` (NumPy's stacked `det`).
 *
 * The batch is given as in `oxpar_zgesv_batch` and only read; `dets` holds
 * `count` elements, apart from `a`. A singular matrix has determinant
 * 0, no error.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (a negative stride), `OXPAR_STATUS_INVALID_ARGUMENT` (`dets`
 * overlapping `a`, misaligned pointers), `OXPAR_STATUS_UNSUPPORTED`
 * on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch
 * (read); `dets` holds `count` writable elements.
 */
oxpar_status oxpar_zdet_batch(const oxpar_context *ctx,
                              size_t count,
                              size_t n,
                              const oxpar_c64 *a,
                              ptrdiff_t rsa,
                              ptrdiff_t csa,
                              ptrdiff_t bsa,
                              oxpar_c64 *dets);

/**
 * `oxpar_zslogdet` of each of the `count` `n x n` matrices of a batch (double-precision complex) into `signs[k]` and `logdets[k]` (NumPy's stacked `slogdet`).
 *
 * The batch is given as in `oxpar_zgesv_batch` and only read; `signs` and
 * `logdets` hold `count` elements each, apart from each other and from
 * `a`. A singular matrix gives `(0, -INFINITY)`, no error.
 *
 * Errors: as `oxpar_zdet_batch`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch
 * (read); `signs` and `logdets` hold `count` writable elements each.
 */
oxpar_status oxpar_zslogdet_batch(const oxpar_context *ctx,
                                  size_t count,
                                  size_t n,
                                  const oxpar_c64 *a,
                                  ptrdiff_t rsa,
                                  ptrdiff_t csa,
                                  ptrdiff_t bsa,
                                  oxpar_c64 *signs,
                                  double *logdets);

/**
 * The eigenvalues, and optionally the eigenvectors, of the symmetric (Hermitian) `n x n` matrix `a` (double-precision complex); LAPACK's `zheev`.
 *
 * `jobz` is `'N'` (eigenvalues only) or `'V'` (values and vectors);
 * `uplo` (`OXPAR_UPLO_UPPER` or `OXPAR_UPLO_LOWER`) names the triangle
 * of `a` that is read (the other one is not; the imaginary parts of a
 * complex diagonal are ignored). `w` (`n` elements) receives the
 * eigenvalues in ascending order; with `'V'` the orthonormal
 * eigenvectors overwrite `a`, column `k` for `w[k]`; with `'N'` the
 * contents of `a` afterwards are unspecified. `a` is given by a pointer
 * to its element (0, 0) and its element strides (`rsa`, `csa`;
 * column-major: `1, lda`). The library allocates its workspace (two
 * `n x n` matrices): there is no workspace query.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or on
 * `OXPAR_STATUS_NO_CONVERGENCE` (the QL/QR iteration needed more than
 * `30 n` sweeps) the number of off-diagonal elements of the tridiagonal
 * form that did not converge, as LAPACK; `w` and (with `'V'`) `a` then
 * hold the approximations reached.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`w` of a non-empty
 * matrix), `OXPAR_STATUS_INVALID_STRIDE`, `OXPAR_STATUS_INVALID_ARGUMENT`
 * (an unknown `jobz` or `uplo`, `w` overlapping `a` or misaligned, a NaN
 * or an infinity in the referenced triangle: then `a` and `w` are
 * untouched), `OXPAR_STATUS_NO_CONVERGENCE`, and
 * `OXPAR_STATUS_UNSUPPORTED` on an MPI context.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the `n x n` elements its strides
 * describe, writable; `w` holds `n` writable elements; `info` is NULL or
 * writable.
 */
oxpar_status oxpar_zheev(const oxpar_context *ctx,
                         char jobz,
                         int32_t uplo,
                         size_t n,
                         oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         double *w,
                         int64_t *info);

/**
 * `oxpar_zheev` on each of the `count` `n x n` matrices of a batch (double-precision complex) (NumPy's stacked `eigh`/`eigvalsh`).
 *
 * The batch is a pointer to matrix 0's element (0, 0), its row and
 * column strides and the batch stride `bsa` (matrix `k` starts `k*bsa`
 * elements further), all non-negative. `w` (`count * n` elements, apart
 * from `a`) receives matrix `k`'s eigenvalues at `w[k*n..]`; `jobz` and
 * `uplo` as in `oxpar_zheev`. The matrices run in parallel on the context's
 * threads. A failing matrix does not stop the others: on
 * `OXPAR_STATUS_NO_CONVERGENCE` `info` receives LAPACK's `info` of the
 * first failing matrix and `failed_index` its 0-based index (each may be
 * NULL; 0 and -1 on success). A NaN or Inf in a matrix is
 * `OXPAR_STATUS_INVALID_ARGUMENT` naming its index in the message; the
 * other matrices are computed.
 *
 * Errors: as `oxpar_zheev`, plus `OXPAR_STATUS_INVALID_STRIDE` for a negative
 * stride and `OXPAR_STATUS_INVALID_ARGUMENT` for `w` overlapping `a`.
 *
 * # Safety
 * `ctx` is a live context; `a` spans the elements of its batch,
 * writable; `w` holds `count * n` writable elements; `info` and
 * `failed_index` are NULL or writable.
 */
oxpar_status oxpar_zheev_batch(const oxpar_context *ctx,
                               char jobz,
                               int32_t uplo,
                               size_t count,
                               size_t n,
                               oxpar_c64 *a,
                               ptrdiff_t rsa,
                               ptrdiff_t csa,
                               ptrdiff_t bsa,
                               double *w,
                               int64_t *info,
                               int64_t *failed_index);

/**
 * Householder QR factorization `A = Q*R` of the `m x n` matrix `a` (double-precision complex), in place; LAPACK's `geqrf`.
 *
 * `R` (`min(m, n) x n`, upper trapezoidal) overwrites `a` on and above
 * the diagonal; the Householder vectors lie below it (their unit first
 * element not stored) and `tau` (`min(m, n)` elements) receives their
 * scalar factors: `Q = H(1)*H(2)*...*H(k)`, `H(i) = I - tau[i-1]*v_i*v_i^H`,
 * as in LAPACK. `oxpar_zunmqr` applies `Q`, `oxpar_zungqr` forms it. No workspace
 * argument: the library allocates (a copy of a `32`-column panel and a
 * `32 x 32` block reflector). Never a numerical failure (a zero column
 * gives `tau = 0`).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (`ctx`, or `a`/`tau` of a non-empty
 * matrix), `OXPAR_STATUS_INVALID_STRIDE` (strides that make two elements
 * of `a` share an address), `OXPAR_STATUS_INVALID_ARGUMENT` (`tau`
 * overlapping `a` or misaligned), `OXPAR_STATUS_UNSUPPORTED` on an MPI
 * context (no distributed QR yet).
 *
 * # Safety
 * `ctx` is a live context; `a` spans the `m x n` elements its strides
 * describe, writable; `tau` holds `min(m, n)` writable elements.
 */
oxpar_status oxpar_zgeqrf(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          oxpar_c64 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          oxpar_c64 *tau);

/**
 * Overwrites the `m x n` matrix `c` (double-precision complex) by `op(Q)*C` or `C*op(Q)`, `Q` given by the `k` reflectors from `oxpar_zgeqrf`; LAPACK's `unmqr`.
 *
 * `side`: `OXPAR_SIDE_LEFT` (`op(Q)*C`, `Q` is `m x m`) or
 * `OXPAR_SIDE_RIGHT` (`C*op(Q)`, `Q` is `n x n`). `trans`: `OXPAR_TRANS_NO` or `OXPAR_TRANS_CONJ` (`Q^H`; `OXPAR_TRANS_YES` is an invalid argument, as LAPACK's `unmqr`).
 * `a` is the `nq x k` matrix (`nq = m` on the left, `n` on the right,
 * `k <= nq`) whose columns below the diagonal hold the reflectors, `tau`
 * their `k` scalar factors, both as `oxpar_zgeqrf` wrote them (the first `k`
 * columns of its output); they are only read, and may share memory with
 * `c` (the library then copies them first). No workspace argument.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`
 * (for `c`), `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `side` or
 * `trans`, `k > nq`, a misaligned `tau`), `OXPAR_STATUS_UNSUPPORTED` on
 * MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `nq x k` elements (read); `tau`
 * holds `k` readable elements; `c` spans its `m x n` elements, writable.
 */
oxpar_status oxpar_zunmqr(const oxpar_context *ctx,
                          int32_t side,
                          int32_t trans,
                          size_t m,
                          size_t n,
                          size_t k,
                          const oxpar_c64 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const oxpar_c64 *tau,
                          oxpar_c64 *c,
                          ptrdiff_t rsc,
                          ptrdiff_t csc);

/**
 * Overwrites the `m x n` matrix `a` (double-precision complex), whose first `k` columns hold reflectors from `oxpar_zgeqrf`, by the first `n` columns of their `Q`; LAPACK's `ungqr`.
 *
 * `k <= n <= m`, as in LAPACK: with `n = k = min(m, n0)` after
 * `oxpar_zgeqrf` of an `m x n0` matrix this is the thin (economic) `Q`; for
 * the full `m x m` `Q` of `k` reflectors, copy them into the first `k`
 * columns of an `m x m` array and call with `n = m`. The columns of
 * `Q` are orthonormal. `tau` holds the `k` scalar factors and may
 * share memory with `a` (it is read first). No workspace argument: the
 * library allocates an `m x k` copy of the reflectors.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (`n > m`, `k > n`, a misaligned
 * `tau`), `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements, writable;
 * `tau` holds `k` readable elements.
 */
oxpar_status oxpar_zungqr(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          size_t k,
                          oxpar_c64 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          const oxpar_c64 *tau);

/**
 * Least squares by QR for the full-rank `m x n` matrix `a` (double-precision complex), `m >= n`; LAPACK's `gels`.
 *
 * `trans` `OXPAR_TRANS_NO`: `X` minimizes `||A*X - B||_2`; `b` is
 * `m x nrhs`, its first `n` rows receive `X` and rows `n..m` the
 * residual's coordinates (the sum of their squares is the residual's
 * squared norm), as LAPACK leaves them. `OXPAR_TRANS_CONJ` (`OXPAR_TRANS_YES` is an invalid argument) for `trans` gives the
 * minimum-norm solution of the underdetermined `A^H*X = B`: `B` in the
 * first `n` rows of `b`, `X` (`m x nrhs`) in all of it. `a` is
 * overwritten by its QR factorization (as `oxpar_zgeqrf`, `tau` not
 * returned). `m < n` is `OXPAR_STATUS_UNSUPPORTED` (not there yet).
 * No workspace argument: the library allocates `n` scalars besides
 * `oxpar_zgeqrf`'s.
 *
 * `info` may be NULL; otherwise it receives 0 on success, or on
 * `OXPAR_STATUS_SINGULAR` the 1-based index `i` of an exactly zero
 * `R(i, i)` (`A` is rank deficient, LAPACK's `info`), after which `a`
 * holds the factorization and `b` is unchanged. A nearly rank-deficient
 * `A` is not detected (an inaccurate solution, as in LAPACK).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown `trans`, `b` sharing
 * elements with `a`), `OXPAR_STATUS_SINGULAR`,
 * `OXPAR_STATUS_UNSUPPORTED` (`m < n`; an MPI context).
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements and `b` its
 * `m x nrhs` elements, writable; `info` is NULL or writable.
 */
oxpar_status oxpar_zgels(const oxpar_context *ctx,
                         int32_t trans,
                         size_t m,
                         size_t n,
                         size_t nrhs,
                         oxpar_c64 *a,
                         ptrdiff_t rsa,
                         ptrdiff_t csa,
                         oxpar_c64 *b,
                         ptrdiff_t rsb,
                         ptrdiff_t csb,
                         int64_t *info);

/**
 * The singular value decomposition `A = U * diag(s) * V^H` of the `m x n` matrix `a` (floats); LAPACK's `gesvd`.
 *
 * `s` (`min(m, n)` reals) receives the singular values, descending.
 * `jobu`: `'A'` all `m` columns of `U` into the `m x m` matrix `u`,
 * `'S'` the leading `min(m, n)` into the `m x min(m, n)` matrix `u`,
 * `'N'` none (`u` is not referenced and may be NULL); `jobvt` likewise
 * for the rows of `V^H` in `vt` (`n x n` or `min(m, n) x n`). Either
 * case; `'O'` (overwrite `a`) is refused. `a` is destroyed. No
 * workspace argument: the library allocates copies of `a`, `U` and `V`.
 *
 * NaN or Inf in `a` is `OXPAR_STATUS_INVALID_ARGUMENT` (nothing
 * written). `info` may be NULL; otherwise it receives 0 on success, or
 * on `OXPAR_STATUS_NO_CONVERGENCE` LAPACK's count of superdiagonals of
 * the bidiagonal form that did not converge to zero; then `s` holds the
 * diagonal of the partly reduced bidiagonal (unsorted) and `u`, `vt`
 * are not written.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown job, `'O'`, NaN or Inf,
 * outputs that share elements), `OXPAR_STATUS_NO_CONVERGENCE`,
 * `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements, writable;
 * `s` holds `min(m, n)` writable elements; `u` and `vt` (unless their
 * job is `'N'`) span their elements, writable; `info` is NULL or
 * writable.
 */
oxpar_status oxpar_sgesvd(const oxpar_context *ctx,
                          char jobu,
                          char jobvt,
                          size_t m,
                          size_t n,
                          float *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          float *s,
                          float *u,
                          ptrdiff_t rsu,
                          ptrdiff_t csu,
                          float *vt,
                          ptrdiff_t rsvt,
                          ptrdiff_t csvt,
                          int64_t *info);

/**
 * The minimum-norm least-squares solution of `min ||A*X - B||_2` (floats) by the SVD, for any `m x n` matrix `a`, rank-deficient too; LAPACK's `gelss`.
 *
 * `b` is `max(m, n) x nrhs`: its first `m` rows hold `B` on entry, its
 * first `n` rows `X` on return (rows `n..m` are left as they were).
 * Singular values at most `rcond * s[0]` count as zero; a negative
 * `rcond` means machine epsilon (as LAPACK). `s` (`min(m, n)` reals)
 * receives the singular values, `*rank` (may be NULL) the effective
 * rank. `a` is destroyed.
 *
 * `info` as in `oxpar_sgesvd` (`b` is then not written).
 *
 * Errors: as `oxpar_sgesvd`, and `OXPAR_STATUS_INVALID_ARGUMENT` for a NaN
 * `rcond` or outputs that share elements.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements and `b` its
 * `max(m, n) x nrhs` elements, writable; `s` holds `min(m, n)` writable
 * elements; `rank` and `info` are NULL or writable.
 */
oxpar_status oxpar_sgelss(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          size_t nrhs,
                          float *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          float *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb,
                          float rcond,
                          float *s,
                          int64_t *rank,
                          int64_t *info);

/**
 * The singular value decomposition `A = U * diag(s) * V^H` of the `m x n` matrix `a` (doubles); LAPACK's `gesvd`.
 *
 * `s` (`min(m, n)` reals) receives the singular values, descending.
 * `jobu`: `'A'` all `m` columns of `U` into the `m x m` matrix `u`,
 * `'S'` the leading `min(m, n)` into the `m x min(m, n)` matrix `u`,
 * `'N'` none (`u` is not referenced and may be NULL); `jobvt` likewise
 * for the rows of `V^H` in `vt` (`n x n` or `min(m, n) x n`). Either
 * case; `'O'` (overwrite `a`) is refused. `a` is destroyed. No
 * workspace argument: the library allocates copies of `a`, `U` and `V`.
 *
 * NaN or Inf in `a` is `OXPAR_STATUS_INVALID_ARGUMENT` (nothing
 * written). `info` may be NULL; otherwise it receives 0 on success, or
 * on `OXPAR_STATUS_NO_CONVERGENCE` LAPACK's count of superdiagonals of
 * the bidiagonal form that did not converge to zero; then `s` holds the
 * diagonal of the partly reduced bidiagonal (unsorted) and `u`, `vt`
 * are not written.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown job, `'O'`, NaN or Inf,
 * outputs that share elements), `OXPAR_STATUS_NO_CONVERGENCE`,
 * `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements, writable;
 * `s` holds `min(m, n)` writable elements; `u` and `vt` (unless their
 * job is `'N'`) span their elements, writable; `info` is NULL or
 * writable.
 */
oxpar_status oxpar_dgesvd(const oxpar_context *ctx,
                          char jobu,
                          char jobvt,
                          size_t m,
                          size_t n,
                          double *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          double *s,
                          double *u,
                          ptrdiff_t rsu,
                          ptrdiff_t csu,
                          double *vt,
                          ptrdiff_t rsvt,
                          ptrdiff_t csvt,
                          int64_t *info);

/**
 * The minimum-norm least-squares solution of `min ||A*X - B||_2` (doubles) by the SVD, for any `m x n` matrix `a`, rank-deficient too; LAPACK's `gelss`.
 *
 * `b` is `max(m, n) x nrhs`: its first `m` rows hold `B` on entry, its
 * first `n` rows `X` on return (rows `n..m` are left as they were).
 * Singular values at most `rcond * s[0]` count as zero; a negative
 * `rcond` means machine epsilon (as LAPACK). `s` (`min(m, n)` reals)
 * receives the singular values, `*rank` (may be NULL) the effective
 * rank. `a` is destroyed.
 *
 * `info` as in `oxpar_dgesvd` (`b` is then not written).
 *
 * Errors: as `oxpar_dgesvd`, and `OXPAR_STATUS_INVALID_ARGUMENT` for a NaN
 * `rcond` or outputs that share elements.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements and `b` its
 * `max(m, n) x nrhs` elements, writable; `s` holds `min(m, n)` writable
 * elements; `rank` and `info` are NULL or writable.
 */
oxpar_status oxpar_dgelss(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          size_t nrhs,
                          double *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          double *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb,
                          double rcond,
                          double *s,
                          int64_t *rank,
                          int64_t *info);

/**
 * The singular value decomposition `A = U * diag(s) * V^H` of the `m x n` matrix `a` (single-precision complex); LAPACK's `gesvd`.
 *
 * `s` (`min(m, n)` reals) receives the singular values, descending.
 * `jobu`: `'A'` all `m` columns of `U` into the `m x m` matrix `u`,
 * `'S'` the leading `min(m, n)` into the `m x min(m, n)` matrix `u`,
 * `'N'` none (`u` is not referenced and may be NULL); `jobvt` likewise
 * for the rows of `V^H` in `vt` (`n x n` or `min(m, n) x n`). Either
 * case; `'O'` (overwrite `a`) is refused. `a` is destroyed. No
 * workspace argument: the library allocates copies of `a`, `U` and `V`.
 *
 * NaN or Inf in `a` is `OXPAR_STATUS_INVALID_ARGUMENT` (nothing
 * written). `info` may be NULL; otherwise it receives 0 on success, or
 * on `OXPAR_STATUS_NO_CONVERGENCE` LAPACK's count of superdiagonals of
 * the bidiagonal form that did not converge to zero; then `s` holds the
 * diagonal of the partly reduced bidiagonal (unsorted) and `u`, `vt`
 * are not written.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown job, `'O'`, NaN or Inf,
 * outputs that share elements), `OXPAR_STATUS_NO_CONVERGENCE`,
 * `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements, writable;
 * `s` holds `min(m, n)` writable elements; `u` and `vt` (unless their
 * job is `'N'`) span their elements, writable; `info` is NULL or
 * writable.
 */
oxpar_status oxpar_cgesvd(const oxpar_context *ctx,
                          char jobu,
                          char jobvt,
                          size_t m,
                          size_t n,
                          oxpar_c32 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          float *s,
                          oxpar_c32 *u,
                          ptrdiff_t rsu,
                          ptrdiff_t csu,
                          oxpar_c32 *vt,
                          ptrdiff_t rsvt,
                          ptrdiff_t csvt,
                          int64_t *info);

/**
 * The minimum-norm least-squares solution of `min ||A*X - B||_2` (single-precision complex) by the SVD, for any `m x n` matrix `a`, rank-deficient too; LAPACK's `gelss`.
 *
 * `b` is `max(m, n) x nrhs`: its first `m` rows hold `B` on entry, its
 * first `n` rows `X` on return (rows `n..m` are left as they were).
 * Singular values at most `rcond * s[0]` count as zero; a negative
 * `rcond` means machine epsilon (as LAPACK). `s` (`min(m, n)` reals)
 * receives the singular values, `*rank` (may be NULL) the effective
 * rank. `a` is destroyed.
 *
 * `info` as in `oxpar_cgesvd` (`b` is then not written).
 *
 * Errors: as `oxpar_cgesvd`, and `OXPAR_STATUS_INVALID_ARGUMENT` for a NaN
 * `rcond` or outputs that share elements.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements and `b` its
 * `max(m, n) x nrhs` elements, writable; `s` holds `min(m, n)` writable
 * elements; `rank` and `info` are NULL or writable.
 */
oxpar_status oxpar_cgelss(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          size_t nrhs,
                          oxpar_c32 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          oxpar_c32 *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb,
                          float rcond,
                          float *s,
                          int64_t *rank,
                          int64_t *info);

/**
 * The singular value decomposition `A = U * diag(s) * V^H` of the `m x n` matrix `a` (double-precision complex); LAPACK's `gesvd`.
 *
 * `s` (`min(m, n)` reals) receives the singular values, descending.
 * `jobu`: `'A'` all `m` columns of `U` into the `m x m` matrix `u`,
 * `'S'` the leading `min(m, n)` into the `m x min(m, n)` matrix `u`,
 * `'N'` none (`u` is not referenced and may be NULL); `jobvt` likewise
 * for the rows of `V^H` in `vt` (`n x n` or `min(m, n) x n`). Either
 * case; `'O'` (overwrite `a`) is refused. `a` is destroyed. No
 * workspace argument: the library allocates copies of `a`, `U` and `V`.
 *
 * NaN or Inf in `a` is `OXPAR_STATUS_INVALID_ARGUMENT` (nothing
 * written). `info` may be NULL; otherwise it receives 0 on success, or
 * on `OXPAR_STATUS_NO_CONVERGENCE` LAPACK's count of superdiagonals of
 * the bidiagonal form that did not converge to zero; then `s` holds the
 * diagonal of the partly reduced bidiagonal (unsorted) and `u`, `vt`
 * are not written.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_INVALID_STRIDE`,
 * `OXPAR_STATUS_INVALID_ARGUMENT` (an unknown job, `'O'`, NaN or Inf,
 * outputs that share elements), `OXPAR_STATUS_NO_CONVERGENCE`,
 * `OXPAR_STATUS_UNSUPPORTED` on MPI.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements, writable;
 * `s` holds `min(m, n)` writable elements; `u` and `vt` (unless their
 * job is `'N'`) span their elements, writable; `info` is NULL or
 * writable.
 */
oxpar_status oxpar_zgesvd(const oxpar_context *ctx,
                          char jobu,
                          char jobvt,
                          size_t m,
                          size_t n,
                          oxpar_c64 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          double *s,
                          oxpar_c64 *u,
                          ptrdiff_t rsu,
                          ptrdiff_t csu,
                          oxpar_c64 *vt,
                          ptrdiff_t rsvt,
                          ptrdiff_t csvt,
                          int64_t *info);

/**
 * The minimum-norm least-squares solution of `min ||A*X - B||_2` (double-precision complex) by the SVD, for any `m x n` matrix `a`, rank-deficient too; LAPACK's `gelss`.
 *
 * `b` is `max(m, n) x nrhs`: its first `m` rows hold `B` on entry, its
 * first `n` rows `X` on return (rows `n..m` are left as they were).
 * Singular values at most `rcond * s[0]` count as zero; a negative
 * `rcond` means machine epsilon (as LAPACK). `s` (`min(m, n)` reals)
 * receives the singular values, `*rank` (may be NULL) the effective
 * rank. `a` is destroyed.
 *
 * `info` as in `oxpar_zgesvd` (`b` is then not written).
 *
 * Errors: as `oxpar_zgesvd`, and `OXPAR_STATUS_INVALID_ARGUMENT` for a NaN
 * `rcond` or outputs that share elements.
 *
 * # Safety
 * `ctx` is a live context; `a` spans its `m x n` elements and `b` its
 * `max(m, n) x nrhs` elements, writable; `s` holds `min(m, n)` writable
 * elements; `rank` and `info` are NULL or writable.
 */
oxpar_status oxpar_zgelss(const oxpar_context *ctx,
                          size_t m,
                          size_t n,
                          size_t nrhs,
                          oxpar_c64 *a,
                          ptrdiff_t rsa,
                          ptrdiff_t csa,
                          oxpar_c64 *b,
                          ptrdiff_t rsb,
                          ptrdiff_t csb,
                          double rcond,
                          double *s,
                          int64_t *rank,
                          int64_t *info);

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

/**
 * Creates an MPI context over a communicator given by its Fortran handle:
 * C passes `MPI_Comm_c2f(comm)`, Fortran its `integer :: comm`, mpi4py
 * `comm.py2f()`. oxpar duplicates the communicator (so its messages never
 * mix with the program's) and frees the duplicate with the context; the
 * program keeps its own. `spec` is `"mpi"`, `"mpi+threads"` (the default
 * when NULL: each rank gets the CPUs of its node divided by the ranks on the
 * node), `"mpi+threads:N"`, `"mpi+serial"` or `"mpi+opencl..."`.
 *
 * MPI: if the program has not initialized MPI, oxpar does (asking for
 * `MPI_THREAD_SERIALIZED`) and finalizes it at exit; oxpar never finalizes
 * an MPI the program initialized. Collective over `comm`: if it fails on
 * any rank, it fails on every rank.
 *
 * Thread level: oxpar makes its MPI calls on the thread that called the
 * oxpar function, one call at a time per context, and its compute threads
 * never call MPI. So plain `MPI_Init` (`MPI_THREAD_SINGLE`) or
 * `MPI_THREAD_FUNNELED` is enough for every operation (the distributed BLAS,
 * halo exchanges, grids, reproducible mode, the task farm) as long as the
 * program calls oxpar on an MPI context from the thread that initialized MPI
 * only (an `"mpi+threads"` context still computes on several threads; use
 * FUNNELED rather than SINGLE if your MPI insists that no other thread
 * exists). `MPI_THREAD_SERIALIZED` lets any thread call oxpar on MPI
 * contexts, one at a time. The task farm runs its tasks on all of the
 * context's threads at every level (they never call MPI; the calling thread
 * hands out work meanwhile).
 * `MPI_THREAD_MULTIPLE` adds nothing for oxpar, whose calls on one context
 * are serialized, but is fine.
 *
 * On an MPI context every routine that communicates (`dot`, `nrm2`, `asum`,
 * `sum`, `i?amax`, the `oxpar_mpi_*` routines) is collective: every rank
 * calls it, in the same order. A wrong argument on one rank is an error on
 * every rank (the others' message names it), and so are ranks that mix
 * element types or operations: `oxpar_sdot` on one rank with `oxpar_ddot`
 * on the others is `OXPAR_STATUS_INVALID_ARGUMENT` everywhere, with a
 * message such as `rank 1 of 2 called it with f32 where rank 0 has f64`.
 *
 * Reproducible mode starts as `OXPAR_REPRODUCIBLE` says (see
 * `oxpar_context_create`).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (out), `OXPAR_STATUS_INVALID_ARGUMENT`
 * (bad spec, a handle that is not an intra-communicator, a bad
 * `OXPAR_REPRODUCIBLE`),
 * `OXPAR_STATUS_BACKEND_UNAVAILABLE` (no MPI in this build, MPI already
 * finalized), `OXPAR_STATUS_COMM_ERROR` (MPI failed, with MPI's message).
 *
 * # Safety
 * `spec` is NULL or NUL-terminated; `out` is NULL or writable.
 */
oxpar_status oxpar_context_create_mpi(const char *spec, int32_t comm, oxpar_context **out);

/**
 * Stores this process's rank in the context's communicator in `*rank` and
 * the number of ranks in `*size` (either pointer may be NULL). A context
 * that is not MPI is a one-process world: rank 0 of 1.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx).
 *
 * # Safety
 * `ctx` is NULL or a live context; `rank` and `size` are NULL or writable.
 */
oxpar_status oxpar_mpi_rank(const oxpar_context *ctx, size_t *rank, size_t *size);

/**
 * Stores in `*out` how many ranks of the context's communicator share this
 * rank's node (1 for a context that is not MPI). The default thread count
 * of an `"mpi+threads"` context is the node's CPUs divided by this.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out).
 *
 * # Safety
 * `ctx` is NULL or a live context; `out` is NULL or writable.
 */
oxpar_status oxpar_mpi_ranks_on_node(const oxpar_context *ctx, size_t *out);

/**
 * Stores in `*comm` the Fortran handle of the context's communicator
 * (oxpar's duplicate: use it to run your own collectives alongside oxpar's
 * without mixing messages; do not free it).
 *
 * Errors: `OXPAR_STATUS_UNSUPPORTED` (not an MPI context).
 *
 * # Safety
 * `ctx` is NULL or a live context; `comm` is NULL or writable.
 */
oxpar_status oxpar_mpi_comm(const oxpar_context *ctx, int32_t *comm);

/**
 * Stores the context's 2-D process grid: `rows x cols` ranks, this rank at
 * (`row`, `col`); rank r sits at row r / cols, column r % cols. Any pointer
 * may be NULL. The default grid is the most square one with rows >= cols;
 * a context that is not MPI has a 1 x 1 grid.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx).
 *
 * # Safety
 * `ctx` is NULL or a live context; the outputs are NULL or writable.
 */
oxpar_status oxpar_mpi_grid(const oxpar_context *ctx,
                            size_t *rows,
                            size_t *cols,
                            size_t *row,
                            size_t *col);

/**
 * For bindings that check arguments themselves: takes part in `routine`
 * (an `oxpar_routine`) on this rank as a rank that rejected its arguments
 * with `status` and `message`, so that every other rank's call of that
 * routine fails too (with `status` and a message naming this rank) instead
 * of waiting for this one. The binding then reports its own error. On a
 * context that is not MPI nothing is communicated. `message` may be NULL.
 *
 * Returns `OXPAR_STATUS_OK` once this rank has taken part (the rejection is
 * the binding's to report), or an error about the call itself.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx), `OXPAR_STATUS_INVALID_ARGUMENT`
 * (an unknown routine, or a status that is not an error code),
 * `OXPAR_STATUS_COMM_ERROR`.
 *
 * # Safety
 * `ctx` is NULL or a live context; `message` is NULL or a NUL-terminated
 * string.
 */
oxpar_status oxpar_context_reject(const oxpar_context *ctx,
                                  int32_t routine,
                                  int32_t status,
                                  const char *message);

/**
 * Sets the context's process grid to `rows x cols` (collective). Every rank
 * must pass the same shape and `rows * cols` must be the number of ranks;
 * otherwise every rank gets an error and the grid stays as it was.
 *
 * Errors: `OXPAR_STATUS_INVALID_ARGUMENT` (not a grid of the ranks),
 * `OXPAR_STATUS_SHAPE_MISMATCH` (ranks asked for different grids),
 * `OXPAR_STATUS_UNSUPPORTED` (not an MPI context and not 1 x 1).
 *
 * # Safety
 * `ctx` is NULL or a live context.
 */
oxpar_status oxpar_mpi_set_grid(const oxpar_context *ctx, size_t rows, size_t cols);

/**
 * The balanced block distribution: stores in `*start` and `*len` the part of
 * `0..n` that block `index` of `parts` owns (the first `n % parts` blocks get
 * one element more). Local, no communication; any pointer may be NULL.
 *
 * Errors: `OXPAR_STATUS_INVALID_ARGUMENT` (`parts == 0` or `index >= parts`).
 *
 * # Safety
 * `start` and `len` are NULL or writable.
 */
oxpar_status oxpar_block_range(size_t n, size_t parts, size_t index, size_t *start, size_t *len);

/**
 * Distributed `y := alpha*A*x + beta*y` on floats. `A` is distributed by row
 * blocks: this rank holds `m_local` whole rows (`m_local x n`, strides `rsa`,
 * `csa`) and the matching `m_local` elements of `y`; `x` (global length
 * `n`) is split any way, this rank holding `n_local` of it (the pieces, in
 * rank order, must add up to `n`). Every rank's `y` block gets its rows of
 * the result. Collective; on a context that is not MPI, `n_local == n`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors as `oxpar_sgemv`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
 * when the blocks do not fit together (rows of A and y differ on a rank, or
 * the blocks of x do not add up to n: the message names the ranks whose
 * block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
 * on every rank when some ranks call the double routine instead.
 *
 * # Safety
 * As `oxpar_sgemv`.
 */
oxpar_status oxpar_mpi_sgemv(const oxpar_context *ctx,
                             size_t m_local,
                             size_t n,
                             size_t n_local,
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
 * Distributed `A := alpha*x*y^T + A` on floats: this rank holds `m_local`
 * whole rows of `A` (`m_local x n`) and the matching `m_local` elements of
 * `x`; `y` (global length `n`) is split any way, this rank holding `n_local`
 * of it. Collective; on a context that is not MPI, `n_local == n`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors as `oxpar_sger`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
 * when the blocks do not fit together (rows of A and x differ on a rank, or
 * the blocks of y do not add up to n: the message names the ranks whose
 * block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
 * on every rank when some ranks call the double routine instead.
 *
 * # Safety
 * As `oxpar_sger`.
 */
oxpar_status oxpar_mpi_sger(const oxpar_context *ctx,
                            size_t m_local,
                            size_t n,
                            size_t n_local,
                            const float *alpha,
                            const float *x,
                            ptrdiff_t incx,
                            const float *y,
                            ptrdiff_t incy,
                            float *a,
                            ptrdiff_t rsa,
                            ptrdiff_t csa);

/**
 * Distributed `C := alpha*op(A)*op(B) + beta*C` on floats (SUMMA on the
 * context's process grid). The rank at grid position (i, j) holds block
 * (i, j) of each matrix: `op(A)` is `m_local x ka_local`, `op(B)` is
 * `kb_local x n_local`, `C` is `m_local x n_local`. Ranks in one grid row
 * share `m_local` and `kb_local`, ranks in one grid column share `n_local`
 * and `ka_local`, and both splits of the inner dimension add up to the same
 * k; `oxpar_block_range` gives the balanced split. Collective; on a context
 * that is not MPI, `ka_local == kb_local`.
 *
 * Errors as `oxpar_sgemm`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
 * when the blocks do not fit together, and `OXPAR_STATUS_INVALID_ARGUMENT`
 * on every rank when some ranks call the double routine instead.
 *
 * # Safety
 * As `oxpar_sgemm`.
 */
oxpar_status oxpar_mpi_sgemm(const oxpar_context *ctx,
                             int32_t transa,
                             int32_t transb,
                             size_t m_local,
                             size_t n_local,
                             size_t ka_local,
                             size_t kb_local,
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
 * Halo exchange of a 1-D block decomposition over the ranks in rank order,
 * on floats (collective). `x` has `len` elements: `ghost` ghost cells, this
 * rank's interior (at least `ghost` cells; sizes may differ between ranks),
 * `ghost` ghost cells. Afterwards each ghost cell holds the neighbouring
 * rank's edge value; with `periodic` the last rank and rank 0 are
 * neighbours, otherwise the outer ghosts of the first and last rank are
 * left alone (they hold the boundary condition). Sends 2*ghost elements.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_SHAPE_MISMATCH` (interior shorter than `ghost`),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (ranks passed different `ghost` or
 * `periodic`, or mixed the float and double exchanges), each on every rank; `OXPAR_STATUS_UNSUPPORTED` (not an MPI
 * context).
 *
 * # Safety
 * `ctx` is NULL or a live context; `x` addresses `len` elements with stride
 * `incx`, writable.
 */
oxpar_status oxpar_mpi_shalo_1d(const oxpar_context *ctx,
                                size_t len,
                                size_t ghost,
                                bool periodic,
                                float *x,
                                ptrdiff_t incx);

/**
 * Halo exchange of a 2-D block decomposition on the context's process grid,
 * on floats (collective). `a` is this rank's `rows x cols` array (strides
 * `rsa`, `csa`: row-major C arrays pass `cols, 1`, Fortran arrays `1, lda`):
 * an interior of `(rows - 2*ghost) x (cols - 2*ghost)` framed by `ghost`
 * layers of ghost cells. Grid rows run along the array's rows: the rank at
 * grid row i+1 holds the next rows. Ranks in one grid row need the same
 * number of rows, ranks in one grid column the same number of columns.
 * Corner ghosts are filled too (9-point stencils work). `periodic_rows` /
 * `periodic_cols` wrap the domain in each direction. Ghosts outside a
 * non-periodic domain are never overwritten with interior values: along
 * the domain's edge they keep what the rank put there (the boundary
 * condition), except that a corner ghost next to another rank takes that
 * rank's copy of the same outside cell, so set boundary values by global
 * position.
 *
 * Errors as `oxpar_mpi_shalo_1d`.
 *
 * # Safety
 * `ctx` is NULL or a live context; `a` addresses the `rows x cols` elements
 * its strides describe, writable.
 */
oxpar_status oxpar_mpi_shalo_2d(const oxpar_context *ctx,
                                size_t rows,
                                size_t cols,
                                size_t ghost,
                                bool periodic_rows,
                                bool periodic_cols,
                                float *a,
                                ptrdiff_t rsa,
                                ptrdiff_t csa);

/**
 * Distributed `y := alpha*A*x + beta*y` on doubles. `A` is distributed by row
 * blocks: this rank holds `m_local` whole rows (`m_local x n`, strides `rsa`,
 * `csa`) and the matching `m_local` elements of `y`; `x` (global length
 * `n`) is split any way, this rank holding `n_local` of it (the pieces, in
 * rank order, must add up to `n`). Every rank's `y` block gets its rows of
 * the result. Collective; on a context that is not MPI, `n_local == n`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors as `oxpar_dgemv`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
 * when the blocks do not fit together (rows of A and y differ on a rank, or
 * the blocks of x do not add up to n: the message names the ranks whose
 * block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
 * on every rank when some ranks call the float routine instead.
 *
 * # Safety
 * As `oxpar_dgemv`.
 */
oxpar_status oxpar_mpi_dgemv(const oxpar_context *ctx,
                             size_t m_local,
                             size_t n,
                             size_t n_local,
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
 * Distributed `A := alpha*x*y^T + A` on doubles: this rank holds `m_local`
 * whole rows of `A` (`m_local x n`) and the matching `m_local` elements of
 * `x`; `y` (global length `n`) is split any way, this rank holding `n_local`
 * of it. Collective; on a context that is not MPI, `n_local == n`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors as `oxpar_dger`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
 * when the blocks do not fit together (rows of A and x differ on a rank, or
 * the blocks of y do not add up to n: the message names the ranks whose
 * block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
 * on every rank when some ranks call the float routine instead.
 *
 * # Safety
 * As `oxpar_dger`.
 */
oxpar_status oxpar_mpi_dger(const oxpar_context *ctx,
                            size_t m_local,
                            size_t n,
                            size_t n_local,
                            const double *alpha,
                            const double *x,
                            ptrdiff_t incx,
                            const double *y,
                            ptrdiff_t incy,
                            double *a,
                            ptrdiff_t rsa,
                            ptrdiff_t csa);

/**
 * Distributed `C := alpha*op(A)*op(B) + beta*C` on doubles (SUMMA on the
 * context's process grid). The rank at grid position (i, j) holds block
 * (i, j) of each matrix: `op(A)` is `m_local x ka_local`, `op(B)` is
 * `kb_local x n_local`, `C` is `m_local x n_local`. Ranks in one grid row
 * share `m_local` and `kb_local`, ranks in one grid column share `n_local`
 * and `ka_local`, and both splits of the inner dimension add up to the same
 * k; `oxpar_block_range` gives the balanced split. Collective; on a context
 * that is not MPI, `ka_local == kb_local`.
 *
 * Errors as `oxpar_dgemm`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
 * when the blocks do not fit together, and `OXPAR_STATUS_INVALID_ARGUMENT`
 * on every rank when some ranks call the float routine instead.
 *
 * # Safety
 * As `oxpar_dgemm`.
 */
oxpar_status oxpar_mpi_dgemm(const oxpar_context *ctx,
                             int32_t transa,
                             int32_t transb,
                             size_t m_local,
                             size_t n_local,
                             size_t ka_local,
                             size_t kb_local,
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
 * Halo exchange of a 1-D block decomposition over the ranks in rank order,
 * on doubles (collective). `x` has `len` elements: `ghost` ghost cells, this
 * rank's interior (at least `ghost` cells; sizes may differ between ranks),
 * `ghost` ghost cells. Afterwards each ghost cell holds the neighbouring
 * rank's edge value; with `periodic` the last rank and rank 0 are
 * neighbours, otherwise the outer ghosts of the first and last rank are
 * left alone (they hold the boundary condition). Sends 2*ghost elements.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors: `OXPAR_STATUS_SHAPE_MISMATCH` (interior shorter than `ghost`),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (ranks passed different `ghost` or
 * `periodic`, or mixed the float and double exchanges), each on every rank; `OXPAR_STATUS_UNSUPPORTED` (not an MPI
 * context).
 *
 * # Safety
 * `ctx` is NULL or a live context; `x` addresses `len` elements with stride
 * `incx`, writable.
 */
oxpar_status oxpar_mpi_dhalo_1d(const oxpar_context *ctx,
                                size_t len,
                                size_t ghost,
                                bool periodic,
                                double *x,
                                ptrdiff_t incx);

/**
 * Halo exchange of a 2-D block decomposition on the context's process grid,
 * on doubles (collective). `a` is this rank's `rows x cols` array (strides
 * `rsa`, `csa`: row-major C arrays pass `cols, 1`, Fortran arrays `1, lda`):
 * an interior of `(rows - 2*ghost) x (cols - 2*ghost)` framed by `ghost`
 * layers of ghost cells. Grid rows run along the array's rows: the rank at
 * grid row i+1 holds the next rows. Ranks in one grid row need the same
 * number of rows, ranks in one grid column the same number of columns.
 * Corner ghosts are filled too (9-point stencils work). `periodic_rows` /
 * `periodic_cols` wrap the domain in each direction. Ghosts outside a
 * non-periodic domain are never overwritten with interior values: along
 * the domain's edge they keep what the rank put there (the boundary
 * condition), except that a corner ghost next to another rank takes that
 * rank's copy of the same outside cell, so set boundary values by global
 * position.
 *
 * Errors as `oxpar_mpi_dhalo_1d`.
 *
 * # Safety
 * `ctx` is NULL or a live context; `a` addresses the `rows x cols` elements
 * its strides describe, writable.
 */
oxpar_status oxpar_mpi_dhalo_2d(const oxpar_context *ctx,
                                size_t rows,
                                size_t cols,
                                size_t ghost,
                                bool periodic_rows,
                                bool periodic_cols,
                                double *a,
                                ptrdiff_t rsa,
                                ptrdiff_t csa);

/**
 * Distributed `y := alpha*op(A)*x + beta*y` on single-precision complex numbers. `op(A)` is
 * distributed by row blocks: this rank holds `m_local` whole rows of it
 * (`m_local x n`) and the matching `m_local` elements of `y`; `x` (global
 * length `n`) is split any way, this rank holding `n_local` of it (the
 * pieces, in rank order, must add up to `n`). `trans` says how the stored
 * matrix at `a` (strides `rsa`, `csa`) gives this block: `OXPAR_TRANS_NO`
 * (`a` is the `m_local x n` block itself), `OXPAR_TRANS_YES` or
 * `OXPAR_TRANS_CONJ` (`a` is `n x m_local`, a column block of the stored
 * matrix, and `op(A)` its transpose or conjugate transpose). Every rank's
 * `y` block gets its rows of the result. Collective; on a context that is
 * not MPI, `n_local == n`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors as `oxpar_cgemv`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
 * when the blocks do not fit together (rows of op(A) and y differ on a rank,
 * or the blocks of x do not add up to n: the message names the ranks whose
 * block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
 * on every rank when some ranks call another element type's routine
 * (`oxpar_mpi_zgemv`, `oxpar_mpi_sgemv`, `oxpar_mpi_dgemv`) instead.
 *
 * # Safety
 * As `oxpar_cgemv`.
 */
oxpar_status oxpar_mpi_cgemv(const oxpar_context *ctx,
                             int32_t trans,
                             size_t m_local,
                             size_t n,
                             size_t n_local,
                             const oxpar_c32 *alpha,
                             const oxpar_c32 *a,
                             ptrdiff_t rsa,
                             ptrdiff_t csa,
                             const oxpar_c32 *x,
                             ptrdiff_t incx,
                             const oxpar_c32 *beta,
                             oxpar_c32 *y,
                             ptrdiff_t incy);

/**
 * Distributed `A := alpha*x*y^T + A` on single-precision complex numbers (unconjugated, BLAS's
 * geru): this rank holds `m_local` whole rows of `A` (`m_local x n`,
 * strides `rsa`, `csa`) and the matching `m_local` elements of `x`; `y`
 * (global length `n`) is split any way, this rank holding `n_local` of it.
 * Collective; on a context that is not MPI, `n_local == n`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors as `oxpar_cgeru`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
 * when the blocks do not fit together (rows of A and x differ on a rank, or
 * the blocks of y do not add up to n: the message names the ranks whose
 * block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
 * on every rank when some ranks call another element type's routine
 * instead.
 *
 * # Safety
 * As `oxpar_cgeru`.
 */
oxpar_status oxpar_mpi_cgeru(const oxpar_context *ctx,
                             size_t m_local,
                             size_t n,
                             size_t n_local,
                             const oxpar_c32 *alpha,
                             const oxpar_c32 *x,
                             ptrdiff_t incx,
                             const oxpar_c32 *y,
                             ptrdiff_t incy,
                             oxpar_c32 *a,
                             ptrdiff_t rsa,
                             ptrdiff_t csa);

/**
 * Distributed `A := alpha*x*y^H + A` on single-precision complex numbers (`y` conjugated, BLAS's
 * gerc): this rank holds `m_local` whole rows of `A` (`m_local x n`,
 * strides `rsa`, `csa`) and the matching `m_local` elements of `x`; `y`
 * (global length `n`) is split any way, this rank holding `n_local` of it.
 * Collective; on a context that is not MPI, `n_local == n`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors as `oxpar_cgerc`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
 * when the blocks do not fit together (rows of A and x differ on a rank, or
 * the blocks of y do not add up to n: the message names the ranks whose
 * block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
 * on every rank when some ranks call another element type's routine
 * instead.
 *
 * # Safety
 * As `oxpar_cgerc`.
 */
oxpar_status oxpar_mpi_cgerc(const oxpar_context *ctx,
                             size_t m_local,
                             size_t n,
                             size_t n_local,
                             const oxpar_c32 *alpha,
                             const oxpar_c32 *x,
                             ptrdiff_t incx,
                             const oxpar_c32 *y,
                             ptrdiff_t incy,
                             oxpar_c32 *a,
                             ptrdiff_t rsa,
                             ptrdiff_t csa);

/**
 * Distributed `C := alpha*op(A)*op(B) + beta*C` on single-precision complex numbers (SUMMA on
 * the context's process grid), `op` being as given, the transpose or the
 * conjugate transpose (`OXPAR_TRANS_CONJ`). The rank at grid position
 * (i, j) holds block (i, j) of each matrix: `op(A)` is `m_local x ka_local`,
 * `op(B)` is `kb_local x n_local`, `C` is `m_local x n_local`. Ranks in one
 * grid row share `m_local` and `kb_local`, ranks in one grid column share
 * `n_local` and `ka_local`, and both splits of the inner dimension add up to
 * the same k; `oxpar_block_range` gives the balanced split. Collective; on a
 * context that is not MPI, `ka_local == kb_local`.
 *
 * Errors as `oxpar_cgemm`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
 * when the blocks do not fit together, and `OXPAR_STATUS_INVALID_ARGUMENT`
 * on every rank when some ranks call another element type's routine
 * instead.
 *
 * # Safety
 * As `oxpar_cgemm`.
 */
oxpar_status oxpar_mpi_cgemm(const oxpar_context *ctx,
                             int32_t transa,
                             int32_t transb,
                             size_t m_local,
                             size_t n_local,
                             size_t ka_local,
                             size_t kb_local,
                             const oxpar_c32 *alpha,
                             const oxpar_c32 *a,
                             ptrdiff_t rsa,
                             ptrdiff_t csa,
                             const oxpar_c32 *b,
                             ptrdiff_t rsb,
                             ptrdiff_t csb,
                             const oxpar_c32 *beta,
                             oxpar_c32 *c,
                             ptrdiff_t rsc,
                             ptrdiff_t csc);

/**
 * Halo exchange of a 1-D block decomposition over the ranks in rank order,
 * on single-precision complex numbers (collective): as `oxpar_mpi_dhalo_1d`, each element
 * moving whole (real and imaginary parts).
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors as `oxpar_mpi_dhalo_1d` (ranks that mix element types all get
 * `OXPAR_STATUS_INVALID_ARGUMENT`).
 *
 * # Safety
 * `ctx` is NULL or a live context; `x` addresses `len` elements with stride
 * `incx`, writable.
 */
oxpar_status oxpar_mpi_chalo_1d(const oxpar_context *ctx,
                                size_t len,
                                size_t ghost,
                                bool periodic,
                                oxpar_c32 *x,
                                ptrdiff_t incx);

/**
 * Halo exchange of a 2-D block decomposition on the context's process grid,
 * on single-precision complex numbers (collective): as `oxpar_mpi_dhalo_2d`, each element
 * moving whole (real and imaginary parts).
 *
 * Errors as `oxpar_mpi_dhalo_2d` (ranks that mix element types all get
 * `OXPAR_STATUS_INVALID_ARGUMENT`).
 *
 * # Safety
 * `ctx` is NULL or a live context; `a` addresses the `rows x cols` elements
 * its strides describe, writable.
 */
oxpar_status oxpar_mpi_chalo_2d(const oxpar_context *ctx,
                                size_t rows,
                                size_t cols,
                                size_t ghost,
                                bool periodic_rows,
                                bool periodic_cols,
                                oxpar_c32 *a,
                                ptrdiff_t rsa,
                                ptrdiff_t csa);

/**
 * Distributed `y := alpha*op(A)*x + beta*y` on double-precision complex numbers. `op(A)` is
 * distributed by row blocks: this rank holds `m_local` whole rows of it
 * (`m_local x n`) and the matching `m_local` elements of `y`; `x` (global
 * length `n`) is split any way, this rank holding `n_local` of it (the
 * pieces, in rank order, must add up to `n`). `trans` says how the stored
 * matrix at `a` (strides `rsa`, `csa`) gives this block: `OXPAR_TRANS_NO`
 * (`a` is the `m_local x n` block itself), `OXPAR_TRANS_YES` or
 * `OXPAR_TRANS_CONJ` (`a` is `n x m_local`, a column block of the stored
 * matrix, and `op(A)` its transpose or conjugate transpose). Every rank's
 * `y` block gets its rows of the result. Collective; on a context that is
 * not MPI, `n_local == n`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors as `oxpar_zgemv`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
 * when the blocks do not fit together (rows of op(A) and y differ on a rank,
 * or the blocks of x do not add up to n: the message names the ranks whose
 * block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
 * on every rank when some ranks call another element type's routine
 * (`oxpar_mpi_cgemv`, `oxpar_mpi_sgemv`, `oxpar_mpi_dgemv`) instead.
 *
 * # Safety
 * As `oxpar_zgemv`.
 */
oxpar_status oxpar_mpi_zgemv(const oxpar_context *ctx,
                             int32_t trans,
                             size_t m_local,
                             size_t n,
                             size_t n_local,
                             const oxpar_c64 *alpha,
                             const oxpar_c64 *a,
                             ptrdiff_t rsa,
                             ptrdiff_t csa,
                             const oxpar_c64 *x,
                             ptrdiff_t incx,
                             const oxpar_c64 *beta,
                             oxpar_c64 *y,
                             ptrdiff_t incy);

/**
 * Distributed `A := alpha*x*y^T + A` on double-precision complex numbers (unconjugated, BLAS's
 * geru): this rank holds `m_local` whole rows of `A` (`m_local x n`,
 * strides `rsa`, `csa`) and the matching `m_local` elements of `x`; `y`
 * (global length `n`) is split any way, this rank holding `n_local` of it.
 * Collective; on a context that is not MPI, `n_local == n`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors as `oxpar_zgeru`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
 * when the blocks do not fit together (rows of A and x differ on a rank, or
 * the blocks of y do not add up to n: the message names the ranks whose
 * block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
 * on every rank when some ranks call another element type's routine
 * instead.
 *
 * # Safety
 * As `oxpar_zgeru`.
 */
oxpar_status oxpar_mpi_zgeru(const oxpar_context *ctx,
                             size_t m_local,
                             size_t n,
                             size_t n_local,
                             const oxpar_c64 *alpha,
                             const oxpar_c64 *x,
                             ptrdiff_t incx,
                             const oxpar_c64 *y,
                             ptrdiff_t incy,
                             oxpar_c64 *a,
                             ptrdiff_t rsa,
                             ptrdiff_t csa);

/**
 * Distributed `A := alpha*x*y^H + A` on double-precision complex numbers (`y` conjugated, BLAS's
 * gerc): this rank holds `m_local` whole rows of `A` (`m_local x n`,
 * strides `rsa`, `csa`) and the matching `m_local` elements of `x`; `y`
 * (global length `n`) is split any way, this rank holding `n_local` of it.
 * Collective; on a context that is not MPI, `n_local == n`.
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors as `oxpar_zgerc`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
 * when the blocks do not fit together (rows of A and x differ on a rank, or
 * the blocks of y do not add up to n: the message names the ranks whose
 * block is off the balanced split), and `OXPAR_STATUS_INVALID_ARGUMENT`
 * on every rank when some ranks call another element type's routine
 * instead.
 *
 * # Safety
 * As `oxpar_zgerc`.
 */
oxpar_status oxpar_mpi_zgerc(const oxpar_context *ctx,
                             size_t m_local,
                             size_t n,
                             size_t n_local,
                             const oxpar_c64 *alpha,
                             const oxpar_c64 *x,
                             ptrdiff_t incx,
                             const oxpar_c64 *y,
                             ptrdiff_t incy,
                             oxpar_c64 *a,
                             ptrdiff_t rsa,
                             ptrdiff_t csa);

/**
 * Distributed `C := alpha*op(A)*op(B) + beta*C` on double-precision complex numbers (SUMMA on
 * the context's process grid), `op` being as given, the transpose or the
 * conjugate transpose (`OXPAR_TRANS_CONJ`). The rank at grid position
 * (i, j) holds block (i, j) of each matrix: `op(A)` is `m_local x ka_local`,
 * `op(B)` is `kb_local x n_local`, `C` is `m_local x n_local`. Ranks in one
 * grid row share `m_local` and `kb_local`, ranks in one grid column share
 * `n_local` and `ka_local`, and both splits of the inner dimension add up to
 * the same k; `oxpar_block_range` gives the balanced split. Collective; on a
 * context that is not MPI, `ka_local == kb_local`.
 *
 * Errors as `oxpar_zgemm`, plus `OXPAR_STATUS_SHAPE_MISMATCH` on every rank
 * when the blocks do not fit together, and `OXPAR_STATUS_INVALID_ARGUMENT`
 * on every rank when some ranks call another element type's routine
 * instead.
 *
 * # Safety
 * As `oxpar_zgemm`.
 */
oxpar_status oxpar_mpi_zgemm(const oxpar_context *ctx,
                             int32_t transa,
                             int32_t transb,
                             size_t m_local,
                             size_t n_local,
                             size_t ka_local,
                             size_t kb_local,
                             const oxpar_c64 *alpha,
                             const oxpar_c64 *a,
                             ptrdiff_t rsa,
                             ptrdiff_t csa,
                             const oxpar_c64 *b,
                             ptrdiff_t rsb,
                             ptrdiff_t csb,
                             const oxpar_c64 *beta,
                             oxpar_c64 *c,
                             ptrdiff_t rsc,
                             ptrdiff_t csc);

/**
 * Halo exchange of a 1-D block decomposition over the ranks in rank order,
 * on double-precision complex numbers (collective): as `oxpar_mpi_dhalo_1d`, each element
 * moving whole (real and imaginary parts).
 *
 * Vectors are given by a pointer to their logical first element: element `i`
 * of `x` is at `x + i*incx` for negative `incx` too (NumPy's and Fortran's
 * convention). Reference BLAS takes the array's lowest address instead: to
 * port a BLAS call with `incx < 0`, pass `x + (n-1)*(-incx)`.
 *
 * Errors as `oxpar_mpi_dhalo_1d` (ranks that mix element types all get
 * `OXPAR_STATUS_INVALID_ARGUMENT`).
 *
 * # Safety
 * `ctx` is NULL or a live context; `x` addresses `len` elements with stride
 * `incx`, writable.
 */
oxpar_status oxpar_mpi_zhalo_1d(const oxpar_context *ctx,
                                size_t len,
                                size_t ghost,
                                bool periodic,
                                oxpar_c64 *x,
                                ptrdiff_t incx);

/**
 * Halo exchange of a 2-D block decomposition on the context's process grid,
 * on double-precision complex numbers (collective): as `oxpar_mpi_dhalo_2d`, each element
 * moving whole (real and imaginary parts).
 *
 * Errors as `oxpar_mpi_dhalo_2d` (ranks that mix element types all get
 * `OXPAR_STATUS_INVALID_ARGUMENT`).
 *
 * # Safety
 * `ctx` is NULL or a live context; `a` addresses the `rows x cols` elements
 * its strides describe, writable.
 */
oxpar_status oxpar_mpi_zhalo_2d(const oxpar_context *ctx,
                                size_t rows,
                                size_t cols,
                                size_t ghost,
                                bool periodic_rows,
                                bool periodic_cols,
                                oxpar_c64 *a,
                                ptrdiff_t rsa,
                                ptrdiff_t csa);

/**
 * Creates a buffer of `len` zeros of type `dtype` (`OXPAR_DTYPE_F32` or
 * `OXPAR_DTYPE_F64`) on the device of an OpenCL context; stores the handle
 * in `*out`. `len` may be 0. Free it with `oxpar_buffer_free`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (unknown dtype),
 * `OXPAR_STATUS_UNSUPPORTED` (ctx is not an OpenCL context, or a complex
 * dtype: device buffers are real only for now),
 * `OXPAR_STATUS_OUT_OF_MEMORY` (larger than the device allows or has),
 * `OXPAR_STATUS_DEVICE_ERROR`, `OXPAR_STATUS_BACKEND_UNAVAILABLE` (library
 * built without OpenCL).
 *
 * # Safety
 * `ctx` is NULL or a live context; `out` is NULL or writable.
 */
oxpar_status oxpar_buffer_create(const oxpar_context *ctx,
                                 int32_t dtype,
                                 size_t len,
                                 oxpar_buffer **out);

/**
 * Creates a buffer of `len` elements of type `dtype` whose contents are
 * unspecified (as `numpy.empty`'s): nothing is written to the device, so
 * this costs an allocation only; write the buffer before reading it. Same
 * handle, errors and ownership as `oxpar_buffer_create`.
 *
 * # Safety
 * `ctx` is NULL or a live context; `out` is NULL or writable.
 */
oxpar_status oxpar_buffer_create_empty(const oxpar_context *ctx,
                                       int32_t dtype,
                                       size_t len,
                                       oxpar_buffer **out);

/**
 * Creates a buffer holding a copy of `n` elements of host memory of type
 * `dtype` (`float` or `double`, suitably aligned), in one step (no fill
 * first); returns when the copy is done. Same handle and ownership as
 * `oxpar_buffer_create`.
 *
 * Errors: those of `oxpar_buffer_create`, and `OXPAR_STATUS_NULL_POINTER`
 * (host with n > 0), `OXPAR_STATUS_INVALID_ARGUMENT` (host misaligned).
 *
 * # Safety
 * `ctx` is NULL or a live context; `host` is NULL or addresses `n`
 * readable elements; `out` is NULL or writable.
 */
oxpar_status oxpar_buffer_create_from(const oxpar_context *ctx,
                                      int32_t dtype,
                                      const void *host,
                                      size_t n,
                                      oxpar_buffer **out);

/**
 * Frees a buffer. NULL is a no-op. Its device memory is released once the
 * commands already queued on it complete (they do); a kernel that has the
 * buffer as an argument does not keep it (launching that kernel again is
 * an error until the argument is set anew).
 *
 * Never fails (nothing is returned).
 *
 * # Safety
 * `buf` is NULL or a live buffer handle not used by any other call, freed
 * once.
 */
void oxpar_buffer_free(oxpar_buffer *buf);

/**
 * Copies `n` elements from host memory into the whole buffer; `n` must
 * equal the buffer's length, and `host` holds elements of the buffer's type
 * (`float` or `double`), suitably aligned. Returns when the copy is done
 * (after every command issued before on the context).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (buf, host with n > 0),
 * `OXPAR_STATUS_SHAPE_MISMATCH` (n differs from the length),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (host misaligned),
 * `OXPAR_STATUS_DEVICE_ERROR`.
 *
 * # Safety
 * `buf` is NULL or a live buffer not used by another call meanwhile;
 * `host` is NULL or addresses `n` readable elements.
 */
oxpar_status oxpar_buffer_upload(oxpar_buffer *buf, const void *host, size_t n);

/**
 * Copies the whole buffer (`n` elements, which must equal its length) into
 * host memory, after every command issued before on the context (kernels
 * included: this is how results are waited for).
 *
 * Errors: as `oxpar_buffer_upload`.
 *
 * # Safety
 * `buf` is NULL or a live buffer not written by another call meanwhile;
 * `host` is NULL or addresses `n` writable elements used by nobody else.
 */
oxpar_status oxpar_buffer_download(const oxpar_buffer *buf, void *host, size_t n);

/**
 * Stores the buffer's number of elements in `*out`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (buf, out).
 *
 * # Safety
 * `buf` is NULL or a live buffer; `out` is NULL or writable.
 */
oxpar_status oxpar_buffer_len(const oxpar_buffer *buf, size_t *out);

/**
 * Stores the buffer's element type (an `OXPAR_DTYPE_*` value) in `*out`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (buf, out).
 *
 * # Safety
 * `buf` is NULL or a live buffer; `out` is NULL or writable.
 */
oxpar_status oxpar_buffer_dtype(const oxpar_buffer *buf, int32_t *out);

/**
 * `y := alpha*x + y` on float buffers of an OpenCL context. Element `i` of
 * `x` is at index `offx + i*incx` of its buffer (increments may be
 * negative: `offx` is then the index of the logical first element), and
 * likewise for `y`. `y` must be another buffer than `x`. Returns once the
 * kernel is queued; later calls on the context see its result.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_UNSUPPORTED` (not an
 * OpenCL context), `OXPAR_STATUS_INVALID_ARGUMENT` (a buffer of another
 * type or another context, y the same buffer as x),
 * `OXPAR_STATUS_SHAPE_MISMATCH` (an element outside its buffer),
 * `OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1; incx may be 0),
 * `OXPAR_STATUS_DEVICE_ERROR`.
 *
 * # Safety
 * `ctx`, `x`, `y` are NULL or live handles, `y` used by no other call
 * meanwhile; `alpha` is NULL or readable.
 */
oxpar_status oxpar_buffer_saxpy(const oxpar_context *ctx,
                                size_t n,
                                const float *alpha,
                                const oxpar_buffer *x,
                                size_t offx,
                                ptrdiff_t incx,
                                oxpar_buffer *y,
                                size_t offy,
                                ptrdiff_t incy);

/**
 * `y := alpha*x + y` on double buffers; as `oxpar_buffer_saxpy`.
 *
 * Errors: as `oxpar_buffer_saxpy` (on a device without double precision, double buffers
 * cannot be created).
 *
 * # Safety
 * As `oxpar_buffer_saxpy`.
 */
oxpar_status oxpar_buffer_daxpy(const oxpar_context *ctx,
                                size_t n,
                                const double *alpha,
                                const oxpar_buffer *x,
                                size_t offx,
                                ptrdiff_t incx,
                                oxpar_buffer *y,
                                size_t offy,
                                ptrdiff_t incy);

/**
 * `x := alpha*x` on float buffers of an OpenCL context (`x` as in
 * `oxpar_buffer_saxpy`). Returns once the kernel is queued.
 *
 * Errors: as `oxpar_buffer_saxpy`.
 *
 * # Safety
 * `ctx`, `x` are NULL or live handles, `x` used by no other call
 * meanwhile; `alpha` is NULL or readable.
 */
oxpar_status oxpar_buffer_sscal(const oxpar_context *ctx,
                                size_t n,
                                const float *alpha,
                                oxpar_buffer *x,
                                size_t offx,
                                ptrdiff_t incx);

/**
 * `x := alpha*x` on double buffers; as `oxpar_buffer_sscal`.
 *
 * Errors: as `oxpar_buffer_sscal` (on a device without double precision, double buffers
 * cannot be created).
 *
 * # Safety
 * As `oxpar_buffer_sscal`.
 */
oxpar_status oxpar_buffer_dscal(const oxpar_context *ctx,
                                size_t n,
                                const double *alpha,
                                oxpar_buffer *x,
                                size_t offx,
                                ptrdiff_t incx);

/**
 * `y := x` on float buffers (vectors as in `oxpar_buffer_saxpy`); `y` must
 * be another buffer than `x`. Returns once the kernel is queued.
 *
 * Errors: as `oxpar_buffer_saxpy`.
 *
 * # Safety
 * `ctx`, `x`, `y` are NULL or live handles, `y` used by no other call
 * meanwhile.
 */
oxpar_status oxpar_buffer_scopy(const oxpar_context *ctx,
                                size_t n,
                                const oxpar_buffer *x,
                                size_t offx,
                                ptrdiff_t incx,
                                oxpar_buffer *y,
                                size_t offy,
                                ptrdiff_t incy);

/**
 * `y := x` on double buffers; as `oxpar_buffer_scopy`.
 *
 * Errors: as `oxpar_buffer_scopy` (on a device without double precision, double buffers
 * cannot be created).
 *
 * # Safety
 * As `oxpar_buffer_scopy`.
 */
oxpar_status oxpar_buffer_dcopy(const oxpar_context *ctx,
                                size_t n,
                                const oxpar_buffer *x,
                                size_t offx,
                                ptrdiff_t incx,
                                oxpar_buffer *y,
                                size_t offy,
                                ptrdiff_t incy);

/**
 * Exchanges `x` and `y` on float buffers (vectors as in
 * `oxpar_buffer_saxpy`); they must be different buffers. Returns once the
 * kernel is queued.
 *
 * Errors: as `oxpar_buffer_saxpy` (`OXPAR_STATUS_INVALID_ARGUMENT` for y
 * the same buffer as x).
 *
 * # Safety
 * `ctx`, `x`, `y` are NULL or live handles, `x` and `y` used by no other
 * call meanwhile.
 */
oxpar_status oxpar_buffer_sswap(const oxpar_context *ctx,
                                size_t n,
                                oxpar_buffer *x,
                                size_t offx,
                                ptrdiff_t incx,
                                oxpar_buffer *y,
                                size_t offy,
                                ptrdiff_t incy);

/**
 * exchanges `x` and `y` on double buffers; as `oxpar_buffer_sswap`.
 *
 * Errors: as `oxpar_buffer_sswap` (on a device without double precision, double buffers
 * cannot be created).
 *
 * # Safety
 * As `oxpar_buffer_sswap`.
 */
oxpar_status oxpar_buffer_dswap(const oxpar_context *ctx,
                                size_t n,
                                oxpar_buffer *x,
                                size_t offx,
                                ptrdiff_t incx,
                                oxpar_buffer *y,
                                size_t offy,
                                ptrdiff_t incy);

/**
 * `*out := x . y` on float buffers (vectors as in `oxpar_buffer_saxpy`);
 * 0 for n = 0. Waits for the result.
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * exact one correctly rounded, the same bits as the host routines give on
 * any context in that mode.
 *
 * Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).
 *
 * # Safety
 * `ctx`, `x`, `y` are NULL or live handles; `out` is NULL or writable.
 */
oxpar_status oxpar_buffer_sdot(const oxpar_context *ctx,
                               size_t n,
                               const oxpar_buffer *x,
                               size_t offx,
                               ptrdiff_t incx,
                               const oxpar_buffer *y,
                               size_t offy,
                               ptrdiff_t incy,
                               float *out);

/**
 * `*out := x . y` on double buffers; as `oxpar_buffer_sdot`.
 *
 * Errors: as `oxpar_buffer_sdot` (on a device without double precision, double buffers
 * cannot be created).
 *
 * # Safety
 * As `oxpar_buffer_sdot`.
 */
oxpar_status oxpar_buffer_ddot(const oxpar_context *ctx,
                               size_t n,
                               const oxpar_buffer *x,
                               size_t offx,
                               ptrdiff_t incx,
                               const oxpar_buffer *y,
                               size_t offy,
                               ptrdiff_t incy,
                               double *out);

/**
 * `*out :=` the Euclidean norm of `x` on a float buffer (`x` as in
 * `oxpar_buffer_saxpy`); 0 for n = 0. Waits for the result.
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * correctly rounded square root of the exact sum of squares, the same bits
 * as the host routines give on any context in that mode.
 *
 * Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).
 *
 * # Safety
 * `ctx`, `x` are NULL or live handles; `out` is NULL or writable.
 */
oxpar_status oxpar_buffer_snrm2(const oxpar_context *ctx,
                                size_t n,
                                const oxpar_buffer *x,
                                size_t offx,
                                ptrdiff_t incx,
                                float *out);

/**
 * `*out :=` the Euclidean norm of `x` on double buffers; as `oxpar_buffer_snrm2`.
 *
 * Errors: as `oxpar_buffer_snrm2` (on a device without double precision, double buffers
 * cannot be created).
 *
 * # Safety
 * As `oxpar_buffer_snrm2`.
 */
oxpar_status oxpar_buffer_dnrm2(const oxpar_context *ctx,
                                size_t n,
                                const oxpar_buffer *x,
                                size_t offx,
                                ptrdiff_t incx,
                                double *out);

/**
 * `*out :=` the sum of the absolute values of `x` on a float buffer (`x` as in
 * `oxpar_buffer_saxpy`); 0 for n = 0. Waits for the result.
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * exact one correctly rounded, the same bits as the host routines give on
 * any context in that mode.
 *
 * Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).
 *
 * # Safety
 * `ctx`, `x` are NULL or live handles; `out` is NULL or writable.
 */
oxpar_status oxpar_buffer_sasum(const oxpar_context *ctx,
                                size_t n,
                                const oxpar_buffer *x,
                                size_t offx,
                                ptrdiff_t incx,
                                float *out);

/**
 * `*out :=` the sum of `|x_i|` on double buffers; as `oxpar_buffer_sasum`.
 *
 * Errors: as `oxpar_buffer_sasum` (on a device without double precision, double buffers
 * cannot be created).
 *
 * # Safety
 * As `oxpar_buffer_sasum`.
 */
oxpar_status oxpar_buffer_dasum(const oxpar_context *ctx,
                                size_t n,
                                const oxpar_buffer *x,
                                size_t offx,
                                ptrdiff_t incx,
                                double *out);

/**
 * `*out :=` the sum of the elements of `x` on a float buffer (`x` as in
 * `oxpar_buffer_saxpy`); 0 for n = 0. Waits for the result. The ordinary
 * sum is the same from run to run on one device, but its last bits may
 * differ from other devices and backends.
 *
 * In reproducible mode (`oxpar_context_set_reproducible`) the result is the
 * exact one correctly rounded, the same bits as the host routines give on
 * any context in that mode.
 *
 * Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).
 *
 * # Safety
 * `ctx`, `x` are NULL or live handles; `out` is NULL or writable.
 */
oxpar_status oxpar_buffer_ssum(const oxpar_context *ctx,
                               size_t n,
                               const oxpar_buffer *x,
                               size_t offx,
                               ptrdiff_t incx,
                               float *out);

/**
 * `*out :=` the sum of the `x_i` on double buffers; as `oxpar_buffer_ssum`.
 *
 * Errors: as `oxpar_buffer_ssum` (on a device without double precision, double buffers
 * cannot be created).
 *
 * # Safety
 * As `oxpar_buffer_ssum`.
 */
oxpar_status oxpar_buffer_dsum(const oxpar_context *ctx,
                               size_t n,
                               const oxpar_buffer *x,
                               size_t offx,
                               ptrdiff_t incx,
                               double *out);

/**
 * `*out :=` the 0-based index of the first element of largest absolute
 * value of `x` (a float buffer, as in `oxpar_buffer_saxpy`); the first NaN
 * if there is one; `OXPAR_INDEX_NONE` for n = 0. Waits for the result.
 *
 * Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).
 *
 * # Safety
 * `ctx`, `x` are NULL or live handles; `out` is NULL or writable.
 */
oxpar_status oxpar_buffer_isamax(const oxpar_context *ctx,
                                 size_t n,
                                 const oxpar_buffer *x,
                                 size_t offx,
                                 ptrdiff_t incx,
                                 size_t *out);

/**
 * `*out :=` the first index of the largest `|x_i|` on double buffers; as
 * `oxpar_buffer_isamax`.
 *
 * Errors: as `oxpar_buffer_isamax` (on a device without double precision, double buffers
 * cannot be created).
 *
 * # Safety
 * As `oxpar_buffer_isamax`.
 */
oxpar_status oxpar_buffer_idamax(const oxpar_context *ctx,
                                 size_t n,
                                 const oxpar_buffer *x,
                                 size_t offx,
                                 ptrdiff_t incx,
                                 size_t *out);

/**
 * `y := alpha*op(A)*x + beta*y` on float buffers, as `oxpar_sgemv` with
 * the matrix given by its buffer, the index of its element (0, 0) (`offa`)
 * and its element strides (element (i, j) of the stored `m x n` A is at
 * index `offa + i*rsa + j*csa`), and the vectors as in
 * `oxpar_buffer_saxpy`. `y` must be another buffer than `a` and `x`.
 * Returns once the kernel is queued.
 *
 * Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_INVALID_ARGUMENT`
 * (trans).
 *
 * # Safety
 * `ctx`, `a`, `x`, `y` are NULL or live handles, `y` used by no other call
 * meanwhile; `alpha`, `beta` are NULL or readable.
 */
oxpar_status oxpar_buffer_sgemv(const oxpar_context *ctx,
                                int32_t trans,
                                size_t m,
                                size_t n,
                                const float *alpha,
                                const oxpar_buffer *a,
                                size_t offa,
                                ptrdiff_t rsa,
                                ptrdiff_t csa,
                                const oxpar_buffer *x,
                                size_t offx,
                                ptrdiff_t incx,
                                const float *beta,
                                oxpar_buffer *y,
                                size_t offy,
                                ptrdiff_t incy);

/**
 * `y := alpha*op(A)*x + beta*y` on double buffers; as `oxpar_buffer_sgemv`.
 *
 * Errors: as `oxpar_buffer_sgemv` (on a device without double precision, double buffers
 * cannot be created).
 *
 * # Safety
 * As `oxpar_buffer_sgemv`.
 */
oxpar_status oxpar_buffer_dgemv(const oxpar_context *ctx,
                                int32_t trans,
                                size_t m,
                                size_t n,
                                const double *alpha,
                                const oxpar_buffer *a,
                                size_t offa,
                                ptrdiff_t rsa,
                                ptrdiff_t csa,
                                const oxpar_buffer *x,
                                size_t offx,
                                ptrdiff_t incx,
                                const double *beta,
                                oxpar_buffer *y,
                                size_t offy,
                                ptrdiff_t incy);

/**
 * `A := alpha*x*y^T + A` on float buffers, as `oxpar_sger` with the
 * matrix as in `oxpar_buffer_sgemv` and the vectors as in
 * `oxpar_buffer_saxpy` (`x` of `m`, `y` of `n` elements). `a` must be
 * another buffer than `x` and `y`. Returns once the kernel is queued.
 *
 * Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_INVALID_STRIDE`
 * (strides of A that make elements share an index).
 *
 * # Safety
 * `ctx`, `x`, `y`, `a` are NULL or live handles, `a` used by no other call
 * meanwhile; `alpha` is NULL or readable.
 */
oxpar_status oxpar_buffer_sger(const oxpar_context *ctx,
                               size_t m,
                               size_t n,
                               const float *alpha,
                               const oxpar_buffer *x,
                               size_t offx,
                               ptrdiff_t incx,
                               const oxpar_buffer *y,
                               size_t offy,
                               ptrdiff_t incy,
                               oxpar_buffer *a,
                               size_t offa,
                               ptrdiff_t rsa,
                               ptrdiff_t csa);

/**
 * `A := alpha*x*y^T + A` on double buffers; as `oxpar_buffer_sger`.
 *
 * Errors: as `oxpar_buffer_sger` (on a device without double precision, double buffers
 * cannot be created).
 *
 * # Safety
 * As `oxpar_buffer_sger`.
 */
oxpar_status oxpar_buffer_dger(const oxpar_context *ctx,
                               size_t m,
                               size_t n,
                               const double *alpha,
                               const oxpar_buffer *x,
                               size_t offx,
                               ptrdiff_t incx,
                               const oxpar_buffer *y,
                               size_t offy,
                               ptrdiff_t incy,
                               oxpar_buffer *a,
                               size_t offa,
                               ptrdiff_t rsa,
                               ptrdiff_t csa);

/**
 * `C := alpha*op(A)*op(B) + beta*C` on float buffers, as `oxpar_sgemm` with
 * each matrix given by its buffer, the index of its element (0, 0) as
 * stored (`offa`, ...) and its element strides: element (i, j) of the
 * stored A is at index `offa + i*rsa + j*csa`. `c` must be another buffer
 * than `a` and `b`. Returns once the kernel is queued.
 *
 * Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_INVALID_ARGUMENT`
 * (transa, transb), `OXPAR_STATUS_INVALID_STRIDE` (strides of C that make
 * elements share an index).
 *
 * # Safety
 * `ctx`, `a`, `b`, `c` are NULL or live handles, `c` used by no other call
 * meanwhile; `alpha`, `beta` are NULL or readable.
 */
oxpar_status oxpar_buffer_sgemm(const oxpar_context *ctx,
                                int32_t transa,
                                int32_t transb,
                                size_t m,
                                size_t n,
                                size_t k,
                                const float *alpha,
                                const oxpar_buffer *a,
                                size_t offa,
                                ptrdiff_t rsa,
                                ptrdiff_t csa,
                                const oxpar_buffer *b,
                                size_t offb,
                                ptrdiff_t rsb,
                                ptrdiff_t csb,
                                const float *beta,
                                oxpar_buffer *c,
                                size_t offc,
                                ptrdiff_t rsc,
                                ptrdiff_t csc);

/**
 * `C := alpha*op(A)*op(B) + beta*C` on double buffers; as `oxpar_buffer_sgemm`.
 *
 * Errors: as `oxpar_buffer_sgemm` (on a device without double precision, double buffers
 * cannot be created).
 *
 * # Safety
 * As `oxpar_buffer_sgemm`.
 */
oxpar_status oxpar_buffer_dgemm(const oxpar_context *ctx,
                                int32_t transa,
                                int32_t transb,
                                size_t m,
                                size_t n,
                                size_t k,
                                const double *alpha,
                                const oxpar_buffer *a,
                                size_t offa,
                                ptrdiff_t rsa,
                                ptrdiff_t csa,
                                const oxpar_buffer *b,
                                size_t offb,
                                ptrdiff_t rsb,
                                ptrdiff_t csb,
                                const double *beta,
                                oxpar_buffer *c,
                                size_t offc,
                                ptrdiff_t rsc,
                                ptrdiff_t csc);

/**
 * Waits until every command queued on an OpenCL context (kernels,
 * transfers) has finished, and reports a failure the device had meanwhile.
 * On a host context it returns `OXPAR_STATUS_OK` at once (host calls finish
 * before they return).
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_DEVICE_ERROR`,
 * `OXPAR_STATUS_BACKEND_UNAVAILABLE` (library built without OpenCL).
 *
 * # Safety
 * `ctx` is NULL or a live context.
 */
oxpar_status oxpar_context_finish(const oxpar_context *ctx);

/**
 * Switches profiling on (`on` = 1) or off (0) for an OpenCL context. While
 * on, each kernel launch (built-in routine or user kernel) and each
 * transfer (`oxpar_buffer_create_from`, `oxpar_buffer_upload`,
 * `oxpar_buffer_download`) keeps its event, and
 * `oxpar_context_last_profile` reports the device times of the last one.
 * Off (the default) costs nothing; switching it off forgets the last event.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx), `OXPAR_STATUS_INVALID_ARGUMENT`
 * (on is neither 0 nor 1), `OXPAR_STATUS_UNSUPPORTED` (not an OpenCL
 * context, or a device whose queue cannot profile),
 * `OXPAR_STATUS_BACKEND_UNAVAILABLE` (library built without OpenCL).
 *
 * # Safety
 * `ctx` is NULL or a live context.
 */
oxpar_status oxpar_context_set_profiling(const oxpar_context *ctx, int32_t on);

/**
 * Stores 1 in `*out` if profiling is on for an OpenCL context, else 0.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out), `OXPAR_STATUS_UNSUPPORTED`
 * (not an OpenCL context), `OXPAR_STATUS_BACKEND_UNAVAILABLE`.
 *
 * # Safety
 * `ctx` is NULL or a live context; `out` is NULL or writable.
 */
oxpar_status oxpar_context_profiling(const oxpar_context *ctx, int32_t *out);

/**
 * The device's clock, in nanoseconds, when the last profiled kernel launch
 * or transfer of an OpenCL context was queued (`*queued`), started
 * (`*start`) and ended (`*end`); waits for that command to complete. Only
 * differences mean something: `*end - *start` is the time the device spent
 * on it. A routine that runs several kernels reports its last one.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, queued, start, end),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (profiling is off, or no launch or
 * transfer since it was switched on), `OXPAR_STATUS_UNSUPPORTED` (not an
 * OpenCL context), `OXPAR_STATUS_DEVICE_ERROR` (the command failed),
 * `OXPAR_STATUS_BACKEND_UNAVAILABLE`.
 *
 * # Safety
 * `ctx` is NULL or a live context; the three outputs are NULL or writable.
 */
oxpar_status oxpar_context_last_profile(const oxpar_context *ctx,
                                        uint64_t *queued,
                                        uint64_t *start,
                                        uint64_t *end);

/**
 * Stores in `*out` the bytes of device memory held by an OpenCL context's
 * buffers that OpenCL has not released yet: a freed buffer counts until the
 * commands queued on it have completed and the driver lets its memory go.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out), `OXPAR_STATUS_UNSUPPORTED`
 * (not an OpenCL context), `OXPAR_STATUS_BACKEND_UNAVAILABLE`.
 *
 * # Safety
 * `ctx` is NULL or a live context; `out` is NULL or writable.
 */
oxpar_status oxpar_context_resident_bytes(const oxpar_context *ctx, uint64_t *out);

/**
 * Builds OpenCL C `source` for the device of an OpenCL context with
 * compiler `options` (e.g. `"-DN=4"`; NULL for none); stores the program in
 * `*out`. A source that does not compile is `OXPAR_STATUS_INVALID_ARGUMENT`
 * and `oxpar_last_error_message()` holds the compiler's build log.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, source, out),
 * `OXPAR_STATUS_UNSUPPORTED` (not an OpenCL context),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (build failure, refused options, not
 * UTF-8), `OXPAR_STATUS_DEVICE_ERROR`.
 *
 * # Safety
 * `ctx` is NULL or a live context; `source`, `options` are NULL or
 * NUL-terminated; `out` is NULL or writable.
 */
oxpar_status oxpar_program_build(const oxpar_context *ctx,
                                 const char *source,
                                 const char *options,
                                 oxpar_program **out);

/**
 * Frees a program. NULL is a no-op. Kernels made from it stay usable.
 *
 * Never fails (nothing is returned).
 *
 * # Safety
 * `program` is NULL or a live program handle not used by any other call,
 * freed once.
 */
void oxpar_program_free(oxpar_program *program);

/**
 * Creates the kernel called `name` of a program, with no arguments set;
 * stores it in `*out`.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (program, name, out),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (no such kernel: the message lists those
 * the program has), `OXPAR_STATUS_DEVICE_ERROR`.
 *
 * # Safety
 * `program` is NULL or a live program; `name` is NULL or NUL-terminated;
 * `out` is NULL or writable.
 */
oxpar_status oxpar_kernel_create(const oxpar_program *program,
                                 const char *name,
                                 oxpar_kernel **out);

/**
 * Frees a kernel (and its hold on the buffers set as its arguments). NULL
 * is a no-op; launches already queued complete.
 *
 * Never fails (nothing is returned).
 *
 * # Safety
 * `kernel` is NULL or a live kernel handle not used by any other call,
 * freed once.
 */
void oxpar_kernel_free(oxpar_kernel *kernel);

/**
 * Sets argument `index` (0-based) of a kernel to a buffer (a `__global` or
 * `__constant` pointer to `float`/`double` or their vector types, checked
 * against the declaration when the driver reports it). The kernel does not
 * keep the buffer: freeing it releases its memory (once queued commands
 * complete), and the kernel's next launch is an error until the argument is
 * set again.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (kernel, arg),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (index out of range, a type that does not
 * match the declaration, a buffer of another context).
 *
 * # Safety
 * `kernel` is NULL or a live kernel used by no other call meanwhile; `arg`
 * is NULL or a live buffer.
 */
oxpar_status oxpar_kernel_set_arg_buffer(oxpar_kernel *kernel,
                                         uint32_t index,
                                         const oxpar_buffer *arg);

/**
 * Sets argument `index` of a kernel to an `int`. Errors as
 * `oxpar_kernel_set_arg_buffer`.
 *
 * # Safety
 * `kernel` is NULL or a live kernel used by no other call meanwhile.
 */
oxpar_status oxpar_kernel_set_arg_i32(oxpar_kernel *kernel, uint32_t index, int32_t arg);

/**
 * Sets argument `index` of a kernel to a `uint`. Errors as
 * `oxpar_kernel_set_arg_buffer`.
 *
 * # Safety
 * `kernel` is NULL or a live kernel used by no other call meanwhile.
 */
oxpar_status oxpar_kernel_set_arg_u32(oxpar_kernel *kernel, uint32_t index, uint32_t arg);

/**
 * Sets argument `index` of a kernel to a `long`. Errors as
 * `oxpar_kernel_set_arg_buffer`.
 *
 * # Safety
 * `kernel` is NULL or a live kernel used by no other call meanwhile.
 */
oxpar_status oxpar_kernel_set_arg_i64(oxpar_kernel *kernel, uint32_t index, int64_t arg);

/**
 * Sets argument `index` of a kernel to a `ulong` (also for sizes: OpenCL C
 * forbids `size_t` kernel parameters). Errors as
 * `oxpar_kernel_set_arg_buffer`.
 *
 * # Safety
 * `kernel` is NULL or a live kernel used by no other call meanwhile.
 */
oxpar_status oxpar_kernel_set_arg_u64(oxpar_kernel *kernel, uint32_t index, uint64_t arg);

/**
 * Sets argument `index` of a kernel to a `float`. Errors as
 * `oxpar_kernel_set_arg_buffer`.
 *
 * # Safety
 * `kernel` is NULL or a live kernel used by no other call meanwhile.
 */
oxpar_status oxpar_kernel_set_arg_f32(oxpar_kernel *kernel, uint32_t index, float arg);

/**
 * Sets argument `index` of a kernel to a `double`. Errors as
 * `oxpar_kernel_set_arg_buffer`.
 *
 * # Safety
 * `kernel` is NULL or a live kernel used by no other call meanwhile.
 */
oxpar_status oxpar_kernel_set_arg_f64(oxpar_kernel *kernel, uint32_t index, double arg);

/**
 * Sets argument `index` of a kernel (a `__local` pointer) to `bytes` bytes
 * of local memory per work-group. Errors as `oxpar_kernel_set_arg_buffer`,
 * and `OXPAR_STATUS_INVALID_ARGUMENT` for `bytes == 0`.
 *
 * # Safety
 * `kernel` is NULL or a live kernel used by no other call meanwhile.
 */
oxpar_status oxpar_kernel_set_arg_local(oxpar_kernel *kernel, uint32_t index, size_t bytes);

/**
 * Queues the kernel over `dims` (1 to 3) dimensions: `global[d]` work-items
 * in dimension `d`, in work-groups of `local[d]` (NULL: the driver
 * chooses). Every argument must have been set. Returns once the launch is
 * queued: wait with `oxpar_context_finish` or by downloading a buffer. A
 * zero in `global` runs nothing.
 *
 * **A user kernel is user code**: OpenCL does not check its memory
 * accesses. A kernel that reads or writes outside its buffers (or local
 * memory) corrupts memory — on a CPU device such as PoCL, this process's
 * memory — and nothing here can catch it.
 *
 * Errors: `OXPAR_STATUS_NULL_POINTER` (kernel, global),
 * `OXPAR_STATUS_INVALID_ARGUMENT` (dims, an argument not set, a buffer
 * argument freed since it was set, work-group sizes the device refuses),
 * `OXPAR_STATUS_DEVICE_ERROR`.
 *
 * # Safety
 * `kernel` is NULL or a live kernel used by no other call meanwhile;
 * `global` and `local` are NULL or address `dims` readable sizes; the
 * kernel's code stays inside the buffers and local memory given to it.
 */
oxpar_status oxpar_kernel_launch(oxpar_kernel *kernel,
                                 uint32_t dims,
                                 const size_t *global,
                                 const size_t *local);

#ifdef __cplusplus
}  // extern "C"
#endif  // __cplusplus

#endif  /* OXPAR_H */
