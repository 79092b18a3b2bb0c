//! Single-core BLAS-style kernels over oxpar's strided views.
//!
//! These are the building blocks the CPU backends split across threads:
//! level 1 and 2 are written here (contiguous fast paths compiled for AVX-512,
//! AVX2+FMA and a portable baseline, chosen at run time; a general-stride path
//! for everything else), and level 3 is the `gemm` crate's BLIS-style packed
//! micro-kernels, which match OpenBLAS on this class of machine (see the
//! project notes for the comparison with matrixmultiply and faer).
//!
//! Every function assumes its arguments passed the shape checks of
//! `oxpar_core::backend::check`; the backends do that once, up front.

pub mod dispatch;
pub mod exact;
pub mod level1;
pub mod level2;
pub mod level3;

pub use dispatch::{cpu_level, CpuLevel};
pub use level3::Par;
