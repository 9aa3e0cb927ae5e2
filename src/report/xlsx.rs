//! The XLSX report: a "Report" sheet with the CSV's columns as typed cells (numbers, booleans,
//! dates), a "Summary" sheet with what does not fit one row per learner and module, the
//! figures across learners, and one sheet per module with its rows, named by its title.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use time::OffsetDateTime;

use super::csv::HEADER;
use super::{Report, Row};

/// Excel's limits: rows per sheet (the header takes one) and characters per cell.
const MAX_ROWS: usize = 1_048_575;
const MAX_CHARS: usize = 32_767;

/// Text from a statement, cut to what a cell holds (a real id is far shorter). Cells are
/// written as strings, never as formulas, whatever they start with.
fn text(value: &str) -> &str {
    match value.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => &value[..end],
        None => value,
    }
}

/// An instant as an Excel serial date (days since 1899-12-30), in UTC.
fn serial(at: OffsetDateTime) -> f64 {
    at.unix_timestamp_nanos() as f64 / 86_400e9 + 25_569.0
}

struct Formats {
    header: Format,
    date: Format,
    percent: Format,
    seconds: Format,
}

pub(super) fn render(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats {
        header: Format::new().set_bold(),
        date: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
        percent: Format::new().set_num_format("0.0%"),
        seconds: Format::new().set_num_format("0.0"),
    };
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Report")?;
    let all: Vec<&Row> = report.rows.iter().collect();
    rows(sheet, &all, &formats)?;
    let sheet = workbook.add_worksheet();
    sheet.set_name("Summary")?;
    summary(sheet, report, &formats)?;
    if !report.time_spent.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name("Time spent")?;
        time_spent(sheet, report, &formats)?;
    }
    if !report.items.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name("Item analysis")?;
        items(sheet, report, &formats)?;
    }
    if !report.surveys.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name("Self-assessments")?;
        surveys(sheet, report, &formats)?;
    }
    let mut by_module: std::collections::BTreeMap<&str, Vec<&Row>> = std::collections::BTreeMap::new();
    for row in &report.rows {
        by_module.entry(&row.module_id).or_default().push(row);
    }
    let mut names: Vec<String> = workbook.worksheets().iter().map(|s| s.name().to_lowercase()).collect();
    for (module, rows_of_module) in by_module {
        let name = sheet_name(report.module_title(module), &names);
        names.push(name.to_lowercase());
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        rows(sheet, &rows_of_module, &formats)?;
    }
    workbook.save_to_buffer()
}

/// A sheet name Excel takes for `title`: at most 31 characters, none of `[]:*?/\`, no `'` at
/// either end, and unlike the names already `taken` (compared without case, as Excel does).
fn sheet_name(title: &str, taken: &[String]) -> String {
    let clean: String =
        title.chars().map(|c| if "[]:*?/\\".contains(c) || c.is_control() { ' ' } else { c }).collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    let clean = clean.trim_matches('\'').trim();
    let clean = if clean.is_empty() { "Module" } else { clean };
    let cut = |text: &str, max: usize| text.chars().take(max).collect::<String>().trim_end().to_owned();
    let mut name = cut(clean, 31);
    let mut n = 2;
    while taken.contains(&name.to_lowercase()) {
        let suffix = format!(" ({n})");
        name = format!("{}{suffix}", cut(clean, 31 - suffix.chars().count()));
        n += 1;
    }
    name
}

fn rows(sheet: &mut Worksheet, rows: &[&Row], formats: &Formats) -> Result<(), XlsxError> {
    for (col, name) in HEADER.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *name, &formats.header)?;
        let width = match col {
            0 => 38,
            1 => 28,
            4 | 11 | 12 => 20,
            16 => 40,
            _ => name.len().max(8) + 2,
        };
        sheet.set_column_width(col, width as f64)?;
    }
    let date = |sheet: &mut Worksheet, row: u32, col: u16, at: Option<OffsetDateTime>| match at {
        // Excel counts days from 1900: an earlier (hostile) date is shown as text.
        Some(at) if (1900..=9999).contains(&at.year()) => {
            sheet.write_number_with_format(row, col, serial(at), &formats.date).map(|_| ())
        }
        Some(at) => sheet.write_string(row, col, crate::xapi::timestamp(at)).map(|_| ()),
        None => Ok(()),
    };
    for (i, row) in rows.iter().take(MAX_ROWS).enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, text(&row.learner_id))?;
        sheet.write_string(r, 1, text(&row.module_id))?;
        sheet.write_string(r, 2, text(&row.module_version))?;
        sheet.write_boolean(r, 3, row.completed)?;
        date(sheet, r, 4, row.completed_at)?;
        if let Some(scaled) = row.best_score_scaled {
            sheet.write_number_with_format(r, 5, scaled, &formats.percent)?;
        }
        sheet.write_number(r, 6, row.quiz_attempts)?;
        sheet.write_boolean(r, 7, row.quiz_passed)?;
        sheet.write_number_with_format(r, 8, row.time_spent_seconds, &formats.seconds)?;
        sheet.write_number(r, 9, row.lessons_completed)?;
        sheet.write_number(r, 10, row.capsules_completed)?;
        date(sheet, r, 11, row.first_activity_at)?;
        date(sheet, r, 12, row.last_activity_at)?;
        sheet.write_number(r, 13, row.statements as f64)?;
        if let Some(code) = row.attestation_code() {
            sheet.write_string(r, 14, code)?;
        }
        if let Some(name) = &row.learner_name {
            sheet.write_string(r, 15, text(name))?;
        }
        if let Some(title) = &row.module_title {
            sheet.write_string(r, 16, text(title))?;
        }
    }
    let last_row = rows.len().min(MAX_ROWS) as u32;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, HEADER.len() as u16 - 1)?;
    Ok(())
}

/// One line per module (activity empty) and per activity: quartiles of seconds over learners.
fn time_spent(sheet: &mut Worksheet, report: &Report, formats: &Formats) -> Result<(), XlsxError> {
    let header = ["module_id", "activity_id", "learners", "q1_seconds", "median_seconds", "q3_seconds"];
    for (col, name) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, &formats.header)?;
        sheet.set_column_width(col as u16, (name.len().max(12) + 4) as u16)?;
    }
    for (r, t) in report.time_spent.iter().enumerate().take(MAX_ROWS) {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, text(&t.module_id))?;
        if let Some(activity) = &t.activity_id {
            sheet.write_string(r, 1, text(activity))?;
        }
        sheet.write_number(r, 2, f64::from(t.learners))?;
        sheet.write_number_with_format(r, 3, t.q1, &formats.seconds)?;
        sheet.write_number_with_format(r, 4, t.median, &formats.seconds)?;
        sheet.write_number_with_format(r, 5, t.q3, &formats.seconds)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// One line per quiz question: the same columns as the CSV's item analysis.
fn items(sheet: &mut Worksheet, report: &Report, formats: &Formats) -> Result<(), XlsxError> {
    for (col, name) in super::csv::ITEM_HEADER.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, &formats.header)?;
        sheet.set_column_width(col as u16, (name.len().max(10) + 2) as u16)?;
    }
    for (r, item) in report.items.iter().enumerate().take(MAX_ROWS) {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, text(&item.module_id))?;
        sheet.write_string(r, 1, text(&item.quiz_id))?;
        sheet.write_string(r, 2, text(&item.question_id))?;
        sheet.write_number(r, 3, f64::from(item.learners))?;
        sheet.write_number(r, 4, f64::from(item.attempts))?;
        sheet.write_number_with_format(r, 5, item.right_first_time, &formats.percent)?;
        if let Some((response, count)) = &item.most_chosen_wrong {
            sheet.write_string(r, 6, text(response))?;
            sheet.write_number(r, 7, f64::from(*count))?;
        }
        if let Some(d) = item.discrimination {
            sheet.write_number(r, 8, d)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// One line per survey and dimension: the cohort's mean at the first take and at the last.
fn surveys(sheet: &mut Worksheet, report: &Report, formats: &Formats) -> Result<(), XlsxError> {
    let header = [
        "module_id",
        "survey_id",
        "dimension_id",
        "scale_max",
        "learners",
        "retook",
        "first_take_mean",
        "last_take_mean",
    ];
    for (col, name) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, &formats.header)?;
        sheet.set_column_width(col as u16, (name.len().max(10) + 4) as u16)?;
    }
    let mut r = 0;
    for s in &report.surveys {
        for d in &s.dimensions {
            r += 1;
            sheet.write_string(r, 0, text(&s.module_id))?;
            sheet.write_string(r, 1, text(&s.activity_id))?;
            sheet.write_string(r, 2, text(&d.id))?;
            sheet.write_number(r, 3, f64::from(s.scale))?;
            sheet.write_number(r, 4, f64::from(d.learners))?;
            sheet.write_number(r, 5, f64::from(s.retook))?;
            sheet.write_number(r, 6, d.first_mean)?;
            sheet.write_number(r, 7, d.last_mean)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn summary(sheet: &mut Worksheet, report: &Report, formats: &Formats) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, "item", &formats.header)?;
    sheet.write_string_with_format(0, 1, "count", &formats.header)?;
    sheet.write_string_with_format(0, 2, "detail", &formats.header)?;
    sheet.set_column_width(0, 44)?;
    sheet.set_column_width(1, 12)?;
    sheet.set_column_width(2, 100)?;
    let mut r = 0;
    let mut line = |sheet: &mut Worksheet, item: &str, count: Option<u64>, detail: &str| {
        r += 1;
        sheet.write_string(r, 0, item)?;
        if let Some(count) = count {
            sheet.write_number(r, 1, count as f64)?;
        }
        if !detail.is_empty() {
            sheet.write_string(r, 2, text(detail))?;
        }
        Ok::<_, XlsxError>(())
    };
    let files = (report.merged.len() + report.refused.len()) as u64;
    line(sheet, "export files given", Some(files), "")?;
    line(sheet, "export files merged", Some(report.merged.len() as u64), "")?;
    line(sheet, "export files refused", Some(report.refused.len() as u64), "")?;
    line(sheet, "statements read", Some(report.statements_read), "")?;
    line(sheet, "duplicates (same statement id, counted once)", Some(report.duplicates), "")?;
    line(sheet, "not attributed to a learner and a module", Some(report.unattributed_total()), "")?;
    for (reason, count) in &report.unattributed {
        line(sheet, "  not attributed", Some(*count), reason.describe())?;
    }
    line(sheet, "rows (learner and module)", Some(report.rows.len() as u64), "")?;
    if report.rows.len() > MAX_ROWS {
        let detail = format!("only the first {MAX_ROWS} fit in a sheet; write a CSV report for all of them");
        line(
            sheet,
            "rows left out of the Report sheet",
            Some((report.rows.len() - MAX_ROWS) as u64),
            &detail,
        )?;
    }
    for (path, statements) in &report.merged {
        line(sheet, "merged file", Some(*statements), &path.display().to_string())?;
    }
    for err in &report.refused {
        line(sheet, "refused file", None, &err.to_string())?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::sheet_name;

    #[test]
    fn sheet_names_are_what_excel_takes() {
        let taken = vec!["report".to_owned(), "summary".to_owned()];
        assert_eq!(
            sheet_name("Faire avec : accompagner les démarches en ligne", &taken),
            "Faire avec accompagner les déma"
        );
        assert_eq!(sheet_name("Report", &taken), "Report (2)");
        assert_eq!(sheet_name("'[*?]'", &taken), "Module");
        let long = "Κάνουμε μαζί: υποστήριξη στις ηλεκτρονικές διαδικασίες";
        let once = sheet_name(long, &taken);
        assert!(once.chars().count() <= 31);
        let twice = sheet_name(long, &[once.to_lowercase()]);
        assert!(twice.ends_with(" (2)") && twice.chars().count() <= 31, "{twice}");
    }
}
