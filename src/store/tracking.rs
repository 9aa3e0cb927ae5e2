//! What learners do: lessons read, capsules watched, quizzes taken.
//!
//! Every call is one transaction that appends the event to the `event` log, updates the
//! summaries derived from it, re-evaluates the module's completion rule, and writes the
//! event's xAPI statements to the outbox. Either all of it is stored, or none.
//!
//! Records are keyed by module id and activity id, not by version: after an upgrade, the
//! learner keeps the records of every activity whose id still exists.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::{Cached, LearnerError, Store, StoreError, now};
use crate::manifest::{Activity, FeedbackTiming, Manifest, Quiz, Video};
use crate::quiz::{self, Layout, Response, ResponseError, Scored, Total};
use crate::xapi::{self, Origin, Outcome, Score, Statement, activity_types, verbs};

/// A learning event reported by the player.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// The learner opened a lesson.
    LessonOpened { activity: String },
    /// The learner spent `seconds` more on a lesson (reported periodically and on leaving).
    LessonTime { activity: String, seconds: f64 },
    /// The learner scrolled to the end of a lesson or marked it read.
    LessonRead { activity: String },
    /// The capsule actually played from `from` to `to` seconds (seeks are not intervals).
    VideoWatched { activity: String, from: f64, to: f64, subtitle_language: Option<String> },
    /// Where to resume the capsule (on pause, seek or leaving).
    VideoPosition { activity: String, position: f64 },
}

impl Event {
    fn activity(&self) -> &str {
        match self {
            Event::LessonOpened { activity }
            | Event::LessonTime { activity, .. }
            | Event::LessonRead { activity }
            | Event::VideoWatched { activity, .. }
            | Event::VideoPosition { activity, .. } => activity,
        }
    }

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

/// Where a learner is in a capsule.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct VideoState {
    /// Intervals actually played, merged and sorted, in seconds.
    pub intervals: Vec<(f64, f64)>,
    pub watched_percent: f64,
    pub position: f64,
    pub subtitle_language: Option<String>,
    /// True once the capsule was watched to the completion threshold.
    pub completed: bool,
}

/// A quiz attempt as the player shows it: its layout, the answers so far, its result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttemptView {
    pub attempt_id: i64,
    pub number: u32,
    pub layout: Layout,
    pub answers: BTreeMap<String, (Response, Scored)>,
    pub total: Option<Total>,
    /// Attempts still allowed after this one; `None` when unlimited.
    pub attempts_left: Option<u32>,
}

/// A learner's progress in one module.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleProgress {
    pub module_id: String,
    pub last_activity_id: Option<String>,
    pub last_at: Option<String>,
    pub completed_at: Option<String>,
    pub activities: Vec<ActivityProgress>,
    /// Each activity's status by id, as every screen shows it ([`ActivityProgress::status`]).
    pub status: BTreeMap<String, Status>,
    /// How many activities are done; the module is complete once they all are.
    pub done: usize,
}

impl ModuleProgress {
    /// A module nobody has started: each activity as the store reads it when it has no row.
    pub fn fresh(module: &Manifest) -> ModuleProgress {
        ModuleProgress::of(module, module.activities.iter().map(fresh).collect(), None, None, None)
    }

    fn of(
        module: &Manifest,
        activities: Vec<ActivityProgress>,
        last_activity_id: Option<String>,
        last_at: Option<String>,
        completed_at: Option<String>,
    ) -> ModuleProgress {
        let status: BTreeMap<String, Status> =
            activities.iter().map(|a| (a.id().to_owned(), a.status(module))).collect();
        ModuleProgress {
            module_id: module.id.clone(),
            last_activity_id,
            last_at,
            completed_at,
            done: status.values().filter(|s| **s == Status::Done).count(),
            status,
            activities,
        }
    }
}

/// Where a learner stands with an activity. `Done` is [`ActivityProgress::done`], the part
/// the activity plays in the module's completion rule, so that what the screens count and
/// what completes the module never disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    InProgress,
    Done,
}

/// A learner's progress in one activity.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActivityProgress {
    Lesson { id: String, opened: bool, read: bool, seconds: f64 },
    Video { id: String, watched_percent: f64, position: f64, completed: bool },
    Quiz(QuizProgress),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuizProgress {
    pub id: String,
    pub attempts: u32,
    pub best_scaled: Option<f64>,
    pub passed: bool,
    pub in_progress: bool,
    pub attempts_left: Option<u32>,
}

impl ActivityProgress {
    pub fn id(&self) -> &str {
        match self {
            ActivityProgress::Lesson { id, .. } | ActivityProgress::Video { id, .. } => id,
            ActivityProgress::Quiz(quiz) => &quiz.id,
        }
    }

    /// Done when it meets its part of the completion rule; otherwise in progress once the
    /// learner started it (opened, watched, attempted).
    pub fn status(&self, module: &Manifest) -> Status {
        let started = match self {
            ActivityProgress::Lesson { opened, read, .. } => *opened || *read,
            ActivityProgress::Video { watched_percent, position, completed, .. } => {
                *completed || *watched_percent > 0.0 || *position > 0.0
            }
            ActivityProgress::Quiz(quiz) => quiz.attempts > 0 || quiz.in_progress,
        };
        match (self.done(module), started) {
            (true, _) => Status::Done,
            (false, true) => Status::InProgress,
            (false, false) => Status::NotStarted,
        }
    }

    /// True when this activity meets its part of the module's completion rule.
    pub fn done(&self, module: &Manifest) -> bool {
        let rule = &module.completion;
        match self {
            ActivityProgress::Lesson { read, .. } => !rule.all_lessons_read || *read,
            ActivityProgress::Video { watched_percent, .. } => {
                rule.videos_watched_percent.is_none_or(|p| *watched_percent >= f64::from(p))
            }
            ActivityProgress::Quiz(quiz) => !rule.quizzes_passed || quiz.passed,
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

/// Adds `[from, to]` to sorted, merged intervals. Gaps under a quarter second (rounding in
/// the player's reports) are merged too. False when an interval already covered it.
pub(crate) fn merge_interval(intervals: &mut Vec<(f64, f64)>, from: f64, to: f64) -> bool {
    if intervals.iter().any(|&(start, end)| start <= from && to <= end) {
        return false;
    }
    intervals.push((from, to));
    intervals.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f64, f64)> = Vec::with_capacity(intervals.len());
    for &(start, end) in intervals.iter() {
        match merged.last_mut() {
            Some(last) if start <= last.1 + 0.25 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    *intervals = merged;
    true
}

fn watched_percent(intervals: &[(f64, f64)], duration: f64) -> f64 {
    let watched: f64 = intervals.iter().map(|(a, b)| b - a).sum();
    (watched / duration * 100.0).clamp(0.0, 100.0)
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
    /// The learner's language and the home page of their account: what every statement
    /// carries. One query, since it runs before every event.
    fn language_and_home(&self, learner_id: &str) -> Result<(String, String), TrackError> {
        self.conn
            .one(
                "SELECT language, (SELECT value FROM setting WHERE key = ?2) FROM learner WHERE id = ?1",
                (learner_id, super::settings::HOME_PAGE),
                |row| Ok((row.get(0)?, row.get::<_, Option<String>>(1)?)),
            )
            .optional()?
            .map(|(language, home)| (language, home.unwrap_or_else(|| xapi::DEFAULT_HOME_PAGE.to_owned())))
            .ok_or_else(|| LearnerError::Unknown { id: learner_id.to_owned() }.into())
    }

    fn begin<'a>(
        &'a mut self,
        learner_id: &'a str,
        module: &'a Manifest,
        language: &'a str,
        home: &'a str,
    ) -> Result<Tx<'a>, TrackError> {
        let (at, stamp) = now();
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        Ok(Tx {
            tx,
            origin: Origin { learner_id, home_page: home, language, module, at },
            learner_id,
            at: stamp,
            statements: Vec::new(),
        })
    }

    /// Records a lesson or capsule event of `learner_id` in `module`.
    pub fn record(&mut self, learner_id: &str, module: &Manifest, event: &Event) -> Result<(), TrackError> {
        let (language, home) = self.language_and_home(learner_id)?;
        let activity = find(module, event.activity())?;
        let mut tx = self.begin(learner_id, module, &language, &home)?;
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

    /// Starts an attempt at a quiz, or resumes the open one exactly as it was.
    pub fn start_quiz(
        &mut self,
        learner_id: &str,
        module: &Manifest,
        quiz_id: &str,
    ) -> Result<AttemptView, TrackError> {
        let quiz = find_quiz(module, quiz_id)?;
        let (language, home) = self.language_and_home(learner_id)?;
        let version = module.version.to_string();
        let open: Option<i64> = self
            .conn
            .one(
                "SELECT id FROM quiz_attempt WHERE learner_id = ?1 AND module_id = ?2 AND activity_id = ?3
                 AND module_version = ?4 AND submitted_at IS NULL ORDER BY number DESC LIMIT 1",
                (learner_id, &module.id, quiz_id, &version),
                |row| row.get(0),
            )
            .optional()?;
        if let Some(id) = open {
            return attempt_view(&self.conn, id, quiz);
        }
        let (submitted, last): (u32, u32) = self.conn.one(
            "SELECT count(submitted_at), coalesce(max(number), 0) FROM quiz_attempt
             WHERE learner_id = ?1 AND module_id = ?2 AND activity_id = ?3",
            (learner_id, &module.id, quiz_id),
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        if let Some(max) = quiz.max_attempts
            && submitted >= max
        {
            return Err(TrackError::NoAttemptsLeft { quiz: quiz_id.to_owned(), max });
        }
        let seed = rand_core::RngCore::next_u64(&mut rand_core::OsRng);
        let layout = quiz::layout(quiz, seed);
        let mut tx = self.begin(learner_id, module, &language, &home)?;
        tx.tx.run(
            "INSERT INTO quiz_attempt (learner_id, module_id, module_version, activity_id, number, seed, layout, started_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            (
                learner_id,
                &module.id,
                &version,
                quiz_id,
                last + 1,
                seed as i64,
                serde_json::to_string(&layout).map_err(|e| TrackError::Invalid(e.to_string()))?,
                &tx.at,
            ),
        )?;
        let attempt_id = tx.tx.last_insert_rowid();
        let activity = find(module, quiz_id)?;
        let object = tx.object(activity);
        tx.statement(verbs::ATTEMPTED, object, None);
        tx.event(Some(quiz_id), "quiz_started", &serde_json::json!({ "attempt": attempt_id, "seed": seed }))?;
        tx.finish(quiz_id)?;
        attempt_view(&self.conn, attempt_id, quiz)
    }

    /// Records and scores an answer in an open attempt. With feedback "immediate" an answer is
    /// final; with feedback "end" it can be changed until the attempt is submitted.
    pub fn answer(
        &mut self,
        learner_id: &str,
        module: &Manifest,
        attempt_id: i64,
        question_id: &str,
        response: &Response,
    ) -> Result<Scored, TrackError> {
        let (language, home) = self.language_and_home(learner_id)?;
        let (quiz, _) = open_attempt(&self.conn, learner_id, module, attempt_id)?;
        let question = quiz.questions.iter().find(|q| q.id == question_id).ok_or_else(|| {
            TrackError::UnknownQuestion { quiz: quiz.id.clone(), question: question_id.to_owned() }
        })?;
        let scored = quiz::score(question, response, module.display_language(&language))?;
        let answered: bool = self.conn.one(
            "SELECT count(*) > 0 FROM quiz_answer WHERE attempt_id = ?1 AND question_id = ?2",
            (attempt_id, question_id),
            |row| row.get(0),
        )?;
        if answered && quiz.feedback == FeedbackTiming::Immediate {
            return Err(TrackError::AlreadyAnswered(question_id.to_owned()));
        }
        let mut tx = self.begin(learner_id, module, &language, &home)?;
        let response_json =
            serde_json::to_string(response).map_err(|e| TrackError::Invalid(e.to_string()))?;
        tx.tx.run(
            "INSERT INTO quiz_answer (attempt_id, question_id, response, score, max_score, correct, answered_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT DO UPDATE SET response = ?3, score = ?4, max_score = ?5, correct = ?6, answered_at = ?7",
            (attempt_id, question_id, &response_json, scored.score, scored.max, scored.correct, &tx.at),
        )?;
        let object = xapi::activity(
            xapi::question_iri(module, &quiz.id, question_id),
            &question.prompt,
            activity_types::QUESTION,
            Some(xapi::interaction_type(question)),
        );
        let result = Outcome {
            score: Some(Score::new(scored.score, scored.max)),
            success: Some(scored.correct),
            response: Some(response.to_xapi()),
            ..Outcome::default()
        };
        tx.statement(verbs::ANSWERED, object, Some(result));
        tx.event(
            Some(&quiz.id),
            "quiz_answered",
            &serde_json::json!({ "attempt": attempt_id, "question": question_id, "response": response }),
        )?;
        tx.finish(&quiz.id)?;
        Ok(scored)
    }

    /// Submits an attempt: unanswered questions count as wrong. Returns the total.
    pub fn submit_quiz(
        &mut self,
        learner_id: &str,
        module: &Manifest,
        attempt_id: i64,
    ) -> Result<Total, TrackError> {
        let (language, home) = self.language_and_home(learner_id)?;
        let (quiz, started_at) = open_attempt(&self.conn, learner_id, module, attempt_id)?;
        let view = attempt_view(&self.conn, attempt_id, quiz)?;
        let scores: BTreeMap<String, Scored> =
            view.answers.iter().map(|(q, (_, s))| (q.clone(), *s)).collect();
        let total = quiz::total(quiz, &scores);
        let mut tx = self.begin(learner_id, module, &language, &home)?;
        tx.tx.run(
            "UPDATE quiz_attempt SET submitted_at = ?2, score = ?3, max_score = ?4, passed = ?5 WHERE id = ?1",
            (attempt_id, &tx.at, total.score, total.max, total.passed),
        )?;
        let seconds =
            time::OffsetDateTime::parse(&started_at, &time::format_description::well_known::Rfc3339)
                .map(|start| (tx.origin.at - start).as_seconds_f64())
                .unwrap_or(0.0);
        let result = Outcome {
            score: Some(Score::new(total.score, total.max)),
            success: Some(total.passed),
            completion: Some(true),
            duration: Some(xapi::duration(seconds)),
            ..Outcome::default()
        };
        let activity = find(module, &quiz.id)?;
        let object = tx.object(activity);
        tx.statement(if total.passed { verbs::PASSED } else { verbs::FAILED }, object, Some(result));
        tx.event(
            Some(&quiz.id),
            "quiz_submitted",
            &serde_json::json!({ "attempt": attempt_id, "total": total }),
        )?;
        tx.finish(&quiz.id)?;
        Ok(total)
    }

    /// An attempt as the player shows it (open or submitted).
    pub fn attempt(
        &self,
        learner_id: &str,
        module: &Manifest,
        attempt_id: i64,
    ) -> Result<AttemptView, TrackError> {
        let quiz_id: String = self
            .conn
            .one(
                "SELECT activity_id FROM quiz_attempt WHERE id = ?1 AND learner_id = ?2 AND module_id = ?3",
                (attempt_id, learner_id, &module.id),
                |row| row.get(0),
            )
            .optional()?
            .ok_or(TrackError::UnknownAttempt(attempt_id))?;
        attempt_view(&self.conn, attempt_id, find_quiz(module, &quiz_id)?)
    }

    /// Where the learner is in a capsule, to resume it.
    pub fn video_state(
        &self,
        learner_id: &str,
        module: &Manifest,
        activity_id: &str,
    ) -> Result<VideoState, TrackError> {
        find(module, activity_id)?;
        video_state(&self.conn, learner_id, &module.id, activity_id)
    }

    /// The learner's progress in a module, activity by activity.
    pub fn module_progress(&self, learner_id: &str, module: &Manifest) -> Result<ModuleProgress, TrackError> {
        let row: Option<(Option<String>, Option<String>, Option<String>)> = self
            .conn
            .one(
                "SELECT last_activity_id,
                        (SELECT max(at) FROM activity_time WHERE learner_id = ?1 AND module_id = ?2),
                        completed_at
                 FROM module_progress WHERE learner_id = ?1 AND module_id = ?2",
                (learner_id, &module.id),
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        let (last_activity_id, last_at, completed_at) = match row {
            Some((activity, at, completed)) => (activity, at, completed),
            None => (None, None, None),
        };
        let activities = activity_progress(&self.conn, learner_id, module)?;
        Ok(ModuleProgress::of(module, activities, last_activity_id, last_at, completed_at))
    }

    /// The learner's progress in each of `modules`, in order, for a catalogue: one query says
    /// which modules the learner has records in, and only those are read activity by activity;
    /// the others are what a module nobody has started looks like ([`ModuleProgress::fresh`]).
    pub fn progress_in_modules(
        &self,
        learner_id: &str,
        modules: &[&Manifest],
    ) -> Result<Vec<ModuleProgress>, TrackError> {
        let touched: std::collections::HashSet<String> = self.modules_of(learner_id)?.into_iter().collect();
        modules
            .iter()
            .map(|module| match touched.contains(&module.id) {
                true => self.module_progress(learner_id, module),
                false => Ok(ModuleProgress::fresh(module)),
            })
            .collect()
    }

    /// Ids of the modules a learner has records in (installed or not), the latest studied first.
    pub fn modules_of(&self, learner_id: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT m.module_id FROM module_progress m
                 LEFT JOIN (SELECT module_id, max(at) AS at FROM activity_time WHERE learner_id = ?1 GROUP BY module_id) t
                     USING (module_id)
                 WHERE m.learner_id = ?1 ORDER BY t.at DESC, m.module_id",
            )?;
        let rows = stmt.query_map([learner_id], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
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

/// The open attempt `attempt_id` of this learner in this module version, with its quiz.
fn open_attempt<'m>(
    conn: &Connection,
    learner_id: &str,
    module: &'m Manifest,
    attempt_id: i64,
) -> Result<(&'m Quiz, String), TrackError> {
    let row: Option<(String, String, Option<String>, String)> = conn
        .one(
            "SELECT activity_id, module_version, submitted_at, started_at FROM quiz_attempt
             WHERE id = ?1 AND learner_id = ?2 AND module_id = ?3",
            (attempt_id, learner_id, &module.id),
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .optional()?;
    let (quiz_id, version, submitted, started_at) = row.ok_or(TrackError::UnknownAttempt(attempt_id))?;
    if submitted.is_some() {
        return Err(TrackError::AttemptSubmitted(attempt_id));
    }
    if version != module.version.to_string() {
        return Err(TrackError::UnknownAttempt(attempt_id)); // started on another version of the module
    }
    Ok((find_quiz(module, &quiz_id)?, started_at))
}

fn attempt_view(conn: &Connection, attempt_id: i64, quiz: &Quiz) -> Result<AttemptView, TrackError> {
    let (number, layout, learner_id, module_id, score, max, passed): (u32, String, String, String, Option<f64>, Option<f64>, Option<bool>) = conn
        .one(
            "SELECT number, layout, learner_id, module_id, score, max_score, passed FROM quiz_attempt WHERE id = ?1",
            [attempt_id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?)),
        )?;
    let layout: Layout = serde_json::from_str(&layout).map_err(|e| TrackError::Invalid(e.to_string()))?;
    let mut stmt = conn.prepare(
        "SELECT question_id, response, score, max_score, correct FROM quiz_answer WHERE attempt_id = ?1",
    )?;
    let mut answers = BTreeMap::new();
    let rows = stmt.query_map([attempt_id], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
    })?;
    for row in rows {
        let (question, response, score, max, correct) = row?;
        let response: Response =
            serde_json::from_str(&response).map_err(|e| TrackError::Invalid(e.to_string()))?;
        answers.insert(question, (response, Scored { score, max, correct }));
    }
    let total = match (score, max, passed) {
        (Some(score), Some(max), Some(passed)) => {
            Some(Total { score, max, scaled: if max > 0.0 { score / max } else { 0.0 }, passed })
        }
        _ => None,
    };
    let submitted: u32 = conn.one(
        "SELECT count(submitted_at) FROM quiz_attempt WHERE learner_id = ?1 AND module_id = ?2 AND activity_id = ?3",
        (&learner_id, &module_id, &quiz.id),
        |row| row.get(0),
    )?;
    let pending = u32::from(total.is_none());
    let attempts_left = quiz.max_attempts.map(|max| max.saturating_sub(submitted + pending));
    Ok(AttemptView { attempt_id, number, layout, answers, total, attempts_left })
}

/// Every activity's progress for `learner_id` in `module`, in the module's order.
/// True when the learner meets the module's completion rule. This runs after every event of
/// a module not yet complete, so it stops at the first activity not done, starting with the
/// one the event was about: the likeliest to be unfinished. The rule itself is
/// [`ActivityProgress::done`], the same as the progress view's.
fn module_done(
    conn: &Connection,
    learner_id: &str,
    module: &Manifest,
    current: &str,
) -> Result<bool, TrackError> {
    let activities = module.activities.iter();
    let ordered =
        activities.clone().filter(|a| a.id() == current).chain(activities.filter(|a| a.id() != current));
    for activity in ordered {
        if !progress_in(conn, learner_id, module, activity)?.done(module) {
            return Ok(false);
        }
    }
    Ok(true)
}

fn activity_progress(
    conn: &Connection,
    learner_id: &str,
    module: &Manifest,
) -> Result<Vec<ActivityProgress>, TrackError> {
    module.activities.iter().map(|activity| progress_in(conn, learner_id, module, activity)).collect()
}

/// An activity nobody has started, as [`progress_in`] reads it when the store has no row.
fn fresh(activity: &Activity) -> ActivityProgress {
    match activity {
        Activity::Lesson(lesson) => {
            ActivityProgress::Lesson { id: lesson.id.clone(), opened: false, read: false, seconds: 0.0 }
        }
        Activity::Video(video) => ActivityProgress::Video {
            id: video.id.clone(),
            watched_percent: 0.0,
            position: 0.0,
            completed: false,
        },
        Activity::Quiz(quiz) => ActivityProgress::Quiz(QuizProgress {
            id: quiz.id.clone(),
            attempts: 0,
            best_scaled: None,
            passed: false,
            in_progress: false,
            attempts_left: quiz.max_attempts,
        }),
    }
}

/// The learner's progress in one activity: one short query, without a capsule's intervals.
fn progress_in(
    conn: &Connection,
    learner_id: &str,
    module: &Manifest,
    activity: &Activity,
) -> Result<ActivityProgress, TrackError> {
    let key = (learner_id, &module.id, activity.id());
    Ok(match activity {
        Activity::Lesson(lesson) => {
            let row: Option<(bool, f64)> = conn
                .one(
                    "SELECT read_at IS NOT NULL, seconds FROM lesson_progress WHERE learner_id = ?1 AND module_id = ?2 AND activity_id = ?3",
                    key,
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?;
            ActivityProgress::Lesson {
                id: lesson.id.clone(),
                opened: row.is_some(),
                read: row.is_some_and(|(read, _)| read),
                seconds: row.map_or(0.0, |(_, s)| s),
            }
        }
        Activity::Video(video) => {
            let row: Option<(f64, f64, bool)> = conn
                .one(
                    "SELECT watched_percent, position, completed_at IS NOT NULL
                     FROM video_progress WHERE learner_id = ?1 AND module_id = ?2 AND activity_id = ?3",
                    key,
                    |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
                )
                .optional()?;
            let (watched_percent, position, completed) = row.unwrap_or_default();
            ActivityProgress::Video { id: video.id.clone(), watched_percent, position, completed }
        }
        Activity::Quiz(quiz) => {
            let (attempts, best, passed, open): (u32, Option<f64>, bool, bool) = conn.one(
                "SELECT count(submitted_at), max(CASE WHEN max_score > 0 THEN score / max_score END),
                        coalesce(max(passed), 0), count(*) > count(submitted_at)
                 FROM quiz_attempt WHERE learner_id = ?1 AND module_id = ?2 AND activity_id = ?3",
                key,
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )?;
            ActivityProgress::Quiz(QuizProgress {
                id: quiz.id.clone(),
                attempts,
                best_scaled: best,
                passed,
                in_progress: open,
                attempts_left: quiz.max_attempts.map(|max| max.saturating_sub(attempts)),
            })
        }
    })
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
