//! Shared by the integration tests: one backend on the default device for
//! the whole test binary (so the built-in kernels compile once), or `None`
//! with a note when this machine has no OpenCL device.

#![allow(dead_code, reason = "each test binary uses a different part")]

use std::sync::OnceLock;

use oxpar_core::ErrorKind;
use oxpar_opencl::OpenClBackend;

/// The default device, or `None` (after printing why) when there is none.
pub fn backend() -> Option<OpenClBackend> {
    static BACKEND: OnceLock<Option<OpenClBackend>> = OnceLock::new();
    BACKEND
        .get_or_init(|| {
            use_temp_pocl_cache();
            open()
        })
        .clone()
}

/// Points PoCL's kernel cache at a temporary folder unless the caller chose
/// one (PoCL's default lives in the home directory, which may not be
/// writable). Runs before this process's first OpenCL call, which is when
/// PoCL reads it.
pub fn use_temp_pocl_cache() {
    if std::env::var_os("POCL_CACHE_DIR").is_none() {
        let dir = std::env::temp_dir().join("oxpar-test-pocl-cache");
        if std::fs::create_dir_all(&dir).is_ok() {
            std::env::set_var("POCL_CACHE_DIR", dir);
        }
    }
}

fn open() -> Option<OpenClBackend> {
    match OpenClBackend::from_spec("opencl") {
        Ok(b) => Some(b),
        Err(e) if e.kind() == ErrorKind::BackendUnavailable => {
            // Straight to stderr, past the test harness's capture: once per
            // test binary.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "note: no OpenCL device, skipping the OpenCL tests: {e}"
            );
            None
        }
        Err(e) => panic!("opening the default OpenCL device: {e}"),
    }
}

/// Returns from the calling test (after a note) when there is no device.
#[macro_export]
macro_rules! backend_or_skip {
    () => {
        match $crate::common::backend() {
            Some(b) => b,
            None => return,
        }
    };
}

/// Deterministic values in [-1, 1).
pub fn values(n: usize, seed: u64) -> Vec<f64> {
    let mut s = seed ^ 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        })
        .collect()
}
