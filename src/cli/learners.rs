//! `dlis learners` and `dlis progress`: learner profiles and their progress, for trainers.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use dlis::Library;
use dlis::manifest::{Manifest, localized};
use dlis::store::{ActivityProgress, Store, StoreError};

/// Opens the data directory's progress store, with a way out when it is damaged.
pub fn open_store(data_dir: &Path) -> Result<Store> {
    std::fs::create_dir_all(data_dir).with_context(|| format!("cannot create {}", data_dir.display()))?;
    match Store::open(&data_dir.join(dlis::store::FILE_NAME)) {
        Err(err @ StoreError::Damaged { .. }) => Err(err)
            .context("to keep the damaged file aside and start a new database, run `dlis start-fresh --yes`"),
        other => Ok(other?),
    }
}

fn installed(data_dir: &Path) -> Result<BTreeMap<String, std::sync::Arc<Manifest>>> {
    let (modules, _) = Library::new(data_dir).list()?;
    Ok(modules.into_iter().map(|m| (m.manifest.id.clone(), m.manifest)).collect())
}

pub fn list(data_dir: &Path, json: bool) -> Result<()> {
    let store = open_store(data_dir)?;
    let modules = installed(data_dir)?;
    let current = store.current_learner()?.map(|l| l.id);
    let mut rows = Vec::new();
    for learner in store.learners()? {
        let (mut started, mut completed) = (0, 0);
        for module_id in store.modules_of(&learner.id)? {
            started += 1;
            if let Some(manifest) = modules.get(&module_id)
                && store.module_progress(&learner.id, manifest)?.completed_at.is_some()
            {
                completed += 1;
            }
        }
        rows.push((learner, started, completed));
    }
    if json {
        let value: Vec<_> = rows
            .iter()
            .map(|(l, started, completed)| {
                serde_json::json!({
                    "id": l.id, "display_name": l.display_name, "language": l.language, "has_pin": l.has_pin,
                    "created_at": l.created_at, "current": current.as_deref() == Some(l.id.as_str()),
                    "modules_started": started, "modules_completed": completed,
                })
            })
            .collect();
        outln!("{}", serde_json::to_string_pretty(&value)?);
    } else if rows.is_empty() {
        outln!("no learner profile yet (create one with `dlis learner create NAME`)");
    } else {
        for (l, started, completed) in rows {
            let pin = if l.has_pin { ", PIN" } else { "" };
            outln!(
                "{}  {:<24} {}{pin}  {started} module(s) started, {completed} completed",
                l.id,
                l.display_name,
                l.language
            );
        }
    }
    Ok(())
}

pub fn progress(data_dir: &Path, learner_id: &str, json: bool) -> Result<()> {
    let store = open_store(data_dir)?;
    let learner = store.learner(learner_id)?;
    let modules = installed(data_dir)?;
    let mut report = Vec::new();
    for module_id in store.modules_of(&learner.id)? {
        match modules.get(&module_id) {
            Some(manifest) => {
                report.push((module_id, Some(manifest), Some(store.module_progress(&learner.id, manifest)?)))
            }
            None => report.push((module_id, None, None)),
        }
    }
    if json {
        let value: Vec<_> = report
            .iter()
            .map(|(id, _, progress)| serde_json::json!({ "module_id": id, "installed": progress.is_some(), "progress": progress }))
            .collect();
        outln!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "learner": learner, "modules": value }))?
        );
        return Ok(());
    }
    outln!("{} ({}, {})", learner.display_name, learner.id, learner.language);
    if report.is_empty() {
        outln!("  no progress yet");
    }
    for (module_id, manifest, progress) in report {
        let (Some(manifest), Some(progress)) = (manifest, progress) else {
            outln!("  {module_id}: records kept, module not installed");
            continue;
        };
        let state = match &progress.completed_at {
            Some(at) => format!("completed {at}"),
            None => "in progress".into(),
        };
        let lang = learner.language.as_str();
        outln!(
            "  {} — {} ({state})",
            module_id,
            localized(&manifest.title, lang, &manifest.default_language)
        );
        for activity in &progress.activities {
            let line = match activity {
                ActivityProgress::Lesson { read, opened, seconds, .. } => {
                    let state = if *read {
                        "read"
                    } else if *opened {
                        "opened"
                    } else {
                        "not started"
                    };
                    format!("lesson  {state}, {:.0} min", seconds / 60.0)
                }
                ActivityProgress::Video { watched_percent, position, .. } => {
                    format!("capsule {watched_percent:.0}% watched, resume at {position:.0} s")
                }
                ActivityProgress::Quiz(quiz) => {
                    let best = quiz.best_scaled.map_or("-".into(), |s| format!("{:.0}%", s * 100.0));
                    let left = quiz.attempts_left.map_or("unlimited".into(), |n| n.to_string());
                    let passed = if quiz.passed {
                        "passed"
                    } else if quiz.in_progress {
                        "in progress"
                    } else {
                        "not passed"
                    };
                    format!("quiz    {passed}, best {best}, {} attempt(s), {left} left", quiz.attempts)
                }
                ActivityProgress::Survey { takes, .. } => format!("survey  taken {takes} time(s)"),
            };
            let marker =
                if progress.last_activity_id.as_deref() == Some(activity.id()) { "→" } else { " " };
            outln!("    {marker} {:<28} {line}", activity.id());
        }
    }
    Ok(())
}

/// What a link sends, said before the learner agrees (the app's consent screen says the same).
const LINK_CONSENT: &str = "\
Linking this profile to your institutional identifier means:
  - your records sent from now on (to the institution's LRS or in export files) carry this
    identifier instead of a random pseudonym;
  - one signed statement tells the institution that your earlier records, made under the
    pseudonym, are yours too;
  - your display name, PIN, notes and written reflections still never leave this computer.
Unlinking stops it from then on; what was already sent stays with the institution, even if
the profile is deleted.";

pub fn link(data_dir: &Path, learner_id: &str, identifier: &str, yes: bool, pin_stdin: bool) -> Result<()> {
    let mut store = crate::notes::unlock(data_dir, learner_id, pin_stdin)?;
    let label = store
        .institution()?
        .and_then(|i| i.learner_identifier)
        .map(|rule| rule.label)
        .ok_or(dlis::store::LinkError::NotAsked)?;
    if !yes {
        anyhow::bail!("{LINK_CONSENT}\nAdd --yes if the learner agrees to link their {label}.");
    }
    let link = store.link_learner(learner_id, identifier)?;
    outln!("linked to {label} {} from {}", link.identifier, link.linked_at);
    Ok(())
}

pub fn unlink(data_dir: &Path, learner_id: &str, pin_stdin: bool) -> Result<()> {
    let mut store = crate::notes::unlock(data_dir, learner_id, pin_stdin)?;
    store.unlink_learner(learner_id)?;
    outln!(
        "unlinked: records from now on carry a new pseudonym; those already sent stay with the institution"
    );
    Ok(())
}
