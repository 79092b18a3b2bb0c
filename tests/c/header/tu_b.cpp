// The second translation unit of the two-TU header test (see tu_a.cpp).
#include "oxpar.h"

#include <cstdint>

const char *version_from_b();
std::uint32_t abi_from_b();

const char *version_from_b() {
    return oxpar_version();
}

std::uint32_t abi_from_b() {
    return oxpar_abi_version();
}
