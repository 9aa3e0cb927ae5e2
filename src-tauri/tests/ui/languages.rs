//! A learner whose language a module lacks: told so in their own language, shown the module
//! in English, free to choose another of its languages, and the choice is remembered.

use serde_json::json;

use crate::driver::{App, Display, within};

#[tokio::test(flavor = "current_thread")]
async fn a_romanian_learner_is_told_the_module_is_in_english_and_may_choose_french() {
    let _window = crate::WINDOW.lock().await;
    let dir = crate::temp();
    let samples = crate::sample_bundles(dir.path());
    let data = dir.path().join("data");
    let display = Display::get();
    let module = crate::faire_avec();

    let app = App::start(&display, &data, &samples).await;
    app.find("[data-testid=new-profile-form]").await;
    let field = app.find("[data-testid=new-profile-name]").await;
    within("typing", field.send_keys("Ioana")).await.unwrap();
    app.js("const s = document.querySelector('[data-testid=new-profile-language]'); s.value = 'ro'; \
            s.dispatchEvent(new Event('change', { bubbles: true }));")
        .await;
    app.click("[data-testid=new-profile-create]").await;
    app.find("[data-testid=module-list]").await;

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
