//! Kill and resume: a farm process is killed with SIGKILL in the middle of a
//! run; a rerun with the same checkpoint completes the rest, and every task
//! ran to completion exactly once (up to the tasks that were in flight on
//! other threads at the moment of the kill, which may run again).
//!
//! The test runs this same binary as the child (`OXPAR_FARM_CHILD=1`).

use std::collections::HashMap;
use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use oxpar_farm::Farm;
use oxpar_threads::ThreadsBackend;

const TASKS: usize = 200;
const KILL_AT: usize = 123;

fn main() {
    if std::env::var_os("OXPAR_FARM_CHILD").is_some() {
        child();
    } else {
        for threads in [1, 2, 3] {
            parent(threads);
        }
        println!("kill_resume: ok");
    }
}

/// Runs the farm; task KILL_AT kills the process the first time it runs.
fn child() {
    let var = |name: &str| std::env::var(name).expect(name);
    let (checkpoint, log, marker) = (var("CKPT"), var("LOG"), var("MARKER"));
    let threads: usize = var("THREADS").parse().unwrap();
    let backend = ThreadsBackend::with_threads(threads).unwrap();
    let report = Farm::new(&backend)
        .checkpoint(&checkpoint)
        .run(TASKS, &|t| {
            std::thread::sleep(std::time::Duration::from_micros(300));
            if t == KILL_AT && !Path::new(&marker).exists() {
                std::fs::write(&marker, b"killed").unwrap();
                // SAFETY: sending a signal to ourselves.
                unsafe { libc::kill(libc::getpid(), libc::SIGKILL) };
            }
            // The task's visible effect, written in one append.
            let mut f = std::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(&log)
                .unwrap();
            f.write_all(format!("{t}\n").as_bytes()).unwrap();
            Ok(())
        })
        .unwrap();
    assert!(report.all_complete());
    println!("{} done, {} resumed", report.done(), report.resumed());
}

fn parent(threads: usize) {
    let dir = std::env::temp_dir().join(format!("oxpar-kill-{}-{threads}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = |n: &str| -> PathBuf { dir.join(n) };
    let run = || {
        Command::new(std::env::current_exe().unwrap())
            .env("OXPAR_FARM_CHILD", "1")
            .env("CKPT", file("farm.ckpt"))
            .env("LOG", file("effects.log"))
            .env("MARKER", file("killed"))
            .env("THREADS", threads.to_string())
            .output()
            .unwrap()
    };
    let first = run();
    assert_eq!(
        first.status.signal(),
        Some(libc::SIGKILL),
        "the first run is killed"
    );
    let logged = |p: &Path| -> HashMap<usize, usize> {
        let mut counts = HashMap::new();
        for line in std::fs::read_to_string(p).unwrap_or_default().lines() {
            *counts.entry(line.parse::<usize>().unwrap()).or_insert(0) += 1;
        }
        counts
    };
    let before = logged(&file("effects.log"));
    assert!(
        !before.contains_key(&KILL_AT),
        "the killed task did not complete"
    );
    assert!(before.len() < TASKS);

    let second = run();
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    let after = logged(&file("effects.log"));
    let mut repeated = 0;
    for t in 0..TASKS {
        let n = after.get(&t).copied().unwrap_or(0);
        assert!(n >= 1, "task {t} never completed ({threads} threads)");
        repeated += n - 1;
    }
    // Only tasks running on other threads when the process died can run twice.
    assert!(
        repeated < threads,
        "{repeated} tasks completed twice with {threads} threads"
    );
    println!(
        "{threads} thread(s): killed after {} tasks, resumed: {}",
        before.len(),
        String::from_utf8_lossy(&second.stdout).trim()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
