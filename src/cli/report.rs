//! `dlis merge`: one report per institution from the export files of many laptops.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use dlis::report::{self, Format};

/// Exit status when the report was written but some file was refused (1 means no report,
/// 2 is taken by clap for usage errors).
const SOME_FILES_REFUSED: u8 = 3;

pub fn merge(files: &[PathBuf], out: &Path, roster: Option<&Path>) -> Result<ExitCode> {
    // Before reading anything: a report name or a roster we cannot honour writes nothing.
    Format::of(out)?;
    let roster = roster.map(report::roster::read).transpose()?;
    let mut report = report::merge_files(files);
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
