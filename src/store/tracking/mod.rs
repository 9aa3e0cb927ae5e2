//! What learners do: lessons read, capsules watched, quizzes taken.
//!
//! Every call is one transaction that appends the event to the `event` log, updates the
//! summaries derived from it, re-evaluates the module's completion rule, and writes the
//! event's xAPI statements to the outbox. Either all of it is stored, or none.
//!
//! Records are keyed by module id and activity id, not by version: after an upgrade, the
//! learner keeps the records of every activity whose id still exists.
//!
//! This file holds the events (lessons, capsules) and the transaction every tracking call
//! runs in; `attempts.rs` the quiz attempts; `surveys.rs` the self-assessments taken;
//! `views.rs` what the screens read back.

use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::Serialize;

use super::{Cached, LearnerError, Store, StoreError, now};
use crate::manifest::{Activity, Manifest, Quiz, Video};
use crate::quiz::ResponseError;
use crate::xapi::{self, Origin, Outcome, Statement, activity_types, verbs};

mod attempts;
mod surveys;
mod views;

pub use crate::completion::Event;
use crate::completion::{merge_interval, watched_percent};
pub use attempts::AttemptView;
pub use surveys::SurveyTake;
use views::module_done;
pub use views::{ActivityProgress, ModuleProgress, QuizProgress, Status, VideoState};

impl Event {
    fn kind(&self) -> &'static str {
        match self {
            Event::LessonOpened { .. } => "lesson_opened",
            Event::LessonTime { .. } => "lesson_time",
            Event::LessonRead { .. } => "lesson_read",
            Event::VideoWatched { .. } => "video_watched",
            Event::VideoPosition { .. } => "video_position",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TrackError {
    #[error("module {module} has no activity {activity:?}")]
    UnknownActivity { module: String, activity: String },
    #[error("activity {activity:?} is a {actual}, not a {expected}")]
    WrongKind { activity: String, expected: &'static str, actual: &'static str },
    #[error("invalid value: {0}")]
    Invalid(String),
    #[error("no attempts left at quiz {quiz:?} (it allows {max})")]
    NoAttemptsLeft { quiz: String, max: u32 },
    #[error("quiz attempt {0} does not exist for this learner and module")]
    UnknownAttempt(i64),
    #[error("quiz attempt {0} is already submitted")]
    AttemptSubmitted(i64),
    #[error("question {0:?} is already answered in this attempt")]
    AlreadyAnswered(String),
    #[error("quiz {quiz:?} has no question {question:?}")]
    UnknownQuestion { quiz: String, question: String },
    #[error(transparent)]
    Response(#[from] ResponseError),
    #[error(transparent)]
    Rating(#[from] crate::survey::RatingError),
    #[error(transparent)]
    Learner(#[from] LearnerError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for TrackError {
    fn from(err: rusqlite::Error) -> Self {
        TrackError::Store(err.into())
    }
}

impl TrackError {
    /// A stable name for the errors a learner can act on (see `SyncError::kind`).
    pub fn kind(&self) -> Option<crate::ErrorKind> {
        match self {
            TrackError::NoAttemptsLeft { .. } => Some(crate::ErrorKind::NoAttempts),
            TrackError::Learner(inner) => inner.kind(),
            _ => None,
        }
    }
}

fn find<'m>(module: &'m Manifest, id: &str) -> Result<&'m Activity, TrackError> {
    module
        .activities
        .iter()
        .find(|a| a.id() == id)
        .ok_or_else(|| TrackError::UnknownActivity { module: module.id.clone(), activity: id.to_owned() })
}

fn wrong_kind(activity: &Activity, expected: &'static str) -> TrackError {
    TrackError::WrongKind { activity: activity.id().to_owned(), expected, actual: activity.kind_name() }
}

fn find_quiz<'m>(module: &'m Manifest, id: &str) -> Result<&'m Quiz, TrackError> {
    match find(module, id)? {
        Activity::Quiz(quiz) => Ok(quiz),
        other => Err(wrong_kind(other, "quiz")),
    }
}

fn finite(value: f64, what: &str) -> Result<f64, TrackError> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(TrackError::Invalid(format!("{what} must be a non-negative number, not {value}")))
    }
}

/// One transaction's worth of work: statements collected while summaries are updated.
struct Tx<'a> {
    tx: Transaction<'a>,
    origin: Origin<'a>,
    learner_id: &'a str,
    at: String,
    statements: Vec<Statement>,
}

impl<'a> Tx<'a> {
    fn event(&self, activity: Option<&str>, kind: &str, payload: &impl Serialize) -> Result<(), TrackError> {
        let payload = serde_json::to_string(payload).map_err(|e| TrackError::Invalid(e.to_string()))?;
        self.tx.run(
            "INSERT INTO event (learner_id, module_id, module_version, activity_id, kind, payload, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            (
                self.learner_id,
                &self.origin.module.id,
                self.origin.module.version.to_string(),
                activity,
                kind,
                payload,
                &self.at,
            ),
        )?;
        Ok(())
    }

    fn statement(&mut self, verb: &'static str, object: xapi::Activity, result: Option<Outcome>) {
        let statement = self.origin.statement(verb, object, result);
        self.statements.push(statement);
    }

    fn object(&self, activity: &Activity) -> xapi::Activity {
        let kind = match activity {
            Activity::Lesson(_) => activity_types::LESSON,
            Activity::Video(_) => activity_types::VIDEO,
            Activity::Quiz(_) => activity_types::QUIZ,
            Activity::Survey(_) => activity_types::SURVEY,
        };
        xapi::activity(xapi::activity_iri(self.origin.module, activity.id()), activity.title(), kind, None)
    }

    /// Notes the last activity, re-evaluates completion, writes the statements, commits.
    fn finish(mut self, activity: &str) -> Result<(), TrackError> {
        let module = self.origin.module;
        let row: Option<(Option<String>, Option<String>)> = self
            .tx
            .one(
                "SELECT last_activity_id, completed_at FROM module_progress WHERE learner_id = ?1 AND module_id = ?2",
                (self.learner_id, &module.id),
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        // Written only when the learner moves to another activity: one page less to log for
        // most events. The time of the last event is read from the activities' summaries.
        let completed = match row {
            Some((last, completed)) => {
                if last.as_deref() != Some(activity) {
                    self.tx.run(
                        "UPDATE module_progress SET last_activity_id = ?3, last_at = ?4 WHERE learner_id = ?1 AND module_id = ?2",
                        (self.learner_id, &module.id, activity, &self.at),
                    )?;
                }
                completed
            }
            None => {
                self.tx.run(
                    "INSERT INTO module_progress (learner_id, module_id, last_activity_id, last_at) VALUES (?1, ?2, ?3, ?4)",
                    (self.learner_id, &module.id, activity, &self.at),
                )?;
                None
            }
        };
        if completed.is_none() && module_done(&self.tx, self.learner_id, module, activity)? {
            self.tx.run(
                "UPDATE module_progress SET completed_at = ?3 WHERE learner_id = ?1 AND module_id = ?2",
                (self.learner_id, &module.id, &self.at),
            )?;
            let object = self.origin.module_object();
            let result = Outcome { completion: Some(true), ..Outcome::default() };
            self.statement(verbs::COMPLETED, object, Some(result));
        }
        for statement in &self.statements {
            let json = serde_json::to_string(statement).map_err(|e| TrackError::Invalid(e.to_string()))?;
            self.tx.run(
                "INSERT INTO outbox (statement_id, learner_id, statement, created_at) VALUES (?1, ?2, ?3, ?4)",
                (&statement.id, self.learner_id, json, &self.at),
            )?;
        }
        self.tx.commit()?;
        Ok(())
    }
}

impl Store {
    /// The learner's language and the account their statements name (`home page`, `name`):
    /// the institutional account while a link is in force (`super::links`), else the
    /// pseudonymous one. One query, since it runs before every event.
    fn speaker(&self, learner_id: &str) -> Result<(String, String, String), TrackError> {
        self.conn
            .one(
                "SELECT learner.language, link.home_page, link.identifier,
                        (SELECT value FROM setting WHERE key = ?2), coalesce(learner.pseudonym, learner.id)
                 FROM learner LEFT JOIN learner_link AS link
                   ON link.learner_id = learner.id AND link.unlinked_at IS NULL
                 WHERE learner.id = ?1",
                (learner_id, super::settings::HOME_PAGE),
                |row| {
                    let linked: (Option<String>, Option<String>) = (row.get(1)?, row.get(2)?);
                    let pseudonymous: (Option<String>, String) = (row.get(3)?, row.get(4)?);
                    Ok((row.get(0)?, linked, pseudonymous))
                },
            )
            .optional()?
            .map(|(language, linked, (home, pseudonym))| match linked {
                (Some(home), Some(identifier)) => (language, home, identifier),
                _ => (language, home.unwrap_or_else(|| xapi::DEFAULT_HOME_PAGE.to_owned()), pseudonym),
            })
            .ok_or_else(|| LearnerError::Unknown { id: learner_id.to_owned() }.into())
    }

    fn begin<'a>(
        &'a mut self,
        learner_id: &'a str,
        module: &'a Manifest,
        language: &'a str,
        home: &'a str,
        account: &'a str,
    ) -> Result<Tx<'a>, TrackError> {
        let (at, stamp) = now();
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        Ok(Tx {
            tx,
            origin: Origin { account_name: account, home_page: home, language, module, at },
            learner_id,
            at: stamp,
            statements: Vec::new(),
        })
    }

    /// Records a lesson or capsule event of `learner_id` in `module`.
    pub fn record(&mut self, learner_id: &str, module: &Manifest, event: &Event) -> Result<(), TrackError> {
        let (language, home, account) = self.speaker(learner_id)?;
        let activity = find(module, event.activity())?;
        let mut tx = self.begin(learner_id, module, &language, &home, &account)?;
        let key = (learner_id, &module.id, activity.id());
        match (event, activity) {
            (Event::LessonOpened { .. }, Activity::Lesson(_)) => {
                tx.tx.run(
                    "INSERT INTO lesson_progress (learner_id, module_id, activity_id, opened_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
                     ON CONFLICT DO UPDATE SET updated_at = ?4",
                    (key.0, key.1, key.2, &tx.at),
                )?;
                let object = tx.object(activity);
                tx.statement(verbs::EXPERIENCED, object, None);
            }
            (Event::LessonTime { seconds, .. }, Activity::Lesson(_)) => {
                let seconds = finite(*seconds, "seconds")?.min(86_400.0);
                tx.tx.run(
                    "INSERT INTO lesson_progress (learner_id, module_id, activity_id, opened_at, seconds, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?4)
                     ON CONFLICT DO UPDATE SET seconds = seconds + ?5, updated_at = ?4",
                    (key.0, key.1, key.2, &tx.at, seconds),
                )?;
            }
            (Event::LessonRead { .. }, Activity::Lesson(_)) => {
                let before: Option<(Option<String>, f64)> = tx
                    .tx
                    .one(
                        "SELECT read_at, seconds FROM lesson_progress WHERE learner_id = ?1 AND module_id = ?2 AND activity_id = ?3",
                        key,
                        |row| Ok((row.get(0)?, row.get(1)?)),
                    )
                    .optional()?;
                tx.tx.run(
                    "INSERT INTO lesson_progress (learner_id, module_id, activity_id, opened_at, read_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4, ?4)
                     ON CONFLICT DO UPDATE SET read_at = coalesce(read_at, ?4), updated_at = ?4",
                    (key.0, key.1, key.2, &tx.at),
                )?;
                if before.as_ref().is_none_or(|(read_at, _)| read_at.is_none()) {
                    let seconds = before.map_or(0.0, |(_, s)| s);
                    let result = Outcome {
                        completion: Some(true),
                        duration: Some(xapi::duration(seconds)),
                        ..Outcome::default()
                    };
                    let object = tx.object(activity);
                    tx.statement(verbs::COMPLETED, object, Some(result));
                }
            }
            (Event::VideoWatched { from, to, subtitle_language, .. }, Activity::Video(video)) => {
                let (from, to) = (finite(*from, "from")?, finite(*to, "to")?);
                if to < from {
                    return Err(TrackError::Invalid(format!(
                        "interval ends ({to}) before it starts ({from})"
                    )));
                }
                let (from, to) = (from.min(video.duration_seconds), to.min(video.duration_seconds));
                watched(&mut tx, video, from, to, subtitle_language.as_deref())?;
            }
            (Event::VideoPosition { position, .. }, Activity::Video(video)) => {
                let position = finite(*position, "position")?.min(video.duration_seconds);
                tx.tx.run(
                    "INSERT INTO video_progress (learner_id, module_id, activity_id, intervals, watched_percent, position, updated_at)
                     VALUES (?1, ?2, ?3, '[]', 0, ?4, ?5) ON CONFLICT DO UPDATE SET position = ?4, updated_at = ?5",
                    (key.0, key.1, key.2, position, &tx.at),
                )?;
            }
            (Event::LessonOpened { .. } | Event::LessonTime { .. } | Event::LessonRead { .. }, other) => {
                return Err(wrong_kind(other, "lesson"));
            }
            (Event::VideoWatched { .. } | Event::VideoPosition { .. }, other) => {
                return Err(wrong_kind(other, "video"));
            }
        }
        tx.event(Some(activity.id()), event.kind(), event)?;
        tx.finish(activity.id())
    }
}

fn watched(
    tx: &mut Tx<'_>,
    video: &Video,
    from: f64,
    to: f64,
    subtitle_language: Option<&str>,
) -> Result<(), TrackError> {
    let key = (tx.learner_id, &tx.origin.module.id, video.id.as_str());
    let (mut state, stored) = video_row(&tx.tx, key.0, key.1, key.2)?.unwrap_or_default();
    let was_completed = state.completed;
    // Watching a part again changes nothing: the stored intervals are written back as they were.
    let intervals = if (to > from && merge_interval(&mut state.intervals, from, to)) || stored.is_empty() {
        serde_json::to_string(&state.intervals).map_err(|e| TrackError::Invalid(e.to_string()))?
    } else {
        stored
    };
    let percent = watched_percent(&state.intervals, video.duration_seconds);
    let threshold = f64::from(tx.origin.module.completion.videos_watched_percent.unwrap_or(90));
    let completes = !was_completed && percent >= threshold;
    tx.tx.run(
        "INSERT INTO video_progress (learner_id, module_id, activity_id, intervals, watched_percent, position, subtitle_language, completed_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CASE WHEN ?8 THEN ?9 END, ?9)
         ON CONFLICT DO UPDATE SET intervals = ?4, watched_percent = ?5, position = ?6,
             subtitle_language = coalesce(?7, subtitle_language),
             completed_at = coalesce(completed_at, CASE WHEN ?8 THEN ?9 END), updated_at = ?9",
        (key.0, key.1, key.2, &intervals, percent, to, subtitle_language, completes, &tx.at),
    )?;
    let watched_seconds: f64 = state.intervals.iter().map(|(a, b)| b - a).sum();
    let progress = serde_json::Value::from(percent.floor() as u64);
    let object = xapi::activity(
        xapi::activity_iri(tx.origin.module, &video.id),
        &video.title,
        activity_types::VIDEO,
        None,
    );
    let result = Outcome { extensions: [(xapi::PROGRESS_EXTENSION, progress)].into(), ..Outcome::default() };
    tx.statement(verbs::PROGRESSED, object.clone(), Some(result));
    if completes {
        let result = Outcome {
            completion: Some(true),
            duration: Some(xapi::duration(watched_seconds)),
            ..Outcome::default()
        };
        tx.statement(verbs::COMPLETED, object, Some(result));
    }
    Ok(())
}

fn video_state(
    conn: &Connection,
    learner_id: &str,
    module_id: &str,
    activity_id: &str,
) -> Result<VideoState, TrackError> {
    Ok(video_row(conn, learner_id, module_id, activity_id)?.map(|(state, _)| state).unwrap_or_default())
}

/// The learner's state in a capsule and its intervals as stored (JSON), when there is one.
fn video_row(
    conn: &Connection,
    learner_id: &str,
    module_id: &str,
    activity_id: &str,
) -> Result<Option<(VideoState, String)>, TrackError> {
    let row: Option<(String, f64, f64, Option<String>, bool)> = conn
        .one(
            "SELECT intervals, watched_percent, position, subtitle_language, completed_at IS NOT NULL
             FROM video_progress WHERE learner_id = ?1 AND module_id = ?2 AND activity_id = ?3",
            (learner_id, module_id, activity_id),
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)),
        )
        .optional()?;
    let Some((stored, watched_percent, position, subtitle_language, completed)) = row else {
        return Ok(None);
    };
    let intervals = serde_json::from_str(&stored).map_err(|e| TrackError::Invalid(e.to_string()))?;
    Ok(Some((VideoState { intervals, watched_percent, position, subtitle_language, completed }, stored)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_merge_and_seeking_does_not_count() {
        let mut watched = Vec::new();
        merge_interval(&mut watched, 0.0, 10.0);
        merge_interval(&mut watched, 50.0, 60.0);
        assert_eq!(watched, [(0.0, 10.0), (50.0, 60.0)]);
        merge_interval(&mut watched, 5.0, 20.0);
        merge_interval(&mut watched, 20.1, 30.0);
        assert_eq!(watched, [(0.0, 30.0), (50.0, 60.0)]);
        assert!(merge_interval(&mut watched, 25.0, 55.0));
        assert_eq!(watched, [(0.0, 60.0)]);
        assert!(!merge_interval(&mut watched, 10.0, 60.0), "watched again: nothing new");
        assert_eq!(watched_percent(&watched, 120.0), 50.0);
        assert_eq!(watched_percent(&[(0.0, 500.0)], 120.0), 100.0);
    }
}
