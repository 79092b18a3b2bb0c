//! Gives the shared library the SONAME `libblas.so.3`, so that programs
//! linked against any BLAS load it unchanged when it is found first
//! (LD_LIBRARY_PATH, or an alternatives symlink).

fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libblas.so.3");
    }
}
