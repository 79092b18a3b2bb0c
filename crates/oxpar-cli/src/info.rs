//! `oxpar info`: what this build offers on this machine.

use clap::Args;
use serde::Serialize;

/// The variable that sets the default thread count (read by oxpar-threads).
pub const NUM_THREADS_ENV: &str = "OXPAR_NUM_THREADS";
/// The variable that lowers the CPU level the kernels use.
pub const CPU_LEVEL_ENV: &str = "OXPAR_CPU_LEVEL";

/// Options of `oxpar info`.
#[derive(Debug, Args)]
pub struct InfoArgs {
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
    /// Run under mpiexec: create an "mpi+threads" context over MPI_COMM_WORLD
    /// and have rank 0 report every rank's node sharing and thread budget
    /// (needs a build with the `mpi` feature).
    #[arg(long)]
    pub mpi: bool,
}

/// One MPI rank, as `oxpar info --mpi` shows it.
#[derive(Debug, Serialize)]
struct MpiRank {
    /// The rank in MPI_COMM_WORLD.
    rank: usize,
    /// How many ranks share its node.
    ranks_on_node: usize,
    /// The threads its "mpi+threads" context computes with.
    threads: usize,
}

/// The MPI layout `oxpar info --mpi` reports.
#[derive(Debug, Serialize)]
struct MpiInfo {
    /// Ranks in MPI_COMM_WORLD.
    size: usize,
    /// The default 2-D process grid (rows, columns).
    grid: (usize, usize),
    /// Every rank, in rank order.
    ranks: Vec<MpiRank>,
}

/// Gathers the MPI layout; `Ok(None)` on ranks other than 0, which print nothing.
#[cfg(feature = "mpi")]
fn mpi_info() -> Result<Option<MpiInfo>, String> {
    use oxpar::Backend;
    let mpi = oxpar::mpi_backend_from_spec("mpi+threads", None).map_err(|e| e.to_string())?;
    let mine = [mpi.ranks_on_node() as u64, mpi.num_threads() as u64];
    let all = mpi
        .comm()
        .all_gather_u64(&mine)
        .map_err(|e| e.to_string())?;
    if mpi.rank() != 0 {
        return Ok(None);
    }
    let g = mpi.grid();
    Ok(Some(MpiInfo {
        size: mpi.size(),
        grid: (g.rows, g.cols),
        ranks: all
            .chunks_exact(2)
            .enumerate()
            .map(|(rank, w)| MpiRank {
                rank,
                ranks_on_node: w[0] as usize,
                threads: w[1] as usize,
            })
            .collect(),
    }))
}

#[cfg(not(feature = "mpi"))]
fn mpi_info() -> Result<Option<MpiInfo>, String> {
    Err("this build has no MPI (build oxpar-cli with --features mpi)".to_string())
}

/// One backend and whether it can be used.
#[derive(Debug, Serialize)]
struct BackendInfo {
    /// `"serial"`, `"threads"`, ...
    name: &'static str,
    /// Whether it is compiled in and works here.
    usable: bool,
}

/// Everything `oxpar info` reports.
#[derive(Debug, Serialize)]
struct Info {
    /// The library version.
    version: &'static str,
    /// The backends this build knows about.
    backends: Vec<BackendInfo>,
    /// The default thread count, or `None` when `OXPAR_NUM_THREADS` is invalid.
    threads: Option<usize>,
    /// Where the thread count comes from.
    threads_source: String,
    /// Why there is no thread count, if there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    threads_error: Option<String>,
    /// The CPU level the kernels use.
    cpu_level: &'static str,
    /// `OXPAR_CPU_LEVEL`, when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    cpu_level_requested: Option<String>,
    /// CPU features the kernels can use.
    cpu_features: Vec<&'static str>,
    /// OpenCL devices (builds with the `opencl` feature only).
    #[serde(skip_serializing_if = "Option::is_none")]
    opencl_devices: Option<Vec<OpenClDevice>>,
    /// The MPI layout (`--mpi` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    mpi: Option<MpiInfo>,
}

/// One OpenCL device, as `oxpar info` shows it.
#[derive(Debug, Serialize)]
struct OpenClDevice {
    /// The spec that selects it: `opencl:<platform>:<device>`.
    spec: String,
    /// Platform name.
    platform: String,
    /// Device name.
    name: String,
    /// `cpu`, `gpu`, ...
    kind: String,
    /// Global memory in MiB.
    memory_mib: u64,
    /// Compute units.
    compute_units: u32,
    /// Double precision support.
    fp64: bool,
}

#[cfg(feature = "opencl")]
fn opencl_devices() -> Option<Vec<OpenClDevice>> {
    let platforms = oxpar::opencl::platforms().unwrap_or_default();
    Some(
        platforms
            .iter()
            .flat_map(|p| {
                p.devices.iter().map(move |d| OpenClDevice {
                    spec: format!("opencl:{}:{}", d.platform_index, d.device_index),
                    platform: p.name.clone(),
                    name: d.name.clone(),
                    kind: d.device_type.as_str().to_string(),
                    memory_mib: d.global_mem_bytes >> 20,
                    compute_units: d.compute_units,
                    fp64: d.fp64,
                })
            })
            .collect(),
    )
}

#[cfg(not(feature = "opencl"))]
fn opencl_devices() -> Option<Vec<OpenClDevice>> {
    None
}

fn gather() -> Info {
    let backends = oxpar::backends()
        .into_iter()
        .map(|(kind, usable)| BackendInfo {
            name: kind.as_str(),
            usable,
        })
        .collect();
    let env_threads = std::env::var(NUM_THREADS_ENV).ok();
    let threads_source = match &env_threads {
        Some(v) => format!("{NUM_THREADS_ENV}={v}"),
        None => format!("the CPUs this process may use ({NUM_THREADS_ENV} is not set)"),
    };
    let (threads, threads_error) = match oxpar::default_num_threads() {
        Ok(n) => (Some(n), None),
        Err(e) => (None, Some(e.to_string())),
    };
    Info {
        version: oxpar::VERSION,
        backends,
        threads,
        threads_source,
        threads_error,
        cpu_level: oxpar::cpu_level().as_str(),
        cpu_level_requested: std::env::var(CPU_LEVEL_ENV).ok(),
        cpu_features: oxpar::cpu_features(),
        opencl_devices: opencl_devices(),
        mpi: None,
    }
}

/// Runs `oxpar info`. Fails (after printing everything else) only when
/// `OXPAR_NUM_THREADS` is set to something that is not a positive integer.
pub fn run(args: &InfoArgs) -> Result<(), String> {
    let mut info = gather();
    if args.mpi {
        match mpi_info()? {
            Some(m) => info.mpi = Some(m),
            // Only rank 0 reports, for all ranks.
            None => return Ok(()),
        }
    }
    if args.json {
        let text =
            serde_json::to_string_pretty(&info).map_err(|e| format!("cannot write JSON: {e}"))?;
        println!("{text}");
    } else {
        println!("oxpar {}", info.version);
        println!("backends:");
        for b in &info.backends {
            let state = if b.usable {
                "usable"
            } else {
                "not available in this build"
            };
            println!("  {:<8} {state}", b.name);
        }
        match info.threads {
            Some(n) => println!("threads: {n} (from {})", info.threads_source),
            None => println!(
                "threads: unknown ({})",
                info.threads_error.as_deref().unwrap_or("no thread count")
            ),
        }
        match &info.cpu_level_requested {
            Some(req) => println!("cpu level: {} ({CPU_LEVEL_ENV}={req})", info.cpu_level),
            None => println!("cpu level: {}", info.cpu_level),
        }
        let features = if info.cpu_features.is_empty() {
            "(none detected)".to_string()
        } else {
            info.cpu_features.join(" ")
        };
        println!("cpu features: {features}");
        match &info.opencl_devices {
            None => {
                println!("opencl devices: (this build has no OpenCL; build with --features opencl)")
            }
            Some(devices) if devices.is_empty() => println!("opencl devices: none found"),
            Some(devices) => {
                println!("opencl devices:");
                for d in devices {
                    let fp64 = if d.fp64 { "fp64" } else { "no fp64" };
                    println!(
                        "  {:<14} {} / {} ({}, {} MiB, {} compute units, {fp64})",
                        d.spec, d.platform, d.name, d.kind, d.memory_mib, d.compute_units
                    );
                }
            }
        }
        if let Some(m) = &info.mpi {
            println!(
                "mpi: {} ranks, default grid {} x {}",
                m.size, m.grid.0, m.grid.1
            );
            for r in &m.ranks {
                println!(
                    "  rank {:<4} {} rank(s) on its node, {} thread(s)",
                    r.rank, r.ranks_on_node, r.threads
                );
            }
        }
    }
    match info.threads_error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
