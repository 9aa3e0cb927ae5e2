//! The app itself: its state for the first screen, the damaged-database choice, display
//! preferences of this computer and its idle lock.

use std::path::PathBuf;

use dlis::store::{Learner, Store};
use serde::Serialize;
use tauri::State;

use super::{Reply, fail, with_store};
use crate::state::{AppState, Slot};

const UI_LANGUAGE: &str = "app.ui_language";

/// Display preferences of this computer, kept in the store's settings as `app.ui.<name>`.
const PREFERENCES: [&str; 4] = ["text_size", "high_contrast", "reduce_motion", "idle_lock"];

/// How long a signed-in profile may stay idle before it locks itself, in minutes (the idle
/// lock of shared laptops; 15 when not set).
const IDLE_LOCK_CHOICES: [&str; 5] = ["5", "15", "30", "60", "never"];

#[derive(Serialize)]
pub struct AppInfo {
    version: &'static str,
    data_dir: PathBuf,
    /// Whether this is a portable copy whose data is the `data` folder beside the program
    /// (`dlis::library::portable_data_dir`), as on a USB stick.
    portable: bool,
    /// Why the progress database could not be opened; the page asks before starting fresh.
    store_problem: Option<String>,
    learner: Option<Learner>,
    ui_language: Option<String>,
    learners: usize,
    /// The display preferences that are set (see [`set_preference`]).
    preferences: std::collections::BTreeMap<String, String>,
    /// How many seconds a minute of the idle lock lasts: 60, or what `DLIS_IDLE_MINUTE_SECONDS`
    /// says (the UI tests wait seconds, not minutes).
    idle_minute_seconds: f64,
}

#[tauri::command]
pub async fn app_state(state: State<'_, AppState>) -> Reply<AppInfo> {
    let mut info = AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        data_dir: state.data_dir.clone(),
        portable: std::env::current_exe()
            .ok()
            .and_then(|exe| dlis::library::portable_data_dir(&exe))
            .is_some_and(|dir| dir == state.data_dir),
        store_problem: None,
        learner: None,
        ui_language: None,
        learners: 0,
        preferences: Default::default(),
        idle_minute_seconds: std::env::var("DLIS_IDLE_MINUTE_SECONDS")
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .unwrap_or(60.0),
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

/// Sets a preference of this computer: `text_size` (a percentage), `high_contrast` or
/// `reduce_motion` (`on`/`off`), `idle_lock` (minutes, or `never`).
#[tauri::command]
pub async fn set_preference(state: State<'_, AppState>, name: String, value: String) -> Reply<()> {
    if !PREFERENCES.contains(&name.as_str()) {
        return fail(format!("{name:?} is not a display preference"));
    }
    if name == "idle_lock" && !IDLE_LOCK_CHOICES.contains(&value.as_str()) {
        return fail(format!(
            "{value:?} is not a delay of the idle lock (one of {})",
            IDLE_LOCK_CHOICES.join(", ")
        ));
    }
    with_store(&state, |store| Ok(store.set_setting(&format!("app.ui.{name}"), &value)?))
}

/// The page shows its first screen. With `DLIS_STARTUP_TRACE` set, the shell says so on
/// stderr, for the start-up benchmark (`cargo bench -p dlis-learn-app`).
#[tauri::command]
pub fn screen_shown(screen: String) {
    if std::env::var_os("DLIS_STARTUP_TRACE").is_some() {
        eprintln!("dlis-learn: first screen shown: {screen}");
    }
}
