//! A learner's private notes in the app: on a lesson, at a time of the capsule and back to it,
//! deleted, and exported to a file of their choosing.

use serde_json::json;

use crate::driver::{App, Display, within};

async fn write_note(app: &App, text: &str) {
    let field = app.find("[data-testid=note-text]").await;
    within("typing", field.send_keys(text)).await.unwrap();
    app.click("[data-testid=note-add]").await;
    let listed =
        format!("return document.querySelector('.notes-list').textContent.includes({})", json!(text));
    app.until(&listed, 20, "the note").await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_learner_writes_notes_on_a_lesson_and_at_a_time_of_the_capsule_and_exports_them() {
    let _window = crate::WINDOW.lock().await;
    let dir = crate::temp();
    let samples = crate::sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();
    let app = App::start(&display, &data, &samples).await;
    crate::create_profile_in(&app, "Amina", "fr").await;

    // Under a lesson: none yet, then one.
    app.js("location.hash = '#/lesson/dlis.faire-avec/why-faire-avec';").await;
    app.find("[data-testid=notes-empty]").await;
    write_note(&app, "Demander à Mme K. quel courrier elle a reçu").await;
    app.check_accessibility("a lesson with a note").await;

    // Under the capsule, at 0:20; back to it from 0:50.
    app.js("location.hash = '#/video/dlis.faire-avec/capsule';").await;
    app.find("[data-testid=video]").await;
    app.until(
        "return document.querySelector('[data-testid=video]').readyState >= 1",
        20,
        "the capsule's metadata",
    )
    .await;
    app.js("document.querySelector('[data-testid=video]').currentTime = 20;").await;
    app.until(
        "return document.querySelector('[data-testid=note-add]').textContent.includes('0:20')",
        20,
        "the time on the button",
    )
    .await;
    write_note(&app, "Les quatre postures").await;
    let jump = "document.querySelector('[data-testid^=note-jump-]')";
    assert_eq!(app.js(&format!("return {jump}.textContent")).await, json!("0:20"));
    app.js("document.querySelector('[data-testid=video]').currentTime = 50;").await;
    app.js(&format!("{jump}.click();")).await;
    app.until(
        "return Math.abs(document.querySelector('[data-testid=video]').currentTime - 20) < 0.5",
        20,
        "the jump back",
    )
    .await;
    app.check_accessibility("a capsule with a note").await;

    // The lesson's note deleted.
    app.js("location.hash = '#/lesson/dlis.faire-avec/why-faire-avec';").await;
    app.find("[data-testid^=note-delete-]").await;
    app.click("[data-testid^=note-delete-]").await;
    app.find("[data-testid=notes-empty]").await;

    // Exported from Settings, to a file the learner chose (GTK's dialog cannot be driven by
    // WebDriver: the test gives the path the dialog would have).
    app.click("[data-testid=nav-settings]").await;
    app.find("[data-testid=settings-export-notes]").await;
    let file = dir.path().join("mes notes.md");
    let exported = within(
        "exporting the notes",
        app.client.execute_async(
            "const done = arguments[arguments.length - 1];
             window.__TAURI__.core.invoke('export_notes', { path: arguments[0], title: 'Notes de Amina' })
               .then(done, (e) => done('error: ' + (e.message || JSON.stringify(e))));",
            vec![json!(file)],
        ),
    )
    .await
    .unwrap();
    assert_eq!(exported, json!(1));
    app.close().await;
    let markdown = std::fs::read_to_string(&file).unwrap();
    assert!(markdown.starts_with("# Notes de Amina"), "{markdown}");
    assert!(markdown.contains("**0:20** Les quatre postures"), "{markdown}");
    assert!(!markdown.contains("Mme K."), "the deleted note is gone: {markdown}");
}
