//! A parameter sweep on the task farm: the logistic map x -> r x (1 - x) for
//! 2000 values of r, each task estimating the Lyapunov exponent of one r (a
//! positive exponent means chaos). Tasks cost more for larger r on purpose
//! (uneven work), and the last one fails on every attempt, to show how a
//! failure is retried on other workers and then reported.
//!
//! ```text
//! cargo run --release -p oxpar-examples --features mpi --bin farm_sweep           # threads
//! mpiexec -n 4 target/release/farm_sweep                                          # 4 ranks
//! ```

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use oxpar::farm::{Farm, Progress, Report};
use oxpar::Result;

const POINTS: usize = 2000;

/// The parameter of task `i`: r from 2.5 to 4.
fn rate(i: usize) -> f64 {
    2.5 + 1.5 * i as f64 / (POINTS - 1) as f64
}

/// The Lyapunov exponent of the logistic map at `r`.
fn lyapunov(r: f64) -> f64 {
    let steps = 2_000 + (20_000.0 * (r - 2.5)) as usize;
    let mut x = 0.4;
    for _ in 0..500 {
        x = r * x * (1.0 - x);
    }
    let mut sum = 0.0;
    for _ in 0..steps {
        x = r * x * (1.0 - x);
        sum += (r * (1.0 - 2.0 * x)).abs().max(1e-300).ln();
    }
    sum / steps as f64
}

/// How many of this process's results are chaotic (positive exponents;
/// slots of tasks run elsewhere hold 0).
fn chaotic(exponents: &[AtomicU64]) -> u64 {
    exponents
        .iter()
        .filter(|e| f64::from_bits(e.load(Ordering::Relaxed)) > 0.0)
        .count() as u64
}

fn summarize(report: &Report, chaotic: u64) {
    println!(
        "{} tasks on {} worker(s) in {:.2} s: {} done, {} failed",
        POINTS,
        report.workers(),
        report.elapsed().as_secs_f64(),
        report.done(),
        report.failed()
    );
    for (task, error) in report.failures() {
        println!("  task {task} failed after every retry: {error}");
    }
    println!(
        "chaotic for {chaotic} of {POINTS} values of r in [2.5, 4] ({:.1}%)",
        100.0 * chaotic as f64 / POINTS as f64
    );
}

fn main() -> Result<()> {
    // One value per task; each task writes only its own slot.
    let exponents: Vec<AtomicU64> = (0..POINTS).map(|_| AtomicU64::new(0)).collect();
    let task = |i: usize| {
        if i == POINTS - 1 {
            return Err(format!("r = {}: outside this model's range", rate(i)));
        }
        exponents[i].store(lyapunov(rate(i)).to_bits(), Ordering::Relaxed);
        Ok(())
    };
    let show = |p: &Progress| {
        eprintln!(
            "  {}/{} done, {} running, eta {:.1} s",
            p.done,
            p.total,
            p.running,
            p.eta.map_or(f64::NAN, |d| d.as_secs_f64())
        )
    };
    let under_mpiexec = std::env::var_os("OMPI_COMM_WORLD_SIZE").is_some()
        || std::env::var_os("PMI_SIZE").is_some();
    if under_mpiexec {
        let mpi = oxpar::mpi_backend_from_spec("mpi+threads", None)?;
        let report = Farm::mpi(&mpi).retries(2).run(POINTS, &task)?;
        // Each rank holds the results of the tasks it ran: add up the counts.
        let mut total = [chaotic(&exponents)];
        mpi.comm().all_sum_u64(&mut total)?;
        if mpi.rank() == 0 {
            summarize(&report, total[0]);
        }
    } else {
        let threads = oxpar::ThreadsBackend::new()?;
        let report = Farm::new(&threads)
            .retries(2)
            .progress(&show, Duration::from_millis(250))
            .run(POINTS, &task)?;
        summarize(&report, chaotic(&exponents));
    }
    Ok(())
}
