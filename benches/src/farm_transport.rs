//! The task farm's makespan on a transport that needs the target's help to
//! progress, as a ratio of the makespan on shared memory (goal: at most 1.5).
//!
//! The load is a skewed one where rank 0 is busy: 200 tasks on 3 ranks, one
//! worker each, rank 0's tasks sleeping 0.5 s and the other ranks' 5 ms
//! (sleeps, so that ranks sharing cores on a small machine do not slow each
//! other down). A greedy farm takes about 1.0 s: rank 0 runs one task
//! while the others share the rest, and takes a second one at 0.5 s, when
//! the others (199 tasks of 5 ms between 2 workers, plus overhead) are not
//! quite done. A farm whose hand-out waits for rank 0 to enter MPI takes
//! much longer on TCP (with a one-sided counter at rank 0: 67 s, against
//! 1.0 s on shared memory).
//!
//! Run plainly, the program starts itself under mpiexec (`OXPAR_MPIEXEC`,
//! default `mpiexec --oversubscribe`) on Open MPI's default transports
//! (shared memory) and on TCP with the point-to-point one-sided component
//! (`--mca btl tcp,self --mca osc pt2pt`: a cluster without RDMA), the two
//! taking turns for `rounds` rounds (the first argument, default 3), and
//! prints each makespan, the best of each, and their ratio.
//!
//! ```text
//! cargo build --release -p oxpar-benches --features mpi --bin farm_transport
//! target/release/farm_transport 3
//! ```

use std::process::Command;
use std::time::Duration;

use oxpar::farm::Farm;
use oxpar::mpi::launch::under_mpiexec;
use oxpar::Result;

const TASKS: usize = 200;
const RANKS: usize = 3;
const RANK0_TASK: Duration = Duration::from_millis(500);
const OTHER_TASK: Duration = Duration::from_millis(5);

/// Under mpiexec: one run of the load; rank 0 prints its makespan.
fn rank_main() -> Result<()> {
    let mpi = oxpar::mpi_backend_from_spec("mpi+threads:1", None)?;
    let rank = mpi.rank();
    // Warm up (connections opened, threads started).
    Farm::mpi(&mpi).run(20, &|_| Ok(()))?;
    let report = Farm::mpi(&mpi).run(TASKS, &|_| {
        std::thread::sleep(if rank == 0 { RANK0_TASK } else { OTHER_TASK });
        Ok(())
    })?;
    if rank == 0 {
        println!("makespan {:.4}", report.elapsed().as_secs_f64());
    }
    Ok(())
}

/// One run under mpiexec with `mca` settings; the makespan in seconds.
fn launch(mca: &[&str]) -> std::result::Result<f64, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let launcher = std::env::var("OXPAR_MPIEXEC").unwrap_or_else(|_| "mpiexec".into());
    let flags = std::env::var("OXPAR_MPIEXEC_FLAGS").unwrap_or_else(|_| "--oversubscribe".into());
    let out = Command::new(&launcher)
        .args(flags.split_whitespace())
        .args(mca)
        .args(["-n", &RANKS.to_string()])
        .arg(&exe)
        .env("OMPI_ALLOW_RUN_AS_ROOT", "1")
        .env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
        .output()
        .map_err(|e| format!("cannot start {launcher}: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "{launcher} {} failed ({}):\n{text}{}",
            mca.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    text.lines()
        .find_map(|l| l.strip_prefix("makespan ")?.trim().parse().ok())
        .ok_or_else(|| format!("no makespan in the output:\n{text}"))
}

fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
    if under_mpiexec() {
        return Ok(rank_main()?);
    }
    let rounds: usize = match std::env::args().nth(1) {
        Some(a) => a.parse()?,
        None => 3,
    };
    let transports: [(&str, &[&str]); 2] = [
        ("shared memory", &[]),
        (
            "tcp + osc pt2pt",
            &["--mca", "btl", "tcp,self", "--mca", "osc", "pt2pt"],
        ),
    ];
    println!(
        "farm makespan, {TASKS} tasks on {RANKS} ranks x 1 thread, rank 0's tasks {} s, \
         the others' {} ms:",
        RANK0_TASK.as_secs_f64(),
        OTHER_TASK.as_millis(),
    );
    let mut best = [f64::INFINITY; 2];
    for round in 1..=rounds {
        let mut line = format!("  round {round}:");
        for (i, (name, mca)) in transports.iter().enumerate() {
            let t = launch(mca)?;
            best[i] = best[i].min(t);
            line += &format!(" {name} {t:.3} s;");
        }
        println!("{}", line.trim_end_matches(';'));
    }
    println!(
        "farm transport ratio: tcp + osc pt2pt {:.3} s / shared memory {:.3} s = {:.2} (best of {rounds}; goal <= 1.5)",
        best[1],
        best[0],
        best[1] / best[0]
    );
    Ok(())
}
