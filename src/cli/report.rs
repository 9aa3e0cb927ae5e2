//! `dlis merge`: one report per institution from the export files of many laptops.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use dlis::report::{self, Format};

/// Exit status when the report was written but some file was refused (1 means no report,
/// 2 is taken by clap for usage errors).
const SOME_FILES_REFUSED: u8 = 3;

pub fn merge(
    files: &[PathBuf],
    out: &Path,
    roster: Option<&Path>,
    language: &str,
    data_dir: Option<&Path>,
) -> Result<ExitCode> {
    // Before reading anything: a report name or a roster we cannot honour writes nothing.
    Format::of(out)?;
    if oxilangtag::LanguageTag::parse(language).is_err() {
        anyhow::bail!("--language {language:?} is not a language tag such as fr, en, ro or el");
    }
    let roster = roster.map(report::roster::read).transpose()?;
    let mut report = report::merge_files(files);
    report.title_modules(language, &installed_titles(data_dir));
    if let Some(roster) = &roster {
        report.name_learners(roster);
    }
    let written = report::write(&report, out)?;
    out!("{}", report::summary(&report));
    for path in &written {
        outln!("wrote {}", path.display());
    }
    let unattributed = report.unattributed_total();
    if unattributed > 0 {
        errln!(
            "warning: {unattributed} statement(s) could not be attributed to a learner and a module; \
             they are counted, by reason, in the summary"
        );
    }
    for err in &report.refused {
        errln!("error: {err}");
    }
    if report.refused.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        errln!(
            "error: {} of {} export file(s) refused; the report holds the statements of the others",
            report.refused.len(),
            files.len()
        );
        Ok(ExitCode::from(SOME_FILES_REFUSED))
    }
}

/// The titles of the modules installed in `data_dir`, if it holds any: a trainer who merges on
/// a computer with the modules gets their titles even for learners who completed nothing.
fn installed_titles(data_dir: Option<&Path>) -> BTreeMap<String, BTreeMap<String, String>> {
    let Some(dir) = data_dir.filter(|d| d.join("modules").is_dir()) else { return BTreeMap::new() };
    match dlis::Library::new(dir).list() {
        Ok((modules, _)) => {
            modules.into_iter().map(|m| (m.manifest.id.clone(), m.manifest.title.clone())).collect()
        }
        Err(_) => BTreeMap::new(),
    }
}
