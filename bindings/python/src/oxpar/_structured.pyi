"""Generated from the routine table (xtask/src/routines.rs) by `make gen`: do not edit.

The signatures of the routines oxpar._structured makes at import time.
"""

from typing import Any, List, Literal, Optional, Union

from numpy.typing import ArrayLike, NDArray

from ._typing import Scalar
from .context import Context

__all__: List[str] = ["symv", "hemv", "trmv", "trsv", "syr", "syr2", "her", "her2", "gbmv", "sbmv", "spmv", "tbmv", "tbsv", "tpmv", "tpsv", "spr", "spr2", "symm", "hemm", "syrk", "syr2k", "herk", "her2k", "trmm", "trsm"]


def symv(a: ArrayLike, x: ArrayLike, y: Optional[NDArray[Any]] = None, *, lower: bool = False, alpha: float = 1.0, beta: float = 0.0, ctx: Optional[Context] = None) -> NDArray[Any]:
    """y := alpha*A*x + beta*y with A symmetric, held in its uplo triangle"""


def hemv(a: ArrayLike, x: ArrayLike, y: Optional[NDArray[Any]] = None, *, lower: bool = False, alpha: Scalar = 1.0, beta: Scalar = 0.0, ctx: Optional[Context] = None) -> NDArray[Any]:
    """y := alpha*A*x + beta*y with A Hermitian, held in its uplo triangle"""


def trmv(a: ArrayLike, x: NDArray[Any], *, lower: bool = False, trans: Union[bool, str] = False, unit_diagonal: bool = False, ctx: Optional[Context] = None) -> NDArray[Any]:
    """x := op(A)*x with A triangular, held in its uplo triangle"""


def trsv(a: ArrayLike, b: NDArray[Any], *, lower: bool = False, trans: Union[bool, str] = False, unit_diagonal: bool = False, ctx: Optional[Context] = None) -> NDArray[Any]:
    """x := op(A)^-1*x (solves op(A)*z = x) with A triangular, held in its uplo triangle"""


def syr(alpha: float, x: ArrayLike, a: NDArray[Any], *, lower: bool = False, ctx: Optional[Context] = None) -> NDArray[Any]:
    """A := alpha*x*x^T + A on the uplo triangle of the symmetric A"""


def syr2(alpha: float, x: ArrayLike, y: ArrayLike, a: NDArray[Any], *, lower: bool = False, ctx: Optional[Context] = None) -> NDArray[Any]:
    """A := alpha*(x*y^T + y*x^T) + A on the uplo triangle of the symmetric A"""


def her(alpha: float, x: ArrayLike, a: NDArray[Any], *, lower: bool = False, ctx: Optional[Context] = None) -> NDArray[Any]:
    """A := alpha*x*x^H + A (alpha real) on the uplo triangle of the Hermitian A"""


def her2(alpha: Scalar, x: ArrayLike, y: ArrayLike, a: NDArray[Any], *, lower: bool = False, ctx: Optional[Context] = None) -> NDArray[Any]:
    """A := alpha*x*y^H + conj(alpha)*y*x^H + A on the uplo triangle of the Hermitian A"""


def gbmv(m: int, kl: int, ku: int, a: ArrayLike, x: ArrayLike, y: Optional[NDArray[Any]] = None, *, trans: Union[bool, str] = False, alpha: Scalar = 1.0, beta: Scalar = 0.0, ctx: Optional[Context] = None) -> NDArray[Any]:
    """y := alpha*op(A)*x + beta*y with A an m x n band matrix with kl sub- and ku super-diagonals"""


def sbmv(a: ArrayLike, x: ArrayLike, y: Optional[NDArray[Any]] = None, *, lower: bool = False, alpha: float = 1.0, beta: float = 0.0, ctx: Optional[Context] = None) -> NDArray[Any]:
    """y := alpha*A*x + beta*y with A a symmetric band matrix with k off-diagonals, held in its uplo triangle"""


def spmv(ap: ArrayLike, x: ArrayLike, y: Optional[NDArray[Any]] = None, *, lower: bool = False, alpha: float = 1.0, beta: float = 0.0, ctx: Optional[Context] = None) -> NDArray[Any]:
    """y := alpha*A*x + beta*y with A symmetric, held in its uplo triangle in packed storage"""


def tbmv(a: ArrayLike, x: NDArray[Any], *, lower: bool = False, trans: Union[bool, str] = False, unit_diagonal: bool = False, ctx: Optional[Context] = None) -> NDArray[Any]:
    """x := op(A)*x with A a triangular band matrix with k off-diagonals, held in its uplo triangle"""


def tbsv(a: ArrayLike, b: NDArray[Any], *, lower: bool = False, trans: Union[bool, str] = False, unit_diagonal: bool = False, ctx: Optional[Context] = None) -> NDArray[Any]:
    """x := op(A)^-1*x (solves op(A)*z = x) with A a triangular band matrix with k off-diagonals, held in its uplo triangle"""


def tpmv(ap: ArrayLike, x: NDArray[Any], *, lower: bool = False, trans: Union[bool, str] = False, unit_diagonal: bool = False, ctx: Optional[Context] = None) -> NDArray[Any]:
    """x := op(A)*x with A triangular, held in its uplo triangle in packed storage"""


def tpsv(ap: ArrayLike, b: NDArray[Any], *, lower: bool = False, trans: Union[bool, str] = False, unit_diagonal: bool = False, ctx: Optional[Context] = None) -> NDArray[Any]:
    """x := op(A)^-1*x (solves op(A)*z = x) with A triangular, held in its uplo triangle in packed storage"""


def spr(alpha: float, x: ArrayLike, ap: NDArray[Any], *, lower: bool = False, ctx: Optional[Context] = None) -> NDArray[Any]:
    """A := alpha*x*x^T + A on the uplo triangle of the symmetric A in packed storage"""


def spr2(alpha: float, x: ArrayLike, y: ArrayLike, ap: NDArray[Any], *, lower: bool = False, ctx: Optional[Context] = None) -> NDArray[Any]:
    """A := alpha*(x*y^T + y*x^T) + A on the uplo triangle of the symmetric A in packed storage"""


def symm(a: ArrayLike, b: ArrayLike, out: Optional[NDArray[Any]] = None, *, side: Literal["left", "right"] = "left", lower: bool = False, alpha: Scalar = 1.0, beta: Scalar = 0.0, ctx: Optional[Context] = None) -> NDArray[Any]:
    """C := alpha*A*B + beta*C (side left) or alpha*B*A + beta*C (side right) with A symmetric, held in its uplo triangle"""


def hemm(a: ArrayLike, b: ArrayLike, out: Optional[NDArray[Any]] = None, *, side: Literal["left", "right"] = "left", lower: bool = False, alpha: Scalar = 1.0, beta: Scalar = 0.0, ctx: Optional[Context] = None) -> NDArray[Any]:
    """C := alpha*A*B + beta*C (side left) or alpha*B*A + beta*C (side right) with A Hermitian, held in its uplo triangle"""


def syrk(a: ArrayLike, out: Optional[NDArray[Any]] = None, *, lower: bool = False, trans: Union[bool, str] = False, alpha: Scalar = 1.0, beta: Scalar = 0.0, ctx: Optional[Context] = None) -> NDArray[Any]:
    """C := alpha*A*A^T + beta*C (trans no, A is n x k) or alpha*A^T*A + beta*C (trans yes, A is k x n) on the uplo triangle of the symmetric C"""


def syr2k(a: ArrayLike, b: ArrayLike, out: Optional[NDArray[Any]] = None, *, lower: bool = False, trans: Union[bool, str] = False, alpha: Scalar = 1.0, beta: Scalar = 0.0, ctx: Optional[Context] = None) -> NDArray[Any]:
    """C := alpha*(A*B^T + B*A^T) + beta*C (trans no, A and B are n x k) or alpha*(A^T*B + B^T*A) + beta*C (trans yes, k x n) on the uplo triangle of the symmetric C"""


def herk(a: ArrayLike, out: Optional[NDArray[Any]] = None, *, lower: bool = False, trans: Union[bool, str] = False, alpha: float = 1.0, beta: float = 0.0, ctx: Optional[Context] = None) -> NDArray[Any]:
    """C := alpha*op(A)*op(A)^H + beta*C (alpha, beta real) on the uplo triangle of the Hermitian n x n C, op(A) being n x k: A (trans no, stored n x k) or A^H (trans conj, stored k x n)"""


def her2k(a: ArrayLike, b: ArrayLike, out: Optional[NDArray[Any]] = None, *, lower: bool = False, trans: Union[bool, str] = False, alpha: Scalar = 1.0, beta: float = 0.0, ctx: Optional[Context] = None) -> NDArray[Any]:
    """C := alpha*op(A)*op(B)^H + conj(alpha)*op(B)*op(A)^H + beta*C (beta real) on the uplo triangle of the Hermitian n x n C, op(A), op(B) being n x k: as stored (trans no) or A^H, B^H (trans conj, stored k x n)"""


def trmm(a: ArrayLike, b: NDArray[Any], *, side: Literal["left", "right"] = "left", lower: bool = False, trans: Union[bool, str] = False, unit_diagonal: bool = False, alpha: Scalar = 1.0, ctx: Optional[Context] = None) -> NDArray[Any]:
    """B := alpha*op(A)*B (side left) or alpha*B*op(A) (side right) with A triangular, held in its uplo triangle"""


def trsm(a: ArrayLike, b: NDArray[Any], *, side: Literal["left", "right"] = "left", lower: bool = False, trans: Union[bool, str] = False, unit_diagonal: bool = False, alpha: Scalar = 1.0, ctx: Optional[Context] = None) -> NDArray[Any]:
    """B := alpha*op(A)^-1*B (side left) or alpha*B*op(A)^-1 (side right) with A triangular, held in its uplo triangle"""
