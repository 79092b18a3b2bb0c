//! `oxpar-threads` used on its own, as a parallel-loop crate.
//!
//! Run with `cargo run --release -p oxpar-examples --bin threads_only`.

use oxpar_core::{ParallelLoops, Schedule};
use oxpar_threads::{parallel_reduce, ThreadsBackend};

fn main() -> oxpar_core::Result<()> {
    let threads = ThreadsBackend::with_threads(2)?;

    // A loop with uneven iterations: dynamic scheduling balances it.
    let n = 2000;
    let cost = |i: usize| {
        (0..(i % 97) * 50).fold(0u64, |acc, k| acc.wrapping_mul(31).wrapping_add(k as u64))
    };
    let total = parallel_reduce(
        &threads,
        0..n,
        Schedule::Dynamic { chunk: 16 },
        || 0u64,
        |acc, r| r.fold(acc, |a, i| a.wrapping_add(cost(i))),
        u64::wrapping_add,
    )?;
    let serial = (0..n).fold(0u64, |a, i| a.wrapping_add(cost(i)));
    println!("dynamic reduce over {n} uneven iterations: {total} (serial {serial})");
    assert_eq!(total, serial);

    // parallel_for filling disjoint parts of an output through atomics-free chunks.
    let out: Vec<std::sync::atomic::AtomicU32> = (0..10).map(|_| Default::default()).collect();
    threads.parallel_for(0..10, Schedule::Static { chunk: 0 }, &|r, worker| {
        for i in r {
            out[i].store(worker as u32, std::sync::atomic::Ordering::Relaxed);
        }
    })?;
    let owners: Vec<u32> = out
        .iter()
        .map(|a| a.load(std::sync::atomic::Ordering::Relaxed))
        .collect();
    println!("static schedule, worker of each index: {owners:?}");
    Ok(())
}
