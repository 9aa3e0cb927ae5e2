//! PINs on a shared laptop: a learner's and the trainer's, each with an attempt limit that a
//! restart does not reset; and the progress database, readable by its owner only.

use dlis::store::{FREE_ATTEMPTS, LearnerError, Store};

use crate::support::*;

fn store_in(dir: &std::path::Path) -> Store {
    Store::open(&dir.join("progress.db")).unwrap()
}

/// Ends the lock now, as the passing of time would.
fn let_time_pass(store: &Store) {
    store.connection().execute("UPDATE pin_attempt SET locked_until = 0", []).unwrap();
}

#[test]
fn a_learners_pin_locks_after_repeated_wrong_guesses_even_across_restarts() {
    let dir = temp();
    let store = store_in(dir.path());
    let amina = store.create_learner("Amina", "fr", Some("4821")).unwrap();

    for _ in 1..FREE_ATTEMPTS {
        assert!(matches!(store.check_pin(&amina.id, "0000"), Err(LearnerError::WrongPin)));
    }
    let locked = store.check_pin(&amina.id, "0001");
    assert!(matches!(locked, Err(LearnerError::Locked { seconds: 30 })), "{locked:?}");
    assert!(locked.unwrap_err().to_string().contains("locked for 30 s"));
    // While locked, not even the right PIN opens it; restarting the app changes nothing.
    drop(store);
    let store = store_in(dir.path());
    assert!(matches!(store.check_pin(&amina.id, "4821"), Err(LearnerError::Locked { .. })));

    // Once the lock is over, each further wrong PIN locks it again, for longer.
    let_time_pass(&store);
    assert!(matches!(store.check_pin(&amina.id, "0002"), Err(LearnerError::Locked { seconds: 60 })));
    let_time_pass(&store);
    store.check_pin(&amina.id, "4821").unwrap();
    // The right PIN starts the count again.
    assert!(matches!(store.check_pin(&amina.id, "0003"), Err(LearnerError::WrongPin)));

    // Another learner's count is their own; a deleted learner's count goes with them.
    let luc = store.create_learner("Luc", "fr", Some("1234")).unwrap();
    store.check_pin(&luc.id, "1234").unwrap();
    let mut store = store;
    store.delete_learner(&amina.id).unwrap();
    let rows: i64 =
        store.connection().query_row("SELECT count(*) FROM pin_attempt", [], |row| row.get(0)).unwrap();
    assert_eq!(rows, 0);
}

#[test]
fn the_trainer_pin_is_set_once_then_changed_only_with_itself_and_has_the_same_limit() {
    let dir = temp();
    let store = store_in(dir.path());
    assert!(!store.has_trainer_pin().unwrap());
    assert!(matches!(store.check_trainer_pin("123456"), Err(LearnerError::NoTrainerPin)));
    assert!(matches!(store.set_trainer_pin(None, "12"), Err(LearnerError::BadPin)));
    store.set_trainer_pin(None, "246810").unwrap();
    assert!(store.has_trainer_pin().unwrap());

    // A learner cannot set it again without knowing it.
    assert!(matches!(store.set_trainer_pin(None, "999999"), Err(LearnerError::WrongPin)));
    assert!(matches!(store.set_trainer_pin(Some("111111"), "999999"), Err(LearnerError::WrongPin)));
    store.check_trainer_pin("246810").unwrap();

    for _ in 1..FREE_ATTEMPTS {
        assert!(matches!(store.check_trainer_pin("000000"), Err(LearnerError::WrongPin)));
    }
    assert!(matches!(store.check_trainer_pin("000000"), Err(LearnerError::Locked { .. })));
    assert!(matches!(store.check_trainer_pin("246810"), Err(LearnerError::Locked { .. })));
    assert!(matches!(store.set_trainer_pin(Some("246810"), "135790"), Err(LearnerError::Locked { .. })));

    let_time_pass(&store);
    store.set_trainer_pin(Some("246810"), "135790").unwrap();
    store.check_trainer_pin("135790").unwrap();
    // The hash is kept, never the PIN.
    let kept: String = store
        .connection()
        .query_row("SELECT value FROM setting WHERE key = 'trainer_pin_hash'", [], |row| row.get(0))
        .unwrap();
    assert!(kept.starts_with("$argon2") && !kept.contains("135790"), "{kept}");
}

#[cfg(unix)]
#[test]
fn the_progress_database_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let dir = temp();
    let path = dir.path().join("progress.db");
    let mut store = Store::open(&path).unwrap();
    crate::ralph::learner_session(&mut store, "Amina");
    for file in ["progress.db", "progress.db-wal", "progress.db-shm"] {
        assert_eq!(mode(&dir.path().join(file)), 0o600, "{file}");
    }
    drop(store);

    // A database made by an earlier version with the umask's mode is narrowed when opened.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let _store = Store::open(&path).unwrap();
    assert_eq!(mode(&path), 0o600);
}

#[test]
fn learner_names_refuse_control_characters_and_reach_the_terminal_escaped() {
    let dir = temp();
    let data = dir.path().join("data");
    dlis(&data)
        .args(["learner", "create", "Amina\u{1b}[2J"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("cannot hold control characters"));
    // Line breaks and tabs are spaces; a bidirectional override is a character some scripts
    // use, so it is kept, and printed as an escape.
    dlis(&data).args(["learner", "create", "Luc\tB.\u{202e}cod.exe"]).assert().success();
    let output = dlis(&data).arg("learners").output().unwrap();
    let listed = String::from_utf8(output.stdout).unwrap();
    assert!(listed.contains("Luc B.\\u{202e}cod.exe") && !listed.contains('\u{202e}'), "{listed}");
}
