//! A learner's work in a module: learning events, capsule positions, quiz attempts.

use dlis::Manifest;
use dlis::manifest::Activity;
use dlis::quiz::{Response, Total};
use dlis::store::{Event, ModuleProgress, VideoState};
use tauri::State;

use super::{Reply, current, fail, manifest_of, with_store};
use crate::state::AppState;
use dlis::views::{self, QuizView};

/// Records a learning event for the open learner; returns the module's progress after it.
#[tauri::command]
pub async fn record(state: State<'_, AppState>, module: String, event: Event) -> Reply<ModuleProgress> {
    let manifest = manifest_of(&state, &module)?;
    with_store(&state, |store| {
        let learner = current(store)?;
        store.record(&learner.id, &manifest, &event)?;
        Ok(store.module_progress(&learner.id, &manifest)?)
    })
}

#[tauri::command]
pub async fn video_state(state: State<'_, AppState>, module: String, activity: String) -> Reply<VideoState> {
    let manifest = manifest_of(&state, &module)?;
    with_store(&state, |store| {
        let learner = current(store)?;
        Ok(store.video_state(&learner.id, &manifest, &activity)?)
    })
}

fn quiz_of<'a>(manifest: &'a Manifest, activity: &str) -> Reply<&'a dlis::manifest::Quiz> {
    match manifest.activities.iter().find(|a| a.id() == activity) {
        Some(Activity::Quiz(quiz)) => Ok(quiz),
        _ => fail(format!("{} has no quiz {activity:?}", manifest.id)),
    }
}

/// An attempt as the player shows it: `attempt` names one (e.g. the last submitted), or
/// none to start a new attempt or resume the open one.
#[tauri::command]
pub async fn quiz(
    state: State<'_, AppState>,
    module: String,
    activity: String,
    attempt: Option<i64>,
) -> Reply<QuizView> {
    let manifest = manifest_of(&state, &module)?;
    let quiz = quiz_of(&manifest, &activity)?;
    with_store(&state, |store| {
        let learner = current(store)?;
        let view = match attempt {
            Some(id) => store.attempt(&learner.id, &manifest, id)?,
            None => store.start_quiz(&learner.id, &manifest, &activity)?,
        };
        let content = super::modules::learner_content_language(store, &learner, &manifest)?;
        Ok(views::quiz_view(&manifest, quiz, &view, &content.language))
    })
}

/// Starts (or resumes) an attempt.
#[tauri::command]
pub async fn start_quiz(state: State<'_, AppState>, module: String, activity: String) -> Reply<QuizView> {
    quiz(state, module, activity, None).await
}

#[tauri::command]
pub async fn answer(
    state: State<'_, AppState>,
    module: String,
    activity: String,
    attempt: i64,
    question: String,
    response: Response,
) -> Reply<QuizView> {
    let manifest = manifest_of(&state, &module)?;
    let quiz = quiz_of(&manifest, &activity)?;
    with_store(&state, |store| {
        let learner = current(store)?;
        store.answer(&learner.id, &manifest, attempt, &question, &response)?;
        let view = store.attempt(&learner.id, &manifest, attempt)?;
        Ok(views::quiz_view(&manifest, quiz, &view, &learner.language))
    })
}

#[tauri::command]
pub async fn submit_quiz(
    state: State<'_, AppState>,
    module: String,
    activity: String,
    attempt: i64,
) -> Reply<QuizView> {
    let manifest = manifest_of(&state, &module)?;
    let quiz = quiz_of(&manifest, &activity)?;
    with_store(&state, |store| {
        let learner = current(store)?;
        let _: Total = store.submit_quiz(&learner.id, &manifest, attempt)?;
        let view = store.attempt(&learner.id, &manifest, attempt)?;
        Ok(views::quiz_view(&manifest, quiz, &view, &learner.language))
    })
}
