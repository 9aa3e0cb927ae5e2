//! A trainer saves a module as a SCORM 1.2 or cmi5 package for the school's LMS from its page in the
//! app; a learner at the same laptop cannot.

use serde_json::json;

#[tokio::test(flavor = "current_thread")]
async fn a_trainer_exports_a_module_for_an_lms_from_its_page() {
    let started = crate::start_with_profile("Amina", "fr").await;
    let app = &started.app;
    let dir = &started.dir;
    let data = &started.data;
    app.js("location.hash = '#/module/dlis.faire-avec';").await;
    app.wait_text("[data-testid=module-export-lms]", "Exporter pour une plateforme").await;
    app.check_accessibility("the module page with its LMS export").await;

    // GTK's save dialog cannot be driven by WebDriver: the test gives the path it would give.
    let out = dir.path().join("faire avec (SCORM).zip");
    let refused = app
        .invoke(
            "export_for_lms",
            json!({ "id": "dlis.faire-avec", "path": out, "format": "scorm12", "language": "fr" }),
        )
        .await;
    assert_eq!(refused.unwrap_err()["kind"], json!("trainer-only"), "a learner cannot export");
    assert!(!out.exists());

    dlis::store::Store::open(&data.join(dlis::store::FILE_NAME))
        .unwrap()
        .set_trainer_pin(None, crate::TRAINER_PIN)
        .unwrap();
    app.invoke("unlock_trainer", json!({ "pin": crate::TRAINER_PIN })).await.unwrap();
    let exported = app
        .invoke(
            "export_for_lms",
            json!({ "id": "dlis.faire-avec", "path": out, "format": "scorm12", "language": "fr" }),
        )
        .await
        .unwrap();
    assert_eq!(exported["module_id"], "dlis.faire-avec");
    assert_eq!(exported["format"], "scorm12");
    // The same package as `dlis lms-export` of the installed bundle.
    let installed = dlis::Library::new(data).open("dlis.faire-avec").unwrap();
    let by_tool = dir.path().join("by-tool.zip");
    dlis::lms::package::export(
        installed.path(),
        dlis::lms::package::Format::Scorm12,
        &by_tool,
        Some("fr"),
        &dlis::bundle::Limits::default(),
        &dlis::progress::Silent,
    )
    .unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&by_tool).unwrap());
    // cmi5 too, chosen in the same section.
    assert_eq!(
        app.js("return [...document.querySelectorAll('[data-testid=lms-export-format] option')].map((o) => o.value)").await,
        json!(["scorm12", "cmi5"])
    );
    let cmi5 = dir.path().join("faire-avec-cmi5.zip");
    let exported = app
        .invoke(
            "export_for_lms",
            json!({ "id": "dlis.faire-avec", "path": cmi5, "format": "cmi5", "language": "fr" }),
        )
        .await
        .unwrap();
    assert_eq!(exported["format"], "cmi5");
    let bytes = std::fs::read(&cmi5).unwrap();
    let names = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(names(b"cmi5.xml") && !names(b"imsmanifest.xml"), "a cmi5 package");
    started.app.close().await;
}
