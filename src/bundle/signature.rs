//! Ed25519 signatures of bundles by their issuing organisation.
//!
//! `signature.json` at the bundle root signs the exact bytes of `module.json`; since the
//! manifest lists the size and SHA-256 of every other file, the signature covers the whole
//! bundle. Whether a valid signature means "verified by <organisation>" is decided by the
//! trusted-keys list ([`crate::trust`]), never by the name the signature claims.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use super::{Limits, SIGNATURE_PATH};
use crate::diagnostic::{self, Diagnostic};
use crate::manifest::MANIFEST_PATH;
use crate::progress::Silent;

/// The content of `signature.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureFile {
    pub format: u32,
    /// The organisation named by the signer's key file (informative only).
    pub organisation: String,
    /// Base64 of the 32-byte Ed25519 public key.
    pub public_key: String,
    /// Base64 of the 64-byte Ed25519 signature of `module.json`'s bytes.
    pub signature: String,
}

/// A valid signature: who claims to have signed, and with which key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signer {
    pub organisation: String,
    pub public_key: String,
}

/// A public key as published by an organisation (`NAME.pub`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicKeyFile {
    pub organisation: String,
    pub public_key: String,
}

/// A secret signing key (`NAME.key`), kept by the organisation and never shipped.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SecretKeyFile {
    dlis_signing_key: u32,
    organisation: String,
    secret_key: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SignatureError {
    #[error("signature.json is not a valid signature file ({0})")]
    Malformed(String),
    #[error("signature does not match module.json: the bundle was changed after it was signed")]
    Mismatch,
}

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("cannot read key file {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{} is not a DLIS Learn key file ({reason})", path.display())]
    Malformed { path: PathBuf, reason: String },
    #[error("{} already exists; refusing to overwrite a key (move it away first)", path.display())]
    Exists { path: PathBuf },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error("{} is not a valid bundle; fix it before signing:\n{}", path.display(), diagnostic::render(diagnostics))]
    Invalid { path: PathBuf, diagnostics: Vec<Diagnostic> },
    #[error("cannot write the signed bundle {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot copy {} into the signed bundle: {source}", path.display())]
    Zip { path: PathBuf, source: zip::result::ZipError },
}

fn decode_fixed<const N: usize>(text: &str, what: &str) -> Result<[u8; N], String> {
    let bytes = BASE64.decode(text).map_err(|e| format!("{what} is not base64: {e}"))?;
    bytes.try_into().map_err(|_| format!("{what} must be {N} bytes"))
}

/// Checks `signature.json` against the bytes of `module.json`.
pub fn verify(signature_json: &[u8], manifest: &[u8]) -> Result<Signer, SignatureError> {
    let file: SignatureFile =
        serde_json::from_slice(signature_json).map_err(|e| SignatureError::Malformed(e.to_string()))?;
    if file.format != 1 {
        return Err(SignatureError::Malformed(format!("unknown signature format {}", file.format)));
    }
    let key_bytes = decode_fixed::<32>(&file.public_key, "public_key").map_err(SignatureError::Malformed)?;
    let key = VerifyingKey::from_bytes(&key_bytes).map_err(|e| SignatureError::Malformed(e.to_string()))?;
    let signature = decode_fixed::<64>(&file.signature, "signature").map_err(SignatureError::Malformed)?;
    key.verify_strict(manifest, &Signature::from_bytes(&signature)).map_err(|_| SignatureError::Mismatch)?;
    Ok(Signer { organisation: file.organisation, public_key: file.public_key })
}

/// An organisation's signing key.
pub struct KeyPair {
    pub organisation: String,
    key: SigningKey,
}

impl KeyPair {
    pub fn generate(organisation: &str) -> KeyPair {
        KeyPair { organisation: organisation.to_owned(), key: SigningKey::generate(&mut rand_core::OsRng) }
    }

    pub fn public(&self) -> PublicKeyFile {
        PublicKeyFile {
            organisation: self.organisation.clone(),
            public_key: BASE64.encode(self.key.verifying_key().as_bytes()),
        }
    }

    pub fn read(path: &Path) -> Result<KeyPair, KeyError> {
        let bytes = fs::read(path).map_err(|source| KeyError::Read { path: path.to_owned(), source })?;
        let malformed = |reason: String| KeyError::Malformed { path: path.to_owned(), reason };
        let file: SecretKeyFile = serde_json::from_slice(&bytes).map_err(|e| malformed(e.to_string()))?;
        let secret = decode_fixed::<32>(&file.secret_key, "secret_key").map_err(malformed)?;
        Ok(KeyPair { organisation: file.organisation, key: SigningKey::from_bytes(&secret) })
    }

    /// Writes the secret key (readable by its owner only) and the public key beside it.
    /// Refuses to overwrite either: losing a signing key cannot be undone.
    pub fn write(&self, secret_path: &Path, public_path: &Path) -> Result<(), KeyError> {
        for path in [secret_path, public_path] {
            if path.exists() {
                return Err(KeyError::Exists { path: path.to_owned() });
            }
        }
        let secret = SecretKeyFile {
            dlis_signing_key: 1,
            organisation: self.organisation.clone(),
            secret_key: BASE64.encode(self.key.to_bytes()),
        };
        write_json(secret_path, &secret, 0o600)?;
        write_json(public_path, &self.public(), 0o644)
    }

    pub fn sign(&self, manifest: &[u8]) -> SignatureFile {
        let public = self.public();
        SignatureFile {
            format: 1,
            organisation: public.organisation,
            public_key: public.public_key,
            signature: BASE64.encode(self.key.sign(manifest).to_bytes()),
        }
    }
}

fn write_json(path: &Path, value: &impl Serialize, mode: u32) -> Result<(), KeyError> {
    let write_err = |source| KeyError::Write { path: path.to_owned(), source };
    let mut file = create_new(path, mode).map_err(write_err)?;
    let mut bytes = serde_json::to_vec_pretty(value).expect("key files serialise");
    bytes.push(b'\n');
    file.write_all(&bytes).and_then(|()| file.sync_all()).map_err(write_err)
}

/// Creates `path`, which must not exist, with Unix permissions `mode`. On Windows the file
/// inherits the ACL of its folder (the user's own folders grant access to that user only).
fn create_new(path: &Path, mode: u32) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    #[cfg(not(unix))]
    let _ = mode;
    options.open(path)
}

/// Reads a public key file (`NAME.pub`).
pub fn read_public(path: &Path) -> Result<PublicKeyFile, KeyError> {
    let bytes = fs::read(path).map_err(|source| KeyError::Read { path: path.to_owned(), source })?;
    let malformed = |reason: String| KeyError::Malformed { path: path.to_owned(), reason };
    let file: PublicKeyFile = serde_json::from_slice(&bytes).map_err(|e| malformed(e.to_string()))?;
    let key = decode_fixed::<32>(&file.public_key, "public_key").map_err(malformed)?;
    VerifyingKey::from_bytes(&key).map_err(|e| malformed(e.to_string()))?;
    Ok(file)
}

/// Signs the valid bundle `input` with `key` and writes the result to `output` (which may be
/// `input` itself): the same entries, byte for byte, plus `signature.json` after `module.json`.
pub fn sign_bundle(input: &Path, key: &KeyPair, output: &Path, limits: &Limits) -> Result<Signer, SignError> {
    let report = super::validate(input, limits, &Silent);
    // An old signature is replaced, so its problems do not matter.
    let diagnostics: Vec<Diagnostic> =
        report.diagnostics.into_iter().filter(|d| d.path != SIGNATURE_PATH).collect();
    let manifest_bytes = match report.manifest_bytes {
        Some(bytes) if diagnostics.is_empty() => bytes,
        _ => {
            return Err(SignError::Invalid { path: input.to_owned(), diagnostics });
        }
    };
    let signature = key.sign(&manifest_bytes);
    let zip_err = |source| SignError::Zip { path: input.to_owned(), source };
    let write_err = |source| SignError::Write { path: output.to_owned(), source };

    let mut source = zip::ZipArchive::new(File::open(input).map_err(write_err)?).map_err(zip_err)?;
    let dir = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = tempfile::NamedTempFile::new_in(dir).map_err(write_err)?;
    let mut writer = zip::ZipWriter::new(BufWriter::new(temp.as_file().try_clone().map_err(write_err)?));
    let mut order: Vec<(usize, String)> = Vec::with_capacity(source.len());
    for index in 0..source.len() {
        order.push((
            index,
            source.by_index_raw(index).map_err(zip_err)?.name().map_err(zip_err)?.into_owned(),
        ));
    }
    // module.json first, then signature.json, then the rest in their original order.
    order.sort_by_key(|(index, name)| (name != MANIFEST_PATH, *index));
    for (index, name) in order {
        if name == SIGNATURE_PATH {
            continue;
        }
        writer.raw_copy_file(source.by_index_raw(index).map_err(zip_err)?).map_err(zip_err)?;
        if name == MANIFEST_PATH {
            writer
                .start_file(SIGNATURE_PATH, super::pack::entry_options(SIGNATURE_PATH, 0))
                .map_err(zip_err)?;
            let mut bytes = serde_json::to_vec_pretty(&signature).expect("signatures serialise");
            bytes.push(b'\n');
            writer.write_all(&bytes).map_err(write_err)?;
        }
    }
    let mut buffered = writer.finish().map_err(zip_err)?;
    buffered.flush().map_err(write_err)?;
    drop(buffered);
    // Windows replaces no file that is open: close the input first (it may be the output).
    drop(source);
    temp.as_file().sync_all().map_err(write_err)?;
    temp.persist(output).map_err(|e| write_err(e.error))?;
    Ok(Signer { organisation: signature.organisation, public_key: signature.public_key })
}
