//! The progress database holds the institution's LRS password and every learner's records:
//! only its owner may read it.
//!
//! On Unix the file is created with mode 0600 before SQLite opens it (SQLite gives its `-wal`
//! and `-shm` files the database's mode), and a database made by an older DLIS Learn with the
//! umask's mode is narrowed when opened. On Windows the data directory is under the user's
//! `%LOCALAPPDATA%`, whose inherited ACL already grants access to that user (and the system and
//! administrators) only; nothing is changed there.

use std::path::Path;

#[cfg(unix)]
pub(super) fn owner_only(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    match std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path) {
        Ok(_) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            for file in [path.to_owned(), side_file(path, "-wal"), side_file(path, "-shm")] {
                if let Ok(meta) = std::fs::metadata(&file)
                    && meta.permissions().mode() & 0o077 != 0
                {
                    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))?;
                }
            }
            Ok(())
        }
        Err(err) => Err(err),
    }
}

#[cfg(not(unix))]
pub(super) fn owner_only(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn side_file(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}
