//! A process that used the threads and then forks can keep computing in the
//! child: no deadlock on the parent's (absent) threads.

#![cfg(unix)]

use oxpar_core::{Level1, Level3, MatMut, MatRef, ParallelLoops, Schedule, VecRef};
use oxpar_threads::ThreadsBackend;

#[test]
fn child_of_fork_computes_without_deadlock() {
    let backend = ThreadsBackend::with_threads(2).unwrap();
    let n = 300;
    let a = vec![1.0f64; n * n];
    let mut c = vec![0.0f64; n * n];
    // Use every kind of thread in the parent first.
    backend
        .gemm(
            1.0,
            MatRef::col_major(&a, n, n, n).unwrap(),
            MatRef::col_major(&a, n, n, n).unwrap(),
            0.0,
            MatMut::col_major(&mut c, n, n, n).unwrap(),
        )
        .unwrap();
    let x = vec![1.0f64; 1 << 20];
    assert_eq!(
        backend
            .dot(VecRef::from_slice(&x), VecRef::from_slice(&x))
            .unwrap(),
        (1u64 << 20) as f64
    );

    // SAFETY: the child only runs oxpar code and async-signal-unsafe calls
    // that are fine in a single-threaded child of a Rust test, then _exits.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        let ok = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            assert!(backend.forked());
            let mut c2 = vec![0.0f64; n * n];
            backend
                .gemm(
                    1.0,
                    MatRef::col_major(&a, n, n, n).unwrap(),
                    MatRef::col_major(&a, n, n, n).unwrap(),
                    0.0,
                    MatMut::col_major(&mut c2, n, n, n).unwrap(),
                )
                .unwrap();
            let d = backend
                .dot(VecRef::from_slice(&x), VecRef::from_slice(&x))
                .unwrap();
            let hits = std::sync::atomic::AtomicUsize::new(0);
            backend
                .parallel_for(0..1000, Schedule::Dynamic { chunk: 7 }, &|r, _| {
                    hits.fetch_add(r.len(), std::sync::atomic::Ordering::Relaxed);
                })
                .unwrap();
            // A backend created in the child gets threads of its own.
            let fresh = ThreadsBackend::with_threads(2).unwrap();
            assert!(!fresh.forked());
            let d2 = fresh
                .dot(VecRef::from_slice(&x), VecRef::from_slice(&x))
                .unwrap();
            c2[0] == n as f64 && d == (1u64 << 20) as f64 && d2 == d && hits.into_inner() == 1000
        }));
        drop(backend);
        // SAFETY: leave the child at once, without running the test harness's exit.
        unsafe { libc::_exit(if matches!(ok, Ok(true)) { 0 } else { 1 }) };
    }
    // Parent: wait at most 60 s for the child.
    let start = std::time::Instant::now();
    loop {
        let mut status = 0;
        // SAFETY: waiting on our own child.
        let r = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
        if r == pid {
            assert!(
                libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
                "the child failed (status {status})"
            );
            break;
        }
        if start.elapsed().as_secs() > 60 {
            // SAFETY: killing our own child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("the child deadlocked");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
