//! The completion rules, as pure functions of a module and a learner's progress: what counts
//! as watching a capsule, when an activity is done, when a module is complete.
//!
//! The store applies them to what it recorded; the LMS player (`player/rules`) applies the
//! same code, compiled to WebAssembly, to what the LMS keeps. Nothing here touches a file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::manifest::{Activity, CompletionRule, Manifest};

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
    /// The id of the activity the event is about.
    pub fn activity(&self) -> &str {
        match self {
            Event::LessonOpened { activity }
            | Event::LessonTime { activity, .. }
            | Event::LessonRead { activity }
            | Event::VideoWatched { activity, .. }
            | Event::VideoPosition { activity, .. } => activity,
        }
    }
}

/// Where a learner is in a capsule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

    pub fn of(
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    InProgress,
    Done,
}

/// A learner's progress in one activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ActivityProgress {
    Lesson {
        id: String,
        opened: bool,
        read: bool,
        seconds: f64,
    },
    Video {
        id: String,
        watched_percent: f64,
        position: f64,
        completed: bool,
    },
    Quiz(QuizProgress),
    /// A self-assessment is done once taken; each take after that is a new profile.
    Survey {
        id: String,
        takes: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
            ActivityProgress::Lesson { id, .. }
            | ActivityProgress::Video { id, .. }
            | ActivityProgress::Survey { id, .. } => id,
            ActivityProgress::Quiz(quiz) => &quiz.id,
        }
    }

    /// Done when it meets its part of the completion rule; otherwise in progress once the
    /// learner started it (opened, watched, attempted).
    pub fn status(&self, module: &Manifest) -> Status {
        self.status_under(&module.completion)
    }

    /// [`ActivityProgress::status`] under a completion rule.
    pub fn status_under(&self, rule: &CompletionRule) -> Status {
        let started = match self {
            ActivityProgress::Lesson { opened, read, .. } => *opened || *read,
            ActivityProgress::Video { watched_percent, position, completed, .. } => {
                *completed || *watched_percent > 0.0 || *position > 0.0
            }
            ActivityProgress::Quiz(quiz) => quiz.attempts > 0 || quiz.in_progress,
            ActivityProgress::Survey { takes, .. } => *takes > 0,
        };
        match (self.done_under(rule), started) {
            (true, _) => Status::Done,
            (false, true) => Status::InProgress,
            (false, false) => Status::NotStarted,
        }
    }

    /// True when this activity meets its part of the module's completion rule.
    pub fn done(&self, module: &Manifest) -> bool {
        self.done_under(&module.completion)
    }

    /// [`ActivityProgress::done`] under a completion rule.
    pub fn done_under(&self, rule: &CompletionRule) -> bool {
        match self {
            ActivityProgress::Lesson { read, .. } => !rule.all_lessons_read || *read,
            ActivityProgress::Video { watched_percent, .. } => {
                rule.videos_watched_percent.is_none_or(|p| *watched_percent >= f64::from(p))
            }
            ActivityProgress::Quiz(quiz) => !rule.quizzes_passed || quiz.passed,
            // Every survey counts: it is there to be taken, and has no pass mark.
            ActivityProgress::Survey { takes, .. } => *takes > 0,
        }
    }
}

/// An activity nobody has started: what the store gives when it has no record of it.
pub fn fresh(activity: &Activity) -> ActivityProgress {
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
        Activity::Survey(survey) => ActivityProgress::Survey { id: survey.id.clone(), takes: 0 },
    }
}

/// Adds `[from, to]` to sorted, merged intervals. Gaps under a quarter second (rounding in
/// the player's reports) are merged too. False when an interval already covered it.
pub fn merge_interval(intervals: &mut Vec<(f64, f64)>, from: f64, to: f64) -> bool {
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

/// The share of a capsule of `duration` seconds that `intervals` cover, in percent.
pub fn watched_percent(intervals: &[(f64, f64)], duration: f64) -> f64 {
    let watched: f64 = intervals.iter().map(|(a, b)| b - a).sum();
    (watched / duration * 100.0).clamp(0.0, 100.0)
}
