"""Type aliases of the public signatures (for mypy and editors; py.typed)."""

from typing import Any, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[Any]
"""An ndarray: written in place, or returned."""

Scalar = Union[float, complex, np.floating[Any], np.integer[Any], np.complexfloating[Any, Any]]
"""alpha, beta: a Python or NumPy number."""

__all__ = ["Array", "ArrayLike", "Scalar"]
