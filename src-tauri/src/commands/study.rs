//! A learner's work in a module: learning events, capsule positions, quiz attempts.

use dlis::Manifest;
use dlis::manifest::Activity;
use dlis::quiz::{Response, Total};
use dlis::store::{Event, ModuleProgress, Note, SurveyTake, VideoState};
use dlis::survey::Ratings;
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

/// What the survey screen shows: the learner's takes, the first first, and the installed
/// modules that strengthen the weak dimensions of the latest, with those dimensions.
#[derive(serde::Serialize)]
pub struct SurveyPage {
    takes: Vec<SurveyTake>,
    recommended: Vec<Recommended>,
}

#[derive(serde::Serialize)]
pub struct Recommended {
    module: String,
    title: String,
    dimensions: Vec<String>,
}

fn survey_page(
    state: &AppState,
    store: &dlis::store::Store,
    learner: &dlis::store::Learner,
    manifest: &Manifest,
    activity: &str,
) -> Reply<SurveyPage> {
    let takes = store.survey_takes(&learner.id, manifest, activity)?;
    let (installed, _) = state.library.list()?;
    let recommended = match takes.last() {
        Some(last) => {
            let modules = installed.iter().map(|m| m.manifest.as_ref());
            dlis::survey::recommended(&last.profile, &manifest.id, modules)
                .into_iter()
                .map(|(m, dimensions)| Recommended {
                    module: m.id.clone(),
                    title: m.title_in(m.display_language(&learner.language)).to_owned(),
                    dimensions,
                })
                .collect()
        }
        None => Vec::new(),
    };
    Ok(SurveyPage { takes, recommended })
}

/// The signed-in learner's takes of a survey and what is recommended to them.
#[tauri::command]
pub async fn survey(state: State<'_, AppState>, module: String, activity: String) -> Reply<SurveyPage> {
    let manifest = manifest_of(&state, &module)?;
    with_store(&state, |store| {
        let learner = current(store)?;
        survey_page(&state, store, &learner, &manifest, &activity)
    })
}

/// The signed-in learner takes a survey: every statement rated, a reflection if written.
#[tauri::command]
pub async fn take_survey(
    state: State<'_, AppState>,
    module: String,
    activity: String,
    ratings: Ratings,
    reflection: Option<String>,
) -> Reply<SurveyPage> {
    let manifest = manifest_of(&state, &module)?;
    with_store(&state, |store| {
        let learner = current(store)?;
        store.take_survey(&learner.id, &manifest, &activity, &ratings, reflection.as_deref())?;
        survey_page(&state, store, &learner, &manifest, &activity)
    })
}

/// The signed-in learner's notes on an activity of a module (all of the module's without one).
#[tauri::command]
pub async fn notes(state: State<'_, AppState>, module: String, activity: Option<String>) -> Reply<Vec<Note>> {
    with_store(&state, |store| {
        let learner = current(store)?;
        let notes = store.notes(&learner.id, Some(&module))?;
        Ok(notes.into_iter().filter(|n| activity.as_deref().is_none_or(|a| a == n.activity_id)).collect())
    })
}

/// Writes a note of the signed-in learner on a lesson, or at a time of a capsule.
#[tauri::command]
pub async fn add_note(
    state: State<'_, AppState>,
    module: String,
    activity: String,
    at: Option<f64>,
    text: String,
) -> Reply<Note> {
    let manifest = manifest_of(&state, &module)?;
    with_store(&state, |store| {
        let learner = current(store)?;
        Ok(store.add_note(&learner.id, &manifest, &activity, at, &text)?)
    })
}

/// Deletes a note of the signed-in learner's (another's cannot be named).
#[tauri::command]
pub async fn delete_note(state: State<'_, AppState>, id: i64) -> Reply<()> {
    with_store(&state, |store| {
        let learner = current(store)?;
        Ok(store.delete_note(&learner.id, id)?)
    })
}

/// Writes the signed-in learner's notes as Markdown to the file they chose; `title` is the
/// document's heading in their language. Returns how many notes were written.
#[tauri::command]
pub async fn export_notes(
    state: State<'_, AppState>,
    path: std::path::PathBuf,
    title: String,
) -> Reply<usize> {
    let (installed, _) = state.library.list()?;
    let modules: Vec<&Manifest> = installed.iter().map(|m| m.manifest.as_ref()).collect();
    with_store(&state, |store| {
        let learner = current(store)?;
        Ok(dlis::store::export_notes(store, &learner.id, &modules, &title, &path)?)
    })
}

/// Saves the signed-in learner's attestation of training for a module they completed, as a PDF
/// at `path`, with the page's `labels` (the learner's language), issued by the institution set
/// on this laptop, else the module's organisation. Returns its verification code.
#[tauri::command]
pub async fn save_attestation(
    state: State<'_, AppState>,
    module: String,
    path: std::path::PathBuf,
    labels: dlis::attestation::Labels,
) -> Reply<String> {
    let manifest = manifest_of(&state, &module)?;
    let attestation = with_store(&state, |store| {
        let learner = current(store)?;
        let issuer = store.institution()?.map(|i| i.name);
        let content = super::modules::learner_content_language(store, &learner, &manifest)?;
        Ok(dlis::attestation::for_learner(store, &learner, &manifest, &content.language, issuer.as_deref())?)
    })?;
    dlis::attestation::save(&attestation, &labels, &path)?;
    Ok(attestation.code)
}
