# Fortran: modules, tests and example against liboxpar.
.PHONY: fortran-test
fortran-test: lib-debug
	@echo "fortran-test: not written yet"
