//! Replacing and removing files the way each platform needs.
//!
//! On Windows a file that is open cannot always be replaced or removed: on NTFS since Windows
//! 10 `fs::rename` and `fs::remove_file` use POSIX semantics and succeed, but on FAT32 and
//! exFAT (USB sticks, where a portable copy keeps its data) and under Wine they fail with
//! "access denied" while another handle is open, such as the media server reading a capsule
//! from the installed zip. Those handles are short-lived, so the operation is retried for a
//! little while before the error is reported.

use std::io;
use std::path::Path;
use std::time::Duration;

/// How long a replace or remove is retried while another handle holds the file (Windows).
const PATIENCE: Duration = Duration::from_secs(3);

/// Flushes the directory entry of a file just renamed into `dir`, so that a power cut cannot
/// undo the rename. On Windows NTFS journals metadata itself and no directory can be opened
/// as a file, so there is nothing to do.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Moves `from` over `to`, replacing it, then makes the rename durable.
pub(crate) fn replace(from: &Path, to: &Path) -> io::Result<()> {
    patiently(|| std::fs::rename(from, to))?;
    match to.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => sync_dir(dir),
        _ => Ok(()),
    }
}

/// Removes the file at `path`.
pub(crate) fn remove(path: &Path) -> io::Result<()> {
    patiently(|| std::fs::remove_file(path))
}

fn patiently(mut operation: impl FnMut() -> io::Result<()>) -> io::Result<()> {
    let start = std::time::Instant::now();
    loop {
        match operation() {
            Err(err)
                if cfg!(windows)
                    && err.kind() == io::ErrorKind::PermissionDenied
                    && start.elapsed() < PATIENCE =>
            {
                std::thread::sleep(Duration::from_millis(50));
            }
            result => return result,
        }
    }
}
