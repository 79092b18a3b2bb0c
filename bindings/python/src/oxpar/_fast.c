/*
 * oxpar._fast: dot, nrm2, asum, axpy, scal, gemv and gemm for the common
 * valid call, in C, so that a call on small arrays costs about what NumPy's
 * own call does.
 *
 * Each function takes the case it knows entirely in C: exact NumPy arrays
 * of one dtype, float32 or float64 in native byte order, of the right
 * number of dimensions and matching shapes, with strides that are whole
 * elements (negative, zero and Fortran order included), scalars that are
 * Python floats or ints (or NumPy float64), `trans` flags that are True or
 * False, and `ctx=None` or an open oxpar.Context that is not MPI. It then
 * calls liboxpar's exported C function once. Anything else (lists, other
 * dtypes or a mix, wrong shapes, read-only outputs, Buffers, unknown or
 * missing arguments, MPI contexts, a closed or not yet created default
 * context) goes, untouched, to the Python implementation in blas.py BEFORE
 * liboxpar is called, so every exception is the one that code raises. A
 * failed status of the C call is raised through the same Python mapping
 * (`_errors.check`); the C function is never called twice.
 *
 * The GIL is kept for calls too short to pay for releasing it and released
 * for longer ones (other Python threads run while liboxpar computes).
 *
 * Built on CPython's limited API (3.10 and later: one abi3 extension, like
 * cffi's oxpar._native) and NumPy's C API.
 *
 * `_fast.install(...)` (called by oxpar._fastpath) hands over the fallbacks,
 * the docstrings and what the context lookup needs, and returns the
 * functions.
 */
#define PY_SSIZE_T_CLEAN
#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#include <Python.h>
#include <numpy/arrayobject.h>
#include <string.h>

#include "oxpar.h"

/* Work (elements, or multiply-adds for gemv and gemm) from which the GIL is
 * released: about a microsecond or more of computing. Below that, releasing
 * and taking it back again would be a large share of the call. */
#define RELEASE_LEVEL1 4096
#define RELEASE_LEVEL2 4096
#define RELEASE_LEVEL3 32768

enum { F_DOT, F_NRM2, F_ASUM, F_AXPY, F_SCAL, F_GEMV, F_GEMM, F_COUNT };

static const char *const NAMES[F_COUNT] = {"dot", "nrm2", "asum", "axpy", "scal", "gemv", "gemm"};

/* What install() hands over: blas.py's functions, the context module's
 * globals (whose `_default` is read on every call: it changes after a fork),
 * the Context class, `_errors.check` and gemm's argument names. */
static PyObject *fallback[F_COUNT];
static PyObject *context_globals, *context_type, *check_fn, *gemm_names;
static PyObject *str_default, *str_addr;

/* ------------------------------------------------------------------ */
/* Arguments                                                           */

/* Fills `vals` (NULL where absent) from a vectorcall's arguments: `names`
 * are the parameters in order, the first `npos` of which may be given by
 * position. Returns 0 for a call that Python would reject (too many
 * positional arguments, an unknown or repeated keyword): the fallback
 * raises its TypeError. */
static int parse(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, PyObject *const *names,
                 Py_ssize_t npos, Py_ssize_t nnames, PyObject **vals) {
    Py_ssize_t i, j, nkw;
    if (nargs > npos) {
        return 0;
    }
    for (i = 0; i < nnames; i++) {
        vals[i] = i < nargs ? args[i] : NULL;
    }
    nkw = kwnames == NULL ? 0 : PyTuple_Size(kwnames);
    for (i = 0; i < nkw; i++) {
        PyObject *key = PyTuple_GetItem(kwnames, i);
        for (j = 0; j < nnames; j++) {
            if (key == names[j]) {
                break;
            }
        }
        if (j == nnames) {
            /* Not interned: compare the text. */
            for (j = 0; j < nnames; j++) {
                if (PyUnicode_Check(key) && PyUnicode_Compare(key, names[j]) == 0) {
                    break;
                }
            }
            if (PyErr_Occurred()) {
                PyErr_Clear();
                return 0;
            }
        }
        if (j == nnames || vals[j] != NULL) {
            return 0;
        }
        vals[j] = args[nargs + i];
    }
    return 1;
}

/* The handle of `ctx` (None: the default context), or NULL to fall back:
 * not an oxpar.Context, closed, MPI (its `_addr` is 0), or no default
 * context yet (the fallback creates it). `*owner` is the Context object
 * (borrowed), kept alive by CALL while the GIL is released. */
static const oxpar_context *context_of(PyObject *ctx, PyObject **owner) {
    PyObject *addr;
    void *p;
    if (ctx == NULL || ctx == Py_None) {
        ctx = PyDict_GetItemWithError(context_globals, str_default);
        if (ctx == NULL || ctx == Py_None) {
            PyErr_Clear();
            return NULL;
        }
    } else if (!PyObject_TypeCheck(ctx, (PyTypeObject *)context_type)) {
        return NULL;
    }
    *owner = ctx;
    addr = PyObject_GetAttr(ctx, str_addr);
    if (addr == NULL) {
        PyErr_Clear();
        return NULL;
    }
    p = PyLong_CheckExact(addr) ? PyLong_AsVoidPtr(addr) : NULL;
    Py_DECREF(addr);
    if (p == NULL) {
        PyErr_Clear();
    }
    return (const oxpar_context *)p;
}

/* A float32 or float64 array's element type (NPY_FLOAT/NPY_DOUBLE), or -1. */
static int float_type(PyObject *o) {
    PyArray_Descr *d;
    if (!PyArray_CheckExact(o)) {
        return -1;
    }
    d = PyArray_DESCR((PyArrayObject *)o);
    if ((d->type_num != NPY_DOUBLE && d->type_num != NPY_FLOAT) || !PyArray_ISNBO(d->byteorder)) {
        return -1;
    }
    return d->type_num;
}

/* An exact array of element type `type` with `ndim` dimensions, writable if
 * `written`, whose strides are whole elements; its element strides in
 * `inc`. 0 otherwise. */
static int array_of(PyObject *o, int type, int ndim, int written, Py_ssize_t *inc) {
    PyArrayObject *a;
    Py_ssize_t size = type == NPY_DOUBLE ? 8 : 4;
    int i;
    if (float_type(o) != type) {
        return 0;
    }
    a = (PyArrayObject *)o;
    if (PyArray_NDIM(a) != ndim || (written && !PyArray_ISWRITEABLE(a))) {
        return 0;
    }
    for (i = 0; i < ndim; i++) {
        npy_intp s = PyArray_STRIDES(a)[i];
        if (s % size) {
            return 0;
        }
        inc[i] = s / size;
    }
    return 1;
}

/* A scalar as `float(value)` gives it, for Python floats and ints and
 * NumPy float64; 0 for anything else (the fallback converts or raises). */
static int real_of(PyObject *o, double dflt, double *out) {
    if (o == NULL) {
        *out = dflt;
        return 1;
    }
    if (PyFloat_CheckExact(o) || Py_TYPE(o) == &PyDoubleArrType_Type) {
        *out = PyFloat_AsDouble(o);
        return 1;
    }
    if (PyLong_CheckExact(o)) {
        *out = PyLong_AsDouble(o);
        if (*out == -1.0 && PyErr_Occurred()) {
            PyErr_Clear();
            return 0;
        }
        return 1;
    }
    return 0;
}

/* A trans flag: absent or False is 0, True is 1; -1 for anything else. */
static int flag_of(PyObject *o) {
    if (o == NULL || o == Py_False) {
        return 0;
    }
    return o == Py_True ? 1 : -1;
}

/* Calls blas.py's function with the arguments as given (built as a tuple
 * and a dict: PyObject_Vectorcall is not in the limited API before 3.12). */
static PyObject *fall_back(int f, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
    PyObject *pos, *kw = NULL, *r = NULL;
    Py_ssize_t i, nkw = kwnames == NULL ? 0 : PyTuple_Size(kwnames);
    pos = PyTuple_New(nargs);
    if (pos == NULL) {
        return NULL;
    }
    for (i = 0; i < nargs; i++) {
        Py_INCREF(args[i]);
        PyTuple_SetItem(pos, i, args[i]);
    }
    if (nkw > 0) {
        kw = PyDict_New();
        if (kw == NULL) {
            goto done;
        }
        for (i = 0; i < nkw; i++) {
            if (PyDict_SetItem(kw, PyTuple_GetItem(kwnames, i), args[nargs + i]) < 0) {
                goto done;
            }
        }
    }
    r = PyObject_Call(fallback[f], pos, kw);
done:
    Py_DECREF(pos);
    Py_XDECREF(kw);
    return r;
}

/* Raises the exception for a failed status through _errors.check. */
static PyObject *raise_status(oxpar_status status, PyObject *names) {
    PyObject *r = names ? PyObject_CallFunction(check_fn, "iO", (int)status, names)
                        : PyObject_CallFunction(check_fn, "i", (int)status);
    if (r != NULL) {
        Py_DECREF(r);
        PyErr_Format(PyExc_SystemError, "oxpar: status %d raised nothing", (int)status);
    }
    return NULL;
}

/* Runs `call` with the GIL released when `release`, holding a reference to
 * `owner`, the Context, meanwhile: the default context may be replaced (and
 * its last reference dropped) by another thread while the GIL is free. */
#define CALL(status, release, owner, call)                                                         \
    do {                                                                                           \
        if (release) {                                                                             \
            Py_INCREF(owner);                                                                      \
            Py_BEGIN_ALLOW_THREADS status = (call);                                                \
            Py_END_ALLOW_THREADS                                                                   \
            Py_DECREF(owner);                                                                      \
        } else {                                                                                   \
            status = (call);                                                                       \
        }                                                                                          \
    } while (0)

/* ------------------------------------------------------------------ */
/* The routines                                                        */

static PyObject *N_x, *N_y, *N_a, *N_b, *N_out, *N_alpha, *N_beta, *N_trans, *N_trans_a,
    *N_trans_b, *N_ctx;

/* dot, nrm2, asum: reductions of one or two vectors to a float. */
static PyObject *reduce(int f, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
    PyObject *names2[3] = {N_x, N_y, N_ctx}, *names1[2] = {N_x, N_ctx};
    PyObject *v[3];
    Py_ssize_t incx, incy;
    const oxpar_context *ctx;
    PyObject *owner = NULL;
    oxpar_status st;
    int two = f == F_DOT, type;
    npy_intp n;
    if (!(two ? parse(args, nargs, kwnames, names2, 2, 3, v) : parse(args, nargs, kwnames, names1, 1, 2, v))) {
        return fall_back(f, args, nargs, kwnames);
    }
    if (v[0] == NULL || (two && v[1] == NULL) || (type = float_type(v[0])) < 0 ||
        !array_of(v[0], type, 1, 0, &incx) || (two && !array_of(v[1], type, 1, 0, &incy))) {
        return fall_back(f, args, nargs, kwnames);
    }
    n = PyArray_DIMS((PyArrayObject *)v[0])[0];
    if ((two && PyArray_DIMS((PyArrayObject *)v[1])[0] != n) || (ctx = context_of(v[two ? 2 : 1], &owner)) == NULL) {
        return fall_back(f, args, nargs, kwnames);
    }
    {
        const void *px = PyArray_DATA((PyArrayObject *)v[0]);
        const void *py = two ? PyArray_DATA((PyArrayObject *)v[1]) : NULL;
        size_t un = (size_t)n;
        int release = n >= RELEASE_LEVEL1;
        if (type == NPY_DOUBLE) {
            double r = 0;
            if (f == F_DOT) {
                CALL(st, release, owner, oxpar_ddot(ctx, un, px, incx, py, incy, &r));
            } else if (f == F_NRM2) {
                CALL(st, release, owner, oxpar_dnrm2(ctx, un, px, incx, &r));
            } else {
                CALL(st, release, owner, oxpar_dasum(ctx, un, px, incx, &r));
            }
            return st ? raise_status(st, NULL) : PyFloat_FromDouble(r);
        } else {
            float r = 0;
            if (f == F_DOT) {
                CALL(st, release, owner, oxpar_sdot(ctx, un, px, incx, py, incy, &r));
            } else if (f == F_NRM2) {
                CALL(st, release, owner, oxpar_snrm2(ctx, un, px, incx, &r));
            } else {
                CALL(st, release, owner, oxpar_sasum(ctx, un, px, incx, &r));
            }
            return st ? raise_status(st, NULL) : PyFloat_FromDouble((double)r);
        }
    }
}

static PyObject *fast_dot(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
    (void)self;
    return reduce(F_DOT, args, nargs, kwnames);
}

static PyObject *fast_nrm2(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
    (void)self;
    return reduce(F_NRM2, args, nargs, kwnames);
}

static PyObject *fast_asum(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
    (void)self;
    return reduce(F_ASUM, args, nargs, kwnames);
}

/* axpy(alpha, x, y, *, ctx=None) -> y */
static PyObject *fast_axpy(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
    PyObject *names[4] = {N_alpha, N_x, N_y, N_ctx};
    PyObject *v[4];
    Py_ssize_t incx, incy;
    const oxpar_context *ctx;
    PyObject *owner = NULL;
    oxpar_status st;
    double alpha;
    npy_intp n;
    int type;
    (void)self;
    if (!parse(args, nargs, kwnames, names, 3, 4, v) || v[0] == NULL || v[1] == NULL || v[2] == NULL ||
        (type = float_type(v[1])) < 0 || !array_of(v[1], type, 1, 0, &incx) ||
        !array_of(v[2], type, 1, 1, &incy) ||
        (n = PyArray_DIMS((PyArrayObject *)v[1])[0]) != PyArray_DIMS((PyArrayObject *)v[2])[0] ||
        !real_of(v[0], 0, &alpha) || (ctx = context_of(v[3], &owner)) == NULL) {
        return fall_back(F_AXPY, args, nargs, kwnames);
    }
    {
        const void *px = PyArray_DATA((PyArrayObject *)v[1]);
        void *py = PyArray_DATA((PyArrayObject *)v[2]);
        int release = n >= RELEASE_LEVEL1;
        if (type == NPY_DOUBLE) {
            CALL(st, release, owner, oxpar_daxpy(ctx, (size_t)n, &alpha, px, incx, py, incy));
        } else {
            float a = (float)alpha;
            CALL(st, release, owner, oxpar_saxpy(ctx, (size_t)n, &a, px, incx, py, incy));
        }
    }
    if (st) {
        return raise_status(st, NULL);
    }
    Py_INCREF(v[2]);
    return v[2];
}

/* scal(alpha, x, *, ctx=None) -> x */
static PyObject *fast_scal(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
    PyObject *names[3] = {N_alpha, N_x, N_ctx};
    PyObject *v[3];
    Py_ssize_t incx;
    const oxpar_context *ctx;
    PyObject *owner = NULL;
    oxpar_status st;
    double alpha;
    npy_intp n;
    int type;
    (void)self;
    if (!parse(args, nargs, kwnames, names, 2, 3, v) || v[0] == NULL || v[1] == NULL ||
        (type = float_type(v[1])) < 0 || !array_of(v[1], type, 1, 1, &incx) || !real_of(v[0], 0, &alpha) ||
        (ctx = context_of(v[2], &owner)) == NULL) {
        return fall_back(F_SCAL, args, nargs, kwnames);
    }
    n = PyArray_DIMS((PyArrayObject *)v[1])[0];
    {
        void *px = PyArray_DATA((PyArrayObject *)v[1]);
        int release = n >= RELEASE_LEVEL1;
        if (type == NPY_DOUBLE) {
            CALL(st, release, owner, oxpar_dscal(ctx, (size_t)n, &alpha, px, incx));
        } else {
            float a = (float)alpha;
            CALL(st, release, owner, oxpar_sscal(ctx, (size_t)n, &a, px, incx));
        }
    }
    if (st) {
        return raise_status(st, NULL);
    }
    Py_INCREF(v[1]);
    return v[1];
}

/* gemv(a, x, y=None, *, alpha=1.0, beta=0.0, trans=False, ctx=None) -> y */
static PyObject *fast_gemv(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
    PyObject *names[7] = {N_a, N_x, N_y, N_alpha, N_beta, N_trans, N_ctx};
    PyObject *v[7], *y;
    Py_ssize_t sa[2], incx, incy;
    const oxpar_context *ctx;
    PyObject *owner = NULL;
    oxpar_status st;
    double alpha, beta;
    npy_intp m, n, rows, cols;
    int type, trans;
    (void)self;
    if (!parse(args, nargs, kwnames, names, 3, 7, v) || v[0] == NULL || v[1] == NULL ||
        (type = float_type(v[0])) < 0 || !array_of(v[0], type, 2, 0, sa) || !array_of(v[1], type, 1, 0, &incx) ||
        (trans = flag_of(v[5])) < 0 || !real_of(v[3], 1.0, &alpha) || !real_of(v[4], 0.0, &beta)) {
        return fall_back(F_GEMV, args, nargs, kwnames);
    }
    m = PyArray_DIMS((PyArrayObject *)v[0])[0];
    n = PyArray_DIMS((PyArrayObject *)v[0])[1];
    rows = trans ? n : m;
    cols = trans ? m : n;
    y = v[2] == Py_None ? NULL : v[2];
    if (PyArray_DIMS((PyArrayObject *)v[1])[0] != cols ||
        (y == NULL ? beta != 0 : !array_of(y, type, 1, 1, &incy) || PyArray_DIMS((PyArrayObject *)y)[0] != rows) ||
        (ctx = context_of(v[6], &owner)) == NULL) {
        return fall_back(F_GEMV, args, nargs, kwnames);
    }
    if (y == NULL) {
        y = PyArray_EMPTY(1, &rows, type, 0);
        if (y == NULL) {
            return NULL;
        }
        incy = 1;
    } else {
        Py_INCREF(y);
    }
    {
        const void *pa = PyArray_DATA((PyArrayObject *)v[0]), *px = PyArray_DATA((PyArrayObject *)v[1]);
        void *py = PyArray_DATA((PyArrayObject *)y);
        int t = trans ? OXPAR_TRANS_YES : OXPAR_TRANS_NO, release = (double)m * (double)n >= RELEASE_LEVEL2;
        if (type == NPY_DOUBLE) {
            CALL(st, release, owner,
                 oxpar_dgemv(ctx, t, (size_t)m, (size_t)n, &alpha, pa, sa[0], sa[1], px, incx, &beta, py, incy));
        } else {
            float a = (float)alpha, b = (float)beta;
            CALL(st, release, owner, oxpar_sgemv(ctx, t, (size_t)m, (size_t)n, &a, pa, sa[0], sa[1], px, incx, &b, py, incy));
        }
    }
    if (st) {
        Py_DECREF(y);
        return raise_status(st, NULL);
    }
    return y;
}

/* gemm(a, b, out=None, *, alpha=1.0, beta=0.0, trans_a=False, trans_b=False, ctx=None) -> out */
static PyObject *fast_gemm(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
    PyObject *names[8] = {N_a, N_b, N_out, N_alpha, N_beta, N_trans_a, N_trans_b, N_ctx};
    PyObject *v[8], *c;
    Py_ssize_t sa[2], sb[2], sc[2];
    const oxpar_context *ctx;
    PyObject *owner = NULL;
    oxpar_status st;
    double alpha, beta;
    npy_intp m, n, k, kb, dims[2];
    int type, ta, tb;
    (void)self;
    if (!parse(args, nargs, kwnames, names, 3, 8, v) || v[0] == NULL || v[1] == NULL ||
        (type = float_type(v[0])) < 0 || !array_of(v[0], type, 2, 0, sa) || !array_of(v[1], type, 2, 0, sb) ||
        (ta = flag_of(v[5])) < 0 || (tb = flag_of(v[6])) < 0 || !real_of(v[3], 1.0, &alpha) ||
        !real_of(v[4], 0.0, &beta)) {
        return fall_back(F_GEMM, args, nargs, kwnames);
    }
    {
        npy_intp *da = PyArray_DIMS((PyArrayObject *)v[0]), *db = PyArray_DIMS((PyArrayObject *)v[1]);
        m = ta ? da[1] : da[0];
        k = ta ? da[0] : da[1];
        kb = tb ? db[1] : db[0];
        n = tb ? db[0] : db[1];
    }
    c = v[2] == Py_None ? NULL : v[2];
    if (k != kb ||
        (c == NULL ? beta != 0
                   : !array_of(c, type, 2, 1, sc) || PyArray_DIMS((PyArrayObject *)c)[0] != m ||
                         PyArray_DIMS((PyArrayObject *)c)[1] != n) ||
        (ctx = context_of(v[7], &owner)) == NULL) {
        return fall_back(F_GEMM, args, nargs, kwnames);
    }
    if (c == NULL) {
        dims[0] = m;
        dims[1] = n;
        c = PyArray_EMPTY(2, dims, type, 0);
        if (c == NULL) {
            return NULL;
        }
        sc[0] = n;
        sc[1] = 1;
    } else {
        Py_INCREF(c);
    }
    {
        const void *pa = PyArray_DATA((PyArrayObject *)v[0]), *pb = PyArray_DATA((PyArrayObject *)v[1]);
        void *pc = PyArray_DATA((PyArrayObject *)c);
        int tra = ta ? OXPAR_TRANS_YES : OXPAR_TRANS_NO, trb = tb ? OXPAR_TRANS_YES : OXPAR_TRANS_NO;
        int release = (double)m * (double)n * (double)k >= RELEASE_LEVEL3;
        if (type == NPY_DOUBLE) {
            CALL(st, release, owner,
                 oxpar_dgemm(ctx, tra, trb, (size_t)m, (size_t)n, (size_t)k, &alpha, pa, sa[0], sa[1], pb, sb[0],
                             sb[1], &beta, pc, sc[0], sc[1]));
        } else {
            float a = (float)alpha, b = (float)beta;
            CALL(st, release, owner,
                 oxpar_sgemm(ctx, tra, trb, (size_t)m, (size_t)n, (size_t)k, &a, pa, sa[0], sa[1], pb, sb[0], sb[1],
                             &b, pc, sc[0], sc[1]));
        }
    }
    if (st) {
        Py_DECREF(c);
        return raise_status(st, gemm_names);
    }
    return c;
}

/* ------------------------------------------------------------------ */
/* Module                                                              */

#define FAST(name) ((PyCFunction)(void (*)(void))(name))
#define FLAGS (METH_FASTCALL | METH_KEYWORDS)

/* The routines' definitions; their docstrings (with the text signature
 * that help() and inspect.signature read) are filled in by install(). */
static PyMethodDef routines[F_COUNT + 1] = {
    {"dot", FAST(fast_dot), FLAGS, NULL},   {"nrm2", FAST(fast_nrm2), FLAGS, NULL},
    {"asum", FAST(fast_asum), FLAGS, NULL}, {"axpy", FAST(fast_axpy), FLAGS, NULL},
    {"scal", FAST(fast_scal), FLAGS, NULL}, {"gemv", FAST(fast_gemv), FLAGS, NULL},
    {"gemm", FAST(fast_gemm), FLAGS, NULL}, {NULL, NULL, 0, NULL},
};

static int installed;

/* install(fallbacks, docs, context_globals, Context, check, gemm_names) -> dict */
static PyObject *install(PyObject *self, PyObject *args) {
    PyObject *fallbacks, *docs, *globals, *ctype, *check, *gnames, *out, *modname;
    int i;
    if (!PyArg_ParseTuple(args, "O!O!O!OOO!", &PyDict_Type, &fallbacks, &PyDict_Type, &docs, &PyDict_Type,
                          &globals, &ctype, &check, &PyDict_Type, &gnames)) {
        return NULL;
    }
    if (installed) {
        PyErr_SetString(PyExc_RuntimeError, "oxpar._fast: install() runs once");
        return NULL;
    }
    if (!PyType_Check(ctype)) {
        PyErr_SetString(PyExc_TypeError, "oxpar._fast: install() needs the Context class");
        return NULL;
    }
    out = PyDict_New();
    modname = PyUnicode_InternFromString("oxpar");
    if (out == NULL || modname == NULL) {
        Py_XDECREF(out);
        Py_XDECREF(modname);
        return NULL;
    }
    for (i = 0; i < F_COUNT; i++) {
        PyObject *fb = PyDict_GetItemString(fallbacks, NAMES[i]);
        PyObject *doc = PyDict_GetItemString(docs, NAMES[i]);
        const char *text;
        char *copy;
        PyObject *fn;
        if (fb == NULL || doc == NULL || (text = PyUnicode_AsUTF8AndSize(doc, NULL)) == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_KeyError, "oxpar._fast: no fallback or docstring for %s", NAMES[i]);
            }
            Py_DECREF(out);
            Py_DECREF(modname);
            return NULL;
        }
        /* Kept for the life of the process, as a static docstring would be. */
        copy = PyMem_Malloc(strlen(text) + 1);
        if (copy == NULL) {
            Py_DECREF(out);
            Py_DECREF(modname);
            return PyErr_NoMemory();
        }
        strcpy(copy, text);
        routines[i].ml_doc = copy;
        Py_INCREF(fb);
        fallback[i] = fb;
        /* Bound to this module, as module functions are (inspect reads the
         * `$module` of the text signature that way), shown as oxpar's. */
        fn = PyCFunction_NewEx(&routines[i], self, modname);
        if (fn == NULL || PyDict_SetItemString(out, NAMES[i], fn) < 0) {
            Py_XDECREF(fn);
            Py_DECREF(out);
            Py_DECREF(modname);
            return NULL;
        }
        Py_DECREF(fn);
    }
    Py_INCREF(globals);
    Py_INCREF(ctype);
    Py_INCREF(check);
    Py_INCREF(gnames);
    context_globals = globals;
    context_type = ctype;
    check_fn = check;
    gemm_names = gnames;
    installed = 1;
    Py_DECREF(modname);
    return out;
}

static PyMethodDef module_methods[] = {
    {"install", install, METH_VARARGS,
     "install(fallbacks, docs, context_globals, Context, check, gemm_names) -> dict of the fast routines"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "oxpar._fast", "oxpar's C fast path for small calls (see oxpar._fastpath).", -1,
    module_methods,        NULL,          NULL,                                                          NULL,
    NULL,
};

PyMODINIT_FUNC PyInit__fast(void) {
    struct {
        PyObject **slot;
        const char *text;
    } strings[] = {
        {&str_default, "_default"}, {&str_addr, "_addr"},   {&N_x, "x"},         {&N_y, "y"},
        {&N_a, "a"},                {&N_b, "b"},            {&N_out, "out"},     {&N_alpha, "alpha"},
        {&N_beta, "beta"},          {&N_trans, "trans"},    {&N_trans_a, "trans_a"}, {&N_trans_b, "trans_b"},
        {&N_ctx, "ctx"},
    };
    size_t i;
    import_array();
    for (i = 0; i < sizeof strings / sizeof strings[0]; i++) {
        if ((*strings[i].slot = PyUnicode_InternFromString(strings[i].text)) == NULL) {
            return NULL;
        }
    }
    return PyModule_Create(&module);
}
