/*
 * The task farm (oxpar_farm_*) on "serial" and "threads:N" contexts: every
 * task runs exactly once, injected failures are retried (never on the thread
 * that just failed) and reported with their messages, checkpoints resume
 * (also after the process was killed with SIGKILL), the progress callback,
 * and bad input. The MPI side is tests/c-farm-mpi (make farm-c-test).
 *
 * Temporary files go to a mkdtemp folder under $TMPDIR (else P_tmpdir),
 * removed at the end.
 *
 * Known bugs (checks that fail until fixed; --skip-known-bugs skips them):
 *   farm-progress-interval       oxpar_farm_set_progress with a huge interval
 *                                (1e300 s, positive and finite) panics inside
 *                                (OXPAR_STATUS_PANIC) instead of accepting it
 *   farm-checkpoint-torn-append  a checkpoint whose last line was cut short
 *                                is read correctly, but the next record is
 *                                appended to that partial line ("1" + "0\n"
 *                                makes "10"): a task's record is lost and
 *                                another index appears, so the rerun runs a
 *                                completed task again, skips one never run,
 *                                or fails ("not a task index"); a header cut
 *                                short makes the file unreadable likewise
 */
#define _XOPEN_SOURCE 700 /* pthreads, fork, mkdtemp, nanosleep, P_tmpdir */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "oxpar.h"
#include "tests.h"

static const char *const farm_specs[] = {"serial", "threads:1", "threads:2", "threads:3"};
#define NSPECS (sizeof farm_specs / sizeof farm_specs[0])

/* Attempts of one task whose thread is remembered. */
#define MAX_ATTEMPTS 8

static void sleep_us(long us) {
    struct timespec ts;
    ts.tv_sec = us / 1000000L;
    ts.tv_nsec = (us % 1000000L) * 1000L;
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* ---- a temporary folder ------------------------------------------------- */

static char farm_dir[512];

static int make_farm_dir(void) {
    const char *base = getenv("TMPDIR");
    if (base == NULL || base[0] == '\0') {
        base = P_tmpdir;
    }
    snprintf(farm_dir, sizeof farm_dir, "%s/oxpar-c-farm-XXXXXX", base);
    return mkdtemp(farm_dir) != NULL;
}

/* farm_dir/name */
static const char *farm_path(char *buf, size_t size, const char *name) {
    snprintf(buf, size, "%s/%s", farm_dir, name);
    return buf;
}

/* Removes every file of the folder (it has no subfolders), then the folder. */
static void remove_farm_dir(void) {
    DIR *d = opendir(farm_dir);
    struct dirent *e;
    char path[1024];
    if (d == NULL) {
        return;
    }
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            snprintf(path, sizeof path, "%s/%s", farm_dir, e->d_name);
            unlink(path);
        }
    }
    closedir(d);
    rmdir(farm_dir);
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    if (f != NULL) {
        fputs(text, f);
        fclose(f);
    }
}

/* ---- a task that records its attempts and fails on demand ---------------- */

enum task_mode {
    RUN_OK,         /* succeeds */
    FAIL_FIRST,     /* fails its first attempt (with a message), then succeeds */
    FAIL_ALWAYS,    /* fails every attempt, with a message naming the attempt */
    FAIL_SILENT,    /* returns -42 every time without calling oxpar_farm_task_error */
    OK_WITH_MESSAGE /* calls oxpar_farm_task_error, then succeeds (the message must not leak) */
};

struct probe {
    size_t n;
    unsigned *calls;           /* calls[t]: attempts of task t (atomic increments) */
    pthread_t *who;            /* who[t * MAX_ATTEMPTS + k]: the thread of attempt k */
    unsigned char *mode;       /* enum task_mode of each task; NULL: all RUN_OK */
    long sleep_us;             /* each attempt sleeps this long */
    unsigned long out_of_range; /* calls with t >= n (atomic) */
};

static void probe_init(struct probe *p, size_t n) {
    p->n = n;
    p->calls = (unsigned *)xmalloc(n * sizeof(unsigned));
    p->who = (pthread_t *)xmalloc(n * MAX_ATTEMPTS * sizeof(pthread_t));
    p->mode = (unsigned char *)xmalloc(n);
    memset(p->calls, 0, n * sizeof(unsigned));
    memset(p->mode, RUN_OK, n);
    p->sleep_us = 0;
    p->out_of_range = 0;
}

static void probe_reset(struct probe *p) {
    memset(p->calls, 0, p->n * sizeof(unsigned));
    p->out_of_range = 0;
}

static void probe_free(struct probe *p) {
    free(p->calls);
    free(p->who);
    free(p->mode);
}

static int32_t probe_task(size_t t, void *user) {
    struct probe *p = (struct probe *)user;
    unsigned k;
    char msg[96];
    if (t >= p->n) {
        __atomic_fetch_add(&p->out_of_range, 1UL, __ATOMIC_RELAXED);
        return 0;
    }
    k = __atomic_fetch_add(&p->calls[t], 1U, __ATOMIC_RELAXED);
    if (k < MAX_ATTEMPTS) {
        p->who[t * MAX_ATTEMPTS + k] = pthread_self();
    }
    if (p->sleep_us > 0) {
        sleep_us(p->sleep_us);
    }
    switch (p->mode[t]) {
    case FAIL_FIRST:
        if (k == 0) {
            snprintf(msg, sizeof msg, "task %lu: the first attempt fails", (unsigned long)t);
            oxpar_farm_task_error(msg);
            return 1;
        }
        return 0;
    case FAIL_ALWAYS:
        snprintf(msg, sizeof msg, "task %lu: attempt %u fails", (unsigned long)t, k + 1);
        oxpar_farm_task_error(msg);
        return 3;
    case FAIL_SILENT:
        return -42;
    case OK_WITH_MESSAGE:
        oxpar_farm_task_error("this message must not leak into another task's report");
        return 0;
    default:
        return 0;
    }
}

static unsigned long never_calls;

static int32_t must_not_run(size_t t, void *user) {
    (void)t;
    (void)user;
    __atomic_fetch_add(&never_calls, 1UL, __ATOMIC_RELAXED);
    return 0;
}

/* The outcome of task t in `r`, or -1 (and a failed check) if it cannot be read. */
static int32_t task_state(const oxpar_farm_report *r, size_t t, uint32_t *attempts) {
    int32_t state = -1;
    *attempts = 0;
    if (!CHECK_OK(oxpar_farm_report_task(r, t, &state, attempts), "report_task(%lu)",
                  (unsigned long)t)) {
        return -1;
    }
    return state;
}

/* Checks the counts of a report. */
static void check_counts(const oxpar_farm_report *r, const char *what, size_t done,
                         size_t failed, size_t resumed) {
    size_t d = 99999, f = 99999, s = 99999;
    if (CHECK_OK(oxpar_farm_report_counts(r, &d, &f, &s), "%s: report_counts", what)) {
        CHECK(d == done && f == failed && s == resumed,
              "%s: counts done %lu failed %lu resumed %lu, expected %lu %lu %lu", what,
              (unsigned long)d, (unsigned long)f, (unsigned long)s, (unsigned long)done,
              (unsigned long)failed, (unsigned long)resumed);
    }
}

/* ---- every task exactly once -------------------------------------------- */

static void farm_once(const oxpar_farm *farm, const oxpar_context *ctx, const char *spec,
                      size_t n) {
    struct probe p;
    oxpar_farm_report *r = NULL;
    size_t t, wrong = 0, bad_outcomes = 0, errors = 0;
    probe_init(&p, n);
    if (CHECK_OK(oxpar_farm_run(farm, ctx, n, probe_task, &p, &r), "%s: run %lu tasks", spec,
                 (unsigned long)n)) {
        for (t = 0; t < n; t++) {
            uint32_t a;
            wrong += p.calls[t] != 1;
            bad_outcomes += task_state(r, t, &a) != OXPAR_TASK_STATE_DONE || a != 1;
            errors += oxpar_farm_report_error(r, t) != NULL;
        }
        CHECK(wrong == 0 && p.out_of_range == 0,
              "%s, %lu tasks: %lu not run exactly once, %lu calls out of range", spec,
              (unsigned long)n, (unsigned long)wrong, p.out_of_range);
        CHECK(bad_outcomes == 0 && errors == 0,
              "%s, %lu tasks: %lu outcomes not DONE on attempt 1, %lu with an error", spec,
              (unsigned long)n, (unsigned long)bad_outcomes, (unsigned long)errors);
        check_counts(r, spec, n, 0, 0);
        /* the report has exactly n tasks */
        CHECK_ERR(oxpar_farm_report_task(r, n, NULL, NULL), OXPAR_STATUS_INVALID_ARGUMENT,
                  "oxpar_farm_report_task", "task");
        CHECK(oxpar_farm_report_error(r, n) == NULL, "%s: report_error out of range", spec);
        oxpar_farm_report_free(r);
    }
    probe_free(&p);
}

/* ---- failures and retries ----------------------------------------------- */

#define FAIL_TASKS 60

static void farm_failures(oxpar_farm *farm, const oxpar_context *ctx, const char *spec,
                          size_t threads, uint32_t retries) {
    struct probe p;
    oxpar_farm_report *r = NULL;
    size_t t, expect_failed = 0;
    unsigned long same_thread = 0;
    char keep[256];
    probe_init(&p, FAIL_TASKS);
    for (t = 0; t < FAIL_TASKS; t++) {
        p.mode[t] = t % 7 == 3 ? FAIL_FIRST : RUN_OK;
    }
    p.mode[10] = FAIL_ALWAYS;
    p.mode[45] = FAIL_ALWAYS;
    p.mode[19] = OK_WITH_MESSAGE; /* runs just before 20 on one thread */
    p.mode[20] = FAIL_SILENT;
    p.sleep_us = 200; /* spread the tasks over the threads */
    CHECK_OK(oxpar_farm_set_retries(farm, retries), "set_retries(%u)", (unsigned)retries);

    /* a failing call leaves a message; the run (successful, though tasks
       fail) must leave it alone */
    oxpar_farm_set_retries(NULL, 0);
    snprintf(keep, sizeof keep, "%s", oxpar_last_error_message());

    if (!CHECK_OK(oxpar_farm_run(farm, ctx, FAIL_TASKS, probe_task, &p, &r),
                  "%s retries %u: run", spec, (unsigned)retries)) {
        probe_free(&p);
        return;
    }
    CHECK(strcmp(oxpar_last_error_message(), keep) == 0,
          "%s retries %u: a successful run changed the last error message to \"%s\"", spec,
          (unsigned)retries, oxpar_last_error_message());
    /* the bulk reader agrees with the per-task one */
    {
        int32_t states[FAIL_TASKS];
        uint32_t tries[FAIL_TASKS];
        size_t mismatched = 0;
        if (CHECK_OK(oxpar_farm_report_states(r, states, tries, FAIL_TASKS), "report_states")) {
            for (t = 0; t < FAIL_TASKS; t++) {
                uint32_t a;
                if (task_state(r, t, &a) != states[t] || a != tries[t]) {
                    mismatched++;
                }
            }
            CHECK(mismatched == 0, "%s: report_states differs from report_task for %lu tasks",
                  spec, (unsigned long)mismatched);
        }
        CHECK_OK(oxpar_farm_report_states(r, NULL, tries, 3), "report_states(NULL states)");
        CHECK_ERR(oxpar_farm_report_states(r, states, tries, FAIL_TASKS + 1),
                  OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_farm_report_states", "n");
        CHECK_ERR(oxpar_farm_report_states(NULL, states, tries, 1), OXPAR_STATUS_NULL_POINTER,
                  "oxpar_farm_report_states", "report");
    }
    for (t = 0; t < FAIL_TASKS; t++) {
        uint32_t a;
        int32_t s = task_state(r, t, &a);
        const char *e = oxpar_farm_report_error(r, t);
        unsigned want_calls = 1;
        char want[96];
        switch (p.mode[t]) {
        case FAIL_FIRST:
            if (retries == 0) {
                snprintf(want, sizeof want, "task %lu: the first attempt fails", (unsigned long)t);
                CHECK(s == OXPAR_TASK_STATE_FAILED && a == 1 && e != NULL && strcmp(e, want) == 0,
                      "%s retries 0: task %lu (fails once): state %d attempts %u error \"%s\"",
                      spec, (unsigned long)t, (int)s, (unsigned)a, e ? e : "(NULL)");
                expect_failed++;
            } else {
                want_calls = 2;
                CHECK(s == OXPAR_TASK_STATE_DONE && a == 2 && e == NULL,
                      "%s retries %u: task %lu (fails once): state %d attempts %u error \"%s\"",
                      spec, (unsigned)retries, (unsigned long)t, (int)s, (unsigned)a,
                      e ? e : "(NULL)");
            }
            break;
        case FAIL_ALWAYS:
            want_calls = retries + 1;
            snprintf(want, sizeof want, "task %lu: attempt %u fails", (unsigned long)t,
                     retries + 1);
            CHECK(s == OXPAR_TASK_STATE_FAILED && a == retries + 1 && e != NULL &&
                      strcmp(e, want) == 0,
                  "%s retries %u: task %lu (always fails): state %d attempts %u error \"%s\", "
                  "expected FAILED, %u, \"%s\"",
                  spec, (unsigned)retries, (unsigned long)t, (int)s, (unsigned)a,
                  e ? e : "(NULL)", (unsigned)retries + 1, want);
            expect_failed++;
            break;
        case FAIL_SILENT:
            want_calls = retries + 1;
            CHECK(s == OXPAR_TASK_STATE_FAILED && a == retries + 1 && e != NULL &&
                      strstr(e, "-42") != NULL && strstr(e, "must not leak") == NULL,
                  "%s retries %u: task %lu (returns -42 without a message): state %d "
                  "attempts %u error \"%s\" (expected one naming -42)",
                  spec, (unsigned)retries, (unsigned long)t, (int)s, (unsigned)a,
                  e ? e : "(NULL)");
            expect_failed++;
            break;
        default:
            CHECK(s == OXPAR_TASK_STATE_DONE && a == 1 && e == NULL,
                  "%s retries %u: task %lu: state %d attempts %u error \"%s\"", spec,
                  (unsigned)retries, (unsigned long)t, (int)s, (unsigned)a, e ? e : "(NULL)");
        }
        CHECK(p.calls[t] == want_calls, "%s retries %u: task %lu ran %u times, expected %u",
              spec, (unsigned)retries, (unsigned long)t, p.calls[t], want_calls);
        /* a retry runs on the next worker: never on the thread that just failed */
        if (threads > 1) {
            unsigned k;
            for (k = 1; k < p.calls[t] && k < MAX_ATTEMPTS; k++) {
                same_thread +=
                    pthread_equal(p.who[t * MAX_ATTEMPTS + k], p.who[t * MAX_ATTEMPTS + k - 1]) !=
                    0;
            }
        }
    }
    CHECK(same_thread == 0,
          "%s retries %u: %lu retries ran on the thread whose attempt had just failed", spec,
          (unsigned)retries, same_thread);
    check_counts(r, spec, FAIL_TASKS - expect_failed, expect_failed, 0);
    oxpar_farm_report_free(r);
    probe_free(&p);
}

/* ---- progress ----------------------------------------------------------- */

struct progress_log {
    int in_callback;             /* set while a call lasts (atomic exchange) */
    unsigned long calls, overlaps, backwards, inconsistent;
    size_t total, done, failed, running, resumed; /* of the last call */
    double elapsed, eta;                          /* of the last call */
    size_t expect_total;
};

static void progress_cb(size_t total, size_t done, size_t failed, size_t running,
                        size_t resumed, double elapsed, double eta, void *user) {
    struct progress_log *l = (struct progress_log *)user;
    if (__atomic_exchange_n(&l->in_callback, 1, __ATOMIC_ACQ_REL) != 0) {
        __atomic_fetch_add(&l->overlaps, 1UL, __ATOMIC_RELAXED);
        return;
    }
    if (l->calls > 0 && (done < l->done || resumed != l->resumed || elapsed < l->elapsed)) {
        l->backwards++;
    }
    if (total != l->expect_total || done + resumed > total || !(elapsed >= 0.0) ||
        eta != eta) {
        l->inconsistent++;
    }
    l->calls++;
    l->total = total;
    l->done = done;
    l->failed = failed;
    l->running = running;
    l->resumed = resumed;
    l->elapsed = elapsed;
    l->eta = eta;
    sleep_us(1000); /* a call that overlaps this one would be seen */
    __atomic_store_n(&l->in_callback, 0, __ATOMIC_RELEASE);
}

static void progress_init(struct progress_log *l, size_t total) {
    memset(l, 0, sizeof *l);
    l->expect_total = total;
}

static int32_t trivial_task(size_t t, void *user) {
    (void)t;
    (void)user;
    return 0;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* A run returns when its last task ends, never after waiting out the
   progress interval: 100 runs of 10 trivial tasks with a 0.2 s interval each
   take well under 0.2 s, and an interval of 1e30 s (the final report only)
   returns at all. A hang is turned into a failure by alarm(). */
static void farm_progress_never_waits(const oxpar_context *ctx, const char *spec) {
    oxpar_farm *farm = NULL;
    oxpar_farm_report *r = NULL;
    struct progress_log log;
    double slowest = 0.0;
    unsigned long slow = 0, extra_reports = 0, bad = 0;
    int i;
    if (!CHECK_OK(oxpar_farm_create(&farm), "farm_create")) {
        return;
    }
    alarm(120);
    CHECK_OK(oxpar_farm_set_progress(farm, progress_cb, &log, 0.2), "set_progress(0.2)");
    for (i = 0; i < 100; i++) {
        double t0 = now_seconds(), took;
        progress_init(&log, 10);
        if (oxpar_farm_run(farm, ctx, 10, trivial_task, NULL, &r) != OXPAR_STATUS_OK) {
            bad++;
            continue;
        }
        took = now_seconds() - t0;
        oxpar_farm_report_free(r);
        r = NULL;
        slowest = took > slowest ? took : slowest;
        slow += took >= 0.15;
        extra_reports += took < 0.2 && log.calls != 1;
    }
    CHECK(bad == 0 && slow == 0 && extra_reports == 0,
          "%s: 100 runs of 10 trivial tasks, progress every 0.2 s: %lu failed, %lu took 0.15 s "
          "or more (slowest %.3f s), %lu had other reports than the final one",
          spec, bad, slow, slowest, extra_reports);

    CHECK_OK(oxpar_farm_set_progress(farm, progress_cb, &log, 1e30), "set_progress(1e30)");
    for (i = 0; i < 50; i++) {
        size_t n = (size_t)(i % 5) * 7;
        progress_init(&log, n);
        if (!CHECK_OK(oxpar_farm_run(farm, ctx, n, trivial_task, NULL, &r),
                      "%s: run %lu tasks, progress every 1e30 s", spec, (unsigned long)n)) {
            break;
        }
        oxpar_farm_report_free(r);
        r = NULL;
        if (!CHECK(log.calls == 1 && log.done == n && log.eta == 0.0,
                   "%s: interval 1e30 s, %lu tasks: %lu reports (expected the final one), "
                   "last done %lu eta %g",
                   spec, (unsigned long)n, log.calls, (unsigned long)log.done, log.eta)) {
            break;
        }
    }
    alarm(0);
    oxpar_farm_free(farm);
}

static void farm_progress(const oxpar_context *ctx, const char *spec) {
    enum { N = 60 };
    oxpar_farm *farm = NULL;
    oxpar_farm_report *r = NULL;
    struct progress_log log;
    struct probe p;
    if (!CHECK_OK(oxpar_farm_create(&farm), "farm_create")) {
        return;
    }
    probe_init(&p, N);
    p.mode[7] = FAIL_FIRST;
    p.mode[8] = FAIL_ALWAYS;
    p.sleep_us = 3000; /* at least 60 ms on each thread: many intervals of 2 ms */
    progress_init(&log, N);
    CHECK_OK(oxpar_farm_set_retries(farm, 1), "set_retries");
    CHECK_OK(oxpar_farm_set_progress(farm, progress_cb, &log, 0.002), "set_progress");
    if (CHECK_OK(oxpar_farm_run(farm, ctx, N, probe_task, &p, &r), "%s: run with progress",
                 spec)) {
        /* the last call: at the end, with done = N - failed tasks, ETA 0;
           failed counts failed attempts (task 7: 1, task 8: 2) */
        CHECK(log.calls >= 2, "%s: progress called %lu times in a run of 20+ intervals", spec,
              log.calls);
        CHECK(log.overlaps == 0, "%s: progress called concurrently with itself (%lu times)",
              spec, log.overlaps);
        CHECK(log.backwards == 0 && log.inconsistent == 0,
              "%s: progress went backwards %lu times, was inconsistent %lu times", spec,
              log.backwards, log.inconsistent);
        CHECK(log.total == N && log.done == N - 1 && log.failed == 3 && log.running == 0 &&
                  log.resumed == 0 && log.eta == 0.0,
              "%s: last progress total %lu done %lu failed %lu running %lu resumed %lu eta %g, "
              "expected %d %d 3 0 0 0",
              spec, (unsigned long)log.total, (unsigned long)log.done, (unsigned long)log.failed,
              (unsigned long)log.running, (unsigned long)log.resumed, log.eta, N, N - 1);
        check_counts(r, spec, N - 1, 1, 0);
        oxpar_farm_report_free(r);
        r = NULL;
    }

    /* no tasks: one call at the end */
    progress_init(&log, 0);
    if (CHECK_OK(oxpar_farm_run(farm, ctx, 0, must_not_run, NULL, &r),
                 "%s: run 0 tasks with progress", spec)) {
        CHECK(log.calls >= 1 && log.total == 0 && log.done == 0 && log.eta == 0.0 &&
                  log.overlaps == 0,
              "%s, 0 tasks: progress called %lu times, last total %lu done %lu eta %g", spec,
              log.calls, (unsigned long)log.total, (unsigned long)log.done, log.eta);
        oxpar_farm_report_free(r);
        r = NULL;
    }

    /* a NULL callback: no progress reports */
    progress_init(&log, N);
    probe_reset(&p);
    memset(p.mode, RUN_OK, N);
    p.sleep_us = 0;
    CHECK_OK(oxpar_farm_set_progress(farm, NULL, &log, 0.001), "set_progress(NULL)");
    if (CHECK_OK(oxpar_farm_run(farm, ctx, N, probe_task, &p, &r),
                 "%s: run without progress", spec)) {
        CHECK(log.calls == 0, "%s: a NULL progress callback, yet %lu reports", spec, log.calls);
        check_counts(r, spec, N, 0, 0);
        oxpar_farm_report_free(r);
    }
    probe_free(&p);
    oxpar_farm_free(farm);
    farm_progress_never_waits(ctx, spec);
}

/* ---- checkpoints -------------------------------------------------------- */

#define CK_TASKS 40

/* Reruns a farm of 4 tasks whose checkpoint has every task: none may run. */
static void farm_rerun_does_nothing(const oxpar_farm *farm, const oxpar_context *ctx,
                                    struct probe *p, const char *spec, const char *what) {
    oxpar_farm_report *r = NULL;
    oxpar_status st;
    probe_reset(p);
    st = oxpar_farm_run(farm, ctx, 4, probe_task, p, &r);
    CHECK_OK(st, "%s: rerun after %s", spec, what);
    if (st == OXPAR_STATUS_OK) {
        CHECK(p->calls[0] + p->calls[1] + p->calls[2] + p->calls[3] == 0,
              "%s: rerun after %s: calls %u %u %u %u, expected none", spec, what, p->calls[0],
              p->calls[1], p->calls[2], p->calls[3]);
        check_counts(r, spec, 0, 0, 4);
        oxpar_farm_report_free(r);
    }
}

static void farm_checkpoint(const oxpar_context *ctx, const char *spec, size_t s) {
    oxpar_farm *farm = NULL;
    oxpar_farm_report *r = NULL;
    struct probe p;
    struct progress_log log;
    char ck[1024], name[64], other[1024];
    size_t t, wrong = 0;
    oxpar_status st;
    if (!CHECK_OK(oxpar_farm_create(&farm), "farm_create")) {
        return;
    }
    snprintf(name, sizeof name, "ck%lu", (unsigned long)s);
    farm_path(ck, sizeof ck, name);
    CHECK_OK(oxpar_farm_set_checkpoint(farm, ck), "set_checkpoint");
    CHECK_OK(oxpar_farm_set_retries(farm, 1), "set_retries");
    probe_init(&p, CK_TASKS);
    p.mode[5] = FAIL_ALWAYS;
    p.mode[33] = FAIL_ALWAYS;

    /* 1: two tasks fail for good */
    if (CHECK_OK(oxpar_farm_run(farm, ctx, CK_TASKS, probe_task, &p, &r),
                 "%s checkpoint: first run", spec)) {
        check_counts(r, spec, CK_TASKS - 2, 2, 0);
        oxpar_farm_report_free(r);
        r = NULL;
    }

    /* 2: the same file: only the two failed tasks run (and now succeed) */
    probe_reset(&p);
    p.mode[5] = RUN_OK;
    p.mode[33] = RUN_OK;
    progress_init(&log, CK_TASKS);
    CHECK_OK(oxpar_farm_set_progress(farm, progress_cb, &log, 0.5), "set_progress");
    if (CHECK_OK(oxpar_farm_run(farm, ctx, CK_TASKS, probe_task, &p, &r),
                 "%s checkpoint: second run", spec)) {
        for (t = 0; t < CK_TASKS; t++) {
            uint32_t a;
            int32_t state = task_state(r, t, &a);
            if (t == 5 || t == 33) {
                wrong += p.calls[t] != 1 || state != OXPAR_TASK_STATE_DONE || a != 1;
            } else {
                wrong += p.calls[t] != 0 || state != OXPAR_TASK_STATE_RESUMED || a != 0 ||
                         oxpar_farm_report_error(r, t) != NULL;
            }
        }
        CHECK(wrong == 0,
              "%s checkpoint, second run: %lu tasks ran or were reported wrongly (5 and 33 "
              "must run once and be DONE, the rest RESUMED with 0 attempts)",
              spec, (unsigned long)wrong);
        check_counts(r, spec, 2, 0, CK_TASKS - 2);
        CHECK(log.calls >= 1 && log.done == 2 && log.resumed == CK_TASKS - 2 &&
                  log.total == CK_TASKS && log.eta == 0.0,
              "%s checkpoint, second run: last progress done %lu resumed %lu total %lu eta %g",
              spec, (unsigned long)log.done, (unsigned long)log.resumed,
              (unsigned long)log.total, log.eta);
        oxpar_farm_report_free(r);
        r = NULL;
    }
    CHECK_OK(oxpar_farm_set_progress(farm, NULL, NULL, 1.0), "clear progress");

    /* 3: nothing is left */
    probe_reset(&p);
    if (CHECK_OK(oxpar_farm_run(farm, ctx, CK_TASKS, probe_task, &p, &r),
                 "%s checkpoint: third run", spec)) {
        for (t = 0, wrong = 0; t < CK_TASKS; t++) {
            wrong += p.calls[t] != 0;
        }
        CHECK(wrong == 0, "%s checkpoint, third run: %lu tasks ran again", spec,
              (unsigned long)wrong);
        check_counts(r, spec, 0, 0, CK_TASKS);
        oxpar_farm_report_free(r);
        r = NULL;
    }

    /* a checkpoint of another farm size */
    never_calls = 0;
    st = oxpar_farm_run(farm, ctx, CK_TASKS + 1, must_not_run, NULL, &r);
    CHECK_ERR(st, OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_farm_run", "checkpoint");
    CHECK(last_error_contains(ck) && last_error_contains("40") && last_error_contains("41"),
          "%s: the message of a mismatched checkpoint does not name the file and both task "
          "counts: \"%s\"",
          spec, oxpar_last_error_message());
    CHECK(r == NULL && never_calls == 0, "%s: a failed run stored a report or ran %lu tasks",
          spec, never_calls);

    /* a file that is not a checkpoint */
    snprintf(name, sizeof name, "junk%lu", (unsigned long)s);
    write_file(farm_path(other, sizeof other, name), "hello\nworld\n");
    CHECK_OK(oxpar_farm_set_checkpoint(farm, other), "set_checkpoint(junk)");
    CHECK_ERR(oxpar_farm_run(farm, ctx, 3, must_not_run, NULL, &r),
              OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_farm_run", "checkpoint");
    CHECK(r == NULL && never_calls == 0, "%s: a bad checkpoint stored a report or ran tasks",
          spec);

    /* a last line cut short (a write interrupted by a crash) is ignored */
    snprintf(name, sizeof name, "torn%lu", (unsigned long)s);
    write_file(farm_path(other, sizeof other, name), "oxpar-farm checkpoint v1 tasks=4\n2\n1");
    CHECK_OK(oxpar_farm_set_checkpoint(farm, other), "set_checkpoint(torn)");
    probe_reset(&p);
    p.n = 4;
    if (CHECK_OK(oxpar_farm_run(farm, ctx, 4, probe_task, &p, &r), "%s: torn checkpoint",
                 spec)) {
        CHECK(p.calls[0] == 1 && p.calls[1] == 1 && p.calls[2] == 0 && p.calls[3] == 1,
              "%s: torn checkpoint: calls %u %u %u %u, expected 1 1 0 1", spec, p.calls[0],
              p.calls[1], p.calls[2], p.calls[3]);
        check_counts(r, spec, 3, 0, 1);
        oxpar_farm_report_free(r);
        r = NULL;
    }
    /* ... and the records appended after it stay intact: a rerun has
       nothing left to do (also when the header line itself was cut short) */
    {
        farm_rerun_does_nothing(farm, ctx, &p, spec, "a last line cut short");
        snprintf(name, sizeof name, "torn-header%lu", (unsigned long)s);
        write_file(farm_path(other, sizeof other, name), "oxpar-farm checkpoint v1 ta");
        CHECK_OK(oxpar_farm_set_checkpoint(farm, other), "set_checkpoint(torn header)");
        probe_reset(&p);
        if (CHECK_OK(oxpar_farm_run(farm, ctx, 4, probe_task, &p, &r),
                     "%s: checkpoint with a header cut short", spec)) {
            check_counts(r, spec, 4, 0, 0);
            oxpar_farm_report_free(r);
            r = NULL;
        }
        farm_rerun_does_nothing(farm, ctx, &p, spec, "a header cut short");
    }
    p.n = CK_TASKS;

    /* a folder that does not exist: an error, no task runs */
    snprintf(name, sizeof name, "no-such-folder/ck%lu", (unsigned long)s);
    CHECK_OK(oxpar_farm_set_checkpoint(farm, farm_path(other, sizeof other, name)),
             "set_checkpoint(missing folder)");
    CHECK_ERR(oxpar_farm_run(farm, ctx, 3, must_not_run, NULL, &r),
              OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_farm_run", NULL);
    CHECK(last_error_contains("no-such-folder"),
          "%s: the error of an unwritable checkpoint does not name it: \"%s\"", spec,
          oxpar_last_error_message());
    CHECK(r == NULL && never_calls == 0, "%s: an unwritable checkpoint stored a report or "
          "ran tasks", spec);

    /* NULL clears the checkpoint: everything runs, whatever the file says */
    CHECK_OK(oxpar_farm_set_checkpoint(farm, NULL), "set_checkpoint(NULL)");
    probe_reset(&p);
    if (CHECK_OK(oxpar_farm_run(farm, ctx, CK_TASKS, probe_task, &p, &r),
                 "%s: run after clearing the checkpoint", spec)) {
        for (t = 0, wrong = 0; t < CK_TASKS; t++) {
            wrong += p.calls[t] != 1;
        }
        CHECK(wrong == 0, "%s: without a checkpoint, %lu tasks did not run once", spec,
              (unsigned long)wrong);
        check_counts(r, spec, CK_TASKS, 0, 0);
        oxpar_farm_report_free(r);
    }
    probe_free(&p);
    oxpar_farm_free(farm);
}

/* ---- killed in the middle, then resumed ----------------------------------- */

#define KILL_TASKS 50
#define KILL_AT 23

struct kill_probe {
    int log_fd;
    const char *marker;
};

/* Task KILL_AT kills the process the first time (when it creates the
   marker); every task that completes logs its index with one write(). */
static int32_t kill_task(size_t t, void *user) {
    struct kill_probe *k = (struct kill_probe *)user;
    char line[32];
    int len;
    if (t == KILL_AT) {
        int fd = open(k->marker, O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (fd >= 0) {
            close(fd);
            raise(SIGKILL);
        }
    }
    len = snprintf(line, sizeof line, "%lu\n", (unsigned long)t);
    if (write(k->log_fd, line, (size_t)len) != (ssize_t)len) {
        return 1;
    }
    return 0;
}

/* The child: runs the farm with the checkpoint on "threads:1"; exits 0 when
   the run completes every task and resumed `expect_resumed` of them. */
static void kill_child(const char *ck, const char *logpath, const char *marker,
                       size_t expect_resumed) {
    oxpar_context *ctx = NULL;
    oxpar_farm *farm = NULL;
    oxpar_farm_report *r = NULL;
    struct kill_probe k;
    size_t done = 0, failed = 0, resumed = 0;
    int rc = 0;
    k.marker = marker;
    k.log_fd = open(logpath, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (k.log_fd < 0 || oxpar_context_create("threads:1", &ctx) != OXPAR_STATUS_OK ||
        oxpar_farm_create(&farm) != OXPAR_STATUS_OK ||
        oxpar_farm_set_checkpoint(farm, ck) != OXPAR_STATUS_OK) {
        fprintf(stderr, "kill-and-resume child: setup failed: %s\n", oxpar_last_error_message());
        _exit(10);
    }
    if (oxpar_farm_run(farm, ctx, KILL_TASKS, kill_task, &k, &r) != OXPAR_STATUS_OK) {
        fprintf(stderr, "kill-and-resume child: run failed: %s\n", oxpar_last_error_message());
        rc = 11;
    } else {
        oxpar_farm_report_counts(r, &done, &failed, &resumed);
        if (failed != 0 || done + resumed != KILL_TASKS || resumed != expect_resumed) {
            fprintf(stderr,
                    "kill-and-resume child: done %lu failed %lu resumed %lu, expected "
                    "resumed %lu\n",
                    (unsigned long)done, (unsigned long)failed, (unsigned long)resumed,
                    (unsigned long)expect_resumed);
            rc = 12;
        }
        oxpar_farm_report_free(r);
    }
    oxpar_farm_free(farm);
    oxpar_context_free(ctx);
    close(k.log_fd);
    fflush(stderr);
    _exit(rc);
}

/* Waits for `pid` (at most `seconds`; then kills it); returns its wait status,
   or -1 if it had to be killed. */
static int wait_child(pid_t pid, int seconds) {
    int status = 0;
    long waited_ms = 0;
    for (;;) {
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid) {
            return status;
        }
        if (w < 0 && errno != EINTR) {
            return -1;
        }
        if (waited_ms >= (long)seconds * 1000) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        sleep_us(10000);
        waited_ms += 10;
    }
}

/* counts[t] := how often t is in the log; returns the number of lines (or
   -1 if a line is not a task index). */
static long read_log(const char *path, unsigned *counts) {
    FILE *f = fopen(path, "r");
    unsigned long t;
    long lines = 0;
    memset(counts, 0, KILL_TASKS * sizeof(unsigned));
    if (f == NULL) {
        return 0;
    }
    while (fscanf(f, "%lu", &t) == 1) {
        if (t >= KILL_TASKS) {
            fclose(f);
            return -1;
        }
        counts[t]++;
        lines++;
    }
    fclose(f);
    return lines;
}

static void farm_kill_and_resume(void) {
    char ck[1024], logpath[1024], marker[1024];
    unsigned counts[KILL_TASKS];
    long first;
    size_t t, wrong = 0;
    pid_t pid;
    int status;
    /* generous: the children run under valgrind in make c-valgrind */
    const int deadline = 300;
    farm_path(ck, sizeof ck, "kill.ck");
    farm_path(logpath, sizeof logpath, "kill.log");
    farm_path(marker, sizeof marker, "kill.marker");

    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid == 0) {
        kill_child(ck, logpath, marker, 0);
    }
    if (!CHECK(pid > 0, "fork: %s", strerror(errno))) {
        return;
    }
    status = wait_child(pid, deadline);
    CHECK(status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
          "kill-and-resume: the first run was not killed by SIGKILL (wait status %d)", status);
    CHECK(access(marker, F_OK) == 0, "kill-and-resume: task %d never ran", KILL_AT);
    first = read_log(logpath, counts);
    for (t = 0; t < KILL_TASKS; t++) {
        wrong += counts[t] > 1;
    }
    CHECK(first > 0 && first < KILL_TASKS && wrong == 0 && counts[KILL_AT] == 0,
          "kill-and-resume: the killed run logged %ld tasks (%lu twice, task %d %u times)",
          first, (unsigned long)wrong, KILL_AT, counts[KILL_AT]);

    /* the rerun resumes exactly the tasks the killed run completed */
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid == 0) {
        kill_child(ck, logpath, marker, first > 0 ? (size_t)first : 0);
    }
    if (!CHECK(pid > 0, "fork: %s", strerror(errno))) {
        return;
    }
    status = wait_child(pid, deadline);
    CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "kill-and-resume: the rerun failed (wait status %d, exit code %d)", status,
          status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    read_log(logpath, counts);
    for (t = 0, wrong = 0; t < KILL_TASKS; t++) {
        wrong += counts[t] != 1;
    }
    CHECK(wrong == 0, "kill-and-resume: %lu of %d tasks did not complete exactly once over "
          "both runs", (unsigned long)wrong, KILL_TASKS);
}

/* ---- bad input ---------------------------------------------------------- */

static void farm_bad_input(const oxpar_context *ctx) {
    oxpar_farm *farm = NULL;
    oxpar_farm_report *r = NULL;
    struct probe p;
    size_t d = 7;
    int32_t state = 7;
    uint32_t attempts = 7;
    volatile double zero = 0.0;
    oxpar_status st;

    CHECK_ERR(oxpar_farm_create(NULL), OXPAR_STATUS_NULL_POINTER, "oxpar_farm_create", "out");
    CHECK_ERR(oxpar_farm_set_retries(NULL, 1), OXPAR_STATUS_NULL_POINTER,
              "oxpar_farm_set_retries", "farm");
    CHECK_ERR(oxpar_farm_set_checkpoint(NULL, "x"), OXPAR_STATUS_NULL_POINTER,
              "oxpar_farm_set_checkpoint", "farm");
    CHECK_ERR(oxpar_farm_set_progress(NULL, progress_cb, NULL, 1.0), OXPAR_STATUS_NULL_POINTER,
              "oxpar_farm_set_progress", "farm");
    oxpar_farm_free(NULL);
    oxpar_farm_report_free(NULL);
    /* outside a task, oxpar_farm_task_error does nothing harmful */
    oxpar_farm_task_error("not in a task");
    oxpar_farm_task_error(NULL);
    if (!CHECK_OK(oxpar_farm_create(&farm), "farm_create")) {
        return;
    }
    CHECK_ERR(oxpar_farm_set_progress(farm, progress_cb, NULL, 0.0),
              OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_farm_set_progress", "interval_seconds");
    CHECK_ERR(oxpar_farm_set_progress(farm, progress_cb, NULL, -1.0),
              OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_farm_set_progress", "interval_seconds");
    CHECK_ERR(oxpar_farm_set_progress(farm, progress_cb, NULL, test_nan()),
              OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_farm_set_progress", "interval_seconds");
    CHECK_ERR(oxpar_farm_set_progress(farm, progress_cb, NULL, 1.0 / zero),
              OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_farm_set_progress", "interval_seconds");
    CHECK_ERR(oxpar_farm_set_checkpoint(farm, ""), OXPAR_STATUS_INVALID_ARGUMENT,
              "oxpar_farm_set_checkpoint", "path");
    {
        /* positive and finite: accepted (not a caught panic) */
        st = oxpar_farm_set_progress(farm, progress_cb, NULL, 1e300);
        CHECK(st == OXPAR_STATUS_OK,
              "set_progress(interval 1e300), positive and finite: status %d (%s): %s", (int)st,
              oxpar_status_str(st), oxpar_last_error_message());
    }
    CHECK_OK(oxpar_farm_set_progress(farm, NULL, NULL, 1.0), "clear progress");

    never_calls = 0;
    CHECK_ERR(oxpar_farm_run(NULL, ctx, 3, must_not_run, NULL, &r), OXPAR_STATUS_NULL_POINTER,
              "oxpar_farm_run", "farm");
    CHECK_ERR(oxpar_farm_run(farm, NULL, 3, must_not_run, NULL, &r), OXPAR_STATUS_NULL_POINTER,
              "oxpar_farm_run", "ctx");
    CHECK_ERR(oxpar_farm_run(farm, ctx, 3, NULL, NULL, &r), OXPAR_STATUS_NULL_POINTER,
              "oxpar_farm_run", "task");
    CHECK_ERR(oxpar_farm_run(farm, ctx, 3, must_not_run, NULL, NULL), OXPAR_STATUS_NULL_POINTER,
              "oxpar_farm_run", "report");
    CHECK(never_calls == 0 && r == NULL, "a failing oxpar_farm_run ran %lu tasks or stored a "
          "report", never_calls);

    CHECK_ERR(oxpar_farm_report_counts(NULL, &d, NULL, NULL), OXPAR_STATUS_NULL_POINTER,
              "oxpar_farm_report_counts", "report");
    CHECK_ERR(oxpar_farm_report_task(NULL, 0, &state, &attempts), OXPAR_STATUS_NULL_POINTER,
              "oxpar_farm_report_task", "report");
    CHECK(oxpar_farm_report_error(NULL, 0) == NULL, "report_error(NULL) is not NULL");

    /* a report of 3 tasks, one failed */
    probe_init(&p, 3);
    p.mode[1] = FAIL_ALWAYS;
    CHECK_OK(oxpar_farm_set_retries(farm, 0), "set_retries(0)");
    if (CHECK_OK(oxpar_farm_run(farm, ctx, 3, probe_task, &p, &r), "run 3 tasks")) {
        const char *e1 = oxpar_farm_report_error(r, 1);
        CHECK_OK(oxpar_farm_report_counts(r, NULL, NULL, NULL), "report_counts(NULL outputs)");
        CHECK_OK(oxpar_farm_report_task(r, 2, NULL, NULL), "report_task(NULL outputs)");
        state = 7;
        attempts = 7;
        CHECK_ERR(oxpar_farm_report_task(r, 3, &state, &attempts), OXPAR_STATUS_INVALID_ARGUMENT,
                  "oxpar_farm_report_task", "task");
        CHECK_ERR(oxpar_farm_report_task(r, SIZE_MAX, &state, &attempts),
                  OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_farm_report_task", "task");
        CHECK(state == 7 && attempts == 7, "a failing report_task wrote its outputs");
        CHECK(oxpar_farm_report_error(r, 0) == NULL && oxpar_farm_report_error(r, 2) == NULL,
              "report_error of a done task is not NULL");
        CHECK(e1 != NULL && strcmp(e1, "task 1: attempt 1 fails") == 0,
              "report_error of the failed task: \"%s\"", e1 ? e1 : "(NULL)");
        CHECK(oxpar_farm_report_error(r, 3) == NULL &&
                  oxpar_farm_report_error(r, SIZE_MAX) == NULL,
              "report_error out of range is not NULL");
        /* the string lives as long as the report: still there after other calls */
        oxpar_farm_set_retries(NULL, 0);
        CHECK(e1 != NULL && strcmp(e1, oxpar_farm_report_error(r, 1)) == 0 &&
                  strcmp(e1, "task 1: attempt 1 fails") == 0,
              "report_error's string changed");
        oxpar_farm_report_free(r);
        r = NULL;
    }

    /* any number of retries is accepted; with no failures none is used */
    probe_reset(&p);
    p.mode[1] = RUN_OK;
    CHECK_OK(oxpar_farm_set_retries(farm, UINT32_MAX), "set_retries(UINT32_MAX)");
    if (CHECK_OK(oxpar_farm_run(farm, ctx, 3, probe_task, &p, &r), "run with UINT32_MAX "
                 "retries")) {
        check_counts(r, "UINT32_MAX retries", 3, 0, 0);
        oxpar_farm_report_free(r);
    }
    probe_free(&p);
    oxpar_farm_free(farm);
}

/* ---- the group ----------------------------------------------------------- */

void test_farm(void) {
    static const size_t sizes[] = {0, 1, 2, 7, 1000};
    static const uint32_t retry_counts[] = {0, 1, 2, 3};
    size_t s, i;
    if (!CHECK(make_farm_dir(), "mkdtemp under %s: %s",
               getenv("TMPDIR") ? getenv("TMPDIR") : P_tmpdir, strerror(errno))) {
        return;
    }
    for (s = 0; s < NSPECS; s++) {
        oxpar_context *ctx = NULL;
        oxpar_farm *farm = NULL;
        size_t threads = 1;
        if (!CHECK_OK(oxpar_context_create(farm_specs[s], &ctx), "create %s", farm_specs[s])) {
            continue;
        }
        CHECK_OK(oxpar_context_num_threads(ctx, &threads), "num_threads");
        if (CHECK_OK(oxpar_farm_create(&farm), "farm_create")) {
            for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
                farm_once(farm, ctx, farm_specs[s], sizes[i]);
            }
            for (i = 0; i < sizeof retry_counts / sizeof retry_counts[0]; i++) {
                farm_failures(farm, ctx, farm_specs[s], threads, retry_counts[i]);
            }
            oxpar_farm_free(farm);
        }
        farm_progress(ctx, farm_specs[s]);
        farm_checkpoint(ctx, farm_specs[s], s);
        if (s == 0) {
            farm_bad_input(ctx);
        }
        oxpar_context_free(ctx);
    }
    farm_kill_and_resume();
    remove_farm_dir();
}
