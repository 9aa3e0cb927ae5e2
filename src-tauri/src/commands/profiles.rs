//! Learner profiles: list, create, open (with the PIN), close; a profile is changed only by
//! its signed-in learner.

use dlis::store::Learner;
use tauri::State;

use super::{Reply, own, with_store};
use crate::state::AppState;

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

/// Chooses the signed-in learner's display theme (`light`, `dark`, `contrast`), or with `None`
/// lets it follow the computer's.
#[tauri::command]
pub async fn set_learner_theme(
    state: State<'_, AppState>,
    id: String,
    theme: Option<String>,
) -> Reply<Learner> {
    with_store(&state, |store| {
        own(store, &id)?;
        Ok(store.set_learner_theme(&id, theme.as_deref())?)
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
