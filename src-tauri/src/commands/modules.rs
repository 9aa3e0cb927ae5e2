//! Installed modules: the catalogue, a module's page, lessons and transcripts as safe HTML,
//! and (for trainers) inspecting, installing and removing bundles.

use std::path::PathBuf;

use dlis::Manifest;
use dlis::language::{ContentLanguage, content_language};
use dlis::library::{InstallOutcome, Installed};
use dlis::manifest::{Activity, localized_with_language};
use dlis::progress::Progress;
use dlis::store::{Learner, ModuleProgress, Store};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use super::{CommandError, Reply, current, fail, manifest_of, trainer_only, with_store};
use crate::state::AppState;
use dlis::views::ManifestView;

/// A module in the catalogue.
#[derive(Serialize)]
pub struct CatalogueEntry {
    manifest: ManifestView,
    size: u64,
    signed: bool,
    verified_by: Option<String>,
    progress: Option<Summary>,
}

#[derive(Clone, Serialize)]
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
        let progress = match &learner {
            Some(learner) => {
                let manifests: Vec<&Manifest> = installed.iter().map(|m| &*m.manifest).collect();
                store.progress_in_modules(&learner.id, &manifests)?.iter().map(summary).map(Some).collect()
            }
            None => vec![None; installed.len()],
        };
        let chosen = match &learner {
            Some(learner) => store.content_languages(&learner.id)?,
            None => Default::default(),
        };
        let view = |manifest: &Manifest| match &learner {
            Some(learner) => ManifestView::for_learner(
                manifest,
                content_language(manifest, &learner.language, chosen.get(&manifest.id).map(String::as_str)),
            ),
            None => ManifestView::from(manifest),
        };
        Ok(installed
            .into_iter()
            .zip(progress)
            .map(|(Installed { manifest, size, signer, verified_by, .. }, progress)| CatalogueEntry {
                manifest: view(&manifest),
                size,
                signed: signer.is_some(),
                verified_by,
                progress,
            })
            .collect())
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
        let content = learner_content_language(store, &learner, &manifest)?;
        Ok(ModuleView {
            asset_base: format!("{}/{}", state.media.base, manifest.id),
            manifest: ManifestView::for_learner(&manifest, content),
            progress,
        })
    })
}

/// The language `learner` reads `manifest` in (see `dlis::language`).
pub(super) fn learner_content_language(
    store: &Store,
    learner: &Learner,
    manifest: &Manifest,
) -> Result<ContentLanguage, CommandError> {
    let chosen = store.content_languages(&learner.id)?.remove(&manifest.id);
    Ok(content_language(manifest, &learner.language, chosen.as_deref()))
}

/// The signed-in learner reads module `id` in `language`, one of its languages, from now on.
#[tauri::command]
pub async fn choose_content_language(state: State<'_, AppState>, id: String, language: String) -> Reply<()> {
    let manifest = manifest_of(&state, &id)?;
    if !manifest.languages.iter().chain(&manifest.partial_languages).any(|l| *l == language) {
        return fail(format!("module {id} has no language {language:?}"));
    }
    with_store(&state, |store| {
        let learner = current(store)?;
        Ok(store.choose_content_language(&learner.id, &manifest.id, &language)?)
    })
}

/// A lesson as sanitised HTML, in `language` (or the module's default).
#[tauri::command]
pub async fn lesson(
    state: State<'_, AppState>,
    module: String,
    activity: String,
    language: String,
) -> Reply<Page> {
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
) -> Reply<Page> {
    markdown_page(&state, &module, &activity, &language, "capsule", |a| match a {
        Activity::Video(video) => Some(&video.transcript),
        _ => None,
    })
}

/// A lesson or transcript as sanitised HTML, and the language it is in: the one asked for, or
/// the fallback (English, then the module's default) when a partial translation lacks it.
#[derive(Serialize)]
pub struct Page {
    html: String,
    language: String,
}

/// The Markdown file that `pick` names in an activity, in `language`, as sanitised HTML.
fn markdown_page(
    state: &AppState,
    module: &str,
    activity: &str,
    language: &str,
    kind: &str,
    pick: impl Fn(&Activity) -> Option<&dlis::manifest::Localized<String>>,
) -> Reply<Page> {
    let bundle = state.library.open(module)?;
    let manifest = bundle.manifest();
    let Some(files) = manifest.activities.iter().find(|a| a.id() == activity).and_then(pick) else {
        return fail(format!("{module} has no {kind} {activity:?}"));
    };
    let language = manifest.display_language(language);
    let Some((file, language)) = localized_with_language(files, language, &manifest.default_language) else {
        return fail(format!("{module} has no file for {kind} {activity:?}"));
    };
    let markdown = String::from_utf8_lossy(&bundle.read(file)?).into_owned();
    let html = dlis::render::markdown_html(&markdown, file, &format!("{}/{}", state.media.base, manifest.id));
    Ok(Page { html, language: language.to_owned() })
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
        // The installed copy, opened once (from the cache): its version and who signed it.
        if let Ok(installed) = state.library.open(&manifest.id) {
            let version = &installed.manifest().version;
            info.installed_version = Some(version.to_string());
            info.offered_is = Some(match manifest.version.cmp(version) {
                std::cmp::Ordering::Greater => "newer",
                std::cmp::Ordering::Equal => "same",
                std::cmp::Ordering::Less => "older",
            });
            info.installed_verified_by =
                installed.signer().and_then(|s| trust.organisation_for(s)).map(str::to_owned);
        }
        info.signer_change = state.library.signer_change(&manifest.id, report.signer.as_ref())?;
    }
    info.manifest = report.manifest.as_ref().map(ManifestView::from);
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

/// Writes installed module `id` as a package for an institution's LMS (SCORM 1.2 or cmi5) at
/// `path` (trainers only): what `dlis lms-export` does, titled in the trainer's interface
/// language.
#[tauri::command]
pub async fn export_for_lms(
    state: State<'_, AppState>,
    id: String,
    path: PathBuf,
    format: dlis::lms::package::Format,
    language: Option<String>,
) -> Reply<dlis::lms::package::Exported> {
    trainer_only(&state)?;
    let bundle = state.library.open(&id)?;
    Ok(dlis::lms::package::export(
        bundle.path(),
        format,
        &path,
        language.as_deref(),
        state.library.limits(),
        &dlis::progress::Silent,
    )?)
}

/// A search hit with the titles the page shows, in the learner's language.
#[derive(Serialize)]
pub struct SearchHit {
    #[serde(flatten)]
    hit: dlis::search::Hit,
    module_title: String,
    activity_title: Option<String>,
    activity_kind: Option<&'static str>,
}

/// Searches the signed-in learner's own notes first, then every installed module (passages in
/// `language` first). Notes are matched in the learner's profile: they never enter the index,
/// which every profile shares.
#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    language: Option<String>,
) -> Reply<Vec<SearchHit>> {
    let notes = with_store(&state, |store| {
        let learner = current(store)?;
        Ok(store.notes(&learner.id, None)?)
    })?;
    let mut hits: Vec<dlis::search::Hit> = notes
        .into_iter()
        .filter_map(|note| {
            let snippet = dlis::search::matching_text(&note.text, &query)?;
            Some(dlis::search::Hit {
                module: note.module_id,
                activity: Some(note.activity_id),
                place: dlis::search::Place::Note,
                language: language.clone().unwrap_or_default(),
                at: note.at_seconds,
                text: note.text,
                snippet,
            })
        })
        .collect();
    hits.extend(state.with_search(|index| index.search(&query, language.as_deref(), 50))?);
    let language = language.unwrap_or_else(|| "en".into());
    let mut out = Vec::with_capacity(hits.len());
    for hit in hits {
        let Ok(bundle) = state.library.open(&hit.module) else { continue };
        let manifest = bundle.manifest();
        let activity =
            hit.activity.as_deref().and_then(|id| manifest.activities.iter().find(|a| a.id() == id));
        out.push(SearchHit {
            module_title: manifest.title_in(&language).to_owned(),
            activity_title: activity.map(|a| {
                dlis::manifest::localized(a.title(), &language, &manifest.default_language).to_owned()
            }),
            activity_kind: activity.map(|a| match a {
                Activity::Lesson(_) => "lesson",
                Activity::Video(_) => "video",
                Activity::Quiz(_) => "quiz",
                Activity::Survey(_) => "survey",
            }),
            hit,
        });
    }
    Ok(out)
}
