//! OpenCL failures as oxpar errors.

use ocl::core::Status;
use oxpar_core::{Error, ErrorKind};

/// The OpenCL status code of an error, when it has one.
pub(crate) fn status(e: &ocl::Error) -> Option<Status> {
    e.api_status()
}

/// A one-line description: the status name when there is one (OpenCL's own
/// messages span many lines), else the binding's message.
pub(crate) fn describe(e: &ocl::Error) -> String {
    match status(e) {
        Some(s) => format!("{s:?} ({})", s as i32),
        None => e
            .to_string()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("####"))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The kind for a failed OpenCL call: allocation failures are
/// [`ErrorKind::OutOfMemory`], the rest [`ErrorKind::Device`].
pub(crate) fn kind_of(e: &ocl::Error) -> ErrorKind {
    match status(e) {
        Some(Status::CL_MEM_OBJECT_ALLOCATION_FAILURE | Status::CL_OUT_OF_HOST_MEMORY) => {
            ErrorKind::OutOfMemory
        }
        _ => ErrorKind::Device,
    }
}

/// An error for a failed OpenCL call, saying what was being done.
pub(crate) fn cl(what: &str, e: &ocl::Error) -> Error {
    Error::new(kind_of(e), format!("OpenCL: {what}: {}", describe(e)))
}

/// As [`cl`], for errors of the core layer.
pub(crate) fn core(what: &str, e: ocl::core::Error) -> Error {
    cl(what, &ocl::Error::from(e))
}
