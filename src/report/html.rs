//! The HTML report: one self-contained page (inline CSS, inline SVG charts, no script, nothing
//! remote) that opens offline in any browser and prints cleanly.
//!
//! Every string that comes from a statement is untrusted and escaped; on top of that, the
//! page's Content Security Policy forbids scripts and every remote load.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use time::OffsetDateTime;

use super::{Report, Row, decimal, percent};

/// Modules shown in the completion chart (the tables list every one).
const CHART_MODULES: usize = 40;

const STYLE: &str = "
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1a1a1a;
  margin: 0; line-height: 1.45; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 2px solid #d0d7e2; padding-bottom: 0.2rem; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border: 1px solid #c5ccd6; padding: 0.3rem 0.55rem; text-align: left; vertical-align: top; }
thead th { background: #eef2f7; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.id { font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace; font-size: 0.85rem;
  word-break: break-all; }
.refused { color: #9b1c1c; }
.note { color: #4a5565; }
figure { margin: 1rem 0; }
svg { max-width: 100%; height: auto; }
svg text { font: 13px system-ui, sans-serif; fill: #1a1a1a; }
.bar { fill: #2b6cb0; }
.track { fill: #e6ebf2; }
tr.flag th, tr.flag td { background: #fff4e5; }
@page { size: A4; margin: 14mm 12mm; }
@media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; }
  thead { display: table-header-group; } table { font-size: 8.5pt; } figure, table { break-inside: auto; } }
";

/// Escapes text for HTML element content and quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A label cut to `max` characters for a chart (the tables show it whole).
fn short(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

fn date(at: Option<OffsetDateTime>) -> String {
    let Some(at) = at else { return String::new() };
    let machine = crate::xapi::timestamp(at);
    let human = format!("{} {} UTC", machine.get(..10).unwrap_or(""), machine.get(11..16).unwrap_or(""));
    format!("<time datetime=\"{machine}\">{human}</time>")
}

/// Seconds as people read them: `45 s`, `12 min`, `2 h 05 min`.
fn duration(seconds: f64) -> String {
    let seconds = seconds.max(0.0).round() as u64;
    if seconds < 60 {
        return format!("{seconds} s");
    }
    let minutes = (seconds + 30) / 60;
    if minutes < 60 {
        format!("{minutes} min")
    } else {
        format!("{} h {:02} min", minutes / 60, minutes % 60)
    }
}

fn rate(part: u64, whole: u64) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

/// The figures of one module over its learners.
#[derive(Default)]
struct ModuleFigures {
    learners: u64,
    completed: u64,
    passed: u64,
    scores: Vec<f64>,
    seconds: f64,
    /// The module's title in the report's language, or its id.
    title: String,
}

fn modules(rows: &[Row]) -> BTreeMap<&str, ModuleFigures> {
    let mut modules: BTreeMap<&str, ModuleFigures> = BTreeMap::new();
    for row in rows {
        let module = modules.entry(&row.module_id).or_default();
        module.title = row.module_title.clone().unwrap_or_else(|| row.module_id.clone());
        module.learners += 1;
        module.completed += u64::from(row.completed);
        module.passed += u64::from(row.quiz_passed);
        module.scores.extend(row.best_score_scaled);
        module.seconds += row.time_spent_seconds;
    }
    modules
}

pub(super) fn render(report: &Report) -> String {
    let modules = modules(&report.rows);
    let learners: std::collections::BTreeSet<&str> =
        report.rows.iter().map(|r| r.learner_id.as_str()).collect();
    let mut page = String::with_capacity(4096 + report.rows.len() * 700);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>DLIS Learn: learners' report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>Learners' report</h1>\n\
         <p class=\"note\">{} learner(s) in {} module(s), from {} export file(s). Times are in UTC.</p>\n",
        learners.len(),
        modules.len(),
        report.merged.len()
    );
    summary(&mut page, report);
    completion_chart(&mut page, &modules);
    score_chart(&mut page, &report.rows);
    module_table(&mut page, &modules);
    time_table(&mut page, report);
    item_table(&mut page, report);
    survey_tables(&mut page, report);
    row_table(&mut page, &report.rows);
    file_table(&mut page, report);
    page.push_str("</main>\n</body>\n</html>\n");
    page
}

fn summary(page: &mut String, report: &Report) {
    let files = report.merged.len() + report.refused.len();
    page.push_str("<h2 id=\"summary\">Summary</h2>\n<table aria-labelledby=\"summary\">\n");
    page.push_str("<caption>What the merge found</caption>\n<tbody>\n");
    let mut line = |label: &str, value: String| {
        let _ = writeln!(page, "<tr><th scope=\"row\">{label}</th><td class=\"n\">{value}</td></tr>");
    };
    line("Export files merged", format!("{} of {files}", report.merged.len()));
    line("Export files refused", report.refused.len().to_string());
    line("Statements read", report.statements_read.to_string());
    line("Duplicates (same statement id, counted once)", report.duplicates.to_string());
    line("Not attributed to a learner and a module", report.unattributed_total().to_string());
    for (reason, count) in &report.unattributed {
        line(&format!("&#8195;{}", escape(reason.describe())), count.to_string());
    }
    if report.link_statements > 0 {
        line(
            "Link statements (pseudonyms attributed to institutional identifiers)",
            report.link_statements.to_string(),
        );
    }
    if report.link_conflicts > 0 {
        line("&#8195;Pseudonyms whose links disagree (not applied)", report.link_conflicts.to_string());
    }
    line("Rows (learner and module)", report.rows.len().to_string());
    page.push_str("</tbody>\n</table>\n");
    if !report.refused.is_empty() {
        page.push_str("<p class=\"refused\"><strong>Refused files</strong> (their statements are not in this report):</p>\n<ul class=\"refused\">\n");
        for err in &report.refused {
            let _ = writeln!(page, "<li>{}</li>", escape(&err.to_string()));
        }
        page.push_str("</ul>\n");
    }
}

/// Horizontal bars: the share of each module's learners who completed it, numbers written out.
fn completion_chart(page: &mut String, modules: &BTreeMap<&str, ModuleFigures>) {
    page.push_str("<h2 id=\"completion\">Completion by module</h2>\n");
    if modules.is_empty() {
        page.push_str("<p>No module has any attributed statement.</p>\n");
        return;
    }
    let mut shown: Vec<(&str, &ModuleFigures)> = modules.iter().map(|(m, f)| (*m, f)).collect();
    if shown.len() > CHART_MODULES {
        shown.sort_by(|a, b| b.1.learners.cmp(&a.1.learners).then(a.0.cmp(b.0)));
        shown.truncate(CHART_MODULES);
        shown.sort_by(|a, b| a.0.cmp(b.0));
        let _ = writeln!(
            page,
            "<p class=\"note\">The {CHART_MODULES} modules with the most learners; the table below lists all {}.</p>",
            modules.len()
        );
    }
    let (label_width, bar_width, row_height) = (260.0, 320.0, 30.0);
    let height = shown.len() as f64 * row_height + 10.0;
    let description: Vec<String> = shown
        .iter()
        .map(|(_, f)| {
            format!(
                "{}: {} of {} completed ({}%)",
                f.title,
                f.completed,
                f.learners,
                decimal(rate(f.completed, f.learners) * 100.0, 0)
            )
        })
        .collect();
    let _ = writeln!(
        page,
        "<figure>\n<svg role=\"img\" aria-labelledby=\"completion-title completion-desc\" \
         viewBox=\"0 0 760 {height}\" width=\"760\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <title id=\"completion-title\">Share of learners who completed each module</title>\n\
         <desc id=\"completion-desc\">{}</desc>",
        escape(&description.join("; "))
    );
    for (i, (_, figures)) in shown.iter().enumerate() {
        let y = i as f64 * row_height + 5.0;
        let share = rate(figures.completed, figures.learners);
        let _ = writeln!(
            page,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect class=\"track\" x=\"{label_width}\" y=\"{y}\" width=\"{bar_width}\" height=\"20\"/>\
             <rect class=\"bar\" x=\"{label_width}\" y=\"{y}\" width=\"{:.1}\" height=\"20\"/>\
             <text x=\"{}\" y=\"{}\">{} of {} ({}%)</text>",
            label_width - 8.0,
            y + 15.0,
            escape(&short(&figures.title, 34)),
            share * bar_width,
            label_width + bar_width + 8.0,
            y + 15.0,
            figures.completed,
            figures.learners,
            decimal(share * 100.0, 0)
        );
    }
    page.push_str("</svg>\n<figcaption class=\"note\">Completed: a \u{201c}completed\u{201d} statement about the module itself, in any version.</figcaption>\n</figure>\n");
}

/// Columns: how many learner-module rows have their best quiz score in each tenth.
fn score_chart(page: &mut String, rows: &[Row]) {
    page.push_str("<h2 id=\"scores\">Best quiz scores</h2>\n");
    let mut buckets = [0u64; 10];
    let mut unscored = 0;
    for row in rows {
        match row.best_score_scaled {
            Some(scaled) => buckets[((scaled.max(0.0) * 10.0).floor() as usize).min(9)] += 1,
            None => unscored += 1,
        }
    }
    let scored: u64 = buckets.iter().sum();
    if scored == 0 {
        let _ = writeln!(
            page,
            "<p>No quiz was submitted ({unscored} learner-module row(s) without a score).</p>"
        );
        return;
    }
    let highest = buckets.iter().copied().max().unwrap_or(1).max(1) as f64;
    let (left, column, gap, plot) = (40.0, 56.0, 12.0, 180.0);
    let label = |i: usize| format!("{}–{}%", i * 10, i * 10 + 10);
    let description: Vec<String> =
        buckets.iter().enumerate().map(|(i, n)| format!("{}: {n}", label(i))).collect();
    let _ = writeln!(
        page,
        "<figure>\n<svg role=\"img\" aria-labelledby=\"scores-title scores-desc\" viewBox=\"0 0 760 250\" \
         width=\"760\" height=\"250\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <title id=\"scores-title\">Learner-module rows by best quiz score</title>\n\
         <desc id=\"scores-desc\">{}; without a score: {unscored}</desc>",
        description.join("; ")
    );
    for (i, count) in buckets.iter().enumerate() {
        let x = left + i as f64 * (column + gap);
        let height = *count as f64 / highest * plot;
        let top = 20.0 + plot - height;
        let _ = writeln!(
            page,
            "<rect class=\"bar\" x=\"{x}\" y=\"{top:.1}\" width=\"{column}\" height=\"{height:.1}\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"middle\">{count}</text>\
             <text x=\"{}\" y=\"225\" text-anchor=\"middle\">{}</text>",
            x + column / 2.0,
            top - 5.0,
            x + column / 2.0,
            label(i)
        );
    }
    let _ = writeln!(
        page,
        "<line x1=\"{}\" y1=\"200\" x2=\"{}\" y2=\"200\" stroke=\"#6b7280\"/>\n</svg>\n\
         <figcaption class=\"note\">Best score of any submitted attempt at the module's quizzes, one count per \
         learner and module; a column holds the scores from its lower bound up to, not including, its upper \
         one (100% goes in the last). {unscored} row(s) have no submitted quiz.</figcaption>\n</figure>",
        left - 4.0,
        left + 10.0 * (column + gap)
    );
}

fn module_table(page: &mut String, modules: &BTreeMap<&str, ModuleFigures>) {
    page.push_str(
        "<h2 id=\"modules\">Modules</h2>\n<table>\n<caption>One row per module, over its learners</caption>\n\
         <thead><tr><th scope=\"col\">Module</th><th scope=\"col\">Learners</th><th scope=\"col\">Completed</th>\
         <th scope=\"col\">Completion rate</th><th scope=\"col\">Passed a quiz</th>\
         <th scope=\"col\">Average best score</th><th scope=\"col\">Average time spent</th></tr></thead>\n<tbody>\n",
    );
    for (module, f) in modules {
        let average = if f.scores.is_empty() {
            String::new()
        } else {
            format!("{}%", percent(f.scores.iter().sum::<f64>() / f.scores.len() as f64))
        };
        let _ = writeln!(
            page,
            "<tr><th scope=\"row\">{} <span class=\"id\">{}</span></th><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}%</td><td class=\"n\">{}</td><td class=\"n\">{average}</td><td class=\"n\">{}</td></tr>",
            escape(&f.title),
            escape(module),
            f.learners,
            f.completed,
            decimal(rate(f.completed, f.learners) * 100.0, 0),
            f.passed,
            duration(f.seconds / f.learners.max(1) as f64)
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

/// Time spent per module and activity: quartiles, so that a few learners who left a lesson
/// open for hours do not make a module look long.
fn time_table(page: &mut String, report: &Report) {
    if report.time_spent.is_empty() {
        return;
    }
    page.push_str(
        "<h2 id=\"time\">Time spent</h2>\n<table>\n<caption>Over the learners with time recorded: \
         lessons read, capsules completed and quiz attempts</caption>\n\
         <thead><tr><th scope=\"col\">Module</th><th scope=\"col\">Activity</th><th scope=\"col\">Learners</th>\
         <th scope=\"col\">First quartile</th><th scope=\"col\">Median</th><th scope=\"col\">Third quartile</th></tr></thead>\n<tbody>\n",
    );
    for t in &report.time_spent {
        let _ = writeln!(
            page,
            "<tr><th scope=\"row\" class=\"id\">{}</th><td class=\"id\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&t.module_id),
            t.activity_id.as_deref().map_or_else(|| "(whole module)".to_owned(), escape),
            t.learners,
            duration(t.q1),
            duration(t.median),
            duration(t.q3)
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

/// Each quiz question across learners, with the questions to look at first marked: few right
/// at the first answer, or a discrimination under 0.2 (the usual threshold for "rewrite").
fn item_table(page: &mut String, report: &Report) {
    if report.items.is_empty() {
        return;
    }
    page.push_str(
        "<h2 id=\"items\">Item analysis</h2>\n<table>\n<caption>One row per quiz question; \
         discrimination is the share right at the first answer in the best third of learners \
         (by best score) minus that in the weakest third</caption>\n\
         <thead><tr><th scope=\"col\">Module</th><th scope=\"col\">Quiz / question</th><th scope=\"col\">Learners</th>\
         <th scope=\"col\">Answers</th><th scope=\"col\">Right at first answer</th>\
         <th scope=\"col\">Most chosen wrong response</th><th scope=\"col\">Discrimination</th></tr></thead>\n<tbody>\n",
    );
    for item in &report.items {
        let wrong = match &item.most_chosen_wrong {
            Some((response, count)) => format!("{} ({count})", escape(&short(response, 60))),
            None => String::new(),
        };
        let weak = item.right_first_time < 0.3 || item.discrimination.is_some_and(|d| d < 0.2);
        let _ = writeln!(
            page,
            "<tr{}><th scope=\"row\" class=\"id\">{}</th><td class=\"id\">{} / {}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}%</td><td class=\"id\">{wrong}</td><td class=\"n\">{}{}</td></tr>",
            if weak { " class=\"flag\"" } else { "" },
            escape(&item.module_id),
            escape(&item.quiz_id),
            escape(&item.question_id),
            item.learners,
            item.attempts,
            percent(item.right_first_time),
            item.discrimination.map(|d| decimal(d, 2)).unwrap_or_else(|| "–".into()),
            if weak { " (to review)" } else { "" }
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

/// Each survey's dimensions over its cohort, first take against last.
fn survey_tables(page: &mut String, report: &Report) {
    if report.surveys.is_empty() {
        return;
    }
    page.push_str("<h2 id=\"self-assessments\">Self-assessments</h2>\n");
    for s in &report.surveys {
        let _ = write!(
            page,
            "<table>\n<caption>{} / {}: {} learner(s), {} took it again; mean rating from 1 to {}</caption>\n\
             <thead><tr><th scope=\"col\">Dimension</th><th scope=\"col\">Learners</th>\
             <th scope=\"col\">First take</th><th scope=\"col\">Last take</th><th scope=\"col\">Change</th></tr></thead>\n<tbody>\n",
            escape(&s.module_id),
            escape(&s.activity_id),
            s.learners,
            s.retook,
            s.scale
        );
        for d in &s.dimensions {
            let change = d.last_mean - d.first_mean;
            let _ = writeln!(
                page,
                "<tr><th scope=\"row\" class=\"id\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td><td class=\"n\">{}{}</td></tr>",
                escape(&d.id),
                d.learners,
                decimal(d.first_mean, 2),
                decimal(d.last_mean, 2),
                if change > 0.0 { "+" } else { "" },
                decimal(change, 2)
            );
        }
        page.push_str("</tbody>\n</table>\n");
    }
}

fn row_table(page: &mut String, rows: &[Row]) {
    page.push_str(
        "<h2 id=\"learners\">Learners</h2>\n<table>\n<caption>One row per learner and module \
         (learners appear by the identifier their records carry, with their name when a roster gives it)</caption>\n<thead><tr>\
         <th scope=\"col\">Learner</th><th scope=\"col\">Module</th><th scope=\"col\">Version</th>\
         <th scope=\"col\">Completed</th><th scope=\"col\">Best score</th><th scope=\"col\">Quiz attempts</th>\
         <th scope=\"col\">Quiz passed</th><th scope=\"col\">Time spent</th><th scope=\"col\">Lessons completed</th>\
         <th scope=\"col\">Capsules completed</th><th scope=\"col\">First activity</th>\
         <th scope=\"col\">Last activity</th><th scope=\"col\">Statements</th></tr></thead>\n<tbody>\n",
    );
    let yes = |b: bool| if b { "yes" } else { "no" };
    for row in rows {
        let completed = match (row.completed, row.completed_at) {
            (true, Some(_)) => format!(
                "yes, {} <span class=\"id\">(attestation {})</span>",
                date(row.completed_at),
                row.attestation_code().unwrap_or_default()
            ),
            (completed, _) => yes(completed).to_owned(),
        };
        let score = row.best_score_scaled.map(|s| format!("{}%", percent(s))).unwrap_or_default();
        let _ = writeln!(
            page,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{completed}</td>\
             <td class=\"n\">{score}</td><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            match &row.learner_name {
                Some(name) =>
                    format!("{} <span class=\"id\">{}</span>", escape(name), escape(&row.learner_id)),
                None => format!("<span class=\"id\">{}</span>", escape(&row.learner_id)),
            },
            match &row.module_title {
                Some(title) =>
                    format!("{} <span class=\"id\">{}</span>", escape(title), escape(&row.module_id)),
                None => format!("<span class=\"id\">{}</span>", escape(&row.module_id)),
            },
            escape(&row.module_version),
            row.quiz_attempts,
            yes(row.quiz_passed),
            duration(row.time_spent_seconds),
            row.lessons_completed,
            row.capsules_completed,
            date(row.first_activity_at),
            date(row.last_activity_at),
            row.statements
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

fn file_table(page: &mut String, report: &Report) {
    page.push_str(
        "<h2 id=\"files\">Export files</h2>\n<table>\n<caption>The files given, in order</caption>\n\
         <thead><tr><th scope=\"col\">File</th><th scope=\"col\">Outcome</th></tr></thead>\n<tbody>\n",
    );
    for (path, statements) in &report.merged {
        let _ = writeln!(
            page,
            "<tr><th scope=\"row\" class=\"id\">{}</th><td>merged, {statements} statement(s)</td></tr>",
            escape(&path.display().to_string())
        );
    }
    for err in &report.refused {
        let _ = writeln!(
            page,
            "<tr class=\"refused\"><th scope=\"row\">refused</th><td>{}</td></tr>",
            escape(&err.to_string())
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_inert() {
        assert_eq!(
            escape("<script>alert('x')</script>&\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"
        );
        assert_eq!(short("abcdef", 3), "abc…");
        assert_eq!(short("abc", 3), "abc");
    }

    #[test]
    fn durations_read_like_time() {
        assert_eq!(duration(45.4), "45 s");
        assert_eq!(duration(12.0 * 60.0 + 20.0), "12 min");
        assert_eq!(duration(2.0 * 3600.0 + 5.0 * 60.0), "2 h 05 min");
        assert_eq!(duration(7170.0), "2 h 00 min");
    }
}
