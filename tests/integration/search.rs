//! Searching everything installed, as a learner would with `dlis search`: accents and case
//! aside in French, Romanian and Greek, a subtitle cue with its time, lessons by paragraph,
//! never a quiz's questions or answers; the index follows installs and removals, and is made
//! again when it is missing or damaged.

use serde_json::Value;

use crate::support::{dlis, pack_sample, temp};

fn search(data: &std::path::Path, query: &str, language: &str) -> Vec<Value> {
    let run = dlis(data)
        .args(["search", query, "--language", language, "--limit", "200", "--json"])
        .assert()
        .success();
    serde_json::from_slice(&run.get_output().stdout).unwrap()
}

fn marked(hit: &Value) -> Vec<String> {
    hit["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|piece| piece[1] == true)
        .map(|piece| piece[0].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_learner_finds_a_passage_whatever_its_accents_and_a_capsule_at_its_cue() {
    let dir = temp();
    let data = dir.path().join("data");
    for name in ["faire-avec", "ethique-mediation", "exclusion-numerique"] {
        let bundle = pack_sample(dir.path(), name);
        dlis(&data).arg("install").arg(&bundle).assert().success();
    }

    // Greek typed in capitals without its accents finds the accented word, marked as written.
    let hits = search(&data, "ΨΗΦΙΑΚΗ", "el");
    let first = hits.first().expect("a Greek passage");
    assert_eq!(first["language"], "el", "the learner's language first");
    assert!(marked(first).iter().any(|w| w.starts_with("ψηφιακ")), "{first}");
    // French and Romanian alike.
    let hits = search(&data, "DEMARCHES", "fr");
    assert!(marked(&hits[0]).iter().any(|w| w.to_lowercase().starts_with("démarche")), "{}", hits[0]);
    let hits = search(&data, "insotire", "ro");
    assert!(hits.iter().any(|h| h["language"] == "ro" && marked(h).iter().any(|w| w.contains("nsoțire"))));

    // A subtitle cue comes with its time: the capsule opens there.
    let hits = search(&data, "faute d'equipement", "fr");
    let cue = hits
        .iter()
        .find(|h| h["place"] == "subtitle" && h["module"] == "dlis.faire-avec" && h["language"] == "fr")
        .expect("the cue of faire-avec's capsule");
    assert_eq!(cue["at"], 6.304);
    assert_eq!(cue["activity"], "capsule");
    // A lesson's paragraph, whole, for the page to find.
    let hits = search(&data, "Aidants Connect", "fr");
    let lesson = hits.iter().find(|h| h["place"] == "lesson").expect("a lesson paragraph");
    assert!(lesson["text"].as_str().unwrap().contains("Aidants Connect"));

    // Nothing of a quiz but its title: not its questions, options or feedback.
    let module = crate::support::sample_manifest("faire-avec");
    let Some(dlis::manifest::Activity::Quiz(quiz)) =
        module.activities.iter().find(|a| matches!(a, dlis::manifest::Activity::Quiz(_)))
    else {
        panic!("faire-avec has a quiz")
    };
    for question in &quiz.questions {
        for hit in search(&data, &question.prompt["fr"], "fr") {
            assert!(
                hit["activity"] != quiz.id.as_str() || hit["place"] == "activity_title",
                "a quiz question is searchable: {hit}"
            );
        }
    }

    // Removed with the module.
    dlis(&data).args(["remove", "dlis.faire-avec"]).assert().success();
    assert!(search(&data, "faute d'equipement", "fr").iter().all(|h| h["module"] != "dlis.faire-avec"));
    let index = dlis::search::SearchIndex::open(&data).unwrap();
    assert_eq!(index.passages_of("dlis.faire-avec").unwrap(), None);
    assert!(index.passages_of("dlis.ethique-mediation").unwrap().is_some_and(|n| n > 100));
    drop(index);

    // Missing or damaged, the index is made again from the installed modules.
    let file = data.join(dlis::search::FILE_NAME);
    std::fs::remove_file(&file).unwrap();
    assert!(!search(&data, "ψηφιακη", "el").is_empty());
    std::fs::write(&file, b"this is not a database, whatever happened to it").unwrap();
    for extra in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(data.join(format!("{}{extra}", dlis::search::FILE_NAME)));
    }
    assert!(!search(&data, "ψηφιακη", "el").is_empty());
    let modules = dlis::search::SearchIndex::open(&data).unwrap().indexed().unwrap();
    assert_eq!(modules.len(), 2, "{modules:?}");
}
