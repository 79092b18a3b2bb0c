//! Discovery, selection by spec, the environment override, and the paths
//! where there is no device: a spec naming a device that does not exist, and
//! a machine whose OpenCL loader finds no driver at all (simulated in a child
//! process by pointing ocl-icd at an empty vendor folder).

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use oxpar_core::ErrorKind;
use oxpar_opencl::{platforms, DeviceSelector, DeviceType, OpenClBackend, DEVICE_ENV};

/// Set in child processes: which check to run.
const CHILD: &str = "OXPAR_OPENCL_TEST_CHILD";

/// Runs this test binary again with `test` only, in an environment changed
/// by `env`, and asserts that the child's check passed.
fn run_child(test: &str, env: &[(&str, &str)]) {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, test)
        .env_remove(DEVICE_ENV);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "child {test} failed:\n{text}");
    assert!(
        text.contains("1 passed"),
        "child {test} ran nothing:\n{text}"
    );
}

fn is_child(test: &str) -> bool {
    std::env::var(CHILD).is_ok_and(|v| v == test)
}

#[test]
fn lists_platforms_and_devices() {
    let _ = backend_or_skip!();
    let list = platforms().unwrap();
    assert!(!list.is_empty());
    for (p, plat) in list.iter().enumerate() {
        assert_eq!(plat.index, p);
        assert!(!plat.name.is_empty());
        for (d, dev) in plat.devices.iter().enumerate() {
            assert_eq!((dev.platform_index, dev.device_index), (p, d));
            assert!(!dev.name.is_empty());
            assert!(dev.global_mem_bytes > 0 && dev.compute_units > 0);
            assert!(dev.max_work_group_size >= 1 && dev.max_alloc_bytes > 0);
            assert!(dev.version.starts_with("OpenCL"), "{}", dev.version);
            println!(
                "opencl:{p}:{d} {} [{}] {} MiB, {} CUs, fp64 {}",
                dev.name,
                dev.device_type,
                dev.global_mem_bytes >> 20,
                dev.compute_units,
                dev.fp64
            );
        }
    }
    assert!(oxpar_opencl::is_available());
}

#[test]
fn specs_select_devices() {
    let _ = backend_or_skip!();
    let list = platforms().unwrap();
    let first = &list.iter().find(|p| !p.devices.is_empty()).unwrap().devices[0];
    let b = OpenClBackend::from_spec(&format!(
        "opencl:{}:{}",
        first.platform_index, first.device_index
    ))
    .unwrap();
    assert_eq!(b.device(), first);
    let all: Vec<_> = list.iter().flat_map(|p| p.devices.iter()).collect();
    for ty in [DeviceType::Cpu, DeviceType::Gpu, DeviceType::Accelerator] {
        let of_type: Vec<_> = all.iter().filter(|d| d.device_type == ty).collect();
        for spec in [format!("opencl:{ty}"), format!("opencl:{ty}:0")] {
            match of_type.first() {
                Some(d) => assert_eq!(OpenClBackend::from_spec(&spec).unwrap().device(), **d),
                None => assert_eq!(
                    OpenClBackend::from_spec(&spec).unwrap_err().kind(),
                    ErrorKind::BackendUnavailable
                ),
            }
        }
        let e = OpenClBackend::from_spec(&format!("opencl:{ty}:{}", of_type.len())).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::BackendUnavailable, "{e}");
    }
    // The default: the first GPU, else the first device.
    let want = all
        .iter()
        .find(|d| d.device_type == DeviceType::Gpu)
        .unwrap_or(&all[0]);
    assert_eq!(
        OpenClBackend::with_selector(&DeviceSelector::Default)
            .unwrap()
            .device(),
        *want
    );
}

#[test]
fn missing_devices_are_unavailable_not_panics() {
    let _ = backend_or_skip!();
    let n = platforms().unwrap().len();
    for spec in [
        format!("opencl:{n}:0"),
        "opencl:0:99".to_string(),
        "opencl:gpu:99".into(),
    ] {
        let e = OpenClBackend::from_spec(&spec).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::BackendUnavailable, "{spec}: {e}");
        assert!(e.message().contains("available:"), "lists what exists: {e}");
    }
    for spec in [
        "opencl:bogus",
        "opencl:0",
        "opencl:1:2:3",
        "threads",
        "cuda:0",
        "",
    ] {
        let e = OpenClBackend::from_spec(spec).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{spec:?}: {e}");
    }
}

#[test]
fn environment_overrides_plain_opencl() {
    if is_child("environment_overrides_plain_opencl") {
        let spec = std::env::var("EXPECT").unwrap();
        let kind = std::env::var("EXPECT_KIND").unwrap_or_default();
        match OpenClBackend::from_spec("opencl") {
            Ok(b) => {
                assert!(kind.is_empty(), "expected {kind}");
                let want = OpenClBackend::from_spec(&spec).unwrap();
                assert_eq!(b.device(), want.device());
                // An explicit spec ignores the variable.
                let explicit = OpenClBackend::from_spec("opencl:0:0").unwrap();
                assert_eq!(explicit.device().platform_index, 0);
            }
            Err(e) => assert_eq!(format!("{:?}", e.kind()), kind, "{e}"),
        }
        return;
    }
    let _ = backend_or_skip!();
    let test = "environment_overrides_plain_opencl";
    run_child(test, &[(DEVICE_ENV, "0:0"), ("EXPECT", "opencl:0:0")]);
    run_child(
        test,
        &[(DEVICE_ENV, "opencl:0:0"), ("EXPECT", "opencl:0:0")],
    );
    if platforms()
        .unwrap()
        .iter()
        .any(|p| p.devices.iter().any(|d| d.device_type == DeviceType::Cpu))
    {
        run_child(test, &[(DEVICE_ENV, "cpu"), ("EXPECT", "opencl:cpu:0")]);
    }
    run_child(
        test,
        &[
            (DEVICE_ENV, "0:99"),
            ("EXPECT", ""),
            ("EXPECT_KIND", "BackendUnavailable"),
        ],
    );
    run_child(
        test,
        &[
            (DEVICE_ENV, "bogus"),
            ("EXPECT", ""),
            ("EXPECT_KIND", "InvalidArgument"),
        ],
    );
}

#[test]
fn no_driver_installed_is_unavailable_quickly() {
    if is_child("no_driver_installed_is_unavailable_quickly") {
        let start = Instant::now();
        assert!(platforms().unwrap().is_empty());
        assert!(!oxpar_opencl::is_available());
        for spec in ["opencl", "opencl:gpu", "opencl:0:0"] {
            let e = OpenClBackend::from_spec(spec).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::BackendUnavailable, "{e}");
            assert!(e.message().contains("no OpenCL platform"), "{e}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "took {:?}",
            start.elapsed()
        );
        return;
    }
    // ocl-icd reads the drivers from OCL_ICD_VENDORS: an empty folder means
    // none. (Other loaders ignore it; then the child sees the real devices
    // and the check does not apply.)
    if !cfg!(target_os = "linux") || common::backend().is_none() {
        return;
    }
    let empty = std::env::temp_dir().join(format!("oxpar-no-icd-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    run_child(
        "no_driver_installed_is_unavailable_quickly",
        &[
            ("OCL_ICD_VENDORS", empty.to_str().unwrap()),
            ("OCL_ICD_FILENAMES", ""),
        ],
    );
    let _ = std::fs::remove_dir(&empty);
}
