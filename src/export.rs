//! Offline exports: learners' statements in one zip that a trainer carries on a USB stick.
//!
//! The zip holds `statements.jsonl` (one xAPI statement per line, the exact bytes of the
//! outbox) and `manifest.json` (counts, time range, size and SHA-256 of `statements.jsonl`),
//! so that a damaged or truncated copy is detected and refused, never half-read.
//! Specified in `docs/export-format.md`.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zip::ZipArchive;

use crate::bundle::archive::hex;
use crate::store::{Store, StoreError};

pub const STATEMENTS: &str = "statements.jsonl";
pub const MANIFEST: &str = "manifest.json";
const KIND: &str = "dlis-learn-export";
/// Largest `statements.jsonl` a reader accepts (about four million statements).
const MAX_STATEMENTS_SIZE: u64 = 4 << 30;
/// Highest compression ratio of `statements.jsonl` past [`RATIO_FROM`] bytes. Real exports
/// deflate far less (every statement carries two random UUIDs and a timestamp; the merge
/// benchmark's exports, made from a real session, pass); a bomb of blank lines, about 1000:1.
const MAX_RATIO: u64 = 100;
const RATIO_FROM: u64 = 1 << 20;

/// The content of `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportManifest {
    pub format: u32,
    pub kind: String,
    pub generator: String,
    pub created_at: String,
    pub statements: u64,
    /// Pseudonymous ids of the learners whose statements are included.
    pub learners: Vec<String>,
    pub first_timestamp: Option<String>,
    pub last_timestamp: Option<String>,
    /// Size in bytes and SHA-256 of `statements.jsonl`.
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{} is not a DLIS Learn export: {reason}", path.display())]
    NotExport { path: PathBuf, reason: String },
    #[error("{} is damaged ({reason}); copy it again from the laptop it came from", path.display())]
    Damaged { path: PathBuf, reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The statements of an export, checked against its manifest.
#[derive(Debug)]
pub struct Export {
    pub manifest: ExportManifest,
    /// One statement per element, as JSON text.
    pub statements: Vec<String>,
}

/// Writes the statements of `learners` (every learner when `None`) to the export `out`.
pub fn write(store: &Store, learners: Option<&[String]>, out: &Path) -> Result<ExportManifest, ExportError> {
    let statements = store.statements_of(learners)?;
    let mut body = String::with_capacity(statements.iter().map(|s| s.len() + 1).sum());
    let mut ids = std::collections::BTreeSet::new();
    let (mut first, mut last): (Option<String>, Option<String>) = (None, None);
    for statement in &statements {
        body.push_str(statement);
        body.push('\n');
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(statement) {
            if let Some(learner) = value["actor"]["account"]["name"].as_str() {
                ids.insert(learner.to_owned());
            }
            if let Some(at) = value["timestamp"].as_str() {
                // Timestamps are all UTC with three fraction digits: text order is time order.
                if first.as_deref().is_none_or(|f| at < f) {
                    first = Some(at.to_owned());
                }
                if last.as_deref().is_none_or(|l| at > l) {
                    last = Some(at.to_owned());
                }
            }
        }
    }
    let manifest = ExportManifest {
        format: 1,
        kind: KIND.into(),
        generator: format!("DLIS Learn {}", env!("CARGO_PKG_VERSION")),
        created_at: crate::xapi::timestamp(time::OffsetDateTime::now_utc()),
        statements: statements.len() as u64,
        learners: ids.into_iter().collect(),
        first_timestamp: first,
        last_timestamp: last,
        size: body.len() as u64,
        sha256: hex(&Sha256::digest(body.as_bytes())),
    };

    let write_err = |source| ExportError::Write { path: out.to_owned(), source };
    let zip_err = |e: zip::result::ZipError| write_err(io::Error::other(e));
    let dir = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = tempfile::NamedTempFile::new_in(dir).map_err(write_err)?;
    let mut zip = zip::ZipWriter::new(BufWriter::new(temp.as_file().try_clone().map_err(write_err)?));
    let options = crate::bundle::pack::entry_options(MANIFEST, 0);
    zip.start_file(MANIFEST, options).map_err(zip_err)?;
    let mut manifest_bytes =
        serde_json::to_vec_pretty(&manifest).map_err(|e| write_err(io::Error::other(e)))?;
    manifest_bytes.push(b'\n');
    zip.write_all(&manifest_bytes).map_err(write_err)?;
    zip.start_file(STATEMENTS, crate::bundle::pack::entry_options(STATEMENTS, manifest.size))
        .map_err(zip_err)?;
    zip.write_all(body.as_bytes()).map_err(write_err)?;
    let mut buffered = zip.finish().map_err(zip_err)?;
    buffered.flush().map_err(write_err)?;
    drop(buffered);
    temp.as_file().sync_all().map_err(write_err)?;
    temp.persist(out).map_err(|e| write_err(e.error))?;
    Ok(manifest)
}

/// Reads and checks an export: manifest, size, hash, count, one statement per line.
pub fn read(path: &Path) -> Result<Export, ExportError> {
    let mut statements = Vec::new();
    let manifest = read_lines(path, |line| statements.push(line.to_owned()))?;
    Ok(Export { statements, manifest })
}

/// Longest line (one statement) a reader accepts; DLIS Learn's statements take under 2 KB.
const MAX_LINE: usize = 1 << 20;

/// Streams the statements of an export, a line at a time, to `each_line`, while checking the
/// file as it goes: manifest, size, SHA-256, UTF-8, line count. Only a block of the file and
/// the line being read are in memory. The checks end with the file: whatever `each_line` made
/// of the lines must be thrown away if this returns an error (an export is never half-read).
///
/// Lines are not parsed here: the SHA-256 already proves the file is the one that was written,
/// and each consumer parses every statement once anyway and decides what an unparsable one
/// means to it (`dlis push` refuses it, `dlis merge` counts it).
pub fn read_lines(path: &Path, mut each_line: impl FnMut(&str)) -> Result<ExportManifest, ExportError> {
    let not_export =
        |reason: &str| ExportError::NotExport { path: path.to_owned(), reason: reason.to_owned() };
    let damaged = |reason: String| ExportError::Damaged { path: path.to_owned(), reason };
    let file = File::open(path).map_err(|source| ExportError::Read { path: path.to_owned(), source })?;
    let mut zip = ZipArchive::new(file).map_err(|e| damaged(format!("not a readable zip: {e}")))?;
    let mut manifest_bytes = Vec::new();
    zip.by_name(MANIFEST)
        .map_err(|_| not_export("it has no manifest.json"))?
        .take(1 << 20)
        .read_to_end(&mut manifest_bytes)
        .map_err(|e| damaged(format!("manifest.json cannot be read: {e}")))?;
    let manifest: ExportManifest =
        serde_json::from_slice(&manifest_bytes).map_err(|e| not_export(&format!("manifest.json: {e}")))?;
    if manifest.kind != KIND || manifest.format != 1 {
        return Err(not_export(&format!("it is a {:?} file in format {}", manifest.kind, manifest.format)));
    }
    if manifest.size > MAX_STATEMENTS_SIZE {
        return Err(damaged(format!("it claims {} bytes of statements", manifest.size)));
    }
    let entry = zip.by_name(STATEMENTS).map_err(|_| damaged("statements.jsonl is missing".into()))?;
    // The zip must agree with the manifest, and its own claim must be backed by compressed
    // bytes actually there (a ratio cap), before anything is inflated.
    let (declared, compressed) = (entry.size(), entry.compressed_size());
    if declared != manifest.size {
        return Err(damaged(format!(
            "statements.jsonl holds {declared} bytes, the manifest says {}",
            manifest.size
        )));
    }
    if declared > RATIO_FROM && declared / compressed.max(1) > MAX_RATIO {
        return Err(damaged(format!(
            "statements.jsonl expands {declared} bytes from {compressed} (more than {MAX_RATIO}:1): \
             refused as a likely zip bomb"
        )));
    }
    let mut entry = entry.take(manifest.size + 1);
    // Hashed block by block as it is inflated, while each block is still in the cache; each
    // complete line goes to `each_line` at once, and a line cut by the block's end waits in
    // `partial` for the rest.
    let mut hasher = Sha256::new();
    let mut block = vec![0; 1 << 16];
    let (mut size, mut lines, mut partial) = (0u64, 0u64, Vec::new());
    let mut line = |bytes: &[u8], lines: &mut u64| -> Result<(), ExportError> {
        *lines += 1;
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        let text = std::str::from_utf8(bytes)
            .map_err(|_| damaged(format!("statements.jsonl line {lines} is not UTF-8")))?;
        each_line(text);
        Ok(())
    };
    loop {
        let n = match entry.read(&mut block) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(damaged(format!("statements.jsonl cannot be read ({e})"))),
        };
        hasher.update(&block[..n]);
        size += n as u64;
        let mut rest = &block[..n];
        while let Some(end) = rest.iter().position(|&b| b == b'\n') {
            if partial.is_empty() {
                line(&rest[..end], &mut lines)?;
            } else {
                partial.extend_from_slice(&rest[..end]);
                line(&partial, &mut lines)?;
                partial.clear();
            }
            rest = &rest[end + 1..];
        }
        if partial.len() + rest.len() > MAX_LINE {
            return Err(damaged(format!(
                "statements.jsonl line {} is longer than {MAX_LINE} bytes",
                lines + 1
            )));
        }
        partial.extend_from_slice(rest);
    }
    if !partial.is_empty() {
        line(&partial, &mut lines)?;
    }
    if size != manifest.size {
        return Err(damaged(format!(
            "statements.jsonl has {size} bytes, the manifest says {}",
            manifest.size
        )));
    }
    if hex(&hasher.finalize()) != manifest.sha256 {
        return Err(damaged("statements.jsonl does not match its SHA-256 in the manifest".into()));
    }
    if lines != manifest.statements {
        return Err(damaged(format!(
            "statements.jsonl has {lines} lines, the manifest says {}",
            manifest.statements
        )));
    }
    Ok(manifest)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An export holding `body` as its statements, with a manifest true to it.
    fn export_of(dir: &Path, body: &str) -> PathBuf {
        let path = dir.join("export.zip");
        let manifest = ExportManifest {
            format: 1,
            kind: KIND.into(),
            generator: "test".into(),
            created_at: "2026-12-01T10:00:00.000Z".into(),
            statements: body.lines().count() as u64,
            learners: Vec::new(),
            first_timestamp: None,
            last_timestamp: None,
            size: body.len() as u64,
            sha256: hex(&Sha256::digest(body.as_bytes())),
        };
        let mut zip = zip::ZipWriter::new(File::create(&path).unwrap());
        // Stored: these repetitive bodies would deflate past the ratio cap.
        let options =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        zip.start_file(MANIFEST, options).unwrap();
        zip.write_all(&serde_json::to_vec(&manifest).unwrap()).unwrap();
        zip.start_file(STATEMENTS, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
        zip.finish().unwrap();
        path
    }

    #[test]
    fn lines_are_streamed_as_str_lines_gives_them_across_blocks() {
        let dir = tempfile::tempdir().unwrap();
        // Lines of every length around the 64 KiB block, so that many are cut by a block's end.
        let long: String = (0..300).map(|n| format!("{}\n", "é".repeat(n * 97 % 4001))).collect();
        for body in ["", "\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\n", "x\n\ny", long.as_str()] {
            let mut got = Vec::new();
            read_lines(&export_of(dir.path(), body), |line| got.push(line.to_owned())).unwrap();
            assert_eq!(got, body.lines().collect::<Vec<_>>(), "{body:?}");
        }
    }

    #[test]
    fn a_line_longer_than_any_statement_is_refused_without_being_held() {
        let dir = tempfile::tempdir().unwrap();
        let body = "x".repeat(MAX_LINE + 10);
        let err = read_lines(&export_of(dir.path(), &body), |_| {}).unwrap_err();
        assert!(err.to_string().contains("line 1 is longer than"), "{err}");
    }
}
