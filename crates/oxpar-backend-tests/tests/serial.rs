//! The conformance suite on the serial reference backend.
oxpar_backend_tests::conformance_suite!(oxpar_core::Serial);

mod complex {
    oxpar_backend_tests::complex_suite!(oxpar_core::Serial);
}

/// The unblocked reference factorizations.
mod factor {
    oxpar_backend_tests::factor_suite!(oxpar_core::Serial);
}

/// The symmetric/Hermitian eigenproblem.
mod eigh {
    oxpar_backend_tests::eigh_suite!(oxpar_core::Serial);
}
