//! Dense factorizations on an OpenCL context: the host path.
//!
//! The factorizations are oxpar-core's recursive defaults (see
//! [`oxpar_core::factor`]) on this backend's host-path trsm and gemm, so
//! every level 3 call inside a factorization copies its operands to the
//! device and back (see the host path's module docs): correct for every element type,
//! and fast only when the gemms are large enough to pay for the transfers.
//! The unblocked panels and the row interchanges run on the host, as do
//! the inverses' small diagonal blocks (their trsm/trmm/herk go through the
//! host path like the rest). The batched small systems (see
//! [`oxpar_core::factor_batch`]) run entirely on the host, one thread, with
//! no transfer: systems of order 4 are far too small for a device. A
//! factorization on device-resident buffers is a later increment.

use oxpar_core::{Element, Factor, Level3};

use crate::OpenClBackend;

impl<T: Element> Factor<T> for OpenClBackend where OpenClBackend: Level3<T> {}
