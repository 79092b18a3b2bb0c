// Two C++ translation units that both include oxpar.h, linked into one
// program with liboxpar (make header-test): no duplicate definitions, and the
// same library seen from both.
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "oxpar.h"

const char *version_from_b();
std::uint32_t abi_from_b();

int main() {
    const char *a = oxpar_version();
    const char *b = version_from_b();
    if (std::strcmp(a, OXPAR_VERSION_STRING) != 0 || std::strcmp(a, b) != 0 ||
        abi_from_b() != oxpar_abi_version()) {
        std::printf("header-test: two C++ translation units disagree (%s, %s)\n", a, b);
        return 1;
    }
    std::printf("header-test: two C++ translation units see oxpar %s, ABI %u\n", a,
                static_cast<unsigned>(oxpar_abi_version()));
    return 0;
}
