//! A learner who completed a module saves an attestation of training as a PDF, and the
//! institution finds the same code beside the learner's records in `dlis merge`.

use std::process::Command;

use dlis::store::Store;

use crate::study::complete;
use crate::support::{dlis, temp};

/// The text of a PDF, as poppler's `pdftotext` reads it (Debian's poppler-utils), with its
/// line breaks as spaces (long titles wrap).
fn pdf_text(path: &std::path::Path) -> String {
    let output = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(output.status.success(), "pdftotext: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_learner_saves_an_attestation_and_the_institution_finds_its_code_in_the_report() {
    let dir = temp();
    let data = dir.path().join("data");
    let bundle = crate::support::pack_sample(dir.path(), "faire-avec");
    dlis(&data).arg("install").arg(&bundle).assert().success();
    let module = crate::support::sample_manifest("faire-avec");
    let (amina, zoe) = {
        let mut store = Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
        let amina = store.create_learner("Amina Haddad", "en", None).unwrap().id;
        complete(&mut store, &amina, &module);
        (amina, store.create_learner("Zoé", "fr", None).unwrap().id)
    };

    let pdf = dir.path().join("attestation amina.pdf");
    let run = dlis(&data)
        .args(["attestation", "--learner", &amina, "--module", "dlis.faire-avec", "-o"])
        .arg(&pdf)
        .assert()
        .success();
    let said = String::from_utf8_lossy(&run.get_output().stdout).into_owned();
    let code = said.split("verification code ").nth(1).unwrap().trim().trim_end_matches(')').to_owned();
    assert_eq!(code.len(), 14, "{said}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);
    let module = crate::support::sample_manifest("faire-avec");
    for wanted in
        ["Attestation of training", "Amina Haddad", module.title_in("en"), "Verification code", &code, "DLIS"]
    {
        assert!(text.contains(wanted), "{wanted:?} not in the PDF:\n{text}");
    }
    assert!(text.contains(module.objectives["en"][0].split_whitespace().next().unwrap()));

    // Not completed: said plainly, nothing written.
    let none = dir.path().join("zoe.pdf");
    let run = dlis(&data)
        .args(["attestation", "--learner", &zoe, "--module", "dlis.faire-avec", "-o"])
        .arg(&none)
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(err.contains("Zoé") && err.contains("not completed"), "{err}");
    assert!(!none.exists());

    // The records reach the institution; its report shows the same code for Amina.
    let records = dir.path().join("records.zip");
    dlis(&data).arg("export").arg("-o").arg(&records).assert().success();
    let report = dir.path().join("report.csv");
    dlis(&data).arg("merge").arg(&records).arg("-o").arg(&report).assert().success();
    let csv = std::fs::read_to_string(&report).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let column = header.iter().position(|h| *h == "attestation_code").unwrap();
    let row = csv.lines().find(|l| l.starts_with(&amina) && l.contains("dlis.faire-avec")).unwrap();
    assert_eq!(row.split(',').nth(column), Some(code.as_str()), "{csv}");
}

#[test]
fn an_attestation_in_greek_keeps_its_letters() {
    let dir = temp();
    let mut store = Store::open(&dir.path().join("progress.db")).unwrap();
    let module = crate::support::sample_manifest("faire-avec");
    let id = store.create_learner("Ελένη Παπαδοπούλου", "el", None).unwrap().id;
    complete(&mut store, &id, &module);
    let learner = store.learner(&id).unwrap();
    let attestation =
        dlis::attestation::for_learner(&store, &learner, &module, "el", Some("ΚΕΠΣΥΠΗ")).unwrap();
    assert_eq!(attestation.language, "el");
    let labels = dlis::attestation::Labels {
        title: "Βεβαίωση κατάρτισης".into(),
        code: "Κωδικός επαλήθευσης".into(),
        ..Default::default()
    };
    let pdf = dir.path().join("vevaiosi.pdf");
    dlis::attestation::save(&attestation, &labels, &pdf).unwrap();
    let text = pdf_text(&pdf);
    for wanted in
        ["Βεβαίωση κατάρτισης", "Ελένη Παπαδοπούλου", module.title_in("el"), "ΚΕΠΣΥΠΗ", "Κωδικός επαλήθευσης"]
    {
        assert!(text.contains(wanted), "{wanted:?} not in the PDF:\n{text}");
    }
}
