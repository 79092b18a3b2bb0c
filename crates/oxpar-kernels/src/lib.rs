//! Single-core BLAS-style kernels over oxpar's strided views.
//!
//! These are the building blocks the CPU backends split across threads:
//! level 1 and 2 are written here (contiguous fast paths compiled for AVX-512,
//! AVX2+FMA and a portable baseline, chosen at run time; a general-stride path
//! for everything else; complex level 1 in [`complex_level1`], on the
//! interleaved parts), and level 3 is the `gemm` crate's BLIS-style packed
//! micro-kernels, which match OpenBLAS on this class of machine (see the
//! project notes for the comparison with matrixmultiply and faer).
//!
//! Every function assumes its arguments passed the shape checks of
//! `oxpar_core::backend::check`; the backends do that once, up front.
//!
//! ```
//! use oxpar_core::{MatMut, MatRef, VecRef};
//! use oxpar_kernels::{level1, level3, Par};
//!
//! let x: Vec<f64> = (1..=1000).map(f64::from).collect();
//! // 1 + 2 + ... + 1000 on the fastest code path this CPU has.
//! assert_eq!(level1::sum(VecRef::from_slice(&x)), 500_500.0);
//! assert_eq!(level1::dot(VecRef::from_slice(&x[..3]), VecRef::from_slice(&x[..3])), 14.0);
//! println!("kernels compiled for {}", oxpar_kernels::cpu_level().as_str());
//!
//! // C := A*B with A 2x3 (row-major) and B 3x2 (row-major), one thread.
//! let a = [1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0];
//! let b = [1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0];
//! let mut c = [0.0f32; 4];
//! level3::gemm(
//!     Par::Seq,
//!     1.0,
//!     MatRef::row_major(&a, 2, 3, 3)?,
//!     MatRef::row_major(&b, 3, 2, 2)?,
//!     0.0,
//!     MatMut::row_major(&mut c, 2, 2, 2)?,
//! );
//! assert_eq!(c, [22.0, 28.0, 49.0, 64.0]);
//! # Ok::<(), oxpar_core::Error>(())
//! ```

pub mod certified;
pub mod complex;
pub mod complex_level1;
pub mod complex_level2;
pub mod complex_packed;
pub mod complex_tri;
#[cfg(target_arch = "x86_64")]
mod complex_ukr;
pub mod dispatch;
pub mod exact;
pub mod level1;
pub mod level2;
pub mod level3;

pub use dispatch::{cpu_level, CpuLevel};
pub use level3::Par;
