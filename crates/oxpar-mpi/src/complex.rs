//! Complex elements on the MPI backend: not yet. Every operation answers
//! `UNSUPPORTED` at once, on every rank alike (the answer depends on the
//! element type alone, so no collective is needed to agree on it and no
//! rank waits for another), before touching any argument. Distributed
//! complex reductions (two components per value) are a later increment.

use oxpar_core::{
    BandRef, Complex, Diag, Element, Error, Level1, Level2, Level3, MatMut, MatRef, PackedMut,
    PackedRef, Result, Scalar, Side, Uplo, VecMut, VecRef,
};

use crate::MpiBackend;

fn unsupported(op: &str) -> Error {
    Error::unsupported(format_args!(
        "{op} on complex elements: the MPI backend computes on f32 and f64 only for now"
    ))
}

/// Methods that only answer UNSUPPORTED, from their signatures.
macro_rules! unsupported_methods {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $ret:ty;)*) => {
        $(
            fn $name(&self, $($arg: $ty),*) -> Result<$ret> {
                $(let _ = $arg;)*
                Err(unsupported(stringify!($name)))
            }
        )*
    };
}

impl<R: Scalar> Level1<Complex<R>> for MpiBackend
where
    Complex<R>: Element<Real = R>,
{
    unsupported_methods! {
        axpy(alpha: Complex<R>, x: VecRef<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> ();
        scal(alpha: Complex<R>, x: VecMut<'_, Complex<R>>) -> ();
        copy(x: VecRef<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> ();
        swap(x: VecMut<'_, Complex<R>>, y: VecMut<'_, Complex<R>>) -> ();
        dot(x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Complex<R>;
        dotc(x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>) -> Complex<R>;
        nrm2(x: VecRef<'_, Complex<R>>) -> R;
        asum(x: VecRef<'_, Complex<R>>) -> R;
        iamax(x: VecRef<'_, Complex<R>>) -> Option<usize>;
        sum(x: VecRef<'_, Complex<R>>) -> Complex<R>;
    }
}

impl<R: Scalar> Level2<Complex<R>> for MpiBackend
where
    Complex<R>: Element<Real = R>,
{
    unsupported_methods! {
        gemv(alpha: Complex<R>, a: MatRef<'_, Complex<R>>, x: VecRef<'_, Complex<R>>, beta: Complex<R>, y: VecMut<'_, Complex<R>>) -> ();
        ger(alpha: Complex<R>, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>, a: MatMut<'_, Complex<R>>) -> ();
        gerc(alpha: Complex<R>, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>, a: MatMut<'_, Complex<R>>) -> ();
        hemv(uplo: Uplo, alpha: Complex<R>, a: MatRef<'_, Complex<R>>, x: VecRef<'_, Complex<R>>, beta: Complex<R>, y: VecMut<'_, Complex<R>>) -> ();
        her(uplo: Uplo, alpha: R, x: VecRef<'_, Complex<R>>, a: MatMut<'_, Complex<R>>) -> ();
        her2(uplo: Uplo, alpha: Complex<R>, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>, a: MatMut<'_, Complex<R>>) -> ();
        symv(uplo: Uplo, alpha: Complex<R>, a: MatRef<'_, Complex<R>>, x: VecRef<'_, Complex<R>>, beta: Complex<R>, y: VecMut<'_, Complex<R>>) -> ();
        trmv(uplo: Uplo, diag: Diag, a: MatRef<'_, Complex<R>>, x: VecMut<'_, Complex<R>>) -> ();
        trsv(uplo: Uplo, diag: Diag, a: MatRef<'_, Complex<R>>, x: VecMut<'_, Complex<R>>) -> ();
        syr(uplo: Uplo, alpha: Complex<R>, x: VecRef<'_, Complex<R>>, a: MatMut<'_, Complex<R>>) -> ();
        syr2(uplo: Uplo, alpha: Complex<R>, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>, a: MatMut<'_, Complex<R>>) -> ();
        gbmv(alpha: Complex<R>, a: BandRef<'_, Complex<R>>, x: VecRef<'_, Complex<R>>, beta: Complex<R>, y: VecMut<'_, Complex<R>>) -> ();
        sbmv(uplo: Uplo, alpha: Complex<R>, a: BandRef<'_, Complex<R>>, x: VecRef<'_, Complex<R>>, beta: Complex<R>, y: VecMut<'_, Complex<R>>) -> ();
        spmv(alpha: Complex<R>, a: PackedRef<'_, Complex<R>>, x: VecRef<'_, Complex<R>>, beta: Complex<R>, y: VecMut<'_, Complex<R>>) -> ();
        tbmv(uplo: Uplo, diag: Diag, a: BandRef<'_, Complex<R>>, x: VecMut<'_, Complex<R>>) -> ();
        tbsv(uplo: Uplo, diag: Diag, a: BandRef<'_, Complex<R>>, x: VecMut<'_, Complex<R>>) -> ();
        tpmv(diag: Diag, a: PackedRef<'_, Complex<R>>, x: VecMut<'_, Complex<R>>) -> ();
        tpsv(diag: Diag, a: PackedRef<'_, Complex<R>>, x: VecMut<'_, Complex<R>>) -> ();
        spr(alpha: Complex<R>, x: VecRef<'_, Complex<R>>, a: PackedMut<'_, Complex<R>>) -> ();
        spr2(alpha: Complex<R>, x: VecRef<'_, Complex<R>>, y: VecRef<'_, Complex<R>>, a: PackedMut<'_, Complex<R>>) -> ();
    }
}

impl<R: Scalar> Level3<Complex<R>> for MpiBackend
where
    Complex<R>: Element<Real = R>,
{
    unsupported_methods! {
        gemm(alpha: Complex<R>, a: MatRef<'_, Complex<R>>, b: MatRef<'_, Complex<R>>, beta: Complex<R>, c: MatMut<'_, Complex<R>>) -> ();
        symm(side: Side, uplo: Uplo, alpha: Complex<R>, a: MatRef<'_, Complex<R>>, b: MatRef<'_, Complex<R>>, beta: Complex<R>, c: MatMut<'_, Complex<R>>) -> ();
        hemm(side: Side, uplo: Uplo, alpha: Complex<R>, a: MatRef<'_, Complex<R>>, b: MatRef<'_, Complex<R>>, beta: Complex<R>, c: MatMut<'_, Complex<R>>) -> ();
        syrk(uplo: Uplo, alpha: Complex<R>, a: MatRef<'_, Complex<R>>, beta: Complex<R>, c: MatMut<'_, Complex<R>>) -> ();
        herk(uplo: Uplo, alpha: R, a: MatRef<'_, Complex<R>>, beta: R, c: MatMut<'_, Complex<R>>) -> ();
        syr2k(uplo: Uplo, alpha: Complex<R>, a: MatRef<'_, Complex<R>>, b: MatRef<'_, Complex<R>>, beta: Complex<R>, c: MatMut<'_, Complex<R>>) -> ();
        her2k(uplo: Uplo, alpha: Complex<R>, a: MatRef<'_, Complex<R>>, b: MatRef<'_, Complex<R>>, beta: R, c: MatMut<'_, Complex<R>>) -> ();
        trmm(side: Side, uplo: Uplo, diag: Diag, alpha: Complex<R>, a: MatRef<'_, Complex<R>>, b: MatMut<'_, Complex<R>>) -> ();
        trsm(side: Side, uplo: Uplo, diag: Diag, alpha: Complex<R>, a: MatRef<'_, Complex<R>>, b: MatMut<'_, Complex<R>>) -> ();
    }
}
