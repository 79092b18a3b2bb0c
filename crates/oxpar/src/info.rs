//! What this build offers on this machine: the report `oxpar info` prints,
//! which the C ABI (`oxpar_info_text`) and Python (`oxpar.show_config()`,
//! `python -m oxpar info`) return too, so all of them say the same.

use oxpar_core::budget::{default_num_threads_source, NUM_THREADS_ENV};

/// The variable that lowers the CPU level the kernels use.
pub const CPU_LEVEL_ENV: &str = "OXPAR_CPU_LEVEL";

/// One OpenCL device.
#[derive(Clone, Debug)]
pub struct OpenClDevice {
    /// The spec that selects it: `opencl:<platform>:<device>`.
    pub spec: String,
    /// Platform name.
    pub platform: String,
    /// Device name.
    pub name: String,
    /// `cpu`, `gpu`, ...
    pub kind: String,
    /// Global memory in MiB.
    pub memory_mib: u64,
    /// Compute units.
    pub compute_units: u32,
    /// Double precision support.
    pub fp64: bool,
}

/// Everything the report holds.
#[derive(Clone, Debug)]
pub struct Info {
    /// The library version.
    pub version: &'static str,
    /// The backends this build knows about, and whether each is usable here.
    pub backends: Vec<(crate::BackendKind, bool)>,
    /// The default thread count, or `None` when `OXPAR_NUM_THREADS` is invalid.
    pub threads: Option<usize>,
    /// Where the thread count comes from (`OXPAR_NUM_THREADS=3`,
    /// `OMP_NUM_THREADS=2 (...)`, `the CPUs this process may use (...)`).
    pub threads_source: String,
    /// Why there is no thread count, if there is none.
    pub threads_error: Option<String>,
    /// The CPU level the kernels use.
    pub cpu_level: &'static str,
    /// `OXPAR_CPU_LEVEL`, when set.
    pub cpu_level_requested: Option<String>,
    /// CPU features the kernels can use.
    pub cpu_features: Vec<&'static str>,
    /// OpenCL devices (`None` in builds without the `opencl` feature).
    pub opencl_devices: Option<Vec<OpenClDevice>>,
}

#[cfg(feature = "opencl")]
fn opencl_devices() -> Option<Vec<OpenClDevice>> {
    let platforms = crate::opencl::platforms().unwrap_or_default();
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

/// Gathers the report from this build, this machine and the environment now.
pub fn gather() -> Info {
    let (threads, threads_source, threads_error) = match default_num_threads_source() {
        Ok((n, source)) => (Some(n), source.to_string(), None),
        Err(e) => (
            None,
            format!(
                "{NUM_THREADS_ENV}={}",
                std::env::var(NUM_THREADS_ENV).unwrap_or_default()
            ),
            Some(e.to_string()),
        ),
    };
    Info {
        version: crate::VERSION,
        backends: crate::backends(),
        threads,
        threads_source,
        threads_error,
        cpu_level: crate::cpu_level().as_str(),
        cpu_level_requested: std::env::var(CPU_LEVEL_ENV).ok(),
        cpu_features: crate::cpu_features(),
        opencl_devices: opencl_devices(),
    }
}

impl Info {
    /// The report as text, one item a line, ending in a newline.
    pub fn text(&self) -> String {
        let mut s = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_text(&mut s);
        s
    }

    fn write_text(&self, s: &mut impl std::fmt::Write) -> std::fmt::Result {
        writeln!(s, "oxpar {}", self.version)?;
        writeln!(s, "backends:")?;
        for (kind, usable) in &self.backends {
            let state = if *usable {
                "usable"
            } else {
                "not available in this build"
            };
            writeln!(s, "  {:<8} {state}", kind.as_str())?;
        }
        match self.threads {
            Some(n) => writeln!(s, "threads: {n} (from {})", self.threads_source)?,
            None => writeln!(
                s,
                "threads: unknown ({})",
                self.threads_error.as_deref().unwrap_or("no thread count")
            )?,
        }
        match &self.cpu_level_requested {
            Some(req) => writeln!(s, "cpu level: {} ({CPU_LEVEL_ENV}={req})", self.cpu_level)?,
            None => writeln!(s, "cpu level: {}", self.cpu_level)?,
        }
        let features = if self.cpu_features.is_empty() {
            "(none detected)".to_string()
        } else {
            self.cpu_features.join(" ")
        };
        writeln!(s, "cpu features: {features}")?;
        match &self.opencl_devices {
            None => writeln!(
                s,
                "opencl devices: (this build has no OpenCL; build with --features opencl)"
            )?,
            Some(devices) if devices.is_empty() => writeln!(s, "opencl devices: none found")?,
            Some(devices) => {
                writeln!(s, "opencl devices:")?;
                for d in devices {
                    let fp64 = if d.fp64 { "fp64" } else { "no fp64" };
                    writeln!(
                        s,
                        "  {:<14} {} / {} ({}, {} MiB, {} compute units, {fp64})",
                        d.spec, d.platform, d.name, d.kind, d.memory_mib, d.compute_units
                    )?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_has_every_part() {
        let info = gather();
        let text = info.text();
        assert!(
            text.starts_with(&format!("oxpar {}\n", crate::VERSION)),
            "{text}"
        );
        for part in [
            "backends:",
            "  threads  usable",
            "threads: ",
            "cpu level: ",
            "opencl devices",
        ] {
            assert!(text.contains(part), "{part:?} in {text}");
        }
        if let Some(n) = info.threads {
            assert!(text.contains(&format!("threads: {n} (from {})", info.threads_source)));
        }
    }
}
