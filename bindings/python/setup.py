"""Builds liboxpar with cargo, bundles it, and compiles the cffi extension.

liboxpar gets the OpenCL backend where an OpenCL loader is installed and the
MPI backend where an MPI is (`mpicc`, or pkg-config's `ompi`/`mpich`).

The extension (`oxpar._native`) is cffi's API mode: compiled against
include/oxpar.h, it calls liboxpar with a fraction of ctypes' per-call cost
(measured: about 0.3 us against 1 us for a bare call) and releases the GIL
around every call. The extension is linked against cargo's liboxpar.so and
records its SONAME (`liboxpar.so.<ABI>`); the library is copied into the
package under that name (`oxpar/_lib/liboxpar.so.<ABI>`, the only copy) and
found through an `$ORIGIN` run path, so the installed package needs nothing
else.

A second extension, `oxpar._fast` (src/oxpar/_fast.c), is the C fast path of
the small calls (dot, nrm2, asum, axpy, scal, gemv, gemm on NumPy arrays): a
CPython extension over NumPy's C API that calls the same liboxpar, linked
and found the same way. It needs NumPy's headers to build.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

sys.path.insert(0, str(Path(__file__).resolve().parent))
from oxpar_build import HERE, header_path, soname, version, workspace_root  # noqa: E402


def fast_extension():
    """oxpar._fast, compiled against include/oxpar.h and NumPy's headers; on
    CPython's limited API from 3.10 (an abi3 extension, like cffi's), a
    version-specific one on 3.9."""
    import numpy

    limited = sys.version_info >= (3, 10)
    return Extension(
        "oxpar._fast",
        sources=["src/oxpar/_fast.c"],
        include_dirs=[str(header_path().parent), numpy.get_include()],
        libraries=["oxpar"],
        define_macros=[("Py_LIMITED_API", "0x030A0000")] if limited else [],
        py_limited_api=limited,
        extra_compile_args=["-O2"],
        extra_link_args=["-Wl,-rpath,$ORIGIN/_lib"],
    )


def opencl_loader_present():
    """Whether an OpenCL loader (libOpenCL.so) is installed to link against."""
    try:
        found = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=False)
        if "libOpenCL.so " in found.stdout or "libOpenCL.so\t" in found.stdout:
            return True
    except OSError:
        pass
    try:
        return subprocess.run(["pkg-config", "--exists", "OpenCL"], check=False).returncode == 0
    except OSError:
        return False


def mpi_present():
    """Whether an MPI implementation (its compiler wrapper, or Open MPI's or
    MPICH's pkg-config file) is installed to build and link against."""
    if shutil.which("mpicc"):
        return True
    for name in ("ompi", "mpich"):
        try:
            if subprocess.run(["pkg-config", "--exists", name], check=False).returncode == 0:
                return True
        except OSError:
            return False
    return False


class BuildWithCargo(build_ext):
    """Builds liboxpar with cargo (OpenCL and MPI in when they are there) and bundles it."""

    def run(self):
        root = workspace_root()
        target = Path(os.environ.get("CARGO_TARGET_DIR", root / "target"))
        # The OpenCL backend only where its loader is there to link against,
        # the MPI backend only where an MPI is installed; OXPAR_CARGO_FEATURES
        # ("", "opencl", "mpi", "opencl,mpi") chooses instead, e.g. for a
        # wheel that must not need them where it is installed.
        chosen = os.environ.get("OXPAR_CARGO_FEATURES")
        if chosen is not None:
            wanted = [f.strip() for f in chosen.split(",") if f.strip()]
        else:
            wanted = [name for name, present in (("opencl", opencl_loader_present()), ("mpi", mpi_present())) if present]
        features = ["--features", ",".join(wanted)] if wanted else []
        subprocess.run(
            ["cargo", "build", "--release", "-p", "oxpar-cdylib", *features], cwd=root, check=True
        )
        built = target / "release" / "liboxpar.so"
        name = soname()
        lib_dir = Path(self.build_lib) / "oxpar" / "_lib"
        lib_dir.mkdir(parents=True, exist_ok=True)
        # A reused build folder may hold a copy under another name (an older
        # ABI, or the unversioned name of earlier builds): ship one copy only.
        for stale in lib_dir.glob("liboxpar.so*"):
            if stale.name != name:
                stale.unlink()
        shutil.copy2(built, lib_dir / name)
        # -loxpar links cargo's copy; at run time the SONAME is looked up in _lib.
        for ext in self.extensions:
            setattr(ext, "library_dirs", [*getattr(ext, "library_dirs"), str(built.parent)])
        super().run()
        if self.inplace:
            # Editable/in-place builds: put the library next to the sources too.
            src_lib = HERE / "src" / "oxpar" / "_lib"
            src_lib.mkdir(exist_ok=True)
            shutil.copy2(built, src_lib / name)


setup(
    version=version(),
    cffi_modules=["build_ffi.py:ffibuilder"],
    ext_modules=[fast_extension()],
    cmdclass={"build_ext": BuildWithCargo},
    zip_safe=False,
)
