//! `dlis institution`, `dlis sync`, `dlis export`, `dlis push`: getting records to institutions.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use dlis::export;
use dlis::store::{Pending, StoreError};
use dlis::sync::{self, Backoff, Client, Institution, Ledger, LrsAccess, Sent, SyncError};

use crate::learners::open_store;

pub fn set_institution(data_dir: &Path, file: &Path) -> Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let institution: Institution = serde_json::from_slice(&bytes).with_context(|| {
        format!("{} is not an institution file (see docs/export-format.md)", file.display())
    })?;
    open_store(data_dir)?.set_institution(&institution)?;
    outln!("records will go to {} ({})", institution.name, institution.lrs.endpoint);
    warn_if_unencrypted(&institution.lrs);
    Ok(())
}

pub fn show_institution(data_dir: &Path) -> Result<()> {
    match open_store(data_dir)?.institution()? {
        Some(i) => {
            outln!(
                "{}\n  LRS        {}\n  user       {}\n  home page  {}",
                i.name,
                i.lrs.endpoint,
                i.lrs.username,
                i.home_page
            );
            match &i.learner_identifier {
                Some(rule) => outln!(
                    "  learners may link their profile to their {}{}",
                    rule.label,
                    rule.pattern.as_deref().map(|p| format!(" (pattern {p})")).unwrap_or_default()
                ),
                None => outln!("  learners stay pseudonymous (the file asks for no learner_identifier)"),
            }
        }
        None => outln!("no institution set up (`dlis institution set FILE`)"),
    }
    Ok(())
}

fn warn_if_unencrypted(access: &LrsAccess) {
    if access.is_unencrypted() {
        errln!(
            "warning: {} is http://: the LRS password and the learners' records cross the network \
             unencrypted; ask the institution for its https:// address",
            access.endpoint
        );
    }
}

pub fn sync(data_dir: &Path, wait: u64, batch: usize, status_only: bool) -> Result<()> {
    let mut store = open_store(data_dir)?;
    if status_only {
        let status = store.sync_status()?;
        outln!("{} statement(s) waiting, {} sent", status.pending, status.synced);
        if let Some(at) = &status.last_success_at {
            outln!("last success: {at}");
        }
        if let (Some(at), Some(error)) = (&status.last_error_at, &status.last_error) {
            outln!("last error ({at}): {error}");
        }
        for (id, reason) in &status.rejected {
            outln!("refused by the LRS: {id}: {reason}");
        }
        return Ok(());
    }
    let institution = store.institution()?.ok_or(SyncError::NotConfigured)?;
    let client = Client::new(&institution.lrs)?;
    let deadline = Instant::now() + Duration::from_secs(wait);
    let mut backoff = Backoff::new(Duration::from_millis(500), Duration::from_secs(60));
    let mut total = Sent::default();
    loop {
        match sync::sync_once(&mut store, &client, batch) {
            Ok(sent) => {
                total.acknowledged += sent.acknowledged;
                total.rejected += sent.rejected;
                break;
            }
            Err(SyncError::Unavailable { detail, retry_after }) if Instant::now() < deadline => {
                let delay =
                    backoff.next_delay(retry_after).min(deadline.saturating_duration_since(Instant::now()));
                errln!("LRS unavailable ({detail}); trying again in {:.1} s", delay.as_secs_f64());
                std::thread::sleep(delay);
            }
            Err(err) => return Err(err.into()),
        }
    }
    let status = store.sync_status()?;
    outln!(
        "sent {} statement(s) to {}; {} refused; {} waiting",
        total.acknowledged,
        institution.name,
        total.rejected,
        status.pending
    );
    if total.rejected > 0 {
        errln!("see `dlis sync --status` for the LRS's reasons");
    }
    Ok(())
}

pub fn export(data_dir: &Path, out: &Path, learners: &[String]) -> Result<()> {
    let store = open_store(data_dir)?;
    for id in learners {
        store.learner(id)?;
    }
    let selection = (!learners.is_empty()).then_some(learners);
    let manifest = export::write(&store, selection, out)?;
    outln!(
        "exported {} statement(s) of {} learner(s) to {}",
        manifest.statements,
        manifest.learners.len(),
        out.display()
    );
    Ok(())
}

/// Acknowledgements of a push, kept in memory: the export files themselves are not changed.
#[derive(Default)]
struct Tally {
    acknowledged: HashSet<String>,
    rejected: Vec<(String, String)>,
}

impl Ledger for Tally {
    fn acknowledged(&mut self, statements: &[Pending]) -> Result<(), StoreError> {
        self.acknowledged.extend(statements.iter().map(|p| p.statement_id.clone()));
        Ok(())
    }

    fn rejected(&mut self, statement: &Pending, reason: &str) -> Result<(), StoreError> {
        self.rejected.push((statement.statement_id.clone(), reason.to_owned()));
        Ok(())
    }
}

pub struct PushTarget {
    pub lrs: Option<String>,
    pub user: Option<String>,
    pub password: Option<String>,
}

pub fn push(data_dir: &Path, files: &[PathBuf], target: PushTarget, batch: usize) -> Result<()> {
    // Only what was given on the command line, or the institution's profile: its password
    // goes only to its own endpoint and user (`LrsAccess::reuse`).
    let saved = match &target {
        PushTarget { lrs: Some(_), user: Some(_), password: Some(_) } => None,
        _ => open_store(data_dir).ok().and_then(|s| s.institution().ok().flatten()).map(|i| i.lrs),
    };
    let (Some(endpoint), Some(username)) = (
        target.lrs.as_deref().or(saved.as_ref().map(|s| s.endpoint.as_str())),
        target.user.as_deref().or(saved.as_ref().map(|s| s.username.as_str())),
    ) else {
        bail!("no LRS: pass --lrs URL --user U --password P, or set up an institution first");
    };
    let access = LrsAccess::reuse(saved.as_ref(), endpoint, username, target.password.as_deref())?;
    warn_if_unencrypted(&access);
    let client = Client::new(&access)?;
    let mut seen = BTreeSet::new();
    let mut pending = Vec::new();
    let mut damaged = 0;
    let mut bad_lines = 0;
    for file in files {
        // The file's statements are kept only once the whole file passed its checks.
        let mut lines = Vec::new();
        match export::read_lines(file, |json| lines.push(json.to_owned())) {
            Ok(_) => {
                // A line that is not a statement with an id is named, and the rest goes on.
                for (number, json) in lines.into_iter().enumerate() {
                    let json = json.as_str();
                    let id = serde_json::from_str::<serde_json::Value>(json)
                        .ok()
                        .and_then(|v| v["id"].as_str().map(str::to_owned));
                    let Some(id) = id else {
                        errln!(
                            "error: {} line {}: not an xAPI statement with an id; not sent",
                            file.display(),
                            number + 1
                        );
                        bad_lines += 1;
                        continue;
                    };
                    if seen.insert(id.clone()) {
                        let seq = pending.len() as i64;
                        pending.push(Pending { seq, statement_id: id, json: json.to_owned() });
                    }
                }
            }
            Err(err) => {
                errln!("error: {err}");
                damaged += 1;
            }
        }
    }
    let mut tally = Tally::default();
    let mut sent = Sent::default();
    for chunk in pending.chunks(batch.max(1)) {
        sync::send(&client, chunk, &mut tally, &mut sent)?;
    }
    for (id, reason) in &tally.rejected {
        errln!("refused by the LRS: {id}: {reason}");
    }
    outln!(
        "{} of {} statement(s) acknowledged by {}",
        tally.acknowledged.len(),
        pending.len(),
        access.endpoint
    );
    if damaged > 0 || bad_lines > 0 || tally.acknowledged.len() != pending.len() {
        bail!(
            "not every statement reached the LRS ({damaged} damaged file(s), {bad_lines} unreadable line(s), {} refused)",
            tally.rejected.len()
        );
    }
    Ok(())
}
