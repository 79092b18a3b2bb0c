"""Build helpers shared by setup.py and build_ffi.py."""

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def workspace_root() -> Path:
    """The oxpar workspace: OXPAR_SOURCE_DIR, else the nearest folder above with Cargo.toml and include/oxpar.h."""
    env = os.environ.get("OXPAR_SOURCE_DIR")
    if env:
        return Path(env).resolve()
    for parent in [HERE, *HERE.parents]:
        if (parent / "Cargo.toml").is_file() and (parent / "include" / "oxpar.h").is_file():
            return parent
    sys.exit("oxpar: cannot find the oxpar workspace (set OXPAR_SOURCE_DIR to the repository root)")


def header_path() -> Path:
    return workspace_root() / "include" / "oxpar.h"


def version() -> str:
    """The library version, from the generated header (itself from Cargo.toml)."""
    return re.search(r'#define OXPAR_VERSION_STRING "([^"]+)"', header_path().read_text()).group(1)


def soname() -> str:
    """liboxpar's SONAME, `liboxpar.so.<OXPAR_ABI_VERSION>` (the name the
    extension records and loads; crates/oxpar-cdylib/build.rs sets it from the
    same header)."""
    abi = re.search(r"#define OXPAR_ABI_VERSION (\d+)", header_path().read_text()).group(1)
    return f"liboxpar.so.{abi}"


def cdef_from_header(text: str) -> str:
    """The header as cffi's parser accepts it: the C99 branch of every
    conditional (nothing is defined: `#ifndef X` keeps, `#ifdef X` and the
    C23/C++ `#if` tests drop), no includes, integer #defines kept."""
    out, stack = [], []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("#ifndef"):
            stack.append(True)
            continue
        if s.startswith("#ifdef") or s.startswith("#if"):
            stack.append(False)
            continue
        if s.startswith("#else"):
            stack[-1] = not stack[-1]
            continue
        if s.startswith("#endif"):
            stack.pop()
            continue
        if not all(stack):
            continue
        if s.startswith("#define"):
            m = re.match(r"#define\s+(\w+)\s+(\d+)\s*$", s)
            if m:
                out.append(f"#define {m.group(1)} {m.group(2)}")
            continue
        if s.startswith("#"):
            continue
        out.append(line)
    return "\n".join(out)
