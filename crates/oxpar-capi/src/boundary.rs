//! The boundary every entry point goes through: panics caught, errors turned
//! into a status plus a per-thread message.

use std::cell::RefCell;
use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::status::{oxpar_status, CapiError};

thread_local! {
    /// The message of the most recent failure on this thread.
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

fn set_last_error(function: &str, message: &str) {
    let text = format!("{function}: {}", without_prefix(function, message));
    // Interior NUL bytes cannot appear in a C string; replace them.
    let text = text.replace('\0', " ");
    let text = CString::new(text).unwrap_or_default();
    LAST_ERROR.with(|e| *e.borrow_mut() = text);
}

/// `message` without any leading `"{function}: "`: every message gets the
/// function's name once, here, even when an error was built by code that
/// already named it (an MPI check told the routine's name, say).
fn without_prefix<'a>(function: &str, mut message: &'a str) -> &'a str {
    while let Some(rest) = message
        .strip_prefix(function)
        .and_then(|rest| rest.strip_prefix(": "))
    {
        message = rest;
    }
    message
}

/// Runs the body of entry point `function`, turning `Err` and panics into a
/// status and the thread's last error message. Successful calls leave the
/// message alone (no thread-local access on the fast path).
pub(crate) fn call(function: &str, body: impl FnOnce() -> Result<(), CapiError>) -> oxpar_status {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => oxpar_status::Ok,
        Ok(Err(e)) => {
            set_last_error(function, &e.message);
            e.status
        }
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic payload".to_string());
            set_last_error(function, &format!("internal error (please report): {what}"));
            oxpar_status::Panic
        }
    }
}

/// The message of the most recent failed oxpar call on the calling thread
/// (`""` if none failed yet), e.g. `"oxpar_ddot: incx: stride is 0 for a
/// dimension of 5 (must be non-zero)"`. The string belongs to oxpar: do not
/// free it; it stays valid until the next failing oxpar call on this thread.
/// Successful calls do not change it.
///
/// Never fails.
#[no_mangle]
pub extern "C" fn oxpar_last_error_message() -> *const c_char {
    catch_unwind(|| LAST_ERROR.with(|e| e.borrow().as_ptr())).unwrap_or(c"".as_ptr())
}

/// A static description of a status code, e.g. `"invalid stride"`;
/// `"unknown status"` for a value that is not one. Never free it.
///
/// Never fails: a value that is no status gives `"unknown status"`.
#[no_mangle]
pub extern "C" fn oxpar_status_str(status: i32) -> *const c_char {
    let text: &'static CStr = oxpar_status::ALL
        .iter()
        .find(|s| **s as i32 == status)
        .map_or(c"unknown status", |s| s.describe());
    text.as_ptr()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_strings_match_descriptions() {
        for s in oxpar_status::ALL {
            // SAFETY: oxpar_status_str returns a static NUL-terminated string.
            let text = unsafe { CStr::from_ptr(oxpar_status_str(s as i32)) };
            assert_eq!(text, s.describe());
        }
        // SAFETY: as above.
        let unknown = unsafe { CStr::from_ptr(oxpar_status_str(12345)) };
        assert_eq!(unknown, c"unknown status");
    }

    fn last_error() -> String {
        // SAFETY: the pointer is valid until the next failing call on this thread.
        unsafe { CStr::from_ptr(oxpar_last_error_message()) }
            .to_str()
            .unwrap()
            .to_string()
    }

    #[test]
    fn the_function_prefix_is_never_repeated() {
        for (inner, expected) in [
            ("on: is 2", "oxpar_f: on: is 2"),
            ("oxpar_f: on: is 2", "oxpar_f: on: is 2"),
            (
                "oxpar_f: oxpar_f: ranks disagree",
                "oxpar_f: ranks disagree",
            ),
            // Another function's name, or the name without ": ", stays.
            ("oxpar_g: x", "oxpar_f: oxpar_g: x"),
            (
                "oxpar_f needs an MPI context",
                "oxpar_f: oxpar_f needs an MPI context",
            ),
            ("", "oxpar_f: "),
        ] {
            let status = call("oxpar_f", || {
                Err(CapiError::invalid("x", "y")).map_err(|mut e| {
                    e.message = inner.to_string();
                    e
                })
            });
            assert_eq!(status, oxpar_status::InvalidArgument);
            assert_eq!(last_error(), expected, "from {inner:?}");
        }
    }

    #[test]
    fn panics_become_status_with_message() {
        let status = call("oxpar_test", || panic!("boom {}", 42));
        assert_eq!(status, oxpar_status::Panic);
        // SAFETY: the pointer is valid until the next failing call on this thread.
        let msg = unsafe { CStr::from_ptr(oxpar_last_error_message()) }
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            msg.contains("oxpar_test") && msg.contains("boom 42"),
            "{msg}"
        );
    }
}
