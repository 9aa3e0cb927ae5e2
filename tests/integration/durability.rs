//! The store's promises when things go wrong: a killed process loses no acknowledged write
//! and leaves nothing half-written; an older schema is upgraded in place; a newer one, or a
//! damaged file, is refused and left untouched until the user agrees to start fresh.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use dlis::store::{Store, StoreError};
use rusqlite::Connection;

use crate::support::*;

/// The `event_writer` example, built by `cargo test` next to the test binaries (or for Windows
/// by `scripts/wine-test.sh`).
fn event_writer() -> Command {
    let deps = std::env::current_exe().unwrap();
    let path = deps
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join(format!("examples/event_writer{}", std::env::consts::EXE_SUFFIX));
    if windows_build().is_none() && !path.exists() {
        // `cargo test` builds examples, `cargo test --test integration` does not.
        let status = Command::new(env!("CARGO"))
            .args(["build", "--quiet", "--example", "event_writer"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap();
        assert!(status.success(), "cannot build the event_writer example");
    }
    program("examples/event_writer")
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |row| row.get(0)).unwrap()
}

#[test]
fn a_process_killed_mid_stream_loses_no_acknowledged_write() {
    let dir = temp();
    let db = dir.path().join("progress.db");
    let mut child = event_writer().arg(&db).stdout(Stdio::piped()).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let learner = lines.next().unwrap().unwrap().strip_prefix("learner ").unwrap().to_owned();
    let mut acked: Option<u64> = None;
    for line in lines.by_ref() {
        acked = line.unwrap().strip_prefix("ack ").map(|n| n.parse().unwrap());
        if acked >= Some(300) {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL: no destructor, no flush, no WAL checkpoint
    child.wait().unwrap();
    for line in lines {
        if let Some(n) = line.unwrap().strip_prefix("ack ") {
            acked = Some(n.parse().unwrap()); // acks printed before the kill landed
        }
    }
    let acked = acked.expect("the writer acknowledged writes");

    let store = Store::open(&db).unwrap();
    let conn = store.connection();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");

    // Events 0..=acked were acknowledged; at most one more may have committed unacknowledged.
    let events = count(conn, "SELECT count(*) FROM event WHERE kind != 'quiz_started'") as u64;
    assert!(events == acked + 1 || events == acked + 2, "acked {acked}, found {events} events");
    let kinds = |kind: &str| count(conn, &format!("SELECT count(*) FROM event WHERE kind = '{kind}'"));
    let (videos, times, answers) = (kinds("video_watched"), kinds("lesson_time"), kinds("quiz_answered"));

    // Each event's summary and statements were committed with it, or not at all.
    let seconds: f64 = conn.query_row("SELECT seconds FROM lesson_progress", [], |r| r.get(0)).unwrap();
    assert_eq!(seconds, times as f64, "one second per lesson_time event");
    let intervals: String = conn.query_row("SELECT intervals FROM video_progress", [], |r| r.get(0)).unwrap();
    let intervals: Vec<(f64, f64)> = serde_json::from_str(&intervals).unwrap();
    let watched: f64 = intervals.iter().map(|(a, b)| b - a).sum();
    assert_eq!(watched, videos as f64, "one second per video_watched event");
    let statements = count(conn, "SELECT count(*) FROM outbox");
    assert_eq!(
        statements,
        1 + videos + answers,
        "attempted + one progressed per interval + one answered per answer"
    );
    let answered = count(conn, "SELECT count(*) FROM quiz_answer");
    assert_eq!(answered, answers.min(4), "re-answers update the same four rows");
    assert_eq!(count(conn, "SELECT count(*) FROM learner"), 1);
    assert!(store.learner(&learner).is_ok());
}

/// A database with only the first schema and some rows in it, as an early DLIS Learn left it.
fn first_schema_database(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(include_str!("../../src/store/migrations/001_initial.sql")).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.execute_batch(
        "INSERT INTO learner (id, display_name, language, created_at)
             VALUES ('0b6c3f4e-1111-4a4a-9999-000000000001', 'Early', 'fr', '2026-01-01T00:00:00.000Z');
         INSERT INTO outbox (statement_id, learner_id, statement, created_at)
             VALUES ('0b6c3f4e-2222-4a4a-9999-000000000002', '0b6c3f4e-1111-4a4a-9999-000000000001',
                     '{\"id\":\"0b6c3f4e-2222-4a4a-9999-000000000002\"}', '2026-01-01T00:00:00.000Z');",
    )
    .unwrap();
}

#[test]
fn a_first_schema_database_is_upgraded_in_place_with_its_records() {
    let dir = temp();
    let db = dir.path().join("progress.db");
    first_schema_database(&db);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.learners().unwrap()[0].display_name, "Early");
    assert_eq!(store.outbox().unwrap().len(), 1, "the unsent statement survived the upgrade");
    assert_eq!(store.sync_status().unwrap().pending, 1, "and is still to be sent");
    let version: i64 = store.connection().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version as usize, dlis::store::schema_version());
}

/// A database at schema 3, before statements were acknowledged by row and before the time of
/// the last activity was kept in the summaries: one statement sent, one refused, one to send.
#[test]
fn a_schema_3_database_keeps_its_sync_state_and_last_activity_through_the_upgrade() {
    let dir = temp();
    let db = dir.path().join("progress.db");
    {
        let conn = Connection::open(&db).unwrap();
        for sql in [
            include_str!("../../src/store/migrations/001_initial.sql"),
            include_str!("../../src/store/migrations/002_sync_state.sql"),
            include_str!("../../src/store/migrations/003_sync_error_kind.sql"),
        ] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.execute_batch(
            "INSERT INTO learner (id, display_name, language, created_at)
                 VALUES ('L', 'Maria', 'el', '2026-03-01T09:00:00.000Z');
             INSERT INTO event (learner_id, module_id, module_version, activity_id, kind, payload, at) VALUES
                 ('L', 'test.module', '1.0.0', 'intro', 'lesson_opened', '{}', '2026-03-01T09:00:00.000Z'),
                 ('L', 'test.module', '1.0.0', 'capsule', 'video_watched', '{}', '2026-03-01T09:05:00.000Z'),
                 ('L', 'test.module', '1.0.0', 'intro', 'lesson_time', '{}', '2026-03-01T09:10:00.000Z');
             INSERT INTO lesson_progress (learner_id, module_id, activity_id, opened_at, seconds)
                 VALUES ('L', 'test.module', 'intro', '2026-03-01T09:00:00.000Z', 60);
             INSERT INTO video_progress (learner_id, module_id, activity_id, intervals, watched_percent, position)
                 VALUES ('L', 'test.module', 'capsule', '[[0,5]]', 40, 5);
             INSERT INTO module_progress (learner_id, module_id, last_activity_id, last_at)
                 VALUES ('L', 'test.module', 'intro', '2026-03-01T09:00:00.000Z');
             INSERT INTO outbox (statement_id, learner_id, statement, created_at, synced_at, rejected_reason) VALUES
                 ('s1', 'L', '{\"id\":\"s1\"}', '2026-03-01T09:00:00.000Z', '2026-03-01T12:00:00.000Z', NULL),
                 ('s2', 'L', '{\"id\":\"s2\"}', '2026-03-01T09:05:00.000Z', NULL, 'bad verb'),
                 ('s3', 'L', '{\"id\":\"s3\"}', '2026-03-01T09:10:00.000Z', NULL, NULL);",
        )
        .unwrap();
    }

    let mut store = Store::open(&db).unwrap();
    let pending = store.pending(10).unwrap();
    assert_eq!(pending.iter().map(|p| p.statement_id.as_str()).collect::<Vec<_>>(), ["s3"]);
    let status = store.sync_status().unwrap();
    assert_eq!((status.pending, status.synced), (1, 1));
    assert_eq!(status.rejected, [("s2".to_owned(), "bad verb".to_owned())]);

    let module: dlis::Manifest = serde_json::from_value(manifest("1.0.0")).unwrap();
    let progress = store.module_progress("L", &module).unwrap();
    assert_eq!(progress.last_at.as_deref(), Some("2026-03-01T09:10:00.000Z"), "from the event log");
    assert_eq!(store.modules_of("L").unwrap(), ["test.module"]);

    store.record("L", &module, &dlis::store::Event::LessonRead { activity: "intro".into() }).unwrap();
    assert_eq!(store.pending(10).unwrap().len(), 2, "new statements queue after the old one");
    let progress = store.module_progress("L", &module).unwrap();
    assert!(progress.last_at.unwrap().as_str() > "2026-03-01T09:10:00.000Z");
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = temp();
    let db = dir.path().join("progress.db");
    first_schema_database(&db);
    Connection::open(&db).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let before = std::fs::read(&db).unwrap();
    let err = Store::open(&db).err().unwrap();
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
    assert!(err.to_string().contains("update DLIS Learn"));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_damaged_database_is_kept_aside_only_with_consent() {
    let dir = temp();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let db = data.join("progress.db");
    let mut junk = b"SQLite format 3\0".to_vec();
    junk.extend(std::iter::repeat_n(0xA5u8, 8192));
    std::fs::write(&db, &junk).unwrap();

    assert!(matches!(Store::open(&db), Err(StoreError::Damaged { .. })));
    dlis(&data).arg("learners").assert().failure().stderr(
        predicates::str::contains("damaged").and(predicates::str::contains("dlis start-fresh --yes")),
    );
    assert_eq!(std::fs::read(&db).unwrap(), junk, "nothing replaced it silently");

    dlis(&data).arg("start-fresh").assert().failure().stderr(predicates::str::contains("--yes"));
    dlis(&data)
        .args(["start-fresh", "--yes"])
        .assert()
        .success()
        .stdout(predicates::str::contains("kept as"));
    let aside: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("progress.db.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(data.join(&aside[0])).unwrap(), junk, "the damaged file is kept as it was");
    dlis(&data)
        .arg("learners")
        .assert()
        .success()
        .stdout(predicates::str::contains("no learner profile yet"));
}

use predicates::prelude::PredicateBooleanExt;
