#!/usr/bin/env python3
"""oxpar's OpenCL backend next to its peers, on one OpenCL device, in one run.

Prints one line per case with both numbers and the ratio oxpar/peer: of
rates for sgemm (above 1: oxpar is faster), of times for launch overhead
(below 1: oxpar is faster):

* sgemm, square n = 512, 1024, 2048 (2048 dropped by --quick), column-major,
  C := A*B on device-resident buffers: oxpar-opencl's `gemm_buf` vs CLBlast's
  `CLBlastSgemm` (benches/clblast_sgemm.c, compiled here with `cc -O2` into a
  temporary directory, linked with -lclblast -lOpenCL; or a program built
  from it beforehand, given with --clblast-bin, for machines without a C
  compiler or the CLBlast headers). GFLOP/s, each the
  best of a few calls after an untimed warm-up call (CLBlast compiles its
  kernels on its first call; PoCL compiles on first launch).
* saxpy, n = 10^6 and 10^7: oxpar against itself, data resident (`axpy_buf`
  only) vs with transfers (upload x and y, axpy, download y). GB/s counted as
  12 bytes per element for both, so the ratio is a ratio of times.
* Launch overhead: an empty user kernel (one buffer argument, one
  work-item) launched and waited for (`finish`), microseconds per launch,
  best over batches: oxpar vs PyOpenCL, when `import pyopencl` works.

Both sides run on the same device: the oxpar example picks it (--device, a
backend spec; default `opencl`, i.e. OXPAR_OPENCL_DEVICE or the first GPU,
else the first device) and reports its platform/device indices, which are
passed to the CLBlast program and used for PyOpenCL.

Requires the example: `cargo build --release -p oxpar-opencl --example compare`
(`make opencl-compare` builds it and runs this), a C compiler, CLBlast
(Debian: libclblast-dev) and the OpenCL loader; PyOpenCL is optional.
POCL_CACHE_DIR is set to a temporary directory unless already set.

Usage: python3 benches/compare_opencl.py [--quick] [--device SPEC] [--example PATH]
                                         [--clblast-bin PATH]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
GEMM_SIZES = (512, 1024, 2048)
QUICK_GEMM_SIZES = (512, 1024)
AXPY_SIZES = (1_000_000, 10_000_000)
REPS = 5
LAUNCHES = 200
LAUNCH_BATCHES = 20
EMPTY_KERNEL = "__kernel void empty(__global float *x) { }"


def json_lines(text):
    """The JSON objects of a program's output, one a line (others skipped)."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            out.append(json.loads(line))
    return out


def run(cmd, what):
    """Runs cmd, returning its stdout; exits with its stderr if it fails."""
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{what} failed (exit {p.returncode}): {' '.join(map(str, cmd))}\n{p.stderr}")
    return p.stdout


def oxpar_side(example, device, gemm_sizes):
    """Runs the oxpar example; returns its records grouped by case."""
    cmd = [
        example,
        "--device", device,
        "--gemm", ",".join(map(str, gemm_sizes)),
        "--axpy", ",".join(map(str, AXPY_SIZES)),
        "--reps", str(REPS),
        "--launches", str(LAUNCHES),
    ]
    recs = json_lines(run(cmd, "the oxpar example"))
    return {
        "device": next(r for r in recs if r["case"] == "device"),
        "sgemm": {r["n"]: r for r in recs if r["case"] == "sgemm"},
        "saxpy": {r["n"]: r for r in recs if r["case"] == "saxpy"},
        "launch": next(r for r in recs if r["case"] == "launch"),
        "build_s": next((r["s"] for r in recs if r["case"] == "build"), None),
    }


def clblast_side(tmp, platform, device, gemm_sizes, exe=None):
    """Runs benches/clblast_sgemm.c, compiled first unless exe (a prebuilt
    program) is given; returns {n: record}."""
    if exe is None:
        cc = os.environ.get("CC", "cc")
        exe = Path(tmp) / "clblast_sgemm"
        src = REPO_ROOT / "benches" / "clblast_sgemm.c"
        run([cc, "-O2", str(src), "-o", str(exe), "-lclblast", "-lOpenCL", "-lm"],
            "compiling clblast_sgemm.c (needs libclblast-dev and the OpenCL headers)")
    out = run([str(exe), str(platform), str(device), str(REPS)] + [str(n) for n in gemm_sizes],
              "clblast_sgemm")
    recs = json_lines(out)
    return {r["n"]: r for r in recs if r["case"] == "sgemm"}


def pyopencl_launch(platform, device):
    """Microseconds per empty-kernel launch + finish with PyOpenCL, measured
    like the oxpar side; or a string saying why it could not be measured."""
    try:
        import pyopencl as cl
    except Exception as e:  # ImportError, or a broken wheel
        return f"PyOpenCL unavailable ({type(e).__name__}: {e})"
    try:
        dev = cl.get_platforms()[platform].get_devices()[device]
        ctx = cl.Context([dev])
        queue = cl.CommandQueue(ctx)
        kernel = cl.Program(ctx, EMPTY_KERNEL).build().empty
        buf = cl.Buffer(ctx, cl.mem_flags.READ_WRITE, size=4)
        kernel.set_arg(0, buf)
        enqueue = cl.enqueue_nd_range_kernel

        def once():
            enqueue(queue, kernel, (1,), None)
            queue.finish()

        once()
        best = float("inf")
        for _ in range(LAUNCH_BATCHES):
            t = time.perf_counter()
            for _ in range(LAUNCHES):
                once()
            best = min(best, time.perf_counter() - t)
        return best / LAUNCHES * 1e6
    except Exception as e:
        return f"PyOpenCL failed on platform {platform} device {device} ({type(e).__name__}: {e})"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="sgemm at n = 512 and 1024 only")
    ap.add_argument("--device", default="opencl",
                    help="oxpar backend spec of the device (default: opencl)")
    ap.add_argument("--example", default=str(REPO_ROOT / "target" / "release" / "examples" / "compare"),
                    help="the oxpar-opencl `compare` example binary")
    ap.add_argument("--clblast-bin", default=None,
                    help="a prebuilt benches/clblast_sgemm.c program (default: compile it with cc)")
    args = ap.parse_args()

    if not Path(args.example).exists():
        sys.exit(f"{args.example} is missing: run "
                 "`cargo build --release -p oxpar-opencl --example compare` first")
    if args.clblast_bin is not None and not Path(args.clblast_bin).exists():
        sys.exit(f"{args.clblast_bin} (--clblast-bin) is missing")
    gemm_sizes = QUICK_GEMM_SIZES if args.quick else GEMM_SIZES

    tmp = tempfile.mkdtemp(prefix="oxpar-opencl-compare-")
    try:
        if not os.environ.get("POCL_CACHE_DIR"):
            os.environ["POCL_CACHE_DIR"] = str(Path(tmp) / "pocl-cache")
        t0 = time.perf_counter()
        ox = oxpar_side(args.example, args.device, gemm_sizes)
        dev = ox["device"]
        p, d = dev["platform"], dev["device"]
        print(f"device: {dev['name']} ({dev['platform_name']}), platform {p} device {d}")
        if ox["build_s"] is not None:
            print(f"oxpar built-in kernels compiled in {ox['build_s']:.2f} s")

        clb = clblast_side(tmp, p, d, gemm_sizes, args.clblast_bin)
        for n in gemm_sizes:
            o, c = ox["sgemm"][n], clb[n]
            print(f"sgemm n={n:<5} col-major, resident   oxpar {o['gflops']:7.2f} GFLOP/s  "
                  f"CLBlast {c['gflops']:7.2f} GFLOP/s  oxpar/CLBlast {o['gflops'] / c['gflops']:.2f}"
                  f"   (first call: oxpar {o['first_s']:.2f} s, CLBlast {c['first_s']:.2f} s;"
                  f" max err {o['max_err']:.1e} / {c['max_err']:.1e})")

        for n in AXPY_SIZES:
            a = ox["saxpy"][n]
            print(f"saxpy n={n:<9} oxpar vs itself      resident {a['resident_gbs']:7.2f} GB/s  "
                  f"with transfers {a['transfers_gbs']:7.2f} GB/s  "
                  f"resident/transfers {a['resident_gbs'] / a['transfers_gbs']:.2f}")

        ox_us = ox["launch"]["us"]
        peer = pyopencl_launch(p, d)
        if isinstance(peer, str):
            print(f"launch empty kernel + finish       oxpar {ox_us:7.1f} us  ({peer}; skipped)")
        else:
            print(f"launch empty kernel + finish       oxpar {ox_us:7.1f} us  PyOpenCL {peer:7.1f} us"
                  f"  oxpar/PyOpenCL (time) {ox_us / peer:.2f}")
        print(f"total {time.perf_counter() - t0:.0f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
