//! Reading a file of an installed bundle by byte range, without extracting anything.
//!
//! STORED entries (video, images) are read with positioned reads at their offset in the zip,
//! so a seek in a 300 MB capsule costs one `pread`, and readers on several threads do not
//! contend. Deflated entries (text) are small and are decompressed up to the range's end.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read};
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use zip::ZipArchive;

use super::Limits;
use super::archive::{Archive, OpenError};
use crate::manifest::{MANIFEST_PATH, Manifest};

/// Where an asset's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssetInfo {
    pub size: u64,
    /// Offset of the content in the zip file, for STORED entries.
    pub offset: Option<u64>,
    index: usize,
}

/// An installed bundle opened for serving its files.
pub struct Bundle {
    path: PathBuf,
    manifest: Manifest,
    file: File,
    assets: HashMap<String, AssetInfo>,
    zip: Mutex<ZipArchive<File>>,
}

#[derive(Debug, thiserror::Error)]
pub enum AssetError {
    #[error("{}: {source}", path.display())]
    Open { path: PathBuf, source: OpenError },
    #[error("{}: installed bundle is damaged ({reason}); install the module again", path.display())]
    Damaged { path: PathBuf, reason: String },
    #[error("{asset:?} is not a file of this module")]
    NotFound { asset: String },
    #[error("range {start}-{end} is outside {asset:?}, which has {size} bytes")]
    Range { asset: String, start: u64, end: u64, size: u64 },
    #[error("cannot read {asset:?}: {source}")]
    Read { asset: String, source: io::Error },
}

impl Bundle {
    /// Opens an installed bundle. It was fully verified at install time, so only its
    /// directory and manifest are read here.
    pub fn open(path: &Path, limits: &Limits) -> Result<Bundle, AssetError> {
        let damaged = |reason: String| AssetError::Damaged { path: path.to_owned(), reason };
        let (mut archive, problems) = Archive::open(path, limits)
            .map_err(|source| AssetError::Open { path: path.to_owned(), source })?;
        if let Some(problem) = problems.first() {
            return Err(damaged(problem.to_string()));
        }
        let entry = archive.entry(MANIFEST_PATH).cloned().ok_or_else(|| damaged("no module.json".into()))?;
        let bytes = archive.read(&entry, limits.max_text_size).map_err(|e| damaged(e.to_string()))?;
        let manifest = Manifest::parse(&bytes).map_err(|e| damaged(e.to_string()))?;
        let entries = archive.entries.clone();
        let mut zip = archive.into_zip();
        let mut assets = HashMap::new();
        for entry in entries {
            let offset = if entry.stored {
                let raw = zip.by_index_raw(entry.index).map_err(|e| damaged(e.to_string()))?;
                raw.data_start()
            } else {
                None
            };
            assets.insert(entry.name, AssetInfo { size: entry.size, offset, index: entry.index });
        }
        let file = File::open(path).map_err(|e| damaged(e.to_string()))?;
        Ok(Bundle { path: path.to_owned(), manifest, file, assets, zip: Mutex::new(zip) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Size and location of a listed file of the module.
    pub fn info(&self, asset: &str) -> Option<AssetInfo> {
        self.assets.get(asset).copied()
    }

    /// Reads `range` (end exclusive, clamped to the file's size) of the file `asset`.
    pub fn read_range(&self, asset: &str, range: Range<u64>) -> Result<Vec<u8>, AssetError> {
        let info = self.info(asset).ok_or_else(|| AssetError::NotFound { asset: asset.to_owned() })?;
        let end = range.end.min(info.size);
        if range.start > end || (range.start == info.size && info.size > 0) {
            return Err(AssetError::Range {
                asset: asset.to_owned(),
                start: range.start,
                end: range.end,
                size: info.size,
            });
        }
        let read_err = |source| AssetError::Read { asset: asset.to_owned(), source };
        let mut buf = vec![0u8; (end - range.start) as usize];
        match info.offset {
            Some(offset) => self.file.read_exact_at(&mut buf, offset + range.start).map_err(read_err)?,
            None => {
                let mut zip = self.zip.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                let mut file = zip.by_index(info.index).map_err(|e| read_err(io::Error::other(e)))?;
                io::copy(&mut (&mut file).take(range.start), &mut io::sink()).map_err(read_err)?;
                file.read_exact(&mut buf).map_err(read_err)?;
            }
        }
        Ok(buf)
    }

    /// Reads a whole file of the module.
    pub fn read(&self, asset: &str) -> Result<Vec<u8>, AssetError> {
        self.read_range(asset, 0..u64::MAX)
    }
}
