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
        let saved = store.institution()?;
        let lrs = dlis::sync::LrsAccess::reuse(
            saved.as_ref().map(|i| &i.lrs),
            &endpoint,
            &username,
            Some(&password),
        )?;
        // The settings page does not edit the identifier rule: a trainer's institution file keeps it.
        let learner_identifier = saved.and_then(|i| i.learner_identifier);
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
