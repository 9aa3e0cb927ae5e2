//! Opening a bundle zip defensively.
//!
//! Every entry's name, type, encryption and sizes are checked from the zip's central
//! directory before a single byte of content is read. Entries that fail a check are left out
//! of [`Archive::entries`], so nothing later can read, hash or serve them.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use zip::read::ZipReadOptions;
use zip::{CompressionMethod, ZipArchive};

use super::Limits;
use crate::diagnostic::Diagnostic;
use crate::paths;
use crate::progress::{Counting, Progress};

/// An entry that passed every check of the central directory.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Position in the zip's central directory.
    pub index: usize,
    pub name: String,
    /// Uncompressed size as declared by the central directory.
    pub size: u64,
    pub compressed_size: u64,
    /// True for STORED entries, which can be read at any offset without decompressing.
    pub stored: bool,
}

/// A bundle zip opened for reading.
pub struct Archive {
    path: PathBuf,
    zip: ZipArchive<File>,
    has_duplicates: bool,
    /// The regular-file entries that passed every check, in central-directory order.
    pub entries: Vec<Entry>,
}

/// Why a file could not be opened as a zip at all.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot read {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error(
        "{} is not a zip file, or it is truncated or damaged ({source}); copy it again from where it came from",
        path.display()
    )]
    NotZip { path: PathBuf, source: zip::result::ZipError },
}

impl OpenError {
    /// What is wrong, without the file's name (for a diagnostic that names it already).
    pub fn reason(&self) -> String {
        match self {
            OpenError::Io { source, .. } => format!("cannot read it: {source}"),
            OpenError::NotZip { source, .. } => format!(
                "not a zip file, or it is truncated or damaged ({source}); copy it again from where it came from"
            ),
        }
    }
}

/// Why an entry's content could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EntryError {
    #[error("damaged entry ({0})")]
    Zip(#[from] zip::result::ZipError),
    #[error("damaged entry ({0})")]
    Io(#[from] io::Error),
    #[error("holds more than the {limit} bytes allowed for this kind of file")]
    TooLarge { limit: u64 },
}

/// The size, hash and first bytes of an entry's content, computed in one pass.
#[derive(Debug, Clone)]
pub struct Hashed {
    pub size: u64,
    pub sha256: String,
    /// Up to the first 16 bytes, to recognise the file's real type.
    pub head: Vec<u8>,
}

impl Archive {
    /// Opens `path` and checks its central directory against `limits`. Entry problems come
    /// back as diagnostics (all of them); only an unreadable or non-zip file is an error.
    pub fn open(path: &Path, limits: &Limits) -> Result<(Archive, Vec<Diagnostic>), OpenError> {
        let file = File::open(path).map_err(|source| OpenError::Io { path: path.to_owned(), source })?;
        let zip = ZipArchive::new(file).map_err(|source| match source {
            zip::result::ZipError::Io(source) => OpenError::Io { path: path.to_owned(), source },
            source => OpenError::NotZip { path: path.to_owned(), source },
        })?;
        let has_duplicates = zip.has_duplicate_names();
        let mut archive = Archive { path: path.to_owned(), zip, has_duplicates, entries: Vec::new() };
        let diagnostics = archive.scan(limits);
        Ok((archive, diagnostics))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The checked entry called `name`, if there is one.
    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.name == name)
    }

    fn scan(&mut self, limits: &Limits) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let count = self.zip.len();
        if count > limits.max_entries {
            out.push(Diagnostic::new(
                self.path.display().to_string(),
                format!("holds {count} entries, more than the {} a bundle may have", limits.max_entries),
            ));
            return out;
        }
        let mut total: u64 = 0;
        for index in 0..count {
            let file = match self.zip.by_index_raw(index) {
                Ok(file) => file,
                Err(err) => {
                    out.push(Diagnostic::new(
                        format!("entry #{index}"),
                        format!("unreadable zip entry ({err})"),
                    ));
                    continue;
                }
            };
            // Names are compared, hashed and served as strings, so a name must be exactly one
            // string: bytes that are not UTF-8 are refused (two such names could decode to the
            // same replacement characters, one hashed by validation, the other served).
            let Ok(name) = std::str::from_utf8(file.name_raw()).map(str::to_owned) else {
                let shown = String::from_utf8_lossy(file.name_raw()).into_owned();
                out.push(Diagnostic::new(
                    shown,
                    "the entry's name is not valid UTF-8; repack the bundle with `dlis pack`",
                ));
                continue;
            };
            let mut problem = |message: String| out.push(Diagnostic::new(name.clone(), message));
            if let Err(why) = paths::check(&name) {
                problem(why.to_string());
                continue;
            }
            if file.is_symlink() {
                problem("symbolic link entry; a bundle holds only regular files".into());
                continue;
            }
            if file.is_dir() {
                continue;
            }
            if file.encrypted() {
                problem("encrypted entry; bundles must not be password-protected".into());
                continue;
            }
            let stored = match file.compression() {
                CompressionMethod::Stored => true,
                CompressionMethod::Deflated => false,
                other => {
                    problem(format!(
                        "compressed with {other:?}, which DLIS Learn does not read; repack it with `dlis pack`"
                    ));
                    continue;
                }
            };
            let (size, compressed_size) = (file.size(), file.compressed_size());
            total = total.saturating_add(size);
            if size > limits.ratio_threshold && size / compressed_size.max(1) > limits.max_ratio {
                problem(format!(
                    "expands {size} bytes from {compressed_size} (more than {}:1): refused as a likely zip bomb",
                    limits.max_ratio
                ));
                continue;
            }
            self.entries.push(Entry { index, name, size, compressed_size, stored });
        }
        if total > limits.max_total_size {
            out.push(Diagnostic::new(
                self.path.display().to_string(),
                format!(
                    "would expand to {total} bytes, more than the {} allowed: refused as a likely zip bomb",
                    limits.max_total_size
                ),
            ));
            self.entries.clear();
        }
        let mut named = false;
        if self.has_duplicates {
            for name in self.duplicated_names() {
                out.push(Diagnostic::new(
                    name.clone(),
                    "appears more than once in the zip; each file may appear only once",
                ));
                named = true;
            }
        }
        // Every local header must agree with the central directory, no two entries may share
        // bytes, and no entry may hide between them: otherwise what validation hashed and what
        // a later read finds could differ. The whole zip is refused.
        if let Err(err) = self.zip.validate_header_consistency() {
            if !named {
                out.push(Diagnostic::new(
                    self.path.display().to_string(),
                    format!("its entries are not laid out as its directory says ({err}); copy it again, or repack it with `dlis pack`"),
                ));
            }
            self.entries.clear();
        }
        for (first, second) in paths::case_collisions(self.entries.iter().map(|e| e.name.as_str())) {
            out.push(Diagnostic::new(
                second,
                format!("differs from {first:?} only by case; the two would collide on Windows and macOS"),
            ));
        }
        out
    }

    /// Names that occur more than once in the central directory. The zip crate keeps one
    /// entry per name, so the directory records are walked here to name the culprit.
    fn duplicated_names(&mut self) -> Vec<String> {
        let start = self.zip.central_directory_start();
        let mut names: HashMap<Vec<u8>, usize> = HashMap::new();
        let Ok(mut file) = File::open(&self.path) else {
            return vec!["(central directory)".into()];
        };
        if file.seek(SeekFrom::Start(start)).is_err() {
            return vec!["(central directory)".into()];
        }
        let mut reader = io::BufReader::new(file);
        let mut header = [0u8; 46];
        while reader.read_exact(&mut header).is_ok() && header[..4] == [0x50, 0x4b, 0x01, 0x02] {
            let field = |at: usize| usize::from(u16::from_le_bytes([header[at], header[at + 1]]));
            let (name_len, extra_len, comment_len) = (field(28), field(30), field(32));
            let mut name = vec![0u8; name_len];
            if reader.read_exact(&mut name).is_err() {
                break;
            }
            *names.entry(name).or_default() += 1;
            let skip = (extra_len + comment_len) as i64;
            if reader.seek_relative(skip).is_err() {
                break;
            }
        }
        let mut duplicated: Vec<String> = names
            .into_iter()
            .filter(|(_, seen)| *seen > 1)
            .map(|(name, _)| String::from_utf8_lossy(&name).into_owned())
            .collect();
        duplicated.sort();
        duplicated
    }

    fn open_entry(&mut self, entry: &Entry) -> Result<zip::read::ZipFile<'_, File>, EntryError> {
        let options = ZipReadOptions::new().enforce_header_consistency(true);
        Ok(self.zip.by_index_with_options(entry.index, options)?)
    }

    /// Reads a whole (small) entry, refusing one larger than `limit`.
    pub fn read(&mut self, entry: &Entry, limit: u64) -> Result<Vec<u8>, EntryError> {
        if entry.size > limit {
            return Err(EntryError::TooLarge { limit });
        }
        let file = self.open_entry(entry)?;
        let mut bytes = Vec::with_capacity(entry.size as usize);
        file.take(limit + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            return Err(EntryError::TooLarge { limit });
        }
        Ok(bytes)
    }

    /// Streams an entry through SHA-256, reading at most one byte past its declared size so
    /// that a lying header cannot make us read forever.
    pub fn hash(&mut self, entry: &Entry, progress: &dyn Progress) -> Result<Hashed, EntryError> {
        let file = self.open_entry(entry)?;
        let mut reader = Counting { inner: file.take(entry.size + 1), progress };
        let mut hasher = Sha256::new();
        let mut head = Vec::with_capacity(16);
        let mut buf = vec![0u8; 256 * 1024];
        let mut size = 0u64;
        loop {
            let n = reader.read(&mut buf)?;
            if n == 0 {
                break;
            }
            if head.len() < 16 {
                let take = (16 - head.len()).min(n);
                head.extend_from_slice(&buf[..take]);
            }
            hasher.update(&buf[..n]);
            size += n as u64;
        }
        Ok(Hashed { size, sha256: hex(&hasher.finalize()), head })
    }

    /// Gives up the zip reader, for callers that read entries at raw offsets.
    pub(crate) fn into_zip(self) -> ZipArchive<File> {
        self.zip
    }
}

/// Lowercase hexadecimal encoding of a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
