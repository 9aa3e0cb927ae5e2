//! A learner links their profile to their student number, with their consent: their records
//! reach the institution's LRS under it, the report re-attributes what they did before, and
//! neither a forged link nor an unlink can move records to someone else.

use std::path::Path;

use dlis::store::{Event, Store};
use serde_json::{Value, json};

use crate::ralph::*;
use crate::support::*;

const HOME: &str = "https://irts-hdf.example";

/// The institution file of a centre that asks for an eight-digit student number.
fn institution(dir: &Path, lrs: &str) -> std::path::PathBuf {
    let path = dir.join("institution.json");
    let institution = json!({
        "name": "IRTS Hauts-de-France",
        "home_page": HOME,
        "lrs": {"endpoint": format!("{lrs}/xAPI/"), "username": USER, "password": PASSWORD},
        "learner_identifier": {"label": "numéro d'étudiant", "pattern": "[0-9]{8}"}
    });
    std::fs::write(&path, institution.to_string()).unwrap();
    path
}

fn statements(store: &Store) -> Vec<Value> {
    store.outbox().unwrap().iter().map(|s| serde_json::from_str(s).unwrap()).collect()
}

fn merged(dir: &Path, store: &Store, name: &str) -> dlis::report::Report {
    let file = dir.join(name);
    dlis::export::write(store, None, &file).unwrap();
    dlis::report::merge_files(&[file])
}

#[test]
fn a_linked_learner_is_reported_under_their_student_number_from_their_first_record() {
    let dir = temp();
    let lrs = Lrs::start(&dir.path().join("lrs"));
    let data = dir.path().join("data");
    dlis(&data).args(["institution", "set"]).arg(institution(dir.path(), &lrs.url)).assert().success();
    let module = sample_manifest("faire-avec");
    let mut store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    let amina = store.create_learner("Amina Haddad", "fr", None).unwrap();
    let first_lesson = module.activities[0].id().to_owned();
    store.record(&amina.id, &module, &Event::LessonOpened { activity: first_lesson.clone() }).unwrap();
    store.record(&amina.id, &module, &Event::LessonRead { activity: first_lesson.clone() }).unwrap();
    let pseudonymous = store.outbox().unwrap().len();
    drop(store);

    // Without her agreement, nothing is linked: the command says what would leave the laptop.
    let asked = dlis(&data).args(["learner", "link", &amina.id, "20261234"]).assert().failure();
    let said = String::from_utf8_lossy(&asked.get_output().stderr).into_owned();
    assert!(said.contains("never leave this computer") && said.contains("--yes"), "{said}");
    // An identifier the institution would not recognise is refused, saying why.
    let wrong = dlis(&data).args(["learner", "link", &amina.id, "2026-1234", "--yes"]).assert().failure();
    let said = String::from_utf8_lossy(&wrong.get_output().stderr).into_owned();
    assert!(
        said.contains("\"2026-1234\" is not written as the institution writes a numéro d'étudiant"),
        "{said}"
    );
    dlis(&data).args(["learner", "link", &amina.id, " 20261234 ", "--yes"]).assert().success();
    let again = dlis(&data).args(["learner", "link", &amina.id, "20269999", "--yes"]).assert().failure();
    assert!(String::from_utf8_lossy(&again.get_output().stderr).contains("already linked to \"20261234\""));

    // She finishes the module: from the link on, her statements carry her student number.
    let mut store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    assert_eq!(store.learner_link(&amina.id).unwrap().unwrap().identifier, "20261234");
    crate::study::complete(&mut store, &amina.id, &module);
    let all = statements(&store);
    let before = pseudonymous + 1;
    assert!(
        all[..pseudonymous].iter().all(|s| s["actor"]["account"]["name"] == amina.id.as_str()),
        "history is not rewritten"
    );
    let link = &all[pseudonymous];
    assert_eq!(link["verb"]["id"], dlis::account::LINKED);
    assert_eq!(link["actor"]["account"], json!({"homePage": HOME, "name": "20261234"}));
    assert_eq!(link["object"]["id"], dlis::account::pseudonym_iri(&amina.id));
    let signed = &link["context"]["extensions"][dlis::account::SIGNATURE_EXTENSION];
    assert_eq!(signed["pseudonym"], json!({"homePage": HOME, "name": amina.id}));
    assert!(
        all[before..].iter().all(|s| s["actor"]["account"] == json!({"homePage": HOME, "name": "20261234"}))
    );
    assert!(!store.outbox().unwrap().iter().any(|s| s.contains("Amina")), "her name never leaves");

    // They reach Ralph as they are, and Ralph's strict model takes every one, the link too.
    let (valid, said) = strict_model(&store.outbox().unwrap());
    assert!(valid, "{said}");
    drop(store);
    dlis(&data).arg("sync").assert().success();
    let stored = lrs.stored();
    let missing: Vec<&Value> = all.iter().filter(|s| !stored.iter().any(|t| t["id"] == s["id"])).collect();
    assert!(missing.is_empty(), "not stored: {missing:?}");
    assert!(stored.iter().any(|s| s["verb"]["id"] == dlis::account::LINKED));

    // The report: one row, under her number, counting the lesson she read before linking,
    // with the code of the attestation she saves.
    let store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    let report = merged(dir.path(), &store, "laptop-1.zip");
    assert_eq!(report.link_statements, 1);
    assert_eq!(report.rows.len(), 1, "{:?}", report.rows);
    let row = &report.rows[0];
    assert_eq!(row.learner_id, "20261234");
    assert!(row.completed);
    let lessons =
        module.activities.iter().filter(|a| matches!(a, dlis::manifest::Activity::Lesson(_))).count();
    assert_eq!(row.lessons_completed as usize, lessons, "the lesson read before the link counts");
    assert_eq!(row.module_title.as_deref(), Some(module.title_in("en")), "titles in the report's language");
    let attestation = dlis::attestation::for_learner(&store, &amina, &module, "fr", None).unwrap();
    assert_eq!(row.attestation_code(), Some(attestation.code));

    // Unlinking: later records carry a new pseudonym, which no link ties to her number.
    drop(store);
    dlis(&data).args(["learner", "unlink", &amina.id]).assert().success();
    let mut store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    assert_eq!(store.learner_link(&amina.id).unwrap(), None);
    store.record(&amina.id, &module, &Event::LessonOpened { activity: first_lesson }).unwrap();
    let all = statements(&store);
    let unlink = &all[all.len() - 2];
    assert_eq!(unlink["verb"]["id"], dlis::account::UNLINKED);
    let after = &all[all.len() - 1]["actor"]["account"];
    assert_eq!(after["homePage"], HOME);
    assert!(after["name"] != "20261234" && after["name"] != amina.id.as_str(), "{after}");
    let (valid, said) = strict_model(&store.outbox().unwrap());
    assert!(valid, "{said}");
    let report = merged(dir.path(), &store, "laptop-1-later.zip");
    let ids: Vec<&str> = report.rows.iter().map(|r| r.learner_id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"20261234") && ids.contains(&after["name"].as_str().unwrap()), "{ids:?}");
}

#[test]
fn a_forged_or_altered_link_moves_no_records() {
    let dir = temp();
    let data = dir.path().join("data");
    dlis(&data)
        .args(["institution", "set"])
        .arg(institution(dir.path(), "http://127.0.0.1:9"))
        .assert()
        .success();
    let module = sample_manifest("faire-avec");
    let mut store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    let ioana = store.create_learner("Ioana", "ro", None).unwrap();
    crate::study::complete(&mut store, &ioana.id, &module);
    store.link_learner(&ioana.id, "20260001").unwrap();
    let export = dir.path().join("ioana.zip");
    dlis::export::write(&store, None, &export).unwrap();
    let lines: Vec<String> = store.outbox().unwrap();
    let link = lines.iter().find(|l| l.contains(dlis::account::LINKED)).unwrap().clone();

    // Someone claims Ioana's pseudonym is their number, signing with a key of their own.
    let key = ed25519_dalek::SigningKey::from_bytes(&[9; 32]);
    let at = time::OffsetDateTime::now_utc();
    let forged = dlis::account::statement(
        dlis::account::LINKED,
        &key,
        dlis::account::AccountRef { home_page: HOME, name: &ioana.id },
        dlis::account::AccountRef { home_page: HOME, name: "20269999" },
        "fr",
        at,
    );
    let forged = serde_json::to_string(&forged).unwrap();
    // And a copy of her real link with the number changed: its signature no longer holds.
    let altered =
        link.replace("20260001", "20268888").replace(&id_of(&link), "0190aaaa-0000-7000-8000-00000000000a");

    let mut merged = dlis::report::Merged::new();
    for line in lines.iter().chain([&forged, &altered]) {
        merged.add_line(line);
    }
    let rows = merged.rows();
    assert!(rows.iter().all(|r| r.learner_id == ioana.id), "no link applied while two disagree: {rows:?}");
    assert_eq!(merged.links(), (2, 1), "her link and the forged one, which disagree");
    assert_eq!(merged.unattributed()[&dlis::report::Reason::LinkNotVerified], 1);

    // Her own link alone re-attributes her records.
    let report = dlis::report::merge_files(&[export]);
    assert!(report.rows.iter().all(|r| r.learner_id == "20260001"));
    let summary = dlis::report::summary(&report);
    assert!(
        summary.contains("link statements (pseudonyms attributed to institutional identifiers): 1"),
        "{summary}"
    );
}

fn id_of(statement: &str) -> String {
    serde_json::from_str::<Value>(statement).unwrap()["id"].as_str().unwrap().to_owned()
}
