# C: tests against liboxpar, header compile checks, valgrind and ASan, install.
.PHONY: c-test header-test c-sanitizers install install-check
c-test: lib-debug
	@echo "c-test: not written yet"
header-test:
	@echo "header-test: not written yet"
c-sanitizers: lib-debug
	@echo "c-sanitizers: not written yet"
install: lib-release
	@echo "install: not written yet"
install-check:
	@echo "install-check: not written yet"
