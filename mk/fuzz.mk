# The C ABI's random-argument driver (tests/fuzz/capi_fuzz.c), built with
# AddressSanitizer + UBSan against the debug liboxpar. Included by the
# top-level Makefile; run from the repository root.
#
#   make fuzz-capi    a brief seeded run (FUZZ_SECONDS, default 30), in make test
#   make fuzz-long    a long run: FUZZ_SECONDS=600 by default; FUZZ_ITERS=N
#                     also stops it after N iterations; FUZZ_SEED=S picks
#                     another sequence (a failure prints its seed and
#                     iteration: rerun with the same seed to replay it)
#
# FUZZ_ARGS=--skip-known-bugs stops generating the inputs of the bugs listed
# at the top of tests/fuzz/capi_fuzz.c (found there, not fixed yet).

.PHONY: fuzz-capi fuzz-long

FUZZ_BIN := $(C_BUILD)/capi_fuzz
FUZZ_SEED ?= 1
FUZZ_SECONDS ?= 30
FUZZ_ITERS ?= 0
FUZZ_ARGS ?=
# As c-asan: LeakSanitizer with PoCL's one-off allocations suppressed (a spec
# such as "opencl:9:9" loads the OpenCL driver); MPI specs are not fuzzed.
FUZZ_ENV := RUST_BACKTRACE=0 POCL_CACHE_DIR=$(CURDIR)/$(C_POCL_CACHE) \
	ASAN_OPTIONS=$(C_ASAN_OPTIONS) \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/c/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

$(FUZZ_BIN): tests/fuzz/capi_fuzz.c include/oxpar.h lib-debug
	@mkdir -p $(@D) $(C_POCL_CACHE)
	$(CC) $(C_TEST_CFLAGS) $(C_SAN_FLAGS) tests/fuzz/capi_fuzz.c -o $@ $(C_DEBUG_LIBS)

## A brief seeded run of the C ABI fuzz driver under ASan and UBSan.
fuzz-capi: $(FUZZ_BIN)
	$(FUZZ_ENV) ./$(FUZZ_BIN) --seed $(FUZZ_SEED) --seconds $(FUZZ_SECONDS) --iters $(FUZZ_ITERS) $(FUZZ_ARGS)

## The same, for as long as asked (FUZZ_SECONDS=600 or FUZZ_ITERS=N).
fuzz-long: FUZZ_SECONDS = 600
fuzz-long: $(FUZZ_BIN)
	$(FUZZ_ENV) ./$(FUZZ_BIN) --seed $(FUZZ_SEED) --seconds $(FUZZ_SECONDS) --iters $(FUZZ_ITERS) $(FUZZ_ARGS)
