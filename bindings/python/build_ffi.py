"""The cffi definition of oxpar._native, read from include/oxpar.h itself.

cffi's parser does not understand a cbindgen header as is (preprocessor
conditionals, C23 enum bases), so the few directives it contains are resolved
here for C99 and the integer #defines are handed to cffi as constants. No
generated copy of the header exists to go stale.
"""

import sys
from pathlib import Path

import cffi

sys.path.insert(0, str(Path(__file__).resolve().parent))
from oxpar_build import cdef_from_header, header_path  # noqa: E402

HEADER = header_path()

ffibuilder = cffi.FFI()
ffibuilder.cdef(cdef_from_header(HEADER.read_text()))
ffibuilder.set_source(
    "oxpar._native",
    # The cdef reads the header's struct spelling of the complex types; the
    # compiled source must see the same one.
    "#define OXPAR_COMPLEX_STRUCT 1\n#include \"oxpar.h\"",
    include_dirs=[str(HEADER.parent)],
    libraries=["oxpar"],
    extra_link_args=["-Wl,-rpath,$ORIGIN/_lib"],
)

if __name__ == "__main__":
    print(cdef_from_header(HEADER.read_text()))
