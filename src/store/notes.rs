//! A learner's private notes on lessons and capsules. A capsule's note keeps the time it is
//! about, to jump back to it.
//!
//! Notes stay in their own table: nothing puts them in the outbox, so they never reach the
//! institution's LRS nor an export file for it. Only the learner exports them, as Markdown
//! ([`notes_markdown`]), to a place they choose. Deleting the profile deletes them.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::{Cached, Store, StoreError, now};
use crate::manifest::{Activity, Manifest, WritingProblem, learners_writing, localized};

/// Longest note kept, in characters: a page of text.
pub const MAX_NOTE: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    pub id: i64,
    pub module_id: String,
    pub activity_id: String,
    /// The capsule's time the note is about, in seconds; `None` on a lesson.
    pub at_seconds: Option<f64>,
    pub text: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, thiserror::Error)]
pub enum NoteError {
    #[error("a note cannot be empty")]
    Empty,
    #[error("a note is at most {MAX_NOTE} characters")]
    TooLong,
    #[error("a note cannot hold control characters other than line breaks and tabs")]
    Control,
    #[error("module {module} has no lesson or capsule {activity:?} to write a note on")]
    NoPlace { module: String, activity: String },
    #[error("a time in a note must be within the capsule (0 to {duration} s), not {at}")]
    BadTime { at: f64, duration: f64 },
    #[error("this profile has no note {0}")]
    Unknown(i64),
    #[error("no learner profile {0:?} (see `dlis learners`)")]
    NoLearner(String),
    #[error("cannot write {}: {source}", path.display())]
    Write { path: std::path::PathBuf, source: std::io::Error },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for NoteError {
    fn from(err: rusqlite::Error) -> NoteError {
        NoteError::Store(err.into())
    }
}

fn clean(text: &str) -> Result<String, NoteError> {
    match learners_writing(text, MAX_NOTE) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Err(NoteError::Empty),
        Err(WritingProblem::TooLong) => Err(NoteError::TooLong),
        Err(WritingProblem::Control) => Err(NoteError::Control),
    }
}

impl Store {
    /// Writes a note on a lesson or (at a time, if given) a capsule of `module`.
    pub fn add_note(
        &self,
        learner_id: &str,
        module: &Manifest,
        activity_id: &str,
        at_seconds: Option<f64>,
        text: &str,
    ) -> Result<Note, NoteError> {
        let text = clean(text)?;
        let no_place = || NoteError::NoPlace { module: module.id.clone(), activity: activity_id.to_owned() };
        match module.activities.iter().find(|a| a.id() == activity_id).ok_or_else(no_place)? {
            Activity::Lesson(_) if at_seconds.is_none() => {}
            Activity::Video(video) => {
                if let Some(at) = at_seconds
                    && !(at.is_finite() && (0.0..=video.duration_seconds).contains(&at))
                {
                    return Err(NoteError::BadTime { at, duration: video.duration_seconds });
                }
            }
            _ => return Err(no_place()),
        }
        let known: bool =
            self.conn
                .one("SELECT count(*) > 0 FROM learner WHERE id = ?1", [learner_id], |row| row.get(0))?;
        if !known {
            return Err(NoteError::NoLearner(learner_id.to_owned()));
        }
        let (_, at) = now();
        self.conn.run(
            "INSERT INTO note (learner_id, module_id, activity_id, at_seconds, body, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            (learner_id, &module.id, activity_id, at_seconds, &text, &at),
        )?;
        self.note(learner_id, self.conn.last_insert_rowid())
    }

    /// The learner's notes, in one module or in all, in the order they were written.
    pub fn notes(&self, learner_id: &str, module_id: Option<&str>) -> Result<Vec<Note>, NoteError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, module_id, activity_id, at_seconds, body, created_at, updated_at FROM note
             WHERE learner_id = ?1 AND (?2 IS NULL OR module_id = ?2) ORDER BY id",
        )?;
        let rows = stmt.query_map((learner_id, module_id), row_to_note)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Deletes a note of the learner's.
    pub fn delete_note(&self, learner_id: &str, id: i64) -> Result<(), NoteError> {
        if self.conn.run("DELETE FROM note WHERE id = ?1 AND learner_id = ?2", (id, learner_id))? == 0 {
            return Err(NoteError::Unknown(id));
        }
        Ok(())
    }

    fn note(&self, learner_id: &str, id: i64) -> Result<Note, NoteError> {
        self.conn
            .one(
                "SELECT id, module_id, activity_id, at_seconds, body, created_at, updated_at FROM note
                 WHERE id = ?1 AND learner_id = ?2",
                (id, learner_id),
                row_to_note,
            )
            .optional()?
            .ok_or(NoteError::Unknown(id))
    }
}

fn row_to_note(row: &rusqlite::Row<'_>) -> rusqlite::Result<Note> {
    Ok(Note {
        id: row.get(0)?,
        module_id: row.get(1)?,
        activity_id: row.get(2)?,
        at_seconds: row.get(3)?,
        text: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
    })
}

/// `m:ss`, or `h:mm:ss` past an hour: how players show a time.
pub fn clock(seconds: f64) -> String {
    let total = seconds.max(0.0).floor() as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 { format!("{h}:{m:02}:{s:02}") } else { format!("{m}:{s:02}") }
}

/// The notes as a Markdown document, grouped by module and activity in the modules' order,
/// titled in `language` from the installed `modules` (a module no longer installed keeps its
/// notes under its id).
pub fn notes_markdown(title: &str, notes: &[Note], modules: &[&Manifest], language: &str) -> String {
    let mut by_module: BTreeMap<&str, Vec<&Note>> = BTreeMap::new();
    for note in notes {
        by_module.entry(&note.module_id).or_default().push(note);
    }
    let mut out = String::new();
    let _ = writeln!(out, "# {title}\n");
    for (module_id, notes) in by_module {
        let module = modules.iter().find(|m| m.id == module_id);
        let module_title = module.map_or(module_id, |m| localized(&m.title, language, &m.default_language));
        let _ = writeln!(out, "## {module_title}\n");
        let order = |activity: &str| {
            module.and_then(|m| m.activities.iter().position(|a| a.id() == activity)).unwrap_or(usize::MAX)
        };
        let mut notes = notes;
        notes.sort_by_key(|n| (order(&n.activity_id), n.at_seconds.map(|s| (s * 1000.0) as i64), n.id));
        let mut current: Option<&str> = None;
        for note in notes {
            if current != Some(note.activity_id.as_str()) {
                let heading = module
                    .and_then(|m| {
                        let activity = m.activities.iter().find(|a| a.id() == note.activity_id)?;
                        Some(localized(activity.title(), language, &m.default_language))
                    })
                    .unwrap_or(&note.activity_id);
                let _ = writeln!(out, "### {heading}\n");
                current = Some(&note.activity_id);
            }
            if let Some(at) = note.at_seconds {
                let _ = write!(out, "**{}** ", clock(at));
            }
            let _ = writeln!(out, "{}\n", note.text);
        }
    }
    out
}

/// Writes the learner's notes as Markdown to `path` (a file they chose), atomically; returns
/// how many there were. Only ever called for the learner themselves: the app's signed-in
/// learner, or `dlis notes export` behind the profile's PIN.
pub fn export_notes(
    store: &Store,
    learner_id: &str,
    modules: &[&Manifest],
    title: &str,
    path: &std::path::Path,
) -> Result<usize, NoteError> {
    let language =
        store.learner(learner_id).map_err(|_| NoteError::NoLearner(learner_id.to_owned()))?.language;
    let notes = store.notes(learner_id, None)?;
    let markdown = notes_markdown(title, &notes, modules, &language);
    crate::durable::write_whole(path, markdown.as_bytes())
        .map_err(|source| NoteError::Write { path: path.to_owned(), source })?;
    Ok(notes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_players_show_them() {
        assert_eq!(clock(7.4), "0:07");
        assert_eq!(clock(75.0), "1:15");
        assert_eq!(clock(3723.9), "1:02:03");
        assert_eq!(clock(-3.0), "0:00");
    }

    #[test]
    fn notes_of_a_module_no_longer_installed_keep_their_ids() {
        let note = Note {
            id: 1,
            module_id: "gone.module".into(),
            activity_id: "intro".into(),
            at_seconds: None,
            text: "still mine".into(),
            created_at: String::new(),
            updated_at: String::new(),
        };
        let markdown = notes_markdown("Notes", &[note], &[], "fr");
        assert_eq!(markdown, "# Notes\n\n## gone.module\n\n### intro\n\nstill mine\n\n");
    }
}
