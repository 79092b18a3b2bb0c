//! Dense factorizations on the threads backend.
//!
//! The engine is oxpar-core's recursive LU and Cholesky (see
//! [`oxpar_core::factor`]) on this backend's own trsm, gemm and syrk/herk:
//! measured against faer and OpenBLAS's LAPACK before it was chosen (the
//! ratios and the command are in the benches' `factor_bench`). Nearly all
//! the work runs in those level 3 calls, so a factorization uses the
//! backend's team and thread budget and nothing else: no global pool, no
//! second gemm. The unblocked panels, the row interchanges and the small
//! diagonal blocks run on the calling thread.

use oxpar_core::{Element, Factor, Level3};

use crate::ThreadsBackend;

impl<T: Element> Factor<T> for ThreadsBackend where ThreadsBackend: Level3<T> {}
