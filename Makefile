# oxpar: `make demo` and `make test` set up everything they need on a fresh
# Debian machine (as root, or with sudo available) and then run.

CARGO ?= cargo
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the build and tests need (a C compiler and pkg-config for
# the benches' OpenMP peer; more arrive with the C ABI, OpenCL and MPI).
APT_PACKAGES := build-essential pkg-config gfortran valgrind libopenmpi-dev openmpi-bin libclang-dev \
	libblas-test libopenblas-dev libblis-dev python3-venv \
	liblapack3 liblapack-test python3-numpy python3-scipy python3-pytest python3-hypothesis
PIP_PACKAGES := numpy scipy threadpoolctl

.PHONY: all demo test check deps check-rust fmt-check clippy clippy-all doc-check test-rust test-unit \
	examples bench compare clean gen gen-check lib-debug lib-release

# Where `make install` puts things.
PREFIX ?= /usr/local

all: test

## Installs what is missing (Debian packages; Rust must already be there).
deps: check-rust
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@rustup component list --installed 2>/dev/null | grep -q rustfmt || rustup component add rustfmt clippy 2>/dev/null || true

# The minimum Rust version, read from the workspace's Cargo.toml.
RUST_MIN := $(shell sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml)

check-rust:
	@command -v $(CARGO) >/dev/null || { echo "error: cargo not found. Install Rust $(RUST_MIN) or newer (https://rustup.rs) and re-run."; exit 1; }

## Builds in release mode, shows what oxpar sees on this machine, runs a short benchmark.
demo: deps
	$(CARGO) build --release -p oxpar-cli --features opencl
	./target/release/oxpar info
	./target/release/oxpar bench --kernels dot,axpy,nrm2 --sizes 100000,10000000 --dtype f64
	./target/release/oxpar bench --kernels gemv,gemm --sizes 256,1024
	$(CARGO) run --release -q -p oxpar-examples --bin ndarray_gemm
	$(CARGO) run --release -q -p oxpar-examples --bin threads_only

## Every test suite in the repository, formatting and lints included.
test: deps fmt-check clippy doc-check gen-check test-rust examples c-test header-test fortran-test c-sanitizers install-check \
	fuzz-capi python-test python-wheel-check python-typecheck opencl-test mpi-test farm-test blas-test \
	clients-selftest clients-test

## The everyday fast tier (a few minutes with a warm cache): formatting,
## clippy with every feature, the generated files, the Rust unit tests and
## the C tests. `make test` runs every suite.
check: fmt-check clippy-all gen-check test-unit c-test

## Regenerates include/oxpar.h and the Fortran raw interfaces.
gen:
	$(CARGO) run -q -p xtask -- gen

## Fails when a committed generated file is stale.
gen-check:
	$(CARGO) run -q -p xtask -- check

## liboxpar (shared and static), debug and release.
# liboxpar.so carries the SONAME liboxpar.so.<ABI> (crates/oxpar-cdylib/build.rs),
# which programs linked against it look for at run time: a link of that name
# next to cargo's liboxpar.so lets the programs built in the tree run in place.
OXPAR_TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
define oxpar_soname_link
	@so=$(OXPAR_TARGET_DIR)/$(1)/liboxpar.so; \
	soname=$$(readelf -d $$so | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p'); \
	test -n "$$soname" || { echo "error: $$so has no SONAME"; exit 1; }; \
	ln -sfn liboxpar.so $(OXPAR_TARGET_DIR)/$(1)/$$soname
endef
lib-debug:
	$(CARGO) build -q -p oxpar-cdylib --features opencl,mpi
	$(call oxpar_soname_link,debug)
lib-release:
	$(CARGO) build -q --release -p oxpar-cdylib --features opencl,mpi
	$(call oxpar_soname_link,release)

fmt-check:
	$(CARGO) fmt --all -- --check

clippy: clippy-all
	$(CARGO) clippy --workspace --all-targets -- -D warnings

## Clippy with the optional backends (MPI, OpenCL) compiled in.
clippy-all:
	$(CARGO) clippy --workspace --all-targets --features oxpar-capi/opencl,oxpar-capi/mpi,oxpar-cli/opencl,oxpar-cli/mpi,oxpar-examples/mpi,oxpar-benches/mpi -- -D warnings

# The API documentation of every crate, with rustdoc's warnings (broken
# intra-doc links among them) as errors: without and with the optional
# backends (the features clippy's second run enables). The front pages'
# examples run as doctests in test-rust.
DOC_CHECK_FEATURES := oxpar-capi/opencl,oxpar-capi/mpi,oxpar-cli/opencl,oxpar-cli/mpi,oxpar-examples/mpi,oxpar-benches/mpi
doc-check:
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc -q --workspace --no-deps
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc -q --workspace --no-deps --features $(DOC_CHECK_FEATURES)

# The OpenCL crate's tests run in opencl-test (PoCL, with its kernel cache in a temp folder).
test-rust:
	$(CARGO) test --workspace --exclude oxpar-opencl

# The unit tests inside the crates (no integration suites, no doctests).
test-unit:
	$(CARGO) test -q --workspace --exclude oxpar-opencl --lib --bins

examples:
	$(CARGO) run -q -p oxpar-examples --bin ndarray_gemm
	$(CARGO) run -q -p oxpar-examples --bin threads_only
	$(CARGO) run -q -p oxpar-examples --bin reproducible_dot

## Criterion benchmarks of every kernel (minutes).
bench: deps
	$(CARGO) bench -p oxpar-benches

## Side-by-side with NumPy/OpenBLAS and OpenMP; prints ratios oxpar/peer.
compare: deps
	@$(PYTHON) -c "import numpy, scipy, threadpoolctl" 2>/dev/null || $(PYTHON) -m pip install -q $(PIP_PACKAGES)
	$(CARGO) build --release -p oxpar-cli
	$(PYTHON) benches/compare.py

clean:
	$(CARGO) clean

# C tests, header checks, sanitizers and install (mk/c.mk); Fortran (mk/fortran.mk).
include mk/c.mk
include mk/fuzz.mk
include mk/fortran.mk
include mk/python.mk
include mk/opencl.mk
include mk/mpi.mk
include mk/farm.mk
include mk/blas.mk
include mk/clients.mk
include mk/repro.mk
