//! What the screens show of a learner's progress: per activity, per module, per capsule, and
//! each activity's status, decided here from the completion rule.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use super::*;
use crate::manifest::{Activity, Manifest};
use crate::store::{Cached, Store, StoreError};

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

impl Store {
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

/// Every activity's progress for `learner_id` in `module`, in the module's order.
/// True when the learner meets the module's completion rule. This runs after every event of
/// a module not yet complete, so it stops at the first activity not done, starting with the
/// one the event was about: the likeliest to be unfinished. The rule itself is
/// [`ActivityProgress::done`], the same as the progress view's.
pub(super) fn module_done(
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

/// An activity nobody has started: what [`progress_in`] gives when the store has no row.
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
            match row {
                Some((read, seconds)) => {
                    ActivityProgress::Lesson { id: lesson.id.clone(), opened: true, read, seconds }
                }
                None => fresh(activity),
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
            match row {
                Some((watched_percent, position, completed)) => {
                    ActivityProgress::Video { id: video.id.clone(), watched_percent, position, completed }
                }
                None => fresh(activity),
            }
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
