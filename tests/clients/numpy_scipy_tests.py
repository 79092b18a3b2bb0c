#!/usr/bin/env python3
"""Debian's NumPy and SciPy as clients of a BLAS.

Runs Debian's python3-numpy and python3-scipy, with the system's
/usr/bin/python3 (never a pip NumPy), over the libblas.so.3 of the folder
under test and reference LAPACK (see blasdir.py), and compares with the same
over the reference BLAS:

    tests/clients/numpy_scipy_tests.py --blas-dir DIR [--python PATH]
        [--threads N] [--timeout S] [--work-dir DIR] [--pytest-args ARGS]
        [--modules numpy.linalg,scipy.linalg]

1. The probe (python_probe.py): `import numpy, scipy.linalg` works, the
   process's /proc/self/maps holds the library under test as libblas.so.3,
   the reference LAPACK and no other BLAS, and NumPy and SciPy come from
   Debian's packages; the error cases (LAPACK's dgetrf on an empty matrix, a
   BLAS call with an invalid TRANS through scipy.linalg.cython_blas, an
   invalid trans_a refused by scipy.linalg.blas) end exactly as over the
   reference, and two small results are equal.
2. The test suites: pytest on the modules (default numpy.linalg and
   scipy.linalg) with `-m "not slow"`; the sets of failing and erroring test
   ids must equal those over the reference BLAS (a test that fails over the
   reference only is reported, not a failure), the same tests must have run,
   and the pytest process's own /proc/self/maps is checked as in 1.

The reference's results are cached under WORK_DIR/cache, keyed by the
libraries, the Python, NumPy, SciPy and pytest files (size and time).
Exit status: 0 passed, 1 a difference or the wrong library, 2 the harness
could not run.
"""

import argparse
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import blasdir  # noqa: E402

DEBIAN_DIST = "/usr/lib/python3/dist-packages/"
CACHE_VERSION = "2"


def python_env(lib, threads):
    """The environment of a Python run: no PYTHONPATH, no user site."""
    env = lib.env(threads)
    for name in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV"):
        env.pop(name, None)
    env["PYTHONNOUSERSITE"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def probe(lib, args):
    """The probe's JSON over LIB, or exits 2 if it cannot run."""
    proc = subprocess.run([args.python, os.path.join(HERE, "python_probe.py")], capture_output=True, text=True,
                          env=python_env(lib, args.threads), timeout=args.timeout, cwd=args.tmp, check=False)
    if proc.returncode != 0:
        print(f"numpy-scipy-test: FAIL: `import numpy, scipy.linalg` over {lib.lib} did not work "
              f"(exit status {proc.returncode}):")
        for line in (proc.stderr or proc.stdout).strip().splitlines()[-12:]:
            print(f"    {line}")
        return None
    return json.loads(proc.stdout)


def library_problems(lib, info, where):
    problems = [f"{where}: {p}" for p in lib.check_maps(info["maps"])]
    for name in ("numpy_file", "scipy_file"):
        if name in info and not info[name].startswith(DEBIAN_DIST):
            problems.append(f"{where}: {name.split('_')[0]} is {info[name]}, not Debian's (under {DEBIAN_DIST})")
    return problems


def run_pytest(lib, args, label):
    """pytest over LIB: {test id: outcome}, seconds, maps text, exit status."""
    work = tempfile.mkdtemp(prefix=f"pytest-{label}.", dir=args.tmp)
    xml = os.path.join(work, "junit.xml")
    maps = os.path.join(work, "maps.txt")
    env = python_env(lib, args.threads)
    env["PYTHONPATH"] = HERE  # the maps plugin only
    env["CLIENTS_MAPS_OUT"] = maps
    cmd = [args.python, "-m", "pytest", "--pyargs", *args.modules.split(","), "-m", "not slow", "-q", "-rN",
           "-p", "no:cacheprovider", "-p", "pytest_maps_plugin", "-o", "addopts=", f"--junitxml={xml}",
           *shlex.split(args.pytest_args)]
    print(f"  {label}: {' '.join(cmd[1:])}", flush=True)
    start = time.monotonic()
    with open(os.path.join(work, "pytest.log"), "w", encoding="utf-8") as log:
        try:
            status = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=work,
                                    timeout=args.timeout, check=False).returncode
        except subprocess.TimeoutExpired:
            status = "timeout"
    seconds = time.monotonic() - start
    keep = os.path.join(args.work_dir, label)
    os.makedirs(keep, exist_ok=True)
    for name in ("pytest.log", "junit.xml"):
        if os.path.exists(os.path.join(work, name)):
            shutil.copyfile(os.path.join(work, name), os.path.join(keep, name))
    outcomes = read_junit(xml) if os.path.exists(xml) else {}
    maps_text = open(maps, encoding="latin-1").read() if os.path.exists(maps) else ""
    return {"outcomes": outcomes, "seconds": round(seconds, 1), "maps": maps_text, "status": status,
            "log": os.path.join(keep, "pytest.log")}


def read_junit(path):
    """{test id: passed|failed|error|skipped|xfailed} from a JUnit XML file.

    xfailed is a test its authors mark as expected to fail (pytest.mark.xfail)
    that failed; one that passed anyway (an "xpass") reads as passed.
    """
    outcomes = {}
    for case in ET.parse(path).getroot().iter("testcase"):
        test_id = f"{case.get('classname')}::{case.get('name')}"
        kind = "passed"
        for child in case:
            if child.tag in ("failure", "error", "skipped"):
                kind = {"failure": "failed"}.get(child.tag, child.tag)
                if child.tag == "skipped" and child.get("type") == "pytest.xfail":
                    kind = "xfailed"
                break
        # A test that passed but whose teardown erred appears twice.
        if outcomes.get(test_id, "passed") == "passed":
            outcomes[test_id] = kind
    return outcomes


def counts(outcomes):
    result = {}
    for kind in outcomes.values():
        result[kind] = result.get(kind, 0) + 1
    return ", ".join(f"{n} {k}" for k, n in sorted(result.items())) or "no tests"


def cache_key(ref, args):
    h = hashlib.sha256(f"{CACHE_VERSION}:{args.modules}:{args.pytest_args}:{args.threads}".encode())
    h.update(ref.fingerprint().encode())
    paths = [os.path.realpath(args.python)]
    for module in ("numpy", "scipy", "pytest"):
        paths.append(os.path.join(DEBIAN_DIST, module, "__init__.py"))
    for path in paths:
        if os.path.exists(path):
            st = os.stat(path)
            h.update(f"{path}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()[:16]


def reference_results(ref, args):
    """The probe and pytest over the reference BLAS, from the cache if there."""
    path = os.path.join(args.work_dir, "cache", f"reference-{cache_key(ref, args)}.json")
    try:
        with open(path, encoding="utf-8") as f:
            cached = json.load(f)
        print("  reference: cached results")
        return cached
    except (OSError, ValueError):
        pass
    info = probe(ref, args)
    if info is None:
        blasdir.fail("NumPy/SciPy do not even import over the reference BLAS")
    tests = run_pytest(ref, args, "reference")
    if not tests["outcomes"]:
        blasdir.fail(f"pytest over the reference BLAS ran no test (see {tests['log']})")
    result = {"cases": info["cases"], "outcomes": tests["outcomes"], "seconds": tests["seconds"]}
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".new", "w", encoding="utf-8") as f:
        json.dump(result, f)
    os.replace(path + ".new", path)
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--blas-dir", required=True, help="folder holding the libblas.so.3 under test")
    ap.add_argument("--label", default="under-test")
    ap.add_argument("--python", default="/usr/bin/python3", help="Debian's Python (with python3-numpy, -scipy)")
    ap.add_argument("--modules", default="numpy.linalg,scipy.linalg")
    ap.add_argument("--pytest-args", default="", help="more pytest arguments (e.g. '-k solve')")
    ap.add_argument("--threads", type=int, default=1, help="thread count given to every BLAS")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per pytest run")
    ap.add_argument("--reference-dir", default=os.path.dirname(blasdir.REFERENCE_BLAS))
    ap.add_argument("--work-dir", default="target/clients/python")
    args = ap.parse_args()
    args.work_dir = os.path.abspath(args.work_dir)
    os.makedirs(args.work_dir, exist_ok=True)
    if not os.path.exists(args.python):
        blasdir.fail(f"no {args.python}")
    check = subprocess.run([args.python, "-c", "import numpy, scipy, pytest"], capture_output=True, text=True,
                           check=False)
    if check.returncode != 0:
        blasdir.fail(f"{args.python} lacks numpy, scipy or pytest: install Debian's python3-numpy, python3-scipy, "
                     f"python3-pytest and python3-hypothesis ({check.stderr.strip().splitlines()[-1]})")
    args.tmp = tempfile.mkdtemp(prefix="tmp.", dir=args.work_dir)
    try:
        return run(args)
    finally:
        shutil.rmtree(args.tmp, ignore_errors=True)


def run(args):
    lib = blasdir.BlasDir(args.label, args.blas_dir, args.work_dir)
    ref = blasdir.BlasDir("reference", args.reference_dir, args.work_dir)
    print(f"numpy-scipy-test: {args.python} over {lib.lib} (libblas.so.3), reference LAPACK {lib.lapack}; "
          f"{args.threads} thread(s)")
    missing = blasdir.missing_symbols(lib.lib, [lib.lapack] + numpy_scipy_objects(args.python))
    if missing:
        shown = " ".join(missing[:12]) + (f" ... ({len(missing)} in all)" if len(missing) > 12 else "")
        print(f"numpy-scipy-test: FAIL: {lib.lib} lacks {len(missing)} BLAS function(s) NumPy, SciPy or LAPACK "
              f"need: {shown}")
        return 1
    base = reference_results(ref, args)

    problems = []
    info = probe(lib, args)
    if info is None:
        return 1
    print(f"  NumPy {info['numpy']} ({os.path.dirname(info['numpy_file'])}), SciPy {info['scipy']}")
    problems += library_problems(lib, info, "probe")
    for name, expected in base["cases"].items():
        got = info["cases"].get(name)
        mark = "same" if got == expected else "DIFFERENT"
        print(f"  {name}: {mark}: {got}")
        if got != expected:
            problems.append(f"{name}: {got}; over the reference: {expected}")

    tests = run_pytest(lib, args, args.label)
    if tests["maps"]:
        problems += library_problems(lib, {"maps": tests["maps"]}, "pytest")
    else:
        problems.append("pytest: the maps plugin wrote nothing (the process did not finish?)")
    mine, theirs = tests["outcomes"], base["outcomes"]
    print(f"  reference BLAS: {counts(theirs)} in {base['seconds']}s")
    print(f"  {args.label}: {counts(mine)} in {tests['seconds']}s (exit status {tests['status']})")
    bad = ("failed", "error")
    new = sorted(t for t, k in mine.items() if k in bad and theirs.get(t) not in bad)
    fixed = sorted(t for t, k in theirs.items() if k in bad and mine.get(t) not in bad and t in mine)
    not_run = sorted(set(theirs) - set(mine))
    extra = sorted(set(mine) - set(theirs))
    skipped = sorted(t for t, k in mine.items() if k == "skipped" and theirs.get(t) not in ("skipped", None))
    # A test marked xfail upstream may pass or fail on rounding alone (for
    # example SciPy's test_solve_toeplitz::test_unstable, an unstable
    # recursion compared with LAPACK's solve): its outcome is noted, not judged.
    expected_failures = sorted(t for t, k in mine.items() if k == "xfailed" and theirs.get(t) != "xfailed")
    if tests["status"] == "timeout":
        problems.append(f"pytest timed out after {args.timeout}s")
    for title, items in (("fail here, pass over the reference", new), ("did not run here", not_run),
                         ("skipped here, not over the reference", skipped)):
        if items:
            problems.append(f"{len(items)} test(s) {title}:" + "".join(f"\n      {t}" for t in items[:40]))
    for title, items in (("pass here, fail over the reference", fixed), ("run here only", extra),
                         ("marked xfail upstream fail here, pass over the reference", expected_failures)):
        if items:
            print(f"  note: {len(items)} test(s) {title}: {', '.join(items[:10])}")
    if problems:
        print(f"numpy-scipy-test: FAIL ({len(problems)} problem(s); logs in {args.work_dir}/{args.label}):")
        for p in problems:
            print(f"    {p}")
        return 1
    failing = sum(1 for k in mine.values() if k in bad)
    print(f"numpy-scipy-test: ok: {len(mine)} tests as over the reference BLAS"
          f"{f' ({failing} failing there too)' if failing else ''}; error handlers the same")
    return 0


def numpy_scipy_objects(python):
    """NumPy's and SciPy's linalg extension modules (what they need from a BLAS)."""
    out = subprocess.run([python, "-c", "import numpy, scipy, os; print(os.path.dirname(numpy.__file__)); "
                          "print(os.path.dirname(scipy.__file__))"], capture_output=True, text=True,
                         check=False).stdout.split()
    objects = []
    for root in out:
        for sub in ("core", "linalg"):
            folder = os.path.join(root, sub)
            if os.path.isdir(folder):
                objects += [os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".so")]
    return objects


if __name__ == "__main__":
    sys.exit(main())
