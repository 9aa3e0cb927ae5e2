//! A trainee takes the digital-agility self-assessment before a training and again after it:
//! their profiles side by side, the modules recommended for their weak dimensions, what the
//! institution receives (never the written reflection), and the cohort in `dlis merge`.

use dlis::manifest::{Activity, Survey};
use dlis::store::{Status, Store, TrackError};
use dlis::survey::{RatingError, Ratings, recommended};
use serde_json::Value;

use crate::ralph::{root, strict_model};
use crate::support::{dlis, pack_sample, sample_manifest as sample, survey_of as survey, temp};

/// Every statement rated `rating`, but those of `dimension`, rated `other`.
fn ratings(survey: &Survey, rating: u8, dimension: &str, other: u8) -> Ratings {
    survey.statements().map(|(d, s)| (s.id.clone(), if d.id == dimension { other } else { rating })).collect()
}

#[test]
fn a_trainee_takes_the_self_assessment_twice_and_the_institution_sees_the_cohort() {
    let dir = temp();
    let data = dir.path().join("data");
    for name in ["agilite-numerique", "ethique-mediation", "faire-avec"] {
        dlis(&data).arg("install").arg(pack_sample(dir.path(), name)).assert().success();
    }
    let module = sample("agilite-numerique");
    let survey = survey(&module);
    assert_eq!(survey.dimensions.len(), 7);
    let mut store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    let ioana = store.create_learner("Ioana", "ro", None).unwrap().id;

    // Not every statement rated, or off the scale: refused, nothing kept.
    let mut partial = ratings(survey, 3, "", 3);
    partial.pop_first();
    assert!(matches!(
        store.take_survey(&ioana, &module, &survey.id, &partial, None),
        Err(TrackError::Rating(RatingError::Missing(_)))
    ));
    let off = ratings(survey, 3, "securite", 6);
    assert!(matches!(
        store.take_survey(&ioana, &module, &survey.id, &off, None),
        Err(TrackError::Rating(RatingError::OutOfScale { rating: 6, scale: 5, .. }))
    ));
    assert!(store.survey_takes(&ioana, &module, &survey.id).unwrap().is_empty());
    assert!(store.outbox().unwrap().is_empty());

    // Before the training: at ease with most things, not with safety nor ethics.
    let reflection = "Cand o persoana imi da parola, nu stiu ce sa fac.";
    let first = ratings(survey, 4, "securite", 2);
    let mut first_ethics = first.clone();
    for (d, s) in survey.statements() {
        if d.id == "ethique" {
            first_ethics.insert(s.id.clone(), 1);
        }
    }
    let take = store.take_survey(&ioana, &module, &survey.id, &first_ethics, Some(reflection)).unwrap();
    let mean = |profile: &dlis::survey::Profile, id: &str| {
        profile.dimensions.iter().find(|d| d.id == id).unwrap().mean
    };
    assert_eq!(mean(&take.profile, "securite"), 2.0);
    assert_eq!(mean(&take.profile, "ethique"), 1.0);
    assert_eq!(mean(&take.profile, "information"), 4.0);
    assert_eq!(take.profile.weak(), ["ethique", "securite"]);
    let progress = store.module_progress(&ioana, &module).unwrap();
    assert_eq!(progress.status[&survey.id], Status::Done);
    assert!(progress.completed_at.is_none(), "its lessons are still to read");

    // The ethics module strengthens both weak dimensions; Faire avec, mediation, is not weak.
    let others = [sample("ethique-mediation"), sample("faire-avec"), module.clone()];
    let advice = recommended(&take.profile, &module.id, &others);
    assert_eq!(advice.len(), 1);
    assert_eq!(advice[0].0.id, "dlis.ethique-mediation");
    assert_eq!(advice[0].1, ["ethique", "securite"]);

    // After the training, from the command line: ratings in a file.
    let file = dir.path().join("after.json");
    std::fs::write(&file, serde_json::to_string(&ratings(survey, 4, "ethique", 5)).unwrap()).unwrap();
    drop(store);
    dlis(&data)
        .args(["self-assessment", "take", "--learner", &ioana, "--module", &module.id, "--ratings"])
        .arg(&file)
        .assert()
        .success();
    let shown = dlis(&data)
        .args(["self-assessment", "show", "--learner", &ioana, "--module", &module.id, "--json"])
        .assert()
        .success();
    let shown: Value = serde_json::from_slice(&shown.get_output().stdout).unwrap();
    let takes = shown["takes"].as_array().unwrap();
    assert_eq!(takes.len(), 2, "the first take is kept beside the latest");
    assert_eq!(takes[0]["reflection"], reflection, "the learner reads their own reflection back");
    assert_eq!(takes[1]["reflection"], Value::Null);
    assert_eq!(shown["recommended"], serde_json::json!([]), "nothing weak any more");
    let text = dlis(&data)
        .args(["self-assessment", "show", "--learner", &ioana, "--module", &module.id])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&text.get_output().stdout).into_owned();
    assert!(text.contains("securite         2.00 -> 4.00"), "{text}");
    assert!(text.contains("ethique          1.00 -> 5.00"), "{text}");

    // What leaves the laptop: every rating and each profile, never the reflection; and each
    // statement valid under Ralph's strict model.
    let store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
    let outbox = store.outbox().unwrap();
    assert!(outbox.iter().all(|s| !s.contains("nu stiu")), "the reflection stays on the laptop");
    let statements: Vec<Value> = outbox.iter().map(|s| serde_json::from_str(s).unwrap()).collect();
    let responded: Vec<&Value> =
        statements.iter().filter(|s| s["verb"]["id"] == dlis::xapi::verbs::RESPONDED).collect();
    assert_eq!(responded.len(), 2 * survey.statements().count());
    assert_eq!(responded[0]["object"]["definition"]["interactionType"], "likert");
    assert_eq!(responded[0]["object"]["definition"]["scale"].as_array().unwrap().len(), 5);
    let profiles: Vec<&Value> = statements
        .iter()
        .filter_map(|s| s["result"]["extensions"].get(dlis::xapi::SURVEY_PROFILE_EXTENSION))
        .collect();
    assert_eq!(profiles.len(), 2);
    assert_eq!(profiles[0]["scale"], 5);
    assert_eq!(profiles[0]["dimensions"]["securite"], 2.0);
    assert_eq!(profiles[1]["dimensions"]["ethique"], 5.0);
    let (valid, said) = strict_model(&outbox);
    assert!(valid, "{said}");

    // The institution's report: a second trainee took it once; the cohort's means, first
    // take against last.
    let mut store = store;
    let mihai = store.create_learner("Mihai", "ro", None).unwrap().id;
    store.take_survey(&mihai, &module, &survey.id, &ratings(survey, 3, "securite", 4), None).unwrap();
    drop(store);
    let records = dir.path().join("records.zip");
    dlis(&data).arg("export").arg("-o").arg(&records).assert().success();
    let report = dir.path().join("report.html");
    let merged = dlis(&data).arg("merge").arg(&records).arg("-o").arg(&report).assert().success();
    let summary = String::from_utf8_lossy(&merged.get_output().stdout).into_owned();
    assert!(
        summary.contains(
            "self-assessment dlis.agilite-numerique / auto-positionnement: 2 learner(s), 1 took it again"
        ),
        "{summary}"
    );
    // Ioana 2 then 4, Mihai 4 once: (2 + 4) / 2 -> (4 + 4) / 2.
    assert!(summary.contains("  securite: 3 -> 4 (2 learner(s))"), "{summary}");
    // Ioana 1 then 5, Mihai 3: 2 -> 4.
    assert!(summary.contains("  ethique: 2 -> 4 (2 learner(s))"), "{summary}");
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("<h2 id=\"self-assessments\">"), "{html}");
    assert!(!html.contains("nu stiu"));
    let xlsx = dir.path().join("report.xlsx");
    dlis(&data).arg("merge").arg(&records).arg("-o").arg(&xlsx).assert().success();
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 0);
}

#[test]
fn a_survey_needs_format_1_2_and_a_sound_scale() {
    let mut module = sample("agilite-numerique");
    assert!(module.check().is_empty(), "{:?}", module.check());
    module.format = dlis::manifest::Format { major: 1, minor: 1 };
    let Activity::Survey(survey) = &mut module.activities[1] else { panic!("the survey is second") };
    survey.scale.truncate(1);
    let first = survey.dimensions[0].statements[0].id.clone();
    survey.dimensions[1].statements[0].id = first;
    survey.dimensions[2].statements.clear();
    let problems: Vec<String> = module.check().iter().map(|d| format!("{}: {}", d.path, d.message)).collect();
    for wanted in [
        "format: surveys and `strengthens` are bundle format 1.2",
        "activities[1].scale: a scale has 2 to 10 points",
        "is used twice",
        "activities[1].dimensions[2].statements: a dimension needs at least one statement",
    ] {
        assert!(problems.iter().any(|p| p.contains(wanted)), "{wanted:?} not in {problems:#?}");
    }
}

#[test]
fn an_lms_export_of_a_module_with_a_survey_says_why_it_cannot() {
    let dir = temp();
    let bundle = pack_sample(dir.path(), "agilite-numerique");
    let out = dir.path().join("scorm.zip");
    let run = dlis(&dir.path().join("data"))
        .arg("lms-export")
        .arg(&bundle)
        .args(["--format", "scorm12", "-o"])
        .arg(&out)
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(err.contains("\"auto-positionnement\" is a self-assessment survey"), "{err}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_survey_is_translated_like_everything_else() {
    let dir = temp();
    let xliff = dir.path().join("agilite-de.xliff");
    dlis(&dir.path().join("data"))
        .args(["translate", "export"])
        .arg(root().join("modules/agilite-numerique"))
        .args(["--language", "de", "-o"])
        .arg(&xliff)
        .assert()
        .success();
    let xliff = std::fs::read_to_string(&xliff).unwrap();
    let module = sample("agilite-numerique");
    let survey = survey(&module);
    let mut wanted =
        vec![format!("activities.{}.intro", survey.id), format!("activities.{}.reflection", survey.id)];
    for dimension in &survey.dimensions {
        wanted.push(format!("activities.{}.dimensions.{}.title", survey.id, dimension.id));
        for statement in &dimension.statements {
            wanted.push(format!(
                "activities.{}.dimensions.{}.statements.{}.text",
                survey.id, dimension.id, statement.id
            ));
        }
    }
    for point in 1..=survey.scale.len() {
        wanted.push(format!("activities.{}.scale.{point}.label", survey.id));
    }
    let units: Vec<&str> = xliff.split("<unit id=\"").skip(1).filter_map(|u| u.split('"').next()).collect();
    for id in &wanted {
        assert!(units.contains(&id.as_str()), "no unit {id}; units: {units:?}");
    }
}
