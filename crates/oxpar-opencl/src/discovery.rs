//! Platforms and devices: what is installed, and which one a spec names.

use ocl::core::{DeviceInfo as Key, DeviceInfoResult as Val};
use oxpar_core::{Error, Result};

use crate::{err, raw};

/// The environment variable that picks the device for a plain `"opencl"` spec:
/// `gpu`, `cpu:1`, `0:0`, ... (the grammar of [`OpenClBackend::from_spec`]
/// after `opencl:`; the prefix may be given too).
///
/// [`OpenClBackend::from_spec`]: crate::OpenClBackend::from_spec
pub const DEVICE_ENV: &str = "OXPAR_OPENCL_DEVICE";

/// The kind of an OpenCL device.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum DeviceType {
    /// A CPU (e.g. PoCL's `pthread` device).
    Cpu,
    /// A GPU.
    Gpu,
    /// A dedicated accelerator (FPGA, DSP, ...).
    Accelerator,
    /// Anything else (custom devices).
    Other,
}

impl DeviceType {
    /// The lower-case name used in specs: `"cpu"`, `"gpu"`, `"accelerator"`, `"other"`.
    pub fn as_str(self) -> &'static str {
        match self {
            DeviceType::Cpu => "cpu",
            DeviceType::Gpu => "gpu",
            DeviceType::Accelerator => "accelerator",
            DeviceType::Other => "other",
        }
    }
}

impl std::fmt::Display for DeviceType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a device reports about itself. Values a driver fails to report are
/// left empty or zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceInfo {
    /// Index of its platform in [`platforms`].
    pub platform_index: usize,
    /// Index of the device within its platform.
    pub device_index: usize,
    /// The device name, e.g. `"pthread-skylake-avx512"`.
    pub name: String,
    /// The vendor, e.g. `"AuthenticAMD"`.
    pub vendor: String,
    /// CPU, GPU, accelerator.
    pub device_type: DeviceType,
    /// Global memory, in bytes.
    pub global_mem_bytes: u64,
    /// The largest single buffer, in bytes.
    pub max_alloc_bytes: u64,
    /// Local (work-group shared) memory, in bytes.
    pub local_mem_bytes: u64,
    /// Parallel compute units.
    pub compute_units: u32,
    /// The largest work-group.
    pub max_work_group_size: usize,
    /// Whether it computes in double precision (`cl_khr_fp64`): `f64` kernels
    /// need it.
    pub fp64: bool,
    /// The OpenCL version the device reports, e.g. `"OpenCL 3.0 PoCL ..."`.
    pub version: String,
}

/// An OpenCL platform (one installed driver) and its devices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlatformInfo {
    /// Index in the list [`platforms`] returns (the ICD loader's order).
    pub index: usize,
    /// The platform name, e.g. `"Portable Computing Language"`.
    pub name: String,
    /// The vendor.
    pub vendor: String,
    /// The OpenCL version it reports.
    pub version: String,
    /// Its devices, in the driver's order.
    pub devices: Vec<DeviceInfo>,
}

/// Which device a backend should use.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum DeviceSelector {
    /// The first GPU over all platforms, else the first device.
    Default,
    /// The `index`-th (0-based) device of a type, over all platforms in order.
    Type {
        /// The type.
        device_type: DeviceType,
        /// Which one of that type.
        index: usize,
    },
    /// Device `device` of platform `platform`.
    Index {
        /// Platform index.
        platform: usize,
        /// Device index within the platform.
        device: usize,
    },
}

const GRAMMAR: &str = "expected opencl, opencl:gpu, opencl:cpu, opencl:accelerator, \
                       opencl:gpu:N (likewise cpu, accelerator) or opencl:P:D";

impl DeviceSelector {
    /// Parses a spec: `opencl`, `opencl:gpu`, `opencl:cpu:1`, `opencl:0:1`, ...
    /// (see [`OpenClBackend::from_spec`](crate::OpenClBackend::from_spec)); the
    /// `opencl` prefix is optional, so `gpu` and `0:1` parse too.
    /// Does not look at the environment.
    pub fn parse(spec: &str) -> Result<Self> {
        let text = spec.trim().to_ascii_lowercase();
        let bad = |why: &str| {
            Error::invalid_argument(
                "spec",
                format!("{spec:?}: {why} ({GRAMMAR})", spec = spec.trim()),
            )
        };
        let rest = match text.strip_prefix("opencl") {
            Some("") => return Ok(DeviceSelector::Default),
            Some(r) => match r.strip_prefix(':') {
                Some(r) => r,
                None => return Err(bad("not an OpenCL spec")),
            },
            None => text.as_str(),
        };
        let parts: Vec<&str> = rest.split(':').map(str::trim).collect();
        let index = |s: &str| {
            s.parse::<usize>()
                .map_err(|_| bad(&format!("{s:?} is not a device index")))
        };
        let device_type = |s: &str| match s {
            "gpu" => Some(DeviceType::Gpu),
            "cpu" => Some(DeviceType::Cpu),
            "accelerator" | "acc" => Some(DeviceType::Accelerator),
            _ => None,
        };
        match parts.as_slice() {
            [""] => Ok(DeviceSelector::Default),
            [t] => match device_type(t) {
                Some(device_type) => Ok(DeviceSelector::Type {
                    device_type,
                    index: 0,
                }),
                None => Err(bad(&format!("unknown device kind {t:?}"))),
            },
            [t, i] => match device_type(t) {
                Some(device_type) => Ok(DeviceSelector::Type {
                    device_type,
                    index: index(i)?,
                }),
                None => Ok(DeviceSelector::Index {
                    platform: index(t)?,
                    device: index(i)?,
                }),
            },
            _ => Err(bad("too many fields")),
        }
    }
}

impl std::fmt::Display for DeviceSelector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DeviceSelector::Default => f.write_str("opencl"),
            DeviceSelector::Type { device_type, index } => {
                write!(f, "opencl:{device_type}:{index}")
            }
            DeviceSelector::Index { platform, device } => write!(f, "opencl:{platform}:{device}"),
        }
    }
}

/// The selector for a backend spec, with [`DEVICE_ENV`] overriding plain `"opencl"`.
pub(crate) fn selector_from_spec(spec: &str) -> Result<DeviceSelector> {
    let trimmed = spec.trim();
    let name = trimmed.split(':').next().unwrap_or("");
    if !name.eq_ignore_ascii_case("opencl") {
        return Err(Error::invalid_argument(
            "spec",
            format!("{trimmed:?} is not an OpenCL spec ({GRAMMAR})"),
        ));
    }
    let selector = DeviceSelector::parse(trimmed)?;
    if selector == DeviceSelector::Default {
        if let Ok(env) = std::env::var(DEVICE_ENV) {
            if !env.trim().is_empty() {
                return DeviceSelector::parse(&env).map_err(|e| {
                    Error::invalid_argument(
                        DEVICE_ENV,
                        format!("environment variable: {}", e.message()),
                    )
                });
            }
        }
    }
    Ok(selector)
}

/// A platform and its devices, as the binding sees them.
struct Found {
    platform: ocl::Platform,
    info: PlatformInfo,
    devices: Vec<ocl::Device>,
}

/// Every platform with its devices. No platform (or no ICD at all) is an empty
/// list, quickly: the loader is asked once, without the binding's retries.
fn enumerate() -> Result<Vec<Found>> {
    if raw::platform_count() == 0 {
        return Ok(Vec::new());
    }
    let ids =
        ocl::core::get_platform_ids().map_err(|e| err::core("listing OpenCL platforms", e))?;
    let mut out = Vec::with_capacity(ids.len());
    for (index, id) in ids.into_iter().enumerate() {
        let platform = ocl::Platform::new(id);
        // A platform whose devices cannot be listed has none we can use.
        let devices = ocl::Device::list_all(platform).unwrap_or_default();
        let infos = devices
            .iter()
            .enumerate()
            .map(|(d, dev)| device_info(index, d, dev))
            .collect();
        out.push(Found {
            platform,
            info: PlatformInfo {
                index,
                name: platform.name().unwrap_or_default().trim().to_string(),
                vendor: platform.vendor().unwrap_or_default().trim().to_string(),
                version: platform.version().unwrap_or_default().trim().to_string(),
                devices: infos,
            },
            devices,
        });
    }
    Ok(out)
}

fn device_info(platform_index: usize, device_index: usize, dev: &ocl::Device) -> DeviceInfo {
    let q = |k: Key| dev.info(k).ok();
    let device_type = match q(Key::Type) {
        Some(Val::Type(t)) if t.contains(ocl::DeviceType::GPU) => DeviceType::Gpu,
        Some(Val::Type(t)) if t.contains(ocl::DeviceType::CPU) => DeviceType::Cpu,
        Some(Val::Type(t)) if t.contains(ocl::DeviceType::ACCELERATOR) => DeviceType::Accelerator,
        _ => DeviceType::Other,
    };
    let extensions = match q(Key::Extensions) {
        Some(Val::Extensions(s)) => s,
        _ => String::new(),
    };
    let double_config =
        matches!(q(Key::DoubleFpConfig), Some(Val::DoubleFpConfig(c)) if !c.is_empty());
    DeviceInfo {
        platform_index,
        device_index,
        name: dev.name().unwrap_or_default().trim().to_string(),
        vendor: dev.vendor().unwrap_or_default().trim().to_string(),
        device_type,
        global_mem_bytes: match q(Key::GlobalMemSize) {
            Some(Val::GlobalMemSize(v)) => v,
            _ => 0,
        },
        max_alloc_bytes: match q(Key::MaxMemAllocSize) {
            Some(Val::MaxMemAllocSize(v)) => v,
            _ => 0,
        },
        local_mem_bytes: match q(Key::LocalMemSize) {
            Some(Val::LocalMemSize(v)) => v,
            _ => 0,
        },
        compute_units: match q(Key::MaxComputeUnits) {
            Some(Val::MaxComputeUnits(v)) => v,
            _ => 0,
        },
        max_work_group_size: match q(Key::MaxWorkGroupSize) {
            Some(Val::MaxWorkGroupSize(v)) => v,
            _ => 1,
        },
        fp64: extensions.split_whitespace().any(|e| e == "cl_khr_fp64") || double_config,
        version: match dev.info_raw(Key::Version as u32) {
            Ok(bytes) => String::from_utf8_lossy(&bytes)
                .trim_end_matches('\0')
                .trim()
                .to_string(),
            Err(_) => String::new(),
        },
    }
}

/// Every OpenCL platform on this machine with its devices, in the ICD
/// loader's order (the indices that `"opencl:P:D"` specs use). An empty list
/// when no platform is installed, or no OpenCL loader finds any driver.
pub fn platforms() -> Result<Vec<PlatformInfo>> {
    Ok(enumerate()?.into_iter().map(|f| f.info).collect())
}

/// Whether at least one OpenCL device can be found.
pub fn is_available() -> bool {
    platforms().is_ok_and(|p| p.iter().any(|p| !p.devices.is_empty()))
}

/// The device a selector picks, with what a backend needs to open it.
pub(crate) struct Selected {
    pub(crate) platform: ocl::Platform,
    pub(crate) platform_name: String,
    pub(crate) device: ocl::Device,
    pub(crate) info: DeviceInfo,
}

pub(crate) fn select(selector: &DeviceSelector) -> Result<Selected> {
    let found = enumerate()?;
    let all: Vec<(&Found, usize)> = found
        .iter()
        .flat_map(|f| (0..f.devices.len()).map(move |d| (f, d)))
        .collect();
    if all.is_empty() {
        return Err(Error::backend_unavailable(if found.is_empty() {
            "no OpenCL platform found: install an OpenCL driver (ICD), e.g. Debian's \
             pocl-opencl-icd for CPUs or a GPU vendor's"
                .to_string()
        } else {
            format!(
                "OpenCL platform(s) {} report no devices",
                found
                    .iter()
                    .map(|f| format!("{:?}", f.info.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }));
    }
    let pick = match *selector {
        DeviceSelector::Default => all
            .iter()
            .find(|(f, d)| f.info.devices[*d].device_type == DeviceType::Gpu)
            .or(all.first())
            .copied(),
        DeviceSelector::Type { device_type, index } => all
            .iter()
            .filter(|(f, d)| f.info.devices[*d].device_type == device_type)
            .nth(index)
            .copied(),
        DeviceSelector::Index { platform, device } => found
            .get(platform)
            .filter(|f| device < f.devices.len())
            .map(|f| (f, device)),
    };
    let Some((f, d)) = pick else {
        let available = all
            .iter()
            .map(|(f, d)| {
                let i = &f.info.devices[*d];
                format!(
                    "opencl:{}:{} {:?} ({})",
                    f.info.index, d, i.name, i.device_type
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        return Err(Error::backend_unavailable(format!(
            "no OpenCL device matches {selector}; available: {available}"
        )));
    };
    Ok(Selected {
        platform: f.platform,
        platform_name: f.info.name.clone(),
        device: f.devices[d],
        info: f.info.devices[d].clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxpar_core::ErrorKind;

    #[test]
    fn specs_parse() {
        use DeviceSelector as S;
        assert_eq!(S::parse("opencl").unwrap(), S::Default);
        assert_eq!(S::parse(" OpenCL ").unwrap(), S::Default);
        assert_eq!(
            S::parse("opencl:gpu").unwrap(),
            S::Type {
                device_type: DeviceType::Gpu,
                index: 0
            }
        );
        assert_eq!(
            S::parse("opencl:cpu:2").unwrap(),
            S::Type {
                device_type: DeviceType::Cpu,
                index: 2
            }
        );
        assert_eq!(
            S::parse("opencl:1:3").unwrap(),
            S::Index {
                platform: 1,
                device: 3
            }
        );
        assert_eq!(
            S::parse("gpu:1").unwrap(),
            S::Type {
                device_type: DeviceType::Gpu,
                index: 1
            }
        );
        for bad in [
            "opencl:tpu",
            "opencl:1",
            "opencl:gpu:x",
            "opencl:0:0:0",
            "openclx",
            "opencl:-1:0",
        ] {
            assert_eq!(
                S::parse(bad).unwrap_err().kind(),
                ErrorKind::InvalidArgument,
                "{bad}"
            );
        }
        assert_eq!(
            S::parse("opencl:cpu:4").unwrap().to_string(),
            "opencl:cpu:4"
        );
        assert_eq!(
            selector_from_spec("threads").unwrap_err().kind(),
            ErrorKind::InvalidArgument
        );
    }
}
