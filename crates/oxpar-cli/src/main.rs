//! The `oxpar` command (being written).
fn main() {}
