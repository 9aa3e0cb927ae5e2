//! `module.json`: the manifest of a module bundle, its parsing and its own consistency checks.
//!
//! The Rust types here are the specification: `docs/module.schema.json` is generated from them
//! (`dlis schema`), and a test fails when the committed schema is stale. Checks that need the
//! bundle's files (does this lesson exist?) live in [`crate::bundle::validate`].

use std::collections::{BTreeMap, BTreeSet, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::paths;

/// Name of the manifest at the root of every bundle.
pub const MANIFEST_PATH: &str = "module.json";
/// The newest bundle format this build reads: 1.1 adds partial translations, 1.2 surveys and
/// `strengthens`.
pub const FORMAT_VERSION: Format = Format { major: 1, minor: 2 };
/// The format that brought partial translations.
pub const PARTIAL_FORMAT: Format = Format { major: 1, minor: 1 };
/// The format that brought survey activities and `strengthens`.
pub const SURVEY_FORMAT: Format = Format { major: 1, minor: 2 };

/// A bundle format version: `1`, written as the number, or `"1.1"`, written as a string (a
/// reader of format 1 stops at the string instead of taking 1.1 for 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Format {
    pub major: u32,
    pub minor: u32,
}

impl Format {
    /// Reads `format` as `module.json` holds it: a whole number or a "major.minor" string.
    fn of(value: &serde_json::Value) -> Option<Format> {
        match value {
            serde_json::Value::Number(n) => {
                Some(Format { major: u32::try_from(n.as_u64()?).ok()?, minor: 0 })
            }
            serde_json::Value::String(s) => {
                let (major, minor) = s.split_once('.')?;
                let number = |part: &str| {
                    part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok()).flatten()
                };
                Some(Format { major: number(major)?, minor: number(minor)? })
            }
            _ => None,
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.minor == 0 { write!(f, "{}", self.major) } else { write!(f, "{}.{}", self.major, self.minor) }
    }
}

impl Serialize for Format {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.minor == 0 {
            serializer.serialize_u32(self.major)
        } else {
            serializer.serialize_str(&self.to_string())
        }
    }
}

impl<'de> Deserialize<'de> for Format {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Format, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Format::of(&value).ok_or_else(|| serde::de::Error::custom("expected 1 or \"1.1\""))
    }
}

fn format_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "Bundle format version: 1, \"1.1\" for a module with partial translations, \"1.2\" for one with a survey or `strengthens`.",
        "enum": [1, "1.1", "1.2"]
    })
}
/// Languages every module must offer: the DLIS partners' working languages.
pub const REQUIRED_LANGUAGES: [&str; 2] = ["fr", "en"];

/// Text in several languages, keyed by BCP 47 language tag (`fr`, `en`, `ro`, `el`, `nl-BE`).
pub type Localized<T> = BTreeMap<String, T>;

/// The manifest of a module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "DLIS Learn module manifest (module.json), format 1.2")]
pub struct Manifest {
    /// Bundle format version. Readers refuse a format they do not know.
    #[schemars(schema_with = "format_schema")]
    pub format: Format,
    /// Stable identifier of the module across versions, e.g. `dlis.faire-avec`.
    #[schemars(regex(pattern = r"^[a-z0-9]+([.-][a-z0-9]+)*$"))]
    pub id: String,
    /// Semantic version; installing a higher version upgrades the module.
    #[schemars(
        with = "String",
        regex(pattern = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")
    )]
    pub version: semver::Version,
    /// Every language the module is written in (BCP 47). Must include `fr` and `en`.
    pub languages: Vec<String>,
    /// Language shown when the learner's language is not among `languages`.
    pub default_language: String,
    /// Languages the module carries in part (format 1.1): any text may be missing, and is then
    /// shown in English or the default language. Not in `languages`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partial_languages: Vec<String>,
    pub title: Localized<String>,
    pub description: Localized<String>,
    /// Learning objectives, in the order they are shown.
    pub objectives: Localized<Vec<String>>,
    /// The partner organisation that issues the module.
    pub organisation: Organisation,
    pub authors: Vec<String>,
    /// SPDX license expression, e.g. `CC-BY-SA-4.0`.
    pub license: String,
    pub estimated_minutes: u32,
    /// The activities in the order a learner should take them.
    pub activities: Vec<Activity>,
    pub completion: CompletionRule,
    /// Survey dimensions this module helps with (format 1.2), by id (e.g. `securite`): after a
    /// self-assessment, the app recommends it to a learner who rated themselves low in one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strengthens: Vec<String>,
    /// Every file of the bundle but `module.json` and `signature.json`, written by `dlis pack`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<FileEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One file of the bundle with the size and hash it must have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    pub path: String,
    pub size: u64,
    /// Lowercase hexadecimal SHA-256 of the file's bytes.
    #[schemars(regex(pattern = r"^[0-9a-f]{64}$"))]
    pub sha256: String,
}

/// A step of the module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Activity {
    Lesson(Lesson),
    Video(Video),
    Quiz(Quiz),
    Survey(Survey),
}

/// A text to read: one Markdown file per language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    pub title: Localized<String>,
    /// Path of the Markdown file (CommonMark with tables) per language.
    pub body: Localized<String>,
}

/// A short video capsule with subtitles and a transcript per language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Video {
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    pub title: Localized<String>,
    pub source: MediaSource,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poster: Option<String>,
    pub duration_seconds: f64,
    /// WebVTT file per language.
    pub subtitles: Localized<String>,
    /// Markdown transcript per language.
    pub transcript: Localized<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MediaSource {
    pub path: String,
    /// `video/webm` (VP9/Opus) or `video/mp4` (H.264/AAC).
    pub media_type: String,
}

/// The media types a capsule may have, with the file extension that goes with each.
pub const VIDEO_TYPES: [(&str, &str); 2] = [("video/webm", "webm"), ("video/mp4", "mp4")];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    pub title: Localized<String>,
    /// Percentage of the points needed to pass.
    #[schemars(range(max = 100))]
    pub pass_mark_percent: u8,
    /// How many attempts a learner has; absent or `null` means unlimited.
    #[serde(default)]
    pub max_attempts: Option<u32>,
    pub feedback: FeedbackTiming,
    #[serde(default)]
    pub shuffle_questions: bool,
    #[serde(default)]
    pub shuffle_options: bool,
    pub questions: Vec<Question>,
}

/// A self-assessment (format 1.2): statements the learner rates on a scale, grouped into
/// dimensions. No answer is right or wrong; each dimension's score is the mean of its ratings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    pub title: Localized<String>,
    /// Shown before the statements: what the survey is for and how to answer.
    pub intro: Localized<String>,
    /// The points of the scale, lowest first; the first is worth 1, the next 2, and so on.
    #[schemars(length(min = 2, max = 10))]
    pub scale: Vec<ScalePoint>,
    pub dimensions: Vec<Dimension>,
    /// A question inviting a written reflection, answered or not; the answer stays in the
    /// learner's profile, like a note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reflection: Option<Localized<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScalePoint {
    pub label: Localized<String>,
}

/// A group of a survey's statements, scored together (an axis of the learner's radar).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    pub title: Localized<String>,
    pub statements: Vec<SurveyStatement>,
}

/// One statement to rate, e.g. "I can tell an official site from a paying intermediary's".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyStatement {
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    pub text: Localized<String>,
}

impl Survey {
    /// Every statement with the dimension it belongs to, in the order they are asked.
    pub fn statements(&self) -> impl Iterator<Item = (&Dimension, &SurveyStatement)> {
        self.dimensions.iter().flat_map(|d| d.statements.iter().map(move |s| (d, s)))
    }
}

/// When a learner sees whether an answer was right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackTiming {
    /// After each answer.
    Immediate,
    /// Once the whole attempt is submitted.
    End,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    pub prompt: Localized<String>,
    /// Optional illustration (a bundle path).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(default = "one_point")]
    pub points: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<QuestionFeedback>,
    pub answer: Answer,
}

fn one_point() -> f64 {
    1.0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionFeedback {
    pub correct: Localized<String>,
    pub incorrect: Localized<String>,
}

/// The expected answer of a question, which also decides how it is asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Answer {
    SingleChoice {
        options: Vec<Choice>,
        /// Id of the right option.
        correct: String,
    },
    MultipleChoice {
        options: Vec<Choice>,
        /// Ids of every right option.
        correct: Vec<String>,
        #[serde(default)]
        scoring: Scoring,
    },
    TrueFalse {
        correct: bool,
    },
    /// Items listed in the right order; the player shuffles them.
    Ordering {
        items: Vec<Choice>,
    },
    /// Pairs listed as they match; the player shuffles the right-hand side.
    Matching {
        pairs: Vec<Pair>,
        #[serde(default)]
        scoring: Scoring,
    },
    /// Free text compared with the accepted answers of the learner's language.
    ShortText {
        accepted: Localized<Vec<String>>,
        #[serde(default)]
        case_sensitive: bool,
        #[serde(default)]
        accent_sensitive: bool,
    },
}

impl Answer {
    pub fn type_name(&self) -> &'static str {
        match self {
            Answer::SingleChoice { .. } => "single_choice",
            Answer::MultipleChoice { .. } => "multiple_choice",
            Answer::TrueFalse { .. } => "true_false",
            Answer::Ordering { .. } => "ordering",
            Answer::Matching { .. } => "matching",
            Answer::ShortText { .. } => "short_text",
        }
    }
}

/// How a question with several parts is scored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scoring {
    /// Full points only when every part is right.
    #[default]
    AllOrNothing,
    /// Points in proportion to the right parts (wrong choices subtract, never below zero).
    Partial,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    pub text: Localized<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    pub left: Localized<String>,
    pub right: Localized<String>,
}

/// What a learner must do for the module to count as completed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompletionRule {
    /// Every lesson read to the end (or marked read).
    #[serde(default)]
    pub all_lessons_read: bool,
    /// Every capsule watched to at least this percentage (of intervals actually watched).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 100))]
    pub videos_watched_percent: Option<u8>,
    /// Every quiz passed.
    #[serde(default)]
    pub quizzes_passed: bool,
}

impl Activity {
    pub fn id(&self) -> &str {
        match self {
            Activity::Lesson(a) => &a.id,
            Activity::Video(a) => &a.id,
            Activity::Quiz(a) => &a.id,
            Activity::Survey(a) => &a.id,
        }
    }

    pub fn title(&self) -> &Localized<String> {
        match self {
            Activity::Lesson(a) => &a.title,
            Activity::Video(a) => &a.title,
            Activity::Quiz(a) => &a.title,
            Activity::Survey(a) => &a.title,
        }
    }

    pub fn kind_name(&self) -> &'static str {
        match self {
            Activity::Lesson(_) => "lesson",
            Activity::Video(_) => "video",
            Activity::Quiz(_) => "quiz",
            Activity::Survey(_) => "survey",
        }
    }
}

/// Why `module.json` could not be read at all. Field-level problems are [`Diagnostic`]s.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("module.json is not valid JSON: {0}")]
    Json(serde_json::Error),
    #[error("module.json has no `format` (1 or \"1.1\"); is this a DLIS Learn module?")]
    MissingFormat,
    #[error(
        "module.json is in bundle format {found}, this version of DLIS Learn reads formats up to {FORMAT_VERSION}; \
         update DLIS Learn or ask the module's author for a format {FORMAT_VERSION} bundle"
    )]
    UnknownFormat { found: Format },
    #[error("module.json: {path}: {message}")]
    Field { path: String, message: String },
}

impl Manifest {
    /// Parses `module.json`, checking the format version before anything else so that a
    /// future bundle gets a clear "update DLIS Learn" instead of a confusing field error.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, ManifestError> {
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(ManifestError::Json)?;
        match value.get("format").and_then(Format::of) {
            None => return Err(ManifestError::MissingFormat),
            Some(found) if found.major != FORMAT_VERSION.major || found > FORMAT_VERSION => {
                return Err(ManifestError::UnknownFormat { found });
            }
            Some(_) => {}
        }
        serde_path_to_error::deserialize(value).map_err(|err| {
            let path = err.path().to_string();
            ManifestError::Field { path, message: err.into_inner().to_string() }
        })
    }

    /// The manifest as written into a bundle: pretty JSON with a final newline, so that the
    /// same sources always give the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("a manifest always serialises");
        bytes.push(b'\n');
        bytes
    }

    /// The language the module is shown in to a learner who prefers `preferred`.
    pub fn display_language<'a>(&'a self, preferred: &'a str) -> &'a str {
        let offered = self.languages.iter().chain(&self.partial_languages).any(|l| l == preferred);
        if offered { preferred } else { &self.default_language }
    }

    /// The title in `language`, or in the default language.
    pub fn title_in(&self, language: &str) -> &str {
        localized(&self.title, language, &self.default_language)
    }

    /// Every bundle path the manifest's activities refer to, with the field that names it.
    pub fn referenced_paths(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        for (i, activity) in self.activities.iter().enumerate() {
            let at = format!("activities[{i}]");
            match activity {
                Activity::Lesson(lesson) => {
                    for (lang, path) in &lesson.body {
                        out.push((format!("{at}.body.{lang}"), path.as_str()));
                    }
                }
                Activity::Video(video) => {
                    out.push((format!("{at}.source.path"), video.source.path.as_str()));
                    if let Some(poster) = &video.poster {
                        out.push((format!("{at}.poster"), poster.as_str()));
                    }
                    for (lang, path) in &video.subtitles {
                        out.push((format!("{at}.subtitles.{lang}"), path.as_str()));
                    }
                    for (lang, path) in &video.transcript {
                        out.push((format!("{at}.transcript.{lang}"), path.as_str()));
                    }
                }
                Activity::Quiz(quiz) => {
                    for (q, question) in quiz.questions.iter().enumerate() {
                        if let Some(image) = &question.image {
                            out.push((format!("{at}.questions[{q}].image"), image.as_str()));
                        }
                    }
                }
                Activity::Survey(_) => {}
            }
        }
        out
    }

    /// Checks the manifest on its own: identifiers, languages, license, quiz answers,
    /// referenced paths' shape. Returns every problem found.
    pub fn check(&self) -> Vec<Diagnostic> {
        self.checked().out
    }

    /// [`Manifest::check`]'s problems and how much of the module each of its languages covers,
    /// complete and partial, from one pass over the manifest.
    pub fn check_with_coverage(&self) -> (Vec<Diagnostic>, Coverage) {
        let checker = self.checked();
        let languages = self
            .languages
            .iter()
            .map(|l| (l, true))
            .chain(self.partial_languages.iter().map(|l| (l, false)))
            .map(|(language, complete)| {
                let missing = checker.missing.get(language).cloned().unwrap_or_default();
                LanguageCoverage {
                    language: language.clone(),
                    complete,
                    translated: checker.pieces.saturating_sub(missing.len()),
                    missing,
                }
            })
            .collect();
        (checker.out, Coverage { pieces: checker.pieces, languages })
    }

    fn checked(&self) -> Checker {
        let mut check = Checker {
            languages: self.languages.iter().cloned().collect(),
            partial: self.partial_languages.iter().cloned().collect(),
            missing: BTreeMap::new(),
            pieces: 0,
            out: Vec::new(),
        };
        check.all(self);
        if let Ok(value) = serde_json::to_value(self) {
            check.no_control_characters(String::new(), &value);
        }
        check
    }
}

/// The first character of `text` that may not appear in a module's texts or a learner's name:
/// control characters (C0, DEL, C1), which a terminal or a log would obey.
pub fn control_character(text: &str) -> Option<char> {
    text.chars().find(|c| c.is_control())
}

/// Why a learner's own writing (a note, a survey's reflection) cannot be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WritingProblem {
    TooLong,
    /// A control character other than a line break or a tab.
    Control,
}

/// A learner's own writing as kept: trimmed, Windows line ends made `\n`, `None` when empty;
/// at most `max` characters and no control character but line breaks and tabs.
pub fn learners_writing(text: &str, max: usize) -> Result<Option<String>, WritingProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > max {
        return Err(WritingProblem::TooLong);
    }
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')) {
        return Err(WritingProblem::Control);
    }
    Ok(Some(text.replace("\r\n", "\n")))
}

/// Picks the text for `language`, falling back to `default`, then to any language.
pub fn localized<'a>(texts: &'a Localized<String>, language: &str, default: &str) -> &'a str {
    localized_with_language(texts, language, default).map_or("", |(text, _)| text)
}

/// The text in `language`, else in English, else in `default` (see `crate::language`), with
/// the language it is in: a page marks a fallback with `lang`.
pub fn localized_with_language<'a>(
    texts: &'a Localized<String>,
    language: &str,
    default: &str,
) -> Option<(&'a str, &'a str)> {
    [language, "en", default]
        .into_iter()
        .find_map(|l| texts.get_key_value(l))
        .or_else(|| texts.iter().next())
        .map(|(l, text)| (text.as_str(), l.as_str()))
}

/// A module id as the format allows it: lowercase ASCII letters and digits in parts joined by
/// `.` or `-`. Never a path: no `/`, `\\` or `..`.
pub fn is_module_id(id: &str) -> bool {
    !id.is_empty()
        && id.split(['.', '-']).all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn is_local_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// How much of a module each language covers: every localized value (a title, a lesson, an
/// option, a subtitle file…) is one piece.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub pieces: usize,
    pub languages: Vec<LanguageCoverage>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LanguageCoverage {
    pub language: String,
    /// Declared complete (`languages`), or partial (`partial_languages`).
    pub complete: bool,
    pub translated: usize,
    /// The `module.json` fields this language lacks.
    pub missing: Vec<String>,
}

impl Coverage {
    /// A warning for each partial language, saying how much is missing and what shows instead.
    pub fn warnings(&self, manifest: &Manifest) -> Vec<Diagnostic> {
        let fallback =
            if manifest.languages.iter().any(|l| l == "en") { "en" } else { &manifest.default_language };
        self.languages
            .iter()
            .filter(|l| !l.complete && !l.missing.is_empty())
            .map(|l| {
                let some: Vec<&str> = l.missing.iter().take(3).map(String::as_str).collect();
                let more = if l.missing.len() > 3 { ", …" } else { "" };
                Diagnostic::new(
                    format!("{MANIFEST_PATH}: partial_languages"),
                    format!(
                        "{:?} is partial: {} of {} texts are not translated yet ({}{more}); learners see them in {fallback:?}",
                        l.language,
                        l.missing.len(),
                        self.pieces,
                        some.join(", ")
                    ),
                )
            })
            .collect()
    }
}

struct Checker {
    languages: BTreeSet<String>,
    partial: BTreeSet<String>,
    /// The fields each language (complete or partial) lacks.
    missing: BTreeMap<String, Vec<String>>,
    /// Localized values seen.
    pieces: usize,
    out: Vec<Diagnostic>,
}

impl Checker {
    /// Every string of the manifest, at any depth, is free of control characters.
    fn no_control_characters(&mut self, field: String, value: &serde_json::Value) {
        match value {
            serde_json::Value::String(text) => {
                if let Some(c) = control_character(text) {
                    self.problem(
                        field,
                        format!(
                            "contains the control character U+{:04X}; module texts may not",
                            u32::from(c)
                        ),
                    );
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.no_control_characters(format!("{field}[{i}]"), item);
                }
            }
            serde_json::Value::Object(members) => {
                for (name, member) in members {
                    let field = if field.is_empty() { name.clone() } else { format!("{field}.{name}") };
                    self.no_control_characters(field, member);
                }
            }
            _ => {}
        }
    }

    fn problem(&mut self, field: impl AsRef<str>, message: impl Into<String>) {
        self.out.push(Diagnostic::new(format!("{MANIFEST_PATH}: {}", field.as_ref()), message));
    }

    fn all(&mut self, m: &Manifest) {
        if !is_module_id(&m.id) {
            self.problem("id", format!("{:?} is not a valid module id (lowercase letters, digits, '.' and '-', e.g. \"dlis.faire-avec\")", m.id));
        }
        self.languages_declared(m);
        self.text("title", &m.title);
        self.text("description", &m.description);
        self.localized("objectives", &m.objectives, |list| {
            !list.is_empty() && list.iter().all(|o| !o.trim().is_empty())
        });
        if m.organisation.name.trim().is_empty() {
            self.problem("organisation.name", "the issuing organisation must be named");
        }
        if m.authors.is_empty() {
            self.problem("authors", "list at least one author");
        }
        if let Err(err) = spdx::Expression::parse(&m.license) {
            self.problem(
                "license",
                format!(
                    "{:?} is not an SPDX license expression ({}); e.g. \"CC-BY-SA-4.0\"",
                    m.license, err.reason
                ),
            );
        }
        if m.estimated_minutes == 0 {
            self.problem("estimated_minutes", "must be at least 1");
        }
        if m.activities.is_empty() {
            self.problem("activities", "a module needs at least one activity");
        }
        self.unique_ids("activities", m.activities.iter().map(Activity::id));
        for (i, activity) in m.activities.iter().enumerate() {
            self.activity(&format!("activities[{i}]"), activity);
        }
        if let Some(percent) = m.completion.videos_watched_percent
            && !(1..=100).contains(&percent)
        {
            self.problem("completion.videos_watched_percent", "must be between 1 and 100");
        }
        for (i, id) in m.strengthens.iter().enumerate() {
            if !is_local_id(id) {
                self.problem(
                    format!("strengthens[{i}]"),
                    format!("{id:?} is not a dimension id (lowercase letters, digits and '-')"),
                );
            }
        }
        let survey = m.activities.iter().any(|a| matches!(a, Activity::Survey(_)));
        if (survey || !m.strengthens.is_empty()) && m.format < SURVEY_FORMAT {
            self.problem(
                "format",
                "surveys and `strengthens` are bundle format 1.2: write \"format\": \"1.2\" (DLIS Learn before 1.2 cannot read them)",
            );
        }
        for (field, path) in m.referenced_paths() {
            if let Err(problem) = paths::check(path) {
                self.problem(field, format!("{path:?}: {problem}"));
            }
        }
    }

    fn languages_declared(&mut self, m: &Manifest) {
        let mut seen = HashSet::new();
        for tag in &m.languages {
            if let Err(err) = oxilangtag::LanguageTag::parse(tag.as_str()) {
                self.problem("languages", format!("{tag:?} is not a BCP 47 language tag ({err})"));
            }
            if !seen.insert(tag) {
                self.problem("languages", format!("{tag:?} is listed twice"));
            }
        }
        for required in REQUIRED_LANGUAGES {
            if !self.languages.contains(required) {
                self.problem(
                    "languages",
                    format!("every DLIS module is offered in at least French and English; add {required:?}"),
                );
            }
        }
        if !self.languages.contains(&m.default_language) {
            self.problem("default_language", format!("{:?} is not one of `languages`", m.default_language));
        }
        for tag in &m.partial_languages {
            if let Err(err) = oxilangtag::LanguageTag::parse(tag.as_str()) {
                self.problem("partial_languages", format!("{tag:?} is not a BCP 47 language tag ({err})"));
            }
            if !seen.insert(tag) {
                self.problem("partial_languages", format!("{tag:?} is listed twice, or also in `languages`"));
            }
        }
        if !m.partial_languages.is_empty() && m.format < PARTIAL_FORMAT {
            self.problem(
                "partial_languages",
                "partial translations are bundle format 1.1: write \"format\": \"1.1\" (DLIS Learn before 1.1 cannot read them)",
            );
        }
    }

    /// A localized value must exist in every complete language, may exist in a partial one,
    /// and is `ok` in each language it has.
    fn localized<T>(&mut self, field: &str, value: &Localized<T>, ok: impl Fn(&T) -> bool) {
        self.pieces += 1;
        for (lang, complete) in self
            .languages
            .clone()
            .into_iter()
            .map(|l| (l, true))
            .chain(self.partial.clone().into_iter().map(|l| (l, false)))
        {
            match value.get(&lang) {
                None => {
                    if complete {
                        self.problem(field, format!("missing the {lang:?} version"));
                    }
                    self.missing.entry(lang).or_default().push(field.to_owned());
                }
                Some(v) if !ok(v) => self.problem(format!("{field}.{lang}"), "is empty"),
                Some(_) => {}
            }
        }
        for lang in value.keys() {
            if !self.languages.contains(lang) && !self.partial.contains(lang) {
                self.problem(
                    format!("{field}.{lang}"),
                    format!("{lang:?} is not declared in `languages` nor `partial_languages`"),
                );
            }
        }
    }

    fn text(&mut self, field: &str, value: &Localized<String>) {
        self.localized(field, value, |s| !s.trim().is_empty());
    }

    fn unique_ids<'a>(&mut self, field: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if !is_local_id(id) {
                self.problem(
                    format!("{field}[{i}].id"),
                    format!("{id:?} is not a valid id (lowercase letters, digits and '-')"),
                );
            }
            if !seen.insert(id) {
                self.problem(format!("{field}[{i}].id"), format!("{id:?} is used twice"));
            }
        }
    }

    fn activity(&mut self, at: &str, activity: &Activity) {
        self.text(&format!("{at}.title"), activity.title());
        match activity {
            Activity::Lesson(lesson) => {
                self.text(&format!("{at}.body"), &lesson.body);
                for (lang, path) in &lesson.body {
                    if !path.ends_with(".md") {
                        self.problem(
                            format!("{at}.body.{lang}"),
                            format!("{path:?}: a lesson is a Markdown file ending in .md"),
                        );
                    }
                }
            }
            Activity::Video(video) => {
                match VIDEO_TYPES.iter().find(|(media_type, _)| *media_type == video.source.media_type) {
                    None => self.problem(
                        format!("{at}.source.media_type"),
                        format!("{:?} is not supported; use \"video/webm\" (VP9/Opus) or \"video/mp4\" (H.264/AAC)", video.source.media_type),
                    ),
                    Some((media_type, extension)) if !video.source.path.ends_with(&format!(".{extension}")) => self.problem(
                        format!("{at}.source.path"),
                        format!("{:?} does not end in .{extension} as {media_type} files do", video.source.path),
                    ),
                    Some(_) => {}
                }
                if !(video.duration_seconds.is_finite() && video.duration_seconds > 0.0) {
                    self.problem(format!("{at}.duration_seconds"), "must be a positive number of seconds");
                }
                self.text(&format!("{at}.subtitles"), &video.subtitles);
                self.text(&format!("{at}.transcript"), &video.transcript);
                for (lang, path) in &video.subtitles {
                    if !path.ends_with(".vtt") {
                        self.problem(
                            format!("{at}.subtitles.{lang}"),
                            format!("{path:?}: subtitles are WebVTT files ending in .vtt"),
                        );
                    }
                }
            }
            Activity::Quiz(quiz) => self.quiz(at, quiz),
            Activity::Survey(survey) => self.survey(at, survey),
        }
    }

    fn survey(&mut self, at: &str, survey: &Survey) {
        self.text(&format!("{at}.intro"), &survey.intro);
        if !(2..=10).contains(&survey.scale.len()) {
            self.problem(format!("{at}.scale"), "a scale has 2 to 10 points");
        }
        for (i, point) in survey.scale.iter().enumerate() {
            self.text(&format!("{at}.scale[{i}].label"), &point.label);
        }
        if survey.dimensions.is_empty() {
            self.problem(format!("{at}.dimensions"), "a survey needs at least one dimension");
        }
        self.unique_ids(&format!("{at}.dimensions"), survey.dimensions.iter().map(|d| d.id.as_str()));
        // Statement ids are unique across the survey: a response names the statement alone.
        self.unique_ids(&format!("{at}.statements"), survey.statements().map(|(_, s)| s.id.as_str()));
        for (d, dimension) in survey.dimensions.iter().enumerate() {
            let dat = format!("{at}.dimensions[{d}]");
            self.text(&format!("{dat}.title"), &dimension.title);
            if dimension.statements.is_empty() {
                self.problem(format!("{dat}.statements"), "a dimension needs at least one statement");
            }
            for (i, statement) in dimension.statements.iter().enumerate() {
                self.text(&format!("{dat}.statements[{i}].text"), &statement.text);
            }
        }
        if let Some(reflection) = &survey.reflection {
            self.text(&format!("{at}.reflection"), reflection);
        }
    }

    fn quiz(&mut self, at: &str, quiz: &Quiz) {
        if quiz.pass_mark_percent > 100 {
            self.problem(format!("{at}.pass_mark_percent"), "must be between 0 and 100");
        }
        if quiz.max_attempts == Some(0) {
            self.problem(format!("{at}.max_attempts"), "must be at least 1, or null for unlimited attempts");
        }
        if quiz.questions.is_empty() {
            self.problem(format!("{at}.questions"), "a quiz needs at least one question");
        }
        self.unique_ids(&format!("{at}.questions"), quiz.questions.iter().map(|q| q.id.as_str()));
        for (q, question) in quiz.questions.iter().enumerate() {
            let qat = format!("{at}.questions[{q}]");
            self.text(&format!("{qat}.prompt"), &question.prompt);
            if !(question.points.is_finite() && question.points > 0.0) {
                self.problem(format!("{qat}.points"), "must be a positive number");
            }
            if let Some(feedback) = &question.feedback {
                self.text(&format!("{qat}.feedback.correct"), &feedback.correct);
                self.text(&format!("{qat}.feedback.incorrect"), &feedback.incorrect);
            }
            self.answer(&format!("{qat}.answer"), &question.answer);
        }
    }

    fn choices(&mut self, field: &str, choices: &[Choice], minimum: usize) {
        if choices.len() < minimum {
            self.problem(field, format!("needs at least {minimum} entries"));
        }
        self.unique_ids(field, choices.iter().map(|c| c.id.as_str()));
        for (i, choice) in choices.iter().enumerate() {
            self.text(&format!("{field}[{i}].text"), &choice.text);
        }
    }

    fn answer(&mut self, at: &str, answer: &Answer) {
        let known = |options: &[Choice], id: &str| options.iter().any(|o| o.id == id);
        match answer {
            Answer::SingleChoice { options, correct } => {
                self.choices(&format!("{at}.options"), options, 2);
                if !known(options, correct) {
                    self.problem(
                        format!("{at}.correct"),
                        format!("{correct:?} is not the id of one of the options"),
                    );
                }
            }
            Answer::MultipleChoice { options, correct, .. } => {
                self.choices(&format!("{at}.options"), options, 2);
                if correct.is_empty() {
                    self.problem(format!("{at}.correct"), "name at least one right option");
                }
                for id in correct {
                    if !known(options, id) {
                        self.problem(
                            format!("{at}.correct"),
                            format!("{id:?} is not the id of one of the options"),
                        );
                    }
                }
                if correct.iter().collect::<HashSet<_>>().len() != correct.len() {
                    self.problem(format!("{at}.correct"), "an option is listed twice");
                }
            }
            Answer::TrueFalse { .. } => {}
            Answer::Ordering { items } => self.choices(&format!("{at}.items"), items, 2),
            Answer::Matching { pairs, .. } => {
                if pairs.len() < 2 {
                    self.problem(format!("{at}.pairs"), "needs at least 2 entries");
                }
                self.unique_ids(&format!("{at}.pairs"), pairs.iter().map(|p| p.id.as_str()));
                for (i, pair) in pairs.iter().enumerate() {
                    self.text(&format!("{at}.pairs[{i}].left"), &pair.left);
                    self.text(&format!("{at}.pairs[{i}].right"), &pair.right);
                }
            }
            Answer::ShortText { accepted, .. } => {
                self.localized(&format!("{at}.accepted"), accepted, |list| {
                    !list.is_empty() && list.iter().all(|a| !a.trim().is_empty())
                });
            }
        }
    }
}

/// The JSON Schema of `module.json`, generated from the types above.
pub fn json_schema() -> serde_json::Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Manifest)).expect("schema serialises");
    if let Some(object) = schema.as_object_mut() {
        object.insert("$id".into(), "https://dlis-learn.eu/schema/module-1.2.json".into());
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_ids_and_local_ids() {
        assert!(is_module_id("dlis.faire-avec"));
        assert!(is_module_id("a1"));
        for bad in ["", "Dlis", "a..b", "a-", ".a", "a b", "é"] {
            assert!(!is_module_id(bad), "{bad:?}");
        }
        assert!(is_local_id("q-10"));
        assert!(!is_local_id("q.1"));
    }

    #[test]
    fn a_future_format_is_refused_before_field_errors() {
        let err = Manifest::parse(br#"{"format": 2, "whatever": true}"#).unwrap_err();
        assert!(
            matches!(err, ManifestError::UnknownFormat { found: Format { major: 2, minor: 0 } }),
            "{err}"
        );
        let err = Manifest::parse(br#"{"format": "1.3"}"#).unwrap_err();
        assert!(
            err.to_string().contains("bundle format 1.3") && err.to_string().contains("up to 1.2"),
            "{err}"
        );
        assert!(err.to_string().contains("update DLIS Learn"));
    }

    #[test]
    fn field_errors_name_the_field() {
        let err = Manifest::parse(br#"{"format": 1, "id": 3}"#).unwrap_err();
        assert!(err.to_string().contains("module.json: id"), "{err}");
    }

    #[test]
    fn localized_falls_back_to_english_then_the_default_language() {
        let texts: Localized<String> =
            [("fr".into(), "Bonjour".into()), ("en".into(), "Hello".into())].into();
        assert_eq!(localized(&texts, "en", "fr"), "Hello");
        assert_eq!(localized(&texts, "ro", "fr"), "Hello", "English before the default");
        let no_english: Localized<String> =
            [("fr".into(), "Bonjour".into()), ("de".into(), "Hallo".into())].into();
        assert_eq!(localized_with_language(&no_english, "ro", "fr"), Some(("Bonjour", "fr")));
    }
}
