//! Status codes and the enumerations C passes as `int32_t`.

use oxpar::{Error, ErrorKind};

/// The result of every fallible call: 0 on success. Codes are stable: a
/// retired code is never reused.
#[repr(i32)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum oxpar_status {
    /// Success.
    Ok = 0,
    /// A required pointer or handle is NULL.
    NullPointer = 100,
    /// An argument has a value the routine does not accept (an unknown
    /// enumeration value or spec, a negative range, a misaligned array, two
    /// written arrays that share an element).
    InvalidArgument = 101,
    /// Dimensions of the operands do not agree.
    ShapeMismatch = 102,
    /// A written array whose elements share an address (a zero increment, a
    /// leading dimension too small), or strides that overflow the address
    /// space.
    InvalidStride = 103,
    /// The operation is valid but not offered by this backend or build.
    Unsupported = 104,
    /// The requested backend is not compiled in or not usable here.
    BackendUnavailable = 200,
    /// An accelerator reported an error.
    DeviceError = 201,
    /// Memory could not be allocated.
    OutOfMemory = 202,
    /// The communication layer (MPI) reported an error.
    CommError = 203,
    /// LU found an exactly zero pivot: the matrix is singular. Not an
    /// argument error: the factorization was completed, as LAPACK's `getrf`
    /// leaves it, and the routine's `info` output holds LAPACK's index (the
    /// zero pivot's column, 1-based).
    Singular = 300,
    /// Cholesky met a leading minor that is not positive definite (or a NaN
    /// on the diagonal). The routine's `info` output holds its order, as
    /// LAPACK's `potrf` reports it.
    NotPositiveDefinite = 301,
    /// An eigenvalue or singular value iteration did not converge. The
    /// routine's `info` output holds LAPACK's count of the values that did
    /// not converge.
    NoConvergence = 302,
    /// A bug in oxpar was caught at the boundary (a Rust panic); please report it.
    Panic = 900,
    /// A bug in oxpar was detected; please report it.
    Internal = 901,
}

impl oxpar_status {
    /// Every status, for tables and tests.
    /// cbindgen:ignore
    pub const ALL: [oxpar_status; 15] = [
        oxpar_status::Ok,
        oxpar_status::NullPointer,
        oxpar_status::InvalidArgument,
        oxpar_status::ShapeMismatch,
        oxpar_status::InvalidStride,
        oxpar_status::Unsupported,
        oxpar_status::BackendUnavailable,
        oxpar_status::DeviceError,
        oxpar_status::OutOfMemory,
        oxpar_status::CommError,
        oxpar_status::Singular,
        oxpar_status::NotPositiveDefinite,
        oxpar_status::NoConvergence,
        oxpar_status::Panic,
        oxpar_status::Internal,
    ];

    /// A short description, e.g. `"invalid stride"`.
    pub fn describe(self) -> &'static std::ffi::CStr {
        match self {
            oxpar_status::Ok => c"ok",
            oxpar_status::NullPointer => c"null pointer",
            oxpar_status::InvalidArgument => c"invalid argument",
            oxpar_status::ShapeMismatch => c"shape mismatch",
            oxpar_status::InvalidStride => c"invalid stride",
            oxpar_status::Unsupported => c"unsupported",
            oxpar_status::BackendUnavailable => c"backend unavailable",
            oxpar_status::DeviceError => c"device error",
            oxpar_status::OutOfMemory => c"out of memory",
            oxpar_status::CommError => c"communication error",
            oxpar_status::Singular => c"singular matrix",
            oxpar_status::NotPositiveDefinite => c"not positive definite",
            oxpar_status::NoConvergence => c"no convergence",
            oxpar_status::Panic => c"internal error (panic)",
            oxpar_status::Internal => c"internal error",
        }
    }
}

/// An error on its way to C: a status and a message.
#[derive(Debug)]
pub(crate) struct CapiError {
    pub status: oxpar_status,
    pub message: String,
}

impl CapiError {
    pub fn null(arg: &str, why: impl std::fmt::Display) -> Self {
        CapiError {
            status: oxpar_status::NullPointer,
            message: format!("{arg}: {why}"),
        }
    }
    pub fn invalid(arg: &str, why: impl std::fmt::Display) -> Self {
        CapiError {
            status: oxpar_status::InvalidArgument,
            message: format!("{arg}: {why}"),
        }
    }
}

impl CapiError {
    /// The same failure as a Rust error (for backends that pass it on).
    pub fn to_error(&self) -> Error {
        let kind = match self.status {
            oxpar_status::ShapeMismatch => ErrorKind::ShapeMismatch,
            oxpar_status::InvalidStride => ErrorKind::InvalidStride,
            oxpar_status::Unsupported => ErrorKind::Unsupported,
            oxpar_status::BackendUnavailable => ErrorKind::BackendUnavailable,
            oxpar_status::DeviceError => ErrorKind::Device,
            oxpar_status::CommError => ErrorKind::Communication,
            oxpar_status::OutOfMemory => ErrorKind::OutOfMemory,
            oxpar_status::Singular => ErrorKind::Singular,
            oxpar_status::NotPositiveDefinite => ErrorKind::NotPositiveDefinite,
            oxpar_status::NoConvergence => ErrorKind::NoConvergence,
            oxpar_status::Panic | oxpar_status::Internal => ErrorKind::Internal,
            _ => ErrorKind::InvalidArgument,
        };
        Error::new(kind, self.message.clone())
    }
}

impl From<Error> for CapiError {
    fn from(e: Error) -> Self {
        let status = match e.kind() {
            ErrorKind::InvalidArgument => oxpar_status::InvalidArgument,
            ErrorKind::ShapeMismatch => oxpar_status::ShapeMismatch,
            ErrorKind::InvalidStride => oxpar_status::InvalidStride,
            ErrorKind::Unsupported => oxpar_status::Unsupported,
            ErrorKind::BackendUnavailable => oxpar_status::BackendUnavailable,
            ErrorKind::Device => oxpar_status::DeviceError,
            ErrorKind::Communication => oxpar_status::CommError,
            ErrorKind::OutOfMemory => oxpar_status::OutOfMemory,
            ErrorKind::Singular => oxpar_status::Singular,
            ErrorKind::NotPositiveDefinite => oxpar_status::NotPositiveDefinite,
            ErrorKind::NoConvergence => oxpar_status::NoConvergence,
            _ => oxpar_status::Internal,
        };
        CapiError {
            status,
            message: e.message().to_string(),
        }
    }
}

/// Whether a matrix operand is transposed (`transa`, `transb`, `trans`).
#[repr(i32)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum oxpar_trans {
    /// Use the matrix as given.
    No = 0,
    /// Use its transpose.
    Yes = 1,
    /// Use its conjugate transpose; for real elements the transpose (BLAS's
    /// `'C'` on real data).
    Conj = 2,
}

/// Which side of the other operand a symmetric or triangular `A` stands on
/// (`oxpar_?symm`, `oxpar_?trmm`, `oxpar_?trsm`).
#[repr(i32)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum oxpar_side {
    /// `A*B` (or `A*X = B`).
    Left = 0,
    /// `B*A` (or `X*A = B`).
    Right = 1,
}

/// Which triangle of a symmetric or triangular matrix is used, describing the
/// matrix as stored (before any transposition that `trans` asks for).
#[repr(i32)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum oxpar_uplo {
    /// Elements `(i, j)` with `i <= j`.
    Upper = 0,
    /// Elements `(i, j)` with `i >= j`.
    Lower = 1,
}

/// Whether a triangular matrix's diagonal is read or taken as all ones.
#[repr(i32)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum oxpar_diag {
    /// The diagonal is read.
    NonUnit = 0,
    /// The diagonal is taken as all ones and not read.
    Unit = 1,
}

/// The collective routines a binding may reject on this rank's behalf with
/// `oxpar_context_reject` (the forms of every element type alike).
#[repr(i32)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum oxpar_routine {
    /// `oxpar_?dot`, `oxpar_?dotu`, `oxpar_?dotc` (reproducible or not, as
    /// the context is).
    Dot = 0,
    /// `oxpar_?nrm2`.
    Nrm2 = 1,
    /// `oxpar_?asum`.
    Asum = 2,
    /// `oxpar_?sum`.
    Sum = 3,
    /// `oxpar_i?amax`.
    Iamax = 4,
    /// `oxpar_?gemv` and `oxpar_mpi_?gemv`.
    Gemv = 5,
    /// `oxpar_?ger`, `oxpar_?geru`, `oxpar_?gerc` and their `oxpar_mpi_`
    /// forms.
    Ger = 6,
    /// `oxpar_?gemm` and `oxpar_mpi_?gemm`.
    Gemm = 7,
    /// `oxpar_mpi_?halo_1d` and `oxpar_mpi_?halo_2d`.
    Halo = 8,
    /// `oxpar_mpi_set_grid`.
    SetGrid = 9,
}

impl oxpar_routine {
    /// The routine a C value names, if any.
    pub(crate) fn from_i32(value: i32) -> Option<Self> {
        use oxpar_routine::*;
        [Dot, Nrm2, Asum, Sum, Iamax, Gemv, Ger, Gemm, Halo, SetGrid]
            .into_iter()
            .find(|r| *r as i32 == value)
    }
}

/// Loop schedules for `oxpar_parallel_for` (OpenMP's meanings).
#[repr(i32)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum oxpar_schedule {
    /// Blocks fixed up front: one per thread (chunk 0) or `chunk`-sized round-robin.
    Static = 0,
    /// Threads take the next `chunk` iterations as they finish.
    Dynamic = 1,
    /// Blocks start at remaining/threads and shrink to `chunk`.
    Guided = 2,
}

/// Backend families, for `oxpar_backend_available` and `oxpar_context_backend`.
#[repr(i32)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum oxpar_backend {
    /// One thread, reference loops.
    Serial = 0,
    /// Host threads.
    Threads = 1,
    /// OpenCL devices.
    Opencl = 2,
    /// MPI ranks.
    Mpi = 3,
}

/// Element types of device buffers (`oxpar_buffer_create`).
#[repr(i32)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum oxpar_dtype {
    /// `float` (IEEE 754 binary32).
    F32 = 0,
    /// `double` (IEEE 754 binary64; on devices with `cl_khr_fp64`).
    F64 = 1,
    /// `oxpar_c32`, two `float` (real part first). Device buffers are real
    /// only for now: creating one answers `OXPAR_STATUS_UNSUPPORTED` (the
    /// host routines of an OpenCL context compute complex data on the host).
    C32 = 2,
    /// `oxpar_c64`, two `double`; as `OXPAR_DTYPE_C32`.
    C64 = 3,
}

pub(crate) fn trans_from(value: i32, arg: &str) -> Result<oxpar::Trans, CapiError> {
    match value {
        0 => Ok(oxpar::Trans::No),
        1 => Ok(oxpar::Trans::Yes),
        2 => Ok(oxpar::Trans::ConjYes),
        v => Err(CapiError::invalid(
            arg,
            format!("{v} is none of OXPAR_TRANS_NO (0), OXPAR_TRANS_YES (1), OXPAR_TRANS_CONJ (2)"),
        )),
    }
}

pub(crate) fn side_from(value: i32, arg: &str) -> Result<oxpar::Side, CapiError> {
    match value {
        0 => Ok(oxpar::Side::Left),
        1 => Ok(oxpar::Side::Right),
        v => Err(CapiError::invalid(
            arg,
            format!("{v} is neither OXPAR_SIDE_LEFT (0) nor OXPAR_SIDE_RIGHT (1)"),
        )),
    }
}

pub(crate) fn uplo_from(value: i32, arg: &str) -> Result<oxpar::Uplo, CapiError> {
    match value {
        0 => Ok(oxpar::Uplo::Upper),
        1 => Ok(oxpar::Uplo::Lower),
        v => Err(CapiError::invalid(
            arg,
            format!("{v} is neither OXPAR_UPLO_UPPER (0) nor OXPAR_UPLO_LOWER (1)"),
        )),
    }
}

pub(crate) fn diag_from(value: i32, arg: &str) -> Result<oxpar::Diag, CapiError> {
    match value {
        0 => Ok(oxpar::Diag::NonUnit),
        1 => Ok(oxpar::Diag::Unit),
        v => Err(CapiError::invalid(
            arg,
            format!("{v} is neither OXPAR_DIAG_NON_UNIT (0) nor OXPAR_DIAG_UNIT (1)"),
        )),
    }
}

pub(crate) fn schedule_from(value: i32, chunk: usize) -> Result<oxpar::Schedule, CapiError> {
    match value {
        0 => Ok(oxpar::Schedule::Static { chunk }),
        1 => Ok(oxpar::Schedule::Dynamic { chunk }),
        2 => Ok(oxpar::Schedule::Guided { min_chunk: chunk }),
        v => Err(CapiError::invalid(
            "schedule",
            format!("{v} is not OXPAR_SCHEDULE_STATIC (0), OXPAR_SCHEDULE_DYNAMIC (1) or OXPAR_SCHEDULE_GUIDED (2)"),
        )),
    }
}

pub(crate) fn backend_kind_from(value: i32) -> Option<oxpar::BackendKind> {
    match value {
        0 => Some(oxpar::BackendKind::Serial),
        1 => Some(oxpar::BackendKind::Threads),
        2 => Some(oxpar::BackendKind::OpenCl),
        3 => Some(oxpar::BackendKind::Mpi),
        _ => None,
    }
}
