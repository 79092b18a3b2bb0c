/* oxpar built-in kernels: exact reductions, the device half of reproducible
 * mode (oxpar_core::exact::ExactSum holds the method and its references).
 *
 * Each work-item adds its elements (or products) into a private long
 * accumulator, exactly, with integer arithmetic only: an element's bits are
 * read as an unsigned integer and split into sign, exponent and integer
 * significand; significands are multiplied as integers (f32: 24 x 24 bits in
 * a ulong; f64: 53 x 53 bits, the high half from mul_hi); the exact product
 * is shifted to its bit position and added to (or subtracted from) 32-bit
 * digits held in `long` limbs. No floating-point operation touches the data,
 * so the result does not depend on how the device rounds, flushes
 * subnormals or contracts.
 *
 * The host passes the layout with -D options (one source of truth, in Rust):
 *   OXPAR_EXACT_LOW_BIT  weight of bit 0 of limb 0 of the full accumulator
 *                        (ExactSum's LOW_BIT, -2176): limb i weighs
 *                        2^(32 i + OXPAR_EXACT_LOW_BIT);
 *   OXPAR_EXACT_LO       the first full-layout limb the kernel keeps (0 for
 *                        f64; f32 products only reach limbs 58 and up);
 *   OXPAR_EXACT_LIMBS    how many limbs it keeps (its window).
 * The window's top limb is signed and absorbs everything above it.
 *
 * Each work-group writes OXPAR_EXACT_LIMBS + 3 longs: its limbs, then its
 * counts of NaN, +inf and -inf (the layout of ExactSum::to_words restricted
 * to the window). Limbs of one work-item are normalized (digits in
 * 0..2^32) before the group adds them, so a group word stays below
 * 2^32 * (work-group size) in magnitude; the host adds the groups. */

#define OXPAR_EXACT_WORDS (OXPAR_EXACT_LIMBS + 3)
#define OXPAR_EXACT_NAN (OXPAR_EXACT_LIMBS)
#define OXPAR_EXACT_PINF (OXPAR_EXACT_LIMBS + 1)
#define OXPAR_EXACT_NINF (OXPAR_EXACT_LIMBS + 2)

/* Elements a work-item adds between carry passes: each changes a limb by
 * less than 2^32, so limbs stay far below 2^62 in magnitude. */
#define OXPAR_EXACT_CARRY_EVERY (1L << 20)

/* The reductions, as oxpar_core::exact::Reduction (the host passes these). */
#define OXPAR_RED_SUM 0
#define OXPAR_RED_ASUM 1
#define OXPAR_RED_DOT 2
#define OXPAR_RED_SUMSQ 3

#ifdef OXPAR_FP64
typedef ulong oxpar_bits;
#define OXPAR_FRAC_BITS 52
#define OXPAR_EXP_ALL 0x7ff
/* A normal number with biased exponent b has its last bit at 2^(b - 1075);
 * subnormals at 2^-1074. */
#define OXPAR_EXP_BIAS 1075
#define OXPAR_SIGN ((ulong)1 << 63)
#define OXPAR_ONE ((ulong)0x3ff0000000000000UL)
#else
typedef uint oxpar_bits;
#define OXPAR_FRAC_BITS 23
#define OXPAR_EXP_ALL 0xff
#define OXPAR_EXP_BIAS 150
#define OXPAR_SIGN ((uint)1 << 31)
#define OXPAR_ONE ((uint)0x3f800000U)
#endif

#define OXPAR_FRAC_MASK ((((oxpar_bits)1) << OXPAR_FRAC_BITS) - 1)

/* Carry pass over the window: every limb but the top one ends up a digit in
 * 0..2^32 (OpenCL's >> on a negative long fills with ones, so the carry is
 * the floor quotient), the value is unchanged. */
inline void oxpar_exact_normalize(long* acc)
{
    long carry = 0;
    for (int k = 0; k < OXPAR_EXACT_LIMBS - 1; k++) {
        const long v = acc[k] + carry;
        carry = v >> 32;
        acc[k] = v & 0xffffffffL;
    }
    acc[OXPAR_EXACT_LIMBS - 1] += carry;
}

/* Adds the exact product of the numbers with bits xb and yb (Sum and Asum
 * pass 1.0 for yb) to the window, or counts it as NaN / +inf / -inf by IEEE
 * rules: a NaN operand or inf * 0 gives NaN, inf times a nonzero number an
 * infinity of the product's sign. */
inline void oxpar_exact_add(long* acc, const oxpar_bits xb, const oxpar_bits yb)
{
    const int bx = (int)((xb >> OXPAR_FRAC_BITS) & OXPAR_EXP_ALL);
    const int by = (int)((yb >> OXPAR_FRAC_BITS) & OXPAR_EXP_ALL);
    const int neg = ((xb ^ yb) & OXPAR_SIGN) != 0;
    const oxpar_bits fx = xb & OXPAR_FRAC_MASK;
    const oxpar_bits fy = yb & OXPAR_FRAC_MASK;
    if (bx == OXPAR_EXP_ALL || by == OXPAR_EXP_ALL) {
        const int nan = (bx == OXPAR_EXP_ALL && fx != 0) || (by == OXPAR_EXP_ALL && fy != 0)
                        || (xb & ~OXPAR_SIGN) == 0 || (yb & ~OXPAR_SIGN) == 0;
        if (nan)
            acc[OXPAR_EXACT_NAN] += 1;
        else if (neg)
            acc[OXPAR_EXACT_NINF] += 1;
        else
            acc[OXPAR_EXACT_PINF] += 1;
        return;
    }
    const ulong mx = (ulong)(bx == 0 ? fx : (fx | ((oxpar_bits)1 << OXPAR_FRAC_BITS)));
    const ulong my = (ulong)(by == 0 ? fy : (fy | ((oxpar_bits)1 << OXPAR_FRAC_BITS)));
    const int ex = (bx == 0 ? 1 : bx) - OXPAR_EXP_BIAS;
    const int ey = (by == 0 ? 1 : by) - OXPAR_EXP_BIAS;
    /* The product's last bit is at or above 2^-2148 (f64) or 2^-298 (f32),
     * inside the window: off >= 0, and its top digit lies inside too. */
    const int off = ex + ey - (OXPAR_EXACT_LOW_BIT) - 32 * (OXPAR_EXACT_LO);
    const int at = off >> 5;
    const int sh = off & 31;
    const long sign = neg ? -1L : 1L;
    const ulong lo = mx * my;
#ifdef OXPAR_FP64
    /* 106-bit product hi:lo, shifted by sh < 32: 138 bits in w2:w1:w0. */
    const ulong hi = mul_hi(mx, my);
    const ulong w0 = lo << sh;
    const ulong w1 = (hi << sh) | (sh == 0 ? 0UL : lo >> (64 - sh));
    const ulong w2 = sh == 0 ? 0UL : hi >> (64 - sh);
    acc[at + 0] += sign * (long)(w0 & 0xffffffffUL);
    acc[at + 1] += sign * (long)(w0 >> 32);
    acc[at + 2] += sign * (long)(w1 & 0xffffffffUL);
    acc[at + 3] += sign * (long)(w1 >> 32);
    acc[at + 4] += sign * (long)w2;
#else
    /* 48-bit product, shifted by sh < 32: 79 bits in w1:w0. */
    const ulong w0 = lo << sh;
    const ulong w1 = sh == 0 ? 0UL : lo >> (64 - sh);
    acc[at + 0] += sign * (long)(w0 & 0xffffffffUL);
    acc[at + 1] += sign * (long)(w0 >> 32);
    acc[at + 2] += sign * (long)w1;
#endif
}

/* One flat partial accumulator per work-group (see the top of this file)
 * for the reduction `what` of x (and y for Dot; y is not read otherwise).
 * `scratch` holds `chunk * get_local_size(0)` longs; the local size is a
 * power of two. Elements are read as raw bits: the buffer type is REAL's. */
__kernel void oxpar_exact_partial(const long n, const long what,
                                  __global const oxpar_bits* x, const long offx, const long incx,
                                  __global const oxpar_bits* y, const long offy, const long incy,
                                  __global long* partial, __local long* scratch, const long chunk)
{
    long acc[OXPAR_EXACT_WORDS];
    for (int k = 0; k < OXPAR_EXACT_WORDS; k++)
        acc[k] = 0;
    long since = 0;
    for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
        oxpar_bits xb = x[offx + i * incx];
        oxpar_bits yb = OXPAR_ONE;
        if (what == OXPAR_RED_ASUM)
            xb &= ~OXPAR_SIGN;
        else if (what == OXPAR_RED_DOT)
            yb = y[offy + i * incy];
        else if (what == OXPAR_RED_SUMSQ)
            yb = xb;
        oxpar_exact_add(acc, xb, yb);
        if (++since == OXPAR_EXACT_CARRY_EVERY) {
            oxpar_exact_normalize(acc);
            since = 0;
        }
    }
    oxpar_exact_normalize(acc);

    /* The group's sum, `chunk` words at a time: every work-item stores its
     * words of the chunk, then a tree adds them (exact integer adds). */
    const size_t lid = get_local_id(0);
    const size_t wg = get_local_size(0);
    __global long* out = partial + get_group_id(0) * OXPAR_EXACT_WORDS;
    for (int c0 = 0; c0 < OXPAR_EXACT_WORDS; c0 += (int)chunk) {
        const int cn = min((int)chunk, OXPAR_EXACT_WORDS - c0);
        barrier(CLK_LOCAL_MEM_FENCE); /* the previous chunk's results are read */
        for (int k = 0; k < cn; k++)
            scratch[k * wg + lid] = acc[c0 + k];
        barrier(CLK_LOCAL_MEM_FENCE);
        for (size_t s = wg / 2; s > 0; s >>= 1) {
            for (size_t t = lid; t < (size_t)cn * s; t += wg) {
                const size_t k = t / s, j = t - k * s;
                scratch[k * wg + j] += scratch[k * wg + j + s];
            }
            barrier(CLK_LOCAL_MEM_FENCE);
        }
        for (int k = (int)lid; k < cn; k += (int)wg)
            out[c0 + k] = scratch[k * wg];
    }
}
