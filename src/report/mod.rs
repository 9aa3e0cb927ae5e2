//! Institution reports: the export files of many laptops merged into one line per learner and
//! module, written as CSV, as an XLSX workbook, or as a self-contained HTML page.
//!
//! Files are read and parsed on several threads but merged one after the other in the order
//! given, so the report never depends on thread timing. A damaged file is refused and named;
//! the others are merged all the same. Specified in `docs/report-format.md`.

mod compact;
mod csv;
pub mod duration;
mod html;
mod lenient;
pub mod merge;
pub mod roster;
mod statement;
mod xlsx;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;

pub use merge::{Batch, DimensionCohort, ItemAnalysis, Merged, Row, SurveyCohort, TimeSpent};
pub use statement::Reason;

use crate::export::{self, ExportError};

/// What a merge of export files found.
#[derive(Debug, Default)]
pub struct Report {
    /// The files merged, in the order given, with their number of statements.
    pub merged: Vec<(PathBuf, u64)>,
    /// The files refused (unreadable, damaged, not an export); each error names its file.
    pub refused: Vec<ExportError>,
    /// Statements read from the merged files, duplicates and unattributed ones included.
    pub statements_read: u64,
    /// Statements whose id was already seen (the same export copied twice, for instance).
    pub duplicates: u64,
    /// Statements that could not be attributed to a learner and a module, by reason.
    pub unattributed: BTreeMap<Reason, u64>,
    /// For each reason, the file and line (from 1) of the first statement that had it.
    pub first_unattributed: BTreeMap<Reason, (PathBuf, u64)>,
    /// One row per learner and module, sorted by learner id, then module id.
    pub rows: Vec<Row>,
    /// The self-assessments taken, per module and survey.
    pub surveys: Vec<SurveyCohort>,
    /// Each quiz question across learners, by module, quiz and question.
    pub items: Vec<ItemAnalysis>,
    /// Time spent per module and per activity, as quartiles over learners.
    pub time_spent: Vec<TimeSpent>,
    /// Modules' titles from the statements that name a module, by module id: language → text.
    pub titles: BTreeMap<String, BTreeMap<String, String>>,
    /// Verified link statements read (a learner's pseudonym linked to their institutional
    /// identifier, or unlinked).
    pub link_statements: u64,
    /// Pseudonyms whose link statements disagree (another key or identifier): none of their
    /// links is applied.
    pub link_conflicts: u64,
}

impl Report {
    pub fn unattributed_total(&self) -> u64 {
        self.unattributed.values().sum()
    }

    /// Names each row's module in `language` (else English, else any language it has): from
    /// `installed` (module id → language → title, the bundles on this computer) where it has
    /// the module, else from the statements.
    pub fn title_modules(&mut self, language: &str, installed: &BTreeMap<String, BTreeMap<String, String>>) {
        for (id, titles) in installed {
            self.titles.insert(id.clone(), titles.clone());
        }
        for row in &mut self.rows {
            row.module_title = self.titles.get(&row.module_id).and_then(|titles| {
                let primary = language.split('-').next().unwrap_or(language);
                titles
                    .get(language)
                    .or_else(|| {
                        titles.iter().find(|(l, _)| l.split('-').next() == Some(primary)).map(|(_, t)| t)
                    })
                    .or_else(|| titles.get("en"))
                    .or_else(|| titles.values().next())
                    .cloned()
            });
        }
    }

    /// The title of module `id` as the rows give it, or its id.
    pub fn module_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.rows.iter().find(|r| r.module_id == id).and_then(|r| r.module_title.as_deref()).unwrap_or(id)
    }

    /// Puts the roster's names beside the learners it lists.
    pub fn name_learners(&mut self, roster: &roster::Roster) {
        for row in &mut self.rows {
            row.learner_name = roster.get(&row.learner_id).cloned();
        }
    }
}

/// Reads and parses one export file: the part of a merge that runs on worker threads.
pub fn read_batch(path: &Path) -> Result<Batch, ExportError> {
    // Parsed as the lines stream in; the batch is dropped if the file turns out damaged.
    let mut batch = Batch::new();
    export::read_lines(path, |line| batch.push(line))?;
    Ok(batch)
}

/// Merges export files: each is checked against its manifest and refused if damaged; the
/// statements of the others are de-duplicated by id and attributed to learners and modules.
pub fn merge_files(paths: &[PathBuf]) -> Report {
    let workers = thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, paths.len().max(1));
    let mut merged = Merged::new();
    let mut report = Report::default();

    thread::scope(|scope| {
        // Worker `w` reads files w, w + workers, …; the merge takes them back in that order.
        // A channel of one keeps each worker at most a file or two ahead (bounded memory).
        let results: Vec<_> = (0..workers)
            .map(|w| {
                let (sender, receiver) = mpsc::sync_channel(1);
                scope.spawn(move || {
                    for path in paths.iter().skip(w).step_by(workers) {
                        if sender.send(read_batch(path)).is_err() {
                            break;
                        }
                    }
                });
                receiver
            })
            .collect();
        for (i, path) in paths.iter().enumerate() {
            // A worker only hangs up early if it panicked, which the scope then reports.
            let Ok(result) = results[i % workers].recv() else { break };
            match result {
                Ok(batch) => {
                    let start = merged.statements_read();
                    merged.add(&batch);
                    // Where each reason was met first: the smallest file name and line, so
                    // that it does not depend on the order the files were given in.
                    for (reason, at) in merged.take_first_unattributed() {
                        let here = (path.clone(), at - start + 1);
                        let first = report.first_unattributed.entry(reason).or_insert_with(|| here.clone());
                        *first = first.clone().min(here);
                    }
                    report.merged.push((path.clone(), batch.len() as u64));
                }
                Err(err) => report.refused.push(err),
            }
        }
    });
    report.statements_read = merged.statements_read();
    report.duplicates = merged.duplicates();
    report.unattributed = merged.unattributed().clone();
    report.rows = merged.rows();
    report.surveys = merged.surveys();
    report.items = merged.items();
    report.time_spent = merged.time_spent();
    report.titles = merged.titles();
    (report.link_statements, report.link_conflicts) = merged.links();
    report.title_modules("en", &BTreeMap::new());
    report
}

/// The formats a report can be written in, chosen by the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
    Html,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(
        "{}: unknown report format; name the report file .csv, .xlsx or .html (.htm)",
        path.display()
    )]
    UnknownFormat { path: PathBuf },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

impl Format {
    /// The format named by the extension of `path` (case does not matter).
    pub fn of(path: &Path) -> Result<Format, ReportError> {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("csv") => Ok(Format::Csv),
            Some("xlsx") => Ok(Format::Xlsx),
            Some("html" | "htm") => Ok(Format::Html),
            _ => Err(ReportError::UnknownFormat { path: path.to_owned() }),
        }
    }
}

/// Where the summary of a CSV report goes: `report.csv` → `report.summary.txt`. A CSV file has
/// one shape (a row per learner and module), so the counts that do not fit it go beside it.
pub fn summary_path(out: &Path) -> PathBuf {
    out.with_extension("summary.txt")
}

/// Where the item analysis of a CSV report goes: `report.csv` → `report.items.csv`.
pub fn items_path(out: &Path) -> PathBuf {
    out.with_extension("items.csv")
}

/// Writes `report` to `out` in the format its extension names (and, for CSV, the summary to
/// [`summary_path`] and the item analysis to [`items_path`]); each file is replaced
/// atomically. Returns the files written.
pub fn write(report: &Report, out: &Path) -> Result<Vec<PathBuf>, ReportError> {
    let format = Format::of(out)?;
    let error = |source| ReportError::Write { path: out.to_owned(), source };
    let bytes = match format {
        Format::Csv => csv::render(report).map_err(error)?,
        Format::Xlsx => xlsx::render(report).map_err(|e| error(io::Error::other(e)))?,
        Format::Html => html::render(report).into_bytes(),
    };
    write_atomically(out, &bytes)?;
    let mut written = vec![out.to_owned()];
    if format == Format::Csv {
        let path = summary_path(out);
        write_atomically(&path, summary(report).as_bytes())?;
        written.push(path);
        let path = items_path(out);
        let error = |source| ReportError::Write { path: path.clone(), source };
        write_atomically(&path, &csv::render_items(report).map_err(error)?)?;
        written.push(path);
    }
    Ok(written)
}

/// Writes `bytes` to a temporary file beside `out`, flushed to disk, then renamed over `out`:
/// a reader never sees half a report, and a failure leaves the previous one in place.
fn write_atomically(out: &Path, bytes: &[u8]) -> Result<(), ReportError> {
    let error = |source| ReportError::Write { path: out.to_owned(), source };
    let dir = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(error)?;
    temp.write_all(bytes).map_err(error)?;
    temp.as_file().sync_all().map_err(error)?;
    temp.persist(out).map_err(|e| error(e.error))?;
    Ok(())
}

/// The report's counts as plain text, one fact per line: what `dlis merge` prints.
pub fn summary(report: &Report) -> String {
    let mut text = String::new();
    let files = report.merged.len() + report.refused.len();
    let merged: u64 = report.merged.iter().map(|(_, n)| n).sum();
    // Writing to a String cannot fail.
    let _ = writeln!(text, "export files merged: {} of {files} ({merged} statements)", report.merged.len());
    for err in &report.refused {
        let _ = writeln!(text, "  refused: {err}");
    }
    let _ = writeln!(text, "statements read: {}", report.statements_read);
    let _ = writeln!(text, "duplicates (same statement id, counted once): {}", report.duplicates);
    let _ = writeln!(text, "not attributed to a learner and a module: {}", report.unattributed_total());
    for (reason, count) in &report.unattributed {
        match report.first_unattributed.get(reason) {
            Some((file, line)) => {
                let _ = writeln!(text, "  {count}: {reason} (first: {} line {line})", file.display());
            }
            None => {
                let _ = writeln!(text, "  {count}: {reason}");
            }
        }
    }
    if report.link_statements > 0 {
        let _ = writeln!(
            text,
            "link statements (pseudonyms attributed to institutional identifiers): {}",
            report.link_statements
        );
    }
    if report.link_conflicts > 0 {
        let _ = writeln!(
            text,
            "  pseudonyms whose links disagree (another key or identifier; not applied): {}",
            report.link_conflicts
        );
    }
    let _ = writeln!(text, "rows (learner and module): {}", report.rows.len());
    if !report.time_spent.is_empty() {
        let _ = writeln!(
            text,
            "time spent, over the learners with time recorded (seconds: first quartile / median / third quartile):"
        );
    }
    for t in &report.time_spent {
        let _ = writeln!(
            text,
            "  {}{}: {} / {} / {} ({} learner(s))",
            t.module_id,
            t.activity_id.as_deref().map(|a| format!(" / {a}")).unwrap_or_default(),
            decimal(t.q1, 1),
            decimal(t.median, 1),
            decimal(t.q3, 1),
            t.learners
        );
    }
    for survey in &report.surveys {
        let _ = writeln!(
            text,
            "self-assessment {} / {}: {} learner(s), {} took it again; mean of 1 to {}, first take -> last take:",
            survey.module_id, survey.activity_id, survey.learners, survey.retook, survey.scale
        );
        for d in &survey.dimensions {
            let _ = writeln!(
                text,
                "  {}: {} -> {} ({} learner(s))",
                d.id,
                decimal(d.first_mean, 2),
                decimal(d.last_mean, 2),
                d.learners
            );
        }
    }
    text
}

/// A number with at most `decimals` decimals and no trailing zeros: `80`, `66.67`.
fn decimal(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    if text == "-0" { "0".into() } else { text.to_owned() }
}

/// A scaled score (-1 to 1) as a percentage with at most two decimals.
fn percent(scaled: f64) -> String {
    decimal(scaled * 100.0, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_names_the_format() {
        assert_eq!(Format::of(Path::new("out/r.csv")).unwrap(), Format::Csv);
        assert_eq!(Format::of(Path::new("R.XLSX")).unwrap(), Format::Xlsx);
        assert_eq!(Format::of(Path::new("r.htm")).unwrap(), Format::Html);
        for bad in ["r.pdf", "r", "r.csv.gz", ".csv"] {
            let err = Format::of(Path::new(bad)).unwrap_err().to_string();
            assert!(err.contains(".csv, .xlsx or .html"), "{bad}: {err}");
        }
        assert_eq!(summary_path(Path::new("x/report.csv")), Path::new("x/report.summary.txt"));
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(decimal(80.0, 2), "80");
        assert_eq!(decimal(2.0 / 3.0 * 100.0, 2), "66.67");
        assert_eq!(decimal(130.5, 3), "130.5");
        assert_eq!(decimal(-0.0001, 2), "0");
        assert_eq!(percent(0.6667), "66.67");
    }
}
