"""Runs in a fresh virtual environment where only oxpar's wheel is installed,
with no cargo or rustc on PATH: the package imports from the environment, loads
the liboxpar bundled in the wheel (not one from the build tree or the
system), and computes."""

import os
import shutil
import subprocess
import sys

import numpy as np

for tool in ("cargo", "rustc"):
    assert shutil.which(tool) is None, f"{tool} is on PATH: {shutil.which(tool)}"

import oxpar  # noqa: E402

package = os.path.dirname(os.path.realpath(oxpar.__file__))
prefix = os.path.realpath(sys.prefix)
assert sys.prefix != sys.base_prefix, "not running in a virtual environment"
assert package.startswith(prefix + os.sep), f"oxpar imported from {package}, not from the environment {prefix}"

with open("/proc/self/maps") as maps:
    loaded = {line.split()[-1] for line in maps if "liboxpar" in line}
want = os.path.join(package, "_lib", f"liboxpar.so.{oxpar.ABI_VERSION}")
assert loaded == {want}, f"liboxpar loaded from {sorted(loaded)}, expected only {want}"

rng = np.random.default_rng(1)
a, b = rng.standard_normal((37, 29)), rng.standard_normal((29, 41))
np.testing.assert_allclose(oxpar.gemm(a, b), a @ b, rtol=1e-12, atol=1e-12)
x = rng.standard_normal(1001)
np.testing.assert_allclose(oxpar.dot(x, x), x @ x, rtol=1e-12)
with oxpar.Context("threads:2") as ctx:
    np.testing.assert_allclose(oxpar.nrm2(x, ctx=ctx), np.linalg.norm(x), rtol=1e-12)

text = oxpar.show_config(mode="text")
assert text is not None and text.startswith(f"oxpar {oxpar.__version__}\n"), text
out = subprocess.run([sys.executable, "-m", "oxpar", "info"], capture_output=True, text=True, check=True)
assert out.stdout.startswith(f"oxpar {oxpar.__version__}\n"), out.stdout
for typed in ("py.typed", "_structured.pyi"):
    assert os.path.isfile(os.path.join(package, typed)), f"{typed} is missing from the wheel"
print(f"wheel ok: oxpar {oxpar.__version__} from {package}, liboxpar from {want}")
