//! A learner's work in a module inside an LMS: the store's tracking rules
//! (`src/store/tracking`) applied to the state the LMS keeps ([`Suspended`]) instead of
//! SQLite rows. The web player asks these questions through `player/rules`, so that what it
//! records, scores and counts as complete is what the desktop app would.
//!
//! What the store writes as events and xAPI statements, a session returns as a [`Change`]:
//! the player turns it into what its LMS understands (SCORM's `cmi.*`, cmi5's statements).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::completion::{
    self, ActivityProgress, Event, ModuleProgress, QuizProgress, VideoState, merge_interval, watched_percent,
};
use crate::language::{ContentLanguage, content_language};
use crate::lms::suspend::{ActivityState, OpenAttempt, Suspended};
use crate::manifest::{Activity, Manifest, Quiz};
use crate::quiz::{self, AttemptView, Response, ResponseError, Scored, Total};
use crate::xapi::{self, Outcome, Score, activity_types, verbs};

/// Why the player's request cannot be done; the page shows it as any failed command.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("module {module} has no activity {activity:?}")]
    UnknownActivity { module: String, activity: String },
    #[error("activity {activity:?} is a {actual}, not a {expected}")]
    WrongKind { activity: String, expected: &'static str, actual: &'static str },
    #[error("invalid value: {0}")]
    Invalid(String),
    #[error("no attempts left at quiz {quiz:?} (it allows {max})")]
    NoAttemptsLeft { quiz: String, max: u32 },
    #[error("quiz {0:?} has no attempt in progress")]
    NoOpenAttempt(String),
    #[error("question {0:?} is already answered in this attempt")]
    AlreadyAnswered(String),
    #[error("quiz {quiz:?} has no question {question:?}")]
    UnknownQuestion { quiz: String, question: String },
    #[error("the saved progress does not match the module: {0}")]
    Mismatch(String),
    #[error(transparent)]
    Response(#[from] ResponseError),
}

impl SessionError {
    /// The same stable names as the app's commands, so that the page explains them alike.
    pub fn kind(&self) -> Option<crate::ErrorKind> {
        match self {
            SessionError::NoAttemptsLeft { .. } => Some(crate::ErrorKind::NoAttempts),
            _ => None,
        }
    }
}

/// What a request changed that an LMS should hear about.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Change {
    /// A lesson read or a capsule watched to the threshold, for the first time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity_done: Option<String>,
    /// The module became complete with this request.
    pub module_completed: bool,
    /// What the desktop app would tell the LRS of it (`src/store/tracking`): the same verbs,
    /// objects and results, without who, when and the context, which the LMS gives (cmi5).
    pub happened: Vec<Happened>,
}

/// One xAPI statement's verb, object and result.
#[derive(Debug, Clone, Serialize)]
pub struct Happened {
    pub verb: &'static str,
    pub object: xapi::Activity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Outcome>,
}

/// A learner in a module, as the LMS player holds them between two requests.
#[derive(Debug)]
pub struct Session<'m> {
    pub module: &'m Manifest,
    pub state: Suspended,
    /// The learner's own language (the LMS's preference, else the browser's).
    pub language: String,
}

impl<'m> Session<'m> {
    pub fn new(
        module: &'m Manifest,
        state: Suspended,
        language: String,
    ) -> Result<Session<'m>, SessionError> {
        let fits = state.activities.len() == module.activities.len()
            && state.activities.iter().zip(&module.activities).all(|pair| {
                matches!(
                    pair,
                    (ActivityState::Lesson { .. }, Activity::Lesson(_))
                        | (ActivityState::Video { .. }, Activity::Video(_))
                        | (ActivityState::Quiz { .. }, Activity::Quiz(_))
                        | (ActivityState::Survey { .. }, Activity::Survey(_))
                )
            });
        if !fits {
            return Err(SessionError::Mismatch("its activities are not the module's".into()));
        }
        Ok(Session { module, state, language })
    }

    /// The language the module is shown in, as in the app (`dlis::language`).
    pub fn content_language(&self) -> ContentLanguage {
        content_language(self.module, &self.language, self.state.language.as_deref())
    }

    /// The learner reads the module in `language`, one of its languages, from now on.
    pub fn choose_language(&mut self, language: &str) -> Result<(), SessionError> {
        let m = self.module;
        if !m.languages.iter().chain(&m.partial_languages).any(|l| l == language) {
            return Err(SessionError::Invalid(format!("module {} has no language {language:?}", m.id)));
        }
        self.state.language = Some(language.to_owned());
        Ok(())
    }

    /// The module's progress, as the store's `module_progress` gives it.
    pub fn progress(&self) -> ModuleProgress {
        let activities = self.module.activities.iter().zip(&self.state.activities).map(|pair| match pair {
            (Activity::Lesson(lesson), ActivityState::Lesson { opened, read, seconds }) => {
                ActivityProgress::Lesson {
                    id: lesson.id.clone(),
                    opened: *opened,
                    read: *read,
                    seconds: f64::from(*seconds),
                }
            }
            (Activity::Video(video), ActivityState::Video { intervals, position, .. }) => {
                let percent = watched_percent(intervals, video.duration_seconds);
                ActivityProgress::Video {
                    id: video.id.clone(),
                    watched_percent: percent,
                    position: f64::from(*position),
                    completed: percent >= video_threshold(self.module),
                }
            }
            (Activity::Quiz(quiz), ActivityState::Quiz { submitted, best_scaled, passed, open }) => {
                ActivityProgress::Quiz(QuizProgress {
                    id: quiz.id.clone(),
                    attempts: *submitted,
                    best_scaled: *best_scaled,
                    passed: *passed,
                    in_progress: open.is_some(),
                    attempts_left: quiz::attempts_left(quiz, *submitted, open.is_some()),
                })
            }
            (Activity::Survey(survey), ActivityState::Survey { taken }) => {
                ActivityProgress::Survey { id: survey.id.clone(), takes: u32::from(*taken) }
            }
            // `new` checked that kinds match.
            (activity, _) => completion::fresh(activity),
        });
        let last =
            self.state.last.and_then(|i| self.module.activities.get(i as usize)).map(|a| a.id().to_owned());
        ModuleProgress::of(self.module, activities.collect(), last, None, self.state.completed_on.clone())
    }

    /// Where the learner is in a capsule.
    pub fn video_state(&self, activity: &str) -> Result<VideoState, SessionError> {
        let (index, Activity::Video(video)) = self.find(activity)? else {
            return Err(self.wrong_kind(activity, "capsule"));
        };
        let ActivityState::Video { intervals, position, subtitles } = &self.state.activities[index] else {
            return Err(self.wrong_kind(activity, "capsule"));
        };
        let percent = watched_percent(intervals, video.duration_seconds);
        Ok(VideoState {
            intervals: intervals.clone(),
            watched_percent: percent,
            position: f64::from(*position),
            subtitle_language: subtitles.clone(),
            completed: percent >= video_threshold(self.module),
        })
    }

    /// Records a lesson or capsule event, as `Store::record` does; `today` (`YYYY-MM-DD`) is
    /// the completion day should the module become complete.
    pub fn record(&mut self, event: &Event, today: &str) -> Result<Change, SessionError> {
        let (index, activity) = self.find(event.activity())?;
        let was_done = self.done(index);
        let was_read = matches!(self.state.activities[index], ActivityState::Lesson { read: true, .. });
        let was_watched = self.video_state(activity.id()).is_ok_and(|v| v.completed);
        let state = &mut self.state.activities[index];
        match (event, activity, state) {
            (Event::LessonOpened { .. }, Activity::Lesson(_), ActivityState::Lesson { opened, .. }) => {
                *opened = true;
            }
            (
                Event::LessonTime { seconds, .. },
                Activity::Lesson(_),
                ActivityState::Lesson { opened, seconds: total, .. },
            ) => {
                let seconds = finite(*seconds, "seconds")?.min(86_400.0);
                *opened = true;
                *total = total.saturating_add(seconds.round() as u32);
            }
            (Event::LessonRead { .. }, Activity::Lesson(_), ActivityState::Lesson { opened, read, .. }) => {
                *opened = true;
                *read = true;
            }
            (
                Event::VideoWatched { from, to, subtitle_language, .. },
                Activity::Video(video),
                ActivityState::Video { intervals, position, subtitles },
            ) => {
                let (from, to) = (finite(*from, "from")?, finite(*to, "to")?);
                if to < from {
                    return Err(SessionError::Invalid(format!(
                        "interval ends ({to}) before it starts ({from})"
                    )));
                }
                let (from, to) = (from.min(video.duration_seconds), to.min(video.duration_seconds));
                if to > from {
                    merge_interval(intervals, from, to);
                }
                *position = to.round() as u32;
                if subtitle_language.is_some() {
                    subtitles.clone_from(subtitle_language);
                }
            }
            (
                Event::VideoPosition { position: at, .. },
                Activity::Video(video),
                ActivityState::Video { position, .. },
            ) => {
                *position = finite(*at, "position")?.min(video.duration_seconds).round() as u32;
            }
            (event, activity, _) => {
                let expected = match event {
                    Event::LessonOpened { .. } | Event::LessonTime { .. } | Event::LessonRead { .. } => {
                        "lesson"
                    }
                    _ => "capsule",
                };
                return Err(self.wrong_kind(activity.id(), expected));
            }
        }
        let mut happened = Vec::new();
        let object = self.object(activity);
        match (event, &self.state.activities[index]) {
            (Event::LessonOpened { .. }, _) => happened.push(said(verbs::EXPERIENCED, object, None)),
            (Event::LessonRead { .. }, ActivityState::Lesson { seconds, .. }) if !was_read => {
                let result = Outcome {
                    completion: Some(true),
                    duration: Some(xapi::duration(f64::from(*seconds))),
                    ..Outcome::default()
                };
                happened.push(said(verbs::COMPLETED, object, Some(result)));
            }
            (Event::VideoWatched { .. }, ActivityState::Video { intervals, .. }) => {
                let state = self.video_state(activity.id())?;
                let progress = serde_json::Value::from(state.watched_percent.floor() as u64);
                let result = Outcome {
                    extensions: [(xapi::PROGRESS_EXTENSION, progress)].into(),
                    ..Outcome::default()
                };
                happened.push(said(verbs::PROGRESSED, object.clone(), Some(result)));
                if state.completed && !was_watched {
                    let watched: f64 = intervals.iter().map(|(a, b)| b - a).sum();
                    let result = Outcome {
                        completion: Some(true),
                        duration: Some(xapi::duration(watched)),
                        ..Outcome::default()
                    };
                    happened.push(said(verbs::COMPLETED, object, Some(result)));
                }
            }
            _ => {}
        }
        let mut change = self.finish(index, today);
        change.happened.splice(0..0, happened);
        if !was_done && self.done(index) && !matches!(activity, Activity::Quiz(_)) {
            change.activity_done = Some(activity.id().to_owned());
        }
        Ok(change)
    }

    /// The open attempt at a quiz, or a new one laid out by `seed` (below 2^53).
    pub fn start_quiz(
        &mut self,
        activity: &str,
        seed: u64,
        today: &str,
    ) -> Result<(AttemptView, Change), SessionError> {
        let (index, quiz) = self.quiz(activity)?;
        let ActivityState::Quiz { submitted, open, .. } = &mut self.state.activities[index] else {
            return Err(self.wrong_kind(activity, "quiz"));
        };
        let started = open.is_none();
        if started {
            if !quiz::may_start(quiz, *submitted) {
                return Err(SessionError::NoAttemptsLeft {
                    quiz: quiz.id.clone(),
                    max: quiz.max_attempts.unwrap_or(0),
                });
            }
            *open = Some(OpenAttempt { seed: seed & ((1 << 53) - 1), answers: BTreeMap::new() });
        }
        let mut change = self.finish(index, today);
        if started {
            let object = self.object(&self.module.activities[index]);
            change.happened.insert(0, said(verbs::ATTEMPTED, object, None));
        }
        Ok((self.open_view(index, quiz)?, change))
    }

    /// Scores an answer in the open attempt, as `Store::answer` does.
    pub fn answer(
        &mut self,
        activity: &str,
        question: &str,
        response: &Response,
        today: &str,
    ) -> Result<(AttemptView, Scored, Change), SessionError> {
        let (index, quiz) = self.quiz(activity)?;
        let q = quiz.questions.iter().find(|q| q.id == question).ok_or_else(|| {
            SessionError::UnknownQuestion { quiz: quiz.id.clone(), question: question.to_owned() }
        })?;
        let scored = quiz::score(q, response, self.module.display_language(&self.language))?;
        if let Response::ShortText(text) = response
            && text.chars().count() > crate::lms::suspend::MAX_TYPED
        {
            return Err(SessionError::Invalid(format!(
                "an answer typed in a course of an LMS holds at most {} characters",
                crate::lms::suspend::MAX_TYPED
            )));
        }
        let ActivityState::Quiz { open, .. } = &mut self.state.activities[index] else {
            return Err(self.wrong_kind(activity, "quiz"));
        };
        let attempt = open.as_mut().ok_or_else(|| SessionError::NoOpenAttempt(quiz.id.clone()))?;
        if attempt.answers.contains_key(question) && !quiz::may_change_answer(quiz) {
            return Err(SessionError::AlreadyAnswered(question.to_owned()));
        }
        attempt.answers.insert(question.to_owned(), response.clone());
        let mut change = self.finish(index, today);
        let (object, result) = xapi::answered(self.module, quiz, q, response, &scored);
        change.happened.insert(0, said(verbs::ANSWERED, object, Some(result)));
        Ok((self.open_view(index, quiz)?, scored, change))
    }

    /// Submits the open attempt, as `Store::submit_quiz` does; the view is the submitted
    /// attempt's, with its answers and total.
    pub fn submit(
        &mut self,
        activity: &str,
        today: &str,
    ) -> Result<(AttemptView, Total, Change), SessionError> {
        let (index, quiz) = self.quiz(activity)?;
        let mut view = self.open_view(index, quiz)?;
        let scores: BTreeMap<String, Scored> =
            view.answers.iter().map(|(q, (_, s))| (q.clone(), *s)).collect();
        let total = quiz::total(quiz, &scores);
        let ActivityState::Quiz { submitted, best_scaled, passed, open } = &mut self.state.activities[index]
        else {
            return Err(self.wrong_kind(activity, "quiz"));
        };
        *open = None;
        *submitted += 1;
        let scaled = (total.scaled * 1000.0).round() / 1000.0;
        *best_scaled = Some(best_scaled.map_or(scaled, |best| best.max(scaled)));
        *passed |= total.passed;
        view.total = Some(total);
        view.attempts_left = quiz::attempts_left(quiz, *submitted, false);
        let mut change = self.finish(index, today);
        let result = Outcome {
            score: Some(Score::new(total.score, total.max)),
            success: Some(total.passed),
            completion: Some(true),
            ..Outcome::default()
        };
        let object = self.object(&self.module.activities[index]);
        let verb = if total.passed { verbs::PASSED } else { verbs::FAILED };
        change.happened.insert(0, said(verb, object, Some(result)));
        Ok((view, total, change))
    }

    fn open_view(&self, index: usize, quiz: &Quiz) -> Result<AttemptView, SessionError> {
        let ActivityState::Quiz { submitted, open: Some(attempt), .. } = &self.state.activities[index] else {
            return Err(SessionError::NoOpenAttempt(quiz.id.clone()));
        };
        let language = self.module.display_language(&self.language);
        let mut answers = BTreeMap::new();
        for (id, response) in &attempt.answers {
            if let Some(question) = quiz.questions.iter().find(|q| &q.id == id) {
                answers.insert(id.clone(), (response.clone(), quiz::score(question, response, language)?));
            }
        }
        let number = submitted + 1;
        Ok(AttemptView {
            attempt_id: i64::from(number),
            number,
            layout: quiz::layout(quiz, attempt.seed),
            answers,
            total: None,
            attempts_left: quiz::attempts_left(quiz, *submitted, true),
        })
    }

    /// Notes the last activity and whether the module just became complete.
    fn finish(&mut self, index: usize, today: &str) -> Change {
        self.state.last = Some(index as u32);
        let mut change = Change::default();
        if self.state.completed_on.is_none() && (0..self.module.activities.len()).all(|i| self.done(i)) {
            self.state.completed_on = Some(today.to_owned());
            change.module_completed = true;
            let module = xapi::activity(
                xapi::module_iri(self.module),
                &self.module.title,
                activity_types::MODULE,
                None,
            );
            let result = Outcome { completion: Some(true), ..Outcome::default() };
            change.happened.push(said(verbs::COMPLETED, module, Some(result)));
        }
        change
    }

    /// An activity as the desktop app's statements name it.
    fn object(&self, activity: &Activity) -> xapi::Activity {
        let kind = match activity {
            Activity::Lesson(_) => activity_types::LESSON,
            Activity::Video(_) => activity_types::VIDEO,
            Activity::Quiz(_) => activity_types::QUIZ,
            Activity::Survey(_) => activity_types::SURVEY,
        };
        xapi::activity(xapi::activity_iri(self.module, activity.id()), activity.title(), kind, None)
    }

    fn done(&self, index: usize) -> bool {
        self.progress().activities.get(index).is_some_and(|a| a.done(self.module))
    }

    fn find(&self, id: &str) -> Result<(usize, &'m Activity), SessionError> {
        let module: &'m Manifest = self.module;
        module.activities.iter().enumerate().find(|(_, a)| a.id() == id).ok_or_else(|| {
            SessionError::UnknownActivity { module: module.id.clone(), activity: id.to_owned() }
        })
    }

    fn quiz(&self, id: &str) -> Result<(usize, &'m Quiz), SessionError> {
        match self.find(id)? {
            (index, Activity::Quiz(quiz)) => Ok((index, quiz)),
            _ => Err(self.wrong_kind(id, "quiz")),
        }
    }

    fn wrong_kind(&self, id: &str, expected: &'static str) -> SessionError {
        let actual = self.module.activities.iter().find(|a| a.id() == id).map_or("?", |a| a.kind_name());
        SessionError::WrongKind { activity: id.to_owned(), expected, actual }
    }
}

fn said(verb: &'static str, object: xapi::Activity, result: Option<Outcome>) -> Happened {
    Happened { verb, object, result }
}

/// The share of a capsule that counts as watched: the module's rule, else 90 %, as the store.
fn video_threshold(module: &Manifest) -> f64 {
    f64::from(module.completion.videos_watched_percent.unwrap_or(90))
}

fn finite(value: f64, what: &str) -> Result<f64, SessionError> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(SessionError::Invalid(format!("{what} must be a non-negative number, not {value}")))
    }
}
