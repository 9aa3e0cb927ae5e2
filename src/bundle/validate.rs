//! Full validation of a bundle zip: every check, every problem reported at once.
//!
//! Order matters only for what can be checked at all: the central directory first (names,
//! types, sizes), then `module.json`, then the files against their listed size and hash,
//! then content (references, links, subtitles), then the signature.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::archive::{Archive, Entry};
use super::content::{self, Files};
use super::signature::{self, Signer};
use super::{Limits, SIGNATURE_PATH};
use crate::diagnostic::Diagnostic;
use crate::manifest::{MANIFEST_PATH, Manifest, ManifestError};
use crate::progress::Progress;

/// What validation found out about a bundle.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub bundle: PathBuf,
    /// The parsed manifest, when `module.json` could be read at all.
    pub manifest: Option<Manifest>,
    /// The exact bytes of `module.json`, which a signature covers.
    #[serde(skip)]
    pub manifest_bytes: Option<Vec<u8>>,
    /// Who signed the bundle, when it carries a valid signature.
    pub signer: Option<Signer>,
    /// Every regular file entry of the zip that passed the directory checks.
    pub entries: Vec<EntrySummary>,
    /// Every problem found; the bundle is valid when there is none.
    pub diagnostics: Vec<Diagnostic>,
    /// What a trainer should know but that does not make the bundle invalid.
    pub warnings: Vec<Diagnostic>,
    /// How long the content takes (see [`super::estimate`]), when the manifest could be read.
    pub estimate: Option<super::estimate::Estimate>,
    /// How much of the module each language covers, when the manifest could be read.
    pub coverage: Option<crate::manifest::Coverage>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntrySummary {
    pub path: String,
    pub size: u64,
    pub compressed_size: u64,
    pub stored: bool,
}

impl Report {
    pub fn is_valid(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

impl ManifestError {
    /// The error as a diagnostic located in `module.json` (or in the field at fault).
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            ManifestError::Json(err) => Diagnostic::new(MANIFEST_PATH, format!("not valid JSON ({err})")),
            ManifestError::Field { path, message } => {
                Diagnostic::new(format!("{MANIFEST_PATH}: {path}"), message.clone())
            }
            other => Diagnostic::new(
                MANIFEST_PATH,
                other.to_string().trim_start_matches("module.json ").to_owned(),
            ),
        }
    }
}

/// Validates the bundle at `path`.
pub fn validate(path: &Path, limits: &Limits, progress: &dyn Progress) -> Report {
    validate_as(path, path, limits, progress)
}

/// Validates the file at `path`, naming it `shown_as` in messages (an install validates its
/// staged copy but talks about the file the user chose).
pub fn validate_as(path: &Path, shown_as: &Path, limits: &Limits, progress: &dyn Progress) -> Report {
    check(path, shown_as, limits, progress, Depth::Full)
}

/// What a bundle says it is, read quickly: the zip's directory checks, `module.json` and its
/// checks, and the signature, but not one file hashed. For showing a bundle before installing
/// it (a 500 MB bundle read off a USB stick previews in milliseconds); an install validates its
/// own copy fully. Its problems are a subset of [`validate`]'s.
pub fn preview(path: &Path, limits: &Limits) -> Report {
    check(path, path, limits, &crate::progress::Silent, Depth::Preview)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Depth {
    Preview,
    Full,
}

fn check(path: &Path, shown_as: &Path, limits: &Limits, progress: &dyn Progress, depth: Depth) -> Report {
    let mut report = Report {
        bundle: shown_as.to_owned(),
        manifest: None,
        manifest_bytes: None,
        signer: None,
        entries: Vec::new(),
        diagnostics: Vec::new(),
        warnings: Vec::new(),
        estimate: None,
        coverage: None,
    };
    let mut archive = match Archive::open(path, limits) {
        Ok((archive, diagnostics)) => {
            report.diagnostics = diagnostics;
            archive
        }
        Err(err) => {
            report.diagnostics.push(Diagnostic::new(shown_as.display().to_string(), err.reason()));
            return report;
        }
    };
    // The file the user gave is named, never the copy being checked (an install's staging file).
    let (checked, shown) = (path.display().to_string(), shown_as.display().to_string());
    for d in &mut report.diagnostics {
        if d.path == checked {
            d.path = shown.clone();
        }
        d.message = d.message.replace(&checked, &shown);
    }
    report.entries = archive
        .entries
        .iter()
        .map(|e| EntrySummary {
            path: e.name.clone(),
            size: e.size,
            compressed_size: e.compressed_size,
            stored: e.stored,
        })
        .collect();

    let Some(manifest_entry) = archive.entry(MANIFEST_PATH).cloned() else {
        let bundle_level = shown_as.display().to_string();
        if !report.diagnostics.iter().any(|d| d.path == MANIFEST_PATH || d.path == bundle_level) {
            report.diagnostics.push(Diagnostic::new(
                MANIFEST_PATH,
                "missing at the root of the zip; is this a DLIS Learn module bundle? (bundles are made by `dlis pack`)",
            ));
        }
        return report;
    };
    let bytes = match archive.read(&manifest_entry, limits.max_text_size) {
        Ok(bytes) => bytes,
        Err(err) => {
            report.diagnostics.push(Diagnostic::new(MANIFEST_PATH, err.to_string()));
            return report;
        }
    };
    let manifest = match Manifest::parse(&bytes) {
        Ok(manifest) => manifest,
        Err(err) => {
            report.diagnostics.push(err.to_diagnostic());
            return report;
        }
    };
    let (problems, coverage) = manifest.check_with_coverage();
    report.diagnostics.extend(problems);
    report.warnings.extend(coverage.warnings(&manifest));
    report.coverage = Some(coverage);
    if depth == Depth::Full {
        let verified = check_files(&manifest, &mut archive, &mut report.diagnostics, progress);
        let mut files = ZipFiles { archive: &mut archive, verified, limit: limits.max_text_size };
        report.diagnostics.extend(content::check(&manifest, &mut files));
        let estimate = super::estimate::estimate(&manifest, &mut files);
        report.warnings.extend(super::estimate::check_declared(&manifest, &estimate));
        report.estimate = Some(estimate);
    }

    if let Some(entry) = archive.entry(SIGNATURE_PATH).cloned() {
        match archive.read(&entry, 64 * 1024) {
            Err(err) => report.diagnostics.push(Diagnostic::new(SIGNATURE_PATH, err.to_string())),
            Ok(signature_json) => match signature::verify(&signature_json, &bytes) {
                Ok(signer) => report.signer = Some(signer),
                Err(err) => report.diagnostics.push(Diagnostic::new(SIGNATURE_PATH, err.to_string())),
            },
        }
    }
    report.manifest = Some(manifest);
    report.manifest_bytes = Some(bytes);
    report
}

/// Checks the `files` list against the zip and hashes every listed file. Returns the files
/// whose content matched, with their first bytes.
fn check_files(
    manifest: &Manifest,
    archive: &mut Archive,
    out: &mut Vec<Diagnostic>,
    progress: &dyn Progress,
) -> HashMap<String, Vec<u8>> {
    let mut listed: BTreeMap<&str, u64> = BTreeMap::new();
    let mut sha256: HashMap<&str, &str> = HashMap::new();
    for (i, file) in manifest.files.iter().enumerate() {
        let field = format!("{MANIFEST_PATH}: files[{i}].path");
        if let Err(problem) = crate::paths::check(&file.path) {
            out.push(Diagnostic::new(field, format!("{:?}: {problem}", file.path)));
        } else if file.path == MANIFEST_PATH || file.path == SIGNATURE_PATH {
            out.push(Diagnostic::new(field, format!("{:?} must not list itself", file.path)));
        } else if listed.insert(&file.path, file.size).is_some() {
            out.push(Diagnostic::new(field, format!("{:?} is listed twice", file.path)));
        } else {
            sha256.insert(&file.path, &file.sha256);
        }
    }
    let reported: HashSet<String> = out.iter().map(|d| d.path.clone()).collect();
    for entry in &archive.entries {
        let special = entry.name == MANIFEST_PATH || entry.name == SIGNATURE_PATH;
        if !special && !listed.contains_key(entry.name.as_str()) {
            out.push(Diagnostic::new(
                &entry.name,
                "is in the zip but not listed in module.json `files`; rebuild the bundle with `dlis pack`",
            ));
        }
    }
    let present: Vec<(Entry, u64)> = listed
        .iter()
        .filter_map(|(path, size)| match archive.entry(path) {
            Some(entry) => Some((entry.clone(), *size)),
            None => {
                if !reported.contains(*path) {
                    out.push(Diagnostic::new(*path, "is listed in module.json but missing from the bundle"));
                }
                None
            }
        })
        .collect();

    progress.phase("Verifying", present.iter().map(|(entry, _)| entry.size).sum());
    let mut verified = HashMap::new();
    for (entry, listed_size) in present {
        let hashed = match archive.hash(&entry, progress) {
            Ok(hashed) => hashed,
            Err(err) => {
                out.push(Diagnostic::new(&entry.name, err.to_string()));
                continue;
            }
        };
        if hashed.size != entry.size {
            out.push(Diagnostic::new(
                &entry.name,
                format!(
                    "holds {} bytes but its zip header says {}: the zip is damaged",
                    hashed.size, entry.size
                ),
            ));
        } else if hashed.size != listed_size {
            out.push(Diagnostic::new(
                &entry.name,
                format!(
                    "is {} bytes, module.json says {listed_size}: the file was changed after packing",
                    hashed.size
                ),
            ));
        } else if sha256.get(entry.name.as_str()) != Some(&hashed.sha256.as_str()) {
            out.push(Diagnostic::new(
                &entry.name,
                "content does not match its SHA-256 in module.json: the file was damaged or changed after packing",
            ));
        } else {
            verified.insert(entry.name.clone(), hashed.head);
        }
    }
    verified
}

/// The files of a zip that passed the size and hash checks, for the content checks.
struct ZipFiles<'a> {
    archive: &'a mut Archive,
    verified: HashMap<String, Vec<u8>>,
    limit: u64,
}

impl Files for ZipFiles<'_> {
    fn contains(&self, path: &str) -> bool {
        self.archive.entry(path).is_some()
    }

    fn checkable(&self, path: &str) -> bool {
        self.verified.contains_key(path)
    }

    fn read_text(&mut self, path: &str) -> Result<Vec<u8>, String> {
        let entry = self.archive.entry(path).cloned().ok_or("is missing")?;
        self.archive.read(&entry, self.limit).map_err(|e| e.to_string())
    }

    fn head(&mut self, path: &str) -> Option<Vec<u8>> {
        self.verified.get(path).cloned()
    }
}
