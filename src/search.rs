//! Search everything installed: module titles, descriptions and objectives, activity titles,
//! lessons paragraph by paragraph, capsule transcripts and subtitle cues, in every language a
//! module has. Quiz questions, answers and feedback are never indexed.
//!
//! The index is SQLite FTS5 in its own file (`search.db`), derived from the installed bundles:
//! [`SearchIndex::sync`] indexes what is installed and not yet indexed (or indexed at another
//! version) and forgets what was removed, so that an index that is missing, damaged or from
//! an older schema is simply made again. Text is matched folded (case and accents away, Greek
//! included, which FTS5's own tokenizer leaves accented); what is shown is the original text,
//! with the words that matched marked.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::bundle::asset::{AssetError, Bundle};
use crate::library::{Library, LibraryError};
use crate::manifest::{Activity, Localized, Manifest};

/// The index's file, in the data directory.
pub const FILE_NAME: &str = "search.db";
/// Bumped when what is indexed changes: an index of another version is made again.
const SCHEMA: i64 = 2;
/// Words of context around the first match in a snippet.
const BEFORE: usize = 8;
const AFTER: usize = 22;

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index {}: {source}", path.display())]
    Index { path: PathBuf, source: rusqlite::Error },
    #[error("cannot remove the damaged search index {}: {source}", path.display())]
    Remove { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Library(#[from] LibraryError),
    #[error(transparent)]
    Asset(#[from] AssetError),
}

/// Where a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// One of the learner's private notes: matched in their own profile by [`matching_text`],
    /// never put in the shared index.
    Note,
    Title,
    Description,
    Objective,
    ActivityTitle,
    Lesson,
    Transcript,
    Subtitle,
}

impl Place {
    fn name(self) -> &'static str {
        match self {
            Place::Title => "title",
            Place::Description => "description",
            Place::Objective => "objective",
            Place::ActivityTitle => "activity_title",
            Place::Lesson => "lesson",
            Place::Transcript => "transcript",
            Place::Subtitle => "subtitle",
            Place::Note => "note",
        }
    }

    fn of(name: &str) -> Place {
        match name {
            "title" => Place::Title,
            "description" => Place::Description,
            "objective" => Place::Objective,
            "activity_title" => Place::ActivityTitle,
            "lesson" => Place::Lesson,
            "transcript" => Place::Transcript,
            _ => Place::Subtitle,
        }
    }
}

/// One passage found.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub module: String,
    pub activity: Option<String>,
    pub place: Place,
    pub language: String,
    /// A subtitle cue's start, in seconds: the capsule opens there.
    pub at: Option<f64>,
    /// The passage's whole text (a lesson's paragraph), for the page to find and show it.
    pub text: String,
    /// The passage around the first match, in pieces; `true` pieces are the words that matched.
    pub snippet: Vec<(String, bool)>,
}

/// The search index of a data directory.
pub struct SearchIndex {
    conn: Connection,
    path: PathBuf,
}

impl SearchIndex {
    /// Opens the index of `data_dir`, making it anew when it is missing, damaged or of another
    /// schema (it holds nothing that the installed bundles do not).
    pub fn open(data_dir: &Path) -> Result<SearchIndex, SearchError> {
        let path = data_dir.join(FILE_NAME);
        match SearchIndex::try_open(&path) {
            Ok(index) => Ok(index),
            Err(_) => {
                for file in [path.clone(), with_suffix(&path, "-wal"), with_suffix(&path, "-shm")] {
                    match std::fs::remove_file(&file) {
                        Ok(()) => {}
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                        Err(source) => return Err(SearchError::Remove { path: file, source }),
                    }
                }
                SearchIndex::try_open(&path)
            }
        }
    }

    fn try_open(path: &Path) -> Result<SearchIndex, SearchError> {
        let err = |source| SearchError::Index { path: path.to_owned(), source };
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let conn = Connection::open(path).map_err(err)?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |row| row.get(0)).map_err(err)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0)).map_err(err)?;
        if check != "ok" || (version != 0 && version != SCHEMA) {
            return Err(err(rusqlite::Error::InvalidQuery));
        }
        conn.execute_batch(&format!(
            "PRAGMA journal_mode = WAL;
             -- Derived from the installed bundles and made again if lost: no need to wait for
             -- the disk at every module indexed.
             PRAGMA synchronous = OFF;
             CREATE TABLE IF NOT EXISTS indexed (module TEXT PRIMARY KEY, version TEXT NOT NULL);
             CREATE VIRTUAL TABLE IF NOT EXISTS passage USING fts5(
                 folded, module UNINDEXED, activity UNINDEXED, place UNINDEXED, language,
                 at UNINDEXED, text UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
             PRAGMA user_version = {SCHEMA};"
        ))
        .map_err(err)?;
        Ok(SearchIndex { conn, path: path.to_owned() })
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> SearchError + '_ {
        |source| SearchError::Index { path: self.path.clone(), source }
    }

    /// Indexes (or indexes again) an installed module; returns how many passages it has.
    pub fn index(&mut self, bundle: &Bundle) -> Result<usize, SearchError> {
        let passages = passages(bundle)?;
        let module = bundle.manifest();
        let path = self.path.clone();
        let err = move |source| SearchError::Index { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(&err)?;
        tx.execute("DELETE FROM passage WHERE module = ?1", [&module.id]).map_err(&err)?;
        {
            let mut insert = tx
                .prepare(
                    "INSERT INTO passage (folded, module, activity, place, language, at, text)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(&err)?;
            for p in &passages {
                insert
                    .execute(params![
                        fold(&p.text),
                        module.id,
                        p.activity,
                        p.place.name(),
                        p.language,
                        p.at,
                        p.text
                    ])
                    .map_err(&err)?;
            }
        }
        tx.execute(
            "INSERT INTO indexed (module, version) VALUES (?1, ?2)
             ON CONFLICT (module) DO UPDATE SET version = ?2",
            [&module.id, &module.version.to_string()],
        )
        .map_err(&err)?;
        tx.commit().map_err(&err)?;
        Ok(passages.len())
    }

    /// Forgets a module.
    pub fn remove(&mut self, module: &str) -> Result<(), SearchError> {
        let path = self.path.clone();
        let err = move |source| SearchError::Index { path: path.clone(), source };
        let tx = self.conn.transaction().map_err(&err)?;
        tx.execute("DELETE FROM passage WHERE module = ?1", [module]).map_err(&err)?;
        tx.execute("DELETE FROM indexed WHERE module = ?1", [module]).map_err(&err)?;
        tx.commit().map_err(&err)
    }

    /// Brings the index in line with what `library` has installed; returns how many modules
    /// were indexed.
    pub fn sync(&mut self, library: &Library) -> Result<usize, SearchError> {
        let (installed, _) = library.list()?;
        let indexed: BTreeMap<String, String> = {
            let mut stmt = self.conn.prepare("SELECT module, version FROM indexed").map_err(self.err())?;
            let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?))).map_err(self.err())?;
            rows.collect::<Result<_, _>>().map_err(self.err())?
        };
        let mut done = 0;
        for module in &installed {
            if indexed.get(&module.manifest.id) != Some(&module.manifest.version.to_string()) {
                let bundle = library.open(&module.manifest.id)?;
                self.index(&bundle)?;
                done += 1;
            }
        }
        for id in indexed.keys() {
            if !installed.iter().any(|m| &m.manifest.id == id) {
                self.remove(id)?;
            }
        }
        Ok(done)
    }

    /// The passages matching every word of `query` (each word also as the start of a longer
    /// one), those in `language` first, then by relevance; at most `limit`.
    pub fn search(&self, query: &str, language: Option<&str>, limit: usize) -> Result<Vec<Hit>, SearchError> {
        let words = words(&fold(query));
        if words.is_empty() {
            return Ok(Vec::new());
        }
        // Each word also as the start of a longer one, from two letters on: a single letter
        // as a prefix would match nearly every passage (and alone, beside longer words, it
        // narrows nothing).
        let long: Vec<&String> = words.iter().filter(|w| w.chars().count() > 1).collect();
        let terms = if long.is_empty() {
            words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>()
        } else {
            long.iter().map(|w| format!("\"{w}\"*")).collect()
        };
        let matching = format!("folded : ({})", terms.join(" "));
        // The learner's language first: that query alone is ranked when it fills the page.
        let mut rows = Vec::new();
        let (first, others) = match language {
            Some(language)
                if !language.is_empty()
                    && language.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') =>
            {
                (
                    Some(format!("{matching} AND language : \"{language}\"")),
                    format!("{matching} NOT language : \"{language}\""),
                )
            }
            _ => (None, matching),
        };
        for expression in first.iter().chain([&others]) {
            if rows.len() >= limit {
                break;
            }
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT module, activity, place, language, at, text FROM passage
                     WHERE passage MATCH ?1 ORDER BY rank LIMIT ?2",
                )
                .map_err(self.err())?;
            let found = stmt
                .query_map(params![expression, (limit - rows.len()) as i64], |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, Option<String>>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, String>(3)?,
                        row.get::<_, Option<f64>>(4)?,
                        row.get::<_, String>(5)?,
                    ))
                })
                .map_err(self.err())?;
            for row in found {
                rows.push(row.map_err(self.err())?);
            }
        }
        let mut hits = Vec::new();
        for (module, activity, place, language, at, text) in rows {
            let snippet = snippet(&text, &words);
            hits.push(Hit { module, activity, place: Place::of(&place), language, at, text, snippet });
        }
        Ok(hits)
    }

    /// Modules indexed, for tests and `dlis search --status`.
    pub fn indexed(&self) -> Result<Vec<(String, String)>, SearchError> {
        let mut stmt =
            self.conn.prepare("SELECT module, version FROM indexed ORDER BY module").map_err(self.err())?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?))).map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// The passages of module `id` in the index, if it is indexed.
    pub fn passages_of(&self, id: &str) -> Result<Option<usize>, SearchError> {
        let indexed: Option<String> = self
            .conn
            .query_row("SELECT version FROM indexed WHERE module = ?1", [id], |row| row.get(0))
            .optional()
            .map_err(self.err())?;
        if indexed.is_none() {
            return Ok(None);
        }
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM passage WHERE module = ?1", [id], |row| row.get(0))
            .map_err(self.err())?;
        Ok(Some(n as usize))
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A passage to index.
pub struct Passage {
    pub activity: Option<String>,
    pub place: Place,
    pub language: String,
    pub at: Option<f64>,
    pub text: String,
}

/// Every passage of an installed module, in each of its languages (only the texts that exist
/// in that language: a fallback is not indexed twice). Quizzes give their titles only.
pub fn passages(bundle: &Bundle) -> Result<Vec<Passage>, SearchError> {
    let module: &Manifest = bundle.manifest();
    let mut out = Vec::new();
    let mut push = |activity: Option<&str>, place: Place, language: &str, at: Option<f64>, text: String| {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            out.push(Passage {
                activity: activity.map(str::to_owned),
                place,
                language: language.to_owned(),
                at,
                text,
            });
        }
    };
    for (language, text) in &module.title {
        push(None, Place::Title, language, None, text.clone());
    }
    for (language, text) in &module.description {
        push(None, Place::Description, language, None, text.clone());
    }
    for (language, objectives) in &module.objectives {
        for objective in objectives {
            push(None, Place::Objective, language, None, objective.clone());
        }
    }
    for activity in &module.activities {
        let id = Some(activity.id());
        for (language, title) in activity.title() {
            push(id, Place::ActivityTitle, language, None, title.clone());
        }
        let files: &[(&Localized<String>, Place)] = match activity {
            Activity::Lesson(lesson) => &[(&lesson.body, Place::Lesson)],
            Activity::Video(video) => {
                &[(&video.transcript, Place::Transcript), (&video.subtitles, Place::Subtitle)]
            }
            // Quizzes would give their answers away; a survey's statements are no lesson.
            Activity::Quiz(_) | Activity::Survey(_) => &[],
        };
        for (files, place) in files {
            for (language, file) in files.iter() {
                let text = String::from_utf8_lossy(&bundle.read(file)?).into_owned();
                if *place == Place::Subtitle {
                    for (start, cue) in crate::translate::vtt::timed_cues(&text) {
                        push(id, *place, language, Some(start), cue);
                    }
                } else {
                    for block in crate::translate::markdown::plain_blocks(&text) {
                        push(id, *place, language, None, block);
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Text as it is matched: case and accents away (French, Romanian and Greek alike), a Greek
/// final sigma as any other.
pub fn fold(text: &str) -> String {
    crate::quiz::fold_text(text, false, false).replace('ς', "σ")
}

/// The snippet of `text` when it holds every word of `query` (each also as the start of a
/// longer word), as the index matches; `None` otherwise. For texts that are not indexed, such
/// as a learner's private notes.
pub fn matching_text(text: &str, query: &str) -> Option<Vec<(String, bool)>> {
    let wanted = words(&fold(query));
    let have = words(&fold(text));
    let found = !wanted.is_empty() && wanted.iter().all(|w| have.iter().any(|h| h.starts_with(w.as_str())));
    found.then(|| snippet(text, &wanted))
}

fn words(folded: &str) -> Vec<String> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
}

/// The part of `text` around its first word that starts like one of `wanted` (folded), with
/// every such word marked.
fn snippet(text: &str, wanted: &[String]) -> Vec<(String, bool)> {
    // Words and what lies between them, in order.
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (at, c) in text.char_indices() {
        let alnum = c.is_alphanumeric();
        if at > 0 && alnum != in_word {
            pieces.push((&text[start..at], in_word));
            start = at;
        }
        in_word = alnum;
    }
    if start < text.len() {
        pieces.push((&text[start..], in_word));
    }
    let hit = |piece: &str| {
        let folded = fold(piece);
        wanted.iter().any(|w| folded.starts_with(w.as_str()))
    };
    let word_indices: Vec<usize> = (0..pieces.len()).filter(|&i| pieces[i].1).collect();
    let first = word_indices.iter().position(|&i| hit(pieces[i].0)).unwrap_or(0);
    let from = word_indices.get(first.saturating_sub(BEFORE)).copied().unwrap_or(0);
    let to = word_indices.get(first + AFTER).copied().unwrap_or(pieces.len());
    let mut out: Vec<(String, bool)> = Vec::new();
    if from > 0 {
        out.push(("…".into(), false));
    }
    for (piece, is_word) in &pieces[from..to] {
        let marked = *is_word && hit(piece);
        match out.last_mut() {
            Some((text, false)) if !marked => text.push_str(piece),
            _ => out.push(((*piece).to_owned(), marked)),
        }
    }
    if to < pieces.len() {
        match out.last_mut() {
            Some((text, false)) => text.push('…'),
            _ => out.push(("…".into(), false)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_takes_case_and_accents_away_in_french_romanian_and_greek() {
        assert_eq!(fold("Démarches à la Préfecture"), "demarches a la prefecture");
        assert_eq!(fold("Însoțirea ȘI"), "insotirea si");
        assert_eq!(fold("ΚΈΝΤΡΑ Κοινότητας, πολίτες"), "κεντρα κοινοτητασ, πολιτεσ");
    }

    #[test]
    fn a_note_matches_when_it_holds_every_word() {
        let note = "Demander à Mme K. quel courrier elle a reçu de la CAF";
        let snippet = matching_text(note, "courrier recu").unwrap();
        let marked: Vec<&str> = snippet.iter().filter(|(_, m)| *m).map(|(t, _)| t.as_str()).collect();
        assert_eq!(marked, ["courrier", "reçu"]);
        assert!(matching_text(note, "courrier impots").is_none());
        assert!(matching_text(note, "  ").is_none());
    }

    #[test]
    fn snippets_mark_the_words_that_matched_and_keep_the_original_text() {
        let text = "Le ΚΕΠ (Κέντρα Εξυπηρέτησης Πολιτών) aide les personnes.";
        let pieces = snippet(text, &words(&fold("κεντρα πολιτ")));
        let marked: Vec<&str> = pieces.iter().filter(|(_, m)| *m).map(|(t, _)| t.as_str()).collect();
        assert_eq!(marked, ["Κέντρα", "Πολιτών"]);
        assert_eq!(pieces.iter().map(|(t, _)| t.as_str()).collect::<String>(), text);
        let long = (0..100).map(|i| format!("mot{i}")).collect::<Vec<_>>().join(" ");
        let cut = snippet(&long, &words("mot50"));
        assert!(cut.first().is_some_and(|p| p.0.starts_with("…mot42 ")), "{cut:?}");
        assert!(cut.last().is_some_and(|p| p.0.ends_with('…')));
    }
}
