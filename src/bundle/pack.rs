//! `dlis pack`: a module source folder in, a deterministic bundle zip out.
//!
//! The same sources always give a byte-identical zip: entries are sorted, timestamps and
//! permissions fixed, `module.json` is re-serialised canonically. Already-compressed media is
//! STORED so that the desktop app can seek in a video straight out of the zip.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::archive::hex;
use super::content::{self, Files};
use super::{Limits, SIGNATURE_PATH, is_precompressed};
use crate::diagnostic::{self, Diagnostic};
use crate::manifest::{FileEntry, MANIFEST_PATH, Manifest, ManifestError};
use crate::paths;
use crate::progress::{Counting, Progress};

#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: {source}", dir.display())]
    Manifest { dir: PathBuf, source: ManifestError },
    #[error("{} cannot be packed; nothing was written. Problems found:\n{}", dir.display(), diagnostic::render(diagnostics))]
    Invalid { dir: PathBuf, diagnostics: Vec<Diagnostic> },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot write {}: {source}", path.display())]
    Zip { path: PathBuf, source: zip::result::ZipError },
}

/// What `pack` wrote.
#[derive(Debug)]
pub struct Packed {
    pub manifest: Manifest,
    pub output: PathBuf,
    pub size: u64,
    /// What the author should look at, though the bundle is valid (see `Report::warnings`).
    pub warnings: Vec<Diagnostic>,
}

/// The zip options of an entry: fixed timestamp and permissions, STORED for media.
pub(crate) fn entry_options(path: &str, size: u64) -> SimpleFileOptions {
    let method = if is_precompressed(path) { CompressionMethod::Stored } else { CompressionMethod::Deflated };
    SimpleFileOptions::default()
        .compression_method(method)
        .compression_level(if method == CompressionMethod::Deflated { Some(6) } else { None })
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644)
        .large_file(size >= u64::from(u32::MAX))
}

/// Packs the module source folder `src` into the bundle `output`.
pub fn pack(
    src: &Path,
    output: &Path,
    limits: &Limits,
    progress: &dyn Progress,
) -> Result<Packed, PackError> {
    let manifest_path = src.join(MANIFEST_PATH);
    let bytes =
        fs::read(&manifest_path).map_err(|source| PackError::Read { path: manifest_path.clone(), source })?;
    let mut manifest =
        Manifest::parse(&bytes).map_err(|source| PackError::Manifest { dir: src.to_owned(), source })?;

    let skip = fs::canonicalize(output).ok();
    let mut diagnostics = Vec::new();
    let mut found = Vec::new();
    walk(src, src, skip.as_deref(), &mut found, &mut diagnostics)?;
    for (first, second) in paths::case_collisions(found.iter().map(|(name, _)| name.as_str())) {
        diagnostics.push(Diagnostic::new(second, format!("differs from {first:?} only by case")));
    }

    progress.phase("Hashing", found.iter().map(|(_, size)| size).sum());
    manifest.files = Vec::with_capacity(found.len());
    for (name, _) in &found {
        let (size, sha256) = hash_file(&src.join(name), progress)?;
        manifest.files.push(FileEntry { path: name.clone(), size, sha256 });
    }
    diagnostics.extend(manifest.check());
    let mut files = DirFiles {
        root: src,
        names: found.iter().map(|(n, _)| n.clone()).collect(),
        limit: limits.max_text_size,
    };
    diagnostics.extend(content::check(&manifest, &mut files));
    if !diagnostics.is_empty() {
        return Err(PackError::Invalid { dir: src.to_owned(), diagnostics });
    }

    let temp = write_zip(src, &manifest, output, progress)?;
    // The limits of a bundle (zip-bomb ratio, sizes) only show in the written zip: check it
    // as a reader will, so that whatever packs also validates.
    let report = super::validate::validate_as(temp.path(), output, limits, progress);
    if !report.is_valid() {
        return Err(PackError::Invalid { dir: src.to_owned(), diagnostics: report.diagnostics });
    }
    let write_err = |source| PackError::Write { path: output.to_owned(), source };
    let size = temp.as_file().metadata().map_err(write_err)?.len();
    temp.persist(output).map_err(|e| write_err(e.error))?;
    Ok(Packed { manifest, output: output.to_owned(), size, warnings: report.warnings })
}

/// Collects every regular file under `dir`, sorted, as bundle paths with sizes. Hidden files
/// (`.DS_Store`, editor swap files) are left out; links and odd names are reported.
fn walk(
    root: &Path,
    dir: &Path,
    skip: Option<&Path>,
    found: &mut Vec<(String, u64)>,
    out: &mut Vec<Diagnostic>,
) -> Result<(), PackError> {
    let read_err = |source| PackError::Read { path: dir.to_owned(), source };
    let mut children: Vec<fs::DirEntry> =
        fs::read_dir(dir).map_err(read_err)?.collect::<Result<_, _>>().map_err(read_err)?;
    children.sort_by_key(fs::DirEntry::file_name);
    for child in children {
        let path = child.path();
        let relative = path.strip_prefix(root).unwrap_or(&path);
        let Some(name) = relative.to_str().map(|s| s.replace(std::path::MAIN_SEPARATOR, "/")) else {
            out.push(Diagnostic::new(
                relative.display().to_string(),
                "file name is not valid UTF-8; rename it",
            ));
            continue;
        };
        if child.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let file_type = child.file_type().map_err(|source| PackError::Read { path: path.clone(), source })?;
        if file_type.is_symlink() {
            out.push(Diagnostic::new(
                name,
                "is a symbolic link; copy the file itself into the module folder",
            ));
        } else if file_type.is_dir() {
            walk(root, &path, skip, found, out)?;
        } else if name == MANIFEST_PATH {
            // packed separately, with the computed file list
        } else if name == SIGNATURE_PATH {
            out.push(Diagnostic::new(
                name,
                "is added by `dlis sign` after packing; remove it from the source folder",
            ));
        } else if skip.is_some_and(|skip| fs::canonicalize(&path).is_ok_and(|p| p == skip)) {
            // the output bundle itself, when written inside the source folder
        } else if let Err(problem) = paths::check(&name) {
            out.push(Diagnostic::new(name, problem.to_string()));
        } else {
            let size =
                child.metadata().map_err(|source| PackError::Read { path: path.clone(), source })?.len();
            found.push((name, size));
        }
    }
    Ok(())
}

fn hash_file(path: &Path, progress: &dyn Progress) -> Result<(u64, String), PackError> {
    let read_err = |source| PackError::Read { path: path.to_owned(), source };
    let file = File::open(path).map_err(read_err)?;
    let mut reader = Counting { inner: file, progress };
    let mut hasher = Sha256::new();
    let size = io::copy(&mut reader, &mut hasher).map_err(read_err)?;
    Ok((size, hex(&hasher.finalize())))
}

/// Writes the bundle to a temporary file beside `output`, for the caller to check and persist.
fn write_zip(
    src: &Path,
    manifest: &Manifest,
    output: &Path,
    progress: &dyn Progress,
) -> Result<tempfile::NamedTempFile, PackError> {
    let write_err = |source| PackError::Write { path: output.to_owned(), source };
    let zip_err = |source| PackError::Zip { path: output.to_owned(), source };
    let dir = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = tempfile::NamedTempFile::new_in(dir).map_err(write_err)?;
    let mut zip =
        ZipWriter::new(BufWriter::with_capacity(1 << 20, temp.as_file().try_clone().map_err(write_err)?));

    zip.start_file(MANIFEST_PATH, entry_options(MANIFEST_PATH, 0)).map_err(zip_err)?;
    zip.write_all(&manifest.to_bytes()).map_err(write_err)?;
    progress.phase("Packing", manifest.files.iter().map(|f| f.size).sum());
    for file in &manifest.files {
        let path = src.join(&file.path);
        zip.start_file(file.path.as_str(), entry_options(&file.path, file.size)).map_err(zip_err)?;
        let source = File::open(&path).map_err(|source| PackError::Read { path: path.clone(), source })?;
        let copied = io::copy(&mut Counting { inner: source.take(file.size + 1), progress }, &mut zip)
            .map_err(|source| PackError::Read { path: path.clone(), source })?;
        if copied != file.size {
            let changed = io::Error::other("the file changed while it was being packed; pack again");
            return Err(PackError::Read { path, source: changed });
        }
    }
    let mut buffered = zip.finish().map_err(zip_err)?;
    buffered.flush().map_err(write_err)?;
    drop(buffered);
    temp.as_file().sync_all().map_err(write_err)?;
    Ok(temp)
}

/// The files of a source folder, for the content checks.
struct DirFiles<'a> {
    root: &'a Path,
    names: BTreeSet<String>,
    limit: u64,
}

impl Files for DirFiles<'_> {
    fn contains(&self, path: &str) -> bool {
        self.names.contains(path)
    }

    fn read_text(&mut self, path: &str) -> Result<Vec<u8>, String> {
        let mut bytes = Vec::new();
        let file = File::open(self.root.join(path)).map_err(|e| format!("cannot read it ({e})"))?;
        file.take(self.limit + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read it ({e})"))?;
        if bytes.len() as u64 > self.limit {
            return Err(format!("is larger than the {} bytes allowed for a text file", self.limit));
        }
        Ok(bytes)
    }

    fn head(&mut self, path: &str) -> Option<Vec<u8>> {
        let mut head = Vec::with_capacity(16);
        File::open(self.root.join(path)).ok()?.take(16).read_to_end(&mut head).ok()?;
        Some(head)
    }
}
