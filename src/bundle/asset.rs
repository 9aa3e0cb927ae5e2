//! Reading a file of an installed bundle by byte range, without extracting anything.
//!
//! STORED entries (video, images) are read with positioned reads at their offset in the zip,
//! so a seek in a 300 MB capsule costs one `pread`, and readers on several threads do not
//! contend. Deflated entries (text) are small and are decompressed up to the range's end.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use zip::ZipArchive;

use super::Limits;
use super::SIGNATURE_PATH;
use super::archive::{Archive, OpenError};
use super::signature::{self, Signer};
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
    manifest: Arc<Manifest>,
    /// Who signed it, when it carries a signature that verifies.
    signer: Option<Signer>,
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

/// A byte range of one file of a bundle, read as it is streamed (see [`Bundle::range_reader`]).
pub enum RangeReader {
    Stored { file: File, at: u64, left: u64 },
    Memory(io::Cursor<Vec<u8>>),
}

impl Read for RangeReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            RangeReader::Stored { file, at, left } => {
                let want = buf.len().min(usize::try_from(*left).unwrap_or(usize::MAX));
                if want == 0 {
                    return Ok(0);
                }
                let n = read_at(file, &mut buf[..want], *at)?;
                if n == 0 {
                    return Err(io::ErrorKind::UnexpectedEof.into());
                }
                *at += n as u64;
                *left -= n as u64;
                Ok(n)
            }
            RangeReader::Memory(cursor) => cursor.read(buf),
        }
    }
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
        let signer = archive
            .entry(SIGNATURE_PATH)
            .cloned()
            .and_then(|entry| archive.read(&entry, 64 * 1024).ok())
            .and_then(|json| signature::verify(&json, &bytes).ok());
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
        Ok(Bundle {
            path: path.to_owned(),
            manifest: Arc::new(manifest),
            signer,
            file,
            assets,
            zip: Mutex::new(zip),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The manifest, shared rather than copied (a catalogue of 200 modules would otherwise
    /// copy 200 manifests, quizzes and all, each time it is shown).
    pub fn shared_manifest(&self) -> Arc<Manifest> {
        Arc::clone(&self.manifest)
    }

    /// Who signed the bundle, when its signature verifies against its `module.json`.
    pub fn signer(&self) -> Option<&Signer> {
        self.signer.as_ref()
    }

    /// Size and location of a file of the bundle (`module.json` and `signature.json` included).
    pub fn info(&self, asset: &str) -> Option<AssetInfo> {
        self.assets.get(asset).copied()
    }

    /// Size and location of a file the manifest lists in `files`: the module's content, which
    /// the page may load. `module.json` (which holds the quiz answers) and `signature.json`
    /// are not among them.
    pub fn content(&self, asset: &str) -> Option<AssetInfo> {
        self.manifest.files.iter().any(|f| f.path == asset).then(|| self.info(asset)).flatten()
    }

    /// A reader of `range` (clamped to the file) of the file `asset`, for streaming it:
    /// STORED files are read in place, a piece at a time; deflated ones (small texts) are
    /// decompressed up to the range's end.
    pub fn range_reader(&self, asset: &str, range: Range<u64>) -> Result<RangeReader, AssetError> {
        let info = self.info(asset).ok_or_else(|| AssetError::NotFound { asset: asset.to_owned() })?;
        let end = range.end.min(info.size);
        let read_err = |source| AssetError::Read { asset: asset.to_owned(), source };
        match info.offset {
            Some(offset) if range.start <= end => Ok(RangeReader::Stored {
                file: self.file.try_clone().map_err(read_err)?,
                at: offset + range.start,
                left: end - range.start,
            }),
            _ => Ok(RangeReader::Memory(io::Cursor::new(self.read_range(asset, range)?))),
        }
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
            Some(offset) => read_exact_at(&self.file, &mut buf, offset + range.start).map_err(read_err)?,
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

/// A positioned read, which leaves no cursor for readers on other threads to contend for:
/// `pread` on Unix; on Windows `seek_read`, which moves the handle's cursor too, harmless here
/// since every read says where it reads.
#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}

fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    while !buf.is_empty() {
        match read_at(file, buf, offset) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(())
}
