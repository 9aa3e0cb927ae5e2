//! The commands the page calls (`window.__TAURI__.core.invoke(name, args)`), each a thin call
//! into the core, one file per area: `app`, `profiles`, `modules`, `study`, `records`,
//! `trainer`. This module is the documented API of the UI: arguments are camelCase in
//! JavaScript, results are the serialised Rust values, and every error is a
//! [`CommandError`]: a message in plain words, ready to show, and a kind the page translates.
//!
//! Every command that touches the disk or SQLite is `async`: Tauri runs synchronous commands
//! on the main thread, which also draws the window, so a slow disk (a USB stick, a busy
//! laptop) would freeze it; async ones run on the runtime's threads.

use std::time::Instant;

use dlis::store::{Learner, Store};
use dlis::{ErrorKind, Manifest};
use serde::Serialize;

use crate::state::{AppState, Slot};

/// An error for the page: one message, in plain words, and for the errors a learner or a
/// trainer can act on, a kind the page turns into words of the learner's language
/// (`error-<kind>` in `ui/i18n/*.ftl`).
#[derive(Debug, Serialize)]
pub struct CommandError {
    pub message: String,
    pub kind: Option<ErrorKind>,
}

impl<E: std::error::Error + 'static> From<E> for CommandError {
    fn from(err: E) -> CommandError {
        CommandError { message: err.to_string(), kind: kind_of(&err) }
    }
}

/// The kind of the errors the page explains in its own words, as the core names them.
fn kind_of(err: &(dyn std::error::Error + 'static)) -> Option<ErrorKind> {
    use dlis::library::{InstallError, LibraryError};
    use dlis::store::{LearnerError, LinkError, TrackError};
    use dlis::sync::SyncError;
    if let Some(err) = err.downcast_ref::<LearnerError>() {
        err.kind()
    } else if let Some(err) = err.downcast_ref::<LinkError>() {
        err.kind()
    } else if let Some(err) = err.downcast_ref::<TrackError>() {
        err.kind()
    } else if let Some(err) = err.downcast_ref::<SyncError>() {
        err.kind()
    } else if let Some(err) = err.downcast_ref::<InstallError>() {
        err.kind()
    } else if let Some(err) = err.downcast_ref::<LibraryError>() {
        err.kind()
    } else {
        None
    }
}

fn fail<T>(message: impl Into<String>) -> Result<T, CommandError> {
    Err(CommandError { message: message.into(), kind: None })
}

type Reply<T> = Result<T, CommandError>;

/// Runs `f` with the open store, or fails with why it is not open.
fn with_store<T>(state: &AppState, f: impl FnOnce(&mut Store) -> Reply<T>) -> Reply<T> {
    match &mut *state.slot() {
        Slot::Open(store) => f(store),
        Slot::Refused(why) => fail(why.clone()),
    }
}

fn current(store: &Store) -> Reply<Learner> {
    store.current_learner()?.map_or_else(|| fail("no learner profile is open"), Ok)
}

/// The profile `id`, if it is the signed-in learner's: a profile is changed only by its
/// learner, whatever the page asks.
fn own(store: &Store, id: &str) -> Reply<Learner> {
    match store.current_learner()? {
        Some(learner) if learner.id == id => Ok(learner),
        _ => fail("only the signed-in learner can change their own profile"),
    }
}

/// Fails unless the trainer PIN was given lately (`trainer.rs`): the page then asks for it.
fn trainer_only(state: &AppState) -> Reply<()> {
    if state.trainer.is_open(Instant::now()) {
        Ok(())
    } else {
        Err(CommandError { message: "this needs the trainer PIN".into(), kind: Some(TRAINER_ONLY) })
    }
}

/// The kind of the error that says a command needs the trainer PIN.
const TRAINER_ONLY: ErrorKind = ErrorKind::TrainerOnly;

fn manifest_of(state: &AppState, module: &str) -> Reply<std::sync::Arc<Manifest>> {
    Ok(state.library.open(module)?.shared_manifest())
}

pub mod app;
pub mod modules;
pub mod profiles;
pub mod records;
pub mod study;
pub mod trainer;

#[cfg(test)]
mod tests {
    use dlis::ErrorKind;
    use dlis::library::InstallError;
    use dlis::store::{LearnerError, TrackError};
    use dlis::sync::SyncError;

    use super::CommandError;

    /// One error of every kind the page translates, as the core's errors (and the shell's
    /// own) give them.
    fn every_kind() -> Vec<CommandError> {
        let older =
            || InstallError::Older { id: "m".into(), installed: "2.0.0".into(), offered: "1.0.0".into() };
        vec![
            LearnerError::WrongPin.into(),
            LearnerError::Locked { seconds: 30 }.into(),
            LearnerError::BadPin.into(),
            LearnerError::EmptyName.into(),
            LearnerError::NameTooLong { max: 80 }.into(),
            LearnerError::NameControl.into(),
            LearnerError::Language("x y".into()).into(),
            TrackError::NoAttemptsLeft { quiz: "q".into(), max: 3 }.into(),
            SyncError::NotConfigured.into(),
            SyncError::Unauthorized { status: 401 }.into(),
            SyncError::Unavailable { detail: "offline".into(), retry_after: None }.into(),
            SyncError::PasswordNeeded {
                endpoint: "https://b/".into(),
                saved: "https://a/".into(),
                user: "u".into(),
            }
            .into(),
            older().into(),
            InstallError::SameVersionDiffers { id: "m".into(), version: "1.0.0".into() }.into(),
            InstallError::SignerChanged {
                id: "m".into(),
                installed: "HELMo".into(),
                offered: "not signed".into(),
            }
            .into(),
            dlis::library::LibraryError::NotInstalled { id: "m".into() }.into(),
            dlis::store::LinkError::Identifier(dlis::account::IdentifierError::Empty).into(),
            CommandError { message: "trainer".into(), kind: Some(super::TRAINER_ONLY) },
        ]
    }

    #[test]
    fn errors_a_learner_can_act_on_have_a_kind_and_the_others_none() {
        let wrapped: CommandError = TrackError::Learner(LearnerError::WrongPin).into();
        assert_eq!(wrapped.kind, Some(ErrorKind::WrongPin), "a learner error inside a tracking error");
        let unknown: CommandError = LearnerError::Unknown { id: "x".into() }.into();
        assert_eq!(unknown.kind, None);
        let bad: CommandError = SyncError::BadInstitution("no".into()).into();
        assert_eq!(bad.kind, None);
        let given: std::collections::HashSet<ErrorKind> =
            every_kind().iter().filter_map(|e| e.kind).collect();
        for kind in ErrorKind::ALL {
            assert!(given.contains(kind), "no error of the core gives the kind {kind}");
        }
    }

    #[test]
    fn every_kind_is_said_in_every_language_of_the_page() {
        let i18n = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/i18n");
        for language in ["en", "fr", "ro", "el", "nl", "de"] {
            let messages = std::fs::read_to_string(i18n.join(format!("{language}.ftl"))).unwrap();
            for kind in ErrorKind::ALL {
                let id = format!("\nerror-{kind} =");
                assert!(messages.contains(&id), "{language}.ftl has no{id}");
            }
        }
    }
}
