//! The installed modules of a data directory: install, upgrade, list, remove, open.
//!
//! Layout: `DATA_DIR/modules/<module-id>.zip`, the bundle exactly as verified, served in place.
//! An install copies the bundle to a temporary file in the data directory, verifies *that
//! copy* (the USB stick may change under us), then renames it into place: a failed or
//! interrupted install leaves the installed modules exactly as they were.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Serialize;

use crate::bundle::asset::{AssetError, Bundle};
use crate::bundle::signature::Signer;
use crate::bundle::validate::validate_as;
use crate::bundle::{self, Limits};
use crate::diagnostic::{self, Diagnostic};
use crate::manifest::Manifest;
use crate::progress::Progress;
use crate::trust::{TrustError, TrustStore};

const MODULES_DIR: &str = "modules";
/// Prefix of the temporary files of installs in progress; leftovers of a killed install are
/// removed by the next install.
const STAGING_PREFIX: &str = ".install-";
/// The file installs and removals lock (see [`DirLock`]), in the data directory.
const LOCK_FILE: &str = "install.lock";

/// The modules installed in one data directory.
///
/// Clones share one cache of open bundles ([`Library::open`]): the app's commands and its
/// media server see the same module, and a module installed or removed meanwhile (by this
/// process or by `dlis` in another) is opened again, since each bundle is kept with the
/// size and modification time of its file.
#[derive(Clone)]
pub struct Library {
    root: PathBuf,
    limits: Limits,
    open: Arc<Mutex<OpenBundles>>,
}

/// Open bundles by module id, each with the stamp of the file it was opened from.
type OpenBundles = HashMap<String, (FileStamp, Arc<Bundle>)>;

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library").field("root", &self.root).field("limits", &self.limits).finish()
    }
}

/// What tells an installed bundle's file from the one that replaced it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileStamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl FileStamp {
    fn of(path: &Path) -> Option<FileStamp> {
        let meta = fs::metadata(path).ok()?;
        Some(FileStamp { len: meta.len(), modified: meta.modified().ok() })
    }
}

/// An installed module as the catalogue shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Installed {
    pub manifest: Arc<Manifest>,
    pub path: PathBuf,
    pub size: u64,
    pub signer: Option<Signer>,
    /// The organisation from the trusted-keys list, when the signer's key is trusted.
    pub verified_by: Option<String>,
}

/// What an install did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum InstallOutcome {
    Installed,
    Upgraded {
        from: String,
    },
    /// `--force` replaced the same or a newer version.
    Replaced {
        from: String,
    },
    /// The very same bundle was already installed; nothing was written.
    Unchanged,
}

#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{} is not a valid module bundle; nothing was installed. Problems found:\n{}", bundle.display(), diagnostic::render(diagnostics))]
    Invalid { bundle: PathBuf, diagnostics: Vec<Diagnostic> },
    #[error(
        "{id} {installed} is installed and {offered} is older; nothing was installed (use --force to downgrade)"
    )]
    Older { id: String, installed: String, offered: String },
    #[error(
        "{id} {version} is already installed with different content; nothing was installed \
         (the author should raise the version, or use --force to replace it)"
    )]
    SameVersionDiffers { id: String, version: String },
    #[error(
        "{id} is installed from a bundle signed by {installed}, a trusted organisation, and this \
         one is {offered}; nothing was installed (check where it comes from, or use --force)"
    )]
    SignerChanged { id: String, installed: String, offered: String },
    #[error("{} is in use by another program (DLIS Learn open on this computer?); nothing was installed: close it, then try again", path.display())]
    InUse { path: PathBuf },
    #[error(transparent)]
    Trust(#[from] TrustError),
}

/// Who signed the installed copy and the offered bundle, when the installed copy was signed
/// with a trusted key and the offered one is not signed with that same key: replacing it
/// needs `--force`, since anyone can make an unsigned bundle with the same id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignerChange {
    /// The trusted organisation that signed the installed copy.
    pub installed: String,
    /// Who signed the offered bundle (the trusted name, or the name it claims), if anyone.
    pub offered: Option<String>,
}

impl SignerChange {
    fn offered_words(&self) -> String {
        match &self.offered {
            Some(name) => format!("signed by another key ({name:?})"),
            None => "not signed".to_owned(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{} is in use by another program (DLIS Learn open on this computer?); nothing was removed: close it, then try again", path.display())]
    InUse { path: PathBuf },
    #[error("no module {id:?} is installed (see `dlis list`)")]
    NotInstalled { id: String },
    #[error(transparent)]
    Asset(#[from] AssetError),
    #[error(transparent)]
    Trust(#[from] TrustError),
}

impl InstallError {
    /// A stable name for the errors a trainer can act on (see `SyncError::kind`).
    pub fn kind(&self) -> Option<crate::ErrorKind> {
        match self {
            InstallError::Older { .. } => Some(crate::ErrorKind::Older),
            InstallError::SameVersionDiffers { .. } => Some(crate::ErrorKind::SameVersionDiffers),
            InstallError::SignerChanged { .. } => Some(crate::ErrorKind::SignerChanged),
            InstallError::Io { .. }
            | InstallError::InUse { .. }
            | InstallError::Invalid { .. }
            | InstallError::Trust(_) => None,
        }
    }
}

impl LibraryError {
    /// A stable name for the errors a trainer can act on (see `SyncError::kind`).
    pub fn kind(&self) -> Option<crate::ErrorKind> {
        match self {
            LibraryError::NotInstalled { .. } => Some(crate::ErrorKind::NotInstalled),
            LibraryError::Io { .. }
            | LibraryError::InUse { .. }
            | LibraryError::Asset(_)
            | LibraryError::Trust(_) => None,
        }
    }
}

/// The marker file that makes a copy of DLIS Learn portable: beside the program, it keeps the
/// data in [`PORTABLE_DATA`] beside it too, so that a trainer carries the app, the modules
/// and the learners' records from laptop to laptop on one USB stick.
pub const PORTABLE_MARKER: &str = "portable.txt";
/// The data folder of a portable copy, beside the program.
pub const PORTABLE_DATA: &str = "data";

/// The data directory of the program at `exe` if it is a portable copy (a [`PORTABLE_MARKER`]
/// file beside it).
pub fn portable_data_dir(exe: &Path) -> Option<PathBuf> {
    let folder = exe.parent()?;
    folder.join(PORTABLE_MARKER).is_file().then(|| folder.join(PORTABLE_DATA))
}

/// Holds an exclusive lock on the data directory while installs or removals run, so two
/// processes (the app and the CLI) cannot interleave them. The lock is taken on a file in it,
/// `install.lock`: Windows opens no directory as a file.
struct DirLock(File);

impl DirLock {
    fn acquire(dir: &Path) -> io::Result<DirLock> {
        let file =
            fs::OpenOptions::new().create(true).truncate(false).write(true).open(dir.join(LOCK_FILE))?;
        file.lock()?;
        Ok(DirLock(file))
    }
}

impl Drop for DirLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

impl Library {
    /// Where DLIS Learn keeps its data when no directory is named: `data` beside the program
    /// in portable mode (see [`portable_data_dir`]), else the platform's data directory
    /// (`~/.local/share/dlis-learn` on Linux, `%LOCALAPPDATA%\DLIS\dlis-learn\data` on Windows:
    /// the local, not the roaming, profile, which institutions may copy to a server at every
    /// logon or redirect to a network share, where SQLite's locks are unsafe),
    /// shared by the `dlis` tool and the app. `None` when the system has no home for it.
    pub fn default_data_dir() -> Option<PathBuf> {
        if let Some(dir) = std::env::current_exe().ok().as_deref().and_then(portable_data_dir) {
            return Some(dir);
        }
        directories::ProjectDirs::from("eu", "DLIS", "dlis-learn")
            .map(|dirs| dirs.data_local_dir().to_owned())
    }

    pub fn new(data_dir: impl Into<PathBuf>) -> Library {
        Library { root: data_dir.into(), limits: Limits::default(), open: Arc::default() }
    }

    pub fn with_limits(mut self, limits: Limits) -> Library {
        self.limits = limits;
        self
    }

    pub fn data_dir(&self) -> &Path {
        &self.root
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    fn modules_dir(&self) -> PathBuf {
        self.root.join(MODULES_DIR)
    }

    fn module_path(&self, id: &str) -> PathBuf {
        self.modules_dir().join(format!("{id}.zip"))
    }

    pub fn trust(&self) -> Result<TrustStore, TrustError> {
        TrustStore::load(&self.root)
    }

    /// Installs (or upgrades to) the bundle at `source`.
    pub fn install(
        &self,
        source: &Path,
        force: bool,
        progress: &dyn Progress,
    ) -> Result<(Installed, InstallOutcome), InstallError> {
        let created_root = !self.root.exists();
        fs::create_dir_all(&self.root).map_err(io_err(&self.root))?;
        let result = self.install_locked(source, force, progress);
        if created_root && result.is_err() {
            let _ = fs::remove_file(self.root.join(LOCK_FILE));
            let _ = fs::remove_dir(&self.root); // only succeeds if we left it empty
        }
        if let Ok((installed, _)) = &result {
            // The search index is derived: should this fail, the next search makes it again
            // (`SearchIndex::sync`), and the install stands.
            if let (Ok(mut index), Ok(bundle)) =
                (crate::search::SearchIndex::open(&self.root), self.open(&installed.manifest.id))
            {
                let _ = index.index(&bundle);
            }
        }
        progress.finish();
        result
    }

    fn install_locked(
        &self,
        source: &Path,
        force: bool,
        progress: &dyn Progress,
    ) -> Result<(Installed, InstallOutcome), InstallError> {
        let _lock = DirLock::acquire(&self.root).map_err(io_err(&self.root))?;
        self.remove_stale_staging();

        let mut staged = tempfile::Builder::new()
            .prefix(STAGING_PREFIX)
            .suffix(".zip")
            .tempfile_in(&self.root)
            .map_err(io_err(&self.root))?;
        copy_with_progress(source, staged.as_file_mut(), progress).map_err(io_err(source))?;
        staged.as_file().sync_all().map_err(io_err(staged.path()))?;

        let report = validate_as(staged.path(), source, &self.limits, progress);
        let (Some(manifest), true) = (report.manifest.clone(), report.is_valid()) else {
            return Err(InstallError::Invalid { bundle: source.to_owned(), diagnostics: report.diagnostics });
        };
        let target = self.module_path(&manifest.id);
        let outcome = match self.installed_manifest(&target) {
            None => InstallOutcome::Installed,
            Some((old, old_bytes)) => {
                let (id, from) = (old.manifest.id.clone(), old.manifest.version.to_string());
                let same_content = report.manifest_bytes.as_deref() == Some(old_bytes.as_slice());
                if old.manifest.version < manifest.version {
                    InstallOutcome::Upgraded { from }
                } else if same_content && old.signer != report.signer {
                    InstallOutcome::Replaced { from } // the same files, newly signed or re-signed
                } else if same_content && !force {
                    return Ok((self.describe(&target, manifest, report.signer), InstallOutcome::Unchanged));
                } else if force {
                    InstallOutcome::Replaced { from }
                } else if old.manifest.version == manifest.version {
                    return Err(InstallError::SameVersionDiffers { id, version: from });
                } else {
                    return Err(InstallError::Older {
                        id,
                        installed: from,
                        offered: manifest.version.to_string(),
                    });
                }
            }
        };
        if let (Some(change), false) = (self.signer_change(&manifest.id, report.signer.as_ref())?, force) {
            return Err(InstallError::SignerChanged {
                id: manifest.id.clone(),
                offered: change.offered_words(),
                installed: change.installed,
            });
        }
        let modules = self.modules_dir();
        fs::create_dir_all(&modules).map_err(io_err(&modules))?;
        // `durable::replace` (`fs::rename`), not `persist`: on Windows it replaces the installed
        // zip even while the media server holds it open (see `durable`), where `persist`'s
        // MoveFileEx fails. `keep` first clears Windows' "temporary" attribute.
        let staged = staged
            .into_temp_path()
            .keep()
            .map_err(|e| InstallError::Io { path: e.path.to_path_buf(), source: e.error })?;
        // Windows replaces no file this process holds open: the cached copy goes first, and the
        // cache stays locked until the new file is in place, so no other thread reopens the old.
        let replaced = {
            let mut open = self.open.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            open.remove(&manifest.id);
            crate::durable::replace(&staged, &target)
        };
        if let Err(source) = replaced {
            let _ = fs::remove_file(&staged);
            return Err(if crate::durable::in_use(&source) {
                InstallError::InUse { path: target }
            } else {
                InstallError::Io { path: target, source }
            });
        }
        Ok((self.describe(&target, manifest, report.signer), outcome))
    }

    /// Whether replacing the installed module `id` with a bundle signed by `offered` would
    /// drop a trusted signature (see [`SignerChange`]); `None` when it would not.
    pub fn signer_change(
        &self,
        id: &str,
        offered: Option<&Signer>,
    ) -> Result<Option<SignerChange>, TrustError> {
        // Through the cache of open bundles, which knows who signed each installed module.
        let Ok(installed) = self.open(id) else { return Ok(None) };
        let trust = self.trust()?;
        let Some(organisation) = installed.signer().and_then(|s| trust.organisation_for(s)) else {
            return Ok(None);
        };
        let same_key = offered.zip(installed.signer()).is_some_and(|(o, i)| o.public_key == i.public_key);
        Ok((!same_key).then(|| SignerChange {
            installed: organisation.to_owned(),
            offered: offered.map(|o| trust.organisation_for(o).unwrap_or(&o.organisation).to_owned()),
        }))
    }

    fn remove_stale_staging(&self) {
        let Ok(entries) = fs::read_dir(&self.root) else {
            return;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(STAGING_PREFIX) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// The module installed at `path` and its manifest's bytes, if it is readable.
    fn installed_manifest(&self, path: &Path) -> Option<(Installed, Vec<u8>)> {
        self.read_installed(path, &TrustStore::empty()).ok()
    }

    fn describe(&self, path: &Path, manifest: Manifest, signer: Option<Signer>) -> Installed {
        let size = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let verified_by = signer
            .as_ref()
            .and_then(|s| self.trust().ok().and_then(|t| t.organisation_for(s).map(str::to_owned)));
        Installed { manifest: Arc::new(manifest), path: path.to_owned(), size, signer, verified_by }
    }

    /// Every installed module, sorted by id. A damaged installed file is reported, not hidden.
    pub fn list(&self) -> Result<(Vec<Installed>, Vec<Diagnostic>), LibraryError> {
        let dir = self.modules_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                return Ok((Vec::new(), Vec::new()));
            }
            Err(source) => return Err(LibraryError::Io { path: dir, source }),
        };
        let trust = self.trust()?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "zip"))
            .collect();
        paths.sort();
        let (mut modules, mut problems) = (Vec::new(), Vec::new());
        for path in paths {
            // Through the cache of open bundles: listing 200 modules reads no zip again.
            let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let problem = |why: String| Diagnostic::new(path.display().to_string(), why);
            match self.open(&id) {
                Ok(bundle) if bundle.manifest().id == id => {
                    let signer = bundle.signer().cloned();
                    modules.push(Installed {
                        manifest: bundle.shared_manifest(),
                        size: fs::metadata(&path).map(|m| m.len()).unwrap_or(0),
                        verified_by: signer
                            .as_ref()
                            .and_then(|s| trust.organisation_for(s).map(str::to_owned)),
                        signer,
                        path,
                    });
                }
                Ok(bundle) => problems.push(problem(format!(
                    "holds the module {:?}, not {id:?}; install the module again",
                    bundle.manifest().id
                ))),
                Err(LibraryError::NotInstalled { .. }) => {
                    problems.push(problem(format!("{id:?} is not a module id; remove this file")))
                }
                Err(err) => problems.push(problem(format!("damaged: {err}; install the module again"))),
            }
        }
        Ok((modules, problems))
    }

    fn read_installed(&self, path: &Path, trust: &TrustStore) -> Result<(Installed, Vec<u8>), String> {
        let (mut archive, problems) =
            bundle::archive::Archive::open(path, &self.limits).map_err(|e| e.to_string())?;
        if let Some(problem) = problems.first() {
            return Err(format!("damaged: {problem}; install the module again"));
        }
        let read = |archive: &mut bundle::archive::Archive, name: &str| -> Option<Vec<u8>> {
            let entry = archive.entry(name)?.clone();
            archive.read(&entry, 16 << 20).ok()
        };
        let bytes =
            read(&mut archive, crate::manifest::MANIFEST_PATH).ok_or("damaged: no readable module.json")?;
        let manifest = Manifest::parse(&bytes).map_err(|e| format!("damaged: {e}"))?;
        let signer = read(&mut archive, bundle::SIGNATURE_PATH)
            .and_then(|sig| bundle::signature::verify(&sig, &bytes).ok());
        let verified_by = signer.as_ref().and_then(|s| trust.organisation_for(s).map(str::to_owned));
        let size = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        let installed =
            Installed { manifest: Arc::new(manifest), path: path.to_owned(), size, signer, verified_by };
        Ok((installed, bytes))
    }

    /// Uninstalls a module. Learners' records are kept; they belong to the progress store.
    pub fn remove(&self, id: &str) -> Result<Installed, LibraryError> {
        let not_installed = || LibraryError::NotInstalled { id: id.to_owned() };
        if !self.root.exists() {
            return Err(not_installed());
        }
        let io_err = |path: PathBuf| move |source| LibraryError::Io { path, source };
        let _lock = DirLock::acquire(&self.root).map_err(io_err(self.root.clone()))?;
        let (modules, _) = self.list()?;
        let installed = modules.into_iter().find(|m| m.manifest.id == id).ok_or_else(not_installed)?;
        let removed = {
            let mut open = self.open.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            open.remove(id);
            crate::durable::remove(&installed.path)
        };
        match removed {
            Err(source) if crate::durable::in_use(&source) => {
                Err(LibraryError::InUse { path: installed.path })
            }
            Err(source) => Err(LibraryError::Io { path: installed.path, source }),
            Ok(()) => {
                // Removed from search too (or, should that fail, at the next `sync`).
                if let Ok(mut index) = crate::search::SearchIndex::open(&self.root) {
                    let _ = index.remove(id);
                }
                Ok(installed)
            }
        }
    }

    /// Opens an installed module to read its files by byte range: from the shared cache while
    /// its file is the one opened, again once it was replaced or removed.
    pub fn open(&self, id: &str) -> Result<Arc<Bundle>, LibraryError> {
        let path = self.module_path(id);
        // An id that is not a module id (`../x`, from a URL or a command line) names no module.
        let stamp = crate::manifest::is_module_id(id).then(|| FileStamp::of(&path)).flatten();
        let mut open = self.open.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(stamp) = stamp else {
            open.remove(id);
            return Err(LibraryError::NotInstalled { id: id.to_owned() });
        };
        if let Some((seen, bundle)) = open.get(id)
            && *seen == stamp
        {
            return Ok(Arc::clone(bundle));
        }
        let bundle = Arc::new(Bundle::open(&path, &self.limits)?);
        open.insert(id.to_owned(), (stamp, Arc::clone(&bundle)));
        Ok(bundle)
    }
}

fn io_err(path: &Path) -> impl Fn(io::Error) -> InstallError + '_ {
    move |source| InstallError::Io { path: path.to_owned(), source }
}

fn copy_with_progress(source: &Path, target: &mut File, progress: &dyn Progress) -> io::Result<()> {
    let mut input = File::open(source)?;
    progress.phase("Copying", input.metadata()?.len());
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = input.read(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
        target.write_all(&buf[..n])?;
        progress.advance(n as u64);
    }
}
