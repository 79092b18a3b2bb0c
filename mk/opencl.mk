# OpenCL backend (crates/oxpar-opencl). Its tests run on PoCL, the CPU OpenCL
# driver, so they need no GPU; on a machine with no OpenCL driver they skip.
.PHONY: opencl-deps opencl-test opencl-info opencl-bench opencl-compare

CARGO ?= cargo
OPENCL_APT_PACKAGES := pocl-opencl-icd ocl-icd-opencl-dev clinfo
# The crate is a workspace member, so `cargo test --workspace` and
# `cargo clippy --workspace` build (and link) it too: `make deps` installs the
# OpenCL loader and PoCL along with the rest.
APT_PACKAGES += $(OPENCL_APT_PACKAGES)
# CLBlast, the peer of `make opencl-compare` only (not part of `make deps`).
OPENCL_COMPARE_APT_PACKAGES := libclblast-dev

## Installs the OpenCL loader, headers and PoCL when missing (Debian).
opencl-deps:
	@missing=""; for p in $(OPENCL_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

## The OpenCL backend's tests (conformance suite included) on PoCL, with
## PoCL's kernel cache in a temporary folder; the gemm tests run again with
## OXPAR_OPENCL_GEMM=gpu so that the kernels a GPU would use (complex
## included) run here too.
opencl-test: opencl-deps
	@cache=$$(mktemp -d) && trap 'rm -rf "$$cache"' EXIT && \
		echo "POCL_CACHE_DIR=$$cache $(CARGO) test -p oxpar-opencl" && \
		POCL_CACHE_DIR="$$cache" $(CARGO) test -p oxpar-opencl && \
		echo "OXPAR_OPENCL_GEMM=gpu: the GPU gemm kernels on PoCL (the factorization and eigh suites ran above)" && \
		OXPAR_OPENCL_GEMM=gpu POCL_CACHE_DIR="$$cache" $(CARGO) test -p oxpar-opencl --test device --test conformance --test gemm_layouts --test complex \
			-- --skip factor:: --skip eigh:: && \
		POCL_CACHE_DIR="$$cache" $(CARGO) test -p oxpar-cli --features opencl --test cli

## The OpenCL platforms and devices this machine has.
opencl-info: opencl-deps
	clinfo -l

## sgemm, cgemm and zgemm n=1024 on the default OpenCL device against the
## threads backend.
opencl-bench: opencl-deps
	@cache=$$(mktemp -d) && trap 'rm -rf "$$cache"' EXIT && \
		POCL_CACHE_DIR="$$cache" $(CARGO) run -q --release -p oxpar-opencl --example sgemm -- 1024 && \
		POCL_CACHE_DIR="$$cache" $(CARGO) run -q --release -p oxpar-opencl --example cgemm -- 1024

## oxpar-opencl against its peers on the default OpenCL device
## (benches/compare_opencl.py): sgemm vs CLBlast, saxpy resident vs with
## transfers, kernel launch overhead vs PyOpenCL (skipped if it will not
## install); from Python (the package installed first), the element-wise
## built-ins vs one-line user kernels and PyOpenCL, and allocation, upload
## and download vs PyOpenCL. QUICK=1 leaves out sgemm n=2048 and runs fewer
## rounds; OXPAR_OPENCL_DEVICE picks the device.
opencl-compare: opencl-deps python-install
	@missing=""; for p in $(OPENCL_COMPARE_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@$(PYTHON) -c "import pyopencl" 2>/dev/null || $(PYTHON) -m pip install -q pyopencl || \
		echo "pyopencl did not install: launch overhead is compared with nothing"
	$(CARGO) build -q --release -p oxpar-opencl --example compare
	$(PYTHON) benches/compare_opencl.py $(if $(QUICK),--quick)
