//! Fork safety.
//!
//! After `fork()` the child has only the thread that called it: the team's
//! workers and the rayon pool's threads are gone, and a lock one of them held
//! stays locked forever. A threaded library that keeps using them deadlocks
//! (a known trap of threaded BLAS under Python's multiprocessing). So every
//! team and backend remembers the fork generation it was born in; in a forked
//! child it runs everything on the calling thread, never touches its old
//! threads or locks, and leaks them instead of joining them on drop. A backend
//! created in the child gets fresh threads.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Once;

static GENERATION: AtomicUsize = AtomicUsize::new(0);

#[cfg(unix)]
extern "C" fn in_child_after_fork() {
    // Async-signal-safe: one atomic add.
    GENERATION.fetch_add(1, Ordering::Relaxed);
}

/// The number of `fork()`s between the process's start and this process
/// (0 in a process that was not forked since oxpar was first used).
pub fn generation() -> usize {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        #[cfg(unix)]
        // SAFETY: registers a handler that only performs an atomic add, which
        // is async-signal-safe as fork handlers must be.
        unsafe {
            libc::pthread_atfork(None, None, Some(in_child_after_fork));
        }
    });
    GENERATION.load(Ordering::Relaxed)
}
