//! Errors with kinds a caller can act on.
//!
//! The kinds map one-to-one onto the C ABI's status codes and Python's exception
//! classes, so they are only ever added to, never renumbered.

use std::borrow::Cow;
use std::fmt;

/// What went wrong, coarse enough to act on.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An argument has a value the routine does not accept (an unknown spec, a bad
    /// enum value, a null pointer with a non-zero size).
    InvalidArgument,
    /// Operand dimensions do not agree (gemm's inner dimensions, vector lengths).
    ShapeMismatch,
    /// A stride or leading dimension is zero where it may not be, too small, or
    /// makes an address overflow.
    InvalidStride,
    /// The operation is valid but this backend or build does not offer it.
    Unsupported,
    /// The requested backend is not compiled in or not usable on this machine.
    BackendUnavailable,
    /// An accelerator reported a failure.
    Device,
    /// A communication layer (MPI) reported a failure.
    Communication,
    /// Memory could not be allocated.
    OutOfMemory,
    /// A bug in oxpar: please report it.
    Internal,
    /// A numerical failure, not an argument error: an LU factorization met
    /// an exactly zero pivot (the matrix is singular). [`Error::info`]
    /// carries LAPACK's `info`.
    Singular,
    /// A numerical failure, not an argument error: a Cholesky factorization
    /// met a leading minor that is not positive definite. [`Error::info`]
    /// carries LAPACK's `info` (the minor's order).
    NotPositiveDefinite,
    /// A numerical failure, not an argument error: an iterative algorithm
    /// (the eigenvalue or singular value iteration) did not converge.
    /// [`Error::info`] carries LAPACK's `info` (how many values did not
    /// converge).
    NoConvergence,
}

impl ErrorKind {
    /// A short lower-case name, stable across releases.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidArgument => "invalid argument",
            ErrorKind::ShapeMismatch => "shape mismatch",
            ErrorKind::InvalidStride => "invalid stride",
            ErrorKind::Unsupported => "unsupported",
            ErrorKind::BackendUnavailable => "backend unavailable",
            ErrorKind::Device => "device error",
            ErrorKind::Communication => "communication error",
            ErrorKind::OutOfMemory => "out of memory",
            ErrorKind::Internal => "internal error",
            ErrorKind::Singular => "singular matrix",
            ErrorKind::NotPositiveDefinite => "not positive definite",
            ErrorKind::NoConvergence => "no convergence",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error: a kind to branch on and a message for people.
///
/// Messages name the offending argument (`"incx: stride must be non-zero"`), so a
/// C or Fortran caller who only sees the text can still find the mistake.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: Cow<'static, str>,
    info: Option<usize>,
    batch_index: Option<usize>,
}

impl Error {
    /// An error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<Cow<'static, str>>) -> Self {
        Error {
            kind,
            message: message.into(),
            info: None,
            batch_index: None,
        }
    }

    /// A numerical failure of `kind` ([`ErrorKind::Singular`],
    /// [`ErrorKind::NotPositiveDefinite`]) with LAPACK's `info` index.
    pub fn numerical(kind: ErrorKind, info: usize, message: impl Into<Cow<'static, str>>) -> Self {
        Error {
            info: Some(info),
            ..Error::new(kind, message)
        }
    }

    /// For a numerical failure, the index LAPACK's `info` would hold
    /// (positive, 1-based): the column of an exactly zero pivot plus one for
    /// [`ErrorKind::Singular`], the order of the failing leading minor for
    /// [`ErrorKind::NotPositiveDefinite`]. `None` for other errors.
    pub fn info(&self) -> Option<usize> {
        self.info
    }

    /// For a numerical failure in a batched call (see
    /// [`crate::factor_batch`]), the 0-based index of the first system that
    /// failed; [`Error::info`] is that system's `info`. `None` otherwise.
    pub fn batch_index(&self) -> Option<usize> {
        self.batch_index
    }

    /// Marks a numerical failure as that of system `index` of a batch.
    #[must_use]
    pub fn in_batch(self, index: usize) -> Self {
        Error {
            message: format!("system {index} of the batch: {}", self.message).into(),
            batch_index: Some(index),
            ..self
        }
    }

    /// [`ErrorKind::InvalidArgument`] naming the argument.
    pub fn invalid_argument(arg: &str, what: impl fmt::Display) -> Self {
        Error::new(ErrorKind::InvalidArgument, format!("{arg}: {what}"))
    }

    /// [`ErrorKind::ShapeMismatch`] naming the arguments.
    pub fn shape_mismatch(what: impl fmt::Display) -> Self {
        Error::new(ErrorKind::ShapeMismatch, what.to_string())
    }

    /// [`ErrorKind::InvalidStride`] naming the argument.
    pub fn invalid_stride(arg: &str, what: impl fmt::Display) -> Self {
        Error::new(ErrorKind::InvalidStride, format!("{arg}: {what}"))
    }

    /// [`ErrorKind::Unsupported`].
    pub fn unsupported(what: impl fmt::Display) -> Self {
        Error::new(ErrorKind::Unsupported, what.to_string())
    }

    /// [`ErrorKind::BackendUnavailable`].
    pub fn backend_unavailable(what: impl fmt::Display) -> Self {
        Error::new(ErrorKind::BackendUnavailable, what.to_string())
    }

    /// [`ErrorKind::Internal`].
    pub fn internal(what: impl fmt::Display) -> Self {
        Error::new(ErrorKind::Internal, what.to_string())
    }

    /// The kind, to branch on.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The human-readable message (without the kind).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Prefixes the message with the argument's name: `"lda: ..."`.
    #[must_use]
    pub fn for_arg(self, arg: &str) -> Self {
        Error {
            message: format!("{arg}: {}", self.message).into(),
            ..self
        }
    }

    /// Prefixes the message with the routine's name: `"dgemm: lda: ..."`.
    #[must_use]
    pub fn in_routine(self, routine: &str) -> Self {
        Error {
            message: format!("{routine}: {}", self.message).into(),
            ..self
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for Error {}

/// `Result` with oxpar's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_argument_and_kind() {
        let e = Error::invalid_stride("incx", "must be non-zero").in_routine("daxpy");
        assert_eq!(e.kind(), ErrorKind::InvalidStride);
        assert_eq!(e.message(), "daxpy: incx: must be non-zero");
        assert_eq!(
            e.to_string(),
            "invalid stride: daxpy: incx: must be non-zero"
        );
    }
}
