// OXPAR_COMPLEX_STRUCT in C++: the struct spelling of the complex types
// (make header-test), with the layout of std::complex.
#include <complex>
#include <cstddef>

#include "oxpar.h"

static_assert(sizeof(oxpar_c32) == sizeof(std::complex<float>), "oxpar_c32 size");
static_assert(sizeof(oxpar_c64) == sizeof(std::complex<double>), "oxpar_c64 size");
static_assert(alignof(oxpar_c64) == alignof(std::complex<double>), "oxpar_c64 alignment");
static_assert(offsetof(oxpar_c64, im) == sizeof(double), "oxpar_c64 is re then im");
