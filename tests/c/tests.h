/* The test groups of the C test program (run in this order by main.c). */
#ifndef OXPAR_TESTS_H
#define OXPAR_TESTS_H

#include <stddef.h>

void test_version_and_status(void);
void test_contexts(void);
void test_omp_num_threads_and_info(void);
void test_last_error_per_thread(void);
void test_fork(void);
void test_blas(void);
void test_blas_bad_input(void);
void test_structured(void);
void test_banded(void);
void test_parallel_for(void);
void test_parallel_reduce(void);
void test_loops_bad_input(void);
void test_parallel_for_extremes(void);
void test_opencl(void);
void test_farm(void);
void test_reproducible(void);
void test_complex(void);
void test_lapack(void);
void test_inverse(void);
void test_qr(void);
void test_svd(void);
void test_eigh(void);

/* malloc that aborts the tests when memory runs out. */
void *xmalloc(size_t bytes);

#endif /* OXPAR_TESTS_H */
