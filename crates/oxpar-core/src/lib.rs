//! The vocabulary every oxpar crate shares.
//!
//! * [`Element`]: the element types (`f32`, `f64`; complex ones to come) and
//!   [`Scalar`], the real ones.
//! * [`VecRef`]/[`VecMut`]/[`MatRef`]/[`MatMut`]: BLAS-layout views with element
//!   strides (negative where BLAS allows them), row- or column-major, transposable;
//!   [`BatchRef`]/[`BatchMut`]: stacks of equally shaped matrices (batched solves).
//! * [`Error`] and [`ErrorKind`]: failures a caller can act on.
//! * The backend trait family ([`Backend`], [`Level1`], [`Level2`], [`Level3`],
//!   [`ParallelLoops`], [`Factor`], and the object-safe bundle [`HostBackend`]).
//! * [`Serial`]: the reference backend, written for clarity, used as the oracle.
//!
//! Views describe caller memory without copying it; any backend runs on them
//! (here the serial reference, one thread):
//!
//! ```
//! use oxpar_core::prelude::*;
//! use oxpar_core::Serial;
//!
//! // A 2x3 row-major A and a 3x2 column-major B, in plain slices.
//! let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
//! let b = [1.0, 3.0, 5.0, 2.0, 4.0, 6.0];
//! let mut c = [0.0f64; 4];
//! Serial.gemm(
//!     1.0,
//!     MatRef::row_major(&a, 2, 3, 3)?,
//!     MatRef::col_major(&b, 3, 2, 3)?,
//!     0.0,
//!     MatMut::row_major(&mut c, 2, 2, 2)?,
//! )?;
//! assert_eq!(c, [22.0, 28.0, 49.0, 64.0]);
//!
//! // Every other element of a slice, backwards (BLAS's negative increment).
//! let x = [1.0f64, 10.0, 2.0, 20.0, 3.0];
//! let y = [1.0f64, 1.0, 1.0];
//! let dot = Serial.dot(VecRef::from_blas(&x, 3, -2)?, VecRef::from_slice(&y))?;
//! assert_eq!(dot, 6.0);
//!
//! // Bad shapes are errors, never panics.
//! let err = Serial.dot(VecRef::from_slice(&x), VecRef::from_slice(&y)).unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::ShapeMismatch);
//! # Ok::<(), oxpar_core::Error>(())
//! ```

pub mod backend;
pub mod band;
pub mod batch;
mod bidiag;
pub mod blocked;
pub mod budget;
pub mod complex;
#[cfg(test)]
mod complex_ready;
pub mod error;
pub mod exact;
pub mod factor;
pub mod factor_batch;
pub mod factor_inverse;
pub mod factor_qr;
pub mod factor_svd;
pub mod hermitian;
pub mod reference;
pub mod repro;
pub mod scalar;
pub mod schedule;
pub mod serial;
pub mod view;
// The symmetric/Hermitian eigenproblem.
pub mod factor_eigh;
pub mod tridiag;

pub use backend::{
    Backend, BackendKind, Diag, HostBackend, Level1, Level2, Level3, Op, ParallelLoops, Side,
    Trans, Uplo,
};
pub use band::{BandRef, PackedMut, PackedRef};
pub use batch::{BatchMut, BatchRef};
pub use error::{Error, ErrorKind, Result};
pub use factor::Factor;
pub use factor_eigh::Eigh;
pub use factor_qr::Qr;
pub use factor_svd::Svd;
pub use num_complex::{Complex, Complex32, Complex64};
pub use scalar::{DType, Element, Scalar};
pub use schedule::Schedule;
pub use serial::Serial;
pub use view::{MatMut, MatRef, VecMut, VecRef};

/// Everything a user of the traits needs, in one `use`.
pub mod prelude {
    pub use crate::backend::*;
    pub use crate::band::{BandRef, PackedMut, PackedRef};
    pub use crate::batch::{BatchMut, BatchRef};
    pub use crate::error::{Error, ErrorKind, Result};
    pub use crate::factor::Factor;
    pub use crate::factor_eigh::Eigh;
    pub use crate::factor_qr::Qr;
    pub use crate::factor_svd::Svd;
    pub use crate::scalar::{Element, Scalar};
    pub use crate::schedule::Schedule;
    pub use crate::view::*;
}
