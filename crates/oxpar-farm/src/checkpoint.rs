//! The checkpoint file: one line per completed task, appended as tasks finish.
//!
//! Format (text, so that people can read and edit it):
//!
//! ```text
//! oxpar-farm checkpoint v1 tasks=1000
//! 17
//! 3
//! ...
//! ```
//!
//! A line is written with one `write` call the moment its task returns, so a
//! process killed (even by SIGKILL) loses only the tasks that were running.
//! The data are also flushed to the disk (`fdatasync`) at most every
//! [`SYNC_EVERY`] and at the end, so an operating-system crash loses at most
//! that much more. A last line without its newline (a write cut short) is
//! ignored.
//!
//! Under MPI each rank appends to its own file, `<path>.rank<r>`; a run reads
//! `<path>` and every `<path>.rank*` beside it, so a rerun may use a different
//! number of ranks.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use oxpar_core::{Error, ErrorKind, Result};

/// How often completed records are forced to the disk.
pub const SYNC_EVERY: Duration = Duration::from_millis(100);

const MAGIC: &str = "oxpar-farm checkpoint v1 tasks=";

fn io_error(path: &Path, what: &str, e: std::io::Error) -> Error {
    Error::new(
        ErrorKind::InvalidArgument,
        format!("checkpoint {}: {what}: {e}", path.display()),
    )
}

/// Every file that belongs to the checkpoint at `path`: the file itself and
/// the per-rank files beside it.
fn files_of(path: &Path) -> Vec<PathBuf> {
    let mut files = vec![path.to_path_buf()];
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let (Some(name), Ok(entries)) = (name, std::fs::read_dir(dir)) {
        let prefix = format!("{name}.rank");
        // Exactly `<name>.rank<digits>`: a `.bak` copy beside it is not read.
        let is_rank_file = |file: &str| {
            file.strip_prefix(&prefix)
                .is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()))
        };
        let mut ranks: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .filter(|e| is_rank_file(&e.file_name().to_string_lossy()))
            .map(|e| e.path())
            .collect();
        ranks.sort();
        files.extend(ranks);
    }
    files
}

/// The tasks recorded as completed at `path` (and its per-rank files), for a
/// farm of `tasks` tasks. A missing file means nothing is done yet.
pub fn load(path: &Path, tasks: usize) -> Result<HashSet<usize>> {
    let mut done = HashSet::new();
    for file in files_of(path) {
        let mut text = String::new();
        match File::open(&file) {
            Ok(mut f) => f
                .read_to_string(&mut text)
                .map_err(|e| io_error(&file, "cannot read", e))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(io_error(&file, "cannot open", e)),
        };
        let mut lines = text.split_inclusive('\n');
        match lines.next() {
            None => continue,
            Some(header) => {
                let recorded = header
                    .trim_end()
                    .strip_prefix(MAGIC)
                    .and_then(|n| n.parse::<usize>().ok());
                match recorded {
                    Some(n) if n == tasks => {}
                    Some(n) => {
                        return Err(Error::invalid_argument(
                            "checkpoint",
                            format!(
                                "{} records a farm of {n} tasks, this one has {tasks} \
                                 (use another file, or delete it to start over)",
                                file.display()
                            ),
                        ))
                    }
                    None if !header.ends_with('\n') => continue,
                    None => {
                        return Err(Error::invalid_argument(
                            "checkpoint",
                            format!("{} is not an oxpar farm checkpoint", file.display()),
                        ))
                    }
                }
            }
        }
        for line in lines.filter(|l| l.ends_with('\n')) {
            let task = line.trim().parse::<usize>().ok().filter(|&t| t < tasks);
            match task {
                Some(t) => {
                    done.insert(t);
                }
                None => {
                    return Err(Error::invalid_argument(
                        "checkpoint",
                        format!(
                            "{}: {:?} is not a task index below {tasks}",
                            file.display(),
                            line.trim()
                        ),
                    ))
                }
            }
        }
    }
    Ok(done)
}

/// Appends completed tasks to one checkpoint file.
#[derive(Debug)]
pub struct Writer {
    path: PathBuf,
    state: Mutex<(File, Instant)>,
}

impl Writer {
    /// Opens `path` for appending, writing the header if the file is new or empty.
    pub fn open(path: &Path, tasks: usize) -> Result<Writer> {
        let mut file = OpenOptions::new()
            .create(true)
            .read(true)
            .append(true)
            .open(path)
            .map_err(|e| io_error(path, "cannot open for writing", e))?;
        let mut text = Vec::new();
        file.read_to_end(&mut text)
            .map_err(|e| io_error(path, "cannot read", e))?;
        if !text.contains(&b'\n') {
            // New, or its header was cut short (so nothing was recorded):
            // start it over.
            file.set_len(0)
                .map_err(|e| io_error(path, "cannot truncate", e))?;
            file.write_all(format!("{MAGIC}{tasks}\n").as_bytes())
                .map_err(|e| io_error(path, "cannot write", e))?;
        } else if text.last() != Some(&b'\n') {
            // A record cut short by a crash: end its line, so that it stays
            // ignored instead of merging with the next record.
            file.write_all(b"\n")
                .map_err(|e| io_error(path, "cannot write", e))?;
        }
        Ok(Writer {
            path: path.to_path_buf(),
            state: Mutex::new((file, Instant::now())),
        })
    }

    /// Records `task` as completed (one `write`; flushed to disk at most every
    /// [`SYNC_EVERY`]).
    pub fn record(&self, task: usize) -> Result<()> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let (file, last_sync) = &mut *state;
        file.write_all(format!("{task}\n").as_bytes())
            .map_err(|e| io_error(&self.path, "cannot write", e))?;
        if last_sync.elapsed() >= SYNC_EVERY {
            file.sync_data()
                .map_err(|e| io_error(&self.path, "cannot sync", e))?;
            *last_sync = Instant::now();
        }
        Ok(())
    }

    /// Forces everything written so far to the disk.
    pub fn sync(&self) -> Result<()> {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state
            .0
            .sync_data()
            .map_err(|e| io_error(&self.path, "cannot sync", e))
    }
}
