/* CLBlast's sgemm and saxpy on one OpenCL device, for benches/compare_opencl.py.
 *
 *   clblast_sgemm PLATFORM DEVICE REPS N [N ...]
 *
 * For each N: square, column-major C := A*B (CLBlastSgemm, no transposes)
 * on buffers resident on device DEVICE of platform PLATFORM (the indices
 * clinfo -l and oxpar report); for each `axpy:N`, y := 0.5*x + y on N floats
 * (CLBlastSaxpy, unit increments) on resident buffers. The first call is
 * timed on its own (CLBlast compiles its kernels for the device then, and
 * PoCL compiles on first launch), then the best of REPS calls, each waited
 * for with clFinish. Prints one JSON object per N, plus a first line naming
 * the device.
 *
 * Build: cc -O2 clblast_sgemm.c -o clblast_sgemm -lclblast -lOpenCL
 */
#define CL_TARGET_OPENCL_VERSION 120
#include <clblast_c.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void die(const char *what, int code) {
    fprintf(stderr, "clblast_sgemm: %s failed (%d)\n", what, code);
    exit(1);
}

/* The same deterministic data as the oxpar example (examples/compare.rs). */
static void fill(float *v, size_t len, size_t mul, size_t mod) {
    for (size_t i = 0; i < len; i++)
        v[i] = ((float)(i * mul % mod) - (float)(mod / 2)) / 8.0f;
}

/* One CLBlastSgemm call, waited for. */
static void sgemm(cl_command_queue queue, size_t n, cl_mem a, cl_mem b, cl_mem c) {
    CLBlastStatusCode s = CLBlastSgemm(CLBlastLayoutColMajor, CLBlastTransposeNo,
                                       CLBlastTransposeNo, n, n, n, 1.0f, a, 0, n, b, 0, n,
                                       0.0f, c, 0, n, &queue, NULL);
    if (s != CLBlastSuccess)
        die("CLBlastSgemm", s);
    cl_int err = clFinish(queue);
    if (err != CL_SUCCESS)
        die("clFinish", err);
}

/* One CLBlastSaxpy call, waited for. */
static void saxpy(cl_command_queue queue, size_t n, cl_mem x, cl_mem y) {
    CLBlastStatusCode s = CLBlastSaxpy(n, 0.5f, x, 0, 1, y, 0, 1, &queue, NULL);
    if (s != CLBlastSuccess)
        die("CLBlastSaxpy", s);
    cl_int err = clFinish(queue);
    if (err != CL_SUCCESS)
        die("clFinish", err);
}

/* Times saxpy on n resident floats and prints its JSON line. */
static void time_saxpy(cl_context ctx, cl_command_queue queue, size_t n, int reps) {
    size_t bytes = n * sizeof(float);
    float *x = malloc(bytes), *y = malloc(bytes), *got = malloc(bytes);
    cl_int err;
    if (!x || !y || !got)
        die("malloc", 0);
    fill(x, n, 7, 13);
    fill(y, n, 5, 11);
    cl_mem dx = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, bytes, x, &err);
    if (err != CL_SUCCESS)
        die("clCreateBuffer", err);
    cl_mem dy = clCreateBuffer(ctx, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, bytes, y, &err);
    if (err != CL_SUCCESS)
        die("clCreateBuffer", err);
    double t = now();
    saxpy(queue, n, dx, dy);
    double first = now() - t, best = INFINITY;
    for (int r = 0; r < reps; r++) {
        t = now();
        saxpy(queue, n, dx, dy);
        double d = now() - t;
        if (d < best)
            best = d;
    }
    /* y has had 0.5*x added reps + 1 times: check a few entries. */
    err = clEnqueueReadBuffer(queue, dy, CL_TRUE, 0, bytes, got, 0, NULL, NULL);
    if (err != CL_SUCCESS)
        die("clEnqueueReadBuffer", err);
    double max_err = 0.0;
    for (size_t i = 0; i < n; i += n / 7 + 1) {
        double want = (double)y[i] + 0.5 * (double)x[i] * (double)(reps + 1);
        double e = fabs((double)got[i] - want);
        if (e > max_err)
            max_err = e;
    }
    printf("{\"case\":\"saxpy\",\"n\":%zu,\"first_s\":%e,\"best_s\":%e,\"gbs\":%e,"
           "\"max_err\":%e}\n",
           n, first, best, 12.0 * (double)n / best / 1e9, max_err);
    fflush(stdout);
    clReleaseMemObject(dx);
    clReleaseMemObject(dy);
    free(x);
    free(y);
    free(got);
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: %s PLATFORM DEVICE REPS N [N ...]\n", argv[0]);
        return 2;
    }
    cl_uint pi = (cl_uint)atoi(argv[1]), di = (cl_uint)atoi(argv[2]);
    int reps = atoi(argv[3]);
    if (reps < 1)
        reps = 1;

    cl_uint np = 0, nd = 0;
    cl_int err = clGetPlatformIDs(0, NULL, &np);
    if (err != CL_SUCCESS || pi >= np)
        die("finding the platform", err);
    cl_platform_id *plats = malloc(np * sizeof *plats);
    clGetPlatformIDs(np, plats, NULL);
    cl_platform_id plat = plats[pi];
    free(plats);
    err = clGetDeviceIDs(plat, CL_DEVICE_TYPE_ALL, 0, NULL, &nd);
    if (err != CL_SUCCESS || di >= nd)
        die("finding the device", err);
    cl_device_id *devs = malloc(nd * sizeof *devs);
    clGetDeviceIDs(plat, CL_DEVICE_TYPE_ALL, nd, devs, NULL);
    cl_device_id dev = devs[di];
    free(devs);

    char name[256] = {0};
    clGetDeviceInfo(dev, CL_DEVICE_NAME, sizeof name - 1, name, NULL);
    for (char *p = name; *p; p++)
        if (*p == '"' || *p == '\\' || (unsigned char)*p < 0x20)
            *p = ' ';
    printf("{\"case\":\"device\",\"platform\":%u,\"device\":%u,\"name\":\"%s\"}\n", pi, di,
           name);

    cl_context ctx = clCreateContext(NULL, 1, &dev, NULL, NULL, &err);
    if (err != CL_SUCCESS)
        die("clCreateContext", err);
    cl_command_queue queue = clCreateCommandQueue(ctx, dev, 0, &err);
    if (err != CL_SUCCESS)
        die("clCreateCommandQueue", err);

    for (int arg = 4; arg < argc; arg++) {
        if (strncmp(argv[arg], "axpy:", 5) == 0) {
            time_saxpy(ctx, queue, (size_t)strtoul(argv[arg] + 5, NULL, 10), reps);
            continue;
        }
        size_t n = (size_t)strtoul(argv[arg], NULL, 10);
        size_t len = n * n, bytes = len * sizeof(float);
        float *a = malloc(bytes), *b = malloc(bytes), *c = malloc(bytes);
        if (!a || !b || !c)
            die("malloc", 0);
        fill(a, len, 7, 13);
        fill(b, len, 5, 11);
        cl_mem da = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, bytes, a, &err);
        if (err != CL_SUCCESS)
            die("clCreateBuffer", err);
        cl_mem db = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, bytes, b, &err);
        if (err != CL_SUCCESS)
            die("clCreateBuffer", err);
        cl_mem dc = clCreateBuffer(ctx, CL_MEM_READ_WRITE, bytes, NULL, &err);
        if (err != CL_SUCCESS)
            die("clCreateBuffer", err);

        double t = now();
        sgemm(queue, n, da, db, dc);
        double first = now() - t, best = INFINITY;
        for (int r = 0; r < reps; r++) {
            t = now();
            sgemm(queue, n, da, db, dc);
            double d = now() - t;
            if (d < best)
                best = d;
        }

        /* A few entries of C against the host. */
        err = clEnqueueReadBuffer(queue, dc, CL_TRUE, 0, bytes, c, 0, NULL, NULL);
        if (err != CL_SUCCESS)
            die("clEnqueueReadBuffer", err);
        size_t pts[4][2] = {{0, 0}, {n - 1, n - 1}, {n / 3, n / 2}, {n - 1, 0}};
        double max_err = 0.0;
        for (int p = 0; p < 4; p++) {
            size_t i = pts[p][0], j = pts[p][1];
            double want = 0.0;
            for (size_t k = 0; k < n; k++)
                want += (double)a[i + k * n] * (double)b[k + j * n];
            double e = fabs((double)c[i + j * n] - want);
            if (e > max_err)
                max_err = e;
        }

        double gflops = 2.0 * (double)n * (double)n * (double)n / best / 1e9;
        printf("{\"case\":\"sgemm\",\"n\":%zu,\"first_s\":%e,\"best_s\":%e,\"gflops\":%e,"
               "\"max_err\":%e}\n",
               n, first, best, gflops, max_err);
        fflush(stdout);
        clReleaseMemObject(da);
        clReleaseMemObject(db);
        clReleaseMemObject(dc);
        free(a);
        free(b);
        free(c);
    }
    clReleaseCommandQueue(queue);
    clReleaseContext(ctx);
    return 0;
}
