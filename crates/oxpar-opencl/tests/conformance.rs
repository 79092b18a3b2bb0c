//! oxpar's backend conformance suite on the default OpenCL device (PoCL on
//! CPUs in CI), through the host path. Skips, with a note, where no OpenCL
//! device is installed.

mod common;

oxpar_backend_tests::conformance_suite!(backend_or_skip!());

/// Complex elements (the complex kernels, through the host path).
mod complex {
    oxpar_backend_tests::complex_suite!(crate::backend_or_skip!());
}

/// The factorizations: the recursive defaults on the host path's trsm and
/// gemm.
mod factor {
    oxpar_backend_tests::factor_suite!(crate::backend_or_skip!());
}

/// The symmetric/Hermitian eigenproblem through the host path.
mod eigh {
    oxpar_backend_tests::eigh_suite!(crate::backend_or_skip!());
}
