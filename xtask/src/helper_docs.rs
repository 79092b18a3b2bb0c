//! The C documentation of the routines whose typed shells call a hand-written
//! helper of crates/oxpar-capi/src/blas.rs (rows with `Shell::Helper`): what
//! the table cannot derive (reproducible mode, MPI collectives, aliasing). The
//! shells add the negative-increment convention (when there are vectors) and
//! the safety contract; `{floats}` and `{float}` are the element type's words.
//! For complex element types the collective shells also add how an MPI
//! context treats them (`COMPLEX_ON_MPI` in capi_gen.rs): the collective
//! notes here are the real types'.

use crate::routines::Helper;

/// `oxpar_saxpy`, `oxpar_daxpy`.
pub const AXPY: Helper = Helper {
    call: "",
    doc: "`y := alpha*x + y` on {floats}. `alpha == 0` returns without reading `x`.",
    single: "",
    complex: "",
    errors: "Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x or y with n > 0),\n\
`OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),\n\
`OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1, or a vector beyond the\n\
address space). y may share memory with x: the result is as if x were read\n\
first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and\n\
`OXPAR_STATUS_OUT_OF_MEMORY`.",
    collective: false,
};

/// `oxpar_sscal`, `oxpar_dscal`.
pub const SCAL: Helper = Helper {
    call: "",
    doc: "`x := alpha*x` on {floats}.",
    single: "",
    complex: "",
    errors: "Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x with n > 0),\n\
`OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),\n\
`OXPAR_STATUS_INVALID_STRIDE` (incx 0 with n > 1, or a vector beyond the\n\
address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and\n\
`OXPAR_STATUS_OUT_OF_MEMORY`.",
    collective: false,
};

/// `oxpar_scopy`, `oxpar_dcopy`.
pub const COPY: Helper = Helper {
    call: "",
    doc: "`y := x` on {floats}.",
    single: "",
    complex: "",
    errors: "Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; x or y with n > 0),\n\
`OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),\n\
`OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1, or a vector beyond the\n\
address space). y may share memory with x: the result is as if x were read\n\
first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and\n\
`OXPAR_STATUS_OUT_OF_MEMORY`.",
    collective: false,
};

/// `oxpar_sswap`, `oxpar_dswap`.
pub const SWAP: Helper = Helper {
    call: "",
    doc: "Exchanges the {float} vectors `x` and `y`.",
    single: "",
    complex: "",
    errors: "Errors: `OXPAR_STATUS_NULL_POINTER` (ctx; x or y with n > 0),\n\
`OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type; x and y\n\
sharing an element without being the very same vector),\n\
`OXPAR_STATUS_INVALID_STRIDE` (incx or incy 0 with n > 1, or a vector beyond\n\
the address space). On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR`\n\
and `OXPAR_STATUS_OUT_OF_MEMORY`.",
    collective: false,
};

/// `oxpar_sdot`, `oxpar_ddot`.
pub const DOT: Helper = Helper {
    call: "dot(ctx, n, x, incx, y, incy, out, false)",
    doc: "`*out := x . y` on {floats} (0 when `n == 0`).\n\
\n\
In reproducible mode (`oxpar_context_set_reproducible`) the result is the\n\
exact one correctly rounded: the same bits on any backend, number of\n\
threads or MPI ranks.",
    single: "Ordinary (not reproducible) mode accumulates in double (on an OpenCL\n\
device, when it has double precision) and rounds once to float: the result is within about one float\n\
ulp of the exact value plus `n * 2^-53` times the sum of `|x_i * y_i|`.",
    complex: "",
    errors: "Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x or y with n > 0),\n\
`OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),\n\
`OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; an\n\
increment of 0, which reads one element n times, is allowed). On an OpenCL\n\
context also `OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`.\n\
On an MPI context the call is collective: an argument error on one rank\n\
fails every rank (the others get an error naming that rank; ranks that mix element types or\n\
operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI\n\
failure is `OXPAR_STATUS_COMM_ERROR`.",
    collective: true,
};

/// `oxpar_snrm2`, `oxpar_dnrm2`.
pub const NRM2: Helper = Helper {
    call: "norm(ctx, n, x, incx, out, Norm::Nrm2)",
    doc: "`*out :=` the Euclidean norm of `x` ({floats}), without overflow or\n\
underflow in intermediate results; NaN if any element is NaN.\n\
\n\
In reproducible mode (`oxpar_context_set_reproducible`) the result is the\n\
correctly rounded square root of the exact sum of squares: the same bits\n\
on any backend, number of threads or MPI ranks.",
    single: "Ordinary (not reproducible) mode accumulates in double (on an OpenCL\n\
device, when it has double precision) and rounds once to float: the result is within about one float\n\
ulp of the exact value plus `n * 2^-53` times the norm.",
    complex: "The result is real: `*out` is the real type of the elements.",
    errors: "Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),\n\
`OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),\n\
`OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,\n\
which reads one element n times, is allowed). On an OpenCL context also\n\
`OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI\n\
context the call is collective: an argument error on one rank fails every\n\
rank (the others get an error naming that rank; ranks that mix element types or\n\
operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is\n\
`OXPAR_STATUS_COMM_ERROR`.",
    collective: true,
};

/// `oxpar_sasum`, `oxpar_dasum`.
pub const ASUM: Helper = Helper {
    call: "norm(ctx, n, x, incx, out, Norm::Asum)",
    doc: "`*out :=` the sum of the absolute values of `x` ({floats}).\n\
\n\
In reproducible mode (`oxpar_context_set_reproducible`) the result is the\n\
exact one correctly rounded: the same bits on any backend, number of\n\
threads or MPI ranks.",
    single: "Ordinary (not reproducible) mode accumulates in double (on an OpenCL\n\
device, when it has double precision) and rounds once to float: the result is within about one float\n\
ulp of the exact value plus `n * 2^-53` times the result.",
    complex: "The absolute value of a complex element is `|re| + |im|`, as in BLAS\n\
scasum/dzasum (not the modulus); the result is real.",
    errors: "Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),\n\
`OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),\n\
`OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,\n\
which reads one element n times, is allowed). On an OpenCL context also\n\
`OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI\n\
context the call is collective: an argument error on one rank fails every\n\
rank (the others get an error naming that rank; ranks that mix element types or\n\
operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is\n\
`OXPAR_STATUS_COMM_ERROR`.",
    collective: true,
};

/// `oxpar_ssum`, `oxpar_dsum`.
pub const SUM: Helper = Helper {
    call: "sum(ctx, n, x, incx, out)",
    doc: "`*out :=` the sum of the elements of `x` ({floats}; 0 when `n == 0`). The\n\
ordinary sum adds in an order that depends on the backend and its number\n\
of threads (so the last bits may differ between them).\n\
\n\
In reproducible mode (`oxpar_context_set_reproducible`) the result is the\n\
exact one correctly rounded: the same bits on any backend, number of\n\
threads or MPI ranks.",
    single: "Ordinary (not reproducible) mode accumulates in double (on an OpenCL\n\
device, when it has double precision) and rounds once to float: the result is within about one float\n\
ulp of the exact value plus `n * 2^-53` times the sum of `|x_i|`.",
    complex: "",
    errors: "Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),\n\
`OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),\n\
`OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,\n\
which reads one element n times, is allowed). On an OpenCL context also\n\
`OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI\n\
context the call is collective: an argument error on one rank fails every\n\
rank (the others get an error naming that rank; ranks that mix element types or\n\
operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is\n\
`OXPAR_STATUS_COMM_ERROR`.",
    collective: true,
};

/// `oxpar_isamax`, `oxpar_idamax`.
pub const IAMAX: Helper = Helper {
    call: "",
    doc: "`*out :=` the 0-based index of the first element of largest absolute\n\
value of `x` ({floats}); the first NaN if there is one; `OXPAR_INDEX_NONE`\n\
when `n == 0`.",
    single: "",
    complex: "The absolute value of a complex element is `|re| + |im|`, as in BLAS\n\
icamax/izamax (not the modulus).",
    errors: "Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x with n > 0),\n\
`OXPAR_STATUS_INVALID_ARGUMENT` (x not aligned for its type),\n\
`OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; incx 0,\n\
which reads one element n times, is allowed). On an OpenCL context also\n\
`OXPAR_STATUS_DEVICE_ERROR` and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI\n\
context the call is collective: an argument error on one rank fails every\n\
rank (the others get an error naming that rank; ranks that mix element types or\n\
operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is\n\
`OXPAR_STATUS_COMM_ERROR`.",
    collective: true,
};

/// `oxpar_sgemv`, `oxpar_dgemv`.
pub const GEMV: Helper = Helper {
    call: "gemv(ctx, trans, (m, n, None), alpha, a, rsa, csa, x, incx, beta, y, incy)",
    doc: "`y := alpha*op(A)*x + beta*y` on {floats}, where `A` is the `m x n` matrix at\n\
`a` with element strides `rsa` (between rows) and `csa` (between columns),\n\
and `op(A)` is `A` (`trans = OXPAR_TRANS_NO`: `x` has `n` elements, `y` has\n\
`m`), `A^T` (`OXPAR_TRANS_YES`: `x` has `m`, `y` has `n`) or `A^H`\n\
(`OXPAR_TRANS_CONJ`, the conjugate transpose; `A^T` for real elements, as\n\
BLAS's `'C'`). `beta == 0` does not read `y`; `alpha == 0` reads neither\n\
`A` nor `x`.",
    single: "",
    complex: "",
    errors: "Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, x or y when not empty),\n\
`OXPAR_STATUS_INVALID_ARGUMENT` (trans none of `OXPAR_TRANS_NO`,\n\
`OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),\n\
`OXPAR_STATUS_INVALID_STRIDE` (incy 0 for more than one element, or an\n\
operand beyond the address space). A and x may have any strides, 0 included,\n\
and may share memory with y: the result is as if they were read first. On an\n\
OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and\n\
`OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an\n\
argument error on one rank fails every rank (the others get an error naming\n\
that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.",
    collective: true,
};

/// `oxpar_sger`, `oxpar_dger`.
pub const GER: Helper = Helper {
    call: "ger(ctx, (m, n, None), alpha, x, incx, y, incy, a, rsa, csa)",
    doc: "`A := alpha*x*y^T + A` on {floats}, `A` being `m x n` with strides `rsa`,\n\
`csa`, `x` of `m` and `y` of `n` elements. `alpha == 0` returns at once.",
    single: "",
    complex: "",
    errors: "Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x, y or a when not empty),\n\
`OXPAR_STATUS_INVALID_ARGUMENT` (an array not aligned for its type),\n\
`OXPAR_STATUS_INVALID_STRIDE` (rsa, csa that give two elements of A one\n\
address, or an operand beyond the address space). x and y may have any\n\
increments, 0 included, and may share memory with A: the result is as if\n\
they were read first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR`\n\
and `OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective:\n\
an argument error on one rank fails every rank (the others get an error\n\
naming that rank; ranks that mix element types or\n\
operations all get `OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.",
    collective: true,
};

/// `oxpar_sgemm`, `oxpar_dgemm`.
pub const GEMM: Helper = Helper {
    call: "gemm(ctx, transa, transb, m, n, (k, k), alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc)",
    doc: "`C := alpha*op(A)*op(B) + beta*C` on {floats}, with `op(A)` `m x k`, `op(B)`\n\
`k x n` and `C` `m x n`; each matrix is given by a pointer to its element\n\
(0, 0) as stored and its element strides (row, column). `transa`/`transb`\n\
are `OXPAR_TRANS_NO`, `OXPAR_TRANS_YES` (then `a` holds the `k x m`\n\
matrix `A`, and so on) or `OXPAR_TRANS_CONJ` (the conjugate transpose;\n\
the transpose for real elements, as BLAS's `'C'`). Column-major (Fortran) data: `rs = 1, cs = ld`;\n\
row-major (C): `rs = ld, cs = 1`. `beta == 0` does not read `C` (NaN there\n\
does not come out); `alpha == 0` or `k == 0` reads neither `A` nor `B`.",
    single: "",
    complex: "",
    errors: "Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha, beta; a, b or c when not empty),\n\
`OXPAR_STATUS_INVALID_ARGUMENT` (transa or transb none of `OXPAR_TRANS_NO`,\n\
`OXPAR_TRANS_YES`, `OXPAR_TRANS_CONJ`; an array not aligned for its type),\n\
`OXPAR_STATUS_INVALID_STRIDE` (strides that give two elements of C the same\n\
address, or an operand beyond the address space). A and B may have any\n\
strides, 0 included, and may share memory with C: the result is as if they\n\
were read first. On an OpenCL context also `OXPAR_STATUS_DEVICE_ERROR` and\n\
`OXPAR_STATUS_OUT_OF_MEMORY`. On an MPI context the call is collective: an\n\
argument error on one rank fails every rank (the others get an error naming\n\
that rank), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.",
    collective: true,
};

/// `oxpar_csscal`, `oxpar_zdscal`.
pub const RSCAL: Helper = Helper {
    call: "rscal(ctx, n, alpha, x, incx)",
    doc: "`x := alpha*x` on {floats} with a real `alpha`: each real and imaginary\n\
part is multiplied by `alpha` (as BLAS's csscal; an infinite part does not\n\
turn the other one into NaN).",
    single: "",
    complex: "",
    errors: SCAL.errors,
    collective: false,
};

/// `oxpar_cdotu`, `oxpar_zdotu`.
pub const DOTU: Helper = Helper {
    call: "dot(ctx, n, x, incx, y, incy, out, false)",
    doc: "`*out := sum x_i * y_i` on {floats}, neither conjugated (BLAS's dotu;\n\
0 when `n == 0`).\n\
\n\
In reproducible mode (`oxpar_context_set_reproducible`) each part of the\n\
result is the exact one correctly rounded: the same bits on any backend or\n\
number of threads.",
    single: "",
    complex: "",
    errors: "Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, out; x or y with n > 0),\n\
`OXPAR_STATUS_INVALID_ARGUMENT` (x or y not aligned for its type),\n\
`OXPAR_STATUS_INVALID_STRIDE` (a vector beyond the address space; an\n\
increment of 0, which reads one element n times, is allowed). On an MPI\n\
context the call is collective: an argument error on one rank fails every\n\
rank (the others get an error naming that rank; ranks that mix element types or\n\
operations, dotu with dotc among them, all get `OXPAR_STATUS_INVALID_ARGUMENT`),\n\
and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.",
    collective: true,
};

/// `oxpar_cdotc`, `oxpar_zdotc`.
pub const DOTC: Helper = Helper {
    call: "dot(ctx, n, x, incx, y, incy, out, true)",
    doc: "`*out := sum conj(x_i) * y_i` on {floats} (BLAS's dotc; 0 when\n\
`n == 0`).\n\
\n\
In reproducible mode (`oxpar_context_set_reproducible`) each part of the\n\
result is the exact one correctly rounded: the same bits on any backend or\n\
number of threads.",
    single: "",
    complex: "",
    errors: DOTU.errors,
    collective: true,
};

/// `oxpar_cgeru`, `oxpar_zgeru`.
pub const GERU: Helper = Helper {
    call: "ger_op(ctx, (m, n), alpha, x, incx, y, incy, a, rsa, csa, false)",
    doc: "`A := alpha*x*y^T + A` on {floats}, nothing conjugated (BLAS's geru),\n\
`A` being `m x n` with strides `rsa`, `csa`, `x` of `m` and `y` of `n`\n\
elements. `alpha == 0` returns at once.",
    single: "",
    complex: "",
    errors: "Errors: `OXPAR_STATUS_NULL_POINTER` (ctx, alpha; x, y or a when not empty),\n\
`OXPAR_STATUS_INVALID_ARGUMENT` (an array not aligned for its type),\n\
`OXPAR_STATUS_INVALID_STRIDE` (rsa, csa that give two elements of A one\n\
address, or an operand beyond the address space). x and y may have any\n\
increments, 0 included, and may share memory with A: the result is as if\n\
they were read first. On an MPI context the call is collective: an argument\n\
error on one rank fails every rank (the others get an error naming that rank;\n\
ranks that mix element types or operations, geru with gerc among them, all get\n\
`OXPAR_STATUS_INVALID_ARGUMENT`), and an MPI failure is `OXPAR_STATUS_COMM_ERROR`.",
    collective: true,
};

/// `oxpar_cgerc`, `oxpar_zgerc`.
pub const GERC: Helper = Helper {
    call: "ger_op(ctx, (m, n), alpha, x, incx, y, incy, a, rsa, csa, true)",
    doc: "`A := alpha*x*y^H + A` on {floats}, `y` conjugated (BLAS's gerc), `A`\n\
being `m x n` with strides `rsa`, `csa`, `x` of `m` and `y` of `n`\n\
elements. `alpha == 0` returns at once.",
    single: "",
    complex: "",
    errors: GERU.errors,
    collective: true,
};
