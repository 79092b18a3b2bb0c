//! Dense factorizations on an MPI context: not there yet.
//!
//! A distributed LU or Cholesky needs a block-cyclic layout and pivoting
//! across ranks (ScaLAPACK's design), which oxpar does not have yet. Every
//! method answers [`ErrorKind::Unsupported`](oxpar_core::ErrorKind) at once
//! on every rank, with the same message: the refusal depends only on the
//! call, so no collective is needed for the ranks to agree (as for the other
//! operations without a distributed form). Factor whole matrices on a
//! node-local context (serial or threads) instead. The inverses,
//! determinants and batched small systems are refused the same way: a
//! batch split across ranks is the caller's to distribute.

use oxpar_core::{
    BatchMut, BatchRef, Diag, Factor, HostBackend, Level3, MatMut, MatRef, Result, Trans, Uplo,
};

use crate::{MpiBackend, MpiElement};

/// The refusal of factorization `op`, the same on every rank.
fn not_there_yet(op: &str) -> oxpar_core::Error {
    oxpar_core::Error::unsupported(format!(
        "{op}: distributed factorizations are not there yet on an MPI context; factor whole matrices on a node-local context (serial or threads)"
    ))
}

/// Each method answers [`not_there_yet`] from its signature.
macro_rules! refuse {
    ($($name:ident($($ty:ty),*);)*) => {
        $(
            fn $name(&self, $(_: $ty),*) -> Result<()> {
                Err(not_there_yet(stringify!($name)))
            }
        )*
    };
}

impl<T: MpiElement> Factor<T> for MpiBackend
where
    dyn HostBackend: Level3<T>,
{
    refuse! {
        lu_factor(MatMut<'_, T>, &mut [usize]);
        lu_solve(Trans, MatRef<'_, T>, &[usize], MatMut<'_, T>);
        lu_factor_solve(MatMut<'_, T>, &mut [usize], MatMut<'_, T>);
        cholesky(Uplo, MatMut<'_, T>);
        cho_solve(Uplo, MatRef<'_, T>, MatMut<'_, T>);
        cho_factor_solve(Uplo, MatMut<'_, T>, MatMut<'_, T>);
        tri_inverse(Uplo, Diag, MatMut<'_, T>);
        lu_inverse(MatMut<'_, T>, &[usize]);
        inv(MatMut<'_, T>);
        cho_inverse(Uplo, MatMut<'_, T>);
        lu_factor_solve_batch(BatchMut<'_, T>, &mut [usize], BatchMut<'_, T>);
        inv_batch(BatchMut<'_, T>);
        det_batch(BatchRef<'_, T>, &mut [T]);
        slogdet_batch(BatchRef<'_, T>, &mut [T], &mut [T::Real]);
        cholesky_batch(Uplo, BatchMut<'_, T>);
    }
    fn det(&self, _: MatMut<'_, T>) -> Result<T> {
        Err(not_there_yet("det"))
    }
    fn slogdet(&self, _: MatMut<'_, T>) -> Result<(T, T::Real)> {
        Err(not_there_yet("slogdet"))
    }
}
