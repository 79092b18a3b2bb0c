/*
 * A parameter sweep with the task farm: a damped, driven oscillator
 *
 *     x'' + 2 zeta x' + x = cos(w t)
 *
 * integrated (RK4) for every pair of damping zeta and drive frequency w on a
 * grid, until the transient has died out; each task stores the steady-state
 * amplitude in its own slot. The summary shows each damping's resonance peak
 * and compares every amplitude with the exact 1 / sqrt((1 - w^2)^2 + (2 zeta w)^2).
 *
 * The farm balances the tasks (their lengths vary tenfold) over the threads,
 * or with --mpi over MPI ranks and their threads; failed tasks are retried
 * on another worker; a progress callback reports to stderr. With --flaky,
 * rank 0 plays a flaky node: the first time it runs every 10th task, the task
 * fails (and succeeds when retried).
 *
 *   mpicc -std=c99 farm_sweep.c -o farm_sweep $(pkg-config --cflags --libs oxpar) -lm
 *   ./farm_sweep [--flaky]                      (threads)
 *   mpiexec -n 4 ./farm_sweep --mpi [--flaky]   (ranks)
 */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <oxpar.h>

#define NZETA 6
#define NW 101
#define NTASKS (NZETA * NW)
#define STEPS_PER_PERIOD 256

static const double zetas[NZETA] = {0.05, 0.1, 0.15, 0.2, 0.3, 0.5};

static double drive(size_t iw) {
    return 0.5 + (double)iw / (NW - 1); /* 0.5, 0.51, .., 1.5 */
}

static double exact_amplitude(double zeta, double w) {
    return 1.0 / sqrt((1.0 - w * w) * (1.0 - w * w) + (2.0 * zeta * w) * (2.0 * zeta * w));
}

struct sweep {
    double amplitude[NTASKS]; /* task t: zeta = zetas[t / NW], w = drive(t % NW) */
    unsigned char tried[NTASKS];
    int flaky; /* this process fails each 10th task the first time it runs it */
    int rank;
};

/* (x, v)' at time t */
static void rhs(double zeta, double w, double t, const double y[2], double dy[2]) {
    dy[0] = y[1];
    dy[1] = cos(w * t) - 2.0 * zeta * y[1] - y[0];
}

/* One task: integrate from rest until exp(-zeta t) < 1e-11, in whole drive
 * periods, then read the amplitude off the state (x^2 + (v/w)^2 = A^2 in the
 * steady state). Called on any worker, concurrently with other tasks. */
static int32_t run_task(size_t t, void *user_data) {
    struct sweep *s = (struct sweep *)user_data;
    double zeta = zetas[t / NW], w = drive(t % NW);
    double period = 2.0 * 3.14159265358979323846 / w, dt = period / STEPS_PER_PERIOD;
    long periods = (long)ceil(25.0 / zeta / period), n = periods * STEPS_PER_PERIOD, i;
    double y[2] = {0.0, 0.0}, k1[2], k2[2], k3[2], k4[2], tmp[2], a;

    if (s->flaky && t % 10 == 0 && !s->tried[t]) {
        s->tried[t] = 1; /* one worker at a time runs task t */
        oxpar_farm_task_error("simulated failure (a flaky node)");
        return 1;
    }
    for (i = 0; i < n; i++) {
        double time = (double)i * dt;
        rhs(zeta, w, time, y, k1);
        tmp[0] = y[0] + 0.5 * dt * k1[0];
        tmp[1] = y[1] + 0.5 * dt * k1[1];
        rhs(zeta, w, time + 0.5 * dt, tmp, k2);
        tmp[0] = y[0] + 0.5 * dt * k2[0];
        tmp[1] = y[1] + 0.5 * dt * k2[1];
        rhs(zeta, w, time + 0.5 * dt, tmp, k3);
        tmp[0] = y[0] + dt * k3[0];
        tmp[1] = y[1] + dt * k3[1];
        rhs(zeta, w, time + dt, tmp, k4);
        y[0] += dt / 6.0 * (k1[0] + 2.0 * k2[0] + 2.0 * k3[0] + k4[0]);
        y[1] += dt / 6.0 * (k1[1] + 2.0 * k2[1] + 2.0 * k3[1] + k4[1]);
    }
    a = sqrt(y[0] * y[0] + (y[1] / w) * (y[1] / w));
    if (!isfinite(a)) {
        oxpar_farm_task_error("the integration blew up");
        return 1;
    }
    s->amplitude[t] = a;
    return 0;
}

/* Called every 0.1 s and at the end, from a thread of its own. Under MPI the
 * counts are this rank's; only rank 0 prints. */
static void progress(size_t total, size_t done, size_t failed, size_t running, size_t resumed,
                     double elapsed, double eta, void *user_data) {
    const struct sweep *s = (const struct sweep *)user_data;
    (void)resumed;
    if (s->rank != 0) {
        return;
    }
    fprintf(stderr, "  [%5.2f s] %3lu of %lu done here, %lu failed attempts, %lu running",
            elapsed, (unsigned long)done, (unsigned long)total, (unsigned long)failed,
            (unsigned long)running);
    if (eta >= 0.0) {
        fprintf(stderr, ", about %.2f s left", eta);
    }
    fprintf(stderr, "\n");
}

int main(int argc, char **argv) {
    static struct sweep s; /* zeros: no results yet */
    int use_mpi = 0, i, provided, ok = 1;
    size_t threads = 0, done = 0, failed = 0, retried = 0, t, iz, iw;
    oxpar_context *ctx = NULL;
    oxpar_farm *farm = NULL;
    oxpar_farm_report *report = NULL;
    oxpar_status st;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--mpi") == 0) {
            use_mpi = 1;
        } else if (strcmp(argv[i], "--flaky") == 0) {
            s.flaky = 1;
        } else {
            fprintf(stderr, "usage: %s [--mpi] [--flaky]\n", argv[0]);
            return 2;
        }
    }
    if (use_mpi) {
        /* any thread level works: tasks run on the context's threads, which
           never call MPI, while this thread hands out work to the ranks */
        MPI_Init_thread(&argc, &argv, MPI_THREAD_SERIALIZED, &provided);
        MPI_Comm_rank(MPI_COMM_WORLD, &s.rank);
        st = oxpar_context_create_mpi("mpi+threads", (int32_t)MPI_Comm_c2f(MPI_COMM_WORLD), &ctx);
    } else {
        st = oxpar_context_create("threads", &ctx);
    }
    s.flaky = s.flaky && s.rank == 0;
    if (st == OXPAR_STATUS_OK) {
        st = oxpar_context_num_threads(ctx, &threads);
    }
    if (st == OXPAR_STATUS_OK) {
        st = oxpar_farm_create(&farm);
    }
    if (st == OXPAR_STATUS_OK) {
        st = oxpar_farm_set_retries(farm, 2);
    }
    if (st == OXPAR_STATUS_OK) {
        st = oxpar_farm_set_progress(farm, progress, &s, 0.1);
    }
    if (st == OXPAR_STATUS_OK) {
        if (s.rank == 0) {
            printf("farm_sweep: %d tasks (%d dampings x %d drive frequencies), %lu threads%s\n",
                   NTASKS, NZETA, NW, (unsigned long)threads, use_mpi ? " per rank" : "");
            fflush(stdout);
        }
        st = oxpar_farm_run(farm, ctx, NTASKS, run_task, &s, &report);
    }
    if (st != OXPAR_STATUS_OK) {
        fprintf(stderr, "farm_sweep: %s: %s\n", oxpar_status_str(st),
                oxpar_last_error_message());
        if (use_mpi) {
            MPI_Abort(MPI_COMM_WORLD, 1);
        }
        return 1;
    }

    /* Each result lies on the rank that computed it (zeros elsewhere). */
    if (use_mpi) {
        MPI_Reduce(s.rank == 0 ? MPI_IN_PLACE : s.amplitude, s.amplitude, NTASKS, MPI_DOUBLE,
                   MPI_SUM, 0, MPI_COMM_WORLD);
    }
    oxpar_farm_report_counts(report, &done, &failed, NULL);
    if (s.rank == 0) {
        double worst = 0.0;
        printf("  zeta   peak at w   amplitude   exact peak: w = sqrt(1 - 2 zeta^2)\n");
        for (iz = 0; iz < NZETA; iz++) {
            size_t peak = 0;
            for (iw = 0; iw < NW; iw++) {
                if (s.amplitude[iz * NW + iw] > s.amplitude[iz * NW + peak]) {
                    peak = iw;
                }
            }
            printf("  %4.2f   %9.2f   %9.3f   %.3f\n", zetas[iz], drive(peak),
                   s.amplitude[iz * NW + peak], sqrt(1.0 - 2.0 * zetas[iz] * zetas[iz]));
        }
        for (t = 0; t < NTASKS; t++) {
            int32_t state;
            uint32_t attempts;
            oxpar_farm_report_task(report, t, &state, &attempts);
            if (state == OXPAR_TASK_STATE_FAILED) {
                printf("  task %lu failed: %s\n", (unsigned long)t,
                       oxpar_farm_report_error(report, t));
            } else {
                double exact = exact_amplitude(zetas[t / NW], drive(t % NW));
                double err = fabs(s.amplitude[t] - exact) / exact;
                worst = err > worst ? err : worst;
            }
            retried += attempts > 1;
        }
        ok = failed == 0 && worst < 1e-4;
        printf("  largest relative error against the exact amplitude: %.1e\n", worst);
        printf("farm_sweep: %s (%lu done, %lu failed, %lu needed a retry)\n", ok ? "ok" : "WRONG",
               (unsigned long)done, (unsigned long)failed, (unsigned long)retried);
    }
    oxpar_farm_report_free(report);
    oxpar_farm_free(farm);
    oxpar_context_free(ctx);
    if (use_mpi) {
        MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);
        MPI_Finalize();
    }
    return ok ? 0 : 1;
}
