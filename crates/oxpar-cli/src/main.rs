//! The `oxpar` command.
//!
//! * `oxpar info` says what this build offers on this machine: version,
//!   backends, thread budget, CPU level and features.
//! * `oxpar bench` times oxpar's kernels (and the fork-join cost of
//!   `parallel_for`) and prints a table, or JSON records for scripts such as
//!   `benches/compare.py`.
//!
//! Bad options give a message on stderr and a non-zero exit status (2 for
//! options clap rejects, 1 for everything else), never a panic.

mod bench;
mod info;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Command-line interface of `oxpar`.
#[derive(Debug, Parser)]
#[command(
    name = "oxpar",
    version = oxpar::VERSION,
    about = "oxpar: BLAS-style kernels and parallel loops; inspect this build and benchmark it"
)]
struct Cli {
    /// What to do.
    #[command(subcommand)]
    command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Show the version, backends, thread budget and CPU level/features.
    Info(info::InfoArgs),
    /// Time kernels and print GFLOP/s and GB/s.
    Bench(bench::BenchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Info(args) => info::run(&args),
        Command::Bench(args) => bench::run(&args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("oxpar: error: {message}");
            ExitCode::FAILURE
        }
    }
}
