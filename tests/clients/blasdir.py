"""Loading a chosen libblas.so.3 under reference LAPACK, and proving it loaded.

Shared by the client harnesses in this folder (lapack_tests.py,
numpy_scipy_tests.py) and benches/scipy_lapack.py.

Debian's programs (LAPACK's testers, NumPy, SciPy) find libblas.so.3 and
liblapack.so.3 by name. Without help the loader takes whatever the system's
alternatives point at, and Debian's liblapack.so.3 alternative is often
OpenBLAS's, which carries a whole BLAS of its own. So every library under
test gets a folder of two links, put first on LD_LIBRARY_PATH:

    libblas.so.3   -> the library under test (the file its folder's
                      libblas.so.3 resolves to)
    liblapack.so.3 -> reference LAPACK (Debian's liblapack3)

followed by the library's own folder (OpenBLAS's libblas.so.3 needs its
libopenblas.so.0 from there). Nothing is preloaded and the system's
alternatives are never touched.

A run is trusted only when the library under test is the one that answered:
`check_maps` reads a process's /proc/PID/maps, `check_bindings` reads the
loader's LD_DEBUG=bindings trace (which object every BLAS symbol of LAPACK
and the program was bound to).
"""

import hashlib
import os
import re
import subprocess
import sys


def multiarch():
    """The Debian multiarch triplet (x86_64-linux-gnu on a PC)."""
    for cmd in (["dpkg-architecture", "-qDEB_HOST_MULTIARCH"], ["gcc", "-print-multiarch"]):
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            continue
        if out:
            return out
    return "x86_64-linux-gnu"


LIBDIR = os.path.join("/usr/lib", multiarch())
REFERENCE_BLAS = os.path.join(LIBDIR, "blas", "libblas.so.3")
REFERENCE_LAPACK = os.path.join(LIBDIR, "lapack", "liblapack.so.3")
OPENBLAS_DIR = os.path.join(LIBDIR, "openblas-pthread")
# The variables the libraries read for their thread counts.
THREAD_VARIABLES = ("OXPAR_NUM_THREADS", "OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS", "OMP_NUM_THREADS")
# File names that mark a BLAS or a LAPACK: any such file mapped into a run
# must be the library under test, one of its own dependencies, or reference
# LAPACK.
BLAS_NAME = re.compile(r"lib(blas|cblas|openblas|blis|mkl|lapack|oxpar|flexiblas)[^/]*\.so")


def default_blis():
    """The folder of Debian's BLIS libblas.so.3 (openmp, pthread or serial)."""
    for flavour in ("openmp", "pthread", "serial"):
        path = os.path.join(LIBDIR, f"blis-{flavour}")
        if os.path.exists(os.path.join(path, "libblas.so.3")):
            return path
    return os.path.join(LIBDIR, "blis-openmp")


def fail(message):
    """Exits with status 2 after an error that stops the whole harness."""
    print(f"error: {message}", file=sys.stderr)
    sys.exit(2)


class BlasDir:
    """A BLAS to test: its folder, the file that answers, the links folder."""

    def __init__(self, label, folder, work_root, lapack=REFERENCE_LAPACK):
        self.label = label
        self.folder = os.path.abspath(folder)
        lib = os.path.join(self.folder, "libblas.so.3")
        if not os.path.exists(lib):
            fail(f"{label}: no libblas.so.3 in {self.folder}")
        if not os.path.exists(lapack):
            fail(f"no reference LAPACK at {lapack} (Debian package liblapack3)")
        self.lib = os.path.realpath(lib)
        self.lapack = os.path.realpath(lapack)
        self.links = os.path.join(os.path.abspath(work_root), "libs", label)
        os.makedirs(self.links, exist_ok=True)
        for name, target in (("libblas.so.3", self.lib), ("liblapack.so.3", self.lapack)):
            link = os.path.join(self.links, name)
            if os.path.islink(link) and os.readlink(link) == target:
                continue
            tmp = link + ".new"
            if os.path.lexists(tmp):
                os.unlink(tmp)
            os.symlink(target, tmp)
            os.replace(tmp, link)
        self.closure = self._closure()

    def env(self, threads, base=None):
        """The environment of a run: the links first, THREADS everywhere."""
        env = dict(os.environ if base is None else base)
        env.pop("LD_PRELOAD", None)
        # Both folders are this run's, from the arguments: the links made
        # above, then the library's own folder for its dependencies.
        env["LD_LIBRARY_PATH"] = os.pathsep.join((self.links, self.folder))
        for name in THREAD_VARIABLES:
            env[name] = str(threads)
        return env

    def _closure(self):
        """The library under test and the BLAS-like files it loads itself:
        its dependencies, and the files in its folder (OpenBLAS's
        libopenblas.so.0 next to its libblas.so.3)."""
        files = {self.lib}
        for folder in {self.folder, os.path.dirname(self.lib)}:
            for name in os.listdir(folder):
                if BLAS_NAME.search(name):
                    files.add(os.path.realpath(os.path.join(folder, name)))
        env = self.env(1)
        out = subprocess.run(["ldd", self.lib], capture_output=True, text=True, env=env, check=False).stdout
        for line in out.splitlines():
            parts = line.split("=>")
            if len(parts) == 2 and parts[1].strip().startswith("/"):
                path = os.path.realpath(parts[1].split("(")[0].strip())
                if BLAS_NAME.search(os.path.basename(path)) or BLAS_NAME.search(parts[0]):
                    files.add(path)
        return files

    def fingerprint(self):
        """Names the library's exact build: path, size and time of each file."""
        h = hashlib.sha256()
        for path in sorted(self.closure | {self.lapack}):
            st = os.stat(path)
            h.update(f"{path}:{st.st_size}:{st.st_mtime_ns};".encode())
        return h.hexdigest()[:16]

    def exported(self):
        """The dynamic function symbols the library under test defines."""
        return defined_symbols(self.lib)

    def check_maps(self, maps_text):
        """Problems with a process's /proc/PID/maps, or [] if it is right."""
        mapped = set()
        for line in maps_text.splitlines():
            fields = line.split(None, 5)
            if len(fields) == 6 and fields[5].startswith("/"):
                mapped.add(os.path.realpath(fields[5].strip()))
        problems = []
        if self.lib not in mapped:
            problems.append(f"{self.lib} is not loaded")
        if self.lapack not in mapped:
            problems.append(f"reference LAPACK {self.lapack} is not loaded")
        for path in sorted(mapped):
            if BLAS_NAME.search(os.path.basename(path)) and path not in self.closure and path != self.lapack:
                problems.append(f"another BLAS/LAPACK is loaded: {path}")
        return problems

    def check_bindings(self, trace_text, blas_symbols, program):
        """Problems in an LD_DEBUG=bindings trace, or [] if it is right.

        Every binding of a name in BLAS_SYMBOLS must go to the library under
        test (or a file it loads itself), or to PROGRAM's own definition (the
        LAPACK testers define their own xerbla_). Returns (problems, count
        of BLAS bindings seen)."""
        allowed = self.closure | {os.path.realpath(program)}
        problems = []
        seen = 0
        for m in BINDING.finditer(trace_text):
            symbol = m.group("symbol")
            if symbol not in blas_symbols:
                continue
            seen += 1
            target = os.path.realpath(m.group("to"))
            if target not in allowed:
                problems.append(f"{symbol} in {m.group('file')} bound to {target}")
        return problems, seen


BINDING = re.compile(r"binding file (?P<file>\S+) \[\d+\] to (?P<to>\S+) \[\d+\]: normal symbol `(?P<symbol>[^'\[]+)")


def defined_symbols(path):
    """The defined dynamic function symbols of a shared library."""
    out = subprocess.run(["nm", "-D", "--defined-only", path], capture_output=True, text=True, check=False).stdout
    return {f[2].split("@")[0] for f in (line.split() for line in out.splitlines()) if len(f) == 3 and f[1] in "TWi"}


def blas_symbols(lapack=REFERENCE_LAPACK, reference=REFERENCE_BLAS):
    """The names a BLAS answers for LAPACK: the reference BLAS's functions,
    less the few that LAPACK defines itself (lsame_, xerbla_, ...)."""
    return defined_symbols(reference) - defined_symbols(lapack)


def missing_symbols(lib, users, lapack=REFERENCE_LAPACK):
    """The BLAS functions the USERS (shared objects, programs) need that
    neither LIB nor LAPACK (lsame_, xerbla_array_, ...) defines."""
    needed = set()
    reference = defined_symbols(REFERENCE_BLAS)
    for user in users:
        out = subprocess.run(["nm", "-D", "--undefined-only", user], capture_output=True, text=True,
                             check=False).stdout
        needed |= {line.split()[-1].split("@")[0] for line in out.splitlines() if line.strip()}
    return sorted((needed & reference) - defined_symbols(lib) - defined_symbols(lapack))
