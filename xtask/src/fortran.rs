//! Raw Fortran interfaces derived from oxpar.h (placeholder until written).

/// The `oxpar_c` module for `header`.
pub fn interfaces(_header: &str) -> Result<String, String> {
    Ok(String::from("! placeholder\n"))
}
