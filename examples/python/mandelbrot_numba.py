"""A Numba-compiled kernel on oxpar's threads, without the GIL.

The kernel computes rows [begin, end) of a Mandelbrot image; oxpar deals the
rows out to its threads (dynamic schedule: rows near the set cost more).
"""

import time
from typing import Any

import numpy as np
from numba import carray, cfunc, types

import oxpar

W, H, ITERS = 800, 600, 256


@cfunc(types.void(types.uintp, types.uintp, types.voidptr), nopython=True, nogil=True)
def rows(begin: int, end: int, data: Any) -> None:
    img = carray(data, (H, W), dtype=np.uint16)
    for r in range(begin, end):
        ci = -1.2 + 2.4 * r / H
        for col in range(W):
            cr = -2.0 + 3.0 * col / W
            zr = zi = 0.0
            k = 0
            while k < ITERS and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                k += 1
            img[r, col] = k


img = np.zeros((H, W), dtype=np.uint16)
for threads in (1, 2):
    with oxpar.Context("threads", num_threads=threads) as ctx:
        t = time.perf_counter()
        oxpar.parallel_for(H, rows, data=img, schedule="dynamic", chunk=8, ctx=ctx)
        print(f"{threads} thread(s): {1e3 * (time.perf_counter() - t):.1f} ms, "
              f"{int((img == ITERS).sum())} points inside the set")
