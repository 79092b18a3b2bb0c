#!/usr/bin/env python3
"""LAPACK's own test suite as a client of a BLAS.

Runs the testers of Debian's liblapack-test (reference LAPACK's TESTING
programs, built against liblapack3) on their shipped input files, with
libblas.so.3 taken from the folder under test and liblapack.so.3 kept the
reference LAPACK (see blasdir.py), then compares with the same runs over the
reference BLAS.

    tests/clients/lapack_tests.py --blas-dir DIR [--suite full|lin|eig|quick]
        [--precisions sdcz] [--jobs N] [--threads N] [--timeout S]
        [--work-dir DIR] [--peer LABEL=DIR ...] [--no-peers]

The runs (per precision p in --precisions):
    lin    xlintstp < ptest.in; xlintstrfp < ptest_rfp.in (RFP);
           xlintstds < dstest.in and xlintstzc < zctest.in (mixed precision)
    eig    xeigtstp < each of nep sep se2 svd pec ped pgg pgd psb psg pbb glm
           gqr gsv csd lse pbal pbak pgbal pgbak
`full` is lin and eig; `quick` is lin and the eig inputs that take well
under a second each (for a smoke run).

What a run yields (read from its output, as LAPACK's lapack_testing.py
does): the tests run ("N tests run)"), the tests over their threshold (the
"out of" summaries, with the detail lines naming each failing test and its
ratio), the error-exit and INFO errors ("illegal", " INFO" lines), and
crashes (a non-zero exit, a signal, a time-out, or no "End of tests").

The library passes when
  * no run crashed and every run ran as many tests as over the reference;
  * every failing test (a detail line, its ratio left out) or error line also
    fails over the reference BLAS, or fails over every peer (OpenBLAS and
    BLIS by default, run only on the testers with such failures): those are
    listed with the ratios of all, as known cases (e.g. STFSM in the RFP
    tests, where LAPACK's threshold is tight);
  * the library answered: each run's LD_DEBUG=bindings trace shows every
    BLAS symbol of LAPACK and of the tester bound to the library under test
    (or the tester's own xerbla_), and one run's /proc/PID/maps holds it, the
    reference LAPACK and no other BLAS.
The reference's and the peers' results are computed in the same run when
needed and cached under WORK_DIR/cache, keyed by the size and time of every
file involved (the libraries, the testers, the input files). Outputs of the
library under test stay in WORK_DIR/LABEL/ for reading.

Before running, the BLAS functions LAPACK and the testers need are compared
with what the library exports; missing ones are listed and nothing runs
(LAPACK is linked with BIND_NOW and cannot load without them).

Exit status: 0 passed, 1 a test failed or the wrong library answered, 2 the
harness could not run.
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blasdir  # noqa: E402

TESTER_DIR = os.path.join(blasdir.LIBDIR, "lapack")
EIG_INPUTS = ("nep", "sep", "se2", "svd", "{p}ec", "{p}ed", "{p}gg", "{p}gd", "{p}sb", "{p}sg", "{p}bb",
              "glm", "gqr", "gsv", "csd", "lse", "{p}bal", "{p}bak", "{p}gbal", "{p}gbak")
# The eig inputs that take seconds (on one core): left out of --suite quick.
EIG_SLOW = ("svd", "{p}ec", "sep", "se2", "{p}ed", "{p}sg")
# Bumped when the parsing below changes, so cached results are recomputed.
PARSER_VERSION = "3"


def runs_for(suite, precisions):
    """[(run id, tester, input file)] of a suite, longest first."""
    runs = []
    for p in precisions:
        if suite in ("full", "lin", "quick"):
            runs.append((f"{p}-lin", f"xlintst{p}", f"{p}test.in"))
            runs.append((f"{p}-rfp", f"xlintstrf{p}", f"{p}test_rfp.in"))
            if p == "d":
                runs.append(("ds-mixed", "xlintstds", "dstest.in"))
            if p == "z":
                runs.append(("zc-mixed", "xlintstzc", "zctest.in"))
        if suite in ("full", "eig", "quick"):
            for name in EIG_INPUTS:
                if suite == "quick" and name in EIG_SLOW:
                    continue
                inp = name.format(p=p)
                runs.append((f"{p}-eig-{inp}", f"xeigtst{p}", f"{inp}.in"))
    weight = {"svd": 0, "ec": 1, "lin": 2}
    return sorted(runs, key=lambda r: min((v for k, v in weight.items() if r[0].endswith(k)), default=9))


# ---- parsing ---------------------------------------------------------------

NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[EeDd][-+]?\d+|[-+]\d{2,3})?|\*{3,}"
TRAILING_NUMBER = re.compile(rf"({NUMBER})\s*$")
SUMMARY = re.compile(r"^\s*(?P<label>.*?):?\s+(?P<failed>\d+)\s+out of\s+(?P<total>\d+)\s+tests")
TESTS_RUN = re.compile(r"(\d+)\s+tests run\)")
# "*** Error(s) or Failure(s) while testing STFSM ***" heads detail lines.
BANNER = re.compile(r"^\*\*\*.*\*\*\*$")
DETAIL_WORDS = re.compile(r"test|result|ratio|Failure", re.IGNORECASE)


def normalise(line):
    return " ".join(line.split())


def parse_output(text):
    """What one tester's output says: tests run, failures, errors, completeness.

    failures maps a key (the summary's label and the detail line with its
    ratio left out) to the ratio; errors is the list of error lines."""
    tests_run = 0
    failures = {}
    errors = []
    pending = []
    threshold_seen = False
    for raw in text.splitlines():
        line = normalise(raw)
        if not line:
            continue
        m = TESTS_RUN.search(line)
        if m:
            tests_run += int(m.group(1))
        if "pass computational tests if test ratio is less than" in line:
            threshold_seen = True
            continue
        m = SUMMARY.match(line)
        if m:
            label = m.group("label").strip()
            tests_run += int(m.group("total"))
            if int(m.group("failed")) > 0:
                if not pending:
                    failures[f"{label} | (no detail line)"] = None
                for detail, ratio in pending:
                    failures[f"{label} | {detail}"] = ratio
            pending = []
            continue
        if "illegal" in line.lower() or " INFO" in f" {line}":
            errors.append(line)
            continue
        if ("passed" in line or "threshold" in line or not threshold_seen or BANNER.match(line)
                or not DETAIL_WORDS.search(line)):
            continue
        m = TRAILING_NUMBER.search(line)
        if m:
            pending.append((line[: m.start()].rstrip() + " #", m.group(1)))
    complete = "End of tests" in text
    return {"tests_run": tests_run, "failures": failures, "errors": errors, "complete": complete}


# ---- running ---------------------------------------------------------------


def run_one(lib, run, args, keep_dir, trace):
    """Runs one tester on its input over LIB; returns its parsed result."""
    run_id, tester, inp = run
    program = os.path.join(args.tester_dir, tester)
    input_path = os.path.join(args.tester_dir, inp)
    work = tempfile.mkdtemp(prefix=f"lapack-{run_id}.", dir=args.tmp)
    env = lib.env(args.threads)
    if trace:
        env["LD_DEBUG"] = "bindings"
        env["LD_DEBUG_OUTPUT"] = os.path.join(work, "ld-debug")
    start = time.monotonic()
    status = None
    maps = ""
    try:
        with open(input_path, "rb") as stdin, open(os.path.join(work, "out.txt"), "wb") as out:
            proc = subprocess.Popen([program], stdin=stdin, stdout=out, stderr=subprocess.STDOUT, cwd=work,
                                    env=env)
            if trace and run_id == args.maps_run:
                maps = read_maps_when_loaded(proc)
            try:
                status = proc.wait(timeout=args.timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                status = "timeout"
        seconds = time.monotonic() - start
        with open(os.path.join(work, "out.txt"), "rb") as f:
            text = f.read().decode("latin-1")
        result = parse_output(text)
        result.update({"run": run_id, "status": status, "seconds": round(seconds, 2)})
        if trace:
            traces = "".join(open(os.path.join(work, f), encoding="latin-1").read()
                             for f in os.listdir(work) if f.startswith("ld-debug"))
            problems, seen = lib.check_bindings(traces, args.blas_symbols, program)
            if seen == 0:
                problems.append("the loader's trace shows no BLAS symbol bound (LD_DEBUG ignored?)")
            result["binding_problems"] = problems[:5]
            if maps:
                result["maps_problems"] = lib.check_maps(maps)
        if keep_dir:
            os.makedirs(keep_dir, exist_ok=True)
            shutil.copyfile(os.path.join(work, "out.txt"), os.path.join(keep_dir, f"{run_id}.out"))
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def read_maps_when_loaded(proc):
    """/proc/PID/maps of a starting tester once its libraries are mapped."""
    path = f"/proc/{proc.pid}/maps"
    text = ""
    for _ in range(400):
        try:
            with open(path, encoding="latin-1") as f:
                text = f.read()
        except OSError:
            break
        if "liblapack" in text or "libblas" in text or proc.poll() is not None:
            # The loader maps all NEEDED objects before main (BIND_NOW): give
            # it a moment to finish the list.
            time.sleep(0.05)
            try:
                with open(path, encoding="latin-1") as f:
                    text = f.read()
            except OSError:
                pass
            break
        time.sleep(0.005)
    return text


def run_all(lib, runs, args, keep_dir=None, trace=False, cache=None):
    """Results of RUNS over LIB, {run id: result}; cached ones reused."""
    results = {}
    todo = []
    for run in runs:
        hit = cache.get(run) if cache else None
        if hit is not None:
            results[run[0]] = hit
        else:
            todo.append(run)
    if todo:
        print(f"  {lib.label}: {len(todo)} run(s) ({len(runs) - len(todo)} cached), {args.jobs} at a time ...",
              flush=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(run_one, lib, run, args, keep_dir, trace): run for run in todo}
        for fut in concurrent.futures.as_completed(futures):
            run = futures[fut]
            res = fut.result()
            results[run[0]] = res
            if cache and crashed(res) is None:
                cache.put(run, res)
    return results


class Cache:
    """Results of a library that is not under test, one JSON file per run."""

    def __init__(self, root, lib, args):
        self.dir = os.path.join(root, "cache", f"{lib.label}-{lib.fingerprint()}")
        self.args = args
        os.makedirs(self.dir, exist_ok=True)

    def _path(self, run):
        run_id, tester, inp = run
        h = hashlib.sha256(f"{PARSER_VERSION}:{self.args.threads}".encode())
        for path in (os.path.join(self.args.tester_dir, tester), os.path.join(self.args.tester_dir, inp)):
            st = os.stat(path)
            h.update(f"{path}:{st.st_size}:{st.st_mtime_ns};".encode())
        return os.path.join(self.dir, f"{run_id}-{h.hexdigest()[:12]}.json")

    def get(self, run):
        try:
            with open(self._path(run), encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def put(self, run, result):
        path = self._path(run)
        with open(path + ".new", "w", encoding="utf-8") as f:
            json.dump(result, f)
        os.replace(path + ".new", path)


# ---- judging ---------------------------------------------------------------


def crashed(res):
    """Why a run counts as a crash, or None."""
    if res["status"] == "timeout":
        return "timed out"
    if res["status"] != 0:
        st = res["status"]
        return f"killed by signal {-st}" if isinstance(st, int) and st < 0 else f"exit status {st}"
    if not res["complete"]:
        return "stopped before 'End of tests'"
    return None


def fail_keys(res):
    keys = dict(res["failures"])
    for line in res["errors"]:
        keys[f"error | {line}"] = None
    return keys


# Tests whose ratio moves by orders of magnitude when the test matrix moves
# by one ulp, so that any BLAS that does not round exactly as the reference
# does may cross the threshold on some seed; listed (with the ratio) rather
# than judged, up to a ceiling that a real defect would exceed. Each entry:
# (run ids, substrings that all appear in the failure line, ceiling, why).
FRAGILE = [
    (("d-eig-sep", "d-eig-se2"),
     ("DST drivers", "Matrix order= 20, type=10", "result 95"), 2000.0,
     "DSPEVX eigenvector orthogonality on 19 eigenvalues clustered at 1e-16: moving a third of "
     "the reference's own test matrix by +-1 ulp gives ratios up to 1696 (3000 trials), and "
     "Reference-LAPACK issue 1350 reports the same test over the reference BLAS at 75.3 "
     "(-march=native)"),
]


def fragile(run_id, key, ratio):
    """The reason a failure is a listed fragile case, or None."""
    for run_ids, parts, ceiling, why in FRAGILE:
        if run_id in run_ids and all(p in key for p in parts):
            try:
                if float(str(ratio).replace("D", "E")) <= ceiling:
                    return why
            except ValueError:
                return None
    return None


def judge(runs, mine, ref, peers_results):
    """(failures, known, reference_fails) for the library under test."""
    failures, known, also_ref = [], [], []
    for run_id, _, _ in runs:
        res, base = mine[run_id], ref[run_id]
        why = crashed(res)
        if why:
            failures.append(f"{run_id}: CRASH ({why})")
            continue
        # A tester prints "N tests run" only for paths that pass, so counts
        # are compared where nothing failed: fewer tests there were skipped.
        if crashed(base) is None and not fail_keys(res) and res["tests_run"] != base["tests_run"]:
            failures.append(f"{run_id}: {res['tests_run']} tests run, {base['tests_run']} over the reference")
        base_keys = fail_keys(base)
        for key, ratio in fail_keys(res).items():
            shown = key.replace(" #", f" {ratio}" if ratio else "")
            if key in base_keys:
                also_ref.append(f"{run_id}: {shown} (reference: {base_keys[key]})")
                continue
            peer_ratios = []
            for label, pres in peers_results.items():
                pkeys = fail_keys(pres[run_id]) if pres and run_id in pres else {}
                if key in pkeys:
                    peer_ratios.append(f"{label} {pkeys[key]}")
            if peers_results and len(peer_ratios) == len(peers_results):
                known.append(f"{run_id}: {key.replace(' #', '')} -- ratio {ratio}; " + ", ".join(peer_ratios))
            elif fragile(run_id, key, ratio):
                known.append(f"{run_id}: {shown} -- fragile: {fragile(run_id, key, ratio)}")
            else:
                failures.append(f"{run_id}: {shown}" + (f" (also {', '.join(peer_ratios)})" if peer_ratios else ""))
    return failures, known, also_ref


def grouped(items):
    """Failure lines grouped by run and summary label: count and first one."""
    groups = {}
    for item in items:
        run_id, _, rest = item.partition(": ")
        label = rest.split(" | ")[0] if " | " in rest else rest
        groups.setdefault((run_id, label), []).append(rest)
    lines = []
    for (run_id, label), members in groups.items():
        if len(members) == 1:
            lines.append(f"{run_id}: {members[0]}")
        else:
            lines.append(f"{run_id}: {label}: {len(members)} tests, first: {members[0].split(' | ')[-1]}")
    return lines


def totals(runs, results):
    """Per precision: tests run, tests over threshold, error lines, crashes."""
    rows = {}
    for run_id, _, _ in runs:
        res = results[run_id]
        prec = run_id.split("-")[0]
        path = "lin" if "-lin" in run_id or "-rfp" in run_id or "mixed" in run_id else "eig"
        row = rows.setdefault((prec, path), [0, 0, 0, 0, 0.0])
        row[0] += res["tests_run"]
        row[1] += len(res["failures"])
        row[2] += len(res["errors"])
        row[3] += 1 if crashed(res) else 0
        row[4] += res["seconds"]
    return rows


def print_totals(label, runs, results):
    print(f"  {label}:")
    print(f"    {'prec':<5}{'path':<5}{'tests run':>11}{'over thr.':>11}{'errors':>8}{'crashes':>9}{'secs':>8}")
    for (prec, path), row in sorted(totals(runs, results).items()):
        print(f"    {prec:<5}{path:<5}{row[0]:>11}{row[1]:>11}{row[2]:>8}{row[3]:>9}{row[4]:>8.1f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--blas-dir", required=True, help="folder holding the libblas.so.3 under test")
    ap.add_argument("--label", default="under-test", help="name of the library under test in the report")
    ap.add_argument("--suite", choices=("full", "lin", "eig", "quick"), default="full")
    ap.add_argument("--precisions", default="sdcz")
    ap.add_argument("--jobs", type=int, default=2, help="testers run at the same time")
    ap.add_argument("--threads", type=int, default=1, help="thread count given to every BLAS")
    ap.add_argument("--timeout", type=int, default=900, help="seconds per tester")
    ap.add_argument("--tester-dir", default=TESTER_DIR)
    ap.add_argument("--reference-dir", default=os.path.dirname(blasdir.REFERENCE_BLAS))
    ap.add_argument("--work-dir", default="target/clients/lapack")
    ap.add_argument("--peer", action="append", default=None, metavar="LABEL=DIR",
                    help="a BLAS whose shared failures make a failure known (default: OpenBLAS and BLIS)")
    ap.add_argument("--no-peers", action="store_true", help="every failure the reference passes is a failure")
    args = ap.parse_args()

    if any(p not in "sdcz" for p in args.precisions) or not args.precisions:
        blasdir.fail("--precisions takes letters among s, d, c, z")
    if not os.path.exists(os.path.join(args.tester_dir, "xlintstd")):
        blasdir.fail(f"no LAPACK testers in {args.tester_dir}: install Debian's liblapack-test")
    args.work_dir = os.path.abspath(args.work_dir)
    os.makedirs(args.work_dir, exist_ok=True)
    args.tmp = tempfile.mkdtemp(prefix="tmp.", dir=args.work_dir)
    try:
        return run(args)
    finally:
        shutil.rmtree(args.tmp, ignore_errors=True)


def run(args):
    runs = runs_for(args.suite, args.precisions)
    # /proc/PID/maps is read in one of the longest runs (a short one may end
    # before it is read).
    args.maps_run = runs[0][0]
    lib = blasdir.BlasDir(args.label, args.blas_dir, args.work_dir)
    ref = blasdir.BlasDir("reference", args.reference_dir, args.work_dir)
    print(f"lapack-test: {len(runs)} runs ({args.suite}, precisions {args.precisions}) over {lib.lib}")
    print(f"  reference LAPACK {lib.lapack}; {args.threads} thread(s); {args.jobs} testers at a time")

    # Can LAPACK and the testers load over this library at all?
    users = [lib.lapack, os.path.join(blasdir.LIBDIR, "libtmglib.so.3")]
    users += sorted({os.path.join(args.tester_dir, t) for _, t, _ in runs})
    missing = blasdir.missing_symbols(lib.lib, [u for u in users if os.path.exists(u)])
    if missing:
        shown = " ".join(missing[:12]) + (f" ... ({len(missing)} in all)" if len(missing) > 12 else "")
        print(f"lapack-test: FAIL: {lib.lib} lacks {len(missing)} BLAS function(s) LAPACK or its testers need: "
              f"{shown}")
        return 1
    args.blas_symbols = blasdir.blas_symbols(lib.lapack)

    same_as_reference = lib.lib == ref.lib
    ref_results = run_all(ref, runs, args, cache=Cache(args.work_dir, ref, args))
    keep = os.path.join(args.work_dir, args.label)
    shutil.rmtree(keep, ignore_errors=True)
    mine = run_all(lib, runs, args, keep_dir=keep, trace=True)

    # Did the library under test answer?
    wrong = []
    for run_id, _, _ in runs:
        for problem in mine[run_id].get("binding_problems", []) + mine[run_id].get("maps_problems", []):
            wrong.append(f"{run_id}: {problem}")
    if "maps_problems" not in mine[args.maps_run]:
        wrong.append(f"{args.maps_run}: could not read /proc/PID/maps")

    ref_bad = [r for r, _, _ in runs if crashed(ref_results[r])]
    failures, known, also_ref = judge(runs, mine, ref_results, {})
    peers_results = {}
    if failures and not args.no_peers and not same_as_reference:
        peers = args.peer if args.peer is not None else [f"OpenBLAS={blasdir.OPENBLAS_DIR}",
                                                         f"BLIS={blasdir.default_blis()}"]
        for spec in peers:
            label, _, folder = spec.partition("=")
            if not os.path.exists(os.path.join(folder, "libblas.so.3")):
                print(f"  peer {label}: no libblas.so.3 in {folder}; its failures cannot be compared")
                peers_results[label] = None
                continue
            # Only the runs with failures to explain are run over the peers.
            failing = {item.split(":")[0] for item in failures}
            peer = blasdir.BlasDir(label, folder, args.work_dir)
            peers_results[label] = run_all(peer, [r for r in runs if r[0] in failing], args,
                                           cache=Cache(args.work_dir, peer, args))
        failures, known, also_ref = judge(runs, mine, ref_results, peers_results)

    print_totals("reference BLAS", runs, ref_results)
    print_totals(f"{args.label} ({lib.lib})", runs, mine)
    for title, items in (("fail over the reference BLAS too", also_ref),
                         ("known: over the threshold over every peer too"
                          + (f" ({', '.join(peers_results)})" if peers_results else "")
                          + ", or a listed fragile test (FRAGILE)", known)):
        if items:
            print(f"  {len(items)} {title}:")
            for item in items:
                print(f"    {item}")
    if ref_bad:
        print(f"  warning: the reference crashed in {', '.join(ref_bad)}")
    if wrong:
        print(f"lapack-test: FAIL: the library under test did not answer ({len(wrong)} problem(s)):")
        for item in wrong[:20]:
            print(f"    {item}")
    if failures:
        print(f"lapack-test: FAIL: {len(failures)} failure(s) the reference BLAS passes "
              f"(outputs in {keep}):")
        for item in grouped(failures)[:60]:
            print(f"    {item}")
    if wrong or failures:
        return 1
    total = sum(mine[r]["tests_run"] for r, _, _ in runs)
    print(f"lapack-test: ok: {len(runs)} runs, {total} tests, as the reference BLAS"
          f"{f' ({len(known)} known case(s) listed)' if known else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
