//! `oxpar_info_text`: the report `oxpar info` prints, for C, Fortran and
//! Python (`oxpar.show_config()`), from the one place that writes it.

use std::cell::RefCell;
use std::ffi::{c_char, CString};
use std::panic::catch_unwind;

thread_local! {
    static INFO: RefCell<CString> = RefCell::new(CString::default());
}

/// What this build offers on this machine, as the text `oxpar info` prints
/// (without its MPI part): the version, the backends and whether each is
/// usable, the default thread count and where it came from
/// (`OXPAR_NUM_THREADS`, else `OMP_NUM_THREADS`, else the CPUs this process
/// may use), the CPU level and features, the OpenCL devices. Lines end in
/// `\n`. Gathered at each call, so it follows the environment.
///
/// The string belongs to oxpar: do not free it; it stays valid until the next
/// `oxpar_info_text` call on the calling thread.
///
/// Never fails (an invalid `OXPAR_NUM_THREADS` is reported in the text).
#[no_mangle]
pub extern "C" fn oxpar_info_text() -> *const c_char {
    catch_unwind(|| {
        let text = oxpar::info::gather().text().replace('\0', " ");
        INFO.with(|slot| {
            *slot.borrow_mut() = CString::new(text).unwrap_or_default();
            slot.borrow().as_ptr()
        })
    })
    .unwrap_or(c"".as_ptr())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn the_text_is_the_facades() {
        // SAFETY: the pointer is valid until the next call on this thread.
        let text = unsafe { CStr::from_ptr(oxpar_info_text()) }
            .to_str()
            .unwrap()
            .to_string();
        assert_eq!(text, oxpar::info::gather().text());
        assert!(text.contains("threads: "), "{text}");
    }
}
