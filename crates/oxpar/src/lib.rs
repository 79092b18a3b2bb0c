//! oxpar: one API for parallel numerical work.
//!
//! This facade re-exports the crates a Rust program needs and adds
//! [`nd`], which takes `ndarray` views directly (any strides, either memory
//! order, zero-copy).
//!
//! ```
//! use ndarray::array;
//! use oxpar::prelude::*;
//!
//! let threads = oxpar::ThreadsBackend::with_threads(2)?;
//! let a = array![[1.0, 2.0], [3.0, 4.0]];
//! let b = array![[5.0, 6.0], [7.0, 8.0]];
//! let mut c = ndarray::Array2::<f64>::zeros((2, 2));
//! oxpar::nd::gemm(&threads, 1.0, a.view(), b.view(), 0.0, c.view_mut())?;
//! assert_eq!(c, a.dot(&b));
//! # Ok::<(), oxpar::Error>(())
//! ```

pub mod info;
pub mod nd;

pub use oxpar_core::budget::{default_num_threads_source, ThreadsSource};
pub use oxpar_core::exact::{ExactSum, Reduction};
pub use oxpar_core::repro::Reproducible;
pub use oxpar_core::{
    backend, batch, error, exact, factor, factor_batch, factor_inverse, reference, repro, scalar,
    schedule, view, Backend, BackendKind, BandRef, BatchMut, BatchRef, Complex, Complex32,
    Complex64, DType, Diag, Element, Error, ErrorKind, Factor, HostBackend, Level1, Level2, Level3,
    MatMut, MatRef, Op, PackedMut, PackedRef, ParallelLoops, Result, Scalar, Schedule, Serial,
    Side, Trans, Uplo, VecMut, VecRef,
};
pub use oxpar_core::{factor_svd, Svd};
// The symmetric/Hermitian eigenproblem.
pub use oxpar_core::{factor_eigh, tridiag, Eigh};
pub use oxpar_kernels::{cpu_level, dispatch::cpu_features, CpuLevel};
pub use oxpar_threads::{
    check_num_threads, default_num_threads, parallel_reduce, Team, ThreadsBackend, Thresholds,
    MAX_THREADS,
};

/// The OpenCL backend (cargo feature `opencl`): devices, device-resident
/// buffers, built-in kernels and user kernels from OpenCL C source.
#[cfg(feature = "opencl")]
pub use oxpar_opencl as opencl;

/// The task farm: many independent tasks over threads (and, with the cargo
/// feature `mpi`, MPI ranks), balanced dynamically, retried, checkpointed.
pub use oxpar_farm as farm;

/// The MPI backend (cargo feature `mpi`): distributed vectors and matrices
/// over MPI ranks, each computing on a node-local backend.
#[cfg(feature = "mpi")]
pub use oxpar_mpi as mpi;

/// Everything most programs need, in one `use`.
pub mod prelude {
    pub use oxpar_core::prelude::*;
}

/// The library version (the workspace's).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The backends compiled into this build, and whether each can be used here.
pub fn backends() -> Vec<(BackendKind, bool)> {
    vec![
        (BackendKind::Serial, true),
        (BackendKind::Threads, true),
        (BackendKind::OpenCl, opencl_available()),
        (BackendKind::Mpi, cfg!(feature = "mpi")),
    ]
}

/// An MPI backend from a spec: `"mpi"` or `"mpi+threads"` (each rank on
/// threads, by default the node's CPUs divided by the ranks on the node),
/// `"mpi+threads:N"`, `"mpi+serial"`, or `"mpi+"` followed by any other local
/// spec (`"mpi+opencl:gpu"`). `comm` is the communicator to duplicate
/// (`None`: `MPI_COMM_WORLD`, initializing MPI if nobody has). Collective over
/// the communicator.
#[cfg(feature = "mpi")]
pub fn mpi_backend_from_spec(spec: &str, comm: Option<mpi::Comm>) -> Result<mpi::MpiBackend> {
    let spec = spec.trim();
    let local_spec = match spec.split_once('+') {
        Some((head, local)) if head.eq_ignore_ascii_case("mpi") => Ok(local.trim()),
        None if spec.eq_ignore_ascii_case("mpi") => Ok("threads"),
        _ => Err(Error::invalid_argument(
            "spec",
            format!("{spec:?} is not an MPI spec (mpi, mpi+threads, mpi+threads:N, mpi+serial, mpi+opencl...)"),
        )),
    }
    .and_then(|local| {
        if local.to_ascii_lowercase().starts_with("mpi") {
            Err(Error::invalid_argument(
                "spec",
                format!("{spec:?}: the local backend of an MPI context cannot be MPI"),
            ))
        } else {
            Ok(local)
        }
    });
    let comm = match comm {
        Some(c) => c,
        // Every rank reaches this with its own spec: a rank whose spec is
        // wrong must still take part, so that all ranks fail together.
        None => mpi::Comm::world()?,
    };
    mpi::MpiBackend::new(comm, |budget| {
        let local_spec = local_spec?;
        if local_spec.eq_ignore_ascii_case("threads") {
            // The node's CPUs shared out between its ranks.
            Ok(Box::new(ThreadsBackend::with_threads(budget)?) as Box<dyn HostBackend>)
        } else {
            plain_backend_from_spec(local_spec)
        }
    })
}

#[cfg(feature = "opencl")]
fn opencl_available() -> bool {
    oxpar_opencl::is_available()
}

#[cfg(not(feature = "opencl"))]
fn opencl_available() -> bool {
    false
}

/// A host backend from a spec string: `"serial"`, `"threads"` (default thread
/// count) or `"threads:N"`; with the cargo feature `opencl`, also `"opencl"`,
/// `"opencl:gpu"`, `"opencl:cpu:N"`, `"opencl:P:D"` (see
/// `oxpar_opencl::OpenClBackend::from_spec`; its host path copies); with the
/// cargo feature `mpi`, `"mpi..."` specs over `MPI_COMM_WORLD` (see
/// `mpi_backend_from_spec`, there with that feature).
///
/// With `OXPAR_REPRODUCIBLE=1` the backend comes wrapped in
/// [`Reproducible`]: its `dot`, `nrm2`, `asum` and `sum` are correctly
/// rounded and the same for any thread count, rank count and backend (see
/// [`repro`]).
pub fn backend_from_spec(spec: &str) -> Result<Box<dyn HostBackend>> {
    let backend = plain_backend_from_spec(spec)?;
    if repro::enabled_by_env()? {
        Ok(Box::new(Reproducible::new(backend)))
    } else {
        Ok(backend)
    }
}

/// [`backend_from_spec`] without looking at `OXPAR_REPRODUCIBLE`, for front
/// ends that keep that switch themselves (the C ABI's contexts do).
pub fn plain_backend_from_spec(spec: &str) -> Result<Box<dyn HostBackend>> {
    let spec = spec.trim();
    let (name, arg) = match spec.split_once(':') {
        Some((n, a)) => (n, Some(a)),
        None => (spec, None),
    };
    match (name.to_ascii_lowercase().as_str(), arg) {
        ("serial", None) => Ok(Box::new(Serial)),
        ("threads", None) => Ok(Box::new(ThreadsBackend::new()?)),
        ("threads", Some(n)) => {
            let n = oxpar_threads::parse_num_threads("thread count", n).map_err(|e| {
                Error::invalid_argument("spec", format!("{spec:?}: {}", e.message()))
            })?;
            Ok(Box::new(ThreadsBackend::with_threads(n)?))
        }
        #[cfg(feature = "opencl")]
        ("opencl", _) => Ok(Box::new(oxpar_opencl::OpenClBackend::from_spec(spec)?)),
        #[cfg(not(feature = "opencl"))]
        ("opencl", _) => Err(Error::backend_unavailable(format!(
            "{spec:?}: the opencl backend is not compiled into this build (cargo feature `opencl`)"
        ))),
        #[cfg(feature = "mpi")]
        (family, _) if family.starts_with("mpi") => Ok(Box::new(mpi_backend_from_spec(spec, None)?)),
        #[cfg(not(feature = "mpi"))]
        (family, _) if family.starts_with("mpi") => Err(Error::backend_unavailable(format!(
            "{spec:?}: the mpi backend is not compiled into this build (cargo feature `mpi`)"
        ))),
        _ => Err(Error::invalid_argument(
            "spec",
            format!(
                "unknown backend spec {spec:?} (expected serial, threads, threads:N, opencl, opencl:gpu, opencl:cpu:N, \
                 opencl:P:D, mpi, mpi+threads, mpi+threads:N, mpi+serial or mpi+opencl...)"
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse_or_explain() {
        assert_eq!(
            backend_from_spec("serial").unwrap().kind(),
            BackendKind::Serial
        );
        assert_eq!(backend_from_spec("threads:3").unwrap().num_threads(), 3);
        assert_eq!(
            backend_from_spec("threads:0").unwrap_err().kind(),
            ErrorKind::InvalidArgument
        );
        // Beyond the limit: a named error, never an attempt to start them.
        for spec in [
            "threads:4097",
            "threads:4294967296",
            "threads:18446744073709551615",
            "threads:99999999999999999999999",
        ] {
            let e = backend_from_spec(spec).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{spec}");
            assert!(
                e.message().starts_with("spec: ") && e.message().contains("more than the 4096"),
                "{spec}: {e}"
            );
        }
        #[cfg(not(feature = "opencl"))]
        assert_eq!(
            backend_from_spec("opencl").unwrap_err().kind(),
            ErrorKind::BackendUnavailable
        );
        #[cfg(feature = "opencl")]
        match backend_from_spec("opencl") {
            Ok(b) => assert_eq!(b.kind(), BackendKind::OpenCl),
            Err(e) => assert_eq!(e.kind(), ErrorKind::BackendUnavailable),
        }
        #[cfg(not(feature = "mpi"))]
        assert_eq!(
            backend_from_spec("mpi+threads").unwrap_err().kind(),
            ErrorKind::BackendUnavailable
        );
        assert_eq!(
            backend_from_spec("cuda").unwrap_err().kind(),
            ErrorKind::InvalidArgument
        );
    }
}
