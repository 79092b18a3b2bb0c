//! The vocabulary every oxpar crate shares.
//!
//! * [`Scalar`]: the element types (`f32`, `f64`).
//! * [`VecRef`]/[`VecMut`]/[`MatRef`]/[`MatMut`]: BLAS-layout views with element
//!   strides (negative where BLAS allows them), row- or column-major, transposable.
//! * [`Error`] and [`ErrorKind`]: failures a caller can act on.
//! * The backend trait family ([`Backend`], [`Level1`], [`Level2`], [`Level3`],
//!   [`ParallelLoops`], and the object-safe bundle [`HostBackend`]).
//! * [`Serial`]: the reference backend, written for clarity, used as the oracle.

pub mod backend;
pub mod error;
pub mod exact;
pub mod repro;
pub mod scalar;
pub mod schedule;
pub mod serial;
pub mod view;

pub use backend::{
    Backend, BackendKind, HostBackend, Level1, Level2, Level3, Op, ParallelLoops, Trans,
};
pub use error::{Error, ErrorKind, Result};
pub use scalar::{DType, Scalar};
pub use schedule::Schedule;
pub use serial::Serial;
pub use view::{MatMut, MatRef, VecMut, VecRef};

/// Everything a user of the traits needs, in one `use`.
pub mod prelude {
    pub use crate::backend::*;
    pub use crate::error::{Error, ErrorKind, Result};
    pub use crate::scalar::Scalar;
    pub use crate::schedule::Schedule;
    pub use crate::view::*;
}
