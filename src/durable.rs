//! Replacing and removing files the way each platform needs.
//!
//! On Windows a file that is open cannot always be replaced or removed: on NTFS since Windows
//! 10 `fs::rename` and `fs::remove_file` use POSIX semantics and succeed, but on FAT32 and
//! exFAT (USB sticks, where a portable copy keeps its data) and under Wine they fail while
//! another handle is open. Some of those handles are brief (an antivirus scanning the new zip,
//! a capsule being served), so the operation is retried for a little while; others last (the
//! app of another process keeps its installed modules open), and then the caller says "in
//! use: close it" ([`in_use`]). Not tried on real Windows: Wine is the only Windows here.

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

/// Whether `err` says that another handle holds the file (Windows: access denied, sharing or
/// lock violation). Never on other systems, which let a file be replaced while it is open.
pub(crate) fn in_use(err: &io::Error) -> bool {
    const ERROR_SHARING_VIOLATION: i32 = 32;
    const ERROR_LOCK_VIOLATION: i32 = 33;
    cfg!(windows)
        && (err.kind() == io::ErrorKind::PermissionDenied
            || matches!(err.raw_os_error(), Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION)))
}

fn patiently(mut operation: impl FnMut() -> io::Result<()>) -> io::Result<()> {
    let start = std::time::Instant::now();
    loop {
        match operation() {
            Err(err) if in_use(&err) && start.elapsed() < PATIENCE => {
                std::thread::sleep(Duration::from_millis(50));
            }
            result => return result,
        }
    }
}

/// Writes `bytes` to a file the user chose, whole or not at all: a temporary file beside it,
/// synced, then renamed over it.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write as _;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
