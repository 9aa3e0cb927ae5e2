//! `dlis notes`: a learner's private notes. A profile with a PIN asks for it (on standard
//! input), as the app does: notes are the learner's alone.

use std::path::Path;

use anyhow::{Result, bail};
use dlis::Library;
use dlis::store::{Store, clock, export_notes};

use crate::learners::open_store;

/// Opens the store for `learner_id`, checking the profile's PIN when it has one.
pub(crate) fn unlock(data_dir: &Path, learner_id: &str, pin_stdin: bool) -> Result<Store> {
    let store = open_store(data_dir)?;
    let learner = store.learner(learner_id)?;
    if learner.has_pin {
        if !pin_stdin {
            bail!(
                "{}'s profile is behind a PIN: give it on standard input with --pin-stdin",
                learner.display_name
            );
        }
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        store.check_pin(learner_id, line.trim())?;
    }
    Ok(store)
}

pub fn add(
    data_dir: &Path,
    learner_id: &str,
    module_id: &str,
    activity_id: &str,
    at: Option<f64>,
    text: &str,
    pin_stdin: bool,
) -> Result<()> {
    let store = unlock(data_dir, learner_id, pin_stdin)?;
    let module = Library::new(data_dir).open(module_id)?.shared_manifest();
    let note = store.add_note(learner_id, &module, activity_id, at, text)?;
    let place = match note.at_seconds {
        Some(at) => format!("{} at {}", note.activity_id, clock(at)),
        None => note.activity_id.clone(),
    };
    outln!("note {} written on {place}", note.id);
    Ok(())
}

pub fn list(
    data_dir: &Path,
    learner_id: &str,
    module_id: Option<&str>,
    json: bool,
    pin_stdin: bool,
) -> Result<()> {
    let store = unlock(data_dir, learner_id, pin_stdin)?;
    let notes = store.notes(learner_id, module_id)?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&notes)?);
        return Ok(());
    }
    if notes.is_empty() {
        outln!("no notes");
    }
    for note in notes {
        let at = note.at_seconds.map(|s| format!(" at {}", clock(s))).unwrap_or_default();
        outln!(
            "{}  {} / {}{at}  {}",
            note.id,
            note.module_id,
            note.activity_id,
            note.text.replace('\n', " ")
        );
    }
    Ok(())
}

pub fn export(data_dir: &Path, learner_id: &str, out: &Path, pin_stdin: bool) -> Result<()> {
    let store = unlock(data_dir, learner_id, pin_stdin)?;
    let learner = store.learner(learner_id)?;
    let (installed, _) = Library::new(data_dir).list()?;
    let modules: Vec<&dlis::Manifest> = installed.iter().map(|m| m.manifest.as_ref()).collect();
    let title = format!("Notes of {}", learner.display_name);
    let count = export_notes(&store, learner_id, &modules, &title, out)?;
    outln!("wrote {count} note(s) to {}", out.display());
    Ok(())
}
