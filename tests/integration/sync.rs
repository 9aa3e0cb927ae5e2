//! Learners' records reaching the institution's LRS: a real Ralph on loopback, behind a proxy
//! that injects faults. Whatever happens on the way, the LRS ends up holding each statement
//! exactly once and the outbox is empty.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use dlis::store::Store;
use dlis::sync::{self, Client, LrsAccess, SyncError};
use serde_json::{Value, json};

use crate::faults::{Fault, Proxy};
use crate::ralph::*;
use crate::support::*;

/// A trainer's institution file pointing at `lrs` (a base URL such as `http://127.0.0.1:PORT`).
pub(crate) fn institution_file(dir: &Path, lrs: &str, password: &str) -> PathBuf {
    let path = dir.join(format!("institution-{password}.json"));
    let institution = json!({
        "name": "IRTS Hauts-de-France",
        "home_page": "https://irts-hdf.example",
        "lrs": {"endpoint": format!("{lrs}/xAPI/"), "username": "dlis", "password": password}
    });
    std::fs::write(&path, institution.to_string()).unwrap();
    path
}

/// A laptop: a data dir whose institution sends to `lrs`, with `learners` who each did a
/// whole session of the sample module.
pub(crate) fn laptop(dir: &Path, lrs: &str, learners: usize) -> PathBuf {
    let data = dir.join("data");
    dlis(&data).args(["institution", "set"]).arg(institution_file(dir, lrs, "s3cret")).assert().success();
    let mut store = Store::open(&data.join("progress.db")).unwrap();
    for n in 0..learners {
        learner_session(&mut store, &format!("Learner {n}"));
    }
    data
}

/// Points the laptop's institution at another LRS address (the same credentials).
pub(crate) fn point_at(data: &Path, dir: &Path, lrs: &str) {
    dlis(data).args(["institution", "set"]).arg(institution_file(dir, lrs, "s3cret")).assert().success();
}

pub(crate) fn id_of(statement: &str) -> String {
    serde_json::from_str::<Value>(statement).unwrap()["id"].as_str().unwrap().to_owned()
}

/// The ids of every statement in the laptop's outbox, sorted.
pub(crate) fn outbox_ids(data: &Path) -> Vec<String> {
    let mut ids: Vec<String> =
        Store::open(&data.join("progress.db")).unwrap().outbox().unwrap().iter().map(|s| id_of(s)).collect();
    ids.sort();
    ids
}

pub(crate) fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

pub(crate) fn status(data: &Path) -> dlis::store::SyncStatus {
    Store::open(&data.join("progress.db")).unwrap().sync_status().unwrap()
}

pub(crate) fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `dlis sync` as a child process the test may kill.
fn spawn_sync(data: &Path, args: &[&str]) -> Child {
    program("dlis")
        .env("DLIS_DATA_DIR", data)
        .arg("sync")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn work_done_offline_reaches_the_lrs_exactly_once_when_the_network_returns() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let proxy = Proxy::start(&lrs.url, |_| Fault::DropBefore); // the laptop is offline
    let data = laptop(dir.path(), &proxy.url, 2);
    let ids = outbox_ids(&data);

    let output = dlis(&data).arg("sync").output().unwrap();
    assert!(!output.status.success());
    assert!(stderr(&output).contains("cannot be reached"), "{}", stderr(&output));
    let offline = status(&data);
    assert_eq!(offline.pending, ids.len() as u64);
    assert!(offline.last_error.is_some() && offline.last_success_at.is_none());
    assert_eq!(offline.last_error_kind.as_deref(), Some("unreachable"), "the app says it in its words");
    dlis(&data)
        .args(["sync", "--status"])
        .assert()
        .success()
        .stdout(predicates::str::contains(format!("{} statement(s) waiting", ids.len())))
        .stdout(predicates::str::contains("last error"));

    // Syncing with patience while the network comes back.
    let mut syncing = spawn_sync(&data, &["--wait", "120", "--batch", "10"]);
    while proxy.log().len() < 2 {
        std::thread::sleep(Duration::from_millis(50));
    }
    proxy.set_plan(|_| Fault::Pass);
    assert!(syncing.wait().unwrap().success());

    assert_eq!(sorted(lrs.stored_ids()), ids);
    let online = status(&data);
    assert_eq!((online.pending, online.synced), (0, ids.len() as u64));
    assert!(online.last_success_at.is_some());

    // Nothing left to send: a second sync sends nothing and the LRS holds the same.
    let posts = proxy.log().iter().filter(|(r, _)| r.method == "POST").count();
    dlis(&data).arg("sync").assert().success().stdout(predicates::str::contains("sent 0 statement(s)"));
    assert_eq!(proxy.log().iter().filter(|(r, _)| r.method == "POST").count(), posts);
    assert_eq!(lrs.stored_ids().len(), ids.len());
}

#[test]
fn a_statement_the_lrs_refuses_is_set_aside_with_its_reason_and_the_rest_go_on() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let proxy = Proxy::start(&lrs.url, |_| Fault::Pass);
    let data = laptop(dir.path(), &proxy.url, 1);
    let ids = outbox_ids(&data);
    // A statement damaged on disk: the LRS refuses a statement without an actor.
    let conn = rusqlite::Connection::open(data.join("progress.db")).unwrap();
    let bad: String = conn
        .query_row(
            "UPDATE outbox SET statement = json_remove(statement, '$.actor')
             WHERE seq = (SELECT seq FROM outbox ORDER BY seq LIMIT 1 OFFSET 5) RETURNING statement_id",
            [],
            |row| row.get(0),
        )
        .unwrap();
    drop(conn);

    let output = dlis(&data).args(["sync", "--batch", "8"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("1 refused"));
    let expected: Vec<String> = ids.iter().filter(|id| **id != bad).cloned().collect();
    assert_eq!(sorted(lrs.stored_ids()), expected);
    let after = status(&data);
    assert_eq!(after.pending, 0);
    assert_eq!(after.rejected.len(), 1);
    assert_eq!(after.rejected[0].0, bad);
    assert!(after.rejected[0].1.contains("actor"), "the LRS's reason is kept: {}", after.rejected[0].1);
    dlis(&data)
        .args(["sync", "--status"])
        .assert()
        .success()
        .stdout(predicates::str::contains(format!("refused by the LRS: {bad}")));

    // It is not sent again.
    let posts = proxy.log().len();
    dlis(&data).arg("sync").assert().success();
    let resent = proxy.log()[posts..].iter().any(|(r, _)| String::from_utf8_lossy(&r.body).contains(&bad));
    assert!(!resent);
}

#[test]
fn wrong_credentials_stop_the_sync_until_a_trainer_fixes_them() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let data = laptop(dir.path(), &lrs.url, 1);
    let ids = outbox_ids(&data);
    dlis(&data)
        .args(["institution", "set"])
        .arg(institution_file(dir.path(), &lrs.url, "Wr0ngPa55"))
        .assert()
        .success();

    let output = dlis(&data).args(["sync", "--wait", "60"]).output().unwrap();
    assert!(!output.status.success());
    assert!(stderr(&output).contains("credentials"), "{}", stderr(&output));
    assert!(!stderr(&output).contains("Wr0ngPa55"), "the password is never shown");
    assert_eq!(status(&data).pending, ids.len() as u64);
    assert!(lrs.stored_ids().is_empty());
    let shown = dlis(&data).args(["institution", "show"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&shown.stdout).contains("Wr0ngPa55"));

    dlis(&data)
        .args(["institution", "set"])
        .arg(institution_file(dir.path(), &lrs.url, "s3cret"))
        .assert()
        .success();
    dlis(&data).arg("sync").assert().success();
    assert_eq!(sorted(lrs.stored_ids()), ids);
}

#[test]
fn batches_too_large_for_the_lrs_are_split() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let proxy =
        Proxy::start(
            &lrs.url,
            |request| {
                if request.statements() > 4 { Fault::Answer(413, None) } else { Fault::Pass }
            },
        );
    let data = laptop(dir.path(), &proxy.url, 1);
    let ids = outbox_ids(&data);
    dlis(&data).args(["sync", "--batch", "50"]).assert().success();
    assert_eq!(sorted(lrs.stored_ids()), ids);
    let log = proxy.log();
    assert_eq!(log[0].0.statements(), ids.len().min(50));
    assert_eq!(log[0].1, Fault::Answer(413, None));
    assert!(log.iter().all(|(r, f)| *f != Fault::Pass || r.statements() <= 4));
}

#[test]
fn conflicts_are_settled_statement_by_statement_without_duplicates() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let mut posts = 0;
    // The LRS stores a batch but the answer says 409; then a 409 about a batch it never saw.
    let proxy = Proxy::start(&lrs.url, move |request| {
        if request.method != "POST" {
            return Fault::Pass;
        }
        posts += 1;
        match posts {
            1 => Fault::ForwardThenAnswer(409),
            2 => Fault::Answer(409, None),
            _ => Fault::Pass,
        }
    });
    let data = laptop(dir.path(), &proxy.url, 1);
    let ids = outbox_ids(&data);
    // A genuine clash: the LRS already holds another statement under one of our ids.
    let store = Store::open(&data.join("progress.db")).unwrap();
    let outbox = store.outbox().unwrap();
    let mut clash: Value = serde_json::from_str(&outbox[20]).unwrap();
    clash["verb"]["id"] = json!("http://adlnet.gov/expapi/verbs/attempted");
    assert_eq!(lrs.post(&format!("[{clash}]")), 200);

    let output = dlis(&data).args(["sync", "--batch", "10"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let stored = sorted(lrs.stored_ids());
    assert_eq!(stored, ids, "each id once, the clashing one being the LRS's own");
    let after = status(&data);
    assert_eq!(after.pending, 0);
    assert_eq!(after.rejected, vec![(id_of(&outbox[20]), after.rejected[0].1.clone())]);
    assert!(after.rejected[0].1.contains("different statement"));
}

#[test]
fn a_busy_lrs_is_left_alone_for_as_long_as_it_asks() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let mut requests = 0;
    let proxy = Proxy::start(&lrs.url, move |_| {
        requests += 1;
        match requests {
            1 => Fault::Answer(429, Some(2)),
            2 => Fault::Answer(503, None),
            3 => Fault::ForwardThenAnswer(502),
            _ => Fault::Pass,
        }
    });
    let data = laptop(dir.path(), &proxy.url, 1);
    let ids = outbox_ids(&data);
    let start = Instant::now();
    let output = dlis(&data).args(["sync", "--wait", "120"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(start.elapsed() >= Duration::from_secs(2), "Retry-After: 2 was honoured");
    assert!(stderr(&output).contains("trying again"));
    assert_eq!(sorted(lrs.stored_ids()), ids);
}

#[test]
fn a_request_that_times_out_is_sent_again_and_stored_once() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let mut requests = 0;
    let proxy = Proxy::start(&lrs.url, move |_| {
        requests += 1;
        if requests == 1 { Fault::Delay(Duration::from_secs(2)) } else { Fault::Pass }
    });
    let data = laptop(dir.path(), &proxy.url, 1);
    let ids = outbox_ids(&data);
    let access = LrsAccess {
        endpoint: format!("{}/xAPI/", proxy.url),
        username: "dlis".into(),
        password: "s3cret".into(),
    };
    let client = Client::with_timeout(&access, Duration::from_millis(500)).unwrap();
    let mut store = Store::open(&data.join("progress.db")).unwrap();
    let first = sync::sync_once(&mut store, &client, 1000);
    assert!(matches!(first, Err(SyncError::Unavailable { .. })), "{first:?}");
    assert_eq!(store.sync_status().unwrap().pending, ids.len() as u64);
    // The slow request reaches the LRS meanwhile.
    let deadline = Instant::now() + Duration::from_secs(30);
    while lrs.stored_ids().len() < ids.len() {
        assert!(Instant::now() < deadline, "the delayed batch never reached the LRS");
        std::thread::sleep(Duration::from_millis(50));
    }
    let sent = sync::sync_once(&mut store, &client, 1000).unwrap();
    assert_eq!(sent.acknowledged, ids.len() as u64);
    assert_eq!(sorted(lrs.stored_ids()), ids);
}

#[test]
fn after_a_storm_of_faults_and_killed_syncs_the_lrs_holds_each_statement_once() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let storm = [
        Fault::DropAfter,
        Fault::Pass,
        Fault::Answer(500, None),
        Fault::ForwardThenAnswer(409),
        Fault::Pass,
        Fault::DropBefore,
        Fault::ForwardThenAnswer(500),
        Fault::Delay(Duration::from_millis(300)),
        Fault::Answer(409, None),
        Fault::Answer(429, Some(1)),
        Fault::Pass,
        Fault::DropAfter,
    ];
    let mut n = 0;
    let proxy = Proxy::start(&lrs.url, move |_| {
        n += 1;
        storm[n % storm.len()].clone()
    });
    let data = laptop(dir.path(), &proxy.url, 3);
    let ids = outbox_ids(&data);

    // The syncing process is killed (-9) at varying moments, again and again.
    for round in 0..8u64 {
        let mut syncing = spawn_sync(&data, &["--wait", "30", "--batch", "7"]);
        std::thread::sleep(Duration::from_millis(300 + 250 * (round % 4)));
        syncing.kill().unwrap();
        syncing.wait().unwrap();
    }
    let faults = proxy.log();
    for kind in [Fault::DropAfter, Fault::ForwardThenAnswer(409), Fault::Answer(500, None)] {
        assert!(faults.iter().any(|(_, f)| *f == kind), "the storm included {kind:?}");
    }

    proxy.set_plan(|_| Fault::Pass);
    let output = dlis(&data).args(["sync", "--wait", "60"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let after = status(&data);
    assert_eq!((after.pending, after.rejected.len()), (0, 0));
    assert_eq!(sorted(lrs.stored_ids()), ids);
}

/// An export file holding `statements`, written by hand to the documented format.
pub(crate) fn export_of(path: &Path, statements: &[String]) {
    use sha2::{Digest, Sha256};
    use std::io::Write;
    let body: String = statements.iter().map(|s| format!("{s}\n")).collect();
    let hash: String = Sha256::digest(body.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let manifest = json!({
        "format": 1, "kind": "dlis-learn-export", "generator": "test", "created_at": "2026-11-23T10:00:00.000Z",
        "statements": statements.len(), "learners": [], "first_timestamp": null, "last_timestamp": null,
        "size": body.len(), "sha256": hash
    });
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("manifest.json", options).unwrap();
    zip.write_all(manifest.to_string().as_bytes()).unwrap();
    zip.start_file("statements.jsonl", options).unwrap();
    zip.write_all(body.as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
fn an_export_carried_by_hand_gives_the_same_report_as_the_sync() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let data = laptop(dir.path(), &lrs.url, 2);
    dlis(&data).arg("sync").assert().success();

    // By hand: the laptop's export, merged.
    let export = dir.path().join("laptop.zip");
    dlis(&data).args(["export", "--out"]).arg(&export).assert().success();
    let by_hand = dir.path().join("by-hand.csv");
    dlis(&data).arg("merge").arg(&export).arg("--out").arg(&by_hand).assert().success();

    // Online: what the LRS holds (with the properties it adds), merged the same way.
    let stored: Vec<String> = lrs.stored().iter().map(Value::to_string).collect();
    assert_eq!(stored.len(), outbox_ids(&data).len());
    let from_lrs = dir.path().join("from-lrs.zip");
    export_of(&from_lrs, &stored);
    let synced = dir.path().join("synced.csv");
    dlis(&data).arg("merge").arg(&from_lrs).arg("--out").arg(&synced).assert().success();

    let by_hand = std::fs::read_to_string(by_hand).unwrap();
    assert!(by_hand.starts_with("learner_id,module_id"), "{by_hand}");
    assert_eq!(by_hand.lines().count(), 3, "a row per learner: {by_hand}");
    assert_eq!(by_hand, std::fs::read_to_string(synced).unwrap());
}
