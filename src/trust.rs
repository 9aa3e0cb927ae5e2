//! The trusted-keys list: which organisations' signatures show as "verified by …".
//!
//! The organisation's name shown to learners comes from this list, set up by whoever manages
//! the laptop, never from the name a signature claims for itself.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::bundle::signature::{PublicKeyFile, Signer};

const FILE_NAME: &str = "trusted-keys.json";

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TrustFile {
    keys: Vec<PublicKeyFile>,
}

/// The trusted keys of one data directory.
#[derive(Debug)]
pub struct TrustStore {
    path: PathBuf,
    keys: Vec<PublicKeyFile>,
}

#[derive(Debug, thiserror::Error)]
pub enum TrustError {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{} is damaged ({reason}); fix or delete it, then add the keys again", path.display())]
    Malformed { path: PathBuf, reason: String },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

impl TrustStore {
    pub fn load(data_dir: &Path) -> Result<TrustStore, TrustError> {
        let path = data_dir.join(FILE_NAME);
        let keys = match fs::read(&path) {
            Ok(bytes) => {
                let file: TrustFile = serde_json::from_slice(&bytes)
                    .map_err(|e| TrustError::Malformed { path: path.clone(), reason: e.to_string() })?;
                file.keys
            }
            Err(err) if err.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(source) => return Err(TrustError::Read { path, source }),
        };
        Ok(TrustStore { path, keys })
    }

    /// A store that trusts nothing, for callers that only need to read signatures.
    pub fn empty() -> TrustStore {
        TrustStore { path: PathBuf::new(), keys: Vec::new() }
    }

    pub fn keys(&self) -> &[PublicKeyFile] {
        &self.keys
    }

    /// The trusted organisation name for a valid signature, if its key is trusted.
    pub fn organisation_for(&self, signer: &Signer) -> Option<&str> {
        self.keys.iter().find(|k| k.public_key == signer.public_key).map(|k| k.organisation.as_str())
    }

    /// Trusts `key` (replacing the name of an already trusted identical key). Returns false
    /// when nothing changed.
    pub fn add(&mut self, key: PublicKeyFile) -> Result<bool, TrustError> {
        if self.keys.contains(&key) {
            return Ok(false);
        }
        self.keys.retain(|k| k.public_key != key.public_key);
        self.keys.push(key);
        self.save().map(|()| true)
    }

    /// Removes the keys whose public key or organisation is `which`. Returns how many.
    pub fn remove(&mut self, which: &str) -> Result<usize, TrustError> {
        let before = self.keys.len();
        self.keys.retain(|k| k.public_key != which && k.organisation != which);
        let removed = before - self.keys.len();
        if removed > 0 {
            self.save()?;
        }
        Ok(removed)
    }

    fn save(&self) -> Result<(), TrustError> {
        let write_err = |source| TrustError::Write { path: self.path.clone(), source };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir).map_err(write_err)?;
        let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(write_err)?;
        let mut bytes =
            serde_json::to_vec_pretty(&TrustFile { keys: self.keys.clone() }).expect("keys serialise");
        bytes.push(b'\n');
        temp.write_all(&bytes).and_then(|()| temp.as_file().sync_all()).map_err(write_err)?;
        temp.persist(&self.path).map_err(|e| write_err(e.error))?;
        Ok(())
    }
}
