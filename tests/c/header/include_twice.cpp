// The header included twice from C++17: the include guard must hold, and the
// declarations must be usable from C++ (extern "C", enums with int32_t).
#include "oxpar.h"
#include "oxpar.h"

#include <cstdint>
#include <type_traits>

static_assert(sizeof(oxpar_status) == sizeof(std::int32_t), "oxpar_status is 32 bits");
static_assert(std::is_same<std::underlying_type<oxpar_status>::type, std::int32_t>::value,
              "oxpar_status is an int32_t enum");
static_assert(OXPAR_STATUS_OK == 0, "OXPAR_STATUS_OK is 0");
static_assert(OXPAR_INDEX_NONE == SIZE_MAX, "OXPAR_INDEX_NONE is SIZE_MAX");

int header_twice_status(const oxpar_context *ctx, const double *x, double *out);

int header_twice_status(const oxpar_context *ctx, const double *x, double *out) {
    oxpar_status st = oxpar_ddot(ctx, 1, x, 1, x, 1, out);
    return st == OXPAR_STATUS_OK ? 0 : static_cast<int>(st);
}
