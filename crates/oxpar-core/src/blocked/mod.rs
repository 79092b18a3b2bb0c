//! Blocked versions of the structured BLAS operations, built on a backend's
//! own gemv/ger ([`level2`]) or gemm ([`level3`]): the trait defaults, so
//! every backend has them at the speed of its basic kernels, and the shared
//! recursions the threads backend runs on its column blocks.

pub mod level2;
pub mod level3;

pub use level2::*;
pub use level3::*;
