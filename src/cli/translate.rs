//! `dlis translate`: a module's texts out to XLIFF for translators, and back.

use std::path::Path;

use anyhow::{Result, bail};
use dlis::translate::{self, Declared};

pub fn export(src: &Path, language: &str, out: &Path) -> Result<()> {
    let exported = translate::export(src, language)?;
    for warning in &exported.warnings {
        errln!("warning: {warning}");
    }
    translate::write_export(out, &exported)?;
    outln!(
        "wrote {}: {} texts from {} to {language}, {} already translated",
        out.display(),
        exported.units,
        exported.source_language,
        exported.translated
    );
    Ok(())
}

pub fn import(src: &Path, xliff: &Path) -> Result<()> {
    let imported = translate::import(src, xliff)?;
    let language = &imported.language;
    outln!("{language}: {} of {} texts translated", imported.translated, imported.units);
    if imported.written.is_empty() {
        outln!("nothing to change in {}", src.display());
    }
    for path in &imported.written {
        outln!("wrote {path}");
    }
    for (path, done, all) in &imported.incomplete {
        outln!("not written yet: {path} ({done} of {all} pieces translated; it is written once all are)");
    }
    for unit in &imported.stale {
        errln!(
            "warning: {unit}: its source text changed since the export; export again and translate the new text"
        );
    }
    match imported.declared {
        Some(Declared::Complete) => outln!("{language} is now one of the module's complete languages"),
        Some(Declared::Partial) => {
            outln!(
                "{language} is now a partial language: learners see the missing texts in English or the default language"
            )
        }
        None => {}
    }
    if !imported.diagnostics.is_empty() {
        bail!(
            "the translation is written, but module.json does not pass `dlis validate` yet:\n{}",
            dlis::diagnostic::render(&imported.diagnostics)
        );
    }
    Ok(())
}
