// The header included twice from C++17: the include guard must hold, and the
// declarations must be usable from C++ (extern "C", enums with int32_t,
// std::complex as the complex element types).
#include "oxpar.h"
#include "oxpar.h"

#include <complex>
#include <cstdint>
#include <type_traits>

static_assert(sizeof(oxpar_status) == sizeof(std::int32_t), "oxpar_status is 32 bits");
static_assert(std::is_same<std::underlying_type<oxpar_status>::type, std::int32_t>::value,
              "oxpar_status is an int32_t enum");
static_assert(OXPAR_STATUS_OK == 0, "OXPAR_STATUS_OK is 0");
static_assert(OXPAR_INDEX_NONE == SIZE_MAX, "OXPAR_INDEX_NONE is SIZE_MAX");
static_assert(OXPAR_TRANS_CONJ == 2, "OXPAR_TRANS_CONJ is 2");

// The complex element types are std::complex, laid out as two reals (the
// layout of C's float _Complex / double _Complex).
static_assert(std::is_same<oxpar_c32, std::complex<float>>::value, "oxpar_c32 is std::complex<float>");
static_assert(std::is_same<oxpar_c64, std::complex<double>>::value,
              "oxpar_c64 is std::complex<double>");
static_assert(sizeof(oxpar_c32) == 2 * sizeof(float) && alignof(oxpar_c32) == alignof(float),
              "oxpar_c32 is two floats");
static_assert(sizeof(oxpar_c64) == 2 * sizeof(double) && alignof(oxpar_c64) == alignof(double),
              "oxpar_c64 is two doubles");

int header_twice_status(const oxpar_context *ctx, const double *x, double *out);
int header_twice_complex(const oxpar_context *ctx, const std::complex<double> *x,
                         std::complex<double> *out);

int header_twice_status(const oxpar_context *ctx, const double *x, double *out) {
    oxpar_status st = oxpar_ddot(ctx, 1, x, 1, x, 1, out);
    return st == OXPAR_STATUS_OK ? 0 : static_cast<int>(st);
}

int header_twice_complex(const oxpar_context *ctx, const std::complex<double> *x,
                         std::complex<double> *out) {
    oxpar_status st = oxpar_zdotc(ctx, 1, x, 1, x, 1, out);
    return st == OXPAR_STATUS_OK ? 0 : static_cast<int>(st);
}
