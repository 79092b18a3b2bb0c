//! `oxpar info`: what this build offers on this machine.

use clap::Args;
use serde::Serialize;

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
    /// Where the thread count comes from (`OXPAR_NUM_THREADS`, else
    /// `OMP_NUM_THREADS`, else the CPUs this process may use).
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

fn gather() -> (Info, String) {
    let info = oxpar::info::gather();
    let text = info.text();
    let backends = info
        .backends
        .iter()
        .map(|(kind, usable)| BackendInfo {
            name: kind.as_str(),
            usable: *usable,
        })
        .collect();
    let opencl_devices = info.opencl_devices.map(|devices| {
        devices
            .into_iter()
            .map(|d| OpenClDevice {
                spec: d.spec,
                platform: d.platform,
                name: d.name,
                kind: d.kind,
                memory_mib: d.memory_mib,
                compute_units: d.compute_units,
                fp64: d.fp64,
            })
            .collect()
    });
    let json = Info {
        version: info.version,
        backends,
        threads: info.threads,
        threads_source: info.threads_source,
        threads_error: info.threads_error,
        cpu_level: info.cpu_level,
        cpu_level_requested: info.cpu_level_requested,
        cpu_features: info.cpu_features,
        opencl_devices,
        mpi: None,
    };
    (json, text)
}

/// Runs `oxpar info`. Fails (after printing everything else) only when
/// `OXPAR_NUM_THREADS` is set to something that is not a positive integer.
pub fn run(args: &InfoArgs) -> Result<(), String> {
    let (mut info, text) = gather();
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
        // The same text as the C ABI's oxpar_info_text and Python's show_config().
        print!("{text}");
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
