//! Error reporting as the reference BLAS does it.
//!
//! A routine that finds an invalid argument calls `xerbla_(name, &info)`
//! with its name as the reference spells it (upper case, blank-padded to 6:
//! `"DGEMM "`) and the argument's 1-based position, then returns. The
//! handler is found with `dlsym(RTLD_DEFAULT, ...)`, which searches the
//! program before its libraries, so a program (or a test harness) that
//! defines its own `xerbla_` gets the call; calling this library's symbol
//! directly would bypass it. CBLAS routines report enumeration errors through
//! `cblas_xerbla(info, "cblas_dgemm", "")` found the same way.
//!
//! The reference library's other helpers live here too: `lsame_` (the
//! case-insensitive character compare LAPACK calls everywhere),
//! `xerbla_array_` (`XERBLA` for callers holding the name as an array of
//! characters, such as C code) and CBLAS's global `CBLAS_CallFromC`.

use std::ffi::{c_char, c_int, CStr, CString};
use std::sync::atomic::AtomicI32;
use std::sync::OnceLock;

/// netlib CBLAS's global `int CBLAS_CallFromC`, exported because the
/// reference library exports it (programs and testers built against netlib's
/// CBLAS may refer to it). netlib's wrappers set it while a CBLAS call runs
/// so that their `xerbla_` can tell a C caller from a Fortran one; this
/// library's handlers need no such flag, so it is never written here.
/// Layout-compatible with C's `int`.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static CBLAS_CallFromC: AtomicI32 = AtomicI32::new(0);

/// `LOGICAL FUNCTION LSAME(CA, CB)`: whether the characters `CA` and `CB` are
/// the same letter regardless of case (ASCII: `a`-`z` match `A`-`Z`; any
/// other character only itself). Returns Fortran's `.TRUE.` (1) or
/// `.FALSE.` (0); the hidden lengths are accepted and ignored (only the
/// first characters are compared, as in the reference). A NULL argument
/// compares as the character 0.
///
/// # Safety
/// `ca` and `cb` are NULL or point to at least one readable character.
#[no_mangle]
pub unsafe extern "C" fn lsame_(
    ca: *const c_char,
    cb: *const c_char,
    _ca_len: usize,
    _cb_len: usize,
) -> c_int {
    // SAFETY: the caller's contract.
    let (a, b) = unsafe { (crate::args::letter(ca), crate::args::letter(cb)) };
    c_int::from(a == b)
}

/// The longest name `XERBLA_ARRAY` passes on (its `CHARACTER*32` buffer).
const XERBLA_ARRAY_LEN: usize = 32;

/// `XERBLA_ARRAY(SRNAME_ARRAY, SRNAME_LEN, INFO)`: calls `XERBLA` with the
/// name held in the first `min(SRNAME_LEN, 32)` characters of
/// `SRNAME_ARRAY`, blank-padded to 32 characters, as the reference does.
/// The program's own `xerbla_` gets the call when it has one (see the
/// module's docs). A NULL array or a length below 1 passes a blank name.
///
/// # Safety
/// `srname_array` is NULL or holds `SRNAME_LEN` readable characters;
/// `srname_len` and `info` are NULL or readable.
#[no_mangle]
pub unsafe extern "C" fn xerbla_array_(
    srname_array: *const c_char,
    srname_len: *const c_int,
    info: *const c_int,
    _array_len: usize,
) {
    let mut name = [b' '; XERBLA_ARRAY_LEN];
    // SAFETY: the caller's contract.
    let len = unsafe { crate::args::int(srname_len) }.clamp(0, XERBLA_ARRAY_LEN as i32) as usize;
    if !srname_array.is_null() && len > 0 {
        // SAFETY: the array holds at least len characters (caller's contract).
        let given = unsafe { std::slice::from_raw_parts(srname_array.cast::<u8>(), len) };
        name[..len].copy_from_slice(given);
    }
    // SAFETY: the caller's contract.
    report_bytes(&name, unsafe { crate::args::int(info) });
}

/// The reference BLAS error handler. Prints
/// `" ** On entry to DGEMM  parameter number  3 had an illegal value"` to
/// stderr and returns. (The reference routine then stops the program; this
/// library lets the caller go on, as OpenBLAS and BLIS do: the routine that
/// called it has returned without computing.)
///
/// # Safety
/// `srname` points to at least `len` characters (or is NUL-terminated when
/// `len` is 0); `info` is NULL or readable.
#[no_mangle]
pub unsafe extern "C" fn xerbla_(srname: *const c_char, info: *const c_int, len: usize) {
    let name = if srname.is_null() {
        String::new()
    } else if len > 0 && len < 64 {
        // SAFETY: srname holds len characters (the Fortran hidden length).
        let bytes = unsafe { std::slice::from_raw_parts(srname.cast::<u8>(), len) };
        String::from_utf8_lossy(bytes).trim_end().to_string()
    } else {
        // SAFETY: without a usable length, the name is NUL-terminated.
        unsafe { CStr::from_ptr(srname) }
            .to_string_lossy()
            .trim_end()
            .to_string()
    };
    // SAFETY: info is NULL or readable (caller's contract).
    let info = unsafe { info.as_ref() }.copied().unwrap_or(0);
    eprintln!(" ** On entry to {name:<6} parameter number {info:>2} had an illegal value");
}

type XerblaFn = unsafe extern "C" fn(*const c_char, *const c_int, usize);
type CblasXerblaFn = unsafe extern "C" fn(c_int, *const c_char, *const c_char, ...);

/// The CBLAS error handler: prints
/// `"Parameter 4 to routine cblas_dgemm was incorrect"` to stderr (the
/// format string and its arguments are not printed). A program's own
/// `cblas_xerbla` wins over this one (see the module's docs).
///
/// Declared with three arguments, while C declares it variadic: stable Rust
/// cannot define a variadic function, and on the C calling conventions of
/// x86-64 and AArch64 Linux a callee that reads only its fixed arguments may
/// be called as a variadic one.
///
/// # Safety
/// `rout` is NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn cblas_xerbla(info: c_int, rout: *const c_char, _form: *const c_char) {
    let name = if rout.is_null() {
        String::new()
    } else {
        // SAFETY: rout is NUL-terminated (caller's contract).
        unsafe { CStr::from_ptr(rout) }
            .to_string_lossy()
            .into_owned()
    };
    if info != 0 {
        eprintln!("Parameter {info} to routine {name} was incorrect");
    }
}

/// The address of the first definition of `symbol` in the process's global
/// scope: the program's own if it has one, else this library's.
fn lookup(symbol: &CStr) -> *mut libc::c_void {
    // SAFETY: dlsym with RTLD_DEFAULT and a NUL-terminated name has no other
    // preconditions.
    unsafe { libc::dlsym(libc::RTLD_DEFAULT, symbol.as_ptr()) }
}

/// Reports invalid argument number `info` (1-based) of routine `name` (the
/// reference spelling without padding, e.g. `"DGEMM"`) to `xerbla_`.
pub fn report(name: &str, info: i32) {
    let padded = format!("{:<6}", name.to_ascii_uppercase());
    report_bytes(padded.as_bytes(), info);
}

/// Calls `xerbla_` (the program's, else this library's) with `name` as a
/// Fortran character argument of `name.len()` characters.
fn report_bytes(name: &[u8], info: i32) {
    static HANDLER: OnceLock<usize> = OnceLock::new();
    let found = *HANDLER.get_or_init(|| lookup(c"xerbla_") as usize);
    let padded = name;
    let info: c_int = info;
    if found == 0 || found == xerbla_ as XerblaFn as usize {
        // SAFETY: the name is valid for its length and info for the call.
        unsafe { xerbla_(padded.as_ptr().cast(), &info, padded.len()) };
    } else {
        // SAFETY: the program's xerbla_ has the reference signature
        // (character name with hidden length, integer by reference).
        let handler: XerblaFn = unsafe { std::mem::transmute::<usize, XerblaFn>(found) };
        // SAFETY: as above.
        unsafe { handler(padded.as_ptr().cast(), &info, padded.len()) };
    }
}

/// Reports invalid argument number `info` of CBLAS routine `routine` (e.g.
/// `"cblas_dgemm"`) to `cblas_xerbla`, with an empty message format.
pub fn report_cblas(info: i32, routine: &str) {
    static HANDLER: OnceLock<usize> = OnceLock::new();
    let found = *HANDLER.get_or_init(|| lookup(c"cblas_xerbla") as usize);
    let name = CString::new(routine).unwrap_or_default();
    let own = cblas_xerbla as unsafe extern "C" fn(c_int, *const c_char, *const c_char) as usize;
    if found == 0 || found == own {
        // SAFETY: both strings are NUL-terminated.
        unsafe { cblas_xerbla(info, name.as_ptr(), c"".as_ptr()) };
    } else {
        // SAFETY: the program's cblas_xerbla has CBLAS's (variadic) signature.
        let handler: CblasXerblaFn = unsafe { std::mem::transmute::<usize, CblasXerblaFn>(found) };
        // SAFETY: both strings are NUL-terminated and the format has no conversions.
        unsafe { handler(info, name.as_ptr(), c"".as_ptr()) };
    }
}
