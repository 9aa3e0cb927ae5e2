//! Where learners' records go: the institution's LRS (settings, sync) and export files.

use std::path::PathBuf;

use dlis::store::SyncStatus;
use dlis::sync::{Client, Institution};
use serde::Serialize;
use tauri::{AppHandle, Manager, State};

use super::{Reply, fail, trainer_only, with_store};
use crate::state::AppState;

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
    /// What learners may link their profile to, when the institution asks (`dlis::account`).
    identifier_label: Option<String>,
    identifier_pattern: Option<String>,
}

impl From<Institution> for InstitutionView {
    fn from(i: Institution) -> InstitutionView {
        InstitutionView {
            unencrypted: i.lrs.is_unencrypted(),
            identifier_label: i.learner_identifier.as_ref().map(|r| r.label.clone()),
            identifier_pattern: i.learner_identifier.and_then(|r| r.pattern),
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
/// the same endpoint and user (`LrsAccess::reuse`). Without `identifier_label`, the saved
/// identifier rule is kept; an empty one asks learners for no identifier.
#[tauri::command]
#[allow(clippy::too_many_arguments)] // the form's fields, named as the page sends them
pub async fn set_institution(
    state: State<'_, AppState>,
    name: String,
    home_page: String,
    endpoint: String,
    username: String,
    password: String,
    identifier_label: Option<String>,
    identifier_pattern: Option<String>,
) -> Reply<InstitutionView> {
    trainer_only(&state)?;
    with_store(&state, |store| {
        let saved = store.institution()?;
        let lrs = dlis::sync::LrsAccess::reuse(
            saved.as_ref().map(|i| &i.lrs),
            &endpoint,
            &username,
            Some(&password),
        )?;
        let learner_identifier = match identifier_label.map(|l| l.trim().to_owned()) {
            None => saved.and_then(|i| i.learner_identifier),
            Some(label) if label.is_empty() => None,
            Some(label) => Some(dlis::account::IdentifierRule {
                label,
                pattern: identifier_pattern.map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()),
            }),
        };
        let institution = Institution { name, home_page, lrs, learner_identifier };
        store.set_institution(&institution)?;
        Ok(InstitutionView::from(institution))
    })
}

/// Writes an export file of every learner's records (the page asked where).
#[tauri::command]
pub async fn export_records(state: State<'_, AppState>, path: PathBuf) -> Reply<u64> {
    with_store(&state, |store| Ok(dlis::export::write(store, None, &path)?.statements))
}

/// What the consent screen shows: whether the institution asks for an identifier, and the
/// learner's link if they made one.
#[derive(Serialize)]
pub struct LinkView {
    /// The institution's name and what it calls the identifier; `None` when it asks for none.
    asked: Option<(String, String)>,
    link: Option<dlis::store::Link>,
}

fn link_view(store: &dlis::store::Store) -> Reply<LinkView> {
    let learner = super::current(store)?;
    let asked = store.institution()?.and_then(|i| i.learner_identifier.map(|rule| (i.name, rule.label)));
    Ok(LinkView { asked, link: store.learner_link(&learner.id)? })
}

#[tauri::command]
pub async fn learner_link(state: State<'_, AppState>) -> Reply<LinkView> {
    with_store(&state, |store| link_view(store))
}

/// Links the signed-in learner's profile to `identifier`: the page asked for their consent.
#[tauri::command]
pub async fn link_learner(state: State<'_, AppState>, identifier: String) -> Reply<LinkView> {
    with_store(&state, |store| {
        let learner = super::current(store)?;
        store.link_learner(&learner.id, &identifier)?;
        link_view(store)
    })
}

#[tauri::command]
pub async fn unlink_learner(state: State<'_, AppState>) -> Reply<LinkView> {
    with_store(&state, |store| {
        let learner = super::current(store)?;
        store.unlink_learner(&learner.id)?;
        link_view(store)
    })
}

/// The merged report of export files (trainer only), as the Records screen shows it: the same
/// figures as `dlis merge`, module titles in `language` (from the modules installed here), and
/// the learners' names from `roster` (`identifier,name`), as `dlis merge --roster` prints them.
#[derive(Serialize)]
pub struct ReportView {
    files: Vec<(PathBuf, u64)>,
    refused: Vec<String>,
    summary: String,
    rows: Vec<RowView>,
    items: Vec<dlis::report::ItemAnalysis>,
}

#[derive(Serialize)]
pub struct RowView {
    learner_id: String,
    learner_name: Option<String>,
    module_id: String,
    module_title: Option<String>,
    completed: bool,
    best_score_scaled: Option<f64>,
    time_spent_seconds: f64,
    attestation_code: Option<String>,
}

/// The merged report, with the names of `roster` (a CSV on the trainer's computer) when given.
fn merged(
    state: &AppState,
    paths: &[PathBuf],
    language: &str,
    roster: Option<&std::path::Path>,
) -> Reply<dlis::report::Report> {
    // The roster first: one with a bad line is refused before anything is merged.
    let roster = roster.map(dlis::report::roster::read).transpose()?;
    let mut report = dlis::report::merge_files(paths);
    if let Some(roster) = &roster {
        report.name_learners(roster);
    }
    let installed = state
        .library
        .list()
        .map(|(modules, _)| {
            modules.into_iter().map(|m| (m.manifest.id.clone(), m.manifest.title.clone())).collect()
        })
        .unwrap_or_default();
    report.title_modules(language, &installed);
    Ok(report)
}

#[tauri::command]
pub async fn merge_records(
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
    language: String,
    roster: Option<PathBuf>,
) -> Reply<ReportView> {
    trainer_only(&state)?;
    let report = merged(&state, &paths, &language, roster.as_deref())?;
    Ok(ReportView {
        files: report.merged.clone(),
        refused: report.refused.iter().map(ToString::to_string).collect(),
        summary: dlis::report::summary(&report),
        rows: report
            .rows
            .iter()
            .map(|r| RowView {
                learner_id: r.learner_id.clone(),
                learner_name: r.learner_name.clone(),
                module_id: r.module_id.clone(),
                module_title: r.module_title.clone(),
                completed: r.completed,
                best_score_scaled: r.best_score_scaled,
                time_spent_seconds: r.time_spent_seconds,
                attestation_code: r.attestation_code(),
            })
            .collect(),
        items: report.items.clone(),
    })
}

/// Writes the merged report of `paths` to `out` (.xlsx, .html or .csv, by its extension).
#[tauri::command]
pub async fn save_records_report(
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
    language: String,
    roster: Option<PathBuf>,
    out: PathBuf,
) -> Reply<Vec<PathBuf>> {
    trainer_only(&state)?;
    let report = merged(&state, &paths, &language, roster.as_deref())?;
    Ok(dlis::report::write(&report, &out)?)
}
