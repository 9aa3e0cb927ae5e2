//! The translators' round trip: every text of a module source folder out to XLIFF 2.0, for
//! the translation tool a translator already uses, and back into the folder's files.
//!
//! What is translated: the texts of `module.json` (titles, description, objectives, quiz
//! prompts, options, pairs, accepted answers, feedback), the lessons and transcripts cut by
//! [`markdown`] into headings, paragraphs, list items and table cells, and the subtitle cues.
//! Markdown stays plain text in the XLIFF, so that a translator can point a link at their own
//! country's site; the import checks that each translation keeps the markup of its source.
//!
//! Invariants:
//! - Importing a file just exported changes no byte of the folder.
//! - A translation applies only to the source text it was made from: a unit whose source has
//!   changed since the export is reported, not written.
//! - A lesson, transcript or subtitle file is written only when every piece of it is
//!   translated; `module.json` texts one by one.
//! - Any problem in the XLIFF and nothing is written; otherwise every file is replaced
//!   atomically, `module.json` last.

mod json;
pub(crate) mod markdown;
pub(crate) mod vtt;
mod xliff;

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use jsonc_parser::cst::CstInputValue;

use crate::Diagnostic;
use crate::manifest::Manifest;
use json::{FileKind, ModuleJson, Shape};
use markdown::{Block, Markup};

/// The `<file>` id of `module.json`'s texts.
const MODULE_FILE: &str = "module";
/// Larger XLIFF files are refused: the three samples together are under 1 MB.
const MAX_XLIFF_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum TranslateError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: {message}", path.display())]
    Module { path: PathBuf, message: String },
    #[error("{language:?} is not a language tag (BCP 47), e.g. ro or el")]
    Language { language: String },
    #[error(
        "{language} is the module's source language (default_language): there is nothing to translate into it"
    )]
    SourceLanguage { language: String },
    #[error("{}: {message}", path.display())]
    Xliff { path: PathBuf, message: String },
    #[error("{}: nothing was written, {} problem{} to fix first:\n{}", path.display(), problems.len(),
            if problems.len() == 1 { "" } else { "s" }, problems.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
    Rejected { path: PathBuf, problems: Vec<String> },
}

/// An XLIFF document ready to be written, and what it holds.
#[derive(Debug)]
pub struct Exported {
    pub xliff: String,
    pub source_language: String,
    pub units: usize,
    pub translated: usize,
    /// Existing translations that could not be paired with their source, file by file.
    pub warnings: Vec<String>,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Imported {
    pub language: String,
    /// Files written, relative to the module folder, `module.json` last.
    pub written: Vec<String>,
    pub units: usize,
    pub translated: usize,
    /// Files left as they were because some of their pieces are not translated: path,
    /// translated pieces, all pieces.
    pub incomplete: Vec<(String, usize, usize)>,
    /// Units whose source text changed since the export: their translation was not applied.
    pub stale: Vec<String>,
    /// How the language is declared now, if the import changed it.
    pub declared: Option<Declared>,
    /// What `dlis validate` will say about the module's texts now.
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Declared {
    /// Added to `languages`: every text is translated.
    Complete,
    /// Added to `partial_languages`.
    Partial,
}

/// The module folder being translated.
struct Module {
    dir: PathBuf,
    text: String,
    manifest: Manifest,
}

impl Module {
    fn open(dir: &Path) -> Result<Module, TranslateError> {
        let path = dir.join("module.json");
        let bytes =
            std::fs::read(&path).map_err(|source| TranslateError::Io { path: path.clone(), source })?;
        let manifest = Manifest::parse(&bytes)
            .map_err(|e| TranslateError::Module { path: path.clone(), message: e.to_string() })?;
        let text = String::from_utf8(bytes)
            .map_err(|_| TranslateError::Module { path, message: "not UTF-8 text".into() })?;
        Ok(Module { dir: dir.to_owned(), text, manifest })
    }

    fn source(&self) -> &str {
        &self.manifest.default_language
    }

    fn languages(&self) -> Vec<String> {
        let mut all = self.manifest.languages.clone();
        all.extend(self.manifest.partial_languages.iter().cloned());
        all
    }

    fn texts(&self, target: &str) -> Result<ModuleJson, TranslateError> {
        ModuleJson::read(&self.text, self.source(), target, &self.languages())
            .map_err(|message| TranslateError::Module { path: self.dir.join("module.json"), message })
    }

    /// Reads a file the manifest names, refusing paths that leave the folder.
    fn read(&self, relative: &str) -> Result<Option<String>, TranslateError> {
        let path = self.inside(relative)?;
        match std::fs::read(&path) {
            Ok(bytes) => String::from_utf8(bytes)
                .map(Some)
                .map_err(|_| TranslateError::Module { path, message: "not UTF-8 text".into() }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(TranslateError::Io { path, source }),
        }
    }

    fn inside(&self, relative: &str) -> Result<PathBuf, TranslateError> {
        let path = Path::new(relative);
        if relative.is_empty() || !path.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(TranslateError::Module {
                path: self.dir.join("module.json"),
                message: format!("{relative:?} is not a path inside the module folder"),
            });
        }
        Ok(self.dir.join(path))
    }
}

fn check_language(language: &str, module: &Module) -> Result<(), TranslateError> {
    if oxilangtag::LanguageTag::parse(language).is_err() || language.is_empty() {
        return Err(TranslateError::Language { language: language.into() });
    }
    if language == module.source() {
        return Err(TranslateError::SourceLanguage { language: language.into() });
    }
    Ok(())
}

/// A lesson, transcript or subtitle file and its translation, cut into pieces.
struct Pieces {
    id: String,
    kind: FileKind,
    source_path: String,
    target_path: String,
    source: String,
    ranges: Vec<std::ops::Range<usize>>,
    blocks: Vec<Option<Block>>,
    /// The existing translation, when it exists.
    target: Option<String>,
    /// The existing translation's pieces, when they pair one to one with the source's.
    target_ranges: Option<Vec<std::ops::Range<usize>>>,
}

impl Pieces {
    fn read(module: &Module, map: &json::FileMap, target_language: &str) -> Result<Pieces, TranslateError> {
        let target_path =
            map.target.clone().unwrap_or_else(|| derive_path(&map.source, module.source(), target_language));
        let source = module.read(&map.source)?.ok_or_else(|| TranslateError::Module {
            path: module.dir.join(&map.source),
            message: format!("{} names this file, which does not exist", map.id),
        })?;
        let target = module.read(&target_path)?;
        let cut = |text: &str| -> (Vec<std::ops::Range<usize>>, Vec<Option<Block>>) {
            match map.kind {
                FileKind::Markdown => {
                    markdown::segments(text).into_iter().map(|s| (s.range, Some(s.block))).unzip()
                }
                FileKind::Subtitles => vtt::cues(text).into_iter().map(|r| (r, None)).unzip(),
            }
        };
        let (ranges, blocks) = cut(&source);
        let target_ranges = target.as_deref().and_then(|t| {
            let (target_ranges, target_blocks) = cut(t);
            (target_blocks == blocks).then_some(target_ranges)
        });
        Ok(Pieces {
            id: map.id.clone(),
            kind: map.kind,
            source_path: map.source.clone(),
            target_path,
            source,
            ranges,
            blocks,
            target,
            target_ranges,
        })
    }

    fn unit_id(&self, index: usize) -> String {
        match self.kind {
            FileKind::Markdown => format!("p{}", index + 1),
            FileKind::Subtitles => format!("cue{}", index + 1),
        }
    }

    fn describe(&self, index: usize) -> String {
        match (self.kind, self.blocks[index]) {
            (FileKind::Markdown, Some(block)) => format!("{} {}", block.name(), index + 1),
            _ => format!("cue {}", index + 1),
        }
    }

    fn existing(&self, index: usize) -> Option<&str> {
        let (target, ranges) = (self.target.as_deref()?, self.target_ranges.as_ref()?);
        Some(&target[ranges[index].clone()])
    }
}

/// `lessons/a.fr.md` → `lessons/a.ro.md`; a file name without its language gets one before
/// its extension.
fn derive_path(source_path: &str, source: &str, target: &str) -> String {
    let (dir, name) = match source_path.rfind('/') {
        Some(i) => (&source_path[..=i], &source_path[i + 1..]),
        None => ("", source_path),
    };
    let mut parts: Vec<&str> = name.split('.').collect();
    if let Some(i) = parts.iter().skip(1).rposition(|p| *p == source) {
        parts[i + 1] = target;
    } else if parts.len() > 1 {
        parts.insert(parts.len() - 1, target);
    } else {
        parts.push(target);
    }
    format!("{dir}{}", parts.join("."))
}

/// Every text of the module folder `dir` as an XLIFF 2.0 document from its default language
/// into `language`, with the translations it already has.
pub fn export(dir: &Path, language: &str) -> Result<Exported, TranslateError> {
    let module = Module::open(dir)?;
    check_language(language, &module)?;
    let texts = module.texts(language)?;
    let mut files = vec![xliff::File {
        id: MODULE_FILE.into(),
        original: "module.json".into(),
        notes: vec!["Titles, description, objectives and quiz texts of the module.".into()],
        units: texts
            .texts
            .iter()
            .map(|t| xliff::Unit {
                id: t.id.clone(),
                notes: json_notes(&t.shape),
                source: t.source.clone(),
                target: t.target.clone(),
            })
            .collect(),
    }];
    let mut warnings = Vec::new();
    for map in &texts.files {
        let pieces = Pieces::read(&module, map, language)?;
        if pieces.target.is_some() && pieces.target_ranges.is_none() {
            warnings.push(format!(
                "{}: does not pair piece by piece with {} (another number of paragraphs or cues); \
                 exported without its translation, which the import replaces once every piece is translated",
                pieces.target_path, pieces.source_path
            ));
        }
        let notes = match map.kind {
            FileKind::Markdown => vec![format!(
                "Markdown, one heading, paragraph, list item or table cell per unit; written to {}. Keep links, \
                 images, **bold** and *emphasis*; a link may point to the equivalent page of your own country.",
                pieces.target_path
            )],
            FileKind::Subtitles => vec![format!(
                "Subtitles, one cue per unit; written to {}. At most two short lines per cue.",
                pieces.target_path
            )],
        };
        let units = (0..pieces.ranges.len())
            .map(|i| xliff::Unit {
                id: pieces.unit_id(i),
                notes: vec![pieces.describe(i)],
                source: pieces.source[pieces.ranges[i].clone()].to_string(),
                target: pieces.existing(i).map(str::to_string),
            })
            .collect();
        files.push(xliff::File { id: pieces.id.clone(), original: pieces.source_path.clone(), notes, units });
    }
    let document =
        xliff::Document { source_language: module.source().into(), target_language: language.into(), files };
    let units = document.files.iter().map(|f| f.units.len()).sum();
    let translated = document.files.iter().flat_map(|f| &f.units).filter(|u| u.target.is_some()).count();
    let xliff =
        document.to_xml().map_err(|message| TranslateError::Module { path: dir.to_owned(), message })?;
    Ok(Exported { xliff, source_language: module.source().into(), units, translated, warnings })
}

fn json_notes(shape: &Shape) -> Vec<String> {
    match shape {
        Shape::Text => vec![],
        Shape::Item { index, count } => vec![format!("item {} of {count}", index + 1)],
        Shape::Lines => vec![
            "Accepted answers, one per line: a learner's answer is right when it matches one of \
                              them (case and accents aside). Add the variants people write in your language."
                .into(),
        ],
    }
}

/// Writes the translations of the XLIFF file at `xliff_path` into the module folder `dir`.
pub fn import(dir: &Path, xliff_path: &Path) -> Result<Imported, TranslateError> {
    let document = read_xliff(xliff_path)?;
    let module = Module::open(dir)?;
    let rejected = |problems: Vec<String>| TranslateError::Rejected { path: xliff_path.to_owned(), problems };
    if document.source_language != module.source() {
        return Err(rejected(vec![format!(
            "it translates from {}, but the module's source language (default_language) is {}",
            document.source_language,
            module.source()
        )]));
    }
    let language = document.target_language.clone();
    check_language(&language, &module).map_err(|e| rejected(vec![format!("its trgLang: {e}")]))?;
    let texts = module.texts(&language)?;
    let units: HashMap<(&str, &str), &xliff::Unit> = document
        .files
        .iter()
        .flat_map(|f| f.units.iter().map(move |u| ((f.id.as_str(), u.id.as_str()), u)))
        .collect();
    let mut report = Imported { language: language.clone(), ..Imported::default() };
    let mut problems = Vec::new();
    // The translation of a unit, if the XLIFF has one for the same source text.
    let lookup = |file: &str, id: &str, source: &str, report: &mut Imported| -> Option<String> {
        report.units += 1;
        let unit = units.get(&(file, id))?;
        let target = unit.target.as_ref().filter(|t| !t.trim().is_empty())?;
        if unit.source != source {
            report.stale.push(format!("{file} {id}"));
            return None;
        }
        report.translated += 1;
        Some(target.clone())
    };
    let mut complete = true;

    // module.json texts, one by one; list items together.
    let mut items: HashMap<usize, Vec<Option<String>>> = HashMap::new();
    for (i, text) in texts.texts.iter().enumerate() {
        let translation = lookup(MODULE_FILE, &text.id, &text.source, &mut report);
        complete &= translation.is_some();
        match (&text.shape, translation) {
            (Shape::Text, Some(t)) => {
                json::set_string(&text.map, &language, &t);
            }
            (Shape::Lines, Some(t)) => {
                let lines: Vec<String> =
                    t.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
                json::set_strings(&text.map, &language, &lines, module.source());
            }
            (Shape::Item { index, count }, t) => {
                let first = i - index;
                items.entry(first).or_insert_with(|| vec![None; *count])[*index] = t;
            }
            (_, None) => {}
        }
    }
    for (first, values) in items {
        if let Some(values) = values.into_iter().collect::<Option<Vec<String>>>() {
            json::set_strings(&texts.texts[first].map, &language, &values, module.source());
        }
    }

    // Lessons, transcripts and subtitles, whole files at a time.
    let mut writes: Vec<(String, String)> = Vec::new();
    for map in &texts.files {
        let pieces = Pieces::read(&module, map, &language)?;
        let mut translations = Vec::new();
        for (i, range) in pieces.ranges.iter().enumerate() {
            let source = &pieces.source[range.clone()];
            let Some(t) = lookup(&pieces.id, &pieces.unit_id(i), source, &mut report) else { continue };
            let broken = match pieces.blocks[i] {
                Some(block) => {
                    let mut why = markdown::breaks_block(&t, block).into_iter().collect::<Vec<_>>();
                    why.extend(Markup::of(source).differences(&Markup::of(&t)));
                    why
                }
                None => vtt::breaks_cue(&t).into_iter().collect(),
            };
            if !broken.is_empty() {
                problems.push(format!(
                    "{}, {} (\u{201c}{}\u{201d}): {}",
                    pieces.target_path,
                    pieces.describe(i),
                    opening(source),
                    broken.join("; ")
                ));
            }
            translations.push(t);
        }
        if translations.len() < pieces.ranges.len() {
            complete = false;
            if !translations.is_empty() {
                report.incomplete.push((pieces.target_path.clone(), translations.len(), pieces.ranges.len()));
            }
            continue;
        }
        let refs: Vec<&str> = translations.iter().map(String::as_str).collect();
        let text = match (&pieces.target, &pieces.target_ranges) {
            (Some(target), Some(ranges)) => rebuild(target, ranges, &refs),
            _ => rebuild(&pieces.source, &pieces.ranges, &refs),
        };
        if pieces.kind == FileKind::Markdown {
            let blocks: Vec<Option<Block>> =
                markdown::segments(&text).into_iter().map(|s| Some(s.block)).collect();
            if blocks != pieces.blocks {
                problems.push(format!(
                    "{}: the translated text no longer has the source's {} headings, paragraphs, list items and \
                     table cells in the same order (it has {})",
                    pieces.target_path,
                    pieces.blocks.len(),
                    blocks.len()
                ));
            }
        }
        if pieces.target.as_deref() != Some(text.as_str()) {
            writes.push((pieces.target_path.clone(), text));
        }
        json::set_string(&map.map, &language, &pieces.target_path);
    }
    if !problems.is_empty() {
        return Err(rejected(problems));
    }

    report.declared = declare(&texts, &module, &language, complete, report.translated > 0);
    let new_json = texts.to_text();
    let manifest = Manifest::parse(new_json.as_bytes()).map_err(|e| TranslateError::Module {
        path: dir.join("module.json"),
        message: format!("the import would make module.json unreadable ({e}); please report this"),
    })?;
    report.diagnostics = manifest.check();
    if new_json != module.text {
        writes.push(("module.json".into(), new_json));
    }
    for (relative, text) in &writes {
        write_atomically(&module.inside(relative)?, text.as_bytes())?;
        report.written.push(relative.clone());
    }
    Ok(report)
}

fn rebuild(text: &str, ranges: &[std::ops::Range<usize>], translations: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, translation) in ranges.iter().zip(translations) {
        out.push_str(&text[at..range.start]);
        out.push_str(translation);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Adds the language to `languages` when the translation is complete, to `partial_languages`
/// (format 1.1) when it is not and the module did not name it yet.
fn declare(
    texts: &ModuleJson,
    module: &Module,
    language: &str,
    complete: bool,
    any: bool,
) -> Option<Declared> {
    let object = texts.object()?;
    let manifest = &module.manifest;
    if complete && !manifest.languages.iter().any(|l| l == language) {
        json::push_string(&object, "languages", language);
        json::remove_string(&object, "partial_languages", language);
        return Some(Declared::Complete);
    }
    if !complete
        && any
        && !manifest.languages.iter().chain(&manifest.partial_languages).any(|l| l == language)
    {
        if object.get("partial_languages").is_none() {
            let after = object
                .properties()
                .iter()
                .position(|p| json::prop_name(p).as_deref() == Some("default_language"))
                .map_or(object.properties().len(), |i| i + 1);
            object.insert(after, "partial_languages", CstInputValue::Array(Vec::new()));
        }
        json::push_string(&object, "partial_languages", language);
        // Partial languages are format 1.1.
        if let Some(format) = object.get("format")
            && format.value().and_then(|v| v.as_number_lit()).is_some()
        {
            format.set_value(CstInputValue::String("1.1".into()));
        }
        return Some(Declared::Partial);
    }
    None
}

fn read_xliff(path: &Path) -> Result<xliff::Document, TranslateError> {
    let io = |source| TranslateError::Io { path: path.to_owned(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_XLIFF_BYTES {
        return Err(TranslateError::Xliff {
            path: path.to_owned(),
            message: format!("{size} bytes: larger than any module's texts ({MAX_XLIFF_BYTES} at most)"),
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|_| TranslateError::Xliff {
        path: path.to_owned(),
        message: "not UTF-8 text (save it as UTF-8 XLIFF 2.0)".into(),
    })?;
    xliff::Document::parse(&text).map_err(|e| {
        let place = e.at.map(|at| {
            let at = usize::try_from(at).unwrap_or(usize::MAX).min(text.len());
            let line = text.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
            format!("line {line}: ")
        });
        TranslateError::Xliff {
            path: path.to_owned(),
            message: format!("{}{}", place.unwrap_or_default(), e.message),
        }
    })
}

/// The first words of a text, to say which paragraph a problem is in.
fn opening(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}

/// Writes `bytes` beside `path` then renames it over: a file is the old one or the new one.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), TranslateError> {
    let io = |source| TranslateError::Io { path: path.to_owned(), source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    // A temporary file is private (0600 on Unix); the module's files are not.
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => readable_by_all(temp.as_file().metadata().map_err(io)?.permissions()),
    };
    temp.as_file().set_permissions(permissions).map_err(io)?;
    temp.write_all(bytes).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    let (_, temp_path) = temp.keep().map_err(|e| io(e.error))?;
    crate::durable::replace(&temp_path, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp_path);
        io(e)
    })
}

/// The permissions of a new file of the module: readable by all, as an editor would make it.
#[cfg(unix)]
fn readable_by_all(mut permissions: std::fs::Permissions) -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    permissions.set_mode(0o644);
    permissions
}

/// Windows has no mode bits: a new file inherits the folder's access rules.
#[cfg(not(unix))]
fn readable_by_all(permissions: std::fs::Permissions) -> std::fs::Permissions {
    permissions
}

/// Writes an export to `out`, atomically.
pub fn write_export(out: &Path, exported: &Exported) -> Result<(), TranslateError> {
    write_atomically(out, exported.xliff.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translated_files_are_named_after_their_source() {
        assert_eq!(derive_path("lessons/a.fr.md", "fr", "ro"), "lessons/a.ro.md");
        assert_eq!(derive_path("capsule/capsule.fr.vtt", "fr", "el"), "capsule/capsule.el.vtt");
        assert_eq!(derive_path("lessons/intro.md", "fr", "ro"), "lessons/intro.ro.md");
        assert_eq!(derive_path("fr.md", "fr", "ro"), "fr.ro.md");
        assert_eq!(derive_path("notes", "fr", "ro"), "notes.ro");
    }

    #[test]
    fn openings_are_short() {
        assert_eq!(opening("Un  texte\ncourt"), "Un texte court");
        assert_eq!(opening(&"é".repeat(80)).chars().count(), 61);
    }
}
