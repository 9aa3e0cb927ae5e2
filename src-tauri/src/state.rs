//! What the app holds while it runs: the data directory, its installed modules, the progress
//! store and the media server. Opened once at start; shared by every command.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use anyhow::Context;
use dlis::Library;
use dlis::progress::Silent;
use dlis::store::{Store, StoreError};

use crate::media;

/// The setting that says the sample modules were offered once (a learner may remove them).
const SAMPLES_SETTING: &str = "app.samples_installed";

pub struct AppState {
    pub data_dir: PathBuf,
    pub library: Library,
    pub media: media::Server,
    store: Mutex<Slot>,
    /// A second connection to the same database for the background sync, opened on first use.
    sync_store: Mutex<Option<Store>>,
}

/// The progress store, or why it could not be opened (shown to the user, who decides).
pub enum Slot {
    Open(Store),
    Refused(String),
}

impl AppState {
    pub fn start() -> anyhow::Result<AppState> {
        let data_dir = data_dir()?;
        std::fs::create_dir_all(&data_dir)
            .with_context(|| format!("cannot create {}", data_dir.display()))?;
        let library = Library::new(&data_dir);
        let slot = match Store::open(&data_dir.join(dlis::store::FILE_NAME)) {
            Ok(store) => Slot::Open(store),
            Err(err @ (StoreError::Damaged { .. } | StoreError::TooNew { .. })) => {
                Slot::Refused(err.to_string())
            }
            Err(err) => return Err(err.into()),
        };
        if let Slot::Open(store) = &slot {
            install_samples(&library, store);
        }
        let media = media::Server::start(library.clone())?;
        Ok(AppState { data_dir, library, media, store: Mutex::new(slot), sync_store: Mutex::new(None) })
    }

    pub fn slot(&self) -> MutexGuard<'_, Slot> {
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Closes the sync's connection, e.g. after the database was set aside for a new one.
    pub fn close_sync_store(&self) {
        *self.sync_store.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
    }

    /// Runs `f` with the sync's own connection (SQLite in WAL mode lets it work beside the
    /// main one; writes wait for each other up to the store's busy timeout).
    pub fn with_sync_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, dlis::sync::SyncError>,
    ) -> Result<T, dlis::sync::SyncError> {
        let mut guard = self.sync_store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // A damaged database fails to open here too, with the same plain-words error.
        let store = match guard.take() {
            Some(store) => guard.insert(store),
            None => guard.insert(Store::open(&self.data_dir.join(dlis::store::FILE_NAME))?),
        };
        f(store)
    }
}

/// `DLIS_DATA_DIR`, or the platform's data directory: the same as the `dlis` tool's.
fn data_dir() -> anyhow::Result<PathBuf> {
    if let Some(dir) = std::env::var_os("DLIS_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    Library::default_data_dir().context("cannot find a data directory for this user; set DLIS_DATA_DIR")
}

/// Where the sample bundles shipped with the app are: `DLIS_SAMPLE_MODULES`, or a `modules`
/// folder next to the executable or in `../share/dlis-learn/` (an installed package).
fn samples_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("DLIS_SAMPLE_MODULES").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let exe = std::env::current_exe().ok()?;
    let bin = exe.parent()?;
    [bin.join("modules"), bin.join("../share/dlis-learn/modules")].into_iter().find(|d| d.is_dir())
}

/// On first start, installs the sample modules. Failures are reported, never fatal: the app
/// is still usable, and a trainer can install bundles by hand.
fn install_samples(library: &Library, store: &Store) {
    if store.setting(SAMPLES_SETTING).ok().flatten().is_some() {
        return;
    }
    let Some(dir) = samples_dir() else { return };
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    let mut bundles: Vec<PathBuf> =
        entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "zip")).collect();
    bundles.sort();
    for bundle in &bundles {
        if let Err(err) = library.install(bundle, false, &Silent) {
            eprintln!("sample module {}: {err}", display(bundle));
        }
    }
    if let Err(err) = store.set_setting(SAMPLES_SETTING, "1") {
        eprintln!("cannot record that the samples were installed: {err}");
    }
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
