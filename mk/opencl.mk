# OpenCL backend (crates/oxpar-opencl). Its tests run on PoCL, the CPU OpenCL
# driver, so they need no GPU; on a machine with no OpenCL driver they skip.
.PHONY: opencl-deps opencl-test opencl-info opencl-bench

CARGO ?= cargo
OPENCL_APT_PACKAGES := pocl-opencl-icd ocl-icd-opencl-dev clinfo
# The crate is a workspace member, so `cargo test --workspace` and
# `cargo clippy --workspace` build (and link) it too: `make deps` installs the
# OpenCL loader and PoCL along with the rest.
APT_PACKAGES += $(OPENCL_APT_PACKAGES)

## Installs the OpenCL loader, headers and PoCL when missing (Debian).
opencl-deps:
	@missing=""; for p in $(OPENCL_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

## The OpenCL backend's tests (conformance suite included) on PoCL, with
## PoCL's kernel cache in a temporary folder.
opencl-test: opencl-deps
	@cache=$$(mktemp -d) && trap 'rm -rf "$$cache"' EXIT && \
		echo "POCL_CACHE_DIR=$$cache $(CARGO) test -p oxpar-opencl" && \
		POCL_CACHE_DIR="$$cache" $(CARGO) test -p oxpar-opencl && \
		POCL_CACHE_DIR="$$cache" $(CARGO) test -p oxpar-cli --features opencl --test cli

## The OpenCL platforms and devices this machine has.
opencl-info: opencl-deps
	clinfo -l

## sgemm n=1024 on the default OpenCL device against the threads backend.
opencl-bench: opencl-deps
	@cache=$$(mktemp -d) && trap 'rm -rf "$$cache"' EXIT && \
		POCL_CACHE_DIR="$$cache" $(CARGO) run -q --release -p oxpar-opencl --example sgemm -- 1024
