//! The CSV report: a header row, then one row per learner and module.

use std::io;

use time::OffsetDateTime;

use super::{ItemAnalysis, Report, Row, decimal, percent};
use crate::xapi::timestamp;

/// The columns, in order; `docs/report-format.md` defines each.
pub(super) const HEADER: [&str; 17] = [
    "learner_id",
    "module_id",
    "module_version",
    "completed",
    "completed_at",
    "best_score_percent",
    "quiz_attempts",
    "quiz_passed",
    "time_spent_seconds",
    "lessons_completed",
    "capsules_completed",
    "first_activity_at",
    "last_activity_at",
    "statements",
    "attestation_code",
    "learner_name",
    "module_title",
];

/// Text from a statement, made inert for spreadsheets: a cell starting with `=`, `+`, `-`,
/// `@` or a tab would be run as a formula by Excel or LibreOffice when the CSV is opened, so
/// it gets a leading `'`. Real learner ids (UUIDs), module ids and versions never start so.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

fn time(at: Option<OffsetDateTime>) -> String {
    at.map(timestamp).unwrap_or_default()
}

fn record(row: &Row) -> [String; 17] {
    [
        cell(&row.learner_id),
        cell(&row.module_id),
        cell(&row.module_version),
        row.completed.to_string(),
        time(row.completed_at),
        row.best_score_scaled.map(percent).unwrap_or_default(),
        row.quiz_attempts.to_string(),
        row.quiz_passed.to_string(),
        decimal(row.time_spent_seconds, 3),
        row.lessons_completed.to_string(),
        row.capsules_completed.to_string(),
        time(row.first_activity_at),
        time(row.last_activity_at),
        row.statements.to_string(),
        row.attestation_code().unwrap_or_default(),
        row.learner_name.as_deref().map(cell).unwrap_or_default(),
        row.module_title.as_deref().map(cell).unwrap_or_default(),
    ]
}

/// The item analysis's columns (`docs/report-format.md`).
pub(super) const ITEM_HEADER: [&str; 9] = [
    "module_id",
    "quiz_id",
    "question_id",
    "learners",
    "attempts",
    "right_first_time_percent",
    "most_chosen_wrong_response",
    "most_chosen_wrong_count",
    "discrimination",
];

pub(super) fn item_record(item: &ItemAnalysis) -> [String; 9] {
    let (wrong, count) = match &item.most_chosen_wrong {
        Some((response, count)) => (cell(response), count.to_string()),
        None => (String::new(), String::new()),
    };
    [
        cell(&item.module_id),
        cell(&item.quiz_id),
        cell(&item.question_id),
        item.learners.to_string(),
        item.attempts.to_string(),
        percent(item.right_first_time),
        wrong,
        count,
        item.discrimination.map(|d| decimal(d, 3)).unwrap_or_default(),
    ]
}

/// The item analysis as its own CSV file: one row per quiz question.
pub(super) fn render_items(report: &Report) -> io::Result<Vec<u8>> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record(ITEM_HEADER)?;
    for item in &report.items {
        writer.write_record(item_record(item))?;
    }
    writer.into_inner().map_err(|e| e.into_error())
}

pub(super) fn render(report: &Report) -> io::Result<Vec<u8>> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER)?;
    for row in &report.rows {
        writer.write_record(record(row))?;
    }
    writer.into_inner().map_err(|e| e.into_error())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_made_inert() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("-1+2"), "'-1+2");
        assert_eq!(cell("dlis.faire-avec"), "dlis.faire-avec");
    }
}
