# Reproducible mode (issue 9): the benchmark. Included by the top-level
# Makefile after mk/c.mk (it uses C_BUILD, C_WARN and the C_*_LIBS link
# lines); run from the repository root. Everything built here goes under
# target/c/ (ignored by git).
#
#   make repro-bench     benches/repro_dot.c against target/release:
#                        reproducible oxpar_ddot vs ordinary oxpar_ddot vs
#                        OpenBLAS cblas_ddot (dlopen'ed libopenblas.so.0) at
#                        n = 10^3, 4096, 10^5, 10^7 on 1 and 2 threads, in
#                        microseconds with ratios, and whether each one's
#                        results on 1 and 2 threads have the same bits
#
# REPRO_BENCH_PROFILE=debug builds against target/debug instead (make
# lib-debug; timings then mean little). REPRO_BENCH_ARGS passes --quick or
# --batches K.

.PHONY: repro-bench

REPRO_BENCH_PROFILE ?= release
REPRO_BENCH_ARGS ?=
REPRO_BENCH_BIN := $(C_BUILD)/repro_dot
REPRO_BENCH_LIBS := $(if $(filter debug,$(REPRO_BENCH_PROFILE)),$(C_DEBUG_LIBS),$(C_RELEASE_LIBS)) -ldl

## Reproducible ddot vs ordinary ddot vs OpenBLAS, 1 and 2 threads (a few seconds).
repro-bench: lib-$(REPRO_BENCH_PROFILE)
	@mkdir -p $(C_BUILD)
	$(CC) -std=c99 $(C_WARN) -O2 -Iinclude benches/repro_dot.c -o $(REPRO_BENCH_BIN) $(REPRO_BENCH_LIBS)
	./$(REPRO_BENCH_BIN) $(REPRO_BENCH_ARGS)
