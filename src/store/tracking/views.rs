//! What the screens show of a learner's progress, read from the store: per activity, per
//! module, per capsule. Each activity's status comes from the rules of [`crate::completion`].

use rusqlite::{Connection, OptionalExtension};

use super::*;
use crate::completion::fresh;
use crate::manifest::{Activity, Manifest};

pub use crate::completion::{ActivityProgress, ModuleProgress, QuizProgress, Status, VideoState};
use crate::store::{Cached, Store, StoreError};

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
                // The open attempt, if any, is not used up yet.
                attempts_left: crate::quiz::attempts_left(quiz, attempts, false),
            })
        }
        Activity::Survey(survey) => {
            let takes: u32 = conn.one(
                "SELECT count(*) FROM survey_take WHERE learner_id = ?1 AND module_id = ?2 AND activity_id = ?3",
                key,
                |row| row.get(0),
            )?;
            ActivityProgress::Survey { id: survey.id.clone(), takes }
        }
    })
}
