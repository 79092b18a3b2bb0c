/*
 * Includes the template named by DENSE_TEMPLATE once per element type (s, d,
 * c, z), with these defined around each inclusion: T the element type, R its
 * real type, TL and TLS its letter (a token and a string), SFX the suffix of
 * the template's function names, EPS the unit roundoff, CPLX 1 for complex.
 * test_inverse.c, test_qr.c and test_svd.c include it after dense.h:
 *
 *     #define DENSE_TEMPLATE "qr_template.h"
 *     #include "each_type.h"
 */

#define T float
#define R float
#define TL s
#define TLS "s"
#define SFX _s
#define EPS 5.96e-8
#define CPLX 0
#include DENSE_TEMPLATE
#undef T
#undef R
#undef TL
#undef TLS
#undef SFX
#undef EPS
#undef CPLX

#define T double
#define R double
#define TL d
#define TLS "d"
#define SFX _d
#define EPS 1.11e-16
#define CPLX 0
#include DENSE_TEMPLATE
#undef T
#undef R
#undef TL
#undef TLS
#undef SFX
#undef EPS
#undef CPLX

#define T float _Complex
#define R float
#define TL c
#define TLS "c"
#define SFX _c
#define EPS 5.96e-8
#define CPLX 1
#include DENSE_TEMPLATE
#undef T
#undef R
#undef TL
#undef TLS
#undef SFX
#undef EPS
#undef CPLX

#define T double _Complex
#define R double
#define TL z
#define TLS "z"
#define SFX _z
#define EPS 1.11e-16
#define CPLX 1
#include DENSE_TEMPLATE
#undef T
#undef R
#undef TL
#undef TLS
#undef SFX
#undef EPS
#undef CPLX

#undef DENSE_TEMPLATE
