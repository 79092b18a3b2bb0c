//! Runs the built `oxpar` binary.

use std::process::{Command, Output};

fn oxpar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oxpar"))
        .args(args)
        .env_remove("OXPAR_NUM_THREADS")
        .output()
        .expect("the oxpar binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn info_mentions_threads() {
    let out = oxpar(&["info"]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("threads"), "{text}");
    assert!(text.contains(env!("CARGO_PKG_VERSION")), "{text}");
}

#[test]
fn info_json_parses() {
    let out = oxpar(&["info", "--json"]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(v["version"], env!("CARGO_PKG_VERSION"));
    assert!(v["threads"].as_u64().unwrap() >= 1);
    assert!(v["backends"].as_array().unwrap().len() >= 2);
    assert!(v["cpu_level"].is_string());
    assert!(v["cpu_features"].is_array());
}

#[test]
fn bad_thread_env_is_reported() {
    let out = Command::new(env!("CARGO_BIN_EXE_oxpar"))
        .arg("info")
        .env("OXPAR_NUM_THREADS", "lots")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("OXPAR_NUM_THREADS"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn omp_num_threads_counts_when_oxpar_num_threads_is_unset() {
    let run = |omp: &str, oxpar: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_oxpar"));
        cmd.arg("info").env("OMP_NUM_THREADS", omp);
        match oxpar {
            Some(v) => cmd.env("OXPAR_NUM_THREADS", v),
            None => cmd.env_remove("OXPAR_NUM_THREADS"),
        };
        let out = cmd.output().expect("runs");
        assert!(out.status.success(), "stderr: {}", stderr(&out));
        stdout(&out)
    };
    let text = run("2,1", None);
    assert!(
        text.contains("threads: 2 (from OMP_NUM_THREADS=2,1 (OXPAR_NUM_THREADS is not set))"),
        "{text}"
    );
    let text = run("2", Some("3"));
    assert!(
        text.contains("threads: 3 (from OXPAR_NUM_THREADS=3)"),
        "{text}"
    );
    let text = run("many", None);
    assert!(
        text.contains("OMP_NUM_THREADS=\"many\" is not a thread count and is ignored"),
        "{text}"
    );
}

#[test]
fn tiny_bench_json_has_every_record() {
    let out = oxpar(&[
        "bench",
        "--kernels",
        "dot,gemm",
        "--sizes",
        "64",
        "--threads",
        "1,2",
        "--json",
        "--reps",
        "1",
        "--min-time",
        "0",
    ]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let records = v.as_array().expect("an array");
    assert_eq!(records.len(), 2 * 2 * 2);
    for r in records {
        assert!(r["gflops"].as_f64().unwrap() > 0.0, "{r}");
        assert!(r["gbps"].as_f64().unwrap() > 0.0, "{r}");
        assert!(r["seconds"].as_f64().unwrap() > 0.0, "{r}");
        assert_eq!(r["n"], 64);
        assert_eq!(r["backend"], "threads");
        assert!(["dot", "gemm"].contains(&r["kernel"].as_str().unwrap()));
        assert!(["f32", "f64"].contains(&r["dtype"].as_str().unwrap()));
        assert!([1, 2].contains(&r["threads"].as_u64().unwrap()));
    }
}

#[test]
fn parallel_for_reports_microseconds() {
    let out = oxpar(&[
        "bench",
        "--kernels",
        "parallel_for",
        "--threads",
        "2",
        "--json",
        "--reps",
        "1",
        "--min-time",
        "0",
    ]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let records = v.as_array().unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["kernel"], "parallel_for");
    assert!(records[0]["us_per_call"].as_f64().unwrap() > 0.0);
}

#[test]
fn table_without_json() {
    let out = oxpar(&[
        "bench",
        "--kernels",
        "axpy",
        "--dtype",
        "f64",
        "--sizes",
        "100",
        "--threads",
        "1",
        "--reps",
        "1",
        "--min-time",
        "0",
    ]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("GFLOP/s") && text.contains("GB/s"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("axpy")), "{text}");
}

#[test]
fn unknown_kernel_is_named() {
    let out = oxpar(&["bench", "--kernels", "dot,frobnicate"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("frobnicate"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_options_fail_without_panicking() {
    for args in [
        &["bench", "--threads", "0"][..],
        &["bench", "--sizes", "ten"],
        &["bench", "--dtype", "f16"],
        &["bench", "--backend", "serial", "--threads", "2"],
        &[
            "bench",
            "--kernels",
            "gemm",
            "--sizes",
            "1e12",
            "--threads",
            "1",
        ],
        &["bench", "--min-time", "-1"],
    ] {
        let out = oxpar(args);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = stderr(&out);
        assert!(err.contains("error"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn thread_budget_follows_env_then_affinity() {
    let threads = |cmd: &mut Command| -> u64 {
        let out = cmd.output().expect("runs");
        assert!(out.status.success(), "stderr: {}", stderr(&out));
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
        v["threads"].as_u64().expect("a thread count")
    };
    let bin = env!("CARGO_BIN_EXE_oxpar");
    assert_eq!(
        threads(
            Command::new(bin)
                .args(["info", "--json"])
                .env("OXPAR_NUM_THREADS", "3")
        ),
        3
    );
    // Pinned to one CPU (as an MPI launcher or a batch system would pin a
    // rank), the default budget is that one CPU, not every core of the node.
    if std::path::Path::new("/usr/bin/taskset").exists() {
        let pinned = threads(
            Command::new("/usr/bin/taskset")
                .args(["-c", "0", bin, "info", "--json"])
                .env_remove("OXPAR_NUM_THREADS"),
        );
        assert_eq!(pinned, 1);
    }
}

/// With the `opencl` feature (`make opencl-test`), `oxpar info` lists the
/// OpenCL devices with the spec that selects each.
#[cfg(feature = "opencl")]
#[test]
fn info_lists_opencl_devices() {
    let out = oxpar(&["info", "--json"]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let devices = v["opencl_devices"].as_array().expect("a device list");
    for d in devices {
        assert!(d["spec"].as_str().unwrap().starts_with("opencl:"));
        assert!(d["compute_units"].as_u64().unwrap() >= 1);
    }
}
