//! The conformance suite on the serial reference backend.
oxpar_backend_tests::conformance_suite!(oxpar_core::Serial);
