//! A learner whose language a module lacks: told so in their own language, shown the module
//! in English, free to choose another of its languages, and the choice is remembered.

use serde_json::json;

use crate::driver::{App, Display};

#[tokio::test(flavor = "current_thread")]
async fn a_romanian_learner_is_told_the_module_is_in_english_and_may_choose_french() {
    let _window = crate::WINDOW.lock().await;
    let dir = crate::temp();
    let samples = crate::sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();
    let module = crate::faire_avec();

    let app = App::start(&display, &data, &samples).await;
    crate::create_profile_in(&app, "Ioana", "ro").await;

    // faire-avec is in French and English: Ioana reads it in English, and is told why.
    app.click("[data-testid='open-module-dlis.faire-avec']").await;
    app.wait_text("[data-testid=language-fallback]", "nu este disponibil").await;
    app.wait_text("[data-testid=module-title]", &module.title["en"]).await;
    let lang = "return document.querySelector('[data-testid=module-title]').lang";
    assert_eq!(app.js(lang).await, json!("en"));
    app.check_accessibility("a module shown in another language").await;

    // She chooses French: the notice goes, the module and its lessons are in French.
    app.js("const s = document.querySelector('[data-testid=content-language]'); s.value = 'fr'; \
            s.dispatchEvent(new Event('change', { bubbles: true }));")
        .await;
    app.wait_text("[data-testid=module-title]", &module.title["fr"]).await;
    assert_eq!(app.js(lang).await, json!("fr"));
    assert_eq!(app.js("return document.querySelector('[data-testid=language-fallback]')").await, json!(null));
    app.js("location.hash = '#/lesson/dlis.faire-avec/why-faire-avec';").await;
    app.find("[data-testid=lesson-content]").await;
    app.wait_text("[data-testid=lesson-content]", "Quand l'accès aux droits passe par un écran").await;
    assert_eq!(
        app.js("return document.querySelector('[data-testid=lesson-content]').lang").await,
        json!("fr")
    );
    app.close().await;

    // After a restart, faire-avec is still in French for her.
    let app = App::start(&display, &data, &samples).await;
    app.click("[data-testid='open-module-dlis.faire-avec']").await;
    app.wait_text("[data-testid=module-title]", &module.title["fr"]).await;
    assert_eq!(
        app.js("return document.querySelector('[data-testid=content-language]').value").await,
        json!("fr")
    );
    assert_eq!(app.js("return document.querySelector('[data-testid=language-fallback]')").await, json!(null));
    app.close().await;
}

/// faire-avec with a first Romanian translation (bundle format 1.1): its title and first
/// lesson in Romanian, the rest not yet.
fn partly_romanian(dir: &std::path::Path) -> std::path::PathBuf {
    let src = dir.join("faire-avec-ro");
    let modules = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../modules/faire-avec");
    crate::copy_dir(&modules, &src);
    let manifest_path = src.join("module.json");
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&manifest_path).unwrap()).unwrap();
    manifest["format"] = json!("1.1");
    manifest["partial_languages"] = json!(["ro"]);
    manifest["title"]["ro"] = json!("A face împreună: sprijin pentru demersurile online");
    manifest["activities"][0]["body"]["ro"] = json!("lessons/why-faire-avec.ro.md");
    // Every question's prompt in Romanian, none of its options yet.
    let quiz =
        manifest["activities"].as_array_mut().unwrap().iter_mut().find(|a| a["kind"] == "quiz").unwrap();
    quiz["shuffle_questions"] = json!(false); // the first question has options to look at
    for question in quiz["questions"].as_array_mut().unwrap() {
        question["prompt"]["ro"] = json!(format!("Întrebarea {}", question["id"].as_str().unwrap()));
    }
    std::fs::write(
        src.join("lessons/why-faire-avec.ro.md"),
        "# A face împreună\n\nPersoana ține instrumentul.\n",
    )
    .unwrap();
    std::fs::write(&manifest_path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    let out = dir.join("samples-ro");
    std::fs::create_dir_all(&out).unwrap();
    dlis::bundle::pack::pack(
        &src,
        &out.join("faire-avec.zip"),
        &dlis::bundle::Limits::default(),
        &dlis::progress::Silent,
    )
    .unwrap();
    out
}

#[tokio::test(flavor = "current_thread")]
async fn a_partial_translation_plays_in_romanian_with_each_missing_piece_marked_as_english() {
    let _window = crate::WINDOW.lock().await;
    let dir = crate::temp();
    let samples = partly_romanian(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();

    let app = App::start(&display, &data, &samples).await;
    crate::create_profile_in(&app, "Mihai", "ro").await;

    // Romanian is his language and the module has it, in part: no notice, the title in Romanian.
    app.click("[data-testid='open-module-dlis.faire-avec']").await;
    app.wait_text("[data-testid=module-title]", "A face împreună").await;
    assert_eq!(app.js("return document.querySelector('[data-testid=language-fallback]')").await, json!(null));
    // Each text says its language: the title is Romanian, an untranslated lesson's title English.
    assert_eq!(app.js("return document.querySelector('[data-testid=module-title]').lang").await, json!("ro"));
    let untranslated =
        "return document.querySelector('[data-testid=open-activity-assess-and-accompany]').lang";
    assert_eq!(app.js(untranslated).await, json!("en"));

    // The translated lesson in Romanian; the next one, not translated yet, in English, marked so.
    app.js("location.hash = '#/lesson/dlis.faire-avec/why-faire-avec';").await;
    app.wait_text("[data-testid=lesson-content]", "Persoana ține instrumentul").await;
    let lesson_lang = "return document.querySelector('[data-testid=lesson-content]').lang";
    assert_eq!(app.js(lesson_lang).await, json!("ro"));
    app.js("location.hash = '#/lesson/dlis.faire-avec/assess-and-accompany';").await;
    app.wait_text("[data-testid=lesson-content]", "Start with a shared assessment").await;
    assert_eq!(app.js(lesson_lang).await, json!("en"));
    app.check_accessibility("a lesson a partial translation lacks").await;

    // The quiz: the prompt in Romanian, its options still in English, each marked so.
    app.js("location.hash = '#/quiz/dlis.faire-avec/check';").await;
    app.click("[data-testid=quiz-start]").await;
    app.wait_text("[data-testid=question-prompt]", "Întrebarea").await;
    assert_eq!(
        app.js("return document.querySelector('[data-testid=question-prompt]').lang").await,
        json!("ro")
    );
    let option_langs = app
        .js("return [...document.querySelectorAll('[data-testid=question] label[lang], [data-testid=question] option[lang], \
             [data-testid=question] .order-text')].map((e) => e.lang)")
        .await;
    let option_langs = option_langs.as_array().unwrap();
    assert!(!option_langs.is_empty() && option_langs.iter().all(|l| l == "en"), "{option_langs:?}");
    app.close().await;
}
