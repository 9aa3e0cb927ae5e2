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
//! - [`views`]: what a player's page is given to show: a module without its answers, a quiz
//!   attempt in the learner's language.
//! - [`completion`]: the completion rules: capsules watched, activities done, modules complete.
//! - [`xapi`]: the xAPI 1.0.3 statements that leave the machine.
//! - [`account`]: a learner's institutional identifier, linked with their consent.
//! - [`sync`]: sending statements to the institution's LRS, exactly once.
//! - [`export`]: offline export files carried by hand.
//! - [`render`]: lessons and transcripts as sanitised HTML, for the app and the LMS player.
//! - [`report`]: institution reports merged from export files (CSV, XLSX, HTML).
//! - [`lms`]: packages for an institution's LMS (SCORM 1.2), and the learner's state in them.
//! - [`translate`]: a module's texts out to XLIFF for translators, and their translations back.

// The module format and the rules: pure, also built for WebAssembly (`--no-default-features`).
pub mod completion;
pub mod diagnostic;
pub mod error_kind;
pub mod language;
pub mod lms;
pub mod manifest;
pub mod paths;
pub mod quiz;
pub mod survey;
pub mod views;
pub mod xapi;

// Files, zips, SQLite, the network (feature `native`, on by default).
#[cfg(feature = "native")]
pub mod account;
#[cfg(feature = "native")]
pub mod attestation;
#[cfg(feature = "native")]
pub mod bundle;
#[cfg(feature = "native")]
mod durable;
#[cfg(feature = "native")]
pub mod export;
#[cfg(feature = "native")]
pub mod library;
#[cfg(feature = "native")]
pub mod progress;
#[cfg(feature = "native")]
pub mod render;
#[cfg(feature = "native")]
pub mod report;
#[cfg(feature = "native")]
pub mod search;
#[cfg(feature = "native")]
pub mod store;
#[cfg(feature = "native")]
pub mod sync;
#[cfg(feature = "native")]
pub mod translate;
#[cfg(feature = "native")]
pub mod trust;

pub use error_kind::ErrorKind;

pub use diagnostic::Diagnostic;
#[cfg(feature = "native")]
pub use library::Library;
pub use manifest::Manifest;
