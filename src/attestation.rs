//! The attestation of training a learner saves or prints once a module is complete: who, which
//! module, issued by whom, when it was completed, the time spent, the quiz score and the
//! module's objectives, as a PDF made on the laptop, in the learner's language (the caller
//! gives the labels: the app its interface texts, `dlis` English).
//!
//! It carries a code that `dlis merge` prints for the same learner and module from the records
//! the institution received: the first 60 bits of SHA-256 over the learner's pseudonymous id,
//! the module id and the completion's timestamp (the very string of the module's `completed`
//! statement), in Crockford's base 32. It matches an attestation with a record; it is not a
//! signature: anyone with the records could make a matching one.

use std::fmt::Write as _;

use krilla::Document;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::completion::ActivityProgress;
use crate::manifest::Manifest;
use crate::store::{Learner, Store};

const REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

#[derive(Debug, thiserror::Error)]
pub enum AttestationError {
    #[error("{learner} has not completed module {module} yet: an attestation comes with completion")]
    NotComplete { learner: String, module: String },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Track(#[from] crate::store::TrackError),
    #[error("cannot make the PDF: {0}")]
    Pdf(String),
    #[error("cannot write {}: {source}", path.display())]
    Write { path: std::path::PathBuf, source: std::io::Error },
}

/// Writes the attestation's PDF to `path`, whole or not at all.
pub fn save(a: &Attestation, labels: &Labels, path: &std::path::Path) -> Result<(), AttestationError> {
    let bytes = pdf(a, labels)?;
    crate::durable::write_whole(path, &bytes)
        .map_err(|source| AttestationError::Write { path: path.to_owned(), source })
}

/// What an attestation says.
#[derive(Debug, Clone, Serialize)]
pub struct Attestation {
    pub learner: String,
    pub module_id: String,
    pub module_version: String,
    pub module_title: String,
    pub issued_by: String,
    /// The completion's timestamp, as the module's `completed` statement has it.
    pub completed_at: String,
    /// Lessons read and capsules watched, in minutes.
    pub minutes: u64,
    /// The best score of each quiz, averaged, in percent.
    pub score: Option<f64>,
    pub objectives: Vec<String>,
    pub language: String,
    pub code: String,
}

/// The texts around the facts, in the learner's language (English by default).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Labels {
    pub title: String,
    pub attests: String,
    pub completed_module: String,
    pub issued_by: String,
    pub completed_on: String,
    pub time_spent: String,
    pub minutes: String,
    pub score: String,
    pub objectives: String,
    pub code: String,
    pub note: String,
}

impl Default for Labels {
    fn default() -> Labels {
        Labels {
            title: "Attestation of training".into(),
            attests: "This attests that".into(),
            completed_module: "completed the training module".into(),
            issued_by: "Issued by".into(),
            completed_on: "Completed on".into(),
            time_spent: "Time spent".into(),
            minutes: "minutes".into(),
            score: "Quiz score".into(),
            objectives: "Objectives".into(),
            code: "Verification code".into(),
            note: "The institution can match this code with the records it received (dlis merge). \
                   This attestation is not a signed credential."
                .into(),
        }
    }
}

/// The code of an attestation of `module_id` completed by `learner_id` at `completed_at`.
pub fn code(learner_id: &str, module_id: &str, completed_at: &str) -> String {
    let digest =
        Sha256::digest(format!("dlis-attestation\n{learner_id}\n{module_id}\n{completed_at}").as_bytes());
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let bits = u64::from_be_bytes(digest[..8].try_into().unwrap_or_default()) >> 4;
    let chars: String = (0..12).rev().map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char).collect();
    format!("{}-{}-{}", &chars[..4], &chars[4..8], &chars[8..])
}

/// The attestation of `learner` for `module`, in `language`, issued by `issuer` (the
/// institution set on this laptop) or else the module's organisation.
pub fn for_learner(
    store: &Store,
    learner: &Learner,
    module: &Manifest,
    language: &str,
    issuer: Option<&str>,
) -> Result<Attestation, AttestationError> {
    let progress = store.module_progress(&learner.id, module)?;
    let Some(completed_at) = progress.completed_at.clone() else {
        return Err(AttestationError::NotComplete {
            learner: learner.display_name.clone(),
            module: module.id.clone(),
        });
    };
    let language = module.display_language(language).to_owned();
    let mut seconds = 0.0;
    let mut scores = Vec::new();
    for (activity, p) in module.activities.iter().zip(&progress.activities) {
        match (activity, p) {
            (_, ActivityProgress::Lesson { seconds: s, .. }) => seconds += s,
            (crate::manifest::Activity::Video(video), ActivityProgress::Video { watched_percent, .. }) => {
                seconds += watched_percent / 100.0 * video.duration_seconds;
            }
            (_, ActivityProgress::Quiz(quiz)) => scores.extend(quiz.best_scaled),
            _ => {}
        }
    }
    let score =
        (!scores.is_empty()).then(|| (scores.iter().sum::<f64>() / scores.len() as f64 * 100.0).round());
    Ok(Attestation {
        learner: learner.display_name.clone(),
        module_id: module.id.clone(),
        module_version: module.version.to_string(),
        module_title: module.title_in(&language).to_owned(),
        issued_by: issuer.unwrap_or(&module.organisation.name).to_owned(),
        code: code(&store.completion_account(&learner.id, &completed_at)?, &module.id, &completed_at),
        completed_at,
        minutes: (seconds / 60.0).round() as u64,
        score,
        objectives: module
            .objectives
            .get(&language)
            .or_else(|| module.objectives.get(&module.default_language))
            .cloned()
            .unwrap_or_default(),
        language,
    })
}

/// The attestation as a one-page A4 PDF.
pub fn pdf(a: &Attestation, labels: &Labels) -> Result<Vec<u8>, AttestationError> {
    let regular =
        Font::new(REGULAR.to_vec().into(), 0).ok_or_else(|| AttestationError::Pdf("font".into()))?;
    let bold = Font::new(BOLD.to_vec().into(), 0).ok_or_else(|| AttestationError::Pdf("font".into()))?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} — {}", labels.title, a.module_title))
            .language(a.language.clone())
            .creator("DLIS Learn".into()),
    );
    let (width, height) = (595.0, 842.0);
    let margin = 64.0;
    let mut page = document.start_page_with(
        PageSettings::from_wh(width, height).ok_or_else(|| AttestationError::Pdf("page size".into()))?,
    );
    let mut surface = page.surface();
    let mut y = margin + 20.0;
    let line = |surface: &mut krilla::surface::Surface,
                font: &Font,
                size: f32,
                text: &str,
                gap: f32,
                y: &mut f32| {
        for part in wrap(text, size, width - 2.0 * margin) {
            surface.draw_text(
                Point::from_xy(margin, *y),
                font.clone(),
                size,
                &part,
                false,
                TextDirection::Auto,
            );
            *y += size * 1.35;
        }
        *y += gap;
    };
    line(&mut surface, &bold, 24.0, &labels.title, 18.0, &mut y);
    line(&mut surface, &regular, 12.0, &labels.attests, 4.0, &mut y);
    line(&mut surface, &bold, 18.0, &a.learner, 4.0, &mut y);
    line(&mut surface, &regular, 12.0, &labels.completed_module, 4.0, &mut y);
    line(&mut surface, &bold, 16.0, &a.module_title, 16.0, &mut y);
    let date = a.completed_at.get(..10).unwrap_or(&a.completed_at);
    let mut facts = vec![
        format!("{}: {}", labels.issued_by, a.issued_by),
        format!("{}: {date}", labels.completed_on),
        format!("{}: {} {}", labels.time_spent, a.minutes, labels.minutes),
    ];
    if let Some(score) = a.score {
        facts.push(format!("{}: {score} %", labels.score));
    }
    for fact in &facts {
        line(&mut surface, &regular, 12.0, fact, 2.0, &mut y);
    }
    y += 12.0;
    if !a.objectives.is_empty() {
        line(&mut surface, &bold, 13.0, &labels.objectives, 4.0, &mut y);
        for objective in &a.objectives {
            line(&mut surface, &regular, 11.0, &format!("• {objective}"), 2.0, &mut y);
        }
        y += 12.0;
    }
    let mut code = String::new();
    let _ = write!(code, "{}: {}", labels.code, a.code);
    let bottom = (height - margin - 60.0).max(y);
    let mut at = bottom;
    line(&mut surface, &bold, 13.0, &code, 4.0, &mut at);
    line(
        &mut surface,
        &regular,
        9.0,
        &format!("{} ({} {})", labels.note, a.module_id, a.module_version),
        0.0,
        &mut at,
    );
    surface.finish();
    page.finish();
    document.finish().map_err(|e| AttestationError::Pdf(format!("{e:?}")))
}

/// `text` cut into lines that fit `width` points at `size` (DejaVu Sans averages under 0.6 em
/// per character: the estimate errs on the short side).
fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let most = ((width / (size * 0.6)) as usize).max(10);
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > most {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_short_and_differ_by_learner_module_and_time() {
        let c = code("d7e8d8e0", "dlis.faire-avec", "2026-11-23T17:10:12.002Z");
        assert_eq!(c, code("d7e8d8e0", "dlis.faire-avec", "2026-11-23T17:10:12.002Z"));
        assert_eq!(c.len(), 14);
        assert!(c.chars().all(|ch| ch == '-' || ch.is_ascii_digit() || ch.is_ascii_uppercase()));
        assert_ne!(c, code("d7e8d8e1", "dlis.faire-avec", "2026-11-23T17:10:12.002Z"));
        assert_ne!(c, code("d7e8d8e0", "dlis.exclusion-numerique", "2026-11-23T17:10:12.002Z"));
        assert_ne!(c, code("d7e8d8e0", "dlis.faire-avec", "2026-11-23T17:10:12.003Z"));
    }

    #[test]
    fn long_lines_are_wrapped_on_words() {
        let lines = wrap(&"mot ".repeat(60), 12.0, 300.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| l.chars().count() <= 42));
    }
}
