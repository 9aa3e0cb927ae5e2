//! What the app holds while it runs: the data directory, its installed modules, the progress
//! store and the media server. Opened once at start; shared by every command.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use anyhow::Context;
use dlis::Library;
use dlis::bundle::asset::Bundle;
use dlis::progress::Silent;
use dlis::store::{Store, StoreError};

use crate::media;
use crate::trainer::TrainerSession;

/// The setting that said the first three sample modules were offered (before 1.2 of the
/// samples); [`OFFERED_SETTING`] replaces it.
const SAMPLES_SETTING: &str = "app.samples_installed";
/// The ids of the sample modules offered once, space-separated: each is installed the first
/// time a version of the app ships it, then only upgraded (a learner may remove them).
const OFFERED_SETTING: &str = "app.samples_offered";
/// What [`SAMPLES_SETTING`] meant: the samples the app shipped then.
const FIRST_SAMPLES: [&str; 3] = ["dlis.faire-avec", "dlis.ethique-mediation", "dlis.exclusion-numerique"];

pub struct AppState {
    pub data_dir: PathBuf,
    pub library: Library,
    pub media: media::Server,
    store: Mutex<Slot>,
    /// A second connection to the same database for the background sync, opened on first use.
    sync_store: Mutex<Option<Store>>,
    /// Whether the trainer PIN was given lately (see `trainer.rs`).
    pub trainer: TrainerSession,
    /// The search index, opened (and brought up to date) on the first search.
    search: Mutex<Option<dlis::search::SearchIndex>>,
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
        if let (Slot::Open(store), Some(samples)) = (&slot, samples_dir()) {
            install_samples(&library, store, &samples);
        }
        let media = media::Server::start(library.clone())?;
        Ok(AppState {
            data_dir,
            library,
            media,
            store: Mutex::new(slot),
            sync_store: Mutex::new(None),
            trainer: TrainerSession::default(),
            search: Mutex::new(None),
        })
    }

    /// Runs `f` with the search index, in line with the installed modules.
    pub fn with_search<T>(
        &self,
        f: impl FnOnce(&dlis::search::SearchIndex) -> Result<T, dlis::search::SearchError>,
    ) -> Result<T, dlis::search::SearchError> {
        let mut slot = self.search.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let index = match slot.take() {
            Some(index) => index,
            None => dlis::search::SearchIndex::open(&self.data_dir)?,
        };
        let index = slot.insert(index);
        index.sync(&self.library)?;
        f(index)
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
/// folder next to the executable (Windows installer, portable zip), in `../share/dlis-learn/`
/// (our `.deb`), or where Tauri's bundler puts resources: `../lib/DLIS Learn/` (its `.deb`
/// and AppImage) and `../Resources/` (macOS), as the release workflow builds them.
fn samples_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("DLIS_SAMPLE_MODULES").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let exe = std::env::current_exe().ok()?;
    let bin = exe.parent()?;
    ["modules", "../share/dlis-learn/modules", "../lib/DLIS Learn/modules", "../Resources/modules"]
        .into_iter()
        .map(|dir| bin.join(dir))
        .find(|d| d.is_dir())
}

/// Installs each sample module shipped in `dir` the first time an app ships it (the first
/// start, or an update that brings a new sample). Later, upgrades those still installed at an
/// older version than the one shipped (records follow activity ids, so the learners' progress
/// is kept); a sample the user removed stays removed. Failures are reported, never fatal: the
/// app is still usable, and a trainer can install bundles by hand.
fn install_samples(library: &Library, store: &Store, dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut bundles: Vec<PathBuf> =
        entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "zip")).collect();
    bundles.sort();
    let mut offered: std::collections::BTreeSet<String> = match store.setting(OFFERED_SETTING).ok().flatten()
    {
        Some(ids) => ids.split_whitespace().map(str::to_owned).collect(),
        None if store.setting(SAMPLES_SETTING).ok().flatten().is_some() => {
            FIRST_SAMPLES.iter().map(|&id| id.to_owned()).collect()
        }
        None => Default::default(),
    };
    let before = offered.clone();
    for bundle in &bundles {
        // Only the shipped manifest and the installed copy of that module are read, so that a
        // start costs almost nothing however many modules are installed.
        let Ok(shipped) = Bundle::open(bundle, library.limits()) else {
            eprintln!("sample module {}: cannot be read", display(bundle));
            continue;
        };
        let shipped = shipped.manifest();
        let new = !offered.contains(&shipped.id);
        let older = library.open(&shipped.id).is_ok_and(|i| i.manifest().version < shipped.version);
        if !new && !older {
            continue;
        }
        // A sample that fails to install (a full disk) is offered again at the next start.
        match library.install(bundle, false, &Silent) {
            Ok(_) => {
                offered.insert(shipped.id.clone());
            }
            Err(err) => eprintln!("sample module {}: {err}", display(bundle)),
        }
    }
    if offered != before {
        let ids = offered.into_iter().collect::<Vec<_>>().join(" ");
        if let Err(err) = store.set_setting(OFFERED_SETTING, &ids) {
            eprintln!("cannot record which samples were offered: {err}");
        }
    }
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sample module of `modules/`, at `version`, packed into `dir` as the app ships it.
    fn shipped(name: &str, version: &str, dir: &Path) {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../modules").join(name);
        let copy = dir.join(format!("source-{name}"));
        copy_dir(&source, &copy);
        let manifest = std::fs::read_to_string(copy.join("module.json")).unwrap();
        let start = manifest.find("\"version\": \"").unwrap() + "\"version\": \"".len();
        let end = start + manifest[start..].find('"').unwrap();
        std::fs::write(
            copy.join("module.json"),
            format!("{}{version}{}", &manifest[..start], &manifest[end..]),
        )
        .unwrap();
        let out = dir.join("samples");
        std::fs::create_dir_all(&out).unwrap();
        dlis::bundle::pack::pack(&copy, &out.join(format!("{name}.zip")), &Default::default(), &Silent)
            .unwrap();
    }

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &to.join(entry.file_name()));
            } else {
                std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
            }
        }
    }

    fn versions(library: &Library) -> Vec<(String, String)> {
        let (list, _) = library.list().unwrap();
        list.iter().map(|i| (i.manifest.id.clone(), i.manifest.version.to_string())).collect()
    }

    #[test]
    fn samples_are_installed_once_then_upgraded_unless_removed() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::new(dir.path().join("data"));
        std::fs::create_dir_all(library.data_dir()).unwrap();
        let store = Store::open(&library.data_dir().join(dlis::store::FILE_NAME)).unwrap();
        let (first, later) = (dir.path().join("first"), dir.path().join("later"));
        for name in ["faire-avec", "ethique-mediation"] {
            shipped(name, "1.0.0", &first);
            shipped(name, "1.0.1", &later);
        }

        install_samples(&library, &store, &first.join("samples"));
        let both = [("dlis.ethique-mediation", "1.0.0"), ("dlis.faire-avec", "1.0.0")];
        assert_eq!(versions(&library), both.map(|(id, v)| (id.to_owned(), v.to_owned())));
        library.remove("dlis.ethique-mediation").unwrap(); // the learner did not want this one

        // A later version of the app ships newer samples.
        install_samples(&library, &store, &later.join("samples"));
        assert_eq!(versions(&library), [("dlis.faire-avec".to_owned(), "1.0.1".to_owned())]);
        install_samples(&library, &store, &first.join("samples")); // an older app again: no downgrade
        assert_eq!(versions(&library), [("dlis.faire-avec".to_owned(), "1.0.1".to_owned())]);

        // An update brings a new sample: installed once, then left alone if removed.
        shipped("agilite-numerique", "1.0.0", &later);
        install_samples(&library, &store, &later.join("samples"));
        let three = [("dlis.agilite-numerique", "1.0.0"), ("dlis.faire-avec", "1.0.1")];
        assert_eq!(versions(&library), three.map(|(id, v)| (id.to_owned(), v.to_owned())));
        library.remove("dlis.agilite-numerique").unwrap();
        install_samples(&library, &store, &later.join("samples"));
        assert_eq!(versions(&library), [("dlis.faire-avec".to_owned(), "1.0.1".to_owned())]);
    }

    #[test]
    fn an_installation_from_before_the_list_of_samples_gets_only_the_new_ones() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::new(dir.path().join("data"));
        std::fs::create_dir_all(library.data_dir()).unwrap();
        let store = Store::open(&library.data_dir().join(dlis::store::FILE_NAME)).unwrap();
        // An older app installed the first samples; the learner removed them all.
        store.set_setting(SAMPLES_SETTING, "1").unwrap();
        let shipped_dir = dir.path().join("now");
        shipped("faire-avec", "1.0.0", &shipped_dir);
        shipped("agilite-numerique", "1.0.0", &shipped_dir);
        install_samples(&library, &store, &shipped_dir.join("samples"));
        assert_eq!(versions(&library), [("dlis.agilite-numerique".to_owned(), "1.0.0".to_owned())]);
    }
}
