//! Search in the app: a word typed without its accents finds a capsule's subtitle cue, which
//! opens the capsule at that time, a lesson's paragraph, which opens the lesson there, and the
//! learner's own note.

use serde_json::json;

#[tokio::test(flavor = "current_thread")]
async fn a_learner_searches_and_lands_on_the_cue_and_the_paragraph() {
    let started = crate::start_with_profile("Amina", "fr").await;
    let app = &started.app;

    app.click("[data-testid=nav-search]").await;
    crate::type_into(app, "search-input", "faute d'equipement").await;
    app.click("[data-testid=search-submit]").await;
    app.find("[data-testid=search-hits]").await;
    app.check_accessibility("search results").await;
    // The words found are marked as the capsule says them, accents and all.
    let marked =
        app.js("return [...document.querySelectorAll('.search-hit mark')].map((m) => m.textContent)").await;
    assert!(marked.as_array().unwrap().iter().any(|m| m == "équipement"), "{marked}");

    // The subtitle cue: the capsule opens at 0:06, where it is said.
    let cue = app
        .js("return [...document.querySelectorAll('[data-place=subtitle] a')].find((a) => a.href.includes('faire-avec'))?.dataset.testid")
        .await;
    app.click(&format!("[data-testid={}]", cue.as_str().expect("a subtitle hit in faire-avec"))).await;
    app.find("[data-testid=video]").await;
    app.until(
        "const v = document.querySelector('[data-testid=video]'); return v.readyState >= 1 && Math.abs(v.currentTime - 6.304) < 0.3;",
        20,
        "the capsule at the cue's time",
    )
    .await;
    app.wait_text("[data-testid=video-resume]", "0:06").await;

    // A lesson's paragraph: the lesson opens scrolled to it, the paragraph marked and focused.
    app.js("location.hash = '#/search/Aidants Connect';").await;
    app.find("[data-testid=search-hits]").await;
    let lesson = app.js("return document.querySelector('[data-place=lesson] a')?.dataset.testid").await;
    app.click(&format!("[data-testid={}]", lesson.as_str().expect("a lesson hit"))).await;
    app.find("[data-testid=found-passage]").await;
    let shown = app
        .js("const p = document.querySelector('[data-testid=found-passage]'); const r = p.getBoundingClientRect();
             return { text: p.textContent, inView: r.top >= 0 && r.bottom <= innerHeight, focused: document.activeElement === p };")
        .await;
    assert!(shown["text"].as_str().unwrap().contains("Aidants Connect"), "{shown}");
    assert_eq!(shown["inView"], json!(true), "{shown}");
    assert_eq!(shown["focused"], json!(true), "{shown}");
    app.check_accessibility("a lesson opened at a passage").await;

    // The learner's own notes are found too (from their profile, not the shared index).
    app.js("location.hash = '#/lesson/dlis.faire-avec/why-faire-avec';").await;
    let field = app.find("[data-testid=note-text]").await;
    crate::driver::within("typing", field.send_keys("Rappeler Mme Durand pour le dossier CAF"))
        .await
        .unwrap();
    app.click("[data-testid=note-add]").await;
    app.until("return document.querySelector('.notes-list').textContent.includes('Durand')", 20, "the note")
        .await;
    app.js("location.hash = '#/search/DURAND dossier';").await;
    app.find("[data-testid=search-hits]").await;
    assert_eq!(
        app.js("return document.querySelector('[data-testid=search-hit-0]').dataset.place").await,
        json!("note")
    );
    app.click("[data-testid=search-open-0]").await;
    app.find("[data-testid=lesson-content]").await;
    started.app.close().await;
}
