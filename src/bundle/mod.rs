//! Module bundles: the zip files trainers carry between laptops.
//!
//! [`archive`] opens a zip defensively and lists its entries, [`validate`] checks a whole
//! bundle and reports every problem, [`pack`] builds a deterministic bundle from a source
//! folder, [`signature`] signs and verifies bundles, [`asset`] reads files of a bundle by
//! byte range without extracting anything, and [`estimate`] computes how long a module takes.

pub mod archive;
pub mod asset;
pub mod content;
pub mod estimate;
pub mod pack;
pub mod signature;
pub mod validate;

pub use validate::{Report, preview, validate};

/// Caps that protect against zip bombs and absurd bundles. The defaults fit real modules
/// (a few hundred MB of video) with a wide margin.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Most entries a bundle may hold.
    pub max_entries: usize,
    /// Most bytes all entries together may expand to.
    pub max_total_size: u64,
    /// Highest compression ratio allowed for an entry larger than `ratio_threshold`.
    pub max_ratio: u64,
    /// Entries smaller than this are not ratio-checked (tiny text compresses very well).
    pub ratio_threshold: u64,
    /// Most bytes `module.json` and each text file (lesson, subtitles) may have.
    pub max_text_size: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_entries: 10_000,
            max_total_size: 4 << 30,
            max_ratio: 100,
            ratio_threshold: 1 << 20,
            max_text_size: 16 << 20,
        }
    }
}

/// File name extensions of formats that are already compressed: `dlis pack` STOREs them so
/// they can be read with random access straight out of the zip.
pub const STORED_EXTENSIONS: [&str; 14] =
    ["webm", "mp4", "m4v", "m4a", "mp3", "ogg", "opus", "png", "jpg", "jpeg", "gif", "webp", "avif", "woff2"];

/// True when `path` names an already-compressed format.
pub fn is_precompressed(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| STORED_EXTENSIONS.iter().any(|known| ext.eq_ignore_ascii_case(known)))
}

/// Name of the optional signature file at the root of a bundle.
pub const SIGNATURE_PATH: &str = "signature.json";
