//! Writes a module bundle as a package for an LMS: SCORM 1.2 or cmi5.
//!
//! The package holds the web player (the app's own screens from `ui/`, its LMS backend in
//! `ui/lms/`, and the core's rules as `rules.wasm`, all built into this program), the module's
//! lessons and transcripts rendered to sanitised HTML by the same code as the app, and every
//! file of the bundle. It is deterministic: the same bundle gives the same bytes.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use zip::ZipWriter;

use super::suspend::{self, SuspendError};
use super::{cmi5, scorm12};
use crate::bundle::asset::{AssetError, Bundle};
use crate::bundle::pack::entry_options;
use crate::bundle::{Limits, validate};
use crate::diagnostic::Diagnostic;
use crate::manifest::{Activity, Localized, MANIFEST_PATH, localized_with_language};
use crate::progress::Progress;

/// The player's files, as `ui/` has them, at the same paths in the package.
const PLAYER: &[(&str, &[u8])] = &[
    ("lib/api.js", include_bytes!("../../ui/lib/api.js")),
    ("lib/dom.js", include_bytes!("../../ui/lib/dom.js")),
    ("lib/errors.js", include_bytes!("../../ui/lib/errors.js")),
    ("lib/i18n.js", include_bytes!("../../ui/lib/i18n.js")),
    ("lib/links.js", include_bytes!("../../ui/lib/links.js")),
    ("lib/module.js", include_bytes!("../../ui/lib/module.js")),
    ("lib/moduleCache.js", include_bytes!("../../ui/lib/moduleCache.js")),
    ("lib/passage.js", include_bytes!("../../ui/lib/passage.js")),
    ("screens/lesson.js", include_bytes!("../../ui/screens/lesson.js")),
    ("screens/module.js", include_bytes!("../../ui/screens/module.js")),
    ("screens/notes.js", include_bytes!("../../ui/screens/notes.js")),
    ("screens/parts.js", include_bytes!("../../ui/screens/parts.js")),
    ("screens/quiz.js", include_bytes!("../../ui/screens/quiz.js")),
    ("screens/video.js", include_bytes!("../../ui/screens/video.js")),
    ("lms/backend.js", include_bytes!("../../ui/lms/backend.js")),
    ("lms/player.js", include_bytes!("../../ui/lms/player.js")),
    ("lms/rules.js", include_bytes!("../../ui/lms/rules.js")),
    ("lms/scorm12.js", include_bytes!("../../ui/lms/scorm12.js")),
    ("lms/cmi5.js", include_bytes!("../../ui/lms/cmi5.js")),
    // Built by scripts/player-rules.sh, which checks that it is what the sources give.
    ("lms/rules.wasm", include_bytes!("../../player/rules.wasm")),
    ("lms/LICENSES.md", include_bytes!("../../player/LICENSES.md")),
    ("styles/app.css", include_bytes!("../../ui/styles/app.css")),
    ("styles/base.css", include_bytes!("../../ui/styles/base.css")),
    ("styles/components.css", include_bytes!("../../ui/styles/components.css")),
    ("styles/layout.css", include_bytes!("../../ui/styles/layout.css")),
    ("styles/screens.css", include_bytes!("../../ui/styles/screens.css")),
    ("i18n/de.ftl", include_bytes!("../../ui/i18n/de.ftl")),
    ("i18n/el.ftl", include_bytes!("../../ui/i18n/el.ftl")),
    ("i18n/en.ftl", include_bytes!("../../ui/i18n/en.ftl")),
    ("i18n/fr.ftl", include_bytes!("../../ui/i18n/fr.ftl")),
    ("i18n/nl.ftl", include_bytes!("../../ui/i18n/nl.ftl")),
    ("i18n/ro.ftl", include_bytes!("../../ui/i18n/ro.ftl")),
    ("vendor/fluent-bundle/LICENSE", include_bytes!("../../ui/vendor/fluent-bundle/LICENSE")),
    ("vendor/fluent-bundle/ast.js", include_bytes!("../../ui/vendor/fluent-bundle/ast.js")),
    ("vendor/fluent-bundle/builtins.js", include_bytes!("../../ui/vendor/fluent-bundle/builtins.js")),
    ("vendor/fluent-bundle/bundle.js", include_bytes!("../../ui/vendor/fluent-bundle/bundle.js")),
    ("vendor/fluent-bundle/index.js", include_bytes!("../../ui/vendor/fluent-bundle/index.js")),
    ("vendor/fluent-bundle/memoizer.js", include_bytes!("../../ui/vendor/fluent-bundle/memoizer.js")),
    ("vendor/fluent-bundle/resolver.js", include_bytes!("../../ui/vendor/fluent-bundle/resolver.js")),
    ("vendor/fluent-bundle/resource.js", include_bytes!("../../ui/vendor/fluent-bundle/resource.js")),
    ("vendor/fluent-bundle/scope.js", include_bytes!("../../ui/vendor/fluent-bundle/scope.js")),
    ("vendor/fluent-bundle/types.js", include_bytes!("../../ui/vendor/fluent-bundle/types.js")),
];

/// The launch page, at the package's root.
const LAUNCH_PAGE: &[u8] = include_bytes!("../../ui/lms/index.html");

/// Where the bundle's files go in the package (the backend's `CONTENT`).
const CONTENT: &str = "content";

/// The LMS standards a package can be made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// SCORM 1.2: Moodle's own activity, and most LMSs.
    Scorm12,
    /// cmi5: xAPI statements to the LMS's LRS (Moodle through a plugin).
    Cmi5,
}

impl Format {
    /// The descriptor file at the package's root.
    pub fn descriptor(self) -> &'static str {
        match self {
            Format::Scorm12 => "imsmanifest.xml",
            Format::Cmi5 => "cmi5.xml",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Scorm12 => "SCORM 1.2",
            Format::Cmi5 => "cmi5",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LmsError {
    #[error("{}: the bundle is not valid; nothing was written:\n{}", bundle.display(), list(diagnostics))]
    Invalid { bundle: PathBuf, diagnostics: Vec<Diagnostic> },
    #[error(transparent)]
    Read(#[from] AssetError),
    #[error(
        "{}: the module's longest progress does not fit in an LMS ({source}); split its quizzes or shorten its typed answers",
        bundle.display()
    )]
    TooMuchState { bundle: PathBuf, source: SuspendError },
    #[error(
        "{}: activity {activity:?} is a self-assessment survey, which DLIS Learn does not put in LMS packages yet; \
         take the survey out of a copy of the module to export the rest",
        bundle.display()
    )]
    Survey { bundle: PathBuf, activity: String },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot write {}: {source}", path.display())]
    Zip { path: PathBuf, source: zip::result::ZipError },
}

fn list(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n")
}

/// What was written.
#[derive(Debug, Serialize)]
pub struct Exported {
    pub output: PathBuf,
    pub format: Format,
    pub module_id: String,
    pub version: String,
    /// Bytes of the package.
    pub size: u64,
    /// Bytes of the player's code (scripts, styles, texts, rules) before compression.
    pub player_size: u64,
    /// Characters the module's longest progress takes (SCORM 1.2 keeps 4,096).
    pub longest_state: usize,
}

/// Writes the bundle at `bundle` as a package for `format` at `output`, with a SCORM package's
/// title in `language` (else the module's default; cmi5 carries every language). The bundle is checked in full first; the
/// package appears whole or not at all.
pub fn export(
    bundle: &Path,
    format: Format,
    output: &Path,
    language: Option<&str>,
    limits: &Limits,
    progress: &dyn Progress,
) -> Result<Exported, LmsError> {
    let report = validate(bundle, limits, progress);
    if !report.is_valid() {
        return Err(LmsError::Invalid { bundle: bundle.to_owned(), diagnostics: report.diagnostics });
    }
    let opened = Bundle::open(bundle, limits)?;
    let module = opened.manifest();
    if let Some(survey) = module.activities.iter().find(|a| matches!(a, Activity::Survey(_))) {
        return Err(LmsError::Survey { bundle: bundle.to_owned(), activity: survey.id().to_owned() });
    }
    let longest_state = suspend::fits(module)
        .map_err(|source| LmsError::TooMuchState { bundle: bundle.to_owned(), source })?;

    let write_err = |source| LmsError::Write { path: output.to_owned(), source };
    let zip_err = |source| LmsError::Zip { path: output.to_owned(), source };
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    entries.push((scorm12::LAUNCH.to_owned(), LAUNCH_PAGE.to_vec()));
    entries.extend(PLAYER.iter().map(|(path, bytes)| ((*path).to_owned(), bytes.to_vec())));
    let player_size = entries.iter().map(|(_, b)| b.len() as u64).sum();
    let module_json = serde_json::to_vec(module).map_err(|e| write_err(io::Error::other(e)))?;
    entries.push((format!("{CONTENT}/{MANIFEST_PATH}"), module_json));
    for (name, page) in pages(&opened)? {
        entries.push((name, page));
    }
    let files: Vec<String> = module.files.iter().map(|f| format!("{CONTENT}/{}", f.path)).collect();
    let mut listed: Vec<String> = entries.iter().map(|(name, _)| name.clone()).chain(files).collect();
    listed.sort();
    let language = language.unwrap_or(&module.default_language);
    let descriptor = match format {
        Format::Scorm12 => scorm12::manifest_xml(module, language, &listed),
        Format::Cmi5 => cmi5::course_xml(module),
    };

    let dir = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = tempfile::NamedTempFile::new_in(dir).map_err(write_err)?;
    let mut zip =
        ZipWriter::new(BufWriter::with_capacity(1 << 20, temp.as_file().try_clone().map_err(write_err)?));
    zip.start_file(format.descriptor(), entry_options(format.descriptor(), 0)).map_err(zip_err)?;
    zip.write_all(descriptor.as_bytes()).map_err(write_err)?;
    for (name, bytes) in &entries {
        zip.start_file(name.as_str(), entry_options(name, bytes.len() as u64)).map_err(zip_err)?;
        zip.write_all(bytes).map_err(write_err)?;
    }
    progress.phase("Copying", module.files.iter().map(|f| f.size).sum());
    for file in &module.files {
        let name = format!("{CONTENT}/{}", file.path);
        zip.start_file(name.as_str(), entry_options(&file.path, file.size)).map_err(zip_err)?;
        let mut reader = opened.range_reader(&file.path, 0..file.size)?;
        let copied = io::copy(&mut reader, &mut zip)
            .map_err(|source| LmsError::Read(AssetError::Read { asset: file.path.clone(), source }))?;
        progress.advance(copied);
    }
    let mut buffered = zip.finish().map_err(zip_err)?;
    buffered.flush().map_err(write_err)?;
    drop(buffered);
    temp.as_file().sync_all().map_err(write_err)?;
    let size = temp.as_file().metadata().map_err(write_err)?.len();
    temp.persist(output).map_err(|e| write_err(e.error))?;
    Ok(Exported {
        output: output.to_owned(),
        format,
        module_id: module.id.clone(),
        version: module.version.to_string(),
        size,
        player_size,
        longest_state,
    })
}

/// Every lesson and transcript rendered to sanitised HTML, once per language the module offers
/// (with the app's fallback for a partial translation), as the backend fetches them:
/// `content/pages/{activity}.{lesson|transcript}.{language}.json` = `{html, language}`.
fn pages(bundle: &Bundle) -> Result<Vec<(String, Vec<u8>)>, LmsError> {
    #[derive(Serialize)]
    struct Page<'a> {
        html: String,
        language: &'a str,
    }
    let module = bundle.manifest();
    let offered: Vec<&String> = module.languages.iter().chain(&module.partial_languages).collect();
    let mut out = Vec::new();
    for activity in &module.activities {
        let (kind, files): (&str, &Localized<String>) = match activity {
            Activity::Lesson(lesson) => ("lesson", &lesson.body),
            Activity::Video(video) => ("transcript", &video.transcript),
            Activity::Quiz(_) | Activity::Survey(_) => continue,
        };
        for wanted in &offered {
            let Some((file, language)) = localized_with_language(files, wanted, &module.default_language)
            else {
                continue;
            };
            let markdown = String::from_utf8_lossy(&bundle.read(file)?).into_owned();
            let html = crate::render::markdown_html(&markdown, file, CONTENT);
            let json = serde_json::to_vec(&Page { html, language })
                .map_err(|e| LmsError::Write { path: PathBuf::from(file), source: io::Error::other(e) })?;
            out.push((format!("{CONTENT}/pages/{}.{kind}.{wanted}.json", activity.id()), json));
        }
    }
    Ok(out)
}
