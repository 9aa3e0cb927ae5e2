//! A learner who completed a module finds the attestation on its page and saves it as a PDF
//! in their language; a module not completed offers none.

use serde_json::json;

#[tokio::test(flavor = "current_thread")]
async fn a_learner_saves_the_attestation_of_a_module_they_completed() {
    let started = crate::start_with_profile("Amina Haddad", "fr").await;
    let app = &started.app;
    let dir = &started.dir;
    let data = &started.data;

    // Not completed yet: no attestation on the page.
    app.js("location.hash = '#/module/dlis.faire-avec';").await;
    app.find("[data-testid=module-completion]").await;
    assert_eq!(
        app.js("return !!document.querySelector('[data-testid=attestation-save]')").await,
        json!(false)
    );

    // The learner's work, recorded as the app records it (through the core's store).
    let module = dlis::Library::new(data).open("dlis.faire-avec").unwrap().shared_manifest();
    {
        let mut store = dlis::store::Store::open(&data.join(dlis::store::FILE_NAME)).unwrap();
        let learner = store.current_learner().unwrap().unwrap();
        crate::study::complete(&mut store, &learner.id, &module);
    }
    app.js("location.hash = '#/catalogue';").await;
    app.js("location.hash = '#/module/dlis.faire-avec';").await;
    app.find("[data-testid=module-completed-at]").await;
    app.wait_text("[data-testid=attestation-save]", "attestation").await;
    app.check_accessibility("a completed module with its attestation").await;

    // GTK's save dialog cannot be driven: the test gives the path it would give.
    let pdf = dir.path().join("attestation faire-avec.pdf");
    let labels = json!({ "title": "Attestation de formation", "code": "Code de vérification" });
    let code = app
        .invoke("save_attestation", json!({ "module": "dlis.faire-avec", "path": pdf, "labels": labels }))
        .await
        .unwrap();
    let output = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    for wanted in ["Attestation de formation", "Amina Haddad", module.title_in("fr"), code.as_str().unwrap()]
    {
        assert!(text.contains(wanted), "{wanted:?} not in:\n{text}");
    }
    started.app.close().await;
}
