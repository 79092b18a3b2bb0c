//! The task farm's cost, on threads or (under mpiexec) on ranks:
//!
//! * 10^4 tiny tasks: overhead per task in microseconds (wall time x workers
//!   / tasks, i.e. the worker time each task costs beyond its own work);
//! * 200 tasks of skewed cost (task i spins for a time growing with i^2, the
//!   largest 40x the smallest, in random order): the makespan against the
//!   ideal, total work / workers (where workers is capped at the CPUs;
//!   the work is a fixed amount of arithmetic, calibrated on one thread).
//!
//! ```text
//! cargo build --release -p oxpar-benches --features mpi --bin farm_bench
//! target/release/farm_bench threads:2
//! mpiexec -n 4 target/release/farm_bench mpi+threads
//! ```

use std::hint::black_box;
use std::time::Duration;

use oxpar::farm::{Farm, Report};
use oxpar::{Backend, Result};

/// A fixed amount of arithmetic (so that ranks sharing a core really take
/// longer, unlike a timed spin or a sleep).
fn work(iterations: u64) {
    let mut x = 1.0f64;
    for _ in 0..iterations {
        x = black_box(x * 1.000_000_1 + 1e-9);
    }
    black_box(x);
}

/// CPU time of the calling thread, in seconds (unaffected by other
/// processes sharing the core).
fn thread_cpu_seconds() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: ts is a valid out pointer; CLOCK_THREAD_CPUTIME_ID always exists on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

/// Iterations of [`work`] per microsecond of CPU time on this machine.
fn calibrate() -> f64 {
    let n = 20_000_000;
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let start = thread_cpu_seconds();
        work(n);
        best = best.min(thread_cpu_seconds() - start);
    }
    n as f64 / (best * 1e6)
}

/// The cost of skewed task `i` of `n`: quadratic growth, shuffled order.
fn skewed_cost(i: usize, n: usize) -> Duration {
    let k = (i * 7919) % n; // a fixed permutation of 0..n
    let unit = Duration::from_micros(250);
    unit + unit.mul_f64(39.0 * (k * k) as f64 / ((n - 1) * (n - 1)) as f64)
}

fn main() -> Result<()> {
    let spec = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "threads:2".to_string());
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mpi = spec
        .starts_with("mpi")
        .then(|| oxpar::mpi_backend_from_spec(&spec, None))
        .transpose()?;
    let local = match &mpi {
        Some(_) => None,
        None => Some(oxpar::backend_from_spec(&spec)?),
    };
    let farm = || match (&mpi, &local) {
        (Some(m), _) => Farm::mpi(m),
        (None, Some(l)) => Farm::new(&**l),
        (None, None) => unreachable!(),
    };
    let rank = mpi.as_ref().map_or(0, |m| m.rank());
    // The CPUs the workers share: this process's, or under mpiexec the
    // node's (every rank here runs on this node).
    let node_cpus = std::fs::read_to_string("/proc/cpuinfo")
        .map(|t| t.lines().filter(|l| l.starts_with("processor")).count())
        .unwrap_or(cpus)
        .max(1);
    let (ranks, node_cpus) = match &mpi {
        Some(m) => (m.size(), node_cpus),
        None => (1, cpus),
    };
    let label = match &mpi {
        Some(m) => format!("{} rank(s) x {} thread(s)", m.size(), m.num_threads()),
        None => format!(
            "{} thread(s)",
            local.as_ref().map_or(1, |l| l.num_threads())
        ),
    };

    // Warm up (threads started, MPI windows paged in).
    farm().run(100, &|_| Ok(()))?;

    // Tiny tasks.
    let n = 10_000;
    let mut best = f64::INFINITY;
    let mut workers = 1;
    for _ in 0..5 {
        let report: Report = farm().run(n, &|t| {
            black_box(t);
            Ok(())
        })?;
        workers = report.workers();
        best = best.min(report.elapsed().as_secs_f64());
    }
    let per_task_us = best * 1e6 * workers as f64 / n as f64;

    // Skewed tasks.
    let per_us = calibrate();
    let n = 200;
    let total: Duration = (0..n).map(|i| skewed_cost(i, n)).sum();
    let report = farm().run(n, &|t| {
        work((skewed_cost(t, n).as_secs_f64() * 1e6 * per_us) as u64);
        Ok(())
    })?;
    let effective = workers.min(node_cpus.max(1)) as f64;
    let ideal = total.as_secs_f64() / effective;
    if rank == 0 {
        println!(
            "farm {label} ({workers} workers, {ranks} rank(s), {cpus} CPU(s) here): \
             tiny tasks {per_task_us:.2} us/task; skewed makespan {:.3} s vs ideal {:.3} s = {:.2}x",
            report.elapsed().as_secs_f64(),
            ideal,
            report.elapsed().as_secs_f64() / ideal
        );
    }
    Ok(())
}
