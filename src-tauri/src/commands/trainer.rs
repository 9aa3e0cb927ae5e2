//! The trainer PIN and the trainer's session (`crate::trainer`).

use std::time::Instant;

use serde::Serialize;
use tauri::State;

use super::{Reply, with_store};
use crate::state::AppState;

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
