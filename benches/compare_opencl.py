#!/usr/bin/env python3
"""oxpar's OpenCL backend next to its peers, on one OpenCL device, in one run.

Prints one line per case with both numbers and the ratio oxpar/peer: of
rates for sgemm (above 1: oxpar is faster), of times for launch overhead
(below 1: oxpar is faster):

* sgemm, square n = 512, 1024, 2048 (2048 dropped by --quick), column-major,
  C := A*B on device-resident buffers: oxpar-opencl's `DeviceLevel3::gemm` vs CLBlast's
  `CLBlastSgemm` (benches/clblast_sgemm.c, compiled here with `cc -O2` into a
  temporary directory, linked with -lclblast -lOpenCL; or a program built
  from it beforehand, given with --clblast-bin, for machines without a C
  compiler or the CLBlast headers). GFLOP/s, each the
  best of a few calls after an untimed warm-up call (CLBlast compiles its
  kernels on its first call; PoCL compiles on first launch).
* saxpy, n = 10^6 and 10^7: oxpar against itself, data resident (`DeviceLevel1::axpy`
  only) vs with transfers (upload x and y, axpy, download y), and resident
  against CLBlast's `CLBlastSaxpy` (the same program). GB/s counted as
  12 bytes per element, so the ratios are ratios of times.
* Launch overhead: an empty user kernel (one buffer argument, one
  work-item) launched and waited for (`finish`), microseconds per launch,
  best over batches: oxpar vs PyOpenCL, when `import pyopencl` works.

From Python (the `oxpar` package and PyOpenCL, on the same device, the
cases interleaved round by round so that a noisy machine slows all alike):

* Element-wise kernels on device-resident vectors, n = 10^5, 10^6, 10^7,
  float32 and float64, each call followed by a finish, time per call (best
  and median of the rounds): oxpar's built-in `axpy` (`oxpar.axpy` on
  Buffers), the simplest one-line user kernel doing the same through oxpar
  (`y[i] += a*x[i]`, `oxpar.Program`), and that kernel through PyOpenCL.
  Ratios are of times (below 1: the built-in is faster). Same for `scal`
  and `copy` against their one-line kernels through oxpar.
* Memory: `empty_device` vs `pyopencl.array.empty`, `to_device` (upload into
  a new buffer) vs `pyopencl.array.to_device`, and download into an
  existing array (`Buffer.get(out=)` vs `Array.get(ary=)`), 40 MB float32.

--python-only runs just these (no Rust example, no CLBlast, no compiler);
they are skipped when `import oxpar` or `import pyopencl` fails.

Both sides run on the same device: the oxpar example picks it (--device, a
backend spec; default `opencl`, i.e. OXPAR_OPENCL_DEVICE or the first GPU,
else the first device) and reports its platform/device indices, which are
passed to the CLBlast program and used for PyOpenCL.

Requires the example: `cargo build --release -p oxpar-opencl --example compare`
(`make opencl-compare` builds it and runs this), a C compiler, CLBlast
(Debian: libclblast-dev) and the OpenCL loader; PyOpenCL is optional.
POCL_CACHE_DIR is set to a temporary directory unless already set.

Usage: python3 benches/compare_opencl.py [--quick] [--python-only] [--device SPEC]
                                         [--example PATH] [--clblast-bin PATH]
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
ELEMENTWISE_SIZES = (100_000, 1_000_000, 10_000_000)
ELEMENTWISE_ROUNDS = 9
QUICK_ELEMENTWISE_ROUNDS = 5
# The simplest user kernels doing what the built-ins do (T: float or double).
USER_KERNELS = """
__kernel void axpy(__global const T *x, __global T *y, const T a, const uint n) {
    size_t i = get_global_id(0);
    if (i < n) y[i] += a * x[i];
}
__kernel void scal(__global T *x, const T a, const uint n) {
    size_t i = get_global_id(0);
    if (i < n) x[i] *= a;
}
__kernel void copy(__global const T *x, __global T *y, const uint n) {
    size_t i = get_global_id(0);
    if (i < n) y[i] = x[i];
}
"""
MEMORY_BYTES = 40_000_000


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
    program) is given; returns {"sgemm": {n: record}, "saxpy": {n: record}}."""
    if exe is None:
        cc = os.environ.get("CC", "cc")
        exe = Path(tmp) / "clblast_sgemm"
        src = REPO_ROOT / "benches" / "clblast_sgemm.c"
        run([cc, "-O2", str(src), "-o", str(exe), "-lclblast", "-lOpenCL", "-lm"],
            "compiling clblast_sgemm.c (needs libclblast-dev and the OpenCL headers)")
    args = [str(n) for n in gemm_sizes] + [f"axpy:{n}" for n in AXPY_SIZES]
    out = run([str(exe), str(platform), str(device), str(REPS)] + args, "clblast_sgemm")
    recs = json_lines(out)
    return {case: {r["n"]: r for r in recs if r["case"] == case} for case in ("sgemm", "saxpy")}


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


def pyopencl_device(spec):
    """The (platform, device) indices that the oxpar spec names, found with
    PyOpenCL in the same platform order: `opencl` (OXPAR_OPENCL_DEVICE if
    set, else the first GPU, else the first device), `opencl:gpu[:N]`,
    `opencl:cpu[:N]`, `opencl:accelerator[:N]`, `opencl:P:D`."""
    import pyopencl as cl

    parts = [p.strip().lower() for p in spec.split(":")][1:]
    if not parts and os.environ.get("OXPAR_OPENCL_DEVICE", "").strip():
        env = os.environ["OXPAR_OPENCL_DEVICE"].strip().lower()
        parts = [p for p in env.split(":") if p != "opencl"]
    plats = cl.get_platforms()
    devs = [(p, d, dev) for p, plat in enumerate(plats) for d, dev in enumerate(plat.get_devices())]
    if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit():
        return int(parts[0]), int(parts[1])
    kinds = {"gpu": cl.device_type.GPU, "cpu": cl.device_type.CPU, "accelerator": cl.device_type.ACCELERATOR}
    if parts and parts[0] in kinds:
        nth = int(parts[1]) if len(parts) > 1 else 0
        of_kind = [(p, d) for p, d, dev in devs if dev.type & kinds[parts[0]]]
        return of_kind[nth]
    gpus = [(p, d) for p, d, dev in devs if dev.type & cl.device_type.GPU]
    return gpus[0] if gpus else devs[0][:2]


def rounds(cases, reps, inner):
    """Times each case (a callable doing `inner` calls and waiting for
    them) once per round, the cases in turn, for `reps` rounds; returns
    {name: sorted seconds per call}."""
    times = {name: [] for name in cases}
    for fn in cases.values():
        fn()  # warm-up: PoCL compiles a kernel for its sizes on first launch
    for _ in range(reps):
        for name, fn in cases.items():
            t = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - t) / inner)
    return {k: sorted(v) for k, v in times.items()}


def median(v):
    return v[len(v) // 2]


def python_sections(spec, quick):
    """Element-wise kernels and memory, oxpar vs PyOpenCL, from Python."""
    try:
        import numpy as np
        import oxpar
    except Exception as e:
        print(f"element-wise and memory comparisons skipped: the oxpar package does not import ({e})")
        return
    try:
        import pyopencl as cl
        import pyopencl.array as cla
    except Exception as e:
        print(f"element-wise and memory comparisons skipped: PyOpenCL does not import ({e})")
        return
    p, d = pyopencl_device(spec)
    dev = cl.get_platforms()[p].get_devices()[d]
    print(f"from Python: {dev.name.strip()} ({dev.platform.name.strip()}), platform {p} device {d}")
    pctx = cl.Context([dev])
    queue = cl.CommandQueue(pctx)
    reps = QUICK_ELEMENTWISE_ROUNDS if quick else ELEMENTWISE_ROUNDS
    with oxpar.Context(f"opencl:{p}:{d}") as ctx:
        for dtype in (np.float32, np.float64):
            dt = np.dtype(dtype)
            if dt == np.float64 and "cl_khr_fp64" not in dev.extensions:
                print("float64: the device has no cl_khr_fp64; skipped")
                continue
            ctype = "float" if dt == np.float32 else "double"
            oprog = oxpar.Program(ctx, USER_KERNELS, f"-DT={ctype}")
            okern = {name: oprog.kernel(name) for name in ("axpy", "scal", "copy")}
            pprog = cl.Program(pctx, USER_KERNELS).build(options=[f"-DT={ctype}"])
            paxpy = pprog.axpy
            for n in ELEMENTWISE_SIZES:
                rng = np.random.default_rng(n)
                hx = rng.standard_normal(n).astype(dt)
                hy = rng.standard_normal(n).astype(dt)
                ox, oy = oxpar.to_device(hx, ctx), oxpar.to_device(hy, ctx)
                px, py = cla.to_device(queue, hx), cla.to_device(queue, hy)
                inner = max(2, min(200, 20_000_000 // n))
                a, sa = dt.type(1e-3), dt.type(1.0)
                un = np.uint32(n)

                def batch(call, wait):
                    def fn():
                        for _ in range(inner):
                            call()
                        wait()
                    return fn

                t = rounds({
                    "axpy built-in": batch(lambda: oxpar.axpy(a, ox, oy), ctx.finish),
                    "axpy user kernel": batch(lambda: okern["axpy"](n, None, ox, oy, a, un), ctx.finish),
                    "axpy PyOpenCL": batch(lambda: paxpy(queue, (n,), None, px.data, py.data, a, un), queue.finish),
                    "scal built-in": batch(lambda: oxpar.scal(sa, oy), ctx.finish),
                    "scal user kernel": batch(lambda: okern["scal"](n, None, oy, sa, un), ctx.finish),
                    "copy built-in": batch(lambda: oxpar.copy(ox, oy), ctx.finish),
                    "copy user kernel": batch(lambda: okern["copy"](n, None, ox, oy, un), ctx.finish),
                }, reps, inner)
                us = {k: (v[0] * 1e6, median(v) * 1e6) for k, v in t.items()}
                bi, uk, pc = us["axpy built-in"], us["axpy user kernel"], us["axpy PyOpenCL"]
                gbs = 3 * n * dt.itemsize / (bi[0] * 1e-6) / 1e9
                print(f"{'s' if dt == np.float32 else 'd'}axpy n={n:<9} built-in {bi[0]:9.1f} us (median {bi[1]:9.1f})"
                      f"  user kernel {uk[0]:9.1f} ({uk[1]:9.1f})  PyOpenCL {pc[0]:9.1f} ({pc[1]:9.1f})"
                      f"  built-in/user {bi[0] / uk[0]:.2f} (medians {bi[1] / uk[1]:.2f})"
                      f"  built-in/PyOpenCL {bi[0] / pc[0]:.2f} ({bi[1] / pc[1]:.2f})  [{gbs:.1f} GB/s]")
                for op in ("scal", "copy"):
                    b, u = us[f"{op} built-in"], us[f"{op} user kernel"]
                    print(f"{'s' if dt == np.float32 else 'd'}{op} n={n:<9} built-in {b[0]:9.1f} us (median {b[1]:9.1f})"
                          f"  user kernel {u[0]:9.1f} ({u[1]:9.1f})  built-in/user {b[0] / u[0]:.2f} (medians {b[1] / u[1]:.2f})")
                for buf in (ox, oy):
                    buf.close()
                del px, py

        # Memory: allocation, upload into a new buffer, download into an array.
        n = MEMORY_BYTES // 4
        host = np.random.default_rng(1).standard_normal(n).astype(np.float32)
        out = np.empty_like(host)
        keep = []

        def o_empty():
            keep.append(oxpar.empty_device(n, np.float32, ctx))
            ctx.finish()
            keep.pop().close()

        def p_empty():
            keep.append(cla.empty(queue, n, np.float32))
            queue.finish()
            keep.pop()

        def o_up():
            keep.append(oxpar.to_device(host, ctx))
            keep.pop().close()

        def p_up():
            keep.append(cla.to_device(queue, host))
            queue.finish()
            keep.pop()

        ob, pb = oxpar.to_device(host, ctx), cla.to_device(queue, host)
        t = rounds({
            "empty oxpar": o_empty, "empty PyOpenCL": p_empty,
            "upload oxpar": o_up, "upload PyOpenCL": p_up,
            "download oxpar": lambda: ob.get(out=out), "download PyOpenCL": lambda: pb.get(queue, ary=out),
        }, reps, 1)
        for what, label in (("empty", "empty_device / cla.empty"),
                            ("upload", "to_device / cla.to_device (new buffer)"),
                            ("download", "get(out=) / get(ary=) (existing array)")):
            o, pcl = t[f"{what} oxpar"], t[f"{what} PyOpenCL"]
            print(f"{label:<42} 40 MB  oxpar {o[0] * 1e3:8.3f} ms (median {median(o) * 1e3:8.3f})"
                  f"  PyOpenCL {pcl[0] * 1e3:8.3f} ms ({median(pcl) * 1e3:8.3f})"
                  f"  oxpar/PyOpenCL {o[0] / pcl[0]:.2f} ({median(o) / median(pcl):.2f})")
        ob.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="sgemm at n = 512 and 1024 only, fewer rounds from Python")
    ap.add_argument("--python-only", action="store_true",
                    help="only the comparisons from Python (element-wise kernels, memory)")
    ap.add_argument("--device", default="opencl",
                    help="oxpar backend spec of the device (default: opencl)")
    ap.add_argument("--example", default=str(REPO_ROOT / "target" / "release" / "examples" / "compare"),
                    help="the oxpar-opencl `compare` example binary")
    ap.add_argument("--clblast-bin", default=None,
                    help="a prebuilt benches/clblast_sgemm.c program (default: compile it with cc)")
    args = ap.parse_args()

    if args.python_only:
        if not os.environ.get("POCL_CACHE_DIR"):
            tmp = tempfile.mkdtemp(prefix="oxpar-opencl-compare-")
            os.environ["POCL_CACHE_DIR"] = str(Path(tmp) / "pocl-cache")
        t0 = time.perf_counter()
        python_sections(args.device, args.quick)
        print(f"total {time.perf_counter() - t0:.0f} s")
        return
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

        try:
            clb = clblast_side(tmp, p, d, gemm_sizes, args.clblast_bin)
        except SystemExit as e:
            clb = None
            print(f"sgemm: CLBlast skipped ({str(e).splitlines()[0]})")
        for n in gemm_sizes:
            o = ox["sgemm"][n]
            if clb is None:
                print(f"sgemm n={n:<5} col-major, resident   oxpar {o['gflops']:7.2f} GFLOP/s")
                continue
            c = clb["sgemm"][n]
            print(f"sgemm n={n:<5} col-major, resident   oxpar {o['gflops']:7.2f} GFLOP/s  "
                  f"CLBlast {c['gflops']:7.2f} GFLOP/s  oxpar/CLBlast {o['gflops'] / c['gflops']:.2f}"
                  f"   (first call: oxpar {o['first_s']:.2f} s, CLBlast {c['first_s']:.2f} s;"
                  f" max err {o['max_err']:.1e} / {c['max_err']:.1e})")

        for n in AXPY_SIZES:
            a = ox["saxpy"][n]
            print(f"saxpy n={n:<9} oxpar vs itself      resident {a['resident_gbs']:7.2f} GB/s  "
                  f"with transfers {a['transfers_gbs']:7.2f} GB/s  "
                  f"resident/transfers {a['resident_gbs'] / a['transfers_gbs']:.2f}")
            if clb is not None:
                c = clb["saxpy"][n]
                print(f"saxpy n={n:<9} resident             oxpar {a['resident_gbs']:7.2f} GB/s  "
                      f"CLBlast {c['gbs']:7.2f} GB/s  oxpar/CLBlast {a['resident_gbs'] / c['gbs']:.2f}"
                      f"   (max err CLBlast {c['max_err']:.1e})")

        ox_us = ox["launch"]["us"]
        peer = pyopencl_launch(p, d)
        if isinstance(peer, str):
            print(f"launch empty kernel + finish       oxpar {ox_us:7.1f} us  ({peer}; skipped)")
        else:
            print(f"launch empty kernel + finish       oxpar {ox_us:7.1f} us  PyOpenCL {peer:7.1f} us"
                  f"  oxpar/PyOpenCL (time) {ox_us / peer:.2f}")
        python_sections(args.device, args.quick)
        print(f"total {time.perf_counter() - t0:.0f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
