//! The farm on one process: every task runs, failures are retried on another
//! worker, outcomes are complete, checkpoints resume.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use oxpar_core::{ErrorKind, ParallelLoops, Serial};
use oxpar_farm::{Farm, Outcome, Progress};
use oxpar_threads::ThreadsBackend;

fn backends() -> Vec<Box<dyn ParallelLoops>> {
    vec![
        Box::new(Serial),
        Box::new(ThreadsBackend::with_threads(1).unwrap()),
        Box::new(ThreadsBackend::with_threads(2).unwrap()),
        Box::new(ThreadsBackend::with_threads(3).unwrap()),
    ]
}

fn temp_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("oxpar-farm-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

#[test]
fn every_task_runs_exactly_once() {
    for backend in backends() {
        for n in [0usize, 1, 2, 7, 1000] {
            let runs: Vec<AtomicU32> = (0..n).map(|_| AtomicU32::new(0)).collect();
            let report = Farm::new(&*backend)
                .run(n, &|t| {
                    runs[t].fetch_add(1, Ordering::Relaxed);
                    Ok(())
                })
                .unwrap();
            assert!(runs.iter().all(|r| r.load(Ordering::Relaxed) == 1), "n={n}");
            assert_eq!(report.done(), n);
            assert!(report.all_complete());
            assert!(report
                .outcomes()
                .iter()
                .all(|o| *o == Outcome::Done { attempts: 1 }));
            assert_eq!(report.workers(), backend.num_threads());
        }
    }
}

#[test]
fn uneven_tasks_are_shared_between_threads() {
    // One slow task at the front must not hold up the rest: with 2 workers the
    // other one takes everything else.
    let threads = ThreadsBackend::with_threads(2).unwrap();
    let who: Mutex<HashMap<std::thread::ThreadId, usize>> = Mutex::new(HashMap::new());
    Farm::new(&threads)
        .run(40, &|t| {
            if t == 0 {
                std::thread::sleep(Duration::from_millis(200));
            }
            *who.lock()
                .unwrap()
                .entry(std::thread::current().id())
                .or_default() += 1;
            Ok(())
        })
        .unwrap();
    let counts: Vec<usize> = who.into_inner().unwrap().into_values().collect();
    assert_eq!(counts.len(), 2, "both workers ran tasks");
    assert!(counts.iter().any(|&c| c >= 30), "{counts:?}");
}

#[test]
fn failures_are_retried_on_another_worker_and_reported() {
    for backend in backends() {
        let n = 60;
        let attempts: Vec<AtomicU32> = (0..n).map(|_| AtomicU32::new(0)).collect();
        let threads_seen: Mutex<HashMap<usize, Vec<std::thread::ThreadId>>> =
            Mutex::new(HashMap::new());
        let report = Farm::new(&*backend)
            .retries(2)
            .run(n, &|t| {
                let attempt = attempts[t].fetch_add(1, Ordering::Relaxed) + 1;
                threads_seen
                    .lock()
                    .unwrap()
                    .entry(t)
                    .or_default()
                    .push(std::thread::current().id());
                match t {
                    7 => Err(format!("task 7 always fails (attempt {attempt})")),
                    11 => panic!("task 11 panics on attempt {attempt}"),
                    t if t % 5 == 0 && attempt == 1 => Err("transient".into()),
                    t if t % 13 == 0 && attempt < 3 => Err("flaky".into()),
                    _ => Ok(()),
                }
            })
            .unwrap();
        for (t, o) in report.outcomes().iter().enumerate() {
            let want = match t {
                7 => Outcome::Failed {
                    attempts: 3,
                    error: "task 7 always fails (attempt 3)".into(),
                },
                11 => Outcome::Failed {
                    attempts: 3,
                    error: "panicked: task 11 panics on attempt 3".into(),
                },
                t if t % 13 == 0 => Outcome::Done { attempts: 3 },
                t if t % 5 == 0 => Outcome::Done { attempts: 2 },
                _ => Outcome::Done { attempts: 1 },
            };
            assert_eq!(*o, want, "task {t} on {:?}", backend.num_threads());
            let tried = attempts[t].load(Ordering::Relaxed);
            let expected_attempts = match o {
                Outcome::Done { attempts } | Outcome::Failed { attempts, .. } => *attempts,
                Outcome::Resumed => 0,
            };
            assert_eq!(tried, expected_attempts, "task {t}");
        }
        assert_eq!(report.failed(), 2);
        assert_eq!(
            report.failures().map(|(t, _)| t).collect::<Vec<_>>(),
            vec![7, 11]
        );
        if backend.num_threads() > 1 {
            // A retry runs on the next worker, so never on the thread that just failed.
            for (t, seen) in threads_seen.into_inner().unwrap() {
                for pair in seen.windows(2) {
                    assert_ne!(pair[0], pair[1], "task {t} retried on the same thread");
                }
            }
        }
    }
}

#[test]
fn no_retries_means_one_attempt() {
    let report = Farm::new(&Serial)
        .retries(0)
        .run(3, &|t| if t == 1 { Err("no".into()) } else { Ok(()) })
        .unwrap();
    assert_eq!(
        report.outcomes()[1],
        Outcome::Failed {
            attempts: 1,
            error: "no".into()
        }
    );
}

#[test]
fn checkpoint_skips_completed_tasks_on_rerun() {
    let path = temp_path("resume.ckpt");
    let threads = ThreadsBackend::with_threads(2).unwrap();
    let runs: Vec<AtomicU32> = (0..50).map(|_| AtomicU32::new(0)).collect();
    // First run: tasks 3 and 40 fail for good.
    let first = Farm::new(&threads)
        .retries(1)
        .checkpoint(&path)
        .run(50, &|t| {
            runs[t].fetch_add(1, Ordering::Relaxed);
            if t == 3 || t == 40 {
                Err("down".into())
            } else {
                Ok(())
            }
        })
        .unwrap();
    assert_eq!(first.done(), 48);
    assert_eq!(first.failed(), 2);
    // Second run: only those two run, and now succeed.
    let second = Farm::new(&threads)
        .checkpoint(&path)
        .run(50, &|t| {
            runs[t].fetch_add(1, Ordering::Relaxed);
            Ok(())
        })
        .unwrap();
    assert_eq!(second.resumed(), 48);
    assert_eq!(second.done(), 2);
    assert!(second.all_complete());
    for (t, r) in runs.iter().enumerate() {
        let want = if t == 3 || t == 40 { 3 } else { 1 };
        assert_eq!(r.load(Ordering::Relaxed), want, "task {t}");
    }
    // Third run: nothing left.
    let third = Farm::new(&threads)
        .checkpoint(&path)
        .run(50, &|_| panic!("nothing should run"))
        .unwrap();
    assert_eq!(third.resumed(), 50);
}

#[test]
fn bad_checkpoints_are_errors() {
    let path = temp_path("other.ckpt");
    Farm::new(&Serial)
        .checkpoint(&path)
        .run(5, &|_| Ok(()))
        .unwrap();
    let e = Farm::new(&Serial)
        .checkpoint(&path)
        .run(6, &|_| Ok(()))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
    assert!(e.message().contains("5 tasks"), "{e}");

    let garbage = temp_path("garbage.ckpt");
    std::fs::write(&garbage, "hello\nworld\n").unwrap();
    let e = Farm::new(&Serial)
        .checkpoint(&garbage)
        .run(5, &|_| Ok(()))
        .unwrap_err();
    assert!(e.message().contains("not an oxpar farm checkpoint"), "{e}");

    let bad_index = temp_path("index.ckpt");
    std::fs::write(&bad_index, "oxpar-farm checkpoint v1 tasks=5\n1\n9\n").unwrap();
    let e = Farm::new(&Serial)
        .checkpoint(&bad_index)
        .run(5, &|_| Ok(()))
        .unwrap_err();
    assert!(e.message().contains("\"9\""), "{e}");

    // A line cut short by a crash is ignored (that task runs again).
    let torn = temp_path("torn.ckpt");
    std::fs::write(&torn, "oxpar-farm checkpoint v1 tasks=5\n1\n3").unwrap();
    let ran = AtomicUsize::new(0);
    let r = Farm::new(&Serial)
        .checkpoint(&torn)
        .run(5, &|_| {
            ran.fetch_add(1, Ordering::Relaxed);
            Ok(())
        })
        .unwrap();
    assert_eq!(r.resumed(), 1);
    assert_eq!(ran.load(Ordering::Relaxed), 4);
    // The records appended after the torn line did not merge with it.
    let again = Farm::new(&Serial)
        .checkpoint(&torn)
        .run(5, &|_| panic!("nothing should run"))
        .unwrap();
    assert_eq!(again.resumed(), 5);
    // A header cut short: the file starts over.
    let torn_header = temp_path("torn-header.ckpt");
    std::fs::write(&torn_header, "oxpar-farm check").unwrap();
    let r = Farm::new(&Serial)
        .checkpoint(&torn_header)
        .run(3, &|_| Ok(()))
        .unwrap();
    assert_eq!(r.done(), 3);
    let again = Farm::new(&Serial)
        .checkpoint(&torn_header)
        .run(3, &|_| panic!("nothing should run"))
        .unwrap();
    assert_eq!(again.resumed(), 3);

    let dir = temp_path("a-directory");
    std::fs::create_dir_all(&dir).unwrap();
    let e = Farm::new(&Serial)
        .checkpoint(&dir)
        .run(5, &|_| Ok(()))
        .unwrap_err();
    assert!(e.message().contains("cannot"), "{e}");
}

#[test]
fn progress_reports_and_ends_complete() {
    let seen: Mutex<Vec<Progress>> = Mutex::new(Vec::new());
    let report_progress = |p: &Progress| seen.lock().unwrap().push(p.clone());
    let threads = ThreadsBackend::with_threads(2).unwrap();
    Farm::new(&threads)
        .progress(&report_progress, Duration::from_millis(5))
        .run(20, &|t| {
            std::thread::sleep(Duration::from_millis(3));
            if t == 4 {
                Err("x".into())
            } else {
                Ok(())
            }
        })
        .unwrap();
    let seen = seen.into_inner().unwrap();
    assert!(seen.len() >= 2, "{} reports", seen.len());
    let last = seen.last().unwrap();
    assert_eq!((last.total, last.done, last.running), (20, 19, 0));
    assert_eq!(last.failed, 3, "three failed attempts of task 4");
    assert_eq!(last.eta, Some(Duration::ZERO));
    for pair in seen.windows(2) {
        assert!(pair[0].done <= pair[1].done && pair[0].elapsed <= pair[1].elapsed);
    }
}

/// Runs `f` on a thread of its own and fails (instead of hanging the test
/// binary) when it has not returned after `limit`.
fn returns_within<R: Send + 'static>(limit: Duration, f: impl FnOnce() -> R + Send + 'static) -> R {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(r) => r,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("did not return within {limit:?}")
        }
        Err(_) => panic!("failed (see the panic above)"),
    }
}

#[test]
fn a_run_never_waits_for_the_progress_interval() {
    // The progress thread must see that the run ended even when it ended
    // before the thread first waited: each run of 10 trivial tasks returns
    // long before one interval (the bug took a whole interval in a few
    // percent of the runs), and only the final report comes.
    returns_within(Duration::from_secs(120), || {
        let threads = ThreadsBackend::with_threads(2).unwrap();
        let interval = Duration::from_millis(200);
        let mut times = Vec::new();
        for _ in 0..100 {
            let reports = AtomicUsize::new(0);
            let count = |_: &Progress| {
                reports.fetch_add(1, Ordering::Relaxed);
            };
            let start = std::time::Instant::now();
            let report = Farm::new(&threads)
                .progress(&count, interval)
                .run(10, &|_| Ok(()))
                .unwrap();
            let took = start.elapsed();
            assert_eq!(report.done(), 10);
            times.push(took);
            if took < interval {
                assert_eq!(reports.load(Ordering::Relaxed), 1, "only the final report");
            }
        }
        times.sort();
        let (median, max) = (times[times.len() / 2], times[times.len() - 1]);
        assert!(
            max < Duration::from_millis(150),
            "median {median:?}, slowest {max:?}"
        );
    });
}

#[test]
fn an_endless_interval_means_the_final_report_only() {
    // Duration::MAX (what the C ABI makes of 1e30 seconds) must not block.
    returns_within(Duration::from_secs(120), || {
        for backend in [
            ThreadsBackend::with_threads(1).unwrap(),
            ThreadsBackend::with_threads(3).unwrap(),
        ] {
            for tasks in [0usize, 1, 10, 200] {
                for _ in 0..20 {
                    let seen: Mutex<Vec<Progress>> = Mutex::new(Vec::new());
                    let keep = |p: &Progress| seen.lock().unwrap().push(p.clone());
                    let report = Farm::new(&backend)
                        .progress(&keep, Duration::MAX)
                        .run(tasks, &|_| Ok(()))
                        .unwrap();
                    assert_eq!(report.done(), tasks);
                    let seen = seen.into_inner().unwrap();
                    assert_eq!(seen.len(), 1, "only the final report");
                    assert_eq!((seen[0].done, seen[0].eta), (tasks, Some(Duration::ZERO)));
                }
            }
        }
    });
}
