//! Quiz attempts: starting or resuming one, answering, submitting, reading it back.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};

use super::*;
use crate::manifest::{Manifest, Quiz};
pub use crate::quiz::AttemptView;
use crate::quiz::{self, Layout, Response, Scored, Total};
use crate::store::{Cached, Store};
use crate::xapi::{self, Outcome, Score, verbs};

impl Store {
    /// Starts an attempt at a quiz, or resumes the open one exactly as it was.
    pub fn start_quiz(
        &mut self,
        learner_id: &str,
        module: &Manifest,
        quiz_id: &str,
    ) -> Result<AttemptView, TrackError> {
        let quiz = find_quiz(module, quiz_id)?;
        let (language, home, account) = self.speaker(learner_id)?;
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
            && !quiz::may_start(quiz, submitted)
        {
            return Err(TrackError::NoAttemptsLeft { quiz: quiz_id.to_owned(), max });
        }
        let seed = rand_core::RngCore::next_u64(&mut rand_core::OsRng);
        let layout = quiz::layout(quiz, seed);
        let mut tx = self.begin(learner_id, module, &language, &home, &account)?;
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
        let (language, home, account) = self.speaker(learner_id)?;
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
        if answered && !quiz::may_change_answer(quiz) {
            return Err(TrackError::AlreadyAnswered(question_id.to_owned()));
        }
        let mut tx = self.begin(learner_id, module, &language, &home, &account)?;
        let response_json =
            serde_json::to_string(response).map_err(|e| TrackError::Invalid(e.to_string()))?;
        tx.tx.run(
            "INSERT INTO quiz_answer (attempt_id, question_id, response, score, max_score, correct, answered_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT DO UPDATE SET response = ?3, score = ?4, max_score = ?5, correct = ?6, answered_at = ?7",
            (attempt_id, question_id, &response_json, scored.score, scored.max, scored.correct, &tx.at),
        )?;
        let (object, result) = xapi::answered(module, quiz, question, response, &scored);
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
        let (language, home, account) = self.speaker(learner_id)?;
        let (quiz, started_at) = open_attempt(&self.conn, learner_id, module, attempt_id)?;
        let view = attempt_view(&self.conn, attempt_id, quiz)?;
        let scores: BTreeMap<String, Scored> =
            view.answers.iter().map(|(q, (_, s))| (q.clone(), *s)).collect();
        let total = quiz::total(quiz, &scores);
        let mut tx = self.begin(learner_id, module, &language, &home, &account)?;
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
}

/// The open attempt `attempt_id` of this learner in this module version, with its quiz.
pub(super) fn open_attempt<'m>(
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

pub(super) fn attempt_view(
    conn: &Connection,
    attempt_id: i64,
    quiz: &Quiz,
) -> Result<AttemptView, TrackError> {
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
    let attempts_left = quiz::attempts_left(quiz, submitted, total.is_none());
    Ok(AttemptView { attempt_id, number, layout, answers, total, attempts_left })
}
