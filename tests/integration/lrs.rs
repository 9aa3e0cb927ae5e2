//! The statements in the outbox are valid for a real LRS: Ralph's strict xAPI model accepts
//! each of them, and a Ralph server on loopback stores each exactly once, even when the same
//! batch is sent twice. Ralph comes from PyPI through `scripts/lrs-venv.sh`.

use serde_json::Value;

use crate::ralph::*;
use crate::support::*;

#[test]
fn ralphs_strict_model_accepts_every_statement() {
    let dir = temp();
    let statements = session_statements(dir.path());
    assert!(statements.len() > 20, "{} statements", statements.len());
    let (accepted, report) = crate::ralph::strict_model(&statements);
    assert!(accepted, "Ralph's model refused statements:\n{report}");
    assert!(report.contains(&format!("{} valid, 0 invalid", statements.len())), "{report}");
}

#[test]
fn a_real_lrs_stores_each_statement_exactly_once() {
    let dir = temp();
    let statements = session_statements(dir.path());
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let batch = format!("[{}]", statements.join(","));
    assert_eq!(lrs.post(&batch), 200);
    // The same bytes again, as a retry after a lost acknowledgement would send them.
    assert!(matches!(lrs.post(&batch), 200 | 204));
    let mut stored = lrs.stored_ids();
    stored.sort();
    let mut sent: Vec<String> = statements
        .iter()
        .map(|s| serde_json::from_str::<Value>(s).unwrap()["id"].as_str().unwrap().to_owned())
        .collect();
    sent.sort();
    assert_eq!(stored, sent);
}
