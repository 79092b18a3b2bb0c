//! `oxpar bench`: best-of-reps timings of oxpar's kernels.
//!
//! Each (kernel, dtype, size) case allocates its operands once and reuses them
//! for every thread count. A timing makes one warm-up call, then times batches
//! of calls (each batch long enough, about 2 ms, to time reliably) and reports
//! the best time per call.

use std::hint::black_box;
use std::io::IsTerminal;
use std::time::Instant;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use oxpar::{
    HostBackend, Level1, Level2, Level3, MatMut, MatRef, ParallelLoops, Scalar, Schedule, Serial,
    ThreadsBackend, VecMut, VecRef,
};
use serde::Serialize;

/// How long one timed batch of calls should take, in seconds.
const BATCH_SECONDS: f64 = 2e-3;
/// Upper bound on timed batches per measurement, whatever `--min-time` says.
const MAX_BATCHES: usize = 100_000;
/// Default sizes of level 1 kernels (vector length).
const LEVEL1_SIZES: &[usize] = &[1_000, 100_000, 10_000_000];
/// Default sizes of level 2 kernels (n for an n x n matrix).
const LEVEL2_SIZES: &[usize] = &[256, 2048];
/// Default sizes of gemm (n for n x n matrices).
const LEVEL3_SIZES: &[usize] = &[256, 1024];

/// What `oxpar bench` can time.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Kernel {
    /// `x . y`: 2n flops, reads 2n elements.
    Dot,
    /// `y += alpha*x`: 2n flops, reads 2n and writes n elements.
    Axpy,
    /// `x *= alpha`: n flops, reads and writes n elements.
    Scal,
    /// `y := x`: reads n and writes n elements.
    Copy,
    /// `x <-> y`: reads 2n and writes 2n elements.
    Swap,
    /// Euclidean norm: 2n flops, reads n elements.
    Nrm2,
    /// Sum of absolute values: n flops, reads n elements.
    Asum,
    /// Index of the largest absolute value: reads n elements.
    Iamax,
    /// `y := A*x`, A n x n: 2n^2 flops, reads n^2 + n and writes n elements.
    Gemv,
    /// `A += alpha*x*y^T`, A n x n: 2n^2 flops, reads 2n + n^2 and writes n^2.
    Ger,
    /// `C := A*B`, all n x n: 2n^3 flops, reads 2n^2 and writes n^2 elements.
    Gemm,
    /// Fork-join overhead: `parallel_for(0..threads)` with an empty body,
    /// called from the main thread; reported as microseconds per call.
    #[value(name = "parallel_for", alias = "parallel-for")]
    ParallelFor,
}

impl Kernel {
    /// The kernels timed when `--kernels` is not given (all but `parallel_for`).
    const DEFAULT: [Kernel; 11] = [
        Kernel::Dot,
        Kernel::Axpy,
        Kernel::Scal,
        Kernel::Copy,
        Kernel::Swap,
        Kernel::Nrm2,
        Kernel::Asum,
        Kernel::Iamax,
        Kernel::Gemv,
        Kernel::Ger,
        Kernel::Gemm,
    ];

    /// The name used on the command line and in records.
    fn name(self) -> &'static str {
        match self {
            Kernel::Dot => "dot",
            Kernel::Axpy => "axpy",
            Kernel::Scal => "scal",
            Kernel::Copy => "copy",
            Kernel::Swap => "swap",
            Kernel::Nrm2 => "nrm2",
            Kernel::Asum => "asum",
            Kernel::Iamax => "iamax",
            Kernel::Gemv => "gemv",
            Kernel::Ger => "ger",
            Kernel::Gemm => "gemm",
            Kernel::ParallelFor => "parallel_for",
        }
    }

    /// The BLAS level (1, 2 or 3), or 0 for `parallel_for`.
    fn level(self) -> u8 {
        match self {
            Kernel::Gemv | Kernel::Ger => 2,
            Kernel::Gemm => 3,
            Kernel::ParallelFor => 0,
            _ => 1,
        }
    }

    /// Floating-point operations and bytes moved by one call of size `n` on
    /// elements of `elem` bytes (the minimum traffic: each operand read or
    /// written once).
    fn work(self, n: usize, elem: usize) -> (f64, f64) {
        let n = n as f64;
        let s = elem as f64;
        match self {
            Kernel::Dot => (2.0 * n, 2.0 * n * s),
            Kernel::Axpy => (2.0 * n, 3.0 * n * s),
            Kernel::Scal => (n, 2.0 * n * s),
            Kernel::Copy => (0.0, 2.0 * n * s),
            Kernel::Swap => (0.0, 4.0 * n * s),
            Kernel::Nrm2 => (2.0 * n, n * s),
            Kernel::Asum => (n, n * s),
            Kernel::Iamax => (0.0, n * s),
            Kernel::Gemv => (2.0 * n * n, (n * n + 2.0 * n) * s),
            Kernel::Ger => (2.0 * n * n, (2.0 * n * n + 2.0 * n) * s),
            Kernel::Gemm => (2.0 * n * n * n, 3.0 * n * n * s),
            Kernel::ParallelFor => (0.0, 0.0),
        }
    }
}

/// Element types.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Dtype {
    /// Single precision.
    F32,
    /// Double precision.
    F64,
}

impl Dtype {
    fn name(self) -> &'static str {
        match self {
            Dtype::F32 => "f32",
            Dtype::F64 => "f64",
        }
    }
}

/// Backends `oxpar bench` can time.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum BackendChoice {
    /// One thread, reference loops.
    Serial,
    /// oxpar's threads backend.
    Threads,
}

impl BackendChoice {
    fn name(self) -> &'static str {
        match self {
            BackendChoice::Serial => "serial",
            BackendChoice::Threads => "threads",
        }
    }
}

/// Options of `oxpar bench`.
#[derive(Debug, Args)]
#[command(after_help = "\
Sizes: n is the vector length for level 1 kernels and the order of the square \
matrices for gemv, ger and gemm. Without --sizes: level 1 uses 1000,100000,10000000; \
gemv/ger 256,2048; gemm 256,1024. parallel_for ignores --sizes (its range is 0..threads).

GFLOP/s and GB/s use the minimum work of each call: dot 2n flops and 2n elements \
read; axpy 2n flops, 3n elements; gemv 2n^2 flops, n^2+2n elements; gemm 2n^3 flops, \
3n^2 elements; and so on (see the kernel list). Times are the best per-call time over \
batches of calls, after one warm-up call.")]
pub struct BenchArgs {
    /// Kernels to time, comma-separated [default: every kernel but parallel_for].
    #[arg(long, value_enum, value_delimiter = ',')]
    kernels: Vec<Kernel>,
    /// Element types, comma-separated [default: f32,f64].
    #[arg(long, value_enum, value_delimiter = ',')]
    dtype: Vec<Dtype>,
    /// Problem sizes, comma-separated (e.g. 1000,1e6) [default: per kernel class].
    #[arg(long, value_delimiter = ',', value_parser = parse_size)]
    sizes: Vec<usize>,
    /// Thread counts, comma-separated [default: 1,N with N the default thread
    /// count; 1 for the serial backend].
    #[arg(long, value_delimiter = ',', value_parser = parse_threads)]
    threads: Vec<usize>,
    /// The backend to time.
    #[arg(long, value_enum, default_value_t = BackendChoice::Threads)]
    backend: BackendChoice,
    /// Timed batches per measurement, at least.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..))]
    reps: u32,
    /// Keep timing batches until this many seconds have passed per
    /// measurement (0 to stop after --reps batches).
    #[arg(long, default_value_t = 0.2, value_parser = parse_seconds)]
    min_time: f64,
    /// Print a JSON array of records instead of the progress bar and table.
    #[arg(long)]
    json: bool,
}

fn parse_size(text: &str) -> Result<usize, String> {
    let t = text.trim().replace('_', "");
    let n = match t.parse::<usize>() {
        Ok(n) => n,
        Err(_) => match t.parse::<f64>() {
            // 1e7 and the like.
            Ok(v) if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v < 9.0e15 => v as usize,
            _ => {
                return Err(format!(
                    "{text:?} is not a size (expected e.g. 1000 or 1e6)"
                ))
            }
        },
    };
    if n == 0 {
        return Err("sizes must be at least 1".into());
    }
    Ok(n)
}

fn parse_threads(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("{text:?} is not a positive thread count")),
    }
}

fn parse_seconds(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ => Err(format!("{text:?} is not a number of seconds >= 0")),
    }
}

/// One measurement, as printed by `--json`.
#[derive(Debug, Serialize)]
struct Record {
    /// Kernel name.
    kernel: &'static str,
    /// `"f32"`, `"f64"`, or `"none"` for `parallel_for`.
    dtype: &'static str,
    /// Problem size (see `--help`); the range length for `parallel_for`.
    n: usize,
    /// Threads the backend was built with.
    threads: usize,
    /// Backend name.
    backend: &'static str,
    /// Best time per call, in seconds.
    seconds: f64,
    /// The same in microseconds.
    us_per_call: f64,
    /// Floating-point rate (0 for kernels without arithmetic).
    gflops: f64,
    /// Memory rate, 10^9 bytes per second (0 for `parallel_for`).
    gbps: f64,
}

/// The resolved options.
struct Plan {
    kernels: Vec<Kernel>,
    dtypes: Vec<Dtype>,
    sizes: Option<Vec<usize>>,
    threads: Vec<usize>,
    backend: BackendChoice,
    reps: u32,
    min_time: f64,
}

fn dedup<T: PartialEq + Copy>(items: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for &it in items {
        if !out.contains(&it) {
            out.push(it);
        }
    }
    out
}

impl Plan {
    fn new(args: &BenchArgs) -> Result<Plan, String> {
        let kernels = if args.kernels.is_empty() {
            Kernel::DEFAULT.to_vec()
        } else {
            dedup(&args.kernels)
        };
        let dtypes = if args.dtype.is_empty() {
            vec![Dtype::F32, Dtype::F64]
        } else {
            dedup(&args.dtype)
        };
        let threads = match (args.backend, args.threads.is_empty()) {
            (BackendChoice::Serial, true) => vec![1],
            (BackendChoice::Serial, false) => {
                if args.threads.iter().any(|&t| t != 1) {
                    return Err(
                        "the serial backend runs on one thread: use --threads 1 or --backend threads"
                            .into(),
                    );
                }
                vec![1]
            }
            (BackendChoice::Threads, true) => {
                let n = oxpar::default_num_threads().map_err(|e| e.to_string())?;
                dedup(&[1, n])
            }
            (BackendChoice::Threads, false) => dedup(&args.threads),
        };
        Ok(Plan {
            kernels,
            dtypes,
            sizes: (!args.sizes.is_empty()).then(|| dedup(&args.sizes)),
            threads,
            backend: args.backend,
            reps: args.reps,
            min_time: args.min_time,
        })
    }

    fn sizes_for(&self, kernel: Kernel) -> &[usize] {
        if let Some(s) = &self.sizes {
            return s;
        }
        match kernel.level() {
            2 => LEVEL2_SIZES,
            3 => LEVEL3_SIZES,
            _ => LEVEL1_SIZES,
        }
    }

    /// How many measurements the plan makes (for the progress bar).
    fn total(&self) -> u64 {
        let mut total = 0;
        for &k in &self.kernels {
            total += if k == Kernel::ParallelFor {
                self.threads.len()
            } else {
                self.dtypes.len() * self.sizes_for(k).len() * self.threads.len()
            };
        }
        total as u64
    }

    fn backend(&self, threads: usize) -> Result<Box<dyn HostBackend>, String> {
        match self.backend {
            BackendChoice::Serial => Ok(Box::new(Serial)),
            BackendChoice::Threads => ThreadsBackend::with_threads(threads)
                .map(|b| Box::new(b) as Box<dyn HostBackend>)
                .map_err(|e| e.to_string()),
        }
    }
}

/// Calls `call` once to warm up, then times at least `reps` batches (and
/// keeps going until `min_time` seconds have passed); returns the best
/// seconds per call.
///
/// The batch length (calls per batch) comes from the median of calls timed
/// one by one for about half a batch (3 calls at least), so one slow call
/// (the thread was preempted) does not shrink every batch to a single call.
/// When one call lasts a whole batch, those single-call timings count.
fn best_time(
    reps: u32,
    min_time: f64,
    mut call: impl FnMut() -> oxpar::Result<()>,
) -> oxpar::Result<f64> {
    call()?;
    let start = Instant::now();
    let mut best = f64::INFINITY;
    let mut batches = 0usize;

    // At least 3 samples (unless they take over 50 batches' time), so one
    // slow call cannot decide the batch length alone.
    let mut samples = Vec::new();
    loop {
        let elapsed = start.elapsed().as_secs_f64();
        let enough = !samples.is_empty()
            && (elapsed >= BATCH_SECONDS / 2.0 || samples.len() >= 100_000)
            && (samples.len() >= 3 || elapsed >= 50.0 * BATCH_SECONDS);
        if enough {
            break;
        }
        let t = Instant::now();
        call()?;
        samples.push(t.elapsed().as_secs_f64());
    }
    samples.sort_by(f64::total_cmp);
    let per_call = samples[samples.len() / 2];
    let inner = (BATCH_SECONDS / per_call.max(1e-9)).ceil().clamp(1.0, 1e7) as u32;
    if inner == 1 {
        // Every sample was a batch of one call already.
        best = samples[0];
        batches = samples.len();
    }

    while batches < reps as usize
        || (start.elapsed().as_secs_f64() < min_time && batches < MAX_BATCHES)
    {
        let t = Instant::now();
        for _ in 0..inner {
            call()?;
        }
        best = best.min(t.elapsed().as_secs_f64() / f64::from(inner));
        batches += 1;
    }
    Ok(best)
}

/// The operands of one case, allocated once.
struct Operands<T> {
    x: Vec<T>,
    y: Vec<T>,
    a: Vec<T>,
    b: Vec<T>,
    c: Vec<T>,
}

/// Asks Linux for transparent huge pages on a fresh, untouched allocation of
/// 4 MiB or more, as NumPy does for its arrays: the comparison script then
/// measures oxpar and NumPy on the same kind of memory (streaming kernels run
/// some 20% faster on huge pages).
fn advise_huge_pages<T>(v: &mut Vec<T>) {
    #[cfg(target_os = "linux")]
    {
        const HUGE_PAGE: usize = 2 << 20;
        let bytes = v.capacity() * std::mem::size_of::<T>();
        if bytes < 2 * HUGE_PAGE {
            return;
        }
        let start = v.as_mut_ptr() as usize;
        let first = start.next_multiple_of(HUGE_PAGE);
        let last = (start + bytes) / HUGE_PAGE * HUGE_PAGE;
        if last > first {
            // SAFETY: [first, last) lies inside the vector's own allocation, and
            // madvise only changes how the kernel backs it with pages (advice
            // that may fail harmlessly, so its result is ignored).
            unsafe {
                libc::madvise(
                    first as *mut libc::c_void,
                    last - first,
                    libc::MADV_HUGEPAGE,
                );
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = v;
}

/// `len` pseudo-random values in [-1, 1), or an error if memory runs out.
fn random<T: Scalar>(len: usize, seed: u64) -> Result<Vec<T>, String> {
    let mut v = Vec::new();
    v.try_reserve_exact(len).map_err(|_| {
        format!(
            "cannot allocate {:.1} MiB for an operand",
            (len as f64) * (std::mem::size_of::<T>() as f64) / 1048576.0
        )
    })?;
    advise_huge_pages(&mut v);
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    v.extend((0..len).map(|_| {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let bits = state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11;
        T::from_f64(bits as f64 / (1u64 << 53) as f64 * 2.0 - 1.0)
    }));
    Ok(v)
}

impl<T: Scalar> Operands<T> {
    fn new(kernel: Kernel, n: usize) -> Result<Self, String> {
        let square = || {
            n.checked_mul(n)
                .filter(|nn| nn.checked_mul(std::mem::size_of::<T>()).is_some())
                .ok_or_else(|| {
                    format!(
                        "{} with n = {n}: an n x n matrix is too large",
                        kernel.name()
                    )
                })
        };
        Ok(match kernel.level() {
            3 => {
                let nn = square()?;
                Operands {
                    x: Vec::new(),
                    y: Vec::new(),
                    a: random(nn, 1)?,
                    b: random(nn, 2)?,
                    c: random(nn, 3)?,
                }
            }
            2 => Operands {
                a: random(square()?, 1)?,
                x: random(n, 4)?,
                y: random(n, 5)?,
                b: Vec::new(),
                c: Vec::new(),
            },
            _ => Operands {
                x: random(n, 4)?,
                y: random(n, 5)?,
                a: Vec::new(),
                b: Vec::new(),
                c: Vec::new(),
            },
        })
    }
}

/// Times one call of `kernel` on `ops` (size `n`) with `be`.
fn time_kernel<T, B>(
    kernel: Kernel,
    be: &B,
    ops: &mut Operands<T>,
    n: usize,
    reps: u32,
    min_time: f64,
) -> oxpar::Result<f64>
where
    T: Scalar,
    B: Level1<T> + Level2<T> + Level3<T> + ?Sized,
{
    let alpha = T::from_f64(1e-3);
    let one = T::from_f64(1.0);
    let zero = T::from_f64(0.0);
    let Operands { x, y, a, b, c } = ops;
    match kernel {
        Kernel::Dot => best_time(reps, min_time, || {
            black_box(Level1::<T>::dot(
                be,
                VecRef::from_slice(x),
                VecRef::from_slice(y),
            )?);
            Ok(())
        }),
        Kernel::Axpy => best_time(reps, min_time, || {
            Level1::<T>::axpy(be, alpha, VecRef::from_slice(x), VecMut::from_slice(y))
        }),
        Kernel::Scal => {
            // Alternate 2 and 1/2 so the values neither grow nor shrink.
            let mut up = false;
            best_time(reps, min_time, || {
                up = !up;
                let s = T::from_f64(if up { 2.0 } else { 0.5 });
                Level1::<T>::scal(be, s, VecMut::from_slice(x))
            })
        }
        Kernel::Copy => best_time(reps, min_time, || {
            Level1::<T>::copy(be, VecRef::from_slice(x), VecMut::from_slice(y))
        }),
        Kernel::Swap => best_time(reps, min_time, || {
            Level1::<T>::swap(be, VecMut::from_slice(x), VecMut::from_slice(y))
        }),
        Kernel::Nrm2 => best_time(reps, min_time, || {
            black_box(Level1::<T>::nrm2(be, VecRef::from_slice(x))?);
            Ok(())
        }),
        Kernel::Asum => best_time(reps, min_time, || {
            black_box(Level1::<T>::asum(be, VecRef::from_slice(x))?);
            Ok(())
        }),
        Kernel::Iamax => best_time(reps, min_time, || {
            black_box(Level1::<T>::iamax(be, VecRef::from_slice(x))?);
            Ok(())
        }),
        Kernel::Gemv => best_time(reps, min_time, || {
            Level2::<T>::gemv(
                be,
                one,
                MatRef::col_major(a, n, n, n)?,
                VecRef::from_slice(x),
                zero,
                VecMut::from_slice(y),
            )
        }),
        Kernel::Ger => best_time(reps, min_time, || {
            Level2::<T>::ger(
                be,
                alpha,
                VecRef::from_slice(x),
                VecRef::from_slice(y),
                MatMut::col_major(a, n, n, n)?,
            )
        }),
        Kernel::Gemm => best_time(reps, min_time, || {
            Level3::<T>::gemm(
                be,
                one,
                MatRef::col_major(a, n, n, n)?,
                MatRef::col_major(b, n, n, n)?,
                zero,
                MatMut::col_major(c, n, n, n)?,
            )
        }),
        Kernel::ParallelFor => Err(oxpar::Error::internal("parallel_for is not a BLAS kernel")),
    }
}

/// Times `parallel_for(0..threads, static)` with an empty body.
fn time_parallel_for<B: ParallelLoops + ?Sized>(
    be: &B,
    threads: usize,
    reps: u32,
    min_time: f64,
) -> oxpar::Result<f64> {
    best_time(reps, min_time, || {
        be.parallel_for(0..threads, Schedule::Static { chunk: 0 }, &|r, w| {
            black_box((r, w));
        })
    })
}

fn record(
    plan: &Plan,
    kernel: Kernel,
    dtype: Option<Dtype>,
    n: usize,
    threads: usize,
    seconds: f64,
) -> Record {
    let elem = match dtype {
        Some(Dtype::F32) => 4,
        _ => 8,
    };
    let (flops, bytes) = kernel.work(n, elem);
    Record {
        kernel: kernel.name(),
        dtype: dtype.map_or("none", Dtype::name),
        n,
        threads,
        backend: plan.backend.name(),
        seconds,
        us_per_call: seconds * 1e6,
        gflops: flops / seconds / 1e9,
        gbps: bytes / seconds / 1e9,
    }
}

/// Runs every thread count of one (kernel, dtype, n) case.
fn bench_case<T: Scalar>(
    plan: &Plan,
    kernel: Kernel,
    dtype: Dtype,
    n: usize,
    bar: &ProgressBar,
    records: &mut Vec<Record>,
) -> Result<(), String>
where
    dyn HostBackend: Level1<T> + Level2<T> + Level3<T>,
{
    bar.set_message(format!(
        "{} {} n={n}: allocating",
        kernel.name(),
        dtype.name()
    ));
    let mut ops = Operands::<T>::new(kernel, n)?;
    for &t in &plan.threads {
        bar.set_message(format!(
            "{} {} n={n} threads={t}",
            kernel.name(),
            dtype.name()
        ));
        let be = plan.backend(t)?;
        let seconds = time_kernel::<T, dyn HostBackend>(
            kernel,
            be.as_ref(),
            &mut ops,
            n,
            plan.reps,
            plan.min_time,
        )
        .map_err(|e| format!("{} {} n={n} threads={t}: {e}", kernel.name(), dtype.name()))?;
        records.push(record(plan, kernel, Some(dtype), n, t, seconds));
        bar.inc(1);
    }
    Ok(())
}

fn format_time(seconds: f64) -> String {
    if seconds < 1e-6 {
        format!("{:.1} ns", seconds * 1e9)
    } else if seconds < 1e-3 {
        format!("{:.2} us", seconds * 1e6)
    } else if seconds < 1.0 {
        format!("{:.2} ms", seconds * 1e3)
    } else {
        format!("{seconds:.3} s")
    }
}

fn print_table(records: &[Record]) {
    println!(
        "{:<13} {:<5} {:>10} {:>7} {:>12} {:>10} {:>9}",
        "kernel", "dtype", "n", "threads", "time/call", "GFLOP/s", "GB/s"
    );
    for r in records {
        let rate = |v: f64| {
            if v > 0.0 {
                format!("{v:.2}")
            } else {
                "-".to_string()
            }
        };
        println!(
            "{:<13} {:<5} {:>10} {:>7} {:>12} {:>10} {:>9}",
            r.kernel,
            r.dtype,
            r.n,
            r.threads,
            format_time(r.seconds),
            rate(r.gflops),
            rate(r.gbps)
        );
    }
}

/// Runs `oxpar bench`.
pub fn run(args: &BenchArgs) -> Result<(), String> {
    let plan = Plan::new(args)?;
    let bar = if args.json || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let bar = ProgressBar::new(plan.total());
        let style = ProgressStyle::with_template("[{elapsed_precise}] {bar:30} {pos}/{len} {msg}")
            .map_err(|e| format!("progress bar: {e}"))?;
        bar.set_style(style);
        bar
    };
    let mut records = Vec::new();
    for &kernel in &plan.kernels {
        if kernel == Kernel::ParallelFor {
            for &t in &plan.threads {
                bar.set_message(format!("parallel_for threads={t}"));
                let be = plan.backend(t)?;
                let seconds = time_parallel_for(be.as_ref(), t, plan.reps, plan.min_time)
                    .map_err(|e| format!("parallel_for threads={t}: {e}"))?;
                records.push(record(&plan, kernel, None, t, t, seconds));
                bar.inc(1);
            }
            continue;
        }
        for &dtype in &plan.dtypes {
            for &n in plan.sizes_for(kernel) {
                match dtype {
                    Dtype::F32 => bench_case::<f32>(&plan, kernel, dtype, n, &bar, &mut records)?,
                    Dtype::F64 => bench_case::<f64>(&plan, kernel, dtype, n, &bar, &mut records)?,
                }
            }
        }
    }
    bar.finish_and_clear();
    if args.json {
        let text = serde_json::to_string_pretty(&records)
            .map_err(|e| format!("cannot write JSON: {e}"))?;
        println!("{text}");
    } else {
        print_table(&records);
    }
    Ok(())
}
