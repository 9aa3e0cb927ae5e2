//! Core of DLIS Learn, an offline-first player for the DLIS e-learning modules.
//!
//! This crate knows nothing about Tauri or any window: the `dlis` command-line tool and the
//! desktop app are both thin shells over it.
//!
//! - [`manifest`]: `module.json`, the description of a module, and its JSON Schema.
//! - [`bundle`]: module bundles (zip files): validate, pack, sign, read assets by range.
//! - [`library`]: the modules installed in a data directory.
//! - [`trust`]: which signing keys show as "verified by <organisation>".
//! - [`store`]: the learners' progress (SQLite): profiles, events, summaries, statement outbox.
//! - [`quiz`]: the quiz engine: attempt layouts and scoring, as pure functions.
//! - [`xapi`]: the xAPI 1.0.3 statements that leave the machine.
//! - [`sync`]: sending statements to the institution's LRS, exactly once.
//! - [`export`]: offline export files carried by hand.
//! - [`report`]: institution reports merged from export files (CSV, XLSX, HTML).
//! - [`translate`]: a module's texts out to XLIFF for translators, and their translations back.

pub mod bundle;
pub mod diagnostic;
mod durable;
pub mod error_kind;
pub mod export;
pub mod language;
pub mod library;
pub mod manifest;
pub mod paths;
pub mod progress;
pub mod quiz;
pub mod report;
pub mod store;
pub mod sync;
pub mod translate;
pub mod trust;
pub mod xapi;

pub use error_kind::ErrorKind;

pub use diagnostic::Diagnostic;
pub use library::Library;
pub use manifest::Manifest;
