//! Programs that start themselves under mpiexec, as oxpar's MPI test suites
//! do: run plainly, the program launches copies of itself under
//! `mpiexec -n N` and waits for them (with a deadline, so a deadlock fails
//! instead of hanging); under mpiexec, [`under_mpiexec`] is true and each copy
//! does the real work.
//!
//! The launcher is `OXPAR_MPIEXEC` (default `mpiexec`) with the flags in
//! `OXPAR_MPIEXEC_FLAGS` (default Open MPI's `--oversubscribe`; for MPICH:
//! `OXPAR_MPIEXEC=mpiexec.mpich OXPAR_MPIEXEC_FLAGS=`); `OXPAR_MPI_RANKS`
//! (e.g. `2,4`) picks the rank counts.

use std::ffi::OsStr;
use std::process::Command;
use std::time::{Duration, Instant};

/// Whether this process was started by mpiexec (Open MPI, MPICH or PMIx).
pub fn under_mpiexec() -> bool {
    ["OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"]
        .iter()
        .any(|v| std::env::var_os(v).is_some())
}

/// The rank counts to run: `OXPAR_MPI_RANKS` (comma-separated), else 1 to 4.
pub fn rank_counts() -> Vec<usize> {
    match std::env::var("OXPAR_MPI_RANKS") {
        Ok(text) => text
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .filter(|&n| n > 0)
            .collect(),
        Err(_) => vec![1, 2, 3, 4],
    }
}

/// Runs this executable under mpiexec on `ranks` ranks, with `env` added to
/// its environment (and the variables Open MPI wants when run as root), and
/// waits at most `deadline`. Returns how long it took, or why it failed (it
/// could not start, a rank failed, or it was still running at the deadline
/// and was killed).
pub fn run_self(
    ranks: usize,
    env: &[(&str, &OsStr)],
    deadline: Duration,
) -> Result<Duration, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let launcher = std::env::var("OXPAR_MPIEXEC").unwrap_or_else(|_| "mpiexec".into());
    let flags = std::env::var("OXPAR_MPIEXEC_FLAGS").unwrap_or_else(|_| "--oversubscribe".into());
    let start = Instant::now();
    let mut child = Command::new(&launcher)
        .args(flags.split_whitespace())
        .args(["-n", &ranks.to_string()])
        .arg(&exe)
        .env("OMPI_ALLOW_RUN_AS_ROOT", "1")
        .env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
        .envs(env.iter().copied())
        .spawn()
        .map_err(|e| format!("cannot start {launcher}: {e}"))?;
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(start.elapsed()),
            Ok(Some(status)) => return Err(format!("{launcher} -n {ranks} failed: {status}")),
            Ok(None) if start.elapsed() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "{launcher} -n {ranks}: still running after {} s (a deadlock?)",
                    deadline.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(format!("cannot wait for {launcher}: {e}")),
        }
    }
}
