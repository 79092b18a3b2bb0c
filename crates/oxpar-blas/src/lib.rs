//! liboxpar_blas: a standard BLAS and CBLAS that existing programs link or
//! load unchanged (SONAME `libblas.so.3`), computing on oxpar's threads and
//! kernels.
//!
//! * The Fortran interface (`dgemm_`, `ddot_`, ...) follows the reference
//!   BLAS calling convention: every argument by reference, LP64 `int`
//!   integers, hidden string lengths after the last argument (accepted and
//!   ignored: only the first character of a character argument matters).
//! * The CBLAS interface (`cblas_dgemm`, ...) follows netlib's CBLAS: row-major
//!   calls are turned into column-major ones by swapping arguments, exactly as
//!   netlib's wrappers do, so errors are reported at the same positions.
//! * Every real (s, d) routine of the reference BLAS is here, levels 1 to 3,
//!   plus the real-valued routines on complex vectors the testers need
//!   (`scasum`, `scnrm2`, `dzasum`, `dznrm2`).
//! * Complex level 1 (c, z): every routine of the reference BLAS 3.11
//!   (`zaxpy_`, `zdotc_`, `zrotg_`, `zdscal_`, `izamax_`, ...) and its CBLAS
//!   form (`cblas_zdotc_sub`, ...), with the reference's arithmetic down to
//!   special values; the complex functions return their value as gfortran
//!   does (a C `_Complex` return). Also the reference library's helpers
//!   `lsame_` and `xerbla_array_`, CBLAS's globals, and every `*sub_`
//!   subroutine form (`zdotcsub_`, `icamaxsub_`, ...) netlib's CBLAS uses.
//! * Every complex (c, z) level-2 routine of the reference BLAS is here too,
//!   Fortran and CBLAS forms (see [`level2`]).
//! * Complex level 3 (c, z): gemm, symm, hemm, syrk, herk, syr2k, her2k,
//!   trmm and trsm, with `C` as the conjugate transpose (see [`level3`]).
//! * Invalid arguments are reported as the reference BLAS does: `xerbla_` is
//!   called with the routine's name and the argument's 1-based position, and
//!   the routine returns without touching anything. The handler is looked up
//!   at run time, so a program's own `xerbla_` (or `cblas_xerbla`) wins over
//!   this library's (see [`xerbla`]).
//! * Threads: `OXPAR_NUM_THREADS`, else `OPENBLAS_NUM_THREADS`, else
//!   `OMP_NUM_THREADS`, else the CPUs this process may use (see [`threads`]).
//! * Reproducible mode: `OXPAR_REPRODUCIBLE=1` (also `true`, `yes`, `on`)
//!   makes `?dot`, `?nrm2`, `?asum`, `scasum`/`dzasum`, `scnrm2`/`dznrm2`
//!   and the complex `?dotc`/`?dotu` (each part; Fortran, CBLAS and `*sub_`
//!   forms) correctly rounded, so their results have the
//!   same bits for any thread count (see [`level1`]); `sdsdot` and `dsdot`
//!   are unchanged (see [`threads::reproducible`]).
//!
//! Both variables are read once per process, at the first call that needs
//! them.
//!
//! The numerical work goes through oxpar's threads backend where oxpar has
//! the operation (gemm, gemv, ger and the level-1 kernels); the other
//! routines are written here on the same conventions.
//!
//! C and Fortran programs link the shared library; Rust code can call the
//! same functions through this crate:
//!
//! ```
//! use oxpar_blas::args::{CBLAS_NO_TRANS, CBLAS_ROW_MAJOR};
//! use oxpar_blas::{level1::ddot_, level3::cblas_dgemm};
//!
//! // Fortran's DDOT(3, X, -1, Y, 1): a negative increment walks X from its
//! // end, and X is passed by its first array element, as in any BLAS.
//! let x = [1.0f64, 2.0, 3.0];
//! let y = [1.0f64, 10.0, 100.0];
//! let (n, incx, incy) = (3, -1, 1);
//! // SAFETY: x and y hold n elements at their increments; scalars are readable.
//! let dot = unsafe { ddot_(&n, x.as_ptr(), &incx, y.as_ptr(), &incy) };
//! assert_eq!(dot, 3.0 + 20.0 + 100.0);
//!
//! // cblas_dgemm, row-major: C (2x2) := A (2x3) * B (3x2).
//! let a = [1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0];
//! let b = [1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0];
//! let mut c = [0.0f64; 4];
//! // SAFETY: a, b and c hold the elements their shapes and leading dimensions address.
//! unsafe {
//!     cblas_dgemm(CBLAS_ROW_MAJOR, CBLAS_NO_TRANS, CBLAS_NO_TRANS, 2, 2, 3,
//!         1.0, a.as_ptr(), 3, b.as_ptr(), 2, 0.0, c.as_mut_ptr(), 2);
//! }
//! assert_eq!(c, [22.0, 28.0, 49.0, 64.0]);
//! ```

pub mod args;
pub mod level1;
pub mod level2;
pub mod level3;
pub mod threads;
pub mod xerbla;
