//! The commands the page calls (`window.__TAURI__.core.invoke(name, args)`), each a thin call
//! into the core. Every command that touches the disk or SQLite is `async`: Tauri runs
//! synchronous commands on the main thread, which also draws the window, so a slow disk (a
//! USB stick, a busy laptop) would freeze it; async ones run on the runtime's threads. This file is the documented API of the UI: arguments are camelCase in
//! JavaScript, results are the serialised Rust values, and every error is a
//! `{ message }` in plain words, ready to show.

use std::path::PathBuf;
use std::time::Instant;

use dlis::library::{InstallOutcome, Installed};
use dlis::manifest::{Activity, localized};
use dlis::progress::Progress;
use dlis::quiz::{Response, Total};
use dlis::store::{Event, Learner, ModuleProgress, Store, SyncStatus, VideoState};
use dlis::sync::{Client, Institution};
use dlis::{ErrorKind, Manifest};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State};

use crate::state::{AppState, Slot};
use crate::views::{self, ManifestView, QuizView};

/// An error for the page: one message, in plain words, and for the errors a learner or a
/// trainer can act on, a kind the page turns into words of the learner's language
/// (`error-<kind>` in `ui/i18n/*.ftl`).
#[derive(Debug, Serialize)]
pub struct CommandError {
    pub message: String,
    pub kind: Option<ErrorKind>,
}

impl<E: std::error::Error + 'static> From<E> for CommandError {
    fn from(err: E) -> CommandError {
        CommandError { message: err.to_string(), kind: kind_of(&err) }
    }
}

/// The kind of the errors the page explains in its own words, as the core names them.
fn kind_of(err: &(dyn std::error::Error + 'static)) -> Option<ErrorKind> {
    use dlis::library::{InstallError, LibraryError};
    use dlis::store::{LearnerError, TrackError};
    use dlis::sync::SyncError;
    if let Some(err) = err.downcast_ref::<LearnerError>() {
        err.kind()
    } else if let Some(err) = err.downcast_ref::<TrackError>() {
        err.kind()
    } else if let Some(err) = err.downcast_ref::<SyncError>() {
        err.kind()
    } else if let Some(err) = err.downcast_ref::<InstallError>() {
        err.kind()
    } else if let Some(err) = err.downcast_ref::<LibraryError>() {
        err.kind()
    } else {
        None
    }
}

fn fail<T>(message: impl Into<String>) -> Result<T, CommandError> {
    Err(CommandError { message: message.into(), kind: None })
}

type Reply<T> = Result<T, CommandError>;

/// Runs `f` with the open store, or fails with why it is not open.
fn with_store<T>(state: &AppState, f: impl FnOnce(&mut Store) -> Reply<T>) -> Reply<T> {
    match &mut *state.slot() {
        Slot::Open(store) => f(store),
        Slot::Refused(why) => fail(why.clone()),
    }
}

fn current(store: &Store) -> Reply<Learner> {
    store.current_learner()?.map_or_else(|| fail("no learner profile is open"), Ok)
}

/// The profile `id`, if it is the signed-in learner's: a profile is changed only by its
/// learner, whatever the page asks.
fn own(store: &Store, id: &str) -> Reply<Learner> {
    match store.current_learner()? {
        Some(learner) if learner.id == id => Ok(learner),
        _ => fail("only the signed-in learner can change their own profile"),
    }
}

/// Fails unless the trainer PIN was given lately (`trainer.rs`): the page then asks for it.
fn trainer_only(state: &AppState) -> Reply<()> {
    if state.trainer.is_open(Instant::now()) {
        Ok(())
    } else {
        Err(CommandError { message: "this needs the trainer PIN".into(), kind: Some(TRAINER_ONLY) })
    }
}

/// The kind of the error that says a command needs the trainer PIN.
const TRAINER_ONLY: ErrorKind = ErrorKind::TrainerOnly;

fn manifest_of(state: &AppState, module: &str) -> Reply<Manifest> {
    Ok(state.library.open(module)?.manifest().clone())
}

const UI_LANGUAGE: &str = "app.ui_language";

/// Display preferences of this computer, kept in the store's settings as `app.ui.<name>`.
const PREFERENCES: [&str; 3] = ["text_size", "high_contrast", "reduce_motion"];

#[derive(Serialize)]
pub struct AppInfo {
    version: &'static str,
    data_dir: PathBuf,
    /// Why the progress database could not be opened; the page asks before starting fresh.
    store_problem: Option<String>,
    learner: Option<Learner>,
    ui_language: Option<String>,
    learners: usize,
    /// The display preferences that are set (see [`set_preference`]).
    preferences: std::collections::BTreeMap<String, String>,
}

#[tauri::command]
pub async fn app_state(state: State<'_, AppState>) -> Reply<AppInfo> {
    let mut info = AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        data_dir: state.data_dir.clone(),
        store_problem: None,
        learner: None,
        ui_language: None,
        learners: 0,
        preferences: Default::default(),
    };
    match &*state.slot() {
        Slot::Refused(why) => info.store_problem = Some(why.clone()),
        Slot::Open(store) => {
            info.learner = store.current_learner()?;
            info.ui_language = store.setting(UI_LANGUAGE)?;
            info.learners = store.learners()?.len();
            for name in PREFERENCES {
                if let Some(value) = store.setting(&format!("app.ui.{name}"))? {
                    info.preferences.insert(name.to_owned(), value);
                }
            }
        }
    }
    Ok(info)
}

/// The learner agreed: the damaged database is kept aside and a new one started.
#[tauri::command]
pub async fn start_fresh(state: State<'_, AppState>) -> Reply<String> {
    let path = state.data_dir.join(dlis::store::FILE_NAME);
    state.close_sync_store();
    let (store, aside) = Store::set_aside_and_start_fresh(&path)?;
    *state.slot() = Slot::Open(store);
    Ok(aside.display().to_string())
}

#[tauri::command]
pub async fn set_ui_language(state: State<'_, AppState>, language: String) -> Reply<()> {
    with_store(&state, |store| Ok(store.set_setting(UI_LANGUAGE, &language)?))
}

/// Sets a display preference: `text_size` (a percentage), `high_contrast` or `reduce_motion`
/// (`on`/`off`).
#[tauri::command]
pub async fn set_preference(state: State<'_, AppState>, name: String, value: String) -> Reply<()> {
    if !PREFERENCES.contains(&name.as_str()) {
        return fail(format!("{name:?} is not a display preference"));
    }
    with_store(&state, |store| Ok(store.set_setting(&format!("app.ui.{name}"), &value)?))
}

#[tauri::command]
pub async fn learners(state: State<'_, AppState>) -> Reply<Vec<Learner>> {
    with_store(&state, |store| Ok(store.learners()?))
}

/// Creates a profile and opens it.
#[tauri::command]
pub async fn create_learner(
    state: State<'_, AppState>,
    name: String,
    language: String,
    pin: Option<String>,
) -> Reply<Learner> {
    with_store(&state, |store| {
        let pin = pin.filter(|p| !p.is_empty());
        let learner = store.create_learner(&name, &language, pin.as_deref())?;
        Ok(store.switch_learner(&learner.id)?)
    })
}

#[tauri::command]
pub async fn switch_learner(state: State<'_, AppState>, id: String, pin: Option<String>) -> Reply<Learner> {
    with_store(&state, |store| {
        if store.learner(&id)?.has_pin {
            store.check_pin(&id, pin.as_deref().unwrap_or_default())?;
        }
        state.trainer.close();
        Ok(store.switch_learner(&id)?)
    })
}

/// Closes the open profile (on a shared laptop, before handing it over).
#[tauri::command]
pub async fn sign_out(state: State<'_, AppState>) -> Reply<()> {
    state.trainer.close();
    with_store(&state, |store| Ok(store.close_learner()?))
}

#[tauri::command]
pub async fn rename_learner(state: State<'_, AppState>, id: String, name: String) -> Reply<Learner> {
    with_store(&state, |store| {
        own(store, &id)?;
        Ok(store.rename_learner(&id, &name)?)
    })
}

#[tauri::command]
pub async fn set_learner_language(
    state: State<'_, AppState>,
    id: String,
    language: String,
) -> Reply<Learner> {
    with_store(&state, |store| {
        own(store, &id)?;
        Ok(store.set_learner_language(&id, &language)?)
    })
}

#[tauri::command]
pub async fn set_learner_pin(state: State<'_, AppState>, id: String, pin: Option<String>) -> Reply<Learner> {
    with_store(&state, |store| {
        own(store, &id)?;
        Ok(store.set_pin(&id, pin.as_deref().filter(|p| !p.is_empty()))?)
    })
}

/// Deletes a profile and every record of it (the page has asked for confirmation).
#[tauri::command]
pub async fn delete_learner(state: State<'_, AppState>, id: String) -> Reply<()> {
    with_store(&state, |store| {
        own(store, &id)?;
        store.delete_learner(&id)?;
        Ok(())
    })
}

/// A module in the catalogue.
#[derive(Serialize)]
pub struct CatalogueEntry {
    manifest: ManifestView,
    size: u64,
    signed: bool,
    verified_by: Option<String>,
    progress: Option<Summary>,
}

#[derive(Serialize)]
pub struct Summary {
    done: usize,
    total: usize,
    completed: bool,
    last_activity_id: Option<String>,
}

fn summary(progress: &ModuleProgress) -> Summary {
    Summary {
        done: progress.done,
        total: progress.activities.len(),
        completed: progress.completed_at.is_some(),
        last_activity_id: progress.last_activity_id.clone(),
    }
}

#[tauri::command]
pub async fn catalogue(state: State<'_, AppState>) -> Reply<Vec<CatalogueEntry>> {
    let (installed, _problems) = state.library.list()?;
    with_store(&state, |store| {
        let learner = store.current_learner()?;
        installed
            .into_iter()
            .map(|Installed { manifest, size, signer, verified_by, .. }| {
                let progress = match &learner {
                    Some(learner) => Some(summary(&store.module_progress(&learner.id, &manifest)?)),
                    None => None,
                };
                Ok(CatalogueEntry {
                    manifest: ManifestView::from(manifest),
                    size,
                    signed: signer.is_some(),
                    verified_by,
                    progress,
                })
            })
            .collect()
    })
}

#[derive(Serialize)]
pub struct ModuleView {
    manifest: ManifestView,
    progress: ModuleProgress,
    /// Module files are at `{asset_base}/{path}`.
    asset_base: String,
}

#[tauri::command]
pub async fn module(state: State<'_, AppState>, id: String) -> Reply<ModuleView> {
    let manifest = manifest_of(&state, &id)?;
    with_store(&state, |store| {
        let learner = current(store)?;
        let progress = store.module_progress(&learner.id, &manifest)?;
        Ok(ModuleView {
            asset_base: format!("{}/{}", state.media.base, manifest.id),
            manifest: ManifestView::from(manifest),
            progress,
        })
    })
}

/// A lesson as sanitised HTML, in `language` (or the module's default).
#[tauri::command]
pub async fn lesson(
    state: State<'_, AppState>,
    module: String,
    activity: String,
    language: String,
) -> Reply<String> {
    markdown_page(&state, &module, &activity, &language, "lesson", |a| match a {
        Activity::Lesson(lesson) => Some(&lesson.body),
        _ => None,
    })
}

/// A capsule's transcript as sanitised HTML.
#[tauri::command]
pub async fn transcript(
    state: State<'_, AppState>,
    module: String,
    activity: String,
    language: String,
) -> Reply<String> {
    markdown_page(&state, &module, &activity, &language, "capsule", |a| match a {
        Activity::Video(video) => Some(&video.transcript),
        _ => None,
    })
}

/// The Markdown file that `pick` names in an activity, in `language`, as sanitised HTML.
fn markdown_page(
    state: &AppState,
    module: &str,
    activity: &str,
    language: &str,
    kind: &str,
    pick: impl Fn(&Activity) -> Option<&dlis::manifest::Localized<String>>,
) -> Reply<String> {
    let bundle = state.library.open(module)?;
    let manifest = bundle.manifest();
    let Some(files) = manifest.activities.iter().find(|a| a.id() == activity).and_then(pick) else {
        return fail(format!("{module} has no {kind} {activity:?}"));
    };
    let language = manifest.display_language(language);
    let file = localized(files, language, &manifest.default_language).to_owned();
    let markdown = String::from_utf8_lossy(&bundle.read(&file)?).into_owned();
    Ok(views::markdown_html(&markdown, &file, &format!("{}/{}", state.media.base, manifest.id)))
}

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
        Ok(views::quiz_view(&manifest, quiz, &view, &learner.language))
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

/// What a bundle holds, before installing it (for the upgrade prompt).
#[derive(Serialize)]
pub struct BundleInfo {
    manifest: Option<ManifestView>,
    problems: Vec<String>,
    installed_version: Option<String>,
    /// How the offered version compares with the installed one (`newer`, `same`, `older`),
    /// by the core's semantic-version order; `None` when the module is not installed.
    offered_is: Option<&'static str>,
    /// Who signed the offered bundle: the trusted organisation, else the name its signature
    /// claims (`verified` says which); `None` when it is not signed.
    signed_by: Option<String>,
    verified: bool,
    /// The organisation that signed the installed copy, when its key is trusted.
    installed_verified_by: Option<String>,
    /// Installing would drop the installed copy's trusted signature: the page asks first.
    signer_change: Option<dlis::library::SignerChange>,
}

#[tauri::command]
pub async fn inspect_bundle(state: State<'_, AppState>, path: PathBuf) -> Reply<BundleInfo> {
    // Only what the preview shows is read (no file hashed): the install verifies its own copy.
    let report = dlis::bundle::preview(&path, state.library.limits());
    let trust = state.library.trust()?;
    let verified_by = report.signer.as_ref().and_then(|s| trust.organisation_for(s)).map(str::to_owned);
    let mut info = BundleInfo {
        problems: report.diagnostics.iter().map(|d| d.to_string()).collect(),
        verified: verified_by.is_some(),
        signed_by: verified_by.or_else(|| report.signer.as_ref().map(|s| s.organisation.clone())),
        installed_version: None,
        offered_is: None,
        installed_verified_by: None,
        signer_change: None,
        manifest: None,
    };
    if let Some(manifest) = &report.manifest {
        if let Ok(installed) = state.library.open(&manifest.id) {
            let installed = &installed.manifest().version;
            info.installed_version = Some(installed.to_string());
            info.offered_is = Some(match manifest.version.cmp(installed) {
                std::cmp::Ordering::Greater => "newer",
                std::cmp::Ordering::Equal => "same",
                std::cmp::Ordering::Less => "older",
            });
        }
        info.signer_change = state.library.signer_change(&manifest.id, report.signer.as_ref())?;
        info.installed_verified_by = state
            .library
            .list()?
            .0
            .into_iter()
            .find(|m| m.manifest.id == manifest.id)
            .and_then(|m| m.verified_by);
    }
    info.manifest = report.manifest.map(ManifestView::from);
    Ok(info)
}

/// Forwards install progress to the page as `install-progress` events.
struct ToPage(AppHandle);

#[derive(Clone, Serialize)]
struct ProgressEvent<'a> {
    phase: Option<&'a str>,
    total: u64,
    advance: u64,
}

impl Progress for ToPage {
    fn phase(&self, label: &str, total: u64) {
        let _ = self.0.emit("install-progress", ProgressEvent { phase: Some(label), total, advance: 0 });
    }
    fn advance(&self, bytes: u64) {
        let _ = self.0.emit("install-progress", ProgressEvent { phase: None, total: 0, advance: bytes });
    }
}

#[derive(Serialize)]
pub struct InstallResult {
    id: String,
    version: String,
    outcome: InstallOutcome,
}

/// Installs a bundle (async: the window stays responsive while a large bundle is copied).
#[tauri::command]
pub async fn install_bundle(
    app: AppHandle,
    state: State<'_, AppState>,
    path: PathBuf,
    force: bool,
) -> Reply<InstallResult> {
    trainer_only(&state)?;
    let library = state.library.clone();
    let progress = ToPage(app);
    let result = tauri::async_runtime::spawn_blocking(move || library.install(&path, force, &progress))
        .await
        .map_err(|e| CommandError { message: e.to_string(), kind: None })?;
    let (installed, outcome) = result?;
    Ok(InstallResult {
        id: installed.manifest.id.clone(),
        version: installed.manifest.version.to_string(),
        outcome,
    })
}

#[tauri::command]
pub async fn remove_module(state: State<'_, AppState>, id: String) -> Reply<()> {
    trainer_only(&state)?;
    state.library.remove(&id)?;
    Ok(())
}

#[tauri::command]
pub async fn sync_status(state: State<'_, AppState>) -> Reply<SyncStatus> {
    with_store(&state, |store| Ok(store.sync_status()?))
}

/// One sync pass, now (the page calls it on a timer and from the "Send now" button).
#[tauri::command]
pub async fn sync_now(app: AppHandle) -> Reply<SyncStatus> {
    // On a thread of its own and a connection of its own: a slow or silent LRS must never
    // hold up the learner's progress writes, which go through the main connection.
    let pass = tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        state.with_sync_store(|store| {
            let institution = store.institution()?.ok_or(dlis::sync::SyncError::NotConfigured)?;
            let client = Client::new(&institution.lrs)?;
            dlis::sync::sync_once(store, &client, 100)?;
            Ok(store.sync_status()?)
        })
    });
    match pass.await {
        Ok(Ok(status)) => Ok(status),
        Ok(Err(err)) => Err(err.into()),
        Err(err) => fail(err.to_string()),
    }
}

#[derive(Serialize)]
pub struct InstitutionView {
    name: String,
    home_page: String,
    endpoint: String,
    username: String,
    /// The endpoint is `http://` to another computer: the page warns.
    unencrypted: bool,
}

impl From<Institution> for InstitutionView {
    fn from(i: Institution) -> InstitutionView {
        InstitutionView {
            unencrypted: i.lrs.is_unencrypted(),
            name: i.name,
            home_page: i.home_page,
            endpoint: i.lrs.endpoint,
            username: i.lrs.username,
        }
    }
}

/// The institution profile, without its password.
#[tauri::command]
pub async fn institution(state: State<'_, AppState>) -> Reply<Option<InstitutionView>> {
    with_store(&state, |store| Ok(store.institution()?.map(InstitutionView::from)))
}

/// Sets the institution (trainer only). An empty password keeps the saved one, but only for
/// the same endpoint and user (`LrsAccess::reuse`).
#[tauri::command]
pub async fn set_institution(
    state: State<'_, AppState>,
    name: String,
    home_page: String,
    endpoint: String,
    username: String,
    password: String,
) -> Reply<InstitutionView> {
    trainer_only(&state)?;
    with_store(&state, |store| {
        let saved = store.institution()?.map(|i| i.lrs);
        let lrs = dlis::sync::LrsAccess::reuse(saved.as_ref(), &endpoint, &username, Some(&password))?;
        let institution = Institution { name, home_page, lrs };
        store.set_institution(&institution)?;
        Ok(InstitutionView::from(institution))
    })
}

#[derive(Serialize)]
pub struct TrainerState {
    /// Whether a trainer PIN is set on this computer (if not, the page offers to set one).
    pin_set: bool,
    /// Whether the trainer's commands work now.
    unlocked: bool,
}

#[tauri::command]
pub async fn trainer_state(state: State<'_, AppState>) -> Reply<TrainerState> {
    with_store(&state, |store| {
        Ok(TrainerState {
            pin_set: store.has_trainer_pin()?,
            unlocked: state.trainer.is_open(Instant::now()),
        })
    })
}

/// Sets the trainer PIN: the first time without `current`, then only with it. Opens the
/// trainer's session.
#[tauri::command]
pub async fn set_trainer_pin(state: State<'_, AppState>, current: Option<String>, pin: String) -> Reply<()> {
    with_store(&state, |store| {
        store.set_trainer_pin(current.as_deref(), &pin)?;
        state.trainer.open(Instant::now());
        Ok(())
    })
}

/// The trainer PIN, checked under its attempt limit, opens the trainer's session.
#[tauri::command]
pub async fn unlock_trainer(state: State<'_, AppState>, pin: String) -> Reply<()> {
    with_store(&state, |store| {
        store.check_trainer_pin(&pin)?;
        state.trainer.open(Instant::now());
        Ok(())
    })
}

#[tauri::command]
pub fn lock_trainer(state: State<'_, AppState>) {
    state.trainer.close();
}

/// Writes an export file of every learner's records (the page asked where).
#[tauri::command]
pub async fn export_records(state: State<'_, AppState>, path: PathBuf) -> Reply<u64> {
    with_store(&state, |store| Ok(dlis::export::write(store, None, &path)?.statements))
}

/// The page shows its first screen. With `DLIS_STARTUP_TRACE` set, the shell says so on
/// stderr, for the start-up benchmark (`cargo bench -p dlis-learn-app`).
#[tauri::command]
pub fn screen_shown(screen: String) {
    if std::env::var_os("DLIS_STARTUP_TRACE").is_some() {
        eprintln!("dlis-learn: first screen shown: {screen}");
    }
}

#[cfg(test)]
mod tests {
    use dlis::ErrorKind;
    use dlis::library::InstallError;
    use dlis::store::{LearnerError, TrackError};
    use dlis::sync::SyncError;

    use super::CommandError;

    /// One error of every kind the page translates, as the core's errors (and the shell's
    /// own) give them.
    fn every_kind() -> Vec<CommandError> {
        let older =
            || InstallError::Older { id: "m".into(), installed: "2.0.0".into(), offered: "1.0.0".into() };
        vec![
            LearnerError::WrongPin.into(),
            LearnerError::Locked { seconds: 30 }.into(),
            LearnerError::BadPin.into(),
            LearnerError::EmptyName.into(),
            LearnerError::NameTooLong { max: 80 }.into(),
            LearnerError::NameControl.into(),
            LearnerError::Language("x y".into()).into(),
            TrackError::NoAttemptsLeft { quiz: "q".into(), max: 3 }.into(),
            SyncError::NotConfigured.into(),
            SyncError::Unauthorized { status: 401 }.into(),
            SyncError::Unavailable { detail: "offline".into(), retry_after: None }.into(),
            SyncError::PasswordNeeded {
                endpoint: "https://b/".into(),
                saved: "https://a/".into(),
                user: "u".into(),
            }
            .into(),
            older().into(),
            InstallError::SameVersionDiffers { id: "m".into(), version: "1.0.0".into() }.into(),
            InstallError::SignerChanged {
                id: "m".into(),
                installed: "HELMo".into(),
                offered: "not signed".into(),
            }
            .into(),
            dlis::library::LibraryError::NotInstalled { id: "m".into() }.into(),
            CommandError { message: "trainer".into(), kind: Some(super::TRAINER_ONLY) },
        ]
    }

    #[test]
    fn errors_a_learner_can_act_on_have_a_kind_and_the_others_none() {
        let wrapped: CommandError = TrackError::Learner(LearnerError::WrongPin).into();
        assert_eq!(wrapped.kind, Some(ErrorKind::WrongPin), "a learner error inside a tracking error");
        let unknown: CommandError = LearnerError::Unknown { id: "x".into() }.into();
        assert_eq!(unknown.kind, None);
        let bad: CommandError = SyncError::BadInstitution("no".into()).into();
        assert_eq!(bad.kind, None);
        let given: std::collections::HashSet<ErrorKind> =
            every_kind().iter().filter_map(|e| e.kind).collect();
        for kind in ErrorKind::ALL {
            assert!(given.contains(kind), "no error of the core gives the kind {kind}");
        }
    }

    #[test]
    fn every_kind_is_said_in_every_language_of_the_page() {
        let i18n = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/i18n");
        for language in ["en", "fr", "ro", "el", "nl", "de"] {
            let messages = std::fs::read_to_string(i18n.join(format!("{language}.ftl"))).unwrap();
            for kind in ErrorKind::ALL {
                let id = format!("\nerror-{kind} =");
                assert!(messages.contains(&id), "{language}.ftl has no{id}");
            }
        }
    }
}
