"""Unit tests of the harnesses' parsing and judging, on canned tester output
and loader traces (run by `make clients-selftest` with pytest)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import blasdir  # noqa: E402
import lapack_tests  # noqa: E402

HEADER = " Routines pass computational tests if test ratio is less than   30.00\n\n"

RFP_FAIL = HEADER + """\
 All tests for the RFP conversion routines passed (    72 tests run)

  *** Error(s) or Failure(s) while testing STFSM               ***
      Failure in STFSM, CFORM='T', SIDE='L', UPLO='U', TRANS='T', DIAG='N', M= 50, N = 50, test=  41.422
  STFSM auxiliary routine:     1 out of  7776 tests failed to pass the threshold
 All tests for SSFRK auxiliary routine passed the threshold (  2592 tests run)

 End of tests
"""

EIG_FAIL = """\
 Routines pass computational tests if test ratio is less than   20.00

 Tests performed with test threshold =   20.00
 Matrix order=   20, type=10, seed=4039, 533,1333, 297, result  95 is  277.64
 DST drivers:      1 out of  13464 tests failed to pass the threshold
 *** DGETRF returned with INFO = 3 instead of 0
 End of tests
"""


def result(text, status=0):
    res = lapack_tests.parse_output(text)
    res.update({"run": "x", "status": status, "seconds": 0.0})
    return res


def test_parse_rfp_failure():
    res = lapack_tests.parse_output(RFP_FAIL)
    assert res["complete"]
    assert res["tests_run"] == 72 + 7776 + 2592
    assert list(res["failures"].values()) == ["41.422"]
    (key,) = res["failures"]
    assert key.startswith("STFSM auxiliary routine | Failure in STFSM, CFORM='T'")
    assert key.endswith("test= #")


def test_parse_eig_failure_and_info_error():
    res = lapack_tests.parse_output(EIG_FAIL)
    assert list(res["failures"].values()) == ["277.64"]
    assert "threshold" not in next(iter(res["failures"]))
    assert res["errors"] == ["*** DGETRF returned with INFO = 3 instead of 0"]


def test_judge_known_new_and_crash():
    runs = [("s-rfp", "xlintstrfs", "stest_rfp.in")]
    clean = result(RFP_FAIL.replace("1 out of  7776 tests failed to pass the threshold", "x"))
    mine = {"s-rfp": result(RFP_FAIL.replace("41.422", "48.6"))}
    ref = {"s-rfp": clean}
    # The reference passes, both peers fail the same test: known.
    peers = {"OpenBLAS": {"s-rfp": result(RFP_FAIL)}, "BLIS": {"s-rfp": result(RFP_FAIL.replace("41.422", "33.5"))}}
    failures, known, _ = lapack_tests.judge(runs, mine, ref, peers)
    assert failures == [] and len(known) == 1 and "48.6" in known[0] and "33.5" in known[0]
    # Only one peer fails it: a failure.
    peers["BLIS"] = {"s-rfp": clean}
    failures, known, _ = lapack_tests.judge(runs, mine, ref, peers)
    assert len(failures) == 1 and known == []
    # A crash is a failure whatever the peers do.
    crashed = {"s-rfp": result(RFP_FAIL.replace("End of tests", ""), status=-11)}
    failures, _, _ = lapack_tests.judge(runs, crashed, ref, peers)
    assert failures and "CRASH" in failures[0] and "signal 11" in failures[0]


def test_bindings_must_go_to_the_library_under_test(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    os.symlink(blasdir.REFERENCE_BLAS, folder / "libblas.so.3")
    lib = blasdir.BlasDir("t", str(folder), str(tmp_path))
    lapack = blasdir.REFERENCE_LAPACK
    good = f"binding file {lapack} [0] to {lib.links}/libblas.so.3 [0]: normal symbol `dgemm_'\n"
    bad = f"binding file {lapack} [0] to /somewhere/else/libopenblas.so.0 [0]: normal symbol `dtrsm_' [GLIBC]\n"
    other = f"binding file {lapack} [0] to /lib/libc.so.6 [0]: normal symbol `memcpy'\n"
    problems, seen = lib.check_bindings(good + other, {"dgemm_", "dtrsm_"}, "/bin/true")
    assert problems == [] and seen == 1
    problems, seen = lib.check_bindings(good + bad, {"dgemm_", "dtrsm_"}, "/bin/true")
    assert seen == 2 and len(problems) == 1 and "dtrsm_" in problems[0]


def test_maps_must_hold_the_library_and_no_other_blas(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    os.symlink(blasdir.REFERENCE_BLAS, folder / "libblas.so.3")
    lib = blasdir.BlasDir("t", str(folder), str(tmp_path))
    line = "7f0000000000-7f0000001000 r-xp 00000000 08:01 1234 {}\n"
    good = line.format(lib.lib) + line.format(lib.lapack)
    assert lib.check_maps(good) == []
    assert any("another BLAS" in p for p in lib.check_maps(good + line.format("/usr/lib/libopenblas.so.0")))
    assert any("is not loaded" in p for p in lib.check_maps(line.format(lib.lapack)))


def test_fragile_cases_are_narrow_and_capped():
    key = "DST drivers | Matrix order= 20, type=10, seed=4039, 533,1333, 297, result 95 is #"
    assert lapack_tests.fragile("d-eig-sep", key, "277.64")
    assert lapack_tests.fragile("d-eig-se2", key, "277.64")
    # Above the ceiling a real defect is suspected: judged as a failure.
    assert lapack_tests.fragile("d-eig-sep", key, "5000.0") is None
    # Another precision, test path, order, type or result: judged.
    assert lapack_tests.fragile("s-eig-sep", key, "277.64") is None
    assert lapack_tests.fragile("d-eig-sep", key.replace("result 95", "result 94"), "277.64") is None
    assert lapack_tests.fragile("d-eig-sep", key.replace("order= 20", "order= 21"), "277.64") is None
    assert lapack_tests.fragile("d-eig-sep", key.replace("type=10", "type= 9"), "277.64") is None
