//! The backend conformance suite: written once, instantiated per backend.
//!
//! Every operation is checked against an independent reference computed here
//! in `f64` with naive loops (a triple loop for gemm), over property-based
//! inputs: sizes 0, 1, odd, prime and just past the kernels' block sizes;
//! contiguous, padded, strided and reversed layouts; transposes; special
//! scalars (0, 1, -1). Outputs are also checked for what must *not* happen:
//! `beta = 0` must not read C or y (a NaN there must not come out), and
//! elements outside an output view (padding, gaps between strided elements)
//! must keep their values.
//!
//! Instantiate with [`conformance_suite!`] in an integration test:
//!
//! ```
//! mod threads_2 {
//!     oxpar_backend_tests::conformance_suite!(oxpar_threads::ThreadsBackend::with_threads(2).unwrap());
//! }
//! ```

pub mod data;
pub mod props;
pub mod props_complex;
pub mod props_factor;
pub mod props_factor_batch;
pub mod props_factor_inverse;
pub mod props_level2;
pub mod props_level3;
pub mod props_qr;
pub mod props_svd;
// The symmetric/Hermitian eigenproblem.
pub mod props_eigh;

pub use props::*;
pub use props_level2::*;

/// Expands to one `#[test]` per operation and element type, each running the
/// property of [`props`] (and [`props_level2`], [`props_level3`]) against the backend that `$make` builds.
#[macro_export]
macro_rules! conformance_suite {
    ($make:expr) => {
        $crate::__conformance_tests!($make; axpy, scal, copy, swap, dot, nrm2, asum, iamax, gemv, ger, gemm,
            special_values, shape_errors, parallel_loops,
            symv, trmv, trsv, syr, syr2, level2_shape_errors, gbmv, sbmv_spmv, banded_triangular, spr_spr2,
            symm, syrk, syr2k, trmm, trsm, sum, reduce_exact);
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __conformance_tests {
    ($make:expr; $($name:ident),*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;
                #[test]
                fn f32() {
                    let backend = $make;
                    $crate::$name::<f32, _>(&backend);
                }
                #[test]
                fn f64() {
                    let backend = $make;
                    $crate::$name::<f64, _>(&backend);
                }
            }
        )*
    };
}
