//! `dlis attestation`: a learner's attestation of training for a module they completed, as a
//! PDF (in English: the app makes it in the learner's language). A profile with a PIN asks
//! for it, as for notes.

use std::path::Path;

use anyhow::Result;
use dlis::Library;
use dlis::attestation::{Labels, for_learner, save};

use crate::notes::unlock;

pub fn write(
    data_dir: &Path,
    learner_id: &str,
    module_id: &str,
    issuer: Option<&str>,
    out: &Path,
    pin_stdin: bool,
) -> Result<String> {
    let store = unlock(data_dir, learner_id, pin_stdin)?;
    let learner = store.learner(learner_id)?;
    let bundle = Library::new(data_dir).open(module_id)?;
    let attestation = for_learner(&store, &learner, bundle.manifest(), "en", issuer)?;
    save(&attestation, &Labels::default(), out)?;
    Ok(attestation.code)
}
