# liboxpar_blas (crates/oxpar-blas): the drop-in BLAS/CBLAS, its SONAME
# libblas.so.3. Included by the top-level Makefile; run from the repository
# root. Everything built here goes under target/blas/ (ignored by git).
#
#   make blas-lib            cargo build --release -p oxpar-blas, then
#                            target/blas/lib: liboxpar_blas.so and the links
#                            libblas.so.3 and libblas.so (so `-L... -lblas`
#                            and loading by SONAME both find it)
#   make blas-test           blas-symbols, blas-testers, blas-programs and
#                            blas-install-check, all run even when one fails
#                            (the crate's Rust tests run in test-rust)
#   make blas-symbols        tests/blas/compare_symbols.sh: the symbols the
#                            reference libblas.so.3 exports and
#                            liboxpar_blas.so lacks; fails if any
#                            (BLAS_SYMBOLS_ARGS=--report only prints)
#   make blas-testers        netlib's BLAS and CBLAS testers (Debian's
#                            libblas-test) against target/blas/lib; one line
#                            per tester, output kept in target/blas/testers
#   make blas-programs       tests/blas: a program's own xerbla_, the default
#                            handlers, cblas_dgemm in both layouts, Fortran
#   make blas-bench          benches/blas_compare.c on oxpar, OpenBLAS and BLIS
#                            (same program, same thread count), with ratios
#   make blas-bench-level3   benches/level3_interleaved.c: trmm, trsm, syrk,
#                            syr2k and symm on OpenBLAS, BLIS and oxpar loaded
#                            into one process, runs interleaved; extra
#                            libraries (an older liboxpar_blas.so, for a
#                            before/after) in BLAS_BENCH_LIBS
#   make blas-bench-getrf    benches/getrf_shapes_interleaved.c: the BLAS
#                            calls of reference LAPACK's dgetrf (n = 2000)
#                            per category and shape, OpenBLAS vs oxpar (plus
#                            BLAS_BENCH_LIBS), interleaved in one process
#   make blas-bench-complex3 benches/level3_complex_interleaved.c: herk,
#                            syrk, her2k, syr2k, trmm and trsm (z, or c
#                            with --single) and zgemm as the ceiling on
#                            OpenBLAS and oxpar, interleaved; arguments in
#                            BLAS_BENCH_COMPLEX3_ARGS (--n N, --reps R,
#                            --single, --only herk,trsm), BLAS_BENCH_LIBS
#                            as above
#   make blas-bench-complex1 benches/level1_complex_interleaved.c: zdotc,
#                            zaxpy, cdotc, caxpy (and ddot, the ceiling) at
#                            n = 10^7 on OpenBLAS and oxpar, interleaved
#                            (BLAS_BENCH_LIBS as above)
#   make blas-bench-complex2 benches/level2_complex_interleaved.c: zgemv and
#                            cgemv (N and C, n = 2000; zhemv, ztrmv, ztrsv
#                            with BLAS_BENCH_COMPLEX2_ARGS=--structured) on
#                            OpenBLAS and oxpar, interleaved (BLAS_BENCH_LIBS
#                            as above)
#   make blas-install        liboxpar_blas under $(DESTDIR)$(libdir)/oxpar-blas
#                            and oxpar-blas.pc (PREFIX=/usr/local by default)
#   make blas-install-check  install into a temporary prefix, build a program
#                            through pkg-config and run it on the installed copy
#
# The testers exit 0 even when routines fail: tests/blas/run_testers.sh reads
# their output. BLAS_TEST_TIMEOUT (seconds per program, default 300) bounds a
# hang; BLAS_BENCH_THREADS (default: the CPUs this process may use) sets the
# thread count of every library in blas-bench; BLAS_BENCH_ARGS passes
# --quick, --reps R, --level2 (symv, trmv, trsv, syr, syr2) or --level3 (only
# the level-3 routines other than gemm); BLAS_BENCH_LEVEL3_ARGS passes --n N,
# --reps R or --complex (zgemm and cgemm) to blas-bench-level3.

.PHONY: blas-lib blas-test blas-testers blas-programs blas-symbols blas-bench blas-bench-level3 blas-bench-getrf blas-bench-complex1 blas-bench-complex2 blas-bench-complex3 blas-install blas-install-check

BLAS_TARGET := $(or $(CARGO_TARGET_DIR),target)
BLAS_BUILD := $(BLAS_TARGET)/blas
BLAS_LIB_DIR := $(BLAS_BUILD)/lib
BLAS_SO := $(BLAS_TARGET)/release/liboxpar_blas.so
BLAS_MULTIARCH := $(or $(shell $(CC) -print-multiarch 2>/dev/null),x86_64-linux-gnu)
# Debian's libblas-test: the testers, their input files and the reference
# libblas.so.3 (run_testers.sh counts the reference's PASS lines).
BLAS_TESTER_DIR ?= /usr/lib/$(BLAS_MULTIARCH)/blas
# TESTER:INPUT runs TESTER < INPUT.
BLAS_TESTERS := xblat1s xblat1d xblat1c xblat1z xblat2s:sblat2.in xblat2d:dblat2.in xblat2c:cblat2.in xblat2z:zblat2.in \
	xblat3s:sblat3.in xblat3d:dblat3.in xblat3c:cblat3.in xblat3z:zblat3.in \
	xscblat1 xdcblat1 xccblat1 xzcblat1 xscblat2:sin2 xdcblat2:din2 xccblat2:cin2 xzcblat2:zin2 \
	xscblat3:sin3 xdcblat3:din3 xccblat3:cin3 xzcblat3:zin3
BLAS_TEST_TIMEOUT ?= 300
BLAS_SYMBOLS_ARGS ?=
BLAS_BENCH_THREADS ?= $(shell nproc 2>/dev/null || echo 1)
BLAS_BENCH_ARGS ?=
BLAS_OPENBLAS_DIR ?= /usr/lib/$(BLAS_MULTIARCH)/openblas-pthread
# libblis-dev installs one of libblis4-openmp, -pthread, -serial.
BLAS_BLIS_DIR ?= $(patsubst %/,%,$(dir $(firstword $(wildcard \
	$(foreach f,openmp pthread serial,/usr/lib/$(BLAS_MULTIARCH)/blis-$(f)/libblas.so.3)))))
BLAS_BENCH_BIN := $(BLAS_BUILD)/bench/blas_compare

## liboxpar_blas.so (release) and target/blas/lib with its libblas.so.3 links.
# The copy is replaced by a rename, never rewritten in place, so programs
# still running on the old one are not disturbed.
blas-lib:
	$(CARGO) build --release -p oxpar-blas
	@mkdir -p $(BLAS_LIB_DIR)
	@if ! cmp -s $(BLAS_SO) $(BLAS_LIB_DIR)/liboxpar_blas.so; then \
		cp -f $(BLAS_SO) $(BLAS_LIB_DIR)/.liboxpar_blas.so.new && \
		mv -f $(BLAS_LIB_DIR)/.liboxpar_blas.so.new $(BLAS_LIB_DIR)/liboxpar_blas.so && \
		echo "blas-lib: $(BLAS_LIB_DIR)/liboxpar_blas.so updated"; \
	fi
	@ln -sfn liboxpar_blas.so $(BLAS_LIB_DIR)/libblas.so.3
	@ln -sfn libblas.so.3 $(BLAS_LIB_DIR)/libblas.so

## Every BLAS check; runs all four parts, then fails if any failed.
blas-test:
	@failed=""; \
	for t in blas-symbols blas-testers blas-programs blas-install-check; do \
		echo "=== $$t"; \
		$(MAKE) --no-print-directory $$t || failed="$$failed $$t"; \
	done; \
	if [ -n "$$failed" ]; then echo "blas-test: failed:$$failed"; exit 1; fi; \
	echo "blas-test: ok"

## netlib's testers against target/blas/lib (see tests/blas/run_testers.sh).
blas-testers: blas-lib
	@tests/blas/run_testers.sh --lib-dir $(BLAS_LIB_DIR) --tester-dir $(BLAS_TESTER_DIR) \
		--log-dir $(BLAS_BUILD)/testers --timeout $(BLAS_TEST_TIMEOUT) $(BLAS_TESTERS)

## The reference BLAS's symbols that liboxpar_blas lacks (see
## tests/blas/compare_symbols.sh).
blas-symbols: blas-lib
	@tests/blas/compare_symbols.sh --lib $(BLAS_LIB_DIR)/liboxpar_blas.so \
		--reference $(BLAS_TESTER_DIR)/libblas.so.3 $(BLAS_SYMBOLS_ARGS)

## The programs in tests/blas against target/blas/lib.
blas-programs: blas-lib
	@CC="$(CC)" FC="$(FORTRAN_FC)" tests/blas/run_programs.sh --lib-dir $(BLAS_LIB_DIR) \
		--build-dir $(BLAS_BUILD)/tests --timeout $(BLAS_TEST_TIMEOUT)

## benches/blas_compare.c, built once, on oxpar, OpenBLAS and BLIS.
# Linked against the system's -lblas (any BLAS: only the name libblas.so.3 is
# recorded); each run picks its library with LD_LIBRARY_PATH.
blas-bench: blas-lib
	@mkdir -p $(dir $(BLAS_BENCH_BIN))
	$(CC) -std=c99 -O2 -Wall -Wextra -Werror benches/blas_compare.c -o $(BLAS_BENCH_BIN) -lblas -lm
	$(PYTHON) benches/blas_compare.py --bin $(BLAS_BENCH_BIN) --threads $(BLAS_BENCH_THREADS) $(BLAS_BENCH_ARGS) \
		--oxpar $(BLAS_LIB_DIR) --openblas $(BLAS_OPENBLAS_DIR) --blis $(or $(BLAS_BLIS_DIR),none)

## benches/level3_interleaved.c: the libraries dlopen-ed into one process.
# Ratios are to the first library (OpenBLAS). OPENBLAS_CORETYPE passes through
# (where OpenBLAS does not recognise a virtual CPU it picks slow kernels).
blas-bench-level3: blas-lib
	@mkdir -p $(dir $(BLAS_BENCH_BIN))
	$(CC) -std=c99 -O2 -Wall -Wextra -Werror benches/level3_interleaved.c -o $(BLAS_BUILD)/bench/level3_interleaved -ldl -lm
	@export OXPAR_NUM_THREADS=$(BLAS_BENCH_THREADS) OPENBLAS_NUM_THREADS=$(BLAS_BENCH_THREADS) \
		BLIS_NUM_THREADS=$(BLAS_BENCH_THREADS) OMP_NUM_THREADS=$(BLAS_BENCH_THREADS); \
	$(BLAS_BUILD)/bench/level3_interleaved $(BLAS_BENCH_LEVEL3_ARGS) $(BLAS_OPENBLAS_DIR)/libblas.so.3 \
		$(if $(BLAS_BLIS_DIR),$(BLAS_BLIS_DIR)/libblas.so.3) $(BLAS_LIB_DIR)/liboxpar_blas.so $(BLAS_BENCH_LIBS)

## benches/getrf_shapes_interleaved.c: OpenBLAS first (time ratios above 1:
# oxpar slower); BLAS_BENCH_GETRF_ARGS passes --n, --reps, --cpu-time, --sweeps.
blas-bench-getrf: blas-lib
	@mkdir -p $(dir $(BLAS_BENCH_BIN))
	$(CC) -std=c99 -O2 -Wall -Wextra -Werror benches/getrf_shapes_interleaved.c -o $(BLAS_BUILD)/bench/getrf_shapes_interleaved -ldl -lm
	@export OXPAR_NUM_THREADS=$(BLAS_BENCH_THREADS) OPENBLAS_NUM_THREADS=$(BLAS_BENCH_THREADS) \
		OMP_NUM_THREADS=$(BLAS_BENCH_THREADS); \
	$(BLAS_BUILD)/bench/getrf_shapes_interleaved $(BLAS_BENCH_GETRF_ARGS) $(BLAS_OPENBLAS_DIR)/libblas.so.3 \
		$(BLAS_LIB_DIR)/liboxpar_blas.so $(BLAS_BENCH_LIBS)

## benches/level3_complex_interleaved.c: OpenBLAS first, then oxpar (ratios
# above 1: oxpar faster). OPENBLAS_CORETYPE passes through, as above.
blas-bench-complex3: blas-lib
	@mkdir -p $(dir $(BLAS_BENCH_BIN))
	$(CC) -std=c99 -O2 -Wall -Wextra -Werror benches/level3_complex_interleaved.c -o $(BLAS_BUILD)/bench/level3_complex_interleaved -ldl -lm
	@export OXPAR_NUM_THREADS=$(BLAS_BENCH_THREADS) OPENBLAS_NUM_THREADS=$(BLAS_BENCH_THREADS) \
		OMP_NUM_THREADS=$(BLAS_BENCH_THREADS); \
	$(BLAS_BUILD)/bench/level3_complex_interleaved $(BLAS_BENCH_COMPLEX3_ARGS) $(BLAS_OPENBLAS_DIR)/libblas.so.3 \
		$(BLAS_LIB_DIR)/liboxpar_blas.so $(BLAS_BENCH_LIBS)

## benches/level1_complex_interleaved.c: OpenBLAS first, then oxpar (ratios
# above 1: oxpar faster). OPENBLAS_CORETYPE passes through, as above.
blas-bench-complex1: blas-lib
	@mkdir -p $(dir $(BLAS_BENCH_BIN))
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror benches/level1_complex_interleaved.c -o $(BLAS_BUILD)/bench/level1_complex_interleaved -ldl -lm
	@export OXPAR_NUM_THREADS=$(BLAS_BENCH_THREADS) OPENBLAS_NUM_THREADS=$(BLAS_BENCH_THREADS) \
		OMP_NUM_THREADS=$(BLAS_BENCH_THREADS); \
	$(BLAS_BUILD)/bench/level1_complex_interleaved $(BLAS_OPENBLAS_DIR)/libblas.so.3 \
		$(BLAS_LIB_DIR)/liboxpar_blas.so $(BLAS_BENCH_LIBS)

## benches/level2_complex_interleaved.c: OpenBLAS first, then oxpar.
blas-bench-complex2: blas-lib
	@mkdir -p $(dir $(BLAS_BENCH_BIN))
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror benches/level2_complex_interleaved.c -o $(BLAS_BUILD)/bench/level2_complex_interleaved -ldl -lm
	@export OXPAR_NUM_THREADS=$(BLAS_BENCH_THREADS) OPENBLAS_NUM_THREADS=$(BLAS_BENCH_THREADS) \
		OMP_NUM_THREADS=$(BLAS_BENCH_THREADS); \
	$(BLAS_BUILD)/bench/level2_complex_interleaved $(BLAS_BENCH_COMPLEX2_ARGS) $(BLAS_OPENBLAS_DIR)/libblas.so.3 \
		$(BLAS_LIB_DIR)/liboxpar_blas.so $(BLAS_BENCH_LIBS)

# ---- install ------------------------------------------------------------
#
# $(libdir)/oxpar-blas/liboxpar_blas.so     the library (SONAME libblas.so.3)
# $(libdir)/oxpar-blas/libblas.so.3         -> liboxpar_blas.so: for
#                                           LD_LIBRARY_PATH, rpath or
#                                           update-alternatives
# $(libdir)/oxpar-blas/libblas.so           -> libblas.so.3 (-lblas)
# $(libdir)/liboxpar_blas.so                a GNU ld script naming the file
#                                           above, so -loxpar_blas links it
# $(pkgconfigdir)/oxpar-blas.pc
#
# Nothing with the SONAME libblas.so.3 is put in $(libdir) itself: ldconfig
# creates a link named after the SONAME next to every library in the folders
# it scans (/usr/local/lib among them), and $(libdir)/libblas.so.3 would then
# replace the system BLAS for every program.
BLAS_SUBDIR := oxpar-blas
BLAS_PC_LIBDIR := $(patsubst $(PREFIX)/%,$${prefix}/%,$(libdir))

## Installs liboxpar_blas and oxpar-blas.pc under $(DESTDIR)$(PREFIX).
blas-install: blas-lib
	@test -n "$(OXPAR_VERSION)" || { echo "error: no OXPAR_VERSION_STRING in include/oxpar.h"; exit 1; }
	install -d "$(DESTDIR)$(libdir)/$(BLAS_SUBDIR)" "$(DESTDIR)$(pkgconfigdir)"
	install -m 0755 $(BLAS_SO) "$(DESTDIR)$(libdir)/$(BLAS_SUBDIR)/liboxpar_blas.so"
	ln -sfn liboxpar_blas.so "$(DESTDIR)$(libdir)/$(BLAS_SUBDIR)/libblas.so.3"
	ln -sfn libblas.so.3 "$(DESTDIR)$(libdir)/$(BLAS_SUBDIR)/libblas.so"
	printf '/* GNU ld script: liboxpar_blas lives in $(BLAS_SUBDIR)/ (its SONAME is libblas.so.3). */\nINPUT(%s)\n' \
		"$(libdir)/$(BLAS_SUBDIR)/liboxpar_blas.so" > "$(DESTDIR)$(libdir)/liboxpar_blas.so"
	sed -e '/^#/d' -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(BLAS_PC_LIBDIR)|g' \
		-e 's|@VERSION@|$(OXPAR_VERSION)|g' -e 's|@BLAS_SUBDIR@|$(BLAS_SUBDIR)|g' pkgconfig/oxpar-blas.pc.in \
		> "$(DESTDIR)$(pkgconfigdir)/oxpar-blas.pc"

## Installs into a temporary prefix; builds tests/blas/fortran_blas.f90 and
## tests/blas/cblas_layouts.c through pkg-config and runs them on the
## installed copy; checks a DESTDIR install and that ldconfig would not make
## a libblas.so.3 in $(libdir).
blas-install-check:
	@CC="$(CC)" FC="$(FORTRAN_FC)" MAKE="$(MAKE)" tests/blas/install_check.sh
